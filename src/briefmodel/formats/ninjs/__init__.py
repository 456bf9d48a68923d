"""IPTC ninjs (News in JSON): a brief as a ninjs 3.1 (or 2.1) news object, and read back.

The writer builds plain dicts and calls :func:`json.dumps` once. The metadata goes to
ninjs's own properties (``headlines``, ``descriptions``, ``people``, ``subjects``,
``infoSources``, ``associations``, ``rightsInfo``…) and the body to ``bodies`` as XHTML,
written by the same rules as the NewsML-G2 body, so that sections, judgments, mentions
and citations survive. ninjs allows no property of its own at any level, so what it has
no place for (source grading, entity aliases, corrections, extensions…) goes into one
more body, of role :data:`META_ROLE` and content type :data:`META_TYPE`, whose value is
a JSON object: the *briefmodel metadata body*. The docs' ninjs page lists it field by
field.

The reader reads briefmodel's own ninjs back to an equal brief, and other producers'
ninjs 1.x, 2.x and 3.x as far as the model can hold it (a JSON array of them with
:func:`read_all`). What it cannot hold is a loss
(``ninjs.dropped``, with the JSON Pointer of the value): an error when reading strictly
(the default), a warning with ``strict=False``, when the value is kept under
``extensions["briefmodel:unknown"]``, keyed by its pointer.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Grid operators agree reserve rules",
...     created=datetime(2026, 5, 4, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="The rules start in June.")])])
>>> text = bm.dumps(brief, "ninjs")
>>> text[:55]
'{"uri":"urn:example:1","type":"text","version":"1","fir'
>>> bm.loads(text, "ninjs") == brief
True
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import quote

import attrs
from lxml import etree
from lxml import html as lxml_html

from ..._converter import Invalid, parse_datetime, thaw
from ..._patterns import NODE_ID, QCODE, new_node_id
from ...errors import (
    BriefmodelWarning,
    ParseError,
    Problem,
    ValidationError,
    pointer,
    settle_losses,
)
from ...model import (
    Agent,
    Brief,
    Correction,
    Entity,
    Figure,
    Paragraph,
    Related,
    Rights,
    Section,
    Source,
    Subject,
    plain_text,
)
from .. import Format
from .._safe_xml import BM, XML_ID
from .._safe_xml import parse as parse_xml
from .._xhtml import XHTML, BodyReader, BodyText
from ..json import parse as parse_json

__all__ = [
    "FORMAT",
    "KIND_PROPERTIES",
    "META_ROLE",
    "META_TYPE",
    "SCHEMAS",
    "VERSIONS",
    "examine",
    "read",
    "read_all",
    "sniff",
    "write",
]

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

_H = "{" + XHTML + "}"
_B = "{" + BM + "}"

# Absolute URIs that RFC 3986 (and so JSON Schema's "uri" format) accepts.
_URI_CHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_URI_CHAR}*(?:#{_URI_CHAR}*)?")
_URI_SAFE = "-._~!$&'()*+,;=:@/?"


def _mended(value: str) -> str:
    """A URI that RFC 3986 accepts for one it refuses (the exact one goes to the
    metadata body)."""
    head, hash_, fragment = value.partition("#")
    mended = quote(head, safe=_URI_SAFE) + (hash_ + quote(fragment, safe=_URI_SAFE))
    if _URI.fullmatch(mended):
        return mended
    return "urn:briefmodel:" + quote(value, safe="")


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


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(
        value,
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ": ") if indent is not None else (",", ":"),
    )


# ======================================================================================
# Writing


class _Writer:
    """One brief being written as a ninjs object (3.x spelling)."""

    def __init__(self, brief: Brief, version: str) -> None:
        self.brief = brief
        self.version = version
        self.meta: dict[str, Any] = {}
        self.exact: dict[str, str] = {}

    def uri(self, value: str, *path: str | int) -> str:
        if _URI.fullmatch(value):
            return value
        self.exact[pointer(path)] = value
        return _mended(value)

    def note(self, group: str, key: str, **fields: Any) -> None:
        values = {k: v for k, v in fields.items() if v is not None and v != ()}
        if values:
            self.meta.setdefault(group, {})[key] = values

    def document(self) -> dict[str, Any]:
        b = self.brief
        doc: dict[str, Any] = {"uri": self.uri(b.id, "uri"), "type": "text"}
        doc["version"] = str(b.version)
        doc["firstCreated"] = b.created.isoformat()
        if b.updated is not None:
            doc["versionCreated"] = b.updated.isoformat()
        if b.embargo_until is not None:
            doc["embargoedUntil"] = b.embargo_until.isoformat()
        doc["pubStatus"] = b.status
        if b.urgency is not None:
            doc["urgency"] = b.urgency
        doc["language"] = b.language
        doc["standard"] = {
            "name": "ninjs",
            "version": self.version,
            "schema": SCHEMAS[self.version],
        }
        headlines = [{"role": "main", "value": b.headline}]
        if b.subheadline is not None:
            headlines.append({"role": "sub", "value": b.subheadline})
        doc["headlines"] = headlines
        points = [" ".join(plain_text(item.content).split()) for item in b.key_points]
        descriptions = [
            {"role": KEY_POINT_ROLE, "contentType": "text/plain", "value": text}
            for text in points
            if text
        ]
        if descriptions:
            doc["descriptions"] = descriptions
        if b.authors:
            doc["by"] = ", ".join(author.name for author in b.authors)
        self.agents_and_entities(doc)
        self.subjects(doc)
        self.sources(doc)
        if b.genre is not None:
            doc["genres"] = [{"name": b.genre}]
        self.related(doc)
        self.rights(doc)
        if b.corrections:
            self.meta["corrections"] = [
                {"signal": c.signal, "note": c.note}
                | ({"date": c.date.isoformat()} if c.date is not None else {})
                for c in b.corrections
            ]
        if b.extensions:
            self.meta["extensions"] = thaw(b.extensions)
        if self.exact:
            self.meta["exact"] = self.exact
        doc["bodies"] = [
            {"role": "main", "contentType": BODY_TYPE, "value": self.body()},
            {"role": META_ROLE, "contentType": META_TYPE, "value": _dumps(self.meta)},
        ]
        return doc

    def agents_and_entities(self, doc: dict[str, Any]) -> None:
        b = self.brief
        lists: dict[str, list[dict[str, Any]]] = {prop: [] for prop in KIND_PROPERTIES.values()}
        people = lists["people"]
        for index, author in enumerate(b.authors):
            person: dict[str, Any] = {"name": author.name, "rel": AUTHOR_REL}
            if author.uri is not None:
                person["uri"] = self.uri(author.uri, "people", len(people), "uri")
            people.append(person)
            self.note("authors", str(index), role=author.role, affiliation=author.affiliation)
        for entity in b.entities:
            prop = KIND_PROPERTIES[entity.kind]
            item: dict[str, Any] = {"name": entity.name, "literal": entity.id}
            identifiers = dict(entity.identifiers)
            uri = identifiers.pop("uri", None)
            if uri is not None:
                item["uri"] = self.uri(uri, prop, len(lists[prop]), "uri")
            lists[prop].append(item)
            self.note(
                "entities",
                entity.id,
                aliases=list(entity.aliases) or None,
                identifiers=identifiers or None,
            )
        for prop, items in lists.items():
            if items:
                doc[prop] = items
        grouped = [e.id for prop in lists for e in b.entities if KIND_PROPERTIES[e.kind] == prop]
        if grouped != [e.id for e in b.entities]:
            self.meta["entityOrder"] = [e.id for e in b.entities]

    def subjects(self, doc: dict[str, Any]) -> None:
        items: list[dict[str, Any]] = []
        for subject in self.brief.subjects:
            item: dict[str, Any] = {}
            if subject.name is not None:
                item["name"] = subject.name
            if subject.code is not None:
                item["literal"] = subject.code
            if subject.uri is not None:
                item["uri"] = self.uri(subject.uri, "subjects", len(items), "uri")
            if subject.relevance is not None:
                item["relevance"] = subject.relevance
            if subject.confidence is not None:
                item["confidence"] = subject.confidence
            items.append(item)
        items.extend({"name": keyword, "rel": KEYWORD_REL} for keyword in self.brief.keywords)
        if items:
            doc["subjects"] = items

    def sources(self, doc: dict[str, Any]) -> None:
        b = self.brief
        items: list[dict[str, Any]] = []
        if b.publisher is not None:
            publisher: dict[str, Any] = {"name": b.publisher.name, "role": PUBLISHER_ROLE}
            if b.publisher.uri is not None:
                publisher["uri"] = self.uri(b.publisher.uri, "infoSources", 0, "uri")
            items.append(publisher)
            self.note(
                "publisher", "agent", role=b.publisher.role, affiliation=b.publisher.affiliation
            )
            if "publisher" in self.meta:
                self.meta["publisher"] = self.meta["publisher"]["agent"]
        for source in b.sources:
            item: dict[str, Any] = {"name": source.title, "literal": source.id}
            if source.url is not None:
                item["uri"] = self.uri(source.url, "infoSources", len(items), "uri")
            items.append(item)
            self.note(
                "sources",
                source.id,
                publisher=source.publisher,
                published=source.published.isoformat() if source.published else None,
                accessed=source.accessed.isoformat() if source.accessed else None,
                reliability=source.reliability,
                credibility=source.credibility,
            )
        if items:
            doc["infoSources"] = items

    def related(self, doc: dict[str, Any]) -> None:
        items: list[dict[str, Any]] = []
        for index, related in enumerate(self.brief.related):
            item: dict[str, Any] = {
                "name": f"related-{index + 1}",
                "uri": self.uri(related.url, "associations", index, "uri"),
            }
            if related.rel is not None:
                if self.version.startswith("2"):  # 2.x associations have no rel
                    self.note("related", str(index), rel=related.rel)
                else:
                    item["rel"] = related.rel
            if related.title is not None:
                item["headlines"] = [{"role": "main", "value": related.title}]
            items.append(item)
        if items:
            doc["associations"] = items

    def rights(self, doc: dict[str, Any]) -> None:
        rights = self.brief.rights
        if rights is None:
            return
        if rights.holder is not None:
            doc["copyrightHolder"] = rights.holder
        if rights.notice is not None:
            doc["copyrightNotice"] = rights.notice
        if rights.usage_terms is not None:
            doc["usageTerms"] = rights.usage_terms
        if rights.license_url is not None:
            doc["rightsInfo"] = {
                "linkedRights": self.uri(rights.license_url, "rightsInfo", "linkedRights")
            }
        if rights == Rights():
            self.meta["rights"] = {}

    def body(self) -> str:
        # Written as text: the very XHTML lxml would serialise, with mention spans
        # carrying their entity's id in bm:ref.
        return BodyText(self.brief, refs=True).body()


def write(brief: Brief, *, version: str = "3.1", indent: int | None = None) -> str:
    """Write ``brief`` as a ninjs news object: ninjs 3.1, or 2.1 with ``version="2.1"``.

    The same brief always gives the same text; ``indent`` pretty-prints it.
    """
    if version not in VERSIONS:
        raise ValueError(f"ninjs version {version!r} is not written (choose from {VERSIONS})")
    doc = _Writer(brief, version).document()
    return _dumps(_lowered(doc) if version.startswith("2") else doc, indent)


# ======================================================================================
# Reading

_ID = NODE_ID.regex
_QCODE = QCODE.regex
_LINKABLE = re.compile(r"(?:https?:|mailto:)", re.IGNORECASE)
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


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is bool:
        return "boolean"
    if type(value) in (int, float):
        return "number"
    if type(value) is str:
        return "string"
    return "array" if type(value) is list else "object"


class _Body(BodyReader):
    loss_code = "ninjs.dropped"
    plain_namespaces = (_H,)


class _Reader:
    """One ninjs document being read: its version, what it has lost, errors found."""

    def __init__(self, doc: dict[str, Any], *, strict: bool) -> None:
        self.strict = strict
        #: For a ninjs 1.x document (read as 2.x): 2.x pointer prefixes to 1.x pointers.
        self.origin: dict[str, str] = {}
        self.v1 = _is_v1(doc)
        if self.v1:
            doc, self.origin = _from_v1(doc)
        self.doc = doc
        self.v2 = self.v1 or _is_v2(doc)
        #: The description read as the headline (a document with no headline).
        self.headline_from: int | None = None
        #: Top-level properties already read (a title or slugline read as the headline).
        self.used: set[str] = set()
        self.losses: list[Problem] = []
        self.errors: list[Problem] = []
        self.unknown: dict[str, Any] = {}
        self.fields: dict[str, Any] = {}
        self.taken: set[str] = set()
        self.meta: dict[str, Any] = {}
        self.meta_at: int | None = None
        self.own = False

    # -- reporting and values ----------------------------------------------------------

    def key(self, name: str) -> str:
        return _v2(name) if self.v2 else name

    def at(self, *path: str | int) -> str:
        """The JSON Pointer of a place named by 3.x property names, in the document's
        spelling."""
        if not self.v2:
            return pointer(path)
        where = pointer(_v2(p) if type(p) is str and p in _CAMEL.values() else p for p in path)
        return self.in_v1(where) if self.origin else where

    def in_v1(self, where: str) -> str:
        """The 1.x pointer of a place in the document as read (spelt as 2.x)."""
        prefix = where
        while prefix:
            if prefix in self.origin:
                return self.origin[prefix] + where[len(prefix) :]
            prefix = prefix.rpartition("/")[0]
        return where

    def lose(
        self, path: tuple[str | int, ...] | str, what: str, value: Any, *, keep: bool = True
    ) -> None:
        """Record a loss at ``path`` (3.x names, or a JSON Pointer as written)."""
        where = path if type(path) is str else self.at(*path)
        self.losses.append(
            Problem(
                severity="error" if self.strict else "warning",
                code="ninjs.dropped",
                message=f"{what} has no place in the model"
                + ("; strict=False drops it with a warning" if self.strict else " and is dropped"),
                path=where,
            )
        )
        if keep and not self.strict:
            self.unknown[where] = value

    def fail(self, path: tuple[str | int, ...], code: str, message: str) -> None:
        self.errors.append(
            Problem(severity="error", code=code, message=message, path=self.at(*path))
        )

    def typed(self, value: Any, kind: type, path: tuple[str | int, ...]) -> Any:
        """``value`` if it is of ``kind``, else None with a schema.type error."""
        if type(value) is kind:
            return value
        if kind is int and type(value) is float and value.is_integer():
            return int(value)
        names = {str: "string", int: "integer", list: "array", dict: "object"}
        self.fail(path, "schema.type", f"expected {names[kind]}, got {_json_type(value)}")
        return None

    def get(self, obj: dict[str, Any], name: str, kind: type, *path: str | int) -> Any:
        value = obj.get(_v2(name) if self.v2 else name)
        if value is None or type(value) is kind:
            return value
        return self.typed(value, kind, (*path, name))

    def strings(
        self, obj: dict[str, Any], names: tuple[str, ...], path: tuple[str | int, ...]
    ) -> list[Any]:
        """``get(obj, name, str, *path)`` of each of ``names``, in one call."""
        v2 = self.v2
        values = []
        for name in names:
            value = obj.get(_v2(name) if v2 else name)
            if value is not None and type(value) is not str:
                value = self.typed(value, str, (*path, name))
            values.append(value)
        return values

    def text(self, value: str) -> str:
        return value if self.own else " ".join(value.split())

    def time(self, value: Any, *path: str | int) -> datetime | None:
        if self.typed(value, str, path) is None:
            return None
        try:
            return parse_datetime(value)
        except Invalid as error:
            self.fail(path, error.code, error.message)
            return None

    def build(self, path: tuple[str | int, ...], cls: type, value: Any, **fields: Any) -> Any:
        """``cls(**fields)``, or None with a loss (the model cannot hold the value)."""
        try:
            return cls(**fields)
        except ValueError as error:
            self.lose(path, f"the {cls.__name__.lower()} ({error})", value)
            return None

    def items(self, name: str) -> list[tuple[int, dict[str, Any]]]:
        """The objects of the array property ``name``, each with its index."""
        values = self.get(self.doc, name, list)
        if values is None:
            return []
        found = []
        for index, item in enumerate(values):
            if type(item) is dict or self.typed(item, dict, (name, index)) is not None:
                found.append((index, item))
        return found

    def rest(self, item: dict[str, Any], known: frozenset[str], *path: str | int) -> None:
        """Report the properties of ``item`` that were not read."""
        if not self.v2 and item.keys() <= known:
            return
        for key, value in item.items():
            name = _CAMEL.get(key, key) if self.v2 else key
            if name not in known:
                self.lose(self.at(*path) + pointer((key,)), f"the property {key!r}", value)

    def new_id(self, *candidates: Any) -> str:
        return new_node_id(candidates, self.taken)

    # -- the document ------------------------------------------------------------------

    def brief(self) -> Brief:
        self.find_meta()
        if self.own:
            self.apply_exact()
        fields = self.fields
        if not self.own:
            self.fallback_headline()
        for key, value in self.doc.items():
            if key in self.used:
                continue
            name = _CAMEL.get(key, key) if self.v2 else key
            handler = _TOP.get(name)
            if handler is None or (name in _ONLY_V3 and self.v2 != (key != name)):
                self.lose(pointer((key,)), f"the property {key!r}", value)
            else:
                handler(self, value)
        self.dates()
        self.picture()
        if "headline" not in fields:
            self.fail((), "schema.required", "the document has no headline")
        if "id" not in fields:
            self.fail((), "schema.required", "the document has no uri")
        if "created" not in fields:
            self.fail((), "schema.required", "the document has no firstCreated or versionCreated")
        self.from_meta()
        fields.setdefault("sections", (Section(),))
        fields.pop("_by", None)
        if self.unknown:
            fields.setdefault("extensions", {})[UNKNOWN_KEY] = self.unknown
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        try:
            return Brief(**fields)
        except ValueError as error:  # ModelError
            path = getattr(error, "path", ())
            code = getattr(error, "code", "schema.type")
            self.errors.append(
                Problem(severity="error", code=code, message=str(error), path=pointer(path))
            )
            raise ValidationError(self.errors + self.losses) from None

    def first_description(self) -> tuple[int, str] | None:
        """The index and plain text of the first description that has text."""
        for index, item in self.items("descriptions"):
            value = item.get("value")
            if type(value) is not str or item.get("role") == KEY_POINT_ROLE:
                continue
            kind = str(item.get(self.key("contentType")) or "")
            text = " ".join(
                (_html_text(value) if "html" in kind or "xml" in kind else value).split()
            )
            if text:
                return index, text
        return None

    def fallback_headline(self) -> None:
        """For a document with no headline (events, pictures): its ``title``, else its
        ``slugline``, else its first description."""
        headlines = self.doc.get("headlines")
        if type(headlines) is list and any(
            type(h) is dict and type(h.get("value")) is str and h["value"].strip()
            for h in headlines
        ):
            return
        for name in ("title", "slugline"):
            value = self.doc.get(name)
            if type(value) is str and value.strip():
                self.fields["headline"] = " ".join(value.split())
                self.used.add(name)
                return
        found = self.first_description()
        if found is not None:
            self.headline_from, self.fields["headline"] = found

    def picture(self) -> None:
        """A picture without a body: a section holding a figure of its ``main`` (else
        ``preview``) rendition, an http(s) image, its first description the alt text.
        Other renditions, and every rendition of an item with a body, are losses."""
        value = self.doc.get("renditions")
        if value in (None, [], {}):
            return
        renditions = self.items("renditions")
        described = self.first_description()
        chosen = None
        if "sections" not in self.fields and described is not None and not self.own:
            named = {item.get("name"): (index, item) for index, item in reversed(renditions)}
            for name in ("main", "preview"):
                index, item = named.get(name, (-1, {}))
                if self.is_image(item):
                    figure = self.build(
                        ("renditions", index), Figure, item, src=item["href"], alt=described[1]
                    )
                    if figure is not None:
                        chosen = index
                        self.fields["sections"] = (Section(blocks=(figure,)),)
                        self.rest(item, _RENDITION_KEYS, "renditions", index)
                        break
        if chosen is None:
            what = "the renditions" + (
                " (a picture without a body needs an http(s) image rendition named main"
                " or preview, and a description for its alt text)"
                if "sections" not in self.fields
                else ""
            )
            self.lose(("renditions",), what, value)
            return
        for index, item in renditions:
            if index != chosen:
                self.lose(("renditions", index), f"another rendition ({item.get('name')})", item)

    def is_image(self, rendition: dict[str, Any]) -> bool:
        """Whether a rendition is an image with an http(s) href: by its content type,
        else by the item's type."""
        href = rendition.get("href")
        if type(href) is not str or not re.match(r"https?://", href, re.IGNORECASE):
            return False
        kind = rendition.get(self.key("contentType"))
        if kind is not None:
            return str(kind).startswith("image/")
        return self.doc.get("type") in ("picture", "graphic")

    def find_meta(self) -> None:
        for index, body in self.items("bodies"):
            if body.get("role") == META_ROLE and body.get(self.key("contentType")) == META_TYPE:
                value = self.typed(body.get("value"), str, ("bodies", index, "value"))
                if value is None:
                    return
                try:
                    meta = parse_json(value)
                except ParseError as error:
                    self.fail(("bodies", index, "value"), error.problem.code, error.problem.message)
                    return
                if self.typed(meta, dict, ("bodies", index, "value")) is not None:
                    self.meta, self.meta_at, self.own = meta, index, True
                return

    def apply_exact(self) -> None:
        exact = self.meta.get("exact", {})
        for where, value in exact.items() if type(exact) is dict else ():
            parts: list[str | int] = [
                int(p) if p.isdigit() else p.replace("~1", "/").replace("~0", "~")
                for p in where.split("/")[1:]
            ]
            node: Any = self.doc
            try:
                for part in parts[:-1]:
                    node = node[self.key(part) if type(part) is str else part]
                last = parts[-1]
                node[self.key(last) if type(last) is str else last] = value
            except (KeyError, IndexError, TypeError):
                self.fail(("bodies", self.meta_at or 0, "value"), "ninjs.meta", f"no {where}")

    def uri(self, value: Any) -> None:
        if self.typed(value, str, ("uri",)) is not None:
            self.fields["id"] = value

    def object_type(self, value: Any) -> None:
        if value != "text":
            self.lose(("type",), f"the object type {value!r} (read as text)", value)

    def representation(self, value: Any) -> None:
        if value != "full":
            self.lose(("representationType",), f"the representation type {value!r}", value)

    def version(self, value: Any) -> None:
        if self.typed(value, str, ("version",)) is None:
            return
        if value.isdigit() and int(value) >= 1:
            self.fields["version"] = int(value)
        else:
            self.lose(("version",), f"the version {value!r}, which is not a whole number", value)

    def stamp(self, name: str, value: Any) -> None:
        self.fields["_" + name] = self.time(value, name)

    def dates(self) -> None:
        fields = self.fields
        first = fields.pop("_firstCreated", None)
        version = fields.pop("_versionCreated", None)
        content = fields.pop("_contentCreated", None)
        embargo = fields.pop("_embargoedUntil", None)
        if embargo is not None:
            fields["embargo_until"] = embargo
        created = first or content or version
        if created is not None:
            fields["created"] = created
        if content is not None and created is not content and content != created:
            self.lose(
                ("contentCreated",),
                "contentCreated, other than firstCreated",
                self.doc.get(self.key("contentCreated")),
            )
        if version is not None and created is not version:
            if version >= created:
                fields["updated"] = version
            else:
                self.lose(
                    ("versionCreated",),
                    "a versionCreated before the first",
                    self.doc.get(self.key("versionCreated")),
                )

    def status(self, value: Any) -> None:
        if value in ("usable", "withheld", "canceled"):
            self.fields["status"] = value
        else:
            self.fail(("pubStatus",), "schema.enum", f"{value!r} is not a publication status")

    def urgency(self, value: Any) -> None:
        value = self.typed(value, int, ("urgency",))
        if value is not None and 1 <= value <= 9:
            self.fields["urgency"] = value
        elif value is not None:
            self.lose(("urgency",), f"the urgency {value!r}", value)

    def language(self, value: Any) -> None:
        if self.typed(value, str, ("language",)) is not None:
            self.fields["language"] = value

    def rights_field(self, name: str, field: str, value: Any) -> None:
        if self.typed(value, str, (name,)) is not None and (self.own or value.strip()):
            self.fields.setdefault("_rights", {})[field] = value

    def rights_info(self, value: Any) -> None:
        if self.typed(value, dict, ("rightsInfo",)) is None:
            return
        link = self.get(value, "linkedRights", str, "rightsInfo")
        if link is not None:
            self.fields.setdefault("_rights", {})["license_url"] = link
        self.rest(value, frozenset({"linkedRights"}), "rightsInfo")

    def lost(self, name: str, value: Any) -> None:
        if value not in ("", [], {}):
            self.lose((name,), f"the property {self.key(name)!r}", value)

    def standard(self, value: Any) -> None:
        if type(value) is not dict or value.get("name") != "ninjs":
            self.lose(("standard",), "a standard other than ninjs", value)

    def headlines(self, value: Any) -> None:
        for index, item in self.items("headlines"):
            role = item.get("role")
            text = self.get(item, "value", str, "headlines", index)
            if text is None:
                continue
            if role in SUB_ROLES and "subheadline" not in self.fields:
                self.fields["subheadline"] = text if self.own else text.strip()
            elif role in (None, "main") and "headline" not in self.fields:
                self.fields["headline"] = self.text(text)
            elif "headline" not in self.fields and not self.own:
                self.fields["headline"] = self.text(text)
                self.lose(("headlines", index, "role"), f"the headline role {role!r}", role)
            else:
                self.lose(("headlines", index), f"the headline {text[:60]!r}", item)
                continue
            self.rest(item, _TEXT_KEYS, "headlines", index)

    def descriptions(self, value: Any) -> None:
        for index, item in self.items("descriptions"):
            role = item.get("role")
            text = self.get(item, "value", str, "descriptions", index)
            if text is None:
                continue
            if role == KEY_POINT_ROLE and self.own:
                continue
            if index == self.headline_from:
                self.rest(item, _TEXT_KEYS, "descriptions", index)
                continue
            kind = item.get(self.key("contentType")) or "text/plain"
            if "subheadline" not in self.fields and role != KEY_POINT_ROLE and not self.own:
                if "html" in str(kind) or "xml" in str(kind):
                    text = _html_text(text)
                if text.strip():
                    self.fields["subheadline"] = " ".join(text.split())
                    self.rest(item, _TEXT_KEYS, "descriptions", index)
                    continue
            self.lose(("descriptions", index), f"the description {text[:60]!r}", item)

    def by(self, value: Any) -> None:
        if self.typed(value, str, ("by",)) is not None and value.strip():
            self.fields["_by"] = value

    def entities(self, prop: str, value: Any) -> None:
        for index, item in self.items(prop):
            self.entity(prop, index, item)

    def entity(self, prop: str, index: int, item: dict[str, Any]) -> None:
        path = (prop, index)
        name, uri, literal = self.strings(item, _NAMING, path)
        rel = item.get("rel")
        if prop == "people" and rel == AUTHOR_REL:
            if name is None:
                self.lose(path, "an author without a name", item)
                return
            self.rest(item, _AUTHOR_KEYS, *path)
            self.fields.setdefault("authors", []).append((path, item, name, uri))
            return
        identifiers: dict[str, str] = {}
        if self.own and literal:
            ident = literal
            self.taken.add(ident)
        else:
            ident = self.new_id(literal, name, uri)
            if literal:
                identifiers["literal"] = literal
        if uri:
            identifiers["uri"] = uri
        extra = self.meta.get("entities", {}).get(ident, {}) if self.own else {}
        identifiers.update(extra.get("identifiers", {}))
        self.rest(item, _ENTITY_KEYS, *path)
        entity = self.build(
            path,
            Entity,
            item,
            id=ident,
            kind=_KIND_OF[prop],
            name=self.text(name or literal or uri or ident),
            aliases=extra.get("aliases", ()),
            identifiers=identifiers,
        )
        if entity is not None:
            self.fields.setdefault("entities", []).append(entity)

    def subjects(self, value: Any) -> None:
        for index, item in self.items("subjects"):
            path = ("subjects", index)
            name, uri, literal = self.strings(item, _NAMING, path)
            rel = item.get("rel")
            code = literal if literal and _QCODE.match(literal) else None
            if rel == KEYWORD_REL or (uri is None and code is None):
                keyword = name or literal
                if not keyword or not (self.own or keyword.strip()):
                    self.lose(path, "a subject without a name", item)
                    continue
                known = _KEYWORD_KEYS[rel == KEYWORD_REL, literal is None or literal == name]
                self.rest(item, known, *path)
                self.fields.setdefault("keywords", []).append(self.text(keyword))
                continue
            self.rest(item, _CODED_SUBJECT_KEYS if code else _SUBJECT_KEYS, *path)
            subject = self.build(
                path,
                Subject,
                item,
                code=code,
                uri=uri,
                name=self.text(name) if name else None,
                relevance=self.get(item, "relevance", int, *path),
                confidence=self.get(item, "confidence", int, *path),
            )
            if subject is not None:
                self.fields.setdefault("subjects", []).append(subject)

    def info_sources(self, value: Any) -> None:
        for index, item in self.items("infoSources"):
            path = ("infoSources", index)
            name, uri, literal = self.strings(item, _NAMING, path)
            role = item.get("role")
            if role == PUBLISHER_ROLE and "publisher" not in self.fields and (name or literal):
                self.rest(item, _PUBLISHER_KEYS, *path)
                extra = self.meta.get("publisher", {}) if self.own else {}
                self.fields["publisher"] = self.build(
                    path, Agent, item, name=self.text(name or literal or ""), uri=uri, **extra
                )
                continue
            if self.own and literal:
                ident = literal
                self.taken.add(ident)
            else:
                ident = self.new_id(literal, name, uri)
            extra = dict(self.meta.get("sources", {}).get(ident, {})) if self.own else {}
            for stamp in ("published", "accessed"):
                if stamp in extra:
                    extra[stamp] = self.time(extra[stamp], "bodies", self.meta_at or 0, "value")
            self.rest(item, _SOURCE_KEYS, *path)
            source = self.build(
                path,
                Source,
                item,
                id=ident,
                title=self.text(name or literal or uri or ident),
                url=uri,
                **extra,
            )
            if source is not None:
                self.fields.setdefault("sources", []).append(source)

    def genres(self, value: Any) -> None:
        for index, item in self.items("genres"):
            path = ("genres", index)
            name = self.get(item, "name", str, *path) or self.get(item, "literal", str, *path)
            if name and "genre" not in self.fields:
                self.fields["genre"] = name
                self.rest(item, frozenset({"name"} if item.get("name") else {"literal"}), *path)
            else:
                self.lose(path, "a second genre", item)

    def associations(self, value: Any) -> None:
        rels = self.meta.get("related", {}) if self.own else {}
        for index, item in self.items("associations"):
            path = ("associations", index)
            uri = self.get(item, "uri", str, *path)
            kind = item.get("type", "text")
            if kind != "text" or uri is None:
                self.lose(path, f"the associated {kind} object {uri!r}", item)
                continue
            rel = item.get("rel")
            if self.own:
                rel = rel or rels.get(str(index), {}).get("rel")
            elif rel is not None and not (type(rel) is str and _ID.match(rel)):
                self.lose((*path, "rel"), f"the relation {rel!r}", rel)
                rel = None
            title = None
            headlines = item.get("headlines")
            known = _ASSOCIATION_KEYS
            if type(headlines) is list and headlines and type(headlines[0]) is dict:
                title = headlines[0].get("value")
                if len(headlines) == 1 and type(title) is str:
                    known = _TITLED_ASSOCIATION_KEYS
                else:
                    title = None
            self.rest(item, known, *path)
            related = self.build(path, Related, item, url=uri, title=title, rel=rel)
            if related is not None:
                self.fields.setdefault("related", []).append(related)

    def bodies(self, value: Any) -> None:
        chosen: tuple[int, dict[str, Any], bool] | None = None
        others: list[tuple[int, dict[str, Any]]] = []
        for index, item in self.items("bodies"):
            if index == self.meta_at:
                continue
            kind = str(item.get(self.key("contentType")) or "")
            role = str(item.get("role") or "")
            rich = any(w in kind or w in role for w in ("html", "xml")) and "nitf" not in role
            if type(item.get("value")) is not str:
                self.typed(item.get("value"), str, ("bodies", index, "value"))
            elif chosen is None or (rich and not chosen[2]):
                if chosen is not None:
                    others.append(chosen[:2])
                chosen = (index, item, rich)
            else:
                others.append((index, item))
        for index, item in others:
            what = item.get(self.key("contentType")) or item.get("role") or "untyped"
            self.lose(("bodies", index), f"another body ({what})", None, keep=False)
        if chosen is None:
            return
        index, item, rich = chosen
        self.rest(
            item,
            _BODY_KEYS,
            "bodies",
            index,
        )
        if rich:
            self.fields["sections"] = self.rich_body(item["value"], ("bodies", index, "value"))
        else:
            paragraphs = [p for p in re.split(r"\n\s*\n", item["value"]) if p.strip()]
            self.fields["sections"] = (
                Section(blocks=[Paragraph(content=" ".join(p.split())) for p in paragraphs]),
            )

    def rich_body(self, value: str, path: tuple[str | int, ...]) -> tuple[Section, ...]:
        where = self.at(*path)
        root: etree._Element | None
        if self.own:
            try:
                root = parse_xml(value)
            except ParseError as error:
                raise ParseError(attrs.evolve(error.problem, path=where)) from None
        else:
            root = _foreign_html(value)
            if root is None:
                return (Section(),)
            self.check_links(root, path)
        reader = _Body(root, strict=self.strict, own=self.own)
        reader.headline = self.fields.get("headline")
        if self.own:
            reader.mentions = {
                span.get(XML_ID, ""): span.get(_B + "ref", "")
                for span in root.iter(_H + "span")
                if span.get(_B + "ref") is not None
            }
        sections = reader.xml_body(root)
        self.losses.extend(attrs.evolve(p, path=where) for p in reader.losses)
        self.errors.extend(attrs.evolve(p, path=where) for p in reader.errors)
        for xpath, text in reader.unknown.items():
            self.unknown[where + xpath] = text
        return tuple(sections) or (Section(),)

    def check_links(self, root: etree._Element, path: tuple[str | int, ...]) -> None:
        """Other producers' relative links and images: their text is kept, the link lost."""
        for element in root.iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            name = tag.rpartition("}")[2]
            attribute = "href" if name == "a" else "src" if name == "img" else None
            if attribute is None or element.get(attribute) is None:
                continue
            target = element.get(attribute, "")
            if not _LINKABLE.match(target):
                self.lose(
                    path, f"the relative or unsafe {attribute} {target[:60]!r}", None, keep=False
                )
                del element.attrib[attribute]

    def from_meta(self) -> None:
        fields, meta = self.fields, self.meta
        rights = fields.pop("_rights", None)
        if rights is not None or (self.own and "rights" in meta):
            fields["rights"] = self.build(("copyrightHolder",), Rights, rights, **(rights or {}))
        by = fields.get("_by")
        authors = fields.pop("authors", [])
        extra = meta.get("authors", {}) if self.own else {}
        built = []
        for index, (path, item, name, uri) in enumerate(authors):
            agent = self.build(
                path, Agent, item, name=self.text(name), uri=uri, **extra.get(str(index), {})
            )
            if agent is not None:
                built.append(agent)
        if by is not None:
            if not authors:
                built.append(Agent(name=" ".join(by.split())))
            elif by != ", ".join(a.name for a in built):
                self.lose(("by",), f"the byline {by[:60]!r}", by)
        if built:
            fields["authors"] = built
        if not self.own:
            return
        order = meta.get("entityOrder")
        if type(order) is list and "entities" in fields:
            rank = {ident: n for n, ident in enumerate(order)}
            fields["entities"].sort(key=lambda e: rank.get(e.id, len(rank)))
        try:
            corrections = meta.get("corrections", [])
            fields["corrections"] = [
                Correction(
                    signal=c["signal"],
                    note=c["note"],
                    date=parse_datetime(c["date"]) if "date" in c else None,
                )
                for c in corrections
            ]
            if "extensions" in meta:
                fields["extensions"] = {**meta["extensions"], **fields.get("extensions", {})}
        except (KeyError, TypeError, ValueError) as error:
            self.fail(("bodies", self.meta_at or 0, "value"), "ninjs.meta", f"{error}")


