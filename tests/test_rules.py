"""Number patterns and the agent's free text, as the controller applies them."""
from __future__ import annotations

import pytest

from taltio.core import settings as settings_mod
from taltio.core.rules import check_pattern, clean_label, number_matches


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
