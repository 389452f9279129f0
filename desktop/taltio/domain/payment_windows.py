"""Which focused window is a payment window: the organisation's patterns against its title or program.

PCI DSS asks that card data read aloud is not kept. An agent who forgets to press Pause is the usual
failure, so the organisation lists the windows in which card data is typed (recording.auto_pause_windows),
and the call pauses while one of them has the keyboard.
"""
from __future__ import annotations

from fnmatch import fnmatchcase

from taltio.domain.ports import FocusedWindow
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

PAUSE_REASON = "payment-window"
MAX_PATTERN = 200


def matching(window: FocusedWindow | None, patterns: list[str]) -> str | None:
    """The first pattern the window's title or program name matches (case-insensitive, * and ?), else None."""
    if window is None:
        return None
    title, process = window.title.casefold(), window.process.casefold()
    for pattern in patterns:
        p = pattern.strip().casefold()
        if p and (fnmatchcase(title, p) or (process and fnmatchcase(process, p))):
            return pattern
    return None


def check_patterns(value: list[str]) -> str | None:
    """The setting's validation: a bare '*' would pause every call for good, which no one means."""
    for pattern in value:
        p = pattern.strip()
        if not p or len(p) > MAX_PATTERN:
            return Text(QT_TRANSLATE_NOOP("core", "'{pattern}': a pattern is 1 to {most} characters"),
                        pattern=pattern[:40], most=MAX_PATTERN)
        if not p.strip("*? "):
            return Text(QT_TRANSLATE_NOOP("core", "'{pattern}' matches every window: name the payment window (e.g. "
                                                  "'*Maksu*' or 'payterm.exe')"), pattern=pattern)
    return None
