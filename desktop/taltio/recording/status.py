"""The controller's health, as the heartbeat reports it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from taltio.domain.session import ControllerHealth, DeviceInUse

if TYPE_CHECKING:
    from taltio.recording.controller import Controller


def health_of(ctl: "Controller") -> ControllerHealth:
    """Read with the controller's lock held: devices configured and in use, the backlog thresholds,
    the policies in force and refused, the signing key and how many calls are active."""
    in_use = []
    for rec in ctl.recorders.values():
        cap = getattr(rec, "capture", None)
        if cap is None:
            continue
        for i, side in enumerate(("agent", "customer")):
            dev = cap.devices[i]
            in_use.append(DeviceInUse(side, dev.name, dev.id, cap.on_fallback(i)))
    r = ctl.rules
    return ControllerHealth(
        mic=ctl.mic, loopback=ctl.loopback, mic_fallback=ctl.fallbacks[0], loopback_fallback=ctl.fallbacks[1],
        devices_in_use=tuple(in_use), backlog_warn_count=r.backlog_warn_count, backlog_warn_s=r.backlog_warn_s,
        policy_versions=dict(ctl.policy_versions), policy_rejections=tuple(dict(p) for p in ctl.policy_rejections),
        public_key=ctl.key.public_key() if ctl.key is not None else None,
        calls_active=sum(1 for s in ctl.sessions.values() if s.active))
