// text_agent: how a canvas UI gets IME, the phone keyboard and the clipboard.
//
// A canvas cannot receive text: no IME composition (pinyin), no virtual keyboard on a
// phone, no copy or paste. One hidden <input> does it instead. After each frame the app
// says whether a field wants text and where its cursor is; the agent moves the input
// there (so the IME candidate window appears next to the text), focuses it, and forwards
// what arrives to the app. Browser quirks, each handled by name below:
//   composition:    while composing, keydowns report isComposing / keyCode 229 and the
//                   input holds unfinished pinyin: nothing reaches the app until
//                   compositionend delivers the chosen characters.
//   late_input:     Safari fires `input` after `compositionend` with the same text; the
//                   input is emptied at compositionend, so that event finds nothing.
//   gesture_focus:  phones show the keyboard only for a focus() inside a tap handler, so the
//                   shell draws a frame synchronously on pointerdown/up and calls sync().
//   android_delete: Android keyboards send keyCode 229 for Backspace too, so in an empty
//                   input deletion arrives only as beforeinput/deleteContentBackward.
//   ios_zoom:       iOS zooms into inputs with a font under 16px (see index.html).
//   paste:          the app's own Ctrl+V would read a stale clipboard; the page's `paste`
//                   event carries the real text, inserted as typed text.
//   copy_cut:       ImGui copies during a frame; the shell draws that frame inside the
//                   keydown, and the `copy`/`cut` event that follows hands the text over.
export class TextAgent {
  constructor(input, module, scheduler) {
    this.input = input;
    this.module = module;
    this.scheduler = scheduler;
    this.active = false;
    this.composing = false;
    this.clipboard = '';
    input.addEventListener('compositionstart', () => { this.composing = true; });
    input.addEventListener('compositionend', (e) => {
      this.composing = false;
      this.send(e.data || input.value);
      input.value = '';  // late_input
    });
    input.addEventListener('input', (e) => {
      if (this.composing || e.isComposing) return;  // composition
      this.send(input.value);
      input.value = '';
    });
    input.addEventListener('beforeinput', (e) => {
      if (e.inputType === 'deleteContentBackward' && input.value === '' && !this.composing) {  // android_delete
        this.key('Backspace', true, 0);
        this.key('Backspace', false, 0);
        e.preventDefault();
      }
    });
    input.addEventListener('paste', (e) => {  // paste
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      e.preventDefault();
      if (text) {
        this.module.ccall('coach_set_clipboard', null, ['string'], [text]);
        this.send(text.replace(/\r?\n/g, ' '));
      }
    });
    const handOver = (e) => {  // copy_cut
      if (!this.clipboard || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', this.clipboard);
      e.preventDefault();
    };
    input.addEventListener('copy', handOver);
    input.addEventListener('cut', handOver);
    input.addEventListener('blur', () => { this.composing = false; });
  }

  send(text) {
    if (!text) return;
    this.module.ccall('coach_text', null, ['string'], [text]);
    this.scheduler.request();
  }

  key(name, down, mods) {
    this.module.ccall('coach_key', null, ['string', 'number', 'number'], [name, down ? 1 : 0, mods]);
    this.scheduler.request();
  }

  isFocused() { return document.activeElement === this.input; }

  // Called after every frame with what ImGui said about text input.
  update(active, x, y, lineHeight) {
    this.active = active;
    if (active) {
      const style = this.input.style;
      style.left = `${Math.max(0, x)}px`;
      style.top = `${Math.max(0, y)}px`;
      style.height = `${Math.max(16, lineHeight)}px`;
    }
    this.sync();
  }

  // gesture_focus: runs inside pointer handlers too, so focus() counts as user-initiated.
  sync() {
    if (this.active && !this.isFocused()) this.input.focus({ preventScroll: true });
    else if (!this.active && this.isFocused()) this.input.blur();
  }

  setClipboard(text) {
    this.clipboard = text;
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(() => {});
  }
}
