import { test, expect } from '@playwright/test';
import {
  REFERENCE, REFERENCE_HEADLINE, appReady, countContentRequests, editEmbeddedData, markWindow, openInApp,
  stillSameDocument, startCls,
} from './helpers.js';

const h1 = (page) => page.locator('main h1');

test('a reader goes front → section → page 2 → article → Read more → related → back, without reloads or refetches', async ({ page, request }) => {
  // Where the reference article sits in its section's listing (setup, not counted).
  const page1 = await (await request.get('/content/international/page-1.json')).json();
  const onPage1 = page1.items.some((t) => t.slug === 'kim-jong-un-returns-from-russia');

  const requests = countContentRequests(page);
  await page.goto('/');
  await expect(h1(page)).toHaveText('Top stories');
  await appReady(page);
  await markWindow(page);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'International News' }).click();
  await expect(page).toHaveURL(/\/international\/$/);
  await expect(h1(page)).toHaveText('International News');
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await expect(sections.getByRole('link', { name: 'International News' })).toHaveAttribute('aria-current', 'page');
  await expect(h1(page)).toBeFocused();

  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/\/international\/page\/2\/$/);
  await expect(page.getByText(/^Page 2 of \d+/)).toBeVisible();
  // Its heading, listed among the headings of page 1's, is told apart from it.
  await expect(h1(page)).toHaveText(/^International News, page 2 of \d+$/);
  await expect(h1(page)).toBeFocused();
  if (onPage1) {
    await page.getByRole('link', { name: '← Newer' }).click();
    await expect(page).toHaveURL(/\/international\/$/);
  }

  await page.getByRole('link', { name: REFERENCE_HEADLINE }).click();
  await expect(page).toHaveURL(new RegExp(`${REFERENCE}$`));
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect(sections.getByRole('link', { name: 'International News' })).toHaveAttribute('aria-current', 'true');
  await expect(sections.locator('[aria-current]')).toHaveCount(1);

  await page.getByRole('link', { name: 'Higher Wages On The Horizon For California Healthcare Workers' }).click();
  await expect(page).toHaveURL(/\/local\/higher-wages-california-healthcare-workers\/$/);
  await expect(h1(page)).toHaveText('Higher Wages On The Horizon For California Healthcare Workers');
  await expect(h1(page)).toBeFocused();
  // A screen reader reads the focused heading; the page is not announced as well (it would be heard twice).
  await expect(page.locator('.bs-announcer')).toHaveText('');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The address a browser's own Share takes is the story's, not the page first opened.
  const story = 'https://broadsheet.example/local/higher-wages-california-healthcare-workers/';
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', story);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', story);

  const related = page.getByRole('region', { name: 'Related stories' }).getByRole('link').first();
  const relatedHeadline = await related.textContent();
  await related.scrollIntoViewIfNeeded();
  await related.click();
  await expect(h1(page)).toHaveText(relatedHeadline);
  expect(await stillSameDocument(page)).toBe(true);

  const fetched = requests.length;
  await page.goBack();
  await expect(h1(page)).toHaveText('Higher Wages On The Horizon For California Healthcare Workers');
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100); // back returns to where the reader clicked the related card
  await page.goBack();
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  // Back moves no focus (the element that had it went with the page): the page is announced.
  await expect(page.locator('.bs-announcer')).toHaveText(REFERENCE_HEADLINE);
  await page.goForward();
  await expect(h1(page)).toHaveText('Higher Wages On The Horizon For California Healthcare Workers');
  await expect(page.locator('.bs-announcer')).toHaveText('Higher Wages On The Horizon For California Healthcare Workers');
  // Revisits within the freshness time fetch nothing again. A comments file may be fetched first on a revisit: the
  // comments load when the reader comes near them, which on the first visit they may not have.
  expect(requests.slice(fetched).filter((url) => !url.endsWith('/comments.json')), 'revisits make no page requests').toEqual([]);
  expect(new Set(requests).size, 'no file is fetched twice').toBe(requests.length);
  expect(await stillSameDocument(page)).toBe(true);
});

