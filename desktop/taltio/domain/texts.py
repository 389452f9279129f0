"""Messages the core shows to the agent, in English and translatable.

The core has no Qt, so it cannot translate. A `Text` is the English string
(for logs, `taltio status` and hook replies) that also keeps its template and
parameters, so the UI can show it in the agent's language
(`taltio.ui.core_text.render`). Templates are marked with QT_TRANSLATE_NOOP
("core" context) so that pyside6-lupdate extracts them into the .ts files.
"""
from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    return text


class Text(str):
    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Text:
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj
