#include "coding/place_finder.h"

#include <algorithm>
#include <string_view>

#include "text/tokenizer.h"

namespace dyad {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

bool IsLocativePreposition(std::string_view w) {
  return OneOf(w, {"in", "near", "at", "outside", "inside", "around", "across",
                   "throughout", "into", "from", "within", "toward", "towards",
                   "off", "via", "nearby", "along", "outskirts"});
}

// Words before "of" that make it locative: "north of Baghdad", "the
// outskirts of Cali", "the city of Mosul".
bool IsAreaWord(std::string_view w) {
  return OneOf(w, {"north",        "south",          "east",      "west",
                   "northeast",    "northwest",      "southeast", "southwest",
                   "outskirts",    "city",           "town",      "village",
                   "province",     "department",     "region",    "state",
                   "municipality", "district",       "capital",   "port",
                   "suburbs",      "centre",         "center",    "heart",
                   "streets",      "governorate",    "parts",     "part",
                   "areas",        "area",           "outside",   "departments",
                   "provinces",    "states",         "cities",    "towns",
                   "villages",     "municipalities", "regions",   "districts"});
}

// Words between a preposition and a name: "in northern Cauca".
bool IsDirectionAdjective(std::string_view w) {
  return OneOf(w,
               {"northern",     "southern",     "eastern",      "western",
                "central",      "northeastern", "northwestern", "southeastern",
                "southwestern", "north",        "south",        "east",
                "west",         "downtown",     "rural",        "coastal",
                "neighboring",  "neighbouring", "nearby",       "the"});
}

// Lower-case words inside a place name ("Valle del Cauca").
bool IsNameConnector(std::string_view w) {
  return OneOf(w, {"de", "del", "la", "las", "los", "el", "da", "do", "dos",
                   "das", "di", "du", "al", "upon", "sur", "en"});
}

bool IsMonthOrWeekday(std::string_view w) {
  return OneOf(
      w, {"january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december", "monday",
          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
}

bool IsCapitalizedWord(const TaggedToken& t) {
  return (t.token.flags & kTokenWord) && (t.token.flags & kTokenCapitalized);
}

// A capitalized word that is part of a name (not "In", "The", "But").
bool IsNamePart(const TaggedToken& t) {
  return IsCapitalizedWord(t) &&
         (t.pos == Pos::kPropn || t.pos == Pos::kNoun || t.pos == Pos::kAdj);
}

constexpr long kLargePlace = 100000;
constexpr long kSmallPlace = 15000;

// "Bolivar state", "Cauca department".
bool IsRegionWord(std::string_view w) {
  return OneOf(w, {"state", "province", "department", "region", "governorate",
                   "district", "oblast", "prefecture", "county"});
}

// "Colombian", "Iraqi", "Afghans": a demonym, not the country's name.
bool LooksLikeDemonym(std::string_view folded_match,
                      std::string_view folded_country) {
  if (folded_match == folded_country) return false;
  for (std::string_view suffix : {"an", "ans", "ese", "ish", "i", "is", "ch",
                                  "ian", "ians", "ite", "ites"})
    if (folded_match.size() > suffix.size() &&
        folded_match.substr(folded_match.size() - suffix.size()) == suffix)
      return true;
  return false;
}

}  // namespace

uint32_t PlaceFinder::CountryAt(const NormalizedText& norm,
                                const std::vector<TaggedToken>& tagged,
                                size_t i, size_t* end) const {
  ActorMatch m;
  if (!dicts_->actors().LongestAt(norm.text, tagged, i, &m)) return UINT32_MAX;
  *end = m.end;
  // A country's own entry, not a person coded as a citizen ("Juan Manuel
  // Santos" is COL too): people have dated roles, countries come from the
  // country files (countries.txt, iso_countries.txt).
  const std::string& file = m.entry->file;
  const bool country_file =
      file.size() >= 13 &&
      file.compare(file.size() - 13, 13, "countries.txt") == 0;
  if (m.entry->kind != ActorKind::kActor || m.entry->code.size() != 3 ||
      !m.entry->roles.empty() || !country_file ||
      !dicts_->IsCountry(m.entry->code))
    return UINT32_MAX;
  const GeoCountry* c = gaz_->CountryByIso3(m.entry->code);
  if (!c) return UINT32_MAX;
  std::string_view words = std::string_view(norm.text).substr(
      tagged[i].token.begin,
      tagged[m.end - 1].token.end - tagged[i].token.begin);
  if (LooksLikeDemonym(Gazetteer::Fold(words), Gazetteer::Fold(c->name)))
    return UINT32_MAX;
  return c->place;
}

std::vector<PlaceMention> PlaceFinder::Find(
    const NormalizedText& norm, size_t begin, size_t end,
    std::span<const uint16_t> hints, const ArticleContext* context) const {
  if (begin >= end) return {};
  std::vector<Token> tokens = Tokenize(norm.text, begin, end);
  return Find(norm, tagger_.Tag(norm.text, norm.lower, tokens), hints, context);
}

std::vector<PlaceMention> PlaceFinder::Find(
    const NormalizedText& norm, const std::vector<TaggedToken>& t,
    std::span<const uint16_t> hints, const ArticleContext* context) const {
  std::vector<PlaceMention> out;
  const size_t n = t.size();
  auto text_of = [&](size_t a, size_t b) {  // tokens [a, b)
    return std::string_view(norm.text).substr(
        t[a].token.begin, t[b - 1].token.end - t[a].token.begin);
  };
  auto locative_before = [&](size_t i) {
    size_t k = i;
    // "in northern Cauca", "in the Cauca": one such word may come between.
    if (k >= 2 && IsDirectionAdjective(t[k - 1].lower) &&
        !IsCapitalizedWord(t[k - 1]))
      --k;
    if (k == 0) return false;
    std::string_view prev = t[k - 1].lower;
    if (IsLocativePreposition(prev)) return true;
    return prev == "of" && k >= 2 && IsAreaWord(t[k - 2].lower);
  };
  // The longest gazetteer name in the capitalized run at token i: its end
  // token, or i when none.
  auto longest_name = [&](size_t i, std::span<const uint32_t>* found) {
    size_t best = i;
    int words = 0;
    const int max_words = std::min(gaz_->max_words(), 6);
    for (size_t j = i; j < n && words < max_words; ++j) {
      if (t[j].token.flags & kTokenPunct) {
        // Hyphens and apostrophes may join a name ("Winston-Salem").
        std::string_view p = text_of(j, j + 1);
        if (p != "-" && p != "'") break;
        continue;
      }
      if (!IsCapitalizedWord(t[j]) && !IsNameConnector(t[j].lower)) break;
      ++words;
      if (!IsCapitalizedWord(t[j])) continue;
      auto hit = gaz_->Lookup(Gazetteer::Fold(text_of(i, j + 1)));
      if (!hit.empty()) {
        best = j + 1;
        *found = hit;
      }
    }
    return best;
  };

  for (size_t i = 0; i < n;) {
    // Countries, and the other actor names, first.
    size_t actor_end = i;
    uint32_t country = CountryAt(norm, t, i, &actor_end);
    if (actor_end > i) {
      const bool locative = locative_before(i);
      if (country != UINT32_MAX) {
        out.push_back(
            {t[i].token.begin, t[actor_end - 1].token.end, country, locative});
        i = actor_end;
        continue;
      }
      // "in Bogota" (COLGOV), "in Washington": a capital named as an actor
      // is a place after a locative preposition. Other actor phrases
      // (people, organisations) are not places.
      if (!locative) {
        i = actor_end;
        continue;
      }
    }
    if (!IsCapitalizedWord(t[i]) || (i > 0 && IsNamePart(t[i - 1]))) {
      ++i;
      continue;
    }
    std::span<const uint32_t> candidates;
    size_t name_end = longest_name(i, &candidates);
    if (name_end == i) {
      ++i;
      continue;
    }
    // Part of a longer name ("Santa Marta Police", "Cali Cartel")?
    if (name_end < n && IsNamePart(t[name_end])) {
      i = name_end;
      continue;
    }
    const bool locative = locative_before(i);
    // "Jamundi, Valle del Cauca" / "Tripoli, Lebanon": a qualifier.
    const GeoPlace* qualifier = nullptr;
    size_t after = name_end;
    if (name_end + 1 < n && text_of(name_end, name_end + 1) == ",") {
      size_t q_end = name_end + 1;
      uint32_t q = CountryAt(norm, t, name_end + 1, &q_end);
      if (q == UINT32_MAX && IsCapitalizedWord(t[name_end + 1])) {
        std::span<const uint32_t> regions;
        q_end = longest_name(name_end + 1, &regions);
        for (uint32_t r : regions)
          if (gaz_->place(r).kind == GeoKind::kRegion) {
            q = r;
            break;
          }
      }
      if (q != UINT32_MAX) {
        qualifier = &gaz_->place(q);
        after = q_end;
      }
    }
    // "Bolivar state", "the state of Sucre", "the provinces of X": a region.
    std::vector<uint32_t> regions_only;
    const bool region_word_before =
        i >= 2 && t[i - 1].lower == "of" &&
        (IsRegionWord(t[i - 2].lower) ||
         (t[i - 2].lower.size() > 1 && t[i - 2].lower.back() == 's' &&
          IsRegionWord(t[i - 2].lower.substr(0, t[i - 2].lower.size() - 1))));
    if ((name_end < n && IsRegionWord(t[name_end].lower)) ||
        region_word_before) {
      for (uint32_t c : candidates)
        if (gaz_->place(c).kind == GeoKind::kRegion) regions_only.push_back(c);
      if (!regions_only.empty()) candidates = regions_only;
    }
    uint32_t chosen = gaz_->Choose(candidates, hints, qualifier);
    if (chosen == UINT32_MAX) {
      qualifier = nullptr;
      after = name_end;
      chosen = gaz_->Choose(candidates, hints, nullptr);
    }
    if (chosen == UINT32_MAX) {
      i = name_end;
      continue;
    }
    const GeoPlace& p = gaz_->place(chosen);
    bool hinted = false;
    for (uint16_t c : hints) hinted |= c == p.country;
    const bool large = p.population >= kLargePlace ||
                       p.kind == GeoKind::kRegion || p.feature == "PPLC" ||
                       p.feature == "PPLA";
    // A small place abroad named without a qualifier ("in Rio" is not the
    // village in Greece when the article is about Brazil).
    if (!hinted && qualifier == nullptr && p.population < kSmallPlace) {
      i = name_end;
      continue;
    }
    if (!locative && qualifier == nullptr) {
      // "Hernandez had been ...", "Vargas' assertion": a surname, most
      // likely, unless a large place of a country the article names.
      if (!hinted || (name_end - i == 1 && !large)) {
        i = name_end;
        continue;
      }
      if (context) {
        std::string lower_name;
        for (size_t k = i; k < name_end; ++k) {
          if (k > i) lower_name.push_back(' ');
          lower_name.append(t[k].lower);
        }
        const ContextActor* known = context->ByName(lower_name);
        if (known && known->person) {
          i = name_end;
          continue;
        }
      }
    }
    // A common word, a month or a weekday needs more evidence.
    if (name_end - i == 1) {
      const std::string_view lower = t[i].lower;
      const bool common = IsMonthOrWeekday(lower) ||
                          dicts_->lexicon().Classes(lower).brill != 0 ||
                          lower.size() <= 2;
      if (common && qualifier == nullptr &&
          (!locative || IsMonthOrWeekday(lower) ||
           (!hinted && p.population < kLargePlace))) {
        i = name_end;
        continue;
      }
    }
    out.push_back(
        {t[i].token.begin, t[name_end - 1].token.end, chosen, locative});
    if (qualifier) {
      // The qualifier is named too ("Valle del Cauca").
      out.push_back({t[name_end + 1].token.begin, t[after - 1].token.end,
                     gaz_->index_of(*qualifier), false});
    }
    i = after;
  }
  return out;
}

bool PlaceFinder::PlaceAnaphor(const std::vector<TaggedToken>& t, size_t* begin,
                               size_t* end) const {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!OneOf(t[i].lower, {"in", "near", "outside", "around", "across",
                            "inside", "within", "throughout"}) ||
        t[i + 1].lower != "the")
      continue;
    const std::string_view w = t[i + 2].lower;
    // Only the kinds of a city: "the region", "the area" and "the country"
    // mostly mean somewhere wider than the place named before ("violence
    // throughout the region").
    if (!OneOf(w, {"town", "city", "village", "municipality", "capital",
                   "neighborhood", "neighbourhood", "port"}))
      continue;
    // "the city of Mosul" names it; "the city courtroom" is a thing.
    if (i + 3 < t.size() &&
        (t[i + 3].lower == "of" || t[i + 3].pos == Pos::kNoun))
      continue;
    *begin = t[i + 1].token.begin;
    *end = t[i + 2].token.end;
    return true;
  }
  return false;
}

