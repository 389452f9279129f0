"""Number patterns and the agent's free text, as the controller applies them."""
from __future__ import annotations

import time

import pytest

from taltio import settings as settings_mod
from taltio.domain.rules import check_pattern, clean_label, number_matches


@pytest.mark.parametrize("number,patterns,expected", [
    ("+358105551234", ["+358 10 555*"], True),
    ("+358105561234", ["+358 10 555*"], False),
    ("0800123", ["0800???"], True),
    ("0800123", ["0800??"], False),
    (None, ["*"], False),                 # anonymous callers match nothing
    ("+35840123", [], False),
])
def test_number_patterns(number, patterns, expected):
    assert number_matches(number, patterns) is expected


def test_labels_never_keep_long_digit_runs_or_control_characters():
    assert clean_label("card 4111 1111 1111 1111 cvv 123") == "card [digits removed] cvv 123"
    assert clean_label("call +358-40-123 4567 back") == "call +[digits removed] back"
    assert clean_label("agreed\x00\n 24 months") == "agreed 24 months"
    assert clean_label("   ") is None and clean_label(None) is None
    assert len(clean_label("x" * 500)) == 80


def test_bad_patterns_are_refused_with_the_setting_named(tmp_path):
    assert check_pattern(["+358*", "0800 ???"]) is None
    bad = tmp_path / "machine.toml"
    bad.write_text('[privacy]\nalways_private_numbers = ["occupational health"]\n')
    with pytest.raises(settings_mod.ConfigError, match="privacy.always_private_numbers.*not a number pattern"):
        settings_mod.load(bad, tmp_path / "none.toml")


def test_language_by_queue_before_number(tmp_path):
    """A Swedish service line reached from a Finnish number is still Swedish; numbers decide otherwise."""
    from taltio.domain.notices import pick_language

    rules = ["queue:Kundtjänst*=sv", "queue:billing=en", "+358*=fi", "+46*=sv"]
    assert pick_language("+358401234567", rules, "fi", queue="Kundtjänst Vasa") == "sv"
    assert pick_language("+358401234567", rules, "fi", queue="BILLING") == "en"        # case-insensitive
    assert pick_language("+358401234567", rules, "fi", queue="Asiakaspalvelu") == "fi"
    assert pick_language("+46701234567", rules, "fi") == "sv"
    assert pick_language(None, rules, "en") == "en"
    bad = tmp_path / "machine.toml"
    bad.write_text('[notice]\nlanguage_rules = ["queue:=sv"]\n')
    with pytest.raises(settings_mod.ConfigError, match="notice.language_rules.*names no queue"):
        settings_mod.load(bad, tmp_path / "none.toml")
    bad.write_text('[notice]\nlanguage_rules = ["Kundtjänst=sv"]\n')
    with pytest.raises(settings_mod.ConfigError, match=r"not a number pattern \(digits.*nor queue:NAME"):
        settings_mod.load(bad, tmp_path / "none.toml")


def test_queue_from_the_hook_picks_the_language_and_is_in_the_manifest(tmp_path):
    """Through the real controller and upload queue (to a folder): the declined call's manifest is the evidence."""
    import json

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from taltio.adapters.storage.folder import FolderTarget
    from taltio.recording.controller import Controller
    from taltio.domain.events import CallEvent
    from taltio.upload.queue import UploadQueue
    from taltio.domain.rules import CallRules

    ev = CallEvent.parse("incoming", call_id="q1", number="+358401234567", queue="Kundtjänst 4111111111")
    assert ev.queue == "Kundtjänst [digits removed]"           # a queue name is no place for numbers either
    with pytest.raises(Exception, match="must be text"):
        CallEvent.parse("incoming", queue=["x"])                # type: ignore[arg-type]
    queue = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    ctl = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=None, recipients=[],  # type: ignore[arg-type]
                     signing_key=Ed25519PrivateKey.generate(), agent_id="a1", workstation_id="w1", mic="m",
                     loopback="l", rules=CallRules(language_rules=("queue:Kundtjänst*=sv", "+358*=fi")))
    ctl.handle(ev)
    assert ctl.sessions["q1"].notice_language == "sv"
    for kind in ("answered", "declined", "ended"):
        ctl.handle(CallEvent.parse(kind, call_id="q1"))
    queue.start()
    try:
        deadline = time.monotonic() + 10
        while not list((tmp_path / "store").rglob("q1.manifest.json")):
            assert time.monotonic() < deadline, "manifest not stored"
            time.sleep(0.05)
    finally:
        queue.stop()
    doc = json.loads(next((tmp_path / "store").rglob("q1.manifest.json")).read_text())
    assert doc["queue"] == "Kundtjänst [digits removed]" and doc["notice"]["language"] == "sv"
    assert doc["outcome"] == "declined"


@pytest.mark.parametrize("lang,months,expected", [
    ("fi", 24, "24 kuukautta"), ("sv", 24, "24 månader"), ("en", 1, "1 month"), ("en", 0, "(not set"),
])
def test_retention_is_told_in_the_customers_language(tmp_path, lang, months, expected):
    from taltio.domain.notices import privacy_info

    cfg = tmp_path / "machine.toml"
    cfg.write_text(f'[org]\ncontroller = "Oy Esimerkki Ab"\nretention_months = {months}\n')
    s = settings_mod.load(cfg, tmp_path / "none.toml")
    assert expected in privacy_info(s, lang)
    cfg.write_text('[org]\nretention_months = 24\nretention = "contract + 24 months"\nretention_sv = "avtalet + 24 mån"\n')
    s = settings_mod.load(cfg, tmp_path / "none.toml")
    assert "avtalet + 24 mån" in privacy_info(s, "sv") and "contract + 24 months" in privacy_info(s, "fi")


