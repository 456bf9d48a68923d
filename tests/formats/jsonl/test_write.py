"""JSON Lines writing: a line of compact canonical JSON per brief, taken as it comes,
to a stream or atomically to a file, a bad item named by its index."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import briefmodel as bm
from briefmodel.formats import jsonl
from briefmodel.testing import briefs

from ._support import brief, line


@settings(deadline=None)
@given(briefs())
def test_a_brief_is_one_line_of_compact_canonical_json(written: bm.Brief) -> None:
    text = bm.dumps(written, "jsonl")
    assert text == bm.dumps(written) + "\n"
    assert text.count("\n") == 1
    assert bm.loads(text, "jsonl") == written


def test_dump_all_writes_a_line_per_brief_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"
    assert bm.dump_all((brief(n) for n in range(3)), path) == 3
    assert path.read_bytes() == "".join(line(n) + "\n" for n in range(3)).encode("utf-8")


def test_dump_all_takes_a_text_or_a_binary_stream_and_leaves_it_open() -> None:
    text, binary = io.StringIO(), io.BytesIO()
    assert bm.dump_all([brief(0), brief(1)], text) == 2
    assert bm.dump_all([brief(0), brief(1)], binary) == 2
    assert text.getvalue() == line(0) + "\n" + line(1) + "\n"
    assert binary.getvalue() == text.getvalue().encode("utf-8")
    assert not text.closed


def test_dump_all_of_no_brief_writes_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    assert bm.dump_all([], path) == 0
    assert path.read_bytes() == b""
    assert list(bm.load_all(path)) == []


def test_briefs_are_taken_as_they_are_written() -> None:
    stream = io.StringIO()
    taken: list[int] = []

    def produced() -> Iterator[bm.Brief]:
        for n in range(3):
            assert stream.getvalue().count("\n") == n  # the ones before are written
            taken.append(n)
            yield brief(n)

    bm.dump_all(produced(), stream)
    assert taken == [0, 1, 2]


def _failing_after(count: int) -> Iterator[bm.Brief]:
    for n in range(count):
        yield brief(n)
    raise RuntimeError("the source failed")


def test_a_failure_half_way_leaves_no_file_and_an_old_one_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"
    with pytest.raises(RuntimeError, match="the source failed"):
        bm.dump_all(_failing_after(2), path)
    assert list(tmp_path.iterdir()) == []
    path.write_text("old\n")
    with pytest.raises(RuntimeError):
        bm.dump_all(_failing_after(2), path)
    assert path.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left beside it


def test_a_signal_half_way_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"

    def interrupted() -> Iterator[bm.Brief]:
        yield brief(0)
        os.kill(os.getpid(), signal.SIGINT)
        yield brief(1)
        yield brief(2)

    with pytest.raises(KeyboardInterrupt):
        bm.dump_all(interrupted(), path)
    assert list(tmp_path.iterdir()) == []


def test_what_is_not_a_brief_is_named_by_its_index(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"
    with pytest.raises(bm.OptionError, match=r"^briefs\[1\]: expected a Brief, got dict"):
        bm.dump_all([brief(0), {"id": "x"}], path)
    assert not path.exists()


def test_a_brief_that_cannot_be_written_is_named_by_its_index(tmp_path: Path) -> None:
    lone = bm.Brief(id="urn:x:lone", headline="H\ud800", sections=[bm.Section()])
    with pytest.raises(bm.ValidationError, match=r"brief 1 \(urn:x:lone\)") as caught:
        bm.dump_all([brief(0), lone], tmp_path / "briefs.jsonl")
    assert caught.value.problems[0].code == "text.not-xml-char"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", [brief(0), "briefs.jsonl", 5])
def test_briefs_must_be_an_iterable_of_briefs(value: object) -> None:
    with pytest.raises(bm.OptionError, match=r"^briefs: expected an iterable of briefs"):
        list(jsonl.write_all(value))  # type: ignore[arg-type]


def test_a_format_of_one_brief_per_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(bm.OptionError, match="holds one brief per document: dump_all writes jsonl"):
        bm.dump_all([brief(0)], tmp_path / "x.json", format="json")
    with pytest.raises(bm.OptionError, match="unknown format"):
        bm.dump_all([brief(0)], tmp_path / "x.jsonl", format="nope")
    assert list(tmp_path.iterdir()) == []


def test_a_destination_that_is_neither_path_nor_stream_is_refused() -> None:
    with pytest.raises(bm.OptionError, match=r"^destination: expected the path of a file"):
        bm.dump_all([brief(0)], 3)  # type: ignore[arg-type]


def test_dump_all_never_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.jsonl"
    target.write_text("kept\n")
    (tmp_path / "briefs.jsonl").symlink_to(target)
    with pytest.raises(bm.WriteError) as caught:
        bm.dump_all([brief(0)], tmp_path / "briefs.jsonl")
    assert caught.value.problems[0].code == "output.symlink"
    assert target.read_text() == "kept\n"


def test_dump_writes_a_file_of_one_line_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    bm.dump(brief(0), path)
    assert path.read_text("utf-8") == line(0) + "\n"
    assert bm.load(path) == brief(0)
