import { test, expect } from '@playwright/test';
import {
  REFERENCE, REFERENCE_HEADLINE, appReady, editEmbeddedData, expectNothingMoved, longThread, markWindow, openInApp, showComments, startCls,
  startProxy, stillSameDocument,
} from './helpers.js';

const NO_COMMENTS = '/international/sudan-khartoum-landmarks-conflict/';
const ENDPOINT = '/api/comments';
const XSS_NAME = '<img src=x onerror="window.__pwned=1">';
const XSS_TEXT = '<script>window.__pwned=2</script>\n<svg onload="window.__pwned=3">';

/** Serves the reference article with a comment endpoint in its site data, and answers POSTs with `answer`. */
async function withEndpoint(page, answer) {
  const posts = [];
  await editEmbeddedData(page, REFERENCE, (data) => {
    data.files['site.json'].comment_endpoint = ENDPOINT;
    return data;
  });
  await page.route(`**${ENDPOINT}`, async (route) => {
    const body = route.request().postDataJSON();
    posts.push({ body, at: Date.now() });
    await answer(route, body, posts.length);
  });
  return posts;
}

async function fill(form, { text = 'A fair and useful article.', name = 'Ann Reader', email = 'ann@example.com', website = '' } = {}) {
  await form.getByLabel('Comment', { exact: true }).fill(text);
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Email', { exact: true }).fill(email);
  if (website) await form.getByLabel('Website', { exact: true }).fill(website);
}

const mainForm = (page) => page.getByRole('form', { name: 'Leave a Reply' });

/** Opens the reference article (or the story at `url`) with its comments shown. */
async function openComments(page, url = REFERENCE) {
  await page.goto(url);
  await appReady(page);
  await showComments(page);
}

/** A second tab of the same story, its comments shown. */
async function anotherTab(context, url = REFERENCE) {
  const other = await context.newPage();
  await openComments(other, url);
  return other;
}

/** The Reply button under Maren Holt's first comment in the reference article. */
const replyToMaren = (page) => page.getByRole('button', { name: /^Reply to Maren Holt, / }).first();

/** An endpoint answer: `status` with no body for the first POST, "pending" for every later one. */
const failsOnceWith = (status) => (route, body, n) => (n === 1
  ? route.fulfill({ status, body: '' })
  : route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));

/** Opens the reference article and scrolls to its comments, where a problem with their code shows: the area. */
async function commentsArea(page) {
  await page.goto(REFERENCE);
  await appReady(page);
  await page.locator('.bs-comments-slot').scrollIntoViewIfNeeded();
  return page.getByRole('region', { name: 'Comments' });
}

test('the published comments show threaded under the article, oldest first', async ({ page }) => {
  await openComments(page);
  const comments = page.getByRole('region', { name: /comments$/ });
  await expect(comments.getByRole('heading', { level: 2 })).toHaveText('5 comments');
  const first = comments.locator('.bs-comments__list--depth-1 > li').first();
  await expect(first.locator('.bs-comment__author').first()).toHaveText('Maren Holt');
  await expect(first.locator('.bs-comment__author a').first()).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(first.locator('.bs-comments__list--depth-2 .bs-comment__author').first()).toHaveText('Tomasz Wierzbicki');
  await expect(first.locator('.bs-comments__list--depth-3 .bs-comment__author')).toHaveText('Maren Holt');
  await expect(first.locator('time').first()).toHaveAttribute('datetime', '2026-11-24T09:02:00+00:00');
  // Line breaks in a comment are kept (as rendered: the comments are laid out once they come near the screen).
  const reply = first.locator('.bs-comments__list--depth-2 .bs-comment__text').first();
  await reply.scrollIntoViewIfNeeded();
  // The browser lays the section out at its next rendering step after it comes near the screen.
  await expect.poll(() => reply.evaluate((el) => el.innerText)).toContain('timelines.\n');
  await expect(mainForm(page).getByText('Your email address will not be published.')).toBeVisible();
  // Maren Holt wrote two of them: each Reply button is told apart by its comment's time, in a screen reader's list
  // of the page's buttons too.
  const names = await comments.getByRole('button', { name: /^Reply to / }).evaluateAll((buttons) => buttons.map((b) => b.textContent));
  expect(names.filter((n) => n.startsWith('Reply to Maren Holt, '))).toHaveLength(2);
  expect(new Set(names).size).toBe(names.length);
  await expect(first.getByRole('button', { name: /^Reply to / }).first()).toHaveAccessibleName(`Reply to Maren Holt, ${await first.locator('time').first().textContent()}`);
});

test('two comments of one author in one minute have Reply buttons told apart by how they begin', async ({ page }) => {
  const comment = (id, minute, second, text, author = 'Maren Holt') => ({ id, author, published: `2026-11-24T09:${minute}:${second}+00:00`, text });
  const comments = [
    comment('q1', '02', '10', 'Useful summary, though light on the details of the energy deal.'),
    comment('q2', '02', '40', 'One more thing: the trade figures were last year\'s.'),
    comment('q3', '05', '00', 'A third thought, minutes later.'),
    comment('q4', '02', '20', 'Another reader in the same minute.', 'Ade Okonkwo'),
  ];
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ format_version: 1, article: 'kim-jong-un-returns-from-russia', comments }),
  }));
  await openComments(page);
  const thread = page.getByRole('region', { name: /comments$/ });
  const body = (text) => thread.locator('.bs-comment__body').filter({ has: page.locator('.bs-comment__text', { hasText: text }) });
  const expectNamed = async (text, name) => {
    const time = await body(text).locator('time').textContent();
    await expect(body(text).getByRole('button', { name: /^Reply to / })).toHaveAccessibleName(name(time));
  };
  await expectNamed('Useful summary', (time) => `Reply to Maren Holt, ${time}: \u201cUseful summary, though light on the…\u201d`);
  await expectNamed('One more thing', (time) => `Reply to Maren Holt, ${time}: \u201cOne more thing: the trade figures were…\u201d`);
  // The others' names are told apart by their times alone.
  await expectNamed('A third thought', (time) => `Reply to Maren Holt, ${time}`);
  await expectNamed('Another reader', (time) => `Reply to Ade Okonkwo, ${time}`);
  const names = await thread.getByRole('button', { name: /^Reply to / }).evaluateAll((buttons) => buttons.map((b) => b.textContent));
  expect(names).toHaveLength(4);
  expect(new Set(names).size).toBe(4);
});

