"""What writing a brief as plain text drops (``text.losses``)."""

from __future__ import annotations

from datetime import datetime, timezone

import briefmodel as bm
from briefmodel.formats import text

from ._support import ROOT, project


def test_losses_name_what_writing_drops() -> None:
    brief = bm.load(ROOT / "examples" / "grid-outlook-judgments.json")
    found = text.losses(brief)
    assert found
    assert all(p.code == "text.dropped" for p in found)
    paths = {p.path for p in found}
    assert "/sources" in paths
    assert any(path.startswith("/sections/") for path in paths)
    assert text.losses(project(brief)) == []


def _messages(brief: bm.Brief) -> dict[str, str]:
    return {p.path: p.message for p in text.losses(brief)}


def test_loss_messages_say_what_becomes_of_each_thing() -> None:
    cited = bm.Brief(
        id="urn:example:losses",
        headline="Ferry Fares Rise",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        version=3,
        updated=datetime(2026, 1, 2, tzinfo=timezone.utc),
        authors=[bm.Agent(name="A"), bm.Agent(name="B")],
        keywords=["fares"],
        sections=[
            bm.Section(
                title="Outlook",
                blocks=[
                    bm.Paragraph(
                        content=[
                            "Fares rise",
                            bm.Citation(ref="s1"),
                            bm.LineBreak(),
                            bm.Link(href="https://example.org/fares", content="the notice"),
                            " ",
                            bm.Mention(ref="op", content="the operator"),
                        ]
                    ),
                    bm.Quote(content="We regret it.", attribution="The operator"),
                    bm.Judgment(statement="Fares rise again.", confidence="high"),
                    bm.Figure(src="map.png", alt="A map", credit="Port"),
                    bm.ItemList(
                        items=[bm.ListItem(content="a", blocks=[bm.Paragraph(content="b")])]
                    ),
                ],
                sections=[bm.Section(title="Details")],
            )
        ],
    )
    assert _messages(cited) == {
        "/version": "the version number is not written",
        "/updated": "the time of this version (updated) is not written",
        "/authors": "the 2 authors are not written",
        "/keywords": "the keyword is not written",
        "/sections/0/blocks/0/content/1": (
            "the citation of the source 's1' is not written (text has no place for it)"
        ),
        "/sections/0/blocks/0/content/2": "the line break is written as a space",
        "/sections/0/blocks/0/content/3": (
            "the link is written as its text; its address ('https://example.org/fares') "
            "is not written"
        ),
        "/sections/0/blocks/0/content/5": (
            "the mention is written as its text; its reference to the entity 'op' is lost"
        ),
        "/sections/0/blocks/1": (
            "the quote is written as a paragraph of its text, then ' — ' and the attribution"
        ),
        "/sections/0/blocks/2": (
            "the judgment is written as a paragraph of its statement; its confidence is not written"
        ),
        "/sections/0/blocks/3": (
            "the figure is written as a paragraph of its alt text; its image and credit are "
            "not written"
        ),
        "/sections/0/blocks/4/items/0/blocks": (
            "the item's other blocks are written as part of its text"
        ),
        "/sections/0/sections/0": (
            "the section is written after its parent, as a section of its own"
        ),
    }
    written = bm.dumps(cited, "text")
    assert "s1" not in written  # the citation is gone, not written as text
    assert "Fares rise the notice the operator" in written
    assert "We regret it. — The operator" in written
    assert "A map" in written


def test_no_loss_message_uses_a_field_name_as_a_noun() -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    for message in _messages(brief).values():
        assert not any(f"the {name} is" in message for name in ("updated", "authors", "entities"))
        assert " markup is written as its text" not in message
