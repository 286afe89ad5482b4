// Reflow: on a 360 × 740 CSS px phone with the text at 200 % (Settings → Reading), nothing
// leaves the screen sideways (WCAG 1.4.10 and 1.4.4) on home, a lesson page, the quote deck
// and settings, in English (longer words, harder to wrap) and in Chinese. The view tree's
// rectangles are where the app drew each thing, so they are checked, not pixels. Limits: the
// vertical direction scrolls by design and is not checked; clipping inside a node is not seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, activate, waitForView, waitForScreen, DIST } from './harness.mjs';

const env = useApp();
const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
const WIDTH = 360;
const inside = (inner, outer) => inner.x >= outer.x - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5;

// Every node of the screen lies within 0..360 horizontally and has a size.
async function assertReflows(page, what) {
  const v = await view(page);
  const out = v.nodes.filter((n) => n.x < -0.5 || n.x + n.w > WIDTH + 0.5).map((n) => `${n.id} [${Math.round(n.x)}, ${Math.round(n.x + n.w)}]`);
  assert.deepEqual(out, [], `${what} (${v.lang}): nodes outside 0..${WIDTH}`);
  const empty = v.nodes.filter((n) => ['button', 'link', 'textbox', 'radio'].includes(n.role) && (n.w < 1 || n.h < 1)).map((n) => n.id);
  assert.deepEqual(empty, [], `${what} (${v.lang}): controls with no size`);
  return v;
}

async function setTextSize200(page) {
  await activate(page, 'settings');
  await waitForScreen(page, 'settings');
  for (const percent of [125, 150, 175, 200]) {
    await activate(page, 'settings.text-larger');
    await waitForView(page, (p) => window.coach.find('settings.text-size.value')?.name === `${p}%`, percent);
  }
}

test('at 360 px and 200 % text nothing overflows sideways, in English and in Chinese', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: { width: WIDTH, height: 740 }, scale: 2, mobile: true });
  const at100 = (await view(page)).nodes.find((n) => n.id === 'home.title');
  await setTextSize200(page);
  await activate(page, 'settings.back');
  await waitForScreen(page, 'home');
  const at200 = (await view(page)).nodes.find((n) => n.id === 'home.title');
  assert.ok(at200.h >= 1.8 * at100.h, `the title grew from ${at100.h} to ${at200.h} px high only`);
  await activate(page, 'settings');
  await waitForScreen(page, 'settings');
  for (const lang of ['en', 'zh']) {
    if (lang === 'zh') {
      await activate(page, 'settings');
      await waitForScreen(page, 'settings');
      await activate(page, 'settings.lang.zh');
      await waitForView(page, () => window.coach.lang === 'zh');
      assert.equal((await view(page)).nodes.find((n) => n.id === 'settings.text-size.value').name, '200%', 'the text size is kept');
    }
    await assertReflows(page, 'settings');
    await activate(page, 'settings.back');
    await waitForScreen(page, 'home');
    await assertReflows(page, 'home');

    await activate(page, 'module.lessons');
    await waitForScreen(page, 'lessons');
    await assertReflows(page, 'the lessons');
    const lesson = builtIn.lessons[lang === 'en' ? 0 : 2];  // one not opened before: it starts on page 1
    await activate(page, `lesson.${lesson.id}`);
    await waitForScreen(page, 'lesson');
    for (let p = 0; p < 3; p++) {  // pages with key ideas, lists and glossary links
      await waitForView(page, (t) => window.coach.find('lesson.title')?.name === t, lesson.pages[p].title[lang]);
      await assertReflows(page, `lesson page ${p + 1}`);
      if (p < 2) await activate(page, 'page.next');
    }
    await activate(page, 'lesson.back');
    await waitForScreen(page, 'lessons');

    await activate(page, 'quotes');
    await waitForScreen(page, 'quotes');
    const quotes = builtIn.quotes.quotes;
    for (let q = 0; q < quotes.length; q++) {
      await waitForView(page, (t) => window.coach.find('quote.text')?.name === t, quotes[q].text[lang]);
      const v = await assertReflows(page, `quote card ${q + 1}`);
      const card = v.nodes.find((n) => n.id === 'quote.card');
      const taught = v.nodes.find((n) => n.id === 'quote.lesson');
      assert.ok(taught && inside(taught, card), `card ${q + 1}: the “${taught?.name}” button leaves its card`);
      assert.ok(taught.y >= card.y && taught.y + taught.h <= card.y + card.h + 0.5, `card ${q + 1}: the lesson button is below its card`);
      const backLike = v.nodes.filter((n) => n.role === 'button' && (lang === 'en' ? /\bback\b/i : /返回/).test(n.name));
      assert.equal(backLike.length, 1, `card ${q + 1}: back-like buttons ${backLike.map((n) => `${n.id} “${n.name}”`).join(', ')}`);
      if (q < quotes.length - 1) await activate(page, 'quote.next');
    }
    await activate(page, 'quotes.back');
    await waitForScreen(page, 'lessons');
    await activate(page, 'lessons.back');
    await waitForScreen(page, 'home');
  }
  await context.close();
});

test('the self-assessment fits at 360 px and 200 % text: a statement, the profile with its share card, the class view', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: { width: WIDTH, height: 740 }, scale: 2, mobile: true });
  await setTextSize200(page);
  for (const lang of ['en', 'zh']) {
    if (lang === 'zh') {
      await activate(page, 'settings.lang.zh');
      await waitForView(page, () => window.coach.lang === 'zh');
    }
    await activate(page, 'settings.back');
    await waitForScreen(page, 'home');
    await activate(page, 'module.assessment');
    await waitForView(page, () => window.coach.find('assessment-start') || window.coach.find('profile-take-again'));
    await activate(page, (await view(page)).nodes.some((n) => n.id === 'assessment-start') ? 'assessment-start' : 'profile-take-again');
    for (const rating of [2, 5, 1]) {
      await waitForView(page, () => window.coach.find('assessment-ratings'));
      await assertReflows(page, 'a statement');
      await activate(page, `assessment-rate-${rating}`);
    }
    // The rest skipped: the last statement finishes. Each step waits for the statement the one
    // before moved to (a rating moves on by itself, after its frame).
    for (;;) {
      await waitForView(page, () => window.coach.find('assessment-next') || window.coach.find('assessment-finish'));
      if ((await view(page)).nodes.some((n) => n.id === 'assessment-finish')) break;
      await activate(page, 'assessment-next');
    }
    await waitForView(page, () => window.coach.find('assessment-finish') && !window.coach.find('assessment-finish').state?.disabled);
    await activate(page, 'assessment-finish');
    await waitForView(page, () => window.coach.find('profile-chart'));
    await assertReflows(page, 'the profile');
    await activate(page, 'profile-share');
    await waitForView(page, () => window.coach.find('profile-card'));
    await assertReflows(page, 'the share card');
    await activate(page, 'profile-card-close');
    await activate(page, 'profile-class-view');
    await waitForScreen(page, 'class');
    await assertReflows(page, 'the class view');
    await activate(page, 'class.back');
    await waitForScreen(page, 'profile');
    await activate(page, 'profile.back');
    await waitForScreen(page, 'home');
    await activate(page, 'settings');
    await waitForScreen(page, 'settings');
  }
  await context.close();
});
