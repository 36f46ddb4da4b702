#!/usr/bin/env python3
"""PETRARCH-2 compatibility: imports PETRARCH's shipped dictionaries with
`dyad dict import --from petrarch2`, checks that dyad loads the result
(also for randomly damaged copies of the validation dictionaries), and codes
PETRARCH's unit-test suite (PETR.UnitTest.records.xml, 284 records)
with its validation dictionaries (PETR.Validate.*, converted) through
`dyad code`, comparing each record's events (source, target, code) with the
ones the record expects.

The PETRARCH files are read from the shared data folder beside the
repository and are never copied into it; the test skips (exit 77) where that
folder is absent.

  petrarch_test.py DYAD_BINARY SHARED_DIR [--show-failures]

A record is exactly right when the set of (source, target, code) triples dyad
gives equals the set the record lists (none for `noevents` and `error`
records). Two of PETRARCH's conventions are applied to every record alike:
- require_dyad: the suite switches this option with <Config> elements; while
  it is on (the default), events whose source or target holds no actor
  ("---") are not output, as PETRARCH does.
- "---GOV" is PETRARCH's way to write an agent met without a country; dyad
  writes the agent code alone ("GOV"). The "agent-alone" score reads the two
  as the same; the strict score does not.

The test fails when an import fails or writes a folder dyad reports faults
in, and when a score drops below its floor. The floors are the
figures measured when this test was written; raise them as dyad improves,
never lower them to make a change pass.
"""
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Measured after paired codes, null patterns, words before the verb, `%`,
# `_` adjacency and sentence/story discards were carried over (2026-11-28):
# 182 records exactly right, 178 strictly. Raise as dyad improves; never
# lower.
FLOOR_AGENT_ALONE = 199
FLOOR_STRICT = 193

VALIDATE_FILES = ["PETR.Validate.verbs.txt", "PETR.Validate.actors.txt",
                  "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"]


def run_import(dyad, src, out, files=()):
    cmd = [dyad, "dict", "import", "--from", "petrarch2", src, out, "-q"]
    for f in files:
        cmd += ["--file", f]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr)
        raise SystemExit(f"dyad dict import exited {res.returncode}")
    return res.stderr


def summary_lines(stderr):
    """The per-file and per-reason count lines of the import's summary."""
    return [l for l in stderr.splitlines()
            if l.startswith("dyad dict import:") or l.startswith("  ")]


def check_loads(dyad, folder):
    res = subprocess.run([dyad, "dict", "check", folder], capture_output=True,
                         text=True)
    print("  " + res.stderr.strip())
    if res.returncode != 0:
        print(res.stdout[:3000])
        raise SystemExit(f"dyad dict check {folder}: exit {res.returncode}")


def damaged_imports(dyad, dicts, tmp, copies=8):
    rng = random.Random(20241128)
    noise = [bytes([c]) for c in b"[]{}()_+-*&$%^~!=:;#<>/ \t\nAZaz09'.,"]
    noise += [b"\xff", b"\xc3", b"\x00", b"\x01"]
    for k in range(copies):
        src = os.path.join(tmp, f"damaged{k}")
        os.makedirs(src)
        for name in VALIDATE_FILES:
            data = bytearray(open(os.path.join(dicts, name), "rb").read())
            for _ in range(rng.randint(20, 300)):
                i = rng.randrange(len(data))
                op, c = rng.random(), rng.choice(noise)
                if op < 0.4:
                    data[i:i + 1] = c
                elif op < 0.7:
                    del data[i]
                else:
                    data[i:i] = c
            with open(os.path.join(src, name), "wb") as f:
                f.write(bytes(data))
        out = os.path.join(tmp, f"damaged{k}_out")
        res = subprocess.run([dyad, "dict", "import", "--from", "petrarch2", src,
                              out, "-q"], capture_output=True)
        if res.returncode != 0:
            raise SystemExit(f"damaged copy {k}: import exited {res.returncode}: "
                             f"{res.stderr[-500:]!r}")
        check_loads(dyad, out)


def read_records(path):
    """(record, require_dyad) in document order."""
    root = ET.parse(path).getroot()
    require_dyad = True
    out = []
    for el in root.find("Sentences"):
        if el.tag == "Config":
            if el.get("option") == "require_dyad":
                require_dyad = el.get("value", "").strip().lower() == "true"
            continue
        expected = set()
        for ev in el.findall("EventCoding"):
            if ev.get("noevents") or ev.get("error"):
                continue
            expected.add((ev.get("sourcecode", "---"), ev.get("targetcode", "---"),
                          ev.get("eventcode", "")))
        date = el.get("date") or ""
        if re.fullmatch(r"\d{8}", date):
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        text = " ".join((el.findtext("Text") or "").split())
        out.append(({"id": el.get("id") or "(no id)",
                     "category": el.get("category") or "",
                     "date": date, "text": text, "expected": expected},
                    require_dyad))
    return out


