// What a reader does besides reading: dark mode, printing, sharing; and stories opening at once because they
// were fetched ahead.
import { test, expect } from '@playwright/test';
import { REFERENCE, REFERENCE_HEADLINE, appReady, countContentRequests, holdRequests, showComments } from './helpers.js';

const h1 = (page) => page.locator('main h1');
const paper = (page) => page.locator('.bs-app').evaluate((el) => getComputedStyle(el).backgroundColor);
// The switch looks pressed (filled with the text colour) when the page is dark.
const looksPressed = (page) => page.locator('.bs-theme-toggle').evaluate((el) => getComputedStyle(el).backgroundColor !== getComputedStyle(el.closest('.bs-app')).backgroundColor);
// The scheme of the browser's own parts of the page (its scrollbars, the canvas past the page's end).
const pageScheme = (page) => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 23, 26)';

test('dark mode follows the system until the reader chooses, and the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await appReady(page);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await paper(page)).toBe(DARK);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paper(page)).toBe(WHITE);
  expect(await pageScheme(page)).toBe('light');
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  expect(await paper(page)).toBe(WHITE);
  expect(await pageScheme(page)).toBe('light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Dark mode' }).click();
  expect(await paper(page)).toBe(DARK);
  expect(await pageScheme(page)).toBe('dark');
});

