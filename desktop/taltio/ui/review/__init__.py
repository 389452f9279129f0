"""`taltio-review` (and `taltio-admin review`): the supervisor's window to find, verify, play and export calls.

A separate program from the tray app and from taltio-admin: taltio-admin is a command-line tool
that must not load Qt (the layers contract), so `taltio-admin review` starts this one as a
subprocess (``python -m taltio.ui.review`` with the same arguments).
"""
from __future__ import annotations

import argparse
import logging
import sys

log = logging.getLogger("taltio.ui.review")


def parser() -> argparse.ArgumentParser:
    """The same options as `taltio-admin review` (defined once, in admin/play.py)."""
    from taltio.admin.play import add_review_args

    p = argparse.ArgumentParser(prog="taltio-review", description=__doc__)
    add_review_args(p)
    return p


def context(ns: argparse.Namespace):
    """The store, trust registry and keys the window works with, from the command line."""
    from taltio.admin import catalog, decrypt
    from taltio.admin.store import open_store
    from taltio.admin.trust import Registry
    from taltio.ui.review.workers import Context

    index_key = catalog.index_key(argparse.Namespace(index_key_file=ns.index_key_file))
    return Context(open_store(ns.store, ns.endpoint), Registry.load(ns.trust_file),
                   decrypt.identities(ns.identity) if ns.identity else None, index_key,
                   None if ns.no_cache else catalog.default_cache_path(), ns.device)


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from taltio.admin.store import StoreError
    from taltio.admin.trust import AdminError
    from taltio.domain.party import PartyError
    from taltio.ui import i18n

    ns = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        ctx = context(ns)
    except (AdminError, StoreError, PartyError) as exc:
        print(f"taltio-review: {exc}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("taltio-review")
    i18n.install(ns.lang or i18n.system_language())
    from taltio.ui.review.window import ReviewWindow

    win = ReviewWindow(ctx)
    win.show()
    return app.exec()


__all__ = ["context", "main", "parser"]
