// Saving a learner's work in the browser: it survives reloads, bad data, a full quota and
// a second tab, and it exports and imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, view, item, click, waitForView, reloadApp, settle, focusField } from './harness.mjs';

const env = useApp();
const TALL = { width: 1024, height: 1500 };
const DOC = 'collection-coach/key-account-collection/document';
const BACKUP = 'collection-coach/key-account-collection/backup';

// Replaces the goal as a learner does: click the field, select all, type.
async function typeGoal(page, text) {
  await focusField(page, 'goal');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
  await waitForView(page, (t) => window.coach.find('goal').state?.valueText === t, text);
}

const stored = (page, key = DOC) => page.evaluate((k) => localStorage.getItem(k), key);
const storedDoc = async (page) => JSON.parse(await stored(page)).document;

test('what a learner types is saved and survives a reload', async () => {
  const { page, context, errors } = await openApp(env, { query: '?lang=zh', viewport: TALL });
  await settle(page);
  await typeGoal(page, '先收旧款，再接新单');
  await reloadApp(page);  // pagehide flushes whatever the pause had not written yet
  assert.equal((await item(page, 'goal')).value, '先收旧款，再接新单');
  const doc = await storedDoc(page);
  assert.equal(doc.prefs.goal, '先收旧款，再接新单');
  assert.ok(JSON.parse(await stored(page)).generation >= 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrupt storage loads the backup, says so, and keeps the raw value for download', async () => {
  const context = await env.browser.newContext({ viewport: TALL, acceptDownloads: true });
  const good = JSON.stringify({ app: 'collection-coach', course: 'key-account-collection', generation: 4,
    document: { cereal_class_version: 1, prefs: { lang: 'en', goal: 'from the backup' }, lessons: [], quiz_attempts: [], assessments: [], plan: { accounts: [] } } });
  await context.addInitScript(([doc, backup, goodValue]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(backup, goodValue);
    localStorage.setItem(doc, goodValue.slice(0, 60));  // cut off half-way
  }, [DOC, BACKUP, good]);
  const { page } = await openApp(env, { context });
  const notice = (await view(page)).nodes.filter((i) => i.id === 'notice.text').map((i) => i.text).join('');
  assert.match(notice, /could not be read/);
  assert.match(notice, /cut off/);
  assert.equal((await item(page, 'goal')).value, 'from the backup');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/unreadable/')));
  assert.equal(kept.length, 1);
  assert.equal(await stored(page, kept[0]), good.slice(0, 60));
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'notice.download')]);
  assert.match(download.suggestedFilename(), /^collection-coach-unreadable-\d{4}-\d\d-\d\d\.json$/);
  assert.equal(await readFile(await download.path(), 'utf8'), good.slice(0, 60));
  await context.close();
});

test('a full quota keeps the edit, offers an export, and saves once there is room', async () => {
  const context = await env.browser.newContext({ viewport: TALL, acceptDownloads: true });
  const { page } = await openApp(env, { query: '?lang=en', context });
  await settle(page);
  const filled = await page.evaluate(() => {
    const block = 'x'.repeat(256 * 1024);
    let n = 0;
    for (;;) {
      try { localStorage.setItem(`filler-${n}`, block); n++; } catch { break; }
    }
    for (let size = 128 * 1024; size >= 1; size = Math.floor(size / 2)) {  // fill the last crumbs too
      try { localStorage.setItem(`filler-crumb-${size}`, 'x'.repeat(size)); } catch { /* full */ }
    }
    return n;
  });
  assert.ok(filled > 0);
  await typeGoal(page, 'kept in memory');
  await waitForView(page, () => /storage is full/.test(window.coach.find('notice.text')?.name ?? ''));
  assert.equal((await item(page, 'goal')).value, 'kept in memory');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'notice.export')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.document.prefs.goal, 'kept in memory');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler')).forEach((k) => localStorage.removeItem(k)));
  await waitForView(page, () => !window.coach.find('notice'));  // the retry saved it
  assert.equal((await storedDoc(page)).prefs.goal, 'kept in memory');
  await context.close();
});

