#include "geo/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>

namespace dyad {
namespace {

// ASCII forms of U+00C0..U+017F (Latin-1 Supplement letters and Latin
// Extended-A), lower case; '\0' where a character has none (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaaaceeeeiiii"    // C0-CF
    "dnooooo\0ouuuuyts"   // D0-DF (D7 ×; DE þ -> t, DF ß -> s)
    "aaaaaaaceeeeiiii"    // E0-EF
    "dnooooo\0ouuuuyty";  // F0-FF (F7 ÷)
constexpr std::string_view kLatinA =
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "iiiijjkkklllllll"   // 130-13F
    "llnnnnnnnnnooooo"   // 140-14F
    "oooorrrrrrssssss"   // 150-15F
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

bool IsArabicArticleCountry(std::string_view iso2) {
  static constexpr std::string_view kArab[] = {
      "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY",
      "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"};
  for (std::string_view c : kArab)
    if (c == iso2) return true;
  return false;
}

// "al bab" -> "bab" (also ar, as, ash, ad, an, az, at, el); "" if none.
std::string WithoutArticle(const std::string& folded) {
  static constexpr std::string_view kArticles[] = {
      "al ", "ar ", "as ", "ash ", "ad ", "an ", "az ", "at ", "el "};
  for (std::string_view a : kArticles)
    if (folded.size() > a.size() + 2 && folded.compare(0, a.size(), a) == 0)
      return folded.substr(a.size());
  return "";
}

// "valle del cauca department" -> "valle del cauca"; "" if no generic word.
std::string WithoutGenericWord(const std::string& folded) {
  static constexpr std::string_view kSuffixes[] = {
      " department",
      " province",
      " governorate",
      " state",
      " region",
      " district",
      " oblast",
      " prefecture",
      " county",
      " municipality",
      " territory",
      " division",
      " emirate",
      " voivodeship",
      " krai",
      " autonomous region",
      " special administrative region",
      " parish",
      " canton",
      " capital district",
      " federal district"};
  static constexpr std::string_view kPrefixes[] = {
      "departamento de ", "departamento del ", "provincia de ",
      "provincia del ",   "estado de ",        "state of ",
      "province of ",     "muhafazat ",        "wilayat ",
      "region de ",       "region of "};
  for (std::string_view s : kSuffixes)
    if (folded.size() > s.size() + 2 &&
        folded.compare(folded.size() - s.size(), s.size(), s) == 0)
      return folded.substr(0, folded.size() - s.size());
  for (std::string_view p : kPrefixes)
    if (folded.size() > p.size() + 2 && folded.compare(0, p.size(), p) == 0)
      return folded.substr(p.size());
  return "";
}

// "Valle del Cauca Department" -> "Valle del Cauca", as GDELT names
// regions; other names unchanged.
std::string DisplayRegionName(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      " Department", " Province", " Governorate", " Region",
      " District",   " Oblast",   " Prefecture",  " Municipality"};
  for (std::string_view s : kSuffixes)
    if (name.size() > s.size() + 2 &&
        name.compare(name.size() - s.size(), s.size(), s) == 0)
      return std::string(name.substr(0, name.size() - s.size()));
  return std::string(name);
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Calls fn(fields, line_number) for each line of `text` that is neither
// blank nor a comment (#), its fields split at tabs; stops at the first
// error fn returns.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (Status s = fn(SplitTabs(line), line_no); !s.ok()) return s;
  }
  return Status::Ok();
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::string data(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(data.data(), static_cast<std::streamsize>(data.size())))
    return Status::IoError(path + ": read error");
  return data;
}

int WordCount(std::string_view folded) {
  int n = 1;
  for (char c : folded) n += c == ' ';
  return n;
}

}  // namespace

