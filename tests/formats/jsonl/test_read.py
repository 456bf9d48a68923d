"""JSON Lines reading: a line at a time, blank lines passed over, every problem by its
line and JSON Pointer, strict and lenient, in bounded memory."""

from __future__ import annotations

import gc
import importlib
import io
import tempfile
import tracemalloc
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.formats import jsonl
from briefmodel.testing import briefs

from ._support import UNKNOWN_REF, brief, line

jsonl_read = importlib.import_module("briefmodel.formats.jsonl.read")


def _file(tmp_path: Path, data: str | bytes, name: str = "briefs.jsonl") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, "utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


@settings(deadline=None)
@given(st.lists(briefs(), max_size=4))
def test_briefs_written_as_json_lines_read_back_equal(written: list[bm.Brief]) -> None:
    stream = io.BytesIO()
    assert bm.dump_all(written, stream) == len(written)
    stream.seek(0)
    assert list(jsonl.read_all(stream)) == written
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "briefs.jsonl"
        assert bm.dump_all(iter(written), path) == len(written)
        assert list(bm.load_all(path)) == written  # checked by the rules too


def test_load_all_reads_every_line_of_a_file_in_order(tmp_path: Path) -> None:
    path = _file(tmp_path, "".join(line(n) + "\n" for n in range(3)))
    assert list(bm.load_all(path)) == [brief(0), brief(1), brief(2)]


