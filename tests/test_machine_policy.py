"""Machine policy readers (issue 6): /etc/taltio/*.toml and TALTIO_CONFIG for real, the Windows registry
and macOS managed preferences against fakes of the OS layer, and locking through each reader: what machine
policy sets, neither the agent's settings file, nor a supervisor policy, nor the UI can change."""
from __future__ import annotations

import pytest

from taltio.adapters import machine_policy as mp
from taltio import settings as settings_mod
from taltio.settings import ConfigError


# -- Linux: real files ------------------------------------------------------------------------------

@pytest.fixture
def etc(tmp_path, monkeypatch):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    d = tmp_path / "etc-taltio"
    d.mkdir()
    return d


def test_linux_reads_every_toml_in_name_order_later_wins(etc):
    (etc / "50-site.toml").write_text('[storage]\nurl = "s3://site/rec"\n[audio]\nsample_rate = 48000\n')
    (etc / "10-base.toml").write_text('[storage]\nurl = "s3://base/rec"\nregion = "eu-north-1"\n'
                                      '[encryption]\nrecipients = ["age1abc"]\n')
    (etc / "README").write_text("not a policy file")
    (etc / "99-old.toml.bak").write_text("broken [")
    reader = mp.LinuxFiles(root=etc)
    values, source = reader.read()
    assert values == {"storage.url": "s3://site/rec", "storage.region": "eu-north-1",
                      "encryption.recipients": ["age1abc"], "audio.sample_rate": 48000}
    assert source == f"{etc / '10-base.toml'} + {etc / '50-site.toml'}"
    assert reader.file is None                    # two files: no single file to hash
    (etc / "10-base.toml").unlink()
    reader.read()
    assert reader.file == etc / "50-site.toml"


def test_linux_no_directory_or_no_files_is_no_policy(tmp_path, monkeypatch):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    assert mp.LinuxFiles(root=tmp_path / "missing").read()[0] == {}
    assert mp.LinuxFiles(root=tmp_path).read()[0] == {}


def test_taltio_config_overrides_the_directory(etc, tmp_path, monkeypatch):
    (etc / "10-base.toml").write_text('[storage]\nurl = "s3://base/rec"\n')
    own = tmp_path / "dev.toml"
    own.write_text('[agent]\nid = "dev-agent"\n')
    monkeypatch.setenv("TALTIO_CONFIG", str(own))
    reader = mp.LinuxFiles(root=etc)
    assert reader.read() == ({"agent.id": "dev-agent"}, str(own))
    assert reader.file == own
    assert isinstance(mp.default_reader("win32"), mp.LinuxFiles)      # on every platform
    monkeypatch.setenv("TALTIO_CONFIG", str(tmp_path / "gone.toml"))
    with pytest.raises(ConfigError, match="TALTIO_CONFIG points to .*gone.toml, which does not exist"):
        mp.LinuxFiles(root=etc).read()


@pytest.mark.parametrize("text,match", [
    ("not toml [", r"20-bad\.toml: not valid TOML"),
    ('[bogus]\nkey = 1\n', r"20-bad\.toml: unknown setting 'bogus.key'"),
    ('[audio]\nsample_rate = 44100\n', r"audio\.sample_rate \(from .*20-bad\.toml\) must be one of"),
    ('[storage]\nparallel_uploads = "four"\n', r"storage\.parallel_uploads \(from .*20-bad\.toml\) must be int"),
])
def test_linux_errors_name_the_file_and_the_setting(etc, text, match):
    (etc / "10-good.toml").write_text('[storage]\nregion = "eu-north-1"\n')
    (etc / "20-bad.toml").write_text(text)
    with pytest.raises(ConfigError, match=match):
        mp.LinuxFiles(root=etc).read()


def test_load_uses_the_default_reader_when_no_file_is_given(tmp_path, monkeypatch):
    cfg = tmp_path / "taltio.toml"
    cfg.write_text('[audio]\nmic_device = "it-mic"\n')
    monkeypatch.setenv("TALTIO_CONFIG", str(cfg))
    from taltio.app.config import load_settings

    st = load_settings(user=tmp_path / "user.toml")
    assert st["audio.mic_device"] == "it-mic" and st.machine_file == cfg
    assert st.origins["audio.mic_device"] == f"machine ({cfg})" and settings_mod.locked(st, "audio.mic_device")


# -- Windows: a fake winreg -------------------------------------------------------------------------

