#include "cli/query_options.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "dict/dictionary_set.h"
#include "query/json.h"

namespace dyad::cli {
namespace {

// Characters (code points) in UTF-8 text: an approximation of its width
// on a terminal that is right for the Latin, Greek and Cyrillic of news.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `width` characters of `s`, the last one "…" when cut.
std::string Cut(const std::string& s, size_t width) {
  if (width == 0 || Width(s) <= width) return s;
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == width - 1) break;
      ++chars;
    }
  }
  return s.substr(0, i) + "\xE2\x80\xA6";
}

// Line breaks and tabs would break an aligned row.
std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void AddDbOptions(CLI::App* cmd, QueryArgs* args) {
  cmd->add_option("--db", args->db, "The event database (dyad code --db)")
      ->required();
  cmd->add_flag("--csv", args->csv, "CSV (RFC 4180) instead of a table");
  cmd->add_flag("--json", args->json, "One JSON document instead of a table");
}

void AddFilterOptions(CLI::App* cmd, QueryArgs* args) {
  Filter& f = args->filter;
  cmd->add_option("--from", f.from, "First day, YYYY-MM-DD (inclusive)");
  cmd->add_option("--to", f.to, "Last day, YYYY-MM-DD (inclusive)");
  cmd->add_option("--source", f.source,
                  "Source actor code prefix (USA matches USAGOV); =CODE for "
                  "exactly CODE");
  cmd->add_option("--target", f.target, "Target actor code, as --source");
  cmd->add_option("--actor", f.actor, "Either side's actor code, as --source");
  cmd->add_option("--country", f.country,
                  "Either side's country, ISO 3166 alpha-3 (IRQ)");
  cmd->add_option("--code", f.code, "CAMEO event code prefix (19, 190)");
  cmd->add_option("--root", f.root, "CAMEO root (01-20)");
  cmd->add_option("--quad", f.quad,
                  "QuadClass: 1 verbal cooperation, 2 material cooperation, "
                  "3 verbal conflict, 4 material conflict");
  cmd->add_option("--plover", f.plover, "PLOVER category (ASSAULT)");
  cmd->add_option("--place-country", f.place_country,
                  "Country where the event took place, ISO alpha-3");
  cmd->add_option("--limit", f.limit,
                  "Rows at most (default 100 events, 20 "
                  "top rows; at most 100000)");
}

std::unique_ptr<EventDb> OpenQueryDb(const char* cmd, QueryArgs* args) {
  if (args->csv && args->json) {
    std::cerr << "dyad " << cmd << ": --csv and --json: choose one\n";
    return nullptr;
  }
  Filter& f = args->filter;
  for (std::string* s : {&f.source, &f.target, &f.actor, &f.country, &f.plover,
                         &f.place_country})
    *s = Upper(*s);
  Status s = ValidateFilter(f);
  if (!s.ok()) {
    std::cerr << "dyad " << cmd << ": " << s.message() << "\n";
    return nullptr;
  }
  auto db = EventDb::Open(args->db);
  if (!db.ok()) {
    std::cerr << "dyad " << cmd << ": " << db.status().message() << "\n";
    return nullptr;
  }
  // Code names come from the first data folder that has the CAMEO table.
  for (const std::string& dir : DictionarySet::DefaultDirs()) {
    const std::string codes = dir + "/cameo/codes.txt";
    if (!std::filesystem::exists(codes)) continue;
    s = (*db)->LoadCodeNames(codes);
    if (!s.ok()) {
      std::cerr << "dyad " << cmd << ": " << s.message() << "\n";
      return nullptr;
    }
    break;
  }
  return std::move(*db);
}

void TextTable::PrintAligned(std::ostream& out, bool header) const {
  std::vector<size_t> widths;
  std::vector<std::vector<std::string>> cells;
  for (const Column& c : columns_) widths.push_back(Width(c.name));
  for (const auto& row : rows_) {
    std::vector<std::string> line;
    for (size_t i = 0; i < columns_.size(); ++i) {
      line.push_back(
          Cut(OneLine(i < row.size() ? row[i] : ""), columns_[i].max_width));
      widths[i] = std::max(widths[i], Width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  // Numeric columns are right-aligned, their headers too.
  auto print = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < columns_.size(); ++i) {
      const std::string pad(widths[i] - Width(line[i]), ' ');
      text += columns_[i].numeric ? pad + line[i] : line[i] + pad;
      if (i + 1 < columns_.size()) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  if (header) {
    std::vector<std::string> names;
    for (const Column& c : columns_) names.push_back(c.name);
    print(names);
  }
  for (const auto& line : cells) print(line);
}

void TextTable::PrintCsv(std::ostream& out) const {
  auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q.push_back('"');
      q.push_back(c);
    }
    return q + "\"";
  };
  for (size_t i = 0; i < columns_.size(); ++i)
    out << (i ? "," : "") << field(columns_[i].name);
  out << "\n";
  for (const auto& row : rows_) {
    for (size_t i = 0; i < columns_.size(); ++i)
      out << (i ? "," : "") << field(i < row.size() ? row[i] : "");
    out << "\n";
  }
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Exact(double v) { return JsonNumber(v); }

}  // namespace dyad::cli
