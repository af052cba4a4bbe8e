// Broadsheet embedded in someone else's page: examples/host/ on one origin, the app's files (dist/, with
// embed.js) on a second and the content on a third, the host page under a strict CSP that names both.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDED_DATA, REFERENCE, REFERENCE_HEADLINE, countContentRequests, filesUnder, holdRequests, longThread } from './helpers.js';

const HOST = 'http://127.0.0.1:8094';
const ASSETS = 'http://127.0.0.1:8095';
const CONTENT = 'http://127.0.0.1:8096';
const PAGE = `${HOST}/index.html`;
const HOST_TITLE = 'Harbour Community Trust — News';

const app = (page) => page.locator('[data-broadsheet]');
const appH1 = (page) => app(page).locator('#bs-main h1');

/** Fails the test on any console error or CSP violation; returns the list so a test can expect some. */
function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  return errors;
}

/**
 * Changes the host page as soon as the parser has created the marked element, before the module scripts run:
 * `second` adds a second marked element, `hostile` gives the element hostile attribute values. (The page is not
 * rewritten in flight: a document answered by Playwright counts as a public address, and Chromium then refuses
 * its requests to loopback origins. Nor is code passed as a string: the host's CSP forbids eval.)
 */
async function beforeAppStarts(page, change) {
  await page.addInitScript((change) => {
    const changes = {
      second(host) {
        const second = document.createElement('div');
        second.setAttribute('data-broadsheet', '');
        second.id = 'second';
        second.textContent = 'kept';
        host.after(second);
      },
      // A Bootstrap 5.3 host in its dark mode (Bootstrap's own attribute on <html>) that asks for a light app.
      bootstrapDark(host) {
        document.documentElement.setAttribute('data-bs-theme', 'dark');
        host.setAttribute('data-theme', 'light');
      },
      // Rendered by the host's own script once the page has loaded (a framework's page), after embed.js has run.
      late(host) {
        const parent = host.parentElement;
        host.remove();
        addEventListener('load', () => setTimeout(() => parent.append(host), 300));
      },
      // A wrapper that clips sideways only: it computes `overflow-y: auto` too, but grows with its content.
      clipped(host) {
        host.parentElement.style.overflowX = 'hidden';
      },
      // An app-shell layout: the page stays put and the column the app is in scrolls.
      container(host) {
        for (const el of [document.documentElement, document.body]) Object.assign(el.style, { height: '100%', overflow: 'hidden' });
        Object.assign(host.parentElement.style, { height: '100vh', overflowY: 'auto' });
        host.parentElement.id = 'column';
      },
      path(host) {
        host.setAttribute('data-routing', 'path');
        host.setAttribute('data-base', '/');
      },
      hostile(host) {
        host.setAttribute('data-content', 'javascript:window.__pwned=1//');
        host.setAttribute('data-theme', '<script>window.__pwned=2</script>');
        host.setAttribute('data-base', '"><img src=x onerror=window.__pwned=3>');
        host.setAttribute('data-routing', 'javascript:window.__pwned=4');
      },
    };
    let done = false;
    new MutationObserver((_, observer) => {
      const host = document.querySelector('[data-broadsheet]');
      if (host && !done) { done = true; observer.disconnect(); changes[change](host); }
    }).observe(document, { childList: true, subtree: true });
  }, change);
}

/** Whether the page has asked for the comments island's code yet (a function to call), counted from now. */
function commentsAsked(page) {
  let asked = false;
  page.on('request', (r) => { if (/\/broadsheet-comments-[0-9a-f]+\.js/.test(r.url())) asked = true; });
  return () => asked;
}

async function openHost(page, hash = '') {
  await page.goto(`${PAGE}${hash}`);
  await expect(page.locator('[data-broadsheet][data-broadsheet-ready]')).toHaveCount(1);
}

const APP_STYLE_PROPS = ['color', 'background-color', 'font-family', 'font-size', 'font-weight', 'font-style',
  'line-height', 'letter-spacing', 'text-transform', 'text-align', 'text-decoration-line', 'margin-top',
  'margin-left', 'padding-top', 'padding-left', 'border-top-style', 'border-top-width', 'box-sizing', 'display',
  'list-style-type', 'filter'];
// Not widths: the host decides the box the app lives in (here a grid column).

