"""Reading agency NewsML-G2 leniently (issue 13): a body in a vocabulary that is neither
XHTML nor NITF read as paragraphs of its text (``repair.body-as-text``), and a
modification stamp before the item's creation (clocks that disagree) read as no update;
strict reading unchanged."""

from __future__ import annotations

import pytest

import briefmodel as bm
from briefmodel.formats import newsml
from briefmodel.formats.newsml import _lenient as newsml_read

HEADLINE = "Harbour ferry timetable changes"


def _item(inline: str, *, dates: str = "", modified: str = "") -> str:
    """An agency's text item whose ``inlineXML`` holds ``inline``."""
    first = dates or (
        "<versionCreated>2026-04-01T06:00:00Z</versionCreated>\n"
        "    <firstCreated>2026-04-01T06:00:00Z</firstCreated>"
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:ferry:9"
    xml:lang="en" standard="NewsML-G2" standardversion="2.29" conformance="power">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="harbour-wire"/>
    {first}
  </itemMeta>
  <contentMeta>
    {modified}
    <headline>{HEADLINE}</headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/x-wire+xml">
{inline}
    </inlineXML>
  </contentSet>
</newsItem>"""


_WIRE_BODY = f"""      <STORY xmlns="" REF="7:2">
        <TEXT>
          <HEAD>{HEADLINE}</HEAD>
          <PLACE><CITY>Portsmouth</CITY></PLACE>
          <P>The morning ferry leaves half an hour <EM>earlier</EM> from Monday.</P>
          <INTRO>Crews asked for the change.</INTRO>
          <H2>Evening sailings</H2>
          <P>The last boat stays at ten.</P>
          <UL><LI>Weekdays only.</LI></UL>
        </TEXT>
      </STORY>"""


def _examined(xml: str) -> tuple[bm.Brief, list[bm.Problem]]:
    problems, brief = newsml.examine(xml)
    assert brief is not None, problems
    return brief, problems


def _line(xml: str, needle: str) -> int:
    return next(n for n, text in enumerate(xml.splitlines(), 1) if needle in text)


def test_a_body_in_an_unknown_vocabulary_is_read_as_its_text_leniently() -> None:
    xml = _item(_WIRE_BODY)
    brief, problems = _examined(xml)
    (intro, evening) = brief.sections
    assert intro.title is None
    assert [bm.plain_text(b.content) for b in intro.blocks] == [  # type: ignore[union-attr]
        "Portsmouth",
        "The morning ferry leaves half an hour earlier from Monday.",
        "Crews asked for the change.",
    ]  # (the headline repeated atop the body is not read again)
    assert evening.title == "Evening sailings"
    assert [bm.plain_text(b.content) for b in evening.blocks] == [  # type: ignore[union-attr]
        "The last boat stays at ten.",
        "Weekdays only.",
    ]
    said = [(p.code, p.line) for p in problems if p.code.startswith("repair.")]
    assert said == [("repair.body-as-text", _line(xml, "<STORY"))]


def test_a_body_in_an_unknown_vocabulary_is_lost_strictly() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(_item(_WIRE_BODY), "newsml")
    assert "newsml.dropped" in {p.code for p in caught.value.problems}
    assert "repair.body-as-text" not in {p.code for p in caught.value.problems}


@pytest.mark.parametrize(
    "inline",
    [
        '      <body xmlns="http://producer.example.org/ns"><p>Crews asked.</p></body>',
        "      <Article><Para>Crews asked.</Para>  </Article>",
        "      <doc>Crews asked.</doc>",
    ],
)
def test_other_vocabularies_and_namespaces_are_read_as_text(inline: str) -> None:
    brief, problems = _examined(_item(inline))
    assert brief.plain_text().splitlines()[1:] == ["Crews asked."]
    assert "repair.body-as-text" in {p.code for p in problems}


@pytest.mark.parametrize(
    "inline",
    [
        '      <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Crews asked.</p></body></html>',
        "      <html><body><p>Crews asked.</p></body></html>",  # (no namespace, as some write)
        '      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>'
        "<p>Crews asked.</p></body.content></body></nitf>",
    ],
)
def test_xhtml_and_nitf_bodies_are_not_read_as_text(inline: str) -> None:
    brief, problems = _examined(_item(inline))
    assert brief.plain_text().splitlines()[1:] == ["Crews asked."]
    assert "repair.body-as-text" not in {p.code for p in problems}


def test_a_body_of_text_without_a_headline_gives_one_from_its_first_sentence() -> None:
    xml = _item(_WIRE_BODY.replace(f"<HEAD>{HEADLINE}</HEAD>", "")).replace(
        f"<headline>{HEADLINE}</headline>", ""
    )
    brief, _ = _examined(xml)
    assert brief.headline == "Portsmouth"


# --------------------------------------------------------------------------------------
# Stamps before the creation


@pytest.mark.parametrize(
    ("dates", "modified", "element"),
    [
        (
            "<versionCreated>2026-04-01T05:59:58Z</versionCreated>\n"
            "    <firstCreated>2026-04-01T06:00:00Z</firstCreated>",
            "",
            "<versionCreated>",
        ),
        (
            "<firstCreated>2026-04-01T06:00:00Z</firstCreated>",
            "<contentModified>2026-04-01T05:59:30Z</contentModified>",
            "<contentModified>",
        ),
    ],
)
def test_a_stamp_before_the_creation_is_no_update_leniently(
    dates: str, modified: str, element: str
) -> None:
    xml = _item("<html><body><p>Crews asked.</p></body></html>", dates=dates, modified=modified)
    brief, problems = _examined(xml)
    assert brief.created is not None
    assert brief.created.isoformat() == "2026-04-01T06:00:00+00:00"
    assert brief.updated is None
    (lost,) = [p for p in problems if element in p.message]
    assert (lost.code, lost.severity, lost.line) == (
        "newsml.dropped",
        "warning",
        _line(xml, element),
    )
    assert "repair.created-moved" not in {p.code for p in problems}


def test_a_later_stamp_is_the_update() -> None:
    dates = (
        "<versionCreated>2026-04-01T07:00:00Z</versionCreated>\n"
        "    <firstCreated>2026-04-01T06:00:00Z</firstCreated>"
    )
    brief, _ = _examined(_item("<html><body><p>Crews asked.</p></body></html>", dates=dates))
    assert brief.updated is not None
    assert brief.updated.isoformat() == "2026-04-01T07:00:00+00:00"


# --------------------------------------------------------------------------------------
# No guid


def test_an_item_with_no_guid_is_named_by_a_hash_leniently() -> None:
    xml = _item("<html><body><p>Crews asked.</p></body></html>").replace(
        ' guid="urn:example:ferry:9"', ""
    )
    with pytest.raises(bm.ValidationError, match="no guid"):
        bm.loads(xml, "newsml")
    brief, problems = _examined(xml)
    assert brief.id.startswith(newsml_read.HASHED_ID_PREFIX)
    at = _line(xml, "conformance=")  # (lxml: the line where the start tag ends)
    assert ("repair.id-hashed", at) in [(p.code, p.line) for p in problems]
    again, _ = _examined(xml.replace("<p>Crews", "<p>\n  Crews"))  # layout is not the story
    assert again.id == brief.id
    other, _ = _examined(xml.replace("Crews asked.", "Crews refused."))
    assert other.id != brief.id
    assert bm.loads(xml, "newsml", strict=False, id="urn:mine:2").id == "urn:mine:2"
