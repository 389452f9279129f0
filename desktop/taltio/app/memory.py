"""Keep a shift-long recorder's memory flat on Linux: two malloc arenas, and free pages returned after each call.

glibc gives a thread that allocates while another holds an arena an arena of its own, up to eight per core, and
keeps freed memory in each for reuse. A recorder starts threads for every call (capture, encoder, sealer,
finisher) beside the upload workers, so over a shift the arenas multiply and fragment: the accelerated soak
(tests/test_soak.py) saw resident memory creep by tens of MiB over 200 calls with the defaults, flat with this.
Two arenas are plenty for the work: the audio path allocates a few blocks per 250 ms.

Written here because no library exposes mallopt or malloc_trim: it is two calls into glibc through ctypes, only
where glibc is the C library (not musl, macOS or Windows, whose allocators behave differently), and a failure
only costs memory, never a recording.
"""
from __future__ import annotations

import ctypes
import logging
import os
import sys

log = logging.getLogger("taltio.memory")

M_ARENA_MAX = -8            # glibc's <malloc.h>
ARENAS = 2

_libc: ctypes.CDLL | None = None
_loaded = False


def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc, else None (looked up once)."""
    global _libc, _loaded
    if not _loaded:
        _loaded = True
        if sys.platform.startswith("linux"):
            try:
                if os.confstr("CS_GNU_LIBC_VERSION"):
                    _libc = ctypes.CDLL("libc.so.6", use_errno=True)
            except (OSError, ValueError, AttributeError):
                _libc = None
    return _libc


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap the number of malloc arenas for threads started from now on. True when glibc took it."""
    libc = _glibc()
    if libc is None:
        return False
    ok = bool(libc.mallopt(M_ARENA_MAX, arenas))
    if not ok:
        log.debug("mallopt(M_ARENA_MAX, %d) was refused", arenas)
    return ok


def release() -> None:
    """Hand the free pages of every arena back to the system: after a call, when its buffers are gone."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
