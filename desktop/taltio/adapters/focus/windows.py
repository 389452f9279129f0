"""Windows: the focused window from ``GetForegroundWindow``, woken by WinEvents, through ctypes (user32).

Why WinEvents and not polling: ``SetWinEventHook(EVENT_SYSTEM_FOREGROUND)`` calls us the moment another
window takes the keyboard, and ``EVENT_OBJECT_NAMECHANGE`` when the title of one changes (a browser switching
to its payment tab), so nothing runs while the focus stays put. Why not a keyboard hook: it would see every
key the agent types, card numbers included. Out-of-context hooks need a message loop on the thread that set
them; that thread is ours and quits on ``WM_QUIT``.

Everything Windows-specific sits behind `Win32`: `User32` is the real one (ctypes, so no pywin32 in the
installer); tests drive the watcher through a fake with the same methods, as this machine has no Windows.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable, Protocol

from taltio.adapters.focus import ChangeReporter
from taltio.domain.ports import FocusedWindow, FocusWatcher

log = logging.getLogger("taltio.focus.windows")

EVENT_SYSTEM_FOREGROUND = 0x0003
EVENT_OBJECT_NAMECHANGE = 0x800C
OBJID_WINDOW = 0
WINEVENT_OUTOFCONTEXT = 0x0000
WINEVENT_SKIPOWNPROCESS = 0x0002
WM_QUIT = 0x0012
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
TITLE_MAX = 512


class Win32(Protocol):
    """The few Win32 calls the watcher needs."""

    def thread_id(self) -> int: ...
    def foreground(self) -> int: ...
    def describe(self, hwnd: int) -> FocusedWindow | None: ...
    def pump(self, on_event: Callable[[int, int, int], None]) -> None:
        """Hook foreground and title changes, then run this thread's message loop until WM_QUIT;
        *on_event(event, hwnd, object_id)* for each."""
    def quit(self, thread_id: int) -> None: ...


class WindowsFocusWatcher(FocusWatcher):
    def __init__(self, api: Win32 | None = None) -> None:
        self._api = api
        self._thread: threading.Thread | None = None
        self._tid = 0
        self._ready = threading.Event()
        self._closed = False

    def start(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        if self._api is None:
            try:
                self._api = User32()
            except (OSError, AttributeError) as exc:     # no user32 (a service session; not Windows at all)
                self.unavailable = f"user32 is not available: {exc}"
                return
        self._thread = threading.Thread(target=self._run, args=(on_change,), name="taltio-focus", daemon=True)
        self._thread.start()
        self._ready.wait(2.0)

    def _run(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        api = self._api
        assert api is not None
        self._tid = api.thread_id()
        changed = ChangeReporter(on_change)

        def report() -> None:
            try:
                now = api.describe(api.foreground())
            except Exception:  # noqa: BLE001 - a window that closes while we ask: as if none had the keyboard
                log.debug("describing the foreground window failed", exc_info=True)
                now = None
            changed(now)

        def on_event(event: int, hwnd: int, object_id: int) -> None:
            # A title change anywhere is heard (the hook is system-wide): only the foreground window's counts.
            if event == EVENT_SYSTEM_FOREGROUND or (object_id == OBJID_WINDOW and hwnd == api.foreground()):
                report()

        report()
        self._ready.set()
        try:
            if not self._closed:
                api.pump(on_event)
        except Exception:  # noqa: BLE001 - the session ended (logoff): stop quietly, once
            log.warning("the Windows focus watcher stopped", exc_info=True)

    def close(self) -> None:
        self._closed = True
        if self._thread is None or self._api is None:
            return
        self._ready.wait(2.0)
        if self._tid:
            self._api.quit(self._tid)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)


class User32:
    """The real Win32 calls, through ctypes."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._c, self._w = ctypes, wintypes
        self.user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        self._proc = ctypes.WINFUNCTYPE(None, wintypes.HANDLE, wintypes.DWORD, wintypes.HWND, wintypes.LONG,  # type: ignore[attr-defined]
                                        wintypes.LONG, wintypes.DWORD, wintypes.DWORD)
        self.user32.GetForegroundWindow.restype = wintypes.HWND
        self.user32.SetWinEventHook.restype = wintypes.HANDLE

    def thread_id(self) -> int:
        return int(self.kernel32.GetCurrentThreadId())

    def foreground(self) -> int:
        return int(self.user32.GetForegroundWindow() or 0)

    def describe(self, hwnd: int) -> FocusedWindow | None:
        if not hwnd:
            return None
        c, w = self._c, self._w
        buf = c.create_unicode_buffer(TITLE_MAX)
        self.user32.GetWindowTextW(w.HWND(hwnd), buf, TITLE_MAX)
        pid = w.DWORD()
        self.user32.GetWindowThreadProcessId(w.HWND(hwnd), c.byref(pid))
        return FocusedWindow(buf.value, self._process_name(pid.value))

    def _process_name(self, pid: int) -> str:
        c, w = self._c, self._w
        handle = self.kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ""           # an elevated process: its name is not ours to read
        try:
            size = w.DWORD(1024)
            buf = c.create_unicode_buffer(size.value)
            if not self.kernel32.QueryFullProcessImageNameW(handle, 0, buf, c.byref(size)):
                return ""
            return buf.value.replace("/", "\\").rsplit("\\", 1)[-1]
        finally:
            self.kernel32.CloseHandle(handle)

    def pump(self, on_event: Callable[[int, int, int], None]) -> None:
        c, w = self._c, self._w

        def callback(_hook, event, hwnd, id_object, _child, _thread, _time) -> None:  # noqa: ANN001
            on_event(int(event), int(hwnd or 0), int(id_object))

        proc = self._proc(callback)             # kept referenced until the hooks are gone
        flags = WINEVENT_OUTOFCONTEXT | WINEVENT_SKIPOWNPROCESS
        hooks = [self.user32.SetWinEventHook(e, e, None, proc, 0, 0, flags)
                 for e in (EVENT_SYSTEM_FOREGROUND, EVENT_OBJECT_NAMECHANGE)]
        if not all(hooks):
            raise OSError(c.get_last_error(), "SetWinEventHook failed")  # type: ignore[attr-defined]
        try:
            msg = w.MSG()
            while self.user32.GetMessageW(c.byref(msg), None, 0, 0) > 0:
                self.user32.TranslateMessage(c.byref(msg))
                self.user32.DispatchMessageW(c.byref(msg))
        finally:
            for h in hooks:
                self.user32.UnhookWinEvent(h)
            del proc

    def quit(self, thread_id: int) -> None:
        self.user32.PostThreadMessageW(thread_id, WM_QUIT, 0, 0)
