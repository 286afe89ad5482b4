// headless: Dear ImGui with a font atlas and no renderer, drawing the app's screens natively.
//
// The screens publish what they show as a view tree (core/view_tree.h); these tests draw
// them exactly as the browser does — same screens, same widgets, same font — and read the
// tree. Nothing is rasterized to pixels: textures are marked ready without a GPU.
#pragma once
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/course.h"
#include "core/view_tree.h"
#include "imgui.h"
#include "ui/app.h"

namespace coach::test {

// The course in content/, loaded as the validator loads it.
Course content_course();

// A small quiz with one item of every kind, built in code so the screen tests do not depend on
// the wording of content/quizzes/. Its items link to real lesson pages:
//   pick (single: a right, b and c wrong), yes-no (true/false: true right), many (multiple:
//   a and b right, c and d wrong), order (research, relate, market, close), match (user, payer,
//   decider) and talk (a scenario: a then a reaches the best ending; b first ends badly).
Quiz sample_quiz();

// A fixed moment: 2025-11-26 09:00 in Beijing (UTC+8), as the platform would give it.
inline constexpr std::int64_t kMorning = 1764115200000 + 1 * 60 * 60 * 1000;
inline constexpr int kBeijing = 480;

class Headless {
public:
    explicit Headless(float width = 390, float height = 844);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    ui::AppState state;
    ui::FrameInput input;  // what the page asks of the next frame (kept, as the page keeps it)
    float width, height;

    // Draws `frames` frames (ImGui sizes new windows over two) and returns what the last one
    // published and asked for. Activation requests are spent by the first frame.
    const ViewTree& draw(int frames = 3);
    const ViewTree& tree() const { return tree_; }
    const ui::AppEffects& effects() const { return effects_; }
    // Acts on a node by meaning, as the page's mirror does; true when a widget took it.
    bool activate(const std::string& id);
    // The browser's back button: the page reports the entry before (Popped), and it is drawn.
    void browser_back();
    // The last node the frames of the last draw asked the page to focus ("" for none).
    const std::string& focus_requested() const { return focus_requested_; }
    ImFont* font() const { return font_; }
    // Opens a place the way a link or a reload does (a stack of one entry).
    void open(const Route& route, Lang lang) {
        state.lang = lang;
        state.nav = Nav{{route}};
        draw();
    }

private:
    ImGuiContext* context_ = nullptr;
    ImFont* font_ = nullptr;
    ViewTree tree_;
    ui::AppEffects effects_;
    bool last_activated_ = false;
    std::string focus_requested_;
};

// All nodes in reading order.
std::vector<const ViewNode*> nodes(const ViewTree& tree);
// The ids of a node's children, in order.
std::vector<std::string> child_ids(const ViewTree& tree, const std::string& id);

// What every screen must publish: unique ids, every control named and with a size, one title,
// progress bars with a range (each problem a failed CHECK, named by INFO).
void check_well_formed(const ViewTree& tree);
// Every node within [0, width] (no sideways scrolling).
void check_fits(const ViewTree& tree, float width);

}  // namespace coach::test
