// records: the one record store the app keeps its collection plan in (app/core/plan_store.h
// says what it writes and why). Keys are strings; values are strings, but for the plan's
// snapshot (bytes, Uint8Array: plan_storage.js), which only IndexedDB keeps. Every backend implements:
//
//   readAll(prefix)   -> Promise<Array<[key, value]>>, every record whose key starts with prefix
//   readKeys(keys)    -> Promise<Array<value | undefined>>, the records named, in one read (the
//       plan's start reads its head and snapshot first, plan_snapshot.h)
//   commit({expect, ops}) -> Promise<'ok' | 'quota' | 'unavailable' | 'conflict'>
//       expect: {key, generation} or null. One atomic step: read the record `expect.key` (the
//       plan's head) and its generation by headGeneration() below (no record: 0); when that is
//       not expect.generation, change nothing and answer 'conflict' (another tab wrote since).
//       Otherwise run ops in order: {kind:'put', key, value}, {kind:'remove', key},
//       {kind:'copy', key, from} (the value `from` holds at that point, if any, to `key`: how
//       backups and unreadable values are kept without the value leaving the store, so it stays
//       exactly as it was, lone UTF-16 surrogates and all). All of it happens, or none.
//       A commit given `quiet: true` (the plan's snapshot, derived data) tells no other tab.
//   onChange(callback) -> another tab committed: read again. Posted on the BroadcastChannel
//       "collection-coach-records" after every commit that changed something.
//
// A SCORM or LMS backend implements the same three (suspend data per key, or the LMS's own
// records): the app above never knows which one it has.
//
// Backends here:
//   IndexedDbRecords      database "collection-coach", object store "records" (string keys,
//                         string values). A commit is one readwrite transaction.
//   LocalStorageRecords   the same keys in localStorage, when IndexedDB cannot be opened. A
//                         commit checks the head and runs the ops synchronously (no other tab
//                         runs in between), and on a failure puts back every value it changed,
//                         in reverse, before answering.
//   UnavailableRecords    neither works: reads nothing, every commit is 'unavailable'; the app
//                         keeps the plan in memory and says so.
//
// The learner document (web/storage.js) is a record of the same kind -- a key and a text value,
// written whole, a generation inside, a backup key, unreadable values kept under their own key
// -- but it stays alone in localStorage: it is small, and a synchronous setItem still completes
// in `pagehide`, which no IndexedDB transaction promises. The plan is too large for that (about
// 5 MB per origin) and is written per account instead, here.
//
// Browser quirks this file works around, by name:
//   - Transaction auto-commit: an IndexedDB transaction commits as soon as control returns to
//     the event loop with no request of its own pending. Awaiting anything else inside one
//     (a fetch, a timer, even an already resolved promise in older Safari) ends it, and the
//     next request throws TransactionInactiveError. So commit() places every request from
//     inside the callbacks of the transaction's own requests, and awaits nothing in between.
//   - Copy order: a copy must read before the writes that follow it. commit() first reads the
//     head and every `from` (requests run in the order placed, before any write), then runs all
//     the ops against those values in memory, placing the writes in order.
//   - Safari private browsing (before Safari 14): indexedDB exists but open() fails, and
//     localStorage.setItem throws QuotaExceededError at a quota of 0. Open failing leads to
//     LocalStorageRecords, whose commits then answer 'quota' or 'unavailable': the app says so.
//   - Firefox private windows (before Firefox 115): indexedDB.open() fires an error
//     ("InvalidStateError: A mutation operation was attempted on a database that did not allow
//     mutations"), or throws at once. Either way: LocalStorageRecords.
//   - A blocked or hanging open (another tab holds an old version open, some embedded
//     webviews): open() gives up after OPEN_TIMEOUT_MS and LocalStorageRecords takes over for
//     this page.
//   - Safari closing the connection ("Connection to Indexed Database server lost", an
//     UnknownError, or InvalidStateError from db.transaction after a long time in the
//     background): the connection is opened again once and the step retried.
//   - QuotaExceededError has several names: a DOMException named 'QuotaExceededError'
//     (Chrome, Safari, Firefox now), code 22; old Firefox 'NS_ERROR_DOM_QUOTA_REACHED' (code
//     1014). In IndexedDB it arrives as the transaction's error when it aborts. All are 'quota'.
//   - pagehide: a transaction begun there may never complete. The page flushes when it is
//     hidden instead (visibilitychange), as the best it can; the store never holds half a
//     commit, and what was not written is still in the page and goes with the next flush.
//   - Lone surrogates: IndexedDB keeps a string exactly (structured clone). Chrome's
//     localStorage does too; a backend that could not would turn a kept unreadable value into
//     another value, which is why LocalStorageRecords is only the fallback.
export const DB_NAME = 'collection-coach';
export const STORE_NAME = 'records';
export const CHANNEL = 'collection-coach-records';
const OPEN_TIMEOUT_MS = 3000;

