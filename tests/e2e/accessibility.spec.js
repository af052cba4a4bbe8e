// axe-core on every page type and state a reader can meet: no violations of any rule it checks.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { REFERENCE, REFERENCE_HEADLINE, appReady, editEmbeddedData, failNextCreateElement, longThread, openInApp, showComments } from './helpers.js';

async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

const cases = [
  ['front page', '/', async () => {}],
  ['section page 2', '/international/page/2/', async () => {}],
  ['article with comments and an open reply form', REFERENCE, async (page) => {
    await showComments(page);
    await page.getByRole('button', { name: /^Reply to Ade Okonkwo/ }).click();
  }],
  ['article with a reply draft kept under a comment', REFERENCE, async (page) => {
    await showComments(page);
    await page.getByRole('button', { name: /^Reply to Ade Okonkwo/ }).click();
    const reply = page.getByRole('form', { name: 'Reply', exact: true });
    await reply.getByLabel('Comment', { exact: true }).fill('Kept for later.');
    await reply.getByRole('button', { name: 'Cancel reply' }).click();
    await expect(page.getByRole('button', { name: /^Reply to Ade Okonkwo/ })).toHaveAccessibleDescription('Draft saved');
  }],
  ['comment form showing its errors', REFERENCE, async (page) => {
    await showComments(page);
    await page.getByRole('form', { name: 'Leave a Reply' }).getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByText('There are 3 problems with your comment:')).toBeVisible();
  }],
  ['not found', '/no/such/page/', async () => {}],
];

for (const [name, path, act] of cases) for (const scheme of ['light', 'dark']) {
  test(`no axe violations: ${name} (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    await appReady(page);
    await page.waitForLoadState('networkidle');
    await act(page);
    await expectNoViolations(page);
  });
}

for (const scheme of ['light', 'dark']) test(`no axe violations: error view (${scheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.route('**/content/front.json', (route) => route.fulfill({ status: 503, body: '' }));
  await openInApp(page, '/', '/local/');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectNoViolations(page);
});

for (const scheme of ['light', 'dark']) test(`no axe violations: a long thread with the reader's comment after a gap (${scheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  const form = page.getByRole('form', { name: 'Leave a Reply' });
  await form.getByLabel('Comment', { exact: true }).fill('Mine, after five hundred others.');
  await form.getByLabel('Name', { exact: true }).fill('Ann Reader');
  await form.getByLabel('Email', { exact: true }).fill('ann@example.com');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show more comments (500 more)' })).toBeVisible();
  await expectNoViolations(page);
});

for (const scheme of ['light', 'dark']) test(`no axe violations: a long thread with the reader's reply in its middle, between Show more and Show later (${scheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  // A reply this browser posted on an earlier visit (src/comments/store.rs keeps it), to the 351st comment.
  await page.addInitScript(() => localStorage.setItem('broadsheet:comments:kim-jong-un-returns-from-russia', JSON.stringify([{
    comment: { id: 'mine', parent: 't350', author: 'Ann Reader', published: '2026-11-25T10:00:00+00:00', text: 'My reply in the middle.' },
    status: 'local',
  }])));
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment--own')).toContainText('My reply in the middle.');
  await expect(page.getByRole('button', { name: 'Show more comments (200 more)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show later comments (200 more)' })).toBeVisible();
  await expectNoViolations(page);
});

for (const scheme of ['light', 'dark']) test(`no axe violations: the view a panic leaves, in the app and in the comments (${scheme})`, async ({ page }) => {
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(REFERENCE);
  await appReady(page);
  await failNextCreateElement(page, 'textarea');
  await page.locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'The comments stopped working' })).toBeVisible();
  await expectNoViolations(page);
  await failNextCreateElement(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Local News' }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expectNoViolations(page);
});

test('no axe violations: a page whose site file cannot be loaded', async ({ page }) => {
  await editEmbeddedData(page, '/local/', () => null);
  await page.route('**/content/site.json', (route) => route.abort('connectionrefused'));
  await page.goto('/local/');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectNoViolations(page);
});

