"""`taltio doctor`: one readable line per check, non-zero exit if any fails.

It builds the same parts the app uses, so a green doctor means the app's own
code paths work on this machine, not a parallel set of checks.
"""
from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

OK, FAIL, WARN = "ok", "FAIL", "warn"


@dataclass
class _Machine:
    """What the checks find out and pass on: the settings, the keyring, the storage target."""

    st: Any
    store: Any = None
    data: Path | None = None
    target: Any = None


def run_checks() -> list[tuple[str, str, str]]:
    from taltio import settings as settings_mod
    from taltio.app.config import load_settings

    results: list[tuple[str, str, str]] = []
    try:
        st = load_settings()
        src = st.machine_source or "no machine policy: standalone mode"
        results.append((OK, "settings", f"loaded ({src})"))
    except settings_mod.ConfigError as exc:
        return [(FAIL, "settings", str(exc))]
    machine = _Machine(st)
    for check in CHECKS:
        results.extend(check(machine))
    return results


def _check_keyring(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.adapters.keystore import OSKeystore
    from taltio.domain import identity
    from taltio.domain.ports import KeystoreError

    try:
        m.store = OSKeystore()
        identity.workstation_key(m.store)
        return [(OK, "keyring", f"{m.store.describe()} holds the workstation key")]
    except (KeystoreError, ValueError) as exc:
        return [(FAIL, "keyring", str(exc))]


def _check_recipients(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.app.compose import recipients_for
    from taltio.domain import identity

    st = m.st
    try:
        if st["encryption.recipients"]:
            n = len(identity.parse_recipients(st["encryption.recipients"]))
            return [(OK, "recipients", f"{n} organisation recipient(s) valid")]
        if m.store:
            recipients_for(st, m.store)
            return [(WARN, "recipients", "standalone: encrypting to a local key kept in the keyring")]
        return [(FAIL, "recipients", "standalone mode needs a keyring for its local key")]
    except identity.RecipientError as exc:
        return [(FAIL, "recipients", str(exc))]


def _check_audio(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.adapters.audio import make_backend
    from taltio.domain.ports import AudioError

    results: list[tuple[str, str, str]] = []
    try:
        backend = make_backend(m.st["audio.backend"])
        for key, role, label in (("audio.mic_device", "mic", "microphone"),
                                 ("audio.loopback_device", "loopback", "loopback device")):
            dev = backend.find(m.st[key], role)
            results.append((OK, label, f"'{dev.name}' (id {dev.id}, {backend.name})"))
    except AudioError as exc:
        results.append((FAIL, "audio", str(exc)))
    except Exception as exc:  # noqa: BLE001 - PortAudio missing entirely
        results.append((FAIL, "audio", f"audio system unavailable: {exc}"))
    return results


def _check_network(m: _Machine) -> list[tuple[str, str, str]]:
    return [_network_check(m.st)] if m.st["storage.url"].startswith("s3://") else []


def _check_storage(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.app import paths
    from taltio.app.compose import make_target
    from taltio.domain.ports import StorageError

    m.data = paths.data_dir()
    try:
        m.target = make_target(m.st, m.store, m.data)
        return [(OK, "storage", m.target.check())]
    except StorageError as exc:
        m.target = None
        return [(FAIL, "storage", str(exc))]


def _check_disk(m: _Machine) -> list[tuple[str, str, str]]:
    """Free space where the calls are kept: a full disk saves no recording, whatever the queue quota says."""
    import shutil

    from taltio.app import paths
    from taltio.recording.call_rules import DISK_FULL_BYTES

    data = m.data or paths.data_dir()
    try:
        free = shutil.disk_usage(data).free
    except OSError as exc:
        return [(FAIL, "disk", f"cannot tell the free space in {data}: {exc.strerror or exc}")]
    if free < DISK_FULL_BYTES:
        return [(FAIL, "disk", f"the disk of {data} is full ({free // 1024} KB free): recordings cannot be "
                 "saved; free disk space")]
    return [(OK, "disk", f"{free // 2**20} MB free for recordings in {data}")]


def _check_softphone(m: _Machine) -> list[tuple[str, str, str]]:
    return [_softphone_check(m.st["softphone.adapter"], m.st["softphone.address"])]


def _check_queue(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.upload.queue import UploadQueue

    if m.target is None:
        return []
    q = UploadQueue(m.data / "queue.sqlite3", m.target)
    qs = q.status()
    age = f", oldest {qs.oldest_age_s / 60:.0f} min" if qs.oldest_age_s else ""
    return [(OK if qs.pending == 0 else WARN, "queue", f"{qs.pending} call(s) waiting{age}")]


# In the order they are printed; each adds its lines and may leave what it found on the _Machine.
CHECKS: tuple[Callable[[_Machine], list[tuple[str, str, str]]], ...] = (
    _check_keyring, _check_recipients, _check_audio, _check_network, _check_storage, _check_disk,
    _check_softphone, _check_queue)


def _network_check(st) -> tuple[str, str, str]:  # noqa: ANN001 - settings.Settings
    """How storage is reached (TLS trust, proxy; never secrets). Insecure TLS is a failure."""
    from taltio.adapters.storage.network import transport_summary

    endpoint = st["storage.endpoint"] or None
    summary = transport_summary(endpoint, st["storage.ca_bundle"], st["storage.use_os_trust_store"],
                                st["storage.proxy"], st["storage.dev_insecure_tls"])
    if st["storage.dev_insecure_tls"]:
        return (FAIL, "storage network", f"{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the network path can "
                f"read and change uploads; remove storage.dev_insecure_tls ({st.origins['storage.dev_insecure_tls']})")
    if (endpoint or "").startswith("http://"):
        return (WARN, "storage network", f"{summary}; use https:// unless this network is trusted")
    return (OK, "storage network", summary)


def _softphone_check(adapter: str, address: str) -> tuple[str, str, str]:
    """The softphone connection of `softphone.adapter` (hook, baresip, bria, linphone).

    If the app runs, ask it: baresip and linphone-daemon serve one control client, so connecting
    ourselves would cut the app off. Without the app, check that the softphone's socket answers.
    """
    from taltio.app.ipc import IPCError, request

    try:
        reply = request({"cmd": "status"}, timeout=1.0)
        st = reply.get("softphone", "") or "?"
        if adapter == "hook":
            return (OK, "softphone", f"hook adapter: the softphone runs `taltio hook …`; app reports: {st}")
        return (OK if st.startswith("connected") else FAIL, "softphone", f"{adapter}: app reports: {st}")
    except IPCError:
        pass
    if adapter == "hook":
        return (WARN, "softphone", "hook adapter: the softphone runs `taltio hook …`, but Taltio is not running, "
                "so those commands fail now")
    where = address
    try:
        if adapter == "linphone":
            from taltio.adapters.softphone.linphone import LinphoneAdapter

            where = LinphoneAdapter.from_address(address).path
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(1.5)
                s.connect(where)
            return (OK, "softphone", f"linphone-daemon socket {where} answers (Taltio is not running)")
        if adapter == "bria":
            from urllib.parse import urlsplit

            url = urlsplit(address) if address.startswith(("ws://", "wss://")) else None
            host, port = (url.hostname, url.port or (443 if url.scheme == "wss" else 80)) if url \
                else ("127.0.0.1", 9002)
            where = f"{host}:{port}"
            with socket.create_connection((host, port), timeout=1.5):
                pass
            return (OK, "softphone", f"Bria API port {where} answers (Taltio is not running; Bria asks the user "
                    "to allow access when Taltio first connects)")
        if adapter == "baresip":
            host, _, port = address.rpartition(":")
            with socket.create_connection((host, int(port)), timeout=1.5):
                pass
            return (OK, "softphone", f"baresip control port {address} answers")
    except (OSError, ValueError) as exc:
        return (FAIL, "softphone", f"{adapter} at {where} unreachable ({getattr(exc, 'strerror', None) or exc})")
    return (FAIL, "softphone", f"unknown softphone.adapter '{adapter[:40]}'")


def effective_settings(policy: dict | None = None, policy_origin: str = "supervisor policy") -> list[tuple]:
    """(key, value, origin, scope) of every setting, as the app would run with them now."""
    from taltio import settings as settings_mod
    from taltio.app.config import load_settings

    st = load_settings(policy=policy, policy_origin=policy_origin)
    return [(s.key, st[s.key], st.origins[s.key], s.scope) for s in settings_mod.SCHEMA]


def print_settings() -> int:
    """`taltio doctor --settings`: every effective value and where it came from, for a support ticket.

    A setting marked secret (the number-index key) shows only whether it is set: with it and read access to
    the bucket, anyone could try every phone number against the manifests' index."""
    from taltio import settings as settings_mod

    policy, origin = last_good_policy()
    try:
        rows = effective_settings(policy, origin)
    except settings_mod.ConfigError as exc:
        print(f"taltio doctor: {exc}", file=sys.stderr)
        return 1
    width = max(len(r[0]) for r in rows)
    secret = {s.key for s in settings_mod.SCHEMA if s.secret}
    for key, value, src, scope in rows:
        if key in secret and value:
            value = "<set, not shown>"
        if key == "storage.proxy" and value:
            from taltio.adapters.storage.network import mask_proxy

            value = mask_proxy(value)           # a proxy password never goes into a ticket
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        lock = "  [locked]" if src.startswith("machine") else ""
        print(f"{key:<{width}}  {shown:<60}  {src} (set by: {scope}){lock}")
    return 0


def last_good_policy() -> tuple[dict | None, str]:
    """The supervisor policy the app last accepted (re-verified), if any: (settings, origin)."""
    try:
        from taltio.app import compose as app_core

        return app_core.last_good_policy()
    except Exception:  # noqa: BLE001 - no policy support or no state yet: the other layers still show
        return None, "supervisor policy"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--settings"]:
        return print_settings()
    from taltio.app.about import version_text

    # First, what is installed: a support case quotes the doctor's output whole.
    print(version_text("taltio"), end="\n\n")
    results = run_checks()
    width = max(len(r[1]) for r in results)
    for status, name, detail in results:
        print(f"[{status:>4}] {name:<{width}}  {detail}")
    failed = [r for r in results if r[0] == FAIL]
    print(f"\n{len(failed)} problem(s) found." if failed else "\nAll checks passed.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
