"""Reading files as documents, and writing them in full or not at all, and never through
a symbolic link."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePath
from typing import Any, BinaryIO

from .errors import ParseError, Problem, Severity, WriteError

__all__ = ["MAX_BYTES", "WRITE_CODES", "read_document", "read_limited", "write_atomically"]

#: The codes of what :func:`write_atomically` refuses (part of
#: :data:`briefmodel.rules.CODES`, which lists every code).
WRITE_CODES: dict[str, tuple[Severity, str]] = {
    "output.symlink": (
        "error",
        "An output (of bm.dump or briefmodel convert), or a folder on its way inside the "
        "output folder, is a symbolic link: briefmodel never writes through one, and writes "
        "nothing.",
    ),
    "output.not-a-file": (
        "error",
        "An output exists and is a named pipe, a socket or a device, not a regular file: "
        "nothing is written.",
    ),
    "output.outside": (
        "error",
        "briefmodel convert: the output named after an input (a glob with .. in it) would "
        "land outside the output folder: nothing is written.",
    ),
}


#: The most bytes a document read from a file or a stream may have (64 MiB): a larger
#: one is refused with ``parse.too-large``, and no more than one byte past it is read.
MAX_BYTES = 64 * 1024 * 1024

#: The bytes asked for at once from a stream whose size is not known in advance.
_CHUNK = 1024 * 1024


def _too_large(name: str, size: int | None) -> ParseError:
    if size is None:
        message = f"{name} holds over {MAX_BYTES:,} bytes (64 MiB), the most a document may hold"
    else:
        message = (
            f"{name} is too large: {size:,} bytes, and a document may hold at most "
            f"{MAX_BYTES:,} (64 MiB)"
        )
    return ParseError(Problem(severity="error", code="parse.too-large", message=message))


def read_limited(stream: BinaryIO, name: str, size: int | None = None) -> bytes:
    """At most :data:`MAX_BYTES` bytes of ``stream`` (a file, a pipe, a device, standard
    input), read to its end; :class:`~briefmodel.ParseError` (``parse.too-large``) when
    there are more, after reading one byte past the limit and no further.

    ``size`` is the stream's size when known (a regular file's): a larger one is
    refused before anything is read.
    """
    if size is not None and size > MAX_BYTES:
        raise _too_large(name, size)
    chunks: list[bytes] = []
    held = 0
    # A regular file comes in one read of its size; anything else (or a file that
    # grows) in chunks, so that a small stream costs no more than its size.
    step = size + 1 if size is not None else _CHUNK
    while held <= MAX_BYTES:
        chunk = stream.read(min(step, MAX_BYTES + 1 - held))
        if not chunk:
            break
        chunks.append(chunk)
        held += len(chunk)
        step = _CHUNK
    if held > MAX_BYTES:
        raise _too_large(name, None)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_document(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file; :class:`~briefmodel.ParseError` if it cannot be read
    (``parse.unreadable``) or holds more than :data:`MAX_BYTES` (``parse.too-large``).

    Any file that can be opened is read, to its end or to the limit: a regular file, a
    named pipe (opening it waits for a writer, as reading a pipe does) or a device
    (``/dev/zero`` is refused as too large, not read without end).
    """
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            size = info.st_size if stat.S_ISREG(info.st_mode) else None
            return read_limited(handle, os.fspath(path), size)
    except (OSError, ValueError) as error:  # ValueError: a name with a NUL in it
        shown = os.fspath(path)
        shown = shown if isinstance(shown, str) and shown.isprintable() else repr(shown)
        raise ParseError(
            Problem(
                severity="error",
                code="parse.unreadable",
                message=f"cannot read {shown}: {getattr(error, 'strerror', None) or error}",
            )
        ) from None


#: Whether folders can be opened and entered without following links on the way
#: (``dir_fd``, ``O_NOFOLLOW``): POSIX. Elsewhere each step is checked by its path.
_DIR_FD = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and {os.open, os.stat, os.mkdir, os.rename, os.unlink} <= os.supports_dir_fd
)

