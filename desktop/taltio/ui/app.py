"""The tray application: wires the core, the softphone adapter, the IPC server and the widgets.

Deliberately not a QApplication subclass: state lives in TaltioApp and the
core, and widgets get what they need through signals.
"""
from __future__ import annotations

import logging
import logging.handlers
import signal
import sys
import time

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from taltio import __version__
from taltio.adapters.softphone.baresip import BaresipAdapter
from taltio.adapters.softphone.hook import HookAdapter
from taltio.adapters.softphone.base import SoftphoneAdapter
from taltio.domain import notices
from taltio import settings as settings_mod
from taltio.app.config import load_settings
from taltio.domain import sshsig
from taltio.domain.events import CallEvent, EventError, parse_iso
from taltio.domain.session import TransitionError
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.ui import i18n
from taltio.ui.bridge import Bridge
from taltio.ui.core_text import render, render_error
from taltio.ui.ipc_server import IPCServer
from taltio.ui.notice_card import NoticeCard
from taltio.ui.pill import StatusPill
from taltio.ui.tray import StatusView

log = logging.getLogger("taltio.app")

RECENT_OUTCOME_S = 8.0


class TaltioApp(QObject):
    def __init__(self, settings: settings_mod.Settings | None = None, keystore=None, backend=None) -> None:
        super().__init__()
        self.config_error: str | None = None
        self.core = None
        self.adapter: SoftphoneAdapter = HookAdapter()
        self.bridge = Bridge()
        self._recent: tuple[str, float] | None = None
        self.last_error = ""
        self.policy_note = ""               # a refused supervisor policy, shown subtly in the status detail
        self._refused: dict[tuple[str, str], int] = {}     # refused `taltio hook` kinds -> count (logged once)
        try:
            self.settings = settings or load_settings()
        except settings_mod.ConfigError as exc:
            self.settings = None
            self.config_error = str(exc)
        saved_policy = self._saved_policy()
        if self.settings is not None:
            self._build_core(keystore, backend)
            if self.core is not None and saved_policy is not None:
                self.core.controller.policy_versions = dict(saved_policy.versions)
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
            saved = self.settings["ui.pill_position"] if self.settings is not None else ""
            if saved:
                x, _, y = saved.partition(",")
                self.pill.place_at(QPoint(int(x), int(y)))
        self.view.show_card.connect(self._show_card)
        self.view.show_devices.connect(self.open_devices)
        self.view.next_private.connect(lambda: self.on_card_action("next-private", ""))
        self.view.language_chosen.connect(self.set_ui_language)
        self.view.set_language(self.ui_language(), self._language_locked())
        self.devices_dialog = None
        self.staff_dialog = None
        self.reason_dialog = None
        self.label_dialog = None
        self.about_box = None
        self.view.show_about.connect(self.show_about)
        self.view.show_preferences.connect(self.open_preferences)
        self.prefs_dialog = None
        self.view.quit_requested.connect(QApplication.quit)
        self.ipc = IPCServer(self.handle_ipc, self)
        self.bridge.session_changed.connect(self._on_session)
        self.bridge.error.connect(self._on_error)
        self.bridge.queue_changed.connect(lambda _st: self.refresh())
        self.bridge.softphone_status.connect(lambda _s: self.refresh())
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def _saved_policy(self):  # noqa: ANN202 - SyncResult | None
        """The last good supervisor policy (saved on this computer, verified again) applies from the very
        start, before any widget or call: the network fetch follows on the policy thread."""
        if self.settings is None or not self.settings["policy.allowed_signers"]:
            return None
        from taltio.app import paths
        from taltio.app.compose import make_policy_sync, settings_with_policy

        try:
            result = make_policy_sync(self.settings, None, paths.data_dir()).current()
            if result.versions:
                self.settings = settings_with_policy(self.settings, result)
            return result
        except (settings_mod.ConfigError, OSError) as exc:
            log.error("the saved supervisor policy cannot be applied: %s", exc)
            return None

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
            self.card.show_error(str(exc))

    def _build_core(self, keystore, backend) -> None:
        from taltio.domain.ports import KeystoreError
        from taltio.domain.ports import StorageError
        from taltio.app import compose as app_core
        from taltio.domain.identity import RecipientError

        try:
            self.core = app_core.build(self.settings, keystore, backend)
        except (RecipientError, KeystoreError, StorageError, ValueError, OSError) as exc:
            self.config_error = str(exc)
            log.error("cannot start recording: %s", exc)
            return
        self.core.controller.listeners.append(self.bridge.on_core)
        self.core.queue.listeners.append(self.bridge.on_queue)
        if self.core.policy is not None:
            # The last good policy (saved, verified again) applies before the first call; the
            # network fetch follows on the policy thread.
            self.bridge.policy_changed.connect(self._apply_policy)
            self.core.policy.listeners.append(self.bridge.policy_changed.emit)
        if self.settings["softphone.adapter"] == "baresip":
            self.adapter = BaresipAdapter(self.settings["softphone.address"])
        elif self.settings["softphone.adapter"] == "bria":
            from taltio.adapters.softphone.bria import BriaAdapter
            self.adapter = BriaAdapter.from_address(self.settings["softphone.address"])
        elif self.settings["softphone.adapter"] == "linphone":
            from taltio.adapters.softphone.linphone import LinphoneAdapter
            self.adapter = LinphoneAdapter.from_address(self.settings["softphone.address"])
        self.adapter.on_status = self.bridge.softphone_status.emit

    def _apply_policy(self, result) -> None:  # noqa: ANN001 - core.policy_sync.SyncResult
        """A supervisor policy changed (or was refused): apply it from the next call, without a restart."""
        import json

        from taltio.app.compose import settings_with_policy

        ctl = self.core.controller
        for target, reason, message in result.rejections:
            # Into the local audit log (and, through the controller, the next heartbeat).
            self.core.queue.audit("-", "policy-rejected", json.dumps({"target": target, "reason": reason,
                                                                     "message": str(message)}))
        ctl.policy_rejections = [{"target": t, "reason": r, "message": str(m)} for t, (r, m) in result.standing.items()]
        self.policy_note = render(next(iter(result.standing.values()))[1]) if result.standing else ""
        if not self.policy_note and result.expired:
            # It stays in force (better than none), but the supervisor should publish a new version.
            self.policy_note = self.tr("the policy {targets} has expired; it stays in force until a new version "
                                       "is published").format(targets=", ".join(result.expired))
        if result.changed:
            try:
                new = settings_with_policy(self.settings, result)
            except settings_mod.ConfigError as exc:
                # core.policy checked every value; this is the schema disagreeing with itself. Keep what runs.
                log.error("supervisor policy not applied: %s", exc)
                self.policy_note = str(exc)
            else:
                old_staff = notices.staff_notice(self.settings, self.ui_language())
                self.settings = new
                self.core.settings = new
                ctl.apply_settings(new, result.versions)
                self.card.set_texts(*self._notice_texts())
                if notices.staff_notice(new, self.ui_language()) != old_staff and self.staff_dialog is None:
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
        from PySide6.QtWidgets import QMessageBox

        versions = self.core.controller.policy_versions if self.core else {}
        policy = ", ".join(f"{t} v{v}" for t, v in versions.items()) or self.tr("none")
        lines = [self.tr("Taltio {version}").format(version=__version__),
                 self.tr("Supervisor policy in force: {policy}").format(policy=policy)]
        if self.policy_note:
            lines.append(self.tr("Refused: {reason}").format(reason=self.policy_note))
        if self.settings is not None:
            lines.append(self.tr("Machine policy: {source}").format(
                source=self.settings.machine_source or self.tr("none")))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Taltio"), "\n".join(lines))
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.about_box = box

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
        self.ipc.listen()
        if self.core:
            from taltio.recording.recovery import recover

            recovered = recover(self.core.controller)
            if recovered:
                log.warning("recovered %d call(s) from the last run", len(recovered))
            self.core.queue.start()
            if self.core.policy is not None:
                self.core.policy.start()
            self._watch_network()
            self.adapter.start(self._adapter_event)
        self.timer.start()
        self.refresh()
        self._maybe_show_staff_notice()
        log.info("Taltio %s started%s", __version__, " (standalone)" if self.core and self.core.standalone else "")

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
            self.view.notifier.notify("Taltio", self.tr("The language could not be saved: {error}").format(error=exc))
        if self.settings is not None:
            self.settings.values["ui.language"] = code
        # Widgets retranslate on the LanguageChange event; the status texts are computed here.
        i18n.install(code)
        self.view.set_language(code, False)
        if self.reason_dialog is not None:
            self._reason_texts(self.reason_dialog)
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
        self.timer.stop()
        self.adapter.stop()
        if self.core:
            self.core.controller.shutdown()
            if self.core.heartbeat is not None:
                self.core.heartbeat.stop()
            if self.core.policy is not None:
                self.core.policy.stop()
            self.core.queue.stop()
        self.ipc.close()
        self.card.close()
        self.view.close()
        if self.pill is not None:
            self.pill.close()
        if self.staff_dialog is not None:
            self.staff_dialog.close()
        i18n.uninstall()

    # -- events --------------------------------------------------------------
    def _adapter_event(self, ev: CallEvent) -> None:
        """From the adapter thread; the controller is thread-safe."""
        try:
            self.core.controller.handle(ev)
        except (EventError, TransitionError) as exc:
            self.core.controller.error(f"softphone event ignored: {exc}")

    def dispatch(self, event: str, call_id: str | None = None, number: str | None = None,
                 label: str | None = None, queue: str | None = None, display_name: str | None = None) -> str:
        if self.core is None:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "Taltio cannot record: {problem}"),
                                  problem=self.config_error))
        return self.core.controller.handle(CallEvent.parse(event, call_id=call_id, number=number, label=label,
                                                           queue=queue, display_name=display_name))

    def on_card_action(self, event: str, call_id: str, label: str | None = None) -> None:
        if event in ("private", "next-private") and label is None and self.core \
                and self.core.controller.rules.private_reason_required:
            self._ask_reason(event, call_id)
            return
        try:
            self.dispatch(event, call_id, label=label)
            self.card.show_error("")
        except (EventError, TransitionError) as exc:
            if call_id:
                self.card.show_error(render_error(exc))
            else:                    # from the tray (next call private): show it in the status
                self.last_error = render_error(exc)
                self.refresh()

    def _ask_reason(self, event: str, call_id: str) -> None:
        """The organisation wants a reason for private calls: ask for one line (this window may take focus)."""
        from PySide6.QtWidgets import QInputDialog

        dlg = QInputDialog()
        dlg.setObjectName("privateReason")
        self._reason_texts(dlg)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.textValueSelected.connect(lambda text: self.on_card_action(event, call_id, text.strip() or ""))
        dlg.open()
        self.reason_dialog = dlg

    def _ask_label(self, call_id: str) -> None:
        """Name the last agreement mark: the agent opened this on purpose, so this dialog may take focus."""
        from PySide6.QtWidgets import QInputDialog

        dlg = QInputDialog()
        dlg.setObjectName("bookmarkLabel")
        dlg.setWindowTitle(self.tr("Agreement mark"))
        dlg.setLabelText(self.tr("What was agreed? (a few words; no card or customer numbers)"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.textValueSelected.connect(lambda text: self._label_mark(call_id, text))
        dlg.open()
        self.label_dialog = dlg

    def _label_mark(self, call_id: str, text: str) -> None:
        try:
            self.core.controller.label_bookmark(call_id, text)
            self.card.show_error("")
        except (EventError, TransitionError) as exc:
            self.last_error = render_error(exc)
            if self.card.call_id == call_id:
                self.card.show_error(self.last_error)
            self.refresh()

    def _reason_texts(self, dlg) -> None:
        try:
            dlg.setWindowTitle(self.tr("Private call"))
            dlg.setLabelText(self.tr("Why is this call private? (kept in the local log, never any audio)"))
        except RuntimeError:          # closed (deleted) already
            self.reason_dialog = None

    def handle_ipc(self, req: dict) -> dict:
        cmd = req.get("cmd")
        if cmd == "hook":
            event = req.get("event")
            if not isinstance(event, str):
                return {"ok": False, "error": "hook request without an event"}
            try:
                call_id = self.dispatch(event, req.get("call_id"), req.get("number"), req.get("label"),
                                        req.get("queue"), req.get("display_name"))
            except (EventError, TransitionError) as exc:
                self._log_refused(event, exc)
                return {"ok": False, "error": str(exc)}
            return {"ok": True, "call_id": call_id}
        if cmd == "status":
            return {"ok": True, **self.status_doc()}
        if cmd == "show":
            self._show_card()
            return {"ok": True}
        if cmd == "quit":
            QTimer.singleShot(0, QApplication.quit)
            return {"ok": True}
        return {"ok": False, "error": f"unknown command '{str(cmd)[:40]}'"}

    def _log_refused(self, event: str, exc: Exception) -> None:
        """A refused `taltio hook` is logged once per kind (event and reason), then only counted: a
        misconfigured softphone repeats the same mistake on every call."""
        def shown(s: str) -> str:
            return "".join(c if c.isprintable() else "?" for c in s[:200])

        reason = exc.args[0] if exc.args else exc
        kind = (shown(event[:40]), getattr(reason, "template", type(exc).__name__))
        self._refused[kind] = self._refused.get(kind, 0) + 1
        if self._refused[kind] == 1:
            log.warning("hook '%s' refused: %s (logged once; later ones are counted)", kind[0], shown(str(exc)))
    def status_doc(self) -> dict:
        status, text, detail = self.compute_status()
        doc = {"status": status, "text": text, "detail": detail, "version": __version__,
               "softphone": self.adapter.status, "config_error": self.config_error}
        if self.core:
            doc.update(self.core.controller.snapshot())
            doc["standalone"] = self.core.standalone
            doc["storage"] = self.core.target.describe()
            doc["agent_id"] = self.core.settings.agent_id
            doc["workstation_key"] = sshsig.public_openssh(self.core.controller.key.public_key())
        return doc

    # -- presentation ----------------------------------------------------------
    def _on_session(self, view: dict) -> None:
        if view["state"] == "ended":
            self._recent = (view["outcome"], time.monotonic())
            if self.card.call_id == view["call_id"]:
                self.card.close_call()
        elif view["outcome"] in ("private", "declined"):
            self._recent = (view["outcome"], time.monotonic())
            self.card.show_call(view)
            self.card.hide()
        else:
            self.card.show_call(view)
            shown = [render(w) for w in view.get("warnings", [])]
            behind = self.core.controller.backlog_warning() if self.core else None
            if behind is not None and view["state"] in ("ringing", "notice_pending"):
                shown.append(render(behind))      # before the notice: whether this call will be recorded
            self.card.show_error("\n".join(shown))
        self.refresh()

    def _on_error(self, message: str) -> None:
        self.last_error = message
        if self.card.isVisible():
            self.card.show_error(message)
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
        cur = self.core.controller.current() if self.core else None
        if cur:
            self.card.show_call(self.core.controller.view(cur))
            self.card.take_keyboard()

    def _tick(self) -> None:
        if self.core:
            self.core.controller.tick()
        cur = self.core.controller.current() if self.core else None
        if cur and self.card.isVisible() and self.card.call_id == cur.call_id:
            self.card.show_call(self.core.controller.view(cur))
        self.refresh()

    def _softphone_note(self) -> str:
        """The softphone connection when it is not fine, e.g. "softphone: baresip at … unreachable; retrying".
        The adapter's own words stay as they are (IT reads them), like storage errors."""
        st = self.adapter.status or ""
        if isinstance(self.adapter, HookAdapter) or st.startswith("connected") or st in ("not started", "stopped"):
            return ""
        return self.tr("softphone: {state}").format(state=st)

    def compute_status(self) -> tuple[str, str, str]:
        """(status, text, detail) in the UI language; the core's warnings too (core.texts.Text)."""
        if self.config_error:
            return "error", self.tr("Not recording: configuration problem"), self.config_error
        ctl = self.core.controller
        if not ctl.rules.enabled and ctl.current() is None:
            return "idle", self.tr("Recording is switched off by your organisation"), ""
        cur = ctl.current()
        q = self.core.queue.status()
        backlog = ""
        if q.pending:
            age = int(q.oldest_age_s or 0)
            backlog = self.tr("%n recording(s) waiting for upload", "", q.pending) + " " + \
                self.tr("(oldest {age})").format(age=f"{age // 3600} h {age % 3600 // 60} min" if age >= 3600
                                                 else f"{age // 60} min {age % 60} s")
        behind = ctl.backlog_warning(q)
        # Storage's own words stay as they are (IT reads them); the sentence around them is translated.
        upload_error = self.tr("last upload error: {error}").format(error=q.last_error) if q.last_error else ""
        refused = self.tr("a supervisor policy was refused: {reason}").format(reason=self.policy_note) \
            if self.policy_note else ""
        detail = "; ".join(x for x in (self._softphone_note(), backlog, upload_error, self.last_error, refused) if x)
        if cur:
            v = ctl.view(cur)
            if v["outcome"] == "private":
                return "private", self.tr("Private call: NOT recorded"), detail
            if v["outcome"] == "declined":
                return "declined", self.tr("Customer declined: NOT recorded"), detail
            if v["outcome"] == "failed":
                return "error", self.tr("Recording failed"), cur.error or detail
            if v["warnings"] and v["state"] in ("recording", "paused"):
                # Device lost or one side silent: the agent must see it now, not after the call.
                shown = [render(w) for w in v["warnings"]]
                return "warning", shown[0], "; ".join(shown[1:] + ([detail] if detail else []))
            if v["state"] == "recording":
                return "recording", self.tr("Recording call {number} ({seconds} s)").format(
                    number=v["number_hint"], seconds=int(v["recorded_s"])), detail
            if v["state"] == "paused":
                since = v["paused_since"]
                held = int(time.time() - parse_iso(since).timestamp()) if since else 0
                if v["pause_reason"] == "hold":
                    return "paused", self.tr("Call on hold: nothing is recorded"), detail
                if v["pause_reason"] == "other_call":
                    return "paused", self.tr("Call waiting: nothing is recorded"), detail
                return "paused", self.tr("Paused {time}: nothing is recorded").format(
                    time=f"{held // 60}:{held % 60:02d}"), detail
            return "notice", self.tr("Call active: read the notice; not recording yet"), detail
        if ctl.next_private:
            return "private", self.tr("Next call is private: it will not be recorded"), detail
        if self._recent and time.monotonic() - self._recent[1] < RECENT_OUTCOME_S:
            outcome = self._recent[0]
            if outcome == "private":
                return "private", self.tr("Last call was private: not recorded"), detail
            if outcome == "declined":
                return "declined", self.tr("Last call declined: not recorded"), detail
        if behind is not None:
            return "warning", render(behind), detail
        if q.pending:
            if q.last_error:
                return "error", self.tr("%n recording(s) waiting: storage unreachable", "", q.pending), detail
            return "uploading", self.tr("Uploading %n recording(s)", "", q.pending), detail
        if self.core.standalone:
            saved = self.tr("Saved to {place}").format(place=self.core.target.describe())
            return "standalone", self.tr("Standalone: recordings stay on this computer"), \
                saved + (f"; {detail}" if detail else "")
        return "idle", self.tr("Ready: no call"), detail

    def refresh(self) -> None:
        status, text, detail = self.compute_status()
        self.view.set_status(status, text, detail)
        if self.pill is not None:
            self.pill.set_status(status, text, self._since(status))
            if not self.pill.isVisible():
                self.pill.show()

    def _since(self, status: str) -> float | None:
        """When the state the pill shows began, for its running timer (recording or paused)."""
        cur = self.core.controller.current() if self.core else None
        if cur is None or status not in ("recording", "paused", "warning"):
            return None
        v = self.core.controller.view(cur)
        if v["state"] == "paused" and v["paused_since"]:
            return parse_iso(v["paused_since"]).timestamp()
        return v["recording_since"]


def _setup_logging() -> None:
    from taltio.app import paths

    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        handlers.append(logging.handlers.RotatingFileHandler(paths.data_dir() / "taltio.log", maxBytes=2_000_000,
                                                             backupCount=3))
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run(argv: list[str]) -> int:
    from taltio.app.ipc import IPCError, request

    try:
        request({"cmd": "show"}, timeout=1.0)
        print("Taltio is already running.", file=sys.stderr)
        return 0
    except IPCError:
        pass
    _setup_logging()
    if sys.platform == "win32":
        # Before any window: the taskbar, toasts and the installer's Start-menu shortcut are one app.
        from taltio.ui.notify_native import set_process_app_id

        set_process_app_id("Taltio")
    qapp = QApplication.instance() or QApplication([sys.argv[0], *argv])
    qapp.setApplicationName("Taltio")
    qapp.setQuitOnLastWindowClosed(False)
    app = TaltioApp()
    app.start()
    # Let Python see SIGTERM/SIGINT while Qt's loop runs: quit cleanly, keeping sealed audio.
    signal.signal(signal.SIGTERM, lambda *_: QApplication.quit())
    signal.signal(signal.SIGINT, lambda *_: QApplication.quit())
    keepalive = QTimer()
    keepalive.start(250)
    keepalive.timeout.connect(lambda: None)
    try:
        return qapp.exec()
    finally:
        app.shutdown()
