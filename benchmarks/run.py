"""Benchmark briefmodel's canonical JSON against json, pydantic and JSON Schema validators,
its NewsML-G2 writer and reader against plain lxml and IPTC's newsmlg2 library, its
HTML writer and reader against a Jinja2 template of the same page and plain lxml, its
ninjs and plain-text writers and readers against the canonical JSON ones, and its
Markdown reader against markdown-it-py's CommonMark parse of the same text.

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
  three-item list;
* ``iptc-text``: IPTC's own NewsML-G2 text example (``LISTING_2_NewsML-G2_Text_Document.xml``
  in ``../shared/standards/newsml-g2/2.35/examples/``), read only, when it is there.

Each brief is also written as NewsML-G2 (``bm.dumps(brief, "newsml")``) for the NewsML-G2
rows, as HTML (``bm.dumps(brief, "html")``) for the HTML rows, and as ninjs, plain text and
Markdown for theirs. The comparisons with IPTC's ``newsmlg2`` library are skipped, and say
so, when it is not installed.

Usage::

    python benchmarks/run.py            # full run, about two minutes
    python benchmarks/run.py --quick    # a few seconds, rough numbers
    python benchmarks/run.py --json     # machine-readable results
    python benchmarks/run.py --profile  # cProfile of bm.loads and bm.dumps instead
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import math
import platform
import pstats
import re
import statistics
import sys
import time
import timeit
import tracemalloc
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, Literal

import fastjsonschema
import jinja2
import jsonschema
import pydantic
from lxml import etree
from markdown_it import MarkdownIt
from markupsafe import Markup
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
from briefmodel.formats import html, newsml
from briefmodel.rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES, url_scheme

try:
    with warnings.catch_warnings():
        # newsmlg2 1.1 has an invalid escape sequence in a docstring, which warns when
        # the module is compiled without a cached .pyc.
        for _category in (DeprecationWarning, SyntaxWarning):
            warnings.filterwarnings("ignore", "invalid escape sequence", _category)
        import NewsMLG2
except ImportError:  # pragma: no cover - depends on the environment
    NewsMLG2 = None

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "port-fees.json"
#: IPTC's NewsML-G2 text example (about 4 kB), read only; measured when it is there.
IPTC_TEXT = (
    ROOT.parent
    / "shared"
    / "standards"
    / "newsml-g2"
    / "2.35"
    / "examples"
    / "LISTING_2_NewsML-G2_Text_Document.xml"
)
#: bm.dumps(brief, "newsml") may take at most this many times the plain lxml floor.
NEWSML_WRITE_TARGET = 1.5
#: bm.loads(xml, "newsml") may take at most this many times the plain lxml floor.
NEWSML_READ_TARGET = 2.0
#: Ours against IPTC's newsmlg2 library: at least ten times faster.
NEWSMLG2_TARGET = 0.1
#: bm.dumps(brief, "html") may take at most this many times the Jinja2 template's render.
HTML_WRITE_TARGET = 1.0
#: bm.dumps(brief, "ninjs") and bm.loads(text, "ninjs") may take at most this many times
#: bm.dumps and bm.loads of the same brief's canonical JSON ("ninjs at most 1.5x canonical
#: JSON").
NINJS_TARGET = 1.5
#: bm.loads(md, "markdown") may take at most this many times markdown-it-py's CommonMark
#: parse of the same text (the token stream our reader starts from, and no brief).
MARKDOWN_READ_TARGET = 1.5
#: The CommonMark parser of the Markdown floor, built once.
COMMONMARK = MarkdownIt("commonmark")
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


# ======================================================================================
# NewsML-G2 floors: the same newsItem written and read with plain lxml calls.
#
# Neither is a NewsML-G2 library: they handle exactly what briefmodel writes, without
# its checks (a URI that XML Schema's anyURI refuses, a label with a tab, a date-time
# offset beyond ±14:00 or a mention id that clashes with a section id come out wrong),
# and without model objects or semantic rules. They are what building or reading this
# XML costs at the least with lxml; run() checks that they agree with briefmodel on
# every workload before timing them.

_N = "{" + newsml.NAR + "}"
_H = "{" + newsml.XHTML + "}"
_B = "{" + newsml.BM + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ITEM_NSMAP: Any = {None: newsml.NAR, "bm": newsml.BM}
_BODY_NSMAP: Any = {None: newsml.XHTML, "bm": newsml.BM}
_NATURES = {
    "person": "cpnat:person",
    "organization": "cpnat:organisation",
    "place": "cpnat:geoArea",
    "event": "cpnat:event",
    "other": "cpnat:object",
}
_KINDS_OF_NATURE = {nature: kind for kind, nature in _NATURES.items()}


def _plain_text(content: Sequence[Any]) -> str:
    parts: list[str] = []
    for node in content:
        kind = type(node)
        if kind is str:
            parts.append(node)
        elif kind is bm.Code:
            parts.append(node.text)
        elif kind is bm.LineBreak:
            parts.append("\n")
        elif kind is bm.Link:
            parts.append(_plain_text(node.content) if node.content else node.href)
        elif kind is not bm.Citation:
            parts.append(_plain_text(node.content))
    return "".join(parts)


def _thawed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


def _json_text(value: Any) -> str:
    return json.dumps(_thawed(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def lxml_newsml_write(brief: bm.Brief) -> str:
    """The floor of ``bm.dumps(brief, "newsml")``: the same newsItem, element by element
    with ``etree.SubElement``, serialized with ``etree.tostring``."""
    sub = etree.SubElement
    root = etree.Element(
        _N + "newsItem",
        nsmap=_ITEM_NSMAP,
        attrib={
            "guid": brief.id,
            "version": str(brief.version),
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
            _XML_LANG: brief.language,
        },
    )
    sub(root, _N + "catalogRef", href=newsml.IPTC_CATALOG)
    catalog = sub(root, _N + "catalog")
    sub(catalog, _N + "scheme", alias="bmdesc", uri=newsml.BM + ":description-role:")

    def text(parent: Any, tag: str, value: str, **attributes: str) -> Any:
        element = sub(parent, tag, attributes)
        element.text = value
        return element

    def agent(parent: Any, tag: str, who: bm.Agent) -> None:
        element = sub(parent, tag)
        if who.uri is not None:
            element.set("uri", who.uri)
        if who.role is not None:
            element.set(_B + "role", who.role)
        if who.affiliation is not None:
            element.set(_B + "affiliation", who.affiliation)
        text(element, _N + "name", who.name)

    rights = brief.rights
    if rights is not None:
        info = sub(root, _N + "rightsInfo")
        if rights.holder is not None:
            text(sub(info, _N + "copyrightHolder"), _N + "name", rights.holder)
        if rights.notice is not None:
            text(info, _N + "copyrightNotice", rights.notice)
        if rights.usage_terms is not None:
            text(info, _N + "usageTerms", rights.usage_terms)
        if rights.license_url is not None:
            sub(info, _N + "link", rel="bmdesc:license", href=rights.license_url)

    meta = sub(root, _N + "itemMeta")
    sub(meta, _N + "itemClass", qcode="ninat:text")
    if brief.publisher is not None:
        agent(meta, _N + "provider", brief.publisher)
    else:
        sub(meta, _N + "provider", literal="unknown")
    text(meta, _N + "versionCreated", (brief.updated or brief.created).isoformat())
    text(meta, _N + "firstCreated", brief.created.isoformat())
    if brief.embargo_until is not None:
        text(meta, _N + "embargoed", brief.embargo_until.isoformat())
    sub(meta, _N + "pubStatus", qcode="stat:" + brief.status)
    text(meta, _N + "generator", "briefmodel", versioninfo="1")
    for correction in brief.corrections:
        signal = sub(meta, _N + "signal", qcode="sig:" + correction.signal)
        note = text(signal, _B + "note", correction.note)
        if correction.date is not None:
            note.set("date", correction.date.isoformat())
    for related in brief.related:
        link = sub(meta, _N + "link", rel="irel:seeAlso", href=related.url)
        if related.title is not None:
            link.set("title", related.title)
        if related.rel is not None:
            link.set(_B + "rel", related.rel)

    meta = sub(root, _N + "contentMeta")
    if brief.urgency is not None:
        text(meta, _N + "urgency", str(brief.urgency))
    text(meta, _N + "contentCreated", brief.created.isoformat())
    if brief.updated is not None:
        text(meta, _N + "contentModified", brief.updated.isoformat())
    for source in brief.sources:
        element = sub(meta, _N + "infoSource", literal=source.id)
        if source.url is not None:
            element.set("uri", source.url)
        if source.publisher is not None:
            element.set(_B + "publisher", source.publisher)
        if source.published is not None:
            element.set(_B + "published", source.published.isoformat())
        if source.accessed is not None:
            element.set(_B + "accessed", source.accessed.isoformat())
        if source.reliability is not None:
            element.set(_B + "reliability", source.reliability)
        if source.credibility is not None:
            element.set(_B + "credibility", str(source.credibility))
        text(element, _N + "name", source.title)
    for author in brief.authors:
        agent(meta, _N + "creator", author)
    sub(meta, _N + "language", tag=brief.language)
    if brief.genre is not None:
        text(sub(meta, _N + "genre"), _N + "name", brief.genre)
    for keyword in brief.keywords:
        text(meta, _N + "keyword", keyword)
    for subject in brief.subjects:
        element = sub(meta, _N + "subject")
        if subject.code is not None:
            element.set("qcode", subject.code)
        if subject.uri is not None:
            element.set("uri", subject.uri)
        if subject.relevance is not None:
            element.set("relevance", str(subject.relevance))
        if subject.confidence is not None:
            element.set("confidence", str(subject.confidence))
        if subject.name is not None:
            text(element, _N + "name", subject.name)
    for entity in brief.entities:
        element = sub(meta, _N + "subject", type=_NATURES[entity.kind], literal=entity.id)
        text(element, _N + "name", entity.name)
        for alias in entity.aliases:
            text(element, _N + "name", alias, role="nrol:alternate")
        for scheme, value in entity.identifiers.items():
            text(element, _B + "identifier", value, scheme=scheme)
    text(meta, _N + "headline", brief.headline)
    if brief.subheadline is not None:
        text(meta, _N + "description", brief.subheadline, role="drol:summary")
    stack = list(reversed(brief.sections))
    while stack:  # the first key-points section, depth first
        section = stack.pop()
        if section.role == "key-points":
            for block in section.blocks:
                if type(block) is bm.ItemList:
                    for item in block.items:
                        point = " ".join(_plain_text(item.content).split())
                        if point:
                            text(meta, _N + "description", point, role="bmdesc:key-point")
            break
        stack.extend(reversed(section.sections))
    for key, value in brief.extensions.items():
        extension = text(meta, _B + "extension", _json_text(value))
        extension.set("key", key)

    mentions: dict[str, list[str]] = {}
    counter = [0]

    def rich(element: Any, content: Sequence[Any]) -> None:
        last = None
        for node in content:
            kind = type(node)
            if kind is str:
                if last is None:
                    element.text = node
                else:
                    last.tail = node
                continue
            if kind is bm.Mention:
                ident = f"mention-{counter[0]}"
                counter[0] += 1
                mentions.setdefault(node.ref, []).append(ident)
                last = sub(element, _H + "span", {_XML_ID: ident})
                rich(last, node.content)
            elif kind is bm.Citation:
                last = sub(element, _H + "cite")
                last.set(_B + "source", node.ref)
            elif kind is bm.Emphasis:
                last = sub(element, _H + "em")
                rich(last, node.content)
            elif kind is bm.Strong:
                last = sub(element, _H + "strong")
                rich(last, node.content)
            elif kind is bm.Code:
                last = text(element, _H + "code", node.text)
            elif kind is bm.LineBreak:
                last = sub(element, _H + "br")
            else:  # bm.Link
                last = sub(element, _H + "a", href=node.href)
                if node.title is not None:
                    last.set("title", node.title)
                rich(last, node.content)

    def blocks(parent: Any, items: Sequence[Any]) -> None:
        for block in items:
            kind = type(block)
            if kind is bm.Paragraph:
                rich(sub(parent, _H + "p"), block.content)
            elif kind is bm.ItemList:
                element = sub(parent, _H + ("ol" if block.ordered else "ul"))
                for item in block.items:
                    li = sub(element, _H + "li")
                    rich(li, item.content)
                    blocks(li, item.blocks)
            elif kind is bm.Quote:
                holder = parent
                if block.attribution is not None:
                    holder = sub(parent, _H + "figure", {"class": "quote"})
                element = sub(holder, _H + "blockquote")
                if block.source_ref is not None:
                    element.set(_B + "source", block.source_ref)
                rich(sub(element, _H + "p"), block.content)
                if block.attribution is not None:
                    text(holder, _H + "figcaption", block.attribution)
            elif kind is bm.Judgment:
                element = sub(parent, _H + "aside", {"class": "judgment"})
                if block.confidence is not None:
                    element.set(_B + "confidence", block.confidence)
                if block.likelihood is not None:
                    element.set(_B + "likelihood", block.likelihood)
                if block.basis:
                    element.set(_B + "basis", " ".join(block.basis))
                rich(sub(element, _H + "p"), block.statement)
            else:  # bm.Figure
                element = sub(parent, _H + "figure")
                sub(element, _H + "img", src=block.src, alt=block.alt)
                if block.caption:
                    rich(sub(element, _H + "figcaption"), block.caption)
                if block.credit is not None:
                    text(element, _H + "small", block.credit, **{"class": "credit"})

    def section(parent: Any, part: bm.Section, level: int) -> None:
        element = sub(parent, _H + "section")
        if part.id is not None:
            element.set("id", part.id)
        if part.role is not None:
            element.set(_B + "role", part.role)
        if part.title is not None:
            text(element, _H + f"h{min(level, 6)}", part.title)
        blocks(element, part.blocks)
        for child in part.sections:
            section(element, child, level + 1)

    xhtml = etree.Element(_H + "html", nsmap=_BODY_NSMAP)
    xhtml.set("lang", brief.language)
    xhtml.set(_XML_LANG, brief.language)
    text(sub(xhtml, _H + "head"), _H + "title", brief.headline)
    body = sub(xhtml, _H + "body")
    for part in brief.sections:
        section(body, part, 2)
    for ref, ids in mentions.items():
        sub(root, _N + "inlineRef", idrefs=" ".join(ids), literal=ref)
    inline = sub(sub(root, _N + "contentSet"), _N + "inlineXML")
    inline.set("contenttype", "application/xhtml+xml")
    inline.append(xhtml)
    xml: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def lxml_newsml_read(data: bytes) -> dict[str, Any]:
    """The floor of ``bm.loads(data, "newsml")``: ``etree.fromstring`` and every text
    and attribute the reader uses, pulled out into the canonical JSON's dict (what
    ``bm.to_dict`` gives for the brief) without model objects or checks."""
    root = etree.fromstring(data)
    out: dict[str, Any] = {"schema": "briefmodel/1", "id": root.get("guid")}
    version = int(root.get("version", "1"))
    if version != 1:
        out["version"] = version
    out["language"] = root.get(_XML_LANG)

    def label(element: Any) -> str:
        exact = element.get(_B + "text")
        return exact if exact is not None else element.text or ""

    def uri(element: Any, name: str = "uri") -> Any:
        exact = element.get(_B + name)
        return exact if exact is not None else element.get(name)

    def stamp(element: Any) -> str:
        return element.get(_B + "written") or element.text

    def agent(element: Any) -> dict[str, Any]:
        who = {"name": label(element.find(_N + "name"))}
        for key, value in (
            ("role", element.get(_B + "role")),
            ("uri", uri(element)),
            ("affiliation", element.get(_B + "affiliation")),
        ):
            if value is not None:
                who[key] = value
        return who

    rights = root.find(_N + "rightsInfo")
    if rights is not None:
        found: dict[str, Any] = {}
        holder = rights.find(f"{_N}copyrightHolder/{_N}name")
        if holder is not None:
            found["holder"] = label(holder)
        for key, tag in (("notice", "copyrightNotice"), ("usage_terms", "usageTerms")):
            element = rights.find(_N + tag)
            if element is not None:
                found[key] = element.text or ""
        link = rights.find(_N + "link")
        if link is not None:
            found["license_url"] = uri(link, "href")
        out["rights"] = found

    meta = root.find(_N + "itemMeta")
    provider = meta.find(_N + "provider")
    if provider.find(_N + "name") is not None:
        out["publisher"] = agent(provider)
    out["created"] = stamp(meta.find(_N + "firstCreated"))
    embargo = meta.find(_N + "embargoed")
    if embargo is not None:
        out["embargo_until"] = stamp(embargo)
    status = meta.find(_N + "pubStatus").get("qcode").partition(":")[2]
    if status != "usable":
        out["status"] = status
    corrections = []
    for signal in meta.iterfind(_N + "signal"):
        note = signal.find(_B + "note")
        correction = {"signal": signal.get("qcode").partition(":")[2], "note": note.text or ""}
        if note.get("date") is not None:
            correction["date"] = note.get("date")
        corrections.append(correction)
    if corrections:
        out["corrections"] = corrections
    related = []
    for link in meta.iterfind(_N + "link"):
        entry = {"url": uri(link, "href")}
        if link.get("title") is not None:
            entry["title"] = link.get("title")
        if link.get(_B + "rel") is not None:
            entry["rel"] = link.get(_B + "rel")
        related.append(entry)
    if related:
        out["related"] = related

    meta = root.find(_N + "contentMeta")
    lists: dict[str, list[Any]] = {
        "authors": [],
        "entities": [],
        "subjects": [],
        "keywords": [],
        "sources": [],
    }
    extensions = {}
    for child in meta:
        tag = child.tag
        if tag == _N + "urgency":
            out["urgency"] = int(child.text)
        elif tag == _N + "contentModified":
            out["updated"] = stamp(child)
        elif tag == _N + "infoSource":
            source = {"id": child.get("literal"), "title": label(child.find(_N + "name"))}
            for key, value in (
                ("url", uri(child)),
                ("publisher", child.get(_B + "publisher")),
                ("published", child.get(_B + "published")),
                ("accessed", child.get(_B + "accessed")),
                ("reliability", child.get(_B + "reliability")),
            ):
                if value is not None:
                    source[key] = value
            if child.get(_B + "credibility") is not None:
                source["credibility"] = int(child.get(_B + "credibility"))
            lists["sources"].append(source)
        elif tag == _N + "creator":
            lists["authors"].append(agent(child))
        elif tag == _N + "genre":
            out["genre"] = label(child.find(_N + "name"))
        elif tag == _N + "keyword":
            lists["keywords"].append(label(child))
        elif tag == _N + "subject":
            nature = child.get("type")
            if nature is not None:
                entity: dict[str, Any] = {
                    "id": child.get("literal"),
                    "kind": _KINDS_OF_NATURE[nature],
                }
                aliases = []
                identifiers = {}
                for part in child:
                    if part.tag == _B + "identifier":
                        identifiers[part.get("scheme")] = part.text or ""
                    elif part.get("role") is None:
                        entity["name"] = label(part)
                    else:
                        aliases.append(label(part))
                if aliases:
                    entity["aliases"] = aliases
                if identifiers:
                    entity["identifiers"] = identifiers
                lists["entities"].append(entity)
                continue
            subject: dict[str, Any] = {}
            for key, value in (("code", child.get("qcode")), ("uri", uri(child))):
                if value is not None:
                    subject[key] = value
            for key in ("relevance", "confidence"):
                if child.get(key) is not None:
                    subject[key] = int(child.get(key))
            name = child.find(_N + "name")
            if name is not None:
                subject["name"] = label(name)
            lists["subjects"].append(subject)
        elif tag == _N + "headline":
            out["headline"] = child.text or ""
        elif tag == _N + "description":
            if child.get("role") == "drol:summary":
                out["subheadline"] = child.text or ""
        elif tag == _B + "extension":
            extensions[child.get("key")] = json.loads(child.text)
    for key, values in lists.items():
        if values:
            out[key] = values
    if extensions:
        out["extensions"] = extensions

    mentions = {}
    for ref in root.iterfind(_N + "inlineRef"):
        entity_id = ref.get("literal")
        for ident in ref.get("idrefs").split():
            mentions[ident] = entity_id

    def rich(element: Any) -> Any:
        """Rich text in to_dict's shape, up to the first block (in a list item)."""
        parts: list[Any] = [element.text] if element.text else []
        for child in element:
            tag = child.tag
            if tag in _BLOCK_TAGS:
                break
            if tag == _H + "span":
                node: dict[str, Any] = {
                    "type": "mention",
                    "ref": mentions[child.get(_XML_ID)],
                    "content": rich(child),
                }
            elif tag == _H + "cite":
                node = {"type": "citation", "ref": child.get(_B + "source")}
            elif tag == _H + "em":
                node = {"type": "emphasis", "content": rich(child)}
            elif tag == _H + "strong":
                node = {"type": "strong", "content": rich(child)}
            elif tag == _H + "code":
                node = {"type": "code", "text": child.text or ""}
            elif tag == _H + "br":
                node = {"type": "line-break"}
            else:  # <a>
                node = {"type": "link", "href": child.get("href")}
                if child.get("title") is not None:
                    node["title"] = child.get("title")
                content = rich(child)
                if content:
                    node["content"] = content
            parts.append(node)
            if child.tail:
                parts.append(child.tail)
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 and type(parts[0]) is str else parts

    def block(element: Any) -> dict[str, Any]:
        tag = element.tag
        if tag == _H + "p":
            return {"type": "paragraph", "content": rich(element)}
        if tag in (_H + "ul", _H + "ol"):
            items = []
            for li in element:
                nested = [block(c) for c in li if c.tag in _BLOCK_TAGS]
                if nested:
                    item: Any = {"blocks": nested}
                    content = rich(li)
                    if content:
                        item["content"] = content
                    items.append(item)
                else:
                    items.append(rich(li))
            return {"type": "item-list", "items": items, "ordered": tag == _H + "ol"}
        if tag == _H + "blockquote":
            quote = {"type": "quote", "content": rich(element.find(_H + "p"))}
            if element.get(_B + "source") is not None:
                quote["source_ref"] = element.get(_B + "source")
            return quote
        if tag == _H + "aside":
            judgment = {"type": "judgment", "statement": rich(element.find(_H + "p"))}
            for key in ("confidence", "likelihood"):
                if element.get(_B + key) is not None:
                    judgment[key] = element.get(_B + key)
            if element.get(_B + "basis") is not None:
                judgment["basis"] = element.get(_B + "basis").split()
            return judgment
        quote_element = element.find(_H + "blockquote")  # <figure>
        if quote_element is not None:
            quote = block(quote_element)
            quote["attribution"] = element.find(_H + "figcaption").text or ""
            return quote
        image = element.find(_H + "img")
        figure = {"type": "figure", "src": image.get("src"), "alt": image.get("alt")}
        caption = element.find(_H + "figcaption")
        if caption is not None:
            figure["caption"] = rich(caption)
        credit = element.find(_H + "small")
        if credit is not None:
            figure["credit"] = credit.text or ""
        return figure

    def section(element: Any) -> dict[str, Any]:
        part: dict[str, Any] = {}
        if element.get("id") is not None:
            part["id"] = element.get("id")
        if element.get(_B + "role") is not None:
            part["role"] = element.get(_B + "role")
        blocks = []
        sections = []
        for child in element:
            tag = child.tag
            if tag == _H + "section":
                sections.append(section(child))
            elif tag in _HEADINGS:
                part["title"] = child.text or ""
            else:
                blocks.append(block(child))
        if blocks:
            part["blocks"] = blocks
        if sections:
            part["sections"] = sections
        return part

    body = root.find(f"{_N}contentSet/{_N}inlineXML/{_H}html/{_H}body")
    out["sections"] = [section(child) for child in body]
    return out


