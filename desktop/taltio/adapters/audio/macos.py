"""macOS backend: a virtual loopback device through sounddevice, or a Core Audio process tap through catap.

macOS has no loopback device. Two ways to hear the softphone:

1. A virtual device (BlackHole, Rogue Amoeba's Loopback, the old Soundflower).
   IT installs BlackHole and makes a Multi-Output Device "headset + BlackHole"
   the softphone's speaker. BlackHole then shows up as an *input* device and
   is captured like a microphone, through sounddevice (PortAudio's Core Audio
   host API), which Taltio already ships. Such inputs get role "loopback".
2. A Core Audio process tap (macOS 14.2+) through `catap` (PyPI, MIT, pyobjc;
   universal2 wheel, Python 3.11+). It captures only the softphone's process,
   wherever it plays: no driver, no Multi-Output Device. Device id
   "tap:<bundle id or process name>". Needs NSAudioCaptureUsageDescription in
   the app's Info.plist and the user's "System Audio Recording" consent (TCC);
   without consent Core Audio delivers zeros (catap: captured_only_silence),
   which the core's one-sided-call alarm catches.

Stable ids: PortAudio does not expose kAudioDevicePropertyDeviceUID
(sounddevice's query_devices() gives name, index, host API, channels and
rates only). When catap imports (macOS 14.2+), its list_audio_devices() gives
the UID (e.g. "BlackHole2ch_UID") and that is the id. Otherwise the id is the
Core Audio device name: stable across reboots, but two identical headsets
collide. find() also matches names, so a stored name keeps working.

Device loss: PortAudio's finished_callback (stream died) and the PushStream
watchdog (callbacks stopped). A stream opened on the default input ends when
the default input changes (checked twice a second). PortAudio's device list is
frozen at initialisation; the real layer re-initialises it only while none of
its streams is open. Streams stop with abort(), never stop() (NOTES: stop()
can block for 17 s).
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from taltio.domain.ports import AudioBackend, AudioError, BlockSink, Device, Stream
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.adapters.audio.push import PushStream, adc_age, process_matches

log = logging.getLogger("taltio.audio.macos")

OnBlock = Callable[..., None]     # (frames x channels float32, sample rate[, age_s: see push.adc_age])
OnEnd = Callable[[str], None]                   # the stream died, with a cause

# Names and UIDs of virtual loopback drivers (Loopback's UID prefix is unverified).
VIRTUAL_LOOPBACK = ("blackhole", "soundflower", "loopback audio", "rogueamoeba")


@dataclass(frozen=True)
class MacInput:
    key: str           # Core Audio UID, or the device name when no UID is obtainable
    name: str
    default: bool = False


@dataclass(frozen=True)
class AudioProc:
    key: str           # bundle id, else process name
    name: str


class Handle(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class MacOSLayer(Protocol):
    def inputs(self) -> list[MacInput]: ...

    def default_input(self) -> str | None: ...

    def open_input(self, key: str, rate: int, on_block: OnBlock, on_end: OnEnd) -> Handle:
        """Open (not start); raises LookupError if the device is gone."""

    def taps_supported(self) -> bool: ...

    def processes(self) -> list[AudioProc]: ...

    def open_tap(self, key: str, on_block: OnBlock, on_end: OnEnd) -> Handle:
        """Open (not start) a tap on a process; raises LookupError if it is not running."""


def is_virtual_loopback(inp: MacInput) -> bool:
    text = f"{inp.name} {inp.key}".lower()
    return any(v in text for v in VIRTUAL_LOOPBACK)


class MacBackend(AudioBackend):
    name = "macos"

    def __init__(self, os_layer: MacOSLayer | None = None) -> None:
        self._os: MacOSLayer = os_layer if os_layer is not None else CoreAudioLayer()

    def devices(self) -> list[Device]:
        out = []
        for i in self._os.inputs():
            loop = is_virtual_loopback(i)
            out.append(Device(i.key, i.name, "loopback" if loop else "mic", i.default and not loop))
        if self._os.taps_supported():
            out += [Device(f"tap:{p.key}", f"{p.name} (process tap)", "loopback") for p in self._os.processes()]
        return out

    def suggest_loopback(self, softphone: str | None = None) -> Device | None:
        """The softphone's process tap if possible, else a virtual loopback device."""
        loops = [d for d in self.devices() if d.role == "loopback"]
        if softphone and self._os.taps_supported():
            for p in self._os.processes():
                if process_matches(p.name, softphone) or process_matches(p.key, softphone):
                    return Device(f"tap:{p.key}", f"{p.name} (process tap)", "loopback")
        return next((d for d in loops if not d.id.startswith("tap:")), None)

    def find(self, spec: str, role: str) -> Device:
        """A tap id is accepted while the softphone is not running yet; open() then says so."""
        if spec.startswith("tap:") and role == "loopback" and self._os.taps_supported():
            return next((d for d in self.devices() if d.id == spec),
                        Device(spec, f"{spec[4:]} (process tap)", "loopback"))
        return super().find(spec, role)

    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        if device.id.startswith("tap:"):
            key = device.id[4:]
            if not self._os.taps_supported():
                raise AudioError(Text(QT_TRANSLATE_NOOP("core", "process taps need macOS 14.2 or later and the "
                                                                "'catap' package")))
            s = _MacStream(self._os, Text(QT_TRANSLATE_NOOP("core", "the process tap on '{program}'"), program=key),
                           None, rate, channel, sink)
            try:
                s.handle = self._os.open_tap(key, s.deliver, s.fail)
            except LookupError:
                raise AudioError(Text(QT_TRANSLATE_NOOP("core", "'{program}' is not running; start the softphone "
                                                                "first"), program=key)) from None
            except Exception as exc:  # noqa: BLE001 - Core Audio errors vary
                raise AudioError(Text(QT_TRANSLATE_NOOP("core", "cannot tap '{program}': {error}"), program=key,
                                      error=str(exc))) from exc
            return s
        inp = next((i for i in self._os.inputs() if i.key == device.id), None)
        if inp is None:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "audio device '{device}' is not connected"),
                                  device=device.name))
        follow = inp.key if inp.default and not is_virtual_loopback(inp) else None
        s = _MacStream(self._os, f"'{inp.name}'", follow, rate, channel, sink)
        try:
            s.handle = self._os.open_input(inp.key, rate, s.deliver, s.fail)
        except Exception as exc:  # noqa: BLE001 - LookupError or PortAudio's error
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "cannot open '{device}' at {rate} Hz: {error}"),
                                  device=inp.name, rate=rate, error=str(exc))) from exc
        return s


