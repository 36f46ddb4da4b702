// How this works.
//
// gumbo builds the whole tree (it has no streaming mode; a page is small).
// One walk over it gathers the metadata (meta tags, canonical link, title,
// the first h1 and <time>, JSON-LD datePublished) and the candidate
// containers: every <article> or itemprop=articleBody element, the first
// <main> or role=main, and <body>.
//
// The text of a container is taken by a second, iterative walk (no
// recursion: a page may nest thousands of levels deep) that skips dropped
// elements (kDropTags, or a class/id word in kDropWords, or a hidden or
// navigation role). Block-level elements end a paragraph, <br> is a line
// break, whitespace is collapsed. When the container holds a <p> with text,
// only text inside "paragraph" elements (p, h2-h6, blockquote, pre) is kept,
// which leaves out the loose bylines, captions and "Advertisement" labels
// of the div soup around them; otherwise every block's text is kept.
//
// If dropping by class/id words leaves nothing (a wrapper whose class says
// "with-sidebar" around the whole page), the container is read again with
// only the tag rules.
#include "io/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "text/utf8.h"

namespace dyad {
namespace {

using TagSet = std::bitset<GUMBO_TAG_LAST + 1>;

TagSet MakeTagSet(std::initializer_list<GumboTag> tags) {
  TagSet set;
  for (GumboTag t : tags) set.set(t);
  return set;
}

// Elements whose whole subtree is never article text.
const TagSet& DropTags() {
  static const TagSet set =
      MakeTagSet({GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT,
                  GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,      GUMBO_TAG_MATH,
                  GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,
                  GUMBO_TAG_CANVAS,   GUMBO_TAG_VIDEO,    GUMBO_TAG_AUDIO,
                  GUMBO_TAG_NAV,      GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,
                  GUMBO_TAG_ASIDE,    GUMBO_TAG_FORM,     GUMBO_TAG_BUTTON,
                  GUMBO_TAG_SELECT,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,
                  GUMBO_TAG_MENU,     GUMBO_TAG_FIGURE,   GUMBO_TAG_FIGCAPTION,
                  GUMBO_TAG_HEAD,     GUMBO_TAG_TITLE,    GUMBO_TAG_H1});
  return set;
}

// Elements that end a paragraph.
const TagSet& BlockTags() {
  static const TagSet set =
      MakeTagSet({GUMBO_TAG_P,          GUMBO_TAG_DIV,     GUMBO_TAG_SECTION,
                  GUMBO_TAG_ARTICLE,    GUMBO_TAG_MAIN,    GUMBO_TAG_H1,
                  GUMBO_TAG_H2,         GUMBO_TAG_H3,      GUMBO_TAG_H4,
                  GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_UL,
                  GUMBO_TAG_OL,         GUMBO_TAG_LI,      GUMBO_TAG_DL,
                  GUMBO_TAG_DT,         GUMBO_TAG_DD,      GUMBO_TAG_TABLE,
                  GUMBO_TAG_TR,         GUMBO_TAG_TD,      GUMBO_TAG_TH,
                  GUMBO_TAG_TBODY,      GUMBO_TAG_THEAD,   GUMBO_TAG_CAPTION,
                  GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,     GUMBO_TAG_HR,
                  GUMBO_TAG_ADDRESS,    GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY,
                  GUMBO_TAG_CENTER,     GUMBO_TAG_BODY,    GUMBO_TAG_FIELDSET,
                  GUMBO_TAG_HGROUP,     GUMBO_TAG_LEGEND});
  return set;
}

// Elements whose text is a paragraph of the article.
const TagSet& ParagraphTags() {
  static const TagSet set = MakeTagSet(
      {GUMBO_TAG_P, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
       GUMBO_TAG_H6, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE});
  return set;
}

// Words of a class or id that mark page furniture.
constexpr std::array<std::string_view, 44> kDropWords = {
    "share",       "sharing",         "social",        "related",
    "comment",     "comments",        "menu",          "nav",
    "navbar",      "navigation",      "sidebar",       "newsletter",
    "promo",       "advert",          "advertisement", "ad",
    "ads",         "adslot",          "breadcrumb",    "breadcrumbs",
    "cookie",      "cookies",         "subscribe",     "subscription",
    "recommended", "recommendations", "trending",      "popular",
    "footer",      "header",          "masthead",      "widget",
    "outbrain",    "taboola",         "banner",        "paywall",
    "modal",       "popup",           "hidden",        "byline",
    "caption",     "toolbar",         "tags",          "skip"};

bool IsDropWord(std::string_view word) {
  if (word.empty() || word.size() > 16) return false;
  char lower[16];
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  const std::string_view w(lower, word.size());
  return std::find(kDropWords.begin(), kDropWords.end(), w) != kDropWords.end();
}

bool HasDropWord(const char* value) {
  if (value == nullptr) return false;
  std::string_view v(value);
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    const bool sep = i == v.size() || v[i] == ' ' || v[i] == '-' ||
                     v[i] == '_' || v[i] == '\t' || v[i] == '\n';
    if (!sep) continue;
    if (IsDropWord(v.substr(start, i - start))) return true;
    start = i + 1;
  }
  return false;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

bool AttrIs(const GumboElement& e, const char* name, std::string_view value) {
  const char* v = Attr(e, name);
  return v != nullptr && EqualsIgnoreCase(v, value);
}

bool IsDropped(const GumboElement& e, bool by_words) {
  if (DropTags().test(e.tag)) return true;
  if (Attr(e, "hidden") != nullptr || AttrIs(e, "aria-hidden", "true"))
    return true;
  if (const char* role = Attr(e, "role")) {
    for (std::string_view r : {"navigation", "banner", "contentinfo",
                               "complementary", "menu", "search", "dialog"})
      if (EqualsIgnoreCase(role, r)) return true;
  }
  return by_words &&
         (HasDropWord(Attr(e, "class")) || HasDropWord(Attr(e, "id")));
}

// Builds paragraphs from text pieces: collapses whitespace, breaks
// paragraphs at blocks and lines at <br>.
class ParagraphBuilder {
 public:
  explicit ParagraphBuilder(std::string* out) : out_(out) {}

