"""Standard streams and output files: standard input read once and at most
:data:`~briefmodel._files.MAX_BYTES`, bytes written whole to standard output (and
quietly after a broken pipe), outputs written atomically."""

from __future__ import annotations

import contextlib
import io
import os
import sys

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
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        fileno = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fileno)
        finally:
            os.close(devnull)


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


def _emit_bytes(output: str, payload: bytes) -> int:
    """Write ``payload`` to the file ``output`` (atomically) or to stdout for ``-``."""
    if output == STDIO:
        _write_stdout_bytes(payload if payload.endswith(b"\n") else payload + b"\n")
        return EXIT_OK
    try:
        write_atomically(output, payload)
    except WriteError as error:  # a link where the output goes, say: refused, with its code
        _error(str(error))
        return EXIT_INVALID
    except OSError as error:
        _error(f"cannot write {output}: {error.strerror or error}")
        return EXIT_INVALID
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
