// Pre-rendered entry pages: what a crawler, a link preview, a reader without JavaScript and a reader on a slow
// connection get from a plain static host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { REFERENCE, REFERENCE_HEADLINE, appReady, holdRequests, showComments, startProxy } from './helpers.js';

const LOADER = /\/loader-[0-9a-f]+\.js/;

/** Until the page's first paint, so what is measured is what the reader first saw: before it, a script can lay the
 * page out without the stylesheet, which holds the paint back but not a script's measuring (a fresh machine's run
 * met that). */
const untilPainted = (page) => page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);

test('the article entry page, fetched without a browser, has its title, tags and body text', async ({ request }) => {
  const response = await request.get(REFERENCE);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(`<title>${REFERENCE_HEADLINE} | Broadsheet Daily</title>`);
  expect(html).toContain(`<meta property="og:title" content="${REFERENCE_HEADLINE}">`);
  expect(html).toContain('<meta property="og:type" content="article">');
  expect(html).toContain('<link rel="canonical" href="https://broadsheet.example/international/kim-jong-un-returns-from-russia/">');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('The discussions also touched upon regional stability');
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
  expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: REFERENCE_HEADLINE, datePublished: '2026-11-24T07:15:00+00:00' });
});

test('every listing page and the front page are pre-rendered too, and 404.html answers the rest', async ({ request }) => {
  // A later page's heading names its page (in words only a screen reader reads).
  for (const [path, text] of [['/', 'Top stories'], ['/latest/page/3/', 'Latest News, page 3 of 7'], ['/economy/', 'Economy']]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const heading = /<h1[^>]*>(.*?)<\/h1>/s.exec(await response.text())?.[1];
    expect(heading?.replace(/<[^>]*>/g, '').trim(), path).toBe(text);
  }
  const missing = await request.get('/nothing/here/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Page not found');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the whole article is readable and its links work', async ({ page }) => {
    await page.goto(REFERENCE);
    await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
    await expect(page.getByRole('heading', { name: 'North Korean Media’s Positive Coverage' })).toBeVisible();
    await expect(page.getByText('providing hope for a more stable and peaceful future')).toBeVisible();
    // The comments are the app's: the page says so rather than promising them.
    await expect(page.getByText('The comments need JavaScript.')).toBeVisible();
    await expect(page.getByText('Loading comments…')).toBeHidden();
    // Nor does it offer buttons that need the app.
    await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Dark mode' })).toBeHidden();
    // And leaves no empty row where the Share button would be: the lead picture follows the byline's line.
    const gap = await page.evaluate(() => document.querySelector('.bs-figure--lead').getBoundingClientRect().top
      - document.querySelector('.bs-article__header .bs-meta').getBoundingClientRect().bottom);
    expect(gap).toBeLessThan(40);
    await page.getByRole('link', { name: 'Higher Wages On The Horizon For California Healthcare Workers' }).click();
    await expect(page.locator('main h1')).toHaveText('Higher Wages On The Horizon For California Healthcare Workers');
  });

  test('a dead link shows "Page not found" and the sections, not a page that never finishes loading', async ({ page }) => {
    const response = await page.goto('/local/a-story-that-was-taken-down/');
    expect(response.status()).toBe(404);
    await expect(page.locator('main h1')).toHaveText('Page not found');
    await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('.bs-skeleton')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
    await expect(page.locator('main h1')).toHaveText('Local News');
  });
});

test('the first paint already shows the headline, and taking over moves nothing', async ({ page }) => {
  // Hold the app back so the pre-rendered page is all there is for a moment.
  const release = await holdRequests(page, LOADER);
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Module scripts hold DOMContentLoaded back, so wait only for the response.
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(0);
  await untilPainted(page);
  // Everything in the first screen: where it is and how big.
  const boxes = () => page.evaluate(() => [...document.querySelectorAll('header, nav a, main h1, main p, main figure, main img, main time')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.top < window.innerHeight)
    .map((r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]));
  const before = await boxes();
  release();
  await appReady(page);
  await page.waitForTimeout(300);
  const after = await boxes();
  expect(after).toEqual(before);
  expect(await page.evaluate(() => window.__cls)).toBe(0);
  // A deep link needs no content request: the page carries its data.
});

