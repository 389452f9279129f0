"""The macOS packaging (installer/macos), checked as far as Linux can: no pkgbuild, codesign or launchd here.

What is real: every plist parses with plistlib and has the keys and types the OS reads; the LaunchAgent starts
exactly the executable the spec's BUNDLE produces and is labelled with its bundle id; build-pkg.sh's staging
part runs on a fake bundle and renders a well-formed distribution.xml naming the component pkg it builds; the
pkg's preinstall runs (fresh install and another-volume upgrade); every shell script passes bash -n and
shellcheck; no script holds a secret or an identity literal; the sample profiles name the domain and the
LaunchAgent label the app reads. What needs a Mac (signing, notarization, installer, TCC) is the workflow's
(.github/workflows/macos.yml).
"""
from __future__ import annotations

import ast
import os
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from taltio.adapters import machine_policy

ROOT = Path(__file__).resolve().parents[1]
MAC = ROOT / "installer" / "macos"
SPEC = ROOT / "installer" / "pyinstaller" / "taltio.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "macos.yml"
PROFILE = ROOT / "resources" / "policy-templates" / "taltio.mobileconfig"
SCRIPTS = [MAC / "build-pkg.sh", MAC / "sign-and-notarize.sh", MAC / "uninstall.sh",
           MAC / "scripts" / "preinstall", MAC / "scripts" / "postinstall", MAC / "scripts" / "common.sh"]
USAGE_KEYS = ("NSMicrophoneUsageDescription", "NSAudioCaptureUsageDescription", "NSHumanReadableCopyright")


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    """A command's result, never raising on its exit status: the tests assert on it with its output."""
    return subprocess.run(args, check=False, capture_output=True, text=True, timeout=60, **kw)


def plist(path: Path) -> dict | list:
    with path.open("rb") as fh:
        return plistlib.load(fh)


def shell_constants(path: Path) -> dict[str, str]:
    """NAME=value lines of a shell script (its plain constants, not the computed ones)."""
    return dict(re.findall(r"^([A-Z_]+)=([^\s$\"'`(]+)$", path.read_text(), re.MULTILINE))


def bundle_facts() -> dict[str, str]:
    """The bundle name, bundle id and main executable the spec builds, read from the spec itself.

    PyInstaller's BUNDLE names CFBundleExecutable after the first EXECUTABLE in the COLLECT's TOC, which is
    the first EXE in the spec's list; the spec is Python, so ast finds the literals without running it."""
    if not SPEC.exists():           # the spec is another engineer's; without it, the build script's constants
        c = shell_constants(MAC / "build-pkg.sh")
        return {"app": c["APP_NAME"], "bundle_id": c["BUNDLE_ID"], "exe": c["EXECUTABLE"]}
    tree = ast.parse(SPEC.read_text())
    facts: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "BUNDLE":
            kw = {k.arg: k.value for k in node.keywords}
            facts["app"] = ast.literal_eval(kw["name"])
            facts["bundle_id"] = ast.literal_eval(kw["bundle_identifier"])
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "exes" for t in node.targets):
            first = node.value.elts[0]          # exes = [exe("taltio", ...), ...]
            facts["exe"] = ast.literal_eval(first.args[0])
    assert set(facts) == {"app", "bundle_id", "exe"}, f"cannot read BUNDLE/exes from {SPEC}: {facts}"
    return facts


# ---- the plists ---------------------------------------------------------------------------------------

def test_info_plist_has_the_keys_macos_reads_with_their_types():
    info = plist(MAC / "info.plist")
    assert info["LSUIElement"] is True                      # tray only: no Dock icon
    assert info["LSBackgroundOnly"] is False                # overrides PyInstaller's default for a console EXE
    for key in USAGE_KEYS:
        assert isinstance(info[key], str) and len(info[key]) > 40, key
    for key in ("NSMicrophoneUsageDescription", "NSAudioCaptureUsageDescription"):
        assert "Notice given" in info[key], f"{key} must tell the agent when recording starts"
    assert re.fullmatch(r"\d+\.\d+", info["LSMinimumSystemVersion"])
    assert set(info["CFBundleLocalizations"]) >= {"en", "fi", "sv"}
    # The spec sets these; a second source here could silently disagree with it.
    assert not {"CFBundleIdentifier", "CFBundleExecutable", "CFBundleShortVersionString"} & set(info)


