"""``briefmodel convert`` between a JSON Lines file and a folder of files, both ways."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.cli._jsonl import file_name

from ._support import make_brief, make_tree, with_empty_section, with_unknown_source, write

A, B, C = (make_brief(id=f"urn:example:brief:{name}") for name in "abc")


def _jsonl(name: str, *lines: str) -> Path:
    path = Path(name)
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def test_a_json_lines_file_is_split_into_a_file_per_brief(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bm.dump_all([A, B, C], "briefs.jsonl")
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "html"]) == 0
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "urn-example-brief-a.html",
        "urn-example-brief-b.html",
        "urn-example-brief-c.html",
    ]
    assert bm.load("out/urn-example-brief-b.html") == B
    assert capsys.readouterr().err == "3 briefs, 3 converted (0 with losses), 0 failed\n"


def test_a_split_reports_each_bad_line_by_its_number_and_writes_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _jsonl(
        "briefs.jsonl",
        bm.dumps(A),
        "",
        "{broken",
        bm.dumps(with_unknown_source()),
        bm.dumps(C),
        bm.dumps(A),
    )
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "markdown"]) == 1
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "urn-example-brief-a.md",
        "urn-example-brief-c.md",
    ]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("briefs.jsonl:3:2: error parse.syntax: ")
    assert err[1].startswith("briefs.jsonl:4: error ref.unknown-source: ")
    assert err[1].endswith("(at /sections/0/blocks/0/items/0/1/ref)")
    assert err[2] == (
        "briefs.jsonl:6: error convert.same-output: "
        "out/urn-example-brief-a.md is already the output of line 1"
    )
    assert err[3] == "5 briefs, 2 converted (0 with losses), 3 failed"  # (the blank line: none)


def test_a_split_reports_warnings_and_losses_on_their_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _jsonl("briefs.jsonl", bm.dumps(with_empty_section()))
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "text"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("briefs.jsonl:1: warning section.empty: ") for line in err)
    assert any(".dropped" in line and line.startswith("briefs.jsonl:1: ") for line in err)
    assert err[-1].startswith("1 brief, 1 converted (1 with losses), 0 failed")


def test_a_split_with_strict_writes_no_brief_with_losses() -> None:
    _jsonl("briefs.jsonl", bm.dumps(make_brief()))
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "text", "--strict"]) == 1
    assert list(Path().glob("out/*")) == []


def test_a_split_reads_leniently_with_lenient(capsys: pytest.CaptureFixture[str]) -> None:
    _jsonl("briefs.jsonl", bm.dumps(with_unknown_source()))
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "json", "--lenient"]) == 0
    assert [p.name for p in Path("out").iterdir()] == ["urn-example-brief-ferry-strike.json"]
    assert "briefs.jsonl:1: warning " in capsys.readouterr().err


def test_a_split_names_outputs_safely_from_the_ids() -> None:
    hostile = make_brief(id="../../escape/..")
    bm.dump_all([hostile], "briefs.jsonl")
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "json", "-q"]) == 0
    assert [p.name for p in Path("out").iterdir()] == ["escape.json"]
    assert not Path("escape.json").exists()


@pytest.mark.parametrize(
    ("brief_id", "name"),
    [
        ("urn:example:brief:harbour-talks", "urn-example-brief-harbour-talks.html"),
        ("a/b\\c d", "a-b-c-d.html"),
        (".hidden", "hidden.html"),
        ("..", "brief.html"),
        ("Tromsø", "Troms.html"),
        ("x" * 300, "x" * 120 + ".html"),
    ],
)
def test_file_names_are_made_of_safe_characters(brief_id: str, name: str) -> None:
    assert file_name(brief_id, ".html") == name


def test_a_split_needs_a_target_format(capsys: pytest.CaptureFixture[str]) -> None:
    bm.dump_all([A], "briefs.jsonl")
    assert main(["convert", "briefs.jsonl", "-o", "out/"]) == 2
    assert "use -t FORMAT" in capsys.readouterr().err


def test_json_lines_mixed_with_other_inputs_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bm.dump_all([A], "briefs.jsonl")
    write("one.json", B)
    assert main(["convert", "briefs.jsonl", "one.json", "-o", "out/", "-t", "html"]) == 2
    assert "convert it apart from the other inputs" in capsys.readouterr().err


def test_a_missing_json_lines_file_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "nope.jsonl", "-o", "out/", "-t", "html"]) == 1
    assert "nope.jsonl: /: error parse.unreadable: cannot read nope.jsonl" in (
        capsys.readouterr().err
    )


def test_a_json_lines_file_of_several_briefs_into_one_file_says_to_split(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bm.dump_all([A, B], "briefs.jsonl")
    assert main(["convert", "briefs.jsonl", "-o", "one.html"]) == 1
    err = capsys.readouterr().err
    assert "error jsonl.several" in err
    assert "convert it into a folder (-o DIR/)" in err
    assert not Path("one.html").exists()


def test_a_folder_is_joined_into_one_json_lines_file(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["convert", "briefs/", "-o", "all.jsonl"]) == 0
    read = list(bm.load_all("all.jsonl"))
    assert [b.id for b in read] == ["urn:example:a", with_empty_section().id, "urn:example:c"]
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "3 files, 3 converted (0 with losses), 0 failed"
    assert any("warning section.empty" in line for line in err)


def test_a_split_and_a_join_give_back_the_briefs() -> None:
    bm.dump_all([A, B, C], "briefs.jsonl")
    assert main(["convert", "briefs.jsonl", "-o", "out/", "-t", "newsml", "-q"]) == 0
    assert main(["convert", "out", "-o", "again.ndjson", "-q"]) == 0
    assert list(bm.load_all("again.ndjson")) == [A, B, C]


def test_a_join_leaves_out_what_is_invalid_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a.json", A)
    write("in/b.json", with_unknown_source())
    assert main(["convert", "in", "-o", "all.jsonl"]) == 1
    assert list(bm.load_all("all.jsonl")) == [A]
    err = capsys.readouterr().err
    assert "in/b.json: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source" in err
    assert err.endswith("2 files, 1 converted (0 with losses), 1 failed\n")


def test_a_join_to_standard_output_with_to_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a.json", A)
    write("in/b.json", B)
    assert main(["convert", "in/a.json", "in/b.json", "-t", "jsonl", "-q"]) == 0
    out = capsys.readouterr().out
    assert out == bm.dumps(A) + "\n" + bm.dumps(B) + "\n"


def test_a_folder_walk_leaves_json_lines_files_out() -> None:
    write("in/a.json", A)
    bm.dump_all([B, C], "in/more.jsonl")
    assert main(["convert", "in", "-o", "out/", "-t", "html", "-q"]) == 0
    assert [p.name for p in Path("out").iterdir()] == ["a.html"]
    assert main(["convert", "in", "-o", "in/all.jsonl", "-q"]) == 0  # not its own input
    assert list(bm.load_all("in/all.jsonl")) == [A]


def test_a_join_never_overwrites_an_input(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a.json", A)
    bm.dump_all([B], "b.jsonl")
    assert main(["convert", "in/a.json", "in/*.json", "-o", "in/a.json", "-t", "jsonl"]) == 2
    assert "refusing to overwrite the input" in capsys.readouterr().err
    assert bm.load("in/a.json") == A


def test_a_join_interrupted_writes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefmodel.cli._jsonl as cli_jsonl

    write("in/a.json", A)
    write("in/b.json", B)
    real = cli_jsonl._converted
    calls: list[int] = []

    def interrupting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_jsonl, "_converted", interrupting)
    assert main(["convert", "in", "-o", "all.jsonl"]) == 130
    assert not Path("all.jsonl").exists()
    assert list(Path().glob(".all.jsonl*")) == []
    assert capsys.readouterr().err.splitlines() == [
        "all.jsonl is not written",
        "interrupted after 2 files, 2 converted (0 with losses), 0 failed",
    ]


def test_validate_checks_a_json_lines_file_a_line_at_a_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _jsonl("briefs.jsonl", bm.dumps(A), "", "{broken", bm.dumps(with_empty_section()))
    assert main(["validate", "briefs.jsonl"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("briefs.jsonl:3:2: error parse.syntax: ")
    assert out[1].startswith("briefs.jsonl:4: warning section.empty: ")
    assert out[2] == "1 file, 1 invalid, 1 warning"


def test_validate_passes_a_good_json_lines_file(capsys: pytest.CaptureFixture[str]) -> None:
    bm.dump_all([A, B], "briefs.jsonl")
    assert main(["validate", "briefs.jsonl", "--report", "json"]) == 0
    assert '"ok": true' in capsys.readouterr().out