std::string Gazetteer::Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto space = [&out] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = text[i];
    if (c < 0x80) {
      ++i;
      if (c >= 'A' && c <= 'Z') {
        out.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (c == ' ' || c == '-' || c == '\'' || c == '\t' || c == '\n' ||
                 c == '/' || c == ',') {
        space();
      } else if (c != '.') {
        out.push_back(static_cast<char>(c));
      }
      continue;
    }
    // A two-byte character in U+0080..U+07FF.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const unsigned cp = ((c & 0x1F) << 6) | (text[i + 1] & 0x3F);
      char ascii = 0;
      if (cp >= 0xC0 && cp <= 0xFF) ascii = kLatin1[cp - 0xC0];
      if (cp >= 0x100 && cp <= 0x17F) ascii = kLatinA[cp - 0x100];
      if (cp == 0x2BC || cp == 0x2BB) {  // modifier letter apostrophes
        space();
        i += 2;
        continue;
      }
      if (ascii) {
        out.push_back(ascii);
        i += 2;
        continue;
      }
    }
    // ’ ‘ (U+2019, U+2018) are apostrophes.
    if (c == 0xE2 && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x99 ||
         static_cast<unsigned char>(text[i + 2]) == 0x98)) {
      space();
      i += 3;
      continue;
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Gazetteer::DefaultPlacesPath() {
  if (const char* env = std::getenv("DYAD_GAZETTEER"); env && *env) return env;
#ifdef DYAD_DEFAULT_GAZETTEER
  return DYAD_DEFAULT_GAZETTEER;
#else
  return "";
#endif
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(
    const std::string& places_tsv, const std::vector<std::string>& data_dirs) {
  std::string geo_dir;
  for (const std::string& dir : data_dirs) {
    std::ifstream probe(dir + "/geo/countries.tsv");
    if (probe) {
      geo_dir = dir + "/geo/";
      break;
    }
  }
  if (geo_dir.empty())
    return Status::NotFound("geo/countries.tsv: not in any data folder");
  if (places_tsv.empty())
    return Status::NotFound("gazetteer: no path configured");
  auto countries = ReadFile(geo_dir + "countries.tsv");
  if (!countries.ok()) return countries.status();
  auto places = ReadFile(places_tsv);
  if (!places.ok()) return places.status();
  auto aliases = ReadFile(geo_dir + "aliases.tsv");
  if (!aliases.ok() && aliases.status().code() != Status::Code::kNotFound)
    return aliases.status();
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  if (Status s =
          g->ReadCountries(std::move(*countries), geo_dir + "countries.tsv");
      !s.ok())
    return s;
  if (Status s = g->ReadPlaces(std::move(*places), places_tsv); !s.ok())
    return s;
  g->Finish();
  if (aliases.ok())
    if (Status s = g->ReadAliases(*aliases, geo_dir + "aliases.tsv"); !s.ok())
      return s;
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromText(
    std::string_view places, std::string_view countries,
    std::string_view aliases) {
  std::shared_ptr<Gazetteer> g(new Gazetteer());
  if (Status s = g->ReadCountries(std::string(countries), "countries"); !s.ok())
    return s;
  if (Status s = g->ReadPlaces(std::string(places), "places"); !s.ok())
    return s;
  g->Finish();
  if (Status s = g->ReadAliases(aliases, "aliases"); !s.ok()) return s;
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Status Gazetteer::ReadAliases(std::string_view text, const std::string& name) {
  // After Finish(): each alias is added to the name index directly.
  return ForEachLine(
      text,
      [&](const std::vector<std::string_view>& f, size_t line_no) -> Status {
        const std::string where = name + ":" + std::to_string(line_no) + ": ";
        if (f.size() != 3 || f[0].empty() || f[2].empty())
          return Status::Corrupt(where +
                                 "expected alias <tab> ISO2 <tab> name");
        const GeoCountry* c = CountryByIso2(f[1]);
        if (!c)
          return Status::Corrupt(where + "unknown country " +
                                 std::string(f[1]));
        // The place Choose() would take for the name within that country.
        const GeoPlace& country = place(c->place);
        const uint32_t best = Choose(Lookup(Fold(f[2])), {}, &country);
        // A place this gazetteer lacks (a smaller test one, another GeoNames
        // release): the alias names nothing.
        if (best == UINT32_MAX) return Status::Ok();
        // Appended: a name's own places keep their slice; the alias gets one
        // of its own.
        const std::string folded = Fold(f[0]);
        auto existing = Lookup(folded);
        std::vector<uint32_t> list(existing.begin(), existing.end());
        list.push_back(best);
        NameRange& r = names_.FindOrAdd(folded);
        r.offset = static_cast<uint32_t>(name_places_.size());
        r.count = static_cast<uint32_t>(list.size());
        name_places_.insert(name_places_.end(), list.begin(), list.end());
        max_words_ = std::max(max_words_, WordCount(folded));
        return Status::Ok();
      });
}

Status Gazetteer::ReadCountries(std::string file, const std::string& name) {
  countries_text_ = std::move(file);
  const std::string_view text = countries_text_;
  return ForEachLine(
      text,
      [&](const std::vector<std::string_view>& f, size_t line_no) -> Status {
        if (f.size() != 4 || f[0].size() != 3 || f[1].size() != 2 ||
            f[3].empty())
          return Status::Corrupt(
              name + ":" + std::to_string(line_no) +
              ": expected ISO3 <tab> ISO2 <tab> FIPS <tab> name");
        if (countries_.size() >= UINT16_MAX)
          return Status::Corrupt(name + ": too many countries");
        GeoCountry c{std::string(f[0]), std::string(f[1]), std::string(f[2]),
                     std::string(f[3])};
        const auto index = static_cast<uint16_t>(countries_.size());
        if (!by_iso3_.emplace(c.iso3, index).second ||
            !by_iso2_.emplace(c.iso2, index).second)
          return Status::Corrupt(name + ":" + std::to_string(line_no) +
                                 ": country listed twice");
        GeoPlace p;
        p.kind = GeoKind::kCountry;
        p.name = f[3];
        p.country = index;
        p.feature = "PCLI";
        c.place = static_cast<uint32_t>(places_.size());
        places_.push_back(std::move(p));
        countries_.push_back(std::move(c));
        return Status::Ok();
      });
}

Status Gazetteer::ReadPlaces(std::string file, const std::string& name) {
  places_text_ = std::move(file);
  const std::string_view text = places_text_;
  const size_t lines =
      static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  places_.reserve(places_.size() + lines + 1);
  return ForEachLine(
      text,
      [&](const std::vector<std::string_view>& f, size_t line_no) -> Status {
        auto bad = [&](const std::string& why) {
          return Status::Corrupt(name + ":" + std::to_string(line_no) + ": " +
                                 why);
        };
        if (f[0] == "R") {
          if (f.size() != 4 || f[3].empty())
            return bad("a region line has R, country, admin1 code, name");
          auto c = by_iso2_.find(std::string(f[1]));
          if (c == by_iso2_.end())
            return Status::Ok();  // a country we do not list
          GeoPlace p;
          p.kind = GeoKind::kRegion;
          p.name = f[3];
          p.country = c->second;
          p.admin1 = f[2];
          p.feature = "ADM1";
          regions_.emplace(std::string(f[1]) + "." + std::string(p.admin1),
                           static_cast<uint32_t>(places_.size()));
          places_.push_back(std::move(p));
        } else if (f[0] == "C") {
          if (f.size() != 9) return bad("a place line has 9 fields");
          GeoPlace p;
          p.kind = GeoKind::kCity;
          p.name = f[2];
          if (p.name.empty()) return bad("a place with no name");
          auto c = by_iso2_.find(std::string(f[3]));
          if (c == by_iso2_.end()) return Status::Ok();
          p.country = c->second;
          p.admin1 = f[4];
          p.feature = f[5];
          if (!ParseNumber(f[1], &p.geonameid) ||
              !ParseNumber(f[6], &p.population) || !ParseNumber(f[7], &p.lat) ||
              !ParseNumber(f[8], &p.lon) || p.lat < -90 || p.lat > 90 ||
              p.lon < -180 || p.lon > 180)
            return bad("bad number (id, population, latitude or longitude)");
          p.has_coords = true;
          places_.push_back(std::move(p));
        } else {
          return bad("a line starts with R (region) or C (place)");
        }
        return Status::Ok();
      });
}

void Gazetteer::Index(std::string_view name, uint32_t i) {
  std::string folded = Fold(name);
  if (folded.empty() || folded.size() > 65535) return;
  max_words_ = std::max(max_words_, WordCount(folded));
  // While filling, a name's offset field holds its id + 1.
  NameRange& r = names_.FindOrAdd(folded);
  if (r.offset == 0) r.offset = static_cast<uint32_t>(names_.size());
  if (pending_.empty() || pending_.back() != std::make_pair(r.offset - 1, i))
    pending_.emplace_back(r.offset - 1, i);
}

void Gazetteer::Finish() {
  // Regions: population-weighted mean of their places; countries: their
  // capital, else their largest place.
  struct Sum {
    double lat = 0, lon = 0, weight = 0;
    long population = 0;
  };
  std::vector<Sum> sums(places_.size());
  std::vector<uint32_t> capital(countries_.size(), UINT32_MAX);
  std::vector<uint32_t> largest(countries_.size(), UINT32_MAX);
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const GeoPlace& p = places_[i];
    if (p.kind != GeoKind::kCity) continue;
    auto better = [&](uint32_t current) {
      return current == UINT32_MAX ||
             places_[current].population < p.population;
    };
    if (p.feature == "PPLC" && better(capital[p.country]))
      capital[p.country] = i;
    if (better(largest[p.country])) largest[p.country] = i;
    auto r =
        regions_.find(countries_[p.country].iso2 + "." + std::string(p.admin1));
    if (r == regions_.end()) continue;
    Sum& s = sums[r->second];
    const double w = static_cast<double>(std::max(p.population, 1L));
    s.lat += p.lat * w;
    s.lon += p.lon * w;
    s.weight += w;
    s.population += p.population;
  }
  for (uint32_t i = 0; i < places_.size(); ++i) {
    GeoPlace& p = places_[i];
    if (p.kind == GeoKind::kRegion && sums[i].weight > 0) {
      p.lat = sums[i].lat / sums[i].weight;
      p.lon = sums[i].lon / sums[i].weight;
      p.population = sums[i].population;
      p.has_coords = true;
    }
  }
  for (size_t c = 0; c < countries_.size(); ++c) {
    uint32_t at = capital[c] != UINT32_MAX ? capital[c] : largest[c];
    if (at == UINT32_MAX) continue;
    GeoPlace& p = places_[countries_[c].place];
    p.lat = places_[at].lat;
    p.lon = places_[at].lon;
    p.has_coords = true;
  }
  // Names: as written, without an Arabic article, and regions without
  // their generic word.
  names_.Reserve(places_.size() * 5 / 4, places_.size() * 12);
  pending_.reserve(places_.size() * 5 / 4);
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const GeoPlace& p = places_[i];
    if (p.kind == GeoKind::kCountry) continue;
    Index(p.name, i);
    // "Washington, D.C." is also "Washington"; "New York City" and "Kuwait
    // City" also "New York" and "Kuwait" (a country name wins over such a
    // place: countries are found first).
    if (const size_t comma = p.name.find(','); comma != std::string::npos)
      Index(p.name.substr(0, comma), i);
    if (p.kind == GeoKind::kCity && p.population >= 100000 &&
        p.name.size() > 5 && p.name.compare(p.name.size() - 5, 5, " City") == 0)
      Index(p.name.substr(0, p.name.size() - 5), i);
    const std::string folded = Fold(p.name);
    std::string bare = WithoutGenericWord(folded);
    if (p.kind == GeoKind::kRegion && !bare.empty()) Index(bare, i);
    if (IsArabicArticleCountry(countries_[p.country].iso2)) {
      std::string short_name = WithoutArticle(bare.empty() ? folded : bare);
      if (!short_name.empty()) Index(short_name, i);
    }
  }
  // Group the places of each name (a counting sort by name id, stable, so
  // each list keeps file order).
  std::vector<uint32_t> start(names_.size() + 1, 0);
  for (const auto& [id, place] : pending_) ++start[id + 1];
  for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  name_places_.assign(pending_.size(), 0);
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (const auto& [id, place] : pending_) name_places_[fill[id]++] = place;
  names_.ForEachMutable([&](std::string_view, NameRange& r) {
    const uint32_t id = r.offset - 1;
    r.offset = start[id];
    r.count = start[id + 1] - start[id];
  });
  pending_.clear();
  pending_.shrink_to_fit();
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view folded) const {
  auto e = names_.Find(folded);
  if (!e.value) return {};
  return std::span<const uint32_t>(name_places_.data() + e.value->offset,
                                   e.value->count);
}

const GeoCountry* Gazetteer::CountryByIso3(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  return it == by_iso3_.end() ? nullptr : &countries_[it->second];
}

const GeoCountry* Gazetteer::CountryByIso2(std::string_view iso2) const {
  auto it = by_iso2_.find(std::string(iso2));
  return it == by_iso2_.end() ? nullptr : &countries_[it->second];
}

const GeoPlace* Gazetteer::Region(uint16_t country,
                                  std::string_view admin1) const {
  if (admin1.empty() || country >= countries_.size()) return nullptr;
  auto it = regions_.find(countries_[country].iso2 + "." + std::string(admin1));
  return it == regions_.end() ? nullptr : &places_[it->second];
}

bool Gazetteer::Contains(const GeoPlace& outer, const GeoPlace& inner) const {
  if (outer.country != inner.country || &outer == &inner) return false;
  if (outer.kind == GeoKind::kCountry) return true;
  return outer.kind == GeoKind::kRegion && inner.kind == GeoKind::kCity &&
         outer.admin1 == inner.admin1;
}

uint32_t Gazetteer::Choose(std::span<const uint32_t> candidates,
                           std::span<const uint16_t> hints,
                           const GeoPlace* qualifier) const {
  uint32_t best = UINT32_MAX;
  double best_score = -1;
  for (uint32_t i : candidates) {
    const GeoPlace& p = places_[i];
    if (qualifier && !Contains(*qualifier, p)) continue;
    double score = static_cast<double>(std::max(p.population, 1L));
    if (p.feature == "PPLC") score *= 3;
    if (p.feature == "PPLA") score *= 1.5;
    if (p.kind == GeoKind::kRegion) score /= 5;
    for (uint16_t c : hints)
      if (c == p.country) {
        score *= 30;
        break;
      }
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

int Gazetteer::GdeltType(const GeoPlace& p) const {
  const bool us = countries_[p.country].iso2 == "US";
  switch (p.kind) {
    case GeoKind::kCountry:
      return 1;
    case GeoKind::kRegion:
      return us ? 2 : 5;
    case GeoKind::kCity:
      return us ? 3 : 4;
  }
  return 0;
}

std::string Gazetteer::FullName(const GeoPlace& p) const {
  const GeoCountry& c = countries_[p.country];
  if (p.kind == GeoKind::kCountry) return c.name;
  std::string out = p.kind == GeoKind::kRegion ? DisplayRegionName(p.name)
                                               : std::string(p.name);
  if (p.kind == GeoKind::kCity) {
    if (const GeoPlace* r = Region(p.country, p.admin1))
      out += ", " + DisplayRegionName(r->name);
  }
  return out + ", " + c.name;
}

std::string Gazetteer::Adm1Code(const GeoPlace& p) const {
  const GeoCountry& c = countries_[p.country];
  if (p.kind == GeoKind::kCountry || p.admin1.empty()) return c.fips;
  return c.fips + std::string(p.admin1);
}

std::string Gazetteer::FeatureId(const GeoPlace& p) const {
  if (p.kind == GeoKind::kCity) return std::to_string(p.geonameid);
  return Adm1Code(p);
}

}  // namespace dyad
