"""Windows: global shortcuts with ``RegisterHotKey``, through ctypes (user32).

Why a hot key and not a keyboard hook (``WH_KEYBOARD_LL``, pynput): Windows delivers only the registered
combinations to us as ``WM_HOTKEY``, so this process never sees any other key the agent types, card numbers
included. A combination another program registered is refused (``ERROR_HOTKEY_ALREADY_REGISTERED``) and
reported, never silently dead. ``MOD_NOREPEAT`` keeps a held key from repeating its press.

Hot keys belong to the thread that registered them and arrive in its message queue: each `bind` starts one
thread that registers, reports what was refused, runs its message loop, and unregisters when told to quit.
Everything Windows-specific sits behind `HotKeyApi` (`User32HotKeys` is the real one); tests use a fake.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable, Protocol

from taltio.domain.ports import NO_KEY, TAKEN, GlobalShortcuts
from taltio.domain.shortcuts import Shortcut

log = logging.getLogger("taltio.shortcuts.windows")

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_MODS = {"Alt": MOD_ALT, "Ctrl": MOD_CONTROL, "Shift": MOD_SHIFT, "Meta": MOD_WIN}
# domain.shortcuts key names -> virtual-key codes (letters and digits are their ASCII codes)
_VK = {"Space": 0x20, "PgUp": 0x21, "PgDown": 0x22, "End": 0x23, "Home": 0x24, "Insert": 0x2D, "Delete": 0x2E,
       "Pause": 0x13, "ScrollLock": 0x91, **{f"F{n}": 0x6F + n for n in range(1, 25)}}
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012


def virtual_key(key: str) -> int | None:
    if len(key) == 1 and key.isascii() and key.isalnum():
        return ord(key.upper())
    return _VK.get(key)


def modifiers_of(shortcut: Shortcut) -> int:
    mods = MOD_NOREPEAT
    for m in shortcut.modifiers:
        mods |= _MODS[m]
    return mods


class HotKeyApi(Protocol):
    def thread_id(self) -> int: ...
    def register(self, hot_id: int, modifiers: int, vk: int) -> bool: ...
    def unregister(self, hot_id: int) -> None: ...
    def pump_hotkeys(self, on_hotkey: Callable[[int], None]) -> None:
        """This thread's message loop until WM_QUIT; *on_hotkey(id)* for each WM_HOTKEY."""
    def quit(self, thread_id: int) -> None: ...


class WindowsShortcuts(GlobalShortcuts):
    def __init__(self, api: HotKeyApi | None = None) -> None:
        self._api = api
        self._loop: _HotKeyThread | None = None

    def bind(self, bindings: dict, on_press: Callable[[str], None]) -> dict[str, str]:
        self.close()
        if not bindings:
            return {}
        if self._api is None:
            try:
                self._api = User32HotKeys()
            except (OSError, AttributeError) as exc:    # no user32 (a service session; not Windows at all)
                self.unavailable = f"user32 is not available: {exc}"
                return {}
        self._loop = _HotKeyThread(self._api, bindings, on_press)
        return self._loop.start()

    def close(self) -> None:
        if self._loop is not None:
            self._loop.stop()
            self._loop = None


class _HotKeyThread:
    """One thread: registers the hot keys, hears them, unregisters them."""

    def __init__(self, api: HotKeyApi, bindings: dict, on_press: Callable[[str], None]) -> None:
        self.api, self.bindings, self.on_press = api, bindings, on_press
        self.refused: dict[str, str] = {}
        self.actions: dict[int, str] = {}
        self._ready = threading.Event()
        self._tid = 0
        self._thread = threading.Thread(target=self._run, name="taltio-shortcuts", daemon=True)

    def start(self) -> dict[str, str]:
        self._thread.start()
        self._ready.wait(2.0)
        return dict(self.refused)

    def _run(self) -> None:
        api = self.api
        try:
            self._tid = api.thread_id()
            for hot_id, (action, shortcut) in enumerate(self.bindings.items(), start=1):
                vk = virtual_key(shortcut.key)
                if vk is None:
                    self.refused[action] = NO_KEY
                elif api.register(hot_id, modifiers_of(shortcut), vk):
                    self.actions[hot_id] = action
                else:
                    self.refused[action] = TAKEN
        finally:
            self._ready.set()
        if not self.actions:
            return
        try:
            api.pump_hotkeys(self._press)
        except Exception:  # noqa: BLE001 - the session ended (logoff): stop quietly, once
            log.warning("the Windows shortcuts stopped", exc_info=True)
        finally:
            for hot_id in self.actions:
                api.unregister(hot_id)

    def _press(self, hot_id: int) -> None:
        action = self.actions.get(hot_id)
        if action is None:
            return
        try:
            self.on_press(action)
        except Exception:  # noqa: BLE001 - the shortcut thread must not die on a consumer's bug
            log.exception("shortcut handler failed")

    def stop(self) -> None:
        if self._tid and self._thread.is_alive():
            self.api.quit(self._tid)
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)


class User32HotKeys:
    """The real Win32 calls, through ctypes."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self._c, self._w = ctypes, wintypes
        self.user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]

    def thread_id(self) -> int:
        return int(self.kernel32.GetCurrentThreadId())

    def register(self, hot_id: int, modifiers: int, vk: int) -> bool:
        return bool(self.user32.RegisterHotKey(None, hot_id, modifiers, vk))

    def unregister(self, hot_id: int) -> None:
        self.user32.UnregisterHotKey(None, hot_id)

    def pump_hotkeys(self, on_hotkey: Callable[[int], None]) -> None:
        c, w = self._c, self._w
        msg = w.MSG()
        while self.user32.GetMessageW(c.byref(msg), None, 0, 0) > 0:
            if msg.message == WM_HOTKEY:
                on_hotkey(int(msg.wParam))

    def quit(self, thread_id: int) -> None:
        self.user32.PostThreadMessageW(thread_id, WM_QUIT, 0, 0)
