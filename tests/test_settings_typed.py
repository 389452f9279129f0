"""Typed settings (issue 13, point 5): frozen sections made from the schema, a typed get(), unknown keys
refused, and a scan proving that every key the code and the tests read is in the schema."""
from __future__ import annotations

import ast
import dataclasses
import os
import re
import typing
from pathlib import Path

import pytest

from taltio import settings as settings_mod
from taltio.settings import BY_KEY, SCHEMA, Setting, UnknownSection, UnknownSetting, keys, loader, sections

ROOT = Path(__file__).resolve().parents[1]
NOT_A_SETTING = "fleet.heartbeat_minuets"      # a typo of fleet.heartbeat_minutes


@pytest.fixture
def st(tmp_path):
    machine = tmp_path / "m.toml"
    machine.write_text('[fleet]\nheartbeat_minutes = 0.5\n[privacy]\nalways_private_numbers = ["+358 9 1234*"]\n')
    return settings_mod.load(machine, tmp_path / "u.toml")


# -- sections -----------------------------------------------------------------------------------

def test_every_section_is_a_frozen_dataclass_with_the_schemas_keys_and_types(st):
    by_section: dict[str, list[Setting]] = {}
    for s in SCHEMA:
        by_section.setdefault(s.key.split(".")[0], []).append(s)
    assert sections.sections(BY_KEY) == tuple(by_section)
    for name, members in by_section.items():
        snap = st.section(name)
        cls = type(snap)
        assert dataclasses.is_dataclass(snap) and cls.__dataclass_params__.frozen
        hints = typing.get_type_hints(cls)
        assert [f.name for f in dataclasses.fields(cls)] == [s.key.split(".", 1)[1] for s in members]
        for s in members:
            field = s.key.split(".", 1)[1]
            assert hints[field] == (list[str] if s.type is list else s.type), s.key
            assert getattr(snap, field) == st[s.key] and cls.KEYS[field] == s.key
        assert type(st.section(name)) is cls                      # made once per section
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(snap, dataclasses.fields(cls)[0].name, None)


def test_section_values_are_this_settings_and_a_snapshot(st):
    fleet = st.section("fleet")
    assert fleet.heartbeat_minutes == 0.5 and isinstance(fleet.heartbeat_minutes, float)
    assert fleet.backlog_warn_count == 20 and fleet.bucket == ""
    privacy = st.section("privacy")
    privacy.always_private_numbers.append("+1*")                  # a copy: the settings are untouched
    assert st["privacy.always_private_numbers"] == ["+358 9 1234*"]
    st.values["fleet.heartbeat_minutes"] = 2.0                    # e.g. the agent saved a preference
    assert fleet.heartbeat_minutes == 0.5 and st.section("fleet").heartbeat_minutes == 2.0


def test_unknown_section_names_the_sections(st):
    with pytest.raises(UnknownSection, match=r"'flet' is not a settings section \(sections: agent, .*fleet, policy"):
        st.section("flet")
    with pytest.raises(KeyError):
        st.section("flet")


def test_nested_keys_get_fields_that_stay_unique():
    nested = {s.key: s for s in (Setting("a.b.c", int, 1, "x", scope="machine"),
                                 Setting("a.b", str, "", "x", scope="machine"),
                                 Setting("a.d_e", float, 0.0, "x", scope="machine"),
                                 Setting("a.class", bool, False, "x", scope="machine"))}
    cls = sections.section_type("a", nested)
    assert [f.name for f in dataclasses.fields(cls)] == ["b__c", "b", "d_e", "class_"]
    snap = sections.make_section("a", {"a.b.c": 2, "a.b": "y", "a.d_e": 1.5, "a.class": True}, nested)
    assert (snap.b__c, snap.b, snap.d_e, snap.class_) == (2, "y", 1.5, True)
    clash = {**nested, "a.b__c": Setting("a.b__c", int, 0, "x", scope="machine")}
    with pytest.raises(ValueError, match="a.b.c and a.b__c would both be the field 'b__c'"):
        sections.section_type("a", clash)


def test_a_setting_added_to_the_schema_is_a_field_at_once(st, monkeypatch):
    extra = Setting("fleet.jitter_seconds", float, 3.0, "x")
    monkeypatch.setattr(loader, "BY_KEY", {**BY_KEY, extra.key: extra})
    st.values[extra.key] = 3.0
    assert st.section("fleet").jitter_seconds == 3.0


# -- get() and [] -----------------------------------------------------------------------------------

def test_get_returns_the_value_and_refuses_unknown_keys(st):
    assert st.get("fleet.heartbeat_minutes") == 0.5 and st.get("storage.url") == ""
    with pytest.raises(UnknownSetting) as exc:
        st.get(NOT_A_SETTING)  # type: ignore[call-overload] - the point: not a key
    assert isinstance(exc.value, KeyError) and exc.value.key == NOT_A_SETTING
    assert str(exc.value) == f"'{NOT_A_SETTING}' is not a setting (see docs/configuration.md)"


