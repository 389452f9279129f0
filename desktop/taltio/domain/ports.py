"""The ports: every interface the domain and the recording pipeline use to reach the outside world.

Adapters (``taltio.adapters``) implement them, one module per external system; the application layer
(``taltio.app``) picks the implementations. Nothing here knows a library of an external system.
"""
from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from taltio.domain.events import CallEvent
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:       # annotations only: the domain itself does no array work
    import numpy as np

# --------------------------------------------------------------------------- audio

class AudioError(RuntimeError):
    """A device problem, phrased for the agent or IT."""


@dataclass(frozen=True)
class Device:
    id: str            # stable across replugs and reboots: PulseAudio source name, WASAPI endpoint id, CoreAudio UID
    name: str          # what a person sees
    role: str          # "mic" or "loopback"
    default: bool = False


class BlockSink(Protocol):
    """Where a stream delivers audio; implemented by core.capture.Capture."""

    def push(self, channel: int, data: np.ndarray, t: float) -> None:
        """A block of mono float32 samples; t = time.monotonic() when the block's last sample arrived."""

    def lost(self, channel: int, cause: str) -> None:
        """The stream ended by itself (device unplugged, audio server gone)."""


class Stream(ABC):
    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def close(self) -> None:
        """Stop at once; must not block on a dead device."""


class AudioBackend(ABC):
    name = "?"

    @abstractmethod
    def devices(self) -> list[Device]:
        """Every device that can be captured: microphones and loopback (playback monitor) sources."""

    @abstractmethod
    def open(self, device: Device, rate: int, channel: int, sink: BlockSink) -> Stream:
        """Open (not start) one mono input stream; raise AudioError if the device is not there."""

    def suggest_loopback(self, softphone: str | None = None) -> Device | None:
        """The loopback device that carries the softphone's playback (default: the default output's)."""
        loops = [d for d in self.devices() if d.role == "loopback"]
        return next((d for d in loops if d.default), loops[0] if loops else None)

    def available(self, device: Device) -> bool:
        return any(d.id == device.id for d in self.devices())

    def find(self, spec: str, role: str) -> Device:
        """A device by stable id, else by a name substring that matches exactly one device of that role."""
        devs = self.devices()
        label = Text(QT_TRANSLATE_NOOP("core", "microphone")) if role == "mic" else \
            Text(QT_TRANSLATE_NOOP("core", "loopback device"))
        if not spec:
            if role == "loopback":
                d = self.suggest_loopback()
            else:
                d = next((x for x in devs if x.role == "mic" and x.default),
                         next((x for x in devs if x.role == "mic"), None))
            if d is None:
                raise AudioError(Text(QT_TRANSLATE_NOOP("core", "no {device} configured and none found"),
                                      device=label))
            return d
        for d in devs:
            if d.id == spec:
                return d
        matches = [d for d in devs if d.role == role and spec.lower() in d.name.lower()]
        if len(matches) == 1:
            return matches[0]
        avail = ", ".join(f"'{d.name}'" for d in devs if d.role == role)
        if matches:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "{device} '{spec}' matches several devices; available: "
                                                            "{available}"), device=label, spec=spec, available=avail))
        if avail:
            raise AudioError(Text(QT_TRANSLATE_NOOP("core", "{device} '{spec}' was not found; available: {available}"),
                                  device=label, spec=spec, available=avail))
        raise AudioError(Text(QT_TRANSLATE_NOOP("core", "{device} '{spec}' was not found, and there is none at all"),
                              device=label, spec=spec))



# --------------------------------------------------------------------------- storage

class UploadJournal(Protocol):
    """Where a multipart upload's id is kept between attempts and restarts (the upload queue's database)."""

    def load(self, key: str) -> dict | None: ...

    def save(self, key: str, state: dict | None) -> None: ...


class StorageError(RuntimeError):
    """Storage refused or is unreachable; the message says which and what to check.

    ``waited`` is set when the attempt ended in a timeout: it has already spent its wait, so the
    queue tries again at once instead of backing off on top (uploads resume within seconds of the
    network coming back, not a timeout plus a backoff later).
    """

    def __init__(self, message: str, *, waited: bool = False) -> None:
        super().__init__(message)
        self.waited = waited


class PutResult(enum.Enum):
    STORED = "stored"
    EXISTS = "exists"


#: The largest small document (a policy, a heartbeat) storage hands back: anything bigger is not ours.
MAX_DOCUMENT = 1024 * 1024