#: The signals that end a run: held back while a file is written, so that it is put in
#: place or removed, whole, before they take effect.
_DEFERRED = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Held:
    """The signals :func:`_signals_deferred` holds back: those noted so far, and how to
    let them in for a moment (to be noted, not to take effect)."""

    def __init__(self) -> None:
        self.noted: list[int] = []
        #: The signal mask before the block (None: nothing was blocked).
        self.previous: set[int | signal.Signals] | None = None
        #: Whether this thread's handlers note the signals (the main thread's do).
        self.noting = False

    @contextlib.contextmanager
    def let_in(self) -> Iterator[None]:
        """Unblock the signals in the block, where they are only noted: so that a long
        write of chunks learns of one and can stop. Where nothing notes them (another
        thread than the main one), they stay blocked."""
        if self.previous is None or not self.noting:
            yield
            return
        signal.pthread_sigmask(signal.SIG_SETMASK, self.previous)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[_Held]:
    """Hold back SIGINT, SIGTERM and SIGHUP (where the platform can) until the block ends.

    Blocking them in this thread is not enough where the process has other threads (an
    application embedding briefmodel, a test runner's worker): the kernel gives the
    signal to one of those, and Python runs its handler in the main thread at once. So,
    in the main thread, the handlers are also replaced by one that notes the signal, and
    what was noted is raised again, with the handlers back, when the block ends.

    The block is given what is held (:class:`_Held`), so that a long write (of a stream
    of chunks) can let the signals in to be noted, stop early when one came, remove what
    it wrote, and let the signal take effect then.
    """
    held = _Held()
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield held
        return
    replaced: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for number in _DEFERRED:
            handler = signal.getsignal(number)
            if handler not in (signal.SIG_IGN, None):  # None: not set from Python
                replaced[number] = handler
                signal.signal(number, lambda number, frame: held.noted.append(number))
    held.noting = bool(replaced)
    held.previous = previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield held
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        for number, handler in replaced.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(held.noted):  # each once, in the order they came
            signal.raise_signal(number)


def _refused(code: str, message: str, filename: str, number: int) -> WriteError:
    return WriteError(Problem(severity="error", code=code, message=message), filename, number)


def _through_link(link: str, path: str) -> WriteError:
    where = "" if link == path else f" on the way to {path}"
    message = (
        f"{link} is a symbolic link{where}: briefmodel never writes through one "
        "(remove the link, or name the place it leads to)"
    )
    return _refused("output.symlink", message, link, errno.ELOOP)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _existing_mode(found: os.stat_result | None, path: str) -> int | None:
    """The mode of the regular file about to be replaced (``None``: there is none);
    :class:`WriteError` for a link or anything else that is not a regular file."""
    if found is None:
        return None
    if stat.S_ISLNK(found.st_mode):
        raise _through_link(path, path)
    if stat.S_ISDIR(found.st_mode):  # as os.replace would say
        raise IsADirectoryError(errno.EISDIR, "Is a directory", path)
    if not stat.S_ISREG(found.st_mode):
        kind = next((what for test, what in _KINDS if test(found.st_mode)), "not a regular file")
        message = f"{path} is {kind}: an output is a regular file or nothing"
        raise _refused("output.not-a-file", message, path, errno.EEXIST)
    return stat.S_IMODE(found.st_mode)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _short(name: str) -> str:
    """``name`` shortened, if need be, so that a temporary name made of it stays within
    the 255 bytes a file name may have."""
    while len(os.fsencode(name)) > 200:
        name = name[:-1]
    return name


def _temporary_name(name: str) -> str:
    """``.NAME.RANDOM.tmp``: hidden, and beside the file it becomes."""
    return f".{_short(name)}.{os.urandom(6).hex()}.tmp"


def _split(path: str, root: str | None) -> tuple[str, Sequence[str], str]:
    """The folder to start from (used as named), the folders below it (created if
    missing, never links) and the file name. With ``root``, ``path`` must lie below it."""
    if root is None:
        folder, name = os.path.split(path)
        return folder or os.curdir, (), name
    try:
        inside = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # pragma: no cover - another drive, on Windows
        inside = os.pardir
    parts = PurePath(inside).parts
    if not parts or parts[0] == os.pardir or os.path.isabs(inside) or inside == os.curdir:
        message = f"{path} is not inside the output folder {root}"
        raise _refused("output.outside", message, path, errno.EPERM)
    return root, parts[:-1], parts[-1]


def write_atomically(
    path: str | os.PathLike[str],
    payload: bytes | Iterable[bytes],
    *,
    sync: bool = True,
    root: str | os.PathLike[str] | None = None,
) -> None:
    """Write ``payload`` to ``path`` in full or not at all, never through a link.

    The bytes go to a temporary file in the same directory, which then replaces the
    target (:func:`os.replace`); on any failure the temporary file is removed and the
    target is left as it was. SIGINT, SIGTERM and SIGHUP are held back meanwhile, so
    that they take effect once the file is in place (or removed), never half-way.

    An existing target must be a regular file: a symbolic link there (dangling or not)
    is refused, not followed or replaced (:class:`~briefmodel.WriteError`, code
    ``output.symlink``), and so is a pipe, a socket or a device (``output.not-a-file``;
    a directory is an :class:`IsADirectoryError`). The folders of ``path`` are used as
    named. With ``root``, ``path`` must lie below the folder ``root`` (``output.outside``
    otherwise), and the folders between them are entered without following links (a
    link among them is ``output.symlink``) and created if missing: a batch writes inside
    its output folder only, whatever else is put there meanwhile.

    With ``sync`` (the default) the bytes reach the disk (:func:`os.fsync`) before the
    rename, so that even a system crash leaves the old file or the new one; without it
    an interrupted process still never leaves a partial file, at a fraction of the
    cost (for batches of many files).

    ``payload`` may also be an iterable of chunks, written as they come (a stream of
    briefs, :func:`briefmodel.dump_all`): an exception it raises, or a signal that comes
    meanwhile, removes what was written and leaves the target as it was.
    """
    shown = os.fspath(path)
    folder, below, name = _split(shown, None if root is None else os.fspath(root))
    if name in ("", os.curdir, os.pardir):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", shown)
    with _signals_deferred() as held:
        chunks = _Chunks(payload, held)
        if _DIR_FD:
            _write_in_folder(folder, below, name, chunks, sync, shown, create=root is not None)
        else:
            _write_by_path(folder, below, name, chunks, sync, shown, create=root is not None)


