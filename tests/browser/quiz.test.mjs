// Quizzes in the browser, driven by meaning (window.coach.activate) and by real key presses:
// a quiz with an ordering item, a matching item and a scenario finished with a known score, a
// missed item found due in review the next day, a reload in the middle of a quiz, and the
// results exported for an instructor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, item, activate, waitForView, reloadApp, addressOf, ROOT, DIST, activeId, waitForFocus, gotoApp, textOf } from './harness.mjs';

const QUIZ = JSON.parse(await readFile(join(ROOT, 'content/quizzes/4-credit-management.json'), 'utf8'));

// An instructor's course with its own quiz inside its file, and one whose quiz links a page the
// course does not have.
const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
const withQuiz = structuredClone(builtIn);
withQuiz.course.title = { zh: '讲师的课程', en: 'The instructor’s course' };
withQuiz.lessons = builtIn.lessons.filter((l) => l.id === QUIZ.lesson);
withQuiz.quotes.quotes = builtIn.quotes.quotes.filter((q) => q.lesson === QUIZ.lesson);
withQuiz.quizzes = [structuredClone(QUIZ)];
const brokenQuiz = structuredClone(withQuiz);
brokenQuiz.quizzes[0].items[0].link.page = 'no-such-page';

const env = useApp({
  extra: {
    '/courses/with-quiz.json': JSON.stringify(withQuiz, null, 1),
    '/courses/broken-quiz.json': JSON.stringify(brokenQuiz, null, 1),
  },
});
const TALL = { width: 1024, height: 1400 };
const DOC = 'collection-coach/key-account-collection/document';

// The learner's document as storage holds it, after writing what the app has not written yet.
async function storedDoc(page) {
  await page.evaluate(() => window.coachStorage.flush());
  return JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DOC)).document;
}
const shownItem = (page) => waitForView(page, () => window.coach.screen === 'quiz' && window.coach.find('item'));

// The best path through a scenario: the shortest run of replies to an ending scoring 1.
function bestPath(it) {
  const queue = [[it.start, []]];
  const seen = new Set();
  while (queue.length) {
    const [at, path] = queue.shift();
    const ending = it.endings.find((e) => e.id === at);
    if (ending) { if (ending.score === 1) return path; continue; }
    if (seen.has(at)) continue;
    seen.add(at);
    for (const r of it.nodes.find((n) => n.id === at).replies) queue.push([r.next, [...path, r.id]]);
  }
  throw new Error('no best ending');
}

// A path to the ending `endingId` (breadth first).
function pathTo(it, endingId) {
  const queue = [[it.start, []]];
  while (queue.length) {
    const [at, path] = queue.shift();
    if (at === endingId) return path;
    const node = it.nodes.find((n) => n.id === at);
    if (node) for (const r of node.replies) queue.push([r.next, [...path, r.id]]);
  }
  throw new Error(`no path to ${endingId}`);
}

// The step ids of an ordering item as shown, top to bottom.
async function shownSteps(page) {
  const v = await view(page);
  return v.nodes.filter((n) => n.parent === 'steps' && n.id.startsWith('step-')).map((n) => n.id.slice('step-'.length));
}

