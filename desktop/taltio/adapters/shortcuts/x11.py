"""X11: global shortcuts as passive key grabs on the root window (XGrabKey), through python-xlib.

Why a grab and not a keyboard listener (pynput, XRecord): a grab delivers only the bound combinations to
us, so this process never sees any other key the agent types, card numbers included. A combination another
program holds already is refused by the server (BadAccess) and reported, never silently dead.

Each `bind` opens its own connection and grabs on it before its thread starts, so no two threads share a
python-xlib Display; closing the connection releases every grab it made.
"""
from __future__ import annotations

import logging
import os
import select
import threading
import time
from typing import Callable

from taltio.domain.ports import NO_KEY, TAKEN, GlobalShortcuts
from taltio.domain.shortcuts import Shortcut

log = logging.getLogger("taltio.shortcuts.x11")

# domain.shortcuts key names -> X keysym names (letters and digits are their own, lower case)
_KEYSYMS = {"Space": "space", "PgUp": "Prior", "PgDown": "Next", "ScrollLock": "Scroll_Lock"}
REPEAT_S = 1.0          # a held key repeats its press: one action per second at most


class X11Shortcuts(GlobalShortcuts):
    def __init__(self, display: str | None = None) -> None:
        self._name = display or os.environ.get("DISPLAY", "")
        self._conn: _Connection | None = None
        self.unavailable = "" if self._name else "no X11 display"

    def bind(self, bindings: dict, on_press: Callable[[str], None]) -> dict[str, str]:
        self.close()
        if self.unavailable or not bindings:
            return {}
        from Xlib import display, error

        try:
            d = display.Display(self._name)
        except (error.DisplayError, OSError) as exc:
            self.unavailable = f"cannot open the X11 display {self._name}: {exc}"
            return {}
        self._conn = _Connection(d, on_press)
        return self._conn.grab_all(bindings)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _Connection:
    """One X connection: its grabs and the thread that hears them."""

    def __init__(self, d, on_press: Callable[[str], None]) -> None:  # noqa: ANN001 - a python-xlib Display
        from Xlib import X

        self.d, self.X, self.on_press = d, X, on_press
        self.root = d.screen().root
        self.masks = self._modifier_masks()
        self.grabs: dict[tuple[int, int], str] = {}          # (keycode, modifier mask) -> action
        self._stop = threading.Event()
        self._wake_r, self._wake_w = os.pipe()
        self._thread: threading.Thread | None = None

    def _modifier_masks(self) -> dict[str, int]:
        """Which ModN bit holds Alt, Meta and Num Lock here (the server's modifier map says; Mod1, Mod4 and
        Mod2 on most keyboards)."""
        from Xlib import XK

        X = self.X
        held = {}
        for index, codes in enumerate(self.d.get_modifier_mapping()):
            for code in codes:
                if code:
                    held.setdefault(code, 1 << index)

        def mask_of(*names: str, default: int) -> int:
            for name in names:
                code = self.d.keysym_to_keycode(XK.string_to_keysym(name))
                if code in held:
                    return held[code]
            return default

        return {"Ctrl": X.ControlMask, "Shift": X.ShiftMask, "Alt": mask_of("Alt_L", "Alt_R", default=X.Mod1Mask),
                "Meta": mask_of("Super_L", "Super_R", "Meta_L", default=X.Mod4Mask),
                "NumLock": mask_of("Num_Lock", default=X.Mod2Mask)}

    def _ignored(self) -> tuple[int, ...]:
        """Caps Lock and Num Lock change the state a key press reports: grab the combination under each."""
        lock, num = self.X.LockMask, self.masks["NumLock"]
        return 0, lock, num, lock | num

    def grab_all(self, bindings: dict) -> dict[str, str]:
        refused = {}
        for action, shortcut in bindings.items():
            why = self._grab(action, shortcut)
            if why:
                refused[action] = why
        if self.grabs:
            self._thread = threading.Thread(target=self._run, name="taltio-shortcuts", daemon=True)
            self._thread.start()
        return refused

    def _grab(self, action: str, shortcut: Shortcut) -> str:
        from Xlib import XK, error

        name = _KEYSYMS.get(shortcut.key, shortcut.key.lower() if len(shortcut.key) == 1 else shortcut.key)
        code = self.d.keysym_to_keycode(XK.string_to_keysym(name))
        if not code:
            return NO_KEY
        mods = 0
        for m in shortcut.modifiers:
            mods |= self.masks[m]
        done = []
        for extra in self._ignored():
            catcher = error.CatchError(error.BadAccess)
            self.root.grab_key(code, mods | extra, True, self.X.GrabModeAsync, self.X.GrabModeAsync, onerror=catcher)
            self.d.sync()
            if catcher.get_error():
                for m in done:
                    self.root.ungrab_key(code, m)
                self.d.sync()
                return TAKEN
            done.append(mods | extra)
        self.grabs[(code, mods)] = action
        return ""

    def _run(self) -> None:
        relevant = ~(self.X.LockMask | self.masks["NumLock"]) & 0xFF
        last: dict[str, float] = {}
        try:
            while not self._stop.is_set():
                if not self.d.pending_events():
                    select.select([self.d.fileno(), self._wake_r], [], [], 5.0)
                while self.d.pending_events():
                    ev = self.d.next_event()
                    if ev.type != self.X.KeyPress:
                        continue
                    action = self.grabs.get((ev.detail, ev.state & relevant))
                    now = time.monotonic()
                    if action and now - last.get(action, -REPEAT_S) >= REPEAT_S:
                        last[action] = now
                        self._press(action)
        except Exception:  # noqa: BLE001 - the X server went away (logout): stop quietly, once
            if not self._stop.is_set():
                log.warning("the X11 shortcuts stopped", exc_info=True)
        finally:
            self.d.close()

    def _press(self, action: str) -> None:
        try:
            self.on_press(action)
        except Exception:  # noqa: BLE001 - the shortcut thread must not die on a consumer's bug
            log.exception("shortcut handler failed")

    def close(self) -> None:
        self._stop.set()
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass
        if self._thread is None:
            self.d.close()
        elif threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except OSError:
                pass
