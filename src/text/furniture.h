// Furniture: finds the page furniture that text pasted from a web page
// carries along with the article (comment forms, share buttons, bylines,
// photo credits, cookie and reCAPTCHA notices, "Related" link lists, tags,
// copyright lines, advertisement markers, menus), so the coder can blank it
// and report it instead of coding it.
//
// Precision comes before recall: a span is reported only when a line (or
// the tail of a line) is made of furniture vocabulary and has no sentence
// structure around it. A sentence that merely mentions Twitter, comments or
// a photo stays. See furniture.cc for the rules.
//
// Spans:
//  - most spans are whole lines, trimmed of surrounding spaces; a run of
//    furniture lines of one kind (separated only by blank lines) is one span;
//  - in a line that ends with furniture glued to prose (text pasted without
//    line breaks: "... said on Monday. Share this: Facebook Twitter"), the
//    furniture pieces of its tail are spans; each starts where a sentence
//    starts, and the last one runs to the end of the line;
//  - so every span starts at the start of the text or after whitespace, ends
//    at the end of the text or before whitespace, has no whitespace at
//    either end, and spans are sorted and do not overlap.
//
// Kinds (FurnitureSpan::kind): "navigation", "account", "subscribe",
// "comments", "captcha", "cookies", "related", "embed", "share", "byline",
// "credit", "reporting", "copyright", "advertisement", "tags", "separator".
//
// Linear time in the text's length. Thread-safe: a pure function.
#ifndef DYAD_TEXT_FURNITURE_H_
#define DYAD_TEXT_FURNITURE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct FurnitureSpan {
  size_t begin = 0;  // normalized offsets, [begin, end)
  size_t end = 0;
  std::string kind;  // one of the kinds listed above
};

// Finds the furniture in normalized article text (the output of Normalize;
// any bytes are accepted).
std::vector<FurnitureSpan> FindFurniture(std::string_view normalized);

}  // namespace dyad

#endif  // DYAD_TEXT_FURNITURE_H_
