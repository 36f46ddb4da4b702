"""The dyad Python module against the dyad CLI: the same events, field by
field, on many records; errors as exceptions; the GIL released."""

import datetime
import json
import pickle
import threading
import time
import warnings

import pytest

import dyad
from conftest import run_cli

WIRE = ("BAGHDAD (Reuters) - Iraq called on the United States to withdraw its "
        "troops after U.S. airstrikes on Iran-backed militants. The two "
        "countries are expected to begin talks next week, Iraqi officials "
        "said.")


@pytest.fixture(scope="module")
def coder():
    return dyad.Coder()


@pytest.fixture(scope="module")
def cli_events(records_file):
    out = run_cli(["--threads", "1", records_file])
    return [json.loads(line) for line in out.splitlines()]


def test_code_one_text(coder):
    events = coder.code(WIRE, date="2024-01-25", id="a1")
    line = json.dumps({"id": "a1", "date": "2024-01-25", "text": WIRE})
    cli = run_cli(["-"], stdin=line.encode() + b"\n")
    assert events == [json.loads(x) for x in cli.splitlines()]
    assert [(e["source"]["code"], e["target"] and e["target"]["code"],
             e["code"]) for e in events[:2]] == [
        ("IRQ", "USA", "0256"), ("USA", "REB", "195")]
    first = events[0]
    assert list(first) == ["doc_id", "sentence", "date", "source", "target",
                           "code", "root", "quad_class", "goldstein", "plover",
                           "plover_mode", "plover_context", "verb",
                           "date_source", "article_date", "place"]
    assert first["doc_id"] == "a1" and first["date"] == "2024-01-25"
    assert first["source"] == {"code": "IRQ", "country": "IRQ", "text": "Iraq",
                               "start": 20, "end": 24}
    assert first["goldstein"] == -0.3 and first["quad_class"] == 1
    # Offsets are byte offsets into the UTF-8 text.
    raw = WIRE.encode()
    v = first["verb"]
    assert raw[v["start"]:v["end"]].decode() == v["text"] == \
        "called on the United States to withdraw"


def test_code_many_equals_cli_on_many_records(coder, records, cli_events):
    stream = coder.code_many(records)
    events = list(stream)
    # Enough records and events that equality means something.
    assert len(records) >= 60
    assert len(cli_events) >= 60
    assert events == cli_events
    assert stream.stats["records"] == len(records)
    assert stream.stats["events"] == len(events)
    assert stream.stats["failed"] == 0
    assert stream.stats["sentences"] >= len(records)


def test_code_equals_cli_record_by_record(coder, records, cli_events):
    by_doc = {}
    for e in cli_events:
        by_doc.setdefault(e["doc_id"], []).append(e)
    checked = 0
    for r in records[:400]:
        if sum(1 for x in records if x["id"] == r["id"]) > 1:
            continue  # the CLI output cannot tell duplicate ids apart
        got = coder.code(r["text"], date=r.get("date"), id=r["id"])
        assert got == by_doc.get(r["id"], []), r["id"]
        checked += 1
    assert checked >= 50


def test_threads_give_the_same_events(coder, records, cli_events):
    assert list(coder.code_many(records, threads=2, batch_records=37)) == \
        cli_events
    assert list(coder.code_many(iter(records), threads=0)) == cli_events


def test_explain_equals_cli(records_file, records):
    cli = [json.loads(line)
           for line in run_cli(["--threads", "1", "--explain",
                                records_file]).splitlines()]
    explained = dyad.Coder(explain=True)
    events = list(explained.code_many(records))
    assert events == cli
    assert all("explain" in e for e in events)
    verb = [x for x in events[0]["explain"]["evidence"] if x["role"] == "verb"]
    assert verb and ":" in verb[0]["entry"]  # file:line


def test_options_mirror_cli_flags(tmp_path, records):
    sample = records[:200]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) +
                            "\n" for r in sample))
    cli = [json.loads(line) for line in
           run_cli(["--require-actors", "--keep-furniture", str(path)])
           .splitlines()]
    c = dyad.Coder(require_source_actor=True, drop_furniture=False)
    got = list(c.code_many({"id": r["id"], "text": r["text"]} for r in sample))
    assert got == cli
    assert all(e["source"]["code"] != "---" for e in got)
    assert c.options["require_source_actor"] is True


