// Memory over a visit: what the app builds for a page is let go when the reader moves on.
import { test, expect } from '@playwright/test';
import { appReady, showComments } from './helpers.js';

// A trace's snapshots hold on to nodes of their own, which would hide the app's.
test.use({ trace: 'off' });
test('reading story after story down to the comments holds on to no DOM nodes, listeners or comments memory', async ({ page, context }) => {
  test.setTimeout(150_000);
  const cdp = await context.newCDPSession(page);
  await page.goto('/');
  await appReady(page);
  // Front → section → a different story each time, down to its comments (the island mounts) → section → front.
  const cycle = async (n) => {
    await page.locator('.bs-nav a[href="/local/"]').click();
    await expect(page.locator('main h1')).toHaveText('Local News');
    const cards = page.locator('.bs-section .bs-card__link');
    const stories = await cards.count();
    const card = cards.nth(n % stories);
    const headline = (await card.textContent()).trim();
    await card.click();
    await expect(page.locator('main h1')).toHaveText(headline);
    await showComments(page);
    await page.locator('.bs-nav a[href="/economy/"]').click();
    await expect(page.locator('main h1')).toHaveText('Economy');
    await page.locator('.bs-masthead').click();
    await expect(page.locator('main h1')).toHaveText('Top stories');
    return stories;
  };
  // The comments island's module, already loaded: its init returns the running instance, memory included.
  const island = await page.evaluate(() => new URL(JSON.parse(document.getElementById('broadsheet-islands').textContent).comments.js, document.baseURI).href);
  const counters = async () => {
    // One collection can leave nodes the page has dropped still counted; after two the count is exact.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    const islandMemory = await page.evaluate(async (u) => (await (await import(u)).default()).memory.buffer.byteLength, island);
    return { nodes, listeners: jsEventListeners, islandMemory };
  };
  // Every story twice first: the island's memory grows by a 64 KiB page in the first rounds, as the allocator finds
  // room for what each story's comments need, then holds (six rounds read 1,152, 1,216, then 1,216 KiB after each).
  // Then every story twice again: nothing more may be held.
  const stories = await cycle(0);
  for (let n = 1; n < 2 * stories; n++) await cycle(n);
  const early = await counters();
  for (let n = 2 * stories; n < 4 * stories; n++) await cycle(n);
  const late = await counters();
  expect(late.listeners).toBe(early.listeners);
  expect(late.nodes).toBeLessThanOrEqual(early.nodes);
  // What the island builds for each story's comments is freed when the reader moves on (it grows in 64 KiB pages).
  expect(late.islandMemory).toBe(early.islandMemory);
});
