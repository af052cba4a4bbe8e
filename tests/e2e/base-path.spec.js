// The same release build deployed under /news/: only its HTML was rewritten (by the compiler's --base), the WASM,
// JS, CSS and JSON are the very files of the root deployment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { REFERENCE_HEADLINE, filesUnder, showComments } from './helpers.js';

const NEWS = 'http://127.0.0.1:8093/news';

test('only HTML differs between the root and the /news/ deployment', () => {
  const root = filesUnder('dist').sort();
  expect(filesUnder('target/e2e-news/news').sort()).toEqual(root);
  const differing = root.filter((f) => !readFileSync(join('dist', f)).equals(readFileSync(join('target/e2e-news/news', f))));
  expect(differing.length).toBeGreaterThan(50);
  expect(differing.filter((f) => !f.endsWith('.html'))).toEqual([]);
});

test('under /news/: the canonical link and the preview image are both built on the site url, the base not added twice', async ({ request }) => {
  // site.json's `url` is the site's root as readers reach it; this test build keeps the sample's.
  const route = 'international/kim-jong-un-returns-from-russia/';
  const html = await (await request.get(`${NEWS}/${route}`)).text();
  const canonical = html.match(/<link rel="canonical" href="([^"]+)">/)[1];
  const image = html.match(/<meta property="og:image" content="([^"]+)">/)[1];
  expect(canonical.endsWith(route)).toBe(true);
  const root = canonical.slice(0, -route.length);
  expect(image).toBe(`${root}content/images/intl-kim-visit.svg`);
});

test('under /news/: deep links, links, assets and in-app navigation all stay under the base', async ({ page }) => {
  const outside = [];
  page.on('request', (r) => { if (!new URL(r.url()).pathname.startsWith('/news/')) outside.push(r.url()); });
  const response = await page.goto(`${NEWS}/international/kim-jong-un-returns-from-russia/`);
  expect(response.status()).toBe(200);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Higher Wages On The Horizon For California Healthcare Workers' }))
    .toHaveAttribute('href', '/news/local/higher-wages-california-healthcare-workers/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(page).toHaveURL(`${NEWS}/economy/`);
  await expect(page.locator('main h1')).toHaveText('Economy');
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(`${NEWS}/economy/page/2/`);
  // Page 2 itself, not page 1's cards still shown while it loads (a click on one as it is replaced goes nowhere).
  await expect(page.getByText(/^Page 2 of \d+/)).toBeVisible();
  await page.locator('.bs-card__link').first().click();
  await expect(page.locator('article.bs-article h1')).toBeVisible();
  // The comments island loads from under the base too.
  await showComments(page);
  await expect(page.locator('.bs-comments h2')).toHaveText(/comments?$/);
  expect(outside).toEqual([]);
});

test('under /news/: a section page 2 deep link and a missing page answer with the right status and view', async ({ page }) => {
  const second = await page.goto(`${NEWS}/latest/page/2/`);
  expect(second.status()).toBe(200);
  await expect(page.getByText(/^Page 2 of \d+/)).toBeVisible();
  const missing = await page.goto(`${NEWS}/no/such/page/`);
  expect(missing.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('Page not found');
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/news/');
});
