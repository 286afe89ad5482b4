// plan_storage: the page's half of keeping the collection plan. The app decides what to read the
// records as and what to write (app/core/plan_store.h, app/platform/web_plan.cpp); the record
// store keeps them (web/records.js); this file carries the steps out, one at a time:
//   - start: the record store opens while the app downloads, and the head and the snapshot
//     (app/core/plan_snapshot.h) are read while the first frame is prepared (IndexedDB works off
//     the main thread); after the first frame (never before it: handing 5,000 records to the
//     app must not delay it) the app starts from them when it accepts them; otherwise every
//     record under the plan's prefix is read into the app, and the repairs it answers with are
//     committed (unreadable values kept);
//   - snapshot: SNAPSHOT_DELAY_MS after a read or a commit, with no other step queued, the app's
//     snapshot of the plan (if it has a newer one), as bytes in chunks (writeSnapshot says why),
//     in a quiet commit of its own, expecting the generation it shows: derived data, so its
//     outcome is not the learner's concern;
//   - flush: 50 ms after the frame first asks for one ("plan":{"save":true}): the plan changes by
//     whole actions (a form saved, a payment recorded), not by keystrokes, so there is no burst
//     to wait for, and the sooner the commit the smaller the window in which closing the tab or
//     following a link loses an edit; at once when the page is hidden (visibilitychange,
//     pagehide). Best effort:
//     a commit begun while the tab closes may never complete in IndexedDB; the store then holds
//     the generation before, whole, and the edit is still in the page for the next flush. The
//     learner document (storage.js) is the one thing saved synchronously in `pagehide`;
//   - a commit that meets a conflict (another tab wrote first) reads every record again, and
//     the app replays its own unwritten changes on top; so does a commit of another tab
//     (records.onChange);
//   - a commit refused for quota or by unavailable storage: the app says so, keeps everything,
//     and the flush is tried again every 3 s.
// After each step the app is woken, so the screens show what changed.
//
// For tests: `window.coachRecordsForTest`, when a function, is given the record store this
// page opened and returns the one to use instead (a wrapper that fails commits, say). It is
// read once, at start. `window.coachPlanStorage` exposes flush(), summary(), idle() (a promise
// of the steps queued so far being done), downloadUnreadable(), startedFrom ('snapshot' or
// 'records'), snapshotGeneration (of the snapshot this page stored), and the times lastReadMs,
// lastCommitMs and loadedAtMs.
import { openRecords } from './records.js';

// The record store, opened as soon as the page knows the plan is wanted (shell.js calls this
// while the app downloads): IndexedDB opens off the main thread, so the plan's records can be
// read right after the first frame instead of only starting to open then. Once per page.
let opening = null;
export function openPlanRecords() {
  if (!opening) {
    opening = openRecords().then((opened) => {
      const hook = window.coachRecordsForTest;
      return typeof hook === 'function' ? hook(opened) : opened;
    });
  }
  return opening;
}

const FLUSH_DELAY_MS = 50;
const SNAPSHOT_DELAY_MS = 1000;
const SNAPSHOT_CHUNK = 60 * 1024;
const SNAPSHOT_GENERATION = /^coach-plan-snapshot\t\d+\t(\d+)\t/;
const RETRY_MS = 3000;

// Text into the app as UTF-8 bytes. TextEncoder is fast but turns a lone surrogate into U+FFFD,
// and Emscripten's stringToUTF8 pairs it with whatever unit follows: either way a damaged value
// would read as a good one with another text. A value with a lone surrogate is encoded here
// instead, each lone surrogate as the three bytes of its code unit, which no reader of the app
// accepts (utf8.h): the value is found unreadable and kept exactly as it is, by a copy.
const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function utf8(value) {
  const text = typeof value === 'string' ? value : String(value);
  const wellFormed = typeof text.isWellFormed === 'function' ? text.isWellFormed() : !LONE_SURROGATE.test(text);
  if (wellFormed) return encoder.encode(text);
  const bytes = new Uint8Array(text.length * 3);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) { c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00); i++; }
    }
    if (c < 0x80) bytes[at++] = c;
    else if (c < 0x800) { bytes[at++] = 0xC0 | (c >> 6); bytes[at++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { bytes[at++] = 0xE0 | (c >> 12); bytes[at++] = 0x80 | ((c >> 6) & 63); bytes[at++] = 0x80 | (c & 63); }
    else { bytes[at++] = 0xF0 | (c >> 18); bytes[at++] = 0x80 | ((c >> 12) & 63); bytes[at++] = 0x80 | ((c >> 6) & 63); bytes[at++] = 0x80 | (c & 63); }
  }
  return bytes.subarray(0, at);
}

