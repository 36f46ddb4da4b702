#!/usr/bin/python3
"""dyad.dask on two local worker processes against one.

    PYTHONPATH=build/python /usr/bin/python3 bench/dask_bench.py \
        [--build build] [--input ../shared/data/bench/insightcrime.jsonl] \
        [--copies 6] [--blocksize 2MiB] [--runs 3]

Writes a corpus of `copies` files, each a copy of the input, into a fresh
folder under /tmp (never into the repository; removed at the end), then
codes it with dyad.dask.code_files on a LocalCluster of 1 worker process and
on one of 2 (threads_per_worker=1, processes=True), alternating, `runs`
times each. The workers load their dictionaries before the clock starts
(that time is printed apart). Prints sentences/s (median and best wall),
the workers' user CPU seconds, the speed-up of 2 workers over 1, and for
reference `dyad code --threads 1` and `--threads 2` on the same files.
Checks that every run wrote the same events as the CLI (sorted lines).
"""

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def worker_user_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime


def digest_sorted(data):
    return hashlib.sha256(b"".join(sorted(data.splitlines(True)))).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--input", default=os.path.join(
        ROOT, "..", "shared", "data", "bench", "insightcrime.jsonl"))
    ap.add_argument("--copies", type=int, default=6)
    ap.add_argument("--blocksize", default="2MiB")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    sys.path.insert(0, os.path.join(args.build, "python"))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [os.path.join(args.build, "python")] +
        [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    import dyad
    import dyad.dask
    from distributed import Client, LocalCluster

    tmp = tempfile.mkdtemp(prefix="dyad_dask_bench_")
    try:
        files = []
        for i in range(args.copies):
            path = os.path.join(tmp, f"corpus-{i}.jsonl")
            shutil.copyfile(args.input, path)
            files.append(path)
        size = sum(os.path.getsize(f) for f in files)
        cli = os.path.join(args.build, "src", "cli", "dyad")
        print(f"corpus: {args.copies} copies of {args.input} in {tmp} "
              f"({size / 1e6:.1f} MB), blocksize {args.blocksize}; load "
              f"average {os.getloadavg()[0]:.2f}")

        # The CLI, for reference and for the expected events.
        cli_rows = {}
        expected = None
        for threads in (1, 2):
            t0 = time.perf_counter()
            u0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
            proc = subprocess.run([cli, "code", "-q", "--threads",
                                   str(threads), *files],
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            user = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - u0
            expected = expected or digest_sorted(proc.stdout)
            cli_rows[threads] = (wall, user)
            del proc

        clusters = {}
        for n in (1, 2):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1,
                                   processes=True, dashboard_address=":0",
                                   silence_logs=40)
            client = Client(cluster)
            t0 = time.perf_counter()
            client.run(dyad.cached_coder)  # dictionaries, once per worker
            load = time.perf_counter() - t0
            clusters[n] = (cluster, client, load)

        results = {1: [], 2: []}
        sentences = None
        for run in range(args.runs):
            for n in (1, 2):
                _, client, _ = clusters[n]
                out = os.path.join(tmp, f"out-{n}-{run}")
                u0 = sum(client.run(worker_user_cpu).values())
                t0 = time.perf_counter()
                result = dyad.dask.code_files(files, out, client=client,
                                              blocksize=args.blocksize)
                wall = time.perf_counter() - t0
                user = sum(client.run(worker_user_cpu).values()) - u0
                data = b"".join(open(p, "rb").read() for p in result.outputs)
                if digest_sorted(data) != expected:
                    sys.exit(f"{n} worker(s), run {run}: events differ "
                             "from the CLI's")
                sentences = result.stats["sentences"]
                results[n].append((wall, user, len(result.outputs)))
                shutil.rmtree(out)

        print(f"{sentences} sentences per run; events equal the CLI's "
              "(sorted lines) in every run")
        print(f"{'':22} {'sent/s median':>14} {'sent/s best':>12} "
              f"{'wall s':>7} {'user s':>7}")
        for threads, (wall, user) in cli_rows.items():
            print(f"{'dyad code -j' + str(threads):22} {sentences / wall:14,.0f}"
                  f" {'':>12} {wall:7.2f} {user:7.2f}")
        medians = {}
        for n, rows in results.items():
            walls = [r[0] for r in rows]
            users = [r[1] for r in rows]
            medians[n] = sentences / statistics.median(walls)
            label = f"dask {n} worker{'s' if n > 1 else ''} ({rows[0][2]} parts)"
            print(f"{label:22} {medians[n]:14,.0f} "
                  f"{sentences / min(walls):12,.0f} "
                  f"{statistics.median(walls):7.2f} "
                  f"{statistics.median(users):7.2f}")
        print(f"speed-up, 2 workers over 1 (median wall): "
              f"{medians[2] / medians[1]:.2f}x")
        print("dictionary load on the workers (before timing): " +
              ", ".join(f"{n} worker(s) {c[2]:.2f} s"
                        for n, c in clusters.items()))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        for cluster, client, _ in clusters.values():
            client.close()
            cluster.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
