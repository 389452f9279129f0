"""Coverage-guided fuzzing (atheris, libFuzzer) of the parsers that take outside input, beside hypothesis.

hypothesis (tests/test_fuzz_parsers.py) builds inputs from strategies; libFuzzer instead keeps every input that
reached new code in taltio's own modules and mutates those further, so it walks into branches no strategy
names. Both drive the same targets (tests/helpers/fuzz_targets.py) with the same property: a clear one-line
error or a valid result, nothing escaping, nothing hanging.

Run as a script, one target per process (libFuzzer owns the process and exits when it is done):

    python tests/fuzz/atheris_parsers.py TARGET [libFuzzer flags, e.g. -runs=20000 -max_total_time=60]

TARGET: ``config`` (the machine settings file), ``trust`` (taltio-admin's trust file), ``manifest`` (a
re-signed manifest through ``taltio-admin fetch`` and ``verify``), ``ipc`` (one control-socket line through
the protocol step into event parsing). tests/test_fuzz_parsers.py::test_atheris_coverage_guided runs each.
A failing input is written where ``-artifact_prefix`` says, and the process exits non-zero.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "desktop"), str(ROOT)]

import atheris  # noqa: E402

with atheris.instrument_imports(include=["taltio"]):
    import taltio.admin.main  # noqa: E402,F401 - instrumented before the targets import them
    import taltio.admin.trust  # noqa: E402,F401
    import taltio.admin.verify  # noqa: E402,F401
    import taltio.app.control  # noqa: E402,F401
    import taltio.domain.events  # noqa: E402,F401
    import taltio.settings  # noqa: E402,F401

from tests.helpers import fuzz  # noqa: E402
from tests.helpers.fuzz_targets import MACHINE_TOML, ConfigTarget, ManifestTarget, check_ipc_line, check_trust_file  # noqa: E402


def ipc_handler(req: dict) -> dict:
    """What the agent's hook command does with a request before the controller: parse it into an event."""
    from taltio.domain.events import CallEvent, EventError

    fields = {k: req.get(k) for k in ("call_id", "number", "label", "queue", "display_name")}
    if not all(v is None or isinstance(v, str) for v in fields.values()) or not isinstance(req.get("event"), str):
        return {"ok": False, "error": "hook request with a field that is not text"}
    try:
        ev = CallEvent.parse(req["event"], **fields)
    except EventError as exc:
        return {"ok": False, "error": str(exc)}
    return {"ok": True, "event": ev.kind.value}


def edited(seed: bytes, raw: bytes) -> bytes:
    """Half the inputs are edits of a valid *seed* (they get past the syntax into the code that reads fields),
    half the fuzzer's raw bytes as they are (the decoder's and tokenizer's edges)."""
    return fuzz.mutate(seed, fuzz.ops_from_bytes(raw[1:])) if raw[:1] < b"\x80" else raw


def target(name: str, work: Path):
    """The one-input function for *name*: raw fuzzer bytes -> the real parser, the property asserted."""
    if name == "config":
        cfg = ConfigTarget(work)
        return lambda raw: cfg.check(edited(MACHINE_TOML, raw))
    if name == "trust":
        from taltio.admin.trust import Registry

        reg = Registry(work / "seed.json")
        reg.add("agent-7", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl", "manual")
        reg.save()
        seed = reg.path.read_bytes()
        return lambda raw: check_trust_file(work / "trust.json", edited(seed, raw))
    if name == "manifest":
        m = ManifestTarget(work)
        seed = m.encode(m.base)
        return lambda raw: m.check(edited(seed, raw))
    if name == "ipc":
        seed = b'{"v": 1, "cmd": "hook", "event": "incoming", "call_id": "c-1", "number": "+358401234567"}'
        return lambda raw: check_ipc_line(edited(seed, raw), ipc_handler)
    raise SystemExit(f"unknown target {name!r}: config, trust, manifest or ipc")


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    name = sys.argv.pop(1)
    work = Path(tempfile.mkdtemp(prefix=f"atheris-{name}-"))
    os.chdir(work)
    one = target(name, work)
    atheris.Setup(sys.argv, lambda raw: one(bytes(raw)))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
