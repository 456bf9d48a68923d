"""Writing a brief as a NewsML-G2 ``newsItem``: metadata in ``itemMeta`` and ``contentMeta``,
the body as XHTML in ``inlineXML``, and what the standard cannot hold in the :data:`BM`
namespace, every value in a form IPTC's XSD accepts."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

from lxml import etree

from ... import _options
from ...errors import Problem, ValidationError
from ...model import Agent, Brief, Entity, ListItem, Rights, Source, Subject
from ...model.frozen import thaw
from .._safe_xml import BM, XML_LANG, sub_text, writing_xml
from .._xhtml import BLOCK_CONTAINERS, BodyWriter
from ._vocab import (
    _B,
    _H,
    _N,
    ALIAS_ROLE,
    ENTITY_NATURES,
    IPTC_CATALOG,
    KEY_POINT_ROLE,
    NAR,
    STANDARD_VERSION,
    SUMMARY_ROLE,
)

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
        assert b.created is not None  # write() refuses an undated brief
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
        assert b.created is not None
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


@_options.writer
def write(brief: Brief, *, pretty: bool = False) -> str:
    """Write ``brief`` as a NewsML-G2 2.35 ``newsItem`` (UTF-8 XML text).

    The same brief always gives the same text. ``pretty=True`` indents elements for
    reading, only where white space carries no meaning. An undated brief (``created`` is
    None) cannot be written: a NewsML-G2 item must say when it was created, and
    inventing a date would publish a false one (:class:`~briefmodel.ValidationError`,
    ``newsml.undated``).
    """
    pretty = _options.flag("pretty", pretty)
    if brief.created is None:
        raise ValidationError(
            [
                Problem(
                    severity="error",
                    code="newsml.undated",
                    message="the brief is undated, and a NewsML-G2 item must say when it was "
                    "created (itemMeta/versionCreated): give the brief a created date",
                    path="/created",
                )
            ]
        )
    with writing_xml(brief):
        root = _Writer(brief).item()
    if pretty:
        _indent(root, 0)
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
