// Intent: how an event under a modal or an intent verb ("will meet",
// "expected to begin talks", "vowed to strike") is coded. CAMEO codes such
// statements as intentions (root 03) for cooperation and as threats (13) for
// force, not as the act itself.
#ifndef DYAD_CODING_INTENT_H_
#define DYAD_CODING_INTENT_H_

#include <string>
#include <string_view>

namespace dyad {

// "will", "would", "shall", "'ll": the future, which CAMEO codes as intent.
bool IntentModal(std::string_view lower);

// Words whose infinitive complement is an intention: expect, plan, agree,
// intend, hope, vow, pledge, promise, seek, prepare, set, ready, likely, ...
bool IntentWord(std::string_view lemma);

// Words whose infinitive complement did not happen: fail, neglect, cease,
// refrain, forget ("failed to protect" codes no protection).
bool NegatingWord(std::string_view lemma);

// The intent code for an act code: consult/negotiate -> 036, diplomatic
// cooperation -> 032, material cooperation -> 031, aid -> 033, yield -> 035,
// force (18-20) -> 138 (threaten with military force); other codes are
// returned unchanged.
std::string IntentCode(const std::string& code);

// The demand code for an act someone is told they must do ("X said Y must
// negotiate" -> 106): material cooperation 101, diplomatic cooperation 102,
// aid 103, yielding (ceasefire, withdrawal, release) 105, meeting or
// negotiation 106, mediation 108; anything else 100.
std::string DemandCode(const std::string& code);

}  // namespace dyad

#endif  // DYAD_CODING_INTENT_H_
