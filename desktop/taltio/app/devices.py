"""Device preview for the audio-devices page: the same capture code as a recording, feeding only meters."""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from taltio.domain.ports import AudioBackend, Device
from taltio.recording.capture import Capture


def preview(backend: AudioBackend, mic: Device, loopback: Device, rate: int,
            frames: Callable[[np.ndarray, float], None], events: Callable[[str, Any], None]) -> Capture:
    """A started two-channel capture whose aligned frames go to *frames* (never to an encoder or a file).
    Close it with ``.close()``. Raises AudioError when a device cannot be opened."""
    capture = Capture(backend, mic, loopback, rate, frames, events)
    capture.start()
    return capture
