// How this works
//
// 1. Lines and segments. The text is cut into lines (between '\n'), and each
//    line into segments: sentence-like pieces ending at '.', '!' or '?' (with
//    closing quotes or brackets) before a space and a character that is not
//    a lower-case letter, unless the word before the period is a title
//    abbreviation (Gen.), a number abbreviation before a digit (No. 5), an
//    initial (J.) or an initialism (U.S.); a segment that opens with '(' runs
//    to its matching ')' (a credit such as "(Graphic courtesy of X)").
//
// 2. Classifying a segment. Its words are taken with their punctuation
//    stripped ("(Reporting" -> "Reporting"); tokens of symbols only ("|",
//    "*", "»", "©") are dropped. A segment with no letters is neutral (page
//    numbers, the stray digits of a scrape): it neither counts as furniture
//    nor breaks a run of it. Otherwise the phrases of kRuleGroups are tried
//    in order: the segment must open with the phrase ("share this:",
//    "reporting by", "# comments" where '#' is a number and a final ':' must
//    be there), and the words after it must meet the group's constraint:
//      kNothing  only numbers: "Related", "Comments (3)", "Advertisement";
//      kAny      anything, up to a word count: phrases found only in
//                furniture ("your email address will not be published");
//      kNames    capitalized words, numbers, dates and a few connectors:
//                "By Jane Doe and John Roe, Reuters", "Photo by AP/X";
//      kSocial   network names: "Share this: Facebook Twitter WhatsApp";
//      kNoProse  up to a word count, and no finite verb or subject pronoun
//                from a closed list (is, was, has, will, said, he, they...):
//                "Photo: Police officers at the scene", "Subscribe now";
//      kDate     dates and times: "Updated March 3, 2024 10:15 AM ET".
//    Phrases that also open prose ("Read more broadly, ...", "Filed under
//    seal, ...") need their colon, or are followed by names only. A segment
//    that opens with a quotation mark is speech, never furniture.
//    After the table come a few shapes: a run of network names only, a
//    "© 2024 X" line, a media pointer ("Watch the full interview below:",
//    "View X in a larger map"), a credit naming an agency ("REUTERS/Jane
//    Doe"), and a line of dates and times.
//
// 3. The tail of a line. Segments are classified from the line's end back
//    to the first that is neither furniture nor neutral; the furniture ones
//    after it are reported (a neutral segment joins the furniture before it).
//    When the walk reaches the line's start, the whole line is furniture.
//    Each segment is looked at once, so this is linear.
//
// 4. Tags without a header. The last line with letters that is not already
//    furniture may end in a list of tags pasted from the page ("Coca
//    Colombia ELN Ex-FARC Mafia"): a segment of capitalized words and a few
//    connectors, with no final punctuation. It is accepted only at the very
//    end of the article's text, after a sentence of six or more words.
//
// 5. Runs of lines. A header line ("Related", "You may also like", "Tags")
//    takes the short lines after it that do not end like sentences (the
//    link titles of the list), up to the first line that does. Short
//    title-case lines between two navigation lines ("Home", "World",
//    "Business", "Search") are navigation. A line of three or more short
//    pieces separated by " | ", " > ", " » " or " / " is a breadcrumb or
//    menu, and a line with no letters or digits ("* * *", "-----") a
//    separator.
//
// 6. Pieces of the same kind with only whitespace between are merged.
#include "text/furniture.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace dyad {
namespace {

using text_internal::AbbreviationKind;
using text_internal::CaseOf;
using text_internal::DecodeUtf8;
using text_internal::IsAsciiAlnum;
using text_internal::IsAsciiAlpha;
using text_internal::IsAsciiLower;
using text_internal::IsDigit;
using text_internal::IsInitialism;
using text_internal::IsSpace;
using text_internal::IsSymbol;
using text_internal::LetterCase;
using text_internal::LookupAbbreviation;

enum class Kind : uint8_t {
  kNone,
  kNeutral,
  kNavigation,
  kAccount,
  kSubscribe,
  kComments,
  kCaptcha,
  kCookies,
  kRelated,
  kEmbed,
  kShare,
  kByline,
  kCredit,
  kReporting,
  kCopyright,
  kAdvertisement,
  kTags,
  kSeparator,
};

constexpr std::string_view kKindNames[] = {
    "",          "",          "navigation", "account",
    "subscribe", "comments",  "captcha",    "cookies",
    "related",   "embed",     "share",      "byline",
    "credit",    "reporting", "copyright",  "advertisement",
    "tags",      "separator",
};
static_assert(std::size(kKindNames) ==
              static_cast<size_t>(Kind::kSeparator) + 1);

enum class Follow : uint8_t {
  kNothing,
  kAny,
  kNames,
  kSocial,
  kNoProse,
  kDate,
};

struct RuleGroup {
  Kind kind;
  Follow follow;
  uint8_t max_rest;  // words allowed after the phrase (not for kNothing)
  // Lower-case phrases separated by '|'. In a phrase, '#' stands for a
  // number, and a word written with a final ':' must be followed by one.
  std::string_view phrases;
};

using K = Kind;
using F = Follow;

// Phrase groups, tried in order; the first phrase whose words and
// constraint both hold wins, so more specific phrases come before shorter
// ones of another kind. Phrases are separated by '|'.
constexpr RuleGroup kRuleGroups[] = {
    // Reuters-style credits: "(Reporting by X in Y; Editing by Z)".
    {K::kReporting, F::kNames, 40,
     "reporting by|additional reporting by|reporting and writing by|"
     "with reporting by|writing by|editing by"},
    {K::kReporting, F::kNames, 30, "compiled by|contributing:"},
    {K::kReporting, F::kNames, 20, "edited by|translated by"},
    // Comment forms.
    {K::kComments, F::kAny, 12,
     "leave a comment|leave a reply|leave a response|"
     "your email address will not be published|"
     "your email will not be published|notify me of"},
    {K::kComments, F::kAny, 6,
     "post a comment|add a comment|be the first to comment"},
    {K::kComments, F::kNoProse, 6,
     "write a comment|join the conversation|join the discussion"},
    {K::kComments, F::kNothing, 0,
     "add comment|post comment|submit comment|cancel reply|reply|"
     "comments|comment|# comments|# comment|# responses|# replies|"
     "show comments|view comments|load comments|hide comments|"
     "comments closed|name|website"},
    {K::kComments, F::kAny, 4,
     "comments are closed|you must be logged in to post a comment"},
    {K::kComments, F::kAny, 30, "required fields are marked"},
    {K::kComments, F::kAny, 20, "save my name email and website"},
    {K::kComments, F::kAny, 10, "this site uses akismet"},
    {K::kComments, F::kAny, 2, "learn how your comment data is processed"},
    // Newsletters and subscriptions (before "sign up" below).
    {K::kSubscribe, F::kNoProse, 10, "subscribe|become a member"},
    {K::kSubscribe, F::kNothing, 0,
     "newsletter|newsletters|newsletter sign-up|newsletter signup"},
    {K::kSubscribe, F::kNoProse, 12, "sign up for|sign up to"},
    {K::kSubscribe, F::kNoProse, 14, "get the latest"},
    {K::kSubscribe, F::kAny, 10,
     "get our newsletter|enter your email|enter your e-mail|"
     "thank you for subscribing|thanks for subscribing|"
     "thanks for signing up"},
    {K::kSubscribe, F::kAny, 6, "already a subscriber"},
    {K::kSubscribe, F::kAny, 20,
     "support our journalism|support independent journalism|"
     "support our work"},
    {K::kSubscribe, F::kNoProse, 4, "donate"},
    {K::kSubscribe, F::kNothing, 0, "subscribers only"},
    // Accounts.
    {K::kAccount, F::kNoProse, 3, "sign up|sign in|login|register"},
    {K::kAccount, F::kNoProse, 4, "log in|create an account"},
    {K::kAccount, F::kNothing, 0,
     "log out|logout|create account|my account|forgot password"},
    {K::kAccount, F::kAny, 6, "already have an account|don't have an account"},
    {K::kAccount, F::kAny, 3, "forgot your password"},
    // reCAPTCHA.
    {K::kCaptcha, F::kAny, 30,
     "this site is protected by recaptcha|"
     "this page is protected by recaptcha|"
     "this form is protected by recaptcha|protected by recaptcha"},
    {K::kCaptcha, F::kNothing, 0, "recaptcha"},
    // Cookies and consent.
    {K::kCookies, F::kAny, 60,
     "we use cookies|we and our partners use cookies|"
     "we and our partners store|this site uses cookies|"
     "this website uses cookies|our site uses cookies|"
     "our website uses cookies"},
    {K::kCookies, F::kAny, 40,
     "by continuing to use this site|by continuing to use this website|"
     "by continuing to use our site|by continuing to use our website|"
     "by continuing to browse|by using this site|by using this website|"
     "by using our site|by using our website"},
    {K::kCookies, F::kNothing, 0,
     "accept cookies|accept all cookies|accept all|reject all|accept|"
     "cookie settings|cookies settings|cookie policy|cookies policy|"
     "cookie preferences|cookie consent|manage cookies|manage consent|"
     "do not sell my personal information|"
     "do not sell or share my personal information|your privacy choices"},
    // Advertisements.
    {K::kAdvertisement, F::kNothing, 0,
     "advertisement|advertisement scroll to continue|"
     "advertisement continue reading below|advertising|ad|ads|sponsored|"
     "sponsored content|paid content|paid post|partner content|promoted|"
     "promoted content|story continues below advertisement|"
     "story continues below|article continues after advertisement|"
     "continue reading below|continue reading the main story|adchoices|"
     "report this ad"},
    {K::kAdvertisement, F::kNames, 8, "sponsored by"},
    {K::kAdvertisement, F::kNoProse, 3, "article continues below"},
    {K::kAdvertisement, F::kNoProse, 4, "scroll to continue|remove ads"},
    // Related and "read more" lists (headers take the lines after them).
    {K::kRelated, F::kNothing, 0,
     "related|related articles|related article|related stories|"
     "related story|related posts|related news|related content|"
     "related coverage|related reading|related links|related videos|"
     "more articles|more stories|more news|more coverage|"
     "more on this story|more on this topic|more|you may also like|"
     "you might also like|you may also be interested in|"
     "you may be interested in|you might be interested in|recommended|"
     "recommended for you|recommended stories|recommended articles|"
     "most read|most popular|most viewed|most shared|popular|"
     "popular stories|popular posts|trending|trending now|"
     "trending stories|top stories|latest|latest news|latest stories|"
     "latest articles|editor's picks|editors' picks|don't miss|"
     "further reading|keep reading|recent posts|recent articles|"
     "in case you missed it"},
    {K::kRelated, F::kNothing, 0,
     "read more|read next|read also|also read|see also"},
    // With a colon only: "Read more broadly, the law..." is prose.
    {K::kRelated, F::kNoProse, 20,
     "related:|read more:|read next:|read also:|also read:|see also:|"
     "previous article|next article|previous post|next post|"
     "previous story|next story|up next|click here"},
    {K::kRelated, F::kNoProse, 16, "read more about|read more on"},
    {K::kRelated, F::kNoProse, 6, "continue reading"},
    {K::kRelated, F::kNames, 10, "more from|more in|more on"},
    {K::kRelated, F::kNames, 20, "additional coverage:"},
    // Embedded media that did not come along.
    {K::kEmbed, F::kNoProse, 20, "watch:|video:|listen:|audio:"},
    {K::kEmbed, F::kAny, 12, "your browser does not support"},
    // Share buttons.
    {K::kShare, F::kSocial, 10, "share|follow us"},
    {K::kShare, F::kNothing, 0, "# shares|copy link|link copied"},
    {K::kShare, F::kSocial, 6, "tweet|click to share on"},
    // Bylines, dates and reading times.
    {K::kByline, F::kNames, 10, "by|posted by|written by"},
    {K::kByline, F::kDate, 12,
     "published|updated|last updated|posted|published on|posted on|"
     "updated on"},
    {K::kByline, F::kNames, 8, "words by|story by|text by|author:|reporter:"},
    {K::kByline, F::kNames, 12, "authors:"},
    {K::kByline, F::kNothing, 0, "# min read|# minute read|# minutes read"},
    {K::kByline, F::kNames, 6, "reading time"},
    // Photo and other credits, captions with a credit label.
    {K::kCredit, F::kNoProse, 40,
     "photo:|photos:|photograph:|image:|images:|image caption|"
     "media caption|picture:|pictures:|caption:|credit:|credits:|top:|"
     "top image:|top photo:|main image:|featured image:|header image:|"
     "lead image:|file photo:"},
    {K::kCredit, F::kNames, 12,
     "photo by|photos by|photo credit|photograph by|photography by|"
     "image by|image credit|image courtesy|image source|file photo|"
     "video courtesy|video by|graphic courtesy|graphic by|graphic c/o|"
     "graphics c/o|graphics by|map courtesy|illustration by|courtesy of"},
    {K::kCredit, F::kNames, 16, "photo credits"},
    {K::kCredit, F::kNames, 40, "top photo by"},
    {K::kCredit, F::kNoProse, 30,
     "graphic:|map:|infographic:|illustration:|source:|sources:"},
    // Copyright.
    {K::kCopyright, F::kAny, 20, "copyright #|copyright c #"},
    {K::kCopyright, F::kAny, 12, "all rights reserved|our standards:"},
    // Tags and topics.
    {K::kTags, F::kNothing, 0, "tags|tagged|topics"},
    {K::kTags, F::kNothing, 0, "related topics"},
    {K::kTags, F::kNoProse, 40,
     "tags:|tagged:|tagged with:|topics:|keywords:|related topics:|"
     "filed under:|explore more on these topics"},
    {K::kTags, F::kNoProse, 20, "topic:|categories:|category:"},
    // Without a colon, names only: "Filed under seal, ..." is prose.
    {K::kTags, F::kNames, 40, "filed under|tagged with|posted in"},
    // Navigation.
    {K::kNavigation, F::kNothing, 0,
     "skip to content|skip to main content|skip to navigation|"
     "skip to footer|toggle navigation|main menu|menu|open menu|"
     "close menu|close|search|home|homepage|back to top|go to top|"
     "scroll to top|about us|contact us|contact|privacy policy|privacy|"
     "terms of use|terms of service|terms and conditions|sitemap|"
     "site map|accessibility|careers|advertise|advertise with us|faq|"
     "previous|next"},
    {K::kNavigation, F::kNoProse, 12, "you are here:"},
};

// Every phrase is lower-case words of [a-z0-9'/-] (or '#'), one space
// apart, the last letter of a word optionally followed by ':'; PhraseIndex
// and MatchPhrase rely on it.
constexpr bool PhrasesAreWellFormed() {
  for (const RuleGroup& g : kRuleGroups) {
    const std::string_view p = g.phrases;
    if (p.empty() || p.back() == '|') return false;
    char prev = '|';
    for (const char c : p) {
      const bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             c == '\'' || c == '/' || c == '-' || c == '#';
      if (c == ' ' || c == '|') {
        if (prev == ' ' || prev == '|') return false;
      } else if (c == ':') {
        if (prev == ' ' || prev == '|' || prev == ':') return false;
      } else if (!word_char || prev == ':') {
        return false;
      }
      if ((prev == '|' || prev == ' ') && !(c >= 'a' && c <= 'z') && c != '#') {
        return false;
      }
      prev = c;
    }
  }
  return true;
}
static_assert(PhrasesAreWellFormed());

// Phrases that make a segment furniture wherever they occur in it, when the
// segment has at most `max_words` words.
struct AnywherePhrase {
  std::string_view phrase;
  Kind kind;
  size_t max_words;
};
constexpr AnywherePhrase kAnywherePhrases[] = {
    {"privacy policy and terms of service apply", K::kCaptcha, 40},
    {"all rights reserved", K::kCopyright, 25},
};

// Words of share-button rows. Network names mark one; the rest may join.
constexpr std::string_view kNetworkWords[] = {
    "bluesky",   "e-mail",   "email",    "facebook",  "flipboard",
    "instagram", "linkedin", "mastodon", "messenger", "pinterest",
    "print",     "reddit",   "telegram", "tiktok",    "tumblr",
    "twitter",   "wechat",   "weibo",    "whatsapp",  "youtube",
};
constexpr std::string_view kSocialWords[] = {
    "and",   "article", "copied", "copy",    "friends", "link",  "mail",
    "on",    "or",      "page",   "pocket",  "post",    "share", "sms",
    "story", "the",     "this",   "threads", "tweet",   "url",   "us",
    "via",   "vk",      "with",   "x",
};

// Lower-case words allowed among names in bylines and credits.
constexpr std::string_view kNameConnectors[] = {
    "a.m",
    "ago",
    "additional",
    "and",
    "at",
    "by",
    "c/o",
    "compiled",
    "contributing",
    "contributor",
    "correspondent",
    "da",
    "das",
    "de",
    "del",
    "den",
    "der",
    "di",
    "do",
    "dos",
    "du",
    "e",
    "edited",
    "editing",
    "editor",
    "el",
    "for",
    "from",
    "hour",
    "hours",
    "in",
    "la",
    "las",
    "le",
    "los",
    "min",
    "mins",
    "minute",
    "minutes",
    "of",
    "on",
    "p.m",
    "photographer",
    "published",
    "read",
    "reporter",
    "reporting",
    "senior",
    "staff",
    "the",
    "updated",
    "van",
    "via",
    "von",
    "with",
    "writer",
    "writing",
    "y",
};

// Closed-class signs of a sentence: finite auxiliaries, reporting verbs and
// subject pronouns, in lower case (headline case "Is" does not count).
constexpr std::string_view kProseCues[] = {
    "according", "added",     "announced", "are",    "be",    "been", "can",
    "claimed",   "confirmed", "could",     "denied", "did",   "do",   "does",
    "had",       "has",       "have",      "he",     "is",    "may",  "might",
    "must",      "noted",     "reported",  "said",   "say",   "says", "shall",
    "she",       "should",    "stated",    "tell",   "tells", "they", "told",
    "urged",     "warned",    "was",       "we",     "were",  "will", "would",
    "wrote",
};

// Lower-case words allowed in a list of tags.
constexpr std::string_view kTagConnectors[] = {
    "a",   "and", "de", "del", "e",   "el",  "for", "in", "la",
    "las", "los", "of", "on",  "per", "the", "to",  "vs", "y",
};

constexpr std::string_view kDateWords[] = {
    "a.m",     "ago",   "am",      "at",  "bst",       "cet",
    "day",     "days",  "edt",     "est", "et",        "gmt",
    "hour",    "hours", "last",    "min", "mins",      "minute",
    "minutes", "on",    "p.m",     "pm",  "posted",    "published",
    "read",    "today", "updated", "utc", "yesterday",
};
constexpr std::string_view kDateAnchors[] = {
    "ago",      "apr",      "april",     "aug",       "august", "dec",
    "december", "feb",      "february",  "fri",       "friday", "jan",
    "january",  "jul",      "july",      "jun",       "june",   "mar",
    "march",    "may",      "mon",       "monday",    "nov",    "november",
    "oct",      "october",  "posted",    "published", "read",   "sat",
    "saturday", "sep",      "sept",      "september", "sun",    "sunday",
    "thu",      "thursday", "thurs",     "tue",       "tues",   "tuesday",
    "updated",  "wed",      "wednesday",
};

// Imperatives that open a pointer to media left out of the paste.
constexpr std::string_view kEmbedVerbs[] = {
    "check", "click", "download", "explore", "find",  "listen",
    "read",  "see",   "tap",      "view",    "watch",
};

// Photo agencies named before a '/' in credits ("REUTERS/Jane Doe").
constexpr std::string_view kAgencies[] = {
    "afp", "ansa", "ap", "dpa", "efe", "epa", "getty", "reuters", "xinhua",
};

constexpr size_t kMaxSegmentWords = 64;
constexpr size_t kMaxParenBytes = 300;
constexpr size_t kMaxWordBehind = 32;
constexpr size_t kMinProseWords = 6;
constexpr size_t kMaxItemWords = 24;
constexpr size_t kMaxMenuWords = 3;

unsigned char Byte(std::string_view t, size_t i) {
  return static_cast<unsigned char>(t[i]);
}

char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != lower[i]) return false;
  }
  return true;
}

