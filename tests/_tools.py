"""Command-line tools the tests run, found the same way everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def check_jsonschema() -> str:
    """The check-jsonschema executable; skip without it, except in CI where it must exist."""
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    exe = exe or shutil.which("check-jsonschema")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("check-jsonschema is not installed (it is in the test extras)")
        pytest.skip("check-jsonschema is not installed")
    return exe


def fresh_python(program: str, *args: str, cwd: Path | None = None) -> str:
    """What ``program`` prints when run in a fresh interpreter (this one's executable), to
    see what it imports; its error output in the failure when it fails."""
    done = subprocess.run(
        [sys.executable, "-c", program, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=600,  # (a hang is a failure, not a stuck run)
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def poppler(tool: str, *args: str) -> str:
    """What poppler's ``tool`` (``pdftotext``, ``pdfinfo``) prints when run with ``args``,
    the tools a PDF's readers use; skip without poppler, except in CI where it must be
    installed (``.ci/run`` installs ``poppler-utils``)."""
    from ._browser import missing

    exe = shutil.which(tool)
    if exe is None:
        missing(f"poppler's {tool}", "apt-get install poppler-utils")
    done = subprocess.run([exe, *args], capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def weasyprint_loads() -> None:
    """Skip when WeasyPrint (the ``pdf`` extra) cannot be imported, for want of the
    package or of the Pango library it loads; in CI it must load (``.ci/run`` installs
    Pango)."""
    from ._browser import missing

    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        missing("WeasyPrint", f"pip install 'briefmodel[pdf]' and Pango: {error}")
