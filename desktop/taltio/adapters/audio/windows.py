"""Windows backend: WASAPI loopback through `soundcard` (bastibe/SoundCard).

Why `soundcard` and not PyAudioWPatch or a PortAudio DLL built with loopback
(compared on PyPI: SoundCard 0.4.6, PyAudioWPatch 0.2.12.9):

- Stable ids. soundcard names every device by its WASAPI endpoint id
  (IMMDevice::GetId, "{0.0.0.00000000}.{guid}"), which survives replugs and
  reboots; a render endpoint and its loopback share that id. PortAudio (so also
  PyAudioWPatch and a custom DLL) gives only an index and a name, and
  PyAudioWPatch pairs a speaker with its "[Loopback]" twin by name substring.
- Hot-plug. soundcard asks IMMDeviceEnumerator on every call. PortAudio freezes
  its device list at Pa_Initialize (python-sounddevice#125, PortAudio#11), so a
  headset plugged in after start-up stays invisible.
- Silence. WASAPI loopback delivers no packets while nothing renders. soundcard
  returns zeros after four device periods (SoundCard#70); PyAudioWPatch's read()
  blocks (PyAudioWPatch#28), which looks exactly like a dead device.
- Packaging. soundcard is pure Python over cffi (a py3-none-any wheel; cffi has
  Windows wheels for CPython 3.11+), maintained by the author of
  python-soundfile. PyAudioWPatch ships a compiled one-maintainer PortAudio fork
  (cp39-cp315 wheels); a DLL of our own would be ours to build, sign and patch.

Costs, handled here: soundcard has no callback API (a read loop runs in a
thread); it initialises COM on the thread that imports it (each worker thread
calls CoInitializeEx itself; cf. SoundCard#83, error 0x800401F0); it has no
audio-session API, so which endpoint a process plays to comes from `pycaw`
(optional; comtypes + psutil), else the default render device.

Shared mode only: loopback does not exist in exclusive mode. soundcard opens
with AUTOCONVERTPCM | SRC_DEFAULT_QUALITY, so WASAPI converts to the rate and
channel count we ask for; `Converter` still runs if a layer reports another format.

Device loss: a removed, disabled or reconfigured endpoint makes
GetBuffer/GetNextPacketSize fail with AUDCLNT_E_DEVICE_INVALIDATED (0x88890004)
or AUDCLNT_E_RESOURCES_INVALIDATED (0x88890026); soundcard raises them as
RuntimeError("Error 0x88890004"). Any read error ends the stream with
sink.lost(). An IAudioClient stays bound to its endpoint, so WASAPI never moves
a stream. The remaining hazard is a stream opened on the *default* device
while the default changes: the softphone follows the new default and we would
record the old one. That is reported as lost, so the core re-resolves.

`Converter` and `PushStream` live in audio_push: they are platform-neutral and audio_macos uses them too.
"""
from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from taltio.domain.ports import AudioBackend, AudioError, BlockSink, Device, Stream
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.adapters.audio.push import PushStream, process_matches

log = logging.getLogger("taltio.audio.windows")


# ---- the OS layer: exactly the WASAPI calls the backend needs ---------------------------------

@dataclass(frozen=True)
class Endpoint:
    id: str            # WASAPI endpoint id
    name: str          # friendly name, e.g. "Headset Earphone (Jabra Evolve2 65)"
    flow: str          # "render" or "capture"
    default: bool = False   # the default communications device, else the default console device


class CaptureReader(Protocol):
    rate: int
    channels: int

    def start(self) -> None: ...

    def read(self) -> np.ndarray:
        """frames x channels float32 available now (zeros while a loopback is silent); raises on device loss."""

    def close(self) -> None: ...


class WindowsOSLayer(Protocol):
    def endpoints(self) -> list[Endpoint]: ...

    def default_id(self, flow: str) -> str | None: ...

    def session_endpoint(self, process: str) -> str | None:
        """The render endpoint on which `process` has an audio session (active ones first), if knowable."""

    def open_capture(self, endpoint_id: str, loopback: bool, rate: int) -> CaptureReader:
        """Called on the stream's own thread (COM apartment); raises LookupError if the endpoint is gone."""


