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

`Mixer` is pure (time is passed in) so tests can feed an hour of audio faster
than real time through exactly this code; `Capture` adds threads and streams.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from taltio.domain.ports import AudioBackend, AudioError, Device, Stream
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.capture")

CHANNELS = ("agent", "customer")
WATCHDOG_S = 0.5          # no callback for this long: the device is gone (issue: detect within 1 s)
STARTUP_WAIT_S = 1.5      # a device that never delivers is treated as lost after this
HOLDBACK_S = 0.12         # output lags real time by this much so late blocks still land in place
DRIFT_ALPHA = 0.05        # EMA weight of the per-block timing error (~0.4-1 s at 20-50 ms blocks)
DRIFT_WARMUP_S = 2.0      # learn each stream's own steady offset first: the first block's arrival
                          # is not representative (PipeWire delivers in 21.3 ms quanta, split in 20 ms blocks)
DRIFT_DEADBAND_S = 0.010  # only a *change* in offset beyond this is drift; smaller is scheduling jitter
DRIFT_TIME_S = 4.0        # correct a timing error over about this long
MAX_SLEW = 0.004          # at most 0.4 % faster/slower: inaudible, fixes 50 ms in ~12 s
SILENCE_RMS = 10 ** (-50 / 20)   # -50 dBFS: below any speech, above digital silence
TICK_S = 0.1              # the mixer hands frames to the encoder this often; 100 ms batches halve the encoder's per-call cost


@dataclass
class _Chan:
    name: str
    queue: deque = field(default_factory=deque)     # blocks not yet output, contiguous
    queued: int = 0
    end: int | None = None          # timeline index just after the last queued/emitted sample
    live: bool = False
    ever: bool = False
    last_push: float = 0.0
    err: float = 0.0                # smoothed (placed end - arrival end), samples
    base: float | None = None       # the stream's steady offset, learned after warm-up
    since_start: int = 0            # samples since the stream (re)started
    correcting: bool = False
    frac: float = 0.0               # fractional correction carried between blocks
    gap: dict | None = None
    silent_since: float | None = None
    alarm: dict | None = None


