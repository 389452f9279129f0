"""The staff notice: shown on first run and when its text changes; the acknowledgement is logged and signed."""
from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from taltio.domain import notices
from taltio.domain.events import CallEvent
from tests.helpers.in_process import in_process_app, local_config

pytestmark = pytest.mark.slow


def _manifest(qtbot, tmp, call_id: str) -> dict:
    qtbot.waitUntil(lambda: any((tmp / "store").rglob(f"{call_id}.manifest.json")), timeout=10000)
    return json.loads(next((tmp / "store").rglob(f"{call_id}.manifest.json")).read_text())


def _app(tmp, text: str | None, lang: str = "sv"):
    """The started app (a context manager) with the organisation's staff notice *text* (None: the shipped one)."""
    staff = f'[staff]\nnotice_text = "{text}"\n' if text else ""
    return in_process_app(tmp, local_config(tmp, f'[ui]\nlanguage = "{lang}"\n{staff}'))


def test_staff_notice_first_run_change_and_manifest(qtbot, keyring_daemon, tmp_path):
    with _app(tmp_path, None) as app:
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
    # Same text on the next start: not shown again.
    with _app(tmp_path, None) as app:
        assert app.staff_dialog is None
    # The organisation changed the text: shown again.
    with _app(tmp_path, "New rules: supervisors may listen for coaching.") as app:
        assert app.staff_dialog is not None and app.staff_dialog.isVisible()
    db = sqlite3.connect(tmp_path / "data" / "queue.sqlite3")
    rows = [json.loads(d) for (d,) in db.execute("SELECT detail FROM audit WHERE event = 'staff-notice-ack'")]
    assert len(rows) == 1 and rows[0]["sha256"] == notices.digest(shipped)
