"""The agent's global shortcuts for calls started by hand: the settings' key combinations bound to actions.

Qt-free: the tray app replaces the actions it shows a window for (Start call… asks for the number on the GUI
thread); the headless runner keeps the plain ones. What the desktop refused (a combination another program
holds, no grabs on Wayland) is kept in ``problems`` for the UI to tell the agent once, and logged.
"""
from __future__ import annotations

import logging
from typing import Callable

from taltio.domain import shortcuts
from taltio.domain.events import EventError
from taltio.domain.ports import NO_KEY, TAKEN, GlobalShortcuts
from taltio.domain.session import TransitionError
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.shortcuts")

SETTINGS = {"start_call": "ui.shortcut_start_call", "end_call": "ui.shortcut_end_call"}
_NAMES = {"start_call": QT_TRANSLATE_NOOP("core", "Start call"), "end_call": QT_TRANSLATE_NOOP("core", "End call")}
_REFUSED = {
    TAKEN: QT_TRANSLATE_NOOP("core", "The shortcut {keys} ({action}) is used by another program: choose another "
                             "in Preferences."),
    NO_KEY: QT_TRANSLATE_NOOP("core", "The shortcut {keys} ({action}) names a key this keyboard does not have: "
                              "choose another in Preferences."),
}


class Shortcuts:
    def __init__(self, make: Callable[[], GlobalShortcuts], actions: dict[str, Callable[[], object]]) -> None:
        self._make = make
        self.adapter: GlobalShortcuts | None = None
        self.actions = dict(actions)            # action -> what pressing it does (any thread calls it)
        self.bound: dict[str, shortcuts.Shortcut] = {}
        self.problems: list[str] = []           # for the agent, then emptied by whoever told them

    def configure(self, settings) -> None:  # noqa: ANN001 - taltio.settings.Settings
        """(Re)bind every action's combination from *settings*; the same ones again are left alone."""
        wanted = {}
        for action, key in SETTINGS.items():
            text = settings[key].strip()
            if text:
                wanted[action] = shortcuts.parse(text)       # the schema checked it: this cannot raise
        if wanted == self.bound and self.adapter is not None:
            return
        if self.adapter is None:
            if not wanted:
                return
            self.adapter = self._make()
        refused = self.adapter.bind(wanted, self._pressed)
        self.bound = wanted
        # The shipped defaults on a desktop without grabs (Wayland) are no news to anyone: said only when
        # someone chose the keys (the agent, the organisation or IT).
        chosen = any(key in getattr(settings, "origins", {}) for key in SETTINGS.values())
        if self.adapter.unavailable and wanted and chosen:
            log.warning("global shortcuts are not available here: %s", self.adapter.unavailable)
            self.problems.append(Text(QT_TRANSLATE_NOOP(
                "core", "Keyboard shortcuts for calls do not work on this desktop: use the tray menu or the "
                "status pill.")))
        for action, why in refused.items():
            log.warning("the %s shortcut %s was refused: %s", action, wanted[action], why)
            self.problems.append(Text(_REFUSED[why], keys=str(wanted[action]), action=Text(_NAMES[action])))

    def _pressed(self, action: str) -> None:
        log.info("shortcut: %s", action)
        handler = self.actions.get(action)
        if handler is None:
            return
        try:
            handler()
        except (EventError, TransitionError) as exc:      # recording is off, no call to end: said, not raised
            log.warning("shortcut %s refused: %s", action, exc)

    def close(self) -> None:
        if self.adapter is not None:
            self.adapter.close()
            self.adapter = None
            self.bound = {}
