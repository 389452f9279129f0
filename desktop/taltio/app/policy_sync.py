"""Fetch, verify and keep the supervisor policies that apply to this workstation. Qt-free.

``PolicySync.poll()`` asks storage for ``org.json``, ``group-NAME.json`` (each of
policy.groups) and ``agent-ID.json`` with a conditional GET (nothing is downloaded when
a document is unchanged), verifies each changed one (core.policy.verify) and returns the
merged settings in force. A refused document never replaces the last good one: the
refusal is reported (``SyncResult.rejections`` once, ``standing`` while it lasts) and the
last good document stays in force.

The last good documents, their signatures and the version high-water marks are kept in
``state_dir``, so a restart (even offline) keeps the last good policy and refuses a
replayed older version. The marks are kept in the OS keyring too (app.policy_marks), so
deleting ``state_dir`` does not reset them. The documents are verified again when loaded: one
whose signer IT has since removed from policy.allowed_signers is dropped.

Storage trouble never raises: it is reported in ``SyncResult.errors`` and the policy in
force stays.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Protocol

from taltio.app.policy_marks import PolicyMarks
from taltio.settings import BY_KEY
from taltio.domain.policy import (Policy, PolicyError, Reason, merge, parse_allowed_signers, target_file, targets_for,
    utcnow, verify)
from taltio.domain.ports import KeystoreError
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("taltio.policy")

STATE_FILE = "state.json"


class PolicyReader(Protocol):
    """What PolicySync needs from storage (taltio.adapters.storage targets have it)."""

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]: ...


@dataclass
class SyncResult:
    changed: bool                                   # the documents in force differ from the last result
    settings: dict[str, Any]                        # merged settings in force (org < groups < agent)
    versions: dict[str, int]                        # target -> version in force
    rejections: list[tuple[str, str, Text]] = field(default_factory=list)   # new this poll: target, reason, message
    standing: dict[str, tuple[str, Text]] = field(default_factory=dict)     # every refusal still current
    errors: list[tuple[str, str]] = field(default_factory=list)             # storage trouble: target, message
    expired: list[str] = field(default_factory=list)    # targets whose document in force has passed expires_at
    not_modified: int = 0                           # documents storage answered "unchanged" (304) this poll
    fetched: int = 0                                # documents downloaded this poll


class PolicySync:
    def __init__(self, reader: PolicyReader | None, allowed_signers: Iterable[str], state_dir: Path, agent_id: str,
                 groups: Iterable[str] = (), marks: PolicyMarks | None = None) -> None:
        self.reader = reader
        self.marks = marks
        self.trusted = parse_allowed_signers(allowed_signers)
        self.state_dir = Path(state_dir)
        self.targets = targets_for(agent_id, groups)
        self._lock = threading.Lock()
        self._in_force: dict[str, Policy] = {}
        self._high: dict[str, tuple[int, str]] = {}      # target -> (version, sha256) of the last accepted
        self._etags: dict[str, str | None] = {}          # target -> etag of the last document looked at
        self._standing: dict[str, tuple[str, Text, str | None]] = {}   # target -> reason, message, etag
        self._last_key: tuple = ()
        self._load_errors: list[tuple[str, str, Text]] = []
        self._load()
        if marks is not None:
            self._apply_marks(marks.load(set(self.trusted.values())))

    # ----------------------------------------------------------------- state on disk

    def _load(self) -> None:
        try:
            state = json.loads((self.state_dir / STATE_FILE).read_text())
            entries = state.get("targets", {}) if isinstance(state, dict) else {}
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("policy state %s unreadable (%s); starting without a last good policy",
                        self.state_dir / STATE_FILE, exc)
            return
        for target, entry in entries.items():
            try:
                name = target_file(target)
                version, sha = int(entry["version"]), str(entry["sha256"])
                doc = (self.state_dir / name).read_bytes()
                sig = (self.state_dir / f"{name}.sig").read_bytes()
            except (ValueError, KeyError, TypeError, OSError) as exc:
                log.warning("policy state for %s unusable (%s); dropped", target, exc)
                continue
            try:
                if hashlib.sha256(doc).hexdigest() != sha:
                    raise PolicyError(Reason.BAD_SIGNATURE, Text(QT_TRANSLATE_NOOP(
                        "core", "The saved {target} policy on this computer was changed; it is no longer "
                        "applied. The next fetch from storage replaces it."), target=target))
                p = verify(doc, sig, self.trusted, 0, expected_target=target, check_expiry=False, schema=BY_KEY)
                if p.version != version:
                    raise PolicyError(Reason.ROLLBACK, Text(QT_TRANSLATE_NOOP(
                        "core", "The saved {target} policy on this computer was changed; it is no longer "
                        "applied. The next fetch from storage replaces it."), target=target))
            except PolicyError as exc:
                # E.g. IT removed the signer from policy.allowed_signers: its documents (and the version
                # mark they set, which a stolen key could have pushed to the maximum) no longer count.
                # Otherwise (a copy changed on disk, or a crash between writing the document and
                # state.json) the document goes but the version mark stays: an older signed version
                # from storage must not be accepted again because of a local mishap.
                log.warning("saved policy for %s dropped: %s", target, exc)
                self._load_errors.append((target, exc.reason.value, exc.message))
                if exc.reason != Reason.UNKNOWN_SIGNER:
                    self._high[target] = (version, sha)
                continue
            self._in_force[target] = p
            self._high[target] = (version, sha)
            self._etags[target] = entry.get("etag") or None

    def _apply_marks(self, marks: dict[str, tuple[int, str]]) -> None:
        """The keyring's marks where they are higher than state.json's. A saved document below its mark
        (state.json deleted, then an older signed copy put in its place) is not applied; the first result
        then counts as changed, since the app was started with the saved copy (agent._saved_policy)."""
        started = tuple((t, self._in_force[t].sha256) for t in self.targets if t in self._in_force)
        for target, (version, sha) in marks.items():
            if version <= self._high.get(target, (0, None))[0]:
                continue
            self._high[target] = (version, sha)
            saved = self._in_force.get(target)
            if saved is not None and saved.sha256 != sha:
                del self._in_force[target]
                self._etags.pop(target, None)
                log.warning("saved policy for %s dropped: version %d is older than the version %d this computer "
                            "accepted", target, saved.version, version)
                self._load_errors.append((target, Reason.ROLLBACK.value, Text(QT_TRANSLATE_NOOP(
                    "core", "The saved {target} policy on this computer was changed; it is no longer "
                    "applied. The next fetch from storage replaces it."), target=target)))
        if started != tuple((t, self._in_force[t].sha256) for t in self.targets if t in self._in_force):
            self._last_key = started

    def _save(self, target: str, policy: Policy, sig: bytes, etag: str | None) -> None:
        from taltio.domain.files import write_durably

        name = target_file(target)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        write_durably(self.state_dir / name, policy.raw)
        write_durably(self.state_dir / f"{name}.sig", sig)
        entries = {t: {"version": v, "sha256": s, "etag": self._etags.get(t)} for t, (v, s) in self._high.items()}
        write_durably(self.state_dir / STATE_FILE, json.dumps({"targets": entries}, indent=2).encode())

    # ----------------------------------------------------------------- results

    @property
    def policies(self) -> dict[str, Policy]:
        """Documents in force for this workstation's targets, lowest first."""
        return {t: self._in_force[t] for t in self.targets if t in self._in_force}

    def _result(self, now: dt.datetime, **kw: Any) -> SyncResult:
        inforce = self.policies
        key = tuple((t, p.sha256) for t, p in inforce.items())
        changed, self._last_key = key != self._last_key, key
        return SyncResult(changed=changed, settings=merge(inforce.values()),
                          versions={t: p.version for t, p in inforce.items()},
                          standing={t: (r, m) for t, (r, m, _e) in self._standing.items() if t in self.targets},
                          expired=[t for t, p in inforce.items() if p.expired(now)], **kw)

    def current(self, now: dt.datetime | None = None) -> SyncResult:
        """What is in force now, without asking storage (e.g. at start, before the first poll). Saved
        documents that no longer verify are listed once as rejections."""
        with self._lock:
            rejections, self._load_errors = self._load_errors, []
            return self._result(now or utcnow(), rejections=rejections)

    # ----------------------------------------------------------------- poll

    def poll(self, now: dt.datetime | None = None) -> SyncResult:
        """Fetch what changed, verify it, keep the last good; never raises."""
        with self._lock:
            now = now or utcnow()
            rejections, self._load_errors = list(self._load_errors), []
            errors: list[tuple[str, str]] = []
            counts = {"not_modified": 0, "fetched": 0}
            for target in self.targets:
                try:
                    self._poll_one(target, now, rejections, errors, counts)
                except Exception as exc:  # noqa: BLE001 - storage or disk trouble must not stop the app
                    log.warning("policy %s: %s", target, exc)
                    errors.append((target, f"{type(exc).__name__}: {exc}"))
            return self._result(now, rejections=rejections, errors=errors, **counts)

    def _get(self, key: str, etag: str | None, counts: dict[str, int]) -> tuple[bytes | None, str | None]:
        if self.reader is None:
            raise RuntimeError("no policy storage configured (policy.url)")
        data, tag = self.reader.get_if_changed(key, etag)
        if data is not None:
            counts["fetched"] += 1
        elif tag is not None:
            counts["not_modified"] += 1
        return data, tag

    def _poll_one(self, target: str, now: dt.datetime, rejections: list, errors: list, counts: dict) -> None:
        name = target_file(target)
        try:
            doc, etag = self._get(name, self._etags.get(target), counts)
        except Exception as exc:  # noqa: BLE001 - StorageError and anything a reader may raise
            errors.append((target, str(exc)))
            return
        if doc is None and etag is None:                 # no document for this target
            self._etags[target] = None
            if target in self._in_force:
                self._refuse(target, Reason.MISSING, Text(QT_TRANSLATE_NOOP(
                    "core", "The {target} policy in force (version {version}) is no longer in storage. It stays "
                    "in force; to withdraw settings, publish a new version without them."), target=target,
                    version=self._in_force[target].version), None, rejections)
            else:
                self._standing.pop(target, None)
            return
        if doc is None:                                  # 304: unchanged since we looked
            return
        checked = self._verify_fetched(target, name, doc, etag, now, errors, counts)
        if checked is None:                              # storage trouble, reported in errors
            return
        policy, err, sig, etag = checked
        if policy is None:
            assert err is not None
            # The document's etag is not kept: the next poll fetches it and its signature again. Kept, every
            # later poll got 304 on the document and never looked at a signature published late (or fixed),
            # so the policy stayed refused until the document changed or the app restarted (issue 19.2).
            # It costs one small download a poll while a refusal stands; it is reported once (_refuse).
            self._refuse(target, err.reason, err.message, etag, rejections)
            return
        self._accept(target, policy, sig, etag, errors)

    def _verify_fetched(self, target: str, name: str, doc: bytes, etag: str | None, now: dt.datetime,
                        errors: list, counts: dict) -> tuple[Policy | None, PolicyError | None, bytes | None,
                                                             str | None] | None:
        """Fetch the signature and verify the document: (policy or None, the refusal, the signature, the
        etag of the document verified); None when storage failed (reported in errors)."""
        policy = err = None
        for attempt in (1, 2):
            try:
                sig, _ = self._get(f"{name}.sig", None, counts)
            except Exception as exc:  # noqa: BLE001
                errors.append((target, str(exc)))
                return None
            last_version, last_sha = self._high.get(target, (0, None))
            try:
                policy = verify(doc, sig or b"", self.trusted, last_version, now, expected_target=target,
                                last_sha256=last_sha, schema=BY_KEY)
                break
            except PolicyError as exc:
                err = exc
                if attempt == 2 or exc.reason not in (Reason.BAD_SIGNATURE, Reason.TRUNCATED):
                    break
                # Publishing writes the signature first, then the document: a fetch between the two (or a
                # cut download) is fixed by reading both again, once.
                try:
                    doc2, etag2 = self._get(name, None, counts)
                except Exception as exc2:  # noqa: BLE001
                    errors.append((target, str(exc2)))
                    return None
                if doc2 is None:
                    break
                doc, etag = doc2, etag2
        return policy, err, sig, etag

    def _accept(self, target: str, policy: Policy, sig: bytes | None, etag: str | None, errors: list) -> None:
        self._standing.pop(target, None)
        self._etags[target] = etag
        current = self._in_force.get(target)
        if current is not None and current.sha256 == policy.sha256:
            return                                       # the same document (e.g. published again)
        self._in_force[target] = policy
        self._high[target] = (policy.version, policy.sha256)
        log.info("policy %s version %d accepted (signed by %s)", target, policy.version, policy.signer[-16:])
        try:
            self._save(target, policy, sig or b"", etag)
        except OSError as exc:
            errors.append((target, f"cannot save the policy in {self.state_dir}: {exc.strerror or exc}"))
        if self.marks is not None:
            try:
                self.marks.raise_to(target, policy.version, policy.sha256, policy.signer)
            except KeystoreError as exc:
                errors.append((target, f"cannot keep the policy version mark in the keyring: {exc}"))

    def _refuse(self, target: str, reason: Reason, message: Text, etag: str | None, rejections: list) -> None:
        prev = self._standing.get(target)
        if prev is None or prev[0] != reason.value or prev[2] != etag:
            rejections.append((target, reason.value, message))
            log.warning("policy %s refused (%s): %s", target, reason.value, message)
        self._standing[target] = (reason.value, message, etag)