test('an empty submit shows labelled errors and focuses the first bad field', async ({ page }) => {
  await openComments(page);
  const form = mainForm(page);
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Comment', { exact: true })).toBeFocused();
  // Each field in error is marked alike, by the same thick border in the accent colour.
  const marked = await form.getByLabel('Comment', { exact: true }).evaluate((el) => getComputedStyle(el).border);
  for (const label of ['Comment', 'Name', 'Email']) {
    await expect(form.getByLabel(label, { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await form.getByLabel(label, { exact: true }).evaluate((el) => getComputedStyle(el).border)).toBe(marked);
  }
  await expect(form.getByLabel('Website', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  expect(await form.getByLabel('Website', { exact: true }).evaluate((el) => getComputedStyle(el).border)).not.toBe(marked);
  await expect(form.getByLabel('Comment', { exact: true })).toHaveAccessibleDescription('Please enter your comment.');
  await expect(form.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/Your email address will not be published\. Please enter your email\./);
  // The summary says how many, to a reader who looks there; a screen reader is not made to read it as well as the
  // focused field's error.
  await expect(form.getByText('There are 3 problems with your comment')).toBeVisible();
  await expect(form.locator('[aria-live], [role="alert"], [role="status"]').filter({ hasText: 'problem' })).toHaveCount(0);
  // Whitespace only is still empty; a bad website is named.
  await fill(form, { text: '   \n  ', website: 'javascript:alert(1)' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Comment', { exact: true })).toBeFocused();
  await expect(form.getByLabel('Website', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('a live counter appears near a limit, counting bytes not characters', async ({ page }) => {
  await openComments(page);
  const name = mainForm(page).getByLabel('Name', { exact: true });
  await name.fill('é'.repeat(100)); // 200 bytes of 245: no counter yet
  await expect(mainForm(page).getByText(/bytes left/)).toHaveCount(0);
  await name.fill('é'.repeat(115)); // 230 bytes, 115 characters
  await expect(mainForm(page).getByText('15 bytes left')).toBeVisible();
  await name.fill('é'.repeat(123)); // 246 bytes
  await expect(mainForm(page).getByText('1 bytes over the limit')).toBeVisible();
  expect(await name.inputValue()).toHaveLength(123); // nothing was cut
});

test('a story without comments says "0 comments" under the form, and nothing fails in the console', async ({ page }) => {
  const failures = [];
  page.on('console', (m) => { if (m.type() === 'error') failures.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
  await openComments(page, NO_COMMENTS);
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await expect(mainForm(page)).toBeVisible();
  expect(failures).toEqual([]);
});

test('without an endpoint a comment is kept in the browser, marked private, and survives reload', async ({ page }) => {
  await openComments(page, NO_COMMENTS);
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  const form = mainForm(page);
  await fill(form, { text: 'First!\nSecond line.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  const mine = page.locator('.bs-comment--own');
  await expect(mine).toContainText('Only you can see this comment.');
  await expect(page.getByRole('heading', { name: '1 comment' })).toBeVisible();
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('');
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment--own')).toContainText('First!');
  await expect(page.locator('.bs-comment--own')).toContainText('Only you can see this comment.');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.every((k) => k.startsWith('broadsheet:'))).toBe(true);
});

test('the comment text is kept as a draft and survives a reload', async ({ page }) => {
  await openComments(page);
  await mainForm(page).getByLabel('Comment', { exact: true }).fill('Half-written thoughts…');
  await page.waitForTimeout(500);
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(mainForm(page).getByLabel('Comment', { exact: true })).toHaveValue('Half-written thoughts…');
});

test('details typed without saving them are still there after leaving the story and coming back, in this tab only', async ({ page, context }) => {
  await openComments(page);
  await fill(mainForm(page), { text: 'Back in a moment.', website: 'https://ann.example' });
  await expect(mainForm(page).getByLabel('Save my name')).not.toBeChecked();
  // Away to the front page and Back, in the app; then a reload.
  await page.locator('.bs-masthead').click();
  await expect(page.locator('main h1, main h2').first()).toBeVisible();
  await page.goBack();
  await showComments(page);
  const form = mainForm(page);
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('Back in a moment.');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Ann Reader');
  await expect(form.getByLabel('Email', { exact: true })).toHaveValue('ann@example.com');
  await expect(form.getByLabel('Website', { exact: true })).toHaveValue('https://ann.example');
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(mainForm(page).getByLabel('Email', { exact: true })).toHaveValue('ann@example.com');
  // Not kept for "the next time I comment": another tab starts empty.
  const other = await anotherTab(context);
  await expect(mainForm(other).getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(mainForm(other).getByLabel('Email', { exact: true })).toHaveValue('');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('ann@example.com');
  // Once the comment is sent, unsaved details are not kept for the next one from this tab.
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Back in a moment.');
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(mainForm(page).getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(mainForm(page).getByLabel('Email', { exact: true })).toHaveValue('');
});

test('a reply typed and left is marked on its Reply button, after Cancel and after a reload, until it is sent', async ({ page }) => {
  await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  await openComments(page);
  const button = replyToMaren(page);
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  // What a sighted reader sees beside the button.
  const shownBeside = () => button.evaluate((el) => getComputedStyle(el, '::after').content);
  await button.click();
  await reply.getByLabel('Comment', { exact: true }).fill('A reply I mean to finish.');
  await reply.getByRole('button', { name: 'Cancel reply' }).click();
  // Focus is back on the button once it says it is closed and that the draft is kept.
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toHaveAccessibleDescription('Draft saved');
  expect(await shownBeside()).toContain('Draft saved');
  // Only that comment's button; its name is still "Reply to …" (the words shown are not part of it).
  await expect(page.locator('.bs-comment__reply[aria-description]')).toHaveCount(1);
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(button).toHaveAccessibleDescription('Draft saved');
  await button.click();
  await expect(reply.getByLabel('Comment', { exact: true })).toHaveValue('A reply I mean to finish.');
  expect(await shownBeside()).toBe('none');
  await fill(reply, { text: 'A reply I mean to finish.' });
  await page.waitForTimeout(3000);
  await reply.getByRole('button', { name: 'Post Comment' }).click();
  await expect(reply).toHaveCount(0);
  await expect(page.locator('.bs-comment--own')).toContainText('A reply I mean to finish.');
  await expect(page.locator('.bs-comment__reply[aria-description]')).toHaveCount(0);
});

test('a reply left by opening another comment\'s Reply is marked at once', async ({ page }) => {
  await openComments(page);
  const first = page.locator('.bs-comment__reply').nth(0);
  const second = page.locator('.bs-comment__reply').nth(1);
  await first.click();
  await page.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true }).fill('Half a reply.');
  await second.click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(first).toHaveAccessibleDescription('Draft saved');
  await expect(page.locator('.bs-comment__reply[aria-description]')).toHaveCount(1);
});

test('a reply reopened after another tab changed its draft shows the newer words and keeps them', async ({ page, context }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  const text = reply.getByLabel('Comment', { exact: true });
  await button.click();
  await text.fill('Begun in this tab.');
  // Another Reply opened: this one closes, its words kept.
  await page.locator('.bs-comment__reply').nth(1).click();
  await expect(button).toHaveAccessibleDescription('Draft saved');
  // The same reply, taken further in another tab.
  const other = await anotherTab(context);
  await replyToMaren(other).click();
  const otherText = other.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await expect(otherText).toHaveValue('Begun in this tab.');
  await otherText.fill('Begun in this tab, finished in the other.');
  await other.close();
  await page.bringToFront();
  await button.click();
  await expect(text).toHaveValue('Begun in this tab, finished in the other.');
  // And not written over by the older words on the way: a reload finds the newer ones.
  await page.reload();
  await appReady(page);
  await showComments(page);
  await replyToMaren(page).click();
  await expect(text).toHaveValue('Begun in this tab, finished in the other.');
});

test('a reply form open in two tabs, closed here and opened again, shows the words the other tab wrote since', async ({ page, context }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const text = page.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await button.click();
  await text.fill('Begun here.');
  const other = await anotherTab(context);
  await replyToMaren(other).click();
  await other.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true }).fill('Begun here, and taken on there.');
  await other.close();
  await page.bringToFront();
  // Here the form was open all along; another Reply closes it, and Maren Holt's opens it again.
  await page.locator('.bs-comment__reply').nth(1).click();
  await button.click();
  await expect(text).toHaveValue('Begun here, and taken on there.');
});

test('a reply sent from another tab goes from the form here, and does not come back as a draft', async ({ page, context }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const text = page.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await button.click();
  await text.fill('Begun here, sent from the other tab.');
  const other = await anotherTab(context);
  const otherButton = replyToMaren(other);
  await otherButton.click();
  const otherReply = other.getByRole('form', { name: 'Reply', exact: true });
  await expect(otherReply.getByLabel('Comment', { exact: true })).toHaveValue('Begun here, sent from the other tab.');
  await fill(otherReply, { text: 'Begun here, sent from the other tab.' });
  await otherReply.getByRole('button', { name: 'Post Comment' }).click();
  await expect(other.locator('.bs-comment--own', { hasText: 'Begun here, sent from the other tab.' })).toBeVisible();
  await other.close();
  await page.bringToFront();
  // The form open here all along follows; closed by another Reply and opened again, it does not write the words back.
  await expect(text).toHaveValue('');
  await page.locator('.bs-comment__reply').nth(1).click();
  await expect(button).not.toHaveAccessibleDescription('Draft saved');
  await button.click();
  await expect(text).toHaveValue('');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('broadsheet:draft:')))).toEqual([]);
});

test('the main form open in two tabs follows the words typed in the other, and empties when the other sends them', async ({ page, context }) => {
  await openComments(page, NO_COMMENTS);
  const text = mainForm(page).getByLabel('Comment', { exact: true });
  await text.fill('Begun here.');
  const other = await anotherTab(context, NO_COMMENTS);
  const otherForm = mainForm(other);
  await expect(otherForm.getByLabel('Comment', { exact: true })).toHaveValue('Begun here.');
  await fill(otherForm, { text: 'Begun here, finished there.' });
  await expect(text).toHaveValue('Begun here, finished there.');
  await otherForm.getByRole('button', { name: 'Post Comment' }).click();
  await expect(otherForm.getByRole('status')).toHaveText('Your comment is saved in this browser. Only you can see it.');
  await expect(text).toHaveValue('');
  await other.close();
});

test('where this browser keeps nothing, a reply closed and opened again keeps its words', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await openComments(page);
  const button = replyToMaren(page);
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  await button.click();
  await reply.getByLabel('Comment', { exact: true }).fill('Kept in the page, if nowhere else.');
  await reply.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(button).toBeFocused();
  await button.click();
  await expect(reply.getByLabel('Comment', { exact: true })).toHaveValue('Kept in the page, if nowhere else.');
});

test('a reply whose draft another page of the site erased keeps its words here', async ({ page, context }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  await button.click();
  await reply.getByLabel('Comment', { exact: true }).fill('Typed before the site data was erased.');
  // A host page's sign-out, say, empties this origin's storage from another tab.
  const other = await context.newPage();
  await other.goto(NO_COMMENTS);
  await other.evaluate(() => localStorage.clear());
  await other.close();
  await page.bringToFront();
  // Not written back by this tab on its own: only when the reader shows the form again or types.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('broadsheet:draft:')))).toEqual([]);
  await reply.getByRole('button', { name: 'Cancel reply' }).click();
  await button.click();
  await expect(reply.getByLabel('Comment', { exact: true })).toHaveValue('Typed before the site data was erased.');
});

test('after another page emptied storage, a form follows the words typed on from it in another tab', async ({ page, context }) => {
  await openComments(page, NO_COMMENTS);
  const text = mainForm(page).getByLabel('Comment', { exact: true });
  await text.fill('Begun here.');
  const other = await anotherTab(context, NO_COMMENTS);
  const otherText = mainForm(other).getByLabel('Comment', { exact: true });
  await expect(otherText).toHaveValue('Begun here.');
  await other.evaluate(() => localStorage.clear());
  // Both tabs now hold the words only in the page. Taken on there, they are taken on here too: typed on here
  // afterwards, the older words would otherwise be written over the newer ones.
  await otherText.fill('Begun here. Taken on there.');
  await page.bringToFront();
  await expect(text).toHaveValue('Begun here. Taken on there.');
  await text.press('End');
  await text.pressSequentially('!');
  await expect(otherText).toHaveValue('Begun here. Taken on there.!');
  await other.close();
});

test('back from the back-forward cache, which hears no other tab meanwhile, a form reads its draft again', async ({ page }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const text = page.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await button.click();
  await text.fill('Sent from another tab while this page was in the cache.');
  // As a page kept in that cache finds storage on its return: changed, with no event told to it (a page's own
  // writes raise none in it). This Chromium under test keeps no pages in the cache, so its return is played.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('broadsheet:draft:')) localStorage.removeItem(key);
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  });
  await expect(text).toHaveValue('');
  await page.locator('.bs-comment__reply').nth(1).click();
  await button.click();
  await expect(text).toHaveValue('');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('broadsheet:draft:')))).toEqual([]);
});

test('a reply whose words could not all be saved keeps them when another tab writes its draft', async ({ page, context }) => {
  await openComments(page);
  const button = replyToMaren(page);
  const text = page.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await button.click();
  await text.fill('Saved.');
  // This tab's storage is full from here on.
  await page.evaluate(() => {
    Storage.prototype.setItem = function full() { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await text.fill('Saved. And more, not saved.');
  const other = await anotherTab(context);
  await replyToMaren(other).click();
  const otherText = other.getByRole('form', { name: 'Reply', exact: true }).getByLabel('Comment', { exact: true });
  await expect(otherText).toHaveValue('Saved.');
  await otherText.fill('Saved. Then taken on there.');
  await other.close();
  await page.bringToFront();
  await page.waitForTimeout(300);
  await expect(text).toHaveValue('Saved. And more, not saved.');
  // Closed, the words stay with the page.
  await page.getByRole('form', { name: 'Reply', exact: true }).getByRole('button', { name: 'Cancel reply' }).click();
  await button.click();
  await expect(text).toHaveValue('Saved. And more, not saved.');
});

test('a reply of only spaces is not marked as a draft; one left in another tab is, and goes when that tab sends it', async ({ page, context }) => {
  await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  await openComments(page);
  const button = replyToMaren(page);
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  await button.click();
  await reply.getByLabel('Comment', { exact: true }).fill('   \n ');
  await reply.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(button).toBeFocused();
  await expect(page.locator('.bs-comment__reply[aria-description]')).toHaveCount(0);
  // Another tab of the same story: a reply left there shows here at once, and goes once it is cleared there.
  const other = await anotherTab(context);
  const otherButton = replyToMaren(other);
  await otherButton.click();
  const otherReply = other.getByRole('form', { name: 'Reply', exact: true });
  await otherReply.getByLabel('Comment', { exact: true }).fill('Typed in the other tab.');
  await otherReply.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(button).toHaveAccessibleDescription('Draft saved');
  await otherButton.click();
  await otherReply.getByLabel('Comment', { exact: true }).fill('');
  await expect(page.locator('.bs-comment__reply[aria-description]')).toHaveCount(0);
});

test('saved details come back only while the box is ticked', async ({ page }) => {
  await openComments(page, NO_COMMENTS);
  const form = mainForm(page);
  await fill(form, { website: 'https://ann.example' });
  await form.getByLabel('Save my name, email, and website in this browser for the next time I comment.').check();
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toBeVisible();
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(mainForm(page).getByLabel('Name', { exact: true })).toHaveValue('Ann Reader');
  await expect(mainForm(page).getByLabel('Website', { exact: true })).toHaveValue('https://ann.example');
  await mainForm(page).getByLabel('Save my name').uncheck();
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(mainForm(page).getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(mainForm(page).getByLabel('Email', { exact: true })).toHaveValue('');
});

test('with an endpoint: a 201 shows the comment; the email never reaches the page', async ({ page }) => {
  const posts = await withEndpoint(page, (route, body) => route.fulfill({
    status: 201, contentType: 'application/json',
    json: { status: 'published', comment: { id: 'srv-1', parent: null, author: body.name, published: '2026-11-28T10:00:00Z', text: body.text } },
  }));
  await openComments(page);
  const form = mainForm(page);
  await fill(form, { email: 'secret.reader@example.com', text: 'Published straight away.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Published straight away.');
  await expect(page.getByRole('heading', { name: '6 comments' })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(posts[0].body).toMatchObject({ article: 'kim-jong-un-returns-from-russia', parent: null, name: 'Ann Reader', email: 'secret.reader@example.com', website: '', text: 'Published straight away.' });
  expect(posts[0].body.client_id).toMatch(/.{8,}/);
  expect(await page.content()).not.toContain('secret.reader@example.com');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('secret.reader@example.com');
});

// An answer's byte-order mark is dropped (a .NET or PHP server may send one), and one that is not UTF-8 is read as
// Latin-1.
test('with an endpoint: an answer that starts with a byte-order mark is read, and the comment shows as published', async ({ page }) => {
  const answer = (body) => JSON.stringify({ status: 'published', comment: { id: 'srv-bom', parent: null, author: body.name, published: '2026-11-28T10:00:00Z', text: body.text } });
  const { form } = await postTo(page, (route, body) => route.fulfill({
    status: 201, contentType: 'application/json', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(answer(body))]),
  }), 'Answered with a mark in front.');
  await expect(form.getByRole('status')).toContainText('published');
  const own = page.locator('.bs-comment--own');
  await expect(own).toContainText('Answered with a mark in front.');
  await expect(own).toContainText('Your comment.');
  // The endpoint's id: a reply to it can name it.
  await expect(own.getByRole('button', { name: /^Reply to Ann Reader/ })).toHaveCount(1);
});

test('with an endpoint: a refusal in another encoding than UTF-8 still marks the field it names', async ({ page }) => {
  const latin1 = Buffer.from('{"error":{"code":"email","message":"Adresse refus\xe9e.","field":"email"}}', 'latin1');
  const { form } = await postTo(page, (route) => route.fulfill({ status: 422, contentType: 'application/json', body: latin1 }), 'Refused in Latin-1.');
  const email = form.getByLabel('Email', { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Adresse refusée\./);
});

/** The comments' authors and their "Show more" buttons, as they come down the page. */
function shownInOrder(page) {
  return page.evaluate(() => [...document.querySelectorAll('.bs-comment__author, .bs-comments__more')].map((e) => e.textContent));
}

/** Opens the reference article's comments with an endpoint answering `answer`, and posts `text`. */
async function postTo(page, answer, text) {
  const posts = await withEndpoint(page, answer);
  await openComments(page);
  const form = mainForm(page);
  await fill(form, { text });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  return { posts, form };
}

/** The endpoint's refusal of a comment with a link, naming the comment's field. */
const LINKS_REFUSAL = { error: { code: 'links', message: 'Links are not allowed in comments.', field: 'text' } };

/** Posts a comment with a link that the endpoint refuses (`LINKS_REFUSAL`) only once `answer()` is called. */
async function postRefusedOnCue(page) {
  let answer;
  const answered = new Promise((resolve) => { answer = resolve; });
  const { form } = await postTo(page, async (route) => {
    await answered;
    await route.fulfill({ status: 422, contentType: 'application/json', json: LINKS_REFUSAL });
  }, 'See https://example.com for more.');
  await expect(form.getByRole('button', { name: 'Posting…' })).toBeVisible();
  return { form, answer };
}

/** After a failed send: the text is still in the form, and Try again sends it once more, with the same key. */
async function expectKeptThenResent(page, form, posts, text) {
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue(text);
  // Focus stayed on the form's button through the failure.
  await expect(form.getByRole('button', { name: 'Post Comment' })).toBeFocused();
  await form.getByRole('button', { name: 'Try again' }).click();
  // Try again goes as the sending starts: focus moves to the form's button, not to the page.
  await expect(form.locator('button[type="submit"]')).toBeFocused();
  await expect(page.locator('.bs-comment--own')).toContainText('Awaiting moderation');
  expect(posts).toHaveLength(2);
  expect(posts[1].body.client_id).toBe(posts[0].body.client_id);
}

test('with an endpoint: a 500 keeps the text and says so; Try again resends with the same client_id', async ({ page }) => {
  const { posts, form } = await postTo(page, failsOnceWith(500), 'Please keep this text.');
  await expect(form.getByRole('status')).toContainText('error 500');
  await expectKeptThenResent(page, form, posts, 'Please keep this text.');
});

for (const [status, body, says, retry] of [
  [400, { error: { code: 'spam', message: 'Links are not allowed in comments.' } }, 'The comment was not accepted: Links are not allowed in comments.', false],
  [403, '', 'The comment server refused the comment (error 403).', false],
  [429, '', 'You are commenting too fast. Wait a minute, then try again.', true],
]) test(`with an endpoint: a ${status} answer tells the reader why, keeps the text, and offers Try again only if sending it again can help`, async ({ page }) => {
  const answer = (route) => route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) });
  const { form } = await postTo(page, answer, 'See https://example.com for more.');
  await expect(form.getByRole('status')).toContainText(says);
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('See https://example.com for more.');
  await expect(page.locator('.bs-comment--own')).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Try again' })).toHaveCount(retry ? 1 : 0);
  if (!retry) await expect(form.getByRole('status')).toContainText('Change it and post it again.');
  await expect(form.getByRole('button', { name: 'Post Comment' })).toBeVisible();
});

test('with an endpoint: a refusal that names a field marks that field in the endpoint\'s words and takes the reader there', async ({ page }) => {
  const { posts, form } = await postTo(page, (route) => route.fulfill({ status: 422, contentType: 'application/json', json: LINKS_REFUSAL }), 'See https://example.com for more.');
  const comment = form.getByLabel('Comment', { exact: true });
  await expect(comment).toBeFocused();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAccessibleDescription(/Links are not allowed in comments\./);
  await expect(form.getByText('There is 1 problem with your comment:')).toBeVisible();
  await expect(comment).toHaveValue('See https://example.com for more.');
  await expect(form.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(posts).toHaveLength(1);
});

test('with an endpoint: a refusal that names a field, coming when the reader has left the form, is said in its status line', async ({ page }) => {
  const { form, answer } = await postRefusedOnCue(page);
  const elsewhere = page.locator('main h1');
  await elsewhere.focus();
  answer();
  await expect(form.getByRole('status')).toContainText('Links are not allowed in comments.');
  await expect(form.getByLabel('Comment', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  // The reader is left where they went.
  await expect(elsewhere).toBeFocused();
});

test('a refusal that names a field, coming after the reader pressed Show more comments, leaves them on the comments shown', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  const { form, answer } = await postRefusedOnCue(page);
  // Focus lands on the first comment shown; its id is not the form's, though both begin alike.
  await page.getByRole('button', { name: 'Show more comments (500 more)' }).click();
  const landed = page.locator('.bs-comment__body:focus');
  await expect(landed.locator('.bs-comment__author')).toHaveText('Reader 100');
  answer();
  await expect(form.getByRole('status')).toContainText('Links are not allowed in comments.');
  await expect(landed.locator('.bs-comment__author')).toHaveText('Reader 100');
});

test('with an endpoint that never answers: after 10 s the reader is told, and Try again sends the same comment', async ({ page }) => {
  test.setTimeout(45_000);
  const silentOnce = (route, body, n) => (n === 1
    ? undefined
    : route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  const { posts, form } = await postTo(page, silentOnce, 'Sent into the void.');
  const sent = Date.now();
  await expect(form.getByRole('status')).toContainText('took too long to answer', { timeout: 15_000 });
  expect(Date.now() - sent).toBeGreaterThan(9_000);
  await expectKeptThenResent(page, form, posts, 'Sent into the void.');
});

test('with an endpoint: a comment edited after a failed send goes as a new comment, with a new client_id', async ({ page }) => {
  const { posts, form } = await postTo(page, failsOnceWith(503), 'A typo hree.');
  await expect(form.getByRole('status')).toContainText('error 503');
  await form.getByLabel('Comment', { exact: true }).fill('A typo here.');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('A typo here.');
  expect(posts.map((p) => p.body.text)).toEqual(['A typo hree.', 'A typo here.']);
  expect(posts[1].body.client_id).not.toBe(posts[0].body.client_id);
});

test('with an endpoint: a pending comment the newsroom then publishes shows once, as published, and is no longer kept', async ({ page }) => {
  await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  let published = null;
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', async (route) => {
    const response = await route.fetch();
    const file = await response.json();
    if (published) file.comments.push(published);
    await route.fulfill({ response, json: file });
  });
  await openComments(page);
  const form = mainForm(page);
  await fill(form, { text: 'Moderated, then published.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Awaiting moderation');
  // The next build of the comments file has it, under the newsroom's own id.
  published = { id: 'c-4711', author: 'Ann Reader', published: new Date(Date.now() + 60_000).toISOString(), text: 'Moderated, then published.' };
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.getByRole('heading', { name: '6 comments' })).toBeVisible();
  await expect(page.getByText('Moderated, then published.')).toHaveCount(1);
  await expect(page.locator('.bs-comment--own')).toHaveCount(0);
  const kept = await page.evaluate(() => localStorage.getItem('broadsheet:comments:kim-jong-un-returns-from-russia'));
  expect(kept ?? '[]').not.toContain('Moderated, then published.');
});

test('while sending, the button is disabled and says so, and keeps the reader\'s focus; double clicks submit once', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  const posts = await withEndpoint(page, async (route) => { await held; await route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }); });
  await openComments(page);
  const form = mainForm(page);
  await fill(form);
  await page.waitForTimeout(3000);
  await form.getByRole('button', { name: 'Post Comment' }).dblclick();
  await expect(form.getByRole('button', { name: 'Posting…' })).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Posting…' })).toBeFocused();
  release();
  await expect(page.locator('.bs-comment--own')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Post Comment' })).toBeFocused();
  expect(posts).toHaveLength(1);
});

test('a submit 1 s after the form appeared is held and sent at 3 s', async ({ page }) => {
  const posts = await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  // The hold counts from when the form appeared, taken by the page itself (the same clock as the test's): seen from
  // here, under load, it can seem to appear a few hundred ms later than it did.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.bs-comments form')) {
        window.__formShown = Date.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await openComments(page);
  const form = mainForm(page);
  await expect(form).toBeVisible();
  const shown = await page.evaluate(() => window.__formShown);
  await fill(form);
  await page.waitForTimeout(Math.max(0, 1000 - (Date.now() - shown)));
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('button', { name: 'Posting…' })).toBeDisabled();
  await expect(page.locator('.bs-comment--own')).toBeVisible({ timeout: 8000 });
  expect(posts).toHaveLength(1);
  expect(posts[0].at - shown, 'sent about 3 s after the form appeared').toBeGreaterThanOrEqual(2700);
  expect(posts[0].at - clicked, 'held after the click, not sent at once').toBeGreaterThanOrEqual(1500);
  expect(posts[0].at - clicked, 'and not long after the 3 s').toBeLessThan(3000);
});

test('a filled honeypot sends nothing and keeps nothing, but looks sent', async ({ page }) => {
  const posts = await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'published' } }));
  await openComments(page);
  const form = mainForm(page);
  await fill(form);
  await page.locator('input[name="homepage"]').first().fill('http://spam.example', { force: true });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByRole('status')).toContainText('Thank you');
  await page.waitForTimeout(3500);
  expect(posts).toHaveLength(0);
  await expect(page.locator('.bs-comment--own')).toHaveCount(0);
});

