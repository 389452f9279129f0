"""Find English left in what the agent sees in another language (issue 18 point 3).

Two independent checks, because either alone misses a class of leak:

- *the catalogue*: a literal run of words from a source string whose fi/sv translation differs from it
  (the core's ``Text`` rendered without translation, a ``tr()`` that lost its context);
- *the words*: common English words that neither Finnish nor Swedish uses, which also catches text that
  was never in the catalogue at all (an ``str(exc)`` from a library, a hand-built f-string).

Outside input that a message quotes (a URL, a setting's dotted name, a device name the test chose) is
removed first: it is the same in every language.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPlainTextEdit, QTextEdit, QWidget

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

# Words of English sentences that are not Finnish or Swedish words. Left out because they are words there
# too: "on", "se", "no" (fi); "full", "disk", "server", "policy", "status", "data", "by", "agent" (sv).
ENGLISH_WORDS = frozenset("""
the and are was were not cannot could would should this that these those with from into your you has have
been will when while which what there their its it's is of to for at or yet than then only also
recording recorded record storage upload uploads uploaded device devices error errors failed fails refused
unreachable reachable connect connection endpoint denied access check waiting queue nearly computer call
calls customer settings setting signature signed expired network missing invalid unknown found
""".split())

_NEUTRAL = [re.compile(p) for p in (
    r"[a-z][a-z0-9+.-]*://\S+",          # URLs
    r"\b[a-z_]+(?:\.[a-z_0-9]+)+\b",     # dotted setting names, file names, hosts
    r"<[^>]+>",                          # markup
    r"(?<![\w.])/[^\s'\")]+",            # absolute paths
)]


def _catalogue_runs(lang: str, min_words: int = 3) -> list[str]:
    """Literal English runs of at least *min_words* words from sources that *lang* translates differently."""
    root = ET.parse(TS_DIR / f"taltio_{lang}.ts").getroot()
    runs: set[str] = set()
    for m in root.iter("message"):
        src = m.findtext("source") or ""
        tr = m.find("translation")
        forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
        if all(f == src for f in forms):
            continue                     # the same in both (a name, a unit): not a leak
        for piece in re.split(r"\{[a-z_]*\}|%n|<[^>]+>|&", src):
            piece = " ".join(piece.split())
            if len(piece.split()) >= min_words:
                runs.add(piece)
    return sorted(runs, key=len, reverse=True)


class Checker:
    """``Checker("fi", neutral=["agent_mic"]).problems(texts)`` lists every text with English in it."""

    def __init__(self, lang: str, neutral: list[str] = ()) -> None:
        self.lang = lang
        self.runs = _catalogue_runs(lang)
        self.neutral = sorted(neutral, key=len, reverse=True)

    def _strip(self, text: str) -> str:
        for value in self.neutral:
            text = text.replace(value, " ")
        for pattern in _NEUTRAL:
            text = pattern.sub(" ", text)
        return text

    def english_in(self, text: str) -> list[str]:
        bare = " ".join(self._strip(text).split())
        found = [run for run in self.runs if run in bare]
        found += sorted({w for w in re.findall(r"[A-Za-z']+", bare) if w.lower() in ENGLISH_WORDS})
        return found

    def problems(self, texts: dict[str, str]) -> list[str]:
        """'where: text  <- English found' for each of *texts* (where -> text) with English in it."""
        out = []
        for where, text in texts.items():
            found = self.english_in(text)
            if found:
                out.append(f"{where}: {text!r}  <- {found[:4]}")
        return out


def widget_texts(root: QWidget, where: str) -> dict[str, str]:
    """Every text a visible *root* shows: labels, buttons, combo items, text fields, tooltips, titles."""
    out: dict[str, str] = {}
    if not root.isVisible():
        return out

    def put(name: str, text: str) -> None:
        if text and text.strip():
            out[f"{where}/{name}"] = text

    put("title", root.windowTitle())
    put("tooltip", root.toolTip())
    for i, w in enumerate(root.findChildren(QWidget)):
        if not w.isVisibleTo(root):
            continue
        name = w.objectName() or f"{type(w).__name__}{i}"
        if isinstance(w, (QLabel, QAbstractButton)):
            put(name, w.text())
        elif isinstance(w, QComboBox):
            for j in range(w.count()):
                put(f"{name}[{j}]", w.itemText(j))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            put(name, w.toPlainText())
        put(f"{name}.tooltip", w.toolTip())
    return out


def compile_translations(out: Path) -> Path:
    """The .ts files compiled into *out* (taltio_<lang>.qm): tests use the sources, not a stale build."""
    import subprocess
    import sys

    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted(TS_DIR.glob("taltio_*.ts")):
        qm = out / ts.with_suffix(".qm").name
        proc = subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=120)
        if proc.returncode != 0 or not qm.exists():
            raise RuntimeError(f"{lrelease.name} {ts.name} failed: {proc.stdout}{proc.stderr}")
    return out
