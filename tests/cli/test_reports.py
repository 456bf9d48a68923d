"""The report writers: problems as text lines and as GitHub Actions annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import cli
from briefmodel.cli import main

from ._support import with_empty_section, with_unknown_source, write


def test_format_problem_with_a_line_and_a_pointer() -> None:
    problem = bm.Problem(
        severity="error", code="x.y", message="two\nlines", path="/a/0", line=3, column=7
    )
    assert cli.format_problem("f.xml", problem) == "f.xml:3:7: error x.y: two lines (at /a/0)"
    no_column = bm.Problem(severity="warning", code="x.y", message="m", line=3)
    assert cli.format_problem("f.xml", no_column) == "f.xml:3: warning x.y: m"


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    write("bad.json", with_unknown_source())
    Path("broken.json").write_text('{\n  "schema": \n')
    assert main(["validate", "--format", "github", "warn.json", "bad.json", "broken.json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::warning file=warn.json,title=section.empty::")
    assert lines[0].endswith(" (at /sections/2)")
    assert lines[1] == (
        "::error file=bad.json,title=ref.unknown-source::'s9' is not the id of a source "
        "(at /sections/0/blocks/0/items/0/1/ref)"
    )
    assert lines[2].startswith("::error file=broken.json,line=3,col=1,title=parse.syntax::")
    assert lines[3] == "3 files, 2 invalid, 1 warning"


def test_github_annotations_are_escaped() -> None:
    problem = bm.Problem(severity="error", code="x.y", message="100%\nsure", line=2)
    assert cli.format_github("a,b:c%.json", problem) == (
        "::error file=a%2Cb%3Ac%25.json,line=2,title=x.y::100%25%0Asure"
    )