test('hostile name, website and text are shown as text and run nothing', async ({ page }) => {
  page.on('dialog', () => { throw new Error('a dialog opened'); });
  await openComments(page, NO_COMMENTS);
  const form = mainForm(page);
  await fill(form, { name: XSS_NAME, text: XSS_TEXT, website: 'https://example.com/"><script>x</script>' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Website', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Website', { exact: true }).fill('https://ann.example/?q="quoted"');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Website', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Website', { exact: true }).fill('https://ann.example/');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  const mine = page.locator('.bs-comment--own');
  await expect(mine.locator('.bs-comment__author')).toHaveText(XSS_NAME);
  expect(await mine.locator('.bs-comment__text').evaluate((el) => el.textContent)).toBe(XSS_TEXT);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.bs-comments img, .bs-comments script, .bs-comments svg').count()).toBe(0);
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment--own .bs-comment__author')).toHaveText(XSS_NAME);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('a reply nests under its parent, and Cancel reply closes the form', async ({ page }) => {
  await openComments(page);
  const parent = page.locator('.bs-comment', { hasText: 'Interesting that the coverage stresses' }).first();
  await parent.getByRole('button', { name: 'Reply to Ade Okonkwo' }).click();
  const replyForm = page.getByRole('form', { name: 'Reply', exact: true });
  await expect(replyForm).toBeVisible();
  await replyForm.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(replyForm).toHaveCount(0);
  await expect(parent.getByRole('button', { name: 'Reply to Ade Okonkwo' })).toBeFocused();
  // Escape closes it too, from any of its fields, and what was typed is kept as a draft.
  await parent.getByRole('button', { name: 'Reply to Ade Okonkwo' }).click();
  await replyForm.getByLabel('Comment', { exact: true }).fill('A reply to Ade.');
  await replyForm.getByLabel('Comment', { exact: true }).press('Escape');
  await expect(replyForm).toHaveCount(0);
  await expect(parent.getByRole('button', { name: 'Reply to Ade Okonkwo' })).toBeFocused();
  await expect(parent.getByRole('button', { name: 'Reply to Ade Okonkwo' })).toHaveAccessibleDescription('Draft saved');
  await parent.getByRole('button', { name: 'Reply to Ade Okonkwo' }).click();
  await expect(replyForm.getByLabel('Comment', { exact: true })).toHaveValue('A reply to Ade.');
  await fill(page.getByRole('form', { name: 'Reply', exact: true }), { text: 'A reply to Ade.' });
  await page.getByRole('form', { name: 'Reply', exact: true }).getByRole('button', { name: 'Post Comment' }).click();
  const reply = parent.locator('.bs-comments__list--depth-2 .bs-comment--own');
  await expect(reply).toContainText('A reply to Ade.');
  await expect(page.getByRole('form', { name: 'Reply', exact: true })).toHaveCount(0);
});

