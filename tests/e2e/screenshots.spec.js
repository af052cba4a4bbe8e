// Screenshots of every page type at a phone and a desktop width, kept in tests/e2e/artifacts/ to look at.
import { test, expect } from '@playwright/test';
import { REFERENCE, appReady, editEmbeddedData, expectNothingMoved, openInApp, screenshot, showComments, startCls } from './helpers.js';

/** The page, its fonts loaded, does not scroll sideways. */
async function expectNoSidewaysScroll(page, message = 'no sideways scrolling') {
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, message).toBeLessThanOrEqual(0);
}

/** Words of the app's text split over two lines in the middle (a word's own hyphens aside), where the browser is not
 * asked to hyphenate (`hyphens: auto`: there a split is the browser's hyphenation, where it has a dictionary) and
 * the reader sees the text. */
function wordsSplit(page) {
  return page.evaluate(() => {
    const split = [];
    const walker = document.createTreeWalker(document.querySelector('#broadsheet'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (getComputedStyle(node.parentElement).hyphens === 'auto') continue;
      // Not shown: text clipped to a pixel (a screen reader's label, the form's trap for robots).
      let shown = true;
      for (let el = node.parentElement; el && el.id !== 'broadsheet'; el = el.parentElement) shown &&= el.getBoundingClientRect().width > 1;
      if (!shown) continue;
      for (const word of node.textContent.matchAll(/[^\s-]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(word[0]);
      }
    }
    return split;
  });
}

const pages = [
  ['front', '/', 'Top stories'],
  ['section', '/international/page/2/', /^International News, page 2 of \d+$/],
  ['article', REFERENCE, /Kim Jong Un Returns/],
  ['not-found', '/no/such/page/', 'Page not found'],
];

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const [name, path, heading] of pages) {
      test(`${name} page`, async ({ page }) => {
        await page.goto(path);
        await appReady(page);
        await expect(page.locator('main h1')).toHaveText(heading);
        await expectNoSidewaysScroll(page);
        await screenshot(page, `${name}-${width}`);
      });
    }
    test('article page in dark mode, and the embedded app in the example host page', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(REFERENCE);
      await appReady(page);
      await expect(page.locator('main h1')).toHaveText(/Kim Jong Un Returns/);
      await screenshot(page, `article-dark-${width}`);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto('http://127.0.0.1:8094/index.html');
      await expect(page.locator('[data-broadsheet] #bs-main h1')).toHaveText('Top stories');
      await expectNoSidewaysScroll(page);
      await screenshot(page, `embedded-${width}`);
    });
    test('comments and the reply form', async ({ page }) => {
      await page.goto(REFERENCE);
      await appReady(page);
      await showComments(page);
      await page.getByRole('button', { name: /^Reply to Ade Okonkwo/ }).click();
      await page.getByRole('form', { name: 'Leave a Reply' }).getByRole('button', { name: 'Post Comment' }).click();
      await page.locator('.bs-comments').scrollIntoViewIfNeeded();
      await page.getByRole('heading', { name: '5 comments' }).evaluate((el) => el.scrollIntoView());
      await screenshot(page, `comments-${width}`);
      await expectNoSidewaysScroll(page);
    });
    test('error view', async ({ page }) => {
      await page.route('**/content/front.json', (route) => route.fulfill({ status: 503, body: '' }));
      await openInApp(page, '/', '/local/');
      await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
      await screenshot(page, `error-${width}`);
    });
    test('loading skeleton', async ({ page }) => {
      await page.route('**/content/*/*/article.json', () => {});
      await openInApp(page, REFERENCE);
      await expect(page.locator('main[aria-busy="true"] .bs-skeleton')).toBeVisible();
      await screenshot(page, `loading-${width}`);
    });
  });
}

test('at 320 px, words and web addresses longer than the line wrap instead of widening the page', async ({ page }) => {
  const word = 'Bundesverfassungsgerichtsentscheidungsbegründungsschreiben';
  const address = 'https://reports.example/2026/annual-review?utm_source=newsletter&utm_medium=email&utm_campaign=winter';
  await editEmbeddedData(page, REFERENCE, (data) => {
    const article = Object.values(data.files).find((file) => file.headline);
    article.headline = `${word} ${article.headline}`;
    article.standfirst = `${word} ${address}`;
    article.body.find((block) => block.type === 'paragraph').text = `See ${address} and ${word}.`;
    for (const teaser of article.related) teaser.headline = `${word} ${teaser.headline}`;
    return data;
  });
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(REFERENCE);
  await appReady(page);
  await expect(page.locator('main h1')).toContainText(word);
  await expectNoSidewaysScroll(page, 'no sideways scrolling at 320 px');
});

