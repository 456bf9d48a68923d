"""Lenient reading of other producers' ninjs (issue 13): a key given twice, values of the
wrong JSON type that plainly are of the right one, API envelopes around one ninjs object,
and documents with no id at all; each repair a ``repair.…`` warning at its JSON Pointer,
strict reading unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import ninjs
from briefmodel.formats.ninjs.read import HASHED_ID_PREFIX

STAMP = "2026-03-02T08:15:00Z"


def _item(**fields: Any) -> dict[str, Any]:
    """An agency's ninjs 1.x item, as news APIs give them; ``None`` leaves one out."""
    base: dict[str, Any] = {
        "uri": "https://api.example.net/content/4f2a",
        "type": "text",
        "version": "2",
        "firstcreated": STAMP,
        "headline": "Tram line reopens after storm repairs",
        "body_html": "<p>Trams run again on the coast line.</p><p>Crews worked all night.</p>",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def _examined(data: str) -> tuple[bm.Brief, list[tuple[str, str]]]:
    problems, brief = ninjs.examine(data)
    assert brief is not None, problems
    return brief, [(p.code, p.path) for p in problems if p.code.startswith("repair.")]


# --------------------------------------------------------------------------------------
# Duplicate keys


def test_a_duplicate_key_is_read_by_its_last_value_leniently() -> None:
    data = json.dumps(_item()).replace('"version": "2"', '"version": "1", "version": "3"')
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(data, "ninjs")
    assert (caught.value.problem.code, caught.value.problem.path) == (
        "parse.duplicate-key",
        "/version",
    )
    brief, repairs = _examined(data)
    assert brief.version == 3
    assert repairs == [("repair.duplicate-key", "/version")]


def test_a_key_given_three_times_deep_inside_is_said_once() -> None:
    doc = _item(altids={"internal": "a"})
    data = json.dumps(doc).replace('"internal": "a"', '"n": 1, "n": 2, "n": 3, "internal": "a"')
    _, repairs = _examined(data)
    assert repairs.count(("repair.duplicate-key", "/altids/n")) == 1


def test_a_duplicate_key_in_an_array_of_objects_has_the_arrays_pointer() -> None:
    data = (
        "[" + json.dumps(_item()).replace('"type": "text"', '"type": "text", "type": "text"') + "]"
    )
    with pytest.warns(bm.BriefmodelWarning) as said:
        (brief,) = ninjs.read_all(data, strict=False)
    found = [(p.code, p.path) for w in said for p in w.message.problems]  # type: ignore[union-attr]
    assert ("repair.duplicate-key", "/0/type") in found
    assert brief.headline == "Tram line reopens after storm repairs"


def test_canonical_json_stays_strict_about_duplicate_keys() -> None:
    brief = bm.Brief(id="urn:x:1", headline="H", created=None, sections=(bm.Section(),))
    data = bm.dumps(brief, "json").replace('"headline":"H"', '"headline":"H","headline":"I"')
    assert '"I"' in data
    for strict in (True, False):
        with pytest.raises(bm.ParseError, match="more than once"):
            bm.loads(data, "json", strict=strict)


# --------------------------------------------------------------------------------------
# Values of the wrong type


def test_plainly_convertible_values_are_converted_leniently() -> None:
    doc = _item(version=3, urgency="4", usageterms=["For news use only."])
    data = json.dumps(doc)
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(data, "ninjs")
    errors = sorted(p.path for p in caught.value.problems if p.severity == "error")
    assert errors == ["/urgency", "/usageterms", "/version"]
    brief, repairs = _examined(data)
    assert (brief.version, brief.urgency) == (3, 4)
    assert brief.rights is not None
    assert brief.rights.usage_terms == "For news use only."
    assert sorted(repairs) == [
        ("repair.value-converted", "/urgency"),
        ("repair.value-converted", "/usageterms"),
        ("repair.value-converted", "/version"),
    ]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"urgency": "soon"}, "/urgency"),
        ({"usageterms": ["One.", "Two."]}, "/usageterms"),
        ({"version": True}, "/version"),
        ({"firstcreated": 1772439300}, "/firstcreated"),
    ],
)
def test_values_not_plainly_convertible_are_still_refused(
    fields: dict[str, Any], path: str
) -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(_item(**fields)), "ninjs", strict=False)
    assert path in [p.path for p in caught.value.problems if p.severity == "error"]


# --------------------------------------------------------------------------------------
# Envelopes


@pytest.mark.parametrize(
    ("wrap", "at"),
    [
        (
            lambda item: {"api_version": "2.1", "id": "q-77", "data": {"meta": {}, "item": item}},
            "/data/item",
        ),
        (lambda item: {"item": item, "status": "ok"}, "/item"),
        (lambda item: {"data": item}, "/data"),
    ],
)
def test_an_api_envelope_is_read_as_the_object_it_wraps(wrap: Any, at: str) -> None:
    data = json.dumps(wrap(_item(profile="Story")))
    with pytest.raises(bm.ValidationError):
        bm.loads(data, "ninjs")
    problems, brief = ninjs.examine(data)
    assert brief is not None
    assert brief.headline == "Tram line reopens after storm repairs"
    assert brief.id == "https://api.example.net/content/4f2a"
    said = [(p.code, p.path) for p in problems]
    assert said[0] == ("repair.envelope-unwrapped", at)
    assert ("ninjs.dropped", at + "/profile") in said  # the object's problems, in the envelope


