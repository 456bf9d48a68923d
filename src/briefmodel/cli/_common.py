"""What every command shares: the exit statuses, the name that stands for standard
input or output, the usage error and the one-line error message."""

from __future__ import annotations

import sys

from ._terminal import shown_text

__all__ = [
    "EXIT_HANGUP",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "STDIN_NAME",
    "STDIO",
    "UsageError",
]

#: Every document valid or converted (warnings allowed).
EXIT_OK = 0

#: A document is invalid or unreadable, or an output could not be written.
EXIT_INVALID = 1

#: The command line itself is wrong.
EXIT_USAGE = 2

#: Stopped with Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: Stopped by SIGTERM (128 + 15), as by Ctrl-C: the files at hand finished, the summary
#: printed.
EXIT_TERMINATED = 143

#: Stopped by SIGHUP (128 + 1): the terminal went away; as by Ctrl-C.
EXIT_HANGUP = 129

#: The file name that stands for standard input or standard output.
STDIO = "-"

#: How standard input is named in reports.
STDIN_NAME = "<stdin>"


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


def _error(message: str) -> None:
    """Print ``message`` as an error, on one line, escaped as the reports are (it may
    quote documents and file names)."""
    print(f"briefmodel: error: {shown_text(message)}", file=sys.stderr)
