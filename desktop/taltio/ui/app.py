"""The tray application: widgets over the Qt-free application layer (taltio.app.agent.AgentApp).

Deliberately not a QApplication subclass: state lives in AgentApp and the core, and widgets get what
they need through signals. What this module adds is presentation: the card, the tray, the pill, the
dialogs, and the status in the agent's language.
"""
from __future__ import annotations

import logging
import time

# The Qt-free layers first: once PySide6 is imported, it reads the source of every module imported after
# it (shibokensupport.feature looks for "PySide6" in it), which made start-up ~50 ms slower (benchmarks/startup.py).
from taltio import settings as settings_mod  # isort: skip
from taltio.app.agent import RECENT_OUTCOME_S, AgentApp  # isort: skip
from taltio.app.status import Facts, StatusLine, decide, next_change_s  # isort: skip
from taltio.domain import notices, texts  # isort: skip
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text  # isort: skip
from taltio.domain.events import EventError  # isort: skip
from taltio.domain.session import TransitionError  # isort: skip

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from taltio.ui import desktop_notes, dialogs, i18n, status_text
from taltio.ui.bridge import Bridge
from taltio.ui.checks_window import ChecksWindow
from taltio.ui.core_text import render, render_error
from taltio.ui.notice_card import NoticeCard
from taltio.ui.pill import StatusPill, timer_start
from taltio.ui.tray import StatusView

log = logging.getLogger("taltio.app")