// Answers the item shown, right unless `wrong` (a single choice answered with a wrong option)
// or `ending` (a scenario walked to that ending). Checks it unless it is a scenario, whose
// ending checks it.
async function answer(page, it, { wrong = false, ending = null } = {}) {
  const go = (id) => activate(page, id);  // throws when nothing takes the activation
  if (it.type === 'single') {
    await go(`option-${it.options.find((o) => o.correct !== wrong).id}`);
  } else if (it.type === 'true_false') {
    await go(`option-${it.answer ? 'true' : 'false'}`);
  } else if (it.type === 'multiple') {
    for (const o of it.options.filter((o) => o.correct)) await go(`option-${o.id}`);
  } else if (it.type === 'ordering') {
    const right = it.steps.map((s) => s.id);
    for (let target = 0; target < right.length; target++) {
      for (let guard = 0; guard < 8 && (await shownSteps(page))[target] !== right[target]; guard++) {
        const before = (await shownSteps(page)).join();
        await go(`step-${right[target]}-up`);
        // The new order is drawn by the frame after the one that took the press.
        await waitForView(page, (b) => {
          const ids = [];
          const walk = (x) => { if (x.id === 'steps') ids.push(...(x.children || []).map((c) => c.id.slice('step-'.length))); else (x.children || []).forEach(walk); };
          walk(window.coach.root);
          return ids.join() !== b;
        }, before);
      }
    }
  } else if (it.type === 'matching') {
    for (const p of it.pairs) { await go(`match-left-${p.id}`); await go(`match-right-${p.id}`); }
  } else if (it.type === 'scenario') {
    for (const reply of ending ? pathTo(it, ending) : bestPath(it)) await go(`reply-${reply}`);
    await waitForView(page, () => window.coach.find('ending'));
    return;
  }
  await go('check');
  await waitForView(page, () => window.coach.find('verdict'));
}