template <size_t N>
bool InListIgnoreCase(std::string_view word,
                      const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (EqualsIgnoreCase(word, w)) return true;
  }
  return false;
}

bool IsTerminator(unsigned char c) { return c == '.' || c == '!' || c == '?'; }
bool IsCloser(unsigned char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']';
}

// True for characters that make up words: ASCII letters and digits, and
// non-ASCII characters that are not symbols.
bool IsWordCharAt(std::string_view t, size_t i, size_t* len) {
  char32_t cp;
  *len = DecodeUtf8(t, i, &cp);
  if (cp < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(cp));
  return !IsSymbol(cp);
}

// A whitespace-separated token with its punctuation stripped.
struct Word {
  std::string_view raw;
  std::string_view core;  // never empty: symbol-only tokens are dropped
  bool letter = false;    // has a letter
  bool upper = false;     // first character an upper-case letter
  bool number = false;    // starts with a digit
  bool colon = false;     // a ':' follows the core
  bool terminal = false;  // '.', '!' or '?' follows the core
};

// Appends the words of t[begin, end) to *out, at most `limit` of them;
// returns false when there were more.
bool SplitWords(std::string_view t, size_t begin, size_t end, size_t limit,
                std::vector<Word>* out) {
  out->clear();
  size_t i = begin;
  while (i < end) {
    while (i < end && IsSpace(Byte(t, i))) ++i;
    if (i >= end) break;
    const size_t tb = i;
    while (i < end && !IsSpace(Byte(t, i))) ++i;
    const std::string_view raw = t.substr(tb, i - tb);
    // Strip from the left, then find the last word character.
    size_t cb = 0, len = 0;
    while (cb < raw.size() && !IsWordCharAt(raw, cb, &len)) cb += len;
    if (cb >= raw.size()) continue;  // symbols only
    size_t ce = cb;
    for (size_t k = cb; k < raw.size(); k += len) {
      if (IsWordCharAt(raw, k, &len)) ce = k + len;
    }
    Word w;
    w.raw = raw;
    w.core = raw.substr(cb, ce - cb);
    for (size_t k = 0; k < w.core.size(); ++k) {
      const unsigned char c = Byte(w.core, k);
      if (IsAsciiAlpha(c) || c >= 0x80) {
        w.letter = true;
        break;
      }
    }
    char32_t cp;
    DecodeUtf8(w.core, 0, &cp);
    w.upper = CaseOf(cp) == LetterCase::kUpper;
    w.number = IsDigit(Byte(w.core, 0));
    for (size_t k = ce; k < raw.size(); ++k) {
      const unsigned char c = Byte(raw, k);
      if (c == ':') w.colon = true;
      if (IsTerminator(c)) w.terminal = true;
    }
    if (out->size() == limit) return false;
    out->push_back(w);
  }
  return true;
}

