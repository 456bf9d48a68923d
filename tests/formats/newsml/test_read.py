"""NewsML-G2 reading: other producers' items, strictness, losses and errors, news messages;
and briefmodel's own items, whatever they hold beyond what the writer writes for the
brief read (an attribute on any element, text, a comment, a derived value changed) a
loss at its line, while every item it writes reads without one."""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from lxml import etree

import briefmodel as bm
from briefmodel.errors import MAX_PROBLEMS, count_problems

from ._support import ROOT, UTC, N, _minimal

#: IPTC concept natures read as entities rather than topics.
ENTITY_TYPES = {
    f"cpnat:{t}" for t in ("person", "organisation", "geoArea", "poi", "event", "object")
}


def _item(meta: str = "", body: str = "<p>Text.</p>", content_meta: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:other:7"
    version="2" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en-GB">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider uri="https://wire.example.org/"><name>Example Wire</name></provider>
    <versionCreated>2026-04-02T10:00:00Z</versionCreated>
    <pubStatus qcode="stat:usable"/>{meta}
  </itemMeta>
  <contentMeta>
    <contentCreated>2026-04-01T08:30:00+02:00</contentCreated>
    <creator><name>Rosa   Vidal</name></creator>
    <subject qcode="medtop:20000568"><name>sea transport</name></subject>
    <subject type="cpnat:organisation" qcode="wireorg:4411"><name>Harbour Board</name></subject>
    <headline>Harbour board
      delays dredging</headline>{content_meta}
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body>{body}</body></html>
    </inlineXML>
  </contentSet>
</newsItem>"""


def test_other_producers_items_are_mapped_with_their_white_space_tidied() -> None:
    body = """
      <p>The board put the
         work off <em>again</em>.</p>
      <h2>Why</h2>
      <p>Costs rose; see <a href="https://wire.example.org/costs">the figures</a>.</p>
      <ul><li>Silt surveys</li><li>Contract terms</li></ul>
      <h2>Next</h2>
      <blockquote><p>We will decide in May.</p></blockquote>
      <figure><img src="https://wire.example.org/dredger.jpg" alt="A dredger at rest"/>
        <figcaption>Idle since March</figcaption></figure>"""
    brief = bm.loads(_item(body=body), "newsml")
    assert brief.id == "urn:example:other:7"
    assert brief.version == 2
    assert brief.language == "en-GB"
    assert brief.headline == "Harbour board delays dredging"
    assert brief.created == datetime(2026, 4, 1, 6, 30, tzinfo=UTC)
    assert brief.updated == datetime(2026, 4, 2, 10, tzinfo=UTC)
    assert brief.publisher == bm.Agent(name="Example Wire", uri="https://wire.example.org/")
    assert brief.authors == (bm.Agent(name="Rosa Vidal"),)
    assert brief.subjects == (bm.Subject(code="medtop:20000568", name="sea transport"),)
    (entity,) = brief.entities
    assert (entity.kind, entity.name, dict(entity.identifiers)) == (
        "organization",
        "Harbour Board",
        {"wireorg": "4411"},
    )
    assert [s.title for s in brief.sections] == [None, "Why", "Next"]
    first, why, after = brief.sections
    assert first.blocks == (
        bm.Paragraph(content=["The board put the work off ", bm.Emphasis(content="again"), "."]),
    )
    assert why.blocks[1] == bm.ItemList(items=["Silt surveys", "Contract terms"])
    link = why.blocks[0].content[1]
    assert link == bm.Link(href="https://wire.example.org/costs", content="the figures")
    assert after.blocks[0] == bm.Quote(content="We will decide in May.")
    assert after.blocks[1] == bm.Figure(
        src="https://wire.example.org/dredger.jpg",
        alt="A dredger at rest",
        caption="Idle since March",
    )


def test_strict_reading_refuses_what_the_model_cannot_hold_naming_each_line() -> None:
    xml = _item(
        content_meta="\n    <slugline>HARBOUR-DREDGE</slugline>",
        body="<p>Text.</p>\n<dl><dt>1</dt></dl>",
    )
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml")
    problems = caught.value.problems
    assert {p.code for p in problems} == {"newsml.dropped"}
    lines = xml.splitlines()
    for problem in problems:
        assert problem.line is not None
        assert ("slugline" in problem.message) == ("<slugline>" in lines[problem.line - 1])
    assert any("<dl>" in p.message for p in problems)
    assert all("strict=False" in p.message for p in problems)


def test_lenient_reading_warns_and_keeps_unknown_metadata_as_xml() -> None:
    xml = _item(content_meta="\n    <slugline>HARBOUR-DREDGE</slugline>")
    with pytest.warns(bm.BriefmodelWarning, match="slugline"):
        brief = bm.loads(xml, "newsml", strict=False)
    kept = dict(brief.extensions["briefmodel:unknown"])
    (where,) = kept
    assert where.endswith("slugline")
    assert etree.fromstring(kept[where]).text == "HARBOUR-DREDGE"
    # What was kept survives a trip through every lossless format.
    assert bm.loads(bm.dumps(brief, "newsml"), "newsml") == brief
    assert bm.loads(bm.dumps(brief)) == brief


def test_a_reader_error_names_the_line_and_the_field() -> None:
    xml = _item(meta="\n    <embargoed>next tuesday</embargoed>")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml", strict=False)
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.code == "datetime.invalid"
    assert "embargoed" in xml.splitlines()[problem.line - 1]


def test_dates_without_a_time_zone_are_read_as_utc_with_a_loss() -> None:
    xml = _item().replace("2026-04-01T08:30:00+02:00", "2026-04-01T08:30:00")
    with pytest.warns(bm.BriefmodelWarning, match="time zone") as caught:
        brief = bm.loads(xml, "newsml", strict=False)
    assert brief.created == datetime(2026, 4, 1, 8, 30, tzinfo=UTC)
    said = "the date-time '2026-04-01T08:30:00' of <contentCreated> has no time zone"
    assert f"{said} and is read as UTC" in str(caught[0].message)
    with pytest.raises(bm.ValidationError) as refused:
        bm.loads(xml, "newsml")
    assert refused.value.problems[0].message == (
        "the date-time '2026-04-01T08:30:00' of <contentCreated> has no time zone; "
        "strict=False reads it as UTC with a warning"
    )


def test_semantic_rules_run_on_xml_input_with_json_pointers() -> None:
    brief = _minimal(
        sources=[bm.Source(id="s1", title="Notice")],
        sections=[bm.Section(blocks=[bm.Paragraph(content=["A", bm.Citation(ref="s1")])])],
    )
    xml = bm.dumps(brief, "newsml").replace('bm:source="s1"', 'bm:source="s9"')
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml")
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("ref.unknown-source", "/sections/0/blocks/0/content/1/ref")
    ]


def test_a_package_item_is_not_a_brief(iptc: Path) -> None:
    with pytest.raises(bm.ParseError, match="packageItem"):
        bm.load(iptc / "examples" / "LISTING_6_Simple_NewsML-G2_Package.xml")


@pytest.mark.parametrize(
    "name", ["LISTING_1_A_NewsML-G2_News_Item.xml", "LISTING_2_NewsML-G2_Text_Document.xml"]
)
def test_iptc_examples_are_read_leniently_with_their_losses(iptc: Path, name: str) -> None:
    path = iptc / "examples" / name
    source = etree.parse(str(path)).getroot()
    with pytest.raises(bm.ValidationError) as caught:
        bm.load(path)
    assert caught.value.problems
    assert all(p.line for p in caught.value.problems)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        brief = bm.load(path, strict=False)
    assert seen
    assert all(issubclass(w.category, bm.BriefmodelWarning) for w in seen)
    assert brief.id == source.get("guid")
    assert brief.version == int(source.get("version"))
    assert brief.headline == " ".join(source.findtext(f".//{N}headline").split())
    assert [s.code for s in brief.subjects] == [
        s.get("qcode") for s in source.iter(N + "subject") if s.get("type") not in ENTITY_TYPES
    ]
    assert [a.name for a in brief.authors] == [
        c.findtext(N + "name") for c in source.iter(N + "creator")
    ]
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in source.iter("{*}p")]
    assert [bm.plain_text(b.content) for s in brief.sections for b in s.blocks] == paragraphs
    # Whatever was read is a valid brief in every lossless format.
    assert bm.validate(bm.dumps(brief)).ok
    assert bm.loads(bm.dumps(brief, "newsml"), "newsml") == brief


def test_an_nitf_body_maps_headings_lists_and_drops_its_header() -> None:
    nitf = """<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
      <body.head><hedline><hl1>Ignored copy</hl1></hedline><byline>By R. Vidal</byline></body.head>
      <body.content><p>Lead.</p><hl2>Details</hl2><ul><li>One</li></ul><media media-type="image"/>
      </body.content></body></nitf>"""
    xml = _item().replace(
        """<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><p>Text.</p></body></html>""",
        f'<inlineXML contenttype="application/nitf+xml">{nitf}',
    )
    with pytest.warns(bm.BriefmodelWarning) as seen:
        brief = bm.loads(xml, "newsml", strict=False)
    message = str(seen[0].message)
    assert "byline" in message
    assert "media" in message
    assert [s.title for s in brief.sections] == [None, "Details"]
    assert brief.sections[1].blocks == (bm.ItemList(items=["One"]),)


def test_a_plain_text_body_becomes_paragraphs() -> None:
    xml = _item().replace(
        """<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><p>Text.</p></body></html>
    </inlineXML>""",
        '<inlineData contenttype="text/plain">First  line\nstill first.\n\nSecond.</inlineData>',
    )
    brief = bm.loads(xml, "newsml")
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "First line still first.",
        "Second.",
    ]


def _message(*items: str) -> str:
    inner = "".join(i.split("?>", 1)[1] for i in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2026-04-02T10:00:00Z</sent></header>
  <itemSet>{inner}</itemSet>
</newsMessage>"""


def test_load_all_reads_every_item_of_a_news_message(tmp_path: Path) -> None:
    one = _minimal()
    two = attrs.evolve(one, id="urn:example:newsml:2", headline="Second item")
    path = tmp_path / "feed.xml"
    path.write_text(_message(bm.dumps(one, "newsml"), bm.dumps(two, "newsml")), "utf-8")
    assert list(bm.load_all(path)) == [one, two]
    with pytest.raises(bm.ParseError, match="load_all"):
        bm.load(path)
    single = tmp_path / "one.json"
    bm.dump(one, single)
    assert list(bm.load_all(single)) == [one]


def test_load_all_refuses_or_skips_items_that_are_not_news_items(tmp_path: Path) -> None:
    package = '<?xml version="1.0"?><packageItem guid="urn:p" version="1"/>'
    path = tmp_path / "feed.xml"
    path.write_text(_message(bm.dumps(_minimal(), "newsml"), package), "utf-8")
    with pytest.raises(bm.ValidationError, match="packageItem"):
        list(bm.load_all(path))
    with pytest.warns(bm.BriefmodelWarning, match="packageItem"):
        assert list(bm.load_all(path, strict=False)) == [_minimal()]


def test_other_producers_links_keep_their_relation_and_a_repeated_headline_is_no_title() -> None:
    xml = _item(
        meta='\n    <link rel="irel:previousVersion" href="https://wire.example.org/v1"/>',
        body="<h1>Harbour board delays dredging</h1><p>Lead.</p><h2>More</h2><p>Detail.</p>",
    )
    brief = bm.loads(xml, "newsml")
    assert brief.related == (bm.Related(url="https://wire.example.org/v1", rel="previousVersion"),)
    assert [s.title for s in brief.sections] == [None, "More"]


def test_other_producers_quirks_are_read_or_reported_never_silently_lost() -> None:
    xml = _item(
        meta='\n    <o:link xmlns:o="urn:example:other" href="https://e.example.org/x"/>'
        "\n    <title>Internal label</title>",
        body="<p>Water <em>rose\n      fast</em> again</p>",
        content_meta='\n    <foo xmlns="urn:example:a">1</foo><foo xmlns="urn:example:b">2</foo>',
    ).replace(
        '<provider uri="https://wire.example.org/"><name>Example Wire</name></provider>',
        '<provider qcode="nprov:EXW"/><firstCreated>2026-04-01T00:00:00Z</firstCreated>',
    )
    with pytest.warns(bm.BriefmodelWarning) as seen:
        brief = bm.loads(xml, "newsml", strict=False)
    message = str(seen[0].message)
    assert "contentCreated" in message
    assert "title" in message
    assert brief.related == ()  # a link in a foreign namespace is not NewsML-G2's link
    assert brief.publisher == bm.Agent(name="nprov:EXW")
    assert brief.sections[0].blocks[0].content[1] == bm.Emphasis(content="rose fast")
    kept = dict(brief.extensions["briefmodel:unknown"])
    assert {etree.fromstring(v).text for k, v in kept.items() if "foo" in k} == {"1", "2"}


def test_load_all_passes_over_unreadable_items_when_lenient(tmp_path: Path) -> None:
    good = _minimal()
    headless = '<?xml version="1.0"?><newsItem guid="urn:x:headless" version="1"/>'
    path = tmp_path / "feed.xml"
    path.write_text(_message(headless, bm.dumps(good, "newsml")), "utf-8")
    with pytest.raises(bm.ValidationError, match="headline"):
        list(bm.load_all(path))
    with pytest.warns(bm.BriefmodelWarning, match="passed over.*headline"):
        assert list(bm.load_all(path, strict=False)) == [good]


def test_parts_the_model_cannot_hold_are_dropped_when_lenient_not_fatal() -> None:
    xml = _item(
        content_meta='\n    <subject qcode="medtop:1" relevance="150"/>'
        '\n    <subject qcode="medtop:2" confidence="high"/>'
        '\n    <subject type="cpnat:person" literal="9 bad id"><name>Al</name></subject>',
        body='<p>Said <span id="m1">Al</span>.</p>',
    ).replace("</contentMeta>", '</contentMeta>\n  <inlineRef idrefs="m1" literal="9 bad id"/>')
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml")
    assert {p.code for p in caught.value.problems} == {"newsml.dropped"}
    with pytest.warns(bm.BriefmodelWarning, match="relevance"):
        brief = bm.loads(xml, "newsml", strict=False)
    assert [s.code for s in brief.subjects] == ["medtop:20000568", "medtop:2"]
    assert brief.subjects[1].confidence is None
    assert [e.name for e in brief.entities] == ["Harbour Board", "Al"]
    assert bm.plain_text(brief.sections[0].blocks[0].content) == "Said Al."


# ======================================================================================
# What our own item holds beyond what the writer writes for the brief read is a loss

GOLDEN = ROOT / "tests" / "golden" / "write"
BRIEF_FILES = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
PLANTED = "{urn:example:planted}n"


def _own_losses(text: str) -> list[bm.Problem]:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "newsml")
    return list(caught.value.problems)


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
@pytest.mark.parametrize("path", BRIEF_FILES, ids=lambda p: p.stem)
def test_an_attribute_the_writer_never_writes_is_a_loss_on_every_element(
    path: Path, pretty: bool
) -> None:
    root = etree.fromstring(bm.dumps(bm.load(path), "newsml", pretty=pretty).encode("utf-8"))
    for number, element in enumerate(root.iter()):
        element.set(PLANTED, str(number))
        element.set("foo", str(number))  # no namespace, as NewsML-G2's own attributes
    text = etree.tostring(root, encoding="unicode")
    lines = {str(n): e.sourceline for n, e in enumerate(etree.fromstring(text).iter())}
    found: dict[str, list[int | None]] = {}
    problems = _own_losses(text)
    listed = [p for p in problems if p.code != "problems.more"]
    for problem in listed:
        assert problem.code == "newsml.dropped"
        match = re.search(r"the attribute (\{urn:example:planted\}n|foo)='(\d+)'", problem.message)
        assert match is not None, problem
        found.setdefault(match.group(2), []).append(problem.line)
    # The first MAX_PROBLEMS are listed, each at its line; problems.more counts the rest.
    assert found == {n: [lines[n]] * len(at) for n, at in found.items()}
    assert len(listed) == min(2 * len(lines), MAX_PROBLEMS)
    assert count_problems(problems) == 2 * len(lines)
    report = bm.validate(text, "newsml")  # the profile says so too
    assert {p.code for p in report.errors} - {"problems.more"} == {"xsd.invalid"}