for (const [chosen, system, colour] of [['dark', 'light', DARK], ['light', 'dark', WHITE], [null, 'dark', DARK]]) {
  test(`${chosen ? `a remembered ${chosen} choice` : 'with no choice, the system\'s scheme'} shows on a pre-rendered page before the app starts, and the switch says so (system ${system})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: system });
    await page.goto('/');
    await page.evaluate((theme) => (theme ? localStorage.setItem('broadsheet:theme', theme) : localStorage.clear()), chosen);
    // The app does not start (its JS never arrives): what shows is the pre-rendered page with the stylesheet and
    // public/early.js, as a reader sees it before the takeover.
    await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), () => {});
    await page.goto(REFERENCE);
    await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
    expect(await paper(page)).toBe(colour);
    const dark = colour === DARK;
    expect(await looksPressed(page)).toBe(dark);
    // Pressed when the page is dark, as the app's switch will say: a screen reader hears it before the takeover too.
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', String(dark));
    await expect(page.locator('[data-broadsheet-ready]')).toHaveCount(0);
  });
}

test('a tap on Dark mode before the app has started works, and stays when it takes over; Share says it is not ready yet', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), async (route) => { await held; await route.continue(); });
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await page.waitForFunction(() => document.readyState !== 'loading');
  await expect(page.getByRole('button', { name: 'Share' })).toHaveAttribute('aria-disabled', 'true');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await toggle.click();
  expect(await paper(page)).toBe(DARK);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  release();
  await appReady(page);
  expect(await paper(page)).toBe(DARK);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Share' })).not.toHaveAttribute('aria-disabled', 'true');
  // Remembered, as a choice made with the app's switch is.
  await page.reload();
  await appReady(page);
  expect(await paper(page)).toBe(DARK);
});

/** The reference story, pre-rendered and parsed, with the app's code held back until `releaseApp()`. */
async function openWithAppHeld(page) {
  const releaseApp = await holdRequests(page, (url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname));
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await page.waitForFunction(() => document.readyState !== 'loading');
  return releaseApp;
}

/** The mouse's button pressed down on the nav's Local News link, and held. */
async function pressLocalNews(page) {
  const box = await page.getByRole('navigation').getByRole('link', { name: 'Local News' }).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
}

// A browser sends no click to an element replaced between press and release, and the app's takeover replaces the
// pre-rendered page: a press under way as the app starts must end on the page it began on.
for (const [what, press, release, expectDone] of [
  ['a link pressed with the mouse is followed', async (page) => {
    await pressLocalNews(page);
  }, (page) => page.mouse.up(), async (page) => {
    await expect(page).toHaveURL(/\/local\/$/);
    await expect(h1(page)).toHaveText('Local News');
  }],
  ['Dark mode pressed with Space is switched on', async (page) => {
    await page.getByRole('button', { name: 'Dark mode' }).focus();
    await page.keyboard.down('Space');
  }, (page) => page.keyboard.up('Space'), async (page) => {
    await appReady(page);
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
    expect(await paper(page)).toBe(DARK);
  }],
]) test(`${what} when the app takes the page over during the press`, async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const releaseApp = await openWithAppHeld(page);
  await press(page);
  releaseApp();
  // Until the app has started, or waits for the press to end (what early.js tells the loader).
  await page.waitForFunction(() => document.querySelector('[data-broadsheet-ready]') || document.documentElement.broadsheetEarlyInput.released);
  await release(page);
  await expectDone(page);
});

// Only a press whose click comes on release holds the takeover back, and none once the window has lost focus (the
// find bar, another window): that release is never heard, and the app would start only after 3 s.
for (const [what, press] of [
  ['a key other than Space held down', (page) => page.keyboard.down('Shift')],
  ['a mouse button held down when the window loses focus', async (page) => {
    await pressLocalNews(page);
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
  }],
]) test(`the app takes the page over at once with ${what}`, async ({ page }) => {
  const releaseApp = await openWithAppHeld(page);
  await press(page);
  releaseApp();
  // Before the 3 s a held press may keep it waiting (the press is still under way): held, the app would be ready 3 s
  // after it is loaded, and loading it takes time too, so any wait under 3 s tells the two apart. The most of it,
  // for a loaded machine.
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1, { timeout: 2900 });
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
});

test('under Auto the Dark mode switch follows the system when it changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await appReady(page);
  expect(await looksPressed(page)).toBe(false);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await paper(page)).toBe(DARK);
  expect(await looksPressed(page)).toBe(true);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
});

test('an embedding page\'s data-theme applies until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const host = document.querySelector('#broadsheet');
      if (host) { host.setAttribute('data-theme', 'dark'); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await appReady(page);
  expect(await paper(page)).toBe(DARK);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  expect(await paper(page)).toBe(WHITE);
});

for (const loaded of [false, true]) test(`printing an article leaves the story and drops navigation, buttons and the comments (${loaded ? 'comments loaded' : 'comments not reached'})`, async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  if (loaded) {
    await showComments(page);
    await expect(page.getByRole('form', { name: 'Leave a Reply' })).toBeVisible();
  }
  await page.emulateMedia({ media: 'print' });
  await expect(h1(page)).toBeVisible();
  await expect(page.getByText('North Korean leader Kim Jong Un has returned').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('form', { name: 'Leave a Reply' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toBeHidden();
  expect(await paper(page)).toBe(WHITE);
  // A link within the site prints its title alone: its bare path ("/local/…") is no address to type.
  const readMore = page.locator('.bs-readmore a').first();
  await expect(readMore).toBeVisible();
  expect(await readMore.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
  // The comments, loaded or waiting for the reader to come near them, take no room on paper (no blank last page).
  await expect(page.locator('.bs-comments-slot')).toBeHidden();
  await expect(page.locator('.bs-comment')).toHaveCount(loaded ? 5 : 0);
  for (const comment of await page.locator('.bs-comment').all()) await expect(comment).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(
    await page.evaluate(() => document.querySelector('.bs-article').getBoundingClientRect().bottom + window.scrollY + 400));
});

test('a reader who chose dark mode still prints dark text on white', async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  expect(await paper(page)).toBe(DARK);
  await page.emulateMedia({ media: 'print' });
  expect(await paper(page)).toBe(WHITE);
  const label = await page.locator('.bs-article__section').evaluate((el) => getComputedStyle(el).color);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Dark mode' }).click();
  const lightLabel = await page.locator('.bs-article__section').evaluate((el) => getComputedStyle(el).color);
  expect(label).toBe(lightLabel);
});

test('Share uses the system share sheet where the browser has one', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.__shared = data; };
  });
  await page.goto(REFERENCE);
  await appReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shared' })).toBeVisible();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared).toEqual({ title: REFERENCE_HEADLINE, url: page.url() });
});

test('Share copies the link where there is no share sheet, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.goto(REFERENCE);
  await appReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('Share shows the link to copy by hand when the clipboard refuses', async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto(REFERENCE);
  await appReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('textbox', { name: 'Copy this link:' });
  await expect(field).toHaveValue(page.url());
  // Told, and taken to the link.
  await expect(page.getByRole('status').filter({ hasText: 'could not share or copy the link' })).toBeVisible();
  await expect(field).toBeFocused();
  // Selected, ready for the reader's own copy.
  await expect.poll(() => field.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd))).toBe(page.url());
});

test('Share and Cancel reply change under the pointer, like the other buttons', async ({ page }) => {
  const looks = (button) => button.evaluate((el) => { const s = getComputedStyle(el); return `${s.backgroundColor} ${s.textDecorationLine}`; });
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  await page.getByRole('button', { name: /^Reply to / }).first().click();
  for (const button of [page.getByRole('button', { name: 'Share' }), page.getByRole('button', { name: 'Cancel reply' })]) {
    await page.mouse.move(0, 0);
    const before = await looks(button);
    await button.hover();
    expect(await looks(button)).not.toBe(before);
  }
});

test('a story is fetched when its card is pointed at, and the click then fetches nothing and shows it at once', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  // Cards coming on screen are prefetched too: that path is switched off here, so only the pointer can fetch.
  await page.addInitScript(() => { IntersectionObserver.prototype.observe = () => {}; });
  await page.goto('/local/');
  await appReady(page);
  await page.waitForLoadState('networkidle');
  const requests = countContentRequests(page);
  const card = page.locator('.bs-section .bs-card__link').last();
  const file = `/content${new URL(await card.getAttribute('href'), page.url()).pathname}article.json`;
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  expect(requests.filter((u) => u.endsWith(file)), 'not fetched before it is pointed at').toEqual([]);
  const answered = page.waitForResponse((r) => r.url().endsWith(file));
  await card.hover();
  await expect.poll(() => requests.filter((u) => u.endsWith(file)).length).toBe(1);
  // The story has arrived before the click (a second wait for 'networkidle' returns at once: the page was idle
  // before the hover), and the app has had a frame to keep it.
  await (await answered).finished();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // From the click on, the page area is never marked busy and no skeleton shows: the story replaces the listing.
  await page.evaluate(() => {
    window.__busy = false;
    new MutationObserver(() => {
      if (document.querySelector('main[aria-busy="true"], .bs-skeleton')) window.__busy = true;
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const headline = await card.textContent();
  await card.click();
  await expect(h1(page)).toHaveText(headline);
  await expect(h1(page)).toBeFocused();
  expect(await page.evaluate(() => window.__busy)).toBe(false);
  expect(requests.filter((u) => u.endsWith(file)).length).toBe(1);
});

test('cards scrolled into view are fetched ahead; a click during a prefetch joins it instead of asking again', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content/*/*/article.json', async (route) => { await held; await route.continue(); });
  await page.goto('/local/');
  await appReady(page);
  const requests = countContentRequests(page);
  const card = page.locator('.bs-section .bs-card__link').nth(3);
  const file = `/content${new URL(await card.getAttribute('href'), page.url()).pathname}article.json`;
  await card.scrollIntoViewIfNeeded();
  await expect.poll(() => requests.filter((u) => u.endsWith(file)).length).toBe(1);
  await card.click();
  release();
  await expect(h1(page)).toBeFocused();
  await expect(page.locator('main[aria-busy="true"]')).toHaveCount(0);
  expect(requests.filter((u) => u.endsWith(file)).length).toBe(1);
});

test('where storage is full, a tap on Dark mode before the app has started is not undone by the older choice when it takes over', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('stored')) {
      // A dark choice from an earlier visit, then a storage that takes nothing more.
      localStorage.setItem('broadsheet:theme', 'dark');
      sessionStorage.setItem('stored', '1');
    }
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function full(key, value) {
      if (this === localStorage) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), async (route) => { await held; await route.continue(); });
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState !== 'loading');
  expect(await paper(page)).toBe(DARK);
  await page.getByRole('button', { name: 'Dark mode' }).click();
  expect(await paper(page)).toBe(WHITE);
  release();
  await appReady(page);
  expect(await paper(page)).toBe(WHITE);
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
});

test('where storage is full, the Dark mode switch\'s choice is not undone by the older one on the next page', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(REFERENCE);
  await appReady(page);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await toggle.click();
  expect(await paper(page)).toBe(DARK);
  // Full from here on: a value written over another is refused; one written where a value was removed fits.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function full(key, value) {
      if (this === localStorage && this.getItem(key) !== null) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await toggle.click();
  expect(await paper(page)).toBe(WHITE);
  await page.reload();
  await appReady(page);
  expect(await paper(page)).toBe(WHITE);
});

test('where storage is blocked, a tap on Dark mode before the app has started still shows as pressed after it takes over', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), async (route) => { await held; await route.continue(); });
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState !== 'loading');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  release();
  await appReady(page);
  expect(await paper(page)).toBe(DARK);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // One tap turns it off.
  await toggle.click();
  expect(await paper(page)).toBe(WHITE);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});
