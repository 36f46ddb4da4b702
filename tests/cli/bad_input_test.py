#!/usr/bin/env python3
"""Runs the real `dyad` binary on bad and awkward inputs.

    bad_input_test.py path/to/dyad [unittest options]

Every input is generated in a temporary folder. The checks follow the
documented contract (docs/formats/input.md, src/cli/commands.h):
exit 0 when everything was coded, 1 when some input could not be (each
fault on stderr as file:line, with the record id when one was read), 2 for a
usage or configuration error (nothing coded). Standard library only.
"""

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

DYAD = None  # set from argv in main
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
DATA_DIR = os.path.join(SOURCE_ROOT, "data")

# Sentences the bundled dictionaries code (each yields at least one event).
EVENT_SENTENCES = [
    "Iraqi forces attacked Islamic State positions near Mosul on Monday.",
    "The United Nations urged Israel to hold talks with Hamas.",
    "Turkish troops shelled Kurdish militants in northern Syria.",
]
# Sentences with no event, to pad large articles.
FILLER_SENTENCES = [
    "The weather in the region stayed dry and warm for most of the week.",
    "Markets opened higher as traders looked ahead to the holiday season.",
    "Local farmers said the harvest was better than expected this year.",
]

SUMMARY = re.compile(rb"dyad code: (\d+) records, (\d+) coded, (\d+) failed, "
                     rb".*?(\d+) events")


class Run:
    """The result of one dyad run: exit code, stdout, stderr, seconds."""

    def __init__(self, proc, seconds):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr
        self.seconds = seconds

    def events(self):
        return [json.loads(line) for line in self.out.splitlines() if line]

    def err_lines(self):
        return self.err.decode("utf-8", "replace").splitlines()

    def summary(self):
        """(records, coded, failed, events) from the stderr summary line."""
        m = SUMMARY.search(self.err)
        if not m:
            raise AssertionError("no summary line in stderr:\n" +
                                 self.err.decode("utf-8", "replace"))
        return tuple(int(g) for g in m.groups())

    def __str__(self):
        return "exit %d\nstderr:\n%s" % (
            self.code, self.err.decode("utf-8", "replace")[-3000:])


def dyad(*args, stdin=b"", cwd=None, stdout=subprocess.PIPE, timeout=60):
    start = time.monotonic()
    proc = subprocess.run([DYAD] + list(args), input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, cwd=cwd, timeout=timeout)
    return Run(proc, time.monotonic() - start)


def record(**fields):
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


class BadInputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dyad_bad_input_")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    # --- empty and missing input ---------------------------------------

    def test_empty_input(self):
        for name in ("empty.jsonl", "empty.txt"):
            with self.subTest(name=name):
                path = self.write(name, b"")
                r = dyad("code", "--date", "2024-01-25", path)
                self.assertEqual(r.code, 0, r)
                self.assertEqual(r.out, b"", r)
                self.assertEqual(r.summary()[2:], (0, 0), r)
        r = dyad("code", "-")  # empty standard input
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out, b"", r)

    def test_missing_input_file(self):
        missing = os.path.join(self.tmp, "no_such_file.jsonl")
        good = self.write("missing_good.jsonl",
                          record(id="g1", text=EVENT_SENTENCES[0]) + b"\n")
        r = dyad("code", missing, good)
        self.assertEqual(r.code, 1, r)
        self.assertTrue(any(missing in l for l in r.err_lines()), r)
        # The other input is still coded.
        self.assertTrue(r.events(), r)
        self.assertTrue(all(e["doc_id"] == "g1" for e in r.events()), r)

    # --- single bad records ----------------------------------------------

    def check_one_bad_line(self, name, line, expect_id):
        path = self.write(name, line + b"\n")
        r = dyad("code", path)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, b"", r)
        errors = [l for l in r.err_lines() if l.startswith(path + ":1: ")]
        self.assertEqual(len(errors), 1, r)
        if expect_id is not None:
            self.assertIn("record '%s'" % expect_id, errors[0], r)
        self.assertEqual(r.summary()[:3], (1, 0, 1), r)
        return errors[0]

    def test_line_that_is_not_json(self):
        msg = self.check_one_bad_line(
            "not_json.jsonl", b'{"id": "nj1", "text": "unterminated', None)
        self.assertIn("not valid JSON", msg)

    def test_record_without_text(self):
        msg = self.check_one_bad_line(
            "no_text.jsonl", record(id="nt1", title="no text here"), "nt1")
        self.assertIn("text", msg)

    def test_record_without_id(self):
        msg = self.check_one_bad_line(
            "no_id.jsonl", record(text=EVENT_SENTENCES[0]), None)
        self.assertIn("id", msg)

    # --- invalid UTF-8 -------------------------------------------------------

    def test_invalid_utf8_inside_text(self):
        # Invalid bytes before, between and after the coded spans, so a span
        # that forgot them would be shifted.
        text = (b"\xff\xfe Security: " + EVENT_SENTENCES[0].encode() +
                b" \xc3( " + EVENT_SENTENCES[1].encode() + b" \xe2\x82")
        line = (b'{"id": "bad-utf8", "date": "2024-01-25", "text": "' + text +
                b'"}\n')
        path = self.write("invalid_utf8.jsonl", line)
        r = dyad("code", path)
        self.assertEqual(r.code, 0, r)
        events = r.events()
        self.assertGreaterEqual(len(events), 2, r)
        # One warning per invalid sequence, naming the record and the byte.
        warnings = [l for l in r.err_lines() if "warning" in l]
        for offset in (0, text.index(b"\xc3("), text.index(b"\xe2\x82")):
            self.assertTrue(
                any("record 'bad-utf8'" in w and "byte %d" % offset in w and
                    w.startswith(path + ":1:") for w in warnings),
                "no warning for byte %d in:\n%s" % (offset, r))
        for e in events:
            self.assertEqual(e["doc_id"], "bad-utf8")
            for part in [e["source"], e.get("target") or None,
                         {"text": e["verb"]["text"], "start": e["verb"]["start"],
                          "end": e["verb"]["end"]}]:
                if not part:
                    continue
                got = text[part["start"]:part["end"]].decode("utf-8")
                self.assertEqual(got, part["text"], e)

    # --- binary and huge inputs ---------------------------------------------

    def test_binary_file_as_plain_text(self):
        data = (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
        path = self.write("program.bin", data)
        r = dyad("code", "--date", "2024-01-25", path)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.out, b"", r)
        errors = [l for l in r.err_lines() if l.startswith(path)]
        self.assertEqual(len(errors), 1, r)
        self.assertIn("binary", errors[0], r)
        # One clear error, not one line per bad byte.
        self.assertLessEqual(len(r.err_lines()), 2, r)

    def test_50_mb_article(self):
        paragraph = " ".join([EVENT_SENTENCES[0]] + FILLER_SENTENCES * 2) + "\n\n"
        size = 50 * 1024 * 1024
        data = (paragraph * (size // len(paragraph) + 1))[:size].encode()
        path = self.write("huge.txt", data)
        out_path = os.path.join(self.tmp, "huge.out")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        with open(out_path, "wb") as out:
            r = dyad("code", "--date", "2024-01-25", path, stdout=out,
                     timeout=120)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        os.remove(path)
        print("\n50 MB article: %.1f s, %d MB peak RSS%s" % (
            r.seconds, rss // 1024,
            "" if rss > before else " (or less: an earlier child was larger)"),
            file=sys.stderr)
        self.assertEqual(r.code, 0, r)
        records, coded, failed, events = r.summary()
        self.assertEqual((records, coded, failed), (1, 1, 0), r)
        paragraphs = data.count(b"\n\n")
        # At least one event per paragraph's event sentence.
        self.assertGreaterEqual(events, paragraphs, r)
        lines = 0
        last = b""
        with open(out_path, "rb") as f:
            for line in f:
                lines += 1
                last = line
        os.remove(out_path)
        self.assertEqual(lines, events)
        last_event = json.loads(last)
        # The last event's span lies near the end of the article.
        self.assertGreater(last_event["source"]["start"], size - 2 * len(paragraph))
        self.assertLess(r.seconds, 60, "50 MB took %.1f s" % r.seconds)

    def test_long_sentence_without_punctuation(self):
        words = ("Iraqi forces attacked Islamic State positions near Mosul and "
                 "troops fired at militants while officials watched ")
        text = (words * (100000 // len(words) + 1))[:100000]
        path = self.write("long_sentence.jsonl", record(id="long1", text=text) + b"\n")
        r = dyad("code", path, timeout=30)
        self.assertEqual(r.code, 0, r)
        self.assertLess(r.seconds, 10, "took %.1f s" % r.seconds)
        warnings = [l for l in r.err_lines()
                    if "record 'long1'" in l and "warning" in l and "cut" in l]
        self.assertEqual(len(warnings), 1, r)
        self.assertTrue(r.events(), r)
        for e in r.events():
            s = e["source"]
            self.assertEqual(text[s["start"]:s["end"]], s["text"])

    # --- a batch of good and bad lines --------------------------------------

    def test_mix_of_good_and_bad_lines(self):
        lines = [
            (record(id="ok1", text=EVENT_SENTENCES[0]), "ok1", None),
            (b"this is not json at all", None, ""),
            (record(id="bad-notext", title="t"), None, "bad-notext"),
            (b"", None, None),  # blank: skipped, not an error
            (record(id="ok2", text=EVENT_SENTENCES[1], date="2024-01-25"), "ok2", None),
            (record(text=EVENT_SENTENCES[2]), None, ""),
            (record(id="bad-type", text=17), None, "bad-type"),
            (b"[1, 2, 3]", None, ""),
            (record(id="ok3", text=EVENT_SENTENCES[2], date="someday"), "ok3", None),
            (record(id=["list"], text=EVENT_SENTENCES[0]), None, ""),
            (b'{"id": "bad-trunc", "text": "Iraqi forces attacked', None, ""),
            (record(id=4, text=EVENT_SENTENCES[0]), "4", None),
        ]
        path = self.write("mix.jsonl", b"\r\n".join(l for l, _, _ in lines) + b"\n")
        r = dyad("code", path)
        self.assertEqual(r.code, 1, r)
        coded = {e["doc_id"] for e in r.events()}
        good = {gid for _, gid, _ in lines if gid}
        self.assertEqual(coded, good, r)
        errors = [l for l in r.err_lines() if "warning" not in l and
                  l.startswith(path + ":")]
        bad = [(n + 1, bid) for n, (_, _, bid) in enumerate(lines)
               if bid is not None]
        self.assertEqual(len(errors), len(bad), r)
        for (line_no, bad_id), msg in zip(bad, errors):
            self.assertTrue(msg.startswith("%s:%d: " % (path, line_no)), msg)
            if bad_id:
                self.assertIn("record '%s'" % bad_id, msg)
        # The unparsable date is a warning on a coded record.
        self.assertTrue(any(l.startswith(path + ":9: record 'ok3': warning")
                            for l in r.err_lines()), r)
        self.assertEqual(r.summary()[:3], (11, len(good), len(bad)), r)

    # --- dictionaries and options -------------------------------------------

    def make_broken_dict(self):
        if not os.path.isdir(DATA_DIR):
            self.skipTest("no data folder at " + DATA_DIR)
        d = os.path.join(self.tmp, "dict")
        if not os.path.isdir(d):
            shutil.copytree(DATA_DIR, d)
            with open(os.path.join(d, "actors", "zz_broken.txt"), "w") as f:
                f.write("# faults on lines 2, 3 and 5\n"
                        "IRQ Iraq without a colon\n"
                        "USA: America;; United States\n"
                        "ISR: Israel\n"
                        "  + ISRGOV 2021-13-01..2022\n")
            with open(os.path.join(d, "verbs", "zz_broken.txt"), "w") as f:
                f.write("190: attack\n"
                        "\tnot a role line\n")
        return d, [("actors/zz_broken.txt", 2), ("actors/zz_broken.txt", 3),
                   ("actors/zz_broken.txt", 5), ("verbs/zz_broken.txt", 2)]

    def test_dictionary_with_syntax_errors(self):
        d, faults = self.make_broken_dict()
        good = self.write("dict_input.jsonl",
                          record(id="d1", text=EVENT_SENTENCES[0]) + b"\n")
        r = dyad("code", "--dict", d, good)
        self.assertEqual(r.code, 2, r)
        self.assertEqual(r.out, b"", r)
        for rel, line in faults:
            where = "%s:%d: " % (os.path.join(d, rel), line)
            self.assertTrue(any(where in l for l in r.err_lines()),
                            "%s not named in\n%s" % (where, r))

        r = dyad("dict", "check", d)
        self.assertEqual(r.code, 1, r)
        listed = r.out.decode().splitlines()
        self.assertEqual(len(listed), len(faults), r.out.decode())
        for rel, line in faults:
            where = "%s:%d: " % (os.path.join(d, rel), line)
            self.assertEqual(sum(l.startswith(where) for l in listed), 1,
                             "%s not listed once in\n%s" % (where, r.out.decode()))

    def test_date_garbage(self):
        good = self.write("date_input.txt", EVENT_SENTENCES[0].encode())
        for bad in ("garbage", "2024-13-01", "2023-02-29", "24-01-01x"):
            with self.subTest(date=bad):
                r = dyad("code", "--date", bad, good)
                self.assertEqual(r.code, 2, r)
                self.assertEqual(r.out, b"", r)
                self.assertIn(bad, r.err.decode(), r)

    # --- standard input and output formats --------------------------------

    def test_stdin(self):
        data = (record(id="s1", text=EVENT_SENTENCES[0]) + b"\n" +
                record(id="s2", text=EVENT_SENTENCES[1]) + b"\n")
        r = dyad("code", "--date", "2024-01-25", "-", stdin=data)
        self.assertEqual(r.code, 0, r)
        self.assertEqual({e["doc_id"] for e in r.events()}, {"s1", "s2"}, r)
        # --date gives the records an (article) date; events may carry the
        # date their sentence gives ("on Tuesday").
        self.assertTrue(all(e["article_date"] == "2024-01-25"
                            for e in r.events()), r)
        # Plain text on standard input is one article named '-'.
        r = dyad("code", "--date", "2024-01-25", "-",
                 stdin=" ".join(EVENT_SENTENCES).encode())
        self.assertEqual(r.code, 0, r)
        self.assertGreaterEqual(len(r.events()), len(EVENT_SENTENCES), r)
        self.assertTrue(all(e["doc_id"] == "-" for e in r.events()), r)
        # A bad line on standard input is reported as -:N.
        r = dyad("code", "-", stdin=data + b"{oops\n")
        self.assertEqual(r.code, 1, r)
        self.assertTrue(any(l.startswith("-:3: ") for l in r.err_lines()), r)

    def test_tsv_output(self):
        data = (record(id="t1", text=" ".join(EVENT_SENTENCES)) + b"\n" +
                # Tabs and line breaks inside ids and spans must not break
                # the columns.
                record(id="t\t2\n", text="Iraqi\tforces attacked Islamic "
                       "State positions near\nMosul.") + b"\n" +
                b'{"id": "t3", "text": "Iraqi forces attacked \xff Islamic '
                b'State positions near Mosul."}\n')
        path = self.write("tsv_input.jsonl", data)
        r = dyad("code", "--format", "tsv", path)
        self.assertEqual(r.code, 0, r)
        rows = r.out.decode("utf-8").split("\n")
        self.assertEqual(rows[-1], "", "output must end in a newline")
        rows = rows[:-1]
        header = rows[0].split("\t")
        for col in ("doc_id", "source_code", "target_code", "code", "goldstein"):
            self.assertIn(col, header)
        self.assertEqual(len(header), len(set(header)))
        body = [row.split("\t") for row in rows[1:]]
        self.assertGreaterEqual(len(body), len(EVENT_SENTENCES) + 2, r.out)
        for row in body:
            self.assertEqual(len(row), len(header), row)
        code = header.index("code")
        self.assertTrue(all(re.fullmatch(r"\d{2,4}", row[code]) for row in body))
        # The same run in JSONL gives the same events.
        j = dyad("code", path)
        self.assertEqual(len(j.events()), len(body), j)


def main():
    global DYAD
    if len(sys.argv) < 2:
        sys.exit("usage: bad_input_test.py path/to/dyad [unittest options]")
    DYAD = os.path.abspath(sys.argv.pop(1))
    start = time.monotonic()
    result = unittest.main(exit=False, verbosity=2).result
    print("bad_input_test: %.1f s" % (time.monotonic() - start), file=sys.stderr)
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
