"""Windows and macOS audio backends against fakes of their OS layers (the real ones cannot run here).

The fakes implement the same surface as SoundcardLayer / CoreAudioLayer: endpoints or
inputs, defaults, sessions or processes, and streams that produce audio on their own
thread, can vanish, error, hang, silently follow the default device, or block when stopped.
"""
from __future__ import annotations

import threading
import time
from dataclasses import replace

import numpy as np
import pytest
from taltio.domain.ports import AudioError, Device
from taltio.adapters.audio.macos import AudioProc, MacBackend, MacInput
from taltio.adapters.audio.push import Converter, process_matches
from taltio.adapters.audio.windows import Endpoint, WindowsBackend
from tests.helpers.waiting import wait_for

RATE = 16000


class Sink:
    def __init__(self) -> None:
        self.events: list[tuple] = []
        self.lock = threading.Lock()
        self.got_lost = threading.Event()
        self.got_push = threading.Event()

    def push(self, channel: int, data: np.ndarray, t: float) -> None:
        assert data.ndim == 1 and data.dtype == np.float32
        with self.lock:
            self.events.append(("push", channel, data.copy(), t))
        self.got_push.set()

    def lost(self, channel: int, cause: str) -> None:
        with self.lock:
            self.events.append(("lost", channel, cause, time.monotonic()))
        self.got_lost.set()

    def pushes(self) -> list[np.ndarray]:
        with self.lock:
            return [e[2] for e in self.events if e[0] == "push"]

    def losts(self) -> list[tuple]:
        with self.lock:
            return [e for e in self.events if e[0] == "lost"]

    def pushes_after_first_lost(self) -> int:
        with self.lock:
            kinds = [e[0] for e in self.events]
        return kinds[kinds.index("lost"):].count("push") if "lost" in kinds else 0

    def audio(self) -> np.ndarray:
        p = self.pushes()
        return np.concatenate(p) if p else np.zeros(0, np.float32)


def wait_pushes(sink: Sink, n: int, timeout: float = 2.0) -> None:
    end = time.monotonic() + timeout
    while len(sink.pushes()) < n and time.monotonic() < end:
        time.sleep(0.01)
    assert len(sink.pushes()) >= n, "the stream delivered no audio"


def dominant_hz(x: np.ndarray, rate: int) -> float:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spec))])


# ---- Windows fake ------------------------------------------------------------------------------

JABRA_OUT, JABRA_MIC = "{0.0.0.00000000}.{jabra-out}", "{0.0.1.00000000}.{jabra-mic}"
SPK_OUT, LAPTOP_MIC = "{0.0.0.00000000}.{realtek-spk}", "{0.0.1.00000000}.{realtek-mic}"


class FakeReader:
    """One WASAPI capture client: produces `block_s` of audio per read(), like soundcard's record(None)."""

    def __init__(self, layer: FakeWinLayer, eid: str, rate: int, channels: int, follow_default: bool) -> None:
        self.layer, self.eid, self.rate, self.channels = layer, eid, rate, channels
        self.follow_default = follow_default
        self.frames = 0
        self.closed = threading.Event()

    def start(self) -> None:
        pass

    def read(self) -> np.ndarray:
        time.sleep(0.01)
        if self.layer.hang.is_set():
            self.layer.release.wait()                       # a driver call that never returns
        src = self.layer.defaults["render"] if self.follow_default else self.eid
        if src in self.layer.removed:
            raise RuntimeError("Error 0x88890004")           # what soundcard raises for DEVICE_INVALIDATED
        n = self.rate // 100
        t = (self.frames + np.arange(n)) / self.rate
        self.frames += n
        mono = self.layer.signal[src](t).astype(np.float32)
        return np.stack([mono * (1.0 if c == 0 else 0.5) for c in range(self.channels)], axis=1)

    def close(self) -> None:
        self.closed.set()
        if self.layer.close_blocks:
            self.layer.release.wait()


