"""The real TaltioApp in this process (offscreen Qt, pytest-qt), set up in one place.

Its data and runtime folders live under the test's directory, its machine config is a TOML
file there, and it is shut down (and the environment put back) when the ``with`` block ends::

    with in_process_app(tmp_path, local_config(tmp_path, "[privacy]\\nreason_required = true\\n"),
                        keyring=keyring_daemon) as app:
        app.core.controller.handle(...)

For the app run as a subprocess (the `taltio` command), see app_proc.py.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.app_proc import org_keypair, toml_config

AGENT = "agent-7"


def local_config(directory: Path, extra: str = "", *, store: Path | None = None, storage: str = "") -> str:
    """A machine config (TOML text) for agent-7 recording to a folder store (*directory*/store by default),
    encrypted to the organisation key in *directory* (made once, reused). *storage* adds lines to the
    [storage] table; *extra* TOML (other tables) is appended."""
    _key, recipient = org_keypair(directory)
    store = directory / "store" if store is None else store
    return (f'[agent]\nid = "{AGENT}"\n[storage]\nurl = "file://{store}"\n{storage}'
            f'[encryption]\nrecipients = ["{recipient}"]\n{extra}')


@contextmanager
def in_process_app(directory: Path, config: Mapping[str, object] | str | Path | None = None, *,
                   settings=None, user: Path | Callable[[], Path] | None = None, keyring=None, audio=None,
                   start: bool = True, acknowledge_staff_notice: bool = False, defer_core: bool = False,
                   config_name: str = "taltio.toml", **env: str | None) -> Iterator:
    """Yield a TaltioApp whose TALTIO_DATA_DIR is *directory*/data and TALTIO_RUNTIME_DIR *directory*/run.

    *config* is the machine config: TOML text, or dotted keys (``{"agent.id": "agent-7"}``), written to
    *directory*/*config_name*; or the Path of a file already written (live_app_config); or pass already
    loaded *settings* instead. *user* is the agent's own settings
    file (default *directory*/nouser.toml; a callable is called once the environment is set, e.g.
    ``settings.user_config_path``). *keyring* (a KeyringDaemon) and *audio* (an AudioServer) are applied to
    this process first; the audio server is restored afterwards. *env* sets (None: removes) more variables
    for the app's lifetime (``TALTIO_S3_SECRET=...``, ``XDG_CONFIG_HOME=...``).

    With *start* the app is started (and with *acknowledge_staff_notice* the first-run staff notice is
    acknowledged, as an agent would); without it the test calls ``app.start()`` when it is ready. With
    *defer_core* the app is built as `taltio` builds it: the core only in ``app.finish_start()``. The app is
    shut down when the block ends, started or not.
    """
    from taltio import settings as settings_mod
    from taltio.ui.app import TaltioApp

    mp = pytest.MonkeyPatch()
    app = None
    try:
        mp.setenv("TALTIO_DATA_DIR", str(directory / "data"))
        mp.setenv("TALTIO_RUNTIME_DIR", str(directory / "run"))
        for name, value in env.items():
            if value is None:
                mp.delenv(name, raising=False)
            else:
                mp.setenv(name, value)
        if audio is not None:
            audio.apply_to_process()
        if keyring is not None:
            keyring.apply_to_process()
        if settings is None:
            if isinstance(config, Path):
                cfg = config
            else:
                cfg = directory / config_name
                if isinstance(config, str):
                    cfg.write_text(config)
                else:
                    toml_config(cfg, config or {})
            user_path = directory / "nouser.toml" if user is None else user() if callable(user) else user
            settings = settings_mod.load(cfg, user_path)
        app = TaltioApp(settings, defer_core=defer_core)
        if start:
            app.start()
            if acknowledge_staff_notice and app.staff_dialog is not None:
                app.staff_dialog.button.click()
        yield app
    finally:
        try:
            if app is not None:
                app.shutdown()
        finally:
            if audio is not None:
                audio.restore_process()
            mp.undo()
