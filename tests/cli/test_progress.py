"""The progress bar of a batch."""

from __future__ import annotations

import pytest

from briefmodel.cli import main

from ._support import make_tree


def test_the_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["convert", "briefs", "-o", "out", "-t", "json", "-q"]) == 0
    assert capsys.readouterr() == ("", "")  # not a terminal: no bar
    assert main(["convert", "briefs", "-o", "out2", "-t", "json", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "\r[" in err
    assert "] 3/3 100%" in err
    # The bar is cleared before each report and at the end: the lines read as without it.
    assert [line.split("\r")[-1] for line in err.split("\n")][-2] == (
        "3 files, 3 converted (0 with losses), 0 failed"
    )
    assert "warning section.empty" in err