def test_min_os_allows_the_fallback_below_the_process_tap_release():
    """catap (process taps) only installs on Darwin >= 23.2 = macOS 14.2; below that the adapter uses a
    virtual loopback device, so the minimum may be lower, but never above 14.2 without dropping BlackHole."""
    info = plist(MAC / "info.plist")
    major, minor = (int(x) for x in info["LSMinimumSystemVersion"].split("."))
    assert "platform_release >= '23.2'" in (ROOT / "pyproject.toml").read_text()
    assert (major, minor) <= (14, 2)
    assert "BlackHole" in (ROOT / "desktop" / "taltio" / "adapters" / "audio" / "macos.py").read_text()


def strings_file(path: Path) -> dict[str, str]:
    """A .strings file's "key" = "value"; pairs (comments skipped); fails on any other line."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("/*"):
            continue
        m = re.fullmatch(r'"(\w+)" = "((?:[^"\\]|\\.)*)";', line)
        assert m, f"{path}: not a .strings line: {line!r}"
        out[m[1]] = m[2].replace('\\"', '"')
    return out


def test_every_localisation_translates_every_prompt():
    info = plist(MAC / "info.plist")
    for lang in info["CFBundleLocalizations"]:
        texts = strings_file(MAC / "lproj" / f"{lang}.lproj" / "InfoPlist.strings")
        assert set(texts) == set(USAGE_KEYS), lang
        assert all(len(v) > 40 for v in texts.values()), lang
    en = strings_file(MAC / "lproj" / "en.lproj" / "InfoPlist.strings")
    assert en == {k: info[k] for k in USAGE_KEYS}, "en.lproj must say what info.plist says"


ENTITLEMENTS_ALLOWED = {
    "com.apple.security.device.audio-input",                  # the mic under the hardened runtime
    "com.apple.security.cs.allow-unsigned-executable-memory",  # cffi/ctypes callbacks (to verify on a Mac)
}


def test_entitlements_are_only_the_justified_ones():
    ent = plist(MAC / "entitlements.plist")
    assert ent.get("com.apple.security.device.audio-input") is True
    assert set(ent) <= ENTITLEMENTS_ALLOWED, f"unjustified entitlements: {set(ent) - ENTITLEMENTS_ALLOWED}"
    assert all(v is True for v in ent.values())             # Apple: omit an entitlement rather than set false
    text = (MAC / "entitlements.plist").read_text()
    for key in ent:
        assert text.count(key) == 1 and "<!--" in text.split(key)[0].rsplit("<key>", 1)[0][-600:], \
            f"{key} needs its own comment saying why"


def test_launch_agent_starts_the_bundles_executable_under_its_bundle_id():
    facts = bundle_facts()
    agent = plist(MAC / "fi.taltio.Taltio.plist")
    assert agent["Label"] == facts["bundle_id"] == machine_policy.MAC_DOMAIN
    assert agent["ProgramArguments"] == [f"/Applications/{facts['app']}/Contents/MacOS/{facts['exe']}"]
    assert agent["AssociatedBundleIdentifiers"] == [facts["bundle_id"]]
    assert agent["RunAtLoad"] is True and agent["LimitLoadToSessionType"] == "Aqua"
    assert agent["KeepAlive"] == {"SuccessfulExit": False}  # a crash restarts it, quitting from the tray not
    assert isinstance(agent["ExitTimeOut"], int) and isinstance(agent["ThrottleInterval"], int)


def test_build_script_and_component_plist_agree_with_the_spec():
    facts = bundle_facts()
    c = shell_constants(MAC / "build-pkg.sh")
    assert (c["APP_NAME"], c["BUNDLE_ID"], c["EXECUTABLE"]) == (facts["app"], facts["bundle_id"], facts["exe"])
    assert c["INSTALL_LOCATION"] == "/Applications"
    [component] = plist(MAC / "component.plist")
    assert component["RootRelativeBundlePath"] == facts["app"]
    assert component["BundleIsRelocatable"] is False         # else Installer "upgrades" a stray copy instead
    assert "info.plist" in SPEC.read_text() if SPEC.exists() else True


def test_profiles_name_the_domain_and_the_label_the_app_uses():
    prefs = plist(PROFILE)
    [payload] = prefs["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    assert list(payload["PayloadContent"]) == [machine_policy.MAC_DOMAIN]
    assert "mcx_preference_settings" in payload["PayloadContent"][machine_policy.MAC_DOMAIN]["Forced"][0]
    assert prefs["PayloadScope"] == "System"
    login = plist(MAC / "profiles" / "taltio-login-items.mobileconfig")
    [items] = login["PayloadContent"]
    assert items["PayloadType"] == "com.apple.servicemanagement"
    assert {"RuleType": "Label", "RuleValue": plist(MAC / "fi.taltio.Taltio.plist")["Label"]} \
        .items() <= items["Rules"][0].items()
    uuids = [login["PayloadUUID"], items["PayloadUUID"]]
    assert all(re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", u) for u in uuids)


# ---- build-pkg.sh's staging part, on a fake bundle -------------------------------------------------------

def fake_bundle(tmp_path: Path, bundle_id: str = "fi.taltio.Taltio") -> Path:
    facts = bundle_facts()
    app = tmp_path / "dist" / facts["app"]
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "Frameworks").mkdir()
    (app / "Contents" / "Frameworks" / "libfake.dylib").write_bytes(b"\xcf\xfa\xed\xfe")
    (app / "Contents" / "MacOS" / "libfake.dylib").symlink_to("../Frameworks/libfake.dylib")
    exe = app / "Contents" / "MacOS" / facts["exe"]
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    info = {"CFBundleIdentifier": bundle_id, "CFBundleExecutable": facts["exe"],
            "CFBundleShortVersionString": "1.2.3"}
    with (app / "Contents" / "Info.plist").open("wb") as fh:
        plistlib.dump(info, fh)
    return app


def stage(app: Path, out: Path) -> subprocess.CompletedProcess:
    return run(["bash", str(MAC / "build-pkg.sh"), "--stage-only", str(app), str(out)])


def test_stage_only_lays_out_the_payload_scripts_and_distribution(tmp_path):
    facts = bundle_facts()
    app, out = fake_bundle(tmp_path), tmp_path / "out"
    r = stage(app, out)
    assert r.returncode == 0, r.stderr
    staged = out / "root" / facts["app"]
    assert (staged / "Contents" / "MacOS" / facts["exe"]).stat().st_mode & 0o111
    assert (staged / "Contents" / "MacOS" / "libfake.dylib").is_symlink()          # links survive staging
    for name in ("preinstall", "postinstall"):
        assert os.access(out / "scripts" / name, os.X_OK), name
    assert plist(out / "scripts" / "fi.taltio.Taltio.plist") == plist(MAC / "fi.taltio.Taltio.plist")
    assert (out / "scripts" / "common.sh").exists()

    c = shell_constants(MAC / "build-pkg.sh")
    dist = ET.parse(out / "distribution.xml").getroot()           # well-formed, or this raises
    assert "@" not in (out / "distribution.xml").read_text().split("-->", 1)[1]
    [ref_with_file] = [p for p in dist.iter("pkg-ref") if (p.text or "").strip()]
    assert ref_with_file.get("id") == c["PKG_ID"] and ref_with_file.text == "Taltio-component.pkg"
    assert ref_with_file.get("version") == "1.2.3"
    assert {p.get("id") for p in dist.iter("pkg-ref")} == {c["PKG_ID"]}
    assert dist.find("product").get("version") == "1.2.3"
    choice = [ch for ch in dist.iter("choice") if ch.get("id") == c["PKG_ID"]]
    assert choice and choice[0].find("pkg-ref").get("id") == c["PKG_ID"]
    domains = dist.find("domains").attrib
    assert domains == {"enable_anywhere": "false", "enable_currentUserHome": "false", "enable_localSystem": "true"}
    assert dist.find("options").get("customize") == "never"
    assert dist.find("volume-check/allowed-os-versions/os-version").get("min") == \
        plist(MAC / "info.plist")["LSMinimumSystemVersion"]
    assert dist.find("options").get("hostArchitectures") == "arm64"


def test_stage_only_refuses_a_bundle_with_another_identity(tmp_path):
    r = stage(fake_bundle(tmp_path, bundle_id="com.example.Other"), tmp_path / "out")
    assert r.returncode != 0 and "CFBundleIdentifier" in r.stderr


def test_preinstall_passes_a_fresh_install_and_an_upgrade_on_another_volume(tmp_path):
    pre = MAC / "scripts" / "preinstall"
    r = run(["bash", str(pre), "pkg", "/", str(tmp_path)])
    assert r.returncode == 0 and "fresh install" in r.stdout, r.stdout + r.stderr
    (tmp_path / "Applications" / "Taltio.app" / "Contents").mkdir(parents=True)
    r = run(["bash", str(pre), "pkg", "/", str(tmp_path)])
    assert r.returncode == 0 and "upgrading" in r.stdout, r.stdout + r.stderr


# ---- the shell scripts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shell_script_parses(script):
    r = run(["bash", "-n", str(script)])
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed (apt install shellcheck)")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_is_clean(script):
    r = run(["shellcheck", "-x", str(script)], cwd=ROOT)
    assert r.returncode == 0, r.stdout


def test_executable_bits():
    for script in SCRIPTS:
        assert bool(script.stat().st_mode & 0o111) == (script.name != "common.sh"), script


SECRET_PATTERNS = [
    (r"-----BEGIN [A-Z ]*PRIVATE KEY-----", "a private key"),
    (r"\b[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}\b", "an app-specific password"),
    (r"Developer ID (Application|Installer): [^\"<>$]*\([A-Z0-9]{10}\)", "a literal signing identity"),
    (r"--password[ =]+[^$\s\"]", "a password on the command line"),
    (r"(?i)(api[_-]?key|secret|password)\s*=\s*['\"][^'\"$]{8,}", "an assigned secret"),
]


def test_no_secrets_and_identities_come_from_the_environment():
    files = [*SCRIPTS, WORKFLOW, *MAC.rglob("*.plist"), *MAC.rglob("*.mobileconfig"), MAC / "README.md"]
    for f in files:
        text = f.read_text()
        for pattern, what in SECRET_PATTERNS:
            m = re.search(pattern, text)
            assert m is None, f"{f.relative_to(ROOT)} holds {what}: {m[0] if m else ''}"
    sign = (MAC / "sign-and-notarize.sh").read_text()
    for var in ("TALTIO_SIGN_APP_IDENTITY", "TALTIO_SIGN_INSTALLER_IDENTITY", "TALTIO_NOTARY_PROFILE"):
        assert f'"${var}"' in sign or f'"${{{var}}}"' in sign or f"${{{var}:-}}" in sign, var
    assert re.search(r"codesign .*--options runtime", sign) and "--timestamp" in sign
    assert "--keychain-profile" in sign and "--deep --strict" in sign
    assert not re.search(r"codesign[^\n]*--deep[^\n]*--sign", sign), "never sign with --deep (inside out instead)"
    for tool in ("productsign", "notarytool submit", "--wait", "stapler staple", "spctl -a -vv"):
        assert tool in sign, tool


def test_uninstall_never_deletes_the_users_data():
    text = (MAC / "uninstall.sh").read_text()
    commands = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    removals = [ln for ln in commands if re.search(r"\brm\b", ln)]
    assert removals and all("Application Support" not in ln and "/Users" not in ln and "~" not in ln
                            for ln in removals), removals
    assert any('rm -rf "$APP"' in ln for ln in removals) and any('rm -f "$AGENT"' in ln for ln in removals)


def test_workflow_runs_on_apple_silicon_and_gates_signing_on_secrets():
    text = WORKFLOW.read_text()
    assert re.search(r"runs-on:\s*macos-14\b", text)
    assert 'python-version: "3.11"' in text
    for needle in ("installer/build-frozen.sh", "installer/macos/build-pkg.sh", "sudo installer -pkg",
                   "-target /", "Contents/MacOS/taltio --version", "blackhole-2ch", "Managed Preferences",
                   "doctor --settings", "installer/macos/uninstall.sh", "tests/test_macos_packaging.py"):
        assert needle in text, needle
    sign_steps = re.findall(r"- name: ([^\n]*[Ss]ign[^\n]*)\n((?:\s+[^\n]*\n)*?)\s+run:", text)
    assert sign_steps and all("if:" in body for _, body in sign_steps), "signing must be gated on the secrets"
