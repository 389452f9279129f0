"""Messages the core shows to the agent, in English and translatable.

The core has no Qt, so it cannot translate. A `Text` is the English string
(for logs, `taltio status` and hook replies) that also keeps its template and
parameters, so the UI can show it in the agent's language
(`taltio.ui.core_text.render`). Templates are marked with QT_TRANSLATE_NOOP
("core" context) so that pyside6-lupdate extracts them into the .ts files.
"""
from __future__ import annotations

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
