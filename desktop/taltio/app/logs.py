"""Where Taltio's own log goes: standard error and a rotating file in the data dir (both front ends)."""
from __future__ import annotations

import logging
import logging.handlers
import sys

from taltio.app import paths


def setup_logging(level: int = logging.INFO) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        handlers.append(logging.handlers.RotatingFileHandler(paths.data_dir() / "taltio.log", maxBytes=2_000_000,
                                                             backupCount=3))
    except OSError:
        pass               # a read-only or missing data dir must not stop recording; stderr still has it
    logging.basicConfig(level=level, handlers=handlers, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
