#include "lang/tagger.h"

namespace dyad {
namespace {

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

}  // namespace

std::vector<TaggedToken> Tagger::Tag(std::string_view text,
                                     std::string_view lower,
                                     const std::vector<Token>& tokens) const {
  std::vector<TaggedToken> out(tokens.size());
  std::vector<bool> maybe_verb(tokens.size(), false);
  // Pass 1: lexical readings.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    TaggedToken& tt = out[i];
    tt.token = t;
    tt.lower = lower.substr(t.begin, t.end - t.begin);
    tt.lemma = tt.lower;
    Pos closed;
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
    if (!acronym && lexicon_->ClosedClass(tt.lower, &closed)) {
      tt.pos = closed;
      continue;
    }
    VerbLemma v = lexicon_->LemmatizeVerb(tt.lower);
    tt.form = v.form;
    tt.lemma = v.lemma.empty() ? lexicon_->LemmaOf(tt.lower) : v.lemma;
    bool capital = (t.flags & kTokenCapitalized) != 0;
    bool sentence_initial =
        (i == 0) || (out[i - 1].pos == Pos::kPunct &&
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
    if (!v.lemma.empty() || v.form == VerbForm::kEd) {
      maybe_verb[i] = true;
      tt.pos = Pos::kVerb;
      continue;
    }
    if (EndsWith(tt.lower, "ly") && tt.lower.size() > 4 && !IsLyNoun(tt.lower)) {
      tt.pos = Pos::kAdv;
      continue;
    }
    if (capital && sentence_initial) {
      tt.pos = Pos::kPropn;  // revisited below: "The" etc. are closed-class
      continue;
    }
    tt.pos = Pos::kNoun;
  }
  // Pass 2: decide words that may be verbs or nouns, left to right.
  for (size_t i = 0; i < out.size(); ++i) {
    if (!maybe_verb[i]) continue;
    TaggedToken& tt = out[i];
    // Nearest previous token that is not an adverb.
    size_t p = i;
    while (p > 0 && out[p - 1].pos == Pos::kAdv) --p;
    Pos prev = p > 0 ? out[p - 1].pos : Pos::kPunct;
    // A quoted word before is a modifier: Poland's "steadfast" support.
    if (p >= 3 && out[p - 1].pos == Pos::kPunct && out[p - 3].pos == Pos::kPunct &&
        text[tokens[p - 1].begin] == '"' && text[tokens[p - 3].begin] == '"')
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
        tt.pos = (tt.form == VerbForm::kEd && (next == Pos::kNoun ||
                                               next == Pos::kPropn ||
                                               next_is_verbish))
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
        } else if (tt.form == VerbForm::kEd || tt.form == VerbForm::kIng) {
          tt.pos = Pos::kVerb;
        } else if (prev == Pos::kPropn && next == Pos::kPunct &&
                   tt.form == VerbForm::kS) {
          // "..., Hickenlooper says."
          tt.pos = Pos::kVerb;
        } else if ((next_is_verbish &&
                    !(tt.form == VerbForm::kS && out[i + 1].form == VerbForm::kS)) ||
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
        } else {
          tt.pos = Pos::kVerb;
        }
        break;
    }
    // A gerund right before a finite verb is its subject: "as fighting
    // entered a third day".
    if (tt.pos == Pos::kVerb && tt.form == VerbForm::kIng && i + 1 < out.size() &&
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
  return out;
}

}  // namespace dyad
