// The page shell and home screen, seen as a learner sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, view, item, click, tap, center, waitForView, settle } from './harness.mjs';

const env = useApp();
const CLOSING = '，。、；：？！）》」』”’…';
const OPENING = '（《「『“‘';
const TALL = { width: 1024, height: 1400 };  // the whole home screen, the goal field included

test('loads with no console errors and shows the home screen', async () => {
  const { page, errors, context } = await openApp(env);
  await settle(page);
  const v = await view(page);
  assert.equal(v.screen, 'home');
  assert.ok(v.firstFrameMs > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('home lists the four modules in Chinese, then in English after switching, and remembers', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh' });
  let v = await view(page);
  assert.equal(v.lang, 'zh');
  const modules = (vv) => ['lessons', 'quizzes', 'assessment', 'plan'].map((m) => vv.nodes.find((i) => i.id === `module.${m}`).text);
  assert.deepEqual(modules(v), ['课程', '测验 · 即将开放', '自我评估 · 即将开放', '回款计划 · 即将开放']);
  await click(page, 'lang.switch');
  await waitForView(page, () => window.coach.lang === 'en');
  v = await view(page);
  assert.deepEqual(modules(v), ['Lessons', 'Quizzes · Coming soon', 'Self-assessment · Coming soon', 'Collection plan · Coming soon']);
  assert.match(page.url(), /lang=en/);
  await page.reload();
  await page.waitForFunction(() => window.coach && window.coach.ready);
  assert.equal((await view(page)).lang, 'en');
  await context.close();
});

test('the language follows the browser when nothing else says', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const { page } = await openApp(env, { context });
  assert.equal((await view(page)).lang, 'en');
  await context.close();
  const zhContext = await env.browser.newContext({ locale: 'zh-CN' });
  const zh = await openApp(env, { context: zhContext });
  assert.equal((await view(zh.page)).lang, 'zh');
  await zhContext.close();
});

test('a long Chinese paragraph fills the width without ragged lines', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: { width: 360, height: 740 }, scale: 3, mobile: true });
  const v = await view(page);
  const lines = v.nodes.filter((i) => i.group === 'home.intro');
  assert.ok(lines.length >= 4, `only ${lines.length} lines`);
  const column = 360 - 2 * 16;
  const glyph = lines[0].h;  // one ideograph is about one line height wide
  for (const [index, line] of lines.entries()) {
    assert.ok(line.x + line.w <= 360, `line ${index} overflows`);
    assert.ok(!CLOSING.includes([...line.text][0]), `line ${index} starts with closing punctuation: ${line.text}`);
    assert.ok(!OPENING.includes([...line.text].at(-1)), `line ${index} ends with opening punctuation: ${line.text}`);
    if (index < lines.length - 1) assert.ok(line.w >= column - 2 * glyph, `line ${index} is ragged: ${line.w} of ${column}`);
  }
  assert.ok(lines.map((l) => l.text).join('').startsWith('这门课来自“销售团队如何迭代升级”线上分享会。'));
  await context.close();
});

test('draws no frames at all while idle', async () => {
  const { page, context } = await openApp(env);
  const before = await settle(page);
  await page.waitForTimeout(3000);
  const afterIdle = (await view(page)).frames;
  assert.equal(afterIdle - before, 0, `${afterIdle - before} frames drawn while idle`);
  await page.mouse.move(200, 200);  // input wakes it again
  await waitForView(page, (n) => window.coach.frames > n, afterIdle);
  await context.close();
});

test('types Chinese through IME composition into a field', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: TALL });
  await settle(page);
  await click(page, 'goal');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-agent');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'huikuan', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.imeSetComposition', { text: '回款', selectionStart: 2, selectionEnd: 2 });
  assert.equal((await item(page, 'goal')).value, '', 'unfinished composition must not reach the field');
  await cdp.send('Input.insertText', { text: '回款计划' });
  await waitForView(page, () => window.coach.find('goal').state?.valueText === '回款计划');
  // Latin typing, Backspace and Enter go through the same agent.
  await page.keyboard.type(' Q3');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await waitForView(page, () => window.coach.find('goal').state?.valueText === '回款计划 Q');
  await page.waitForFunction(() => document.activeElement.id !== 'text-agent');  // Enter ends editing
  await context.close();
});

