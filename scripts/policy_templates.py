#!/usr/bin/env python3
"""Render the machine-policy templates from the settings schema (desktop/taltio/settings/schema.py).

    .venv/bin/python scripts/policy_templates.py            # (re)write resources/policy-templates/
    .venv/bin/python scripts/policy_templates.py --check    # exit 1 if the committed files are out of date

Outputs, one policy per setting machine policy may set (all of them):

- taltio.admx, en-US/, fi-FI/ and sv-SE/taltio.adml: Group Policy (HKLM\\Software\\Policies\\Taltio\\<section>,
  value name = setting name; what adapters/machine_policy.WindowsRegistry reads). Finnish and Swedish labels and
  help come from resources/translations/taltio_fi.ts and taltio_sv.ts (context "settings"), read as XML: no Qt
  needed.
- taltio.mobileconfig: a sample macOS configuration profile forcing every setting at its default in the
  fi.taltio.Taltio domain (what MacManagedPrefs reads); delete what IT does not set.
- taltio.toml: a commented /etc/taltio/taltio.toml with every setting's help and default (LinuxFiles).

tests/test_policy_templates.py runs --check, so CI fails when the schema changed and the templates were
not regenerated.
"""
from __future__ import annotations

import argparse
import difflib
import json
import plistlib
import sys
import textwrap
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "desktop"))          # appended: a PYTHONPATH copy of taltio (tests) comes first

from taltio.adapters.machine_policy import MAC_DOMAIN, REGISTRY_PATH  # noqa: E402
from taltio.settings import SCHEMA, Setting  # noqa: E402

OUT = ROOT / "resources" / "policy-templates"
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"en-US": None, "fi-FI": "fi", "sv-SE": "sv"}        # ADML folder -> .ts language (None: the source)
NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
XSI = 'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
PROFILE_NS = uuid.UUID("6f0c3a52-7d3e-4f7e-9a51-2b8f3c1d9e40")     # fixed: the profile's UUIDs never change
MAX_TEXT = 32767
MAX_DWORD = 2147483647

# Texts that are not in the schema: section (category) names and the explain-text lines, per language.
SECTIONS = {
    "agent": ("Agent", "Asiakaspalvelija", "Agent"), "workstation": ("Workstation", "Työasema", "Arbetsstation"),
    "audio": ("Audio", "Ääni", "Ljud"), "softphone": ("Softphone", "Ohjelmistopuhelin", "Mjukvarutelefon"),
    "storage": ("Storage", "Tallennuspaikka", "Lagring"), "encryption": ("Encryption", "Salaus", "Kryptering"),
    "notice": ("Notice to customers", "Ilmoitus asiakkaalle", "Meddelande till kunder"),
    "org": ("Organisation", "Organisaatio", "Organisation"),
    "staff": ("Staff notice", "Henkilöstötiedote", "Personalmeddelande"),
    "recording": ("Recording", "Tallennus", "Inspelning"),
    "privacy": ("Private calls", "Yksityispuhelut", "Privata samtal"),
    "ui": ("User interface", "Käyttöliittymä", "Användargränssnitt"),
    "fleet": ("Fleet monitoring", "Työasemien seuranta", "Övervakning av arbetsstationer"),
    "policy": ("Supervisor policies", "Esihenkilöiden käytännöt", "Chefspolicyer"),
}
WORDS = {
    "en-US": {
        "supported": "Taltio on Windows 10 or later",
        "root_help": "Machine policy for Taltio call recording. Whatever is set here is locked: neither the "
                     "agent nor a supervisor policy can change it.",
        "default": "Default: {value}", "empty": "(empty)", "on": "on (Enabled)", "off": "off (Disabled)",
        "registry": "Registry: HKLM\\{key}, value {name} ({kind}).",
        "bool": "Enabled: on. Disabled: off. Not configured: the default.",
        "element": "Disabled or Not configured: the default (or a lower layer's value).",
        "float": "A number; a decimal point is allowed (e.g. 2.5).",
        "list": "One entry per line.",
    },
    "fi-FI": {
        "supported": "Taltio, Windows 10 tai uudempi",
        "root_help": "Taltio-puhelutallennuksen konekohtainen käytäntö. Kaikki tässä asetettu lukitaan: "
                     "asiakaspalvelija tai esihenkilön käytäntö ei voi muuttaa sitä.",
        "default": "Oletus: {value}", "empty": "(tyhjä)", "on": "päällä (Käytössä)", "off": "pois (Ei käytössä)",
        "registry": "Rekisteri: HKLM\\{key}, arvo {name} ({kind}).",
        "bool": "Käytössä: päällä. Ei käytössä: pois. Ei määritetty: oletus.",
        "element": "Ei käytössä tai Ei määritetty: oletus (tai alemman tason arvo).",
        "float": "Luku; desimaalipiste on sallittu (esim. 2.5).",
        "list": "Yksi kohta riviä kohden.",
    },
    "sv-SE": {
        "supported": "Taltio, Windows 10 eller senare",
        "root_help": "Datorpolicy för Taltios samtalsinspelning. Allt som anges här är låst: varken agenten "
                     "eller en chefspolicy kan ändra det.",
        "default": "Standard: {value}", "empty": "(tomt)", "on": "på (Aktiverad)", "off": "av (Inaktiverad)",
        "registry": "Register: HKLM\\{key}, värde {name} ({kind}).",
        "bool": "Aktiverad: på. Inaktiverad: av. Inte konfigurerad: standardvärdet.",
        "element": "Inaktiverad eller Inte konfigurerad: standardvärdet (eller en lägre nivås värde).",
        "float": "Ett tal; decimalpunkt är tillåten (t.ex. 2.5).",
        "list": "En post per rad.",
    },
}