/** Computed styles of the app's elements (inside its shadow root) that host rules would most likely hit. */
function appStyles(page) {
  return page.evaluate((props) => {
    const root = document.querySelector('[data-broadsheet]').shadowRoot;
    const picks = ['.bs-app', '.bs-masthead', '.bs-nav a', '#bs-main h1', '.bs-card', '.bs-card__link',
      '.bs-card__standfirst', '.bs-card img', '.bs-footer p', 'ul'];
    return Object.fromEntries(picks.map((sel) => {
      const el = root.querySelector(sel);
      if (!el) return [sel, null];
      const style = getComputedStyle(el);
      return [sel, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
    }));
  }, APP_STYLE_PROPS);
}

function hostStyles(page) {
  return page.evaluate((props) => {
    const picks = ['body', '.site-header h1', '.site-header a', '.card', '.bs-card', '#host-button', '.site-footer p', '.news'];
    return Object.fromEntries(picks.map((sel) => {
      const style = getComputedStyle(document.querySelector(sel));
      return [sel, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
    }));
  }, APP_STYLE_PROPS);
}

test('the app mounts inside the host element only, as a good guest, with no console errors or CSP violations', async ({ page }) => {
  const errors = watchConsole(page);
  await page.addInitScript(() => { window.__globalsBefore = Object.keys(window); });
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  // Everything of the app is inside the marked element's shadow root.
  expect(await page.evaluate(() => document.querySelectorAll('[class^="bs-"]:not(.bs-card)').length)).toBe(0);
  expect(await page.evaluate(() => !!document.querySelector('[data-broadsheet]').shadowRoot.querySelector('.bs-app'))).toBe(true);
  // The host's page is left as it was: title, meta tags, body, globals.
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await expect(page).toHaveTitle(HOST_TITLE);
  expect(await page.locator('meta[name="description"]').getAttribute('content'))
    .toBe('News and notices for the Harbour district, from the Harbour Community Trust.');
  expect(await page.locator('meta').count()).toBe(3);
  expect(await page.evaluate(() => document.body.className + document.documentElement.className)).toBe('');
  const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.__globalsBefore.includes(k) && k !== '__globalsBefore'));
  expect(added).toEqual([]);
  expect(errors).toEqual([]);
});

test('a host page waits for one script: the stylesheet, JS and WASM download side by side, and nothing shows unstyled', async ({ page }) => {
  const errors = watchConsole(page);
  const asked = [];
  let cssAnswered = false;
  let releaseCss;
  const cssHeld = new Promise((resolve) => { releaseCss = resolve; });
  // The stylesheet is held back until the app's JS and WASM have both arrived: they must be asked for meanwhile,
  // and the app must not render until the stylesheet is in.
  await page.route((url) => /\/main-[0-9a-f]+\.css$/.test(url.pathname), async (route) => {
    await cssHeld;
    cssAnswered = true;
    await route.continue();
  });
  page.on('request', (r) => { if (r.url().startsWith(ASSETS)) asked.push([new URL(r.url()).pathname, cssAnswered]); });
  const arrived = (pattern) => page.waitForResponse((r) => pattern.test(new URL(r.url()).pathname));
  const code = Promise.all([arrived(/^\/broadsheet-[0-9a-f]+\.js$/), arrived(/^\/broadsheet-[0-9a-f]+_bg\.wasm$/)]);
  // Not until `load`, which waits for the stylesheet.
  await page.goto(PAGE, { waitUntil: 'domcontentloaded' });
  await code;
  await page.waitForTimeout(500);
  expect(cssAnswered).toBe(false);
  expect(await page.evaluate(() => !!document.querySelector('[data-broadsheet]').shadowRoot?.querySelector('.bs-app'))).toBe(false);
  releaseCss();
  await expect(appH1(page)).toHaveText('Top stories');
  const before = asked.filter(([, late]) => !late).map(([path]) => path);
  expect(before.some((path) => /^\/broadsheet-[0-9a-f]+\.js$/.test(path)), before.join(' ')).toBe(true);
  expect(before.some((path) => /^\/broadsheet-[0-9a-f]+_bg\.wasm$/.test(path)), before.join(' ')).toBe(true);
  // embed.js carries the loader: no second script to wait for.
  expect(asked.map(([path]) => path).filter((path) => path.includes('loader'))).toEqual([]);
  expect(await app(page).locator('.bs-masthead').evaluate((el) => getComputedStyle(el).fontWeight)).not.toBe('400');
  expect(errors).toEqual([]);
});

