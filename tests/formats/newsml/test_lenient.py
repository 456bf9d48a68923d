"""Reading agency NewsML-G2 leniently: each repair (a headline from elsewhere, empty
elements passed over, dates spelt loosely, an undated item), said as a ``repair.…``
warning at its line; the fallback options; a newsMessage with items that cannot be read;
and IPTC's own items, which lenient reading reads or refuses with a briefmodel error."""

from __future__ import annotations

import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import briefmodel as bm
from briefmodel.formats import UNDATED, newsml

from ._support import UTC, _minimal

WHEN = datetime(2026, 3, 9, 7, 15, tzinfo=UTC)


def _item(
    *,
    meta: str = "",
    content_meta: str = "<headline>Lock gates close for repairs</headline>",
    body: str = "<p>The canal shuts for a week. Boats moor upstream.</p>",
    created: str = "<versionCreated>2026-03-09T07:15:00Z</versionCreated>",
    root: str = 'guid="urn:example:canal:1" xml:lang="en"',
) -> str:
    """An agency's text item (not briefmodel's: no generator), one element a line."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" {root}
    standard="NewsML-G2" standardversion="2.35" conformance="power">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="canal-wire"/>
    {created}
    {meta}
  </itemMeta>
  <contentMeta>
    {content_meta}
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>
      <body>
      {body}
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>"""


def _line(xml: str, needle: str) -> int:
    """The line (from 1) of the first line of ``xml`` that holds ``needle``."""
    return next(n for n, text in enumerate(xml.splitlines(), 1) if needle in text)


def _examined(xml: str) -> tuple[bm.Brief, list[bm.Problem]]:
    """The brief read leniently and every problem reported (as bm.validate has them)."""
    problems, brief = newsml.examine(xml)
    assert brief is not None, problems
    return brief, problems


def _repairs(problems: list[bm.Problem]) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in problems if p.code.startswith("repair.")]


def _lenient(xml: str, **options: Any) -> tuple[bm.Brief, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(xml, "newsml", strict=False, **options)
    return brief, [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]


# --------------------------------------------------------------------------------------
# A headline from elsewhere


@pytest.mark.parametrize(
    ("meta", "content_meta", "headline", "code", "needle"),
    [
        (
            "<title>Canal closure notice</title>",
            "<slugline>CANAL-CLOSE</slugline>",
            "Canal closure notice",
            "repair.headline-from-title",
            "<title>Canal",
        ),
        (
            "",
            "<slugline>CANAL-CLOSE</slugline>\n    <description>Not this one</description>",
            "CANAL-CLOSE",
            "repair.headline-from-slugline",
            "<slugline>",
        ),
        (
            "",
            '<description role="drol:summary">Gates shut  for a week</description>',
            "Gates shut for a week",
            "repair.headline-from-description",
            "<description",
        ),
        ("", "", "The canal shuts for a week", "repair.headline-from-body", "<p>The canal"),
    ],
)
def test_an_item_without_headline_takes_one_from_elsewhere(
    meta: str, content_meta: str, headline: str, code: str, needle: str
) -> None:
    xml = _item(meta=meta, content_meta=content_meta)
    brief, problems = _examined(xml)
    assert brief.headline == headline
    assert brief.subheadline is None  # (a description read as the headline is no dek)
    assert (code, _line(xml, needle)) in _repairs(problems)
    assert [c for c, _ in _repairs(problems) if c.startswith("repair.headline")] == [code]
    # What became the headline is no loss; the rest is, as before.
    lost = [p.line for p in problems if p.code == "newsml.dropped"]
    assert _line(xml, needle) not in lost
    brief, said = _lenient(xml)
    assert brief.headline == headline
    assert any("has no headline" in s for s in said)
    with pytest.raises(bm.ValidationError, match="no headline"):
        bm.loads(xml, "newsml")


def test_a_first_sentence_too_long_for_a_headline_is_cut_at_a_word() -> None:
    sentence = "The canal " + "and the towpath " * 20 + "close."
    brief, problems = _examined(_item(content_meta="", body=f"<p>{sentence} Then more.</p>"))
    assert brief.headline.endswith(" …")
    assert len(brief.headline) <= 120
    assert sentence.startswith(brief.headline[:-2])
    assert _repairs(problems)[0][0] == "repair.headline-from-body"


def test_an_item_with_nothing_to_name_it_is_still_refused() -> None:
    xml = _item(content_meta="<headline/>", body="")
    problems, brief = newsml.examine(xml)
    assert brief is None
    assert [p.code for p in problems if p.severity == "error"] == ["schema.required"]
    with pytest.raises(bm.ValidationError, match="no headline"):
        bm.loads(xml, "newsml", strict=False)


# --------------------------------------------------------------------------------------
# Empty elements


def test_empty_elements_are_passed_over_with_a_warning() -> None:
    xml = _item(
        meta="<title/>",
        content_meta="<headline/>\n    <slugline> </slugline>\n"
        '    <description role="drol:summary"/>\n    <headline>Gates close at dawn</headline>',
    )
    brief, problems = _examined(xml)
    assert brief.headline == "Gates close at dawn"
    assert brief.subheadline is None
    assert _repairs(problems) == [
        ("repair.empty-ignored", _line(xml, "<title/>")),
        ("repair.empty-ignored", _line(xml, "<headline/>")),
        ("repair.empty-ignored", _line(xml, "<slugline>")),
        ("repair.empty-ignored", _line(xml, "<description")),
    ]
    assert not [p for p in problems if p.code == "newsml.dropped"]
    with pytest.raises(bm.ValidationError):
        bm.loads(xml, "newsml")


# --------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("written", "read", "code"),
    [
        ("2026-03-09T07:15+0000", datetime(2026, 3, 9, 7, 15, tzinfo=UTC), None),
        ("2026-03-09 08:15:00+01:00", datetime(2026, 3, 9, 7, 15, tzinfo=UTC), None),
        ("2026-03-09 07:15:00", datetime(2026, 3, 9, 7, 15, tzinfo=UTC), "repair.date-naive"),
        ("2026-03-09", datetime(2026, 3, 9, tzinfo=UTC), "repair.date-only"),
    ],
)
def test_dates_are_read_in_any_common_spelling(
    written: str, read: datetime, code: str | None
) -> None:
    xml = _item(meta=f"<firstCreated>{written}</firstCreated>")
    brief, problems = _examined(xml)
    assert brief.created == read
    assert _repairs(problems) == ([] if code is None else [(code, _line(xml, "firstCreated"))])
    with pytest.raises(bm.ValidationError):
        bm.loads(xml, "newsml")


