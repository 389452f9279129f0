"""`taltio-admin list` over 100,000 synthetic manifests in a folder store (admin/catalog.py).

Rows: A. listing every manifest key (``store.manifests``) against the peer ``find ROOT -name
'*.manifest.json'`` in the same run; B. ``list --limit 50`` (stops listing early); C. one day
(``--from D --to D``: one prefix per agent instead of the whole store); D. every call with a content
filter, cold cache (every manifest read and parsed) and then warm (the local cache, no reads).
Figures are printed, never asserted. ``--calls N`` changes the size; ``--json`` prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(os.environ.get("TALTIO_DESKTOP") or ROOT / "desktop").resolve()))

from taltio.admin import catalog  # noqa: E402
from taltio.admin.store import FolderStore  # noqa: E402

AGENTS = 20
PER_DAY = 20


def make_store(root: Path, calls: int) -> date:
    """AGENTS agents x days x PER_DAY calls of schema-1-shaped manifests; returns the first day."""
    first = date(2026, 1, 1)
    days = max(1, calls // (AGENTS * PER_DAY))
    n = 0
    for d in range(days):
        day = first + timedelta(days=d)
        for a in range(AGENTS):
            folder = root / f"agent-{a:02d}" / f"{day:%Y/%m/%d}"
            folder.mkdir(parents=True, exist_ok=True)
            for c in range(PER_DAY):
                doc = {"schema": "taltio.manifest", "schema_version": 2, "call_id": f"c{n}",
                       "agent_id": f"agent-{a:02d}", "direction": "incoming" if c % 3 else "outgoing",
                       "outcome": "declined" if c % 10 == 0 else "recorded",
                       "times": {"ring": f"{day}T09:{c:02d}:00Z"},
                       "audio": {"duration_s": float(30 + c * 7)},
                       "party": {"sealed": "x" * 300, "number_index": f"{n:064x}", "index_key_id": "0" * 16}}
                (folder / f"c{n}.manifest.json").write_text(json.dumps(doc))
                n += 1
    return first


def timed(fn) -> tuple[float, object]:  # noqa: ANN001
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--json", action="store_true")
    ns = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="taltio-bench-list-"))
    try:
        t_make, first = timed(lambda: make_store(work / "store", ns.calls))
        store = FolderStore(work / "store")
        res: dict[str, float | int] = {"calls": sum(1 for _ in (work / "store").rglob("*.manifest.json")),
                                       "make_s": round(t_make, 2)}
        res["A_keys_s"], n = timed(lambda: sum(1 for _ in store.manifests()))
        res["A_keys"] = n
        res["A_peer_find_s"], _ = timed(lambda: subprocess.run(
            ["find", str(work / "store"), "-name", "*.manifest.json"], capture_output=True, check=True))
        nocache = catalog.Cache(None)
        res["B_limit50_s"], _ = timed(lambda: list(catalog.calls(store, catalog.Filters(), nocache, 50)))
        one = catalog.Filters(since=first, until=first)
        res["C_one_day_s"], got = timed(lambda: list(catalog.calls(store, one, nocache)))
        res["C_one_day_calls"] = len(got)
        cache = catalog.Cache(work / "cache.sqlite")
        f = catalog.Filters(direction="outgoing", min_duration=60)
        res["D_cold_s"], got = timed(lambda: list(catalog.calls(store, f, cache)))
        res["D_matches"] = len(got)
        cache.close()
        cache = catalog.Cache(work / "cache.sqlite")
        res["D_warm_s"], _ = timed(lambda: list(catalog.calls(store, f, cache)))
        cache.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    res = {k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()}
    if ns.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:18} {v}")
        print(f"A: {res['A_keys_s'] / max(res['A_peer_find_s'], 1e-6):.1f}x the time of find(1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
