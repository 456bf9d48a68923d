"""IPTC NewsML-G2: a brief as a NewsML-G2 2.35 ``newsItem``, and news items read back.

The writer emits a ``newsItem`` that validates against IPTC's official XSD: metadata in
``itemMeta`` and ``contentMeta`` and the body as XHTML in ``inlineXML``. Mentions stay
linked to their entities through NewsML-G2's own ``inlineRef``. What the standard has no
element for (judgment confidence, source grading, section roles, extensions…) is written
in the briefmodel extension namespace :data:`BM`, where the XSD allows foreign
attributes and elements. The docs' NewsML-G2 page has the mapping, field by field.

The reader reads briefmodel's own items back to an equal brief, and text items from
other producers (XHTML or NITF bodies) as far as the model can hold them. What it cannot
hold is a loss: an error when reading strictly (the default), a warning with
``strict=False``, when it is kept under ``extensions["briefmodel:unknown"]``.

Input is untrusted: no DTD, no entity expansion, no network, no XInclude, bounded depth
and size (:func:`parse`).

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Grid operators agree reserve rules",
...     created=datetime(2026, 5, 4, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="The rules start in June.")])])
>>> xml = bm.dumps(brief, "newsml")
>>> xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\\n<newsItem')
True
>>> bm.loads(xml, "newsml") == brief
True
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar
from urllib.parse import quote

from lxml import etree

from ..._converter import Invalid, parse_datetime, thaw
from ..._patterns import NODE_ID, new_node_id
from ...errors import BriefmodelWarning, Problem, ValidationError, settle_losses
from ...model import (
    Agent,
    Brief,
    Correction,
    Entity,
    ListItem,
    Paragraph,
    Related,
    Rights,
    Section,
    Source,
    Subject,
)
from .. import Format
from .._safe_xml import (
    BM,
    MAX_BYTES,
    XML_LANG,
    line_of,
    local_name,
    parse,
    refuse,
    sub_text,
)
from .._xhtml import BLOCK_CONTAINERS, NITF, XHTML, BodyReader, BodyWriter

__all__ = [
    "BM",
    "FORMAT",
    "MAX_BYTES",
    "NAR",
    "NITF",
    "XHTML",
    "examine",
    "parse",
    "profile_schema",
    "read",
    "read_all",
    "sniff",
    "write",
]

#: The NewsML-G2 namespace.
NAR = "http://iptc.org/std/nar/2006-10-01/"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
STANDARD_VERSION = "2.35"

_N = "{" + NAR + "}"
_H = "{" + XHTML + "}"
_B = "{" + BM + "}"

#: Entity kinds and the IPTC concept natures (cpnat) they are written as.
ENTITY_NATURES = {
    "person": "cpnat:person",
    "organization": "cpnat:organisation",
    "place": "cpnat:geoArea",
    "event": "cpnat:event",
    "other": "cpnat:object",
}
_KIND_OF_NATURE = {nature: kind for kind, nature in ENTITY_NATURES.items()}
_KIND_OF_NATURE["cpnat:poi"] = "place"
ALIAS_ROLE = "nrol:alternate"
SUMMARY_ROLE = "drol:summary"
KEY_POINT_ROLE = "bmdesc:key-point"

# ======================================================================================
# Writing

_ITEM_NAMESPACES: Any = {None: NAR, "bm": BM}


def _stamp(value: datetime) -> str:
    """An xs:dateTime: the offset as given when XML Schema allows it (±14:00), else UTC."""
    offset = value.utcoffset() or timedelta(0)
    if abs(offset) > timedelta(hours=14):
        value = value.astimezone(timezone.utc)
    return value.isoformat()


def _time(parent: etree._Element, tag: str, value: datetime) -> None:
    element = etree.SubElement(parent, tag)
    element.text = _stamp(value)
    if element.text != value.isoformat():
        element.set(_B + "written", value.isoformat())


_NOT_NORMALIZED = re.compile(r"[\t\n\r]")


def _label(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    """A name or keyword: NewsML-G2 allows no tab or line break in them, so a text that
    has one is written with spaces instead, and exactly in ``bm:text``."""
    element = etree.SubElement(parent, tag, attributes)
    if _NOT_NORMALIZED.search(text):
        element.text = _NOT_NORMALIZED.sub(" ", text)
        element.set(_B + "text", text)
    else:
        element.text = text
    return element


#: URIs that XML Schema's anyURI certainly accepts (the common case, checked quickly).
_SEGMENT = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_PLAIN_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:"
    rf"(?://[A-Za-z0-9.\-]+(?::[0-9]+)?(?:/(?:{_SEGMENT}|/)*)?|(?!/){_SEGMENT}(?:{_SEGMENT}|/)*)"
    rf"(?:\?(?:{_SEGMENT}|[/?])*)?(?:#(?:{_SEGMENT}|[/?])*)?"
)
_ANY_URI = etree.XMLSchema(
    etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="u">'
        b'<xs:complexType><xs:attribute name="v" type="xs:anyURI"/></xs:complexType>'
        b"</xs:element></xs:schema>"
    )
)


_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_URI_SAFE = "!$&'()*+,;=:@/?%~-._"


def _is_any_uri(value: str) -> bool:
    return _PLAIN_URI.fullmatch(value) is not None or _ANY_URI.validate(etree.Element("u", v=value))


def _mended(value: str) -> str:
    """A URI anyURI accepts for one it refuses: stray ``%``, spaces, brackets and a second
    ``#`` percent-encoded, so that it still names the same place wherever it can."""
    head, hash_, fragment = value.partition("#")
    mended = quote(_STRAY_PERCENT.sub("%25", head), safe=_URI_SAFE)
    if hash_:
        mended += "#" + quote(_STRAY_PERCENT.sub("%25", fragment), safe=_URI_SAFE)
    return mended if _is_any_uri(mended) else quote(value, safe="")