class FakeWinreg:
    """The part of the winreg module the reader uses, over a dict {key path: {subkey/value name: ...}}."""
    HKEY_LOCAL_MACHINE = 0x80000002
    KEY_READ = 0x20019
    KEY_WOW64_64KEY = 0x0100
    REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_QWORD = 1, 2, 4, 7, 11

    def __init__(self, tree: dict[str, dict[str, tuple]]) -> None:
        # {"audio": {"backend": ("pulse", REG_SZ)}} under HKLM\Software\Policies\Taltio
        self.tree = tree
        self.opened: list[tuple] = []
        self.open_handles = 0

    def OpenKey(self, hive, path, reserved=0, access=KEY_READ):  # noqa: N802 - winreg's names
        self.opened.append((hive, path, access))
        assert hive == self.HKEY_LOCAL_MACHINE and access & self.KEY_WOW64_64KEY
        parts = path.split("\\")
        if parts[:3] != ["Software", "Policies", "Taltio"] or self.tree is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        if len(parts) == 3:
            node = {"subkeys": sorted(self.tree), "values": []}
        elif len(parts) == 4 and parts[3] in self.tree:
            node = {"subkeys": [], "values": [(n, d, t) for n, (d, t) in self.tree[parts[3]].items()]}
        else:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        self.open_handles += 1
        return node

    def EnumKey(self, key, i):  # noqa: N802
        try:
            return key["subkeys"][i]
        except IndexError:
            raise OSError(259, "No more data is available") from None

    def EnumValue(self, key, i):  # noqa: N802
        try:
            return key["values"][i]
        except IndexError:
            raise OSError(259, "No more data is available") from None

    def CloseKey(self, key):  # noqa: N802
        self.open_handles -= 1

    def ExpandEnvironmentStrings(self, text):  # noqa: N802
        return text.replace("%COMPUTERNAME%", "WS-7")


W = FakeWinreg


def test_windows_registry_types_by_schema():
    fake = FakeWinreg({
        "storage": {"url": ("s3://rec/agents", W.REG_SZ), "use_os_trust_store": (0, W.REG_DWORD),
                    "parallel_uploads": (8, W.REG_DWORD), "retry_max_seconds": ("2.5", W.REG_SZ),
                    "access_key_id": ("%COMPUTERNAME%-uploader", W.REG_EXPAND_SZ)},
        "encryption": {"recipients": (["age1one", "age1two", ""], W.REG_MULTI_SZ)},
        "audio": {"sample_rate": (48000, W.REG_DWORD), "one_sided_alarm_seconds": (30, W.REG_DWORD),
                  "backend": ("windows", W.REG_SZ), "": ("(default value)", W.REG_SZ)},
        "privacy": {"allow_private": ("false", W.REG_SZ), "always_private_numbers": ("+358 9 1*, +358 40 2*",
                                                                                   W.REG_SZ)},
    })
    values, source = mp.WindowsRegistry(winreg=fake).read()
    assert source == r"HKLM\Software\Policies\Taltio"
    assert values == {
        "storage.url": "s3://rec/agents", "storage.use_os_trust_store": False, "storage.parallel_uploads": 8,
        "storage.retry_max_seconds": 2.5, "storage.access_key_id": "WS-7-uploader",
        "encryption.recipients": ["age1one", "age1two"], "audio.sample_rate": 48000,
        "audio.one_sided_alarm_seconds": 30.0, "audio.backend": "windows", "privacy.allow_private": False,
        "privacy.always_private_numbers": ["+358 9 1*", "+358 40 2*"],
    }
    assert fake.open_handles == 0                  # every key closed again


def test_windows_no_policy_key_is_no_policy():
    assert mp.WindowsRegistry(winreg=FakeWinreg(None)).read() == ({}, r"HKLM\Software\Policies\Taltio")


@pytest.mark.parametrize("tree,match", [
    ({"storage": {"url": (5, W.REG_DWORD)}}, r"storage\.url \(from HKLM\\Software\\Policies\\Taltio\\storage\) "
                                             r"must be REG_SZ, got REG_DWORD"),
    ({"storage": {"use_os_trust_store": (2, W.REG_DWORD)}}, r"storage\.use_os_trust_store .* must be 0 or 1"),
    ({"storage": {"parallel_uploads": ("many", W.REG_SZ)}}, r"storage\.parallel_uploads .* must be int, got the "
                                                            r"text 'many'"),
    ({"storage": {"parallel_uploads": (99, W.REG_DWORD)}}, r"storage\.parallel_uploads .* between 1 and 16"),
    ({"encryption": {"recipients": (1, W.REG_DWORD)}}, r"encryption\.recipients .* must be REG_MULTI_SZ"),
    ({"storage": {"bogus": ("x", W.REG_SZ)}}, r"Taltio\\storage: unknown setting 'storage\.bogus'"),
    ({"audio": {"sample_rate": (44100, W.REG_DWORD)}}, r"audio\.sample_rate \(from HKLM.*\) must be one of"),
])
def test_windows_errors_name_the_key_and_the_setting(tree, match):
    fake = FakeWinreg(tree)
    with pytest.raises(ConfigError, match=match):
        mp.WindowsRegistry(winreg=fake).read()
    assert fake.open_handles == 0


