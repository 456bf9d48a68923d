"""Benchmark briefmodel's canonical JSON against json, pydantic and JSON Schema validators.

Everything is measured in one run so that the ratios are comparable on a noisy machine.
Each operation is timed ``timeit``-style: the number of calls per repeat is calibrated
to take at least ``--min-time`` seconds, the repeat is done ``--repeat`` times with the
garbage collector off (as :mod:`timeit` does), and the best per-call time is used for
the ratios (the median is reported too).

Workloads:

* ``example``: ``examples/port-fees.json`` (or another ``examples/*.json``, or a small
  brief generated here when there is none);
* ``gen-100`` and ``gen-1000``: generated briefs of 100 and 1,000 sections, each
  section with a title, a role, a paragraph holding a mention and a citation, and a
  three-item list.

Usage::

    python benchmarks/run.py            # full run, about a minute
    python benchmarks/run.py --quick    # a few seconds, rough numbers
    python benchmarks/run.py --json     # machine-readable results
    python benchmarks/run.py --profile  # cProfile of bm.loads and bm.dumps instead
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import platform
import pstats
import statistics
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, Literal

import fastjsonschema
import jsonschema
import pydantic
from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

import briefmodel as bm
from briefmodel import _patterns
from briefmodel import model as m

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "port-fees.json"
#: Per-section cost of the large generated brief may be at most this many times that of
#: the generated brief a tenth of its size (the same shape): a check for superlinear work.
LINEARITY_TARGET = 1.5

# ======================================================================================
# A pydantic v2 model of the same canonical JSON, as a user of pydantic would write it.
# Class names carry a ``P`` prefix so that they cannot be mistaken for briefmodel's.


class _Node(BaseModel):
    """Base of every pydantic class: strict like briefmodel's reader, immutable like its model."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


NonEmpty = Annotated[str, StringConstraints(min_length=1)]


def _rust(shape: _patterns.Shape) -> str:
    """The shape's pattern for pydantic's Rust regex engine, which has no lookahead but
    whose ``$`` means the end of the text (as ``(?![\\s\\S])`` does in ours)."""
    return shape.pattern.replace(_patterns.END, "$")


NodeId = Annotated[str, StringConstraints(pattern=_rust(_patterns.NODE_ID))]
Line = Annotated[str, StringConstraints(pattern=_rust(_patterns.LINE))]
DocumentId = Annotated[str, StringConstraints(pattern=_rust(_patterns.DOCUMENT_ID))]
Language = Annotated[str, StringConstraints(pattern=_rust(_patterns.LANGUAGE))]
QCode = Annotated[str, StringConstraints(pattern=_rust(_patterns.QCODE))]
SchemeName = Annotated[str, StringConstraints(pattern=_rust(_patterns.SCHEME_NAME))]
ExtensionKey = Annotated[str, StringConstraints(pattern=_rust(_patterns.EXTENSION_KEY))]
Percent = Annotated[int, Field(ge=0, le=100)]


class PEmphasis(_Node):
    """``emphasis`` inline node."""

    type: Literal["emphasis"]
    content: RichText


class PStrong(_Node):
    """``strong`` inline node."""

    type: Literal["strong"]
    content: RichText


class PCode(_Node):
    """``code`` inline node."""

    type: Literal["code"]
    text: NonEmpty


class PLineBreak(_Node):
    """``line-break`` inline node."""

    type: Literal["line-break"]


class PLink(_Node):
    """``link`` inline node."""

    type: Literal["link"]
    href: NonEmpty
    content: RichText = ()
    title: NonEmpty | None = None


class PMention(_Node):
    """``mention`` inline node."""

    type: Literal["mention"]
    ref: NodeId
    content: RichText


class PCitation(_Node):
    """``citation`` inline node."""

    type: Literal["citation"]
    ref: NodeId


Inline = Annotated[
    PEmphasis | PStrong | PCode | PLineBreak | PLink | PMention | PCitation,
    Field(discriminator="type"),
]
RichText = str | tuple[str | Inline, ...]


class PParagraph(_Node):
    """``paragraph`` block."""

    type: Literal["paragraph"]
    content: RichText


class PListItem(_Node):
    """A list item written as an object because it holds blocks."""

    content: RichText = ()
    blocks: tuple[Block, ...] = ()


