// Lighthouse (mobile, its default settings) on pages of a served site, in a Chromium that is
// already running with a DevTools port: one browser for every page.
//
//   node tests/npm/lighthouse.mjs <port> <url>...
//
// Prints one JSON line per page: the category scores (0-100), the performance metrics in ms
// (CLS without a unit) and, per category, the audits that did not pass with their score.
import lighthouse from "lighthouse";

const [poort, ...adressen] = process.argv.slice(2);
const CATEGORIEEN = ["performance", "accessibility", "best-practices", "seo"];
const METRIEKEN = [
  "first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time",
  "cumulative-layout-shift",
];

for (const adres of adressen) {
  const resultaat = await lighthouse(adres, {
    port: Number(poort), output: "json", logLevel: "error", onlyCategories: CATEGORIEEN,
    // What only the HTML report shows, and the back/forward cache check (two more page loads):
    // no score depends on them, and they took a third of the time.
    disableFullPageScreenshot: true,
    skipAudits: ["screenshot-thumbnails", "final-screenshot", "bf-cache"],
  });
  const lhr = resultaat.lhr;
  const scores = Object.fromEntries(CATEGORIEEN.map(
    (c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
  const metrieken = Object.fromEntries(METRIEKEN.map(
    (m) => [m, Math.round((lhr.audits[m].numericValue ?? 0) * 1000) / 1000]));
  const gezakt = Object.fromEntries(CATEGORIEEN.map((c) => [c, lhr.categories[c].auditRefs
    .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
    .map((r) => `${r.id}: ${lhr.audits[r.id].score}`)]));
  const fout = lhr.runtimeError ? lhr.runtimeError.message : null;
  console.log(JSON.stringify({ adres, scores, metrieken, gezakt, fout }));
}
