"""`taltio` shows its tray before it builds the core (docs/performance.md, start-up).

Until the core is built the tray says "Starting", records nothing and answers no control request, so a
`taltio hook` sent that early waits for the socket exactly as it did when the whole start came first.
Then it is the same app as one built at once. Real parts: gnome-keyring, the folder store, the control
socket; no audio is needed (nothing is recorded).
"""
from __future__ import annotations

import pytest

from taltio.app import compose
from taltio.app.ipc import IPCError, request
from tests.helpers.in_process import in_process_app, local_config

pytestmark = pytest.mark.slow

STARTING = "Starting: not recording yet"


def _status(app) -> str:  # noqa: ANN001 - TaltioApp
    app.refresh()
    return app.view.text


def test_the_tray_says_starting_until_the_core_is_built_then_serves(qtbot, tmp_path, keyring_daemon):
    with in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon, defer_core=True,
                        acknowledge_staff_notice=False) as app:
        assert app.core is None and app.agent.starting
        assert _status(app) == STARTING
        assert app.view.status == "idle"          # the neutral icon: neither "ready" nor an error
        assert app.pill is None or app.pill.text == STARTING
        with pytest.raises(IPCError):
            request({"cmd": "status"}, timeout=0.5)   # no socket yet: a client waits for it, as before

        app.finish_start()

        assert app.core is not None and not app.agent.starting
        assert _status(app) == "Ready: no call"
        doc = request({"cmd": "status"}, timeout=5)
        assert doc["ok"] and doc["status"] == "idle" and doc["config_error"] is None
        app.finish_start()                          # a second call is a no-op, not a second core
        assert request({"cmd": "status"}, timeout=5)["ok"]


def test_an_unforeseen_error_while_building_shows_as_a_configuration_problem(qtbot, tmp_path, keyring_daemon,
                                                                            monkeypatch, allow_log_errors):
    allow_log_errors("taltio.app")

    def broken(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("the keyring answered nonsense")

    monkeypatch.setattr(compose, "build", broken)
    with in_process_app(tmp_path, local_config(tmp_path), keyring=keyring_daemon, defer_core=True) as app:
        app.finish_start()
        assert app.core is None and not app.agent.starting
        assert app.view.status == "error"
        assert "configuration problem" in _status(app)
        assert "the keyring answered nonsense" in app.agent.facts().config_error
