#!/usr/bin/env bash
# installer/linux/build-deb.sh FROZEN_DIR OUTDIR [VERSION]: OUTDIR/taltio_<VERSION>_amd64.deb from the PyInstaller
# one-folder build FROZEN_DIR (installer/build-frozen.sh makes it in OUTDIR/dist/taltio), with plain dpkg-deb.
#
# VERSION defaults to taltio.__version__ (desktop/taltio/__init__.py). It must sort above the installed one for an
# upgrade: a CI rebuild of 0.1.0 is 0.1.0+ci2 (dpkg orders 0.1.0 < 0.1.0+ci2 < 0.1.1; 0.1.0~rc1 < 0.1.0).
# The same frozen tree can be packaged again under another version: nothing here is rebuilt.
#
# What it does, and why:
#  - copies the tree to /opt/taltio (it is self-contained: Python and Qt inside) and normalises permissions
#    (0755 dirs and executables, 0644 everything else); it strips nothing (see below and lintian-overrides);
#  - /usr/bin/taltio and /usr/bin/taltio-admin are absolute symlinks (Debian policy 10.5 across top-level
#    directories): the bootloader finds _internal from /proc/self/exe, so no wrapper script is needed;
#  - the menu entry, the autostart entry (a symlink in /etc/xdg/autostart, see debian/taltio-autostart.desktop),
#    the man pages, the copyright file (bundled components listed by bundled.py) and a changelog;
#  - /etc/taltio/taltio.toml is resources/policy-templates/taltio.toml as generated from the settings schema
#    (scripts/policy_templates.py), shipped as a conffile;
#  - Depends: computed from the tree by depends.py (ldd + ctypes libraries + data files, see there);
#  - DEBIAN/md5sums of every file but the conffiles, root:root ownership (dpkg-deb --root-owner-group).
#
# Environment: DEB_COMPRESS (xz, the default; gzip or zstd for quick CI builds), DEB_COMPRESS_LEVEL,
# DEB_MAINTAINER ("Name <address>"), SOURCE_DATE_EPOCH (default: the last commit's time, for reproducible dates),
# PYTHON3 (a python3 for the helper scripts; they need only the standard library).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PY3=${PYTHON3:-python3}

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 FROZEN_DIR OUTDIR [VERSION]" >&2
    exit 2