  void Text(std::string_view s) {
    for (char c : s) {
      if (text_internal::IsSpace(static_cast<unsigned char>(c))) {
        space_ = true;
        continue;
      }
      if (space_ && !para_.empty() && para_.back() != '\n') para_ += ' ';
      space_ = false;
      para_ += c;
    }
  }
  void LineBreak() {
    space_ = false;
    if (!para_.empty() && para_.back() != '\n') para_ += '\n';
  }
  void EndParagraph() {
    space_ = false;
    while (!para_.empty() && (para_.back() == '\n' || para_.back() == ' '))
      para_.pop_back();
    if (para_.empty()) return;
    if (!out_->empty()) *out_ += "\n\n";
    *out_ += para_;
    para_.clear();
  }

 private:
  std::string* out_;
  std::string para_;
  bool space_ = false;
};

// True when `node` holds a <p> (not inside a dropped element) with text.
bool HasParagraphText(const GumboNode* root, bool by_words) {
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [node, in_p] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      if (in_p) return true;
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
      continue;
    const GumboElement& e = node->v.element;
    if (node != root && IsDropped(e, by_words)) continue;
    const bool p = in_p || e.tag == GUMBO_TAG_P;
    for (unsigned i = 0; i < e.children.length; ++i)
      stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), p});
  }
  return false;
}

// The text of `root` (see the essay at the top).
std::string ContainerText(const GumboNode* root, bool by_words) {
  std::string out;
  ParagraphBuilder builder(&out);
  const bool paragraphs_only = HasParagraphText(root, by_words);
  struct Frame {
    const GumboNode* node;
    unsigned next;  // next child to visit
  };
  std::vector<Frame> stack{{root, 0}};
  int in_paragraph = 0;
  const TagSet& blocks = BlockTags();
  const TagSet& paragraphs = ParagraphTags();
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboElement& e = f.node->v.element;
    if (f.next == e.children.length) {
      if (blocks.test(e.tag)) builder.EndParagraph();
      if (paragraphs.test(e.tag) && stack.size() > 1) --in_paragraph;
      stack.pop_back();
      continue;
    }
    const GumboNode* child =
        static_cast<const GumboNode*>(e.children.data[f.next++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (!paragraphs_only || in_paragraph > 0)
          builder.Text(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& ce = child->v.element;
        if (IsDropped(ce, by_words)) break;
        if (ce.tag == GUMBO_TAG_BR) {
          builder.LineBreak();
          break;
        }
        if (blocks.test(ce.tag)) builder.EndParagraph();
        if (paragraphs.test(ce.tag)) ++in_paragraph;
        stack.push_back({child, 0});
        break;
      }
      default:
        break;
    }
  }
  builder.EndParagraph();
  return out;
}

