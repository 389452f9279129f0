"""The audio devices page on a real PipeWire server: friendly names, suggestion, live meters, stable ids saved."""
from __future__ import annotations

import tomllib

import pytest

from taltio.adapters.audio import make_backend
from taltio.core import settings as settings_mod
from taltio.ui.devices_dialog import LOCKED_TEXT, DevicesDialog
from tests.helpers.signals import tone, write_wav

pytestmark = pytest.mark.slow


def test_devices_meters_and_saved_ids(qtbot, audio_server, tmp_path, monkeypatch):
    monkeypatch.setattr(settings_mod, "user_config_path", lambda: tmp_path / "user.toml")
    settings = settings_mod.load(tmp_path / "none.toml", tmp_path / "user.toml")
    backend = make_backend("auto")
    assert backend.name == "pulse"
    dlg = DevicesDialog(backend, settings)
    qtbot.addWidget(dlg)
    mics = [dlg.mic.itemText(i) for i in range(dlg.mic.count())]
    loops = [dlg.loop.itemText(i) for i in range(dlg.loop.count())]
    assert "agent_mic" in mics and "Monitor of softphone_out  (suggested)" in loops
    dlg.loop.setCurrentIndex(loops.index("Monitor of softphone_out  (suggested)"))
    dlg.mic.setCurrentIndex(mics.index("agent_mic"))
    dlg.show()
    assert dlg.capture is not None
    # Only the customer side plays: only its meter moves.
    player = audio_server.play_customer(write_wav(tmp_path / "t.wav", tone(440, 2.0), 16000))
    qtbot.waitUntil(lambda: dlg.loop_meter.value() > -20, timeout=3000)
    assert dlg.mic_meter.value() <= -55
    player.wait(timeout=10)
    with qtbot.waitSignal(dlg.saved) as sig:
        dlg.save_button.click()
    assert sig.args == ["agent_mic", "softphone_out.monitor"]       # stable ids, not indexes or labels
    saved = tomllib.loads((tmp_path / "user.toml").read_text())
    assert saved == {"audio": {"mic_device": "agent_mic", "loopback_device": "softphone_out.monitor"}}
    assert dlg.capture is None          # meters stopped with the dialog


def test_locked_device_cannot_be_changed(qtbot, audio_server, tmp_path, monkeypatch):
    monkeypatch.setattr(settings_mod, "user_config_path", lambda: tmp_path / "user.toml")
    machine = tmp_path / "machine.toml"
    machine.write_text('[audio]\nmic_device = "agent_mic"\n')
    settings = settings_mod.load(machine, tmp_path / "user.toml")
    dlg = DevicesDialog(make_backend("auto"), settings)
    qtbot.addWidget(dlg)
    assert not dlg.mic.isEnabled() and LOCKED_TEXT in dlg.mic.currentText()
    assert dlg.loop.isEnabled()
    with pytest.raises(settings_mod.ConfigError, match="organisation"):
        settings_mod.save_user({"storage.url": "file:///tmp/elsewhere"}, tmp_path / "user.toml")
    dlg.close()
