"""Agent flows through the real TaltioApp in-process (pytest-qt): clicks on the card, dialogs, fast repeats.

No audio is needed for these: each flow ends before recording or is refused, and
the checks are on the controller's state and the local audit log.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import ExitStack

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from taltio.domain.events import CallEvent
from tests.helpers.in_process import in_process_app, local_config

pytestmark = pytest.mark.slow


@pytest.fixture
def make_app(qtbot, keyring_daemon, tmp_path):
    with ExitStack() as apps:
        def make(extra: str = ""):
            return apps.enter_context(in_process_app(tmp_path, local_config(tmp_path, extra), keyring=keyring_daemon,
                                                     acknowledge_staff_notice=True))

        yield make


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


@pytest.fixture
def make_recording_app(make_app, audio_server):
    """make_app with the private PipeWire server as the sound card, so calls really record."""
    audio_server.apply_to_process()
    yield lambda extra="": make_app('[audio]\nmic_device = "agent_mic"\nloopback_device = "softphone_out.monitor"\n'
                                    + extra)
    audio_server.restore_process()


def _manifest(qtbot, tmp_path, call_id: str) -> dict:
    qtbot.waitUntil(lambda: any((tmp_path / "store").rglob(f"{call_id}.manifest.json")), timeout=20000)
    return json.loads(next((tmp_path / "store").rglob(f"{call_id}.manifest.json")).read_text())


def test_agreement_mark_is_labelled_from_the_card(qtbot, make_recording_app, tmp_path):
    """The click fixes the moment; "Add label…" names it later; card and card numbers stay out of the label."""
    app = make_recording_app()
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-mark", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-mark"))
    qtbot.waitUntil(lambda: app.card.btn_start.isVisible() and app.card.btn_start.isEnabled())
    qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctl.view(ctl.sessions["c-mark"])["recorded_s"] > 1.0, timeout=10000)
    assert not app.card.btn_label.isVisible()                   # nothing to label yet
    qtbot.mouseClick(app.card.btn_bookmark, Qt.MouseButton.LeftButton)
    offset = ctl.sessions["c-mark"].bookmarks[-1]["offset_s"]
    app._tick()
    qtbot.waitUntil(lambda: app.card.btn_label.isVisible())
    assert app.card.mark.text().startswith("Agreement marked at 00:0")
    qtbot.wait(600)                                             # typing takes time; the mark must not move
    qtbot.mouseClick(app.card.btn_label, Qt.MouseButton.LeftButton)
    dlg = app.label_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.setTextValue("12-month contract, card 4111 1111 1111 1111")
    dlg.accept()
    qtbot.waitUntil(lambda: "12-month contract" in app.card.mark.text())
    assert "4111" not in app.card.mark.text()
    ctl.handle(CallEvent.parse("ended", call_id="c-mark"))
    doc = _manifest(qtbot, tmp_path, "c-mark")
    (bm,) = doc["bookmarks"]
    assert bm["label"] == "12-month contract, card [digits removed]"
    assert bm["offset_s"] == offset and 0.8 < offset < doc["audio"]["duration_s"]
    assert any(t["state"] == "bookmark-label" for t in doc["transitions"])


def test_labelling_after_the_call_ended_is_refused_visibly(qtbot, make_recording_app, tmp_path):
    app = make_recording_app()
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-mark2", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-mark2"))
    qtbot.waitUntil(lambda: app.card.btn_start.isEnabled())
    qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.card.btn_bookmark.isVisible())
    qtbot.mouseClick(app.card.btn_bookmark, Qt.MouseButton.LeftButton)
    app._tick()
    qtbot.waitUntil(lambda: app.card.btn_label.isVisible())
    qtbot.mouseClick(app.card.btn_label, Qt.MouseButton.LeftButton)
    ctl.handle(CallEvent.parse("ended", call_id="c-mark2"))     # the customer hung up while the agent typed
    app.label_dialog.setTextValue("too late")
    app.label_dialog.accept()
    assert "ended" in app.last_error
    doc = _manifest(qtbot, tmp_path, "c-mark2")
    assert doc["bookmarks"][0]["label"] == "agreement"


@pytest.mark.expect_log_errors("taltio.controller")   # "Not recording: ... quota" is the point
def test_full_upload_queue_with_stop_policy_records_nothing_and_says_why(qtbot, keyring_daemon, tmp_path):
    """Storage unreachable for long: the waiting calls fill the quota. Nothing waiting is deleted; with
    storage.when_queue_full = "stop" the next call is not captured, the agent is told before the notice,
    and the call's manifest records why."""
    import hashlib
    import os

    blocked = tmp_path / "store"
    blocked.write_text("a file where the share should be: every upload fails")
    config = local_config(tmp_path, store=blocked,
                          storage='queue_quota_mb = 1\nwhen_queue_full = "stop"\nretry_max_seconds = 0.5\n')
    with in_process_app(tmp_path, config, keyring=keyring_daemon, acknowledge_staff_notice=True) as app:
        ctl = app.core.controller
        old = tmp_path / "data" / "calls" / "old-call"
        old.mkdir(parents=True)
        data = os.urandom(1_200_000)
        (old / "old-call.ogg.age").write_bytes(data)
        app.core.queue.enqueue("old-call", old, "agent-7/2026/11/27",
                               [{"name": "old-call.ogg.age", "sha256": hashlib.sha256(data).hexdigest(),
                                 "size": len(data)}])
        qtbot.waitUntil(lambda: app.core.queue.status().last_error is not None, timeout=10000)
        status, text, _detail = app.compute_status()
        assert status == "warning" and "Upload queue nearly full: 1 of 1 MB" in text
        ctl.handle(CallEvent.parse("incoming", call_id="c-full", number="+358401234567"))
        ctl.handle(CallEvent.parse("answered", call_id="c-full"))
        qtbot.waitUntil(lambda: app.card.call_id == "c-full")
        assert "new calls will not be recorded" in app.card.error.text()       # told before the notice
        qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
        s = ctl.sessions["c-full"]
        assert s.outcome.value == "failed" and "quota" in (s.error or "")
        assert "c-full" not in ctl.recorders
        assert not list((tmp_path / "data" / "calls" / "c-full").glob("*.age*"))   # nothing captured
        ctl.handle(CallEvent.parse("ended", call_id="c-full"))
        assert (old / "old-call.ogg.age").read_bytes() == data                       # the waiting call is kept
        manifest = json.loads((tmp_path / "data" / "calls" / "c-full" / "manifest.json").read_text())
        assert manifest["outcome"] == "failed" and "quota" in manifest["error"]


