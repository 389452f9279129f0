#!/usr/bin/env bash
# installer/macos/sign-and-notarize.sh: sign Taltio.app with the hardened runtime, then sign, notarize and
# staple the pkg. macOS only (codesign, productsign, xcrun). Nothing secret lives in this repository: the
# identities are names of certificates in a keychain, the notary credentials a keychain profile, all given
# in the environment:
#
#   TALTIO_SIGN_APP_IDENTITY        "Developer ID Application: <Org> (<TEAMID>)" or its SHA-1 (security
#                                   find-identity -v -p codesigning)
#   TALTIO_SIGN_INSTALLER_IDENTITY  "Developer ID Installer: <Org> (<TEAMID>)" (pkg step only)
#   TALTIO_NOTARY_PROFILE           a notarytool keychain profile, made once per machine with
#                                   xcrun notarytool store-credentials <name> --apple-id … --team-id …
#                                   (it prompts for the app-specific password; or --key/--key-id/--issuer
#                                   for an App Store Connect API key). Unset: no notarization.
#   TALTIO_KEYCHAIN                 optional: the keychain holding the identities (CI's temporary keychain)
#
# Usage, in this order (README.md):
#   sign-and-notarize.sh app build/frozen/dist/Taltio.app      1) before installer/macos/build-pkg.sh
#   sign-and-notarize.sh pkg build/macos/Taltio-V.pkg OUT.pkg  2) after it
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ENTITLEMENTS="$HERE/entitlements.plist"

die() { echo "sign-and-notarize: $*" >&2; exit 1; }
step() { echo "== $*"; }

# macOS's /bin/bash is 3.2, where "${a[@]}" of an empty array fails under set -u: hence the ${a[@]+…} form.
# The same --keychain serves codesign, productsign and notarytool (whose profile then lives in that keychain).
keychain_args=()
if [ -n "${TALTIO_KEYCHAIN:-}" ]; then keychain_args=(--keychain "$TALTIO_KEYCHAIN"); fi

# json_get JSON KEY: one top-level value (JavaScript for Automation: no jq or python3 needed on a Mac).
json_get() {
    osascript -l JavaScript -e 'function run(a) { var v = JSON.parse(a[0])[a[1]]; return v === undefined ? "" : String(v); }' "$1" "$2"
}

# notarize FILE: submit to Apple's notary service, wait for the verdict, print the log if it is not Accepted.
notarize() {
    local file=$1 out id status
    step "notarytool submit $file (waits for Apple's verdict; usually minutes)"
    out=$(xcrun notarytool submit "$file" --keychain-profile "$TALTIO_NOTARY_PROFILE" \
          ${keychain_args[@]+"${keychain_args[@]}"} --wait --timeout 1h --output-format json) || true
    id=$(json_get "$out" id)
    status=$(json_get "$out" status)
    echo "notarization $id: $status"
    if [ "$status" != "Accepted" ]; then
        # The log names every file Apple rejected and why (unsigned binary, missing runtime, no timestamp…).
        if [ -n "$id" ]; then xcrun notarytool log "$id" --keychain-profile "$TALTIO_NOTARY_PROFILE" \
            ${keychain_args[@]+"${keychain_args[@]}"} || true; fi
        die "notarization of $file: ${status:-no answer}"
    fi
}

is_macho() { file -b "$1" | grep -q 'Mach-O'; }