class PItemList(_Node):
    """``item-list`` block."""

    type: Literal["item-list"]
    items: tuple[RichText | PListItem, ...] = ()
    ordered: bool = False


class PQuote(_Node):
    """``quote`` block."""

    type: Literal["quote"]
    content: RichText
    attribution: NonEmpty | None = None
    source_ref: NodeId | None = None


class PJudgment(_Node):
    """``judgment`` block."""

    type: Literal["judgment"]
    statement: RichText
    confidence: m.Confidence | None = None
    likelihood: m.Likelihood | None = None
    basis: tuple[NodeId, ...] = ()


class PFigure(_Node):
    """``figure`` block."""

    type: Literal["figure"]
    src: NonEmpty
    alt: NonEmpty
    caption: RichText = ()
    credit: NonEmpty | None = None


Block = Annotated[
    PParagraph | PItemList | PQuote | PJudgment | PFigure,
    Field(discriminator="type"),
]


class PSection(_Node):
    """A section of the body."""

    id: NodeId | None = None
    title: Line | None = None
    role: NodeId | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[PSection, ...] = ()


class PEntity(_Node):
    """An entity named in the brief."""

    id: NodeId
    kind: m.EntityKind
    name: Line
    aliases: tuple[NonEmpty, ...] = ()
    identifiers: dict[SchemeName, NonEmpty] = Field(default_factory=dict)


class PSubject(_Node):
    """A controlled-vocabulary subject; needs a code or a uri."""

    code: QCode | None = None
    name: Line | None = None
    uri: NonEmpty | None = None
    relevance: Percent | None = None
    confidence: Percent | None = None

    @model_validator(mode="after")
    def _identified(self) -> PSubject:
        if self.code is None and self.uri is None:
            raise ValueError("a subject needs a code or a uri")
        return self


class PSource(_Node):
    """A source with optional Admiralty grading."""

    id: NodeId
    title: Line
    url: NonEmpty | None = None
    publisher: NonEmpty | None = None
    published: AwareDatetime | None = None
    accessed: AwareDatetime | None = None
    reliability: m.Reliability | None = None
    credibility: Annotated[int, Field(ge=1, le=6)] | None = None


class PRelated(_Node):
    """A related article."""

    url: NonEmpty
    title: NonEmpty | None = None
    rel: NodeId | None = None


class PAgent(_Node):
    """An author or publisher."""

    name: Line
    role: NonEmpty | None = None
    uri: NonEmpty | None = None
    affiliation: NonEmpty | None = None


class PRights(_Node):
    """Rights information."""

    holder: NonEmpty | None = None
    notice: NonEmpty | None = None
    license_url: NonEmpty | None = None
    usage_terms: NonEmpty | None = None


class PCorrection(_Node):
    """A correction note."""

    signal: m.Signal
    note: NonEmpty
    date: AwareDatetime | None = None


class PBrief(_Node):
    """The document root."""

    schema_: Literal["briefmodel/1"] = Field(alias="schema")
    id: DocumentId
    version: Annotated[int, Field(ge=1)] = 1
    headline: Line
    subheadline: NonEmpty | None = None
    language: Language = "en"
    created: AwareDatetime
    updated: AwareDatetime | None = None
    embargo_until: AwareDatetime | None = None
    status: m.Status = "usable"
    urgency: Annotated[int, Field(ge=1, le=9)] | None = None
    genre: NonEmpty | None = None
    authors: tuple[PAgent, ...] = ()
    publisher: PAgent | None = None
    sections: Annotated[tuple[PSection, ...], Field(min_length=1)]
    entities: tuple[PEntity, ...] = ()
    subjects: tuple[PSubject, ...] = ()
    keywords: tuple[NonEmpty, ...] = ()
    sources: tuple[PSource, ...] = ()
    related: tuple[PRelated, ...] = ()
    rights: PRights | None = None
    corrections: tuple[PCorrection, ...] = ()
    extensions: dict[ExtensionKey, Any] = Field(default_factory=dict)


PYDANTIC_MODELS: tuple[type[BaseModel], ...] = (
    PEmphasis,
    PStrong,
    PCode,
    PLineBreak,
    PLink,
    PMention,
    PCitation,
    PParagraph,
    PListItem,
    PItemList,
    PQuote,
    PJudgment,
    PFigure,
    PSection,
    PEntity,
    PSubject,
    PSource,
    PRelated,
    PAgent,
    PRights,
    PCorrection,
    PBrief,
)
for _model in PYDANTIC_MODELS:
    _model.model_rebuild()