bool IsProseCue(std::string_view core) {
  if (core == "I") return true;
  return std::find(std::begin(kProseCues), std::end(kProseCues), core) !=
         std::end(kProseCues);
}

// Whether words[from] onward start with `phrase`; sets *next past it.
bool MatchPhrase(const std::vector<Word>& words, size_t from,
                 std::string_view phrase, size_t* next) {
  size_t i = from;
  while (!phrase.empty()) {
    const size_t sp = phrase.find(' ');
    std::string_view pw = phrase.substr(0, sp);
    phrase = sp == std::string_view::npos ? std::string_view()
                                          : phrase.substr(sp + 1);
    if (i >= words.size()) return false;
    const Word& w = words[i++];
    if (pw == "#") {
      if (!w.number) return false;
      continue;
    }
    if (LowerAscii(w.core[0]) != pw[0]) return false;  // the usual exit
    const bool need_colon = pw.back() == ':';
    if (need_colon) pw.remove_suffix(1);
    if (!EqualsIgnoreCase(w.core, pw) || (need_colon && !w.colon)) {
      return false;
    }
  }
  *next = i;
  return true;
}

bool FollowHolds(const std::vector<Word>& words, size_t from, Follow follow,
                 size_t max_rest) {
  const size_t rest = words.size() - from;
  if (follow == Follow::kNothing) {
    for (size_t i = from; i < words.size(); ++i) {
      if (words[i].letter) return false;
    }
    return true;
  }
  if (rest > max_rest) return false;
  switch (follow) {
    case Follow::kAny:
      return true;
    case Follow::kNames: {
      size_t anchors = 0;
      for (size_t i = from; i < words.size(); ++i) {
        const Word& w = words[i];
        if (!w.letter || w.number) {
          ++anchors;
        } else if (w.upper) {
          ++anchors;
        } else if (!InListIgnoreCase(w.core, kNameConnectors)) {
          return false;
        }
      }
      return anchors > 0;
    }
    case Follow::kSocial:
      for (size_t i = from; i < words.size(); ++i) {
        const Word& w = words[i];
        if (w.letter && !InListIgnoreCase(w.core, kSocialWords) &&
            !InListIgnoreCase(w.core, kNetworkWords)) {
          return false;
        }
      }
      return true;
    case Follow::kNoProse:
      for (size_t i = from; i < words.size(); ++i) {
        if (IsProseCue(words[i].core)) return false;
      }
      return true;
    case Follow::kDate: {
      bool number = false;
      for (size_t i = from; i < words.size(); ++i) {
        const Word& w = words[i];
        if (w.number) {
          number = true;
        } else if (w.letter && !InListIgnoreCase(w.core, kDateAnchors) &&
                   !InListIgnoreCase(w.core, kDateWords)) {
          return false;
        }
      }
      return number;
    }
    case Follow::kNothing:
      break;
  }
  return false;
}

