#!/usr/bin/env python3
"""Runs the real `dyad` binary on HTML pages, WARC(.gz) files and folders.

    inputs_test.py path/to/dyad [unittest options]

Every input (pages, WARC records, gzip members) is generated here, in a
temporary folder, from the test's own HTML. The checks follow
docs/formats/html.md, docs/formats/warc.md and the exit codes of
src/cli/commands.h. The progress line is checked under a pseudo-terminal.
Standard library only.
"""

import gzip
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

DYAD = None  # set from argv in main

EVENT_SENTENCES = [
    "Iraqi forces attacked Islamic State positions near Mosul on Monday.",
    "The United Nations urged Israel to hold talks with Hamas.",
    "Turkish troops shelled Kurdish militants in northern Syria.",
]

SUMMARY = re.compile(r"dyad code: (\d+) records, (\d+) coded, (\d+) failed, "
                     r".*?(\d+) events")


def page(paragraphs, title="A story", date="2024-01-25T08:00:00Z",
         canonical=None):
    """A news page with furniture around an <article>."""
    head = "<title>%s - The Test Times</title>" % title
    if date:
        head += '<meta property="article:published_time" content="%s">' % date
    if canonical:
        head += '<link rel="canonical" href="%s">' % canonical
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("<!DOCTYPE html><html><head>%s</head><body>"
            "<nav><a href='/'>Home</a> Iraq attacked Syria</nav>"
            "<article><h1>%s</h1>%s"
            "<div class='related-links'><p>Israel attacked Iran, "
            "related</p></div></article>"
            "<footer><p>Turkey shelled the footer</p></footer>"
            "</body></html>" % (head, title, body)).encode()


def warc_record(warc_type, block, uri=None, extra=b""):
    head = b"WARC/1.0\r\nWARC-Type: " + warc_type.encode() + b"\r\n"
    if uri:
        head += b"WARC-Target-URI: " + uri.encode() + b"\r\n"
    head += b"WARC-Date: 2024-02-01T12:00:00Z\r\n"
    head += b"WARC-Record-ID: <urn:uuid:%d>\r\n" % len(block)
    head += extra
    head += b"Content-Length: %d\r\n\r\n" % len(block)
    return head + block + b"\r\n\r\n"


def http_response(content_type, body, status=200):
    return (b"HTTP/1.1 %d OK\r\nContent-Type: %s\r\n\r\n" %
            (status, content_type.encode())) + body


def html_response(uri, html):
    return warc_record("response", http_response("text/html", html), uri,
                       b"Content-Type: application/http; msgtype=response\r\n")


def mixed_records(n_pages):
    """warcinfo, then per page: request, response, metadata; plus an image
    and a redirect. Returns (records, URIs of the pages that have text)."""
    records = [warc_record("warcinfo", b"software: inputs_test\r\n")]
    uris = []
    for i in range(n_pages):
        uri = "https://news.example/story/%d" % i
        records.append(warc_record("request", b"GET / HTTP/1.1\r\n\r\n", uri))
        records.append(html_response(uri, page(
            [EVENT_SENTENCES[i % 3], EVENT_SENTENCES[(i + 1) % 3]],
            title="Story %d" % i)))
        records.append(warc_record("metadata", b"fetchTimeMs: 5\r\n", uri))
        uris.append(uri)
    records.append(warc_record(
        "response", http_response("image/png", b"\x89PNG\r\n\x1a\n...."),
        "https://news.example/logo.png"))
    records.append(warc_record(
        "response", http_response("text/html", b"<p>Moved</p>", 301),
        "https://news.example/old"))
    return records, uris


def warc_gz(records):
    return b"".join(gzip.compress(r) for r in records)


class Run:
    def __init__(self, proc, seconds):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr.decode("utf-8", "replace")
        self.seconds = seconds

    def events(self):
        return [json.loads(l) for l in self.out.splitlines() if l]

    def summary(self):
        m = SUMMARY.search(self.err)
        if not m:
            raise AssertionError("no summary line in stderr:\n" + self.err)
        return tuple(int(g) for g in m.groups())

    def __str__(self):
        return "exit %d\nstderr:\n%s" % (self.code, self.err[-3000:])