class _MacStream(PushStream):
    CHECK_S = 0.5      # how often the default input is compared (a Core Audio query each time)

    def __init__(self, layer: MacOSLayer, label: str, follow: str | None, rate: int, channel: int,
                 sink: BlockSink) -> None:
        super().__init__(label, rate, channel, sink, log)
        self._layer, self._follow = layer, follow
        self.handle: Handle | None = None
        self._checked = 0.0

    def _start_os(self) -> None:
        assert self.handle is not None
        self.handle.start()

    def _stop_os(self) -> None:
        if self.handle is not None:
            self.handle.stop()

    def check(self) -> str | None:
        now = time.monotonic()
        if self._follow is None or now - self._checked < self.CHECK_S:
            return None
        self._checked = now
        if self._layer.default_input() != self._follow:
            return f"the default input changed away from {self.label}"
        return None


# ---- the real layer (macOS only; imported lazily) ---------------------------------------------

class CoreAudioLayer:
    """sounddevice for inputs and capture; catap, when it imports (macOS 14.2+), for UIDs and process taps."""

    def __init__(self) -> None:
        if sys.platform.lower() != "darwin":     # .lower(): keeps mypy type-checking the rest on any OS
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "the Core Audio backend runs only on macOS")))
        try:
            import sounddevice
        except Exception as exc:  # noqa: BLE001 - ImportError or PortAudio missing
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "Core Audio capture needs the 'sounddevice' package: "
                                                            "{error}"), error=str(exc))) from exc
        self._sd: Any = sounddevice
        try:
            import catap  # raises ImportError below macOS 14.2
            self._catap: Any = catap
        except Exception:  # noqa: BLE001 - optional
            self._catap = None
        self._open = 0
        self._lock = threading.Lock()

    def _pa_inputs(self) -> list[dict[str, Any]]:
        apis = self._sd.query_hostapis()
        return [dict(d) for d in self._sd.query_devices()
                if d["max_input_channels"] > 0 and apis[d["hostapi"]]["name"] == "Core Audio"]

    def _uids(self) -> dict[str, str]:
        if self._catap is None:
            return {}
        return {d.name: d.uid for d in self._catap.list_audio_devices() if d.input_streams}

    def inputs(self) -> list[MacInput]:
        with self._lock:
            if self._open == 0:         # pick up hot-plugged devices; would kill open streams
                try:
                    self._sd._terminate()
                    self._sd._initialize()
                except Exception:  # noqa: BLE001
                    log.debug("PortAudio refresh failed", exc_info=True)
        uids, default = self._uids(), self.default_input()
        out = []
        for d in self._pa_inputs():
            key = uids.get(d["name"], d["name"])
            out.append(MacInput(key, d["name"], key == default))
        return out

    def default_input(self) -> str | None:
        if self._catap is not None:
            dev = next((d for d in self._catap.list_audio_devices() if d.is_default_input), None)
            return dev.uid if dev else None
        try:
            return str(self._sd.query_devices(kind="input")["name"])   # PortAudio's, frozen at start-up
        except Exception:  # noqa: BLE001
            return None

    def open_input(self, key: str, rate: int, on_block: OnBlock, on_end: OnEnd) -> Handle:
        name = next((n for n, u in self._uids().items() if u == key), key)
        dev = next((d for d in self._pa_inputs() if d["name"] == name), None)
        if dev is None:
            raise LookupError(f"'{name}' is not known to PortAudio")

        def cb(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:  # noqa: ARG001
            on_block(indata, rate, adc_age(time_info, frames, rate))

        stream = self._sd.InputStream(device=dev["index"], channels=min(2, dev["max_input_channels"]),
                                      samplerate=rate, dtype="float32", blocksize=rate // 50, callback=cb,
                                      finished_callback=lambda: on_end(f"the Core Audio stream on '{name}' ended"))
        return _PAHandle(self, stream)

    def taps_supported(self) -> bool:
        return self._catap is not None

    def processes(self) -> list[AudioProc]:
        if self._catap is None:
            return []
        procs: dict[str, AudioProc] = {}
        for p in self._catap.list_audio_processes():
            key = p.bundle_id or p.name
            if key and key not in procs:
                procs[key] = AudioProc(key, p.name or key)
        return sorted(procs.values(), key=lambda p: p.name.lower())

    def open_tap(self, key: str, on_block: OnBlock, on_end: OnEnd) -> Handle:
        proc = next((p for p in self._catap.list_audio_processes() if key in (p.bundle_id, p.name)), None)
        if proc is None:
            raise LookupError(key)
        return _TapHandle(self._catap, proc, on_block, on_end)


class _PAHandle:
    def __init__(self, layer: CoreAudioLayer, stream: Any) -> None:
        self._layer, self._stream = layer, stream
        with layer._lock:
            layer._open += 1

    def start(self) -> None:
        self._stream.start()

    def stop(self) -> None:
        try:
            self._stream.abort()
            self._stream.close()
        finally:
            with self._layer._lock:
                self._layer._open -= 1


class _TapHandle:
    """catap delivers on its own worker thread; a monitor thread turns failures and process exit into on_end."""

    def __init__(self, catap: Any, proc: Any, on_block: OnBlock, on_end: OnEnd) -> None:
        self._catap, self._pid, self._on_block, self._on_end = catap, proc.pid, on_block, on_end
        self._stopped = False
        self._session = catap.RecordingSession.from_process(proc, on_buffer=self._on_buffer, mono=True)

    def _on_buffer(self, buf: Any) -> None:
        f = buf.format
        if f.is_float and f.bits_per_sample == 32:
            a = np.frombuffer(buf.data, dtype="<f4")
        elif f.is_signed_integer and f.bits_per_sample in (16, 32):
            a = np.frombuffer(buf.data, dtype=f"<i{f.bits_per_sample // 8}").astype(np.float32)
            a /= float(2 ** (f.bits_per_sample - 1))
        else:
            self._on_end(f"unsupported process-tap format {f}")
            return
        self._on_block(a.reshape(-1, f.num_channels), int(f.sample_rate))

    def start(self) -> None:
        self._session.start()
        threading.Thread(target=self._monitor, name="taltio-tap-monitor", daemon=True).start()

    def _monitor(self) -> None:
        while not self._stopped:
            try:
                failed = self._session.wait_for_capture_failure(0.25)
                gone = self._catap.find_process_by_pid(self._pid) is None
            except Exception as exc:  # noqa: BLE001 - "Not recording" after a failure, too
                failed, gone = True, False
                log.debug("tap monitor: %s", exc)
            if self._stopped:
                return
            if failed or gone:
                self._on_end("the softphone process exited" if gone else
                             "the process tap failed (format change, sleep/wake or the tap was destroyed)")
                return

    def stop(self) -> None:
        self._stopped = True
        self._session.close()       # joins catap's worker: PushStream calls this on a daemon thread