def test_an_unknown_attribute_on_our_headline_is_a_loss_kept_when_lenient() -> None:
    text = bm.dumps(_minimal(), "newsml").replace("<headline>", '<headline foo="bar">')
    (problem,) = _own_losses(text)
    assert problem.message.startswith("the attribute foo='bar' of <headline> has no place")
    assert problem.line == 2
    with pytest.warns(bm.BriefmodelWarning, match="read with 1 loss"):
        brief = bm.loads(text, "newsml", strict=False)
    assert dict(brief.extensions["briefmodel:unknown"]) == {
        "/newsItem/contentMeta/headline/@foo": "bar"
    }
    assert attrs.evolve(brief, extensions={}) == _minimal()


@pytest.mark.parametrize(
    ("old", "new", "lost"),
    [
        ("<headline>", "<!-- checked by the desk --><headline>", "a comment 'checked by the desk'"),
        ("<headline>", "<?editor note?><headline>", "the processing instruction <?editor…?>"),
        ("<p>", "<p><!--x-->", "a comment 'x' in <p>"),
        ("<contentMeta>", "<contentMeta>Loose text", "the text 'Loose text' in <contentMeta>"),
        ("</itemMeta>", "</itemMeta>Between", "the text 'Between' in <newsItem>"),
        ("<ul>", "<ul>stray", "the text 'stray' in <ul>"),
        ("<title>", "<title>Old: ", "the text 'Old: Ferry timetable"),
        (
            '<pubStatus qcode="stat:usable"/>',
            '<pubStatus qcode="stat:usable"/><x:y xmlns:x="x"/>',
            "<y>",
        ),
        ('xml:lang="en"', 'xml:lang="en" bm:reviewed="yes"', "the attribute bm:reviewed='yes'"),
        (
            'scheme alias="bmdesc"',
            'scheme alias="other"',
            "the attribute alias='other' of <scheme>, which",
        ),
    ],
)
def test_what_the_writer_would_not_write_in_our_item_is_a_loss_at_its_line(
    old: str, new: str, lost: str
) -> None:
    brief = _minimal(
        sections=[
            bm.Section(blocks=[bm.ItemList(items=["a", "b"])]),
            bm.Section(blocks=[bm.Paragraph(content="x")]),
        ]
    )
    text = bm.dumps(brief, "newsml", pretty=True)
    assert old in text
    text = text.replace(old, new, 1)
    (problem,) = _own_losses(text)
    assert problem.code == "newsml.dropped"
    assert problem.message.startswith(lost), problem.message
    assert problem.line == text[: text.index(new)].count("\n") + 1
    with pytest.warns(bm.BriefmodelWarning, match="read with 1 loss"):
        bm.loads(text, "newsml", strict=False)
    report = bm.validate(text, "newsml")
    assert not report.ok