_BLOCK_TAGS = frozenset(_H + tag for tag in ("p", "ul", "ol", "blockquote", "aside", "figure"))
_HEADINGS = frozenset(_H + f"h{level}" for level in range(1, 7))


# ======================================================================================
# HTML: the same page rendered from a Jinja2 template, and read with plain lxml calls.
#
# The template is what a user without briefmodel's writer would write to publish a
# brief: a jinja2.Environment(autoescape=True), macros for sections, blocks and inline
# nodes (recursive for nested sections and rich text), fed the model objects. What is
# not templating is done by small Python helpers, as a user would: formatting a date,
# checking a link's scheme (with briefmodel's own url_scheme), the JSON of data-*
# attributes and of the JSON-LD (briefmodel's json_ld() dict, json.dumps'd), the meta
# description. It is written indented for reading; _minified() drops the line breaks and
# indentation when it is compiled (so no meaningful space may start or end a line, and
# no tag may span lines), and a literal \n in the source is a line break of the page.
#
# Like the NewsML-G2 floors it handles what ordinary briefs hold, without the writer's
# repairs: no text holds a character HTML cannot hold (CR, DEL, C1 controls,
# noncharacters: written by the writer as <span class="char"> or kept in data-exact),
# every followed URL is valid as it is (the writer percent-encodes one that is not), and
# no date-time is finer than milliseconds or offset by seconds. The read floor reads only
# briefmodel's own page, and puts back nothing from data-exact or <span class="char">.
# run() checks that both agree with briefmodel on every workload before timing them.

