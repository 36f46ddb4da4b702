// Fuzz target for the gazetteer's parsers (docs/formats/gazetteer.md): the
// input is split at the first "\n===\n" into a places file and an aliases
// file, read over a fixed countries table. Any violation traps.
//
// Checked:
//  - loading either succeeds or fails with "places:N: " / "aliases:N: "
//    where 1 <= N <= that file's line count;
//  - on success, every place has a name, a known country and, for cities,
//    coordinates in range; every folded name looks up to places; Choose
//    returns one of its candidates or none; the GDELT fields of every place
//    are well formed (type 1-5, a full name ending in its country's name).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "geo/gazetteer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

constexpr std::string_view kCountries =
    "COL\tCO\tCO\tColombia\n"
    "IRQ\tIQ\tIZ\tIraq\n"
    "USA\tUS\tUS\tUnited States\n";

size_t LineCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n + (!s.empty() && s.back() != '\n');
}

void CheckError(const std::string& message, std::string_view file,
                std::string_view text) {
  const std::string prefix = std::string(file) + ":";
  Check(message.compare(0, prefix.size(), prefix) == 0);
  size_t pos = prefix.size();
  size_t n = 0, digits = 0;
  while (pos < message.size() && message[pos] >= '0' && message[pos] <= '9' &&
         digits < 12) {
    n = n * 10 + static_cast<size_t>(message[pos] - '0');
    ++pos;
    ++digits;
  }
  Check(digits > 0 && n >= 1 && n <= LineCount(text));
  Check(message.compare(pos, 2, ": ") == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t cut = in.find("\n===\n");
  std::string_view places = in.substr(0, cut);
  std::string_view aliases =
      cut == std::string_view::npos ? std::string_view() : in.substr(cut + 5);
  auto g = dyad::Gazetteer::FromText(places, kCountries, aliases);
  if (!g.ok()) {
    const std::string& m = g.status().message();
    if (m.rfind("places:", 0) == 0) {
      CheckError(m, "places", places);
    } else {
      CheckError(m, "aliases", aliases);
    }
    return 0;
  }
  const dyad::Gazetteer& gaz = *g.value();
  for (uint32_t i = 0; i < gaz.size(); ++i) {
    const dyad::GeoPlace& p = gaz.place(i);
    const dyad::GeoCountry& c = gaz.country_of(p);
    Check(!p.name.empty());
    Check(!c.iso3.empty());
    if (p.kind == dyad::GeoKind::kCity)
      Check(p.has_coords && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 &&
            p.lon <= 180);
    const int type = gaz.GdeltType(p);
    Check(type >= 1 && type <= 5);
    const std::string full = gaz.FullName(p);
    Check(full.size() >= c.name.size() &&
          full.compare(full.size() - c.name.size(), c.name.size(), c.name) ==
              0);
    const std::string folded = dyad::Gazetteer::Fold(p.name);
    if (p.kind != dyad::GeoKind::kCountry && !folded.empty()) {
      auto candidates = gaz.Lookup(folded);
      bool found = false;
      for (uint32_t k : candidates) found |= k == i;
      Check(found);
      const uint32_t chosen = gaz.Choose(candidates, {}, nullptr);
      bool among = false;
      for (uint32_t k : candidates) among |= k == chosen;
      Check(among);
    }
  }
  return 0;
}