uint32_t PlaceFinder::Dateline(const NormalizedText& norm, size_t begin,
                               size_t end,
                               std::span<const uint16_t> hints) const {
  if (begin >= end) return UINT32_MAX;
  std::string_view text =
      std::string_view(norm.text).substr(begin, end - begin);
  const size_t comma = text.find(',');
  std::string_view head = text.substr(0, comma);
  // A country alone ("IRAQ") or a place, qualified by what follows the
  // comma ("BOGOTA, Colombia").
  std::vector<Token> tokens = Tokenize(norm.text, begin, end);
  std::vector<TaggedToken> t = tagger_.Tag(norm.text, norm.lower, tokens);
  size_t country_end = 0;
  uint32_t country =
      t.empty() ? UINT32_MAX : CountryAt(norm, t, 0, &country_end);
  if (country != UINT32_MAX &&
      t[country_end - 1].token.end >= begin + head.size())
    return country;
  const GeoPlace* qualifier = nullptr;
  if (comma != std::string_view::npos) {
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k].token.begin <= begin + comma) continue;
      size_t q_end = k;
      uint32_t q = CountryAt(norm, t, k, &q_end);
      if (q == UINT32_MAX) {
        for (uint32_t r : gaz_->Lookup(
                 Gazetteer::Fold(text.substr(t[k].token.begin - begin))))
          if (gaz_->place(r).kind == GeoKind::kRegion) q = r;
      }
      if (q != UINT32_MAX) qualifier = &gaz_->place(q);
      break;
    }
  }
  auto candidates = gaz_->Lookup(Gazetteer::Fold(head));
  uint32_t chosen = gaz_->Choose(candidates, hints, qualifier);
  if (chosen == UINT32_MAX && qualifier) {
    chosen = gaz_->Choose(candidates, hints, nullptr);
  }
  return chosen;
}

}  // namespace dyad
