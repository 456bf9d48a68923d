"""The reader: briefmodel's own documents read exactly, and as their text shows when a
person edits them (in python-docx, and re-saved by LibreOffice); Word documents written
by others (made by python-docx and by LibreOffice from HTML, and the test fixtures of
mammoth and python-docx, written by Word) read leniently with their losses reported by
paragraph; and files that are no Word document refused with a ParseError."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from hypothesis import HealthCheck, given, settings

import briefmodel as bm
from briefmodel.formats import _sniff
from briefmodel.formats.docx import read
from briefmodel.testing import briefs

from ..._office import convert
from ..._profiles import examples
from ._support import EVERYTHING, EXAMPLES, UTC, edited, opened, read_quietly, saved

HERE = Path(__file__).resolve().parent
REALWORLD = HERE.parents[1] / "realworld" / "docx"


def _codes(problems: Any) -> list[str]:
    return [p.code for p in problems]


# -- briefmodel's own documents, edited --------------------------------------------------


def _retext(document: Any, old: str, new: str) -> None:
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
                return
    raise AssertionError(f"no run holds {old!r}")


def test_an_edited_text_wins_over_the_embedded_brief() -> None:
    data = bm.dumpb(EVERYTHING, "docx")
    changed = edited(data, lambda d: _retext(d, "We were lucky.", "We were very lucky."))
    brief, problems = read_quietly(changed)
    assert _codes(problems) == ["docx.edited"]
    quote = brief.sections[1].blocks[1]
    assert quote == bm.Quote(
        content="We were very lucky.", attribution="A pilot", source_ref="minutes"
    )
    expected = attrs.evolve(
        EVERYTHING.sections[1],
        blocks=[*EVERYTHING.sections[1].blocks[:1], quote, *EVERYTHING.sections[1].blocks[2:]],
    )
    assert brief == attrs.evolve(EVERYTHING, sections=[EVERYTHING.sections[0], expected])


def test_an_edited_headline_and_a_new_heading_are_read() -> None:
    def change(document: Any) -> None:
        _retext(document, "Ferry Depot Reopens", "Ferry Depot Opens Again")
        document.add_paragraph("Recommendations", style="Heading 1")
        document.add_paragraph("Check the tide tables.")

    brief, problems = read_quietly(edited(bm.dumpb(EVERYTHING, "docx"), change))
    assert _codes(problems) == ["docx.edited"]
    assert brief.headline == "Ferry Depot Opens Again After Flood Repairs"
    last = brief.sections[-1]
    assert (last.title, last.role, last.id) == ("Recommendations", "recommendations", None)
    assert brief.sections[0].id == "points"  # (kept by its heading's bookmark)
    assert brief.sources == EVERYTHING.sources
    assert brief.entities == EVERYTHING.entities


def _png() -> bytes:
    """A PNG of one white pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_an_image_added_to_an_own_document_is_a_loss(tmp_path: Path) -> None:
    image = tmp_path / "dot.png"
    image.write_bytes(_png())
    changed = edited(bm.dumpb(EVERYTHING, "docx"), lambda d: d.add_picture(str(image)))
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(changed, "docx")
    (problem,) = [p for p in caught.value.problems if p.code == "docx.dropped"]
    assert re.match(r"paragraph \d+: an image has no place in the model", problem.message)
    brief, problems = read_quietly(changed, strict=False)
    assert _codes(problems) == ["docx.dropped", "docx.edited"]
    assert list(brief.all_sections())[-1].blocks[-1] == bm.Paragraph(content=())


def test_a_broken_embedded_brief_is_said_so() -> None:
    data = bm.dumpb(EVERYTHING, "docx")
    broken = _replaced(data, "customXml/item1.xml", lambda xml: xml.replace(b'"schema"', b'"x"'))
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(broken, "docx")
    assert "docx.meta" in _codes(caught.value.problems)
    brief, problems = read_quietly(broken, strict=False)  # read as a person's document
    assert "docx.meta" in _codes(problems)
    assert brief.headline == EVERYTHING.headline
    assert [s.title for s in brief.all_sections()] == _SHOWN_SECTIONS


#: The sections of EVERYTHING as its document shows them without the brief embedded: the
#: byline and the dates a section before the first heading, the list of sources one.
_SHOWN_SECTIONS = [None, "Key Points", "What Happened", "Outlook", "Sources"]


