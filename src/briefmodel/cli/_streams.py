"""Standard streams and output files: standard input read once and at most
:data:`~briefmodel._files.MAX_BYTES`, bytes written whole to standard output, standard
output and error guarded so that a failed write (a full disk, a closed pipe) is one
message, outputs written atomically."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, cast

from .._files import MAX_BYTES, read_limited, write_atomically
from ..errors import ParseError, Problem, WriteError
from ._common import EXIT_INVALID, EXIT_OK, STDIO, _error

#: How standard input is named in the messages about reading it.
_STDIN = "standard input"


def _tolerant_streams() -> None:
    """Let text that the terminal's encoding cannot show come out escaped, not crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def _write_stdout_bytes(payload: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes: write the text
        sys.stdout.write(payload.decode("utf-8"))
    else:
        # A buffered write can stop short when the reader goes away (the next one
        # then raises BrokenPipeError), so write until everything is out.
        view = memoryview(payload)
        while view:
            written = buffer.write(view)
            view = view[written if written is not None else 0 :]
        buffer.flush()


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at devnull so the exit flush cannot fail again."""
    _silence(sys.stdout)


def _silence(stream: object) -> None:
    """Point the file descriptor of ``stream`` at devnull, so that what it still holds
    goes there when Python flushes it at exit, instead of failing again."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        fileno = stream.fileno()  # type: ignore[attr-defined]
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fileno)
        finally:
            os.close(devnull)


class StreamError(Exception):
    """Standard output or standard error could not be written: ``name`` says which,
    ``error`` why (a full disk, a closed pipe, a closed descriptor)."""

    def __init__(self, name: str, stream: object, error: OSError) -> None:
        super().__init__(f"cannot write {name}: {error.strerror or error}")
        self.name = name
        self.stream = stream
        self.error = error


class _Guarded:
    """A standard stream (or its byte buffer) whose failed writes are dealt with once:
    standard output's raise :class:`StreamError`, which ends the command; standard
    error's are given up on (nothing could say so), and the command goes on to its
    own exit status. ``None`` (a descriptor closed before the program started) fails
    every write. Everything else is the stream's own."""

    def __init__(self, stream: Any, name: str, *, give_up: bool = False) -> None:
        self._stream = stream
        self._name = name
        self._give_up = give_up
        self._given_up = False

    def _call(self, attribute: str, *args: Any) -> Any:
        if self._given_up:
            return None
        try:
            if self._stream is None:
                raise OSError(errno.EBADF, "it is closed")
            return getattr(self._stream, attribute)(*args)
        except OSError as error:
            if not self._give_up:
                raise StreamError(self._name, self._stream, error) from None
            self._given_up = True
            _silence(self._stream)  # what it holds then goes nowhere at exit, quietly
            return None

    def write(self, data: Any) -> Any:
        return self._call("write", data)

    def flush(self) -> None:
        if self._stream is not None:
            self._call("flush")

    @property
    def buffer(self) -> _Guarded | None:
        buffer = getattr(self._stream, "buffer", None)
        return None if buffer is None else _Guarded(buffer, self._name, give_up=self._give_up)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._stream, attribute)


def _guard_streams() -> Callable[[], None]:
    """Guard ``sys.stdout`` and ``sys.stderr`` (see :class:`_Guarded`); the function
    returned puts the streams back."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _Guarded(out, "standard output"))
    sys.stderr = cast(TextIO, _Guarded(err, "standard error", give_up=True))

    def restore() -> None:
        sys.stdout, sys.stderr = out, err

    return restore


def _stream_failed(failure: StreamError) -> int:
    """After a failed write to standard output: say so on standard error (unless the
    reader went away, the quiet end of ``briefmodel … | head``), and make the exit
    flush harmless."""
    _silence(failure.stream)
    if not isinstance(failure.error, BrokenPipeError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            _error(str(failure))
    return EXIT_INVALID


class _Stdin:
    """Standard input, read once however often ``-`` is named, and no more than
    :data:`~briefmodel._files.MAX_BYTES` of it (a larger input is ``parse.too-large``)."""

    def __init__(self) -> None:
        self._data: str | bytes | None = None
        self._error: ParseError | None = None

    def read(self) -> str | bytes:
        """The bytes (or, from a stream without bytes, the text) of standard input;
        :class:`~briefmodel.ParseError` if it cannot be read or is too large."""
        if self._error is not None:
            raise self._error
        if self._data is None:
            try:
                self._data = self._read()
            except ParseError as error:
                self._error = error
                raise
        return self._data

    def _read(self) -> str | bytes:
        stream = sys.stdin
        if stream is None:  # closed before the program started
            raise _stdin_failure("parse.unreadable", f"cannot read {_STDIN}: it is closed")
        try:
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                return read_limited(buffer, _STDIN)
            text = stream.read(MAX_BYTES + 1)  # characters: each one at least a byte
        except OSError as error:
            message = f"cannot read {_STDIN}: {error.strerror or error}"
            raise _stdin_failure("parse.unreadable", message) from None
        if len(text) > MAX_BYTES:
            message = f"{_STDIN} holds over {MAX_BYTES:,} characters, the most a document may hold"
            raise _stdin_failure("parse.too-large", message)
        return text


def _stdin_failure(code: str, message: str) -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def unwritable(output: str, error: OSError) -> tuple[Problem, ...]:
    """Why ``output`` could not be written: a :class:`~briefmodel.WriteError`'s problems
    (a link where the output goes, say: refused, with its code), or another OS error as
    ``convert.unwritable``."""
    if isinstance(error, WriteError):
        return error.problems
    message = f"cannot write {output}: {error.strerror or error}"
    return (Problem(severity="error", code="convert.unwritable", message=message),)


def _cannot_write(output: str, error: OSError) -> int:
    """Say on stderr why ``output`` could not be written; the exit status that says so."""
    _error(str(error) if isinstance(error, WriteError) else unwritable(output, error)[0].message)
    return EXIT_INVALID


def _emit_bytes(output: str, payload: bytes, *, text: bool = True) -> int:
    """Write ``payload`` to the file ``output`` (atomically) or to stdout for ``-``,
    where text ends with a line break (and bytes, a PDF or a Word file, as they are)."""
    if output == STDIO:
        ends = not text or payload.endswith(b"\n")
        _write_stdout_bytes(payload if ends else payload + b"\n")
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except OSError as error:
        return _cannot_write(output, error)
    return EXIT_OK


def _emit(output: str, text: str) -> int:
    """Write ``text`` as UTF-8 to the file ``output`` (atomically) or to stdout for ``-``."""
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as error:
        _error(f"the output holds U+{ord(text[error.start]):04X}, which cannot be written as UTF-8")
        return EXIT_INVALID
    return _emit_bytes(output, payload)


def _is_folder(output: str) -> bool:
    return os.path.isdir(output) or output.endswith(("/", os.sep))
