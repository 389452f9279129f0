"""macOS: the focused window from ``NSWorkspace.frontmostApplication`` and the window list (pyobjc).

Why a poll (twice a second) and not ``NSWorkspaceDidActivateApplicationNotification``: the notification
needs an AppKit run loop on the thread that observes, and the tray's Qt loop is not one pyobjc can share from a
worker thread; and a title change inside the same app (a browser switching to its payment tab) sends no
notification at all. Two calls every 0.5 s cost far less than the idle budget. Why not a keyboard tap: it
would see every key the agent types, card numbers included.

The window title comes from ``CGWindowListCopyWindowInfo``; since macOS 10.15 it is empty unless Taltio has
the Screen Recording permission, so patterns on the program's name (e.g. ``Payterm``) work without it.
Everything macOS-specific sits behind `Workspace` (`AppKitWorkspace` is the real one); tests use a fake.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable, Protocol

from taltio.adapters.focus import ChangeReporter
from taltio.domain.ports import FocusedWindow, FocusWatcher

log = logging.getLogger("taltio.focus.macos")

POLL_S = 0.5


class Workspace(Protocol):
    def frontmost(self) -> FocusedWindow | None:
        """The app that has the keyboard, with the title of its frontmost window ("" when not allowed)."""


class MacFocusWatcher(FocusWatcher):
    def __init__(self, workspace: Workspace | None = None, poll_s: float = POLL_S) -> None:
        self._ws = workspace
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        if self._ws is None:
            try:
                self._ws = AppKitWorkspace()
            except ImportError as exc:
                self.unavailable = f"pyobjc (AppKit, Quartz) is missing: {exc}"
                return
        self._thread = threading.Thread(target=self._run, args=(on_change,), name="taltio-focus", daemon=True)
        self._thread.start()

    def _run(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        assert self._ws is not None
        report = ChangeReporter(on_change)
        while not self._stop.is_set():
            try:
                now = self._ws.frontmost()
            except Exception:  # noqa: BLE001 - an app that quits while asked about: as if none had the keyboard
                log.debug("asking for the frontmost app failed", exc_info=True)
                now = None
            report(now)
            self._stop.wait(self._poll_s)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)


class AppKitWorkspace:
    """The real calls (pyobjc-framework-Cocoa and -Quartz)."""

    def __init__(self) -> None:
        import AppKit  # type: ignore[import-not-found]  # noqa: PLC0415 - macOS only
        import Quartz  # type: ignore[import-not-found]  # noqa: PLC0415

        self._appkit, self._quartz = AppKit, Quartz

    def frontmost(self) -> FocusedWindow | None:
        app = self._appkit.NSWorkspace.sharedWorkspace().frontmostApplication()
        if app is None:
            return None
        pid = int(app.processIdentifier())
        url = app.executableURL()
        process = str(url.lastPathComponent()) if url is not None else str(app.localizedName() or "")
        return FocusedWindow(self._title(pid), process)

    def _title(self, pid: int) -> str:
        q = self._quartz
        windows = q.CGWindowListCopyWindowInfo(q.kCGWindowListOptionOnScreenOnly | q.kCGWindowListExcludeDesktopElements,
                                               q.kCGNullWindowID) or []
        for w in windows:               # front to back: the first normal window of that app is its frontmost
            if int(w.get(q.kCGWindowOwnerPID, -1)) == pid and int(w.get(q.kCGWindowLayer, 1)) == 0:
                return str(w.get(q.kCGWindowName) or "")
        return ""
