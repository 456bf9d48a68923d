"""The registered format: Markdown files by suffix, and the command line converting
both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import EXAMPLES


def test_load_and_dump_by_suffix(tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[0])
    for name in ("brief.md", "brief.markdown"):
        bm.dump(brief, tmp_path / name)
        assert (tmp_path / name).read_text("utf-8").startswith("---\n")
        assert bm.load(tmp_path / name) == brief


def test_cli_converts_both_ways(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES[0]
    md = tmp_path / "out.md"
    back = tmp_path / "back.json"
    assert main(["convert", str(source), "-o", str(md)]) == 0
    assert main(["convert", str(md), "-o", str(back)]) == 0
    assert bm.load(back) == bm.load(source)
    capsys.readouterr()
