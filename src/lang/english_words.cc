#include "lang/english_words.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

namespace dyad {
namespace {

constexpr const char* kBrill =
    "the English lexicon (npm brill, converted); run scripts/setup.sh to "
    "install it, or set DYAD_LEXICON_DIR to the folder holding brill.tsv";
constexpr const char* kWordNet =
    "WordNet (Debian package wordnet-base); run scripts/setup.sh to install "
    "it, or set DYAD_WORDNET_DIR to a WordNet 3.0 database folder";

// A read-only view of a whole file, mapped into memory: the word lists are
// several megabytes, and copying them costs more than parsing them.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_ && size_) munmap(const_cast<char*>(data_), size_);
  }
  Status Open(const std::string& path, const char* what) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return Status::NotFound(path + ": cannot open " + what);
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
      ::close(fd);
      return Status::IoError(path + ": cannot read file");
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      void* m = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (m == MAP_FAILED) {
        ::close(fd);
        size_ = 0;
        return Status::IoError(path + ": cannot map file");
      }
      data_ = static_cast<const char*>(m);
    }
    ::close(fd);
    return Status::Ok();
  }
  std::string_view text() const { return {data_ ? data_ : "", size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Calls fn(line, line_no) for each line of text, without its '\n' or '\r'.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Status s = fn(line, line_no);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// The open class of a Penn tag; 0 for closed-class and other tags.
uint8_t ClassOfPennTag(std::string_view tag) {
  if (tag == "NNP" || tag == "NNPS") return kClassName;
  if (tag.substr(0, 2) == "NN") return kClassNoun;
  if (tag.substr(0, 2) == "VB") return kClassVerb;
  if (tag.substr(0, 2) == "JJ") return kClassAdj;
  if (tag == "RB" || tag == "RBR" || tag == "RBS") return kClassAdv;
  return 0;
}

constexpr size_t kMaxWord = 255;

bool IsLowerWord(std::string_view w) {
  if (w.empty() || w.size() > kMaxWord) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'' || c == '.' ||
          (c >= '0' && c <= '9')))
      return false;
  return true;
}

std::string AsciiLower(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

int ParseCount(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = std::min(1000000, n * 10 + (c - '0'));
  }
  return s.empty() ? -1 : n;
}

std::string_view NextField(std::string_view* line) {
  size_t b = line->find_first_not_of(' ');
  if (b == std::string_view::npos) {
    *line = {};
    return {};
  }
  line->remove_prefix(b);
  size_t e = line->find(' ');
  std::string_view f = line->substr(0, e);
  line->remove_prefix(e == std::string_view::npos ? line->size() : e);
  return f;
}

}  // namespace

WordClasses EnglishWords::Classes(std::string_view lower) const {
  const Entry* e = words_.Find(lower).value;
  return e ? e->classes : WordClasses{};
}

LexiconFiles LexiconFiles::Default() {
  LexiconFiles f;
#ifdef DYAD_DEFAULT_LEXICON_DIR
  f.brill_tsv = std::string(DYAD_DEFAULT_LEXICON_DIR) + "/brill.tsv";
#endif
#ifdef DYAD_DEFAULT_WORDNET_DIR
  f.wordnet_dir = DYAD_DEFAULT_WORDNET_DIR;
#endif
  if (const char* env = std::getenv("DYAD_LEXICON_DIR"); env && *env)
    f.brill_tsv = std::string(env) + "/brill.tsv";
  if (const char* env = std::getenv("DYAD_WORDNET_DIR"); env && *env)
    f.wordnet_dir = env;
  return f;
}

Status EnglishWords::ReadBrill(const std::string& path) {
  MappedFile file;
  Status s = file.Open(path, kBrill);
  if (!s.ok()) return s;
  return ForEachLine(
      file.text(), [&](std::string_view line, int line_no) -> Status {
        // '#' starts a comment only before a space: "#" is also a word.
        if (line.empty() || line.substr(0, 2) == "# ") return Status::Ok();
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0 ||
            tab + 1 == line.size()) {
          return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                         ": expected word<TAB>tags, got '" +
                                         std::string(line) + "'");
        }
        std::string_view word = line.substr(0, tab);
        std::string_view tags = line.substr(tab + 1);
        uint8_t classes = 0, first = 0;
        while (!tags.empty()) {
          std::string_view tag = NextField(&tags);
          uint8_t c = ClassOfPennTag(tag);
          if (c && !first) first = c;
          classes |= c;
        }
        if (!classes || word.size() > kMaxWord)
          return Status::Ok();  // closed-class
        bool lower = true;
        for (char c : word) lower = lower && !(c >= 'A' && c <= 'Z');
        if (lower) {
          WordClasses& w = words_.FindOrAdd(word).classes;
          w.brill = classes;
          w.brill_first = first;
        } else {
          WordClasses& w = words_.FindOrAdd(AsciiLower(word)).classes;
          w.capital |= classes;
          bool capitalized = word[0] >= 'A' && word[0] <= 'Z';
          for (size_t k = 1; k < word.size(); ++k)
            capitalized = capitalized && !(word[k] >= 'A' && word[k] <= 'Z');
          if (capitalized) w.capital_first = first;
        }
        return Status::Ok();
      });
}

Status EnglishWords::ReadWordNetIndex(const std::string& path, WordClass cls) {
  MappedFile file;
  Status s = file.Open(path, kWordNet);
  if (!s.ok()) return s;
  return ForEachLine(
      file.text(), [&](std::string_view line, int line_no) -> Status {
        if (line.empty() || line[0] == ' ') return Status::Ok();  // licence
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt ...
        std::string_view rest = line;
        std::string_view lemma = NextField(&rest);
        if (!IsLowerWord(lemma)) return Status::Ok();  // multi-word (a_priori)
        NextField(&rest);                              // pos
        NextField(&rest);                              // synset_cnt
        int pointers = ParseCount(NextField(&rest));
        for (int i = 0; i < pointers; ++i) NextField(&rest);
        NextField(&rest);  // sense_cnt
        int tagged = ParseCount(NextField(&rest));
        if (pointers < 0 || tagged < 0) {
          return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                         ": not a WordNet index line");
        }
        Entry& e = words_.FindOrAdd(lemma);
        e.classes.wordnet |= cls;
        // +1 so that a class with no tagged sense still beats none.
        uint16_t count = static_cast<uint16_t>(std::min(60000, tagged + 1));
        if (count > e.tagged_senses) {
          e.tagged_senses = count;
          e.classes.wordnet_first = cls;
        }
        if (cls == kClassVerb) verb_lemmas_.emplace_back(lemma);
        return Status::Ok();
      });
}

Status EnglishWords::ReadExceptions(const std::string& path,
                                    StringMap<std::string>* out) {
  MappedFile file;
  Status s = file.Open(path, kWordNet);
  if (!s.ok()) return s;
  return ForEachLine(
      file.text(), [&](std::string_view line, int line_no) -> Status {
        if (line.empty()) return Status::Ok();
        std::string_view rest = line;
        std::string_view form = NextField(&rest);
        std::string_view lemma = NextField(&rest);
        if (form.empty() || lemma.empty()) {
          return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                         ": expected 'form lemma'");
        }
        if (IsLowerWord(form) && IsLowerWord(lemma) && form != lemma)
          out->try_emplace(std::string(form), std::string(lemma));
        return Status::Ok();
      });
}

Result<std::shared_ptr<const EnglishWords>> EnglishWords::Load(
    const LexiconFiles& files) {
  // One instance per set of paths while any lexicon holds it.
  static std::mutex mu;
  static std::map<std::pair<std::string, std::string>,
                  std::weak_ptr<const EnglishWords>>
      cache;
  std::lock_guard<std::mutex> lock(mu);
  auto key = std::make_pair(files.brill_tsv, files.wordnet_dir);
  if (auto hit = cache[key].lock()) return hit;

  if (files.brill_tsv.empty() || files.wordnet_dir.empty()) {
    return Status::NotFound(
        "English lexicon: no path configured for brill.tsv or WordNet; set "
        "DYAD_LEXICON_DIR and DYAD_WORDNET_DIR");
  }
  auto words = std::make_shared<EnglishWords>();
  words->words_.Reserve(160000, 2 << 20);  // the installed lists: ~150,000
  words->verb_lemmas_.reserve(12000);
  Status s = words->ReadBrill(files.brill_tsv);
  const std::pair<const char*, WordClass> kIndexes[] = {
      {"index.noun", kClassNoun},
      {"index.verb", kClassVerb},
      {"index.adj", kClassAdj},
      {"index.adv", kClassAdv}};
  for (const auto& [name, cls] : kIndexes) {
    if (s.ok())
      s = words->ReadWordNetIndex(files.wordnet_dir + "/" + name, cls);
  }
  StringMap<std::string> verb_exc;
  if (s.ok())
    s = words->ReadExceptions(files.wordnet_dir + "/verb.exc", &verb_exc);
  if (s.ok()) {
    s = words->ReadExceptions(files.wordnet_dir + "/noun.exc",
                              &words->noun_exceptions_);
  }
  if (!s.ok()) return s;
  for (auto& [form, lemma] : verb_exc) {
    WordClasses c = words->Classes(form);
    if (c.brill_first && c.brill_first != kClassVerb)
      continue;                            // wound, ground
    if (c.wordnet & kClassVerb) continue;  // lay, saw
    if (!(words->Classes(lemma).wordnet & kClassVerb)) continue;
    words->verb_exceptions_.emplace(form, std::move(lemma));
  }
  std::shared_ptr<const EnglishWords> out = std::move(words);
  cache[key] = out;
  return out;
}

}  // namespace dyad