def _uri(element: etree._Element, name: str, value: str) -> None:
    """Set a URI attribute. A URI that XML Schema's anyURI refuses (a stray ``%``, two
    ``#``…) is written mended, and exactly in ``bm:{name}``."""
    if _is_any_uri(value):
        element.set(name, value)
    else:
        element.set(name, _mended(value))
        element.set(_B + name, value)


def _agent(parent: etree._Element, tag: str, agent: Agent) -> None:
    element = etree.SubElement(parent, tag)
    if agent.uri is not None:
        _uri(element, "uri", agent.uri)
    if agent.role is not None:
        element.set(_B + "role", agent.role)
    if agent.affiliation is not None:
        element.set(_B + "affiliation", agent.affiliation)
    _label(element, _N + "name", agent.name)


class _Writer(BodyWriter):
    """One brief being written as a news item."""

    # -- the item ------------------------------------------------------------------

    def item(self) -> etree._Element:
        b = self.brief
        root = etree.Element(
            _N + "newsItem",
            nsmap=_ITEM_NAMESPACES,
            attrib={
                "guid": b.id,
                "version": str(b.version),
                "standard": "NewsML-G2",
                "standardversion": STANDARD_VERSION,
                "conformance": "power",
                XML_LANG: b.language,
            },
        )
        etree.SubElement(root, _N + "catalogRef", href=IPTC_CATALOG)
        catalog = etree.SubElement(root, _N + "catalog")
        etree.SubElement(catalog, _N + "scheme", alias="bmdesc", uri=BM + ":description-role:")
        if b.rights is not None:
            self.rights(root, b.rights)
        self.item_meta(root)
        self.content_meta(root)
        body = self.body()
        for ref, ids in self.mentions.items():
            etree.SubElement(root, _N + "inlineRef", idrefs=" ".join(ids), literal=ref)
        content_set = etree.SubElement(root, _N + "contentSet")
        inline = etree.SubElement(
            content_set, _N + "inlineXML", contenttype="application/xhtml+xml"
        )
        inline.append(body)
        return root

    def rights(self, root: etree._Element, rights: Rights) -> None:
        info = etree.SubElement(root, _N + "rightsInfo")
        if rights.holder is not None:
            holder = etree.SubElement(info, _N + "copyrightHolder")
            _label(holder, _N + "name", rights.holder)
        if rights.notice is not None:
            sub_text(info, _N + "copyrightNotice", rights.notice)
        if rights.usage_terms is not None:
            sub_text(info, _N + "usageTerms", rights.usage_terms)
        if rights.license_url is not None:
            link = etree.SubElement(info, _N + "link", rel="bmdesc:license")
            _uri(link, "href", rights.license_url)

    def item_meta(self, root: etree._Element) -> None:
        b = self.brief
        meta = etree.SubElement(root, _N + "itemMeta")
        etree.SubElement(meta, _N + "itemClass", qcode="ninat:text")
        if b.publisher is not None:
            _agent(meta, _N + "provider", b.publisher)
        else:
            etree.SubElement(meta, _N + "provider", literal="unknown")
        _time(meta, _N + "versionCreated", b.updated or b.created)
        _time(meta, _N + "firstCreated", b.created)
        if b.embargo_until is not None:
            _time(meta, _N + "embargoed", b.embargo_until)
        etree.SubElement(meta, _N + "pubStatus", qcode="stat:" + b.status)
        generator = sub_text(meta, _N + "generator", "briefmodel")
        generator.set("versioninfo", "1")
        for correction in b.corrections:
            signal = etree.SubElement(meta, _N + "signal", qcode="sig:" + correction.signal)
            note = sub_text(signal, _B + "note", correction.note)
            if correction.date is not None:
                note.set("date", correction.date.isoformat())
        for related in b.related:
            link = etree.SubElement(meta, _N + "link", rel="irel:seeAlso")
            _uri(link, "href", related.url)
            if related.title is not None:
                link.set("title", related.title)
            if related.rel is not None:
                link.set(_B + "rel", related.rel)

    def content_meta(self, root: etree._Element) -> None:
        b = self.brief
        meta = etree.SubElement(root, _N + "contentMeta")
        if b.urgency is not None:
            sub_text(meta, _N + "urgency", str(b.urgency))
        _time(meta, _N + "contentCreated", b.created)
        if b.updated is not None:
            _time(meta, _N + "contentModified", b.updated)
        for source in b.sources:
            self.source(meta, source)
        for author in b.authors:
            _agent(meta, _N + "creator", author)
        etree.SubElement(meta, _N + "language", tag=b.language)
        if b.genre is not None:
            genre = etree.SubElement(meta, _N + "genre")
            _label(genre, _N + "name", b.genre)
        for keyword in b.keywords:
            _label(meta, _N + "keyword", keyword)
        for subject in b.subjects:
            self.subject(meta, subject)
        for entity in b.entities:
            self.entity(meta, entity)
        sub_text(meta, _N + "headline", b.headline)
        if b.subheadline is not None:
            sub_text(meta, _N + "description", b.subheadline, role=SUMMARY_ROLE)
        for point in b.key_points:
            text = _plain(point)
            if text:
                sub_text(meta, _N + "description", text, role=KEY_POINT_ROLE)
        for key, value in b.extensions.items():
            extension = sub_text(meta, _B + "extension", _json(value))
            extension.set("key", key)

    def source(self, meta: etree._Element, source: Source) -> None:
        element = etree.SubElement(meta, _N + "infoSource", literal=source.id)
        if source.url is not None:
            _uri(element, "uri", source.url)
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
        _label(element, _N + "name", source.title)

    def subject(self, meta: etree._Element, subject: Subject) -> None:
        element = etree.SubElement(meta, _N + "subject")
        if subject.code is not None:
            element.set("qcode", subject.code)
        if subject.uri is not None:
            _uri(element, "uri", subject.uri)
        if subject.relevance is not None:
            element.set("relevance", str(subject.relevance))
        if subject.confidence is not None:
            element.set("confidence", str(subject.confidence))
        if subject.name is not None:
            _label(element, _N + "name", subject.name)

    def entity(self, meta: etree._Element, entity: Entity) -> None:
        element = etree.SubElement(
            meta, _N + "subject", type=ENTITY_NATURES[entity.kind], literal=entity.id
        )
        _label(element, _N + "name", entity.name)
        for alias in entity.aliases:
            _label(element, _N + "name", alias, role=ALIAS_ROLE)
        for scheme, value in entity.identifiers.items():
            sub_text(element, _B + "identifier", value, scheme=scheme)


