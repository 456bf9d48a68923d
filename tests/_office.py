"""LibreOffice, run headless the same way by every test that needs it: Debian's
``libreoffice-writer-nogui`` (``soffice`` on PATH, or ``BRIEFMODEL_SOFFICE``). Without it
the test that needs it is skipped, except in CI (``CI`` set), where a missing tool is a
failure (:func:`tests._browser.missing`).

soffice takes seconds to start, so a test module converts all its files in one call
(:func:`convert`), from a module-scoped fixture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ._browser import missing

# A guard against a hung office suite, not a performance limit.
_HANG_SECONDS = 300


def soffice_path() -> str:
    """The soffice executable; skip without it, except in CI where it must exist."""
    for name in (os.environ.get("BRIEFMODEL_SOFFICE", ""), "soffice", "libreoffice"):
        exe = shutil.which(name) if name else None
        if exe:
            return exe
    missing("LibreOffice (soffice)", "apt-get install libreoffice-writer-nogui")


def convert(paths: Sequence[Path], to: str, out: Path) -> dict[Path, Path]:
    """Convert every file of ``paths`` with LibreOffice in one run, into ``out``, with the
    filter ``to`` (``"txt:Text"``, ``"docx:MS Word 2007 XML"``); each input's output by
    input. LibreOffice's profile and HOME are a fresh folder beside ``out``, so runs can go
    side by side and nothing outside is touched."""
    exe = soffice_path()
    home = out.parent / f"{out.name}-office-home"
    home.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            exe,
            f"-env:UserInstallation={home.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=_HANG_SECONDS,
        env={**os.environ, "HOME": str(home)},
    )
    suffix = "." + to.split(":", 1)[0]
    found = {path: out / (path.stem + suffix) for path in paths}
    absent = [str(path) for path, result in found.items() if not result.is_file()]
    assert not absent, f"LibreOffice converted none of {absent}: {done.stdout}{done.stderr}"
    return found