def dyad(*args, timeout=120):
    start = time.monotonic()
    proc = subprocess.run([DYAD] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    return Run(proc, time.monotonic() - start)


class InputsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dyad_inputs_")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def check_spans(self, events, texts):
        """Every span points into the extracted text of its article."""
        for e in events:
            text = texts[e["doc_id"]].encode()
            for part in (e["source"], e.get("target"), e["verb"]):
                if part:
                    self.assertEqual(
                        text[part["start"]:part["end"]].decode(),
                        part["text"], e)

    # --- HTML -----------------------------------------------------------

    def test_html_page(self):
        path = self.write("story.html", page(EVENT_SENTENCES[:2],
                                             canonical="https://t.example/s"))
        r = dyad("code", path)
        self.assertEqual(r.code, 0, r)
        events = r.events()
        self.assertGreaterEqual(len(events), 2, r)
        self.assertTrue(all(e["doc_id"] == "https://t.example/s"
                            for e in events), r)
        self.assertTrue(all(e["article_date"] == "2024-01-25" for e in events), r)
        # Nothing from the navigation, related links or footer.
        texts = " ".join(e["source"]["text"] for e in events)
        self.assertNotIn("Turkey", texts)
        self.assertNotIn("Iran", json.dumps(events))
        self.check_spans(events, {"https://t.example/s":
                                  "\n\n".join(EVENT_SENTENCES[:2])})
        # Sniffed without the extension.
        r2 = dyad("code", self.write("story_no_ext", page(EVENT_SENTENCES[:2])))
        self.assertEqual(r2.code, 0, r2)
        self.assertEqual(len(r2.events()), len(events), r2)

    def test_html_with_broken_markup_is_coded(self):
        html = (b"<html><body><article><p>" + EVENT_SENTENCES[0].encode() +
                b"<p><b>" + EVENT_SENTENCES[1].encode() + b"<div><table><td>")
        r = dyad("code", "--date", "2024-01-25", self.write("broken.html", html))
        self.assertEqual(r.code, 0, r)
        self.assertGreaterEqual(len(r.events()), 2, r)

    def test_html_without_text(self):
        path = self.write("empty_page.html",
                          b"<html><head><title>Nothing</title></head><body>"
                          b"<nav><p>Home</p></nav><script>x()</script></body>"
                          b"</html>")
        good = self.write("good_page.html", page(EVENT_SENTENCES[:1]))
        r = dyad("code", path, good)
        self.assertEqual(r.code, 1, r)
        self.assertIn(path + ": no article text found", r.err, r)
        self.assertTrue(r.events(), r)  # the other page is still coded
        self.assertEqual(r.summary()[:3], (2, 1, 1), r)

    def test_html_without_date(self):
        path = self.write("undated.html", page(EVENT_SENTENCES[:1], date=None))
        r = dyad("code", path)
        self.assertEqual(r.code, 0, r)
        self.assertIn("warning: no date found in the page", r.err, r)
        self.assertTrue(all(not e["article_date"]
                            for e in r.events()), r.events())
        # --date stands in, as for JSON Lines records without a date.
        r = dyad("code", "--date", "2023-03-03", path)
        self.assertNotIn("warning:", r.err, r)
        self.assertTrue(all(e["article_date"] == "2023-03-03" for e in r.events()), r)

    # --- WARC -----------------------------------------------------------

    def test_warc_gz_with_mixed_records(self):
        records, uris = mixed_records(5)
        records.insert(3, html_response("https://news.example/empty",
                                        b"<html><nav>menu</nav></html>"))
        for name, data in (("mixed.warc.gz", warc_gz(records)),
                           ("mixed.warc", b"".join(records))):
            with self.subTest(name=name):
                path = self.write(name, data)
                r = dyad("code", path)
                self.assertEqual(r.code, 0, r)
                events = r.events()
                self.assertEqual({e["doc_id"] for e in events}, set(uris), r)
                self.assertTrue(all(e["article_date"] == "2024-01-25" for e in events))
                self.assertIn(
                    path + ": 6 HTML records read, 13 records skipped (1 HTTP "
                    "status not 2xx, 5 metadata, 1 non-HTML response, "
                    "5 request, 1 warcinfo)", r.err, r)
                self.assertRegex(r.err, re.escape(path) + r": record 4 at byte "
                                 r"\d+: no article text found")
                self.assertIn("1 skipped (no article text)", r.err, r)
                self.assertEqual(r.summary()[:3], (6, 5, 0), r)
                texts = {u: "\n\n".join([EVENT_SENTENCES[i % 3],
                                         EVENT_SENTENCES[(i + 1) % 3]])
                         for i, u in enumerate(uris)}
                self.check_spans(events, texts)

    def test_same_events_for_any_thread_count(self):
        records, _ = mixed_records(40)
        path = self.write("threads.warc.gz", warc_gz(records))
        one = dyad("code", "-j", "1", path)
        two = dyad("code", "-j", "2", path)
        self.assertEqual(one.code, 0, one)
        self.assertEqual(one.out, two.out)
        self.assertGreater(len(one.events()), 40)

    def test_truncated_warc_gz(self):
        records, uris = mixed_records(3)
        data = warc_gz(records[:-2])  # ends with page 3's metadata
        last = gzip.compress(html_response("https://news.example/cut",
                                           page(EVENT_SENTENCES)))
        path = self.write("truncated.warc.gz", data + last[:len(last) // 2])
        r = dyad("code", path)
        self.assertEqual(r.code, 1, r)
        self.assertEqual({e["doc_id"] for e in r.events()}, set(uris), r)
        n = len(records) - 2 + 1
        self.assertRegex(r.err, re.escape(path) + r": record %d at byte \d+: "
                         r".*truncated gzip stream" % n)

    def test_malformed_warc_record(self):
        records, uris = mixed_records(2)
        bad = (b"WARC/1.0\r\nWARC-Type: response\r\n"
               b"Content-Length: lots\r\n\r\n<p>Iraq attacked Syria.</p>\r\n\r\n")
        data = b"".join(records[:4]) + bad + b"".join(records[4:])
        path = self.write("malformed.warc", data)
        offset = len(b"".join(records[:4]))
        r = dyad("code", path)
        self.assertEqual(r.code, 1, r)
        self.assertIn("%s: record 5 at byte %d: bad WARC header: "
                      "Content-Length 'lots' is not a number" % (path, offset),
                      r.err, r)
        # Both pages, the one after the bad record included, are coded.
        self.assertEqual({e["doc_id"] for e in r.events()}, set(uris), r)

    def test_gzip_that_is_not_a_warc(self):
        path = self.write("notes.warc.gz", gzip.compress(b"just some notes\n"))
        r = dyad("code", path)
        self.assertEqual(r.code, 1, r)
        self.assertIn(path + ": not a WARC file", r.err, r)
        self.assertEqual(r.out, b"")

    # --- folders --------------------------------------------------------

    def test_folder(self):
        d = os.path.join(self.tmp, "folder")
        self.write("folder/b/page.html", page(EVENT_SENTENCES[:1],
                                              canonical="https://t.example/b"))
        self.write("folder/a.jsonl", json.dumps(
            {"id": "j1", "text": EVENT_SENTENCES[1]}).encode() + b"\n")
        records, uris = mixed_records(2)
        self.write("folder/c/crawl.warc.gz", warc_gz(records))
        self.write("folder/notes.pdf", b"%PDF-1.4")
        self.write("folder/.hidden.jsonl", b"{not even json\n")
        self.write("folder/.git/x.jsonl", b"{not even json\n")
        r = dyad("code", d)
        self.assertEqual(r.code, 0, r)
        order = []
        for e in r.events():
            if not order or order[-1] != e["doc_id"]:
                order.append(e["doc_id"])
        # Path order: a.jsonl, b/page.html, c/crawl.warc.gz.
        self.assertEqual(order, ["j1", "https://t.example/b"] + uris, r)
        self.assertIn("1 unsupported file skipped (%s)" %
                      os.path.join(d, "notes.pdf"), r.err, r)
        self.assertNotIn("hidden", r.err)
        self.assertEqual(r.summary()[:3], (4, 4, 0), r)

    # --- progress -------------------------------------------------------

    def run_in_pty(self, args):
        """Runs dyad with stderr on a pseudo-terminal; returns (exit code,
        stdout bytes, stderr bytes)."""
        master, slave = pty.openpty()
        out_path = os.path.join(self.tmp, "pty.out")
        with open(out_path, "wb") as out:
            proc = subprocess.Popen([DYAD] + args, stdout=out, stderr=slave,
                                    stdin=subprocess.DEVNULL)
        os.close(slave)
        err = b""
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                proc.kill()
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            err += chunk
        proc.wait(timeout=120)
        os.close(master)
        with open(out_path, "rb") as f:
            return proc.returncode, f.read(), err

    def test_progress_on_a_terminal_only(self):
        records, _ = mixed_records(300)
        path = self.write("progress.warc.gz", warc_gz(records))
        code, out, err = self.run_in_pty(["code", "-j", "1", path])
        self.assertEqual(code, 0, err)
        self.assertRegex(err, rb"\rdyad: \d+ articles, [\d.]+ MB read, \d+ "
                         rb"events, \d+ articles/s")
        # Erased before the summary lines.
        self.assertIn(b"\r\x1b[K", err)
        piped = dyad("code", "-j", "1", path)
        self.assertEqual(piped.out, out)  # stdout is the same
        self.assertNotIn("articles/s", piped.err)
        self.assertNotIn("\r", piped.err)
        for flag in ("-q", "--no-progress"):
            code, _, err = self.run_in_pty(["code", flag, path])
            self.assertNotIn(b"articles/s", err, flag)


def main():
    global DYAD
    if len(sys.argv) < 2:
        sys.exit("usage: inputs_test.py path/to/dyad [unittest options]")
    DYAD = os.path.abspath(sys.argv.pop(1))
    result = unittest.main(exit=False, verbosity=2).result
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
