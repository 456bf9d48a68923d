"""NewsML-G2 writing: conformance to IPTC's XSD, the item's shape, lossless round trips.

Reading other producers' items is in ``test_read.py``, validation in ``test_validate.py``,
hostile input in ``test_hostile.py``, the profile XSD in ``test_profile.py`` and IPTC's
Python library in ``test_interop.py``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import briefmodel as bm
from briefmodel.testing import briefs

from ._support import ROOT, UTC, B, H, N, _minimal

EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


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


@pytest.mark.parametrize("path", _briefs_on_disk(), ids=lambda p: p.name)
@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_every_example_conforms_and_round_trips(
    path: Path, pretty: bool, official: etree.XMLSchema
) -> None:
    brief = bm.load(path)
    xml = bm.dumps(brief, "newsml", pretty=pretty)
    _conforms(xml, official)
    assert bm.to_dict(bm.loads(xml, "newsml")) == bm.to_dict(brief)


@given(briefs(dated=True), st.booleans())
def test_generated_briefs_conform_and_round_trip(
    official: etree.XMLSchema, brief: bm.Brief, pretty: bool
) -> None:
    xml = bm.dumps(brief, "newsml", pretty=pretty)
    _conforms(xml, official)
    back = bm.loads(xml, "newsml")
    assert back == brief
    assert bm.dumps(back) == bm.dumps(brief)


@given(briefs(dated=True))
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
