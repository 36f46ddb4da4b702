#!/usr/bin/python3
"""The Python binding's throughput against the CLI's, on the same input.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py \
        [--build build] [--input ../shared/data/bench/insightcrime.jsonl] \
        [--runs 5] [--threads 1]

Each run, alternating so machine load hits all alike, codes the whole input
in a fresh process, timed from its start to its end (start-up and dictionary
load included):

  cli         `dyad code --threads T INPUT > /dev/null`
  py-dicts    /usr/bin/python3: import dyad, dyad.Coder(), the file parsed
              with json.loads line by line, then every event of
              coder.code_many(records, threads=T) taken as a dict (and
              counted), as a program that handles events one by one does
  py-list     the same, keeping all event dicts in one list (memory for
              27,000 dicts is faulted in and freed at exit: slower)
  py-jsonl    /usr/bin/python3: import dyad, dyad.Coder(),
              coder.code_jsonl(file bytes, out=/dev/null, threads=T): the
              CLI's own reader, pipeline and writer, run from Python

Then, "steady state": the coding alone, dictionaries already loaded. The
CLI's is its time on the input minus its time on an empty file (start-up
and dictionary load). Each Python way runs in its own process with one
Coder, once to warm up and then `runs` times, timed (py-dicts: json.loads
of the file's lines and code_many, the events consumed one by one;
py-jsonl: code_jsonl to /dev/null).

For each it prints sentences/s from wall time (median and best of the runs) and the
user CPU seconds of each, and each Python way's median throughput as a share
of the CLI's. The event counts of all three must agree (checked). The input
is read where it is, never copied.
"""

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def user_cpu(who):
    return resource.getrusage(who).ru_utime


def timed(cmd):
    """Runs cmd; returns (wall s, user CPU s, stdout, stderr)."""
    u0 = user_cpu(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    user = user_cpu(resource.RUSAGE_CHILDREN) - u0
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd}: {proc.stderr.decode('utf-8', 'replace')}")
    return wall, user, proc.stdout, proc.stderr


def run_cli(dyad_cli, path, threads):
    # Events to /dev/null, as the Python ways keep theirs in memory.
    wall, user, _, err = timed(
        ["sh", "-c", 'exec "$0" code --threads "$1" "$2" > /dev/null',
         dyad_cli, str(threads), path])
    m = re.search(rb"dyad code: \d+ records, .* (\d+) sentences, (\d+) events",
                  err)
    return wall, user, int(m.group(1)), int(m.group(2))


def run_python(way, build, path, threads):
    wall, user, out, _ = timed(
        [sys.executable, os.path.abspath(__file__), "--worker", way,
         "--build", build, "--input", path, "--threads", str(threads)])
    sentences, events = map(int, out.split())
    return wall, user, sentences, events


