"""Standard streams and output files: standard input read once, bytes written whole to
standard output (and quietly after a broken pipe), outputs written atomically."""

from __future__ import annotations

import contextlib
import io
import os
import sys

from .._files import write_atomically
from ..errors import WriteError
from ._common import EXIT_INVALID, EXIT_OK, STDIO, _error


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
    """Standard input, read once however often ``-`` is named."""

    def __init__(self) -> None:
        self._data: str | bytes | None = None

    def read(self) -> str | bytes:
        if self._data is None:
            buffer = getattr(sys.stdin, "buffer", None)
            self._data = buffer.read() if buffer is not None else sys.stdin.read()
        return self._data


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
