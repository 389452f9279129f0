"""Bad input gets a clear one-line error, the app keeps running, and nothing recorded is lost."""
from __future__ import annotations

import json
import os
import socket
import stat
import time

import pytest

from tests.helpers.world import queue_empty, start_recording, state_is

pytestmark = pytest.mark.slow


def _one_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    return lines[0]


def test_malformed_hooks_and_unknown_calls(world, app_factory):
    app = app_factory("bad-hooks").start()
    cid = "call-ok-1"
    start_recording(app, cid)
    cases = [
        (["hook", "explode"], 2, "unknown hook event 'explode'"),
        (["hook"], 2, "hook needs an event"),
        (["hook", "incoming", "--colour", "red"], 2, "unknown option '--colour'"),
        (["hook", "incoming", "--number"], 2, "--number needs a value"),
        (["hook", "incoming", "--number", "DROP TABLE"], 1, "not a phone number"),
        (["hook", "ended", "--call-id", "nope"], 1, "no active call with id 'nope'"),
        (["hook", "resume", "--call-id", cid], 1, "is not paused"),
    ]
    for args, code, text in cases:
        r = app.cli(*args)
        line = _one_line(r.stderr)
        assert r.returncode == code, (args, r.returncode, line)
        assert text in line, (args, line)
        assert line.startswith("taltio: ")
    # Garbage straight onto the control socket.
    sock_path = os.path.join(app.env["TALTIO_RUNTIME_DIR"], "taltio.sock")
    for raw in (b"not json\n", b'{"v": 99, "cmd": "status"}\n', b'["list"]\n', b'{"v": 1, "cmd": "hook"}\n'):
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(sock_path)
            s.sendall(raw)
            reply = json.loads(s.makefile().readline())
            assert reply["ok"] is False and reply["error"], raw
    # The call is still recording, and it completes and uploads normally.
    assert app.alive()
    app.wait_for(state_is(cid, "recording"), what="still recording")
    app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=30, what="upload")


@pytest.mark.evidence("security")
def test_control_socket_is_private(world, app_factory):
    app = app_factory("socket-perms").start()
    run = app.env["TALTIO_RUNTIME_DIR"]
    assert stat.S_IMODE(os.stat(run).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(os.path.join(run, "taltio.sock")).st_mode) & 0o077 == 0
    # A second instance does not start; it hands over to the first.
    r = app.cli("run", timeout=20)
    assert r.returncode == 0 and "already running" in r.stderr
    assert app.alive()


def test_hook_without_app_says_so(world, app_factory):
    app = app_factory("no-app")       # never started
    r = app.cli("hook", "incoming")
    assert r.returncode == 3
    assert "not running" in _one_line(r.stderr)


def test_bad_recipient_keeps_app_up_with_clear_error(world, app_factory):
    app = app_factory("bad-recipient", **{"encryption.recipients": ["age1notakey"]}).start()
    st = app.status()
    assert st["status"] == "error"
    assert "encryption.recipients[0]" in st["config_error"] and "not a valid age recipient" in st["config_error"]
    assert "\n" not in st["config_error"]
    r = app.hook("incoming", "c-x", check=False)
    assert r.returncode == 1 and "cannot record" in _one_line(r.stderr)
    assert app.alive()
    d = app.cli("doctor")
    assert d.returncode == 1
    assert any("FAIL" in ln and "recipients" in ln and "encryption.recipients[0]" in ln
               for ln in d.stdout.splitlines()), d.stdout


@pytest.mark.evidence("fault")
def test_missing_device_fails_call_clearly_and_app_keeps_running(world, app_factory):
    app = app_factory("no-mic", **{"audio.mic_device": "Headset that was unplugged"}).start()
    app.hook("incoming", "c-nomic")
    app.hook("answered", "c-nomic")
    app.hook("notice-given", "c-nomic")
    st = app.wait_for(lambda s: s["status"] == "error", what="error status")
    assert "microphone 'Headset that was unplugged' was not found" in st["last_error"]
    assert "agent_mic" in st["last_error"]          # tells what is available
    assert "\n" not in st["last_error"]
    app.hook("ended", "c-nomic")
    assert app.alive()
    # The failure is documented in storage: a manifest with no audio and the error.
    app.wait_for(queue_empty, timeout=30, what="upload")
    d = app.cli("doctor")
    assert d.returncode == 1 and "Headset that was unplugged" in d.stdout


@pytest.mark.evidence("fault")
def test_unreachable_endpoint_queues_and_doctor_says_so(world, app_factory):
    app = app_factory("unreachable", **{"storage.endpoint": "http://127.0.0.1:9"}).start()
    cid = "c-unreach"
    start_recording(app, cid)
    time.sleep(1.5)
    app.hook("ended", cid)
    st = app.wait_for(lambda s: s["queue"]["last_error"], timeout=20, what="upload error")
    assert "unreachable" in st["queue"]["last_error"] and "\n" not in st["queue"]["last_error"]
    assert st["queue"]["pending"] == 1 and app.alive()
    assert (app.data_dir / "calls" / cid / f"{cid}.ogg.age").exists()   # kept, waiting
    d = app.cli("doctor")
    assert d.returncode == 1
    line = [ln for ln in d.stdout.splitlines() if "] storage " in ln and "storage network" not in ln][0]
    assert "FAIL" in line and "unreachable" in line


def test_doctor_passes_on_a_good_setup(world, app_factory):
    app = app_factory("doctor-ok")
    d = app.cli("doctor")
    assert d.returncode == 0, d.stdout + d.stderr
    for check in ("settings", "keyring", "recipients", "microphone", "loopback device", "storage", "softphone",
                  "queue"):
        assert any(check in ln and "[  ok]" in ln for ln in d.stdout.splitlines()), (check, d.stdout)
    secret = world.s3.agents["agent-7"][1]
    assert secret not in d.stdout and secret not in d.stderr
