"""The wixl smoke build: a WiX-v3-syntax subset of the MSI (what Debian's wixl compiles), made from msi.py's
PROPERTIES table, then patched with msibuild where wixl ignores or rejects what the release source says
(SecureCustomProperties, component conditions, REG_EXPAND_SZ values, the same-version upgrade flag, the
AppUserModelID shortcut property, sequence numbers). CI builds it here to read the tables back; the release
MSI is built from the WiX v4 source on Windows (build-msi.ps1).

Apart from msi.py so the table and its generators stay one short module; `msi.py wixl DIR OUTDIR` calls
build_wixl.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from msi import (
    APP_ID,
    DOWNGRADE_MESSAGE,
    GENERATED,
    MAIN_EXE_ID,
    MANUFACTURER,
    MEMORY_KEY,
    PROPERTIES,
    REMEMBERED,
    UPGRADE_CODE,
    V3_NS,
    _compose_actions,
    _el,
    _guid,
    _launch_conditions,
    _serialise,
    harvest,
    registry_components,
    saved,
    secure_properties,
    version,
)

# -- the subset --------------------------------------------------------------------------------

def wixl_source(folder: Path) -> str:
    """One WiX v3 file wixl can build: the same properties, searches, actions, registry values, shortcut and
    upgrade rules as Product.wxs + Policy.wxs, minus what wixl rejects or drops (ShortcutProperty, Component
    conditions, Secure, AllowSameVersionUpgrades, REG_EXPAND_SZ); wixl_patches() adds those back with msibuild."""
    wix = ET.Element("Wix", xmlns=V3_NS)
    prod = _el(wix, "Product", Id="*", Name="Taltio", Language="1033", Version=version(), Manufacturer=MANUFACTURER,
               UpgradeCode=UPGRADE_CODE)
    _el(prod, "Package", InstallerVersion="500", Compressed="yes", InstallScope="perMachine",
        Description="Taltio call recording")
    _el(prod, "MajorUpgrade", DowngradeErrorMessage=DOWNGRADE_MESSAGE)
    _el(prod, "Media", Id="1", Cabinet="taltio.cab", EmbedCab="yes")
    for cond, message in _launch_conditions():
        _el(prod, "Condition", cond, Message=message)
    for p in PROPERTIES:
        _el(prod, "Property", Id=p.name)
    for p in REMEMBERED:
        prop = _el(prod, "Property", Id=saved(p))
        _el(prop, "RegistrySearch", Id=f"Search_{p.name}", Root="HKLM", Key=MEMORY_KEY, Name=p.name, Type="raw",
            Win64="yes")
    actions = _compose_actions()
    for action, prop, value, _cond in actions:
        _el(prod, "CustomAction", Id=action, Property=prop, Value=value)
    for seq in ("InstallUISequence", "InstallExecuteSequence"):
        s = _el(prod, seq)
        # wixl ignores After= in the execute sequence: explicit numbers, right after AppSearch (50).
        for n, (action, _prop, _value, cond) in enumerate(actions, start=51):
            _el(s, "Custom", cond, Action=action, Sequence=str(n))
    dirs, files = harvest(folder)
    target = _el(prod, "Directory", Id="TARGETDIR", Name="SourceDir")
    pf = _el(target, "Directory", Id="ProgramFiles64Folder")
    nodes = {"INSTALLFOLDER": _el(pf, "Directory", Id="INSTALLFOLDER", Name="Taltio")}
    for did, (parent, name) in dirs.items():
        nodes[did] = _el(nodes[parent], "Directory", Id=did, Name=name)
    for f in files:
        comp = _el(nodes[f.directory], "Component", Id=f.component, Guid=f.guid, Win64="yes")
        # wixl takes sources relative to its working directory (build_wixl runs it in the payload folder).
        _el(comp, "File", Id=f.id, Name=f.name, Source=f.source.relative_to(folder).as_posix(), KeyPath="yes")
    menu = _el(target, "Directory", Id="ProgramMenuFolder")
    comp = _el(menu, "Component", Id="StartMenuShortcut", Guid=_guid("StartMenuShortcut"), Win64="yes")
    _el(comp, "Shortcut", Id="StartMenu", Name="Taltio", Description="Taltio call recording",
        Target=f"[#{MAIN_EXE_ID}]", WorkingDirectory="INSTALLFOLDER")
    _el(comp, "RegistryValue", Root="HKLM", Key=MEMORY_KEY, Name="StartMenuShortcut", Type="integer", Value="1",
        KeyPath="yes")
    ref = _el(prod, "DirectoryRef", Id="INSTALLFOLDER")
    for rc in registry_components():
        comp = _el(ref, "Component", Id=rc.id, Guid=_guid(rc.id), Win64="yes")
        for row in rc.rows:
            _el(comp, "RegistryValue", Root="HKLM", Key=row.key, Name=row.name, Type="string",
                Value=row.value.removeprefix("#%"), KeyPath="yes" if row.keypath else None)
    feature = _el(prod, "Feature", Id="Main", Title="Taltio", Level="1")
    for cid in [f.component for f in files] + ["StartMenuShortcut"] + [rc.id for rc in registry_components()]:
        _el(feature, "ComponentRef", Id=cid)
    return _serialise(wix, "WiX v3 subset for wixl (smoke build only); " + GENERATED)


def _idt(columns: list[str], types: list[str], table_keys: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["\t".join(columns), "\t".join(types), "\t".join(table_keys)]
    lines += ["\t".join(r) for r in rows]
    return "\r\n".join(lines) + "\r\n"


def _export(msi: Path, table: str) -> list[list[str]]:
    out = subprocess.run(["msiinfo", "export", str(msi), table], check=True, capture_output=True, text=True).stdout
    rows = [line.split("\t") for line in out.splitlines()[3:] if line]
    if not rows and table in ("Property", "Upgrade"):
        raise SystemExit(f"{msi}: msiinfo export {table} gave no rows")   # never rewrite a table from nothing
    return rows


def wixl_patches(msi: Path, workdir: Path) -> None:
    """Give the wixl MSI what WiX v4 writes and wixl cannot: SecureCustomProperties, component conditions,
    REG_EXPAND_SZ values, same-version upgrades and the shortcut's AppUserModelID."""
    def sql(query: str) -> None:
        subprocess.run(["msibuild", str(msi), "-q", query], check=True)

    props = {r[0]: r[1] for r in _export(msi, "Property")}
    secure = [s for s in props.get("SecureCustomProperties", "").split(";") if s]
    secure += [s for s in secure_properties() if s not in secure]
    sql(f"UPDATE `Property` SET `Value` = '{';'.join(secure)}' WHERE `Property` = 'SecureCustomProperties'")
    for rc in registry_components():
        sql(f"UPDATE `Component` SET `Condition` = '{rc.condition}' WHERE `Component` = '{rc.id}'")
        for row in rc.rows:
            if row.value.startswith("#%"):
                sql(f"UPDATE `Registry` SET `Value` = '{row.value}' WHERE `Component_` = '{rc.id}' "
                    f"AND `Name` = '{row.name}'")
    # Attributes is part of the Upgrade table's key: rewrite the table. 513 = MigrateFeatures|IncludeMaximum,
    # what WiX writes for AllowSameVersionUpgrades (a rebuilt same version replaces, not sits beside, the old).
    rows = _export(msi, "Upgrade")
    for r in rows:
        if r[6] == "WIX_UPGRADE_DETECTED":
            r[4] = str(int(r[4]) | 512)
    cols = ["UpgradeCode", "VersionMin", "VersionMax", "Language", "Attributes", "Remove", "ActionProperty"]
    (workdir / "Upgrade.idt").write_text(_idt(cols, ["s38", "S20", "S20", "S255", "i4", "S255", "s72"],
                                              ["Upgrade", *cols[:5]], rows), encoding="utf-8", newline="")
    subprocess.run(["msibuild", str(msi), "-i", str(workdir / "Upgrade.idt")], check=True)
    (workdir / "MsiShortcutProperty.idt").write_text(_idt(
        ["MsiShortcutProperty", "Shortcut_", "PropertyKey", "PropVariantValue"], ["s72", "s72", "l0", "l0"],
        ["MsiShortcutProperty", "MsiShortcutProperty"],
        [["StartMenuAppId", "StartMenu", "System.AppUserModel.ID", APP_ID]]), encoding="utf-8", newline="")
    subprocess.run(["msibuild", str(msi), "-i", str(workdir / "MsiShortcutProperty.idt")], check=True)


def build_wixl(folder: Path, outdir: Path) -> Path:
    """The smoke MSI: wixl over the subset, then the msibuild patches."""
    for tool in ("wixl", "msibuild", "msiinfo"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found (Debian: apt-get install wixl msitools)")
    outdir.mkdir(parents=True, exist_ok=True)
    src = outdir / "taltio-wixl.wxs"
    src.write_text(wixl_source(folder), encoding="utf-8")
    msi = outdir / f"Taltio-{version()}-x64-wixl.msi"
    subprocess.run(["wixl", "-a", "x64", "-o", str(msi.resolve()), str(src.resolve())], check=True, cwd=folder)
    with tempfile.TemporaryDirectory() as tmp:
        wixl_patches(msi, Path(tmp))
    return msi
