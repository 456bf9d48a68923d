"""Reading agency ninjs leniently: each repair (a headline from elsewhere, empty strings
passed over, the guid as the id, dates spelt loosely, an undated event, an object where an
array belongs), said as a ``repair.…`` warning at its JSON Pointer in the document's own
spelling; the fallback options; arrays with objects that cannot be read; and IPTC's own
documents, which lenient reading reads or refuses with a briefmodel error."""

from __future__ import annotations

import json
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import UNDATED, ninjs

from ._support import UTC

WHEN = datetime(2026, 3, 9, 7, 15, tzinfo=UTC)
STAMP = "2026-03-09T07:15:00Z"


def _doc(**fields: Any) -> dict[str, Any]:
    """An agency's ninjs 3.x text object; ``None`` leaves a property out."""
    base: dict[str, Any] = {
        "uri": "urn:example:canal:1",
        "type": "text",
        "versionCreated": STAMP,
        "headlines": [{"role": "main", "value": "Lock gates close for repairs"}],
        "bodies": [{"contentType": "text/plain", "value": "The canal shuts for a week."}],
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def _examined(doc: Any) -> tuple[bm.Brief, list[bm.Problem]]:
    """The brief read leniently and every problem reported (as bm.validate has them)."""
    problems, brief = ninjs.examine(json.dumps(doc))
    assert brief is not None, problems
    return brief, problems


def _repairs(problems: list[bm.Problem]) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in problems if p.code.startswith("repair.")]