def pydantic_dumps(brief: PBrief) -> str:
    """The pydantic counterpart of ``bm.dumps``: compact JSON without the absent fields."""
    return brief.model_dump_json(exclude_none=True, by_alias=True)


# ======================================================================================
# Workloads

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

    def __post_init__(self) -> None:
        self.text = bm.dumps(self.brief)
        self.data = bm.to_dict(self.brief)
        self.sections = count_sections(self.brief.sections)


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


# ======================================================================================
# Measurement


@dataclass
class Timing:
    """Per-call times of one operation in seconds."""

    best: float
    median: float
    number: int
    repeat: int


def measure(
    func: Callable[[], object], *, repeat: int, min_time: float, collect: bool = False
) -> Timing:
    """Time ``func`` like :mod:`timeit`: calibrate the loop count, then repeat.

    The garbage collector is off while timing, as in :mod:`timeit`, unless ``collect``.
    """
    timer = timeit.Timer(func, setup=gc.enable if collect else "pass")
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= min_time:
            break
        number = max(number + 1, math.ceil(number * min_time * 1.2 / max(elapsed, 1e-9)))
    # The calibration loop that reached min_time is the first sample: slow operations
    # (jsonschema on the large brief) then cost ``repeat`` calls, not ``repeat + 1``.
    samples = [elapsed, *timer.repeat(repeat=repeat - 1, number=number)]
    per_call = [t / number for t in samples]
    return Timing(min(per_call), statistics.median(per_call), number, repeat)


def retained_bytes(build: Callable[[], object]) -> int:
    """Bytes traced by :mod:`tracemalloc` that the object ``build()`` returns keeps alive."""
    build()  # warm caches so that they are not counted
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = build()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return after - before


@dataclass
class Row:
    """One line of the report: our operation against a reference, with its target."""

    workload: str
    metric: str
    ours: float
    reference_name: str
    reference: float
    unit: str = "s"
    target: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours / self.reference

    @property
    def status(self) -> str:
        if self.target is None:
            return ""
        return "PASS" if self.ratio <= self.target else "MISS"


@dataclass
class Results:
    """Everything one run found."""

    settings: dict[str, Any]
    environment: dict[str, str]
    workloads: dict[str, dict[str, Any]] = field(default_factory=dict)
    timings: dict[str, dict[str, Timing]] = field(default_factory=dict)
    memory: dict[str, dict[str, int]] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "environment": self.environment,
            "workloads": self.workloads,
            "timings": {
                w: {op: asdict(t) for op, t in ops.items()} for w, ops in self.timings.items()
            },
            "memory": self.memory,
            "comparisons": [
                {
                    **asdict(row),
                    "ratio": row.ratio,
                    "status": row.status or None,
                }
                for row in self.rows
            ],
            "notes": self.notes,
        }


# ======================================================================================
# Reference validators


def compile_fastjsonschema(notes: list[str]) -> Callable[[Any], Any] | None:
    """Compile ``bm.json_schema()`` with fastjsonschema and check it rejects bad documents."""
    try:
        check = fastjsonschema.compile(bm.json_schema())
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        notes.append(f"fastjsonschema cannot compile the 2020-12 schema: {error}")
        return None
    missed = [name for name, doc in invalid_documents() if _accepts(check, doc)]
    if missed:
        notes.append(
            "fastjsonschema compiled the schema (as draft-07) but accepts invalid "
            f"documents: {', '.join(missed)}"
        )
    else:
        notes.append(
            "fastjsonschema compiled the 2020-12 schema (as draft-07: $defs, $ref, "
            f"if/then/else) and rejects all {len(invalid_documents())} invalid samples"
        )
    return check