def test_recording_switched_off_by_machine_policy(qtbot, make_app, tmp_path):
    """IT's recording.enabled = false: no card, no session, nothing captured, and the status says why."""
    app = make_app("[recording]\nenabled = false\n")
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-off", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-off"))
    qtbot.wait(200)
    assert "c-off" not in ctl.sessions and not app.card.isVisible()
    assert app.compute_status()[1] == "Recording is switched off by your organisation"
    assert not (tmp_path / "data" / "calls" / "c-off").exists()


def _choose(qtbot, menu, action) -> None:
    """Open *menu* and pick *action* with the arrow keys and Enter, as an agent without a mouse does."""
    menu.popup(menu.pos())
    qtbot.waitUntil(menu.isVisible)
    for _ in range(len(menu.actions())):
        if menu.activeAction() is action:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is action, f"'{action.text()}' cannot be reached with the keyboard"
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")      # a tray made available on the offscreen platform
def test_a_call_started_and_ended_from_the_tray_with_the_keyboard_only(qtbot, make_recording_app, tmp_path,
                                                                        monkeypatch):
    """Issue 18 point 1: a softphone Taltio cannot hear of. The agent starts the call from the tray menu, types
    the number, gives the notice (F2 on the card) and ends the call from the menu; the manifest says "manual"."""
    from taltio.ui import tray as tray_mod

    monkeypatch.setattr(tray_mod.QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    app = make_recording_app()
    view, ctl = app.view, app.core.controller
    assert not view._act_end.isEnabled()                        # nothing to end yet
    _choose(qtbot, view._menu, view._act_start)
    dlg = app.number_dialog
    qtbot.waitUntil(lambda: dlg.isVisible())
    line = dlg.findChild(QLineEdit)
    qtbot.keyClicks(line, "040 123 4567")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.agent.manual_call() is not None)
    call_id = app.agent.manual_call()
    assert call_id.startswith("manual-") and ctl.sessions[call_id].number == "0401234567"
    qtbot.waitUntil(lambda: app.card.isVisible() and app.card.call_id == call_id)
    assert view._act_end.isEnabled()
    _choose(qtbot, view._menu, view._act_card)                  # the card takes the keyboard
    qtbot.waitUntil(lambda: app.card.keyboard)
    qtbot.keyClick(app.card, Qt.Key.Key_F2)                     # the notice was read: record
    qtbot.waitUntil(lambda: ctl.view(ctl.sessions[call_id])["recorded_s"] > 1.5, timeout=10000)
    _choose(qtbot, view._menu, view._act_end)
    doc = _manifest(qtbot, tmp_path, call_id)
    assert doc["started_by"] == "manual" and doc["outcome"] == "recorded"
    assert doc["audio"]["duration_s"] > 1.0
    assert "4567" not in json.dumps(doc)                        # the number is sealed, as a softphone's is
    assert app.agent.manual_call() is None and not view._act_end.isEnabled()


