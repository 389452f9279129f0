"""X11: the focused window from the window manager's ``_NET_ACTIVE_WINDOW`` (EWMH), through python-xlib.

Why not poll: the window manager sets the root window's property on every focus change, and a
PropertyNotify on it wakes this thread at once, so a payment window is caught the moment it takes the
keyboard and nothing runs while the focus stays put (the idle budget is 0.05 CPU s a minute).
Why not a keyboard hook: it would see every key the agent types, card numbers included.
"""
from __future__ import annotations

import logging
import os
import select
import threading
from typing import Callable

from taltio.adapters.focus import ChangeReporter
from taltio.domain.ports import FocusedWindow, FocusWatcher

log = logging.getLogger("taltio.focus.x11")


def _process_name(pid: int | None) -> str:
    if not pid:
        return ""
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as f:
            return f.read().strip()
    except OSError:
        return ""       # another user's process, or gone already


class X11FocusWatcher(FocusWatcher):
    def __init__(self, display: str | None = None) -> None:
        self._name = display or os.environ.get("DISPLAY", "")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        self.unavailable = "" if self._name else "no X11 display (a Wayland session cannot see other windows)"

    def start(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        if self.unavailable:
            return
        from Xlib import X, display, error

        try:
            d = display.Display(self._name)
        except (error.DisplayError, OSError) as exc:
            self.unavailable = f"cannot open the X11 display {self._name}: {exc}"
            return
        self._thread = threading.Thread(target=self._run, args=(d, X, on_change), name="taltio-focus", daemon=True)
        self._thread.start()

    def _run(self, d, X, on_change) -> None:  # noqa: ANN001 - python-xlib objects
        atoms = {n: d.intern_atom(n) for n in ("_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "UTF8_STRING", "_NET_WM_PID",
                                               "WM_NAME")}
        root = d.screen().root
        root.change_attributes(event_mask=X.PropertyChangeMask)
        report = ChangeReporter(on_change)
        try:
            while not self._stop.is_set():
                report(self._active(d, X, root, atoms))
                self._wait(d, {atoms[n] for n in ("_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "WM_NAME")})
        except Exception:  # noqa: BLE001 - the X server went away (logout): stop quietly, once
            log.warning("the X11 focus watcher stopped", exc_info=True)
        finally:
            d.close()

    def _wait(self, d, watched: set[int]) -> None:  # noqa: ANN001
        """Until the active window, or the title of the one active now, may have changed; or close()."""
        while not self._stop.is_set():
            if not d.pending_events():
                select.select([d.fileno(), self._wake_r], [], [], 5.0)
            while d.pending_events():
                ev = d.next_event()
                if getattr(ev, "atom", None) in watched:
                    return
            if self._stop.is_set():
                return

    @staticmethod
    def _active(d, X, root, atoms) -> FocusedWindow | None:  # noqa: ANN001
        prop = root.get_full_property(atoms["_NET_ACTIVE_WINDOW"], X.AnyPropertyType)
        if not prop or not len(prop.value) or not prop.value[0]:
            return None
        from Xlib import error

        try:
            w = d.create_resource_object("window", int(prop.value[0]))
            name = w.get_full_property(atoms["_NET_WM_NAME"], atoms["UTF8_STRING"]) \
                or w.get_full_property(atoms["WM_NAME"], X.AnyPropertyType)
            pid = w.get_full_property(atoms["_NET_WM_PID"], X.AnyPropertyType)
            # Its title changes too (a browser switching to the payment tab): hear of that as well.
            w.change_attributes(event_mask=X.PropertyChangeMask, onerror=error.CatchError())
        except error.XError:
            return None
        title = name.value.decode("utf-8", "replace") if name and isinstance(name.value, bytes) else ""
        return FocusedWindow(title, _process_name(int(pid.value[0]) if pid and len(pid.value) else None))

    def close(self) -> None:
        self._stop.set()
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass
        if self._thread is not None and threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
