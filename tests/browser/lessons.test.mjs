// The course as a learner reads it: lessons in both languages, deep links, resuming,
// glossary terms, the quote deck, and an instructor's own course file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, item, click, activate, tap, center, waitForView, waitForScreen, waitForReady, reloadApp, settle, textOf, DIST } from './harness.mjs';

const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
const lessonOf = (id) => builtIn.lessons.find((l) => l.id === id);

// An instructor's course: the built-in one cut down to one lesson with its own title.
const custom = structuredClone(builtIn);
custom.course.title = { zh: '讲师的课程', en: "The instructor's course" };
custom.lessons = [custom.lessons[3]];
custom.quotes.quotes = custom.quotes.quotes.filter((q) => q.lesson === custom.lessons[0].id);
// A broken one: a missing translation and a link to a term that does not exist.
const broken = structuredClone(builtIn);
broken.lessons[0].pages[0].title.en = '';
broken.lessons[1].pages[0].blocks[0].text.zh += '[[不存在|no-such-term]]';

const env = useApp({
  extra: {
    '/courses/custom.json': JSON.stringify(custom, null, 1),
    '/courses/broken.json': JSON.stringify(broken, null, 1),
    '/courses/not-json.json': '{"format": "collection-coach-course", "lessons": [',
  },
});

// Home -> Lessons -> a lesson, by clicks.
async function openFromHome(page, lessonId) {
  await click(page, 'module.lessons');
  await waitForScreen(page, 'lessons');
  await click(page, `lesson.${lessonId}`);
  await waitForScreen(page, 'lesson');
}

async function readThrough(page, lessonId, advance) {
  const lesson = lessonOf(lessonId);
  for (let i = 0; i < lesson.pages.length; i++) {
    await waitForView(page, (t) => window.coach.screen === 'lesson' && window.coach.find('lesson.title')?.name === t,
      lesson.pages[i].title[(await view(page)).lang]);
    await advance(i);
  }
  await waitForScreen(page, 'lessons');
}

test('reads a lesson through in Chinese by button and in English by arrow key', async () => {
  const { page, context, errors } = await openApp(env, { query: '?lang=zh', viewport: { width: 1024, height: 1400 } });
  await settle(page);
  await click(page, 'module.lessons');
  await waitForScreen(page, 'lessons');
  // A card is a button named by its title; what it is about and its progress are its description.
  let card = await item(page, 'lesson.six-steps');
  assert.equal(card.role, 'button');
  assert.equal(card.name, lessonOf('six-steps').title.zh);
  assert.match(card.description, / · 未开始$/);
  await click(page, 'lesson.six-steps');
  await readThrough(page, 'six-steps', async () => click(page, 'page.next'));
  card = await item(page, 'lesson.six-steps');
  assert.equal(card.name, lessonOf('six-steps').title.zh);
  assert.match(card.description, / · 已学完$/);
  assert.match(await textOf(page, 'lessons.progress'), /已学 5 \/ 28 页/);

  await page.goto(env.url + '?lang=en');
  await waitForReady(page);
  await openFromHome(page, 'team-kpi');
  const first = lessonOf('team-kpi').pages[0];
  await waitForView(page, (t) => window.coach.find('lesson.title')?.name === t, first.title.en);
  assert.ok((await textOf(page, 'block.0')).length > 20);
  await readThrough(page, 'team-kpi', async () => page.keyboard.press('ArrowRight'));
  assert.match((await item(page, 'lesson.team-kpi')).description, / · Finished$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the browser's back button goes back inside the app", async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: { width: 1024, height: 1400 } });
  await settle(page);
  await openFromHome(page, 'credit-management');
  await page.goBack();
  await waitForScreen(page, 'lessons');
  await page.goBack();
  await waitForScreen(page, 'home');
  // Coming home by the app's own Back leaves no extra entry behind: the next back leaves the app.
  await activate(page, 'settings');  // below the fold now that home lists the lesson progress
  await waitForScreen(page, 'settings');
  await click(page, 'settings.back');
  await waitForScreen(page, 'home');
  await page.waitForTimeout(300);
  await page.goBack();
  assert.equal(page.url(), 'about:blank');
  await context.close();
});

test('a deep link opens a lesson at a page', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&lesson=buyer-roles&page=3' });
  const v = await view(page);
  assert.equal(v.screen, 'lesson');
  assert.equal((await item(page, 'lesson.title')).text, lessonOf('buyer-roles').pages[2].title.zh);
  assert.equal((await item(page, 'page.indicator')).text, `第 3 / ${lessonOf('buyer-roles').pages.length} 页`);
  await context.close();
});

test('resumes where the learner left off after a reload', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: { width: 1024, height: 1400 } });
  await settle(page);
  await openFromHome(page, 'left-right-brain');
  for (let i = 0; i < 3; i++) {
    await waitForView(page, (n) => window.coach.find('page.indicator')?.name.startsWith(`Page ${n} `), i + 1);
    await click(page, 'page.next');
  }
  const expected = lessonOf('left-right-brain').pages[3].title.en;
  await waitForView(page, (t) => window.coach.find('lesson.title')?.name === t, expected);
  // A reload opens the page shown (its address says so) ...
  await reloadApp(page);
  assert.equal((await item(page, 'lesson.title')).name, expected);
  // ... and a fresh start at home offers to continue there.
  await page.goto(env.url + '?lang=en');
  await waitForReady(page);
  assert.equal((await item(page, 'continue')).name, `Continue: ${lessonOf('left-right-brain').title.en}`);
  // The home screen shows progress per lesson and for the course.
  const pages = lessonOf('left-right-brain').pages.length;
  assert.match((await item(page, 'home.lesson.left-right-brain')).text, new RegExp(` 4 / ${pages}$`));
  assert.match((await item(page, 'home.lesson.six-steps')).text, / 0 \/ 5$/);
  assert.match(await textOf(page, 'home.course'), /4 of 28 pages read/);
  await click(page, 'continue');
  await waitForView(page, (t) => window.coach.find('lesson.title')?.name === t, expected);
  await context.close();
});

