// input: DOM events -> the app, in CSS pixels, each one waking the scheduler.
//
// Pointer events cover mouse, touch and pen alike. A tap is a press and a release (the app
// decides, not the browser: `touch-action: none` stops scrolling, pinch and double-tap zoom
// on the canvas); a drag with a finger scrolls (ui_kit's touch_scroll). Keys are read on the
// window, except while an IME composes. Resize, orientation, pixel ratio, focus, visibility
// and storage events from other tabs all wake the app.
const MOD_CTRL = 1, MOD_SHIFT = 2, MOD_ALT = 4, MOD_SUPER = 8;
const DOM_TO_IMGUI_BUTTON = [0, 2, 1];  // DOM: left, middle, right; ImGui: left, right, middle
const POINTER_MOVE = 0, POINTER_DOWN = 1, POINTER_UP = 2, POINTER_LEAVE = 3;
const WHEEL_PIXELS_PER_STEP = 100;

function mods(e) {
  return (e.ctrlKey ? MOD_CTRL : 0) | (e.shiftKey ? MOD_SHIFT : 0) | (e.altKey ? MOD_ALT : 0) | (e.metaKey ? MOD_SUPER : 0);
}

export function attachInput({ canvas, module, scheduler, agent, onResize }) {
  const pointer = (action, e) => {
    const rect = canvas.getBoundingClientRect();
    const touch = e.pointerType === 'touch' || e.pointerType === 'pen';
    const button = DOM_TO_IMGUI_BUTTON[e.button] ?? 0;
    module._coach_pointer(action, e.clientX - rect.left, e.clientY - rect.top, button, touch ? 1 : 0);
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture?.(e.pointerId);
    pointer(POINTER_DOWN, e);
    scheduler.drawNow();
    agent.sync();
    e.preventDefault();  // keeps focus where the app put it (the text agent)
  });
  canvas.addEventListener('pointermove', (e) => {
    pointer(POINTER_MOVE, e);
    scheduler.request();
  });
  canvas.addEventListener('pointerup', (e) => {
    pointer(POINTER_UP, e);
    scheduler.drawNow();
    agent.sync();
  });
  canvas.addEventListener('pointercancel', (e) => {
    pointer(POINTER_UP, e);
    pointer(POINTER_LEAVE, e);
    scheduler.request();
  });
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType === 'mouse') { pointer(POINTER_LEAVE, e); scheduler.request(); }
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('wheel', (e) => {
    pointer(POINTER_MOVE, e);  // a wheel turned before the pointer ever moved still scrolls what is under it
    const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / WHEEL_PIXELS_PER_STEP;
    module._coach_wheel(e.deltaX * scale, e.deltaY * scale);
    scheduler.request();
    e.preventDefault();
  }, { passive: false });

  const key = (e, down) => {
    if (e.isComposing || e.keyCode === 229) return;  // the IME owns these (text_agent: composition)
    const shortcut = e.ctrlKey || e.metaKey;
    if (shortcut && (e.key === 'v' || e.key === 'V')) return;  // text_agent: paste
    module.ccall('coach_key', null, ['string', 'number', 'number'], [e.key, down ? 1 : 0, mods(e)]);
    if (down && shortcut && /^[cCxX]$/.test(e.key)) scheduler.drawNow();  // text_agent: copy_cut
    else scheduler.request();
    if (e.key === 'Tab') e.preventDefault();  // Tab moves between the app's fields, not out of the page
    if (!agent.isFocused() && (e.key.startsWith('Arrow') || e.key === ' ' || e.key.startsWith('Page'))) e.preventDefault();
  };
  window.addEventListener('keydown', (e) => key(e, true));
  window.addEventListener('keyup', (e) => key(e, false));
  window.addEventListener('focus', () => { module._coach_focus(1); scheduler.request(); });
  window.addEventListener('blur', () => { module._coach_focus(0); scheduler.request(); });
  document.addEventListener('visibilitychange', () => scheduler.request());
  window.addEventListener('storage', () => scheduler.request());

  window.addEventListener('resize', onResize);
  window.addEventListener('orientationchange', onResize);
  window.visualViewport?.addEventListener('resize', onResize);
  // Moving the window to a screen of another density (or zooming) changes devicePixelRatio.
  const watchPixelRatio = () => {
    const query = matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    query.addEventListener('change', () => { onResize(); watchPixelRatio(); }, { once: true });
  };
  watchPixelRatio();
}
