#include "lang/tagger.h"

#include "lang/word_table.h"

namespace dyad {
namespace {

// What the lexicon says of one lower-case spelling, whatever its context:
// the tagger's lookups for a word, done once per thread and reused, since
// running text repeats its words (one lookup in a small table instead of
// several in the large ones).
struct WordFacts {
  bool closed = false;
  Pos closed_pos = Pos::kNoun;
  VerbLemma verb;  // verb.lemma points into the lexicon
  // The lemma: into the lexicon, or (lemma_prefix > 0) the first
  // lemma_prefix bytes of the word itself.
  std::string_view lemma;
  uint16_t lemma_prefix = 0;
  WordClasses classes;       // of the word
  WordClasses verb_classes;  // of verb.lemma
};

// Per thread; emptied when another lexicon is used or when it grows large.
// Values never point into the cache itself, so emptying it is always safe.
struct WordFactsCache {
  uint64_t lexicon = 0;
  WordTable<WordFacts> table;
};

constexpr size_t kMaxCachedWords = 1 << 18;

// `closed`: look up the closed classes (else only the open-class facts).
WordFacts ComputeFacts(const Lexicon& lexicon, std::string_view lower,
                       bool closed) {
  WordFacts f;
  if (closed) f.closed = lexicon.ClosedClass(lower, &f.closed_pos);
  if (f.closed) return f;
  f.verb = lexicon.LemmatizeVerb(lower);
  std::string_view lemma =
      f.verb.lemma.empty() ? lexicon.NounLemma(lower) : f.verb.lemma;
  if (lemma.empty() || (lemma.data() >= lower.data() &&
                        lemma.data() < lower.data() + lower.size())) {
    f.lemma_prefix = static_cast<uint16_t>(lemma.size());  // into `lower`
  } else {
    f.lemma = lemma;
  }
  f.classes = lexicon.Classes(lower);
  if (!f.verb.lemma.empty()) f.verb_classes = lexicon.Classes(f.verb.lemma);
  return f;
}

// The facts of an acronym that spells a closed-class word ("US", "IT"),
// which the tagger reads as a name: not cached, they are rare.
WordFacts OpenFactsOf(const Lexicon& lexicon, std::string_view lower) {
  return ComputeFacts(lexicon, lower, /*closed=*/false);
}

WordFacts FactsOf(const Lexicon& lexicon, std::string_view lower) {
  thread_local WordFactsCache cache;
  if (cache.lexicon != lexicon.id() || cache.table.size() >= kMaxCachedWords) {
    cache.table = WordTable<WordFacts>();
    cache.lexicon = lexicon.id();
  }
  // The table takes keys of 1 to 65,535 bytes; a word's lemma prefix must
  // fit in 16 bits.
  if (lower.empty() || lower.size() > 60000)
    return ComputeFacts(lexicon, lower, /*closed=*/true);
  if (const WordFacts* f = cache.table.Find(lower).value) return *f;
  WordFacts f = ComputeFacts(lexicon, lower, /*closed=*/true);
  cache.table.FindOrAdd(lower) = f;
  return f;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Words that end in -ly but are not adverbs.
bool IsLyNoun(std::string_view w) {
  return w == "italy" || w == "ally" || w == "rally" || w == "supply" ||
         w == "assembly" || w == "family" || w == "july" || w == "reply" ||
         w == "anomaly" || w == "monopoly" || w == "apply" || w == "fly" ||
         w == "rely" || w == "comply" || w == "multiply" || w == "bully" ||
         w == "tally" || w == "belly" || w == "jelly" || w == "holy" ||
         w == "only" || w == "early" || w == "daily" || w == "weekly" ||
         w == "monthly" || w == "friendly" || w == "elderly" || w == "likely";
}

// The class the word lists give a word first: brill's reading of the
// lower-case spelling, else WordNet's (which knows only lemmas).
uint8_t FirstClass(const WordClasses& c) {
  if (c.brill_first == kClassName) return kClassNoun;
  if (c.brill_first) return c.brill_first;
  return c.wordnet_first;
}

// The classes a word may take: brill's for the spelling if it has it, else
// WordNet's for the lemma.
uint8_t KnownClasses(const WordClasses& c) {
  return c.brill ? c.brill : c.wordnet;
}

// How much the word lists say a word may be a verb.
enum class VerbEvidence : uint8_t {
  kNone,
  // Brill lists a verb tag, but not first ("court", "group", "police"): a
  // verb only where the context demands one ("they court", "to group").
  kWeak,
  // The context rules decide between verb and noun ("attacks", "talks").
  kStrong,
};

// A form of a verb the dictionaries code is a candidate whatever brill says,
// as it was before the word lists; otherwise brill's tags for the exact
// spelling decide; for words brill lacks, an "-ed" form or a form of a verb
// WordNet knows only as a verb is a candidate, a form of another WordNet verb
// a weak one. `lemma_classes` are the classes of v.lemma.
VerbEvidence VerbEvidenceOf(const WordClasses& c, const VerbLemma& v,
                            const WordClasses& lemma_classes) {
  if (v.dictionary) return VerbEvidence::kStrong;
  if (c.brill) {
    if (!(c.brill & kClassVerb)) return VerbEvidence::kNone;
    return c.brill_first == kClassVerb ? VerbEvidence::kStrong
                                       : VerbEvidence::kWeak;
  }
  if (v.form == VerbForm::kEd || lemma_classes.wordnet == kClassVerb)
    return VerbEvidence::kStrong;  // "prioritize": WordNet knows no noun
  return v.lemma.empty() ? VerbEvidence::kNone : VerbEvidence::kWeak;
}

bool IsSubjectPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "it" || w == "they" || w == "we" ||
         w == "i" || w == "you" || w == "who";
}

// Whether a weak verb candidate is a verb after `prev` (the token before it,
// adverbs skipped): the verb form the context demands must be its form.
bool DemandsVerb(const TaggedToken& prev, const TaggedToken& word, Pos next) {
  VerbForm f = word.form;
  switch (prev.pos) {
    case Pos::kModal:
    case Pos::kNeg:
      return f == VerbForm::kBase;
    case Pos::kAux: {
      std::string_view a = prev.lower;
      if (a == "do" || a == "does" || a == "did") return f == VerbForm::kBase;
      if (a == "have" || a == "has" || a == "had" || a == "having")
        return f == VerbForm::kEd;
      return f == VerbForm::kIng || f == VerbForm::kEd;  // a form of be
    }
    case Pos::kTo:
      // "to group the ...", not "returned to power".
      return f == VerbForm::kBase &&
             (next == Pos::kDet || next == Pos::kPron || next == Pos::kNum);
    case Pos::kPron:
    case Pos::kWh:
      return IsSubjectPronoun(prev.lower) &&
             (f == VerbForm::kS || f == VerbForm::kEd || f == VerbForm::kBase);
    default:
      return false;
  }
}

// Whether a capitalized word that opens a sentence is a common word
// ("Police", "Protests", "Local") rather than a name ("Turkey", "Hamas"):
// brill has its lower-case spelling and gives the capitalized one some
// common class too (or none at all).
bool CommonWhenCapitalized(const WordClasses& c, const VerbLemma& v) {
  if (c.brill == 0) return v.dictionary;
  return c.capital == 0 || (c.capital & ~kClassName) != 0;
}

// Whether a sentence-initial word that brill mostly knows as a name goes on
// as one: "President Obama", "North Korea", "Turkey's army" (but "Last
// Friday", "Security forces").
bool NameGoesOn(const WordClasses& c, std::string_view text,
                const std::vector<Token>& tokens, size_t i) {
  if (c.capital_first != kClassName || i + 1 >= tokens.size()) return false;
  const Token& next = tokens[i + 1];
  if (next.flags & kTokenCapitalized) return true;
  std::string_view w = text.substr(next.begin, next.end - next.begin);
  return w == "'s" || w == "'";
}

}  // namespace

std::vector<TaggedToken> Tagger::Tag(std::string_view text,
                                     std::string_view lower,
                                     const std::vector<Token>& tokens) const {
  std::vector<TaggedToken> out(tokens.size());
  std::vector<bool> maybe_verb(tokens.size(), false);
  std::vector<bool> weak_verb(tokens.size(), false);
  std::vector<WordClasses> classes(tokens.size());
  // Pass 1: lexical readings.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    TaggedToken& tt = out[i];
    tt.token = t;
    tt.lower = lower.substr(t.begin, t.end - t.begin);
    tt.lemma = tt.lower;
    if (t.flags & kTokenPunct) {
      tt.pos = Pos::kPunct;
      if (tt.lower == "'") tt.pos = Pos::kPoss;
      continue;
    }
    if (t.flags & kTokenNumber) {
      tt.pos = Pos::kNum;
      continue;
    }
    // An all-caps acronym (US, UN, IS) is a name, whatever it spells.
    bool acronym = (t.flags & kTokenAllCaps) && tt.lower.size() <= 5;
    const WordFacts facts = FactsOf(*lexicon_, tt.lower);
    if (!acronym && facts.closed) {
      tt.pos = facts.closed_pos;
      continue;
    }
    // An acronym that spells a closed-class word ("US", "IT") still needs
    // the open-class lookups the cache skipped.
    const WordFacts open_facts =
        facts.closed ? OpenFactsOf(*lexicon_, tt.lower) : facts;
    const VerbLemma& v = open_facts.verb;
    tt.form = v.form;
    tt.lemma = open_facts.lemma_prefix
                   ? tt.lower.substr(0, open_facts.lemma_prefix)
                   : open_facts.lemma;
    WordClasses wc = open_facts.classes;
    classes[i] = wc;
    bool capital = (t.flags & kTokenCapitalized) != 0;
    bool sentence_initial = (i == 0) || (out[i - 1].pos == Pos::kPunct &&
                                         (text[tokens[i - 1].begin] == '"' ||
                                          text[tokens[i - 1].begin] == '('));
    if (capital && !sentence_initial) {
      tt.pos = Pos::kPropn;
      continue;
    }
    if (acronym) {
      tt.pos = Pos::kPropn;
      continue;
    }
    if (capital &&
        (!CommonWhenCapitalized(wc, v) || NameGoesOn(wc, text, tokens, i))) {
      // A sentence-initial name: "Turkey", "Hamas" (brill knows "turkey"
      // as a noun but "Turkey" only as a name).
      tt.pos = Pos::kPropn;
      continue;
    }
    VerbEvidence evidence = VerbEvidenceOf(
        wc, v, wc.brill ? WordClasses{} : open_facts.verb_classes);
    if (evidence == VerbEvidence::kStrong) {
      maybe_verb[i] = true;
      tt.pos = Pos::kVerb;
      continue;
    }
    weak_verb[i] = evidence == VerbEvidence::kWeak;
    uint8_t first = FirstClass(wc);
    if (first == kClassAdj) {
      tt.pos = Pos::kAdj;
      continue;
    }
    if (first == kClassAdv || (!first && EndsWith(tt.lower, "ly") &&
                               tt.lower.size() > 4 && !IsLyNoun(tt.lower))) {
      tt.pos = Pos::kAdv;
      continue;
    }
    if (!first && capital) {
      tt.pos = Pos::kPropn;  // an unknown word opening the sentence
      continue;
    }
    tt.pos = Pos::kNoun;
  }
  // Before a likely finite verb ("Israeli military struck", "UN chief
  // withdrew", "Lithuania first opened"), a word read as an adjective ends
  // the subject: its noun reading, or after a name its adverb reading.
  // Pass 3 restores the adjective where a noun follows after all.
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i].pos != Pos::kAdj || maybe_verb[i]) continue;
    size_t v = i + 1;  // the next word that is not an adverb
    while (v + 1 < out.size() && out[v].pos == Pos::kAdv) ++v;
    // ("must first disarm": a base form after a modal.)
    bool after_modal = i > 0 && out[i - 1].pos == Pos::kModal &&
                       out[v].form == VerbForm::kBase;
    if (!maybe_verb[v] || (out[v].form != VerbForm::kEd &&
                           out[v].form != VerbForm::kS && !after_modal))
      continue;
    uint8_t known = KnownClasses(classes[i]);
    if (after_modal) {
      if (known & kClassAdv) out[i].pos = Pos::kAdv;
    } else if (known & kClassNoun) {
      out[i].pos = Pos::kNoun;
    } else if ((known & kClassAdv) && i > 0 &&
               (out[i - 1].pos == Pos::kPropn || out[i - 1].pos == Pos::kNoun ||
                out[i - 1].pos == Pos::kPron || out[i - 1].pos == Pos::kAux ||
                out[i - 1].pos == Pos::kModal)) {
      // "Lithuania first opened", "The Taliban have long rejected".
      out[i].pos = Pos::kAdv;
    }
  }
  // Pass 2: decide words that may be verbs or nouns, left to right.
  for (size_t i = 0; i < out.size(); ++i) {
    if (weak_verb[i]) {
      size_t p = i;
      while (p > 0 && out[p - 1].pos == Pos::kAdv) --p;
      Pos next = i + 1 < out.size() ? out[i + 1].pos : Pos::kPunct;
      if (p > 0 && DemandsVerb(out[p - 1], out[i], next))
        out[i].pos = Pos::kVerb;
      continue;
    }
    if (!maybe_verb[i]) continue;
    TaggedToken& tt = out[i];
    // Nearest previous token that is not an adverb.
    size_t p = i;
    while (p > 0 && out[p - 1].pos == Pos::kAdv) --p;
    Pos prev = p > 0 ? out[p - 1].pos : Pos::kPunct;
    // A quoted word before is a modifier: Poland's "steadfast" support.
    if (p >= 3 && out[p - 1].pos == Pos::kPunct &&
        out[p - 3].pos == Pos::kPunct && text[tokens[p - 1].begin] == '"' &&
        text[tokens[p - 3].begin] == '"')
      prev = Pos::kAdj;
    bool at_start = (p == 0);
    Pos next = i + 1 < out.size() ? out[i + 1].pos : Pos::kPunct;
    bool next_is_verbish = i + 1 < out.size() && maybe_verb[i + 1];
    switch (prev) {
      case Pos::kAux:
      case Pos::kModal:
      case Pos::kNeg:
      case Pos::kTo:
      case Pos::kPron:
      case Pos::kWh:
        tt.pos = Pos::kVerb;
        break;
      case Pos::kDet:
      case Pos::kPoss:
      case Pos::kNum:
      case Pos::kAdj:
        // "the stalled talks": -ed after a determiner is an adjective when a
        // noun follows; otherwise a noun ("the attacks").
        tt.pos =
            (tt.form == VerbForm::kEd &&
             (next == Pos::kNoun || next == Pos::kPropn || next_is_verbish))
                ? Pos::kAdj
                : Pos::kNoun;
        break;
      case Pos::kPrep:
        // "after meeting X" keeps a verb reading for -ing; else a noun.
        tt.pos = tt.form == VerbForm::kIng ? Pos::kVerb : Pos::kNoun;
        if (tt.form == VerbForm::kEd) tt.pos = Pos::kAdj;
        break;
      case Pos::kNoun:
      case Pos::kPropn:
        if (tt.form == VerbForm::kBase && prev == Pos::kNoun && p >= 2 &&
            out[p - 1].lower.back() != 's' &&
            (out[p - 2].pos == Pos::kDet || out[p - 2].pos == Pos::kAdj ||
             out[p - 2].pos == Pos::kPoss)) {
          // "an opposition rally": a singular noun takes "-s" as subject,
          // so a base form after it is a compound noun.
          tt.pos = Pos::kNoun;
        } else if (tt.form == VerbForm::kBase && next == Pos::kNoun &&
                   classes[i].brill_first == kClassNoun) {
          // A noun modifier in a compound: "a senior US state department
          // official", "US attack helicopters".
          tt.pos = Pos::kNoun;
        } else if (tt.form == VerbForm::kEd || tt.form == VerbForm::kIng) {
          tt.pos = Pos::kVerb;
        } else if (prev == Pos::kPropn && next == Pos::kPunct &&
                   tt.form == VerbForm::kS &&
                   classes[i].brill_first != kClassNoun) {
          // "..., Hickenlooper says."
          tt.pos = Pos::kVerb;
        } else if ((next_is_verbish && !(tt.form == VerbForm::kS &&
                                         out[i + 1].form == VerbForm::kS)) ||
                   next == Pos::kAux || next == Pos::kModal ||
                   next == Pos::kPunct || next == Pos::kConj ||
                   (next == Pos::kPrep && tt.form == VerbForm::kS &&
                    i + 1 < out.size() && out[i + 1].lower != "with" &&
                    out[i + 1].lower != "to")) {
          // "US forces attacked", "the peace talks.", "airstrikes on".
          tt.pos = Pos::kNoun;
        } else {
          tt.pos = Pos::kVerb;
        }
        break;
      case Pos::kVerb:
        // Two verbish words in a row: the first was a noun modifier unless
        // it was decided a verb ("has attacked" is AUX + VERB, not this).
        tt.pos = (tt.form == VerbForm::kEd || tt.form == VerbForm::kIng ||
                  next == Pos::kDet)
                     ? Pos::kVerb
                     : Pos::kNoun;
        break;
      default:
        if (at_start) {
          // Clause-initial: a noun ("Protests erupted") unless it is a
          // participle opening a clause ("Speaking to reporters, ...").
          tt.pos = tt.form == VerbForm::kIng && next != Pos::kAux &&
                           next != Pos::kVerb
                       ? Pos::kVerb
                       : Pos::kNoun;
        } else if (prev == Pos::kConj && tt.form == VerbForm::kEd &&
                   (classes[i].brill & kClassAdj) && i + 2 < out.size() &&
                   (next == Pos::kNoun ||
                    (next_is_verbish && out[i + 1].form == VerbForm::kS)) &&
                   (out[i + 2].pos == Pos::kAux ||
                    out[i + 2].pos == Pos::kModal)) {
          // A coordinated subject: "Yemeni army and allied forces have".
          tt.pos = Pos::kAdj;
        } else {
          tt.pos = Pos::kVerb;
        }
        break;
    }
    // A gerund right before a finite verb is its subject: "as fighting
    // entered a third day".
    if (tt.pos == Pos::kVerb && tt.form == VerbForm::kIng &&
        i + 1 < out.size() &&
        (next == Pos::kAux || next == Pos::kModal ||
         (next_is_verbish && (out[i + 1].form == VerbForm::kEd ||
                              out[i + 1].form == VerbForm::kS))) &&
        prev != Pos::kAux) {
      tt.pos = Pos::kNoun;
    }
    // A verb-or-noun word right before another clear verb form is a noun
    // modifier or subject: "Iraqi forces attacked".
    if (tt.pos == Pos::kVerb && tt.form == VerbForm::kS && next_is_verbish &&
        i + 1 < out.size() && out[i + 1].form == VerbForm::kEd) {
      tt.pos = Pos::kNoun;
    }
  }
  // Pass 3: adjective or noun, for words the word lists allow both.
  for (size_t i = 0; i < out.size(); ++i) {
    TaggedToken& tt = out[i];
    const WordClasses& c = classes[i];
    uint8_t known = KnownClasses(c);
    if (maybe_verb[i] || !(known & kClassNoun) ||
        !(known & (kClassAdj | kClassAdv)))
      continue;
    Pos prev = i > 0 ? out[i - 1].pos : Pos::kPunct;
    Pos next = i + 1 < out.size() ? out[i + 1].pos : Pos::kPunct;
    bool noun_follows =
        next == Pos::kNoun || next == Pos::kPropn || next == Pos::kAdj;
    if (tt.pos == Pos::kNoun && noun_follows && (known & kClassAdj) &&
        (c.brill_first == kClassAdj ||
         (!c.brill && c.wordnet_first == kClassAdj))) {
      // Not a verb after all, so its adjective reading: "the current talks".
      tt.pos = Pos::kAdj;
    } else if (tt.pos == Pos::kAdv &&
               (prev == Pos::kDet || prev == Pos::kPoss)) {
      tt.pos = Pos::kNoun;  // "in the southeast of"
    } else if (tt.pos == Pos::kAdj && !noun_follows && next != Pos::kNum &&
               (prev == Pos::kDet || prev == Pos::kPoss ||
                prev == Pos::kPropn || prev == Pos::kAdj ||
                prev == Pos::kNum)) {
      // Ending a noun phrase with nothing to modify: "the military said",
      // "The United States military yesterday".
      tt.pos = Pos::kNoun;
    }
  }
  return out;
}

}  // namespace dyad