def cameo_root(code):
    return re.fullmatch(r"\d{2,4}", code) and 1 <= int(code[:2]) <= 20


def agent_alone(code):
    return code[3:] if re.fullmatch(r"---[A-Z]{3,}", code) else code


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    dyad, shared = sys.argv[1], sys.argv[2]
    show = "--show-failures" in sys.argv
    petr = os.path.join(shared, "data/compat/petrarch2")
    dicts = os.path.join(petr, "dictionaries")
    records_path = os.path.join(petr, "text/PETR.UnitTest.records.xml")
    if not (os.path.isdir(dicts) and os.path.exists(records_path)):
        print(f"skipped: {petr} not found")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        # 1. Every shipped dictionary imports, and dyad loads the result.
        everything = os.path.join(tmp, "all")
        print("== import of every shipped PETRARCH file")
        for line in summary_lines(run_import(dyad, dicts, everything)):
            print(line)
        check_loads(dyad, everything)

        # 2. Damaged input still gives a folder dyad loads: every line the
        # importer cannot convert is reported, never written.
        print("\n== import of damaged copies of the validation dictionaries")
        damaged_imports(dyad, dicts, tmp)

        # 3. The unit-test suite with the converted validation dictionaries.
        validate = os.path.join(tmp, "validate")
        print("\n== import of the validation dictionaries")
        for line in summary_lines(run_import(dyad, dicts, validate, VALIDATE_FILES)):
            if "by reason" in line or line.startswith("  ") or "PETR." in line:
                print(line)
        check_loads(dyad, validate)

        records = read_records(records_path)
        articles = os.path.join(tmp, "records.jsonl")
        with open(articles, "w") as f:
            for i, (r, _) in enumerate(records):
                f.write(json.dumps({"id": str(i), "date": r["date"],
                                    "text": r["text"]}) + "\n")
        res = subprocess.run([dyad, "code", "-q", "--dict", validate, articles],
                             capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stderr)
            raise SystemExit(f"dyad code exited {res.returncode}")
        got = collections.defaultdict(set)
        for line in res.stdout.splitlines():
            ev = json.loads(line)
            src = (ev.get("source") or {}).get("code") or "---"
            tgt = (ev.get("target") or {}).get("code") or "---"
            got[int(ev["doc_id"])].add((src, tgt, ev["code"]))

    strict = alone = right_empty = out_of_reach = 0
    per_category = collections.defaultdict(lambda: [0, 0])
    failures = []
    for i, (r, require_dyad) in enumerate(records):
        events = got[i]
        if require_dyad:
            events = {e for e in events if e[0] != "---" and e[1] != "---"}
        exact = events == r["expected"]
        norm = lambda s: {(agent_alone(a), agent_alone(b), c) for a, b, c in s}
        right = norm(events) == norm(r["expected"])
        strict += exact
        alone += right
        right_empty += right and not r["expected"]
        out_of_reach += any(not cameo_root(c) for _, _, c in r["expected"])
        per_category[r["category"]][0] += right
        per_category[r["category"]][1] += 1
        if not right:
            failures.append((r, events))

    n = len(records)
    print(f"\n== PETR.UnitTest.records.xml: {n} records")
    print(f"exactly right (strict):      {strict} ({strict / n:.1%})")
    print(f"exactly right (agent-alone): {alone} ({alone / n:.1%}), of which "
          f"{right_empty} expect no event")
    print(f"records expecting a code outside the CAMEO roots 01-20 (imported "
          f"as extension roots): {out_of_reach}")
    print("by category (agent-alone): " + ", ".join(
        f"{c or '?'} {k}/{t}" for c, (k, t) in sorted(per_category.items())))
    if show:
        for r, events in failures:
            print(f"\n{r['id']} [{r['category']}] {r['text'][:120]}")
            print(f"  expected: {sorted(r['expected'])}")
            print(f"  dyad:     {sorted(events)}")
    ok = alone >= FLOOR_AGENT_ALONE and strict >= FLOOR_STRICT
    print(f"floors: agent-alone {FLOOR_AGENT_ALONE}, strict {FLOOR_STRICT}: "
          f"{'ok' if ok else 'BELOW FLOOR'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
