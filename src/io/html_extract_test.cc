#include "io/html_extract.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

const char kNewsPage[] = R"(<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Troops shell militants - The Daily Planet</title>
<meta property="og:title" content="Turkish troops shell Kurdish militants">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2024-01-25T10:00:00+03:00">
<link rel="canonical" href="/world/2024/01/25/shelling">
<script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner"><p>We use cookies.</p></div>
<article>
  <h1>Turkish troops shell Kurdish militants</h1>
  <p class="byline">By A. Reporter</p>
  <p>ANKARA (Reuters) - Turkish troops shelled Kurdish militants in
     northern Syria on Monday, officials said.</p>
  <div class="share-tools"><p>Share on Facebook</p></div>
  <p>The United Nations urged Turkey &amp; the militants to hold talks.<br>
     A ceasefire was not agreed.</p>
  <aside><p>Read more: unrelated story</p></aside>
  <figure><img src="x.jpg"><figcaption>Smoke rises.</figcaption></figure>
  <h2>Reactions</h2>
  <p>Iraq called for calm.</p>
  <section class="comments"><p>First!</p></section>
</article>
<footer><p>Copyright 2024</p></footer>
</body></html>)";

TEST(HtmlExtractTest, KeepsTheArticleParagraphsOnly) {
  HtmlOptions options;
  options.base_url = "https://www.planet.example/x";
  HtmlPage page = ExtractHtml(kNewsPage, options);
  EXPECT_EQ(page.text,
            "ANKARA (Reuters) - Turkish troops shelled Kurdish militants in "
            "northern Syria on Monday, officials said.\n\n"
            "The United Nations urged Turkey & the militants to hold talks.\n"
            "A ceasefire was not agreed.\n\n"
            "Reactions\n\n"
            "Iraq called for calm.");
  EXPECT_EQ(page.title, "Turkish troops shell Kurdish militants");
  EXPECT_EQ(page.site_name, "The Daily Planet");
  EXPECT_EQ(page.date.ToString(), "2024-01-25");
  EXPECT_TRUE(page.unparsed_date.empty());
  EXPECT_EQ(page.url, "https://www.planet.example/world/2024/01/25/shelling");
}

TEST(HtmlExtractTest, MetadataFallsBackInOrder) {
  struct Case {
    const char* html;
    const char* title;
    const char* date;
    const char* url;
  } cases[] = {
      // <title> when there is neither og:title nor h1.
      {"<title> Plain  title </title><p>Text.</p>", "Plain title", "", ""},
      // h1 before <title>.
      {"<title>T - Site</title><h1>Head line</h1><p>Text.</p>", "Head line", "",
       ""},
      // <time datetime> in the article.
      {"<article><time datetime='2023-05-06T08:00Z'>May 6</time>"
       "<p>Text.</p></article>",
       "", "2023-05-06", ""},
      // itemprop=datePublished beats a meta name=date.
      {"<meta name='date' content='2020-01-01'>"
       "<span itemprop='datePublished' content='2021-02-03'></span><p>T.</p>",
       "", "2021-02-03", ""},
      // JSON-LD.
      {"<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
       "\"datePublished\" : \"2022-07-08T09:10:11Z\"}</script><p>T.</p>",
       "", "2022-07-08", ""},
      // Slashes, and og:url when there is no canonical link.
      {"<meta name='pubdate' content='2019/12/31'>"
       "<meta property='og:url' content='https://a.example/s'><p>T.</p>",
       "", "2019-12-31", "https://a.example/s"},
      // An unparsable first candidate, a parsable later one.
      {"<meta property='article:published_time' content='yesterday'>"
       "<time datetime='2018-03-04'></time><p>T.</p>",
       "", "2018-03-04", ""},
  };
  for (const Case& c : cases) {
    HtmlPage page = ExtractHtml(c.html);
    EXPECT_EQ(page.title, c.title) << c.html;
    EXPECT_EQ(page.date.ToString(), c.date) << c.html;
    EXPECT_EQ(page.url, c.url) << c.html;
  }
}

TEST(HtmlExtractTest, ScriptAndStyleBodiesAreNeverText) {
  HtmlPage page = ExtractHtml(
      "<SCRIPT type='text/javascript'>document.write('<p>Fake</p>');</SCRIPT>"
      "<Script Type='APPLICATION/LD+JSON'>{\"datePublished\": \"2020-02-02\"}"
      "</script><style>p::before { content: '<p>x</p>' }</STYLE>"
      "<p>Real text.</p><script>var s = '</p>';</script><p>More.</p>"
      "<script>never closed <p>kept as gumbo sees it</p>");
  EXPECT_EQ(page.text, "Real text.\n\nMore.");
  EXPECT_EQ(page.date.ToString(), "2020-02-02");
}

TEST(HtmlExtractTest, ReportsAnUnparsableDate) {
  HtmlPage page = ExtractHtml(
      "<meta property='article:published_time' content='Jan 5th'><p>T.</p>");
  EXPECT_FALSE(page.date.valid());
  EXPECT_EQ(page.unparsed_date, "Jan 5th");
}