// The text below `node`, whitespace collapsed (titles, headings).
std::string InlineText(const GumboNode* node) {
  std::string out;
  ParagraphBuilder builder(&out);
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      builder.Text(n->v.text.text);
      builder.Text(" ");
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
      continue;
    const GumboElement& e = n->v.element;
    if (n != node && (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE))
      continue;
    for (unsigned i = e.children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
  builder.EndParagraph();
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  ParagraphBuilder builder(&out);
  builder.Text(s);
  builder.EndParagraph();
  return out;
}

// Date candidates, in the order they win (docs/formats/html.md).
enum DateSource {
  kPublishedTime,  // article:published_time
  kOgPublished,    // og:published_time, og:article:published_time
  kItempropDate,   // itemprop=datePublished
  kJsonLd,         // JSON-LD "datePublished"
  kMetaDate,       // <meta name=date|pubdate|...>
  kContainerTime,  // <time datetime> in the main container
  kPageTime,       // <time datetime> anywhere
  kDateSources
};

// The string value of the first "datePublished" key in a JSON-LD script,
// found by a plain scan (no JSON parser: the scripts are often invalid).
std::string JsonLdDate(std::string_view json) {
  const std::string_view key = "\"datePublished\"";
  const size_t k = json.find(key);
  if (k == std::string_view::npos) return "";
  size_t i = k + key.size();
  while (i < json.size() && text_internal::IsSpace(json[i])) ++i;
  if (i >= json.size() || json[i] != ':') return "";
  ++i;
  while (i < json.size() && text_internal::IsSpace(json[i])) ++i;
  if (i >= json.size() || json[i] != '"') return "";
  const size_t end = json.find('"', i + 1);
  if (end == std::string_view::npos || end - i > 64) return "";
  return std::string(json.substr(i + 1, end - i - 1));
}

// "2024/01/25", "2024.01.25" and "2024-01-25 ..." as ParseDate reads them;
// anything else as it is.
Date ParsePageDate(std::string_view s) {
  while (!s.empty() && text_internal::IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && text_internal::IsSpace(s.back())) s.remove_suffix(1);
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= s.size() || !text_internal::IsDigit(s[i])) return false;
    return true;
  };
  if (s.size() >= 10 && digits(0, 4) && digits(5, 2) && digits(8, 2) &&
      (s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    std::string d(s.substr(0, 10));
    d[4] = d[7] = '-';
    return ParseDate(d);
  }
  return ParseDate(std::string(s));
}

// Each candidate container is read once, so nested <article>s would cost
// time in the square of their depth: only the first ones are considered.
constexpr size_t kMaxCandidates = 64;

