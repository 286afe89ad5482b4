// plan_import: the page's half of the collection plan's import (app/ui/screen_plan_import.cpp).
//
// The app cannot open a file picker or read the clipboard; the page does, when a frame's
// result asks ("plan":{"pick":true} or {"paste":true}), and hands the text over with
// coach_plan_import(name, utf8 bytes, length, encoding). Three ways in, all while the import
// screen (?screen=plan-import) is showing:
//   - a file picked (.csv, .tsv, .txt, or a plan .json this app exported);
//   - a file dropped on the page (shell.js's drop handler calls dropFiles);
//   - the clipboard: Ctrl+V / Cmd+V anywhere but a text field (the 'paste' event gives the
//     text without any permission prompt), or the screen's Paste button, which asks
//     navigator.clipboard.readText() (a prompt in some browsers; refused in others, and then
//     the app says to press Ctrl+V instead).
//
// Decoding. Chinese Excel and WPS save "CSV" in the system's code page, GBK, unless the user
// picks "CSV UTF-8"; ERPs write either; Excel's "Unicode text" is UTF-16LE with a byte order
// mark. So, in order:
//   1. a UTF-8 byte order mark (EF BB BF): UTF-8 ("UTF-8 (BOM)"; TextDecoder drops the mark);
//   2. a UTF-16 byte order mark (FF FE or FE FF): UTF-16LE / UTF-16BE;
//   3. TextDecoder('utf-8', {fatal: true}): bytes that are valid UTF-8 are UTF-8 ("UTF-8").
//      GBK text is almost never valid UTF-8 (its two-byte characters break UTF-8's
//      continuation rules), so this check tells the two apart;
//   4. else TextDecoder('gb18030') ("GB18030"). GB18030 is a superset of GBK and of GB2312,
//      so every GBK file decodes the same; the Encoding Standard makes the 'gbk' label a
//      GB18030 decoder too. Every browser that runs this app (WebAssembly and WebGL2:
//      Chrome/Edge 57+, Firefox 52+, Safari 15+) ships it;
//   5. a browser without it (none known): UTF-8 with U+FFFD for what cannot be read, said
//      in the encoding's name, so the learner sees why characters are broken.
// Text goes to the app as UTF-8 bytes with their length, so a stray U+0000 cannot cut it
// short (TextDecoder never yields a lone surrogate; TextEncoder would replace one).
// Limits: a file in another legacy code page (Big5, Shift_JIS) reads as GB18030 and shows
// wrong characters; Safari fires 'paste' only where something is focused, so there the Paste
// button is the way.

const ACCEPT = '.csv,.tsv,.txt,.json,text/csv,text/plain,text/tab-separated-values,application/json';

// Bytes to text, and the name of what they were (see above).
export function decodeImport(bytes) {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8 (BOM)' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch { /* not UTF-8: a Chinese code page */ }
  try {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  } catch { /* no GB18030 decoder */ }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8 (unreadable bytes replaced)' };
}

export class PlanImport {
  constructor(wasm, scheduler) {
    this.wasm = wasm;
    this.scheduler = scheduler;
    document.addEventListener('paste', (e) => this.onPaste(e));
  }

  static showing() { return new URLSearchParams(location.search).get('screen') === 'plan-import'; }

  // What a frame's result asks for (its "plan" field).
  handle(plan) {
    if (!plan) return;
    if (plan.pick) this.pick();
    if (plan.paste) this.readClipboard();
  }

  give(name, text, encoding) {
    const bytes = new TextEncoder().encode(text);
    this.wasm.call('coach_plan_import', name, bytes, bytes.length, encoding);
    this.scheduler.schedule();
  }

  async giveFile(file) {
    const { text, encoding } = decodeImport(new Uint8Array(await file.arrayBuffer()));
    this.give(file.name, text, encoding);
  }

  // Called inside the tap's handler (the frame drawn by drawNow), so the browser lets it open.
  pick() {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
    input.addEventListener('change', () => { if (input.files && input.files[0]) this.giveFile(input.files[0]); });
    input.click();
  }

  // Files dropped on the page while the import screen shows: the first one is read.
  dropFiles(files) {
    if (files && files.length) this.giveFile(files[0]);
  }

  async readClipboard() {
    try {
      if (!navigator.clipboard?.readText) throw new Error('navigator.clipboard.readText is not available');
      this.give('clipboard', await navigator.clipboard.readText(), 'UTF-8');
    } catch (e) {
      this.wasm.call('coach_plan_paste_refused', e && e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : String(e && e.message ? e.message : e));
      this.scheduler.schedule();
    }
  }

  // Ctrl+V / Cmd+V on the import screen, outside a text field (a field keeps its own paste).
  onPaste(e) {
    if (!PlanImport.showing()) return;
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    this.give('clipboard', text, 'UTF-8');
  }
}