EXPANDABLE = ("agent.id", "workstation.id")


def policy_name(s: Setting) -> str:
    return s.key.replace(".", "_")


def section_of(s: Setting) -> tuple[str, str]:
    section, _, name = s.key.partition(".")
    return section, name


def kind_of(s: Setting) -> str:
    """How the setting appears in Group Policy: bool, enum, decimal, text or multiText."""
    if s.type is bool:
        return "bool"
    if s.choices:
        return "enum"
    return {int: "decimal", float: "text", str: "text", list: "multiText"}[s.type]


def reg_type(s: Setting) -> str:
    k = kind_of(s)
    if k == "enum":
        return "REG_DWORD" if isinstance(s.choices[0], int) else "REG_SZ"
    if k == "text" and s.key in EXPANDABLE:
        return "REG_EXPAND_SZ"
    return {"bool": "REG_DWORD", "decimal": "REG_DWORD", "text": "REG_SZ", "multiText": "REG_MULTI_SZ"}[k]


def machine_settings() -> list[Setting]:
    return [s for s in SCHEMA if s.settable_by("machine")]


# -- translations -----------------------------------------------------------------------------------

def translated(code: str) -> dict[str, str]:
    """source -> translation, from the "settings" context of taltio_<code>.ts."""
    out = {}
    for ctx in ET.parse(TS_DIR / f"taltio_{code}.ts").getroot().iter("context"):
        if ctx.findtext("name") != "settings":
            continue
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[m.findtext("source")] = tr.text
    return out


def texts(lang: str, tr: dict[str, str]) -> dict[str, tuple[str, str]]:
    """key -> (label, help) in *lang*, from *tr* (source -> translation)."""
    out = {}
    missing = []
    for s in machine_settings():
        if lang == "en-US":
            out[s.key] = (s.label, s.help)
            continue
        label, help_ = tr.get(s.label), tr.get(s.help)
        if label is None or help_ is None:
            missing.append(s.key)
        out[s.key] = (label or s.label, help_ or s.help)
    if missing:
        raise SystemExit(f"policy_templates: no {lang} label/help in {TS_DIR.relative_to(ROOT)} for "
                         f"{', '.join(missing)}: run scripts/dev update-translations and translate them")
    return out


def default_text(s: Setting, w: dict[str, str]) -> str:
    d = s.default
    if s.type is bool:
        return w["on"] if d else w["off"]
    if s.type is list:
        return ", ".join(d) if d else w["empty"]
    return str(d) if d != "" else w["empty"]


# -- ADMX / ADML ------------------------------------------------------------------------------------

