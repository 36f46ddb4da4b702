"""dyad.dask on a LocalCluster of two worker processes: the events equal the
CLI's, byte for byte; each worker loads the dictionaries once."""

import glob
import json
import os

import pytest

import dyad
import dyad.dask
from conftest import run_cli

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                       processes=True, dashboard_address=":0",
                                       silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, records):
    """The test records in five JSONL files, with a bad line in the third."""
    folder = tmp_path_factory.mktemp("dask_corpus")
    paths = []
    n = 5
    size = (len(records) + n - 1) // n
    for i in range(n):
        path = folder / f"in-{i}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for j, r in enumerate(records[i * size:(i + 1) * size]):
                keep = {k: r[k] for k in ("id", "text", "date") if k in r}
                f.write(json.dumps(keep, ensure_ascii=False) + "\n")
                if i == 2 and j == 3:
                    f.write('{"id": "broken", "title": "no text"}\n')
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def cli_output(corpus):
    return run_cli(["--threads", "1", *corpus])


def read_parts(result):
    data = b""
    for path in result.outputs:
        with open(path, "rb") as f:
            data += f.read()
    return data


def sorted_lines(data):
    return sorted(data.splitlines(keepends=True))


def test_without_a_client_uses_local_threads(corpus, cli_output, tmp_path):
    # Runs first: no client exists yet, so dask's threads do the work here.
    with pytest.raises(ValueError):
        distributed.get_client()
    result = dyad.dask.code_files(corpus, str(tmp_path / "local"))
    assert read_parts(result) == cli_output
    assert {s["pid"] for s in result.parts} == {os.getpid()}


def test_one_partition_per_file_equals_cli(client, corpus, cli_output,
                                           tmp_path):
    result = dyad.dask.code_files(corpus, str(tmp_path / "out"),
                                  client=client)
    assert len(result.outputs) == len(corpus)
    assert [os.path.basename(p) for p in result.outputs] == [
        f"part-{i:05d}.jsonl" for i in range(len(corpus))]
    data = read_parts(result)
    assert cli_output.count(b"\n") >= 60
    assert sorted_lines(data) == sorted_lines(cli_output)
    # Partitions in order: the CLI's output exactly.
    assert data == cli_output
    # The bad line is reported as the CLI reports it, the rest coded.
    assert result.stats["failed"] == 1
    assert "in-2.jsonl:5: record 'broken': missing field 'text'" in \
        result.messages
    assert result.stats["events"] == cli_output.count(b"\n")
    # Coded in the worker processes, each loading the dictionaries once.
    pids = {s["pid"] for s in result.parts}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    workers = client.run(os.getpid)
    assert pids <= set(workers.values())
    for s in result.parts:
        assert s["coder_loads"] == 1


def test_blocks_equal_cli_and_reuse_the_coders(client, corpus, cli_output,
                                               tmp_path):
    # Blocks a third of the smallest file at most (the corpus is small
    # without ../shared), so that every file is cut.
    blocksize = min(20000, min(os.path.getsize(p) for p in corpus) // 3)
    result = dyad.dask.code_files(corpus, str(tmp_path / "blocks"),
                                  client=client, blocksize=blocksize)
    assert len(result.outputs) > 2 * len(corpus)  # files cut into blocks
    data = read_parts(result)
    assert sorted_lines(data) == sorted_lines(cli_output)
    assert data == cli_output
    assert len({s["pid"] for s in result.parts}) == 2  # both workers worked
    # The workers already held a coder from the first test (same options).
    assert all(s["coder_loads"] == 1 for s in result.parts)


def test_scheduler_address_and_options(client, corpus, tmp_path):
    address = client.scheduler.address
    assert address.startswith("tcp://")
    result = dyad.dask.code_files(corpus[:2], str(tmp_path / "tsv"),
                                  client=address, format="tsv",
                                  explain=True)
    assert result.outputs[0].endswith(".tsv")
    expected = b"".join(run_cli(["--format", "tsv", "--explain", p])
                        for p in corpus[:2])
    assert read_parts(result) == expected
    # Different options: a second coder in the worker, loaded once.
    assert all(s["coder_loads"] == 2 for s in result.parts)


def test_frame_equals_cli(client, corpus, cli_output):
    frame = dyad.dask.code_frame(corpus, client=client, blocksize=30000)
    cli_events = [json.loads(line) for line in cli_output.splitlines()]
    import pandas as pd
    pd.testing.assert_frame_equal(frame, dyad.to_dataframe(cli_events))
    lazy = dyad.dask.code_frame(corpus, client=client, compute=False)
    assert lazy.npartitions == len(corpus)
    assert len(lazy.compute(scheduler=client)) == len(cli_events)


def test_no_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="no input files match"):
        dyad.dask.code_files(str(tmp_path / "none-*.jsonl"),
                             str(tmp_path / "o"))