_HTML_LINK_SCHEMES = DEFAULT_URL_SCHEMES - DANGEROUS_SCHEMES
_HTML_KINDS: dict[type, str] = {
    bm.Paragraph: "paragraph",
    bm.ItemList: "item-list",
    bm.Quote: "quote",
    bm.Judgment: "judgment",
    bm.Figure: "figure",
    bm.Emphasis: "emphasis",
    bm.Strong: "strong",
    bm.Code: "code",
    bm.LineBreak: "line-break",
    bm.Link: "link",
    bm.Mention: "mention",
    bm.Citation: "citation",
}

HTML_TEMPLATE_SOURCE = r"""
{% macro stamp(value, field, label="") %}
  {{ label }}<time datetime="{{ value|html_datetime }}" data-field="{{ field }}">
  {{ value|shown }}</time>
{% endmacro %}

{% macro agent(who, kind) %}
  <span class="{{ kind }}"
  {% if who.uri is not none %} data-uri="{{ who.uri }}"{% endif %}
  {% if who.role is not none %} data-role="{{ who.role }}"{% endif %}
  {% if who.affiliation is not none %} data-affiliation="{{ who.affiliation }}"{% endif %}>
  {% set url = who.uri|link_url if who.uri else none %}
  {% if url %}<a href="{{ url }}">{% endif %}
  <span class="name">{{ who.name }}</span>
  {% if url %}</a>{% endif %}
  {% if who.role is not none %}, <span class="role">{{ who.role }}</span>{% endif %}
  {% if who.affiliation is not none %}
    , <span class="affiliation">{{ who.affiliation }}</span>
  {% endif %}
  </span>
{% endmacro %}

{% macro citation(ref, in_link) %}
  {% set number = numbers.get(ref) %}
  <sup class="citation">
  {% if in_link %}<span data-source="{{ ref }}">
  {% else %}<a href="#source:{{ ref }}" data-source="{{ ref }}">{% endif %}
  {% if number is not none %}[{{ number }}]{% else %}[?]{% endif %}
  {% if in_link %}</span>{% else %}</a>{% endif %}
  </sup>
{% endmacro %}

{% macro link(node, in_link) %}
  {% set url = none if in_link else node.href|link_url %}
  {% if url is none %}
    <span class="link{% if not node.content %} bare{% endif %}" data-href="{{ node.href }}"
    {% if node.title is not none %} title="{{ node.title }}"{% endif %}>
  {% else %}
    <a href="{{ url }}"{% if not node.content %} class="bare"{% endif %}
    {% if node.title is not none %} title="{{ node.title }}"
    {% elif node.content and node.content|blank %} aria-label="{{ node.href }}"{% endif %}>
  {% endif %}
  {% if node.content %}{{ rich(node.content, in_link or url is not none) }}
  {% else %}{{ node.href }}{% endif %}
  {% if url is none %}</span>{% else %}</a>{% endif %}
{% endmacro %}

{% macro rich(content, in_link=false) %}
  {% for node in content %}
    {% if node is string %}{{ node }}
    {% else %}
      {% set kind = node|kind %}
      {% if kind == "mention" %}
        <span class="mention" data-entity="{{ node.ref }}">{{ rich(node.content, in_link) }}</span>
      {% elif kind == "citation" %}{{ citation(node.ref, in_link) }}
      {% elif kind == "emphasis" %}<em>{{ rich(node.content, in_link) }}</em>
      {% elif kind == "strong" %}<strong>{{ rich(node.content, in_link) }}</strong>
      {% elif kind == "code" %}<code>{{ node.text }}</code>
      {% elif kind == "line-break" %}<br>
      {% else %}{{ link(node, in_link) }}
      {% endif %}
    {% endif %}
  {% endfor %}
{% endmacro %}

{% macro item_list(block) %}
  {% set tag = "ol" if block.ordered else "ul" %}
  <{{ tag }}>
  {% for item in block.items %}
    <li>
    {% if item.blocks %}
      <span class="item">{{ rich(item.content) }}</span>{{ blocks(item.blocks) }}
    {% else %}{{ rich(item.content) }}
    {% endif %}
    </li>
  {% endfor %}
  </{{ tag }}>
{% endmacro %}

{% macro quote(block) %}
  <figure class="quote"
  {% if block.source_ref is not none %} data-source="{{ block.source_ref }}"{% endif %}>
  <blockquote><p>{{ rich(block.content) }}</p></blockquote>
  {% if block.attribution is not none or block.source_ref is not none %}
    <figcaption>
    {% if block.attribution is not none %}
      <span class="attribution">{{ block.attribution }}</span>
    {% endif %}
    {% if block.source_ref is not none %}{{ citation(block.source_ref, false) }}{% endif %}
    </figcaption>
  {% endif %}
  </figure>
{% endmacro %}

{% macro judgment(block) %}
  <aside class="judgment"
  {% if block.confidence is not none %} data-confidence="{{ block.confidence }}"{% endif %}
  {% if block.likelihood is not none %} data-likelihood="{{ block.likelihood }}"{% endif %}
  {% if block.basis %} data-basis="{{ block.basis|join(" ") }}"{% endif %}
  {{ " " }}role="note" aria-label="Analytic judgment">
  {% if block.likelihood is not none or block.confidence is not none %}
    <p class="assessment">
    {% if block.likelihood is not none %}
      <span class="likelihood">{{ LIKELIHOOD[block.likelihood] }}</span>
    {% endif %}
    {% if block.confidence is not none %}
      {% if block.likelihood is not none %} · {% endif %}
      <span class="confidence">{{ CONFIDENCE[block.confidence] }}</span>
    {% endif %}
    </p>
  {% endif %}
  <p class="statement">{{ rich(block.statement) }}</p>
  {% if block.basis %}
    <p class="basis">Based on {% for ref in block.basis %}{{ citation(ref, false) }}{% endfor %}</p>
  {% endif %}
  </aside>
{% endmacro %}

{% macro figure(block) %}
  {% set src = block.src|link_url %}
  <figure class="figure"{% if src is none %} data-src="{{ block.src }}"{% endif %}>
  {% if src is not none %}<img src="{{ src }}" alt="{{ block.alt }}" loading="lazy">
  {% else %}<p class="missing-image" data-alt="{{ block.alt }}">{{ block.alt }}</p>
  {% endif %}
  {% if block.caption or block.credit is not none %}
    <figcaption>
    {% if block.caption %}<span class="caption">{{ rich(block.caption) }}</span>{% endif %}
    {% if block.credit is not none %} <small class="credit">{{ block.credit }}</small>{% endif %}
    </figcaption>
  {% endif %}
  </figure>
{% endmacro %}

{% macro blocks(items) %}
  {% for block in items %}
    {% set kind = block|kind %}
    {% if kind == "paragraph" %}<p>{{ rich(block.content) }}</p>
    {% elif kind == "item-list" %}{{ item_list(block) }}
    {% elif kind == "quote" %}{{ quote(block) }}
    {% elif kind == "judgment" %}{{ judgment(block) }}
    {% else %}{{ figure(block) }}
    {% endif %}
  {% endfor %}
{% endmacro %}

{% macro section(part, level) %}
  <section{% if part.id is not none %} id="{{ part.id }}"{% endif %}
  {{ " " }}class="section{% if part.role %} {{ part.role }}{% endif %}"
  {% if part.role is not none %} data-role="{{ part.role }}"{% endif %}>
  {% if part.title is not none %}
    <h{{ [level, 6]|min }}>{{ part.title }}</h{{ [level, 6]|min }}>
  {% endif %}
  {{ blocks(part.blocks) }}
  {% set inner = level + 1 if part.title is not none else level %}
  {% for child in part.sections %}{{ section(child, inner) }}{% endfor %}
  </section>
{% endmacro %}

{% macro rights(r) %}
  <p class="rights"
  {% if r.holder is not none %} data-holder="{{ r.holder }}"{% endif %}
  {% if r.notice is not none %} data-notice="{{ r.notice }}"{% endif %}
  {% if r.license_url is not none %} data-license-url="{{ r.license_url }}"{% endif %}
  {% if r.usage_terms is not none %} data-usage-terms="{{ r.usage_terms }}"{% endif %}>
  {% set lead = r.notice is not none or r.holder is not none %}
  {% if r.notice is not none %}<span class="notice">{{ r.notice }}</span>
  {% elif r.holder is not none %}<span class="holder">© {{ r.holder }}</span>
  {% endif %}
  {% if r.license_url is not none %}
    {% if lead %} · {% endif %}
    {% set url = r.license_url|link_url %}
    {% if url %}<a rel="license" href="{{ url }}">Licence</a>
    {% else %}{{ r.license_url }}{% endif %}
  {% endif %}
  {% if r.usage_terms is not none %}
    {% if lead or r.license_url is not none %} · {% endif %}
    <span class="usage-terms">{{ r.usage_terms }}</span>
  {% endif %}
  </p>
{% endmacro %}

{% macro footer(b) %}
  <footer>
  {% if b.sources %}
    <section class="sources"><h2>Sources</h2><ol>
    {% for s in b.sources %}
      <li id="source:{{ s.id }}" data-source-id="{{ s.id }}"
      {% if s.url is not none %} data-url="{{ s.url }}"{% endif %}
      {% if s.publisher is not none %} data-publisher="{{ s.publisher }}"{% endif %}
      {% if s.reliability is not none %} data-reliability="{{ s.reliability }}"{% endif %}
      {% if s.credibility is not none %} data-credibility="{{ s.credibility }}"{% endif %}>
      {% set url = s.url|link_url if s.url else none %}
      {% if url %}<a href="{{ url }}">{% endif %}
      <cite class="title">{{ s.title }}</cite>
      {% if url %}</a>{% endif %}
      {% if s.publisher is not none %}, <span class="publisher">{{ s.publisher }}</span>{% endif %}
      {% if s.published is not none %}, {{ stamp(s.published, "published") }}{% endif %}
      {% if s.accessed is not none %}, {{ stamp(s.accessed, "accessed", "accessed ") }}{% endif %}
      {% if s.reliability is not none or s.credibility is not none %}
        {{ " " }}<abbr class="grading" title="Source reliability
        {{ " " ~ (s.reliability or "not graded") }}, information credibility
        {{ " " ~ (s.credibility or "not graded") }}">
        {{ s.reliability or "" }}{{ s.credibility or "" }}</abbr>
      {% endif %}
      </li>
    {% endfor %}
    </ol></section>
  {% endif %}
  {% if b.entities %}
    <section class="entities"><h2>Named in this brief</h2><ul>
    {% for e in b.entities %}
      <li id="entity:{{ e.id }}" data-entity-id="{{ e.id }}" data-kind="{{ e.kind }}"
      {% if e.aliases %} data-aliases="{{ e.aliases|json_attr }}"{% endif %}
      {% if e.identifiers %} data-identifiers="{{ e.identifiers|json_attr }}"{% endif %}>
      <span class="name">{{ e.name }}</span> <span class="kind">({{ KINDS[e.kind] }})</span>
      {% if e.aliases %} <span class="aliases">also {{ e.aliases|join(", ") }}</span>{% endif %}
      </li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.subjects %}
    <section class="subjects"><h2>Topics</h2><ul>
    {% for s in b.subjects %}
      <li
      {% if s.code is not none %} data-code="{{ s.code }}"{% endif %}
      {% if s.uri is not none %} data-uri="{{ s.uri }}"{% endif %}
      {% if s.name is not none %} data-name="{{ s.name }}"{% endif %}
      {% if s.relevance is not none %} data-relevance="{{ s.relevance }}"{% endif %}
      {% if s.confidence is not none %} data-confidence="{{ s.confidence }}"{% endif %}>
      {{ s.name or s.code or s.uri or "" }}</li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.related %}
    <section class="related"><h2>Related</h2><ul>
    {% for r in b.related %}
      {% set url = r.url|link_url %}
      <li data-url="{{ r.url }}"
      {% if r.rel is not none %} data-rel="{{ r.rel }}"{% endif %}
      {% if r.title is not none %} data-title="{{ r.title }}"{% endif %}>
      {% if url %}<a href="{{ url }}">{% endif %}{{ r.title or r.url }}{% if url %}</a>{% endif %}
      </li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.publisher is not none %}
    <p class="publisher">Published by {{ agent(b.publisher, "publisher") }}</p>
  {% endif %}
  {% if b.rights is not none %}{{ rights(b.rights) }}{% endif %}
  </footer>
{% endmacro %}

<!DOCTYPE html>\n
<html lang="{{ b.language }}" dir="{{ direction(b.language) }}">\n<head>\n
<meta charset="utf-8">\n
<meta name="viewport" content="width=device-width, initial-scale=1">\n
<title>{{ b.headline }}</title>\n
<meta name="description" content="{{ description }}">\n
<meta name="generator" content="briefmodel">\n
<meta property="og:type" content="article">\n
<meta property="og:title" content="{{ b.headline }}">\n
<meta property="og:description" content="{{ description }}">\n
<meta property="og:locale" content="{{ b.language|replace("-", "_") }}">\n
<meta property="article:published_time" content="{{ b.created.isoformat() }}">\n
{% if b.id|scheme in ("http", "https") %}<meta property="og:url" content="{{ b.id }}">\n{% endif %}
{% if b.updated is not none %}
  <meta property="article:modified_time" content="{{ b.updated.isoformat() }}">\n
{% endif %}
<script type="application/ld+json">{{ json_ld(b) }}</script>\n
{% if stylesheet %}<style>\n{{ stylesheet }}\n</style>\n{% endif %}
</head>\n<body>\n<main>\n

<article class="brief" lang="{{ b.language }}" dir="{{ direction(b.language) }}"
{{ " " }}data-id="{{ b.id }}" data-version="{{ b.version }}" data-status="{{ b.status }}"
{% if b.urgency is not none %} data-urgency="{{ b.urgency }}"{% endif %}
{% if b.genre is not none %} data-genre="{{ b.genre }}"{% endif %}
{% if b.keywords %} data-keywords="{{ b.keywords|json_attr }}"{% endif %}
{% if b.extensions %} data-extensions="{{ b.extensions|json_attr }}"{% endif %}>
<header>
{% if b.status != "usable" %}<p class="status" role="note">{{ b.status|capitalize }}</p>{% endif %}
<h1>{{ b.headline }}</h1>
{% if b.subheadline is not none %}<p class="subheadline">{{ b.subheadline }}</p>{% endif %}
{% if b.authors %}
  <p class="byline">By
  {% for author in b.authors %}
    {{ (" and " if loop.last else ", ") if not loop.first else " " }}{{ agent(author, "author") }}
  {% endfor %}
  </p>
{% endif %}
<p class="dates">{{ stamp(b.created, "created", "Published ") }}
{% if b.updated is not none %} · {{ stamp(b.updated, "updated", "Updated ") }}{% endif %}
{% if b.embargo_until is not none %}
  {{ " · " }}{{ stamp(b.embargo_until, "embargo-until", "Embargoed until ") }}
{% endif %}
</p>
{% if b.corrections %}
  <aside class="corrections" aria-label="Corrections"><ul>
  {% for c in b.corrections %}
    <li data-signal="{{ c.signal }}"><strong>{{ SIGNALS[c.signal] }}</strong>
    {{ " " }}{% if c.date is not none %}({{ stamp(c.date, "date") }}) {% endif %}
    <span class="note">{{ c.note }}</span></li>
  {% endfor %}
  </ul></aside>
{% endif %}
</header>
{% for part in b.sections %}{{ section(part, 2) }}{% endfor %}
{% if b.sources or b.entities or b.subjects or b.related or b.rights or b.publisher %}
  {{ footer(b) }}
{% endif %}
</article>
\n</main>\n</body>\n</html>\n
"""


