// Website quality gates in a real browser: Debian's chromium, driven by
// playwright-core, on a built site served over HTTP from 127.0.0.1.
//
//   node tests/browser/site-gates.js --site out/site [--content content]
//        [--langs ko,en,am] [--screenshots out/screenshots]
//
// For the home, a system, a city, the systems list, the downloads and the
// self-assessment page in each language: the page loads at phone (390x844) and desktop
// (1280x900) width with no console error, every request answered 2xx/3xx
// and none leaving 127.0.0.1; a full-page screenshot of each width goes to
// the screenshots folder; axe-core finds no serious or critical violation
// at either width; and every link of the language switcher leads to the
// same page in that language when a translation exists, to that
// language's home otherwise (and a click on one of them lands there).
// One line per check, then "N passed, M failed"; exit status 1 on any
// failure. GATES_TIMING=1 prints on stderr how long each page took.
"use strict";
const fs = require("fs");
const path = require("path");
const http = require("http");
const { chromium } = require("playwright-core");

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TIMEOUT = 90000; // the machine may be busy: be patient

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const top = path.resolve(__dirname, "../..");
const site = path.resolve(option("--site", path.join(top, "out/site")));
const content = path.resolve(option("--content", path.join(top, "content")));
const shots = path.resolve(option("--screenshots", path.join(top, "out/screenshots")));
const langs = option("--langs", "ko,en,am").split(",");
const system = option("--system", "cio");
const city = option("--city", "addis-ababa");

// The pages: a name for the report and screenshots, and the path under a
// language's folder. Generated pages exist in every language; a content
// page has a translation when its content file does.
const PAGES = [
  { name: "home", key: "", generated: true },
  { name: "system", key: "systems/" + system + "/", file: ["systems/" + system + "/index", "systems/" + system] },
  { name: "city", key: "cities/" + city + "/", file: ["cities/" + city + "/index", "cities/" + city] },
  { name: "systems-list", key: "systems/", generated: true }, // the one page with filter.js
  { name: "downloads", key: "downloads/", generated: true },
  { name: "self-assessment", key: "self-assessment/", generated: true },
  { name: "search", key: "search/", generated: true },
  // Pages with diagrams: a flow (SVG text), a timeline and a radar (cairo).
  { name: "flow", key: "systems/dasan-120/", file: ["systems/dasan-120/index"], optional: true },
  { name: "timeline", key: "studies/maputo-2013/", file: ["studies/maputo-2013"], optional: true },
  { name: "radar", key: "diagnostics/maputo-2013/", file: ["diagnostics/maputo-2013"], optional: true },
];
const VIEWPORTS = [
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: "desktop", viewport: { width: 1280, height: 900 } },
];
function translated(page, lang) {
  return page.generated || page.file.some((f) => fs.existsSync(path.join(content, f + "." + lang + ".md")));
}

let passed = 0, failed = 0;
function report(name, problems) {
  if (problems.length === 0) { passed++; console.log("ok   " + name); return; }
  failed++;
  console.log("FAIL " + name);
  problems.forEach((p) => String(p).split("\n").forEach((l) => console.log("     | " + l)));
}
async function check(name, fn) {
  let problems;
  try { problems = await fn(); } catch (e) { problems = [e && e.stack ? e.stack : String(e)]; }
  report(name, problems);
}

// ---- a static server for the built site -----------------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif",
  ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
  ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml",
  ".pdf": "application/pdf", ".json": "application/json" };
function serve(dir) {
  const server = http.createServer((req, res) => {
    let url;
    try { url = decodeURIComponent(new URL(req.url, "http://x").pathname); } catch (e) { res.writeHead(400); res.end(); return; }
    const file = path.join(dir, path.normalize(url));
    if (file !== dir && !file.startsWith(dir + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        if (!url.endsWith("/")) { res.writeHead(301, { Location: url + "/" }); res.end(); return; }
        return send(res, path.join(file, "index.html"), req.method);
      }
      send(res, file, req.method);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
function send(res, file, method) {
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404, { "Content-Type": "text/plain" }); res.end("not found"); return; }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
      "Content-Length": data.length, "Cache-Control": "no-store" });
    res.end(method === "HEAD" ? undefined : data);
  });
}

// ---- one page load ----------------------------------------------------------