def worker(way, build, path, threads):
    """One Python way, in this (fresh) process; prints sentences events."""
    sys.path.insert(0, os.path.join(build, "python"))
    import dyad
    coder = dyad.Coder()
    if way in ("py-dicts", "py-list"):
        with open(path, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        stream = coder.code_many(records, threads=threads, errors="skip")
        if way == "py-list":
            events = len(list(stream))
        else:
            events = 0
            for event in stream:
                events += event["sentence"] >= 0
        print(stream.stats["sentences"], events)
    else:
        with open(path, "rb") as f:
            data = f.read()
        with open(os.devnull, "wb") as null:
            _, _, stats = coder.code_jsonl(data, out=null, name=path,
                                           threads=threads)
        print(stats["sentences"], stats["events"])


def steady_worker(way, build, path, threads, runs):
    """In this fresh process: one Coder, one warm-up run, then `runs` timed
    runs of one way; prints "wall user" per run."""
    sys.path.insert(0, os.path.join(build, "python"))
    import dyad
    coder = dyad.Coder()
    with open(path, "rb") as f:
        data = f.read()
    lines = data.decode("utf-8").splitlines()

    def once():
        if way == "steady-dicts":
            records = [json.loads(line) for line in lines if line.strip()]
            n = 0
            for event in coder.code_many(records, threads=threads,
                                         errors="skip"):
                n += 1
        else:
            with open(os.devnull, "wb") as null:
                coder.code_jsonl(data, out=null, threads=threads)

    once()
    for _ in range(runs):
        u0, t0 = user_cpu(resource.RUSAGE_SELF), time.perf_counter()
        once()
        print(time.perf_counter() - t0, user_cpu(resource.RUSAGE_SELF) - u0)


def steady_state(build, path, threads, runs, dyad_cli):
    """Coding throughput with the dictionaries loaded (see the docstring)."""
    import tempfile
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as e:
        cli = []
        for _ in range(runs):
            full = run_cli(dyad_cli, path, threads)
            base = run_cli(dyad_cli, e.name, threads)
            cli.append((full[0] - base[0], full[1] - base[1]))
    rows = {"cli": cli}
    for way in ("steady-dicts", "steady-jsonl"):
        proc = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--worker", way,
             "--build", build, "--input", path, "--threads", str(threads),
             "--runs", str(runs)], stdout=subprocess.PIPE, check=True)
        rows["py-" + way.split("-")[1]] = [
            tuple(map(float, line.split()))
            for line in proc.stdout.decode().splitlines()]
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--input", default=os.path.join(
        ROOT, "..", "shared", "data", "bench", "insightcrime.jsonl"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker and args.worker.startswith("steady-"):
        return steady_worker(args.worker, args.build, args.input,
                             args.threads, args.runs)
    if args.worker:
        return worker(args.worker, args.build, args.input, args.threads)

    dyad_cli = os.path.join(args.build, "src", "cli", "dyad")
    print(f"input {args.input} ({os.path.getsize(args.input) / 1e6:.1f} MB), "
          f"{args.threads} thread(s), {args.runs} runs, load average "
          f"{os.getloadavg()[0]:.2f}")
    ways = {"cli": lambda: run_cli(dyad_cli, args.input, args.threads),
            "py-dicts": lambda: run_python("py-dicts", args.build, args.input,
                                           args.threads),
            "py-list": lambda: run_python("py-list", args.build, args.input,
                                          args.threads),
            "py-jsonl": lambda: run_python("py-jsonl", args.build, args.input,
                                           args.threads)}
    results = {k: [] for k in ways}
    for _ in range(args.runs):
        for name, fn in ways.items():
            results[name].append(fn())
    counts = {(r[2], r[3]) for rs in results.values() for r in rs}
    if len(counts) != 1:
        sys.exit(f"the ways disagree on sentences/events: {counts}")
    sentences, events = counts.pop()
    print(f"whole process: {sentences} sentences, {events} events each way")
    print(f"{'way':10} {'sent/s median':>14} {'sent/s best':>12} "
          f"{'wall s':>7} {'user s':>7} {'vs cli':>7}")
    cli_median = None
    for name, rs in results.items():
        walls = [r[0] for r in rs]
        users = [r[1] for r in rs]
        median = sentences / statistics.median(walls)
        best = sentences / min(walls)
        if cli_median is None:
            cli_median = median
        print(f"{name:10} {median:14,.0f} {best:12,.0f} "
              f"{statistics.median(walls):7.2f} {statistics.median(users):7.2f}"
              f" {median / cli_median:7.1%}")
    print(f"load average: {os.getloadavg()[0]:.2f}")

    print("steady state (dictionaries loaded; see --help):")
    steady = steady_state(args.build, args.input, args.threads, args.runs,
                          dyad_cli)
    print(f"{'way':10} {'sent/s median':>14} {'sent/s best':>12} "
          f"{'wall s':>7} {'user s':>7} {'vs cli':>7}")
    cli_median = None
    for name, rs in steady.items():
        walls = [r[0] for r in rs]
        median = sentences / statistics.median(walls)
        cli_median = cli_median or median
        print(f"{name:10} {median:14,.0f} {sentences / min(walls):12,.0f} "
              f"{statistics.median(walls):7.2f} "
              f"{statistics.median([r[1] for r in rs]):7.2f} "
              f"{median / cli_median:7.1%}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