#: ninjs 1.x content types of ``body_*`` and ``description_*`` by their suffix.
_V1_TYPES = {
    "text": "text/plain",
    "main": "text/plain",
    "html": "text/html",
    "richtext": "text/html",
    "xhtml": "application/xhtml+xml",
}
#: ninjs 1.x entity arrays and the 2.x property that holds them.
_V1_KINDS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "event": "events",
    "object": "objects",
}
_V1_GROUPS = {"headline": "headlines", "body": "bodies", "description": "descriptions"}
_V1_PATTERN = re.compile(r"(headline|body|description)_(.+)")
_V1_SCHEMA = re.compile(r"ninjs-schema_(\d+)\.")


def _declared(doc: dict[str, Any]) -> str | None:
    """The ninjs version a document declares in ``standard``/``$standard`` or ``$schema``."""
    for name in ("standard", "$standard"):
        standard = doc.get(name)
        if type(standard) is dict and type(standard.get("version")) is str:
            return str(standard["version"])
    schema = doc.get("$schema")
    found = _V1_SCHEMA.search(schema) if type(schema) is str else None
    return found.group(1) + "." if found else None


def _is_v1(doc: dict[str, Any]) -> bool:
    """Whether a document is ninjs 1.x: by its declared version, else by its shape (a
    string ``headline``, or a ``headline_*``, ``body_*`` or ``description_*`` key)."""
    declared = _declared(doc)
    if declared is not None:
        return declared.startswith("1.")
    return type(doc.get("headline")) is str or any(_V1_PATTERN.fullmatch(k) for k in doc)


