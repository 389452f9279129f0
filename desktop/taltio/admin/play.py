"""`taltio-admin play`: listen to a verified call, or list its bookmarks, without writing it to disk.

Nothing is decrypted before `verify_call` passed. The stored objects stream through age
(decrypt.py's hashing reader, so an object replaced after the check is caught) into memory as
the *compressed* call, never to a file: a supervisor's laptop is not the place for clear audio
on disk, and the compressed call is small (Opus at the agents' bit rate is some 10-30 MB an
hour). That buffer is decoded by libsndfile a block at a time as it plays, so the decoded PCM
in memory is one block, whatever the call's length; a seekable buffer is what makes --start and
bookmarks cheap (Ogg/Opus seeking needs to read back and forth).

The left channel is the agent, the right the customer (domain/manifest.py). Playing one channel
puts it on both speakers: a supervisor listening for what the customer said should not hear it
in one ear only. The same pieces (DecodedCall, Player, envelope) serve the review window.
"""
from __future__ import annotations

import argparse
import io
import logging
import sys
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from taltio.admin import decrypt as admin_decrypt
from taltio.admin.flac import complete_length
from taltio.admin.store import Store
from taltio.admin.trust import AdminError, Registry
from taltio.admin.verify import Report, add_call_args, locate, verify_call

log = logging.getLogger("taltio.admin.play")

CHANNELS = ("agent", "customer", "both")
BLOCK = 2048                 # frames per audio callback: ~43 ms at 48 kHz


class PlayError(AdminError):
    """The call cannot be played: refused by verification, no audio, bad offset or no output device."""


@dataclass(frozen=True)
class DecodedCall:
    """A verified call's compressed audio, in memory; each `open()` is an independent decoder."""
    call_id: str
    data: bytes
    rate: int
    frames: int
    channels: int

    @property
    def duration_s(self) -> float:
        return self.frames / self.rate if self.rate else 0.0

    def open(self) -> Any:
        import soundfile as sf

        return sf.SoundFile(io.BytesIO(self.data))


def decrypt_to_memory(store: Store, rep: Report, idents: list) -> bytes:
    """The call decrypted into memory (never onto disk), each object hashed again as it streams (decrypt.py)."""
    if not rep.ok:
        raise PlayError(admin_decrypt.refusal(rep).replace("nothing written", "not played"))
    if not rep.parts:
        raise PlayError(f"call {rep.ref.call_id} has no audio (outcome {(rep.doc or {}).get('outcome')})")
    out = io.BytesIO()
    try:
        admin_decrypt.decrypt_parts(store, rep, idents, out)
    except admin_decrypt.DecryptError as exc:
        raise PlayError(str(exc).replace("nothing written", "not played")) from None
    return out.getvalue()


def decode_call(store: Store, rep: Report, idents: list) -> DecodedCall:
    """Decrypt a verified call and read its audio header (rate, length, channels)."""
    import soundfile as sf

    data = complete_length(decrypt_to_memory(store, rep, idents))     # a streamed FLAC says "length unknown"
    try:
        with sf.SoundFile(io.BytesIO(data)) as f:
            return DecodedCall(rep.ref.call_id, data, f.samplerate, f.frames, f.channels)
    except (RuntimeError, sf.LibsndfileError) as exc:
        raise PlayError(f"cannot decode the decrypted audio of {rep.ref.call_id}: {exc}") from None


