"""The briefing document model.

Every class is a frozen, slotted, keyword-only attrs class: a brief is an immutable
value that is safe to share between threads, to hash and to cache; change one with
:func:`attrs.evolve`. Building one by hand is meant to be pleasant: lists are accepted
wherever tuples are stored, and a plain ``str`` wherever rich text is expected.

>>> from datetime import datetime, timezone
>>> import briefmodel as bm
>>> brief = bm.Brief(
...     id="urn:example:brief:1",
...     headline="Harbour Talks Settle Pilot Fees",
...     created=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
...     sections=[bm.Section(role="key-points", blocks=[
...         bm.ItemList(items=["Fees fall by a tenth", "Talks end early"]),
...     ])],
... )
>>> [bm.plain_text(item.content) for item in brief.key_points]
['Fees fall by a tenth', 'Talks end early']
>>> brief.word_count
13

Field values are checked when an object is built; a value a field cannot hold raises
:class:`~briefmodel.ModelError`. Rules that relate fields to each other (references,
unique ids, URL schemes, XML-safe text) are checked by :func:`briefmodel.validate`.
"""

from __future__ import annotations

# The names of __all__ and, as ``name as name`` (which marks a re-export for type
# checkers), every other public name of the module before its split: the formats, rules,
# the converter, the schema, the strategies, tests and benchmarks use them from here.
from .blocks import BLOCK_TYPES as BLOCK_TYPES
from .blocks import MAX_SPAN as MAX_SPAN
from .blocks import (
    Block,
    Figure,
    ItemList,
    Judgment,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Table,
    TableCell,
    TableRow,
)
from .brief import CHILDREN as CHILDREN
from .brief import MODEL_TYPES as MODEL_TYPES
from .brief import Brief
from .brief import Node as Node
from .brief import Path as Path
from .brief import nodes as nodes
from .brief import walk as walk
from .frozen import MAX_NUMBER as MAX_NUMBER
from .frozen import FrozenMap, JsonValue
from .frozen import T as T
from .frozen import freeze_json as freeze_json
from .inline import INLINE_TYPES as INLINE_TYPES
from .inline import (
    Citation,
    Code,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Mention,
    RichText,
    Strong,
    plain_text,
)
from .inline import RichTextLike as RichTextLike
from .inline import rich_text as rich_text
from .metadata import Agent, Correction, Entity, Related, Rights, Source, Subject
from .vocabularies import ALIGNMENTS as ALIGNMENTS
from .vocabularies import CONFIDENCES as CONFIDENCES
from .vocabularies import ENTITY_KINDS as ENTITY_KINDS
from .vocabularies import HEADERS as HEADERS
from .vocabularies import LIKELIHOODS as LIKELIHOODS
from .vocabularies import RELIABILITIES as RELIABILITIES
from .vocabularies import SIGNALS as SIGNALS
from .vocabularies import STATUSES as STATUSES
from .vocabularies import Alignment, Confidence, EntityKind, Header, Likelihood, Signal, Status
from .vocabularies import Reliability as Reliability

__all__ = [
    "Agent",
    "Alignment",
    "Block",
    "Brief",
    "Citation",
    "Code",
    "Confidence",
    "Correction",
    "Emphasis",
    "Entity",
    "EntityKind",
    "Figure",
    "FrozenMap",
    "Header",
    "Inline",
    "ItemList",
    "JsonValue",
    "Judgment",
    "Likelihood",
    "LineBreak",
    "Link",
    "ListItem",
    "Mention",
    "Paragraph",
    "Quote",
    "Related",
    "RichText",
    "Rights",
    "Section",
    "Signal",
    "Source",
    "Status",
    "Strong",
    "Subject",
    "Table",
    "TableCell",
    "TableRow",
    "plain_text",
]
