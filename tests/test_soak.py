"""Soak evidence (issue 17, point 6): an accelerated shift of calls through the real agent core.

The recorder as `taltio run --headless` runs it, in a fresh interpreter of its own (a pytest run of one test):
measured inside the suite's process, the heap and threads every earlier test left behind grew by more than the
recorder did (494 -> 507 MiB in one fresh-clone run, against 227 -> 224 alone). The HeadlessRunner and AgentApp, the control
socket (every event goes through it as `taltio hook` sends it), the controller, recorder, Capture/Mixer, Opus
encoder, the sealer and the streamed final file, the signed manifest, the durable SQLite upload queue and a real
S3 (SeaweedFS, put-only agent credential), with the workstation key in a real keyring. Only the sound card is
replaced: the push-stream backend the Windows and macOS backends share (tests/helpers/push_backend.py), fed
faster than real time through a virtual `time.monotonic()` in the capture and push-stream modules, as in
test_long_call.py. Segment sealing, uploads and idle periods run on real time.

Each call is a whole call life: incoming, answered, the notice, 5-60 s of audio, then end, seal, queue and
upload; some are paused (card data), marked private mid-call, declined (at the notice or after some audio),
private by rule (an always-private number, "next call is private") or never noticed. Between calls the app sits
idle for 0.5-2 s of wall time, and the CPU it spends then is measured.

What it shows, against the reading taken after a warm-up (a tenth of the calls, and at least the ended calls the
controller keeps, matcher.MAX_ENDED): resident memory, read after every call, never grew by more than 10 MiB,
open descriptors and threads (Python's and native) are the same, the idle process spent at most 1 % of one core, and storage holds every recorded call exactly once while private calls left nothing.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from taltio import settings as settings_mod
from taltio.adapters.audio import push as audio_push
from taltio.app import ipc
from taltio.app.agent import AgentApp
from taltio.cli.headless import HeadlessRunner
from taltio.recording import capture
from taltio.recording.matcher import MAX_ENDED
from taltio.recording.recorder import RESUME_GUARD_S, CallRecorder
from tests.helpers.app_proc import org_keypair, toml_config
from tests.helpers.evidence import full, scale
from tests.helpers.process_stats import MIB, Holdings, holdings, rss_bytes, thread_cpu
from tests.helpers.push_backend import LOOP, MIC, FakeStream, PushBackend, VirtualClock
from tests.helpers.waiting import wait_for

pytestmark = [pytest.mark.slow]

CHILD_ENV = "TALTIO_SOAK_FIGURES"        # set (to a JSON path for the figures) in the soak's own process

CALLS = scale(30, 200)
# Wall seconds idle after each upload, where idle CPU is measured: shorter in CI (the idle share is a ratio, and
# 30 calls still give about 17 s of idle to measure), the full run's spread in `scripts/dev evidence full`.
IDLE_S = (0.5, 2.0) if full() else (0.3, 0.85)
# Calls before the reference reading: a tenth of the shift, and at least as many as the controller keeps ended
# sessions (matcher.MAX_ENDED), so the bounded history is full before memory is compared.
WARMUP = max(CALLS // 10, MAX_ENDED)
AGENT = "agent-7"
RATE = 16000
BLOCK_S = 0.25                          # virtual seconds per block: under the capture watchdog (0.5 s)
AHEAD_S = 10.0                          # the feeder stays at most this far ahead of the encoder
FREQS = (440.0, 660.0)                  # agent left, customer right
HEALTH_LINE = "+358 9 4711*"            # occupational health: always private (privacy.always_private_numbers)
RSS_GROWTH_MAX = 10 * MIB
IDLE_CPU_MAX = 0.01                     # of one core
DURATION_TOLERANCE_S = 0.75             # recorded length against the audio fed (block edges, the mixer's hold-back)

# One shift's mix, repeated: what each kind leaves in storage is checked at the end.
CYCLE = ("recorded", "paused", "private", "recorded", "declined", "recorded", "rule-private", "paused",
         "declined-late", "no-notice")
RECORDING = {"recorded", "paused", "private", "declined-late"}      # the notice is given, audio is captured
STORED = {"recorded": ("ogg.age", "manifest.json"), "paused": ("ogg.age", "manifest.json"),
          "declined": ("manifest.json",), "declined-late": ("manifest.json",)}   # the refusal is evidence


@dataclass(frozen=True)
class Call:
    """One call of the shift, planned up front from a seeded generator so a failing run can be repeated."""
    call_id: str
    kind: str
    number: str
    audio_s: float              # fed while recording, outside any pause
    pause_s: float              # fed during the card-data pause (never encoded)
    idle_s: float               # wall time idle after the call is uploaded

    @property
    def expected_s(self) -> float:
        """What the manifest should say the recording lasts: the resume drops RESUME_GUARD_S more."""
        return self.audio_s - (RESUME_GUARD_S if self.pause_s else 0.0)


def plan_shift(n: int, seed: int = 17) -> list[Call]:
    rng = random.Random(seed)
    calls = []
    for i in range(n):
        kind = CYCLE[i % len(CYCLE)]
        if kind == "rule-private" and (i // len(CYCLE)) % 2:
            kind = "next-private"           # every other cycle the agent marks it before dialling
        audio = round(rng.uniform(5, 60) / BLOCK_S) * BLOCK_S if kind in RECORDING else 0.0
        number = f"+358 9 4711 {rng.randrange(1000, 9999)}" if kind == "rule-private" else \
            f"+35840{rng.randrange(1_000_000, 9_999_999)}"
        calls.append(Call(f"soak-{i:04d}", kind, number, audio,
                          round(rng.uniform(2, 8) / BLOCK_S) * BLOCK_S if kind == "paused" else 0.0,
                          rng.uniform(*IDLE_S)))
    return calls


def tone_blocks() -> tuple[np.ndarray, np.ndarray]:
    """One block per side, a whole number of cycles of its tone at -26 dBFS with a little noise, reused for
    every block: the test itself allocates nothing per block."""
    n = int(RATE * BLOCK_S)
    t = np.arange(n) / RATE
    rng = np.random.default_rng(7)
    agent, customer = ((0.05 * np.sin(2 * np.pi * f * t) + 0.002 * rng.standard_normal(n)).astype(np.float32)
                       for f in FREQS)
    return agent, customer


class Shift:
    """The running headless recorder and what the test does to it, as the agent and the softphone would."""

    def __init__(self, runner: HeadlessRunner, backend: PushBackend, clock: VirtualClock, data: Path) -> None:
        self.runner, self.backend, self.clock, self.data = runner, backend, clock, data
        self.agent: AgentApp = runner.agent
        self.blocks = tone_blocks()
        self.fed_s = 0.0

    def hook(self, event: str, call_id: str | None = None, **opts: str) -> None:
        """One `taltio hook EVENT` over the control socket (what the CLI sends; the reply is awaited)."""
        reply = ipc.request({"cmd": "hook", "event": event, **({"call_id": call_id} if call_id else {}), **opts},
                            timeout=15.0)
        assert reply.get("ok"), f"hook {event} {call_id}: {reply}"

    def start_recording(self, call_id: str) -> tuple[tuple[FakeStream, FakeStream], CallRecorder]:
        self.backend.started.clear()        # the previous call's streams
        self.hook("notice-given", call_id)
        streams = self.backend.wait_started()
        return streams, self.agent.core.controller.recorders[call_id]

    def feed(self, streams: tuple[FakeStream, FakeStream], rec: CallRecorder, seconds: float,
             kept_s: float, paced: bool = True) -> float:
        """*seconds* of audio, fast: returns the seconds fed so far that the encoder is to keep."""
        for _ in range(round(seconds / BLOCK_S)):
            self.clock.advance(BLOCK_S)
            streams[0].deliver(self.blocks[0], RATE)
            streams[1].deliver(self.blocks[1], RATE)
            self.fed_s += BLOCK_S
            if paced:
                kept_s += BLOCK_S
                while kept_s - rec.offset_s > AHEAD_S:
                    time.sleep(0.005)
        return kept_s

    def flush(self, rec: CallRecorder, expected_s: float) -> None:
        """Let the mixer hand over its last blocks (it holds back 0.12 s) before the call ends."""
        self.clock.advance(0.3)
        wait_for(lambda: rec.offset_s >= expected_s - 0.5, timeout=20,
                 message=lambda: f"the encoder at {rec.offset_s:.2f} s of {expected_s:.2f} s")

    def drained(self) -> bool:
        """Every call and audit batch confirmed by storage and its local copy removed."""
        q = self.agent.core.queue.status()
        leftovers = [p for d in ("calls", "audit-outbox") if (self.data / d).is_dir() for p in (self.data / d).iterdir()]
        return q.pending == 0 and not q.uploading and not leftovers


def live_call(shift: Shift, call: Call) -> None:
    """One call's life through the control socket, then wait until it is in storage (or gone)."""
    cid = call.call_id
    if call.kind == "next-private":
        shift.hook("next-private", label="doctor")
    shift.hook("incoming", cid, number=call.number)
    shift.hook("answered", cid)
    if call.kind == "declined":
        shift.hook("declined", cid)             # the customer said no to the notice
    elif call.kind in RECORDING:
        streams, rec = shift.start_recording(cid)
        if call.kind == "paused":
            first = round(call.audio_s / 2 / BLOCK_S) * BLOCK_S
            kept = shift.feed(streams, rec, first, 0.0)
            shift.hook("pause", cid)
            shift.feed(streams, rec, call.pause_s, kept, paced=False)
            shift.hook("resume", cid)
            kept = shift.feed(streams, rec, call.audio_s - first, kept - RESUME_GUARD_S)
        else:
            shift.feed(streams, rec, call.audio_s, 0.0)
        if call.kind == "private":
            shift.hook("private", cid, label="personal call")
        elif call.kind == "declined-late":
            shift.hook("declined", cid)
        else:
            shift.flush(rec, call.expected_s)
    shift.hook("ended", cid)
    wait_for(shift.drained, timeout=60, message=lambda: f"call {cid} uploaded: {shift.agent.core.queue.status()}")


