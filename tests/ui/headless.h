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
    ImFont* font() const { return font_; }

private:
    ImGuiContext* context_ = nullptr;
    ImFont* font_ = nullptr;
    ViewTree tree_;
    ui::AppEffects effects_;
    bool last_activated_ = false;
};

// All nodes in reading order.
std::vector<const ViewNode*> nodes(const ViewTree& tree);

}  // namespace coach::test
