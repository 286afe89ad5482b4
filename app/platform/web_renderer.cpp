// web_renderer: Dear ImGui's draw data in WebGL2, with GL state set once instead of per frame.
//
// Why not ImGui's own OpenGL3 backend. That backend is written for desktop engines that share
// one GL context among many renderers, so every frame it saves about two dozen pieces of GL
// state (glGetIntegerv, glIsEnabled), sets its own, draws, and restores them. On a desktop
// driver a glGet is a cheap read of client-side state. In a browser it is not: WebGL calls go
// from the page to a separate GPU process through a command buffer, and most of them are just
// queued, but a getter (getParameter, isEnabled, getError) has to wait until the GPU process
// has executed everything queued before it and sent the answer back: a synchronous round trip
// that stalls the page's main thread. Measured in headless Chromium while the pointer moves
// over the home screen, getParameter alone was the largest piece of script time per frame.
//
// What this renderer does instead. The app owns the whole canvas and is the only user of its
// context, so nothing has to be saved or restored. Blending, the scissor test, no depth or
// culling, the program, the vertex array, its buffers and the active texture unit are set once,
// at start and again after the context was lost and restored (or when a draw callback asks
// for it with ImDrawCallback_ResetRenderState). Each frame then costs only what changes:
// buffer uploads, texture uploads the font atlas asks for, the projection and viewport when
// the canvas size changed, the scissor box and texture binding when they differ from the last
// ones set, and the draws. No glGet* and no glGetError run per frame; the only queries are at
// start (the program's link status, the largest texture size). The renderer remembers what it told GL rather than
// asking GL, so those memories are only right while nobody else touches the context.
//
// Limits, in consequence:
//   - The app must be the context's only GL user. Anything else that draws into it (a
//     library, script on the page) must leave the state as it found it, or draw from an
//     ImDrawList callback followed by ImDrawCallback_ResetRenderState, which makes the
//     renderer set everything again.
//   - One canvas, one ImGui context: the state lives in one struct in this file.
//   - Textures are RGBA32, the format ImGui's font atlas uses unless told otherwise.
//   - WebGL2 has no base-vertex draws, so ImDrawCmd::VtxOffset (large meshes with 16-bit
//     indices) is honoured by moving the vertex attribute pointers instead.
//
// Textures follow ImGui 1.92's protocol: each frame's draw data lists the textures and what
// ImGui wants done with each (create, update some rectangles, destroy); the renderer does it
// and reports back through ImTextureData::SetTexID and SetStatus. After a context loss every
// GL object is gone, but ImGui keeps each texture's pixels in memory, so the textures are
// rebuilt from those before the next frame is drawn, under new ids.
#include "web_renderer.h"

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace coach::web {
namespace {

constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
constexpr GLuint unknown_texture = ~0u;  // a binding no texture has: forces the next bind

const char* const vertex_shader =
    "#version 300 es\n"
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
    "    Frag_UV = UV;\n"
    "    Frag_Color = Color;\n"
    "    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);\n"
    "}\n";

const char* const fragment_shader =
    "#version 300 es\n"
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() {\n"
    "    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);\n"
    "}\n";

struct RendererState {
    const char* canvas = nullptr;
    bool ready = false;     // renderer_init succeeded and renderer_shutdown has not run
    bool lost = false;      // between the canvas's webglcontextlost and webglcontextrestored
    bool restored = false;  // GL objects must be made again before the next draw
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0;
    GLint projection_location = -1;

    // What the renderer last told GL, so that unchanged state is not sent again. Only true
    // while nobody else uses the context; forgotten whenever the state is set from scratch.
    int viewport_w = -1, viewport_h = -1;
    ImVec2 projection_pos{0, 0}, projection_size{-1, -1};
    ImVec4 clear{-1, -1, -1, -1};
    int scissor[4] = {-1, -1, -1, -1};
    GLuint texture = unknown_texture;
    int unpack_row_length = -1;
    unsigned vertex_offset = 0;  // bytes into the vertex buffer the attribute pointers start at
};

RendererState g;

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void print_log(const char* what, GLuint object, bool program) {
    char log[1024] = {};
    if (program) glGetProgramInfoLog(object, sizeof log, nullptr, log);
    else glGetShaderInfoLog(object, sizeof log, nullptr, log);
    if (log[0] != '\0') std::fprintf(stderr, "web_renderer: %s: %s\n", what, log);
}

// The program, the vertex array and its two buffers. Queries GL once (the link status) and
// reads the logs only when linking failed.
bool create_objects() {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_shader);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_shader);
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    GLint linked = GL_FALSE;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        print_log("vertex shader", vs, false);
        print_log("fragment shader", fs, false);
        print_log("program", g.program, true);
    }
    glDetachShader(g.program, vs);
    glDetachShader(g.program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (linked != GL_TRUE) {
        glDeleteProgram(g.program);
        g.program = 0;
        return false;
    }
    g.projection_location = glGetUniformLocation(g.program, "ProjMtx");
    glUseProgram(g.program);
    glUniform1i(glGetUniformLocation(g.program, "Texture"), 0);  // program state: set once
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ibo);
    return true;
}

