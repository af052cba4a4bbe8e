import { mkdirSync } from 'node:fs';

export const REFERENCE = '/international/kim-jong-un-returns-from-russia/';
export const REFERENCE_HEADLINE =
  'Kim Jong Un Returns from Russia with Strengthened Comradely Bonds, North Korean Announcement';

/** Records every content JSON request the page makes. */
export function countContentRequests(page) {
  const urls = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/content/') && req.url().endsWith('.json')) urls.push(req.url());
  });
  return urls;
}

/** Marks the window so a later check can tell the page was never reloaded. */
export async function markWindow(page) {
  await page.evaluate(() => { window.__broadsheetVisit = 'same-document'; });
}

export async function stillSameDocument(page) {
  return page.evaluate(() => window.__broadsheetVisit === 'same-document');
}

export const ARTIFACTS = 'tests/e2e/artifacts';

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: false });
}

/** Sum of layout shifts not caused by input, since the page loaded. */
export async function startCls(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
