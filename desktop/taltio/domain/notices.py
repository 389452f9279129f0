"""What the agent reads to the customer, what the customer is told on asking, and what staff are told.

Texts come from settings when the organisation wrote its own, else from the
texts shipped in fi, sv and en (resources/notices). The privacy information is
a template filled from the organisation's settings, so it says the same true
thing in every language; a blank field says so instead of inventing an answer.
"""
from __future__ import annotations

import fnmatch
import hashlib
import re
from importlib import resources

from taltio.domain.numbers import number_matches
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

LANGUAGES = ("fi", "sv", "en")
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
QUEUE_PREFIX = "queue:"
# Retention told in the customer's language when the organisation gives it in months (org.retention_months).
MONTHS = {"fi": ("{n} kuukausi", "{n} kuukautta"), "sv": ("{n} månad", "{n} månader"),
          "en": ("{n} month", "{n} months")}
UNSET = {"fi": "(ei asetettu – kerro esihenkilöllesi)", "sv": "(inte angivet – säg till din chef)",
         "en": "(not set – tell your supervisor)"}


# What GDPR Art. 13 asks the controller to tell, where one answer is true for most organisations that record
# calls in Finland: shipped, and each overridable by a supervisor setting (org.recipients, org.legal_basis,
# org.complaints; per language org.recipients_fi etc.). A data protection officer has no such default: one is
# named, or the text says none is.
DEFAULTS = {
    "recipients": {
        "fi": "asiaa käsittelevä henkilöstömme sekä yritykset, jotka säilyttävät tallenteita puolestamme "
              "(sopimuksella sidotut henkilötietojen käsittelijät); viranomaiset vain lain niin vaatiessa",
        "sv": "vår personal som handlägger ärendet och de företag som lagrar inspelningarna åt oss "
              "(personuppgiftsbiträden bundna av avtal); myndigheter endast när lagen kräver det",
        "en": "our staff who handle the matter and the companies that store the recordings for us (processors "
              "bound by contract); authorities only where the law requires it",
    },
    "legal_basis": {
        "fi": "sopimuksen täytäntöönpano ja oikeutettu etumme pystyä näyttämään sovittu toteen (tietosuoja-asetuksen "
              "6 artiklan 1 kohdan b ja f alakohta); henkilöstön koulutuksessa oikeutettu etumme (6 artiklan 1 kohdan "
              "f alakohta)",
        "sv": "fullgörande av vårt avtal med dig och vårt berättigade intresse av att kunna visa vad som avtalats "
              "(artikel 6.1 b och f i dataskyddsförordningen); för utbildning av vår personal vårt berättigade "
              "intresse (artikel 6.1 f)",
        "en": "performing our contract with you and our legitimate interest in being able to prove what was agreed "
              "(GDPR Art. 6(1)(b) and (f)); for training our staff, our legitimate interest (Art. 6(1)(f))",
    },
    "complaints": {
        "fi": "tietosuojavaltuutettu (tietosuoja.fi)",
        "sv": "dataombudsmannen (tietosuoja.fi)",
        "en": "the Data Protection Ombudsman (tietosuoja.fi)",
    },
}
NO_DPO = {"fi": "ei nimetty; kysykää yllä mainitulta yhteyshenkilöltä",
          "sv": "ingen utsedd; fråga kontakten ovan",
          "en": "none designated; ask the contact above"}


def shipped(kind: str, lang: str) -> str:
    """kind: notice, info or staff."""
    return resources.files("taltio.resources").joinpath("notices", f"{kind}.{lang}.txt").read_text("utf-8").strip()


def pick_language(number: str | None, rules: list[str] | tuple[str, ...], default: str,
                  queue: str | None = None) -> str:
    """rules: 'PATTERN=lang' or 'queue:NAME=lang', first match wins ('queue:Asiakaspalvelu SV=sv', '+46*=sv').

    A queue rule matches the softphone's queue name (shell wildcards, case-insensitive),
    because a Swedish service line reached from a Finnish number is still Swedish.
    No match: the default.
    """
    for rule in rules:
        pattern, _, lang = rule.rpartition("=")
        if lang not in LANGUAGES:
            continue
        if pattern[:6].lower() == QUEUE_PREFIX:
            if queue and fnmatch.fnmatchcase(queue.casefold(), pattern[6:].strip().casefold()):
                return lang
        elif number_matches(number, [pattern]):
            return lang
    return default


def customer_notice(settings, lang: str) -> str:
    return settings[f"notice.text_{lang}"] or shipped("notice", lang)


def privacy_info(settings, lang: str) -> str:
    template = settings[f"notice.info_{lang}"] or shipped("info", lang)
    fields = {k: settings[f"org.{k}"] or UNSET[lang] for k in ("controller", "contact", "retention", "copy_request")}
    fields["retention"] = retention_text(settings, lang)
    for key, by_lang in DEFAULTS.items():
        # The organisation's own words in this language, else its words for every language, else ours.
        fields[key] = settings[f"org.{key}_{lang}"] or settings[f"org.{key}"] or by_lang[lang]
    fields["dpo"] = settings["org.dpo"] or NO_DPO[lang]
    return template.format(**fields)


def retention_text(settings, lang: str) -> str:
    """The most specific truth the organisation gave: its text in this language, else the months, else 'not set'."""
    own = settings[f"org.retention_{lang}"] or settings["org.retention"]
    if own:
        return own
    months = settings["org.retention_months"]
    if months:
        one, many = MONTHS[lang]
        return (one if months == 1 else many).format(n=months)
    return UNSET[lang]


def staff_notice(settings, lang: str) -> str:
    return settings["staff.notice_text"] or shipped("staff", lang)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_rules(value: list[str]) -> str | None:
    for rule in value:
        pattern, eq, lang = rule.rpartition("=")
        if not eq or not pattern or lang not in LANGUAGES:
            return Text(QT_TRANSLATE_NOOP("core", "'{rule}' is not PATTERN=LANG or queue:NAME=LANG with LANG one of "
                                                  "{languages} (e.g. '+46*=sv' or 'queue:Kundtjänst*=sv')"),
                        rule=rule, languages=", ".join(LANGUAGES))
        if pattern[:6].lower() == QUEUE_PREFIX:
            if not pattern[6:].strip():
                return Text(QT_TRANSLATE_NOOP("core", "'{rule}' names no queue; write queue:NAME=LANG"), rule=rule)
        elif not re.fullmatch(r"[+0-9*?# ().-]+", pattern):
            return Text(QT_TRANSLATE_NOOP("core", "'{rule}': '{pattern}' is not a number pattern (digits, +, * or ?) "
                                                  "nor queue:NAME"), rule=rule, pattern=pattern)
    return None
