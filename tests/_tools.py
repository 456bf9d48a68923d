"""Command-line tools the tests run, found the same way everywhere."""

from __future__ import annotations

import os
import shutil
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
