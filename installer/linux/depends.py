#!/usr/bin/python3
"""The .deb's ``Depends:``, worked out from the frozen one-folder build instead of written by hand.

Why generated: the PyInstaller build bundles Python and most libraries, but not all of them (it leaves out
libc, the GL/EGL/DRM driver stack, libxcb and the Wayland client libraries on purpose, and whatever was not
installed on the build host), and what it leaves out changes whenever the build or its hooks change. A hand
list would drift; this one is computed on every build and tests/test_deb.py proves it complete by installing
the package with apt into a bare debootstrap root and running the app there.

Three sources, each printed with ``--explain``:

1. ``ldd`` of every ELF file in the folder, with ``LD_LIBRARY_PATH`` set to ``_internal`` as the PyInstaller
   bootloader sets it at run time. A library resolved outside the folder comes from the system: ``dpkg-query
   -S`` names its package. A library not found at all fails the build (install its package on the build host
   or bundle it).
2. The libraries the Python code opens with ctypes (not visible to ldd): when the build did not bundle one,
   the system copy's package is a dependency.
3. Files, not libraries, that the code needs from the system (fonts, CA certificates), each with its reason.

The libc6 version is the highest ``GLIBC_x.y`` symbol version any ELF file in the folder requires.

Usage: depends.py FROZEN_DIR [--explain]   (prints the Depends value; --explain adds why, to stderr)
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# ctypes.util.find_library / CDLL in the bundled Python packages (sounddevice, pulsectl, pasimple, soundfile).
CTYPES_SONAMES: dict[str, str] = {
    "libportaudio.so.2": "sounddevice (the PortAudio backend, device enumeration)",
    "libpulse.so.0": "pulsectl (device ids and hot-plug events from PipeWire/PulseAudio)",
    "libpulse-simple.so.0": "pasimple (capture from PipeWire/PulseAudio)",
    "libsndfile.so.1": "soundfile (unless its wheel's _soundfile_data copy is bundled)",
}

# Packages for files the app reads from the system, with the code that reads them.
DATA_DEPENDS: dict[str, str] = {
    "fonts-dejavu-core": "taltio-admin export embeds DejaVu Sans in the customer's PDF (admin/summary.py), and Qt "
                         "needs at least one font to draw the tray menu and the call card",
    "fontconfig-config": "/etc/fonts/fonts.conf, read by the bundled libfontconfig so Qt finds the fonts",
    "ca-certificates": "the OS trust store used for HTTPS to S3 (truststore, adapters/storage/network.py)",
}

GLIBC = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")


def elf_files(root: Path) -> list[Path]:
    """Every regular ELF file in the frozen folder (executables, extension modules, shared libraries)."""
    out: list[Path] = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            if p.is_symlink() or not p.is_file():
                continue
            with open(p, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(p)
    return sorted(out)


def _runtime_env(root: Path) -> dict[str, str]:
    """The library search path the bootloader gives the frozen app (sys._MEIPASS = _internal)."""
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = str(root / "_internal")
    return env


def ldd_system_libs(root: Path, files: list[Path]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(system library path -> users, missing soname -> users), as the dynamic loader resolves them at run time."""
    system: dict[str, set[str]] = {}
    missing: dict[str, set[str]] = {}
    env = _runtime_env(root)
    root_s = str(root.resolve())
    for i in range(0, len(files), 64):
        batch = files[i:i + 64]
        r = subprocess.run(["ldd", *map(str, batch)], capture_output=True, text=True, env=env, check=False)
        current = ""
        for line in r.stdout.splitlines():
            if not line.startswith(("\t", " ")) and line.endswith(":"):
                current = str(Path(line[:-1]).relative_to(root))
                continue
            if len(batch) == 1:
                current = str(batch[0].relative_to(root))
            line = line.strip()
            if "=> not found" in line:
                missing.setdefault(line.split()[0], set()).add(current)
            elif "=>" in line:
                path = line.split("=>", 1)[1].split("(")[0].strip()
                if path and not os.path.realpath(path).startswith(root_s + os.sep):
                    system.setdefault(path, set()).add(current)
            elif line.startswith("/"):                       # the dynamic loader itself
                system.setdefault(line.split()[0], set()).add(current)
    return system, missing


