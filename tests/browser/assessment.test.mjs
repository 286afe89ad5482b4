// The self-assessment in the browser, driven by meaning (window.coach.activate) and, for what
// a learner types, by real key presses: taken from an instructor's ?start=assessment link with
// known ratings, its scores and suggested lessons checked against the rules worked out here
// from the content file; left half-way and resumed after a reload; taken again weeks later
// and shown before and after; and three result files (one broken) loaded in the class view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, item, activate, waitForView, waitForScreen, reloadApp, addressOf, ROOT, gotoApp, textOf } from './harness.mjs';

const ASSESSMENT = JSON.parse(await readFile(join(ROOT, 'content/assessment.json'), 'utf8'));
const LESSONS = await Promise.all(['1-six-steps', '2-left-right-brain', '3-buyer-roles', '4-credit-management', '5-team-kpi']
  .map(async (f) => JSON.parse(await readFile(join(ROOT, `content/lessons/${f}.json`), 'utf8'))));
const env = useApp();
const TALL = { width: 1024, height: 1400 };
const DOC = 'collection-coach/key-account-collection/document';
const STATEMENTS = ASSESSMENT.statements;
const DAY = 86400000;

// The scoring rules of content/README.md, worked out independently of the app: a rating r
// scores (r - 1) / 4, reversed (5 - r) / 4; a score is the mean of its statements.
const itemScore = (s, r) => (s.reversed ? 5 - r : r - 1) / 4;
function expectedScores(ratings) {
  const mean = (pick) => {
    const xs = STATEMENTS.map((s, i) => [s, i]).filter(([s]) => pick(s)).map(([s, i]) => itemScore(s, ratings[i]));
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const scores = Object.fromEntries(ASSESSMENT.steps.map((st) => [st.id, mean((s) => s.step === st.id)]));
  scores.left = mean((s) => s.side === 'left');
  scores.right = mean((s) => s.side === 'right');
  scores['buying-team'] = mean((s) => s.buying_team);
  return scores;
}
// Where to start: statements at 0.5 or below, weakest first (ties: weaker step, then file
// order), one page per lesson, three at most.
function expectedStart(ratings) {
  const scores = expectedScores(ratings);
  const weak = STATEMENTS.map((s, i) => ({ s, i, x: itemScore(s, ratings[i]) })).filter((w) => w.x <= 0.5);
  weak.sort((a, b) => a.x - b.x || scores[a.s.step] - scores[b.s.step] || a.i - b.i);
  const out = [];
  for (const w of weak) if (out.length < 3 && !out.some((l) => l.lesson === w.s.link.lesson)) out.push(w.s.link);
  return out;
}
const percent = (x) => Math.round(x * 100);

// Ratings a learner gives: strong on relationships, weak on collection discipline.
const FIRST = STATEMENTS.map((s) => (s.side === 'right' ? (s.reversed ? 2 : 4) : (s.reversed ? 4 : 2)));
// Weeks later, after training: better on the left side too.
const LATER = STATEMENTS.map((s) => (s.reversed ? 1 : 5));

async function storedDoc(page) {
  await page.evaluate(() => window.coachStorage.flush());
  return JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DOC)).document;
}
const shownStatement = (page, n) => waitForView(page, (k) => window.coach.screen === 'assessment' && new URLSearchParams(location.search).get('statement') === String(k) && window.coach.find('assessment-ratings'), n);

// Rates statements from..to (from 1) with `ratings`; each rating moves on to the next.
async function rate(page, ratings, from = 1, to = ratings.length) {
  for (let n = from; n <= to; n++) {
    await shownStatement(page, n);
    assert.equal(await textOf(page, 'assessment.statement'), STATEMENTS[n - 1].text.en);
    await activate(page, `assessment-rate-${ratings[n - 1]}`);
    if (n < STATEMENTS.length) await shownStatement(page, n + 1);
  }
}

async function finish(page) {
  await waitForView(page, () => window.coach.find('assessment-finish'));
  await activate(page, 'assessment-finish');
  await waitForScreen(page, 'profile');
  await waitForView(page, () => window.coach.find('profile-chart'));
}