test('what a reader focused or selected before the app took the page over is still focused and selected after', async ({ page }) => {
  const release = await holdRequests(page, LOADER);
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  // A keyboard reader tabs into the page: the skip link, the masthead, the theme switch, the nav's first link.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? `${el.tagName} ${el.getAttribute('href')} ${el.textContent.trim()} ${el.isConnected}` : 'nothing';
  });
  const before = await focused();
  expect(before).toMatch(/^A \/\S+ .+ true$/);
  // And selects words in the second paragraph, from the middle of one word to the middle of another.
  const selected = () => page.evaluate(() => getSelection().toString());
  await page.evaluate(() => {
    const text = document.querySelectorAll('main .bs-paragraph')[1].firstChild;
    getSelection().setBaseAndExtent(text, 5, text, 40);
  });
  const words = await selected();
  expect(words.length).toBe(35);
  release();
  await appReady(page);
  expect(await page.evaluate(() => document.querySelector('#broadsheet .bs-app') !== null)).toBe(true);
  expect(await focused()).toBe(before);
  expect(await selected()).toBe(words);
  // The next Tab goes on from there.
  await page.keyboard.press('Tab');
  expect(await focused()).not.toBe(before);
  expect(await focused()).toMatch(/^A \/\S+ .+ true$/);
});

test('a keyboard reader on the skip link before the app took the page over is still on it after', async ({ page }) => {
  const release = await holdRequests(page, LOADER);
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await page.keyboard.press('Tab');
  await expect(page.locator('.bs-skip-link')).toBeFocused();
  release();
  await appReady(page);
  await expect(page.locator('.bs-skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#bs-main')).toBeFocused();
});

/** Where each element in the first screen is and how big, to compare before and after the app takes over. */
const firstScreen = (page) => page.evaluate(() => [...document.querySelectorAll('header, nav a, main h1, main h2, main h3, main p, main figure, main img, main time, main button')]
  .map((el) => el.getBoundingClientRect())
  .filter((r) => r.top < window.innerHeight)
  .map((r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]));

for (const [timezoneId, label] of [['America/Los_Angeles', 'Nov 23, 2026, 11:15 PM UTC−8'], ['Asia/Kolkata', 'Nov 24, 2026, 12:45 PM UTC+5:30']]) {
  test.describe(`a reader in ${timezoneId}`, () => {
    test.use({ timezoneId });
    test('sees the article’s time at their own offset from the first paint, and nothing moves when the app takes over', async ({ page, request }) => {
      expect(await (await request.get(REFERENCE)).text()).toContain('>Nov 24, 2026, 7:15 AM UTC<');
      // A longer label ("12:45 PM UTC+5:30") wraps the line under the byline on narrow screens: every story, and the
      // front page's cards, at phone widths.
      for (const width of [320, 360, 412]) {
        for (const path of [REFERENCE, '/local/cedar-flats-library-reopens/', '/']) {
          await page.setViewportSize({ width, height: 800 });
          const release = await holdRequests(page, LOADER);
          await page.goto(path, { waitUntil: 'commit' });
          await expect(page.locator('main h1')).toBeVisible();
          await page.waitForFunction(() => document.readyState !== 'loading');
          await untilPainted(page);
          if (path === REFERENCE) await expect(page.locator('main article time').first()).toHaveText(label);
          const before = await firstScreen(page);
          release();
          await appReady(page);
          await page.waitForTimeout(200);
          expect(await firstScreen(page), `${path} at ${width} px`).toEqual(before);
          if (path === REFERENCE) await expect(page.locator('main article time').first()).toHaveText(label);
          await page.unrouteAll();
        }
      }
    });
  });
}

