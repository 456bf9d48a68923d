"""``briefmodel chunks``: briefs cut into chunks as JSON Lines or one JSON array, each
chunk what ``bm.chunks`` gives with its file; invalid input reported, its chunks not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import feed_stdin, make_brief, write

BRIEF = make_brief()


def test_each_line_is_a_chunk_of_bm_chunks_with_its_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("a.json", BRIEF)
    assert main(["chunks", "a.json", "--max-chars", "40", "--overlap", "5"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = [json.loads(line) for line in out.splitlines()]
    expected = [c.to_dict() for c in bm.chunks(BRIEF, max_chars=40, overlap=5)]
    assert lines == [{"file": "a.json", **chunk} for chunk in expected]
    assert len(lines) > 2
    assert {"union"} <= {e for line in lines for e in line["entities"]}


def test_a_folder_in_any_format_as_one_json_array(capsys: pytest.CaptureFixture[str]) -> None:
    Path("in").mkdir()
    write("in/a.json", BRIEF)
    Path("in/b.md").write_text(bm.dumps(BRIEF, "markdown"), encoding="utf-8")
    assert main(["chunks", "in", "--report", "json", "-o", "chunks.json"]) == 0
    assert capsys.readouterr().out == ""
    found = json.loads(Path("chunks.json").read_text("utf-8"))
    assert sorted({c["file"] for c in found}) == [str(Path("in/a.json")), str(Path("in/b.md"))]
    files = {c["file"] for c in found}
    texts = [[c["text"] for c in found if c["file"] == f] for f in files]
    assert texts[0] == texts[1]  # (the same brief, the same chunks)


def test_the_issue_spelling_format_jsonl_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", BRIEF)
    assert main(["chunks", "a.json", "--format", "jsonl"]) == 0
    assert all(
        json.loads(line)["file"] == "a.json" for line in capsys.readouterr().out.splitlines()
    )


def test_an_invalid_brief_is_reported_and_the_others_chunked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.json", BRIEF)
    Path("bad.json").write_text('{"headline": 3}', encoding="utf-8")
    assert main(["chunks", "bad.json", "a.json", "missing.json"]) == 1
    out, err = capsys.readouterr()
    assert {json.loads(line)["file"] for line in out.splitlines()} == {"a.json"}
    assert "bad.json: /headline" in err
    assert "missing.json" in err
    feed_stdin(monkeypatch, bm.dumps(BRIEF).encode())
    assert main(["chunks", "-"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["file"] == "<stdin>"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--overlap", "30", "--max-chars", "40"], "--overlap expected"),
        (["--max-chars", "5"], "--max-chars expected"),
        (["--max-chars", "many"], "invalid int value"),
    ],
)
def test_bad_options_are_usage_errors_before_anything_is_read(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["chunks", "missing.json", *args])
    except SystemExit as stopped:  # (argparse's own errors)
        code = stopped.code  # type: ignore[assignment]
    assert code == 2
    err = capsys.readouterr().err
    assert said in err
    assert "missing.json" not in err


def test_in_context_counts_the_headline_and_headings(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", BRIEF)
    assert main(["chunks", "a.json", "--max-chars", "100", "--in-context"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines
    assert all(len(line["in_context"]) <= 100 for line in lines)
    assert all(line["in_context"].endswith(line["text"]) for line in lines)
