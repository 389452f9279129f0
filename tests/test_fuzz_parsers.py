"""The fuzz evidence suite for the parsers no other fuzzer covers (issue 17 point 4, issue 19 point 4).

Manifests (`taltio-admin fetch` and `verify`, every mutation signed again with a registered test key), the
control socket's line handler with the real AgentApp behind it, `taltio hook`'s arguments as raw bytes all
the way to that handler, the machine and user settings files, the trust file and the supervisor policy.
Each has a structured fuzzer (hypothesis strategies: well-formed input with wrong types, huge numbers,
deep nesting) and a byte-level one (mutations of a valid input, see tests/helpers/fuzz.py). The property:
a valid result or one clear line of error, no exception, no hang, the server thread alive.

Sizes: ``scale(fast, full)`` examples per fuzzer; TALTIO_EVIDENCE=full runs about twenty times more. The
bugs these found are pinned by the explicit cases at the end of each section.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import socket
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings, strategies as st

from taltio.domain.ports import Keystore
from tests.helpers import fuzz
from tests.helpers.evidence import scale
from tests.helpers.fuzz_targets import (MACHINE_TOML, USER_TOML, ConfigTarget, ManifestTarget, check_ipc_line,
                                        check_trust_file, run_quietly)

pytestmark = [pytest.mark.evidence("fuzz")]


def fuzz_settings(fast: int, full: int) -> settings:
    return settings(max_examples=scale(fast, full), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def report(evidence_figure, outcomes: Counter, started: float) -> None:
    """The figures of one fuzzer: examples run, how many were accepted, and the time they took."""
    evidence_figure("examples", sum(outcomes.values()))
    evidence_figure("accepted", outcomes["ok"])
    evidence_figure("seconds", round(time.monotonic() - started, 1))


# -- manifests: taltio-admin fetch and verify ----------------------------------------------------------------

@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> ManifestTarget:
    target = ManifestTarget(tmp_path_factory.mktemp("manifest"))
    assert target.check(target.encode(target.base)) == "ok", "the unmutated call must pass"
    return target


def test_resigned_structured_manifest_mutations(manifest, evidence_figure):
    outcomes, started = Counter(), time.monotonic()
    where = fuzz.paths(manifest.base)

    @fuzz_settings(60, 1500)
    @given(st.lists(st.tuples(st.sampled_from(where), fuzz.json_values, st.booleans()), min_size=1, max_size=3))
    def run(edits):
        doc = manifest.base
        for path, value, delete in edits:
            try:
                doc = fuzz.replaced(doc, path, value, delete=delete and bool(path))
            except (KeyError, IndexError, TypeError):       # an earlier edit removed or replaced the parent
                continue
        outcomes["ok" if manifest.check(manifest.encode(doc)) == "ok" else "refused"] += 1

    run()
    report(evidence_figure, outcomes, started)
    assert outcomes["refused"] > 0


def test_resigned_byte_mutated_manifests(manifest, evidence_figure):
    outcomes, started = Counter(), time.monotonic()
    seed = manifest.encode(manifest.base)

    @fuzz_settings(60, 1500)
    @given(fuzz.ops)
    def run(ops):
        outcomes["ok" if manifest.check(fuzz.mutate(seed, ops)) == "ok" else "refused"] += 1

    run()
    report(evidence_figure, outcomes, started)


@pytest.mark.parametrize("change", [
    pytest.param({"pauses": ("deep", 5000)}, id="deep-nesting-RecursionError"),
    pytest.param({"bookmarks": ("deep", 600)}, id="nesting-past-the-report-encoder"),
    pytest.param({"pauses": [fuzz.nested(40)]}, id="nesting-past-the-limit"),
    pytest.param({"times": {"notice_given": "2025-06-01T10:00:04", "recording_start": "2025-06-01T10:00:05.000Z"}},
                 id="naive-time-TypeError"),
    pytest.param({"call_id": "c1\x1b[2J\r\n"}, id="control-characters-echoed"),
    pytest.param({"times": {"notice_given": "２０２５-06-01T10:00:04Z", "recording_start": "2025-06-01T10:00:05Z"}},
                 id="unicode-digits-in-a-time"),
    pytest.param({"schema_version": True}, id="bool-as-schema-version"),
])
def test_resigned_manifest_regressions(manifest, change):
    """Issue 19: each once made `taltio-admin fetch` or `verify` raise, echo control characters or accept."""
    body = manifest.encode({**manifest.base, **{k: "@deep@" if isinstance(v, tuple) else v for k, v in change.items()}})
    for v in change.values():
        if isinstance(v, tuple):       # too deep for json.dumps itself: spliced in as bytes
            body = body.replace(b'"@deep@"', b"[" * v[1] + b"]" * v[1])
    assert manifest.check(body) != "ok"


def test_resigned_deep_json_bytes_are_refused(manifest):
    assert manifest.check(b"[" * 100000 + b"]" * 100000) != "ok"
    assert manifest.check(b'{"schema": "taltio.manifest", "a": ' + b"[" * 3000 + b"]" * 3000 + b"}") != "ok"


# -- the control socket, with the real AgentApp behind it -----------------------------------------------------

class MemoryKeystore(Keystore):
    """The OS keyring's part in a dict: the fuzzer needs the workstation key, not a keyring daemon."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def describe(self) -> str:
        return "memory"


