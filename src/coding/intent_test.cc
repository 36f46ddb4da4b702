#include "coding/intent.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(IntentTest, MapsActsToIntentions) {
  struct Case {
    const char* code;
    const char* intent;
  } cases[] = {{"040", "036"}, {"046", "036"}, {"042", "036"},  {"057", "032"},
               {"061", "031"}, {"073", "033"}, {"0872", "035"}, {"190", "138"},
               {"183", "138"}, {"112", "112"}, {"010", "010"},  {"036", "036"},
               {"173", "173"}};
  for (const Case& c : cases) EXPECT_EQ(IntentCode(c.code), c.intent) << c.code;
}

TEST(IntentTest, MapsActsToDemands) {
  struct Case {
    const char* code;
    const char* demand;
  } cases[] = {{"045", "108"}, {"046", "106"},  {"057", "102"}, {"061", "101"},
               {"073", "103"}, {"0871", "105"}, {"190", "100"}, {"112", "100"}};
  for (const Case& c : cases) EXPECT_EQ(DemandCode(c.code), c.demand) << c.code;
}

TEST(IntentTest, IntentWordsAndModals) {
  EXPECT_TRUE(IntentWord("expect"));
  EXPECT_TRUE(IntentWord("plan"));
  EXPECT_FALSE(IntentWord("urge"));
  EXPECT_TRUE(IntentModal("will"));
  EXPECT_FALSE(IntentModal("can"));
}

}  // namespace
}  // namespace dyad