def test_ndjson_is_json_lines_too(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n" + line(1) + "\n", "briefs.ndjson")
    assert [b.id for b in bm.load_all(path)] == [brief(0).id, brief(1).id]


def test_another_suffix_is_read_as_json_lines_when_named(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n" + line(1) + "\n", "briefs.txt")
    assert len(list(bm.load_all(path, "jsonl"))) == 2


def test_blank_lines_crlf_a_bom_and_no_last_line_break_are_read(tmp_path: Path) -> None:
    data = "\ufeff" + line(0) + "\r\n\r\n   \n\t\n" + line(1) + "\r\n" + line(2)
    assert list(bm.load_all(_file(tmp_path, data))) == [brief(0), brief(1), brief(2)]


def test_an_empty_file_holds_no_brief(tmp_path: Path) -> None:
    assert list(bm.load_all(_file(tmp_path, ""))) == []
    assert list(bm.load_all(_file(tmp_path, "\n  \n\r\n", "blank.jsonl"))) == []


def test_load_of_an_empty_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(bm.ParseError, match="empty") as caught:
        bm.load(_file(tmp_path, "\n\n"))
    assert caught.value.problem.code == "parse.syntax"


def test_load_reads_a_file_of_one_brief(tmp_path: Path) -> None:
    assert bm.load(_file(tmp_path, "\n" + line(7) + "\n\n")) == brief(7)


def test_load_of_several_briefs_points_to_load_all(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n\n" + line(1) + "\n")
    with pytest.raises(bm.ParseError, match=r"bm\.load_all") as caught:
        bm.load(path)
    assert (caught.value.problem.code, caught.value.problem.line) == ("jsonl.several", 3)
    assert "looks like" not in str(caught.value)  # (no hint that it is canonical JSON)


def test_a_syntax_error_names_its_line_and_column(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n\n" + '{"schema": "briefmodel/2", "id": }\n')
    read: list[str] = []
    with pytest.raises(bm.ParseError) as caught:
        read.extend(b.id for b in bm.load_all(path))
    problem = caught.value.problem
    assert (problem.code, problem.line, problem.column) == ("parse.syntax", 3, 34)
    assert read == [brief(0).id]  # the good brief before it was yielded


def test_a_schema_error_names_its_line_and_pointer(tmp_path: Path) -> None:
    bad = line(1).replace('"headline":"Brief 1"', '"headline":""')
    path = _file(tmp_path, line(0) + "\n" + bad + "\n" + line(2) + "\n")
    briefs_read = bm.load_all(path)
    assert next(briefs_read) == brief(0)
    with pytest.raises(bm.ValidationError) as caught:
        next(briefs_read)
    assert [(p.line, p.path) for p in caught.value.problems] == [(2, "/headline")]
    assert "line 2 (/headline)" in str(caught.value)


def test_a_rule_error_names_its_line_and_pointer(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n" + UNKNOWN_REF + "\n")
    with pytest.raises(bm.ValidationError) as caught:
        list(bm.load_all(path))
    problem = caught.value.problems[0]
    assert (problem.code, problem.line) == ("ref.unknown-entity", 2)
    assert problem.path == "/sections/0/blocks/0/content/0/ref"


def test_a_truncated_last_line_is_a_syntax_error_on_it(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n" + line(1) + "\n" + line(2)[:40])
    read: list[bm.Brief] = []
    with pytest.raises(bm.ParseError) as caught:
        read.extend(bm.load_all(path))
    assert (caught.value.problem.code, caught.value.problem.line) == ("parse.syntax", 3)
    assert read == [brief(0), brief(1)]


def test_bytes_that_are_not_utf8_are_an_encoding_error_on_their_line(tmp_path: Path) -> None:
    bad = line(1).replace("Brief 1", "Caf\udce9").encode("utf-8", "surrogateescape")
    path = _file(tmp_path, line(0).encode() + b"\n" + bad + b"\n")
    with pytest.raises(bm.ParseError) as caught:
        list(bm.load_all(path))
    problem = caught.value.problem
    assert (problem.code, problem.line) == ("parse.encoding", 2)
    assert "0xe9" in problem.message


def test_a_bom_at_the_start_of_any_line_is_passed_over(tmp_path: Path) -> None:
    # (as canonical JSON takes one: files joined with cat may carry one on each line)
    path = _file(tmp_path, line(0) + "\n\ufeff" + line(1) + "\n")
    assert list(bm.load_all(path)) == [brief(0), brief(1)]


def test_read_leniently_a_bad_line_is_passed_over_with_a_warning(tmp_path: Path) -> None:
    data = [line(0), "{not json", UNKNOWN_REF, line(3).replace('"Brief 3"', '""'), line(4)]
    path = _file(tmp_path, "\n".join(data) + "\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", bm.BriefmodelWarning)
        read = list(bm.load_all(path, strict=False))
    assert [b.id for b in read] == [brief(0).id, "urn:x:bad", brief(4).id]
    said = [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]
    assert len(said) == 3
    assert said[0].startswith("line 2 is passed over: not valid JSON")
    assert said[1].startswith("repaired with 1 repair: line 3")  # the mention, mended
    assert said[2].startswith("line 4 is passed over: ")
    assert said[2].endswith("(/headline)")


def test_read_leniently_a_file_of_bad_lines_alone_raises(tmp_path: Path) -> None:
    path = _file(tmp_path, "{not json\n[1]\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        with pytest.raises(bm.ValidationError) as caught:
            list(bm.load_all(path, strict=False))
    assert [p.line for p in caught.value.problems] == [1, 2]


def test_the_reader_fallbacks_fill_each_line(tmp_path: Path) -> None:
    bare = '{"schema":"briefmodel/2","headline":"H","sections":[{}]}'
    path = _file(tmp_path, bare + "\n" + line(1) + "\n")
    read = list(bm.load_all(path, id="urn:x:given", language="nb"))
    assert [(b.id, b.language) for b in read] == [("urn:x:given", "nb"), (brief(1).id, "en")]
    with pytest.raises(bm.ValidationError, match="line 1"):
        list(bm.load_all(path))  # no id: the first line breaks the schema


def test_a_reader_option_it_does_not_take_is_an_option_error(tmp_path: Path) -> None:
    path = _file(tmp_path, line(0) + "\n")
    with pytest.raises(bm.OptionError, match="the jsonl reader takes no such option"):
        list(bm.load_all(path, indent=2))


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.jsonl", tmp_path):
        with pytest.raises(bm.ParseError, match="cannot read") as caught:
            list(bm.load_all(path, "jsonl"))
        assert caught.value.problem.code == "parse.unreadable"


def test_a_line_over_the_limit_is_refused_by_its_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl_read, "MAX_LINE_BYTES", 400)
    path = _file(tmp_path, line(0) + "\n" + line(1).replace("Brief 1", "x" * 500) + "\n")
    read: list[bm.Brief] = []
    with pytest.raises(bm.ParseError) as caught:
        read.extend(bm.load_all(path))
    assert (caught.value.problem.code, caught.value.problem.line) == ("parse.too-large", 2)
    assert read == [brief(0)]


def test_lines_are_read_one_at_a_time_from_the_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "".join(line(n) + "\n" for n in range(3)))
    with path.open("rb") as handle:
        found = jsonl.read_all(handle)
        assert next(found) == brief(0)
        assert handle.tell() == len(line(0)) + 1  # nothing read beyond the first line
        assert found.line == 1
        assert next(found) == brief(1)
        assert found.line == 2


def _peak_while_reading(path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        count = sum(1 for _ in bm.load_all(path))
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


def test_reading_takes_bounded_memory_whatever_the_file_size(tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    bm.dump_all((brief(n) for n in range(50)), small)
    bm.dump_all((brief(n) for n in range(10_000)), large)
    _peak_while_reading(small)  # (what is imported or cached once)
    peak_small = _peak_while_reading(small)
    peak_large = _peak_while_reading(large)
    size = large.stat().st_size
    assert size > 2_000_000
    assert peak_large < size / 8  # far less than the file: not read whole
    assert peak_large < 2 * peak_small + 200_000  # and about as much as for 50 briefs
