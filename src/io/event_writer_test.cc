#include "io/event_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

Event Sample() {
  Event e;
  e.doc_id = "a1";
  e.sentence = 0;
  e.date = "2024-01-23";
  e.article_date = "2024-01-25";
  e.date_source = DateSource{"weekday", "day", "on Tuesday", Span{45, 55}};
  e.source = EventActor{"USAGOV", "USA", "US officials", Span{10, 22}};
  e.target = EventActor{"IRQ", "IRQ", "Iraq", Span{40, 44}};
  e.code = "036";
  e.root = "03";
  e.quad_class = 1;
  e.goldstein = 4.0;
  e.plover = "AGREE";
  e.plover_context = "diplomatic";
  e.verb_text = "expected to begin";
  e.verb = Span{23, 39};
  return e;
}

TEST(EventWriterTest, WritesTheSharedJsonlRecord) {
  std::ostringstream out;
  EventWriter::Create(OutputFormat::kJsonl, &out, false)->Write(Sample());
  EXPECT_EQ(
      out.str(),
      "{\"doc_id\": \"a1\", \"sentence\": 0, \"date\": \"2024-01-23\", "
      "\"source\": {\"code\": \"USAGOV\", \"country\": \"USA\", \"text\": "
      "\"US officials\", \"start\": 10, \"end\": 22}, \"target\": "
      "{\"code\": \"IRQ\", \"country\": \"IRQ\", \"text\": \"Iraq\", "
      "\"start\": 40, \"end\": 44}, \"code\": \"036\", \"root\": \"03\", "
      "\"quad_class\": 1, \"goldstein\": 4.0, \"plover\": \"AGREE\", "
      "\"plover_mode\": \"\", \"plover_context\": \"diplomatic\", "
      "\"verb\": {\"text\": \"expected to begin\", \"start\": 23, "
      "\"end\": 39}, \"date_source\": {\"rule\": \"weekday\", "
      "\"precision\": \"day\", \"text\": \"on Tuesday\", \"start\": 45, "
      "\"end\": 55}, \"article_date\": \"2024-01-25\", \"place\": null}\n");
}

TEST(EventWriterTest, ArticleDateStandsWhenTheSentenceHasNone) {
  Event e = Sample();
  e.date = e.article_date;
  e.date_source = DateSource{};
  e.date_source.precision = "day";
  std::ostringstream out;
  EventWriter::Create(OutputFormat::kJsonl, &out, false)->Write(e);
  EXPECT_NE(out.str().find("\"date\": \"2024-01-25\""), std::string::npos);
  EXPECT_NE(out.str().find("\"date_source\": {\"rule\": \"article\", "
                           "\"precision\": \"day\", \"text\": \"\", "
                           "\"start\": 0, \"end\": 0}"),
            std::string::npos)
      << out.str();
}

TEST(EventWriterTest, WritesThePlace) {
  Event e = Sample();
  EventPlace p;
  p.type = 4;
  p.name = "Jamundí, Valle del Cauca, Colombia";
  p.country = "COL";
  p.fips = "CO";
  p.adm1 = "CO29";
  p.feature_id = "3680387";
  p.lat = 3.26074;
  p.lon = -76.53499;
  p.has_coords = true;
  p.text = "Jamundi";
  p.span = Span{50, 57};
  p.rule = "locative";
  e.place = p;
  std::ostringstream out;
  EventWriter::Create(OutputFormat::kJsonl, &out, false)->Write(e);
  EXPECT_NE(out.str().find(
                "\"place\": {\"name\": \"Jamundí, Valle del Cauca, Colombia\", "
                "\"type\": 4, \"country\": \"COL\", \"fips\": \"CO\", "
                "\"adm1\": \"CO29\", \"feature_id\": \"3680387\", "
                "\"lat\": 3.26074, \"lon\": -76.53499, \"rule\": "
                "\"locative\", \"text\": \"Jamundi\", \"start\": 50, "
                "\"end\": 57}}"),
            std::string::npos)
      << out.str();
  e.place->has_coords = false;  // a region GeoNames has no places for
  out.str("");
  EventWriter::Create(OutputFormat::kJsonl, &out, false)->Write(e);
  EXPECT_NE(out.str().find("\"lat\": null, \"lon\": null"), std::string::npos);
}

