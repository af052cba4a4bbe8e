// The built site under a strict Content-Security-Policy: no inline script or style anywhere, so not one violation.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { REFERENCE, REFERENCE_HEADLINE, expectNothingWaitsForTheApp, showComments } from './helpers.js';

const STRICT = 'http://127.0.0.1:8092';

test('the site works under a strict CSP with no violations', async ({ page }) => {
  const problems = [];
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));

  const response = await page.goto(`${STRICT}/`);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.locator('main h1')).toHaveText('Top stories');
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
  await expect(page.locator('main h1')).toHaveText('Local News');
  await page.goto(`${STRICT}${REFERENCE}`);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await showComments(page);
  const form = page.getByRole('form', { name: 'Leave a Reply' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await form.getByLabel('Comment', { exact: true }).fill('Under a strict policy.');
  await form.getByLabel('Name', { exact: true }).fill('Ann');
  await form.getByLabel('Email', { exact: true }).fill('ann@example.com');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Under a strict policy.');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await page.locator('[style]').count(), 'no style attributes').toBe(0);
  expect(problems).toEqual([]);
  const missing = await page.goto(`${STRICT}/no/such/page/`);
  expect(missing.status()).toBe(404);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await expect(page.locator('main h1')).toHaveText('Page not found');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await page.locator('[style]').count(), 'no style attributes').toBe(0);
  expect(await page.locator('script:not([src]):not([type="application/json"])').count(), 'no inline scripts').toBe(0);
  // The one console line is the page's own 404 status.
  expect(problems).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
});

test('every hashed file is named by its bytes, so a cache that keeps it as immutable never holds other bytes', () => {
  const sha = (algorithm, ...files) => files.reduce((h, f) => h.update(readFileSync(join('dist', f))), createHash(algorithm)).digest('hex').slice(0, 16);
  const hashed = readdirSync('dist').map((f) => /^(.*)-([0-9a-f]{8,16})(?:_bg\.wasm|\.js|\.css)$/.exec(f)).filter(Boolean);
  expect(hashed.length).toBeGreaterThanOrEqual(7);
  for (const [file, stem, hash] of hashed) {
    // The compiler names the island's pair by both files (crates/compiler/src/islands.rs); the rest are one file each.
    const expected = stem === 'broadsheet-comments' ? sha('sha384', `${stem}-${hash}.js`, `${stem}-${hash}_bg.wasm`) : sha('sha256', file);
    expect(hash, file).toBe(expected);
  }
});

test('the built WASM carries nothing that names the machine it was built on, nor the stream classes nothing uses', () => {
  // wasm-split's marker export hashes its crate's path under the cargo home; wasm-streams' classes come with leptos
  // (tools/prune-wasm.mjs takes both out). Their names are the evidence either way.
  const code = readdirSync('dist').filter((f) => /^broadsheet-.*(_bg\.wasm|\.js)$/.test(f));
  expect(code.length).toBe(4);
  for (const file of code) {
    const found = readFileSync(join('dist', file), 'latin1').match(/_WASM_SPLIT_MARKER_|__wasm_split_unstable|intounderlying|registry\/src\/|\/(root|home)\/|\.cargo\//i);
    expect(found?.[0], file).toBeUndefined();
  }
});

test('a page whose policy forbids WebAssembly says so instead of asking for a reload', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Everything allowed but compiling WebAssembly: no 'wasm-unsafe-eval' (nor 'unsafe-eval') in script-src, as a
  // host page's own policy might be.
  await page.route((url) => url.pathname === '/shell.html' || url.pathname === REFERENCE, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src * 'unsafe-inline'; script-src * 'unsafe-inline'" } });
  });
  // With nothing pre-rendered (as on a host page), the app's root says it.
  await page.goto('/shell.html');
  await expect(page.getByRole('alert')).toHaveText('The news cannot be shown on this page. Its security settings do not allow it.');
  expect(errors.some((e) => e.includes("must allow 'wasm-unsafe-eval'")), errors.join('\n')).toBe(true);
  // A pre-rendered article stays readable, and nothing on it waits for the app.
  await page.goto(REFERENCE);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expectNothingWaitsForTheApp(page, 'The comments cannot be shown on this page. Its security settings do not allow them.');
});

/** A copy of dist/ with one file (the first `pick` names) changed by a byte, served on `port` as a compromised CDN
 * would serve it. `stop()` ends the server and removes the copy. */
async function serveTampered(pick, port, flip = 0xff) {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-tampered-'));
  cpSync('dist', root, { recursive: true });
  const name = readdirSync(root).find(pick);
  const bytes = readFileSync(join(root, name));
  bytes[bytes.length - 10] ^= flip;
  writeFileSync(join(root, name), bytes);
  const server = spawn('node', ['tools/serve.mjs', '--root', root, '--port', String(port)], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(`${origin}/`).catch(() => null))?.status).toBe(200);
  return { origin, root, stop: () => { server.kill(); rmSync(root, { recursive: true, force: true }); } };
}