def _plain(item: ListItem) -> str:
    from ...model import plain_text

    return " ".join(plain_text(item.content).split())


def _json(value: Any) -> str:
    return json.dumps(thaw(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _indent(element: etree._Element, level: int) -> None:
    """Indent for reading, only where white space means nothing: between metadata
    elements, and between blocks in the body, never inside text."""
    children = list(element)
    if not children or (element.text and element.text.strip()):
        return
    if element.tag.startswith(_H) and element.tag not in BLOCK_CONTAINERS:
        return
    if element.tag == _N + "inlineXML" or element.tag in BLOCK_CONTAINERS or not element.text:
        pad = "\n" + "  " * (level + 1)
        element.text = pad
        for child in children:
            _indent(child, level + 1)
            child.tail = pad
        children[-1].tail = "\n" + "  " * level


def write(brief: Brief, *, pretty: bool = False) -> str:
    """Write ``brief`` as a NewsML-G2 2.35 ``newsItem`` (UTF-8 XML text).

    The same brief always gives the same text. ``pretty=True`` indents elements for
    reading, only where white space carries no meaning.
    """
    root = _Writer(brief).item()
    if pretty:
        _indent(root, 0)
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


# ======================================================================================
# Reading

UNKNOWN_KEY = "briefmodel:unknown"
_ID = NODE_ID.regex  # section, entity and source ids
_DROPPED_SILENTLY = frozenset({"catalogRef", "catalog", "generator"})


class _Reader(BodyReader):
    """One news item being read: what it has lost and how its parts are linked."""

    loss_code = "newsml.dropped"
    plain_namespaces = (_N, _H)

    def __init__(self, root: etree._Element, *, strict: bool) -> None:
        super().__init__(root, strict=strict, own=_is_own(root))
        self.fields: dict[str, Any] = {"extensions": {}}
        self.concepts: dict[tuple[str, str], str] = {}  # (kind, identifier) -> entity id
        self.taken_ids: set[str] = set()

    # -- values ----------------------------------------------------------------------

    def uri(self, element: etree._Element, name: str = "uri") -> str | None:
        exact = element.get(_B + name)
        return exact if exact is not None else element.get(name)

    def label(self, element: etree._Element) -> str:
        exact = element.get(_B + "text")
        return exact if exact is not None else self.text(element)

    def name(self, element: etree._Element) -> str | None:
        for child in element.iterchildren(_N + "name"):
            if child.get("role") is None:
                return self.label(child)
        first = element.find(_N + "name")
        return None if first is None else self.label(first)

    def time(self, element: etree._Element) -> datetime | None:
        text = element.get(_B + "written") or (element.text or "").strip()
        try:
            return parse_datetime(text)
        except Invalid:
            pass
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?", text)
        if match is None:
            self.fail(element, "datetime.invalid", f"{text[:40]!r} is not a date-time")
            return None
        self.lose(
            element,
            f"the time zone of <{local_name(element.tag)}> {text!r} (UTC assumed)",
            keep=False,
        )
        year, month, day, hour, minute, second = (int(p or 0) for p in match.groups()[:6])
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
        except ValueError:
            self.fail(element, "datetime.invalid", f"{text!r} is not a valid date")
            return None

    def integer(self, element: etree._Element, value: str | None) -> int | None:
        if value is None:
            return None
        try:
            return int(value.strip())
        except ValueError:
            self.lose(element, f"the value {value[:40]!r}, which is not an integer", keep=False)
            return None

    def new_id(self, *candidates: str | None) -> str:
        return new_node_id(candidates, self.taken_ids)

    # -- the item --------------------------------------------------------------------

    def brief(self) -> Brief:
        root = self.root
        fields = self.fields
        fields["id"] = root.get("guid")
        if fields["id"] is None:
            self.fail(root, "schema.required", "the newsItem has no guid")
        version = self.integer(root, root.get("version"))
        if version is not None:
            fields["version"] = version
        language = root.get(XML_LANG)
        sections: tuple[Section, ...] = ()
        handlers = self._ITEM
        # Links between mentions and entities first: the body needs them.
        pending: dict[str, tuple[str, str]] = {}
        for ref in root.iterchildren(_N + "inlineRef"):
            concept = self.concept_key(ref)
            for ident in (ref.get("idrefs") or "").split():
                pending[ident] = concept  # resolved to entity ids below
        for child in root:
            local = local_name(child.tag)
            if child.tag == _N + "contentSet":
                continue
            handler = handlers.get(child.tag)
            if handler is not None:
                handler(self, child)
            elif local not in _DROPPED_SILENTLY or not child.tag.startswith(_N):
                self.lose_element(child)
        self.mentions = {
            ident: self.concepts[key] for ident, key in pending.items() if key in self.concepts
        }
        self.headline = fields.get("headline")
        content = root.find(_N + "contentSet")
        if content is not None:
            sections = self.content_set(content)
        if not sections:
            sections = (Section(),)
        fields["sections"] = sections
        if language is None:
            language = fields.pop("_language", None)
        fields.pop("_language", None)
        if language is not None:
            fields["language"] = language
        if "created" not in fields:
            for key in ("_content_created", "_version_created"):
                if fields.get(key) is not None:
                    fields["created"] = fields[key]
                    break
        if "updated" not in fields and not self.own:
            version_created = fields.get("_version_created")
            if version_created is not None and version_created != fields.get("created"):
                fields["updated"] = version_created
        for key in [k for k in fields if k.startswith("_")]:
            del fields[key]
        if "headline" not in fields:
            self.fail(root, "schema.required", "the newsItem has no headline")
        if "created" not in fields:
            self.fail(root, "schema.required", "the newsItem has no creation date")
        if self.unknown:
            fields["extensions"][UNKNOWN_KEY] = self.unknown
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        brief = self.build(root, Brief, **fields)
        if brief is None:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def concept_key(self, element: etree._Element) -> tuple[str, str]:
        for kind in ("literal", "qcode", "uri"):
            value = element.get(kind)
            if value is not None:
                return (kind, value)
        return ("", "")

    def rights(self, element: etree._Element) -> None:
        fields: dict[str, Any] = {}
        for child in element:
            tag = local_name(child.tag)
            if tag == "copyrightHolder" and "holder" not in fields:
                fields["holder"] = self.name(child) or child.get("literal") or child.get("uri")
            elif tag == "copyrightNotice" and "notice" not in fields:
                fields["notice"] = self.text(child)
            elif tag == "usageTerms" and "usage_terms" not in fields:
                fields["usage_terms"] = self.text(child)
            elif tag == "link" and "license_url" not in fields and child.get("href"):
                fields["license_url"] = self.uri(child, "href")
            else:
                self.lose_element(child)
        if "rights" in self.fields:
            self.lose_element(element)
        else:
            self.fields["rights"] = self.build(element, Rights, droppable=True, **fields)

    def item_meta(self, element: etree._Element) -> None:
        fields = self.fields
        corrections: list[Correction] = []
        related: list[Related] = []
        for child in element:
            tag = local_name(child.tag) if child.tag.startswith(_N) else ""
            if tag == "itemClass":
                if child.get("qcode") not in ("ninat:text", None):
                    self.lose(child, f"the item class {child.get('qcode')!r}", keep=False)
            elif tag == "provider":
                if self.own:
                    name = self.name(child)
                else:  # another producer's provider may be known by its code alone
                    name = self.name(child) or child.get("literal") or child.get("qcode")
                    name = name or self.uri(child)
                if name is not None:
                    fields["publisher"] = self.agent(child, name)
            elif tag == "versionCreated":
                fields["_version_created"] = self.time(child)
            elif tag == "firstCreated":
                fields["created"] = self.time(child)
            elif tag == "embargoed":
                if (child.text or "").strip():
                    fields["embargo_until"] = self.time(child)
            elif tag == "pubStatus":
                status = (child.get("qcode") or "").partition(":")[2]
                fields["status"] = status
            elif tag == "signal" and child.find(_B + "note") is not None:
                note = child.find(_B + "note")
                assert note is not None
                date = note.get("date")
                correction = self.build(
                    child,
                    Correction,
                    droppable=True,
                    signal=(child.get("qcode") or "").partition(":")[2],
                    note=note.text or "",
                    date=self.time_attribute(note, date),
                )
                if correction is not None:
                    corrections.append(correction)
            elif tag == "link" and child.get("href"):
                link = self.build(
                    child,
                    Related,
                    droppable=True,
                    url=self.uri(child, "href"),
                    title=child.get("title"),
                    rel=child.get(_B + "rel") if self.own else self.relation(child),
                )
                if link is not None:
                    related.append(link)
            elif tag == "generator":
                continue
            else:
                self.lose_element(child)
        fields["corrections"] = corrections
        fields["related"] = related

    def relation(self, link: etree._Element) -> str | None:
        """Another producer's link relation, by its code: ``irel:seeAlso`` is ``seeAlso``."""
        code = (link.get("rel") or "").partition(":")[2]
        return code if _ID.match(code) else None

    def time_attribute(self, element: etree._Element, value: str | None) -> datetime | None:
        if value is None:
            return None
        try:
            return parse_datetime(value)
        except Invalid as error:
            self.fail(element, error.code, error.message)
            return None

    def agent(self, element: etree._Element, name: str) -> Agent | None:
        return self.build(  # type: ignore[no-any-return]
            element,
            Agent,
            droppable=True,
            name=name,
            uri=self.uri(element),
            role=element.get(_B + "role"),
            affiliation=element.get(_B + "affiliation"),
        )

    def content_meta(self, element: etree._Element) -> None:
        fields = self.fields
        lists: dict[str, list[Any]] = {
            "sources": [],
            "authors": [],
            "keywords": [],
            "subjects": [],
            "entities": [],
        }
        for child in element:
            tag = child.tag
            local = local_name(tag)
            if not tag.startswith(_N):
                if tag == _B + "extension" and child.get("key"):
                    self.extension(child)
                else:
                    self.lose_element(child)
            elif local == "urgency":
                fields["urgency"] = self.integer(child, child.text)
            elif local == "contentCreated":
                fields["_content_created"] = self.time(child)
                first = fields.get("created")
                if first is not None and first != fields["_content_created"]:
                    self.lose(child, f"<contentCreated> {child.text!r}, other than <firstCreated>")
            elif local == "contentModified":
                fields["updated"] = self.time(child)
            elif local == "infoSource":
                lists["sources"].append(self.source(child))
            elif local == "creator":
                name = self.name(child)
                if name is None:
                    self.lose_element(child)
                else:
                    lists["authors"].append(self.agent(child, name))
            elif local == "language" and "_language" not in fields:
                fields["_language"] = child.get("tag")
            elif local == "genre" and "genre" not in fields:
                fields["genre"] = self.name(child) or child.get("literal") or child.get("qcode")
            elif local == "keyword":
                keyword = self.label(child)
                if keyword:
                    lists["keywords"].append(keyword)
                else:
                    self.lose(child, "an empty <keyword>", keep=False)
            elif local == "subject":
                if child.get("type") in _KIND_OF_NATURE:
                    lists["entities"].append(self.entity(child))
                else:
                    lists["subjects"].append(self.subject(child))
            elif local == "headline" and "headline" not in fields:
                fields["headline"] = self.text(child)
            elif local == "description":
                role = child.get("role")
                if role == KEY_POINT_ROLE and self.own:
                    continue
                if role == SUMMARY_ROLE and "subheadline" not in fields:
                    fields["subheadline"] = self.text(child)
                else:
                    self.lose_element(child)
            else:
                self.lose_element(child)
        for key, values in lists.items():
            fields[key] = [v for v in values if v is not None]

    def extension(self, element: etree._Element) -> None:
        try:
            value = json.loads(element.text or "")
        except ValueError:
            self.fail(element, "parse.syntax", "a bm:extension does not hold JSON")
            return
        self.fields["extensions"][element.get("key")] = value

    def source(self, element: etree._Element) -> Source | None:
        ident = element.get("literal")
        if not (self.own and ident):
            ident = self.new_id(ident, element.get("qcode"), element.get("uri"), "source")
        self.taken_ids.add(ident)
        title = self.name(element) or element.get("qcode") or element.get("uri") or ident
        return self.build(  # type: ignore[no-any-return]
            element,
            Source,
            droppable=True,
            id=ident,
            title=title,
            url=self.uri(element),
            publisher=element.get(_B + "publisher"),
            published=self.time_attribute(element, element.get(_B + "published")),
            accessed=self.time_attribute(element, element.get(_B + "accessed")),
            reliability=element.get(_B + "reliability"),
            credibility=self.integer(element, element.get(_B + "credibility")),
        )

    def subject(self, element: etree._Element) -> Subject | None:
        if element.get("qcode") is None and element.get("uri") is None:
            self.lose_element(element)
            return None
        return self.build(  # type: ignore[no-any-return]
            element,
            Subject,
            droppable=True,
            code=element.get("qcode"),
            uri=self.uri(element),
            name=self.name(element),
            relevance=self.integer(element, element.get("relevance")),
            confidence=self.integer(element, element.get("confidence")),
        )

    def entity(self, element: etree._Element) -> Entity | None:
        key = self.concept_key(element)
        literal = element.get("literal")
        if self.own and literal:
            ident = literal
        else:
            ident = self.new_id(literal, element.get("qcode"), element.get("uri"), "entity")
        self.taken_ids.add(ident)
        names: list[str] = []
        aliases: list[str] = []
        identifiers: dict[str, str] = {}
        for child in element:
            if child.tag == _N + "name":
                (aliases if child.get("role") == ALIAS_ROLE or names else names).append(
                    self.label(child)
                )
            elif child.tag == _B + "identifier" and child.get("scheme"):
                identifiers[child.get("scheme", "")] = child.text or ""
            else:
                self.lose_element(child)
        if not self.own:
            qcode = element.get("qcode")
            if qcode and ":" in qcode:
                scheme, _, code = qcode.partition(":")
                identifiers.setdefault(scheme, code)
            if element.get("uri"):
                identifiers.setdefault("uri", element.get("uri", ""))
        name = names[0] if names else (element.get("qcode") or element.get("uri") or ident)
        entity: Entity | None = self.build(
            element,
            Entity,
            droppable=True,
            id=ident,
            kind=_KIND_OF_NATURE[element.get("type", "")],
            name=name,
            aliases=aliases,
            identifiers=identifiers,
        )
        if entity is not None:  # mentions of an entity that was dropped stay plain text
            self.concepts[key] = ident
        return entity

    _ITEM: ClassVar[dict[str, Callable[[_Reader, etree._Element], None]]] = {}

    # -- the body --------------------------------------------------------------------

    def content_set(self, element: etree._Element) -> tuple[Section, ...]:
        sections: list[Section] = []
        for child in element:
            kind = child.get("contenttype", "")
            local = local_name(child.tag)
            if sections:
                self.lose(child, f"another <{local}> ({kind})", keep=False)
            elif local == "inlineXML" and len(child):
                sections = self.xml_body(child[0])
                for extra in list(child)[1:]:
                    self.lose(extra, f"a second body <{local_name(extra.tag)}>", keep=False)
            elif local == "inlineData" and kind.startswith("text/plain"):
                paragraphs = [p for p in re.split(r"\n\s*\n", child.text or "") if p.strip()]
                sections = [
                    Section(blocks=[Paragraph(content=" ".join(p.split())) for p in paragraphs])
                ]
            else:
                self.lose(child, f"<{local}> content ({kind or 'no content type'})", keep=False)
        return tuple(sections)


_Reader._ITEM = {
    _N + "rightsInfo": _Reader.rights,
    _N + "itemMeta": _Reader.item_meta,
    _N + "contentMeta": _Reader.content_meta,
    _N + "inlineRef": lambda reader, element: None,
}


def _read_item(root: etree._Element, strict: bool) -> tuple[Brief, list[Problem]]:
    if root.tag != _N + "newsItem":
        raise refuse(
            "parse.not-newsml",
            f"the root element is <{local_name(root.tag)}>, not a NewsML-G2 <newsItem>"
            + ("; read a newsMessage with load_all()" if root.tag == _N + "newsMessage" else ""),
            line_of(root),
        )
    reader = _Reader(root, strict=strict)
    brief = reader.brief()
    return brief, reader.losses


def _settle(brief: Brief, losses: list[Problem], strict: bool) -> Brief:
    settle_losses(losses, strict=strict, stacklevel=4)
    return brief


def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Read a NewsML-G2 ``newsItem`` into a brief (without running the semantic rules).

    Strict by default: anything the model cannot hold is an error. With
    ``strict=False`` it is dropped with a :class:`~briefmodel.BriefmodelWarning`, and
    unknown metadata is kept under ``extensions["briefmodel:unknown"]`` as XML text,
    keyed by its XPath.
    """
    brief, losses = _read_item(parse(data), strict)
    return _settle(brief, losses, strict)


def read_all(data: str | bytes, *, strict: bool = True) -> Iterator[Brief]:
    """Every news item of a ``newsMessage`` (or the one ``newsItem``), in order.

    Reading strictly, the first item that cannot be read raises. With ``strict=False``
    an item that cannot be read (a package, or a news item without a headline) is passed
    over with a :class:`~briefmodel.BriefmodelWarning` that says why.
    """
    root = parse(data)
    if root.tag != _N + "newsMessage":
        yield _read_checked(root, strict)
        return
    for item in root.iterfind(f"{_N}itemSet/*"):
        if item.tag != _N + "newsItem":
            problem = Problem(
                severity="error" if strict else "warning",
                code="newsml.dropped",
                message=f"a <{local_name(item.tag)}> in the newsMessage is not a news item",
                line=line_of(item),
            )
            if strict:
                raise ValidationError([problem])
            warnings.warn(BriefmodelWarning(str(problem)), stacklevel=2)
            continue
        if strict:
            yield _read_checked(item, strict)
            continue
        try:
            brief = _read_checked(item, strict)
        except ValidationError as error:
            shown = "; ".join(str(p) for p in error.problems if p.severity == "error")
            warnings.warn(
                BriefmodelWarning(f"the news item at line {line_of(item)} is passed over: {shown}"),
                stacklevel=2,
            )
            continue
        yield brief


def _read_checked(root: etree._Element, strict: bool) -> Brief:
    brief, losses = _read_item(root, strict)
    return _settle(brief, losses, strict)


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a NewsML-G2 document, for :func:`briefmodel.validate`.

    The document is checked against ``xsd`` (a path to an XSD file or an
    :class:`lxml.etree.XMLSchema`), each problem with its line. Without ``xsd``,
    briefmodel's own items (``generator`` briefmodel) are checked against its NewsML-G2
    profile (:func:`profile_schema`); other producers' items are not, since the profile
    describes what briefmodel writes: what of theirs the model cannot hold is reported as
    losses instead. A document that passes is read leniently, its losses as warnings.
    """
    root = parse(data)
    if xsd is not None or _is_own(root):
        schema = _schema(xsd)
        try:
            valid = schema.validate(root)
        except etree.Error as error:  # libxml2 gave up: report it, never raise it
            return [refuse("xsd.invalid", f"XML Schema validation failed: {error}").problem], None
        if not valid:
            return [
                Problem(
                    severity="error",
                    code="xsd.invalid",
                    message=_readable(entry.message),
                    line=entry.line or None,
                    column=entry.column or None,
                )
                for entry in schema.error_log  # type: ignore[attr-defined]
            ], None
    try:
        brief, losses = _read_item(root, strict=False)
    except ValidationError as error:
        return list(error.problems), None
    return losses, brief


def _is_own(root: etree._Element) -> bool:
    generator = root.find(f"{_N}itemMeta/{_N}generator")
    return generator is not None and generator.text == "briefmodel"


_PREFIXES = {"{" + NAR + "}": "", "{" + XHTML + "}": "xhtml:", "{" + BM + "}": "bm:"}
_CLARK = re.compile(r"\{[^}]*\}")


def _readable(message: str) -> str:
    """An XML Schema message with namespaces as prefixes instead of {uri}."""
    return _CLARK.sub(lambda m: _PREFIXES.get(m.group(0), m.group(0)), message)


def _schema(xsd: Any) -> etree.XMLSchema:
    if isinstance(xsd, etree.XMLSchema):
        return xsd
    if xsd is None:
        return profile_schema()
    try:
        document = etree.parse(str(xsd), etree.XMLParser(no_network=True, resolve_entities=False))
        return etree.XMLSchema(document)
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise refuse("xsd.unusable", f"cannot use the XSD {str(xsd)!r}: {error}") from None


_PROFILE: list[etree.XMLSchema] = []


def profile_schema() -> etree.XMLSchema:
    """briefmodel's NewsML-G2 profile (``schemas/newsml-profile.xsd``): what it writes."""
    if not _PROFILE:
        from importlib.resources import as_file, files

        with as_file(files("briefmodel") / "schemas" / "newsml-profile.xsd") as path:
            _PROFILE.append(_schema(path))
    return _PROFILE[0]


def sniff(text: str) -> bool:
    """True when the text looks like a NewsML-G2 item or message."""
    head = text.lstrip("\ufeff \t\r\n")
    return head.startswith("<") and NAR in head[:4096]


FORMAT = Format(
    name="newsml",
    suffixes=(".xml", ".newsml"),
    media_type="application/vnd.iptc.g2.newsitem+xml",
    read=read,
    write=write,
    sniff=sniff,
    description="IPTC NewsML-G2 2.35 newsItem (lossless for what briefmodel writes)",
    read_all=read_all,
    examine=examine,
)
