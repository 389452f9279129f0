"""Versioned settings files: each file says its format, older ones are migrated step by step when read."""
from __future__ import annotations

import logging
from typing import Any, Callable

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, clip
from taltio.settings.schema import ConfigError

log = logging.getLogger("taltio.settings")

# The settings file format. A file says which format it is in ([taltio] format = N; no marker = 1);
# older files are migrated step by step when read, so an upgrade never breaks IT's or the agent's
# settings, and a file from a newer Taltio is refused rather than half-understood.
FORMAT_VERSION = 1
FORMAT_KEY = "taltio.format"
# from-version -> function(flat settings) -> flat settings of the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(values: dict[str, Any], source: str) -> dict[str, Any]:
    values = dict(values)
    raw = values.pop(FORMAT_KEY, 1)
    if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{source}: [taltio] format must be a whole number from 1, "
                                                         "got {value}"), source=source, value=clip(raw)))
    if raw > FORMAT_VERSION:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{source} is in settings format {format}, written by a "
                                                         "newer Taltio (this one reads up to {supported}); upgrade "
                                                         "Taltio on this computer"),
                               source=source, format=raw, supported=FORMAT_VERSION))
    for version in range(raw, FORMAT_VERSION):
        values = MIGRATIONS[version](values)
        log.info("%s: settings migrated from format %d to %d", source, version, version + 1)
    return values
