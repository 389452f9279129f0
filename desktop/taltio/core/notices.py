"""What the agent reads to the customer, what the customer is told on asking, and what staff are told.

Texts come from settings when the organisation wrote its own, else from the
texts shipped in fi, sv and en (resources/notices). The privacy information is
a template filled from the organisation's settings, so it says the same true
thing in every language; a blank field says so instead of inventing an answer.
"""
from __future__ import annotations

import hashlib
from importlib import resources

from .rules import number_matches

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
UNSET = {"fi": "(ei asetettu – kerro esihenkilöllesi)", "sv": "(inte angivet – säg till din chef)",
         "en": "(not set – tell your supervisor)"}


def shipped(kind: str, lang: str) -> str:
    """kind: notice, info or staff."""
    return resources.files("taltio.resources").joinpath("notices", f"{kind}.{lang}.txt").read_text("utf-8").strip()


def pick_language(number: str | None, rules: list[str] | tuple[str, ...], default: str) -> str:
    """rules: 'PATTERN=lang', first match wins ('+46*=sv'); no match: the default."""
    for rule in rules:
        pattern, _, lang = rule.rpartition("=")
        if lang in LANGUAGES and number_matches(number, [pattern]):
            return lang
    return default


def customer_notice(settings, lang: str) -> str:
    return settings[f"notice.text_{lang}"] or shipped("notice", lang)


def privacy_info(settings, lang: str) -> str:
    template = settings[f"notice.info_{lang}"] or shipped("info", lang)
    fields = {k: settings[f"org.{k}"] or UNSET[lang] for k in ("controller", "contact", "retention", "copy_request")}
    return template.format(**fields)


def staff_notice(settings, lang: str) -> str:
    return settings["staff.notice_text"] or shipped("staff", lang)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_rules(value: list[str]) -> str | None:
    for rule in value:
        pattern, eq, lang = rule.rpartition("=")
        if not eq or not pattern or lang not in LANGUAGES:
            return f"'{rule}' is not PATTERN=LANG with LANG one of {', '.join(LANGUAGES)} (e.g. '+46*=sv')"
    return None
