"""`taltio --version`, `taltio-admin --version` and the head of `taltio doctor`: what IT checks after a rollout.
Each figure is compared with what the library in this process reports, so a wrong lookup fails."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile
import taltio
from taltio.app import about

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)


def _fields(text: str) -> dict[str, str]:
    return dict(line.split(None, 1) for line in text.strip().splitlines()[1:])


def test_taltio_version_names_every_component():
    out = _run("-m", "taltio.cli", "--version")
    assert out.returncode == 0, out.stderr
    head, *_ = out.stdout.splitlines()
    assert head == f"taltio {taltio.__version__}"
    fields = _fields(out.stdout)
    head_commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True, check=False,
                                 text=True).stdout.strip()
    assert fields["commit"].removesuffix("-dirty") == head_commit
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", fields["libopus"]), fields
    assert fields["libsndfile"] == soundfile.__libsndfile_version__
    import PySide6
    assert fields["PySide6"] == PySide6.__version__
    assert fields["frozen"] == "no"


def test_admin_version_is_the_same_and_exits_before_any_command():
    out = _run("-m", "taltio.admin", "--version", "list", "--bucket", "nowhere")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == f"taltio-admin {taltio.__version__}"
    assert _fields(out.stdout) == _fields(_run("-m", "taltio.cli", "--version").stdout)


def test_build_commit_file_wins_over_git(tmp_path, monkeypatch):
    """The frozen app has no .git: it reads what the build wrote."""
    f = tmp_path / "BUILD_COMMIT"
    f.write_text("abc123def456\n")
    monkeypatch.setattr(about, "BUILD_FILE", f)
    assert about.commit() == "abc123def456"


def test_libopus_is_the_copy_ffmpeg_loaded():
    import av  # noqa: F401  (loads libavcodec and with it libopus)

    mapped = [line for line in Path("/proc/self/maps").read_text().splitlines() if "libopus" in line]
    assert mapped, "PyAV's FFmpeg should map libopus"
    assert about.libopus_version() not in ("", "not found")


def test_libopus_is_the_encoders_even_beside_a_system_copy():
    """The system libsndfile maps Debian's libopus 1.3 into the process; the version reported is still the
    one PyAV's FFmpeg encodes with (test_frozen compares the two and failed when a test loaded the other)."""
    import glob
    import os

    system = [p for p in glob.glob("/usr/lib/*/libopus.so.0") if os.path.exists(p)]
    if not system:
        pytest.skip("no system libopus on this machine")
    code = ("import ctypes, sys; ctypes.CDLL(sys.argv[1]); import av; from taltio.app import about; "
            "print(about.libopus_version()); sys.stdout.flush()")
    beside = subprocess.run([sys.executable, "-c", code, system[0]], capture_output=True, text=True, check=True)
    alone = subprocess.run([sys.executable, "-c", code.replace("ctypes.CDLL(sys.argv[1]); ", ""), system[0]],
                           capture_output=True, text=True, check=True)
    assert beside.stdout.strip() == alone.stdout.strip() != "", (beside.stdout, alone.stdout)


def test_doctor_prints_the_version_first(tmp_path):
    env_cfg = tmp_path / "none.toml"
    env_cfg.write_text("")
    out = subprocess.run([sys.executable, "-m", "taltio.cli", "doctor"], capture_output=True, text=True, timeout=120, check=False,
                         cwd=ROOT, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TALTIO_CONFIG": str(env_cfg),
                                        "XDG_RUNTIME_DIR": str(tmp_path)})
    lines = out.stdout.splitlines()
    assert lines[0] == f"taltio {taltio.__version__}", out.stdout + out.stderr
    assert any(line.split()[:1] == ["libopus"] for line in lines[1:9])
