"""The writer: briefmodel's own Word documents read back to an equal brief (every file,
generated briefs), the same brief gives the same bytes, and the document is what
python-docx (Word's scripting library) and LibreOffice see: Word's built-in styles, real
hyperlinks, citations linked to the Sources list, merged cells, core properties, and the
brief's text in order."""

from __future__ import annotations

import io
import re
import sys
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import briefmodel as bm
from briefmodel.formats.docx import MEDIA_TYPE
from briefmodel.testing import briefs

from ..._office import convert
from ..._profiles import examples
from ._support import EVERYTHING, EXAMPLES, SHOULD_PASS, UTC, opened

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _round_trip(brief: bm.Brief) -> bytes:
    data = bm.dumpb(brief, "docx")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (read exactly: no docx.edited, no loss)
        assert bm.loads(data, "docx") == brief
    return data


@pytest.mark.parametrize("path", EXAMPLES + SHOULD_PASS, ids=lambda p: p.name)
def test_files_round_trip(path: Path) -> None:
    _round_trip(bm.load(path))


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_generated_briefs_round_trip(brief: bm.Brief) -> None:
    data = _round_trip(brief)
    assert bm.dumpb(brief, "docx") == data  # the same bytes every time


def test_the_same_brief_gives_the_same_bytes_dated_by_the_brief() -> None:
    data = bm.dumpb(EVERYTHING, "docx")
    assert data == bm.dumpb(attrs.evolve(EVERYTHING), "docx")
    entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {entry.date_time for entry in entries} == {(2026, 4, 3, 9, 0, 0)}  # updated, UTC
    assert [entry.filename for entry in entries[:3]] == [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
    ]
    undated = attrs.evolve(EVERYTHING, created=None, updated=None)
    entries = zipfile.ZipFile(io.BytesIO(bm.dumpb(undated, "docx"))).infolist()
    assert {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}


def test_python_docx_sees_the_built_in_styles() -> None:
    document = opened(bm.dumpb(EVERYTHING, "docx"))
    shown = [(p.style.name, p.text) for p in document.paragraphs]
    assert shown[:3] == [
        ("Title", EVERYTHING.headline),
        ("Subtitle", EVERYTHING.subheadline),
        ("Byline", "By Mira Holt (reporter) and Owen Price"),
    ]
    styles = [name for name, _ in shown]
    assert ("Heading 1", "Key Points") in shown
    assert ("Heading 2", "Outlook") in shown  # a section inside a section
    assert ("List Bullet", "Sailings resume on Monday") in shown
    assert ("List Number 2", "the slipway") in shown  # a list inside an item
    assert ("Quote", "We were lucky.") in shown
    assert ("Caption", "Sailings by day") in shown
    assert {"Judgment", "Judgment Assessment", "Figure", "Sources Heading"} <= set(styles)
    assert shown[-2:] == [
        ("Source", "Depot notice"),
        ("Source", "Council minutes, Harbour Council"),
    ]
    for name in ("Judgment", "Source", "Quote Attribution"):  # based on Word's own
        assert document.styles[name].base_style is not None
    paragraph = next(p for p in document.paragraphs if p.text.startswith("The council said"))
    assert paragraph.text == (
        "The council said the depot is dry and safe[1]. Its code is FD-2; see the map.\nTabs\tstay."
    )
    runs = {run.text: run for run in paragraph.iter_inner_content() if hasattr(run, "bold")}
    assert runs["dry"].italic
    assert runs["safe"].bold
    assert runs["FD-2"].style.name == "HTML Code"


def test_the_core_properties_are_the_briefs() -> None:
    properties = opened(bm.dumpb(EVERYTHING, "docx")).core_properties
    assert properties.title == EVERYTHING.headline
    assert properties.subject == EVERYTHING.subheadline
    assert properties.author == "Mira Holt; Owen Price"
    assert properties.keywords == "ferries, floods"
    assert properties.language == "en-GB"
    assert properties.identifier == EVERYTHING.id
    assert properties.category == "brief"
    assert properties.revision == 3
    assert properties.created == datetime(2026, 4, 2, 8, 30, tzinfo=UTC)
    assert properties.modified == datetime(2026, 4, 3, 9, 0, tzinfo=UTC)
    assert properties.last_modified_by == ""
    assert properties.comments == ""


