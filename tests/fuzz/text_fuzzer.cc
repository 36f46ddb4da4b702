// Fuzz target for the text stage: Normalize -> SplitSentences -> Tokenize on
// arbitrary bytes, checking the invariants later stages rely on. Any
// violation traps, so libFuzzer (or the seed runner) reports it as a crash.
//
// Checked:
//  - the normalized text is valid UTF-8; `lower` has its size;
//  - to_original has text.size() + 1 entries, is non-decreasing, ends at the
//    input's size; original_ends is sorted and stays within bounds;
//  - sentences are non-empty, trimmed, ordered, apart from the dateline,
//    within bounds, on character boundaries, and no longer than the limit;
//  - tokens are non-empty, ordered, inside their sentence, free of
//    whitespace, on character boundaries;
//  - a token's original range, normalized again, gives the token's text
//    (skipped inside sentences cut without a space, where a cut may fall
//    inside a character's expansion);
//  - furniture spans (of the normalized text, and of the raw bytes too) are
//    non-empty, within bounds, sorted without overlap, trimmed, start at a
//    line start or after whitespace and end at a line end or before
//    whitespace, have a kind, and (in normalized text) fall on character
//    boundaries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/furniture.h"
#include "text/normalizer.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsBoundary(std::string_view t, size_t i) {
  return i >= t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
}

bool IsValidUtf8(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (t.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(t[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return false;
    }
    i += len;
  }
  return true;
}

void CheckNormalized(std::string_view raw, const dyad::NormalizedText& n) {
  const std::string& t = n.text;
  Check(IsValidUtf8(t));
  Check(n.lower.size() == t.size());
  Check(n.to_original.size() == t.size() + 1);
  Check(n.to_original.back() == raw.size());
  for (size_t i = 0; i + 1 < n.to_original.size(); ++i) {
    Check(n.to_original[i] <= n.to_original[i + 1]);
  }
  for (size_t k = 0; k < n.original_ends.size(); ++k) {
    const auto& [i, end] = n.original_ends[k];
    Check(i < t.size());
    Check(k == 0 || n.original_ends[k - 1].first < i);
    Check(end > n.to_original[i] && end <= raw.size());
  }
}

void CheckSplit(std::string_view raw, const dyad::NormalizedText& n,
                const dyad::SplitOptions& options, bool check_tokens) {
  const std::string_view t = n.text;
  const dyad::SplitResult split = dyad::SplitSentences(t, options);
  Check(split.dateline_begin <= split.dateline_end);
  Check(split.dateline_end <= t.size());
  Check(split.dateline_place_begin <= split.dateline_place_end);
  if (split.dateline_begin < split.dateline_end) {
    Check(split.dateline_place_begin >= split.dateline_begin);
    Check(split.dateline_place_end <= split.dateline_end);
  }
  const size_t max_bytes =
      options.max_sentence_bytes < 4 ? 4 : options.max_sentence_bytes;
  size_t prev_end = 0;
  for (const dyad::SentenceSpan& s : split.sentences) {
    Check(s.begin < s.end && s.end <= t.size());
    Check(s.begin >= prev_end);
    prev_end = s.end;
    Check(s.end - s.begin <= max_bytes);
    Check(!IsSpace(t[s.begin]) && !IsSpace(t[s.end - 1]));
    Check(IsBoundary(t, s.begin) && IsBoundary(t, s.end));
    if (split.dateline_begin < split.dateline_end) {
      Check(s.end <= split.dateline_begin || s.begin >= split.dateline_end);
    }
    if (!check_tokens) continue;
    const std::vector<dyad::Token> tokens = dyad::Tokenize(t, s.begin, s.end);
    size_t prev = s.begin;
    for (const dyad::Token& tok : tokens) {
      Check(tok.begin < tok.end);
      Check(tok.begin >= prev && tok.end <= s.end);
      prev = tok.end;
      Check(IsBoundary(t, tok.begin) && IsBoundary(t, tok.end));
      for (size_t i = tok.begin; i < tok.end; ++i) Check(!IsSpace(t[i]));
      size_t obegin, oend;
      n.OriginalRange(tok.begin, tok.end, &obegin, &oend);
      Check(obegin < oend && oend <= raw.size());
      if (!s.cut) {
        const dyad::NormalizedText again =
            dyad::Normalize(raw.substr(obegin, oend - obegin));
        Check(again.text == t.substr(tok.begin, tok.end - tok.begin));
      }
    }
  }
}

// `utf8`: t is valid UTF-8, so spans must fall on character boundaries.
void CheckFurniture(std::string_view t, bool utf8) {
  size_t prev = 0;
  for (const dyad::FurnitureSpan& s : dyad::FindFurniture(t)) {
    Check(s.begin < s.end && s.end <= t.size());
    Check(s.begin >= prev);
    prev = s.end;
    Check(!IsSpace(t[s.begin]) && !IsSpace(t[s.end - 1]));
    Check(s.begin == 0 || IsSpace(t[s.begin - 1]));
    Check(s.end == t.size() || IsSpace(t[s.end]));
    Check(!utf8 || (IsBoundary(t, s.begin) && IsBoundary(t, s.end)));
    Check(!s.kind.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const dyad::NormalizedText n = dyad::Normalize(raw);
  CheckNormalized(raw, n);
  CheckSplit(raw, n, dyad::SplitOptions{}, /*check_tokens=*/true);
  CheckFurniture(n.text, /*utf8=*/true);
  CheckFurniture(raw, /*utf8=*/false);  // any bytes are accepted, too
  // A small limit derived from the input exercises the cutting code.
  dyad::SplitOptions small;
  small.max_sentence_bytes = size > 0 ? data[0] % 48 : 0;
  CheckSplit(raw, n, small, /*check_tokens=*/true);
  // Tokenizing whole text (not sentence by sentence) must hold up too.
  const std::vector<dyad::Token> all = dyad::Tokenize(n.text);
  size_t prev = 0;
  for (const dyad::Token& tok : all) {
    Check(tok.begin < tok.end && tok.begin >= prev && tok.end <= n.text.size());
    prev = tok.end;
  }
  return 0;
}