def admx() -> str:
    sections = list(dict.fromkeys(section_of(s)[0] for s in machine_settings()))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated from desktop/taltio/settings/schema.py by scripts/policy_templates.py; do not edit. -->",
        f'<policyDefinitions {XSI} revision="1.0" schemaVersion="1.0" xmlns="{NS}">',
        "  <policyNamespaces>",
        '    <target prefix="taltio" namespace="Taltio.Policies.Taltio" />',
        "  </policyNamespaces>",
        '  <resources minRequiredRevision="1.0" />',
        "  <supportedOn>",
        "    <definitions>",
        '      <definition name="SUPPORTED_Taltio" displayName="$(string.SUPPORTED_Taltio)" />',
        "    </definitions>",
        "  </supportedOn>",
        "  <categories>",
        '    <category name="Taltio" displayName="$(string.Taltio)" explainText="$(string.Taltio_Help)" />',
    ]
    for sec in sections:
        lines += [f'    <category name="Taltio_{sec}" displayName="$(string.Cat_{sec})">',
                  '      <parentCategory ref="Taltio" />', "    </category>"]
    lines += ["  </categories>", "  <policies>"]
    for s in machine_settings():
        sec, name = section_of(s)
        pn, kind = policy_name(s), kind_of(s)
        key = f"{REGISTRY_PATH}\\{sec}"
        head = (f'    <policy name="{pn}" class="Machine" displayName="$(string.{pn})" '
                f'explainText="$(string.{pn}_Help)" ')
        if kind == "bool":
            lines += [head + f"key={quoteattr(key)} valueName={quoteattr(name)}>",
                      f'      <parentCategory ref="Taltio_{sec}" />',
                      '      <supportedOn ref="SUPPORTED_Taltio" />',
                      '      <enabledValue><decimal value="1" /></enabledValue>',
                      '      <disabledValue><decimal value="0" /></disabledValue>',
                      "    </policy>"]
            continue
        lines += [head + f'presentation="$(presentation.{pn})" key={quoteattr(key)}>',
                  f'      <parentCategory ref="Taltio_{sec}" />',
                  '      <supportedOn ref="SUPPORTED_Taltio" />',
                  "      <elements>"]
        attrs = f'id="{pn}" valueName={quoteattr(name)}'
        if kind == "enum":
            lines.append(f'        <enum {attrs} required="true">')
            for i, choice in enumerate(s.choices):
                value = (f'<decimal value="{choice}" />' if isinstance(choice, int)
                         else f"<string>{escape(str(choice))}</string>")
                lines.append(f'          <item displayName="$(string.{pn}_{i})"><value>{value}</value></item>')
            lines.append("        </enum>")
        elif kind == "decimal":
            lines.append(f'        <decimal {attrs} minValue="0" maxValue="{MAX_DWORD}" />')
        elif kind == "text":
            # Written as REG_EXPAND_SZ, so IT can type %USERNAME% / %COMPUTERNAME% (expanded per user, as the MSI's
            # AGENT_ID property is: installer/windows/msi.py); the reader expands it.
            expand = ' expandable="true"' if s.key in EXPANDABLE else ""
            lines.append(f'        <text {attrs}{expand} maxLength="{MAX_TEXT}" />')
        else:
            lines.append(f'        <multiText {attrs} maxLength="{MAX_TEXT}" />')
        lines += ["      </elements>", "    </policy>"]
    lines += ["  </policies>", "</policyDefinitions>", ""]
    return "\n".join(lines)


def adml(lang: str) -> str:
    w = WORDS[lang]
    col = list(LANGS).index(lang)
    tr = texts(lang, translated(LANGS[lang]) if LANGS[lang] else {})
    strings: list[tuple[str, str]] = [("Taltio", "Taltio"), ("Taltio_Help", w["root_help"]),
                                      ("SUPPORTED_Taltio", w["supported"])]
    sections = list(dict.fromkeys(section_of(s)[0] for s in machine_settings()))
    strings += [(f"Cat_{sec}", SECTIONS.get(sec, (sec, sec))[col]) for sec in sections]
    presentations: list[str] = []
    for s in machine_settings():
        sec, name = section_of(s)
        pn, kind = policy_name(s), kind_of(s)
        label, help_ = tr[s.key]
        notes = [w["bool"] if kind == "bool" else w["element"]]
        if s.type is float:
            notes.append(w["float"])
        if kind == "multiText":
            notes.append(w["list"])
        explain = "\n\n".join([help_, " ".join(notes), w["default"].format(value=default_text(s, w)),
                               w["registry"].format(key=f"{REGISTRY_PATH}\\{sec}", name=name, kind=reg_type(s))])
        strings += [(pn, label), (f"{pn}_Help", explain)]
        if kind == "enum":
            strings += [(f"{pn}_{i}", str(c) if c != "" else w["empty"]) for i, c in enumerate(s.choices)]
        ref = f'refId="{pn}"'
        if kind == "bool":
            continue
        if kind == "enum":
            el = (f'<dropdownList {ref} noSort="true" defaultItem="{s.choices.index(s.default)}">'
                  f"{escape(label)}</dropdownList>")
        elif kind == "decimal":
            el = f'<decimalTextBox {ref} defaultValue="{s.default}">{escape(label)}</decimalTextBox>'
        elif kind == "multiText":
            el = f"<multiTextBox {ref}>{escape(label)}</multiTextBox>"
        else:
            default = f"<defaultValue>{escape(str(s.default))}</defaultValue>" if s.default != "" else ""
            el = f"<textBox {ref}><label>{escape(label)}</label>{default}</textBox>"
        presentations.append(f'      <presentation id="{pn}">\n        {el}\n      </presentation>')
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Generated from desktop/taltio/settings/schema.py by scripts/policy_templates.py; do not edit. -->",
        f'<policyDefinitionResources {XSI} revision="1.0" schemaVersion="1.0" xmlns="{NS}">',
        "  <displayName>Taltio</displayName>",
        f"  <description>{escape(w['root_help'])}</description>",
        "  <resources>",
        "    <stringTable>",
        *(f'      <string id="{sid}">{escape(text)}</string>' for sid, text in strings),
        "    </stringTable>",
        "    <presentationTable>",
        *presentations,
        "    </presentationTable>",
        "  </resources>",
        "</policyDefinitionResources>",
        "",
    ]
    return "\n".join(lines)


