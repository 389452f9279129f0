"""Global keyboard shortcuts as settings write them: ``Ctrl+Alt+Shift+S``, ``Ctrl+F9``, ``F13``.

The text is Qt's portable form (what QKeySequence.toString() writes and the agent reads in the menus), but
the domain has no Qt: the adapters that grab a key system-wide (X11 XGrabKey, Windows RegisterHotKey) take
the parsed `Shortcut`. Why a parser of our own: QKeySequence would pull Qt into the core and accepts what a
global grab must refuse (a plain letter would steal every 'e' the agent types).
"""
from __future__ import annotations

from dataclasses import dataclass

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, shorten

MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")            # Meta: the Windows/Super/Command key
_ALIASES = {"control": "Ctrl", "ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta", "super": "Meta",
            "win": "Meta", "cmd": "Meta"}
# Keys a shortcut may name besides letters, digits and F1-F24 (portable names, as Qt writes them).
NAMED_KEYS = ("Space", "Insert", "Delete", "Home", "End", "PgUp", "PgDown", "Pause", "ScrollLock")
# Keys nobody types text with: these may stand alone; any other key needs Ctrl, Alt or Meta with it.
_ALONE = {f"F{n}" for n in range(13, 25)} | {"Pause", "ScrollLock"}


@dataclass(frozen=True)
class Shortcut:
    modifiers: frozenset[str]      # a subset of MODIFIERS
    key: str                       # "S", "7", "F9" or one of NAMED_KEYS

    def __str__(self) -> str:
        return "+".join([m for m in MODIFIERS if m in self.modifiers] + [self.key])


def _key(name: str) -> str | None:
    if len(name) == 1 and name.isascii() and name.isalnum():
        return name.upper()
    if name[:1] in "Ff" and name[1:].isdigit() and 1 <= int(name[1:]) <= 24:
        return f"F{int(name[1:])}"
    return next((k for k in NAMED_KEYS if k.lower() == name.lower()), None)


def parse(text: str) -> Shortcut:
    """The shortcut *text* names; ValueError (a translatable Text) saying what to write instead."""
    parts = [p.strip() for p in text.split("+")]
    if not all(parts):
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "'{text}' is not a shortcut: write keys joined by +, "
                                                "e.g. Ctrl+Alt+Shift+S"), text=shorten(text, 40)))
    *mods, last = parts
    modifiers = set()
    for m in mods:
        name = _ALIASES.get(m.lower())
        if name is None:
            raise ValueError(Text(QT_TRANSLATE_NOOP("core", "'{part}' in '{text}' is not a modifier: use Ctrl, "
                                                    "Alt, Shift or Meta"), part=shorten(m, 20), text=shorten(text, 40)))
        modifiers.add(name)
    key = _key(last)
    if key is None:
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "'{key}' in '{text}' is not a key a shortcut can use: a "
                                                "letter, a digit, F1-F24, or one of {named}"),
                              key=shorten(last, 20), text=shorten(text, 40), named=", ".join(NAMED_KEYS)))
    if key not in _ALONE and not modifiers & {"Ctrl", "Alt", "Meta"}:
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "'{text}' would take the key from every program the agent "
                                                "types in: add Ctrl, Alt or Meta"), text=shorten(text, 40)))
    return Shortcut(frozenset(modifiers), key)


def check(text: str) -> str | None:
    """The settings validator: None if *text* is empty (no shortcut) or a shortcut, else why not."""
    if not text.strip():
        return None
    try:
        parse(text)
    except ValueError as exc:
        return exc.args[0]
    return None
