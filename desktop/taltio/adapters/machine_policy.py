"""Machine policy: what IT sets for this computer, read from where each OS keeps it.

One interface (`MachinePolicy.read() -> (values, source)`), one reader per platform:

- `LinuxFiles`: the `TALTIO_CONFIG` file if that is set (on any platform: tests, development, service
  accounts), else every `/etc/taltio/*.toml` in name order, a later file winning per key
  (`10-site.toml`, `50-storage.toml`, ...).
- `WindowsRegistry`: `HKLM\\Software\\Policies\\Taltio`, one subkey per section, value name = setting
  name (what Group Policy writes from resources/policy-templates/taltio.admx). REG_SZ, REG_DWORD and
  REG_MULTI_SZ are read according to the schema type.
- `MacManagedPrefs`: the *forced* values of the preference domain `fi.taltio.Taltio`, i.e. what a
  configuration profile (MDM; sample in resources/policy-templates/taltio.mobileconfig) sets. Values the
  user wrote with `defaults write` are not forced and are ignored.

Values come back flat (`"storage.url": ...`), each checked against the schema with `Setting.check`, so
a wrong value is a `ConfigError` that names the source and the setting. `settings.load()` layers them
on top of everything else and `settings.locked()` reports them as locked.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

from taltio.settings import BY_KEY, ConfigError, Setting, config_override, missing_config
from taltio.settings.loader import _read_toml
from taltio.domain.ports import MachinePolicy
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, os_error
from taltio.settings.loader import unknown_setting

ETC_DIR = Path("/etc/taltio")
REGISTRY_PATH = r"Software\Policies\Taltio"
MAC_DOMAIN = "fi.taltio.Taltio"


def _check(key: str, value: Any, source: str) -> Any:
    setting = BY_KEY.get(key)
    if setting is None:
        raise ConfigError(unknown_setting(source, key))
    return setting.check(value, source)


def _from_text(setting: Setting, text: str, source: str) -> Any:
    """A value that arrived as text (REG_SZ, a plist <string>) for a bool/int/float setting."""
    t, raw = setting.type, text.strip()
    try:
        if t is bool:
            low = raw.lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise ValueError
        if t is int:
            return int(raw)
        if t is float:
            return float(raw)
    except ValueError:
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{key} (from {source}) must be {type}, got the text "
                                                         "{value}"), key=setting.key, source=source, type=t.__name__,
                               value=repr(text))) from None
    return text


# -- Linux (and TALTIO_CONFIG everywhere) -----------------------------------------------------------

class LinuxFiles(MachinePolicy):
    """`TALTIO_CONFIG` if set, else `<root>/*.toml` in name order (later files win)."""

    def __init__(self, root: Path = ETC_DIR, config: str | os.PathLike | None = None) -> None:
        self.root = Path(root)
        self.config = config_override() if config is None else (Path(config) if config else None)
        self.files: list[Path] = []

    def paths(self) -> list[Path]:
        if self.config is not None:
            if not self.config.exists():
                raise missing_config(self.config)
            return [self.config]
        try:
            return sorted((p for p in self.root.glob("*.toml") if p.is_file()), key=lambda p: p.name)
        except OSError as exc:
            raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: cannot list ({error})"), path=str(self.root),
                                   error=os_error(exc))) from None

    def read(self) -> tuple[dict[str, Any], str]:
        self.files = self.paths()
        self.file = self.files[0] if len(self.files) == 1 else None
        values: dict[str, Any] = {}
        for path in self.files:
            for key, raw in _read_toml(path).items():
                values[key] = _check(key, raw, str(path))
        if not self.files:
            return values, str(self.root / "*.toml")
        return values, " + ".join(map(str, self.files))


# -- Windows ----------------------------------------------------------------------------------------

class WindowsRegistry(MachinePolicy):
    """HKLM\\Software\\Policies\\Taltio\\<section>, value <name>. *winreg* is injectable (tests use a fake)."""

    def __init__(self, winreg: Any = None, path: str = REGISTRY_PATH) -> None:
        if winreg is None:
            import winreg  # noqa: PLC0415 - Windows only
        self.winreg = winreg
        self.path = path
        self.source = f"HKLM\\{path}"

    def _subkeys(self, key: Any) -> list[str]:
        names, i = [], 0
        while True:
            try:
                names.append(self.winreg.EnumKey(key, i))
            except OSError:
                return names
            i += 1

    def _values(self, key: Any) -> list[tuple[str, Any, int]]:
        out, i = [], 0
        while True:
            try:
                name, data, kind = self.winreg.EnumValue(key, i)
            except OSError:
                return out
            out.append((name, data, kind))
            i += 1

    def _open(self, path: str) -> Any:
        w = self.winreg
        # The 64-bit view, whatever the bitness of this Python: Group Policy writes there.
        return w.OpenKey(w.HKEY_LOCAL_MACHINE, path, 0, w.KEY_READ | getattr(w, "KEY_WOW64_64KEY", 0))

    def read(self) -> tuple[dict[str, Any], str]:
        try:
            root = self._open(self.path)
        except FileNotFoundError:
            return {}, self.source
        except OSError as exc:
            raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{path}: cannot read ({error})"), path=self.source,
                                   error=os_error(exc))) from None
        values: dict[str, Any] = {}
        try:
            for name, _data, _kind in self._values(root):
                if name:          # the key's (default) value is harmless; a named one is misplaced
                    raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{source}: value '{name}' must be in the subkey "
                                                                     "of its section, e.g. {example}"),
                                           source=self.source, name=name, example=f"{self.source}\\storage\\url"))
            for section in self._subkeys(root):
                sub = self._open(f"{self.path}\\{section}")
                try:
                    for name, data, kind in self._values(sub):
                        if not name:
                            continue
                        key = f"{section}.{name}"
                        source = f"{self.source}\\{section}"
                        if key not in BY_KEY:
                            raise ConfigError(unknown_setting(source, key))
                        values[key] = _check(key, self._convert(BY_KEY[key], data, kind, source), source)
                finally:
                    self.winreg.CloseKey(sub)
        finally:
            self.winreg.CloseKey(root)
        return values, self.source

    def _convert(self, setting: Setting, data: Any, kind: int, source: str) -> Any:
        w, t = self.winreg, setting.type
        names = {w.REG_SZ: "REG_SZ", w.REG_EXPAND_SZ: "REG_EXPAND_SZ", w.REG_DWORD: "REG_DWORD",
                 w.REG_MULTI_SZ: "REG_MULTI_SZ", getattr(w, "REG_QWORD", 11): "REG_QWORD"}
        if kind == w.REG_EXPAND_SZ and isinstance(data, str) and hasattr(w, "ExpandEnvironmentStrings"):
            data, kind = w.ExpandEnvironmentStrings(data), w.REG_SZ
        number = kind in (w.REG_DWORD, getattr(w, "REG_QWORD", 11))
        ok = {
            bool: number or kind == w.REG_SZ,
            int: number or kind == w.REG_SZ,
            float: number or kind == w.REG_SZ,
            str: kind == w.REG_SZ,
            list: kind in (w.REG_MULTI_SZ, w.REG_SZ),
        }[t]
        if not ok:
            want = {bool: "REG_DWORD (0 or 1)", int: "REG_DWORD", float: "REG_SZ (a number, e.g. '2.5')",
                    str: "REG_SZ", list: "REG_MULTI_SZ"}[t]
            raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{key} (from {source}) must be {want}, got {got}"),
                                   key=setting.key, source=source, want=want,
                                   got=names.get(kind, f"registry type {kind}")))
        if t is bool and number:
            if data not in (0, 1):
                raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "{key} (from {source}) must be 0 or 1, got {got}"),
                                       key=setting.key, source=source, got=str(data)))
            return bool(data)
        if t is float and number:
            return float(data)
        if t is list and kind == w.REG_MULTI_SZ:
            return [s for s in (data or []) if s != ""]
        if t in (bool, int, float) and isinstance(data, str):
            return _from_text(setting, data, source)
        return data


# -- macOS ------------------------------------------------------------------------------------------

class MacManagedPrefs(MachinePolicy):
    """Forced (managed) values of *domain*. *cf* offers CFPreferencesAppValueIsForced(key, domain) and
    CFPreferencesCopyAppValue(key, domain) as pyobjc's CoreFoundation does; tests pass a fake."""

    def __init__(self, cf: Any = None, domain: str = MAC_DOMAIN) -> None:
        self.cf = cf if cf is not None else _core_foundation()
        self.domain = domain
        self.source = f"managed preferences ({domain})"

    def read(self) -> tuple[dict[str, Any], str]:
        values: dict[str, Any] = {}
        for setting in BY_KEY.values():
            if not self.cf.CFPreferencesAppValueIsForced(setting.key, self.domain):
                continue
            raw = self.cf.CFPreferencesCopyAppValue(setting.key, self.domain)
            if raw is None:
                continue
            values[setting.key] = _check(setting.key, self._convert(setting, raw), self.source)
        return values, self.source

    def _convert(self, setting: Setting, raw: Any) -> Any:
        """pyobjc's NSString/NSNumber/NSArray to plain Python; text for a number or flag is parsed."""
        if isinstance(raw, bool):
            return bool(raw)
        if isinstance(raw, str):
            text = str(raw)
            return _from_text(setting, text, self.source) if setting.type in (bool, int, float) else text
        if isinstance(raw, int):
            return int(raw)
        if isinstance(raw, float):
            return int(raw) if setting.type is int and raw.is_integer() else float(raw)
        if isinstance(raw, (list, tuple)) or (hasattr(raw, "__iter__") and not hasattr(raw, "keys")):
            return [str(x) if isinstance(x, str) else x for x in raw]
        return raw        # a dict or data: Setting.check names the type


