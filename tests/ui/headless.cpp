#include "headless.h"

#include <filesystem>

namespace coach::test {
namespace {

// Noto Sans CJK, read once; each context gets its own copy (the atlas owns and frees it).
const std::vector<char>& font_file() {
    static const std::vector<char> bytes = [] {
        std::ifstream in(COACH_CJK_FONT, std::ios::binary);
        return std::vector<char>(std::istreambuf_iterator<char>(in), {});
    }();
    return bytes;
}

constexpr int kSimplifiedChinese = 2;  // the face in the .ttc collection

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

Course content_course() {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(COACH_SOURCE_DIR) / "content";
    std::vector<SourceFile> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back({fs::relative(entry.path(), root).generic_string(), read(entry.path())});
    return load_course_files(files).course;
}

Headless::Headless(float w, float h) : width(w), height(h) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
    const std::vector<char>& file = font_file();
    void* data = IM_ALLOC(file.size());
    std::memcpy(data, file.data(), file.size());
    ImFontConfig cfg;
    cfg.FontNo = kSimplifiedChinese;
    cfg.FontDataOwnedByAtlas = true;
    font_ = io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(file.size()), ui::font_px(17), &cfg);
    static const Course course = content_course();
    state.course = course;
}

Headless::~Headless() { ImGui::DestroyContext(context_); }

const ViewTree& Headless::draw(int frames) {
    ImGuiIO& io = ImGui::GetIO();
    effects_ = {};
    last_activated_ = false;
    for (int i = 0; i < frames; ++i) {
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ui::Ui ui;
        ui.font = font_;
        ui.metrics = ui::scaled(ui::Metrics{}, ui::text_percent(state));
        ui.theme = &coach::theme(ui::theme_id(state));
        ui.input = input;
        input.activate.clear();
        input.scroll_to.clear();
        for (auto& [id, edit] : input.edits) edit.fresh = false;
        ui::draw_app(state, ui, effects_);
        ImGui::Render();
        // No GPU: every texture request counts as done.
        for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
            if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(static_cast<ImTextureID>(1));
            if (tex->Status == ImTextureStatus_WantDestroy) {
                tex->SetTexID(ImTextureID_Invalid);
                tex->SetStatus(ImTextureStatus_Destroyed);
            } else if (tex->Status != ImTextureStatus_OK && tex->Status != ImTextureStatus_Destroyed) {
                tex->SetStatus(ImTextureStatus_OK);
            }
        }
        tree_ = std::move(ui.tree);
        last_activated_ = last_activated_ || ui.activated;
    }
    return tree_;
}

bool Headless::activate(const std::string& id) {
    input.activate = id;
    draw(3);
    return last_activated_;
}

std::vector<const ViewNode*> nodes(const ViewTree& tree) {
    std::vector<const ViewNode*> out;
    const auto walk = [&](auto& self, std::size_t i) -> void {
        out.push_back(&tree.nodes[i]);
        for (std::size_t c : tree.nodes[i].children) self(self, c);
    };
    walk(walk, 0);
    return out;
}

}  // namespace coach::test