export class PlanStorage {
  constructor(wasm, scheduler) {
    this.wasm = wasm;
    this.scheduler = scheduler;
    this.prefix = wasm.constants.keys.plan;
    this.snapshotPrefix = this.prefix + 'snapshot/';
    this.codes = wasm.constants.outcome;
    this.records = null;
    this.steps = Promise.resolve();
    this.flushTimer = 0;
    this.started = false;
    this.lastReadMs = 0;
    this.lastCommitMs = 0;
    this.loadedAtMs = 0;  // when the first read was in the app (performance.now()), for the benchmark
    this.snapshotTimer = 0;
    this.snapshotChunks = 0;      // how many chunks the stored snapshot has, as last read or written
    // The head and the snapshot, read while the first frame is prepared (the app cannot take
    // them before it has started; start() hands them in).
    this.early = openPlanRecords().then(async (records) => {
      let first = null;
      try {
        const [[head], chunks] = await Promise.all([records.readKeys([this.prefix + 'head']), records.readAll(this.snapshotPrefix)]);
        first = { head, chunks };
      } catch { /* every record is read instead */ }
      return { records, first };
    });
    this.snapshotGeneration = 0;  // the generation of the snapshot this page last stored
    this.startedFrom = '';        // 'snapshot' or 'records': how the first read went
  }

  // After the first frame.
  start() {
    if (this.started) return;
    this.started = true;
    this.step(async () => {
      const { records, first } = await this.early;
      this.records = records;
      this.records.onChange(() => this.step(() => this.read()));
      if (!(first && this.startFromSnapshot(first))) await this.read();
    });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') this.flush(); });
    window.addEventListener('pagehide', () => this.flush());
  }

  // One step after another: a read never runs while a commit is under way, nor two commits.
  step(fn) {
    this.steps = this.steps.then(fn).catch((e) => console.warn('collection plan storage:', e));
    return this.steps;
  }

  idle() { return this.steps; }

  // The head and the snapshot alone: true when the app started from them.
  startFromSnapshot({ head, chunks }) {
    this.snapshotChunks = chunks.length;
    if (typeof head !== 'string' || !chunks.length || !chunks.every(([, v]) => v instanceof Uint8Array)) return false;
    const t0 = performance.now();
    const snapshot = new Uint8Array(chunks.reduce((n, [, v]) => n + v.length, 0));
    let at = 0;
    for (const [, v] of chunks) { snapshot.set(v, at); at += v.length; }
    const h = utf8(head);
    if (!this.wasm.call('coach_plan_start_from_snapshot', h, h.length, snapshot, snapshot.length, Date.now(), -new Date().getTimezoneOffset())) return false;
    this.lastReadMs = performance.now() - t0;
    if (!this.loadedAtMs) this.loadedAtMs = performance.now();
    this.startedFrom = 'snapshot';
    this.scheduler.request();
    return true;
  }