class FakeWinLayer:
    def __init__(self) -> None:
        self.eps = [Endpoint(SPK_OUT, "Speakers (Realtek(R) Audio)", "render"),
                    Endpoint(JABRA_OUT, "Headset Earphone (Jabra Evolve2 65)", "render"),
                    Endpoint(LAPTOP_MIC, "Microphone Array (Realtek(R) Audio)", "capture"),
                    Endpoint(JABRA_MIC, "Headset Microphone (Jabra Evolve2 65)", "capture")]
        self.defaults = {"render": SPK_OUT, "capture": LAPTOP_MIC}
        self.sessions: dict[str, str] = {}
        self.sessions_fail = False
        self.removed: set[str] = set()
        self.signal = {e.id: (lambda t, lv=0.1 * (i + 1): np.full(len(t), lv)) for i, e in enumerate(self.eps)}
        self.native = (RATE, 1)
        self.follow_default = False
        self.hang, self.release = threading.Event(), threading.Event()
        self.close_blocks = False
        self.readers: list[FakeReader] = []
        self.calls = 0

    def endpoints(self) -> list[Endpoint]:
        self.calls += 1
        eps = [replace(e, default=self.defaults[e.flow] == e.id) for e in self.eps if e.id not in self.removed]
        return eps[::-1] if self.calls % 2 else eps          # the OS order is not stable; ids are

    def default_id(self, flow: str) -> str | None:
        return self.defaults[flow]

    def session_endpoint(self, process: str) -> str | None:
        if self.sessions_fail:
            raise OSError("COM error 0x80004005")
        return next((eid for p, eid in self.sessions.items() if process_matches(p, process)), None)

    def open_capture(self, endpoint_id: str, loopback: bool, rate: int) -> FakeReader:
        if endpoint_id in self.removed:
            raise LookupError(endpoint_id)
        r = FakeReader(self, endpoint_id, *self.native, self.follow_default)
        self.readers.append(r)
        return r


@pytest.fixture
def win():
    layer = FakeWinLayer()
    yield layer, WindowsBackend(os_layer=layer)
    layer.release.set()


def test_windows_lists_mics_and_loopbacks_by_endpoint_id(win):
    _, be = win
    devs = be.devices()
    by_id = {d.id: d for d in devs}
    assert by_id[JABRA_OUT] == Device(JABRA_OUT, "Headset Earphone (Jabra Evolve2 65) [loopback]", "loopback", False)
    assert by_id[SPK_OUT].default and by_id[SPK_OUT].role == "loopback"
    assert by_id[JABRA_MIC] == Device(JABRA_MIC, "Headset Microphone (Jabra Evolve2 65)", "mic", False)
    assert by_id[LAPTOP_MIC].default and by_id[LAPTOP_MIC].role == "mic"
    assert len(devs) == 4
    # The OS lists them in another order next time; ids, not positions, identify them.
    assert [d.id for d in be.devices()] != [d.id for d in devs]
    assert {d.id: d for d in be.devices()} == by_id


def test_windows_find_by_id_and_by_name(win):
    layer, be = win
    assert be.find(JABRA_OUT, "loopback").name.endswith("[loopback]")
    assert be.find("jabra", "loopback").id == JABRA_OUT
    assert be.find("jabra", "mic").id == JABRA_MIC
    assert be.find("", "mic").id == LAPTOP_MIC
    with pytest.raises(AudioError, match="several"):
        be.find("(", "mic")
    layer.removed.add(JABRA_OUT)
    with pytest.raises(AudioError, match="not found"):
        be.find(JABRA_OUT, "loopback")


def test_windows_suggests_the_loopback_the_softphone_plays_to(win):
    layer, be = win
    layer.sessions = {"MicroSIP.exe": JABRA_OUT, "chrome.exe": SPK_OUT}
    assert be.suggest_loopback("MicroSIP.exe").id == JABRA_OUT
    assert be.suggest_loopback("microsip").id == JABRA_OUT
    layer.sessions = {"MicroSIP.exe": SPK_OUT}
    layer.defaults["render"] = JABRA_OUT
    assert be.suggest_loopback("MicroSIP.exe").id == SPK_OUT


def test_windows_suggestion_falls_back_to_the_default_output(win):
    layer, be = win
    layer.sessions = {"chrome.exe": JABRA_OUT}
    assert be.suggest_loopback("MicroSIP.exe").id == SPK_OUT
    layer.defaults["render"] = JABRA_OUT
    assert be.suggest_loopback(None).id == JABRA_OUT
    layer.sessions, layer.sessions_fail = {"MicroSIP.exe": SPK_OUT}, True
    assert be.suggest_loopback("MicroSIP.exe").id == JABRA_OUT
    assert be.find("", "loopback").id == JABRA_OUT


def test_windows_open_of_a_missing_device_raises(win):
    layer, be = win
    dev = be.find(JABRA_OUT, "loopback")
    layer.removed.add(JABRA_OUT)
    with pytest.raises(AudioError, match="not connected"):
        be.open(dev, RATE, 1, Sink())


