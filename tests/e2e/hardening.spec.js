// Every bad input a reader can meet, one test each, asserting what the reader sees: hostile or broken content,
// hostile networks, and script payloads in every field that reaches the page.
import { test, expect } from '@playwright/test';
import {
  REFERENCE, REFERENCE_HEADLINE, appReady, editEmbeddedData, expectNothingWaitsForTheApp, failNextCreateElement, markWindow, openInApp, showComments,
  startProxy, stillSameDocument,
} from './helpers.js';

const h1 = (page) => page.locator('main h1');
const ARTICLE_JSON = `**/content${REFERENCE}article.json`;
const json = (body) => ({ status: 200, contentType: 'application/json', body });

/** The reference article's real JSON, edited. */
const editArticle = (edit) => async (route) => {
  const response = await route.fetch();
  const article = await response.json();
  edit(article);
  await route.fulfill({ response, json: article });
};

const tooBig = JSON.stringify({ format_version: 1, padding: 'x'.repeat(2 * 1024 * 1024 + 1) });

// [name, how the article file is answered, heading shown, text in the alert, whether the server keeps answering so]
for (const [name, answer, heading, says, kept] of [
  ['malformed JSON', (route) => route.fulfill(json('{"format_version":1,"slug":')), 'This page could not be loaded', 'damaged'],
  ['truncated JSON', async (route) => {
    const text = await (await route.fetch()).text();
    await route.fulfill(json(text.slice(0, Math.floor(text.length / 2))));
  }, 'This page could not be loaded', 'damaged'],
  ['wrong types', (route) => route.fulfill(json('{"format_version":1,"slug":5,"body":"no"}')), 'This page could not be loaded', 'damaged'],
  ['a required field missing', editArticle((a) => { delete a.headline; }), 'This page could not be loaded', 'damaged'],
  ['a body over the 2 MB limit', (route) => route.fulfill(json(tooBig)), 'This page could not be loaded', 'too large'],
  // Asked for again, the file is the same (the server keeps it): Try again reloads the page, which brings the app
  // that reads it (here the deep link's own copy of the story).
  ['a newer format_version', (route) => route.fulfill(json('{"format_version":2,"blocks":[]}')), 'Update needed', 'newer format', 'kept'],
  ['HTTP 500', (route) => route.fulfill({ status: 500, body: 'oops' }), 'This page could not be loaded', 'error 500'],
  ['HTTP 503', (route) => route.fulfill({ status: 503, body: '' }), 'This page could not be loaded', 'error 503'],
  ['a refused connection', (route) => route.abort('connectionrefused'), 'This page could not be loaded', 'could not be reached'],
]) {
  test(`an article answered with ${name} shows "${heading}", and Try again recovers`, async ({ page }) => {
    let broken = true;
    await page.route(ARTICLE_JSON, (route) => (broken ? answer(route) : route.continue()));
    await openInApp(page, REFERENCE);
    await expect(h1(page)).toHaveText(heading);
    await expect(page.getByRole('main')).toContainText(says);
    // Reached by a link: focus is on the heading, which a screen reader reads; no alert says it all again.
    await expect(h1(page)).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
    broken = !!kept;
    await markWindow(page);
    await expect(page.getByRole('main').getByRole('button')).toHaveText(['Try again']);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
    expect(await stillSameDocument(page)).toBe(!kept);
  });
}

