#include "headless.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

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
    static const Course course = [] {
        Course c = content_course();
        c.quizzes.push_back(sample_quiz());
        return c;
    }();
    state.course = course;
    state.quizzes_loaded = true;
    state.plan_screens = &ui::kPlanScreens;  // the native build has the plan, like app-plan.wasm
    state.now_ms = kMorning;
    state.utc_offset_minutes = kBeijing;
}

Headless::~Headless() { ImGui::DestroyContext(context_); }

const ViewTree& Headless::draw(int frames) {
    ImGuiIO& io = ImGui::GetIO();
    effects_ = {};
    last_activated_ = false;
    focus_requested_.clear();
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
        if (!ui.focus_request.empty()) focus_requested_ = ui.focus_request;
        tree_ = std::move(ui.tree);
        last_activated_ = last_activated_ || ui.activated;
    }
    return tree_;
}

void Headless::browser_back() {
    const Nav before = navigate(state.nav, Back{}).nav;
    ui::AppEffects effects;
    ui::go(state, effects, Popped{before.stack.size() - 1, before.here()});
    draw();
}

bool Headless::activate(const std::string& id) {
    input.activate = id;
    draw(3);
    return last_activated_;
}

Quiz sample_quiz() {
    const auto text = [](std::string zh, std::string en) { return Text{std::move(zh), std::move(en), {}}; };
    Quiz quiz{.id = "sample", .title = text("练习测验", "Practice quiz"), .lesson = "six-steps"};
    QuizItem pick{.id = "pick", .kind = QuizItemKind::single_choice, .voice = Voice::speaker,
                  .prompt = text("大客户销售以什么为核心？", "What is key-account selling built around?")};
    pick.options = {{"a", text("回款", "Collection"), text("对，回款是核心。", "Right: collection is the hub."), true},
                    {"b", text("成单", "Closing"), text("成单之后还要回款。", "After closing comes collection."), false},
                    {"c", text("营销", "Marketing"), text("营销只是一步。", "Marketing is one step."), false}};
    pick.explanation = text("不以回款为目的的大客户销售是没有意义的。", "Key-account selling not aimed at collection is meaningless.");
    pick.link = {"six-steps", "collection-hub"};
    QuizItem yes_no{.id = "yes-no", .kind = QuizItemKind::true_false, .prompt = text("回款是每个销售的事。", "Collection is every salesperson’s job.")};
    yes_no.options = {{"true", text("对", "True"), text("对。", "Yes."), true}, {"false", text("错", "False"), text("不对。", "No."), false}};
    yes_no.explanation = text("谁卖的谁收。", "Whoever sells, collects.");
    yes_no.link = {"six-steps", "who-owns-collection"};
    QuizItem many{.id = "many", .kind = QuizItemKind::multiple_choice, .prompt = text("哪些是信用管理的动作？", "Which are credit-management actions?")};
    many.options = {{"a", text("评估客户", "Assess the customer"), {}, true},
                    {"b", text("设定账期", "Set payment terms"), {}, true},
                    {"c", text("送礼", "Give gifts"), {}, false},
                    {"d", text("降价", "Cut the price"), {}, false}};
    many.link = {"credit-management", "three-actions"};
    QuizItem order{.id = "order", .kind = QuizItemKind::ordering, .prompt = text("把前四步排好。", "Put the first four steps in order.")};
    order.steps = {{"research", text("研究客户", "Research the customer"), text("先了解客户。", "Know them first.")},
                   {"relate", text("建立关系", "Build relationships"), {}},
                   {"market", text("营销", "Market"), {}},
                   {"close", text("成单", "Close the deal"), {}}};
    order.link = {"six-steps", "six-steps"};
    QuizItem match{.id = "match", .kind = QuizItemKind::matching, .prompt = text("角色与关注点配对。", "Match each role with what it cares about.")};
    match.pairs = {{"user", text("使用者", "User"), text("好不好用", "Whether it works"), text("使用者看效果。", "Users look at results.")},
                   {"payer", text("付款者", "Payer"), text("付款流程", "The payment process"), {}},
                   {"decider", text("决策者", "Decider"), text("投资回报", "Return on investment"), {}}};
    match.link = {"buyer-roles", "four-kinds"};
    QuizItem talk{.id = "talk", .kind = QuizItemKind::scenario, .voice = Voice::course,
                  .prompt = text("客户的财务说款要晚点付。", "The customer’s finance head says payment will be late.")};
    talk.scenario.start = "n1";
    talk.scenario.nodes = {
        {"n1", text("财务总监", "Finance head"), text("这个月资金紧张。", "Money is tight this month."),
         {{"a", text("请问哪天能付？", "Which day can you pay?"), text("她想了想。", "She thinks."), "n2"},
          {"b", text("那就算了。", "Never mind, then."), text("她松了口气。", "She relaxes."), "bad"}}},
        {"n2", text("财务总监", "Finance head"), text("下周三吧。", "Next Wednesday."),
         {{"a", text("我周三上午来取。", "I will come by Wednesday morning."), text("她同意了。", "She agrees."), "good"},
          {"b", text("好的。", "Fine."), text("没有约定。", "Nothing is fixed."), "middle"}}},
    };
    talk.scenario.endings = {{"good", text("周三收到全款。", "Paid in full on Wednesday."), 1.0},
                             {"middle", text("拖到了下个月。", "It slips to next month."), 0.5},
                             {"bad", text("款一直没收回来。", "The money never comes."), 0.0}};
    talk.explanation = text("要约定具体的日子。", "Agree on a day.");
    talk.link = {"credit-management", "payment-habit"};
    quiz.items = {pick, yes_no, many, order, match, talk};
    return quiz;
}

std::vector<std::string> child_ids(const ViewTree& tree, const std::string& id) {
    std::vector<std::string> out;
    for (const ViewNode& n : tree.nodes)
        if (n.id == id)
            for (std::size_t c : n.children) out.push_back(tree.nodes[c].id);
    return out;
}

void check_well_formed(const ViewTree& tree) {
    const auto is_control = [](Role r) { return r == Role::button || r == Role::link || r == Role::textbox || r == Role::radio || r == Role::checkbox; };
    CHECK(tree.duplicates == 0);
    CHECK_FALSE(tree.screen.empty());
    CHECK_FALSE(tree.title.empty());
    int titles = 0;
    std::set<std::string> ids;
    for (const ViewNode* n : nodes(tree)) {
        INFO("node " << n->id << " (" << role_name(n->role) << ")");
        CHECK(ids.insert(n->id).second);
        if (n->role == Role::heading) {
            CHECK_FALSE(n->name.empty());
            CHECK(n->state.level >= 1);
            if (n->state.level == 1) ++titles;
        }
        if (is_control(n->role)) {
            CHECK_FALSE(n->name.empty());
            CHECK(n->rect.w > 0);
            CHECK(n->rect.h > 0);
        }
        if (n->role == Role::progressbar) CHECK(n->state.max.has_value());
    }
    CHECK(titles == 1);
}

void check_fits(const ViewTree& tree, float width) {
    for (const ViewNode* n : nodes(tree)) {
        INFO(n->id << " spans " << n->rect.x << " to " << n->rect.x + n->rect.w);
        CHECK(n->rect.x >= -0.5f);
        CHECK(n->rect.x + n->rect.w <= width + 0.5f);
    }
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
