#include "dict/actor_dictionary.h"

#include <algorithm>

#include "text/normalizer.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

bool IsAllCaps(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string Plural(const std::string& w) {
  auto ends = [&](std::string_view s) {
    return w.size() > s.size() &&
           w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh"))
    return w + "es";
  if (ends("y") && w.size() > 1 &&
      std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos)
    return w.substr(0, w.size() - 1) + "ies";
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  return w + "s";
}

bool CodeShapeOk(const std::string& code, ActorKind kind) {
  if (kind == ActorKind::kAgent && code.size() != 3) return false;
  if (code.size() < 3) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

}  // namespace

std::vector<std::string> PhraseWords(std::string_view phrase) {
  NormalizedText n = Normalize(phrase);
  std::vector<std::string> words;
  for (const Token& t : Tokenize(n.text))
    words.emplace_back(n.text.substr(t.begin, t.end - t.begin));
  return words;
}

void ActorDictionary::Add(const DictionaryFile& file, ActorKind kind,
                          std::vector<std::string>* errors) {
  for (const DictDirective& d : file.directives)
    errors->push_back(file.path + ":" + std::to_string(d.line) +
                      ": unknown directive '@" + d.name + "'");
  for (const DictEntry& e : file.entries) {
    if (!CodeShapeOk(e.code, kind)) {
      errors->push_back(
          file.path + ":" + std::to_string(e.line) + ": bad " +
          (kind == ActorKind::kAgent     ? "agent"
           : kind == ActorKind::kDiscard ? "discard"
                                         : "actor") +
          " code '" + e.code + "'" +
          (kind == ActorKind::kAgent ? " (agents have 3 letters)" : ""));
      continue;
    }
    bool roles_ok = true;
    for (const RoleLine& r : e.roles) {
      if (!CodeShapeOk(r.code, ActorKind::kActor)) {
        errors->push_back(file.path + ":" + std::to_string(r.line) +
                          ": bad role code '" + r.code + "'");
        roles_ok = false;
      }
    }
    if (!roles_ok) continue;
    uint32_t id = static_cast<uint32_t>(entries_.size());
    entries_.push_back(ActorEntry{e.code, e.roles, kind, file.path, e.line});
    for (const DictPhrase& p : e.phrases)
      AddPhrase(p.text, id, p.line, kind != ActorKind::kActor);
  }
  // Keep each index list longest first, stable for equal lengths.
  index_.ForEachMutable([&](std::string_view, std::vector<uint32_t>& list) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  });
}

void ActorDictionary::AddPhrase(const std::string& text, uint32_t entry,
                                int line, bool pluralize) {
  std::vector<std::string> words = PhraseWords(text);
  if (words.empty()) return;
  ActorPhrase phrase;
  phrase.entry = entry;
  phrase.line = line;
  phrase.text = text;
  for (const std::string& w : words) {
    ActorPhrase::Word word;
    word.lower = Lower(w);
    if (IsAllCaps(w)) word.exact = w;
    // Actor names written capitalized match only capitalized words; agents
    // and discards ("police", "earthquake") match any casing.
    word.capitalized = !pluralize && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    phrase.words.push_back(std::move(word));
  }
  index_.FindOrAdd(phrase.words[0].lower)
      .push_back(static_cast<uint32_t>(phrases_.size()));
  phrases_.push_back(phrase);
  if (pluralize && phrase.words.back().exact.empty()) {
    ActorPhrase plural = phrase;
    plural.words.back().lower = Plural(phrase.words.back().lower);
    index_.FindOrAdd(plural.words[0].lower)
        .push_back(static_cast<uint32_t>(phrases_.size()));
    phrases_.push_back(std::move(plural));
  }
}

bool ActorDictionary::LongestAt(std::string_view text,
                                const std::vector<TaggedToken>& tokens,
                                size_t i, ActorMatch* match) const {
  auto found = index_.Find(tokens[i].lower);
  if (!found.value) return false;
  for (uint32_t pid : *found.value) {
    const ActorPhrase& p = phrases_[pid];
    if (i + p.words.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; ok && k < p.words.size(); ++k) {
      const TaggedToken& t = tokens[i + k];
      const ActorPhrase::Word& w = p.words[k];
      if (t.lower != w.lower) {
        ok = false;
      } else if (!w.exact.empty()) {
        ok = text.substr(t.token.begin, t.token.end - t.token.begin) == w.exact;
      } else if (w.capitalized &&
                 !(t.token.flags & (kTokenCapitalized | kTokenAllCaps))) {
        ok = false;  // names are capitalized: "Struck" is not "struck"
      }
    }
    if (ok) {
      match->begin = i;
      match->end = i + p.words.size();
      match->phrase = &p;
      match->entry = &entries_[p.entry];
      return true;
    }
  }
  return false;
}

const std::string& ActorDictionary::CodeOn(const ActorEntry& entry,
                                           const Date& date) {
  if (date.valid()) {
    for (const RoleLine& r : entry.roles) {
      bool after_start = !r.from.valid() || !(date < r.from);
      bool before_end = !r.to.valid() || date < r.to;
      if (after_start && before_end) return r.code;
    }
  }
  return entry.code;
}

size_t ActorDictionary::entry_count(ActorKind kind) const {
  return std::count_if(entries_.begin(), entries_.end(),
                       [&](const ActorEntry& e) { return e.kind == kind; });
}

}  // namespace dyad