for (const phone of [false, true]) test(`taking over the article paints nothing later that counts as its largest paint${phone ? ', on a phone' : ''}`, async ({ page }) => {
  // The largest paint a reader waits for is the pre-rendered page's: the app's copy of the same picture, painted
  // when it takes over, must not become a new, later one (public/loader.js waits until the first is recorded).
  // On a phone the nav scrolls itself to the reader's section before that, which must not end the wait as a
  // reader's scroll does.
  if (phone) await page.setViewportSize({ width: 412, height: 823 });
  // The picture comes a little after the page, as on a real network: the nav has scrolled itself by then.
  await page.route('**/content/images/intl-kim-visit.svg', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__largest = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__largest.push({ at: e.startTime, url: e.url });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-broadsheet-ready]')) { window.__tookOver = performance.now(); observer.disconnect(); }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-broadsheet-ready'] });
  });
  // Five loads: before the loader waited for the record, the copy won in most loads but not in every one.
  for (let load = 0; load < 5; load++) {
    await page.goto(REFERENCE);
    await appReady(page);
    await page.waitForTimeout(500);
    const { largest, tookOver } = await page.evaluate(() => ({ largest: window.__largest, tookOver: window.__tookOver }));
    // The lead picture (an image entry has its URL; text has none).
    expect(largest.at(-1)?.url, JSON.stringify({ largest, tookOver })).toContain('/content/images/');
    expect(largest.every((e) => e.at < tookOver), JSON.stringify({ largest, tookOver })).toBe(true);
  }
});

