#include "dict/petrarch_actors.h"

#include <map>

namespace dyad {
namespace {

struct Written {
  std::string text;
  int line = 0;
};

// A name, its '+' names and their code lines, as read.
struct Group {
  std::vector<Written> names;
  std::vector<Written> codes;  // bracket contents
  int line = 0;
};

// Splits off every "[...]" of `s` into `codes`; returns the rest. False when
// a '[' is not closed.
bool TakeBrackets(std::string_view s, int line, std::string* rest,
                  std::vector<Written>* codes) {
  rest->clear();
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find('[', i);
    if (open == std::string_view::npos) {
      *rest += s.substr(i);
      break;
    }
    size_t close = s.find(']', open);
    if (close == std::string_view::npos) return false;
    *rest += s.substr(i, open - i);
    codes->push_back(
        Written{std::string(s.substr(open + 1, close - open - 1)), line});
    i = close + 1;
  }
  return true;
}

bool IsCodeText(std::string_view c) {
  if (c.size() < 3 || c.size() > 15) return false;
  for (char ch : c)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
  return true;
}

// An actor code as dyad writes it, or "" (with `*reason`) when there is none.
std::string ActorCode(std::string raw, int line, NoteSink* sink,
                      std::string* reason) {
  if (raw == "---" || raw == "+++" || raw == "###") {
    *reason =
        "null code [" + raw + "]: dyad has no entry for a name without a code";
    return "";
  }
  size_t slash = raw.find('/');
  if (slash != std::string::npos) {
    sink->Change(
        line, "several codes: dyad gives a phrase one code; the first is used",
        raw);
    raw.resize(slash);
  }
  std::string upper = AsciiUpper(raw);
  if (upper != raw && IsCodeText(upper))
    sink->Change(line, "code in lower case: upper-cased", raw);
  if (!IsCodeText(upper)) {
    *reason = "not an actor code (3 to 15 capital letters or digits)";
    return "";
  }
  return upper;
}

// Adds `phrase` (PETRARCH spelling) to `entry` in dyad's spelling.
void AddPhrase(const Written& name, const Lexicon& lexicon, NoteSink* sink,
               ConvertedEntry* entry) {
  bool kept = false;
  std::string phrase = DyadActorPhrase(name.text, lexicon, &kept);
  if (phrase.empty()) {
    sink->Skip(name.line, "empty name");
    return;
  }
  if (!DyadPhraseOk(phrase)) {
    sink->Skip(name.line,
               "name dyad's format cannot hold (';', '#' or no word)", phrase);
    return;
  }
  if (kept)
    sink->Change(name.line,
                 "one-word name that is an English function word: kept in "
                 "capitals so it matches only when written so",
                 phrase);
  for (const std::string& p : entry->phrases)
    if (p == phrase) return;
  entry->phrases.push_back(std::move(phrase));
}

void FlushActor(const Group& g, const Lexicon& lexicon, NoteSink* sink,
                std::vector<ConvertedEntry>* out) {
  if (g.names.empty()) return;
  ConvertedEntry e;
  e.line = g.line;
  std::vector<std::string> undated;
  std::vector<int> undated_lines;
  for (const Written& c : g.codes) {
    std::vector<std::string> parts = SplitBlanks(c.text);
    if (parts.empty()) {
      sink->Skip(c.line, "empty code []");
      continue;
    }
    std::string reason;
    std::string code = ActorCode(parts[0], c.line, sink, &reason);
    if (code.empty()) {
      sink->Skip(c.line, reason, c.text);
      continue;
    }
    std::string spec;
    for (size_t i = 1; i < parts.size(); ++i) spec += parts[i];
    if (spec.empty()) {
      undated.push_back(code);
      undated_lines.push_back(c.line);
      continue;
    }
    Date from, to;  // dyad's range: from inclusive, to exclusive
    bool ok = true;
    if (spec[0] == '<') {
      to = ParsePetrarchDate(spec.substr(1));
      ok = to.valid();
    } else if (spec[0] == '>') {
      Date d = ParsePetrarchDate(spec.substr(1));
      ok = d.valid();
      if (ok) from = AddDays(d, 1);
    } else {
      size_t dash = spec.find('-');
      if (dash == std::string::npos) {
        sink->Skip(c.line, "date without '<', '>' or a range A-B", c.text);
        continue;
      }
      Date a = ParsePetrarchDate(spec.substr(0, dash));
      Date b = ParsePetrarchDate(spec.substr(dash + 1));
      ok = a.valid() && b.valid();
      if (ok && b < a) {
        sink->Skip(c.line, "date range ends before it starts", c.text);
        continue;
      }
      if (ok) {
        from = a;
        to = AddDays(b, 1);
      }
    }
    if (!ok) {
      sink->Skip(c.line, "bad date (YYMMDD or YYYYMMDD)", c.text);
      continue;
    }
    e.roles.push_back(
        ConvertedRole{code, from.ToString() + ".." + to.ToString(), c.line});
  }
  if (!undated.empty()) {
    e.code = undated[0];
    for (size_t i = 1; i < undated.size(); ++i)
      sink->Change(
          undated_lines[i],
          "a second code without a date: the first is the lasting code",
          undated[i]);
  } else if (!e.roles.empty()) {
    std::string country = e.roles[0].code.substr(0, 3);
    for (const ConvertedRole& r : e.roles)
      if (r.code.compare(0, 3, country) != 0) country.clear();
    e.code = country.empty() ? e.roles.back().code : country;
    sink->Change(g.line,
                 "no code without a date: the lasting code (for dates outside "
                 "every range) is taken from the dated codes",
                 e.code);
  } else {
    std::string reason =
        g.codes.empty() ? "name with no code" : "name with no usable code";
    for (const Written& n : g.names) sink->Skip(n.line, reason, n.text);
    return;
  }
  for (const Written& n : g.names) AddPhrase(n, lexicon, sink, &e);
  if (!e.phrases.empty()) out->push_back(std::move(e));
}

}  // namespace