test('a glossary term in the text opens its definition', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&lesson=credit-management&page=1', mobile: true, viewport: { width: 390, height: 844 } });
  await settle(page);
  const link = (await view(page)).nodes.find((i) => i.role === 'link' && /^block\.\d+(\.\d+)?\.link\.\d+$/.test(i.id));
  assert.ok(link, 'the page has a glossary link');
  assert.match(link.href, /^#term=/);
  const term = builtIn.glossary.terms.find((t) => link.href === `#term=${t.id}`);
  assert.ok(term, `the link ${link.href} names a glossary term`);
  assert.ok(link.name.length > 0 && (await item(page, link.parent)).name.includes(link.name), 'the link is a part of its paragraph');
  await page.touchscreen.tap(center(link).x, center(link).y);
  await waitForView(page, () => window.coach.find('term')?.role === 'dialog');
  assert.equal((await item(page, 'term')).name, term.term.zh);
  assert.equal((await item(page, 'term.title')).text, term.term.zh);
  assert.equal(await textOf(page, 'term.definition'), term.definition.zh);
  assert.equal(new URL(page.url()).searchParams.get('term'), term.id, 'an open term is in the address');
  await tap(page, 'term.close');
  await waitForView(page, () => !window.coach.find('term'));
  assert.equal(new URL(page.url()).searchParams.get('term'), null);
  assert.equal((await view(page)).screen, 'lesson');
  await context.close();
});

test('pages and quote cards follow a swipe', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&lesson=six-steps&page=1', mobile: true, viewport: { width: 390, height: 844 } });
  await settle(page);
  const cdp = await context.newCDPSession(page);
  const drag = async (from, to) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let s = 1; s <= 8; s++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + ((to.x - from.x) * s) / 8, y: from.y + ((to.y - from.y) * s) / 8 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  const swipe = (fromX, toX) => drag({ x: fromX, y: 400 }, { x: toX, y: 400 });
  await swipe(330, 60);
  await waitForView(page, () => window.coach.find('page.indicator')?.name.startsWith('第 2 '));
  await swipe(60, 330);
  await waitForView(page, () => window.coach.find('page.indicator')?.name.startsWith('第 1 '));
  await tap(page, 'lesson.back');
  await waitForScreen(page, 'lessons');
  while ((await item(page, 'quotes')).y + 60 > 844) {  // scroll down by finger, and let the fling come to rest
    await drag({ x: 200, y: 700 }, { x: 200, y: 200 });
    await settle(page);
  }
  const card = await item(page, 'quotes');
  await tap(page, 'quotes');
  await waitForScreen(page, 'quotes').catch(async (e) => {
    const now = (await view(page)).nodes.find((n) => n.id === 'quotes');
    throw new Error(`a tap on the quotes card drawn at [${card.rect.map(Math.round)}] did not open it (it is now at [${now?.rect.map(Math.round)}]): ${e.message}`);
  });
  assert.equal(await textOf(page, 'quote.text'), builtIn.quotes.quotes[0].text.zh);
  await swipe(330, 60);
  await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, builtIn.quotes.quotes[1].text.zh);
  await context.close();
});

test('an instructor course file loads with the same checks', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&content=courses/custom.json' });
  await click(page, 'module.lessons');
  await waitForScreen(page, 'lessons');
  assert.equal((await item(page, 'lessons.course')).text, "The instructor's course");
  const cards = (await view(page)).nodes.filter((i) => /^lesson\.[^.]+$/.test(i.id) && i.role === 'button');
  assert.deepEqual(cards.map((c) => c.id), [`lesson.${custom.lessons[0].id}`]);
  await context.close();
});

test('a broken or unreachable ?content= file shows its reasons and falls back to the built-in course', async () => {
  let { page, context } = await openApp(env, { query: '?lang=en&content=courses/broken.json', viewport: { width: 1024, height: 1400 } });
  let notice = await textOf(page, 'content.notice.text');
  assert.match(notice, /course file from your instructor \(courses\/broken\.json\) cannot be used/);
  const problems = (await view(page)).nodes.filter((i) => i.id.startsWith('content.problem.')).map((i) => i.text).join(' ');
  assert.match(problems, /courses\/broken\.json:\d+: “lessons\[0\]\.pages\[0\]\.title” has no English text\./);
  assert.match(problems, /A link points to the term “no-such-term”, which is not in the glossary\./);
  await click(page, 'module.lessons');
  await waitForScreen(page, 'lessons');
  assert.equal((await item(page, 'lessons.course')).text, builtIn.course.title.en);  // the built-in course
  await context.close();

  ({ page, context } = await openApp(env, { query: '?lang=zh&content=courses/missing.json' }));
  // Said in words; the technical reason goes on its own details line.
  notice = await textOf(page, 'content.notice.text');
  assert.match(notice, /讲师提供的课程文件无法下载（courses\/missing\.json），现在显示的是内置课程。/);
  assert.doesNotMatch(notice, /HTTP/);
  assert.match(await textOf(page, 'content.details'), /HTTP 404/);
  await context.close();

  ({ page, context } = await openApp(env, { query: '?lang=en&content=courses/not-json.json' }));
  const reasons = (await view(page)).nodes.filter((i) => i.id.startsWith('content.problem.')).map((i) => i.text).join('');
  assert.match(reasons, /not-json\.json:1: This is not valid JSON/);
  await context.close();
});
