"""Where the settings come from on this computer: the one place that picks the machine-policy reader.

``settings.load`` takes the machine layer as an argument, so the settings package never imports an
adapter; everything that runs Taltio (the tray, the headless runner, doctor, the admin tools) loads
through here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from taltio.adapters.machine_policy import default_reader
from taltio.settings import Settings, load


def load_settings(user: Path | None = None, *, policy: Mapping[str, Any] | None = None,
                  policy_origin: str = "supervisor policy") -> Settings:
    """Defaults < supervisor policy < the agent's own < this computer's machine policy (TALTIO_CONFIG,
    /etc/taltio, the registry or a configuration profile)."""
    return load(user=user, policy=policy, policy_origin=policy_origin, machine_reader=default_reader())


def reload_settings(settings: Settings, *, policy: Mapping[str, Any] | None = None,
                    policy_origin: str = "supervisor policy") -> Settings:
    """The same machine and user layers as *settings* (its machine file, else this computer's reader), with
    another supervisor layer under them: how a new supervisor policy is applied."""
    if settings.machine_file is not None:
        return load(settings.machine_file, settings.user_file, policy=policy, policy_origin=policy_origin)
    return load_settings(settings.user_file, policy=policy, policy_origin=policy_origin)
