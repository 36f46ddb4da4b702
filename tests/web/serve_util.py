"""Helpers for the tests of `dyad serve`: a database built from a sample,
and a server on a free port for the length of a `with` block."""
import os
import re
import subprocess


def build_db(dyad, sample, db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([dyad, "code", "-q", "--db", db, sample], check=True,
                   stdout=subprocess.DEVNULL)
    return db


class Served:
    """`with Served(dyad, db) as url:` runs `dyad serve --port 0` and gives
    its address; the server is stopped (and must not have crashed) after."""

    def __init__(self, dyad, db, *args):
        self.cmd = [dyad, "serve", "--db", db, "--port", "0", *args]

    def __enter__(self):
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://[0-9.]+:(\d+)/", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("dyad serve did not start: %r %s" %
                               (line, self.proc.stderr.read()))
        self.url = "http://127.0.0.1:%s/" % m.group(1)
        self.port = int(m.group(1))
        return self.url

    def alive(self):
        return self.proc.poll() is None

    def __exit__(self, *exc):
        crashed = self.proc.poll()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise RuntimeError("dyad serve did not stop on SIGTERM")
        if crashed is not None:
            raise RuntimeError("dyad serve exited with %s while serving: %s" %
                               (crashed, self.proc.stderr.read()))
        return False
