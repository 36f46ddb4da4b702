// Time to first chart of the dashboard in Debian's headless chromium:
//   node dashboard_timing.js URL [RUNS]
// Prints one JSON line: per run, ms from navigation to the timeline drawn
// (window.dyad.firstChartMs, performance.now() when the chart was made) and
// to everything shown (window.dyad.ready).
"use strict";
const { chromium } = require("playwright-core");

(async () => {
  const [url, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg || 3);
  const browser = await chromium.launch({
    executablePath: process.env.DYAD_CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const out = { first_chart_ms: [], ready_ms: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForFunction(() => window.dyad && window.dyad.ready, null,
                                 { timeout: 120000 });
      out.ready_ms.push(Date.now() - t0);
      out.first_chart_ms.push(Math.round(await page.evaluate(() => window.dyad.firstChartMs)));
      const err = await page.textContent("#error");
      if (err) throw new Error(`the page shows an error: ${err}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e.stack || e); process.exitCode = 1; });