# -- macOS: a fake CFPreferences --------------------------------------------------------------------

class FakeCF:
    """CFPreferencesAppValueIsForced / CFPreferencesCopyAppValue (pyobjc's signatures) over two dicts: what a
    configuration profile forces, and what the user wrote with `defaults write` (not forced)."""

    def __init__(self, forced: dict, user: dict | None = None, domain: str = mp.MAC_DOMAIN) -> None:
        self.forced, self.user, self.domain = forced, user or {}, domain

    def CFPreferencesAppValueIsForced(self, key, app):  # noqa: N802 - CF's names
        return app == self.domain and key in self.forced

    def CFPreferencesCopyAppValue(self, key, app):  # noqa: N802
        if app != self.domain:
            return None
        return self.forced.get(key, self.user.get(key))


def test_mac_forced_values_only():
    cf = FakeCF(forced={"storage.url": "s3://rec/agents", "storage.parallel_uploads": 6,
                        "storage.retry_max_seconds": 3, "encryption.recipients": ("age1one", "age1two"),
                        "privacy.allow_private": False, "audio.one_sided_alarm_seconds": "45",
                        "storage.use_os_trust_store": "false"},
                user={"audio.mic_device": "my-mic", "storage.region": "moon-1"})
    values, source = mp.MacManagedPrefs(cf=cf).read()
    assert source == "managed preferences (fi.taltio.Taltio)"
    assert values == {"storage.url": "s3://rec/agents", "storage.parallel_uploads": 6,
                      "storage.retry_max_seconds": 3.0, "encryption.recipients": ["age1one", "age1two"],
                      "privacy.allow_private": False, "audio.one_sided_alarm_seconds": 45.0,
                      "storage.use_os_trust_store": False}


@pytest.mark.parametrize("forced,match", [
    ({"storage.url": 5}, r"storage\.url \(from managed preferences \(fi\.taltio\.Taltio\)\) must be str, got int"),
    ({"storage.parallel_uploads": "lots"}, r"storage\.parallel_uploads .* must be int, got the text 'lots'"),
    ({"audio.codec": "mp3"}, r"audio\.codec .* must be one of opus, flac"),
    ({"storage.endpoint": {"url": "x"}}, r"storage\.endpoint .* must be str, got dict"),
])
def test_mac_errors_name_the_domain_and_the_setting(forced, match):
    with pytest.raises(ConfigError, match=match):
        mp.MacManagedPrefs(cf=FakeCF(forced)).read()


def test_default_reader_per_platform(monkeypatch):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    assert isinstance(mp.default_reader("linux"), mp.LinuxFiles)
    assert mp.default_reader("linux").root == mp.ETC_DIR
    monkeypatch.setitem(__import__("sys").modules, "winreg", FakeWinreg(None))
    assert isinstance(mp.default_reader("win32"), mp.WindowsRegistry)
    monkeypatch.setattr(mp, "_core_foundation", lambda: FakeCF({}))
    assert isinstance(mp.default_reader("darwin"), mp.MacManagedPrefs)


# -- locking, through each reader -------------------------------------------------------------------

LOCKED = {"audio.mic_device": "it-mic", "ui.language": "fi", "recording.start": "answer",
          "storage.url": "file:///nonexistent/store", "agent.id": "agent-7"}


def _reader(kind: str, tmp_path):
    if kind == "linux":
        d = tmp_path / "etc"
        d.mkdir(parents=True)
        (d / "10-site.toml").write_text('[audio]\nmic_device = "it-mic"\n[ui]\nlanguage = "fi"\n'
                                        '[recording]\nstart = "answer"\n[agent]\nid = "agent-7"\n')
        (d / "20-storage.toml").write_text('[storage]\nurl = "file:///nonexistent/store"\n')
        return mp.LinuxFiles(root=d, config="")
    if kind == "windows":
        return mp.WindowsRegistry(winreg=FakeWinreg({
            "audio": {"mic_device": ("it-mic", W.REG_SZ)}, "ui": {"language": ("fi", W.REG_SZ)},
            "recording": {"start": ("answer", W.REG_SZ)}, "agent": {"id": ("agent-7", W.REG_SZ)},
            "storage": {"url": ("file:///nonexistent/store", W.REG_SZ)}}))
    return mp.MacManagedPrefs(cf=FakeCF(dict(LOCKED)))


