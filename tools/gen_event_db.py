#!/usr/bin/env python3
"""Generates a synthetic event database in dyad's schema
(docs/formats/database.md) for timing queries, exports and the dashboard.

  tools/gen_event_db.py DYAD OUT.db [--events 1000000] [--seed 7]

The schema comes from dyad itself (`dyad code --db OUT.db` on an empty
input); rows are random but well-formed: dates over 2020-2024, dyads among
40 countries with and without agent codes, CAMEO codes from data/cameo, one
to three mentions per event in articles of about 10 events each. Nothing in
it is real news.
"""
import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COUNTRIES = ("USA RUS CHN UKR IRQ IRN ISR PSE SYR TUR GBR FRA DEU JPN KOR PRK "
             "IND PAK AFG SAU EGY YEM LBY SDN NGA ETH KEN SOM MEX COL VEN BRA "
             "ARG CAN AUS IDN PHL MMR THA VNM").split()
AGENTS = ["", "", "", "GOV", "MIL", "COP", "REB", "OPP", "CVL", "BUS"]


def cameo_codes():
    codes = []
    with open(os.path.join(ROOT, "data/cameo/codes.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            code = parts[0]
            if code.isdigit() and len(code) >= 3:
                codes.append(code)
    return codes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dyad")
    ap.add_argument("out")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if os.path.exists(a.out):
        sys.exit("%s exists: remove it first" % a.out)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as empty:
        r = subprocess.run([a.dyad, "code", "-q", "--db", a.out, empty.name],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(r.stderr)
    rnd = random.Random(a.seed)
    codes = cameo_codes()
    quad = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 2, "06": 2, "07": 2,
            "08": 2, "09": 3, "10": 3, "11": 3, "12": 3, "13": 3}
    con = sqlite3.connect(a.out)
    con.execute("PRAGMA synchronous=OFF")
    n_articles = max(1, a.events // 10)
    con.executemany(
        "INSERT INTO articles (id, doc_id, date, title, url, source, "
        "text_sha256, bytes, sentences, loaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        ((i, "synthetic-%d" % i,
          "%04d-%02d-%02d" % (2020 + i * 5 // n_articles, 1 + i % 12, 1 + i % 28),
          "", "https://news.example/%d" % i, "outlet%d" % (i % 50), "%064x" % i,
          3000, 30, "2026-01-01T00:00:00Z") for i in range(1, n_articles + 1)))
    seen = set()

    def events():
        i = 0
        while i < a.events:
            art = 1 + (i * n_articles) // a.events
            date = "%04d-%02d-%02d" % (2020 + rnd.randrange(5),
                                       1 + rnd.randrange(12), 1 + rnd.randrange(28))
            s = rnd.choice(COUNTRIES) + rnd.choice(AGENTS)
            t = rnd.choice(COUNTRIES) + rnd.choice(AGENTS)
            code = rnd.choice(codes)
            key = (date, s, t, code)
            if key in seen:
                continue
            seen.add(key)
            i += 1
            root = code[:2]
            q = quad.get(root, 4)
            g = round(rnd.uniform(-10, 10) if q > 2 else rnd.uniform(0, 8), 1)
            yield (i, date, s, t, code, root, q, g, "", s[:3], t[:3],
                   1 + i % 3, 1 + i % 3, 1 + i % 2, art)

    con.executemany(
        "INSERT INTO events (id, date, source_code, target_code, code, root, "
        "quad_class, goldstein, plover, source_country, target_country, "
        "num_mentions, num_articles, num_sources, first_article_id) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events())
    con.execute(
        "INSERT INTO mentions (event_id, article_id, sentence, act, "
        "source_text, target_text, verb_text, source_start, source_end, "
        "target_start, target_end, verb_start, verb_end, rule) "
        "SELECT id, first_article_id, id % 30, 0, source_code, target_code, "
        "'acted', 0, 3, 10, 13, 4, 9, 'active' FROM events")
    con.commit()
    con.close()
    print("%s: %d events, %d articles" % (a.out, a.events, n_articles))


if __name__ == "__main__":
    main()
