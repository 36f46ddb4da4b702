#include "coding/intent.h"

namespace dyad {

bool IntentModal(std::string_view w) {
  return w == "will" || w == "would" || w == "shall" || w == "'ll" || w == "wo";
}

bool IntentWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "expect",   "plan",      "agree",    "intend",  "hope",  "vow",
      "pledge",   "promise",   "seek",     "prepare", "set",   "ready",
      "likely",   "aim",       "want",     "wish",    "offer", "propose",
      "schedule", "due",       "poised",   "willing", "eager", "determined",
      "expected", "scheduled", "planning", "going"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool NegatingWord(std::string_view w) {
  return w == "fail" || w == "failing" || w == "neglect" || w == "cease" ||
         w == "refrain" || w == "forget" || w == "unable";
}

std::string IntentCode(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "18" || root == "19" || root == "20") return "138";
  return code;
}

std::string DemandCode(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (code.rfind("045", 0) == 0) return "108";
  if (root == "04") return "106";
  if (root == "05") return "102";
  if (root == "06") return "101";
  if (root == "07") return "103";
  if (root == "08") return "105";
  return "100";
}

}  // namespace dyad
