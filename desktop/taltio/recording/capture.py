"""Two devices in, one aligned stereo stream out (agent left, customer right), whatever the devices do.

The recorders that fail agents fail silently: one side missing, the wrong
device after an unplug, drift that smears a long call. So this module:

* places every block on a shared timeline by its arrival time, then keeps each
  channel on that timeline with a slow drift correction (devices run on their
  own clocks; a 200 ppm difference is 0.7 s per hour);
* treats a channel as lost when its stream ends or goes quiet for WATCHDOG_S
  (no callbacks), fills the gap with digital silence, records the gap, and
  reconnects to the *same* device when it returns. The only other device it
  ever takes audio from is the fallback IT configured for that channel, and
  only while the preferred one is away; every switch is shown to the agent and
  listed in the manifest. It never follows the OS to "whatever is default now";
* raises the one-sided-call alarm when a channel stays below the silence level
  for longer than the configured time.

`mixer.Mixer` is pure (time is passed in) so tests can feed an hour of audio faster
than real time through exactly this code; `Capture` adds threads and streams.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

import numpy as np

from taltio.domain.ports import AudioBackend, AudioError, Device, Stream
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.domain import texts

log = logging.getLogger("taltio.capture")

from taltio.recording.mixer import (CHANNELS, DRIFT_ALPHA, DRIFT_DEADBAND_S, DRIFT_TIME_S,  # noqa: F401,E402
                                    DRIFT_WARMUP_S, HOLDBACK_S, MAX_SLEW, SILENCE_RMS, STARTUP_WAIT_S, TICK_S,
                                    WATCHDOG_S, Mixer)

EventCallback = Callable[[str, dict], None]


class _StreamSink:
    """What one opened stream pushes into. Blocks from a stream that was replaced are dropped.

    A stream being closed can still deliver a block or two from its own thread;
    without this, a block from the fallback could land after the switch back (or
    revive a channel the mixer just marked lost).
    """

    def __init__(self, capture: Capture, gen: int) -> None:
        self._capture, self._gen = capture, gen

    def push(self, channel: int, data: np.ndarray, t: float) -> None:
        self._capture._push(channel, data, t, self._gen)

    def lost(self, channel: int, cause: str) -> None:
        self._capture._lost(channel, cause, self._gen)


class Capture:
    """Runs the streams, the mixer thread and the reconnect thread for one call.

    Opening a device can block (libpulse waits for the server to link the
    stream), so opens happen on their own thread: the mixer keeps recording the
    other channel whatever a dying device does.
    """

    RECONNECT_EVERY_S = 0.5

    def __init__(self, backend: AudioBackend, mic: Device, loopback: Device, rate: int,
                 on_frames: Callable[[np.ndarray, int], None], on_event: EventCallback,
                 one_sided_after_s: float = 20.0, refind: Callable[[int], Device] | None = None,
                 fallback: Callable[[int], Device | None] | None = None) -> None:
        self.backend = backend
        self.devices = [mic, loopback]          # what each channel is open on now
        self.preferred = [mic, loopback]        # what it should be open on
        # For a channel configured as "the default device", a reconnect resolves the default again;
        # for a named device it is always that same device.
        self.refind = refind
        self.fallback = fallback or (lambda i: None)
        self.device_log: list[dict] = []        # which device fed which channel from when, for the manifest
        self.rate = rate
        self.on_frames = on_frames
        self.on_event = on_event
        self.mixer = Mixer(rate, time.monotonic(), one_sided_after_s)
        self.streams: list[Stream | None] = [None, None]
        self._gen = [0, 0]
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._trouble = threading.Event()      # a channel was lost: the reconnect thread has work
        self._running = False
        self._thread = threading.Thread(target=self._run, name="taltio-capture", daemon=True)
        self._reconnector = threading.Thread(target=self._reconnect_loop, name="taltio-reconnect", daemon=True)
        self._wall_offset = time.time() - time.monotonic()
        self._opened_at = [time.monotonic(), time.monotonic()]
        for i, dev in enumerate(self.devices):
            self.streams[i] = backend.open(dev, rate, i, self._sink_for(i))

    def _sink_for(self, i: int) -> _StreamSink:
        with self._lock:
            self._gen[i] += 1
            return _StreamSink(self, self._gen[i])

    def _push(self, channel: int, data: np.ndarray, t: float, gen: int) -> None:
        events: list = []
        with self._lock:
            if self.streams[channel] is None or gen != self._gen[channel]:
                return          # a late block from a stream we already gave up on
            self.mixer.push(channel, data, t, events)
        self._emit(events)

    def _lost(self, channel: int, cause: str, gen: int) -> None:
        events: list = []
        with self._lock:
            if self.streams[channel] is None or gen != self._gen[channel]:
                return
            self.mixer.lost(channel, time.monotonic(), cause, events)
        self._emit(events)
        self._wake.set()

    def index_now(self) -> int:
        """The timeline index of audio arriving now: frames are placed by when they arrived."""
        return int(self.mixer._idx(time.monotonic()))

    def wall(self, t: float | None) -> float | None:
        return None if t is None else t + self._wall_offset

    def on_fallback(self, i: int) -> bool:
        return self.devices[i].id != self.preferred[i].id

    def _log_device(self, i: int, t: float) -> None:
        last = next((d for d in reversed(self.device_log) if d["channel"] == CHANNELS[i]), None)
        if last is None or last["device_id"] != self.devices[i].id:
            self.device_log.append({"channel": CHANNELS[i], "device": self.devices[i].name,
                                    "device_id": self.devices[i].id, "fallback": self.on_fallback(i),
                                    "from_t": t})

    def _emit(self, events: list) -> None:
        for kind, info in events:
            i = CHANNELS.index(info["channel"])
            info = {**info, "device": self.devices[i].name, "fallback": self.on_fallback(i),
                    "preferred": self.preferred[i].name}
            if kind == "device_back":
                self._log_device(i, time.monotonic())
            elif kind == "device_lost":
                self._trouble.set()
            try:
                self.on_event(kind, info)
            except Exception:  # noqa: BLE001
                log.exception("capture event handler failed")

    def start(self) -> None:
        self._running = True
        self.mixer.t0 = time.monotonic()
        for i in range(2):
            self._log_device(i, self.mixer.t0)
        self._thread.start()
        for i, s in enumerate(self.streams):
            try:
                s.start()
            except Exception as exc:  # noqa: BLE001 - the device vanished between open and start
                self._lost(i, Text(QT_TRANSLATE_NOOP("core", "could not start: {error}"), error=texts.message(exc)), self._gen[i])
        self._reconnector.start()

    def suspend_alarm(self, suspended: bool) -> None:
        with self._lock:
            self.mixer.alarm_suspended = suspended

    def _run(self) -> None:
        while self._running:
            self._wake.wait(TICK_S)
            self._wake.clear()
            events: list = []
            with self._lock:
                frames = self.mixer.tick(time.monotonic(), events)
                start = self.mixer.out_start
            self._emit(events)
            if frames is not None:
                try:
                    self.on_frames(frames, start)
                except Exception:  # noqa: BLE001 - must not kill the capture thread silently
                    log.exception("frame consumer failed")

    def _reconnect_loop(self) -> None:
        """Sleeps until a channel is lost (no wake-ups in a call whose devices stay put: it polled ten times
        a second, 0.04 CPU s per recorded minute), then checks every 0.1 s and retries every 0.5 s until both
        channels are back on their preferred devices."""
        next_try = 0.0
        while not self._stop.wait(0.1):
            now = time.monotonic()
            with self._lock:
                dead = [i for i, c in enumerate(self.mixer.ch) if not c.live and c.gap is not None]
            if not dead and not any(self.on_fallback(i) for i in range(2)):
                self._trouble.wait()          # set by a lost channel's event, and by close()
                self._trouble.clear()
                continue
            for i in dead:
                # A lost stream is closed at once; a reopened one gets STARTUP_WAIT_S to deliver.
                if self.streams[i] is not None and now - self._opened_at[i] > STARTUP_WAIT_S:
                    self._drop_stream(i)
            if now < next_try:
                continue
            next_try = now + self.RECONNECT_EVERY_S
            for i in range(2):
                if self._stop.is_set():
                    return
                try:
                    if i in dead and self.streams[i] is None:
                        self._reopen(i)
                    elif i not in dead and self.on_fallback(i):
                        self._maybe_switch_back(i)
                except Exception:  # noqa: BLE001 - a backend surprise must not end reconnecting
                    log.exception("reconnecting the %s channel failed", CHANNELS[i])

    def _drop_stream(self, i: int) -> None:
        with self._lock:
            s, self.streams[i] = self.streams[i], None
            self._gen[i] += 1
        if s is not None:
            _close_quietly(s)

    def _preferred_now(self, i: int) -> Device | None:
        try:
            dev = self.refind(i) if self.refind else self.preferred[i]
            return dev if self.backend.available(dev) else None
        except AudioError:
            return None

    def _open(self, i: int, dev: Device) -> tuple[Stream, _StreamSink] | None:
        sink = self._sink_for(i)
        try:
            return self.backend.open(dev, self.rate, i, sink), sink
        except AudioError:
            return None

    def _reopen(self, i: int) -> None:
        """Reopen the preferred device, else the configured fallback; never whatever happens to be default."""
        dev, is_fallback = self._preferred_now(i), False
        if dev is None:
            try:
                dev, is_fallback = self.fallback(i), True
            except AudioError:
                return
            if dev is None or dev.id == self.preferred[i].id or not self.backend.available(dev):
                return
        opened = self._open(i, dev)
        if opened:
            self._use(i, dev, opened, is_fallback)

    def _maybe_switch_back(self, i: int) -> None:
        """On the fallback and the preferred device is back: leave the fallback (a short gap), reopen it."""
        dev = self._preferred_now(i)
        if dev is None:
            return
        self._drop_stream(i)        # first: nothing more from the fallback reaches the mixer
        events: list = []
        with self._lock:
            self.mixer.lost(i, time.monotonic(), Text(QT_TRANSLATE_NOOP("core", "switching back to '{device}'"), device=dev.name), events)
        self._emit(events)
        opened = self._open(i, dev)
        if opened:
            self._use(i, dev, opened, False)

    def _use(self, i: int, dev: Device, opened: tuple[Stream, _StreamSink], is_fallback: bool) -> None:
        s, sink = opened
        with self._lock:
            if self._stop.is_set() or sink._gen != self._gen[i]:
                stale = True
            else:
                stale = False
                if not is_fallback:
                    self.preferred[i] = dev     # for "the default device", refind may name a new one
                self.devices[i] = dev
                self.streams[i] = s
                self._opened_at[i] = time.monotonic()
        if stale:
            _close_quietly(s)
            return
        try:
            s.start()
            log.info("%s channel now on %s%s", CHANNELS[i], dev.name, " (fallback)" if is_fallback else "")
        except Exception:  # noqa: BLE001
            self._drop_stream(i)

    def close(self) -> None:
        self._running = False
        self._stop.set()
        self._trouble.set()
        self._wake.set()
        for i in range(2):
            self._drop_stream(i)
        if self._thread.is_alive():
            self._thread.join(timeout=2)
        if self._reconnector.is_alive():
            self._reconnector.join(timeout=1)   # an open stuck in the audio server is left behind, never waited on
        # Flush what the mixer still holds (up to now) so the last moments are kept.
        events: list = []
        with self._lock:
            frames = self.mixer.drain(time.monotonic(), events)
            start = self.mixer.out_start
        if frames is not None:
            try:
                self.on_frames(frames, start)
            except Exception:  # noqa: BLE001
                log.exception("frame consumer failed")

    def manifest_gaps(self) -> list[dict]:
        return [{"channel": g["channel"], "cause": g["cause"], "start_s": g["start_s"], "end_s": g["end_s"],
                 "start": _iso(self.wall(g["start_t"])), "end": _iso(self.wall(g["end_t"]))}
                for g in self.mixer.gaps]

    def manifest_devices(self) -> list[dict]:
        return [{"channel": d["channel"], "device": d["device"], "fallback": d["fallback"],
                 "from_s": round(max(0.0, d["from_t"] - self.mixer.t0), 3), "from": _iso(self.wall(d["from_t"]))}
                for d in self.device_log]

    def manifest_alarms(self) -> list[dict]:
        return [{"channel": a["channel"], "kind": a["kind"], "start": _iso(self.wall(a["start_t"])),
                 "end": _iso(self.wall(a["end_t"])), **({"ms": a["ms"]} if "ms" in a else {})}
                for a in self.mixer.alarms]


def _close_quietly(s: Stream) -> None:
    try:
        s.close()
    except Exception:  # noqa: BLE001
        log.debug("closing stream failed", exc_info=True)


def _iso(t: float | None) -> str | None:
    if t is None:
        return None
    from datetime import datetime, timezone

    from taltio.domain.events import iso

    return iso(datetime.fromtimestamp(t, timezone.utc))
