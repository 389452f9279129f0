"""The machine-policy templates in resources/policy-templates are generated from the settings schema
(scripts/policy_templates.py): they are up to date (CI fails otherwise), the ADMX/ADMLs are well-formed and
match the schema, and each template, filled with the defaults, reads back through its machine-policy reader."""
from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from taltio.adapters import machine_policy as mp
from taltio.settings import SCHEMA
from tests.test_machine_policy import FakeCF, FakeWinreg

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "scripts" / "policy_templates.py"
OUT = ROOT / "resources" / "policy-templates"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
MACHINE = [s for s in SCHEMA if s.settable_by("machine")]
DEFAULTS = {s.key: s.default for s in MACHINE}


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GEN), *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=ROOT)


def test_every_setting_is_settable_by_machine_policy():
    assert len(MACHINE) == len(SCHEMA)


def test_committed_templates_match_the_schema():
    """The CI check: a schema change without regenerated templates fails here."""
    proc = _run("--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_catches_a_schema_change_that_was_not_regenerated(tmp_path):
    """A copy of the code with one default changed: --check against the committed templates exits 1 and
    shows the difference; regenerated into a folder of its own, the same copy checks clean."""
    code = tmp_path / "desktop"
    shutil.copytree(ROOT / "desktop" / "taltio", code / "taltio", ignore=shutil.ignore_patterns("__pycache__"))
    settings_py = code / "taltio" / "settings" / "schema.py"
    text = settings_py.read_text(encoding="utf-8")
    old = 'Setting("storage.retry_max_seconds", float, 5.0,'
    assert text.count(old) == 1
    settings_py.write_text(text.replace(old, 'Setting("storage.retry_max_seconds", float, 7.5,'), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = _run("--check", env=env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "out of date" in proc.stderr and "regenerate" in proc.stderr
    for rel in ("en-US/taltio.adml", "fi-FI/taltio.adml", "sv-SE/taltio.adml", "taltio.mobileconfig", "taltio.toml"):
        assert f"{rel}: differs" in proc.stderr, proc.stderr
    assert "+# retry_max_seconds = 7.5" in proc.stderr and "-# retry_max_seconds = 5.0" in proc.stderr
    assert "taltio.admx: differs" not in proc.stderr          # a default lives in the ADMLs, not the ADMX
    fresh = tmp_path / "templates"
    assert _run("--out", str(fresh), env=env).returncode == 0
    assert _run("--check", "--out", str(fresh), env=env).returncode == 0
    (fresh / "fi-FI" / "taltio.adml").unlink()
    proc = _run("--check", "--out", str(fresh), env=env)
    assert proc.returncode == 1 and "fi-FI/taltio.adml: missing" in proc.stderr


# -- ADMX / ADML ------------------------------------------------------------------------------------

def _admx() -> ET.Element:
    return ET.parse(OUT / "taltio.admx").getroot()


def _elements(policy: ET.Element) -> list[ET.Element]:
    found = policy.find("p:elements", NS)
    return list(found) if found is not None else []


def _adml(lang: str) -> tuple[dict[str, str], dict[str, ET.Element]]:
    root = ET.parse(OUT / lang / "taltio.adml").getroot()
    strings = {s.get("id"): s.text or "" for s in root.iterfind("p:resources/p:stringTable/p:string", NS)}
    assert len(strings) == len(root.findall("p:resources/p:stringTable/p:string", NS)), "duplicate string ids"
    pres = {p.get("id"): p for p in root.iterfind("p:resources/p:presentationTable/p:presentation", NS)}
    return strings, pres


def test_admx_has_one_policy_per_setting_with_the_right_type():
    root = _admx()
    assert root.tag == f"{{{NS['p']}}}policyDefinitions"
    assert root.find("p:policyNamespaces/p:target", NS).get("prefix") == "taltio"
    supported = {d.get("name") for d in root.iterfind("p:supportedOn/p:definitions/p:definition", NS)}
    categories = {c.get("name"): c for c in root.iterfind("p:categories/p:category", NS)}
    policies = {p.get("name"): p for p in root.iterfind("p:policies/p:policy", NS)}
    assert len(policies) == len(root.findall("p:policies/p:policy", NS)), "duplicate policy names"
    assert set(policies) == {s.key.replace(".", "_") for s in MACHINE}
    for s in MACHINE:
        section, name = s.key.split(".", 1)
        p = policies[s.key.replace(".", "_")]
        assert p.get("class") == "Machine"
        assert p.get("key") == f"Software\\Policies\\Taltio\\{section}", s.key
        cat = p.find("p:parentCategory", NS).get("ref")
        assert cat == f"Taltio_{section}" and categories[cat].find("p:parentCategory", NS).get("ref") == "Taltio"
        assert p.find("p:supportedOn", NS).get("ref") in supported
        elements = _elements(p)
        if s.type is bool:
            # Enabled = on, Disabled = off (not "remove the value": Disabled must switch e.g. recording off).
            assert p.get("valueName") == name and not elements, s.key
            assert p.find("p:enabledValue/p:decimal", NS).get("value") == "1"
            assert p.find("p:disabledValue/p:decimal", NS).get("value") == "0"
            continue
        assert len(elements) == 1, s.key
        el = elements[0]
        assert el.get("valueName") == name and el.get("id") == p.get("name")
        assert p.get("presentation") == f"$(presentation.{p.get('name')})"
        tag = el.tag.split("}")[1]
        if s.choices:
            assert tag == "enum", s.key
            values = [v for item in el.iterfind("p:item", NS) for v in item.find("p:value", NS)]
            got = [int(v.get("value")) if v.tag.endswith("decimal") else (v.text or "") for v in values]
            assert got == list(s.choices), s.key
        else:
            assert tag == {int: "decimal", float: "text", str: "text", list: "multiText"}[s.type], s.key


def test_every_string_and_presentation_exists_in_every_adml():
    admx_text = (OUT / "taltio.admx").read_text(encoding="utf-8")
    string_refs = set(re.findall(r"\$\(string\.([^)]+)\)", admx_text))
    pres_refs = set(re.findall(r"\$\(presentation\.([^)]+)\)", admx_text))
    assert string_refs and pres_refs
    policies = {p.get("name"): p for p in _admx().iterfind("p:policies/p:policy", NS)}
    langs = {}
    for lang in ("en-US", "fi-FI", "sv-SE"):
        strings, pres = _adml(lang)
        assert not string_refs - set(strings), (lang, string_refs - set(strings))
        assert not pres_refs - set(pres), (lang, pres_refs - set(pres))
        for pid in pres_refs:              # each presentation control points at its policy's element
            element_ids = {e.get("id") for e in _elements(policies[pid])}
            assert {c.get("refId") for c in pres[pid]} == element_ids, (lang, pid)
        assert all(strings[r].strip() for r in string_refs), lang
        langs[lang] = strings
    en, fi, sv = langs["en-US"], langs["fi-FI"], langs["sv-SE"]
    for s in MACHINE:
        pid = s.key.replace(".", "_")
        assert en[pid] == s.label and en[f"{pid}_Help"].startswith(s.help)
        for name, tr in (("Finnish", fi), ("Swedish", sv)):
            # A label may be the same word in Swedish ("Organisation"); the help text never is.
            assert not tr[f"{pid}_Help"].startswith(s.help), f"{s.key}: not in {name}"
        assert fi[pid] != s.label, f"{s.key}: not in Finnish"
    assert fi["storage_queue_quota_mb"] == "Lähetysjonon kiintiö (MiB)"
    assert sv["org_dpo"] == "Dataskyddsombud" and sv["Cat_privacy"] == "Privata samtal"


def test_admx_filled_with_the_defaults_reads_back_through_the_registry_reader():
    """What Group Policy writes from the ADMX (value type per element), read by WindowsRegistry."""
    W = FakeWinreg
    tree: dict[str, dict[str, tuple]] = {}
    for p in _admx().iterfind("p:policies/p:policy", NS):
        section = p.get("key").rsplit("\\", 1)[1]
        s = next(x for x in MACHINE if x.key.replace(".", "_") == p.get("name"))
        elements = _elements(p)
        if not elements:
            value = (int(s.default), W.REG_DWORD)
            tree.setdefault(section, {})[p.get("valueName")] = value
            continue
        el = elements[0]
        tag = el.tag.split("}")[1]
        if tag == "enum":
            v = el.find("p:item/p:value", NS)[0]
            kind = W.REG_DWORD if v.tag.endswith("decimal") else W.REG_SZ
            value = (s.default, kind)
        elif tag == "decimal":
            value = (s.default, W.REG_DWORD)
        elif tag == "multiText":
            value = (list(s.default), W.REG_MULTI_SZ)
        else:
            value = (str(s.default), W.REG_SZ)
        tree.setdefault(section, {})[el.get("valueName")] = value
    values, _ = mp.WindowsRegistry(winreg=FakeWinreg(tree)).read()
    assert values == DEFAULTS


# -- macOS profile ----------------------------------------------------------------------------------

def test_mobileconfig_is_a_profile_forcing_the_defaults():
    profile = plistlib.loads((OUT / "taltio.mobileconfig").read_bytes())
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    [payload] = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    uuids = [profile["PayloadUUID"], payload["PayloadUUID"]]
    assert len(set(uuids)) == 2 and all(re.fullmatch(r"[0-9A-F-]{36}", u) for u in uuids)
    [forced] = payload["PayloadContent"][mp.MAC_DOMAIN]["Forced"]
    settings = forced["mcx_preference_settings"]
    assert settings == DEFAULTS
    values, _ = mp.MacManagedPrefs(cf=FakeCF(settings)).read()
    assert values == DEFAULTS


# -- /etc/taltio/taltio.toml ------------------------------------------------------------------------

def test_toml_sample_parses_commented_and_uncommented(tmp_path):
    text = (OUT / "taltio.toml").read_text(encoding="utf-8")
    assert all(v == {} for v in tomllib.loads(text).values())         # as shipped: nothing set
    uncommented = re.sub(r"^# (?=\w+ = )", "", text, flags=re.M)
    doc = tomllib.loads(uncommented)
    assert {f"{sec}.{k}": v for sec, table in doc.items() for k, v in table.items()} == DEFAULTS
    for s in MACHINE:                              # each with its help as comments just above
        assert s.help.split()[0] in text
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "taltio.toml").write_text(uncommented, encoding="utf-8")
    values, _ = mp.LinuxFiles(root=etc, config="").read()
    assert values == DEFAULTS


@pytest.mark.parametrize("rel", ["taltio.admx", "en-US/taltio.adml", "fi-FI/taltio.adml", "sv-SE/taltio.adml",
                                 "taltio.mobileconfig",
                                 "taltio.toml"])
def test_templates_are_utf8_with_unix_newlines(rel):
    data = (OUT / rel).read_bytes()
    data.decode("utf-8")
    assert b"\r\n" not in data and data.endswith(b"\n")