// Opens url in a new page of context; returns the page and what went wrong
// while it loaded: console errors, script errors, requests that failed or
// were answered 4xx/5xx, requests for anything but the local server.
async function load(context, url, origin) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  page.on("pageerror", (e) => problems.push("script error: " + String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push("HTTP " + r.status() + ": " + r.url());
  });
  page.on("requestfailed", (r) => {
    if (!r.url().startsWith(origin)) return; // reported below, as leaving the site
    problems.push("request failed (" + ((r.failure() || {}).errorText || "?") + "): " + r.url());
  });
  await page.route((u) => !u.href.startsWith(origin) && !/^(data|blob):/.test(u.href), (route) => {
    problems.push("request leaves 127.0.0.1: " + route.request().url());
    return route.abort("blockedbyclient");
  });
  const res = await page.goto(url, { waitUntil: "load", timeout: TIMEOUT });
  if (!res) problems.push("no response for " + url);
  else if (res.status() !== 200) problems.push("HTTP " + res.status() + " for the page itself");
  return { page, problems };
}


// ---- the phone layout ------------------------------------------------------

// At 390x844: the page is no wider than the screen, the header is at most
// 120 px tall, the page's heading ends above the fold, and no diagram label is drawn under 11 CSS px. Diagrams
// are SVG images: their <text> font sizes times the scale they are shown
// at; for charts cairo drew as glyph outlines, each glyph group's tallest
// outline taken as 0.75 em (a capital or a digit of Noto Sans is 0.71-0.73
// em, so the estimate is never smaller than the real size by much).
async function phoneLayout(page) {
  return page.evaluate(async () => {
    const problems = [];
    const header = document.querySelector(".site-header");
    const h = header ? header.getBoundingClientRect().height : 0;
    if (!header || h > 120) problems.push("header is " + Math.round(h) + " px tall (at most 120)");
    // A wide chart or table scrolls inside its own box; the page never does.
    const sw = document.documentElement.scrollWidth, cw = document.documentElement.clientWidth;
    if (sw > cw + 1) problems.push("the page is " + sw + " px wide at " + cw + " px: it scrolls sideways");
    const h1 = document.querySelector("main h1");
    if (h1 && h1.getBoundingClientRect().bottom > 844)
      problems.push("the heading ends at " + Math.round(h1.getBoundingClientRect().bottom) + " px, below the fold");
    for (const img of document.querySelectorAll("main img[src$='.svg']")) {
      if (img.closest(".site-header")) continue;
      const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), "image/svg+xml").documentElement;
      const vb = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
      const units = vb.length === 4 ? vb[2] : parseFloat(svg.getAttribute("width"));
      const scale = img.getBoundingClientRect().width / units;
      let least = Infinity;
      for (const t of svg.querySelectorAll("text, tspan")) {
        const fs = parseFloat(t.getAttribute("font-size") || (t.getAttribute("style") || "").replace(/.*font-size:\s*([\d.]+).*/, "$1"));
        if (fs) least = Math.min(least, fs);
      }
      const groups = {};
      for (const sym of svg.querySelectorAll("symbol[id^='glyph']")) {
        const g = sym.id.replace(/-\d+$/, ""), ys = [];
        for (const p of sym.querySelectorAll("path")) {
          const n = (p.getAttribute("d").match(/-?[\d.]+/g) || []).map(Number);
          for (let i = 1; i < n.length; i += 2) ys.push(n[i]);
        }
        if (ys.length) groups[g] = Math.max(groups[g] || 0, Math.max(...ys) - Math.min(...ys));
      }
      for (const hgt of Object.values(groups)) if (hgt > 0) least = Math.min(least, hgt / 0.75);
      if (least !== Infinity && least * scale < 10.95)
        problems.push(img.getAttribute("src") + ": text of " + (least * scale).toFixed(1) + " px (at least 11)");
    }
    return problems;
  });
}

// ---- the root page ------------------------------------------------------------

