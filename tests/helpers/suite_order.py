"""The order the suite runs in: modules that play no audio first, then the frozen-app modules, then the rest.

Why: the frozen app takes a minute or more to build (tests/helpers/frozen.py starts it in the background at
the first test). Run first, the modules that record no audio overlap that build, and nothing sensitive to
load runs beside it: the recorded-call checks come after it has finished. Whole modules move, in their
file order; tests inside a module keep theirs, so module-scoped fixtures are set up once as before.

A module is "slow" (audio, softphones, storage faults) when any of its tests has the slow marker.
"""
from __future__ import annotations

import pytest

FROZEN_APP_MODULES = frozenset({"test_frozen", "test_deb"})


def module_name(item: pytest.Item) -> str:
    return item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""


def needs_frozen_app(item: pytest.Item) -> bool:
    return module_name(item) in FROZEN_APP_MODULES


def reorder(items: list[pytest.Item]) -> None:
    """In place; a stable sort, so file order holds within each group and each module. A module with any test
    marked slow (in its pytestmark or on the test) goes with the slow ones."""
    slow = {module_name(it) for it in items if it.get_closest_marker("slow") is not None}

    def group(item: pytest.Item) -> int:     # 0: no audio; 1: needs the frozen app; 2: slow
        name = module_name(item)
        return 1 if name in FROZEN_APP_MODULES else 2 if name in slow else 0

    items.sort(key=group)
