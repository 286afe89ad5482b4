#include "redraw.h"

#include <algorithm>

namespace coach {

Redraw wake(Redraw state) { return {std::max(state.frames_owed, kFramesPerWake)}; }

Redraw frame_drawn(Redraw state, FrameReport report) {
    if (report.input_queued || report.animating) return {std::max(state.frames_owed - 1, 1)};
    return {std::max(state.frames_owed - 1, 0)};
}

}  // namespace coach