void point_attributes(unsigned offset) {
    const auto at = [offset](std::size_t field) { return reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offset + field)); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
    g.vertex_offset = offset;
}

// Every piece of GL state the renderer relies on, set from scratch; the remembered values
// are forgotten so the next frame sends viewport, projection, clear colour and scissor again.
void set_all_state() {
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_SCISSOR_TEST);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glActiveTexture(GL_TEXTURE0);
    glUseProgram(g.program);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);  // recorded in the vertex array
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    point_attributes(0);
    g.viewport_w = g.viewport_h = -1;
    g.projection_size = ImVec2(-1, -1);
    g.clear = ImVec4(-1, -1, -1, -1);
    g.scissor[0] = g.scissor[1] = g.scissor[2] = g.scissor[3] = -1;
    g.texture = unknown_texture;
    g.unpack_row_length = -1;
}

void bind_texture(GLuint texture) {
    if (texture == g.texture) return;
    glBindTexture(GL_TEXTURE_2D, texture);
    g.texture = texture;
}

void set_scissor(int x, int y, int w, int h) {
    if (x == g.scissor[0] && y == g.scissor[1] && w == g.scissor[2] && h == g.scissor[3]) return;
    glScissor(x, y, w, h);
    g.scissor[0] = x, g.scissor[1] = y, g.scissor[2] = w, g.scissor[3] = h;
}

// WebGL2 has UNPACK_ROW_LENGTH, so a rectangle of the texture's pixels uploads straight from
// ImGui's copy, without gathering its rows into a buffer first.
void set_row_length(int pixels) {
    if (pixels == g.unpack_row_length) return;
    glPixelStorei(GL_UNPACK_ROW_LENGTH, pixels);
    g.unpack_row_length = pixels;
}

GLuint texture_id(const ImTextureData* tex) { return static_cast<GLuint>(static_cast<std::intptr_t>(tex->TexID)); }

void create_texture(ImTextureData* tex) {
    IM_ASSERT(tex->Format == ImTextureFormat_RGBA32 && tex->Pixels != nullptr);
    GLuint id = 0;
    glGenTextures(1, &id);
    bind_texture(id);
    // Bilinear: ImGui's anti-aliased lines and fonts sample between texels.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    set_row_length(tex->Width);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, tex->Width, tex->Height, 0, GL_RGBA, GL_UNSIGNED_BYTE, tex->GetPixels());
    tex->SetTexID(static_cast<ImTextureID>(static_cast<std::intptr_t>(id)));
    tex->SetStatus(ImTextureStatus_OK);
}

void upload_rect(ImTextureData* tex, const ImTextureRect& r) {
    if (r.w == 0 || r.h == 0) return;
    glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE, tex->GetPixelsAt(r.x, r.y));
}

