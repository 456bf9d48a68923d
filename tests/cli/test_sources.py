"""The documents a command line names: directories walked, globs expanded, nothing to
read reported, and the output folder of a batch left out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefmodel.cli import main

from ._support import make_brief, make_tree, with_unknown_source, write


def test_validate_walks_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["validate", "briefs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("briefs/b.json: /sections/2: warning section.empty")
    assert lines[1] == "3 files, 0 invalid, 1 warning"
    write("briefs/sub/z.json", with_unknown_source())
    assert main(["validate", "--format", "json", "briefs"]) == 1
    report = json.loads(capsys.readouterr().out)
    paths = ["briefs/a.json", "briefs/b.json", "briefs/sub/c.xml", "briefs/sub/z.json"]
    assert [f["path"] for f in report["files"]] == paths
    assert report["ok"] is False
    assert report["summary"] == {"files": 4, "invalid": 1, "warnings": 1}


def test_validate_picks_the_suffixes_of_the_from_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_tree()
    assert main(["validate", "-f", "newsml", "briefs"]) == 0
    assert capsys.readouterr().out == "1 file, 0 invalid, 0 warnings\n"


def test_validate_expands_a_glob(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["validate", "briefs/**/*.xml", "briefs/*.json"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 files, 0 invalid, 1 warning"


def test_nothing_to_read_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    Path("empty/readme.data").write_text("x")
    write("ok.json", make_brief())
    assert main(["validate", "ok.json", "nothing/*.json", "empty"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "nothing/*.json: /: error parse.unreadable: no file matches nothing/*.json"
    assert lines[1].startswith("empty: /: error parse.unreadable: no document in empty (no file")
    assert lines[2] == "3 files, 2 invalid, 0 warnings"


def test_the_output_folder_inside_the_input_is_not_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_tree()
    summary = "3 files, 3 converted (0 with losses), 0 failed"
    for _ in range(2):  # the second run neither reads nor refuses the first one's outputs
        assert main(["convert", "briefs", "-o", "briefs/out", "-t", "json"]) == 0
        assert capsys.readouterr().err.splitlines()[-1] == summary
    assert sorted(os.listdir("briefs/out")) == ["a.json", "b.json", "sub"]
    # Written elsewhere, they are inputs like any other.
    assert main(["convert", "briefs", "-o", "elsewhere", "-t", "json"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == summary.replace("3", "6")


def test_a_glob_that_matches_folders(capsys: pytest.CaptureFixture[str]) -> None:
    write("2025/jan/a.json", make_brief())
    write("2026/feb/b.json", make_brief())
    assert main(["convert", "20*", "-o", "out", "-t", "newsml", "-q"]) == 0
    assert sorted(p.as_posix() for p in Path("out").rglob("*.xml")) == [
        "out/2025/jan/a.xml",
        "out/2026/feb/b.xml",
    ]
    assert main(["validate", "20*"]) == 0
    assert capsys.readouterr().out == "2 files, 0 invalid, 0 warnings\n"