for (const width of [900, 1280]) test(`at ${width} px, a lead story headline with a word longer than its column wraps inside the page`, async ({ page }) => {
  const word = 'Bundesverfassungsgerichtsentscheidungsbegründungsschreibensentwurfsvorlage';
  await editEmbeddedData(page, '/', (data) => {
    data.files['front.json'].lead[0].headline = `${word} ${word}`;
    return data;
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.bs-card--lead').first()).toContainText(word);
  // Its picture keeps its column.
  expect((await page.locator('.bs-card--lead img').first().boundingBox()).width).toBeGreaterThan(width / 4);
  await expectNoSidewaysScroll(page);
  const card = await page.locator('.bs-card--lead').first().boundingBox();
  const main = await page.locator('main').boundingBox();
  expect(card.x + card.width).toBeLessThanOrEqual(main.x + main.width + 1);
});


test('with text at 200 % on a 320 px screen, no page scrolls sideways', async ({ page, context }) => {
  // The browser's own text size setting, as a reader with low vision sets it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await page.setViewportSize({ width: 320, height: 900 });
  for (const [, path, title] of pages) {
    await page.goto(path);
    await appReady(page);
    await expect(page.locator('main h1')).toHaveText(title);
    if (path === REFERENCE) await showComments(page);
    await expectNoSidewaysScroll(page, `no sideways scrolling on ${path}`);
    // Lines long enough that words are not split in the middle ("INTERNATIONA / L", "Health / care").
    expect(await wordsSplit(page), `words split on ${path}`).toEqual([]);
    // The masthead's whole name (it was cut to "Bro…"), on one line (not split into "Broad / sheet / Daily").
    const masthead = page.locator('.bs-masthead');
    expect(await masthead.evaluate((m) => m.scrollWidth - m.clientWidth), `the masthead cut on ${path}`).toBeLessThanOrEqual(0);
    expect(await masthead.evaluate((m) => getComputedStyle(m).textOverflow)).not.toBe('ellipsis');
    expect(await masthead.evaluate((m) => m.getBoundingClientRect().height / parseFloat(getComputedStyle(m).fontSize)), `the masthead on one line on ${path}`).toBeLessThan(1.5);
  }
});

test('with text at 200 % on a 320 px screen, a reply form at every depth of the thread fits the screen', async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  const replies = page.locator('.bs-comment__reply');
  const count = await replies.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    await replies.nth(i).click();
    const form = page.getByRole('form', { name: 'Reply', exact: true });
    await expect(form).toBeVisible();
    await expectNoSidewaysScroll(page, `no sideways scrolling with the reply form under comment ${i + 1} open`);
    // Its controls inside it, whole.
    const box = await form.boundingBox();
    for (const control of await form.locator(":is(textarea, input, button):not(.bs-honeypot *)").all()) {
      const b = await control.boundingBox();
      expect(b.x + b.width, `a control of the reply form under comment ${i + 1}`).toBeLessThanOrEqual(box.x + box.width + 1);
    }
  }
});

for (const [width, text] of [[320, 32], [412, 32], [320, 24]]) {
  test(`with text at ${text / 16 * 100} % on a ${width} px screen, the site name arriving late moves nothing`, async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: text } });
    await page.setViewportSize({ width, height: 800 });
    await startCls(page);
    // The empty shell (the single-page fallback) shows the masthead once the site file has come.
    await page.route('**/content/site.json', async (route) => { await new Promise((r) => setTimeout(r, 500)); await route.continue(); });
    await page.goto('/shell.html');
    await expect(page.locator('.bs-masthead')).toHaveText('Broadsheet Daily');
    await page.waitForTimeout(300);
    await expectNothingMoved(page);
  });
}

test('a commenter\'s name longer than the line wraps instead of widening the page', async ({ page }) => {
  const name = 'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung';
  await page.route('**/comments.json', async (route) => {
    const file = await (await route.fetch()).json();
    file.comments[0].author = name;
    await route.fulfill({ json: file });
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment__author').first()).toHaveText(name);
  await expectNoSidewaysScroll(page);
});

test('on a right-to-left page, an article and its comment form do not widen the page', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(REFERENCE);
  await appReady(page);
  await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
  await showComments(page);
  await expect(page.getByRole('form', { name: 'Leave a Reply' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
