"""The agent's recorder as one object without Qt: the tray app and the headless runner both drive it.

It owns what used to live in the tray app: loading the settings and the last good supervisor policy,
building the core, choosing the softphone adapter, starting and stopping recovery, the queue, policy
sync and the adapter, applying a new policy live, dispatching events and control-socket commands, and
the status model. The UI only presents it; the headless runner only logs it.
"""
from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from taltio import __version__
from taltio import settings as settings_mod
from taltio.app import compose, memory, paths
from taltio.app.auto_pause import AutoPause
from taltio.app.shortcuts import Shortcuts
from taltio.app.config import load_settings
from taltio.app.status import Facts, StatusLine, decide, render_english
from taltio.domain.events import CallEvent, EventError
from taltio.domain.ports import Softphone
from taltio.domain.session import CallView, TransitionError
from taltio.domain import texts
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from taltio.app.policy_sync import SyncResult

log = logging.getLogger("taltio.app")

RECENT_OUTCOME_S = 8.0
MANUAL = "manual"           # the source of a call the agent started by hand (CallEvent.source, the manifest)
Command = Callable[[dict], dict]


@dataclass
class PolicyApplied:
    """What a supervisor policy result changed, for the UI to follow (notice texts, the staff notice)."""

    settings_changed: bool = False
    refusal: Any = None                 # the first standing refusal's message (core.texts.Text), if any
    expired: list[str] = field(default_factory=list)
    error: str = ""                     # the schema disagreed with a checked policy: kept what runs


def _release_after_call(kind: str, _payload: dict) -> None:
    if kind == "finished":
        memory.release()


