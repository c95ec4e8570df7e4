// The self-assessment page in a real browser: Debian's chromium, driven by
// playwright-core, on a built site served over HTTP from 127.0.0.1.
//
//   node tests/browser/diagnose-test.js --kitgen ./kitgen --site out/site \
//        --fixtures tests/diagnose/fixtures
//
// Checks that the browser scorer (assets/diagnose.js) gives byte for byte
// the JSON of `kitgen diagnose FILE --json` for every fixture, rejects what
// kitgen rejects, and that the form scores, marks errors, downloads a
// content file kitgen accepts, and still shows without JavaScript. One line
// per check, then "N passed, M failed"; exit status 1 on any failure.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const http = require("http");
const { spawnSync } = require("child_process");
const { chromium } = require("playwright-core");

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const kitgen = path.resolve(option("--kitgen", "./kitgen"));
const site = path.resolve(option("--site", "out/site"));
const fixtures = path.resolve(option("--fixtures", "tests/diagnose/fixtures"));

let passed = 0, failed = 0;
function report(name, ok, detail) {
  if (ok) { passed++; console.log("ok   " + name); return; }
  failed++;
  console.log("FAIL " + name);
  if (detail) String(detail).split("\n").forEach((l) => console.log("     | " + l));
}
async function check(name, fn) {
  try {
    const detail = await fn();
    report(name, detail === true || detail === undefined, detail === true ? "" : detail);
  } catch (e) {
    report(name, false, e && e.stack ? e.stack : e);
  }
}

// ---- the fixtures: front matter of the content-file format ---------------

// Enough YAML for a diagnosis: scalars, a flow or block 'problems' list and
// the 'values' map, every value kept as the text written (the scorers must
// read it the same way).
function readDiagnosis(file) {
  const text = fs.readFileSync(file, "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(file + ": no front matter");
  const out = { values: {}, problems: [] };
  let block = null;
  for (const line of m[1].split("\n")) {
    let g;
    if ((g = /^  ([A-Za-z0-9_-]+):\s*(.*?)\s*$/.exec(line)) && block === "values") {
      out.values[g[1]] = g[2].replace(/^"(.*)"$/, "$1");
    } else if ((g = /^\s*-\s+(.*?)\s*$/.exec(line)) && block === "problems") {
      out.problems.push(g[1]);
    } else if ((g = /^([a-z_]+):\s*(.*?)\s*$/.exec(line))) {
      block = g[2] === "" ? g[1] : null;
      if (g[1] === "problems" && g[2].startsWith("["))
        out.problems = g[2].slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean);
      else if (g[2] !== "") out[g[1]] = g[2].replace(/^"(.*)"$/, "$1");
    }
  }
  return out;
}

// kitgen diagnose FILE --json: {status, json (its one line), stderr}.
function cDiagnose(file) {
  const r = spawnSync(kitgen, ["diagnose", file, "--json"], { encoding: "utf8" });
  return { status: r.status, json: (r.stdout || "").trim(), stderr: r.stderr || "" };
}

// ---- a static server for the built site -----------------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
  ".xml": "application/xml", ".pdf": "application/pdf", ".json": "application/json" };
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end("not found"); return; }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// A page whose requests never leave the local server, and whose script
// errors are collected.
async function openPage(context, url, origin) {
  const page = await context.newPage();
  page.errors = [];
  page.foreign = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") page.errors.push(m.text()); });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith("blob:") || u.startsWith("data:")) return route.continue();
    page.foreign.push(u);
    return route.abort();
  });
  await page.goto(url);
  return page;
}

// Fills the form with a diagnosis's values, as a person would.
async function fillForm(page, dx, cityName) {
  await page.fill("#dx-city", cityName);
  await page.fill("#dx-date", dx.date);
  for (const box of await page.$$("input[name=problems]")) {
    const v = await box.getAttribute("value");
    if (dx.problems.includes(v)) await box.check(); else await box.uncheck();
  }
  for (const [id, v] of Object.entries(dx.values)) {
    const sel = "#dx-i-" + id;
    const method = await page.getAttribute(sel, "data-method");
    if (method === "yesno")
      await page.selectOption(sel, v === "yes" || v === "true" || Number(v) >= 0.5 ? "yes" : "no");
    else
      await page.fill(sel, v);
  }
}

