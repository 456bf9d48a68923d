"""ninjs interop: agencies' documents (IPTC's examples in ../shared/standards) read
leniently, validated, and converted by the CLI."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import ninjs

from ._support import UTC, _lenient

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
def agency(shared: Path) -> Path:
    return shared / "standards" / "ninjs" / "examples"


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


def test_the_cli_validates_and_converts_an_agency_file(agency: Path, tmp_path: Path) -> None:
    from briefmodel.cli import main

    source = agency / "3.x" / "ntb_text.json"
    assert main(["validate", "-q", str(source)]) == 0
    target = tmp_path / "ntb.html"
    assert main(["convert", "-q", str(source), "-o", str(target)]) == 0
    assert bm.loads(target.read_text("utf-8"), "html").headline == AGENCY["3.x/ntb_text.json"]
