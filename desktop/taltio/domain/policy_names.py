"""Policy targets and their file names, and the UTC times a policy document carries. Qt-free.

Part of taltio.domain.policy, which re-exports every name here."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def format_time(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> dt.datetime:
    """ISO 8601 UTC with a Z ('2025-03-01T08:00:00Z'); ValueError otherwise."""
    if not isinstance(value, str) or not _TIME.match(value):
        raise ValueError("not a UTC time like 2025-03-01T08:00:00Z")
    return dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=dt.timezone.utc)


def check_target(target: str) -> str:
    """'org', 'group:NAME' or 'agent:ID' (names: 1-64 ASCII letters, digits, '.', '_', '-'); ValueError otherwise."""
    if target == "org":
        return target
    kind, sep, name = target.partition(":") if isinstance(target, str) else ("", "", "")
    if sep and kind in ("group", "agent") and _NAME.match(name) and ".." not in name:
        return target
    raise ValueError(Text(QT_TRANSLATE_NOOP("core", "target must be 'org', 'group:NAME' or 'agent:ID' (NAME/ID: "
                                                    "1-64 letters, digits, '.', '_' or '-'), not {target}"),
                          target=repr(target)))


def target_file(target: str) -> str:
    """The object name a target's document is published as (its signature: + '.sig')."""
    check_target(target)
    if target == "org":
        return "org.json"
    kind, _, name = target.partition(":")
    return f"{kind}-{name}.json"


def target_of_file(name: str) -> str:
    """Inverse of target_file ('group-sales.json' -> 'group:sales'); ValueError for other names."""
    base = name.rsplit("/", 1)[-1]
    if base == "org.json":
        return "org"
    for kind in ("group", "agent"):
        if base.startswith(f"{kind}-") and base.endswith(".json"):
            return check_target(f"{kind}:{base[len(kind) + 1:-5]}")
    raise ValueError(f"{name!r} is not a policy file name (org.json, group-NAME.json, agent-ID.json)")


def targets_for(agent_id: str, groups: Iterable[str]) -> list[str]:
    """The targets a workstation applies, lowest first: org, its groups in order, itself."""
    out = ["org"]
    for g in groups:
        t = f"group:{g}"
        if t not in out:
            out.append(t)
    out.append(f"agent:{agent_id}")
    return out
