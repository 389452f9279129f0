"""The Windows MSI (issue 15 point 3): the wixl smoke build succeeds, and its tables, read back with
`msiinfo export`, show what IT was promised:

- every documented silent property is Secure;
- each property's Registry row writes the HKLM\\Software\\Policies\\Taltio\\<section> value that
  adapters/machine_policy.WindowsRegistry reads for its setting; the values an install would write, fed through
  that reader (over the FakeWinreg of test_machine_policy), come back as the intended settings, also after an
  upgrade that gives no properties;
- the Upgrade table upgrades every earlier (and the same) version and refuses a downgrade;
- the WiX v4+ source (release builds) declares the same properties, actions and registry values as the subset;
- the ADMX/ADML and the installer's registry values name the same keys (the acceptance point for templates);
- the committed generated files (Product.wxs, Policy.wxs, the it-guide table) are up to date.

What cannot run here: Windows Installer itself. The install is simulated from the MSI's own tables (AppSearch,
the type-51 actions in sequence order, launch conditions, component conditions, formatted values) by the
small condition evaluator below, which refuses any syntax it does not know; .github/workflows/windows.yml
installs the real MSI on a Windows runner and checks the registry there.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from taltio.adapters import machine_policy as mp
from taltio.settings import BY_KEY
from taltio.ui.notify_native import APP_ID

from tests.test_machine_policy import FakeWinreg

ROOT = Path(__file__).resolve().parents[1]
WIN = ROOT / "installer" / "windows"
sys.path.insert(0, str(WIN))
import itertools

import msi as table

pytestmark = pytest.mark.skipif(not (shutil.which("wixl") and shutil.which("msiinfo") and shutil.which("msibuild")),
                                reason="wixl/msitools not installed (scripts/dev installs them)")

V4 = {"w": table.V4_NS}
ADMX_NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
EXE_PATH = r"C:\Program Files\Taltio\taltio.exe"


# -- the smoke build and its tables ---------------------------------------------------------------

@dataclass
class Msi:
    path: Path
    source: Path

    def table(self, name: str) -> list[dict[str, str]]:
        out = subprocess.run(["msiinfo", "export", str(self.path), name], check=True, capture_output=True,
                             text=True).stdout.splitlines()
        cols = out[0].split("\t")
        return [dict(zip(cols, line.split("\t"), strict=True)) for line in out[3:] if line]

    def props(self) -> dict[str, str]:
        return {r["Property"]: r["Value"] for r in self.table("Property")}


@pytest.fixture(scope="module")
def msi(tmp_path_factory) -> Msi:
    """installer/windows/build-msi-wixl.sh OUTDIR: its own placeholder payload (taltio.exe, taltio-admin.exe,
    _internal/taltio.admx), because the Linux frozen folder is 200 MB and not a Windows program."""
    out = tmp_path_factory.mktemp("msi")
    proc = subprocess.run([str(WIN / "build-msi-wixl.sh"), str(out)], check=False, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = Path(proc.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.parent == out and path.name == f"Taltio-{table.version()}-x64-wixl.msi"
    return Msi(path, out / "taltio-wixl.wxs")


# -- a simulated install from the tables ----------------------------------------------------------

_TOKEN = re.compile(r'\s*(?:(?P<op><>|<<|=)|(?P<str>"[^"]*")|(?P<word>[A-Za-z_][A-Za-z0-9_.]*)|(?P<paren>[()]))')


def evaluate(condition: str, props: dict[str, str]) -> bool:
    """A Windows Installer condition, for the forms these tables use: NAME, NOT, AND, OR, parentheses,
    NAME = / <> / << "text" (<< : starts with). Anything else is an error, not a guess."""
    tokens, pos = [], 0
    while pos < len(condition.rstrip()):
        m = _TOKEN.match(condition, pos)
        if not m:
            raise ValueError(f"cannot read condition {condition!r} at {pos}")
        tokens.append(next((k, v) for k, v in m.groupdict().items() if v is not None))
        pos = m.end()
    i = 0

    def peek() -> tuple[str, str] | None:
        return tokens[i] if i < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal i
        i += 1
        return tokens[i - 1]

    def disj() -> bool:
        value = conj()
        while peek() == ("word", "OR"):
            take()
            value = conj() or value
        return value

    def conj() -> bool:
        value = factor()
        while peek() == ("word", "AND"):
            take()
            value = factor() and value
        return value

    def factor() -> bool:
        kind, text = take()
        if (kind, text) == ("word", "NOT"):
            return not factor()
        if (kind, text) == ("paren", "("):
            value = disj()
            assert take() == ("paren", ")"), condition
            return value
        if kind != "word":
            raise ValueError(f"unexpected {text!r} in {condition!r}")
        left = props.get(text, "")
        if peek() and peek()[0] == "op":
            op = take()[1]
            kind2, literal = take()
            if kind2 != "str":
                raise ValueError(f"{condition!r}: only text literals on the right")
            right = literal[1:-1]
            return {"=": left == right, "<>": left != right, "<<": left.startswith(right)}[op]
        return left != ""

    result = disj()
    if i != len(tokens):
        raise ValueError(f"trailing tokens in {condition!r}")
    return result


class LaunchRefused(Exception):
    """A launch condition failed: Windows Installer shows its message and installs nothing."""


def _format(text: str, props: dict[str, str], files: dict[str, str]) -> str:
    """Formatted text: [NAME] -> the property's value (verbatim, not formatted again), [#File] -> its path."""
    return re.sub(r"\[(#?)([A-Za-z_][A-Za-z0-9_.]*)\]",
                  lambda m: files[m.group(2)] if m.group(1) else props.get(m.group(2), ""), text)


