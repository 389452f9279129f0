"""What every notification backend shares: the outcome of one note and the backend interface."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol


@dataclass(frozen=True)
class Outcome:
    """What a backend made of one notification.

    ``ref`` is the platform's handle when it worked (the D-Bus server's id, or
    desktop-notifier's identifier); ``why`` says what went wrong when it did not.
    """

    ok: bool
    ref: int | str = 0
    why: str = ""


Done = Callable[[Outcome], None]


class Backend(Protocol):
    """How the Notifier talks to a notification service.

    ``submit`` returns at once.  It returns "" when the notification was handed to
    a worker, which then calls ``done`` exactly once, from the worker's thread (so
    ``done`` must only emit a queued signal).  Otherwise it returns why the service
    cannot be used right now, and ``done`` is never called.  Neither method raises.
    """

    name: str

    def submit(self, title: str, body: str, urgent: bool, done: Done) -> str: ...

    def close(self) -> None: ...
