#!/usr/bin/env python3
"""End-to-end throughput of `dyad code`: JSONL in, event JSONL out, with
everything on (normalization, furniture, tagging, coding, output).

  bench/end_to_end.py [--dyad build/src/cli/dyad] [--min-mb 100]
                      [--corpus ../shared/data/bench/insightcrime.jsonl]
                      [--threads 1 2]

Makes a corpus of at least --min-mb MB in a temporary folder by repeating
the shared InsightCrime articles (ids made unique; nothing is copied into the
repository), runs `dyad code --stats` on it once per thread count, and prints
for each: articles/s, sentences/s, MB/s, peak resident memory, user CPU
time, and the dictionary and lexicon load time. It checks the outputs: every
run must write the same events, byte for byte, and at least one event per
ten articles.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_corpus(src, min_bytes, path):
    lines = [l for l in open(src, encoding="utf-8") if l.strip()]
    size = 0
    rep = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < min_bytes:
            for line in lines:
                rec = json.loads(line)
                rec["id"] = "%s~%d" % (rec.get("id", ""), rep)
                s = json.dumps(rec, ensure_ascii=False) + "\n"
                out.write(s)
                size += len(s.encode("utf-8"))
            rep += 1
    return size, rep * len(lines)


def run(dyad, corpus, threads, out_path):
    cmd = [dyad, "code", "--stats", "--threads", str(threads), corpus]
    with open(out_path, "wb") as out:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("dyad failed (%s):\n%s" % (" ".join(cmd), err[-2000:]))
    stats = None
    for line in err.splitlines():
        if line.startswith("dyad code: stats "):
            stats = json.loads(line[len("dyad code: stats "):])
    if stats is None:
        sys.exit("no stats line from dyad:\n" + err[-2000:])
    stats["wall_seconds"] = wall
    stats["user_seconds"] = usage.ru_utime
    stats["sys_seconds"] = usage.ru_stime
    stats["peak_rss_mb"] = usage.ru_maxrss / 1024.0  # KiB on Linux
    return stats


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dyad", default=os.path.join(ROOT, "build/src/cli/dyad"))
    ap.add_argument("--corpus", default=os.path.join(
        ROOT, "../shared/data/bench/insightcrime.jsonl"))
    ap.add_argument("--min-mb", type=float, default=100)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", action="store_true", help="print JSON only")
    a = ap.parse_args()
    if not os.path.exists(a.corpus):
        print("corpus %s not found: skipped" % a.corpus)
        return 77
    with tempfile.TemporaryDirectory(prefix="dyad-bench-") as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        size, records = make_corpus(a.corpus, a.min_mb * 1e6, corpus)
        results, digests = [], []
        for t in a.threads:
            out = os.path.join(tmp, "events-%d.jsonl" % t)
            r = run(a.dyad, corpus, t, out)
            digests.append(digest(out))
            results.append(r)
            os.remove(out)
        ok = len(set(digests)) == 1 and all(
            r["events"] * 10 >= r["records"] for r in results)
        load = run(a.dyad, os.devnull, 1, os.devnull)
    report = {"corpus_mb": size / 1e6, "records": records, "runs": results,
              "load_seconds": load["load_seconds"],
              "load_peak_rss_mb": load["peak_rss_mb"],
              "same_output_for_all_threads": len(set(digests)) == 1}
    if a.json:
        print(json.dumps(report))
    else:
        print("corpus: %.1f MB, %d articles (InsightCrime repeated)" %
              (size / 1e6, records))
        print("dictionary and lexicon load: %.3f s" % load["load_seconds"])
        print("%-8s %10s %12s %8s %10s %9s %8s" % (
            "threads", "articles/s", "sentences/s", "MB/s", "peak MB",
            "user s", "wall s"))
        for r in results:
            print("%-8d %10.0f %12.0f %8.2f %10.1f %9.1f %8.1f" % (
                r["threads"], r["articles_per_s"], r["sentences_per_s"],
                r["mb_per_s"], r["peak_rss_mb"], r["user_seconds"],
                r["wall_seconds"]))
        if len(results) > 1:
            print("speed-up %d -> %d threads: %.2fx" % (
                results[0]["threads"], results[-1]["threads"],
                results[-1]["sentences_per_s"] / results[0]["sentences_per_s"]))
        print("outputs identical for all thread counts: %s" %
              (len(set(digests)) == 1))
    if not ok:
        print("FAILED: outputs differ between thread counts or too few events",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
