"""Lenient reading's repairs (briefmodel._repairs): each rule error a repair is known for
is mended, told as a warning at the error's place, and leaves a valid brief."""

from __future__ import annotations

import copy
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._repairs import REPAIR_CODES, REPAIRS
from briefmodel.rules import CODES
from briefmodel.testing import briefs

BASE = {
    "schema": "briefmodel/2",
    "id": "urn:example:repairs",
    "headline": "Harbour dues are reviewed",
    "created": "2026-04-01T08:00:00Z",
}


def _brief(**fields: Any) -> dict[str, Any]:
    return {**BASE, **fields}


def _paragraph(*content: Any) -> dict[str, Any]:
    return {"blocks": [{"type": "paragraph", "content": list(content)}]}


def _lenient(data: dict[str, Any]) -> bm.Report:
    report = bm.validate(data, lenient=True)
    assert report.ok, report.problems
    return report


def test_strict_reading_refuses_what_lenient_reading_repairs() -> None:
    data = _brief(sections=[_paragraph({"type": "link", "href": "/dues", "content": "dues"})])
    with pytest.raises(bm.ValidationError) as caught:
        bm.from_dict(data)
    assert [p.code for p in caught.value.problems] == ["url.not-absolute"]
    assert not bm.validate(data).ok


def test_a_relative_link_is_kept_as_its_text() -> None:
    data = _brief(
        sections=[_paragraph("Read ", {"type": "link", "href": "../dues", "content": "the dues"})]
    )
    report = _lenient(data)
    assert [(p.code, p.path) for p in report.warnings] == [
        ("repair.link-unlinked", "/sections/0/blocks/0/content/1/href")
    ]
    assert report.brief is not None
    assert report.brief.sections[0].blocks[0].content == ("Read the dues",)  # type: ignore[union-attr]


def test_a_javascript_link_inside_a_link_is_unwrapped_with_it() -> None:
    inner = {"type": "link", "href": "#top", "content": "top"}
    outer = {"type": "link", "href": "JaVaScRiPt:go()", "content": ["to the ", inner]}
    report = _lenient(_brief(sections=[_paragraph(outer)]))
    assert sorted(p.path for p in report.warnings) == [
        "/sections/0/blocks/0/content/0/content/1/href",
        "/sections/0/blocks/0/content/0/href",
    ]
    assert report.brief is not None
    assert report.brief.plain_text().endswith("to the top")


def test_a_figure_or_related_link_without_a_usable_url_is_left_out() -> None:
    data = _brief(
        sections=[
            {
                "blocks": [
                    {"type": "figure", "src": "img/quay.jpg", "alt": "The quay"},
                    {"type": "paragraph", "content": "The quay is busy."},
                ]
            }
        ],
        related=[{"url": "/more", "title": "More"}, {"url": "https://example.org/", "title": "Ok"}],
        sources=[{"id": "s1", "title": "Port notice", "url": "notice.pdf"}],
    )
    report = _lenient(data)
    assert {p.code for p in report.warnings} == {"repair.url-dropped"}
    brief = report.brief
    assert brief is not None
    assert [type(b).__name__ for b in brief.sections[0].blocks] == ["Paragraph"]
    assert [r.url for r in brief.related] == ["https://example.org/"]
    assert brief.sources[0].url is None
    assert brief.sources[0].title == "Port notice"


def test_a_duplicate_id_is_renamed_without_clashing() -> None:
    sections = [
        {"id": "dues", **_paragraph("One.")},
        {"id": "dues-2", **_paragraph("Two.")},
        {"id": "dues", **_paragraph("Three.")},
    ]
    report = _lenient(_brief(sections=sections))
    assert [(p.code, p.path) for p in report.warnings] == [("repair.id-renamed", "/sections/2/id")]
    assert report.brief is not None
    assert [s.id for s in report.brief.sections] == ["dues", "dues-2", "dues-3"]


def test_references_to_nothing_are_left_out_and_a_mention_keeps_its_text() -> None:
    content = [
        {"type": "mention", "ref": "e9", "content": "the port"},
        " grows",
        {"type": "citation", "ref": "s9"},
        ".",
    ]
    report = _lenient(_brief(sections=[_paragraph(*content)]))
    assert [p.code for p in report.warnings] == ["repair.reference-dropped"] * 2
    assert report.brief is not None
    assert report.brief.sections[0].blocks[0].content == ("the port grows.",)  # type: ignore[union-attr]