/** An empty shell (the app with no pre-rendered page) beside the front page in `root`; its file name. */
function writeEmptyShell(root) {
  const shell = readFileSync(join(root, 'index.html'), 'utf8')
    .replace(/<div id="broadsheet" class="bs-host">.*?<\/div><\/div>/s, '<div id="broadsheet" class="bs-host"></div>');
  writeFileSync(join(root, 'empty.html'), shell);
  return 'empty.html';
}

for (const [file, port] of [['_bg.wasm', 8099], ['.js', 8102]]) test(`a tampered app file (${file}) is refused by its integrity digest and the reader is told`, async ({ page }) => {
  const { origin, root, stop } = await serveTampered((f) => /^broadsheet-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f) && f.endsWith(file), port);
  try {
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}/international/kim-jong-un-returns-from-russia/`);
    await expect.poll(() => errors.some((e) => e.includes('Broadsheet could not start'))).toBe(true);
    await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(0);
    // The pre-rendered article stays readable, and nothing on it waits for the app any more.
    await expect(page.locator('main h1')).toHaveText(/Kim Jong Un Returns from Russia/);
    await expectNothingWaitsForTheApp(page);
    // An empty shell (no pre-rendered page) tells the reader instead.
    await page.goto(`${origin}/${writeEmptyShell(root)}`);
    await expect(page.getByText('The news could not be loaded. Check your connection and reload the page.')).toBeVisible();
    // So does the shell, whose WASM digest is in its block rather than on its preload link.
    await page.goto(`${origin}/shell.html`);
    await expect(page.getByText('The news could not be loaded. Check your connection and reload the page.')).toBeVisible();
  } finally {
    stop();
  }
});

test('a pre-rendered page whose first script cannot be had stops waiting for the app, and the reader is told', async ({ page }) => {
  // public/early.js is what asks for the app: without it nothing of ours runs, and the stylesheet says so.
  await page.route(/\/early-[0-9a-f]+\.js/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(REFERENCE);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await expectNothingWaitsForTheApp(page);
  await expect(page.getByText('The comments need JavaScript.')).toBeHidden();
  await page.waitForTimeout(1000);
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(0);
  // With it, the same page waits for its comments, and shows them.
  await page.unrouteAll();
  await page.reload();
  await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
  await expect(page.getByText('The comments could not be loaded. Reload the page to try again.')).toBeHidden();
  await showComments(page);
  await expect(page.locator('.bs-comment').first()).toBeVisible();
});

test('a page whose loader is tampered with or missing stops waiting for the app, and the reader is told', async ({ page }) => {
  // The loader checks every other file's digest; the page checks the loader's (tools/finish-build.mjs).
  const { origin, root, stop } = await serveTampered((f) => /^loader-[0-9a-f]{16}\.js$/.test(f), 8103);
  try {
    const refused = [];
    page.on('console', (m) => { if (m.type() === 'error' && /integrity/i.test(m.text())) refused.push(m.text()); });
    await page.goto(`${origin}${REFERENCE}`);
    await expect.poll(() => refused.length, 'the browser refuses the changed loader').toBeGreaterThan(0);
    await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
    await expectNothingWaitsForTheApp(page);
    await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(0);
    // A loader that is not there at all (a deploy whose HTML went up before it), on an empty shell this time.
    await page.route(/\/loader-[0-9a-f]+\.js/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${origin}/${writeEmptyShell(root)}`);
    await expect(page.getByRole('alert')).toHaveText('The news could not be loaded. Check your connection and reload the page.');
  } finally {
    stop();
  }
});

for (const [file, port] of [['_bg.wasm', 8100], ['.js', 8101]]) {
  test(`a tampered comments island (${file}) is refused; the story stays and the comments area offers a reload`, async ({ page }) => {
    const { origin, stop } = await serveTampered((f) => f.startsWith('broadsheet-comments-') && f.endsWith(file), port, 0x01);
    try {
      await page.goto(`${origin}${REFERENCE}`);
      await expect(page.locator('#broadsheet[data-broadsheet-ready]')).toHaveCount(1);
      await page.locator('.bs-comments-slot').scrollIntoViewIfNeeded();
      const alert = page.locator('.bs-comments-slot .bs-comments__error[role="status"]');
      // Not the file this page was built with: asking again would not help, reloading the page (a newer build) may.
      await expect(alert).toContainText('The comments cannot be shown on this page just now.');
      await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Leave a Reply' })).toHaveCount(0);
      // The app around it still works.
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Local News' }).click();
      await expect(page.locator('main h1')).toHaveText('Local News');
    } finally {
      stop();
    }
  });
}
