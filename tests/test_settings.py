"""The schema drives loading, layering and the docs."""
import subprocess
import sys
from pathlib import Path

import pytest

from taltio.core import settings

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
