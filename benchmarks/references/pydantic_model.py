"""A pydantic v2 model of the same canonical JSON, as a user of pydantic would write it.

Class names carry a ``P`` prefix so that they cannot be mistaken for briefmodel's.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from briefmodel import _patterns
from briefmodel import model as m


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

    schema_: Literal["briefmodel/2"] = Field(alias="schema")
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
