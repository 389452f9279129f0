"""The readable summary of a customer's copy: one document model, rendered as HTML and as PDF.

Both renderers walk the same list of sections built by :func:`sections`, so the PDF cannot say
less (or more) than the HTML. The facts come only from verified, signed manifests; the customer's
number comes from the sealed party opened with the organisation identity.

PDF: fpdf2. It is pure Python (no Cairo/Pango or browser, so it installs the same on a supervisor's
Windows laptop as here), actively maintained, embeds TrueType fonts with subsetting (ä, ö, å and
the dash render as text, searchable and copyable), and wraps table cells itself. ReportLab would do
too but is a much larger toolkit, with C extensions, for what is a few pages of text.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from taltio.admin.summary_texts import IN_LANGUAGE, ORG_UNSET, UNITS, t
from taltio.admin.trust import AdminError


# The installed app's own copy first (installer/pyinstaller/trim.py bundles it: Windows and macOS ship no DejaVu),
# then the system's.
def _bundled_fonts() -> Path:
    try:
        return Path(str(resources.files("taltio.resources") / "fonts"))
    except (ImportError, TypeError):
        return Path("/nonexistent")


BUNDLED_FONTS = _bundled_fonts()
FONT_DIRS = (BUNDLED_FONTS, Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("C:/Windows/Fonts"), Path("/Library/Fonts"))
DEFAULT_TZ = "Europe/Helsinki"
KEEP_MM = 100          # a call section starting lower than this above the page's foot starts a new page


class SummaryError(AdminError):
    """The summary cannot be made (no usable font); the message says what to install."""


@dataclass(frozen=True)
class CallInfo:
    """What the customer is told about one verified call (nothing here is read from unsigned data)."""
    call_id: str
    agent: str
    started: datetime | None
    direction: str | None
    duration_s: float | None
    number: str | None
    notice_mode: str | None
    notice_given: datetime | None
    notice_sha256: str | None
    notice_text: str | None          # only when a known text hashes to notice_sha256
    notice_language: str | None = None
    pauses: list[dict] = field(default_factory=list)
    bookmarks: list[dict] = field(default_factory=list)
    audio_file: str | None = None    # the member name in the zip


@dataclass(frozen=True)
class Meta:
    organisation: str | None
    contact: str | None
    request_id: str
    made: datetime
    tz: str = DEFAULT_TZ


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# -- formatting --------------------------------------------------------------------------------
def when(dt: datetime | None, lang: str, tz: str = DEFAULT_TZ) -> str:
    """A time as the customer reads it, in local time with the zone's name (EET/EEST)."""
    if dt is None:
        return t(lang, "unknown")
    local = dt.astimezone(ZoneInfo(tz))
    if lang == "fi":
        return f"{local.day}.{local.month}.{local.year} klo {local:%H.%M.%S} ({local.tzname()})"
    if lang == "sv":
        return f"{local:%Y-%m-%d} kl. {local:%H:%M:%S} ({local.tzname()})"
    return f"{local:%Y-%m-%d} {local:%H:%M:%S} ({local.tzname()})"


def duration(seconds: float | None, lang: str) -> str:
    """'2 min 05 s', '1 h 02 min 05 s' (units in the language); rounded to the second."""
    if seconds is None:
        return t(lang, "unknown")
    h_, m_, s_ = UNITS.get(lang, UNITS["en"])
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return f"{h} {h_} {m:02d} {m_} {s:02d} {s_}"
    if m:
        return f"{m} {m_} {s:02d} {s_}"
    return f"{s} {s_}"


def _offset(value: object) -> str:
    """Seconds into the recording as m:ss (what a media player shows)."""
    if not isinstance(value, (int, float)):
        return "?"
    m, s = divmod(int(value), 60)
    return f"{m}:{s:02d}"


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


# -- the document model ------------------------------------------------------------------------
def sections(calls: list[CallInfo], lang: str, meta: Meta) -> list[Section]:
    """Everything the summary says, in order: the request, each call, where to ask."""
    org = meta.organisation or ORG_UNSET.get(lang, ORG_UNSET["en"])
    head = Section(t(lang, "title"), [(t(lang, "request"), meta.request_id),
                                      (t(lang, "made"), when(meta.made, lang, meta.tz)),
                                      (t(lang, "calls"), str(len(calls)))], [t(lang, "intro", org=org)])
    out = [head]
    for n, c in enumerate(calls, 1):
        out.append(_call(c, n, len(calls), lang, meta, org))
    contact = meta.contact or meta.organisation or t(lang, "contact_unset")
    out.append(Section(t(lang, "questions"), [], [t(lang, "questions_text", contact=contact,
                                                    request=meta.request_id)]))
    return out


def _call(c: CallInfo, n: int, total: int, lang: str, meta: Meta, org: str) -> Section:
    rows = [(t(lang, "date"), when(c.started, lang, meta.tz)),
            (t(lang, "organisation"), org),
            (t(lang, "agent"), c.agent),
            (t(lang, "customer"), c.number or t(lang, "number_unknown")),
            (t(lang, "direction"), t(lang, c.direction) if c.direction in ("incoming", "outgoing")
             else (c.direction or t(lang, "unknown"))),
            (t(lang, "duration"), duration(c.duration_s, lang) if c.audio_file else t(lang, "no_audio"))]
    if c.audio_file:
        rows.append((t(lang, "audio_file"), c.audio_file))
    rows += _notice_rows(c, lang, meta)
    rows.append((t(lang, "pauses"), _pauses(c, lang, meta)))
    rows.append((t(lang, "marks"), _marks(c, lang, meta)))
    rows.append((t(lang, "verified"), t(lang, "verified_text")))
    return Section(t(lang, "call", n=n, total=total), rows)


