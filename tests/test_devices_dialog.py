"""The audio devices page on a real PipeWire server: friendly names, suggestion, live meters, stable ids saved."""
from __future__ import annotations

import tomllib

import pytest

from taltio.adapters.audio import make_backend
from taltio import settings as settings_mod
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
    # A fallback is optional; offered are the devices of the same role.
    assert dlg.mic_fb.currentData() is None and dlg.loop_fb.currentData() is None
    fb_loops = [dlg.loop_fb.itemText(i) for i in range(dlg.loop_fb.count())]
    assert "Monitor of customer_ear" in fb_loops and "agent_mic" not in fb_loops
    dlg.loop_fb.setCurrentIndex(fb_loops.index("Monitor of customer_ear"))
    with qtbot.waitSignal(dlg.saved) as sig:
        dlg.save_button.click()
    # stable ids, not indexes or labels
    assert sig.args == [{"audio.mic_device": "agent_mic", "audio.loopback_device": "softphone_out.monitor",
                         "audio.mic_fallback_device": "", "audio.loopback_fallback_device": "customer_ear.monitor"}]
    saved = tomllib.loads((tmp_path / "user.toml").read_text())
    assert saved.pop("taltio") == {"format": settings_mod.FORMAT_VERSION}
    assert saved == {"audio": {"mic_device": "agent_mic", "loopback_device": "softphone_out.monitor",
                               "mic_fallback_device": "", "loopback_fallback_device": "customer_ear.monitor"}}
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


def test_suggests_the_sink_the_softphone_plays_to(audio_server, tmp_path):
    """With the default output elsewhere, the suggestion follows baresip's own stream."""
    from tests.fixtures.baresip import start_pair
    from tests.helpers.signals import speech

    audio_server.pactl("set-default-sink", "customer_ear")
    backend = make_backend("auto")
    assert backend.suggest_loopback(None).id == "customer_ear.monitor"      # nothing playing: the default
    wav = speech("Hello, I am calling about my invoice. " * 4, tmp_path / "c.wav", rate=8000)
    # Only the agent's softphone plays through the audio server (the customer's uses a dummy player).
    agent, customer = start_pair(tmp_path / "sip", audio_server.env, wav, customer_player="aubridge,customer")
    events = None
    try:
        events = agent.connect_ctrl()     # before the call: baresip sends events only to a connected client
        customer.dial(agent.uri)
        import time

        # The agent's player stream exists only once the call is up; on a loaded machine that can take a while.
        events.wait_event("CALL_ESTABLISHED", timeout=30)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and backend.suggest_loopback("baresip").id != "softphone_out.monitor":
            time.sleep(0.2)
        got = backend.suggest_loopback("baresip").id
        assert got == "softphone_out.monitor", audio_server.pactl("list", "short", "sink-inputs")
        assert backend.suggest_loopback("MicroSIP").id == "customer_ear.monitor"   # not running: the default
    finally:
        if events is not None:
            events.close()
        agent.stop()
        customer.stop()