fi
FROZEN=$(realpath "$1")
OUTDIR=$(realpath -m "$2")
VERSION=${3:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop/taltio/__init__.py")}
MAINTAINER=${DEB_MAINTAINER:-Taltio maintainers <maintainers@users.noreply.r-seed-c219f911.example>}
COMPRESS=${DEB_COMPRESS:-xz}
LEVEL=${DEB_COMPRESS_LEVEL:-}
start=$(date +%s)

dpkg --validate-version "$VERSION" || { echo "build-deb: '$VERSION' is not a Debian version" >&2; exit 2; }
for f in taltio taltio-admin _internal; do
    [ -e "$FROZEN/$f" ] || { echo "build-deb: $FROZEN/$f is missing; is this a PyInstaller one-folder build?" >&2; exit 2; }
done
TEMPLATE="$ROOT/resources/policy-templates/taltio.toml"
[ -f "$TEMPLATE" ] || { echo "build-deb: $TEMPLATE is missing (scripts/policy_templates.py writes it)" >&2; exit 2; }

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH
COMMIT=$(cat "$FROZEN/_internal/taltio/BUILD_COMMIT" 2>/dev/null || git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

mkdir -p "$OUTDIR"
STAGE=$(mktemp -d "$OUTDIR/.deb-stage.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/taltio"

# -- the program ---------------------------------------------------------------------------------------------
mkdir -p "$PKG/opt"
cp -a "$FROZEN" "$PKG/opt/taltio"
find "$PKG/opt/taltio" -type d -exec chmod 0755 {} +
find "$PKG/opt/taltio" -type f -exec chmod 0644 {} +
chmod 0755 "$PKG/opt/taltio/taltio" "$PKG/opt/taltio/taltio-admin"
# Not stripped, on purpose: the unstripped files are upstream wheel binaries, several rewritten by patchelf
# (auditwheel), and strip corrupts those (measured: a stripped numpy.libs/libscipy_openblas64_*.so no longer
# loads, "ELF load command address/offset not page-aligned"). Stripping all would save a few MB of ~380.

# The frozen build carries DejaVu Sans for the PDF summary (Windows and macOS have none); here the same fonts come
# from fonts-dejavu-core (a Depends), so byte-identical copies become links to it (lintian duplicate-font-file).
for ttf in "$PKG"/opt/taltio/_internal/taltio/resources/fonts/DejaVuSans*.ttf; do
    [ -f "$ttf" ] || continue
    sys_ttf="/usr/share/fonts/truetype/dejavu/$(basename "$ttf")"
    if cmp -s "$ttf" "$sys_ttf"; then
        ln -sf "$sys_ttf" "$ttf"
    fi
done

mkdir -p "$PKG/usr/bin"
ln -s /opt/taltio/taltio "$PKG/usr/bin/taltio"
ln -s /opt/taltio/taltio-admin "$PKG/usr/bin/taltio-admin"

# -- desktop integration -------------------------------------------------------------------------------------
install -D -m 0644 "$HERE/debian/taltio.desktop" "$PKG/usr/share/applications/taltio.desktop"
install -D -m 0644 "$HERE/debian/taltio-autostart.desktop" "$PKG/usr/share/taltio/taltio-autostart.desktop"
mkdir -p "$PKG/etc/xdg/autostart"
ln -s /usr/share/taltio/taltio-autostart.desktop "$PKG/etc/xdg/autostart/taltio.desktop"

# -- machine policy template (a conffile) --------------------------------------------------------------------
install -D -m 0644 "$TEMPLATE" "$PKG/etc/taltio/taltio.toml"

# -- documentation -------------------------------------------------------------------------------------------
DOC="$PKG/usr/share/doc/taltio"
mkdir -p "$DOC" "$PKG/usr/share/man/man1" "$PKG/usr/share/lintian/overrides"
for page in taltio taltio-admin; do
    gzip -9n < "$HERE/debian/$page.1" > "$PKG/usr/share/man/man1/$page.1.gz"
done
DATE_R=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
printf 'taltio (%s) unstable; urgency=medium\n\n  * Taltio %s, built from commit %s.\n\n -- %s  %s\n' \
    "$VERSION" "$VERSION" "$COMMIT" "$MAINTAINER" "$DATE_R" | gzip -9n > "$DOC/changelog.gz"
PYVER=$(find "$FROZEN/_internal" -maxdepth 1 -name 'libpython3*.so*' -printf '%f\n' | sed -n 's/^libpython\(3\.[0-9]*\).*/\1/p' | head -1)
BUNDLED=$("$PY3" "$HERE/bundled.py" "$FROZEN")
YEAR=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
"$PY3" - "$HERE/debian/copyright.in" "$DOC/copyright" "$YEAR" "${PYVER:-3}" "$BUNDLED" <<'EOF'
import sys
src, dst, year, py, bundled = sys.argv[1:]
text = open(src).read().replace("@YEAR@", year).replace("@PYTHON@", py).replace("@BUNDLED@", bundled)
open(dst, "w").write(text)
EOF
chmod 0644 "$DOC/copyright"
install -m 0644 "$HERE/debian/lintian-overrides" "$PKG/usr/share/lintian/overrides/taltio"

# -- control area ---------------------------------------------------------------------------------------------
DEPENDS=$("$PY3" "$HERE/depends.py" "$PKG/opt/taltio")
mkdir -p "$PKG/DEBIAN"
for script in postinst prerm postrm; do
    install -m 0755 "$HERE/debian/$script" "$PKG/DEBIAN/$script"
done
echo /etc/taltio/taltio.toml > "$PKG/DEBIAN/conffiles"
INSTALLED_SIZE=$(du -sk --apparent-size --exclude=DEBIAN "$PKG" | cut -f1)
sed -e "s|@VERSION@|$VERSION|" -e "s|@MAINTAINER@|$MAINTAINER|" -e "s|@INSTALLED_SIZE@|$INSTALLED_SIZE|" \
    -e "s|@DEPENDS@|$DEPENDS|" "$HERE/debian/control.in" > "$PKG/DEBIAN/control"
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | grep -v -x -F 'etc/taltio/taltio.toml' |
    LC_ALL=C sort | xargs -d '\n' md5sum) > "$PKG/DEBIAN/md5sums"
chmod 0644 "$PKG/DEBIAN/control" "$PKG/DEBIAN/conffiles" "$PKG/DEBIAN/md5sums"
find "$PKG" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

DEB="$OUTDIR/taltio_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Z"$COMPRESS" ${LEVEL:+-z"$LEVEL"} --build "$PKG" "$DEB" >/dev/null
echo "build-deb: $DEB, $(stat -c %s "$DEB") bytes, installed size ${INSTALLED_SIZE} KiB, built in $(( $(date +%s) - start )) s"
echo "build-deb: Depends: $DEPENDS"