test('a reply whose form is closed while it is sent is still posted, and the comments keep working', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  const posts = await withEndpoint(page, async (route) => { await held; await route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }); });
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await openComments(page);
  const parent = page.locator('.bs-comment', { hasText: 'Interesting that the coverage stresses' }).first();
  const replyButton = parent.getByRole('button', { name: 'Reply to Ade Okonkwo' });
  await replyButton.click();
  const replyForm = page.getByRole('form', { name: 'Reply', exact: true });
  await fill(replyForm, { text: 'Sent, then its form closed.' });
  await replyForm.getByRole('button', { name: 'Post Comment' }).click();
  await expect(replyForm.getByRole('button', { name: 'Posting…' })).toBeDisabled();
  await replyForm.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(replyForm).toHaveCount(0);
  release();
  const reply = parent.locator('.bs-comments__list--depth-2 .bs-comment--own');
  await expect(reply).toContainText('Sent, then its form closed.');
  await expect(reply).toContainText('Awaiting moderation');
  // The draft went with the comment, and the form works as before.
  await replyButton.click();
  await expect(replyForm.getByLabel('Comment', { exact: true })).toHaveValue('');
  await expect(mainForm(page)).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(problems.join('\n')).not.toMatch(/stopped|disposed|panicked/i);
});