class AgentApp:
    """Settings -> core -> adapter, with a lifecycle and a status; thread-safe where the core is."""

    def __init__(self, settings: settings_mod.Settings | None = None, keystore: Any = None,
                 backend: Any = None, *, build: bool = True) -> None:
        self.config_error: str | None = None
        self.core: compose.Core | None = None
        self.adapter: Softphone = compose.make_softphone(None)
        self.last_error = ""
        self.policy: PolicyApplied = PolicyApplied()
        self.auto_pause: AutoPause | None = None       # made by start(): the payment-window auto-pause
        # Start call / End call from any program; the tray app replaces start_call (it asks for the number).
        self.shortcuts = Shortcuts(compose.make_shortcuts, {"start_call": self.start_manual_call,
                                                            "end_call": self.end_manual_call})
        self._recent: tuple[str, float] | None = None
        self._refused: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()
        self.commands: dict[str, Command] = {"hook": self._cmd_hook, "status": lambda _r: {"ok": True,
                                                                                          **self.status_doc()}}
        self.status_text: Callable[[StatusLine], tuple[str, str]] = render_english      # the tray puts its translation here
        try:
            self.settings: settings_mod.Settings | None = settings or load_settings()
        except settings_mod.ConfigError as exc:
            self.settings = None
            self.config_error = texts.message(exc)        # a Text stays one: the tray shows it translated
        self._saved = self._saved_policy()
        self._parts = (keystore, backend)
        # True from here until build_core(): the settings are read, the keys, storage and recorder not yet.
        self.starting = self.settings is not None
        if build:
            self.build_core()

    def build_core(self) -> None:
        """Keys, storage, the recorder and the softphone adapter. The tray calls it just after its first
        window is up: it is most of a start-up (the keyring, the audio server, numpy and PyAV)."""
        if not self.starting:
            return
        keystore, backend = self._parts
        self._parts = (None, None)
        try:
            self._build(keystore, backend)
        finally:
            self.starting = False
        if self.core is not None and self._saved is not None:
            self.core.controller.policy_versions = dict(self._saved.versions)

    # -- building ------------------------------------------------------------------------------
    def _saved_policy(self) -> SyncResult | None:
        """The last good supervisor policy (saved here, verified again) applies from the very start,
        before any call: the network fetch follows on the policy thread."""
        if self.settings is None or not self.settings["policy.allowed_signers"]:
            return None
        try:
            result = compose.make_policy_sync(self.settings, None, paths.data_dir()).current()
            if result.versions:
                self.settings = compose.settings_with_policy(self.settings, result)
            return result
        except (settings_mod.ConfigError, OSError) as exc:
            log.error("the saved supervisor policy cannot be applied: %s", exc)
            return None

    def _build(self, keystore: Any, backend: Any) -> None:
        from taltio.domain.identity import RecipientError
        from taltio.domain.ports import KeystoreError, StorageError

        assert self.settings is not None
        try:
            self.core = compose.build(self.settings, keystore, backend)
        except (RecipientError, KeystoreError, StorageError, ValueError, OSError) as exc:
            self.config_error = texts.message(exc)
            log.error("cannot start recording: %s", exc)
            return
        self.adapter = compose.make_softphone(self.settings)

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> None:
        if self.core is None:
            return
        from taltio.recording.recovery import recover

        # A shift-long process: few malloc arenas, and each finished call's freed buffers handed back (memory.py).
        memory.limit_arenas()
        self.core.controller.listeners.append(_release_after_call)
        recovered = recover(self.core.controller)
        if recovered:
            log.warning("recovered %d call(s) from the last run", len(recovered))
        self.core.queue.start()
        if self.core.policy is not None:
            self.core.policy.start()
        self.adapter.start(self._adapter_event)
        self.auto_pause = AutoPause(self.core.controller, compose.make_focus_watcher)
        self.core.controller.listeners.append(self.auto_pause.on_core)
        self.auto_pause.configure(self.settings["recording.auto_pause_windows"])
        self.shortcuts.configure(self.settings)
        log.info("Taltio %s started%s", __version__, " (standalone)" if self.core.standalone else "")

    def shutdown(self) -> None:
        self.adapter.stop()
        self.shortcuts.close()
        if self.auto_pause is not None:
            self.auto_pause.close()
        if self.core is None:
            return
        self.core.controller.shutdown()
        if self.core.heartbeat is not None:
            self.core.heartbeat.stop()
        if self.core.policy is not None:
            self.core.policy.stop()
        self.core.queue.stop()

    # -- supervisor policy ----------------------------------------------------------------------
    def apply_policy(self, result: SyncResult) -> PolicyApplied:
        """A supervisor policy changed (or was refused): apply it from the next call, without a restart."""
        assert self.core is not None and self.settings is not None
        ctl = self.core.controller
        for target, reason, message in result.rejections:
            # Into the local audit log (and, through the controller, the next heartbeat).
            self.core.queue.audit("-", "policy-rejected", json.dumps({"target": target, "reason": reason,
                                                                     "message": str(message)}))
        ctl.policy_rejections = [{"target": t, "reason": r, "message": str(m)} for t, (r, m) in result.standing.items()]
        applied = PolicyApplied(refusal=next(iter(result.standing.values()))[1] if result.standing else None,
                                expired=list(result.expired))
        if result.changed:
            try:
                new = compose.settings_with_policy(self.settings, result)
            except settings_mod.ConfigError as exc:
                # core.policy checked every value; this is the schema disagreeing with itself. Keep what runs.
                log.error("supervisor policy not applied: %s", exc)
                applied.error = texts.message(exc)
            else:
                self.settings = new
                self.core.settings = new
                ctl.apply_settings(new, result.versions)
                compose.reconfigure(self.core, new)
                if self.auto_pause is not None:
                    self.auto_pause.configure(new["recording.auto_pause_windows"])
                self.shortcuts.configure(new)
                applied.settings_changed = True
        self.policy = applied
        return applied

    # -- events and commands -------------------------------------------------------------------
    def _adapter_event(self, ev: CallEvent) -> None:
        """From the adapter thread; the controller is thread-safe."""
        assert self.core is not None
        try:
            self.core.controller.handle(ev)
        except (EventError, TransitionError) as exc:
            self.core.controller.error(Text(QT_TRANSLATE_NOOP("core", "softphone event ignored: {problem}"),
                                            problem=texts.message(exc)))

    def dispatch(self, event: str, call_id: str | None = None, number: str | None = None,
                 label: str | None = None, queue: str | None = None, display_name: str | None = None) -> str:
        if self.core is None:
            raise EventError(Text(QT_TRANSLATE_NOOP("core", "Taltio cannot record: {problem}"),
                                  problem=self.config_error))
        return self.core.controller.handle(CallEvent.parse(event, call_id=call_id, number=number, label=label,
                                                           queue=queue, display_name=display_name))

    def start_manual_call(self, number: str | None = None) -> str:
        """A call Taltio cannot hear of (a web softphone, a desk phone on a headset adapter): the agent says
        it was answered, and from there it is any call's flow, the notice card first. Its manifest says
        "manual". The id is ours, so the agent never has to invent one; the number is optional."""
        if self.core is None:
            return self.dispatch("answered")        # raises the reason Taltio cannot record
        return self.core.controller.handle(CallEvent.parse(
            "answered", call_id=f"{MANUAL}-{uuid.uuid4().hex[:12]}", number=(number or "").strip() or None,
            source=MANUAL))

    def manual_call(self) -> str | None:
        """The id of the active call the agent started by hand (the one "End call" ends), if any."""
        if self.core is None:
            return None
        live = self.core.controller.active_started_by(MANUAL)
        return live[-1] if live else None

    def end_manual_call(self) -> str | None:
        """End the call started by hand; a softphone's own calls end when the softphone says so."""
        call_id = self.manual_call()
        if call_id is None:
            return None
        return self.core.controller.handle(CallEvent.parse("ended", call_id=call_id, source=MANUAL))

    def handle_ipc(self, req: dict) -> dict:
        """One control-socket request (already checked for protocol and shape); any thread."""
        cmd = req.get("cmd")
        handler = self.commands.get(cmd) if isinstance(cmd, str) else None
        if handler is None:
            return {"ok": False, "error": f"unknown command '{str(cmd)[:40]}'"}
        return handler(req)

    def _cmd_hook(self, req: dict) -> dict:
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

    def _log_refused(self, event: str, exc: Exception) -> None:
        """A refused `taltio hook` is logged once per kind (event and reason), then only counted: a
        misconfigured softphone repeats the same mistake on every call."""
        def shown(s: str) -> str:
            return "".join(c if c.isprintable() else "?" for c in s[:200])

        reason = exc.args[0] if exc.args else exc
        kind = (shown(event[:40]), getattr(reason, "template", type(exc).__name__))
        with self._lock:
            self._refused[kind] = self._refused.get(kind, 0) + 1
            first = self._refused[kind] == 1
        if first:
            log.warning("hook '%s' refused: %s (logged once; later ones are counted)", kind[0], shown(str(exc)))

    # -- status ---------------------------------------------------------------------------------
    def current_view(self) -> CallView | None:
        """The call the agent is on (what the card and the pill show), if any."""
        if self.core is None:
            return None
        cur = self.core.controller.current()
        return self.core.controller.call_view(cur) if cur else None

    def tick(self) -> None:
        """Once a second from the front end's clock: pause reminders, auto-resume, one-sided alarms."""
        if self.core is not None:
            self.core.controller.tick()

    def note_outcome(self, outcome: str) -> None:
        """A call just ended private/declined/…: the status says so for a few seconds."""
        self._recent = (outcome, time.monotonic())

    def facts(self) -> Facts:
        """Everything the status depends on, read once (the controller and queue lock their own state)."""
        recent = self._recent[0] if self._recent and time.monotonic() - self._recent[1] < RECENT_OUTCOME_S \
            else None
        if self.core is None:
            if self.starting and not self.config_error:
                return Facts(starting=True, softphone=self.adapter.status)
            return Facts(config_error=self.config_error or Text(QT_TRANSLATE_NOOP("core", "not configured")), softphone=self.adapter.status)
        ctl = self.core.controller
        q = self.core.queue.status()
        return Facts(config_error=self.config_error, enabled=ctl.rules.enabled, view=self.current_view(),
                     queue=q, behind=ctl.backlog_warning(q),
                     next_private=ctl.next_private, recent=recent, standalone=self.core.standalone,
                     storage=self.core.target.describe(), softphone=self.adapter.status,
                     softphone_passive=self.adapter.name == "hook", last_error=self.last_error,
                     policy_refusal=self.policy.refusal, policy_expired=self.policy.expired)

    def status(self) -> StatusLine:
        return decide(self.facts())

    def status_doc(self) -> dict:
        """`taltio status`: the state as JSON (the text in the UI's language when a UI is running)."""
        facts = self.facts()
        line = decide(facts)
        text, detail = self.status_text(line)
        doc = {"status": line.status, "text": text, "detail": detail, "version": __version__,
               "softphone": self.adapter.status, "config_error": self.config_error}
        if self.core:
            doc.update(self.core.controller.snapshot(facts.queue))
            doc["standalone"] = self.core.standalone
            doc["storage"] = self.core.target.describe()
            doc["agent_id"] = self.core.settings.agent_id
            from taltio.domain import sshsig

            doc["workstation_key"] = sshsig.public_openssh(self.core.controller.key.public_key())
        return doc
