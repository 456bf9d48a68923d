"""Fixtures of the command-line tests: each runs in its own directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in its own directory, so file names in the output are short."""
    monkeypatch.chdir(tmp_path)