@pytest.fixture(scope="module")
def agent(tmp_path_factory):
    from taltio import settings as settings_mod
    from taltio.app.agent import AgentApp
    from tests.helpers.in_process import local_config
    from tests.helpers.push_backend import PushBackend

    root = tmp_path_factory.mktemp("agent")
    mp = pytest.MonkeyPatch()
    mp.setenv("TALTIO_DATA_DIR", str(root / "data"))
    mp.setenv("TALTIO_RUNTIME_DIR", str(root / "run"))
    (root / "run").mkdir(mode=0o700)
    cfg = root / "taltio.toml"
    cfg.write_text(local_config(root))
    app = AgentApp(settings_mod.load(cfg, root / "nouser.toml"), keystore=MemoryKeystore(), backend=PushBackend())
    assert app.core is not None, app.config_error
    try:
        yield app
    finally:
        app.shutdown()
        mp.undo()


def end_calls(app) -> None:
    """After each example: no call left ringing or recording, so examples do not pile up sessions."""
    from taltio.domain.events import CallEvent

    for s in list(app.core.controller.sessions.values()):
        if s.active:
            app.core.controller.handle(CallEvent.parse("ended", call_id=s.call_id))


# The state a hostile line meets: no call, a ringing one, or one being recorded (the notice given).
PRELUDES = {"idle": [], "ringing": ["incoming"], "recording": ["incoming", "answered", "notice-given"]}


_CALLS = itertools.count(1)


def prelude(app, name: str) -> str:
    """Put the agent in state *name* with a call of a fresh id (an ended id is refused if used again), which
    the seed lines' "abc-1" is replaced with, so mutations meet the live call."""
    from taltio.domain.events import CallEvent

    cid = f"abc-{next(_CALLS)}"
    for event in PRELUDES[name]:
        app.core.controller.handle(CallEvent.parse(event, call_id=cid, number="+358401234567"))
    return cid


VALID_LINES = [b'{"v": 1, "cmd": "hook", "event": "incoming", "call_id": "abc-1", "number": "+358401234567"}',
               b'{"v": 1, "cmd": "hook", "event": "bookmark", "label": "agreement 12"}',
               b'{"v": 1, "cmd": "hook", "event": "private", "call_id": "abc-1", "label": "health"}',
               b'{"v": 1, "cmd": "status"}']
request = st.fixed_dictionaries(
    {"v": st.sampled_from([1] * 8 + [2, "1", 1.0, True, None]),
     "cmd": st.sampled_from(["hook", "hook", "hook", "status", "nope"]) | fuzz.nasty_text},
    optional={"event": st.sampled_from(["incoming", "outgoing", "answered", "ended", "bookmark", "private",
                                        "notice-given", "pause"]) | fuzz.json_values,
              "call_id": fuzz.json_values, "number": fuzz.json_values, "label": fuzz.json_values,
              "queue": fuzz.json_values, "display_name": fuzz.json_values})


