// mirror: the app's view tree as real, accessible DOM, for screen readers and the keyboard.
//
// The canvas is a picture; assistive technology needs elements. After every frame whose
// view tree changed, this file brings a parallel DOM up to date — by difference, element by
// element, keyed by node id, never rebuilt — with real <h1>…, <p>, <ul>/<li>, <button>, <a>
// and <input> elements at the rectangles the app drew them, inside a <main>, under an element
// whose `lang` follows the app's language. The mirror is transparent (opacity 0, not
// display:none, so it stays in the accessibility tree) and lets the pointer through to the
// canvas.
//
// Actions route back by meaning: a click on a mirrored control (a screen reader's double tap,
// Enter or Space on a focused button) calls activate(id); focus moving in the mirror (Tab,
// Shift+Tab, a screen reader's cursor) calls focus(id), and the canvas draws the ring there;
// when the app moves focus (a new screen's title, a tapped text field) the mirror focuses that
// element. Text is edited in the mirror's <input>: the platform's own IME, phone keyboard,
// clipboard, undo and emoji all work, and the app draws what the input holds. Browser quirks,
// each handled by name below:
//   composition:   while an IME composes, the input holds unfinished pinyin; the app gets it
//                  as pre-edit (shown underlined) and the text only at compositionend.
//   gesture_focus: phones show the keyboard only for a focus() inside a tap handler, so the
//                  page draws a frame synchronously on pointerup and focuses what the app asks.
//   ios_zoom:      iOS zooms into inputs under 16px; the mirror's inputs are 16px.
//   own_focus:     focusing an element from here fires focusin, which must not echo back.
const TAGS = {
  heading: null, paragraph: 'p', text: 'div', button: 'button', link: 'a', textbox: 'input', checkbox: 'button',
  radio: 'button', radiogroup: 'div', list: 'ul', listitem: 'li', dialog: 'div', alert: 'div', status: 'div',
  progressbar: 'div', table: 'table', row: 'tr', cell: 'td', figure: 'figure', group: 'div', region: 'section', screen: 'main',
};
// Roles the element's tag already says; the others get an explicit role attribute.
const NATIVE = new Set(['heading', 'paragraph', 'text', 'button', 'link', 'textbox', 'list', 'listitem', 'screen', 'group']);

const utf8Length = (s) => new TextEncoder().encode(s).length;

export class Mirror {
  constructor(root, wasm, scheduler) {
    this.root = root;
    this.wasm = wasm;
    this.scheduler = scheduler;
    this.nodes = new Map();  // id -> { el, sig, node }
    this.composing = null;   // { id, before } while an IME composes
    this.ownFocus = false;   // own_focus
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('focusin', (e) => this.onFocus(e));
    root.addEventListener('focusout', (e) => {
      if (!root.contains(e.relatedTarget)) { this.wasm.call('coach_focus', '', 0); this.scheduler.schedule(); }
    });
    root.addEventListener('input', (e) => { if (!this.composing && !e.isComposing) this.sendEdit(e.target); });
    root.addEventListener('compositionstart', (e) => {  // composition
      const input = e.target;
      this.composing = { id: input.dataset.id, before: input.value, start: input.selectionStart, end: input.selectionEnd };
    });
    root.addEventListener('compositionupdate', (e) => {
      const c = this.composing;
      if (!c) return;
      this.wasm.call('coach_edit', c.id, c.before, utf8Length(c.before.slice(0, c.start)), utf8Length(c.before.slice(0, c.end)), e.data || '');
      this.scheduler.schedule();
    });
    root.addEventListener('compositionend', (e) => {
      this.composing = null;
      this.sendEdit(e.target);
    });
    document.addEventListener('selectionchange', () => {
      const a = document.activeElement;
      if (a && a.tagName === 'INPUT' && root.contains(a) && !this.composing) this.sendEdit(a);
    });
  }