def _core_foundation() -> Any:
    """pyobjc's CoreFoundation if installed, else a ctypes binding of the two calls (macOS only)."""
    if sys.platform != "darwin":
        raise ConfigError(Text(QT_TRANSLATE_NOOP("core", "managed preferences exist only on macOS")))
    try:
        import CoreFoundation  # type: ignore[import-not-found]  # noqa: PLC0415 - pyobjc, optional

        return CoreFoundation
    except ImportError:
        return _CtypesCF()


class _CtypesCF:
    """CFPreferencesAppValueIsForced / CFPreferencesCopyAppValue through ctypes, converting the CF value
    (string, number, boolean, array of those) to Python."""

    def __init__(self) -> None:
        import ctypes  # noqa: PLC0415
        import ctypes.util  # noqa: PLC0415

        cf = ctypes.CDLL(ctypes.util.find_library("CoreFoundation"))
        vp, c = ctypes.c_void_p, ctypes
        for name, res, args in (
            ("CFStringCreateWithCString", vp, [vp, c.c_char_p, c.c_uint32]),
            ("CFPreferencesAppValueIsForced", c.c_bool, [vp, vp]),
            ("CFPreferencesCopyAppValue", vp, [vp, vp]),
            ("CFGetTypeID", c.c_ulong, [vp]), ("CFStringGetTypeID", c.c_ulong, []),
            ("CFNumberGetTypeID", c.c_ulong, []), ("CFBooleanGetTypeID", c.c_ulong, []),
            ("CFArrayGetTypeID", c.c_ulong, []), ("CFStringGetLength", c.c_long, [vp]),
            ("CFStringGetMaximumSizeForEncoding", c.c_long, [c.c_long, c.c_uint32]),
            ("CFStringGetCString", c.c_bool, [vp, c.c_char_p, c.c_long, c.c_uint32]),
            ("CFNumberIsFloatType", c.c_bool, [vp]), ("CFNumberGetValue", c.c_bool, [vp, c.c_int, vp]),
            ("CFBooleanGetValue", c.c_bool, [vp]), ("CFArrayGetCount", c.c_long, [vp]),
            ("CFArrayGetValueAtIndex", vp, [vp, c.c_long]), ("CFRelease", None, [vp]),
        ):
            fn = getattr(cf, name)
            fn.restype, fn.argtypes = res, args
        self._cf, self._c = cf, ctypes

    UTF8 = 0x08000100

    def _str(self, text: str) -> Any:
        return self._cf.CFStringCreateWithCString(None, text.encode(), self.UTF8)

    def _py(self, ref: Any) -> Any:
        cf, c = self._cf, self._c
        tid = cf.CFGetTypeID(ref)
        if tid == cf.CFStringGetTypeID():
            size = cf.CFStringGetMaximumSizeForEncoding(cf.CFStringGetLength(ref), self.UTF8) + 1
            buf = c.create_string_buffer(size)
            cf.CFStringGetCString(ref, buf, size, self.UTF8)
            return buf.value.decode()
        if tid == cf.CFBooleanGetTypeID():
            return bool(cf.CFBooleanGetValue(ref))
        if tid == cf.CFNumberGetTypeID():
            if cf.CFNumberIsFloatType(ref):
                out = c.c_double()
                cf.CFNumberGetValue(ref, 13, c.byref(out))      # kCFNumberDoubleType
            else:
                out = c.c_longlong()
                cf.CFNumberGetValue(ref, 11, c.byref(out))      # kCFNumberLongLongType
            return out.value
        if tid == cf.CFArrayGetTypeID():
            return [self._py(cf.CFArrayGetValueAtIndex(ref, i)) for i in range(cf.CFArrayGetCount(ref))]
        return {}          # a dictionary or data: not a setting's type; Setting.check says so

    def _with(self, key: str, domain: str, fn: Callable[[Any, Any], Any]) -> Any:
        k, d = self._str(key), self._str(domain)
        try:
            return fn(k, d)
        finally:
            self._cf.CFRelease(k)
            self._cf.CFRelease(d)

    def CFPreferencesAppValueIsForced(self, key: str, domain: str) -> bool:  # noqa: N802 - CF's name
        return self._with(key, domain, lambda k, d: bool(self._cf.CFPreferencesAppValueIsForced(k, d)))

    def CFPreferencesCopyAppValue(self, key: str, domain: str) -> Any:  # noqa: N802 - CF's name
        def copy(k: Any, d: Any) -> Any:
            ref = self._cf.CFPreferencesCopyAppValue(k, d)
            if not ref:
                return None
            try:
                return self._py(ref)
            finally:
                self._cf.CFRelease(ref)
        return self._with(key, domain, copy)


# -- per platform -----------------------------------------------------------------------------------

def default_reader(platform: str | None = None) -> MachinePolicy:
    """TALTIO_CONFIG (any platform) > the OS's own place for policy."""
    platform = platform or sys.platform
    if config_override() is not None:
        return LinuxFiles()
    if platform == "win32":
        return WindowsRegistry()
    if platform == "darwin":
        return MacManagedPrefs()
    return LinuxFiles()