sign_app() {
    local app=$1 f fw exe
    [ -n "${TALTIO_SIGN_APP_IDENTITY:-}" ] || die "TALTIO_SIGN_APP_IDENTITY is not set"
    [ -d "$app/Contents/MacOS" ] || die "$app is not an app bundle"
    local -a sign=(codesign --force --timestamp --options runtime --sign "$TALTIO_SIGN_APP_IDENTITY" ${keychain_args[@]+"${keychain_args[@]}"})

    step "1. clear extended attributes (Finder info or quarantine makes codesign fail: 'detritus not allowed')"
    xattr -cr "$app"

    # Inside out, never --deep: a bundle's signature seals its contents' signatures, so every nested piece of
    # code is signed before what contains it. --deep would sign them all alike (and with the app's entitlements).
    step "2. every Mach-O library and extension module (.so, .dylib, Qt and Python binaries), deepest first"
    while IFS= read -r f; do
        if is_macho "$f"; then "${sign[@]}" "$f"; fi
    done < <(find "$app/Contents/Frameworks" "$app/Contents/Resources" -type f ! -path '*/Contents/MacOS/*' \
             2>/dev/null | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2-)

    step "3. nested .framework bundles (PySide6's Qt frameworks), deepest first, after their contents"
    while IFS= read -r fw; do
        "${sign[@]}" "$fw"
    done < <(find "$app/Contents" -type d -name '*.framework' | awk -F/ '{ print NF "\t" $0 }' | sort -rn | cut -f2-)

    step "4. the helper executables beside the main one (taltio-admin), with the entitlements: they capture too"
    for exe in "$app"/Contents/MacOS/*; do
        [ "$(basename "$exe")" = taltio ] && continue
        if [ -f "$exe" ] && [ ! -L "$exe" ] && is_macho "$exe"; then
            "${sign[@]}" --entitlements "$ENTITLEMENTS" "$exe"
        fi
    done

    step "5. the bundle itself: signs the main executable (taltio) with the entitlements and seals Resources"
    "${sign[@]}" --entitlements "$ENTITLEMENTS" "$app"

    step "6. verify: strict, nested code included; show the entitlements that were applied"
    codesign --verify --deep --strict --verbose=2 "$app"
    codesign --display --entitlements - "$app"

    if [ -n "${TALTIO_NOTARY_PROFILE:-}" ]; then
        # Notarizing the app too (not only the pkg) lets its own ticket be stapled, so Gatekeeper's first-launch
        # check also passes on a Mac that is offline then.
        step "7. notarize and staple the app (zipped with ditto, which keeps the bundle's symlinks)"
        local zip
        zip="$(mktemp -d)/Taltio.zip"
        ditto -c -k --keepParent "$app" "$zip"
        notarize "$zip"
        xcrun stapler staple "$app"
        xcrun stapler validate "$app"
        step "8. Gatekeeper's verdict on the app (expect: accepted, source=Notarized Developer ID)"
        spctl -a -vv -t execute "$app"
    else
        echo "TALTIO_NOTARY_PROFILE not set: the app is signed, not notarized (spctl will reject it)"
    fi
}

sign_pkg() {
    local in=$1 out=$2
    [ -n "${TALTIO_SIGN_INSTALLER_IDENTITY:-}" ] || die "TALTIO_SIGN_INSTALLER_IDENTITY is not set"
    [ -n "${TALTIO_NOTARY_PROFILE:-}" ] || die "TALTIO_NOTARY_PROFILE is not set (a pkg is shipped notarized)"
    [ -f "$in" ] || die "no pkg at $in"

    step "1. productsign with the Developer ID Installer identity (a pkg is not signed with codesign)"
    productsign --sign "$TALTIO_SIGN_INSTALLER_IDENTITY" --timestamp ${keychain_args[@]+"${keychain_args[@]}"} "$in" "$out"
    pkgutil --check-signature "$out"

    step "2. notarize the pkg (Apple also checks every binary inside it: hardened runtime, timestamp, signature)"
    notarize "$out"

    step "3. staple the ticket to the pkg, so installing on an offline Mac passes Gatekeeper"
    xcrun stapler staple "$out"
    xcrun stapler validate "$out"

    step "4. Gatekeeper's verdict on the pkg (expect: accepted, source=Notarized Developer ID)"
    spctl -a -vv -t install "$out"
}

case "${1:-}" in
    app) [ $# -eq 2 ] || die "usage: $0 app Taltio.app"; sign_app "$2" ;;
    pkg) [ $# -eq 3 ] || die "usage: $0 pkg IN.pkg OUT.pkg"; sign_pkg "$2" "$3" ;;
    *) die "usage: $0 app Taltio.app | pkg IN.pkg OUT.pkg" ;;
esac
