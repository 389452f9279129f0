"""Translations: complete fi/sv/en .ts files, every UI string wrapped for translation, and the screens really
switch language (at start and while running).

The .ts files in resources/translations are the source (edited with Qt Linguist, refreshed with
`scripts/dev update-translations`); the .qm files are built from them (`scripts/dev build-translations`).
These tests compile their own .qm files into a temporary directory, so they do not depend on that build.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
UI_DIR = ROOT / "desktop" / "taltio" / "ui"
LANGS = ("fi", "sv", "en")
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    exe = BIN / name
    if not exe.exists():
        pytest.fail(f"{name} not found next to {sys.executable} (PySide6 installs it)")
    return str(exe)


# -- the .ts files ----------------------------------------------------------------------------------

def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message>; a disambiguating comment is part of the source key."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            src = m.findtext("source")
            comment = m.findtext("comment")
            out[(name, src if not comment else f"{src} [{comment}]")] = m
    return out


def _forms(m: ET.Element) -> list[str]:
    tr = m.find("translation")
    if m.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


@pytest.mark.parametrize("lang", LANGS)
def test_ts_has_no_unfinished_or_stale_entries(lang):
    path = TS_DIR / f"taltio_{lang}.ts"
    root = ET.parse(path).getroot()
    assert root.get("language") == lang and root.get("sourcelanguage") == "en"
    bad = []
    for (ctx, src), m in _messages(path).items():
        tr = m.find("translation")
        if tr is None:
            bad.append((ctx, src, "no translation"))
            continue
        if tr.get("type") in ("unfinished", "obsolete", "vanished"):
            bad.append((ctx, src, tr.get("type")))
        forms = _forms(m)
        if not forms or any(not f.strip() for f in forms):
            bad.append((ctx, src, "empty translation"))
    assert not bad, f"{path.name}: translate these in Qt Linguist (pyside6-linguist {path}):\n" + \
        "\n".join(map(str, bad))


def test_all_languages_have_the_same_source_strings():
    keys = {lang: set(_messages(TS_DIR / f"taltio_{lang}.ts")) for lang in LANGS}
    for lang in LANGS[1:]:
        assert keys[lang] == keys[LANGS[0]], (lang, keys[lang] ^ keys[LANGS[0]])


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%v|<[^>]+>")


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_and_markup(lang):
    """{number}, %n or <b> lost or misspelt in a translation would show wrong (or raise in str.format)."""
    wrong = []
    for (ctx, src), m in _messages(TS_DIR / f"taltio_{lang}.ts").items():
        want = sorted(PLACEHOLDER.findall(src))
        for form in _forms(m):
            got = sorted(PLACEHOLDER.findall(form))
            # A singular form may spell the number out ("one recording") instead of %n.
            if got != want and not (m.get("numerus") == "yes" and sorted(set(want) - {"%n"}) == got):
                wrong.append((ctx, src, form))
    assert not wrong, "\n".join(map(str, wrong))


def test_en_translations_are_the_source_text():
    """English is the source language: its .ts only supplies plural forms, never different wording."""
    for (ctx, src), m in _messages(TS_DIR / "taltio_en.ts").items():
        if m.get("numerus") != "yes":
            assert _forms(m) == [src], (ctx, src)


def test_every_tr_string_is_in_the_committed_translations(tmp_path):
    """A new tr() string without a translation fails here (run `scripts/dev update-translations`)."""
    fresh = tmp_path / "taltio_xx.ts"
    proc = subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                           *sorted(str(p) for p in UI_DIR.parent.rglob("*.py")), "-ts", str(fresh)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    extracted = set(_messages(fresh))
    assert extracted, "pyside6-lupdate found no strings at all"
    for lang in LANGS:
        committed = set(_messages(TS_DIR / f"taltio_{lang}.ts"))
        missing = extracted - committed
        assert not missing, f"taltio_{lang}.ts lacks {sorted(missing)}: run scripts/dev update-translations " \
                            f"and translate them"
        stale = committed - extracted
        assert not stale, f"taltio_{lang}.ts has strings no longer in the code: {sorted(stale)}; " \
                          f"run scripts/dev update-translations"


# -- every UI string wrapped ------------------------------------------------------------------------

TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "addAction", "addRow", "addItem", "setLabelText", "showMessage", "setStatusTip",
    "setItemText", "setTitle", "addMenu", "setWhatsThis", "setFormat", "setOkButtonText", "setCancelButtonText",
    "notify", "setInformativeText", "setDetailedText",
}
TEXT_CONSTRUCTORS = {"QLabel", "QPushButton", "QAction", "QCheckBox", "QGroupBox", "QMenu", "QRadioButton",
                     "QToolButton", "QCommandLinkButton"}
# Literals that are deliberately the same in every language, each with its reason.
ALLOWED = {
    "Taltio": "the product name",
    "%v dBFS": "a level meter's format: the value and its unit",
}
# Keyword arguments that carry text (PySide6 also takes Qt properties as keywords: toolTip="...").
TEXT_KEYWORDS = {"text", "title", "body", "toolTip", "statusTip", "whatsThis", "windowTitle", "accessibleName",
                 "accessibleDescription", "placeholderText", "labelText", "iconText"}
TRANSLATE_FUNCS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def _literal_parts(node: ast.AST) -> list[str]:
    """The literal text that *node* puts on screen unchanged (not through tr), as separate pieces."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):          # f"...": the literal parts, joined
        return ["".join(v.value for v in node.values if isinstance(v, ast.Constant))]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _literal_parts(node.left) + _literal_parts(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_parts(node.body) + _literal_parts(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [p for v in node.values for p in _literal_parts(v)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _literal_parts(node.func.value)   # "Text {x}".format(...): the receiver is the literal
    return []


def _has_words(text: str) -> bool:
    """Letters left once markup, {placeholders}, %-formats and entities are taken out."""
    text = re.sub(r"<[^>]*>|\{[^}]*\}|%[-+ #0-9.]*[a-zA-Z]|&[a-z]+;", "", text)
    return any(c.isalpha() for c in text)


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def untranslated(source: str, filename: str = "<snippet>") -> list[str]:
    """Places where a literal with words reaches a Qt text API without tr()/translate()."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in TRANSLATE_FUNCS:
            # tr(f"...") or tr("a" + b) cannot be extracted by lupdate nor matched at run time.
            args = node.args[1:2] if name in ("translate", "QT_TRANSLATE_NOOP") else node.args[:1]
            for a in args:
                if isinstance(a, (ast.JoinedStr, ast.BinOp)):
                    found.append(f"{filename}:{node.lineno}: {name}() needs a plain literal with {{placeholders}}")
            continue
        is_text_api = (isinstance(node.func, ast.Name) and name in TEXT_CONSTRUCTORS) or \
            (isinstance(node.func, ast.Attribute) and name in TEXT_METHODS)
        if not is_text_api:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)]:
            for text in _literal_parts(arg):
                if _has_words(text) and text not in ALLOWED:
                    found.append(f"{filename}:{node.lineno}: {name}({text!r}) is not translated")
    return found


def test_ui_strings_are_wrapped_for_translation():
    found = []
    for path in sorted(UI_DIR.rglob("*.py")):
        found += untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "wrap these in self.tr(...) or QCoreApplication.translate(...):\n" + "\n".join(found)


PLANTED = '''
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

class W(QWidget):
    def build(self, x, menu, form, combo, tray):
        QLabel("Hello there")                                   # 7: literal constructor
        self.button = QPushButton(text="Start", objectName="startButton")   # 8: keyword (objectName is fine)
        self.label.setText(f"Calls: {x}")                        # 9: f-string
        menu.addAction("Quit " + x, self.close)                  # 10: concatenation
        self.setToolTip(self.tr("Fine") if x else "Not fine")    # 11: one branch untranslated
        form.addRow("Name", None)                                # 12: form label
        combo.addItem("Nothing: {n}".format(n=x), None)          # 13: .format on a literal
        tray.showMessage("Taltio", "Recording stopped")          # 14: body untranslated
        self.setWindowTitle(self.tr(f"Taltio {x}"))              # 15: f-string inside tr
        # Accepted:
        self.setWindowTitle("Taltio")
        QLabel(self.tr("Hello"))
        QPushButton(QCoreApplication.translate("W", "Start {n}").format(n=x))
        self.label.setText(f"<b>{x}</b>")
        self.label.setText("")
        self.label.setText(x)
        self.meter.setFormat("%v dBFS")
        form.addRow("", None)
        menu.addAction(self.tr("Quit"), self.close)
'''


def test_untranslated_scan_catches_planted_violations():
    found = untranslated(PLANTED)
    assert [int(f.split(":")[1]) for f in found] == [7, 8, 9, 10, 11, 12, 13, 14, 15], "\n".join(found)


# -- the screens in fi and sv -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    from tests.helpers.untranslated import compile_translations

    _tool("pyside6-lrelease")
    return compile_translations(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def translate_to(qapp, qm_dir):
    from taltio.ui import i18n

    def install(lang: str) -> None:
        assert i18n.install(lang, qm_dir)
        qapp.processEvents()            # LanguageChange is posted to the widgets

    yield install
    i18n.uninstall()
    qapp.processEvents()


def _ts(lang: str, ctx: str, src: str) -> str:
    return _forms(_messages(TS_DIR / f"taltio_{lang}.ts")[(ctx, src)])[0]


NOTICES = {"fi": "Lue tämä", "sv": "Läs detta", "en": "Read me"}
CALL = {"call_id": "c1", "state": "notice_pending", "direction": "incoming", "number_hint": "…567", "language": "fi",
        "notice_mode": "agent", "notice_given": False}


def _widgets(qtbot):
    from taltio.ui.notice_card import NoticeCard
    from taltio.ui.pill import StatusPill
    from taltio.ui.tray import StatusWindow

    card, window, pill = NoticeCard(NOTICES), StatusWindow(), StatusPill()
    for w in (card, window, pill):
        qtbot.addWidget(w)
    card.show_call(CALL)
    return card, window, pill


def _texts(card, window, pill) -> dict[str, str]:
    return {"start": card.btn_start.text(), "status": card.status.text(), "caller": card.caller.text(),
            "heading": card.heading.text(), "title": card.windowTitle(), "card": window.card_button.text(),
            "private": window.private_button.text(), "pill": pill.label.text()}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_widgets_built_in_finnish_and_swedish(qtbot, translate_to, lang):
    translate_to(lang)
    card, window, pill = _widgets(qtbot)
    assert card.btn_start.text() == _ts(lang, "NoticeCard", "Notice given: start recording") != \
        "Notice given: start recording"
    assert card.status.text() == _ts(lang, "NoticeCard", "Read the notice, then start recording")
    assert card.caller.text() == _ts(lang, "NoticeCard", "Incoming call {number}").format(number="…567")
    assert window.card_button.text() == _ts(lang, "StatusWindow", "Show call card") != "Show call card"
    assert pill.label.text() == _ts(lang, "StatusPill", "NOT RECORDING") != "NOT RECORDING"
    # The notice read to the customer follows the call's language, not the screens'.
    assert card.notice.text() == "Lue tämä"


def test_widgets_switch_language_while_open(qtbot, translate_to):
    import time

    card, window, pill = _widgets(qtbot)
    pill.set_status("recording", "Recording call …567", since=time.time() - 5)
    english = _texts(card, window, pill)
    assert english["start"] == "Notice given: start recording" and english["pill"].startswith("REC ")
    translate_to("sv")
    swedish = _texts(card, window, pill)
    changed = {k for k in english if english[k] != swedish[k]}
    assert changed == set(english), f"not retranslated: {set(english) - changed}"
    assert swedish["pill"].startswith(_ts("sv", "StatusPill", "REC {time}").split("{")[0])
    assert card.isHidden() is False and card.notice.text() == "Lue tämä"
    translate_to("fi")
    assert card.btn_start.text() == _ts("fi", "NoticeCard", "Notice given: start recording")
    from taltio.ui import i18n

    i18n.uninstall()
    qtbot.waitUntil(lambda: _texts(card, window, pill) == english, timeout=2000)


def _clipped(root) -> list[str]:
    """Visible labels and buttons narrower or shorter than their text needs."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    bad = []
    for w in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not isinstance(w, (QLabel, QAbstractButton)) or not w.isVisibleTo(root) or not w.text():
            continue
        fm = w.fontMetrics()
        if isinstance(w, QLabel) and w.wordWrap():
            need_w, need_h = 0, w.heightForWidth(w.width())
        else:       # the text itself (a style's minimum button width is not what matters here)
            need_w, need_h = fm.horizontalAdvance(w.text().replace("&", "")), fm.height()
        if w.width() < need_w or w.height() < need_h:
            bad.append(f"{w.objectName() or type(w).__name__} {w.text()!r}: {w.width()}x{w.height()} < "
                       f"{need_w}x{need_h}")
    return bad


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_longer_words_are_not_cut_off(qtbot, translate_to, lang):
    from PySide6.QtCore import QCoreApplication

    from taltio.ui.tray import StatusView

    translate_to(lang)
    card, window, pill = _widgets(qtbot)
    view = StatusView()
    qtbot.addWidget(view.window)
    for w in (card, pill, view.window):
        w.show()
    card.show_call({**CALL, "state": "recording", "notice_mode": "on_answer", "recorded_s": 3.0})
    pill.set_status("notice", "x")
    view.set_status("notice", QCoreApplication.translate("TaltioApp", "Call active: read the notice; not "
                                                         "recording yet"),
                    QCoreApplication.translate("TaltioApp", "%n recording(s) waiting for upload", "", 3))
    qtbot.wait(50)
    for w in (card, pill, view.window):
        assert not _clipped(w), _clipped(w)
    view.close()


def test_hidden_card_stays_hidden_on_language_change(qtbot, translate_to):
    card, _window, _pill = _widgets(qtbot)
    card.hide()
    translate_to("fi")
    assert card.isHidden() and card.btn_start.text() == _ts("fi", "NoticeCard", "Notice given: start recording")


def test_plurals(qapp, translate_to):
    from PySide6.QtCore import QCoreApplication

    def n(count: int) -> str:
        return QCoreApplication.translate("TaltioApp", "%n recording(s) waiting for upload", "", count)

    assert n(3) == "3 recording(s) waiting for upload"         # no translator: the source
    translate_to("en")
    assert (n(1), n(3)) == ("1 recording waiting for upload", "3 recordings waiting for upload")
    translate_to("fi")
    assert (n(1), n(3)) == ("1 tallenne odottaa lähetystä", "3 tallennetta odottaa lähetystä")
    translate_to("sv")
    assert (n(1), n(3)) == ("1 inspelning väntar på uppladdning", "3 inspelningar väntar på uppladdning")


def test_status_view_language_choice(qtbot, translate_to):
    from taltio.ui.tray import StatusView

    view = StatusView()
    qtbot.addWidget(view.window)
    combo = view.window.language
    assert [combo.itemText(i) for i in range(combo.count())] == ["Suomi", "Svenska", "English"]
    view.set_language("sv", False)
    assert combo.currentData() == "sv" and combo.isEnabled()
    with qtbot.waitSignal(view.language_chosen) as sig:
        combo.activated.emit(0)
    assert sig.args == ["fi"]
    view.set_language("fi", True)           # set by the organisation: shown, not changeable
    assert combo.currentData() == "fi" and not combo.isEnabled()
    translate_to("fi")
    assert view.window.language.toolTip() == _ts("fi", "StatusWindow", "Set by your organisation")
    view.close()


# -- the app: language at start, switching, locked ----------------------------------------------------

@pytest.fixture
def app_factory_i18n(qapp, qm_dir, tmp_path, monkeypatch, allow_log_errors):
    """A TaltioApp whose core cannot start (no recipients): no keyring, audio or store is needed."""
    allow_log_errors("taltio.app")      # its "cannot start recording" (no recipients, no keyring) is the point
    from contextlib import ExitStack

    from taltio import settings as settings_mod
    from taltio.ui import i18n
    from tests.helpers.in_process import in_process_app

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm_dir)
    with ExitStack() as apps:
        def make(machine: str = ""):
            config = '[agent]\nid = "agent-7"\n[storage]\nurl = "file:///nonexistent/store"\n' + machine
            return apps.enter_context(in_process_app(tmp_path, config, user=settings_mod.user_config_path,
                                                     start=False))

        yield make
    i18n.uninstall()


def test_app_starts_in_the_configured_language_and_switches(qtbot, app_factory_i18n, tmp_path):
    import tomllib

    from taltio import settings as settings_mod
    from taltio.ui import i18n

    app = app_factory_i18n('[ui]\nstatus_pill = true\n')
    assert app.config_error                       # no recipients: the status says why
    assert i18n.current() == "en"
    assert app.compute_status()[1] == "Not recording: configuration problem"
    app.set_ui_language("fi")
    qtbot.waitUntil(lambda: app.card.btn_start.text() == _ts("fi", "NoticeCard", "Notice given: start recording"))
    assert app.compute_status()[1] == _ts("fi", "TaltioApp", "Not recording: configuration problem")
    assert app.pill.toolTip().endswith(app.compute_status()[1])        # refreshed at once, not on the next tick
    saved = tomllib.loads(settings_mod.user_config_path().read_text())
    assert saved["ui"]["language"] == "fi"
    app.shutdown()
    assert i18n.current() == "en"
    # Next start: the saved choice is installed before any widget is built.
    app2 = app_factory_i18n()
    assert i18n.current() == "fi"
    assert app2.card.btn_start.text() == _ts("fi", "NoticeCard", "Notice given: start recording")
    assert app2.view.window.language.currentData() == "fi"


def test_app_language_locked_by_the_organisation(qtbot, app_factory_i18n):
    from taltio import settings as settings_mod
    from taltio.ui import i18n

    app = app_factory_i18n('[ui]\nlanguage = "sv"\n')
    assert i18n.current() == "sv"
    assert not app.view.window.language.isEnabled()
    told = []
    app.view.notifier.notify = lambda title, body, urgent=False: told.append(body)
    app.set_ui_language("en")                      # e.g. from a stale menu: refused, politely
    assert i18n.current() == "sv" and app.view.window.language.currentData() == "sv"
    assert not settings_mod.user_config_path().exists()
    assert told == [_ts("sv", "TaltioApp", "Your organisation has set the language of Taltio; "
                                           "it cannot be changed here.")]


def test_shipped_translations_install(qapp):
    """What `scripts/dev build-translations` produced (scripts/dev test runs it first)."""
    from taltio.ui import i18n

    if not (TS_DIR / "taltio_fi.qm").exists():
        pytest.skip("resources/translations/*.qm not built: run scripts/dev build-translations")
    try:
        for lang in LANGS:
            assert (TS_DIR / f"taltio_{lang}.qm").stat().st_mtime >= (TS_DIR / f"taltio_{lang}.ts").stat().st_mtime, \
                f"taltio_{lang}.qm is older than its .ts: run scripts/dev build-translations"
            assert i18n.install(lang)
            assert i18n.current() == lang
    finally:
        i18n.uninstall()


# The offscreen platform has no tray; the icon is made all the same (and Qt says so).
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_tray_menu_language_submenu(qtbot, translate_to, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    from taltio.ui import tray as tray_mod

    monkeypatch.setattr(tray_mod.QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    view = tray_mod.StatusView()
    assert isinstance(view.tray, QSystemTrayIcon) and view.window is None
    titles = [a.text() for a in view._menu.actions()]
    assert "Show call card" in titles and "Language" in titles and "Quit Taltio" in titles
    langs = view._lang_menu.actions()
    assert [a.text() for a in langs] == ["Suomi", "Svenska", "English"]
    view.set_language("en")
    assert [a.isChecked() for a in langs] == [False, False, True]
    with qtbot.waitSignal(view.language_chosen) as sig:
        langs[1].trigger()
    assert sig.args == ["sv"]
    view.set_status("idle", "Ready: no call")
    translate_to("sv")                      # the menu is retranslated through its LanguageChange event
    titles = [a.text() for a in view._menu.actions()]
    assert _ts("sv", "StatusView", "Show call card") in titles and _ts("sv", "StatusView", "Language") in titles
    assert [a.text() for a in langs] == ["Suomi", "Svenska", "English"]       # each language named in itself
    assert view.tray.toolTip().startswith(_ts("sv", "StatusView", "Taltio: {status}").split("{")[0])
    view.set_language("fi", locked=True)
    assert not any(a.isEnabled() for a in langs)
    view.close()


@pytest.mark.slow
def test_unacknowledged_staff_notice_follows_a_language_switch(qtbot, keyring_daemon, qm_dir, tmp_path,
                                                               monkeypatch):
    """Switched before acknowledging: the staff notice is shown again in the new language, and the
    acknowledgement records the text that was actually read."""
    import json
    import sqlite3

    from taltio.domain import notices
    from taltio import settings as settings_mod
    from taltio.ui import i18n
    from tests.helpers.in_process import in_process_app, local_config

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm_dir)
    saved = settings_mod.save_user({"ui.language": "sv"})
    # The path now: applying the keyring daemon's environment changes HOME and the XDG dirs.
    with in_process_app(tmp_path, local_config(tmp_path), user=saved, keyring=keyring_daemon) as app:
        first = app.staff_dialog
        assert first is not None and first.isVisible() and first.language == "sv"
        assert first.button.text() == _ts("sv", "StaffNoticeDialog", "I have read this")
        app.set_ui_language("fi")
        dlg = app.staff_dialog
        assert dlg is not first and not first.isVisible() and dlg.isVisible() and dlg.language == "fi"
        assert dlg.body.text() == notices.shipped("staff", "fi")
        assert dlg.button.text() == _ts("fi", "StaffNoticeDialog", "I have read this")
        dlg.button.click()
    db = sqlite3.connect(tmp_path / "data" / "queue.sqlite3")
    try:
        rows = [json.loads(d) for (d,) in db.execute("SELECT detail FROM audit WHERE event = 'staff-notice-ack'")]
    finally:
        db.close()
    assert [(r["language"], r["sha256"]) for r in rows] == [("fi", notices.digest(notices.shipped("staff", "fi")))]


def test_a_warning_is_not_notified_again_just_because_the_language_changed(qtbot, translate_to):
    from taltio.ui.tray import StatusView

    view = StatusView()
    qtbot.addWidget(view.window)
    told = []
    view.notifier.notify = lambda title, body, urgent=False: told.append(body)
    view.set_language("en")
    view.set_status("error", "Not recording: configuration problem")
    assert len(told) == 1
    translate_to("fi")
    view.set_language("fi")
    view.set_status("error", _ts("fi", "TaltioApp", "Not recording: configuration problem"))
    assert len(told) == 1 and view.window.text.text() == \
        f"<b>{_ts('fi', 'TaltioApp', 'Not recording: configuration problem')}</b>"
    view.set_status("warning", "Not hearing your microphone")    # a new problem is notified
    assert len(told) == 2
    view.close()


def test_devices_dialog_in_finnish_and_back(qtbot, translate_to):
    from taltio.domain.ports import Device
    from taltio import settings as settings_mod
    from taltio.ui.devices_dialog import LOCKED_TEXT, DevicesDialog

    class Backend:          # the list only: the dialog is never shown, so no capture starts
        def devices(self):
            return [Device("m1", "Headset", "mic", True), Device("l1", "Monitor of Headset", "loopback", True)]

        def suggest_loopback(self, _softphone):
            return self.devices()[1]

    settings = settings_mod.Settings({s.key: s.default for s in settings_mod.SCHEMA},
                                     {"audio.mic_device": "machine (/etc/taltio/taltio.toml)"}, None)
    translate_to("fi")
    dlg = DevicesDialog(Backend(), settings, "baresip")
    qtbot.addWidget(dlg)
    locked_fi = _ts("fi", "DevicesDialog", LOCKED_TEXT)
    assert dlg.windowTitle() == _ts("fi", "DevicesDialog", "Taltio: audio devices")
    assert dlg.mic.currentText() == f"Headset  ({locked_fi})" and dlg.mic.toolTip() == locked_fi
    assert dlg.loop.currentText() == _ts("fi", "DevicesDialog", "{device}  (suggested)").format(
        device="Monitor of Headset")
    assert dlg.mic_fb.itemText(0) == _ts("fi", "DevicesDialog", "Nothing: mark a gap and wait for it to return")
    assert "<b>Monitor of Headset</b>" in dlg.hint.text() and dlg.hint.text().startswith("Ehdotus")
    from taltio.ui import i18n

    i18n.uninstall()
    qtbot.waitUntil(lambda: dlg.windowTitle() == "Taltio: audio devices")
    assert dlg.mic.currentText() == f"Headset  ({LOCKED_TEXT})"
    assert dlg.loop.currentText() == "Monitor of Headset  (suggested)"


def test_core_warnings_are_shown_in_the_agents_language(qapp):
    """The core stays Qt-free and English; the UI renders its Text messages translated."""
    from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
    from taltio.ui import i18n
    from taltio.ui.core_text import render, render_error
    from taltio.domain.events import EventError

    side = Text(QT_TRANSLATE_NOOP("core", "the customer's side"))
    msg = Text(QT_TRANSLATE_NOOP("core", "Not hearing {side}: '{device}' stopped ({cause}); {then}"),
               side=side, device="Jabra", cause="unplugged",
               then=Text(QT_TRANSLATE_NOOP("core", "waiting for it to return")))
    assert msg == "Not hearing the customer's side: 'Jabra' stopped (unplugged); waiting for it to return"
    try:
        assert i18n.install("sv")
        assert render(msg) == "Hör inte kundens sida: 'Jabra' slutade (unplugged); väntar på att den kommer tillbaka"
        err = EventError(Text(QT_TRANSLATE_NOOP("core", "you have marked {count} calls private today, the most "
                                                        "your organisation allows"), count=3))
        assert render_error(err).startswith("du har markerat 3 samtal")
        assert str(err).startswith("you have marked 3 calls")          # logs and hook replies stay English
        assert render("plain text") == "plain text"
    finally:
        i18n.install("en")


def test_a_side_lined_up_mid_call_warns_the_agent_in_their_language(qapp):
    """Issue 19.5: the mixer's mid-call line-up (silence put into a side) is said to the agent, translated."""
    from taltio.recording.call_rules import device_warning
    from taltio.ui import i18n
    from taltio.ui.core_text import render

    key, text = device_warning("realigned", {"channel": "customer", "ms": 43, "device": "Jabra"}, False, 20.0)
    assert key == "customer:timing"
    assert text == ("The computer is too busy: the customer's side fell 43 ms out of step and was lined up again; "
                    "the recording's manifest notes it")
    try:
        assert i18n.install("fi")
        assert render(text) == ("Tietokone on liian kuormitettu: asiakkaan puoli joutui 43 ms pois tahdista ja "
                                "tahdistettiin uudelleen; tallenteen manifestiin on merkitty tämä")
    finally:
        i18n.install("en")


def test_device_loss_cause_and_refusals_are_translated_too(qapp):
    from taltio.domain.session import CallSession, TransitionError
    from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
    from taltio.ui import i18n
    from taltio.ui.core_text import render, render_error

    cause = Text(QT_TRANSLATE_NOOP("core", "unplugged, or the audio server restarted"))
    s = CallSession(call_id="c1")
    try:
        s.pause(0.0)
    except TransitionError as exc:
        err = exc
    try:
        assert i18n.install("fi")
        assert render(cause) == "irrotettu, tai äänipalvelin käynnistyi uudelleen"
        assert render_error(err) == "puhelua c1 ei tallenneta; ei mitään keskeytettävää"
        assert str(err) == "call c1 is not recording; nothing to pause"     # hook replies and logs stay English
    finally:
        i18n.install("en")


def test_pill_position_is_remembered_across_starts(qtbot, app_factory_i18n):
    """The agent drags the pill once; the next start puts it there again (a user choice, like the language)."""
    import tomllib

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from taltio import settings as settings_mod

    app = app_factory_i18n('[ui]\nstatus_pill = true\n')
    app.refresh()
    pill = app.pill
    qtbot.waitExposed(pill)
    start = pill.pos()
    with qtbot.waitSignal(pill.moved, timeout=1000):
        QTest.mousePress(pill, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 10))
        QTest.mouseMove(pill, QPoint(-160, 210))
        QTest.mouseRelease(pill, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(-160, 210))
    dropped = pill.pos()
    assert dropped == start + QPoint(-200, 200)
    saved = tomllib.loads(settings_mod.user_config_path().read_text())
    assert saved["ui"]["pill_position"] == f"{dropped.x()},{dropped.y()}"
    app.shutdown()
    app2 = app_factory_i18n('[ui]\nstatus_pill = true\n')
    app2.refresh()
    qtbot.waitExposed(app2.pill)
    assert app2.pill.pos() == dropped
    # A position from a screen that is gone (e.g. an undocked laptop) still lands on a screen.
    settings_mod.save_user({"ui.pill_position": "99999,-5000"}, settings_mod.user_config_path())
    app2.shutdown()
    app3 = app_factory_i18n('[ui]\nstatus_pill = true\n')
    app3.refresh()
    qtbot.waitExposed(app3.pill)
    assert app3.pill.screen().availableGeometry().contains(app3.pill.frameGeometry())


def test_text_parameters_are_escaped_but_a_nested_text_stays_translatable(qapp):
    """Outside input in a message (an event name with ESC, a call id with a newline or a lone surrogate) is shown
    escaped; a Text passed as a parameter is ours and must stay a Text, or the UI shows it in English
    (a regression the escaping first brought in)."""
    from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, escape_controls

    assert escape_controls("a\x1b[2Jb\nc\ud800 Ä") == "a\\x1b[2Jb\\nc\\ud800 Ä"
    inner = Text(QT_TRANSLATE_NOOP("core", "waiting for it to return"))
    msg = Text("{call} {then}", call="x\x1by\n", then=inner)
    assert str(msg) == "x\\x1by\\n waiting for it to return"
    assert isinstance(msg.params["then"], Text) and msg.params["then"].template == inner.template


def test_an_upload_error_read_back_from_the_queue_database_is_still_translated(qapp, tmp_path):
    """The queue keeps its last error in SQLite for the status; kept as flat English, the agent saw "storage
    unreachable …" in every language. It is kept as the Text's template and parameters and read back a Text."""
    from taltio.domain.ports import StorageError
    from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, dump, load
    from taltio.ui import i18n
    from taltio.ui.core_text import render
    from taltio.upload.queue import UploadQueue
    from taltio.adapters.storage import FolderTarget

    msg = Text(QT_TRANSLATE_NOOP("core", "storage unreachable at {where}: cannot connect ({reason})"),
               where="http://10.0.0.5:8333", reason=Text(QT_TRANSLATE_NOOP("core", "the connection was refused")))
    back = load(dump(msg))
    assert isinstance(back, Text) and back == msg and isinstance(back.params["reason"], Text)
    for stored in ("plain text from an older version", '{"text": 3}', '{"text": {"template": "{x}", "params": {}}}',
                   '{"text": ', '{"text": {"template": "{a}", "params": {"a": {"template": 1, "params": 2}}}}',
                   '{"text": ' + '[' * 100_000 + ']' * 100_000 + '}'):
        assert isinstance(load(stored), str)           # never raises: a status must always show

    blocked = tmp_path / "store"
    blocked.write_text("a file where the share should be")
    calls = tmp_path / "calls" / "c1"
    calls.mkdir(parents=True)
    (calls / "c1.ogg.age").write_bytes(b"x" * 100)
    import hashlib
    q = UploadQueue(tmp_path / "queue.sqlite3", FolderTarget(blocked), retry_max_s=0.2)
    try:
        q.enqueue("c1", calls, "agent-7/2026/12/07",
                  [{"name": "c1.ogg.age", "sha256": hashlib.sha256(b"x" * 100).hexdigest(), "size": 100}])
        q.start()
        import time
        deadline = time.monotonic() + 10
        while q.status().last_error is None and time.monotonic() < deadline:
            time.sleep(0.05)
        err = q.status().last_error
    finally:
        q.stop()
    assert isinstance(err, Text), repr(err)
    try:
        assert i18n.install("fi")
        assert render(err).startswith("kohteeseen ") and render(err).endswith("ei voi kirjoittaa: kansion paikalla on "
                                                                             "tiedosto"), render(err)
    finally:
        i18n.install("en")
