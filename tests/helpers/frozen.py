"""The frozen app (installer/build-frozen.sh): built once per test session, and smoke checks that run it.

`frozen_dist` (session fixture, registered in tests/conftest.py) is the Path of the one-folder app,
``<build>/dist/taltio``, holding the executables ``taltio`` and ``taltio-admin``. Every test that needs the
frozen app (tests/test_frozen.py, tests/test_deb.py, which packages this folder) shares that one build.

The smoke checks take a :class:`Launcher`, the argv prefixes that run ``taltio`` and ``taltio-admin`` plus
variables to add to the environment, so the same checks run against the build folder
(``Launcher.folder(frozen_dist)``) and against an installed copy, e.g. inside a chroot
(``Launcher(("chroot", root, "/opt/taltio/taltio"), ("chroot", root, "/opt/taltio/taltio-admin"))``).
Each check fails with the output it saw.
"""
from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.app_proc import AppProcess

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "installer" / "build-frozen.sh"
CHECKOUT_BUILD = ROOT / "build" / "frozen"
BUILD_TIMEOUT = 900
CARRIED_RATE = 16000          # the recording rate (audio.sample_rate default), and the devices captured beside it


@dataclass(frozen=True)
class Launcher:
    """How to start the frozen programs: argv prefixes, and variables added over each check's environment."""
    taltio: tuple[str, ...]
    admin: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def folder(cls, dist: Path) -> Launcher:
        """The programs in a one-folder build (``frozen_dist``) or an installed copy of it."""
        return cls((str(dist / "taltio"),), (str(dist / "taltio-admin"),))

    def environ(self, env: Mapping[str, str] | None = None) -> dict[str, str]:
        """*env* (default: this process's, minus PYTHONPATH) with the launcher's variables on top.

        PYTHONPATH is dropped so that nothing can import the source tree instead of the frozen modules."""
        merged = dict(os.environ if env is None else env)
        merged.pop("PYTHONPATH", None)
        merged.update(self.env)
        return merged

    def run(self, program: str, *args: str, env: Mapping[str, str] | None = None, offline: bool = False,
            timeout: float = 60) -> subprocess.CompletedProcess:
        """Run ``taltio`` or ``taltio-admin`` (by that name) to completion; *offline*: in a network namespace
        of its own, with no interface up (``unshare -n``), i.e. no network at all, not even localhost."""
        prefix = self.taltio if program == "taltio" else self.admin
        argv = [*(["unshare", "-n"] if offline else []), *prefix, *args]
        return subprocess.run(argv, check=False, env=self.environ(env), capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)


def source_commit() -> str:
    """What build-frozen.sh writes to BUILD_COMMIT for this checkout now (the same git commands)."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=True).stdout.strip()
    return head + ("-dirty" if dirty else "")


def built_commit(dist: Path) -> str | None:
    """The BUILD_COMMIT inside a build folder, None if there is none."""
    try:
        return (dist / "_internal" / "taltio" / "BUILD_COMMIT").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def build(outdir: Path) -> Path:
    """Run installer/build-frozen.sh into *outdir*; its dist/taltio. The script's output is kept in build.log."""
    return BackgroundBuild(outdir, niced=False).result()