def _reg(value: str) -> tuple[object, int]:
    """A formatted Registry.Value as winreg gives it back: '#%' REG_EXPAND_SZ, '#n' REG_DWORD, '##' a string
    starting with '#', '[~]' separated REG_MULTI_SZ, anything else REG_SZ."""
    if value.startswith("#%"):
        return value[2:], FakeWinreg.REG_EXPAND_SZ
    if value.startswith("##"):
        return value[1:], FakeWinreg.REG_SZ
    if value.startswith("#"):
        return int(value[1:]), FakeWinreg.REG_DWORD
    if "[~]" in value:
        return [s for s in value.split("[~]") if s], FakeWinreg.REG_MULTI_SZ
    return value, FakeWinreg.REG_SZ


def install(m: Msi, given: dict[str, str], registry: dict[tuple[str, str], str] | None = None
            ) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """What an install writes, {(key, name): formatted value}, on a computer whose HKLM holds *registry*
    (the previous install's values, for an upgrade), and the final properties."""
    registry = registry or {}
    props = dict(given)
    locators = {r["Signature_"]: r for r in m.table("RegLocator")}
    for row in m.table("AppSearch"):                    # AppSearch (50)
        loc = locators[row["Signature_"]]
        assert loc["Root"] == "2" and int(loc["Type"]) & 16, loc     # HKLM, 64-bit view
        found = registry.get((loc["Key"], loc["Name"]))
        if found is not None:
            props[row["Property"]] = found
    actions = {r["Action"]: r for r in m.table("CustomAction")}
    seq = sorted(m.table("InstallExecuteSequence"), key=lambda r: int(r["Sequence"]))
    launch_at = next(int(r["Sequence"]) for r in seq if r["Action"] == "LaunchConditions")
    for row in seq:
        if row["Action"] in actions:
            ca = actions[row["Action"]]
            assert int(ca["Type"]) & 0x3F == 51 and not int(ca["Type"]) & 0x400, ca   # immediate "set property"
            assert int(row["Sequence"]) < launch_at, row                             # checked after it ran
            if evaluate(row["Condition"], props):
                props[ca["Source"]] = _format(ca["Target"], props, {})
    for row in m.table("LaunchCondition"):
        if not evaluate(row["Condition"], props):
            raise LaunchRefused(row["Description"])
    files = {r["File"]: EXE_PATH for r in m.table("File") if r["FileName"] == "taltio.exe"}
    conditions = {r["Component"]: r["Condition"] for r in m.table("Component")}
    written: dict[tuple[str, str], str] = {}
    for row in m.table("Registry"):
        cond = conditions[row["Component_"]]
        if not cond or evaluate(cond, props):
            assert row["Root"] == "2", row
            written[(row["Key"], row["Name"])] = _format(row["Value"], props, files)
    return written, props


