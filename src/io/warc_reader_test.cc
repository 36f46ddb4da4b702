#include "io/warc_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "io/http_response.h"
#include "io/warc_test_util.h"

namespace dyad {
namespace {

using testing::Gzip;
using testing::HtmlResponse;
using testing::HttpBlock;
using testing::WarcRecord;

struct ReadAll {
  std::vector<InputRecord> records;  // prepared
  std::vector<std::string> errors;   // the reader's and prepare()'s
  std::vector<std::string> skipped;  // prepare()'s notes
  std::string summary;
};

ReadAll Read(const std::string& input, const std::string& name = "t.warc",
             ReaderOptions options = {}) {
  std::istringstream in(input);
  auto reader = RecordReader::FromStream(&in, name, options);
  ReadAll out;
  InputRecord r;
  std::string error;
  for (int guard = 0; guard < 1000; ++guard) {
    auto o = reader->Next(&r, &error);
    if (o == RecordReader::Outcome::kEnd) break;
    if (o == RecordReader::Outcome::kError) {
      out.errors.push_back(error);
      continue;
    }
    EXPECT_TRUE(r.prepare);  // extraction is left to the coding threads
    std::string message;
    switch (PrepareRecord(&r, &message)) {
      case PrepareOutcome::kReady:
        out.records.push_back(r);
        break;
      case PrepareOutcome::kError:
        out.errors.push_back(message);
        break;
      case PrepareOutcome::kSkip:
        out.skipped.push_back(message);
        break;
    }
  }
  out.summary = reader->Summary();
  return out;
}

const char kPage1[] =
    "<html><head><title>One</title></head><body><article>"
    "<p>Iraqi forces attacked Islamic State positions near Mosul.</p>"
    "</article></body></html>";
const char kPage2[] =
    "<html><head><meta property='article:published_time' "
    "content='2024-01-25'><link rel=canonical href='https://b.example/c'>"
    "</head><body><p>The United Nations urged Israel to hold talks.</p>"
    "</body></html>";

std::string MixedWarc() {
  return WarcRecord("warcinfo", "software: test\r\n") +
         WarcRecord("request", "GET / HTTP/1.1\r\n\r\n", "",
                    "https://a.example/1") +
         HtmlResponse("https://a.example/1", kPage1) +
         WarcRecord("metadata", "fetchTimeMs: 12\r\n", "",
                    "https://a.example/1") +
         WarcRecord("response", HttpBlock("image/png", "\x89PNG...."), "",
                    "https://a.example/i.png") +
         WarcRecord("response", HttpBlock("text/html", "<p>Moved</p>", 301), "",
                    "https://a.example/old") +
         HtmlResponse("https://b.example/2?x", kPage2) +
         HtmlResponse("https://b.example/empty",
                      "<html><nav>Home</nav></html>") +
         WarcRecord("resource", "<p>Turkish troops shelled militants.</p>",
                    "Content-Type: text/html\r\n", "file:///r.html");
}

void CheckMixed(const ReadAll& r, const std::string& name) {
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.records.size(), 3u);
  const Article& a = r.records[0].article;
  EXPECT_EQ(a.id, "https://a.example/1");
  EXPECT_EQ(a.url, "https://a.example/1");
  EXPECT_EQ(a.text,
            "Iraqi forces attacked Islamic State positions near Mosul.");
  EXPECT_EQ(a.title, "One");
  EXPECT_EQ(a.source, "a.example");
  EXPECT_EQ(a.date.ToString(), "2024-02-01");  // WARC-Date: the page has none
  EXPECT_EQ(r.records[0].warning, "");
  EXPECT_EQ(r.records[0].location.rfind(name + ": record 3 at byte ", 0), 0u)
      << r.records[0].location;
  const Article& b = r.records[1].article;
  EXPECT_EQ(b.id, "https://b.example/2?x");  // the target URI is the id
  EXPECT_EQ(b.url, "https://b.example/c");   // the canonical link the URL
  EXPECT_EQ(b.date.ToString(), "2024-01-25");
  EXPECT_EQ(r.records[2].article.text, "Turkish troops shelled militants.");
  EXPECT_EQ(r.summary,
            name +
                ": 4 HTML records read, 5 records skipped (1 HTTP status not "
                "2xx, 1 metadata, 1 non-HTML response, 1 request, 1 "
                "warcinfo)");
  // The page without text is a note naming the record.
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].rfind(name + ": record 8 at byte ", 0), 0u)
      << r.skipped[0];
  EXPECT_NE(r.skipped[0].find(": no article text found"), std::string::npos);
}