// ImGui's copy of the pixels is the truth, so uploading a bounding box that also covers
// texels outside the queued rectangles is harmless. One upload of UpdateRect is used when it
// is at most twice the queued area (new glyphs of a frame mostly sit together); rectangles
// scattered over a large atlas go one by one instead of re-sending everything between them.
void update_texture(ImTextureData* tex) {
    bind_texture(texture_id(tex));
    set_row_length(tex->Width);
    long queued = 0;
    for (const ImTextureRect& r : tex->Updates) queued += long(r.w) * r.h;
    const ImTextureRect& box = tex->UpdateRect;
    if (tex->Updates.empty() || long(box.w) * box.h <= 2 * queued) {
        upload_rect(tex, box);
    } else {
        for (const ImTextureRect& r : tex->Updates) upload_rect(tex, r);
    }
    tex->SetStatus(ImTextureStatus_OK);
}

void destroy_texture(ImTextureData* tex) {
    const GLuint id = texture_id(tex);
    glDeleteTextures(1, &id);
    if (g.texture == id) g.texture = 0;  // deleting a bound texture unbinds it
    tex->SetTexID(ImTextureID_Invalid);
    tex->SetStatus(ImTextureStatus_Destroyed);
}

void handle_texture_requests(ImVector<ImTextureData*>* textures) {
    if (textures == nullptr) return;
    for (ImTextureData* tex : *textures) {
        switch (tex->Status) {
            case ImTextureStatus_WantCreate: create_texture(tex); break;
            case ImTextureStatus_WantUpdates: update_texture(tex); break;
            // ImGui counts frames a texture went unused; one is enough here, as WebGL keeps a
            // texture alive for draws already issued.
            case ImTextureStatus_WantDestroy:
                if (tex->UnusedFrames > 0) destroy_texture(tex);
                break;
            default: break;
        }
    }
}

// After a restore: the old GL objects died with the old context (and their ids with them,
// so nothing is deleted). Every texture ImGui still has is made again from its pixels, under
// a new id that the draw commands pick up through their texture reference.
void rebuild_after_restore() {
    g.restored = false;
    if (!create_objects()) {
        g.ready = false;
        return;
    }
    set_all_state();
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->TexID == ImTextureID_Invalid) continue;  // WantCreate or Destroyed: nothing held
        tex->SetTexID(ImTextureID_Invalid);
        if (tex->Status == ImTextureStatus_WantDestroy) {
            tex->SetStatus(ImTextureStatus_Destroyed);
        } else {
            create_texture(tex);  // also covers any updates that were pending
        }
    }
}

// Viewport and projection, sent only when the canvas or ImGui's display changed size.
void set_frame_geometry(const ImDrawData* draw_data, int fb_w, int fb_h) {
    if (fb_w != g.viewport_w || fb_h != g.viewport_h) {
        glViewport(0, 0, fb_w, fb_h);
        g.viewport_w = fb_w;
        g.viewport_h = fb_h;
    }
    const ImVec2 pos = draw_data->DisplayPos, size = draw_data->DisplaySize;
    if (pos.x == g.projection_pos.x && pos.y == g.projection_pos.y && size.x == g.projection_size.x &&
        size.y == g.projection_size.y)
        return;
    const float l = pos.x, r = pos.x + size.x, t = pos.y, b = pos.y + size.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUniformMatrix4fv(g.projection_location, 1, GL_FALSE, &projection[0][0]);
    g.projection_pos = pos;
    g.projection_size = size;
}

void clear_frame(int fb_w, int fb_h, ImVec4 clear) {
    if (clear.x != g.clear.x || clear.y != g.clear.y || clear.z != g.clear.z || clear.w != g.clear.w) {
        glClearColor(clear.x, clear.y, clear.z, clear.w);
        g.clear = clear;
    }
    set_scissor(0, 0, fb_w, fb_h);  // the scissor test stays on, and it clips glClear too
    glClear(GL_COLOR_BUFFER_BIT);
}

