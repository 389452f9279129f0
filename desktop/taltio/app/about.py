"""What is installed: Taltio's version and commit, and the versions of the libraries a recording depends on.

IT reads this (`taltio --version`, `taltio-admin --version`, the first lines of `taltio doctor`) to check a
rollout and to quote in a support case, so each part is read from the library that is actually loaded,
not from what pip or the installer says should be there. Reading never fails: a missing library reads
"not found" and the rest is still printed.
"""
from __future__ import annotations

import ctypes
import glob
import importlib
import platform
import subprocess
import sys
from pathlib import Path

import taltio

# Written by installer/build-frozen.sh into the frozen app (and by any packager): the commit it was built from.
BUILD_FILE = Path(taltio.__file__).resolve().parent / "BUILD_COMMIT"


def commit() -> str:
    """The commit this copy was built from: the frozen app's BUILD_COMMIT, else the source checkout's HEAD."""
    try:
        text = BUILD_FILE.read_text(encoding="utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    source = Path(taltio.__file__).resolve().parents[2]
    if not (source / ".git").exists():
        return "unknown"
    try:
        out = subprocess.run(["git", "-C", str(source), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                             text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if out.returncode != 0 or not out.stdout.strip():
        return "unknown"
    dirty = subprocess.run(["git", "-C", str(source), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, timeout=5, check=False).stdout.strip()
    return out.stdout.strip() + ("-dirty" if dirty else "")


def _opus_candidates(av_dir: Path) -> list[str]:
    """Where the wheels put the libopus that FFmpeg links: av.libs (Linux, Windows), av/.dylibs (macOS)."""
    patterns = [av_dir.parent / "av.libs" / "*opus*", av_dir / ".dylibs" / "*opus*", av_dir / "*opus*"]
    found = [p for pat in patterns for p in sorted(glob.glob(str(pat)))]
    if sys.platform.startswith("linux"):
        # The library actually mapped into this process wins over a file that merely lies there; but a system
        # libopus mapped beside the wheel's (the system libsndfile links one) is not the encoder's, so PyAV's
        # own directories come first and any other mapped copy only after them (a distro-built PyAV).
        try:
            maps = Path("/proc/self/maps").read_text()
        except OSError:
            maps = ""
        mapped = sorted({line.split()[-1] for line in maps.splitlines() if "libopus" in line and "/" in line})
        roots = (str(av_dir.parent / "av.libs"), str(av_dir))
        own = [m for m in mapped if m.startswith(roots)]
        found = own + found + [m for m in mapped if m not in own]
    return found


def libopus_version() -> str:
    """libopus's own version string (opus_get_version_string), from the copy PyAV's FFmpeg encodes with."""
    try:
        import av
    except ImportError:
        return "not found (PyAV is not installed)"
    for path in _opus_candidates(Path(av.__file__).resolve().parent):
        try:
            lib = ctypes.CDLL(path)
            fn = lib.opus_get_version_string
        except (OSError, AttributeError):
            continue
        fn.restype = ctypes.c_char_p
        raw = fn()
        if raw:
            return raw.decode("ascii", "replace").removeprefix("libopus ")
    return "not found"


def libsndfile_version() -> str:
    try:
        import soundfile
    except (ImportError, OSError) as exc:
        return f"not found ({exc})"
    return str(getattr(soundfile, "__libsndfile_version__", "unknown"))


def pyside_version() -> str:
    """PySide6's version without loading Qt itself: the app layer imports no Qt (pyproject's contracts), and
    the version is only read here, never used; the package's __init__ is plain Python."""
    try:
        pyside = importlib.import_module("PySide6")
    except ImportError:
        return "not found"
    return str(getattr(pyside, "__version__", "unknown"))


def components() -> list[tuple[str, str]]:
    """(name, version) pairs, Taltio first, in the order `--version` prints them."""
    return [
        ("taltio", taltio.__version__),
        ("commit", commit()),
        ("libopus", libopus_version()),
        ("libsndfile", libsndfile_version()),
        ("PySide6", pyside_version()),
        ("python", sys.version.split()[0]),
        ("platform", f"{sys.platform} {platform.machine()}"),
        ("frozen", "yes" if getattr(sys, "frozen", False) else "no"),
    ]


def version_text(program: str) -> str:
    """The text `PROGRAM --version` prints: one `name version` line per component."""
    parts = components()
    head = f"{program} {parts[0][1]}"
    width = max(len(name) for name, _ in parts[1:])
    return "\n".join([head] + [f"  {name:<{width}}  {value}" for name, value in parts[1:]])
