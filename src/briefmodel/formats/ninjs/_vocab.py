"""The ninjs vocabulary briefmodel writes and reads: versions and schemas, the roles,
rels and content types it uses, the entity kinds' properties, the 3.x and 2.x spellings of
property names, and the properties the reader reads of each kind of object."""

from __future__ import annotations

from typing import Any

#: The ninjs versions the writer writes.
VERSIONS = ("3.1", "2.1")
#: The URI of each version's schema, written in ``standard.schema``.
SCHEMAS = {v: f"http://www.iptc.org/std/ninjs/ninjs-schema_{v}.json" for v in VERSIONS}
#: Role and content type of the body that holds what ninjs has no property for.
META_ROLE = "briefmodel"
META_TYPE = "application/vnd.briefmodel.ninjs-metadata+json"
BODY_TYPE = "application/xhtml+xml"
#: Entity kinds and the ninjs property that lists them.
KIND_PROPERTIES = {
    "person": "people",
    "organization": "organisations",
    "place": "places",
    "event": "events",
    "other": "objects",
}
_KIND_OF = {prop: kind for kind, prop in KIND_PROPERTIES.items()}
AUTHOR_REL = "author"
PUBLISHER_ROLE = "publisher"
KEYWORD_REL = "keyword"
KEY_POINT_ROLE = "key-point"
SUB_ROLES = frozenset({"sub", "subheadline", "subhead", "subtitle", "secondary", "dek"})
UNKNOWN_KEY = "briefmodel:unknown"


def _v2(key: str) -> str:
    """The ninjs 2.x spelling of a 3.x property name."""
    return "embargoed" if key == "embargoedUntil" else key.lower()


def _lowered(value: Any) -> Any:
    """A ninjs 3.x document spelt as 2.x: every property name in lower case."""
    if type(value) is dict:
        return {_v2(k): _lowered(v) for k, v in value.items()}
    if type(value) is list:
        return [_lowered(v) for v in value]
    return value


#: 3.x properties that 2.x spells otherwise, and 2.x properties that 3.x spells otherwise.
_ONLY_V3 = frozenset(
    {
        "firstCreated",
        "versionCreated",
        "contentCreated",
        "embargoedUntil",
        "pubStatus",
        "copyrightHolder",
        "copyrightNotice",
        "usageTerms",
        "edNote",
        "infoSources",
        "altIds",
        "rightsInfo",
        "representationType",
        "trustIndicators",
        "eventDetails",
        "plannedCoverage",
        "digitalSourceType",
    }
)
_ONLY_V2 = frozenset(_v2(k) for k in _ONLY_V3)
#: The properties each kind of object is read from (the rest are losses).
_TEXT_KEYS = frozenset({"role", "value", "contentType"})
_BODY_KEYS = frozenset({"role", "contentType", "value", "charCount", "wordCount"})
_ENTITY_KEYS = frozenset({"name", "uri", "literal"})
_AUTHOR_KEYS = _ENTITY_KEYS | {"rel"}
_SOURCE_KEYS = _ENTITY_KEYS
_PUBLISHER_KEYS = _ENTITY_KEYS | {"role"}
_SUBJECT_KEYS = frozenset({"name", "uri", "relevance", "confidence"})
_CODED_SUBJECT_KEYS = _SUBJECT_KEYS | {"literal"}
#: A keyword's properties, by (whether its rel says so, whether its literal is its name).
_KEYWORD_KEYS = {
    (rel, literal): frozenset(
        {"name"} | ({"rel"} if rel else set()) | ({"literal"} if literal else set())
    )
    for rel in (False, True)
    for literal in (False, True)
}
_RENDITION_KEYS = frozenset({"name", "href", "contentType"})
_ASSOCIATION_KEYS = frozenset({"name", "uri", "rel", "type"})
_TITLED_ASSOCIATION_KEYS = _ASSOCIATION_KEYS | {"headlines"}
#: The string properties that name an entity, a subject or a source.
_NAMING = ("name", "uri", "literal")


#: 2.x spellings to the 3.x names the reader goes by (filled in by read.py from its
#: tables of the properties it reads).
_CAMEL: dict[str, str] = {}
