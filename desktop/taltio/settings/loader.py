"""Reading the settings layers (defaults < supervisor policy < the agent's own < machine policy) and
saving the agent's own choices."""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import socket
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, overload

import platformdirs

from taltio.domain.files import write_durably
from taltio.domain.ports import MachinePolicy
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, os_error, shorten
from taltio.settings import sections as _sections
from taltio.settings.keys import BoolKey, FloatKey, IntKey, ListKey, StrKey
from taltio.settings.migrations import FORMAT_VERSION, migrate
from taltio.settings.schema import APP, BY_KEY, SCHEMA, ConfigError
from taltio.settings.sections import UnknownSetting

log = logging.getLogger("taltio.settings")


CONFIG_ENV = "TALTIO_CONFIG"


def config_override() -> Path | None:
    """The machine config file named by TALTIO_CONFIG (tests, development, service accounts), or None
    when it is unset or empty. The one place that reads the variable: it names a file that must exist,
    and replaces the platform's own machine policy (registry, managed preferences, /etc/taltio/*.toml)."""
    env = os.environ.get(CONFIG_ENV)
    return Path(env) if env else None


def unknown_setting(source: object, key: str) -> Text:
    return Text(QT_TRANSLATE_NOOP("core", "{source}: unknown setting '{key}' (see docs/configuration.md)"),
                source=str(source), key=shorten(key))


def missing_config(path: Path) -> ConfigError:
    """The error for a TALTIO_CONFIG that names no file (never a silent fall back to no machine policy)."""
    return ConfigError(Text(QT_TRANSLATE_NOOP("core", "{variable} points to {path}, which does not exist"),
                            variable=CONFIG_ENV, path=str(path)))


def machine_config_path() -> Path:
    env = config_override()
    if env is not None:
        return env
    if sys.platform.startswith("linux"):
        return Path("/etc/taltio/taltio.toml")
    return Path(platformdirs.site_config_dir(APP, APP, multipath=False)) / "taltio.toml"


def user_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, APP)) / "settings.toml"


def _flatten(doc: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in doc.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    """A settings file, flat and migrated; anything wrong with it is a ConfigError naming the file.

    tomllib raises more than TOMLDecodeError on hostile files: UnicodeDecodeError (not UTF-8), ValueError
    (an integer past Python's digit limit) and RecursionError (arrays or tables nested a few thousand deep,
    also through _flatten); none of them may reach the user as a traceback."""
    try:
        with path.open("rb") as fh:
            flat = _flatten(tomllib.load(fh))
    except UnicodeDecodeError as exc:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: not UTF-8 text (byte {byte}); save it as UTF-8"),
                               path=str(path), byte=exc.start)) from None
    except ValueError as exc:                 # TOMLDecodeError, or a number too long to convert
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: not valid TOML ({error}); fix the file or remove "
                                                         "it"), path=str(path), error=str(exc))) from None
    except RecursionError:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: not valid TOML (nested too deeply); fix the file "
                                                         "or remove it"), path=str(path))) from None
    except OSError as exc:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: cannot read ({error})"), path=str(path),
                               error=os_error(exc))) from None
    return migrate(flat, str(path))


@dataclass
class Settings:
    values: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)
    machine_file: Path | None = None
    user_file: Path | None = None      # where the agent's own choices are saved (save_user)
    machine_source: str = ""           # where machine policy came from (file(s), registry key, profile domain)
    machine_digest: str | None = None  # SHA-256 of the machine policy values: which config a workstation has

    def __getitem__(self, key: str) -> Any:
        """The value of a setting by its key (any key, also one only known at run time); a key that is
        not in the schema raises UnknownSetting (a KeyError), even if *values* happens to hold it."""
        if key not in BY_KEY:
            raise UnknownSetting(key)
        return self.values[key]

    # Typed per key for type checkers (settings/keys.py): `get("fleet.heartbeat_minutes")` is a float,
    # and a key not in the schema is a type error before it is an UnknownSetting at run time.
    @overload
    def get(self, key: BoolKey) -> bool: ...
    @overload
    def get(self, key: IntKey) -> int: ...
    @overload
    def get(self, key: FloatKey) -> float: ...
    @overload
    def get(self, key: StrKey) -> str: ...
    @overload
    def get(self, key: ListKey) -> list[str]: ...

    def get(self, key: str) -> Any:
        """One setting's value, typed by its key; no default: every setting has one in the schema."""
        return self[key]

    def section(self, name: str) -> Any:
        """A frozen, typed snapshot of one section: `section("fleet").heartbeat_minutes` (a float).
        Nested keys become '__'-joined fields (`a.b.c` -> `b__c`). UnknownSection for a name that is
        no section. A snapshot: later changes to these settings are not seen through it."""
        return _sections.make_section(name, self.values, BY_KEY)

    @property
    def standalone(self) -> bool:
        return not self.values["storage.url"] and not self.values["encryption.recipients"]

    @property
    def agent_id(self) -> str:
        return self.values["agent.id"] or _safe_login()

    @property
    def workstation_id(self) -> str:
        return self.values["workstation.id"] or socket.gethostname()


