"""The conversion of one file: ``convert_file`` and its result, what an output format
cannot hold, a writer's warnings and crashes, and an unwritable output."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel import cli
from briefmodel.cli import conversion, main
from briefmodel.formats import _registry

from ._support import make_brief, write


def test_what_the_output_format_cannot_hold_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(brief: bm.Brief, format: str = "json", **options: object) -> bytes:
        problem = bm.Problem(
            severity="error", code="x.cannot-hold", message="no room", path="/headline"
        )
        raise bm.ValidationError([problem])

    monkeypatch.setattr(conversion, "dumpb", refuse)
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-o", "out.json"]) == 1
    assert capsys.readouterr().err == "in.json: /headline: error x.cannot-hold: no room\n"
    assert not Path("out.json").exists()


def test_text_that_is_not_utf8_is_not_written(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("in.json", make_brief())
    odd = attrs.evolve(bm.formats.by_name("json"), write=lambda brief, **options: "{\ud800}")
    monkeypatch.setitem(_registry(), "json", odd)  # a writer that writes a lone surrogate
    assert main(["convert", "in.json", "-o", "out.json"]) == 1
    assert "U+D800" in capsys.readouterr().err
    assert not Path("out.json").exists()


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
    real = conversion.dumpb

    def buggy(brief: bm.Brief, format: str = "json", **options: object) -> bytes:
        if brief.headline == "Boom":
            raise RuntimeError("a bug in a writer")
        return real(brief, format, **options)

    monkeypatch.setattr(conversion, "dumpb", buggy)
    assert main(["convert", "in", "-o", "out", "-t", "json", "-q"]) == 1
    assert capsys.readouterr().err == (
        "in/b.json: /: error convert.crashed: internal error: RuntimeError: a bug in a writer\n"
    )
    assert os.listdir("out") == ["a.json"]


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


def test_convert_file_needs_a_format_it_can_tell() -> None:
    write("a.json", make_brief())
    result = cli.convert_file("a.json", "a.data")
    assert not result.ok
    assert [p.code for p in result.problems] == ["format.unknown"]
    assert not Path("a.data").exists()


def test_convert_file_with_an_unknown_output_format_says_so() -> None:
    write("a.json", make_brief())
    result = cli.convert_file("a.json", "a.data", to="nope")
    assert [p.code for p in result.problems] == ["format.unknown"]
    assert "unknown format 'nope'" in result.problems[0].message
    assert not Path("a.data").exists()