def test_a_brief_updated_before_it_was_created_is_taken_as_created_then() -> None:
    report = _lenient(_brief(updated="2026-04-01T07:59:35Z", sections=[_paragraph("One.")]))
    assert [(p.code, p.path) for p in report.warnings] == [("repair.created-moved", "/updated")]
    assert report.brief is not None
    assert report.brief.created == report.brief.updated


def test_characters_xml_cannot_carry_are_left_out() -> None:
    report = _lenient(_brief(headline="Dues\x01 rise", sections=[_paragraph("A\x1b[0m b.")]))
    assert [p.path for p in report.warnings] == ["/headline", "/sections/0/blocks/0/content"]
    assert report.brief is not None
    assert report.brief.headline == "Dues rise"


def test_what_no_repair_mends_still_refuses_the_document() -> None:
    table = {"type": "table", "body": [{"cells": []}]}  # a row without cells: not a grid
    data = _brief(sections=[{"blocks": [table]}])
    report = bm.validate(data, lenient=True)
    assert [p.code for p in report.errors] == ["table.shape"]
    with pytest.raises(bm.ValidationError):
        bm.from_dict(data, strict=False)


def test_loading_leniently_tells_the_repairs_as_one_warning_with_them_as_data() -> None:
    data = _brief(sections=[_paragraph({"type": "link", "href": "/a", "content": "a"})])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(bm.dumps(bm.from_dict({**data, "sections": [_paragraph("x")]})), "json")
        brief = bm.from_dict(data, strict=False)
    told = [w.message for w in caught if isinstance(w.message, bm.BriefmodelWarning)]
    assert len(told) == 1
    assert str(told[0]).startswith("repaired with 1 repair: /sections/0/blocks/0/content/0/href")
    assert [p.code for p in told[0].problems] == ["repair.link-unlinked"]
    assert caught[0].filename == __file__  # the warning points at the caller
    assert bm.validate(brief).ok


def test_xsd_and_lenient_do_not_go_together() -> None:
    with pytest.raises(bm.OptionError, match="xsd"):
        bm.validate("<x/>", "newsml", xsd="any.xsd", lenient=True)


def test_every_repair_is_of_a_rule_and_every_code_is_registered() -> None:
    assert set(REPAIRS) <= set(CODES)
    for code in REPAIR_CODES:
        assert code in CODES
        assert CODES[code][0] == "warning"


# --------------------------------------------------------------------------------------
# Any brief, its links broken any way


_BROKEN = st.sampled_from(
    ["/x", "../y", "#z", "q?a=1", "javascript:go()", "data:,x", " vbscript:v"]
)


def _urls(data: Any, path: str = "") -> list[tuple[Any, str, str]]:
    """Every URL field of the data, with its holder and its JSON Pointer."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            where = f"{path}/{key}"
            if key in ("href", "src", "url", "license_url") and isinstance(value, str):
                found.append((data, key, where))
            else:
                found.extend(_urls(value, where))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_urls(value, f"{path}/{index}"))
    return found


@settings(max_examples=60, deadline=None)
@given(briefs(), st.data())
def test_a_brief_with_broken_urls_reads_leniently_into_a_valid_brief(
    brief: bm.Brief, data: st.DataObject
) -> None:
    broken = copy.deepcopy(bm.to_dict(brief))
    for holder, key, _ in _urls(broken):
        if data.draw(st.booleans()):
            holder[key] = data.draw(_BROKEN)
    strict = bm.validate(broken)
    report = bm.validate(broken, lenient=True)
    assert report.ok, report.errors
    assert report.brief is not None
    assert bm.validate(report.brief).ok
    errors = {p.path for p in strict.errors}
    repaired_at = {p.path for p in report.warnings if p.code.startswith("repair.")}
    assert repaired_at <= errors
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert bm.from_dict(broken, strict=False) == report.brief


def test_a_subject_named_only_by_an_unusable_uri_is_left_out() -> None:
    subjects = [
        {"uri": "example.comlifestyle", "name": "Lifestyle"},
        {"code": "medtop:04000000", "uri": "relative/economy", "name": "Economy"},
    ]
    report = _lenient(_brief(subjects=subjects, sections=[_paragraph("One.")]))
    assert [(p.code, p.path) for p in report.warnings] == [
        ("repair.url-dropped", "/subjects/0/uri"),
        ("repair.url-dropped", "/subjects/1/uri"),
    ]
    assert report.brief is not None
    assert [(s.code, s.uri) for s in report.brief.subjects] == [("medtop:04000000", None)]
