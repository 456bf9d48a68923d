"""NewsML-G2: conformance to IPTC's XSD, lossless round trips, other producers' items.

Hostile input is in ``test_newsml_hostile.py``, the profile XSD in
``test_newsml_profile.py`` and IPTC's Python library in ``test_newsml_interop.py``.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import briefmodel as bm
from briefmodel.formats import newsml
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
N = "{" + newsml.NAR + "}"
H = "{" + newsml.XHTML + "}"
B = "{" + newsml.BM + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
UTC = timezone.utc
#: IPTC concept natures read as entities rather than topics.
ENTITY_TYPES = {
    f"cpnat:{t}" for t in ("person", "organisation", "geoArea", "poi", "event", "object")
}


@pytest.fixture(scope="module")
def official(shared: Path) -> etree.XMLSchema:
    """IPTC's NewsML-G2 2.35 XSD, loaded offline."""
    path = shared / "standards" / "newsml-g2" / "2.35" / "NewsML-G2_2.35-spec-All-Power.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def iptc(shared: Path) -> Path:
    return shared / "standards" / "newsml-g2" / "2.35"


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:newsml:1",
        "headline": "Ferry timetable changes for the winter",
        "created": datetime(2026, 10, 1, 9, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Crossings drop to four a day.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _conforms(xml: str, official: etree.XMLSchema) -> None:
    root = etree.fromstring(xml.encode("utf-8"))
    assert official.validate(root), [f"{e.line}: {e.message}" for e in official.error_log][:5]
    # The body is a well-formed XHTML document on its own, all in the XHTML namespace.
    (inline,) = root.iter(N + "inlineXML")
    assert inline.get("contenttype") == "application/xhtml+xml"
    (html,) = inline
    alone = etree.fromstring(etree.tostring(html))
    assert alone.tag == H + "html"
    assert [c.tag for c in alone] == [H + "head", H + "body"]
    assert all(e.tag.startswith(H) for e in alone.iter())


def _briefs_on_disk() -> list[Path]:
    return EXAMPLES + SHOULD_PASS


# --------------------------------------------------------------------------------------
# Writing: conformance and shape


@pytest.mark.parametrize("path", _briefs_on_disk(), ids=lambda p: p.name)
@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_every_example_conforms_and_round_trips(
    path: Path, pretty: bool, official: etree.XMLSchema
) -> None:
    brief = bm.load(path)
    xml = bm.dumps(brief, "newsml", pretty=pretty)
    _conforms(xml, official)
    assert bm.to_dict(bm.loads(xml, "newsml")) == bm.to_dict(brief)


@given(briefs(), st.booleans())
def test_generated_briefs_conform_and_round_trip(
    official: etree.XMLSchema, brief: bm.Brief, pretty: bool
) -> None:
    xml = bm.dumps(brief, "newsml", pretty=pretty)
    _conforms(xml, official)
    back = bm.loads(xml, "newsml")
    assert back == brief
    assert bm.dumps(back) == bm.dumps(brief)


@given(briefs())
def test_pretty_printing_only_adds_white_space_between_elements(brief: bm.Brief) -> None:
    compact = bm.dumps(brief, "newsml")
    pretty = bm.dumps(brief, "newsml", pretty=True)
    assert "".join(pretty.split()) == "".join(compact.split())
    assert bm.loads(pretty, "newsml") == bm.loads(compact, "newsml")


def test_output_is_deterministic_and_declares_utf8() -> None:
    one = _minimal(extensions={"acme:desk": "ports", "acme:batch": [1, 2]})
    two = _minimal(extensions={"acme:batch": [1, 2], "acme:desk": "ports"})
    assert bm.dumps(one, "newsml") == bm.dumps(two, "newsml")
    assert bm.dumps(one, "newsml").startswith('<?xml version="1.0" encoding="UTF-8"?>\n')


def test_item_header_names_the_standard(official: etree.XMLSchema) -> None:
    brief = _minimal(version=3, language="ar", status="withheld")
    root = etree.fromstring(bm.dumps(brief, "newsml").encode())
    assert root.tag == N + "newsItem"
    assert root.get("guid") == brief.id
    assert root.get("version") == "3"
    assert root.get("standard") == "NewsML-G2"
    assert root.get("standardversion") == "2.35"
    assert root.get("conformance") == "power"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    assert root.find(f"{N}catalogRef").get("href").endswith("IPTC-G2-Standards_41.xml")
    assert root.find(f"{N}itemMeta/{N}itemClass").get("qcode") == "ninat:text"
    assert root.find(f"{N}itemMeta/{N}pubStatus").get("qcode") == "stat:withheld"
    assert root.findtext(f"{N}contentMeta/{N}headline") == brief.headline


def test_mentions_stay_linked_to_their_entities_through_inline_refs() -> None:
    brief = _minimal(
        entities=[
            bm.Entity(id="mayor", kind="person", name="Ada Brandt"),
            bm.Entity(id="isle", kind="place", name="Holm Island", identifiers={"geonames": "1"}),
        ],
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            bm.Mention(ref="mayor", content="The mayor"),
                            " met residents of ",
                            bm.Mention(ref="isle", content="the island"),
                            ", and ",
                            bm.Mention(ref="mayor", content="she"),
                            " listened.",
                        ]
                    )
                ]
            )
        ],
    )
    root = etree.fromstring(bm.dumps(brief, "newsml").encode())
    refs = {r.get("literal"): r.get("idrefs").split() for r in root.iter(N + "inlineRef")}
    assert set(refs) == {"mayor", "isle"}
    spans = {s.get(XML_ID): s.text for s in root.iter(H + "span")}
    assert [spans[i] for i in refs["mayor"]] == ["The mayor", "she"]
    assert [spans[i] for i in refs["isle"]] == ["the island"]
    subjects = {s.get("literal"): s for s in root.iter(N + "subject")}
    assert subjects["mayor"].get("type") == "cpnat:person"
    assert subjects["isle"].get("type") == "cpnat:geoArea"
    assert subjects["isle"].find(B + "identifier").get("scheme") == "geonames"