def envelope(audio: DecodedCall, buckets: int) -> np.ndarray:
    """Min and max of each channel over *buckets* equal stretches: shape (channels, buckets, 2).

    What a waveform needs to draw a call of any length at one width; read a block at a time
    (a bucket's worth of frames at least), so a long call is not decoded into memory at once."""
    buckets = max(1, buckets)
    out = np.zeros((audio.channels, buckets, 2), dtype=np.float32)
    per = max(1, -(-audio.frames // buckets))
    with audio.open() as f:
        b = 0
        for block in f.blocks(blocksize=per * max(1, 65536 // per), dtype="float32", always_2d=True):
            n = len(block) // per * per
            full, rest = block[:n], block[n:]
            if n:
                shaped = full.reshape(-1, per, audio.channels)
                k = min(len(shaped), buckets - b)
                out[:, b:b + k, 0] = shaped[:k].min(axis=1).T
                out[:, b:b + k, 1] = shaped[:k].max(axis=1).T
                b += k
            if len(rest) and b < buckets:
                out[:, b, 0], out[:, b, 1] = rest.min(axis=0), rest.max(axis=0)
                b += 1
    return out


def pick(block: np.ndarray, channel: str) -> np.ndarray:
    """Stereo frames for the speakers: one channel on both sides, or the call as recorded."""
    if channel == "both" or block.shape[1] < 2:
        return block if block.shape[1] >= 2 else np.repeat(block, 2, axis=1)
    col = block[:, 0 if channel == "agent" else 1]
    return np.column_stack([col, col])


class Player:
    """The call through sounddevice: play, pause, seek and position, from any thread.

    The PortAudio callback decodes the next block itself (under a lock shared with seek): one
    Opus block decodes in well under a millisecond, far less than the ~40 ms it lasts, and
    seeking then takes effect at the next block with no queue of stale audio to drain."""

    def __init__(self, audio: DecodedCall, channel: str = "both", device: str | int | None = None) -> None:
        import sounddevice as sd

        if channel not in CHANNELS:
            raise PlayError(f"--channel must be one of {', '.join(CHANNELS)}")
        self.audio, self.channel = audio, channel
        self._file = audio.open()
        self._lock = threading.Lock()
        self._pos = 0
        self._paused = True
        self.ended = threading.Event()
        try:
            self._stream = sd.OutputStream(samplerate=audio.rate, channels=2, dtype="float32", device=device,
                                           blocksize=BLOCK, callback=self._callback)
            self._stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            self._file.close()
            raise PlayError(f"cannot open the audio output {device or '(default)'}: {exc}") from None

    def _callback(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        with self._lock:
            if self._paused or self.ended.is_set():
                outdata.fill(0)
                return
            block = self._file.read(frames, dtype="float32", always_2d=True)
            self._pos += len(block)
            if len(block) < frames:
                self.ended.set()
        n = len(block)
        outdata[:n] = pick(block, self.channel)
        outdata[n:] = 0

    @property
    def position_s(self) -> float:
        return self._pos / self.audio.rate

    @property
    def playing(self) -> bool:
        return not self._paused and not self.ended.is_set()

    def play(self) -> None:
        with self._lock:
            if self.ended.is_set():
                self._seek(0)
            self._paused = False

    def pause(self) -> None:
        with self._lock:
            self._paused = True

    def seek(self, seconds: float) -> None:
        with self._lock:
            self._seek(int(max(0.0, min(seconds, self.audio.duration_s)) * self.audio.rate))

    def _seek(self, frame: int) -> None:
        self._pos = self._file.seek(min(frame, self.audio.frames))
        self.ended.clear()

    def close(self) -> None:
        try:
            self._stream.abort()
            self._stream.close()
        finally:
            with self._lock:
                self._file.close()


# -- markers ------------------------------------------------------------------------------------
def bookmarks(doc: dict) -> list[tuple[int, float, str]]:
    """(index from 1, seconds into the audio, label) of the verified manifest's bookmarks."""
    out = []
    for i, b in enumerate(doc.get("bookmarks") or [], 1):
        if isinstance(b, dict) and isinstance(b.get("offset_s"), (int, float)):
            out.append((i, float(b["offset_s"]), str(b.get("label") or "")))
    return out


def pauses(doc: dict) -> list[tuple[float, str]]:
    """(seconds into the audio where a pause happened, its reason): no audio was recorded during one."""
    return [(float(p["offset_s"]), str(p.get("reason") or "")) for p in doc.get("pauses") or []
            if isinstance(p, dict) and isinstance(p.get("offset_s"), (int, float))]


def clock(seconds: float) -> str:
    s = max(0.0, seconds)
    return f"{int(s // 3600)}:{int(s // 60 % 60):02d}:{s % 60:04.1f}" if s >= 3600 else \
        f"{int(s // 60):02d}:{s % 60:04.1f}"


def start_of(ns: argparse.Namespace, doc: dict) -> float:
    if ns.from_bookmark is None:
        return max(0.0, ns.start or 0.0)
    marks = {i: at for i, at, _ in bookmarks(doc)}
    if ns.from_bookmark not in marks:
        raise PlayError(f"the call has no bookmark {ns.from_bookmark} (it has {len(marks)}; see --bookmarks)")
    return marks[ns.from_bookmark]


# -- command --------------------------------------------------------------------------------------
def _play(player: Player, start: float, duration: float | None) -> None:
    """Block until the end (or *duration* seconds of audio), Ctrl+C stops."""
    player.seek(start)
    player.play()
    try:
        while not player.ended.wait(0.05):
            if duration is not None and player.position_s - start >= duration:
                break
    except KeyboardInterrupt:
        pass


def run(ns: argparse.Namespace) -> int:
    try:
        store, ref = locate(ns.call, ns.store, ns.endpoint)
        rep = verify_call(store, ref, Registry.for_identity(ns.trust_file, ns.identity), trust_on_first_use=ns.trust_on_first_use)
        if not rep.ok:
            print(rep.text(), file=sys.stderr)
            raise PlayError(admin_decrypt.refusal(rep).replace("nothing written", "not played"))
        doc = rep.doc or {}
        if ns.bookmarks:
            marks = bookmarks(doc)
            for i, at, label in marks:
                print(f"{i}\t{clock(at)}\t{label}")
            if not marks:
                print(f"call {ref.call_id} has no bookmarks", file=sys.stderr)
            return 0
        start = start_of(ns, doc)
        audio = decode_call(store, rep, admin_decrypt.identities(ns.identity))
        if start >= audio.duration_s:
            raise PlayError(f"the call is {clock(audio.duration_s)} long; cannot start at {clock(start)}")
        player = Player(audio, ns.channel, ns.device)
        print(f"call {ref.call_id}: verified; playing the {ns.channel} channel from {clock(start)} "
              f"of {clock(audio.duration_s)}", file=sys.stderr)
        try:
            _play(player, start, ns.duration)
        finally:
            player.close()
    except AdminError as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `play` to taltio-admin."""
    p = subparsers.add_parser("play", help="verify one call, then play it (or list its bookmarks)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("call", metavar="CALL", help="a call id (searched under --store), a manifest key or URL")
    p.add_argument("--identity", required=True,
                   help="age identity file of the organisation, or 'keyring' for this computer's standalone key")
    p.add_argument("--bookmarks", action="store_true", help="list the bookmarks (index, time, label) and exit")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--from-bookmark", type=int, metavar="N", help="start at bookmark N (see --bookmarks)")
    where.add_argument("--start", type=float, metavar="SECONDS", help="start this many seconds into the call")
    p.add_argument("--duration", type=float, metavar="SECONDS", help="stop after this many seconds")
    p.add_argument("--channel", choices=CHANNELS, default="both",
                   help="agent (left), customer (right) or both; one channel plays on both speakers")
    p.add_argument("--device", help="output device name (as sounddevice lists it; default: the system's)")
    add_call_args(p)
    p.set_defaults(handler=run)


# -- `taltio-admin review`: the review window, started as its own program -------------------------
# taltio-admin must not import the ui (the layers contract, and a command-line tool should not load
# Qt), so it starts `python -m taltio.ui.review` with the same options. They are defined here, once:
# the window's own parser (taltio.ui.review.parser) is built from add_review_args too.
REVIEW_OPTIONS = ("store", "endpoint", "identity", "index_key_file", "device", "lang", "trust_file")


def add_review_args(p: argparse.ArgumentParser) -> None:
    from taltio.admin.trust import add_trust_file_arg

    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL); credentials from the AWS chain")
    p.add_argument("--identity", help="the organisation's age identity file (needed to play, export and find "
                                      "numbers in sealed parties), or 'keyring'")
    p.add_argument("--index-key-file", help="file with the number-index key; default env TALTIO_NUMBER_INDEX_KEY")
    p.add_argument("--no-cache", action="store_true", help="read every manifest again (the cache is only speed)")
    p.add_argument("--device", help="audio output device (default: the system's)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), help="language of the window (default: the system's)")
    add_trust_file_arg(p)


def review_argv(ns: argparse.Namespace) -> list[str]:
    """The parsed options back as the window's command line."""
    argv = []
    for name in REVIEW_OPTIONS:
        value = getattr(ns, name, None)
        if value is not None:
            argv += [f"--{name.replace('_', '-')}", str(value)]
    return argv + (["--no-cache"] if getattr(ns, "no_cache", False) else [])


def run_review(ns: argparse.Namespace) -> int:
    """Start the review window as its own program and wait for it.

    From source (or a pip install) that is `python -m taltio.ui.review`. In the PyInstaller app sys.executable
    is the frozen taltio-admin, which takes no `-m`: its entry script (installer/pyinstaller/entry/
    run_taltio_admin.py) opens the window when the first argument is `--review-window`."""
    import subprocess

    if getattr(sys, "frozen", False):
        return subprocess.call([sys.executable, "--review-window", *review_argv(ns)])
    return subprocess.call([sys.executable, "-m", "taltio.ui.review", *review_argv(ns)])


def register_review(subparsers: argparse._SubParsersAction) -> None:
    """Add `review` to taltio-admin: the window to search, verify, play and export calls."""
    p = subparsers.add_parser("review", help="open the review window (search, verify, play, export)")
    add_review_args(p)
    p.set_defaults(handler=run_review)


def main(argv: list[str] | None = None) -> int:
    """`python -m taltio.admin.play CALL ...`: the same as `taltio-admin play`, for before it is registered there."""
    p = argparse.ArgumentParser(prog="taltio-admin")
    register(p.add_subparsers(dest="cmd", required=True))
    ns = p.parse_args(["play", *(sys.argv[1:] if argv is None else argv)])
    return ns.handler(ns)


if __name__ == "__main__":
    sys.exit(main())
