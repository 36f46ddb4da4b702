// Fuzz target for the dictionary parsers: ParseDictionaryText (actors,
// agents, verbs) and CameoTable::Parse on arbitrary bytes. Any violation
// traps, so libFuzzer (or the seed runner) reports it as a crash.
//
// Checked (docs/formats/dictionaries.md, cameo_codes.md):
//  - every error starts with "path:N: " where 1 <= N <= the input's line
//    count (the one exception: the CAMEO table's file-level
//    "path: no CAMEO codes", given exactly when no code parsed);
//  - every line is accounted for exactly once: an entry, a role line, at most
//    one error, or nothing when it is blank or a comment; a line that is not
//    UTF-8 is an error;
//  - entries come in line order with well-formed codes (capitals and digits,
//    at most 15) and phrases that are non-empty, trimmed and hold no ';';
//    role lines follow their entry, have 3-15 character codes and ranges
//    that do not end before they start;
//  - CAMEO codes are 2-4 digits under a root 01-99 listed before them,
//    unique, QuadClass 1-4, Goldstein in -10..10, and Find returns them.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dict/cameo_table.h"
#include "dict/dictionary_file.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

std::vector<std::string_view> Lines(std::string_view in) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) nl = in.size();
    lines.push_back(in.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// Returns N from "path:N: message", or -1 when `e` does not start so.
long ErrorLine(std::string_view e, std::string_view path) {
  if (e.substr(0, path.size()) != path) return -1;
  e.remove_prefix(path.size());
  if (e.empty() || e[0] != ':') return -1;
  e.remove_prefix(1);
  long n = 0;
  size_t digits = 0;
  while (!e.empty() && e[0] >= '0' && e[0] <= '9' && digits < 12) {
    n = n * 10 + (e[0] - '0');
    e.remove_prefix(1);
    ++digits;
  }
  if (digits == 0 || e.size() < 3 || e.substr(0, 2) != ": ") return -1;
  return n;
}

bool IsValidUtf8(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (t.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(t[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += len;
  }
  return true;
}

// Blank once a comment ('#' first or after a space or tab) is removed.
bool IsBlankDictLine(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool IsCode(std::string_view code, size_t min, size_t max) {
  if (code.size() < min || code.size() > max) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Leading spaces and tabs, trailing spaces, tabs and CRs are trimmed.
bool IsTrimmed(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  return !s.empty() && !blank(s.front()) && !blank(s.back()) &&
         s.back() != '\r';
}

void CheckDictionary(std::string_view text) {
  const std::string_view path = "fuzz/actors.txt";
  const std::vector<std::string_view> lines = Lines(text);
  std::vector<std::string> errors;
  const dyad::DictionaryFile file =
      dyad::ParseDictionaryText(text, path, &errors);
  Check(file.path == path);

  // What each line became: 0 nothing, 1 entry, 2 role, 3 error.
  std::vector<int> used(lines.size() + 1, 0);
  for (const std::string& e : errors) {
    const long n = ErrorLine(e, path);
    Check(n >= 1 && static_cast<size_t>(n) <= lines.size());
    Check(used[n] == 0);  // at most one error a line
    used[n] = 3;
  }
  int prev = 0;
  for (const dyad::DictEntry& entry : file.entries) {
    Check(entry.line > prev && static_cast<size_t>(entry.line) <= lines.size());
    Check(used[entry.line] == 0);
    used[entry.line] = 1;
    prev = entry.line;
    Check(IsCode(entry.code, 1, 15));
    Check(!entry.phrases.empty());
    for (const dyad::DictPhrase& p : entry.phrases) {
      Check(p.line == entry.line);
      Check(IsTrimmed(p.text));
      Check(p.text.find(';') == std::string::npos);
      Check(p.text.find('\n') == std::string::npos);
    }
    for (const dyad::RoleLine& role : entry.roles) {
      Check(role.line > prev && static_cast<size_t>(role.line) <= lines.size());
      Check(used[role.line] == 0);
      used[role.line] = 2;
      prev = role.line;
      Check(IsCode(role.code, 3, 15));
      if (role.from.valid() && role.to.valid()) Check(!(role.to < role.from));
    }
  }
  for (size_t n = 1; n <= lines.size(); ++n) {
    const std::string_view line = lines[n - 1];
    if (!IsValidUtf8(line)) {
      Check(used[n] == 3);
    } else if (IsBlankDictLine(line)) {
      Check(used[n] == 0);
    } else {
      Check(used[n] != 0);
    }
    // Role lines are exactly the indented ones.
    if (used[n] == 2) Check(line[0] == ' ' || line[0] == '\t');
    if (used[n] == 1) Check(line[0] != ' ' && line[0] != '\t');
  }
}

void CheckCameo(std::string_view text) {
  const std::string path = "fuzz/codes.txt";
  const std::vector<std::string_view> lines = Lines(text);
  std::vector<std::string> errors;
  const dyad::CameoTable table = dyad::CameoTable::Parse(text, path, &errors);
  Check(table.path() == path);

  std::vector<int> used(lines.size() + 1, 0);
  size_t file_level = 0;
  for (const std::string& e : errors) {
    if (e == path + ": no CAMEO codes") {
      ++file_level;
      continue;
    }
    const long n = ErrorLine(e, path);
    Check(n >= 1 && static_cast<size_t>(n) <= lines.size());
    Check(used[n] == 0);
    used[n] = 3;
  }
  Check(file_level == (table.codes().empty() ? 1u : 0u));

  std::set<std::string> seen;
  int prev = 0;
  for (const dyad::CameoCode& c : table.codes()) {
    Check(c.line > prev && static_cast<size_t>(c.line) <= lines.size());
    Check(used[c.line] == 0);
    used[c.line] = 1;
    prev = c.line;
    Check(c.code.size() >= 2 && c.code.size() <= 4);
    for (char ch : c.code) Check(ch >= '0' && ch <= '9');
    Check(c.root == c.code.substr(0, 2));
    Check(c.root >= "01" && c.root <= "99");
    Check(c.code.size() == 2 || seen.count(c.root) == 1);
    Check(seen.insert(c.code).second);
    Check(c.quad_class >= 1 && c.quad_class <= 4);
    Check(c.goldstein >= -10 && c.goldstein <= 10);
    Check(table.Find(c.code) == &c);
  }
  for (size_t n = 1; n <= lines.size(); ++n) {
    std::string_view line = lines[n - 1];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool skipped = line.empty() || line[0] == '#';
    Check(skipped ? used[n] == 0 : used[n] != 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckDictionary(text);
  CheckCameo(text);
  return 0;
}