@pytest.fixture
def shift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keyring_daemon_module,
          s3_server_module) -> Iterator[Shift]:
    """The headless recorder on S3, its sound card the push backend on a virtual clock; stopped afterwards."""
    clock = VirtualClock()
    monkeypatch.setattr(capture, "time", clock.module())
    monkeypatch.setattr(audio_push, "time", clock.module())
    data = tmp_path / "data"
    monkeypatch.setenv("TALTIO_DATA_DIR", str(data))
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(tmp_path / "run"))
    s3 = s3_server_module
    key_id, secret = s3.agents[AGENT]
    monkeypatch.setenv("TALTIO_S3_SECRET", secret)
    _org_key, recipient = org_keypair(tmp_path)
    cfg = toml_config(tmp_path / "taltio.toml", {
        "agent.id": AGENT, "workstation.id": "ws-soak", "audio.mic_device": MIC.id, "audio.loopback_device": LOOP.id,
        "storage.url": f"s3://{s3.bucket}/agents", "storage.endpoint": s3.endpoint, "storage.access_key_id": key_id,
        "storage.retry_max_seconds": 1.0, "encryption.recipients": [recipient],
        "privacy.always_private_numbers": [HEALTH_LINE]})
    backend = PushBackend()
    runner = HeadlessRunner(AgentApp(settings_mod.load(cfg, tmp_path / "nouser.toml"), backend=backend))
    runner.start()
    thread = threading.Thread(target=runner.run, name="soak-headless", daemon=True)
    thread.start()
    try:
        yield Shift(runner, backend, clock, data)
    finally:
        runner.stop()
        thread.join(timeout=5)


