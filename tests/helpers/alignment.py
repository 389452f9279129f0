"""How well a recorded stereo call matches what was played into each side, and how far apart the sides are.

Shared by test_e2e_hook (an idle machine) and test_alignment_load (both cores busy), so both judge
alignment by exactly the same numbers: each channel is located in its own reference by normalised
cross-correlation, and the lag *difference* between the two is the recorder's misalignment (the two
references were played by one stereo player, so any common delay is the audio server's, not ours).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tests.helpers.signals import best_ncc, read_wav

MAX_LAG_DIFFERENCE_S = 0.05      # issue 16: the two sides stay within 50 ms of each other


@dataclass(frozen=True)
class Alignment:
    agent: float        # ncc of the left channel with the agent's reference
    customer: float     # ncc of the right channel with the customer's reference
    cross: tuple[float, float]      # left vs customer, right vs agent: leakage between the sides
    lag_agent_s: float
    lag_customer_s: float

    @property
    def lag_difference_s(self) -> float:
        return abs(self.lag_agent_s - self.lag_customer_s)

    def __str__(self) -> str:
        return (f"ncc agent/left={self.agent:.3f} customer/right={self.customer:.3f} "
                f"cross={self.cross[0]:.3f},{self.cross[1]:.3f} "
                f"lag difference={self.lag_difference_s * 1000:.0f} ms")


def measure(rec: np.ndarray, rate: int, agent_wav: Path, customer_wav: Path) -> Alignment:
    agent_ref, _ = read_wav(agent_wav)
    cust_ref, _ = read_wav(customer_wav)
    left, right = rec[:, 0], rec[:, 1]
    n_aa, lag_a = best_ncc(left, agent_ref, rate)
    n_cc, lag_c = best_ncc(right, cust_ref, rate)
    n_ac, _ = best_ncc(left, cust_ref, rate)
    n_ca, _ = best_ncc(right, agent_ref, rate)
    return Alignment(n_aa, n_cc, (n_ac, n_ca), lag_a, lag_c)


def assert_aligned(a: Alignment) -> None:
    """Each side holds its own voice, not the other's, and the sides are within 50 ms of each other."""
    assert a.agent >= 0.8 and a.customer >= 0.8, str(a)
    assert a.cross[0] <= 0.3 and a.cross[1] <= 0.3, str(a)
    assert a.lag_difference_s <= MAX_LAG_DIFFERENCE_S, str(a)