class Mixer:
    def __init__(self, rate: int, t0: float, one_sided_after_s: float = 20.0) -> None:
        self.rate = rate
        self.t0 = t0
        self.ch = [_Chan(n) for n in CHANNELS]
        self.pos: int | None = None          # next timeline index to output
        self.out_start = 0                   # timeline index of the first frame tick() returned last
        self.gaps: list[dict] = []
        self.alarms: list[dict] = []
        self.one_sided_after_s = one_sided_after_s
        self.alarm_suspended = False
        self.corrections = [0, 0]           # samples added (+) / removed (-) per channel, for tests/diagnostics

    def _idx(self, t: float) -> float:
        return (t - self.t0) * self.rate

    # -- input ---------------------------------------------------------------
    def push(self, i: int, data: np.ndarray, t: float, events: list) -> None:
        c = self.ch[i]
        n = len(data)
        if n == 0:
            return
        arr_end = self._idx(t)
        if not c.live:
            start = int(round(arr_end - n))
            floor = max(x for x in (self.pos, c.end) if x is not None) if (self.pos is not None or c.end is not None) \
                else start
            if start < floor:
                data = data[floor - start:]
                start = floor
                if len(data) == 0:
                    c.last_push = t
                    return
            if c.end is not None and start > c.end:
                self._append(c, np.zeros(start - c.end, dtype=np.float32))
            if c.end is None:
                c.end = start
            c.live, c.err, c.frac, c.base, c.since_start, c.correcting = True, 0.0, 0.0, None, 0, False
            if c.gap is not None:
                c.gap.update(end_s=round(start / self.rate, 3), end_t=t)
                events.append(("device_back", dict(c.gap)))
                log.warning("%s channel is back after %.1f s", c.name, (start - c.gap["start_idx"]) / self.rate)
                c.gap = None
            c.ever = True
        else:
            # Drift: where contiguous placement puts this block's end vs where its arrival says,
            # compared with the offset this stream settled at. Only a change is drift.
            e = (c.end + n) - arr_end
            c.err += DRIFT_ALPHA * (e - c.err)
            c.since_start += n
            if c.base is None:
                if c.since_start >= DRIFT_WARMUP_S * self.rate:
                    c.base = c.err
            else:
                d = c.err - c.base
                band = DRIFT_DEADBAND_S * self.rate
                if abs(d) > band:
                    c.correcting = True
                elif abs(d) < band / 4:
                    c.correcting, c.frac = False, 0.0
                if c.correcting:
                    want = -d * n / (DRIFT_TIME_S * self.rate)
                    c.frac += float(np.clip(want, -MAX_SLEW * n, MAX_SLEW * n))
                    adjust = int(c.frac)
                    if adjust:
                        c.frac -= adjust
                        m = n + adjust
                        data = np.interp(np.linspace(0, n - 1, m), np.arange(n), data).astype(np.float32)
                        self.corrections[i] += adjust
        c.last_push = t
        self._append(c, data.astype(np.float32, copy=False))

    def _append(self, c: _Chan, data: np.ndarray) -> None:
        c.queue.append(data)
        c.queued += len(data)
        c.end = (c.end or 0) + len(data)

    def lost(self, i: int, t: float, cause: str, events: list) -> None:
        c = self.ch[i]
        if c.gap is not None:
            return
        c.live = False
        start = c.end if c.end is not None else (self.pos if self.pos is not None else int(self._idx(t)))
        c.gap = {"channel": c.name, "cause": cause, "start_idx": start, "start_s": round(start / self.rate, 3),
                 "start_t": t, "end_s": None, "end_t": None}
        self.gaps.append(c.gap)
        events.append(("device_lost", dict(c.gap)))
        log.error("%s channel lost: %s", c.name, cause)

    # -- output --------------------------------------------------------------
    def _take(self, c: _Chan, n: int) -> np.ndarray:
        out = np.zeros(n, dtype=np.float32)
        got = 0
        while got < n and c.queue:
            b = c.queue[0]
            k = min(len(b), n - got)
            out[got:got + k] = b[:k]
            if k == len(b):
                c.queue.popleft()
            else:
                c.queue[0] = b[k:]
            got += k
        c.queued -= got
        return out

    def _drop_before(self, c: _Chan, pos: int) -> None:
        start = (c.end or 0) - c.queued
        if start < pos:
            self._take(c, min(pos - start, c.queued))

    def tick(self, now: float, events: list) -> np.ndarray | None:
        for i, c in enumerate(self.ch):
            if c.live and now - c.last_push > WATCHDOG_S:
                self.lost(i, now, Text(QT_TRANSLATE_NOOP("core", "no audio from the device for 0.5 s")), events)
        now_idx = int(self._idx(now - HOLDBACK_S))
        if self.pos is None:
            if all(c.ever for c in self.ch):
                # Start where the earlier channel starts; the later one is padded with silence, so
                # the first words are kept even when one device takes a while to deliver.
                self.pos = min((c.end or 0) - c.queued for c in self.ch)
                for c in self.ch:
                    lead = (c.end or 0) - c.queued - self.pos
                    if lead > 0:
                        c.queue.appendleft(np.zeros(lead, dtype=np.float32))
                        c.queued += lead
            elif now - self.t0 > STARTUP_WAIT_S:
                for i, c in enumerate(self.ch):
                    if not c.ever:
                        self.lost(i, now, Text(QT_TRANSLATE_NOOP("core", "the device delivered no audio")), events)
                starts = [(c.end or 0) - c.queued for c in self.ch if c.ever]
                self.pos = min(starts) if starts else now_idx
            else:
                return None
            for c in self.ch:
                self._drop_before(c, self.pos)
                if not c.ever:
                    c.end = self.pos
        limit = min((c.end if c.live else max(c.end or 0, now_idx)) for c in self.ch)
        n = limit - self.pos
        if n <= 0:
            return None
        cols = []
        for c in self.ch:
            cols.append(self._take(c, n))
            if not c.live:
                c.end = max(c.end or 0, self.pos + n)
        self.out_start = self.pos
        self.pos += n
        frames = np.stack(cols, axis=1)
        self._one_sided(frames, now, events)
        return frames

    def _one_sided(self, frames: np.ndarray, now: float, events: list) -> None:
        for i, c in enumerate(self.ch):
            level = float(np.sqrt(np.mean(frames[:, i].astype(np.float64) ** 2)))
            if level >= SILENCE_RMS or self.alarm_suspended:
                if c.alarm is not None:
                    c.alarm["end_t"] = now
                    events.append(("one_sided_cleared", {"channel": c.name}))
                c.silent_since, c.alarm = None, None
                continue
            if c.silent_since is None:
                c.silent_since = now
            elif c.alarm is None and now - c.silent_since >= self.one_sided_after_s:
                c.alarm = {"channel": c.name, "start_t": c.silent_since, "end_t": None}
                self.alarms.append(c.alarm)
                events.append(("one_sided", dict(c.alarm)))
                log.warning("%s side silent for %.0f s", c.name, now - c.silent_since)


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
                self._lost(i, Text(QT_TRANSLATE_NOOP("core", "could not start: {error}"), error=str(exc)), self._gen[i])
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
        next_try = 0.0
        while not self._stop.wait(0.1):
            now = time.monotonic()
            with self._lock:
                dead = [i for i, c in enumerate(self.mixer.ch) if not c.live and c.gap is not None]
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
            for i, c in enumerate(self.mixer.ch):
                if c.live:
                    c.live = False
            frames = self.mixer.tick(time.monotonic() + HOLDBACK_S, events)
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
        return [{"channel": a["channel"], "kind": "one_sided", "start": _iso(self.wall(a["start_t"])),
                 "end": _iso(self.wall(a["end_t"]))} for a in self.mixer.alarms]


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
