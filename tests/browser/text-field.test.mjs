// Text fields as a learner uses them: the field drawn on the canvas is edited in the mirror's
// real <input>, so the platform's IME, clipboard keys, Backspace, Select all and emoji behave
// as on any page, and what is typed is stored exactly. Everything here goes through real key
// presses and Chromium's own IME and clipboard entry points (CDP), never through synthetic DOM
// events, which a real input would ignore. Limits: one desktop Chromium on Linux; the phone
// keyboard is not emulated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, waitForView, reloadApp, settle, focusField } from './harness.mjs';

const env = useApp();
const TALL = { width: 1024, height: 1400 };  // the whole home screen, the goal field included
const DOC = 'collection-coach/key-account-collection/document';

const goalValue = (page) => page.evaluate(() => window.coach.find('goal')?.state?.valueText ?? '');
const waitForGoal = (page, text) => waitForView(page, (t) => window.coach.find('goal')?.state?.valueText === t, text)
  .catch(async (e) => { throw new Error(`the goal never became ${JSON.stringify(text)}: it is ${JSON.stringify(await goalValue(page))} (${e.message})`); });

test('types Chinese through IME composition: the pre-edit is drawn, only the chosen text is kept', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: TALL });
  await settle(page);
  await focusField(page, 'goal');
  const cdp = await context.newCDPSession(page);
  const framesBefore = (await page.evaluate(() => window.coach.frames));
  await cdp.send('Input.imeSetComposition', { text: 'huikuan', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.imeSetComposition', { text: '回款', selectionStart: 2, selectionEnd: 2 });
  // The pre-edit is drawn (a frame follows) but is not the field's text.
  await waitForView(page, (n) => window.coach.frames > n, framesBefore);
  assert.equal(await goalValue(page), '', 'an unfinished composition must not become the text');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'goal');
  await cdp.send('Input.insertText', { text: '回款计划' });
  await waitForGoal(page, '回款计划');
  // Composing again in the middle of existing text keeps that text as it was.
  await cdp.send('Input.imeSetComposition', { text: 'q', selectionStart: 1, selectionEnd: 1 });
  await page.waitForTimeout(100);
  assert.equal(await goalValue(page), '回款计划');
  await cdp.send('Input.insertText', { text: '全' });
  await waitForGoal(page, '回款计划全');
  // Latin typing and Backspace go to the same input.
  await page.keyboard.type(' Q3');
  await page.keyboard.press('Backspace');
  await waitForGoal(page, '回款计划全 Q');
  await context.close();
});

test('Ctrl+V and Shift+Insert paste from the real clipboard exactly once; Ctrl+C copies', async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'en-US' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.url).origin });
  const { page } = await openApp(env, { query: '?lang=en', context });
  await settle(page);
  await page.evaluate(() => navigator.clipboard.writeText('账龄60天'));
  await focusField(page, 'goal');
  await page.keyboard.press('Control+V');
  await waitForGoal(page, '账龄60天');
  await page.keyboard.press('Shift+Insert');
  await waitForGoal(page, '账龄60天账龄60天');
  await page.waitForTimeout(300);  // a second paste from one key press would show up by now
  assert.equal(await goalValue(page), '账龄60天账龄60天', 'each key press pastes once');
  // Select all and copy: the clipboard holds the field's text.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '账龄60天账龄60天');
  // Select all then type replaces, as in any field.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('DSO 45');
  await waitForGoal(page, 'DSO 45');
  await context.close();
});

test('emoji and characters beyond the BMP are stored exactly as typed', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: TALL });
  await settle(page);
  const typed = '回款 💰 𠀀';
  await focusField(page, 'goal');
  await page.keyboard.insertText(typed);
  await waitForGoal(page, typed);
  await reloadApp(page);
  const after = await goalValue(page);
  assert.deepEqual(Buffer.from(after, 'utf8'), Buffer.from(typed, 'utf8'), `stored ${JSON.stringify(after)}`);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).document.prefs.goal, DOC);
  assert.deepEqual(Buffer.from(stored, 'utf8'), Buffer.from(typed, 'utf8'));
  // The field shows it again when focused: its input holds the exact text.
  await focusField(page, 'goal');
  assert.equal(await page.evaluate(() => document.activeElement.value), typed);
  await context.close();
});

test('Escape in a text field keeps what was typed, on screen and after a reload', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await settle(page);
  await focusField(page, 'goal');
  await page.keyboard.type('collect before the next order');
  await waitForGoal(page, 'collect before the next order');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  assert.equal(await goalValue(page), 'collect before the next order');
  assert.equal((await page.evaluate(() => window.coach.screen)), 'home', 'Escape in a field does not leave the screen');
  await reloadApp(page);
  assert.equal(await goalValue(page), 'collect before the next order');
  await context.close();
});
