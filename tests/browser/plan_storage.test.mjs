// The collection plan's storage in the browser: records in IndexedDB that survive a reload, two
// tabs that never overwrite each other, an unreadable record kept byte for byte (a lone UTF-16
// surrogate and all), a full quota that loses nothing, the localStorage fallback, and the
// time a sales manager's plan takes to load and save.
//
// The plan is driven by meaning through the page's test handles (web/plan_storage.js):
// window.coachPlanStorage (flush, summary, idle) and the app's coach_plan_add_account; records
// are seeded and read back with IndexedDB itself, inside the page, so strings are compared
// there exactly as stored (a lone surrogate does not survive the trip to the test process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, reloadApp, waitForReady } from './harness.mjs';

const env = useApp();
const PREFIX = 'collection-coach/key-account-collection/plan/';
// The plan's records are read by the build with the plan (app-plan.wasm), which a plan address loads.
const PLAN = '?screen=plan';

// In every page of a context: IndexedDB by key, for seeding and reading records.
const IDB_HELPERS = () => {
  const withStore = (mode, fn) => new Promise((resolve, reject) => {
    const open = indexedDB.open('collection-coach', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('records', mode);
      const result = fn(tx.objectStore('records'));
      tx.oncomplete = () => { db.close(); resolve(result.value); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    };
  });
  window.testRecords = {
    get: (key) => withStore('readonly', (s) => { const out = {}; const r = s.get(key); r.onsuccess = () => { out.value = r.result; }; return out; }),
    keys: () => withStore('readonly', (s) => { const out = {}; const r = s.getAllKeys(); r.onsuccess = () => { out.value = r.result; }; return out; }),
    put: (entries) => withStore('readwrite', (s) => { for (const [k, v] of entries) s.put(v, k); return { value: entries.length }; }),
  };
};

async function newContext() {
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN' });
  await context.addInitScript(IDB_HELPERS);
  return context;
}

// The plan as the app holds it (coach_plan_summary).
const summary = (page) => page.evaluate(() => window.coachPlanStorage.summary());
const waitForPlan = (page, predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 20000 });
const loaded = (page) => waitForPlan(page, () => window.coachPlanStorage?.summary().loaded === true);

async function addAccount(page, id, name) {
  const refusal = await page.evaluate(([i, n]) => window.coachPlanStorage.wasm.call('coach_plan_add_account', i, n), [id, name]);
  assert.equal(refusal, 0, `adding ${id} was refused (${refusal})`);
}

// Writes now and waits until every step queued so far is done.
const flush = (page) => page.evaluate(async () => { await window.coachPlanStorage.flush(); await window.coachPlanStorage.idle(); });
const stored = (page, key) => page.evaluate((k) => window.testRecords.get(k), PREFIX + key);

