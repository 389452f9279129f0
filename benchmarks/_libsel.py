"""Pick which libsndfile soundfile loads; import this before soundfile.

TALTIO_BENCH_LIBSNDFILE=system makes soundfile skip the library bundled in its wheel
(_soundfile_data/libsndfile_*.so: libsndfile 1.2.2 with its own libopus 1.4) and load the
distribution's libsndfile instead (Debian 12: libsndfile1 1.2.0 on the system libopus 1.3.1, the
same libopus that opusenc uses). soundfile falls back to the system library when importing
_soundfile_data fails with OSError/ImportError/TypeError; a stand-in module whose __file__ is None
does exactly that. Unset or "wheel": soundfile's default, what the app ships with today.
"""
from __future__ import annotations

import os
import sys
import types

LIB = os.environ.get("TALTIO_BENCH_LIBSNDFILE", "wheel")
if LIB == "system" and "soundfile" not in sys.modules:
    _stub = types.ModuleType("_soundfile_data")
    _stub.__file__ = None  # type: ignore[assignment]
    sys.modules["_soundfile_data"] = _stub


def describe() -> str:
    import soundfile

    return f"{LIB}: {soundfile.__libsndfile_version__}"
