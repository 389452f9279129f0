"""A stand-in for the few user32 calls the Windows adapters make (this machine has no Windows).

It keeps the same methods as the real `User32` seams (adapters/focus/windows.py, adapters/shortcuts/windows.py)
and behaves as Windows does where the adapters depend on it: ``pump`` blocks its thread delivering events
until ``quit`` posts WM_QUIT to that thread, events posted before the loop runs wait in the queue, and a hot
key another program registered is refused.
"""
from __future__ import annotations

import itertools
import queue
import threading

from taltio.domain.ports import FocusedWindow

EVENT_SYSTEM_FOREGROUND = 0x0003
EVENT_OBJECT_NAMECHANGE = 0x800C
_QUIT = object()


class FakeDesktop:
    def __init__(self) -> None:
        self.windows: dict[int, FocusedWindow] = {}
        self.front = 0
        self._hwnds = itertools.count(0x1000, 0x10)
        self._queues: dict[int, queue.Queue] = {}
        self._lock = threading.Lock()
        self.held_by_others: set[tuple[int, int]] = set()     # (modifiers, vk) another program registered
        self.registered: dict[int, tuple[int, int]] = {}      # id -> (modifiers, vk), ours
        self.broken_describe = False

    # -- what the test does --------------------------------------------------------------------
    def open(self, title: str, process: str = "chrome.exe") -> int:
        hwnd = next(self._hwnds)
        self.windows[hwnd] = FocusedWindow(title, process)
        self.activate(hwnd)
        return hwnd

    def activate(self, hwnd: int) -> None:
        self.front = hwnd
        self._post((EVENT_SYSTEM_FOREGROUND, hwnd, 0))

    def retitle(self, hwnd: int, title: str) -> None:
        self.windows[hwnd] = FocusedWindow(title, self.windows[hwnd].process)
        self._post((EVENT_OBJECT_NAMECHANGE, hwnd, 0))

    def press(self, modifiers: int, vk: int) -> None:
        for hot_id, combo in self.registered.items():
            if combo == (modifiers, vk):
                self._post(("hotkey", hot_id))

    def _post(self, item: object) -> None:
        with self._lock:
            queues = list(self._queues.values())
        for q in queues:
            q.put(item)

    # -- the Win32 seam ------------------------------------------------------------------------
    def thread_id(self) -> int:
        tid = threading.get_ident()
        with self._lock:
            self._queues.setdefault(tid, queue.Queue())
        return tid

    def foreground(self) -> int:
        return self.front

    def describe(self, hwnd: int) -> FocusedWindow | None:
        if self.broken_describe:
            raise OSError(1400, "Invalid window handle")
        return self.windows.get(hwnd)

    def pump(self, on_event) -> None:  # noqa: ANN001
        q = self._queues[threading.get_ident()]
        while (item := q.get()) is not _QUIT:
            if item[0] != "hotkey":
                on_event(*item)

    def pump_hotkeys(self, on_hotkey) -> None:  # noqa: ANN001
        q = self._queues[threading.get_ident()]
        while (item := q.get()) is not _QUIT:
            if item[0] == "hotkey":
                on_hotkey(item[1])

    def register(self, hot_id: int, modifiers: int, vk: int) -> bool:
        if (modifiers & ~0x4000, vk) in self.held_by_others:
            return False
        self.registered[hot_id] = (modifiers & ~0x4000, vk)      # MOD_NOREPEAT is not part of the combination
        return True

    def unregister(self, hot_id: int) -> None:
        self.registered.pop(hot_id, None)

    def quit(self, thread_id: int) -> None:
        with self._lock:
            q = self._queues.get(thread_id)
        if q is not None:
            q.put(_QUIT)