test('a story opened in a background tab is taken over there, so it is ready when the reader looks at it', async ({ page }) => {
  // Headless Chromium shows every tab, so a background tab is made as the browser makes one: hidden, and no
  // animation frames until it is shown. The loader used to wait for a frame, so the app started only once shown.
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden' });
    Object.defineProperty(Document.prototype, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await page.goto(REFERENCE);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
});

test('a pre-rendered story asks for none of the app\'s code until its first paint has been shown, then the app starts', async ({ page }) => {
  // The page is its own first render: the loader, the app's JS and its WASM would only slow it (docs/architecture.md).
  await page.goto(REFERENCE);
  await appReady(page);
  const { painted, code } = await page.evaluate(() => ({
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    code: performance.getEntriesByType('resource')
      .filter((e) => /^\/(loader|broadsheet)-[^/]*\.(js|wasm)$/.test(new URL(e.name).pathname))
      .map((e) => [new URL(e.name).pathname, e.startTime]),
  }));
  expect(painted).toBeGreaterThan(0);
  expect(code.map(([path]) => path.replace(/-[0-9a-f]{16}/, '')).sort()).toEqual(['/broadsheet.js', '/broadsheet_bg.wasm', '/loader.js']);
  for (const [path, asked] of code) expect(asked, `${path} asked for at ${asked} ms, first paint at ${painted} ms`).toBeGreaterThanOrEqual(painted);
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
});

// When the page was first painted, parsed and loaded, and when the loader was asked for (ms since the navigation's
// start).
const startTimes = (page) => page.evaluate(() => ({
  painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  parsed: performance.getEntriesByType('navigation')[0].domInteractive,
  loaded: performance.getEntriesByType('navigation')[0].loadEventStart,
  loader: performance.getEntriesByType('resource').find((e) => /\/loader-[0-9a-f]+\.js/.test(e.name))?.startTime,
}));

// A browser that paints the page but never reports its first contentful paint (a page in a frame the browser does not
// draw): the paint observer sees nothing, and no such entry is ever recorded.
const NO_FIRST_PAINT_REPORTED = () => {
  const Native = PerformanceObserver;
  window.PerformanceObserver = class extends Native {
    observe(options) {
      if (options?.type !== 'paint' && !options?.entryTypes?.includes('paint')) super.observe(options);
    }
  };
  const byName = Performance.prototype.getEntriesByName;
  Performance.prototype.getEntriesByName = function (name, type) {
    return name === 'first-contentful-paint' ? [] : byName.call(this, name, type);
  };
};

// early.js's fallbacks for the start: each one is what starts the app when the first paint is not reported. The
// two-second fallback after `load` cannot fire before then, so an earlier start was the fallback under test.
test.describe('a pre-rendered story whose first paint is not reported still gets its app', () => {
  test('in a browser without paint timing, right after the first frame', async ({ page }) => {
    await page.addInitScript(NO_FIRST_PAINT_REPORTED);
    await page.addInitScript(() => {
      const types = PerformanceObserver.supportedEntryTypes.filter((type) => type !== 'paint');
      Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types });
    });
    await page.goto(REFERENCE);
    await appReady(page);
    const { parsed, loaded, loader } = await startTimes(page);
    expect(loader, `the loader asked for at ${loader} ms, the page parsed at ${parsed} ms`).toBeGreaterThanOrEqual(parsed);
    expect(loader, `the loader asked for at ${loader} ms, not by the fallback after load (${loaded} ms)`).toBeLessThan(loaded + 2000);
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  });

  test('shown but never reported as painted, two seconds after it has loaded', async ({ page }) => {
    await page.addInitScript(NO_FIRST_PAINT_REPORTED);
    await page.goto(REFERENCE);
    await appReady(page);
    const { loaded, loader } = await startTimes(page);
    expect(loader, `the loader asked for at ${loader} ms, the page loaded at ${loaded} ms`).toBeGreaterThanOrEqual(loaded + 2000);
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  });

  test('when the reader switches to another tab before it was painted, at once', async ({ page }) => {
    await page.addInitScript(NO_FIRST_PAINT_REPORTED);
    await page.goto(REFERENCE, { waitUntil: 'load' });
    expect(await startTimes(page).then((times) => times.loader), 'nothing asked for before the tab is hidden').toBeUndefined();
    const hiddenAt = await page.evaluate(() => {
      const at = performance.now();
      Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden', configurable: true });
      Object.defineProperty(Document.prototype, 'hidden', { get: () => true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      return at;
    });
    await appReady(page);
    const { loaded, loader } = await startTimes(page);
    expect(loader, `the loader asked for at ${loader} ms, the tab hidden at ${hiddenAt} ms`).toBeGreaterThanOrEqual(hiddenAt);
    expect(loader, `the loader asked for at ${loader} ms, not by the fallback after load (${loaded} ms)`).toBeLessThan(loaded + 2000);
  });
});

test('a tab hidden while the app waits for a frame starts the app then, not after the reader comes back', async ({ page }) => {
  // As in Safari: no largest-paint timing, so the app waits two frames before taking over, and a hidden tab runs no
  // frames. Here frames are held from the moment the app's code arrives, and the tab is hidden after that.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), async (route) => { await held; await route.continue(); });
  await page.goto(REFERENCE);
  await page.evaluate(() => {
    const types = PerformanceObserver.supportedEntryTypes.filter((type) => type !== 'largest-contentful-paint');
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types, configurable: true });
    window.heldFrames = [];
    window.requestAnimationFrame = (callback) => window.heldFrames.push(callback);
  });
  release();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden', configurable: true });
    Object.defineProperty(Document.prototype, 'hidden', { get: () => true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Before, it waited for the frames until the reader came back, or 45 s and then said the page had failed.
  await appReady(page);
  await expect(page.locator('[data-broadsheet-failed]')).toHaveCount(0);
});

test('a page still arriving when its first paint is shown is taken over only once all of it is in', async ({ page, baseURL }) => {
  // A slow connection: the browser paints the story's top while the rest of the page is on its way. The app must not
  // start on a half-read page: it would replace it, and its content block at the end would not be there yet.
  const html = readFileSync(join('dist', REFERENCE, 'index.html'), 'utf8');
  const cut = html.indexOf('<div class="bs-article__body">');
  expect(cut).toBeGreaterThan(0);
  const asked = [];
  let release;
  const tail = new Promise((resolve) => { release = resolve; });
  const proxy = await startProxy(baseURL, (req, res) => {
    asked.push(req.url);
    if (req.url !== REFERENCE) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(html.slice(0, cut));
    tail.then(() => res.end(html.slice(cut)));
    return true;
  });
  try {
    await page.goto(`http://127.0.0.1:${proxy.port}${REFERENCE}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await page.waitForTimeout(300);
    expect(asked.filter((url) => /loader-/.test(url)), 'nothing of the app asked for while the page is still arriving').toEqual([]);
    release();
    await appReady(page);
    const { painted, parsed, loader } = await startTimes(page);
    expect(painted, 'the top of the story is painted while the rest is on its way').toBeLessThan(parsed);
    expect(loader, `the loader asked for at ${loader} ms, the page parsed at ${parsed} ms`).toBeGreaterThanOrEqual(parsed);
    await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
    await expect(page.getByText('The discussions also touched upon regional stability')).toHaveCount(1);
    expect(asked.filter((url) => url.endsWith('article.json')), 'taken over from the content in the page').toEqual([]);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    await expect(toggle, 'one tap, one change').not.toHaveAttribute('aria-pressed', before);
  } finally {
    await proxy.close();
  }
});

test('a deep link fetches no content files', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/content/') && r.url().endsWith('.json') && !r.url().endsWith('comments.json')) requests.push(r.url()); });
  await page.goto(REFERENCE);
  await appReady(page);
  await page.waitForTimeout(300);
  expect(requests).toEqual([]);
});

test('a deep link downloads each of the app\'s files once, with no console warnings: the loader\'s checked fetch gets what the page preloaded', async ({ page, baseURL }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  // Counted where a CDN would count them: Playwright's own request interception would change what the browser reuses.
  const asked = [];
  const proxy = await startProxy(baseURL, (req) => { asked.push(req.url); return false; });
  try {
    await page.goto(`http://127.0.0.1:${proxy.port}${REFERENCE}`);
    await appReady(page);
    await showComments(page);
    await expect(page.getByRole('form', { name: 'Leave a Reply' })).toBeVisible();
    const code = asked.map((url) => url.split('?')[0]).filter((path) => /\.(wasm|js|css)$/.test(path));
    // The app's WASM (preloaded by the page) and JS, the loader, early.js, the stylesheet, the island's JS and WASM.
    expect(code.filter((path) => path.endsWith('_bg.wasm')), code.join(' ')).toHaveLength(2);
    expect(new Set(code).size, code.join(' ')).toBe(code.length);
    expect(code.length, code.join(' ')).toBe(7);
    // Chromium warns on every page with an `integrity` on a preload of this kind (the digest is in the page's block).
    expect(warnings).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('the shell, a host\'s single-page fallback, starts the app with no console warnings', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  await page.goto('/shell.html');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.waitForTimeout(500);
  // The WASM's preload link carries no `integrity` (Chromium warns about one there); the loader's checked fetch
  // finds the digest in the page's block.
  expect(warnings).toEqual([]);
});

test('a page asked for by its file name (index.html), as a static host serves it, stays that page when the app takes over', async ({ page }) => {
  for (const [path, heading] of [[`${REFERENCE}index.html`, REFERENCE_HEADLINE], ['/index.html', 'Top stories'], ['/economy/index.html', 'Economy']]) {
    const response = await page.goto(path);
    expect(response.status(), path).toBe(200);
    await appReady(page);
    await expect(page.locator('main h1'), path).toHaveText(heading);
    await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute('href', `https://broadsheet.example${path.replace('index.html', '')}`);
  }
});

test('page 1 of a section has one address: /local/page/1/ is not found, as the host says, before and after the app takes over', async ({ page }) => {
  const response = await page.goto('/local/page/1/');
  expect(response.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('Page not found');
  await appReady(page);
  await page.waitForTimeout(300);
  await expect(page.locator('main h1')).toHaveText('Page not found');
});