def test_without_its_embedded_brief_an_own_document_reads_by_its_styles() -> None:
    data = bm.dumpb(EVERYTHING, "docx")
    document = opened(data)
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/customXml"):
            document.part.drop_rel(rid)
    brief, _problems = read_quietly(saved(document), strict=False)
    assert brief.headline == EVERYTHING.headline
    assert brief.subheadline == EVERYTHING.subheadline
    assert brief.id == EVERYTHING.id
    assert brief.language == "en-GB"
    assert [a.name for a in brief.authors] == ["Mira Holt", "Owen Price"]
    assert brief.created == EVERYTHING.created
    assert brief.updated == EVERYTHING.updated
    assert [s.title for s in brief.all_sections()] == _SHOWN_SECTIONS
    assert [s.role for s in brief.all_sections()][1:3] == ["key-points", "context"]  # (inferred)
    sources = list(brief.all_sections())[-1].blocks
    assert sources == (
        bm.ItemList(
            ordered=True,
            items=[
                [bm.Link(href="https://example.org/depot", content="Depot notice")],
                "Council minutes, Harbour Council",
            ],
        ),
    )
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "By Mira Holt (reporter) and Owen Price",
        "Published 2026-04-02 08:30 +00:00 · Updated 2026-04-03 09:00 +00:00",
    ]
    table = brief.sections[2].blocks[-1]
    assert isinstance(table, bm.Table)
    assert table.body == EVERYTHING.sections[1].blocks[-1].body


# -- LibreOffice: our documents re-saved, and documents it makes from HTML ----------------

PEOPLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry Timetable Review</title><meta name="author" content="Ada Brook"></head><body>
<h1>Ferry Timetable Review</h1>
<p>The council published its <em>draft</em> timetable on <strong>Friday</strong>; see
<a href="https://example.org/timetable">the draft</a>.</p>
<h2>Key Points</h2>
<ul><li>Two early sailings are cut</li><li>The late boat runs on Sundays<ul>
<li>from November</li></ul></li></ul>
<h2>Outlook</h2>
<ol><li>Consultation closes in March</li><li>A final vote follows</li></ol>
<blockquote><p>We listened to commuters first.</p></blockquote>
<table><thead><tr><th>Route</th><th>Sailings</th></tr></thead>
<tbody><tr><td>North</td><td>6</td></tr><tr><td colspan="2">South: under review</td></tr>
</tbody></table>
<p>Code like <code>route_id</code> stays.</p>
</body></html>"""

LOOKS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
<p style="font-size:22pt"><b>Rail Freight Returns to the Valley</b></p>
<p>The line reopens to goods trains in May, after eleven years.</p>
<p><b>What Changed</b></p>
<p>A new operator bid for the slots.</p>
<p><img alt="a map" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAA
DUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="></p>
<p><b>Outlook</b></p>
<p>Passenger trains may follow.</p>
</body></html>"""


