"""The slip-tolerant speech check (tests/helpers/speech_match.py) passes a server's quantum slip and fails
what a recorder must never do: lose a block, or hold other audio."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.helpers.signals import best_ncc, read_wav, speech
from tests.helpers.speech_match import assert_speech, match
from tests.helpers.world import AGENT_TEXT, CUSTOMER_TEXT

RATE = 16000


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, np.ndarray]:
    d = tmp_path_factory.mktemp("voices")
    return (read_wav(speech(AGENT_TEXT, d / "a.wav", voice="en-us"))[0],
            read_wav(speech(CUSTOMER_TEXT, d / "c.wav", voice="en+f3"))[0])


def _slip(x: np.ndarray, at_s: float, samples: int) -> np.ndarray:
    """*samples* > 0 inserts silence at *at_s* (an underrun); < 0 drops that many (an overrun)."""
    i = int(at_s * RATE)
    if samples > 0:
        return np.concatenate([x[:i], np.zeros(samples), x[i:]])
    return np.concatenate([x[:i], x[i - samples:]])


def test_a_quantum_slip_back_and_forth_passes_though_one_lag_fails(voices) -> None:
    ref = voices[0]
    rec = _slip(_slip(np.concatenate([np.zeros(RATE // 4), ref]), 3.0, 341), 6.0, -341)   # 21.3 ms at 16 kHz
    assert best_ncc(rec, ref, RATE)[0] < 0.8           # what the whole-call check made of it
    m = assert_speech(rec, ref, RATE, "slipped")
    assert abs(m.offset_s - 0.25) < 0.03 and 0.015 < m.spread_s < 0.03, m


def test_a_lost_block_fails_on_the_spread(voices) -> None:
    rec = _slip(voices[0], 4.0, -1600)                  # 100 ms gone mid-call
    with pytest.raises(AssertionError, match="moved mid-call"):
        assert_speech(rec, voices[0], RATE, "agent")


def test_the_other_voice_or_a_foreign_stretch_fails_on_found(voices) -> None:
    agent, customer = voices
    with pytest.raises(AssertionError, match="not its speech"):
        assert_speech(customer, agent, RATE, "agent")
    half = np.concatenate([agent[:agent.size // 2], customer[:agent.size // 2]])
    assert 0.3 < match(half, agent, RATE).found < 0.7
    with pytest.raises(AssertionError, match="not its speech"):
        assert_speech(half, agent, RATE, "agent")


def test_silence_is_no_match() -> None:
    with pytest.raises(AssertionError, match="hardly any audio"):
        assert_speech(np.zeros(RATE * 5), np.ones(RATE), RATE, "agent")


def test_sides_moving_together_are_aligned_and_one_moving_alone_is_not(voices) -> None:
    from tests.helpers.speech_match import max_difference_s
    agent, customer = voices
    n = min(agent.size, customer.size)
    both = [match(_slip(x[:n], 3.0, 1360), x[:n], RATE) for x in (agent, customer)]   # 85 ms, one player
    assert max_difference_s(*both) < 0.01
    alone = match(_slip(customer[:n], 3.0, 1360), customer[:n], RATE)
    assert max_difference_s(match(agent[:n], agent[:n], RATE), alone) > 0.08
