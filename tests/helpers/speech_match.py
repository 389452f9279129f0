"""Is a recorded channel its reference speech, every stretch of it, and in place?

Why not one cross-correlation over the whole call: the test audio server slips. Under load, PipeWire's
null sinks and the pulse clients around them move a device's stream by a quantum (10.7 or 21.3 ms) now and
then, forwards and back; measured with `parecord` beside the recorder (no Taltio involved), 4 of 8 plays of
one 7 s clip under CPU load scored a whole-file NCC of 0.36-0.63 against the file although every second of
it matched at 0.98. Speech decorrelates within a few milliseconds, so one lag for the whole call reads
such a slip as "half the audio is wrong"; this is what turned fresh-clone runs red in a different
alignment test each time.

So each short window of the recording is located in the reference on its own. The verdict has two parts,
and both can fail:
- *found*: the share of voiced windows that are the reference's speech (a lost or foreign stretch is not);
- *spread*: how far the located windows' offsets move over the call. A slip of the server is a quantum;
  a recorder that drops or doubles a block moves everything after it by the block (100 ms), which the
  50 ms bound (issue 16: the sides stay within 50 ms) catches.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.helpers.signals import best_ncc, rms

WINDOW_S = 0.5          # short enough that most windows hold no slip, long enough to be unique in speech
MATCH_NCC = 0.7         # a window at this score is the reference's speech at that lag, not a chance fit (another
                        # voice scores under 0.3; 8 kbit/s Opus speech 0.85-0.92 in its own place)
MAX_SPREAD_S = 0.05


@dataclass(frozen=True)
class SpeechMatch:
    found: float            # share of voiced windows located in the reference at MATCH_NCC or better
    windows: int            # voiced windows
    spread_s: float         # max - min offset of the located windows
    offset_s: float         # median offset: where reference[0] sits in the recording
    median_ncc: float
    track: tuple[tuple[float, float], ...] = ()    # (window start, offset) of each located window, seconds

    def __str__(self) -> str:
        return (f"{self.found:.0%} of {self.windows} windows found (median NCC {self.median_ncc:.3f}), "
                f"offset {self.offset_s * 1000:.0f} ms, spread {self.spread_s * 1000:.0f} ms")


def match(recorded: np.ndarray, reference: np.ndarray, rate: int, window_s: float = WINDOW_S,
          min_rms: float = 0.01, search_s: float = 0.4, coarse_s: float | None = None) -> SpeechMatch:
    """Each voiced window is searched for within *search_s* of where one lag for the whole call puts it
    (*coarse_s*, else the best whole-call lag): a slip moves that peak by milliseconds, not away, and a
    reference that repeats itself (one sentence read three times) then cannot place a window at another
    reading."""
    x = np.asarray(recorded, dtype=np.float64)
    y = np.asarray(reference, dtype=np.float64)
    n, pad = int(window_s * rate), int(search_s * rate)
    coarse = round((best_ncc(x, y, rate)[1] if coarse_s is None else coarse_s) * rate)   # where y[0] sits in x
    offsets, scores, track = [], [], []
    for i in range(0, x.size - n + 1, n):
        w = x[i:i + n]
        if rms(w) < min_rms:
            continue
        j = max(0, i - coarse - pad)
        seg = y[j:i - coarse + n + pad]
        ncc, lag = best_ncc(w, seg, rate, min_overlap=0.9) if seg.size else (0.0, 0.0)
        scores.append(ncc)
        if ncc >= MATCH_NCC:
            offsets.append((i - j) / rate + lag)
            track.append((i / rate, offsets[-1]))
    if not scores:
        return SpeechMatch(0.0, 0, 0.0, 0.0, 0.0)
    spread = float(np.ptp(offsets)) if offsets else 0.0
    return SpeechMatch(len(offsets) / len(scores), len(scores), spread,
                       float(np.median(offsets)) if offsets else 0.0, float(np.median(scores)), tuple(track))


def max_difference_s(a: SpeechMatch, b: SpeechMatch) -> float:
    """How far apart two channels of one recording are placed at any point of the call: compared in the
    windows where both are located (the channels share one window grid). A slip both sides share (one stereo
    player paused) is no misalignment; one side moving alone is. Interpolating between one side's windows
    would put half a slip where that side was silent."""
    ta, tb = dict(a.track), dict(b.track)
    both = ta.keys() & tb.keys()
    if not both:
        return abs(a.offset_s - b.offset_s) if a.track and b.track else float("inf")
    return max(abs(ta[t] - tb[t]) for t in both)


def assert_speech(recorded: np.ndarray, reference: np.ndarray, rate: int, what: str, *, found: float = 0.8,
                  max_spread_s: float = MAX_SPREAD_S) -> SpeechMatch:
    """*recorded* is *reference*'s speech throughout, moved by no more than *max_spread_s* over the call."""
    m = match(recorded, reference, rate)
    assert m.windows >= 3, f"{what}: hardly any audio recorded ({m})"
    assert m.found >= found, f"{what} is not its speech: {m}"
    assert m.spread_s <= max_spread_s, f"{what} moved mid-call (a lost or doubled block?): {m}"
    return m