def test_links_are_hyperlinks_and_citations_point_to_the_sources_list() -> None:
    document = opened(bm.dumpb(EVERYTHING, "docx"))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("The council said"))
    links = {h.text: h for h in paragraph.hyperlinks}
    assert links["the map"].address == "https://example.org/map"
    assert links["[1]"].address == ""
    assert links["[1]"].fragment == "_bm_source_1"
    marks = {
        mark.get(f"{W}name"): mark.getparent()
        for mark in document.element.body.iter(f"{W}bookmarkStart")
    }
    sources = [p for p in document.paragraphs if p.style.name == "Source"]
    assert marks["_bm_source_1"] is sources[0]._p  # the link's target is the first source
    assert marks["_bm_source_2"] is sources[1]._p
    rels = document.part.rels
    assert {r.target_ref for r in rels.values() if r.is_external} == {
        "https://example.org/depot",
        "https://example.org/map",
        "https://example.org/depot.jpg",
    }


def test_tables_have_header_rows_merged_cells_and_alignment() -> None:
    table = opened(bm.dumpb(EVERYTHING, "docx")).tables[0]
    grid = [[cell.text for cell in row.cells] for row in table.rows]
    assert grid == [  # python-docx's grid: a merged cell fills each place it spans
        ["Day", "Sailings", "Sailings"],
        ["Weekdays", "6", "early"],
        ["Weekdays", "4", "late"],
    ]
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc
    assert table.cell(1, 0)._tc.vMerge == "restart"
    header = table.rows[0]._tr.trPr
    assert header is not None
    assert header.find(f"{W}tblHeader") is not None
    assert [table.cell(1, c).paragraphs[0].alignment for c in range(3)] == [0, 2, 1]


def test_right_to_left_briefs_are_written_right_to_left() -> None:
    arabic = next(path for path in EXAMPLES if path.name.endswith("-ar.json"))
    document = opened(bm.dumpb(bm.load(arabic), "docx"))
    normal = document.styles["Normal"].element
    assert normal.pPr.find(f"{W}bidi") is not None
    assert normal.rPr.find(f"{W}lang").get(f"{W}bidi") == bm.load(arabic).language


def test_dumps_refuses_and_dump_writes_the_file(tmp_path: Path) -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.dumps(EVERYTHING, "docx")
    assert caught.value.problems[0].code == "format.binary"
    path = tmp_path / "depot.docx"
    bm.dump(EVERYTHING, path)
    assert path.read_bytes() == bm.dumpb(EVERYTHING, "docx")
    assert bm.load(path) == EVERYTHING
    assert bm.formats.detect(data=path.read_bytes()).name == "docx"  # sniffed
    assert bm.formats.by_name("docx").media_type == MEDIA_TYPE


# -- LibreOffice -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def in_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The text LibreOffice shows for each example and for EVERYTHING: one soffice run."""
    folder = tmp_path_factory.mktemp("docx-write")
    paths = []
    for name, brief in [("everything", EVERYTHING)] + [(p.stem, bm.load(p)) for p in EXAMPLES]:
        path = folder / f"{name}.docx"
        path.write_bytes(bm.dumpb(brief, "docx"))
        paths.append(path)
    found = convert(paths, "txt:Text", folder / "txt")
    return {path.stem: text.read_text("utf-8-sig") for path, text in found.items()}


def _lines(brief: bm.Brief) -> list[str]:
    return [" ".join(line.split()) for line in brief.plain_text().splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["everything"] + [p.stem for p in EXAMPLES])
def test_libreoffice_shows_the_briefs_text_in_order(
    name: str, in_libreoffice: dict[str, str]
) -> None:
    brief = EVERYTHING if name == "everything" else bm.load(EXAMPLES[0].parent / f"{name}.json")
    # (the citations' numbers are shown, and not in the brief's plain text)
    shown = " ".join(re.sub(r"\[(?:\d+|\?)\]", "", in_libreoffice[name]).split())
    at = 0
    for line in _lines(brief):
        found = shown.find(line, at)
        assert found >= 0, f"LibreOffice does not show {line!r} after {shown[at - 80 : at]!r}"
        at = found + len(line)


def test_without_python_docx_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    data = bm.dumpb(EVERYTHING, "docx")
    monkeypatch.setitem(sys.modules, "docx", None)  # (import docx now fails)
    for call in (lambda: bm.dumpb(EVERYTHING, "docx"), lambda: bm.loads(data, "docx")):
        with pytest.raises(bm.OptionError) as caught:
            call()
        assert "pip install 'briefmodel[docx]'" in caught.value.message
        assert caught.value.problem.code == "format.needs-extra"