test('paste and copy go through the page clipboard events', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await settle(page);
  await click(page, 'goal');
  await page.waitForFunction(() => document.activeElement.id === 'text-agent');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '账龄60天');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await waitForView(page, () => window.coach.find('goal').state?.valueText.endsWith('账龄60天'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  assert.ok(copied.endsWith('账龄60天'), `copied '${copied}'`);
  await context.close();
});

test('on a 360x740 phone: one column, tap opens, drag scrolls, double tap does not zoom', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: { width: 360, height: 740 }, scale: 2, mobile: true });
  await settle(page);
  const v = await view(page);
  for (const it of v.nodes) assert.ok(it.x >= 0 && it.x + it.w <= 360 + 0.5, `${it.id} is outside the column`);
  const cards = ['lessons', 'quizzes', 'assessment', 'plan'].map((m) => v.nodes.find((i) => i.id === `module.${m}`));
  for (let i = 1; i < cards.length; i++) {
    assert.equal(cards[i].x, cards[0].x);
    assert.ok(cards[i].y >= cards[i - 1].y + cards[i - 1].h, 'cards stack vertically');
  }
  assert.ok(cards[0].w >= 320, 'cards use the column width');
  assert.equal(await page.evaluate(() => document.querySelector('canvas').width), 720);

  // A drag with a finger scrolls and does not open what it started on.
  const start = center(cards[1]);
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: start.x, y }] });
  await touch('touchStart', start.y);
  for (let step = 1; step <= 10; step++) await touch('touchMove', start.y - step * 25);
  await touch('touchEnd');
  await waitForView(page, (y0) => window.coach.find('module.quizzes').rect[1] < y0 - 100, cards[1].y);
  assert.equal((await view(page)).screen, 'home');

  // Double tap: no page zoom.
  const title = center(await item(page, 'home.title'));
  await page.touchscreen.tap(title.x, title.y);
  await page.touchscreen.tap(title.x, title.y);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.visualViewport.scale), 1);

  // A tap opens the module, which says honestly that it is not ready; Back returns.
  await tap(page, 'module.plan');
  await waitForView(page, () => window.coach.screen === 'module.plan');
  assert.equal((await item(page, 'module.status')).text, '即将开放');
  await tap(page, 'back');
  await waitForView(page, () => window.coach.screen === 'home');
  await context.close();
});

test('follows resizes and the pixel ratio', async () => {
  const { page, context } = await openApp(env, { viewport: { width: 800, height: 600 }, scale: 2 });
  await page.setViewportSize({ width: 500, height: 700 });
  await page.waitForFunction(() => document.querySelector('canvas').width === 1000);
  await waitForView(page, () => window.coach.find('module.lessons').rect[2] <= 500 - 32);
  assert.equal(await page.evaluate(() => document.querySelector('canvas').height), 1400);
  // The mouse wheel scrolls, even before the pointer has moved.
  const y0 = (await item(page, 'module.plan')).y;
  await page.mouse.wheel(0, 300);
  await waitForView(page, (y) => window.coach.find('module.plan').rect[1] < y - 100, y0);
  await context.close();
});

test('says plainly when WebAssembly is missing', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const { page } = await openApp(env, { context });
  assert.equal((await view(page)).problem, 'wasm');
  assert.match(await page.textContent('#problem-zh'), /不支持 WebAssembly/);
  assert.match(await page.textContent('#problem-en'), /does not support WebAssembly/);
  await context.close();
});

test('says plainly when WebGL2 is missing', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
  });
  const { page } = await openApp(env, { context });
  assert.equal((await view(page)).problem, 'webgl');
  assert.ok(await page.isVisible('#problem'));
  assert.match(await page.textContent('#problem-zh'), /WebGL2/);
  assert.match(await page.textContent('#problem-en'), /WebGL2 is not available/);
  await context.close();
});
