#!/usr/bin/env python3
"""The query commands (dyad stats, top, timeline, events, event;
docs/queries.md) through the real binary, checked against sqlite3 queries
and a reference timeline computed here.

    query_test.py path/to/dyad [unittest options]

The database is built with `dyad code --db` from the repository's sample
articles (data/samples/wire.jsonl), loaded as they are and again in copies
dated over a few weeks, so timelines have several periods and gaps.
Standard library only.
"""

import csv
import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

DYAD = None
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "wire.jsonl")


def dyad(*args):
    return subprocess.run([DYAD] + list(args), capture_output=True, text=True)


def iso_week(date):
    y, w, _ = datetime.date.fromisoformat(date).isocalendar()
    return "%04d-W%02d" % (y, w)


class QueryCommandsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dyad-query-")
        corpus = os.path.join(cls.tmp, "corpus.jsonl")
        with open(SAMPLE, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        with open(corpus, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r) + "\n")
            # Copies in weeks 1, 2 and 5 of 2024: weeks 3 and 4 are empty.
            for day in ("2024-01-02", "2024-01-09", "2024-01-10",
                        "2024-01-31"):
                for r in recs:
                    r2 = dict(r, id="%s-%s" % (r["id"], day), date=day)
                    f.write(json.dumps(r2) + "\n")
        cls.db = os.path.join(cls.tmp, "events.db")
        r = subprocess.run([DYAD, "code", "-q", "--db", cls.db, corpus],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        cls.con = sqlite3.connect("file:%s?mode=ro" % cls.db, uri=True)

    @classmethod
    def tearDownClass(cls):
        cls.con.close()
        shutil.rmtree(cls.tmp)

    def sql(self, query, *args):
        return self.con.execute(query, args).fetchall()

    def ok(self, *args):
        r = dyad(*args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def json(self, *args):
        return json.loads(self.ok(*args, "--json"))

    def csv(self, *args):
        return list(csv.DictReader(io.StringIO(self.ok(*args, "--csv"))))

    def test_the_database_has_something_to_query(self):
        n, dyads = self.sql("SELECT count(*), count(DISTINCT source_code || "
                            "'>' || target_code) FROM events")[0]
        self.assertGreater(n, 20)
        self.assertGreater(dyads, 5)

    def test_stats(self):
        s = self.json("stats", "--db", self.db)
        (articles,), = self.sql("SELECT count(*) FROM articles")
        (events,), = self.sql("SELECT count(*) FROM events")
        (mentions,), = self.sql("SELECT count(*) FROM mentions")
        self.assertEqual((s["articles"], s["events"], s["mentions"]),
                         (articles, events, mentions))
        self.assertEqual(s["schema_version"], 2)
        quads = dict(self.sql("SELECT quad_class, count(*) FROM events "
                              "GROUP BY 1"))
        self.assertEqual([s["quad"][k] for k in (
            "verbal_cooperation", "material_cooperation", "verbal_conflict",
            "material_conflict")], [quads.get(q, 0) for q in (1, 2, 3, 4)])
        (first, last), = self.sql("SELECT min(date), max(date) FROM events "
                                  "WHERE date <> ''")
        self.assertEqual((s["first_date"], s["last_date"]), (first, last))
        (placed,), = self.sql("SELECT count(*) FROM events WHERE geo_type "
                              "IS NOT NULL")
        self.assertEqual(s["events_with_place"], placed)
        (dated,), = self.sql("SELECT count(*) FROM mentions WHERE date_rule "
                             "<> 'article'")
        self.assertEqual(s["mentions_sentence_dated"], dated)
        self.assertEqual(s["file_bytes"], os.path.getsize(self.db))
        rows = {r["key"]: r["value"] for r in self.csv("stats", "--db", self.db)}
        self.assertEqual(int(rows["events"]), events)
        text = self.ok("stats", "--db", self.db)
        self.assertIn("events", text)
        self.assertIn("top roots", text)

    def test_top_dyads(self):
        want = self.sql(
            "SELECT source_code, target_code, count(*), sum(num_mentions), "
            "sum(goldstein * num_mentions) / sum(num_mentions) FROM events "
            "WHERE target_code <> '' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 "
            "LIMIT 20")
        got = self.json("top", "dyads", "--db", self.db)
        self.assertEqual([(d["source"], d["target"], d["events"],
                           d["mentions"]) for d in got],
                         [w[:4] for w in want])
        for d, w in zip(got, want):
            self.assertAlmostEqual(d["mean_goldstein"], w[4], places=9)
            self.assertEqual(sum(d["quad"].values()), d["events"])
        rows = self.csv("top", "dyads", "--db", self.db, "--limit", "3")
        self.assertEqual([(r["source"], r["target"], int(r["events"]))
                          for r in rows], [w[:3] for w in want[:3]])

    def test_top_actors(self):
        got = self.json("top", "actors", "--db", self.db, "--countries",
                        "--limit", "100")
        for a in got:
            (n,), = self.sql(
                "SELECT count(*) FROM events WHERE source_country = ? OR "
                "target_country = ?", a["actor"], a["actor"])
            self.assertEqual(a["events"], n, a["actor"])
        (countries,), = self.sql(
            "SELECT count(*) FROM (SELECT source_country c FROM events UNION "
            "SELECT target_country FROM events) WHERE c <> ''")
        self.assertEqual(len(got), countries)

    def test_timeline_by_week_matches_a_reference(self):
        got = self.json("timeline", "--db", self.db, "--by", "week",
                        "--from", "2024-01-01", "--to", "2024-02-04")
        weeks = {}
        for date, quad, n, m, g in self.sql(
                "SELECT date, quad_class, count(*), sum(num_mentions), "
                "sum(goldstein * num_mentions) FROM events WHERE date BETWEEN "
                "'2024-01-01' AND '2024-02-04' GROUP BY 1, 2"):
            w = weeks.setdefault(iso_week(date), [0, [0] * 4, 0, 0.0])
            w[0] += n
            w[1][quad - 1] += n
            w[2] += m
            w[3] += g
        # Every week from the first to the last with an event.
        first, last = min(weeks), max(weeks)
        self.assertEqual([r["period"] for r in got],
                         ["2024-W%02d" % i for i in range(int(first[-2:]),
                                                          int(last[-2:]) + 1)])
        for r in got:
            events, quad, mentions, g = weeks.get(r["period"],
                                                  [0, [0] * 4, 0, 0.0])
            self.assertEqual(r["events"], events, r["period"])
            self.assertEqual(list(r["quad"].values()), quad)
            self.assertEqual(r["mentions"], mentions)
            self.assertAlmostEqual(r["mean_goldstein"],
                                   g / mentions if mentions else 0, places=9)
            self.assertEqual(datetime.date.fromisoformat(r["start"]).weekday(),
                             0)
        # Some week in between has no event, and is there with zeros.
        self.assertIn(0, [r["events"] for r in got])
        rows = self.csv("timeline", "--db", self.db, "--by", "month",
                        "--from", "2024-01-01", "--to", "2024-02-04")
        self.assertEqual(sum(int(r["events"]) for r in rows),
                         sum(w[0] for w in weeks.values()))

    def test_events_with_filters(self):
        (country,), = self.sql(
            "SELECT source_country FROM events WHERE source_country <> '' "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        want = self.sql(
            "SELECT id FROM events WHERE (source_country = ? OR "
            "target_country = ?) AND date BETWEEN '2024-01-02' AND "
            "'2024-01-10' ORDER BY date DESC, id DESC", country, country)
        self.assertTrue(want)
        rows = self.csv("events", "--db", self.db, "--country",
                        country.lower(), "--from", "2024-01-02", "--to",
                        "2024-01-10", "--limit", "1000")
        self.assertEqual([int(r["id"]) for r in rows], [w[0] for w in want])
        for r in rows:
            (doc, s_start, s_end, verb), = self.sql(
                "SELECT a.doc_id, m.source_start, m.source_end, m.verb_text "
                "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE "
                "m.event_id = ? ORDER BY m.id LIMIT 1", int(r["id"]))
            self.assertEqual((r["doc_id"], int(r["source_start"]),
                              int(r["source_end"]), r["verb_text"]),
                             (doc, s_start, s_end, verb))
            self.assertTrue(r["code_name"])
        got = self.json("events", "--db", self.db, "--code", "0",
                        "--quad", "1", "--limit", "5")
        (n,), = self.sql("SELECT count(*) FROM events WHERE code LIKE '0%' "
                         "AND quad_class = 1")
        self.assertEqual(len(got), min(5, n))
        for e in got:
            self.assertTrue(e["code"].startswith("0"))
            self.assertEqual(e["quad_class"], 1)

    def test_one_event_with_its_mentions(self):
        (eid, n), = self.sql("SELECT id, num_mentions FROM events ORDER BY "
                             "num_mentions DESC, id LIMIT 1")
        self.assertGreater(n, 1)
        got = self.json("event", "--db", self.db, str(eid))
        self.assertEqual(got["id"], eid)
        want = self.sql("SELECT m.id, a.doc_id, m.verb_start, m.verb_end "
                        "FROM mentions m JOIN articles a ON a.id = "
                        "m.article_id WHERE event_id = ? ORDER BY m.id", eid)
        self.assertEqual([(m["id"], m["doc_id"], m["verb_span"]["start"],
                           m["verb_span"]["end"]) for m in got["mentions"]],
                         want)
        rows = self.csv("event", "--db", self.db, str(eid))
        self.assertEqual(len(rows), n)
        text = self.ok("event", "--db", self.db, str(eid))
        self.assertIn(got["code_name"], text)
        r = dyad("event", "--db", self.db, "99999999")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no event 99999999", r.stderr)

    def test_empty_results(self):
        self.assertEqual(self.json("events", "--db", self.db, "--source",
                                   "ZZZ"), [])
        out = self.ok("events", "--db", self.db, "--source", "ZZZ", "--csv")
        self.assertEqual(len(out.splitlines()), 1)
        self.assertTrue(out.startswith("id,date,"))
        out = self.ok("top", "dyads", "--db", self.db, "--source", "ZZZ")
        self.assertEqual(len(out.splitlines()), 1)
        self.assertEqual(self.json("timeline", "--db", self.db, "--source",
                                   "ZZZ"), [])

    def test_sql_looking_values_select_nothing(self):
        for flag in ("--source", "--target", "--actor", "--country",
                     "--place-country"):
            for evil in ("USA' OR 1=1 --", "x\" OR \"\"=\"", "%"):
                self.assertEqual(self.json("events", "--db", self.db, flag,
                                           evil), [], (flag, evil))

    def test_errors_name_the_file_or_flag(self):
        missing = os.path.join(self.tmp, "missing.db")
        junk = os.path.join(self.tmp, "junk.db")
        with open(junk, "wb") as f:
            f.write(b"not a database" * 1000)
        other = os.path.join(self.tmp, "other.db")
        c = sqlite3.connect(other)
        c.execute("CREATE TABLE t (x)")
        c.close()
        cases = [
            (["stats", "--db", missing], missing),
            (["stats", "--db", junk], junk + ": not a SQLite database"),
            (["events", "--db", other], "not a dyad event database"),
            (["events", "--db", self.db, "--from", "2024-02-30"], "--from"),
            (["events", "--db", self.db, "--to", "soon"], "--to"),
            (["timeline", "--db", self.db, "--by", "fortnight"], "--by"),
            (["events", "--db", self.db, "--quad", "7"], "--quad"),
            (["events", "--db", self.db, "--code", "19x"], "--code"),
            (["events", "--db", self.db, "--plover", "NOPE"], "--plover"),
            (["events", "--db", self.db, "--limit", "-1"], "--limit"),
            (["events", "--db", self.db, "--order", "id; --"], "--order"),
            (["events", "--db", self.db, "--csv", "--json"], "--csv"),
        ]
        for args, needle in cases:
            r = dyad(*args)
            self.assertEqual(r.returncode, 2, (args, r.stderr))
            self.assertIn(needle, r.stderr, args)
        self.assertFalse(os.path.exists(missing))

    def test_limits(self):
        (n,), = self.sql("SELECT count(*) FROM events")
        self.assertEqual(len(self.json("events", "--db", self.db, "--limit",
                                       "0")), min(n, 100))
        self.assertEqual(len(self.json("events", "--db", self.db, "--limit",
                                       "2")), 2)
        self.assertEqual(len(self.json("events", "--db", self.db, "--limit",
                                       "9000000000")), n)

    def test_csv_quoting_reads_back(self):
        # Titles and texts with commas and quotes survive a CSV round trip.
        rows = self.csv("events", "--db", self.db, "--limit", "1000")
        want = dict(self.sql("SELECT m.id, m.source_text FROM mentions m"))
        for r in rows:
            self.assertEqual(r["source_text"], want[int(r["mention_id"])])


def main():
    global DYAD
    DYAD = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
