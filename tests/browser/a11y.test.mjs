// What a screen reader gets: Chromium's own accessibility tree (CDP
// Accessibility.getFullAXTree) built from the mirror, compared with the app's view tree, and
// axe-core's WCAG 2.0/2.1/2.2 A and AA rules over the whole document, on each screen in both
// languages. The view tree says what the screen means; these tests hold the browser to it:
// one level-1 heading with the screen's title, every button and link with the name the app
// gives it, the text field named by its label, glossary links inside their paragraphs, the
// term sheet as a modal dialog, the page's language. Limits: Chromium only, no real screen
// reader; axe cannot judge the canvas's colours (the theme's contrast is a unit test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openApp, view, accessibilityTree, axeViolations, DIST } from './harness.mjs';

const env = useApp();
const builtIn = JSON.parse(await readFile(join(DIST, 'course.json'), 'utf8'));
// A lesson page with glossary links in its text, and one of its terms.
const lesson = builtIn.lessons[0];
const TERM = /\[\[[^|\]]*\|([^\]]+)\]\]/.exec(JSON.stringify(lesson.pages[2]))[1];

// A lesson quiz with every kind of item but multiple choice: ordering, matching, a scenario.
const quizzes = JSON.parse(await readFile(join(DIST, 'quizzes.json'), 'utf8')).quizzes;
const quiz = quizzes.find((q) => ['ordering', 'matching', 'scenario'].every((k) => q.items.some((i) => i.type === k)));
const itemOf = (type) => quiz.items.findIndex((i) => i.type === type) + 1;

const SCREENS = [
  { name: 'home', query: '', title: 'home.title' },
  { name: 'a lesson page', query: `&lesson=${lesson.id}&page=3`, title: 'lesson.title', links: true },
  { name: 'a glossary term over the page', query: `&lesson=${lesson.id}&page=3&term=${TERM}`, title: 'lesson.title', dialog: true },
  { name: 'the quote deck', query: '&screen=quotes', title: 'quotes.title' },
  { name: 'settings', query: '&screen=settings', title: 'settings.title' },
  { name: 'the quizzes', query: '&screen=quizzes', title: 'quizzes.title' },
  { name: 'a single-choice item', query: `&screen=quiz&quiz=${quiz.id}&item=${itemOf('single')}`, title: 'quiz.title' },
  { name: 'an ordering item', query: `&screen=quiz&quiz=${quiz.id}&item=${itemOf('ordering')}`, title: 'quiz.title' },
  { name: 'a matching item', query: `&screen=quiz&quiz=${quiz.id}&item=${itemOf('matching')}`, title: 'quiz.title' },
  { name: 'a scenario', query: `&screen=quiz&quiz=${quiz.id}&item=${itemOf('scenario')}`, title: 'quiz.title' },
  { name: 'the quote deck review', query: '&screen=review&deck=quotes', title: 'review-quotes.title' },
  { name: 'the self-assessment', query: '&screen=assessment', title: 'assessment.title' },
  { name: 'a self-assessment statement', query: '&screen=assessment&statement=3', title: 'assessment.statement' },
  { name: 'the profile', query: '&screen=profile', title: 'profile.title' },
  { name: 'the class view', query: '&screen=class', title: 'class.title' },
];

const sorted = (list) => [...list].sort();
const ancestors = function* (n) { for (let p = n.parent; p; p = p.parent) yield p; };

