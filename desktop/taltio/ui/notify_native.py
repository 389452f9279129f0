"""Native notifications through desktop-notifier: WinRT toasts on Windows, UNUserNotificationCenter on macOS.

Why a library: Windows toasts need the Windows Runtime (no plain Win32/ctypes
API has them) and macOS needs UserNotifications through the Objective-C runtime;
desktop-notifier wraps both (pywinrt, rubicon-objc) and is maintained.

How it is used, and why:

- **Its own asyncio loop on its own thread.**  desktop-notifier's API is async
  and talks to the OS synchronously inside it (COM/WinRT calls, Cocoa calls,
  D-Bus round trips), so nothing of it may run on the Qt thread.  Everything,
  including the import (WinRT must not initialise COM on the Qt thread, which is
  an STA), happens on that thread.  Results go back through the ``done``
  callback, which the Notifier turns into a queued signal.
- **One at a time**, each bounded by ``call_timeout_s``: a slow or hung service
  costs one notification (shown by the tray instead), never the queue.
- **Replace, not pile up**: the previous notification is cleared by identifier
  before the next is sent (desktop-notifier has no replace-in-place call).
- **Failure detection**: desktop-notifier never raises from ``send``; it logs a
  warning and skips its ``on_dispatched`` callback.  We therefore count a
  notification as delivered only if ``on_dispatched`` ran and the library logged
  no warning meanwhile (macOS scheduling errors are only logged).  Those
  warnings are taken out of the log and reported by the Notifier, once.
- **Authorisation**: ``request_authorisation`` before every send (on macOS it
  prompts only the first time, then returns the current setting; on Windows it
  reads whether toasts are enabled for the app).  A pending prompt does not hold
  notifications back: they go to the tray until the user answers.
- **Unsupported here** (desktop-notifier's dummy backend: macOS without an app
  bundle identifier, Windows before 10; or a macOS bundle whose signature does
  not verify): permanently falls back to the tray; the reason is logged once.

Platform requirements (see docs/platforms.md, "Notifications"):

- Windows: the app id desktop-notifier uses is ``app_name`` ("Taltio",
  ``APP_ID``) unless the process is a packaged (MSIX) app.  The library registers
  it under HKCU\\Software\\Classes\\AppUserModelId; we also make it the process's
  explicit AppUserModelID, and the installer's Start-menu shortcut must carry it.
- macOS: only a signed ``.app`` bundle with a bundle identifier may post; the
  bundle identifier, not ``app_name``, identifies the app.  ``urgent`` maps to
  the time-sensitive interruption level (which needs Apple's time-sensitive
  entitlement to break through Focus).

What is tested where: on Linux, this module runs when forced
(``Notifier(backend="native")``), with desktop-notifier's dbus-fast backend
against the tests' notification server.  That covers everything above the
platform backend: the loop thread, serialisation, clear-before-send, the
authorisation gate, timeouts, failure detection and the fallback.  The WinRT
and Cocoa backends themselves cannot run on Linux and have not been run.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import logging
import sys
import threading
from pathlib import Path
from typing import Any

from taltio.ui.notification import Done, Outcome

log = logging.getLogger(__name__)

APP_ID = "Taltio"

# desktop-notifier's loggers that report failures (a filter only sees records logged on its own logger).
_LIBRARY_LOGGERS = ("desktop_notifier.main", "desktop_notifier.backends.base", "desktop_notifier.backends.dbus",
                    "desktop_notifier.backends.macos", "desktop_notifier.backends.macos_support",
                    "desktop_notifier.backends.winrt")


class Unsupported(Exception):
    """desktop-notifier cannot post notifications in this process, and will not be able to later."""


def set_process_app_id(app_id: str, shell32: Any = None) -> bool:
    """Windows: make *app_id* this process's explicit AppUserModelID; True if Windows accepted it.

    Toasts are attributed by the id desktop-notifier passes explicitly, so this is
    not needed to post them; it makes the taskbar, Action Center and the Start-menu
    shortcut (which carries the same id) agree that they are one app.
    """
    try:
        if shell32 is None:
            import ctypes

            shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        return shell32.SetCurrentProcessExplicitAppUserModelID(app_id) == 0
    except Exception:  # noqa: BLE001 - cosmetic; never stop the app for it
        log.debug("SetCurrentProcessExplicitAppUserModelID failed", exc_info=True)
        return False


class _LibraryWarnings(logging.Filter):
    """Takes desktop-notifier's warnings out of the log while one of our sends runs on our loop thread."""

    def __init__(self) -> None:
        super().__init__()
        self.thread_id: int | None = None
        self.records: list[logging.LogRecord] | None = None   # None: not capturing

    def filter(self, record: logging.LogRecord) -> bool:
        if self.records is not None and record.thread == self.thread_id and record.levelno >= logging.WARNING:
            self.records.append(record)
            return False
        return True

    def start(self) -> None:
        self.records = []

    def stop(self) -> list[logging.LogRecord]:
        records, self.records = self.records or [], None
        return records