@dataclass
class IdleMeter:
    """CPU the whole process spends while the app has nothing to do, summed over the idle windows."""
    cpu_s: float = 0.0
    wall_s: float = 0.0
    windows: int = 0
    by_thread: Counter = field(default_factory=Counter)

    def window(self, seconds: float) -> None:
        """Sit idle for *seconds* of wall time. The per-thread reading (for a failure's message) is taken
        outside the window, so reading /proc is not counted as the app's CPU."""
        before = thread_cpu()
        cpu0, wall0 = time.process_time(), time.monotonic()
        time.sleep(seconds)
        cpu1, wall1 = time.process_time(), time.monotonic()
        after = thread_cpu()
        self.cpu_s += cpu1 - cpu0
        self.wall_s += wall1 - wall0
        self.windows += 1
        for name, cpu in after.items():
            if cpu > before.get(name, 0.0):
                self.by_thread[name.rsplit("/", 1)[0]] += cpu - before.get(name, 0.0)

    @property
    def share(self) -> float:
        """Of one core."""
        return self.cpu_s / self.wall_s if self.wall_s else 0.0

    def busiest(self) -> str:
        return ", ".join(f"{n} {s:.2f} s" for n, s in self.by_thread.most_common(5)) or "none"


def settled(like: Holdings, timeout: float = 5.0) -> Holdings:
    """A reading once descriptors and threads match *like*, or after *timeout*: a call's last stream threads
    (taltio-audio-stop, -watch) end within 50 ms of it, and the idle window after each call is longer."""
    deadline = time.monotonic() + timeout
    while True:
        now = holdings()
        if (now.fd_targets, now.tasks, now.py_threads) == (like.fd_targets, like.tasks, like.py_threads) \
                or time.monotonic() > deadline:
            return now
        time.sleep(0.1)