def test_a_comment_before_our_item_is_the_document_s_not_the_brief_s() -> None:
    text = bm.dumps(_minimal(), "newsml")
    text = text.replace("<newsItem", "<!-- exported 2026-10-01 --><newsItem", 1)
    assert bm.loads(text, "newsml") == _minimal()


def test_text_beside_the_elements_of_another_producer_s_metadata_is_a_loss() -> None:
    text = _item(content_meta="\n    stray words")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "newsml")
    (problem,) = caught.value.problems
    assert problem.message.startswith("the text 'stray words' in <contentMeta>")


def test_text_beside_the_items_of_another_producer_s_list_is_a_loss() -> None:
    text = _item(body="<ul>loose<li>a</li>tail<li>b</li></ul>")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "newsml")
    assert [p.message.split(" has ")[0] for p in caught.value.problems] == [
        "the text 'loose' in <ul>",
        "the text 'tail' in <ul>",
    ]


@pytest.mark.parametrize(
    "value",
    ['{"a": NaN}', '{"a": 1, "a": 2}', "[1e-400]", "[1e400]", "9007199254740992", "[1, 2"],
)
def test_an_extension_that_is_not_strict_json_is_refused(value: str) -> None:
    text = bm.dumps(_minimal(extensions={"x:y": 1}), "newsml")
    text = text.replace('key="x:y">1<', f'key="x:y">{value}<')
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "newsml", strict=False)
    (problem,) = [p for p in caught.value.problems if p.severity == "error"]
    assert problem.line == 2
    assert problem.code.startswith(("parse.", "schema."))


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.xml")), ids=lambda p: p.name)
def test_every_golden_item_reads_strictly_without_a_loss(path: Path) -> None:
    text = path.read_text("utf-8")
    brief = bm.loads(text, "newsml")
    assert bm.dumps(brief, "newsml", pretty=path.name.endswith(".pretty.xml")) == text