std::vector<ConvertedEntry> ConvertPetrarchActors(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes) {
  NoteSink sink(file, notes);
  std::vector<ConvertedEntry> out;
  Group g;
  for (const PetrarchLine& l : ReadPetrarchLines(text)) {
    if (!l.utf8) {
      sink.Skip(l.number, "not valid UTF-8 text (or holds control characters)");
      continue;
    }
    std::string_view t = TrimBlanks(l.text);
    std::string rest;
    std::vector<Written> codes;
    if (!TakeBrackets(t, l.number, &rest, &codes)) {
      sink.Skip(l.number, "'[' without ']'", std::string(t));
      continue;
    }
    std::string_view name = TrimBlanks(rest);
    if (t[0] == '[') {  // code lines of the current name
      if (g.names.empty()) {
        sink.Skip(l.number, "code line with no name above it", std::string(t));
        continue;
      }
      if (!name.empty())
        sink.Change(l.number, "text after a code line ignored",
                    std::string(name));
      g.codes.insert(g.codes.end(), codes.begin(), codes.end());
      continue;
    }
    if (t[0] == '+') {  // another name of the current actor
      if (g.names.empty()) {
        sink.Skip(l.number, "'+' name with no name above it", std::string(t));
        continue;
      }
      g.names.push_back(
          Written{std::string(TrimBlanks(name.substr(1))), l.number});
      g.codes.insert(g.codes.end(), codes.begin(), codes.end());
      continue;
    }
    FlushActor(g, lexicon, &sink, &out);
    g = Group{};
    g.line = l.number;
    g.names.push_back(Written{std::string(name), l.number});
    g.codes = std::move(codes);
  }
  FlushActor(g, lexicon, &sink, &out);
  return out;
}