test('a plan is kept in IndexedDB records and survives a reload', async () => {
  const context = await newContext();
  const { page, errors } = await openApp(env, { context, query: PLAN });
  await loaded(page);
  assert.equal((await summary(page)).accounts, 0);
  await addAccount(page, 'k1', '华东机电 "总部" 🌱');
  await addAccount(page, 'k2', '𠀋 Pacific Tools');
  await flush(page);
  const head = JSON.parse(await stored(page, 'head'));
  assert.deepEqual(head.accounts, ['k1', 'k2']);
  assert.equal(head.kind, 'plan');
  assert.equal(JSON.parse(await stored(page, 'account/k1')).account.name, '华东机电 "总部" 🌱');
  await reloadApp(page);
  await loaded(page);
  const s = await summary(page);
  assert.deepEqual(s.names, ['华东机电 "总部" 🌱', '𠀋 Pacific Tools']);
  assert.equal(s.generation, head.generation);
  assert.equal(s.noticeKind, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs each add an account, and both survive in both tabs', async () => {
  const context = await newContext();
  const { page: first } = await openApp(env, { context, query: PLAN });
  const { page: second } = await openApp(env, { context, query: PLAN });
  await Promise.all([loaded(first), loaded(second)]);
  await addAccount(first, 'from-first', '第一个标签页');
  await addAccount(second, 'from-second', '第二个标签页');
  await flush(first);
  // The second tab's commit expects the generation it read, meets the first tab's, reads
  // again and replays its own account on top; its next flush writes both.
  await flush(second);
  await waitForPlan(second, () => { const s = window.coachPlanStorage.summary(); return s.accounts === 2 && !s.dirty && !s.writing; });
  assert.equal((await summary(second)).noticeKind, 'conflict_merged');
  // The first tab hears of the second's commit and reads it in.
  await waitForPlan(first, () => window.coachPlanStorage.summary().accounts === 2);
  assert.deepEqual((await summary(first)).names, ['第一个标签页', '第二个标签页']);
  assert.deepEqual(JSON.parse(await stored(first, 'head')).accounts, ['from-first', 'from-second']);
  await reloadApp(first);
  await loaded(first);
  assert.deepEqual((await summary(first)).names, ['第一个标签页', '第二个标签页']);
  await context.close();
});

test('a record with a lone surrogate is kept byte for byte under an unreadable key, the backup is used, and the app says so', async () => {
  const context = await newContext();
  const { page, errors } = await openApp(env, { context, query: PLAN });
  await loaded(page);
  await addAccount(page, 'k1', '华东机电');
  await flush(page);
  // The account's record as it was becomes its backup; the record itself gets a lone high
  // surrogate in its text, as a broken write or another program might leave it.
  const broken = await page.evaluate(async (prefix) => {
    const good = await window.testRecords.get(prefix + 'account/k1');
    const bad = good.replace('华东机电', '华东\uD800机电');
    await window.testRecords.put([[prefix + 'backup/account/k1', good], [prefix + 'account/k1', bad]]);
    return { length: bad.length, at: bad.indexOf('\uD800') };
  }, PREFIX);
  assert.ok(broken.at > 0);
  await reloadApp(page);
  await loaded(page);
  const s = await summary(page);
  assert.deepEqual(s.names, ['华东机电']);  // from the backup
  assert.equal(s.noticeKind, 'recovered');
  assert.match(s.notice, /无法读取/);
  assert.match(s.notice, /Unicode|编码|文字/);
  assert.equal(s.unreadable.length, 1);
  assert.match(s.unreadable[0], new RegExp(`^${PREFIX}unreadable/\\d+/account/k1$`));
  // Read back inside the page: the kept value is the broken one, code unit for code unit.
  await page.evaluate(() => window.coachPlanStorage.idle());
  const kept = await page.evaluate(async ([key, prefix]) => {
    const value = await window.testRecords.get(key);
    const backup = await window.testRecords.get(prefix + 'backup/account/k1');
    const expected = backup.replace('华东机电', '华东\uD800机电');
    return { same: value === expected, unit: value.charCodeAt(value.indexOf('华东') + 2), length: value.length };
  }, [s.unreadable[0], PREFIX]);
  assert.deepEqual(kept, { same: true, unit: 0xD800, length: broken.length });
  // Offered as one file, in which JSON escapes the lone surrogate: every value exactly as kept.
  const file = await page.evaluate(async (key) => {
    let saved = null;
    await window.coachPlanStorage.downloadUnreadable('kept.json', (name, text) => { saved = { name, text }; });
    const value = await window.testRecords.get(key);
    return { name: saved.name, escaped: saved.text.includes('\\ud800'), same: JSON.parse(saved.text)[key] === value };
  }, s.unreadable[0]);
  assert.deepEqual(file, { name: 'kept.json', escaped: true, same: true });
  // The next flush writes the account again from the backup, and keeps the backup as it was.
  await flush(page);
  await waitForPlan(page, () => !window.coachPlanStorage.summary().dirty);
  const rewritten = await page.evaluate(async (prefix) => {
    const value = await window.testRecords.get(prefix + 'account/k1');
    return { lone: /[\uD800-\uDFFF]/.test(value), name: JSON.parse(value).account.name };
  }, PREFIX);
  assert.deepEqual(rewritten, { lone: false, name: '华东机电' });
  assert.equal(await page.evaluate((key) => window.testRecords.get(key).then((v) => v.includes('\uD800')), s.unreadable[0]), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a commit refused for quota shows the quota notice, loses nothing, and is written once there is room', async () => {
  const context = await newContext();
  // A record store that refuses every commit while window.failCommits is set.
  await context.addInitScript(() => {
    window.coachRecordsForTest = (real) => ({
      readAll: (prefix) => real.readAll(prefix),
      readKeys: (keys) => real.readKeys(keys),
      commit: (request) => (window.failCommits ? Promise.resolve('quota') : real.commit(request)),
      onChange: (f) => real.onChange(f),
    });
  });
  const { page } = await openApp(env, { context, query: PLAN });
  await loaded(page);
  await page.evaluate(() => { window.failCommits = true; });
  await addAccount(page, 'k1', '满了也不丢');
  await flush(page);
  let s = await summary(page);
  assert.equal(s.noticeKind, 'quota');
  assert.match(s.notice, /已满/);
  assert.equal(s.dirty, true);
  assert.deepEqual(s.names, ['满了也不丢']);
  assert.equal(await stored(page, 'head'), undefined);
  // The learner sees it on the plan's screens, with a way to keep the plan meanwhile.
  await page.waitForFunction(() => /已满/.test(window.coach.find('plan.notice.text')?.name || ''), null, { timeout: 20000 });
  assert.equal((await page.evaluate(() => window.coach.find('plan.notice'))).role, 'alert');
  assert.ok(await page.evaluate(() => Boolean(window.coach.find('plan.notice.export'))));
  // Room again: the retry (every 3 s) writes it.
  await page.evaluate(() => { window.failCommits = false; });
  await waitForPlan(page, () => { const x = window.coachPlanStorage.summary(); return !x.dirty && x.noticeKind === ''; });
  assert.deepEqual(JSON.parse(await stored(page, 'head')).accounts, ['k1']);
  await reloadApp(page);
  await loaded(page);
  s = await summary(page);
  assert.deepEqual(s.names, ['满了也不丢']);
  await context.close();
});

test('without IndexedDB the plan lives in localStorage under the same keys', async () => {
  const context = await newContext();
  await context.addInitScript(() => {
    // A private window of an older browser: opening the database fails.
    Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'); } } });
  });
  const { page, errors } = await openApp(env, { context, query: PLAN });
  await loaded(page);
  await addAccount(page, 'k1', '隐私模式');
  await flush(page);
  const keys = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), PREFIX);
  assert.deepEqual(keys, [PREFIX + 'account/k1', PREFIX + 'head']);  // nothing was there to back up
  await reloadApp(page);
  await loaded(page);
  assert.deepEqual((await summary(page)).names, ['隐私模式']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sales manager\'s plan: 5,000 accounts and 50,000 receivables load, save, and start again from the snapshot', async () => {
  const context = await newContext();
  const { page } = await openApp(env, { context, query: PLAN });
  await loaded(page);
  // Seeded as the app writes them: one record per account, and the head.
  const seeded = await page.evaluate(async (prefix) => {
    const envelope = { app: 'collection-coach', course: 'key-account-collection' };
    const ids = [];
    const entries = [];
    for (let a = 0; a < 5000; a++) {
      const id = `acc-${a}`;
      ids.push(id);
      const receivables = [];
      for (let r = 0; r < 10; r++) {
        const issued = 20000 + ((a * 7 + r * 31) % 400);
        receivables.push({ id: `${id}-${r}`, invoice: `FP-${a}-${r}`, amount: 100000 + ((a * 13 + r) % 9000) * 100, issued, due: issued + 30,
          note: r % 3 ? '' : '月底前回款', payments: r % 4 ? [] : [{ date: issued + 20, amount: 50000, note: '部分' }] });
      }
      const account = { id, name: `客户${a}号 华东机电`, segment: ['机电', '化工', '食品'][a % 3], potential: 5000000000, share_percent: a % 100,
        stage: 'from_share', credit_limit: 100000000, terms_days: 30, currency: 'CNY', notes: '', example: false, receivables };
      entries.push([prefix + `account/${id}`, JSON.stringify({ ...envelope, kind: 'account', version: 1, generation: 1, account })]);
    }
    entries.push([prefix + 'head', JSON.stringify({ ...envelope, kind: 'plan', version: 1, generation: 1, accounts: ids, mapping: [] })]);
    await window.testRecords.put(entries);
    return entries.reduce((n, [, v]) => n + v.length, 0);
  }, PREFIX);
  const t0 = Date.now();
  await page.reload();
  await waitForReady(page);
  await loaded(page);
  const startToLoaded = Date.now() - t0;
  const s = await summary(page);
  assert.equal(s.accounts, 5000);
  assert.equal(s.receivables, 50000);
  assert.equal(s.noticeKind, '');
  const read = await page.evaluate(() => window.coachPlanStorage.lastReadMs);
  // One account more: the flush writes that account and the head, nothing else.
  await addAccount(page, 'one-more', '新客户');
  const t1 = Date.now();
  await flush(page);
  const save = Date.now() - t1;
  const commit = await page.evaluate(() => window.coachPlanStorage.lastCommitMs);
  assert.equal((await summary(page)).dirty, false);
  const memory = await page.evaluate(() => window.coach.wasmMemoryBytes);
  assert.equal(await page.evaluate(() => window.coachPlanStorage.startedFrom), 'records');  // the seeded records have no snapshot

  // Once the plan has settled the page stores its snapshot; the next start reads that alone.
  const generation = (await summary(page)).generation;
  await waitForPlan(page, (g) => window.coachPlanStorage.snapshotGeneration === g, generation);
  const t2 = Date.now();
  await reloadApp(page);
  await loaded(page);
  const fastStart = Date.now() - t2;
  assert.equal(await page.evaluate(() => window.coachPlanStorage.startedFrom), 'snapshot');
  const fast = await summary(page);
  assert.equal(fast.accounts, 5001);
  assert.equal(fast.receivables, 50000);
  assert.equal(fast.generation, generation);
  const fastRead = await page.evaluate(() => window.coachPlanStorage.lastReadMs);
  const fastAfterFrame = await page.evaluate(() => window.coachPlanStorage.loadedAtMs - window.coach.firstFrameMs);

  // A change written but reloaded before its snapshot: the stored snapshot is a generation
  // behind the head, so every record is read, and the change is there.
  await addAccount(page, 'after-snapshot', '快照之后');
  await flush(page);
  await reloadApp(page);
  await loaded(page);
  assert.equal(await page.evaluate(() => window.coachPlanStorage.startedFrom), 'records');
  const after = await summary(page);
  assert.equal(after.accounts, 5002);
  assert.equal(after.generation, generation + 1);
  console.log(`plan of 5,000 accounts / 50,000 receivables (${(seeded / 1e6).toFixed(1)} MB of records): ` +
    `records into the app ${read.toFixed(0)} ms, reload to loaded ${startToLoaded} ms; from the snapshot: into the app ` +
    `${fastRead.toFixed(0)} ms, loaded ${fastAfterFrame.toFixed(0)} ms after the first frame, reload to loaded ${fastStart} ms; ` +
    `one change saved in ${save} ms (commit ${commit.toFixed(0)} ms); WebAssembly memory ${(memory / 1048576).toFixed(0)} MiB`);
  await context.close();
});
