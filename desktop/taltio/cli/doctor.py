"""`taltio doctor`: one readable line per check (app/checks.py), non-zero exit if any fails.

The tray's "Check this computer…" runs the same checks and shows them in the agent's language; this prints
the English, which a support ticket quotes whole.
"""
from __future__ import annotations

import sys

from taltio.app.checks import (FAIL, OK, WARN, _network_check, _softphone_check,  # noqa: F401
                               report_lines, run_checks)


def effective_settings(policy: dict | None = None, policy_origin: str = "supervisor policy") -> list[tuple]:
    """(key, value, origin, scope) of every setting, as the app would run with them now."""
    from taltio import settings as settings_mod
    from taltio.app.config import load_settings

    st = load_settings(policy=policy, policy_origin=policy_origin)
    return [(s.key, st[s.key], st.origins[s.key], s.scope) for s in settings_mod.SCHEMA]


def print_settings() -> int:
    """`taltio doctor --settings`: every effective value and where it came from, for a support ticket.

    A setting marked secret (the number-index key) shows only whether it is set: with it and read access to
    the bucket, anyone could try every phone number against the manifests' index."""
    from taltio import settings as settings_mod

    policy, origin = last_good_policy()
    try:
        rows = effective_settings(policy, origin)
    except settings_mod.ConfigError as exc:
        print(f"taltio doctor: {exc}", file=sys.stderr)
        return 1
    width = max(len(r[0]) for r in rows)
    secret = {s.key for s in settings_mod.SCHEMA if s.secret}
    for key, value, src, scope in rows:
        if key in secret and value:
            value = "<set, not shown>"
        if key == "storage.proxy" and value:
            from taltio.adapters.storage.network import mask_proxy

            value = mask_proxy(value)           # a proxy password never goes into a ticket
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        lock = "  [locked]" if src.startswith("machine") else ""
        print(f"{key:<{width}}  {shown:<60}  {src} (set by: {scope}){lock}")
    return 0


def last_good_policy() -> tuple[dict | None, str]:
    """The supervisor policy the app last accepted (re-verified), if any: (settings, origin)."""
    try:
        from taltio.app import compose as app_core

        return app_core.last_good_policy()
    except Exception:  # noqa: BLE001 - no policy support or no state yet: the other layers still show
        return None, "supervisor policy"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--settings"]:
        return print_settings()
    from taltio.app.about import version_text

    # First, what is installed: a support case quotes the doctor's output whole.
    print(version_text("taltio"), end="\n\n")
    results = run_checks()
    for line in report_lines(results):
        print(line)
    failed = [r for r in results if r[0] == FAIL]
    print(f"\n{len(failed)} problem(s) found." if failed else "\nAll checks passed.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
