"""A desktop where no program may take a key from the others (Wayland): says why, and binds nothing."""
from __future__ import annotations

from typing import Callable

from taltio.domain.ports import GlobalShortcuts


class UnavailableShortcuts(GlobalShortcuts):
    def __init__(self, reason: str) -> None:
        self.unavailable = reason

    def bind(self, bindings: dict, on_press: Callable[[str], None]) -> dict[str, str]:
        return {}

    def close(self) -> None:
        return None
