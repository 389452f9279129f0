"""Smoke tests for the test infrastructure itself.

Why: every end-to-end test of Taltio relies on these fixtures (private
PipeWire server, real gnome-keyring, real baresip softphones, signal
analysis).  If one of them silently degrades (devices missing, silence
captured, keyring falling back to another backend, calls not carrying audio),
the app's tests would fail for the wrong reason or, worse, pass vacuously.
These tests pin the fixtures' behaviour with real processes and real audio.

Run: ``python -m pytest tests/test_fixtures_smoke.py -q`` (add ``-s`` to see
measured figures).
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

# Fixtures (audio_server, audio_server_module, keyring_daemon, baresip_factory)
# come from tests/conftest.py, which imports them from tests/fixtures/.
from tests.fixtures.audio import (
    LOOPBACK_DEVICE,
    MIC_DEVICE,
    AudioServer,
    AudioServerError,
    start_audio_server,
)
from tests.fixtures.baresip import (
    AGENT_AUTO_ANSWER_SEQUENCE,
    CUSTOMER_DIAL_SEQUENCE,
    Baresip,
    NetstringDecoder,
    in_order,
    netstring_encode,
    start_pair,
)
from tests.fixtures.keyring_daemon import KeyringDaemon
from tests.fixtures.ports import free_port, free_ports
from tests.helpers.signals import (
    best_ncc,
    read_wav,
    resample,
    rms,
    windowed_ncc,
    scan_for_plaintext,
    speech,
    tone,
    tone_present,
    write_wav,
)

RATE = 16000
CUSTOMER_NUMBER = "+358401234567"


class Capture:
    """Record a sounddevice input at 16 kHz mono and time when data arrives."""

    def __init__(self, device: str, rate: int = RATE) -> None:
        import sounddevice as sd

        self.blocks: list[np.ndarray] = []
        self.t_open = time.monotonic()
        self.t_first_callback: float | None = None
        self.t_first_sound: float | None = None
        self._lock = threading.Lock()
        self.stream = sd.InputStream(device=device, samplerate=rate, channels=1, dtype="float32",
                                     blocksize=320, callback=self._cb)
        self.stream.start()

    def _cb(self, indata: np.ndarray, frames: int, t: object, status: object) -> None:
        now = time.monotonic()
        with self._lock:
            if self.t_first_callback is None:
                self.t_first_callback = now
            if self.t_first_sound is None and float(np.abs(indata).max()) > 0.01:
                self.t_first_sound = now
            self.blocks.append(indata[:, 0].copy())

    def stop(self) -> np.ndarray:
        self.stream.abort()  # abort(): stop() can block (NOTES: device loss)
        self.stream.close()
        with self._lock:
            return np.concatenate(self.blocks) if self.blocks else np.zeros(0, np.float32)


# ------------------------------------------------------------------ signals
def test_best_ncc_finds_shifted_reference_both_ways(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    ref = rng.standard_normal(RATE * 2)
    rec = np.concatenate([np.zeros(RATE // 2), 0.3 * ref, np.zeros(RATE // 4)])
    rec += 0.01 * rng.standard_normal(rec.size)
    ncc, lag = best_ncc(rec, ref, RATE)
    assert ncc > 0.95 and abs(lag - 0.5) < 1e-3
    # Recording is a chunk from the middle of a longer reference.
    ncc2, lag2 = best_ncc(ref[RATE // 2:RATE], ref, RATE)
    assert ncc2 > 0.999 and abs(lag2 + 0.5) < 1e-3
    # Unrelated noise does not correlate.
    ncc3, _ = best_ncc(rng.standard_normal(RATE), ref, RATE)
    assert ncc3 < 0.2
    # max_lag_s excludes the true lag.
    ncc4, _ = best_ncc(rec, ref, RATE, max_lag_s=0.1)
    assert ncc4 < 0.5


def test_tone_present_discriminates() -> None:
    t = tone(1000, 0.5, RATE)
    assert tone_present(t, RATE, 1000) > 0.99
    assert tone_present(t, RATE, 440) < 0.01
    assert tone_present(np.zeros(RATE), RATE, 1000) == 0.0
    noise = np.random.default_rng(1).standard_normal(RATE)
    assert tone_present(noise, RATE, 1000) < 0.05


def test_scan_for_plaintext(tmp_path: Path) -> None:
    t0 = time.time() - 1
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "enc.age").write_bytes(os.urandom(1 << 20))
    assert scan_for_plaintext([clean], tone_freq=1000) == []

    dirty = tmp_path / "dirty"
    write_wav(dirty / "a.wav", tone(1000, 0.5, RATE), RATE)
    (dirty / "raw.pcm").write_bytes(b"\x00" + (tone(1000, 1.0, RATE) * 20000).astype("<i2").tobytes())
    import soundfile as sf

    sf.write(str(dirty / "b.ogg"), tone(440, 0.5, RATE), RATE, format="OGG", subtype="OPUS")
    sf.write(str(dirty / "c.flac"), tone(440, 0.5, RATE), RATE, format="FLAC")
    hits = scan_for_plaintext([dirty], since=t0, tone_freq=1000)
    assert len(hits) == 4, hits
    assert any("raw.pcm" in h and "raw PCM" in h for h in hits)
    # Without tone_freq, headerless PCM is not detectable; containers still are.
    assert len(scan_for_plaintext([dirty])) == 3
    # `since` in the future skips everything.
    assert scan_for_plaintext([dirty], since=time.time() + 60) == []


def test_speech_is_real_audio(tmp_path: Path) -> None:
    p = speech("Testing one two three.", tmp_path / "s.wav", rate=8000)
    x, r = read_wav(p)
    assert r == 8000 and 0.5 < x.size / r < 5 and rms(x) > 0.02


def test_free_ports_are_bindable() -> None:
    base = free_port(span=2)
    for port in (base, base + 1):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", port))
    ports = free_ports(3, span=2)
    assert len(set(ports)) == 3 and all(abs(a - b) >= 2 for a in ports for b in ports if a != b)


def test_netstring_roundtrip() -> None:
    dec = NetstringDecoder()
    data = netstring_encode({"command": "dial", "params": "sip:a@b"}) + netstring_encode({"x": 1})
    assert dec.feed(data[:5]) == []
    out = dec.feed(data[5:])
    assert out == [b'{"command":"dial","params":"sip:a@b"}', b'{"x":1}']


# -------------------------------------------------------------------- audio
def test_audio_devices_visible(audio_server_module: AudioServer) -> None:
    import sounddevice as sd

    names = {d["name"] for d in sd.query_devices()}
    assert {MIC_DEVICE, LOOPBACK_DEVICE, "softphone_out", "customer_ear"} <= names, names
    assert {"softphone_out", "mic_feed", "customer_ear"} <= set(audio_server_module.sinks())
    assert "agent_mic" in audio_server_module.sources()
    run = Path(audio_server_module.env["XDG_RUNTIME_DIR"])
    assert stat.S_IMODE(run.stat().st_mode) == 0o700
    assert all(audio_server_module.alive().values())
    print(f"\naudio server start-up: {audio_server_module.startup_seconds:.3f} s")


def test_audio_capture_separates_mic_and_loopback(audio_server: AudioServer, tmp_path: Path) -> None:
    mic_wav = write_wav(tmp_path / "mic.wav", tone(440, 1.5, 48000), 48000)
    cust_wav = write_wav(tmp_path / "cust.wav", tone(1000, 1.5, 48000), 48000)
    mic = Capture(MIC_DEVICE)
    loop = Capture(LOOPBACK_DEVICE)
    time.sleep(0.3)
    t_play = time.monotonic()
    players = [audio_server.play_mic(mic_wav), audio_server.play_customer(cust_wav)]
    for p in players:
        assert p.wait(timeout=10) == 0, p.stderr.read() if p.stderr else ""
    time.sleep(0.3)
    x_mic, x_loop = mic.stop(), loop.stop()
    for name, cap, x, own, other in (("agent_mic", mic, x_mic, 440, 1000), ("loopback", loop, x_loop, 1000, 440)):
        assert cap.t_first_callback is not None, f"{name}: no callbacks"
        assert cap.t_first_sound is not None, f"{name}: only silence captured"
        first_cb = cap.t_first_callback - cap.t_open
        first_sound = cap.t_first_sound - t_play
        own_r, other_r = tone_present(x, RATE, own), tone_present(x, RATE, other)
        print(f"\n{name}: first callback {first_cb * 1000:.0f} ms after open, first sound "
              f"{first_sound * 1000:.0f} ms after paplay start; own tone ratio {own_r:.4f}, "
              f"other {other_r:.2e}, rms {rms(x):.3f}")
        assert first_cb < 1.0 and first_sound < 1.5
        assert own_r > 0.95 and other_r < 0.01
        assert rms(x) > 0.05


def test_audio_server_stop_kills_everything(tmp_path_factory: pytest.TempPathFactory) -> None:
    server = start_audio_server(tmp_path_factory.mktemp("stopcheck"))
    pids = [p.pid for _, p in server._procs]
    player = server.play("customer_ear", write_wav(tmp_path_factory.mktemp("w") / "t.wav",
                                                    tone(300, 30, 16000), 16000))
    assert (server.home / ".asoundrc").read_text().count("type pulse") >= 4
    runtime = f"XDG_RUNTIME_DIR={server.runtime_dir}"
    assert len(_live_processes_with_env(runtime)) >= 5  # dbus, pipewire, wireplumber, pulse, paplay
    server.stop()
    assert player.poll() is not None
    assert _live_processes_with_env(runtime) == []
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        # Still in the table: only acceptable as an unreaped zombie.
        with open(f"/proc/{pid}/stat") as fh:
            assert fh.read().rsplit(") ", 1)[1].startswith("Z"), f"pid {pid} still running"


def test_audio_server_start_failure_is_clear_and_clean(tmp_path_factory: pytest.TempPathFactory,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fake_bin = tmp_path_factory.mktemp("fakebin")
    fake = fake_bin / "pipewire-pulse"
    fake.write_text("#!/bin/sh\necho 'fake pipewire-pulse: refusing to start' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}:{os.environ['PATH']}")
    root = tmp_path_factory.mktemp("failing")
    with pytest.raises(AudioServerError) as exc:
        start_audio_server(root, timeout=5)
    msg = str(exc.value)
    assert "pipewire-pulse" in msg and "refusing to start" in msg, msg
    # The daemons that did start (dbus, pipewire, wireplumber) were killed.
    assert _live_processes_with_env(f"XDG_RUNTIME_DIR={root.resolve() / 'run'}") == []


def _live_processes_with_env(entry: str) -> list[str]:
    """Non-zombie processes whose environment contains *entry* (e.g. our runtime dir)."""
    found = []
    needle = entry.encode() + b"\0"
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/environ", "rb") as fh:
                env = fh.read() + b"\0"
            with open(f"/proc/{pid}/stat") as fh:
                state = fh.read().rsplit(") ", 1)[1][0]
        except OSError:
            continue
        if (b"\0" + needle in b"\0" + env) and state != "Z":
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmdline = fh.read().replace(b"\0", b" ").decode(errors="replace")
            found.append(f"{pid}: {cmdline}")
    return found


# ------------------------------------------------------------------ keyring
_KEYRING_SNIPPET = (
    "import keyring, sys\n"
    "kr = keyring.get_keyring()\n"
    "print(type(kr).__module__ + '.' + type(kr).__name__)\n"
    "keyring.set_password('taltio-test', 'a', 's')\n"
    "print(keyring.get_password('taltio-test', 'a'))\n"
)


def test_keyring_set_get_in_subprocess(keyring_daemon: KeyringDaemon) -> None:
    assert keyring_daemon.default_collection == "/org/freedesktop/secrets/collection/login"
    assert not keyring_daemon.is_locked()
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, "-c", _KEYRING_SNIPPET], env=keyring_daemon.child_env(),
                         capture_output=True, text=True, timeout=30)
    dt = time.monotonic() - t0
    assert res.returncode == 0, res.stderr
    backend, value = res.stdout.split()
    assert backend == "keyring.backends.SecretService.Keyring"
    assert value == "s"
    print(f"\nkeyring daemon start-up {keyring_daemon.startup_seconds:.3f} s; subprocess set+get {dt:.2f} s")
    # The secret is in this test's own keyring file, not anywhere else.
    assert (Path(keyring_daemon.env["XDG_DATA_HOME"]) / "keyrings" / "login.keyring").stat().st_size > 200
    # This process sees the same daemon (fixture applied it).
    import keyring

    assert keyring.get_password("taltio-test", "a") == "s"


def test_keyring_lock_fails_fast_then_unlock(keyring_daemon: KeyringDaemon) -> None:
    import keyring
    import keyring.errors

    keyring.set_password("taltio-test", "k", "v")
    keyring_daemon.lock()
    assert keyring_daemon.is_locked()
    t0 = time.monotonic()
    with pytest.raises(keyring.errors.KeyringLocked):
        keyring.get_password("taltio-test", "k")
    assert time.monotonic() - t0 < 5, "unlock prompt must be dismissed, not hang"
    keyring_daemon.unlock()
    assert keyring.get_password("taltio-test", "k") == "v"


# ------------------------------------------------------------------ baresip
@pytest.mark.slow
def test_baresip_call_events_and_customer_audio(audio_server: AudioServer, tmp_path: Path) -> None:
    text = "Hello, this is the customer. I am calling about my invoice number four five six. " * 3
    wav = speech(text, tmp_path / "customer8k.wav", rate=8000)
    ref8, r = read_wav(wav)
    assert r == 8000 and ref8.size / r > 12  # long enough to outlast the call below
    agent, customer = start_pair(tmp_path, audio_server.env, wav, customer_user=CUSTOMER_NUMBER)
    try:
        assert agent.log_errors() == [] and customer.log_errors() == []
        app = agent.connect_ctrl()  # stands in for Taltio on the agent's ctrl port
        loop = Capture(LOOPBACK_DEVICE)
        t_dial = time.monotonic()
        customer.dial(agent.uri)
        est = app.wait_event("CALL_ESTABLISHED", timeout=15)
        assert est["direction"] == "incoming"
        assert est["peeruri"].startswith(f"sip:{CUSTOMER_NUMBER}@127.0.0.1")
        assert est["id"] and est["accountaor"] == agent.uri
        time.sleep(6)
        customer.hangup()
        closed = app.wait_event("CALL_CLOSED", timeout=15)
        x = loop.stop()
        assert closed["id"] == est["id"]
        customer.ctrl.wait_event("CALL_CLOSED", timeout=5)
        agent_seq = app.event_types()
        cust_seq = customer.ctrl.event_types()
        assert in_order(agent_seq, AGENT_AUTO_ANSWER_SEQUENCE), agent_seq
        assert "CALL_INCOMING" not in agent_seq
        assert in_order(cust_seq, CUSTOMER_DIAL_SEQUENCE), cust_seq
        ncc, lag = best_ncc(x, resample(ref8, 8000, RATE), RATE)
        print(f"\nbaresip start-up agent {agent.startup_seconds:.3f} s, customer {customer.startup_seconds:.3f} s;"
              f" dial->ESTABLISHED {est['_t'] - t_dial:.3f} s; loopback {x.size / RATE:.1f} s,"
              f" NCC {ncc:.4f} at lag {lag:.3f} s; agent events {agent_seq}; customer events {cust_seq}")
        # baresip's adaptive jitter buffer may slip a frame mid-call (whole-signal NCC then ~0.83 in
        # about 1 run of 5), so judge each 2 s stretch with its own lag.
        wncc = windowed_ncc(x, resample(ref8, 8000, RATE), RATE)
        print(f"windowed NCC {wncc:.4f}")
        assert wncc > 0.9
        app.close()
    finally:
        agent.stop()
        customer.stop()


@pytest.mark.slow
def test_baresip_aufile_end_hangs_up(baresip_factory: Callable[..., Baresip], tmp_path: Path) -> None:
    wav = speech("Short message.", tmp_path / "short8k.wav", rate=8000)
    dur = read_wav(wav)[0].size / 8000
    agent = baresip_factory("agent", audio_source="alsa,agent_mic", audio_player="alsa,softphone_out",
                            auto_answer=True)
    customer = baresip_factory("customer", audio_source=f"aufile,{wav}", audio_player="alsa,customer_ear",
                               auto_answer=False, user=CUSTOMER_NUMBER)
    app = agent.connect_ctrl()
    customer.dial(agent.uri)
    est = app.wait_event("CALL_ESTABLISHED", timeout=15)
    closed = app.wait_event("CALL_CLOSED", timeout=dur + 10)  # nobody sends hangup
    err = customer.ctrl.wait_event("AUDIO_ERROR", timeout=5)
    assert "end of file" in err["param"]
    assert closed["param"] == "Connection reset by peer"
    print(f"\naufile {dur:.2f} s -> call closed by itself after {closed['_t'] - est['_t']:.2f} s")
    assert closed["_t"] - est["_t"] < dur + 3
    app.close()