test('a host page fetches the story\'s content while the app\'s files download, and only once', async ({ page }) => {
  const errors = watchConsole(page);
  const content = [];
  let wasmAnswered = false;
  // The WASM is held back: the site file and the story's file must be fetched meanwhile, not after the app starts.
  await page.route((url) => /\/broadsheet-[0-9a-f]+_bg\.wasm$/.test(url.pathname), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    wasmAnswered = true;
    await route.continue();
  });
  page.on('request', (r) => { if (r.url().startsWith(CONTENT) && r.url().endsWith('.json')) content.push([new URL(r.url()).pathname, wasmAnswered]); });
  await page.goto(`${PAGE}#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The comments file is the island's, fetched later; the page's first render needs these two.
  const first = content.filter(([path]) => !path.endsWith('/comments.json'));
  expect(first).toEqual(expect.arrayContaining([['/content/site.json', false], [`/content${REFERENCE}article.json`, false]]));
  expect(first.length, first.join(' ')).toBe(2);
  // The preload links go once their files are in.
  expect(await page.locator('head link[rel="preload"][as="fetch"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the files the loader fetches ahead for a page are the ones the app asks for, for every page of the build', async ({ page }) => {
  // Every pre-rendered page of the build names the content files it carries for the app (`#broadsheet-data`): the
  // files the app would otherwise fetch for that URL. The loader's mapping must name the same ones, for the URL as
  // a path (the shell, here also under a base) and as a host page's fragment.
  const pages = filesUnder('dist').filter((file) => /(^|\/)index\.html$/.test(file) && !file.startsWith('content/')).map((file) => [
    `/${file.replace(/index\.html$/, '')}`,
    Object.keys(JSON.parse(readFileSync(join('dist', file), 'utf8').match(EMBEDDED_DATA)[2]).files).sort(),
  ]);
  expect(pages.length).toBeGreaterThan(20);
  await page.goto('/shell.html');
  const named = await page.evaluate(async ({ urls, content }) => {
    const { contentFiles } = await import(document.getElementById('broadsheet-loader').src);
    const host = (attributes) => {
      const element = document.createElement('div');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(`data-${name}`, value);
      return element;
    };
    const names = (files, root) => files.map((url) => url.href.replace(root, '')).sort();
    const site = `${location.origin}/content/`;
    return urls.map((url) => [
      names(contentFiles(host({}), { pathname: url, hash: '' }), site),
      names(contentFiles(host({ base: 'news' }), { pathname: `/news${url}`, hash: '' }), `${location.origin}/news/content/`),
      names(contentFiles(host({ routing: 'hash', content }), { pathname: '/host.html', hash: `#${url}` }), content),
    ]);
  }, { urls: pages.map(([url]) => url), content: `${CONTENT}/content/` });
  pages.forEach(([url, carried], i) => expect(named[i], url).toEqual([carried, carried, carried]));
  // Addresses that are no page of the app need only the site file (the app shows its not-found view); a fragment
  // that is not the app's starts a host page at the front page, as the app does.
  const odd = await page.evaluate(async (REFERENCE) => {
    const { contentFiles } = await import(document.getElementById('broadsheet-loader').src);
    const host = document.createElement('div');
    const news = document.createElement('div');
    news.setAttribute('data-base', '/news/');
    const hashHost = document.createElement('div');
    hashHost.setAttribute('data-routing', 'hash');
    const accents = document.createElement('div');
    accents.setAttribute('data-base', '/actualités/');
    const bare = document.createElement('div');
    bare.setAttribute('data-base', 'news');
    const last = (files) => files.at(-1).pathname;
    return [
      ...['/a/b/c/', '/Local/', '/local/page/0/', '/local/page/1/', '/local/page/1234567/', '/local/page/x/', '/-local/', '/local/a/b/c/']
        .map((pathname) => last(contentFiles(host, { pathname, hash: '' }))),
      // A static host answers a folder's `index.html` with the folder's page, and the app reads it so.
      ...['/index.html', '/local/index.html', '/local/page/2/index.html', `${REFERENCE}index.html`]
        .map((pathname) => last(contentFiles(host, { pathname, hash: '' }))),
      last(contentFiles(news, { pathname: '/news/index.html', hash: '' })),
      last(contentFiles(news, { pathname: '/news', hash: '' })),
      last(contentFiles(news, { pathname: '/newsroom/', hash: '' })),
      last(contentFiles(hashHost, { pathname: '/', hash: '#top' })),
      last(contentFiles(hashHost, { pathname: '/', hash: '#/local/page/2/?from=x' })),
      // The address bar's path is percent-encoded: a base written as text is compared the same way.
      last(contentFiles(accents, { pathname: '/actualit%C3%A9s/local/', hash: '' })),
      last(contentFiles(bare, { pathname: '/news/local/', hash: '' })),
    ];
  }, REFERENCE);
  expect(odd).toEqual([...Array(8).fill('/content/site.json'),
    '/content/front.json', '/content/local/page-1.json', '/content/local/page-2.json', `/content${REFERENCE}article.json`,
    '/news/content/front.json',
    '/news/content/front.json', '/news/content/site.json',
    '/content/front.json', '/content/local/page-2.json', '/actualit%C3%A9s/content/local/page-1.json',
    '/news/content/local/page-1.json']);
});

test('hash routing: links stay on the host page, deep links reload to the same story, back and forward work', async ({ page }) => {
  const errors = watchConsole(page);
  await openHost(page);
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'International News' }).click();
  await expect(page).toHaveURL(`${PAGE}#/international/`);
  await expect(appH1(page)).toHaveText('International News');
  await app(page).getByRole('link', { name: REFERENCE_HEADLINE }).click();
  await expect(page).toHaveURL(`${PAGE}#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect(appH1(page)).toBeFocused();

  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await page.goBack();
  await expect(appH1(page)).toHaveText('International News');
  await page.goForward();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);

  // A fresh deep link straight to a story, and one to a page that does not exist.
  await page.goto(`${PAGE}#/local/`);
  await expect(appH1(page)).toHaveText('Local News');
  await page.goto(`${PAGE}#/no/such/page/`);
  await expect(appH1(page)).toHaveText('Page not found');
  expect(errors).toEqual([]);
});

