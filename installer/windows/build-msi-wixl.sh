#!/bin/sh
# Smoke-build the Windows MSI on Linux with wixl (msitools), from the same table as the WiX v4+ release source.
#
#   installer/windows/build-msi-wixl.sh [PAYLOAD_DIR] OUTDIR
#
# PAYLOAD_DIR: a folder with taltio.exe at its top (the frozen one-folder build on a Windows runner). Not
# given: a small placeholder payload made here, because the point of this build is the MSI's tables
# (properties, registry values, upgrade rows, shortcut), and the Linux frozen folder is neither small nor a
# Windows app. The placeholder MSI installs nothing that runs.
#
# wixl builds a WiX v3 subset; installer/windows/msi.py then patches with msibuild what wixl drops or rejects
# (Secure properties, component conditions, REG_EXPAND_SZ, same-version upgrades, the shortcut's
# AppUserModelID). Release MSIs are built with WiX v4+ on Windows: installer/windows/build-msi.ps1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ $# -eq 2 ]; then
    payload=$1; out=$2
elif [ $# -eq 1 ]; then
    out=$1
    payload=$(mktemp -d)
    trap 'rm -rf "$payload"' EXIT
    mkdir -p "$payload/_internal"
    printf 'Placeholder for the wixl smoke build: not a Windows program.\n' > "$payload/taltio.exe"
    printf 'Placeholder for the wixl smoke build: not a Windows program.\n' > "$payload/taltio-admin.exe"
    cp "$root/resources/policy-templates/taltio.admx" "$payload/_internal/"
else
    echo "usage: $0 [PAYLOAD_DIR] OUTDIR" >&2
    exit 2
fi
python=${PYTHON:-}
if [ -z "$python" ]; then
    if [ -x "$root/.venv/bin/python" ]; then python=$root/.venv/bin/python; else python=python3; fi
fi
"$python" "$here/msi.py" wixl "$payload" "$out"