def test_windows_device_loss_is_reported_once_and_ends_the_pushes(win):
    layer, be = win
    sink = Sink()
    s = be.open(be.find(JABRA_OUT, "loopback"), RATE, 1, sink)
    s.start()
    wait_pushes(sink, 5)
    assert np.allclose(sink.pushes()[-1], 0.2)               # Jabra's marker level, not the speakers'
    t0 = time.monotonic()
    layer.removed.add(JABRA_OUT)
    assert sink.got_lost.wait(1.0)
    time.sleep(0.3)
    s.close()
    (lost,) = sink.losts()
    assert lost[1] == 1 and "unplugged" in lost[2]
    assert lost[3] - t0 < 1.0
    assert sink.pushes_after_first_lost() == 0
    assert layer.readers[0].closed.wait(1.0)                 # the WASAPI client was released


def test_windows_default_switch_ends_a_default_stream_before_any_foreign_audio(win):
    layer, be = win
    layer.follow_default = True                              # a layer that would silently move the stream
    sink = Sink()
    s = be.open(be.suggest_loopback(), RATE, 0, sink)
    s.start()
    wait_pushes(sink, 5)
    layer.defaults["render"] = JABRA_OUT
    assert sink.got_lost.wait(1.0)
    time.sleep(0.2)
    s.close()
    assert len(sink.losts()) == 1 and "default output changed" in sink.losts()[0][2]
    assert np.allclose(sink.audio(), 0.1)                    # only the speakers' level; never Jabra's 0.2
    assert sink.pushes_after_first_lost() == 0


def test_windows_default_switch_leaves_an_explicit_device_alone(win):
    layer, be = win
    sink = Sink()
    s = be.open(be.find(JABRA_MIC, "mic"), RATE, 0, sink)
    s.start()
    wait_pushes(sink, 3)
    layer.defaults["capture"] = JABRA_MIC
    layer.defaults["capture"] = LAPTOP_MIC
    n = len(sink.pushes())
    time.sleep(0.5)
    s.close()
    assert sink.losts() == [] and len(sink.pushes()) > n


def test_windows_hung_driver_is_reported_within_a_second(win):
    layer, be = win
    sink = Sink()
    s = be.open(be.find(LAPTOP_MIC, "mic"), RATE, 0, sink)
    s.start()
    wait_pushes(sink, 3)
    t0 = time.monotonic()
    layer.hang.set()
    assert sink.got_lost.wait(1.5)
    assert sink.losts()[0][3] - t0 < 1.0 and "no audio" in sink.losts()[0][2]
    layer.release.set()
    time.sleep(0.2)
    s.close()
    assert len(sink.losts()) == 1 and sink.pushes_after_first_lost() == 0


def test_windows_converts_48k_stereo_to_16k_mono(win):
    layer, be = win
    layer.native = (48000, 2)
    layer.signal[JABRA_OUT] = lambda t: 0.5 * np.sin(2 * np.pi * 1000 * t)
    sink = Sink()
    s = be.open(be.find(JABRA_OUT, "loopback"), RATE, 1, sink)
    s.start()
    wait_pushes(sink, 60, timeout=5)
    s.close()
    out, produced = sink.audio(), layer.readers[0].frames
    assert abs(len(out) - produced / 3) <= 170               # 16 kHz from 48 kHz, give or take the 10 ms block in flight
    body = out[200:]
    assert abs(dominant_hz(body, RATE) - 1000) < 10
    assert abs(np.max(np.abs(body)) - 0.375) < 0.02          # (left + right/2) / 2: a mean of both channels


def test_windows_close_returns_at_once_even_if_the_client_blocks(win):
    layer, be = win
    layer.close_blocks = True
    sink = Sink()
    s = be.open(be.find(JABRA_MIC, "mic"), RATE, 0, sink)
    s.start()
    wait_pushes(sink, 3)
    t0 = time.monotonic()
    s.close()
    assert time.monotonic() - t0 < 0.1
    n = len(sink.pushes())
    assert layer.readers[0].closed.wait(1.0)                 # still released, on the stream's thread
    time.sleep(1.0)                                          # longer than the stall timeout
    assert len(sink.pushes()) == n and sink.losts() == []


# ---- macOS fake --------------------------------------------------------------------------------

MIC_UID, JABRA_UID, BH_UID = "BuiltInMicrophoneDevice", "AppleUSBAudioEngine:GN:Jabra:1234:1", "BlackHole2ch_UID"
ZOIPER = AudioProc("com.securax.zoiper5", "Zoiper5")


