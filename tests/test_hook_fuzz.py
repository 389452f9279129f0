"""Fuzz of the hook path: random argument lists to `taltio hook`, random bytes and JSON to the control
socket of a running in-process app. No crash, one clear line back, and each kind of bad request is
logged at most once (a misconfigured softphone must not flood the log).
"""
from __future__ import annotations

import json
import logging
import socket
import threading

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from taltio.cli import main as cli
from tests.helpers.in_process import in_process_app, local_config

OPTIONS = ["--call-id", "--number", "--label", "--reason", "--queue", "--name", "--colour", "-x", "--", "--number="]
arg = st.one_of(st.sampled_from(list(cli.HOOK_EVENTS) + OPTIONS), st.text(max_size=30),
                st.from_regex(r"\+?[0-9]{1,15}", fullmatch=True), st.sampled_from(["", " ", "anonymous", "sip:1@h"]))


@settings(max_examples=400, deadline=None)
@given(argv=st.lists(arg, max_size=7))
def test_hook_arguments_never_crash(argv):
    sent: list[dict] = []

    def fake_request(payload: dict, timeout: float = 2.0) -> dict:
        sent.append(payload)
        return {"v": 1, "ok": True}

    import taltio.app.ipc as ipc

    real, ipc.request = ipc.request, fake_request
    try:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            rc = cli.hook(list(argv))
    finally:
        ipc.request = real
    assert rc in (0, 2), (argv, rc)
    if rc == 2:
        lines = err.getvalue().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("taltio: "), err.getvalue()
        assert not sent
    else:
        req = sent[-1]
        assert req["cmd"] == "hook" and req["event"] in cli.HOOK_EVENTS
        assert set(req) <= {"cmd", "event", "call_id", "number", "label", "queue", "display_name"}
        assert all(isinstance(v, str) and v for v in req.values())


@pytest.fixture
def app(qtbot, keyring_daemon, tmp_path):
    with in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon, acknowledge_staff_notice=True) as a:
        yield a


def _send(qtbot, path: str, raw: bytes) -> dict:
    box: dict = {}

    def client() -> None:
        try:
            with socket.socket(socket.AF_UNIX) as s:
                s.settimeout(5)
                s.connect(path)
                s.sendall(raw)
                s.shutdown(socket.SHUT_WR)
                box["line"] = s.makefile("rb").readline()
        except OSError as exc:
            box["line"] = repr(exc).encode()

    th = threading.Thread(target=client, daemon=True)
    th.start()
    qtbot.waitUntil(lambda: "line" in box, timeout=6000)
    th.join()
    return json.loads(box["line"])


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                          lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
                          max_leaves=6)
request = st.fixed_dictionaries(
    {"v": st.sampled_from([1] * 6 + [2, "1", None]), "cmd": st.sampled_from(["hook"] * 6 + ["status", "nope", 7])},
    optional={
              "event": st.sampled_from(list(cli.HOOK_EVENTS) + ["", "explode"]) | json_value,
              "call_id": st.text(max_size=90) | json_value, "number": st.text(max_size=20) | json_value,
              "label": json_value, "queue": json_value, "display_name": json_value})
payload = st.one_of(
    request.map(lambda d: (json.dumps(d) + "\n").encode()),
    json_value.map(lambda v: (json.dumps(v) + "\n").encode()),
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b"") + b"\n"),
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=payload)
@example(raw=b'{"v": 1, "cmd": "hook", "event": "incoming", "call_id": 5}\n')
@example(raw=b'{"v": 1, "cmd": "hook", "event": "ended", "number": ["+358"]}\n')
@example(raw=b'{"v": 1, "cmd": "hook", "event": "bookmark", "label": {"a": 1}}\n')
def test_control_socket_garbage_gets_a_clear_answer(qtbot, app, caplog, raw):
    path = str(app.ipc.name)
    with caplog.at_level(logging.INFO, logger="taltio"):
        reply = _send(qtbot, path, raw)
        _send(qtbot, path, raw)                 # the same again: answered again, not logged again
    assert reply.get("v") == 1 and isinstance(reply.get("ok"), bool), reply
    if not reply["ok"]:
        msg = reply.get("error")
        assert isinstance(msg, str) and msg and "\n" not in msg, reply
        assert not msg.startswith("internal error"), (raw, msg)
    assert not [r for r in caplog.records if r.exc_info], "a bad request logged a traceback"
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refused) == len(set(refused)) and all("\n" not in m for m in refused), refused
    # Whatever came in, the app still answers and tracks calls normally.
    assert app.core is not None
    assert _send(qtbot, path, b'{"v": 1, "cmd": "status"}\n')["ok"] is True
    for s in list(app.core.controller.sessions.values()):
        if s.active:
            app.core.controller.handle(__import__("taltio.domain.events", fromlist=["CallEvent"]).CallEvent.parse(
                "ended", call_id=s.call_id))