def test_an_nitf_table_is_read_as_a_table() -> None:
    nitf = """<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
      <p>Results.</p>
      <table><tr><th>Club</th><th>Points</th></tr><tr><td>Harbour FC</td><td>31</td></tr></table>
      </body.content></body></nitf>"""
    xml = _item().replace(
        """<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><p>Text.</p></body></html>""",
        f'<inlineXML contenttype="application/nitf+xml">{nitf}',
    )
    brief = bm.loads(xml, "newsml")
    assert brief.sections[0].blocks[1] == bm.Table(
        body=[
            bm.TableRow(cells=[bm.TableCell(content=h, header="auto") for h in ("Club", "Points")]),
            bm.TableRow(cells=["Harbour FC", "31"]),
        ]
    )


def test_lenient_load_all_passes_over_an_item_a_rule_refuses(tmp_path: Path) -> None:
    good = _minimal()
    not_a_grid = bm.Table(body=[bm.TableRow(cells=[])])  # table.shape: no repair mends it
    bad = attrs.evolve(
        good, id="urn:example:newsml:bad", sections=[bm.Section(blocks=[not_a_grid])]
    )
    last = attrs.evolve(good, id="urn:example:newsml:3", headline="Third item")
    path = tmp_path / "feed.xml"
    path.write_text(_message(*(bm.dumps(b, "newsml") for b in (good, bad, last))), "utf-8")
    with pytest.raises(bm.ValidationError, match=r"table\.shape"):
        list(bm.load_all(path))
    with pytest.warns(bm.BriefmodelWarning) as told:
        assert list(bm.load_all(path, strict=False)) == [good, last]
    passed = [p for w in told for p in w.message.problems]  # type: ignore[attr-defined]
    assert [p.code for p in passed] == ["repair.item-passed-over"]
    assert "urn:example:newsml:bad" in passed[0].message
    only_bad = tmp_path / "bad.xml"
    only_bad.write_text(_message(bm.dumps(bad, "newsml")), "utf-8")
    with pytest.warns(bm.BriefmodelWarning), pytest.raises(bm.ValidationError, match="brief 0"):
        list(bm.load_all(only_bad, strict=False))
