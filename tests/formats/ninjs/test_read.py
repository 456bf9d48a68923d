"""ninjs: conformance to IPTC's official schemas, lossless round trips, agency documents."""

from __future__ import annotations

import json
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from referencing import Registry, Resource

import briefmodel as bm
from briefmodel.formats import ninjs
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
ON_DISK = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
UTC = timezone.utc
#: Each agency example and the headline it must be read with.
AGENCY = {
    "3.x/businesswire-newsml-20130605006126.json": "Cambrios被Gartner評選為「最酷供應商」",
    "3.x/doc-3.1-004_simple_text_article.json": "Captain of wrecked cruise ship on trial in Italy",
    "3.x/doc-3.1-005_complex_text_article.json": "Captain of wrecked cruise ship on trial in Italy",
    "3.x/dpa_text.json": "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
    "3.x/ninjsExSimpleText_3.json": "Captain of wrecked cruise ship on trial in Italy",
    "3.x/ntb_text.json": "Google har kjøpt giganttomt i Skien",
    "3.x/tt_text_image_3.json": "Militärövning i jätteformat hålls 2023",
    "2.x/dpa_text.json": "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
    "2.x/ninjsExSimpleText_2.json": "Captain of wrecked cruise ship on trial in Italy",
}


@pytest.fixture(scope="module")
def validators(shared: Path) -> dict[str, jsonschema.protocols.Validator]:
    """IPTC's ninjs 3.1 and 2.1 schemas, with the local GeoJSON copy: nothing fetched."""
    base = shared / "standards" / "ninjs" / "schemas"
    geo = json.loads((base / "GeoJSON.json").read_text("utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geo)
    )
    found: dict[str, jsonschema.protocols.Validator] = {}
    for version in ninjs.VERSIONS:
        schema = json.loads((base / f"ninjs-schema_{version}.json").read_text("utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        found[version] = cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return found


@pytest.fixture(scope="module")
def agency(shared: Path) -> Path:
    return shared / "standards" / "ninjs" / "examples"


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:ninjs:1",
        "headline": "Ferry timetable changes for the winter",
        "created": datetime(2026, 10, 1, 9, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Crossings drop to four a day.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _conforms(text: str, version: str, validators: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    errors = [f"{e.json_path}: {e.message[:120]}" for e in validators[version].iter_errors(doc)]
    assert not errors, errors[:5]
    return doc


def _lenient(data: str | bytes) -> tuple[bm.Brief, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(data, "ninjs", strict=False)
    return brief, [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]


# --------------------------------------------------------------------------------------
# Writing: conformance and round trips


@pytest.mark.parametrize("version", ninjs.VERSIONS)
@pytest.mark.parametrize("path", ON_DISK, ids=lambda p: p.name)
def test_every_example_conforms_and_round_trips(
    path: Path, version: str, validators: dict[str, Any]
) -> None:
    brief = bm.load(path)
    text = bm.dumps(brief, "ninjs", version=version)
    _conforms(text, version, validators)
    back = bm.loads(text, "ninjs")
    assert bm.to_dict(back) == bm.to_dict(brief)
    assert back == brief


@given(briefs())
def test_generated_briefs_conform_and_round_trip(
    validators: dict[str, Any], brief: bm.Brief
) -> None:
    for version in ninjs.VERSIONS:
        text = bm.dumps(brief, "ninjs", version=version)
        _conforms(text, version, validators)
        back = bm.loads(text, "ninjs")
        assert back == brief
        assert bm.dumps(back) == bm.dumps(brief)


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


def test_files_and_sniffing(tmp_path: Path) -> None:
    brief = _minimal()
    path = tmp_path / "ferry.ninjs.json"
    bm.dump(brief, path)
    assert json.loads(path.read_text("utf-8"))["uri"] == brief.id
    assert bm.load(path) == brief
    plain = tmp_path / "ferry.json"
    plain.write_text(path.read_text("utf-8"), "utf-8")
    assert bm.load(plain, "ninjs") == brief
    assert bm.loads(bm.dumps(brief, "ninjs"), None) == brief  # sniffed as ninjs
    assert bm.loads(bm.dumps(brief), None) == brief  # canonical JSON stays JSON
    assert not ninjs.sniff(bm.dumps(brief))


# --------------------------------------------------------------------------------------
# Other producers


@pytest.mark.parametrize("name", sorted(AGENCY))
def test_agency_examples_are_read_leniently(agency: Path, name: str) -> None:
    data = (agency / name).read_bytes()
    brief, warned = _lenient(data)
    assert brief.headline == AGENCY[name]
    assert brief.id == json.loads(data)["uri"]
    assert bm.validate(brief).ok
    assert len(brief.plain_text()) > len(brief.headline) + 100  # the body was read
    unknown = brief.extensions.get(ninjs.UNKNOWN_KEY, {})
    for message in warned:
        assert message.startswith("read with ")
    if warned:  # reading strictly makes the same losses errors, each with its pointer
        with pytest.raises(bm.ValidationError) as caught:
            bm.loads(data, "ninjs")
        problems = caught.value.problems
        assert problems
        assert all(p.code == "ninjs.dropped" and p.path for p in problems)
        assert all(key.startswith("/") for key in unknown)


def test_agency_defaults_and_mapping(agency: Path) -> None:
    tt, _ = _lenient((agency / "3.x/tt_text_image_3.json").read_bytes())
    assert tt.created == datetime(2021, 5, 26, 11, 40, 18, tzinfo=UTC)  # from versionCreated
    assert tt.updated is None
    assert tt.version == 1
    assert tt.urgency == 3
    assert tt.language == "sv"
    assert tt.genre == "Inrikes"
    assert tt.rights == bm.Rights(holder="TT")
    assert [s.uri for s in tt.subjects] == ["http://tt.se/spec/subref/1.0/16000000"]
    assert (tt.subjects[0].relevance, tt.subjects[0].confidence) == (98, 58)
    assert {e.name for e in tt.entities if e.kind == "place"} == {"Sverige", "Gotland", "Finland"}
    unknown = tt.extensions[ninjs.UNKNOWN_KEY]
    assert "/altIds" in unknown
    assert "/associations/0" in unknown
    assert unknown["/places/1/geoJSON"] == {"coordinates": (18.2979, 57.6381), "type": "Point"}
    complex_, _ = _lenient((agency / "3.x/doc-3.1-005_complex_text_article.json").read_bytes())
    person = next(e for e in complex_.entities if e.kind == "person")
    assert person.identifiers["uri"] == "http://www.wikidata.org/entity/Q4421821"
    assert [a.name for a in complex_.authors] == ["Paulo Santalucia and Frances d'Emilio"]
    ntb, _ = _lenient((agency / "3.x/ntb_text.json").read_bytes())
    assert ntb.created == datetime(2019, 8, 9, 9, 30, 4, tzinfo=UTC)
    assert ntb.updated == datetime(2019, 8, 9, 9, 46, 53, tzinfo=UTC)
    assert ntb.subheadline is not None
    assert ntb.subheadline.startswith("IT-giganten Google")
    assert "Innenriks" in ntb.keywords
    dpa2, _ = _lenient((agency / "2.x/dpa_text.json").read_bytes())
    dpa3, _ = _lenient((agency / "3.x/dpa_text.json").read_bytes())
    assert dpa2 == dpa3
    assert dpa2.language == "de"
    assert dpa2.version == 2


def test_hand_written_ninjs_is_read() -> None:
    doc = {
        "uri": "https://news.example.org/items/42",
        "type": "text",
        "firstCreated": "2026-02-01T08:00:00+01:00",
        "versionCreated": "2026-02-01T09:30:00+01:00",
        "language": "en-GB",
        "headlines": [{"role": "main", "value": "Canal  reopens\n to barges"}],
        "descriptions": [{"role": "summary", "value": "Repairs finished early."}],
        "bodies": [
            {
                "contentType": "text/html",
                "value": "<h2>Work</h2><p>Crews <b>finished</b> the <a href='/x'>lock</a>"
                "&nbsp;gates.<p>Traffic resumes.",
            }
        ],
        "organisations": [
            {"name": "Canal Trust", "literal": "trust-1", "uri": "https://example.org/trust"}
        ],
        "infoSources": [{"name": "Canal Trust notice", "uri": "https://example.org/notice"}],
        "subjects": [
            {"name": "Transport", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000763"}
        ],
        "associations": [
            {
                "name": "see",
                "uri": "https://example.org/older",
                "headlines": [{"value": "Earlier closure"}],
            }
        ],
        "rightsInfo": {"linkedRights": "https://example.org/rights"},
    }
    brief, warned = _lenient(json.dumps(doc))
    assert brief.headline == "Canal reopens to barges"
    assert brief.subheadline == "Repairs finished early."
    assert brief.updated == datetime(2026, 2, 1, 8, 30, tzinfo=UTC)
    (section,) = brief.sections
    assert section.title == "Work"
    first, second = section.blocks
    assert bm.plain_text(first.content) == "Crews finished the lock gates."
    assert bm.plain_text(second.content) == "Traffic resumes."
    assert not any(isinstance(n, bm.Link) for n in first.content)  # a relative link is lost
    assert any("relative" in w for w in warned)
    assert brief.entities[0].identifiers == {
        "literal": "trust-1",
        "uri": "https://example.org/trust",
    }
    assert brief.sources[0].url == "https://example.org/notice"
    assert brief.subjects[0].uri.endswith("20000763")
    assert brief.related == (bm.Related(url="https://example.org/older", title="Earlier closure"),)
    assert brief.rights == bm.Rights(license_url="https://example.org/rights")


def test_strict_reading_lists_every_loss_with_its_pointer() -> None:
    doc = {
        "uri": "urn:x:1",
        "versionCreated": "2026-01-01T00:00:00Z",
        "headlines": [{"value": "A"}],
        "slugline": "a",
        "places": [
            {
                "name": "Oslo",
                "rel": "about",
                "geoJSON": {"type": "Point", "coordinates": [10.7, 59.9]},
            }
        ],
        "x-acme": {"desk": 1},
    }
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs")
    paths = sorted(p.path for p in caught.value.problems)
    assert paths == ["/places/0/geoJSON", "/places/0/rel", "/slugline", "/x-acme"]
    brief, _ = _lenient(json.dumps(doc))
    assert set(brief.extensions[ninjs.UNKNOWN_KEY]) == set(paths)
    assert brief.extensions[ninjs.UNKNOWN_KEY]["/x-acme"] == {"desk": 1}


def test_ninjs_2_pointers_use_its_spelling() -> None:
    doc = {
        "uri": "urn:x:2",
        "versioncreated": "2026-01-01T00:00:00Z",
        "headlines": [{"value": "B"}],
        "ednote": "check",
        "infosources": [{"name": "S", "contactinfo": [{"value": "1"}]}],
    }
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs")
    assert sorted(p.path for p in caught.value.problems) == [
        "/ednote",
        "/infosources/0/contactinfo",
    ]


# --------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("data", "code", "path"),
    [
        ("not json", "parse.syntax", ""),
        ("[1, 2]", "parse.not-ninjs", ""),
        ('{"uri": "a", "uri": "b"}', "parse.duplicate-key", "/uri"),
        ('{"uri": "a", "urgency": NaN}', "parse.non-finite-number", "/urgency"),
        ("[" * 100_000 + "]" * 100_000, "parse.too-deep", ""),
        (b'{"uri": "\xff"}', "parse.encoding", ""),
        ('{"schema": "briefmodel/1", "id": "x"}', "parse.not-ninjs", "/schema"),
    ],
)
def test_unreadable_input_is_a_parse_error(data: str | bytes, code: str, path: str) -> None:
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.loads(data, "ninjs", strict=False)
    problems = getattr(caught.value, "problems", None) or [caught.value.problem]  # type: ignore[attr-defined]
    assert problems[0].code == code
    assert problems[0].path == path


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"uri": 5}, "/uri"),
        ({"uri": "a", "headlines": "H"}, "/headlines"),
        ({"uri": "a", "headlines": [{"value": 3}]}, "/headlines/0/value"),
        ({"uri": "a", "headlines": [5]}, "/headlines/0"),
        ({"uri": "a", "firstCreated": "yesterday"}, "/firstCreated"),
        ({"uri": "a", "people": [{"name": ["x"]}]}, "/people/0/name"),
        ({"uri": "a", "bodies": [{"value": None, "contentType": "text/html"}]}, "/bodies/0/value"),
        ({"uri": "a", "pubStatus": "gone"}, "/pubStatus"),
    ],
)
def test_wrong_types_name_their_pointer(doc: dict[str, Any], path: str) -> None:
    doc = {"headlines": [{"value": "H"}], "firstCreated": "2026-01-01T00:00:00Z", **doc}
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    assert path in [p.path for p in caught.value.problems if p.severity == "error"]


def test_missing_required_parts_are_errors() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads('{"uri": "urn:x"}', "ninjs", strict=False)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "headline" in messages
    assert "firstCreated" in messages


def test_hostile_bodies_are_refused_or_read_safely(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", "utf-8")
    xxe = f'<!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]><p>&x;</p>'
    deep = "<div>" * 5000 + "x" + "</div>" * 5000
    for value in (xxe, deep, "<p>" + "<b>" * 300 + "y", "<script>alert(1)</script><p>ok</p>"):
        doc = {
            "uri": "urn:x",
            "firstCreated": "2026-01-01T00:00:00Z",
            "headlines": [{"value": "H"}],
            "bodies": [{"contentType": "text/html", "value": value}],
        }
        try:
            brief, _ = _lenient(json.dumps(doc))
        except bm.BriefmodelError:
            continue
        assert "TOP SECRET" not in brief.plain_text()
        assert "alert" not in brief.plain_text()


def test_own_document_with_a_broken_metadata_body_is_an_error() -> None:
    doc = json.loads(bm.dumps(_minimal(), "ninjs"))
    doc["bodies"][-1]["value"] = "{not json"
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs")
    assert caught.value.problems[0].path == "/bodies/1/value"


@pytest.mark.parametrize("name", sorted(AGENCY))
def test_validate_reads_agency_ninjs_leniently(agency: Path, name: str) -> None:
    """An agency's document is valid when the brief read from it is: what the model
    cannot hold is a ninjs.dropped warning with its pointer, never an error."""
    report = bm.validate(agency / name)
    assert report.ok, [str(p) for p in report.errors]
    assert report.brief is not None
    assert report.brief.headline == AGENCY[name]
    dropped = [p for p in report.warnings if p.code == "ninjs.dropped"]
    assert all(p.path.startswith("/") for p in dropped)
    if dropped:  # reading strictly still refuses the losses
        with pytest.raises(bm.ValidationError):
            bm.load(agency / name)


def test_validate_reads_our_own_ninjs_strictly() -> None:
    text = bm.dumps(_minimal(), "ninjs")
    assert bm.validate(text, "ninjs").ok
    doc = json.loads(text)
    doc["slugline"] = "not-ours"  # a property the writer never writes
    report = bm.validate(json.dumps(doc), "ninjs")
    assert not report.ok
    assert [(p.code, p.severity, p.path) for p in report.problems] == [
        ("ninjs.dropped", "error", "/slugline")
    ]
    with pytest.raises(TypeError, match="xsd="):
        bm.validate(text, "ninjs", xsd="profile.xsd")


def test_the_cli_validates_and_converts_an_agency_file(agency: Path, tmp_path: Path) -> None:
    from briefmodel.cli import main

    source = agency / "3.x" / "ntb_text.json"
    assert main(["validate", "-q", str(source)]) == 0
    target = tmp_path / "ntb.html"
    assert main(["convert", "-q", str(source), "-o", str(target)]) == 0
    assert bm.loads(target.read_text("utf-8"), "html").headline == AGENCY["3.x/ntb_text.json"]


# --------------------------------------------------------------------------------------
# ninjs 1.x, items without a headline, arrays of objects (hand-written documents)

V1 = {
    "uri": "https://news.example.org/v1/7",
    "type": "text",
    "versioncreated": "2026-03-02T10:00:00Z",
    "firstcreated": "2026-03-02T09:00:00Z",
    "pubstatus": "usable",
    "urgency": 3,
    "language": "en",
    "byline": "Ann Writer",
    "headline": "Harbour crane  toppled by gale",
    "headline_sub": "No one was hurt",
    "body_text": "The crane fell.",
    "body_xhtml": "<p>The crane <b>fell</b> at night.</p><p>Work stops.</p>",
    "subject": [
        {
            "name": "Weather",
            "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
            "code": "17000000",
        }
    ],
    "organisation": [{"name": "Port Authority", "rel": "about"}],
    "associations": {
        "earlier": {"uri": "https://news.example.org/v1/6", "headline": "Gale warning"}
    },
    "copyrightholder": "Example News",
    "located": "Portsmouth",
}


def test_ninjs_1_is_read_like_2() -> None:
    brief, _ = _lenient(json.dumps(V1))
    assert brief.headline == "Harbour crane toppled by gale"
    assert brief.subheadline == "No one was hurt"
    assert brief.created == datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert brief.updated == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert (brief.urgency, brief.language) == (3, "en")
    assert [a.name for a in brief.authors] == ["Ann Writer"]
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "The crane fell at night.",
        "Work stops.",
    ]
    assert brief.subjects[0].uri == "http://cv.iptc.org/newscodes/subjectcode/17000000"
    assert [(e.kind, e.name) for e in brief.entities] == [("organization", "Port Authority")]
    assert brief.related == (bm.Related(url="https://news.example.org/v1/6", title="Gale warning"),)
    assert brief.rights == bm.Rights(holder="Example News")


def test_ninjs_1_losses_use_its_pointers() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(V1), "ninjs")
    assert sorted(p.path for p in caught.value.problems) == [
        "/body_text",
        "/located",
        "/organisation/0/rel",
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {"$standard": {"name": "ninjs", "version": "1.4"}},
        {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"},
        {},
    ],
)
def test_ninjs_1_is_told_by_its_version_or_shape(extra: dict[str, Any]) -> None:
    doc = {"uri": "urn:x:1", "versioncreated": "2026-01-01T00:00:00Z", **extra}
    doc["headline_main"] = "Ferries return"
    doc["body_main"] = "Crossings resume.\n\nAt noon."
    brief = bm.loads(json.dumps(doc), "ninjs")
    assert brief.headline == "Ferries return"
    assert len(brief.sections[0].blocks) == 2


def test_ninjs_1_wrong_types_name_their_pointer() -> None:
    doc = {"uri": "urn:x", "versioncreated": "2026-01-01T00:00:00Z", "headline": "H"}
    doc["body_html"] = 5
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    assert "/body_html" in [p.path for p in caught.value.problems]


@pytest.mark.parametrize(
    ("extra", "headline"),
    [
        ({"title": "Conference opens"}, "Conference opens"),
        ({"slugline": "conf-opens"}, "conf-opens"),
        (
            {"descriptions": [{"contentType": "text/html", "value": "<p>Talks  begin</p>"}]},
            "Talks begin",
        ),
    ],
)
def test_a_document_without_headline_falls_back(extra: dict[str, Any], headline: str) -> None:
    doc = {"uri": "urn:x:e", "versionCreated": "2026-01-01T00:00:00Z", **extra}
    brief = bm.loads(json.dumps(doc), "ninjs")  # the fallback itself is no loss
    assert brief.headline == headline


def test_a_document_with_no_headline_at_all_is_still_an_error() -> None:
    doc = {"uri": "urn:x", "versionCreated": "2026-01-01T00:00:00Z", "bodies": [{"value": "x"}]}
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    assert [p.code for p in caught.value.problems] == ["schema.required"]


PICTURE = {
    "uri": "urn:x:pic",
    "type": "picture",
    "versionCreated": "2026-01-01T00:00:00Z",
    "headlines": [{"value": "Flooded square"}],
    "descriptions": [{"value": "Water covers the market square."}],
    "renditions": [
        {"name": "thumb", "href": "https://img.example.org/t.jpg", "contentType": "image/jpeg"},
        {"name": "main", "href": "https://img.example.org/m.jpg", "contentType": "image/jpeg"},
    ],
}


def test_a_picture_without_body_is_a_figure() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(PICTURE), "ninjs")
    assert sorted(p.path for p in caught.value.problems) == ["/renditions/0", "/type"]
    brief, _ = _lenient(json.dumps(PICTURE))
    (figure,) = brief.sections[0].blocks
    assert figure == bm.Figure(
        src="https://img.example.org/m.jpg", alt="Water covers the market square."
    )


