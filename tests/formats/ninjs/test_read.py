"""ninjs reading (formats/ninjs/read.py): files and sniffing, other producers'
documents, pointers in each version's spelling, bad input, headline fallbacks, pictures
and arrays of objects."""

from __future__ import annotations

import json
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import ninjs

from ._support import UTC, _lenient, _minimal


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
# Other producers (hand-written documents)


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
    links = [n for n in first.content if isinstance(n, bm.Link)]  # read against the uri
    assert [link.href for link in links] == ["https://news.example.org/x"]
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
        ('{"uri": "a", "urgency": NaN}', "parse.non-finite-number", "/urgency"),
        ("[" * 100_000 + "]" * 100_000, "parse.too-deep", ""),
        (b'{"uri": "\xff"}', "parse.encoding", ""),
        ('{"schema": "briefmodel/2", "id": "x"}', "parse.not-ninjs", "/schema"),
    ],
)
def test_unreadable_input_is_a_parse_error(data: str | bytes, code: str, path: str) -> None:
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.loads(data, "ninjs", strict=False)
    problems = getattr(caught.value, "problems", None) or [caught.value.problem]  # type: ignore[attr-defined]
    assert problems[0].code == code
    assert problems[0].path == path


def test_a_duplicate_key_is_a_parse_error_read_strictly() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads('{"uri": "a", "uri": "b"}', "ninjs")
    assert (caught.value.problem.code, caught.value.problem.path) == ("parse.duplicate-key", "/uri")


#: Wrong types, and whether reading leniently converts them (a number for a string, an
#: array of one string for a string: repair.value-converted).
_WRONG_TYPES = [
    ({"uri": 5}, "/uri", True),
    ({"uri": "a", "headlines": "H"}, "/headlines", False),
    ({"uri": "a", "headlines": [{"value": 3}]}, "/headlines/0/value", True),
    ({"uri": "a", "headlines": [5]}, "/headlines/0", False),
    ({"uri": "a", "firstCreated": "yesterday"}, "/firstCreated", False),
    ({"uri": "a", "firstCreated": 20260101}, "/firstCreated", False),
    ({"uri": "a", "people": [{"name": ["x"]}]}, "/people/0/name", True),
    ({"uri": "a", "people": [{"name": ["x", "y"]}]}, "/people/0/name", False),
    ({"uri": "a", "urgency": "high"}, "/urgency", False),
    (
        {"uri": "a", "bodies": [{"value": None, "contentType": "text/html"}]},
        "/bodies/0/value",
        False,
    ),
    ({"uri": "a", "bodies": [{"value": 5, "contentType": "text/plain"}]}, "/bodies/0/value", False),
    ({"uri": "a", "pubStatus": "gone"}, "/pubStatus", False),
]


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize(("doc", "path", "convertible"), _WRONG_TYPES)
def test_wrong_types_name_their_pointer(
    doc: dict[str, Any], path: str, convertible: bool, strict: bool
) -> None:
    doc = {"headlines": [{"value": "H"}], "firstCreated": "2026-01-01T00:00:00Z", **doc}
    if convertible and not strict:
        with pytest.warns(bm.BriefmodelWarning) as said:
            bm.loads(json.dumps(doc), "ninjs", strict=False)
        found = [(p.code, p.path) for w in said for p in w.message.problems]  # type: ignore[union-attr]
        assert ("repair.value-converted", path) in found
        return
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=strict)
    assert path in [p.path for p in caught.value.problems if p.severity == "error"]


def test_missing_required_parts_are_errors() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads('{"uri": "urn:x"}', "ninjs", strict=False)
    errors = " ".join(p.message for p in caught.value.problems if p.severity == "error")
    assert "headline" in errors
    assert "firstCreated" not in errors  # without a date the brief is undated


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
    with pytest.raises(bm.OptionError, match=r"^xsd: applies to XML documents"):
        bm.validate(text, "ninjs", xsd="profile.xsd")


# --------------------------------------------------------------------------------------
# Items without a headline, pictures, arrays of objects


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
        bm.loads(json.dumps(doc), "ninjs")
    assert [p.code for p in caught.value.problems] == ["schema.required"]
    # Leniently, the body's first sentence is the headline (tests/formats/ninjs/test_lenient.py);
    # with no body either, there is nothing to take it from.
    del doc["bodies"]
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


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"uri": 5}, "expected a string, got an integer"),
        ({"headlines": "H"}, "expected an array, got a string"),
        ({"version": "0"}, "the version '0' is not a whole number of at least 1; strict=False"),
        ({"urgency": 12}, "the urgency 12 is not from 1 to 9; strict=False drops it"),
        ({"type": "picture"}, "the object type 'picture' is not 'text'; strict=False reads it as"),
        (
            {"contentCreated": "2025-01-01T00:00:00Z"},
            "a contentCreated other than firstCreated has no place in the model",
        ),
    ],
)
def test_problems_say_what_was_expected(doc: dict[str, Any], message: str) -> None:
    doc = {"uri": "a", "headlines": [{"value": "H"}], "firstCreated": "2026-01-01T00:00:00Z", **doc}
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs")
    assert any(p.message.startswith(message) for p in caught.value.problems), [
        p.message for p in caught.value.problems
    ]


def test_a_ninjs_array_is_named_with_its_article() -> None:
    with pytest.raises(bm.ParseError, match="a ninjs document is a JSON object, not an array"):
        bm.loads("[]", "ninjs")
