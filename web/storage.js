// storage: the page's half of saving the learner's work. The app plans every write (see
// app/platform/web_data.cpp for why localStorage); this file carries the plans out:
//   - reads: every value under the app's keys at start, the document before each flush;
//   - writes: in order, stopping at the first failure, turned into an outcome code the app
//     declares (QuotaExceededError -> quota; storage disabled, e.g. in a sandboxed frame ->
//     unavailable);
//   - flushes: shortly after the first change (batching a burst of typing), at once when the page is hidden or closed
//     (visibilitychange, pagehide: a synchronous setItem there still completes), and again
//     every few seconds while a write keeps failing;
//   - downloads, the import file picker, and navigator.storage persistence and usage.
const FLUSH_DELAY_MS = 600;
const RETRY_MS = 3000;
// localStorage holds about 5 MB per origin in every major browser; no API reports it, and
// navigator.storage.estimate() counts other stores (IndexedDB, caches), not this one.
const LOCAL_STORAGE_BYTES = 5 * 1024 * 1024;

export class Storage {
  constructor(wasm, constants) {
    this.wasm = wasm;
    this.outcome = constants.outcome;
    this.documentKey = constants.keys.document;
    this.prefix = constants.keys.prefix;
    this.planPrefix = constants.keys.plan;  // the plan's records (plan_storage.js), not the document's
    this.flushTimer = 0;
    this.persisted = false;
    this.scheduler = null;
  }

  get(key) { try { return localStorage.getItem(key); } catch { return null; } }

  // Runs writes in order and stops at the first that fails; returns the outcome code.
  run(writes) {
    for (const w of writes) {
      try {
        if (w.value === null) localStorage.removeItem(w.key);
        else localStorage.setItem(w.key, w.value);
      } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? this.outcome.quota : this.outcome.unavailable;
      }
    }
    return this.outcome.ok;
  }

  // Every value under the app's keys, for the app's start.
  readAll(give) {
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(this.prefix) && !key.startsWith(this.planPrefix)) give(key, localStorage.getItem(key));
      }
    } catch { /* storage unavailable: the app starts empty and says so when it writes */ }
  }

  runStartWrites(writes) {
    if (writes.length) this.wasm.call('coach_writes_done', this.run(writes));
  }

  attach(scheduler) {
    this.scheduler = scheduler;
    const flushNow = () => this.flush();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushNow(); });
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('storage', (e) => {
      if (e.storageArea === localStorage && (e.key === this.documentKey || e.key === null)) {
        this.wasm.call('coach_storage_event', this.get(this.documentKey));
        scheduler.schedule();
      }
    });
  }

  // At most FLUSH_DELAY_MS after the first unwritten change: typing is batched, yet a stream
  // of frames (pointer moves) cannot keep pushing the write away. A pending retry stays.
  scheduleFlush() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  // The app plans the writes from what storage holds now; the page carries them out.
  flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = 0;
    const plan = this.wasm.json('coach_flush', this.get(this.documentKey));
    if (!plan) return;
    const outcome = this.run(plan.writes);
    this.wasm.call('coach_writes_done', outcome);
    if (outcome !== this.outcome.ok) this.flushTimer = setTimeout(() => this.flush(), RETRY_MS);
    this.scheduler?.schedule();
  }

  download(filename, text, type = 'application/json') {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  pickFile() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      if (file) this.importBytes(new Uint8Array(await file.arrayBuffer()));
    });
    input.click();
  }

  // Several files (the class view's result files), each handed on with its name as it is read.
  pickFiles(onFile) {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.json,application/json';
    input.addEventListener('change', async () => {
      for (const file of input.files || []) onFile(file.name, new Uint8Array(await file.arrayBuffer()));
      this.scheduler?.schedule();
    });
    input.click();
  }

  // Bytes, not a JS string: a large file goes to the heap directly, not through the stack.
  importBytes(bytes) {
    this.wasm.call('coach_import', bytes, bytes.length);
    this.scheduler.schedule();
  }

  // Bytes this origin keeps in localStorage (strings are UTF-16: two bytes a unit).
  usedBytes() {
    let units = 0;
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        units += key.length + (localStorage.getItem(key) || '').length;
      }
    } catch { /* unavailable */ }
    return units * 2;
  }

  async checkStorage() {
    const s = navigator.storage || {};
    try {
      this.persisted = (await s.persisted?.()) || false;
      if (!this.persisted && s.persist) this.persisted = await s.persist();
    } catch { /* not granted */ }
    // The plan lives in IndexedDB, which estimate() counts (and localStorage, which it does not).
    let used = this.usedBytes(), quota = LOCAL_STORAGE_BYTES;
    try {
      const e = await s.estimate?.();
      if (e) { used += e.usage || 0; quota = Math.max(quota, e.quota || 0); }
    } catch { /* localStorage alone */ }
    this.wasm.call('coach_storage_status', this.persisted ? 1 : 0, used, quota);
    this.scheduler?.schedule();
  }
}
