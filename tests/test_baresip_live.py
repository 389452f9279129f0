"""The app (in-process, offscreen Qt) following a real baresip 1.0 softphone through ctrl_tcp, with SIPp and a
second baresip as the far end on loopback: incoming, outgoing, cancelled, busy, hold and resume, two calls at
once, baresip dying mid-call, and 50 calls back to back checked by channel correlation.

One agent softphone and one app serve the whole module (recording starts on answer, so no card clicks): the
tests run in file order, and the restart test replaces the agent softphone for the ones after it. Recordings are
FLAC here: these tests check which call's audio lands in which recording, and noise (the test signal) is what
Opus at 28 kbit/s codes least exactly (one-lag NCC 0.81-0.95 measured); Opus quality is measured elsewhere.
"""
from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import numpy as np
import pytest

from taltio.domain.events import safe_call_id
from tests.fixtures.baresip import BaresipError, start_baresip, baresip_ports
from tests.fixtures.sipp import run_sipp, sipp_available
from tests.helpers.app_proc import live_app_config, org_keypair
from tests.helpers.evidence import full, scale
from tests.helpers.in_process import in_process_app
from tests.helpers.load import busy_cores, busy_fraction
from tests.helpers.signals import best_ncc, resample, write_wav
from tests.helpers.speech_match import LOOPBACK, carried
from tests.helpers.verify import fetch_call, party_of, wait_for_keys
from tests.helpers.waiting import wait_for_qt

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sipp_available(), reason="sipp (sip-tester) not installed")]

AGENT = "agent-7"
CUSTOMER = "+358401234567"


class Live:
    def __init__(self, tmp: Path, audio, s3, app, agent, key: Path) -> None:
        self.tmp, self.audio, self.s3, self.app, self.agent, self.key = tmp, audio, s3, app, agent, key
        self.views: list[dict] = []
        self.n = 0

    @property
    def remote(self) -> str:
        return f"127.0.0.1:{self.agent.sip_port}"

    def dir(self, name: str) -> Path:
        self.n += 1
        return self.tmp / f"{self.n:02d}-{name}"

    def states(self, call_id: str) -> list[str]:
        return [v["state"] for v in list(self.views) if v["call_id"] == call_id]

    def ended(self, call_id: str) -> bool:
        return "ended" in self.states(call_id)

    def manifest(self, call_id: str, timeout: float = 30) -> tuple[dict, np.ndarray | None, int]:
        wait_for_keys(self.s3, lambda ks: any(k.endswith(f"{call_id}.manifest.json") for k in ks), timeout=timeout)
        return fetch_call(self.s3, call_id, self.dir("verify"), self.key, self.app.status_doc()["workstation_key"])

    def keys_of(self, call_id: str) -> list[str]:
        return [k for k in self.s3.list_keys() if call_id in k]

    def sipp_call_id(self, sipp) -> str:
        """SIPp's Call-ID is `<n>-<pid>@<ip>`; the app names the call after its safe form."""
        return safe_call_id(f"1-{sipp.proc.pid}@127.0.0.1")


def _agent(root: Path, audio, sip_port: int | None = None, ctrl_port: int | None = None):
    if sip_port is None:
        sip_port, ctrl_port = baresip_ports()
    return start_baresip(root, "agent", sip_port, ctrl_port, audio.env, audio_source="alsa,agent_mic",
                         audio_player="alsa,softphone_out", auto_answer=True)