def test_invalid_utf8_and_control_characters_as_cli(coder, tmp_path):
    text = (b"Iraqi troops attacked the town of \xffMosul\x01 on Monday. "
            b"Turkish troops shelled Kurdish militants in \xe2\x82 Syria.")
    line = b'{"id": "bad-bytes", "date": "2024-02-01", "text": "' + \
        text.replace(b"\x01", b"\\u0001") + b'"}\n'
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(line)
    cli = [json.loads(x) for x in run_cli([str(path)]).splitlines()]
    got = coder.code(text, date="2024-02-01", id="bad-bytes")
    assert got == cli and len(got) >= 2
    assert any("\ufffd" in e["target"]["text"] for e in got if e["target"])


def test_code_jsonl_is_byte_for_byte_the_cli(coder, records_file):
    data = open(records_file, "rb").read()
    out, messages, stats = coder.code_jsonl(data, name=records_file)
    assert out == run_cli(["--threads", "1", records_file])
    assert stats["records"] > 0 and stats["events"] == out.count(b"\n")
    out2, _, _ = coder.code_jsonl(data, threads=2, format="tsv")
    assert out2 == run_cli(["--format", "tsv", records_file])


def test_dates(coder):
    as_str = coder.code(WIRE, date="2024-01-25", id="d")
    assert coder.code(WIRE, date=datetime.date(2024, 1, 25), id="d") == as_str
    assert coder.code(WIRE, date=datetime.datetime(2024, 1, 25, 10, 30),
                      id="d") == as_str
    assert coder.code(WIRE, date="2024-01-25T10:00:00Z", id="d") == as_str
    assert {e["date"] for e in coder.code(WIRE)} == {""}
    # A default date for records without one, as `dyad code --date`.
    evs = list(coder.code_many([{"id": 1, "text": WIRE}], date="2024-01-25"))
    assert {e["article_date"] for e in evs} == {"2024-01-25"}
    # "expected to begin talks next week": the Monday after the article's
    # Thursday, from the sentence; the other events have the article's date.
    assert {(e["date"], e["date_source"]["text"]) for e in evs} == {
        ("2024-01-25", ""), ("2024-01-29", "next week")}
    assert {e["doc_id"] for e in evs} == {"1"}  # integer ids as the CLI


def test_errors_are_exceptions(coder, tmp_path):
    with pytest.raises(dyad.DyadError, match="no-such-folder"):
        dyad.Coder(dict_dirs=[str(tmp_path / "no-such-folder")])
    bad = tmp_path / "bad"
    (bad / "cameo").mkdir(parents=True)
    (bad / "cameo" / "codes.txt").write_text("this is not a code line\n")
    with pytest.raises(ValueError, match=r"codes\.txt:1"):
        dyad.Coder(dict_dirs=[str(bad)])
    with pytest.raises(dyad.DyadError, match="'2024-13-45' is not a date"):
        coder.code(WIRE, date="2024-13-45")
    with pytest.raises(ValueError, match="date must be"):
        coder.code(WIRE, date=20240125)
    with pytest.raises(dyad.DyadError, match="nothing to code"):
        coder.code(None)
    with pytest.raises(TypeError, match="str or bytes"):
        coder.code(42)
    records = [{"id": "ok", "text": WIRE}, {"id": "x2", "title": "no text"}]
    with pytest.raises(dyad.DyadError,
                       match=r"record 1 'x2': missing field 'text'"):
        list(coder.code_many(records))
    with pytest.raises(dyad.DyadError, match="record 0: missing field 'id'"):
        list(coder.code_many([{"text": WIRE}]))
    with pytest.raises(dyad.DyadError, match=r"record 0 'b': date 'soon'"):
        list(coder.code_many([{"id": "b", "text": WIRE, "date": "soon"}]))
    with pytest.raises(ValueError, match="errors must be"):
        coder.code_many([], errors="ignore")
    with pytest.raises(TypeError):
        coder.code_many({"id": "a", "text": WIRE})
    assert issubclass(dyad.DyadError, ValueError)


