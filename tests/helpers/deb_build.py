"""The .deb packages tests/test_deb.py checks, and the slow work behind them, started at the session's first test.

Why at the first test: building the two packages (the same frozen tree as two versions, for the upgrade test),
lintian on the 160 MB result and debootstrap of the root they install into took about two minutes that the
module's first test waited for. Started with the session (when test_deb will run), they overlap the modules
that play no audio (tests/helpers/suite_order.py); all of it is niced. The fixtures are session-scoped for
that reason; test_deb's module fixtures build on them.
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.chroot import debootstrap, remove
from tests.helpers.frozen import BackgroundBuild, frozen_app_dist
from tests.helpers.suite_order import module_name

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
BUILD_DEB = LINUX / "build-deb.sh"
# dpkg orders 0.1.0 < 0.1.0+ci2: the same frozen tree packaged again as a newer version.
UPGRADE_SUFFIX = "+ci2"
# Quick compression for CI (xz, the release default, takes minutes on 380 MB); the content is the same.
QUICK = {"DEB_COMPRESS": "gzip", "DEB_COMPRESS_LEVEL": "1"}
TIMES: dict[str, float] = {}
MODULE = "test_deb"


def depends_module() -> ModuleType:
    """installer/linux/depends.py, the generator build-deb.sh runs, loaded to compare against its answer."""
    spec = importlib.util.spec_from_file_location("taltio_deb_depends", LINUX / "depends.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def nice(argv: list[str]) -> list[str]:
    """Background work yields the CPU to the recorder (the recorded-call checks are sensitive to load)."""
    return ["nice", "-n", "19", *argv]


@dataclass(frozen=True)
class Debs:
    old: Path
    new: Path
    version: str
    new_version: str
    log: str


def build_deb(frozen: Path, out: Path, version: str | None = None) -> tuple[Path, str]:
    t = time.monotonic()
    r = subprocess.run(nice([str(BUILD_DEB), str(frozen), str(out), *([version] if version else [])]),
                       capture_output=True, text=True, env={**os.environ, **QUICK}, timeout=600, check=False)
    assert r.returncode == 0, f"build-deb.sh failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
    m = re.search(r"build-deb: (\S+\.deb),", r.stdout)
    assert m, r.stdout
    TIMES[f"build {version or 'default'}"] = time.monotonic() - t
    return Path(m.group(1)), r.stdout


def version_of(deb: Path) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture(scope="session")
def deb_pool() -> Iterator[ThreadPoolExecutor]:
    """The background work; shut down (waiting for it) before the fixtures it feeds are torn down."""
    ex = ThreadPoolExecutor(max_workers=3, thread_name_prefix="deb")
    try:
        yield ex
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def debs_future(deb_pool: ThreadPoolExecutor, frozen_build_in_background: BackgroundBuild | None,
                tmp_path_factory: pytest.TempPathFactory) -> Future:
    out = tmp_path_factory.mktemp("debs")
    frozen_dir = tmp_path_factory.mktemp("frozen-for-debs")

    def both() -> Debs:
        dist = frozen_app_dist(frozen_build_in_background, frozen_dir)
        old, log = build_deb(dist, out)
        version = version_of(old)
        new, log2 = build_deb(dist, out, version + UPGRADE_SUFFIX)
        return Debs(old, new, version, version + UPGRADE_SUFFIX, log + log2)

    return deb_pool.submit(both)


@pytest.fixture(scope="session")
def lintian_future(deb_pool: ThreadPoolExecutor, debs_future: Future) -> Future:
    def run() -> subprocess.CompletedProcess:
        deb = debs_future.result().old
        t = time.monotonic()
        # -I shows informational tags too, so an override that no longer matches anything (unused-override)
        # is seen; the overrides file is the package's own (/usr/share/lintian/overrides/taltio).
        r = subprocess.run(nice(["lintian", "-I", "--tag-display-limit", "0", str(deb)]), capture_output=True,
                           text=True, timeout=600, check=False)
        TIMES["lintian"] = time.monotonic() - t
        return r

    return deb_pool.submit(run)


@pytest.fixture(scope="session")
def root_future(deb_pool: ThreadPoolExecutor) -> Iterator[Future]:
    """debootstrap of the root test_deb installs into; deleted at the end of the session, after debootstrap
    finished even when a test failed."""
    holder = Path(tempfile.mkdtemp(prefix="taltio-deb-root-"))
    fut = deb_pool.submit(debootstrap, holder / "root")
    try:
        yield fut
    finally:
        fut.exception()
        remove(holder)


@pytest.fixture(scope="session", autouse=True)
def deb_work_in_background(request: pytest.FixtureRequest) -> None:
    """Starts the package builds, lintian and debootstrap at the session's first test if test_deb will run."""
    if any(module_name(item) == MODULE for item in request.session.items):
        request.getfixturevalue("root_future")
        request.getfixturevalue("lintian_future")