// The percent a figure's text alternative gives a label: "Collect payment 75% (...)", or in the
// class view "Collect payment: mean 69%, ...".
function percentIn(text, label) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}(?::\\s*mean)?\\s*(-?\\d+)\\s*%`).exec(text);
  assert.ok(m, `“${label}” with a percent in “${text}”`);
  return Number(m[1]);
}

const pageTitle = (link) => {
  const lesson = LESSONS.find((l) => l.id === link.lesson);
  return lesson.pages.find((p) => p.id === link.page).title.en;
};

test('an instructor\'s link opens the assessment at once; known ratings give the expected profile and lessons', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&start=assessment', viewport: TALL });
  await shownStatement(page, 1);
  await rate(page, FIRST);
  await finish(page);
  const expected = expectedScores(FIRST);
  const chart = (await item(page, 'profile-chart')).name;
  for (const step of ASSESSMENT.steps) assert.equal(percentIn(chart, step.name.en), percent(expected[step.id]), step.id);
  const balance = (await item(page, 'profile-balance')).name;
  assert.ok(balance.includes(`${percent(expected.left)}%`) && balance.includes(`${percent(expected.right)}%`), balance);
  assert.equal(percentIn((await item(page, 'profile-buying-team')).name, 'Buying-team coverage (1+2+1)'), percent(expected['buying-team']));
  // The lessons to start with, in order, each opening its page.
  const start = expectedStart(FIRST);
  assert.ok(start.length > 0);
  const shown = (await view(page)).nodes.filter((n) => n.id.startsWith('profile-start-') && n.role === 'button').map((n) => n.id);
  assert.deepEqual(shown, start.map((l) => `profile-start-${l.lesson}-${l.page}`));
  assert.match(await textOf(page, shown[0]), new RegExp(pageTitle(start[0]).replace(/[()?]/g, '.')));
  // Each score lists the statements behind it, with the learner's rating in words.
  await activate(page, 'profile-score-collection');
  await waitForView(page, () => window.coach.find('profile-score-collection-statements'));
  const listed = (await view(page)).nodes.filter((n) => n.parent === 'profile-score-collection-statements').length;
  assert.equal(listed, STATEMENTS.filter((s) => s.step === 'collection').length);
  // Home suggests the first of them as the next step.
  await activate(page, 'profile.back');
  await waitForScreen(page, 'home');
  const suggestion = (await view(page)).nodes.find((n) => n.id === 'home-suggestion');
  assert.ok(suggestion, 'home shows the suggested next step');
  assert.match(suggestion.name, new RegExp(pageTitle(start[0]).replace(/[()?]/g, '.')));
  await activate(page, 'home-suggestion');
  await waitForScreen(page, 'lesson');
  assert.equal(addressOf(page).lesson, start[0].lesson);
  await context.close();
});

test('left half-way, the assessment resumes after a reload where the learner stopped', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&screen=assessment', viewport: TALL });
  await waitForView(page, () => window.coach.find('assessment-start'));
  await activate(page, 'assessment-start');
  await rate(page, FIRST, 1, 9);
  await shownStatement(page, 10);
  const doc = await storedDoc(page);
  assert.equal(doc.open_assessment.ratings.length, 9);
  assert.deepEqual(doc.open_assessment.ratings.map((r) => r.value), FIRST.slice(0, 9));
  await reloadApp(page);
  await shownStatement(page, 10);
  // Back to the introduction: it offers to continue at the first statement not rated.
  await gotoApp(env, page, '?lang=en&screen=assessment');
  await waitForView(page, () => window.coach.find('assessment-continue'));
  assert.match(await textOf(page, 'assessment-continue'), /10 of 24/);
  await activate(page, 'assessment-continue');
  await shownStatement(page, 10);
  // Going back shows the rating given, and changing it keeps the others.
  await activate(page, 'assessment-previous');
  await shownStatement(page, 9);
  assert.equal((await item(page, `assessment-rate-${FIRST[8]}`)).state.checked, true);
  await context.close();
});

test('taken again weeks later, the profile shows the first and the latest with the change; every result is kept', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en&start=assessment', viewport: TALL });
  await page.clock.setSystemTime(new Date('2026-11-02T09:00:00Z'));
  await shownStatement(page, 1);
  await rate(page, FIRST);
  await finish(page);
  await page.clock.setSystemTime(new Date('2026-11-30T09:00:00Z'));
  await activate(page, 'profile-take-again');
  await rate(page, LATER);
  await finish(page);
  const first = expectedScores(FIRST), later = expectedScores(LATER);
  const chart = (await item(page, 'profile-chart')).name;
  const collection = ASSESSMENT.steps.find((s) => s.id === 'collection').name.en;
  assert.equal(percentIn(chart, collection), percent(later.collection));
  const change = percent(later.collection) - percent(first.collection);
  assert.ok(chart.includes(`+${change}`), `the change +${change} in “${chart}”`);
  assert.match(chart, /2026-11-02/);
  const results = (await view(page)).nodes.filter((n) => n.id.startsWith('profile-result-'));
  assert.equal(results.length, 2);
  const doc = await storedDoc(page);
  assert.equal(doc.assessments.length, 2);
  assert.deepEqual(doc.assessments[0].ratings.map((r) => r.value), FIRST);
  await context.close();
});

test('results leave as JSON and CSV under the name the learner types; the class view loads three files, one broken', async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'zh-CN', acceptDownloads: true });
  const { page } = await openApp(env, { context, query: '?lang=en&start=assessment' });
  await shownStatement(page, 1);
  await rate(page, FIRST);
  await finish(page);
  // The name, typed with real key presses into the field (stored exactly as typed).
  // The keyboard's way there (the field is below the fold), then real key presses.
  await page.evaluate(() => window.coach.focus('profile-name'));
  await page.waitForFunction(() => document.activeElement?.dataset?.id === 'profile-name' && document.activeElement.tagName === 'INPUT');
  // Chinese through the platform's IME (a composition, then the chosen text), Latin by keys.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'wang', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.insertText', { text: '王小明' });
  await page.keyboard.type(' Wang Xiaoming');
  await waitForView(page, () => window.coach.find('profile-name')?.state?.valueText === '王小明 Wang Xiaoming');
  const [json] = await Promise.all([page.waitForEvent('download'), activate(page, 'profile-export-json')]);
  assert.match(json.suggestedFilename(), /^collection-coach-assessment-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(exported.learner, '王小明 Wang Xiaoming');
  assert.equal(exported.results.length, 1);
  const [csv] = await Promise.all([page.waitForEvent('download'), activate(page, 'profile-export-csv')]);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /Wang Xiaoming/);

  // The share card: drawn at the top, saved as a PNG of what the canvas shows.
  const [png] = await Promise.all([page.waitForEvent('download'), activate(page, 'profile-share')]);
  assert.match(png.suggestedFilename(), /^collection-coach-profile-\d{4}-\d\d-\d\d\.png$/);
  const image = await readFile(await png.path());
  assert.deepEqual([...image.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  const card = await item(page, 'profile-card');
  // IHDR: width and height in device pixels (scale 1 here), the card's rectangle.
  assert.ok(Math.abs(image.readUInt32BE(16) - Math.round(card.w)) <= 2, `width ${image.readUInt32BE(16)} vs ${card.w}`);
  assert.ok(image.readUInt32BE(20) > 100, 'a card of some height');
  // Not a blank rectangle: the picture holds more than one colour (PNG rows compress well
  // when blank; a drawn chart does not shrink to a few hundred bytes).
  assert.ok(image.length > 2000, `a PNG of ${image.length} bytes`);
  await activate(page, 'profile-card-close');

  // A second learner's file (another name, the later ratings) and a broken one.
  const second = structuredClone(exported);
  second.learner = '李四';
  second.results[0].ratings = Object.fromEntries(STATEMENTS.map((s, i) => [s.id, LATER[i]]));
  const files = [
    { name: 'wang.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) },
    { name: 'li.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(second)) },
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "collection-coach-assessment-results", "results": [') },
  ];
  await activate(page, 'profile-class-view');
  await waitForScreen(page, 'class');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'class-open-files')]);
  assert.equal(chooser.isMultiple(), true);
  await chooser.setFiles(files);
  await waitForView(page, () => window.coach.find('class-rejected-0') && window.coach.find('class-chart'));
  assert.match(await textOf(page, 'class.learners'), /2/);
  const rejected = (await view(page)).nodes.filter((n) => n.id.startsWith('class-rejected-') && /^class-rejected-\d+$/.test(n.id));
  assert.equal(rejected.length, 1);
  assert.match(JSON.stringify(rejected[0]) + (await view(page)).nodes.filter((n) => n.id.startsWith('class-rejected-0')).map((n) => n.name).join(' '), /broken\.json/);
  // The class mean of each step is the mean of the two learners'.
  const a = expectedScores(FIRST), b = expectedScores(LATER);
  const classChart = (await item(page, 'class-chart')).name;
  const collection = ASSESSMENT.steps.find((s) => s.id === 'collection').name.en;
  assert.equal(percentIn(classChart, collection), percent((a.collection + b.collection) / 2));
  const [classCsv] = await Promise.all([page.waitForEvent('download'), activate(page, 'class-export-csv')]);
  const rows = (await readFile(await classCsv.path(), 'utf8')).split('\r\n').filter(Boolean);
  assert.ok(rows.some((r) => r.includes('Wang Xiaoming')) && rows.some((r) => r.includes('李四')));
  await context.close();
});

test('by keyboard alone: Tab reaches the ratings, Space rates and moves on; files dropped on the class view load', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&start=assessment', viewport: TALL });
  await shownStatement(page, 1);
  // Real key presses from the top of the page to the fourth rating.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.dataset?.id)) === 'assessment-rate-4';
  }
  assert.ok(reached, 'Tab reaches the rating 4');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'radio');
  await page.keyboard.press('Space');
  await shownStatement(page, 2);
  // Focus lands on the next statement, so the keyboard goes on from there.
  await waitForView(page, () => window.coach.focused === 'assessment.statement');
  const doc = await storedDoc(page);
  assert.deepEqual(doc.open_assessment.ratings, [{ statement: STATEMENTS[0].id, value: 4 }]);

  // The class view takes files dropped anywhere on the page; nothing else does.
  await gotoApp(env, page, '?lang=zh&screen=class');
  await waitForView(page, () => window.coach.find('class-open-files'));
  const result = { format: 'collection-coach-assessment-results', version: 1, course: 'key-account-collection', assessment: ASSESSMENT.id, learner: '张三',
    exported_at: '2026-11-29T08:00:00Z', results: [{ at: '2026-11-20T09:00:00Z', at_ms: 1763629200000, ratings: Object.fromEntries(STATEMENTS.map((s, i) => [s.id, FIRST[i]])) }] };
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true }));
  }, [{ name: 'zhang.json', text: JSON.stringify(result) }, { name: 'notes.txt', text: 'not a result file' }]);
  await waitForView(page, () => window.coach.find('class-file-0') && window.coach.find('class-rejected-0'));
  assert.match(await textOf(page, 'class.learners'), /1/);
  await context.close();
});
