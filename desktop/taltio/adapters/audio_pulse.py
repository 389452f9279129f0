"""Linux: PipeWire or PulseAudio sources, addressed by their stable source names.

Enumeration and "which sink does the softphone play to" come from the server
itself (pulsectl, libpulse). Capture goes through PortAudio's ALSA `pulse`
device with PULSE_SOURCE naming the source, and PULSE_PROP
node.dont-reconnect=true: without it PipeWire silently moves a stream whose
source vanished to the default source, and we would record the wrong audio
without knowing (measured; see NOTES). With it the stream ends, and the capture
layer records a gap and reconnects to the same source when it returns.
"""
from __future__ import annotations

import logging
import os
import threading

from .audio import AudioBackend, AudioError, BlockSink, Device, Stream
from .audio_portaudio import PortAudioStream

log = logging.getLogger("taltio.audio.pulse")

_ENV_LOCK = threading.Lock()   # PULSE_SOURCE is process-wide: open one stream at a time
_INVALID = 0xFFFFFFFF


class PulseBackend(AudioBackend):
    name = "pulse"

    def __init__(self) -> None:
        import pulsectl
        import sounddevice as sd

        self._pulsectl = pulsectl
        self._sd = sd
        os.environ["PULSE_PROP"] = "node.dont-reconnect=true"
        try:
            self._pa_index = sd.query_devices("pulse", "input")["index"]
        except ValueError:
            raise AudioError("PortAudio has no 'pulse' device; install the ALSA pulse plugin "
                             "(Debian: libasound2-plugins)") from None

    def _pulse(self):
        try:
            return self._pulsectl.Pulse("taltio")
        except Exception as exc:  # noqa: BLE001 - pulsectl raises its own types
            raise AudioError(f"cannot reach the audio server (PipeWire/PulseAudio): {exc}") from None

    def devices(self) -> list[Device]:
        with self._pulse() as p:
            info = p.server_info()
            default_sink = next((s for s in p.sink_list() if s.name == info.default_sink_name), None)
            default_monitor = default_sink.monitor_source_name if default_sink else None
            out = []
            for s in p.source_list():
                loop = s.monitor_of_sink != _INVALID
                default = s.name == (default_monitor if loop else info.default_source_name)
                out.append(Device(s.name, s.description or s.name, "loopback" if loop else "mic", default))
            return out

    def suggest_loopback(self, softphone: str | None = None) -> Device | None:
        """The monitor of the sink the softphone is playing to right now, else the default output's."""
        devs = self.devices()
        if softphone:
            with self._pulse() as p:
                sinks = {s.index: s for s in p.sink_list()}
                for si in p.sink_input_list():
                    props = " ".join(str(si.proplist.get(k, "")) for k in
                                     ("application.name", "application.process.binary", "media.name"))
                    if softphone.lower() in props.lower() and si.sink in sinks:
                        mon = sinks[si.sink].monitor_source_name
                        found = next((d for d in devs if d.id == mon), None)
                        if found:
                            return found
        return super().suggest_loopback(softphone)

    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        with _ENV_LOCK:
            old = os.environ.get("PULSE_SOURCE")
            os.environ["PULSE_SOURCE"] = device.id
            try:
                return PortAudioStream(self._pa_index, rate, channel, sink, device.name)
            finally:
                if old is None:
                    os.environ.pop("PULSE_SOURCE", None)
                else:
                    os.environ["PULSE_SOURCE"] = old

