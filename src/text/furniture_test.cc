#include "text/furniture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/normalizer.h"

namespace dyad {
namespace {

using Found = std::vector<std::pair<std::string, std::string>>;  // text, kind

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

// What every result must satisfy (the contract in furniture.h).
void ExpectWellFormed(std::string_view text,
                      const std::vector<FurnitureSpan>& spans) {
  size_t prev = 0;
  for (const FurnitureSpan& s : spans) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_GE(s.begin, prev);
    ASSERT_FALSE(IsSpaceByte(text[s.begin]));
    ASSERT_FALSE(IsSpaceByte(text[s.end - 1]));
    ASSERT_TRUE(s.begin == 0 || IsSpaceByte(text[s.begin - 1]));
    ASSERT_TRUE(s.end == text.size() || IsSpaceByte(text[s.end]));
    ASSERT_FALSE(s.kind.empty());
    prev = s.end;
  }
}

Found Find(std::string_view raw) {
  const NormalizedText n = Normalize(raw);
  const std::vector<FurnitureSpan> spans = FindFurniture(n.text);
  ExpectWellFormed(n.text, spans);
  Found out;
  for (const FurnitureSpan& s : spans) {
    out.emplace_back(n.text.substr(s.begin, s.end - s.begin), s.kind);
  }
  return out;
}

struct FurnitureCase {
  const char* name;
  const char* text;  // raw; normalized first
  Found found;
};

// A paragraph of real prose that the cases put furniture around.
#define PROSE                                                          \
  "Gunmen killed four people in Jamundi, Valle del Cauca, on Monday, " \
  "the regional police commander told reporters."

const FurnitureCase kFurnitureCases[] = {
    // Whole lines.
    {"share block",
     PROSE "\nShare this:\nFacebook\nTwitter\nWhatsApp\nEmail\n",
     {{"Share this:\nFacebook\nTwitter\nWhatsApp\nEmail", "share"}}},
    {"share row with pipes",
     PROSE "\nFacebook | Twitter | LinkedIn | Email",
     {{"Facebook | Twitter | LinkedIn | Email", "share"}}},
    {"share on network",
     PROSE "\nShare on Facebook\nShare on X\nCopy link",
     {{"Share on Facebook\nShare on X\nCopy link", "share"}}},
    {"follow us",
     PROSE "\nFollow us on Twitter and Facebook",
     {{"Follow us on Twitter and Facebook", "share"}}},
    {"comment form",
     PROSE "\n\nLeave a Reply\nCancel reply\nYour email address will not be "
           "published. Required fields are marked *\nComment *\nName *\n"
           "Email *\nWebsite\nSave my name, email, and website in this "
           "browser for the next time I comment.\nPost Comment",
     {{"Leave a Reply\nCancel reply\nYour email address will not be "
       "published. Required fields are marked *\nComment *\nName *\n"
       "Email *\nWebsite\nSave my name, email, and website in this browser "
       "for the next time I comment.\nPost Comment",
       "comments"}}},
    {"comment count", PROSE "\n12 Comments", {{"12 Comments", "comments"}}},
    {"recaptcha",
     PROSE "\nThis site is protected by reCAPTCHA and the Google Privacy "
           "Policy and Terms of Service apply.",
     {{"This site is protected by reCAPTCHA and the Google Privacy Policy "
       "and Terms of Service apply.",
       "captcha"}}},
    {"cookies",
     PROSE "\nWe use cookies to improve your experience on our site. By "
           "continuing to use this site, you agree to our use of cookies.\n"
           "Accept all cookies\nCookie settings",
     {{"We use cookies to improve your experience on our site. By "
       "continuing to use this site, you agree to our use of cookies.\n"
       "Accept all cookies\nCookie settings",
       "cookies"}}},
    {"subscribe",
     PROSE "\nSign up for our daily newsletter\nEnter your email address\n"
           "Subscribe",
     {{"Sign up for our daily newsletter\nEnter your email address\n"
       "Subscribe",
       "subscribe"}}},
    {"account",
     PROSE "\nSign in\nLog in to your account\nRegister",
     {{"Sign in\nLog in to your account\nRegister", "account"}}},
    {"related list with header",
     PROSE "\n\nRelated\n\nColombia's ELN Says It Will Resume Talks\n\n"
           "Ecuador Declares State of Emergency in Prisons\n\n"
           "Gunmen killed two soldiers in Arauca, the army said on Friday.",
     {{"Related\n\nColombia's ELN Says It Will Resume Talks\n\nEcuador "
       "Declares State of Emergency in Prisons",
       "related"}}},
    {"you may also like",
     PROSE "\nYou may also like\nHow Mexico's Cartels Launder Money\n"
           "Inside the Tren de Aragua...",
     {{"You may also like\nHow Mexico's Cartels Launder Money\nInside the "
       "Tren de Aragua...",
       "related"}}},
    {"read more with title",
     PROSE "\nREAD MORE: Why Haiti's Gangs Are Winning",
     {{"READ MORE: Why Haiti's Gangs Are Winning", "related"}}},
    {"bylines",
     "By Jane Doe, Reuters\n" PROSE
     "\nBy Maria Lopez and John Smith | March 3, 2024 10:15 AM\n" PROSE,
     {{"By Jane Doe, Reuters", "byline"},
      {"By Maria Lopez and John Smith | March 3, 2024 10:15 AM", "byline"}}},
    {"dates and reading time",
     "Published March 3, 2024\nUpdated 2 hours ago\n5 min read\n" PROSE,
     {{"Published March 3, 2024\nUpdated 2 hours ago\n5 min read", "byline"}}},
    {"photo credits",
     "Photo: AFP\n" PROSE
     "\n(AP Photo/Fernando Llano)\nREUTERS/Luisa Gonzalez\n" PROSE,
     {{"Photo: AFP", "credit"},
      {"(AP Photo/Fernando Llano)\nREUTERS/Luisa Gonzalez", "credit"}}},
    {"caption with a credit label",
     PROSE "\nFILE PHOTO: Police officers patrol a street in Cali, "
           "Colombia, January 5, 2024. REUTERS/Luisa Gonzalez/File Photo\n",
     {{"FILE PHOTO: Police officers patrol a street in Cali, Colombia, "
       "January 5, 2024. REUTERS/Luisa Gonzalez/File Photo",
       "credit"}}},
    {"reuters tail line",
     PROSE "\n(Reporting by Luis Jaime Acosta; writing by Julia Symmes Cobb; "
           "editing by Grant McCool)",
     {{"(Reporting by Luis Jaime Acosta; writing by Julia Symmes Cobb; "
       "editing by Grant McCool)",
       "reporting"}}},
    {"copyright",
     PROSE "\nCopyright 2024 Reuters\n\u00a9 2024 The Associated Press. All "
           "rights reserved.",
     {{"Copyright 2024 Reuters\n\u00a9 2024 The Associated Press. All rights "
       "reserved.",
       "copyright"}}},
    {"advertisement markers",
     PROSE "\nADVERTISEMENT\n" PROSE
           "\nAdvertisement - Scroll to continue\n" PROSE,
     {{"ADVERTISEMENT", "advertisement"},
      {"Advertisement - Scroll to continue", "advertisement"}}},
    {"breadcrumbs",
     "Home > World > Americas\nNews | Colombia | Security\n" PROSE,
     {{"Home > World > Americas\nNews | Colombia | Security", "navigation"}}},
    {"menu between navigation lines",
     "Menu\nHome\nWorld\nLatin America\nBusiness\nSearch\n" PROSE,
     {{"Menu\nHome\nWorld\nLatin America\nBusiness\nSearch", "navigation"}}},
    {"tags with header",
     PROSE "\nTags: Colombia, FARC, peace talks, Gustavo Petro",
     {{"Tags: Colombia, FARC, peace talks, Gustavo Petro", "tags"}}},
    {"tags header and items",
     PROSE "\nTopics\nColombia\nELN\nDrug Policy",
     {{"Topics\nColombia\nELN\nDrug Policy", "tags"}}},
    {"separators",
     PROSE "\n* * *\n" PROSE "\n-----",
     {{"* * *", "separator"}, {"-----", "separator"}}},
    {"dateline with time zone",
     "Updated March 3, 2024 at 10:15 a.m. ET\n" PROSE,
     {{"Updated March 3, 2024 at 10:15 a.m. ET", "byline"}}},
    {"filed under with colon",
     PROSE "\nFiled under: Colombia, Security",
     {{"Filed under: Colombia, Security", "tags"}}},
    {"read more about",
     PROSE "\nRead more about the conflict in Colombia\nMore from Reuters",
     {{"Read more about the conflict in Colombia\nMore from Reuters",
       "related"}}},
    {"embedded media line",
     PROSE "\nWatch the full interview below:\n" PROSE,
     {{"Watch the full interview below:", "embed"}}},

    // Glued to the end of a line: text pasted without line breaks.
    {"glued share",
     PROSE " Share this: Facebook Twitter",
     {{"Share this: Facebook Twitter", "share"}}},
    {"glued share row",
     PROSE " Facebook Twitter WhatsApp Email",
     {{"Facebook Twitter WhatsApp Email", "share"}}},
    {"glued reporting",
     PROSE " (Reporting by Oliver Griffin; Editing by Aurora Ellis)",
     {{"(Reporting by Oliver Griffin; Editing by Aurora Ellis)", "reporting"}}},
    {"glued credit then tags",
     PROSE " Rivera is still on the run. Photo: Alex Cruz/El Periodico de "
           "Guatemala. Elites and Organized Crime Featured Guatemala "
           "Infographics",
     {{"Photo: Alex Cruz/El Periodico de Guatemala.", "credit"},
      {"Elites and Organized Crime Featured Guatemala Infographics", "tags"}}},
    {"glued tags then stray digits",
     PROSE " Coca Colombia ELN Ex-FARC Mafia \"\t0\t1\t0",
     {{"Coca Colombia ELN Ex-FARC Mafia \"\t0\t1\t0", "tags"}}},
    {"glued parenthesized credit then tags",
     PROSE " (Top: AP Photo/Fernando Vergara) Coca Colombia Drug Policy",
     {{"(Top: AP Photo/Fernando Vergara)", "credit"},
      {"Coca Colombia Drug Policy", "tags"}}},
    {"glued embed pointer",
     PROSE " Watch the Facebook Live broadcast for the full conversation:",
     {{"Watch the Facebook Live broadcast for the full conversation:",
       "embed"}}},
    {"glued map pointer",
     PROSE " View Chilpancingo, Guerrero in a larger map",
     {{"View Chilpancingo, Guerrero in a larger map", "embed"}}},
    {"glued comment form",
     PROSE " Leave a Reply Cancel reply Your email address will not be "
           "published. Required fields are marked * Comment * Name *",
     {{"Leave a Reply Cancel reply Your email address will not be "
       "published. Required fields are marked * Comment * Name *",
       "comments"}}},
    {"glued copyright",
     PROSE " Copyright 2024 Reuters. All rights reserved.",
     {{"Copyright 2024 Reuters. All rights reserved.", "copyright"}}},
};

// Real sentences that mention furniture words: none may be reported.
const char* const kProseCases[] = {
    "Share prices fell sharply in Bogota on Monday.",
    "The minister shared the video on Facebook and Twitter, officials said.",
    "The president declined to comment on the report.",
    "Comments by the minister drew criticism from rights groups.",
    "By Monday, rebels had seized the airport.",
    "By 2030 China will overtake the United States, the report said.",
    "By Jane Doe's account, the attack began at dawn.",
    "Photo evidence shows troops firing on protesters, Amnesty said.",
    "Photo: Police said the suspects fled toward the border.",
    "Source: a senior official said the talks had stalled.",
    "Copyright infringement claims against the firm rose, the court said.",
    "Related talks will resume in Geneva next week.",
    "Sign up rates for the army fell, the ministry said.",
    "Sign in to the building was restricted after the attack.",
    "Advertisement revenue fell sharply.",
    "Twitter suspended the account of the militia on Tuesday.",
    "Follow us on Twitter, the rebels told supporters in a statement.",
    "Reporting by the Associated Press found that the army lied.",
    "Published reports said the general had fled.",
    "Updated figures showed a rise in kidnappings.",
    "Posted in front of the ministry, the guards fired into the air.",
    "Ad hoc tribunals were set up in three provinces.",
    "Accept the deal or face sanctions, the envoy said.",
    "Donate blood, the ministry urged residents.",
    "Register of voters was updated on Monday.",
    "Reply to the letter came on Friday.",
    "Home Secretary Priti Patel said the measures would stay.",
    "Search teams found 12 bodies in the grave.",
    "More than 40 people were killed.",
    "Latest figures show homicides rose 5 percent.",
    "Contact with the hostages was lost on Friday.",
    "Next week, the talks resume in Havana.",
    "Watch groups said the vote was flawed.",
    "Tags found on the weapons traced them to Honduras.",
    "Email messages seized from the suspect linked him to the cartel.",
    "Privacy advocates criticized the surveillance law.",
    "Read more than 100 pages of the indictment, the judge told jurors.",
    "Read more broadly, the law allows detention without trial.",
    "Newsletter editors resigned in protest on Friday.",
    "Download speeds in Cuba remain slow, a report found.",
    "More in Congress oppose the bill.",
    "Filed under seal, the indictment accuses three generals.",
    "Related topics include security and migration.",
    "Tagged with explosives, the truck was found near the border.",
    "Courtesy of the Army, the roads were reopened.",
    // Quoted speech that reads like furniture.
    "\"We use cookies to track users,\" the company admitted.",
    "\"Become a member of the party,\" the leader urged.",
    "\"Leave a comment and we will read it,\" the spokesman wrote.",
    // Headlines between paragraphs that open with furniture words.
    PROSE "\nAP Poll Finds Most Americans Distrust Congress\n" PROSE,
    PROSE "\nUpdated Death Toll Rises to 45\n" PROSE,
    PROSE "\nCopyright Office Rejects Claims on AI Art\n" PROSE,
    // Prose lines glued one after another.
    PROSE
    " Protesters gathered outside the embassy. Facebook declined to "
    "comment.",
    PROSE " The attack was announced on Twitter. Comments were disabled.",
    "He flew to the U.S. Share prices rose the next day.",
    "The order was signed by Gen. Eduardo Zapateiro",
    // A headline-style text ending without a period is not a tag list.
    "Police Arrest Gang Leader. Troops Deployed",
    // A subheading between paragraphs is not a tag list.
    PROSE "\nViolence in Guerrero\n" PROSE,
    // Only the last line of the text can be an unheaded tag list.
    PROSE " Mexico City Police\n" PROSE,
    // A short lower-case tail is not furniture.
    PROSE " a three-man team",
    "",
    "\n\n  \n",
};

TEST(FindFurnitureTest, Table) {
  for (const FurnitureCase& c : kFurnitureCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Find(c.text), c.found);
  }
}

