"""Where Taltio keeps its files. Overridable by environment so tests and IT can relocate them."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

APP = "Taltio"


def _private_dir(p: Path, what: str, env: str) -> Path:
    """Create *p* 0700, or tighten an existing one we own to 0700; refuse one that belongs to another user.

    An existing dir is not trusted as it is: a data dir made by an older version, a backup restore or a
    hand-made ``TALTIO_DATA_DIR`` may be 0755, and it holds the queue, the logs and sealed call folders."""
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        st = p.stat()
        if st.st_uid != os.getuid():
            raise PermissionError(f"{p} belongs to another user (uid {st.st_uid}); refusing to keep {what} there. "
                                  f"Point {env} at a directory of your own, or have its owner remove it")
        if stat.S_IMODE(st.st_mode) != 0o700:
            p.chmod(0o700)
    return p


def data_dir() -> Path:
    """The queue, logs, keys and call folders: a 0700 directory of this user."""
    return _private_dir(Path(os.environ.get("TALTIO_DATA_DIR") or platformdirs.user_data_dir(APP, APP)), "the data",
                        "TALTIO_DATA_DIR")


def runtime_dir() -> Path:
    """A 0700 directory for the single-instance socket and lock: only this user may connect."""
    base = os.environ.get("TALTIO_RUNTIME_DIR")
    if not base:
        try:
            base = platformdirs.user_runtime_dir(APP, APP)
        except Exception:  # noqa: BLE001 - some platforms have no runtime dir
            base = str(data_dir() / "run")
    return _private_dir(Path(base), "the control socket", "TALTIO_RUNTIME_DIR")


def socket_path() -> Path:
    return runtime_dir() / "taltio.sock"


def lock_path() -> Path:
    """The single-instance lock (app/instance.py), next to the socket it guards."""
    return runtime_dir() / "taltio.lock"
