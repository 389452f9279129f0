"""The Linux .deb (issue 15 point 2 and its acceptance): built from the frozen app, lintian-clean, installed with
apt into a fresh debootstrap root (never onto this host), smoke-tested from /usr/bin, upgraded with a queued
recording present, removed and purged.

Why a debootstrap minbase root: apt has to fetch every package ``Depends:`` names into a system that has nothing
else, so a missing dependency fails the install or the smoke checks here instead of on a workstation. Measured on
the CI machine (2 cores): debootstrap 33 s, apt-get install of the package and its 53 dependencies 14 s; lintian
on the 160 MB package takes a minute. The package builds, lintian and debootstrap start in the background (niced) at
the session's first test (tests/helpers/deb_build.py), while the modules that play no audio run.

The app inside the root reaches the test audio server, D-Bus, the keyring and SeaweedFS as on the host: the
session's temporary folder (their sockets) is bind-mounted at the same path in a private mount namespace of each
command (tests/helpers/chroot.py), and the root shares the host's network, so 127.0.0.1 is the same.

The tests share one root and run in file order: install, smoke, upgrade, remove and purge.
"""
from __future__ import annotations

import configparser
import dataclasses
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.fixtures.ports import free_port
from tests.helpers.app_proc import AppProcess
from tests.helpers.chroot import (
    ROOT_PATH,
    Root,
    missing_libraries,
    package_files,
)
from tests.helpers.deb_build import LINUX, TIMES, Debs, depends_module
from tests.helpers.frozen import (
    Launcher,
    built_commit,
    check_doctor_offline,
    check_speech,
    check_tray_start_and_quit,
    check_version,
    frozen_app,
    record_headless_call,
)
from tests.helpers.signals import read_wav
from tests.helpers.speech_match import assert_speech
from tests.helpers.verify import fetch_call, wait_for_keys
from tests.helpers.world import queue_empty, start_recording

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "resources" / "policy-templates" / "taltio.toml"
PACKAGE = "taltio"


@pytest.fixture(scope="module")
def debs(debs_future) -> Debs:
    return debs_future.result(timeout=600)


@pytest.fixture(scope="module")
def root(root_future, tmp_path_factory) -> Root:
    """A fresh bookworm minbase root with the session's temporary folder visible inside."""
    path, took = root_future.result(timeout=600)
    TIMES["debootstrap"] = took
    return Root(path, binds=(tmp_path_factory.getbasetemp().resolve(),))


def _place(root: Root, deb: Path) -> str:
    """The package file inside the root (a hard link when possible: 160 MB need no copy)."""
    inside = f"/tmp/{deb.name}"
    dest = root.host_path(inside)
    if not dest.exists():
        try:
            os.link(deb, dest)
        except OSError:
            shutil.copy2(deb, dest)
    return inside


@pytest.fixture(scope="module")
def installed(root, debs, lintian_future) -> Root:
    """The old version installed with apt (the way IT deploys it), recommends left out so Depends alone count.

    Asks for lintian_future only to start lintian now, in the background, instead of at the last test."""
    t = time.monotonic()
    r = root.apt("install", "--no-install-recommends", _place(root, debs.old))
    TIMES["apt install"] = time.monotonic() - t
    print(r.stdout[-1500:])
    return root


@pytest.fixture(scope="module")
def launcher(installed) -> Launcher:
    """The installed launchers, /usr/bin/taltio and /usr/bin/taltio-admin, run inside the root."""
    return Launcher((*installed.prefix(), "/usr/bin/taltio"), (*installed.prefix(), "/usr/bin/taltio-admin"))


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def _desktop(text: str) -> configparser.SectionProxy:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str          # keys are case-sensitive
    cp.read_string(text)
    return cp["Desktop Entry"]


# -- the package as built ----------------------------------------------------------------------------------
def test_package_fields_and_depends_are_generated_from_the_frozen_tree(debs, frozen_dist):
    deb = debs.old
    assert _field(deb, "Package") == PACKAGE and _field(deb, "Architecture") == "amd64"
    init = (ROOT / "desktop" / "taltio" / "__init__.py").read_text()
    assert debs.version == re.search(r'__version__ = "(.+)"', init).group(1)
    assert subprocess.run(["dpkg", "--compare-versions", debs.new_version, "gt", debs.version],
                          check=False).returncode == 0
    depends = _field(deb, "Depends")
    # The list is the generator's answer for this tree, not a hand-written one.
    assert depends == depends_module().depends(frozen_dist), depends
    names = {d.split()[0] for d in depends.split(", ")}
    bundled = {p.name for p in (frozen_dist / "_internal").rglob("*.so*")}
    # The libraries the issue and the NOTES name: either the build carries them or the package depends on them.
    for pkg, soname in (("libxcb-icccm4", "libxcb-icccm.so.4"), ("libxcb-keysyms1", "libxcb-keysyms.so.1"),
                        ("libportaudio2", "libportaudio.so.2"), ("libxcb1", "libxcb.so.1")):
        assert soname in bundled or pkg in names, f"{soname} is neither bundled nor provided by a Depends"
    assert re.search(r"libc6 \(>= 2\.\d+\)", depends), depends
    print(f"Depends: {depends}\nsize {deb.stat().st_size} bytes, Installed-Size {_field(deb, 'Installed-Size')} KiB")