test('an article answered with HTTP 404 shows not found', async ({ page }) => {
  await page.route(ARTICLE_JSON, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openInApp(page, REFERENCE);
  await expect(h1(page)).toHaveText('Page not found');
});

test('unknown block kinds are skipped and the rest of the article shows', async ({ page }) => {
  await page.route(ARTICLE_JSON, editArticle((a) => {
    a.body.splice(1, 0, { type: 'live_blog', entries: [1, 2] }, { type: 'poll', question: 'Which?' });
  }));
  await openInApp(page, REFERENCE);
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect(page.locator('.bs-paragraph').filter({ hasText: 'North Korean leader Kim Jong Un has returned' })).toBeVisible();
  await expect(page.getByText('Which?')).toHaveCount(0);
});

test('an article streamed with no Content-Length (chunked, as a compressing CDN sends it) is cut off at 2 MB: "too large"', async ({ page, baseURL }) => {
  // A server in front of the site answers the story's file in chunks, endlessly; everything else passes through.
  const proxy = await startProxy(baseURL, (req, res) => {
    if (!req.url.endsWith(`${REFERENCE}article.json`)) return false;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"format_version":1,"padding":"');
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const more = () => { while (sent < 8 * 1024 * 1024 && res.write(chunk)) sent += chunk.length; if (sent < 8 * 1024 * 1024) res.once('drain', more); else res.end('"}'); };
    res.on('error', () => {});
    more();
    return true;
  });
  try {
    await openInApp(page, REFERENCE, `http://127.0.0.1:${proxy.port}/`);
    await expect(h1(page)).toHaveText('This page could not be loaded');
    await expect(page.getByRole('main')).toContainText('too large');
  } finally {
    await proxy.close();
  }
});

test('a same-origin redirect is followed', async ({ page }) => {
  const moved = `/content${REFERENCE}article.json?moved=1`;
  let redirected = false;
  await page.route(ARTICLE_JSON, (route) => {
    redirected = true;
    return route.fulfill({ status: 302, headers: { Location: moved } });
  });
  await openInApp(page, REFERENCE);
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
  expect(redirected).toBe(true);
});

test('no answer within 10 s shows "Taking too long" with Try again', async ({ page }) => {
  test.setTimeout(40_000);
  let hang = true;
  await page.route(ARTICLE_JSON, (route) => (hang ? undefined : route.continue()));
  await openInApp(page, REFERENCE);
  await expect(page.locator('main[aria-busy="true"]')).toBeVisible();
  const waiting = Date.now();
  await expect(h1(page)).toHaveText('Taking too long', { timeout: 15_000 });
  // Not sooner: a slow connection gets its 10 s.
  expect(Date.now() - waiting).toBeGreaterThan(9_000);
  hang = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page)).toHaveText(REFERENCE_HEADLINE);
});

test('offline: a new page says "You\'re offline"; pages already read still open; Try again recovers', async ({ page, context }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText("You're offline");
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(h1(page)).toHaveText("You're offline");
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(h1(page)).toHaveText('Economy');
});