def _lenient(doc: Any, **options: Any) -> tuple[bm.Brief, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(json.dumps(doc), "ninjs", strict=False, **options)
    return brief, [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]


# --------------------------------------------------------------------------------------
# A headline from elsewhere


@pytest.mark.parametrize(
    ("extra", "headline", "repaired"),
    [
        (
            {"title": "Canal closure notice"},
            "Canal closure notice",
            ("repair.headline-from-title", "/title"),
        ),
        (
            {"slugline": "CANAL-CLOSE"},
            "CANAL-CLOSE",
            ("repair.headline-from-slugline", "/slugline"),
        ),
        (
            {"descriptions": [{"role": "summary", "value": "Gates shut for a week"}]},
            "Gates shut for a week",
            ("repair.headline-from-description", "/descriptions/0/value"),
        ),
    ],
)
def test_a_document_without_headline_takes_one_from_elsewhere(
    extra: dict[str, Any], headline: str, repaired: tuple[str, str]
) -> None:
    doc = _doc(headlines=None, **extra)
    brief, problems = _examined(doc)
    assert brief.headline == headline
    assert [r for r in _repairs(problems) if r[0].startswith("repair.headline")] == [repaired]
    assert repaired[1] not in [p.path for p in problems if p.code == "ninjs.dropped"]
    # Reading strictly takes the same fallback, without a word (as before).
    assert bm.loads(json.dumps(doc), "ninjs").headline == headline


def test_a_document_with_nothing_else_takes_its_body_s_first_sentence() -> None:
    doc = _doc(
        headlines=None,
        bodies=[{"contentType": "text/html", "value": "<p>Boats moor upstream. Then more.</p>"}],
    )
    brief, problems = _examined(doc)
    assert brief.headline == "Boats moor upstream"
    assert _repairs(problems) == [("repair.headline-from-body", "/bodies/0/value")]
    with pytest.raises(bm.ValidationError, match="no headline"):
        bm.loads(json.dumps(doc), "ninjs")


# --------------------------------------------------------------------------------------
# Empty strings


def test_empty_strings_are_passed_over_with_a_warning() -> None:
    doc = _doc(
        headlines=[{"role": "main", "value": " "}],
        title="Canal closure notice",
        language="",
        copyrightHolder="",
        people=[{"name": "Ada Quay", "uri": ""}],
    )
    brief, problems = _examined(doc)
    assert brief.headline == "Canal closure notice"
    assert brief.language == "en"
    assert brief.entities[0].name == "Ada Quay"
    assert sorted(_repairs(problems)) == [
        ("repair.empty-ignored", "/copyrightHolder"),
        ("repair.empty-ignored", "/headlines/0/value"),
        ("repair.empty-ignored", "/language"),
        ("repair.empty-ignored", "/people/0/uri"),
        ("repair.headline-from-title", "/title"),
    ]
    with pytest.raises(bm.ValidationError):
        bm.loads(json.dumps(doc), "ninjs")


def test_pointers_are_in_the_spelling_of_the_document_s_version() -> None:
    v2 = {
        "standard": {"name": "ninjs", "version": "2.1"},
        "uri": "urn:example:canal:2",
        "versioncreated": "2026-03-09 07:15:00",
        "headlines": [{"value": "Lock gates close"}],
        "copyrightholder": "",
    }
    brief, problems = _examined(v2)
    assert brief.created == WHEN
    assert sorted(_repairs(problems)) == [
        ("repair.date-naive", "/versioncreated"),
        ("repair.empty-ignored", "/copyrightholder"),
    ]
    v1 = {
        "uri": "urn:example:canal:3",
        "headline": "",
        "slugline": "LOCKS",
        "versioncreated": STAMP,
    }
    brief, problems = _examined(v1)
    assert brief.headline == "LOCKS"
    assert sorted(_repairs(problems)) == [
        ("repair.empty-ignored", "/headline"),
        ("repair.headline-from-slugline", "/slugline"),
    ]


# --------------------------------------------------------------------------------------
# The id, the dates


def test_a_document_without_uri_is_identified_by_its_guid() -> None:
    doc = _doc(uri=None, guid="tag:wire.example.org,2026:canal-1")
    brief, problems = _examined(doc)
    assert brief.id == "tag:wire.example.org,2026:canal-1"
    assert _repairs(problems) == [("repair.id-from-guid", "/guid")]
    assert not [p for p in problems if p.code == "ninjs.dropped"]
    with pytest.raises(bm.ValidationError, match="no uri"):
        bm.loads(json.dumps(doc), "ninjs")
    # Beside a uri, a guid is a property like any other the model has no place for.
    _, problems = _examined(_doc(guid="tag:other"))
    assert [(p.code, p.path) for p in problems] == [("ninjs.dropped", "/guid")]


@pytest.mark.parametrize(
    ("written", "read", "code"),
    [
        ("2026-03-09T07:15+0000", WHEN, None),
        ("2026-03-09T08:15:00+01:00", WHEN, None),
        ("2026-03-09 07:15", WHEN, "repair.date-naive"),
        ("2026-03-09", datetime(2026, 3, 9, tzinfo=UTC), "repair.date-only"),
    ],
)
def test_dates_are_read_in_any_common_spelling(
    written: str, read: datetime, code: str | None
) -> None:
    doc = _doc(versionCreated=None, firstCreated=written)
    brief, problems = _examined(doc)
    assert brief.created == read
    assert _repairs(problems) == ([] if code is None else [(code, "/firstCreated")])


def test_an_unreadable_date_is_still_an_error() -> None:
    doc = _doc(embargoedUntil="after the vote")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    (error,) = [p for p in caught.value.problems if p.severity == "error"]
    assert (error.code, error.path) == ("datetime.invalid", "/embargoedUntil")


def test_an_event_without_a_date_is_kept_undated_unless_created_is_given() -> None:
    event = {
        "uri": "urn:example:regatta",
        "type": "event",
        "title": "Canal regatta",
        "eventDetails": {"dates": {"startDate": "2026-06-01"}},
    }
    brief, problems = _examined(event)
    assert (brief.headline, brief.created) == ("Canal regatta", UNDATED)
    assert ("repair.undated", "") in _repairs(problems)
    brief, said = _lenient(event, created=WHEN)
    assert brief.created == WHEN
    assert not any("no date" in s for s in said)
    undated = _doc(versionCreated=None)
    assert bm.loads(json.dumps(undated), "ninjs", created=WHEN).created == WHEN  # strictly too
    assert bm.loads(json.dumps(undated), "ninjs").created is None  # undated, strictly too
    assert bm.loads(json.dumps(_doc()), "ninjs", created=UNDATED).created == WHEN


# --------------------------------------------------------------------------------------
# Shapes


def test_an_object_where_an_array_belongs_is_read_as_one_item() -> None:
    doc = _doc(
        subjects={"name": "Canals", "uri": "http://cv.example.org/canals", "rel": "about"},
        people={"name": "Ada Quay"},
    )
    brief, problems = _examined(doc)
    assert brief.subjects == (bm.Subject(name="Canals", uri="http://cv.example.org/canals"),)
    assert [e.name for e in brief.entities] == ["Ada Quay"]
    assert sorted(_repairs(problems)) == [
        ("repair.object-as-array", "/people"),
        ("repair.object-as-array", "/subjects"),
    ]
    # What is lost inside it is said at its place in the document as written.
    assert [(p.code, p.path) for p in problems if p.code == "ninjs.dropped"] == [
        ("ninjs.dropped", "/subjects/rel")
    ]
    with pytest.raises(bm.ValidationError, match="expected an array"):
        bm.loads(json.dumps(doc), "ninjs")
    v1 = {
        "uri": "urn:example:canal:4",
        "headline": "Locks",
        "versioncreated": STAMP,
        "subject": {"code": "20000568", "scheme": "http://cv.iptc.org/newscodes/mediatopic/"},
    }
    brief, problems = _examined(v1)
    assert brief.subjects[0].uri == "http://cv.iptc.org/newscodes/mediatopic/20000568"
    assert _repairs(problems) == [("repair.object-as-array", "/subject")]


# --------------------------------------------------------------------------------------
# The fallback options


def test_id_and_language_fill_only_what_the_document_does_not_say() -> None:
    bare = _doc(uri=None)
    brief = bm.loads(json.dumps(bare), "ninjs", id="urn:example:given", language="nl")
    assert (brief.id, brief.language) == ("urn:example:given", "nl")
    said = bm.loads(json.dumps(_doc(language="fr")), "ninjs", id="urn:example:given")
    assert (said.id, said.language) == ("urn:example:canal:1", "fr")
    with pytest.raises(bm.OptionError, match=r"^language: "):
        bm.loads(json.dumps(bare), "ninjs", language=["nl"])
    briefs = list(ninjs.read_all(json.dumps([bare, _doc()]), id="urn:example:given"))
    assert [b.id for b in briefs] == ["urn:example:given", "urn:example:canal:1"]


# --------------------------------------------------------------------------------------
# Arrays of objects


def test_read_all_passes_over_what_it_cannot_read_naming_each_object() -> None:
    headless = _doc(uri="urn:example:canal:2", headlines=None, bodies=None)
    text = json.dumps([headless, _doc(), 5])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefs = list(ninjs.read_all(text, strict=False))
    assert [b.id for b in briefs] == ["urn:example:canal:1"]
    said = [str(w.message) for w in caught if "repair.item-passed-over" in str(w.message)]
    assert said[0].startswith("/0: warning repair.item-passed-over: ninjs object 0 passed over: ")
    assert "no headline" in said[0]
    assert said[1].startswith("/2: warning repair.item-passed-over: ninjs object 2 passed over: ")
    assert len(said) == 2
    with pytest.raises(bm.ValidationError, match="no headline"):
        list(ninjs.read_all(text))  # strictly, as before


def test_read_all_raises_when_no_object_can_be_read() -> None:
    headless = _doc(headlines=None, bodies=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(bm.ValidationError) as caught:
            list(ninjs.read_all(json.dumps([headless, "x"]), strict=False))
    assert [(p.code, p.path) for p in caught.value.problems] == [
        ("schema.required", "/0"),
        ("parse.not-ninjs", "/1"),
    ]
    with pytest.raises(bm.ValidationError, match="holds no ninjs object"):
        list(ninjs.read_all("[]", strict=False))
    assert list(ninjs.read_all("[]")) == []  # strictly, as before


# --------------------------------------------------------------------------------------
# IPTC's own documents


def _outcome(data: bytes, *, strict: bool) -> bm.Brief | bm.BriefmodelError:
    """The document read, or the briefmodel error that says why it cannot be (any other
    exception propagates, failing the test)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        try:
            return ninjs.read(data, strict=strict)
        except bm.BriefmodelError as error:
            return error


def test_lenient_reading_reads_iptc_documents_that_strict_reading_refuses(shared: Path) -> None:
    base = shared / "standards" / "ninjs"
    documents = sorted(
        [*(base / "examples").rglob("*.json"), *(base / "conformance").rglob("*.json")]
    )
    assert len(documents) >= 20
    read = []
    for path in documents:
        data = path.read_bytes()
        if isinstance(_outcome(data, strict=True), bm.Brief):
            continue  # nothing to repair
        outcome = _outcome(data, strict=False)
        if isinstance(outcome, bm.Brief):
            assert outcome.headline, path.name
            read.append(path.name)
        else:  # a briefmodel error, saying why (planning items, with nothing to name them)
            assert any(p.severity == "error" for p in outcome.problems), path.name
    # Every example of a news item reads; so do the events, undated.
    examples = {p.name for p in (base / "examples").rglob("*.json")}
    assert examples - {"dpa_text.json"} <= set(read)
    assert "002_simple_event.json" in read


def test_a_relative_link_is_read_against_the_items_web_address() -> None:
    doc = {
        "uri": "https://wire.example.org/2026/06/ferries/",
        "type": "text",
        "headline": "Ferry timetable changes",
        "versioncreated": "2026-06-01T08:00:00Z",
        "body_html": '<p>See <a href="../timetable.html">the timetable</a> and '
        '<a href="#notes">the notes</a>.</p>',
    }
    brief, said = _lenient(doc)
    link = brief.sections[0].blocks[0].content[1]  # type: ignore[union-attr]
    assert link == bm.Link(
        href="https://wire.example.org/2026/06/timetable.html", content="the timetable"
    )
    assert any("read against the item's uri" in s for s in said)
    assert brief.plain_text().endswith("See the timetable and the notes.")
    with pytest.raises(bm.ValidationError):
        bm.loads(json.dumps(doc), "ninjs")  # strictly, the relative link is lost: an error
