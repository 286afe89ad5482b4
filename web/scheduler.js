// scheduler: draws a frame only when something changed.
//
// The app tells after each frame whether it wants another (core/redraw.h); events wake it.
// With nothing to do, no requestAnimationFrame is pending at all, so an idle tab costs no
// CPU. `drawNow` draws synchronously, inside an event handler: the only way the text agent
// can focus its input while the browser still counts the tap as a user gesture.
export class Scheduler {
  constructor(module, onFrame) {
    this.module = module;
    this.onFrame = onFrame;
    this.pending = false;
    this.tick = (time) => {
      this.pending = false;
      this.draw(time);
    };
  }

  request() {
    this.module._coach_wake();
    this.schedule();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(this.tick);
  }

  drawNow() {
    this.module._coach_wake();
    this.draw(performance.now());
  }

  draw(time) {
    const more = this.module._coach_frame(time);
    this.onFrame();
    if (more) this.schedule();
  }
}
