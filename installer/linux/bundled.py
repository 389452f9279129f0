#!/usr/bin/python3
"""The bundled-components paragraph of the .deb's copyright file, read from the frozen folder itself.

Why: the copyright file must say what the package carries besides Taltio, and what the PyInstaller build
bundles changes with every dependency update, so it is listed from the folder at build time: each Python
distribution that kept its .dist-info (name, version, licence from its metadata), then the other top-level
Python packages and the shared libraries, by name. Output is DEP-5 continuation lines (one leading space,
"." for an empty line).

Usage: bundled.py FROZEN_DIR
"""
from __future__ import annotations

import sys
import textwrap
from email.parser import HeaderParser
from pathlib import Path


def _licence(meta: Path) -> str:
    msg = HeaderParser().parsestr(meta.read_text(errors="replace"))
    expr = msg.get("License-Expression")
    if expr:
        return expr.strip()
    lic = (msg.get("License") or "").strip().splitlines()
    if lic and len(lic[0]) < 60:
        return lic[0]
    classifiers = [c.split("::")[-1].strip() for c in msg.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see its .dist-info"


def lines(root: Path) -> list[str]:
    internal = root / "_internal"
    out: list[str] = []
    named: set[str] = set()
    for info in sorted(internal.glob("*.dist-info")):
        meta = info / "METADATA"
        if not meta.is_file():
            continue
        msg = HeaderParser().parsestr(meta.read_text(errors="replace"))
        name, version = msg.get("Name", info.name), msg.get("Version", "?")
        named.add(name.lower().replace("-", "_"))
        out.append(f" {name} {version}: {_licence(meta)}")
    others = sorted(p.name for p in internal.iterdir()
                    if p.is_dir() and not p.name.endswith((".dist-info", ".libs")) and not p.name.startswith("_")
                    and p.name.lower() not in named)
    libs = sorted({p.name.split(".so")[0] for p in internal.glob("*.so*")})
    for title, names in (("Other bundled Python packages (licences in their upstream sources):", others),
                         ("Bundled shared libraries (from the build system's Debian packages or the wheels):", libs)):
        out.append(" .")
        out.append(f" {title}")
        out += [" " + w for w in textwrap.wrap(", ".join(names), 76)]
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: bundled.py FROZEN_DIR", file=sys.stderr)
        return 2
    print("\n".join(lines(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
