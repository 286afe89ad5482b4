// Every place has an address, and the browser's history walks through what the learner
// visited: screens and lesson pages are entries, back and forward replay them, a reload opens
// the same place, and at the first entry back leaves the app. Checked with the browser's own
// back and forward (page.goBack/goForward), never by calling the app. Limits: one tab; the
// phone's back gesture is the same history call and is not driven separately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, click, waitForView, waitForReady, reloadApp, addressOf, settle, textOf, DIST } from './harness.mjs';

const env = useApp();
const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
const lesson = builtIn.lessons.find((l) => l.id === 'credit-management');
const TALL = { width: 1024, height: 1400 };

// Where the app is, as a string both the screen and the address must agree on.
async function where(page) {
  const v = await view(page);
  const title = v.nodes.find((n) => n.id === 'lesson.title')?.name;
  const shown = v.screen === 'lesson' ? `lesson ${lesson.pages.findIndex((p) => p.title.en === title) + 1}` : v.screen;
  const a = addressOf(page);
  const said = a.lesson ? `lesson ${a.page}` : a.screen || 'home';
  assert.equal(said, shown, `the address ${new URL(page.url()).search} does not say where the learner is (${shown})`);
  if (a.lesson) assert.equal(a.lesson, lesson.id);
  assert.equal(a.lang, 'en', 'the address keeps the language');
  return shown;
}

const waitForPlace = (page, place) => waitForView(page, ([p, titles]) => {
  if (p === 'home' || p === 'lessons') return window.coach.screen === p;
  return window.coach.screen === 'lesson' && window.coach.find('lesson.title')?.name === titles[Number(p.split(' ')[1]) - 1];
}, [place, lesson.pages.map((p) => p.title.en)]).catch(async (e) => {
  throw new Error(`expected ${place}, the app shows ${(await view(page)).screen} at ${new URL(page.url()).search} (${e.message})`);
});

test('back and forward walk through screens and lesson pages; a reload stays; the first entry leaves', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await settle(page);
  assert.equal(await where(page), 'home');
  const visited = ['home'];
  const go = async (id, place) => {
    await click(page, id);
    await waitForPlace(page, place);
    assert.equal(await where(page), place);
    visited.push(place);
  };
  await go('module.lessons', 'lessons');
  await go(`lesson.${lesson.id}`, 'lesson 1');
  await go('page.next', 'lesson 2');
  await go('page.next', 'lesson 3');

  for (const place of visited.slice(0, -1).reverse()) {
    await page.goBack();
    await waitForPlace(page, place);
    assert.equal(await where(page), place);
  }
  for (const place of visited.slice(1)) {
    await page.goForward();
    await waitForPlace(page, place);
    assert.equal(await where(page), place);
  }

  // A reload opens the page shown, and the history before it still works.
  await reloadApp(page);
  assert.equal(await where(page), 'lesson 3');
  for (const place of visited.slice(0, -1).reverse()) {
    await page.goBack();
    await waitForPlace(page, place);
    assert.equal(await where(page), place);
  }
  await page.goBack();
  await page.waitForURL('about:blank', { timeout: 10000 });
  assert.equal(page.url(), 'about:blank', 'back at the first entry leaves the app');
  await context.close();
});

test('the drawn Back goes up to the parent, through the history when the learner came that way', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await settle(page);
  await click(page, 'module.lessons');
  await waitForPlace(page, 'lessons');
  await click(page, `lesson.${lesson.id}`);
  await waitForPlace(page, 'lesson 1');
  await click(page, 'page.next');
  await waitForPlace(page, 'lesson 2');
  await click(page, 'lesson.back');  // up: the lessons, not the page before
  await waitForPlace(page, 'lessons');
  assert.equal(await where(page), 'lessons');
  await click(page, 'lessons.back');
  await waitForPlace(page, 'home');
  assert.equal(await where(page), 'home');
  // Up went back through the history, so no entries were left behind: back leaves the app.
  await page.waitForTimeout(200);
  await page.goBack();
  await page.waitForURL('about:blank', { timeout: 10000 });
  await context.close();
});

test('after a deep link the drawn Back still goes up, and the address follows', async () => {
  const { page, context } = await openApp(env, { query: `?lang=en&lesson=${lesson.id}&page=3`, viewport: TALL });
  assert.equal(await where(page), 'lesson 3');
  await click(page, 'lesson.back');
  await waitForPlace(page, 'lessons');
  assert.equal(await where(page), 'lessons');
  await click(page, 'lessons.back');
  await waitForPlace(page, 'home');
  assert.equal(await where(page), 'home');
  await context.close();
});

test('screens have addresses: settings, glossary, quote cards, modules', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&screen=quotes&quote=3', viewport: TALL });
  assert.equal((await view(page)).screen, 'quotes');
  assert.equal(await textOf(page, 'quote.text'), builtIn.quotes.quotes[2].text.en);
  await click(page, 'quote.next');
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, builtIn.quotes.quotes[3].text.en);
  assert.equal(addressOf(page).quote, '4');
  await page.goBack();
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, builtIn.quotes.quotes[2].text.en);
  assert.equal(addressOf(page).quote, '3');
  for (const [screen, title] of [['settings', 'settings.title'], ['glossary', 'glossary.title'], ['quizzes', 'quizzes.title']]) {
    await page.goto(`${env.url}?lang=zh&screen=${screen}`);
    await waitForReady(page);
    assert.ok((await view(page)).nodes.some((n) => n.id === title), `?screen=${screen} shows ${title}`);
    assert.equal(addressOf(page).screen, screen);
  }
  await context.close();
});

test('a link to a lesson that does not exist opens the lessons and says so in words', async () => {
  for (const [lang, words] of [['en', /lesson “nope” that does not exist/], ['zh', /课程“nope”不存在/]]) {
    const { page, context } = await openApp(env, { query: `?lang=${lang}&lesson=nope`, viewport: TALL });
    assert.equal((await view(page)).screen, 'lessons');
    const notice = await textOf(page, 'link.notice.text');
    assert.match(notice, words);
    assert.doesNotMatch(notice, /line \d|HTTP|\bnull\b|undefined|\?lesson=/, `technical words in: ${notice}`);
    assert.equal(addressOf(page).screen, 'lessons', 'the address says where the learner is now');
    assert.equal(addressOf(page).lesson, undefined);
    await context.close();
  }
});