// The generation a head names, by the rule the app applies too (plan_store.h, head_generation):
// the digits after the first `"generation"`, optional JSON white space, `:`, optional white
// space; 0 without a match or with more than 15 digits. ASCII only, so it reads the same here
// (UTF-16) and in the app (UTF-8), whatever else the text holds.
const GENERATION = /"generation"[ \t\n\r]*:[ \t\n\r]*([0-9]+)/;
export function headGeneration(value) {
  if (typeof value !== 'string') return 0;
  const m = GENERATION.exec(value);
  return m && m[1].length <= 15 ? Number(m[1]) : 0;
}

const isQuota = (e) => Boolean(e) && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
const outcomeOf = (e) => (isQuota(e) ? 'quota' : 'unavailable');

// The smallest string above every key that starts with `prefix`, for a key range.
const prefixEnd = (prefix) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

class Announcer {
  constructor() {
    this.listeners = [];
    try {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = () => { for (const f of this.listeners) f(); };
    } catch { this.channel = null; }  // no BroadcastChannel (Safari before 15.4): each tab reads on its own start
  }
  onChange(callback) { this.listeners.push(callback); }
  announce() { try { this.channel?.postMessage('commit'); } catch { /* closed */ } }
}

export class IndexedDbRecords {
  static async open() { return new IndexedDbRecords(await IndexedDbRecords.openDb()); }

  static openDb() {
    return new Promise((resolve, reject) => {
      let settled = false;
      const done = (f, v) => { if (!settled) { settled = true; clearTimeout(timer); f(v); } };
      const timer = setTimeout(() => done(reject, new Error('indexedDB.open timed out')), OPEN_TIMEOUT_MS);
      let request;
      try {
        request = indexedDB.open(DB_NAME, 1);
      } catch (e) { done(reject, e); return; }
      request.onupgradeneeded = () => { request.result.createObjectStore(STORE_NAME); };
      request.onsuccess = () => {
        const db = request.result;
        if (settled) { db.close(); return; }
        done(resolve, db);
      };
      request.onerror = () => done(reject, request.error);
      request.onblocked = () => { /* wait; the timeout decides */ };
    });
  }

  constructor(db) {
    this.db = db;
    this.announcer = new Announcer();
    this.watch(db);
  }

  watch(db) {
    // Another tab upgrading the database: step aside (the next step opens it again).
    db.onversionchange = () => { db.close(); this.db = null; };
    db.onclose = () => { this.db = null; };
  }

  async connection(fresh = false) {
    if (fresh || !this.db) {
      this.db = await IndexedDbRecords.openDb();
      this.watch(this.db);
    }
    return this.db;
  }

  // Runs `step(db)` (which starts a transaction), once more on a fresh connection if the old
  // one was closed under it.
  async withRetry(step) {
    try {
      return await step(await this.connection());
    } catch (e) {
      if (e && (e.name === 'InvalidStateError' || e.name === 'UnknownError')) return step(await this.connection(true));
      throw e;
    }
  }

  readAll(prefix) {
    return this.withRetry((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, 'readonly');
      const store = tx.objectStore(STORE_NAME);
      const range = IDBKeyRange.bound(prefix, prefixEnd(prefix), false, true);
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      tx.oncomplete = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  }

  readKeys(keys) {
    return this.withRetry((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(STORE_NAME, 'readonly');
      const store = tx.objectStore(STORE_NAME);
      const requests = keys.map((k) => store.get(k));
      tx.oncomplete = () => resolve(requests.map((r) => r.result));
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    }));
  }