def _minified(source: str) -> str:
    """The template without the line breaks and indentation it is written with."""
    return re.sub(r"\n[ \t]*", "", source).replace("\\n", "\n")


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _shown_time(value: datetime) -> str:
    """A date as the page shows it, in English whatever the locale (``%B`` follows it):
    ``9 March 2026, 07:30 +01:00``."""
    offset = value.strftime("%z")
    month = _MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year:04d}, {value:%H:%M} {offset[:3]}:{offset[3:5]}"


def _html_datetime(value: datetime) -> str:
    """A date-time as HTML's ``datetime`` attribute holds it: at most milliseconds."""
    return value.isoformat(timespec="milliseconds") if value.microsecond else value.isoformat()


def _blank(content: Sequence[Any]) -> bool:
    """True when rich text shows no visible character (a citation shows its number)."""
    for node in content:
        kind = type(node)
        if kind is str:
            if node.strip():
                return False
        elif kind is bm.Citation:
            return False
        elif kind is bm.Code:
            if node.text.strip():
                return False
        elif kind is not bm.LineBreak and not _blank(node.content):
            return False
    return True


def _link_url(url: str) -> str | None:
    """The URL when a link may use its scheme, else None (the page shows it as text)."""
    return url if url_scheme(url) in _HTML_LINK_SCHEMES else None