def _v1_entry(group: str, suffix: str, value: Any) -> dict[str, Any]:
    """A 1.x ``headline_*``, ``body_*`` or ``description_*`` value as a 2.x entry: the
    suffix is its role, or its content type when it names one."""
    if group == "headline":
        return {"role": suffix, "value": value}
    entry: dict[str, Any] = {"value": value}
    kind = _V1_TYPES.get(suffix.rpartition("_")[2])
    entry["contenttype"] = kind or "text/plain"
    if suffix not in _V1_TYPES:
        entry["role"] = suffix
    return entry


def _v1_named(value: dict[str, Any], origin: dict[str, str], to: str, at: str) -> list[Any]:
    """A 1.x object keyed by name (``associations``, ``renditions``) as a 2.x array."""
    items: list[Any] = []
    for name, item in value.items():
        origin[f"{to}/{len(items)}"] = at + pointer((name,))
        if type(item) is dict:
            here = f"{to}/{len(items)}"
            item = {"name": name, **_v1_item(item, origin, here, at + pointer((name,)))}
            if to == "/renditions" and "mimetype" in item:
                item["contenttype"] = item.pop("mimetype")
                origin[f"{to}/{len(items)}/contenttype"] = at + pointer((name, "mimetype"))
        items.append(item)
    return items


