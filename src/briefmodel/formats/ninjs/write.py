"""The ninjs writer: a brief as a ninjs 3.1 (or 2.1) news object, built as plain dicts
and written with one :func:`json.dumps`; what ninjs has no property for goes to the
briefmodel metadata body."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any
from urllib.parse import quote

import orjson

from ... import _options
from ...errors import pointer
from ...model import Brief, Rights, plain_text
from ...model.frozen import holds_float, thaw
from .._safe_xml import writing_xml
from .._xhtml import BodyText
from ._vocab import (
    AUTHOR_REL,
    BODY_TYPE,
    KEY_POINT_ROLE,
    KEYWORD_REL,
    KIND_PROPERTIES,
    META_ROLE,
    META_TYPE,
    PUBLISHER_ROLE,
    SCHEMAS,
    VERSIONS,
    _lowered,
)

__all__ = ["write"]


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


def _dumps(value: Any, indent: int | None = None, *, floats: bool = True) -> str:
    """The JSON text of ``value``: by orjson, compact, where it holds no float (orjson
    writes them otherwise than the json module: ``1e-05`` as ``0.00001``)."""
    if indent is None and not floats:
        with contextlib.suppress(TypeError):  # (orjson.JSONEncodeError: a lone surrogate)
            return orjson.dumps(value).decode()
    return json.dumps(
        value,
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ": ") if indent is not None else (",", ":"),
    )


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
        if b.created is not None:
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
            {
                "role": META_ROLE,
                "contentType": META_TYPE,
                "value": _dumps(self.meta, floats=holds_float(self.brief.extensions)),
            },
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


@_options.writer
def write(brief: Brief, *, version: str = "3.1", indent: int | None = None) -> str:
    """Write ``brief`` as a ninjs news object: ninjs 3.1, or 2.1 with ``version="2.1"``.

    The same brief always gives the same text; ``indent`` pretty-prints it (0 to 16
    spaces, as for canonical JSON).
    """
    version = _options.choice("version", version, VERSIONS)
    indent = _options.indent(indent)
    with writing_xml(brief):  # (the XHTML body)
        doc = _Writer(brief, version).document()
    floats = holds_float(brief.extensions)  # (the only floats a brief holds)
    return _dumps(_lowered(doc) if version.startswith("2") else doc, indent, floats=floats)
