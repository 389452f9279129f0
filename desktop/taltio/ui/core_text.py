"""Show the core's messages (core.texts.Text) in the agent's language; anything else as it is."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from taltio.domain.texts import reason


def render(message: object) -> str:
    template = getattr(message, "template", None)
    if template is None:
        return str(message)
    params = {k: render(v) for k, v in message.params.items()}  # type: ignore[attr-defined]
    translated = QCoreApplication.translate("core", template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return str(message)          # a broken translation must never hide the message


def render_error(exc: BaseException) -> str:
    """An exception as the agent reads it: a core Text translated; an OSError in words the agent's language has
    for its errno (with the file it concerns), not Python's "[Errno 13] Permission denied: '…'"."""
    text = render(reason(exc))
    return f"{text}: {exc.filename}" if isinstance(exc, OSError) and exc.filename else text