  scheduleSnapshot() {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => this.step(() => this.writeSnapshot()), SNAPSHOT_DELAY_MS);
  }

  // The snapshot as UTF-8 bytes in chunks of SNAPSHOT_CHUNK bytes under snapshot/0000, 0001, ...:
  // Chrome keeps an IndexedDB value over 64 KB as a file of its own, which takes far longer to
  // read back than the same bytes in small values; bytes, not a string, so nothing is encoded
  // on the way in or out. Chunks of an older, longer snapshot are removed in the same commit.
  async writeSnapshot() {
    if (this.flushTimer) return;  // changes are on their way: their commit schedules another
    const m = this.wasm.module;
    const ptr = this.wasm.call('coach_plan_snapshot');
    const end = m.HEAPU8.indexOf(0, ptr);  // the text holds no NUL (the plan's text never does)
    if (end <= ptr) return;
    const bytes = m.HEAPU8.slice(ptr, end);
    const generation = Number(SNAPSHOT_GENERATION.exec(new TextDecoder().decode(bytes.subarray(0, 96)))?.[1] || 0);
    if (!generation) return;
    const ops = [];
    const key = (i) => this.snapshotPrefix + String(i).padStart(4, '0');
    let count = 0;
    for (let i = 0; i < bytes.length; i += SNAPSHOT_CHUNK, count++) ops.push({ kind: 'put', key: key(count), value: bytes.slice(i, i + SNAPSHOT_CHUNK) });
    for (let i = count; i < this.snapshotChunks; i++) ops.push({ kind: 'remove', key: key(i) });
    const outcome = await this.records.commit({ expect: { key: this.prefix + 'head', generation }, ops, quiet: true });
    if (outcome === 'ok') {
      this.wasm.call('coach_plan_snapshot_done', generation);
      this.snapshotGeneration = generation;
      this.snapshotChunks = count;
    }
  }

  async read() {
    let records;
    try {
      records = await this.records.readAll(this.prefix);
    } catch (e) {
      console.warn('collection plan: reading the records failed; trying again', e);
      setTimeout(() => this.step(() => this.read()), RETRY_MS);
      return;
    }
    const t0 = performance.now();
    this.wasm.call('coach_plan_begin_read');
    let snapshotChunks = 0;
    for (const [key, value] of records) {
      if (key.startsWith(this.snapshotPrefix)) { snapshotChunks += 1; continue; }  // derived data, not the plan's
      const bytes = utf8(value);
      this.wasm.call('coach_plan_record', key, bytes, bytes.length);
    }
    const repairs = this.wasm.json('coach_plan_end_read', Date.now(), -new Date().getTimezoneOffset());
    this.snapshotChunks = snapshotChunks;
    this.lastReadMs = performance.now() - t0;
    if (!this.loadedAtMs) this.loadedAtMs = performance.now();
    if (!this.startedFrom) this.startedFrom = 'records';
    this.scheduler.request();
    if (repairs) await this.commit(repairs);
    this.scheduleSnapshot();
  }

  async commit(request) {
    const t0 = performance.now();
    const outcome = await this.records.commit(request);
    this.lastCommitMs = performance.now() - t0;
    this.wasm.call('coach_plan_done', this.codes[outcome] ?? this.codes.unavailable);
    this.scheduler.request();
    if (outcome === 'conflict') await this.read();
    else if (outcome !== 'ok') this.retry();
    else this.scheduleSnapshot();
  }

  retry() {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), RETRY_MS);
  }

  // The frame asked for a flush: at most FLUSH_DELAY_MS after the first unwritten change. A
  // pending retry stays.
  scheduleFlush() {
    if (this.flushTimer || !this.records) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = 0;
    if (!this.records) return this.steps;
    return this.step(async () => {
      const request = this.wasm.json('coach_plan_flush');
      if (request) await this.commit(request);
    });
  }

  // The values kept because they could not be read, as one file to give to whoever can repair
  // them: {"<key>": "<value>", ...}. JSON writes a lone surrogate as an escape (\ud800), so the
  // file holds every value exactly as stored.
  downloadUnreadable(name, download) {
    return this.step(async () => {
      if (!this.records) return;
      const kept = await this.records.readAll(this.prefix + 'unreadable/');
      if (kept.length) download(name, JSON.stringify(Object.fromEntries(kept), null, 2));
    });
  }

  summary() { return this.wasm.json('coach_plan_summary'); }
}
