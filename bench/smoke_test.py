#!/usr/bin/env python3
"""Runs the benchmarks once, untimed, so that their own output checks run in
`make test`: every stage benchmark must finish without an error, and the
end-to-end run must give the same events on 1 and 2 threads. Speed is not
judged here (see bench/README.md for the figures); exit 77 (skipped) where
the shared corpus is absent.

  smoke_test.py STAGES_BENCH DYAD SHARED_DIR
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    stages, dyad, shared = sys.argv[1:4]
    corpus = os.path.join(shared, "data/bench/insightcrime.jsonl")
    if not os.path.exists(corpus):
        print("no corpus at %s: skipped" % corpus)
        return 77
    env = dict(os.environ, DYAD_BENCH_CORPUS=corpus)
    r = subprocess.run([stages, "--benchmark_min_time=0",
                        "--benchmark_format=json"],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        print(r.stdout[-3000:], r.stderr[-3000:])
        return 1
    report = json.loads(r.stdout)
    names = [b["name"] for b in report["benchmarks"]]
    failed = [(b["name"], b.get("error_message")) for b in report["benchmarks"]
              if b.get("error_occurred")]
    want = {"BM_Utf8Validate", "BM_Normalize", "BM_SplitSentences",
            "BM_Tokenize", "BM_Tag", "BM_ActorMatch", "BM_VerbMatch",
            "BM_Coder"}
    missing = want - set(names)
    if failed or missing:
        print("failed:", failed, "missing:", sorted(missing))
        return 1
    print("stage benchmarks ran and checked their outputs:", ", ".join(names))
    r = subprocess.run([sys.executable, os.path.join(HERE, "end_to_end.py"),
                        "--dyad", dyad, "--corpus", corpus, "--min-mb", "3"],
                       capture_output=True, text=True)
    print(r.stdout, r.stderr)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
