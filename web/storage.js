// storage: the page's half of saving the learner's work (the app decides what to write;
// see app/platform/web_storage.h for why localStorage).
//   - get/set/keys: localStorage, with every failure turned into a code instead of a throw
//     (QuotaExceededError -> 1; storage disabled, e.g. in a sandboxed frame -> 2);
//   - flushes: shortly after the first change (batching a burst of typing), at once when the page is hidden or closed
//     (visibilitychange, pagehide: a synchronous setItem there still completes), and again
//     every few seconds while a write keeps failing;
//   - downloads, the import file picker, and navigator.storage persistence and usage.
const FLUSH_DELAY_MS = 600;
const RETRY_MS = 3000;
const QUOTA = 1, UNAVAILABLE = 2;
// localStorage holds about 5 MB per origin in every major browser; no API reports it, and
// navigator.storage.estimate() counts other stores (IndexedDB, caches), not this one.
const LOCAL_STORAGE_BYTES = 5 * 1024 * 1024;

export class Storage {
  constructor() {
    this.module = null;
    this.flushTimer = 0;
    this.persisted = false;
    this.api = {
      get: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
      set: (key, value) => {
        try {
          if (value === null) localStorage.removeItem(key);
          else localStorage.setItem(key, value);
          return 0;
        } catch (e) {
          return e && (e.name === 'QuotaExceededError' || e.code === 22) ? QUOTA : UNAVAILABLE;
        }
      },
      keys: (prefix) => {
        try {
          const keys = [];
          for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            if (key && key.startsWith(prefix)) keys.push(key);
          }
          return keys.sort();
        } catch { return []; }
      },
    };
  }

  attach(module, scheduler, documentKey) {
    this.module = module;
    this.scheduler = scheduler;
    const flushNow = () => this.flush();
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushNow(); });
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('storage', (e) => {
      if (e.storageArea === localStorage && (e.key === documentKey || e.key === null)) {
        module._coach_storage_event();
        scheduler.request();
      }
    });
  }

  // At most FLUSH_DELAY_MS after the first unwritten change: typing is batched, yet a stream
  // of frames (pointer moves) cannot keep pushing the write away. A pending retry stays.
  scheduleFlush() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = 0;
    if (!this.module) return;
    if (this.module._coach_flush()) this.flushTimer = setTimeout(() => this.flush(), RETRY_MS);
    this.scheduler.request();
  }

  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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

  // Bytes, not a JS string: a large file goes to the heap directly, not through the stack.
  importBytes(bytes) {
    const module = this.module;
    const ptr = module._malloc(bytes.length + 1);
    module.HEAPU8.set(bytes, ptr);
    module.HEAPU8[ptr + bytes.length] = 0;
    module._coach_import(ptr, bytes.length);
    module._free(ptr);
    this.scheduler.request();
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
    this.module._coach_storage_status(this.persisted ? 1 : 0, this.usedBytes(), LOCAL_STORAGE_BYTES);
    this.scheduler.request();
  }
}
