"""Where Taltio keeps its files. Overridable by environment so tests and IT can relocate them."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

APP = "Taltio"


def data_dir() -> Path:
    p = Path(os.environ.get("TALTIO_DATA_DIR") or platformdirs.user_data_dir(APP, APP))
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    return p


def runtime_dir() -> Path:
    """A 0700 directory for the single-instance socket: only this user may connect."""
    base = os.environ.get("TALTIO_RUNTIME_DIR")
    if not base:
        try:
            base = platformdirs.user_runtime_dir(APP, APP)
        except Exception:  # noqa: BLE001 - some platforms have no runtime dir
            base = str(data_dir() / "run")
    p = Path(base)
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        st = p.stat()
        if st.st_uid != os.getuid():
            raise PermissionError(f"{p} belongs to another user; refusing to put the control socket there")
        if stat.S_IMODE(st.st_mode) != 0o700:
            p.chmod(0o700)
    return p


def socket_path() -> Path:
    return runtime_dir() / "taltio.sock"