test('no axe violations: loading skeleton', async ({ page }) => {
  await page.route('**/content/*/*/article.json', () => {});
  await openInApp(page, REFERENCE);
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
  await expectNoViolations(page);
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  // Unseen, and not in the way of a click, until focused.
  await expect(skip).toHaveCSS('opacity', '0');
  await expect(skip).toHaveCSS('pointer-events', 'none');
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await expect(page.locator('#bs-main')).toBeFocused();
});

for (const [what, address] of [['opened with a query', `${REFERENCE}?utm_source=newsletter`], ['not found, answered by 404.html', '/no-such-section/no-such-story/']]) test(`before the app has taken a pre-rendered page over (${what}), the skip link stays on the page`, async ({ page }) => {
  // The app's code held back: the page as written, with early.js.
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), () => {});
  await page.goto(address);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${address}#bs-main`);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('without JavaScript the skip link moves to the main content of the same page, not the front page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(REFERENCE);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${REFERENCE}#bs-main$`));
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await context.close();
});

test('sections and stories can be reached and opened with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Economy')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Economy');
  await expect(page.locator('main h1')).toBeFocused();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.className);
  expect(focused).toContain('bs-card__link');
  await page.keyboard.press('Enter');
  await expect(page.locator('article.bs-article h1')).toBeFocused();
});

test('Back after following a link with the keyboard puts focus back on that link, where the reader left it', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 800 });
  await page.goto(REFERENCE);
  await appReady(page);
  // The second related story, from an article to an article: the new page keeps the headline element.
  const related = page.locator('.bs-related .bs-card__link').nth(1);
  await related.focus();
  const [href, y] = [await related.getAttribute('href'), await page.evaluate(() => scrollY)];
  await page.keyboard.press('Enter');
  await expect(page.locator('article.bs-article h1')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(related).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBe(y);
  // Tab goes on from there, to the next related story.
  await page.keyboard.press('Tab');
  await expect(page.locator('.bs-related .bs-card__link').nth(2)).toBeFocused();
});

test('Back focuses the link that was followed even where a click does not focus links (Safari, Firefox on macOS)', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  // Focus is elsewhere (a section link) when a story is clicked without focusing it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).focus();
  const card = page.locator('.bs-card__link').nth(3);
  await card.evaluate((a) => a.click());
  await expect(page.locator('article.bs-article h1')).toBeFocused();
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Top stories');
  await expect(card).toBeFocused();
});

test('the focus ring of a section link is drawn whole, inside the section bar', async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' });
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  const [ring, bar] = await link.evaluate((a) => {
    const style = getComputedStyle(a);
    const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const r = a.getBoundingClientRect();
    const n = a.closest('nav').getBoundingClientRect();
    return [[r.top - grow, r.bottom + grow, style.outlineStyle], [n.top, n.bottom]];
  });
  expect(ring[2]).toBe('solid');
  expect(ring[0]).toBeGreaterThanOrEqual(bar[0]);
  expect(ring[1]).toBeLessThanOrEqual(bar[1]);
});

test('in forced colours (Windows High Contrast) only the current section is marked, and the pressed Dark mode switch looks pressed', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
  await page.goto(REFERENCE);
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const marks = await nav.getByRole('link').evaluateAll((links) => {
    const paper = getComputedStyle(links[0].closest('.bs-app')).backgroundColor;
    return links.map((a) => [a.hasAttribute('aria-current'), getComputedStyle(a).borderBottomColor !== paper]);
  });
  expect(marks.filter(([current]) => current)).toEqual([[true, true]]);
  expect(marks.filter(([current]) => !current).every(([, marked]) => !marked)).toBe(true);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  const look = () => toggle.evaluate((b) => getComputedStyle(b).backgroundColor);
  const unpressed = await look();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await look()).not.toBe(unpressed);
});