def test_generated_mention_ids_never_collide_with_section_ids() -> None:
    brief = _minimal(
        entities=[bm.Entity(id="e", kind="other", name="E")],
        sections=[
            bm.Section(
                id="mention-0", blocks=[bm.Paragraph(content=bm.Mention(ref="e", content="x"))]
            )
        ],
    )
    root = etree.fromstring(bm.dumps(brief, "newsml").encode())
    ids = [e.get("id") or e.get(XML_ID) for e in root.iter() if e.get("id") or e.get(XML_ID)]
    assert len(ids) == len(set(ids)) == 2
    assert bm.loads(bm.dumps(brief, "newsml"), "newsml") == brief


def test_what_the_standard_cannot_hold_goes_to_the_briefmodel_namespace() -> None:
    brief = bm.load(ROOT / "examples" / "grid-outlook-judgments.json")
    root = etree.fromstring(bm.dumps(brief, "newsml").encode())
    judgments = root.findall(f".//{H}aside")
    assert judgments
    expected = [b for _, b in brief.walk() if type(b) is bm.Judgment]
    assert [j.get(B + "confidence") for j in judgments] == [b.confidence for b in expected]
    assert [j.get(B + "likelihood") for j in judgments] == [b.likelihood for b in expected]
    graded = [s for s in brief.sources if s.reliability]
    assert graded
    by_id = {s.get("literal"): s for s in root.iter(N + "infoSource")}
    for source in graded:
        assert by_id[source.id].get(B + "reliability") == source.reliability


@pytest.mark.parametrize("minutes", [-23 * 60 - 59, -14 * 60 - 1, 14 * 60 + 1, 20 * 60])
def test_offsets_xml_schema_cannot_hold_are_written_in_utc_and_kept_exactly(
    minutes: int, official: etree.XMLSchema
) -> None:
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(minutes=minutes)))
    brief = _minimal(created=created)
    xml = bm.dumps(brief, "newsml")
    _conforms(xml, official)
    first = etree.fromstring(xml.encode()).find(f"{N}itemMeta/{N}firstCreated")
    assert first.text == created.astimezone(UTC).isoformat()
    back = bm.loads(xml, "newsml")
    assert back.created.utcoffset() == created.utcoffset()
    assert bm.dumps(back) == bm.dumps(brief)


def test_names_with_tabs_and_line_breaks_and_malformed_uris_survive(
    official: etree.XMLSchema,
) -> None:
    brief = _minimal(
        keywords=["two\tcolumns", "line\none"],
        authors=[bm.Agent(name="Kim\tLee", uri="https://example.org/a%zz#x#y")],
        related=[bm.Related(url="https://example.org/100%")],
        genre="long\r\nform",
    )
    xml = bm.dumps(brief, "newsml")
    _conforms(xml, official)
    assert bm.loads(xml, "newsml") == brief


