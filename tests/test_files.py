"""Writing files in full or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import _files

from .formats.json._support import MODEL_EXAMPLE


def test_an_interrupted_dump_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.json"
    target.write_text("old", "utf-8")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        bm.dump(bm.loads(MODEL_EXAMPLE), target)
    assert target.read_text("utf-8") == "old"
    assert os.listdir(tmp_path) == ["brief.json"]


def test_a_symlink_is_followed_and_the_mode_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    _files.write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640
