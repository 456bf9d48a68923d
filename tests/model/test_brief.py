"""The brief: frozen, hashable and picklable, its derived values, and the walks over its nodes."""

from __future__ import annotations

import pickle
import subprocess
import sys

import attrs
import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel import model as m
from briefmodel.testing import briefs

from .._hang import HANG_SECONDS
from ._support import brief


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


def test_word_count_looks_at_each_run_of_characters_once() -> None:
    """A paragraph of 200,000 ``_`` has no word. The pattern that counted words tried
    every start in the run (20,000 took six seconds; this, ten minutes): a guard that
    only a hang reaches, since the pattern runs in C."""
    script = (
        "import briefmodel as bm\n"
        "from datetime import datetime, timezone\n"
        "b = bm.Brief(id='x', headline='H', created=datetime(2026, 1, 1, tzinfo=timezone.utc),\n"
        "    sections=[bm.Section(blocks=[bm.Paragraph(content='_' * 200_000 + ' a_b -- 1')])])\n"
        "print(b.word_count)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG_SECONDS
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "3"  # H, a_b and 1; the run of _ and the dash are none


@given(briefs())
def test_plain_text_is_the_lines_of_the_walk_in_document_order(brief: bm.Brief) -> None:
    # plain_text walks sections and blocks alone (inline markup gives no lines); the full
    # walk, with a path for every node, is the oracle.
    from briefmodel.model.brief import _TEXT_OF

    lines = [brief.headline, brief.subheadline or ""]
    lines += [_TEXT_OF[type(n)](n) for _, n in brief.walk() if type(n) in _TEXT_OF]
    assert brief.plain_text() == "\n".join(line for line in lines if line)