def test_an_unreadable_date_is_still_an_error() -> None:
    xml = _item(meta="<embargoed>after the vote</embargoed>")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml", strict=False)
    (error,) = [p for p in caught.value.problems if p.severity == "error"]
    assert (error.code, error.line) == ("datetime.invalid", _line(xml, "<embargoed>"))


def test_an_item_without_any_date_is_undated_unless_created_is_given() -> None:
    xml = _item(created="<firstCreated/>")
    brief, problems = _examined(xml)
    assert brief.created == UNDATED
    assert _repairs(problems) == [
        ("repair.empty-ignored", _line(xml, "<firstCreated/>")),
        ("repair.undated", _line(xml, 'conformance="power">')),  # (where its tag ends)
    ]
    brief, said = _lenient(xml, created=WHEN)
    assert brief.created == WHEN
    assert not any("undated" in s or "no date" in s for s in said)
    plain = _item(created="")
    assert bm.loads(plain, "newsml", created=WHEN).created == WHEN  # strictly too
    with pytest.raises(bm.ValidationError, match="no creation date"):
        bm.loads(plain, "newsml")
    dated = _item()
    assert bm.loads(dated, "newsml", created=WHEN).created == datetime(
        2026, 3, 9, 7, 15, tzinfo=UTC
    )


# --------------------------------------------------------------------------------------
# The fallback options


def test_id_and_language_fill_only_what_the_item_does_not_say() -> None:
    bare = _item(root="")
    brief = bm.loads(bare, "newsml", id="urn:example:given", language="nl")
    assert (brief.id, brief.language) == ("urn:example:given", "nl")
    said = bm.loads(_item(), "newsml", id="urn:example:given", language="nl")
    assert (said.id, said.language) == ("urn:example:canal:1", "en")
    with pytest.raises(bm.ValidationError, match="no guid"):
        bm.loads(bare, "newsml")
    brief, said = _lenient(_item(root='guid=" "'), id="urn:example:given")
    assert brief.id == "urn:example:given"
    assert any("the empty guid of the <newsItem> is passed over" in s for s in said)


def test_the_options_are_checked_and_taken_by_read_all() -> None:
    with pytest.raises(bm.OptionError, match=r"^created: "):
        bm.loads(_item(), "newsml", created="2026-03-09")
    with pytest.raises(bm.OptionError, match=r"^id: "):
        newsml.read(_item(), id=5)
    briefs = list(newsml.read_all(_message(_item(created="")), created=WHEN, language="fr"))
    assert [(b.created, b.language) for b in briefs] == [(WHEN, "en")]


# --------------------------------------------------------------------------------------
# A newsMessage with items that cannot be read


