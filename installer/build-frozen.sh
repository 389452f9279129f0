#!/usr/bin/env bash
# installer/build-frozen.sh [OUTDIR]: the PyInstaller one-folder app in OUTDIR/dist/taltio (default OUTDIR:
# build/frozen, gitignored), with the executables taltio and taltio-admin sharing one _internal
# (and taltio-cli on Windows; on macOS also OUTDIR/dist/Taltio.app). The spec is installer/pyinstaller/taltio.spec.
#
# It compiles the translations from the .ts files into OUTDIR/work (never into the checkout, where other builds
# and tests read them), writes the commit (git rev-parse --short=12 HEAD, "-dirty" when tracked files differ)
# to BUILD_COMMIT, which ends up as _internal/taltio/BUILD_COMMIT (what `taltio --version` prints), and prints
# the build time and the folder's size. Environment: PYTHON (default .venv/bin/python), TALTIO_FROZEN_TRIM=0
# to build without trimming (for measuring what trimming saves).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/build/frozen}")
PY=${PYTHON:-$ROOT/.venv/bin/python}
LRELEASE=${LRELEASE:-$(dirname "$PY")/pyside6-lrelease}
WORK="$OUT/work"
start=$(date +%s)

mkdir -p "$WORK/translations"
for lang in fi sv en; do
  "$LRELEASE" -silent "$ROOT/resources/translations/taltio_$lang.ts" -qm "$WORK/translations/taltio_$lang.qm"
done

commit=$(git -C "$ROOT" rev-parse --short=12 HEAD)
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
  commit="$commit-dirty"
fi
printf '%s\n' "$commit" > "$WORK/BUILD_COMMIT"

# --clean: no analysis cached from another tree state (the commit file's content changes between builds).
TALTIO_BUILD_COMMIT_FILE="$WORK/BUILD_COMMIT" TALTIO_QM_DIR="$WORK/translations" \
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$WORK/pyinstaller" "$ROOT/installer/pyinstaller/taltio.spec"

built="$OUT/dist/taltio/_internal/taltio/BUILD_COMMIT"
if [ "$(cat "$built")" != "$commit" ]; then
  echo "build-frozen: $built does not say $commit" >&2
  exit 1
fi
echo "build-frozen: $OUT/dist/taltio, commit $commit, $(du -sb "$OUT/dist/taltio" | cut -f1) bytes," \
     "built in $(( $(date +%s) - start )) s"