def test_getitem_refuses_a_key_not_in_the_schema_even_if_values_hold_it(st):
    st.values[NOT_A_SETTING] = 1.0                               # e.g. left behind by old code
    with pytest.raises(KeyError, match=r"not a setting \(see docs/configuration\.md\)"):
        st["fleet.heartbeat_minuets"]                            # literally: the scan below allows it
    assert st["fleet.heartbeat_minutes"] == 0.5


def test_get_is_typed_per_key_for_type_checkers():
    """settings/keys.py is current, and each get() overload returns its keys' schema type."""
    assert (ROOT / "desktop/taltio/settings/keys.py").read_text() == sections.keys_module(SCHEMA), (
        "regenerate settings/keys.py (the command is in its docstring)")
    returns = {}
    for fn in typing.get_overloads(loader.Settings.get):
        hints = typing.get_type_hints(fn, vars(loader))
        returns.update({k: hints["return"] for k in typing.get_args(hints["key"])})
    assert returns == {s.key: (list[str] if s.type is list else s.type) for s in SCHEMA}
    assert set(typing.get_args(keys.FloatKey)) >= {"fleet.heartbeat_minutes", "policy.poll_minutes"}


# -- TALTIO_CONFIG -----------------------------------------------------------------------------------

def test_taltio_config_is_read_in_one_place_of_the_settings_package(monkeypatch, tmp_path):
    readers = [f"{p.name}:{n}" for p in sorted((ROOT / "desktop/taltio/settings").glob("*.py"))
               for n, line in enumerate(p.read_text().splitlines(), 1)
               if "os.environ" in line and ("TALTIO_CONFIG" in line or "CONFIG_ENV" in line)]
    assert len(readers) == 1 and readers[0].startswith("loader.py:"), readers
    monkeypatch.setenv("TALTIO_CONFIG", "")
    assert settings_mod.config_override() is None
    monkeypatch.setenv("TALTIO_CONFIG", str(tmp_path / "gone.toml"))
    assert settings_mod.config_override() == settings_mod.machine_config_path() == tmp_path / "gone.toml"
    with pytest.raises(settings_mod.ConfigError, match="TALTIO_CONFIG points to .*gone.toml, which does not exist"):
        settings_mod.load(settings_mod.machine_config_path(), tmp_path / "u.toml")
    monkeypatch.delenv("TALTIO_CONFIG")
    assert settings_mod.config_override() is None and os.environ.get("TALTIO_CONFIG") is None


# -- every key read anywhere is in the schema ----------------------------------------------------------

KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
# What holds a Settings object, by name: settings, st, s, self.settings, app.settings, core.settings, ...
SETTINGS_NAMES = {"settings", "st", "s", "new", "old", "again", "current", "cfg"}
SETTINGS_ATTRS = {"settings"}                   # x.settings, self.core.settings
MAPS_BY_KEY = {"values", "origins"}             # settings.values[...] / settings.origins[...]
SCHEMA_MAPS = {"BY_KEY"}                        # BY_KEY[...], settings_mod.BY_KEY[...]
# Functions returning a Settings: load_settings()[...], settings_mod.load(...)[...]
LOADERS = {"load", "load_settings", "reload_settings", "settings_with_policy"}
SETTINGS_MODULES = {"settings", "settings_mod", "loader", "config", "compose"}
# (file, key): why this dotted string read from a settings-like object is not a setting.
ALLOWED = {
    ("tests/test_settings_typed.py", NOT_A_SETTING): "deliberately not a setting: proves unknown keys are refused",
    ("tests/test_settings_typed.py", "flet"): "deliberately no section: proves unknown sections are refused",
    ("tests/test_settings_typed.py", "fleet.jitter_seconds"): "added to a patched schema by the test that reads it",
}


