#include "dict/petrarch_verbs.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "dict/actor_dictionary.h"

namespace dyad {
namespace {

// A pattern line whose synsets combine into more dyad patterns than this
// (before multiplying by the verbs of its block) is skipped.
constexpr size_t kMaxCombinations = 20000;
constexpr char kSlot = '\x01';  // marks a synset placeholder token
// A pattern line with words before the verb that would give more dyad
// patterns than this (synset combinations times verbs of its block) is
// skipped: a few such lines of CAMEO.2.0 would triple its size.
constexpr size_t kMaxBeforeVerbPatterns = 2000;

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool IsNegation(std::string_view w) {
  return w == "not" || w == "never" || EndsWith(w, "n't");
}

// Auxiliaries and modals that may stand before a negated verb ("WILL NOT *",
// "DID N'T *"); dyad's verb group reads them itself.
bool IsAuxiliary(std::string_view w) {
  static const char* const kWords[] = {
      "is",    "are",   "am",    "was",    "were", "be",    "been",
      "being", "has",   "have",  "had",    "do",   "does",  "did",
      "will",  "would", "shall", "should", "can",  "could", "may",
      "might", "must",  "wo",    "ca",     "sha"};
  for (const char* a : kWords)
    if (w == a) return true;
  return false;
}

struct CodeCheck {
  bool ok = false;
  std::string code;     // the code dyad will write: `NNN`, `NNN/MMM`, `---`
  std::string forward;  // source to target: a code or "---" (null)
  std::string reverse;  // target to source, "" when none
  std::string reason;   // why not, when !ok
};

// A PETRARCH event code: 2 to 4 digits with a root of 01 or more, or "".
std::string NumericCode(std::string_view raw, std::string* reason) {
  bool digits = raw.size() >= 2 && raw.size() <= 4;
  for (char ch : raw) digits = digits && ch >= '0' && ch <= '9';
  if (!digits) {
    *reason = "not a CAMEO code";
    return "";
  }
  if (raw[0] == '0' && raw[1] == '0') {
    *reason = "root 00 is no code";
    return "";
  }
  return std::string(raw);
}

// PETRARCH's codes: `[NNN]`, the null code `[---]` (the pattern codes
// nothing), and paired codes `[NNN:MMM]` (NNN source to target, MMM target to
// source; `[:MMM]` only the latter). dyad writes the pair as `NNN/MMM`.
CodeCheck CheckCode(std::string_view raw) {
  CodeCheck c;
  raw = TrimBlanks(raw);
  std::string_view first = raw, second;
  size_t colon = raw.find(':');
  if (colon != std::string_view::npos) {
    first = TrimBlanks(raw.substr(0, colon));
    second = TrimBlanks(raw.substr(colon + 1));
  }
  if (second == "---") second = {};
  if (first.empty() && second.empty()) {
    c.reason = "no code";
    return c;
  }
  if (first.empty() || first == "---") {
    c.forward = "---";
  } else {
    c.forward = NumericCode(first, &c.reason);
    if (c.forward.empty()) return c;
  }
  if (!second.empty()) {
    c.reverse = NumericCode(second, &c.reason);
    if (c.reverse.empty()) {
      c.reason = "reverse code: " + c.reason;
      return c;
    }
  }
  c.ok = true;
  c.code = c.reverse.empty() ? c.forward : c.forward + "/" + c.reverse;
  return c;
}

// The outcome of one expansion of a pattern line.
struct Shape {
  bool ok = false;
  bool negated = false;
  std::vector<std::string> before;  // words before the verb, lower case
  std::vector<std::string> post;    // lower-case words and "+"
  std::string reason;
};

Shape Classify(const std::vector<std::string>& tokens) {
  Shape s;
  size_t star = std::string::npos;
  int stars = 0;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i] == "*") {
      star = i;
      ++stars;
    }
  if (stars != 1) {
    s.reason = stars == 0 ? "no '*' marking the verb" : "more than one '*'";
    return s;
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (t == "%" && i == 0 && star > 0) continue;  // `% ... *`: see below
    if (t == "$") {
      s.reason = "'$' source marker: dyad takes the source from the subject";
      return s;
    }
    if (t == "%") {
      s.reason = "'%' compound-actor marker after the verb";
      return s;
    }
    if (t == "^") {
      s.reason = "'^' skip marker";
      return s;
    }
  }
  bool negation = false, other = false;
  for (size_t i = 0; i < star; ++i) {
    if (tokens[i] == "_") continue;
    if (tokens[i] == "+") {
      s.reason = "'+' before the verb (the target is the subject)";
      return s;
    }
    std::string w = AsciiLower(tokens[i]);
    if (IsNegation(w))
      negation = true;
    else if (!IsAuxiliary(w))
      other = true;
  }
  // Only a negation with its auxiliaries before the verb ("WILL NOT *"): the
  // negated form `not verb`, since dyad's verb group reads the auxiliaries.
  // Any other words before the verb are kept as such (`have * delay`).
  // PETRARCH's `A_B` (adjacent words) is kept before the verb (`a _ b *`,
  // `recently _ *`), where dyad has the same notion; after it, dyad allows
  // filler words between pattern words anyway.
  if (star > 0 && (other || !negation)) {
    for (size_t i = 0; i < star; ++i) {
      if (tokens[i] == "_" && (s.before.empty() || s.before.back() == "_" ||
                               (i + 1 < star && tokens[i + 1] == "_")))
        continue;
      s.before.push_back(AsciiLower(tokens[i]));
    }
    if (!s.before.empty() && s.before[0] == "_")
      s.before.erase(s.before.begin());
  } else {
    s.negated = negation;
  }
  int slots = 0;
  for (size_t i = star + 1; i < tokens.size(); ++i) {
    if (tokens[i] == "_") {  // kept between two words (the verb counts)
      bool prev_word =
          s.post.empty() || (s.post.back() != "_" && s.post.back() != "+");
      bool next_word =
          i + 1 < tokens.size() && tokens[i + 1] != "_" && tokens[i + 1] != "+";
      if (prev_word && next_word) s.post.push_back("_");
      continue;
    }
    if (tokens[i] == "+") ++slots;
    s.post.push_back(tokens[i] == "+" ? "+" : AsciiLower(tokens[i]));
  }
  if (slots > 1) {
    s.reason = "more than one '+' target marker";
    return s;
  }
  s.ok = true;
  return s;
}

