// The page shell and home screen, seen as a learner sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, item, click, tap, center, onScreen, waitForView, reloadApp, settle, addressOf, ROOT } from './harness.mjs';

const env = useApp();
// The home screen's introduction as the app's messages hold it (the first string of its entry).
const HOME_INTRO_ZH = /Msg::home_intro,\s*"([^"]*)"/.exec(await readFile(join(ROOT, 'app/core/i18n.cpp'), 'utf8'))[1];

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
  // A card is named by its title; "coming soon" is the end of its description.
  const modules = (vv) => ['lessons', 'quizzes', 'assessment', 'plan'].map((m) => vv.nodes.find((i) => i.id === `module.${m}`))
    .map((n) => `${n.role}: ${n.name}${/ · (即将开放|Coming soon)$/.exec(n.description)?.[0] ?? ''}`);
  assert.deepEqual(modules(v), ['button: 课程', 'button: 测验', 'button: 自我评估', 'button: 回款计划']);
  await click(page, 'lang.switch');
  await waitForView(page, () => window.coach.lang === 'en');
  v = await view(page);
  assert.deepEqual(modules(v), ['button: Lessons', 'button: Quizzes', 'button: Self-assessment', 'button: Collection plan']);
  assert.match(page.url(), /lang=en/);
  await reloadApp(page);
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

test('a long Chinese paragraph is one node that fits the phone column', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: { width: 360, height: 740 }, scale: 3, mobile: true });
  const intro = await item(page, 'home.intro');
  assert.equal(intro.role, 'paragraph');
  assert.equal(intro.name, HOME_INTRO_ZH, 'the whole paragraph is its name, not one line of it');
  assert.equal(intro.children, undefined, 'lines are not nodes');
  const column = 360 - 2 * 16;
  assert.ok(intro.x >= 16 - 0.5 && intro.x + intro.w <= 360 - 16 + 0.5, `the paragraph [${intro.x}, ${intro.x + intro.w}] leaves the column`);
  const em = 17;  // one body ideograph: a justified Chinese line ends within a glyph or two of the edge
  assert.ok(intro.w >= column - 2 * em, `the paragraph is ${intro.w} px wide of ${column}: its lines are ragged`);
  assert.ok(intro.h >= 4 * em, 'the text wraps onto several lines');
  await context.close();
});

test('while idle: no frames drawn and the mirror untouched', async () => {
  const { page, context } = await openApp(env);
  const before = await settle(page);
  // The mirror is updated by difference: an unchanged tree changes no element.
  await page.evaluate(() => {
    window.mirrorMutations = [];
    new MutationObserver((records) => window.mirrorMutations.push(...records.map((r) => `${r.type} ${r.target.dataset?.id ?? r.target.nodeName} ${r.attributeName ?? ''}`)))
      .observe(document.getElementById('mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.waitForTimeout(2500);
  const afterIdle = (await view(page)).frames;
  assert.equal(afterIdle - before, 0, `${afterIdle - before} frames drawn while idle`);
  assert.deepEqual(await page.evaluate(() => window.mirrorMutations), [], 'the mirror changed while idle');
  await page.mouse.move(200, 200);  // input wakes it again
  await waitForView(page, (n) => window.coach.frames > n, afterIdle);
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

  // A drag with a finger scrolls and does not open what it started on (a control low on the
  // screen: the module cards may begin below the fold).
  const under = v.nodes.filter((n) => n.role === 'button' && n.y > 400 && n.y + n.h < 700);
  assert.ok(under.length > 0, 'a button low on the screen to start the drag on');
  const start = center(under[0]);
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: start.x, y }] });
  await touch('touchStart', start.y);
  for (let step = 1; step <= 10; step++) await touch('touchMove', start.y - step * 38);
  await touch('touchEnd');
  await waitForView(page, (y0) => window.coach.find('module.quizzes').rect[1] < y0 - 100, cards[1].y);
  assert.equal((await view(page)).screen, 'home');

  // Double tap on text: no page zoom.
  const text = (await view(page)).nodes.find((n) => ['heading', 'paragraph', 'text'].includes(n.role) && n.y >= 0 && n.y + n.h <= 740);
  assert.ok(text, 'some text is on screen');
  const at = await onScreen(page, text.id);
  await page.touchscreen.tap(at.x, at.y);
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.visualViewport.scale), 1);

  // A tap opens the collection plan, which is its own build (app-plan.wasm): the first load
  // left it out, and the page loads it for the plan's address. Back returns.
  await settle(page);  // the fling after the drag has come to rest
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
  assert.ok((await loaded()).includes('app.wasm'));
  assert.ok(!(await loaded()).includes('app-plan.wasm'), 'the first load leaves the plan out');
  await tap(page, 'module.plan');
  await waitForView(page, () => window.coach?.ready && window.coach.screen === 'plan');
  assert.ok((await loaded()).includes('app-plan.wasm'));
  assert.equal(addressOf(page).screen, 'plan');
  assert.equal((await item(page, 'plan.title')).name, '回款计划');
  await tap(page, 'plan.back');
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

test('the app draws the same again after the WebGL context is lost and restored', async () => {
  const { page, errors, context } = await openApp(env);
  await settle(page);
  const canvas = page.locator('#canvas');
  const reference = await canvas.screenshot();
  await page.evaluate(() => {
    window.loseGl = document.querySelector('#canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.loseGl.loseContext();
  });
  await page.waitForFunction(() => document.querySelector('#canvas').getContext('webgl2').isContextLost());
  await page.evaluate(() => window.loseGl.restoreContext());
  await page.waitForFunction(() => !document.querySelector('#canvas').getContext('webgl2').isContextLost());
  // No input: the page redraws a restored canvas by itself.
  await page.waitForTimeout(500);
  assert.ok(reference.equals(await canvas.screenshot()), 'the restored canvas differs from the one before the loss');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the plain version of the lessons is linked from the app and needs no script', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&screen=lessons' });
  const link = (await view(page)).nodes.find((n) => n.id === 'lessons.plain');
  assert.equal(link.role, 'link');
  assert.equal(link.href, 'lessons/index.en.html');
  await page.evaluate(() => window.coach.activate('lessons.plain'));
  await page.waitForURL(/lessons\/index\.en\.html$/);
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await context.close();
});
