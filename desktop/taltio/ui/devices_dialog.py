"""Audio devices: pick the headset microphone and the softphone's output, and *see* both sides heard.

The live meters let an agent or IT confirm before the first call that both
channels carry sound. They run the same capture code as a recording, but the
frames only feed the meters: nothing is encoded or written anywhere.
"""
from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QProgressBar, QVBoxLayout,
                               QWidget)

from ..adapters.audio import AudioBackend, AudioError, Device
from ..core import settings as settings_mod
from ..core.capture import Capture

log = logging.getLogger("taltio.ui.devices")

LOCKED_TEXT = "set by your organisation"


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
        self.setWindowTitle("Taltio: audio devices")
        self.backend = backend
        self.settings = settings
        self.capture: Capture | None = None
        self._levels = _Levels()
        self._levels.levels.connect(self._show_levels)

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

        try:
            devices = backend.devices()
            suggested = backend.suggest_loopback(softphone)
        except AudioError as exc:
            devices, suggested = [], None
            self.problem.setText(str(exc))
        self._fill(self.mic, [d for d in devices if d.role == "mic"], settings["audio.mic_device"], None,
                   settings_mod.locked(settings, "audio.mic_device"))
        self._fill(self.loop, [d for d in devices if d.role == "loopback"], settings["audio.loopback_device"],
                   suggested, settings_mod.locked(settings, "audio.loopback_device"))
        self._fill_fallback(self.mic_fb, [d for d in devices if d.role == "mic"], "audio.mic_fallback_device")
        self._fill_fallback(self.loop_fb, [d for d in devices if d.role == "loopback"],
                            "audio.loopback_fallback_device")
        if suggested:
            self.hint.setText(f"Suggested for the customer's side: <b>{suggested.name}</b>, which carries what "
                              f"{'the softphone' if softphone else 'your default output'} plays.")

        form = QFormLayout()
        form.addRow("Your headset microphone", self.mic)
        form.addRow("", self.mic_meter)
        form.addRow("If it is unplugged, use", self.mic_fb)
        form.addRow("Customer's side (softphone output)", self.loop)
        form.addRow("", self.loop_meter)
        form.addRow("If it is unplugged, use", self.loop_fb)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Speak into your headset and play something in the softphone: both bars should move."))
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.mic.currentIndexChanged.connect(self._restart_meters)
        self.loop.currentIndexChanged.connect(self._restart_meters)
        self.save_button.setEnabled(any(c.isEnabled() for c in (self.mic, self.loop, self.mic_fb, self.loop_fb)))

    def _fill(self, combo: QComboBox, devices: list[Device], current: str, suggested: Device | None,
              is_locked: bool) -> None:
        for d in devices:
            label = d.name + ("  (suggested)" if suggested and d.id == suggested.id else "")
            combo.addItem(label, d)
        chosen = next((i for i, d in enumerate(devices) if current and (d.id == current or current in d.name)),
                      None)
        if chosen is None and suggested is not None:
            chosen = next((i for i, d in enumerate(devices) if d.id == suggested.id), None)
        if chosen is None:
            chosen = next((i for i, d in enumerate(devices) if d.default), 0)
        combo.setCurrentIndex(chosen if devices else -1)
        if is_locked:
            combo.setEnabled(False)
            combo.setToolTip(LOCKED_TEXT)
            combo.setItemText(combo.currentIndex(), combo.currentText() + f"  ({LOCKED_TEXT})")

    def _fill_fallback(self, combo: QComboBox, devices: list[Device], key: str) -> None:
        """A fallback is optional: the first choice is to record a gap and wait for the chosen device."""
        combo.addItem("Nothing: mark a gap and wait for it to return", None)
        current = self.settings[key]
        for d in devices:
            combo.addItem(d.name, d)
        chosen = next((i + 1 for i, d in enumerate(devices) if current and d.id == current), 0)
        combo.setCurrentIndex(chosen)
        if settings_mod.locked(self.settings, key):
            combo.setEnabled(False)
            combo.setToolTip(LOCKED_TEXT)
            combo.setItemText(chosen, combo.currentText() + f"  ({LOCKED_TEXT})")

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
            self.capture = Capture(self.backend, mic, loop, 16000,
                                   lambda f: self._levels.levels.emit(_dbfs(f[:, 0]), _dbfs(f[:, 1])),
                                   lambda kind, info: None)
            self.capture.start()
            self.problem.setText("")
        except AudioError as exc:
            self.capture = None
            self.problem.setText(str(exc))

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
                settings_mod.save_user(updates)
        except (settings_mod.ConfigError, OSError) as exc:
            self.problem.setText(f"could not save: {exc}")
            return
        self.saved.emit(updates)
        self.accept()
