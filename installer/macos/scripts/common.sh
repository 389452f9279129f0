# shellcheck shell=bash
# The constants are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared by preinstall, postinstall (both run by Installer as root, from the pkg's scripts folder) and
# uninstall.sh: find the Taltio processes, ask each whether it is recording a call, stop them cleanly.
#
# The rule they serve: an install or uninstall never cuts off a call being recorded. A call in progress
# (taltio status lists it under "calls") is waited for; an idle app is asked to quit with SIGTERM, which the
# tray handles by quitting cleanly (everything captured is already sealed to disk once a second; the queue
# stays in the user's ~/Library/Application Support/taltio and uploads when the app next runs).

TALTIO_LABEL=fi.taltio.Taltio
TALTIO_AGENT_NAME=fi.taltio.Taltio.plist
TALTIO_APP_REL=Applications/Taltio.app
TALTIO_EXE_REL=Contents/MacOS/taltio

taltio_log() {
    # Installer copies a script's output into /var/log/install.log; uninstall.sh shows it on the terminal.
    echo "taltio: $*"
}

taltio_pids() {
    # "pid uid" of every process whose executable is $1 (the bundle's taltio); pgrep -f would also match a
    # shell whose arguments merely mention the path.
    ps -axo pid=,uid=,comm= | awk -v exe="$1" '$3 == exe { print $1, $2 }'
}

taltio_gui_uids() {
    # Users with a GUI login session (each has its own loginwindow process); root's is the login screen.
    ps -axo uid=,comm= | awk '$2 ~ /(^|\/)loginwindow$/ && $1 != 0 { print $1 }' | sort -u
}

taltio_calls() {
    # How many calls the app of user $2 is recording (taltio status, as that user); fails if it cannot tell.
    local exe=$1 uid=$2 user out
    user=$(id -un "$uid") || return 1
    out=$(launchctl asuser "$uid" sudo -n -u "$user" "$exe" status 2>/dev/null) || return 1
    # JavaScript for Automation parses the JSON: macOS ships no jq before 15 and no python3 without the CLT.
    osascript -l JavaScript -e 'function run(argv) { return JSON.parse(argv[0]).calls.length; }' "$out" 2>/dev/null
}

taltio_wait_idle() {
    # Wait (at most $2 s) until no Taltio from executable $1 is recording; 0 when idle, 1 on timeout.
    local exe=$1 limit=$2 start=$SECONDS pid uid n busy
    while :; do
        busy=""
        while read -r pid uid; do
            [ -n "$pid" ] || continue
            n=$(taltio_calls "$exe" "$uid") || n="unknown"
            # A status that cannot be read counts as busy: better a failed install than a cut-off call.
            if [ "$n" != "0" ]; then busy="$busy pid $pid (uid $uid, calls: $n)"; fi
        done < <(taltio_pids "$exe")
        [ -z "$busy" ] && return 0
        if (( SECONDS - start >= limit )); then
            taltio_log "still recording after ${limit} s:$busy"
            return 1
        fi
        taltio_log "waiting for a call to end:$busy"
        sleep 15
    done
}

taltio_stop_all() {
    # Unload the LaunchAgent in every GUI session (launchd sends SIGTERM and waits ExitTimeOut), then SIGTERM any
    # instance started by hand, by pid; wait up to 30 s for all to exit.
    local exe=$1 uid pid _
    for uid in $(taltio_gui_uids); do
        launchctl bootout "gui/$uid/$TALTIO_LABEL" 2>/dev/null || true
    done
    while read -r pid _; do
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
    done < <(taltio_pids "$exe")
    for _ in $(seq 1 30); do
        [ -z "$(taltio_pids "$exe")" ] && return 0
        sleep 1
    done
    taltio_log "not exited 30 s after SIGTERM (pid uid): $(taltio_pids "$exe" | tr '\n' ' ')"
    return 1
}
