"""``python -m briefmodel``: the same command line as ``briefmodel``."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