bool IsShareRow(const std::vector<Word>& words) {
  bool network = false;
  for (const Word& w : words) {
    if (!w.letter) continue;
    if (InListIgnoreCase(w.core, kNetworkWords)) {
      network = true;
    } else if (!InListIgnoreCase(w.core, kSocialWords)) {
      return false;
    }
  }
  return network;
}

bool IsEmbedPointer(const std::vector<Word>& words) {
  if (words.size() > 25 || !words[0].upper ||
      !InListIgnoreCase(words[0].core, kEmbedVerbs)) {
    return false;
  }
  bool pointer = false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].letter) pointer = words[i].colon;  // ends with ':'
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view c = words[i].core;
    if (IsProseCue(c)) return false;
    if (EqualsIgnoreCase(c, "here") || EqualsIgnoreCase(c, "below") ||
        EqualsIgnoreCase(c, "above") ||
        (i > 0 && EqualsIgnoreCase(c, "map") &&
         EqualsIgnoreCase(words[i - 1].core, "larger"))) {
      pointer = true;
    }
  }
  return pointer;
}

// "REUTERS/Jane Doe", "(AP Photo/Fernando Llano)": names only, with an
// agency or "Photo" before a '/'.
bool IsAgencyCredit(const std::vector<Word>& words) {
  if (words.size() > 16) return false;
  bool agency = false;
  for (const Word& w : words) {
    const size_t slash = w.core.find('/');
    if (slash != std::string_view::npos &&
        (InListIgnoreCase(w.core.substr(0, slash), kAgencies) ||
         EqualsIgnoreCase(w.core.substr(0, slash), "photo"))) {
      agency = true;
    }
    if (w.letter && !w.upper && !w.number &&
        !InListIgnoreCase(w.core, kNameConnectors)) {
      return false;
    }
  }
  return agency;
}

