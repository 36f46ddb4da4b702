#include "dict/verb_dictionary.h"

#include <algorithm>

#include "dict/actor_dictionary.h"

namespace dyad {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool IsNegationWord(const std::string& w) {
  return w == "not" || w == "n't" || w == "never";
}

// Splits off the `~` and `not` markers and the words before `*` (into
// `before` and `tight`, when given); returns the remaining words.
std::vector<std::string> PatternWords(const std::string& text, bool* nominal,
                                      bool* negated,
                                      std::vector<std::string>* before,
                                      std::vector<bool>* tight = nullptr) {
  std::string body = text;
  *nominal = false;
  *negated = false;
  if (!body.empty() && body[0] == '~') {
    *nominal = true;
    body.erase(0, 1);
  }
  std::vector<std::string> words;
  for (std::string& w : PhraseWords(body)) words.push_back(Lower(w));
  auto star = std::find(words.begin(), words.end(), "*");
  if (star != words.end()) {
    std::vector<std::string> pre;
    std::vector<bool> joined;
    for (auto w = words.begin(); w != star; ++w) {
      if (*w == "_") {  // `a_b`: a stands right before b
        if (!joined.empty()) joined.back() = true;
        continue;
      }
      *negated |= IsNegationWord(*w);
      pre.push_back(*w);
      joined.push_back(false);
    }
    words.erase(words.begin(), star + 1);
    if (before) *before = std::move(pre);
    if (tight) *tight = std::move(joined);
    return words;
  }
  if (!words.empty() && words[0] == "not") {
    *negated = true;
    words.erase(words.begin());
  }
  return words;
}

}  // namespace

std::vector<std::string> VerbDictionary::HeadWords(
    const std::vector<DictionaryFile>& files) {
  std::vector<std::string> heads;
  for (const DictionaryFile& f : files) {
    for (const DictEntry& e : f.entries) {
      for (const DictPhrase& p : e.phrases) {
        bool nominal, negated;
        std::vector<std::string> words =
            PatternWords(p.text, &nominal, &negated, nullptr);
        if (!nominal && !words.empty() && words[0] != "+")
          heads.push_back(words[0]);
      }
    }
  }
  return heads;
}

void VerbDictionary::Build(const std::vector<DictionaryFile>& files,
                           const CameoTable& cameo, const Lexicon& lexicon,
                           std::vector<std::string>* errors) {
  for (const DictionaryFile& f : files) {
    bool modals_code_act = false;
    for (const DictDirective& d : f.directives) {
      if (d.name == "modals-code-act") {
        modals_code_act = true;
      } else {
        errors->push_back(f.path + ":" + std::to_string(d.line) +
                          ": unknown directive '@" + d.name + "'");
      }
    }
    for (const DictEntry& e : f.entries) {
      std::string where = f.path + ":" + std::to_string(e.line) + ": ";
      // CODE, CODE/REVERSE, --- (null) or ---/REVERSE (reverse event only).
      std::string code = e.code, reverse;
      size_t slash = code.find('/');
      if (slash != std::string::npos) {
        reverse = code.substr(slash + 1);
        code.resize(slash);
      }
      bool bad = false;
      for (const std::string* c : {&code, &reverse}) {
        if (c->empty() && c == &reverse && slash == std::string::npos) continue;
        if (c == &code && *c == kNullCode) continue;
        if (!cameo.Find(*c)) {
          errors->push_back(where + "unknown CAMEO code '" + *c + "'" +
                            (slash != std::string::npos
                                 ? " in paired code '" + e.code + "'"
                                 : std::string()));
          bad = true;
          break;
        }
      }
      if (bad) continue;
      for (const DictPhrase& p : e.phrases) {
        VerbPattern vp;
        vp.code = code;
        vp.reverse_code = reverse;
        vp.file = f.path;
        vp.modals_code_act = modals_code_act;
        vp.line = p.line;
        vp.text = p.text;
        std::vector<std::string> words = PatternWords(
            p.text, &vp.nominal, &vp.negated, &vp.before, &vp.before_tight);
        bool marks = std::count(vp.before.begin(), vp.before.end(), "*") +
                         std::count(words.begin(), words.end(), "*") >
                     0;
        marks = marks || std::count(vp.before.begin(), vp.before.end(), "+");
        if (marks || (vp.nominal && !vp.before.empty())) {
          errors->push_back(where + "pattern '" + p.text +
                            "' may hold one '*', in a verbal pattern, with "
                            "words before it");
          continue;
        }
        if (!vp.before.empty() && vp.before[0] == "%") {
          vp.compound = true;
          vp.before.erase(vp.before.begin());
          vp.before_tight.erase(vp.before_tight.begin());
        }
        marks = std::count(vp.before.begin(), vp.before.end(), "%") > 0;
        if (marks) {
          errors->push_back(where + "pattern '" + p.text +
                            "' may hold '%' only as its first word");
          continue;
        }
        // Words before the verb, and `%`, make a pattern more specific.
        vp.words += static_cast<int>(vp.before.size()) + vp.compound;
        if (words.empty() || words[0] == "+") {
          errors->push_back(where + "pattern '" + p.text +
                            "' must start with a word");
          continue;
        }
        int slots = 0;
        bool tight = false, bad_join = false;
        for (const std::string& w : words) {
          VerbPattern::Element el;
          if (w == "_") {  // `a _ b`: b right after a
            bad_join |= tight || vp.elements.empty() || vp.elements.back().slot;
            tight = true;
            continue;
          }
          el.tight = tight;
          bad_join |= tight && w == "+";
          tight = false;
          if (w == "+") {
            el.slot = true;
            ++slots;
          } else {
            el.lemma = std::string(lexicon.LemmaOf(w));
            ++vp.words;
          }
          vp.elements.push_back(std::move(el));
        }
        if (bad_join || tight) {
          errors->push_back(where + "pattern '" + p.text +
                            "' may join only two words with '_'");
          continue;
        }
        if (slots > 1 || (vp.elements.back().slot && vp.elements.size() == 1)) {
          errors->push_back(where + "pattern '" + p.text +
                            "' may hold at most one '+' slot");
          continue;
        }
        if (vp.elements[0].lemma.empty()) continue;
        by_head_.FindOrAdd(vp.elements[0].lemma)
            .push_back(static_cast<uint32_t>(patterns_.size()));
        patterns_.push_back(std::move(vp));
      }
    }
  }
  by_head_.ForEachMutable([&](std::string_view, std::vector<uint32_t>& list) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return patterns_[a].words > patterns_[b].words;
    });
  });
}

const std::vector<uint32_t>* VerbDictionary::ForHead(
    std::string_view lemma) const {
  return by_head_.Find(lemma).value;
}

}  // namespace dyad
