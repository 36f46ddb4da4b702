"""dyad: political event coding (news -> CAMEO events) from Python.

    import dyad
    coder = dyad.Coder()
    events = coder.code("Iraq called on the United States to withdraw ...",
                        date="2024-01-25", id="a1")

Each event is a dict with exactly the fields and values of a line of
`dyad code`'s JSON Lines output (docs/formats/events.md). Offsets are byte
offsets into the UTF-8 encoding of the text. See docs/python.md.
"""

import itertools
import os
import threading
import warnings

from ._dyad import Coder as _CoreCoder
from ._dyad import DyadError

__all__ = ["Coder", "DyadError", "DyadWarning", "EventStream", "to_dataframe",
           "cached_coder"]


class DyadWarning(UserWarning):
    """A record that could not be coded, or was coded with a warning, when
    code_many() runs with errors="warn"."""


class EventStream:
    """The events of code_many(), one dict at a time, in input order.

    After (or during) iteration, `stats` holds the counts so far (records,
    failed, sentences, events, warnings) and `problems` one message per
    record that could not be read or was coded with a warning.
    """

    def __init__(self, coder, records, threads, date, errors, batch_records):
        self.stats = {"records": 0, "failed": 0, "sentences": 0, "events": 0,
                      "warnings": 0}
        self.problems = []
        self._it = self._run(coder, records, threads, date, errors,
                             batch_records)

    def __iter__(self):
        return self._it  # the generator itself: no Python call per event

    def __next__(self):
        return next(self._it)

    def _run(self, coder, records, threads, date, errors, batch_records):
        strict = errors == "raise"
        it = iter(records)
        first = 0
        while True:
            batch = list(itertools.islice(it, batch_records))
            if not batch:
                return
            events, stats, problems = coder._code_batch(
                batch, date, threads, strict, first)
            first += len(batch)
            for k, v in stats.items():
                self.stats[k] += v
            self.problems.extend(problems)
            if errors == "warn":
                for p in problems:
                    warnings.warn(p, DyadWarning, stacklevel=3)
            yield from events


class Coder(_CoreCoder):
    """Codes articles into CAMEO events. Loads the dictionaries once;
    immutable and safe to share between threads (coding releases the GIL).

    Options mirror dyad::CoderOptions and `dyad code`'s flags:
      dict_dirs             dictionary folders (default: the bundled data,
                            or $DYAD_DATA), like --dict
      explain               add the rule and dictionary entries (file:line)
                            to each event, like --explain
      require_source_actor  drop events whose source holds no dictionary
                            actor, like --require-actors
      drop_furniture        blank page furniture first (False is
                            --keep-furniture)
      max_sentence_bytes    cut longer sentences into pieces

    Raises DyadError (a ValueError) when the dictionaries cannot be loaded,
    with every fault as file:line.
    """

    def __init__(self, dict_dirs=None, *, explain=False,
                 require_source_actor=False, drop_furniture=True,
                 max_sentence_bytes=2000):
        if isinstance(dict_dirs, (str, bytes, os.PathLike)):
            dict_dirs = [dict_dirs]
        dirs = [os.fsdecode(d) for d in (dict_dirs or [])]
        super().__init__(dirs, bool(explain), bool(require_source_actor),
                         bool(drop_furniture), int(max_sentence_bytes))

    @property
    def options(self):
        """The options this coder was made with, as Coder(**options) takes."""
        return {"dict_dirs": list(self.dict_dirs), "explain": self.explain,
                "require_source_actor": self.require_source_actor,
                "drop_furniture": self.drop_furniture,
                "max_sentence_bytes": self.max_sentence_bytes}

    def __reduce__(self):
        # Pickled by its options; unpickling gives the process's cached coder
        # with the same options, so dictionaries load once per process.
        o = self.options
        return (cached_coder, (tuple(o["dict_dirs"]), o["explain"],
                               o["require_source_actor"], o["drop_furniture"],
                               o["max_sentence_bytes"]))

    def __repr__(self):
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"dyad.Coder({opts})"

    def code_many(self, records, *, threads=1, date=None, errors="raise",
                  batch_records=256):
        """Codes an iterable of records (dicts with `id` and `text`, and
        optionally `date`, `title`, `url`, `source`, as in the JSONL input
        format) and returns an EventStream of event dicts in input order.

        threads: coding threads (0: one per core); the output is the same for
          any number. date: the date of records that have none (like
          `dyad code --date`). errors: "raise" (DyadError at the first
          record without id or text, or with a bad date), "skip" (such
          records are left out and listed in `.problems`, as the CLI does)
          or "warn" (the same, plus a DyadWarning each).
        """
        if errors not in ("raise", "skip", "warn"):
            raise ValueError(
                f"errors must be 'raise', 'skip' or 'warn', not {errors!r}")
        threads = int(threads)
        if threads < 0:
            raise ValueError(f"threads must be >= 0, not {threads}")
        if threads == 0:
            threads = os.cpu_count() or 1
        if isinstance(records, (dict, str, bytes)):
            raise TypeError("records must be an iterable of dicts; "
                            "use code() for one text")
        return EventStream(self, records, threads, date, errors,
                           max(1, int(batch_records)))

    def code_frame(self, records, **kwargs):
        """code_many() as a pandas DataFrame (see to_dataframe)."""
        return to_dataframe(self.code_many(records, **kwargs))


