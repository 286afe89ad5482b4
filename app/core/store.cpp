#include "store.h"

#include <algorithm>

#include "utf8.h"

namespace coach {

StorageKeys storage_keys(std::string_view course) {
    const std::string base = std::string(kAppId) + "/" + std::string(course) + "/";
    return {base + "document", base + "backup", base + "unreadable/", "collection-coach:lang", "collection-coach:goal"};
}

namespace {

LearnerDoc replay(LearnerDoc doc, const std::vector<LearnerAction>& actions) {
    for (const LearnerAction& a : actions) doc = coach::apply(std::move(doc), a);
    return doc;
}

// Adopts a newer stored document and puts this tab's unwritten changes back on top.
void rebase(Store& store, const StoredDocument& newer, const std::string& text) {
    store.base = newer.doc;
    store.generation = newer.generation;
    store.doc = replay(store.base, store.pending);
    store.last_written = text;
}

void keep_unreadable(Store& store, const std::string& text, std::int64_t now_ms, std::vector<Write>& repairs) {
    for (const Unreadable& u : store.unreadable)
        if (u.text == text) return;  // already kept
    const std::string key = storage_keys().unreadable_prefix + std::to_string(now_ms);
    store.unreadable.push_back({key, text});
    repairs.push_back({key, text});
    store.hold = true;  // until the copy is confirmed
}

// Typed text enters the document here. The text field hands over only what it decoded, but
// the document's rule (utf8.h) is kept here as well: what cannot be decoded becomes U+FFFD,
// as on screen. A new kind of action must say what it does with its text (the visit below
// does not compile without it).
struct ValidText {
    void operator()(SetLang& a) const { a.lang = valid_text(a.lang); }
    void operator()(SetGoal& a) const { a.goal = valid_text(a.goal); }
    void operator()(OpenLessonPage& a) const { a.lesson = valid_text(a.lesson); }
    void operator()(ReplaceDocument&) const {}  // read through json_guard, which refuses invalid text
    void operator()(SetReading& a) const { a.reading.theme = valid_text(a.reading.theme); }
    void operator()(SetName& a) const { a.name = valid_text(a.name); }
    // Ids come from the course, not from typing; kept valid all the same, and scores to what
    // the document holds (learner_json.h), so a reload shows what this tab showed.
    void operator()(SaveQuizSession& a) const {
        a.session.quiz = valid_text(a.session.quiz);
        for (ItemProgress& p : a.session.items) p.score = stored_score(p.score);
        if (a.session.attempt) attempt(*a.session.attempt);
    }
    void operator()(DiscardQuizSession& a) const { a.quiz = valid_text(a.quiz); }
    void operator()(FinishAttempt& a) const { attempt(a.attempt); }
    void operator()(AnswerReview& a) const { a.result.key = valid_text(a.result.key); }
    void operator()(RateStatement& a) const {
        a.assessment = valid_text(a.assessment);
        a.statement = valid_text(a.statement);
    }
    void operator()(FinishAssessment&) const {}
    void operator()(DiscardAssessment&) const {}
    void operator()(PlanMovedIn&) const {}
    static void attempt(AttemptRecord& a) {
        a.quiz = valid_text(a.quiz);
        a.score = stored_score(a.score);
        for (ItemAnswer& answer : a.answers) {
            answer.item = valid_text(answer.item);
            answer.score = stored_score(answer.score);
        }
    }
};

}  // namespace

Store load(const Found& found, std::int64_t now_ms, std::vector<Write>& repairs) {
    Store store;
    store.unreadable = found.unreadable;
    std::optional<StoredDocument> backup;
    if (found.backup) {
        ReadResult b = read_document(*found.backup);
        if (b.ok()) backup = std::move(b.stored);
    }
    if (found.document) {
        ReadResult r = read_document(*found.document);
        if (r.ok()) {
            store.base = store.doc = r.stored->doc;
            store.generation = r.stored->generation;
            store.last_written = *found.document;
            return store;
        }
        store.read_error = r.error;
        keep_unreadable(store, *found.document, now_ms, repairs);
        if (backup) {
            store.base = store.doc = backup->doc;
            store.generation = backup->generation;
            store.notice = Notice::recovered;
        } else {
            store.notice = Notice::started_empty;
        }
        store.dirty = true;  // the unreadable value under `document` is replaced once it is safe
        return store;
    }
    if (backup) {  // a document that vanished, its backup still there
        store.base = store.doc = backup->doc;
        store.generation = backup->generation;
        store.dirty = true;
    } else if (found.loose_lang || found.loose_goal) {  // version 0
        store.doc = migrate_loose_keys(found.loose_lang.value_or(""), found.loose_goal.value_or(""));
        store.dirty = true;
    }
    return store;
}

void repairs_done(Store& store, WriteOutcome outcome) {
    if (outcome == WriteOutcome::ok) {
        store.hold = false;
        return;
    }
    // The unreadable value could not be copied: it stays where it is, untouched, and is
    // offered as a download from memory; nothing overwrites it until the learner has it.
    if (!store.unreadable.empty()) store.unreadable.back().key.clear();
    store.notice = Notice::hold;
}

void change(Store& store, const LearnerAction& typed) {
    LearnerAction action = typed;
    std::visit(ValidText{}, action);
    store.doc = coach::apply(std::move(store.doc), action);
    store.pending.push_back(std::move(action));
    store.dirty = true;
}

std::optional<FlushPlan> plan_flush(Store& store, const std::optional<std::string>& stored_document, std::int64_t now_ms) {
    if (store.hold || !store.dirty) return std::nullopt;
    FlushPlan plan;
    if (stored_document) {
        if (*stored_document == store.last_written) {
            plan.writes.push_back({storage_keys().backup, *stored_document});
        } else if (ReadResult now = read_document(*stored_document); now.ok()) {
            // Another tab wrote since this one last looked: build on its document, not over it.
            if (now.stored->generation > store.generation) rebase(store, *now.stored, *stored_document);
            plan.writes.push_back({storage_keys().backup, *stored_document});
        } else {
            // Something unreadable sits under the document key: copy it to its own key first,
            // in this same plan (every time: the plan stops at a failed write, so the document
            // is never replaced before its copy is stored).
            auto kept = std::find_if(store.unreadable.begin(), store.unreadable.end(), [&](const Unreadable& u) { return u.text == *stored_document; });
            if (kept == store.unreadable.end()) kept = store.unreadable.insert(store.unreadable.end(), {"", *stored_document});
            if (kept->key.empty()) kept->key = storage_keys().unreadable_prefix + std::to_string(now_ms);
            plan.writes.push_back({kept->key, kept->text});
        }
    }
    plan.generation = store.generation + 1;
    plan.doc = store.doc;
    plan.writes.push_back({storage_keys().document, write_document({plan.doc, plan.generation})});
    return plan;
}

void flush_done(Store& store, const FlushPlan& plan, WriteOutcome outcome) {
    if (outcome != WriteOutcome::ok) {
        store.notice = outcome == WriteOutcome::quota ? Notice::quota : Notice::unavailable;
        return;  // everything stays in memory; the next flush tries again
    }
    store.base = plan.doc;
    store.generation = plan.generation;
    store.last_written = *plan.writes.back().value;
    store.pending.clear();
    store.dirty = false;
    if (store.notice == Notice::quota || store.notice == Notice::unavailable) store.notice = Notice::none;
}

void external_change(Store& store, const std::optional<std::string>& stored_document) {
    if (!stored_document || *stored_document == store.last_written) return;
    ReadResult now = read_document(*stored_document);
    if (now.ok() && now.stored->generation > store.generation) rebase(store, *now.stored, *stored_document);
}

bool import_document(Store& store, std::string_view text) {
    ReadResult r = read_document(text);
    if (!r.ok()) {
        store.read_error = r.error;
        store.notice = Notice::import_failed;
        return false;
    }
    change(store, ReplaceDocument{r.stored->doc});
    store.notice = Notice::imported;
    return true;
}

std::string export_document(const Store& store) { return write_document({store.doc, store.generation}, true); }

void unreadable_downloaded(Store& store) {
    if (store.notice == Notice::hold) {
        // Downloaded: the learner has the bytes, so the document key may now be replaced.
        store.hold = false;
        store.notice = Notice::none;
    }
}

void dismiss_notice(Store& store) {
    if (store.notice != Notice::hold) store.notice = Notice::none;
}

std::string notice_text(const Store& store, Lang lang) {
    switch (store.notice) {
        case Notice::none: return {};
        case Notice::recovered: return format(tr(Msg::notice_recovered, lang), {describe(store.read_error, lang)});
        case Notice::started_empty: return format(tr(Msg::notice_started_empty, lang), {describe(store.read_error, lang)});
        case Notice::hold: return std::string(tr(Msg::notice_hold, lang));
        case Notice::quota: return std::string(tr(Msg::notice_quota, lang));
        case Notice::unavailable: return std::string(tr(Msg::notice_storage_unavailable, lang));
        case Notice::import_failed: return format(tr(Msg::notice_import_failed, lang), {describe(store.read_error, lang)});
        case Notice::imported: return std::string(tr(Msg::notice_imported, lang));
    }
    return {};
}

}  // namespace coach