test('the host page\'s own links, anchors and buttons keep working', async ({ page }) => {
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // A host anchor moves the host page; the app stays on its story.
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Contact' }).click();
  await expect(page).toHaveURL(`${PAGE}#contact`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // An empty fragment is the host's too (a "top" link or a script's `href="#"`).
  await page.evaluate(() => {
    const top = Object.assign(document.createElement('a'), { href: '#', textContent: 'Back to top' });
    document.body.prepend(top);
  });
  await page.getByRole('link', { name: 'Back to top' }).click();
  await expect(page).toHaveURL(`${PAGE}#`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // A link in the app from there, then Back: the story the app showed at that entry, not what it shows now.
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(page).toHaveURL(`${PAGE}#`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // And a reload there too, where the loader fetches that story's file ahead of the app, and nothing else.
  const requests = countContentRequests(page);
  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  const story = (url) => url.endsWith(`/content${REFERENCE}article.json`);
  await expect.poll(() => requests.filter(story).length).toBe(1);
  expect(requests.filter((url) => url.endsWith('/front.json'))).toEqual([]);
  let clicked = false;
  await page.exposeFunction('__hostClicked', () => { clicked = true; });
  await page.evaluate(() => document.querySelector('#host-button').addEventListener('click', () => window.__hostClicked()));
  await page.locator('#host-button').click();
  await expect.poll(() => clicked).toBe(true);
  // A host link is a real navigation, not swallowed by the app.
  await page.getByRole('link', { name: 'About the trust' }).click();
  await expect(page).toHaveURL(`${HOST}/about.html`);
  await expect(page.getByRole('heading', { name: 'About the trust' })).toBeVisible();
});

test('hash routing beside a host router that keeps its place in the query: the app\'s links keep it, and Back to the host\'s entry keeps the app\'s page', async ({ page }) => {
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The host's own router (a tab switch): a new entry with its query and state, no fragment.
  await page.evaluate(() => history.pushState({ view: 'events' }, '', '/index.html?tab=events'));
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await expect(page).toHaveURL(`${PAGE}?tab=events#/local/`);
  await page.goBack();
  await expect(page).toHaveURL(`${PAGE}?tab=events`);
  // The story the app showed at the host's entry, not the front page; the host's state is still there.
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  expect(await page.evaluate(() => history.state.view)).toBe('events');
  await page.goForward();
  await expect(appH1(page)).toHaveText('Local News');
  // A reload of the host's entry too, where the loader fetches that story's file ahead, and nothing else.
  await page.goBack();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  const requests = countContentRequests(page);
  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect.poll(() => requests.filter((url) => url.endsWith(`/content${REFERENCE}article.json`)).length).toBe(1);
  expect(requests.filter((url) => url.endsWith('/front.json'))).toEqual([]);
});

/** The app shows the reference story, given the time to draw another page, and not its front page. */
async function expectStoryStays(page) {
  await page.waitForTimeout(300);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect(page.getByRole('heading', { name: 'Top stories' })).toHaveCount(0);
}

test('hash routing: entries a host router adds while the app shows a story show that story on Back, Forward and a reload', async ({ page }) => {
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The host's router switches tabs twice: two entries of its own, no fragment, which the app never leaves.
  await page.evaluate(() => history.pushState({ view: 'events' }, '', '/index.html?tab=events'));
  await page.evaluate(() => history.pushState({ view: 'people' }, '', '/index.html?tab=people'));
  await page.goBack();
  await expect(page).toHaveURL(`${PAGE}?tab=events`);
  // What the app showed there, not its front page; the host's state is still there.
  await expectStoryStays(page);
  expect(await page.evaluate(() => history.state.view)).toBe('events');
  await page.goForward();
  await expect(page).toHaveURL(`${PAGE}?tab=people`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await page.goBack();
  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  expect(await page.evaluate(() => history.state.view)).toBe('events');
  // And a reload of an entry the host's router has just added, before any Back or Forward.
  await page.evaluate(() => history.pushState({ view: 'maps' }, '', '/index.html?tab=maps'));
  await page.reload();
  await expect(page).toHaveURL(`${PAGE}?tab=maps`);
  await expectStoryStays(page);
});

test('hash routing: Back to the host page\'s first entry, whose state is a string of the host\'s, shows the front page there', async ({ page }) => {
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  // A state the app cannot add its keys to: it remembers nothing in this entry.
  await page.evaluate(() => history.replaceState('tab-2', ''));
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(page).toHaveURL(PAGE);
  await expect(appH1(page)).toHaveText('Top stories');
  expect(await page.evaluate(() => history.state)).toBe('tab-2');
});

test('hash routing: Back to the host page\'s entry without a fragment, which the app never left, shows the front page', async ({ page }) => {
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  // A link of the host's own to one of the app's pages (or the address typed).
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '#/local/', textContent: 'Local news from the trust' });
    document.body.prepend(link);
  });
  await page.getByRole('link', { name: 'Local news from the trust' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(page).toHaveURL(PAGE);
  await expect(appH1(page)).toHaveText('Top stories');
});

for (const router of [false, true]) test(`a link to one of the host page's own anchors below the app arrives at it, once the app has drawn itself${router ? ' (a host router that keeps state in the entry from the start)' : ''}`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  // As Turbo or React Router do when the page loads: the first entry carries the router's own state.
  if (router) await page.addInitScript(() => history.replaceState({ hostRouter: 'home' }, ''));
  await openHost(page, '#contact');
  await expect(appH1(page)).toHaveText('Top stories');
  await expect(page.locator('#contact')).toBeInViewport();
});

test('Share on a host page shares the story\'s address, whatever fragment the host has put in the address bar', async ({ page }) => {
  await page.addInitScript(() => { navigator.share = async (data) => { window.__shared = data; }; });
  await openHost(page, `#${REFERENCE}`);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Contact' }).click();
  await expect(page).toHaveURL(`${PAGE}#contact`);
  await app(page).getByRole('button', { name: 'Share' }).click();
  await expect.poll(() => page.evaluate(() => window.__shared?.url)).toBe(`${PAGE}#${REFERENCE}`);
});

test('the skip link shows at the top of the app, not of the host page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await openHost(page);
  const skip = app(page).getByRole('link', { name: 'Skip to main content' });
  await skip.focus();
  const appTop = await app(page).evaluate((el) => el.getBoundingClientRect().top);
  const skipTop = await skip.evaluate((el) => el.getBoundingClientRect().top);
  expect(appTop).toBeGreaterThan(50);
  expect(skipTop - appTop).toBeGreaterThanOrEqual(0);
  expect(skipTop - appTop).toBeLessThan(20);
  await expect(skip).toHaveCSS('opacity', '1');
});

