"""Every error class the agent can meet, seen in Finnish and in Swedish (issue 18 point 3).

One real TaltioApp in this process per language, with real parts behind it: the private PipeWire server as
the sound card (its microphone is unplugged mid-call), an S3 endpoint nobody listens on (storage down, so
the upload queue fills its quota), and a supervisor policy whose body was changed after signing. Each time
the agent's screens change, everything they show is collected: the status window, the status pill, the
notice card and the desktop notifications. The test fails on any English in it (tests/helpers/untranslated.py).
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from taltio.domain.events import CallEvent
from tests.helpers.app_proc import org_keypair
from tests.helpers.error_states import S3_KEY_ID, S3_SECRET, error_config, fill_queue
from tests.helpers.in_process import in_process_app
from tests.helpers.untranslated import Checker, compile_translations, widget_texts

pytestmark = pytest.mark.slow

NEUTRAL = ["agent_mic", "softphone_out.monitor", "softphone_out", S3_KEY_ID, "Taltio", "S3"]


@pytest.fixture(scope="module")
def qm(tmp_path_factory):
    return compile_translations(tmp_path_factory.mktemp("qm"))


class Screens:
    """Everything the agent is shown, collected at each step (where -> text)."""

    def __init__(self, app) -> None:  # noqa: ANN001 - TaltioApp
        self.app = app
        self.seen: dict[str, str] = {}
        self.statuses: list[tuple[str, str]] = []
        notify = app.view.notifier.notify

        def recorded(title: str, body: str, urgent: bool = False) -> None:
            self.seen[f"notification {len(self.seen)}"] = body
            notify(title, body, urgent)

        app.view.notifier.notify = recorded

    def look(self, step: str) -> None:
        app = self.app
        app.refresh()
        status, text, detail = app.compute_status()
        self.statuses.append((step, status))
        self.seen[f"{step}/status"] = text
        if detail:
            self.seen[f"{step}/detail"] = detail
        for name, widget in (("window", app.view.window), ("pill", app.pill), ("card", app.card)):
            if widget is not None:
                self.seen.update(widget_texts(widget, f"{step}/{name}"))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_error_class_reaches_the_agent_translated(qtbot, keyring_daemon, audio_server, qm, tmp_path,
                                                        monkeypatch, allow_log_errors, lang):
    from taltio.ui import i18n

    allow_log_errors("taltio")                    # storage down, a refused policy: logged as errors, by design
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm)
    config = error_config(tmp_path, lang, org_keypair(tmp_path)[1])
    with in_process_app(tmp_path, config, keyring=keyring_daemon, audio=audio_server,
                        acknowledge_staff_notice=True, TALTIO_S3_SECRET=S3_SECRET) as app:
        assert i18n.current() == lang
        screens = Screens(app)
        ctl = app.core.controller

        # A bad policy: refused, the last good settings (the machine's) stay; the agent is told.
        qtbot.waitUntil(lambda: app.agent.policy.refusal is not None, timeout=15000)
        screens.look("bad-policy")

        # A device lost mid-call.
        ctl.handle(CallEvent.parse("incoming", call_id="c-lost", number="+358401234567"))
        ctl.handle(CallEvent.parse("answered", call_id="c-lost"))
        qtbot.waitUntil(lambda: app.card.call_id == "c-lost")
        screens.look("notice")
        ctl.handle(CallEvent.parse("notice-given", call_id="c-lost"))
        qtbot.waitUntil(lambda: ctl.view(ctl.sessions["c-lost"])["recorded_s"] > 1.0, timeout=10000)
        args = audio_server.unload("source_name=agent_mic")
        try:
            qtbot.waitUntil(lambda: bool(ctl.view(ctl.sessions["c-lost"])["warnings"]), timeout=5000)
            screens.look("device-lost")
        finally:
            audio_server.load("module-remap-source", args)
        ctl.handle(CallEvent.parse("ended", call_id="c-lost"))

        # Storage down: the call waits, the upload error is shown.
        qtbot.waitUntil(lambda: app.core.queue.status().last_error is not None, timeout=15000)
        screens.look("storage-down")

        # The queue fills its quota while storage stays down: the next call is not recorded, and says why.
        fill_queue(app, tmp_path / "data")
        qtbot.waitUntil(lambda: app.core.queue.status().pending_bytes >= 2**20, timeout=5000)
        screens.look("queue-full")
        ctl.handle(CallEvent.parse("incoming", call_id="c-full", number="+358401234567"))
        ctl.handle(CallEvent.parse("answered", call_id="c-full"))
        qtbot.waitUntil(lambda: app.card.call_id == "c-full")
        screens.look("queue-full-call")
        ctl.handle(CallEvent.parse("notice-given", call_id="c-full"))
        qtbot.waitUntil(lambda: ctl.sessions["c-full"].outcome.value == "failed")
        screens.look("queue-full-refused")
        ctl.handle(CallEvent.parse("ended", call_id="c-full"))
        screens.look("after")

    print("\n".join(f"{k}: {v}" for k, v in screens.seen.items()))
    kinds = dict(screens.statuses)
    assert kinds["device-lost"] == "warning" and kinds["queue-full-refused"] == "error", screens.statuses
    assert any(k.startswith("storage-down/detail") for k in screens.seen), "the upload error is not shown"
    assert screens.seen.get("queue-full-refused/card/error"), "the card does not say why the call is not recorded"
    assert screens.seen["queue-full-refused/card/status"].startswith("✖"), screens.seen["queue-full-refused/card/status"]
    problems = Checker(lang, NEUTRAL).problems(screens.seen)
    assert not problems, f"English on the agent's screens in {lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_check_this_computer_speaks_the_agents_language(qtbot, keyring_daemon, audio_server, qm, tmp_path,
                                                        monkeypatch, allow_log_errors, lang):
    """The doctor's checks from the tray (storage down, so one fails): every line in fi/sv, and "Copy for IT"
    gives the English lines `taltio doctor` prints."""
    from PySide6.QtWidgets import QApplication

    from taltio.ui import i18n

    allow_log_errors("taltio")
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm)
    cfg = tmp_path / "taltio.toml"
    cfg.write_text(error_config(tmp_path, lang, org_keypair(tmp_path)[1]))
    with in_process_app(tmp_path, cfg, keyring=keyring_daemon, audio=audio_server, acknowledge_staff_notice=True,
                        TALTIO_S3_SECRET=S3_SECRET, TALTIO_CONFIG=str(cfg)) as app:
        qtbot.mouseClick(app.view.window.checks_button, Qt.MouseButton.LeftButton)
        win = app.checks_window
        qtbot.waitUntil(lambda: bool(win.results), timeout=30000)
        names = {str(n): s for s, n, _d in win.results}
        assert names["storage"] == "FAIL" and names["keyring"] == "ok" and names["microphone"] == "ok", win.results
        seen = widget_texts(win, "checks")
        print("\n".join(f"{k}: {v}" for k, v in seen.items()))
        # The audio server's own name for the loopback device is outside input, like any device name.
        problems = Checker(lang, NEUTRAL + ["Monitor of softphone_out", "pulse", "id"]).problems(seen)
        assert not problems, f"English in the checks window in {lang}:\n" + "\n".join(problems)
        qtbot.mouseClick(win.copy, Qt.MouseButton.LeftButton)
        report = QApplication.clipboard().text()
        assert "[FAIL] storage " in report and "storage unreachable at http://127.0.0.1:" in report, report