test('a reply whose form is closed while it is sent, then refused with a field named, leaves the comments working', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  let answered;
  const done = new Promise((r) => { answered = r; });
  await withEndpoint(page, async (route) => {
    await held;
    await route.fulfill({ status: 422, contentType: 'application/json', json: LINKS_REFUSAL });
    answered();
  });
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await openComments(page);
  const parent = page.locator('.bs-comment', { hasText: 'Interesting that the coverage stresses' }).first();
  await parent.getByRole('button', { name: 'Reply to Ade Okonkwo' }).click();
  const replyForm = page.getByRole('form', { name: 'Reply', exact: true });
  await fill(replyForm, { text: 'See https://example.com, then closed.' });
  await replyForm.getByRole('button', { name: 'Post Comment' }).click();
  await expect(replyForm.getByRole('button', { name: 'Posting…' })).toBeDisabled();
  await replyForm.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(replyForm).toHaveCount(0);
  release();
  // Sent once the form has been there 3 s; the answer read, and given the time to be shown.
  await done;
  await page.waitForTimeout(500);
  await expect(page.getByText('The comments stopped working')).toHaveCount(0);
  // The refused words are still the reader's draft, and the form opens with them.
  await parent.getByRole('button', { name: 'Reply to Ade Okonkwo' }).click();
  await expect(replyForm.getByLabel('Comment', { exact: true })).toHaveValue('See https://example.com, then closed.');
  expect(problems.join('\n')).not.toMatch(/stopped|disposed|panicked/i);
});

test('a posted reply returns focus to its Reply button and is announced', async ({ page }) => {
  await openComments(page);
  const parent = page.locator('.bs-comment', { hasText: 'Interesting that the coverage stresses' }).first();
  const replyButton = parent.getByRole('button', { name: 'Reply to Ade Okonkwo' });
  const comments = page.getByRole('region', { name: /comments$/ });
  // Every text the status region takes, in order: the same words twice must be announced twice.
  await comments.getByRole('status').last().evaluate((region) => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  for (const text of ['A first reply.', 'A second reply.']) {
    await replyButton.click();
    const replyForm = page.getByRole('form', { name: 'Reply', exact: true });
    await fill(replyForm, { text });
    await replyForm.getByRole('button', { name: 'Post Comment' }).click();
    await expect(parent.locator('.bs-comments__list--depth-2 .bs-comment--own', { hasText: text })).toBeVisible();
    await expect(replyButton).toBeFocused();
    await expect(comments.getByRole('status').last()).toHaveText('Your comment is saved in this browser. Only you can see it.');
  }
  const said = await page.evaluate(() => window.__said);
  expect(said.filter((t) => t === 'Your comment is saved in this browser. Only you can see it.')).toHaveLength(2);
});

test("the error summary's links focus their field and leave the address alone", async ({ page }) => {
  await openComments(page);
  const form = mainForm(page);
  await form.getByLabel('Comment', { exact: true }).fill('Only the text.');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByRole('link', { name: 'Please enter your email.' }).click();
  await expect(form.getByLabel('Email', { exact: true })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
});

test('the deepest comments offer no Reply; threads nest to depth 5', async ({ page }) => {
  await page.goto('/local/higher-wages-california-healthcare-workers/');
  await appReady(page);
  await showComments(page);
  const deepest = page.locator('.bs-comments__list--depth-5 > li');
  await expect(deepest).toContainText('Worth checking with the pay board');
  await expect(deepest.getByRole('button', { name: /^Reply/ })).toHaveCount(0);
  await expect(page.locator('.bs-comments__list--depth-4 > li > article').getByRole('button', { name: /^Reply/ })).toHaveCount(1);
});

test('a broken comments file shows an error in the comments area only', async ({ page }) => {
  let broken = true;
  await page.route('**/comments.json', (route) => (broken ? route.fulfill({ status: 500, body: '' }) : route.continue()));
  await openComments(page);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  const area = page.getByRole('region', { name: /comments$/i });
  await expect(area.locator('.bs-comments__error[role="status"]')).toContainText('The comments could not be loaded');
  // No count it does not know ("0 comments" was shown here).
  await expect(area.getByRole('heading', { level: 2 })).toHaveText('Comments');
  await expect(mainForm(page)).toBeVisible();
  broken = false;
  await area.getByRole('button', { name: 'Try again' }).click();
  await expect(area.getByRole('heading', { name: '5 comments' })).toBeVisible();
  // The button went with the error: focus is on the comments' heading.
  await expect(area.getByRole('heading', { name: '5 comments' })).toBeFocused();
});

test('a damaged comments file is called that, in words about the comments', async ({ page }) => {
  await page.route('**/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format_version": 1, "comm' }));
  await openComments(page);
  const area = page.getByRole('region', { name: /comments$/i });
  await expect(area.locator('.bs-comments__error')).toHaveText(/^The comments could not be loaded\. They arrived damaged\. Try again in a moment\./);
  await expect(area.getByRole('heading', { level: 2 })).toHaveText('Comments');
});

test('a comments file of a newer format: Try again reloads the page, which brings the app that reads it', async ({ page }) => {
  await page.route('**/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format_version": 2, "threads": []}' }));
  await openComments(page);
  const area = page.getByRole('region', { name: /comments$/i });
  await expect(area.locator('.bs-comments__error')).toHaveText(/^The comments could not be loaded\. They use a newer format than this version of the site can read\. Try again to reload the page with the newer version\./);
  // Asked for again, the file would be the same: the page is loaded anew instead.
  await markWindow(page);
  await area.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => stillSameDocument(page).catch(() => false)).toBe(false);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
});

