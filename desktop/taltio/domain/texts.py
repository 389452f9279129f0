"""Messages the core shows to the agent, in English and translatable.

The core has no Qt, so it cannot translate. A `Text` is the English string
(for logs, `taltio status` and hook replies) that also keeps its template and
parameters, so the UI can show it in the agent's language
(`taltio.ui.core_text.render`). Templates are marked with QT_TRANSLATE_NOOP
("core" context) so that pyside6-lupdate extracts them into the .ts files.
"""
from __future__ import annotations

import errno
import re
from typing import Any

# C0 and C1 control characters, DEL and lone surrogates: what a terminal, a log line or an encoder must never
# meet raw in a message. Tab and newline are included: a message is one line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """*text* with control characters and lone surrogates written as repr-style escapes (``\\x1b``, ``\\ud800``).

    Messages echo outside input (a call id, a setting's name, a manifest field): raw, an ESC recolours the
    supervisor's terminal, a newline forges a log line and a surrogate makes the UTF-8 encoder raise. Every
    other character, also non-ASCII text, is kept as it is so names stay readable."""
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


def shorten(text: str, limit: int = 80) -> str:
    """*text* cut to *limit* characters with an ellipsis.

    An error that echoes outside input (a rejected value, an unknown key) must stay one readable line: a
    3,000-character name pasted back at the agent or into the log hides the one word that says what to fix."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def clip(value: object, limit: int = 80) -> str:
    """``repr(value)``, shortened: for a rejected value of any type."""
    return shorten(repr(value), limit)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    return text


class Text(str):
    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Text:
        # Parameters are often outside input (an event name, a call id): shown escaped, never raw. A nested
        # Text is ours (its own parameters already escaped) and must stay a Text, so the UI translates it too.
        params = {k: escape_controls(v) if isinstance(v, str) and not isinstance(v, Text) else v
                  for k, v in params.items()}
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj


# The OS's own words for a failed write or connection are English on every platform: the common ones are
# said in the agent's language; any other keeps the OS's text.
_ERRNO_TEXTS = {
    errno.ECONNREFUSED: QT_TRANSLATE_NOOP("core", "the connection was refused"),
    errno.ECONNRESET: QT_TRANSLATE_NOOP("core", "the connection was reset"),
    errno.ENETUNREACH: QT_TRANSLATE_NOOP("core", "the network is unreachable"),
    errno.EHOSTUNREACH: QT_TRANSLATE_NOOP("core", "the host is unreachable"),
    errno.ETIMEDOUT: QT_TRANSLATE_NOOP("core", "the connection timed out"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("core", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("core", "the disk quota is used up"),
    errno.EACCES: QT_TRANSLATE_NOOP("core", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("core", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("core", "the disk is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("core", "no such file or folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("core", "a file is where a folder should be"),
    errno.EEXIST: QT_TRANSLATE_NOOP("core", "a file of that name exists"),
    errno.EIO: QT_TRANSLATE_NOOP("core", "the disk reported an input/output error"),
}


def os_error(exc: OSError) -> str:
    """What an OSError says, in words the UI can translate (a Text) for the common errors, else the OS's."""
    if exc.errno in _ERRNO_TEXTS:
        return Text(_ERRNO_TEXTS[exc.errno])
    return exc.strerror or str(exc) or type(exc).__name__


def dump(message: str) -> str:
    """*message* as it can be stored (the upload queue's last error): a Text as JSON that `load` makes a Text
    again, so a status read later is still shown in the agent's language; plain text as it is."""
    import json

    def tree(m: object) -> object:
        if isinstance(m, Text):
            return {"template": m.template, "params": {k: tree(v) for k, v in m.params.items()}}
        return m if isinstance(m, (int, float)) or m is None else str(m)

    return json.dumps({"text": tree(message)}, ensure_ascii=False) if isinstance(message, Text) else str(message)


def load(stored: str) -> str:
    """The message `dump` stored: a Text again, or the text as it is (also a row written before Text was kept,
    or JSON that is not ours)."""
    import json

    if not stored.startswith('{"text": '):
        return stored

    def build(node: object) -> object:
        if isinstance(node, dict) and set(node) == {"template", "params"} and isinstance(node["template"], str):
            return Text(node["template"], **{str(k): build(v) for k, v in dict(node["params"]).items()})
        return node

    try:
        out = build(json.loads(stored)["text"])
        return out if isinstance(out, str) else stored
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return stored


def reason(exc: BaseException) -> str:
    """Why *exc* happened, for a message: an OSError with an errno in the words `os_error` has for it, anything
    else its message as raised (`message`)."""
    if isinstance(exc, OSError) and (exc.errno or exc.strerror):
        return os_error(exc)
    return message(exc)


def message(exc: BaseException) -> str:
    """The exception's message as it was raised: a Text stays a Text, so the UI can still translate it
    (``str(exc)`` would flatten it to English)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
