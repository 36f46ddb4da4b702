#include "coding/sentence_coder.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coding/article_context.h"
#include "coding/intent.h"
#include "text/tokenizer.h"
#include "time/time_expressions.h"

namespace dyad {
namespace {

constexpr size_t kMaxFiller = 4;   // filler tokens between pattern words
constexpr size_t kMaxSlot = 8;     // tokens in a `+` slot
constexpr size_t kMaxPhrase = 30;  // tokens in a subject or object phrase

struct Range {
  size_t begin = 0;
  size_t end = 0;  // exclusive
  bool empty() const { return begin >= end; }
};

struct Mention {
  ActorMatch match;
};

struct VerbMatch {
  const VerbPattern* pattern = nullptr;
  size_t head = 0;
  size_t last = 0;         // last matched token (inclusive)
  size_t group_begin = 0;  // first token of the verb group
  Range slot;
  bool negated = false;
  bool passive = false;
  bool intent = false;       // under a modal or an intent verb
  bool absorbed = false;     // complement of another coded verb
  int complement = -1;       // the absorbed infinitive complement, if any
  bool subordinate = false;  // in an adverbial or relative clause
  int demand_by = -1;        // "X said Y must ...": the statement by X
  std::string code;          // final code (after intent mapping)
  std::string rule;
};

// The rule behind a reported obligation with an uncoded verb.
const VerbPattern& ReportedDemandPattern() {
  static const VerbPattern* p = [] {
    auto* v = new VerbPattern;
    v->code = "100";
    v->elements.resize(1);
    v->words = 1;
    v->file = "(rule)";
    v->text = "X said Y must/should VERB";
    return v;
  }();
  return *p;
}

// "say", "tell", "state": reported speech frames, not events of their own
// when the sentence holds anything else.
bool IsPlainStatement(const std::string& code) {
  return code == "010" || code == "01";
}

bool IsWordPos(Pos p) {
  return p == Pos::kNoun || p == Pos::kPropn || p == Pos::kAdj ||
         p == Pos::kNum;
}

bool IsNpPos(Pos p) {
  return IsWordPos(p) || p == Pos::kDet || p == Pos::kPoss || p == Pos::kPron;
}

// "in eastern Afghanistan", "in northeast Nigeria".
bool IsDirection(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "north",        "south",        "east",         "west",
      "northern",     "southern",     "eastern",      "western",
      "central",      "northeast",    "northwest",    "southeast",
      "southwest",    "northeastern", "northwestern", "southeastern",
      "southwestern", "northeastern", "central",      "coastal",
      "rural"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool IsGoalNoun(std::string_view w);
bool IsRelationNoun(std::string_view lemma);

// Verbs whose object is the subject of a following infinitive ("urged Iraq
// to withdraw"); after other verbs an infinitive says what for ("held 2,000
// people to use them as shields", "phoned Aoun to assure him").
bool IsDirectiveVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {
      "urge",     "ask",        "call",      "tell",     "order",     "force",
      "invite",   "allow",      "permit",    "persuade", "encourage", "help",
      "want",     "request",    "press",     "pressure", "push",      "require",
      "compel",   "authorize",  "authorise", "instruct", "advise",    "warn",
      "expect",   "need",       "get",       "lead",     "cause",     "enable",
      "convince", "challenge",  "beg",       "implore",  "prompt",    "oblige",
      "mandate",  "direct",     "remind",    "wish",     "like",      "prefer",
      "appeal",   "command",    "forbid",    "empower",  "entitle",   "pay",
      "train",    "recruit",    "demand",    "exhort",   "incite",    "inspire",
      "motivate", "pressurize", "prod",      "coerce",   "tempt",     "induce",
      "nominate", "appoint",    "elect",     "choose",   "select",    "hire",
      "assign",   "mobilize",   "mobilise",  "rally",    "signal",    "leave",
      "believe",  "consider",   "declare",   "report",   "find",      "know",
      "see",      "hear",       "make",      "let"};
  for (std::string_view k : kWords)
    if (l == k) return true;
  return false;
}
bool IsHelpVerb(std::string_view lemma);

// Verbs that take a clause as complement ("believes A and B can cope",
// "said that A and B had agreed"): the noun phrase after them may be the
// subject of that clause rather than their object.
bool IsClauseVerb(std::string_view l) {
  static constexpr std::string_view kWords[] = {
      "believe",     "say",   "think",    "expect",  "hope",     "fear",
      "feel",        "claim", "assert",   "insist",  "argue",    "suggest",
      "suspect",     "doubt", "guess",    "predict", "reckon",   "suppose",
      "assume",      "trust", "estimate", "note",    "conclude", "contend",
      "maintain",    "worry", "announce", "state",   "add",      "agree",
      "acknowledge", "admit", "confirm",  "deny",    "know",     "report"};
  for (std::string_view k : kWords)
    if (l == k) return true;
  return false;
}

bool IsCurrency(std::string_view w) {
  return w == "$" || w == "\xe2\x82\xac" || w == "\xc2\xa3" || w == "us$";
}

bool IsTimeWord(std::string_view w) {
  // A year: 1900-2099.
  if (w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
      (w[1] == '9' || w[1] == '0') &&
      isdigit(static_cast<unsigned char>(w[2])) &&
      isdigit(static_cast<unsigned char>(w[3])))
    return true;
  static constexpr std::string_view kWords[] = {
      "monday",    "tuesday",   "wednesday", "thursday",  "friday",
      "saturday",  "sunday",    "january",   "february",  "march",
      "april",     "may",       "june",      "july",      "august",
      "september", "october",   "november",  "december",  "jan.",
      "feb.",      "mar.",      "apr.",      "jun.",      "jul.",
      "aug.",      "sep.",      "sept.",     "oct.",      "nov.",
      "dec.",      "today",     "yesterday", "tomorrow",  "week",
      "weeks",     "month",     "months",    "year",      "years",
      "morning",   "afternoon", "evening",   "night",     "weekend",
      "day",       "days",      "hours",     "hour",      "midnight",
      "noon",      "time",      "decade",    "spring",    "summer",
      "autumn",    "winter",    "tonight",   "overnight", "dawn",
      "weekday"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

class Analysis {
 public:
  Analysis(const DictionarySet& dicts, const CoderOptions& options,
           const NormalizedText& norm, const Article& article,
           std::vector<TaggedToken> tokens, ArticleContext* context)
      : dicts_(dicts),
        context_(context),
        options_(options),
        norm_(norm),
        article_(article),
        t_(std::move(tokens)),
        mention_at_(t_.size(), -1),
        in_time_(t_.size(), false) {}

  void Run(int sentence_index, std::vector<Event>* events);

 private:
  char First(size_t i) const { return norm_.text[t_[i].token.begin]; }
  bool IsPunct(size_t i, char c) const {
    return t_[i].pos == Pos::kPunct && First(i) == c &&
           t_[i].token.end - t_[i].token.begin == 1;
  }
  bool IsLower(size_t i, std::string_view w) const { return t_[i].lower == w; }
  bool IsBeForm(size_t i) const {
    std::string_view w = t_[i].lower;
    return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" ||
           w == "been" || w == "being" || w == "'re" || w == "am";
  }

  void FindMentions();
  void FindVerbs();
  bool MatchPattern(const VerbPattern& p, size_t head, VerbMatch* m) const;
  size_t VerbGroupBegin(size_t head) const;
  bool IsSubordinate(size_t group_begin, size_t head) const;
  bool UnderObligation(const VerbMatch& m) const;
  Range ResolveObjectPronoun(Range obj, Range subj) const;
  Range FallbackObject(const VerbMatch& m) const;
  Range EventNounTarget(size_t noun) const;
  Range AffectedOf(Range obj) const;
  Range RecipientAfter(size_t j) const;
  Range NominalSource(const VerbMatch& m) const;
  bool IsTimePhrase(size_t i) const;
  Range SubjectOf(size_t group_begin, int depth) const;
  Range ObjectFrom(size_t j) const;
  // The object after token j. `prefer_to`: a "to" phrase after the direct
  // object is the target (transfers: aid, returns, deployments).
  Range NpAfter(size_t j, bool passive = false, bool prefer_to = false) const;
  size_t SkipTimePhrase(size_t j) const;
  // True when `r` holds an actor mention (only named actors, not agents,
  // when `named_only`).
  bool HasActor(Range r, bool named_only = false) const;
  bool IsNamedActor(size_t token) const;
  bool IsJunkTarget(Range r) const;
  bool AppositionHasActor(size_t k) const;
  bool HasDiscard(Range r) const;
  bool CauseIsDiscard(size_t after) const;
  Range ByAgent(size_t after) const;
  void Select();
  // agents: also split a list of bare agents ("clerics and lawmakers").
  std::vector<Range> Conjuncts(Range r, bool agents = false) const;
  std::vector<Range> ListParts(Range r) const;
  bool AgentsOverCountries(const std::vector<Range>& parts,
                           std::vector<Range>* countries,
                           std::vector<const ActorMatch*>* agents) const;
  const ActorMatch* SharedAgent(const std::vector<Range>& parts) const;
  bool ActorAndAgentOf(Range part, const ActorMatch** actor,
                       const ActorMatch** agent) const;
  Range ResolvePronoun(Range subj) const;
  void SetCode(const CameoCode& cc, const VerbMatch& m,
               const std::string& pattern_code, Event* ev) const;
  void Emit(const VerbMatch& m, int sentence_index, int act,
            std::vector<Event>* events);
  void FindTimes();
  // The date of m's events: the time expression of the sentence nearest the
  // verb, in its clause if there is one, else the article's date.
  // `subj` and `obj` are the act's phrases: part of its clause.
  void DateOf(const VerbMatch& m, Range subj, Range obj, Event* ev) const;
  bool ResolveActor(Range r, EventActor* actor, std::vector<Evidence>* evidence,
                    const char* role, const ContextActor* given = nullptr,
                    const ActorMatch* shared_agent = nullptr) const;
  bool ResolveFromContext(Range r, const ActorEntry* agent, std::string* code,
                          const ContextActor** from) const;
  std::vector<std::string> NamesIn(Range r) const;
  bool IsTwoCountries(Range r) const;
  void LearnActor(Range r, const EventActor& actor) const;
  std::string AgentWords(Range r) const;
  std::string OnlyCountryInSentence() const;
  Span OriginalSpan(size_t begin_tok, size_t end_tok) const;

  const DictionarySet& dicts_;
  ArticleContext* context_;  // not owned; may be null
  int sentence_index_ = 0;
  const CoderOptions& options_;
  const NormalizedText& norm_;
  const Article& article_;
  std::vector<TaggedToken> t_;
  std::vector<Mention> mentions_;
  std::vector<int> mention_at_;  // token -> mention index or -1
  std::vector<bool> in_time_;    // token is part of a time phrase
  std::vector<VerbMatch> matches_;
  std::vector<TimeExpression> times_;  // of the sentence, in order
};

void Analysis::FindMentions() {
  const ActorDictionary& actors = dicts_.actors();
  for (size_t i = 0; i < t_.size();) {
    ActorMatch m;
    bool found =
        t_[i].pos != Pos::kPunct && actors.LongestAt(norm_.text, t_, i, &m);
    if (found && m.entry->kind == ActorKind::kDiscard) {
      // "troops fire on ...": a discard word used as a verb is no cause.
      for (size_t k = m.begin; k < m.end; ++k)
        if (t_[k].pos == Pos::kVerb) found = false;
    }
    if (found) {
      for (size_t k = m.begin; k < m.end; ++k)
        mention_at_[k] = static_cast<int>(mentions_.size());
      mentions_.push_back(Mention{m});
      // A name is a noun phrase, whatever the tagger thought ("Theresa
      // May", "Chad"); a one-word agent keeps the tagger's reading unless
      // it was taken for a function word.
      bool agent = m.entry->kind == ActorKind::kAgent;
      for (size_t k = m.begin; k < m.end; ++k) {
        Pos p = t_[k].pos;
        bool fn = p == Pos::kModal || p == Pos::kAux || p == Pos::kAdv ||
                  p == Pos::kPrep || p == Pos::kSconj;
        if ((agent && m.end - m.begin == 1) ? fn : (fn || p == Pos::kVerb))
          t_[k].pos = agent ? Pos::kNoun : Pos::kPropn;
      }
      i = m.end;
    } else {
      ++i;
    }
  }
}

bool Analysis::IsTimePhrase(size_t i) const {
  // "on Thursday", "in early December", "last week", "on October 31".
  size_t j = i;
  if (t_[j].pos == Pos::kPrep) {
    std::string_view p = t_[j].lower;
    if (p != "on" && p != "in" && p != "at" && p != "during" && p != "since" &&
        p != "until" && p != "by" && p != "after" && p != "before" &&
        p != "over" && p != "for" && p != "late" && p != "early")
      return false;
    ++j;
  }
  for (size_t k = j; k < t_.size() && k < j + 3; ++k) {
    if (IsTimeWord(t_[k].lower)) return true;
    if (t_[k].pos == Pos::kNum && k == j &&
        t_[j - (j > i ? 1 : 0)].pos == Pos::kPrep && k + 1 < t_.size() &&
        IsTimeWord(t_[k + 1].lower))
      return true;
    if (t_[k].pos != Pos::kDet && t_[k].pos != Pos::kAdj &&
        t_[k].pos != Pos::kNum && !IsLower(k, "early") && !IsLower(k, "late") &&
        !IsLower(k, "last") && !IsLower(k, "next") && !IsLower(k, "this") &&
        !IsLower(k, "coming") && !IsLower(k, "past") &&
        !IsLower(k, "following") && !IsLower(k, "previous"))
      return false;
  }
  return false;
}

// "must end", "should withdraw", "has to stop", "needs to leave".
bool Analysis::UnderObligation(const VerbMatch& m) const {
  for (size_t k = m.group_begin; k < m.head; ++k)
    if (IsLower(k, "must") || IsLower(k, "should")) return true;
  size_t g = m.group_begin;
  if (g >= 2 && t_[g - 1].pos == Pos::kTo) {
    std::string_view w = t_[g - 2].lower;
    return w == "has" || w == "have" || w == "had" || w == "need" ||
           w == "needs";
  }
  return false;
}

bool Analysis::IsSubordinate(size_t g, size_t head) const {
  if (g > 0 && t_[head].form == VerbForm::kIng &&
      (t_[g - 1].pos == Pos::kPrep || IsPunct(g - 1, ',')))
    return true;  // "after accusing", ", killing dozens"
  if (t_[head].form == VerbForm::kEd && g == head && g > 0 &&
      IsWordPos(t_[g - 1].pos) && head + 1 < t_.size() &&
      IsLower(head + 1, "by"))
    return true;  // reduced relative: "the missiles fired by"
  for (size_t k = g; k-- > 0;) {
    if (IsPunct(k, ',') || IsPunct(k, ';') || IsPunct(k, ':')) return false;
    if (t_[k].pos == Pos::kWh) return true;
    if (t_[k].pos == Pos::kSconj && !IsLower(k, "that")) return true;
  }
  return false;
}

size_t Analysis::VerbGroupBegin(size_t head) const {
  size_t g = head;
  while (g > 0) {
    Pos p = t_[g - 1].pos;
    if (p == Pos::kAux || p == Pos::kModal || p == Pos::kNeg ||
        p == Pos::kAdv) {
      --g;
    } else {
      break;
    }
  }
  return g;
}

bool Analysis::MatchPattern(const VerbPattern& p, size_t head,
                            VerbMatch* m) const {
  // Words before the verb (`will not ever * clash`): right to left, each
  // within kMaxFiller tokens of the next (right before it when joined by
  // `_`), inside the clause.
  size_t b = head;
  for (size_t e = p.before.size(); e-- > 0;) {
    bool found = false;
    size_t reach = p.before_tight[e] ? 0 : kMaxFiller;
    for (size_t k = b; k-- > 0 && k + 1 + reach >= b;) {
      if (t_[k].lower == p.before[e]) {
        b = k;
        found = true;
        break;
      }
      if (t_[k].pos == Pos::kPunct) break;
    }
    if (!found) return false;
  }
  if (p.compound) {  // `% * agree`: a subject of two or more actors
    int actors = 0;
    for (const Range& r : Conjuncts(SubjectOf(VerbGroupBegin(head), 0)))
      actors += HasActor(r);
    if (actors < 2) return false;
  }
  size_t j = head + 1;
  Range slot;
  for (size_t e = 1; e < p.elements.size(); ++e) {
    const VerbPattern::Element& el = p.elements[e];
    if (el.slot) {
      // The slot is a noun phrase; the next element (if any) must follow it.
      if (j >= t_.size() || !IsNpPos(t_[j].pos)) return false;
      size_t k = j;
      if (e + 1 == p.elements.size()) {
        Range r = ObjectFrom(j);
        if (r.empty()) return false;
        slot = r;
        j = r.end;
        continue;
      }
      const std::string& next = p.elements[e + 1].lemma;
      bool found = false;
      for (; k < t_.size() && k < j + kMaxSlot; ++k) {
        if (k > j && t_[k].lemma == next) {
          found = true;
          break;
        }
        Pos q = t_[k].pos;
        if (!(IsNpPos(q) || q == Pos::kConj ||
              (q == Pos::kPrep && IsLower(k, "of"))))
          return false;
      }
      if (!found) return false;
      slot = Range{j, k};
      j = k;
      continue;
    }
    // A word, after at most kMaxFiller filler tokens (none when joined by
    // `_` to the previous one).
    size_t k = j;
    bool found = false;
    for (; k < t_.size() && k <= j + (el.tight ? 0 : kMaxFiller); ++k) {
      if (t_[k].lemma == el.lemma && !in_time_[k]) {
        found = true;
        break;
      }
      Pos q = t_[k].pos;
      if (IsLower(k, "than") && k > j) continue;  // "more than a dozen"
      if (in_time_[k]) continue;                  // "called on Friday for"
      if (IsCurrency(t_[k].lower)) continue;      // "gave $2 million"
      // An actor adjective before a noun of the pattern: "expelled two U.S.
      // diplomats".
      Pos closed;
      if (IsNamedActor(k) && !dicts_.lexicon().ClosedClass(el.lemma, &closed))
        continue;
      // Names that are not actors ("a UN-brokered ceasefire", "the
      // Macedonian flag") are filler too; actors never are.
      if (!(q == Pos::kDet || q == Pos::kAdj || q == Pos::kAdv ||
            q == Pos::kNum || q == Pos::kPoss || q == Pos::kNoun ||
            (q == Pos::kPropn && mention_at_[k] < 0) ||
            (q == Pos::kVerb && t_[k].form == VerbForm::kEd)))
        return false;
    }
    if (!found) return false;
    j = k + 1;
  }
  m->pattern = &p;
  m->head = head;
  m->last = j - 1;
  m->slot = slot;
  return true;
}

void Analysis::FindVerbs() {
  const VerbDictionary& verbs = dicts_.verbs();
  for (size_t i = 0; i < t_.size(); ++i) {
    Pos pos = t_[i].pos;
    // "had lunch with": "have" as a main verb before its object.
    bool main_have =
        pos == Pos::kAux &&
        (IsLower(i, "have") || IsLower(i, "has") || IsLower(i, "had")) &&
        i + 1 < t_.size() &&
        (t_[i + 1].pos == Pos::kNoun || t_[i + 1].pos == Pos::kDet ||
         t_[i + 1].pos == Pos::kAdj);
    bool verbal = pos == Pos::kVerb || main_have;
    bool nominal = pos == Pos::kNoun || pos == Pos::kAdj;
    if (!verbal && !nominal) continue;
    if (mention_at_[i] >= 0) continue;
    const std::vector<uint32_t>* list = verbs.ForHead(
        main_have ? std::string_view("have") : std::string_view(t_[i].lemma));
    if (!list) continue;
    size_t g = verbal ? VerbGroupBegin(i) : i;
    bool negated = false;
    for (size_t k = g; k < i; ++k)
      if (t_[k].pos == Pos::kNeg) negated = true;
    if (verbal && g > 0 && IsLower(g - 1, "no")) negated = true;
    for (uint32_t id : *list) {
      const VerbPattern& p = verbs.pattern(id);
      if (p.nominal != nominal) continue;
      if (p.negated != negated) continue;
      VerbMatch m;
      if (!MatchPattern(p, i, &m)) continue;
      m.group_begin = g;
      m.negated = negated;
      // A pattern ending inside a compound noun takes the rest of it:
      // "sharing intelligence information", "a ceasefire pact".
      if (m.last > i && t_[m.last].pos == Pos::kNoun)
        while (m.last + 1 < t_.size() && t_[m.last + 1].pos == Pos::kNoun &&
               mention_at_[m.last + 1] < 0)
          ++m.last;
      if (verbal && t_[i].form == VerbForm::kEd) {
        for (size_t k = g; k < i; ++k)
          if (t_[k].pos == Pos::kAux && IsBeForm(k)) m.passive = true;
        // "are expected to begin talks" raises its subject; no passive act.
        // ("was tortured to death" stays passive.)
        if (i + 2 < t_.size() && t_[i + 1].pos == Pos::kTo &&
            t_[i + 2].pos == Pos::kVerb)
          m.passive = false;
      }
      m.subordinate = verbal && IsSubordinate(g, i);
      // A bare -ing form is never finite: "with a suicide bomber blowing
      // himself up", "gunmen storming the building".
      if (verbal && t_[i].form == VerbForm::kIng) {
        bool aux = false;
        for (size_t k = g; k < i; ++k)
          if (t_[k].pos == Pos::kAux) aux = true;
        if (!aux) m.subordinate = true;
      }
      // "bases in Iraq that host U.S. troops": a present-tense verb in a
      // relative clause states a fact; it reports no event.
      if (verbal && g == i && g > 0 &&
          (t_[i].form == VerbForm::kS || t_[i].form == VerbForm::kBase) &&
          (t_[g - 1].pos == Pos::kWh ||
           (IsLower(g - 1, "that") && g >= 2 && IsWordPos(t_[g - 2].pos))))
        m.absorbed = true;
      // A null pattern matches and codes nothing (unless it gives a reverse
      // event), so the verb's broader patterns are not tried.
      if (p.null() && p.reverse_code.empty()) m.absorbed = true;
      matches_.push_back(std::move(m));
      break;
    }
    // A negated verb with no negated pattern codes nothing ("has not
    // asked"): remember it so its complements are not coded either.
    if (negated && (matches_.empty() || matches_.back().head != i)) {
      VerbMatch m;
      m.head = i;
      m.last = i;
      m.group_begin = g;
      m.negated = true;
      m.absorbed = true;
      matches_.push_back(std::move(m));
    }
  }
}

// The noun phrase that starts at token j, extended over "of"/"in"-phrases,
// coordination, parentheses and appositions, stopping at clause material and
// time phrases.
Range Analysis::ObjectFrom(size_t j) const {
  size_t k = j;
  size_t n = t_.size();
  size_t limit = std::min(n, j + kMaxPhrase);
  if (k + 1 < n && IsLower(k, "at") &&
      (IsLower(k + 1, "least") || IsLower(k + 1, "most")))
    k += 2;  // "at least 26 people"
  else if (k + 1 < n && t_[k + 1].pos == Pos::kNum &&
           (IsLower(k, "about") || IsLower(k, "around") ||
            IsLower(k, "nearly") || IsLower(k, "almost") ||
            IsLower(k, "approximately") || IsLower(k, "some") ||
            IsLower(k, "over") || IsLower(k, "roughly")))
    ++k;  // "about one million refugees"
  while (k < limit) {
    Pos p = t_[k].pos;
    // "violated the ceasefire more than 200 times": a count after a noun
    // is an adverbial, not part of the phrase.
    if (k > j && k + 1 < n && t_[k - 1].pos == Pos::kNoun &&
        (IsLower(k, "more") || IsLower(k, "fewer") || IsLower(k, "less")) &&
        IsLower(k + 1, "than"))
      break;
    if (IsLower(k, "than") && k > j &&
        (IsLower(k - 1, "more") || IsLower(k - 1, "fewer") ||
         IsLower(k - 1, "less"))) {
      ++k;  // "more than 500 civilians"
      continue;
    }
    if ((IsLower(k, "least") || IsLower(k, "many")) && k > j &&
        (IsLower(k - 1, "at") || IsLower(k - 1, "as"))) {
      ++k;
      continue;
    }
    if (IsCurrency(t_[k].lower) && k + 1 < n && t_[k + 1].pos == Pos::kNum) {
      k += 2;  // "$2 million"
      continue;
    }
    if (p == Pos::kPron) {
      if (k == j) ++k;
      break;
    }
    if (IsNpPos(p)) {
      // ("Theresa May's offer": a month name after a first name is a
      // surname unless a day number follows.)
      bool surname = k > j && t_[k - 1].pos == Pos::kPropn &&
                     (t_[k].token.flags & kTokenCapitalized) &&
                     !(k + 1 < n && t_[k + 1].pos == Pos::kNum) &&
                     (IsLower(k, "may") || IsLower(k, "june") ||
                      IsLower(k, "april") || IsLower(k, "august"));
      if (k > j && IsTimePhrase(k) && IsTimeWord(t_[k].lower) && !surname)
        break;
      // "to Brazil last Wednesday", "to Liberia due to the fighting".
      if (k > j && k + 1 < n &&
          (((IsLower(k, "last") || IsLower(k, "next") || IsLower(k, "this")) &&
            IsTimeWord(t_[k + 1].lower)) ||
           (IsLower(k, "due") && t_[k + 1].pos == Pos::kTo)))
        break;
      // A determiner right after a noun starts a new phrase: "the tree a
      // Christian group plans to put up".
      if (k > j && p == Pos::kDet && IsWordPos(t_[k - 1].pos)) break;
      // So does a number right after a noun: "to the government eight
      // artifacts".
      if (k > j && p == Pos::kNum &&
          (t_[k - 1].pos == Pos::kNoun || t_[k - 1].pos == Pos::kPropn))
        break;
      ++k;
      continue;
    }
    if (p == Pos::kAdv && k + 2 < n &&
        (t_[k + 1].pos == Pos::kAdj ||
         (t_[k + 1].pos == Pos::kVerb && t_[k + 1].form == VerbForm::kEd)) &&
        (t_[k + 2].pos == Pos::kNoun || t_[k + 2].pos == Pos::kPropn) &&
        (k == j || t_[k - 1].pos == Pos::kDet || t_[k - 1].pos == Pos::kPoss ||
         t_[k - 1].pos == Pos::kAdj)) {
      // "Libya's internationally recognized government".
      k += 2;
      continue;
    }
    if (IsPunct(k, '"') && k > j) {
      // A quoted word inside the phrase: "the U.S.' "illegal" sanctions".
      size_t c = k + 1;
      while (c < limit && c < k + 4 && !IsPunct(c, '"')) ++c;
      if (c < limit && IsPunct(c, '"') && c + 1 < n &&
          IsWordPos(t_[c + 1].pos)) {
        k = c + 1;
        continue;
      }
      break;
    }
    if (IsPunct(k, '(')) {
      size_t c = k + 1;
      while (c < limit && !IsPunct(c, ')')) ++c;
      if (c < limit && c - k <= 8) {
        k = c + 1;
        continue;
      }
      break;
    }
    if (IsPunct(k, '-') && k > j && k + 1 < n && IsNpPos(t_[k + 1].pos)) {
      ++k;
      continue;
    }
    if (p == Pos::kPrep && k > j && k + 1 < n &&
        (IsLower(k, "of") || IsLower(k, "in") || IsLower(k, "from") ||
         IsLower(k, "near")) &&
        !IsTimePhrase(k) && IsNpPos(t_[k + 1].pos) &&
        t_[k + 1].pos != Pos::kPron) {
      // "in a statement", "in return", "in response": adverbials, not
      // part of the phrase; "in the country", "in Kandahar" are.
      bool adverbial =
          !IsLower(k, "of") &&
          (IsLower(k + 1, "a") || IsLower(k + 1, "an") ||
           (t_[k + 1].pos == Pos::kNoun && !IsDirection(t_[k + 1].lower)));
      // After a named actor, "in"/"near" + place says where, not who:
      // "met Trump in Washington".
      bool where =
          !IsLower(k, "of") && t_[k - 1].pos == Pos::kPropn &&
          mention_at_[k - 1] >= 0 &&
          mentions_[mention_at_[k - 1]].match.entry->kind == ActorKind::kActor;
      // So does "in" + a named place after a diplomat or an authority: "the
      // Chinese ambassador in Berlin", "Russian authorities in Moscow".
      std::string_view prev = t_[k - 1].lemma;
      if (IsLower(k, "in") && IsNamedActor(k + 1) &&
          (prev == "ambassador" || prev == "envoy" || prev == "consul" ||
           prev == "diplomat" || prev == "authority" || prev == "official" ||
           prev == "affaires" || prev == "representative"))
        where = true;
      if (adverbial || where) break;
      ++k;
      continue;
    }
    if (p == Pos::kConj && k > j && k + 1 < n &&
        (IsLower(k, "and") || IsLower(k, "or"))) {
      // Coordinated noun phrases, unless a verb follows the next phrase
      // ("killed six soldiers and wounded four").
      size_t q = k + 1;
      while (q < n && q < k + 8 && IsNpPos(t_[q].pos)) ++q;
      if (q == k + 1) break;
      // After a verb taking a clause ("believes A and B can cope"), the
      // list is the subject of that clause and the verb after it is the
      // clause's own.
      size_t v = j;
      if (v > 0 && IsLower(v - 1, "that")) --v;
      bool clause_subject =
          v > 0 && t_[v - 1].pos == Pos::kVerb && IsClauseVerb(t_[v - 1].lemma);
      if (q < n && !clause_subject &&
          (t_[q].pos == Pos::kVerb || t_[q].pos == Pos::kAux ||
           t_[q].pos == Pos::kModal))
        break;
      k = q;
      continue;
    }
    if (IsPunct(k, ',') && k > j && k + 1 < n &&
        (t_[k + 1].pos == Pos::kPropn ||
         (t_[k + 1].pos == Pos::kDet && !HasActor(Range{j, k}) &&
          AppositionHasActor(k + 1)))) {
      // Apposition: ", Michel Aoun," or ", the US ambassador," — a short
      // noun phrase closed by a comma or the end of the sentence.
      size_t q = k + 1;
      while (q < n && q < k + 9 && IsNpPos(t_[q].pos)) ++q;
      // Or a list item: ", Rohan, Fornost and Bree".
      bool closed = q >= n || IsPunct(q, ',') || IsPunct(q, '.') ||
                    IsLower(q, "and") || IsLower(q, "or");
      if (closed && q > k + 1) {
        k = q;
        continue;
      }
      break;
    }
    if (p == Pos::kVerb && t_[k].form == VerbForm::kEd && k > j && k + 1 < n &&
        IsLower(k + 1, "by")) {
      // Reduced relative: "the proposal submitted by ...".
      k += 2;
      continue;
    }
    break;
  }
  // Trim trailing joiners (but keep a closing parenthesis: "(NATO)").
  while (k > j && (t_[k - 1].pos == Pos::kConj || t_[k - 1].pos == Pos::kPrep ||
                   t_[k - 1].pos == Pos::kDet ||
                   (t_[k - 1].pos == Pos::kPunct && !IsPunct(k - 1, ')')) ||
                   t_[k - 1].pos == Pos::kPoss))
    --k;
  return Range{j, k};
}

// The object after token j: skip adverbs and a preposition of direction.
Range Analysis::NpAfter(size_t j, bool passive, bool prefer_to) const {
  size_t n = t_.size();
  for (int guard = 0; guard < 3 && j < n; ++guard) {
    while (j < n && t_[j].pos == Pos::kAdv) ++j;
    if (j < n && IsTimePhrase(j)) {
      j = SkipTimePhrase(j);  // "called on Friday for Britain ..."
      continue;
    }
    break;
  }
  if (j >= n) return Range{};
  if (t_[j].pos == Pos::kPrep || IsLower(j, "as")) {
    std::string_view p = t_[j].lower;
    bool ok =
        p == "with" || p == "to" || p == "against" || p == "on" || p == "at" ||
        p == "into" || p == "upon" || p == "toward" || p == "towards" ||
        p == "over" || p == "in" || p == "from" || p == "for" || p == "about" ||
        p == "of" || p == "as" ||
        (p == "by" && !passive && !(j + 1 < n && t_[j + 1].pos == Pos::kNum));
    if (!ok) return Range{};
    // "in a bid to", "in a statement": adverbials, not objects.
    if (p == "in" && j + 1 < n && (IsLower(j + 1, "a") || IsLower(j + 1, "an")))
      return Range{};
    // "at least 26 people" is a phrase, not "at" + phrase.
    if (!(p == "at" && j + 1 < n &&
          (IsLower(j + 1, "least") || IsLower(j + 1, "most"))))
      ++j;
  } else if (t_[j].pos == Pos::kTo) {
    ++j;
  }
  if (j >= n) return Range{};
  // "possibility of transferring helicopters to Darfur": through a gerund.
  if (t_[j].pos == Pos::kVerb && t_[j].form == VerbForm::kIng && j > 0 &&
      t_[j - 1].pos == Pos::kPrep && !passive)
    return NpAfter(j + 1, /*passive=*/true);
  bool quantifier = j + 1 < n && t_[j + 1].pos == Pos::kNum &&
                    (IsLower(j, "about") || IsLower(j, "around") ||
                     IsLower(j, "nearly") || IsLower(j, "almost") ||
                     IsLower(j, "approximately") || IsLower(j, "roughly"));
  if (!IsNpPos(t_[j].pos) && !IsLower(j, "at") && !IsCurrency(t_[j].lower) &&
      !quantifier)
    return Range{};
  Range obj = ObjectFrom(j);
  // Transfers name their recipient with "to": "returned six Iraqi
  // artifacts to the government of Iraq", "sent troops to Lebanon".
  if (!obj.empty() && prefer_to && obj.end + 1 < n && IsLower(obj.end, "to") &&
      IsNpPos(t_[obj.end + 1].pos) && t_[obj.end + 1].pos != Pos::kPron) {
    Range pp = ObjectFrom(obj.end + 1);
    if (!pp.empty()) return pp;
  }
  if (obj.empty()) return obj;
  // Recipient: "returned the fossils to China", "provided $2 million in
  // assistance to Fiji": when the direct object names no actor, a "to"
  // phrase that follows (past one "in"/"of" phrase) is the target; so is a
  // "against"/"on"/"with"/"into" phrase that names an actor.
  if (!HasActor(obj, /*named_only=*/true)) {
    size_t k = obj.end;
    if (k + 1 < n && (IsLower(k, "in") || IsLower(k, "of")) &&
        IsNpPos(t_[k + 1].pos)) {
      Range skip = ObjectFrom(k + 1);
      if (!skip.empty()) k = skip.end;
    }
    if (k + 1 < n && IsNpPos(t_[k + 1].pos)) {
      bool to = IsLower(k, "to");
      bool other = IsLower(k, "against") || IsLower(k, "on") ||
                   IsLower(k, "with") || IsLower(k, "into") || IsLower(k, "by");
      if (to || other) {
        Range pp = ObjectFrom(k + 1);
        if (!pp.empty() && !(to && IsGoalNoun(t_[k + 1].lower)) &&
            (to ? !HasActor(obj) || HasActor(pp, true) : HasActor(pp, true)))
          return pp;
      }
    }
  }
  return obj;
}

size_t Analysis::SkipTimePhrase(size_t j) const {
  size_t k = j;
  if (t_[k].pos == Pos::kPrep) ++k;
  size_t limit = std::min(t_.size(), k + 4);
  while (k < limit && (IsTimeWord(t_[k].lower) || t_[k].pos == Pos::kDet ||
                       t_[k].pos == Pos::kNum || t_[k].pos == Pos::kAdj ||
                       IsLower(k, "early") || IsLower(k, "late") ||
                       IsLower(k, "last") || IsLower(k, "next")))
    ++k;
  return k > j ? k : j + 1;
}

// ", the U.S. ambassador," after a name: the apposition says who it is.
bool Analysis::AppositionHasActor(size_t k) const {
  size_t q = k;
  while (q < t_.size() && q < k + 8 && IsNpPos(t_[q].pos)) ++q;
  return HasActor(Range{k, q});
}

// A target that is only a number, a sum of money, a date or a pronoun that
// points back at the source ("its", "itself") names no one.
bool Analysis::IsJunkTarget(Range r) const {
  if (HasActor(r)) return false;
  bool all_numeric = true;
  for (size_t k = r.begin; k < r.end; ++k) {
    Pos p = t_[k].pos;
    bool numeric =
        p == Pos::kNum || IsCurrency(t_[k].lower) || IsTimeWord(t_[k].lower) ||
        p == Pos::kPunct || IsLower(k, "percent") || IsLower(k, "%") ||
        IsLower(k, "euros") || IsLower(k, "dollars") || IsLower(k, "usd") ||
        IsLower(k, "at") || IsLower(k, "least") || IsLower(k, "more") ||
        IsLower(k, "than") || IsLower(k, "about") || IsLower(k, "times") ||
        IsLower(k, "twice") || IsLower(k, "less") || IsLower(k, "in");
    if (!numeric) all_numeric = false;
  }
  if (all_numeric) return true;
  return r.end == r.begin + 1 &&
         (IsLower(r.begin, "itself") || IsLower(r.begin, "themselves"));
}

bool Analysis::IsNamedActor(size_t k) const {
  return mention_at_[k] >= 0 &&
         mentions_[mention_at_[k]].match.entry->kind == ActorKind::kActor;
}

bool Analysis::HasActor(Range r, bool named_only) const {
  for (size_t k = r.begin; k < r.end; ++k) {
    if (mention_at_[k] < 0) continue;
    ActorKind kind = mentions_[mention_at_[k]].match.entry->kind;
    if (kind == ActorKind::kActor || (!named_only && kind == ActorKind::kAgent))
      return true;
  }
  return false;
}

bool Analysis::HasDiscard(Range r) const {
  for (size_t k = r.begin; k < r.end; ++k)
    if (mention_at_[k] >= 0 &&
        mentions_[mention_at_[k]].match.entry->kind == ActorKind::kDiscard)
      return true;
  return false;
}

// "were killed in a landslide", "died from cholera": the cause named after
// an agentless passive.
bool Analysis::CauseIsDiscard(size_t after) const {
  for (size_t k = after; k + 1 < t_.size() && k < after + 6; ++k) {
    if (IsLower(k, "in") || IsLower(k, "by") || IsLower(k, "from") ||
        IsLower(k, "after") || IsLower(k, "during")) {
      Range r = ObjectFrom(k + 1);
      if (!r.empty() && HasDiscard(r) && !HasActor(r)) return true;
    }
    if (t_[k].pos == Pos::kVerb || IsPunct(k, ',') || IsPunct(k, ';')) break;
  }
  return false;
}

// "by X" after a passive verb, within a few tokens.
Range Analysis::ByAgent(size_t after) const {
  for (size_t k = after; k < t_.size() && k < after + 6; ++k) {
    if (IsLower(k, "by") && k + 1 < t_.size() && IsNpPos(t_[k + 1].pos))
      return ObjectFrom(k + 1);
    if (t_[k].pos == Pos::kVerb || IsPunct(k, ',')) break;
  }
  return Range{};
}

// The subject of the verb group starting at token g.
Range Analysis::SubjectOf(size_t g, int depth) const {
  if (depth > 4 || g == 0) return Range{};
  size_t end = g;
  // Infinitive: "X agreed to withdraw", "X is expected to meet",
  // "urged Iraq to withdraw" (object control).
  if (t_[g - 1].pos == Pos::kTo) {
    if (g < 2) return Range{};
    size_t v = g - 2;
    while (v > 0 && (t_[v].pos == Pos::kAdv || in_time_[v])) --v;
    // "Iraq is about to restore ties": "about" works like an adjective.
    bool about = IsLower(v, "about") && v > 0 && IsBeForm(v - 1);
    if (t_[v].pos == Pos::kVerb || t_[v].pos == Pos::kAdj ||
        t_[v].pos == Pos::kAux || about) {
      if (about) return SubjectOf(VerbGroupBegin(v - 1), depth + 1);
      size_t vg = v;
      while (vg > 0 &&
             (t_[vg - 1].pos == Pos::kAux || t_[vg - 1].pos == Pos::kModal ||
              t_[vg - 1].pos == Pos::kNeg || t_[vg - 1].pos == Pos::kAdv ||
              (t_[vg].pos == Pos::kAdj && IsBeForm(vg - 1))))
        --vg;
      if (t_[vg].pos == Pos::kAdj) vg = VerbGroupBegin(vg);
      return SubjectOf(vg, depth + 1);
    }
    // "called his counterpart on Tuesday to congratulate him", "held 2,000
    // people to use them as shields": unless the verb directs its object
    // ("urged X to"), the infinitive says what for, and its subject is the
    // verb's subject. ("call" here is a telephone call: "call on X to" and
    // "call for X to" take a preposition.)
    size_t c = g - 1;
    while (c > 0 && g - 1 - c < 14 &&
           (IsNpPos(t_[c - 1].pos) || IsPunct(c - 1, ',') || in_time_[c - 1] ||
            IsTimeWord(t_[c - 1].lower) || IsLower(c - 1, "in") ||
            IsLower(c - 1, "of") || IsLower(c - 1, "from")))
      --c;
    if (c > 0 && c < g - 1 && t_[c - 1].pos == Pos::kVerb) {
      std::string_view l = t_[c - 1].lemma;
      if (!IsDirectiveVerb(l) || l == "call")
        return SubjectOf(VerbGroupBegin(c - 1), depth + 1);
    }
    end = g - 1;
  }
  // Gerund complement: "is considering sending aid".
  if (t_[g - 1].pos == Pos::kVerb && t_[g].form == VerbForm::kIng)
    return SubjectOf(VerbGroupBegin(g - 1), depth + 1);
  // Verb coordination: "... killed six soldiers and wounded four".
  if (t_[end - 1].pos == Pos::kConj && end >= 2) {
    for (size_t v = end - 1; v-- > 0;) {
      if (t_[v].pos == Pos::kVerb)
        return SubjectOf(VerbGroupBegin(v), depth + 1);
      if (IsPunct(v, ';') || t_[v].pos == Pos::kSconj) break;
    }
    return Range{};
  }
  // Participle clause: ", killing more than 300".
  if (IsPunct(end - 1, ',') && t_[g].pos == Pos::kVerb &&
      t_[g].form == VerbForm::kIng) {
    for (size_t v = end - 1; v-- > 0;) {
      if (t_[v].pos == Pos::kVerb && t_[v].form != VerbForm::kIng)
        return SubjectOf(VerbGroupBegin(v), depth + 1);
    }
    return Range{};
  }
  // Relative clause: "the police, who arrested ..." -> the antecedent,
  // without its prepositional context ("tear gas at protesters who").
  bool relative = false;
  if (t_[end - 1].pos == Pos::kWh ||
      (IsLower(end - 1, "that") && end >= 2 && IsNpPos(t_[end - 2].pos))) {
    end = end - 1;
    if (end > 0 && IsPunct(end - 1, ',')) --end;
    if (end == 0) return Range{};
    relative = true;
  }
  size_t k = end;
  while (k > 0 && end - k < kMaxPhrase) {
    size_t i = k - 1;
    Pos p = t_[i].pos;
    if (IsNpPos(p)) {
      if (p == Pos::kPron && k != end) break;
      k = i;
      continue;
    }
    if (IsPunct(i, ')')) {
      size_t o = i;
      while (o > 0 && i - o < 10 && !IsPunct(o, '(')) --o;
      if (IsPunct(o, '(') && o > 0) {
        k = o;
        continue;
      }
      break;
    }
    if (p == Pos::kPrep && i > 0 && k < end) {
      if (relative && !IsLower(i, "of")) break;
      if (IsTimePhrase(i) && k < end) {
        // A time phrase at the right edge is not part of the subject:
        // "Lavrov on October 31 suggested".
        bool at_edge = true;
        for (size_t q = k; q < end; ++q)
          if (!IsNpPos(t_[q].pos)) at_edge = false;
        if (at_edge) {
          end = i;
          k = i;
          continue;
        }
        break;
      }
      std::string_view w = t_[i].lower;
      if ((w == "of" || w == "in" || w == "from" || w == "by" || w == "for" ||
           w == "at" || w == "near") &&
          IsNpPos(t_[i - 1].pos) && !in_time_[i - 1]) {
        k = i;
        continue;
      }
      break;
    }
    // "the U.S. ambassador to Iraq", "all parties to the conflict".
    if (p == Pos::kTo && i > 0 && k < end && IsNpPos(t_[i - 1].pos) &&
        IsNpPos(t_[k].pos) && t_[k].pos != Pos::kPron && !relative) {
      k = i;
      continue;
    }
    if (p == Pos::kConj && i > 0 && k < end && IsNpPos(t_[i - 1].pos) &&
        !IsLower(i, "but")) {
      k = i;
      continue;
    }
    // A comma before the last "and" of a list: "Mordor, the awful Fornost,
    // and Gondor".
    if (p == Pos::kConj && i > 1 && k < end && IsPunct(i - 1, ',') &&
        IsNpPos(t_[i - 2].pos) && (IsLower(i, "and") || IsLower(i, "or"))) {
      k = i - 1;
      continue;
    }
    if (p == Pos::kVerb && t_[i].form == VerbForm::kIng && k < end && i > 0 &&
        (t_[i - 1].pos == Pos::kNoun || t_[i - 1].pos == Pos::kPropn) &&
        !relative) {
      // Reduced relative: "the coalition fighting Houthi rebels in Yemen has
      // declared": the subject is the phrase the participle describes.
      end = i;
      k = i;
      continue;
    }
    if (p == Pos::kVerb && t_[i].form == VerbForm::kEd && k < end &&
        IsLower(k, "by") && i > 0 && IsNpPos(t_[i - 1].pos)) {
      k = i;  // reduced relative: "the missiles fired by the military"
      continue;
    }
    if (IsPunct(i, '-') && i > 0 && k < end && IsNpPos(t_[i - 1].pos)) {
      k = i;
      continue;
    }
    if (IsPunct(i, ',') && i > 0) {
      // Find the comma (or start) before this one.
      size_t c0 = i;
      bool found = false;
      while (c0 > 0 && i - c0 < 16) {
        --c0;
        if (IsPunct(c0, ',')) {
          found = true;
          break;
        }
        if (t_[c0].pos == Pos::kSconj || IsPunct(c0, ';') || IsPunct(c0, ':'))
          break;
      }
      if (found && c0 + 1 < i && t_[c0 + 1].pos == Pos::kWh) {
        // ", which runs the prison system," — a relative clause: skip it.
        end = c0;
        k = c0;
        continue;
      }
      if (found) {
        // "Elena Romanowski, the U.S. ambassador to Iraq, criticized".
        bool np = c0 + 1 < i &&
                  (t_[c0 + 1].pos == Pos::kDet ||
                   t_[c0 + 1].pos == Pos::kPropn || IsNpPos(t_[c0 + 1].pos));
        for (size_t q = c0 + 1; q < i; ++q)
          if (!IsNpPos(t_[q].pos) && t_[q].pos != Pos::kPrep &&
              t_[q].pos != Pos::kTo && t_[q].pos != Pos::kConj)
            np = false;
        if (np && c0 > 0 && IsNpPos(t_[c0 - 1].pos)) {
          // Apposition: "Bahraini Prime Minister, Prince Khalifa, has ...".
          k = c0;
          continue;
        }
      } else {
        // A list from the start: "The Afghan government, a number of
        // parties and the Taliban condemned".
        bool list = false, np = true;
        for (size_t q = i + 1; q < end; ++q)
          if (t_[q].pos == Pos::kConj) list = true;
        size_t s = i;
        while (s > 0 && i - s < 12 &&
               (IsNpPos(t_[s - 1].pos) || IsLower(s - 1, "of")))
          --s;
        if (s != 0) np = false;
        if (list && np) {
          k = s;
          continue;
        }
      }
      break;
    }
    break;
  }
  if (k >= 1 && k < end && IsLower(k - 1, "at") &&
      (IsLower(k, "least") || IsLower(k, "most")))
    --k;  // "At least 26 people were killed"
  // Trim leading joiners and trailing ones (but keep "at least 26").
  while (k < end && (t_[k].pos == Pos::kPrep || t_[k].pos == Pos::kConj ||
                     t_[k].pos == Pos::kPunct || t_[k].pos == Pos::kPoss)) {
    if (k + 1 < end && IsLower(k, "at") &&
        (IsLower(k + 1, "least") || IsLower(k + 1, "most")))
      break;
    ++k;
  }
  while (end > k &&
         ((t_[end - 1].pos == Pos::kPunct && !IsPunct(end - 1, ')')) ||
          t_[end - 1].pos == Pos::kConj || t_[end - 1].pos == Pos::kPrep))
    --end;
  return Range{k, end};
}

void Analysis::Select() {
  // Drop matches inside another match's words or slot.
  for (VerbMatch& m : matches_) {
    for (const VerbMatch& o : matches_) {
      if (&o == &m || !o.pattern) continue;
      bool inside_words = m.head > o.head && m.head <= o.last;
      if (inside_words) m.absorbed = true;
    }
  }
  // Infinitive complements: "expected to begin talks", "urged X to
  // withdraw", "refused to meet".
  for (size_t a = 0; a < matches_.size(); ++a) {
    VerbMatch& m = matches_[a];
    if (m.absorbed || !m.pattern || m.pattern->nominal) continue;
    size_t g = m.group_begin;
    bool modal = false;
    // A modal the pattern itself names ("will * visit") is no intent.
    const std::vector<std::string>& before = m.pattern->before;
    for (size_t k = g; k < m.head; ++k)
      if (t_[k].pos == Pos::kModal && IntentModal(t_[k].lower) &&
          std::find(before.begin(), before.end(), t_[k].lower) == before.end())
        modal = true;
    if (modal && !m.pattern->modals_code_act) m.intent = true;
    if (g > 0 && t_[g - 1].pos == Pos::kVerb && g == m.head &&
        t_[m.head].form == VerbForm::kIng) {
      // Gerund complement: "considering sending aid", "began shelling".
      VerbMatch* gov = nullptr;
      for (VerbMatch& o : matches_)
        if (&o != &m && o.head == g - 1) gov = &o;
      if (gov && gov->negated) {
        m.absorbed = true;
      } else if (IntentWord(t_[g - 1].lemma)) {
        m.intent = true;
        if (gov) gov->absorbed = true;
      } else if (gov && gov->pattern) {
        m.absorbed = true;
        gov->complement = static_cast<int>(a);
      }
      continue;
    }
    if (g == 0 || t_[g - 1].pos != Pos::kTo) continue;
    // A pattern that ends with this "to" governs it: "call on X to".
    VerbMatch* owner = nullptr;
    for (VerbMatch& o : matches_)
      if (&o != &m && o.pattern && o.last == g - 1) owner = &o;
    if (owner) {
      m.absorbed = true;
      owner->complement = static_cast<int>(a);
      continue;
    }
    // The governing word before "to" (past an object: "urged Iraq to").
    size_t v = g - 1;
    bool object_between = false;
    while (v > 0) {
      --v;
      if (in_time_[v]) continue;  // "agreed on Friday to restore"
      Pos p = t_[v].pos;
      if (p == Pos::kVerb || p == Pos::kAdj || p == Pos::kNoun) {
        if ((p == Pos::kNoun) && !IntentWord(t_[v].lemma)) {
          object_between = true;
          continue;
        }
        break;
      }
      if (IsNpPos(p) || p == Pos::kAdv) {
        object_between = true;
        continue;
      }
      v = SIZE_MAX;
      break;
    }
    if (v == SIZE_MAX) continue;
    // Is the governing word itself coded?
    VerbMatch* gov = nullptr;
    for (VerbMatch& o : matches_)
      if (o.head == v && &o != &m) gov = &o;
    bool intent_word = IntentWord(t_[v].lemma) && !object_between;
    if ((gov && gov->negated) ||
        (NegatingWord(t_[v].lemma) && !object_between)) {
      m.absorbed = true;  // "did not agree to meet", "failed to protect"
    } else if (intent_word) {
      m.intent = true;
      if (gov) gov->absorbed = true;
    } else if (gov) {
      m.absorbed = true;
      gov->complement = static_cast<int>(a);
    }
  }
  // "Russia says Israel must end attacks": an obligation reported with a
  // verb the dictionaries do not code is a demand all the same.
  std::vector<VerbMatch> reported;
  for (const VerbMatch& st : matches_) {
    if (!st.pattern || st.pattern->nominal ||
        !IsPlainStatement(st.pattern->code))
      continue;
    for (size_t k = st.last + 1; k < t_.size() && k < st.last + 12; ++k) {
      if (IsPunct(k, ';') || IsPunct(k, '.')) break;
      if (!(IsLower(k, "must") || IsLower(k, "should"))) continue;
      size_t v = k + 1;
      while (v < t_.size() && v < k + 4 &&
             (t_[v].pos == Pos::kAdv || t_[v].pos == Pos::kNeg ||
              IsLower(v, "be")))
        ++v;
      // "must do something": "do" as the main verb.
      bool main_do = v + 1 < t_.size() && t_[v].pos == Pos::kAux &&
                     t_[v].lemma == "do" && IsNpPos(t_[v + 1].pos);
      if (v >= t_.size() || (t_[v].pos != Pos::kVerb && !main_do)) break;
      bool coded = false;
      for (const VerbMatch& o : matches_) coded = coded || o.head == v;
      if (coded) break;
      VerbMatch d;
      d.pattern = &ReportedDemandPattern();
      d.head = v;
      d.last = v;
      d.group_begin = VerbGroupBegin(v);
      reported.push_back(d);
      break;
    }
  }
  for (VerbMatch& d : reported) matches_.push_back(std::move(d));
  // "X said Y must end attacks": X demands of Y, whatever Y is to do.
  for (size_t a = 0; a < matches_.size(); ++a) {
    VerbMatch& m = matches_[a];
    if (m.absorbed || !m.pattern || m.pattern->nominal ||
        IsPlainStatement(m.pattern->code) || !UnderObligation(m))
      continue;
    for (size_t b = a; b-- > 0;) {
      const VerbMatch& st = matches_[b];
      if (st.pattern && !st.pattern->nominal &&
          IsPlainStatement(st.pattern->code) && st.head < m.group_begin) {
        m.demand_by = static_cast<int>(b);
        break;
      }
    }
  }
  // Plain statements ("said", "told") give way to any other event, and
  // nominal events to any substantive verbal one.
  bool verbal_substantive = false, nominal_substantive = false;
  for (const VerbMatch& m : matches_) {
    if (m.absorbed || !m.pattern || IsPlainStatement(m.pattern->code)) continue;
    (m.pattern->nominal ? nominal_substantive : verbal_substantive) = true;
  }
  for (VerbMatch& m : matches_) {
    if (m.absorbed || !m.pattern) continue;
    bool statement = IsPlainStatement(m.pattern->code);
    // A nominal event beside a verbal one is kept only when its own phrase
    // names who acted: "after U.S. airstrikes on militants".
    if (m.pattern->nominal &&
        (statement || (verbal_substantive && NominalSource(m).empty()))) {
      m.absorbed = true;
      continue;
    }
    if (statement && (verbal_substantive || nominal_substantive)) {
      m.absorbed = true;
      continue;
    }
    m.code = m.intent ? IntentCode(m.pattern->code) : m.pattern->code;
    m.rule = m.pattern->nominal ? "nominal" : m.passive ? "passive" : "active";
    if (m.intent && m.code != m.pattern->code) m.rule += "+intent";
    if (m.demand_by >= 0) {
      m.code = DemandCode(m.pattern->code);
      m.rule = "reported-demand";
    }
  }
}

// "Netanyahu says he will seek": a pronoun subject right after a verb (or
// "verb that") stands for that verb's subject.
Range Analysis::ResolvePronoun(Range subj) const {
  if (subj.end != subj.begin + 1 || t_[subj.begin].pos != Pos::kPron)
    return subj;
  std::string_view w = t_[subj.begin].lower;
  if (w != "he" && w != "she" && w != "they" && w != "it" && w != "we")
    return subj;
  size_t v = subj.begin;
  if (v > 0 && IsLower(v - 1, "that")) --v;
  if (v == 0 || t_[v - 1].pos != Pos::kVerb) return subj;
  Range r = SubjectOf(VerbGroupBegin(v - 1), 1);
  if (r.empty() || (r.end == r.begin + 1 && t_[r.begin].pos == Pos::kPron))
    return subj;
  return r;
}

// The source a nominal event names itself: actor modifiers before its head
// ("US airstrikes", "Israel's attack") or "by X" after it.
Range Analysis::NominalSource(const VerbMatch& m) const {
  size_t s = m.head;
  while (s > 0 && (IsWordPos(t_[s - 1].pos) || t_[s - 1].pos == Pos::kPoss) &&
         m.head - s < 6)
    --s;
  while (s < m.head && t_[s].pos == Pos::kPoss) ++s;
  for (size_t k = s; k < m.head; ++k)
    if (mention_at_[k] >= 0) return Range{s, m.head};
  return ByAgent(m.last + 1);
}

// Where no object follows the verb phrase directly:
//  - "expelled all UNSCOM weapons inspectors": the pattern's last noun heads
//    a phrase that names an actor: that phrase is the target;
//  - "lifted sanctions imposed on China": past a reduced relative;
//  - "voiced hope that the new government ...": the clause's subject.
Range Analysis::FallbackObject(const VerbMatch& m) const {
  size_t n = t_.size();
  if (m.last > m.head && t_[m.last].pos == Pos::kNoun) {
    for (size_t k = m.head + 1; k < m.last; ++k) {
      if (mention_at_[k] >= 0 &&
          mentions_[mention_at_[k]].match.entry->kind == ActorKind::kActor) {
        return Range{k, m.last + 1};
      }
    }
  }
  size_t j = m.last + 1;
  if (j + 1 < n && t_[j].pos == Pos::kVerb && t_[j].form == VerbForm::kEd &&
      (IsLower(j + 1, "on") || IsLower(j + 1, "against") ||
       IsLower(j + 1, "to") || IsLower(j + 1, "by")) &&
      IsNpPos(t_[std::min(j + 2, n - 1)].pos) && j + 2 < n)
    return ObjectFrom(j + 2);
  // "expressed optimism Wednesday that ...".
  while (j < n && (IsTimeWord(t_[j].lower) || t_[j].pos == Pos::kAdv)) ++j;
  if (j + 1 < n && IsLower(j, "that") && IsNpPos(t_[j + 1].pos))
    return ObjectFrom(j + 1);
  return Range{};
}

// Nouns of acts and measures whose complement names who or where they
// affect: "lifted sanctions on X", "its blockade of X", "the UN peacekeeping
// mission in X", "the Ebola epidemic in X".
bool IsMeasureNoun(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "sanction",      "ban",         "embargo",    "blockade",   "siege",
      "boycott",       "restriction", "curb",       "tariff",     "curfew",
      "mission",       "operation",   "force",      "epidemic",   "outbreak",
      "situation",     "attack",      "strike",     "airstrike",  "raid",
      "offensive",     "incursion",   "invasion",   "occupation", "presence",
      "normalization", "evacuation",  "deployment", "import",     "export",
      "crackdown",     "bombardment", "shelling"};
  for (std::string_view k : kWords)
    if (lemma == k) return true;
  return false;
}

// Nouns of a relation between parties: "ties between A and B", "talks with".
bool IsRelationNoun(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "tie",     "relation",    "relationship",  "talk",   "dialogue",
      "contact", "cooperation", "negotiation",   "accord", "agreement",
      "treaty",  "deal",        "reconciliation"};
  for (std::string_view k : kWords)
    if (lemma == k) return true;
  return false;
}

// "to death", "to justice", "to prison": the result of an act, never its
// recipient.
bool IsGoalNoun(std::string_view w) {
  return w == "death" || w == "justice" || w == "prison" || w == "jail" ||
         w == "court" || w == "trial" || w == "safety" || w == "power" ||
         w == "office" || w == "account" || w == "rest" || w == "ruins" ||
         w == "ashes" || w == "pieces" || w == "hospital";
}

// Verbs of a purpose infinitive whose object receives what an event noun
// gives: "an appeal for $80 million to help people affected by ...".
bool IsHelpVerb(std::string_view lemma) {
  return lemma == "help" || lemma == "assist" || lemma == "aid" ||
         lemma == "support" || lemma == "benefit" || lemma == "fight" ||
         lemma == "combat" || lemma == "protect";
}

// A target phrase headed by a measure noun names its affected party in its
// complement: "the arms embargo on Iran" -> "Iran".
Range Analysis::AffectedOf(Range obj) const {
  size_t k = obj.begin;
  while (k < obj.end && (t_[k].pos == Pos::kDet || t_[k].pos == Pos::kPoss ||
                         t_[k].pos == Pos::kAdj || t_[k].pos == Pos::kNum ||
                         t_[k].pos == Pos::kNoun || t_[k].pos == Pos::kPropn ||
                         IsPunct(k, '-')))
    ++k;
  if (k == obj.begin || k + 1 >= obj.end) return obj;
  size_t head = k - 1;
  if (t_[head].pos != Pos::kNoun || !IsMeasureNoun(t_[head].lemma)) return obj;
  // "its forces in Crimea", "the security force in X" are deployments;
  // "Ukrainian forces in the Crimea", "political forces in Yemen" are actors.
  if (t_[head].lemma == "force" && head > obj.begin &&
      !(t_[head - 1].pos == Pos::kNoun || t_[head - 1].pos == Pos::kPoss ||
        IsLower(head - 1, "peacekeeping") || IsLower(head - 1, "its") ||
        IsLower(head - 1, "their")))
    return obj;
  std::string_view w = t_[k].lower;
  if (!(w == "of" || w == "on" || w == "against" || w == "in" || w == "into" ||
        w == "to" || w == "over"))
    return obj;
  if (!IsNpPos(t_[k + 1].pos) || t_[k + 1].pos == Pos::kPron) return obj;
  Range in = ObjectFrom(k + 1);
  if (in.empty()) return obj;
  in.end = std::min(in.end, obj.end);
  return in;
}

// The recipient of a transfer named further on: the first "to"/"into"
// phrase within the clause that names an actor, past the thing given and
// whatever describes it ("returned 12 skulls that date back to A.D. 640 to
// Peru", "was returned by US officials to Spanish authorities").
Range Analysis::RecipientAfter(size_t j) const {
  size_t n = t_.size();
  for (size_t k = j; k + 1 < n && k < j + 20; ++k) {
    if (IsPunct(k, '.') || IsPunct(k, ';') || IsPunct(k, ':') ||
        (t_[k].pos == Pos::kSconj && !IsLower(k, "that")))
      break;
    if (!(IsLower(k, "to") || IsLower(k, "into"))) continue;
    // "according to police data", "due to", "up to 30,000": no recipient.
    if (k > 0 && (IsLower(k - 1, "according") || IsLower(k - 1, "due") ||
                  IsLower(k - 1, "thanks") || IsLower(k - 1, "owing") ||
                  IsLower(k - 1, "prior") || IsLower(k - 1, "up") ||
                  IsLower(k - 1, "close") || IsLower(k - 1, "next")))
      continue;
    // "donated ventilators to assist Ethiopia": whom the gift helps.
    if (t_[k].pos == Pos::kTo && k + 2 < n && t_[k + 1].pos == Pos::kVerb &&
        IsHelpVerb(t_[k + 1].lemma) && IsNpPos(t_[k + 2].pos) &&
        t_[k + 2].pos != Pos::kPron)
      return ObjectFrom(k + 2);
    if (!IsNpPos(t_[k + 1].pos) || t_[k + 1].pos == Pos::kPron ||
        IsGoalNoun(t_[k + 1].lower))
      continue;
    Range pp = ObjectFrom(k + 1);
    if (!pp.empty() && HasActor(pp)) return pp;
  }
  return Range{};
}

// The target after a pattern that ends with its event noun when no object
// follows it directly: past the noun's own phrase (modifiers, "for"/"of"/
// "in" phrases, coordination, a name in commas), the first "to"/"against"/
// "on"/"with"/"between"/"into" phrase ("suspended food supplies and flights
// to Armenia", "launched a military operation, Operation X, against
// militants"), or the object of a purpose infinitive of helping ("launched an
// appeal for $80 million to help people in need").
Range Analysis::EventNounTarget(size_t noun) const {
  size_t n = t_.size();
  size_t limit = std::min(n, noun + 20);
  for (size_t k = noun + 1; k < limit; ++k) {
    Pos p = t_[k].pos;
    std::string_view w = t_[k].lower;
    bool next_np = k + 1 < n && IsNpPos(t_[k + 1].pos) &&
                   t_[k + 1].pos != Pos::kPron && !IsTimePhrase(k);
    if ((p == Pos::kTo || p == Pos::kPrep) && next_np &&
        (w == "to" || w == "against" || w == "on" || w == "upon" ||
         w == "with" || w == "between" || w == "into"))
      return ObjectFrom(k + 1);
    if (p == Pos::kTo && k + 2 < n && t_[k + 1].pos == Pos::kVerb &&
        IsHelpVerb(t_[k + 1].lemma) && IsNpPos(t_[k + 2].pos) &&
        t_[k + 2].pos != Pos::kPron)
      return ObjectFrom(k + 2);
    // "a loan guarantee to", "weapons deals with": a noun the tagger took
    // for a verb, right after the noun and before a preposition.
    bool compound =
        p == Pos::kVerb && t_[k - 1].pos == Pos::kNoun && k + 1 < n &&
        (t_[k].form == VerbForm::kBase || t_[k].form == VerbForm::kS) &&
        (t_[k + 1].pos == Pos::kPrep || t_[k + 1].pos == Pos::kTo);
    bool skip = compound || (IsNpPos(p) && p != Pos::kPron) ||
                IsPunct(k, ',') || IsPunct(k, '(') || IsPunct(k, ')') ||
                IsPunct(k, '-') || IsCurrency(w) || w == "and" || w == "or" ||
                w == "than" || w == "of" || w == "for" || w == "in" ||
                w == "including" || w == "from" || w == "like";
    if (!skip) break;
  }
  return Range{};
}

// "called Erdogan ... and urged him to": an object pronoun stands for the
// nearest actor before it outside the subject, taken with its phrase.
Range Analysis::ResolveObjectPronoun(Range obj, Range subj) const {
  if (obj.end != obj.begin + 1 || t_[obj.begin].pos != Pos::kPron) return obj;
  std::string_view w = t_[obj.begin].lower;
  if (w != "him" && w != "her" && w != "them") return obj;
  for (size_t k = obj.begin; k-- > 0;) {
    int mi = mention_at_[k];
    if (mi < 0 || (k >= subj.begin && k < subj.end)) continue;
    const ActorMatch& m = mentions_[mi].match;
    if (m.entry->kind != ActorKind::kActor) continue;
    size_t b = m.begin;
    for (;;) {
      while (b > 0 && b - 1 >= subj.end &&
             (t_[b - 1].pos == Pos::kPropn || t_[b - 1].pos == Pos::kAdj ||
              t_[b - 1].pos == Pos::kDet || mention_at_[b - 1] >= 0))
        --b;
      // "President Erdogan of Turkey ... urged him": the whole title.
      if (b >= 2 && b - 2 >= subj.end && IsLower(b - 1, "of") &&
          (t_[b - 2].pos == Pos::kPropn || mention_at_[b - 2] >= 0)) {
        b -= 2;
        continue;
      }
      break;
    }
    Range r = ObjectFrom(b);
    if (!r.empty()) return r;
    break;
  }
  return obj;
}

// The items of a list: r split at top-level "and" (and at commas when the
// list ends with "and"/"or"), without a leading "both"/"either"/"neither".
std::vector<Range> Analysis::ListParts(Range r) const {
  std::vector<Range> parts;
  size_t s = r.begin;
  int depth = 0;
  // Commas separate conjuncts only in a list that ends with "and"/"or";
  // otherwise they set off an apposition ("Venezuela's president, Nicolas
  // Maduro") that names the same actor.
  bool list = false;
  for (size_t k = r.begin; k < r.end; ++k)
    if (IsLower(k, "and") || IsLower(k, "or")) list = true;
  for (size_t k = r.begin; k < r.end; ++k) {
    if (IsPunct(k, '(')) ++depth;
    if (IsPunct(k, ')')) --depth;
    if (depth == 0 && (IsLower(k, "and") || (list && IsPunct(k, ',')))) {
      if (k > s) parts.push_back(Range{s, k});
      s = k + 1;
    }
  }
  if (r.end > s) parts.push_back(Range{s, r.end});
  // "both Libya and Iraq": the correlative belongs to neither part.
  for (Range& p : parts)
    if (p.end > p.begin + 1 &&
        (IsLower(p.begin, "both") || IsLower(p.begin, "either") ||
         IsLower(p.begin, "neither")))
      ++p.begin;
  return parts;
}

// The actor and the agent mentioned in `part` (each null when none).
// False when the part mentions more than one of either.
bool Analysis::ActorAndAgentOf(Range part, const ActorMatch** actor,
                               const ActorMatch** agent) const {
  for (size_t k = part.begin; k < part.end; ++k) {
    int mi = mention_at_[k];
    if (mi < 0 || mentions_[mi].match.begin != k) continue;
    const ActorMatch& m = mentions_[mi].match;
    if (m.entry->kind == ActorKind::kAgent) {
      if (*agent) return false;
      *agent = &m;
    } else if (m.entry->kind == ActorKind::kActor) {
      if (*actor) return false;
      *actor = &m;
    }
  }
  return true;
}

// "Lawmakers and officials in A and B": a list of agents the last of which
// is placed in a list of countries stands for each agent of each country.
// On success *countries holds one range per pair (the country alone) and
// *agents the agent each one takes.
bool Analysis::AgentsOverCountries(
    const std::vector<Range>& parts, std::vector<Range>* countries,
    std::vector<const ActorMatch*>* agents) const {
  if (parts.size() < 3) return false;
  std::vector<const ActorMatch*> ags;
  std::vector<Range> places;
  for (size_t p = 0; p < parts.size(); ++p) {
    const ActorMatch* actor = nullptr;
    const ActorMatch* agent = nullptr;
    if (!ActorAndAgentOf(parts[p], &actor, &agent)) return false;
    if (actor) {
      std::string code = ActorDictionary::CodeOn(*actor->entry, article_.date);
      if (code.size() != 3 || !dicts_.IsCountry(code)) return false;
    }
    if (places.empty()) {
      if (!agent) return false;
      ags.push_back(agent);
      if (!actor) continue;
      // The last agent: "officials in A", the country after a preposition.
      if (ags.size() < 2 || agent->end > actor->begin ||
          actor->begin != agent->end + 1 ||
          !(IsLower(agent->end, "in") || IsLower(agent->end, "of") ||
            IsLower(agent->end, "from")))
        return false;
      places.push_back(Range{actor->begin, actor->end});
    } else {
      if (agent || !actor) return false;
      places.push_back(parts[p]);
    }
  }
  if (places.size() < 2) return false;
  countries->clear();
  agents->clear();
  for (const Range& c : places)
    for (const ActorMatch* a : ags) {
      countries->push_back(c);
      agents->push_back(a);
    }
  return true;
}

std::vector<Range> Analysis::Conjuncts(Range r, bool agents) const {
  // Split at top-level "and"/"," when two or more parts hold an actor.
  std::vector<Range> parts = ListParts(r);
  std::vector<Range> with_actor;
  size_t with_agent = 0;
  bool any_actor = false;
  for (const Range& p : parts) {
    bool has = false, agent = false;
    for (size_t k = p.begin; k < p.end; ++k)
      if (mention_at_[k] >= 0) {
        ActorKind kind = mentions_[mention_at_[k]].match.entry->kind;
        if (kind == ActorKind::kActor) has = true;
        if (kind == ActorKind::kAgent) agent = true;
      }
    if (has) any_actor = true;
    if (agent) ++with_agent;
    // An "X of Y" part is one actor, not two.
    if (has) with_actor.push_back(p);
  }
  // "Clerics and lawmakers believe": a subject listing agents with no
  // country acts as each of them.
  if (agents && !any_actor && parts.size() >= 2 && with_agent == parts.size())
    return parts;
  if (with_actor.size() < 2 || with_actor.size() != parts.size()) return {r};
  return with_actor;
}

Span Analysis::OriginalSpan(size_t b, size_t e) const {
  Span s;
  norm_.OriginalRange(t_[b].token.begin, t_[e - 1].token.end, &s.start, &s.end);
  return s;
}

// An agent word that a list of countries shares: "the ambassadors of A, B
// and C" (the agent before the first country, the other parts bare
// countries), "A and B's foreign ministers" (after the last). Null when no
// part or more than one holds an agent.
const ActorMatch* Analysis::SharedAgent(const std::vector<Range>& parts) const {
  if (parts.size() < 2) return nullptr;
  const ActorMatch* agent = nullptr;
  for (size_t p = 0; p < parts.size(); ++p) {
    const ActorMatch* actor = nullptr;
    const ActorMatch* ag = nullptr;
    if (!ActorAndAgentOf(parts[p], &actor, &ag)) return nullptr;
    if (!actor) return nullptr;
    std::string code = ActorDictionary::CodeOn(*actor->entry, article_.date);
    if (code.size() != 3 || !dicts_.IsCountry(code)) return nullptr;
    if (!ag) continue;
    if (agent) return nullptr;
    agent = ag;
    // First part: "the ambassadors of A"; last part: "B's ministers".
    bool before = ag->end <= actor->begin;
    if (!(p == 0 && before) && !(p == parts.size() - 1 && !before))
      return nullptr;
  }
  return agent;
}

bool Analysis::ResolveActor(Range r, EventActor* actor,
                            std::vector<Evidence>* evidence, const char* role,
                            const ContextActor* given,
                            const ActorMatch* shared_agent) const {
  if (r.empty()) return false;
  actor->span = OriginalSpan(r.begin, r.end);
  actor->text = article_.text.substr(actor->span.start,
                                     actor->span.end - actor->span.start);
  if (given) {
    // "the two countries": one of the countries met before.
    actor->code = given->code.substr(0, 3);
    actor->country = given->country;
    if (evidence)
      evidence->push_back(
          Evidence{std::string(role) + "-context",
                   "sentence " + std::to_string(given->sentence), given->text,
                   actor->code, actor->span});
    return true;
  }
  const ActorEntry* base = nullptr;
  const ActorMatch* base_m = nullptr;
  const ActorEntry* agent = nullptr;
  const ActorMatch* agent_m = nullptr;
  for (size_t k = r.begin; k < r.end; ++k) {
    int mi = mention_at_[k];
    if (mi < 0 || mentions_[mi].match.begin != k) continue;
    const ActorMatch& m = mentions_[mi].match;
    // A person with dated roles outranks a country adjective before it:
    // "Chinese President Xi Jinping" is Xi's role, not just CHN.
    bool person = m.entry->kind == ActorKind::kActor && !m.entry->roles.empty();
    if (m.entry->kind == ActorKind::kActor &&
        (!base || (person && base->roles.empty()))) {
      base = m.entry;
      base_m = &m;
    } else if (m.entry->kind == ActorKind::kAgent && !agent) {
      agent = m.entry;
      agent_m = &m;
    }
  }
  if (!agent && base && shared_agent) {
    agent = shared_agent->entry;
    agent_m = shared_agent;
  }
  std::string code;
  if (base) {
    code = ActorDictionary::CodeOn(*base, article_.date);
    // A seat of government ("Baghdad", "the Kremlin") stands for the
    // government, but only the country when it says where ("in Dhaka") or
    // when an agent says who ("Baghdad's forces" -> IRQMIL).
    bool seat = code.size() == 6 && code.compare(3, 3, "GOV") == 0 &&
                base->roles.empty() && dicts_.IsCountry(code.substr(0, 3));
    bool place = base_m->begin > 0 && (IsLower(base_m->begin - 1, "in") ||
                                       IsLower(base_m->begin - 1, "near") ||
                                       IsLower(base_m->begin - 1, "at"));
    if (seat && (place || (agent && agent->code != "GOV")))
      code = code.substr(0, 3);
    if (agent && code.size() == 3) code += agent->code;
  }
  const ContextActor* from = nullptr;
  if (!base && ResolveFromContext(r, agent, &code, &from)) {
    // Named before in the article, or placed by the dateline.
  } else if (!base && agent) {
    code = agent->code;
    // "Kenyan police arrested dozens of protesters": in a sentence that
    // names one country only, a lone agent belongs to it.
    std::string only = OnlyCountryInSentence();
    if (!only.empty()) code = only + agent->code;
  } else if (!base) {
    code = "---";
  }
  actor->code = code;
  std::string country = code.substr(0, 3);
  actor->country = dicts_.IsCountry(country) ? country : "";
  if (evidence) {
    for (const ActorMatch* m : {base_m, agent_m}) {
      if (!m) continue;
      Evidence ev;
      ev.role = std::string(role) +
                (m->entry->kind == ActorKind::kAgent ? "-agent" : "-actor");
      ev.entry = m->entry->file + ":" + std::to_string(m->phrase->line);
      ev.pattern = m->phrase->text;
      ev.code = ActorDictionary::CodeOn(*m->entry, article_.date);
      ev.span = OriginalSpan(m->begin, m->end);
      evidence->push_back(std::move(ev));
    }
    if (from) {
      evidence->push_back(Evidence{
          std::string(role) + "-context",
          from->sentence < 0 ? std::string("dateline")
                             : "sentence " + std::to_string(from->sentence),
          from->text, code, actor->span});
    }
  }
  return base || agent || from;
}

// Lower-case runs of capitalized words in `r` outside dictionary mentions,
// and the last word of each run of two or more: the names a later sentence
// may use ("Elena Romanowski" -> "romanowski").
std::vector<std::string> Analysis::NamesIn(Range r) const {
  std::vector<std::string> names;
  std::string run;
  size_t words = 0;
  auto flush = [&](size_t last) {
    if (words >= 1 && run.size() >= 3) {
      names.push_back(run);
      if (words >= 2) names.emplace_back(t_[last].lower);
    }
    run.clear();
    words = 0;
  };
  for (size_t k = r.begin; k < r.end; ++k) {
    bool name = t_[k].pos == Pos::kPropn && mention_at_[k] < 0 &&
                (t_[k].token.flags & kTokenCapitalized);
    if (name) {
      if (!run.empty()) run += ' ';
      run += t_[k].lower;
      ++words;
    } else if (words) {
      flush(k - 1);
    }
  }
  if (words) flush(r.end - 1);
  return names;
}

bool Analysis::IsTwoCountries(Range r) const {
  // "the two countries", "both sides", "the two governments".
  if (r.end - r.begin < 2 || r.end - r.begin > 3) return false;
  size_t k = r.begin;
  if (IsLower(k, "the")) ++k;
  if (!(IsLower(k, "two") || IsLower(k, "both"))) return false;
  std::string_view w = t_[r.end - 1].lower;
  return w == "countries" || w == "sides" || w == "nations" ||
         w == "governments" || w == "neighbours" || w == "neighbors" ||
         w == "states";
}

// Codes a phrase with no dictionary actor from what the article said before.
bool Analysis::ResolveFromContext(Range r, const ActorEntry* agent,
                                  std::string* code,
                                  const ContextActor** from) const {
  if (!context_) return false;
  // A name met before ("al-Sudani", "Romanowski").
  for (const std::string& n : NamesIn(r)) {
    if (const ContextActor* a = context_->ByName(n)) {
      *code = a->code;
      *from = a;
      return true;
    }
  }
  // A pronoun: the latest person, or group.
  if (r.end == r.begin + 1 && t_[r.begin].pos == Pos::kPron) {
    if (const ContextActor* a = context_->ByPronoun(t_[r.begin].lower)) {
      *code = a->code;
      *from = a;
      return true;
    }
    return false;
  }
  if (!agent) return false;
  // "the prime minister": the latest actor with that agent.
  if (IsLower(r.begin, "the")) {
    if (const ContextActor* a = context_->ByAgent(AgentWords(r))) {
      *code = a->code;
      *from = a;
      return true;
    }
  }
  // "police" in a story datelined BAGHDAD, about Iraq alone.
  bool other_country = !context_->OnlyDatelineCountry();
  for (const Mention& m : mentions_) {
    const std::string& c = m.match.entry->code;
    if (m.match.entry->kind == ActorKind::kActor &&
        dicts_.IsCountry(c.substr(0, 3)) &&
        c.compare(0, 3, context_->dateline_country()) != 0)
      other_country = true;
  }
  if (!context_->dateline_country().empty() && !other_country) {
    static const ContextActor kDateline{"", "", "", "dateline", false, -1};
    *code = context_->dateline_country() + agent->code;
    *from = &kDateline;
    return true;
  }
  return false;
}

// The one country the sentence's actors name, or "" when none or several.
std::string Analysis::OnlyCountryInSentence() const {
  std::string only;
  for (const Mention& m : mentions_) {
    if (m.match.entry->kind != ActorKind::kActor) continue;
    std::string c =
        ActorDictionary::CodeOn(*m.match.entry, article_.date).substr(0, 3);
    if (!dicts_.IsCountry(c)) return "";  // an IGO or group: not one country
    if (only.empty())
      only = c;
    else if (only != c)
      return "";
  }
  return only;
}

// The words of the first agent mention in `r`, lower case ("prime minister").
std::string Analysis::AgentWords(Range r) const {
  for (size_t k = r.begin; k < r.end; ++k) {
    int mi = mention_at_[k];
    if (mi < 0) continue;
    const ActorMatch& m = mentions_[mi].match;
    if (m.entry->kind != ActorKind::kAgent) continue;
    std::string words;
    for (size_t q = m.begin; q < m.end; ++q) {
      if (!words.empty()) words += ' ';
      words += t_[q].lemma;
    }
    return words;
  }
  return "";
}

// Remembers an actor phrase coded from the dictionaries, for later sentences.
void Analysis::LearnActor(Range r, const EventActor& actor) const {
  if (!context_ || r.empty() || actor.code == "---") return;
  bool from_dictionary = false, person = false;
  std::string agent;
  for (size_t k = r.begin; k < r.end; ++k) {
    int mi = mention_at_[k];
    if (mi < 0) continue;
    const ActorEntry* e = mentions_[mi].match.entry;
    if (e->kind == ActorKind::kActor) {
      from_dictionary = true;
      if (!e->roles.empty()) person = true;
    } else if (e->kind == ActorKind::kAgent && agent.empty()) {
      agent = AgentWords(r);
      from_dictionary = true;
    }
  }
  if (!from_dictionary) return;
  std::vector<std::string> names = NamesIn(r);
  if (!names.empty() && !agent.empty()) person = true;  // a titled name
  context_->Learn(ContextActor{actor.code, actor.country, agent, actor.text,
                               person, sentence_index_},
                  names);
}

void Analysis::SetCode(const CameoCode& cc, const VerbMatch& m,
                       const std::string& pattern_code, Event* ev) const {
  ev->code = cc.code;
  ev->root = cc.root;
  ev->quad_class = cc.quad_class;
  ev->goldstein = cc.goldstein;
  ev->plover = cc.plover;
  ev->plover_mode = cc.plover_mode;
  ev->plover_context = cc.plover_context;
  if (options_.explain) {
    ev->rule = m.rule;
    Evidence v;
    v.role = "verb";
    v.entry = m.pattern->file + ":" + std::to_string(m.pattern->line);
    v.pattern = m.pattern->text;
    v.code = pattern_code;
    v.span = ev->verb;
    ev->evidence.insert(ev->evidence.begin(), std::move(v));
  }
}

void Analysis::Emit(const VerbMatch& m, int sentence_index, int act,
                    std::vector<Event>* events) {
  const CameoCode* cc = nullptr;
  if (!m.pattern->null()) {
    cc = dicts_.cameo().Find(m.code);
    if (!cc) cc = dicts_.cameo().Find(m.pattern->code);
  }
  // A paired code (`032/033`) also gives the reverse event, target to source.
  const CameoCode* rc = nullptr;
  if (!m.pattern->reverse_code.empty() && m.demand_by < 0) {
    const std::string& r = m.pattern->reverse_code;
    rc = dicts_.cameo().Find(m.intent ? IntentCode(r) : r);
    if (!rc) rc = dicts_.cameo().Find(r);
  }
  if (!cc && !rc) return;
  Range subj, obj;
  if (m.pattern->nominal) {
    // "US airstrikes on X", "X's attack", "attack on X by Y"; else the
    // clause subject.
    subj = NominalSource(m);
    if (subj.empty()) {
      for (size_t v = m.head; v-- > 0;) {
        if (t_[v].pos == Pos::kVerb) {
          subj = SubjectOf(VerbGroupBegin(v), 0);
          break;
        }
      }
    }
    obj = m.slot.empty() ? NpAfter(m.last + 1) : m.slot;
    // "held 2,000 civilians as human shields": the object of the verb
    // before "as" is the target, not the place after the noun.
    size_t s = m.head;
    while (s > 0 && (t_[s - 1].pos == Pos::kAdj || t_[s - 1].pos == Pos::kNoun))
      --s;
    if (m.slot.empty() && s >= 2 && IsLower(s - 1, "as") &&
        IsWordPos(t_[s - 2].pos)) {
      size_t b = s - 1;
      while (b > 0 && s - 1 - b < 8 &&
             (IsNpPos(t_[b - 1].pos) || IsLower(b - 1, "than") ||
              IsLower(b - 1, "around") || IsLower(b - 1, "about") ||
              IsLower(b - 1, "nearly") || IsLower(b - 1, "least") ||
              (IsLower(b - 1, "at") && IsLower(b, "least"))))
        --b;
      if (b > 0 && b < s - 1 && t_[b - 1].pos == Pos::kVerb)
        obj = Range{b, s - 1};
    }
  } else {
    subj = SubjectOf(m.group_begin, 0);
    subj = ResolvePronoun(subj);
    const std::string& pc = m.pattern->code;
    bool transfer = pc.compare(0, 2, "07") == 0 ||
                    pc.compare(0, 2, "15") == 0 || pc == "0842" ||
                    pc == "074" || pc == "0874";
    obj = m.slot.empty() ? NpAfter(m.last + 1, m.passive, transfer) : m.slot;
    if (m.slot.empty() && m.last > m.head &&
        HasActor(Range{m.last, m.last + 1}) &&
        !HasActor(obj, /*named_only=*/true)) {
      // The pattern's last word names the target: "clashed with police".
      obj = ObjectFrom(mentions_[mention_at_[m.last]].match.begin);
    }
    if (m.slot.empty() && !m.passive && m.last > m.head) {
      // An actor inside the pattern's words ("expelled two U.S.
      // diplomats"): the phrase they form is the target.
      for (size_t k = m.head + 1; k <= m.last; ++k) {
        if (IsNamedActor(k) && t_[m.last].pos == Pos::kNoun) {
          size_t b = m.head + 1;
          while (b < m.last && t_[b].pos == Pos::kAdv) ++b;
          obj = ObjectFrom(b);
          break;
        }
      }
    }
    if (obj.empty() && m.slot.empty() && !m.passive && m.last > m.head &&
        t_[m.last].pos == Pos::kNoun)
      obj = EventNounTarget(m.last);
    if (obj.empty() && m.slot.empty() && !m.passive && m.last > m.head &&
        t_[m.last].pos == Pos::kNoun) {
      // "banned a second opposition member, former mayor X", "expelled all
      // weapons inspectors": an agent among the pattern's words; the phrase
      // it heads is the target.
      for (size_t k = m.head + 1; k <= m.last; ++k) {
        if (mention_at_[k] >= 0 &&
            mentions_[mention_at_[k]].match.entry->kind == ActorKind::kAgent) {
          size_t b = m.head + 1;
          while (b < m.last && t_[b].pos == Pos::kAdv) ++b;
          obj = ObjectFrom(b);
          break;
        }
      }
    }
    if (m.slot.empty() && !m.passive && m.pattern->elements.size() >= 2 &&
        !m.pattern->elements[1].slot && m.head + 1 < t_.size() &&
        IsNpPos(t_[m.head + 1].pos)) {
      // "beat a farmer to death", "shot the plane down": a noun phrase
      // between the verb and its particle is the object.
      size_t k2 = m.head + 1;
      while (k2 <= m.last && t_[k2].lemma != m.pattern->elements[1].lemma) ++k2;
      // (A final preposition takes the phrase after it: "surrendered the
      // town to X" targets X.)
      bool final_prep =
          m.pattern->elements.size() == 2 && t_[k2].pos != Pos::kAdv;
      if (k2 <= m.last && k2 > m.head + 1 && !final_prep &&
          (t_[k2].pos == Pos::kTo || t_[k2].pos == Pos::kPrep ||
           t_[k2].pos == Pos::kAdv)) {
        Range f = ObjectFrom(m.head + 1);
        if (!f.empty() && f.end <= k2) obj = f;
      }
    }
    if (obj.empty() && m.slot.empty() && !m.passive) obj = FallbackObject(m);
    if (m.slot.empty() && !m.passive && m.last > m.head &&
        t_[m.last].pos == Pos::kNoun && !HasActor(Range{m.last, m.last + 1}) &&
        m.last + 1 < t_.size() &&
        (IsLower(m.last + 1, "from") || IsLower(m.last + 1, "of") ||
         IsLower(m.last + 1, "with")) &&
        HasActor(obj)) {
      // "rejected an offer from the Afghan government": the pattern's noun
      // heads the target phrase.
      size_t b = m.head + 1;
      while (b < m.last && t_[b].pos == Pos::kAdv) ++b;
      Range whole = ObjectFrom(b);
      if (whole.end >= obj.end) obj = whole;
    }
    if (m.demand_by >= 0) {
      // The speaker demands; the one who must act is the target.
      const VerbMatch& st = matches_[m.demand_by];
      obj = subj;
      subj = ResolvePronoun(SubjectOf(st.group_begin, 0));
    }
    obj = ResolveObjectPronoun(obj, subj);
    if (obj.empty() && m.complement >= 0) {
      // "refused to meet Iran": the complement's object is the target.
      const VerbMatch& c = matches_[m.complement];
      obj = c.slot.empty() ? NpAfter(c.last + 1) : c.slot;
      // "considering sending aid to help North Korea".
      if (obj.empty() && c.slot.empty() && c.last > c.head &&
          t_[c.last].pos == Pos::kNoun)
        obj = EventNounTarget(c.last);
    }
    if (obj.empty() && m.complement < 0 && m.slot.empty() && !m.passive &&
        m.last + 3 < t_.size() && t_[m.last + 1].pos == Pos::kTo &&
        t_[m.last + 2].pos == Pos::kVerb &&
        t_[m.last + 2].form == VerbForm::kBase) {
      // "refused to remove the ban on X", "agreed to extend their mission
      // in X": an uncoded infinitive's object is what the act is about,
      // when it names someone or somewhere ("agreed to exit the drug trade"
      // names no one).
      Range c = NpAfter(m.last + 3);
      bool named = HasActor(c);
      for (size_t k = c.begin; k < c.end; ++k)
        if (t_[k].pos == Pos::kPropn) named = true;
      if (named) obj = c;
    }
    if (m.passive) {
      Range agent = ByAgent(m.last + 1);
      // "was attacked by X": X acts on the subject; "was returned to X":
      // X receives it.
      Range to = transfer ? RecipientAfter(m.last + 1) : Range{};
      obj = to.empty() ? subj : to;
      subj = agent;
    } else if (transfer && m.slot.empty() && !obj.empty() &&
               !(obj.begin > 0 && (IsLower(obj.begin - 1, "to") ||
                                   IsLower(obj.begin - 1, "into")))) {
      // "returned six Iraqi artifacts to the government of Iraq": the
      // recipient, even when the thing given names a country.
      Range to = RecipientAfter(obj.end);
      if (!to.empty() && (!HasActor(obj, /*named_only=*/true) ||
                          (obj.end < t_.size() && IsLower(obj.end, "to"))))
        obj = to;
    } else if (transfer && m.slot.empty() && obj.empty()) {
      obj = RecipientAfter(m.last + 1);
    }
  }
  // "withdrew its troops from X": the place left is the target.
  if (!m.passive && !m.pattern->nominal && !obj.empty() &&
      (t_[m.head].lemma == "withdraw" || t_[m.head].lemma == "pull" ||
       t_[m.head].lemma == "evacuate" || t_[m.head].lemma == "redeploy")) {
    size_t n = t_.size();
    for (size_t k = obj.begin + 1; k + 1 < n && k <= obj.end; ++k) {
      if (!IsLower(k, "from")) continue;
      if (!IsNpPos(t_[k + 1].pos) || t_[k + 1].pos == Pos::kPron) break;
      bool troops = false;
      for (size_t q = obj.begin; q < k; ++q)
        if (mention_at_[q] >= 0 && !IsNamedActor(q)) troops = true;
      if (troops || t_[k - 1].lemma == "peacekeeper" ||
          t_[k - 1].lemma == "troop" || t_[k - 1].lemma == "soldier")
        obj = k < obj.end ? Range{k + 1, obj.end} : ObjectFrom(k + 1);
      break;
    }
  }
  // "lifted sanctions on X", "the normalization of the situation in X".
  if (!m.passive && m.demand_by < 0)
    for (int step = 0; step < 2 && !obj.empty(); ++step) obj = AffectedOf(obj);
  // "welcomed the resumption of ties between A and B": a relation that names
  // no actor itself is aimed at the parties named after it.
  if (!m.passive && m.demand_by < 0 && !obj.empty() &&
      obj.end + 1 < t_.size() && !HasActor(obj) &&
      IsRelationNoun(t_[obj.end - 1].lemma) &&
      (IsLower(obj.end, "between") || IsLower(obj.end, "with")) &&
      IsNpPos(t_[obj.end + 1].pos) && t_[obj.end + 1].pos != Pos::kPron) {
    Range parties = ObjectFrom(obj.end + 1);
    if (!parties.empty() && HasActor(parties, true)) obj = parties;
  }
  // "A powerful earthquake killed thousands": no political event.
  if (!subj.empty() && HasDiscard(subj) && !HasActor(subj)) return;
  if (subj.empty() && m.passive && CauseIsDiscard(m.last + 1)) return;
  Event dated;  // the date fields every event of this act shares
  DateOf(m, subj, obj, &dated);
  std::vector<Range> sources =
      subj.empty() ? std::vector<Range>{subj} : Conjuncts(subj, true);
  std::vector<Range> targets =
      obj.empty() ? std::vector<Range>{obj} : Conjuncts(obj);
  // `% * agree`: the members of the compound subject act on each other.
  bool among = m.pattern->compound && sources.size() >= 2;
  if (among) targets = sources;
  // "The two countries": each of the latest two countries.
  std::vector<const ContextActor*> source_given(sources.size(), nullptr);
  std::vector<const ContextActor*> target_given(targets.size(), nullptr);
  auto expand = [&](std::vector<Range>* ranges,
                    std::vector<const ContextActor*>* given) {
    if (!context_ || ranges->size() != 1 || !IsTwoCountries((*ranges)[0]))
      return;
    std::vector<const ContextActor*> two = context_->LastTwoCountries();
    if (two.size() != 2) return;
    *ranges = {(*ranges)[0], (*ranges)[0]};
    *given = {two[1], two[0]};  // in the order met
  };
  expand(&sources, &source_given);
  expand(&targets, &target_given);
  const ActorMatch* source_agent = SharedAgent(sources);
  // "Lawmakers and officials in A and B": each agent of each country.
  std::vector<const ActorMatch*> source_agents;
  if (!subj.empty() && !among && sources.size() == 1 && !source_given[0]) {
    std::vector<Range> countries;
    if (AgentsOverCountries(ListParts(subj), &countries, &source_agents)) {
      sources = countries;
      source_given.assign(sources.size(), nullptr);
    } else {
      source_agents.clear();
    }
  }
  const ActorMatch* target_agent = among ? source_agent : SharedAgent(targets);
  for (size_t si = 0; si < sources.size(); ++si) {
    const Range& s = sources[si];
    for (size_t ti = 0; ti < targets.size(); ++ti) {
      // Each pair once when a reverse code gives the other direction.
      if (among && (rc ? ti <= si : ti == si)) continue;
      const Range& o = targets[ti];
      Event ev;
      ev.doc_id = article_.id;
      ev.sentence = sentence_index;
      ev.act = act;
      ev.date = dated.date;
      ev.article_date = dated.article_date;
      ev.date_source = dated.date_source;
      std::vector<Evidence>* evid = options_.explain ? &ev.evidence : nullptr;
      bool src_actor = ResolveActor(
          s, &ev.source, evid, "source", source_given[si],
          source_agents.empty() ? source_agent : source_agents[si]);
      if (s.empty()) {
        // No subject found (agentless passive): the source is unknown.
        ev.source.code = "---";
        Span vs = OriginalSpan(m.head, m.head + 1);
        ev.source.span = Span{vs.start, vs.start};
      }
      if (options_.require_source_actor && !src_actor) continue;
      if (!o.empty() && !IsJunkTarget(o)) {
        EventActor target;
        ResolveActor(o, &target, evid, "target", target_given[ti],
                     target_agent);
        if (target.code == ev.source.code && target.code != "---" &&
            sources.size() == 1 && targets.size() == 1 &&
            target.span.start == ev.source.span.start) {
          continue;
        }
        // "reconciliation between A and B, and B and C" pairs B with
        // itself: a member of a list never acts on the same actor.
        if (target.code == ev.source.code && target.code != "---" &&
            (sources.size() > 1 || targets.size() > 1))
          continue;
        ev.target = std::move(target);
      }
      ev.verb = OriginalSpan(m.head, m.last + 1);
      ev.verb_text =
          article_.text.substr(ev.verb.start, ev.verb.end - ev.verb.start);
      if (evid && ev.date_source.rule != "article")
        evid->push_back(Evidence{"date", "", ev.date_source.rule, ev.date,
                                 ev.date_source.span});
      LearnActor(s, ev.source);
      if (ev.target) LearnActor(o, *ev.target);
      if (rc && ev.target && ev.target->code != "---") {
        Event rev = ev;
        std::swap(rev.source, *rev.target);
        for (Evidence& e : rev.evidence) {  // the actors swap roles
          if (e.role.rfind("source", 0) == 0)
            e.role = "target" + e.role.substr(6);
          else if (e.role.rfind("target", 0) == 0)
            e.role = "source" + e.role.substr(6);
        }
        SetCode(*rc, m, m.pattern->reverse_code, &rev);
        if (options_.explain) rev.rule += "+reverse";
        if (cc) {
          SetCode(*cc, m, m.pattern->code, &ev);
          events->push_back(std::move(ev));
        }
        events->push_back(std::move(rev));
        continue;
      }
      if (!cc) continue;
      SetCode(*cc, m, m.pattern->code, &ev);
      events->push_back(std::move(ev));
    }
  }
}

void Analysis::FindTimes() {
  std::vector<TimeToken> tokens;
  tokens.reserve(t_.size());
  for (const TaggedToken& t : t_)
    tokens.push_back(
        TimeToken{std::string_view(norm_.text)
                      .substr(t.token.begin, t.token.end - t.token.begin),
                  t.lower, t.token.begin, t.token.end, t.pos == Pos::kNoun});
  times_ = FindTimeExpressions(tokens);
}

void Analysis::DateOf(const VerbMatch& m, Range subj, Range obj,
                      Event* ev) const {
  ev->article_date = article_.date.ToString();
  ev->date = ev->article_date;
  ev->date_source = DateSource{};
  if (!ev->date.empty()) ev->date_source.precision = "day";
  auto other_verb = [this, &m](size_t k) {
    return t_[k].pos == Pos::kVerb && (k < m.group_begin || k > m.last);
  };
  // A clause boundary between tokens a < b: the expression belongs to
  // another clause ("said on Monday that ... attacked", "the agreement
  // reached in May").
  auto boundary = [this, &other_verb](size_t a, size_t b) {
    for (size_t k = a; k < b; ++k) {
      Pos p = t_[k].pos;
      if (p == Pos::kSconj || p == Pos::kWh || IsPunct(k, ';') ||
          IsPunct(k, ':') || other_verb(k))
        return true;
    }
    return false;
  };
  // An expression of another clause dates the event only when the verb it
  // hangs on is the event's own or a verb of saying ("police said on
  // Tuesday that rebels attacked"): not "a video which appeared earlier
  // this week shows ...", nor "finding that in 2012 ...".
  // The verb an expression hangs on: the nearest (before it on a tie).
  auto governed_by_saying = [this, &m](const TimeExpression& x) {
    size_t before = SIZE_MAX, after = SIZE_MAX;
    for (size_t k = x.first; k-- > 0 && before == SIZE_MAX;)
      if (t_[k].pos == Pos::kVerb) before = k;
    for (size_t k = x.last; k < t_.size() && after == SIZE_MAX; ++k)
      if (t_[k].pos == Pos::kVerb) after = k;
    size_t g = before;
    if (after != SIZE_MAX &&
        (before == SIZE_MAX || after - x.last < x.first - 1 - before))
      g = after;
    if (g == SIZE_MAX) return false;
    return (g >= m.group_begin && g <= m.last) || IsClauseVerb(t_[g].lemma);
  };
  const TimeExpression* best = nullptr;
  std::pair<bool, size_t> best_key{true, SIZE_MAX};
  for (const TimeExpression& x : times_) {
    bool in_actor = false;  // inside an actor's name
    for (size_t k = x.first; k < x.last; ++k)
      if (mention_at_[k] >= 0) in_actor = true;
    if (in_actor) continue;
    bool before = x.last <= m.head;
    bool inside = !before && x.first <= m.last;  // in the pattern's words
    size_t distance = inside ? 0 : before ? m.head - x.last : x.first - m.last;
    // The act's own phrases are part of its clause: look for a boundary
    // only between them and the expression ("returned a statue that
    // belonged to a collector to China on Tuesday").
    size_t from = m.last + 1, to = m.group_begin;
    if (!obj.empty() && obj.begin > m.last && obj.end <= x.first)
      from = obj.end;
    if (!subj.empty() && subj.end <= m.group_begin && subj.begin >= x.last)
      to = subj.begin;
    std::pair<bool, size_t> key{
        !inside && (before ? boundary(x.last, to) : boundary(from, x.first)),
        distance};
    if (key.first && !governed_by_saying(x)) continue;
    if (key < best_key) {
      best_key = key;
      best = &x;
    }
  }
  if (!best) return;
  // The tense of the clause decides which way "on Tuesday" points: future
  // after will/shall/would, or after the act of an intention ("expected to
  // begin talks on Tuesday", not "threatened on Tuesday to strike" nor "is
  // ready to help, the ministry said on Tuesday").
  bool future = m.intent && best->first > m.last;
  for (size_t k = m.last + 1; future && k < best->first; ++k)
    if (t_[k].pos == Pos::kPunct) future = false;  // ", the ministry said on"
  for (size_t k = m.group_begin; k < m.head; ++k) {
    std::string_view w = t_[k].lower;
    if (w == "will" || w == "shall" || w == "'ll" || w == "wo" ||
        (w == "would" && !(k + 1 < t_.size() && IsLower(k + 1, "have"))))
      future = true;
  }
  ResolvedDate r =
      Resolve(*best, article_.date, future ? Tense::kFuture : Tense::kPast);
  DateSource& d = ev->date_source;
  d.rule = std::string(best->rule);
  d.precision = std::string(DatePrecisionName(r.precision));
  d.span = OriginalSpan(best->first, best->last);
  d.text = article_.text.substr(d.span.start, d.span.end - d.span.start);
  ev->date = r.date.ToString();
}

void Analysis::Run(int sentence_index, std::vector<Event>* events) {
  sentence_index_ = sentence_index;
  FindMentions();
  // Discards coded `DISCARD` or `STORYDISCARD` (PETRARCH's, as imported)
  // stop the whole sentence, or the whole article, from being coded.
  for (const Mention& d : mentions_) {
    if (d.match.entry->kind != ActorKind::kDiscard) continue;
    const std::string& code = d.match.entry->code;
    if (code == kStoryDiscard && context_) context_->set_story_discarded();
    if (code == kSentenceDiscard || code == kStoryDiscard) return;
  }
  for (size_t k = 0; k < t_.size(); ++k) {
    if (t_[k].pos == Pos::kPrep && IsTimePhrase(k)) {
      size_t e = SkipTimePhrase(k);
      for (size_t q = k; q < e && q < t_.size(); ++q) in_time_[q] = true;
      k = e - 1;
    }
  }
  FindVerbs();
  Select();
  size_t first = events->size();
  // The main event first: main-clause verbs, then subordinate clauses, then
  // nominal events; document order within each.
  std::vector<const VerbMatch*> order;
  for (const VerbMatch& m : matches_)
    if (!m.absorbed && m.pattern) order.push_back(&m);
  // (Reported demands are found after the verbs: the head puts them back in
  // document order.)
  // An agentless passive on unnamed people ("23 civilians were killed as
  // forces launched air strikes on X") says less than a clause that names
  // who acted: it comes after the subordinate events.
  auto rank = [this, &order](const VerbMatch* m) {
    if (m->pattern->nominal) return 4 + m->subordinate;
    if (m->passive && ByAgent(m->last + 1).empty()) {
      Range subj = SubjectOf(m->group_begin, 0);
      bool named = false;
      for (size_t k = subj.begin; k < subj.end; ++k)
        if (t_[k].pos == Pos::kPropn) named = true;
      // ... only when another clause does name an actor who acted.
      bool other = false;
      for (const VerbMatch* o : order)
        if (o != m && !o->pattern->nominal && !o->passive &&
            HasActor(SubjectOf(o->group_begin, 0)))
          other = true;
      if (!named && other) return 3;
    }
    return m->subordinate ? 2 : 0;
  };
  std::vector<std::pair<int, const VerbMatch*>> ranked;
  for (const VerbMatch* m : order) ranked.emplace_back(rank(m), m);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) {
                     if (a.first != b.first) return a.first < b.first;
                     return a.second->head < b.second->head;
                   });
  if (!ranked.empty()) FindTimes();
  for (size_t a = 0; a < ranked.size(); ++a)
    Emit(*ranked[a].second, sentence_index, static_cast<int>(a), events);
  // One event per (source, target, code) in a sentence.
  for (size_t a = first; a < events->size(); ++a) {
    for (size_t b = a + 1; b < events->size();) {
      const Event& x = (*events)[a];
      const Event& y = (*events)[b];
      bool same = x.code == y.code && x.source.code == y.source.code &&
                  x.source.span.start == y.source.span.start &&
                  x.target.has_value() == y.target.has_value() &&
                  (!x.target || (x.target->code == y.target->code &&
                                 x.target->span.start == y.target->span.start));
      if (same) {
        events->erase(events->begin() + static_cast<long>(b));
      } else {
        ++b;
      }
    }
  }
}

}  // namespace

