"""Plain-text news and wire stories read leniently (``strict=False``, and by
``validate(lenient=True)``):
control characters and a wire story's framing, header lines, lines numbered ``1.``,
titles ending in a colon and ``Source:`` lines, each repair a warning at its line; read
strictly, the same texts read as they did before. The stories are written for these
tests."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.formats import detect, text
from briefmodel.testing import briefs

#: An ANPA-style wire story: SYN fill, SOH, the transmission header, a slug line, STX,
#: the story, ETX and EOT.
WIRE = (
    "\x16\x16\x01a0412 r f\x07\n"
    "Slug: ferry-fares\n"
    "\x02Headline: Island Ferry Fares Rise by a Tenth in April\n"
    "\n"
    "The island operator raises its fares from the first of April, its board said.\n"
    "\n"
    "Key Points:\n"
    "1. Single tickets cost a tenth more.\n"
    "2. Season tickets keep their price.\n"
    "3) Children under five still travel free.\n"
    "\n"
    "Background:\n"
    "The operator last raised its fares three years ago.\n"
    "\n"
    "Sources: Island Ferry Company; Harbour Board (https://example.org/board)\n"
    "\x03\x04"
)


def _lenient(source: str | bytes) -> tuple[bm.Brief, list[str]]:
    """The brief read with ``strict=False``, and the warnings' messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(source, "text", strict=False)
    return brief, [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]


def _repairs(source: str | bytes) -> list[tuple[str, int | None]]:
    """The codes and lines of the warnings ``validate(lenient=True)`` reports."""
    report = bm.validate(source, "text", lenient=True)
    assert report.ok, report.problems
    return [(p.code, p.line) for p in report.warnings]


def _blocks(brief: bm.Brief) -> list[list[tuple[str, object]]]:
    """Each section's blocks, as (type, text or items)."""
    return [
        [
            (
                (
                    "ordered" if block.ordered else "bullets",
                    [bm.plain_text(i.content) for i in block.items],
                )
                if type(block) is bm.ItemList
                else ("paragraph", bm.plain_text(block.content))
            )
            for block in section.blocks
        ]
        for section in brief.sections
    ]


# --------------------------------------------------------------------------------------
# A wire story


def test_a_wire_story_reads_leniently_into_a_brief() -> None:
    brief, said = _lenient(WIRE)
    assert brief.headline == "Island Ferry Fares Rise by a Tenth in April"
    assert brief.subheadline is None
    assert [(s.title, s.role) for s in brief.sections] == [
        (None, None),
        ("Key Points", "key-points"),
        ("Background", "context"),
    ]
    assert _blocks(brief) == [
        [
            (
                "paragraph",
                "The island operator raises its fares from the first of April, its board said.",
            )
        ],
        [
            (
                "ordered",
                [
                    "Single tickets cost a tenth more.",
                    "Season tickets keep their price.",
                    "Children under five still travel free.",
                ],
            )
        ],
        [("paragraph", "The operator last raised its fares three years ago.")],
    ]
    assert brief.sources == (
        bm.Source(id="s1", title="Island Ferry Company"),
        bm.Source(id="s2", title="Harbour Board", url="https://example.org/board"),
    )
    assert len(said) == 1  # one warning: the first five repairs, and a count of the rest
    assert said[0].startswith("repaired line 1: the wire story's transmission header ('a0412 r f')")
    assert said[0].endswith(
        "line 3: the headline is the text of the header line 'Headline:', "
        "'Island Ferry Fares Rise by a Tenth in April'; the header line 'Slug: ferry-fares' is "
        "dropped (and 6 more)"
    )
    assert bm.validate(brief).ok


def test_a_wire_story_s_repairs_are_warnings_at_their_lines() -> None:
    assert _repairs(WIRE) == [
        ("repair.wire-header", 1),
        ("repair.control-chars", 1),  # SYN, twice
        ("repair.control-chars", 1),  # SOH
        ("repair.control-chars", 3),  # STX
        ("repair.headline-from-header", 3),
        ("repair.colon-title", 7),
        ("repair.numbered-lines", 8),
        ("repair.colon-title", 12),
        ("repair.source-lines", 15),
        ("repair.control-chars", 16),  # ETX
        ("repair.control-chars", 16),  # EOT
    ]
    messages = [p.message for p in bm.validate(WIRE, "text", lenient=True).warnings]
    assert "U+0016 (SYN) is removed (2 times, first here)" in messages[1]
    assert "'Slug: ferry-fares' is dropped" in messages[4]
    for code, _ in _repairs(WIRE):
        assert code in bm.rules.CODES


