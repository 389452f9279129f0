"""Agent flows through the real TaltioApp in-process (pytest-qt): clicks on the card, dialogs, fast repeats.

No audio is needed for these: each flow ends before recording or is refused, and
the checks are on the controller's state and the local audit log.
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from taltio.core import settings as settings_mod
from taltio.core.events import CallEvent
from tests.helpers.app_proc import org_keypair

pytestmark = pytest.mark.slow


@pytest.fixture
def make_app(qtbot, keyring_daemon, tmp_path, monkeypatch):
    from taltio.ui.app import TaltioApp

    keyring_daemon.apply_to_process()
    monkeypatch.setenv("TALTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(tmp_path / "run"))
    _key, recipient = org_keypair(tmp_path)
    apps = []

    def make(extra: str = ""):
        cfg = tmp_path / "taltio.toml"
        cfg.write_text(f'[agent]\nid = "agent-7"\n[storage]\nurl = "file://{tmp_path}/store"\n'
                       f'[encryption]\nrecipients = ["{recipient}"]\n{extra}')
        app = TaltioApp(settings_mod.load(cfg, tmp_path / "nouser.toml"))
        app.start()
        if app.staff_dialog is not None:
            app.staff_dialog.button.click()
        apps.append(app)
        return app

    yield make
    for a in apps:
        a.shutdown()


def _audit(tmp_path, event: str) -> list[dict]:
    db = sqlite3.connect(tmp_path / "data" / "queue.sqlite3")
    try:
        return [json.loads(d) for (d,) in db.execute("SELECT detail FROM audit WHERE event = ?", (event,))]
    finally:
        db.close()


def test_private_reason_is_asked_for_when_required(qtbot, make_app, tmp_path):
    app = make_app("[privacy]\nreason_required = true\n")
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-r", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-r"))
    qtbot.waitUntil(lambda: app.card.isVisible() and app.card.call_id == "c-r")
    qtbot.mouseClick(app.card.btn_private, Qt.MouseButton.LeftButton)
    dlg = app.reason_dialog
    assert dlg is not None and dlg.isVisible() and ctl.sessions["c-r"].outcome.value == "pending"
    dlg.setTextValue("  ")                       # an empty reason is refused, visibly
    dlg.accept()
    qtbot.waitUntil(lambda: "reason" in app.card.error.text())
    assert ctl.sessions["c-r"].outcome.value == "pending"
    qtbot.mouseClick(app.card.btn_private, Qt.MouseButton.LeftButton)
    app.reason_dialog.setTextValue("child's school called")
    app.reason_dialog.accept()
    qtbot.waitUntil(lambda: ctl.sessions["c-r"].outcome.value == "private")
    assert app.compute_status()[0] == "private"
    assert _audit(tmp_path, "private-marked") == [{"reason": "child's school called"}]


def test_fast_repeated_clicks_and_events_while_a_dialog_is_open(qtbot, make_app, tmp_path):
    """Ten clicks on Private, and the call ending while the reason dialog is still open: no crash, one mark."""
    app = make_app()
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-f", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-f"))
    qtbot.waitUntil(lambda: app.card.call_id == "c-f")
    for _ in range(10):
        qtbot.mouseClick(app.card.btn_private, Qt.MouseButton.LeftButton)
    assert len(_audit(tmp_path, "private-marked")) == 1
    # Next call is private from the status window, then the softphone's events arrive.
    app.view.next_private.emit()
    assert ctl.next_private
    ctl.handle(CallEvent.parse("outgoing", call_id="c-g", number="+358409999999"))
    assert ctl.sessions["c-g"].outcome.value == "private"
    ctl.handle(CallEvent.parse("ended", call_id="c-g"))
    ctl.handle(CallEvent.parse("ended", call_id="c-f"))
    qtbot.waitUntil(lambda: not app.card.isVisible())
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").rglob("*.age"))
    private_rows = _audit(tmp_path, "private")
    assert len(private_rows) == 2 and all("duration_s" in r for r in private_rows)


def test_call_ending_with_the_reason_dialog_open(qtbot, make_app, tmp_path):
    app = make_app("[privacy]\nreason_required = true\n")
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-e", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-e"))
    qtbot.waitUntil(lambda: app.card.call_id == "c-e")
    qtbot.mouseClick(app.card.btn_private, Qt.MouseButton.LeftButton)
    ctl.handle(CallEvent.parse("ended", call_id="c-e"))       # the customer hung up meanwhile
    qtbot.waitUntil(lambda: not app.card.isVisible())
    app.reason_dialog.setTextValue("late")
    app.reason_dialog.accept()                                  # refused: the call is over; shown, no crash
    assert ctl.sessions["c-e"].outcome.value == "not_recorded"
    assert _audit(tmp_path, "private-marked") == []
