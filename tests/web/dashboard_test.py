#!/usr/bin/env python3
"""The dashboard in a real browser: builds an event database from the
bundled sample, serves it with `dyad serve`, and runs dashboard.js
(playwright-core driving Debian's chromium) against numbers computed here
with SQL.

  dashboard_test.py DYAD REPO_DIR NODE_MODULES OUT_DIR
"""
import json
import os
import sqlite3
import subprocess
import sys

from serve_util import Served, build_db


def expected_numbers(db):
    con = sqlite3.connect(db)
    one = lambda sql, *a: con.execute(sql, a).fetchone()[0]
    e = {
        "articles": one("SELECT count(*) FROM articles"),
        "events": one("SELECT count(*) FROM events"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "quad": [one("SELECT count(*) FROM events WHERE quad_class = ? AND "
                     "date != ''", q) for q in (1, 2, 3, 4)],
        "places": one("SELECT count(*) FROM (SELECT DISTINCT geo_name, geo_lat,"
                      " geo_lon FROM events WHERE geo_type IS NOT NULL AND "
                      "geo_lat IS NOT NULL)"),
    }
    e["event_rows"] = min(50, e["events"])
    first_id, e["newest_date"] = con.execute(
        "SELECT id, date FROM events ORDER BY date DESC, id DESC LIMIT 1"
    ).fetchone()
    e["first_event_id"] = first_id
    m = con.execute("SELECT verb_text, source_text, explain FROM mentions "
                    "WHERE event_id = ? ORDER BY id LIMIT 1",
                    (first_id,)).fetchone()
    e["first_verb"], e["first_source"] = m[0], m[1]
    e["first_rule"] = json.loads(m[2])["rule"]
    # The busiest dyad of two countries, to switch to.
    src, tgt, n = con.execute(
        "SELECT source_country, target_country, count(*) FROM events WHERE "
        "source_country != '' AND target_country != '' AND date != '' "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1").fetchone()
    e["dyad_source"], e["dyad_target"] = src, tgt
    e["dyad_events"] = one(
        "SELECT count(*) FROM events WHERE source_code LIKE ? || '%' AND "
        "target_code LIKE ? || '%' AND date != ''", src, tgt)
    return e


def main():
    dyad, repo, node_modules, out_dir = sys.argv[1:5]
    os.makedirs(out_dir, exist_ok=True)
    db = build_db(dyad, os.path.join(repo, "data/samples/wire.jsonl"),
                  os.path.join(out_dir, "dashboard.db"))
    expected = expected_numbers(db)
    assert expected["events"] > 20 and expected["places"] > 0, expected
    exp_path = os.path.join(out_dir, "expected.json")
    with open(exp_path, "w") as f:
        json.dump(expected, f)
    shot = os.path.join(out_dir, "dashboard.png")
    with Served(dyad, db) as url:
        env = dict(os.environ, NODE_PATH=node_modules)
        r = subprocess.run(["node", os.path.join(repo, "tests/web/dashboard.js"),
                            url, exp_path, shot], env=env, capture_output=True,
                           text=True, timeout=120)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        print("FAIL: dashboard.js exited", r.returncode)
        return 1
    print("dashboard:", r.stdout.strip())
    print("screenshot:", shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