test('path routing inside a host page: the app\'s links become paths under the base, back and forward work', async ({ page }) => {
  const errors = watchConsole(page);
  await beforeAppStarts(page, 'path');
  await page.goto(`${HOST}/`);
  await expect(appH1(page)).toHaveText('Top stories');
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(page).toHaveURL(`${HOST}/local/`);
  await expect(appH1(page)).toHaveText('Local News');
  await page.goBack();
  await expect(page).toHaveURL(`${HOST}/`);
  await expect(appH1(page)).toHaveText('Top stories');
  // The host's own page links are still the host's.
  await page.getByRole('link', { name: 'About the trust' }).click();
  await expect(page).toHaveURL(`${HOST}/about.html`);
  expect(errors).toEqual([]);
});

test('navigating brings the app into view without scrolling the host page to its top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  const appTop = await page.evaluate(() => document.querySelector('[data-broadsheet]').getBoundingClientRect().top + scrollY);
  expect(appTop).toBeGreaterThan(50);
  const card = app(page).locator('.bs-card__link').last();
  await card.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(appTop);
  await card.click();
  await expect(appH1(page)).toBeFocused();
  expect(Math.abs(await page.evaluate(() => scrollY) - appTop)).toBeLessThanOrEqual(1);
});

test('a host page with a sticky header keeps the app\'s top clear of it (its scroll-padding-top)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await openHost(page, '#/local/');
  await page.evaluate(() => { document.documentElement.style.scrollPaddingTop = '40px'; });
  const appTop = await page.evaluate(() => document.querySelector('[data-broadsheet]').getBoundingClientRect().top + scrollY);
  const card = app(page).locator('.bs-card__link').last();
  await card.scrollIntoViewIfNeeded();
  await card.click();
  await expect(appH1(page)).toBeFocused();
  expect(Math.abs(await page.evaluate(() => scrollY) - (appTop - 40))).toBeLessThanOrEqual(1);

  // The app's top on screen but under the header: a link brings it out from under it too.
  await page.evaluate(() => {
    const header = Object.assign(document.createElement('div'), { textContent: 'Sticky' });
    Object.assign(header.style, { position: 'fixed', top: '0', left: '0', right: '0', height: '40px', background: '#fff' });
    document.body.append(header);
  });
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate((y) => scrollTo(0, y), appTop - 20);
  await app(page).locator('.bs-card__link').first().click();
  await expect(appH1(page)).toBeFocused();
  expect(Math.abs(await page.evaluate(() => scrollY) - (appTop - 40))).toBeLessThanOrEqual(1);
});

test('under a host\'s fixed header that names its height, the comments\' heading stays in view while they load', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  // The comments' code is slow to arrive: the reader waits at the end of the page.
  await page.route((url) => /\/broadsheet-comments-[0-9a-f]+\.js/.test(url.href), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await openHost(page, `#${REFERENCE}`);
  await page.evaluate(() => {
    document.documentElement.style.scrollPaddingTop = '80px';
    document.querySelector('[data-broadsheet]').style.setProperty('--bs-sticky-top', '80px');
    const header = Object.assign(document.createElement('div'), { textContent: 'Sticky' });
    Object.assign(header.style, { position: 'fixed', top: '0', left: '0', right: '0', height: '80px', background: '#fff', zIndex: '10' });
    document.body.append(header);
  });
  // A jump to the end of the comments' area (the host's own footer follows it).
  await app(page).locator('.bs-comments-slot').evaluate((slot) => slot.scrollIntoView({ block: 'end' }));
  const waiting = app(page).locator('.bs-comments-slot--waiting .bs-comments__title');
  await expect(waiting).toBeInViewport();
  const top = await waiting.evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(80);
  await expect(app(page).locator('.bs-comments__loading')).toBeInViewport();
});

test('in a host page whose column scrolls, not the page, Back, Forward and a reload return to the reader\'s place, and the comments load ahead', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await beforeAppStarts(page, 'container');
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  const column = page.locator('#column');
  const place = () => column.evaluate((el) => el.scrollTop);
  const scrollColumn = async (y) => {
    await column.evaluate((el, y) => el.scrollTo(0, y), y);
    await page.waitForTimeout(400); // the place is written once scrolling stops
  };
  await scrollColumn(1200);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // A story on screen there.
  const headline = await column.evaluate((el) => {
    const links = [...el.querySelector('[data-broadsheet]').shadowRoot.querySelectorAll('.bs-card__link')];
    const seen = links.find((a) => a.getBoundingClientRect().top > 100 && a.getBoundingClientRect().bottom < 700);
    seen.dataset.seen = '';
    return seen.textContent.trim();
  });
  await app(page).locator('.bs-card__link[data-seen]').click();
  await expect(appH1(page)).toHaveText(headline);
  await scrollColumn(600);
  await page.goBack();
  await expect(appH1(page)).toHaveText('Top stories');
  await expect.poll(place).toBe(1200);
  await page.goForward();
  await expect(appH1(page)).toHaveText(headline);
  await expect.poll(place).toBe(600);
  await page.reload();
  await expect(appH1(page)).toHaveText(headline);
  await expect.poll(place).toBe(600);

  // The comments' code is asked for while they are still half a screen below the column's bottom edge.
  const asked = commentsAsked(page);
  await column.evaluate((el) => {
    const slot = el.querySelector('[data-broadsheet]').shadowRoot.querySelector('.bs-comments-slot');
    el.scrollBy(0, slot.getBoundingClientRect().top - el.getBoundingClientRect().bottom - el.clientHeight / 2);
  });
  await expect.poll(asked).toBe(true);
});

