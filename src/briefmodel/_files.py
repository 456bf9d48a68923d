"""Reading files as documents, and writing them in full or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import ParseError, Problem

__all__ = ["read_document", "write_atomically"]


def read_document(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file; :class:`~briefmodel.ParseError` if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ParseError(
            Problem(
                severity="error",
                code="parse.unreadable",
                message=f"cannot read {path}: {error.strerror or error}",
            )
        ) from None


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: str | os.PathLike[str], payload: bytes, *, sync: bool = True) -> None:
    """Write ``payload`` to ``path`` in full or not at all.

    The bytes go to a temporary file in the same directory, which then replaces the
    target (:func:`os.replace`); on any failure the temporary file is removed and the
    target is left as it was. A symbolic link is followed, not replaced.

    With ``sync`` (the default) the bytes reach the disk (:func:`os.fsync`) before the
    rename, so that even a system crash leaves the old file or the new one; without it
    an interrupted process still never leaves a partial file, at a fraction of the
    cost (for batches of many files).
    """
    target = Path(os.path.realpath(path))
    mode = _new_file_mode(target)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