// True when dyad's verb dictionary will accept `text` as a pattern: read
// with dyad's tokenizer, it starts with a word (after an optional `not`) and
// holds at most one `+` slot.
bool DyadPatternOk(const std::string& text) {
  if (!DyadPhraseOk(text)) return false;
  std::vector<std::string> words = PhraseWords(text);
  size_t first = !words.empty() && AsciiLower(words[0]) == "not" ? 1 : 0;
  if (std::count(words.begin(), words.end(), "*") > 1) return false;
  for (size_t i = 0; i < words.size(); ++i) {  // '_' joins two words
    if (words[i] != "_") continue;
    if (i == 0 || i + 1 == words.size()) return false;
    for (const std::string& w : {words[i - 1], words[i + 1]})
      if (w == "_" || w == "+" || w == "%") return false;
    if (words[i + 1] == "*" && i + 2 >= words.size()) return false;
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] != "*") continue;
    if (text[0] == '~') return false;  // a nominal pattern has no '*'
    for (size_t k = 0; k < i; ++k)     // words before the verb: words only
      if (words[k] == "+" || (words[k] == "%" && k > 0)) return false;
    first = i + 1;
    break;
  }
  if (first >= words.size() || words[first] == "+") return false;
  int slots = 0;
  for (const std::string& w : words) slots += w == "+";
  return slots <= 1;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Removes PETRARCH-2's phrase brackets, and spaces out the '*' and '+'