bool IsDateLine(const std::vector<Word>& words) {
  // "July 2009." ends a sentence ("from July 2008 - July 2009."), not a page.
  if (words.size() > 14 || words.back().terminal) return false;
  bool number = false, anchor = false;
  for (const Word& w : words) {
    if (w.number) {
      number = true;
    } else if (InListIgnoreCase(w.core, kDateAnchors)) {
      anchor = true;
    } else if (w.letter && !InListIgnoreCase(w.core, kDateWords)) {
      return false;
    }
  }
  return number && anchor;
}

// "© 2024 Reuters", "(c) 2024 X": the segment opens with the sign.
bool IsCopyrightSign(std::string_view seg, const std::vector<Word>& words) {
  if (words.size() > 20) return false;
  char32_t cp;
  DecodeUtf8(seg, 0, &cp);
  if (cp == 0xA9) return true;
  return words[0].raw == "(c)" || words[0].raw == "(C)";
}

bool IsTagList(const std::vector<Word>& words) {
  if (words.size() > 40 || !words[0].upper) return false;
  // Tags are capitalized, save connectors and the odd lower-case tag
  // ("FARC peace", "gang truce").
  size_t caps = 0, small = 0, lower = 0;
  for (const Word& w : words) {
    if (!w.letter || w.number) continue;
    if (w.upper) {
      ++caps;
    } else if (InListIgnoreCase(w.core, kTagConnectors)) {
      ++small;
    } else if (IsProseCue(w.core)) {
      return false;
    } else {
      ++lower;
    }
  }
  // Tags carry no sentence or clause punctuation ("Volume 2:" introduces
  // something; "Osorio Chong." ends a sentence).
  for (const Word& w : words) {
    if (w.terminal || w.colon || w.raw.back() == ';') return false;
  }
  return caps > 0 && small <= caps && 3 * lower <= caps;
}

// The phrases of kRuleGroups by their first character ('a'-'z', then '#'
// for a number), in table order, so a segment is tried only against the
// phrases that can match its first word. Built once; read-only after.
struct IndexedPhrase {
  std::string_view phrase;
  uint16_t group;
};
struct PhraseIndexTable {
  std::vector<IndexedPhrase> buckets[28];  // [27] stays empty
};

