import logging
import os
import sys
from pathlib import Path

import pytest

# Qt must never need a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

# Shared fixtures: real services on private sockets and free ports.
from tests.fixtures.audio import audio_server, audio_server_module  # noqa: E402,F401
from tests.fixtures.baresip import baresip_factory  # noqa: E402,F401
from tests.fixtures.keyring_daemon import keyring_daemon, keyring_daemon_module  # noqa: E402,F401
from tests.fixtures.s3 import s3_server, s3_server_module  # noqa: E402,F401
from tests.helpers.world import app_factory, world  # noqa: E402,F401
from tests.helpers.recorded import recorded_session  # noqa: E402,F401  (modules ask for `recorded`)
from tests.helpers.frozen import frozen_build_in_background, frozen_dist  # noqa: E402,F401
from tests.helpers.deb_build import (  # noqa: E402,F401
    deb_pool, deb_work_in_background, debs_future, lintian_future, root_future)
from tests.helpers.suite_order import reorder  # noqa: E402

# The evidence suites' marker, report option and hooks (docs/reliability.md).
pytest_plugins = ["tests.helpers.evidence_report"]


# -- log-fail: an ERROR log record the test did not expect fails it ----------------------------------------------
# Like qt_log_level_fail for Qt warnings (pyproject.toml) and qutebrowser's tests/helpers/logfail.py: a record at
# ERROR or above from any logger, during a test's call phase, fails that test and the report lists the records.
# A test that logs errors on purpose says so, scoped to the loggers it expects them from:
#
#     @pytest.mark.expect_log_errors("taltio.queue")          # that logger and its children
#     @pytest.mark.expect_log_errors                           # any logger
#     def test_x(allow_log_errors): allow_log_errors("taltio.upload.s3")   # from here on, in the test body
#
# Records from other processes (the app run as a subprocess) are not seen here; their logs are the test's to read.

_ALLOWED = pytest.StashKey[list]()
_ANY = "<any>"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reorder(items)      # tests/helpers/suite_order.py: what runs beside the frozen build, and what after it


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expect_log_errors(*loggers): the test logs ERROR records on purpose (from these loggers and "
                   "their children; none named: from any); without it such a record fails the test")


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _allowed(name: str, allowed: list[str]) -> bool:
    return any(a == _ANY or name == a or name.startswith(a + ".") for a in allowed)


def _describe(record: logging.LogRecord) -> str:
    try:
        msg = record.getMessage()
    except Exception as exc:  # a bad format string is itself worth seeing
        msg = f"{record.msg!r} % {record.args!r} ({exc})"
    where = f"{record.pathname}:{record.lineno}"
    text = f"{record.levelname} {record.name} [{record.threadName}] {where}: {msg}"
    if record.exc_info and record.exc_info[1] is not None:
        import traceback

        text += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
    elif record.exc_text:
        text += "\n" + record.exc_text
    return text


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item):
    allowed: list[str] = item.stash.setdefault(_ALLOWED, [])
    for mark in item.iter_markers("expect_log_errors"):
        allowed.extend(mark.args or [_ANY])
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        result = yield
    finally:
        root.removeHandler(handler)
    unexpected = [r for r in handler.records if not _allowed(r.name, allowed)]
    if unexpected:
        lines = "\n".join(_describe(r) for r in unexpected)
        pytest.fail(f"{len(unexpected)} unexpected log record(s) at ERROR or above (if the test means to cause "
                    f"them, mark it @pytest.mark.expect_log_errors(<logger>) or call "
                    f"allow_log_errors(<logger>)):\n{lines}", pytrace=False)
    return result


@pytest.fixture
def allow_log_errors(request: pytest.FixtureRequest):
    """``allow_log_errors("taltio.queue", ...)``: ERROR records from these loggers (and children) do not fail the
    test; with no names, from any logger."""
    def allow(*loggers: str) -> None:
        request.node.stash.setdefault(_ALLOWED, []).extend(loggers or [_ANY])

    return allow


# The umask pytest started with: every test starts and ends with it.
_SESSION_UMASK = os.umask(0o022)
os.umask(_SESSION_UMASK)


@pytest.fixture(autouse=True)
def _umask_kept():
    """`taltio` and `taltio-admin` set umask 077 for their whole process (cli/main.py, admin/main.py). A test
    that calls either main() in-process must not hand that umask to the tests after it."""
    os.umask(_SESSION_UMASK)      # also undo a module fixture's main(): its umask would outlive the fixture
    yield
    os.umask(_SESSION_UMASK)
