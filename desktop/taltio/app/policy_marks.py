"""The policy version marks, kept in the OS keyring as well as in state.json (issue 19.2).

Why: state.json lives in the agent user's own data folder. Deleting it used to reset the
anti-rollback marks, so an older, validly signed policy (replayed into storage, or served by a
proxy the user set up) was accepted again. The keyring copy survives that: PolicySync takes the
higher of the two marks for each target, and a saved document below the keyring's mark is not
applied.

Why the keyring and not a signed mark or a mark in storage: whatever the agent can sign or write,
its user can too (the workstation key is in that same keyring, and the agent's storage key is
put-only, so it cannot read a mark back). The keyring is not a file a cleanup or a "reset the app"
removes, and deleting an item there is a deliberate act.

Residual risk (docs/design.md, "Settings and policies"): a user who deletes both state.json and the keyring item and
then serves an older signed document gets it applied until its ``expires_at``; the heartbeat
reports the versions in force (``policy_version``), so `taltio-admin fleet` shows that agent on
the older version.

A mark names its signer: when IT removes a supervisor's key from policy.allowed_signers, that
key's marks no longer count (a stolen key could have pushed a version to the maximum).
"""
from __future__ import annotations

import json
import logging
from typing import Collection

from taltio.domain.ports import Keystore, KeystoreError

log = logging.getLogger("taltio.policy")

Mark = tuple[int, str, str]      # version, sha256 of the document, its signer ("ssh-ed25519 AAAA…")


class PolicyMarks:
    """The keyring item ``policy-marks:AGENT``: {target: [version, sha256, signer]} as JSON."""

    def __init__(self, keystore: Keystore, agent_id: str) -> None:
        self.keystore = keystore
        self.name = f"policy-marks:{agent_id}"
        self._marks: dict[str, Mark] = {}

    def load(self, trusted: Collection[str]) -> dict[str, tuple[int, str]]:
        """The marks set by signers still trusted: {target: (version, sha256)}. An unreadable keyring
        or item is logged and counts as no marks (state.json's still apply)."""
        try:
            raw = self.keystore.get(self.name)
        except KeystoreError as exc:
            log.warning("policy version marks cannot be read from the keyring (%s); only the saved state "
                        "guards against an older policy", exc)
            return {}
        if not raw:
            return {}
        try:
            entries = json.loads(raw)
            self._marks = {str(t): (int(v), str(s), str(k)) for t, (v, s, k) in entries.items()}
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("policy version marks in the keyring are unreadable (%s); ignored", exc)
            return {}
        return {t: (v, s) for t, (v, s, k) in self._marks.items() if k in trusted}

    def raise_to(self, target: str, version: int, sha256: str, signer: str) -> None:
        """The target's mark is now this accepted document (PolicySync verified it against the marks of
        every trusted signer, so it is not lower than those); raises KeystoreError."""
        if self._marks.get(target) == (version, sha256, signer):
            return
        self._marks[target] = (version, sha256, signer)
        self.keystore.set(self.name, json.dumps({t: list(m) for t, m in sorted(self._marks.items())}))
