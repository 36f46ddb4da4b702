#include "lang/lexicon.h"

#include <atomic>
#include <cstring>
#include <fstream>

namespace dyad {
namespace {

struct ClosedWord {
  const char* word;
  Pos pos;
};

// English closed-class words. Ambiguous ones get the reading the tagger
// starts from ("that" as a subordinator, "to" as infinitive marker); the
// tagger revises them in context.
constexpr ClosedWord kClosedWords[] = {
    {"the", Pos::kDet},
    {"a", Pos::kDet},
    {"an", Pos::kDet},
    {"this", Pos::kDet},
    {"these", Pos::kDet},
    {"those", Pos::kDet},
    {"some", Pos::kDet},
    {"any", Pos::kDet},
    {"each", Pos::kDet},
    {"every", Pos::kDet},
    {"all", Pos::kDet},
    {"both", Pos::kDet},
    {"no", Pos::kDet},
    {"another", Pos::kDet},
    {"its", Pos::kDet},
    {"their", Pos::kDet},
    {"his", Pos::kDet},
    {"her", Pos::kDet},
    {"our", Pos::kDet},
    {"my", Pos::kDet},
    {"your", Pos::kDet},
    {"several", Pos::kDet},
    {"many", Pos::kDet},
    {"few", Pos::kDet},
    {"more", Pos::kDet},
    {"most", Pos::kDet},
    {"other", Pos::kDet},
    {"such", Pos::kDet},
    {"least", Pos::kDet},
    {"dozens", Pos::kDet},
    {"hundreds", Pos::kDet},
    {"thousands", Pos::kDet},
    {"millions", Pos::kDet},
    {"he", Pos::kPron},
    {"she", Pos::kPron},
    {"it", Pos::kPron},
    {"they", Pos::kPron},
    {"we", Pos::kPron},
    {"i", Pos::kPron},
    {"you", Pos::kPron},
    {"him", Pos::kPron},
    {"them", Pos::kPron},
    {"us", Pos::kPron},
    {"me", Pos::kPron},
    {"itself", Pos::kPron},
    {"themselves", Pos::kPron},
    {"himself", Pos::kPron},
    {"herself", Pos::kPron},
    {"there", Pos::kPron},
    {"one", Pos::kNum},
    {"who", Pos::kWh},
    {"whom", Pos::kWh},
    {"which", Pos::kWh},
    {"whose", Pos::kWh},
    {"of", Pos::kPrep},
    {"in", Pos::kPrep},
    {"on", Pos::kPrep},
    {"at", Pos::kPrep},
    {"by", Pos::kPrep},
    {"for", Pos::kPrep},
    {"with", Pos::kPrep},
    {"from", Pos::kPrep},
    {"into", Pos::kPrep},
    {"onto", Pos::kPrep},
    {"over", Pos::kPrep},
    {"under", Pos::kPrep},
    {"against", Pos::kPrep},
    {"between", Pos::kPrep},
    {"among", Pos::kPrep},
    {"during", Pos::kPrep},
    {"through", Pos::kPrep},
    {"across", Pos::kPrep},
    {"about", Pos::kPrep},
    {"near", Pos::kPrep},
    {"toward", Pos::kPrep},
    {"towards", Pos::kPrep},
    {"despite", Pos::kPrep},
    {"without", Pos::kPrep},
    {"within", Pos::kPrep},
    {"along", Pos::kPrep},
    {"around", Pos::kPrep},
    {"behind", Pos::kPrep},
    {"beyond", Pos::kPrep},
    {"via", Pos::kPrep},
    {"per", Pos::kPrep},
    {"amid", Pos::kPrep},
    {"amidst", Pos::kPrep},
    {"following", Pos::kPrep},
    {"including", Pos::kPrep},
    {"upon", Pos::kPrep},
    {"throughout", Pos::kPrep},
    {"outside", Pos::kPrep},
    {"inside", Pos::kPrep},
    {"like", Pos::kPrep},
    {"than", Pos::kPrep},
    {"off", Pos::kPrep},
    {"up", Pos::kPrep},
    {"down", Pos::kPrep},
    {"out", Pos::kPrep},
    {"after", Pos::kPrep},
    {"before", Pos::kPrep},
    {"since", Pos::kPrep},
    {"until", Pos::kPrep},
    {"regarding", Pos::kPrep},
    {"concerning", Pos::kPrep},
    {"according", Pos::kPrep},  // "according to"
    {"above", Pos::kPrep},
    {"below", Pos::kPrep},
    {"beneath", Pos::kPrep},
    {"besides", Pos::kPrep},
    {"unlike", Pos::kPrep},
    {"and", Pos::kConj},
    {"or", Pos::kConj},
    {"but", Pos::kConj},
    {"nor", Pos::kConj},
    {"that", Pos::kSconj},
    {"because", Pos::kSconj},
    {"although", Pos::kSconj},
    {"though", Pos::kSconj},
    {"while", Pos::kSconj},
    {"whereas", Pos::kSconj},
    {"if", Pos::kSconj},
    {"unless", Pos::kSconj},
    {"when", Pos::kSconj},
    {"whenever", Pos::kSconj},
    {"as", Pos::kSconj},
    {"once", Pos::kSconj},
    {"whether", Pos::kSconj},
    {"where", Pos::kSconj},
    {"how", Pos::kSconj},
    {"why", Pos::kSconj},
    {"what", Pos::kSconj},
    {"so", Pos::kSconj},
    {"be", Pos::kAux},
    {"is", Pos::kAux},
    {"am", Pos::kAux},
    {"are", Pos::kAux},
    {"was", Pos::kAux},
    {"were", Pos::kAux},
    {"been", Pos::kAux},
    {"being", Pos::kAux},
    {"have", Pos::kAux},
    {"has", Pos::kAux},
    {"had", Pos::kAux},
    {"having", Pos::kAux},
    {"do", Pos::kAux},
    {"does", Pos::kAux},
    {"did", Pos::kAux},
    {"'s", Pos::kPoss},
    {"'", Pos::kPoss},
    {"will", Pos::kModal},
    {"would", Pos::kModal},
    {"shall", Pos::kModal},
    {"should", Pos::kModal},
    {"can", Pos::kModal},
    {"could", Pos::kModal},
    {"may", Pos::kModal},
    {"might", Pos::kModal},
    {"must", Pos::kModal},
    {"wo", Pos::kModal},
    {"ca", Pos::kModal},
    {"'ll", Pos::kModal},
    {"'d", Pos::kModal},
    {"not", Pos::kNeg},
    {"n't", Pos::kNeg},
    {"never", Pos::kNeg},
    {"to", Pos::kTo},
    {"also", Pos::kAdv},
    {"already", Pos::kAdv},
    {"still", Pos::kAdv},
    {"yet", Pos::kAdv},
    {"again", Pos::kAdv},
    {"recently", Pos::kAdv},
    {"reportedly", Pos::kAdv},
    {"allegedly", Pos::kAdv},
    {"now", Pos::kAdv},
    {"then", Pos::kAdv},
    {"just", Pos::kAdv},
    {"even", Pos::kAdv},
    {"only", Pos::kAdv},
    {"later", Pos::kAdv},
    {"earlier", Pos::kAdv},
    {"today", Pos::kAdv},
    {"yesterday", Pos::kAdv},
    {"tomorrow", Pos::kAdv},
    {"meanwhile", Pos::kAdv},
    {"however", Pos::kAdv},
    {"jointly", Pos::kAdv},
    {"reluctantly", Pos::kAdv},
    {"repeatedly", Pos::kAdv},
    {"far", Pos::kAdv},
    {"very", Pos::kAdv},
    {"too", Pos::kAdv},
    {"almost", Pos::kAdv},
    {"nearly", Pos::kAdv},
    {"about", Pos::kPrep},
    {"soon", Pos::kAdv},
    {"often", Pos::kAdv},
    {"ever", Pos::kAdv},
    {"once", Pos::kSconj},
    {"late", Pos::kAdv},
    {"together", Pos::kAdv},
    {"further", Pos::kAdv},
    // Number words.
    {"two", Pos::kNum},
    {"three", Pos::kNum},
    {"four", Pos::kNum},
    {"five", Pos::kNum},
    {"six", Pos::kNum},
    {"seven", Pos::kNum},
    {"eight", Pos::kNum},
    {"nine", Pos::kNum},
    {"ten", Pos::kNum},
    {"eleven", Pos::kNum},
    {"twelve", Pos::kNum},
    {"twenty", Pos::kNum},
    {"dozen", Pos::kNum},
    {"hundred", Pos::kNum},
    {"thousand", Pos::kNum},
    {"million", Pos::kNum},
    {"billion", Pos::kNum},
    {"trillion", Pos::kNum},
    // Predicative adjectives that take an infinitive ("is ready to send").
    {"ready", Pos::kAdj},
    {"willing", Pos::kAdj},
    {"unwilling", Pos::kAdj},
    {"able", Pos::kAdj},
    {"unable", Pos::kAdj},
    {"likely", Pos::kAdj},
    {"unlikely", Pos::kAdj},
    {"eager", Pos::kAdj},
    {"keen", Pos::kAdj},
    {"due", Pos::kAdj},
    {"poised", Pos::kAdj},
};

// Verb suffix rules, tried in order: strip `suffix`, append `add`.
struct SuffixRule {
  std::string_view suffix;
  std::string_view add;
  VerbForm form;
  bool undouble;  // "stopped" -> "stop": drop one of a doubled consonant
};
constexpr SuffixRule kVerbRules[] = {
    {"ies", "y", VerbForm::kS, false},     {"es", "", VerbForm::kS, false},
    {"s", "", VerbForm::kS, false},        {"ied", "y", VerbForm::kEd, false},
    {"ed", "", VerbForm::kEd, true},       {"ed", "", VerbForm::kEd, false},
    {"ed", "e", VerbForm::kEd, false},     {"ing", "", VerbForm::kIng, true},
    {"ing", "", VerbForm::kIng, false},    {"ing", "e", VerbForm::kIng, false},
    {"ying", "ie", VerbForm::kIng, false},
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// A stem ending consonant-vowel-consonant ("hop", "star"). English doubles
// such a final consonant before -ed and -ing ("hopped", "starring"), so an
// undoubled form of it comes from a lemma in -e: "hoped" is "hope".
bool EndsCvc(std::string_view stem) {
  size_t n = stem.size();
  if (n < 3) return false;
  char last = stem[n - 1];
  return !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
         IsVowel(stem[n - 2]) && !IsVowel(stem[n - 3]);
}

// "-es" is the ending only after a sibilant or an o: "pushes", "goes";
// "hopes" is "hope" + "s".
bool TakesEs(std::string_view stem) {
  return EndsWith(stem, "s") || EndsWith(stem, "x") || EndsWith(stem, "z") ||
         EndsWith(stem, "ch") || EndsWith(stem, "sh") || EndsWith(stem, "o");
}

}  // namespace

const char* PosName(Pos pos) {
  switch (pos) {
    case Pos::kNoun:
      return "NOUN";
    case Pos::kPropn:
      return "PROPN";
    case Pos::kVerb:
      return "VERB";
    case Pos::kAux:
      return "AUX";
    case Pos::kModal:
      return "MODAL";
    case Pos::kAdj:
      return "ADJ";
    case Pos::kAdv:
      return "ADV";
    case Pos::kDet:
      return "DET";
    case Pos::kPron:
      return "PRON";
    case Pos::kPrep:
      return "PREP";
    case Pos::kConj:
      return "CONJ";
    case Pos::kSconj:
      return "SCONJ";
    case Pos::kTo:
      return "TO";
    case Pos::kNeg:
      return "NEG";
    case Pos::kNum:
      return "NUM";
    case Pos::kPunct:
      return "PUNCT";
    case Pos::kPoss:
      return "POSS";
    case Pos::kWh:
      return "WH";
  }
  return "?";
}

uint64_t LexiconId::Next() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Lexicon Lexicon::Minimal(const std::vector<std::string>& verb_lemmas) {
  Lexicon lex;
  for (const ClosedWord& w : kClosedWords)  // the first listing wins
    if (!lex.closed_.Find(w.word).value) lex.closed_.FindOrAdd(w.word) = w.pos;
  for (const std::string& v : verb_lemmas)
    if (!v.empty()) lex.AddVerb(v, true, nullptr);
  return lex;
}

Result<Lexicon> Lexicon::Build(const std::string& irregular_verbs_path,
                               const std::vector<std::string>& verb_lemmas,
                               const LexiconFiles& files) {
  Lexicon lex = Minimal(verb_lemmas);
  std::ifstream in(irregular_verbs_path);
  if (!in) {
    return Status::NotFound(irregular_verbs_path + ": cannot open file");
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    size_t colon = line.find(':');
    auto trim = [](std::string s) {
      size_t b = s.find_first_not_of(" \t\r");
      size_t e = s.find_last_not_of(" \t\r");
      return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    };
    std::string form =
        colon == std::string::npos ? "" : trim(line.substr(0, colon));
    std::string lemma =
        colon == std::string::npos ? "" : trim(line.substr(colon + 1));
    bool ok = !form.empty() && !lemma.empty();
    for (char c : form + lemma)
      ok = ok && ((c >= 'a' && c <= 'z') || c == '-' || c == '\'');
    if (!ok) {
      return Status::InvalidArgument(
          irregular_verbs_path + ":" + std::to_string(line_no) +
          ": expected 'form: lemma' in lower case, got '" + trim(line) + "'");
    }
    WordTable<Word>::Ref ref;
    lex.AddVerb(lemma, true, &ref);
    Word& w = lex.words_.FindOrAdd(form);
    if (w.irregular_of.size == 0) ++lex.irregular_count_;
    w.irregular_of = ref;
  }
  auto english = EnglishWords::Load(files);
  if (!english.ok()) return english.status();
  lex.english_ = std::move(english).value();
  // WordNet's verbs, irregular forms and plurals, after ours: ours win.
  const EnglishWords& en = *lex.english_;
  lex.words_.Reserve(en.verb_lemmas().size() + en.verb_exceptions().size() +
                         en.noun_exceptions().size(),
                     256 << 10);
  for (const std::string& v : en.verb_lemmas()) lex.AddVerb(v, false, nullptr);
  for (const auto& [form, lemma] : en.verb_exceptions()) {
    WordTable<Word>::Ref ref;
    lex.AddVerb(lemma, false, &ref);
    Word& w = lex.words_.FindOrAdd(form);
    if (w.irregular_of.size == 0) w.irregular_of = ref;
  }
  for (const auto& [form, lemma] : en.noun_exceptions()) {
    WordTable<Word>::Ref ref;
    lex.words_.FindOrAdd(lemma, &ref);
    lex.words_.FindOrAdd(form).singular = ref;
  }
  return lex;
}

bool Lexicon::ClosedClass(std::string_view lower, Pos* pos) const {
  auto found = closed_.Find(lower);
  if (!found.value) return false;
  *pos = *found.value;
  return true;
}

Lexicon::Word& Lexicon::AddVerb(std::string_view lemma, bool dictionary,
                                WordTable<Word>::Ref* ref) {
  Word& w = words_.FindOrAdd(lemma, ref);
  w.verb = true;
  w.dictionary = w.dictionary || dictionary;
  return w;
}

std::string_view Lexicon::FindVerb(std::string_view s, bool* dictionary) const {
  WordTable<Word>::Entry e = words_.Find(s);
  if (!e.value || !e.value->verb) return std::string_view();
  *dictionary = e.value->dictionary;
  return e.key;
}

VerbLemma Lexicon::LemmatizeVerb(std::string_view w) const {
  VerbLemma out;
  if (w.size() < 2) return out;
  WordTable<Word>::Entry entry = words_.Find(w);
  if (entry.value) {
    if (entry.value->irregular_of.size) {
      out.lemma =
          FindVerb(words_.Text(entry.value->irregular_of), &out.dictionary);
      // Irregular past forms act like -ed forms (struck, held, met).
      out.form = EndsWith(w, "ing") ? VerbForm::kIng : VerbForm::kEd;
      return out;
    }
    if (entry.value->verb) {
      out.lemma = entry.key;
      out.dictionary = entry.value->dictionary;
      out.form = VerbForm::kBase;
      return out;
    }
  }
  char buf[64];
  for (const SuffixRule& r : kVerbRules) {
    if (!EndsWith(w, r.suffix) || w.size() - r.suffix.size() + r.add.size() < 2)
      continue;
    std::string_view stem = w.substr(0, w.size() - r.suffix.size());
    if (r.undouble) {
      if (stem.size() < 3 || stem[stem.size() - 1] != stem[stem.size() - 2])
        continue;
      stem.remove_suffix(1);
    }
    if (r.form == VerbForm::kS && r.suffix == "s" && EndsWith(w, "ss"))
      continue;
    if (r.suffix == "es" && !TakesEs(stem)) continue;
    if (stem.size() + r.add.size() + 1 > sizeof buf) continue;
    std::memcpy(buf, stem.data(), stem.size());
    std::memcpy(buf + stem.size(), r.add.data(), r.add.size());
    std::string_view found;
    if (!r.undouble && r.add.empty() && r.form != VerbForm::kS &&
        EndsCvc(stem)) {
      buf[stem.size()] = 'e';  // "hoped": "hope" before "hop"
      found = FindVerb(std::string_view(buf, stem.size() + 1), &out.dictionary);
    }
    if (found.empty())
      found = FindVerb(std::string_view(buf, stem.size() + r.add.size()),
                       &out.dictionary);
    if (!found.empty()) {
      out.lemma = found;
      out.form = r.form;
      return out;
    }
  }
  if (EndsWith(w, "ed") && w.size() > 4)
    out.form = VerbForm::kEd;
  else if (EndsWith(w, "ing") && w.size() > 5)
    out.form = VerbForm::kIng;
  return out;
}

std::string_view Lexicon::LemmaOf(std::string_view lower) const {
  VerbLemma v = LemmatizeVerb(lower);
  if (!v.lemma.empty()) return v.lemma;
  return NounLemma(lower);
}

std::string_view Lexicon::NounLemma(std::string_view lower) const {
  const Word* entry = words_.Find(lower).value;
  if (entry && entry->singular.size) return words_.Text(entry->singular);
  // A regular noun plural: the singular is a prefix of the word, so the
  // result can point into `lower` ("airstrikes" -> "airstrike",
  // "churches" -> "church"). "-ies" plurals keep their spelling.
  if (lower.size() > 3 && lower.back() == 's' && !EndsWith(lower, "ss") &&
      !EndsWith(lower, "us") && !EndsWith(lower, "is") &&
      !EndsWith(lower, "ies")) {
    std::string_view singular =
        (EndsWith(lower, "ches") || EndsWith(lower, "shes") ||
         EndsWith(lower, "xes") || EndsWith(lower, "sses"))
            ? lower.substr(0, lower.size() - 2)
            : lower.substr(0, lower.size() - 1);
    // "meetings", "killings": the plural of a verbal noun matches like it.
    if (EndsWith(singular, "ing")) {
      VerbLemma sv = LemmatizeVerb(singular);
      if (!sv.lemma.empty()) return sv.lemma;
    }
    return singular;
  }
  return lower;
}

}  // namespace dyad
