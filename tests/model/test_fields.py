"""The field converters and validators: lists become tuples, and bad values raise ModelError."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import briefmodel as bm

from ._support import brief


def test_lists_become_tuples_and_strings_become_rich_text() -> None:
    b = brief(keywords=["ports", "fees"], sections=[bm.Section(blocks=[bm.Paragraph(content="x")])])
    assert b.keywords == ("ports", "fees")
    assert isinstance(b.sections, tuple)
    assert b.sections[0].blocks[0].content == ("x",)


def test_a_single_string_is_one_keyword() -> None:
    assert brief(keywords="ports").keywords == ("ports",)


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: brief(headline=""), "text.not-one-line"),
        (lambda: brief(headline="two\nlines"), "text.not-one-line"),
        (lambda: brief(headline=5), "schema.type"),
        (lambda: brief(created=datetime(2026, 1, 1)), "datetime.naive"),
        (
            # RFC 3339 offsets are whole minutes: no format could write this one.
            lambda: brief(created=datetime(2026, 1, 1, tzinfo=timezone(timedelta(seconds=19815)))),
            "datetime.invalid",
        ),
        (
            # Year 1 at +15:00 is still year 0 in UTC, which no format can write.
            lambda: brief(created=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=15)))),
            "datetime.invalid",
        ),
        (lambda: brief(created="2026-01-01"), "schema.type"),
        (lambda: brief(language="english!"), "language.malformed"),
        (lambda: brief(version=0), "schema.minimum"),
        (lambda: brief(version=True), "schema.type"),
        (lambda: brief(urgency=10), "schema.maximum"),
        (lambda: brief(urgency=10**5000), "schema.maximum"),
        (lambda: brief(status="published"), "schema.enum"),
        (lambda: brief(sections=[]), "schema.min-items"),
        (lambda: brief(sections=[bm.Paragraph(content="x")]), "schema.type"),
        (lambda: brief(sections="abc"), "schema.type"),
        (lambda: brief(extensions={"nonamespace": 1}), "extension.unqualified-key"),
        (lambda: brief(extensions={"a:b": float("nan")}), "parse.non-finite-number"),
        (lambda: brief(extensions={"a:b": object()}), "schema.type"),
        (lambda: brief(extensions=[1]), "schema.type"),
        (lambda: bm.Section(id="1abc"), "id.malformed"),
        (lambda: bm.Section(blocks=[bm.Section()]), "schema.type"),
        (lambda: bm.Paragraph(content=[1]), "schema.type"),
        (lambda: bm.ItemList(items=["x"], ordered="yes"), "schema.type"),
        (lambda: bm.Judgment(statement="x", confidence="certain"), "schema.enum"),
        (lambda: bm.Judgment(statement="x", basis=["ok", "not ok"]), "id.malformed"),
        (lambda: brief(keywords=["ok", ""]), "schema.min-length"),
        (lambda: brief(keywords=["ok", 3]), "schema.type"),
        (
            lambda: bm.Entity(id="e", kind="person", name="N", identifiers={"1x": "v"}),
            "identifier.malformed-scheme",
        ),
        (
            lambda: bm.Entity(id="e", kind="person", name="N", identifiers={"wikidata": ""}),
            "schema.min-length",
        ),
        (lambda: bm.Entity(id="e", kind="person", name="N", identifiers=[]), "schema.type"),
        (lambda: bm.Subject(name="Ports"), "subject.unidentified"),
        (lambda: bm.Subject(code="ports"), "qcode.malformed"),
        (lambda: bm.Source(id="s", title="T", credibility=7), "schema.maximum"),
        (lambda: bm.Source(id="s", title="T", reliability="G"), "schema.enum"),
        (lambda: bm.ListItem(blocks=["text"]), "schema.type"),
        (lambda: bm.Code(text=""), "schema.min-length"),
    ],
)
def test_bad_field_values_raise_model_error(build: object, code: str) -> None:
    with pytest.raises(bm.ModelError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, bm.BriefmodelError)


def test_model_error_names_the_field() -> None:
    with pytest.raises(bm.ModelError, match=r"^Judgment\.basis\[1\]: "):
        bm.Judgment(statement="x", basis=["ok", "not ok"])


def test_aware_datetimes_with_offsets_are_kept() -> None:
    tz = timezone(timedelta(hours=5, minutes=30))
    b = brief(created=datetime(2026, 1, 1, 12, tzinfo=tz))
    assert bm.to_dict(b)["created"] == "2026-01-01T12:00:00+05:30"
