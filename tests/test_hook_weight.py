"""`taltio hook` as MicroSIP runs it imports nothing heavy: MicroSIP freezes its window until the hook returns.

The hook runs in a fresh interpreter (`python -X importtime -m taltio.cli hook …`) against a stand-in
control socket that answers like the app, so the whole success path is covered; every module it
imported is read from the import-time log. The latency against the real app is benchmarked in
benchmarks/hook_latency.py (docs/performance.md), not asserted here.
"""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

import pytest

from tests.helpers.app_proc import DESKTOP

HEAVY = {"PySide6", "shiboken6", "numpy", "boto3", "botocore", "s3transfer", "cryptography", "pyrage", "av",
         "soundfile", "sounddevice", "pulsectl", "pasimple", "keyring", "secretstorage", "jeepney", "websockets",
         "truststore", "urllib3", "requests", "certifi", "ssl", "_ssl", "sqlite3", "asyncio", "xml", "argparse",
         "logging", "tomllib", "email", "http"}
ALLOWED_TALTIO = {"taltio", "taltio.cli", "taltio.cli.main", "taltio.app", "taltio.app.ipc", "taltio.app.paths"}


@pytest.fixture
def fake_app(tmp_path):
    """A control socket that answers one JSON line per connection, as ui/ipc_server.py does."""
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    srv = socket.socket(socket.AF_UNIX)
    srv.bind(str(run / "taltio.sock"))
    srv.listen(8)
    seen: list[dict] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            with conn:
                req = json.loads(conn.makefile("rb").readline())
                seen.append(req)
                conn.sendall((json.dumps({"v": 1, "ok": True, "call_id": "x"}) + "\n").encode())

    threading.Thread(target=serve, daemon=True).start()
    env = {**os.environ, "TALTIO_RUNTIME_DIR": str(run), "PYTHONPATH": str(DESKTOP)}
    yield env, seen
    srv.close()


def _imported(stderr: str) -> set[str]:
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize("argv", [
    ["hook", "incoming", "+358401234567"],                      # MicroSIP: cmdIncomingCall=taltio hook incoming
    ["hook", "incoming", "+358401234567", "0401"],              # a second bare argument: refused
    ["hook", "incoming", "--number", "+358401234567"],          # cmdIncomingCall
    ["hook", "answered", "--number=0401234567"],                # cmdCallStart
    ["hook", "ended", "--number", "0401234567", "--call-id", "abc"],
])
def test_hook_imports_nothing_heavy(fake_app, argv):
    env, seen = fake_app
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "taltio.cli", *argv], env=env,
                       capture_output=True, text=True, timeout=30)
    mods = _imported(r.stderr)
    assert "taltio.app.ipc" in mods or r.returncode == 2, r.stderr[-500:]
    heavy = sorted(m for m in mods if m.split(".")[0] in HEAVY)
    assert heavy == [], heavy
    ours = {m for m in mods if m.split(".")[0] == "taltio"}
    assert ours <= ALLOWED_TALTIO, sorted(ours - ALLOWED_TALTIO)
    if len(argv) == 4 and not argv[2].startswith("--"):
        assert r.returncode == 2 and "unknown option '0401'" in r.stderr
    else:
        assert r.returncode == 0, r.stderr[-500:]
        assert seen[-1]["cmd"] == "hook" and seen[-1]["event"] == argv[1] and seen[-1]["number"]


def test_hook_latency_against_a_stand_in_socket(fake_app):
    """Reported, not asserted: the interpreter start dominates; the real app is in benchmarks/hook_latency.py."""
    env, _seen = fake_app
    hook, floor = [], []
    for i in range(8):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "taltio.cli", "hook", "incoming", "--number", "+358401234567"],
                       env=env, capture_output=True, check=True, timeout=30)
        hook.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, capture_output=True, check=True, timeout=30)
        floor.append((time.perf_counter() - t) * 1000)
    print(f"taltio hook median {statistics.median(hook):.1f} ms; python -c pass {statistics.median(floor):.1f} ms")