class FakeHandle:
    """A callback stream: a thread calls on_block every 10 ms until stopped, vanished or died."""

    def __init__(self, layer: FakeMacLayer, key: str, rate: int, channels: int, on_block, on_end) -> None:
        self.layer, self.key, self.rate, self.channels = layer, key, rate, channels
        self.on_block, self.on_end = on_block, on_end
        self.running = threading.Event()
        self.stopped = threading.Event()
        self.stop_called = threading.Event()
        self.frames = 0

    def start(self) -> None:
        self.running.set()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while self.running.is_set() and not self.stopped.is_set():
            time.sleep(0.01)
            if self.key in self.layer.vanished:
                return                                       # Core Audio just stops calling back
            if self.key in self.layer.died:
                self.on_end(f"the Core Audio stream on '{self.key}' ended")
                return
            n = self.rate // 100
            t = (self.frames + np.arange(n)) / self.rate
            self.frames += n
            mono = self.layer.signal.get(self.key, lambda t: np.full(len(t), 0.3))(t).astype(np.float32)
            self.on_block(np.stack([mono] * self.channels, axis=1), self.rate)

    def stop(self) -> None:
        self.stop_called.set()
        if self.layer.stop_blocks:
            self.layer.release.wait()                        # callbacks keep coming meanwhile
        self.stopped.set()
        self.on_end("stream finished")                       # PortAudio's finished_callback fires on abort(), too


class FakeMacLayer:
    def __init__(self, uids: bool = True, taps: bool = True) -> None:
        names = {MIC_UID: "MacBook Pro Microphone", JABRA_UID: "Jabra Evolve2 65", BH_UID: "BlackHole 2ch"}
        self.ins = [MacInput(k if uids else n, n) for k, n in names.items()]
        self.default = self.ins[0].key
        self.taps = taps
        self.procs = [ZOIPER, AudioProc("com.apple.Safari", "Safari")]
        self.vanished: set[str] = set()
        self.died: set[str] = set()
        self.signal: dict = {}
        self.stop_blocks = False
        self.release = threading.Event()
        self.handles: list[FakeHandle] = []

    def inputs(self) -> list[MacInput]:
        return [replace(i, default=i.key == self.default) for i in self.ins if i.key not in self.vanished]

    def default_input(self) -> str | None:
        return self.default

    def open_input(self, key, rate, on_block, on_end) -> FakeHandle:
        if key not in {i.key for i in self.inputs()}:
            raise LookupError(key)
        h = FakeHandle(self, key, rate, 2 if key == BH_UID else 1, on_block, on_end)
        self.handles.append(h)
        return h

    def taps_supported(self) -> bool:
        return self.taps

    def processes(self) -> list[AudioProc]:
        return list(self.procs)

    def open_tap(self, key, on_block, on_end) -> FakeHandle:
        if key not in {p.key for p in self.procs}:
            raise LookupError(key)
        h = FakeHandle(self, "tap:" + key, 48000, 2, on_block, on_end)   # taps run at the device's format
        self.handles.append(h)
        return h


@pytest.fixture
def mac():
    layer = FakeMacLayer()
    yield layer, MacBackend(os_layer=layer)
    layer.release.set()


def test_macos_lists_mics_virtual_loopbacks_and_process_taps(mac):
    layer, be = mac
    by_id = {d.id: d for d in be.devices()}
    assert by_id[MIC_UID] == Device(MIC_UID, "MacBook Pro Microphone", "mic", True)
    assert by_id[JABRA_UID].role == "mic" and not by_id[JABRA_UID].default
    assert by_id[BH_UID] == Device(BH_UID, "BlackHole 2ch", "loopback", False)
    assert by_id["tap:com.securax.zoiper5"] == Device("tap:com.securax.zoiper5", "Zoiper5 (process tap)", "loopback")
    assert len(by_id) == 5
    layer.taps = False
    assert not any(d.id.startswith("tap:") for d in be.devices())


def test_macos_without_uids_uses_device_names():
    be = MacBackend(os_layer=FakeMacLayer(uids=False, taps=False))
    assert {d.id for d in be.devices()} == {"MacBook Pro Microphone", "Jabra Evolve2 65", "BlackHole 2ch"}
    assert be.find("BlackHole 2ch", "loopback").role == "loopback"


