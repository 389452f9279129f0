"""The preferences page is generated from the settings schema: every user setting, locked ones disabled."""
from __future__ import annotations

import dataclasses
import tomllib

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from taltio import settings as settings_mod
from taltio.ui import preferences
from taltio.ui.preferences import PreferencesDialog


def _load(tmp_path, machine: str = ""):
    m = tmp_path / "machine.toml"
    m.write_text(machine)
    return settings_mod.load(m, tmp_path / "user.toml")


def test_every_user_setting_has_a_control_named_by_its_label(qtbot, tmp_path):
    dlg = PreferencesDialog(_load(tmp_path))
    qtbot.addWidget(dlg)
    expected = {s.key for s in settings_mod.SCHEMA if s.scope == "user"
                and not s.key.startswith(("audio.", "ui.pill_position"))}
    assert set(dlg.controls) == expected and expected >= {"ui.status_pill", "ui.notify_start_stop", "ui.language"}
    assert isinstance(dlg.controls["ui.status_pill"], QCheckBox)
    assert isinstance(dlg.controls["ui.language"], QComboBox)
    assert dlg.controls["ui.status_pill"].accessibleName() == settings_mod.BY_KEY["ui.status_pill"].label
    assert not any(k.startswith(("storage.", "privacy.", "encryption.")) for k in dlg.controls)


def test_a_new_user_setting_appears_without_ui_code(qtbot, tmp_path, monkeypatch):
    extra = settings_mod.Setting("ui.compact_card", bool, False, "Smaller card.", user=True, label="Compact card")
    monkeypatch.setattr(settings_mod, "SCHEMA", (*settings_mod.SCHEMA, extra))
    from taltio.settings import loader, schema

    for mod in (settings_mod, schema, loader):
        monkeypatch.setattr(mod, "BY_KEY", {**settings_mod.BY_KEY, extra.key: extra})
    s = _load(tmp_path)
    s.values[extra.key] = False
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    assert isinstance(dlg.controls["ui.compact_card"], QCheckBox)
    assert "ui.compact_card" in {x.key for x in preferences.user_settings()}


def test_locked_by_machine_policy_is_disabled_and_saving_writes_only_the_changes(qtbot, tmp_path):
    s = _load(tmp_path, '[ui]\nlanguage = "sv"\n')
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    lang = dlg.controls["ui.language"]
    assert not lang.isEnabled() and lang.toolTip() == "Set by your organisation"
    assert dlg.controls["ui.status_pill"].isEnabled()
    dlg.controls["ui.status_pill"].setChecked(False)
    lang.setCurrentIndex(lang.findData("fi"))             # disabled: ignored even if forced
    with qtbot.waitSignal(dlg.saved) as sig:
        dlg.save()
    assert sig.args[0] == {"ui.status_pill": False}
    saved = tomllib.loads((tmp_path / "user.toml").read_text())
    assert saved["ui"] == {"status_pill": False}
    again = _load(tmp_path, '[ui]\nlanguage = "sv"\n')
    assert again["ui.status_pill"] is False and again["ui.language"] == "sv"


@pytest.mark.expect_log_errors("taltio.app")   # no recipients and no keyring: "cannot start recording"
def test_app_applies_saved_preferences_at_once(qtbot, tmp_path):
    from tests.helpers.in_process import in_process_app

    # No recipients: no core needed here.
    with in_process_app(tmp_path, '[storage]\nurl = "file:///nonexistent"\n', user=tmp_path / "user.toml",
                        config_name="m.toml", start=False) as app:
        assert app.pill is not None
        dlg = app.open_preferences()
        dlg.controls["ui.status_pill"].setChecked(False)
        dlg.controls["ui.notify_start_stop"].setChecked(True)
        dlg.save()
        assert app.pill is None and app.view.notify_start_stop is True
        assert dataclasses.is_dataclass(app.settings) and app.settings["ui.status_pill"] is False


def test_bad_text_value_is_refused_visibly(qtbot, tmp_path, monkeypatch):
    extra = settings_mod.Setting("ui.badge", str, "", "x", user=True, label="Badge",
                                 validate=lambda v: None if len(v) < 5 else "too long")
    monkeypatch.setattr(settings_mod, "SCHEMA", (*settings_mod.SCHEMA, extra))
    from taltio.settings import loader, schema

    for mod in (settings_mod, schema, loader):
        monkeypatch.setattr(mod, "BY_KEY", {**settings_mod.BY_KEY, extra.key: extra})
    s = _load(tmp_path)
    s.values[extra.key] = ""
    dlg = PreferencesDialog(s)
    qtbot.addWidget(dlg)
    w = dlg.controls["ui.badge"]
    assert isinstance(w, QLineEdit)
    w.setText("far too long")
    dlg.save()
    assert dlg.error.isVisibleTo(dlg) and "too long" in dlg.error.text()
    assert not (tmp_path / "user.toml").exists()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_refused_value_is_explained_in_the_agents_language(qtbot, tmp_path, lang):
    """The schema's own check on a user setting (a global shortcut without Ctrl, Alt or Meta) refuses a value: the
    whole reason, the setting's origin ("your settings") included, is in the agent's language, not the English of
    the log."""
    from taltio.ui import i18n
    from tests.helpers.untranslated import Checker, compile_translations

    assert i18n.install(lang, compile_translations(tmp_path))
    try:
        s = _load(tmp_path)
        dlg = PreferencesDialog(s)
        qtbot.addWidget(dlg)
        dlg.controls["ui.shortcut_start_call"].setText("Shift+F9")
        dlg.save()
        shown = dlg.error.text()
        assert dlg.error.isVisibleTo(dlg) and "ui.shortcut_start_call" in shown and "Shift+F9" in shown, shown
        assert not Checker(lang, ["Shift+F9", "Ctrl", "Alt", "Meta"]).english_in(shown), shown
        assert not (tmp_path / "user.toml").exists()
    finally:
        i18n.uninstall()
