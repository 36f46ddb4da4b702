// Loads the dashboard in Debian's headless chromium (driven by npm's
// playwright-core) and checks what it shows against numbers the caller
// computed from the database with SQL (tests/web/dashboard_test.py).
//
//   node dashboard.js URL EXPECTED.json SCREENSHOT.png
//
// Prints one JSON line of measurements; exits 1 with a message on the
// first check that fails.
"use strict";
const fs = require("fs");
const { chromium } = require("playwright-core");

const [url, expectedPath, shotPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));

function check(ok, what) {
  if (!ok) {
    console.error(`dashboard test: ${what}`);
    process.exitCode = 1;
    throw new Error(what);
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.DYAD_CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const out = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failed = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("pageerror", (e) => failed.push(`page error: ${e.message}`));
    // Nothing may come from outside the local server.
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (!u.startsWith(url)) { failed.push(`outside request: ${u}`); return route.abort(); }
      return route.continue();
    });
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.dyad && window.dyad.ready && window.dyad.stats,
                               null, { timeout: 30000 });
    out.first_chart_ms = await page.evaluate(() => window.dyad.firstChartMs);
    out.ready_ms = Date.now() - t0;
    check(failed.length === 0, `failed requests: ${failed.join(", ")}`);
    check((await page.textContent("#error")) === "", "the page shows an error");

    // Header: the database's counts.
    for (const k of ["articles", "events", "mentions"]) {
      const shown = (await page.textContent(`#stat-${k}`)).replace(/,/g, "");
      check(shown === String(expected[k]), `${k}: shown ${shown}, database ${expected[k]}`);
    }
    // Timeline: one bar per month, the same totals per QuadClass.
    const tl = await page.evaluate(() => window.dyad.timeline);
    const keys = ["verbal_cooperation", "material_cooperation", "verbal_conflict",
                  "material_conflict"];
    const quad = keys.map((k) => tl.reduce((a, r) => a + r.quad[k], 0));
    check(JSON.stringify(quad) === JSON.stringify(expected.quad),
          `timeline QuadClass totals ${quad} != ${expected.quad}`);
    const bars = await page.evaluate(() =>
      Chart.getChart(document.getElementById("timeline")).data.datasets
        .slice(0, 4).map((d) => d.data.reduce((a, b) => a + b, 0)));
    check(JSON.stringify(bars) === JSON.stringify(expected.quad),
          `chart bars ${bars} != ${expected.quad}`);
    // Event list: newest first, as many as asked.
    const rows = await page.$$eval("#events tbody tr", (trs) =>
      trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    check(rows.length === expected.event_rows, `event rows ${rows.length} != ${expected.event_rows}`);
    check(rows[0][0] === expected.newest_date, `first row date ${rows[0][0]} != ${expected.newest_date}`);
    // Map: one circle per place.
    const circles = await page.$$eval("#map circle", (c) => c.length);
    check(circles === expected.places, `map circles ${circles} != ${expected.places}`);
    const outlines = await page.$$eval("#map path", (p) => p.length);
    check(outlines > 100, `map has ${outlines} country outlines`);

    // Click the first event: its sentence, highlighted, and its explanation.
    await page.click("#events tbody tr:first-child");
    await page.waitForSelector("#detail:not([hidden]) .sentence", { timeout: 10000 });
    const detail = await page.evaluate(() => window.dyad.detail);
    check(detail.id === expected.first_event_id,
          `clicked event ${detail.id} != ${expected.first_event_id}`);
    const verb = await page.textContent("#detail .sentence .hl-verb");
    check(verb === expected.first_verb, `highlighted verb '${verb}' != '${expected.first_verb}'`);
    const source = await page.textContent("#detail .sentence .hl-source");
    check(source === expected.first_source, `highlighted source '${source}' != '${expected.first_source}'`);
    const rule = await page.textContent("#detail .rule");
    check(rule === `Rule: ${expected.first_rule}`, `explanation '${rule}'`);
    const entries = await page.$$eval("#detail .evidence tbody tr td:nth-child(2)",
                                      (tds) => tds.map((t) => t.textContent));
    check(entries.some((e) => /^data\/verbs\/.+:\d+$/.test(e)),
          `no verb dictionary entry in the explanation: ${entries}`);

    // Another dyad: the API is asked again and the page follows.
    await page.fill("#source", expected.dyad_source);
    await page.fill("#target", expected.dyad_target);
    await page.click("#apply");
    await page.waitForFunction((n) => window.dyad.timeline &&
      window.dyad.timeline.reduce((a, r) => a + r.events, 0) === n,
      expected.dyad_events, { timeout: 10000 });

    // A screenshot that is not blank: many colours, and not mostly white.
    await page.screenshot({ path: shotPath, fullPage: true });
    const b64 = fs.readFileSync(shotPath).toString("base64");
    const look = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let white = 0;
      for (let i = 0; i < px.length; i += 4 * 7) {
        colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
        if (px[i] > 245 && px[i + 1] > 245 && px[i + 2] > 245) white++;
      }
      return { width: c.width, height: c.height, colours: colours.size,
               white: white / (px.length / (4 * 7)) };
    }, b64);
    out.screenshot = look;
    check(look.colours > 50, `screenshot has only ${look.colours} colours`);
    check(look.white < 0.9, `screenshot is ${Math.round(look.white * 100)}% white`);
    console.log(JSON.stringify(out));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  if (!process.exitCode) console.error(`dashboard test: ${e.stack || e}`);
  process.exitCode = 1;
});
