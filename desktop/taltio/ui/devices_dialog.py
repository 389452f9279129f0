"""Audio devices: pick the headset microphone and the softphone's output, and *see* both sides heard.

The live meters let an agent or IT confirm before the first call that both
channels carry sound. They run the same capture code as a recording, but the
frames only feed the meters: nothing is encoded or written anywhere.
"""
from __future__ import annotations

import logging
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QProgressBar, QVBoxLayout,
                               QWidget)

from taltio.domain.ports import AudioBackend, AudioError, Device
from taltio import settings as settings_mod
from taltio.app.devices import preview
from taltio.ui.core_text import render_error

log = logging.getLogger("taltio.ui.devices")

# Translated where shown: QCoreApplication.translate("DevicesDialog", LOCKED_TEXT).
LOCKED_TEXT = QT_TRANSLATE_NOOP("DevicesDialog", "set by your organisation")


def _locked_text() -> str:
    return QCoreApplication.translate("DevicesDialog", LOCKED_TEXT)


class _Levels(QObject):
    levels = Signal(float, float)       # dBFS, agent and customer


def _dbfs(x: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(x.astype(np.float64) ** 2))) if len(x) else 0.0
    return 20 * np.log10(max(rms, 1e-6))


class DevicesDialog(QDialog):
    saved = Signal(dict)                # setting key -> stable device id ("" = no fallback)

    def __init__(self, backend: AudioBackend, settings: settings_mod.Settings, softphone: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.settings = settings
        self.softphone = softphone
        self.suggested: Device | None = None
        self.locked_keys: dict[QComboBox, bool] = {}
        self.capture: Any = None
        self._levels = _Levels()
        self._levels.levels.connect(self._show_levels)

        self._make_controls()
        self._load_devices(backend, settings, softphone)
        self._lay_out()
        self._retranslate()

    def _make_controls(self) -> None:
        """The device pickers, the two meters and the texts around them (filled by _retranslate)."""
        self.mic = QComboBox(objectName="micCombo")
        self.loop = QComboBox(objectName="loopbackCombo")
        self.mic_fb = QComboBox(objectName="micFallbackCombo")
        self.loop_fb = QComboBox(objectName="loopbackFallbackCombo")
        self.mic_meter = QProgressBar(objectName="micMeter")
        self.loop_meter = QProgressBar(objectName="loopbackMeter")
        for m in (self.mic_meter, self.loop_meter):
            m.setRange(-60, 0)
            m.setValue(-60)
            m.setFormat("%v dBFS")
        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        self.problem = QLabel(objectName="problem")
        self.problem.setStyleSheet("color: #9d0208;")
        self.problem.setWordWrap(True)
        self.intro = QLabel(objectName="intro")
        self.intro.setWordWrap(True)

    def _load_devices(self, backend: AudioBackend, settings: settings_mod.Settings, softphone: str | None) -> None:
        """Fill the pickers from the backend; a backend that cannot list devices is shown as the problem."""
        try:
            devices = backend.devices()
            suggested = backend.suggest_loopback(softphone)
        except AudioError as exc:
            devices, suggested = [], None
            self.problem.setText(render_error(exc))
        self.suggested = suggested
        self._fill(self.mic, [d for d in devices if d.role == "mic"], settings["audio.mic_device"], None,
                   settings_mod.locked(settings, "audio.mic_device"))
        self._fill(self.loop, [d for d in devices if d.role == "loopback"], settings["audio.loopback_device"],
                   suggested, settings_mod.locked(settings, "audio.loopback_device"))
        self._fill_fallback(self.mic_fb, [d for d in devices if d.role == "mic"], "audio.mic_fallback_device")
        self._fill_fallback(self.loop_fb, [d for d in devices if d.role == "loopback"],
                            "audio.loopback_fallback_device")

    def _lay_out(self) -> None:
        """The form (picker, meter, fallback for each side), the hint and problem lines and Save/Cancel;
        a changed picker restarts the meters."""
        self.mic_label = QLabel()
        self.mic_fb_label = QLabel()
        self.loop_label = QLabel()
        self.loop_fb_label = QLabel()
        form = QFormLayout()
        form.addRow(self.mic_label, self.mic)
        form.addRow("", self.mic_meter)
        form.addRow(self.mic_fb_label, self.mic_fb)
        form.addRow(self.loop_label, self.loop)
        form.addRow("", self.loop_meter)
        form.addRow(self.loop_fb_label, self.loop_fb)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.mic.currentIndexChanged.connect(self._restart_meters)
        self.loop.currentIndexChanged.connect(self._restart_meters)
        self.save_button.setEnabled(any(c.isEnabled() for c in (self.mic, self.loop, self.mic_fb, self.loop_fb)))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Taltio: audio devices"))
        self.intro.setText(self.tr("Speak into your headset and play something in the softphone: "
                                   "both bars should move."))
        self.mic_label.setText(self.tr("Your headset microphone"))
        self.mic_fb_label.setText(self.tr("If it is unplugged, use"))
        self.loop_label.setText(self.tr("Customer's side (softphone output)"))
        self.loop_fb_label.setText(self.tr("If it is unplugged, use"))
        self.mic_meter.setAccessibleName(self.tr("Microphone level"))
        self.loop_meter.setAccessibleName(self.tr("Customer's side level"))
        if self.suggested is None:
            self.hint.setText("")
        elif self.softphone:
            self.hint.setText(self.tr("Suggested for the customer's side: <b>{device}</b>, which carries what the "
                                      "softphone plays.").format(device=self.suggested.name))
        else:
            self.hint.setText(self.tr("Suggested for the customer's side: <b>{device}</b>, which carries what your "
                                      "default output plays.").format(device=self.suggested.name))
        for combo in (self.mic, self.loop, self.mic_fb, self.loop_fb):
            for i in range(combo.count()):
                combo.setItemText(i, self._item_text(combo, i))
            combo.setToolTip(_locked_text() if self.locked_keys.get(combo) else "")

    def _item_text(self, combo: QComboBox, i: int) -> str:
        """A device's name, marked if suggested and if the organisation chose it."""
        d: Device | None = combo.itemData(i)
        if d is None:
            text = self.tr("Nothing: mark a gap and wait for it to return")
        elif combo is self.loop and self.suggested is not None and d.id == self.suggested.id:
            text = self.tr("{device}  (suggested)").format(device=d.name)
        else:
            text = d.name
        if self.locked_keys.get(combo) and i == combo.currentIndex():
            text = f"{text}  ({_locked_text()})"
        return text

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _fill(self, combo: QComboBox, devices: list[Device], current: str, suggested: Device | None,
              is_locked: bool) -> None:
        for d in devices:
            combo.addItem(d.name, d)          # texts set by _retranslate
        chosen = next((i for i, d in enumerate(devices) if current and (d.id == current or current in d.name)),
                      None)
        if chosen is None and suggested is not None:
            chosen = next((i for i, d in enumerate(devices) if d.id == suggested.id), None)
        if chosen is None:
            chosen = next((i for i, d in enumerate(devices) if d.default), 0)
        combo.setCurrentIndex(chosen if devices else -1)
        if is_locked:
            combo.setEnabled(False)
            self.locked_keys[combo] = True

    def _fill_fallback(self, combo: QComboBox, devices: list[Device], key: str) -> None:
        """A fallback is optional: the first choice is to record a gap and wait for the chosen device."""
        combo.addItem("", None)               # "Nothing: …", set by _retranslate
        current = self.settings[key]
        for d in devices:
            combo.addItem(d.name, d)
        chosen = next((i + 1 for i, d in enumerate(devices) if current and d.id == current), 0)
        combo.setCurrentIndex(chosen)
        if settings_mod.locked(self.settings, key):
            combo.setEnabled(False)
            self.locked_keys[combo] = True

    def selected(self) -> tuple[Device | None, Device | None]:
        return self.mic.currentData(), self.loop.currentData()

    # -- meters ----------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._restart_meters()

    def _restart_meters(self) -> None:
        self._stop_meters()
        mic, loop = self.selected()
        if mic is None or loop is None:
            return
        try:
            self.capture = preview(self.backend, mic, loop, 16000,
                                   lambda f, _start: self._levels.levels.emit(_dbfs(f[:, 0]), _dbfs(f[:, 1])),
                                   lambda kind, info: None)
            self.problem.setText("")
        except AudioError as exc:
            self.capture = None
            self.problem.setText(render_error(exc))

    def _show_levels(self, agent: float, customer: float) -> None:
        self.mic_meter.setValue(int(max(-60, min(0, agent))))
        self.loop_meter.setValue(int(max(-60, min(0, customer))))

    def _stop_meters(self) -> None:
        if self.capture is not None:
            self.capture.close()
            self.capture = None

    def done(self, result: int) -> None:
        self._stop_meters()
        super().done(result)

    def _save(self) -> None:
        mic, loop = self.selected()
        updates = {}
        if mic is not None and self.mic.isEnabled():
            updates["audio.mic_device"] = mic.id          # the stable id, never a list index
        if loop is not None and self.loop.isEnabled():
            updates["audio.loopback_device"] = loop.id
        for key, combo in (("audio.mic_fallback_device", self.mic_fb),
                           ("audio.loopback_fallback_device", self.loop_fb)):
            if combo.isEnabled():
                fb = combo.currentData()
                updates[key] = fb.id if fb is not None else ""
        try:
            if updates:
                settings_mod.save_user(updates, self.settings.user_file)
        except (settings_mod.ConfigError, OSError) as exc:
            self.problem.setText(self.tr("Could not save: {error}").format(error=render_error(exc)))
            return
        self.saved.emit(updates)
        self.accept()
