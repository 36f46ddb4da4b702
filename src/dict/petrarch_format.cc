#include "dict/petrarch_format.h"

#include "dict/actor_dictionary.h"

namespace dyad {
namespace {

bool IsUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;  // continuation bytes
    if (c < 0x80)
      n = 0;
    else if (c >= 0xC2 && c <= 0xDF)
      n = 1;
    else if ((c & 0xF0) == 0xE0)
      n = 2;
    else if (c >= 0xF0 && c <= 0xF4)
      n = 3;
    else
      return false;
    if (i + n >= s.size() && n > 0) return false;
    for (size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

std::vector<PetrarchLine> ReadPetrarchLines(std::string_view text) {
  std::vector<PetrarchLine> out;
  int number = 0;
  bool in_comment = false;  // inside a multi-line "<!-- ... -->"
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++number;
    if (in_comment) {
      size_t end = line.find("-->");
      if (end == std::string::npos) continue;
      in_comment = false;
      line.erase(0, end + 3);
    }
    std::string_view lead = TrimBlanks(line);
    if (lead.substr(0, 2) == "<!") {
      size_t end = line.find("-->");
      if (end == std::string::npos) {
        in_comment = true;
        continue;
      }
      line.erase(0, end + 3);
    }
    // An inline "<!-- ... -->" inside a line.
    for (size_t open; (open = line.find("<!--")) != std::string::npos;) {
      size_t end = line.find("-->", open);
      if (end == std::string::npos) {
        line.resize(open);
        in_comment = true;
        break;
      }
      line.erase(open, end + 3 - open);
    }
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    while (!line.empty() &&
           (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    if (TrimBlanks(line).empty()) continue;
    bool utf8 = IsUtf8(line);
    for (char c : line)
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') utf8 = false;
    out.push_back(PetrarchLine{number, std::move(line), utf8});
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitBlanks(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\r') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::string JoinPetrarchWords(std::string_view phrase) {
  std::string spaced(phrase);
  for (char& c : spaced)
    if (c == '_') c = ' ';
  std::string out;
  for (const std::string& w : SplitBlanks(spaced)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string DyadActorPhrase(std::string_view phrase, const Lexicon& lexicon,
                            bool* kept_capitals) {
  *kept_capitals = false;
  std::string words = JoinPetrarchWords(phrase);
  std::string lower = AsciiLower(words);
  if (words.find(' ') == std::string::npos) {
    int letters = 0;
    bool all_caps = true;
    for (char c : words) {
      if (c >= 'A' && c <= 'Z') ++letters;
      if (c >= 'a' && c <= 'z') all_caps = false;
    }
    Pos pos;
    if (all_caps && letters >= 2 && lexicon.ClosedClass(lower, &pos)) {
      *kept_capitals = true;
      return words;
    }
  }
  return lower;
}

bool DyadPhraseOk(std::string_view phrase) {
  if (phrase.find_first_of(";#") != std::string_view::npos) return false;
  return !PhraseWords(phrase).empty();
}

Date ParsePetrarchDate(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return Date{};
  std::string iso;
  if (s.size() == 8) {
    iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) +
          "-" + std::string(s.substr(6, 2));
  } else if (s.size() == 6) {
    int yy = (s[0] - '0') * 10 + (s[1] - '0');
    iso = std::to_string(yy <= 30 ? 2000 + yy : 1900 + yy) + "-" +
          std::string(s.substr(2, 2)) + "-" + std::string(s.substr(4, 2));
  } else {
    return Date{};
  }
  return ParseDate(iso);
}

Date AddDays(const Date& d, long days) {
  // Howard Hinnant's civil_from_days on the day number.
  long z = d.DayNumber() + days + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  Date out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

}  // namespace dyad
