"""A desktop where Taltio cannot tell which window has the keyboard: says why, and never reports."""
from __future__ import annotations

from typing import Callable

from taltio.domain.ports import FocusedWindow, FocusWatcher


class UnavailableFocusWatcher(FocusWatcher):
    def __init__(self, reason: str) -> None:
        self.unavailable = reason

    def start(self, on_change: Callable[[FocusedWindow | None], None]) -> None:
        return None

    def close(self) -> None:
        return None
