#include "dict/dictionary_file.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include "text/normalizer.h"

namespace dyad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Removes a comment: '#' at the start or after a space or tab.
std::string_view StripComment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  }
  return line;
}

bool IsValidUtf8(std::string_view s) {
  NormalizedText n = Normalize(s);
  return n.diagnostics.empty();
}

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Entry codes may also hold '-' and '/' (verb files: the null code `---` and
// paired codes `032/033`); each dictionary checks the shape it accepts.
bool IsEntryCodeChar(char c) { return IsCodeChar(c) || c == '-' || c == '/'; }

std::string Where(std::string_view path, int line) {
  std::string s(path);
  s += ':';
  s += std::to_string(line);
  s += ": ";
  return s;
}

Date ParseRoleDate(std::string_view s, bool* ok) {
  *ok = true;
  if (s.empty()) return Date{};
  // Only digits and '-' in the shapes YYYY, YYYY-MM, YYYY-MM-DD.
  bool shape = (s.size() == 4 || s.size() == 7 || s.size() == 10);
  for (size_t i = 0; shape && i < s.size(); ++i) {
    bool dash = (i == 4 || i == 7);
    shape = dash ? s[i] == '-' : std::isdigit(static_cast<unsigned char>(s[i]));
  }
  Date d = shape ? ParseDate(std::string(s)) : Date{};
  if (!d.valid()) *ok = false;
  return d;
}

}  // namespace

DictionaryFile ParseDictionaryText(std::string_view text, std::string_view path,
                                   std::vector<std::string>* errors) {
  DictionaryFile file;
  file.path = std::string(path);
  int line_no = 0;
  size_t pos = 0;
  bool have_entry = false;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!IsValidUtf8(raw)) {
      errors->push_back(Where(path, line_no) + "not valid UTF-8");
      continue;
    }
    bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    std::string_view line = Trim(StripComment(raw));
    if (line.empty()) continue;

    if (indented) {
      if (line[0] != '+') {
        errors->push_back(
            Where(path, line_no) +
            "indented line must be a role line starting with '+'");
        continue;
      }
      if (!have_entry) {
        errors->push_back(Where(path, line_no) +
                          "role line with no entry above it");
        continue;
      }
      std::string_view rest = Trim(line.substr(1));
      size_t sp = rest.find_first_of(" \t");
      std::string_view code = rest.substr(0, sp);
      std::string_view range =
          sp == std::string_view::npos ? "" : Trim(rest.substr(sp));
      RoleLine role;
      role.line = line_no;
      role.code = std::string(code);
      bool code_ok = code.size() >= 3 && code.size() <= 15;
      for (char c : code) code_ok = code_ok && IsCodeChar(c);
      if (!code_ok) {
        errors->push_back(Where(path, line_no) + "bad code '" +
                          std::string(code) + "'");
        continue;
      }
      size_t dots = range.find("..");
      if (dots == std::string_view::npos) {
        errors->push_back(Where(path, line_no) +
                          "role needs a date range FROM..TO, got '" +
                          std::string(range) + "'");
        continue;
      }
      bool ok_from, ok_to;
      std::string_view from = Trim(range.substr(0, dots));
      std::string_view to = Trim(range.substr(dots + 2));
      role.from = ParseRoleDate(from, &ok_from);
      role.to = ParseRoleDate(to, &ok_to);
      if (!ok_from || !ok_to) {
        errors->push_back(Where(path, line_no) + "bad date '" +
                          std::string(ok_from ? to : from) + "'");
        continue;
      }
      if (role.from.valid() && role.to.valid() && role.to < role.from) {
        errors->push_back(Where(path, line_no) +
                          "date range ends before it starts");
        continue;
      }
      file.entries.back().roles.push_back(std::move(role));
      continue;
    }

    have_entry = false;
    if (line[0] == '@') {
      std::string_view name = line.substr(1);
      bool name_ok = !name.empty();
      for (char c : name)
        name_ok = name_ok && ((c >= 'a' && c <= 'z') || c == '-');
      if (!name_ok) {
        errors->push_back(Where(path, line_no) + "bad directive '" +
                          std::string(line) + "'");
        continue;
      }
      file.directives.push_back(DictDirective{std::string(name), line_no});
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      errors->push_back(Where(path, line_no) + "missing ':' after code in '" +
                        std::string(line.substr(0, 40)) + "'");
      continue;
    }
    std::string_view code = Trim(line.substr(0, colon));
    bool code_ok = !code.empty() && code.size() <= 15;
    for (char c : code) code_ok = code_ok && IsEntryCodeChar(c);
    if (!code_ok) {
      errors->push_back(Where(path, line_no) + "bad code '" +
                        std::string(code) + "'");
      continue;
    }
    DictEntry entry;
    entry.code = std::string(code);
    entry.line = line_no;
    std::string_view rest = line.substr(colon + 1);
    bool bad = false;
    size_t start = 0;
    while (start <= rest.size()) {
      size_t semi = rest.find(';', start);
      if (semi == std::string_view::npos) semi = rest.size();
      std::string_view phrase = Trim(rest.substr(start, semi - start));
      if (phrase.empty()) {
        errors->push_back(Where(path, line_no) + "empty phrase");
        bad = true;
        break;
      }
      entry.phrases.push_back(DictPhrase{std::string(phrase), line_no});
      start = semi + 1;
    }
    if (bad) continue;
    file.entries.push_back(std::move(entry));
    have_entry = true;
  }
  return file;
}

Status ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  *out = std::move(ss).str();
  return Status::Ok();
}

DictionaryFile ReadDictionaryFile(const std::string& path,
                                  std::vector<std::string>* errors,
                                  const std::string& display_path) {
  const std::string& name = display_path.empty() ? path : display_path;
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) {
    errors->push_back(s.message());
    DictionaryFile f;
    f.path = name;
    return f;
  }
  return ParseDictionaryText(text, name, errors);
}

}  // namespace dyad
