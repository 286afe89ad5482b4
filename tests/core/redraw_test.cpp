#include <catch2/catch.hpp>

#include "core/redraw.h"

using namespace coach;

TEST_CASE("an idle app draws nothing until something wakes it", "[redraw]") {
    Redraw r;
    CHECK_FALSE(wants_frame(r));
    r = wake(r);
    int frames = 0;
    while (wants_frame(r) && frames < 100) { r = frame_drawn(r, {}); ++frames; }
    CHECK(frames == kFramesPerWake);
    CHECK_FALSE(wants_frame(r));
}

TEST_CASE("queued input and animation keep frames coming, then it settles", "[redraw]") {
    Redraw r = wake({});
    for (int i = 0; i < 10; ++i) r = frame_drawn(r, {.input_queued = true});
    CHECK(wants_frame(r));
    for (int i = 0; i < 10; ++i) r = frame_drawn(r, {.animating = true});
    CHECK(wants_frame(r));
    r = frame_drawn(r, {});
    CHECK_FALSE(wants_frame(r));
}

TEST_CASE("wakes do not pile up", "[redraw]") {
    Redraw r;
    for (int i = 0; i < 50; ++i) r = wake(r);
    CHECK(r.frames_owed == kFramesPerWake);
}