// The site's entry (/index.html, also what the offline copy opens): at
// phone width each language is a tap target of 44 px or more whose name
// is not broken over lines, and the page does not scroll sideways.
async function root(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const res = await page.goto(origin + "index.html", { timeout: TIMEOUT });
    if (!res || res.status() !== 200) return ["no root page"];
    return await page.evaluate(() => {
      const problems = [];
      const sw = document.documentElement.scrollWidth, cw = document.documentElement.clientWidth;
      if (sw > cw + 1) problems.push("the page is " + sw + " px wide at " + cw + " px");
      const links = [...document.querySelectorAll(".language-choice a")];
      if (links.length < 2) problems.push("only " + links.length + " language links");
      for (const a of links) {
        const box = a.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(a).lineHeight) || 1.5 * parseFloat(getComputedStyle(a).fontSize);
        if (box.height < 43.5) problems.push(a.textContent + ": " + Math.round(box.height) + " px tall (at least 44)");
        if (a.getClientRects().length > 1 || box.height > line * 1.9 + 30)
          problems.push(a.textContent + ": its name breaks over lines");
      }
      return problems;
    });
  } finally {
    await context.close();
  }
}

// ---- downloads and city pages ------------------------------------------------

// The downloads page of lang without script: grouped lists (a heading per
// city), the filter hidden, the page's language first in every group that
// has it. With script: the filter narrows to a city, then to a kind and a
// language. Every city's documents are linked from its page, which repeats
// no heading.
async function downloads(browser, origin, lang) {
  const problems = [];
  const url = origin + lang + "/downloads/";
  const plain = await browser.newContext({ javaScriptEnabled: false });
  let page = await plain.newPage();
  await page.goto(url, { timeout: TIMEOUT });
  const groups = await page.$$eval(".dl-group", (gs, lang) => gs.map((g) => ({
    id: g.id, heading: (g.querySelector("h2") || {}).textContent,
    first: (g.querySelector("li[data-lang]") || { dataset: {} }).dataset.lang,
    has: !!g.querySelector('li[data-lang="' + lang + '"]'),
    docs: [...g.querySelectorAll("li[data-kind] a")].map((a) => a.getAttribute("href").replace(/^(\.\.\/)+/, "")),
  })), lang);
  if (groups.length < 2) problems.push("without script: " + groups.length + " groups, want one per city and the flyers");
  for (const g of groups) {
    if (!g.heading) problems.push("without script: group " + g.id + " has no heading");
    if (g.has && g.first !== lang) problems.push("without script: group " + g.id + " starts with a document in " + g.first + ", not " + lang);
  }
  if (await page.isVisible("#dl-filter")) problems.push("without script: the filter form shows (it cannot work)");
  await plain.close();

  const ctx = await browser.newContext();
  page = await ctx.newPage();
  await page.goto(url, { timeout: TIMEOUT });
  const visible = () => page.$$eval(".dl-group li[data-kind]", (l) => l.filter((li) => li.offsetParent).map((li) => li.dataset));
  if (!(await page.isVisible("#dl-filter select[name=city]"))) problems.push("with script: no filter shown");
  else {
    const city = groups.find((g) => g.id.startsWith("city-") && g.docs.length > 1);
    const slug = city ? city.id.slice(5) : "";
    await page.selectOption("#dl-filter select[name=city]", slug);
    const inCity = await visible();
    if (!inCity.length || inCity.some((d) => d.city !== slug)) problems.push("with script: city " + slug + " shows " + JSON.stringify(inCity));
    const pick = (await page.$$eval('.dl-group li[data-city="' + slug + '"]', (l) => l.map((li) => li.dataset)))
      .find((d) => d.lang !== lang) || inCity[0];
    await page.selectOption("#dl-filter select[name=kind]", pick.kind);
    await page.selectOption("#dl-filter select[name=lang]", pick.lang);
    const one = await visible();
    if (!one.length || one.some((d) => d.city !== slug || d.kind !== pick.kind || d.lang !== pick.lang))
      problems.push("with script: " + slug + " " + pick.kind + " " + pick.lang + " shows " + JSON.stringify(one));
  }
  // Each city's page links every document of its group here.
  for (const g of groups.filter((g) => g.id.startsWith("city-"))) {
    await page.goto(origin + lang + "/cities/" + g.id.slice(5) + "/", { timeout: TIMEOUT });
    const links = await page.$$eval("main a[href$='.pdf']", (l) => l.map((a) => a.getAttribute("href").replace(/^(\.\.\/)+/, "")));
    const missing = g.docs.filter((d) => !links.includes(d));
    if (missing.length) problems.push(lang + "/cities/" + g.id.slice(5) + "/ does not link " + missing.join(" "));
    const heads = await page.$$eval("main h2", (l) => l.map((h) => h.textContent.trim()));
    const twice = heads.filter((h, i) => heads.indexOf(h) !== i);
    if (twice.length) problems.push(lang + "/cities/" + g.id.slice(5) + "/ repeats the heading " + twice.join(", "));
  }
  await ctx.close();
  return problems;
}

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe-core's serious and critical violations on the page, one line each
// node: rule (impact): help, then the element's selector and markup.
async function axe(page) {
  // evaluated through the browser protocol: the page's Content-Security-Policy
  // (script-src 'self') rightly refuses an inline script tag
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary })),
    }));
  });
  const out = [];
  for (const v of violations)
    for (const n of v.nodes)
      out.push(v.id + " (" + v.impact + "): " + v.help + "\n  at " + n.target + "\n  " +
        (n.html.length > 200 ? n.html.slice(0, 200) + "…" : n.html) +
        (n.summary ? "\n  " + n.summary.replace(/\n\s*/g, " ") : ""));
  return out;
}

