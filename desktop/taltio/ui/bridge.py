"""Core callbacks (any thread) → Qt signals delivered on the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from taltio.domain.ports import QueueStatus


class Bridge(QObject):
    session_changed = Signal(object)     # object, not dict: a dict would be converted and lose core.texts.Text
    error = Signal(object)               # object: a core.texts.Text must reach the UI whole, to be translated
    queue_changed = Signal(object)
    softphone_status = Signal(str)
    policy_changed = Signal(object)      # a core.policy_sync.SyncResult, applied on the GUI thread

    def on_core(self, kind: str, payload: dict) -> None:
        # Emitting from a worker thread queues the call to receivers in the GUI thread.
        if kind == "session":
            self.session_changed.emit(payload)
        elif kind == "error":
            self.error.emit(payload["message"])
        elif kind == "next_private":
            self.queue_changed.emit(None)      # any refresh of the status will do

    def on_queue(self, status: QueueStatus) -> None:
        self.queue_changed.emit(status)