TEST(WarcReaderTest, CodesHtmlRecordsAndCountsTheRest) {
  CheckMixed(Read(MixedWarc(), "t.warc"), "t.warc");
}

TEST(WarcReaderTest, ReadsGzipMembersOneAfterAnother) {
  std::string gz;
  // One member per record, as in CC-NEWS.
  std::string warc = MixedWarc();
  size_t pos = 0;
  while (pos < warc.size()) {
    size_t next = warc.find("WARC/1.0\r\n", pos + 1);
    if (next == std::string::npos) next = warc.size();
    gz += Gzip(warc.substr(pos, next - pos));
    pos = next;
  }
  CheckMixed(Read(gz, "t.warc.gz"), "t.warc.gz");
  // The name does not matter: the gzip magic does.
  CheckMixed(Read(gz, "-"), "-");
  // One member for the whole file works too.
  CheckMixed(Read(Gzip(warc), "one.warc.gz"), "one.warc.gz");
}

TEST(WarcReaderTest, TruncatedGzipEndsTheFileWithAnError) {
  std::string first = Gzip(HtmlResponse("https://a.example/1", kPage1));
  std::string second = Gzip(HtmlResponse("https://a.example/2", kPage1));
  ReadAll r = Read(first + second.substr(0, second.size() / 2), "t.warc.gz");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].rfind("t.warc.gz: record 2 at byte ", 0), 0u)
      << r.errors[0];
  EXPECT_NE(r.errors[0].find("truncated gzip stream"), std::string::npos)
      << r.errors[0];
}

TEST(WarcReaderTest, GzipThatIsNotAWarcIsOneError) {
  ReadAll r = Read(Gzip("{\"id\": 1, \"text\": \"x\"}\n"), "t.jsonl.gz");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.records.size(), 0u);
  EXPECT_NE(r.errors[0].find("not a WARC file"), std::string::npos);
  // Corrupt from the first bytes.
  r = Read(std::string("\x1f\x8b\x08\x00garbage garbage", 20), "c.warc.gz");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("gzip"), std::string::npos) << r.errors[0];
}

TEST(WarcReaderTest, BadHeadersAreReportedAndSkipped) {
  const std::string good = HtmlResponse("https://a.example/1", kPage1);
  struct Case {
    std::string bad;
    const char* message;
  } cases[] = {
      {"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\n"
       "0123456789ab\r\n\r\n",
       "Content-Length '12x' is not a number"},
      {"WARC/1.0\r\nWARC-Type: response\r\n\r\nabc\r\n\r\n",
       "no Content-Length"},
      {"WARC/1.0\r\nthis line has no colon\r\nContent-Length: 3\r\n\r\nabc"
       "\r\n\r\n",
       "header line without ':'"},
      {"GARBAGE LINE\r\nmore garbage\r\n", "expected 'WARC/1.x'"},
  };
  for (const Case& c : cases) {
    ReadAll r = Read(good + c.bad + good, "b.warc");
    ASSERT_EQ(r.errors.size(), 1u) << c.bad;
    EXPECT_EQ(r.errors[0].rfind("b.warc: record 2 at byte " +
                                    std::to_string(good.size()) + ": ",
                                0),
              0u)
        << r.errors[0];
    EXPECT_NE(r.errors[0].find(c.message), std::string::npos) << r.errors[0];
    ASSERT_EQ(r.records.size(), 2u) << c.bad;
    EXPECT_EQ(r.records[1].location.rfind("b.warc: record 3 at", 0), 0u)
        << r.records[1].location;
  }
}

