"""The leak suite (docs/reliability.md): a shift's worth of places where a number, a secret or audio that
must not exist could hide, searched while calls are live and after they are stored.

One real app records three calls with three customers, and a marker tone is played where no audio may
be kept: during a card-data pause, in a call the agent marks private, and in a call the customer
declines. A fourth tone is played while recording, as the positive control that shows the detector
hears what was kept. Then everything is searched:

- during the live call: every file under the app's folders (data, runtime, temp) for the number in
  every form people write it, and for plaintext audio;
- afterwards: the same folders, ``/var/tmp`` and ``/dev/shm``, the app's logs (its own file and its
  stdout), and every object in every bucket with its key and metadata (calls, audit chain,
  heartbeats); the stored audio decrypted with the organisation key, with each marker tone looked for
  in half-second windows.

Nothing may hold a number in clear, the S3 secret, plaintext audio, or any of the three marker tones.
"""
from __future__ import annotations

import base64
import io
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tests.helpers.signals import scan_for_plaintext, tone, tone_present, write_wav
from tests.helpers.verify import age_decrypt, call_keys, every_object, manifest_key, wait_for_keys
from tests.helpers.world import AGENT, queue_empty, scan_dirs, start_recording, state_is

pytestmark = [pytest.mark.slow, pytest.mark.evidence("leak")]

KEPT_TONE, PAUSE_TONE, PRIVATE_TONE, DECLINED_TONE = 1510.0, 2210.0, 1830.0, 2630.0
CUSTOMERS = {"leak-kept": "+358407654321", "leak-private": "+358409876543", "leak-declined": "+358405551234"}


def number_forms(number: str) -> list[bytes]:
    """The ways a number could be written down: E.164, without '+', national, grouped, base64 of each."""
    national = "0" + number[4:]
    subscriber = number[4:]
    grouped = f"{subscriber[:2]} {subscriber[2:5]} {subscriber[5:]}"
    plain = [number, number[1:], national, subscriber, grouped, grouped.replace(" ", "-")]
    return [p.encode() for p in plain] + [base64.b64encode(p.encode()) for p in plain[:3]]


def secret_forms(secret: str) -> list[bytes]:
    raw = secret.encode()
    return [raw, base64.b64encode(raw), raw.hex().encode()]


def _files(roots: list[Path], since: float) -> list[Path]:
    out = []
    for root in roots:
        for dirpath, _dirs, names in os.walk(root):
            for name in names:
                p = Path(dirpath) / name
                try:
                    if p.is_file() and p.stat().st_mtime >= since:
                        out.append(p)
                except OSError:
                    continue       # gone meanwhile (a temp file)
    return out


def find_forms(files: list[Path], forms: dict[str, list[bytes]]) -> list[str]:
    """``path: what`` for every file holding any form of any named needle."""
    hits = []
    for p in files:
        try:
            data = p.read_bytes()
        except OSError:
            continue
        hits += [f"{p}: {what}" for what, needles in forms.items() if any(n in data for n in needles)]
    return hits


def _tone_wav(world, freq: float, seconds: float) -> Path:  # noqa: ANN001
    return write_wav(world.root / f"leak-{int(freq)}.wav", tone(freq, seconds), 16000)


def _play(world, freq: float, seconds: float) -> None:  # noqa: ANN001
    """The tone on both sides at once: the agent's mic and the softphone's playback."""
    wav = _tone_wav(world, freq, seconds)
    a, c = world.audio.play_mic(wav), world.audio.play_customer(wav)
    a.wait(timeout=30)
    c.wait(timeout=30)


def _record_the_shift(world, app, needles: dict[str, list[bytes]], since: float) -> list[str]:  # noqa: ANN001
    """The three calls; returns what the live scans found (must be nothing)."""
    live_hits: list[str] = []
    start_recording(app, "leak-kept", CUSTOMERS["leak-kept"])
    _play(world, KEPT_TONE, 1.5)
    live_hits += find_forms(_files([app.workdir], since), needles)
    live_hits += scan_for_plaintext(scan_dirs(app), since=since, tone_freq=KEPT_TONE)
    app.hook("pause", "leak-kept")
    app.wait_for(state_is("leak-kept", "paused"), what="paused for card data")
    _play(world, PAUSE_TONE, 2.0)
    app.hook("resume", "leak-kept")
    app.wait_for(state_is("leak-kept", "recording"), what="resumed")
    _play(world, KEPT_TONE, 1.0)
    live_hits += find_forms(_files([app.workdir], since), needles)
    app.hook("ended", "leak-kept")
    for cid, action, freq in (("leak-private", "private", PRIVATE_TONE),
                              ("leak-declined", "declined", DECLINED_TONE)):
        start_recording(app, cid, CUSTOMERS[cid])
        _play(world, freq, 2.0)
        live_hits += find_forms(_files([app.workdir], since), needles)
        app.hook(action, cid)
        app.hook("ended", cid)
    app.wait_for(queue_empty, timeout=60, what="every call uploaded")
    return live_hits