def test_package_files_ownership_and_modes(debs):
    r = subprocess.run(["dpkg-deb", "-c", str(debs.old)], capture_output=True, text=True, check=True)
    entries: dict[str, tuple[str, str, str]] = {}
    for line in r.stdout.splitlines():
        mode, owner, _size, _date, _time, name, *rest = line.split(None, 6)
        path = name.removeprefix(".")
        entries[path.rstrip("/") or "/"] = (mode, owner, rest[0] if rest else "")
    assert {owner for _m, owner, _t in entries.values()} == {"root/root"}
    executables = {"/opt/taltio/taltio", "/opt/taltio/taltio-admin"}
    for path, (mode, _o, target) in entries.items():
        if mode.startswith("d"):
            assert mode == "drwxr-xr-x", (path, mode)
        elif mode.startswith("l"):
            # Policy 10.5: absolute across top-level directories, relative within one (the bundle's own links).
            dest = target.removeprefix("-> ")
            if not dest.startswith("/"):
                dest = os.path.normpath(os.path.join(os.path.dirname(path), dest))
                assert dest.split("/")[1] == path.split("/")[1], (path, target)
        else:
            assert mode == ("-rwxr-xr-x" if path in executables else "-rw-r--r--"), (path, mode)
    assert entries["/usr/bin/taltio"][2] == "-> /opt/taltio/taltio"
    assert entries["/usr/bin/taltio-admin"][2] == "-> /opt/taltio/taltio-admin"
    assert entries["/etc/xdg/autostart/taltio.desktop"][2] == "-> /usr/share/taltio/taltio-autostart.desktop"
    for path in ("/usr/share/applications/taltio.desktop", "/etc/taltio/taltio.toml", "/usr/share/doc/taltio/copyright",
                 "/usr/share/doc/taltio/changelog.gz", "/usr/share/man/man1/taltio.1.gz",
                 "/usr/share/lintian/overrides/taltio"):
        assert path in entries, path
    info = subprocess.run(["dpkg-deb", "-I", str(debs.old)], capture_output=True, text=True, check=True).stdout
    for member in ("md5sums", "conffiles", "postinst", "prerm", "postrm"):
        assert re.search(rf"^\s+\d+ bytes,\s+\d+ lines\s+\*?\s*{member}\b", info, re.MULTILINE), (member, info)
    conffiles = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(debs.old)], capture_output=True, check=True).stdout
    assert b"conffiles" in conffiles


def test_desktop_and_autostart_entries(debs, tmp_path):
    with open(tmp_path / "f.tar", "wb") as fh:
        subprocess.run(["dpkg-deb", "--fsys-tarfile", str(debs.old)], check=True, stdout=fh)
    subprocess.run(["tar", "-xf", "f.tar", "./usr/share/applications/taltio.desktop",
                    "./usr/share/taltio/taltio-autostart.desktop", "./etc/taltio/taltio.toml"], cwd=tmp_path, check=True)
    menu = _desktop((tmp_path / "usr/share/applications/taltio.desktop").read_text())
    auto = _desktop((tmp_path / "usr/share/taltio/taltio-autostart.desktop").read_text())
    for entry in (menu, auto):
        assert entry["Type"] == "Application" and entry["Exec"] == "/usr/bin/taltio run", dict(entry)
        assert entry["TryExec"] == "/usr/bin/taltio" and entry["StartupNotify"] == "false", dict(entry)
    # Started in every desktop (a desktop left out would record nothing), switchable off per user in GNOME.
    assert "OnlyShowIn" not in auto and "NotShowIn" not in auto, dict(auto)
    assert auto["X-GNOME-Autostart-enabled"] == "true" and auto["NoDisplay"] == "true", dict(auto)
    # The conffile is the template generated from the settings schema, byte for byte.
    assert (tmp_path / "etc/taltio/taltio.toml").read_bytes() == TEMPLATE.read_bytes()


