// Search in a real browser (Debian's chromium, driven by playwright-core):
// each query is typed into LANG/search/ of a built site, served over HTTP
// from 127.0.0.1 and opened from file://, and the first result must be the
// expected page. Over HTTP the bytes the query made the browser fetch
// (resource timings: the script, the manifest, chunks, fragments) must stay
// under --max-bytes. Without JavaScript the search page lists every page.
//
//   node tests/browser/search-test.js --site DIR --cases FILE [--max-bytes N]
//
// FILE has one case a line: LANG<TAB>QUERY<TAB>EXPECTED PATH (such as
// ko/systems/cio/); # starts a comment. One line per check, then
// "N passed, M failed"; exit status 1 on any failure.
"use strict";
const fs = require("fs");
const path = require("path");
const http = require("http");
const { chromium } = require("playwright-core");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--allow-file-access-from-files"];
const TIMEOUT = 90000;
function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const site = path.resolve(option("--site", "out/site"));
const maxBytes = Number(option("--max-bytes", "0"));
const cases = fs.readFileSync(option("--cases", ""), "utf8").split("\n")
  .filter((l) => l.trim() && !l.startsWith("#")).map((l) => {
    const [lang, q, want] = l.split("\t");
    return { lang, q, want };
  });

let passed = 0, failed = 0;
function report(name, problems) {
  if (!problems.length) { passed++; console.log("ok   " + name); return; }
  failed++;
  console.log("FAIL " + name);
  problems.forEach((p) => String(p).split("\n").forEach((l) => console.log("     | " + l)));
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".xml": "application/xml" };
function serve(dir) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    const file = path.join(dir, path.normalize(p));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Content-Length": body.length });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// Opens the search page with ?q=, waits for the results; the first
// result's address (inside the site), the bytes fetched for search, and
// any script error.
async function query(context, base, c, file) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const url = base + c.lang + "/search/" + (file ? "index.html" : "") + "?q=" + encodeURIComponent(c.q);
  await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
  await page.waitForSelector("#search-results .count", { timeout: TIMEOUT });
  const first = await page.$eval("#search-results", (b) => {
    const a = b.querySelector(".results a");
    return a ? a.href : null;
  });
  const marked = await page.$$eval("#search-results mark", (m) => m.length);
  const bytes = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => /\/search\/|search\.js/.test(e.name))
    .reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0));
  await page.close();
  return { first: first ? first.replace(base, "") : null, marked, bytes, errors };
}

async function main() {
  const server = await serve(site);
  const origin = "http://127.0.0.1:" + server.address().port + "/";
  const fileBase = "file://" + site + "/";
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS, timeout: TIMEOUT });
  try {
    let most = 0;
    for (const c of cases) {
      for (const [how, base, want] of [["http", origin, c.want], ["file://", fileBase, c.want + "index.html"]]) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        const problems = [];
        try {
          const r = await query(context, base, c, how !== "http");
          if (r.first !== want) problems.push("first result " + r.first + ", want " + want);
          if (!r.marked) problems.push("no word highlighted in the results");
          problems.push(...r.errors);
          if (how === "http") {
            most = Math.max(most, r.bytes);
            if (maxBytes && r.bytes > maxBytes) problems.push(r.bytes + " bytes fetched, more than " + maxBytes);
            if (!r.bytes) problems.push("no bytes fetched: the resource timings saw nothing");
          }
          report("search " + how + ": " + c.lang + " '" + c.q + "' finds /" + c.want + " first" +
            (how === "http" ? " (" + r.bytes + " bytes)" : ""), problems);
        } catch (e) {
          report("search " + how + ": " + c.lang + " '" + c.q + "'", [e.stack || String(e)]);
        } finally {
          await context.close();
        }
      }
    }
    if (maxBytes) console.log("most bytes fetched for one query: " + most);
    // The offline copy (kitgen build --zip, unpacked): from index.html, a
    // click on the language and a query in the header's search field lead
    // to the results, all through file://.
    if (process.argv.includes("--offline")) {
      const c = cases[0];
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const problems = [];
      try {
        const page = await context.newPage();
        page.on("pageerror", (e) => problems.push(String(e)));
        await page.goto(fileBase + "index.html", { timeout: TIMEOUT });
        await page.click('main a[hreflang="' + c.lang + '"]');
        await page.waitForURL(fileBase + c.lang + "/index.html", { timeout: TIMEOUT });
        await page.fill(".site-search input[name=q]", c.q);
        await page.press(".site-search input[name=q]", "Enter");
        await page.waitForSelector("#search-results .results a", { timeout: TIMEOUT });
        const first = (await page.$eval("#search-results .results a", (a) => a.href)).replace(fileBase, "");
        if (first !== c.want + "index.html") problems.push("first result " + first + ", want " + c.want + "index.html");
        await page.click("#search-results .results a");
        await page.waitForURL(fileBase + c.want + "index.html", { timeout: TIMEOUT });
      } catch (e) {
        problems.push(e.stack || String(e));
      } finally {
        await context.close();
      }
      report("offline copy: index.html → " + c.lang + " → header search '" + c.q + "' → /" + c.want + ", all via file://", problems);
    }
    // Without JavaScript: the search page lists every page of its language.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const lang = cases[0].lang;
    await page.goto(origin + lang + "/search/?q=" + encodeURIComponent(cases[0].q), { timeout: TIMEOUT });
    const links = await page.$$eval("#all-pages a", (l) => l.filter((a) => a.offsetParent).map((a) => a.getAttribute("href")));
    const want = cases[0].want;
    report("search without JavaScript: /" + lang + "/search/ lists " + links.length + " pages, /" + want + " among them",
      links.some((h) => h.replace(/index\.html$/, "").endsWith(want.replace(lang + "/", ""))) ? [] : ["no link to " + want + " in " + links.join(" ")]);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

main().then(() => {
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log("FAIL search tests could not run\n     | " + String(e && e.stack || e));
  console.log(passed + " passed, " + (failed + 1) + " failed");
  process.exit(1);
});