test('a page that offers no comments island says so in the comments area and offers a reload', async ({ page }) => {
  await page.route(`**${REFERENCE}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script type="application\/json" id="broadsheet-islands">.*?<\/script>/s, '');
    await route.fulfill({ response, body });
  });
  const area = await commentsArea(page);
  await expect(area.locator('.bs-comments__error[role="status"]')).toContainText('The comments cannot be shown on this page just now.');
  await expect(area.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
});

test('when the comments code cannot be fetched, Try again fetches it again and shows them', async ({ page }) => {
  let asked = 0;
  await page.route((url) => /\/broadsheet-comments-[0-9a-f]+\.js/.test(url.href), (route) => (asked++ === 0 ? route.abort() : route.continue()));
  const area = await commentsArea(page);
  await expect(area.locator('.bs-comments__error[role="status"]')).toContainText('The comments could not be loaded.');
  await area.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: '5 comments' })).toBeVisible();
  await expect(mainForm(page)).toBeVisible();
  // The button went: focus stayed in the comments, and is on their heading once they are there.
  await expect(page.getByRole('heading', { name: '5 comments' })).toBeFocused();
});

test('when the comments code cannot be fetched twice, focus stays on the comments\' heading above the error', async ({ page }) => {
  let blocked = true;
  let asked = 0;
  await page.route((url) => /\/broadsheet-comments-[0-9a-f]+\.js/.test(url.href), (route) => {
    asked += 1;
    return blocked ? route.abort() : route.continue();
  });
  const area = await commentsArea(page);
  await expect(area.locator('.bs-comments__error[role="status"]')).toContainText('The comments could not be loaded.');
  const before = asked;
  await area.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => asked).toBeGreaterThan(before);
  await expect(area.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(area.getByRole('heading', { name: 'Comments' })).toBeFocused();
  blocked = false;
  await area.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: '5 comments' })).toBeFocused();
});

test('the comments code and its WASM download side by side, not one after the other', async ({ page }) => {
  // The island's JS is held back; its WASM must be asked for meanwhile, not once the JS has arrived.
  let jsAnswered = false;
  let wasmAskedFirst = null;
  await page.route((url) => /\/broadsheet-comments-[0-9a-f]+\.js/.test(url.href), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    jsAnswered = true;
    await route.continue();
  });
  page.on('request', (r) => { if (/\/broadsheet-comments-[0-9a-f]+_bg\.wasm/.test(r.url()) && wasmAskedFirst === null) wasmAskedFirst = !jsAnswered; });
  await commentsArea(page);
  await expect(page.getByRole('heading', { name: '5 comments' })).toBeVisible();
  await expect(mainForm(page)).toBeVisible();
  expect(wasmAskedFirst).toBe(true);
});

/** The comment form is on screen, and no layout shift (without recent input) has happened since the page loaded. */
async function formShownAndNothingMoved(page) {
  await expect(mainForm(page)).toBeVisible();
  await page.waitForTimeout(300);
  await expectNothingMoved(page);
}

for (const [width, height] of [[412, 823], [1280, 800]]) {
  for (const block of ['start', 'end', 'bottom']) {
    test(`a reader who jumps straight to the comments sees nothing move while they load (${width} px, ${block === 'bottom' ? 'to the end of the page' : `comments at the ${block}`})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await startCls(page);
      // The comments code is slow to arrive, so the reader sees the area while it waits, and then the comments.
      await page.route((url) => /\/broadsheet-comments-[0-9a-f]+\.js/.test(url.href), async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      await page.goto(REFERENCE);
      await appReady(page);
      // A jump, not a scroll through the page: the related stories above are passed without being looked at.
      await page.evaluate((block) => (block === 'bottom'
        ? window.scrollTo(0, document.documentElement.scrollHeight)
        : document.querySelector('.bs-comments-slot').scrollIntoView({ block })), block);
      await expect(page.getByRole('heading', { name: '5 comments' })).toBeVisible();
      await formShownAndNothingMoved(page);
    });
  }
}

test('a reader who jumps to the end before the app has started sees nothing move when it takes over', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await startCls(page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route((url) => /\/broadsheet-[0-9a-f]+\.js$/.test(url.pathname), async (route) => { await held; await route.continue(); });
  await page.goto(REFERENCE);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(300);
  release();
  await appReady(page);
  await formShownAndNothingMoved(page);
});

test('after an in-app link to a story, a jump to the end moves nothing', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await startCls(page);
  await openInApp(page, REFERENCE);
  await expect(page.locator('main h1')).toHaveText(REFERENCE_HEADLINE);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await formShownAndNothingMoved(page);
});

test('comments code gone from the server (a tab older than the deploy) offers a reload, not a retry', async ({ page }) => {
  await page.route((url) => /\/broadsheet-comments-[0-9a-f]+_bg\.wasm/.test(url.href), (route) => route.fulfill({ status: 404, body: '' }));
  const area = await commentsArea(page);
  await expect(area.locator('.bs-comments__error[role="status"]')).toContainText('The comments cannot be shown on this page just now.');
  await expect(area.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(area.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

/** The reader's comment posted from the main form, its answer held until `release()`, then Maren Holt's Reply opened. */
async function ownCommentOnItsWayAndAReplyOpen(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await withEndpoint(page, async (route) => { await held; await route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }); });
  await openComments(page);
  await fill(mainForm(page), { text: 'First, a comment of my own.' });
  await page.waitForTimeout(3000);
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await page.getByRole('button', { name: 'Reply to Maren Holt' }).first().click();
  return { release, reply: page.getByRole('form', { name: 'Reply', exact: true }) };
}

test('a reply form keeps what the reader typed, and their focus, when their own comment arrives meanwhile', async ({ page }) => {
  const { release, reply } = await ownCommentOnItsWayAndAReplyOpen(page);
  await reply.getByLabel('Name', { exact: true }).fill('Bo Reader');
  await reply.getByLabel('Comment', { exact: true }).fill('And a reply, typed while it was sent.');
  release();
  await expect(page.locator('.bs-comment--own')).toContainText('First, a comment of my own.');
  await expect(reply.getByLabel('Name', { exact: true })).toHaveValue('Bo Reader');
  await expect(reply.getByLabel('Comment', { exact: true })).toHaveValue('And a reply, typed while it was sent.');
  await expect(reply.getByLabel('Comment', { exact: true })).toBeFocused();
  // Its Reply pressed again closes the form (its aria-expanded says so) and keeps focus; pressed once more, the
  // form comes back with what the reader typed.
  const button = page.getByRole('button', { name: 'Reply to Maren Holt' }).first();
  await button.click();
  await expect(reply).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleDescription('Draft saved');
  await button.press('Enter');
  await expect(reply.getByLabel('Name', { exact: true })).toHaveValue('Bo Reader');
  await expect(reply.getByLabel('Comment', { exact: true })).toHaveValue('And a reply, typed while it was sent.');
});

test('a reply form keeps the caret where the reader left it when their own comment arrives meanwhile', async ({ page }) => {
  const { release, reply } = await ownCommentOnItsWayAndAReplyOpen(page);
  const text = reply.getByLabel('Comment', { exact: true });
  await text.click();
  await text.pressSequentially('A reply, typed while it was sent.');
  // The reader goes back to put a word in, before "sent."
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  release();
  await expect(page.locator('.bs-comment--own')).toContainText('First, a comment of my own.');
  await page.waitForTimeout(100);
  await page.keyboard.type('being ');
  await expect(text).toHaveValue('A reply, typed while it was being sent.');
});

test('the same words sent again after a reload mid-send carry the same client_id', async ({ page }) => {
  const posts = await withEndpoint(page, (route, body, n) => (n === 1
    ? undefined
    : route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } })));
  await openComments(page);
  await fill(mainForm(page), { text: 'Sent, then the page was reloaded.' });
  await page.waitForTimeout(3000);
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect.poll(() => posts.length).toBe(1);
  await page.reload();
  await appReady(page);
  await showComments(page);
  const form = mainForm(page);
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('Sent, then the page was reloaded.');
  await fill(form, { text: 'Sent, then the page was reloaded.' });
  await page.waitForTimeout(3000);
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Sent, then the page was reloaded.');
  expect(posts).toHaveLength(2);
  expect(posts[1].body.client_id).toBe(posts[0].body.client_id);
});

// Nor one over the 2 MiB a content file may have (the page does not read it: no endpoint answers at such length).
const published = JSON.stringify({ status: 'published', id: 'c-long', padding: 'x'.repeat(2.5 * 1024 * 1024) });
for (const [what, body] of [['without a body', ''], ['over 2 MiB', published]]) test(`a 2xx answer the page cannot read (${what}) counts as taken: the comment shows awaiting moderation, with no Reply`, async ({ page }) => {
  const status = body ? 201 : 204;
  const { posts, form } = await postTo(page, (route) => route.fulfill({ status, contentType: 'application/json', body }), 'Taken without a word.');
  await expect(form.getByRole('status')).toContainText('awaiting moderation');
  const own = page.locator('.bs-comment--own');
  await expect(own).toContainText('Taken without a word.');
  await expect(own).toContainText('Awaiting moderation');
  // The endpoint gave it no id: a reply to it could not name it.
  await expect(own.getByRole('button', { name: /^Reply/ })).toHaveCount(0);
  expect(posts).toHaveLength(1);
});

test('a 2xx answer streamed with no Content-Length is cut off at 2 MiB, not downloaded whole, and counts as taken', async ({ page, baseURL }) => {
  // A server in front of the site answers the comment in chunks, with no length, up to 64 MiB: the page stops reading
  // once it has more than 2 MiB.
  const MIB = 1024 * 1024;
  let sent = 0;
  let closed = false;
  const proxy = await startProxy(baseURL, (req, res) => {
    if (req.method !== 'POST' || req.url !== ENDPOINT) return false;
    req.resume();
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.write('{"status":"published","id":"c-long","padding":"');
    const chunk = 'x'.repeat(64 * 1024);
    const more = () => {
      while (!closed && sent < 64 * MIB && res.write(chunk)) sent += chunk.length;
      if (closed) return;
      if (sent < 64 * MIB) res.once('drain', more);
      else res.end('"}');
    };
    res.on('close', () => { closed = true; });
    res.on('error', () => {});
    more();
    return true;
  });
  try {
    await editEmbeddedData(page, REFERENCE, (data) => {
      data.files['site.json'].comment_endpoint = ENDPOINT;
      return data;
    });
    await page.goto(`http://127.0.0.1:${proxy.port}${REFERENCE}`);
    await appReady(page);
    await showComments(page);
    const form = mainForm(page);
    await fill(form, { text: 'Answered at length.' });
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await expect(form.getByRole('status')).toContainText('awaiting moderation');
    await expect(page.locator('.bs-comment--own')).toContainText('Awaiting moderation');
    await expect.poll(() => closed).toBe(true);
    // What was on its way when the page stopped reading (the system's and the browser's buffers) is sent, no more.
    expect(sent).toBeLessThan(16 * MIB);
  } finally {
    await proxy.close();
  }
});

