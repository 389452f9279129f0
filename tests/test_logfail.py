"""The log-fail hook in tests/conftest.py: an ERROR log record a test does not expect fails it."""
from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

CONFTEST = "from tests.conftest import allow_log_errors, pytest_configure, pytest_runtest_call  # noqa: F401\n"

PLANTED = '''
import logging
import threading

import pytest

log = logging.getLogger("taltio.queue")


def test_error_fails():
    log.error("upload of %s failed", "c1")


def test_error_from_a_thread_fails():
    t = threading.Thread(target=lambda: logging.getLogger("taltio.capture").critical("stream died"))
    t.start()
    t.join()


def test_exception_shows_its_traceback():
    try:
        1 / 0
    except ZeroDivisionError:
        log.exception("while draining")


def test_warning_passes():
    log.warning("retrying")


@pytest.mark.expect_log_errors
def test_marked_any_passes():
    logging.getLogger("anything").error("expected")


@pytest.mark.expect_log_errors("taltio.queue")
def test_marked_logger_and_children_pass():
    log.error("expected")
    logging.getLogger("taltio.queue.worker").error("expected too")


@pytest.mark.expect_log_errors("taltio.queue")
def test_marked_other_logger_fails():
    logging.getLogger("taltio.queuex").error("not the one marked")


def test_fixture_scopes_by_logger(allow_log_errors):
    allow_log_errors("taltio.queue")
    log.error("expected")


def test_fixture_other_logger_fails(allow_log_errors):
    allow_log_errors("taltio.queue")
    logging.getLogger("taltio.upload").error("unexpected")


def test_a_failing_test_keeps_its_own_failure():
    log.error("also logged")
    assert 1 == 2
'''


@pytest.fixture
def run(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_planted=PLANTED)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", "-rf")


def test_unexpected_error_records_fail_and_marked_ones_pass(run):
    run.assert_outcomes(passed=4, failed=6)
    out = run.stdout.str()
    for name in ("test_error_fails", "test_error_from_a_thread_fails", "test_exception_shows_its_traceback",
                 "test_marked_other_logger_fails", "test_fixture_other_logger_fails",
                 "test_a_failing_test_keeps_its_own_failure"):
        assert f"FAILED test_planted.py::{name}" in out, out
    for name in ("test_warning_passes", "test_marked_any_passes", "test_marked_logger_and_children_pass",
                 "test_fixture_scopes_by_logger"):
        assert f"test_planted.py::{name}" not in out.split("short test summary")[-1], out


def test_the_report_names_each_record(run):
    out = run.stdout.str()
    assert "1 unexpected log record(s) at ERROR or above" in out
    assert "ERROR taltio.queue [MainThread]" in out and "upload of c1 failed" in out     # the message, formatted
    assert "CRITICAL taltio.capture [Thread-" in out and "stream died" in out
    assert "ZeroDivisionError: division by zero" in out                                  # log.exception's traceback
    assert "ERROR taltio.upload" in out and "ERROR taltio.queuex" in out
    assert "assert 1 == 2" in out                                          # the test's own failure comes first