def test_a_brief_without_publisher_names_no_provider() -> None:
    xml = bm.dumps(_minimal(), "newsml")
    provider = etree.fromstring(xml.encode()).find(f"{N}itemMeta/{N}provider")
    assert provider.find(N + "name") is None
    assert bm.loads(xml, "newsml").publisher is None


def test_dump_and_load_pick_newsml_by_suffix_and_by_content(tmp_path: Path) -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    path = tmp_path / "brief.xml"
    bm.dump(brief, path)
    assert path.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert bm.load(path) == brief
    renamed = tmp_path / "brief.data"
    renamed.write_bytes(path.read_bytes())
    assert bm.load(renamed) == brief
    assert bm.loads(path.read_bytes(), None) == brief


# --------------------------------------------------------------------------------------
# Reading: strictness, losses and errors


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
        body="<p>Text.</p>\n<table><tr><td>1</td></tr></table>",
    )
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(xml, "newsml")
    problems = caught.value.problems
    assert {p.code for p in problems} == {"newsml.dropped"}
    lines = xml.splitlines()
    for problem in problems:
        assert problem.line is not None
        assert ("slugline" in problem.message) == ("<slugline>" in lines[problem.line - 1])
    assert any("table" in p.message for p in problems)
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
    with pytest.warns(bm.BriefmodelWarning, match="time zone"):
        brief = bm.loads(xml, "newsml", strict=False)
    assert brief.created == datetime(2026, 4, 1, 8, 30, tzinfo=UTC)


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


# --------------------------------------------------------------------------------------
# Validation of XML input


def test_validate_checks_own_items_against_the_profile_with_line_numbers() -> None:
    xml = bm.dumps(_minimal(), "newsml", pretty=True)
    assert bm.validate(xml).ok
    broken = xml.replace("<headline>", "<slugline>x</slugline>\n    <headline>")
    report = bm.validate(broken)
    assert not report.ok
    (problem, *_) = report.errors
    assert problem.code == "xsd.invalid"
    assert "slugline" in broken.splitlines()[problem.line - 1]


def test_validate_takes_any_xsd_such_as_the_official_one(iptc: Path) -> None:
    xsd = iptc / "NewsML-G2_2.35-spec-All-Power.xsd"
    listing = iptc / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"
    report = bm.validate(listing, xsd=xsd)
    assert report.ok
    assert report.warnings
    assert {p.code for p in report.warnings} == {"newsml.dropped"}
    bad = listing.read_text("utf-8").replace("<itemClass", "<itemKlass")
    report = bm.validate(bad, xsd=xsd)
    assert [p.code for p in report.errors][:1] == ["xsd.invalid"]
    assert "itemKlass" in bad.splitlines()[report.errors[0].line - 1]


def test_validate_reports_an_unusable_xsd_and_refuses_xsd_for_json(tmp_path: Path) -> None:
    xml = bm.dumps(_minimal(), "newsml")
    report = bm.validate(xml, xsd=tmp_path / "missing.xsd")
    assert [p.code for p in report.problems] == ["xsd.unusable"]
    with pytest.raises(TypeError, match="XML"):
        bm.validate(bm.dumps(_minimal()), xsd=tmp_path / "missing.xsd")


# --------------------------------------------------------------------------------------
# Command line


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_converts_to_and_from_xml_and_validates_it(tmp_path: Path, iptc: Path) -> None:
    source = ROOT / "examples" / "water-talks-ar.json"
    xml, back = tmp_path / "brief.xml", tmp_path / "back.json"
    assert _cli("convert", str(source), "-o", str(xml)).returncode == 0
    assert _cli("convert", str(xml), "-o", str(back)).returncode == 0
    assert bm.load(back) == bm.load(source)
    done = _cli("validate", str(xml))
    assert done.returncode == 0, done.stdout + done.stderr
    official = iptc / "NewsML-G2_2.35-spec-All-Power.xsd"
    listing = iptc / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"
    done = _cli("validate", "--xsd", str(official), str(xml), str(listing))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "newsml.dropped" in done.stdout
    done = _cli("validate", "--xsd", str(official), str(source))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


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