def test_a_wire_story_is_refused_strictly_with_a_word_on_reading_it() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(WIRE, "text")
    problem = caught.value.problem
    assert (problem.code, problem.line) == ("parse.not-text", 1)
    assert "U+0016 (SYN)" in problem.message
    assert "strict=False" in problem.message
    report = bm.validate(WIRE, "text")  # validate checks it as written: refused alike
    assert [(p.code, p.line) for p in report.errors] == [("parse.not-text", 1)]


def test_a_wire_story_is_told_as_text_and_read_as_bytes() -> None:
    assert text.sniff(WIRE)
    assert detect(None, WIRE.encode("utf-8")).name == "text"
    report = bm.validate(WIRE.encode("utf-8"), lenient=True)  # the format told from the content
    assert report.ok
    assert report.brief is not None
    assert report.brief.headline.startswith("Island Ferry Fares")


def test_a_control_character_kind_is_one_warning_at_its_first_line() -> None:
    source = (
        "Dock Strike Ends\n\nCranes \x07restart\x07 today.\n\nShips \x07queue \x1b at the pier.\n"
    )
    report = bm.validate(source, "text", lenient=True)
    assert [(p.code, p.line, p.message) for p in report.warnings] == [
        (
            "repair.control-chars",
            3,
            "the control character U+0007 (BEL) is removed (3 times, first here)",
        ),
        (
            "repair.control-chars",
            5,
            "the control character U+001B (ESC) is removed (once, first here)",
        ),
    ]
    assert report.brief is not None
    assert _blocks(report.brief) == [
        [("paragraph", "Cranes restart today."), ("paragraph", "Ships queue at the pier.")]
    ]


def test_an_soh_without_an_stx_is_no_framing() -> None:
    source = "\x01Dock Strike Ends\n\nCranes restart today.\n"
    brief, _ = _lenient(source)
    assert brief.headline == "Dock Strike Ends"
    assert [code for code, _ in _repairs(source)] == ["repair.control-chars"]


# --------------------------------------------------------------------------------------
# Header lines


@pytest.mark.parametrize(
    ("head", "headline", "subheadline", "line"),
    [
        ("Title: Dock Strike Ends\n", "Dock Strike Ends", None, 1),
        (
            "HEADLINE: Dock Strike Ends\nCranes restart after a week\n",
            "Dock Strike Ends",
            "Cranes restart after a week",
            1,
        ),
        ("Slug: dock-strike\n", "dock-strike", None, 1),
        ("Slug: dock-strike\n\nHeadline: Dock Strike Ends\n", "Dock Strike Ends", None, 3),
    ],
)
def test_header_lines_at_the_top_give_the_headline(
    head: str, headline: str, subheadline: str | None, line: int
) -> None:
    source = head + "\nCranes restart today.\n"
    brief, _ = _lenient(source)
    assert (brief.headline, brief.subheadline) == (headline, subheadline)
    assert _repairs(source) == [("repair.headline-from-header", line)]
    assert _blocks(brief) == [[("paragraph", "Cranes restart today.")]]
    assert bm.loads(source, "text").headline == head.split("\n")[0]  # strictly, as before


def test_a_header_label_without_text_is_the_headline_as_before() -> None:
    source = "Headline:\n\nCranes restart today.\n"
    assert _lenient(source)[0].headline == "Headline:"


# --------------------------------------------------------------------------------------
# Numbered lines


@pytest.mark.parametrize("markers", [("1.", "2.", "3."), ("1)", "2)", "3)"), ("1.", "2)", "(3)")])
def test_numbered_lines_are_a_numbered_list(markers: tuple[str, ...]) -> None:
    items = ["Cranes restart today.", "Ships queue at the pier.", "Pay talks go on."]
    lines = "\n".join(f"{m} {item}" for m, item in zip(markers, items, strict=True))
    source = f"Dock Strike Ends\n\nThe union named three outcomes.\n{lines}\n"
    brief, _ = _lenient(source)
    assert _blocks(brief) == [
        [("paragraph", "The union named three outcomes."), ("ordered", items)]
    ]
    assert _repairs(source) == [("repair.numbered-lines", 4)]
    strictly = bm.loads(source, "text")  # as before: one paragraph
    assert [type(b) for b in strictly.sections[0].blocks] == [bm.Paragraph]