// markers ("NAVY+SPECIAL" reads as three tokens, as dyad's tokenizer reads
// it) and the '_' joins (a "_" token: the words beside it are adjacent).
std::vector<std::string> PatternTokens(std::string s) {
  std::string spaced;
  for (char c : s) {
    if (c == '{' || c == '}' || c == '(' || c == ')')
      spaced += ' ';
    else if (c == '*' || c == '+' || c == '_')
      spaced += {' ', c, ' '};
    else
      spaced += c;
  }
  return SplitBlanks(spaced);
}

}  // namespace

PetrarchVerbFile PetrarchVerbFile::Parse(std::string_view text,
                                         const std::string& file,
                                         std::vector<ImportNote>* notes) {
  PetrarchVerbFile f;
  f.file_ = file;
  NoteSink sink(file, notes);
  std::string synset;  // the synset whose members are being read
  for (const PetrarchLine& l : ReadPetrarchLines(text)) {
    if (!l.utf8) {
      sink.Skip(l.number, "not valid UTF-8 text (or holds control characters)");
      continue;
    }
    std::string_view t = TrimBlanks(l.text);
    if (t.substr(0, 3) == "---") {
      synset.clear();
      Block b;
      b.line = l.number;
      size_t open = t.find('[');
      size_t close = open == std::string_view::npos ? open : t.find(']', open);
      std::string_view title = t.substr(0, open);
      while (!title.empty() && (title.front() == '-' || title.front() == ' '))
        title.remove_prefix(1);
      while (!title.empty() && (title.back() == '-' || title.back() == ' ' ||
                                title.back() == '\t'))
        title.remove_suffix(1);
      b.title = std::string(title);
      b.code = "---";
      if (close != std::string_view::npos) {
        b.code = std::string(TrimBlanks(t.substr(open + 1, close - open - 1)));
        if (t.find('[', close) != std::string_view::npos)
          sink.Change(l.number,
                      "block header with two codes: the first is used");
      }
      f.blocks_.push_back(std::move(b));
      continue;
    }
    if (t[0] == '&') {
      std::string name(t.substr(1, t.find_first_of(" \t") - 1));
      while (!name.empty() && name.back() == '_') name.pop_back();
      synset = name;
      f.synsets_[name];  // a synset may be empty
      continue;
    }
    if (t[0] == '+' && !synset.empty()) {
      f.synsets_[synset].push_back(
          Member{std::string(TrimBlanks(t.substr(1))), l.number});
      continue;
    }
    synset.clear();
    if (t[0] == '~') {
      sink.Skip(l.number,
                "transformation: dyad has its own rules for intent verbs, "
                "governing verbs and reported speech");
      continue;
    }
    if (f.blocks_.empty()) {
      sink.Skip(l.number, "outside a verb block", std::string(t));
      continue;
    }
    Block& b = f.blocks_.back();
    if (t[0] == '-') {
      size_t open = t.rfind('[');
      size_t close = open == std::string_view::npos ? open : t.find(']', open);
      if (close == std::string_view::npos) {
        sink.Skip(l.number, "pattern without a [code]", std::string(t));
        continue;
      }
      b.patterns.push_back(
          Pattern{std::string(t.substr(1, open - 1)),
                  std::string(t.substr(open + 1, close - open - 1)), l.number});
      continue;
    }
    // A verb line: WORD, WORD {FORMS} [CODE], +WORD_PARTICLE {...}.
    std::string rest(t);
    Verb v;
    v.line = l.number;
    size_t open = rest.find('[');
    if (open != std::string::npos) {
      size_t close = rest.find(']', open);
      v.code = std::string(TrimBlanks(rest.substr(
          open + 1,
          close == std::string::npos ? std::string::npos : close - open - 1)));
      rest.resize(open);
    }
    std::string forms;
    size_t brace = rest.find('{');
    if (brace != std::string::npos) {
      size_t end = rest.find('}', brace);
      forms =
          rest.substr(brace + 1, end == std::string::npos ? std::string::npos
                                                          : end - brace - 1);
      rest.resize(brace);
    }
    std::string spaced = JoinPetrarchWords(rest);
    std::vector<std::string> parts = SplitBlanks(spaced);
    if (parts.empty()) {
      sink.Skip(l.number, "verb line without a verb", std::string(t));
      continue;
    }
    // '+' marks the verb of a multi-word verb. Only the first word may be it
    // in dyad, where a pattern starts with its verb; PETRARCH's "RE_+ARREST"
    // (TreeBank's split of "re-arrest") becomes the word "re-arrest".
    size_t plus = parts.size();
    for (size_t i = 0; i < parts.size(); ++i)
      if (parts[i][0] == '+') plus = i;
    bool marked = plus < parts.size();
    std::string verb_prefix;
    if (marked) {
      parts[plus].erase(0, 1);
      if (plus == 1 && AsciiLower(parts[0]) == "re") {
        parts[1] = "re-" + AsciiLower(parts[1]);
        parts.erase(parts.begin());
        verb_prefix = "re-";
      } else if (plus != 0) {
        sink.Skip(l.number,
                  "words before the verb of a multi-word verb: dyad patterns "
                  "start at the verb",
                  std::string(t));
        continue;
      }
    }
    for (const std::string& p : parts) v.words.push_back(AsciiLower(p));
    if (v.words[0].empty()) {
      sink.Skip(l.number, "verb line without a verb", std::string(t));
      continue;
    }
    // Irregular forms: single words, or the '+' word of multi-word forms.
    for (char& c : forms)
      if (c == ',') c = ' ';  // some lists separate their forms with commas
    for (const std::string& form : SplitBlanks(forms)) {
      std::vector<std::string> fw = SplitBlanks(JoinPetrarchWords(form));
      std::string word;
      for (const std::string& w : fw)
        if (w[0] == '+') word = w.substr(1);
      if (word.empty() && fw.size() == 1) word = fw[0];
      if (word.empty()) continue;
      if (!marked && v.words.size() > 1) continue;  // "LASH OUT": which word?
      f.forms_.push_back(
          IrregularForm{verb_prefix + AsciiLower(word), v.words[0], l.number});
    }
    b.verbs.push_back(std::move(v));
  }
  return f;
}