  async commit({ expect, ops, quiet = false }) {
    let outcome;
    try {
      outcome = await this.withRetry((db) => new Promise((resolve) => {
        const tx = db.transaction(STORE_NAME, 'readwrite');
        const store = tx.objectStore(STORE_NAME);
        let answer = 'ok';
        tx.oncomplete = () => resolve(answer);
        tx.onabort = () => resolve(answer !== 'ok' ? answer : outcomeOf(tx.error));  // a failed request aborts too
        // Phase one: read the head and every copy's source, before any write.
        const reads = new Map();
        const wanted = new Set(ops.filter((op) => op.kind === 'copy').map((op) => op.from));
        if (expect) wanted.add(expect.key);
        let pending = wanted.size;
        const writeAll = () => {
          if (expect && headGeneration(reads.get(expect.key)) !== expect.generation) {
            answer = 'conflict';
            tx.abort();
            return;
          }
          // Phase two: the ops in order, against the values as this commit leaves them.
          const now = new Map(reads);
          for (const op of ops) {
            if (op.kind === 'put') { store.put(op.value, op.key); now.set(op.key, op.value); }
            else if (op.kind === 'remove') { store.delete(op.key); now.set(op.key, undefined); }
            else if (op.kind === 'copy') {
              const value = now.get(op.from);
              if (value !== undefined) { store.put(value, op.key); now.set(op.key, value); }
            }
          }
        };
        const write = () => {
          try {
            writeAll();
          } catch (e) {  // a value the store cannot take (DataCloneError), a closed transaction
            answer = outcomeOf(e);
            try { tx.abort(); } catch { /* already over */ }
          }
        };
        if (pending === 0) write();
        for (const key of wanted) {
          const r = store.get(key);
          r.onsuccess = () => {
            reads.set(key, r.result);
            if (--pending === 0) write();
          };
        }
      }));
    } catch (e) {
      return outcomeOf(e);
    }
    if (outcome === 'ok' && !quiet) this.announcer.announce();
    return outcome;
  }

  onChange(callback) { this.announcer.onChange(callback); }
}

export class LocalStorageRecords {
  static open() {
    // A write and a removal: storage that exists but refuses (a quota of 0) counts as there:
    // its commits will say 'quota'. Storage that throws on reading is not.
    const probe = '__collection-coach-probe__';
    localStorage.getItem(probe);
    try { localStorage.setItem(probe, '1'); localStorage.removeItem(probe); } catch { /* full, yet readable */ }
    return new LocalStorageRecords();
  }

  constructor() { this.announcer = new Announcer(); }

  async readAll(prefix) {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key !== null && key.startsWith(prefix)) out.push([key, localStorage.getItem(key)]);
    }
    return out;
  }

  async readKeys(keys) {
    return keys.map((k) => { const v = localStorage.getItem(k); return v === null ? undefined : v; });
  }

  async commit({ expect, ops, quiet = false }) {
    // localStorage holds text only: a commit with bytes (the plan's snapshot) is not for it.
    if (ops.some((op) => op.kind === 'put' && typeof op.value !== 'string')) return 'unavailable';
    const get = (k) => { const v = localStorage.getItem(k); return v === null ? undefined : v; };
    try {
      if (expect && headGeneration(get(expect.key)) !== expect.generation) return 'conflict';
    } catch (e) { return outcomeOf(e); }
    const undo = [];  // [key, value before] of each key changed, first change only
    const changed = new Set();
    const set = (key, value) => {
      if (!changed.has(key)) { changed.add(key); undo.push([key, get(key)]); }
      if (value === undefined) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    };
    try {
      for (const op of ops) {
        if (op.kind === 'put') set(op.key, op.value);
        else if (op.kind === 'remove') set(op.key, undefined);
        else if (op.kind === 'copy') { const v = get(op.from); if (v !== undefined) set(op.key, v); }
      }
    } catch (e) {
      // Back to how it was: removals first free the room the restored values need.
      for (const [key, value] of undo.reverse()) {
        try { if (value === undefined) localStorage.removeItem(key); else localStorage.setItem(key, value); } catch { /* as far as it goes */ }
      }
      return outcomeOf(e);
    }
    if (!quiet) this.announcer.announce();
    return 'ok';
  }

  onChange(callback) { this.announcer.onChange(callback); }
}

export class UnavailableRecords {
  async readAll() { return []; }
  async readKeys(keys) { return keys.map(() => undefined); }
  async commit() { return 'unavailable'; }
  onChange() {}
}

// The best backend this browser offers.
export async function openRecords() {
  try {
    if (typeof indexedDB !== 'undefined' && indexedDB) return await IndexedDbRecords.open();
  } catch { /* private mode and friends: see the top of this file */ }
  try {
    return LocalStorageRecords.open();
  } catch { /* storage disabled (a sandboxed frame, blocked cookies) */ }
  return new UnavailableRecords();
}