READERS = ("linux", "windows", "macos")


@pytest.mark.parametrize("kind", READERS)
def test_machine_policy_locks_against_user_and_supervisor(kind, tmp_path, monkeypatch):
    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    user = tmp_path / "user.toml"
    user.write_text('[audio]\nmic_device = "my-mic"\nloopback_device = "my-loop"\n[ui]\nlanguage = "sv"\n')
    policy = {"recording.start": "notice", "notice.default_language": "sv", "audio.mic_device": "sup-mic"}
    st = settings_mod.load(user=user, policy=policy, policy_origin="supervisor policy v3 (org)",
                           machine_reader=_reader(kind, tmp_path))
    for key, value in LOCKED.items():
        assert st[key] == value, key
        assert settings_mod.locked(st, key), (key, st.origins[key])
        assert st.origins[key].startswith("machine ("), st.origins[key]
    # What machine policy left alone stays with the other layers, unlocked.
    assert st["audio.loopback_device"] == "my-loop" and not settings_mod.locked(st, "audio.loopback_device")
    assert st["notice.default_language"] == "sv" and not settings_mod.locked(st, "notice.default_language")
    assert not settings_mod.locked(st, "audio.codec")


@pytest.mark.parametrize("kind", READERS)
def test_locked_device_is_disabled_in_the_devices_page(kind, qtbot, tmp_path, monkeypatch):
    from taltio.domain.ports import Device
    from taltio.ui.devices_dialog import LOCKED_TEXT, DevicesDialog

    class Backend:          # the list only: the dialog is never shown, so no capture starts
        def devices(self):
            return [Device("it-mic", "IT's headset", "mic", False), Device("m2", "Laptop mic", "mic", True),
                    Device("l1", "Monitor of Headset", "loopback", True)]

        def suggest_loopback(self, _softphone):
            return self.devices()[2]

    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    user = tmp_path / "user.toml"
    user.write_text('[audio]\nmic_device = "m2"\n')
    monkeypatch.setattr(settings_mod, "user_config_path", lambda: user)
    st = settings_mod.load(user=user, machine_reader=_reader(kind, tmp_path))
    dlg = DevicesDialog(Backend(), st, "baresip")
    qtbot.addWidget(dlg)
    assert not dlg.mic.isEnabled()
    assert dlg.mic.currentData().id == "it-mic" and LOCKED_TEXT in dlg.mic.currentText()
    assert dlg.loop.isEnabled() and dlg.mic_fb.isEnabled()
    # Even written straight into the agent's file, the choice does not take effect while IT's is there.
    settings_mod.save_user({"audio.mic_device": "m2"}, user)
    again = settings_mod.load(user=user, machine_reader=_reader(kind, tmp_path / "again"))
    assert again["audio.mic_device"] == "it-mic" and settings_mod.locked(again, "audio.mic_device")


@pytest.mark.parametrize("kind", READERS)
@pytest.mark.expect_log_errors("taltio.app")   # no recipients and no keyring: "cannot start recording"
def test_locked_language_is_disabled_in_the_status_window(kind, qtbot, tmp_path, monkeypatch):
    from taltio.ui import i18n
    from tests.helpers.in_process import in_process_app

    monkeypatch.delenv("TALTIO_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings_mod.save_user({"ui.language": "sv"})           # the agent's own choice, before IT locked it
    st = settings_mod.load(user=settings_mod.user_config_path(), machine_reader=_reader(kind, tmp_path))
    # No recipients: the core does not start, the UI does.
    try:
        with in_process_app(tmp_path, settings=st, start=False) as app:
            assert app.ui_language() == "fi"
            assert not app.view.window.language.isEnabled()
            assert app.view.window.language.currentData() == "fi"
            app.view.notifier.notify = lambda *a, **k: None
            app.set_ui_language("en")           # e.g. from the tray menu: refused
            assert app.ui_language() == "fi" and app.view.window.language.currentData() == "fi"
            assert 'language = "sv"' in settings_mod.user_config_path().read_text()     # nothing saved over it
    finally:
        i18n.uninstall()
