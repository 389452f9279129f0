"""With no configuration at all, Taltio still records: to a folder, encrypted to a local key in the keyring."""
from __future__ import annotations

import io
import subprocess
import sys
import time

import pytest
import soundfile as sf

from tests.helpers.app_proc import DESKTOP, make_app
from tests.helpers.signals import read_wav
from tests.helpers.speech_match import assert_speech
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow


def test_standalone_records_to_local_folder(world, tmp_path):
    env = world.audio.child_env(world.keyring.env)
    app = make_app(tmp_path / "standalone", env, config=None)
    # No machine config: the devices come from the user's own settings file.
    user_cfg = world.audio.home / ".config" / "Taltio" / "settings.toml"
    user_cfg.parent.mkdir(parents=True, exist_ok=True)
    user_cfg.write_text('[audio]\nmic_device = "agent_mic"\nloopback_device = "softphone_out.monitor"\n')
    try:
        app.start()
        st = app.status()
        assert st["standalone"] is True and st["status"] == "standalone"
        assert "recordings stay on this computer" in st["text"]
        start_recording(app, "solo-1")
        player = world.audio.play_mic(world.agent_wav)
        player.wait(timeout=60)
        app.hook("ended", "solo-1")
        app.wait_for(queue_empty, timeout=30, what="local archive")
        found = list((app.data_dir / "recordings").rglob("solo-1.*"))
        names = sorted(p.name for p in found)
        assert names == ["solo-1.manifest.json", "solo-1.manifest.json.sig", "solo-1.ogg.age"], names
        audio = [p for p in found if p.name.endswith(".ogg.age")][0]
        assert audio.read_bytes().startswith(b"age-encryption.org/v1")
        out = tmp_path / "solo.ogg"
        call_url = "file://" + str(audio.parent / "solo-1")
        r = subprocess.run([sys.executable, "-m", "taltio.admin", "fetch", call_url, "--identity", "keyring",
                            "-o", str(out)], env={**app.env, "PYTHONPATH": str(DESKTOP)}, capture_output=True,
                           text=True)
        assert r.returncode == 0, r.stderr
        data, rate = sf.read(io.BytesIO(out.read_bytes()))
        assert_speech(data[:, 0], read_wav(world.agent_wav)[0], rate, "the agent channel")
    finally:
        app.stop()
        user_cfg.unlink(missing_ok=True)
    time.sleep(0.1)
