// web_renderer: draws Dear ImGui's frames into the page's WebGL2 canvas.
//
// The app owns the whole canvas and is the context's only user, so the renderer sets the GL
// state it needs once and never reads GL state back (the reasons are at the top of
// web_renderer.cpp). Textures follow ImGui 1.92's protocol: the font atlas grows while the
// app runs and each frame's ImDrawData says which textures to create, update or destroy.
#pragma once
#include "imgui.h"

namespace coach::web {

struct RendererOptions {
    // The canvas whose context is current: its context-lost and context-restored events
    // are followed, and everything is rebuilt after a restore.
    const char* canvas = "#canvas";
};

// Needs an ImGui context and the canvas's WebGL2 context current. Sets ImGui's renderer
// backend flags. Returns false when the shader program does not link (a broken context).
bool renderer_init(const RendererOptions& options = {});

// Processes draw_data->Textures, clears the framebuffer (fb_w x fb_h device pixels) to
// `clear` and draws. Does nothing while the context is lost.
void renderer_draw(ImDrawData* draw_data, int fb_w, int fb_h, ImVec4 clear);

// Deletes every GL object the renderer made and hands the textures back to ImGui.
void renderer_shutdown();

}  // namespace coach::web