def test_macos_find_by_uid_name_and_tap_id(mac):
    _, be = mac
    assert be.find(JABRA_UID, "mic").name == "Jabra Evolve2 65"
    assert be.find("jabra", "mic").id == JABRA_UID
    assert be.find("blackhole", "loopback").id == BH_UID
    with pytest.raises(AudioError, match="not found"):
        be.find("blackhole", "mic")
    assert be.find("tap:com.securax.zoiper5", "loopback").name == "Zoiper5 (process tap)"
    later = be.find("tap:com.tlphn.Telephone", "loopback")    # not running yet: accepted, open() explains
    assert later.role == "loopback"
    with pytest.raises(AudioError, match="not running"):
        be.open(later, RATE, 1, Sink())


def test_macos_suggests_the_softphone_tap_else_a_virtual_device(mac):
    layer, be = mac
    assert be.suggest_loopback("Zoiper5").id == "tap:com.securax.zoiper5"
    assert be.suggest_loopback("com.securax.zoiper5").id == "tap:com.securax.zoiper5"
    assert be.suggest_loopback("zoiper").id == "tap:com.securax.zoiper5"
    assert be.suggest_loopback("Telephone").id == BH_UID
    assert be.suggest_loopback(None).id == BH_UID
    layer.taps = False
    assert be.suggest_loopback("Zoiper5").id == BH_UID
    layer.ins = [i for i in layer.ins if i.key != BH_UID]
    assert be.suggest_loopback("Zoiper5") is None


def test_macos_vanished_device_is_reported_once_within_a_second(mac):
    layer, be = mac
    sink = Sink()
    s = be.open(be.find(JABRA_UID, "mic"), RATE, 0, sink)
    s.start()
    wait_pushes(sink, 5)
    t0 = time.monotonic()
    layer.vanished.add(JABRA_UID)
    assert sink.got_lost.wait(1.5)
    time.sleep(0.3)
    s.close()
    (lost,) = sink.losts()
    assert lost[3] - t0 < 1.0 and "no audio" in lost[2]
    assert sink.pushes_after_first_lost() == 0
    assert layer.handles[0].stop_called.wait(1.0)            # the dead stream was released


def test_macos_dead_stream_is_reported_once_with_its_cause(mac):
    layer, be = mac
    sink = Sink()
    s = be.open(be.find(BH_UID, "loopback"), RATE, 1, sink)
    s.start()
    wait_pushes(sink, 5)
    layer.died.add(BH_UID)
    assert sink.got_lost.wait(1.0)
    time.sleep(1.0)                                          # the stall watchdog must not report it again
    s.close()
    assert [e[2] for e in sink.losts()] == [f"the Core Audio stream on '{BH_UID}' ended"]
    assert sink.pushes_after_first_lost() == 0


def test_macos_default_input_switch_ends_only_a_default_stream(mac):
    layer, be = mac
    default_sink, explicit_sink = Sink(), Sink()
    a = be.open(be.find("", "mic"), RATE, 0, default_sink)
    b = be.open(be.find(JABRA_UID, "mic"), RATE, 0, explicit_sink)
    a.start(), b.start()
    wait_pushes(default_sink, 3), wait_pushes(explicit_sink, 3)
    t0 = time.monotonic()
    layer.default = BH_UID
    assert default_sink.got_lost.wait(1.0)
    assert default_sink.losts()[0][3] - t0 < 1.0 and "default input" in default_sink.losts()[0][2]
    n = len(explicit_sink.pushes())
    time.sleep(0.6)
    a.close(), b.close()
    assert explicit_sink.losts() == [] and len(explicit_sink.pushes()) > n
    assert default_sink.pushes_after_first_lost() == 0


def test_macos_tap_converts_48k_stereo_to_16k_mono(mac):
    layer, be = mac
    layer.signal["tap:com.securax.zoiper5"] = lambda t: 0.4 * np.sin(2 * np.pi * 440 * t)
    sink = Sink()
    s = be.open(be.suggest_loopback("Zoiper5"), RATE, 1, sink)
    s.start()
    wait_pushes(sink, 60, timeout=5)
    s.close()
    out = sink.audio()
    assert abs(len(out) - layer.handles[0].frames / 3) <= 170
    assert abs(dominant_hz(out[200:], RATE) - 440) < 10
    assert abs(np.max(np.abs(out[200:])) - 0.4) < 0.02