@pytest.fixture(scope="module")
def libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Word documents LibreOffice wrote, in one soffice run: the examples' documents
    re-saved, and two HTML pages converted."""
    folder = tmp_path_factory.mktemp("docx-read")
    paths = []
    for path in EXAMPLES:
        paths.append(folder / f"{path.stem}.docx")
        paths[-1].write_bytes(bm.dumpb(bm.load(path), "docx"))
    for name, page in (("people", PEOPLE), ("looks", LOOKS)):
        paths.append(folder / f"{name}.html")
        paths[-1].write_text(page, "utf-8")
    found = convert(paths, "docx:MS Word 2007 XML", folder / "out")
    return {path.stem: out.read_bytes() for path, out in found.items()}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_our_documents_re_saved_by_libreoffice_read_back_equal(
    path: Path, libreoffice: dict[str, bytes]
) -> None:
    brief, problems = read_quietly(libreoffice[path.stem])
    assert problems == []  # (what it shows is what briefmodel wrote: not edited)
    assert brief == bm.load(path)


def test_a_page_libreoffice_made_reads_by_its_styles(libreoffice: dict[str, bytes]) -> None:
    data = libreoffice["people"]
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(data, "docx")  # strictly: the headline is only its first heading
    assert _codes(caught.value.problems) == ["repair.headline-from-heading"]
    assert caught.value.problems[0].message.startswith("paragraph 1: ")
    brief, problems = read_quietly(data, strict=False)
    assert _codes(problems) == ["repair.headline-from-heading"]
    assert brief.headline == "Ferry Timetable Review"
    assert [a.name for a in brief.authors] == ["Ada Brook"]
    first, points, outlook = brief.sections
    assert first.blocks == (
        bm.Paragraph(
            content=[
                "The council published its ",
                bm.Emphasis(content="draft"),
                " timetable on ",
                bm.Strong(content="Friday"),
                "; see ",
                bm.Link(href="https://example.org/timetable", content="the draft"),
                ".",
            ]
        ),
    )
    assert (points.title, points.role, outlook.title, outlook.role) == (
        "Key Points",
        "key-points",
        "Outlook",
        "outlook",
    )
    assert points.blocks == (
        bm.ItemList(
            items=[
                "Two early sailings are cut",
                bm.ListItem(
                    content="The late boat runs on Sundays",
                    blocks=[bm.ItemList(items=["from November"])],
                ),
            ]
        ),
    )
    numbered, quote, table, code = outlook.blocks
    assert numbered == bm.ItemList(
        ordered=True, items=["Consultation closes in March", "A final vote follows"]
    )
    assert quote == bm.Quote(content="We listened to commuters first.")
    assert table == bm.Table(
        head=[
            bm.TableRow(
                cells=[bm.TableCell(content=t, header="col") for t in ("Route", "Sailings")]
            )
        ],
        body=[
            bm.TableRow(cells=["North", "6"]),
            bm.TableRow(cells=[bm.TableCell(content="South: under review", colspan=2)]),
        ],
    )
    assert code == bm.Paragraph(content=["Code like ", bm.Code(text="route_id"), " stays."])
    assert bm.validate(brief).ok


def test_titles_and_headings_are_read_by_their_look(libreoffice: dict[str, bytes]) -> None:
    brief, problems = read_quietly(libreoffice["looks"], strict=False)
    assert brief.headline == "Rail Freight Returns to the Valley"
    assert [(s.title, s.role) for s in brief.sections] == [
        (None, None),
        ("What Changed", None),
        ("Outlook", "outlook"),
    ]
    found = [(p.code, p.message.split(":")[0]) for p in problems]
    assert found == [
        ("docx.dropped", "paragraph 5"),  # the image
        ("repair.headline-by-look", "paragraph 1"),
        ("repair.heading-by-look", "paragraph 3"),
        ("repair.heading-by-look", "paragraph 6"),
    ]
    assert "an image" in problems[0].message


# -- documents python-docx makes -----------------------------------------------------------


def test_core_properties_are_the_metadata_of_a_person_s_document() -> None:
    document = docx.Document()
    document.add_paragraph("Night Trams Return", style="Title")
    document.add_paragraph("Flash Points", style="Heading 1")
    document.add_paragraph("Trams run until two", style="List Number")
    document.add_paragraph("Fares stay the same", style="List Number")
    document.add_paragraph("Background", style="Heading 1")
    document.add_paragraph("The service stopped in 2020.")
    properties = document.core_properties
    properties.author = "Lena Ortiz; Sam Reed"
    properties.keywords = "trams, night, transport"
    properties.language = "nl"
    properties.identifier = "urn:example:trams"
    properties.created = datetime(2026, 5, 1, 7, 0)
    properties.modified = datetime(2026, 5, 2, 7, 0)
    brief = bm.loads(saved(document), "docx")  # strictly: every part by its style
    assert (brief.id, brief.headline, brief.language) == (
        "urn:example:trams",
        "Night Trams Return",
        "nl",
    )
    assert [a.name for a in brief.authors] == ["Lena Ortiz", "Sam Reed"]
    assert brief.keywords == ("trams", "night", "transport")
    assert (brief.created, brief.updated) == (
        datetime(2026, 5, 1, 7, tzinfo=UTC),
        datetime(2026, 5, 2, 7, tzinfo=UTC),
    )
    assert [(s.title, s.role) for s in brief.sections] == [
        ("Flash Points", "key-points"),
        ("Background", "context"),
    ]
    assert [bm.plain_text(i.content) for i in brief.key_points] == [
        "Trams run until two",
        "Fares stay the same",
    ]
    assert brief.sections[0].blocks[0].ordered


def test_a_comment_is_a_loss_at_its_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("Harbour Wall Survey", style="Title")
    document.add_paragraph("Cracks were found.")
    run = document.add_paragraph("The wall holds.").runs[0]
    document.add_comment(run, text="Check this", author="Ed")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(saved(document), "docx")
    assert [p.message for p in caught.value.problems] == [
        "paragraph 3: a comment has no place in the model; strict=False drops it with a warning"
    ]


# -- Word documents written by others ----------------------------------------------------

#: For each real-world document: what reading it leniently finds (the headline, and what
#: it says it dropped); None for a document refused.
EXPECTED: dict[str, tuple[str, list[str]] | None] = {
    "mammoth-comments.docx": ("Ouch.", ["a comment", "a comment"]),
    "mammoth-external-picture.docx": None,  # (an image alone: no text, no title)
    "mammoth-footnotes.docx": ("Ouch.", ["a footnote", "a footnote"]),
    "mammoth-simple-list.docx": ("Apple", []),
    "mammoth-single-paragraph.docx": ("Walking on imported air", []),
    "mammoth-strict-format.docx": None,  # (Strict OOXML, which python-docx cannot read)
    "mammoth-tables.docx": ("Above", []),
    "mammoth-text-box.docx": None,  # (a text box alone)
    "mammoth-tiny-picture.docx": None,  # (an image alone)
    "mammoth-underline.docx": ("The Sunset Tree", []),
    "python-docx-blk-paras-and-tables.docx": (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        ["a table inside a table cell", "a page footer", "a page header"],
    ),
    "python-docx-comments-rich-para.docx": ("Document text", ["a comment"] * 4),
    "python-docx-doc-coreprops.docx": ("Title", []),
    "python-docx-hdr-header-footer.docx": (
        "section with header",
        ["the text of a page header", "the text of a page footer"],
    ),
    "python-docx-par-hyperlinks.docx": ("No hyperlinks", []),
    "python-docx-par-known-styles.docx": ("no specified style", []),
    "python-docx-run-char-style.docx": (  # (its first line, cut at a word)
        "First run having no directly-applied character style. Next run having Emphasis "
        "character style. Last run having Strong…",
        [],
    ),
    "python-docx-tbl-cell-access.docx": ("1", []),
    "python-docx-tbl-having-tables.docx": None,  # (empty tables alone)
}


@pytest.fixture(scope="module")
def realworld() -> Path:
    if not (REALWORLD / next(iter(EXPECTED))).is_file():
        pytest.skip("the real-world Word documents are not here (see tests/realworld/SOURCES.md)")
    return REALWORLD


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_word_documents_of_others_read_leniently(name: str, realworld: Path) -> None:
    data = (realworld / name).read_bytes()
    expected = EXPECTED[name]
    if expected is None:
        with pytest.raises((bm.ParseError, bm.ValidationError)):
            bm.loads(data, "docx", strict=False)
        return
    brief, problems = read_quietly(data, strict=False)
    headline, dropped = expected
    assert brief.headline == headline
    lost = [p.message for p in problems if p.code == "docx.dropped"]
    assert [m for m in lost if not any(d in m for d in dropped)] == []
    assert len(lost) == len(dropped)
    assert bm.validate(brief).ok
    with pytest.raises(bm.ValidationError):
        bm.loads(data, "docx")  # strictly: none of them has a Title paragraph


def test_links_lists_and_tables_of_word_documents(realworld: Path) -> None:
    links = read_quietly((realworld / "python-docx-par-hyperlinks.docx").read_bytes(), strict=False)
    found = [n for _, n in links[0].walk() if isinstance(n, bm.Link)]
    assert [n.href for n in found] == [
        "http://yahoo.com/",
        "http://google.com/",
        "http://python.org/",
        "http://yahoo.com/",
    ]
    items = read_quietly((realworld / "mammoth-simple-list.docx").read_bytes(), strict=False)
    assert items[0].sections[0].blocks[0] == bm.ItemList(items=["Apple", "Banana"])
    tables = read_quietly((realworld / "mammoth-tables.docx").read_bytes(), strict=False)
    (table,) = [b for b in tables[0].sections[0].blocks if isinstance(b, bm.Table)]
    assert [[bm.plain_text(c.content) for c in row.cells] for row in table.body] == [
        ["Top left", "Top right"],
        ["Bottom left", "Bottom right"],
    ]


def test_the_sniffer_knows_word_documents_by_their_first_parts(
    libreoffice: dict[str, bytes],
) -> None:
    ours = bm.dumpb(EVERYTHING, "docx")
    for data in [ours, *libreoffice.values()]:  # (LibreOffice puts other parts first)
        assert bm.formats.detect(data=data).name == "docx"
    assert not _sniff.docx(HOSTILE["spreadsheet"][0][:4096].decode("utf-8", "replace"))
    assert not _sniff.docx("Headline\n\nword/document.xml\n")


# -- what is no Word document ---------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _replaced(data: bytes, name: str, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip(
        {n: change(source.read(n)) if n == name else source.read(n) for n in source.namelist()}
    )


def _bomb() -> bytes:
    """A small zip whose central directory says a part unpacks to 4 GB."""
    data = bytearray(bm.dumpb(EVERYTHING, "docx"))
    at = data.find(b"PK\x01\x02")
    data[at + 24 : at + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    return bytes(data)


HOSTILE = {
    "text": (b"Headline\n\nNot a zip at all.\n", "parse.not-docx", "not a Word document"),
    "truncated": (bm.dumpb(EVERYTHING, "docx")[:3000], "parse.not-docx", "not a readable zip"),
    "no content types": (_zip({"word/document.xml": b"<x/>"}), "parse.not-docx", "Content_Types"),
    "spreadsheet": (
        _zip(
            {
                "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                "xl/workbook.xml": b"<w/>",
            }
        ),
        "parse.not-docx",
        "cannot be read",
    ),
    "bomb": (_bomb(), "parse.too-large", "zip bomb"),
    "dtd": (
        _replaced(
            bm.dumpb(EVERYTHING, "docx"),
            "word/styles.xml",
            lambda x: x.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1),
        ),
        "parse.doctype",
        "DTD",
    ),
    "broken xml": (
        _replaced(bm.dumpb(EVERYTHING, "docx"), "word/document.xml", lambda x: x[: len(x) // 2]),
        "parse.not-docx",
        "cannot be read",
    ),
    "deep xml": (
        _replaced(
            bm.dumpb(EVERYTHING, "docx"),
            "word/document.xml",
            lambda x: x.replace(b"<w:body>", b"<w:body>" + b"<w:sdt>" * 5000, 1),
        ),
        "parse.not-docx",
        "cannot be read",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_what_is_no_word_document_is_a_parse_error(name: str) -> None:
    data, code, said = HOSTILE[name]
    for strict in (True, False):
        with pytest.raises(bm.ParseError) as caught:
            bm.loads(data, "docx", strict=strict)
        assert caught.value.problem.code == code
        assert said in caught.value.problem.message


def test_text_and_a_file_too_large_are_refused() -> None:
    with pytest.raises(bm.ParseError) as caught:
        read("PK\x03\x04 as text")
    assert "bytes, not text" in caught.value.problem.message
    with pytest.raises(bm.ParseError) as caught:
        read(b"PK" + b"\0" * (64 * 1024 * 1024))
    assert caught.value.problem.code == "parse.too-large"


# -- generated briefs, edited ----------------------------------------------------------------


def _append_to_title(document: Any) -> None:
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    title.add_run(" (revised)")


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs())
def test_an_edit_wins_in_any_brief(brief: bm.Brief) -> None:
    """Whatever the brief, a person's edit is read (here: words added to the title), the
    embedded brief gives what the text does not show, and the brief read is valid."""
    found, problems = read_quietly(edited(bm.dumpb(brief, "docx"), _append_to_title))
    assert "docx.edited" in _codes(problems)
    assert found.headline == brief.headline + " (revised)"
    assert (found.id, found.sources, found.entities, found.extensions) == (
        brief.id,
        brief.sources,
        brief.entities,
        brief.extensions,
    )
    assert [s.title for s in found.all_sections() if s.title] == [
        s.title for s in brief.all_sections() if s.title
    ]
    assert not bm.validate(found).errors


def test_a_comment_added_to_an_own_document_is_a_loss_not_ignored() -> None:
    def comment(document: Any) -> None:
        run = next(p for p in document.paragraphs if p.text == "More soon.").runs[0]
        document.add_comment(run, text="Say when", author="Desk")

    changed = edited(bm.dumpb(EVERYTHING, "docx"), comment)
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(changed, "docx")
    assert [p.code for p in caught.value.problems] == ["docx.dropped"]
    brief, problems = read_quietly(changed, strict=False)
    assert _codes(problems) == ["docx.dropped", "docx.edited"]
    assert brief == EVERYTHING  # (the text is as it was: only the comment is dropped)