test('the count is of the comments shown; ids that differ only in punctuation keep their own Reply buttons', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', async (route) => {
    const response = await route.fetch();
    const file = await response.json();
    const at = '2026-11-28T09:00:00Z';
    file.comments.push({ id: 'a-1', author: 'Dash', published: at, text: 'With a dash.' });
    file.comments.push({ id: 'a1', author: 'NoDash', published: at, text: 'Without.' });
    // The same id twice in a bad file: shown once, counted once.
    file.comments.push({ ...file.comments[0], text: 'A second comment under a used id.' });
    await route.fulfill({ response, json: file });
  });
  await openComments(page);
  await expect(page.getByRole('heading', { level: 2, name: '7 comments' })).toBeVisible();
  await expect(page.locator('.bs-comment')).toHaveCount(7);
  await page.getByRole('button', { name: 'Reply to NoDash' }).click();
  await page.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(page.getByRole('button', { name: 'Reply to NoDash' })).toBeFocused();
});

test('a comment refused by the endpoint and sent again after a reload goes as a new comment, with a new client_id', async ({ page }) => {
  const posts = await withEndpoint(page, (route, body, n) => (n === 1
    ? route.fulfill({ status: 422, contentType: 'application/json', json: { error: { code: 'email', message: 'That email address bounces.', field: 'email' } } })
    : route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } })));
  await openComments(page);
  await fill(mainForm(page), { text: 'Refused once, for the email.' });
  await page.waitForTimeout(3000);
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect(mainForm(page).getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/That email address bounces\./);
  await page.reload();
  await appReady(page);
  await showComments(page);
  await fill(mainForm(page), { text: 'Refused once, for the email.', email: 'ann@better.example' });
  await page.waitForTimeout(3000);
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Refused once, for the email.');
  expect(posts).toHaveLength(2);
  expect(posts[1].body.client_id).not.toBe(posts[0].body.client_id);
});

test('a website typed without https:// is sent with it, as most people type one', async ({ page }) => {
  const posts = await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  await openComments(page);
  await fill(mainForm(page), { text: 'My blog has more.', website: 'ann.example/blog' });
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('My blog has more.');
  expect(posts[0].body.website).toBe('https://ann.example/blog');
});

test('an answer that is not the endpoint\'s (a network\'s sign-in page) is not taken for a sent comment', async ({ page }) => {
  const { form } = await postTo(page, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>Sign in to the café Wi-Fi</body></html>' }), 'Posted from a café.');
  await expect(form.getByRole('status')).toContainText('does not understand');
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('Posted from a café.');
  await expect(page.locator('.bs-comment--own')).toHaveCount(0);
});

test('a reply sent while the reader has moved on to the main form leaves their focus there', async ({ page }) => {
  let release;
  const held = new Promise((r) => { release = r; });
  await withEndpoint(page, async (route) => { await held; await route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }); });
  await openComments(page);
  await page.getByRole('button', { name: 'Reply to Maren Holt' }).first().click();
  const reply = page.getByRole('form', { name: 'Reply', exact: true });
  await fill(reply, { text: 'A reply, then on to the main form.' });
  await page.waitForTimeout(3000);
  await reply.getByRole('button', { name: 'Post Comment' }).click();
  const main = mainForm(page).getByLabel('Comment', { exact: true });
  await main.click();
  await main.pressSequentially('Still typing');
  const top = () => main.evaluate((el) => Math.round(el.getBoundingClientRect().top));
  const before = await top();
  release();
  await expect(page.locator('.bs-comment--own')).toContainText('A reply, then on to the main form.');
  await page.waitForTimeout(200);
  await expect(main).toBeFocused();
  // Nor was the page taken up to the Reply button meanwhile: what they type into stays where it was on screen.
  expect(Math.abs(await top() - before)).toBeLessThanOrEqual(2);
  await main.pressSequentially(' here.');
  await expect(main).toHaveValue('Still typing here.');
});


test('a long thread (600 comments) comes a hundred at a time: Show more adds the next below the last and takes focus to its first', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await startCls(page);
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  await expect(page.getByRole('heading', { name: '600 comments' })).toBeVisible();
  // Whole threads (four comments each here): the first hundred, in order.
  await expect(page.locator('.bs-comment')).toHaveCount(100);
  await expect(page.locator('.bs-comment__author').last()).toHaveText('Reader 99');
  await formShownAndNothingMoved(page);
  const more = page.getByRole('button', { name: 'Show more comments (500 more)' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  // Focus on the first comment shown, which a screen reader reads on from.
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 100');
  await expect(page.getByRole('button', { name: 'Show more comments (400 more)' })).toBeVisible();
  for (let left = 400; left > 0; left -= 100) await page.getByRole('button', { name: `Show more comments (${left} more)` }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(600);
  await expect(page.getByRole('button', { name: /^Show more comments/ })).toHaveCount(0);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 500');
  await expectNothingMoved(page);
});

test('a reply posted in the first hundred of a long thread takes no comment shown above Show more away', async ({ page }) => {
  // 150 comments, none of them replies: the first page ends at Reader 99.
  const file = JSON.parse(longThread(150));
  for (const comment of file.comments) delete comment.parent;
  await withEndpoint(page, (route) => route.fulfill({ status: 201, contentType: 'application/json', json: { status: 'pending' } }));
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }));
  await openComments(page);
  await expect(page.locator('.bs-comment__author').last()).toHaveText('Reader 99');
  await page.getByRole('button', { name: /^Reply to Reader 3, / }).click();
  const form = page.getByRole('form', { name: 'Reply', exact: true });
  await fill(form, { text: 'A reply near the top.' });
  await page.waitForTimeout(3000);
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('A reply near the top.');
  // Reader 99 is still there above the button, its Reply too; the button says what is left.
  await expect(page.locator('.bs-comment')).toHaveCount(101);
  const order = () => shownInOrder(page);
  expect((await order()).slice(-2)).toEqual(['Reader 99', 'Show more comments (50 more)']);
  await expect(page.getByRole('button', { name: /^Reply to Reader 99, / })).toBeVisible();
  await page.getByRole('button', { name: 'Show more comments (50 more)' }).click();
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 100');
  await expect(page.locator('.bs-comment')).toHaveCount(151);
});

test('one comment with 599 replies comes two hundred at a time, cut inside its thread, and Show more lands on the next reply', async ({ page }) => {
  const file = JSON.parse(longThread(600));
  for (const comment of file.comments.slice(1)) comment.parent = 't0';
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }));
  await openComments(page);
  await expect(page.getByRole('heading', { name: '600 comments' })).toBeVisible();
  // Not all 600 at once: a whole thread on one page was a hostile file's way to hold the tab still.
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  await expect(page.locator('.bs-comment__author').last()).toHaveText('Reader 199');
  await page.getByRole('button', { name: 'Show more comments (400 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(400);
  // The replies go on in the same thread, under the same comment, and focus is on the first one added.
  await expect(page.locator('.bs-comments__list--depth-2 > li')).toHaveCount(399);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 200');
  await page.getByRole('button', { name: 'Show more comments (200 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(600);
  await expect(page.getByRole('button', { name: /^Show more comments/ })).toHaveCount(0);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 400');
});

test('a thread that has since lost its comments, reloaded where Show more had been used, shows none and still takes a comment', async ({ page }) => {
  let file = longThread(600);
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: file }));
  await openComments(page);
  await page.getByRole('button', { name: 'Show more comments (500 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  // The newsroom took the comments down; the history entry still asks for two pages of them.
  file = JSON.stringify({ format_version: 1, article: 'kim-jong-un-returns-from-russia', comments: [] });
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.getByRole('heading', { name: '0 comments' })).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await fill(mainForm(page), { text: 'First again.' });
  await mainForm(page).getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('First again.');
});

