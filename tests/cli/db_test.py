#!/usr/bin/env python3
"""`dyad code --db`: the SQLite event database (docs/formats/database.md),
through the real binary.

    db_test.py path/to/dyad [unittest options]

Proves that loading is idempotent, that a load killed with SIGKILL leaves a
consistent database which the same command then completes without
duplicates (ending equal to a clean load), that the result is the same for
any number of threads, and that bad database files give clear errors
naming the file while keeping what was stored. Inputs are generated from
the repository's own sample articles; standard library only.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

DYAD = None
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "wire.jsonl")


def make_corpus(path, copies):
    with open(SAMPLE, encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for c in range(copies):
            for r in recs:
                r2 = dict(r)
                r2["id"] = "%s-%d" % (r["id"], c)
                # Different outlets and days, so that events collapse only
                # where date, actors and code agree.
                r2["source"] = "outlet%d" % (c % 7)
                r2["date"] = "2024-01-%02d" % (1 + c % 28)
                f.write(json.dumps(r2) + "\n")
    return copies * len(recs)


def run(*args, **kw):
    return subprocess.run([DYAD, "code", "-q"] + list(args), capture_output=True,
                          text=True, **kw)


def snapshot(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return {
            "articles": sorted(con.execute(
                "SELECT doc_id, text_sha256, sentences FROM articles")),
            "events": sorted(con.execute(
                "SELECT date, source_code, target_code, code, num_mentions, "
                "num_articles, num_sources FROM events")),
            "mentions": sorted(con.execute(
                "SELECT a.doc_id, m.sentence, m.act, e.source_code, "
                "e.target_code, e.code, m.verb_start, m.verb_end FROM mentions m "
                "JOIN articles a ON a.id = m.article_id JOIN events e ON "
                "e.id = m.event_id")),
        }
    finally:
        con.close()


def check_consistent(test, db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        test.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        # Counts agree with the mentions; no event without one; no dangling
        # mention.
        bad = con.execute(
            "SELECT count(*) FROM events e WHERE num_mentions != (SELECT "
            "count(*) FROM mentions m WHERE m.event_id = e.id) OR "
            "num_articles != (SELECT count(DISTINCT article_id) FROM mentions m "
            "WHERE m.event_id = e.id) OR num_mentions = 0").fetchone()[0]
        test.assertEqual(bad, 0, "event counts disagree with mentions")
        dangling = con.execute(
            "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM "
            "articles a WHERE a.id = m.article_id) OR NOT EXISTS (SELECT 1 FROM "
            "events e WHERE e.id = m.event_id)").fetchone()[0]
        test.assertEqual(dangling, 0)
        dup = con.execute(
            "SELECT count(*) FROM (SELECT date, source_code, target_code, code "
            "FROM events GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)").fetchone()[0]
        test.assertEqual(dup, 0)
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


class DatabaseTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="dyad-db-test-")
        cls.corpus = os.path.join(cls.tmp.name, "corpus.jsonl")
        cls.records = make_corpus(cls.corpus, 1500)
        cls.clean_db = os.path.join(cls.tmp.name, "clean.db")
        r = run("--threads", "1", "--db", cls.clean_db, cls.corpus)
        assert r.returncode == 0, r.stderr
        cls.clean = snapshot(cls.clean_db)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def test_clean_load_collapses_mentions(self):
        self.assertEqual(len(self.clean["articles"]), self.records)
        self.assertGreater(len(self.clean["mentions"]), len(self.clean["events"]))
        self.assertGreater(len(self.clean["events"]), 0)
        self.assertEqual(check_consistent(self, self.clean_db), self.records)
        # The same as the JSONL output, event for event.
        out = run("--threads", "1", self.corpus)
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = [json.loads(l) for l in out.stdout.splitlines()]
        self.assertEqual(len(lines), len(self.clean["mentions"]))

    def test_same_for_two_threads(self):
        db = self.path("two.db")
        r = run("--threads", "2", "--db", db, self.corpus)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(snapshot(db), self.clean)

    def test_loading_again_changes_nothing(self):
        db = self.path("again.db")
        self.assertEqual(run("--db", db, self.corpus).returncode, 0)
        before = snapshot(db)
        r = subprocess.run([DYAD, "code", "--db", db, self.corpus],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 articles added, %d already stored" % self.records,
                      r.stderr)
        self.assertEqual(snapshot(db), before)

    def test_killed_load_is_consistent_and_completes(self):
        db = self.path("killed.db")
        proc = subprocess.Popen([DYAD, "code", "-q", "--threads", "1", "--db", db,
                                 self.corpus], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        stored = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
            try:
                con = sqlite3.connect("file:%s?mode=ro" % db, uri=True,
                                      timeout=0.1)
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                con.close()
            except sqlite3.Error:
                continue
            if stored > 0:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.assertEqual(proc.returncode, -signal.SIGKILL,
                         "dyad finished before it could be killed")
        partial = check_consistent(self, db)
        self.assertGreater(partial, 0)
        self.assertLess(partial, self.records)
        r = run("--threads", "1", "--db", db, self.corpus)
        self.assertEqual(r.returncode, 0, r.stderr)
        check_consistent(self, db)
        self.assertEqual(snapshot(db), self.clean)

    def test_not_a_database(self):
        db = self.path("notes.db")
        with open(db, "w") as f:
            f.write("these are notes, not a database\n" * 200)
        r = run("--db", db, self.corpus)
        self.assertEqual(r.returncode, 2)
        self.assertIn(db, r.stderr)
        self.assertIn("not a", r.stderr)
        with open(db) as f:  # left as it was
            self.assertTrue(f.read().startswith("these are notes"))

    def test_corrupt_database_keeps_what_was_stored(self):
        db = self.path("corrupt.db")
        self.assertEqual(run("--db", db, SAMPLE).returncode, 0)
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        size = os.path.getsize(db)
        with open(db, "r+b") as f:  # damage the pages after the first
            f.seek(4096)
            f.write(b"\xff" * min(8192, size - 4096))
        r = run("--db", db, self.corpus)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(db, r.stderr)
        self.assertTrue(os.path.exists(db))

    def test_full_disk_keeps_what_was_stored(self):
        # A 300 KB file system: room for the first batches only. Needs root
        # and mount(8); skipped where they are missing.
        mnt = self.path("tiny")
        os.makedirs(mnt, exist_ok=True)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs",
                           mnt], capture_output=True).returncode != 0:
            self.skipTest("cannot mount a small tmpfs here")
        try:
            db = os.path.join(mnt, "events.db")
            r = run("--threads", "1", "--db", db, self.corpus)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn(db, r.stderr)
            self.assertIn("full", r.stderr)
            stored = check_consistent(self, db)
            self.assertLess(stored, self.records)
        finally:
            subprocess.run(["umount", mnt], capture_output=True)

    def test_read_only_database(self):
        if os.geteuid() == 0:
            self.skipTest("root may write read-only files")
        db = self.path("ro.db")
        self.assertEqual(run("--db", db, SAMPLE).returncode, 0)
        os.chmod(db, 0o444)
        r = run("--db", db, self.corpus)
        self.assertEqual(r.returncode, 2)
        self.assertIn("read-only", r.stderr)


def main():
    global DYAD
    DYAD = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
