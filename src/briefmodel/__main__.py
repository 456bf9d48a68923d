"""``python -m briefmodel`` and the ``briefmodel`` command: the command line of
:mod:`briefmodel.cli`. ``--version`` alone is answered as the command line answers it,
without loading the command line (a script that asks which briefmodel it has waits for
nothing else)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:
        from ._version import __version__

        try:
            sys.stdout.write(f"briefmodel {__version__}\n")
            sys.stdout.flush()
            return 0
        except (AttributeError, OSError, ValueError):  # full, closed: the command line says so
            pass
    from .cli import main as command_line

    return command_line(argv)


if __name__ == "__main__":
    raise SystemExit(main())
