"""`taltio run --headless`: the recorder with no display and no tray, for thin clients, kiosk images and
service accounts.

The same application layer as the tray (app.agent.AgentApp), the same control socket (`taltio hook`,
`taltio status` work unchanged) and the same single-instance lock. Instead of widgets it logs every
change of state in English, once: what the tray would show. The notice still comes first: with
`recording.start = "notice"` a call is recorded only after `taltio hook notice-given` (a desktop
shortcut, the softphone's own button or the agent's script), and the log says so at every call.
"""
from __future__ import annotations

import logging
import queue
import signal
import threading

from taltio.app.agent import AgentApp
from taltio.app.control import AlreadyServing, ControlServer, ControlServerError
from taltio.app.instance import AlreadyRunning, SingleInstance, lock_for
from taltio.app.ipc import server_name
from taltio.app.logs import setup_logging

log = logging.getLogger("taltio.headless")

TICK_S = 1.0


class HeadlessRunner:
    """Drives AgentApp from one thread: ticks (pause reminders, auto-resume), policy results, status log."""

    def __init__(self, agent: AgentApp, instance: SingleInstance | None = None) -> None:
        self.agent = agent
        self.server = ControlServer(agent.handle_ipc, instance=instance)
        self.stopping = threading.Event()
        self._policies: queue.Queue = queue.Queue()
        self._last: tuple[str, str] | None = None
        self._status_lock = threading.Lock()
        agent.commands["quit"] = self._cmd_quit
        agent.commands["show"] = lambda _req: {"ok": True, "headless": True}

    def _cmd_quit(self, _req: dict) -> dict:
        self.stopping.set()
        return {"ok": True}

    def start(self) -> None:
        """Listen first (so a second runner is refused before it touches anything), then start recording."""
        self.server.listen()
        core = self.agent.core
        if core is not None:
            core.controller.listeners.append(self._on_core)
            if core.policy is not None:
                core.policy.listeners.append(self._policies.put)
        self.agent.start()
        self._log_status()        # a configuration problem shows here ("status: error: Not recording: …")

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                self.agent.apply_policy(self._policies.get(timeout=TICK_S))
            except queue.Empty:
                pass
            if self.agent.core is not None:
                self.agent.core.controller.tick()
            self._log_status()

    def stop(self) -> None:
        self.stopping.set()
        self.agent.shutdown()
        self.server.close()

    def _on_core(self, kind: str, payload: dict) -> None:
        """Controller events (any thread): call states and errors go to the log; never a number."""
        if kind == "session":
            outcome = payload.get("outcome") or "-"
            log.info("call %s: %s (outcome %s)", payload.get("call_id"), payload.get("state"), outcome)
            if payload.get("outcome") in ("private", "declined") or payload.get("state") == "ended":
                self.agent.note_outcome(outcome)
            self._log_status()
        elif kind == "error":
            log.warning("%s", payload.get("message"))

    def _log_status(self) -> None:
        """Log the status when it changed (from the tick and from every call event, so no state is missed)."""
        line = self.agent.status()
        text, detail = self.agent.status_text(line)
        # The recording timer changes every second: log the state and its sentence without the seconds.
        key = (line.status, line.key if line.key in ("recording", "paused") else text)
        with self._status_lock:
            if key == self._last:
                return
            self._last = key
        log.info("status: %s: %s%s", line.status, text, f" ({detail})" if detail else "")


def run(argv: list[str]) -> int:
    """Exit codes: 0 after a clean stop, 1 when another Taltio holds this user's control socket."""
    setup_logging()
    # The lock first: a second runner must not build anything (queue, heartbeat, recovery) beside the first.
    instance = SingleInstance(lock_for(server_name()))
    if not instance.acquire():
        log.error("%s; not starting a second one", AlreadyRunning(instance.path, instance.holder_pid()))
        return 1
    agent = AgentApp()
    runner = HeadlessRunner(agent, instance)
    try:
        runner.start()
    except AlreadyServing as exc:
        log.error("%s", exc)
        agent.shutdown()
        return 1
    except ControlServerError as exc:
        log.error("cannot open the control socket: %s", exc)
        agent.shutdown()
        return 1
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: runner.stopping.set())
    log.info("running headless: no tray; `taltio status` shows the state, `taltio hook …` drives calls")
    try:
        runner.run()
    finally:
        runner.stop()
        instance.release()
        log.info("stopped")
    return 0
