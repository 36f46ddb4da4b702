// CameoTable: the CAMEO event codes with QuadClass, Goldstein score and
// PLOVER mapping, loaded from data/cameo/codes.txt
// (docs/formats/cameo_codes.md). Immutable once loaded; thread-safe.
#ifndef DYAD_DICT_CAMEO_TABLE_H_
#define DYAD_DICT_CAMEO_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad {

struct CameoCode {
  std::string code;
  std::string root;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover;  // "" when none
  std::string plover_mode;
  std::string plover_context;
  std::string name;
  int line = 0;
};

class CameoTable {
 public:
  // Parses the table; every fault is appended to `errors` as file:line.
  static CameoTable Parse(std::string_view text, const std::string& path,
                          std::vector<std::string>* errors);

  const CameoCode* Find(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace dyad

#endif  // DYAD_DICT_CAMEO_TABLE_H_
