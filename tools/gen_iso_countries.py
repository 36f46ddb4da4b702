#!/usr/bin/env python3
"""Generate dyad's country-name actor dictionary from Debian's iso-codes.

Usage: gen_iso_countries.py ISO_3166-1_JSON OUTPUT_TXT

Reads the ISO 3166-1 table shipped by Debian's `iso-codes` package
(/usr/share/iso-codes/json/iso_3166-1.json) and writes one actor entry per
country in dyad's dictionary format (docs/formats/dictionaries.md):

    ALPHA3: name; official name; common name; derived forms

The names iso-codes gives are turned into the forms that occur in running
text by a few generic rules:

  * "X, Y of" / "X, Y of the" (reordered list names) become "Y of X" /
    "Y of the X": "Korea, Republic of" -> "Republic of Korea",
    "Congo, The Democratic Republic of the" -> "Democratic Republic of the
    Congo".  The head "X" alone is also given ("Bolivia, Plurinational State
    of" -> "Bolivia") unless it is ambiguous, i.e. it is the head of another
    country's name or another country's whole name ("Korea", "Congo",
    "Virgin Islands" are dropped). A whole name that is such an ambiguous
    head is dropped too: "Congo" is given to neither Congo (which one it
    means is decided in data/actors/countries.txt).
  * "X, Adj" (an adjective after the comma) becomes "Adj X":
    "Virgin Islands, British" -> "British Virgin Islands".
  * "X, Y" where Y is an apposition ("Taiwan, Province of China") gives "X".
  * Parenthetical parts are dropped: "Cocos (Keeling) Islands" -> "Cocos
    Islands"; a trailing parenthetical that is an alternative name is also
    given on its own ("Falkland Islands (Malvinas)" -> "Malvinas", "Holy
    See (Vatican City State)" -> "Vatican City State"), but not "(French
    part)"-style qualifiers.
  * A leading article is dropped ("the State of Eritrea" -> "State of
    Eritrea"); the phrase still matches inside "the State of Eritrea".
  * Names with letters outside ASCII also get an ASCII-folded form
    ("Côte d'Ivoire" -> "Cote d'Ivoire", "Türkiye" -> "Turkiye").

A few single-word names are ordinary English words once folded or as they
stand; since Title Case phrases match any casing they are left out (see
SKIP_PHRASES).  Names people use that iso-codes lacks (Russia, Britain,
demonyms, capitals) live in the hand-maintained data/actors/countries.txt.

Only the Python standard library is used; this runs at build time and its
output is not committed.
"""

import json
import os
import re
import sys
import unicodedata

# Phrases never written: ordinary English words that a Title Case phrase
# would match in any casing ("jersey" the garment, "reunion" the gathering).
SKIP_PHRASES = {"Jersey", "Reunion"}

# Characters the dictionary format gives a meaning to; a name holding one
# cannot be written as a phrase.
FORBIDDEN = re.compile(r"[;:#]")

PAREN = re.compile(r"\s*\(([^()]*)\)")
QUALIFIER_PAREN = re.compile(r"\bpart$", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
OF_TAIL = re.compile(r"^(.*\bof)(?:\s+(the|The))?$")


def clean_spaces(s):
    return " ".join(s.split())


def drop_article(s):
    return LEADING_ARTICLE.sub("", s)


def ascii_fold(s):
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def split_parens(name):
    """Return (name without parenthetical parts, [alternative names])."""
    alternatives = []
    for m in PAREN.finditer(name):
        inner = clean_spaces(m.group(1))
        at_end = m.end() == len(name.rstrip())
        if at_end and inner and not QUALIFIER_PAREN.search(inner):
            alternatives.append(inner)
    return clean_spaces(PAREN.sub("", name)), alternatives


def comma_head(name):
    """The part before the comma of a reordered "X, Y" name, or None."""
    base, _ = split_parens(name)
    if "," not in base:
        return None
    return clean_spaces(base.split(",", 1)[0])


def reorder(name):
    """Forms of one iso-codes name as they occur in text.

    Returns (forms, head) where head is the "X" of an "X, Y" name (whose use
    on its own is decided by the caller), or None.
    """
    base, alternatives = split_parens(name)
    forms = []
    head = None
    if "," in base:
        head, tail = (clean_spaces(p) for p in base.split(",", 1))
        m = OF_TAIL.match(tail)
        if m:
            # "Korea, Republic of" -> "Republic of Korea";
            # "Congo, The Democratic Republic of the" -> "... of the Congo".
            of_part = m.group(1)
            article = " the" if m.group(2) else ""
            forms.append(f"{of_part}{article} {head}")
        elif len(tail.split()) == 1 and " and " not in tail:
            # "Virgin Islands, British" -> "British Virgin Islands".
            forms.append(f"{tail} {head}")
        elif " and " in tail:
            # A list ("Bonaire, Sint Eustatius and Saba"): keep the whole
            # name as written; the comma is a token of its own.
            forms.append(base)
        # else an apposition ("Taiwan, Province of China"): the head only.
    else:
        forms.append(base)
    forms.extend(alternatives)
    return forms, head


def country_phrases(entry, ambiguous_heads):
    raw = [entry[k] for k in ("name", "official_name", "common_name")
           if entry.get(k)]
    phrases = []

    def add(p):
        p = drop_article(clean_spaces(p))
        if not p or p in ambiguous_heads:
            return
        for form in (p, ascii_fold(p)):
            if form in SKIP_PHRASES or form in phrases:
                continue
            if FORBIDDEN.search(form):
                raise ValueError(f"{entry['alpha_3']}: name {form!r} holds a "
                                 "character the dictionary format reserves")
            phrases.append(form)

    for name in raw:
        forms, head = reorder(name)
        for f in forms:
            add(f)
        if head and head not in ambiguous_heads:
            add(head)
    return phrases


def find_ambiguous_heads(entries):
    """Heads of "X, Y" names that may not stand alone for one country."""
    head_owner = {}
    ambiguous = set()
    whole_names = {}
    for e in entries:
        for k in ("name", "official_name", "common_name"):
            n = e.get(k)
            if not n:
                continue
            base, _ = split_parens(n)
            if "," not in base:
                whole_names.setdefault(drop_article(base), set()).add(
                    e["alpha_3"])
            h = comma_head(n)
            if h is None:
                continue
            owner = head_owner.setdefault(h, e["alpha_3"])
            if owner != e["alpha_3"]:
                ambiguous.add(h)
    for h, owner in head_owner.items():
        if whole_names.get(h, {owner}) - {owner}:
            ambiguous.add(h)
    return ambiguous


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    src, dst = argv[1], argv[2]
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    entries = sorted(data["3166-1"], key=lambda e: e["alpha_3"])
    ambiguous = find_ambiguous_heads(entries)

    lines = [
        "# GENERATED FILE -- do not edit: rewritten at every build.",
        "# Generated by tools/gen_iso_countries.py from",
        f"# {src} (Debian package iso-codes):",
        "# one actor entry per ISO 3166-1 country, keyed by its alpha-3 code,",
        "# with the names iso-codes gives and forms derived from them.",
        "# Other names, demonyms and capitals: data/actors/countries.txt.",
        "",
    ]
    for e in entries:
        code = e["alpha_3"]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"bad alpha-3 code {code!r}")
        phrases = country_phrases(e, ambiguous)
        if not phrases:
            lines.append(f"# {code}: no usable name")
            continue
        lines.append(f"{code}: " + "; ".join(phrases))

    tmp = dst + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