TEST(FindFurnitureTest, ProseSurvives) {
  for (const char* text : kProseCases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Find(text), Found{});
  }
}

// A whole page as it comes out of select-all and paste in a browser.
TEST(FindFurnitureTest, PastedPage) {
  const std::string page =
      "Skip to main content\n"
      "Menu\n"
      "Home\n"
      "World\n"
      "Americas\n"
      "Search\n"
      "Sign in\n"
      "\n"
      "Home > World > Americas\n"
      "\n"
      "Colombia Suspends Talks With ELN After Attack on Army Base\n"
      "By Luis Jaime Acosta and Oliver Griffin, Reuters\n"
      "March 3, 2024 10:15 AM\n"
      "5 min read\n"
      "\n"
      "BOGOTA (Reuters) - Colombia's government suspended peace talks with "
      "the National Liberation Army (ELN) on Monday after the rebels "
      "attacked an army base in Arauca, killing two soldiers.\n"
      "\n"
      "Photo: Soldiers stand guard in Saravena, Arauca. REUTERS/Luisa "
      "Gonzalez\n"
      "\n"
      "President Gustavo Petro said on Twitter that the attack was "
      "\"a mortal blow\" to the process.\n"
      "\n"
      "ADVERTISEMENT\n"
      "\n"
      "The ELN did not respond to a request for comment.\n"
      "\n"
      "(Reporting by Luis Jaime Acosta; Editing by Rosalba O'Brien)\n"
      "\n"
      "Our Standards: The Thomson Reuters Trust Principles.\n"
      "\n"
      "Share this:\n"
      "Facebook\n"
      "Twitter\n"
      "WhatsApp\n"
      "Email\n"
      "\n"
      "Tags: Colombia, ELN, peace talks\n"
      "\n"
      "Related stories\n"
      "Ecuador Declares State of Emergency in Prisons\n"
      "How Mexico's Cartels Launder Money Through Real Estate\n"
      "\n"
      "Leave a comment\n"
      "Your email address will not be published. Required fields are "
      "marked *\n"
      "Post Comment\n"
      "This site is protected by reCAPTCHA and the Google Privacy Policy "
      "and Terms of Service apply.\n"
      "\n"
      "Sign up for our newsletter\n"
      "Get the latest news from Latin America delivered to your inbox.\n"
      "\n"
      "We use cookies to give you the best experience. By continuing to "
      "use this site, you agree to our use of cookies.\n"
      "Accept\n"
      "\n"
      "About Us | Contact | Privacy Policy | Terms of Use\n"
      "\u00a9 2024 Reuters. All rights reserved.\n";
  const Found found = Find(page);
  const Found want = {
      {"Skip to main content\nMenu\nHome\nWorld\nAmericas\nSearch",
       "navigation"},
      {"Sign in", "account"},
      {"Home > World > Americas", "navigation"},
      {"By Luis Jaime Acosta and Oliver Griffin, Reuters\nMarch 3, 2024 "
       "10:15 AM\n5 min read",
       "byline"},
      {"Photo: Soldiers stand guard in Saravena, Arauca. REUTERS/Luisa "
       "Gonzalez",
       "credit"},
      {"ADVERTISEMENT", "advertisement"},
      {"(Reporting by Luis Jaime Acosta; Editing by Rosalba O'Brien)",
       "reporting"},
      {"Our Standards: The Thomson Reuters Trust Principles.", "copyright"},
      {"Share this:\nFacebook\nTwitter\nWhatsApp\nEmail", "share"},
      {"Tags: Colombia, ELN, peace talks", "tags"},
      {"Related stories\nEcuador Declares State of Emergency in Prisons\nHow "
       "Mexico's Cartels Launder Money Through Real Estate",
       "related"},
      {"Leave a comment\nYour email address will not be published. Required "
       "fields are marked *\nPost Comment",
       "comments"},
      {"This site is protected by reCAPTCHA and the Google Privacy Policy "
       "and Terms of Service apply.",
       "captcha"},
      {"Sign up for our newsletter\nGet the latest news from Latin America "
       "delivered to your inbox.",
       "subscribe"},
      {"We use cookies to give you the best experience. By continuing to "
       "use this site, you agree to our use of cookies.\nAccept",
       "cookies"},
      {"About Us | Contact | Privacy Policy | Terms of Use", "navigation"},
      {"\u00a9 2024 Reuters. All rights reserved.", "copyright"},
  };
  EXPECT_EQ(found, want);
  // The news itself is untouched.
  for (const auto& [text, kind] : found) {
    EXPECT_EQ(text.find("suspended peace talks"), std::string::npos);
    EXPECT_EQ(text.find("mortal blow"), std::string::npos);
    EXPECT_EQ(text.find("did not respond"), std::string::npos);
  }
}

// Texts of a few megabytes in shapes that would be slow if any step were
// quadratic.
TEST(FindFurnitureTest, PathologicalInputsRunInLinearTime) {
  const std::vector<std::pair<std::string, std::string>> unit = {
      {"words", "word "},
      {"no spaces", "x"},
      {"share segments", "Share. "},
      {"share lines", "Facebook\n"},
      {"headers", "Related\n"},
      {"header and items", "Related\nSome Title\n"},
      {"open brackets", "(a. "},
      {"periods", ". "},
      {"newlines", "\n"},
      {"menu", "Home\nWorld\n"},
      {"pipes", "a | "},
      {"title words", "Colombia "},
  };
  for (const auto& [name, piece] : unit) {
    SCOPED_TRACE(name);
    std::string text;
    while (text.size() < (2 << 20)) text += piece;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<FurnitureSpan> spans = FindFurniture(text);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    ExpectWellFormed(text, spans);
    EXPECT_LT(seconds, 3.0);
  }
}

}  // namespace
}  // namespace dyad
