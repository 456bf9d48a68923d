"""The model: construction, conversions, field checks and derived helpers."""

from __future__ import annotations

import pickle
from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel import model as m
from briefmodel.testing import briefs

UTC = timezone.utc
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def brief(**changes: object) -> bm.Brief:
    fields: dict[str, object] = {
        "id": "urn:example:1",
        "headline": "Harbour talks settle pilot fees",
        "created": T0,
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Fees fall.")])],
    }
    fields.update(changes)
    return bm.Brief(**fields)  # type: ignore[arg-type]


def test_lists_become_tuples_and_strings_become_rich_text() -> None:
    b = brief(keywords=["ports", "fees"], sections=[bm.Section(blocks=[bm.Paragraph(content="x")])])
    assert b.keywords == ("ports", "fees")
    assert isinstance(b.sections, tuple)
    assert b.sections[0].blocks[0].content == ("x",)


def test_rich_text_is_normalised() -> None:
    assert m.rich_text(["a", "", "b", bm.LineBreak(), "c"]) == ("ab", bm.LineBreak(), "c")
    assert m.rich_text(bm.Strong(content="x")) == (bm.Strong(content=("x",)),)
    assert bm.Paragraph(content=["Talks ", "ended"]) == bm.Paragraph(content="Talks ended")


def test_list_items_accept_strings_and_rich_text() -> None:
    items = bm.ItemList(items=["one", ["two ", bm.Emphasis(content="now")]]).items
    assert items[0] == bm.ListItem(content="one")
    assert items[1].content == ("two ", bm.Emphasis(content=("now",)))


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


def test_frozen_hashable_and_evolvable() -> None:
    b = brief(extensions={"acme:desk": {"b": [1, 2], "a": None}})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        b.headline = "x"  # type: ignore[misc]
    assert hash(b) == hash(brief(extensions={"acme:desk": {"a": None, "b": (1, 2)}}))
    changed = attrs.evolve(b, headline="New headline")
    assert changed.headline == "New headline"
    assert b.headline == "Harbour talks settle pilot fees"
    with pytest.raises(bm.ModelError):
        attrs.evolve(b, headline="")


def test_extensions_are_frozen_and_sorted() -> None:
    b = brief(extensions={"z:z": 1, "a:a": {"y": [1, {"k": "v"}]}})
    assert list(b.extensions) == ["a:a", "z:z"]
    assert b.extensions["a:a"] == {"y": (1, {"k": "v"})}
    assert repr(b.extensions).startswith("FrozenMap(")
    assert b.extensions != 3


@given(briefs())
def test_every_brief_pickles(b: bm.Brief) -> None:
    assert pickle.loads(pickle.dumps(b)) == b


def test_key_points_plain_text_and_word_count() -> None:
    b = brief(
        subheadline="A short standfirst",
        sections=[
            bm.Section(title="Context", blocks=[bm.Paragraph(content="Before the list.")]),
            bm.Section(
                title="Key Points",
                role="key-points",
                blocks=[
                    bm.ItemList(items=["First point", ["Second ", bm.Strong(content="point")]])
                ],
            ),
            bm.Section(role="key-points", blocks=[bm.ItemList(items=["ignored"])]),
            bm.Section(
                blocks=[
                    bm.Quote(content="Said so."),
                    bm.Judgment(statement="Likely so."),
                    bm.Figure(src="https://example.org/a.png", alt="A", caption="Cap"),
                    bm.Paragraph(content=["See ", bm.Link(href="https://example.org")]),
                    bm.Paragraph(
                        content=["a", bm.LineBreak(), bm.Code(text="b"), bm.Citation(ref="s1")]
                    ),
                ]
            ),
        ],
    )
    assert [bm.plain_text(i.content) for i in b.key_points] == ["First point", "Second point"]
    text = b.plain_text()
    assert text.splitlines()[:4] == [
        "Harbour talks settle pilot fees",
        "A short standfirst",
        "Context",
        "Before the list.",
    ]
    assert "See https://example.org" in text
    assert "a\nb" in text
    assert b.word_count == len(text.split())


def test_no_key_points() -> None:
    assert brief().key_points == ()


def test_walk_paths_follow_canonical_json() -> None:
    b = brief(
        sections=[
            bm.Section(
                blocks=[
                    bm.ItemList(
                        items=[
                            "plain",
                            bm.ListItem(content="nested", blocks=[bm.Paragraph(content="x")]),
                            ["a", bm.Citation(ref="s1")],
                        ]
                    )
                ]
            )
        ],
        publisher=bm.Agent(name="Desk"),
    )
    data = bm.to_dict(b)
    for path, node in b.walk():
        target: object = data
        for part in path:
            target = target[part]  # type: ignore[index]
        if isinstance(node, str):
            assert target == node
        else:
            assert isinstance(target, (dict, list, str))


@given(briefs())
def test_the_fast_walk_agrees_with_walk(b: bm.Brief) -> None:
    walked = sorted((len(path), id(node)) for path, node in b.walk())
    assert sorted((depth, id(node)) for depth, node in m.nodes(b)) == walked


def test_aware_datetimes_with_offsets_are_kept() -> None:
    tz = timezone(timedelta(hours=5, minutes=30))
    b = brief(created=datetime(2026, 1, 1, 12, tzinfo=tz))
    assert bm.to_dict(b)["created"] == "2026-01-01T12:00:00+05:30"