def test_a_call_started_by_hand_from_the_status_window_without_a_number(qtbot, make_app):
    """No tray (the fallback window): Start call, no number, End call. The call is tracked like a softphone's
    (the card asks for the notice first), and ending it before the notice records nothing."""
    app = make_app()
    win, ctl = app.view.window, app.core.controller
    assert win is not None and not win.end_button.isEnabled()
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    app.number_dialog.accept()                                  # an empty number: the call starts all the same
    qtbot.waitUntil(lambda: app.agent.manual_call() is not None)
    call_id = app.agent.manual_call()
    s = ctl.sessions[call_id]
    assert s.number is None and s.started_by == "manual" and s.state.value == "notice_pending"
    qtbot.waitUntil(lambda: app.card.isVisible() and app.card.call_id == call_id)
    assert win.end_button.isEnabled() and app.pill._act_end.isEnabled()
    qtbot.mouseClick(win.end_button, Qt.MouseButton.LeftButton)
    assert ctl.sessions[call_id].outcome.value == "not_recorded" and app.agent.manual_call() is None
    assert not win.end_button.isEnabled() and not app.pill._act_end.isEnabled()
    app.pill._act_start.trigger()                               # the pill's right-click menu: the same two
    app.number_dialog.accept()
    qtbot.waitUntil(lambda: app.pill._act_end.isEnabled())
    second = app.agent.manual_call()
    assert second not in (None, call_id)
    app.pill._act_end.trigger()
    assert ctl.sessions[second].outcome.value == "not_recorded" and not win.end_button.isEnabled()
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    app.number_dialog.setTextValue("DROP TABLE")                # refused visibly, no call
    app.number_dialog.accept()
    assert app.agent.manual_call() is None and "number" in app.last_error


def test_an_encoder_that_cannot_start_fails_the_call_visibly(qtbot, make_recording_app, tmp_path, monkeypatch,
                                                             allow_log_errors):
    """An FFmpeg build whose libopus cannot make the two-mono layout (cannot happen with this machine's PyAV, so
    its refusal is stood in for): the encoder refuses at the call's start. The call must end up failed with the
    reason, in the manifest and on the card, not stay "recording" with nothing capturing it (EncoderError was
    not caught there)."""
    from taltio.recording import encoder

    def build_without_two_mono(_head: bytes) -> bytes:
        raise encoder.EncoderError(encoder.Text(encoder.QT_TRANSLATE_NOOP(
            "core", "libopus did not set up two uncoupled streams; this FFmpeg build cannot record the two-mono "
                    "layout (set audio.opus_layout = stereo)")))

    monkeypatch.setattr(encoder, "_as_family_1", build_without_two_mono)
    allow_log_errors("taltio.controller")         # "recording did not start": the point
    app = make_recording_app()
    ctl = app.core.controller
    ctl.handle(CallEvent.parse("incoming", call_id="c-enc", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="c-enc"))
    qtbot.waitUntil(lambda: app.card.btn_start.isVisible() and app.card.btn_start.isEnabled())
    qtbot.mouseClick(app.card.btn_start, Qt.MouseButton.LeftButton)
    s = ctl.sessions["c-enc"]
    assert s.outcome.value == "failed" and "two-mono" in s.error, (s.state, s.outcome, s.error)
    assert "c-enc" not in ctl.recorders
    qtbot.waitUntil(lambda: "two-mono" in app.card.error.text())
    assert app.compute_status()[0] == "error"
    ctl.handle(CallEvent.parse("ended", call_id="c-enc"))
    manifest = _manifest(qtbot, tmp_path, "c-enc")    # the uploader may have taken the call's folder already
    assert manifest["outcome"] == "failed" and "two uncoupled streams" in manifest["error"]