struct Scan {
  std::array<std::string, kDateSources> dates;
  std::string og_title, title, h1, canonical, og_url, site_name;
  std::vector<const GumboNode*> articles;  // <article>, articleBody
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void SetOnce(std::string* slot, const char* value) {
  if (slot->empty() && value != nullptr) *slot = Collapse(value);
}

void ScanMeta(const GumboElement& e, Scan* scan) {
  const char* content = Attr(e, "content");
  if (content == nullptr) return;
  const char* key = Attr(e, "property");
  if (key == nullptr) key = Attr(e, "name");
  if (key != nullptr) {
    std::string k(key);
    for (char& c : k) c = static_cast<char>(std::tolower(c));
    if (k == "og:title") SetOnce(&scan->og_title, content);
    if (k == "og:url") SetOnce(&scan->og_url, content);
    if (k == "og:site_name") SetOnce(&scan->site_name, content);
    if (k == "article:published_time")
      SetOnce(&scan->dates[kPublishedTime], content);
    if (k == "og:published_time" || k == "og:article:published_time")
      SetOnce(&scan->dates[kOgPublished], content);
    static constexpr std::string_view kDateNames[] = {"date",
                                                      "pubdate",
                                                      "publishdate",
                                                      "publish-date",
                                                      "publish_date",
                                                      "dc.date",
                                                      "dc.date.issued",
                                                      "dcterms.created",
                                                      "dcterms.date",
                                                      "sailthru.date",
                                                      "parsely-pub-date",
                                                      "article.published",
                                                      "original-publish-date"};
    for (std::string_view n : kDateNames)
      if (k == n) SetOnce(&scan->dates[kMetaDate], content);
  }
  if (AttrIs(e, "itemprop", "datePublished"))
    SetOnce(&scan->dates[kItempropDate], content);
}

bool RelIsCanonical(const char* rel) {
  if (rel == nullptr) return false;
  std::string_view r(rel);
  size_t start = 0;
  for (size_t i = 0; i <= r.size(); ++i) {
    if (i < r.size() && r[i] != ' ') continue;
    if (EqualsIgnoreCase(r.substr(start, i - start), "canonical")) return true;
    start = i + 1;
  }
  return false;
}

void ScanTree(const GumboNode* root, Scan* scan) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE &&
        n->type != GUMBO_NODE_DOCUMENT)
      continue;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboDocument& d = n->v.document;
      for (unsigned i = d.children.length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(d.children.data[i]));
      continue;
    }
    const GumboElement& e = n->v.element;
    switch (e.tag) {
      case GUMBO_TAG_META:
        ScanMeta(e, scan);
        break;
      case GUMBO_TAG_LINK:
        if (RelIsCanonical(Attr(e, "rel")))
          SetOnce(&scan->canonical, Attr(e, "href"));
        break;
      case GUMBO_TAG_TITLE:
        if (scan->title.empty()) scan->title = InlineText(n);
        break;
      case GUMBO_TAG_H1:
        if (scan->h1.empty()) scan->h1 = InlineText(n);
        break;
      case GUMBO_TAG_TIME:
        SetOnce(&scan->dates[kPageTime], Attr(e, "datetime"));
        break;
      case GUMBO_TAG_SCRIPT:
        if (AttrIs(e, "type", "application/ld+json") &&
            scan->dates[kJsonLd].empty() && e.children.length > 0) {
          const GumboNode* t =
              static_cast<const GumboNode*>(e.children.data[0]);
          if (t->type == GUMBO_NODE_TEXT)
            scan->dates[kJsonLd] = JsonLdDate(t->v.text.text);
        }
        break;
      case GUMBO_TAG_ARTICLE:
        if (scan->articles.size() < kMaxCandidates) scan->articles.push_back(n);
        break;
      case GUMBO_TAG_MAIN:
        if (scan->main == nullptr) scan->main = n;
        break;
      case GUMBO_TAG_BODY:
        if (scan->body == nullptr) scan->body = n;
        break;
      default:
        break;
    }
    if (e.tag != GUMBO_TAG_META && AttrIs(e, "itemprop", "datePublished")) {
      const char* v = Attr(e, "datetime");
      if (v == nullptr) v = Attr(e, "content");
      if (v != nullptr)
        SetOnce(&scan->dates[kItempropDate], v);
      else if (scan->dates[kItempropDate].empty())
        scan->dates[kItempropDate] = InlineText(n);
    }
    if (e.tag != GUMBO_TAG_ARTICLE && AttrIs(e, "itemprop", "articleBody") &&
        scan->articles.size() < kMaxCandidates)
      scan->articles.push_back(n);
    if (scan->main == nullptr && AttrIs(e, "role", "main")) scan->main = n;
    if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) continue;
    for (unsigned i = e.children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
}

// The first <time datetime> and <h1> inside `root`.
void ScanContainer(const GumboNode* root, std::string* time, std::string* h1) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty() && (time->empty() || h1->empty())) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    if (e.tag == GUMBO_TAG_TIME) SetOnce(time, Attr(e, "datetime"));
    if (e.tag == GUMBO_TAG_H1 && h1->empty()) *h1 = InlineText(n);
    for (unsigned i = e.children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
}