test('a reader\'s reply in the middle of a long thread, opened again later, comes after a gap, with Show more in the gap and Show later after it', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  for (let left = 500; left > 200; left -= 100) await page.getByRole('button', { name: `Show more comments (${left} more)` }).click();
  await page.getByRole('button', { name: /^Reply to Reader 350, / }).click();
  const form = page.getByRole('form', { name: 'Reply', exact: true });
  await fill(form, { text: 'My reply in the middle.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('My reply in the middle.');
  // Opened again from an address: a new history entry, with one page asked for (the same address again would
  // replace the entry, and keep the four). Not the 200 comments before the reply's page: drawing every comment
  // before a reader's own made a thread of thousands hold the page still for a second.
  await page.goto('/');
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment--own')).toContainText('My reply in the middle.');
  await expect(page.locator('.bs-comment')).toHaveCount(201);
  const order = () => shownInOrder(page);
  let seen = await order();
  // Two buttons: "more" fills the gap in order, "later" goes on after the reader's reply.
  expect(seen.slice(99, 103)).toEqual(['Reader 99', 'Show more comments (200 more)', 'Reader 300', 'Reader 301']);
  expect(seen.slice(-3)).toEqual(['Reader 398', 'Reader 399', 'Show later comments (200 more)']);
  // After it: the comments that follow, a page at a time, focus on the first one added.
  await page.getByRole('button', { name: 'Show later comments (200 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(301);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 400');
  // Kept in the history entry, as the pages before are.
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment')).toHaveCount(301);
  // A second reply, in the page asked for after the first: it brings in no page the reader did not ask for.
  await page.getByRole('button', { name: /^Reply to Reader 450, / }).click();
  await fill(form, { text: 'And another.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toHaveCount(2);
  await expect(page.locator('.bs-comment')).toHaveCount(302);
  await page.getByRole('button', { name: 'Show later comments (100 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(402);
  await expect(page.getByRole('button', { name: /^Show (more|later) comments/ })).toHaveCount(1);
  // The gap, in order, until nothing is left out.
  await page.getByRole('button', { name: 'Show more comments (200 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(502);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 100');
  await page.getByRole('button', { name: 'Show more comments (100 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(602);
  await expect(page.getByRole('button', { name: /^Show (more|later) comments/ })).toHaveCount(0);
  seen = await order();
  expect(seen.filter((name) => name !== 'Ann Reader')).toEqual(Array.from({ length: 600 }, (_, i) => `Reader ${i}`));
  expect(seen.filter((name) => name === 'Ann Reader')).toHaveLength(2);
});

test('a reply begun far down a long thread and left unsent is shown on the next visit, after a gap, marked as a draft', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  for (let left = 500; left > 200; left -= 100) await page.getByRole('button', { name: `Show more comments (${left} more)` }).click();
  await page.getByRole('button', { name: /^Reply to Reader 350, / }).click();
  const form = page.getByRole('form', { name: 'Reply', exact: true });
  await form.getByLabel('Comment', { exact: true }).fill('Half a thought about Reader 350.');
  await form.getByRole('button', { name: 'Cancel reply' }).click();
  // Another day: the story opened from an address, one page asked for.
  await page.goto('/');
  await page.goto(REFERENCE);
  await appReady(page);
  await showComments(page);
  const button = page.getByRole('button', { name: /^Reply to Reader 350, / });
  await expect(button).toHaveAccessibleDescription('Draft saved');
  // Its page after a gap (the thread from its first comment, as for a reader's own comment), not every page before.
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  const order = () => shownInOrder(page);
  expect((await order()).slice(99, 102)).toEqual(['Reader 99', 'Show more comments (200 more)', 'Reader 300']);
  await button.click();
  await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('Half a thought about Reader 350.');
  // The reader thinks better of it: the draft goes, the comments they are reading stay, and so does the way on.
  await form.getByLabel('Comment', { exact: true }).fill('');
  await form.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(button).not.toHaveAccessibleDescription('Draft saved');
  await page.getByRole('button', { name: 'Show later comments (200 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(300);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 400');
});

for (const how of ['Back', 'a reload']) test(`${how} to a long thread returns the reader to the comment they were reading, with the comments they had asked for`, async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  await page.getByRole('button', { name: 'Show more comments (500 more)' }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  // Reading Reader 150's comment, in the second hundred, at the top of the screen.
  const reading = page.locator('.bs-comment__body', { has: page.getByText('Reader 150', { exact: true }) });
  await reading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400);
  const top = await reading.evaluate((el) => Math.round(el.getBoundingClientRect().top));
  if (how === 'Back') {
    // A link where the reader is (the masthead is far above: clicking it here would scroll the page first).
    await page.evaluate(() => document.querySelector('.bs-masthead').click());
    await expect(page.locator('.bs-comment')).toHaveCount(0);
    await page.goBack();
  } else {
    await page.reload();
  }
  await appReady(page);
  await expect(page.locator('.bs-comment')).toHaveCount(200);
  await expect.poll(() => reading.evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBe(top);
});

test('back at a long thread after a reload, a reader who scrolls while its comments load is left where they scrolled to', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  let loads = 0;
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', async (route) => {
    // The second time, slowly: the reader has time to scroll before the comments are in.
    if (++loads > 1) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ contentType: 'application/json', body: longThread(600), headers: { 'cache-control': 'no-store' } });
  });
  await openComments(page);
  await page.locator('.bs-comment__body', { has: page.getByText('Reader 80', { exact: true }) }).evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(400);
  await page.reload();
  await appReady(page);
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  const scrolledTo = await page.evaluate(() => scrollY);
  await expect(page.locator('.bs-comment')).toHaveCount(100, { timeout: 10000 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => scrollY)).toBe(scrolledTo);
});

test('back at a long thread after a reload: a key that moves nothing does not lose the place, nor do comments that fail to load', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  let answer = 'slow';
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', async (route) => {
    if (answer === 'fail') return route.fulfill({ status: 500, body: 'down' });
    if (answer === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ contentType: 'application/json', body: longThread(600), headers: { 'cache-control': 'no-store' } });
  });
  answer = 'fast';
  await openComments(page);
  const reading = page.locator('.bs-comment__body', { has: page.getByText('Reader 80', { exact: true }) });
  await reading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400);
  const place = await page.evaluate(() => scrollY);
  // Control (the start of Ctrl+Tab to another tab) while the comments load.
  answer = 'slow';
  await page.reload();
  await appReady(page);
  await page.keyboard.press('Control');
  await expect(page.locator('.bs-comment')).toHaveCount(100, { timeout: 10000 });
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(place);
  // The comments fail: the page stays as far down as it goes, and the place is kept for the next visit.
  answer = 'fail';
  await page.reload();
  await appReady(page);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => history.state.broadsheetScroll)).toBe(place);
  answer = 'fast';
  await page.reload();
  await appReady(page);
  await expect(page.locator('.bs-comment')).toHaveCount(100);
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(place);
});

test('in a long thread the reader\'s own comment is shown as soon as it is sent, after a gap that Show more fills in order', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  await expect(page.locator('.bs-comment')).toHaveCount(100);
  const form = mainForm(page);
  await fill(form, { text: 'Mine, at the end of a long thread.' });
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await expect(page.locator('.bs-comment--own')).toContainText('Mine, at the end of a long thread.');
  await expect(page.getByRole('heading', { name: '601 comments' })).toBeVisible();
  // Not the 500 between: drawing them all made a post at the end of 3,000 comments take over a second.
  await expect(page.locator('.bs-comment')).toHaveCount(101);
  const more = page.getByRole('button', { name: 'Show more comments (500 more)' });
  const order = async () => (await shownInOrder(page)).slice(98);
  expect(await order()).toEqual(['Reader 98', 'Reader 99', 'Show more comments (500 more)', 'Ann Reader']);
  await more.click();
  await expect(page.locator('.bs-comment')).toHaveCount(201);
  await expect(page.locator('.bs-comment__body:focus .bs-comment__author')).toHaveText('Reader 100');
  for (let left = 400; left > 0; left -= 100) await page.getByRole('button', { name: `Show more comments (${left} more)` }).click();
  await expect(page.locator('.bs-comment')).toHaveCount(601);
  await expect(page.getByRole('button', { name: /^Show more comments/ })).toHaveCount(0);
  expect((await order()).slice(-2)).toEqual(['Reader 599', 'Ann Reader']);
  // And after a reload (kept in this browser: no endpoint), still there, with the pages asked for.
  await page.reload();
  await appReady(page);
  await showComments(page);
  await expect(page.locator('.bs-comment--own')).toContainText('Mine, at the end of a long thread.');
});

test('in a long thread the Reply opens its form and Cancel brings focus back, far down the thread', async ({ page }) => {
  await page.route('**/kim-jong-un-returns-from-russia/comments.json', (route) => route.fulfill({ contentType: 'application/json', body: longThread(600) }));
  await openComments(page);
  for (let left = 500; left > 100; left -= 100) await page.getByRole('button', { name: `Show more comments (${left} more)` }).click();
  const reply = page.getByRole('button', { name: /^Reply to Reader 480, / });
  await reply.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Reply', exact: true });
  await expect(form).toBeVisible();
  await expect(reply).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: /^Reply to Reader 12, / }).click();
  await expect(reply).toHaveAttribute('aria-expanded', 'false');
  await expect(form).toHaveCount(1);
  await form.getByRole('button', { name: 'Cancel reply' }).click();
  await expect(page.getByRole('button', { name: /^Reply to Reader 12, / })).toBeFocused();
  await expect(page.getByRole('form', { name: 'Reply', exact: true })).toHaveCount(0);
});
