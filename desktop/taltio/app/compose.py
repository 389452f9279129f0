"""Builds the Qt-free core from settings: used by the tray app, `taltio doctor` and tests."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from taltio.app import paths
from taltio.domain.ports import (AudioBackend, FocusWatcher, GlobalShortcuts, Keystore, Softphone, StorageError,
                                 StorageTarget)
from taltio.settings import Settings

if TYPE_CHECKING:
    from taltio.app.policy_sync import PolicySync
    from taltio.app.policy_watch import PolicyWatch
    from taltio.recording.controller import Controller
    from taltio.upload.heartbeat import Heartbeat
    from taltio.upload.queue import UploadQueue

# The recorder (numpy, PyAV), the keyring, the audio server and the storage client are imported by the
# functions that build them, not with this module: the tray imports it before its first window, and those
# imports are most of a start-up (benchmarks/startup.py, docs/performance.md).

log = logging.getLogger("taltio.core")


@dataclass
class Core:
    settings: Settings
    keystore: Keystore
    controller: Controller
    queue: UploadQueue
    target: StorageTarget
    backend: AudioBackend
    data_dir: Path
    standalone: bool
    heartbeat: Heartbeat | None = None    # None in standalone mode: there is no fleet
    policy: PolicyWatch | None = None     # None without policy.allowed_signers: no supervisor policy


def make_target(settings: Settings, keystore: Keystore | None, data_dir: Path) -> StorageTarget:
    from taltio.adapters.keystore import s3_secret
    from taltio.adapters.storage import MIB, S3Target, parse_url
    from taltio.adapters.storage.folder import FolderTarget

    url = settings["storage.url"]
    if not url:
        return FolderTarget(data_dir / "recordings")
    scheme, bucket, prefix = parse_url(url)
    if scheme == "file":
        return FolderTarget(Path(prefix))
    key_id = settings["storage.access_key_id"]
    target = S3Target(bucket, prefix, settings["storage.endpoint"], settings["storage.region"], key_id,
                      s3_secret(keystore, key_id) if key_id else None,
                      probe_key=f"{settings.agent_id}/_probe/{settings.workstation_id}",
                      ca_bundle=settings["storage.ca_bundle"],
                      use_os_trust_store=settings["storage.use_os_trust_store"],
                      proxy=settings["storage.proxy"], insecure_tls=settings["storage.dev_insecure_tls"])
    target.status_bucket = settings["fleet.bucket"] or f"{bucket}-fleet"
    target.multipart_threshold = settings["storage.multipart_threshold_mb"] * MIB
    target.part_size = settings["storage.part_size_mb"] * MIB
    return target


def recipients_for(settings: Settings, keystore: Keystore) -> list:
    from taltio.domain import identity

    if settings["encryption.recipients"]:
        return identity.parse_recipients(settings["encryption.recipients"])
    # Standalone: a local org key whose identity lives in the keyring, so the
    # person using Taltio alone can still listen with `taltio-admin export`.
    return [identity.standalone_identity(keystore).to_public()]


def index_key_for(settings: Settings) -> bytes | None:
    """The number-index key (encryption.number_index_key, checked when the settings loaded); None: no index."""
    from taltio.domain import party

    text = settings["encryption.number_index_key"]
    return party.parse_key(text) if text else None


def make_policy_sync(settings: Settings, target: StorageTarget | None, data_dir: Path,
                     keystore: Keystore | None = None) -> PolicySync | None:
    """The supervisor policies this workstation follows: only with signers IT allowed (machine policy).
    With *keystore*, the version marks are kept in the keyring too (app.policy_marks); the quick look at
    start-up (agent._saved_policy) goes without, and the polling sync built next drops what they refuse."""
    from taltio.adapters.storage import policy_reader
    from taltio.app.policy_marks import PolicyMarks
    from taltio.app.policy_sync import PolicySync

    if not settings["policy.allowed_signers"]:
        return None
    reader = None
    if target is not None:
        try:
            reader = policy_reader(settings["policy.url"], target)
        except StorageError as exc:
            log.error("supervisor policies cannot be fetched: %s; the last good one stays in force", exc)
    marks = PolicyMarks(keystore, settings.agent_id) if keystore is not None else None
    return PolicySync(reader, settings["policy.allowed_signers"], data_dir / "policy", settings.agent_id,
                      settings["policy.groups"], marks=marks)


def last_good_policy() -> tuple[dict | None, str]:
    """What `taltio doctor --settings` shows for the supervisor layer: the last policy this computer
    accepted, verified again from its saved copy (no network)."""
    from taltio.app.config import load_settings

    settings = load_settings()
    sync = make_policy_sync(settings, None, paths.data_dir())
    if sync is None:
        return None, "supervisor policy"
    result = sync.current()
    return result.settings, policy_origin(result.versions)


def settings_with_policy(settings: Settings, result) -> Settings:  # noqa: ANN001 - policy_sync.SyncResult
    """The same machine and user layers as *settings*, with the supervisor policy of *result* under them."""
    from taltio.app.config import reload_settings

    return reload_settings(settings, policy=result.settings, policy_origin=policy_origin(result.versions))


def policy_origin(versions: dict[str, int]) -> str:
    return "supervisor policy " + (", ".join(f"{t} v{v}" for t, v in versions.items()) or "(none in force)")


def build(settings: Settings, keystore: Keystore | None = None, backend: AudioBackend | None = None) -> Core:
    from taltio.adapters.audio import make_backend
    from taltio.adapters.keystore import OSKeystore
    from taltio.app.policy_watch import PolicyWatch
    from taltio.domain import identity
    from taltio.domain.rules import CallRules
    from taltio.recording.controller import Controller
    from taltio.upload.heartbeat import Heartbeat
    from taltio.upload.queue import UploadQueue

    data = paths.data_dir()
    keystore = keystore or OSKeystore()
    target = make_target(settings, keystore, data)
    queue = UploadQueue(data / "queue.sqlite3", target, settings["storage.retry_max_seconds"],
                        workers=settings["storage.parallel_uploads"])
    backend = backend or make_backend(settings["audio.backend"])
    ctl = Controller(calls_dir=data / "calls", queue=queue, backend=backend,
                     recipients=recipients_for(settings, keystore),
                     signing_key=identity.workstation_key(keystore), agent_id=settings.agent_id,
                     workstation_id=settings.workstation_id, mic=settings["audio.mic_device"],
                     loopback=settings["audio.loopback_device"], sample_rate=settings["audio.sample_rate"],
                     seal_every=settings["audio.segment_seconds"],
                     one_sided_after_s=settings["audio.one_sided_alarm_seconds"],
                     codec=settings["audio.codec"],
                     opus_kbps=settings["audio.opus_bitrate_kbps"], opus_layout=settings["audio.opus_layout"],
                     mic_fallback=settings["audio.mic_fallback_device"],
                     loopback_fallback=settings["audio.loopback_fallback_device"],
                     rules=CallRules.from_settings(settings), index_key=index_key_for(settings))
    core = Core(settings, keystore, ctl, queue, target, backend, data, settings.standalone)
    sync = make_policy_sync(settings, target, data, keystore)
    if sync is not None:
        core.policy = PolicyWatch(sync, settings["policy.poll_minutes"] * 60)
    if settings["storage.url"]:
        # Heartbeats start with the core (one at once, then every fleet.heartbeat_minutes) on a
        # daemon thread that never raises, so a fleet bucket problem cannot stop recording.
        core.heartbeat = Heartbeat(settings, ctl, queue, target)
        core.heartbeat.start()
    return core


def make_softphone(settings: Settings | None) -> Softphone:
    """The softphone adapter `softphone.adapter` names; `taltio hook` commands when none is configured."""
    kind = settings["softphone.adapter"] if settings is not None else "hook"
    if kind == "baresip":
        from taltio.adapters.softphone.baresip import BaresipAdapter

        return BaresipAdapter(settings["softphone.address"])
    if kind == "bria":
        from taltio.adapters.softphone.bria import BriaAdapter

        return BriaAdapter.from_address(settings["softphone.address"])
    if kind == "linphone":
        from taltio.adapters.softphone.linphone import LinphoneAdapter

        return LinphoneAdapter.from_address(settings["softphone.address"])
    from taltio.adapters.softphone.hook import HookAdapter

    return HookAdapter()


def make_focus_watcher() -> FocusWatcher:
    """What tells the payment-window auto-pause which window has the keyboard, on this desktop."""
    import os
    import sys

    from taltio.adapters.focus.unavailable import UnavailableFocusWatcher

    if sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
        from taltio.adapters.focus.x11 import X11FocusWatcher

        return X11FocusWatcher()
    if sys.platform.startswith("linux"):
        return UnavailableFocusWatcher("this desktop session is Wayland (or has no display): no program may see "
                                       "another's window")
    if sys.platform == "win32":
        from taltio.adapters.focus.windows import WindowsFocusWatcher

        return WindowsFocusWatcher()
    if sys.platform == "darwin":
        from taltio.adapters.focus.macos import MacFocusWatcher

        return MacFocusWatcher()
    return UnavailableFocusWatcher(f"not built yet for {sys.platform}")


def reconfigure(core: Core, settings: Settings) -> None:
    """A new supervisor policy is in force: every running component takes its part of it now."""
    core.controller.set_index_key(index_key_for(settings))      # the next call sealed is indexed under it
    if core.heartbeat is not None:
        core.heartbeat.reconfigure(settings.section("fleet"))
    if core.policy is not None:
        core.policy.reconfigure(settings.section("policy"))


def make_shortcuts() -> GlobalShortcuts:
    """What binds Start call / End call to keys that work from any program, on this desktop."""
    import os
    import sys

    from taltio.adapters.shortcuts.unavailable import UnavailableShortcuts

    if sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
        from taltio.adapters.shortcuts.x11 import X11Shortcuts

        return X11Shortcuts()
    if sys.platform.startswith("linux"):
        return UnavailableShortcuts("this desktop session is Wayland (or has no display): no program may take a "
                                    "key from the others")
    if sys.platform == "win32":
        from taltio.adapters.shortcuts.windows import WindowsShortcuts

        return WindowsShortcuts()
    return UnavailableShortcuts(f"not built yet for {sys.platform}")
