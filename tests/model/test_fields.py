"""The field converters and validators: lists become tuples, and bad values raise ModelError."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import attrs
import pytest

import briefmodel as bm
from briefmodel.model import MODEL_TYPES, FrozenMap, RichText
from briefmodel.rules import CODES

from ._support import T0, brief


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


# --------------------------------------------------------------------------------------
# Every field of every model class, given a value of the wrong type and a wrong value of
# the right type: the error names the class and the field and says what is accepted.

#: The least each class needs to be built.
REQUIRED: dict[type, dict[str, object]] = {
    bm.Brief: {"id": "urn:x:1", "headline": "H", "created": T0, "sections": [bm.Section()]},
    bm.Paragraph: {"content": "x"},
    bm.Quote: {"content": "x"},
    bm.Judgment: {"statement": "x"},
    bm.Figure: {"src": "a.png", "alt": "A"},
    bm.Emphasis: {"content": "x"},
    bm.Strong: {"content": "x"},
    bm.Code: {"text": "x"},
    bm.Link: {"href": "https://example.org"},
    bm.Mention: {"ref": "e1", "content": "x"},
    bm.Citation: {"ref": "s1"},
    bm.Entity: {"id": "e1", "kind": "person", "name": "N"},
    bm.Subject: {"code": "medtop:1"},
    bm.Source: {"id": "s1", "title": "T"},
    bm.Related: {"url": "https://example.org"},
    bm.Agent: {"name": "N"},
    bm.Correction: {"signal": "correction", "note": "n"},
}

#: A string of the right type that each shape refuses.
MISSHAPEN = {
    "node-id": "9 lives",
    "line": "two\nlines",
    "document-id": "has spaces",
    "language": "english!",
    "qcode": "nocolon",
}


def _bare(type_: object) -> object:
    """The type without its ``| None``."""
    args = [a for a in typing.get_args(type_) if a is not type(None)]
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return type_


def wrong_values(cls: type, field: attrs.Attribute[object]) -> Iterator[tuple[str, object]]:
    """("type", a value of the wrong type) and, where the type admits one, ("value", …)."""
    kind = _bare(field.type)
    origin = typing.get_origin(kind)
    if kind is str:
        yield "type", 5
        shape = field.metadata.get("shape")
        yield "value", MISSHAPEN[shape.name] if shape else ""
    elif kind is bool:
        yield "type", 1
    elif kind is int:
        yield "type", "5"
        low, high = field.metadata["range"]
        yield "value", high + 1 if high is not None else low - 1
    elif kind is datetime:
        yield "type", "2026-03-02T09:00:00Z"
        yield "value", datetime(2026, 3, 2, 9)
    elif kind == RichText:
        yield "type", 5
        yield "value", ["text", 5]
    elif origin is typing.Literal:
        yield "type", 5
        yield "value", "nope"
    elif origin is tuple:
        yield "type", 5 if typing.get_args(kind)[0] is str else "abc"
        yield "value", [""] if typing.get_args(kind)[0] is str else [5]
    elif origin is FrozenMap:
        yield "type", "abc"
        yield "value", {"1 bad": "x"}
    elif attrs.has(kind):
        yield "type", "abc"
    else:  # pragma: no cover - a new kind of field: say how to get it wrong above
        raise AssertionError(f"no wrong values for {cls.__name__}.{field.name}: {kind!r}")


CASES = [
    pytest.param(cls, field.name, how, bad, id=f"{cls.__name__}.{field.name}-{how}")
    for cls in MODEL_TYPES
    for field in attrs.fields(cls)
    for how, bad in wrong_values(cls, field)
]


@pytest.mark.parametrize(("cls", "name", "how", "bad"), CASES)
def test_every_field_says_what_it_accepts(cls: type, name: str, how: str, bad: object) -> None:
    with pytest.raises(bm.ModelError) as caught:
        cls(**{**REQUIRED.get(cls, {}), name: bad})
    error = caught.value
    assert str(error).startswith(f"{cls.__name__}.{name}"), str(error)
    assert (error.owner, error.path[0]) == (cls.__name__, name)
    assert error.message.startswith("expected "), error.message
    assert ", got " in error.message, error.message
    assert error.code in CODES, error.code
    assert "sequence" not in str(error)
    assert "NoneType" not in str(error)


def test_every_field_is_covered() -> None:
    covered = {(cls, name) for cls, name, _, _ in (case.values for case in CASES)}
    fields = {(cls, f.name) for cls in MODEL_TYPES for f in attrs.fields(cls)}
    assert covered == fields - {(bm.LineBreak, f.name) for f in attrs.fields(bm.LineBreak)}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: bm.ItemList(items="abc"),
            "ItemList.items: expected a list of items (each a ListItem, or rich text: a str, "
            "an inline node or a list of those), got the str 'abc'",
        ),
        (
            lambda: bm.Paragraph(content=5),
            "Paragraph.content: expected rich text (a str, an inline node, or a list of str "
            "and inline nodes), got the int 5",
        ),
        (
            lambda: bm.ItemList(items=["a", ["b", 5]]),
            "ItemList.items[1][1]: expected a str or an inline node (Emphasis, Strong, Code, "
            "LineBreak, Link, Mention or Citation), got the int 5",
        ),
        (
            lambda: bm.Section(blocks=[bm.Section()]),
            "Section.blocks[0]: expected a Paragraph, ItemList, Quote, Judgment, Figure or "
            "Table, got a Section",
        ),
        (
            lambda: brief(publisher="Harbour Times"),
            "Brief.publisher: expected an Agent or None, got the str 'Harbour Times'",
        ),
        (
            lambda: brief(urgency=10**5000),
            "Brief.urgency: expected an int from 1 to 9, got a number of thousands of digits",
        ),
        (
            lambda: brief(headline="x" * 10**6 + "\n"),
            "Brief.headline: expected one line of text that is not empty or blank, got 'xxxxxx",
        ),
    ],
)
def test_messages_read_as_sentences(build: object, message: str) -> None:
    with pytest.raises(bm.ModelError) as caught:
        build()  # type: ignore[operator]
    assert str(caught.value).startswith(message)
    assert len(str(caught.value)) < 400  # a long value is cut short


def test_an_unknown_identifier_scheme_that_is_not_a_string_is_a_model_error() -> None:
    with pytest.raises(bm.ModelError, match=r"^Entity\.identifiers\[1\]: expected an identifier"):
        bm.Entity(id="e", kind="person", name="N", identifiers={1: "Q1"})