def _describe(records: list[logging.LogRecord]) -> str:
    """The library's last warning, with the exception it carried (its message alone is often just "failed")."""
    if not records:
        return ""
    record = records[-1]
    text = record.getMessage()
    if record.exc_info and record.exc_info[1] is not None:
        exc = record.exc_info[1]
        name = getattr(exc, "type", "")      # dbus-fast's DBusError carries the D-Bus error name
        text += f": {type(exc).__name__}: " + (f"{name}: " if isinstance(name, str) and name else "") + str(exc)
    return text


class NativeBackend:
    """The ``Backend`` (see notify.py) for desktop-notifier."""

    name = "native"
    label = "native"

    def __init__(self, app_name: str = APP_ID, app_icon: str = "", expire_timeout_ms: int = -1,
                 call_timeout_s: float = 3.0) -> None:
        self.app_name = app_name
        self.app_icon = app_icon
        self.timeout_s = -1 if expire_timeout_ms < 0 else max(1, round(expire_timeout_ms / 1000))
        self.call_timeout_s = call_timeout_s
        self.disabled = ""                  # set once desktop-notifier is known not to work in this process
        self._closed = False
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        # Loop thread only:
        self._serial = asyncio.Lock()
        self._dn: Any = None                # desktop_notifier.DesktopNotifier
        self._auth: asyncio.Future | None = None   # a pending request_authorisation (the macOS prompt may wait)
        self._previous = ""                 # identifier of our notification on screen, cleared before the next
        self._warnings = _LibraryWarnings()
        for name in _LIBRARY_LOGGERS:
            logging.getLogger(name).addFilter(self._warnings)
        if sys.platform == "win32":
            set_process_app_id(app_name)

    # ------------------------------------------------------------ Qt thread
    def submit(self, title: str, body: str, urgent: bool, done: Done) -> str:
        try:
            if self.disabled:
                return self.disabled
            if self._closed:
                return "notifier closed"
            if importlib.util.find_spec("desktop_notifier") is None:
                self.disabled = "desktop-notifier is not installed"
                return self.disabled
            future = asyncio.run_coroutine_threadsafe(self._deliver(title, body, urgent), self._ensure_loop())
            future.add_done_callback(lambda f: done(_outcome(f)))
            return ""
        except Exception as e:  # noqa: BLE001
            return f"{type(e).__name__}: {e}"

    def close(self) -> None:
        """Drop the connection and stop the loop thread (idempotent, does not wait)."""
        self._closed = True
        for name in _LIBRARY_LOGGERS:
            logging.getLogger(name).removeFilter(self._warnings)
        with self._lock:
            loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            except RuntimeError:            # the loop is already gone
                pass

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=self._run, args=(loop,), name="taltio-notify-native", daemon=True)
                self._loop, self._thread = loop, thread
                thread.start()
            return self._loop

    # ---------------------------------------------------------- loop thread
    def _run(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        self._warnings.thread_id = threading.get_ident()
        try:
            loop.run_forever()
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _shutdown(self) -> None:
        await self._reset()
        asyncio.get_running_loop().stop()

    async def _deliver(self, title: str, body: str, urgent: bool) -> Outcome:
        async with self._serial:
            if self._closed:
                return Outcome(False, why="notifier closed")
            try:
                dn = self._notifier()
                granted = await self._authorised(dn)
                if granted is None:
                    return Outcome(False, why="waiting for the user to allow notifications")
                if not granted:
                    return Outcome(False, why="notifications are not allowed for this app in the system settings")
                return await asyncio.wait_for(self._replace(dn, title, body, urgent), self.call_timeout_s)
            except Unsupported as e:
                self.disabled = str(e)
                await self._reset()
                return Outcome(False, why=self.disabled)
            except TimeoutError:
                await self._reset()
                return Outcome(False, why=f"no answer within {self.call_timeout_s:g} s")
            except Exception as e:  # noqa: BLE001 - start afresh next time (the service may come back)
                await self._reset()
                return Outcome(False, why=f"{type(e).__name__}: {e}")

    def _notifier(self) -> Any:
        """desktop-notifier for this platform, made on first use; raises Unsupported where it cannot post."""
        if self._dn is not None:
            return self._dn
        from desktop_notifier import DesktopNotifier
        from desktop_notifier import main as dn_main
        from desktop_notifier.backends.dummy import DummyNotificationCenter

        self._warnings.start()
        try:
            backend_class = dn_main.get_backend_class()
        finally:
            said = _describe(self._warnings.stop())
        if issubclass(backend_class, DummyNotificationCenter):
            # It would accept every notification and show none.
            raise Unsupported(said or ("not running from an app bundle with a bundle identifier"
                                       if sys.platform == "darwin" else "no notification centre on this system"))
        if sys.platform == "darwin":
            from desktop_notifier.backends.macos_support import is_signed_bundle

            self._warnings.start()
            try:
                signed = is_signed_bundle()
            finally:
                said = _describe(self._warnings.stop())
            if not signed:
                # UNUserNotificationCenter refuses unsigned code, often without an error.
                raise Unsupported("the app bundle's code signature does not verify" + (f" ({said})" if said else ""))
        self._dn = DesktopNotifier(app_name=self.app_name, app_icon=self._icon())
        return self._dn

    def _icon(self) -> Any:
        """The caller's icon (a file or a theme name); none otherwise, never desktop-notifier's Python logo."""
        from desktop_notifier import Icon

        if not self.app_icon:
            return None
        path = Path(self.app_icon)
        return Icon(path=path.resolve()) if path.is_file() else Icon(name=self.app_icon)

    async def _authorised(self, dn: Any) -> bool | None:
        """Whether we may post; None while the user has not answered the permission prompt yet."""
        task = self._auth
        if task is None:
            task = self._auth = asyncio.ensure_future(dn.request_authorisation())
        if not task.done():
            await asyncio.wait({task}, timeout=self.call_timeout_s)
            if not task.done():
                return None             # kept: the next notification waits on the same request
        self._auth = None
        return bool(task.result())

    async def _replace(self, dn: Any, title: str, body: str, urgent: bool) -> Outcome:
        from desktop_notifier import Urgency

        previous, self._previous = self._previous, ""
        if previous:
            try:
                await dn.clear(previous)
            except Exception:  # noqa: BLE001 - already gone (dismissed by the user, or the service restarted)
                log.debug("clearing the previous notification failed", exc_info=True)
        dispatched: list[bool] = []
        self._warnings.start()
        try:
            identifier = await dn.send(title, body, urgency=Urgency.Critical if urgent else Urgency.Normal,
                                       timeout=self.timeout_s, on_dispatched=lambda: dispatched.append(True))
        finally:
            said = _describe(self._warnings.stop())
        if said or not dispatched:
            await self._reset()
            return Outcome(False, why=said or "desktop-notifier did not dispatch it")
        self._previous = identifier
        return Outcome(True, identifier)

    async def _reset(self) -> None:
        """Forget the DesktopNotifier, so the next notification starts with a fresh connection."""
        dn, self._dn, self._previous = self._dn, None, ""
        auth, self._auth = self._auth, None
        if auth is not None and not auth.done():
            auth.cancel()
        # desktop-notifier has no close(); its Linux backend keeps a dbus-fast connection registered with
        # this loop, which would stay open for the life of the process.  Other backends have no "bus".
        bus = getattr(getattr(dn, "_backend", None), "bus", None)
        if bus is not None:
            try:
                bus.disconnect()
            except Exception:  # noqa: BLE001
                log.debug("closing desktop-notifier's D-Bus connection failed", exc_info=True)


def _outcome(future: concurrent.futures.Future) -> Outcome:
    if future.cancelled():
        return Outcome(False, why="notifier closed")
    exc = future.exception()
    if exc is not None:
        return Outcome(False, why=f"{type(exc).__name__}: {exc}")
    return future.result()