std::vector<std::string> PetrarchVerbFile::HeadWords() const {
  std::vector<std::string> heads;
  for (const Block& b : blocks_)
    for (const Verb& v : b.verbs) heads.push_back(v.words[0]);
  return heads;
}

std::vector<std::string> PetrarchVerbFile::Members(const std::string& name,
                                                   int depth) const {
  std::vector<std::string> out;
  auto it = synsets_.find(name);
  if (it == synsets_.end()) return out;
  for (const Member& m : it->second) {
    if (!m.text.empty() && m.text[0] == '&') {
      std::string nested = m.text.substr(1);
      while (!nested.empty() && nested.back() == '_') nested.pop_back();
      if (depth < 5) {
        std::vector<std::string> inner = Members(nested, depth + 1);
        out.insert(out.end(), inner.begin(), inner.end());
      }
      continue;
    }
    // A member's words stand together: joined by '_' tokens.
    std::vector<std::string> words;
    for (const std::string& w : PatternTokens(m.text)) {
      if (w == "_") continue;
      if (!words.empty()) words.push_back("_");
      words.push_back(w);
    }
    if (!words.empty()) out.push_back(Join(words));
  }
  return out;
}

VerbConversion PetrarchVerbFile::Convert(
    const CameoTable& cameo, const Lexicon& lexicon,
    std::map<std::string, std::string>* new_codes,
    std::vector<ImportNote>* notes) const {
  NoteSink sink(file_, notes);
  VerbConversion conv;
  std::vector<bool> dead;
  std::unordered_map<std::string, size_t> by_key;
  struct LineCount {
    size_t made = 0, overridden = 0;
    int by = 0;  // a later line that overrode one of them
  };
  std::map<int, LineCount> per_line;

  auto key_of = [&](bool negated, const std::vector<std::string>& before,
                    const std::vector<std::string>& words) {
    std::string key = negated ? "not" : "";
    for (const std::string& w : before) key += " " + w;
    if (!before.empty()) key += " *";
    for (const std::string& w : words) {
      key += ' ';
      key += lexicon.LemmaOf(w);
    }
    return key;
  };
  auto use_code = [&](const CodeCheck& c, int line) {
    for (const std::string& code : {c.forward, c.reverse}) {
      if (code.empty() || code == "---") continue;
      if (!cameo.Find(code) && !new_codes->count(code)) {
        (*new_codes)[code] = file_ + ":" + std::to_string(line);
        sink.Change(line,
                    "code not in dyad's CAMEO table: added to cameo/codes.txt",
                    code);
      }
    }
  };
  // False when the pattern cannot be written in dyad's format.
  auto emit = [&](const std::string& code, bool negated,
                  const std::vector<std::string>& words, int line, int block,
                  const std::vector<std::string>& before = {}) {
    std::string text = (negated ? "not " : "") + Join(words);
    if (!before.empty()) text = Join(before) + " * " + text;
    if (!DyadPatternOk(text)) return false;
    std::string key = key_of(negated, before, words);
    auto [it, fresh] = by_key.emplace(key, conv.patterns.size());
    if (!fresh) {
      ConvertedPattern& prev = conv.patterns[it->second];
      if (prev.code == code) return true;  // the same pattern again
      dead[it->second] = true;
      per_line[prev.line].overridden++;
      per_line[prev.line].by = line;
      it->second = conv.patterns.size();
    }
    per_line[line].made++;
    conv.patterns.push_back(ConvertedPattern{code, text, line, block});
    dead.push_back(false);
    return true;
  };
  const char* kUnwritable =
      "gives a pattern dyad's format cannot hold (';', '#', no word, or two "
      "'+' slots)";

  for (size_t bi = 0; bi < blocks_.size(); ++bi) {
    const Block& b = blocks_[bi];
    int block = static_cast<int>(conv.blocks.size());
    conv.blocks.push_back("--- " + b.title + " [" + b.code + "] (" + file_ +
                          ":" + std::to_string(b.line) + ")");
    // The bare verbs.
    CodeCheck block_code = CheckCode(b.code);
    bool block_used = false;
    for (const Verb& v : b.verbs) block_used |= v.code.empty();
    if (block_used && b.code != "---") {
      if (!block_code.ok)
        sink.Skip(b.line,
                  "block code: " + block_code.reason +
                      "; its verbs are written without a bare pattern",
                  b.code);
      if (block_code.ok) use_code(block_code, b.line);
    }
    for (const Verb& v : b.verbs) {
      if (v.code.empty()) {
        if (block_code.ok &&
            !emit(block_code.code, false, v.words, v.line, block))
          sink.Skip(v.line, kUnwritable);
        continue;
      }
      if (v.code == "---") continue;  // the bare verb codes nothing
      CodeCheck c = CheckCode(v.code);
      if (!c.ok) {
        sink.Skip(v.line, "verb code: " + c.reason, v.code);
        continue;
      }
      use_code(c, v.line);
      if (!emit(c.code, false, v.words, v.line, block))
        sink.Skip(v.line, kUnwritable);
    }
    // The patterns, for every verb of the block.
    for (const Pattern& p : b.patterns) {
      CodeCheck c = CheckCode(p.code);
      if (!c.ok) {
        sink.Skip(p.line, c.reason, "[" + p.code + "]");
        continue;
      }
      // Synset references become placeholder tokens.
      std::string body;  // p.body holds no control characters (see Parse)
      std::vector<std::vector<std::string>> slots;
      std::string undefined;
      for (size_t i = 0; i < p.body.size();) {
        if (p.body[i] != '&') {
          body += p.body[i++];
          continue;
        }
        size_t end = i + 1;
        while (end < p.body.size() &&
               (std::isalnum(static_cast<unsigned char>(p.body[end])) ||
                p.body[end] == '_'))
          ++end;
        std::string run = p.body.substr(i + 1, end - i - 1);
        // The longest defined name that the run starts with, cut at a '_'
        // ("&TIETYPES_RELATIONS" is &TIETYPES then RELATIONS).
        std::string name;
        for (size_t cut = run.size();;) {
          std::string cand = run.substr(0, cut);
          while (!cand.empty() && cand.back() == '_') cand.pop_back();
          if (!cand.empty() && synsets_.count(cand)) {
            name = cand;
            break;
          }
          size_t us = cut == 0 ? std::string::npos : run.rfind('_', cut - 1);
          if (us == std::string::npos) break;
          cut = us;
        }
        if (name.empty()) {
          undefined = "&" + run;
          break;
        }
        body += ' ';
        body += kSlot;
        body += std::to_string(slots.size());
        body += ' ';
        slots.push_back(Members(name, 0));
        i += 1 + name.size();
      }
      if (!undefined.empty()) {
        sink.Skip(p.line, "undefined synset", undefined);
        continue;
      }
      std::vector<std::string> tokens = PatternTokens(body);
      size_t combinations = 1;
      for (const auto& s : slots) combinations *= s.size();
      if (combinations == 0) {
        sink.Skip(p.line, "synset without members");
        continue;
      }
      if (combinations > kMaxCombinations) {
        sink.Skip(p.line, "too many synset combinations",
                  std::to_string(combinations));
        continue;
      }
      bool before_verb = !tokens.empty() && tokens[0] != "*";
      size_t patterns = combinations * std::max<size_t>(b.verbs.size(), 1);
      if (before_verb && patterns > kMaxBeforeVerbPatterns) {
        sink.Skip(p.line,
                  "synsets before the verb give too many dyad patterns "
                  "(CAMEO.2.0's subject nouns: &AIRCRAFT * &WEAPON)",
                  std::to_string(patterns));
        continue;
      }
      size_t ok = 0, bad = 0;
      std::string first_reason;
      std::vector<size_t> pick(slots.size(), 0);
      for (size_t n = 0; n < combinations; ++n) {
        std::vector<std::string> expanded;
        for (const std::string& t : tokens) {
          if (t[0] != kSlot) {
            expanded.push_back(t);
            continue;
          }
          size_t s = std::stoul(t.substr(1));
          for (const std::string& w : SplitBlanks(slots[s][pick[s]]))
            expanded.push_back(w);
        }
        for (size_t s = 0; s < pick.size(); ++s) {  // next combination
          if (++pick[s] < slots[s].size()) break;
          pick[s] = 0;
        }
        Shape shape = Classify(expanded);
        if (!shape.ok) {
          ++bad;
          if (first_reason.empty()) first_reason = shape.reason;
          continue;
        }
        bool written = false;
        for (const Verb& v : b.verbs) {
          std::vector<std::string> words = v.words;
          words.insert(words.end(), shape.post.begin(), shape.post.end());
          written |=
              emit(c.code, shape.negated, words, p.line, block, shape.before);
        }
        if (!written && !b.verbs.empty()) {
          ++bad;
          if (first_reason.empty()) first_reason = kUnwritable;
          continue;
        }
        ++ok;
      }
      if (ok == 0) {
        sink.Skip(p.line, first_reason, std::string(TrimBlanks(p.body)));
        continue;
      }
      if (bad > 0)
        sink.Change(p.line,
                    "some synset members give patterns dyad cannot hold: " +
                        first_reason,
                    std::to_string(bad) + " of " + std::to_string(ok + bad));
      use_code(c, p.line);
    }
  }
  for (const auto& [line, count] : per_line) {
    if (count.overridden == 0) continue;
    const char* why =
        "the same dyad pattern with another code comes later; PETRARCH keeps "
        "the last definition";
    std::string later = "line " + std::to_string(count.by);
    if (count.overridden == count.made) {
      sink.Skip(line, why, later);
    } else {
      sink.Change(line, why,
                  std::to_string(count.overridden) + " of " +
                      std::to_string(count.made) + " patterns; " + later);
    }
  }
  std::vector<ConvertedPattern> live;
  for (size_t i = 0; i < conv.patterns.size(); ++i)
    if (!dead[i]) live.push_back(std::move(conv.patterns[i]));
  conv.patterns = std::move(live);
  return conv;
}

}  // namespace dyad
