#!/usr/bin/env python3
"""Generates a synthetic event database in dyad's schema
(docs/formats/database.md, version 2) for timing queries, exports and the
dashboard.

  tools/gen_event_db.py DYAD OUT.db [--events 1000000] [--seed 7]

The schema comes from dyad itself (`dyad code --db OUT.db` on an empty
input), so the file has the store's tables and indexes; the rows are random
but well-formed:

- events: dates over 2020-2024, dyads among 40 countries with and without
  agent codes, CAMEO codes with their QuadClass, Goldstein score and PLOVER
  category from data/cameo/codes.txt; about 60% have a place (geo_*): the
  country itself or one of its large cities, with the city's real
  coordinates jittered by up to 0.2 degrees, mostly in one of the two
  actors' countries.
- mentions: num_mentions (1-3) per event, in articles of about 10 events
  each; about 30% dated by their sentence (date_rule weekday, month-day or
  date, with the words and offsets), the rest by the article; a placed
  event's mentions name its place (place_* columns).

Nothing in it is real news: use it for speed, never for findings.
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

# Two large cities a country (name, latitude, longitude): public facts,
# rounded.
CITIES = {
    "USA": [("Washington", 38.90, -77.04), ("New York City", 40.71, -74.01)],
    "RUS": [("Moscow", 55.75, 37.62), ("Saint Petersburg", 59.94, 30.31)],
    "CHN": [("Beijing", 39.91, 116.40), ("Shanghai", 31.22, 121.46)],
    "UKR": [("Kyiv", 50.45, 30.52), ("Kharkiv", 49.99, 36.23)],
    "IRQ": [("Baghdad", 33.34, 44.40), ("Mosul", 36.34, 43.13)],
    "IRN": [("Tehran", 35.69, 51.42), ("Mashhad", 36.30, 59.61)],
    "ISR": [("Jerusalem", 31.77, 35.22), ("Tel Aviv", 32.08, 34.78)],
    "PSE": [("Gaza", 31.50, 34.47), ("Ramallah", 31.90, 35.20)],
    "SYR": [("Damascus", 33.51, 36.29), ("Aleppo", 36.20, 37.16)],
    "TUR": [("Ankara", 39.92, 32.85), ("Istanbul", 41.01, 28.95)],
    "GBR": [("London", 51.51, -0.13), ("Manchester", 53.48, -2.24)],
    "FRA": [("Paris", 48.85, 2.35), ("Marseille", 43.30, 5.37)],
    "DEU": [("Berlin", 52.52, 13.41), ("Hamburg", 53.55, 10.00)],
    "JPN": [("Tokyo", 35.69, 139.69), ("Osaka", 34.69, 135.50)],
    "KOR": [("Seoul", 37.57, 126.98), ("Busan", 35.10, 129.04)],
    "PRK": [("Pyongyang", 39.03, 125.75), ("Hamhung", 39.92, 127.54)],
    "IND": [("New Delhi", 28.61, 77.21), ("Mumbai", 19.07, 72.88)],
    "PAK": [("Islamabad", 33.72, 73.04), ("Karachi", 24.86, 67.01)],
    "AFG": [("Kabul", 34.53, 69.17), ("Kandahar", 31.61, 65.71)],
    "SAU": [("Riyadh", 24.69, 46.72), ("Jeddah", 21.49, 39.19)],
    "EGY": [("Cairo", 30.04, 31.24), ("Alexandria", 31.20, 29.92)],
    "YEM": [("Sanaa", 15.35, 44.21), ("Aden", 12.78, 45.04)],
    "LBY": [("Tripoli", 32.89, 13.19), ("Benghazi", 32.12, 20.07)],
    "SDN": [("Khartoum", 15.55, 32.53), ("Omdurman", 15.64, 32.48)],
    "NGA": [("Abuja", 9.06, 7.50), ("Lagos", 6.45, 3.39)],
    "ETH": [("Addis Ababa", 9.02, 38.75), ("Mekele", 13.50, 39.47)],
    "KEN": [("Nairobi", -1.28, 36.82), ("Mombasa", -4.04, 39.67)],
    "SOM": [("Mogadishu", 2.04, 45.34), ("Kismayo", -0.36, 42.55)],
    "MEX": [("Mexico City", 19.43, -99.13), ("Guadalajara", 20.67, -103.39)],
    "COL": [("Bogota", 4.61, -74.08), ("Medellin", 6.25, -75.56)],
    "VEN": [("Caracas", 10.49, -66.88), ("Maracaibo", 10.63, -71.64)],
    "BRA": [("Brasilia", -15.78, -47.93), ("Sao Paulo", -23.55, -46.63)],
    "ARG": [("Buenos Aires", -34.61, -58.38), ("Cordoba", -31.41, -64.18)],
    "CAN": [("Ottawa", 45.42, -75.70), ("Toronto", 43.70, -79.42)],
    "AUS": [("Canberra", -35.28, 149.13), ("Sydney", -33.87, 151.21)],
    "IDN": [("Jakarta", -6.21, 106.85), ("Surabaya", -7.25, 112.75)],
    "PHL": [("Manila", 14.60, 120.98), ("Davao", 7.07, 125.61)],
    "MMR": [("Naypyidaw", 19.75, 96.13), ("Yangon", 16.81, 96.16)],
    "THA": [("Bangkok", 13.75, 100.50), ("Chiang Mai", 18.79, 98.98)],
    "VNM": [("Hanoi", 21.02, 105.84), ("Ho Chi Minh City", 10.82, 106.63)],
}

DATE_WORDS = [("weekday", "on Tuesday"), ("month-day", "on March 3"),
              ("date", "on 3 March 2022"), ("relative-day", "yesterday")]


def cameo_codes():
    """(code, quad, goldstein, plover) of every code below a root."""
    codes = []
    with open(os.path.join(ROOT, "data/cameo/codes.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0].isdigit() and len(parts[0]) >= 3:
                codes.append((parts[0], int(parts[1]), float(parts[2]),
                              "" if parts[3] == "-" else parts[3]))
    return codes


def countries():
    """ISO alpha-3 -> (FIPS, name) from data/geo/countries.tsv."""
    out = {}
    with open(os.path.join(ROOT, "data/geo/countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            out[p[0]] = (p[2], p[3])
    return out


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
    names = countries()
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
    places = {}  # event id -> (place name, words)

    def place_for(s, t):
        """A place near one of the actors (GDELT-like geo_* values)."""
        c = rnd.choice((s[:3], t[:3], s[:3], t[:3], rnd.choice(COUNTRIES)))
        fips, cname = names.get(c, ("", c))
        if rnd.random() < 0.3:  # the country itself
            lat, lon = CITIES[c][0][1:]
            return (1, cname, c, fips, fips, fips, lat, lon), cname
        i = rnd.randrange(len(CITIES[c]))
        city, lat, lon = CITIES[c][i]
        return ((4, "%s, %s" % (city, cname), c, fips, "%s%02d" % (fips, i + 1),
                 str(-(1000 + COUNTRIES.index(c) * 10 + i)),
                 round(lat + rnd.uniform(-0.2, 0.2), 4),
                 round(lon + rnd.uniform(-0.2, 0.2), 4)), city)

    def events():
        i = 0
        while i < a.events:
            art = 1 + (i * n_articles) // a.events
            date = "%04d-%02d-%02d" % (2020 + rnd.randrange(5),
                                       1 + rnd.randrange(12), 1 + rnd.randrange(28))
            s = rnd.choice(COUNTRIES) + rnd.choice(AGENTS)
            t = rnd.choice(COUNTRIES) + rnd.choice(AGENTS)
            code, quad, goldstein, plover = rnd.choice(codes)
            key = (date, s, t, code)
            if key in seen:
                continue
            seen.add(key)
            i += 1
            geo = (None,) * 8
            if rnd.random() < 0.6:
                geo, words = place_for(s, t)
                places[i] = (geo[1], words)
            yield ((i, date, s, t, code, code[:2], quad, goldstein, plover,
                    s[:3], t[:3], 1 + i % 3, 1 + i % 3, 1 + i % 2, art) + geo)

    con.executemany(
        "INSERT INTO events (id, date, source_code, target_code, code, root, "
        "quad_class, goldstein, plover, source_country, target_country, "
        "num_mentions, num_articles, num_sources, first_article_id, geo_type, "
        "geo_name, geo_country, geo_fips, geo_adm1, geo_feature_id, geo_lat, "
        "geo_lon) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        events())

    con.commit()
    reader = sqlite3.connect(a.out)  # reads the events while con writes

    def mentions():
        q = reader.execute("SELECT id, first_article_id, num_mentions, "
                        "source_code, target_code FROM events ORDER BY id")
        for eid, art, n, s, t in q:
            for k in range(n):
                article = min(n_articles, art + k)
                if rnd.random() < 0.3:
                    rule, words = rnd.choice(DATE_WORDS)
                    date = (words, 40, 40 + len(words), rule, "day")
                else:
                    date = (None, None, None, "article", "day")
                place = (None,) * 5
                if eid in places:
                    name, words = places[eid]
                    rule = rnd.choice(("locative", "locative", "mention",
                                       "dateline"))
                    start = 0 if rule == "dateline" else 60
                    place = (name, words, start, start + len(words), rule)
                yield ((eid, article, (eid + k) % 30, 0, s, t, "acted", 0, 3,
                        10, 13, 4, 9, "active") + date + place)

    con.executemany(
        "INSERT INTO mentions (event_id, article_id, sentence, act, "
        "source_text, target_text, verb_text, source_start, source_end, "
        "target_start, target_end, verb_start, verb_end, rule, date_text, "
        "date_start, date_end, date_rule, date_precision, place_name, "
        "place_text, place_start, place_end, place_rule) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        mentions())
    con.commit()
    reader.close()
    con.close()
    print("%s: %d events (%d with a place), %d articles" %
          (a.out, a.events, len(places), n_articles))


if __name__ == "__main__":
    main()