std::string ResolveUrlBytes(std::string_view base, std::string_view href) {
  if (href.empty()) return "";
  if (href.find("://") != std::string_view::npos) return std::string(href);
  const size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return "";
  if (href.substr(0, 2) == "//")
    return std::string(base.substr(0, scheme + 1)) + std::string(href);
  if (href[0] == '/') {
    const size_t path = base.find('/', scheme + 3);
    return std::string(base.substr(0, path)) + std::string(href);
  }
  return "";  // a relative path: too rare in canonical links to resolve
}

// Bytes that are not UTF-8 (a base URL comes from the transport, as is)
// are percent-encoded, as a browser would.
std::string PercentEncodeInvalid(std::string url) {
  std::string out;
  for (size_t i = 0; i < url.size();) {
    const size_t n = text_internal::ValidUtf8Length(url, i);
    if (n > 0) {
      out.append(url, i, n);
      i += n;
      continue;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    const unsigned char b = static_cast<unsigned char>(url[i++]);
    out += '%';
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string ResolveUrl(std::string_view base, std::string_view href) {
  return PercentEncodeInvalid(ResolveUrlBytes(base, href));
}

// The charset a <meta> declares in the first 2 KB, lower-cased, or "".
std::string MetaCharset(std::string_view html) {
  std::string head(html.substr(0, 2048));
  for (char& c : head) c = static_cast<char>(std::tolower(c));
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t i = at + 8;
  while (i < head.size() && (head[i] == '"' || head[i] == '\'')) ++i;
  size_t end = i;
  while (end < head.size() && (text_internal::IsAsciiAlnum(head[end]) ||
                               head[end] == '-' || head[end] == '_'))
    ++end;
  return head.substr(i, end - i);
}

// gumbo allocates every node, string and vector separately, and frees
// them one by one in gumbo_destroy_output: malloc and free took a quarter
// of the time. Its nodes come instead from this per-thread arena, freed
// all at once when the page is done (no destroy walk). Past kArenaCap
// bytes for one page, allocations fall back to malloc (a 16-byte header
// says which), and then the tree is destroyed the ordinary way.
class Arena {
 public:
  static constexpr size_t kBlock = size_t{1} << 20;
  static constexpr size_t kArenaCap = size_t{64} << 20;
  static constexpr size_t kHeader = 16;  // keeps 16-byte alignment

  static void* Allocate(void* self, size_t size) {
    return static_cast<Arena*>(self)->Get(size);
  }
  static void Deallocate(void*, void* ptr) {
    if (ptr == nullptr) return;
    char* p = static_cast<char*>(ptr) - kHeader;
    if (p[0] == 1) std::free(p);  // a malloc fallback
  }

  // After a page: keeps the first block or two for the next page.
  void Reset() {
    if (blocks_.size() > 2) blocks_.resize(2);
    block_ = 0;
    offset_ = 0;
    used_ = 0;
    fell_back_ = false;
  }
  bool fell_back() const { return fell_back_; }

 private:
  void* Get(size_t size) {
    const size_t need = (size + kHeader + 15) & ~size_t{15};
    if (used_ + need > kArenaCap) {
      fell_back_ = true;
      char* p = static_cast<char*>(std::malloc(size + kHeader));
      if (p == nullptr) std::abort();  // as gumbo does with malloc
      p[0] = 1;
      return p + kHeader;
    }
    if (block_ >= blocks_.size() || offset_ + need > blocks_[block_].size) {
      if (block_ < blocks_.size() && offset_ > 0) ++block_;
      while (block_ < blocks_.size() && blocks_[block_].size < need) ++block_;
      if (block_ >= blocks_.size()) {
        const size_t n = std::max(kBlock, need);
        blocks_.push_back({std::make_unique<char[]>(n), n});
        block_ = blocks_.size() - 1;
      }
      offset_ = 0;
    }
    char* p = blocks_[block_].data.get() + offset_;
    offset_ += need;
    used_ += need;
    p[0] = 0;
    return p + kHeader;
  }

  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };
  std::vector<Block> blocks_;
  size_t block_ = 0, offset_ = 0, used_ = 0;
  bool fell_back_ = false;
};

// Finds `needle` (lower case ASCII) in `s` from `from`, ignoring case.
size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
  while (from + needle.size() <= s.size()) {
    const void* lt = std::memchr(s.data() + from, needle[0],
                                 s.size() - from - needle.size() + 1);
    if (lt == nullptr) return std::string_view::npos;
    const size_t i = static_cast<const char*>(lt) - s.data();
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
    from = i + 1;
  }
  return std::string_view::npos;
}

// The page without the bodies of its <script> and <style> elements
// (JSON-LD scripts kept), which are often half of a news page and never
// article text: gumbo need not tokenize them. A body ends at the first
// "</script" or "</style", as in the HTML tokenizer; one with no end is
// left alone. Returns false (and leaves `out` alone) when there is
// nothing to drop.
bool DropScriptBodies(std::string_view html, std::string* out) {
  size_t copied = 0, pos = 0;
  bool dropped = false;
  while ((pos = FindNoCase(html, "<s", pos)) != std::string_view::npos) {
    std::string_view close;
    if (EqualsIgnoreCase(html.substr(pos, 7), "<script"))
      close = "</script";
    else if (EqualsIgnoreCase(html.substr(pos, 6), "<style"))
      close = "</style";
    else {
      pos += 2;
      continue;
    }
    const size_t tag_end = html.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    const size_t end = FindNoCase(html, close, tag_end + 1);
    if (end == std::string_view::npos) break;
    std::string tag(html.substr(pos, std::min<size_t>(tag_end - pos, 200)));
    for (char& c : tag) c = static_cast<char>(std::tolower(c));
    if (tag.find("ld+json") == std::string::npos && end > tag_end + 1) {
      if (!dropped) out->reserve(html.size());
      out->append(html.substr(copied, tag_end + 1 - copied));
      copied = end;
      dropped = true;
    }
    pos = end + close.size();
  }
  if (!dropped) return false;
  out->append(html.substr(copied));
  return true;
}

// An upper estimate of how deep the markup nests: start tags minus end
// tags, leaving out void elements, self-closing tags, comments and the
// elements HTML closes by itself (p, li, td, ...). Stops counting past
// `limit`.
int NestingDepth(std::string_view html, int limit) {
  static constexpr std::string_view kNotCounted[] = {
      "p",      "li",    "td",    "th",    "tr",    "dt",     "dd",
      "option", "br",    "img",   "input", "meta",  "link",   "hr",
      "wbr",    "area",  "base",  "col",   "embed", "source", "track",
      "param",  "tbody", "thead", "tfoot", "rt",    "rp",     "optgroup"};
  int depth = 0, deepest = 0;
  size_t pos = 0;
  while (deepest <= limit) {
    const void* lt = pos < html.size() ? std::memchr(html.data() + pos, '<',
                                                     html.size() - pos)
                                       : nullptr;
    if (lt == nullptr) break;
    pos = static_cast<const char*>(lt) - html.data() + 1;
    if (html.substr(pos, 3) == "!--") {
      const size_t end = html.find("-->", pos + 3);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool end_tag = pos < html.size() && html[pos] == '/';
    size_t name = pos + end_tag;
    size_t n = name;
    while (n < html.size() && n - name < 10 &&
           text_internal::IsAsciiAlnum(html[n]))
      ++n;
    if (n == name || !text_internal::IsAsciiAlpha(html[name])) continue;
    std::string tag(html.substr(name, n - name));
    for (char& c : tag) c = static_cast<char>(std::tolower(c));
    if (std::find(std::begin(kNotCounted), std::end(kNotCounted), tag) !=
        std::end(kNotCounted))
      continue;
    if (end_tag) {
      if (depth > 0) --depth;
      continue;
    }
    const size_t gt = html.find('>', n);
    if (gt == std::string_view::npos) break;
    if (html[gt - 1] == '/') continue;  // self-closing
    deepest = std::max(deepest, ++depth);
    pos = gt + 1;
  }
  return deepest;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = text_internal::ValidUtf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace

bool IsWindows1252Charset(std::string_view charset) {
  std::string c;
  const size_t at = charset.find("charset=");
  std::string_view v =
      at == std::string_view::npos ? charset : charset.substr(at + 8);
  for (char ch : v) {
    if (ch == ';' || ch == ' ' || ch == '"') {
      if (!c.empty()) break;
      continue;
    }
    c += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return c == "windows-1252" || c == "iso-8859-1" || c == "latin1" ||
         c == "iso-8859-15" || c == "cp1252" || c == "us-ascii" ||
         c == "latin-1" || c == "iso8859-1";
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80-0x9F in Windows-1252 (0: undefined, kept as U+FFFD).
  static constexpr char16_t k80[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const unsigned char b = static_cast<unsigned char>(ch);
    char32_t cp = b;
    if (b >= 0x80 && b < 0xA0) cp = k80[b - 0x80] ? k80[b - 0x80] : 0xFFFD;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::string UrlHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  const size_t end = rest.find_first_of("/?#");
  rest = rest.substr(0, end);
  const size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  const size_t colon = rest.find(':');
  rest = rest.substr(0, colon);
  std::string host(rest);
  for (char& c : host) c = static_cast<char>(std::tolower(c));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

HtmlPage ExtractHtml(std::string_view html, const HtmlOptions& options) {
  HtmlPage page;
  std::string converted;
  if (!IsValidUtf8(html) &&
      (IsWindows1252Charset(options.charset) ||
       (options.charset.find("charset=") == std::string_view::npos &&
        IsWindows1252Charset(MetaCharset(html))))) {
    converted = Windows1252ToUtf8(html);
    html = converted;
  }
  std::string stripped;
  if (DropScriptBodies(html, &stripped)) html = stripped;
  if (NestingDepth(html, kMaxHtmlDepth) > kMaxHtmlDepth) {
    page.problem = "markup nested over " + std::to_string(kMaxHtmlDepth) +
                   " elements deep: not coded";
    return page;
  }
  thread_local Arena arena;
  arena.Reset();
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // the errors are not read: do not keep them
  gumbo_options.allocator = &Arena::Allocate;
  gumbo_options.deallocator = &Arena::Deallocate;
  gumbo_options.userdata = &arena;
  GumboOutput* output =
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size());
  Scan scan;
  ScanTree(output->document, &scan);

  // The container with the most text: the largest <article>, else <main>,
  // else <body>.
  const GumboNode* container = nullptr;
  for (bool by_words : {true, false}) {
    size_t best = 0;
    for (const GumboNode* a : scan.articles) {
      std::string t = ContainerText(a, by_words);
      if (t.size() > best) {
        best = t.size();
        page.text = std::move(t);
        container = a;
      }
    }
    for (const GumboNode* c : {scan.main, scan.body}) {
      if (!page.text.empty() || c == nullptr) continue;
      page.text = ContainerText(c, by_words);
      if (!page.text.empty()) container = c;
    }
    if (!page.text.empty()) break;
  }
  std::string container_h1;
  if (container != nullptr)
    ScanContainer(container, &scan.dates[kContainerTime], &container_h1);

  page.title = !scan.og_title.empty()  ? scan.og_title
               : !container_h1.empty() ? container_h1
               : !scan.h1.empty()      ? scan.h1
                                       : scan.title;
  page.url = ResolveUrl(options.base_url, scan.canonical);
  if (page.url.empty()) page.url = ResolveUrl(options.base_url, scan.og_url);
  page.site_name = scan.site_name;
  for (const std::string& d : scan.dates) {
    if (d.empty()) continue;
    page.date = ParsePageDate(d);
    if (page.date.valid()) break;
    if (page.unparsed_date.empty()) page.unparsed_date = d.substr(0, 40);
  }
  if (page.date.valid()) page.unparsed_date.clear();
  // Arena memory goes with the next Reset(); malloc'd nodes need the walk.
  if (arena.fell_back()) gumbo_destroy_output(&gumbo_options, output);
  arena.Reset();
  return page;
}

}  // namespace dyad
