"""Phone-number patterns (always-private lists, notice language rules): matching and checking them."""
from __future__ import annotations

import fnmatch
import re

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text


def number_matches(number: str | None, patterns: tuple[str, ...] | list[str]) -> bool:
    """Patterns are numbers with shell wildcards: '+358 9 123*' or '0800*'. Spaces and dashes are ignored."""
    if not number:
        return False
    n = re.sub(r"[\s().-]", "", number)
    return any(fnmatch.fnmatchcase(n, re.sub(r"[\s().-]", "", p)) for p in patterns if p.strip())


def check_pattern(value: list[str]) -> str | None:
    for p in value:
        if not re.fullmatch(r"[+0-9*?# ().-]+", p):
            return Text(QT_TRANSLATE_NOOP("core", "'{pattern}' is not a number pattern (digits, +, and * or ? as "
                                                  "wildcards)"), pattern=p)
    return None
