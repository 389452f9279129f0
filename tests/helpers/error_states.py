"""The error classes an agent can meet, set up with real parts: storage down, the queue full, a bad policy.

Shared by tests/test_i18n_errors.py (every text translated) and scripts/screenshots.py (what they look like).
A device lost is the audio fixture's own: ``audio.unload("source_name=agent_mic")``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from taltio.domain import policy as pol
from taltio.domain import sshsig

S3_KEY_ID = "AKIAAGENT7"
S3_SECRET = "agent-7-secret"


def closed_port() -> int:
    """A loopback port nobody listens on: connections to it are refused (storage down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def forged_policy(folder: Path) -> str:
    """A policy signed by an allowed supervisor, its body changed afterwards (as an attacker on the share would).
    Returns the supervisor's allowed-signers line."""
    key = Ed25519PrivateKey.generate()
    now = dt.datetime.now(dt.timezone.utc)
    raw = pol.dump(pol.new_document("org", 1, now - dt.timedelta(minutes=1), now + dt.timedelta(days=30),
                                    {"notice.text_fi": "genuine"}))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org.json.sig").write_bytes(pol.sign(raw, key))
    (folder / "org.json").write_bytes(raw.replace(b"genuine", b"forged!"))
    return sshsig.public_openssh(key.public_key(), "anna")


def error_config(directory: Path, lang: str, recipient: str) -> str:
    """A machine config (TOML) with every error class one step away: S3 on a closed port, a 1 MB upload queue
    that stops recording when full, and a forged policy in the folder policy.url names. Set TALTIO_S3_SECRET
    to S3_SECRET for the app."""
    signer = forged_policy(directory / "policy")
    return (f'[agent]\nid = "agent-7"\n'
            f'[storage]\nurl = "s3://recordings/agents"\nendpoint = "http://127.0.0.1:{closed_port()}"\n'
            f'access_key_id = "{S3_KEY_ID}"\nqueue_quota_mb = 1\nwhen_queue_full = "stop"\nretry_max_seconds = 0.5\n'
            f'[encryption]\nrecipients = ["{recipient}"]\n'
            f'[audio]\nmic_device = "agent_mic"\nloopback_device = "softphone_out.monitor"\n'
            f'[ui]\nlanguage = "{lang}"\nstatus_pill = true\n'
            f'[policy]\nallowed_signers = ["{signer}"]\nurl = "file://{directory / "policy"}"\npoll_minutes = 0.02\n')


def fill_queue(app, data_dir: Path) -> None:  # noqa: ANN001 - TaltioApp
    """An older call of 1.2 MB waiting for upload: with storage down, the 1 MB quota is full."""
    old = data_dir / "calls" / "old-call"
    old.mkdir(parents=True, exist_ok=True)
    data = os.urandom(1_200_000)
    (old / "old-call.ogg.age").write_bytes(data)
    app.core.queue.enqueue("old-call", old, "agent-7/2026/11/27",
                           [{"name": "old-call.ogg.age", "sha256": hashlib.sha256(data).hexdigest(),
                             "size": len(data)}])
