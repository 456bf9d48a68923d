"""ninjs writing (formats/ninjs/write.py): the 3.x and 2.x spellings, ninjs's own
properties, the briefmodel metadata body, deterministic output."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

import briefmodel as bm
from briefmodel.formats import ninjs

from ._support import UTC, _minimal


def test_version_3_is_camel_case_and_2_lower_case() -> None:
    brief = _minimal(
        updated=datetime(2026, 10, 2, tzinfo=UTC),
        embargo_until=datetime(2026, 10, 3, tzinfo=UTC),
        sources=[bm.Source(id="s1", title="Harbour notice", url="https://example.org/n")],
        rights=bm.Rights(holder="Example Port", license_url="https://example.org/licence"),
    )
    three = json.loads(bm.dumps(brief, "ninjs"))
    two = json.loads(bm.dumps(brief, "ninjs", version="2.1"))
    assert {"firstCreated", "versionCreated", "embargoedUntil", "pubStatus", "infoSources"} <= set(
        three
    )
    assert three["rightsInfo"] == {"linkedRights": "https://example.org/licence"}
    assert {"firstcreated", "versioncreated", "embargoed", "pubstatus", "infosources"} <= set(two)
    assert two["rightsinfo"] == {"linkedrights": "https://example.org/licence"}
    assert three["standard"]["version"] == "3.1"
    assert two["standard"]["version"] == "2.1"
    assert all("contenttype" in body for body in two["bodies"])


def test_the_mapping_uses_ninjs_own_properties() -> None:
    brief = _minimal(
        subheadline="Four crossings a day from November",
        status="withheld",
        urgency=3,
        genre="analysis",
        authors=[bm.Agent(name="Ana Ruiz", uri="https://example.org/staff/ana", role="editor")],
        publisher=bm.Agent(name="Example Port News"),
        entities=[
            bm.Entity(id="ferry", kind="organization", name="Island Ferries"),
            bm.Entity(
                id="isle",
                kind="place",
                name="North Isle",
                identifiers={"uri": "https://example.org/isle"},
            ),
            bm.Entity(id="ana", kind="person", name="Ana", aliases=["A. R."]),
        ],
        subjects=[bm.Subject(code="medtop:20000763", name="transport", relevance=80)],
        keywords=["ferries"],
        related=[
            bm.Related(url="https://example.org/summer", title="Summer timetable", rel="previous")
        ],
        sections=[
            bm.Section(
                role="key-points", blocks=[bm.ItemList(items=["Four a day", "From November"])]
            ),
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[bm.Mention(ref="ferry", content="The operator"), " agreed."]
                    )
                ]
            ),
        ],
    )
    doc = json.loads(bm.dumps(brief, "ninjs"))
    assert doc["headlines"] == [
        {"role": "main", "value": brief.headline},
        {"role": "sub", "value": brief.subheadline},
    ]
    assert [d["value"] for d in doc["descriptions"]] == ["Four a day", "From November"]
    assert {d["role"] for d in doc["descriptions"]} == {ninjs.KEY_POINT_ROLE}
    assert doc["pubStatus"] == "withheld"
    assert doc["urgency"] == 3
    assert doc["genres"] == [{"name": "analysis"}]
    assert doc["by"] == "Ana Ruiz"
    assert doc["people"][0] == {
        "name": "Ana Ruiz",
        "rel": "author",
        "uri": "https://example.org/staff/ana",
    }
    assert doc["people"][1] == {"name": "Ana", "literal": "ana"}
    assert doc["organisations"] == [{"name": "Island Ferries", "literal": "ferry"}]
    assert doc["places"] == [
        {"name": "North Isle", "literal": "isle", "uri": "https://example.org/isle"}
    ]
    assert doc["subjects"] == [
        {"name": "transport", "literal": "medtop:20000763", "relevance": 80},
        {"name": "ferries", "rel": "keyword"},
    ]
    assert doc["infoSources"] == [{"name": "Example Port News", "role": "publisher"}]
    assert doc["associations"] == [
        {
            "name": "related-1",
            "uri": "https://example.org/summer",
            "rel": "previous",
            "headlines": [{"role": "main", "value": "Summer timetable"}],
        }
    ]
    main, meta_body = doc["bodies"]
    assert main["contentType"] == "application/xhtml+xml"
    assert 'bm:ref="ferry"' in main["value"]
    assert meta_body["role"] == ninjs.META_ROLE
    assert meta_body["contentType"] == ninjs.META_TYPE
    meta = json.loads(meta_body["value"])
    assert meta["authors"] == {"0": {"role": "editor"}}
    assert meta["entities"] == {"ana": {"aliases": ["A. R."]}}
    assert meta["entityOrder"] == ["ferry", "isle", "ana"]
    assert bm.loads(json.dumps(doc), "ninjs") == brief


def test_what_ninjs_cannot_hold_goes_to_the_metadata_body() -> None:
    brief = _minimal(
        id="brief-7",  # not a URI: written mended, exact in the metadata body
        sources=[bm.Source(id="s1", title="Log", reliability="B", credibility=2)],
        corrections=[bm.Correction(signal="correction", note="Time fixed")],
        extensions={"acme:desk": "ports"},
        rights=bm.Rights(),
    )
    doc = json.loads(bm.dumps(brief, "ninjs"))
    assert doc["uri"] == "urn:briefmodel:brief-7"
    meta = json.loads(doc["bodies"][-1]["value"])
    assert meta == {
        "sources": {"s1": {"reliability": "B", "credibility": 2}},
        "corrections": [{"signal": "correction", "note": "Time fixed"}],
        "extensions": {"acme:desk": "ports"},
        "exact": {"/uri": "brief-7"},
        "rights": {},
    }
    assert bm.loads(json.dumps(doc), "ninjs") == brief


def test_output_is_deterministic_and_indents() -> None:
    one = _minimal(extensions={"acme:desk": "ports", "acme:batch": [1, 2]})
    two = _minimal(extensions={"acme:batch": [1, 2], "acme:desk": "ports"})
    assert bm.dumps(one, "ninjs") == bm.dumps(two, "ninjs")
    pretty = bm.dumps(one, "ninjs", indent=2)
    assert pretty.startswith('{\n  "uri"')
    assert json.loads(pretty) == json.loads(bm.dumps(one, "ninjs"))


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"3\.0"):
        bm.dumps(_minimal(), "ninjs", version="3.0")


@pytest.mark.parametrize(
    ("wrong", "error"), [(17, ValueError), (10**4, ValueError), ("\t", TypeError)]
)
def test_the_indent_is_bounded_as_for_canonical_json(wrong: object, error: type[Exception]) -> None:
    brief = _minimal()
    with pytest.raises(error, match="indent: expected None or a number of spaces from 0 to 16"):
        bm.dumps(brief, "ninjs", indent=wrong)
    assert bm.dumps(brief, "ninjs", indent=16).startswith('{\n                "uri"')
