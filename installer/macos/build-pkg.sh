#!/usr/bin/env bash
# installer/macos/build-pkg.sh [APP] [OUTDIR]: the product pkg OUTDIR/Taltio-VERSION.pkg (default OUTDIR:
# build/macos, gitignored) from the PyInstaller bundle APP (default build/frozen/dist/Taltio.app, made by
# installer/build-frozen.sh on a Mac). Unsigned: sign-and-notarize.sh signs the app BEFORE this script
# (codesign) and the pkg AFTER it (productsign, notarytool, stapler); see README.md for the order.
#
# What it builds:
#   1. a component pkg (pkgbuild) with identifier fi.taltio.Taltio.pkg installing Taltio.app to /Applications,
#      non-relocatable (component.plist), with the scripts preinstall (upgrade: waits for calls to end, stops
#      the old app cleanly), postinstall (installs the all-users LaunchAgent /Library/LaunchAgents/
#      fi.taltio.Taltio.plist and starts Taltio in open GUI sessions) and their common.sh;
#   2. the product pkg (productbuild) from distribution.xml.in: per-machine, no choices, macOS >= the
#      bundle's LSMinimumSystemVersion, for the executable's architectures.
#
# --stage-only: do everything up to (not including) pkgbuild and productbuild, and print the staging folder.
# That part also runs on Linux (tests/test_macos_packaging.py runs it on a fake bundle); pkgbuild and
# productbuild exist only on macOS.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

# The names the spec's BUNDLE produces (installer/pyinstaller/taltio.spec) and the LaunchAgent points to;
# the test checks all three against the spec and the LaunchAgent.
BUNDLE_ID=fi.taltio.Taltio
APP_NAME=Taltio.app
EXECUTABLE=taltio
PKG_ID=fi.taltio.Taltio.pkg
INSTALL_LOCATION=/Applications

# macOS's realpath has no -m (and /bin/bash is 3.2): make paths absolute by hand.
abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

STAGE_ONLY=0
if [ "${1:-}" = "--stage-only" ]; then STAGE_ONLY=1; shift; fi
APP=$(abspath "${1:-$ROOT/build/frozen/dist/$APP_NAME}")
OUT=$(abspath "${2:-$ROOT/build/macos}")

die() { echo "build-pkg: $*" >&2; exit 1; }

# plist_get FILE KEY: a top-level string from a plist, with the tool each OS has.
plist_get() {
    if [ -x /usr/libexec/PlistBuddy ]; then
        /usr/libexec/PlistBuddy -c "Print :$2" "$1"
    else
        python3 -c 'import plistlib, sys; print(plistlib.load(open(sys.argv[1], "rb"))[sys.argv[2]])' "$1" "$2"
    fi
}

[ -d "$APP" ] || die "no app bundle at $APP (run installer/build-frozen.sh on a Mac first)"
INFO="$APP/Contents/Info.plist"
[ -f "$INFO" ] || die "$INFO is missing"
[ "$(plist_get "$INFO" CFBundleIdentifier)" = "$BUNDLE_ID" ] || die "$INFO: CFBundleIdentifier is not $BUNDLE_ID"
[ "$(plist_get "$INFO" CFBundleExecutable)" = "$EXECUTABLE" ] || die "$INFO: CFBundleExecutable is not $EXECUTABLE"
[ -x "$APP/Contents/MacOS/$EXECUTABLE" ] || die "$APP/Contents/MacOS/$EXECUTABLE is not an executable"
VERSION=$(plist_get "$INFO" CFBundleShortVersionString)
MIN_OS=$(plist_get "$HERE/info.plist" LSMinimumSystemVersion)

# The architectures Installer allows: what the executable contains (a build on macos-14 is arm64 only).
if command -v lipo >/dev/null; then
    ARCHS=$(lipo -archs "$APP/Contents/MacOS/$EXECUTABLE" | tr ' ' ',')
else
    ARCHS=${TALTIO_PKG_ARCHS:-arm64}
fi

rm -rf "$OUT/root" "$OUT/scripts"
mkdir -p "$OUT/root" "$OUT/scripts"
# ditto keeps the bundle's symlinks, modes and the code signatures in extended attributes; cp -pR on Linux.
if command -v ditto >/dev/null; then
    ditto "$APP" "$OUT/root/$APP_NAME"
else
    cp -pR "$APP" "$OUT/root/$APP_NAME"
fi
install -m 0755 "$HERE/scripts/preinstall" "$HERE/scripts/postinstall" "$OUT/scripts/"
install -m 0644 "$HERE/scripts/common.sh" "$HERE/fi.taltio.Taltio.plist" "$OUT/scripts/"

COMPONENT="Taltio-component.pkg"
sed -e "s/@VERSION@/$VERSION/g" -e "s/@MIN_OS@/$MIN_OS/g" -e "s/@ARCHS@/$ARCHS/g" \
    -e "s/@COMPONENT@/$COMPONENT/g" "$HERE/distribution.xml.in" > "$OUT/distribution.xml"

if [ "$STAGE_ONLY" = 1 ]; then
    echo "$OUT"
    exit 0
fi
command -v pkgbuild >/dev/null || die "pkgbuild not found: this part runs on macOS only (try --stage-only)"

pkgbuild --root "$OUT/root" --install-location "$INSTALL_LOCATION" \
    --component-plist "$HERE/component.plist" --scripts "$OUT/scripts" \
    --identifier "$PKG_ID" --version "$VERSION" "$OUT/$COMPONENT"
PRODUCT="$OUT/Taltio-$VERSION.pkg"
productbuild --distribution "$OUT/distribution.xml" --package-path "$OUT" "$PRODUCT"
echo "build-pkg: $PRODUCT ($(du -k "$PRODUCT" | cut -f1) KiB, version $VERSION, macOS >= $MIN_OS, $ARCHS), unsigned"
