"""What a brief says about itself: :class:`Entity`, :class:`Subject`, :class:`Source`,
:class:`Related`, :class:`Agent`, :class:`Rights` and :class:`Correction`."""

from __future__ import annotations

from datetime import datetime

import attrs

from .. import _patterns
from ..errors import ModelError
from ._fields import (
    _aware,
    _check_identifiers,
    _identifiers,
    _int,
    _one_of,
    _resolve,
    _string_tuple,
    _strings,
    _text,
)
from .frozen import FrozenMap
from .vocabularies import ENTITY_KINDS, RELIABILITIES, SIGNALS, EntityKind, Reliability, Signal


@attrs.frozen(kw_only=True)
class Entity:
    """A person, organization, place or event named in the brief.

    ``identifiers`` maps a scheme to a value: ``{"wikidata": "Q1490"}``, a NewsML-G2
    qcode, an ISO 3166 country code for places.
    """

    id: str = attrs.field(validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID})
    kind: EntityKind = attrs.field(validator=_one_of(ENTITY_KINDS))
    name: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_string_tuple, validator=_strings()
    )
    identifiers: FrozenMap[str] = attrs.field(
        factory=FrozenMap, converter=_identifiers, validator=_check_identifiers
    )


@attrs.frozen(kw_only=True)
class Subject:
    """A controlled-vocabulary topic, by qcode (``medtop:20000763``), URI or both.

    ``relevance`` and ``confidence`` run from 0 to 100, as in NewsML-G2 and ninjs.
    """

    code: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.QCODE, optional=True),
        metadata={"shape": _patterns.QCODE},
    )
    name: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.LINE, optional=True),
        metadata={"shape": _patterns.LINE},
    )
    uri: str | None = attrs.field(default=None, validator=_text(optional=True))
    relevance: int | None = attrs.field(
        default=None,
        validator=_int(0, 100, optional=True),
        metadata={"range": (0, 100)},
    )
    confidence: int | None = attrs.field(
        default=None,
        validator=_int(0, 100, optional=True),
        metadata={"range": (0, 100)},
    )

    def __attrs_post_init__(self) -> None:
        if self.code is None and self.uri is None:
            raise ModelError(
                "Subject",
                ("code",),
                "subject.unidentified",
                "expected a code or a uri (a subject needs one of them), got neither",
            )


@attrs.frozen(kw_only=True)
class Source:
    """What the brief is based on, with optional Admiralty (NATO) grading.

    ``reliability`` grades the source from A (completely reliable) to F (cannot be
    judged); ``credibility`` grades the information from 1 (confirmed) to 6 (cannot be
    judged).
    """

    id: str = attrs.field(validator=_text(_patterns.NODE_ID), metadata={"shape": _patterns.NODE_ID})
    title: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    url: str | None = attrs.field(default=None, validator=_text(optional=True))
    publisher: str | None = attrs.field(default=None, validator=_text(optional=True))
    published: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    accessed: datetime | None = attrs.field(default=None, validator=_aware(optional=True))
    reliability: Reliability | None = attrs.field(
        default=None, validator=_one_of(RELIABILITIES, optional=True)
    )
    credibility: int | None = attrs.field(
        default=None, validator=_int(1, 6, optional=True), metadata={"range": (1, 6)}
    )


@attrs.frozen(kw_only=True)
class Related:
    """A related article, see-also link or earlier version (``rel`` says which)."""

    url: str = attrs.field(validator=_text())
    title: str | None = attrs.field(default=None, validator=_text(optional=True))
    rel: str | None = attrs.field(
        default=None,
        validator=_text(_patterns.NODE_ID, optional=True),
        metadata={"shape": _patterns.NODE_ID},
    )


@attrs.frozen(kw_only=True)
class Agent:
    """A person or organization in the byline or as publisher."""

    name: str = attrs.field(validator=_text(_patterns.LINE), metadata={"shape": _patterns.LINE})
    role: str | None = attrs.field(default=None, validator=_text(optional=True))
    uri: str | None = attrs.field(default=None, validator=_text(optional=True))
    affiliation: str | None = attrs.field(default=None, validator=_text(optional=True))


@attrs.frozen(kw_only=True)
class Rights:
    """Copyright holder, notice, licence and usage terms."""

    holder: str | None = attrs.field(default=None, validator=_text(optional=True))
    notice: str | None = attrs.field(default=None, validator=_text(optional=True))
    license_url: str | None = attrs.field(default=None, validator=_text(optional=True))
    usage_terms: str | None = attrs.field(default=None, validator=_text(optional=True))


@attrs.frozen(kw_only=True)
class Correction:
    """What changed in this version and why."""

    signal: Signal = attrs.field(validator=_one_of(SIGNALS))
    note: str = attrs.field(validator=_text())
    date: datetime | None = attrs.field(default=None, validator=_aware(optional=True))


_resolve(globals())
