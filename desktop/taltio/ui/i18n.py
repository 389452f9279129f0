"""Load Taltio's Qt translations (Qt Linguist .qm files, built from resources/translations/*.ts).

The .ts files are the source; `scripts/dev build-translations` (run by `scripts/dev test` and the
installers) compiles them with pyside6-lrelease. English is the source language, so "en" needs no
file.
"""
from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger("taltio.ui.i18n")

LANGUAGES = ("fi", "sv", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    code = QLocale.system().name()[:2]
    return code if code in LANGUAGES else "en"


def install(lang: str) -> bool:
    """Replace any installed Taltio translation with *lang*'s. False if none is needed or found."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        return False
    qm = resources.files("taltio.resources").joinpath("translations", f"taltio_{lang}.qm")
    t = QTranslator(app)
    if not qm.is_file() or not t.load(str(qm)):
        log.warning("no translation for '%s' (%s); showing English", lang, qm)
        return False
    app.installTranslator(t)
    _installed.append(t)
    return True