def _accepts(check: Callable[[Any], Any], document: dict[str, Any]) -> bool:
    try:
        check(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def invalid_documents() -> list[tuple[str, dict[str, Any]]]:
    """Small documents that break the schema in different places (for sanity checks)."""
    base = bm.to_dict(generated_brief(1, references=1))

    def broken(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        doc: dict[str, Any] = json.loads(json.dumps(base))
        change(doc)
        return doc

    def first_block(doc: dict[str, Any]) -> dict[str, Any]:
        block: dict[str, Any] = doc["sections"][0]["blocks"][0]
        return block

    def nested_block(doc: dict[str, Any]) -> None:
        items = doc["sections"][0]["blocks"][1]["items"]
        items.append({"content": "x", "blocks": [{"type": "paragraph", "content": 3}]})

    return [
        ("unknown field", broken(lambda d: d.update(colour="red"))),
        ("bad schema id", broken(lambda d: d.update(schema="briefmodel/9"))),
        ("no sections", broken(lambda d: d.update(sections=[]))),
        ("bad section id", broken(lambda d: d["sections"][0].update(id="9 lives"))),
        ("unknown block", broken(lambda d: first_block(d).update(type="x"))),
        ("bad inline ref", broken(lambda d: first_block(d)["content"][1].update(ref="a b"))),
        ("bad nested block", broken(nested_block)),
        ("bad datetime", broken(lambda d: d.update(created="yesterday"))),
        ("bad language", broken(lambda d: d.update(language="english!"))),
    ]


def check_pydantic_model(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The pydantic model must accept our JSON and reject what the schema rejects."""
    for workload in workloads:
        PBrief.model_validate_json(workload.text)  # raises if the shapes differ
    accepted = []
    for name, doc in invalid_documents():
        try:
            PBrief.model_validate_json(json.dumps(doc))
        except pydantic.ValidationError:
            continue
        accepted.append(name)
    if accepted:
        notes.append(f"the pydantic model accepts invalid documents: {', '.join(accepted)}")
    else:
        notes.append(
            "the pydantic model accepts every workload and rejects all "
            f"{len(invalid_documents())} invalid samples"
        )


# ======================================================================================
# The run


def run(
    workloads: Sequence[Workload],
    *,
    repeat: int,
    min_time: float,
    collect: bool,
    progress: Callable[[str], None],
) -> Results:
    """Measure every operation on every workload and build the comparison rows."""
    results = Results(
        settings={"repeat": repeat, "min_time": min_time, "gc": collect, "statistic": "best"},
        environment=environment(),
    )
    notes = results.notes
    check_pydantic_model(workloads, notes)
    fast = compile_fastjsonschema(notes)
    schema_validator = jsonschema.Draft202012Validator(bm.json_schema())

    for workload in workloads:
        text = workload.text
        if not bm.validate(text).ok:
            raise SystemExit(f"workload {workload.name} does not validate")
        model = PBrief.model_validate_json(text)
        operations = timed_operations(workload, model, fast, schema_validator)
        if workload.role == "scaling":  # only needed for the linearity check
            timed = {k: operations[k] for k in ("bm.dumps", "bm.loads", "bm.validate")}
        else:
            timed = operations
        workload_timings: dict[str, Timing] = {}
        for name, func in timed.items():
            progress(f"{workload.name}: {name}")
            workload_timings[name] = measure(
                func, repeat=repeat, min_time=min_time, collect=collect
            )
        results.timings[workload.name] = workload_timings
        results.workloads[workload.name] = {
            "origin": workload.origin,
            "sections": workload.sections,
            "bytes": len(text.encode("utf-8")),
            "pydantic_json_bytes": len(pydantic_dumps(model).encode("utf-8")),
        }
        if workload.role != "scaling":
            progress(f"{workload.name}: memory")
            results.memory[workload.name] = {
                name: retained_bytes(operations[name])
                for name in ("bm.loads", "pydantic.validate_json", "json.loads")
            }
            results.rows.extend(comparison_rows(workload.name, workload_timings))
            mem = results.memory[workload.name]
            results.rows.append(
                Row(
                    workload.name,
                    "memory of a loaded brief",
                    mem["bm.loads"],
                    "pydantic model",
                    mem["pydantic.validate_json"],
                    unit="B",
                )
            )
            results.rows.append(
                Row(
                    workload.name,
                    "memory of a loaded brief",
                    mem["bm.loads"],
                    "json.loads dict",
                    mem["json.loads"],
                    unit="B",
                )
            )
    results.rows.extend(linearity_rows(workloads, results.timings))
    return results


def timed_operations(
    workload: Workload,
    model: PBrief,
    fast: Callable[[Any], Any] | None,
    schema_validator: jsonschema.Draft202012Validator,
) -> dict[str, Callable[[], object]]:
    """The operations measured on ``workload``, by name."""
    text, data, brief = workload.text, workload.data, workload.brief
    operations: dict[str, Callable[[], object]] = {
        "bm.dumps": lambda: bm.dumps(brief),
        "bm.to_dict": lambda: bm.to_dict(brief),
        "json.dumps": lambda: json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        "pydantic.dump_json": lambda: pydantic_dumps(model),
        "bm.loads": lambda: bm.loads(text),
        "json.loads": lambda: json.loads(text),
        "pydantic.validate_json": lambda: PBrief.model_validate_json(text),
        "bm.validate": lambda: bm.validate(text),
        "jsonschema": lambda: schema_validator.is_valid(json.loads(text)),
    }
    if fast is not None:
        operations["fastjsonschema"] = lambda: fast(json.loads(text))
    return operations


def comparison_rows(workload: str, t: dict[str, Timing]) -> Iterator[Row]:
    """The ratios of one workload."""
    best = {name: timing.best for name, timing in t.items()}
    yield Row(workload, "dumps", best["bm.dumps"], "json.dumps(dict) floor", best["json.dumps"])
    yield Row(workload, "dumps", best["bm.dumps"], "pydantic dump_json", best["pydantic.dump_json"])
    yield Row(workload, "to_dict", best["bm.to_dict"], "json.dumps(dict) floor", best["json.dumps"])
    yield Row(workload, "loads", best["bm.loads"], "json.loads floor", best["json.loads"])
    yield Row(
        workload,
        "loads",
        best["bm.loads"],
        "pydantic validate_json",
        best["pydantic.validate_json"],
    )
    yield Row(
        workload,
        "dumps + loads",
        best["bm.dumps"] + best["bm.loads"],
        "pydantic dump + validate",
        best["pydantic.dump_json"] + best["pydantic.validate_json"],
        target=1.0,
    )
    yield Row(
        workload,
        "validate",
        best["bm.validate"],
        "pydantic validate_json",
        best["pydantic.validate_json"],
        target=2.0,
    )
    if "fastjsonschema" in best:
        yield Row(
            workload, "validate", best["bm.validate"], "fastjsonschema", best["fastjsonschema"]
        )
    yield Row(workload, "validate", best["bm.validate"], "jsonschema", best["jsonschema"])


def linearity_rows(
    workloads: Sequence[Workload], timings: dict[str, dict[str, Timing]]
) -> Iterator[Row]:
    """Per-section cost of the largest brief against the smaller ones."""
    by_role: dict[str, Workload] = {w.role: w for w in workloads}
    large = by_role.get("large")
    if large is None:
        return
    for role, target in (("example", None), ("scaling", LINEARITY_TARGET)):
        small = by_role.get(role)
        if small is None:
            continue
        for op in ("bm.dumps", "bm.loads", "bm.validate"):
            yield Row(
                "linearity",
                f"{op.removeprefix('bm.')} per section, {large.name}",
                timings[large.name][op].best / large.sections,
                f"per section, {small.name}",
                timings[small.name][op].best / small.sections,
                target=target,
            )


def environment() -> dict[str, str]:
    """Versions of everything measured."""
    env = {"python": platform.python_version(), "platform": platform.platform()}
    for package in (
        "briefmodel",
        "attrs",
        "cattrs",
        "pydantic",
        "pydantic-core",
        "fastjsonschema",
        "jsonschema",
    ):
        env[package] = version(package)
    return env


# ======================================================================================
# Output


def _time(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _bytes(count: float) -> str:
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count:.0f} B"


def _amount(value: float, unit: str) -> str:
    return _bytes(value) if unit == "B" else _time(value)


def render(results: Results) -> str:
    """The human-readable report."""
    out = io.StringIO()
    env = results.environment
    out.write(
        f"briefmodel {env['briefmodel']} benchmark: Python {env['python']}, attrs "
        f"{env['attrs']}, cattrs {env['cattrs']}, pydantic {env['pydantic']}, "
        f"fastjsonschema {env['fastjsonschema']}, jsonschema {env['jsonschema']}\n"
    )
    settings = results.settings
    out.write(
        f"best per-call time of {settings['repeat']} repeats of ≥ {settings['min_time']} s "
        f"(gc {'on' if settings['gc'] else 'off'} during timing); memory by tracemalloc\n\n"
    )
    out.write("Workloads\n")
    for name, info in results.workloads.items():
        out.write(
            f"  {name:<9} {info['sections']:>5} sections, {_bytes(info['bytes']):>8} "
            f"canonical JSON ({_bytes(info['pydantic_json_bytes'])} from pydantic)  "
            f"{info['origin']}\n"
        )
    out.write("\nTimings (best / median per call)\n")
    for workload, ops in results.timings.items():
        out.write(f"  {workload}\n")
        for op, timing in ops.items():
            out.write(
                f"    {op:<24} {_time(timing.best):>10} / {_time(timing.median):<10}"
                f" ({timing.number} calls x {timing.repeat})\n"
            )
    header = ("workload", "operation", "ours", "reference", "theirs", "ratio", "target", "")
    lines = [
        (
            row.workload,
            row.metric,
            _amount(row.ours, row.unit),
            row.reference_name,
            _amount(row.reference, row.unit),
            f"{row.ratio:.2f}x",
            f"≤ {row.target:g}x" if row.target is not None else "-",
            row.status,
        )
        for row in results.rows
    ]
    widths = [max(len(str(col)) for col in column) for column in zip(header, *lines, strict=True)]
    out.write("\nComparisons (ratio = ours / reference; lower is better)\n")
    for line in (header, *lines):
        cells = [
            str(cell).rjust(width) if index in (2, 4, 5) else str(cell).ljust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.write("  " + "  ".join(cells).rstrip() + "\n")
    missed = [row for row in results.rows if row.status == "MISS"]
    targets = [row for row in results.rows if row.target is not None]
    out.write(f"\nTargets met: {len(targets) - len(missed)} of {len(targets)}\n")
    if results.notes:
        out.write("\nNotes\n")
        for note in results.notes:
            out.write(f"  - {note}\n")
    return out.getvalue()


# ======================================================================================
# Profiling


def profile(workload: Workload, *, calls: int, top: int = 15) -> str:
    """cProfile of ``bm.loads`` and ``bm.dumps`` on ``workload``, sorted both ways."""
    out = io.StringIO()
    for name, func in (
        ("bm.loads", lambda: bm.loads(workload.text)),
        ("bm.dumps", lambda: bm.dumps(workload.brief)),
    ):
        func()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(calls):
            func()
        profiler.disable()
        for key in ("cumulative", "tottime"):
            out.write(f"=== {name} on {workload.name} ({calls} calls), top {top} by {key}\n")
            stats = pstats.Stats(profiler, stream=out)
            stats.strip_dirs().sort_stats(key).print_stats(top)
    return out.getvalue()


# ======================================================================================


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a rough run of a few seconds")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--repeat", type=int, help="repeats per operation (default 5, quick 3)")
    parser.add_argument(
        "--min-time", type=float, help="seconds per repeat (default 0.25, quick 0.02)"
    )
    parser.add_argument(
        "--gc", action="store_true", help="keep the garbage collector on while timing"
    )
    parser.add_argument(
        "--sections", type=int, default=1000, help="sections of the large brief (default 1000)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile bm.loads and bm.dumps instead"
    )
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 5)
    min_time = args.min_time if args.min_time is not None else (0.02 if args.quick else 0.25)

    large = Workload(f"gen-{args.sections}", "large", "generated", generated_brief(args.sections))
    if args.profile:
        print(profile(large, calls=3 if args.quick else 10))
        return 0
    scaled = max(args.sections // 10, 1)
    small = Workload(f"gen-{scaled}", "scaling", "generated", generated_brief(scaled))
    workloads = [example_workload(), small, large]

    def progress(message: str) -> None:
        if not args.json and sys.stderr.isatty():
            line = f"  measuring {message}" if message else ""
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    results = run(workloads, repeat=repeat, min_time=min_time, collect=args.gc, progress=progress)
    results.settings["elapsed_s"] = round(time.perf_counter() - started, 1)
    results.settings["quick"] = args.quick
    if args.json:
        print(json.dumps(results.as_json(), indent=2, ensure_ascii=False))
    else:
        progress("")
        print(render(results), end="")
        print(f"(measured in {results.settings['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
