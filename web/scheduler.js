// scheduler: draws a frame only when something changed.
//
// Waking has one owner, the app: every entry point that changes something marks a frame as
// owed (core/redraw.h), and each frame's result says whether another is wanted. The page only
// asks for an animation frame after calling in, and stops when the app says it has settled.
// With nothing to do no requestAnimationFrame is pending at all, so an idle tab costs no CPU.
// `drawNow` draws synchronously, inside an event handler: the only way the page can focus an
// input while the browser still counts the tap as a user gesture (phones show the keyboard
// only then).
export class Scheduler {
  constructor(wasm, onFrame) {
    this.wasm = wasm;
    this.onFrame = onFrame;
    this.pending = false;
    this.tick = (time) => {
      this.pending = false;
      this.draw(time);
    };
  }

  // After a call into the app: draw when the browser next paints.
  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(this.tick);
  }

  // Something only the page knows of (visibility, a finished load): wake the app, then draw.
  request() {
    this.wasm.call('coach_wake');
    this.schedule();
  }

  drawNow() {
    this.wasm.call('coach_wake');
    return this.draw(performance.now());
  }

  draw(time) {
    // The wall clock and the learner's time zone flow in with every frame: review is due by
    // the learner's local day, and a finished quiz is dated.
    const result = this.wasm.json('coach_frame', time, Date.now(), -new Date().getTimezoneOffset());
    if (result) {
      this.onFrame(result);
      if (result.more) this.schedule();
    }
    return result;
  }
}
