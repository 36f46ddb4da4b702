"""Code a corpus of JSON Lines files with Dask (docs/python.md).

    from distributed import Client
    import dyad.dask

    client = Client("tcp://scheduler:8786")       # or a LocalCluster, or None
    result = dyad.dask.code_files("corpus/*.jsonl", "events/", client=client)
    frame = dyad.dask.code_frame("corpus/*.jsonl", client=client)

The input is cut into partitions, one per file or, with `blocksize`, one per
block of whole lines (dask.bytes.read_bytes). Each partition is one task:
the worker codes its bytes with the same reader, pipeline and writer as
`dyad code`, so the events of a partition are byte for byte what the CLI
writes for those lines, and the partitions in order are the CLI's output for
the files in order. Each worker process loads the dictionaries once
(dyad.cached_coder) and keeps them for every later task.

Workers must be able to import `dyad` (the same build, on PYTHONPATH) and,
for code_files with an output folder, write to it: on a real cluster, a
shared file system, or use code_frame and keep the results in memory.
"""

import os
import time

import dask
from dask.bytes import read_bytes

import dyad

__all__ = ["code_files", "code_frame", "partitions", "CodeResult"]

# Counts, for tests and benchmarks: how many coders this process made.
_loads = {"count": 0}


def _coder(options):
    before = len(dyad._CODERS)
    coder = dyad.cached_coder(**options)
    if len(dyad._CODERS) != before:
        _loads["count"] += 1
    return coder


def _coder_options(dict_dirs, explain, require_source_actor, drop_furniture,
                   max_sentence_bytes):
    if isinstance(dict_dirs, (str, bytes, os.PathLike)):
        dict_dirs = [dict_dirs]
    return {"dict_dirs": tuple(os.fsdecode(d) for d in (dict_dirs or [])),
            "explain": bool(explain),
            "require_source_actor": bool(require_source_actor),
            "drop_furniture": bool(drop_furniture),
            "max_sentence_bytes": int(max_sentence_bytes)}


def partitions(paths, blocksize=None):
    """The partitions of a corpus: a list of (name, delayed bytes), in
    order, one per file (blocksize None) or, with `blocksize` (an int or
    "64MiB"), size // blocksize blocks per file (at least one; so blocks
    hold at least `blocksize` bytes), cut at line ends. `paths` is a glob,
    a file, or a list of them."""
    try:
        _, blocks, files = read_bytes(paths, delimiter=b"\n",
                                      blocksize=blocksize, sample=False,
                                      include_path=True)
    except OSError as e:
        if isinstance(e, FileNotFoundError) or "resolved to no files" in str(e):
            raise FileNotFoundError(f"no input files match {paths!r}") from e
        raise
    parts = []
    for path, file_blocks in zip(files, blocks):
        for i, block in enumerate(file_blocks):
            name = path if len(file_blocks) == 1 else f"{path}#block{i}"
            parts.append((name, block))
    if not parts:
        raise FileNotFoundError(f"no input files match {paths!r}")
    return parts


def _code_part(data, name, options, threads, date, fmt):
    """One task: codes the JSONL bytes of one partition on a worker."""
    start = time.perf_counter()
    coder = _coder(options)
    out, messages, stats = coder.code_jsonl(data, name=name, format=fmt,
                                            threads=threads, date=date)
    stats = dict(stats, seconds=time.perf_counter() - start, pid=os.getpid(),
                 coder_loads=_loads["count"], name=name)
    return out, messages, stats


def _code_to_file(data, name, options, threads, date, fmt, path):
    """One task: codes one partition on a worker straight into `path`."""
    start = time.perf_counter()
    coder = _coder(options)
    with open(path, "wb") as f:
        _, messages, stats = coder.code_jsonl(data, out=f, name=name,
                                              format=fmt, threads=threads,
                                              date=date)
    stats = dict(stats, seconds=time.perf_counter() - start, pid=os.getpid(),
                 coder_loads=_loads["count"], name=name, output=path)
    return messages, stats


def _frame_part(result):
    import json
    out, messages, stats = result
    events = [json.loads(line) for line in out.splitlines() if line]
    return dyad.to_dataframe(events)