def stored_by_call(s3) -> tuple[dict[str, dict[str, str]], int]:
    """{call id: {"ogg.age": key, "manifest.json": key}} of what storage holds for this shift's calls, and the
    number of object versions under the agent's prefix. Fails if any key was stored more than once."""
    versions = s3.list_versions(f"agents/{AGENT}/")
    counts = Counter(v["Key"] for v in versions)
    twice = {k: n for k, n in counts.items() if n > 1}
    assert not twice, f"stored more than once: {twice}"
    out: dict[str, dict[str, str]] = {}
    for key in counts:
        cid, _, what = key.rsplit("/", 1)[1].partition(".")
        if cid.startswith("soak-"):
            out.setdefault(cid, {})[what] = key
    return out, len(versions)


def check_storage(s3, calls: list[Call]) -> int:
    """Each call left exactly what its kind should in storage, once; recordings are as long as the audio fed
    (outside the pause). Returns the number of object versions under the agent's prefix."""
    stored, versions = stored_by_call(s3)
    assert set(stored) <= {c.call_id for c in calls}, sorted(set(stored) - {c.call_id for c in calls})
    for call in calls:
        got = stored.get(call.call_id, {})
        assert sorted(got) == sorted(STORED.get(call.kind, ())), f"{call}: storage holds {sorted(got)}"
        if "manifest.json" not in got:
            continue
        doc = json.loads(s3.get(got["manifest.json"]))
        if "ogg.age" in got:
            assert doc["outcome"] == "recorded", (call, doc["outcome"])
            duration = doc["audio"]["duration_s"]
            assert abs(duration - call.expected_s) <= DURATION_TOLERANCE_S, (call, duration)
            assert len(doc["pauses"]) == (1 if call.pause_s else 0), (call, doc["pauses"])
        else:
            assert doc["outcome"] == "declined" and doc["audio"] is None, (call, doc["outcome"])
    return versions


def check_audit(queue, calls: list[Call]) -> None:
    """A call that left nothing in storage left its outcome in the local audit log, and no number there."""
    events: dict[str, list[tuple[str, str]]] = {}
    for _at, cid, event, detail in queue.audit_rows():
        events.setdefault(cid, []).append((event, detail or ""))
    for call in calls:
        if call.kind in STORED:
            continue
        want = "not_recorded" if call.kind == "no-notice" else "private"
        assert want in [e for e, _ in events.get(call.call_id, [])], (call, events.get(call.call_id))
        digits = re.sub(r"\D", "", call.number)
        assert not any(digits[-7:] in d for _e, d in events[call.call_id]), (call, events[call.call_id])


def report(figure, calls: list[Call], shift: Shift, warm: Holdings, end: Holdings, idle: IdleMeter,
           wall_s: float, versions: int) -> None:
    figure("calls", len(calls))
    figure("calls by kind", dict(Counter(c.kind for c in calls)))
    figure("audio fed s", round(shift.fed_s, 1))
    figure("warm-up calls", WARMUP)
    figure("rss warm-up MiB", round(warm.rss_mib, 1))
    figure("rss end MiB", round(end.rss_mib, 1))
    figure("rss growth MiB", round(end.rss_mib - warm.rss_mib, 2))
    figure("fds warm-up/end", f"{warm.fds}/{end.fds}")
    figure("threads warm-up/end", f"{warm.tasks}/{end.tasks}")
    figure("idle windows", idle.windows)
    figure("idle wall s", round(idle.wall_s, 1))
    figure("idle cpu %", round(100 * idle.share, 3))
    figure("idle cpu s per idle min", round(60 * idle.share, 4))
    figure("objects stored", versions)
    figure("wall s", round(wall_s, 1))
    print(f"soak: {len(calls)} calls, {shift.fed_s:.0f} s of audio in {wall_s:.0f} s; RSS {warm.rss_mib:.1f} -> "
          f"{end.rss_mib:.1f} MiB; fds {warm.fds}/{end.fds}; threads {warm.tasks}/{end.tasks}; idle CPU "
          f"{100 * idle.share:.3f} % over {idle.wall_s:.0f} s ({idle.busiest()})")


