// Lighthouse (npm, pinned in package.json) over a list of pages of a site that is already
// served, in one Debian Chromium (CHROME_PATH; never a downloaded browser), one page after the
// other. Usage: node scripts/lighthouse.mjs <origin> <form factor: mobile|desktop> <path>...
// Prints one JSON line per page: its scores (0-100), CLS, the audits that failed, the metrics the
// performance score is made of (ms), the render-blocking resources and the LCP element.
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [origin, formFactor, ...paths] = process.argv.slice(2);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

const chrome = await launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const path of paths) {
    const options = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES };
    const result = await lighthouse(origin + path, options, formFactor === "desktop" ? desktopConfig : undefined);
    const lhr = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
    const failed = [];
    for (const category of CATEGORIES.slice(1)) {
      for (const ref of lhr.categories[category].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failed.push(`${category}: ${ref.id}: ${audit.title}`);
      }
    }
    const cls = lhr.audits["cumulative-layout-shift"].numericValue;
    // What the performance score is made of, and what held the first paint back.
    const metrics = Object.fromEntries([["fcp", "first-contentful-paint"], ["lcp", "largest-contentful-paint"],
      ["tbt", "total-blocking-time"], ["si", "speed-index"]].map(([k, id]) => [k, Math.round(lhr.audits[id].numericValue)]));
    const blocking = (lhr.audits["render-blocking-resources"]?.details?.items ?? [])
      .map((item) => `${item.url.replace(origin, "")} ${Math.round(item.wastedMs)} ms`);
    const lcpElement = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null;
    console.log(JSON.stringify({ path, formFactor, scores, cls, failed, metrics, blocking, lcpElement }));
  }
} finally {
  await chrome.kill();
}