void SentenceCoder::Code(const NormalizedText& norm, const Article& article,
                         int sentence_index, size_t begin, size_t end,
                         ArticleContext* context, std::vector<Event>* events,
                         std::vector<TaggedToken>* tagged_out) const {
  std::vector<Token> tokens = Tokenize(norm.text, begin, end);
  if (tagged_out) tagged_out->clear();
  if (tokens.empty()) return;
  std::vector<TaggedToken> tagged = tagger_.Tag(norm.text, norm.lower, tokens);
  if (tagged_out) *tagged_out = tagged;
  Analysis analysis(*dicts_, *options_, norm, article, std::move(tagged),
                    context);
  analysis.Run(sentence_index, events);
}

}  // namespace dyad

namespace dyad {

std::string SentenceCoder::PlaceCountry(const NormalizedText& norm,
                                        size_t begin, size_t end) const {
  if (begin >= end) return "";
  std::vector<Token> tokens = Tokenize(norm.text, begin, end);
  std::vector<TaggedToken> tagged = tagger_.Tag(norm.text, norm.lower, tokens);
  for (size_t i = 0; i < tagged.size(); ++i) {
    ActorMatch m;
    if (dicts_->actors().LongestAt(norm.text, tagged, i, &m) &&
        m.entry->kind == ActorKind::kActor) {
      std::string country = m.entry->code.substr(0, 3);
      if (dicts_->IsCountry(country)) return country;
    }
  }
  return "";
}

}  // namespace dyad
