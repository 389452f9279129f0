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
    from taltio.admin.trust import add_trust_file_arg

    p = argparse.ArgumentParser(prog="taltio-review", description=__doc__)
    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL); credentials from the AWS chain")
    p.add_argument("--identity", help="the organisation's age identity file (needed to play, export and find "
                                      "numbers in sealed parties), or 'keyring'")
    p.add_argument("--index-key-file", help="file with the number-index key; default env TALTIO_NUMBER_INDEX_KEY")
    p.add_argument("--no-cache", action="store_true", help="read every manifest again (the cache is only speed)")
    p.add_argument("--device", help="audio output device (default: the system's)")
    p.add_argument("--lang", choices=("fi", "sv", "en"), help="language of the window (default: the system's)")
    add_trust_file_arg(p)
    return p


def context(ns: argparse.Namespace):  # noqa: ANN201 - workers.Context, imported late (it loads Qt)
    """The store, trust registry and keys the window works with, from the command line."""
    from taltio.admin import catalog, decrypt
    from taltio.admin.store import open_store
    from taltio.admin.trust import Registry
    from taltio.ui.review.workers import Context

    index_key = catalog._index_key(argparse.Namespace(index_key_file=ns.index_key_file))
    return Context(open_store(ns.store, ns.endpoint), Registry.load(ns.trust_file),
                   decrypt.identities(ns.identity) if ns.identity else None, index_key,
                   None if ns.no_cache else catalog.default_cache_path(), ns.device)


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from taltio.admin.catalog import CatalogError
    from taltio.admin.store import StoreError
    from taltio.admin.trust import AdminError
    from taltio.domain.party import PartyError
    from taltio.ui import i18n

    ns = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        ctx = context(ns)
    except (AdminError, StoreError, PartyError, CatalogError) as exc:
        print(f"taltio-review: {exc}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("taltio-review")
    i18n.install(ns.lang or i18n.system_language())
    from taltio.ui.review.window import ReviewWindow

    win = ReviewWindow(ctx)
    win.show()
    return app.exec()


__all__ = ["main", "parser", "context"]
