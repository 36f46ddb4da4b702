#!/usr/bin/env python3
"""`dyad code -` as a plain stdin -> stdout filter, the way Spark's
RDD.pipe() and Hadoop Streaming run it: records in on standard input, event
lines out on standard output, nothing else there; each partition piped
through its own process.

    stdin_filter_test.py path/to/dyad [unittest options]

Standard library only.
"""

import glob
import os
import subprocess
import sys
import time
import unittest

DYAD = None  # set from argv in main
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def corpus():
    """The bundled samples and the golden cases as one JSONL byte string."""
    paths = [os.path.join(SOURCE_ROOT, "data", "samples", "wire.jsonl")]
    paths += sorted(glob.glob(os.path.join(SOURCE_ROOT, "tests", "golden",
                                           "cases", "*.jsonl")))
    data = b""
    for p in paths:
        with open(p, "rb") as f:
            chunk = f.read()
        data += chunk if chunk.endswith(b"\n") else chunk + b"\n"
    return data


def run(args, stdin):
    return subprocess.run([DYAD, "code", *args], input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)


class StdinFilterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = corpus()
        cls.tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                               f"dyad_stdin_filter_{os.getpid()}.jsonl")
        with open(cls.tmp, "wb") as f:
            f.write(cls.data)
        file_run = run(["-q", cls.tmp], None)
        assert file_run.returncode == 0, file_run.stderr
        cls.expected = file_run.stdout

    @classmethod
    def tearDownClass(cls):
        os.remove(cls.tmp)

    def test_stdin_equals_file(self):
        self.assertGreater(self.expected.count(b"\n"), 50)
        for threads in ("1", "2"):
            r = run(["-q", "--input-format", "jsonl", "--threads", threads,
                     "-"], self.data)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, self.expected)
        # No arguments at all: standard input too.
        r = run(["-q"], self.data)
        self.assertEqual(r.stdout, self.expected)

    def test_stdout_holds_only_events(self):
        # The summary and warnings go to stderr, never into the data.
        r = run(["-"], self.data)
        self.assertEqual(r.stdout, self.expected)
        self.assertIn(b"dyad code:", r.stderr)
        for line in r.stdout.splitlines():
            self.assertTrue(line.startswith(b'{"doc_id": '), line[:80])

    def test_partitions_piped_separately_concatenate_to_the_whole(self):
        lines = self.data.splitlines(keepends=True)
        cuts = [0, len(lines) // 3, 2 * len(lines) // 3, len(lines)]
        out = b""
        for a, b in zip(cuts, cuts[1:]):
            r = run(["-q", "--input-format", "jsonl", "-"],
                    b"".join(lines[a:b]))
            self.assertEqual(r.returncode, 0, r.stderr)
            out += r.stdout
        self.assertEqual(out, self.expected)

    def test_slow_writer(self):
        # Records arriving a few at a time, as from a pipe.
        proc = subprocess.Popen([DYAD, "code", "-q", "--input-format", "jsonl",
                                 "-"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        lines = self.data.splitlines(keepends=True)
        import threading
        chunks = []
        reader = threading.Thread(
            target=lambda: chunks.append(proc.stdout.read()))
        reader.start()
        for i in range(0, len(lines), 7):
            proc.stdin.write(b"".join(lines[i:i + 7]))
            proc.stdin.flush()
            time.sleep(0.005)
        proc.stdin.close()
        reader.join()
        proc.stderr.read()
        self.assertEqual(proc.wait(), 0)
        self.assertEqual(chunks[0], self.expected)

    def test_empty_partition(self):
        for stdin in (b"", b"\n\n"):
            r = run(["-q", "--input-format", "jsonl", "-"], stdin)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, b"")
            self.assertEqual(r.stderr, b"")

    def test_bad_record_in_the_stream(self):
        lines = self.data.splitlines(keepends=True)
        broken = lines[:3] + [b'{"id": "oops", "title": "no text"}\n'] + \
            lines[3:]
        r = run(["-q", "--input-format", "jsonl", "-"], b"".join(broken))
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"-:4: record 'oops': missing field 'text'", r.stderr)
        self.assertEqual(r.stdout, self.expected)  # every other record coded


def main():
    global DYAD
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    DYAD = sys.argv.pop(1)
    unittest.main()


if __name__ == "__main__":
    sys.exit(main())