class _Chunks:
    """What :func:`write_atomically` writes: bytes, or chunks of them as they come,
    stopping (:class:`InterruptedError`) when a signal came meanwhile."""

    def __init__(self, payload: bytes | Iterable[bytes], held: _Held) -> None:
        self._payload = payload
        self._held = held

    def write_to(self, handle: BinaryIO) -> None:
        if isinstance(self._payload, (bytes, bytearray, memoryview)):
            handle.write(self._payload)
            return
        chunks = iter(self._payload)
        while True:
            with self._held.let_in():  # (making the next chunk may take a while)
                chunk = next(chunks, None)
            if self._held.noted:  # the signal takes effect once the file is removed
                raise InterruptedError(errno.EINTR, "interrupted by a signal")
            if chunk is None:
                return
            handle.write(chunk)


_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def _enter(parent: int, name: str, shown: str, path: str) -> int:
    """Open the folder ``name`` of the folder ``parent`` without following a link,
    creating it if it is not there."""
    flags = _FOLDER_FLAGS | os.O_NOFOLLOW
    try:
        try:
            return os.open(name, flags, dir_fd=parent)
        except FileNotFoundError:
            with contextlib.suppress(FileExistsError):  # another process was first
                os.mkdir(name, 0o777, dir_fd=parent)
            return os.open(name, flags, dir_fd=parent)
    except OSError as error:
        if error.errno not in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise
        found = os.stat(name, dir_fd=parent, follow_symlinks=False)
        if stat.S_ISLNK(found.st_mode):
            raise _through_link(shown, path) from None
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", shown) from None


def _lstat_in(folder: int, name: str) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None


def _write_in_folder(
    folder: str,
    below: Sequence[str],
    name: str,
    payload: _Chunks,
    sync: bool,
    path: str,
    *,
    create: bool,
) -> None:
    try:
        current = os.open(folder, _FOLDER_FLAGS)
    except FileNotFoundError:
        if not create:
            raise
        os.makedirs(folder, exist_ok=True)
        current = os.open(folder, _FOLDER_FLAGS)
    try:
        shown = folder
        for part in below:
            shown = os.path.join(shown, part)
            entered = _enter(current, part, shown, path)
            os.close(current)
            current = entered
        mode = _existing_mode(_lstat_in(current, name), path)
        temporary = _temporary_name(name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(temporary, flags, 0o600, dir_fd=current)
        try:
            with os.fdopen(fd, "wb") as handle:
                payload.write_to(handle)
                handle.flush()
                if sync:
                    os.fsync(handle.fileno())
                os.fchmod(handle.fileno(), _default_mode() if mode is None else mode)
            _existing_mode(_lstat_in(current, name), path)  # nothing put there meanwhile
            # Even so, a link put there in the last instant is replaced, not followed.
            os.replace(temporary, name, src_dir_fd=current, dst_dir_fd=current)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=current)
            raise
    finally:
        os.close(current)


#: Windows reparse points that lead elsewhere: symbolic links and junctions.
_LINK_TAGS = (0xA000000C, 0xA0000003)  # IO_REPARSE_TAG_SYMLINK, IO_REPARSE_TAG_MOUNT_POINT


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _write_by_path(
    folder: str,
    below: Sequence[str],
    name: str,
    payload: _Chunks,
    sync: bool,
    path: str,
    *,
    create: bool,
) -> None:
    """As :func:`_write_in_folder`, where folders cannot be held open: each step is
    checked by its path just before it is taken."""
    if create:
        os.makedirs(folder, exist_ok=True)
    current = folder
    for part in below:
        current = os.path.join(current, part)
        found = _lstat(current)
        if found is None:
            with contextlib.suppress(FileExistsError):
                os.mkdir(current)
            found = os.lstat(current)
        if stat.S_ISLNK(found.st_mode) or getattr(found, "st_reparse_tag", None) in _LINK_TAGS:
            raise _through_link(current, path)
        if not stat.S_ISDIR(found.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", current)
    target = os.path.join(current, name)
    mode = _existing_mode(_lstat(target), path)
    fd, temporary = tempfile.mkstemp(dir=current, prefix=f".{_short(name)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            payload.write_to(handle)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(temporary, _default_mode() if mode is None else mode)
        _existing_mode(_lstat(target), path)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