def _json_attribute(value: Any) -> str:
    return json.dumps(_thawed(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_ld_script(brief: bm.Brief) -> Markup:
    """briefmodel's JSON-LD dict, as JSON no text in it can end the script element with."""
    text = json.dumps(html.json_ld(brief), ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)


_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _html_description(brief: bm.Brief) -> str:
    """The meta description: the first of the subheadline, the key points and the first
    paragraph (at most 300 characters) that shows any text, else the headline."""
    if brief.subheadline and brief.subheadline.strip():
        return brief.subheadline
    points = [" ".join(bm.plain_text(item.content).split()) for item in brief.key_points]
    if any(points):
        return "; ".join(p for p in points if p)[:300]
    for _, node in brief.walk():
        if type(node) is bm.Paragraph:
            text = " ".join(bm.plain_text(node.content).split())
            if text:
                return text[:300]
    return brief.headline


def html_template(
    stylesheet: str | None = None, *, finalize: Callable[[Any], Any] | None = None
) -> jinja2.Template:
    """The Jinja2 template of the page, with ``stylesheet`` (the bundled one by default)
    compiled in, as a user's template would include a static file. ``finalize`` is
    Jinja2's hook on every value output (the tests use it to escape as briefmodel does)."""
    environment = jinja2.Environment(
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
    )
    environment.filters.update(
        kind=lambda node: _HTML_KINDS[type(node)],
        shown=_shown_time,
        html_datetime=_html_datetime,
        blank=_blank,
        link_url=_link_url,
        scheme=url_scheme,
        json_attr=_json_attribute,
    )
    css = html.default_css() if stylesheet is None else stylesheet
    environment.globals.update(
        direction=html.direction,
        json_ld=_json_ld_script,
        stylesheet=Markup(re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)),
        CONFIDENCE=html.CONFIDENCE_LABELS,
        LIKELIHOOD=html.LIKELIHOOD_LABELS,
        SIGNALS=html.SIGNAL_LABELS,
        KINDS=html.KIND_LABELS,
    )
    return environment.from_string(_minified(HTML_TEMPLATE_SOURCE))


HTML_TEMPLATE = html_template()


def jinja_html_write(brief: bm.Brief, template: jinja2.Template = HTML_TEMPLATE) -> str:
    """The Jinja2 counterpart of ``bm.dumps(brief, "html")``: the same page, rendered."""
    return template.render(
        b=brief,
        numbers={source.id: n for n, source in enumerate(brief.sources, 1)},
        description=_html_description(brief),
    )


#: How briefmodel's writer (Python's html.escape) and Jinja2's autoescape (MarkupSafe)
#: spell the same characters differently. No other byte differs.
JINJA_SPELLINGS = (("&quot;", "&#34;"), ("&#x27;", "&#39;"))


def in_jinja_spelling(page: str) -> str:
    """``page`` with briefmodel's escapes spelled as Jinja2's autoescape spells them."""
    for ours, theirs in JINJA_SPELLINGS:
        page = page.replace(ours, theirs)
    return page


_HTML_PARSER = etree.HTMLParser(encoding="utf-8")
_HTML_TIME_FIELDS = {"created": "created", "updated": "updated", "embargo-until": "embargo_until"}
_HTML_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def lxml_html_read(data: bytes) -> dict[str, Any]:
    """The floor of ``bm.loads(page, "html")``: lxml's HTML parser and every text and
    attribute the reader uses, pulled out into the canonical JSON's dict (what
    ``bm.to_dict`` gives for the brief) without model objects or checks."""
    root: Any = etree.fromstring(data, _HTML_PARSER)
    article = root.find("body/main/article")
    out: dict[str, Any] = {"schema": "briefmodel/1", "id": article.get("data-id")}
    version = int(article.get("data-version"))
    if version != 1:
        out["version"] = version
    out["language"] = article.get("lang")
    status = article.get("data-status")
    if status != "usable":
        out["status"] = status
    urgency = article.get("data-urgency")
    if urgency is not None:
        out["urgency"] = int(urgency)
    genre = article.get("data-genre")
    if genre is not None:
        out["genre"] = genre
    for key in ("keywords", "extensions"):
        value = article.get("data-" + key)
        if value is not None:
            out[key] = json.loads(value)

    def classes(element: Any) -> list[str]:
        return (element.get("class") or "").split()

    def text(element: Any) -> str:
        return element.text or ""

    def agent(element: Any) -> dict[str, Any]:
        who: dict[str, Any] = {}
        for span in element.iter("span"):
            if span.get("class") == "name":
                who["name"] = text(span)
                break
        for key in ("role", "uri", "affiliation"):
            value = element.get("data-" + key)
            if value is not None:
                who[key] = value
        return who

    def rich(element: Any) -> Any:
        """Rich text in to_dict's shape."""
        parts: list[Any] = [element.text] if element.text else []
        for child in element:
            tag = child.tag
            kind = child.get("class")
            if tag == "span" and kind == "mention":
                node: dict[str, Any] = {
                    "type": "mention",
                    "ref": child.get("data-entity"),
                    "content": rich(child),
                }
            elif tag == "sup":
                node = {"type": "citation", "ref": child[0].get("data-source")}
            elif tag == "em":
                node = {"type": "emphasis", "content": rich(child)}
            elif tag == "strong":
                node = {"type": "strong", "content": rich(child)}
            elif tag == "code":
                node = {"type": "code", "text": text(child)}
            elif tag == "br":
                node = {"type": "line-break"}
            else:  # a link: <a href> or, when not followed, <span class="link">
                href = child.get("href") if tag == "a" else child.get("data-href")
                node = {"type": "link", "href": href}
                if child.get("title") is not None:
                    node["title"] = child.get("title")
                if "bare" not in (kind or ""):
                    node["content"] = rich(child)
            parts.append(node)
            if child.tail:
                parts.append(child.tail)
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 and type(parts[0]) is str else parts

    def block(element: Any) -> dict[str, Any]:
        tag = element.tag
        if tag == "p":
            return {"type": "paragraph", "content": rich(element)}
        if tag in ("ul", "ol"):
            items = []
            for li in element:
                first = li[0] if len(li) else None
                if first is not None and first.get("class") == "item" and not li.text:
                    item: dict[str, Any] = {"blocks": [block(child) for child in li[1:]]}
                    content = rich(first)
                    if content:
                        item["content"] = content
                    items.append(item)
                else:
                    items.append(rich(li))
            return {"type": "item-list", "items": items, "ordered": tag == "ol"}
        if tag == "aside":
            judgment: dict[str, Any] = {"type": "judgment"}
            for child in element:
                if child.get("class") == "statement":
                    judgment["statement"] = rich(child)
            for key in ("confidence", "likelihood"):
                if element.get("data-" + key) is not None:
                    judgment[key] = element.get("data-" + key)
            if element.get("data-basis") is not None:
                judgment["basis"] = element.get("data-basis").split()
            return judgment
        caption = element.find("figcaption")
        if element.get("class") == "quote":  # <figure class="quote">
            quote = {"type": "quote", "content": rich(element.find("blockquote/p"))}
            if element.get("data-source") is not None:
                quote["source_ref"] = element.get("data-source")
            if caption is not None:
                attribution = caption.find("span")
                if attribution is not None:
                    quote["attribution"] = text(attribution)
            return quote
        image = element.find("img")  # <figure class="figure">
        if image is not None:
            figure = {"type": "figure", "src": image.get("src"), "alt": image.get("alt")}
        else:
            alt = element.find("p").get("data-alt")
            figure = {"type": "figure", "src": element.get("data-src"), "alt": alt}
        if caption is not None:
            for child in caption:
                if child.tag == "span":
                    figure["caption"] = rich(child)
                else:  # <small class="credit">
                    figure["credit"] = text(child)
        return figure

    def section(element: Any) -> dict[str, Any]:
        part: dict[str, Any] = {}
        if element.get("id") is not None:
            part["id"] = element.get("id")
        if element.get("data-role") is not None:
            part["role"] = element.get("data-role")
        blocks = []
        sections = []
        for child in element:
            tag = child.tag
            if tag == "section":
                sections.append(section(child))
            elif tag in _HTML_HEADINGS:
                part["title"] = text(child)
            else:
                blocks.append(block(child))
        if blocks:
            part["blocks"] = blocks
        if sections:
            part["sections"] = sections
        return part

    sections = []
    lists: dict[str, list[Any]] = {}
    for child in article:
        tag = child.tag
        if tag == "section":
            sections.append(section(child))
        elif tag == "header":
            for part in child:
                kind = part.get("class")
                if part.tag == "h1":
                    out["headline"] = text(part)
                elif kind == "subheadline":
                    out["subheadline"] = text(part)
                elif kind == "byline":
                    lists["authors"] = [agent(span) for span in part if span.tag == "span"]
                elif kind == "dates":
                    for time in part.iter("time"):
                        out[_HTML_TIME_FIELDS[time.get("data-field")]] = time.get("datetime")
                elif kind == "corrections":
                    corrections = []
                    for li in part.iter("li"):
                        correction = {"signal": li.get("data-signal")}
                        for element in li:
                            if element.tag == "time":
                                correction["date"] = element.get("datetime")
                            elif element.tag == "span":
                                correction["note"] = text(element)
                        corrections.append(correction)
                    lists["corrections"] = corrections
        elif tag == "footer":
            for part in child:
                kind = part.get("class")
                if kind == "sources":
                    sources = []
                    for li in part.iter("li"):
                        source: dict[str, Any] = {"id": li.get("data-source-id")}
                        for key in ("url", "publisher", "reliability"):
                            if li.get("data-" + key) is not None:
                                source[key] = li.get("data-" + key)
                        if li.get("data-credibility") is not None:
                            source["credibility"] = int(li.get("data-credibility"))
                        for element in li.iter("cite", "time"):
                            if element.tag == "cite":
                                source["title"] = text(element)
                            else:
                                source[element.get("data-field")] = element.get("datetime")
                        sources.append(source)
                    lists["sources"] = sources
                elif kind == "entities":
                    entities = []
                    for li in part.iter("li"):
                        entity = {
                            "id": li.get("data-entity-id"),
                            "kind": li.get("data-kind"),
                            "name": text(li[0]),
                        }
                        for key in ("aliases", "identifiers"):
                            if li.get("data-" + key) is not None:
                                entity[key] = json.loads(li.get("data-" + key))
                        entities.append(entity)
                    lists["entities"] = entities
                elif kind == "subjects":
                    subjects = []
                    for li in part.iter("li"):
                        subject: dict[str, Any] = {}
                        for key in ("code", "uri", "name"):
                            if li.get("data-" + key) is not None:
                                subject[key] = li.get("data-" + key)
                        for key in ("relevance", "confidence"):
                            if li.get("data-" + key) is not None:
                                subject[key] = int(li.get("data-" + key))
                        subjects.append(subject)
                    lists["subjects"] = subjects
                elif kind == "related":
                    related = []
                    for li in part.iter("li"):
                        entry = {"url": li.get("data-url")}
                        for key in ("title", "rel"):
                            if li.get("data-" + key) is not None:
                                entry[key] = li.get("data-" + key)
                        related.append(entry)
                    lists["related"] = related
                elif kind == "publisher":
                    out["publisher"] = agent(part[0])
                elif kind == "rights":
                    rights = {}
                    for key in ("holder", "notice", "license_url", "usage_terms"):
                        value = part.get("data-" + key.replace("_", "-"))
                        if value is not None:
                            rights[key] = value
                    out["rights"] = rights
    out["sections"] = sections
    out.update(lists)
    return out


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
    #: Comparisons that could not be made, and why.
    skipped: list[str] = field(default_factory=list)

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
            "skipped": self.skipped,
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


def check_newsml_floors(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The lxml floors must write exactly our XML and read exactly our values."""
    for workload in workloads:
        if lxml_newsml_write(workload.brief) != bm.dumps(workload.brief, "newsml"):
            raise SystemExit(f"the lxml write floor differs from bm.dumps on {workload.name}")
        if lxml_newsml_read(workload.xml) != workload.data:
            raise SystemExit(f"the lxml read floor differs from bm.loads on {workload.name}")
    notes.append(
        "on every workload the lxml write floor gives exactly the XML of "
        'bm.dumps(brief, "newsml"), and the lxml read floor exactly bm.to_dict(brief)'
    )


def check_html_floors(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The Jinja2 template must render exactly our page (but for how the two spell a few
    escapes) and the lxml floor read exactly our values."""
    for workload in workloads:
        page = bm.dumps(workload.brief, "html")
        if jinja_html_write(workload.brief) != in_jinja_spelling(page):
            raise SystemExit(f"the Jinja2 template differs from bm.dumps on {workload.name}")
        if lxml_html_read(workload.page) != workload.data:
            raise SystemExit(f"the lxml HTML read floor differs from bm.loads on {workload.name}")
    notes.append(
        "on every workload the Jinja2 template renders the page of "
        'bm.dumps(brief, "html"), byte for byte once " and \' are spelled as MarkupSafe '
        "escapes them, and the lxml HTML read floor gives exactly bm.to_dict(brief)"
    )


def markdown_body(text: str) -> str:
    """Markdown without its front matter: the part the reader gives markdown-it-py (the
    front matter is read line by line, as JSON values)."""
    lines = text.split("\n")
    if lines[0] == "---":
        for index in range(1, len(lines)):
            if lines[index] == "---":
                return "\n".join(lines[index + 1 :])
    return text


def check_text_formats(workloads: Sequence[Workload], notes: list[str]) -> None:
    """ninjs and Markdown must read every workload back to an equal brief, and plain text
    must read back its headline (it holds no ids, metadata or inline markup), so that
    each reader times a complete read; markdown-it-py must parse the Markdown."""
    for workload in workloads:
        if bm.loads(workload.ninjs, "ninjs") != workload.brief:
            raise SystemExit(f"bm.loads(ninjs) does not read {workload.name} back")
        if bm.loads(workload.plain, "text").headline != workload.brief.headline:
            raise SystemExit(f"bm.loads(text) does not read {workload.name}'s headline back")
        if bm.loads(workload.markdown, "markdown") != workload.brief:
            raise SystemExit(f"bm.loads(markdown) does not read {workload.name} back")
        if not COMMONMARK.parse(workload.markdown):
            raise SystemExit(f"markdown-it-py finds no tokens in {workload.name}'s Markdown")
    notes.append(
        "ninjs and Markdown read every workload back to an equal brief; plain text reads "
        "back the headline and the text (not the metadata it does not hold)"
    )


def check_newsmlg2(workloads: Sequence[Workload], notes: list[str]) -> None:
    """IPTC's library must read our items (so that it is not faster by failing)."""
    if NewsMLG2 is None:
        notes.append(f"{_NO_NEWSMLG2}: the comparisons with it are skipped")
        return
    for workload in workloads:
        document = NewsMLG2.NewsMLG2Document(filename_or_string=workload.xml)
        item = document.get_item()
        brief = workload.brief
        subjects = len(list(item.contentmeta.subject))
        if (
            item.guid != brief.id
            or str(item.contentmeta.headline) != brief.headline
            or subjects != len(brief.subjects) + len(brief.entities)
        ):
            raise SystemExit(f"newsmlg2 does not read {workload.name} as written")
        again = document.to_xml_string()
        if bm.loads(again, "newsml", strict=False).id != brief.id:
            raise SystemExit(f"newsmlg2's output of {workload.name} does not read back")
    notes.append(
        "newsmlg2 reads every workload's guid, headline and subjects; its to_xml_string() "
        "reads back with bm.loads, but pretty-printed and without the bm: attributes of "
        "NewsML-G2 elements (it keeps only the attributes it knows)"
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
    check_newsml_floors(workloads, notes)
    check_html_floors(workloads, notes)
    check_text_formats(workloads, notes)
    check_newsmlg2(workloads, notes)
    fast = compile_fastjsonschema(notes)
    schema_validator = jsonschema.Draft202012Validator(bm.json_schema())

    for workload in workloads:
        text = workload.text
        if not bm.validate(text).ok:
            raise SystemExit(f"workload {workload.name} does not validate")
        model = PBrief.model_validate_json(text)
        operations = timed_operations(workload, model, fast, schema_validator)
        if workload.role == "scaling":  # only needed for the linearity check
            timed = {k: operations[k] for k in LINEAR_OPERATIONS}
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
            "newsml_bytes": len(workload.xml),
            "html_bytes": len(workload.page),
            "ninjs_bytes": len(workload.ninjs.encode("utf-8")),
            "text_bytes": len(workload.plain.encode("utf-8")),
            "markdown_bytes": len(workload.markdown.encode("utf-8")),
        }
        if workload.role != "scaling":
            progress(f"{workload.name}: memory")
            results.memory[workload.name] = {
                name: retained_bytes(operations[name])
                for name in ("bm.loads", "pydantic.validate_json", "json.loads")
            }
            results.rows.extend(comparison_rows(workload.name, workload_timings))
            results.rows.extend(newsml_rows(workload.name, workload_timings, results.skipped))
            results.rows.extend(html_rows(workload.name, workload_timings))
            results.rows.extend(text_format_rows(workload.name, workload_timings))
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
    measure_iptc_text(results, repeat=repeat, min_time=min_time, collect=collect, progress=progress)
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
    xml = workload.xml
    operations.update(
        {
            "newsml.dumps": lambda: bm.dumps(brief, "newsml"),
            "lxml.newsml_write": lambda: lxml_newsml_write(brief),
            "newsml.loads": lambda: bm.loads(xml, "newsml"),
            "newsml.read": lambda: newsml.read(xml),
            "lxml.newsml_read": lambda: lxml_newsml_read(xml),
        }
    )
    page = workload.page
    operations.update(
        {
            "html.dumps": lambda: bm.dumps(brief, "html"),
            "jinja2.render": lambda: jinja_html_write(brief),
            "html.loads": lambda: bm.loads(page, "html"),
            "html.read": lambda: html.read(page),
            "lxml.html_read": lambda: lxml_html_read(page),
        }
    )
    ninjs_text, plain = workload.ninjs, workload.plain
    operations.update(
        {
            "ninjs.dumps": lambda: bm.dumps(brief, "ninjs"),
            "ninjs.loads": lambda: bm.loads(ninjs_text, "ninjs"),
            "text.dumps": lambda: bm.dumps(brief, "text"),
            "text.loads": lambda: bm.loads(plain, "text"),
        }
    )
    # ---- Markdown (formats/markdown.py) ----
    markdown = workload.markdown
    body = markdown_body(markdown)
    operations.update(
        {
            "markdown.dumps": lambda: bm.dumps(brief, "markdown"),
            "markdown.loads": lambda: bm.loads(markdown, "markdown"),
            "markdown_it.parse": lambda: COMMONMARK.parse(markdown),
            "markdown_it.parse(body)": lambda: COMMONMARK.parse(body),
        }
    )
    if NewsMLG2 is not None:
        document = NewsMLG2.NewsMLG2Document(filename_or_string=xml)
        operations["newsmlg2.parse"] = lambda: NewsMLG2.NewsMLG2Document(filename_or_string=xml)
        operations["newsmlg2.to_xml_string"] = document.to_xml_string
    return operations


def measure_iptc_text(
    results: Results,
    *,
    repeat: int,
    min_time: float,
    collect: bool,
    progress: Callable[[str], None],
) -> None:
    """Reading IPTC's own text example: bm.loads (lenient), lxml alone, newsmlg2."""
    name = "iptc-text"
    if not IPTC_TEXT.is_file():
        results.skipped.append(f"{name}: every row (IPTC's example is not at {IPTC_TEXT})")
        return
    data = IPTC_TEXT.read_bytes()

    def ours() -> bm.Brief:
        with warnings.catch_warnings():  # it reports what the model cannot hold
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            return bm.loads(data, "newsml", strict=False)

    def theirs() -> Any:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints about remote catalogs
            return NewsMLG2.NewsMLG2Document(filename_or_string=data)

    operations: dict[str, Callable[[], object]] = {
        "newsml.loads(lenient)": ours,
        "lxml.fromstring": lambda: etree.fromstring(data),
    }
    if NewsMLG2 is not None:
        if theirs().get_item().guid != ours().id:
            raise SystemExit("newsmlg2 and bm.loads do not read the same guid in iptc-text")
        operations["newsmlg2.parse"] = theirs
    timings: dict[str, Timing] = {}
    for op, func in operations.items():
        progress(f"{name}: {op}")
        timings[op] = measure(func, repeat=repeat, min_time=min_time, collect=collect)
    results.timings[name] = timings
    results.workloads[name] = {"origin": str(IPTC_TEXT), "bytes": len(data)}
    metric = "newsml loads, lenient"
    ours_best = timings["newsml.loads(lenient)"].best
    if "newsmlg2.parse" in timings:
        results.rows.append(
            Row(
                name,
                metric,
                ours_best,
                "newsmlg2 parse",
                timings["newsmlg2.parse"].best,
                target=NEWSMLG2_TARGET,
            )
        )
    else:
        results.skipped.append(f"{name}: {metric} vs newsmlg2 parse ({_NO_NEWSMLG2})")
    results.rows.append(
        Row(name, metric, ours_best, "lxml.fromstring alone", timings["lxml.fromstring"].best)
    )


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


#: The operations whose per-section time is compared across sizes, with their row names.
LINEAR_OPERATIONS = {
    "bm.dumps": "dumps",
    "bm.loads": "loads",
    "bm.validate": "validate",
    "newsml.dumps": "newsml dumps",
    "newsml.loads": "newsml loads",
    "html.dumps": "html dumps",
    "html.loads": "html loads",
    "ninjs.dumps": "ninjs dumps",
    "ninjs.loads": "ninjs loads",
    "text.dumps": "text dumps",
    "text.loads": "text loads",
    # ---- Markdown ----
    "markdown.dumps": "markdown dumps",
    "markdown.loads": "markdown loads",
}


def newsml_rows(workload: str, t: dict[str, Timing], skipped: list[str]) -> Iterator[Row]:
    """The NewsML-G2 ratios of one workload: against the lxml floors and newsmlg2."""
    best = {name: timing.best for name, timing in t.items()}
    write_floor = "lxml build + tostring floor"
    read_floor = "lxml parse + extract floor"
    yield Row(
        workload,
        "newsml dumps",
        best["newsml.dumps"],
        write_floor,
        best["lxml.newsml_write"],
        target=NEWSML_WRITE_TARGET,
    )
    yield Row(
        workload,
        "newsml loads",
        best["newsml.loads"],
        read_floor,
        best["lxml.newsml_read"],
        target=NEWSML_READ_TARGET,
    )
    yield Row(workload, "newsml read", best["newsml.read"], read_floor, best["lxml.newsml_read"])
    pairs = (
        ("newsml dumps", "newsml.dumps", "newsmlg2 to_xml_string", "newsmlg2.to_xml_string"),
        ("newsml loads", "newsml.loads", "newsmlg2 parse", "newsmlg2.parse"),
    )
    for metric, ours, reference, theirs in pairs:
        if theirs not in best:
            skipped.append(f"{workload}: {metric} vs {reference} ({_NO_NEWSMLG2})")
            continue
        yield Row(workload, metric, best[ours], reference, best[theirs], target=NEWSMLG2_TARGET)


_NO_NEWSMLG2 = "newsmlg2 is not installed: pip install newsmlg2"


def html_rows(workload: str, t: dict[str, Timing]) -> Iterator[Row]:
    """The HTML ratios of one workload: against the Jinja2 template and the lxml floor."""
    best = {name: timing.best for name, timing in t.items()}
    read_floor = "lxml HTML parse + extract floor"
    yield Row(
        workload,
        "html dumps",
        best["html.dumps"],
        "jinja2 template render",
        best["jinja2.render"],
        target=HTML_WRITE_TARGET,
    )
    yield Row(workload, "html loads", best["html.loads"], read_floor, best["lxml.html_read"])
    yield Row(workload, "html read", best["html.read"], read_floor, best["lxml.html_read"])


def text_format_rows(workload: str, t: dict[str, Timing]) -> Iterator[Row]:
    """The ninjs, plain-text and Markdown ratios of one workload: against the canonical
    JSON writer and reader (the same brief), and markdown-it-py's parse."""
    best = {name: timing.best for name, timing in t.items()}
    json_dumps, json_loads = "bm.dumps canonical JSON", "bm.loads canonical JSON"
    yield Row(
        workload,
        "ninjs dumps",
        best["ninjs.dumps"],
        json_dumps,
        best["bm.dumps"],
        target=NINJS_TARGET,
    )
    yield Row(
        workload,
        "ninjs loads",
        best["ninjs.loads"],
        json_loads,
        best["bm.loads"],
        target=NINJS_TARGET,
    )
    # Plain text: no reference was named; canonical JSON is context, with no target.
    yield Row(workload, "text dumps", best["text.dumps"], json_dumps, best["bm.dumps"])
    yield Row(workload, "text loads", best["text.loads"], json_loads, best["bm.loads"])
    # ---- Markdown: writing has no target; reading against markdown-it-py's parse ----
    yield Row(workload, "markdown dumps", best["markdown.dumps"], json_dumps, best["bm.dumps"])
    yield Row(
        workload,
        "markdown loads",
        best["markdown.loads"],
        "markdown-it-py commonmark parse",
        best["markdown_it.parse"],
        target=MARKDOWN_READ_TARGET,
    )
    yield Row(
        workload,
        "markdown loads",
        best["markdown.loads"],
        "markdown-it-py parse, body only",
        best["markdown_it.parse(body)"],
    )
    yield Row(workload, "markdown loads", best["markdown.loads"], json_loads, best["bm.loads"])


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
        for op in LINEAR_OPERATIONS:
            yield Row(
                "linearity",
                f"{LINEAR_OPERATIONS[op]} per section, {large.name}",
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
        "jinja2",
        "markupsafe",
        "markdown-it-py",
    ):
        env[package] = version(package)
    env["lxml"] = ".".join(map(str, etree.LXML_VERSION))
    env["libxml2"] = ".".join(map(str, etree.LIBXML_VERSION))
    env["newsmlg2"] = version("newsmlg2") if NewsMLG2 is not None else "not installed"
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
        f"fastjsonschema {env['fastjsonschema']}, jsonschema {env['jsonschema']}, "
        f"lxml {env['lxml']} (libxml2 {env['libxml2']}), newsmlg2 {env['newsmlg2']}, "
        f"Jinja2 {env['jinja2']} (MarkupSafe {env['markupsafe']}), "
        f"markdown-it-py {env['markdown-it-py']}\n"
    )
    settings = results.settings
    out.write(
        f"best per-call time of {settings['repeat']} repeats of ≥ {settings['min_time']} s "
        f"(gc {'on' if settings['gc'] else 'off'} during timing); memory by tracemalloc\n\n"
    )
    out.write("Workloads\n")
    for name, info in results.workloads.items():
        if "sections" not in info:  # a NewsML-G2 document that is only read
            out.write(f"  {name:<9} {_bytes(info['bytes']):>8} NewsML-G2  {info['origin']}\n")
            continue
        out.write(
            f"  {name:<9} {info['sections']:>5} sections, {_bytes(info['bytes']):>8} "
            f"canonical JSON ({_bytes(info['pydantic_json_bytes'])} from pydantic), "
            f"{_bytes(info['newsml_bytes'])} NewsML-G2, {_bytes(info['html_bytes'])} HTML, "
            f"{_bytes(info['ninjs_bytes'])} ninjs, {_bytes(info['text_bytes'])} text, "
            f"{_bytes(info['markdown_bytes'])} Markdown  {info['origin']}\n"
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
    if results.skipped:
        out.write("\nSkipped\n")
        for line in results.skipped:
            out.write(f"  - {line}\n")
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
