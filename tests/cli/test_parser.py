"""The ``briefmodel`` argument parser: usage errors, ``--version`` and the help texts."""

from __future__ import annotations

import pytest

import briefmodel as bm
from briefmodel.cli import main


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["validate", "--no-such-flag", "x.json"],
        ["validate", "-f", "no-such-format", "x.json"],
        ["validate", "--format", "xml", "x.json"],
        ["validate", "--report", "xml", "x.json"],
        ["validate", "-t", "json", "x.json"],  # validate writes nothing: no --to
        ["validate", "--url-scheme", "javascript", "x.json"],
        ["validate", "--url-scheme", "not a scheme", "x.json"],
        ["convert"],
        ["convert", "x.json", "--indent", "-2"],
        ["convert", "x.json", "--indent", "two"],
        ["convert", "x.json", "--indent", "17"],
        ["convert", "x.json", "--indent", "100000000"],
        ["convert", "x.json", "--report", "json"],  # convert reports as text only
        ["convert", "x.json", "-t", "no-such-format"],
        ["convert", "x.json", "--jobs", "-1"],
        ["convert", "x.json", "--jobs", "many"],
        ["formats", "--format", "xml"],
        ["formats", "--report", "github"],
        ["schema", "xsd"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "usage: briefmodel" in err
    assert "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"briefmodel {bm.__version__}\n"


@pytest.mark.parametrize("command", [[], ["validate"], ["convert"], ["formats"], ["schema"]])
def test_help_has_an_example(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: briefmodel")
    assert "examples:\n  briefmodel " in out


def test_help_says_the_bounds_of_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "pretty-print with N spaces, 0 to 16 (json, ninjs)" in out
    assert "at most 2 per CPU and one per 16 files" in out
    assert "up to 64 MiB each" in out
    assert main(["validate", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "A document is read up to 64 MiB" in out
    assert "skipped with a warning (input.skipped)" in out


@pytest.mark.parametrize("command", ["validate", "convert"])
def test_the_input_and_output_formats_are_spelled_alike(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "-f FORMAT, --from FORMAT" in out
    assert ("-t FORMAT, --to FORMAT" in out) is (command == "convert")
    assert ("--report" in out) is (command == "validate")
    assert "--format" not in out.split("examples:")[0]  # the older spelling, not shown


def test_the_older_spelling_of_report_still_works() -> None:
    parser = bm.cli.build_parser()
    for command, form in (("validate", "github"), ("formats", "json")):
        old = parser.parse_args(
            [command, "--format", form, *(["x"] if command == "validate" else [])]
        )
        new = parser.parse_args(
            [command, "--report", form, *(["x"] if command == "validate" else [])]
        )
        assert old.report == new.report == form
    assert parser.parse_args(["formats"]).report == "text"
