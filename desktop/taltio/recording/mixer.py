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
DRIFT_WINDOW_S = 3.0      # the placement error is taken from the *least delayed* block in this much of a
                          # stream's recent blocks: a block stamped late (its reader scheduled late, PipeWire's
                          # 21.3 ms quanta against our 100 ms blocks) moves nothing; a real offset shows at once
DRIFT_WARMUP_S = 0.5      # correct nothing until this much of a stream is in the window; output waits for it,
                          # so it is long enough to see PipeWire's quantum spread (a few 21.3 ms quanta) yet short
                          # enough that the first sealed audio lands well inside the 1 s crash-loss bound (1.0 s
                          # sealed the first segment 1.05-1.16 s in: a kill then lost the call's start)
DRIFT_DEADBAND_S = 0.010  # start correcting beyond this error: any slewing smears the waveform a little
DELAY_STEP_S = 0.002      # the offset falling by more than this at once is delivery getting later, not drift
                          # (a clock off by 200 ppm moves it 0.6 ms in a whole window)
DRIFT_ALPHA = 0.05        # kept for importers; the least-delayed window replaced the exponential average
WARMUP_HOLD_S = 2.5       # output waits at most this long for both sides' warm-ups (crash loss at call start)
SETTLE_MAX_S = 0.5        # a larger start-up difference than this is not lateness: leave it to the slew
DRIFT_TIME_S = 4.0        # correct a timing error over about this long
MAX_SLEW = 0.004          # at most 0.4 % faster/slower: inaudible, fixes 50 ms in ~12 s
SILENCE_RMS = 10 ** (-50 / 20)   # -50 dBFS: below any speech, above digital silence
REALIGNED_SHOWN_S = 4.0   # the agent's warning of a mid-call line-up goes after this long in step (the manifest keeps it)
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
    errs: np.ndarray = field(default_factory=lambda: np.zeros(0))  # recent (placed end - stamped end), samples
    nerr: int = 0                   # blocks seen since the stream (re)started; errs is a ring of the last ones
    since_start: int = 0            # samples since the stream (re)started
    d: float | None = None          # the stream's offset now (least delayed block in the window), samples
    base: float | None = None       # its offset once settled; only a change from it is drift
    sag: float = 0.0                # how far the offset fell in steps: delivery got later, no sample was lost
    correcting: bool = False
    frac: float = 0.0               # fractional correction carried between blocks
    gap: dict | None = None
    silent_since: float | None = None
    alarm: dict | None = None
    realigned_t: float | None = None  # when this side was last lined up mid-call, while the agent is warned


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
            start = round(arr_end - n)
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
            c.live, c.frac, c.since_start, c.correcting, c.d, c.base, c.sag = True, 0.0, 0, False, None, None, 0.0
            c.errs, c.nerr = np.zeros(max(8, min(512, round(DRIFT_WINDOW_S * self.rate / n)))), 0
            if c.gap is not None:
                c.gap.update(end_s=round(start / self.rate, 3), end_t=t)
                events.append(("device_back", dict(c.gap)))
                log.warning("%s channel is back after %.1f s", c.name, (start - c.gap["start_idx"]) / self.rate)
                c.gap = None
            c.ever = True
        else:
            data = self._keep_in_place(i, c, data, arr_end, events)
        c.last_push = t
        if c.realigned_t is not None and t - c.realigned_t >= REALIGNED_SHOWN_S:
            c.realigned_t = None
            events.append(("realigned_cleared", {"channel": c.name}))
        self._append(c, data.astype(np.float32, copy=False))

    def _keep_in_place(self, i: int, c: _Chan, data: np.ndarray, stamped_end: float, events: list) -> np.ndarray:
        """Blocks follow each other by sample count (a stream's own clock); this keeps that count on the
        shared timeline.

        The error is where contiguous placement puts a block's end against where its timestamp says. A
        stamp is late, never early (a reader scheduled late, a block that waited for the server's next
        quantum: on PipeWire our 100 ms blocks arrive with a 40 ms spread), so the block in the window
        placed furthest after its stamp is the least delayed one, and its error is the stream's offset.
        Load and jitter only make other stamps later, which moves nothing (an average or a median did:
        it sat near the deadband and slewed all call, and every slew smears the waveform).
        The offset a stream settles at after warm-up is its base (its latency, which arrival times cannot
        tell from lateness); the two bases are then made equal once, by inserting silence (`_settle`),
        and only a *change* from the base is drift, slewed back by at most MAX_SLEW.
        """
        n = len(data)
        c.errs[c.nerr % len(c.errs)] = (c.end + n) - stamped_end
        c.nerr += 1
        c.since_start += n
        if c.since_start < DRIFT_WARMUP_S * self.rate:
            return data
        prev, c.d = c.d, float(np.max(c.errs[:min(c.nerr, len(c.errs))]))
        if c.base is None:
            self._settle(i, c, events)
            return data
        if self._track_sag(c, c.d - prev if prev is not None else 0.0) > DELAY_STEP_S * self.rate:
            self._settle(i, c, events)    # the base was taken while the stream was late: line up again, once
            return data
        dev = c.d - (c.base - c.sag)
        band = DRIFT_DEADBAND_S * self.rate
        if abs(dev) > band:
            c.correcting = True
        elif abs(dev) < band / 4:
            c.correcting, c.frac = False, 0.0
        if not c.correcting:
            return data
        want = -dev * n / (DRIFT_TIME_S * self.rate)
        c.frac += float(np.clip(want, -MAX_SLEW * n, MAX_SLEW * n))
        adjust = int(c.frac)
        if not adjust:
            return data
        c.frac -= adjust
        # The blocks in the window would have been placed `adjust` later too: keep their errors current, so the
        # estimate answers for the placement as it is now and the correction does not overshoot.
        c.errs += adjust
        c.d += adjust                     # our own correction is no step in delivery
        self.corrections[i] += adjust
        return np.interp(np.linspace(0, n - 1, n + adjust), np.arange(n), data).astype(np.float32)

    def _track_sag(self, c: _Chan, step: float) -> float:
        """Tell lateness from drift: a fall of the offset in one step is the stream's blocks all arriving
        later (the audio server changed its quantum, the machine is busy for longer than the window), which
        moves no sample, so it is set aside; a rise gives back what was set aside before it counts as drift.
        Drift moves the offset by a fraction of a sample per block, so it still adds up and is corrected.
        Without this, a lasting delay looked like a clock running slow, and the side was stretched by
        MAX_SLEW for the rest of the call.

        Returns what a rise left over once nothing set aside was left to give back: when that is more than
        a step, the stream's blocks now come earlier than they ever did since its base was taken, so the base
        was taken while they were all late (the whole warm-up under load), and the caller lines the sides up
        again instead of reading the rise as a fast clock."""
        if step < -DELAY_STEP_S * self.rate:
            c.sag -= step
        elif step > 0:
            back = min(c.sag, step)
            c.sag -= back
            return step - back
        return 0.0

    def _settle(self, i: int, c: _Chan, events: list) -> None:
        """A stream just warmed up: line it up with the other side once, then take its offset as its base.

        A first block stamped late (its reader was scheduled late at call start, or it waited a quantum
        longer than the other side's) puts the whole stream off by that much. Slewing that away would smear
        seconds of audio; instead the side that sits earlier gets the difference as silence, once, about a
        second into the stream (no audio is dropped), and both then share one base."""
        o = self.ch[1 - i]
        again = c.base is not None       # lined up once already: its warm-up was late, not a (re)start
        if o.live and o.base is not None and o.d is not None:
            rel = c.d - (o.d + o.sag)        # > 0: c sits later against its stamps than o does (o's own
                                             # lateness now, set aside as its sag, is no placement)
            k = round(abs(rel))
            if DRIFT_DEADBAND_S * self.rate < k <= SETTLE_MAX_S * self.rate:
                j, t = (1 - i, o) if rel > 0 else (i, c)
                silence = np.zeros(k, dtype=np.float32)
                if self.pos is None:
                    # Nothing is out yet (tick waits for both warm-ups): the silence leads the side, and its
                    # audio stays whole. Appended a second into the call it was a hole in a word.
                    t.queue.appendleft(silence)
                    t.queued += k
                    t.end = (t.end or 0) + k
                else:
                    self._append(t, silence)
                    if again:            # a device that came back is in the manifest as its gap already
                        self._realigned(t, k, events)
                t.errs += k
                t.d += k
                if t.base is not None:
                    t.base += k
                self.corrections[j] += k
                log.info("%s channel sat %.0f ms early against the other; lined up with silence", t.name,
                         1000 * k / self.rate)
        c.base, c.sag, c.correcting, c.frac = c.d, 0.0, False, 0.0

    def _realigned(self, c: _Chan, k: int, events: list) -> None:
        """Silence put into a side mid-call to line it up again: the audio around it is whole, but the side
        was out of step until then and has a hole of *k* samples now. The manifest and the agent are told
        (issue 19.5: never hand the encoder a misaligned stream without saying so)."""
        t = self.t0 + (c.end - k) / self.rate
        alarm = {"channel": c.name, "kind": "realigned", "start_t": t, "end_t": t,
                 "ms": round(1000 * k / self.rate)}
        self.alarms.append(alarm)
        c.realigned_t = t
        events.append(("realigned", dict(alarm)))

    def _warming(self, now: float) -> bool:
        """A live side is still in its warm-up: hold the output, so the start-up line-up (`_settle`) can put
        its silence before a side's first sample. Never longer than WARMUP_HOLD_S from the call's start."""
        return now - self.t0 < WARMUP_HOLD_S and any(c.live and c.base is None for c in self.ch)

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
            if all(c.ever for c in self.ch) and not self._warming(now):
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

    def drain(self, now: float, events: list) -> np.ndarray | None:
        """Everything up to *now*, at the end of a call: no holdback, no waiting for a device to start.

        A call that ends within the start-up wait (a 0.2 s call, a refused private mark and hang-up) would
        otherwise leave no frames at all, and an audio file with no audio is one no player opens. A side that
        has delivered nothing by then is silence on the timeline, and the manifest says why (a gap), quietly:
        a device that had no time to start is not a fault."""
        for c in self.ch:
            c.live = False
        if self.pos is None:
            for c in self.ch:
                if not c.ever and c.gap is None:
                    start = int(self._idx(self.t0))
                    c.gap = {"channel": c.name, "cause": Text(QT_TRANSLATE_NOOP(
                                 "core", "the call ended before the device delivered audio")),
                             "start_idx": start, "start_s": 0.0, "start_t": self.t0, "end_s": None, "end_t": None}
                    self.gaps.append(c.gap)
                    log.info("%s channel had delivered no audio when the call ended", c.name)
            starts = [(c.end or 0) - c.queued for c in self.ch if c.ever]
            self.pos = min(starts) if starts else int(self._idx(self.t0))
            for c in self.ch:
                self._drop_before(c, self.pos)
                lead = (c.end if c.ever else self.pos) - c.queued - self.pos
                if lead > 0:
                    c.queue.appendleft(np.zeros(lead, dtype=np.float32))
                    c.queued += lead
                if not c.ever:
                    c.end = self.pos
        return self.tick(now + HOLDBACK_S, events)

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
                c.alarm = {"channel": c.name, "kind": "one_sided", "start_t": c.silent_since, "end_t": None}
                self.alarms.append(c.alarm)
                events.append(("one_sided", dict(c.alarm)))
                log.warning("%s side silent for %.0f s", c.name, now - c.silent_since)