class BackgroundBuild:
    """build-frozen.sh running while other tests go on (niced: they keep the CPU when they want it).

    Why: the build is a minute or more of CPU that test_frozen and test_deb used to wait for. Started at the
    session's first test, it overlaps the modules that play no audio, which tests/helpers/suite_order.py
    runs first; the recorded-call checks, which are sensitive to load, run after it has finished."""

    def __init__(self, outdir: Path, niced: bool = True) -> None:
        outdir.mkdir(parents=True, exist_ok=True)
        self.outdir = outdir
        self.log_path = outdir / "build.log"
        self._log = open(self.log_path, "wb")
        argv = [*(["nice", "-n", "19"] if niced else []), str(BUILD_SCRIPT), str(outdir)]
        self.proc = subprocess.Popen(argv, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def result(self) -> Path:
        """Wait for the build; its dist/taltio, or AssertionError with the end of its log."""
        try:
            rc = self.proc.wait(timeout=BUILD_TIMEOUT)
        finally:
            self._log.close()
        if rc != 0:
            raise AssertionError(f"build-frozen.sh failed ({rc}):\n{self.log_path.read_text(errors='replace')[-4000:]}")
        return self.outdir / "dist" / "taltio"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._log.close()


def _reusable_checkout_build() -> Path | None:
    """build/frozen, when the checkout is clean and that build says the same commit (a dirty tree's build may
    hold other changes than the tree has now)."""
    commit = source_commit()
    checkout = CHECKOUT_BUILD / "dist" / "taltio"
    if not commit.endswith("-dirty") and built_commit(checkout) == commit:
        return checkout
    return None


@pytest.fixture(scope="session", autouse=True)
def frozen_build_in_background(request: pytest.FixtureRequest,
                               tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackgroundBuild | None]:
    """Starts the frozen build at the session's first test when a module that needs it will run."""
    from tests.helpers.suite_order import needs_frozen_app

    if not any(needs_frozen_app(item) for item in request.session.items) or _reusable_checkout_build():
        yield None
        return
    started = BackgroundBuild(tmp_path_factory.mktemp("frozen"))
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="session")
def frozen_dist(frozen_build_in_background: BackgroundBuild | None,
                tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder frozen app (``…/dist/taltio``), built once per session: build/frozen when it is this
    clean checkout's (_reusable_checkout_build), else the background build, so a CI run from a clean clone
    builds exactly once."""
    return frozen_app_dist(frozen_build_in_background, tmp_path_factory.mktemp("frozen"))


def frozen_app_dist(background: BackgroundBuild | None, outdir: Path) -> Path:
    """frozen_dist's answer; also called from a thread (tests/helpers/deb_build.py) while tests run."""
    reusable = _reusable_checkout_build()
    if reusable is not None:
        return reusable
    if background is not None:
        return background.result()
    return build(outdir)


# -- smoke checks ------------------------------------------------------------------------------------------
def _no_traceback(r: subprocess.CompletedProcess, what: str) -> str:
    out = r.stdout + r.stderr
    assert "Traceback (most recent call last)" not in out, f"{what} crashed:\n{out}"
    return out


def check_version(launcher: Launcher, program: str = "taltio", commit: str | None = None,
                  env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``PROGRAM --version`` exits 0 and says it is frozen, with a commit (*commit* if given) and the libopus,
    libsndfile and PySide6 the frozen app loaded. Returns the printed ``name: value`` pairs."""
    r = launcher.run(program, "--version", env=env)
    out = _no_traceback(r, f"{program} --version")
    assert r.returncode == 0, out
    lines = r.stdout.splitlines()
    assert lines and lines[0].startswith(f"{program} "), out
    parts = dict(line.split(None, 1) for line in lines[1:] if line.strip())
    assert parts.get("frozen") == "yes", out
    assert commit is None or parts.get("commit") == commit, f"expected commit {commit}:\n{out}"
    assert re.fullmatch(r"[0-9a-f]{12}(-dirty)?", parts.get("commit", "")), out
    assert re.match(r"\d+\.\d+", parts.get("libopus", "")), f"no libopus version:\n{out}"
    assert re.match(r"\d+\.\d+", parts.get("libsndfile", "")), f"no libsndfile version:\n{out}"
    assert re.match(r"6\.\d+", parts.get("PySide6", "")), f"no PySide6 version:\n{out}"
    return parts


def check_doctor_offline(launcher: Launcher, env: Mapping[str, str] | None = None) -> str:
    """``taltio doctor`` with no network: it prints the version, one line per check and a verdict, exits 0
    (all well) or 1 (a check failed), and never crashes. Returns its output."""
    r = launcher.run("taltio", "doctor", env=env, offline=True, timeout=120)
    out = _no_traceback(r, "taltio doctor")
    assert r.returncode in (0, 1), f"doctor exited {r.returncode}:\n{out}"
    assert "frozen" in r.stdout and "yes" in r.stdout, out
    for check in ("settings", "keyring", "storage"):
        assert re.search(rf"^\[\s*(ok|warn|FAIL)\] {check}\b", r.stdout, re.MULTILINE), f"no {check} check:\n{out}"
    assert ("problem(s) found" in r.stdout) == (r.returncode == 1), out
    return out


def frozen_app(app: AppProcess, launcher: Launcher, *run_args: str) -> AppProcess:
    """*app* (tests.helpers.app_proc, e.g. from ``world.app``) run by the frozen ``taltio`` instead of Python."""
    return dataclasses.replace(app, env=launcher.environ(app.env), command=launcher.taltio,
                               run_args=run_args or ("run",), logs=[])


def check_tray_start_and_quit(app: AppProcess, timeout: float = 40) -> str:
    """The frozen tray app starts (offscreen Qt), answers ``taltio status``, and on SIGTERM (the app has no
    quit command; SIGTERM is what a session logout or `systemctl stop` sends) quits by itself with exit
    code 0, no traceback, and no longer answers. Returns its log. *app* from :func:`frozen_app`."""
    env = dict(app.env)
    env["QT_QPA_PLATFORM"] = "offscreen"
    app = dataclasses.replace(app, env=env, run_args=("run",), logs=[])
    app.start()
    try:
        st = app.status()
        assert st is not None and st.get("ok") is True, st
        app.proc.send_signal(signal.SIGTERM)
        rc = app.proc.wait(timeout=timeout)
    finally:
        app.stop()
    log = app.logs[-1].read_text(errors="replace")
    assert rc == 0, f"the tray app exited {rc} on SIGTERM:\n{log}"
    assert "Traceback (most recent call last)" not in log, log
    gone = app.cli("status", timeout=10)
    assert gone.returncode != 0, f"still answering after it quit: {gone.stdout}"
    return log


def headless(app: AppProcess, launcher: Launcher) -> AppProcess:
    """*app* as the frozen ``taltio run --headless``, with QT_QPA_PLATFORM=xcb and no display: any Qt GUI
    object would abort it (as in tests/test_headless.py), so it proves the frozen headless path makes none."""
    app = frozen_app(app, launcher, "run", "--headless")
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        app.env.pop(name, None)
    app.env["QT_QPA_PLATFORM"] = "xcb"
    return app


@dataclass
class HeadlessCall:
    """One live call recorded by a frozen headless runner, fetched and checked from storage."""
    call_id: str
    doc: dict                   # the verified manifest
    rec: object                 # numpy (frames, 2): agent left, customer right
    rate: int
    workstation_key: str        # the runner's Ed25519 key line, as `taltio status` reports it
    log: str
    customer_wav: Path
    returncode: int | None      # the runner's exit code after SIGTERM
    devices: dict = field(default_factory=dict)    # what each device carried meanwhile (speech_match.carried)


def record_headless_call(world, launcher: Launcher, name: str = "frozen-headless") -> HeadlessCall:
    """A baresip call to the frozen `taltio run --headless` on the test audio server (tests/test_headless.py's
    call): notice given, the agent's speech played, hung up; waits for the upload and fetches the call with
    independent tools (ssh-keygen verifies, age decrypts, soundfile decodes: tests.helpers.verify.fetch_call)."""
    from tests.fixtures.baresip import start_pair
    from tests.helpers.signals import speech
    from tests.helpers.speech_match import carried
    from tests.helpers.verify import fetch_call, wait_for_keys
    from tests.helpers.world import state_is

    tmp = world.root / name
    tmp.mkdir()
    text = "Yes, I accept the offer of twelve monthly payments of forty euros, starting in January. " * 3
    customer_wav = speech(text, tmp / "customer8k.wav", rate=8000, voice="en+f3")
    agent, customer = start_pair(tmp / "sip", world.audio.env, customer_wav)
    app = headless(world.app(name, **{"softphone.adapter": "baresip",
                                      "softphone.address": f"127.0.0.1:{agent.ctrl_port}"}), launcher)
    try:
        app.start()
        app.wait_for(lambda s: str(s.get("softphone", "")).startswith("connected"), timeout=15,
                     what="baresip connected")
        customer.dial(agent.uri)
        st = app.wait_for(lambda s: any(c["state"] == "notice_pending" for c in s.get("calls", [])), timeout=15,
                          what="the call waiting for the notice")
        call_id = next(c["call_id"] for c in st["calls"] if c["state"] == "notice_pending")
        with carried(world.audio, tmp, CARRIED_RATE) as devices:
            app.hook("notice-given", call_id)
            app.wait_for(state_is(call_id, "recording"), timeout=10, what="recording")
            world.audio.play_mic(world.agent_wav).wait(timeout=60)
        customer.hangup()
        wait_for_keys(world.s3, lambda ks: any(call_id in k and k.endswith(".manifest.json") for k in ks),
                      timeout=40)
        signer = app.status()["workstation_key"]
        doc, rec, rate = fetch_call(world.s3, call_id, tmp / "verify", world.org_key, signer)
    finally:
        app.stop()
        agent.stop()
        customer.stop()
    return HeadlessCall(call_id, doc, rec, rate, signer, app.logs[-1].read_text(errors="replace"), customer_wav,
                        app.proc.returncode if app.proc else None, devices)


def check_speech(world, call: HeadlessCall, floor: float = 0.8) -> tuple[float, float]:
    """Both sides of *call* hold the speech that was played, as well as each device's own capture does
    (tests/helpers/speech_match.py): the agent's from the mic, in place within 50 ms of what the mic did; the
    customer's through two baresips' jitter buffers, which move it by frames (the loopback's capture has
    those moves too). Returns both shares of windows found."""
    from tests.helpers.signals import read_wav, resample
    from tests.helpers.speech_match import assert_sides_as_carried

    assert call.rec is not None, f"no audio in {call.doc}"
    assert call.rate == CARRIED_RATE, call.rate
    refs = {"agent": read_wav(world.agent_wav)[0], "customer": resample(read_wav(call.customer_wav)[0], 8000, call.rate)}
    m = assert_sides_as_carried(call.rec, call.rate, refs, call.devices, floor=floor, context=(
        f"recorded {len(call.rec) / call.rate:.1f} s; gaps {call.doc.get('gaps')}; devices {call.doc.get('devices')}"
        f"\n{call.log[-3000:]}"))
    return m["agent"].found, m["customer"].found
