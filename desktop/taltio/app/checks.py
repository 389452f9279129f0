"""The checks of `taltio doctor` and of the tray's "Check this computer…": one line per check.

They build the same parts the app uses, so a green check means the app's own code paths work on this
machine, not a parallel set of checks. Each line is (status, name, detail), the name and detail core Texts:
the command prints the English (a support ticket quotes it), the tray shows them in the agent's language.
"""
from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, message, os_error, reason

OK, FAIL, WARN = "ok", "FAIL", "warn"
# The checks' names, translatable: the tray's "Check this computer" window shows the lines in the agent's language
# (the command prints the English, which a support ticket quotes).
NAMES = {n: Text(n) for n in (
    QT_TRANSLATE_NOOP("core", "settings"), QT_TRANSLATE_NOOP("core", "keyring"),
    QT_TRANSLATE_NOOP("core", "recipients"), QT_TRANSLATE_NOOP("core", "microphone"),
    QT_TRANSLATE_NOOP("core", "loopback device"), QT_TRANSLATE_NOOP("core", "audio"),
    QT_TRANSLATE_NOOP("core", "storage network"), QT_TRANSLATE_NOOP("core", "storage"),
    QT_TRANSLATE_NOOP("core", "disk"), QT_TRANSLATE_NOOP("core", "softphone"), QT_TRANSLATE_NOOP("core", "queue"))}


@dataclass
class _Machine:
    """What the checks find out and pass on: the settings, the keyring, the storage target."""

    st: Any
    store: Any = None
    data: Path | None = None
    target: Any = None
    softphone_status: Callable[[], str] | None = None     # the app's own adapter, when the tray runs the checks


def report_lines(results: list[tuple[str, str, str]]) -> list[str]:
    """The lines as `taltio doctor` prints them (English: a support ticket quotes them whole)."""
    width = max((len(r[1]) for r in results), default=0)
    return [f"[{status:>4}] {name:<{width}}  {detail}" for status, name, detail in results]


def run_checks(softphone_status: Callable[[], str] | None = None) -> list[tuple[str, str, str]]:
    """Every check's lines. *softphone_status*: the running app's own view of its softphone (the tray's
    "Check this computer"), instead of asking the app over its control socket."""
    from taltio import settings as settings_mod
    from taltio.app.config import load_settings

    results: list[tuple[str, str, str]] = []
    try:
        st = load_settings()
        src = st.machine_source or Text(QT_TRANSLATE_NOOP("core", "no machine policy: standalone mode"))
        results.append((OK, NAMES["settings"], Text(QT_TRANSLATE_NOOP("core", "loaded ({source})"), source=src)))
    except settings_mod.ConfigError as exc:
        return [(FAIL, NAMES["settings"], message(exc))]
    machine = _Machine(st, softphone_status=softphone_status)
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
        return [(OK, NAMES["keyring"], Text(QT_TRANSLATE_NOOP("core", "{keyring} holds the workstation key"),
                                            keyring=m.store.describe()))]
    except (KeystoreError, ValueError) as exc:
        return [(FAIL, NAMES["keyring"], message(exc))]


