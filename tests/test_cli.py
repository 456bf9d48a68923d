"""The ``briefmodel`` command line, run in-process through ``main`` and once as a module."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import cli
from briefmodel.cli import main

CREATED = datetime(2026, 4, 7, 8, 30, tzinfo=timezone.utc)


def make_brief(**changes: object) -> bm.Brief:
    """A small valid brief with non-ASCII text, a link, a mention and a citation."""
    fields: dict[str, object] = {
        "id": "urn:example:brief:ferry-strike",
        "headline": "Ferry crews in Tromsø vote to strike",
        "created": CREATED,
        "sections": [
            bm.Section(
                title="Key Points",
                role="key-points",
                blocks=[bm.ItemList(items=["Sailings stop on Monday", "Talks resume Thursday"])],
            ),
            bm.Section(
                title="Background",
                blocks=[
                    bm.Paragraph(
                        content=[
                            "The ",
                            bm.Mention(ref="union", content=["crew union"]),
                            " rejected the offer",
                            bm.Citation(ref="s1"),
                            ". Details: ",
                            bm.Link(href="https://example.org/offer", content=["the offer"]),
                            ".",
                        ]
                    )
                ],
            ),
        ],
        "entities": [bm.Entity(id="union", kind="organization", name="Crew Union")],
        "sources": [bm.Source(id="s1", title="Union statement", url="https://example.org/s")],
    }
    fields.update(changes)
    return bm.Brief(**fields)  # type: ignore[arg-type]


def with_empty_section() -> bm.Brief:
    """A valid brief that draws one warning: its third section is empty."""
    brief = make_brief()
    return make_brief(sections=[*brief.sections, bm.Section(title="Outlook")])


def with_unknown_source() -> bm.Brief:
    """An invalid brief: the first item of the key points cites a source that is not there."""
    return make_brief(
        sections=[
            bm.Section(
                blocks=[bm.ItemList(items=[["Sailings stop", bm.Citation(ref="s9")]])],
            )
        ]
    )


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in its own directory, so file names in the output are short."""
    monkeypatch.chdir(tmp_path)


def write(name: str, brief: bm.Brief, indent: int | None = None) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(bm.dumps(brief, indent=indent), encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --------------------------------------------------------------------------------------
# validate


def test_validate_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "ok.json"]) == 0
    out, err = capsys.readouterr()
    assert out == "1 file, 0 invalid, 0 warnings\n"
    assert err == ""


