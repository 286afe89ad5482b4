// The collection plan in the browser, driven by meaning (window.coach.activate) and, for what a
// learner types, by real key presses and the platform's IME: two accounts with Chinese names,
// a receivable and a part payment on each, the ageing read back from the view tree; a CSV
// report with a broken row imported (the good rows go in, the broken one is named by row and
// column); the ledger exported and its bytes checked; and everything found again after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openApp, activate, waitForView, reloadApp, gotoApp } from './harness.mjs';

const env = useApp();
const TALL = { width: 1024, height: 1400 };
const DAY = 86400000;
const iso = (daysAgo) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
const find = (page, id) => page.evaluate((i) => window.coach.find(i), id);
const waitFor = (page, id) => waitForView(page, (i) => Boolean(window.coach.find(i)), id);

// The keyboard's way into a field, then real key presses (Latin) or an IME's composition (Chinese).
async function type(page, cdp, id, text, { ime = false } = {}) {
  await waitFor(page, id);
  await page.evaluate((i) => window.coach.focus(i), id);
  await page.waitForFunction((i) => document.activeElement?.dataset?.id === i && document.activeElement.tagName === 'INPUT', id);
  if (ime) {
    await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
    await cdp.send('Input.insertText', { text });
  } else {
    await page.keyboard.press('Control+A');  // a field the form filled in (today, the open amount) is typed over
    await page.keyboard.type(text);
  }
  await waitForView(page, ([i, t]) => window.coach.find(i)?.state?.valueText === t, [id, text]);
}

async function addAccount(page, cdp, name, { amount, issuedAgo, dueAgo, paid }) {
  await activate(page, 'plan-add-account').catch(() => activate(page, 'plan-start-add'));
  await type(page, cdp, 'account-form.name', name, { ime: true });
  await activate(page, 'account-form.save');
  await waitForView(page, () => window.coach.screen === 'account' && Boolean(window.coach.find('account-add-receivable')));
  await activate(page, 'account-add-receivable');
  await type(page, cdp, 'receivable-form.invoice', `FP-${name.length}${amount}`);
  await type(page, cdp, 'receivable-form.amount', String(amount));
  await type(page, cdp, 'receivable-form.issued', iso(issuedAgo));
  await type(page, cdp, 'receivable-form.due', iso(dueAgo));
  await activate(page, 'receivable-form.save');
  await waitForView(page, () => window.coach.root && JSON.stringify(window.coach.root).includes('account-receivables.row.'));
  const rowId = await page.evaluate(() => {
    let found = '';
    const walk = (n) => { if (!found && n.id.startsWith('account-receivables.row.')) found = n.id; (n.children || []).forEach(walk); };
    walk(window.coach.root);
    return found;
  });
  await activate(page, rowId);
  await type(page, cdp, 'payment-form.amount', String(paid));
  await activate(page, 'payment-form.save');
  await saved(page);
}

// The plan is written within moments of a change (web/plan_storage.js); a learner who leaves at
// once may outrun IndexedDB, so the test leaves once it is written, as the store reports.
const saved = (page) => page.waitForFunction(() => {
  const s = window.coachPlanStorage?.summary();
  return s && s.loaded && !s.dirty && !s.writing;
}, null, { timeout: 10000 });

const rowText = (page, id) => page.evaluate((i) => {
  const row = window.coach.find(i);
  return row ? [row.name, ...(row.children || []).map((c) => c.name)].join(' | ') : '';
}, id);

test('two accounts typed through the IME, a part payment each, ageing in the view tree; a CSV with a broken row; the ledger; a reload', async () => {
  const { page, context } = await openApp(env, { query: '?lang=zh&screen=plan', viewport: TALL });
  const cdp = await context.newCDPSession(page);
  await waitFor(page, 'plan-start-add');

  // 10,000.00 issued 60 days ago, due 45 days ago (31–60 days past due), 4,000.00 paid: 6,000.00 open.
  await addAccount(page, cdp, '喆达电子', { amount: 10000, issuedAgo: 60, dueAgo: 45, paid: 4000 });
  await waitFor(page, 'account-ageing.row.31-60');
  assert.match(await rowText(page, 'account-ageing.row.31-60'), /¥6,000\.00/);
  assert.match(await rowText(page, 'account-ageing.row.total'), /¥6,000\.00/);
  assert.match(await rowText(page, 'account-ageing.row.not-due'), /¥0\.00/);

  // 2,500.50 due in 10 days (not due), 500.50 paid: 2,000.00 open and not due.
  await gotoApp(env, page, '?lang=zh&screen=plan');
  await waitFor(page, 'plan-add-account');
  await addAccount(page, cdp, '玥明物流', { amount: 2500.5, issuedAgo: 20, dueAgo: -10, paid: 500.5 });
  await waitFor(page, 'account-ageing.row.not-due');
  assert.match(await rowText(page, 'account-ageing.row.not-due'), /¥2,000\.00/);
  assert.match(await rowText(page, 'account-ageing.row.31-60'), /¥0\.00/);

  // The dashboard adds them up: 8,000.00 open, 6,000.00 of it overdue (75 %).
  await gotoApp(env, page, '?lang=zh&screen=plan');
  await waitFor(page, 'plan-total-open');
  assert.match((await find(page, 'plan-total-open')).name, /¥8,000\.00/);
  assert.match((await find(page, 'plan-total-overdue')).name, /¥6,000\.00/);
  assert.match((await find(page, 'plan-total-ratio')).name, /75%/);

  // A report as a Chinese ERP exports it, with one broken amount on spreadsheet row 3.
  const csv = ['客户名称,发票号,金额,开票日期,到期日', `赟通建材,FP9001,"1,200.00",${iso(100)},${iso(95)}`,
    `赟通建材,FP9002,abc,${iso(10)},${iso(-20)}`, `湘江机械集团,FP9003,800,${iso(5)},${iso(-25)}`].join('\r\n');
  await activate(page, 'plan-import');
  await waitFor(page, 'plan-import-pick');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'plan-import-pick')]);
  await chooser.setFiles({ name: 'erp.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
  await waitFor(page, 'plan-import-preview');
  await activate(page, 'plan-import-preview');
  await waitFor(page, 'plan-errors');
  const errors = await page.evaluate(() => (window.coach.find('plan-errors').children || []).map((c) => c.name));
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /3.*3.*金额.*abc/);
  await activate(page, 'plan-import-go');
  await waitFor(page, 'plan-import.done');
  await saved(page);

  // The ledger: UTF-8 with a BOM, CRLF, every account's name intact.
  await gotoApp(env, page, '?lang=zh&screen=plan');
  await waitFor(page, 'plan-export-ledger');
  const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'plan-export-ledger')]);
  assert.match(download.suggestedFilename(), /^collection-coach-ledger-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.includes('\r\n'));
  for (const name of ['喆达电子', '玥明物流', '赟通建材', '湘江机械集团']) assert.ok(text.includes(name), name);
  assert.ok(text.includes('FP9001') && text.includes('FP9003') && !text.includes('FP9002'));
  assert.match(text, /喆达电子[^\r\n]*10000\.00[^\r\n]*4000\.00[^\r\n]*6000\.00/);

  // After a reload everything is there, read back from storage.
  await reloadApp(page);
  await gotoApp(env, page, '?lang=zh&screen=accounts');
  await waitForView(page, () => JSON.stringify(window.coach.root).includes('赟通建材'));
  const listed = await page.evaluate(() => JSON.stringify(window.coach.root));
  for (const name of ['喆达电子', '玥明物流', '赟通建材', '湘江机械集团']) assert.ok(listed.includes(name), name);
  await context.close();
});