# -- installed into a fresh root ------------------------------------------------------------------------------
def test_apt_installs_it_into_a_fresh_debootstrap_root(installed, frozen_dist):
    r = installed.dpkg("-s", PACKAGE)
    assert "Status: install ok installed" in r.stdout, r.stdout
    # Every installed file matches the package's md5sums.
    verify = installed.dpkg("--verify", PACKAGE, check=False)
    assert verify.returncode == 0 and not verify.stdout.strip(), verify.stdout + verify.stderr
    # With only Depends installed, every library of every ELF file resolves (as the bootloader searches) ...
    assert missing_libraries(installed, "/opt/taltio", "/opt/taltio/_internal") == []
    # ... and so does each library the Python code opens with ctypes, bundled or from a dependency.
    cache = installed.run("/sbin/ldconfig", "-p").stdout
    bundled = {p.name for p in installed.host_path("/opt/taltio").rglob("*.so*")}
    for soname in depends_module().CTYPES_SONAMES:
        stem = soname.split(".so")[0]
        ok = soname in bundled or soname in cache or any(n.startswith((stem + "_", stem + "-")) for n in bundled)
        assert ok, f"{soname}: not bundled and not installed in the root"
    assert installed.host_path("/etc/taltio/taltio.toml").read_bytes() == TEMPLATE.read_bytes()
    assert os.readlink(installed.host_path("/usr/bin/taltio")) == "/opt/taltio/taltio"


def test_installed_app_passes_the_frozen_smoke_checks(world, launcher, frozen_dist):
    t = time.monotonic()
    commit = built_commit(frozen_dist)
    check_version(launcher, "taltio", commit=commit)
    check_version(launcher, "taltio-admin", commit=commit)
    out = check_doctor_offline(launcher, world.app("deb-doctor").env)
    assert "[FAIL] storage" in out, out
    log = check_tray_start_and_quit(frozen_app(world.app("deb-tray"), launcher))
    assert "control socket at" in log, log
    call = record_headless_call(world, launcher, name="deb-headless")
    assert call.returncode == 0, call.log
    assert call.doc["outcome"] == "recorded", call.doc
    n_agent, n_cust = check_speech(world, call)
    TIMES["smoke"] = time.monotonic() - t
    print(f"installed headless call: speech found agent={n_agent:.0%} customer={n_cust:.0%}")


def _queued_call(world, launcher: Launcher, name: str, call_id: str) -> tuple[AppProcess, int]:
    """A real call recorded by the installed tray app while storage is unreachable (a port nobody listens on),
    so it stays in the queue. Returns the app, still running, and its queue's pending count."""
    app = frozen_app(world.app(name, endpoint=f"http://127.0.0.1:{free_port()}"), launcher)
    app.start()
    start_recording(app, call_id)
    world.audio.play_mic(world.agent_wav).wait(timeout=60)
    app.hook("ended", call_id)
    st = app.wait_for(lambda s: not s.get("calls") and s.get("queue", {}).get("pending", 0) >= 1, timeout=30,
                      what="the ended call queued")
    return app, st["queue"]["pending"]


def test_upgrade_keeps_a_queued_recording_which_the_new_version_uploads(world, installed, launcher, debs):
    t = time.monotonic()
    call_id = "deb-upgrade-1"
    old, pending = _queued_call(world, launcher, "deb-queued", call_id)
    try:
        # Upgrade with the old tray still running: it is listed, not stopped (it could be recording a call).
        r = installed.apt("install", "--no-install-recommends", _place(installed, debs.new))
        assert f"pid {old.proc.pid} " in r.stdout and "were not stopped" in r.stdout, r.stdout
        assert installed.dpkg("-s", PACKAGE).stdout.count(f"Version: {debs.new_version}") == 1
        assert old.status() is not None, f"the running app stopped answering during the upgrade\n{old.log_tail()}"
    finally:
        old.stop()
    old_log = old.logs[-1].read_text(errors="replace")
    assert old.proc.returncode == 0 and "Traceback" not in old_log, old_log[-3000:]
    # The new version finds the recording still queued (storage still unreachable, so nothing uploads) ...
    still = frozen_app(dataclasses.replace(old, logs=[]), launcher)
    try:
        still.start()
        st = still.wait_for(lambda s: "queue" in s, timeout=20, what="the new version's queue")
        assert st["queue"].get("pending") == pending, (pending, st["queue"])
    finally:
        still.stop()
    # ... and uploads it once storage is reachable again.
    new = frozen_app(world.app("deb-queued"), launcher)
    try:
        new.start()
        new.wait_for(queue_empty, timeout=60, what="the queued call uploaded by the new version")
        wait_for_keys(world.s3, lambda ks: any(call_id in k and k.endswith(".manifest.json") for k in ks), timeout=30)
        signer = new.status()["workstation_key"]
    finally:
        new.stop()
    doc, rec, rate = fetch_call(world.s3, call_id, new.workdir / "verify", world.org_key, signer)
    assert doc["outcome"] == "recorded" and rec is not None, doc
    assert_speech(rec[:, 0], read_wav(world.agent_wav)[0], rate, f"the queued call's agent speech (gaps {doc.get('gaps')})")
    TIMES["upgrade"] = time.monotonic() - t


