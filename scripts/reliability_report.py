"""Put the evidence suites' last results into docs/reliability.md.

``scripts/dev evidence [fast|full]`` runs the suites with ``--evidence-report build/evidence-SIZE.json``
and then this script, which replaces the block between ``<!-- evidence:SIZE:begin -->`` and
``<!-- evidence:SIZE:end -->`` with a summary per suite and a line per test, figures included. The
rest of the document (what each suite proves, the known risks) is written by hand; only the results
are generated, so the published numbers are the ones the assertions checked.

    python scripts/reliability_report.py build/evidence-full.json docs/reliability.md
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

SUITE_ORDER = ("crash", "fault", "leak", "fuzz", "security", "soak")


def _figures(figures: dict) -> str:
    return "; ".join(f"{k} {v}" for k, v in figures.items())


def _short(nodeid: str) -> str:
    """``tests/test_x.py::test_y[p]`` → ``test_x::test_y[p]``: the table stays readable."""
    path, _, name = nodeid.partition("::")
    return f"{Path(path).stem}::{name}"


def render(doc: dict) -> str:
    by_suite: dict[str, list[dict]] = defaultdict(list)
    for r in doc["results"]:
        by_suite[r["suite"]].append(r)
    lines = [f"Run of {doc['date']} at commit `{doc['commit']}`, {doc['size']} size; {doc['machine']}, "
             f"Python {doc['python']}.", "",
             "| suite | passed | failed | skipped | seconds |", "|---|---|---|---|---|"]
    for suite in SUITE_ORDER:
        rs = by_suite.get(suite, [])
        count = {o: sum(r["outcome"] == o for r in rs) for o in ("passed", "failed", "skipped")}
        lines.append(f"| {suite} | {count['passed']} | {count['failed']} | {count['skipped']} | "
                     f"{sum(r['seconds'] for r in rs):.0f} |")
    lines += ["", "| suite | test | outcome | s | figures |", "|---|---|---|---|---|"]
    for suite in SUITE_ORDER:
        for r in sorted(by_suite.get(suite, []), key=lambda r: r["test"]):
            note = _figures(r["figures"]) or ""
            if r["why"]:
                note = (note + "; " if note else "") + r["why"].replace("|", "\\|")
            lines.append(f"| {suite} | `{_short(r['test'])}` | {r['outcome']} | {r['seconds']:.0f} | {note} |")
    return "\n".join(lines)


def splice(text: str, size: str, block: str) -> str:
    begin, end = f"<!-- evidence:{size}:begin -->", f"<!-- evidence:{size}:end -->"
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    if not pattern.search(text):
        raise SystemExit(f"reliability_report: the document has no {begin} ... {end} block to fill")
    return pattern.sub(lambda _: f"{begin}\n{block}\n{end}", text)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    report, target = Path(argv[0]), Path(argv[1])
    try:
        doc = json.loads(report.read_text())
    except (OSError, ValueError) as exc:
        print(f"reliability_report: cannot read {report}: {exc}", file=sys.stderr)
        return 1
    target.write_text(splice(target.read_text(), doc["size"], render(doc)))
    print(f"reliability_report: {len(doc['results'])} results of the {doc['size']} run written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