def test_numbered_lines_go_on_across_blank_lines_and_nest() -> None:
    source = (
        "Dock Strike Ends\n\n"
        "1. Cranes restart today.\n\n"
        "2. Ships queue at the pier.\n"
        "    1. The first berth opens at noon.\n"
        "    2. The second opens tomorrow.\n\n"
        "3. Pay talks go on.\n"
    )
    brief, _ = _lenient(source)
    (numbered,) = brief.sections[0].blocks
    assert isinstance(numbered, bm.ItemList)
    assert numbered.ordered
    assert [bm.plain_text(i.content) for i in numbered.items] == [
        "Cranes restart today.",
        "Ships queue at the pier.",
        "Pay talks go on.",
    ]
    (inner,) = numbered.items[1].blocks
    assert isinstance(inner, bm.ItemList)
    assert [bm.plain_text(i.content) for i in inner.items] == [
        "The first berth opens at noon.",
        "The second opens tomorrow.",
    ]
    assert _repairs(source) == [("repair.numbered-lines", 3), ("repair.numbered-lines", 6)]


def test_a_number_that_continues_no_list_is_text() -> None:
    source = (
        "Dock Strike Ends\n\nThe port was built in\n1998. It has grown since.\n\n2. Not an item.\n"
    )
    brief, _ = _lenient(source)
    assert _blocks(brief) == [
        [
            ("paragraph", "The port was built in 1998. It has grown since."),
            ("paragraph", "2. Not an item."),
        ]
    ]
    assert _repairs(source) == []


def test_lettered_lines_stay_text() -> None:
    """The model's lists are bulleted or numbered: a lettered list has no kind of its own
    (read as numbered, it would be written back with numbers), so its lines stay text."""
    source = "Dock Strike Ends\n\nTwo outcomes:\na. Cranes restart.\nb. Ships queue.\n"
    brief, _ = _lenient(source)
    assert _blocks(brief) == [[("paragraph", "Two outcomes: a. Cranes restart. b. Ships queue.")]]


# --------------------------------------------------------------------------------------
# Titles ending in a colon


def test_known_titles_ending_in_a_colon_are_section_titles() -> None:
    source = (
        "Dock Strike Ends\n\nKey Points:\n\n  • Cranes restart today.\n  • Ships queue.\n\n"
        "WHAT TO WATCH:\nWhether pay talks resume this week.\n"
    )
    brief, _ = _lenient(source)
    assert [(s.title, s.role) for s in brief.sections] == [
        ("Key Points", "key-points"),
        ("WHAT TO WATCH", "outlook"),
    ]
    assert _repairs(source) == [("repair.colon-title", 3), ("repair.colon-title", 8)]
    strictly = bm.loads(source, "text")  # as before: a paragraph, the list, a paragraph
    assert [s.title for s in strictly.sections] == [None]


def test_a_known_title_leads_its_numbered_list() -> None:
    source = (
        "Dock Strike Ends\n\nBackground:\n1. The strike began a week ago.\n2. It closed the pier.\n"
    )
    brief, _ = _lenient(source)
    assert [s.title for s in brief.sections] == ["Background"]
    assert _blocks(brief) == [
        [("ordered", ["The strike began a week ago.", "It closed the pier."])]
    ]


@pytest.mark.parametrize(
    ("source", "titles"),
    [
        # Title-cased, text after it: a title.
        ("Inside the Talks:\nBoth sides met twice.\n", ["Inside the Talks"]),
        ("Inside the Talks:\n\nBoth sides met twice.\n", ["Inside the Talks"]),
        # Title-cased, but right above a list it leads in to: a lead-in.
        ("Three Outcomes:\n1. Cranes restart.\n2. Ships queue.\n", [None]),
        # A sentence, not title-cased: a lead-in.
        ("The union named three outcomes:\n1. Cranes restart.\n2. Ships queue.\n", [None]),
        ("The union named three outcomes:\n\nBoth sides met twice.\n", [None]),
        # Nothing after it: a paragraph, as before.
        ("Both sides met twice.\n\nInside the Talks:\n", [None]),
    ],
)
def test_an_unknown_title_ending_in_a_colon_is_judged_by_what_follows(
    source: str, titles: list[str | None]
) -> None:
    brief, _ = _lenient("Dock Strike Ends\n\n" + source)
    assert [s.title for s in brief.sections] == titles