def _safe_login() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        name = "agent"
    return "".join(c for c in name if c.isalnum() or c in "._-") or "agent"


def load(machine: Path | None = None, user: Path | None = None, *, policy: Mapping[str, Any] | None = None,
         policy_origin: str = "supervisor policy", machine_reader: MachinePolicy | None = None) -> Settings:
    """Defaults < supervisor policy < user choices (where allowed) < machine policy.

    The machine file is written by IT and locks what it sets: user values for those
    are ignored, because QSettings-style "user overrides everything" would let an
    agent switch recording off. *policy* is a verified supervisor policy's settings
    (core.policy checks signature, version and scope before it gets here); a key it
    may not set is ignored here as a second line of defence.

    Machine policy comes from the *machine* TOML file if given, else from *machine_reader*
    (adapters.machine_policy; default: the platform's own, e.g. the registry on Windows).
    """
    values = {s.key: s.default for s in SCHEMA}
    origins = {s.key: "default" for s in SCHEMA}
    user = user or user_config_path()
    if machine is None:
        if machine_reader is None:
            raise TypeError("settings.load needs the machine layer: a file, or a reader "
                            "(taltio.app.config.load_settings picks this computer's)")
        machine_vals, machine_src = machine_reader.read()
        machine_file = machine_reader.file
    else:
        machine_vals = _read_toml(machine) if machine.exists() else {}
        if config_override() is not None and not machine.exists():
            raise missing_config(machine)
        machine_src, machine_file = str(machine), machine if machine.exists() else None
    user_vals = _read_toml(user) if user.exists() else {}
    layers = (("supervisor", policy or {}, policy_origin), ("user", user_vals, str(user)),
              ("machine", machine_vals, machine_src))
    for layer, vals, src in layers:
        for key, raw in vals.items():
            setting = BY_KEY.get(key)
            if setting is None:
                raise ConfigError(unknown_setting(src, key))
            if not setting.settable_by(layer):
                log.warning("%s: '%s' can only be set by %s; ignored", src, shorten(key),
                            "machine policy" if setting.scope == "machine" else "the organisation")
                continue
            values[key] = setting.check(raw, src)
            origins[key] = f"{layer} ({src})" if layer != "supervisor" else src
    digest = hashlib.sha256(json.dumps(machine_vals, sort_keys=True, default=str).encode()).hexdigest() \
        if machine_vals else None
    return Settings(values, origins, machine_file, user, machine_src if machine_vals else "", digest)


def save_user(updates: dict[str, Any], path: Path | None = None) -> Path:
    """Store the agent's own choices (only settings the schema lets them make) in their settings file."""
    import tomli_w

    path = path or user_config_path()
    current = _read_toml(path) if path.exists() else {}
    for key, value in updates.items():
        setting = BY_KEY.get(key)
        if setting is None or not setting.user:
            raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "'{key}' can only be set by the organisation"),
                                   key=shorten(key)))
        current[key] = setting.check(value, Text(QT_TRANSLATE_NOOP("core", "your settings")))
    doc: dict[str, dict[str, Any]] = {"taltio": {"format": FORMAT_VERSION}}
    for key, value in current.items():
        section, _, name = key.rpartition(".")
        doc.setdefault(section, {})[name] = value
    # The agent's own: their devices, language and notice choices are nobody else's to read (0700 / 0600).
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.parent.stat().st_uid == os.getuid():
        path.parent.chmod(0o700)
    write_durably(path, tomli_w.dumps(doc).encode(), mode=0o600)
    return path


def locked(settings: "Settings", key: str) -> bool:
    """Set by machine policy: the UI shows it disabled, 'set by your organisation'."""
    return settings.origins.get(key, "").startswith("machine")
