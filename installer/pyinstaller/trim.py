"""What goes into the frozen app besides what PyInstaller's analysis finds, and what comes out of it.

Imported by taltio.spec. Every exclusion here was measured (docs/performance.md, "Frozen app") and the smoke
test (tests/test_frozen.py) runs what is left; whatever could not be shown unused stays in.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

Toc = list[tuple[str, str, str]]

# Our datas: (source, folder inside _internal). taltio.resources is found by importlib.resources under
# _internal/taltio/resources (PyInstaller's frozen resource reader), as the wheel's package-data has it.
RESOURCE_GLOBS = ("notices/*.txt", "policy-templates/*.*", "policy-templates/*/*.adml")
UI_LANGUAGES = ("fi", "sv", "en")
# The PDF summary's font (admin/summary.py, font_files). Linux has it from fonts-dejavu-core; Windows and macOS
# have no DejaVu, so the app carries one copy in _internal/taltio/resources/fonts; summary.py FONT_DIRS does not
# look there yet (a one-line change in admin/summary.py, outside this build).
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

EXCLUDES: list[str] = ["tkinter", "_tkinter"]


def _font_dir() -> Path | None:
    for d in FONT_DIRS:
        if all((d / f).is_file() for f in FONTS):
            return d
    return None


def our_datas(root: Path, env: Mapping[str, str]) -> list[tuple[str, str]]:
    """Resources, the compiled translations and BUILD_COMMIT, from the paths build-frozen.sh passes in *env*.

    The .qm files come from the build's own work folder, compiled from the .ts at this commit, so a stale .qm
    in the checkout cannot ship; a missing BUILD_COMMIT or .qm fails the build instead of shipping without it.
    """
    res = root / "resources"
    datas = []
    for pattern in RESOURCE_GLOBS:
        for src in sorted(res.glob(pattern)):
            datas.append((str(src), str(Path("taltio/resources") / src.parent.relative_to(res))))
    qm_dir = Path(env["TALTIO_QM_DIR"])
    for lang in UI_LANGUAGES:
        qm = qm_dir / f"taltio_{lang}.qm"
        if not qm.is_file():
            raise SystemExit(f"taltio.spec: {qm} is missing (run installer/build-frozen.sh)")
        datas.append((str(qm), "taltio/resources/translations"))
    commit = Path(env["TALTIO_BUILD_COMMIT_FILE"])
    if not commit.read_text(encoding="utf-8").strip():
        raise SystemExit(f"taltio.spec: {commit} is empty")
    datas.append((str(commit), "taltio"))
    fonts = _font_dir()
    if fonts is not None:
        datas += [(str(fonts / f), "taltio/resources/fonts") for f in FONTS]
    elif sys.platform.startswith("linux"):
        raise SystemExit("taltio.spec: no DejaVu Sans to bundle: install fonts-dejavu-core")
    return datas


# Qt plugins PyInstaller's Qt hooks collect for QtGui/QtWidgets/QtNetwork that Taltio never loads, by their
# path under PySide6/Qt/plugins. Kept: platforms xcb, wayland, offscreen, minimal (and windows, cocoa);
# xdgdesktopportal; svg icons and images; tls and networkinformation (QNetworkInformation tells uploads
# when the network is back); the input contexts (compose, ibus: typing a label or a reason).
UNUSED_QT_PLUGINS = (
    # GTK3 look: pulls GTK, cairo, pango, harfbuzz, atk and X extension libraries from the build machine
    # (17 MB) into a folder that then runs beside a different system GTK; Qt falls back to xdgdesktopportal.
    "platformthemes/libqgtk3",
    # Framebuffer, KMS, VNC and Vulkan display platforms: kiosks without X or Wayland run `--headless`.
    "platforms/libqlinuxfb", "platforms/libqvnc", "platforms/libqvkkhrdisplay", "platforms/libqeglfs",
    "platforms/libqminimalegl", "egldeviceintegrations/",
    # evdev / TUIO input for those framebuffer platforms.
    "generic/",
    # Raster formats: the app paints its icons; the only images it loads are none.
    "imageformats/libqjpeg", "imageformats/libqwebp", "imageformats/libqtiff", "imageformats/libqicns",
    "imageformats/libqgif", "imageformats/libqico", "imageformats/libqtga", "imageformats/libqwbmp",
    "imageformats/qjpeg", "imageformats/qwebp", "imageformats/qtiff", "imageformats/qicns", "imageformats/qgif",
    "imageformats/qico", "imageformats/qtga", "imageformats/qwbmp",
)
# Loaded by name through ctypes (sounddevice, soundfile, pulsectl, pasimple), so no other file's import table
# names them: pruning must never treat them as orphans.
CTYPES_LIBS = ("libportaudio", "libpulse", "libasound", "libsndfile", "libopus", "portaudio")
# Qt's own translations i18n.install loads: qtbase_<lang> (the qt_<lang> catalogues only include it and the
# other modules'), for Taltio's UI languages; English needs none.
QT_TRANSLATIONS = tuple(f"qtbase_{lang}.qm" for lang in UI_LANGUAGES if lang != "en")
# botocore's service models: the S3 client, and what the AWS credential chain may create (AssumeRole: sts;
# SSO profiles: sso, sso-oidc; `aws login`: signin). The ~440 other services' models are 22 MB of JSON.
BOTOCORE_SERVICES = ("s3", "sts", "sso", "sso-oidc", "signin")


def _qt_plugin(dest: str) -> str | None:
    parts = Path(dest).as_posix().split("/plugins/", 1)
    return parts[1] if len(parts) == 2 and "PySide6" in parts[0] else None


def _imports(path: str) -> set[str]:
    from PyInstaller.depend import bindepend

    try:
        return {name for name, _ in bindepend.get_imports(path)}
    except Exception:  # noqa: BLE001 - an unreadable file keeps everything it might need
        return {"*"}


def _orphans(kept: Toc, dropped: Toc) -> set[str]:
    """Libraries only the dropped plugins needed: their dependencies, transitively, that nothing kept needs.

    Only those: a library nothing imports may still be loaded by ctypes (CTYPES_LIBS) or dlopen."""
    candidates: set[str] = set()
    todo = [src for _, src, _ in dropped]
    by_name = {Path(dest).name: src for dest, src, _ in kept}
    while todo:
        for name in _imports(todo.pop()):
            if name in by_name and name not in candidates and not name.startswith(CTYPES_LIBS):
                candidates.add(name)
                todo.append(by_name[name])
    needed: set[str] = set()
    for dest, src, _ in kept:
        if Path(dest).name not in candidates:
            needed |= _imports(src)
    frontier = candidates & needed      # a candidate a kept file needs keeps what it needs in turn
    while frontier:
        more = _imports(by_name[frontier.pop()]) - needed
        needed |= more
        frontier |= more & candidates
    return candidates - needed


def binaries(toc: Iterable[tuple[str, str, str]]) -> Toc:
    """The shared libraries and plugins minus UNUSED_QT_PLUGINS and the libraries only they needed."""
    kept: Toc = []
    dropped: Toc = []
    for entry in toc:
        plugin = _qt_plugin(entry[0])
        (dropped if plugin and plugin.startswith(UNUSED_QT_PLUGINS) else kept).append(entry)
    orphans = _orphans(kept, dropped)
    return [e for e in kept if Path(e[0]).name not in orphans]


def datas(toc: Iterable[tuple[str, str, str]]) -> Toc:
    """The data files minus Qt translations Taltio never loads and botocore models of services it never calls."""
    out: Toc = []
    for dest, src, kind in toc:
        p = Path(dest).as_posix()
        if "PySide6/Qt/translations/" in p and Path(p).name not in QT_TRANSLATIONS:
            continue
        if p.startswith("botocore/data/") and p.count("/") > 2 and p.split("/")[2] not in BOTOCORE_SERVICES:
            continue
        out.append((dest, src, kind))
    return out
