"""The lean path of the ninjs reader: briefmodel's own ninjs document, exactly as
:mod:`.write` writes it, read with orjson straight into canonical JSON data and built by
the generated builder (:func:`briefmodel._generated.builder`).

The XHTML body is parsed by the safe parser and read by the lean body reader
(:class:`.._xhtml.lean.Body`, shared with NewsML-G2's lean path), which takes only what
the writer writes, in its order and spelling (and, the body being written on one line,
no white space between elements). The rest of the document is mapped to canonical JSON
without a question asked, for the brief built from it is then written again (but its
body, read exactly already) and the two must be the same JSON, keys in the same order,
true not 1: the very test by which the general reader finds nothing lost
(:func:`._unread.unwritten`). A key given twice, which orjson reads by its last value, is
found as canonical JSON's lean path finds it (:func:`..json.read._quick_parse`).
Anything else is *doubt* (:class:`~briefmodel._generated.Doubt`, or any exception), and
the general reader reads the document as before, with its reports of what is lost.

A brief read so is vouched for as ``xml-safe`` (:func:`briefmodel._walks.vouch`) when no
string of the document can hold a character XML cannot carry: orjson takes none
unescaped but U+FFFE and U+FFFF, and of the escapes only ``\\b``, ``\\f`` and ``\\u``
(in the document or in the metadata body's JSON inside it) can write one.
"""

from __future__ import annotations

from typing import Any

import orjson

from ..._generated import Doubt, builder
from ..._walks import vouch
from ...model import Brief
from .._safe_xml import XML_LANG, Stripped
from .._safe_xml import parse as parse_xml
from .._xhtml import XHTML
from .._xhtml.lean import Body, blank, leaf
from ..json.read import _DOUBT, _quick_parse
from ._vocab import _KIND_OF, BODY_TYPE, META_ROLE, META_TYPE, PUBLISHER_ROLE
from .write import _Writer

__all__ = ["read_own"]

_H = "{" + XHTML + "}"


def read_own(text: str | bytes) -> Brief | None:
    """The brief of ``text``, briefmodel's own ninjs (3.1) exactly as it writes it; None
    when anything in it is not (the general reader decides)."""
    try:
        return _Lean(text).brief()
    except Exception:  # noqa: BLE001 - any doubt: the general reader decides
        return None


class _Again(_Writer):
    """The writer, but for the XHTML body, which is the document's (read exactly)."""

    def __init__(self, brief: Brief, body: str) -> None:
        super().__init__(brief, "3.1")
        self.found_body = body

    def body(self) -> str:
        return self.found_body