def test_macos_close_returns_at_once_even_if_stop_blocks(mac):
    layer, be = mac
    layer.stop_blocks = True
    sink = Sink()
    s = be.open(be.find(BH_UID, "loopback"), RATE, 1, sink)
    s.start()
    wait_pushes(sink, 3)
    t0 = time.monotonic()
    s.close()
    assert time.monotonic() - t0 < 0.1
    assert layer.handles[0].stop_called.wait(1.0)
    n = len(sink.pushes())
    time.sleep(1.0)                                          # the blocked stream keeps calling back
    assert not layer.handles[0].stopped.is_set()
    assert len(sink.pushes()) == n and sink.losts() == []


# ---- the converter on its own --------------------------------------------------------------------

def test_converter_is_continuous_across_block_boundaries():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((48000, 2)).astype(np.float32)
    whole = Converter(48000, RATE).process(x)
    c, parts, i = Converter(48000, RATE), [], 0
    while i < len(x):
        n = int(rng.integers(1, 700))
        parts.append(c.process(x[i:i + n]))
        i += n
    pieced = np.concatenate(parts)
    assert len(pieced) == len(whole)
    assert np.max(np.abs(pieced - whole)) < 1e-4


def test_converter_keeps_speech_band_and_rejects_what_would_alias():
    t = np.arange(48000) / 48000
    c = Converter(48000, RATE)
    keep = c.process(np.sin(2 * np.pi * 3000 * t))[500:]
    alias = Converter(48000, RATE).process(np.sin(2 * np.pi * 10000 * t))[500:]   # would fold to 6 kHz
    assert abs(dominant_hz(keep, RATE) - 3000) < 10 and np.sqrt(np.mean(keep ** 2)) > 0.65
    assert np.sqrt(np.mean(alias ** 2)) < 0.01


def test_converter_upsamples_8k_to_16k():
    t = np.arange(8000) / 8000
    out = Converter(8000, RATE).process(np.sin(2 * np.pi * 500 * t)[:, None])
    assert abs(len(out) - 16000) <= 2 and abs(dominant_hz(out, RATE) - 500) < 5


@pytest.mark.expect_log_errors("taltio.capture")   # the unplug is logged as an error
def test_capture_reconnect_thread_sleeps_until_a_channel_is_lost_then_brings_it_back(win):
    """The reconnect thread polled ten times a second through every call (0.04 CPU s per recorded minute);
    now it sleeps while both devices deliver, and a lost one still comes back by itself when replugged."""
    from taltio.recording.capture import Capture

    layer, be = win
    events: list[str] = []
    cap = Capture(be, be.find(JABRA_MIC, "mic"), be.find(JABRA_OUT, "loopback"), RATE,
                  on_frames=lambda frames, start: None, on_event=lambda kind, info: events.append(kind))
    checks = []
    real = cap.on_fallback
    def counted(i: int) -> bool:                                 # the loop asks this on every wake-up
        if threading.current_thread().name == "taltio-reconnect":
            checks.append(i)
        return real(i)

    cap.on_fallback = counted
    cap.start()
    try:
        time.sleep(1.5)
        assert len(checks) <= 2, f"{len(checks)} reconnect checks in 1.5 s with both devices delivering; {events}"
        layer.removed.add(JABRA_OUT)
        wait_for(lambda: "device_lost" in events, timeout=2, message=lambda: f"the unplug reported: {events}")
        layer.removed.discard(JABRA_OUT)
        wait_for(lambda: "device_back" in events, timeout=4, message=lambda: f"the replug reported: {events}")
    finally:
        cap.close()


@pytest.mark.expect_log_errors("taltio.capture")   # the failed start is logged as a lost channel
def test_a_stream_that_fails_to_start_is_a_lost_channel_not_a_crash(win):
    """A device can vanish between open and start. capture.py named `texts` without importing it, so this
    path raised NameError out of Capture.start and the call had no capture at all (found by pyflakes)."""
    from taltio.recording.capture import Capture

    layer, be = win
    events: list[tuple[str, dict]] = []
    cap = Capture(be, be.find(JABRA_MIC, "mic"), be.find(JABRA_OUT, "loopback"), RATE,
                  on_frames=lambda frames, start: None, on_event=lambda kind, info: events.append((kind, info)))

    def vanished() -> None:
        raise OSError("the device is gone")

    cap.streams[1].start = vanished
    try:
        cap.start()
        wait_for(lambda: any(k == "device_lost" for k, _ in events), timeout=2,
                 message=lambda: f"the failed start reported: {events}")
        lost = next(i for k, i in events if k == "device_lost")
        assert lost["channel"] == "customer" and "could not start" in lost["cause"]
    finally:
        cap.close()