def test_remove_then_purge_leave_only_what_they_should(installed):
    owned = package_files(installed, PACKAGE)
    assert "/opt/taltio/taltio" in owned and "/etc/taltio/taltio.toml" in owned
    # A user's own data, made by the installed app itself (doctor creates the data directory) in a home inside
    # the root, and an IT drop-in beside the shipped template.
    home = "/home/agent"
    installed.run("mkdir", "-p", home)
    installed.run("/usr/bin/taltio", "doctor", check=False,
                  env={"PATH": ROOT_PATH, "HOME": home, "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"})
    user_data = installed.host_path(f"{home}/.local/share/Taltio")
    assert user_data.is_dir(), "the app made no data directory"
    installed.host_path("/etc/taltio/50-storage.toml").write_text('[storage]\nurl = "s3://bucket/agents"\n')
    conffile = installed.host_path("/etc/taltio/taltio.toml")
    conffile.write_text(conffile.read_text() + "\n[agent]\n# edited by IT\n")
    edited = conffile.read_bytes()

    installed.apt("remove", PACKAGE)
    assert "Status: deinstall ok config-files" in installed.dpkg("-s", PACKAGE).stdout
    for path in owned:
        p = installed.host_path(path)
        if path in ("/etc/taltio", "/etc/taltio/taltio.toml"):
            continue
        if path.startswith(("/opt/taltio", "/usr/share/taltio", "/usr/share/doc/taltio")) or not p.is_dir():
            assert not os.path.lexists(p), f"{path} is left after remove"
    assert not os.path.lexists(installed.host_path("/etc/xdg/autostart/taltio.desktop"))
    assert conffile.read_bytes() == edited, "remove must keep the (edited) conffile"
    assert installed.host_path("/etc/taltio/50-storage.toml").exists()

    r = installed.apt("purge", PACKAGE)
    assert "kept on purpose" in r.stdout, r.stdout
    listed = installed.dpkg("-l", PACKAGE, check=False)
    assert listed.returncode != 0 or not re.search(rf"^\S+\s+{PACKAGE}\s", listed.stdout, re.MULTILINE), listed.stdout
    assert not os.path.lexists(installed.host_path("/etc/taltio")), "purge must remove /etc/taltio"
    assert user_data.is_dir() and any(user_data.iterdir()), "purge must keep the users' data"
    # Nothing named after the package is left anywhere in the root but the user's data and our package files.
    left = installed.run("find", "/", "-xdev", "-iname", "*taltio*", "-not", "-path", "/tmp/*",
                         "-not", "-path", f"{home}/*", "-not", "-path", "/proc/*").stdout.split()
    assert left == [], left


def test_lintian_is_clean_apart_from_the_justified_overrides(lintian_future):
    r = lintian_future.result(timeout=600)
    shown = [line for line in r.stdout.splitlines() if re.match(r"^[EW]: ", line)]
    unused = [line for line in r.stdout.splitlines() if "unused-override" in line or "mismatched-override" in line]
    print(f"lintian took {TIMES.get('lintian', 0):.0f} s; timings: "
          + ", ".join(f"{k} {v:.0f} s" for k, v in TIMES.items()))
    assert r.returncode == 0 and not shown and not unused, r.stdout[-6000:] + r.stderr[-2000:]
    # Every override carries its reason: a comment right above each override line (or its group).
    lines = (LINUX / "debian" / "lintian-overrides").read_text().splitlines()
    for i, line in enumerate(lines):
        if line and not line.startswith("#"):
            j = i - 1
            while j >= 0 and lines[j] and not lines[j].startswith("#"):
                j -= 1
            assert j >= 0 and lines[j].startswith("#"), f"override without a reason: {line}"
