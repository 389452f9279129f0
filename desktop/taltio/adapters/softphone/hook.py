"""`taltio hook`: the softphone runs a command (MicroSIP, Zoiper, anything that can); the events arrive
over the control socket, so this adapter itself is passive."""
from __future__ import annotations

from taltio.domain.ports import EventSink
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text
from taltio.adapters.softphone.base import SoftphoneAdapter


class HookAdapter(SoftphoneAdapter):
    name = "hook"

    def start(self, sink: EventSink) -> None:
        self._set_status(Text(QT_TRANSLATE_NOOP("core", "waiting for `taltio hook` commands")))

    def stop(self) -> None:
        pass