const PhraseIndexTable& PhraseIndex() {
  static const PhraseIndexTable* const index = [] {
    auto* t = new PhraseIndexTable;
    for (size_t g = 0; g < std::size(kRuleGroups); ++g) {
      std::string_view rest = kRuleGroups[g].phrases;
      while (!rest.empty()) {
        const size_t bar = rest.find('|');
        const std::string_view phrase = rest.substr(0, bar);
        rest = bar == std::string_view::npos ? std::string_view()
                                             : rest.substr(bar + 1);
        const size_t bucket = phrase[0] == '#' ? 26 : phrase[0] - 'a';
        t->buckets[bucket].push_back({phrase, static_cast<uint16_t>(g)});
      }
    }
    return t;
  }();
  return *index;
}

struct Verdict {
  Kind kind = Kind::kNone;
  bool header = false;  // a list header with nothing after it ("Related")
};

class Finder {
 public:
  explicit Finder(std::string_view t) : t_(t) {}

  std::vector<FurnitureSpan> Run();

 private:
  struct Range {
    size_t begin = 0;
    size_t end = 0;
  };
  struct Piece {
    size_t begin = 0;
    size_t end = 0;
    Kind kind = Kind::kNone;
  };
  struct Line {
    size_t begin = 0;  // trimmed
    size_t end = 0;
    bool whole = false;  // the whole line is furniture
    bool header = false;
    std::vector<Piece> pieces;
  };

  Verdict Classify(const Range& seg, bool allow_tags);
  void Segment(size_t begin, size_t end);
  bool WordBeforeBinds(size_t seg_begin, size_t period, size_t next) const;
  void FindTail(Line* line, bool allow_tags, bool prose_before);
  bool EndsLikeSentence(const Range& r, size_t min_words);
  bool IsSeparatorLine(const Line& line) const;
  bool HasLetter(const Line& line) const;
  static bool IsSingleKind(const Line& line);
  Kind BreadcrumbKind(const Line& line);
  bool IsShortUnpunctuated(const Line& line, size_t max_words, bool title_case);
  void ExtendRuns();

  std::string_view t_;
  std::vector<Line> lines_;      // the lines that are not blank
  std::vector<Range> segments_;  // scratch
  std::vector<Kind> kinds_;      // scratch, one per segment
  std::vector<Word> words_;      // scratch
};

// Whether the period at `period` belongs to the word before it (Gen. No. J.
// U.S.) rather than ending a segment; `next` is the character after the
// space.
bool Finder::WordBeforeBinds(size_t seg_begin, size_t period,
                             size_t next) const {
  size_t wb = period;
  while (wb > seg_begin && period - wb < kMaxWordBehind &&
         !IsSpace(Byte(t_, wb - 1))) {
    --wb;
  }
  while (wb < period && !IsAsciiAlnum(Byte(t_, wb))) ++wb;
  const std::string_view word = t_.substr(wb, period - wb);
  if (word.size() == 1 && IsAsciiAlpha(Byte(word, 0))) return true;
  if (IsInitialism(word)) return true;
  switch (LookupAbbreviation(word)) {
    case AbbreviationKind::kTitle:
      return true;
    case AbbreviationKind::kNumber:
    case AbbreviationKind::kMonth:
      return next < t_.size() && IsDigit(Byte(t_, next));
    default:
      return false;
  }
}

// Cuts t_[begin, end) (one line) into trimmed segments in segments_.
void Finder::Segment(size_t begin, size_t end) {
  segments_.clear();
  size_t i = begin;
  while (i < end) {
    while (i < end && IsSpace(Byte(t_, i))) ++i;
    if (i >= end) break;
    const size_t start = i;
    size_t stop = end;  // exclusive end of this segment
    size_t next = end;  // where the following one starts
    bool done = false;
    if (Byte(t_, i) == '(') {
      int depth = 0;
      for (size_t k = i; k < end && k - i < kMaxParenBytes; ++k) {
        if (Byte(t_, k) == '(') ++depth;
        if (Byte(t_, k) == ')' && --depth == 0) {
          if (k + 1 == end || IsSpace(Byte(t_, k + 1))) {
            stop = k + 1;
            next = k + 1;
            done = true;
          }
          break;
        }
      }
    }
    for (size_t k = i; !done && k < end; ++k) {
      if (!IsTerminator(Byte(t_, k))) continue;
      size_t m = k + 1;
      while (m < end && (IsTerminator(Byte(t_, m)) || IsCloser(Byte(t_, m)))) {
        ++m;
      }
      if (m < end && !IsSpace(Byte(t_, m))) {
        k = m - 1;
        continue;
      }
      size_t r = m;
      while (r < end && IsSpace(Byte(t_, r))) ++r;
      if (r < end) {
        if (IsAsciiLower(Byte(t_, r))) {
          k = m - 1;
          continue;
        }
        if (m == k + 1 && Byte(t_, k) == '.' && WordBeforeBinds(start, k, r)) {
          k = m - 1;
          continue;
        }
      }
      stop = m;
      next = r;
      done = true;
    }
    while (stop > start && IsSpace(Byte(t_, stop - 1))) --stop;
    segments_.push_back({start, stop});
    i = next;
  }
}

Verdict Finder::Classify(const Range& seg, bool allow_tags) {
  Verdict v;
  if (!SplitWords(t_, seg.begin, seg.end, kMaxSegmentWords, &words_)) {
    return v;  // too long for furniture
  }
  bool letter = false;
  for (const Word& w : words_) letter = letter || w.letter;
  if (!letter) {
    v.kind = Kind::kNeutral;
    return v;
  }
  // Quoted speech is never furniture ("We use cookies to track you," ...).
  const unsigned char open = Byte(words_[0].raw, 0);
  if (open == '"' || open == '\'') return v;
  const Word& first = words_[0];
  const size_t bucket = first.number ? 26
                        : IsAsciiAlpha(Byte(first.core, 0))
                            ? LowerAscii(first.core[0]) - 'a'
                            : 27;
  for (const IndexedPhrase& p : PhraseIndex().buckets[bucket]) {
    size_t next;
    const RuleGroup& g = kRuleGroups[p.group];
    if (MatchPhrase(words_, 0, p.phrase, &next) &&
        FollowHolds(words_, next, g.follow, g.max_rest)) {
      v.kind = g.kind;
      bool rest_letters = false;
      for (size_t i = next; i < words_.size(); ++i) {
        rest_letters = rest_letters || words_[i].letter;
      }
      v.header =
          !rest_letters && (g.kind == Kind::kRelated || g.kind == Kind::kTags);
      return v;
    }
  }
  for (const AnywherePhrase& a : kAnywherePhrases) {
    if (words_.size() > a.max_words) continue;
    size_t next;
    for (size_t i = 0; i < words_.size(); ++i) {
      if (MatchPhrase(words_, i, a.phrase, &next)) {
        v.kind = a.kind;
        return v;
      }
    }
  }
  const std::string_view text = t_.substr(seg.begin, seg.end - seg.begin);
  if (IsShareRow(words_)) {
    v.kind = Kind::kShare;
  } else if (IsCopyrightSign(text, words_)) {
    v.kind = Kind::kCopyright;
  } else if (IsEmbedPointer(words_)) {
    v.kind = Kind::kEmbed;
  } else if (IsAgencyCredit(words_)) {
    v.kind = Kind::kCredit;
  } else if (IsDateLine(words_)) {
    v.kind = Kind::kByline;
  } else if (allow_tags && IsTagList(words_)) {
    v.kind = Kind::kTags;
  }
  return v;
}