void draw_lists(ImDrawData* draw_data, int fb_w, int fb_h) {
    const ImVec2 off = draw_data->DisplayPos;
    const ImVec2 scale = draw_data->FramebufferScale;
    for (const ImDrawList* list : draw_data->CmdLists) {
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    set_all_state();
                    set_frame_geometry(draw_data, fb_w, fb_h);
                } else {
                    cmd.UserCallback(list, &cmd);
                    // A callback may bind its own texture or scissor: send ours again.
                    g.texture = unknown_texture;
                    g.scissor[0] = -1;
                }
                continue;
            }
            // Clip rectangle in framebuffer pixels, clamped to the framebuffer; GL's origin
            // is the bottom left.
            const float x0 = std::max((cmd.ClipRect.x - off.x) * scale.x, 0.0f);
            const float y0 = std::max((cmd.ClipRect.y - off.y) * scale.y, 0.0f);
            const float x1 = std::min((cmd.ClipRect.z - off.x) * scale.x, static_cast<float>(fb_w));
            const float y1 = std::min((cmd.ClipRect.w - off.y) * scale.y, static_cast<float>(fb_h));
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            set_scissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_h) - y1), static_cast<int>(x1 - x0),
                        static_cast<int>(y1 - y0));
            const unsigned vertex_offset = cmd.VtxOffset * sizeof(ImDrawVert);
            if (vertex_offset != g.vertex_offset) point_attributes(vertex_offset);
            bind_texture(static_cast<GLuint>(static_cast<std::intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
}

// Returning true prevents the default, which is how a page tells the browser it will rebuild
// after a loss; without it the context would never be restored.
EM_BOOL on_context_lost(int, const void*, void*) {
    g.lost = true;
    return EM_TRUE;
}

EM_BOOL on_context_restored(int, const void*, void*) {
    g.lost = false;
    g.restored = true;
    return EM_TRUE;
}

}  // namespace

bool renderer_init(const RendererOptions& options) {
    g = RendererState{};
    g.canvas = options.canvas;
    if (!create_objects()) return false;
    set_all_state();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "coach_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
    // The atlas grows up to what the device can hold (WebGL2 promises at least 2048).
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Renderer_TextureMaxWidth = pio.Renderer_TextureMaxHeight = max_size > 0 ? max_size : 2048;
    emscripten_set_webglcontextlost_callback(g.canvas, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(g.canvas, nullptr, EM_FALSE, on_context_restored);
    g.ready = true;
    return true;
}

void renderer_draw(ImDrawData* draw_data, int fb_w, int fb_h, ImVec4 clear) {
    if (!g.ready || g.lost || draw_data == nullptr || fb_w <= 0 || fb_h <= 0) return;
    if (g.restored) {
        rebuild_after_restore();
        if (!g.ready) return;
    }
    handle_texture_requests(draw_data->Textures);
    set_frame_geometry(draw_data, fb_w, fb_h);
    clear_frame(fb_w, fb_h, clear);
    draw_lists(draw_data, fb_w, fb_h);
}

void renderer_shutdown() {
    if (g.canvas != nullptr) {
        emscripten_set_webglcontextlost_callback(g.canvas, nullptr, EM_FALSE, nullptr);
        emscripten_set_webglcontextrestored_callback(g.canvas, nullptr, EM_FALSE, nullptr);
    }
    if (g.ready && !g.lost && !g.restored) {
        for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
            if (tex->RefCount == 1 && tex->TexID != ImTextureID_Invalid) destroy_texture(tex);
        glDeleteBuffers(1, &g.vbo);
        glDeleteBuffers(1, &g.ibo);
        glDeleteVertexArrays(1, &g.vao);
        glDeleteProgram(g.program);
    } else {
        // The objects died with the context: only ImGui's records of them need clearing.
        for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
            if (tex->RefCount == 1 && tex->TexID != ImTextureID_Invalid) {
                tex->SetTexID(ImTextureID_Invalid);
                tex->SetStatus(ImTextureStatus_Destroyed);
            }
    }
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = nullptr;
    io.BackendFlags &= ~(ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset);
    g = RendererState{};
}

}  // namespace coach::web
