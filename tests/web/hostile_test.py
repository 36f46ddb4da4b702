#!/usr/bin/env python3
"""`dyad serve` against hostile input: SQL in query parameters, huge and
malformed requests, odd paths, slow clients, a database replaced or broken
while serving. After each, the server must still answer correctly.

  hostile_test.py DYAD REPO_DIR OUT_DIR
"""
import json
import os
import shutil
import socket
import sqlite3
import sys
import time
import urllib.error
import urllib.request

from serve_util import Served, build_db

FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def get(url, timeout=10):
    """(status, parsed JSON or text) of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            body = r.read().decode()
            status = r.status
    except urllib.error.HTTPError as e:
        body = e.read().decode(errors="replace")
        status = e.code
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body


def raw(port, data, timeout=10):
    """Sends raw bytes; returns what the server answered (maybe nothing)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        chunks = []
        while True:
            try:
                c = s.recv(65536)
            except socket.timeout:
                break
            if not c:
                break
            chunks.append(c)
        return b"".join(chunks)
    finally:
        s.close()


def healthy(url, events):
    status, body = get(url + "api/stats")
    return status == 200 and body.get("events") == events


def main():
    dyad, repo, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    sample = os.path.join(repo, "data/samples/wire.jsonl")
    db = build_db(dyad, sample, os.path.join(out_dir, "hostile.db"))
    events = sqlite3.connect(db).execute("SELECT count(*) FROM events").fetchone()[0]
    # A second, different database to swap in: half the sample.
    half = os.path.join(out_dir, "half.jsonl")
    with open(sample) as f, open(half, "w") as g:
        lines = f.readlines()
        g.writelines(lines[: len(lines) // 2])
    other = build_db(dyad, half, os.path.join(out_dir, "other.db"))
    other_events = sqlite3.connect(other).execute(
        "SELECT count(*) FROM events").fetchone()[0]
    check(other_events != events, "the two databases differ")

    with Served(dyad, db, "--threads", "4") as url:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        check(healthy(url, events), "stats answer")

        # SQL in parameters is data, never SQL.
        for value in ["USA' OR 1=1 --", "USA%", "'; DROP TABLE events; --",
                      "\" OR \"\"=\"", "USA) UNION SELECT * FROM articles --"]:
            q = urllib.request.quote(value)
            status, body = get(url + "api/events?source=" + q)
            check(status in (200, 400) and (status == 400 or body == []),
                  "source=%r matches nothing (%s)" % (value, status))
        check(sqlite3.connect(db).execute(
            "SELECT count(*) FROM events").fetchone()[0] == events,
            "the database is untouched")
        status, body = get(url + "api/events?source=USA")
        check(status == 200 and len(body) > 0 and
              all(e["source_code"].startswith("USA") for e in body),
              "a real filter still works")

        # Bad values and parameters: 400 with a message.
        for q, why in [("api/events?limit=-1", "negative limit"),
                       ("api/events?limit=abc", "limit not a number"),
                       ("api/events?from=2024-02-30", "a day that does not exist"),
                       ("api/events?quad=9", "quad out of range"),
                       ("api/events?nonsense=1", "unknown parameter"),
                       ("api/events?source=A&source=B", "parameter twice"),
                       ("api/timeline?by=fortnight", "bad period"),
                       ("api/event?id=0", "bad id"),
                       ("api/event?id=1;DROP", "id not a number"),
                       ("api/events?source=" + "A" * 500, "value too long")]:
            status, body = get(url + q)
            check(status == 400 and isinstance(body, dict) and body.get("error"),
                  "%s: 400 with an error (%s %s)" % (why, status, body))
        status, body = get(url + "api/events?limit=99999999999")
        check(status in (200, 400), "huge limit bounded (%s)" % status)
        status, body = get(url + "api/event?id=99999999")
        check(status == 404, "a missing event is 404 (%s)" % status)
        status, _ = get(url + "api/nothing")
        check(status == 404, "an unknown API path is 404")

        # Odd paths: only the dashboard's own files are served.
        for path in ["../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                     "vendor/../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd",
                     "web/app.js", ".git/config", "index.html%00.png",
                     "vendor/chart.js/package.json"]:
            reply = raw(port, ("GET /%s HTTP/1.1\r\nHost: x\r\nConnection: "
                               "close\r\n\r\n" % path).encode())
            check(b"root:" not in reply and b"[core]" not in reply and
                  reply.split(b"\r\n", 1)[0].split(b" ")[1:2] in ([b"404"], [b"400"]),
                  "/%s refused (%r)" % (path, reply[:40]))
        status, page = get(url)
        check(status == 200 and "<title>" in page, "the dashboard is served")
        status, _ = get(url + "vendor/chart.umd.min.js")
        check(status == 200, "its chart library is served")

        # Huge and malformed requests.
        reply = raw(port, b"GET /api/stats?x=" + b"A" * 200000 +
                    b" HTTP/1.1\r\nHost: x\r\n\r\n")
        check(reply.startswith(b"HTTP/1.1 414") or reply.startswith(b"HTTP/1.1 400")
              or reply == b"", "a 200 KB request line is refused (%r)" % reply[:20])
        reply = raw(port, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX: " +
                    b"B" * 100000 + b"\r\n\r\n")
        check(not reply.startswith(b"HTTP/1.1 200"), "a 100 KB header is refused")
        for junk in [b"GARBAGE\r\n\r\n", b"\x00\x01\x02\xff" * 100 + b"\r\n\r\n",
                     b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"]:
            raw(port, junk)
        reply = raw(port, b"POST /api/stats HTTP/1.1\r\nHost: x\r\n"
                    b"Content-Length: 5\r\nConnection: close\r\n\r\nhello")
        check(b" 405 " in reply.split(b"\r\n", 1)[0], "POST refused with 405")
        reply = raw(port, b"POST /api/stats HTTP/1.1\r\nHost: x\r\n"
                    b"Content-Length: 100000000\r\nConnection: close\r\n\r\n")
        check(not reply.startswith(b"HTTP/1.1 200"), "a 100 MB body is refused")
        check(healthy(url, events), "still serving after malformed requests")

        # Slow clients: they hold a connection each; others are still served.
        slow = []
        for _ in range(3):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHo")
            slow.append(s)
        t = time.time()
        ok = healthy(url, events)
        check(ok and time.time() - t < 2, "served beside 3 slow clients (%.2f s)"
              % (time.time() - t))
        time.sleep(6)  # past the read timeout: the server drops them
        for s in slow:
            s.settimeout(2)
            try:
                data = s.recv(100)
            except (socket.timeout, ConnectionResetError):
                data = b"still open"
            check(data != b"still open", "a slow client is dropped after the "
                  "read timeout (%r)" % data[:30])
            s.close()

        # The database replaced while serving.
        shutil.copyfile(other, db + ".new")
        os.replace(db + ".new", db)
        check(healthy(url, other_events), "a replaced database is served")
        with open(db + ".new", "wb") as f:
            f.write(b"this is not a database" * 100)
        os.replace(db + ".new", db)
        status, body = get(url + "api/stats")
        check(status == 503 and "hostile.db" in body.get("error", ""),
              "a broken database: 503 naming the file (%s %s)" % (status, body))
        os.remove(db)
        status, body = get(url + "api/stats")
        check(status == 503, "a missing database: 503")
        shutil.copyfile(other, db)
        check(healthy(url, other_events), "serving again once it is back")

    if FAILURES:
        print("%d checks failed" % len(FAILURES))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
