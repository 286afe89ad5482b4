// The app with the keyboard alone: Tab and Shift+Tab move through the mirror's real controls
// in reading order, Enter and Space activate, the arrows page, Escape closes a term or goes up.
// Every step is a real key press (page.keyboard), and each is checked on both sides: DOM focus
// in the mirror, and the app's own idea of it (window.coach.focused, the node's focused state,
// which is what draws the ring on the canvas). Limits: focus ring pixels are not inspected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, settle, waitForView, waitForScreen, waitForFocus, activeId, focusable, addressOf, DIST } from './harness.mjs';

const env = useApp();
const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
const TALL = { width: 1024, height: 1400 };

// Exactly one node of the tree is focused, and it is `id`.
async function assertOnlyFocused(page, id) {
  const focused = (await view(page)).nodes.filter((n) => n.state?.focused).map((n) => n.id);
  assert.deepEqual(focused, [id], `focused nodes: ${focused.join(', ')}`);
}

// Presses Tab (or Shift+Tab) until `id` has focus; fails after `limit` presses.
async function tabTo(page, id, { back = false, limit = 40 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await activeId(page)) === id) return waitForFocus(page, id);
  }
  throw new Error(`Tab never reached '${id}'`);
}

test('Tab and Shift+Tab follow the reading order of the home screen', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh', viewport: TALL });
  await settle(page);
  const nodes = (await view(page)).nodes;
  const order = focusable(nodes).map((n) => n.id);
  assert.ok(order.length >= 7, `only ${order.length} controls on home: ${order.join(', ')}`);
  // Tab starts after whatever has focus now (the title, if arriving put it there).
  const start = await activeId(page);
  const after = start ? focusable(nodes.slice(nodes.findIndex((n) => n.id === start) + 1)).map((n) => n.id) : order;
  // One key press; returns where focus went once the page and the app agree on it.
  const press = async (key, from) => {
    await page.keyboard.press(key);
    await waitForView(page, (prev) => {
      const id = document.activeElement?.dataset?.id;
      return id && id !== prev && window.coach.find(id)?.state?.focused === true;
    }, from);
    const id = await activeId(page);
    await assertOnlyFocused(page, id);
    return id;
  };
  const seen = [];
  for (let i = 0; i < after.length; i++) seen.push(await press('Tab', seen.at(-1) ?? start));
  assert.deepEqual(seen, after, 'Tab from the title visits the controls after it in reading order');
  const back = [];
  for (let i = 0; i < order.length - 1; i++) back.push(await press('Shift+Tab', back.at(-1) ?? seen.at(-1)));
  assert.deepEqual(back, order.slice(0, -1).reverse(), 'Shift+Tab walks the whole reading order backwards');
  await context.close();
});

test('keyboard only: home, a lesson, page 3, a glossary term, close it, and back home', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  const lesson = builtIn.lessons[0];
  const pageWithTerm = lesson.pages[2];
  assert.match(JSON.stringify(pageWithTerm), /\[\[/, 'page 3 of the first lesson has a glossary link');

  // Home -> Lessons with Enter.
  await tabTo(page, 'module.lessons');
  await assertOnlyFocused(page, 'module.lessons');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'lessons');
  await waitForFocus(page, 'lessons.title');

  // Lessons -> the first lesson with Space.
  await tabTo(page, `lesson.${lesson.id}`);
  await page.keyboard.press('Space');
  await waitForScreen(page, 'lesson');
  await waitForFocus(page, 'lesson.title');
  assert.equal((await view(page)).nodes.find((n) => n.id === 'lesson.title').name, lesson.pages[0].title.en);

  // Two pages on with the right arrow; each page is arrived at on its title.
  for (const n of [2, 3]) {
    await page.keyboard.press('ArrowRight');
    await waitForView(page, (t) => window.coach.find('lesson.title')?.name === t, lesson.pages[n - 1].title.en);
    await waitForFocus(page, 'lesson.title');
    assert.equal(addressOf(page).page, String(n));
  }

  // A glossary link in the text, by Tab, opened with Enter: the dialog's title gets focus.
  const link = (await view(page)).nodes.find((n) => n.role === 'link' && n.href?.startsWith('#term='));
  assert.ok(link, 'a glossary link on page 3');
  await tabTo(page, link.id);
  await page.keyboard.press('Enter');
  await waitForView(page, () => window.coach.find('term')?.role === 'dialog');
  await waitForFocus(page, 'term.title');
  assert.equal(addressOf(page).term, link.href.slice('#term='.length));

  // Close with the keyboard: focus goes back into the page (the link, or the page title).
  await tabTo(page, 'term.close');
  await page.keyboard.press('Enter');
  await waitForView(page, () => !window.coach.find('term'));
  const back = await activeId(page);
  assert.ok(back === link.id || back === 'lesson.title', `after closing the term focus is on '${back}'`);
  await waitForFocus(page, back);
  assert.equal(addressOf(page).term, undefined);

  // Open it again and close it with Escape: the page stays.
  await tabTo(page, link.id, { back: back !== link.id });
  await page.keyboard.press('Enter');
  await waitForFocus(page, 'term.title');
  await page.keyboard.press('Escape');
  await waitForView(page, () => !window.coach.find('term'));
  assert.equal((await view(page)).screen, 'lesson');
  assert.equal(addressOf(page).page, '3');

  // Escape goes up: the lessons, then home, each arrived at on its title.
  await page.keyboard.press('Escape');
  await waitForScreen(page, 'lessons');
  await waitForFocus(page, 'lessons.title');
  await page.keyboard.press('Escape');
  await waitForScreen(page, 'home');
  await waitForFocus(page, 'home.title');
  await context.close();
});

test('the drawn Back button and the quote deck work from the keyboard', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&screen=quotes', viewport: TALL });
  await waitForScreen(page, 'quotes');
  const quotes = builtIn.quotes.quotes;
  await page.keyboard.press('ArrowRight');
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, quotes[1].text.zh);
  await page.keyboard.press('ArrowLeft');
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, quotes[0].text.zh);
  await tabTo(page, 'quote.next');
  await page.keyboard.press('Enter');
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, quotes[1].text.zh);
  await tabTo(page, 'quotes.back', { back: true });
  await page.keyboard.press('Enter');
  await waitForView(page, () => window.coach.screen !== 'quotes');
  assert.equal((await view(page)).screen, 'lessons', 'Back from the quote deck goes up to the lessons');
  await waitForFocus(page, 'lessons.title');
  await context.close();
});

test('window.coach.focused names the focused node, as the tree does, and focus(id) moves it', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await tabTo(page, 'module.lessons');
  assert.equal(await page.evaluate(() => window.coach.focused), 'module.lessons', 'window.coach.focused is the id of the focused node (README)');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'lessons');
  await waitForView(page, () => document.activeElement?.dataset?.id === 'lessons.title');
  assert.equal(await page.evaluate(() => window.coach.focused), 'lessons.title');
  // The entry point moves focus by meaning, and the app follows.
  assert.ok(await page.evaluate(() => window.coach.focus('lesson.credit-management')));
  await waitForFocus(page, 'lesson.credit-management');
  await context.close();
});
