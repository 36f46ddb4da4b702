"""Shared fixtures: the CLI to compare against and the records to code.

Run by ctest (src/python/CMakeLists.txt) as
    PYTHONPATH=build/python DYAD_CLI=build/src/cli/dyad \
        /usr/bin/python3 -m pytest python/tests
"""

import glob
import json
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get(
    "DYAD_SOURCE_DIR",
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SHARED_DIR = os.environ.get("DYAD_SHARED_DIR",
                            os.path.join(SOURCE_DIR, "..", "shared"))


def cli_path():
    path = os.environ.get("DYAD_CLI")
    if not path:
        path = os.path.join(SOURCE_DIR, "build", "src", "cli", "dyad")
    assert os.path.exists(path), f"dyad CLI not found at {path}; set DYAD_CLI"
    return path


def run_cli(args, stdin=None):
    """Runs `dyad code ARGS` and returns stdout bytes (exit 0 or 1)."""
    proc = subprocess.run([cli_path(), "code", "-q", *args], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    return proc.stdout


def read_jsonl(path, limit=None):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit and len(records) >= limit:
                    break
    return records


def corpus_records():
    """The bundled samples and every golden case; with ../shared present,
    also the 1,349 dev sentences and 300 InsightCrime articles."""
    records = read_jsonl(os.path.join(SOURCE_DIR, "data", "samples",
                                      "wire.jsonl"))
    for path in sorted(glob.glob(os.path.join(SOURCE_DIR, "tests", "golden",
                                              "cases", "*.jsonl"))):
        records += read_jsonl(path)
    dev = os.path.join(SHARED_DIR, "data", "dev", "cameo_dev.jsonl")
    if os.path.exists(dev):
        records += read_jsonl(dev)
    bench = os.path.join(SHARED_DIR, "data", "bench", "insightcrime.jsonl")
    if os.path.exists(bench):
        records += read_jsonl(bench, limit=300)
    return records


@pytest.fixture(scope="session")
def records():
    return corpus_records()


@pytest.fixture(scope="session")
def records_file(tmp_path_factory, records):
    """The records as one JSONL file (only the fields the coder reads)."""
    path = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            keep = {k: r[k] for k in ("id", "text", "date", "title", "url",
                                       "source") if k in r}
            f.write(json.dumps(keep, ensure_ascii=False) + "\n")
    return str(path)