def _v1_item(item: dict[str, Any], origin: dict[str, str], to: str, at: str) -> dict[str, Any]:
    """An associated 1.x object with its headline spelt as 2.x does."""
    headline = item.get("headline")
    if type(headline) is not str:
        return item
    origin[to + "/headlines/0"] = at + "/headline"
    item = {k: v for k, v in item.items() if k != "headline"}
    item["headlines"] = [{"value": headline}]
    return item


def _from_v1(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A ninjs 1.x document spelt as 2.x, and the JSON Pointer of each 2.x place in the
    1.x document (by pointer prefix)."""
    out: dict[str, Any] = {}
    origin: dict[str, str] = {}
    lists: dict[str, list[Any]] = {}

    def add(prop: str, entry: Any, at: str) -> None:
        items = lists.setdefault(prop, [])
        here = f"/{prop}/{len(items)}"
        origin[here] = origin[here + "/value"] = origin[here + "/role"] = at
        items.append(entry)

    for key, value in doc.items():
        at = pointer((key,))
        match = _V1_PATTERN.fullmatch(key)
        if key == "headline" and type(value) is str:
            add("headlines", {"role": "main", "value": value}, at)
        elif match is not None:
            group, suffix = match.groups()
            add(_V1_GROUPS[group], _v1_entry(group, suffix, value), at)
        elif key == "byline":
            out["by"] = value
            origin["/by"] = at
        elif key in ("subject", *_V1_KINDS) and type(value) is list:
            prop = "subjects" if key == "subject" else _V1_KINDS[key]
            out[prop] = []
            origin[f"/{prop}"] = at
            for index, item in enumerate(value):
                here = f"/{prop}/{index}"
                origin[here] = f"{at}/{index}"
                if type(item) is dict and type(item.get("code")) is str:
                    item = dict(item)
                    code, scheme = item.pop("code"), item.pop("scheme", None)
                    if type(scheme) is str:
                        item["uri"] = scheme + code
                        origin[here + "/uri"] = f"{at}/{index}/scheme"
                    else:
                        item["literal"] = code
                        origin[here + "/literal"] = f"{at}/{index}/code"
                out[prop].append(item)
        elif key in ("associations", "renditions") and type(value) is dict:
            out[key] = _v1_named(value, origin, "/" + key, at)
            origin["/" + key] = at
        elif key == "genre" and type(value) is list:
            out["genres"] = value
            origin["/genres"] = at
        elif key == "$schema" and type(value) is str and _V1_SCHEMA.search(value):
            continue
        elif key == "$standard":
            out["standard"] = value
            origin["/standard"] = at
        else:
            out[key] = value
    out.update(lists)
    return out, origin


def _is_v2(doc: dict[str, Any]) -> bool:
    """Whether a document spells its properties as ninjs 2.x does (in lower case)."""
    standard = doc.get("standard")
    if type(standard) is dict and type(standard.get("version")) is str:
        return bool(standard["version"].startswith(("1.", "2.")))
    keys = doc.keys()
    if keys & _ONLY_V3:
        return False
    if keys & _ONLY_V2:
        return True
    for name in ("bodies", "headlines", "descriptions"):
        items = doc.get(name)
        if type(items) is list:
            for item in items:
                if type(item) is dict and "contenttype" in item:
                    return True
    return False


def _html_text(value: str) -> str:
    root = _foreign_html(value)
    return "" if root is None else "".join(root.itertext())  # type: ignore[arg-type]


_HTML_PARSER = lxml_html.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True
)


def _foreign_html(value: str) -> etree._Element | None:
    """Another producer's HTML or XHTML body: as XML when it is well-formed, else as
    HTML. Either way nothing is fetched and no entity is expanded."""
    start = value.lstrip()[:9].lower()
    candidates = [value] if start.startswith(("<html", "<?xml")) else ["<div>" + value + "</div>"]
    for text in candidates:
        try:
            return parse_xml(text)
        except ParseError:
            pass
    if not value.strip():
        return None
    try:
        if start.startswith(("<html", "<!doctype", "<?xml")):
            return lxml_html.document_fromstring(value, parser=_HTML_PARSER)
        fragment: etree._Element = lxml_html.fragment_fromstring(
            value, create_parent="div", parser=_HTML_PARSER
        )
        return fragment
    except (etree.ParserError, ValueError):
        return None


#: 2.x spellings to the 3.x names the reader goes by.
_CAMEL: dict[str, str] = {}

_TOP: dict[str, Callable[[_Reader, Any], None]] = {
    "uri": _Reader.uri,
    "type": _Reader.object_type,
    "representationType": _Reader.representation,
    "version": _Reader.version,
    "firstCreated": lambda r, v: r.stamp("firstCreated", v),
    "versionCreated": lambda r, v: r.stamp("versionCreated", v),
    "contentCreated": lambda r, v: r.stamp("contentCreated", v),
    "embargoedUntil": lambda r, v: r.stamp("embargoedUntil", v),
    "pubStatus": _Reader.status,
    "urgency": _Reader.urgency,
    "copyrightHolder": lambda r, v: r.rights_field("copyrightHolder", "holder", v),
    "copyrightNotice": lambda r, v: r.rights_field("copyrightNotice", "notice", v),
    "usageTerms": lambda r, v: r.rights_field("usageTerms", "usage_terms", v),
    "rightsInfo": _Reader.rights_info,
    "language": _Reader.language,
    "standard": _Reader.standard,
    "headlines": _Reader.headlines,
    "descriptions": _Reader.descriptions,
    "by": _Reader.by,
    **{prop: (lambda p: lambda r, v: r.entities(p, v))(prop) for prop in _KIND_OF},
    "subjects": _Reader.subjects,
    "infoSources": _Reader.info_sources,
    "genres": _Reader.genres,
    "associations": _Reader.associations,
    "bodies": _Reader.bodies,
    "renditions": lambda r, v: None,  # read by _Reader.picture, after the bodies
    **{
        name: (lambda n: lambda r, v: r.lost(n, v))(name)
        for name in (
            "profile",
            "edNote",
            "slugline",
            "title",
            "located",
            "altIds",
            "trustIndicators",
            "expires",
            "eventDetails",
            "plannedCoverage",
            "digitalSourceType",
        )
    },
}
_NESTED = (
    "role",
    "contentType",
    "value",
    "charCount",
    "wordCount",
    "name",
    "rel",
    "uri",
    "literal",
    "contactInfo",
    "geoJSON",
    "symbols",
    "creator",
    "relevance",
    "confidence",
    "linkedRights",
    "encodedRights",
    "langId",
    "headlines",
    "type",
)
_CAMEL.update({_v2(name): name for name in (*_TOP, *_NESTED)})


def _settle(brief: Brief, losses: list[Problem], strict: bool) -> Brief:
    settle_losses(losses, strict=strict, stacklevel=4)
    return brief


def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Read a ninjs 1.x, 2.x or 3.x news object into a brief (without the semantic rules).

    Strict by default: anything the model cannot hold is an error. With
    ``strict=False`` it is dropped with a :class:`~briefmodel.BriefmodelWarning`, and
    kept under ``extensions["briefmodel:unknown"]`` by its JSON Pointer.
    """
    reader = _reader(data, strict=strict)
    return _settle(_brief(reader), reader.losses, strict)


def read_all(data: str | bytes, *, strict: bool = True) -> Iterator[Brief]:
    """Each news object of a JSON array of ninjs objects (or the one object), in order.

    Reading strictly, the first object that cannot be read raises, its problems' JSON
    Pointers starting with its index. With ``strict=False`` an object that cannot be
    read (no headline, no date…) is passed over with a
    :class:`~briefmodel.BriefmodelWarning` that says why.
    """
    doc = parse_json(data)
    if type(doc) is not list:
        reader = _checked_reader(doc, strict=strict)
        yield _settle(_brief(reader), reader.losses, strict)
        return
    for index, item in enumerate(doc):
        try:
            reader = _checked_reader(item, strict=strict)
            brief = _brief(reader)
        except (ParseError, ValidationError) as error:
            moved = [attrs.evolve(p, path=f"/{index}{p.path or ''}") for p in error.problems]
            if strict and isinstance(error, ParseError):
                raise ParseError(moved[0]) from None
            if strict:
                raise ValidationError(moved) from None
            shown = "; ".join(str(p) for p in moved if p.severity == "error")
            warnings.warn(
                BriefmodelWarning(f"ninjs object {index} passed over: {shown}"), stacklevel=2
            )
            continue
        losses = [attrs.evolve(p, path=f"/{index}{p.path or ''}") for p in reader.losses]
        yield _settle(brief, losses, strict)


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a ninjs document, for :func:`briefmodel.validate`.

    briefmodel's own documents (those with its metadata body) are read strictly: what
    they hold that the writer does not write is an error. Other producers' documents are
    read leniently: what the model cannot hold is reported as ``ninjs.dropped`` warnings,
    each with its JSON Pointer, and the brief read is checked by the rules.
    """
    if xsd is not None:
        raise TypeError("xsd= applies to XML documents, not to ninjs")
    reader = _reader(data, strict=False)
    try:
        brief = _brief(reader)
    except ValidationError as error:
        return list(error.problems), None
    if reader.own and reader.losses:
        return [attrs.evolve(p, severity="error") for p in reader.losses], None
    return list(reader.losses), brief


def _reader(data: str | bytes, *, strict: bool) -> _Reader:
    """A reader of the ninjs object in ``data``; ParseError if it is not one."""
    return _checked_reader(parse_json(data), strict=strict)


def _checked_reader(doc: Any, *, strict: bool) -> _Reader:
    if type(doc) is not dict:
        hint = "; read an array of them with load_all" if type(doc) is list else ""
        raise ParseError(
            Problem(
                severity="error",
                code="parse.not-ninjs",
                message=f"a ninjs document is a JSON object, not {_json_type(doc)}{hint}",
            )
        )
    if doc.get("schema") == "briefmodel/1":
        raise ParseError(
            Problem(
                severity="error",
                code="parse.not-ninjs",
                message="this is briefmodel's canonical JSON; read it with format='json'",
                path="/schema",
            )
        )
    return _Reader(doc, strict=strict)


def _brief(reader: _Reader) -> Brief:
    try:
        return reader.brief()
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ) from None


def sniff(text: str) -> bool:
    """True when the text looks like a ninjs object rather than canonical JSON."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] != "{" or re.search(r'"schema"\s*:\s*"briefmodel/', head):
        return False
    return (
        re.search(r'"(?:uri|headlines|bodies|versionCreated|versioncreated)"\s*:', head) is not None
    )


FORMAT = Format(
    name="ninjs",
    suffixes=(".ninjs", ".ninjs.json", ".json"),
    media_type="application/ninjs+json",
    read=read,
    write=write,
    sniff=sniff,
    read_all=read_all,
    description="IPTC ninjs 3.1 or 2.1 news object (lossless for what briefmodel writes)",
    examine=examine,
)