class _Scheduler:
    """The Client to compute with: the one given, one made for an address
    (closed afterwards), or None (the current distributed client if there is
    one, else dask's default scheduler)."""

    def __init__(self, client):
        self.given = client
        self.owned = None

    def __enter__(self):
        if isinstance(self.given, str):
            from distributed import Client
            self.owned = Client(self.given)
            return self.owned
        if self.given is None:
            try:
                from distributed import get_client
                return get_client()
            except (ImportError, ValueError):
                return None
        return self.given

    def __exit__(self, *exc):
        if self.owned is not None:
            self.owned.close()


def _compute(tasks, client):
    with _Scheduler(client) as scheduler:
        if scheduler is None:
            return dask.compute(*tasks)
        return dask.compute(*tasks, scheduler=scheduler)


class CodeResult:
    """What code_files did: the files written (one per partition, in
    order), the CLI-style messages of bad records and warnings, the summed
    counts (records, failed, sentences, events, warnings, bytes) and the
    per-partition stats (worker pid, seconds, ...)."""

    def __init__(self, outputs, messages, stats, parts):
        self.outputs = outputs
        self.messages = messages
        self.stats = stats
        self.parts = parts

    def __repr__(self):
        return (f"CodeResult({len(self.outputs)} files, "
                f"{self.stats['records']} records, "
                f"{self.stats['events']} events)")


def code_files(paths, output_dir, *, client=None, blocksize=None,
               dict_dirs=None, explain=False, require_source_actor=False,
               drop_furniture=True, max_sentence_bytes=2000, date=None,
               format="jsonl", threads=1):
    """Codes JSON Lines files with Dask and writes the events as
    output_dir/part-00000.jsonl, part-00001.jsonl, ... (one per partition,
    in input order: concatenated, they are what `dyad code paths...`
    writes). Returns a CodeResult.

    client: a distributed.Client, a scheduler address ("tcp://host:8786"),
      or None (the current client, else dask's local scheduler).
    blocksize: None for one partition per file, or the least bytes per
      partition (int or "64MiB"; a file of size S gives S // blocksize
      partitions), cut at line ends.
    dict_dirs, explain, require_source_actor, drop_furniture,
      max_sentence_bytes: as for dyad.Coder. date: as `dyad code --date`.
    format: "jsonl", "tsv" or "plover" (as --ontology plover).
    threads: coding threads per task (1 suits one-thread Dask workers).
    """
    options = _coder_options(dict_dirs, explain, require_source_actor,
                             drop_furniture, max_sentence_bytes)
    os.makedirs(output_dir, exist_ok=True)
    parts = partitions(paths, blocksize)
    ext = "tsv" if format == "tsv" else "jsonl"
    tasks = []
    outputs = []
    for i, (name, block) in enumerate(parts):
        path = os.path.join(os.path.abspath(output_dir),
                            f"part-{i:05d}.{ext}")
        outputs.append(path)
        tasks.append(dask.delayed(_code_to_file, pure=False)(
            block, name, options, threads, date, format, path))
    results = _compute(tasks, client)
    messages = "".join(m for m, _ in results)
    part_stats = [s for _, s in results]
    totals = {k: sum(s[k] for s in part_stats)
              for k in ("records", "failed", "sentences", "events",
                        "warnings", "bytes")}
    return CodeResult(outputs, messages, totals, part_stats)


def code_frame(paths, *, client=None, blocksize=None, compute=True,
               dict_dirs=None, explain=False, require_source_actor=False,
               drop_furniture=True, max_sentence_bytes=2000, date=None,
               threads=1):
    """Codes JSON Lines files with Dask into a DataFrame of events (the
    columns of dyad.to_dataframe), rows in input order. compute=True gives
    a pandas DataFrame; compute=False a lazy dask.dataframe with one
    partition per input partition (compute it with the client of your
    choice). Other arguments as for code_files."""
    import dask.dataframe as dd
    options = _coder_options(dict_dirs, explain, require_source_actor,
                             drop_furniture, max_sentence_bytes)
    parts = partitions(paths, blocksize)
    frames = []
    for name, block in parts:
        coded = dask.delayed(_code_part, pure=False)(
            block, name, options, threads, date, "jsonl")
        frames.append(dask.delayed(_frame_part, pure=True)(coded))
    meta = dyad.to_dataframe([])
    if explain:
        meta["explain_rule"] = meta["doc_id"]
        meta["explain_evidence"] = meta["doc_id"]
    frame = dd.from_delayed(frames, meta=meta, verify_meta=False)
    if not compute:
        return frame
    import pandas as pd
    pieces = _compute(frames, client)
    if not pieces:
        return meta
    return pd.concat(pieces, ignore_index=True)
