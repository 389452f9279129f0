"""A folder as write-once storage: standalone mode, a mounted share, or tests."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from taltio.domain.files import sha256_file
from taltio.domain.ports import MAX_DOCUMENT, PutResult, StorageError, StorageTarget, UploadJournal
from taltio.domain.texts import QT_TRANSLATE_NOOP, Text, os_error
import hashlib


log = logging.getLogger("taltio.storage")


class FolderTarget(StorageTarget):
    def __init__(self, root: Path) -> None:
        self.root = root

    def describe(self) -> str:
        return Text(QT_TRANSLATE_NOOP("core", "folder {path}"), path=str(self.root))

    def put(self, key: str, path: Path, sha256_hex: str, journal: UploadJournal | None = None, *,
            signature: bytes | None = None) -> PutResult:
        dest = self.root / key
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if signature is not None:
                # A folder has no object metadata: the signature goes beside the file, first, so a
                # manifest is never there without it (the same layout as the call folder), stored
                # write-once the same way as any file.
                src = dest.with_name(f".{dest.name}.sig.{os.getpid()}.src")
                src.write_bytes(signature)
                try:
                    self.put(f"{key}.sig", src, hashlib.sha256(signature).hexdigest())
                finally:
                    src.unlink(missing_ok=True)
            if dest.exists():
                if sha256_file(dest) == sha256_hex:
                    return PutResult.EXISTS
                raise StorageError(Text(QT_TRANSLATE_NOOP("core", "{path} already exists with other content; refusing to "
                                                                  "overwrite"), path=str(dest)))
            part = dest.with_name(f".{dest.name}.{os.getpid()}.part")
            shutil.copyfile(path, part)
            with open(part, "rb+") as fh:
                os.fsync(fh.fileno())
            if sha256_file(part) != sha256_hex:
                part.unlink()
                raise StorageError(Text(QT_TRANSLATE_NOOP("core", "copy to {path} did not verify (checksum differs)"),
                                        path=str(dest)))
            try:
                os.link(part, dest)        # fails if dest appeared meanwhile: never overwrite
            except FileExistsError:
                part.unlink()
                return self.put(key, path, sha256_hex, journal)
            except OSError:
                os.replace(part, dest)     # shares without hard links (SMB)
            part.unlink(missing_ok=True)
            return PutResult.STORED
        except StorageError:
            raise
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot write to {path}: {error}"), path=str(self.root),
                                    error=os_error(exc))) from None

    def stored(self, key: str, sha256_hex: str, journal: UploadJournal | None = None) -> bool:
        dest = self.root / key
        try:
            return dest.exists() and sha256_file(dest) == sha256_hex
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot read {path}: {error}"), path=str(self.root),
                                    error=os_error(exc))) from None

    def check(self) -> str:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".taltio-probe-{os.getpid()}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "folder {path} is not writable: {error}"),
                                    path=str(self.root), error=os_error(exc))) from None
        return Text(QT_TRANSLATE_NOOP("core", "folder {path} is writable"), path=str(self.root))

    def put_status(self, key: str, data: bytes) -> None:
        """<root>/<key>, replaced atomically so `taltio-admin fleet` never reads half a heartbeat."""
        from taltio.domain.files import write_durably

        dest = self.root / key
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            write_durably(dest, data)
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot write {key} to {path}: {error}"), key=key,
                                    path=str(self.root), error=os_error(exc))) from None

    def get_if_changed(self, key: str, etag: str | None = None) -> tuple[bytes | None, str | None]:
        """<root>/<key>; the etag is the file's inode, size and modification time, so an unchanged
        file is not read again (documents are replaced whole, never edited in place)."""
        path = self.root / key
        try:
            st = path.stat()
            tag = f"{st.st_ino:x}-{st.st_size:x}-{st.st_mtime_ns:x}"
            if etag is not None and tag == etag:
                return None, etag
            with open(path, "rb") as fh:
                data = fh.read(MAX_DOCUMENT + 1)
                after = os.fstat(fh.fileno())
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise StorageError(Text(QT_TRANSLATE_NOOP("core", "cannot read {key} from {path}: {error}"), key=key,
                                    path=str(self.root), error=os_error(exc))) from None
        return data, f"{after.st_ino:x}-{after.st_size:x}-{after.st_mtime_ns:x}"


# Largest document get_if_changed reads whole (a policy is a few KB; more is cut and then refused).
