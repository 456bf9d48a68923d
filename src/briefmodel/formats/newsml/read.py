"""Reading NewsML-G2 news items (and every item of a ``newsMessage``) back to briefs:
briefmodel's own losslessly, other producers' as far as the model can hold them, what it
cannot hold reported as a loss."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, ClassVar

import attrs
from lxml import etree

from ... import _options
from ..._patterns import NODE_ID, new_node_id
from ...errors import ParseError, Problem, ValidationError, settle_losses
from ...model import (
    Agent,
    Brief,
    Correction,
    Entity,
    Related,
    Rights,
    Section,
    Source,
    Subject,
)
from .._agency import (
    EMPTY,
    NONE,
    Fallbacks,
)
from .._safe_xml import (
    BM,
    TEXT,
    XML_LANG,
    XML_NS,
    Stripped,
    line_of,
    local_name,
    parse,
    refuse,
)
from .._unread import named
from .._xhtml import XHTML
from ..json import parse as parse_json
from ._body import _Body
from ._lean import read_own
from ._lenient import not_a_news_item, read_leniently
from ._vocab import _B, _H, _KIND_OF_NATURE, _N, ALIAS_ROLE, KEY_POINT_ROLE, NAR, SUMMARY_ROLE
from .write import _Writer

UNKNOWN_KEY = "briefmodel:unknown"
_INTEGER = re.compile(r"[ \t\r\n]*[+-]?[0-9]{1,4300}[ \t\r\n]*")
_ID = NODE_ID.regex  # section, entity and source ids
_DROPPED_SILENTLY = frozenset({"catalogRef", "catalog", "generator"})


class _Reader(_Body):
    """One news item being read: what it has lost and how its parts are linked."""

    loss_code = "newsml.dropped"
    plain_namespaces = (_N, _H)

    def __init__(
        self,
        root: etree._Element,
        *,
        strict: bool,
        stripped: list[Stripped] | None = None,
        fallbacks: Fallbacks = NONE,
    ) -> None:
        super().__init__(root, strict=strict, own=_is_own(root))
        #: The comments and processing instructions taken out of the document.
        self.stripped = stripped or []
        self.fallbacks = fallbacks  # (these four: see _Repairs)
        self.repairs = not strict and not self.own
        self.headline_source = None
        self.fields = {"extensions": {}}
        self.concepts: dict[tuple[str, str], str] = {}  # (kind, identifier) -> entity id
        self.taken_ids: set[str] = set()
        self.id_counters: dict[str, int] = {}  # for new_id

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

    def integer(self, element: etree._Element, name: str | None = None) -> int | None:
        """The integer in the attribute ``name`` (the element's text if None); None, and a
        loss, when it holds none."""
        value = element.text if name is None else element.get(name)
        if value is None:
            return None
        if _INTEGER.fullmatch(value):  # xs:integer (int() takes other digits and "1_0")
            return int(value)  # (the model refuses what is beyond its bounds)
        self.lose(
            element,
            f"the value {value[:40]!r} of <{local_name(element.tag)}>",
            keep=False,
            part=TEXT if name is None else "@" + name,
            problem="is not an integer",
        )
        return None

    def new_id(self, *candidates: str | None) -> str:
        return new_node_id(candidates, self.taken_ids, self.id_counters)

    # -- the item --------------------------------------------------------------------

    def brief(self) -> Brief:
        root = self.root
        fields = self.fields
        fields["id"] = self.guid()
        if fields["id"] is None:
            self.fail(root, "schema.required", "the newsItem has no guid")
        version = self.integer(root, "version")
        if version is not None:
            fields["version"] = version
        language = root.get(XML_LANG)
        if language is not None and not language.strip() and self.repairs:
            self.repair(root, EMPTY, "the empty xml:lang of the <newsItem> is passed over")
            language = None
        sections: tuple[Section, ...] = ()
        if self.repairs:
            self.headline_fallback()
        handlers = self._ITEM
        # Links between mentions and entities first: the body needs them.
        pending: dict[str, tuple[str, str]] = {}
        for ref in root.iterchildren(_N + "inlineRef"):
            concept = self.concept_key(ref)
            for ident in (ref.get("idrefs") or "").split():
                pending[ident] = concept  # resolved to entity ids below
        self.lose_stray_text(root)
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
        self.base = self.web_address(fields.get("id"))
        content = root.find(_N + "contentSet")
        if content is not None:
            sections = self.content_set(content)
            if self.repairs and "headline" not in fields:
                self.headline_from_body(content, sections)
        if not sections:
            sections = (Section(),)
        fields["sections"] = sections
        self.language_and_dates(language)
        for key in [k for k in fields if k.startswith("_")]:
            del fields[key]
        if "headline" not in fields:
            self.fail(root, "schema.required", "the newsItem has no headline")
        if "created" not in fields:
            self.fail(root, "schema.required", "the newsItem has no creation date")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        brief: Brief | None = self.build(root, Brief, **fields)
        if brief is None:
            raise ValidationError(self.errors + self.losses)
        brief = self.named(brief)
        if self.own:
            self.lose_stripped(self.stripped, root)
            self.lose_unwritten(root, _Writer(brief).item(), _PREFIXED)
        if self.unknown:
            brief = attrs.evolve(brief, extensions={**brief.extensions, UNKNOWN_KEY: self.unknown})
        return brief

    def concept_key(self, element: etree._Element) -> tuple[str, str]:
        for kind in ("literal", "qcode", "uri"):
            value = element.get(kind)
            if value is not None:
                return (kind, value)
        return ("", "")

    def rights(self, element: etree._Element) -> None:
        self.lose_stray_text(element)
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
        self.lose_stray_text(element)
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
                fields["_version_created"], fields["_version_at"] = self.time(child), child
            elif tag == "firstCreated":
                created = self.time(child)
                if created is not None or not self.repairs:  # (an empty one passed over)
                    fields["created"] = created
            elif tag == "title" and (child is self.headline_source or self.empty(child)):
                continue
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
        self.lose_stray_text(element)
        for child in element:
            tag = child.tag
            local = local_name(tag)
            if not tag.startswith(_N):
                if tag == _B + "extension" and child.get("key"):
                    self.extension(child)
                else:
                    self.lose_element(child)
            elif local == "urgency":
                fields["urgency"] = self.integer(child)
            elif local == "contentCreated":
                fields["_content_created"] = self.time(child)
                first = fields.get("created")
                if first is not None and first != fields["_content_created"]:
                    what = f"a <contentCreated> ({child.text!r}) other than <firstCreated>"
                    self.lose(child, what)
            elif local == "contentModified":
                fields["updated"], fields["_modified_at"] = self.time(child), child
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
            elif local in ("headline", "slugline", "description") and (
                child is self.headline_source or self.empty(child)
            ):
                continue
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
        try:  # as strictly as canonical JSON: no NaN, no key twice, no number beyond a double
            value = parse_json(element.text or "")
        except (ParseError, ValidationError) as error:
            problem = error.problems[0]
            message = f"a bm:extension does not hold JSON: {problem.message}"
            self.fail(element, problem.code, message)
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
            credibility=self.integer(element, _B + "credibility"),
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
            relevance=self.integer(element, "relevance"),
            confidence=self.integer(element, "confidence"),
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


_Reader._ITEM = {
    _N + "rightsInfo": _Reader.rights,
    _N + "itemMeta": _Reader.item_meta,
    _N + "contentMeta": _Reader.content_meta,
    _N + "inlineRef": lambda reader, element: None,
}


def _read_item(
    root: etree._Element,
    strict: bool,
    stripped: list[Stripped] | None = None,
    fallbacks: Fallbacks = NONE,
) -> tuple[Brief, list[Problem]]:
    """A news item's brief and its losses (and repairs); ``stripped`` are the comments and
    processing instructions taken out of the document (lost, in briefmodel's own items),
    ``fallbacks`` what the caller gives for what the item does not say."""
    if root.tag != _N + "newsItem":
        raise refuse(
            "parse.not-newsml",
            f"the root element is <{local_name(root.tag)}>, not a NewsML-G2 <newsItem>"
            + ("; read a newsMessage with load_all()" if root.tag == _N + "newsMessage" else ""),
            line_of(root),
        )
    reader = _Reader(root, strict=strict, stripped=stripped, fallbacks=fallbacks)
    brief = reader.brief()
    return brief, reader.losses.problems()


def _settle(brief: Brief, losses: list[Problem], strict: bool) -> Brief:
    settle_losses(losses, strict=strict)
    return brief


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """Read a NewsML-G2 ``newsItem`` into a brief (without running the semantic rules).

    Strict by default: anything the model cannot hold is an error. With
    ``strict=False`` it is dropped with a :class:`~briefmodel.BriefmodelWarning`, and
    unknown metadata is kept under ``extensions["briefmodel:unknown"]`` as XML text,
    keyed by its XPath. Reading other producers' items with ``strict=False`` also
    repairs what it can, each repair a ``repair.…`` warning at its line: a headline from
    the ``title``, ``slugline``, ``description`` or body's first sentence of an item that
    has none; empty elements passed over; dates in any common spelling; an item with no
    date dated :data:`~briefmodel.formats.UNDATED` (the NewsML-G2 page lists them).

    ``id``, ``created`` and ``language`` fill what the item does not say: its ``guid``,
    its date (``firstCreated``, ``contentCreated``, ``versionCreated``) and its language
    (``xml:lang``, ``contentMeta/language``); when the item says, they are not used.
    """
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    stripped: list[Stripped] = []
    root = parse(data, stripped=stripped)
    if strict and not stripped and fallbacks == NONE and _is_own(root):
        brief = read_own(root)  # the lean path, for an item exactly as briefmodel writes it
        if brief is not None:
            return brief
    said: list[Problem] = []
    if not strict and root.tag == _N + "newsMessage":
        root, said = _the_one_item(root)
    brief, losses = _read_item(root, strict, stripped, fallbacks)
    return _settle(brief, [*said, *losses], strict)


def _the_one_item(message: etree._Element) -> tuple[etree._Element, list[Problem]]:
    """The one item of a ``newsMessage`` read leniently, and the warning that says so; a
    message of several items stays the message (which :func:`read` refuses, pointing to
    ``load_all``): reading one of them would leave the others out without a word."""
    items = list(message.iterfind(f"{_N}itemSet/*"))
    if len(items) != 1:
        return message, []
    item = items[0]
    note = Problem(
        severity="warning",
        code="repair.item-of-message",
        message=f"the newsMessage holds one item, <{local_name(item.tag)}>, which is read as "
        "the document (load_all reads every item of a message)",
        line=line_of(item),
    )
    return item, [note]


@_options.reader
def read_all(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Iterator[Brief]:
    """Every news item of a ``newsMessage`` (or the one ``newsItem``), in order, each read
    as by :func:`read` (``id``, ``created`` and ``language`` for every item that does
    not say).

    Reading strictly, the first item that cannot be read raises. With ``strict=False``
    an item that cannot be read (a package, or a news item without a headline) is passed
    over with a :class:`~briefmodel.BriefmodelWarning` (``repair.item-passed-over``) that
    names it by its index and line and says why; if no item can be read, a
    :class:`~briefmodel.ValidationError` says why of each (never zero briefs in silence).
    """
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    stripped: list[Stripped] = []
    root = parse(data, stripped=stripped)
    if root.tag != _N + "newsMessage":
        yield _read_checked(root, strict, stripped, fallbacks)
        return
    if not strict:
        yield from read_leniently(
            root, lambda item: _read_checked(item, False, stripped, fallbacks)
        )
        return
    for item in root.iterfind(f"{_N}itemSet/*"):
        if item.tag != _N + "newsItem":
            raise ValidationError([not_a_news_item(item, "error")])
        yield _read_checked(item, strict, stripped, fallbacks)


def _read_checked(
    root: etree._Element,
    strict: bool,
    stripped: list[Stripped],
    fallbacks: Fallbacks = NONE,
) -> Brief:
    brief, losses = _read_item(root, strict, stripped, fallbacks)
    return _settle(brief, losses, strict)


_PREFIXED = named({NAR: "", XHTML: "", BM: "bm:", XML_NS: "xml:"})


def _is_own(root: etree._Element) -> bool:
    generator = root.find(f"{_N}itemMeta/{_N}generator")
    return generator is not None and generator.text == "briefmodel"