  sendEdit(input) {
    if (!input || !input.dataset || !input.dataset.id) return;
    const v = input.value;
    const start = utf8Length(v.slice(0, input.selectionStart ?? v.length));
    const end = utf8Length(v.slice(0, input.selectionEnd ?? v.length));
    input.dataset.sent = v;
    this.wasm.call('coach_edit', input.dataset.id, v, start, end, '');
    this.scheduler.schedule();
  }

  onClick(e) {
    const el = e.target.closest('[data-id]');
    if (!el || !this.root.contains(el)) return;
    const info = this.nodes.get(el.dataset.id);
    if (!info) return;
    const { node } = info;
    if (node.role === 'textbox') return;  // focusing it is the action
    if (node.role === 'link' && node.href && !node.href.startsWith('#')) return;  // a real page: the browser follows it
    e.preventDefault();
    this.wasm.call('coach_activate', node.id);
    this.scheduler.drawNow();
  }

  onFocus(e) {
    const el = e.target.closest('[data-id]');
    if (!el) return;
    const visible = el.matches(':focus-visible');
    this.wasm.call('coach_focus', el.dataset.id, visible ? 1 : 0);
    if (el.tagName === 'INPUT') this.sendEdit(el);
    if (this.ownFocus) this.scheduler.schedule();
    else this.scheduler.drawNow();
  }

  element(id) { return this.nodes.get(id)?.el || null; }

  // Moves DOM focus to a node's element (after navigation: the new screen's title).
  focus(id) {
    const el = this.element(id);
    if (!el) return false;
    if (!el.matches('button, a[href], input')) el.tabIndex = -1;
    this.ownFocus = true;
    el.focus({ preventScroll: true });
    this.ownFocus = false;
    return document.activeElement === el;
  }

  // Brings the DOM up to date with a view tree (window.coach version 2).
  update(view) {
    this.root.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
    const seen = new Set();
    // Moving an element (a reordered list row) drops its focus: the same control keeps it.
    const active = this.root.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    this.place(view.root, this.root, { x: 0, y: 0 }, seen);
    if (active && seen.has(active) && !this.element(active)?.contains(document.activeElement)) this.focus(active);
    for (const [id, info] of this.nodes) {
      if (!seen.has(id)) { info.el.remove(); this.nodes.delete(id); }
    }
  }

  // Creates or updates one node's element under `parent`, in order, then its children.
  place(node, parent, origin, seen, index = { i: 0 }) {
    seen.add(node.id);
    let info = this.nodes.get(node.id);
    const tag = node.role === 'heading' ? `h${Math.min(6, Math.max(1, node.state?.level || 2))}` : TAGS[node.role] || 'div';
    if (!info || info.el.tagName.toLowerCase() !== tag) {
      info?.el.remove();
      const el = document.createElement(tag);
      el.dataset.id = node.id;
      if (tag === 'button') el.type = 'button';
      if (tag === 'input') { el.type = 'text'; el.autocomplete = 'off'; el.spellcheck = false; }
      info = { el, sig: '', node };
      this.nodes.set(node.id, info);
    }
    const el = info.el;
    // A list holds only list items: anything else in it gets an item of its own.
    let host = parent;
    if (parent.tagName === 'UL' && tag !== 'li') {
      const key = `${node.id}::item`;
      seen.add(key);
      let wrap = this.nodes.get(key);
      if (!wrap) { wrap = { el: document.createElement('li'), sig: '', node: null }; this.nodes.set(key, wrap); }
      if (parent.children[index.i] !== wrap.el) parent.insertBefore(wrap.el, parent.children[index.i] || null);
      index.i += 1;
      host = wrap.el;
      if (host.firstChild !== el) host.insertBefore(el, host.firstChild);
    } else {
      if (parent.children[index.i] !== el) parent.insertBefore(el, parent.children[index.i] || null);
      index.i += 1;
    }
    const [x, y, w, h] = node.rect;
    const sig = JSON.stringify([node.name, node.description, node.state, node.lang, node.href, node.rect, origin.x, origin.y,
      (node.children || []).map((c) => c.id)]);
    if (sig !== info.sig) {
      info.sig = sig;
      this.describe(el, node);
      el.style.cssText = `left:${x - origin.x}px;top:${y - origin.y}px;width:${Math.max(w, 1)}px;height:${Math.max(h, 1)}px`;
    }
    info.node = node;
    if (node.role === 'paragraph' && node.children?.length) this.linkedText(el, node, { x, y }, seen);
    else if (node.children?.length) {
      const childIndex = { i: 0 };
      for (const child of node.children) this.place(child, el, { x, y }, seen, childIndex);
      while (el.children.length > childIndex.i) el.lastElementChild.remove();
    }
  }

