"""The documents measured: the generated briefs, the example, and the :class:`Workload`
that holds each in every form the measurements need (canonical JSON and its dict,
NewsML-G2, HTML, ninjs, plain text and Markdown)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import briefmodel as bm

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "port-fees.json"


_T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))
_ROLES = ("summary", "context", "analysis", "implications", "outlook", "recommendations")
_KINDS: tuple[Literal["person", "organization", "place", "event"], ...] = (
    "person",
    "organization",
    "place",
    "event",
)


def generated_brief(sections: int, *, references: int = 20) -> bm.Brief:
    """A valid brief of ``sections`` uniform sections, with entities and sources to cite."""
    entities = [
        bm.Entity(id=f"e{i}", kind=_KINDS[i % len(_KINDS)], name=f"Harbour party {i}")
        for i in range(references)
    ]
    sources = [
        bm.Source(
            id=f"s{i}",
            title=f"Port authority bulletin {i}",
            url=f"https://example.org/bulletins/{i}",
            published=_T0 - timedelta(days=i),
            reliability="B",
            credibility=2,
        )
        for i in range(references)
    ]
    body = [
        bm.Section(
            id=f"sec-{n}",
            title=f"Berth allocation, part {n + 1}",
            role=_ROLES[n % len(_ROLES)],
            blocks=[
                bm.Paragraph(
                    content=[
                        "Pilotage requests rose after ",
                        bm.Mention(ref=f"e{n % references}", content="the harbour master"),
                        " revised the night-time schedule",
                        bm.Citation(ref=f"s{n % references}"),
                        ".",
                    ]
                ),
                bm.ItemList(
                    items=[
                        f"Queue length fell to {n % 9 + 1} vessels",
                        "Tug crews moved to twelve-hour shifts",
                        ["Fees for feeder ships ", bm.Strong(content="unchanged")],
                    ]
                ),
            ],
        )
        for n in range(sections)
    ]
    return bm.Brief(
        id=f"urn:example:benchmark:{sections}",
        headline=f"Harbour operations in {sections} sections",
        created=_T0,
        updated=_T0 + timedelta(hours=2),
        genre="analysis",
        authors=[bm.Agent(name="Benchmark Desk")],
        sections=body,
        entities=entities,
        sources=sources,
        keywords=["ports", "shipping"],
    )


@dataclass
class Workload:
    """One document, in every form the measurements need."""

    name: str
    role: Literal["example", "scaling", "large"]
    origin: str
    brief: bm.Brief
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    sections: int = 0
    #: The brief as NewsML-G2, UTF-8 encoded (what every NewsML-G2 reader here is given).
    xml: bytes = b""
    #: The brief as an HTML page, UTF-8 encoded (what every HTML reader here is given).
    page: bytes = b""
    #: The brief as a ninjs object, as plain text and as Markdown (``bm.dumps``'s text).
    ninjs: str = ""
    plain: str = ""
    markdown: str = ""

    def __post_init__(self) -> None:
        self.text = bm.dumps(self.brief)
        self.data = bm.to_dict(self.brief)
        self.sections = count_sections(self.brief.sections)
        self.xml = bm.dumps(self.brief, "newsml").encode("utf-8")
        self.page = bm.dumps(self.brief, "html").encode("utf-8")
        self.ninjs = bm.dumps(self.brief, "ninjs")
        self.plain = bm.dumps(self.brief, "text")
        self.markdown = bm.dumps(self.brief, "markdown")


def count_sections(sections: Sequence[bm.Section]) -> int:
    """Sections at every depth."""
    return sum(1 + count_sections(s.sections) for s in sections)


def example_workload() -> Workload:
    """``examples/port-fees.json``, another example, or a generated small brief."""
    candidates = [EXAMPLE, *sorted((ROOT / "examples").glob("*.json"))]
    for path in candidates:
        if path.is_file():
            report = bm.validate(path)
            if report.ok and report.brief is not None:
                return Workload("example", "example", str(path.relative_to(ROOT)), report.brief)
    return Workload(
        "example", "example", "generated (no examples/*.json found)", generated_brief(6)
    )