# -- against what the device carried ---------------------------------------------------------------------
LOOPBACK = "softphone_out.monitor"
DEVICES = (("agent", "agent_mic"), ("customer", LOOPBACK))


@contextmanager
def carried(audio, root: Path, rate: int, devices: tuple[tuple[str, str], ...] = DEVICES) -> Iterator[dict]:  # noqa: ANN001
    """``parecord`` of each device beside the recorder, for as long as the block runs; afterwards the dict
    holds each side's samples. This is what each device really carried: the measure a recorder is held to.

    Upstream of the recorder the test world drops and moves audio under load (a player the server paused
    and resumed, a baresip jitter buffer that grew, a softphone that concealed a lost packet): all of that
    is in the device, so an independent capture of the same device has it too. A recorder that loses audio
    the device had is what this tells apart (issue 19.5)."""
    from tests.fixtures.audio import read_raw

    paths = {side: root / f"carried-{side}.raw" for side, _ in devices}
    procs = [audio.record(dev, paths[side], rate) for side, dev in devices]
    out: dict[str, np.ndarray] = {}
    try:
        yield out
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=10)
        out.update({side: read_raw(path) for side, path in paths.items()})


def assert_as_carried(recorded: np.ndarray, reference: np.ndarray, device: np.ndarray, rate: int, what: str, *,
                      flagged: bool = False, floor: float = 0.8,
                      max_spread_s: float = MAX_SPREAD_S) -> tuple[SpeechMatch, SpeechMatch]:
    """*recorded* holds *reference*'s speech as well as the device's own capture does, and moved no more than
    *max_spread_s* beyond what the device itself moved, unless the manifest flagged the channel.

    Both are located in the reference window by window. The recorder must find *floor* of its windows, or
    at most one window fewer than the device found when the device itself carried less (what the world lost
    before the recorder saw it is not the recorder's): a recorder that drops a block still fails, since the
    device has that block."""
    lag = best_ncc(recorded, reference, rate)[1]
    # The device's capture placed by where it holds the recording (all of it the same audio, so one lag),
    # not by its own whole-call lag: a reference read three times can fit a capture at another reading.
    shift = best_ncc(device, recorded, rate)[1]
    rec, dev = match(recorded, reference, rate, coarse_s=lag), match(device, reference, rate, coarse_s=lag + shift)
    detail = f"recorded {rec}; the device {dev}"
    print(f"{what}: {detail}")
    assert rec.windows >= 3, f"{what}: hardly any audio recorded ({detail})"
    need = min(floor, dev.found - 1 / rec.windows)
    assert rec.found >= need, f"{what} lost speech its device carried (needs {need:.0%}): {detail}"
    assert rec.spread_s <= max_spread_s + dev.spread_s or flagged, (
        f"{what} moved mid-call beyond its device, unflagged: {detail}")
    return rec, dev


def assert_sides_as_carried(rec: np.ndarray, rate: int, refs: dict[str, np.ndarray], devices: dict[str, np.ndarray],
                            *, flagged: frozenset[str] = frozenset(), floor: float = 0.8,
                            context: str = "") -> dict[str, SpeechMatch]:
    """Both channels of a call's recording (agent left, customer right) held to their devices by
    `assert_as_carried`; *flagged* the sides the manifest flagged, *context* added to a failure (the log,
    the gaps). Returns each side's match."""
    out = {}
    for ch, side in enumerate(("agent", "customer")):
        try:
            out[side], _ = assert_as_carried(rec[:, ch], refs[side], devices[side], rate, f"the {side} side",
                                             flagged=side in flagged, floor=floor)
        except AssertionError as exc:
            if not context:
                raise
            raise AssertionError(f"{exc}; {context}") from None
    return out