def read_back(written: dict[tuple[str, str], str]) -> dict[str, object]:
    """The policy values written, read by the app's own WindowsRegistry reader."""
    tree: dict[str, dict[str, tuple]] = {}
    prefix = mp.REGISTRY_PATH + "\\"
    for (key, name), value in written.items():
        if key.startswith(prefix):
            tree.setdefault(key[len(prefix):], {})[name] = _reg(value)
    fake = FakeWinreg(tree)
    values, _source = mp.WindowsRegistry(winreg=fake).read()
    assert fake.open_handles == 0
    return values


FULL = {"STORAGE_ENDPOINT": "https://s3.example.fi", "STORAGE_BUCKET": "recordings", "STORAGE_PREFIX": "helsinki",
        "STORAGE_REGION": "eu-north-1", "ORG_RECIPIENTS": "age1one,age1two",
        "POLICY_SIGNERS": "ssh-ed25519 AAAAC3NzaC1 supervisors,ssh-ed25519 AAAAC3NzaC2 backup",
        "SOFTPHONE_ADAPTER": "bria", "AGENT_ID": "agent-%COMPUTERNAME%", "AUTOSTART": "0"}
FULL_SETTINGS = {"storage.endpoint": "https://s3.example.fi", "storage.url": "s3://recordings/helsinki",
                 "storage.region": "eu-north-1", "encryption.recipients": ["age1one", "age1two"],
                 "policy.allowed_signers": ["ssh-ed25519 AAAAC3NzaC1 supervisors", "ssh-ed25519 AAAAC3NzaC2 backup"],
                 "softphone.adapter": "bria", "agent.id": "agent-WS-7"}      # FakeWinreg: %COMPUTERNAME% = WS-7
RUN = (table.RUN_KEY, "Taltio")


# -- the tests --------------------------------------------------------------------------------------