def test_skip_and_warn_code_the_rest_as_the_cli(coder):
    records = [{"id": "a", "text": WIRE}, {"id": "b"},
               {"id": "c", "text": WIRE, "date": "soon"}, "not a dict"]
    stream = coder.code_many(records, errors="skip")
    events = list(stream)
    assert {e["doc_id"] for e in events} == {"a", "c"}
    assert {e["date"] for e in events if e["doc_id"] == "c"} == {""}
    assert stream.stats["failed"] == 2 and stream.stats["records"] == 4
    assert any("record 1 'b': missing field 'text'" in p
               for p in stream.problems)
    assert any("record 2 'c': warning: date 'soon'" in p
               for p in stream.problems)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        list(coder.code_many(records, errors="warn"))
    assert sum(issubclass(w.category, dyad.DyadWarning) for w in caught) == 3


def test_code_article_diagnostics(coder):
    out = coder.code_article(b"Iraqi troops attacked \xff the town.", id="u")
    assert out["sentences"] == 1
    assert any("UTF-8" in d["message"] or "byte" in d["message"]
               for d in out["diagnostics"]), out["diagnostics"]
    assert out["events"] == coder.code(
        b"Iraqi troops attacked \xff the town.", id="u")


def test_gil_is_released_while_coding(coder, records):
    text = " ".join(r["text"] for r in records[-300:])  # a long article
    # Without ../shared the records are few: repeat them to the same length.
    while len(text) < 1_000_000:
        text += " " + text
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    try:
        time.sleep(0.05)
        # How fast the other thread counts while this one sleeps...
        before, start = counter[0], time.perf_counter()
        time.sleep(0.3)
        free_rate = (counter[0] - before) / (time.perf_counter() - start)
        # ...and while this one codes.
        before, start = counter[0], time.perf_counter()
        coder.code(text)
        seconds = time.perf_counter() - start
        coding_rate = (counter[0] - before) / seconds
    finally:
        stop.set()
        t.join()
    # With the GIL held for the whole call the other thread could not count
    # at all (one C call is never interrupted); released, it counts about as
    # fast as when this thread sleeps (slower only when the cores are busy).
    assert seconds > 0.05, "article too short to tell"
    assert coding_rate > 0.2 * free_rate, (coding_rate, free_rate)


def test_to_dataframe(coder, records, cli_events):
    frame = coder.code_frame(records[:150])
    events = list(coder.code_many(records[:150]))
    assert len(frame) == len(events) > 0
    assert list(frame.columns) == dyad.COLUMNS
    row = frame.iloc[0]
    e = events[0]
    assert row["doc_id"] == e["doc_id"]
    assert row["source_code"] == e["source"]["code"]
    assert row["verb_start"] == e["verb"]["start"]
    assert row["goldstein"] == e["goldstein"]
    no_target = [i for i, e in enumerate(events) if e["target"] is None]
    assert no_target, "want an event without target"
    import pandas as pd
    assert frame["target_code"].iloc[no_target[0]] is None
    assert pd.isna(frame["target_start"].iloc[no_target[0]])
    assert str(frame["target_start"].dtype) == "Int64"
    assert frame["sentence"].dtype == "int64"
    # Parsed CLI lines give the same frame.
    cli_frame = dyad.to_dataframe(cli_events[:len(events)])
    pd.testing.assert_frame_equal(frame, cli_frame)
    empty = dyad.to_dataframe([])
    assert list(empty.columns) == dyad.COLUMNS and len(empty) == 0
    explained = dyad.to_dataframe(dyad.Coder(explain=True).code(WIRE))
    assert explained["explain_rule"].iloc[0].startswith("active")


def test_pickle_gives_the_cached_coder(coder):
    again = pickle.loads(pickle.dumps(coder))
    assert again.options == coder.options
    assert again is pickle.loads(pickle.dumps(coder))  # loaded once
    assert again.code(WIRE, id="p") == coder.code(WIRE, id="p")