test('the reference article shows its headline, subheadings, pull quote and both Read more links', async ({ page }) => {
  await page.goto(REFERENCE);
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect(page).toHaveTitle(`${REFERENCE_HEADLINE} | Broadsheet Daily`);
  const article = page.locator('article.bs-article');
  await expect(article.getByRole('heading', { level: 2 })).toHaveText([
    'Kim Jong Un’s Talks with Vladimir Putin', 'North Korean Media’s Positive Coverage',
  ]);
  await expect(article.locator('blockquote')).toHaveText(
    'North Korean leader Kim Jong Un has returned from his official visit to Russia, marking a significant milestone in diplomatic relations between the two nations.');
  const readMore = article.locator('.bs-readmore');
  await expect(readMore).toHaveText([
    'Read more: Higher Wages On The Horizon For California Healthcare Workers',
    'Read more: Sudan’s Ongoing Conflict: Khartoum’s Landmarks Suffer Amid Widespread Battles',
  ]);
  await expect(readMore.nth(0).getByRole('link')).toHaveAttribute('href', '/local/higher-wages-california-healthcare-workers/');
  await expect(readMore.nth(1).getByRole('link')).toHaveAttribute('href', '/international/sudan-khartoum-landmarks-conflict/');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /state media hailed/);
  await expect(article.locator('time').first()).toHaveAttribute('datetime', '2026-11-24T07:15:00+00:00');
  await expect(article.getByText(/\d+ min read/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Related stories' })).toBeVisible();
});

// The host answers each with 404.html, which already shows "Page not found": the app keeps that view, with no
// loading state in between. It asks for the route's file only where the site lists the section (the host might
// be one that answers 404.html for pages it has); the rest need no request (no second 404 in the console).
const UNKNOWN = {
  '/no/such/page/here/': [],
  '/international/no-such-article/': ['/content/international/no-such-article/article.json'],
  '/sports/': [],
  '/latest/some-story/': [],
  '/international/page/99/': ['/content/international/page-99.json'],
};
for (const [path, asked] of Object.entries(UNKNOWN)) {
  test(`an unknown URL (${path}) answers 404 and shows not found with the section nav`, async ({ page }) => {
    const requests = countContentRequests(page);
    // What the page area showed, in order, from the first parse on.
    await page.addInitScript(() => {
      window.__shown = [];
      new MutationObserver(() => {
        const main = document.querySelector('main');
        const now = main?.querySelector('.bs-skeleton') ? 'loading' : main?.querySelector('h1')?.textContent;
        if (now && window.__shown.at(-1) !== now) window.__shown.push(now);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const response = await page.goto(path);
    expect(response.status()).toBe(404);
    await appReady(page);
    await expect(h1(page)).toHaveText('Page not found');
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveCount(5);
    await expect(page).toHaveTitle(/^Page not found/);
    await expect.poll(() => requests.map((url) => new URL(url).pathname)).toEqual(asked);
    await page.waitForTimeout(200);
    expect(requests.map((url) => new URL(url).pathname)).toEqual(asked);
    expect(await page.evaluate(() => window.__shown)).toEqual(['Page not found']);
  });
}

/** Opens the Local News listing scrolled to its last card: the card, and where the page is scrolled. */
async function lastLocalCardInView(page) {
  await page.goto('/local/');
  await appReady(page);
  const card = page.locator('.bs-section .bs-card__link').last();
  await card.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(100);
  return { card, before };
}

/** Story files get no answer until the returned function is called. */
async function holdStoryFiles(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content/*/*/article.json', async (route) => { await held; await route.continue(); });
  return release;
}

test('a slow answer for a page the reader has left never replaces the page they are on', async ({ page }) => {
  // Held from the start: stories on screen are prefetched as soon as the page runs.
  const release = await holdStoryFiles(page);
  await page.goto('/');
  await appReady(page);
  await page.locator('.bs-lead .bs-card__link').first().click();
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText('Economy');
  // Once the story's answer has arrived and two frames have passed, the reader is still on Economy.
  const answered = page.waitForResponse((r) => r.url().endsWith('/article.json'));
  release();
  await answered;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(100);
  await expect(h1(page)).toHaveText('Economy');
  await expect(page).toHaveURL(/\/economy\/$/);
});

test('a story left before it came is not in the history: Back goes to where the reader was before it', async ({ page }) => {
  const release = await holdStoryFiles(page);
  const { card, before } = await lastLocalCardInView(page);
  await card.click();
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
  // The reader gives up on the story and picks a section instead (its link is at the top of the page).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText('Economy');
  release();
  await page.goBack();
  await expect(page).toHaveURL(/\/local\/$/);
  await expect(h1(page)).toHaveText('Local News');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
  await page.goForward();
  await expect(page).toHaveURL(/\/economy\/$/);
  await expect(h1(page)).toHaveText('Economy');
});

test('while the next story loads, the page stays where the reader is; Back meanwhile leaves them there', async ({ page }) => {
  // The story file is held, so the click is answered by the page staying on screen (marked busy).
  const release = await holdStoryFiles(page);
  const { card, before } = await lastLocalCardInView(page);
  // The click and the reader's Back in one go, well within the moment the page is held.
  const during = await card.evaluate((a) => { a.click(); const y = window.scrollY; history.back(); return y; });
  expect(during).toBe(before);
  await expect(page).toHaveURL(/\/local\/$/);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(h1(page)).toHaveText('Local News');
  release();
});

test('Back to a page whose file must be fetched again, on a slow answer, returns the reader to where they were', async ({ page }) => {
  const start = Date.now();
  await page.clock.setFixedTime(start);
  const { card, before } = await lastLocalCardInView(page);
  await card.click();
  await expect(page.locator('article.bs-article h1')).toBeFocused();
  // Well down the story, so the loading view that replaces it on the way back is shorter than where they are.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.evaluate(() => history.state?.broadsheetScroll)).toBeGreaterThan(1500);
  // Minutes later the listing is no longer fresh, and its file answers slowly.
  await page.clock.setFixedTime(start + 5 * 60_000);
  await page.route('**/content/local/page-1.json', async (route) => { await new Promise((r) => setTimeout(r, 1200)); await route.continue(); });
  await page.goBack();
  await expect(page.locator('.bs-skeleton')).toBeVisible();
  await expect(h1(page)).toHaveText('Local News');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(before);
  expect(await page.evaluate(() => history.state?.broadsheetScroll)).toBe(before);
});

test('a tab left open across a deploy that adds a section opens its stories, and the nav shows the section', async ({ page, request }) => {
  const start = Date.now();
  await page.clock.setFixedTime(start);
  await page.goto('/');
  await appReady(page);
  // Eleven minutes later the newsroom has added a Weather section, and the Local listing leads with its first story.
  await page.clock.setFixedTime(start + 11 * 60_000);
  const site = await (await request.get('/content/site.json')).json();
  site.sections.push({ slug: 'weather', title: 'Weather', description: 'Forecasts and warnings.' });
  const listing = await (await request.get('/content/local/page-1.json')).json();
  const story = listing.items[0];
  const article = await (await request.get(`/content/local/${story.slug}/article.json`)).json();
  story.section = 'weather';
  article.section = 'weather';
  const siteRequests = [];
  await page.route('**/content/site.json', (route) => { siteRequests.push(route.request().url()); return route.fulfill({ json: site }); });
  await page.route('**/content/local/page-1.json', (route) => route.fulfill({ json: listing }));
  await page.route(`**/content/weather/${story.slug}/article.json`, (route) => route.fulfill({ json: article }));

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await page.locator('.bs-section .bs-card__link').first().click();
  await expect(page).toHaveURL(new RegExp(`/weather/${story.slug}/$`));
  await expect(page.locator('article.bs-article h1')).toHaveText(story.headline);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Weather' })).toBeVisible();
  expect(siteRequests).toHaveLength(1);
  // A section the fresh copy does not list either is still not found, without asking again.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '/sport/', textContent: 'Sport' });
    document.querySelector('#bs-main').append(link);
    link.click();
  });
  await expect(page).toHaveURL(/\/sport\/$/);
  await expect(h1(page)).toHaveText('Page not found');
  expect(siteRequests).toHaveLength(1);
});

test('loading keeps the layout still: CLS over a visit with 300 ms responses stays ≤ 0.01', async ({ page }) => {
  await startCls(page);
  await page.route('**/content/**', async (route) => { await new Promise((r) => setTimeout(r, 300)); await route.continue(); });
  await page.goto('/');
  await expect(h1(page)).toHaveText('Top stories');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await page.locator('.bs-section .bs-card__link').first().click();
  await expect(page.locator('article.bs-article h1')).toBeVisible();
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  expect(cls).toBeLessThanOrEqual(0.01);
});

test('a reload returns the reader to where they were on the page', async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  await page.evaluate(() => window.scrollTo(0, 700));
  // The position is written to the history entry shortly after scrolling stops.
  await expect.poll(() => page.evaluate(() => history.state?.broadsheetScroll)).toBe(700);
  await page.reload();
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(700);
});

test('a reload shows the reader\'s place from the first paint, before the app has started', async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  await page.evaluate(() => window.scrollTo(0, 700));
  await expect.poll(() => page.evaluate(() => history.state?.broadsheetScroll)).toBe(700);
  // The app is held back: what shows is the pre-rendered page, placed by the browser.
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.reload();
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(700);
  await expect(page.locator('[data-broadsheet-ready]')).toHaveCount(0);
});

// The loader held back too: on a pre-rendered page it is added only after the first paint, and the reader's moves
// before it arrives count as well (early.js).
for (const [what, file] of [['the app is starting', /\/broadsheet-[0-9a-f]+\.js$/], ['its loader is still on its way', /\/loader-[0-9a-f]+\.js/]]) test(`after a reload, a reader who scrolls on while ${what} stays where they scrolled to`, async ({ page }) => {
  await page.goto(REFERENCE);
  await appReady(page);
  await page.evaluate(() => window.scrollTo(0, 700));
  await expect.poll(() => page.evaluate(() => history.state?.broadsheetScroll)).toBe(700);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(file, async (route) => { await held; await route.continue(); });
  await page.reload({ waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(700);
  await page.mouse.move(200, 300);
  await page.mouse.wheel(0, 500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1200);
  release();
  await appReady(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(1200);
});

test('the footer carries the newsroom\'s own description of itself from its site file', async ({ page, request }) => {
  const site = await (await request.get('/content/site.json')).json();
  await page.goto('/local/');
  await appReady(page);
  await expect(page.locator('footer')).toHaveText(`${site.name}: ${site.description}`);
});

test('a site file without a description gives a footer with the name alone', async ({ page }) => {
  await editEmbeddedData(page, '/local/', (data) => {
    data.files['site.json'].description = '';
    return data;
  });
  await page.goto('/local/');
  await appReady(page);
  await expect(page.locator('footer')).toHaveText('Broadsheet Daily');
});

test('the answer to an out-of-date site file\'s check, the same file again, leaves the page the reader has moved on to as it is', async ({ page }) => {
  const start = Date.now();
  await page.clock.setFixedTime(start);
  await page.goto('/');
  await appReady(page);
  await page.clock.setFixedTime(start + 11 * 60_000);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const answered = page.waitForResponse((r) => r.url().endsWith('/content/site.json'));
  await page.route('**/content/site.json', async (route) => { await held; await route.continue(); });
  // A section the site file does not list: the out-of-date copy is checked again, and the answer is held.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '/sport/', textContent: 'Sport' });
    document.querySelector('#bs-main').append(link);
    link.click();
  });
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
  // Meanwhile the reader goes on to a listed section and reads down it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await page.evaluate(() => window.scrollTo(0, 600));
  release();
  await answered;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await page.evaluate(() => window.scrollY)).toBe(600);
  await expect(h1(page)).toHaveText('Local News');
});

test('a link to the page already shown adds no history entry', async ({ page }) => {
  await page.goto('/local/');
  await appReady(page);
  const before = await page.evaluate(() => history.length);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toBeFocused();
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('on a narrow screen the section nav stays scrolled where the reader left it when a section opens', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  const scrolled = await nav.evaluate((el) => el.scrollLeft);
  expect(scrolled).toBeGreaterThan(0);
  await nav.getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText('Economy');
  await expect(nav.getByRole('link', { name: 'Economy' })).toHaveAttribute('aria-current', 'page');
  expect(await nav.evaluate((el) => el.scrollLeft)).toBe(scrolled);
  await expect(nav.getByRole('link', { name: 'Economy' })).toBeInViewport();
});

test('a section with one page and one story says "1 story" and has no empty pager', async ({ page, request }) => {
  const listing = await (await request.get('/content/economy/page-1.json')).json();
  Object.assign(listing, { items: listing.items.slice(0, 1), total: 1, pages: 1 });
  await page.route('**/content/economy/page-1.json', (route) => route.fulfill({ json: listing }));
  await page.goto('/');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText('Economy');
  await expect(page.getByText('Page 1 of 1 · 1 story', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
});

test('a page without embedded data whose site file cannot be loaded shows the error view; Try again recovers', async ({ page }) => {
  let broken = true;
  await editEmbeddedData(page, '/local/', () => null);
  await page.route('**/content/site.json', (route) => (broken ? route.abort('connectionrefused') : route.continue()));
  await page.goto('/local/');
  await expect(h1(page)).toHaveText('This page could not be loaded');
  await expect(page.getByRole('alert')).toContainText('could not be reached');
  // Without the site file there is no name: no nameless masthead link, title suffix or footer sentence.
  await expect(page).toHaveTitle('This page could not be loaded');
  await expect(page.locator('.bs-masthead')).toBeHidden();
  await expect(page.locator('.bs-footer')).toHaveText('');
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveCount(5);
  // The button went with the error: the reader's focus is on the page that came instead, whose heading a screen
  // reader reads (not announced a second time).
  await expect(h1(page)).toBeFocused();
  await expect(page.locator('.bs-announcer')).toHaveText('');
});

for (const [path, asked] of [['/international/no-such-article/', true], ['/sports/', false]]) {
  test(`in-app links to missing pages show not found too (${path})`, async ({ page }) => {
    const requests = countContentRequests(page);
    await openInApp(page, path);
    await expect(h1(page)).toHaveText('Page not found');
    await expect(h1(page)).toBeFocused();
    // The nav marks no section as where the reader is, and the canonical link no longer names the page left.
    await expect(page.locator('.bs-nav [aria-current]')).toHaveCount(0);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', page.url());
    // Only a section the site lists is asked for its file.
    expect(requests.some((url) => new URL(url).pathname.startsWith(`/content${path}`))).toBe(asked);
  });
}

test('a host that answers 404.html for a story it has (no directory indexes) still shows the story', async ({ page, request }) => {
  const notFound = await (await request.get('/404.html')).text();
  await page.route((url) => url.pathname === REFERENCE, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: notFound }));
  await page.goto(REFERENCE);
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
});

test('on a phone, the nav shows the reader\'s own section even where the sections do not all fit', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 800 });
  await page.goto('/economy/');
  const current = page.getByRole('navigation', { name: 'Sections' }).locator('a[aria-current]');
  await expect(current).toHaveText('Economy');
  await expect(current).toBeInViewport({ ratio: 1 });
  await appReady(page);
  await expect(current).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('on a phone, the nav starts at its first sections when the reader\'s own is among them', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/local/');
  await appReady(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Latest News' })).toBeInViewport({ ratio: 1 });
  await expect(nav.locator('a[aria-current]')).toHaveText('Local News');
  await expect(nav.locator('a[aria-current]')).toBeInViewport({ ratio: 1 });
});
