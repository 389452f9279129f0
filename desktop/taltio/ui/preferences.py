"""The agent's own preferences, generated from the settings schema.

Every setting whose scope is "user" gets a control here, built from its type, choices,
label and help (all from core.settings), so a new user setting needs no UI code. A value
the organisation fixed by machine policy is shown disabled, "set by your organisation".
The audio devices have their own page (live meters); the pill's position is set by
dragging the pill, so neither is repeated here.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
                               QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from taltio import settings as settings_mod
from taltio.ui.core_text import render_error
from taltio.ui.i18n import LANGUAGE_NAMES

log = logging.getLogger(__name__)

# Shown elsewhere: the devices page (meters, stable ids) and the pill itself (drag).
ELSEWHERE = ("audio.", "ui.pill_position")


def user_settings() -> list[settings_mod.Setting]:
    return [s for s in settings_mod.SCHEMA if s.scope == "user" and not s.key.startswith(ELSEWHERE)]


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings", text) if text else text


class PreferencesDialog(QDialog):
    """Opened by the agent from the tray or the status window (so it may take focus)."""

    saved = Signal(dict)        # {key: value} of what changed, already written to the user's settings file

    def __init__(self, settings: settings_mod.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.settings = settings
        self.controls: dict[str, QWidget] = {}
        form = QFormLayout()
        for s in user_settings():
            w = self._control(s, settings[s.key])
            w.setObjectName(s.key)
            label = QLabel(_tr(s.label) or s.key)
            label.setBuddy(w)
            w.setAccessibleName(_tr(s.label) or s.key)
            if settings_mod.locked(settings, s.key):
                w.setEnabled(False)
                w.setToolTip(self.tr("Set by your organisation"))
            else:
                w.setToolTip(_tr(s.help))
            form.addRow(label, w)
            self.controls[s.key] = w
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #9d0208;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setWindowTitle(self.tr("Taltio: preferences"))

    def _control(self, s: settings_mod.Setting, value: Any) -> QWidget:
        if s.type is bool:
            w = QCheckBox()
            w.setChecked(bool(value))
            return w
        if s.choices:
            w = QComboBox()
            for choice in s.choices:
                w.addItem(self._choice_name(s, choice), choice)
            w.setCurrentIndex(max(0, w.findData(value)))
            return w
        if s.type is int:
            w = QSpinBox()
            w.setRange(-2**31, 2**31 - 1)
            w.setValue(int(value))
            return w
        if s.type is float:
            w = QDoubleSpinBox()
            w.setRange(-1e9, 1e9)
            w.setDecimals(2)
            w.setValue(float(value))
            return w
        w = QLineEdit(", ".join(value) if isinstance(value, list) else str(value))
        return w

    def _choice_name(self, s: settings_mod.Setting, choice: Any) -> str:
        if s.key == "ui.language":
            return LANGUAGE_NAMES.get(choice) or self.tr("The computer's language")
        return str(choice)

    def value(self, key: str) -> Any:
        w = self.controls[key]
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        text = w.text()  # type: ignore[attr-defined]
        if settings_mod.BY_KEY[key].type is list:
            return [v.strip() for v in text.split(",") if v.strip()]
        return text

    def save(self) -> None:
        changes = {k: self.value(k) for k, w in self.controls.items()
                   if w.isEnabled() and self.value(k) != self.settings[k]}
        if changes:
            try:
                settings_mod.save_user(changes, self.settings.user_file)
            except (settings_mod.ConfigError, OSError) as exc:
                self.error.setText(self.tr("Not saved: {error}").format(error=render_error(exc)))
                self.error.show()
                return
            log.info("preferences saved: %s", ", ".join(sorted(changes)))
            self.saved.emit(changes)
        self.accept()


def focusable(dialog: PreferencesDialog) -> None:
    """The agent asked for it: unlike the call card, it may take the keyboard."""
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