class _Lean:
    """One own ninjs document being read into canonical JSON data."""

    __slots__ = ("data", "doc", "exact", "meta", "text")

    def __init__(self, text: str | bytes) -> None:
        self.text = text
        self.data: dict[str, Any] = {"schema": "briefmodel/2"}
        self.doc: dict[str, Any] = {}
        self.meta: dict[str, Any] = {}
        self.exact: dict[str, str] = {}

    def brief(self) -> Brief:
        doc = _quick_parse(self.text)
        if doc is _DOUBT or type(doc) is not dict:
            raise Doubt
        self.doc = doc
        main, own = doc["bodies"]
        if (
            main["role"] != "main"
            or main["contentType"] != BODY_TYPE
            or own["role"] != META_ROLE
            or own["contentType"] != META_TYPE
        ):
            raise Doubt
        self.meta = meta = orjson.loads(own["value"])  # (written again below: exact)
        self.exact = meta.get("exact", {})
        data = self.data
        data["id"] = self.uri("/uri", doc["uri"])
        data["version"] = int(doc["version"])
        data["created"] = doc["firstCreated"]  # (an undated document: the general reader's)
        for key, field in _PLAIN.items():
            if key in doc:
                data[field] = doc[key]
        for headline in doc["headlines"]:
            data["headline" if headline["role"] == "main" else "subheadline"] = headline["value"]
        self.agents_and_entities()
        self.subjects()
        self.sources()
        if "genres" in doc:
            data["genre"] = doc["genres"][0]["name"]
        self.related()
        self.rights()
        for key in ("corrections", "extensions"):
            if key in meta:
                data[key] = meta[key]
        body = self.body(main["value"])
        brief = builder()(data)
        # The body's mention ids were read as mention-0, mention-1…: the writer's unless a
        # section's id starts so (then the general reader decides).
        if body.count and any(t.startswith("mention-") for t in body.ids):
            raise Doubt
        if orjson.dumps(doc) != orjson.dumps(_Again(brief, main["value"]).document()):
            raise Doubt  # (anything the writer does not write for the brief read)
        return vouch(brief, "xml-safe") if _xml_safe(self.text) else brief

    def uri(self, where: str, shown: str) -> str:
        """A URI: the exact one of the metadata body where the writer mended it."""
        return self.exact.get(where, shown)

    def agents_and_entities(self) -> None:
        doc, meta = self.doc, self.meta
        authors: list[dict[str, Any]] = []
        entities: list[dict[str, Any]] = []
        notes = meta.get("entities", {})
        for prop, kind in _KIND_OF.items():
            for index, item in enumerate(doc.get(prop, ())):
                if prop == "people" and item.get("rel") == "author":
                    author = {"name": item["name"]}
                    if "uri" in item:
                        author["uri"] = self.uri(f"/people/{index}/uri", item["uri"])
                    author.update(meta.get("authors", {}).get(str(len(authors)), {}))
                    authors.append(author)
                    continue
                ident = item["literal"]
                entity = {"id": ident, "kind": kind, "name": item["name"]}
                note = notes.get(ident, {})
                if "aliases" in note:
                    entity["aliases"] = note["aliases"]
                identifiers = dict(note.get("identifiers", {}))
                if "uri" in item:
                    identifiers["uri"] = self.uri(f"/{prop}/{index}/uri", item["uri"])
                if identifiers:
                    entity["identifiers"] = dict(sorted(identifiers.items()))
                entities.append(entity)
        if "entityOrder" in meta:
            by_id = {entity["id"]: entity for entity in entities}
            entities = [by_id[ident] for ident in meta["entityOrder"]]
        if authors:
            self.data["authors"] = authors
        if entities:
            self.data["entities"] = entities

    def subjects(self) -> None:
        subjects: list[dict[str, Any]] = []
        keywords: list[str] = []
        for index, item in enumerate(self.doc.get("subjects", ())):
            if item.get("rel") == "keyword":
                keywords.append(item["name"])
                continue
            subject = {_SUBJECT.get(k, k): v for k, v in item.items()}
            if "uri" in subject:
                subject["uri"] = self.uri(f"/subjects/{index}/uri", subject["uri"])
            subjects.append(subject)
        if subjects:
            self.data["subjects"] = subjects
        if keywords:
            self.data["keywords"] = keywords

    def sources(self) -> None:
        meta = self.meta
        sources: list[dict[str, Any]] = []
        notes = meta.get("sources", {})
        for index, item in enumerate(self.doc.get("infoSources", ())):
            if item.get("role") == PUBLISHER_ROLE and index == 0:
                agent = {"name": item["name"]}
                if "uri" in item:
                    agent["uri"] = self.uri("/infoSources/0/uri", item["uri"])
                agent.update(meta.get("publisher", {}))
                self.data["publisher"] = agent
                continue
            source = {"id": item["literal"], "title": item["name"]}
            if "uri" in item:
                source["url"] = self.uri(f"/infoSources/{index}/uri", item["uri"])
            source.update(notes.get(item["literal"], {}))
            sources.append(source)
        if sources:
            self.data["sources"] = sources

    def related(self) -> None:
        related: list[dict[str, Any]] = []
        for index, item in enumerate(self.doc.get("associations", ())):
            link = {"url": self.uri(f"/associations/{index}/uri", item["uri"])}
            if "rel" in item:
                link["rel"] = item["rel"]
            if "headlines" in item:
                link["title"] = item["headlines"][0]["value"]
            related.append(link)
        if related:
            self.data["related"] = related

    def rights(self) -> None:
        doc = self.doc
        rights = {field: doc[key] for key, field in _RIGHTS.items() if key in doc}
        if "rightsInfo" in doc:
            linked = doc["rightsInfo"]["linkedRights"]
            rights["license_url"] = self.uri("/rightsInfo/linkedRights", linked)
        if rights or "rights" in self.meta:
            self.data["rights"] = rights

    def body(self, value: str) -> Body:
        """The sections of the XHTML body, read exactly (the writer writes it on one line,
        its root's language and title the document's)."""
        stripped: list[Stripped] = []
        html = parse_xml(value, stripped=stripped)
        data = self.data
        language = data["language"]
        if (
            stripped
            or html.tag != _H + "html"
            or len(html.attrib) != 2
            or html.get("lang") != language
            or html.get(XML_LANG) != language
            or len(html) != 2
        ):
            raise Doubt
        blank(html, "")
        head, body = html
        if head.tag != _H + "head" or len(head.attrib) or len(head) != 1:
            raise Doubt
        blank(head, "")
        title = head[0]
        if title.tag != _H + "title" or leaf(title, 0) != data["headline"]:
            raise Doubt
        if body.tag != _H + "body" or len(body.attrib) or not len(body):
            raise Doubt
        blank(body, "")
        reader = Body(None, indented=False)
        data["sections"] = [reader.section(child, 2) for child in body]
        return reader


def _xml_safe(text: str | bytes) -> bool:
    """Whether every string of a document orjson read (and of the metadata body's JSON in
    it) is one XML 1.0 can carry."""
    if isinstance(text, str):
        return not any(s in text for s in ("\\u", "\\b", "\\f", "\ufffe", "\uffff"))
    return not any(s in text for s in (b"\\u", b"\\b", b"\\f", b"\xef\xbf\xbe", b"\xef\xbf\xbf"))


#: The document's properties that are the brief's fields as they are.
_PLAIN = {
    "versionCreated": "updated",
    "embargoedUntil": "embargo_until",
    "pubStatus": "status",
    "urgency": "urgency",
    "language": "language",
}
_RIGHTS = {"copyrightHolder": "holder", "copyrightNotice": "notice", "usageTerms": "usage_terms"}
_SUBJECT = {"literal": "code"}