def _message(*items: str) -> str:
    inner = "\n".join(i.split("?>", 1)[1] for i in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2026-03-09T08:00:00Z</sent></header>
  <itemSet>
{inner}
  </itemSet>
</newsMessage>"""


PACKAGE = '<?xml version="1.0"?><packageItem guid="urn:example:pkg"/>'
HEADLESS = _item(content_meta="", body="", root='guid="urn:example:canal:2"')


def test_read_all_passes_over_what_it_cannot_read_naming_each_item() -> None:
    xml = _message(HEADLESS, _item(), PACKAGE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = list(newsml.read_all(xml, strict=False))
    assert [b.id for b in briefs] == ["urn:example:canal:1"]
    said = [str(w.message) for w in caught if "repair.item-passed-over" in str(w.message)]
    starts = [n for n, text in enumerate(xml.splitlines(), 1) if 'conformance="power">' in text]
    assert said[0].startswith(f"line {starts[0]}: warning repair.item-passed-over: item 0 ")
    assert "no headline" in said[0]
    assert said[1].startswith(f"line {_line(xml, '<packageItem')}: warning repair.item-passed-over")
    assert "item 2 (<packageItem>" in said[1]
    assert len(said) == 2
    with pytest.raises(bm.ValidationError, match="no headline"):
        list(newsml.read_all(xml))  # strictly, as before: the first item raises


def test_read_all_raises_when_no_item_can_be_read() -> None:
    xml = _message(HEADLESS, PACKAGE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(bm.ValidationError) as caught:
            list(newsml.read_all(xml, strict=False))
    messages = [p.message for p in caught.value.problems]
    assert messages[0].startswith("item 0: ")
    assert "no headline" in messages[0]
    assert messages[-1] == "item 1: a <packageItem> in the newsMessage is not a news item"
    with pytest.raises(bm.ValidationError, match="holds no item"):
        list(newsml.read_all(_message(), strict=False))
    assert list(newsml.read_all(_message())) == []  # strictly, as before


# --------------------------------------------------------------------------------------
# IPTC's own items


def _news_items(iptc: Path) -> list[Path]:
    found = []
    for path in sorted(iptc.rglob("*.xml")):
        root = etree.parse(str(path)).getroot()
        if root.tag == "{" + newsml.NAR + "}newsItem":
            found.append(path)
    return found


def _outcome(data: bytes, *, strict: bool) -> bm.Brief | bm.BriefmodelError:
    """The item read, or the briefmodel error that says why it cannot be (any other
    exception propagates, failing the test)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        try:
            return newsml.read(data, strict=strict)
        except bm.BriefmodelError as error:
            return error


def test_lenient_reading_reads_iptc_items_that_strict_reading_refuses(iptc: Path) -> None:
    items = _news_items(iptc)
    assert len(items) >= 5
    read, refused = [], []
    for path in items:
        data = path.read_bytes()
        if isinstance(_outcome(data, strict=True), bm.Brief):
            continue  # nothing to repair
        outcome = _outcome(data, strict=False)
        if isinstance(outcome, bm.Brief):
            assert outcome.headline, path.name
            read.append(path.name)
        else:  # a briefmodel error, saying why
            assert any(p.severity == "error" for p in outcome.problems), path.name
            refused.append(path.name)
    assert "LISTING_2_NewsML-G2_Text_Document.xml" in read
    assert len(read) >= 3


def test_a_message_of_one_item_reads_leniently_as_that_item() -> None:
    item = bm.dumps(_minimal(), "newsml")
    message = _wrapped(item)
    with pytest.raises(bm.ParseError, match="load_all"):
        bm.loads(message, "newsml")
    with pytest.warns(bm.BriefmodelWarning) as told:
        assert bm.loads(message, "newsml", strict=False) == _minimal()
    codes = [p.code for w in told for p in w.message.problems]  # type: ignore[attr-defined]
    assert codes == ["repair.item-of-message"]
    two = _wrapped(item, item)
    with pytest.raises(bm.ParseError, match="load_all"):
        bm.loads(two, "newsml", strict=False)


def _wrapped(*items: str) -> str:
    inner = "".join(i.split("?>", 1)[1] for i in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
        f"<header><sent>2026-04-02T10:00:00Z</sent></header><itemSet>{inner}</itemSet>"
        "</newsMessage>"
    )


def test_a_relative_link_is_read_against_the_items_web_address() -> None:
    item = bm.dumps(_minimal(), "newsml").replace(
        'guid="urn:example:newsml:1"', 'guid="https://wire.example.org/2026/10/crossings/"'
    )
    item = item.replace(
        "<p>Crossings drop to four a day.</p>",
        '<p>See <a href="../timetable.html">the timetable</a>.</p>',
    )
    item = item.replace(">briefmodel</generator>", ">Agency desk</generator>")  # another's
    with pytest.warns(bm.BriefmodelWarning) as told:
        brief = bm.loads(item, "newsml", strict=False)
    link = brief.sections[0].blocks[0].content[1]  # type: ignore[union-attr]
    assert link.href == "https://wire.example.org/2026/10/timetable.html"
    codes = [p.code for w in told for p in w.message.problems]  # type: ignore[attr-defined]
    assert "repair.link-resolved" in codes