test('a quiz with ordering, matching and a scenario is finished by meaning with the score its answers earn', async () => {
  const kinds = new Set(QUIZ.items.map((i) => i.type));
  for (const k of ['ordering', 'matching', 'scenario']) assert.ok(kinds.has(k), `the quiz has a ${k} item`);
  const { page, errors, context } = await openApp(env, { query: `?lang=en&screen=quiz&quiz=${QUIZ.id}&item=1`, viewport: TALL });
  const missed = QUIZ.items.find((i) => i.type === 'single');
  const scenario = QUIZ.items.find((i) => i.type === 'scenario');
  const halfway = scenario.endings.find((e) => e.score > 0 && e.score < 1);
  for (let n = 0; n < QUIZ.items.length; n++) {
    await shownItem(page);
    assert.equal(addressOf(page).item, String(n + 1));
    const it = QUIZ.items[n];
    await answer(page, it, { wrong: it === missed, ending: it === scenario ? halfway.id : null });
    if (it.type !== 'scenario') {
      // Every option and step says after checking whether it was right.
      const marked = (await view(page)).nodes.filter((x) => x.state?.correct !== undefined);
      assert.ok(marked.length > 0, `item ${it.id} marks its answers right or wrong`);
    }
    if (n + 1 < QUIZ.items.length) await activate(page, 'next');
  }
  await activate(page, 'finish');
  await waitForView(page, () => window.coach.find('result.score'));
  const expected = (QUIZ.items.length - 2 + halfway.score) / QUIZ.items.length;
  const attempt = (await storedDoc(page)).attempts.at(-1);
  assert.equal(attempt.quiz, QUIZ.id);
  assert.ok(Math.abs(attempt.score - expected) < 1e-6, `score ${attempt.score}, expected ${expected}`);
  assert.equal(attempt.passed, expected >= 0.8);
  assert.equal(attempt.answers.length, QUIZ.items.length);
  const shownPercent = Math.round(expected * 100);
  assert.match((await item(page, 'result.score')).text, new RegExp(`${shownPercent}`));
  // The missed item's page is offered to reread, and opening it then Back returns here.
  const reread = `reread-${missed.link.lesson}-${missed.link.page}`;
  assert.ok((await view(page)).nodes.some((x) => x.id === reread), `${reread} is offered`);
  await activate(page, reread);
  await waitForView(page, () => window.coach.screen === 'lesson');
  assert.equal(addressOf(page).lesson, missed.link.lesson);
  await page.goBack();
  await waitForView(page, () => window.coach.find('result.score'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an item answered wrong comes back in review the next day, and a right answer moves it up a box', async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'zh-CN' });
  const at = QUIZ.items.findIndex((i) => i.type === 'single');
  const first = QUIZ.items[at];
  const { page } = await openApp(env, { context, query: `?lang=zh&screen=quiz&quiz=${QUIZ.id}&item=${at + 1}` });
  await shownItem(page);
  // A single-choice item answered wrong, the others left out (they count 0), then finished.
  await answer(page, first, { wrong: true });
  for (let n = at + 1; n < QUIZ.items.length; n++) await activate(page, 'next');
  await activate(page, 'finish');
  await waitForView(page, () => window.coach.find('result.score'));
  const cards = (await storedDoc(page)).review.cards;
  assert.equal(cards.length, QUIZ.items.length, 'every item missed is in review');
  const missed = cards.find((c) => c.key === `${QUIZ.id}/${first.id}`);
  assert.equal(missed.box, 1);

  // Nothing is due today; tomorrow everything missed is, and the quizzes screen says how many.
  await gotoApp(env, page, '?lang=zh&screen=quizzes');
  assert.doesNotMatch((await item(page, 'review')).description, new RegExp(`${QUIZ.items.length}`));
  await page.clock.setSystemTime(missed.due_ms + 9 * 3600 * 1000);
  await gotoApp(env, page, '?lang=zh&screen=quizzes');
  assert.match((await item(page, 'review')).description, new RegExp(`${QUIZ.items.length}`));
  await activate(page, 'review');
  await waitForView(page, () => window.coach.screen === 'review' && window.coach.find('item'));
  assert.equal(addressOf(page).screen, 'review');
  // The review asks a missed item itself; answered right, it moves up to box 2.
  const prompt = (await item(page, 'prompt')).text;
  const asked = QUIZ.items.find((i) => i.prompt.zh === prompt);
  assert.ok(asked, `the review asks an item of the quiz: ${prompt}`);
  await answer(page, asked);
  const after = (await storedDoc(page)).review.cards.find((c) => c.key === `${QUIZ.id}/${asked.id}`);
  assert.equal(after.box, 2);
  await context.close();
});

test('a reload in the middle of a quiz resumes at the same item with its answers', async () => {
  const { page, context } = await openApp(env, { query: `?lang=en&screen=quiz&quiz=${QUIZ.id}&item=1`, viewport: TALL });
  const [first, second] = QUIZ.items;
  await shownItem(page);
  await answer(page, first);
  await activate(page, 'next');
  await shownItem(page);
  assert.equal(addressOf(page).item, '2');
  const choice = second.type === 'true_false' ? `option-${second.answer ? 'true' : 'false'}`
    : second.options ? `option-${second.options[0].id}` : null;
  if (choice) await activate(page, choice);
  await reloadApp(page);
  await shownItem(page);
  assert.equal(addressOf(page).item, '2');
  if (choice) assert.equal((await item(page, choice)).state.checked, true);
  await activate(page, 'previous');
  await waitForView(page, () => window.coach.find('verdict'));
  assert.equal(addressOf(page).item, '1');
  await context.close();
});

test('the steps of an ordering item move by keyboard alone', async () => {
  const n = QUIZ.items.findIndex((i) => i.type === 'ordering');
  const { page, context } = await openApp(env, { query: `?lang=en&screen=quiz&quiz=${QUIZ.id}&item=${n + 1}`, viewport: TALL });
  await shownItem(page);
  const before = await shownSteps(page);
  const moving = before[1];
  await page.evaluate((id) => window.coach.focus(id), `step-${moving}-up`);
  await waitForFocus(page, `step-${moving}-up`);
  await page.keyboard.press('Enter');
  await waitForView(page, (m) => {
    const steps = [];
    const walk = (x) => { if (x.id.startsWith('step-') && !x.id.includes('.') && !x.id.endsWith('-up') && !x.id.endsWith('-down')) steps.push(x.id); (x.children || []).forEach(walk); };
    walk(window.coach.root);
    return steps[0] === `step-${m}`;
  }, moving);
  assert.deepEqual(await shownSteps(page), [moving, before[0], ...before.slice(2)]);
  // The focus stays on the button that was pressed, so the step can go on moving.
  assert.equal(await activeId(page), `step-${moving}-up`);
  await context.close();
});

test('results export as CSV that spreadsheets open with Chinese intact, and as JSON', async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'zh-CN', acceptDownloads: true });
  const { page } = await openApp(env, { context, query: `?lang=zh&screen=quiz&quiz=${QUIZ.id}&item=1` });
  await shownItem(page);
  await answer(page, QUIZ.items[0]);
  for (let n = 1; n < QUIZ.items.length; n++) await activate(page, 'next');
  await activate(page, 'finish');
  await waitForView(page, () => window.coach.find('result.score'));
  await gotoApp(env, page, '?lang=zh&screen=quizzes');
  await waitForView(page, () => window.coach.find('export-csv'));
  const [csv] = await Promise.all([page.waitForEvent('download'), activate(page, 'export-csv')]);
  assert.match(csv.suggestedFilename(), /^collection-coach-results-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  assert.ok(text.includes(QUIZ.title.zh), 'the quiz title in Chinese');
  assert.equal(text.split('\r\n').filter(Boolean).length, 1 + QUIZ.items.length);
  const [json] = await Promise.all([page.waitForEvent('download'), activate(page, 'export-json')]);
  const results = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(results.attempts.length, 1);
  assert.equal(results.attempts[0].quiz, QUIZ.id);
  await context.close();
});

