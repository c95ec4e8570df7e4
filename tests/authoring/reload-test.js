// The live reload of `kitgen serve` in a real browser: Debian's chromium,
// driven by tests/browser's playwright-core (no second copy of it).
//
//   node tests/authoring/reload-test.js --url http://127.0.0.1:PORT/ --content DIR
//
// With a server already running on DIR (tests/authoring/serve.sh starts
// it): a page open in the browser changes by itself after an edit, shows
// the build's diagnostics when a file breaks, and comes back when it is
// fixed. Nobody calls reload: the page's injected script does.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require(path.join(__dirname, "..", "browser", "node_modules", "playwright-core"));

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error("missing " + name);
  return fallback;
}
const url = option("--url");
const content = option("--content");
const timeout = Number(option("--timeout", "40")); // seconds for each change
const file = path.join(content, "systems", "map-portal", "index.en.md");
const broken = path.join(content, "cities", "zz-browser.en.md");

// Polls the page (it reloads under us: evaluate may fail mid-navigation).
async function until(page, what, fn, arg, seconds) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(fn, arg)) return;
    } catch (e) { /* navigating */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting for " + what);
}

(async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  let failed = 0;
  try {
    const page = await browser.newPage();
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(url + "en/systems/map-portal/");
    const marker = "BROWSER-MARKER-" + Date.now();

    let t0 = Date.now();
    fs.appendFileSync(file, "\n" + marker + " paragraph.\n");
    await until(page, "the edit", (m) => document.body.innerText.includes(m), marker, timeout);
    console.log(`ok   the open page reloaded by itself ${(Date.now() - t0) / 1000} s after the edit`);

    t0 = Date.now();
    fs.writeFileSync(broken, "---\ntitle: [unclosed\n---\n");
    await until(page, "the error page", () => {
      const h = document.getElementById("kitgen-status");
      const pre = document.getElementById("kitgen-diagnostics");
      return h && pre && pre.textContent.includes("zz-browser.en.md:3:1: error");
    }, null, timeout);
    console.log(`ok   the diagnostics replaced it ${(Date.now() - t0) / 1000} s after the break`);

    t0 = Date.now();
    fs.unlinkSync(broken);
    await until(page, "the page again", (m) => !document.getElementById("kitgen-status") &&
      document.body.innerText.includes(m), marker, timeout);
    console.log(`ok   the page came back ${(Date.now() - t0) / 1000} s after the fix`);
    // The new page's text can be read before its load event reaches us
    // (a slow server, e.g. kitgen under ASan, still sending its styles).
    const end = Date.now() + timeout * 1000;
    while (loads < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    if (loads < 4) throw new Error("expected 3 reloads after the first load, saw " + (loads - 1));
  } catch (e) {
    failed = 1;
    console.log("FAIL " + (e && e.stack ? e.stack : e));
  } finally {
    await browser.close();
  }
  process.exit(failed);
})();