def test_a_colon_title_in_a_script_without_case_needs_a_known_title() -> None:
    source = "عنوان\n\nوتبقى ثلاث مسائل:\n\nنص الفقرة.\n"
    brief, _ = _lenient(source)
    assert [s.title for s in brief.sections] == [None]
    with pytest.warns(bm.BriefmodelWarning, match="repaired line 3"):
        known = text.read(source, strict=False, roles={"وتبقى ثلاث مسائل": "context"})
    assert [(s.title, s.role) for s in known.sections] == [("وتبقى ثلاث مسائل", "context")]


# --------------------------------------------------------------------------------------
# Source lines


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("Source: Ministry of Transport\n", [bm.Source(id="s1", title="Ministry of Transport")]),
        (
            "SOURCES: Port Authority; https://example.org/notice\n",
            [
                bm.Source(id="s1", title="Port Authority"),
                bm.Source(
                    id="s2", title="https://example.org/notice", url="https://example.org/notice"
                ),
            ],
        ),
        (
            "Source: Port Authority, https://example.org/notice.\nSource: Dockers' Union\n",
            [
                bm.Source(id="s1", title="Port Authority", url="https://example.org/notice"),
                bm.Source(id="s2", title="Dockers' Union"),
            ],
        ),
        (
            "Sources:\n\n1. Port Authority\n2. https://example.org/union\n",
            [
                bm.Source(id="s1", title="Port Authority"),
                bm.Source(
                    id="s2", title="https://example.org/union", url="https://example.org/union"
                ),
            ],
        ),
        (
            "Sources:\n  • Port Authority (www.example.org)\n  • Dockers' Union\n",
            [
                bm.Source(id="s1", title="Port Authority (www.example.org)"),  # not absolute
                bm.Source(id="s2", title="Dockers' Union"),
            ],
        ),
    ],
)
def test_source_lines_at_the_end_are_the_brief_s_sources(
    lines: str, expected: list[bm.Source]
) -> None:
    source = f"Dock Strike Ends\n\nCranes restart today.\n\n{lines}"
    brief, _ = _lenient(source)
    assert list(brief.sources) == expected
    assert _blocks(brief) == [[("paragraph", "Cranes restart today.")]]
    assert _repairs(source) == [("repair.source-lines", 5)]
    assert bm.validate(brief).ok


def test_source_lines_at_the_start_and_before_page_furniture() -> None:
    source = (
        "Dock Strike Ends\n\nSource: Port Authority\n\nCranes restart today.\n\n"
        "Sources: Dockers' Union\n\nRelated Articles\n\nShips Queue at the Pier\n"
    )
    brief, _ = _lenient(source)
    assert [s.title for s in brief.sources] == ["Port Authority", "Dockers' Union"]
    assert _blocks(brief) == [[("paragraph", "Cranes restart today.")]]
    assert _repairs(source) == [
        ("repair.source-lines", 3),
        ("repair.source-lines", 7),
        ("text.dropped", 9),  # the empty title
        ("text.dropped", 11),  # the line under it
    ]


def test_source_lines_in_the_middle_stay_text() -> None:
    source = (
        "Dock Strike Ends\n\nCranes restart today.\n\n"
        "Source: Port Authority officials, speaking on Monday.\n\n"
        "Ships queue at the pier, and the talks go on into the night again.\n\n"
        "Source: Dockers' Union\n"
    )
    brief, _ = _lenient(source)
    assert [s.title for s in brief.sources] == ["Dockers' Union"]
    paragraphs = [bm.plain_text(b.content) for b in brief.sections[0].blocks]
    assert paragraphs[1] == "Source: Port Authority officials, speaking on Monday."


def test_a_paragraph_under_sources_is_no_source() -> None:
    body = (
        "The port authority said on Monday that cranes would restart at dawn and that "
        "every berth would be open again by the end of the week, weather permitting."
    )
    source = f"Dock Strike Ends\n\nSources:\n\n{body}\n\nShips queue at the pier.\n"
    brief, _ = _lenient(source)
    assert brief.sources == ()
    assert [s.title for s in brief.sections] == ["Sources"]
    assert _blocks(brief)[0][0] == ("paragraph", body)