_CODERS = {}
_CODERS_LOCK = threading.Lock()


def cached_coder(dict_dirs=(), explain=False, require_source_actor=False,
                 drop_furniture=True, max_sentence_bytes=2000):
    """The coder for these options in this process, made on first use: the
    dictionaries load once per process (Dask workers use this)."""
    key = (tuple(os.fsdecode(d) for d in dict_dirs), bool(explain),
           bool(require_source_actor), bool(drop_furniture),
           int(max_sentence_bytes))
    coder = _CODERS.get(key)
    if coder is None:
        with _CODERS_LOCK:
            coder = _CODERS.get(key)
            if coder is None:
                coder = Coder(list(key[0]), explain=key[1],
                              require_source_actor=key[2],
                              drop_furniture=key[3],
                              max_sentence_bytes=key[4])
                _CODERS[key] = coder
    return coder



# DataFrame columns: the JSONL fields with the nested objects flattened as in
# the TSV output (docs/formats/events.md).
_ACTOR_FIELDS = ("code", "country", "text", "start", "end")
_PLACE_FIELDS = ("type", "name", "country", "fips", "adm1", "feature_id",
                 "lat", "lon", "rule", "text", "start", "end")
COLUMNS = (["doc_id", "sentence", "date"]
           + [f"source_{f}" for f in _ACTOR_FIELDS]
           + [f"target_{f}" for f in _ACTOR_FIELDS]
           + ["code", "root", "quad_class", "goldstein", "plover",
              "plover_mode", "plover_context", "verb_text", "verb_start",
              "verb_end", "article_date", "date_rule", "date_precision",
              "date_text", "date_start", "date_end"]
           + [f"place_{f}" for f in _PLACE_FIELDS])


def to_dataframe(events):
    """A pandas DataFrame of events (dicts from code/code_many, or parsed
    JSONL lines), one row each, nested objects flattened: source_code ...
    source_end, target_code ... target_end (None / <NA> when there is no
    target), verb_text, verb_start, verb_end, the date columns, and
    place_type ... place_end (<NA> when the event has no place). Events
    with `explain` get the
    columns explain_rule and explain_evidence (a list of dicts)."""
    import pandas as pd
    cols = {c: [] for c in COLUMNS}
    rule, evidence = [], []
    has_explain = False
    for e in events:
        cols["doc_id"].append(e["doc_id"])
        cols["sentence"].append(e["sentence"])
        cols["date"].append(e["date"])
        for role in ("source", "target"):
            a = e[role]
            for f in _ACTOR_FIELDS:
                cols[f"{role}_{f}"].append(None if a is None else a[f])
        for f in ("code", "root", "quad_class", "goldstein", "plover",
                  "plover_mode", "plover_context"):
            cols[f].append(e[f])
        v = e["verb"]
        cols["verb_text"].append(v["text"])
        cols["verb_start"].append(v["start"])
        cols["verb_end"].append(v["end"])
        # Output of an older dyad has no date_source: the article's date.
        d = e.get("date_source") or {"rule": "article", "precision": "",
                                     "text": "", "start": 0, "end": 0}
        cols["article_date"].append(e.get("article_date", e["date"]))
        for f in ("rule", "precision", "text", "start", "end"):
            cols[f"date_{f}"].append(d[f])
        p = e.get("place")
        for f in _PLACE_FIELDS:
            cols[f"place_{f}"].append(None if p is None else p[f])
        x = e.get("explain")
        if x is not None:
            has_explain = True
        rule.append(None if x is None else x["rule"])
        evidence.append(None if x is None else x["evidence"])
    frame = pd.DataFrame(cols, columns=COLUMNS)
    ints = ["sentence", "source_start", "source_end", "quad_class",
            "verb_start", "verb_end", "date_start", "date_end"]
    frame[ints] = frame[ints].astype("int64")
    frame["goldstein"] = frame["goldstein"].astype("float64")
    for c in ("target_start", "target_end", "place_type", "place_start",
              "place_end"):
        frame[c] = pd.array(cols[c], dtype="Int64")
    for c in ("place_lat", "place_lon"):
        frame[c] = pd.array(cols[c], dtype="Float64")
    if has_explain:
        frame["explain_rule"] = rule
        frame["explain_evidence"] = evidence
    return frame
