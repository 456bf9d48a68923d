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
    report = json.loads(capsys.readouterr().out)
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


@pytest.mark.parametrize("command", [[], ["validate"], ["convert"], ["schema"]])
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
    assert main(["convert", "in.json", "-o", "out.txt"]) == 2
    assert "cannot tell the output format" in capsys.readouterr().err
    assert not Path("out.txt").exists()
    assert main(["convert", "in.json", "-o", "out.txt", "-t", "json"]) == 0
    assert Path("out.txt").read_text() == bm.dumps(make_brief())


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