# -- macOS profile ----------------------------------------------------------------------------------

def mobileconfig() -> str:
    settings = {s.key: list(s.default) if s.type is list else s.default for s in machine_settings()}
    payload = {
        "PayloadType": "com.apple.ManagedClient.preferences",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{MAC_DOMAIN}.policy.preferences",
        "PayloadUUID": str(uuid.uuid5(PROFILE_NS, "preferences")).upper(),
        "PayloadDisplayName": "Taltio settings",
        "PayloadEnabled": True,
        "PayloadContent": {MAC_DOMAIN: {"Forced": [{"mcx_preference_settings": settings}]}},
    }
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{MAC_DOMAIN}.policy",
        "PayloadUUID": str(uuid.uuid5(PROFILE_NS, "profile")).upper(),
        "PayloadDisplayName": "Taltio machine policy (sample)",
        "PayloadDescription": "Generated from Taltio's settings schema (scripts/policy_templates.py). Every key "
                              "forces its value, which the agent and supervisor policies then cannot change: "
                              "keep only the settings IT sets, with its values.",
        "PayloadOrganization": "Taltio",
        "PayloadScope": "System",
        "PayloadContent": [payload],
    }
    return plistlib.dumps(profile, sort_keys=True).decode()


# -- /etc/taltio/taltio.toml ------------------------------------------------------------------------

def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)        # a JSON string is a valid TOML basic string


def toml_sample() -> str:
    who = {"machine": "machine policy only", "supervisor": "machine policy or a supervisor policy",
           "user": "machine policy, a supervisor policy or the agent"}
    lines = [
        "## Taltio machine policy: /etc/taltio/taltio.toml (every /etc/taltio/*.toml is read in name order, a",
        "## later file winning; TALTIO_CONFIG names one file instead).",
        "## Generated from desktop/taltio/settings/schema.py by scripts/policy_templates.py; do not edit this copy.",
        "## Every setting is listed at its default, commented out. Uncomment what IT sets: whatever is set here",
        "## is locked, and neither the agent nor a supervisor policy can change it.",
    ]
    by_section: dict[str, list[Setting]] = {}
    for s in machine_settings():            # a TOML table may appear once: group by section
        by_section.setdefault(section_of(s)[0], []).append(s)
    for sec, settings in by_section.items():
        lines += ["", f"[{sec}]"]
        for s in settings:
            lines += ["", f"## {s.label}"]
            lines += _toml_entry(s, who)
    return "\n".join(lines) + "\n"


def _toml_entry(s: Setting, who: dict[str, str]) -> list[str]:
    name = section_of(s)[1]
    lines = textwrap.wrap(s.help, 110, initial_indent="## ", subsequent_indent="## ",
                          break_on_hyphens=False, break_long_words=False)
    if s.choices:
        lines.append("## One of: " + ", ".join(toml_value(c) for c in s.choices))
    lines.append(f"## Set by: {who[s.scope]}.")
    lines.append(f"# {name} = {toml_value(s.default)}")
    return lines


# -- main -------------------------------------------------------------------------------------------

def render() -> dict[str, str]:
    return {
        "taltio.admx": admx(),
        **{f"{lang}/taltio.adml": adml(lang) for lang in LANGS},
        "taltio.mobileconfig": mobileconfig(),
        "taltio.toml": toml_sample(),
    }


def check(out: Path, files: dict[str, str]) -> list[str]:
    """The differences between *files* and what is in *out*, as short unified diffs."""
    problems = []
    for rel, text in files.items():
        path = out / rel
        if not path.exists():
            problems.append(f"{rel}: missing")
            continue
        old = path.read_text(encoding="utf-8")
        if old != text:
            diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), f"committed/{rel}",
                                             f"generated/{rel}", lineterm="", n=1))
            shown = diff[:24] + ([f"... ({len(diff) - 24} more diff lines)"] if len(diff) > 24 else [])
            problems.append(f"{rel}: differs\n" + "\n".join(shown))
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files in --out; exit 1 if they differ")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    files = render()
    if args.check:
        problems = check(args.out, files)
        if problems:
            print("policy templates are out of date with the settings schema; regenerate them with\n"
                  "  .venv/bin/python scripts/policy_templates.py\n", file=sys.stderr)
            print("\n".join(problems), file=sys.stderr)
            return 1
        print(f"policy templates in {args.out} match the schema ({len(files)} files)")
        return 0
    for rel, text in files.items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
