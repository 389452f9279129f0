"""The frozen one-folder app (installer/build-frozen.sh, issue 15 point 1) runs: versions, doctor with no network,
the tray on the offscreen platform, one live call recorded by the frozen headless runner and read back by the
frozen taltio-admin, and the review window `taltio-admin review` starts.

The app is built once per session (tests/helpers/frozen.py: frozen_dist); the checks live in that helper so the
.deb test reruns them against the installed copy.
"""
from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest
import soundfile as sf
from taltio.app import about

from tests.helpers.frozen import (
    HeadlessCall,
    Launcher,
    built_commit,
    check_doctor_offline,
    check_speech,
    check_tray_start_and_quit,
    check_version,
    frozen_app,
    record_headless_call,
)
from tests.helpers.world import AGENT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def launcher(frozen_dist) -> Launcher:
    return Launcher.folder(frozen_dist)


@pytest.fixture(scope="module")
def frozen_call(world, launcher) -> HeadlessCall:
    """One call recorded by the frozen headless runner, shared by the recording and the admin tests."""
    return record_headless_call(world, launcher)


def test_both_programs_report_frozen_versions(frozen_dist, launcher):
    commit = built_commit(frozen_dist)
    assert commit, f"no BUILD_COMMIT in {frozen_dist}"
    parts = check_version(launcher, "taltio", commit=commit)
    # BUILD_COMMIT names a real commit of this repository, and the frozen libopus is the wheel's one.
    sha = commit.removesuffix("-dirty")
    assert subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], check=False).returncode == 0, commit
    assert parts["libopus"] == about.libopus_version(), parts
    assert parts["libsndfile"] == about.libsndfile_version(), parts
    admin = check_version(launcher, "taltio-admin", commit=commit)
    assert admin["libopus"] == parts["libopus"] and admin["PySide6"] == parts["PySide6"], admin


def test_doctor_runs_and_reports_with_no_network(world, launcher):
    env = world.app("frozen-doctor").env
    out = check_doctor_offline(launcher, env)
    # The storage endpoint is out of reach with no network at all: reported as a failed check, not a crash.
    assert "[FAIL] storage" in out, out


def test_tray_starts_offscreen_and_quits_cleanly(world, launcher):
    log = check_tray_start_and_quit(frozen_app(world.app("frozen-tray"), launcher))
    assert "control socket at" in log, log


def test_frozen_headless_runner_records_a_live_call(world, frozen_call):
    assert frozen_call.returncode == 0, frozen_call.log
    doc = frozen_call.doc
    assert doc["agent_id"] == AGENT and doc["outcome"] == "recorded" and doc["direction"] == "incoming", doc
    assert "status: notice" in frozen_call.log and "status: recording" in frozen_call.log, frozen_call.log
    assert "+358401234567" not in frozen_call.log, "the customer's number must never be logged"
    n_agent, n_cust = check_speech(world, frozen_call)
    print(f"frozen headless call: speech found agent={n_agent:.0%} customer={n_cust:.0%}")


def test_frozen_admin_verifies_and_fetches_the_call(world, launcher, frozen_call, tmp_path):
    """The supervisor's path with the frozen taltio-admin: pin the workstation key, verify, fetch (decrypt)."""
    s3 = world.s3
    env = {**launcher.environ(), "AWS_ACCESS_KEY_ID": s3.admin_key, "AWS_SECRET_ACCESS_KEY": s3.admin_secret,
           "AWS_ENDPOINT_URL": s3.endpoint, "AWS_DEFAULT_REGION": "us-east-1",
           "TALTIO_TRUST_FILE": str(tmp_path / "trust.json"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    key = frozen_call.workstation_key.split()[:2]
    r = launcher.run("taltio-admin", "trust", "add", AGENT, *key, "--source", "enrollment", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    store = f"s3://{s3.bucket}/agents"
    r = launcher.run("taltio-admin", "verify", "--store", store, frozen_call.call_id, "--json", env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    reports = json.loads(r.stdout)
    assert len(reports) == 1 and reports[0]["ok"], reports
    mkey = next(k for k in s3.list_keys("agents/") if k.endswith(f"{frozen_call.call_id}.manifest.json"))
    out = tmp_path / "call.ogg"
    r = launcher.run("taltio-admin", "fetch", f"s3://{s3.bucket}/{mkey}", "--identity", str(world.org_key),
                     "-o", str(out), env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    data, rate = sf.read(out, dtype="float32", always_2d=True)
    assert rate == frozen_call.rate and np.array_equal(data, frozen_call.rec), "fetched audio differs"


def test_frozen_admin_review_starts_the_review_window_program(launcher, tmp_path):
    """`taltio-admin review` in the frozen app reaches the window's own main (admin/play.py run_review): from
    source it runs `python -m taltio.ui.review`, which the frozen taltio-admin would reject as an option."""
    missing = tmp_path / "no-such-store"
    r = launcher.run("taltio-admin", "review", "--store", f"file://{missing}",
                     env={**launcher.environ(), "QT_QPA_PLATFORM": "offscreen"})
    out = r.stdout + r.stderr
    assert "Traceback" not in out and "unrecognized arguments" not in out and "invalid choice" not in out, out
    assert r.returncode == 1 and out.startswith("taltio-review: "), out
