"""Load Taltio's Qt translations (Qt Linguist .qm files, built from resources/translations/*.ts).

The .ts files are the source; `scripts/dev build-translations` (run by `scripts/dev test` and
`scripts/dev run`) compiles them with pyside6-lrelease, and `scripts/dev update-translations`
re-extracts the strings with pyside6-lupdate. English is the source language: without
taltio_en.qm the texts are shown as written in the code; with it, English plurals are proper
("1 recording", "2 recordings") instead of "recording(s)".

Installing a translator makes Qt send QEvent.LanguageChange to every widget; the widgets
re-set their texts in changeEvent. This is the language of Taltio's own screens only: the
notice read to the customer is chosen per call (core/notices.py), not here.
"""
from __future__ import annotations

import logging
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("taltio.ui.i18n")

LANGUAGES = ("fi", "sv", "en")
# Each language named in itself, so an agent finds their own whatever the current language is:
# these are deliberately not translated.
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    code = QLocale.system().name()[:2]
    return code if code in LANGUAGES else "en"


def translations_dir() -> Traversable:
    return resources.files("taltio.resources").joinpath("translations")


def current() -> str:
    """The language last installed ("en" until one is)."""
    return _current


def uninstall() -> None:
    """Remove Taltio's translation: the screens show the English source texts."""
    global _current
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
        t.deleteLater()
    _installed.clear()
    _current = "en"


def install(lang: str, directory: Path | Traversable | None = None) -> bool:
    """Replace any installed Taltio translation with *lang*'s (from *directory*, default the
    shipped translations). False if none was loaded: the screens then show the English source."""
    global _current
    uninstall()
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    _current = lang
    # Qt's own texts first (Save, Cancel, OK in dialogs), so Taltio's, installed last, are looked up first.
    qt = QTranslator(app)
    if lang != "en" and qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        qt.deleteLater()
    qm = (directory or translations_dir()).joinpath(f"taltio_{lang}.qm")
    t = QTranslator(app)
    if not qm.is_file() or not t.load(str(qm)):
        t.deleteLater()
        if lang != "en":
            log.warning("no translation for '%s' (%s); showing English", lang, qm)
        return False
    app.installTranslator(t)
    _installed.append(t)
    return True