def _notice_rows(c: CallInfo, lang: str, meta: Meta) -> list[tuple[str, str]]:
    mode = {"agent": t(lang, "notice_agent"), "on_answer": t(lang, "notice_on_answer")}.get(
        c.notice_mode or "", c.notice_mode or t(lang, "unknown"))
    given = when(c.notice_given, lang, meta.tz) if c.notice_given else t(lang, "notice_none")
    text = c.notice_text or t(lang, "notice_text_missing", sha=c.notice_sha256 or t(lang, "unknown"))
    label = t(lang, "notice_text")
    if c.notice_text and c.notice_language in IN_LANGUAGE and c.notice_language != lang:
        label += f" ({IN_LANGUAGE[c.notice_language][lang]})"       # read to the customer in this language
    return [(t(lang, "notice"), mode), (t(lang, "notice_given"), given), (label, text)]


def _pauses(c: CallInfo, lang: str, meta: Meta) -> str:
    if not c.pauses:
        return t(lang, "pauses_none")
    lines = [t(lang, "pause_row", start=when(_iso(p.get("start")), lang, meta.tz),
               end=when(_iso(p.get("end")), lang, meta.tz), offset=_offset(p.get("offset_s"))) for p in c.pauses]
    return "\n".join([*lines, t(lang, "pauses_note")])


def _marks(c: CallInfo, lang: str, meta: Meta) -> str:
    if not c.bookmarks:
        return t(lang, "marks_none")
    lines = [t(lang, "mark_row", at=when(_iso(b.get("at")), lang, meta.tz), offset=_offset(b.get("offset_s")))
             + (f": {b['label']}" if isinstance(b.get("label"), str) and b["label"] not in ("", "agreement") else "")
             for b in c.bookmarks]    # "agreement" is the app's default label: the section says so already
    return "\n".join([*lines, t(lang, "mark_note")])


# -- HTML --------------------------------------------------------------------------------------
CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; max-width: 46em;
       margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 18pt; margin-bottom: .3em; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .25em .5em; }
th { width: 33%; font-weight: bold; } tr:nth-child(even) { background: #f3f3f3; }
td { white-space: pre-line; }
"""


def render_html(secs: list[Section], lang: str) -> str:
    """A self-contained page (no scripts, no external resources): it opens the same offline in ten years."""
    e = html.escape
    parts = [f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head><meta charset="utf-8">',
             f"<title>{e(secs[0].title)}</title><style>{CSS}</style></head>\n<body>"]
    for i, s in enumerate(secs):
        parts.append(f"<h1>{e(s.title)}</h1>" if i == 0 else f"<h2>{e(s.title)}</h2>")
        parts += [f"<p>{e(n)}</p>" for n in s.notes]
        if s.rows:
            parts.append("<table>")
            parts += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in s.rows]
            parts.append("</table>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


# -- PDF ---------------------------------------------------------------------------------------
def font_files() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold (Debian: fonts-dejavu-core): covers ä, ö, å and every dash used."""
    for d in FONT_DIRS:
        regular, bold = d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    raise SummaryError("no DejaVu Sans font for the PDF summary: install fonts-dejavu-core "
                       f"(looked in {', '.join(str(d) for d in FONT_DIRS)})")


def render_pdf(secs: list[Section], lang: str, dst: Path) -> None:
    """The same sections as :func:`render_html`, as an A4 PDF with the font embedded."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    regular, bold = font_files()
    page = t(lang, "page", n="{nb}").replace("{nb}", "%d")

    class _PDF(FPDF):
        def footer(self) -> None:          # a printed copy keeps its order
            self.set_y(-12)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, page % self.page_no(), align="C")

    pdf = _PDF(format="A4")
    pdf.set_title(secs[0].title)
    pdf.set_lang(lang)
    pdf.set_creator("taltio-admin export")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for i, s in enumerate(secs):
        if s.rows and i > 0 and pdf.get_y() > pdf.h - KEEP_MM:
            pdf.add_page()             # no call heading alone at the foot of a page
        pdf.set_font("DejaVu", "B", 17 if i == 0 else 13)
        pdf.ln(0 if i == 0 else 4)
        pdf.multi_cell(0, 8, s.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for n in s.notes:
            pdf.multi_cell(0, 5.5, n, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        if s.rows:
            with pdf.table(col_widths=(33, 67), first_row_as_headings=False, line_height=5.5,
                           borders_layout="HORIZONTAL_LINES", cell_fill_color=(243, 243, 243),
                           cell_fill_mode="ROWS", padding=1.5, text_align="LEFT",
                           v_align="TOP") as table:
                for k, v in s.rows:
                    row = table.row()
                    row.cell(k, style=FontFace(emphasis="BOLD"))
                    row.cell(v)
    pdf.output(str(dst))
