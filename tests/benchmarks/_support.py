"""What several tests of ``benchmarks/`` share: a brief with every construct."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import briefmodel as bm

ROOT = Path(__file__).resolve().parent.parent.parent


def every_construct() -> bm.Brief:
    """A brief with every block and inline type and every metadata field."""
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    return bm.Brief(
        id="urn:example:benchmark:every",
        version=3,
        headline="Every construct",
        subheadline="All of them, once.",
        language="en-GB",
        created=t0,
        updated=t0 + timedelta(hours=1),
        embargo_until=t0 + timedelta(days=1),
        status="withheld",
        urgency=2,
        genre="explainer",
        authors=[bm.Agent(name="Desk", role="writer", uri="https://example.org/desk")],
        publisher=bm.Agent(name="Example Press", affiliation="Example Group"),
        sections=[
            bm.Section(
                id="points",
                title="Key points",
                role="key-points",
                blocks=[bm.ItemList(items=["One", ["Two, ", bm.Emphasis(content="really")]])],
                sections=[
                    bm.Section(
                        title="Nested",
                        blocks=[
                            bm.Paragraph(
                                content=[
                                    "Text with ",
                                    bm.Strong(content=[bm.Emphasis(content="both")]),
                                    bm.LineBreak(),
                                    bm.Code(text="x < 1 & y"),
                                    " and ",
                                    bm.Link(
                                        href="https://example.org/a?b=1",
                                        title="A link",
                                        content="a link",
                                    ),
                                    bm.Link(href="https://example.org/bare"),
                                    bm.Mention(ref="p1", content="the director"),
                                    bm.Citation(ref="s1"),
                                    ".",
                                ]
                            )
                        ],
                    )
                ],
            ),
            bm.Section(
                blocks=[
                    bm.ItemList(
                        ordered=True,
                        items=[
                            bm.ListItem(
                                content="With blocks",
                                blocks=[bm.Paragraph(content="inside")],
                            ),
                            bm.ListItem(blocks=[bm.Paragraph(content="only blocks")]),
                        ],
                    ),
                    bm.Quote(content="Said so.", attribution="Someone", source_ref="s1"),
                    bm.Quote(content="Unattributed."),
                    bm.Judgment(
                        statement="Likely so.",
                        confidence="moderate",
                        likelihood="likely",
                        basis=["s1"],
                    ),
                    bm.Figure(
                        src="https://example.org/chart.png",
                        alt="A chart",
                        caption=["Fees, ", bm.Emphasis(content="2026")],
                        credit="Example Press",
                    ),
                    bm.Figure(src="https://example.org/plain.png", alt="Plain"),
                    bm.Table(
                        caption=["Fees by length, ", bm.Emphasis(content="2026")],
                        head=[
                            bm.TableRow(
                                cells=[
                                    bm.TableCell(content="Length", header="col"),
                                    bm.TableCell(content="Fee", header="colgroup", colspan=2),
                                ]
                            )
                        ],
                        body=[
                            bm.TableRow(
                                cells=[
                                    bm.TableCell(content="Under 150 m", header="row", rowspan=2),
                                    "€410",
                                    bm.TableCell(content=bm.Strong(content="€380")),
                                ]
                            ),
                            bm.TableRow(cells=["€300", ""]),
                        ],
                        foot=[
                            bm.TableRow(cells=[bm.TableCell(content="All", header="auto"), "", ""])
                        ],
                        align=["start", "end", "end"],
                    ),
                ]
            ),
        ],
        entities=[
            bm.Entity(
                id="p1",
                kind="person",
                name="Port Director",
                aliases=["Director"],
                identifiers={"wikidata": "Q1"},
            ),
            bm.Entity(id="o1", kind="other", name="Something"),
        ],
        subjects=[
            bm.Subject(
                code="medtop:04000000",
                name="economy",
                uri="http://cv.iptc.org/newscodes/mediatopic/04000000",
                relevance=90,
                confidence=80,
            ),
            bm.Subject(uri="https://example.org/topics/ports"),
        ],
        keywords=["ports", "fees"],
        sources=[
            bm.Source(
                id="s1",
                title="Notice",
                url="https://example.org/notice",
                publisher="Port authority",
                published=t0 - timedelta(days=1),
                accessed=t0,
                reliability="B",
                credibility=2,
            )
        ],
        related=[bm.Related(url="https://example.org/before", title="Before", rel="related")],
        rights=bm.Rights(
            holder="Example Press",
            notice="(c) 2026",
            license_url="https://example.org/licence",
            usage_terms="Quote freely.",
        ),
        corrections=[bm.Correction(signal="correction", note="Fixed a date.", date=t0)],
        extensions={"acme:desk": {"shift": ["early", 2]}},
    )
