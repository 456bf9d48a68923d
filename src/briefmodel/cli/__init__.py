"""The ``briefmodel`` command line: validate, convert, list formats and print schemas.

Run it as ``briefmodel COMMAND …`` or ``python -m briefmodel COMMAND …``:

- ``validate PATH…`` checks documents (files, directories, glob patterns or ``-`` for
  stdin) and lists every problem, one a line, in the ``FILE:LINE:COLUMN: severity
  code: message`` form editors understand (or ``FILE: POINTER: severity code:
  message`` when the problem has no line), then a summary; ``--report json`` gives a
  machine-readable report instead, ``--report github`` annotations for GitHub Actions.
- ``convert IN… -o OUT`` reads briefs in one format and writes them in another: one
  file to a file (or stdin to stdout), or many files, directories and globs to an
  output directory, keeping their names, in parallel with ``--jobs N``. Every output
  is written atomically and never over an input; one bad file does not stop a batch.
- ``formats`` lists what can be read and written; ``schema`` prints the JSON Schema of
  canonical JSON or briefmodel's NewsML-G2 profile (XSD).

Formats are looked up in the format registry (:func:`briefmodel.formats`), so a
format added there, built in or plugged in, works here without a change.

Exit status: 0 when every document is valid or converted (warnings allowed), 1 when a
document is invalid or cannot be read or written, 2 for a usage error, 130 when
interrupted with Ctrl-C, 143 when stopped by SIGTERM and 129 by SIGHUP (each handled as
Ctrl-C is: the files at hand finished, no temporary file left, the summary printed).

The conversion of one file is :func:`convert_file`; it and its result
(:class:`ConvertResult`) pickle, so the same function runs in worker processes here
and on a distributed engine (Dask, say: see the docs' recipes).
"""

from __future__ import annotations

from ._common import (
    EXIT_HANGUP,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
)
from ._common import STDIN_NAME as STDIN_NAME
from ._common import STDIO as STDIO
from ._common import UsageError as UsageError
from ._main import main
from ._parser import build_parser
from ._pool import AHEAD as AHEAD
from ._pool import CHUNK as CHUNK
from ._progress import PROGRESS_EVERY as PROGRESS_EVERY
from .conversion import ConvertResult, convert_file
from .convert import DEFAULT_OUTPUT_FORMAT as DEFAULT_OUTPUT_FORMAT
from .reports import format_github, format_problem

__all__ = [
    "EXIT_HANGUP",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "ConvertResult",
    "build_parser",
    "convert_file",
    "format_github",
    "format_problem",
    "main",
]