# ---- the backend ------------------------------------------------------------------------------

_HRESULTS = {"0x88890004": "the device was unplugged or disabled (AUDCLNT_E_DEVICE_INVALIDATED)",
             "0x88890026": "the device was reconfigured (AUDCLNT_E_RESOURCES_INVALIDATED)"}


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return next((why for code, why in _HRESULTS.items() if code in text.lower()), text or type(exc).__name__)


class WindowsBackend(AudioBackend):
    name = "windows"

    def __init__(self, os_layer: WindowsOSLayer | None = None) -> None:
        self._os: WindowsOSLayer = os_layer if os_layer is not None else SoundcardLayer()

    def devices(self) -> list[Device]:
        out = []
        for e in self._os.endpoints():
            if e.flow == "capture":
                out.append(Device(e.id, e.name, "mic", e.default))
            elif e.flow == "render":
                out.append(Device(e.id, f"{e.name} [loopback]", "loopback", e.default))
        return out

    def suggest_loopback(self, softphone: str | None = None) -> Device | None:
        loops = [d for d in self.devices() if d.role == "loopback"]
        if softphone:
            try:
                target = self._os.session_endpoint(softphone)
            except Exception:  # noqa: BLE001 - sessions are a hint; the default is the fallback
                log.warning("cannot read audio sessions; using the default output", exc_info=True)
                target = None
            hit = next((d for d in loops if d.id == target), None)
            if hit is not None:
                return hit
            log.info("no audio session of %s found; using the default output", softphone)
        return next((d for d in loops if d.default), loops[0] if loops else None)

    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        flow = "render" if device.role == "loopback" else "capture"
        ep = next((e for e in self._os.endpoints() if e.id == device.id and e.flow == flow), None)
        if ep is None:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "audio device '{device}' is not connected"),
                                  device=device.name))
        return _WindowsStream(self._os, ep, rate, channel, sink)


class _WindowsStream(PushStream):
    """A read loop on its own thread; the endpoint is checked to still be the default after every read."""

    def __init__(self, layer: WindowsOSLayer, ep: Endpoint, rate: int, channel: int, sink: BlockSink) -> None:
        loopback = ep.flow == "render"
        label = Text(QT_TRANSLATE_NOOP("core", "the loopback of '{device}'"), device=ep.name) if loopback else \
            f"'{ep.name}'"
        super().__init__(label, rate, channel, sink, log)
        self._layer, self._ep, self._loopback = layer, ep, loopback
        self._follow = ep.default       # opened as the default: a default switch would leave us on the old one

    def _start_os(self) -> None:
        threading.Thread(target=self._run, name=f"taltio-wasapi-{self.channel}", daemon=True).start()

    def _stop_os(self) -> None:
        """Nothing: the read loop sees the flag and releases the reader on its own (COM) thread."""

    def _run(self) -> None:
        reader: CaptureReader | None = None
        try:
            reader = self._layer.open_capture(self._ep.id, self._loopback, self.rate)
            reader.start()
            while not self._done:
                block = reader.read()
                # After the read, before the push: a block from a new default never reaches the sink.
                if self._follow and self._layer.default_id(self._ep.flow) != self._ep.id:
                    self.fail(f"the default {'output' if self._loopback else 'input'} changed away from "
                              f"'{self._ep.name}'")
                    return
                self.deliver(block, reader.rate)
        except Exception as exc:  # noqa: BLE001 - every read error ends the stream
            self.fail(_describe(exc))
        finally:
            if reader is not None:
                try:
                    reader.close()
                except Exception:  # noqa: BLE001
                    log.debug("closing the WASAPI client failed", exc_info=True)


# ---- the real layer (Windows only; imported lazily) -------------------------------------------

_com = threading.local()