def test_ipc_structured_requests(agent, evidence_figure):
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(150, 3000)
    @given(request, st.sampled_from(sorted(PRELUDES)))
    def run(req, state):
        prelude(agent, state)
        line = json.dumps(req).encode()
        outcomes["ok" if check_ipc_line(line, agent.handle_ipc)["ok"] else "refused"] += 1
        end_calls(agent)

    run()
    report(evidence_figure, outcomes, started)


def test_ipc_byte_mutated_lines(agent, evidence_figure):
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(200, 4000)
    @given(st.sampled_from(VALID_LINES), fuzz.ops, st.sampled_from(sorted(PRELUDES)))
    def run(seed, ops, state):
        cid = prelude(agent, state).encode()
        line = fuzz.mutate(seed.replace(b"abc-1", cid), ops)
        outcomes["ok" if check_ipc_line(line, agent.handle_ipc)["ok"] else "refused"] += 1
        end_calls(agent)

    run()
    report(evidence_figure, outcomes, started)


@pytest.mark.parametrize("line", [
    pytest.param(b'{"v": 1, "cmd": "hook", "event": "incoming", "call_id": "\\ud800"}', id="lone-surrogate-call-id"),
    pytest.param(b'{"v": 1, "cmd": "hook", "event": "incoming", "call_id": "x\\udcff\\udcfe"}', id="argv-bytes"),
    pytest.param(b'{"v": 1, "cmd": "hook", "event": "incoming\\u001b[2J"}', id="control-chars-in-the-event"),
    pytest.param(b'{"v": 1, "cmd": "hook", "event": "incoming", "number": "+35\\u0000\\n8"}', id="control-in-number"),
    pytest.param(b'{"v": 1, "cmd": "\\u0085\\u001b"}', id="control-chars-in-the-command"),
])
def test_ipc_regressions(agent, line):
    """Issue 19: a lone surrogate in a call id raised UnicodeEncodeError (an "internal error" reply)."""
    check_ipc_line(line, agent.handle_ipc)
    end_calls(agent)


def test_a_newline_ended_call_id_is_not_taken_as_safe():
    """re's "$" matches before a final newline: "abc\\n" passed as a safe file and object name."""
    from taltio.domain.events import safe_call_id

    assert safe_call_id("abc") == "abc"
    assert "\n" not in safe_call_id("abc\n") and safe_call_id("abc\n") != "abc"


def test_ipc_over_the_socket_the_server_thread_survives(agent, tmp_path, evidence_figure):
    """The same lines through a real ControlServer: one reply each, and its thread alive afterwards."""
    from taltio.app.control import ControlServer

    run_dir = tmp_path / "run"
    run_dir.mkdir(mode=0o700)
    server = ControlServer(agent.handle_ipc, str(run_dir / "taltio.sock"), idle_timeout=2.0)
    server.listen()
    outcomes, started = Counter(), time.monotonic()
    try:
        @fuzz_settings(40, 800)
        @given(st.sampled_from(VALID_LINES), fuzz.ops)
        def run(seed, ops):
            raw = fuzz.mutate(seed, ops).replace(b"\n", b" ") + b"\n"
            reply = _send(server.name, raw)
            assert reply.count(b"\n") == 1, reply
            outcomes["ok" if json.loads(reply)["ok"] else "refused"] += 1
            assert server._thread is not None and server._thread.is_alive()
            end_calls(agent)

        run()
        assert json.loads(_send(server.name, VALID_LINES[-1] + b"\n"))["ok"] is True
    finally:
        server.close()
    report(evidence_figure, outcomes, started)