test('offline, pages read long enough ago to be out of date still open, as they were', async ({ page, context }) => {
  const start = Date.now();
  await page.clock.setFixedTime(start);
  await page.goto('/');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(h1(page)).toHaveText('Local News');
  await page.clock.setFixedTime(start + 30 * 60_000);
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(h1(page)).toHaveText("You're offline");
  await page.goBack();
  await expect(h1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(h1(page)).toHaveText('Top stories');
});

test('a missing site file is a page that could not be loaded, not "Page not found"', async ({ page }) => {
  await editEmbeddedData(page, '/local/', () => null);
  await page.route('**/content/site.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/local/');
  await expect(h1(page)).toHaveText('This page could not be loaded');
  await expect(page.getByRole('alert')).toContainText('error 404');
});

// Script payloads in every kind of field that reaches the page: all must show as text or be dropped.
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const SVG = '<svg onload="window.__pwned=3"><script>window.__pwned=4</script></svg>';

async function expectInert(page) {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const sources = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
  for (const src of sources) expect(src).toMatch(/^(https:\/\/|\/content\/)/);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  // A path on this site, not `//host/` (a link to another site that looks like one).
  for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|\/(?!\/)|#|mailto:)/);
  expect(await page.locator('main svg, main script, main iframe, main object').count()).toBe(0);
}

test('script payloads in article fields render as text; javascript:, data: and http: images are dropped', async ({ page }) => {
  page.on('dialog', () => { throw new Error('a dialog opened'); });
  await page.route(ARTICLE_JSON, editArticle((a) => {
    a.headline = PAYLOAD;
    a.standfirst = SVG;
    a.byline = 'javascript:window.__pwned=5';
    // Its section link (and Share's address) would otherwise be `//evil.example/`, another site.
    a.section = '//evil.example';
    a.image = { src: 'javascript:window.__pwned=6', alt: PAYLOAD, caption: SVG, width: 10, height: 10 };
    a.body.unshift(
      { type: 'paragraph', text: PAYLOAD },
      { type: 'image', src: 'data:image/svg+xml,<svg onload="window.__pwned=7"/>', alt: 'x', width: 10, height: 10 },
      { type: 'image', src: 'http://127.0.0.1:9/plain-http.svg', alt: 'plain http', width: 10, height: 10 },
      { type: 'image', src: '//evil.example/x.svg', alt: 'protocol-relative', width: 10, height: 10 },
      { type: 'pull_quote', text: SVG, attribution: PAYLOAD },
      { type: 'read_more', section: 'javascript:alert(1)', slug: '"><script>window.__pwned=8</script>', headline: PAYLOAD },
    );
    a.related[0].headline = PAYLOAD;
    a.related[0].image = { src: 'javascript:window.__pwned=9', alt: 'x', width: 10, height: 10 };
  }));
  await openInApp(page, REFERENCE);
  await expect(h1(page)).toHaveText(PAYLOAD);
  await expect(page.getByText(SVG).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kim Jong Un’s Talks with Vladimir Putin' })).toBeVisible();
  await expectInert(page);
});

test('script payloads in teaser fields of a listing render as text', async ({ page }) => {
  await page.route('**/content/local/page-1.json', async (route) => {
    const response = await route.fetch();
    const listing = await response.json();
    listing.title = PAYLOAD;
    listing.items[0].headline = PAYLOAD;
    listing.items[0].standfirst = SVG;
    listing.items[0].slug = 'javascript:alert(1)';
    listing.items[0].image = { src: 'data:text/html,<script>window.__pwned=10</script>', alt: PAYLOAD, width: 10, height: 10 };
    await route.fulfill({ response, json: listing });
  });
  await openInApp(page, '/local/');
  await expect(h1(page)).toHaveText(PAYLOAD);
  await expect(page.getByText(SVG).first()).toBeVisible();
  await expectInert(page);
});

test('script payloads in the site file (the newsroom\'s configuration) render as text', async ({ page }) => {
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.name = PAYLOAD;
    site.sections[0].title = SVG;
    site.sections.push({ slug: '//evil.example', title: 'Elsewhere' });
    site.comment_endpoint = 'javascript:window.__pwned=11';
    await route.fulfill({ response, json: site });
  });
  // A page without embedded data, so the edited site file is the one used.
  await editEmbeddedData(page, '/local/', () => null);
  await page.goto('/local/');
  await appReady(page);
  await expect(page.locator('.bs-masthead')).toHaveText(PAYLOAD);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByText(SVG)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Elsewhere' })).toHaveAttribute('href', '/-/');
  await expectInert(page);
});

test('a browser without Object.hasOwn (before 2022) still starts the app and its comments', async ({ page }) => {
  // The loader looks up the pages' file digests and the islands before it can report a failure: an exception
  // there left the page waiting for an app that never came, with nothing said.
  await page.addInitScript(() => { delete Object.hasOwn; });
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  await expect(page.locator('#broadsheet[data-broadsheet-failed]')).toHaveCount(0);
});