def _holds_settings(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in SETTINGS_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in SETTINGS_ATTRS or (node.attr in MAPS_BY_KEY and _holds_settings(node.value))
    if isinstance(node, ast.Call):
        f = node.func
        return (isinstance(f, ast.Name) and f.id in LOADERS) or (
            isinstance(f, ast.Attribute) and f.attr in LOADERS and ast.unparse(f.value) in SETTINGS_MODULES)
    return False


def _is_schema_map(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id in SCHEMA_MAPS) or (
        isinstance(node, ast.Attribute) and node.attr in SCHEMA_MAPS)


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _reads(tree: ast.AST):
    """(line, kind, text) of each setting key, section or section field the code names literally."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Subscript) and (_holds_settings(n.value) or _is_schema_map(n.value)):
            yield n.lineno, "key", _text(n.slice)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.args:
            f, first = n.func, _text(n.args[0])
            if f.attr in ("get", "pop") and (_holds_settings(f.value) or _is_schema_map(f.value)):
                yield n.lineno, "key", first
            elif f.attr == "section" and first is not None:
                yield n.lineno, "section", first
            elif f.attr == "locked" and len(n.args) >= 2:
                yield n.lineno, "key", _text(n.args[1])
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "locked" and len(n.args) >= 2:
            yield n.lineno, "key", _text(n.args[1])
        if isinstance(n, ast.Attribute) and _section_call(n.value):
            yield n.lineno, "field", f"{_section_call(n.value)}.{n.attr}"
    for scope in ast.walk(tree):               # fleet = settings.section("fleet"); fleet.heartbeat_minutes
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            named = {t.id: _section_call(a.value) for a in ast.walk(scope) if isinstance(a, ast.Assign)
                     and _section_call(a.value) for t in a.targets if isinstance(t, ast.Name)}
            for n in ast.walk(scope):
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in named:
                    yield n.lineno, "field", f"{named[n.value.id]}.{n.attr}"


def _section_call(node: ast.expr) -> str | None:
    """The section named by `<anything>.section("name")`, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "section" \
            and node.args:
        return _text(node.args[0])
    return None


def unknown_keys(root: Path, dirs: tuple[str, ...]) -> tuple[list[str], int, set]:
    """Every literal key, section and section field read through a settings-like object under *dirs*
    that the schema does not have: ['path:line: kind text'], how many reads were checked, and which
    ALLOWED entries were met."""
    section_names = set(sections.sections(BY_KEY))
    fields = {f"{s.key.split('.')[0]}.{sections.field_name(s.key)}" for s in SCHEMA}
    bad, checked, allowed = [], 0, set()
    for d in dirs:
        for path in sorted((root / d).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            for line, kind, text in sorted(_reads(ast.parse(path.read_text(), rel)), key=lambda r: r[:2]):
                if text is None or (kind == "key" and not KEY.fullmatch(text)):
                    continue                    # not a literal, or not dotted: not a setting's key
                checked += 1
                known = {"key": BY_KEY, "section": section_names, "field": fields}[kind]
                if text in known:
                    continue
                if (rel, text) in ALLOWED:
                    allowed.add((rel, text))
                else:
                    bad.append(f"{rel}:{line}: {kind} {text}")
    return bad, checked, allowed


def test_every_key_the_code_and_the_tests_read_is_in_the_schema():
    bad, checked, allowed = unknown_keys(ROOT, ("desktop/taltio", "tests", "scripts", "benchmarks"))
    assert bad == [], "not in the settings schema (settings/schema.py; or ALLOWED, with the reason):\n" + \
        "\n".join(bad)
    assert checked > 100, f"only {checked} reads found: has the scan gone blind?"
    assert allowed == set(ALLOWED), f"ALLOWED entries no longer met (remove them): {set(ALLOWED) - allowed}"
    assert not any(key in BY_KEY for _, key in ALLOWED)


def test_the_scan_finds_a_planted_wrong_key_and_only_on_settings(tmp_path):
    """A test of the test: wrong keys planted in every form it looks at are found; dotted strings on
    other objects (documents, file names, dialogs' controls) are not."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "planted.py").write_text(
        "def f(settings, self, st, doc, headers, dlg, settings_mod, json, fh):\n"
        "    a = settings['fleet.heartbeat_minuets']\n"                      # 2: typo
        "    b = self.settings['storage.ulr']\n"                             # 3
        "    c = st.get('policy.poll_minute', 5)\n"                          # 4
        "    d = settings.values['ui.languag']\n"                            # 5
        "    e = settings_mod.locked(settings, 'audio.mic')\n"               # 6
        "    g = settings.section('flet')\n"                                 # 7
        "    h = settings.section('fleet').heartbeat_minutess\n"             # 8
        "    i = settings_mod.load(None)['fleet.heartbeat_minutes_']\n"     # 9
        "    j = settings_mod.BY_KEY['storage.urls']\n"                     # 10
        "    ok = settings['fleet.heartbeat_minutes'], settings.section('fleet').stale_minutes\n"
        "    fleet = settings.section('fleet')\n"
        "    return fleet.bucket, fleet.heartbeat_minuts\n"                  # 13
        "def other(fleet, doc, headers, dlg, json, fh, settings, st):\n"
        "    fleet.whatever\n"                                              # a parameter: not known to be one
        "    other = doc['fleet.json'], headers.get('x.amz.date'), dlg.controls['ui.badge']\n"
        "    more = json.load(fh)['a.b'], settings['calls'], st.get('queue')\n")
    bad, checked, _ = unknown_keys(tmp_path, ("pkg",))
    assert [b.split(": ", 1)[1] for b in bad] == [
        "key fleet.heartbeat_minuets", "key storage.ulr", "key policy.poll_minute", "key ui.languag",
        "key audio.mic", "section flet", "field fleet.heartbeat_minutess", "key fleet.heartbeat_minutes_",
        "key storage.urls", "field fleet.heartbeat_minuts"], bad
    assert [int(b.split(":")[1]) for b in bad] == [*range(2, 11), 13]
    # The 10 wrong ones, section('fleet') on lines 8, 11 and 12, line 11's key and field, and line 13's
    # fleet.bucket: 16 reads; none of the others.
    assert checked == 16
