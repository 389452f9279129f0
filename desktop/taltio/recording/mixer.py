"""The pure half of capture: blocks from two streams placed on one timeline, kept aligned, gaps and the
one-sided alarm decided. Time is passed in, so tests feed an hour of audio faster than real time through
exactly this code; `capture.Capture` adds the threads and the streams.
"""
from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field

import numpy as np

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