def test_every_documented_property_is_secure(msi):
    secure = msi.props()["SecureCustomProperties"].split(";")
    documented = [p.name for p in table.PROPERTIES]
    assert set(documented) <= set(secure), set(documented) - set(secure)
    assert {f"SAVED_{p.name}" for p in table.REMEMBERED} <= set(secure)        # AppSearch results cross too
    assert {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"} <= set(secure)   # wixl's own kept
    # The brief's list, each by its documented name.
    assert {"STORAGE_ENDPOINT", "STORAGE_BUCKET", "STORAGE_PREFIX", "ORG_RECIPIENTS", "POLICY_SIGNERS",
            "SOFTPHONE_ADAPTER", "AUTOSTART", "AGENT_ID"} <= set(documented)
    # Public properties have no defaults baked into the Property table (a default would be written as policy).
    assert not set(documented) & set(msi.props())


def test_each_property_writes_the_value_the_reader_reads(msi):
    """Per property: one Registry row, in HKLM's 64-bit view (the reader opens KEY_WOW64_64KEY), under the
    reader's own REGISTRY_PATH, named after the setting, in a component installed only when it is given."""
    rows = msi.table("Registry")
    components = {r["Component"]: r for r in msi.table("Component")}
    for p in table.POLICY:
        section, name = p.setting.split(".", 1)
        mine = [r for r in rows if r["Key"] == f"{mp.REGISTRY_PATH}\\{section}" and r["Name"] == name]
        assert len(mine) == 1, (p.name, mine)
        row = mine[0]
        assert row["Root"] == "2"                                                     # HKLM
        assert row["Value"] == ("#%" if BY_KEY[p.setting].type is str and p.expand else "") + f"[{p.name}]"
        comp = components[row["Component_"]]
        assert comp["Condition"] == p.name
        assert int(comp["Attributes"]) & 256                                          # 64-bit component
        assert comp["KeyPath"] == row["Registry"]
    # storage.url has one writer; bucket and prefix compose its property instead.
    composed = sorted((r["Source"], r["Target"]) for r in msi.table("CustomAction") if r["Action"].startswith("Compose"))
    assert composed == [("STORAGE_URL", "s3://[STORAGE_BUCKET]"), ("STORAGE_URL", "s3://[STORAGE_BUCKET]/[STORAGE_PREFIX]")]


def test_the_app_reads_back_what_a_silent_install_writes(msi):
    written, _props = install(msi, FULL)
    assert read_back(written) == FULL_SETTINGS
    assert RUN not in written                                                   # AUTOSTART=0
    # Nothing given: no policy value at all (defaults and Group Policy stay in charge), the logon entry is there.
    bare, _ = install(msi, {})
    assert read_back(bare) == {}
    assert bare[RUN] == f'"{EXE_PATH}"'
    assert not [k for k in bare if k[0] == table.MEMORY_KEY and k[1] != "StartMenuShortcut"]
    # The whole URL wins over bucket and prefix.
    url, _ = install(msi, {"STORAGE_URL": "s3://other/agents", "STORAGE_BUCKET": "ignored"})
    assert read_back(url) == {"storage.url": "s3://other/agents"}
    bucket_only, _ = install(msi, {"STORAGE_BUCKET": "recordings"})
    assert read_back(bucket_only) == {"storage.url": "s3://recordings"}


def test_an_upgrade_without_properties_keeps_what_the_first_install_set(msi):
    first, _ = install(msi, FULL)
    again, props = install(msi, {}, registry=first)
    assert read_back(again) == FULL_SETTINGS and RUN not in again
    assert props["AUTOSTART"] == "0"
    # A property given again replaces only its own value.
    changed, _ = install(msi, {"SOFTPHONE_ADAPTER": "hook", "STORAGE_PREFIX": "espoo", "STORAGE_BUCKET": "rec2"},
                         registry=first)
    assert read_back(changed) == {**FULL_SETTINGS, "softphone.adapter": "hook", "storage.url": "s3://rec2/espoo"}


@pytest.mark.parametrize("given,message", [
    ({"SOFTPHONE_ADAPTER": "skype"}, "SOFTPHONE_ADAPTER must be one of hook, baresip, bria, linphone."),
    ({"STORAGE_PREFIX": "helsinki"}, "STORAGE_PREFIX needs STORAGE_BUCKET"),
    ({"STORAGE_ENDPOINT": "s3.example.fi"}, "STORAGE_ENDPOINT must start with https:// or http://."),
    ({"STORAGE_URL": "recordings/helsinki"}, "STORAGE_URL must start with s3:// or file://."),
    ({"AUTOSTART": "yes"}, "AUTOSTART must be one of 0, 1."),
])
def test_bad_values_stop_the_install_with_a_message_naming_the_property(msi, given, message):
    with pytest.raises(LaunchRefused, match=re.escape(message)):
        install(msi, given)


def test_choices_in_the_launch_condition_are_the_schemas(msi):
    cond = next(r["Condition"] for r in msi.table("LaunchCondition") if "SOFTPHONE_ADAPTER=" in r["Condition"])
    for choice in BY_KEY["softphone.adapter"].choices:
        assert evaluate(cond, {"SOFTPHONE_ADAPTER": choice})


def test_upgrade_table_has_a_major_upgrade_and_refuses_downgrades(msi):
    props = msi.props()
    assert props["UpgradeCode"] == table.UPGRADE_CODE and props["ALLUSERS"] == "1"     # per-machine
    assert props["ProductVersion"] == table.version()
    rows = msi.table("Upgrade")
    assert {r["UpgradeCode"] for r in rows} == {table.UPGRADE_CODE}
    up = next(r for r in rows if r["ActionProperty"] == "WIX_UPGRADE_DETECTED")
    attrs = int(up["Attributes"])
    assert up["VersionMin"] == "" and up["VersionMax"] == table.version()
    assert attrs & 512 and not attrs & 2          # IncludeMaximum (same version too), not OnlyDetect: removes
    down = next(r for r in rows if r["ActionProperty"] == "WIX_DOWNGRADE_DETECTED")
    assert down["VersionMin"] == table.version() and int(down["Attributes"]) & 2 and not int(down["Attributes"]) & 256
    refusal = {r["Condition"]: r["Description"] for r in msi.table("LaunchCondition")}["NOT WIX_DOWNGRADE_DETECTED"]
    assert refusal == table.DOWNGRADE_MESSAGE and "newer version" in refusal
    seq = [r["Action"] for r in msi.table("InstallExecuteSequence")]
    assert "RemoveExistingProducts" in seq and "FindRelatedProducts" in seq


def test_start_menu_shortcut_carries_the_apps_app_user_model_id(msi):
    sc = msi.table("Shortcut")
    assert [(r["Directory_"], r["Name"], r["Target"]) for r in sc] == [("ProgramMenuFolder", "Taltio", "[#TaltioExe]")]
    prop = msi.table("MsiShortcutProperty")
    assert [(r["Shortcut_"], r["PropertyKey"], r["PropVariantValue"]) for r in prop] == \
        [("StartMenu", "System.AppUserModel.ID", APP_ID)]
    files = {r["File"]: r for r in msi.table("File")}
    dirs = {r["Directory"]: r for r in msi.table("Directory")}
    comp = {r["Component"]: r for r in msi.table("Component")}
    exe = files["TaltioExe"]
    assert exe["FileName"] == "taltio.exe"
    folder = comp[exe["Component_"]]["Directory_"]
    assert (folder, dirs[folder]["Directory_Parent"], dirs[folder]["DefaultDir"]) == \
        ("INSTALLFOLDER", "ProgramFiles64Folder", "Taltio")
    assert {r["FileName"] for r in files.values()} == {"taltio.exe", "taltio-admin.exe", "taltio.admx"}


def test_payload_components_keep_their_guids_between_builds(tmp_path):
    """A file's component GUID follows its path, so an upgrade replaces rather than orphans it."""
    (tmp_path / "_internal").mkdir()
    for name in ("taltio.exe", "taltio-admin.exe", "_internal/python311.dll"):
        (tmp_path / name).write_bytes(b"x")
    dirs1, files1 = table.harvest(tmp_path)
    (tmp_path / "_internal" / "new.pyd").write_bytes(b"y")
    dirs2, files2 = table.harvest(tmp_path)
    assert {f.name: f.guid for f in files1}.items() <= {f.name: f.guid for f in files2}.items()
    assert len({f.guid for f in files2}) == len(files2) == 4 and dirs1 == dirs2
    wxs = ET.fromstring(table.payload_v4(tmp_path))
    ids = {f.get("Id") for f in wxs.iter(f"{{{table.V4_NS}}}File")}
    assert {"TaltioExe", "TaltioAdminExe"} <= ids and len(ids) == 4
    assert all(c.get("Bitness") == "always64" for c in wxs.iter(f"{{{table.V4_NS}}}Component"))
    (tmp_path / "taltio.exe").unlink()
    with pytest.raises(SystemExit, match="no taltio.exe"):
        table.harvest(tmp_path)


def _v4() -> ET.Element:
    """Product.wxs and Policy.wxs as one tree (both must parse as XML)."""
    root = ET.Element("both")
    for name in ("Product.wxs", "Policy.wxs"):
        root.append(ET.parse(WIN / name).getroot())
    return root


def test_wix_v4_source_declares_what_the_subset_built(msi):
    v4 = _v4()
    q = lambda tag: list(v4.iter(f"{{{table.V4_NS}}}{tag}"))
    # Properties: the same, all Secure.
    declared = {p.get("Id"): p.get("Secure") for p in q("Property")}
    assert declared == {name: "yes" for name in table.secure_properties()}
    assert set(declared) <= set(msi.props()["SecureCustomProperties"].split(";"))
    # Registry values, with their component conditions.
    comps = {r["Component"]: r for r in msi.table("Component")}
    built = {(r["Component_"], r["Key"], r["Name"], r["Value"], comps[r["Component_"]]["Condition"])
             for r in msi.table("Registry")}
    source = set()
    for comp in q("Component"):
        for rv in comp.iter(f"{{{table.V4_NS}}}RegistryValue"):
            assert rv.get("Root") == "HKLM"
            value = {"expandable": "#%", "integer": "#"}.get(rv.get("Type"), "") + rv.get("Value")
            source.add((comp.get("Id"), rv.get("Key"), rv.get("Name"), value, comp.get("Condition") or ""))
    assert source == built
    assert all(c.get("Bitness") == "always64" for c in q("Component"))
    # The same set-property actions, in the same order, with the same conditions.
    assert {(a.get("Id"), a.get("Property"), a.get("Value")) for a in q("CustomAction")} == \
        {(r["Action"], r["Source"], r["Target"]) for r in msi.table("CustomAction")}
    exec_seq = sorted((r for r in msi.table("InstallExecuteSequence") if r["Action"] in
                       {a.get("Id") for a in q("CustomAction")}), key=lambda r: int(r["Sequence"]))
    for seq in ("InstallUISequence", "InstallExecuteSequence"):
        customs = next(v4.iter(f"{{{table.V4_NS}}}{seq}")).findall("w:Custom", V4)
        assert [(c.get("Action"), c.get("Condition")) for c in customs] == \
            [(r["Action"], r["Condition"]) for r in exec_seq]
        assert customs[0].get("After") == "AppSearch"
        assert all(c.get("After") == prev.get("Action") for prev, c in itertools.pairwise(customs))
    # Searches, launch conditions, upgrade, scope, shortcut.
    assert {(s.get("Key"), s.get("Name"), s.get("Bitness")) for s in q("RegistrySearch")} == \
        {(r["Key"], r["Name"], "always64") for r in msi.table("RegLocator")}
    assert {(c.get("Condition"), c.get("Message")) for c in q("Launch")} == \
        {(r["Condition"], r["Description"]) for r in msi.table("LaunchCondition")
         if r["Condition"] != "NOT WIX_DOWNGRADE_DETECTED"}
    pkg = q("Package")[0]
    assert (pkg.get("UpgradeCode"), pkg.get("Scope")) == (msi.props()["UpgradeCode"], "perMachine")
    mu = q("MajorUpgrade")[0]
    assert mu.get("AllowSameVersionUpgrades") == "yes" and mu.get("DowngradeErrorMessage") == table.DOWNGRADE_MESSAGE
    pf = next(d for d in q("StandardDirectory") if d.get("Id") == "ProgramFiles64Folder")
    assert [(d.get("Id"), d.get("Name")) for d in pf] == [("INSTALLFOLDER", "Taltio")]
    (sc,) = q("Shortcut")
    assert sc.get("Target") == "[#TaltioExe]"
    assert [(p.get("Key"), p.get("Value")) for p in sc.findall("w:ShortcutProperty", V4)] == \
        [("System.AppUserModel.ID", APP_ID)]
    refs = {r.get("Id") for r in q("ComponentGroupRef")}
    assert refs == {"Payload", "Policy"}


def test_admx_and_adml_name_the_installers_registry_values(msi):
    """Acceptance: every registry value the installer writes under HKLM\\Software\\Policies\\Taltio is a policy
    in taltio.admx with the same key and valueName, of the element kind for its setting, and each ADML has its
    strings and presentation."""
    templates = ROOT / "resources" / "policy-templates"
    admx = ET.parse(templates / "taltio.admx").getroot()
    by_value: dict[tuple[str, str], tuple[ET.Element, ET.Element | None]] = {}
    for pol in admx.iter(f"{{{ADMX_NS['p']}}}policy"):
        if pol.get("valueName"):
            by_value[(pol.get("key"), pol.get("valueName"))] = (pol, None)
        for el in pol.iterfind("p:elements/*", ADMX_NS):
            by_value[(pol.get("key", el.get("key")), el.get("valueName"))] = (pol, el)
    admls = {lang: ET.parse(templates / lang / "taltio.adml").getroot() for lang in ("en-US", "fi-FI", "sv-SE")}
    written = [r for r in msi.table("Registry") if r["Key"].startswith(mp.REGISTRY_PATH + "\\")]
    assert len(written) == len(table.POLICY)
    for row in written:
        assert (row["Key"], row["Name"]) in by_value, f"{row['Key']}\\{row['Name']} is in no ADMX policy"
        pol, el = by_value[(row["Key"], row["Name"])]
        setting = BY_KEY[f"{row['Key'].rsplit(chr(92), 1)[1]}.{row['Name']}"]
        kind = el.tag.split("}")[1] if el is not None else "enabled"
        if setting.choices:          # an enum of REG_SZ strings: the schema's choices, what the MSI allows
            assert kind == "enum" and [v.text for v in el.iterfind("p:item/p:value/p:string", ADMX_NS)] == \
                [c for c in setting.choices if c != ""], setting.key
        else:
            assert kind == {str: "text", list: "multiText"}[setting.type], (setting.key, kind)
        for lang, adml in admls.items():
            item_strings = {s.get("id") for s in adml.iter(f"{{{ADMX_NS['p']}}}string")}
            for item in (el.iterfind("p:item", ADMX_NS) if kind == "enum" else ()):
                assert re.fullmatch(r"\$\(string\.(.+)\)", item.get("displayName")).group(1) in item_strings, lang
        for lang, adml in admls.items():
            strings = {s.get("id") for s in adml.iter(f"{{{ADMX_NS['p']}}}string")}
            presentations = {p.get("id") for p in adml.iter(f"{{{ADMX_NS['p']}}}presentation")}
            for attr in ("displayName", "explainText"):
                ref = re.fullmatch(r"\$\(string\.(.+)\)", pol.get(attr)).group(1)
                assert ref in strings, (lang, setting.key, attr)
            assert re.fullmatch(r"\$\(presentation\.(.+)\)", pol.get("presentation")).group(1) in presentations


def test_generated_files_are_up_to_date():
    proc = subprocess.run([sys.executable, str(WIN / "msi.py"), "--check"], check=False, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_check_catches_a_hand_edit(tmp_path):
    """--check against a copy where Policy.wxs lost a property and the doc table a row: exit 1, both named."""
    for rel in ("installer/windows/Product.wxs", "installer/windows/Policy.wxs", "docs/it-guide.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    policy = tmp_path / "installer/windows/Policy.wxs"
    policy.write_text(policy.read_text(encoding="utf-8").replace('<Property Id="AGENT_ID" Secure="yes" />\n', ""),
                      encoding="utf-8")
    guide = tmp_path / "docs/it-guide.md"
    guide.write_text("".join(line for line in guide.read_text(encoding="utf-8").splitlines(True)
                             if not line.startswith("| `AUTOSTART`")), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(WIN / "msi.py"), "--check", "--root", str(tmp_path)],
                          check=False, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "out of date" in proc.stderr and "Policy.wxs" in proc.stderr and "it-guide.md" in proc.stderr
    assert "Product.wxs" not in proc.stderr.split("out of date:")[1]


def test_it_guide_table_documents_every_property():
    text = (ROOT / "docs" / "it-guide.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^## (\d+\. )?Windows: silent install with msiexec$", text, flags=re.MULTILINE)) == 1
    rows = re.findall(r"^\| `([A-Z_]+)` \| (.+?) \| (.+?) \| `(.+?)` \|$", text, flags=re.MULTILINE)
    assert [r[0] for r in rows] == [p.name for p in table.PROPERTIES]
    for (name, setting, where, example), p in zip(rows, table.PROPERTIES, strict=True):
        if p.setting and not p.feeds:
            assert f"`{p.setting}`" in setting and f"`{p.key}`, value `{p.value_name}` ({p.reg_type})" in where
        assert example.replace("\\|", "|") == p.example
    for example in ("/qn", "/l*v", "/x", "RelatedProducts"):
        assert example in text