async function main() {
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith(".md")).sort();
  const server = await serve(site);
  const origin = "http://127.0.0.1:" + server.address().port + "/";
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kitgen-browser-"));
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await openPage(context, origin + "en/self-assessment/", origin);

    await check("page loads the browser scorer", async () =>
      (await page.evaluate(() => typeof window.kitgenDiagnose)) === "object" || "window.kitgenDiagnose is missing");

    // 1. Same JSON as the C scorer, for every fixture.
    for (const f of files) {
      const file = path.join(fixtures, f);
      await check("same JSON as kitgen diagnose: " + f, async () => {
        const c = cDiagnose(file);
        if (c.status !== 0) return "kitgen diagnose failed:\n" + c.stderr;
        const dx = readDiagnosis(file);
        const js = await page.evaluate(([v, p]) => window.kitgenDiagnose.json(v, p), [dx.values, dx.problems]);
        const obj = await page.evaluate(([v, p]) => window.kitgenDiagnose.evaluate(v, p), [dx.values, dx.problems]);
        if (js !== c.json) return "kitgen:  " + c.json + "\nbrowser: " + js;
        if (JSON.stringify(obj) !== JSON.stringify(JSON.parse(c.json)))
          return "evaluate() differs from the JSON:\n" + JSON.stringify(obj);
        return true;
      });
    }

    // 2. What kitgen rejects, the browser rejects with the same message.
    const maputo = readDiagnosis(path.join(fixtures, "maputo-values.en.md"));
    const broken = [
      ["a missing indicator", (t) => t.replace(/^  e_life: .*\n/m, ""), "missing indicator 'e_life'"],
      ["a value out of range", (t) => t.replace(/^  adult_literacy: .*$/m, "  adult_literacy: 101"), "value of 'adult_literacy' is out of range: '101'"],
      ["a yes/no value of 2", (t) => t.replace(/^  inst_cio: .*$/m, "  inst_cio: 2"), "value of 'inst_cio' is out of range: '2'"],
      ["an unknown indicator", (t) => t.replace(/^values:\n/m, "values:\n  gdp_growth: 3\n"), "unknown indicator 'gdp_growth'"],
    ];
    for (const [what, edit, message] of broken) {
      await check("both reject " + what, async () => {
        const file = path.join(tmp, "broken-" + what.replace(/[^a-z]+/g, "-") + ".en.md");
        fs.writeFileSync(file, edit(fs.readFileSync(path.join(fixtures, "maputo-values.en.md"), "utf8")));
        const c = cDiagnose(file);
        if (c.status === 0 || !c.stderr.includes(message)) return "kitgen: status " + c.status + "\n" + c.stderr;
        const dx = readDiagnosis(file);
        const r = await page.evaluate(([v, p]) => window.kitgenDiagnose.evaluate(v, p), [dx.values, dx.problems]);
        if (!r.errors || !r.errors.some((e) => e.message === message))
          return "browser: " + JSON.stringify(r);
        return true;
      });
    }

    // kitgen scores the FILE it is given, even when the file's NAME is that
    // of a diagnosis in content/ (a download saved as maputo-2013.en.md).
    await check("kitgen diagnose FILE scores FILE, not the catalogue page of that name", async () => {
      const file = path.join(tmp, "maputo-2013.en.md");
      fs.writeFileSync(file, fs.readFileSync(path.join(fixtures, "maputo-values.en.md"), "utf8")
        .replace(/^  gdp_per_capita: .*$/m, "  gdp_per_capita: 30000"));
      const c = cDiagnose(file);
      if (c.status !== 0) return "kitgen diagnose failed:\n" + c.stderr;
      return c.json.includes('"economy":100.0') || "economy should be 100.0 (GDP 30000): " + c.json;
    });

    // 3. The form, filled as a person would, with the Maputo sample values.
    const cMaputo = cDiagnose(path.join(fixtures, "maputo-values.en.md")).json;
    await check("form: Maputo scores civil-complaints first", async () => {
      await fillForm(page, maputo, "Maputo");
      await page.click("#dx-form button[type=submit]");
      const first = await page.getAttribute("#dx-recommend > li:first-child", "data-system");
      const index = await page.textContent("#dx-index");
      const current = await page.getAttribute("#dx-ladder [aria-current=step]", "data-stage");
      const link = await page.getAttribute("#dx-recommend > li:first-child a", "href");
      if (first !== "civil-complaints") return "first recommendation: " + first;
      if (index !== "16.7" || current !== "e-gov") return "index " + index + ", stage " + current;
      if (link !== "../../en/systems/civil-complaints/") return "link: " + link;
      return true;
    });
    await check("form: results panel shows every stage, a bar per field, reasons", async () => {
      const stages = await page.$$eval("#dx-ladder li", (l) => l.map((e) => e.className));
      const bars = await page.$$eval("#dx-bars li", (l) => l.map((e) => [e.getAttribute("data-field"),
        e.querySelector(".dx-bar-value").textContent, e.querySelector(".dx-bar-fill").style.width]));
      const reasons = await page.textContent("#dx-recommend > li:first-child .reasons");
      const live = await page.getAttribute("#dx-results", "aria-live");
      const want = JSON.parse(cMaputo).fields;
      if (stages.length !== 4 || stages[0] !== "stage reached current") return "stages: " + stages;
      for (const [id, shown, width] of bars)
        if (shown !== want[id].toFixed(1) || !width.endsWith("%")) return "bar " + id + ": " + shown + " " + width;
      if (!/waste and illegal dumping/.test(reasons) || !/at least 20% of people using the Internet/.test(reasons))
        return "reasons: " + reasons;
      return live === "polite" || "aria-live: " + live;
    });
    await check("form: download gives a content file kitgen scores the same", async () => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dx-download")]);
      const name = download.suggestedFilename();
      const file = path.join(tmp, name);
      await download.saveAs(file);
      const text = fs.readFileSync(file, "utf8");
      if (name !== "maputo-" + maputo.date + ".en.md") return "file name: " + name;
      for (const line of ["city: maputo", "date: " + maputo.date, "sample: false", "problems: [complaints, waste]",
                          "  gdp_per_capita: 600", "  svc_open_data: no", "  inst_it_staff: yes"])
        if (!text.split("\n").includes(line)) return "no line '" + line + "' in\n" + text;
      const c = cDiagnose(file);
      if (c.status !== 0) return "kitgen diagnose " + name + ":\n" + c.stderr;
      return c.json === cMaputo || "kitgen on the download: " + c.json + "\nexpected: " + cMaputo;
    });

    // 4. Errors are shown next to their inputs.
    await check("form: missing and out-of-range values are marked", async () => {
      await page.fill("#dx-i-gdp_per_capita", "");
      await page.fill("#dx-i-adult_literacy", "120");
      await page.selectOption("#dx-i-inst_cio", "");
      await page.click("#dx-form button[type=submit]");
      const marks = await page.$$eval("[aria-invalid=true]", (l) => l.map((e) => e.id));
      const msgs = await page.evaluate(() => ["dx-i-gdp_per_capita", "dx-i-adult_literacy", "dx-i-inst_cio"]
        .map((id) => document.getElementById(id + "-error").textContent));
      const described = await page.getAttribute("#dx-i-adult_literacy", "aria-describedby");
      const focused = await page.evaluate(() => document.activeElement.id);
      const status = await page.textContent("#dx-status");
      if (marks.join(" ") !== "dx-i-gdp_per_capita dx-i-adult_literacy dx-i-inst_cio") return "marked: " + marks;
      if (msgs[0] !== "Enter a value." || msgs[1] !== "Enter a number from 0 to 100." || msgs[2] !== "Choose yes or no.")
        return "messages: " + JSON.stringify(msgs);
      if (!described.includes("dx-i-adult_literacy-error")) return "aria-describedby: " + described;
      if (focused !== "dx-i-gdp_per_capita") return "focus on " + focused;
      if (!(await page.isHidden("#dx-output"))) return "stale results still shown";
      return status === "Answers to check: 3." || "status: " + status;
    });
    await check("form: corrected values clear their marks", async () => {
      await page.fill("#dx-i-gdp_per_capita", "600");
      await page.fill("#dx-i-adult_literacy", "60");
      await page.selectOption("#dx-i-inst_cio", "no");
      await page.click("#dx-form button[type=submit]");
      const marks = await page.$$eval("[aria-invalid=true]", (l) => l.length);
      const first = await page.getAttribute("#dx-recommend > li:first-child", "data-system");
      return (marks === 0 && first === "civil-complaints") || marks + " marks, first " + first;
    });

    // 5. A city outside the catalogue gets a slug, and the page says so.
    await check("form: a city outside the catalogue is named by a slug", async () => {
      await page.fill("#dx-city", "São Tomé");
      const note = await page.textContent("#dx-city-note");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dx-download")]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const text = fs.readFileSync(file, "utf8");
      if (!note.includes("sao-tome")) return "note: " + note;
      if (!text.includes("\ncity: sao-tome\n") || !text.includes('title: "São Tomé self-diagnosis"')) return text;
      const c = cDiagnose(file); // the schema wants a page in content/cities/
      if (c.status === 0 || !c.stderr.includes("city 'sao-tome' names no city")) return "kitgen: " + c.stderr;
      await page.fill("#dx-city", "maputo");
      return (await page.textContent("#dx-city-note")) === "In the catalogue: Maputo." || "known city not matched";
    });
    await check("form: a catalogue city typed by name gets its page name", async () => {
      await page.fill("#dx-city", "Dar es Salaam");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dx-download")]);
      const file = path.join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      if (!fs.readFileSync(file, "utf8").includes("\ncity: dar-es-salaam\n")) return "city line missing";
      const c = cDiagnose(file);
      return (c.status === 0 && c.json === cMaputo) || "kitgen: " + c.json + c.stderr;
    });

    // 6. The sample's "Load these values" button fills the same form.
    await check("samples: loading Maputo's values scores as kitgen does", async () => {
      await page.click('.dx-load[data-city="Maputo"]');
      await page.click("#dx-form button[type=submit]");
      const got = await page.evaluate(() => {
        const v = {};
        document.querySelectorAll("[data-indicator]").forEach((e) => { v[e.getAttribute("data-indicator")] = e.value; });
        const p = Array.from(document.querySelectorAll("input[name=problems]:checked")).map((e) => e.value);
        return window.kitgenDiagnose.json(v, p);
      });
      const index = await page.textContent("#dx-index");
      return (got === cMaputo && index === "16.7") || "got " + got;
    });
    await check("samples: each links to its diagnosis page", async () => {
      const links = await page.$$eval(".dx-samples h3 a", (l) => l.map((a) => a.getAttribute("href")));
      for (const l of links) {
        const res = await page.request.get(new URL(l, page.url()).href);
        if (res.status() !== 200 || !/\/en\/diagnostics\/[a-z0-9-]+\/$/.test(l)) return l + ": " + res.status();
      }
      return links.length >= 2 || "links: " + links;
    });

    await check("page: no script errors, no request leaves the site", async () =>
      (page.errors.length === 0 && page.foreign.length === 0) ||
      "errors: " + page.errors.join("; ") + "\nforeign: " + page.foreign.join(" "));

    // 7. Korean page: same model, same scores.
    await check("ko page scores the Maputo values the same", async () => {
      const ko = await openPage(context, origin + "ko/self-assessment/", origin);
      const js = await ko.evaluate(([v, p]) => window.kitgenDiagnose.json(v, p), [maputo.values, maputo.problems]);
      const legend = await ko.textContent("#dx-f-economy legend");
      await ko.close();
      return (js === cMaputo && legend === "경제") || js + " / " + legend;
    });

    // 8. Without JavaScript: the whole form, and how to score it with kitgen.
    // The page speaks to a city official: no tool, no command line.
    await check("without JavaScript the form shows and says why it cannot score, naming no tool", async () => {
      const nojs = await browser.newContext({ javaScriptEnabled: false });
      const p = await openPage(nojs, origin + "en/self-assessment/", origin);
      const fieldsets = await p.$$eval("fieldset", (l) => l.length);
      const inputs = await p.$$eval("[data-indicator]", (l) => l.length);
      const notice = await p.textContent("noscript");
      const text = await p.evaluate(() => document.body.innerText);
      const hidden = await p.isHidden("#dx-results") && await p.isHidden(".dx-actions");
      await nojs.close();
      if (fieldsets !== 9 || inputs !== 109) return fieldsets + " fieldsets, " + inputs + " inputs";
      if (!/JavaScript/.test(notice) || /kitgen/.test(notice)) return "noscript: " + notice;
      if (/kitgen/i.test(text)) return "the page names kitgen: " + text.split("\n").filter((l) => /kitgen/i.test(l)).join(" / ");
      return hidden || "results panel or buttons shown without script";
    });
    await context.close();
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => {
  console.log(passed + " passed, " + failed + " failed");
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log("FAIL browser tests could not run");
  console.log("     | " + String(e && e.stack ? e.stack : e).split("\n").join("\n     | "));
  console.log(passed + " passed, " + (failed + 1) + " failed");
  process.exit(1);
});