@pytest.fixture(scope="module")
def live(qapp, audio_server_module, keyring_daemon_module, s3_server_module, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("live")
    audio, s3 = audio_server_module, s3_server_module
    access, secret = s3.agents[AGENT]
    key, recipient = org_keypair(tmp)
    agent = _agent(tmp / "sip", audio)
    cfg = live_app_config(tmp / "taltio.toml", agent_id=AGENT, adapter="baresip",
                          address=f"127.0.0.1:{agent.ctrl_port}", s3=s3, access=access, recipient=recipient,
                          audio__codec="flac", recording__start="answer")
    L = None
    try:
        with in_process_app(tmp, cfg, audio=audio, keyring=keyring_daemon_module, start=False,
                            TALTIO_S3_SECRET=secret) as app:
            # A short wait before calls of a vanished softphone are closed, and quick reconnects.
            app.adapter.calls_lost_after = 3.0
            app.adapter.backoff = (0.2, 1.0)
            L = Live(tmp, audio, s3, app, agent, key)
            app.start()
            app.core.controller.listeners.append(
                lambda kind, p: L.views.append(dict(p)) if kind == "session" else None)
            wait_for_qt(lambda: app.adapter.status.startswith("connected"), 10, interval=0.02,
                        message=lambda: f"status {app.adapter.status!r}")
            yield L
    finally:
        (L.agent if L is not None else agent).stop()


def _noise(seed: int, seconds: float, rate: int = 8000) -> np.ndarray:
    """Speech-band noise, different for every seed: nothing else correlates with it."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(int(seconds * rate))
    spec = np.fft.rfft(x)
    f = np.fft.rfftfreq(x.size, 1 / rate)
    spec[(f < 300) | (f > 3400)] = 0
    x = np.fft.irfft(spec, x.size)
    ramp = np.minimum(1, np.minimum(np.arange(x.size), np.arange(x.size)[::-1]) / (0.02 * rate))
    return (0.3 * x / np.max(np.abs(x)) * ramp).astype(np.float32)


FOUND_NCC = 0.4     # a 0.1 s window of the call's noise, in place: chance scores under 0.15 (800 samples, any lag)


def _window_scores(recorded: np.ndarray, reference: np.ndarray, rate: int, window_s: float = 0.1) -> list[float]:
    """Each window (0.1 s unless asked) of the reference, located in the recording at its own lag: its best NCC. Under load a
    jitter-buffer or audio-server slip inside a window drops it to 0.5-0.65 (its two halves sit at two lags),
    and the windows beside it score 0.96 again (measured on 20 calls with both cores busy); a lost, silent or
    foreign stretch scores under 0.15 in every window it covers."""
    n = int(window_s * rate)
    return [best_ncc(recorded, reference[i:i + n], rate, min_overlap=0.95)[0]
            for i in range(0, reference.size - n + 1, n)]


def _longest_miss(scores: list[float]) -> int:
    """The longest run of windows not found: slips are single windows, a lost stretch is a run."""
    run = longest = 0
    for ok in (x >= FOUND_NCC for x in scores):
        run = 0 if ok else run + 1
        longest = max(longest, run)
    return longest


def _chunks_ncc(recorded: np.ndarray, reference: np.ndarray, rate: int, chunk_s: float = 0.3) -> float:
    """Median over the reference's chunks of each chunk's best NCC anywhere in the recording: baresip's jitter
    buffer may slip a frame mid-call, so each stretch gets its own lag (as windowed_ncc, but windows of the
    reference, so the silence after the audio counts for nothing)."""
    return float(np.median(_window_scores(recorded, reference, rate, chunk_s)))


# -- signalling, with SIPp as the far end ---------------------------------------------------------------------
def test_incoming_call_recorded_with_number_and_display_name(live, qtbot):
    sipp = run_sipp(live.dir("incoming"), "uac_call.xml", live.remote, duration_ms=1500)
    cid = live.sipp_call_id(sipp)
    sipp.wait(20)
    qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    doc, rec, rate = live.manifest(cid)
    assert doc["direction"] == "incoming" and party_of(doc, live.key).number == CUSTOMER
    assert party_of(doc, live.key).display_name == "Maija Virtanen"
    assert CUSTOMER not in str(doc) and "Maija" not in str(doc)
    assert doc["outcome"] == "recorded" and rec is not None and 0.8 < rec.shape[0] / rate < 3.0


def test_outgoing_call_to_sipp_uas(live, qtbot):
    uas = run_sipp(live.dir("outgoing"), "uas")
    live.app.adapter.command("dial", uas.uri)
    qtbot.waitUntil(lambda: any(v["direction"] == "outgoing" and v["state"] == "recording" for v in live.views),
                    timeout=10000)
    cid = [v["call_id"] for v in live.views if v["direction"] == "outgoing"][-1]
    assert live.states(cid)[0] == "ringing"          # CALL_RINGING -> 'outgoing' then 'ringing'
    qtbot.wait(1000)
    live.app.adapter.command("hangup")
    uas.wait(10)
    qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    doc, rec, rate = live.manifest(cid)
    assert doc["direction"] == "outgoing" and party_of(doc, live.key).number == "+358409876543"
    assert "+358409876543" not in str(doc)
    assert doc["outcome"] == "recorded" and rec is not None


def test_cancelled_before_answer_records_nothing(live, qtbot):
    live.app.adapter.command("answermode", "manual")
    try:
        sipp = run_sipp(live.dir("cancel"), "uac_cancel.xml", live.remote, duration_ms=800)
        cid = live.sipp_call_id(sipp)
        sipp.wait(20)
        qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    finally:
        live.app.adapter.command("answermode", "auto")
    assert live.states(cid)[0] == "ringing" and "recording" not in live.states(cid)
    time.sleep(1.0)
    assert live.keys_of(cid) == []                     # no audio, no manifest: only the local audit row
    assert not (live.tmp / "data" / "calls" / cid).exists()


def test_busy_callee_records_nothing(live, qtbot):
    before = {v["call_id"] for v in live.views}
    uas = run_sipp(live.dir("busy"), "uas_busy.xml")
    live.app.adapter.command("dial", uas.uri)
    uas.wait(10)
    qtbot.waitUntil(lambda: any(v["call_id"] not in before and v["state"] == "ended" for v in live.views),
                    timeout=10000)
    cid = [v["call_id"] for v in live.views if v["call_id"] not in before][0]
    assert "recording" not in live.states(cid)
    time.sleep(1.0)
    assert live.keys_of(cid) == []


def test_agent_hold_and_resume_pause_the_recording(live, qtbot):
    """baresip 1.0 sends no hold event: the adapter reads `listcalls` after the re-INVITE."""
    sipp = run_sipp(live.dir("hold"), "uac_held.xml", live.remote, duration_ms=1000)
    cid = live.sipp_call_id(sipp)
    qtbot.waitUntil(lambda: "recording" in live.states(cid), timeout=10000)
    qtbot.wait(800)
    live.app.adapter.command("hold")
    qtbot.waitUntil(lambda: live.states(cid)[-1] == "paused", timeout=5000)
    qtbot.wait(1200)
    live.app.adapter.command("resume")
    qtbot.waitUntil(lambda: live.states(cid)[-1] == "recording", timeout=5000)
    sipp.wait(20)
    qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    doc, rec, rate = live.manifest(cid)
    assert [p.get("reason") for p in doc["pauses"]] == ["hold"]
    assert doc["outcome"] == "recorded"


def test_far_end_hold_by_reinvite(live, qtbot):
    """SIPp holds (re-INVITE a=sendonly) and resumes (a=sendrecv). baresip 1.0.0 shows this only as two
    CALL_REMOTE_SDP "offer" events, with no direction: not detectable, so the call records throughout.
    (Newer baresip sends CALL_HOLD/CALL_RESUME, mapped to a pause; see test_baresip_fuzz.)"""
    sipp = run_sipp(live.dir("farhold"), "uac_hold.xml", live.remote)
    cid = live.sipp_call_id(sipp)
    sipp.wait(20)
    qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    doc, rec, rate = live.manifest(cid)
    assert doc["outcome"] == "recorded" and rec is not None
    assert doc["pauses"] == [] and live.app.adapter.problems.get("internal") is None


def test_two_calls_only_the_newer_is_captured(live, qtbot):
    first = run_sipp(live.dir("first"), "uac_call.xml", live.remote, duration_ms=6000)
    c1 = live.sipp_call_id(first)
    qtbot.waitUntil(lambda: "recording" in live.states(c1), timeout=10000)
    qtbot.wait(800)
    second = run_sipp(live.dir("second"), "uac_call.xml", live.remote, duration_ms=2000)
    c2 = live.sipp_call_id(second)
    qtbot.waitUntil(lambda: "recording" in live.states(c2), timeout=10000)
    assert live.states(c1)[-1] == "paused"            # call waiting: the first one is not captured now
    second.wait(20)
    qtbot.waitUntil(lambda: live.ended(c2), timeout=10000)
    qtbot.waitUntil(lambda: live.states(c1)[-1] == "recording", timeout=5000)   # taken back
    first.wait(20)
    qtbot.waitUntil(lambda: live.ended(c1), timeout=10000)
    d1, _, _ = live.manifest(c1)
    d2, _, _ = live.manifest(c2)
    assert [p.get("reason") for p in d1["pauses"]] == ["other_call"] and d2["pauses"] == []
    assert d1["outcome"] == d2["outcome"] == "recorded"


def test_baresip_dies_mid_call_recording_kept_as_interrupted(live, qtbot):
    sipp = run_sipp(live.dir("crash"), "uac_call.xml", live.remote, duration_ms=20000)
    cid = live.sipp_call_id(sipp)
    qtbot.waitUntil(lambda: "recording" in live.states(cid), timeout=10000)
    qtbot.wait(1500)
    sip_port, ctrl_port = live.agent.sip_port, live.agent.ctrl_port
    live.agent.stop()                                  # SIGTERM; the call is gone with it
    sipp.stop()
    t0 = time.monotonic()
    qtbot.waitUntil(lambda: "in progress are kept" in live.app.adapter.status, timeout=5000)
    qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
    waited = time.monotonic() - t0
    assert 2.0 < waited < 8.0, waited                  # calls_lost_after = 3 s
    doc, rec, rate = live.manifest(cid)
    assert doc["outcome"] == "interrupted" and rec is not None and rec.shape[0] / rate > 1.0
    assert any(t["state"] == "softphone_lost" for t in doc["transitions"]), doc["transitions"]
    # baresip comes back on the same ports: the app reconnects by itself and follows new calls.
    for _ in range(3):
        try:
            live.agent = _agent(live.tmp / "sip2", live.audio, sip_port, ctrl_port)
            break
        except BaresipError:
            time.sleep(0.5)
    qtbot.waitUntil(lambda: live.app.adapter.status.startswith("connected"), timeout=10000)
    assert live.app.adapter.reconnects >= 1
    sipp = run_sipp(live.dir("after"), "uac_call.xml", live.remote, duration_ms=1000)
    c2 = live.sipp_call_id(sipp)
    sipp.wait(20)
    qtbot.waitUntil(lambda: live.ended(c2), timeout=10000)
    assert live.manifest(c2)[0]["outcome"] == "recorded"


# -- 50 calls back to back (12 in CI), with both cores busy in the full run, each checked window by window -----
CALLS = scale(12, 50)
CALL_AUDIO_S = 1.2
# Both cores busy in the published run (`scripts/dev evidence full`), not in CI: loaded, 1 call in about 390 lost
# 0.3 s of its customer side without a flag (CI run of 4c0ff97: windows 0.61 0.17 0.37 0.25 in a row, the rest
# 0.6-0.96). An independent parecord of the same device now tells the softphone path's losses (the device
# never carried that audio) from the recorder's (issue 19.5).
LOADED = full()
DEVICE_RATE = 16000


def _found(scores: list[float]) -> float:
    """The share of a call's windows found in place."""
    return float(np.mean(np.asarray(scores) >= FOUND_NCC))


def _missing(scores: list[float]) -> bool:
    """A call's noise is not in place: 0.2 s of it missing (two windows in a row), or under 70 % found."""
    return _found(scores) < 0.7 or _longest_miss(scores) >= 2


SLIP_NCC = 0.9      # a device window under this holds a slip (two lags, or a hole): unslipped ones score 0.96-1.0


def _as_carried(recorded: list[float], device: list[float]) -> bool:
    """The recording holds what the device carried: every window the device carried cleanly, with no slip
    in it or beside it, is found in the recording. Measured with both cores busy: a window split by the
    device's own slip scores 0.4-0.8 in parecord's capture and 0.2-0.4 through the recorder's encoder, the
    window after it sometimes too. Over six such runs 5 of 300 calls lost windows, all of them beside a slip
    of the device's; none lost a window the device carried cleanly."""
    own = [j for j, (r, d) in enumerate(zip(recorded, device)) if r < FOUND_NCC <= d]
    return all(min(device[max(0, j - 1):j + 2]) < SLIP_NCC for j in own)


def _scores(windows: list[float]) -> str:
    return " ".join(f"{x:.2f}" for x in windows)


def _device_windows(device: np.ndarray, ref: np.ndarray, at_s: float, shift: float) -> tuple[list[float], float]:
    """The call's noise window by window in the device's own capture, searched from 2 s before the call was
    answered to 3 s after its audio ended, and the shift for the next call. The capture falls behind the wall
    clock under load (its samples are the server's clock: 0.1 s a call with both cores busy), so *shift* is
    where the last call was found against its answer time; a call found here gives the next one's."""
    lo = max(0, int((at_s + shift - 2.0) * DEVICE_RATE))
    part = device[lo:lo + int((5.0 + ref.size / DEVICE_RATE) * DEVICE_RATE)]
    if part.size < ref.size:
        return [0.0] * (ref.size // int(0.1 * DEVICE_RATE)), shift
    ncc, lag = best_ncc(part, ref, DEVICE_RATE, min_overlap=0.9)
    return _window_scores(part, ref, DEVICE_RATE), (lo / DEVICE_RATE + lag - at_s if ncc >= 0.5 else shift)


@pytest.mark.evidence("soak")
def test_fifty_calls_back_to_back_each_recorded_correctly(live, qtbot, evidence_figure):
    """A baresip customer calls 50 times (12 in CI; 50 took 2.1 minutes unloaded); each call plays its own noise
    (aufile reads the WAV at call start, and the call ends ~1 s after the file does). Every recording must hold
    its own call's audio on the customer channel and not its neighbours'.

    Issue 19.5: in the published run (LOADED) all of it runs with a CPU hog on both cores (one call in fifty lost
    a side under load on a fresh clone). Each call's noise must be in place (_window_scores): no 0.2 s of it
    missing (two windows in a row) and 70 % of its 0.1 s windows found, or its manifest must say why: a gap or an
    alarm on the customer's side (a gap, a one-sided alarm, a mid-call line-up), or the device itself must not
    have carried it whole (a parecord of the same monitor beside the recorder): then the recording may lose
    only windows beside a slip of the device's own (_as_carried). That tells the softphone path's losses from
    the recorder's. (Asking for 80 % alone, 1 of 200 loaded calls failed at 75 %; its window scores were not
    kept then.) The 0.3 s-chunk NCC is reported, not asserted: with both cores busy, slips in the softphone
    path put it at 0.6-0.75 on a few calls whose every stretch is there."""
    from tests.fixtures.baresip import start_baresip as start

    d = live.dir("fifty")
    wav = d / "customer.wav"
    refs = [_noise(1000 + i, CALL_AUDIO_S) for i in range(CALLS)]
    write_wav(wav, refs[0], 8000)
    sp, cp = baresip_ports()
    customer = start(d / "sip", "customer", sp, cp, live.audio.env, audio_source=f"aufile,{wav}",
                     audio_player="alsa,customer_ear", auto_answer=False, user=CUSTOMER)
    ids: list[str] = []
    answered: list[float] = []
    t0 = time.monotonic()
    try:
        with busy_cores(limit_s=900) if LOADED else contextlib.nullcontext(), \
                carried(live.audio, d, DEVICE_RATE, (("customer", LOOPBACK),)) as dev:
            busy, on_device = busy_fraction(), time.monotonic()
            for i in range(CALLS):
                write_wav(wav, refs[i], 8000)
                n = len(customer.ctrl.events)
                customer.dial(live.agent.uri)
                est = customer.ctrl.wait_event("CALL_ESTABLISHED", start=n, timeout=10)
                answered.append(time.monotonic() - on_device)
                cid = safe_call_id(est["id"])
                ids.append(cid)
                customer.ctrl.wait_event("CALL_CLOSED", start=n, timeout=15)
                qtbot.waitUntil(lambda: live.ended(cid), timeout=10000)
        calls_s = time.monotonic() - t0
        wait_for_keys(live.s3, lambda ks: sum(k.endswith(".manifest.json") and any(c in k for c in ids)
                                              for k in ks) == CALLS, timeout=120)
    finally:
        customer.stop()
    assert len(set(ids)) == CALLS
    own, found, windows, whole, other, lengths, flagged, carried_by = [], [], [], [], [], [], {}, []
    shift = 0.0
    for i, cid in enumerate(ids):
        doc, rec, rate = live.manifest(cid)
        assert doc["outcome"] == "recorded" and doc["direction"] == "incoming", (i, doc["outcome"])
        assert party_of(doc, live.key).number == CUSTOMER and CUSTOMER not in str(doc)
        cust = rec[:, 1]
        ref = resample(refs[i], 8000, rate)
        own.append(_chunks_ncc(cust, ref, rate))
        windows.append(_window_scores(cust, ref, rate))
        device_scores, shift = _device_windows(dev["customer"], resample(refs[i], 8000, DEVICE_RATE), answered[i], shift)
        carried_by.append(device_scores)
        found.append(_found(windows[-1]))
        whole.append(best_ncc(cust, ref, rate, min_overlap=0.4)[0])
        for j in (i - 1, i + 1):
            if 0 <= j < CALLS:
                other.append(_chunks_ncc(cust, resample(refs[j], 8000, rate), rate))
        lengths.append(rec.shape[0] / rate)
        said = [g for g in (doc.get("gaps") or []) + (doc.get("alarms") or []) if g.get("channel") != "agent"]
        if said:
            flagged[cid] = said
    total_s = time.monotonic() - t0
    print(f"\n{CALLS} calls, CPU {busy:.0%} busy: {calls_s:.0f} s of calls, {total_s:.0f} s with verification; "
          f"own audio found (0.1 s windows) min {min(found):.0%} median {np.median(found):.0%}; "
          f"own-call NCC (0.3 s chunks) min {min(own):.3f} median {np.median(own):.3f}, one lag min {min(whole):.3f} "
          f"median {np.median(whole):.3f}; neighbours' max {max(other):.3f}; "
          f"recording length {min(lengths):.2f}-{max(lengths):.2f} s; flagged in the manifest: {len(flagged)}")
    (live.tmp / "fifty.json").write_text(json.dumps({"own": own, "found": found, "whole": whole, "other": other, "lengths": lengths,
                                                     "windows": windows, "device": carried_by,
                                                     "calls_s": calls_s, "total_s": total_s}))
    evidence_figure("calls", CALLS)
    evidence_figure("CPU busy (hog on both cores)", f"{busy:.0%}")
    evidence_figure("calls flagged in their manifest", len(flagged))
    evidence_figure("own audio found min/median", f"{min(found):.0%}/{np.median(found):.0%}")
    evidence_figure("own-call NCC min/median", f"{min(own):.3f}/{np.median(own):.3f}")
    evidence_figure("neighbours' NCC max", round(max(other), 3))
    # One lag over the whole call is reported, not asserted: a jitter-buffer slip drops it (0.57-0.997 measured).
    assert busy > 0.9 or not LOADED, f"the CPU hog was not on: {busy:.0%} busy"
    on_dev = [_found(w) for w in carried_by]
    # The device's own capture must work, or every loss would pass as the softphone path's.
    assert np.median(on_dev) >= 0.9, f"the device capture did not find the calls: {on_dev}"
    upstream = {cid: _scores(dw) for cid, dw in zip(ids, carried_by) if _missing(dw)}
    evidence_figure("calls the device itself did not carry whole (softphone path)", len(upstream))
    print(f"device capture ({shift:+.2f} s against the wall clock at the last call): own audio found "
          f"min {min(on_dev):.0%} median {np.median(on_dev):.0%}; "
          f"not carried whole by the device: {upstream}")
    # A call is recorded wrong when its noise is not in place, unless its manifest says why or the device
    # never carried it either (_as_carried).
    wrong = {cid: f"{score:.0%} found, windows {_scores(w)}; on the device {dev_score:.0%}: {_scores(dw)}"
             for cid, score, w, dev_score, dw in zip(ids, found, windows, on_dev, carried_by)
             if _missing(w) and cid not in flagged and not _as_carried(w, dw)}
    excused = sum(_missing(w) and cid not in flagged for cid, w in zip(ids, windows)) - len(wrong)
    evidence_figure("calls short of their source only where the device was too", excused)
    assert not wrong, f"recorded wrong and not flagged in the manifest: {wrong}; flagged: {flagged}"
    assert max(other) <= 0.3, sorted(other)[-5:]
