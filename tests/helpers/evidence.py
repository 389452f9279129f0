"""The evidence suites of docs/reliability.md: one marker, one scale, and the figures each test reports.

A test that belongs to a suite says so with ``@pytest.mark.evidence("crash")`` (or a module's
``pytestmark``). CI runs every suite at its fast size as part of the normal suite; ``scripts/dev evidence
full`` sets TALTIO_EVIDENCE=full, which makes ``scale()`` return the full size (50 kills instead of 5,
200 soak calls instead of 20), and writes the report that docs/reliability.md quotes.

A figure a compliance reader wants to see (the worst crash loss, the RSS growth of a soak) goes through
the ``evidence_figure`` fixture: it lands in the report beside the test's outcome, so the published
numbers are the ones the assertions checked, not numbers copied by hand.
"""
from __future__ import annotations

import os

SUITES = {
    "crash": "kill -9 at random moments: every finished call stored once and verified, the interrupted one recovered",
    "fault": "storage, disk, audio server and device faults: nothing recorded is lost, a clear error, self-recovery",
    "leak": "no private, declined or paused audio, no plaintext audio, no number or secret in clear, anywhere",
    "fuzz": "every parser of outside input: no crash, no hang, no dead thread, a clear error",
    "security": "the local attack surface: other users, file modes, keys and secrets on the workstation",
    "soak": "an accelerated shift, a long call and calls back to back: no growth in memory, descriptors or "
            "threads, no busy idle",
}

ENV = "TALTIO_EVIDENCE"


def full() -> bool:
    """True when the full suites are asked for (scripts/dev evidence full)."""
    return os.environ.get(ENV, "").strip().lower() == "full"


def scale(fast: int, full_size: int) -> int:
    """The size of a repeated trial: `fast` in CI, `full_size` for the published run."""
    return full_size if full() else fast