def test_strictly_a_source_line_reads_as_before() -> None:
    brief = bm.loads(
        "Dock Strike Ends\n\nCranes restart today.\n\nSource: Port Authority\n", "text"
    )
    assert brief.sources == ()
    assert [s.title for s in brief.sections] == [None, "Source: Port Authority"]


# --------------------------------------------------------------------------------------
# The seed, and briefmodel's own text


def test_the_seed_reads_leniently_as_strictly(seed: Path) -> None:
    source = seed.read_text("utf-8")
    brief, said = _lenient(source)
    assert brief == bm.loads(source, "text")
    assert len(said) == 1
    assert "repaired" not in said[0]  # only the page furniture, dropped
    assert {p.code for p in bm.validate(seed, lenient=True).warnings} == {"text.dropped"}


def test_the_writer_escapes_what_lenient_reading_would_take_otherwise() -> None:
    brief = bm.Brief(
        id="urn:example:wire",
        headline="Dock Strike Ends",
        created=text.UNDATED,
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(content="1. Cranes restart today."),
                    bm.Paragraph(content="Key Points:"),
                    bm.Paragraph(content="Sources: the port"),
                ]
            ),
            bm.Section(title="Sources: Port Authority"),
        ],
    )
    written = text.write(brief)
    assert "\n\\1. Cranes restart today.\n" in written
    assert "\n\\Key Points:\n" in written
    assert "\n\\Sources: the port\n" in written
    assert "\n# Sources: Port Authority\n" in written
    assert text.read(written, id=brief.id, strict=False) == text.read(written, id=brief.id)


_HEADER_LIKE = re.compile(r"\s*(title|headline|slug)\s*:", re.I)
_STRIPPED = re.compile(r"[\x7f-\x9f]")


@given(briefs())
def test_briefmodel_s_own_text_reads_leniently_as_strictly(brief: bm.Brief) -> None:
    written = _STRIPPED.sub("", text.write(brief))  # DEL and C1 are removed leniently
    assume(not _HEADER_LIKE.match(written))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        lenient = text.read(written, id=brief.id, strict=False)
    assert lenient == text.read(written, id=brief.id)
    report = bm.validate(written, "text", lenient=True)
    assert [p.code for p in report.warnings if p.code.startswith("repair.")] == []


#: Lines that reading leniently takes for more than text, unless the writer escapes them.
TRICKY = [
    "1. Cranes restart today.",
    "2) Ships queue.",
    "Key Points:",
    "Inside the Talks:",
    "Sources: Port Authority",
    "SOURCE: https://example.org/notice",
    "Title: Dock Strike Ends",
]


@pytest.mark.parametrize("line", TRICKY)
def test_tricky_lines_in_briefmodel_s_text_read_back_either_way(line: str) -> None:
    table = bm.Table(
        caption=line,
        body=[bm.TableRow(cells=[bm.TableCell(content=line), bm.TableCell(content="x")])],
    )
    brief = bm.Brief(
        id="urn:example:tricky",
        headline="Dock Strike Ends",
        subheadline=line,
        created=text.UNDATED,
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(content=line),
                    bm.ItemList(ordered=True, items=[line, "Pay talks go on."]),
                    bm.Paragraph(content=line),
                ]
            ),
            bm.Section(title=line, blocks=[table, bm.Paragraph(content=line)]),
            bm.Section(title=line),
        ],
    )
    written = text.write(brief)
    strictly = text.read(written, id=brief.id)
    with warnings.catch_warnings():
        warnings.simplefilter("error", bm.BriefmodelWarning)  # no repair, nothing dropped
        assert text.read(written, id=brief.id, strict=False) == strictly
    report = bm.validate(written, "text", lenient=True)
    assert [p.code for p in report.warnings] == ["section.empty"]  # the last, from the rules


def test_the_command_line_reads_a_wire_story_with_lenient(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(WIRE, "utf-8")
    assert main(["validate", str(story)]) == 1
    refused = capsys.readouterr().out
    assert "parse.not-text" in refused
    assert "(--lenient removes the control characters and reads it)" in refused
    assert main(["validate", "--lenient", str(story)]) == 0
    assert "repair.headline-from-header" in capsys.readouterr().out
    target = tmp_path / "story.json"
    assert main(["convert", "--lenient", str(story), "-o", str(target), "-q"]) == 0
    assert bm.load(target).headline == "Island Ferry Fares Rise by a Tenth in April"
