"""The schema drives loading, layering and the docs."""
import subprocess
import sys
from pathlib import Path

import pytest

from taltio import settings

ROOT = Path(__file__).resolve().parents[1]


def test_machine_wins_and_user_only_where_allowed(tmp_path):
    m = tmp_path / "machine.toml"
    u = tmp_path / "user.toml"
    m.write_text('[audio]\nmic_device = "it-mic"\n[storage]\nurl = "s3://rec/agents"\n')
    u.write_text('[audio]\nmic_device = "my-mic"\nloopback_device = "my-loop"\n[storage]\nurl = "file:///tmp/x"\n')
    st = settings.load(m, u)
    assert st["audio.mic_device"] == "it-mic"          # machine wins
    assert st["audio.loopback_device"] == "my-loop"    # user may set this
    assert st["storage.url"] == "s3://rec/agents"      # user may not move storage
    assert st.origins["audio.loopback_device"].startswith("user")
    assert not st.standalone


def test_no_config_is_standalone(tmp_path):
    st = settings.load(tmp_path / "none.toml", tmp_path / "none2.toml")
    assert st.standalone and st["storage.url"] == ""


@pytest.mark.parametrize("text,match", [
    ('[audio]\nsample_rate = 44100\n', "audio.sample_rate"),
    ('[storage]\nurl = "ftp://x"\n', "storage.url"),
    ('[softphone]\naddress = "nohost"\n', "softphone.address"),
    ('[bogus]\nkey = 1\n', "unknown setting 'bogus.key'"),
    ('not toml [', "not valid TOML"),
    ('[encryption]\nrecipients = 5\n', "encryption.recipients"),
])
def test_bad_values_name_the_setting(tmp_path, text, match):
    m = tmp_path / "m.toml"
    m.write_text(text)
    with pytest.raises(settings.ConfigError, match=match.replace(".", r"\.").replace("[", r"\[")):
        settings.load(m, tmp_path / "u.toml")


def test_docs_are_generated_from_schema():
    doc = (ROOT / "docs" / "configuration.md").read_text()
    assert doc == settings.docs_markdown(), "regenerate with: taltio-admin docs > docs/configuration.md"
    for s in settings.SCHEMA:
        assert f"`{s.key}`" in doc
    r = subprocess.run([sys.executable, "-m", "taltio.admin", "docs", "--check", str(ROOT / "docs" /
                        "configuration.md")], env={"PYTHONPATH": str(ROOT / "desktop")})
    assert r.returncode == 0


def test_layers_supervisor_user_machine(tmp_path, caplog):
    """defaults < supervisor policy < user (where allowed) < machine; each layer only sets what its scope allows."""
    machine = tmp_path / "machine.toml"
    machine.write_text('[recording]\nmax_pause_seconds = 120.0\n[storage]\nurl = "file:///srv/rec"\n')
    user = tmp_path / "user.toml"
    user.write_text('[ui]\nlanguage = "sv"\n[privacy]\nallow_private = false\n')
    policy = {"notice.text_fi": "Puhelu tallennetaan (v7).", "recording.max_pause_seconds": 60.0,
              "ui.language": "fi", "storage.url": "s3://evil/x", "privacy.max_private_per_day": 2}
    from taltio import settings as settings_mod

    s = settings_mod.load(machine, user, policy=policy, policy_origin="supervisor policy v7 (org)")
    assert s["notice.text_fi"] == "Puhelu tallennetaan (v7)."
    assert s.origins["notice.text_fi"] == "supervisor policy v7 (org)"
    assert s["privacy.max_private_per_day"] == 2
    assert s["ui.language"] == "sv"                        # the agent's own choice beats the policy's default
    assert s["recording.max_pause_seconds"] == 120.0       # machine policy locks it against the supervisor
    assert settings_mod.locked(s, "recording.max_pause_seconds")
    assert s["storage.url"] == "file:///srv/rec"           # storage is IT's: a policy cannot move recordings
    assert s["privacy.allow_private"] is True              # not the agent's to switch off
    assert "'storage.url' can only be set by machine policy" in caplog.text
    assert {x.scope for x in settings_mod.SCHEMA} == {"user", "supervisor", "machine"}
    assert settings_mod.BY_KEY["encryption.recipients"].scope == "machine"


def test_settings_files_are_migrated_and_newer_formats_refused(tmp_path, monkeypatch):
    """A user file from format 1 is read through each migration; one from a newer Taltio is refused clearly."""
    import tomllib

    from taltio import settings as settings_mod

    def v1_to_v2(values: dict) -> dict:      # e.g. a renamed key and a unit change
        values = dict(values)
        if "ui.pill" in values:
            values["ui.status_pill"] = values.pop("ui.pill") == "on"
        return values

    from taltio.settings import loader, migrations

    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setattr(loader, "FORMAT_VERSION", 2)                   # what save_user writes
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: v1_to_v2})
    user = tmp_path / "user.toml"
    user.write_text('[ui]\npill = "off"\nlanguage = "sv"\n')             # no marker: format 1
    s = settings_mod.load(tmp_path / "none.toml", user)
    assert s["ui.status_pill"] is False and s["ui.language"] == "sv"
    settings_mod.save_user({"ui.language": "fi"}, user)                  # rewritten in the current format
    saved = tomllib.loads(user.read_text())
    assert saved["taltio"]["format"] == 2 and saved["ui"] == {"status_pill": False, "language": "fi"}
    assert settings_mod.load(tmp_path / "none.toml", user)["ui.status_pill"] is False
    user.write_text('[taltio]\nformat = 3\n[ui]\nlanguage = "sv"\n')
    with pytest.raises(settings_mod.ConfigError, match="format 3, written by a newer Taltio"):
        settings_mod.load(tmp_path / "none.toml", user)
    user.write_text('[taltio]\nformat = "two"\n')
    with pytest.raises(settings_mod.ConfigError, match="format must be a whole number"):
        settings_mod.load(tmp_path / "none.toml", user)
