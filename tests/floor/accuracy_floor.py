#!/usr/bin/env python3
"""Accuracy floor: codes the shared dev set with the built dyad and fails if
any figure falls below its floor. Skips (exit 77) when ../shared is absent,
since users' machines do not have it.

  accuracy_floor.py DYAD_BINARY SHARED_DIR [--report FILE]
"""
import json
import os
import subprocess
import sys
import tempfile

# Floors, set just under the figures measured when they were last raised
# (2026-11-28: coverage 0.974, accuracy 0.798, macro-F1 0.805, source span F1
# 0.861, target span F1 0.751). Raise them as dyad improves; never lower them
# to make a change pass.
FLOORS = {
    "coverage": 0.97,
    "penta_accuracy": 0.79,
    "penta_macro_f1": 0.80,
    "source_span_f1": 0.85,
    "target_span_f1": 0.74,
}


def main():
    dyad, shared = sys.argv[1], sys.argv[2]
    gold = os.path.join(shared, "data/dev/cameo_dev.jsonl")
    score = os.path.join(shared, "eval/score.py")
    if not (os.path.exists(gold) and os.path.exists(score)):
        print(f"skipped: {gold} not found")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        events = os.path.join(tmp, "events.jsonl")
        with open(events, "wb") as out:
            run = subprocess.run([dyad, "code", "-q", gold], stdout=out,
                                 stderr=subprocess.PIPE)
        if run.returncode != 0:
            print(run.stderr.decode(errors="replace"))
            print(f"dyad code exited {run.returncode}")
            return 1
        res = subprocess.run([sys.executable, score, "--gold", gold,
                              "--events", events, "--json"],
                             capture_output=True, text=True, check=True)
    figures = json.loads(res.stdout)
    failed = False
    for key, floor in FLOORS.items():
        value = figures.get(key)
        ok = value is not None and value >= floor
        failed |= not ok
        print(f"{key:16s} {value:.3f}  floor {floor:.2f}  {'ok' if ok else 'BELOW FLOOR'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