function checkAccessibilityTree(ax, v, screen, lang) {
  const byRole = (role) => ax.filter((n) => n.role === role);
  const nodes = v.nodes;
  // One level-1 heading: the screen's title.
  const h1 = byRole('heading').filter((n) => n.props.level === 1);
  const title = nodes.find((n) => n.id === screen.title);
  assert.ok(title, `${screen.title} is in the view tree`);
  const titles = h1.map((n) => n.name);
  if (screen.dialog) {
    assert.ok(titles.includes(title.name), `level-1 headings ${JSON.stringify(titles)} lack the title ${title.name}`);
  } else {
    assert.deepEqual(titles, [title.name], 'one level-1 heading, named as the screen title');
  }
  // Every button (radios included) as the tree names it, no more and no fewer.
  for (const role of ['button', 'radio', 'link']) {
    const want = sorted(nodes.filter((n) => n.role === role).map((n) => n.name));
    const got = sorted(byRole(role).map((n) => n.name));
    assert.deepEqual(got, want, `${role}s in the accessibility tree differ from the view tree`);
  }
  for (const n of nodes.filter((x) => x.role === 'button' && x.description)) {
    const b = byRole('button').find((x) => x.name === n.name);
    assert.equal(b.description, n.description, `the button ${n.name} is described as the tree says`);
  }
  for (const n of nodes.filter((x) => x.role === 'radio')) {
    const r = byRole('radio').find((x) => x.name === n.name);
    assert.equal(String(r.props.checked), String(Boolean(n.state?.checked)), `radio ${n.name} checked`);
  }
  // Text fields are named by their label.
  for (const n of nodes.filter((x) => x.role === 'textbox')) {
    const label = nodes.find((x) => x.id === `${n.id}.label`);
    const box = byRole('textbox').find((x) => x.name === n.name);
    assert.ok(box, `no textbox named ${n.name}: ${byRole('textbox').map((x) => x.name).join(', ')}`);
    if (label) assert.equal(box.name, label.name);
  }
  if (screen.links) {
    const glossary = byRole('link').filter((l) => nodes.some((n) => n.role === 'link' && n.href?.startsWith('#term=') && n.name === l.name));
    assert.ok(glossary.length > 0, 'the page has glossary links');
    for (const l of glossary) assert.ok([...ancestors(l)].some((p) => p.role === 'paragraph'), `the link ${l.name} is inside a paragraph`);
    const plain = nodes.find((n) => n.id === 'lesson.plain');
    assert.ok(plain, 'the lesson links its plain version');
    assert.equal(plain.href, `lessons/${lesson.id}.${lang}.html`);
  }
  if (screen.dialog) {
    const term = builtIn.glossary.terms.find((t) => t.id === TERM);
    const dialogs = byRole('dialog');
    assert.equal(dialogs.length, 1, 'one dialog');
    assert.equal(dialogs[0].name, term.term[lang]);
    assert.equal(dialogs[0].props.modal, true, 'the term sheet is modal');
    const inside = ax.filter((n) => [...ancestors(n)].includes(dialogs[0]));
    assert.ok(inside.some((n) => n.role === 'heading' && n.name === term.term[lang]), 'the dialog has the term as its heading');
    assert.ok(inside.some((n) => n.role === 'button' && n.name === (lang === 'zh' ? '关闭' : 'Close')), 'the dialog has its Close button');
  }
  // Lists hold their items.
  for (const list of nodes.filter((n) => n.role === 'list' && n.name)) {
    const l = byRole('list').find((x) => x.name === list.name);
    assert.ok(l, `no list named ${list.name}`);
    assert.equal(l.children.filter((c) => c.role === 'listitem').length, list.children.length, `items of the list ${list.name}`);
  }
  assert.ok(byRole('main').length === 1, 'one main landmark');
  // Nothing focusable is nameless.
  for (const n of ax.filter((x) => x.props.focusable && ['button', 'link', 'textbox', 'radio'].includes(x.role))) {
    assert.ok(n.name.trim().length > 0, `a ${n.role} without a name`);
  }
}

for (const lang of ['zh', 'en']) {
  for (const screen of SCREENS) {
    test(`${lang}: ${screen.name}`, async (t) => {
      const { page, context } = await openApp(env, { query: `?lang=${lang}${screen.query}`, viewport: { width: 1024, height: 900 } });
      await page.waitForFunction((d) => !d || window.coach.find('term'), screen.dialog, { timeout: 10000 });
      const v = await view(page);
      await t.test('the language of the page', async () => {
        assert.equal(v.lang, lang);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
        assert.equal(await page.evaluate(() => document.getElementById('mirror').lang), lang === 'zh' ? 'zh-CN' : 'en');
        if (screen.name === 'home') {
          // The language switch names the other language in that language.
          assert.equal(await page.evaluate(() => document.querySelector('[data-id="lang.switch"]').lang), lang === 'zh' ? 'en' : 'zh-CN');
        }
      });
      await t.test('the accessibility tree', async () => {
        checkAccessibilityTree(await accessibilityTree(page), v, screen, lang);
      });
      await t.test('axe-core: no WCAG 2.2 A/AA violations', async () => {
        const violations = await axeViolations(page);
        assert.deepEqual(violations.map((x) => `${x.id} (${x.impact}): ${x.help}\n      ${x.targets.join('\n      ')}`), []);
      });
      await context.close();
    });
  }
}