def _check_recipients(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.app.compose import recipients_for
    from taltio.domain import identity

    st = m.st
    try:
        if st["encryption.recipients"]:
            n = len(identity.parse_recipients(st["encryption.recipients"]))
            return [(OK, NAMES["recipients"], Text(QT_TRANSLATE_NOOP("core", "{count} organisation recipient(s) "
                                                                             "valid"), count=n))]
        if m.store:
            recipients_for(st, m.store)
            return [(WARN, NAMES["recipients"], Text(QT_TRANSLATE_NOOP("core", "standalone: encrypting to a local key "
                                                                               "kept in the keyring")))]
        return [(FAIL, NAMES["recipients"], Text(QT_TRANSLATE_NOOP("core", "standalone mode needs a keyring for its "
                                                                           "local key")))]
    except identity.RecipientError as exc:
        return [(FAIL, NAMES["recipients"], message(exc))]


def _check_audio(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.adapters.audio import make_backend
    from taltio.domain.ports import AudioError

    results: list[tuple[str, str, str]] = []
    try:
        backend = make_backend(m.st["audio.backend"])
        for key, role, label in (("audio.mic_device", "mic", "microphone"),
                                 ("audio.loopback_device", "loopback", "loopback device")):
            dev = backend.find(m.st[key], role)
            results.append((OK, NAMES[label], f"'{dev.name}' (id {dev.id}, {backend.name})"))
    except AudioError as exc:
        results.append((FAIL, NAMES["audio"], message(exc)))
    except Exception as exc:  # noqa: BLE001 - PortAudio missing entirely
        results.append((FAIL, NAMES["audio"], Text(QT_TRANSLATE_NOOP("core", "audio system unavailable: {error}"),
                                                   error=str(exc))))
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
        return [(OK, NAMES["storage"], m.target.check())]
    except StorageError as exc:
        m.target = None
        return [(FAIL, NAMES["storage"], message(exc))]


def _check_disk(m: _Machine) -> list[tuple[str, str, str]]:
    """Free space where the calls are kept: a full disk saves no recording, whatever the queue quota says."""
    import shutil

    from taltio.app import paths
    from taltio.recording.call_rules import DISK_FULL_BYTES

    data = m.data or paths.data_dir()
    try:
        free = shutil.disk_usage(data).free
    except OSError as exc:
        return [(FAIL, NAMES["disk"], Text(QT_TRANSLATE_NOOP("core", "cannot tell the free space in {path}: {error}"),
                                           path=str(data), error=os_error(exc)))]
    if free < DISK_FULL_BYTES:
        return [(FAIL, NAMES["disk"], Text(QT_TRANSLATE_NOOP("core", "the disk of {path} is full ({free} KB free): "
                                                                     "recordings cannot be saved; free disk space"),
                                           path=str(data), free=free // 1024))]
    return [(OK, NAMES["disk"], Text(QT_TRANSLATE_NOOP("core", "{free} MB free for recordings in {path}"),
                                     free=free // 2**20, path=str(data)))]


def _check_softphone(m: _Machine) -> list[tuple[str, str, str]]:
    return [_softphone_check(m.st["softphone.adapter"], m.st["softphone.address"], m.softphone_status)]


def _check_queue(m: _Machine) -> list[tuple[str, str, str]]:
    from taltio.upload.queue import UploadQueue

    if m.target is None:
        return []
    q = UploadQueue(m.data / "queue.sqlite3", m.target)
    qs = q.status()
    detail = Text(QT_TRANSLATE_NOOP("core", "{count} call(s) waiting, oldest {minutes} min"), count=qs.pending,
                  minutes=f"{qs.oldest_age_s / 60:.0f}") if qs.oldest_age_s else \
        Text(QT_TRANSLATE_NOOP("core", "{count} call(s) waiting"), count=qs.pending)
    return [(OK if qs.pending == 0 else WARN, NAMES["queue"], detail)]


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
    name = NAMES["storage network"]
    if st["storage.dev_insecure_tls"]:
        return (FAIL, name, Text(QT_TRANSLATE_NOOP("core", "{summary}. INSECURE, DEVELOPMENT ONLY: anyone on the "
                                                           "network path can read and change uploads; remove "
                                                           "storage.dev_insecure_tls ({origin})"),
                                 summary=summary, origin=st.origins["storage.dev_insecure_tls"]))
    if (endpoint or "").startswith("http://"):
        return (WARN, name, Text(QT_TRANSLATE_NOOP("core", "{summary}; use https:// unless this network is trusted"),
                                 summary=summary))
    return (OK, name, summary)


def _softphone_check(adapter: str, address: str, own: Callable[[], str] | None = None) -> tuple[str, str, str]:
    """The softphone connection of `softphone.adapter` (hook, baresip, bria, linphone).

    If the app runs, ask it: baresip and linphone-daemon serve one control client, so connecting
    ourselves would cut the app off. Without the app, check that the softphone's socket answers.
    """
    from taltio.app.ipc import IPCError, request

    try:
        st = own() if own is not None else request({"cmd": "status"}, timeout=1.0).get("softphone", "") or "?"
        if adapter == "hook":
            return (OK, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "hook adapter: the softphone runs `taltio "
                                                                           "hook …`; app reports: {status}"), status=st))
        return (OK if st.startswith("connected") else FAIL, NAMES["softphone"],
                Text(QT_TRANSLATE_NOOP("core", "{adapter}: app reports: {status}"), adapter=adapter, status=st))
    except IPCError:
        pass
    if adapter == "hook":
        return (WARN, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "hook adapter: the softphone runs `taltio hook "
                                                                         "…`, but Taltio is not running, so those "
                                                                         "commands fail now")))
    where = address
    try:
        if adapter == "linphone":
            from taltio.adapters.softphone.linphone import LinphoneAdapter

            where = LinphoneAdapter.from_address(address).path
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(1.5)
                s.connect(where)
            return (OK, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "linphone-daemon socket {where} answers "
                                                                           "(Taltio is not running)"), where=where))
        if adapter == "bria":
            from urllib.parse import urlsplit

            url = urlsplit(address) if address.startswith(("ws://", "wss://")) else None
            host, port = (url.hostname, url.port or (443 if url.scheme == "wss" else 80)) if url \
                else ("127.0.0.1", 9002)
            where = f"{host}:{port}"
            with socket.create_connection((host, port), timeout=1.5):
                pass
            return (OK, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "Bria API port {where} answers (Taltio is "
                                                                           "not running; Bria asks the user to allow "
                                                                           "access when Taltio first connects)"),
                                                 where=where))
        if adapter == "baresip":
            host, _, port = address.rpartition(":")
            with socket.create_connection((host, int(port)), timeout=1.5):
                pass
            return (OK, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "baresip control port {where} answers"),
                                                 where=address))
    except (OSError, ValueError) as exc:
        return (FAIL, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "{adapter} at {where} unreachable ({error})"),
                                               adapter=adapter, where=str(where), error=reason(exc)))
    return (FAIL, NAMES["softphone"], Text(QT_TRANSLATE_NOOP("core", "unknown softphone.adapter '{adapter}'"),
                                           adapter=adapter[:40]))
