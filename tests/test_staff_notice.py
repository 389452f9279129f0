"""The staff notice: shown on first run and when its text changes; the acknowledgement is logged and signed."""
from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from taltio.domain import notices
from taltio import settings as settings_mod
from taltio.domain.events import CallEvent
from tests.helpers.app_proc import org_keypair

pytestmark = pytest.mark.slow


def _manifest(qtbot, tmp, call_id: str) -> dict:
    qtbot.waitUntil(lambda: any((tmp / "store").rglob(f"{call_id}.manifest.json")), timeout=10000)
    return json.loads(next((tmp / "store").rglob(f"{call_id}.manifest.json")).read_text())


def _app(tmp, text: str | None, lang: str = "sv"):
    from taltio.ui.app import TaltioApp

    _key, recipient = org_keypair(tmp)      # made once, reused
    staff = f'[staff]\nnotice_text = "{text}"\n' if text else ""
    cfg = tmp / "taltio.toml"
    cfg.write_text(f'[agent]\nid = "agent-7"\n[storage]\nurl = "file://{tmp}/store"\n'
                   f'[encryption]\nrecipients = ["{recipient}"]\n[ui]\nlanguage = "{lang}"\n{staff}')
    app = TaltioApp(settings_mod.load(cfg, tmp / "nouser.toml"))
    app.start()
    return app


def test_staff_notice_first_run_change_and_manifest(qtbot, keyring_daemon, tmp_path, monkeypatch):
    keyring_daemon.apply_to_process()
    monkeypatch.setenv("TALTIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(tmp_path / "run"))
    app = _app(tmp_path, None)
    try:
        dlg = app.staff_dialog
        assert dlg is not None and dlg.isVisible()
        shipped = notices.shipped("staff", "sv")
        assert dlg.findChild(type(dlg.button), "acknowledgeButton") is dlg.button
        qtbot.mouseClick(dlg.button, Qt.MouseButton.LeftButton)
        assert not dlg.isVisible()
        # The next manifest carries the acknowledgement (a declined call: a manifest without audio).
        ctl = app.core.controller
        for kind in ("incoming", "answered", "declined", "ended"):
            ctl.handle(CallEvent.parse(kind, call_id="call-ack", number="+46701234567"))
        manifest = _manifest(qtbot, tmp_path, "call-ack")
        ack = manifest["staff_notice_ack"]
        assert ack["sha256"] == notices.digest(shipped) and ack["language"] == "sv" and ack["agent_id"] == "agent-7"
        assert manifest["notice"]["language"] == "sv"          # +46 number: Swedish notice
        for kind in ("incoming", "answered", "declined", "ended"):
            ctl.handle(CallEvent.parse(kind, call_id="call-ack-2", number="+46701234567"))
        second = _manifest(qtbot, tmp_path, "call-ack-2")
        assert "staff_notice_ack" not in second                 # once, in the next manifest only
    finally:
        app.shutdown()
    # Same text on the next start: not shown again.
    app = _app(tmp_path, None)
    try:
        assert app.staff_dialog is None
    finally:
        app.shutdown()
    # The organisation changed the text: shown again.
    app = _app(tmp_path, "New rules: supervisors may listen for coaching.")
    try:
        assert app.staff_dialog is not None and app.staff_dialog.isVisible()
    finally:
        app.shutdown()
    db = sqlite3.connect(tmp_path / "data" / "queue.sqlite3")
    rows = [json.loads(d) for (d,) in db.execute("SELECT detail FROM audit WHERE event = 'staff-notice-ack'")]
    assert len(rows) == 1 and rows[0]["sha256"] == notices.digest(shipped)