test('a wrapper around the app that clips sideways is not taken for a scrolling column: a reload returns to the reader\'s place', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await beforeAppStarts(page, 'clipped');
  const asked = commentsAsked(page);
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The comments are far below: not asked for yet.
  await page.waitForTimeout(500);
  expect(asked()).toBe(false);
  await page.evaluate(() => scrollTo(0, 900));
  await page.waitForTimeout(400);
  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(900);
});

test('isolation: the host\'s CSS does not change the app, and the app\'s CSS does not change the host', async ({ page, browser }) => {
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  await expect(app(page).locator('.bs-card img').first()).toBeVisible();
  const withHostCss = await appStyles(page);
  const hostWithApp = await hostStyles(page);
  await page.evaluate(() => document.querySelector('link[href="/host.css"]').remove());
  const withoutHostCss = await appStyles(page);
  expect(withHostCss['#bs-main h1']).not.toBeNull();
  expect(withHostCss).toEqual(withoutHostCss);

  // The host without the app at all (its script never loads).
  const bare = await browser.newPage();
  await bare.route('http://127.0.0.1:8095/**', (route) => route.abort());
  await bare.goto(PAGE);
  await expect(bare.locator('.site-header h1')).toBeVisible();
  expect(await hostStyles(bare)).toEqual(hostWithApp);
  await bare.close();
});

test('theme custom properties set by the host reach the app', async ({ page }) => {
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  // Set through the DOM: the host page's CSP allows no inline <style>.
  await page.evaluate(() => document.querySelector('[data-broadsheet]').style.setProperty('--bs-ink', 'rgb(1, 2, 3)'));
  await expect(app(page).locator('.bs-card__link').first()).toHaveCSS('color', 'rgb(1, 2, 3)');
});

