"""Any PortAudio host through sounddevice; devices are addressed by name.

Used where no richer backend applies (and by the Linux backend for the actual
capture). PortAudio indexes change when devices come and go, so the stable id
here is the device name.
"""
from __future__ import annotations

import logging
import threading
import time

from taltio.adapters.audio.push import adc_age
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.domain.ports import AudioBackend, AudioError, BlockSink, Device, Stream

log = logging.getLogger("taltio.audio.portaudio")

_LOOPBACK_WORDS = ("monitor", "loopback", "stereo mix", "what u hear", "blackhole")


class PortAudioStream(Stream):
    def __init__(self, device: int | str, rate: int, channel: int, sink: BlockSink, label: str) -> None:
        import sounddevice as sd

        self._closing = False
        self._lost_sent = False
        self.label = label

        def callback(indata, frames, time_info, status):  # noqa: ARG001 - PortAudio's signature
            # Placed where it was captured (PortAudio's ADC time), not where the callback ran.
            age = adc_age(time_info, frames, rate)
            sink.push(channel, indata[:, 0].copy(), time.monotonic() - (age or 0.0))

        def finished():
            # PortAudio ends a stream whose device vanished; when we closed it ourselves it is no news.
            if not self._closing and not self._lost_sent:
                self._lost_sent = True
                # The sentence around it names the device already ("'{device}' stopped ({cause})").
                sink.lost(channel, Text(QT_TRANSLATE_NOOP("core", "unplugged, or the audio server restarted")))

        try:
            self.stream = sd.InputStream(device=device, channels=1, samplerate=rate, dtype="float32",
                                         blocksize=rate // 50, callback=callback, finished_callback=finished)
        except Exception as exc:  # noqa: BLE001 - PortAudio errors vary by host API
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "cannot open '{device}' at {rate} Hz: {error}"),
                                  device=label, rate=rate, error=str(exc))) from None

    def start(self) -> None:
        self.stream.start()

    def close(self) -> None:
        self._closing = True
        # abort, not stop: stop() blocked for 17 s on a suspended PulseAudio sink. Run it on a
        # helper thread so a wedged driver can never stall the recorder.
        t = threading.Thread(target=self._abort, daemon=True)
        t.start()
        t.join(timeout=1.0)

    def _abort(self) -> None:
        try:
            self.stream.abort()
            self.stream.close()
        except Exception:  # noqa: BLE001
            log.debug("abort failed", exc_info=True)


class PortAudioBackend(AudioBackend):
    name = "portaudio"

    def __init__(self) -> None:
        import sounddevice as sd

        self._sd = sd

    def devices(self) -> list[Device]:
        try:
            default_in = self._sd.default.device[0]
            out = []
            for d in self._sd.query_devices():
                if d["max_input_channels"] <= 0 or d["name"] in ("default", "pulse", "sysdefault"):
                    continue
                role = "loopback" if any(w in d["name"].lower() for w in _LOOPBACK_WORDS) else "mic"
                out.append(Device(d["name"], d["name"], role, d["index"] == default_in))
            return out
        except Exception as exc:  # noqa: BLE001
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "audio system unavailable: {error}"), error=str(exc))) \
                from None

    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        try:
            index = self._sd.query_devices(device.id, "input")["index"]
        except ValueError:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "'{device}' is not connected"), device=device.name)) \
                from None
        return PortAudioStream(index, rate, channel, sink, device.name)