test('an instructor course brings its own quizzes, checked at run time by the same rules', async () => {
  let { page, context } = await openApp(env, { query: '?lang=en&screen=quizzes&content=courses/with-quiz.json' });
  await waitForView(page, () => window.coach.find('quizzes.heading'));
  const cards = (await view(page)).nodes.filter((n) => /^quiz-[^.]+$/.test(n.id)).map((n) => n.id);
  assert.deepEqual(cards, [`quiz-${QUIZ.id}`]);
  await context.close();

  ({ page, context } = await openApp(env, { query: '?lang=en&content=courses/broken-quiz.json', viewport: TALL }));
  assert.match(await textOf(page, 'content.notice.text'), /courses\/broken-quiz\.json\) cannot be used/);
  const problems = (await view(page)).nodes.filter((i) => i.id.startsWith('content.problem.')).map((i) => i.text).join(' ');
  assert.match(problems, new RegExp(`courses/broken-quiz\\.json:\\d+: The lesson “${QUIZ.lesson}” has no page with the id “no-such-page”\\.`));
  // The built-in course and its quizzes are used instead.
  await activate(page, 'module.quizzes');
  await waitForView(page, () => window.coach.find('quizzes.heading'));
  const builtInQuizzes = JSON.parse(await readFile(join(DIST, 'quizzes.json'), 'utf8')).quizzes;
  assert.deepEqual((await view(page)).nodes.filter((n) => /^quiz-[^.]+$/.test(n.id)).map((n) => n.id), builtInQuizzes.map((q) => `quiz-${q.id}`));
  await context.close();
});

test('a finger drags a step of an ordering item to its place', async () => {
  const n = QUIZ.items.findIndex((i) => i.type === 'ordering');
  const { page, context } = await openApp(env, { query: `?lang=zh&screen=quiz&quiz=${QUIZ.id}&item=${n + 1}`, mobile: true, viewport: { width: 390, height: 844 } });
  await shownItem(page);
  const before = await shownSteps(page);
  const rows = (await view(page)).nodes.filter((x) => x.parent === 'steps');
  const last = rows.at(-1), first = rows[0];
  // The handle is the row's left edge; the finger moves it above the first row.
  const from = { x: last.x + 8, y: last.y + last.h / 2 }, to = { x: first.x + 8, y: first.y + 4 };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let s = 1; s <= 12; s++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x, y: from.y + ((to.y - from.y) * s) / 12 }] });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const moved = before.at(-1);
  await waitForView(page, (m) => {
    const steps = (window.coach.find('steps').children || []).map((c) => c.id);
    return steps[0] === `step-${m}`;
  }, moved);
  assert.deepEqual(await shownSteps(page), [moved, ...before.slice(0, -1)]);
  await context.close();
});