// Whether t_[r] ends like a sentence ('.', '!' or '?' before any closing
// quotes and brackets) and has at least `min_words` words.
bool Finder::EndsLikeSentence(const Range& r, size_t min_words) {
  size_t e = r.end;
  while (e > r.begin && IsCloser(Byte(t_, e - 1))) --e;
  if (e == r.begin || !IsTerminator(Byte(t_, e - 1))) return false;
  size_t words = 0;
  bool in_word = false;
  for (size_t i = r.begin; i < r.end && words < min_words; ++i) {
    const bool space = IsSpace(Byte(t_, i));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words >= min_words;
}

// Finds the furniture at the end of `line` (see 3. above). With
// `allow_tags`, the last segment may be a tag list, kept only when prose
// comes before it: a sentence in this line, or `prose_before` when the
// walk reaches the line's start.
void Finder::FindTail(Line* line, bool allow_tags, bool prose_before) {
  line->pieces.clear();
  line->whole = false;
  line->header = false;
  Segment(line->begin, line->end);
  size_t first = segments_.size();  // first segment of the tail
  std::vector<Kind>& kinds = kinds_;
  kinds.assign(segments_.size(), Kind::kNone);
  bool last_content = true;  // no segment with letters seen yet
  bool any = false, tags = false, header = false;
  size_t furniture_segments = 0;
  for (size_t k = segments_.size(); k-- > 0;) {
    const Verdict v = Classify(segments_[k], allow_tags && last_content);
    if (v.kind == Kind::kNone) break;
    kinds[k] = v.kind;
    first = k;
    if (v.kind != Kind::kNeutral) {
      any = true;
      ++furniture_segments;
      last_content = false;
      tags = tags || (v.kind == Kind::kTags && allow_tags);
      header = v.header;
    }
  }
  if (!any) return;
  if (tags) {
    const bool ok = first > 0
                        ? EndsLikeSentence(segments_[first - 1], kMinProseWords)
                        : prose_before;
    if (!ok) return;
  }
  while (kinds[first] == Kind::kNeutral) ++first;  // any is true: stops
  line->whole = first == 0;
  line->header = line->whole && header && furniture_segments == 1;
  for (size_t k = first; k < segments_.size(); ++k) {
    if (kinds[k] == Kind::kNeutral) {
      line->pieces.back().end = segments_[k].end;
    } else {
      line->pieces.push_back({segments_[k].begin, segments_[k].end, kinds[k]});
    }
  }
}

bool Finder::HasLetter(const Line& line) const {
  for (size_t i = line.begin; i < line.end;) {
    char32_t cp;
    i += DecodeUtf8(t_, i, &cp);
    if (cp < 0x80 ? IsAsciiAlpha(static_cast<unsigned char>(cp))
                  : !IsSymbol(cp)) {
      return true;
    }
  }
  return false;
}

bool Finder::IsSingleKind(const Line& line) {
  return line.whole && line.pieces.size() == 1;
}

bool Finder::IsSeparatorLine(const Line& line) const {
  for (size_t i = line.begin; i < line.end;) {
    size_t len;
    if (IsWordCharAt(t_, i, &len)) return false;
    i += len;
  }
  return true;
}

// A line of three or more short pieces between " | ", " > ", " » ", " › ",
// " / ", " • " or " · ": navigation, or share when every piece is a network.
Kind Finder::BreadcrumbKind(const Line& line) {
  size_t pieces = 0;
  bool all_social = true;
  bool empty_inside = false;
  size_t piece_begin = line.begin;
  for (size_t i = line.begin; i <= line.end;) {
    size_t j = i;
    while (j < line.end && !IsSpace(Byte(t_, j))) ++j;
    const std::string_view tok = t_.substr(i, j - i);
    const bool sep = tok == "|" || tok == ">" || tok == "\u00bb" ||
                     tok == "\u203a" || tok == "/" || tok == "\u2022" ||
                     tok == "\u00b7";
    if (sep || i >= line.end) {
      // The piece [piece_begin, i) ends here.
      if (!SplitWords(t_, piece_begin, i, 5, &words_)) return Kind::kNone;
      if (words_.empty()) {
        empty_inside = empty_inside || (pieces > 0 && sep);
      } else {
        if (empty_inside || words_.back().terminal) return Kind::kNone;
        for (const Word& w : words_) {
          if (IsProseCue(w.core)) return Kind::kNone;
        }
        all_social = all_social && IsShareRow(words_);
        ++pieces;
      }
      piece_begin = j;
    }
    if (i >= line.end) break;
    i = j;
    while (i < line.end && IsSpace(Byte(t_, i))) ++i;
  }
  if (pieces < 3) return Kind::kNone;
  return all_social ? Kind::kShare : Kind::kNavigation;
}

// A line of at most `max_words` words, with letters, that does not end like
// a sentence; with `title_case`, every word capitalized (or "and", "of").
bool Finder::IsShortUnpunctuated(const Line& line, size_t max_words,
                                 bool title_case) {
  if (!SplitWords(t_, line.begin, line.end, max_words, &words_) ||
      words_.empty()) {
    return false;
  }
  bool letter = false;
  for (const Word& w : words_) {
    letter = letter || w.letter;
    if (title_case && w.letter && !w.upper &&
        !EqualsIgnoreCase(w.core, "and") && !EqualsIgnoreCase(w.core, "of")) {
      return false;
    }
  }
  if (!letter) return false;
  size_t e = line.end;
  while (e > line.begin && IsCloser(Byte(t_, e - 1))) --e;
  // "..." (a cut title) does not end a sentence; a single '.' does.
  const bool ellipsis = e - line.begin >= 3 && t_.substr(e - 3, 3) == "...";
  return !(e > line.begin && Byte(t_, e - 1) == '.' && !ellipsis);
}

// 5. above: list headers take their items; menus between navigation lines.
void Finder::ExtendRuns() {
  const size_t n = lines_.size();
  for (size_t i = 0; i < n; ++i) {
    if (!lines_[i].header) continue;
    const Kind kind = lines_[i].pieces.front().kind;
    const size_t max_words = kind == Kind::kTags ? 6 : kMaxItemWords;
    size_t j = i + 1;
    for (; j < n; ++j) {
      Line& item = lines_[j];
      if (item.header) break;  // the next list; the outer loop takes it
      if (item.whole) continue;
      if (!item.pieces.empty() ||
          !IsShortUnpunctuated(item, max_words, /*title_case=*/false)) {
        break;
      }
      item.whole = true;
      item.pieces.push_back({item.begin, item.end, kind});
    }
    i = j - 1;  // each line is walked over once
  }
  // A one-word line between two lines of one kind takes their kind ("Email"
  // in a comment form is not a share button).
  size_t before = n, at = n;  // the two lines before line i
  for (size_t i = 0; i < n; ++i) {
    if (before != n && IsSingleKind(lines_[before]) &&
        IsSingleKind(lines_[at]) && IsSingleKind(lines_[i])) {
      const Kind k = lines_[before].pieces.front().kind;
      Piece& mid = lines_[at].pieces.front();
      if (lines_[i].pieces.front().kind == k && mid.kind != k &&
          SplitWords(t_, mid.begin, mid.end, 1, &words_)) {
        mid.kind = k;
      }
    }
    before = at;
    at = i;
  }
  auto is_nav = [](const Line& l) {
    return l.whole && (l.pieces.front().kind == Kind::kNavigation ||
                       l.pieces.front().kind == Kind::kAccount ||
                       l.pieces.front().kind == Kind::kSubscribe);
  };
  size_t last_nav = n;  // index of the last navigation line in this block
  std::vector<size_t> pending;
  for (size_t i = 0; i < n; ++i) {
    Line& l = lines_[i];
    if (is_nav(l)) {
      if (last_nav != n) {
        for (size_t p : pending) {
          lines_[p].whole = true;
          lines_[p].pieces.push_back(
              {lines_[p].begin, lines_[p].end, Kind::kNavigation});
        }
      }
      pending.clear();
      last_nav = i;
    } else if (l.pieces.empty() && last_nav != n &&
               IsShortUnpunctuated(l, kMaxMenuWords, /*title_case=*/true)) {
      pending.push_back(i);
    } else {
      pending.clear();
      last_nav = n;
    }
  }
}

std::vector<FurnitureSpan> Finder::Run() {
  // 1-3: lines and their tails.
  for (size_t b = 0; b <= t_.size();) {
    size_t e = t_.find('\n', b);
    if (e == std::string_view::npos) e = t_.size();
    Line line;
    line.begin = b;
    line.end = e;
    while (line.begin < line.end && IsSpace(Byte(t_, line.begin))) ++line.begin;
    while (line.end > line.begin && IsSpace(Byte(t_, line.end - 1))) --line.end;
    b = e + 1;
    if (line.begin == line.end) continue;  // blank
    if (IsSeparatorLine(line)) {
      line.whole = true;
      line.pieces.push_back({line.begin, line.end, Kind::kSeparator});
    } else {
      FindTail(&line, /*allow_tags=*/false, false);
      if (!line.whole) {
        const Kind crumb = BreadcrumbKind(line);
        if (crumb != Kind::kNone) {
          line.whole = true;
          line.header = false;
          line.pieces.assign(1, {line.begin, line.end, crumb});
        }
      }
    }
    lines_.push_back(std::move(line));
  }
  // 5: runs.
  ExtendRuns();
  // 4: tags at the end of the text.
  size_t last = lines_.size();
  while (last > 0) {
    const Line& l = lines_[last - 1];
    if (!l.whole && HasLetter(l)) break;
    --last;
  }
  if (last > 0) {
    Line& l = lines_[last - 1];
    bool prose_before = false;
    if (last >= 2) {
      const Line& p = lines_[last - 2];
      prose_before =
          p.whole || EndsLikeSentence({p.begin, p.end}, kMinProseWords);
    }
    Line trial = l;
    FindTail(&trial, /*allow_tags=*/true, prose_before);
    if (!trial.pieces.empty() &&
        (l.pieces.empty() ||
         trial.pieces.front().begin < l.pieces.front().begin)) {
      l = std::move(trial);
    }
  }
  // 6: merge and emit.
  std::vector<FurnitureSpan> out;
  Kind prev = Kind::kNone;
  for (const Line& l : lines_) {
    for (const Piece& p : l.pieces) {
      if (!out.empty() && prev == p.kind) {
        bool gap_blank = true;
        for (size_t i = out.back().end; i < p.begin && gap_blank; ++i) {
          gap_blank = IsSpace(Byte(t_, i));
        }
        if (gap_blank) {
          out.back().end = p.end;
          continue;
        }
      }
      out.push_back({p.begin, p.end,
                     std::string(kKindNames[static_cast<size_t>(p.kind)])});
      prev = p.kind;
    }
  }
  return out;
}

}  // namespace

std::vector<FurnitureSpan> FindFurniture(std::string_view normalized) {
  return Finder(normalized).Run();
}

}  // namespace dyad