// The switcher of a page in lang: one entry per language of the site, the
// current one not a link, every link to the same page when that language
// has a translation of it and to the language's home otherwise.
async function switcher(page, pg, lang, origin, siteLangs) {
  const problems = [];
  const entries = await page.$$eval("nav.languages li > *", (l) => l.map((e) => ({
    tag: e.tagName.toLowerCase(), lang: e.getAttribute("lang"), hreflang: e.getAttribute("hreflang"),
    current: e.getAttribute("aria-current"), href: e.tagName === "A" ? e.href : null })));
  const seen = entries.map((e) => e.lang).sort();
  if (JSON.stringify(seen) !== JSON.stringify([...siteLangs].sort()))
    problems.push("switcher languages: " + seen.join(" ") + "\n  site languages: " + [...siteLangs].sort().join(" "));
  for (const e of entries) {
    if (e.lang === lang) {
      if (e.tag === "a" || e.current !== "true") problems.push(lang + ": the current language should be a span with aria-current=true");
      continue;
    }
    if (e.tag !== "a") { problems.push(e.lang + ": not a link"); continue; }
    if (e.hreflang !== e.lang) problems.push(e.lang + ": hreflang=" + e.hreflang);
    const want = origin + e.lang + "/" + (translated(pg, e.lang) ? pg.key : "");
    if (e.href !== want) problems.push(e.lang + ": links to " + e.href.replace(origin, "/") + ", want " + want.replace(origin, "/") +
      (translated(pg, e.lang) ? " (translated)" : " (no translation: that language's home)"));
    else {
      const r = await page.request.get(e.href);
      const body = r.ok() ? await r.text() : "";
      if (r.status() !== 200) problems.push(e.lang + ": " + e.href.replace(origin, "/") + " answers " + r.status());
      else if (!new RegExp('<html[^>]* lang="' + e.lang + '"').test(body))
        problems.push(e.lang + ": " + e.href.replace(origin, "/") + " is not a page in " + e.lang);
    }
  }
  return problems;
}

// A click on the switcher's link to `to` lands on the page it should.
async function clickTo(page, pg, to, origin) {
  const link = page.locator('nav.languages a[hreflang="' + to + '"]');
  const before = page.url();
  // The languages are behind a disclosure (<details>): open it first.
  const picker = page.locator("details.lang-picker > summary");
  if (await picker.count()) await picker.click();
  await link.click();
  await page.waitForURL((u) => u.href !== before, { timeout: TIMEOUT, waitUntil: "load" });
  const want = origin + to + "/" + (translated(pg, to) ? pg.key : "");
  const got = page.url();
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  const problems = [];
  if (got !== want) problems.push("click on " + to + " lands on " + got.replace(origin, "/") + ", want " + want.replace(origin, "/"));
  if (htmlLang !== to) problems.push("click on " + to + " lands on a page in " + htmlLang);
  return problems;
}