test('the host\'s own attributes on <html> do not choose the app\'s colour scheme (Bootstrap\'s data-bs-theme)', async ({ page }) => {
  await beforeAppStarts(page, 'bootstrapDark');
  await openHost(page);
  const shown = app(page).locator('.bs-app');
  await expect(shown).toHaveAttribute('data-theme', 'light');
  await expect(app(page).getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(shown).toHaveCSS('color-scheme', 'light');
});

test('a marked element the host\'s own script adds after the page has loaded gets the app, styled, in its shadow root', async ({ page }) => {
  const errors = watchConsole(page);
  await beforeAppStarts(page, 'late');
  await page.goto(PAGE);
  await expect(page.locator('[data-broadsheet][data-broadsheet-ready]')).toHaveCount(1);
  await expect(appH1(page)).toHaveText('Top stories');
  expect(await page.evaluate(() => document.querySelector('[data-broadsheet]').shadowRoot?.querySelector('#bs-main') !== null)).toBe(true);
  await expect(appH1(page)).toHaveCSS('font-family', /Georgia/);
  // The comments come too (the loader serves the island to the element it found).
  await app(page).getByRole('link', { name: REFERENCE_HEADLINE }).first().click();
  await app(page).locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await expect(app(page).getByRole('heading', { name: /\d+ comments/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a host whose root font size is 62.5% can give the app its usual size back with the documented zoom', async ({ page }) => {
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  // A line's height: the host's own layout (in rem too) gives the app a narrower column, so paragraphs wrap anew.
  const size = () => appH1(page).evaluate((el) => Math.round(el.getBoundingClientRect().height));
  const usual = await size();
  await page.evaluate(() => { document.documentElement.style.fontSize = '62.5%'; });
  expect(await size()).toBeLessThan(usual * 0.8);
  await page.evaluate(() => { document.querySelector('[data-broadsheet]').style.zoom = '1.6'; });
  expect(Math.abs(await size() - usual)).toBeLessThanOrEqual(1);
});

test('once the host\'s own script takes the marked element out, the app leaves the page\'s history and scroll alone', async ({ page }) => {
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => {
    document.querySelector('[data-broadsheet]').remove();
    document.body.style.minHeight = '3000px';
    history.replaceState({ view: 'events' }, '');
  });
  await page.evaluate(() => scrollTo(0, 600));
  await page.waitForTimeout(500); // past the app's wait before it writes a place
  expect(await page.evaluate(() => history.state)).toEqual({ view: 'events' });
  const requests = countContentRequests(page);
  await page.evaluate(() => { location.hash = '#/politics/'; });
  await page.waitForTimeout(500);
  expect(requests).toEqual([]);
});

/**
 * A host page that renders itself: its route to its own view takes the marked element out, its route back renders a
 * new one (the same attributes, not the app's), as a framework does. `back` is the fragment the route back leaves in
 * the address: pushed as the host's own link does, or restored by the browser's Back (the host answers `popstate`).
 */
async function hostRendersItself(page) {
  await page.evaluate(() => {
    const news = document.querySelector('.news');
    const template = document.querySelector('[data-broadsheet]').cloneNode(false);
    for (const name of [...template.attributes].map((a) => a.name)) {
      if (name.startsWith('data-broadsheet-')) template.removeAttribute(name);
    }
    window.hostRoute = (view) => {
      if (view === 'events') {
        news.replaceChildren(Object.assign(document.createElement('p'), { id: 'events', textContent: 'Events this week' }));
      } else {
        news.replaceChildren(template.cloneNode(false));
      }
    };
    addEventListener('popstate', () => window.hostRoute(location.search === '?view=events' ? 'events' : 'news'));
  });
}

test('a host page that renders itself gets the running app back in the element it renders anew, showing what the address says', async ({ page }) => {
  const errors = watchConsole(page);
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await hostRendersItself(page);
  // The host's own link to its events view, then its link back to the news at the economy section.
  await page.evaluate(() => { history.pushState(null, '', '?view=events'); window.hostRoute('events'); });
  await expect(page.locator('#events')).toBeVisible();
  const requests = countContentRequests(page);
  await page.evaluate(() => { history.pushState(null, '', '/index.html#/economy/'); window.hostRoute('news'); });
  await expect(appH1(page)).toHaveText('Economy');
  await expect(page.locator('[data-broadsheet][data-broadsheet-ready]')).toHaveCount(1);
  await expect(appH1(page)).toHaveCSS('font-family', /Georgia/);
  expect(await page.evaluate(() => document.querySelector('[data-broadsheet]').shadowRoot.querySelectorAll('.bs-app').length)).toBe(1);
  // The app it left keeps working in its new element: its links, the comments island, Back and Forward.
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'International News' }).click();
  await expect(appH1(page)).toHaveText('International News');
  await app(page).getByRole('link', { name: REFERENCE_HEADLINE }).first().click();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await app(page).locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await expect(app(page).getByRole('heading', { name: /\d+ comments/ })).toBeVisible();
  await page.goBack();
  await expect(appH1(page)).toHaveText('International News');
  // The browser's Back through the host's own view: out and in again, the app follows the address.
  await page.goBack();
  await expect(appH1(page)).toHaveText('Economy');
  await page.goBack();
  await expect(page.locator('#events')).toBeVisible();
  await page.goBack();
  await expect(appH1(page)).toHaveText('Local News');
  expect(requests.filter((url) => url.endsWith('/site.json'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a host that renders itself into another layout (its scrolling column gone) still gets the comments when the reader nears them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await beforeAppStarts(page, 'container');
  const asked = commentsAsked(page);
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The host renders its page anew in a layout where the page scrolls: the column and the element in it are gone,
  // and a new marked element stands in the page's flow.
  await page.evaluate(() => {
    const column = document.getElementById('column');
    const fresh = column.querySelector('[data-broadsheet]').cloneNode(false);
    for (const name of [...fresh.attributes].map((a) => a.name)) if (name.startsWith('data-broadsheet-')) fresh.removeAttribute(name);
    for (const el of [document.documentElement, document.body]) Object.assign(el.style, { height: '', overflow: '' });
    const flow = Object.assign(document.createElement('div'), { className: 'news' });
    flow.append(fresh);
    column.replaceWith(flow);
  });
  await expect(page.locator('[data-broadsheet][data-broadsheet-ready]')).toHaveCount(1);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  // The comments are far below the screen in the new layout too: nothing asked for yet.
  await page.waitForTimeout(500);
  expect(asked()).toBe(false);
  await app(page).locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await expect(app(page).getByRole('heading', { name: /\d+ comments/ })).toBeVisible();
});

test('a host that keeps the elements it took out and puts an earlier one back gets the app in that one', async ({ page }) => {
  const errors = watchConsole(page);
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => {
    const first = document.querySelector('[data-broadsheet]');
    window.kept = first;
    const second = first.cloneNode(false);
    second.removeAttribute('data-broadsheet-ready');
    second.id = 'second';
    first.replaceWith(second);
  });
  await expect(page.locator('#second')).toHaveAttribute('data-broadsheet-ready', '');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => document.querySelector('#second').replaceWith(window.kept));
  await expect(page.locator('#second')).toHaveCount(0);
  await expect(appH1(page)).toHaveText('Local News');
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(appH1(page)).toHaveText('Economy');
  expect(errors).toEqual([]);
});

test('a host that puts the same element back after routing away shows what the address says then', async ({ page }) => {
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => {
    window.kept = document.querySelector('[data-broadsheet]');
    window.kept.remove();
    history.pushState(null, '', '?view=events');
  });
  await page.evaluate(() => {
    history.pushState(null, '', '/index.html#/economy/');
    document.querySelector('.news').append(window.kept);
  });
  await expect(appH1(page)).toHaveText('Economy');
});

test('a host that renders the new element before it takes the old one out (a transition) gets the app in the new one', async ({ page }) => {
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => {
    const old = document.querySelector('[data-broadsheet]');
    const next = old.cloneNode(false);
    next.removeAttribute('data-broadsheet-ready');
    next.id = 'next';
    old.before(next);
  });
  await page.waitForTimeout(100);
  await page.evaluate(() => document.querySelectorAll('[data-broadsheet]')[1].remove());
  await expect(page.locator('#next')).toHaveAttribute('data-broadsheet-ready', '');
  await expect(appH1(page)).toHaveText('Local News');
});

