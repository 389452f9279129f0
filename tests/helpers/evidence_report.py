"""pytest plugin for the evidence suites: the marker, the figures, and the JSON report.

``--evidence-report PATH`` writes one JSON document: each evidence test's suite, outcome, duration and
the figures it reported. ``scripts/reliability_report.py`` turns it into the table in
docs/reliability.md. Without the option nothing is written and the marker only selects (``-m evidence``).
"""
from __future__ import annotations

import datetime
import json
import platform
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.evidence import SUITES, full

_FIGURES = pytest.StashKey[dict]()
_RESULTS: list[dict[str, Any]] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--evidence-report", metavar="PATH", default=None,
                     help="write the evidence suites' outcomes and figures to PATH (JSON)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "evidence(suite): the test is part of an evidence suite of "
                                       f"docs/reliability.md, one of: {', '.join(SUITES)}")


def _suite(item: pytest.Item) -> str | None:
    mark = item.get_closest_marker("evidence")
    return mark.args[0] if mark and mark.args else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        mark = item.get_closest_marker("evidence")
        if mark is not None and (len(mark.args) != 1 or mark.args[0] not in SUITES):
            raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.evidence takes one suite name, "
                                    f"one of {', '.join(SUITES)}; got {mark.args!r}")


@pytest.fixture
def evidence_figure(request: pytest.FixtureRequest):
    """``evidence_figure("max loss s", 0.71)``: a figure for the report, next to this test's outcome."""
    figures: dict = request.node.stash.setdefault(_FIGURES, {})

    def record(name: str, value: Any) -> None:
        figures[name] = value

    return record


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    suite = _suite(item)
    if suite is None:
        return report
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        _RESULTS.append({"suite": suite, "test": item.nodeid, "outcome": report.outcome,
                         "seconds": round(report.duration, 1), "figures": dict(item.stash.get(_FIGURES, {})),
                         "why": str(report.longrepr).splitlines()[-1][:300] if report.failed else ""})
    return report


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("--evidence-report")
    if not path:
        return
    doc = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "commit": _commit(), "size": "full" if full() else "fast", "machine": platform.platform(),
           "python": platform.python_version(), "results": _RESULTS}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(doc, indent=1) + "\n")