test('a browser without WebAssembly keeps the pre-rendered article readable, nothing on it waits for the app, and the reader is told why', async ({ page }) => {
  // As in Safari's Lockdown Mode, or where a policy turns WebAssembly off.
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(REFERENCE);
  await expect.poll(() => errors.some((e) => e.includes('Broadsheet could not start'))).toBe(true);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  // Reloading would not help, and the reader is not told it would.
  await expectNothingWaitsForTheApp(page, 'The comments cannot be shown in this browser. They need WebAssembly, which is turned off here.');
  // Its links are plain links: the next story is a pre-rendered page too.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(page.locator('main h1')).toHaveText('Local News');
  // A page with nothing pre-rendered (the shell) says why it stays empty.
  await page.goto('/shell.html');
  await expect(page.getByRole('alert')).toHaveText('The news cannot be shown in this browser. It needs WebAssembly, which is turned off here.');
});

test('an app that has not started after 45 s is given up: the article stays readable and nothing waits; if it comes after all, it starts', async ({ page }) => {
  await page.clock.install();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The app's WASM is asked for and not answered (a stalled connection, a proxy that holds it, 2G).
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => url.pathname.endsWith('_bg.wasm'), async (route) => { await held; await route.continue(); });
  const loader = page.waitForResponse(/\/loader-[0-9a-f]+\.js/);
  await page.goto(REFERENCE, { waitUntil: 'commit' });
  await loader;
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await page.clock.runFor(30_000);
  await expect(page.getByText('Loading comments…')).toBeVisible();
  await page.clock.runFor(16_000);
  await expect.poll(() => errors.some((e) => e.includes('Broadsheet could not start'))).toBe(true);
  await expectNothingWaitsForTheApp(page);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  // The download was only slow: when it ends, the app starts, and its controls are back.
  release();
  await page.clock.resume();
  await appReady(page);
  await expect(page.locator('#broadsheet')).not.toHaveAttribute('data-broadsheet-failed');
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toBeVisible();
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
});

test('a panic in the app shows "Something went wrong" in its place with Reload, and Reload brings the page back', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/');
  await appReady(page);
  await failNextCreateElement(page);
  await page.getByRole('link', { name: REFERENCE_HEADLINE }).first().click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(alert).toContainText('Reloading the page usually fixes it.');
  expect(errors.filter((e) => e.startsWith('Broadsheet stopped: '))).toHaveLength(1);
  // The app's root only, and what the reader does next works: Reload is a button, reached by keyboard.
  await alert.getByRole('button', { name: 'Reload' }).focus();
  await page.keyboard.press('Enter');
  await appReady(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The address was the story's when the app stopped: the reload shows it.
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
});

test('a panic in the comments stops only the comments: the story stays, and the app around it keeps working', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(REFERENCE);
  await appReady(page);
  // Only the comment form makes a <textarea>: the island's first one panics, not the app.
  await failNextCreateElement(page, 'textarea');
  await page.locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'The comments stopped working' })).toBeVisible();
  await expect(alert).toContainText('Reloading the page usually brings them back.');
  expect(errors.filter((e) => e.startsWith('Broadsheet comments stopped: '))).toHaveLength(1);
  expect(errors.filter((e) => e.startsWith('Broadsheet stopped: '))).toHaveLength(0);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await page.getByRole('navigation').getByRole('link', { name: 'Local News' }).click();
  await expect(page).toHaveURL(/\/local\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Local');
});

test('a panic while the app rehearses taking over a pre-rendered story leaves the story readable, and nothing on it waits', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The rehearsal draws the story outside the document before the takeover: its first <h1> fails. The parser makes
  // the pre-rendered page's own, so nothing else asks for one first.
  await failNextCreateElement(page, 'h1', { fromTheStart: true });
  await page.goto(REFERENCE);
  await expect.poll(() => errors.some((e) => e.startsWith('Broadsheet could not start'))).toBe(true);
  expect(errors.filter((e) => e.startsWith('Broadsheet stopped: '))).toHaveLength(1);
  await expectNothingWaitsForTheApp(page);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(page.locator('#broadsheet')).not.toHaveAttribute('data-broadsheet-ready');
});
