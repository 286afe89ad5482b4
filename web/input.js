// input: DOM events -> the app, in CSS pixels.
//
// Pointer events cover mouse, touch and pen alike. A tap is a press and a release (the app
// decides, not the browser: `touch-action: none` stops scrolling, pinch and double-tap zoom
// on the canvas); a drag with a finger scrolls (ui_kit's touch_scroll). The keyboard belongs
// to the mirror (web/mirror.js): Tab moves between its real elements, Enter and Space click
// them, and text is typed into its inputs. The app hears only the keys it acts on itself —
// Escape, the arrows and the paging keys — and none of them while a text field has focus.
// Resize, orientation, pixel ratio, focus and visibility wake the app.
const DOM_TO_IMGUI_BUTTON = [0, 2, 1];  // DOM: left, middle, right; ImGui: left, right, middle
const WHEEL_PIXELS_PER_STEP = 100;
const APP_KEYS = new Set(['Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function attachInput({ canvas, wasm, scheduler, mirror, onResize }) {
  const { pointer: P, mods: M } = wasm.constants;
  const mods = (e) => (e.ctrlKey ? M.ctrl : 0) | (e.shiftKey ? M.shift : 0) | (e.altKey ? M.alt : 0) | (e.metaKey ? M.super : 0);
  const pointer = (action, e) => {
    const rect = canvas.getBoundingClientRect();
    const touch = e.pointerType === 'touch' || e.pointerType === 'pen';
    const button = DOM_TO_IMGUI_BUTTON[e.button] ?? 0;
    wasm.call('coach_pointer', action, e.clientX - rect.left, e.clientY - rect.top, button, touch ? 1 : 0);
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture?.(e.pointerId);
    pointer(P.down, e);
    scheduler.drawNow();
    e.preventDefault();  // keeps focus where it is (a text field being edited)
  });
  canvas.addEventListener('pointermove', (e) => {
    pointer(P.move, e);
    scheduler.schedule();
  });
  canvas.addEventListener('pointerup', (e) => {
    pointer(P.up, e);
    scheduler.drawNow();  // gesture_focus (mirror.js): a tapped field is focused inside this handler
  });
  canvas.addEventListener('pointercancel', (e) => {
    pointer(P.up, e);
    pointer(P.leave, e);
    scheduler.schedule();
  });
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') { pointer(P.leave, e); scheduler.schedule(); }
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('wheel', (e) => {
    pointer(P.move, e);  // a wheel turned before the pointer ever moved still scrolls what is under it
    const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / WHEEL_PIXELS_PER_STEP;
    wasm.call('coach_wheel', e.deltaX * scale, e.deltaY * scale);
    scheduler.schedule();
    e.preventDefault();
  }, { passive: false });

  const inTextField = () => {
    const a = document.activeElement;
    return a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA' || a.isContentEditable);
  };
  const key = (e, down) => {
    if (!APP_KEYS.has(e.key) || inTextField() || e.isComposing) return;
    wasm.call('coach_key', e.key, down ? 1 : 0, mods(e));
    scheduler.schedule();
    e.preventDefault();
  };
  window.addEventListener('keydown', (e) => key(e, true));
  window.addEventListener('keyup', (e) => key(e, false));
  window.addEventListener('focus', () => { wasm.call('coach_window_focus', 1); scheduler.schedule(); });
  window.addEventListener('blur', () => { wasm.call('coach_window_focus', 0); scheduler.schedule(); });
  document.addEventListener('visibilitychange', () => scheduler.request());

  window.addEventListener('resize', onResize);
  window.addEventListener('orientationchange', onResize);
  window.visualViewport?.addEventListener('resize', onResize);
  // Moving the window to a screen of another density (or zooming) changes devicePixelRatio.
  const watchPixelRatio = () => {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => { onResize(); watchPixelRatio(); }, { once: true });
  };
  watchPixelRatio();
  return mirror;
}