test('a host that routes away while the app\'s files load and back later gets the app started in its new element', async ({ page }) => {
  const errors = watchConsole(page);
  const release = await holdRequests(page, (url) => /\/broadsheet-[0-9a-f]+_bg\.wasm$/.test(url.pathname));
  await page.goto(`${PAGE}#/local/`);
  await hostRendersItself(page);
  await page.evaluate(() => { history.pushState(null, '', '?view=events'); window.hostRoute('events'); });
  release();
  await page.waitForTimeout(500);
  await page.evaluate(() => { history.pushState(null, '', '/index.html#/economy/'); window.hostRoute('news'); });
  await expect(appH1(page)).toHaveText('Economy');
  await expect(appH1(page)).toHaveCSS('font-family', /Georgia/);
  expect(errors).toEqual([]);
});

test('a host router that keeps a string in its history entries keeps it: the app adds its keys to objects only', async ({ page }) => {
  await openHost(page, '#/local/');
  await expect(appH1(page)).toHaveText('Local News');
  await page.evaluate(() => {
    history.replaceState('tab-2', '');
    document.body.style.minHeight = '4000px';
    scrollTo(0, 500);
  });
  await page.waitForTimeout(500); // past the app's wait before it writes a place
  expect(await page.evaluate(() => history.state)).toBe('tab-2');
  await app(page).getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(appH1(page)).toHaveText('Economy');
  await page.goBack();
  await expect(appH1(page)).toHaveText('Local News');
  expect(await page.evaluate(() => history.state)).toBe('tab-2');
});

test('a second marked element is reported in the console and left alone', async ({ page }) => {
  const errors = watchConsole(page);
  await beforeAppStarts(page, 'second');
  await openHost(page);
  await expect(appH1(page)).toHaveText('Top stories');
  await expect(page.locator('#second')).toHaveText('kept');
  expect(await page.evaluate(() => document.querySelector('#second').shadowRoot)).toBeNull();
  expect(errors.join('\n')).toContain('2 elements are marked with data-broadsheet');
});

test('hostile deployment settings run nothing and show the error view', async ({ page }) => {
  await beforeAppStarts(page, 'hostile');
  page.on('dialog', () => { throw new Error('a dialog opened'); });
  // The host's CSP would block a payload the app let through: it must not have had anything to block.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openHost(page);
  await expect(appH1(page)).toHaveText('This page could not be loaded');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await app(page).locator('img, script, iframe, object').count()).toBe(0);
});

test('no axe violations inside the embedded app (front page and article with comments)', async ({ page }) => {
  for (const hash of ['', `#${REFERENCE}`]) {
    await openHost(page, hash);
    await expect(appH1(page)).not.toHaveText('');
    await expect(app(page).locator('#bs-main[aria-busy="true"]')).toHaveCount(0);
    if (hash) {
      // The comments island comes from the assets origin, like the rest of the app, once they are near the screen.
      await app(page).locator('.bs-comments-slot').scrollIntoViewIfNeeded();
      await expect(app(page).getByRole('heading', { name: '5 comments' })).toBeVisible();
      await expect(app(page).getByRole('form', { name: 'Leave a Reply' })).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).include('[data-broadsheet]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('a relative data-content is resolved once: in-app links keep fetching from the same content folder', async ({ page }) => {
  // As on a host page with path routing and no <base>: relative URLs follow the address the app changes.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const host = document.getElementById('broadsheet');
      if (!host) return;
      observer.disconnect();
      host.setAttribute('data-content', 'content/');
      host.setAttribute('data-base', '/');
      document.querySelector('base')?.remove();
    }).observe(document, { childList: true, subtree: true });
  });
  const asked = [];
  page.on('request', (r) => { if (r.url().endsWith('.json')) asked.push(new URL(r.url()).pathname); });
  await page.goto('/');
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(page.locator('main h1')).toHaveText('Local News');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Economy' }).click();
  await expect(page.locator('main h1')).toHaveText('Economy');
  expect(asked.filter((path) => !path.startsWith('/content/'))).toEqual([]);
});

test('on a host page in another language, the app says its own, so its text is read in the newsroom\'s', async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => { document.documentElement.lang = 'fr'; });
  await expect(app(page).locator('section.bs-app')).toHaveAttribute('lang', 'en');
});

test('a reload on the host page returns the reader to their place far down a long comment thread', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({
    contentType: 'application/json', body: longThread(600), headers: { 'access-control-allow-origin': '*' },
  }));
  await openHost(page, `#${REFERENCE}`);
  await app(page).locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await app(page).getByRole('button', { name: 'Show more comments (500 more)' }).click();
  await expect(app(page).locator('.bs-comment')).toHaveCount(200);
  const reading = app(page).locator('.bs-comment__body', { has: page.getByText('Reader 150', { exact: true }) });
  await reading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400);
  const top = await reading.evaluate((el) => Math.round(el.getBoundingClientRect().top));
  await page.reload();
  await expect(app(page).locator('.bs-comment')).toHaveCount(200);
  await expect.poll(() => reading.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(top);
});

test('a reload on the host page returns the reader to where they were in the story', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 700 });
  await openHost(page, `#${REFERENCE}`);
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await expect.poll(() => page.evaluate(() => history.state?.broadsheetScroll)).toBe(1500);
  await page.reload();
  await expect(appH1(page)).toHaveText(REFERENCE_HEADLINE);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1500);
});