@pytest.mark.evidence("soak")
@pytest.mark.timeout(scale(330, 3630))
def test_an_accelerated_shift_leaves_no_growth_and_no_busy_idle(tmp_path: Path, evidence_figure):
    """The shift in its own process; its figures are reported here, its failure message is this test's."""
    figures = tmp_path / "figures.json"
    child = subprocess.run(
        [sys.executable, "-m", "pytest", f"{__file__}::test_shift_in_this_process", "-q", "-p", "no:cacheprovider",
         "-s"],
        env={**os.environ, CHILD_ENV: str(figures)}, capture_output=True, text=True, timeout=scale(320, 3620))
    for name, value in (json.loads(figures.read_text()) if figures.exists() else {}).items():
        evidence_figure(name, value)
    failed = [line for line in child.stdout.splitlines() if line.startswith(("E ", "FAILED", "ERROR"))]
    assert child.returncode == 0, "\n".join(failed[-12:] or child.stdout.splitlines()[-30:] + [child.stderr[-2000:]])
    assert figures.exists() and "rss growth MiB" in json.loads(figures.read_text()), child.stdout[-2000:]


@pytest.fixture
def figure_file() -> Iterator:
    """``figure(name, value)`` in the soak's own process: written for the parent test whatever the outcome."""
    figures: dict = {}
    yield lambda name, value: figures.__setitem__(name, value)
    Path(os.environ[CHILD_ENV]).write_text(json.dumps(figures))


@pytest.mark.skipif(not os.environ.get(CHILD_ENV), reason="the soak's own process, run by "
                    "test_an_accelerated_shift_leaves_no_growth_and_no_busy_idle")
@pytest.mark.timeout(scale(300, 3600))
def test_shift_in_this_process(shift, s3_server_module, figure_file):
    evidence_figure = figure_file
    calls = plan_shift(CALLS)
    idle = IdleMeter()
    warm: Holdings | None = None
    peak_mib = 0.0                      # the highest reading after the warm-up, one after each call
    wall0 = time.monotonic()
    for i, call in enumerate(calls):
        live_call(shift, call)
        idle.window(call.idle_s)
        if i + 1 == WARMUP:
            warm = holdings()
        elif warm is not None:
            peak_mib = max(peak_mib, rss_bytes() / MIB)
    wall_s = time.monotonic() - wall0
    assert warm is not None
    end = settled(warm)
    versions = check_storage(s3_server_module, calls)
    check_audit(shift.agent.core.queue, calls)
    report(evidence_figure, calls, shift, warm, end, idle, wall_s, versions)
    evidence_figure("rss peak after warm-up MiB", round(peak_mib, 1))

    assert end.rss_bytes - warm.rss_bytes <= RSS_GROWTH_MAX, f"RSS {warm.rss_mib:.1f} -> {end.rss_mib:.1f} MiB"
    assert peak_mib * MIB - warm.rss_bytes <= RSS_GROWTH_MAX, f"RSS {warm.rss_mib:.1f} MiB, up to {peak_mib:.1f} MiB"
    fd_diff = (Counter(end.fd_targets) - Counter(warm.fd_targets), Counter(warm.fd_targets) - Counter(end.fd_targets))
    assert end.fds == warm.fds, f"descriptors {warm.fds} -> {end.fds}: new {fd_diff[0]}, gone {fd_diff[1]}"
    assert end.py_threads == warm.py_threads, f"threads {warm.py_threads} -> {end.py_threads}"
    assert end.tasks == warm.tasks, f"native threads {warm.tasks} -> {end.tasks}"
    assert idle.share <= IDLE_CPU_MAX, f"idle CPU {100 * idle.share:.2f} % of a core; busiest: {idle.busiest()}"
