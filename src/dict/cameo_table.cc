#include "dict/cameo_table.h"

#include <cstdlib>

namespace dyad {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line, size_t max) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (out.size() + 1 < max) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) break;
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

}  // namespace

CameoTable CameoTable::Parse(std::string_view text, const std::string& path,
                             std::vector<std::string>* errors) {
  CameoTable table;
  table.path_ = path;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = path + ":" + std::to_string(line_no) + ": ";
    auto f = SplitTabs(line, 7);
    if (f.size() != 7) {
      errors->push_back(where + "expected 7 tab-separated fields, got " +
                        std::to_string(f.size()));
      continue;
    }
    CameoCode c;
    c.code = std::string(f[0]);
    c.line = line_no;
    bool code_ok = c.code.size() >= 2 && c.code.size() <= 4;
    for (char ch : c.code) code_ok = code_ok && ch >= '0' && ch <= '9';
    if (!code_ok) {
      errors->push_back(where + "bad CAMEO code '" + c.code + "'");
      continue;
    }
    c.root = c.code.substr(0, 2);
    int root = std::atoi(c.root.c_str());
    // Roots 01-20 are CAMEO's; 21-99 are extension roots that imported
    // dictionaries may define (PETRARCH's validation codes, 9xx).
    if (root < 1) {
      errors->push_back(where + "root '" + c.root + "' must be 01-99");
      continue;
    }
    if (f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '4') {
      errors->push_back(where + "QuadClass must be 1-4, got '" +
                        std::string(f[1]) + "'");
      continue;
    }
    c.quad_class = f[1][0] - '0';
    std::string g(f[2]);
    char* end = nullptr;
    c.goldstein = std::strtod(g.c_str(), &end);
    // Written so that NaN ("nan") fails too.
    if (g.empty() || *end != '\0' ||
        !(c.goldstein >= -10 && c.goldstein <= 10)) {
      errors->push_back(where + "Goldstein must be a number in -10..10, got '" +
                        g + "'");
      continue;
    }
    auto dash_empty = [](std::string_view s) {
      return s == "-" ? std::string() : std::string(s);
    };
    c.plover = dash_empty(f[3]);
    c.plover_mode = dash_empty(f[4]);
    c.plover_context = dash_empty(f[5]);
    c.name = std::string(f[6]);
    if (table.index_.count(c.code)) {
      errors->push_back(where + "duplicate code '" + c.code + "'");
      continue;
    }
    if (c.code.size() > 2 && !table.index_.count(c.root)) {
      errors->push_back(where + "code '" + c.code +
                        "' listed before its root '" + c.root + "'");
      continue;
    }
    table.index_.emplace(c.code, table.codes_.size());
    table.codes_.push_back(std::move(c));
  }
  if (table.codes_.empty()) errors->push_back(path + ": no CAMEO codes");
  return table;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace dyad
