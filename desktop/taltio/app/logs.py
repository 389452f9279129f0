"""Where Taltio's own log goes: standard error and a rotating file in the data dir (both front ends)."""
from __future__ import annotations

import logging
import logging.handlers
import sys

from taltio.app import paths


class FileLog(logging.handlers.RotatingFileHandler):
    """The log file, which a full disk must not turn into a traceback on standard error for every record
    (logging's default): one line says the file cannot be written, one more when it can be again, and
    standard error keeps every record meanwhile."""

    _failing = False
    _failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if self._failing and not self._failed_now:
            self._failing = False
            sys.stderr.write(f"taltio: writing the log file {self.baseFilename} again\n")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            super().handleError(record)
            return
        self._failed_now = True
        if not self._failing:
            self._failing = True
            sys.stderr.write(f"taltio: cannot write the log file {self.baseFilename} ({exc.strerror or exc}); "
                             "logging to standard error only until it can\n")


def setup_logging(level: int = logging.INFO) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        handlers.append(FileLog(paths.data_dir() / "taltio.log", maxBytes=2_000_000, backupCount=3))
    except OSError:
        pass               # a read-only or missing data dir must not stop recording; stderr still has it
    logging.basicConfig(level=level, handlers=handlers, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
