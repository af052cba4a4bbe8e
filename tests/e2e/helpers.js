import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { join } from 'node:path';
import { expect } from '@playwright/test';

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

/** Sum of layout shifts not caused by input, since the page loaded; each shift's moved nodes kept for the failure message. */
export async function startCls(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    const describe = (node) => (node?.nodeType === 1 ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.getAttribute('class') ? `.${node.getAttribute('class').trim().replace(/\s+/g, '.')}` : ''}` : node?.nodeName ?? '(gone)');
    const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        window.__shifts.push(`${entry.value.toPrecision(3)} at ${Math.round(entry.startTime)} ms, scrollY ${Math.round(scrollY)}: `
          + entry.sources.map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join('; '));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** No layout shift without recent input since the page loaded; a failure names what moved, and where. */
export async function expectNothingMoved(page) {
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  expect(cls, `layout shifts:\n${shifts.join('\n')}`).toBe(0);
}

/** Holds back the answers to the requests `url` matches (a Playwright URL matcher) until the function returned is called. */
export async function holdRequests(page, url) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(url, async (route) => { await held; await route.continue(); });
  return release;
}

/** Waits until the app has taken over the (pre-rendered) page. */
export async function appReady(page) {
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
}

/**
 * Scrolls down to an article's comments as a reader would, which is what loads them (they are an island of their
 * own, fetched when they come near the screen), and waits until they show.
 */
export async function showComments(page) {
  await page.locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  await expect(page.locator('#bs-comments-title')).toBeVisible();
}

/**
 * Opens `path` the way a reader gets there from another page of the site: an in-app link, so its content file
 * is fetched (deep links carry their content in the page and fetch nothing).
 */
export async function openInApp(page, path, from = '/') {
  await page.goto(from);
  await appReady(page);
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = 'in-app link';
    document.querySelector('#bs-main').append(link);
    link.click();
  }, path);
}

/** Every file under `dir`, as paths relative to it (`local/index.html`). */
export function filesUnder(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** The block a pre-rendered page carries its content in for the app: opening tag, JSON, closing tag. */
export const EMBEDDED_DATA = /(<script type="application\/json" id="broadsheet-data">)(.*?)(<\/script>)/s;

/** Serves `path`'s entry page with its embedded data passed through `edit(data)`. */
export async function editEmbeddedData(page, path, edit) {
  await page.route((url) => url.pathname === path, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const marker = EMBEDDED_DATA;
    const [, open, json, close] = html.match(marker);
    const edited = edit(JSON.parse(json));
    const body = edited === null ? html.replace(marker, '') : html.replace(marker, `${open}${JSON.stringify(edited).replace(/</g, '\\u003c')}${close}`);
    await route.fulfill({ response, body });
  });
}

/** A pre-rendered article whose app could not start: the comments say so (`says`), the footer the waiting comments hid is
 * there, and the buttons only the app can work are not offered. */
export async function expectNothingWaitsForTheApp(page, says = 'The comments could not be loaded. Reload the page to try again.') {
  // The comments' placeholder carries the words (the loader rewords them where a reload would not help), and the
  // stylesheet shows them.
  await expect(page.getByText(says)).toBeVisible();
  await expect(page.getByText('Loading comments…')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Dark mode' })).toBeHidden();
}

/**
 * Makes the page's next `document.createElement` of `tag` (any tag when null) throw, once: the DOM call the app's
 * renderer cannot do without, so the Rust code that asked for the element panics. No input of ours makes the app
 * panic (that is the point), so this is how a test reaches the panic hooks. `fromTheStart`: armed before the next
 * page's scripts run, instead of now.
 */
export async function failNextCreateElement(page, tag = null, { fromTheStart = false } = {}) {
  const arm = (tag) => {
    const original = Document.prototype.createElement;
    Document.prototype.createElement = function (name, ...rest) {
      if (tag !== null && String(name).toLowerCase() !== tag) return original.call(this, name, ...rest);
      Document.prototype.createElement = original;
      throw new Error(`a test made createElement(${name}) fail`);
    };
  };
  await (fromTheStart ? page.addInitScript(arm, tag) : page.evaluate(arm, tag));
}

/**
 * A server in front of the site on a free port, as a CDN is: `intercept(req, res)` may answer a request itself
 * (and return true); every other request is passed through to the site at `baseURL`. Returns its port and `close`.
 */
export async function startProxy(baseURL, intercept = () => false) {
  const target = new URL(baseURL);
  const proxy = createServer((req, res) => {
    if (intercept(req, res)) return;
    const upstream = forward({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.on('error', () => res.destroy()).pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: proxy.address().port,
    close: () => new Promise((resolve) => { proxy.close(resolve); proxy.closeAllConnections(); }),
  };
}

/** A comments file of `n` comments: every fourth starts a thread, the rest reply down a chain; some are long. */
export function longThread(n) {
  const comments = [];
  for (let i = 0; i < n; i++) {
    const published = new Date(Date.UTC(2026, 10, 24, 9, 0, i)).toISOString().replace('.000Z', '+00:00');
    const text = i % 7 ? `Comment ${i}.` : `Comment ${i}, a long one. ${'Every word of it is kept on the page. '.repeat(12)}`;
    comments.push({ id: `t${i}`, author: `Reader ${i}`, published, text, ...(i % 4 ? { parent: `t${i - 1}` } : {}) });
  }
  return JSON.stringify({ format_version: 1, article: 'kim-jong-un-returns-from-russia', comments });
}
