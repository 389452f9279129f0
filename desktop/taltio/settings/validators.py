"""The checks on single setting values, with what is wrong said so the agent can read it in their language.

Each returns None for a good value, else a `Text` (English, translatable): the Preferences dialog and the
status show it translated, `taltio doctor` and the log in English.
"""
from __future__ import annotations

from typing import Callable

from taltio.domain.party import PartyError, parse_key
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, message


def between(low: float, high: float) -> Callable[[float], Text | None]:
    return lambda v: None if low <= v <= high else Text(QT_TRANSLATE_NOOP("core", "must be between {low} and "
                                                                                  "{high}"), low=low, high=high)


def at_least(low: float) -> Callable[[float], Text | None]:
    return lambda v: None if v >= low else Text(QT_TRANSLATE_NOOP("core", "must be at least {low}"), low=low)


def positive(v: float) -> Text | None:
    return None if v > 0 else Text(QT_TRANSLATE_NOOP("core", "must be more than 0"))


def absolute_path(v: str) -> Text | None:
    import os

    return None if not v or os.path.isabs(v) else Text(QT_TRANSLATE_NOOP("core", "must be an absolute path to a "
                                                                                  "PEM file"))


def index_key(value: str) -> str | None:
    if not value:
        return None
    try:
        parse_key(value)
    except PartyError as exc:
        return message(exc)
    return None


def url(value: str) -> Text | None:
    if value and not value.startswith(("s3://", "file://")):
        return Text(QT_TRANSLATE_NOOP("core", "use s3://BUCKET/PREFIX or file:///PATH"))
    return None


def position(value: str) -> Text | None:
    if not value:
        return None
    x, comma, y = value.partition(",")
    try:
        int(x), int(y)
    except ValueError:
        comma = ""
    return None if comma else Text(QT_TRANSLATE_NOOP("core", "'{value}' is not X,Y in pixels (e.g. '1700,40')"),
                                   value=value)


def endpoint(value: str) -> Text | None:
    if value and not value.startswith(("http://", "https://")):
        return Text(QT_TRANSLATE_NOOP("core", "must start with https:// (or http:// on a trusted network)"))
    return None


def proxy(value: str) -> Text | None:
    if not value:
        return None
    from urllib.parse import urlparse

    u = urlparse(value)
    if u.scheme not in ("http", "https") or not u.hostname:
        return Text(QT_TRANSLATE_NOOP("core", "use http://HOST:PORT (or https://HOST:PORT for a TLS proxy)"))
    try:
        u.port
    except ValueError:
        return Text(QT_TRANSLATE_NOOP("core", "'{host}' has no valid port"), host=u.netloc.rpartition("@")[2])
    return None


def address(value: str) -> Text | None:
    if value.startswith(("ws://", "wss://")):       # the Bria Desktop API's WebSocket
        return None
    if value.startswith("unix:") and len(value) > 5:  # linphone-daemon's --pipe socket
        return None
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        return Text(QT_TRANSLATE_NOOP("core", "use HOST:PORT, e.g. 127.0.0.1:4444"))
    return None