def _co_initialize() -> None:
    """Join the multithreaded COM apartment once per thread; soundcard does so only on its import thread."""
    if getattr(_com, "done", False):
        return
    import ctypes

    ctypes.windll.ole32.CoInitializeEx(None, 0)     # type: ignore[attr-defined]  # S_FALSE / RPC_E_CHANGED_MODE are fine
    _com.done = True


class SoundcardLayer:
    """soundcard for endpoints and capture; pycaw, if installed, for sessions and the communications default."""

    def __init__(self) -> None:
        if sys.platform.lower() != "win32":     # .lower(): keeps mypy type-checking the rest on any OS
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "the WASAPI backend runs only on Windows")))
        try:
            import soundcard  # initialises COM on this thread
        except Exception as exc:  # noqa: BLE001 - ImportError, or a COM failure inside soundcard's import
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "WASAPI capture needs the 'soundcard' package: {error}"),
                                  error=str(exc))) from exc
        self._sc: Any = soundcard
        try:
            from pycaw.pycaw import AudioUtilities
            self._pycaw: Any = AudioUtilities
        except Exception:  # noqa: BLE001 - optional
            self._pycaw = None

    def default_id(self, flow: str) -> str | None:
        _co_initialize()
        if self._pycaw is not None:
            try:    # eCommunications (2): what softphones play to unless told otherwise
                return str(self._pycaw.GetDeviceEnumerator().GetDefaultAudioEndpoint(
                    0 if flow == "render" else 1, 2).GetId())
            except Exception:  # noqa: BLE001 - no communications default set
                log.debug("no communications default for %s", flow)
        try:
            d = self._sc.default_speaker() if flow == "render" else self._sc.default_microphone()
            return str(d.id)
        except Exception:  # noqa: BLE001 - no device of that flow at all
            return None

    def endpoints(self) -> list[Endpoint]:
        _co_initialize()
        out = []
        for flow, devs in (("render", self._sc.all_speakers()), ("capture", self._sc.all_microphones())):
            default = self.default_id(flow)
            out += [Endpoint(str(d.id), str(d.name), flow, d.id == default) for d in devs]
        return out

    def session_endpoint(self, process: str) -> str | None:
        if self._pycaw is None:
            return None
        _co_initialize()
        from pycaw.pycaw import AudioSession, IAudioSessionControl2

        active: list[str] = []
        other: list[str] = []
        for dev in self._pycaw.GetAllDevices(data_flow=0, device_state=1):   # render, active endpoints
            sessions = dev.AudioSessionManager.GetSessionEnumerator()
            for i in range(sessions.GetCount()):
                s = AudioSession(sessions.GetSession(i).QueryInterface(IAudioSessionControl2))
                p = s.Process
                if p is not None and process_matches(p.name(), process):
                    (active if s.State == 1 else other).append(str(dev.id))
        return (active or other or [""])[0] or None

    def open_capture(self, endpoint_id: str, loopback: bool, rate: int) -> CaptureReader:
        _co_initialize()
        # Exact id match: soundcard's get_microphone() falls back to fuzzy name matching.
        mic = next((m for m in self._sc.all_microphones(include_loopback=True)
                    if m.id == endpoint_id and bool(m.isloopback) == loopback), None)
        if mic is None:
            raise LookupError(f"endpoint {endpoint_id} is gone")
        return _SoundcardReader(mic, rate)


class _SoundcardReader:
    def __init__(self, mic: Any, rate: int) -> None:
        self.rate, self.channels = rate, 1
        # A 200 ms WASAPI buffer rides out GIL pauses; record(None) still returns each ~10 ms packet.
        self._rec = mic.recorder(samplerate=rate, channels=1, blocksize=rate // 5)

    def start(self) -> None:
        self._rec.__enter__()

    def read(self) -> np.ndarray:
        return np.asarray(self._rec.record(numframes=None), dtype=np.float32)

    def close(self) -> None:
        self._rec.__exit__(None, None, None)