def _send(path: str, raw: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(5)
        s.connect(path)
        s.sendall(raw)
        return s.makefile("rb").readline()


# -- taltio hook: raw argv bytes, through to the real handler ------------------------------------------------

HOOK_ARGV = [b"incoming", b"--call-id", b"abc-1", b"--number", b"+358401234567", b"--name", b"Asiakas",
             b"--queue", b"sales", b"--label", b"agreement"]


def test_hook_byte_mutated_arguments_reach_the_handler(agent, evidence_figure, monkeypatch):
    """Arguments as the OS hands them over (bytes, decoded with surrogateescape as Python does), sent as
    `taltio hook` sends them, answered by the real handler: exit 0, or one "taltio: " line."""
    import taltio.app.ipc as ipc
    from taltio.cli import main as cli

    def through_handler(payload: dict, timeout: float = 2.0) -> dict:
        line = json.dumps({"v": 1, **payload}).encode()
        return check_ipc_line(line, agent.handle_ipc)

    monkeypatch.setattr(ipc, "request", through_handler)
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(150, 3000)
    @given(st.integers(0, len(HOOK_ARGV) - 1), fuzz.ops, st.sampled_from(sorted(PRELUDES)))
    def run(which, ops, state):
        prelude(agent, state)
        argv = list(HOOK_ARGV)
        argv[which] = fuzz.mutate(argv[which], ops)
        args = [os.fsdecode(a.replace(b"\x00", b"")) for a in argv]   # argv cannot carry NUL
        with fuzz.no_hang(10):
            rc, err = run_quietly(lambda: cli.hook(args))
        assert rc in (0, 1, 2), (args, rc, err)
        if rc:
            fuzz.assert_clear(err, names="taltio: ")
        outcomes["ok" if rc == 0 else "refused"] += 1
        end_calls(agent)

    run()
    report(evidence_figure, outcomes, started)


# -- settings files, the trust file, the supervisor policy ----------------------------------------------------

@pytest.fixture(scope="module")
def config(tmp_path_factory) -> ConfigTarget:
    target = ConfigTarget(tmp_path_factory.mktemp("config"))
    assert target.check(MACHINE_TOML) == "ok"
    return target


def test_settings_files_byte_mutated(config, evidence_figure):
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(150, 3000)
    @given(st.sampled_from(["machine", "user"]), fuzz.ops)
    def run(which, ops):
        seed = MACHINE_TOML if which == "machine" else USER_TOML
        outcomes["ok" if config.check(fuzz.mutate(seed, ops), which) == "ok" else "refused"] += 1

    run()
    report(evidence_figure, outcomes, started)


toml_tables = st.dictionaries(st.sampled_from(["agent", "storage", "audio", "privacy", "ui", "taltio", "x"]),
                              st.dictionaries(fuzz.nasty_text, fuzz.json_values, max_size=4), max_size=4)


def test_settings_files_structured(config, evidence_figure):
    import tomli_w

    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(100, 2000)
    @given(toml_tables, st.sampled_from(["machine", "user"]))
    def run(doc, which):
        try:
            raw = tomli_w.dumps(doc).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):          # None, NaN-free rules etc.: not writable as TOML at all
            raw = json.dumps(doc).encode("utf-8", "surrogatepass")
        outcomes["ok" if config.check(raw, which) == "ok" else "refused"] += 1

    run()
    report(evidence_figure, outcomes, started)


