"""The lean path of the HTML reader: briefmodel's own page, exactly as :mod:`.write`
writes it, read straight into canonical JSON data and built by the generated builder
(:func:`briefmodel._generated.builder`).

It reads only what the writer writes, in its order and spelling: each element's
attributes are compared, names and order, with the writer's, each text with what the
writer derives (a date shown, a label, a separator), and text may only be where the
writer writes it. Around the ``article`` the page must be the writer's too: the
``head``'s elements in the writer's order with its constant values and the headline in
the ``title``, then ``body`` > ``main`` > ``article`` with the writer's line breaks (or the
``article`` alone, as ``fragment=True`` writes it). What the ``head`` derives at length
(the description, the JSON-LD, the stylesheet) is not compared: no reader of an own page
reads it. A page that needs ``data-exact`` or ``<span class="char">`` put back is left to
the general reader. Anything else is *doubt* (:class:`~briefmodel._generated.Doubt`),
and the general reader reads the page as before, with its reports of what is lost.

A brief read so is vouched for as ``xml-safe`` (:func:`briefmodel._walks.vouch`) only
when the page holds no character XML cannot carry and no character reference (but the
writer's ``&#x27;``) that could stand for one, and no JSON attribute has an escape.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..._generated import Doubt, builder
from ..._patterns import parse_datetime
from ..._walks import vouch
from ...model import Brief, Table, plain_text
from ...rules import url_scheme
from ..json import parse as parse_json
from ._escape import _html_datetime, _html_lang, _json_attr, _shown_time
from ._lean_body import Body, attributes, bare, integer, leaf, texts
from ._lean_page import head_agrees, plain, xml_safe
from .read_own import page_schemes
from .style import KIND_LABELS, SIGNAL_LABELS, direction
from .write import _followed

__all__ = ["read_own"]

_TIME_FIELDS = {"created": "created", "updated": "updated", "embargo-until": "embargo_until"}
_LABELS = {"created": "Published ", "updated": "Updated ", "embargo-until": "Embargoed until "}


def read_own(root: etree._Element, page: str | bytes) -> Brief | None:
    """The brief of ``root``, the tree of ``page``, briefmodel's own page exactly as the
    writer writes it; None when anything in it is not (the general reader decides)."""
    try:
        return _Lean(root).brief(page)
    except Exception:  # noqa: BLE001 - any doubt: the general reader decides
        return None


def _time(element: etree._Element, field: str) -> str:
    """A ``<time>`` as the writer writes it: its value, shown."""
    attributes(element, "datetime", "data-field")
    value = element.get("datetime", "")
    moment = parse_datetime(value)
    if (
        element.tag != "time"
        or element.get("data-field") != field
        or str(_html_datetime(moment)) != value
        or leaf(element, 2) != _shown_time(moment)
    ):
        raise Doubt
    return value


def _json(element: etree._Element, name: str, kind: type) -> Any:
    """A JSON attribute as the writer writes it (``_json_attr``): None when absent."""
    text = element.get(name)
    if text is None:
        return None
    value = parse_json(text)
    if type(value) is not kind or _json_attr(value) != text:
        raise Doubt
    return value


class _Lean:
    """One own page being read into canonical JSON data."""

    __slots__ = ("body", "data", "escaped", "root")

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.data: dict[str, Any] = {"schema": "briefmodel/2"}
        self.body = Body()
        self.escaped = False  # whether a JSON attribute has an escape

    def brief(self, page: str | bytes) -> Brief:
        root = self.root
        if root.tag != "html" or root.tail is not None:
            raise Doubt
        if len(root) == 1:  # (fragment=True: the article alone)
            body = root[0]
            if root.keys() or root.text is not None or body.tag != "body" or body.keys():
                raise Doubt
            if len(body) != 1 or body.text is not None or body.tail is not None:
                raise Doubt
            article, head = body[0], None
            if article.tail is not None:
                raise Doubt
        else:
            head, body = root
            attributes(root, "lang", "dir")
            if head.tag != "head" or body.tag != "body" or body.keys() or len(body) != 1:
                raise Doubt
            if texts(root) != ["\n", "\n", "\n"] or texts(body) != ["\n", "\n"]:
                raise Doubt
            main = body[0]
            if main.tag != "main" or main.keys() or len(main) != 1:
                raise Doubt
            if texts(main) != ["\n", "\n"]:
                raise Doubt
            article = main[0]
        self.article(article)
        if head is not None:
            language = self.data["language"]
            if root.get("lang") != language or root.get("dir") != direction(language):
                raise Doubt
        brief = builder()(self.data)
        self.agree(brief, head)
        if self.escaped or not xml_safe(page):
            return brief
        return vouch(brief, "xml-safe")

    def agree(self, brief: Brief, head: etree._Element | None) -> None:
        """Doubt unless what the writer derives from the brief read is in the page: the
        links it follows, its citations' numbers, its tables' names, its ``head``."""
        body = self.body
        schemes = page_schemes(body.schemes)
        if any(_followed(url, schemes) != linked for url, linked in body.urls):
            raise Doubt
        numbers = {s.id: n for n, s in enumerate(brief.sources, 1)}
        for ref, shown in body.citations:
            number = numbers.get(ref)
            if shown != (f"[{number}]" if number is not None else "[?]"):
                raise Doubt
        tables = [b for s in brief.all_sections() for b in _blocks(s.blocks)]
        if len(tables) != len(body.tables):
            raise Doubt
        for number, (table, label) in enumerate(zip(tables, body.tables, strict=True), 1):
            caption = " ".join(plain_text(table.caption).split())
            if label != plain(f"Table {number}" + (f": {caption}" if caption else "")):
                raise Doubt
        if head is not None:
            head_agrees(head, brief)

    def article(self, article: etree._Element) -> None:
        data = self.data
        if article.tag != "article" or article.get("class") != "brief":
            raise Doubt
        urgency, genre = article.get("data-urgency"), article.get("data-genre")
        keywords = _json(article, "data-keywords", list)
        extensions = _json(article, "data-extensions", dict)
        attributes(
            article,
            "class",
            "lang",
            "dir",
            "data-id",
            "data-version",
            "data-status",
            urgency and "data-urgency",
            genre and "data-genre",
            keywords and "data-keywords",
            extensions and "data-extensions",
        )
        data["id"] = article.get("data-id")
        language = data["language"] = article.get("lang", "")
        if str(_html_lang(language)) != language or article.get("dir") != direction(language):
            raise Doubt
        data["version"] = integer(article.get("data-version"))
        data["status"] = article.get("data-status")
        if urgency is not None:
            data["urgency"] = integer(urgency)
        if genre is not None:
            data["genre"] = genre
        for key, value in (("keywords", keywords), ("extensions", extensions)):
            if value is not None:
                self.escaped = self.escaped or "\\" in article.get("data-" + key, "")
                data[key] = value
        bare(article)
        children = list(article)
        if not children or children[0].tag != "header":
            raise Doubt
        self.header(children[0])
        if children[-1].tag == "footer":
            self.footer(children.pop())
        data["sections"] = [self.body.section(child, 2) for child in children[1:]]
        for child in children[1:]:
            if child.tag != "section":
                raise Doubt

    # -- the header ------------------------------------------------------------------

    def header(self, header: etree._Element) -> None:
        data = self.data
        attributes(header)
        bare(header)
        children = list(header)
        status = data["status"]
        if status != "usable":
            note = children.pop(0)
            attributes(note, "class", "role")
            if note.tag != "p" or note.get("class") != "status" or note.get("role") != "note":
                raise Doubt
            if leaf(note, 2) != status.capitalize():
                raise Doubt
        title = children.pop(0)
        if title.tag != "h1":
            raise Doubt
        data["headline"] = leaf(title, 0)
        order = 0
        for child in children:
            rank = _HEADER.get((child.tag, child.get("class", "")), 0)
            if rank <= order:
                raise Doubt
            order = rank
            if rank == 1:
                data["subheadline"] = leaf(child, 1)
            elif rank == 2:
                data["authors"] = self.byline(child)
            elif rank == 3:
                self.dates(child)
            else:
                data["corrections"] = self.corrections(child)

    def byline(self, element: etree._Element) -> list[dict[str, Any]]:
        attributes(element, "class")
        authors = [self.agent(span, "author") for span in element]
        count = len(authors)
        if not count:
            raise Doubt
        joins = [", "] * (count - 2) + [" and "] if count > 1 else []
        if texts(element) != ["By ", *joins, ""]:
            raise Doubt
        return authors

    def agent(self, element: etree._Element, kind: str) -> dict[str, Any]:
        uri, role = element.get("data-uri"), element.get("data-role")
        affiliation = element.get("data-affiliation")
        attributes(
            element,
            "class",
            uri and "data-uri",
            role and "data-role",
            affiliation and "data-affiliation",
        )
        if element.tag != "span" or element.get("class") != kind:
            raise Doubt
        children = list(element)
        if not children:
            raise Doubt
        first = children.pop(0)
        if first.tag == "a":
            attributes(first, "href")
            if first.text is not None or len(first) != 1 or first[0].tail is not None:
                raise Doubt
            if self.body.address(first.get("href"), True) != uri:
                raise Doubt
            first = first[0]
        elif uri is not None:
            self.body.address(uri, False)
        if first.tag != "span" or first.get("class") != "name":
            raise Doubt
        agent: dict[str, Any] = {"name": leaf(first, 1)}
        expected = ["", ""]
        for key, value in (("role", role), ("affiliation", affiliation)):
            if value is not None:
                part = children.pop(0)
                if part.tag != "span" or part.get("class") != key or leaf(part, 1) != value:
                    raise Doubt
                expected[-1] = ", "
                expected.append("")
                agent[key] = value
        if uri is not None:
            agent["uri"] = uri
        if children or texts(element) != expected:
            raise Doubt
        return agent

    def dates(self, element: etree._Element) -> None:
        attributes(element, "class")
        fields: list[str] = []
        for time in element:
            field = time.get("data-field", "")
            if field not in _TIME_FIELDS or field in fields:
                raise Doubt
            fields.append(field)
            self.data[_TIME_FIELDS[field]] = _time(time, field)
        order = [f for f in _TIME_FIELDS if f in fields]
        if not fields or fields != order:
            raise Doubt
        labels = [_LABELS[f] for f in fields]
        if texts(element) != [labels[0], *(" · " + label for label in labels[1:]), ""]:
            raise Doubt

    def corrections(self, element: etree._Element) -> list[dict[str, Any]]:
        attributes(element, "class", "aria-label")
        if element.get("aria-label") != "Corrections" or len(element) != 1:
            raise Doubt
        bare(element)
        items = element[0]
        if items.tag != "ul" or not len(items):
            raise Doubt
        attributes(items)
        bare(items)
        found: list[dict[str, Any]] = []
        for li in items:
            attributes(li, "data-signal")
            signal = li.get("data-signal", "")
            children = list(li)
            if li.tag != "li" or len(children) not in (2, 3) or children[0].tag != "strong":
                raise Doubt
            if leaf(children[0], 0) != SIGNAL_LABELS[signal]:
                raise Doubt
            correction: dict[str, Any] = {"signal": signal}
            if len(children) == 3:
                correction["date"] = _time(children[1], "date")
                expected = ["", " (", ") ", ""]
            else:
                expected = ["", " ", ""]
            note = children[-1]
            if note.tag != "span" or note.get("class") != "note":
                raise Doubt
            correction["note"] = leaf(note, 1)
            if texts(li) != expected:
                raise Doubt
            found.append(correction)
        return found

    # -- the footer ------------------------------------------------------------------

    def footer(self, footer: etree._Element) -> None:
        attributes(footer)
        bare(footer)
        data = self.data
        order = 0
        for child in footer:
            kind = child.get("class", "")
            rank, key, title, tag = _FOOTER.get((child.tag, kind), (0, "", "", ""))
            if rank <= order:
                raise Doubt
            order = rank
            if child.tag == "p":
                if kind == "publisher":
                    if child.text != "Published by " or len(child) != 1:
                        raise Doubt
                    if child[0].tail is not None or len(child.attrib) != 1:
                        raise Doubt
                    data["publisher"] = self.agent(child[0], "publisher")
                else:
                    data["rights"] = self.rights(child)
                continue
            attributes(child, "class")
            bare(child)
            if len(child) != 2 or child[0].tag != "h2" or leaf(child[0], 0) != title:
                raise Doubt
            items = child[1]
            if items.tag != tag or not len(items):
                raise Doubt
            attributes(items)
            bare(items)
            read = getattr(self, key)
            data[_LISTS[key]] = [read(li) for li in items if li.tag == "li" or _doubt()]
        if not order:
            raise Doubt

    def source(self, li: etree._Element) -> dict[str, Any]:
        ident = li.get("data-source-id", "")
        source: dict[str, Any] = {"id": ident}
        names = ["id", "data-source-id"]
        for key in ("url", "publisher", "reliability", "credibility"):
            value = li.get("data-" + key)
            if value is not None:
                names.append("data-" + key)
                source[key] = integer(value) if key == "credibility" else value
        attributes(li, *names)
        if li.get("id") != "source:" + ident:
            raise Doubt
        children = list(li)
        first = children.pop(0)
        url = source.get("url")
        if first.tag == "a":
            attributes(first, "href")
            if first.text is not None or len(first) != 1 or first[0].tail is not None:
                raise Doubt
            if self.body.address(first.get("href"), True) != url:
                raise Doubt
            first = first[0]
        elif url is not None:
            self.body.address(url, False)
        if first.tag != "cite" or first.get("class") != "title":
            raise Doubt
        source["title"] = leaf(first, 1)
        expected = [""]
        publisher = source.get("publisher")
        if publisher is not None:
            part = children.pop(0)
            if part.tag != "span" or part.get("class") != "publisher":
                raise Doubt
            if leaf(part, 1) != publisher:
                raise Doubt
            expected.append(", ")
        for field, label in (("published", ", "), ("accessed", ", accessed ")):
            if children and children[0].tag == "time" and children[0].get("data-field") == field:
                source[field] = _time(children.pop(0), field)
                expected.append(label)
        reliability, credibility = source.get("reliability"), source.get("credibility")
        if reliability is not None or credibility is not None:
            grading = children.pop(0)
            attributes(grading, "class", "title")
            said = (
                f"Source reliability {reliability or 'not graded'}, "
                f"information credibility {credibility or 'not graded'}"
            )
            if grading.tag != "abbr" or grading.get("class") != "grading":
                raise Doubt
            if grading.get("title") != said:
                raise Doubt
            if leaf(grading, 2) != f"{reliability or ''}{credibility or ''}":
                raise Doubt
            expected.append(" ")
        if children or texts(li) != [*expected, ""]:
            raise Doubt
        return source

    def entity(self, li: etree._Element) -> dict[str, Any]:
        ident = li.get("data-entity-id", "")
        kind = li.get("data-kind", "")
        aliases = _json(li, "data-aliases", list)
        identifiers = _json(li, "data-identifiers", dict)
        attributes(
            li,
            "id",
            "data-entity-id",
            "data-kind",
            aliases and "data-aliases",
            identifiers and "data-identifiers",
        )
        if li.get("id") != "entity:" + ident:
            raise Doubt
        entity: dict[str, Any] = {"id": ident, "kind": kind}
        children = list(li)
        if len(children) != 2 + (aliases is not None):
            raise Doubt
        name, shown = children[0], children[1]
        if name.tag != "span" or name.get("class") != "name":
            raise Doubt
        entity["name"] = leaf(name, 1)
        if shown.tag != "span" or shown.get("class") != "kind":
            raise Doubt
        if leaf(shown, 1) != f"({KIND_LABELS[kind]})":
            raise Doubt
        expected = ["", " ", ""]
        if aliases is not None:
            self.escaped = self.escaped or "\\" in li.get("data-aliases", "")
            entity["aliases"] = aliases
            also = children[2]
            if also.tag != "span" or also.get("class") != "aliases":
                raise Doubt
            if leaf(also, 1) != "also " + ", ".join(aliases):
                raise Doubt
            expected = ["", " ", " ", ""]
        if identifiers is not None:
            self.escaped = self.escaped or "\\" in li.get("data-identifiers", "")
            entity["identifiers"] = identifiers
        if texts(li) != expected:
            raise Doubt
        return entity

    def subject(self, li: etree._Element) -> dict[str, Any]:
        subject: dict[str, Any] = {}
        names = []
        for key in ("code", "uri", "name", "relevance", "confidence"):
            value = li.get("data-" + key)
            if value is not None:
                names.append("data-" + key)
                subject[key] = integer(value) if key in ("relevance", "confidence") else value
        attributes(li, *names)
        shown = subject.get("name") or subject.get("code") or subject.get("uri") or ""
        if leaf(li, len(names)) != shown:
            raise Doubt
        return subject

    def related(self, li: etree._Element) -> dict[str, Any]:
        url, rel, title = li.get("data-url"), li.get("data-rel"), li.get("data-title")
        attributes(li, "data-url", rel and "data-rel", title and "data-title")
        related: dict[str, Any] = {"url": url}
        if rel is not None:
            related["rel"] = rel
        if title is not None:
            related["title"] = title
        text = title or url
        if len(li):
            link = li[0]
            if link.tag != "a" or len(li) != 1 or li.text is not None or link.tail is not None:
                raise Doubt
            attributes(link, "href")
            if self.body.address(link.get("href"), True) != url or leaf(link, 1) != text:
                raise Doubt
        else:
            self.body.address(url, False)
            if leaf(li, len(li.attrib)) != text:
                raise Doubt
        return related

    def rights(self, element: etree._Element) -> dict[str, Any]:
        rights: dict[str, Any] = {}
        for key in ("holder", "notice", "license_url", "usage_terms"):
            value = element.get("data-" + key.replace("_", "-"))
            if value is not None:
                rights[key] = value
        attributes(element, "class", *("data-" + k.replace("_", "-") for k in rights))
        # The parts, joined by " · ": each an element (its class and text) or a text.
        parts: list[tuple[str, str] | str] = []
        if "notice" in rights:
            parts.append(("notice", rights["notice"]))
        elif "holder" in rights:
            parts.append(("holder", "© " + rights["holder"]))
        licence = rights.get("license_url")
        children = list(element)
        if licence is not None:
            linked = any(c.tag == "a" for c in children)
            self.body.address(licence, linked)
            parts.append(("license", "Licence") if linked else licence)
        if "usage_terms" in rights:
            parts.append(("usage-terms", rights["usage_terms"]))
        expected = [""]
        found: list[tuple[str, str]] = []
        for part in parts:
            if isinstance(part, str):
                expected[-1] += (" · " if len(expected) > 1 or expected[-1] else "") + part
                continue
            if found or expected[-1]:
                expected[-1] += " · "
            expected.append("")
            found.append(part)
        if texts(element) != expected or len(children) != len(found):
            raise Doubt
        for child, (kind, text) in zip(children, found, strict=True):
            if kind == "license":
                attributes(child, "rel", "href")
                if child.get("rel") != "license" or child.get("href") != licence:
                    raise Doubt
                self.body.schemes.add(url_scheme(licence or ""))
                if leaf(child, 2) != text:
                    raise Doubt
            elif child.tag != "span" or child.get("class") != kind or leaf(child, 1) != text:
                raise Doubt
        return rights


#: The header's parts after the headline, by their rank in the writer's order.
_HEADER = {("p", "subheadline"): 1, ("p", "byline"): 2, ("p", "dates"): 3}
_HEADER["aside", "corrections"] = 4
#: The footer's parts: their rank in the writer's order, what reads each item, the
#: heading and the list element.
_FOOTER = {
    ("section", "sources"): (1, "source", "Sources", "ol"),
    ("section", "entities"): (2, "entity", "Named in this brief", "ul"),
    ("section", "subjects"): (3, "subject", "Topics", "ul"),
    ("section", "related"): (4, "related", "Related", "ul"),
    ("p", "publisher"): (5, "", "", ""),
    ("p", "rights"): (6, "", "", ""),
}


_LISTS = {"source": "sources", "entity": "entities", "subject": "subjects"}
_LISTS["related"] = "related"


def _doubt() -> bool:
    raise Doubt


def _blocks(blocks: Any) -> Any:
    """The tables among ``blocks`` and their list items' blocks, in the writer's order."""
    for block in blocks:
        if type(block) is Table:
            yield block
        elif hasattr(block, "items"):
            for item in block.items:
                yield from _blocks(item.blocks)