test('two tabs: an edit in one shows up in the other, and neither overwrites the other', async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'zh-CN' });
  const a = (await openApp(env, { context })).page;
  const b = (await openApp(env, { context })).page;
  await settle(a);
  await settle(b);
  await typeGoal(a, 'goal typed in A');
  await waitForView(b, () => window.coach.find('goal').state?.valueText === 'goal typed in A');
  await click(b, 'lang.switch');
  await waitForView(b, () => window.coach.lang === 'en');
  await waitForView(a, () => window.coach.lang === 'en');
  // Both edit before either has written: B's later write builds on A's.
  await typeGoal(a, 'A again');
  await b.evaluate(() => window.coachStorage.flush());
  await a.evaluate(() => window.coachStorage.flush());
  await waitForView(b, () => window.coach.find('goal').state?.valueText === 'A again');
  const doc = await storedDoc(a);
  assert.equal(doc.prefs.goal, 'A again');
  assert.equal(doc.prefs.lang, 'en');
  await context.close();
});

test('export then import gives back the same document; a bad file changes nothing', async () => {
  const context = await env.browser.newContext({ viewport: TALL, acceptDownloads: true, locale: 'en-US' });
  const { page } = await openApp(env, { context });
  await settle(page);
  await typeGoal(page, 'exported goal');
  await click(page, 'settings');
  await waitForView(page, () => window.coach.screen === 'settings');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'export')]);
  const file = await readFile(await download.path(), 'utf8');
  await page.evaluate(() => window.coachStorage.flush());
  const before = await storedDoc(page);
  await click(page, 'settings.back');
  await waitForView(page, () => window.coach.screen === 'home');
  await typeGoal(page, 'changed afterwards');
  await click(page, 'settings');  // importing is done in Settings and data
  await waitForView(page, () => window.coach.screen === 'settings');

  // What the Import button's file picker hands over, as bytes.
  const importText = (text) => page.evaluate((t) => window.coachStorage.importBytes(new TextEncoder().encode(t)), text);
  await importText('{"app":"collection-coach","course":"key-account-collection","generation":2,"document":{"prefs":');
  await waitForView(page, () => /Could not import/.test(window.coach.find('notice.text')?.name ?? ''));
  assert.match((await item(page, 'notice.text')).text, /cut off|not valid JSON/);
  await page.evaluate(() => window.coachStorage.flush());
  assert.equal((await storedDoc(page)).prefs.goal, 'changed afterwards', 'a bad file changes nothing');

  await importText(file);
  await waitForView(page, () => /^Imported\./.test(window.coach.find('notice.text')?.name ?? ''));
  await page.evaluate(() => window.coachStorage.flush());
  assert.deepEqual(await storedDoc(page), before);
  await click(page, 'settings.back');
  await waitForView(page, () => window.coach.screen === 'home');
  assert.equal((await item(page, 'goal')).value, 'exported goal');
  await context.close();
});

test("a field focused in one tab takes the other tab's edit and never writes its old text back", async () => {
  const context = await env.browser.newContext({ viewport: TALL, locale: 'en-US' });
  const a = (await openApp(env, { context })).page;
  const b = (await openApp(env, { context })).page;
  await settle(a);
  await settle(b);
  await typeGoal(a, 'typed in A');  // A's field keeps the focus
  await a.evaluate(() => window.coachStorage.flush());
  await waitForView(b, () => window.coach.find('goal').state?.valueText === 'typed in A');
  await typeGoal(b, 'typed in B later');
  await b.evaluate(() => window.coachStorage.flush());
  await waitForView(a, () => window.coach.find('goal').state?.valueText === 'typed in B later');
  assert.equal(await a.evaluate(() => document.activeElement.value), 'typed in B later', "A's field shows B's text");
  await a.evaluate(() => window.coachStorage.flush());
  await a.waitForTimeout(800);  // past the batching pause: anything A still meant to write is written
  assert.equal((await storedDoc(a)).prefs.goal, 'typed in B later');
  assert.equal((await item(a, 'goal')).value, 'typed in B later');
  // And A types on from B's text.
  await a.keyboard.press('End');
  await a.keyboard.type('!');
  await waitForView(a, () => window.coach.find('goal').state?.valueText === 'typed in B later!');
  await context.close();
});

test('settings show whether storage is persistent and how much is used', async () => {
  const { page, context } = await openApp(env, { query: '?lang=en', viewport: TALL });
  await click(page, 'settings');
  await waitForView(page, () => window.coach.screen === 'settings' && window.coach.find('storage.used'));
  const persist = (await item(page, 'storage.persist')).text;
  assert.match(persist, /Persistent storage (granted|not granted)/);
  assert.match((await item(page, 'storage.used')).text, /used of about/);
  await context.close();
});