def ctypes_system_libs(root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The ctypes-loaded libraries the build did not bundle: (system path -> why, missing soname -> why)."""
    bundled = {p.name for p in root.rglob("*.so*")}
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    system: dict[str, set[str]] = {}
    missing: dict[str, set[str]] = {}
    stem = {s: s.split(".so")[0] for s in CTYPES_SONAMES}
    for soname, why in CTYPES_SONAMES.items():
        if soname in bundled or any(n.startswith((stem[soname] + "_", stem[soname] + "-"))
                                    for n in bundled):
            continue
        m = re.search(rf"^\s*{re.escape(soname)} \(libc6,x86-64\) => (\S+)$", cache, re.MULTILINE)
        (system if m else missing).setdefault(m.group(1) if m else soname, set()).add(f"ctypes: {why}")
    return system, missing


def owning_package(path: str) -> str | None:
    """The Debian package that ships *path* (trying the merged-/usr spellings dpkg may know it by)."""
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):
        if p.startswith("/usr/"):
            candidates.append(p[4:])
        else:
            candidates.append("/usr" + p)
    for p in dict.fromkeys(candidates):
        r = subprocess.run(["dpkg-query", "-S", p], capture_output=True, text=True, check=False)
        for line in r.stdout.splitlines():
            if line.startswith("diversion by"):
                continue
            pkg = line.split(":", 1)[0].split(",")[0].strip()
            if pkg:
                return pkg
    return None


def glibc_floor(files: list[Path]) -> str | None:
    """The highest GLIBC_x.y symbol version required by any file: the libc6 the package needs at least."""
    best: tuple[int, ...] = ()
    for i in range(0, len(files), 64):
        r = subprocess.run(["readelf", "-V", "-W", *map(str, files[i:i + 64])], capture_output=True, text=True,
                           check=False)
        for m in GLIBC.finditer(r.stdout):
            v = tuple(int(x) for x in m.group(1).split("."))
            best = max(best, v)
    return ".".join(map(str, best)) if best else None


def depends(root: Path, explain: bool = False) -> str:
    """The Depends value for the frozen folder *root*; raises SystemExit naming any library nobody provides."""
    files = elf_files(root)
    if not files:
        raise SystemExit(f"{root}: no ELF files; is this a PyInstaller one-folder build?")
    system, missing = ldd_system_libs(root, files)
    c_system, c_missing = ctypes_system_libs(root)
    for k, v in c_system.items():
        system.setdefault(k, set()).update(v)
    for k, v in c_missing.items():
        missing.setdefault(k, set()).update(v)
    if missing:
        lines = [f"  {so} (needed by {', '.join(sorted(users)[:3])})" for so, users in sorted(missing.items())]
        raise SystemExit("libraries neither bundled nor installed on the build host, so no package can be named "
                         "for them (install them here, or bundle them):\n" + "\n".join(lines))
    packages: dict[str, list[str]] = {}
    unowned: list[str] = []
    for path, users in sorted(system.items()):
        pkg = owning_package(path)
        if pkg is None:
            unowned.append(path)
            continue
        packages.setdefault(pkg, []).append(f"{path} ({', '.join(sorted(users)[:2])}{', ...' if len(users) > 2 else ''})")
    if unowned:
        raise SystemExit("system libraries the app loads that no installed package owns: " + ", ".join(unowned))
    for pkg, why in DATA_DEPENDS.items():
        packages.setdefault(pkg, []).append(f"data: {why}")
    glibc = glibc_floor(files)
    names = sorted(packages)
    rendered = [f"libc6 (>= {glibc})" if n == "libc6" and glibc else n for n in names]
    if explain:
        for n in names:
            print(f"{n}:", file=sys.stderr)
            for why in packages[n]:
                print(f"    {why}", file=sys.stderr)
        if glibc:
            print(f"libc6 (>= {glibc}): the highest GLIBC symbol version the folder's ELF files require",
                  file=sys.stderr)
    return ", ".join(rendered)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    print(depends(Path(args[0]).resolve(), explain="--explain" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
