"""What the Word test modules share: the bundled examples, a small brief that uses every
block, python-docx's view of a document, and a document edited as a person would."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx

import briefmodel as bm

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
UTC = timezone.utc

#: A brief that uses every block and inline node, in sentences of its own.
EVERYTHING = bm.Brief(
    id="urn:example:docx:ferry-depot",
    version=3,
    headline="Ferry Depot Reopens After Flood Repairs",
    subheadline="The council's insurers paid for most of the work.",
    language="en-GB",
    created=datetime(2026, 4, 2, 8, 30, tzinfo=UTC),
    updated=datetime(2026, 4, 3, 9, 0, tzinfo=UTC),
    genre="brief",
    authors=[bm.Agent(name="Mira Holt", role="reporter"), bm.Agent(name="Owen Price")],
    keywords=["ferries", "floods"],
    entities=[bm.Entity(id="council", kind="organization", name="Harbour Council")],
    sources=[
        bm.Source(id="notice", title="Depot notice", url="https://example.org/depot"),
        bm.Source(id="minutes", title="Council minutes", publisher="Harbour Council"),
    ],
    sections=[
        bm.Section(
            id="points",
            title="Key Points",
            role="key-points",
            blocks=[
                bm.ItemList(
                    items=[
                        "Sailings resume on Monday",
                        bm.ListItem(
                            content="Repairs covered",
                            blocks=[bm.ItemList(ordered=True, items=["the slipway", "the shed"])],
                        ),
                    ]
                )
            ],
        ),
        bm.Section(
            title="What Happened",
            blocks=[
                bm.Paragraph(
                    content=[
                        "The ",
                        bm.Mention(ref="council", content="council"),
                        " said the depot is ",
                        bm.Emphasis(content="dry"),
                        " and ",
                        bm.Strong(content="safe"),
                        bm.Citation(ref="notice"),
                        ". Its code is ",
                        bm.Code(text="FD-2"),
                        "; see ",
                        bm.Link(href="https://example.org/map", content="the map", title="Map"),
                        ".",
                        bm.LineBreak(),
                        "Tabs\tstay.",
                    ]
                ),
                bm.Quote(content="We were lucky.", attribution="A pilot", source_ref="minutes"),
                bm.Judgment(
                    statement="Sailings will stay on time.",
                    confidence="moderate",
                    likelihood="likely",
                    basis=["notice", "minutes"],
                ),
                bm.Figure(
                    src="https://example.org/depot.jpg",
                    alt="The depot at low tide",
                    caption="The rebuilt slipway.",
                    credit="Harbour Council",
                ),
                bm.Table(
                    caption="Sailings by day",
                    head=[
                        bm.TableRow(
                            cells=[
                                bm.TableCell(content="Day", header="col"),
                                bm.TableCell(content="Sailings", header="col", colspan=2),
                            ]
                        )
                    ],
                    body=[
                        bm.TableRow(
                            cells=[bm.TableCell(content="Weekdays", rowspan=2), "6", "early"]
                        ),
                        bm.TableRow(cells=["4", "late"]),
                    ],
                    align=["start", "end", "center"],
                ),
            ],
            sections=[bm.Section(title="Outlook", blocks=[bm.Paragraph(content="More soon.")])],
        ),
    ],
)


def opened(data: bytes) -> Any:
    """python-docx's document of a Word file."""
    return docx.Document(io.BytesIO(data))


def saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def edited(data: bytes, change: Callable[[Any], None]) -> bytes:
    """The file as python-docx saves it after ``change`` (a person's edit)."""
    document = opened(data)
    change(document)
    return saved(document)


def read_quietly(data: bytes, **options: Any) -> tuple[bm.Brief, list[bm.Problem]]:
    """The brief read, and the problems of the warnings reading gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(data, "docx", **options)
    problems = [p for w in caught for p in getattr(w.message, "problems", ())]
    return brief, problems
