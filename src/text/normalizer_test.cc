#include "text/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dyad {
namespace {

// Checks what every NormalizedText must satisfy, whatever the input.
void ExpectWellFormed(std::string_view raw, const NormalizedText& n) {
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  ASSERT_EQ(n.lower.size(), n.text.size());
  EXPECT_EQ(n.to_original.back(), raw.size());
  for (size_t i = 0; i + 1 < n.to_original.size(); ++i) {
    EXPECT_LE(n.to_original[i], n.to_original[i + 1]) << "at " << i;
  }
}

struct NormalizeCase {
  const char* name;
  std::string_view raw;
  std::string_view text;
  size_t diagnostics;
};

const NormalizeCase kNormalizeCases[] = {
    {"plain ascii", "Iraqi troops, 3 killed.", "Iraqi troops, 3 killed.", 0},
    {"empty", "", "", 0},
    {"tab and newline kept", "a\tb\nc", "a\tb\nc", 0},
    // Quotes and apostrophes.
    {"curly apostrophe", "US\u2019 forces", "US' forces", 0},
    {"single quotes", "\u2018no\u2019", "'no'", 0},
    {"modifier apostrophe", "Hawai\u02BCi", "Hawai'i", 0},
    {"acute accent as apostrophe", "don\u00B4t", "don't", 0},
    {"backtick", "`quoted'", "'quoted'", 0},
    {"curly double quotes", "\u201CHi,\u201D she said", "\"Hi,\" she said", 0},
    {"low-9 quote", "\u201EJa\u201C", "\"Ja\"", 0},
    {"guillemets", "\u00ABnon\u00BB", "\"non\"", 0},
    {"double prime", "5\u2033", "5\"", 0},
    // Dashes.
    {"hyphen", "al\u2010Sudani", "al-Sudani", 0},
    {"non-breaking hyphen", "al\u2011Sudani", "al-Sudani", 0},
    {"figure dash", "1\u20122", "1-2", 0},
    {"en dash", "2020\u20132021", "2020-2021", 0},
    {"em dash", "KABUL \u2014 Troops", "KABUL - Troops", 0},
    {"horizontal bar", "a\u2015b", "a-b", 0},
    {"minus sign", "\u22125", "-5", 0},
    {"ellipsis", "wait\u2026", "wait...", 0},
    // Spaces.
    {"nbsp", "3.5\u00A0percent", "3.5 percent", 0},
    {"thin space", "10\u2009000", "10 000", 0},
    {"em space", "a\u2003b", "a b", 0},
    {"narrow nbsp", "a\u202Fb", "a b", 0},
    {"ideographic space", "a\u3000b", "a b", 0},
    {"zero-width space dropped", "a\u200Bb", "ab", 0},
    {"bom dropped", "\uFEFFHello", "Hello", 0},
    {"soft hyphen dropped", "cease\u00ADfire", "ceasefire", 0},
    {"direction marks dropped", "\u200Fabc\u200E", "abc", 0},
    {"zwj kept", "a\u200Db", "a\u200Db", 0},
    // Line ends and controls.
    {"crlf", "a\r\nb", "a\nb", 0},
    {"lone cr", "a\rb\r", "a\nb\n", 0},
    {"cr cr lf", "a\r\r\nb", "a\n\nb", 0},
    {"line separator", "a\u2028b", "a\nb", 0},
    {"paragraph separator", "a\u2029b", "a\n\nb", 0},
    {"next line", "a\u0085b", "a\nb", 0},
    {"nul", std::string_view("a\0b", 3), "a b", 0},
    {"c0 controls",
     "a\x01\x1B\x7F"
     "b",
     "a   b", 0},
    {"c1 control", "a\u0080b", "a b", 0},
    // Kept as they are.
    {"latin accents", "Erdo\u011Fan and \u00C9lys\u00E9e",
     "Erdo\u011Fan and \u00C9lys\u00E9e", 0},
    {"cjk", "\u65E5\u672C", "\u65E5\u672C", 0},
    {"emoji", "ok \U0001F600", "ok \U0001F600", 0},
    {"arabic", "\u0628\u063A\u062F\u0627\u062F",
     "\u0628\u063A\u062F\u0627\u062F", 0},
    // Invalid UTF-8: one space per bad sequence, one diagnostic each.
    {"lone continuation",
     "a\x80"
     "b",
     "a b", 1},
    {"two lone continuations",
     "a\x80\xBF"
     "b",
     "a  b", 2},
    {"0xFF",
     "a\xFF"
     "b",
     "a b", 1},
    {"0xFE", "\xFE", " ", 1},
    {"truncated 2-byte", "a\xC3", "a ", 1},
    {"truncated 3-byte at end", "a\xE2\x80", "a ", 1},
    {"truncated 3-byte mid",
     "\xE2\x80"
     "A",
     " A", 1},
    {"truncated 4-byte",
     "\xF0\x9F\x98"
     "!",
     " !", 1},
    {"latin-1 e-acute", "caf\xE9 au lait", "caf  au lait", 1},
    {"latin-1 before letter", "caf\xE9s", "caf s", 1},
    {"overlong slash", "\xC0\xAF", " ", 1},
    {"overlong 3-byte", "\xE0\x80\xAF", " ", 1},
    {"overlong 4-byte", "\xF0\x80\x80\xAF", " ", 1},
    {"surrogate",
     "a\xED\xA0\x80"
     "b",
     "a b", 1},
    {"low surrogate", "\xED\xBF\xBF", " ", 1},
    {"above U+10FFFF", "\xF4\x90\x80\x80", " ", 1},
    {"5-byte form", "\xF8\x88\x80\x80\x80", "     ", 5},
    {"valid then invalid", "\u00E9\xFF\u00E9", "\u00E9 \u00E9", 1},
};

TEST(NormalizeTest, Table) {
  for (const NormalizeCase& c : kNormalizeCases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = Normalize(c.raw);
    EXPECT_EQ(n.text, c.text);
    EXPECT_EQ(n.diagnostics.size(), c.diagnostics);
    ExpectWellFormed(c.raw, n);
  }
}

struct DiagnosticCase {
  std::string_view raw;
  size_t offset;
  const char* message;
};

const DiagnosticCase kDiagnosticCases[] = {
    {"ab\xFF"
     "cd",
     2, "invalid UTF-8: byte that never appears in UTF-8 (0xFF)"},
    {"x\x80", 1, "invalid UTF-8: unexpected continuation byte (0x80)"},
    {"xy\xE2\x80", 2, "invalid UTF-8: truncated sequence (0xE2 0x80)"},
    {"\xC0\xAF", 0, "invalid UTF-8: overlong encoding (0xC0 0xAF)"},
    {"abc\xED\xA0\x80", 3, "invalid UTF-8: encoded surrogate (0xED 0xA0 0x80)"},
    {"\xF4\x90\x80\x80", 0,
     "invalid UTF-8: code point above U+10FFFF (0xF4 0x90 0x80 0x80)"},
};

TEST(NormalizeTest, DiagnosticsNameOffsetAndBytes) {
  for (const DiagnosticCase& c : kDiagnosticCases) {
    const NormalizedText n = Normalize(c.raw);
    ASSERT_EQ(n.diagnostics.size(), 1u);
    EXPECT_EQ(n.diagnostics[0].offset, c.offset);
    EXPECT_EQ(n.diagnostics[0].message, c.message);
  }
}

TEST(NormalizeTest, ManyInvalidBytesAreSummarized) {
  const std::string raw(1000, '\xFF');
  const NormalizedText n = Normalize(raw);
  EXPECT_EQ(n.text, std::string(1000, ' '));
  ASSERT_EQ(n.diagnostics.size(), 65u);
  EXPECT_EQ(n.diagnostics[63].offset, 63u);
  EXPECT_EQ(n.diagnostics[64].offset, 64u);
  EXPECT_EQ(n.diagnostics[64].message,
            "invalid UTF-8: 936 more invalid sequences not listed");
  ExpectWellFormed(raw, n);
}

TEST(NormalizeTest, LowerFoldsAsciiOnly) {
  const NormalizedText n = Normalize("Iraq\u2019S U.S. \u00D6CALAN");
  EXPECT_EQ(n.text, "Iraq'S U.S. \u00D6CALAN");
  EXPECT_EQ(n.lower, "iraq's u.s. \u00D6calan");
}

TEST(NormalizeTest, EmptyInputHasOneMapEntry) {
  const NormalizedText n = Normalize("");
  EXPECT_EQ(n.text, "");
  ASSERT_EQ(n.to_original.size(), 1u);
  EXPECT_EQ(n.to_original[0], 0u);
  size_t b, e;
  n.OriginalRange(0, 0, &b, &e);
  EXPECT_EQ(b, 0u);
  EXPECT_EQ(e, 0u);
}

struct RangeCase {
  const char* name;
  std::string_view raw;
  size_t begin, end;          // normalized range
  std::string_view original;  // the original bytes it must map to
};

const RangeCase kRangeCases[] = {
    {"ascii", "Iraqi troops", 6, 12, "troops"},
    {"curly apostrophe word", "US\u2019 forces", 0, 3, "US\u2019"},
    {"curly apostrophe alone", "US\u2019 forces", 2, 3, "\u2019"},
    {"after curly apostrophe", "US\u2019 forces", 4, 10, "forces"},
    {"em dash", "KABUL \u2014 Troops", 6, 7, "\u2014"},
    {"after em dash", "KABUL \u2014 Troops", 8, 14, "Troops"},
    {"before zwsp", "a\u200Bb c", 0, 1, "a"},
    {"across zwsp", "a\u200Bb c", 0, 2, "a\u200Bb"},
    {"after zwsp", "a\u200Bb c", 1, 2, "b"},
    {"before two dropped", "ab\u200B\uFEFF c", 0, 2, "ab"},
    {"trailing zwsp", "end\u200B", 0, 3, "end"},
    {"after bom", "\uFEFFHello", 0, 5, "Hello"},
    {"whole ellipsis", "wait\u2026 now", 4, 7, "\u2026"},
    {"first dot of ellipsis", "wait\u2026 now", 4, 5, "\u2026"},
    {"middle dot of ellipsis", "wait\u2026 now", 5, 6, "\u2026"},
    {"word and ellipsis", "wait\u2026 now", 0, 7, "wait\u2026"},
    {"paragraph separator", "a\u2029b", 1, 2, "\u2029"},
    {"both paragraph newlines", "a\u2029b", 1, 3, "\u2029"},
    {"after paragraph separator", "a\u2029b", 3, 4, "b"},
    {"crlf", "x\r\ny", 1, 2, "\r\n"},
    {"after crlf", "x\r\ny", 2, 3, "y"},
    {"invalid byte",
     "a\xFF"
     "b",
     1, 2, "\xFF"},
    {"truncated sequence",
     "a\xE2\x80"
     "b",
     1, 2, "\xE2\x80"},
    {"after truncated",
     "a\xE2\x80"
     "bc",
     2, 4, "bc"},
    {"surrogate", "\xED\xA0\x80z", 0, 1, "\xED\xA0\x80"},
    {"kept accents", "Erdo\u011Fan said", 0, 8, "Erdo\u011Fan"},
    {"nbsp", "3.5\u00A0percent", 3, 4, "\u00A0"},
    {"empty range", "abc", 1, 1, ""},
};

TEST(NormalizeTest, OriginalRangeTable) {
  for (const RangeCase& c : kRangeCases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = Normalize(c.raw);
    ExpectWellFormed(c.raw, n);
    ASSERT_LE(c.end, n.text.size());
    size_t b, e;
    n.OriginalRange(c.begin, c.end, &b, &e);
    ASSERT_LE(b, e);
    ASSERT_LE(e, c.raw.size());
    EXPECT_EQ(c.raw.substr(b, e - b), c.original);
  }
}

// Every single normalized byte, normalized again from its original range,
// gives itself back (or, inside an expansion, the whole expansion).
TEST(NormalizeTest, EveryByteMapsBack) {
  for (const NormalizeCase& c : kNormalizeCases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = Normalize(c.raw);
    for (size_t i = 0; i < n.text.size(); ++i) {
      size_t b, e;
      n.OriginalRange(i, i + 1, &b, &e);
      ASSERT_LT(b, e) << i;
      ASSERT_LE(e, c.raw.size());
      const std::string again = Normalize(c.raw.substr(b, e - b)).text;
      if (static_cast<unsigned char>(n.text[i]) < 0x80) {
        EXPECT_NE(again.find(n.text[i]), std::string::npos) << i;
      }
    }
  }
}

TEST(NormalizeTest, LongAsciiRunsMapOneToOne) {
  std::string raw;
  for (int k = 0; k < 1000; ++k) raw += "Iraqi troops entered the city. ";
  raw += "\u201Cend\u201D";
  const NormalizedText n = Normalize(raw);
  ASSERT_EQ(n.text.size(), raw.size() - 4);
  for (size_t i = 0; i + 6 < n.text.size(); ++i) {
    ASSERT_EQ(n.to_original[i], i);
  }
  EXPECT_TRUE(n.original_ends.empty());
}

}  // namespace
}  // namespace dyad
