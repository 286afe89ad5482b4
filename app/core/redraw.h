// redraw: when the app draws a frame at all.
//
// On the web a canvas keeps showing its last frame, so an app that has nothing new to show
// need not draw: idle tabs then cost no CPU and no battery. Something must wake the app
// instead: input, a resize, focus, visibility, a storage event from another tab, or a
// finished background load. After a wake ImGui needs a few frames to settle (hover state
// follows the pointer one frame late; new windows size themselves over two frames; input
// events pressed and released together are spread over frames), so a wake buys a few frames
// and the app keeps drawing while ImGui still has queued input or something animates.
#pragma once

namespace coach {

struct Redraw {
    int frames_owed = 0;  // frames still to draw before the app may go idle
};

// Frames a wake buys: enough for ImGui's hover, auto-size and input queue to settle.
inline constexpr int kFramesPerWake = 3;

struct FrameReport {
    bool input_queued = false;  // ImGui still holds input events for the next frames
    bool animating = false;     // something on screen moves by itself
};

// Something happened that may change what is shown.
Redraw wake(Redraw state);

// A frame was drawn; returns the state after it. `frames_owed > 0` means draw another.
Redraw frame_drawn(Redraw state, FrameReport report);

inline bool wants_frame(Redraw state) { return state.frames_owed > 0; }

}  // namespace coach