def test_warnings_are_listed_but_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    assert main(["validate", "warn.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("warn.json: /sections/2: warning section.empty: ")
    assert lines[1] == "1 file, 0 invalid, 1 warning"


def test_a_rule_violation_is_reported_by_pointer(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.json", with_unknown_source())
    assert main(["validate", "bad.json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    pointer = "/sections/0/blocks/0/items/0/1/ref"  # list item 0 is rich text; node 1 cites
    assert lines[0].startswith(f"bad.json: {pointer}: error ref.unknown-source: ")
    assert "'s9'" in lines[0]
    assert lines[-1] == "1 file, 1 invalid, 0 warnings"


def test_a_syntax_error_is_reported_by_line_and_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("broken.json").write_text('{\n  "schema": "briefmodel/1",\n  oops\n}\n')
    assert main(["validate", "broken.json"]) == 1
    out = capsys.readouterr().out
    # "oops" starts at column 3 of line 3: JSON wants a quoted property name there.
    assert out.splitlines()[0].startswith("broken.json:3:3: error parse.syntax: not valid JSON")


def test_a_missing_file_is_an_invalid_input_not_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "ok.json", "missing.json"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("missing.json: /: error parse.unreadable: cannot read missing.json")
    assert lines[1] == "2 files, 1 invalid, 0 warnings"
    assert "Traceback" not in err


def test_many_files_are_summarised(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", make_brief())
    write("b.json", with_empty_section())
    write("c.json", with_unknown_source())
    Path("d.json").write_text("[]")
    assert main(["validate", "a.json", "b.json", "c.json", "d.json"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "4 files, 2 invalid, 1 warning"
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["b.json", "c.json", "d.json"]


def test_quiet_prints_the_problems_only(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    write("warn.json", with_empty_section())
    assert main(["validate", "--quiet", "ok.json"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", "-q", "warn.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warn.json: /sections/2: warning section.empty")


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    write("bad.json", with_unknown_source())
    Path("broken.json").write_text('{"schema": ')
    assert main(["validate", "--format", "json", "warn.json", "bad.json", "broken.json"]) == 1
    out = capsys.readouterr().out
    report = json.loads(out)
    assert out == json.dumps(report, indent=2) + "\n"  # streamed, laid out as one dump
    assert report["ok"] is False
    assert [(f["path"], f["ok"]) for f in report["files"]] == [
        ("warn.json", True),
        ("bad.json", False),
        ("broken.json", False),
    ]
    warn, bad, broken = (f["problems"] for f in report["files"])
    assert [(p["severity"], p["code"], p["path"]) for p in warn] == [
        ("warning", "section.empty", "/sections/2")
    ]
    assert [(p["code"], p["path"]) for p in bad] == [
        ("ref.unknown-source", "/sections/0/blocks/0/items/0/1/ref")
    ]
    assert [(p["code"], p["line"], p["column"]) for p in broken] == [("parse.syntax", 1, 12)]
    # Each problem is exactly Problem.to_dict() of what the library reports.
    assert bad == [p.to_dict() for p in bm.validate(Path("bad.json")).problems]
    assert report["summary"] == {"files": 3, "invalid": 2, "warnings": 1}


def test_json_report_of_valid_files_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "--format=json", "ok.json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["files"] == [{"path": "ok.json", "ok": True, "problems": []}]


def test_validate_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(with_unknown_source()).encode())
    assert main(["validate", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source")
    feed_stdin(monkeypatch, bm.dumps(make_brief(), indent=2).encode())
    assert main(["validate", "-"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(bm.dumps(make_brief())))  # text only
    assert main(["validate", "-"]) == 0


def test_stdin_named_twice_is_read_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(make_brief()).encode())
    assert main(["validate", "-", "-"]) == 0
    assert capsys.readouterr().out == "2 files, 0 invalid, 0 warnings\n"


def test_from_forces_the_input_format(capsys: pytest.CaptureFixture[str]) -> None:
    write("brief.data", make_brief())  # a suffix no format claims, and text that sniffs as JSON
    Path("notes.data").write_text("Ferry crews vote to strike.\n")  # sniffs as nothing
    assert main(["validate", "-q", "brief.data", "notes.data"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("notes.data: /: error format.unknown: ")
    assert main(["validate", "-f", "json", "notes.data"]) == 1
    assert "notes.data:1:1: error parse.syntax" in capsys.readouterr().out
    assert main(["validate", "--from", "json", "brief.data"]) == 0


def test_url_schemes_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    link = bm.Link(href="ftp://example.org/schedule.txt", content=["schedule"])
    write("ftp.json", make_brief(sections=[bm.Section(blocks=[bm.Paragraph(content=[link])])]))
    assert main(["validate", "ftp.json"]) == 1
    assert "error url.scheme-not-allowed" in capsys.readouterr().out
    # The schemes given replace the defaults: with ftp alone, the source's https URL fails.
    assert main(["validate", "--url-scheme", "FTP:", "ftp.json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ftp.json: /sources/0/url: error url.scheme-not-allowed: ")
    assert "'https' is not allowed here (allowed: ftp)" in lines[0]
    assert main(["validate", "--url-scheme", "ftp", "--url-scheme", "https", "ftp.json"]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["validate", "--no-such-flag", "x.json"],
        ["validate", "-f", "no-such-format", "x.json"],
        ["validate", "--format", "xml", "x.json"],
        ["validate", "--url-scheme", "javascript", "x.json"],
        ["validate", "--url-scheme", "not a scheme", "x.json"],
        ["convert"],
        ["convert", "x.json", "--indent", "-2"],
        ["convert", "x.json", "--indent", "two"],
        ["convert", "x.json", "-t", "no-such-format"],
        ["convert", "x.json", "--jobs", "-1"],
        ["convert", "x.json", "--jobs", "many"],
        ["formats", "--format", "xml"],
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


def test_format_problem_with_a_line_and_a_pointer() -> None:
    problem = bm.Problem(
        severity="error", code="x.y", message="two\nlines", path="/a/0", line=3, column=7
    )
    assert cli.format_problem("f.xml", problem) == "f.xml:3:7: error x.y: two lines (at /a/0)"
    no_column = bm.Problem(severity="warning", code="x.y", message="m", line=3)
    assert cli.format_problem("f.xml", no_column) == "f.xml:3: warning x.y: m"


# --------------------------------------------------------------------------------------
# convert


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_convert_round_trip(indent: int | None, capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief())
    argv = ["convert", "in.json", "-o", "out.json"]
    if indent is not None:
        argv += ["--indent", str(indent)]
    assert main(argv) == 0
    assert capsys.readouterr() == ("", "")
    written = Path("out.json").read_text(encoding="utf-8")
    assert written == bm.dumps(bm.load("in.json"), indent=indent)
    assert bm.loads(written) == make_brief()


def test_convert_stdin_to_stdout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(make_brief()).encode())
    assert main(["convert", "-", "-o", "-", "--indent", "2"]) == 0
    out, err = capsys.readouterr()
    assert out == bm.dumps(make_brief(), indent=2) + "\n"
    assert err == ""


def test_convert_writes_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief(), indent=3)
    assert main(["convert", "in.json"]) == 0
    assert capsys.readouterr().out == bm.dumps(make_brief()) + "\n"


def test_convert_shows_warnings_unless_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    assert main(["convert", "warn.json", "-o", "out.json"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("warn.json: /sections/2: warning section.empty")
    assert main(["convert", "-q", "warn.json", "-o", "out2.json"]) == 0
    assert capsys.readouterr() == ("", "")
    assert Path("out.json").read_text() == Path("out2.json").read_text()


@pytest.mark.parametrize("existing", [False, True])
def test_convert_of_an_invalid_brief_writes_nothing(
    existing: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("bad.json", with_unknown_source())
    if existing:
        Path("out.json").write_text("keep me")
    before = sorted(os.listdir(tmp_path))
    assert main(["convert", "bad.json", "-o", "out.json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("bad.json: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source")
    assert sorted(os.listdir(tmp_path)) == before  # no output, no temporary file
    if existing:
        assert Path("out.json").read_text() == "keep me"


def test_convert_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", "missing.json", "-o", "out.json"]) == 1
    assert "error parse.unreadable: cannot read missing.json" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("in.json", make_brief())
    Path("out.json").write_text("keep me")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert main(["convert", "in.json", "-o", "out.json"]) == 1
    assert "cannot write out.json: No space left on device" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["in.json", "out.json"]
    assert Path("out.json").read_text() == "keep me"


def test_convert_into_a_missing_directory(capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "nowhere/out.json"]) == 1
    assert "briefmodel: error: cannot write nowhere/out.json" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_convert_keeps_the_mode_of_the_file_it_replaces() -> None:
    write("in.json", make_brief())
    Path("out.json").write_text("old")
    os.chmod("out.json", 0o640)
    assert main(["convert", "in.json", "-o", "out.json"]) == 0
    assert os.stat("out.json").st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    try:
        assert main(["convert", "in.json", "-o", "new.json"]) == 0
    finally:
        os.umask(umask)
    assert os.stat("new.json").st_mode & 0o777 == 0o644  # not the 0600 of a temporary file


@pytest.mark.parametrize("spelling", ["in.json", "./in.json", "sub/../in.json", "link.json"])
def test_convert_refuses_to_overwrite_its_input(
    spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    original = bm.dumps(make_brief(), indent=2)
    Path("in.json").write_text(original)
    Path("sub").mkdir()
    Path("link.json").symlink_to("in.json")
    assert main(["convert", "in.json", "-o", spelling]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert Path("in.json").read_text() == original
    assert Path("link.json").is_symlink()


def test_convert_needs_a_known_output_format(capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.data"]) == 2
    assert "cannot tell the output format" in capsys.readouterr().err
    assert not Path("out.data").exists()
    assert main(["convert", "in.json", "-o", "out.data", "-t", "json"]) == 0
    assert Path("out.data").read_text() == bm.dumps(make_brief())


def test_convert_from_forces_the_input_format() -> None:
    write("in.data", make_brief())
    assert main(["convert", "in.data", "-f", "json", "-o", "out.json"]) == 0
    assert bm.load("out.json") == make_brief()


def test_convert_follows_a_symlinked_output() -> None:
    write("in.json", make_brief())
    Path("real.json").write_text("old")
    Path("out.json").symlink_to("real.json")
    assert main(["convert", "in.json", "-o", "out.json", "--indent", "1"]) == 0
    assert Path("out.json").is_symlink()
    assert Path("real.json").read_text() == bm.dumps(make_brief(), indent=1)


def test_indent_is_refused_for_a_format_without_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import attrs

    from briefmodel.formats import _registry, by_name

    plain = attrs.evolve(by_name("json"), name="plain", suffixes=(".plain",))
    plain = attrs.evolve(plain, write=lambda brief: brief.headline)
    monkeypatch.setitem(_registry(), "plain", plain)
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.plain", "--indent", "2"]) == 2
    assert "the plain format does not take --indent" in capsys.readouterr().err
    # A registered format is found by its suffix without any change to the command line.
    assert main(["convert", "in.json", "-o", "out.plain"]) == 0
    assert Path("out.plain").read_text() == "Ferry crews in Tromsø vote to strike"


# --------------------------------------------------------------------------------------
# schema


def test_schema_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == bm.json_schema()
    assert out == json.dumps(bm.json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_schema_to_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", "brief.schema.json"]) == 0
    assert capsys.readouterr() == ("", "")
    assert json.loads(Path("brief.schema.json").read_text()) == bm.json_schema()


# --------------------------------------------------------------------------------------
# Errors, interrupts and pipes


def test_a_library_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> dict[str, object]:
        raise bm.BriefmodelError("the schema is not available")

    monkeypatch.setattr(cli, "json_schema", broken)
    assert main(["schema"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "briefmodel: error: the schema is not available\n"


def test_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> bm.Report:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "validate", interrupted)
    assert main(["validate", "x.json"]) == 130
    assert capsys.readouterr() == ("", "")


def test_broken_pipe_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def closed(*args: object, **kwargs: object) -> bm.Report:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "validate", closed)
    assert main(["validate", "x.json"]) == 1
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------------------
# As a program


def run(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, **env},
        check=False,
    )


def test_python_dash_m() -> None:
    write("ok.json", make_brief())
    write("bad.json", with_unknown_source())
    done = run("validate", "ok.json", "bad.json")
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("bad.json: /sections/0/blocks/0/items/0/1/ref: error")
    assert lines[-1] == "2 files, 1 invalid, 0 warnings"
    assert done.stderr == b""
    done = run("convert", "-", "--indent", "2", stdin=Path("ok.json").read_bytes())
    assert done.returncode == 0
    assert done.stdout.decode() == bm.dumps(make_brief(), indent=2) + "\n"
    assert run("validate").returncode == 2


def test_output_survives_a_terminal_that_cannot_show_it() -> None:
    data = {**bm.to_dict(make_brief()), "søk": "ferje"}
    Path("bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run("validate", "bad.json", PYTHONIOENCODING="ascii")
    assert done.returncode == 1
    assert done.stderr == b""
    first = done.stdout.decode("ascii").splitlines()[0]
    assert first == (
        "bad.json: /s\\xf8k: error schema.additional-properties: unknown field 's\\xf8k'"
    )


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    paragraphs = [bm.Paragraph(content="Crews walked out at dawn. " * 40) for _ in range(400)]
    write("big.json", make_brief(sections=[bm.Section(blocks=paragraphs)]))
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "convert", "big.json", "--indent", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.read(1) == b"{"
    process.stdout.close()  # the reader goes away long before ~450 kB are written
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""
    process.stderr.close()


def test_what_the_output_format_cannot_hold_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(brief: bm.Brief, format: str = "json", **options: object) -> str:
        problem = bm.Problem(
            severity="error", code="x.cannot-hold", message="no room", path="/headline"
        )
        raise bm.ValidationError([problem])

    monkeypatch.setattr(cli, "dumps", refuse)
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.json"]) == 1
    assert capsys.readouterr().err == "in.json: /headline: error x.cannot-hold: no room\n"
    assert not Path("out.json").exists()


def test_text_that_is_not_utf8_is_not_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "dumps", lambda brief, format="json", **options: "{\ud800}")
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.json"]) == 1
    assert "U+D800" in capsys.readouterr().err
    assert not Path("out.json").exists()


def test_stdout_without_a_byte_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    write("in.json", make_brief())
    assert main(["convert", "in.json"]) == 0
    assert out.getvalue() == bm.dumps(make_brief()) + "\n"


# --------------------------------------------------------------------------------------
# Many files: directories, globs, GitHub annotations


def make_tree() -> None:
    """briefs/ with a valid brief, a brief with a warning, one in a sub-folder as
    NewsML-G2, and files a directory walk leaves out."""
    Path("briefs/sub").mkdir(parents=True)
    Path("briefs/.hidden").mkdir()
    write("briefs/a.json", make_brief(id="urn:example:a"))
    write("briefs/b.json", with_empty_section())
    Path("briefs/sub/c.xml").write_text(bm.dumps(make_brief(id="urn:example:c"), "newsml"))
    Path("briefs/notes.data").write_text("not a brief, and no format claims .data")
    write("briefs/.hidden/d.json", with_unknown_source())
    write("briefs/.e.json", with_unknown_source())


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


def test_an_xsd_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c"):
        Path(f"{name}.xml").write_text(bm.dumps(make_brief(id=f"urn:example:{name}"), "newsml"))
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    seen: list[object] = []

    def recording(*args: object, xsd: object = None, **kwargs: object) -> bm.Report:
        seen.append(xsd)
        return bm.validate(*args, xsd=xsd, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "validate", recording)
    assert (
        main(["validate", "-q", "--xsd", "xsd/newsml-profile.xsd", "a.xml", "b.xml", "c.xml"]) == 0
    )
    assert len(seen) == 3
    assert all(xsd is seen[0] for xsd in seen)
    assert type(seen[0]).__name__ == "XMLSchema"


def test_an_unusable_xsd_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.xml").write_text(bm.dumps(make_brief(), "newsml"))
    Path("not.xsd").write_text("<oops/>")
    assert main(["validate", "--xsd", "not.xsd", "a.xml"]) == 2
    assert "briefmodel: error: --xsd: cannot use the XSD 'not.xsd'" in capsys.readouterr().err


# --------------------------------------------------------------------------------------
# convert: batches


def test_convert_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["convert", "briefs", "-o", "out", "-t", "newsml"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0].startswith("briefs/b.json: /sections/2: warning section.empty")
    assert err.splitlines()[-1] == "3 files, 3 converted (0 with losses), 0 failed"
    written = sorted(p.as_posix() for p in Path("out").rglob("*"))
    assert written == ["out/a.xml", "out/b.xml", "out/sub", "out/sub/c.xml"]
    for name in ("a", "b", "sub/c"):
        source = next(Path("briefs").glob(f"{name}.*"))
        assert Path(f"out/{name}.xml").read_text() == bm.dumps(bm.load(source), "newsml")


def test_convert_named_files_into_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    argv = ["convert", "briefs/a.json", "briefs/sub/c.xml", "-o", "out", "-t", "json", "-q"]
    assert main(argv) == 0
    assert capsys.readouterr() == ("", "")
    assert sorted(os.listdir("out")) == ["a.json", "c.json"]
    assert bm.load("out/c.json") == make_brief(id="urn:example:c")
    # A glob keeps the names below its fixed part; an existing folder takes one file.
    assert main(["convert", "briefs/**/*.xml", "-o", "globbed", "-t", "html", "-q"]) == 0
    assert os.listdir("globbed") == ["sub"]
    assert os.listdir("globbed/sub") == ["c.html"]
    Path("one").mkdir()
    assert main(["convert", "briefs/a.json", "-o", "one", "-t", "ninjs", "-q"]) == 0
    assert os.listdir("one") == ["a.ninjs"]


def test_one_bad_file_does_not_stop_a_batch(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    write("briefs/sub/bad.json", with_unknown_source())
    Path("briefs/sub/broken.json").write_text('{"schema": ')
    assert main(["convert", "briefs", "-o", "out", "-t", "newsml", "-q"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(
        "briefs/sub/bad.json: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source"
    )
    assert lines[1].startswith("briefs/sub/broken.json:1:12: error parse.syntax")
    assert len(lines) == 2  # quiet: errors only, no summary
    assert sorted(p.name for p in Path("out").rglob("*.xml")) == ["a.xml", "b.xml", "c.xml"]
    assert main(["convert", "briefs", "-o", "out", "-t", "newsml"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        "5 files, 3 converted (0 with losses), 2 failed"
    )


def test_losses_are_counted_and_strict_fails_them(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/rich.json", make_brief())  # entities, sources, mentions: text cannot hold them
    plain = make_brief(
        id="urn:example:plain",
        sections=[bm.Section(title="Outlook", blocks=[bm.Paragraph(content="Talks go on.")])],
        entities=[],
        sources=[],
    )
    write("in/plain.json", plain)
    assert main(["convert", "in", "-o", "out", "-t", "text"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "in/rich.json: /entities: warning text.dropped: the entities is not written"
    assert err[-1] == "2 files, 2 converted (1 with losses), 0 failed"
    assert sorted(os.listdir("out")) == ["plain.txt", "rich.txt"]
    assert main(["convert", "in", "-o", "strict", "-t", "text", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "in/rich.json: /entities: error text.dropped: the entities is not written"
    assert err[-1] == "2 files, 1 converted (0 with losses), 1 failed"
    assert os.listdir("strict") == ["plain.txt"]


def test_a_single_file_with_losses(capsys: pytest.CaptureFixture[str]) -> None:
    write("rich.json", make_brief())
    assert main(["convert", "rich.json", "-o", "rich.txt"]) == 0
    assert "rich.json: /sources: warning text.dropped" in capsys.readouterr().err
    assert main(["convert", "rich.json", "-o", "strict.txt", "--strict"]) == 1
    assert "rich.json: /sources: error text.dropped" in capsys.readouterr().err
    assert not Path("strict.txt").exists()


def test_a_batch_never_overwrites_an_input(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    before = {p: p.read_bytes() for p in Path("briefs").rglob("*") if p.is_file()}
    assert main(["convert", "briefs", "-o", "briefs", "-t", "json", "-q"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "briefs/a.json: /: error convert.overwrites-input: "
        "refusing to overwrite the input briefs/a.json",
        "briefs/b.json: /: error convert.overwrites-input: "
        "refusing to overwrite the input briefs/b.json",
    ]
    assert {p: p.read_bytes() for p in before} == before
    # The NewsML-G2 file became briefs/sub/c.json beside it: a new file, not an input.
    assert bm.load("briefs/sub/c.json") == make_brief(id="urn:example:c")
    # Named files: b.xml would be written over a.xml's output's neighbour a.xml, an input.
    Path("x").mkdir()
    write("x/a.json", make_brief())
    Path("x/a.xml").write_text("<not-touched/>")
    assert main(["convert", "x/a.json", "x/a.xml", "-o", "x", "-t", "newsml", "-q"]) == 1
    assert "refusing to overwrite the input x/a.xml" in capsys.readouterr().err
    assert Path("x/a.xml").read_text() == "<not-touched/>"


def test_two_inputs_with_one_output(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a.json", make_brief())
    Path("in/a.xml").write_text(bm.dumps(make_brief(headline="From XML"), "newsml"))
    assert main(["convert", "in", "-o", "out", "-t", "html", "-q"]) == 1
    assert capsys.readouterr().err == (
        "in/a.xml: /: error convert.same-output: out/a.html is already the output of in/a.json\n"
    )
    assert bm.load("out/a.html").headline == make_brief().headline


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


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "a.json", "b.json", "-t", "json"], "pass -o DIRECTORY"),
        (["convert", "a.json", "b.json", "-o", "out"], "pass -t FORMAT"),
        (["convert", "a.json", "-", "-o", "out", "-t", "json"], "standard input (-)"),
        (["convert", "a.json", "b.json", "-o", "a.json", "-t", "json"], "is a file"),
    ],
)
def test_batch_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.json", make_brief())
    write("b.json", make_brief())
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert sorted(os.listdir()) == ["a.json", "b.json"]


def test_jobs_convert_the_same_in_parallel(capsys: pytest.CaptureFixture[str]) -> None:
    Path("in").mkdir()
    for number in range(40):
        brief = make_brief(id=f"urn:example:{number}")
        write(f"in/{number:02d}.json", brief if number != 17 else with_unknown_source())
    assert main(["convert", "in", "-o", "one", "-t", "newsml"]) == 1
    serial = capsys.readouterr().err
    assert main(["convert", "in", "-o", "two", "-t", "newsml", "--jobs", "2"]) == 1
    assert capsys.readouterr().err == serial  # the same reports, in the same order
    assert serial.splitlines()[-1] == "40 files, 39 converted (0 with losses), 1 failed"
    assert sorted(os.listdir("one")) == sorted(os.listdir("two"))
    for name in os.listdir("one"):
        assert Path("one", name).read_bytes() == Path("two", name).read_bytes()


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


def test_an_interrupted_batch_leaves_no_partial_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("in").mkdir()
    for number in range(5):
        write(f"in/{number}.json", make_brief(id=f"urn:example:{number}"))
    replace = os.replace
    calls: list[str] = []

    def interrupted(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:  # Ctrl-C while the third output is being put in place
            raise KeyboardInterrupt
        replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    assert main(["convert", "in", "-o", "out", "-t", "newsml"]) == 130
    assert capsys.readouterr().err == (
        "interrupted after 2 files, 2 converted (0 with losses), 0 failed\n"
    )
    assert sorted(os.listdir("out")) == ["0.xml", "1.xml"]  # no temporary file left
    assert bm.load("out/1.xml") == make_brief(id="urn:example:1")


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_on_parallel_workers_leaves_no_partial_file() -> None:
    import signal
    import time

    Path("in").mkdir()
    text = bm.dumps(make_brief())
    for number in range(2000):
        Path(f"in/{number:04d}.json").write_text(text.replace("ferry-strike", f"n{number}"))
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "convert", "in", "-o", "out", "-t", "html", "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if Path("out").is_dir() and len(os.listdir("out")) >= 20:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert out == b""
    assert err.decode().startswith("interrupted after ")
    assert b"Traceback" not in err
    written = os.listdir("out")
    assert 20 <= len(written) < 2000
    assert all(name.endswith(".html") and not name.startswith(".") for name in written)
    for name in written:
        assert bm.load(Path("out", name)).headline == make_brief().headline


def test_convert_file_and_its_result_pickle(tmp_path: Path) -> None:
    import pickle

    write("a.json", make_brief())
    result = cli.convert_file(Path("a.json"), Path("deep/er/a.xml"), sync=False)
    assert result.ok
    assert result.problems == ()
    assert bm.load("deep/er/a.xml") == make_brief()
    assert pickle.loads(pickle.dumps(result)) == result
    assert pickle.loads(pickle.dumps(cli.convert_file)) is cli.convert_file
    missing = cli.convert_file("missing.json", "out.json")
    assert not missing.ok
    assert [p.code for p in missing.problems] == ["parse.unreadable"]
    same = cli.convert_file("a.json", "./a.json")
    assert [p.code for p in same.problems] == ["convert.overwrites-input"]
    lossy = cli.convert_file("a.json", "a.txt")
    assert lossy.ok
    assert {p.code for p in lossy.losses} == {"text.dropped"}
    assert lossy.losses == lossy.warnings


def test_a_crash_on_one_file_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("in/a.json", make_brief())
    write("in/b.json", make_brief(headline="Boom"))
    real = cli.dumps

    def buggy(brief: bm.Brief, format: str = "json", **options: object) -> str:
        if brief.headline == "Boom":
            raise RuntimeError("a bug in a writer")
        return real(brief, format, **options)

    monkeypatch.setattr(cli, "dumps", buggy)
    assert main(["convert", "in", "-o", "out", "-t", "json", "-q"]) == 1
    assert capsys.readouterr().err == (
        "in/b.json: /: error convert.crashed: internal error: RuntimeError: a bug in a writer\n"
    )
    assert os.listdir("out") == ["a.json"]


# --------------------------------------------------------------------------------------
# formats and schema newsml


def test_formats_lists_every_registered_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import attrs

    from briefmodel.formats import _registry, by_name

    plain = attrs.evolve(by_name("json"), name="plain", suffixes=(".plain",), description="P")
    monkeypatch.setitem(_registry(), "plain", plain)
    assert main(["formats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "FORMAT",
        "READ",
        "WRITE",
        "SUFFIXES",
        "MEDIA",
        "TYPE",
        "DESCRIPTION",
    ]
    assert [line.split()[0] for line in lines[1:]] == list(bm.formats())
    assert lines[-1].split() == ["plain", "yes", "yes", ".plain", "application/json", "P"]
    assert main(["formats", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["name"] for f in listed] == list(bm.formats())
    assert listed[0] == {
        "name": "json",
        "read": True,
        "write": True,
        "suffixes": [".json"],
        "media_type": "application/json",
        "description": by_name("json").description,
    }


def test_schema_newsml(capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    from briefmodel.formats import newsml

    assert main(["schema", "newsml"]) == 0
    out = capsys.readouterr().out
    packaged = Path(newsml.__file__).parent.parent / "schemas" / "newsml-profile.xsd"
    assert out == packaged.read_text("utf-8")
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    names = sorted(os.listdir("xsd"))
    assert names == [
        "newsml-profile-bm.xsd",
        "newsml-profile-xhtml.xsd",
        "newsml-profile-xml.xsd",
        "newsml-profile.xsd",
    ]
    schema = etree.XMLSchema(etree.parse("xsd/newsml-profile.xsd"))
    assert schema.validate(etree.fromstring(bm.dumps(make_brief(), "newsml").encode()))
    assert main(["schema", "newsml", "-o", "elsewhere.xsd"]) == 0
    assert Path("elsewhere.xsd").read_text() == out
    assert Path("newsml-profile-bm.xsd").is_file()  # the imports beside it


def test_what_a_writer_warns_about_is_a_loss(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    import attrs

    from briefmodel.formats import _registry, by_name

    def headline_only(brief: bm.Brief) -> str:
        warnings.warn("the sections are not written", bm.BriefmodelWarning, stacklevel=2)
        return brief.headline

    plain = attrs.evolve(by_name("json"), name="plain", suffixes=(".plain",), write=headline_only)
    monkeypatch.setitem(_registry(), "plain", plain)
    write("in/a.json", make_brief())
    assert main(["convert", "in", "-o", "out", "-t", "plain"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "in/a.json: /: warning plain.dropped: not written as plain: the sections are not written",
        "1 file, 1 converted (1 with losses), 0 failed",
    ]
    assert Path("out/a.plain").read_text() == make_brief().headline
    assert main(["convert", "in", "-o", "strict", "-t", "plain", "--strict"]) == 1
    assert "error plain.dropped" in capsys.readouterr().err
    assert not Path("strict").exists()


def test_an_unwritable_output_fails_that_file_only(capsys: pytest.CaptureFixture[str]) -> None:
    write("in/a.json", make_brief())
    write("in/b.json", make_brief())
    Path("out/a.xml").mkdir(parents=True)  # a folder where the output should go
    assert main(["convert", "in", "-o", "out", "-t", "newsml", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("in/a.json: /: error convert.unwritable: cannot write out/a.xml: ")
    assert len(err.splitlines()) == 1
    assert bm.load("out/b.xml") == make_brief()
    assert os.listdir("out/a.xml") == []  # and no temporary file beside it
    assert sorted(os.listdir("out")) == ["a.xml", "b.xml"]


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


def test_xsd_for_a_document_that_is_not_xml(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", make_brief())
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    assert main(["validate", "--xsd", "xsd/newsml-profile.xsd", "a.json"]) == 2
    assert "--xsd: xsd= applies to XML documents, not to json" in capsys.readouterr().err


def test_convert_file_needs_a_format_it_can_tell() -> None:
    write("a.json", make_brief())
    result = cli.convert_file("a.json", "a.data")
    assert not result.ok
    assert [p.code for p in result.problems] == ["format.unknown"]
    assert not Path("a.data").exists()
