#!/bin/bash
# installer/macos/uninstall.sh [--force]: remove Taltio from this Mac, for IT (run as root: sudo, or an MDM
# script). There is no uninstaller in the pkg (macOS has none); this script is the supported way.
#
# Removes:
#   /Applications/Taltio.app
#   /Library/LaunchAgents/fi.taltio.Taltio.plist      (autostart for all users; unloaded in open sessions first)
#   the pkg receipt fi.taltio.Taltio.pkg               (pkgutil --forget, so inventory stops reporting it)
#
# Keeps, always (unuploaded recordings must never be lost; a reinstalled Taltio uploads them):
#   ~/Library/Application Support/taltio of every user: the upload queue (queue.sqlite3), the sealed
#     encrypted calls not yet uploaded (calls/), taltio.log and the user's settings.toml;
#   the users' keychain items (the agent's storage secret, the workstation's signing key);
#   the configuration profile with the managed preferences fi.taltio.Taltio: it belongs to the MDM, which
#     removes it by unassigning it.
# It lists, per user, how many call folders are still waiting in the queue, so IT knows before wiping a Mac.
#
# Like an upgrade it never cuts off a call: it waits up to 10 minutes for running Taltios to finish their
# calls and stops nothing while one is recording (exit 1), unless --force (then SIGTERM: what was captured
# is sealed, but that call's recording ends there).
set -euo pipefail
# shellcheck source=SCRIPTDIR/scripts/common.sh
source "$(dirname "$0")/scripts/common.sh"

APP="/$TALTIO_APP_REL"
EXE="$APP/$TALTIO_EXE_REL"
AGENT="/Library/LaunchAgents/$TALTIO_AGENT_NAME"
PKG_ID=fi.taltio.Taltio.pkg
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

[ "$(id -u)" = 0 ] || { echo "uninstall.sh: run as root (sudo $0)" >&2; exit 2; }

if [ "$FORCE" = 0 ] && ! taltio_wait_idle "$EXE" 600; then
    taltio_log "uninstall: a call is being recorded; nothing was removed. Try later, or --force"
    exit 1
fi
taltio_stop_all "$EXE" || true

rm -f "$AGENT"
rm -rf "$APP"
pkgutil --forget "$PKG_ID" >/dev/null 2>&1 || true
taltio_log "uninstall: removed $APP, $AGENT and the receipt $PKG_ID"

# What stays, per user: never deleted here.
for home in /Users/*; do
    data="$home/Library/Application Support/taltio"
    [ -d "$data" ] || continue
    queued=$(find "$data/calls" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l | tr -d ' ')
    taltio_log "kept $data ($queued call folder(s) not yet uploaded; they upload when Taltio runs again)"
done
exit 0
