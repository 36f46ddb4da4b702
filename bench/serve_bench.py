#!/usr/bin/env python3
"""Timings of `dyad serve` and the query commands on an event database
(docs/serve.md): API response times, CLI query times and the dashboard's
time to first chart in headless chromium.

  python3 bench/serve_bench.py DB [--dyad build/src/cli/dyad] [--runs 10]

Make a database of a million generated events first:
  python3 tools/gen_event_db.py build/src/cli/dyad /tmp/db1m.db --events 1000000
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "web"))
from serve_util import Served  # noqa: E402

API = [
    ("stats", "api/stats"),
    ("timeline USA->IRQ by week", "api/timeline?source=USA&target=IRQ&by=week"),
    ("timeline all by month", "api/timeline?by=month"),
    ("top dyads, one year", "api/top/dyads?from=2023-01-01&to=2023-12-31"),
    ("top actors, one year", "api/top/actors?from=2023-01-01&to=2023-12-31"),
    ("events IRQ, 50", "api/events?country=IRQ&limit=50"),
    ("places", "api/places"),
    ("one event", "api/event?id=1"),
]
CLI = [
    ("timeline USA->IRQ by week", ["timeline", "--source", "USA", "--target", "IRQ", "--by", "week"]),
    ("timeline USA->IRQ by month", ["timeline", "--source", "USA", "--target", "IRQ", "--by", "month"]),
    ("top dyads, one year", ["top", "dyads", "--from", "2023-01-01", "--to", "2023-12-31"]),
    ("events IRQ, 50", ["events", "--country", "IRQ", "--limit", "50"]),
    ("stats", ["stats"]),
]


def ms(samples):
    s = sorted(samples)
    return "%7.1f %7.1f" % (statistics.median(s), s[int(0.9 * (len(s) - 1))])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--dyad", default=os.path.join(ROOT, "build/src/cli/dyad"))
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    print("database: %s (%.0f MB)" % (a.db, os.path.getsize(a.db) / 1e6))
    print("\nCLI query (ms)                 median     p90")
    for name, args in CLI:
        t = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            subprocess.run([a.dyad, *args, "--db", a.db], check=True,
                           stdout=subprocess.DEVNULL)
            t.append(1000 * (time.perf_counter() - t0))
        print("%-30s %s" % (name, ms(t)))
    with Served(a.dyad, a.db) as url:
        print("\nAPI response (ms)              median     p90   bytes")
        for name, path in API:
            t = []
            for _ in range(a.runs):
                t0 = time.perf_counter()
                with urllib.request.urlopen(url + path, timeout=60) as r:
                    body = r.read()
                t.append(1000 * (time.perf_counter() - t0))
            print("%-30s %s %7d" % (name, ms(t), len(body)))
        env = dict(os.environ, NODE_PATH=os.path.join(ROOT, ".deps/npm/node_modules"))
        r = subprocess.run(["node", os.path.join(ROOT, "bench/dashboard_timing.js"),
                            url, "3"], env=env, capture_output=True, text=True,
                           timeout=600)
        if r.returncode != 0:
            print(r.stderr)
            return 1
        d = json.loads(r.stdout)
        print("\ndashboard in chromium (ms)     runs: first chart %s, all shown %s"
              % (d["first_chart_ms"], d["ready_ms"]))
        print("median time to first chart: %d ms" % statistics.median(d["first_chart_ms"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