async function main() {
  for (const l of langs)
    for (const pg of PAGES)
      if (!fs.existsSync(path.join(site, l, pg.key, "index.html"))) throw new Error("no page " + l + "/" + pg.key + " in " + site);
  const siteLangs = fs.readdirSync(site).filter((d) => fs.existsSync(path.join(site, d, "index.html")) &&
    fs.existsSync(path.join(site, d, "feed.xml")));
  fs.mkdirSync(shots, { recursive: true });
  const server = await serve(site);
  const origin = "http://127.0.0.1:" + server.address().port + "/";
  // A fresh profile for each width (a persistent context is how
  // playwright-core takes --user-data-dir), removed at the end.
  const profile = fs.mkdtempSync(path.join(require("os").tmpdir(), "kitgen-gates-profile-"));
  let shotCount = 0;
  const results = {}; // "lang page" -> what went wrong, by check
  for (const lang of langs)
    for (const pg of PAGES) results[lang + " " + pg.name] = { load: [], axe: [], switcher: [], page: pg, lang };
  const contexts = [];
  const time = (what, t0) => { if (process.env.GATES_TIMING) console.error(what + " " + (Date.now() - t0) + " ms"); };

  // One width: each page loads, is photographed and checked by axe; at
  // desktop width the switcher is checked too.
  async function width(vp) {
    const context = await chromium.launchPersistentContext(path.join(profile, vp.name), {
      executablePath: CHROMIUM, args: ARGS, timeout: TIMEOUT,
      viewport: vp.viewport, isMobile: !!vp.isMobile, hasTouch: !!vp.hasTouch });
    contexts.push(context);
    for (const lang of langs) {
      for (const pg of PAGES) {
        const r = results[lang + " " + pg.name];
        const url = origin + lang + "/" + pg.key;
        const at = (s) => vp.name + ": " + s;
        const t0 = Date.now();
        let page, problems = [];
        try {
          const l = await load(context, url, origin);
          page = l.page;
          problems = l.problems; // still filled while the page is open
          await page.screenshot({ path: path.join(shots, lang + "-" + pg.name + "-" + vp.name + ".png"),
            fullPage: true, animations: "disabled", timeout: TIMEOUT });
          shotCount++;
          r.axe.push(...(await axe(page)).map(at));
          if (vp.name === "phone") r.load.push(...(await phoneLayout(page)).map(at));
          if (vp.name === "desktop") {
            problems = problems.slice(); // what the page after a click does is not this page's
            r.switcher.push(...await switcher(page, pg, lang, origin, siteLangs));
            const to = langs[(langs.indexOf(lang) + 1) % langs.length];
            if (to !== lang) r.switcher.push(...await clickTo(page, pg, to, origin));
          }
        } catch (e) {
          r.load.push(at(e && e.stack ? e.stack : String(e)));
        } finally {
          r.load.push(...problems.map(at));
          if (page) await page.close();
          time(vp.name + " " + url, t0);
        }
      }
    }
    await context.close();
  }

  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: TIMEOUT });
    try {
      for (const lang of langs)
        report("downloads: /" + lang + "/downloads/ grouped without script, filtered with it; city pages link their documents",
          await downloads(browser, origin, lang).catch((e) => [e.stack || String(e)]));
      report("root: /index.html at 390x844 lists every language on one line each, no sideways scroll",
        await root(browser, origin).catch((e) => [e.stack || String(e)]));
    } finally {
      await browser.close();
    }
    // Both widths at once: the machine may be busy, and each browser
    // mostly waits on its own renderer.
    await Promise.all(VIEWPORTS.map(width));
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const [name, r] of Object.entries(results))
    report("browser: " + name + " (/" + r.lang + "/" + r.page.key + ") loads clean at phone and desktop width", r.load);
  for (const [name, r] of Object.entries(results))
    report("browser: " + name + ": language switcher leads to the same page or that language's home", r.switcher);
  for (const [name, r] of Object.entries(results))
    report("axe: " + name + ": no serious or critical violations", r.axe);
  report("screenshots: " + shotCount + " at 390x844 and 1280x900 in " + path.relative(process.cwd(), shots),
    shotCount === langs.length * PAGES.length * VIEWPORTS.length ? [] : ["only " + shotCount + " taken"]);
}

main().then(() => {
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log("FAIL browser gates could not run");
  console.log("     | " + String(e && e.stack ? e.stack : e).split("\n").join("\n     | "));
  console.log(passed + " passed, " + (failed + 1) + " failed");
  process.exit(1);
});