  // Leaves and containers: their accessible name, role and state as attributes.
  describe(el, node) {
    const s = node.state || {};
    const set = (name, value) => { if (value === undefined || value === null || value === false) el.removeAttribute(name); else el.setAttribute(name, String(value)); };
    if (!NATIVE.has(node.role)) set('role', node.role === 'figure' ? 'figure' : node.role);
    set('lang', node.lang ? (node.lang === 'zh' ? 'zh-CN' : node.lang) : null);
    set('aria-current', s.current ? 'true' : null);
    set('aria-disabled', s.disabled ? 'true' : null);
    set('aria-selected', s.selected ? 'true' : null);
    set('aria-checked', s.checked === undefined ? null : String(s.checked));
    set('aria-expanded', s.expanded === undefined ? null : String(s.expanded));
    const leafText = ['heading', 'paragraph', 'text', 'button', 'radio', 'checkbox', 'link', 'alert', 'status'];
    switch (node.role) {
      case 'textbox':
        set('aria-label', node.name);
        set('placeholder', node.description || null);
        // The app's value wins unless the learner is typing something it has not seen yet: a
        // focused input keeps what it holds only while that is newer than what the app shows.
        if (el.value !== (s.valueText || '')) {
          const typing = document.activeElement === el && (this.composing || el.value !== el.dataset.sent);
          if (!typing) { el.value = s.valueText || ''; el.dataset.sent = el.value; }
        }
        break;
      case 'progressbar':
        set('aria-label', node.name);
        set('aria-valuenow', s.value);
        set('aria-valuemin', s.min);
        set('aria-valuemax', s.max);
        set('aria-valuetext', s.valueText || null);
        break;
      case 'link':
        set('href', node.href || '#');
        el.textContent = node.name;
        break;
      case 'dialog':
        set('aria-modal', 'true');
        set('aria-label', node.name);
        break;
      case 'figure': case 'group': case 'radiogroup': case 'region': case 'list':
        set('aria-label', node.name || null);
        if (node.role === 'group' && !node.name) el.removeAttribute('role');
        else if (node.role === 'group') el.setAttribute('role', 'group');
        break;
      default:
        if (leafText.includes(node.role) && !node.children?.length) el.textContent = node.name;
        set('aria-description', node.description || null);
    }
  }

  // A paragraph with links: its text in order, each link a real <a> in its place.
  linkedText(el, node, origin, seen) {
    const key = JSON.stringify([node.name, node.children.map((c) => [c.id, c.name, c.rect])]);
    for (const c of node.children) seen.add(c.id);
    if (el.dataset.text === key) return;
    el.dataset.text = key;
    el.textContent = '';
    let rest = node.name;
    for (const link of node.children) {
      const at = rest.indexOf(link.name);
      if (at < 0) continue;
      el.append(rest.slice(0, at));
      let info = this.nodes.get(link.id);
      if (!info) { info = { el: document.createElement('a'), sig: '', node: link }; info.el.dataset.id = link.id; this.nodes.set(link.id, info); }
      info.node = link;
      info.el.href = link.href || '#';
      info.el.textContent = link.name;
      info.el.style.cssText = 'position:static';
      el.append(info.el);
      rest = rest.slice(at + link.name.length);
    }
    el.append(rest);
  }
}