TEST(WarcReaderTest, TruncatedRecordAtTheEnd) {
  const std::string good = HtmlResponse("https://a.example/1", kPage1);
  const std::string cut = good.substr(0, good.size() - 40);
  ReadAll r = Read(good + cut, "t.warc");
  ASSERT_EQ(r.records.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("record 2 at byte"), std::string::npos);
  EXPECT_NE(r.errors[0].find("truncated record"), std::string::npos)
      << r.errors[0];
  // Cut inside the header.
  r = Read(good + "WARC/1.0\r\nWARC-Type: resp", "t.warc");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("inside the WARC header"), std::string::npos);
}

TEST(WarcReaderTest, ChunkedAndGzippedPayloads) {
  std::string html = kPage1;
  std::string chunked;
  for (size_t i = 0; i < html.size(); i += 50) {
    std::string piece = html.substr(i, 50);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string warc =
      WarcRecord("response",
                 HttpBlock("text/html", chunked, 200,
                           "Transfer-Encoding: chunked\r\n"),
                 "", "https://a.example/chunked") +
      WarcRecord(
          "response",
          HttpBlock("text/html", Gzip(html), 200, "Content-Encoding: gzip\r\n"),
          "", "https://a.example/gz") +
      WarcRecord("response",
                 HttpBlock("text/html", "xx", 200, "Content-Encoding: br\r\n"),
                 "", "https://a.example/br") +
      WarcRecord("response",
                 HttpBlock("text/html", "zz\r\nbad", 200,
                           "Transfer-Encoding: chunked\r\n"),
                 "", "https://a.example/badchunk");
  ReadAll r = Read(warc);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].article.text, r.records[1].article.text);
  EXPECT_EQ(r.records[0].article.text,
            "Iraqi forces attacked Islamic State positions near Mosul.");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].find("record 3 at"), std::string::npos);
  EXPECT_NE(r.errors[0].find("unsupported Content-Encoding 'br'"),
            std::string::npos);
  EXPECT_NE(r.errors[1].find("bad chunked encoding"), std::string::npos);
}

TEST(WarcReaderTest, UnparsablePageDateFallsBackToWarcDateWithAWarning) {
  ReadAll r = Read(HtmlResponse(
      "https://a.example/1",
      "<meta property='article:published_time' content='Jan 5'><p>T.</p>"));
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].article.date.ToString(), "2024-02-01");
  EXPECT_EQ(r.records[0].warning,
            "unparsable date 'Jan 5': dated by WARC-Date");
}

TEST(HttpResponseTest, ParsesTheHead) {
  HttpResponse h;
  ASSERT_TRUE(ParseHttpHead(
      "HTTP/1.1 404 Not Found\r\ncontent-TYPE:  text/html;charset=x \r\n"
      "Content-Encoding: GZIP\r\n\r\nbody",
      &h));
  EXPECT_EQ(h.status, 404);
  EXPECT_EQ(h.content_type, "text/html;charset=x");
  EXPECT_EQ(h.content_encoding, "gzip");
  EXPECT_EQ(h.header_size, 87u);
  EXPECT_FALSE(ParseHttpHead("HTTP/1.1 200 OK\r\nNo-End: x\r\n", &h));
  EXPECT_FALSE(ParseHttpHead("<html>", &h));
  EXPECT_TRUE(IsHtmlContentType(" Text/HTML ; charset=utf-8"));
  EXPECT_TRUE(IsHtmlContentType("application/xhtml+xml"));
  EXPECT_FALSE(IsHtmlContentType("text/plain"));
}

}  // namespace
}  // namespace dyad