def test_ringing_and_display_name_reach_the_manifest(tmp_path):
    """An outgoing call reported only as 'ringing' (some softphones) starts the session; the caller's name is kept
    in the manifest but never in the log."""
    import json
    import logging

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from taltio.adapters.storage.folder import FolderTarget
    from taltio.recording.controller import Controller
    from taltio.domain.events import CallEvent
    from taltio.upload.queue import UploadQueue

    queue = UploadQueue(tmp_path / "q.sqlite3", FolderTarget(tmp_path / "store"), 0.5)
    import pyrage

    from taltio.domain import party

    org = pyrage.x25519.Identity.generate()
    ctl = Controller(calls_dir=tmp_path / "calls", queue=queue, backend=None, recipients=[org.to_public()],  # type: ignore[arg-type]
                     signing_key=Ed25519PrivateKey.generate(), agent_id="a1", workstation_id="w1", mic="m",
                     loopback="l")
    logging.getLogger("taltio").setLevel(logging.DEBUG)
    ctl.handle(CallEvent.parse("ringing", call_id="r1", number="+358401234567", display_name="Maija Meikäläinen"))
    assert ctl.sessions["r1"].direction == "outgoing"
    ctl.handle(CallEvent.parse("ringing", call_id="r1"))                      # repeated: nothing new
    for kind in ("answered", "declined", "ended"):
        ctl.handle(CallEvent.parse(kind, call_id="r1"))
    queue.start()
    try:
        deadline = time.monotonic() + 10
        while not list((tmp_path / "store").rglob("r1.manifest.json")):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        queue.stop()
    doc = json.loads(next((tmp_path / "store").rglob("r1.manifest.json")).read_text())
    assert doc["direction"] == "outgoing"
    # The name reaches the manifest only sealed to the organisation (schema 2): never in clear.
    assert "Meik" not in json.dumps(doc, ensure_ascii=False) and "remote_display_name" not in doc
    assert party.open_sealed(doc["party"]["sealed"], [org]) == party.Party("+358401234567", "Maija Meikäläinen")


@pytest.mark.parametrize("lang,words", [
    ("fi", ("Tietosuojavastaava: ei nimetty", "Oikeusperuste: sopimuksen", "Kenelle tallenne luovutetaan: asiaa",
            "valvontaviranomaiselle: tietosuojavaltuutettu (tietosuoja.fi)")),
    ("sv", ("Dataskyddsombud: ingen utsedd", "Rättslig grund: fullgörande", "Vem som får inspelningen: vår personal",
            "tillsynsmyndigheten: dataombudsmannen (tietosuoja.fi)")),
    ("en", ("Data protection officer: none designated", "Legal basis: performing our contract",
            "Who receives it: our staff", "supervisory authority: the Data Protection Ombudsman (tietosuoja.fi)")),
])
def test_the_customer_is_told_every_art_13_field_in_their_language(tmp_path, lang, words):
    """Issue 18 point 4: recipients, legal basis, the DPO and the right to complain, shipped where one answer is
    true for most, each overridden by the organisation; no placeholder is left unfilled."""
    from taltio.domain.notices import privacy_info

    cfg = tmp_path / "machine.toml"
    cfg.write_text('[org]\ncontroller = "Oy Esimerkki Ab"\n')
    text = privacy_info(settings_mod.load(cfg, tmp_path / "none.toml"), lang)
    assert all(w in text for w in words) and "{" not in text, text
    cfg.write_text('[org]\ndpo = "dpo@example.fi"\nrecipients = "Firma X (pilvipalvelu)"\nlegal_basis = "L1234"\n'
                   'complaints = "Tietosuojavaltuutetun toimisto"\n')
    text = privacy_info(settings_mod.load(cfg, tmp_path / "none.toml"), lang)
    for own in ("dpo@example.fi", "Firma X (pilvipalvelu)", "L1234", "Tietosuojavaltuutetun toimisto"):
        assert own in text, (own, text)
    assert words[0] not in text


def test_the_organisations_own_art_13_words_per_language_win_over_its_words_for_all(tmp_path):
    """An organisation that writes its recipients, legal basis and authority in Finnish must not tell a Swedish
    customer in Finnish: org.<field>_<lang> is that language's text, org.<field> the rest's, ours the fallback."""
    from taltio.domain.notices import privacy_info

    cfg = tmp_path / "machine.toml"
    cfg.write_text('[org]\nrecipients = "Firma X (pilvipalvelu)"\nrecipients_sv = "Firma X (molntjänst)"\n'
                   'legal_basis_sv = "avtal (artikel 6.1 b)"\ncomplaints_en = "the Ombudsman\'s office"\n')
    st = settings_mod.load(cfg, tmp_path / "none.toml")
    fi, sv, en = (privacy_info(st, lang) for lang in ("fi", "sv", "en"))
    assert "Firma X (pilvipalvelu)" in fi and "Firma X (pilvipalvelu)" in en and "molntjänst" not in fi + en
    assert "Firma X (molntjänst)" in sv and "pilvipalvelu" not in sv
    assert "Rättslig grund: avtal (artikel 6.1 b)" in sv and "Oikeusperuste: sopimuksen" in fi
    assert "the Ombudsman's office" in en and "tietosuojavaltuutettu (tietosuoja.fi)" in fi