TEST(HtmlExtractTest, PicksTheLargestArticleElseMainElseBody) {
  HtmlPage page = ExtractHtml(
      "<article><p>Short teaser.</p></article>"
      "<article><p>The long story is this one, with more words.</p></article>");
  EXPECT_EQ(page.text, "The long story is this one, with more words.");
  page = ExtractHtml(
      "<div><p>Outside main.</p></div><main><p>Inside main.</p></main>");
  EXPECT_EQ(page.text, "Inside main.");
  page = ExtractHtml("<div><p>One.</p><p>Two.</p></div>");
  EXPECT_EQ(page.text, "One.\n\nTwo.");
}

TEST(HtmlExtractTest, DivSoupWithoutParagraphsIsReadByBlock) {
  HtmlPage page = ExtractHtml(
      "<body><div>Iraq called for calm.<br><br>Talks begin today.</div>"
      "<div>Second   block.</div></body>");
  EXPECT_EQ(page.text,
            "Iraq called for calm.\nTalks begin today.\n\nSecond block.");
}

TEST(HtmlExtractTest, AWrapperWhoseClassLooksLikeFurnitureIsReadAnyway) {
  // Every paragraph sits under a "with-sidebar" wrapper: the class rule
  // alone would leave nothing.
  HtmlPage page = ExtractHtml(
      "<body><div class='layout with-sidebar'><p>Iraq called for calm.</p>"
      "</div></body>");
  EXPECT_EQ(page.text, "Iraq called for calm.");
}

TEST(HtmlExtractTest, BrokenMarkupIsRepaired) {
  HtmlPage page = ExtractHtml(
      "<html><body><p>First <b>bold <i>paragraph</b> ends.<p>Second &eacute;t"
      "&#233; <div>unclosed");
  EXPECT_EQ(page.text,
            "First bold paragraph ends.\n\nSecond \xC3\xA9t\xC3\xA9");
}

TEST(HtmlExtractTest, NoTextGivesAnEmptyText) {
  for (const char* html :
       {"", "<html><head><title>T</title></head><body></body></html>",
        "<nav><p>Home</p></nav><script>x()</script>", "\0\0\0"}) {
    EXPECT_EQ(ExtractHtml(html).text, "") << html;
  }
}

TEST(HtmlExtractTest, Windows1252PagesAreConverted) {
  const std::string html =
      "<meta charset='windows-1252'><p>Caf\xe9 \x93quoted\x94</p>";
  EXPECT_EQ(ExtractHtml(html).text,
            "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  // Declared by the transport.
  HtmlOptions options;
  options.charset = "text/html; charset=ISO-8859-1";
  EXPECT_EQ(ExtractHtml("<p>Caf\xe9</p>", options).text, "Caf\xC3\xA9");
  // Valid UTF-8 is left alone whatever the page says.
  EXPECT_EQ(ExtractHtml("<meta charset='latin1'><p>Caf\xC3\xA9</p>").text,
            "Caf\xC3\xA9");
}

TEST(HtmlExtractTest, DeepNestingDoesNotOverflowTheStack) {
  std::string html;
  for (int i = 0; i < kMaxHtmlDepth - 10; ++i) html += "<div>";
  html += "<p>Deep text.</p>";
  EXPECT_EQ(ExtractHtml(html).text, "Deep text.");
}

TEST(HtmlExtractTest, MarkupNestedTooDeepIsRefused) {
  std::string deep;
  for (int i = 0; i <= kMaxHtmlDepth; ++i) deep += "<div class=x>";
  HtmlPage page = ExtractHtml(deep + "<p>Text.</p>");
  EXPECT_NE(page.problem.find("nested over"), std::string::npos);
  EXPECT_EQ(page.text, "");
  // Elements HTML closes by itself, void and self-closing ones, comments
  // and closed elements do not count.
  std::string flat;
  for (int i = 0; i <= kMaxHtmlDepth; ++i)
    flat += "<p>a<li>b<br><img src=x><span/><!-- <div> --><div>c</div>";
  page = ExtractHtml(flat);
  EXPECT_EQ(page.problem, "");
  EXPECT_NE(page.text, "");
}

TEST(HtmlExtractTest, InvalidBytesOfTheBaseUrlArePercentEncoded) {
  // Found by html_fuzzer: a relative canonical link resolved against a
  // transport URL with invalid UTF-8 gave an invalid URL.
  HtmlOptions options;
  options.base_url = "https://a.example/caf\xe9/x";
  HtmlPage page = ExtractHtml(
      "<link rel=canonical href='//b.example/\xc3\xa9'><p>T.</p>", options);
  EXPECT_EQ(page.url, "https://b.example/\xc3\xa9");
  options.base_url = "https://a.\xff.example/x";
  page = ExtractHtml("<link rel=canonical href='/y'><p>T.</p>", options);
  EXPECT_EQ(page.url, "https://a.%FF.example/y");
}

TEST(HtmlExtractTest, UrlHost) {
  EXPECT_EQ(UrlHost("https://www.BBC.co.uk/news/x?y#z"), "bbc.co.uk");
  EXPECT_EQ(UrlHost("http://user@host.example:8080"), "host.example");
  EXPECT_EQ(UrlHost("no scheme"), "");
}

}  // namespace
}  // namespace dyad