class StorageTarget(ABC):
    @abstractmethod
    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        """Store *path* under *key* exactly once; EXISTS when it already is (a retry). Raises StorageError.

        *signature* (a manifest's SSH signature) is stored with the object in the same write: in S3
        as the object's ``x-amz-meta-sshsig`` (one line, :func:`taltio.domain.sshsig.to_header`), in a
        folder as ``<key>.sig`` beside it. A manifest is then never in storage without its signature.
        """

    def stored(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        """Whether *key* is already in storage (with a put-only credential where needed)."""
        raise StorageError(f"{self.describe()} cannot tell whether {key} is stored")

    @abstractmethod
    def check(self) -> str:
        """Prove storage is reachable and writable; return a short description or raise StorageError."""

    @abstractmethod
    def describe(self) -> str: ...

    def put_status(self, key: str, data: bytes) -> None:
        """Store a small status document (the fleet heartbeat), replacing the previous one.

        Unlike put(), this overwrites on purpose: only the latest heartbeat matters, and it
        must not pile up write-once versions beside the recordings. Raises StorageError.
        """
        raise StorageError(f"{self.describe()} cannot store status documents")

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """Read a small document (a supervisor policy) unless it is unchanged since *etag*.

        Returns (data, etag) when it changed or *etag* is None; (None, etag) when it is unchanged
        (a conditional GET answered 304); (None, None) when there is no such document. Raises
        StorageError when storage refuses or cannot be reached."""
        raise StorageError(f"{self.describe()} cannot read documents")



# --------------------------------------------------------------------------- the upload queue, as a call sees it

@dataclass
class QueueStatus:
    pending: int
    oldest_age_s: float | None
    last_error: str | None
    uploading: bool
    pending_bytes: int = 0          # what the waiting calls hold on this disk (the queue's quota counts this)


class Outbox(Protocol):
    """Where a finished call goes (the durable upload queue), and the local audit log beside it."""

    def enqueue(self, call_id: str, call_dir: Path, key_prefix: str, files: list[dict]) -> None:
        """Queue the call's files for upload; OSError if the local disk refuses (full): nothing is queued."""
        ...

    def audit(self, call_id: str, event: str, detail: str = "") -> None: ...

    def audit_rows(self, event: str | None = None, since: float = 0.0) -> list[tuple]: ...

    def audit_head(self) -> dict: ...

    def publish_audit(self, key_prefix: str) -> dict:
        """Queue the audit entries not yet queued for upload under *key_prefix*; the head now queued."""
        ...

    def status(self) -> QueueStatus: ...


# --------------------------------------------------------------------------- secrets

class KeystoreError(RuntimeError):
    pass


class Keystore(ABC):
    @abstractmethod
    def get(self, name: str) -> str | None: ...

    @abstractmethod
    def set(self, name: str, value: str) -> None: ...

    @abstractmethod
    def describe(self) -> str: ...



# --------------------------------------------------------------------------- machine policy

class MachinePolicy(ABC):
    """Reads the machine policy. *values* are checked and flat; *source* names where they came from."""

    #: The one file the values came from, if they came from exactly one (its hash is the fleet's config digest).
    file: Path | None = None

    @abstractmethod
    def read(self) -> tuple[dict[str, Any], str]:
        ...



# --------------------------------------------------------------------------- the settings schema


class SettingSpec(Protocol):
    """One declared setting as the domain needs it (``taltio.settings.Setting`` is the one implementation):
    its type, the lowest layer that may set it, and the check of a value (ValueError when it cannot be used)."""

    key: str
    type: type
    scope: str

    def settable_by(self, layer: str) -> bool: ...

    def check(self, value: Any, origin: str) -> Any: ...


# --------------------------------------------------------------------------- softphones

EventSink = Callable[[CallEvent], None]


class Softphone(ABC):
    """A source of call events: a softphone's own API, or `taltio hook` commands.

    ``status`` is a short text for the tray and `taltio doctor`; ``on_status`` is called when it changes.
    """

    name = "?"
    status: str
    on_status: Callable[[str], None]

    @abstractmethod
    def start(self, sink: EventSink) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...


# --------------------------------------------------------------------------- the focused window (auto-pause)

@dataclass(frozen=True)
class FocusedWindow:
    title: str          # what its title bar says (personal data may be in it: never logged in full)
    process: str        # the program's name ("firefox", "chrome.exe"), "" when the system does not say


class FocusWatcher(ABC):
    """Tells which window has the keyboard, as it changes: the payment-window auto-pause (PCI DSS) reads it.

    ``start`` calls *on_change* from the watcher's own thread with the new window (``None``: none, or one the
    system will not describe); a watcher that cannot work in this session (Wayland gives no client another's
    window) says why in ``unavailable`` and never calls back."""

    unavailable: str = ""

    @abstractmethod
    def start(self, on_change: Callable[[FocusedWindow | None], None]) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


# --------------------------------------------------------------------------- global shortcuts (manual calls)

TAKEN = "taken"
NO_KEY = "no-key"


class GlobalShortcuts(ABC):
    """Keys that work from any program: Start call / End call for an agent whose softphone tells us nothing.

    ``bind`` replaces every earlier binding with *bindings* (action -> `domain.shortcuts.Shortcut`) and
    returns the ones the system refused, action -> why: TAKEN (another program holds the combination) or
    NO_KEY (this keyboard has no such key). *on_press* is called with the action from the adapter's own thread. Only the bound
    combinations are seen, never any other key (card numbers are typed on this keyboard). An adapter that
    cannot work in this session says why in ``unavailable`` and binds nothing."""

    unavailable: str = ""

    @abstractmethod
    def bind(self, bindings: dict, on_press: Callable[[str], None]) -> dict[str, str]: ...

    @abstractmethod
    def close(self) -> None: ...
