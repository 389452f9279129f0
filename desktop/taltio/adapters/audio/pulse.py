"""Linux: PipeWire or PulseAudio sources, addressed by their stable source names.

Enumeration and "which sink does the softphone play to" come from the server
itself (pulsectl). Capture uses libpulse's simple API (pasimple) on the named
source, with PULSE_PROP node.dont-reconnect=true: without it PipeWire silently
moves a stream whose source vanished to the default source, and we would record
the wrong audio without knowing (measured; see NOTES). With it the stream ends
(the read fails within milliseconds), and the capture layer records a gap and
reconnects to the same source when it returns.

Why not PortAudio here, as on other systems: Debian's PortAudio reaches the
server only through the ALSA `pulse` plugin, which cost 1.35 CPU s per recorded
minute for the two streams, against 0.5 for libpulse directly at 100 ms blocks
(docs/performance.md). The simple API is a blocking read, so each stream is one
thread that reads a block, timestamps it and hands it to the capture layer.
"""
from __future__ import annotations

import logging
import os
import threading
import time

import numpy as np

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.domain.ports import AudioBackend, AudioError, BlockSink, Device, Stream

log = logging.getLogger("taltio.audio.pulse")

_INVALID = 0xFFFFFFFF
BLOCK_MS = 100     # two streams, with the mixer: 20 ms blocks cost 1.13 CPU s/min, 50 ms 0.75-0.80, 100 ms 0.50-0.60 (measured)


class PulseStream(Stream):
    def __init__(self, device: Device, rate: int, channel: int, sink: BlockSink) -> None:
        import pasimple

        self._bytes = rate * 4 * BLOCK_MS // 1000
        try:
            self._pa = pasimple.PaSimple(pasimple.PA_STREAM_RECORD, pasimple.PA_SAMPLE_FLOAT32LE, 1, rate,
                                         app_name="Taltio", stream_name=f"Taltio {('agent', 'customer')[channel]}",
                                         device_name=device.id, fragsize=self._bytes)
        except pasimple.PaSimpleError as exc:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "cannot open '{device}': {error}"), device=device.name,
                                  error=str(exc))) from None
        self._closing = False
        self._thread = threading.Thread(target=self._run, args=(sink, channel, device.name, pasimple.PaSimpleError),
                                        name=f"taltio-pulse-{channel}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self, sink: BlockSink, channel: int, label: str, error: type) -> None:
        try:
            # The server records from the moment the stream is opened, and Capture opens both streams (and
            # the encoder) before it starts them; what piled up meanwhile would be read in one burst, each
            # block stamped as if it had just arrived, and the whole side placed that much late (42.7 ms,
            # two PipeWire quanta, until the server dropped its excess 1.5 s in: a jump in the recording).
            self._pa.flush()
            while not self._closing:
                data = self._pa.read(self._bytes)
                if self._closing:
                    break
                sink.push(channel, np.frombuffer(data, np.float32), time.monotonic())
        except error:
            if not self._closing:
                # The sentence around it names the device already ("'{device}' stopped ({cause})").
                sink.lost(channel, Text(QT_TRANSLATE_NOOP("core", "unplugged, or the audio server restarted")))
        finally:
            # Freed by the thread that reads: pa_simple is not safe to free under a blocked read.
            try:
                self._pa.close()
            except Exception:  # noqa: BLE001
                log.debug("closing the pulse stream failed", exc_info=True)

    def close(self) -> None:
        # The reader notices within one block; a wedged server leaves a daemon thread, never a stall.
        self._closing = True
        if self._thread.ident is None:
            self._pa.close()     # opened, never started
        elif threading.current_thread() is not self._thread:
            self._thread.join(timeout=2 * BLOCK_MS / 1000)


class PulseBackend(AudioBackend):
    name = "pulse"

    def __init__(self) -> None:
        import pulsectl

        self._pulsectl = pulsectl
        # Read by libpulse when each stream's context is made; applies to every stream we open.
        os.environ["PULSE_PROP"] = "node.dont-reconnect=true"
        try:
            import pasimple

            pasimple.pa_simple.get_libpulse_simple()
        except Exception as exc:  # noqa: BLE001 - ImportError or a missing libpulse-simple.so.0
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "libpulse-simple is missing ({error}); install libpulse0"),
                                  error=str(exc))) from None

    def _pulse(self):
        try:
            return self._pulsectl.Pulse("taltio")
        except Exception as exc:  # noqa: BLE001 - pulsectl raises its own types
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "cannot reach the audio server (PipeWire/PulseAudio): "
                                                            "{error}"), error=str(exc))) from None

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
        return PulseStream(device, rate, channel, sink)
