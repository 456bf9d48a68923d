"""The lean path of the NewsML-G2 reader: briefmodel's own ``newsItem``, exactly as
:mod:`.write` writes it, read straight into canonical JSON data and built by the
generated builder (:func:`briefmodel._generated.builder`).

It reads only what the writer writes, in its order and spelling: each element's
children are taken one by one by tag, each attribute it reads is counted against how
many the element has, and every value is the one the writer would derive from it (a
date's text and its ``bm:written``, a mended URI, a label's ``bm:text``, a canonical
integer, a mention's id). Text may only be white space where the writer indents (with
``pretty=True``). Anything else is *doubt* (:class:`~briefmodel._generated.Doubt`), and
the general reader reads the document as before, with its reports of what is lost; so
what this path accepts is what the general reader reads without a word, as the same
brief (tests compare both on generated briefs and on thousands of mutants).

A brief read so is vouched for as ``xml-safe`` (:func:`briefmodel._walks.vouch`): every
text of a parsed document is one XML can carry, unless an extension's JSON escapes one.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..._generated import Doubt, builder
from ..._patterns import parse_datetime
from ..._walks import vouch
from ...model import Brief
from .._safe_xml import BM, XML_LANG
from .._xhtml.lean import Body, blank, empty, integer, leaf
from ..json import parse as parse_json
from ._vocab import (
    _B,
    _H,
    _N,
    ALIAS_ROLE,
    ENTITY_NATURES,
    IPTC_CATALOG,
    KEY_POINT_ROLE,
    STANDARD_VERSION,
    SUMMARY_ROLE,
)
from .write import _NOT_NORMALIZED, _is_any_uri, _json, _mended, _plain, _stamp

__all__ = ["read_own"]

# The names met in every item, written once.
_BIDENTIFIER = _B + "identifier"
_BNOTE = _B + "note"
_BREL = _B + "rel"
_BTEXT = _B + "text"
_BWRITTEN = _B + "written"
_NLINK = _N + "link"
_NNAME = _N + "name"
_NSIGNAL = _N + "signal"

_KIND = {nature: kind for kind, nature in ENTITY_NATURES.items()}
_DESCRIPTION_ROLE = BM + ":description-role:"


def read_own(root: etree._Element) -> Brief | None:
    """The brief of ``root``, a ``newsItem`` exactly as briefmodel writes it; None when
    anything in it is not (the general reader decides)."""
    try:
        return _Lean(root).brief()
    except Exception:  # noqa: BLE001 - any doubt: the general reader decides
        return None


# -- values -------------------------------------------------------------------------


def _moment(value: str | None) -> str:
    """A date-time attribute as the writer writes it (``isoformat``)."""
    if value is None or parse_datetime(value).isoformat() != value:
        raise Doubt
    return value


def _time(element: etree._Element) -> str:
    """A date-time element: its text the writer's stamp of the value, ``bm:written`` the
    value exactly when the stamp is not it."""
    text = leaf(element, 0 if element.get(_BWRITTEN) is None else 1)
    written = element.get(_BWRITTEN)
    value = text if written is None else written
    moment = parse_datetime(value)
    if moment.isoformat() != value or _stamp(moment) != text or (written == text):
        raise Doubt
    return value


def _uri(element: etree._Element, name: str, into: dict[str, Any], key: str) -> int:
    """A URI attribute (mended, and exact in ``bm:<name>``, when anyURI refuses it) into
    ``into[key]``; how many attributes it took."""
    shown = element.get(name)
    if shown is None:
        if element.get(_B + name) is not None:
            raise Doubt
        return 0
    exact = element.get(_B + name)
    if exact is None:
        if not _is_any_uri(shown):
            raise Doubt
        into[key] = shown
        return 1
    if _is_any_uri(exact) or _mended(exact) != shown:
        raise Doubt
    into[key] = exact
    return 2


def _label(element: etree._Element, attributes: int = 0) -> str:
    """A name or keyword: the text, or (with a tab or line break) ``bm:text``."""
    exact = element.get(_BTEXT)
    text = leaf(element, attributes if exact is None else attributes + 1)
    if exact is None:
        if _NOT_NORMALIZED.search(text):
            raise Doubt
        return text
    if not _NOT_NORMALIZED.search(exact) or _NOT_NORMALIZED.sub(" ", exact) != text:
        raise Doubt
    return exact


def _name(element: etree._Element) -> str:
    """The one ``<name>`` of an agent, source or genre element (which has no text)."""
    blank(element)
    if len(element) != 1:
        raise Doubt
    name = element[0]
    if name.tag != _NNAME:
        raise Doubt
    return _label(name)


def _agent(element: etree._Element) -> dict[str, Any]:
    agent: dict[str, Any] = {"name": _name(element)}
    taken = _uri(element, "uri", agent, "uri")
    for key in ("role", "affiliation"):
        value = element.get(_B + key)
        if value is not None:
            agent[key] = value
            taken += 1
    if len(element.attrib) != taken:
        raise Doubt
    return agent


class _Lean:
    """One own news item being read into canonical JSON data."""

    __slots__ = (
        "body",
        "data",
        "escaped",
        "extensions",
        "key_points",
        "mentions",
        "refs",
        "root",
        "version_created",
    )

    def __init__(self, root: etree._Element) -> None:
        self.data: dict[str, Any] = {"schema": "briefmodel/2"}
        self.key_points: list[str] = []
        self.extensions: list[tuple[str, str]] = []  # (key, JSON text)
        self.refs: dict[str, str] = {}  # mention id -> entity id, from the inlineRefs
        self.mentions: list[tuple[str, str]] = []  # the inlineRefs: (idrefs, literal)
        self.version_created = ""
        self.root = root
        self.escaped = False  # whether an extension's JSON has an escape

    def brief(self) -> Brief:
        root, data = self.root, self.data
        attributes = root.attrib
        if (
            root.tag != _N + "newsItem"
            or len(attributes) != 6
            or root.get("standard") != "NewsML-G2"
            or root.get("standardversion") != STANDARD_VERSION
            or root.get("conformance") != "power"
        ):
            raise Doubt
        guid = root.get("guid")
        if guid is None:
            raise Doubt
        data["id"] = guid
        data["version"] = integer(root.get("version"))
        language = root.get(XML_LANG)
        if language is None:
            raise Doubt
        data["language"] = language
        blank(root)
        children = list(root)
        if len(children) < 5:
            raise Doubt
        self.catalogs(children[0], children[1])
        at = 2
        if children[at].tag == _N + "rightsInfo":
            self.rights(children[at])
            at += 1
        if children[at].tag != _N + "itemMeta":
            raise Doubt
        self.item_meta(children[at])
        if children[at + 1].tag != _N + "contentMeta":
            raise Doubt
        self.content_meta(children[at + 1])
        at += 2
        entities = {e["id"] for e in data.get("entities", ())}
        for ref in children[at:-1]:
            self.inline_ref(ref, entities)
        self.content_set(children[-1])
        brief = builder()(data)
        self.agree(brief)
        # Every text of a parsed document is one XML can carry, but what a JSON escape
        # in an extension says.
        return brief if self.escaped else vouch(brief, "xml-safe")

    def agree(self, brief: Brief) -> None:
        """Doubt unless what the writer derives from the brief read is in the item: its
        version date, key points and mentions."""
        data = self.data
        if self.version_created != data.get("updated", data["created"]):
            raise Doubt
        body = self.body
        if (self.key_points or body.key_points) and self.key_points != [
            t for t in map(_plain, brief.key_points) if t
        ]:
            raise Doubt
        if self.extensions != [(k, _json(v)) for k, v in brief.extensions.items()]:
            raise Doubt  # (in the order of their keys, each value as the writer writes it)
        if body.grouped or self.mentions:
            # The body's mention ids were read as mention-0, mention-1…: the writer's
            # unless a section's id starts so (then the general reader decides).
            if any(t.startswith("mention-") for t in body.ids):
                raise Doubt
            grouped = body.grouped.items()
            if self.mentions != [(" ".join(ids), ref) for ref, ids in grouped]:
                raise Doubt

    def catalogs(self, ref: etree._Element, catalog: etree._Element) -> None:
        if ref.tag != _N + "catalogRef" or ref.get("href") != IPTC_CATALOG:
            raise Doubt
        empty(ref, 1)
        if catalog.tag != _N + "catalog" or len(catalog.attrib) or len(catalog) != 1:
            raise Doubt
        blank(catalog)
        scheme = catalog[0]
        if (
            scheme.tag != _N + "scheme"
            or scheme.get("alias") != "bmdesc"
            or scheme.get("uri") != _DESCRIPTION_ROLE
        ):
            raise Doubt
        empty(scheme, 2)

    def rights(self, element: etree._Element) -> None:
        if len(element.attrib):
            raise Doubt
        blank(element)
        rights: dict[str, Any] = {}
        order = 0
        for child in element:
            tag = child.tag
            if tag == _N + "copyrightHolder" and order < 1:
                if len(child.attrib):
                    raise Doubt
                rights["holder"], order = _name(child), 1
            elif tag == _N + "copyrightNotice" and order < 2:
                rights["notice"], order = leaf(child, 0), 2
            elif tag == _N + "usageTerms" and order < 3:
                rights["usage_terms"], order = leaf(child, 0), 3
            elif tag == _NLINK and order < 4 and child.get("rel") == "bmdesc:license":
                taken = _uri(child, "href", rights, "license_url")
                if not taken:
                    raise Doubt
                empty(child, taken + 1)
                order = 4
            else:
                raise Doubt
        self.data["rights"] = rights

    def item_meta(self, element: etree._Element) -> None:
        if len(element.attrib):
            raise Doubt
        blank(element)
        data = self.data
        children = list(element)
        if len(children) < 6:
            raise Doubt
        item_class, provider, version, first = children[:4]
        if item_class.tag != _N + "itemClass" or item_class.get("qcode") != "ninat:text":
            raise Doubt
        empty(item_class, 1)
        if provider.tag != _N + "provider":
            raise Doubt
        if provider.get("literal") == "unknown":
            empty(provider, 1)
        else:
            data["publisher"] = _agent(provider)
        if version.tag != _N + "versionCreated" or first.tag != _N + "firstCreated":
            raise Doubt
        self.version_created = _time(version)
        data["created"] = _time(first)
        at = 4
        if children[at].tag == _N + "embargoed":
            data["embargo_until"] = _time(children[at])
            at += 1
        status, generator = children[at], children[at + 1]
        qcode = status.get("qcode")
        if status.tag != _N + "pubStatus" or qcode is None or not qcode.startswith("stat:"):
            raise Doubt
        empty(status, 1)
        data["status"] = qcode[5:]
        if (
            generator.tag != _N + "generator"
            or generator.get("versioninfo") != "1"
            or leaf(generator, 1) != "briefmodel"
        ):
            raise Doubt
        corrections: list[dict[str, Any]] = []
        related: list[dict[str, Any]] = []
        for child in children[at + 2 :]:
            if child.tag == _NSIGNAL and not related:
                corrections.append(_correction(child))
            elif child.tag == _NLINK:
                related.append(_related(child))
            else:
                raise Doubt
        if corrections:
            data["corrections"] = corrections
        if related:
            data["related"] = related

    def content_meta(self, element: etree._Element) -> None:
        if len(element.attrib):
            raise Doubt
        blank(element)
        data = self.data
        lists: dict[str, list[Any]] = {
            "sources": [],
            "authors": [],
            "keywords": [],
            "subjects": [],
            "entities": [],
        }
        extensions: dict[str, Any] = {}
        order = 0  # the rank of the last element read, in the writer's order
        seen = 0  # the singletons the writer always writes, as bits of their ranks
        for child in element:
            rank = _CONTENT_ORDER.get(child.tag, 99)
            if rank == 11 and child.get("role") == KEY_POINT_ROLE:
                rank = 12
            if rank < order:
                raise Doubt
            seen |= 1 << rank
            if rank == 9:  # <subject>
                if child.get("type") is None:
                    if lists["entities"]:
                        raise Doubt
                    lists["subjects"].append(_subject(child))
                else:
                    lists["entities"].append(_entity(child))
            elif rank == 4:  # <infoSource>
                lists["sources"].append(_source(child))
            elif rank == 5:  # <creator>
                lists["authors"].append(_agent(child))
            elif rank == 8:  # <keyword>
                lists["keywords"].append(_label(child))
            elif rank == 12:  # <description> of a key point
                self.key_points.append(leaf(child, 1))
            elif rank == 13:  # <bm:extension>
                key = child.get("key")
                if not key or key in extensions:
                    raise Doubt
                text = leaf(child, 1)
                self.escaped = self.escaped or "\\" in text
                extensions[key] = parse_json(text)
                self.extensions.append((key, text))
            elif rank == order:  # (a singleton given twice)
                raise Doubt
            elif rank == 1:  # <urgency>
                data["urgency"] = integer(leaf(child, 0))
            elif rank == 2:  # <contentCreated>
                self.content_created(child)
            elif rank == 3:  # <contentModified>
                data["updated"] = _time(child)
            elif rank == 6:  # <language>
                if child.get("tag") != data["language"]:
                    raise Doubt
                empty(child, 1)
            elif rank == 7:  # <genre>
                if len(child.attrib):
                    raise Doubt
                data["genre"] = _name(child)
            elif rank == 10:  # <headline>
                data["headline"] = leaf(child, 0)
            elif rank == 11 and child.get("role") == SUMMARY_ROLE:  # (the summary)
                data["subheadline"] = leaf(child, 1)
            else:  # (an unknown element, another description)
                raise Doubt
            order = rank
        if seen & _ALWAYS != _ALWAYS:  # (no contentCreated, language or headline)
            raise Doubt
        for key, values in lists.items():
            if values:
                data[key] = values
        if extensions:
            data["extensions"] = extensions

    def content_created(self, element: etree._Element) -> None:
        if _time(element) != self.data["created"]:
            raise Doubt

    def inline_ref(self, ref: etree._Element, entities: set[str]) -> None:
        literal, idrefs = ref.get("literal"), ref.get("idrefs")
        if ref.tag != _N + "inlineRef" or literal is None or idrefs is None:
            raise Doubt
        if literal not in entities:
            raise Doubt
        empty(ref, 2)
        for ident in idrefs.split(" "):
            if not ident or ident in self.refs:
                raise Doubt
            self.refs[ident] = literal
        self.mentions.append((idrefs, literal))

    def content_set(self, element: etree._Element) -> None:
        if element.tag != _N + "contentSet" or len(element.attrib) or len(element) != 1:
            raise Doubt
        blank(element)
        inline = element[0]
        if (
            inline.tag != _N + "inlineXML"
            or inline.get("contenttype") != "application/xhtml+xml"
            or len(inline.attrib) != 1
            or len(inline) != 1
        ):
            raise Doubt
        blank(inline)
        html = inline[0]
        language = self.data["language"]
        if (
            html.tag != _H + "html"
            or len(html.attrib) != 2
            or html.get("lang") != language
            or html.get(XML_LANG) != language
            or len(html) != 2
        ):
            raise Doubt
        blank(html)
        head, body = html
        if head.tag != _H + "head" or len(head.attrib) or len(head) != 1:
            raise Doubt
        blank(head)
        title = head[0]
        if title.tag != _H + "title" or leaf(title, 0) != self.data["headline"]:
            raise Doubt
        if body.tag != _H + "body" or len(body.attrib) or not len(body):
            raise Doubt
        blank(body)
        self.body = reader = Body(self.refs)
        self.data["sections"] = [reader.section(child, 2) for child in body]


def _correction(element: etree._Element) -> dict[str, Any]:
    qcode = element.get("qcode")
    if qcode is None or not qcode.startswith("sig:") or len(element.attrib) != 1:
        raise Doubt
    blank(element)
    if len(element) != 1 or element[0].tag != _BNOTE:
        raise Doubt
    note = element[0]
    date = note.get("date")
    correction = {"signal": qcode[4:], "note": leaf(note, 0 if date is None else 1)}
    if date is not None:
        correction["date"] = _moment(date)
    return correction


def _related(element: etree._Element) -> dict[str, Any]:
    if element.get("rel") != "irel:seeAlso":
        raise Doubt
    related: dict[str, Any] = {}
    taken = _uri(element, "href", related, "url") + 1
    if taken == 1:
        raise Doubt
    for name, key in (("title", "title"), (_BREL, "rel")):
        value = element.get(name)
        if value is not None:
            related[key] = value
            taken += 1
    empty(element, taken)
    return related


def _source(element: etree._Element) -> dict[str, Any]:
    ident = element.get("literal")
    if not ident:
        raise Doubt
    source: dict[str, Any] = {"id": ident, "title": _name(element)}
    taken = 1 + _uri(element, "uri", source, "url")
    for key in ("publisher", "published", "accessed", "reliability", "credibility"):
        value = element.get(_B + key)
        if value is not None:
            taken += 1
            if key == "credibility":
                source[key] = integer(value)
            elif key in ("published", "accessed"):
                source[key] = _moment(value)
            else:
                source[key] = value
    if len(element.attrib) != taken:
        raise Doubt
    return source


def _subject(element: etree._Element) -> dict[str, Any]:
    subject: dict[str, Any] = {}
    taken = 0
    code = element.get("qcode")
    if code is not None:
        subject["code"], taken = code, 1
    taken += _uri(element, "uri", subject, "uri")
    if not subject:  # (the reader passes over a subject with neither)
        raise Doubt
    for key in ("relevance", "confidence"):
        value = element.get(key)
        if value is not None:
            subject[key], taken = integer(value), taken + 1
    if len(element.attrib) != taken:
        raise Doubt
    if len(element):
        subject["name"] = _name(element)
    elif element.text is not None:
        raise Doubt
    return subject


def _entity(element: etree._Element) -> dict[str, Any]:
    ident = element.get("literal")
    if not ident or len(element.attrib) != 2:
        raise Doubt
    entity: dict[str, Any] = {"id": ident, "kind": _KIND[element.get("type", "")]}
    blank(element)
    aliases: list[str] = []
    identifiers: dict[str, str] = {}
    for index, child in enumerate(element):
        if child.tag == _NNAME and not identifiers:
            if index == 0:
                entity["name"] = _label(child)
            elif child.get("role") == ALIAS_ROLE:
                aliases.append(_label(child, 1))
            else:
                raise Doubt
        elif child.tag == _BIDENTIFIER and "name" in entity:
            scheme = child.get("scheme")
            if not scheme or (identifiers and scheme <= next(reversed(identifiers))):
                raise Doubt  # (the model keeps them in sorted order, and writes them so)
            identifiers[scheme] = leaf(child, 1)
        else:
            raise Doubt
    if "name" not in entity:
        raise Doubt
    if aliases:
        entity["aliases"] = aliases
    if identifiers:
        entity["identifiers"] = identifiers
    return entity


#: The writer's order of contentMeta's elements; ranks held by one element are singletons.
_CONTENT_ORDER = {
    _N + "urgency": 1,
    _N + "contentCreated": 2,
    _N + "contentModified": 3,
    _N + "infoSource": 4,
    _N + "creator": 5,
    _N + "language": 6,
    _N + "genre": 7,
    _N + "keyword": 8,
    _N + "subject": 9,
    _N + "headline": 10,
    _N + "description": 11,  # (a key point ranks 12)
    _B + "extension": 13,
}
_ALWAYS = (1 << 2) | (1 << 6) | (1 << 10)
