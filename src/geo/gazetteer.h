// Gazetteer: the places dyad can resolve (countries, first-level regions,
// populated places), read from docs/formats/gazetteer.md's two files.
//
//   auto gaz = Gazetteer::Load(Gazetteer::DefaultPlacesPath(), data_dirs);
//   for (uint32_t i : (*gaz)->Lookup(Gazetteer::Fold("Bogotá"))) ...
//
// Immutable once loaded; share one instance between threads.
#ifndef DYAD_GEO_GAZETTEER_H_
#define DYAD_GEO_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"
#include "lang/word_table.h"

namespace dyad {

enum class GeoKind : uint8_t { kCountry, kRegion, kCity };

// One place. Its strings point into the Gazetteer's copy of its files, so
// that 135,000 places cost about 80 bytes each.
struct GeoPlace {
  std::string_view name;     // as GeoNames writes it ("Jamundí")
  std::string_view admin1;   // GeoNames admin1 code ("29"); "" for a country
  std::string_view feature;  // GeoNames feature code ("PPLA2"); "ADM1", "PCLI"
  long population = 0;       // regions: the sum of their places'
  double lat = 0, lon = 0;
  int32_t geonameid = 0;  // 0 for regions and countries
  uint16_t country = 0;   // index into Gazetteer::countries()
  GeoKind kind = GeoKind::kCity;
  bool has_coords = false;
};

struct GeoCountry {
  std::string iso3;             // dyad's country code ("COL")
  std::string iso2;             // GeoNames' ("CO")
  std::string fips;             // GDELT's FIPS 10-4 ("CO"); may be ""
  std::string name;             // "Colombia"
  uint32_t place = UINT32_MAX;  // its GeoPlace
};

class Gazetteer {
 public:
  // Reads `places_tsv` (.deps/geo/gazetteer.tsv), and geo/countries.tsv
  // and geo/aliases.tsv from the first of `data_dirs` that has them. A
  // malformed line fails the load with file:line; a missing places file
  // fails with kNotFound.
  static Result<std::shared_ptr<const Gazetteer>> Load(
      const std::string& places_tsv, const std::vector<std::string>& data_dirs);
  // The same, from text (for tests).
  static Result<std::shared_ptr<const Gazetteer>> FromText(
      std::string_view places, std::string_view countries,
      std::string_view aliases = "");

  // $DYAD_GAZETTEER, else the path configured at build time.
  static std::string DefaultPlacesPath();

  // Lower case, Latin accents removed, '-', '\'' and '’' as spaces, '.'
  // dropped, runs of spaces as one: the form names are looked up by.
  static std::string Fold(std::string_view text);

  // The places (of any kind but country) whose folded name is `folded`.
  std::span<const uint32_t> Lookup(std::string_view folded) const;
  // Most words in any folded name (how far a lookup need look).
  int max_words() const { return max_words_; }

  const GeoPlace& place(uint32_t i) const { return places_[i]; }
  uint32_t index_of(const GeoPlace& p) const {
    return static_cast<uint32_t>(&p - places_.data());
  }
  const GeoCountry& country_of(const GeoPlace& p) const {
    return countries_[p.country];
  }
  // By ISO alpha-3 or alpha-2 code; null when unknown.
  const GeoCountry* CountryByIso3(std::string_view iso3) const;
  const GeoCountry* CountryByIso2(std::string_view iso2) const;
  // The region `admin1` of country `country`; null when unknown.
  const GeoPlace* Region(uint16_t country, std::string_view admin1) const;

  // The place a name most likely means, among `candidates` (a Lookup):
  // only those inside `qualifier` when given ("Jamundi, Valle del
  // Cauca"); then the one with most people, a place in a country of `hints`
  // (countries the article names) counting 30 times its size, a capital 3
  // times, the seat of a region 1.5 times and a region a fifth (a city
  // beats the region of its name). UINT32_MAX when none fits the qualifier.
  uint32_t Choose(std::span<const uint32_t> candidates,
                  std::span<const uint16_t> hints,
                  const GeoPlace* qualifier) const;
  // Whether `inner` lies in `outer` (a country or region).
  bool Contains(const GeoPlace& outer, const GeoPlace& inner) const;

  // GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city,
  // 5 world state (first-level region).
  int GdeltType(const GeoPlace& p) const;
  // "Jamundí, Valle del Cauca, Colombia" (GDELT's Geo_FullName).
  std::string FullName(const GeoPlace& p) const;
  // FIPS country + admin1 code ("CO29"), or the FIPS country code alone.
  std::string Adm1Code(const GeoPlace& p) const;
  // GDELT's Geo_FeatureID: the GeoNames id of a place, the ADM1 code of a
  // region, the FIPS code of a country.
  std::string FeatureId(const GeoPlace& p) const;

  size_t size() const { return places_.size(); }

 private:
  Gazetteer() = default;
  // Keep `text` (places point into it) and read it.
  Status ReadCountries(std::string text, const std::string& name);
  Status ReadPlaces(std::string text, const std::string& name);
  void Finish();
  Status ReadAliases(std::string_view text, const std::string& name);
  void Index(std::string_view name, uint32_t i);

  std::string countries_text_, places_text_;  // what the places point into
  std::vector<GeoPlace> places_;
  std::vector<GeoCountry> countries_;
  std::unordered_map<std::string, uint16_t> by_iso3_, by_iso2_;
  std::unordered_map<std::string, uint32_t> regions_;  // "CO.29"
  // Folded name -> [offset, offset + count) of name_places_; built in
  // Finish() from (name id, place) pairs.
  struct NameRange {
    uint32_t offset = 0;
    uint32_t count = 0;
  };
  WordTable<NameRange> names_;
  std::vector<uint32_t> name_places_;
  std::vector<std::pair<uint32_t, uint32_t>> pending_;  // (name id, place)
  int max_words_ = 1;
};

}  // namespace dyad

#endif  // DYAD_GEO_GAZETTEER_H_