std::vector<ConvertedEntry> ConvertPetrarchAgents(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes) {
  NoteSink sink(file, notes);
  std::vector<ConvertedEntry> out;
  std::map<std::string, std::vector<std::string>> markers;
  for (const PetrarchLine& l : ReadPetrarchLines(text)) {
    if (!l.utf8) {
      sink.Skip(l.number, "not valid UTF-8 text (or holds control characters)");
      continue;
    }
    std::string t(TrimBlanks(l.text));
    size_t bang = t.find('!');
    size_t eq = t.find('=');
    if (bang != std::string::npos && eq != std::string::npos && bang < eq) {
      // !NAME! = A, B, C
      size_t bang2 = t.find('!', bang + 1);
      if (bang2 == std::string::npos || bang2 > eq) {
        sink.Skip(l.number, "bad substitution set (!NAME! = A, B)", t);
        continue;
      }
      std::vector<std::string>& m =
          markers[t.substr(bang + 1, bang2 - bang - 1)];
      m.clear();
      std::string list = t.substr(eq + 1);
      size_t start = 0;
      while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string item(TrimBlanks(list.substr(start, comma - start)));
        if (!item.empty()) m.push_back(item);
        start = comma + 1;
      }
      continue;
    }
    size_t open = t.find('[');
    size_t close = open == std::string::npos ? open : t.find(']', open);
    if (close == std::string::npos) {
      sink.Skip(l.number, "agent line without a [code]", t);
      continue;
    }
    std::string code;
    for (char c : t.substr(open + 1, close - open - 1))
      if (c != ' ' && c != '\t') code += c;
    std::string phrase = t.substr(0, open);
    std::string plural;
    size_t brace = phrase.find('{');
    if (brace != std::string::npos) {
      size_t end = phrase.find('}', brace);
      if (end == std::string::npos) {
        sink.Skip(l.number, "'{' without '}'", t);
        continue;
      }
      plural =
          std::string(TrimBlanks(phrase.substr(brace + 1, end - brace - 1)));
      phrase.resize(brace);
    }
    phrase = std::string(TrimBlanks(phrase));
    // The agent code: ~XXX is appended to the actor code, XXX~ put before it.
    std::string agent;
    if (!code.empty() && code[0] == '~') {
      agent = code.substr(1);
    } else if (!code.empty() && code.back() == '~') {
      agent = code.substr(0, code.size() - 1);
      sink.Change(l.number,
                  "agent placed before the actor code (CODE~): dyad appends it "
                  "after the actor code",
                  code);
    } else {
      agent = code;
      sink.Change(l.number, "agent code without '~': read as ~CODE", code);
    }
    agent = AsciiUpper(agent);
    bool letters = agent.size() >= 3;
    for (char c : agent) letters = letters && c >= 'A' && c <= 'Z';
    if (!letters) {
      sink.Skip(l.number, "not an agent code (three or more letters)", code);
      continue;
    }
    if (agent.size() > 3) {
      sink.Change(
          l.number,
          "agent code longer than three letters: dyad's agents have one "
          "three-letter code, the first three are used",
          agent);
      agent.resize(3);
    }
    // Substitution markers, one phrase per member.
    std::vector<std::string> todo = {phrase};
    if (!plural.empty()) todo.push_back(plural);
    std::vector<std::string> expanded;
    std::string undefined;
    for (size_t i = 0; i < todo.size() && todo.size() < 10000; ++i) {
      const std::string f = todo[i];
      size_t a = f.find('!');
      size_t b = a == std::string::npos ? a : f.find('!', a + 1);
      if (b == std::string::npos) {
        expanded.push_back(f);
        continue;
      }
      auto it = markers.find(f.substr(a + 1, b - a - 1));
      if (it == markers.end()) {
        undefined = f.substr(a, b - a + 1);
        break;
      }
      for (const std::string& m : it->second)
        todo.push_back(f.substr(0, a) + m + f.substr(b + 1));
    }
    if (!undefined.empty()) {
      sink.Skip(l.number, "undefined substitution marker", undefined);
      continue;
    }
    ConvertedEntry e;
    e.code = agent;
    e.line = l.number;
    for (const std::string& f : expanded)
      AddPhrase(Written{f, l.number}, lexicon, &sink, &e);
    if (!e.phrases.empty()) out.push_back(std::move(e));
  }
  return out;
}

std::vector<ConvertedEntry> ConvertPetrarchDiscards(
    std::string_view text, const std::string& file, const Lexicon& lexicon,
    std::vector<ImportNote>* notes) {
  NoteSink sink(file, notes);
  std::vector<ConvertedEntry> out;
  for (const PetrarchLine& l : ReadPetrarchLines(text)) {
    if (!l.utf8) {
      sink.Skip(l.number, "not valid UTF-8 text (or holds control characters)");
      continue;
    }
    std::string_view t = TrimBlanks(l.text);
    bool story = t[0] == '+';
    if (story) t = TrimBlanks(t.substr(1));
    ConvertedEntry e;
    e.code = story ? "STORYDISCARD" : "DISCARD";
    e.line = l.number;
    AddPhrase(Written{std::string(t), l.number}, lexicon, &sink, &e);
    if (e.phrases.empty()) continue;
    // PETRARCH reads a phrase without a trailing '_' as a stem.
    if (t.back() != '_')
      sink.Change(l.number,
                  "discard stem: PETRARCH also matches longer words starting "
                  "with it; dyad matches the words and their regular plurals",
                  e.phrases[0]);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace dyad
