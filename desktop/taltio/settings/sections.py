"""Typed, frozen views of the settings, derived from the schema.

`Settings.section("fleet")` returns a frozen dataclass whose fields are the section's keys with
the schema's types (`fleet.heartbeat_minutes` -> `heartbeat_minutes: float`). The classes are made
with dataclasses.make_dataclass from the schema and cached per section, so a setting added to
the schema is a field at once, with no code here to change.

Type checkers cannot see generated fields; for them `Settings.get(key)` is typed per key through
the Literal key lists in settings/keys.py, which `write_keys()` regenerates from the schema (a test
checks that the file is current).
"""
from __future__ import annotations

import keyword
from dataclasses import make_dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from taltio.settings.schema import Setting

DOCS = "docs/configuration.md"


class UnknownSetting(KeyError):
    """A key that is not in the schema (a typo, or a setting that was renamed or removed)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:       # KeyError's own str() would only repr the key
        return f"'{self.key}' is not a setting (see {DOCS})"


class UnknownSection(UnknownSetting):
    def __init__(self, name: str, known: Iterable[str]) -> None:
        super().__init__(name)
        self.known = tuple(known)

    def __str__(self) -> str:
        return f"'{self.key}' is not a settings section (sections: {', '.join(self.known)}; see {DOCS})"


def section_of(key: str) -> str:
    """The section of a key: its first part, the top-level TOML table (`fleet` of `fleet.stale_minutes`)."""
    return key.split(".", 1)[0]


def field_name(key: str) -> str:
    """The dataclass field for a key: the rest after the section, nested parts joined by '__' so they
    stay apart from one-part names (`a.b.c` -> `b__c`), a trailing '_' on Python keywords."""
    parts = key.split(".")[1:]
    if not parts or not all(p.isidentifier() for p in parts):
        raise ValueError(f"{key}: a setting's key must be SECTION.NAME with identifier parts")
    name = "__".join(parts)
    return name + "_" if keyword.iskeyword(name) else name


def sections(by_key: Mapping[str, Setting]) -> tuple[str, ...]:
    """The section names, in schema order."""
    return tuple(dict.fromkeys(section_of(k) for k in by_key))


def _annotation(setting: Setting) -> Any:
    return list[str] if setting.type is list else setting.type   # lists are always lists of strings


_TYPES: dict[tuple, Any] = {}


def section_type(name: str, by_key: Mapping[str, Setting]) -> Any:
    """The frozen dataclass of one section, made once per section (and schema: tests extend it)."""
    members = tuple((field_name(s.key), s.key, s.type) for s in by_key.values() if section_of(s.key) == name)
    if not members:
        raise UnknownSection(name, sections(by_key))
    cache_key = (name, members)
    if cache_key not in _TYPES:
        _TYPES[cache_key] = _make_type(name, [(fname, by_key[key]) for fname, key, _ in members])
    return _TYPES[cache_key]


def _make_type(name: str, members: list[tuple[str, Setting]]) -> Any:
    seen: dict[str, str] = {}
    for fname, setting in members:
        if fname in seen:
            raise ValueError(f"settings {seen[fname]} and {setting.key} would both be the field '{fname}' "
                             f"of section '{name}'; rename one")
        seen[fname] = setting.key
    cls: Any = make_dataclass(f"{name.title().replace('_', '')}Settings",
                              [(fname, _annotation(setting)) for fname, setting in members], frozen=True, slots=True)
    cls.__module__ = __name__
    cls.__doc__ = f"The [{name}] settings (see {DOCS}): " + ", ".join(s.key for _, s in members)
    cls.KEYS = dict(seen)               # field name -> setting key
    return cls


def make_section(name: str, values: Mapping[str, Any], by_key: Mapping[str, Setting]) -> Any:
    """A frozen snapshot of one section's current values (lists copied: changing one changes nothing else)."""
    cls = section_type(name, by_key)
    return cls(**{fname: _copy(values[key]) for fname, key in cls.KEYS.items()})


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


_TYPE_NAMES = ((str, "StrKey"), (int, "IntKey"), (float, "FloatKey"), (bool, "BoolKey"), (list, "ListKey"))


def keys_module(schema: Iterable[Setting]) -> str:
    """The source of settings/keys.py: every key, grouped by its type, as Literal types."""
    schema = tuple(schema)
    out = ['"""Every setting\'s key by its type, for type checkers: `Settings.get(key)` returns the type of the key\'s',
           "setting, and a key not in the schema is a type error.",
           "",
           "Generated from settings/schema.py; do not edit. Regenerate with",
           "    .venv/bin/python -c 'from taltio.settings import sections; sections.write_keys()'",
           '(tests/test_settings_typed.py checks that it is current)."""',
           "from typing import Literal", ""]
    known = {t for t, _ in _TYPE_NAMES}
    odd = [s.key for s in schema if s.type not in known]
    if odd:
        raise ValueError(f"no key list for the type of {', '.join(odd)}")
    for t, alias in _TYPE_NAMES:
        keys = [s.key for s in schema if s.type is t]
        if not keys:
            raise ValueError(f"no setting is a {t.__name__}: drop {alias} from _TYPE_NAMES and Settings.get")
        out.append(f"{alias} = Literal[")
        out.extend(f'    "{k}",' for k in keys)
        out.append("]")
    return "\n".join(out) + "\n"


def write_keys() -> Path:
    """Regenerate settings/keys.py after a change to the schema."""
    from taltio.settings.schema import SCHEMA

    text = keys_module(SCHEMA)          # all of it before the file is touched
    path = Path(__file__).with_name("keys.py")
    path.write_text(text)
    return path