def _tone_windows(rec: np.ndarray, rate: int, freq: float) -> float:
    """The largest share of energy at *freq* in any half-second window of either channel."""
    win = rate // 2
    return max((tone_present(rec[i:i + win, ch], rate, freq) for ch in range(rec.shape[1])
                for i in range(0, max(1, len(rec) - win), win // 2)), default=0.0)


def _scan_storage(world, needles: dict[str, list[bytes]]) -> tuple[list[str], dict[str, float], int]:  # noqa: ANN001
    """(findings, the loudest share of each tone in the stored audio, objects read)."""
    findings: list[str] = []
    loudest = dict.fromkeys((KEPT_TONE, PAUSE_TONE, PRIVATE_TONE, DECLINED_TONE), 0.0)
    objects = every_object(world.s3)
    for bucket, key, body, head in objects:
        meta = json.dumps({k: v for k, v in head.items() if k != "ResponseMetadata"}, default=str).encode()
        for what, forms in needles.items():
            for where, blob in (("key", key.encode()), ("body", body), ("metadata", meta)):
                if any(f in blob for f in forms):
                    findings.append(f"{bucket}/{key} {where}: {what}")
        if scan_for_plaintext([_spill(world, body)]):
            findings.append(f"{bucket}/{key}: plaintext audio")
        if key.endswith(".age"):
            rec, rate = sf.read(io.BytesIO(age_decrypt(world.root / "leak-age", body, world.org_key)),
                                dtype="float32", always_2d=True)
            for freq in loudest:
                loudest[freq] = max(loudest[freq], _tone_windows(rec, rate, freq))
    return findings, loudest, len(objects)


def _spill(world, body: bytes) -> Path:  # noqa: ANN001
    p = world.root / "leak-object.bin"
    p.write_bytes(body)
    return p


def test_no_number_secret_or_forbidden_audio_anywhere_during_or_after_a_shift(world, app_factory,
                                                                               evidence_figure):
    app = app_factory("leak-suite").start()
    since = time.time()
    needles = {f"number of {cid}": number_forms(n) for cid, n in CUSTOMERS.items()}
    needles["the S3 secret"] = secret_forms(world.s3.agents[AGENT][1])
    live_hits = _record_the_shift(world, app, needles, since)
    assert not live_hits, "found while calls were live:\n" + "\n".join(live_hits)

    wait_for_keys(world.s3, lambda ks: manifest_key(ks, "leak-declined") is not None)
    keys = world.s3.list_keys()
    assert call_keys(keys, "leak-private") == [], "a private call left objects in storage"
    assert [k for k in call_keys(keys, "leak-declined") if not k.endswith(".manifest.json")] == []
    files = _files([app.workdir], since) + [*app.logs]
    local = find_forms(files, needles) + scan_for_plaintext(scan_dirs(app), since=since)
    for freq in (PAUSE_TONE, PRIVATE_TONE, DECLINED_TONE):
        local += scan_for_plaintext(scan_dirs(app), since=since, tone_freq=freq)
    assert not local, "found on the workstation after the calls:\n" + "\n".join(local)

    findings, loudest, objects = _scan_storage(world, needles)
    evidence_figure("files scanned", len(files))
    evidence_figure("objects scanned", objects)
    evidence_figure("loudest forbidden tone share", round(max(loudest[f] for f in loudest if f != KEPT_TONE), 3))
    evidence_figure("kept tone share (control)", round(loudest[KEPT_TONE], 3))
    assert not findings, "found in storage:\n" + "\n".join(findings)
    assert loudest[KEPT_TONE] > 0.5, f"the control tone was not heard in the kept call ({loudest[KEPT_TONE]:.2f})"
    for freq, what in ((PAUSE_TONE, "the card-data pause"), (PRIVATE_TONE, "the private call"),
                       (DECLINED_TONE, "the declined call")):
        assert loudest[freq] < 0.2, f"audio from {what} is in storage (tone share {loudest[freq]:.2f})"
