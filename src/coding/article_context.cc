#include "coding/article_context.h"

namespace dyad {

void ArticleContext::Learn(const ContextActor& actor,
                           const std::vector<std::string>& names) {
  if (actor.code.empty() || actor.code == "---") return;
  actors_.push_back(actor);
  size_t index = actors_.size() - 1;
  for (const std::string& n : names) names_.emplace_back(n, index);
}

const ContextActor* ArticleContext::ByName(std::string_view lower_name) const {
  for (size_t i = names_.size(); i-- > 0;)
    if (names_[i].first == lower_name) return &actors_[names_[i].second];
  return nullptr;
}

const ContextActor* ArticleContext::ByAgent(std::string_view agent) const {
  for (size_t i = actors_.size(); i-- > 0;)
    if (actors_[i].agent == agent && !actors_[i].country.empty())
      return &actors_[i];
  return nullptr;
}

const ContextActor* ArticleContext::ByPronoun(std::string_view p) const {
  bool person = p == "he" || p == "she" || p == "him" || p == "her";
  for (size_t i = actors_.size(); i-- > 0;) {
    if (person == actors_[i].person) return &actors_[i];
  }
  return nullptr;
}

bool ArticleContext::OnlyDatelineCountry() const {
  for (const ContextActor& a : actors_)
    if (!a.country.empty() && a.country != dateline_country_) return false;
  return true;
}

std::vector<const ContextActor*> ArticleContext::LastTwoCountries() const {
  std::vector<const ContextActor*> out;
  for (size_t i = actors_.size(); i-- > 0 && out.size() < 2;) {
    const ContextActor& a = actors_[i];
    if (a.country.empty()) continue;
    bool seen = false;
    for (const ContextActor* o : out) seen = seen || o->country == a.country;
    if (!seen) out.push_back(&a);
  }
  if (out.size() < 2) out.clear();
  return out;
}

void ArticleContext::NoteCountry(uint16_t country) {
  for (size_t i = 0; i < place_countries_.size(); ++i)
    if (place_countries_[i] == country) {
      place_countries_.erase(place_countries_.begin() + i);
      break;
    }
  place_countries_.push_back(country);
  // A handful is enough; the latest count.
  if (place_countries_.size() > 8)
    place_countries_.erase(place_countries_.begin());
}

}  // namespace dyad
