// Lighthouse 12.2.3 (pinned: 13 needs Node 22) on one URL in Debian's Chromium, returning the four category
// scores (0–100). Used by the quality gate (tests/e2e/lighthouse.spec.js) and the benchmark (bench/perf.mjs).
//
//   node tools/lighthouse.mjs URL        prints the scores as JSON
import lighthouse from 'lighthouse';
import { chromium } from '@playwright/test';

// The last flag: headless Chromium builds the address bar's popup as a web page, in a renderer of its own, for some
// of the new windows each fresh context opens; on two cores that work lands in the page load being measured (both
// pages' first paint about 50 ms later, docs/performance.md). A reader's browser has its window open already.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup'];

export async function lighthouseScores(url, { port = 9333 } = {}) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    const failing = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
      .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    return { scores, failing, lighthouseVersion: result.lhr.lighthouseVersion };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await lighthouseScores(process.argv[2]), null, 2));
}
