"""The ``briefmodel`` command run as a function: :func:`main` parses the command line,
runs the command and turns every error into a message and an exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..errors import BriefmodelError, OptionError
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, _error
from ._parser import build_parser
from ._signals import exit_status, handled
from ._streams import (
    StreamError,
    _guard_streams,
    _silence_stdout,
    _stream_failed,
    _tolerant_streams,
)
from ._terms import cli_option, cli_text

__all__ = ["main"]


def _exit_code(error: SystemExit) -> int:
    if error.code is None or isinstance(error.code, int):
        return error.code or EXIT_OK
    return EXIT_USAGE  # pragma: no cover - argparse exits with numbers only


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    Never raises for bad input: problems are printed, errors are shown as one message.
    A write to standard output that fails (a full disk, a closed descriptor) ends the
    command with status 1 and one message on standard error (quietly when the reader
    of a pipe went away); standard error that cannot be written is given up on.
    """
    _tolerant_streams()
    restore = _guard_streams()
    try:
        with handled():  # SIGTERM and SIGHUP stop a run as Ctrl-C does
            status = _run(argv)
            sys.stdout.flush()
            return status
    except KeyboardInterrupt as error:  # 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP
        return exit_status(error)
    except StreamError as failure:
        restore()
        return _stream_failed(failure)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_INVALID
    finally:
        restore()


def _run(argv: list[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return _exit_code(exit_)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as error:
        _error(str(error))
        return EXIT_USAGE
    except OptionError as error:  # an argument the library does not take
        _error(cli_option(error))
        return EXIT_USAGE
    except BriefmodelError as error:
        _error(cli_text(str(error)))
        return EXIT_INVALID
