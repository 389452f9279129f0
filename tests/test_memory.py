"""taltio.app.memory: the allocator settings that keep a shift-long recorder's memory flat (tests/test_soak.py
measures the effect; this checks the calls reach glibc here and are harmless where they cannot)."""
from __future__ import annotations

import os
import sys

import pytest

from taltio.app import memory
from tests.helpers.process_stats import rss_bytes

glibc = pytest.mark.skipif(not (sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION")),
                           reason="glibc only")


@glibc
def test_glibc_takes_the_arena_cap_and_trim_hands_pages_back():
    assert memory.limit_arenas() is True
    junk = [bytearray(4096) for _ in range(20_000)]         # ~80 MiB in small blocks, then freed
    pin = junk[-1]                                          # but the last one: the heap's top cannot shrink
    before = rss_bytes()
    del junk
    memory.release()
    assert rss_bytes() < before - 20 * 2**20, "malloc_trim returned nothing to the system"
    del pin


def test_without_glibc_both_are_no_ops(monkeypatch):
    monkeypatch.setattr(memory, "_loaded", True)
    monkeypatch.setattr(memory, "_libc", None)
    assert memory.limit_arenas() is False
    memory.release()