class TaltioApp(QObject):
    gui_command = Signal(str)            # "show" / "quit" from the control socket, run on the GUI thread
    shortcut = Signal(str)               # a global shortcut's action, from the shortcut thread

    def __init__(self, settings: settings_mod.Settings | None = None, keystore=None, backend=None, *,
                 defer_core: bool = False) -> None:
        """*defer_core*: build the core in finish_start(), after the tray is up (what `taltio` does);
        until then the tray says "Starting" and the control socket is not open."""
        super().__init__()
        self.agent = AgentApp(settings, keystore, backend, build=not defer_core)
        self.agent.status_text = self._status_texts
        self.agent.commands.update({"show": self._cmd_gui("show"), "quit": self._cmd_gui("quit")})
        self.gui_command.connect(self._gui_command)
        self.shortcut.connect(self._shortcut)
        self.agent.shortcuts.actions = {a: (lambda a=a: self.shortcut.emit(a)) for a in ("start_call", "end_call")}
        self.bridge = Bridge()
        self._attach_core()
        # Before any widget exists, so every text is created in the agent's language.
        i18n.install(self.ui_language())
        self.card = NoticeCard(*self._notice_texts())
        self.card.action.connect(self.on_card_action)
        self.card.label_requested.connect(self._ask_label)
        self.card.language.connect(self._card_language)
        self.view = StatusView(bool(self.settings and self.settings["ui.notify_start_stop"]))
        self.pill: StatusPill | None = None
        if self.settings is None or self.settings["ui.status_pill"]:
            self.pill = StatusPill()
            self.pill.clicked.connect(self._show_card)
            self.pill.moved.connect(self._pill_moved)
            self.pill.start_call.connect(self._ask_number)
            self.pill.end_call.connect(lambda: self._manual(self.agent.end_manual_call))
            saved = self.settings["ui.pill_position"] if self.settings is not None else ""
            if saved:
                x, _, y = saved.partition(",")
                self.pill.place_at(QPoint(int(x), int(y)))
        self.view.show_card.connect(self._show_card)
        self.view.show_devices.connect(self.open_devices)
        self.view.next_private.connect(lambda: self.on_card_action("next-private", ""))
        self.view.language_chosen.connect(self.set_ui_language)
        self.view.start_call.connect(self._ask_number)
        self.view.end_call.connect(lambda: self._manual(self.agent.end_manual_call))
        self.number_dialog = None
        self.view.set_language(self.ui_language(), self._language_locked())
        self.devices_dialog = None
        self.staff_dialog = None
        self.reason_dialog = None
        self.label_dialog = None
        self.about_box = None
        self.checks_window = None
        self.view.show_checks.connect(self.open_checks)
        self.view.show_about.connect(self.show_about)
        self.view.show_preferences.connect(self.open_preferences)
        self.prefs_dialog = None
        self.view.quit_requested.connect(QApplication.quit)
        self.ipc = _control_server(self.handle_ipc, self)
        self.bridge.session_changed.connect(self._on_session)
        self.bridge.error.connect(self._on_error)
        self.bridge.queue_changed.connect(lambda _st: self.refresh())
        self.bridge.softphone_status.connect(lambda _s: self.refresh())
        # No wake-up without a reason (docs/performance.md, idle): the clock runs only while a call is up
        # (its running time, pause reminders); what changes by itself while idle (the backlog's age, the
        # "last call was private" note) gets one single-shot wake-up at the moment it changes.
        self.timer = QTimer(self)
        self.timer.setObjectName("callClock")
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._later = QTimer(self)
        self._later.setObjectName("statusChange")
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.refresh)
        self._recent_until = 0.0          # time.monotonic() when the "last call was private" note goes
        self._closed = False

    def _attach_core(self) -> None:
        """The core's listeners feed the bridge, which hands everything to the GUI thread."""
        if self.core is None:
            return
        self.core.controller.listeners.append(self.bridge.on_core)
        self.core.queue.listeners.append(self.bridge.on_queue)
        if self.core.policy is not None:
            # The network fetch runs on the policy thread; results are applied on the GUI thread.
            self.bridge.policy_changed.connect(self._apply_policy)
            self.core.policy.listeners.append(self.bridge.policy_changed.emit)
        self.adapter.on_status = self.bridge.softphone_status.emit

    def _notice_texts(self) -> tuple[dict[str, str], dict[str, str]]:
        """Notice scripts and privacy information per language, the call's language first."""
        langs = notices.LANGUAGES
        if self.settings is None:
            return {lang: notices.shipped("notice", lang) for lang in langs}, {}
        return ({lang: notices.customer_notice(self.settings, lang) for lang in langs},
                {lang: notices.privacy_info(self.settings, lang) for lang in langs})

    def _card_language(self, call_id: str, lang: str) -> None:
        try:
            self.core.controller.set_language(call_id, lang)
        except EventError as exc:
            self.card.show_error(render_error(exc))

    # -- what the application layer owns ---------------------------------------------------------
    @property
    def core(self):  # noqa: ANN201 - app.compose.Core | None
        return self.agent.core

    @property
    def settings(self) -> settings_mod.Settings | None:
        return self.agent.settings

    @property
    def adapter(self):  # noqa: ANN201 - the softphone port
        return self.agent.adapter

    @property
    def config_error(self) -> str | None:
        return self.agent.config_error

    @property
    def last_error(self) -> str:
        return self.agent.last_error

    @last_error.setter
    def last_error(self, value: str) -> None:
        self.agent.last_error = value

    def dispatch(self, *args, **kw) -> str:  # noqa: ANN002, ANN003 - AgentApp.dispatch
        return self.agent.dispatch(*args, **kw)

    def handle_ipc(self, req: dict) -> dict:
        return self.agent.handle_ipc(req)

    def status_doc(self) -> dict:
        return self.agent.status_doc()

    def _cmd_gui(self, name: str):  # noqa: ANN202
        def run(_req: dict) -> dict:
            self.gui_command.emit(name)        # queued to the GUI thread when the socket runs on its own
            return {"ok": True}
        return run

    def _gui_command(self, name: str) -> None:
        if name == "show":
            self._show_card()
        elif name == "quit":
            QTimer.singleShot(0, QApplication.quit)

    def _apply_policy(self, result) -> None:  # noqa: ANN001 - app.policy_sync.SyncResult
        """A supervisor policy changed (or was refused): the agent applies it; the widgets follow."""
        old_staff = notices.staff_notice(self.settings, self.ui_language())
        applied = self.agent.apply_policy(result)
        if applied.settings_changed:
            self.card.set_texts(*self._notice_texts())
            if notices.staff_notice(self.settings, self.ui_language()) != old_staff and self.staff_dialog is None:
                self._maybe_show_staff_notice()
        self.refresh()

    def open_preferences(self):  # noqa: ANN201 - PreferencesDialog | None
        """The agent's own choices, generated from the settings schema (ui.preferences)."""
        from taltio.ui.preferences import PreferencesDialog, focusable

        if self.settings is None:
            return None
        dlg = PreferencesDialog(self.settings)
        dlg.saved.connect(self._preferences_saved)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        focusable(dlg)
        self.prefs_dialog = dlg
        return dlg

    def _preferences_saved(self, changes: dict) -> None:
        for key, value in changes.items():
            if key == "ui.language":
                self.set_ui_language(value) if value else None
                continue
            self.settings.values[key] = value
            self.settings.origins[key] = f"user ({self.settings.user_file})"
        if {"ui.shortcut_start_call", "ui.shortcut_end_call"} & changes.keys() and self.core is not None:
            self.agent.shortcuts.configure(self.settings)
            desktop_notes.say_shortcut_problems(self.agent, self.view.notifier)
        if "ui.notify_start_stop" in changes:
            self.view.notify_start_stop = changes["ui.notify_start_stop"]
        if "ui.status_pill" in changes:
            if changes["ui.status_pill"] and self.pill is None:
                self.pill = StatusPill()
                self.pill.clicked.connect(self._show_card)
                self.pill.moved.connect(self._pill_moved)
            elif not changes["ui.status_pill"] and self.pill is not None:
                self.pill.close()
                self.pill = None
        self.refresh()

    def show_about(self) -> None:
        """Version, the policies in force and any refused one: what a supervisor or IT asks the agent for."""
        versions = self.core.controller.policy_versions if self.core else {}
        self.about_box = dialogs.about_box(versions, self._policy_note(),
                                           self.settings.machine_source if self.settings is not None else None)

    def open_checks(self) -> ChecksWindow:
        """"Check this computer…": the doctor's checks, translated; one window, brought forward if open."""
        if self.checks_window is None or not shiboken6.isValid(self.checks_window):
            self.checks_window = ChecksWindow(softphone_status=lambda: self.agent.adapter.status)
        self.checks_window.show()
        self.checks_window.raise_()
        self.checks_window.activateWindow()
        self.checks_window.start()
        return self.checks_window

    def _watch_network(self) -> None:
        """Try the uploads at once when the network comes back (wake from sleep, new Wi-Fi, VPN up).

        The queue retries on its own within storage.retry_max_seconds; this only matters when IT
        set that long. QNetworkInformation has a backend per OS (NetworkManager on Linux); where
        none loads, the retries still come.
        """
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                log.info("no network-status backend; uploads retry every %.0f s at most",
                         self.settings["storage.retry_max_seconds"])
                return
            info = QNetworkInformation.instance()
            online = QNetworkInformation.Reachability.Online
            info.reachabilityChanged.connect(lambda r: r == online and self.core and self.core.queue.kick())
        except Exception:  # noqa: BLE001 - an optional nicety; never keeps Taltio from starting
            log.debug("network-status watch unavailable", exc_info=True)

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> None:
        if self.agent.starting:
            self.refresh()            # the tray and the pill say "Starting"; finish_start() does the rest
            return
        self._start_core()

    def finish_start(self) -> None:
        """The deferred half of a start: build the core, then start it as start() would have. An error
        no one foresaw is shown as a configuration problem, never left as a tray that says "Starting"."""
        if self._closed or not self.agent.starting:
            return
        try:
            self.agent.build_core()
        except Exception as exc:  # noqa: BLE001 - the tray must say why nothing is recorded
            log.exception("cannot start recording")
            self.agent.config_error = Text(QT_TRANSLATE_NOOP("core", "cannot start recording: {error}"),
                                           error=f"{type(exc).__name__}: {exc}")
        self._attach_core()
        self._start_core()

    def _start_core(self) -> None:
        self.ipc.listen()
        self.agent.start()
        if self.core:
            self._watch_network()
            desktop_notes.say_auto_pause_unavailable(self.agent, self.view.notifier)
            desktop_notes.say_shortcut_problems(self.agent, self.view.notifier)
        self.refresh()                 # starts the clock if a recovered or early call is already up
        self._maybe_show_staff_notice()

    def ui_language(self) -> str:
        chosen = self.settings["ui.language"] if self.settings else ""
        return chosen or i18n.system_language()

    def _language_locked(self) -> bool:
        return self.settings is not None and settings_mod.locked(self.settings, "ui.language")

    def set_ui_language(self, code: str) -> None:
        """The agent picked the language of Taltio's screens: remember it and switch now."""
        if code not in i18n.LANGUAGES:
            return
        if self._language_locked():
            self.view.set_language(self.ui_language(), True)
            self.view.notifier.notify("Taltio", self.tr("Your organisation has set the language of Taltio; "
                                                        "it cannot be changed here."))
            return
        if self.settings is not None and self.settings["ui.language"] == code and i18n.current() == code:
            return
        try:
            settings_mod.save_user({"ui.language": code}, self.settings.user_file if self.settings else None)
        except (settings_mod.ConfigError, OSError) as exc:
            # Still switch for this session; say why it will not last.
            log.warning("could not save the UI language: %s", exc)
            self.view.notifier.notify("Taltio", self.tr("The language could not be saved: {error}").format(
                error=render_error(exc)))
        if self.settings is not None:
            self.settings.values["ui.language"] = code
        # Widgets retranslate on the LanguageChange event; the status texts are computed here.
        i18n.install(code)
        self.view.set_language(code, False)
        if self.reason_dialog is not None and not dialogs.reason_texts(self.reason_dialog):
            self.reason_dialog = None
        self._reopen_staff_notice()
        self.refresh()

    def _reopen_staff_notice(self) -> None:
        """Not yet acknowledged: show the staff notice again, in the new language (acknowledged in that one)."""
        if self.staff_dialog is None or not self.staff_dialog.isVisible():
            return
        self.staff_dialog.close()
        self.staff_dialog = None
        self._maybe_show_staff_notice()

    def _maybe_show_staff_notice(self) -> None:
        """First run, or the organisation changed the text: show it until the agent acknowledges it."""
        if self.core is None:
            return
        from taltio.ui.staff_notice import StaffNoticeDialog

        lang = self.ui_language()
        text = notices.staff_notice(self.settings, lang)
        sha = notices.digest(text)
        if not self.core.controller.staff_notice_needed(sha):
            return
        self.staff_dialog = StaffNoticeDialog(text, sha, lang)
        self.staff_dialog.acknowledged.connect(self.core.controller.staff_notice_acknowledged)
        self.staff_dialog.show()

    def shutdown(self) -> None:
        # First: a core thread's last signal may still be queued for the GUI thread, and a refresh after this
        # would show the pill again and start a wake-up timer for an app that is gone.
        self._closed = True
        self.timer.stop()
        self._later.stop()
        self.agent.shutdown()
        self.ipc.close()
        self.card.close()
        self.view.close()
        if self.pill is not None:
            self.pill.close()
        if self.staff_dialog is not None:
            self.staff_dialog.close()
        if self.checks_window is not None and shiboken6.isValid(self.checks_window):
            self.checks_window.close()
        i18n.uninstall()

    # -- events --------------------------------------------------------------
    def on_card_action(self, event: str, call_id: str, label: str | None = None) -> None:
        if event in ("private", "next-private") and label is None and self.core \
                and self.core.controller.rules.private_reason_required:
            self._ask_reason(event, call_id)
            return
        try:
            # Cleared first: what the action itself brings (a call that could not start) must stay on the card.
            self.card.show_error("")
            self.dispatch(event, call_id, label=label)
        except (EventError, TransitionError) as exc:
            if call_id:
                self.card.show_error(render_error(exc))
            else:                    # from the tray (next call private): show it in the status
                self.last_error = texts.message(exc)      # kept as raised: rendered (translated) when shown
                self.refresh()

    def _ask_reason(self, event: str, call_id: str) -> None:
        """The organisation wants a reason for private calls: ask for one line (this window may take focus)."""
        self.reason_dialog = dialogs.reason_dialog(lambda text: self.on_card_action(event, call_id, text))

    def _ask_number(self) -> None:
        """"Start call": the agent chose it, so this dialog may take focus."""
        self.number_dialog = dialogs.number_dialog(lambda text: self._manual(self.agent.start_manual_call, text))

    def _manual(self, action, *args) -> None:  # noqa: ANN001, ANN002 - an AgentApp manual-call method
        """Start or end a call by hand; a refusal (a bad number, recording off) shows in the status."""
        try:
            action(*args)
            self.last_error = ""
        except (EventError, TransitionError) as exc:
            self.last_error = texts.message(exc)
        self.refresh()

    def _shortcut(self, action: str) -> None:
        """Start call… or End call from a global shortcut: the same as the menu item (a second press of Start
        call while its dialog is open brings that dialog forward instead of opening another)."""
        if action == "end_call":
            self._manual(self.agent.end_manual_call)
        elif action == "start_call":
            dlg = self.number_dialog
            if dlg is not None and shiboken6.isValid(dlg) and dlg.isVisible():
                dlg.raise_()
                dlg.activateWindow()
            else:
                self._ask_number()

    def _ask_label(self, call_id: str) -> None:
        """Name the last agreement mark: the agent opened this on purpose, so this dialog may take focus."""
        self.label_dialog = dialogs.label_dialog(lambda text: self._label_mark(call_id, text))

    def _label_mark(self, call_id: str, text: str) -> None:
        try:
            self.core.controller.label_bookmark(call_id, text)
            self.card.show_error("")
        except (EventError, TransitionError) as exc:
            self.last_error = texts.message(exc)
            if self.card.call_id == call_id:
                self.card.show_error(render(self.last_error))
            self.refresh()

    # -- presentation ----------------------------------------------------------
    def _on_session(self, view: dict) -> None:
        if view["state"] == "ended":
            self._note_outcome(view["outcome"])
            if self.card.call_id == view["call_id"]:
                self.card.close_call()
        elif view["outcome"] in ("private", "declined"):
            self._note_outcome(view["outcome"])
            self.card.show_call(view)
            self.card.hide()
        else:
            self.card.show_call(view)
            shown = [render(w) for w in view.get("warnings", [])]
            if view["outcome"] == "failed" and view.get("error"):
                shown.insert(0, render(view["error"]))     # why this call is not recorded, while it lasts
            behind = self.core.controller.backlog_warning() if self.core else None
            if behind is not None and view["state"] in ("ringing", "notice_pending"):
                shown.append(render(behind))      # before the notice: whether this call will be recorded
            self.card.show_error("\n".join(shown))
        self.refresh()

    def _on_error(self, message: object) -> None:
        """The core's error, a Text as raised: kept so, it is shown again in a language chosen later."""
        self.last_error = message
        if self.card.isVisible():
            self.card.show_error(render(message))
        self.refresh()

    def open_devices(self):
        from taltio.ui.devices_dialog import DevicesDialog

        if self.core is None:
            return None
        softphone = self.settings["softphone.process_name"] or \
            ("baresip" if self.settings["softphone.adapter"] == "baresip" else None)
        dlg = DevicesDialog(self.core.backend, self.settings, softphone)
        dlg.saved.connect(self._devices_saved)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self.devices_dialog = dlg
        return dlg

    def _devices_saved(self, updates: dict) -> None:
        self.settings.values.update(updates)
        s = self.settings
        self.core.controller.set_devices(s["audio.mic_device"], s["audio.loopback_device"],
                                         s["audio.mic_fallback_device"], s["audio.loopback_fallback_device"])
        log.info("audio devices chosen: %s", ", ".join(f"{k.split('.')[1]}={v or '-'}" for k, v in updates.items()))

    def _note_outcome(self, outcome: str) -> None:
        """The status says how the call ended for RECENT_OUTCOME_S; refresh() wakes up once when that ends."""
        self.agent.note_outcome(outcome)
        self._recent_until = time.monotonic() + RECENT_OUTCOME_S

    def _pill_moved(self, pos: QPoint) -> None:
        """Remember where the agent put the pill (their own choice, like the UI language)."""
        value = f"{pos.x()},{pos.y()}"
        if self.settings is None or self.settings["ui.pill_position"] == value:
            return
        try:
            settings_mod.save_user({"ui.pill_position": value}, self.settings.user_file)
            self.settings.values["ui.pill_position"] = value
        except (settings_mod.ConfigError, OSError) as exc:
            log.warning("could not save the pill position: %s", exc)

    def _show_card(self) -> None:
        """The agent asked for the card: show it and give it the keyboard (see NoticeCard.take_keyboard)."""
        view = self.agent.current_view()
        if view is not None:
            self.card.show_call(view)
            self.card.take_keyboard()

    def _tick(self) -> None:
        self.agent.tick()
        view = self.agent.current_view()
        if view is not None and self.card.isVisible() and self.card.call_id == view.call_id:
            self.card.show_call(view)
        self.refresh()

    def compute_status(self) -> tuple[str, str, str]:
        """(status, text, detail) in the UI language: the application layer decides, this translates."""
        line = self.agent.status()
        text, detail = self._status_texts(line)
        return line.status, text, detail

    def _policy_note(self) -> str:
        return status_text.policy_note(self.agent.policy)

    def _status_texts(self, line: StatusLine) -> tuple[str, str]:
        return status_text.texts(line)

    def refresh(self) -> None:
        """Show the status now and plan the next wake-up (none while idle and nothing will change)."""
        if self._closed:
            return
        facts = self.agent.facts()
        line = decide(facts)
        text, detail = self._status_texts(line)
        self.view.set_status(line.status, text, detail)
        manual = self.agent.manual_call() is not None
        self.view.set_manual_call(manual)
        if self.pill is not None:
            self.pill.set_status(line.status, text, timer_start(line.status, facts.view))
            self.pill.set_manual_call(manual)
            if not self.pill.isVisible():
                self.pill.show()
        self._plan(facts)

    def _plan(self, facts: Facts) -> None:
        """The clock while a call is up; otherwise at most one single-shot wake-up, when the status would
        change by itself (app.status.next_change_s, the end of the "last call" note), or none at all."""
        if facts.view is not None:
            self._later.stop()
            if not self.timer.isActive():
                self.timer.start()
            return
        self.timer.stop()
        delays = [d for d in (next_change_s(facts), self._recent_until - time.monotonic()) if d is not None and d > 0]
        if delays:
            # Just after the change (a little late beats a second wake-up a little early).
            self._later.start(int(min(delays) * 1000) + 20)
        else:
            self._later.stop()


def _control_server(handler, parent: QObject):  # noqa: ANN001, ANN202 - ControlServer | IPCServer
    """The control socket: app.control's (threads, no Qt) where Python has unix sockets; QLocalServer's named
    pipe on Windows. Both speak the same protocol (app.control.handle_line) and keep to the same limits."""
    import socket

    if hasattr(socket, "AF_UNIX"):
        from taltio.app.control import ControlServer

        return ControlServer(handler)
    # QtNetwork is loaded only where it is used (Windows).
    from taltio.ui.ipc_server import IPCServer

    return IPCServer(handler, parent)