TEST(EventWriterTest, NullTargetAndExplanation) {
  Event e = Sample();
  e.target.reset();
  e.rule = "active";
  e.evidence.push_back(Evidence{"verb", "data/verbs/x.txt:3", "begin talks",
                                "036", Span{23, 39}});
  std::ostringstream out;
  EventWriter::Create(OutputFormat::kJsonl, &out, true)->Write(e);
  EXPECT_NE(out.str().find("\"target\": null"), std::string::npos);
  EXPECT_NE(out.str().find("\"explain\": {\"rule\": \"active\", \"evidence\": "
                           "[{\"role\": \"verb\", \"entry\": "
                           "\"data/verbs/x.txt:3\""),
            std::string::npos)
      << out.str();
}

TEST(EventWriterTest, EscapesJsonAndInvalidUtf8) {
  std::string s;
  AppendJsonEscaped("a\"b\\c\nd\x01 \xff caf\xc3\xa9", &s);
  EXPECT_EQ(s, "a\\\"b\\\\c\\nd\\u0001 \\ufffd caf\xc3\xa9");
}

TEST(EventWriterTest, TsvHasHeaderAndOneLinePerEvent) {
  std::ostringstream out;
  auto w = EventWriter::Create(OutputFormat::kTsv, &out, false);
  Event e = Sample();
  e.source.text = "US\tofficials";
  w->Write(e);
  e.target.reset();
  w->Write(e);
  std::string s = out.str();
  std::istringstream lines(s);
  std::string header, l1, l2;
  std::getline(lines, header);
  std::getline(lines, l1);
  std::getline(lines, l2);
  EXPECT_EQ(header.rfind("doc_id\tsentence\tdate\tsource_code", 0), 0u);
  EXPECT_EQ(l1,
            "a1\t0\t2024-01-23\tUSAGOV\tUSA\tUS officials\t10\t22\tIRQ\tIRQ\t"
            "Iraq\t40\t44\t036\t03\t1\t4.0\tAGREE\texpected to begin\t23\t39\t"
            "2024-01-25\tweekday\tday\ton Tuesday\t45\t55"
            "\t\t\t\t\t\t\t\t\t\t\t\t");  // no place: 12 empty fields
  EXPECT_EQ(l2,
            "a1\t0\t2024-01-23\tUSAGOV\tUSA\tUS officials\t10\t22\t\t\t\t\t\t"
            "036\t03\t1\t4.0\tAGREE\texpected to begin\t23\t39\t"
            "2024-01-25\tweekday\tday\ton Tuesday\t45\t55"
            "\t\t\t\t\t\t\t\t\t\t\t\t");
  size_t tabs = std::count(header.begin(), header.end(), '\t');
  EXPECT_EQ(tabs, static_cast<size_t>(std::count(l2.begin(), l2.end(), '\t')));
}

TEST(EventWriterTest, PloverGathersCompoundActorsAndSkipsStatements) {
  std::ostringstream out;
  auto w = EventWriter::Create(OutputFormat::kPloverJsonl, &out, false);
  Event a = Sample();  // USAGOV -> IRQ, act 0
  Event b = Sample();
  b.source = EventActor{"IRN", "IRN", "Iran", Span{0, 4}};  // same act
  Event statement = Sample();
  statement.act = 1;
  statement.plover = "";
  statement.code = "010";
  Event c = Sample();
  c.act = 2;
  w->Write(a);
  w->Write(b);
  w->Write(statement);
  w->Write(c);
  w->Flush();
  std::string s = out.str();
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 2);
  EXPECT_NE(s.find("\"id\": \"a1:0:0\""), std::string::npos);
  EXPECT_NE(s.find("\"actor\": [{\"code\": \"USAGOV\""), std::string::npos)
      << s;
  EXPECT_NE(s.find("{\"code\": \"IRN\""), std::string::npos);
  EXPECT_NE(s.find("\"recipient\": [{\"code\": \"IRQ\""), std::string::npos);
  EXPECT_EQ(s.find("\"010\""), std::string::npos);
  EXPECT_NE(s.find("\"id\": \"a1:0:2\""), std::string::npos);
}

}  // namespace
}  // namespace dyad