def test_a_picture_without_usable_rendition_loses_them() -> None:
    doc = {**PICTURE, "renditions": [{"name": "main", "href": "/relative.jpg"}]}
    brief, warned = _lenient(json.dumps(doc))
    assert brief.sections == (bm.Section(),)
    assert any("/renditions" in w and "main or preview" in w for w in warned)
    v1 = {
        "uri": "urn:x",
        "type": "picture",
        "versioncreated": "2026-01-01T00:00:00Z",
        "headline": "H",
        "description_text": "A dog.",
        "renditions": {"main": {"href": "http://img.example.org/d.jpg", "mimetype": "image/png"}},
    }
    brief, _ = _lenient(json.dumps(v1))
    assert brief.sections[0].blocks == (
        bm.Figure(src="http://img.example.org/d.jpg", alt="A dog."),
    )


ARRAY = [
    {"uri": "urn:x:a", "versionCreated": "2026-01-01T00:00:00Z", "title": "First"},
    {"uri": "urn:x:b"},
    {"uri": "urn:x:c", "versionCreated": "2026-01-02T00:00:00Z", "headlines": [{"value": "Third"}]},
]


def test_an_array_of_ninjs_objects_is_read_with_load_all(tmp_path: Path) -> None:
    path = tmp_path / "timeline.ninjs"
    path.write_text(json.dumps(ARRAY), "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = list(bm.load_all(path, "ninjs", strict=False))
    assert [b.headline for b in briefs] == ["First", "Third"]
    assert any("object 1 passed over" in str(w.message) for w in caught)
    with pytest.raises(bm.ValidationError) as error:
        list(bm.load_all(path, "ninjs"))
    assert error.value.problems[0].path == "/1"
    assert [b.id for b in ninjs.read_all(json.dumps(ARRAY[0]))] == ["urn:x:a"]
    with pytest.raises(bm.ParseError, match="load_all"):
        bm.load(path, "ninjs", strict=False)
