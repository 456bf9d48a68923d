"""``briefmodel convert``: one file to a file or stdout, and batches of files, directories
and globs into a directory."""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

import pytest

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.formats import Format

from ._support import (
    feed_stdin,
    make_brief,
    make_tree,
    with_empty_section,
    with_unknown_source,
    write,
)


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

    def fail(*args: object, **kwargs: object) -> None:
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


@pytest.mark.parametrize("dangling", [False, True])
def test_convert_never_writes_through_a_symlinked_output(
    dangling: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    write("in.json", make_brief())
    Path("outside").mkdir()
    if not dangling:
        Path("outside/real.json").write_text("old")
    Path("out.json").symlink_to("outside/real.json")
    assert main(["convert", "in.json", "-o", "out.json", "--indent", "1"]) == 1
    assert capsys.readouterr().err == (
        "briefmodel: error: output.symlink: out.json is a symbolic link: briefmodel never "
        "writes through one (remove the link, or name the place it leads to)\n"
    )
    assert Path("out.json").is_symlink()
    assert os.listdir("outside") == ([] if dangling else ["real.json"])
    if not dangling:
        assert Path("outside/real.json").read_text() == "old"
    assert sorted(os.listdir()) == ["in.json", "out.json", "outside"]


def test_a_batch_never_writes_through_a_symlink_in_its_output_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A link to a file elsewhere, a dangling one, and a link to a folder elsewhere, each
    where an output of the batch goes: refused, file by file; the rest is converted."""
    for name in ("a", "b", "c", "sub/d", "e"):
        write(f"in/{name}.json", make_brief(id=f"urn:example:{name.replace('/', '-')}"))
    Path("outside").mkdir()
    Path("outside/victim.html").write_text("keep me")
    Path("out").mkdir()
    Path("out/a.html").symlink_to("../outside/victim.html")
    Path("out/b.html").symlink_to("../outside/new.html")
    Path("out/sub").symlink_to("../outside")
    assert main(["convert", "in", "-o", "out", "-t", "html", "-q"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "in/a.json: /: error output.symlink: out/a.html is a symbolic link: briefmodel never "
        "writes through one (remove the link, or name the place it leads to)",
        "in/b.json: /: error output.symlink: out/b.html is a symbolic link: briefmodel never "
        "writes through one (remove the link, or name the place it leads to)",
        "in/sub/d.json: /: error output.symlink: out/sub is a symbolic link on the way to "
        "out/sub/d.html: briefmodel never writes through one (remove the link, or name the "
        "place it leads to)",
    ]
    assert sorted(os.listdir("outside")) == ["victim.html"]
    assert Path("outside/victim.html").read_text() == "keep me"
    assert sorted(os.listdir("out")) == ["a.html", "b.html", "c.html", "e.html", "sub"]
    assert bm.load("out/c.html").id == "urn:example:c"


def test_an_output_named_with_dotdot_stays_in_its_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A glob with ``..`` after its fixed part names files whose paths below it climb
    out of it: their outputs would land outside the output folder, so are refused."""
    write("in/x/keep.json", make_brief())
    write("elsewhere/a.json", make_brief())
    assert main(["convert", "in/*/../../elsewhere/*.json", "-o", "out", "-t", "html"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "in/x/../../elsewhere/a.json: /: error output.outside: "
        "out/../elsewhere/a.html would be outside the output folder out",
        "1 file, 0 converted (0 with losses), 1 failed",
    ]
    assert sorted(os.listdir("elsewhere")) == ["a.json"]
    assert not Path("out").exists()


def test_a_hard_link_to_an_input_is_not_overwritten(capsys: pytest.CaptureFixture[str]) -> None:
    original = bm.dumps(make_brief())
    write("in/a.json", make_brief())
    Path("out").mkdir()
    os.link("in/a.json", "out/a.json")
    assert main(["convert", "in", "-o", "out", "-t", "json", "--indent", "2", "-q"]) == 1
    assert "error convert.overwrites-input" in capsys.readouterr().err
    assert main(["convert", "in/a.json", "-o", "out/a.json", "--indent", "2"]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert Path("in/a.json").read_text() == original


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
# Batches


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
    assert err[0] == "in/rich.json: /entities: warning text.dropped: the entity is not written"
    assert err[-1] == "2 files, 2 converted (1 with losses), 0 failed"
    assert sorted(os.listdir("out")) == ["plain.txt", "rich.txt"]
    assert main(["convert", "in", "-o", "strict", "-t", "text", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "in/rich.json: /entities: error text.dropped: the entity is not written"
    assert err[-1] == "2 files, 1 converted (0 with losses), 1 failed"
    assert os.listdir("strict") == ["plain.txt"]


def test_a_single_file_with_losses(capsys: pytest.CaptureFixture[str]) -> None:
    write("rich.json", make_brief())
    assert main(["convert", "rich.json", "-o", "rich.txt"]) == 0
    assert "rich.json: /sources: warning text.dropped" in capsys.readouterr().err
    assert main(["convert", "rich.json", "-o", "strict.txt", "--strict"]) == 1
    assert "rich.json: /sources: error text.dropped" in capsys.readouterr().err
    assert not Path("strict.txt").exists()


def test_many_losses_are_summarised_and_strict_lists_them_all(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rich = make_brief(keywords=["fares", "buses"], genre="brief", urgency=3, version=2)
    losses = bm.formats.by_name("text").losses
    assert losses is not None
    lost = len(losses(rich))
    assert lost > 5
    write("rich.json", rich)
    write("in/rich.json", rich)
    assert main(["convert", "rich.json", "-o", "rich.txt"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 6
    assert all(": warning text.dropped: " in line for line in err[:5])
    assert err[5] == (
        f"rich.json: … and {lost - 5} more losses, {lost} in all "
        "(--strict lists each one, and writes nothing)"
    )
    assert main(["convert", "in", "-o", "out", "-t", "text"]) == 0  # a batch: the same
    assert capsys.readouterr().err.splitlines()[5:] == [
        err[5].replace("rich.json", "in/rich.json"),
        "1 file, 1 converted (1 with losses), 0 failed",
    ]
    assert main(["convert", "rich.json", "-o", "strict.txt", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == lost
    assert all(": error text.dropped: " in line for line in err)


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


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "a.json", "b.json", "-t", "json"], "use -o DIRECTORY"),
        (["convert", "a.json", "b.json", "-o", "out"], "use -t FORMAT"),
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


def test_an_interrupted_batch_leaves_no_partial_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("in").mkdir()
    for number in range(5):
        write(f"in/{number}.json", make_brief(id=f"urn:example:{number}"))
    replace = os.replace
    calls: list[str] = []

    def interrupted(src: str, dst: str, **kwargs: int) -> None:
        calls.append(dst)
        if len(calls) == 3:  # Ctrl-C while the third output is being put in place
            raise KeyboardInterrupt
        replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", interrupted)
    assert main(["convert", "in", "-o", "out", "-t", "newsml"]) == 130
    assert capsys.readouterr().err == (
        "interrupted after 2 files, 2 converted (0 with losses), 0 failed\n"
    )
    assert sorted(os.listdir("out")) == ["0.xml", "1.xml"]  # no temporary file left
    assert bm.load("out/1.xml") == make_brief(id="urn:example:1")


# --------------------------------------------------------------------------------------
# Bounded options: --jobs and --indent


class _CountingPool(ProcessPoolExecutor):
    """A process pool that records how many processes it was asked for (and starts
    no more than 4, whatever that was, so that a regression does not flood the test
    machine with processes)."""

    asked: ClassVar[list[int]] = []

    def __init__(self, max_workers: int, **kwargs: Any) -> None:
        self.asked.append(max_workers)
        super().__init__(max_workers=min(max_workers, 4), **kwargs)


@pytest.mark.parametrize(
    ("files", "jobs", "cpus", "started"),
    [
        (40, "400", 2, 3),  # 40 files go out in 3 chunks of 16: 3 processes, not 400
        (40, "400", 64, 3),
        (200, "400", 2, 4),  # at most 2 per CPU
        (200, "3", 2, 3),
        (200, "0", 2, 2),  # 0: one per CPU
        (10, "2", 2, None),  # one chunk: converted here, no process started
    ],
)
def test_jobs_start_no_more_processes_than_can_work(
    files: int,
    jobs: str,
    cpus: int,
    started: int | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(_CountingPool, "asked", [])
    # (_pool imports the executor when it starts a pool, not with the command line)
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", _CountingPool)
    monkeypatch.setattr("briefmodel.cli.convert._cpus", lambda: cpus)
    for index in range(files):
        write(f"in/b{index:03}.json", make_brief())
    assert main(["convert", "in", "-o", "out", "-t", "json", "--jobs", jobs]) == 0
    assert _CountingPool.asked == ([] if started is None else [started])
    summary = f"{files} files, {files} converted (0 with losses), 0 failed\n"
    assert capsys.readouterr().err == summary
    assert len(os.listdir("out")) == files


@pytest.mark.parametrize("indent", ["17", "100000000", "-1"])
def test_a_huge_indent_is_a_usage_error(indent: str, capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "--indent", indent]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"argument --indent: the indent is 0 to 16 spaces, not {indent}" in err


def test_the_widest_indent(capsys: pytest.CaptureFixture[str]) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "--indent", "16", "-t", "ninjs"]) == 0
    assert capsys.readouterr().out == bm.dumps(make_brief(), "ninjs", indent=16) + "\n"


# --------------------------------------------------------------------------------------
# Advice in the command line's terms


def test_unknown_input_formats_are_told_as_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("notes.data").write_text("\x00 not a brief")
    names = ", ".join(bm.formats())
    advice = f"use --from FORMAT (one of {names})"
    assert main(["convert", "notes.data"]) == 1
    assert capsys.readouterr().err == (
        f"notes.data: /: error format.unknown: cannot tell the format of 'notes.data'; {advice}\n"
    )
    feed_stdin(monkeypatch, b"\x00 not a brief")
    assert main(["convert", "-"]) == 1
    err = capsys.readouterr().err
    assert err == f"<stdin>: /: error format.unknown: cannot tell the format; {advice}\n"
    write("a.json", make_brief())
    assert main(["convert", "a.json", "b.json", "-o", "out", "-t", "ninjs", "-f", "ninjs"]) == 1
    err = capsys.readouterr().err
    assert "this is briefmodel's canonical JSON; read it with --from json" in err
    assert "format=" not in err


def test_convert_lenient_writes_what_lenient_reading_repairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        "schema": "briefmodel/2",
        "id": "urn:example:ferry",
        "headline": "Ferry timetable changes",
        "created": "2026-05-01T06:00:00Z",
        "sections": [
            {"blocks": [{"type": "paragraph", "content": [
                {"type": "link", "href": "timetable.html", "content": "The new timetable"},
                " starts in June.",
            ]}]}
        ],
    }  # fmt: skip
    source = tmp_path / "ferry.json"
    source.write_text(json.dumps(data), "utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "strict.md")]) == 1
    assert not (tmp_path / "strict.md").exists()
    assert main(["convert", "--lenient", str(source), "-o", str(tmp_path / "ferry.md")]) == 0
    assert "repair.link-unlinked" in capsys.readouterr().err
    brief = bm.load(tmp_path / "ferry.md")
    assert brief.plain_text().endswith("The new timetable starts in June.")


def test_convert_writes_a_binary_format_as_it_is(
    zipped: Format, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.json.gz"]) == 0
    assert Path("out.json.gz").read_bytes() == bm.dumpb(make_brief(), "zipped")
    assert main(["convert", "in.json", "--to", "zipped", "-o", "-"]) == 0
    assert capsysbinary.readouterr().out == bm.dumpb(make_brief(), "zipped")  # no line break


def test_convert_writes_no_binary_format_to_a_terminal(
    zipped: Format, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("in.json", make_brief())
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["convert", "in.json", "--to", "zipped"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "a zipped document is bytes, not written to a terminal" in err


def test_a_pdf_in_a_folder_of_briefs_is_not_taken_for_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A PDF is written from a brief, not read: one written into the folder (or left there)
    # is not picked as an input, where it would fail to read (format.write-only).
    write("in/a.json", make_brief())
    Path("in/a.pdf").write_bytes(b"%PDF-1.7\n")
    assert main(["convert", "in", "-o", "out/", "-t", "markdown"]) == 0
    assert sorted(p.name for p in Path("out").iterdir()) == ["a.md"]
    assert main(["convert", "in/a.pdf", "-o", "b.json"]) == 1  # named, it is read: and refused
    assert "format.write-only" in capsys.readouterr().err