def test_a_body_beside_the_wrapped_object_is_its_body() -> None:
    item = _item(body_html=None)
    doc = {
        "api_version": "2.1",
        "data": {"item": item},
        "nitf": {"body_html": "<p>Night crews.</p>"},
    }
    brief, repairs = _examined(json.dumps(doc))
    assert "Night crews." in brief.plain_text()
    assert repairs[:2] == [
        ("repair.envelope-unwrapped", "/data/item"),
        ("repair.envelope-unwrapped", "/nitf/body_html"),
    ]


@pytest.mark.parametrize(
    "doc",
    [
        {"results": {"first": _item(), "second": _item()}},  # two objects: which?
        {"data": {"meta": {"count": 1}}},  # nothing ninjs in it
        {"data": {"uri": "https://api.example.net/a"}},  # one property is not an object
    ],
)
def test_what_is_no_envelope_of_one_object_is_not_unwrapped(doc: dict[str, Any]) -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    assert "repair.envelope-unwrapped" not in [p.code for p in caught.value.problems]


def test_a_ninjs_object_with_an_object_inside_is_not_an_envelope() -> None:
    doc = _item(associations={"photo": _item(type="picture")})
    brief, repairs = _examined(json.dumps(doc))
    assert brief.headline == "Tram line reopens after storm repairs"
    assert "repair.envelope-unwrapped" not in [code for code, _ in repairs]


# --------------------------------------------------------------------------------------
# No id at all


def test_a_document_with_no_id_at_all_is_named_by_a_hash_leniently() -> None:
    doc = _item(uri=None)
    with pytest.raises(bm.ValidationError, match="no uri"):
        bm.loads(json.dumps(doc), "ninjs")
    brief, repairs = _examined(json.dumps(doc))
    assert brief.id.startswith(HASHED_ID_PREFIX)
    assert ("repair.id-hashed", "") in repairs
    again, _ = _examined(json.dumps(doc, indent=2))  # the same story, the same id
    assert again.id == brief.id
    other, _ = _examined(json.dumps(_item(uri=None, headline="Tram line stays shut")))
    assert other.id != brief.id


def test_the_id_option_and_a_guid_come_before_the_hash() -> None:
    doc = _item(uri=None)
    assert bm.loads(json.dumps(doc), "ninjs", strict=False, id="urn:mine:1").id == "urn:mine:1"
    brief, repairs = _examined(json.dumps({**doc, "guid": "tram-77"}))
    assert brief.id == "tram-77"
    assert "repair.id-hashed" not in [code for code, _ in repairs]


# --------------------------------------------------------------------------------------
# Text read twice


def _v2(**fields: Any) -> dict[str, Any]:
    """An agency's ninjs 2.x item."""
    base: dict[str, Any] = {
        "uri": "urn:example:tram:2",
        "versioncreated": STAMP,
        "headlines": [{"role": "main", "value": "Tram line reopens"}],
    }
    return {**base, **fields}


def test_a_nitf_body_comes_after_a_plain_text_one() -> None:
    nitf = {"role": "nitf", "contenttype": "text/vnd.IPTC.NITF", "value": "<nitf><p>x</p></nitf>"}
    plain = {"role": "text", "contenttype": "text/plain", "value": "Trams run again."}
    problems, brief = ninjs.examine(json.dumps(_v2(bodies=[nitf, plain])))
    assert brief is not None
    assert brief.plain_text().splitlines() == ["Tram line reopens", "Trams run again."]
    assert ("ninjs.dropped", "/bodies/0") in [(p.code, p.path) for p in problems]


@pytest.mark.parametrize(
    "body",
    [
        {"contenttype": "text/plain", "value": "Tram line reopens\n\nTrams run again."},
        {
            "contenttype": "text/html",
            "value": "<section><h1>Tram line reopens</h1><p>Trams run again.</p></section>",
        },
        {"contenttype": "text/html", "value": "<h1>Tram line reopens</h1><p>Trams run again.</p>"},
    ],
)
def test_the_headline_repeated_atop_the_body_is_read_once(body: dict[str, Any]) -> None:
    brief, _ = _examined(json.dumps(_v2(bodies=[body])))
    assert brief.plain_text().splitlines() == ["Tram line reopens", "Trams run again."]
    assert brief.sections[0].title is None


def test_a_description_repeating_the_start_of_the_body_is_not_the_subheadline() -> None:
    body = "Trams run again on the coast line, the operator said. Crews worked all night."
    teaser = "Trams run again on the coast line , the operator sa"  # (cut mid-word)
    doc = _v2(
        descriptions=[{"role": "text", "value": teaser}],
        bodies=[{"contenttype": "text/plain", "value": body}],
    )
    problems, brief = ninjs.examine(json.dumps(doc))
    assert brief is not None
    assert brief.subheadline is None
    assert brief.plain_text().splitlines() == ["Tram line reopens", body]
    (lost,) = [p for p in problems if p.path == "/descriptions/0"]
    assert "repeats the start of the body" in lost.message
    other = _v2(
        descriptions=[{"role": "text", "value": "The coast line was shut for a week."}],
        bodies=[{"contenttype": "text/plain", "value": body}],
    )
    assert bm.loads(json.dumps(other), "ninjs").subheadline == "The coast line was shut for a week."
