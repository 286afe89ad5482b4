// wasm: the page's side of the boundary with the app (app/platform/web_api.h lists every
// entry point). Strings go into wasm memory through one helper, results come back as JSON
// text, and the numeric codes both sides share are read once from the app itself.
export class Wasm {
  constructor(module) {
    this.module = module;
    this.constants = JSON.parse(module.UTF8ToString(module._coach_constants()));
  }

  // Calls an entry point, copying each string (or Uint8Array) argument into wasm memory for
  // the length of the call. null stays a null pointer. Returns the C result as is.
  call(name, ...args) {
    const m = this.module;
    const owned = [];
    const raw = args.map((a) => {
      if (a === null || a === undefined) return 0;
      if (typeof a === 'string') {
        const size = m.lengthBytesUTF8(a) + 1;
        const ptr = m._malloc(size);
        m.stringToUTF8(a, ptr, size);
        owned.push(ptr);
        return ptr;
      }
      if (a instanceof Uint8Array) {
        const ptr = m._malloc(a.length + 1);
        m.HEAPU8.set(a, ptr);  // read HEAPU8 after malloc: memory may have grown
        m.HEAPU8[ptr + a.length] = 0;
        owned.push(ptr);
        return ptr;
      }
      return a;
    });
    try {
      return m['_' + name](...raw);
    } finally {
      for (const ptr of owned) m._free(ptr);
    }
  }

  // Calls an entry point that answers with JSON text ("" for nothing).
  json(name, ...args) {
    const text = this.module.UTF8ToString(this.call(name, ...args));
    return text ? JSON.parse(text) : null;
  }

  // Bytes the app keeps (fonts): copied once, owned by the app from then on.
  give(bytes) {
    const ptr = this.module._malloc(bytes.length);
    this.module.HEAPU8.set(bytes, ptr);
    return ptr;
  }

  get memoryBytes() { return this.module.HEAPU8.length; }
}