@pytest.mark.parametrize("raw", [
    pytest.param(b"\xff\xfe[agent]\n", id="not-utf8-UnicodeDecodeError"),
    pytest.param(b'[agent]\nid = "\xed\xa0\x80"\n', id="raw-surrogate-bytes"),
    pytest.param(b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n", id="deep-array-RecursionError"),
    pytest.param(b"x = {" + b"a = {" * 600 + b"}" * 601 + b"\n", id="deep-inline-table-RecursionError"),
    pytest.param(b"[" + b".".join([b"a"] * 1500) + b"]\n", id="deep-dotted-table-RecursionError"),
    pytest.param(b"[audio]\nsample_rate = 1" + b"0" * 5000 + b"\n", id="too-many-digits-ValueError"),
    pytest.param(b'"a\\u001bb" = 1\n', id="control-character-in-a-key"),
    pytest.param(b"[audio]\nau" + b"9" * 3000 + b" = 1\n", id="a-3000-character-key-echoed-whole"),
    pytest.param(b'[ui]\nlanguage = "fi' + b"[" * 3000 + b'"\n', id="a-3000-character-value-echoed-whole"),
])
def test_settings_file_regressions(config, raw):
    """Each escaped settings.load as a traceback (or echoed a raw ESC) before."""
    assert config.check(raw) != "ok"
    assert config.check(raw, "user") != "ok"


def test_an_int_too_large_for_a_float_setting_is_refused_clearly(config):
    """OverflowError escaped settings.load before (atheris found it): TOML ints are unbounded. Machine scope:
    the user file may not set this key at all."""
    assert config.check(b"[audio]\nsegment_seconds = 1" + b"0" * 400 + b"\n") != "ok"


def test_trust_file_mutated(tmp_path, evidence_figure):
    from taltio.admin.trust import Registry

    reg = Registry(tmp_path / "seed.json")
    reg.add("agent-7", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl", "manual")
    reg.save()
    seed = reg.path.read_bytes()
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(100, 2000)
    @given(st.one_of(fuzz.ops.map(lambda o: fuzz.mutate(seed, o)),
                     fuzz.json_values.map(lambda v: json.dumps({"agents": v}).encode("utf-8", "surrogatepass"))))
    def run(raw):
        outcomes["ok" if check_trust_file(tmp_path / "trust.json", raw) == "ok" else "refused"] += 1

    run()
    assert check_trust_file(tmp_path / "trust.json", b"[" * 100000) != "ok"     # RecursionError before
    report(evidence_figure, outcomes, started)


def test_supervisor_policy_byte_mutated_and_resigned(evidence_figure):
    """test_policy_fuzz covers structure; here the bytes of a valid document, signed again after each edit."""
    from taltio.domain import policy as pol
    from taltio.domain import sshsig
    from taltio.settings import BY_KEY

    key = Ed25519PrivateKey.generate()
    allowed = [sshsig.public_openssh(key.public_key(), "sup")]
    now = dt.datetime(2025, 6, 1, 12, tzinfo=dt.timezone.utc)
    seed = pol.dump(pol.new_document("org", 3, now - dt.timedelta(days=1), now + dt.timedelta(days=30),
                                     {"privacy.max_private_per_day": 2, "recording.max_pause_seconds": 120}))
    outcomes, started = Counter(), time.monotonic()

    @fuzz_settings(150, 3000)
    @given(fuzz.ops)
    def run(ops):
        raw = fuzz.mutate(seed, ops)
        try:
            with fuzz.no_hang(10):
                pol.verify(raw, pol.sign(raw, key), allowed, 2, now, schema=BY_KEY)
        except pol.PolicyError as exc:
            fuzz.assert_clear(str(exc))
            outcomes["refused"] += 1
        else:
            outcomes["ok"] += 1

    run()
    report(evidence_figure, outcomes, started)


# -- coverage-guided: atheris (libFuzzer) over the same targets ----------------------------------------------

ATHERIS = Path(__file__).parent / "fuzz" / "atheris_parsers.py"


@pytest.mark.parametrize("name", ["config", "trust", "manifest", "ipc"])
def test_atheris_coverage_guided(name, tmp_path, evidence_figure):
    """libFuzzer keeps the inputs that reach new code in taltio's modules and mutates those: it finds branches
    the strategies above do not name. A crash or a broken property exits non-zero with the input saved."""
    import re
    import subprocess
    import sys

    pytest.importorskip("atheris")
    seconds = scale(3, 240)        # CI: 3 s of fuzzing after a start-up of about 5 s
    r = subprocess.run([sys.executable, str(ATHERIS), name, f"-max_total_time={seconds}", "-rss_limit_mb=2048",
                        f"-artifact_prefix={tmp_path}/", "-print_final_stats=1"],
                       capture_output=True, text=True, timeout=seconds + 120)
    saved = sorted(p.name for p in tmp_path.iterdir())
    assert r.returncode == 0, f"atheris {name} failed (inputs saved: {saved}):\n{r.stderr[-4000:]}"
    runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", r.stderr)
    cov = re.findall(r"\bcov: (\d+)", r.stderr)
    assert runs and int(runs.group(1)) > 0, r.stderr[-2000:]
    evidence_figure("executions", int(runs.group(1)))
    evidence_figure("coverage edges", int(cov[-1]) if cov else 0)
    evidence_figure("seconds", seconds)
