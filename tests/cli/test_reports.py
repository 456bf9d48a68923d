"""The report writers: problems as text lines and as GitHub Actions annotations, with
what a file name or a document holds (line breaks, control characters, ANSI escapes,
bidirectional overrides) escaped, so that it can neither forge a line nor drive the
terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import cli
from briefmodel.cli import main
from briefmodel.cli._terminal import UNSAFE

from ._support import with_empty_section, with_unknown_source, write


def test_format_problem_with_a_line_and_a_pointer() -> None:
    problem = bm.Problem(
        severity="error", code="x.y", message="two\nlines", path="/a/0", line=3, column=7
    )
    assert cli.format_problem("f.xml", problem) == "f.xml:3:7: error x.y: two\\nlines (at /a/0)"
    no_column = bm.Problem(severity="warning", code="x.y", message="m", line=3)
    assert cli.format_problem("f.xml", no_column) == "f.xml:3: warning x.y: m"


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    write("bad.json", with_unknown_source())
    Path("broken.json").write_text('{\n  "schema": \n')
    assert main(["validate", "--report", "github", "warn.json", "bad.json", "broken.json"]) == 1
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


#: What a name or a document may hold to forge a line or drive a terminal, each with how
#: the reports show it.
HOSTILE = [
    ("\n", "\\n"),  # a line break: a report line of its own
    ("\r", "\\r"),  # a carriage return: overwrites the line on a terminal
    ("\x1b[2J", "\\u001b[2J"),  # ANSI: clears the screen
    ("\x1b]0;pwned\x07", "\\u001b]0;pwned\\u0007"),  # OSC: sets the window title
    ("\x9b31m", "\\u009b31m"),  # C1 CSI, which some terminals take for ESC [
    ("\u202e", "\\u202e"),  # right-to-left override
    ("\u2066", "\\u2066"),  # left-to-right isolate
    ("\u200f", "\\u200f"),  # right-to-left mark
    ("\u2028", "\\u2028"),  # line separator
    ("\x7f", "\\u007f"),  # DEL
    ("\x00", "\\u0000"),
    ("\t", "\\t"),
    ("\udcff", "\\udcff"),  # an undecodable byte of a file name
]


@pytest.mark.parametrize(("hostile", "shown"), HOSTILE)
def test_the_text_report_escapes_names_messages_pointers_and_codes(
    hostile: str, shown: str
) -> None:
    problem = bm.Problem(
        severity="error", code=f"x{hostile}.y", message=f"m{hostile}m", path=f"/k{hostile}"
    )
    line = cli.format_problem(f"a{hostile}b.json", problem)
    assert line == f'"a{shown}b.json": /k{shown}: error x{shown}.y: m{shown}m'
    with_line = bm.Problem(severity="error", code="x.y", message=f"m{hostile}", path="/p", line=2)
    assert (
        cli.format_problem(f"a{hostile}", with_line) == f'"a{shown}":2: error x.y: m{shown} (at /p)'
    )


@pytest.mark.parametrize(("hostile", "shown"), HOSTILE)
def test_github_annotations_escape_what_a_terminal_acts_on(hostile: str, shown: str) -> None:
    problem = bm.Problem(severity="warning", code="x.y", message=f"m{hostile}m")
    annotation = cli.format_github(f"a{hostile}.json", problem)
    assert len(annotation.splitlines()) == 1
    assert not UNSAFE.search(annotation)
    if hostile not in ("\n", "\r"):  # those GitHub escapes its own way, as %0A and %0D
        assert annotation == f"::warning file=a{shown}.json,title=x.y::m{shown}m"


@pytest.mark.parametrize(
    "name",
    ["briefs/a.json", "C:\\briefs\\a.json", "Tromsø/ناقل.json", "a b.json", "it's.json"],
)
def test_a_plain_name_is_shown_as_it_is(name: str) -> None:
    problem = bm.Problem(severity="error", code="x.y", message="m")
    assert cli.format_problem(name, problem) == f"{name}: /: error x.y: m"


def test_a_name_that_looks_quoted_is_quoted_so_none_is_ambiguous() -> None:
    problem = bm.Problem(severity="error", code="x.y", message="m")
    forged = cli.format_problem('"a\\nb.json"', problem)  # the name is: "a\nb.json"
    real = cli.format_problem("a\nb.json", problem)
    assert forged != real
    assert json.loads(forged.split(": ")[0]) == '"a\\nb.json"'
    assert json.loads(real.split(": ")[0]) == "a\nb.json"


@pytest.mark.skipif(os.name != "posix", reason="file names with line breaks and escapes")
def test_validate_reports_a_hostile_name_and_document_on_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The issue's case, ``a\\nb.json``, and a document whose unknown field (quoted in the
    JSON Pointer of its problem) holds a line break, an ANSI escape and an override."""
    data = json.loads(bm.dumps(with_empty_section()))
    data["\x1b[2J\u202eevil\nb.json: /: error forged: line"] = 1
    name = "a\nb.json: - error forged.code: a forged line\x1b[2J.json"
    Path(name).write_text(json.dumps(data))
    assert main(["validate", name]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2  # the unknown field, the summary
    assert lines[0].startswith(json.dumps(name) + ": /\\u001b[2J\\u202eevil\\nb.json: ~1: ")
    assert lines[0].endswith(
        ": error schema.additional-properties: unknown field "
        "'\\x1b[2J\\u202eevil\\nb.json: /: error forged: line'"
    )
    assert lines[1] == "1 file, 1 invalid, 0 warnings"
    assert not UNSAFE.search(out.replace("\n", ""))
    assert main(["validate", name, "--format", "github"]) == 1
    github = capsys.readouterr().out
    assert len(github.splitlines()) == 2
    assert not UNSAFE.search(github.replace("\n", ""))
    assert main(["validate", name, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)  # escaped by JSON itself, and exact
    assert report["files"][0]["path"] == name


@pytest.mark.skipif(os.name != "posix", reason="file names with line breaks and escapes")
def test_convert_reports_a_hostile_name_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a\x1b[31m\nb.json", with_unknown_source())
    write("in/ok.json", with_empty_section())
    assert main(["convert", "in", "-o", "out", "-t", "html"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        '"in/a\\u001b[31m\\nb.json": /sections/0/blocks/0/items/0/1/ref: error '
        "ref.unknown-source: 's9' is not the id of a source",
        "in/ok.json: /sections/2: warning section.empty: "
        "the section has no blocks and no subsections",
        "2 files, 1 converted (0 with losses), 1 failed",
    ]
    assert main(["convert", "in/a\x1b[31m\nb.json", "-o", "-", "-t", "html"]) == 1
    assert capsys.readouterr().err.startswith('"in/a\\u001b[31m\\nb.json": /sections/')


def test_an_error_message_is_escaped_and_cannot_forge_a_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("in.json", with_empty_section())
    target = "no\x1b[2Jwhere\nbriefmodel: error: forged/out.json"
    assert main(["convert", "in.json", "-o", target, "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefmodel: error: cannot write no\\u001b[2Jwhere\\nbriefmodel: ")
    assert len(err.splitlines()) == 1
