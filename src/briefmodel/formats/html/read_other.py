"""Reading other producers' article HTML best-effort: the article found in the page, its
headline, language, dates, byline and id, and its content grouped into sections at its
headings (scripts, navigation, forms and the like dropped, each a loss)."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from ... import _patterns
from ..._converter import Invalid, parse_datetime
from ...errors import ValidationError
from ...model import Agent, Brief, Paragraph, Section
from ...rules import url_scheme
from .._safe_xml import all_text, lost_text
from ._escape import _MAYBE_UNWRITABLE
from ._parse import _HEADINGS, _NEVER_CONTENT, _class, _text, _time_of
from .read_blocks import UNKNOWN_KEY, _BlockReader

#: Elements whose children are read in their place.
_TRANSPARENT = frozenset({"div", "main", "article", "body", "center", "hgroup", "span", "font"})

_HASHED_ID = "urn:briefmodel:html:sha256:"
#: Meta tags that date a page, and the fields they fill.
_META_TIMES = {
    "article:published_time": "created",
    "date": "created",
    "dcterms.created": "created",
    "dc.date": "created",
    "datepublished": "created",
    "article:modified_time": "updated",
    "dcterms.modified": "updated",
    "datemodified": "updated",
}
_SUBHEADLINE = frozenset({"subheadline", "subtitle", "standfirst", "dek", "deck", "lede"})
_BYLINE = frozenset({"byline", "author", "authors"})
_AUTHOR = frozenset({"author", "author-name", "name"})
_DATELINE = frozenset({"dateline", "date", "dates", "published", "timestamp"})
_NOT_DATES = _NEVER_CONTENT | {"time"}
_DATE_PUNCTUATION = " \t\n\r\f|·•,;:–—-"
_BY = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)


def _first(element: etree._Element, *tags: str) -> etree._Element | None:
    """The first descendant with one of the tags, in the order the tags are given."""
    for tag in tags:
        for found in element.iter(tag):
            return found
    return None


class _OtherPage(_BlockReader):
    """Reading another producer's page as far as the model can hold it: the headline,
    language, dates, byline and address from the page's head and the article's
    ``header``, and its content as sections, one for each heading."""

    def other_brief(self) -> Brief:
        root = self.root
        body = root.find("body") if root.tag == "html" else root
        if body is None:
            body = root
        container = _first(body, "article", "main")
        if container is None:
            container = body
        headline_element = _first(container, "h1")
        if headline_element is None:
            headline_element = _first(root, "h1")
        title = root.find("head/title")
        headline = (
            " ".join(self.plain(headline_element).split()) if headline_element is not None else ""
        )
        if not headline and title is not None:
            headline = " ".join(_text(title).split())
        fields: dict[str, Any] = {"headline": headline}
        language = (root.get("lang") or container.get("lang") or "").strip().replace("_", "-")
        if language and _patterns.LANGUAGE.matches(language):
            fields["language"] = language
        elif language:
            what = f"the language {language[:40]!r}"
            self.lose(root, what, keep=False, problem=f"is not {_patterns.LANGUAGE.description}")
        for meta in root.iter("meta"):
            named = meta.get("property") or meta.get("name") or meta.get("itemprop")
            field = _META_TIMES.get((named or "").lower())
            if field is not None and field not in fields:
                with contextlib.suppress(Invalid):
                    fields[field] = parse_datetime(meta.get("content", ""))
        sections = self.group(list(self.parts(container, headline_element, fields)))
        if "created" not in fields:
            for time in container.iter("time"):
                found = _time_of(time)
                if found is not None:
                    fields["created"] = found
                    break
        if "created" not in fields:
            self.fail(
                root,
                "schema.required",
                "the page has no publication date (a <time datetime> "
                "or an article:published_time meta tag)",
            )
        if not headline:
            self.fail(root, "schema.required", "the page has no headline (an <h1> or a <title>)")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        if fields.get("updated") is not None and fields["updated"] <= fields["created"]:
            del fields["updated"]  # the same time as created, or an earlier one: no update
        fields["sections"] = sections or [Section()]
        if self.unknown:
            fields["extensions"] = {UNKNOWN_KEY: self.unknown}
        fields["id"] = self.page_id() or _hashed_id(fields, container)
        brief = self.build(root, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def page_id(self) -> str | None:
        """The page's own address: its canonical link, else its ``og:url``, if it is an
        absolute http(s) URL."""
        candidates = [
            link.get("href")
            for link in self.root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ]
        candidates += [
            meta.get("content")
            for meta in self.root.iter("meta")
            if meta.get("property") == "og:url"
        ]
        for candidate in candidates:
            value = (candidate or "").strip()
            if url_scheme(value) in ("http", "https") and not _MAYBE_UNWRITABLE.search(value):
                return value
        return None

    def parts(
        self, element: etree._Element, headline: etree._Element | None, fields: dict[str, Any]
    ) -> Iterator[tuple[str, Any]]:
        if element.text and element.text.strip():
            yield "block", Paragraph(content=" ".join(element.text.split()))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if child is headline:
                pass
            elif tag == "header" and headline is not None and _holds(child, headline):
                self.header(child, headline, fields)
            elif tag == "time" and _time_of(child) is not None:
                self.header_times(child, fields)  # a date-line of its own
            elif tag in _NEVER_CONTENT or (
                tag in ("header", "footer", "aside") and not _class(child) & {"judgment"}
            ):
                self.lose(child, f"the <{tag}>{lost_text(child)}", keep=False)
            elif tag in _HEADINGS:
                yield "heading", child
            elif tag in _TRANSPARENT or tag == "section":
                yield from self.parts(child, headline, fields)
            else:
                block = self.block(child)
                if block is not None:
                    yield "block", block
            if child.tail and child.tail.strip():
                yield "block", Paragraph(content=" ".join(child.tail.split()))

    def header(
        self, header: etree._Element, headline: etree._Element, fields: dict[str, Any]
    ) -> None:
        """An article's ``<header>``: its headline, a subheadline (a paragraph or heading
        in its ``hgroup``, or one classed as such), its byline (its authors) and its
        dates are read; anything else in it is a loss."""
        for child in header:
            tag = child.tag if isinstance(child.tag, str) else ""
            classes = {c.lower() for c in _class(child)}
            text = _text(child).strip() if tag not in _NEVER_CONTENT else ""
            if child is headline:
                pass
            elif tag in ("hgroup", "div") and _holds(child, headline):
                self.header(child, headline, fields)
            elif text and (
                (tag in ("p", "h2", "h3", "div") and classes & _SUBHEADLINE)
                or (tag in ("p", "h2") and header.tag == "hgroup")
            ):
                fields.setdefault("subheadline", " ".join(self.plain(child).split()))
            elif text and (tag == "address" or classes & _BYLINE or child.get("rel") == "author"):
                fields.setdefault("authors", self.byline(child))
                self.header_times(child, fields)
            elif (
                tag == "time"
                or classes & _DATELINE
                or (
                    tag in ("p", "div", "span", "small")
                    and any(True for _ in child.iter("time"))
                    and not _text(child, _NOT_DATES).strip(_DATE_PUNCTUATION)
                )
            ):
                self.header_times(child, fields)
            else:
                self.lose(child, f"the <{tag}>{lost_text(child)} in the article's <header>")
            if child.tail and child.tail.strip():
                self.lose(child, f"the text {child.tail.strip()[:40]!r} in the <header>")

    def byline(self, element: etree._Element) -> list[Agent]:
        named = [
            e
            for e in element.iter()
            if e is not element
            and (e.get("rel") == "author" or {c.lower() for c in _class(e)} & _AUTHOR)
        ]
        names = [" ".join(self.plain(e).split()) for e in named] or [
            _BY.sub("", " ".join(_text(element, _NOT_DATES).split()))
        ]
        authors = [self.build(element, Agent, name=name) for name in names if name]
        return [a for a in authors if a is not None]

    def header_times(self, element: etree._Element, fields: dict[str, Any]) -> None:
        for time in element.iter("time"):
            found = _time_of(time)
            if found is None:
                continue
            marks = " ".join(
                [time.get("itemprop") or "", time.get("class") or "", time.get("data-field") or ""]
            ).lower()
            field = "updated" if re.search("modif|updat", marks) else "created"
            if field == "created" and "created" in fields:
                field = "updated"
            fields.setdefault(field, found)

    def group(self, parts: list[tuple[str, Any]]) -> list[Section]:
        sections: list[Section] = []
        title: str | None = None
        blocks: list[Any] = []
        started = False
        for kind, child in [*parts, ("end", None)]:
            if kind == "block":
                blocks.append(child)
                continue
            if started or blocks:
                sections.append(Section(title=title, blocks=blocks))
            title, blocks, started = None, [], False
            if kind == "heading":
                title, started = " ".join(self.plain(child).split()) or None, True
        return sections


def _hashed_id(fields: dict[str, Any], container: etree._Element) -> str:
    """A page's id when it gives no address of its own: a hash of its headline, its
    date and the words of the part read, the same for the same article wherever it is
    (around it, a site's navigation or advertisements may change)."""
    digest = hashlib.sha256()
    for part in (fields["headline"], fields["created"].isoformat(), all_text(container)):
        digest.update(" ".join(part.split()).encode("utf-8", "surrogatepass") + b"\0")
    return _HASHED_ID + digest.hexdigest()[:32]


def _holds(element: etree._Element, inner: etree._Element) -> bool:
    """True when ``inner`` is ``element`` or inside it."""
    node: etree._Element | None = inner
    while node is not None:
        if node is element:
            return True
        node = node.getparent()
    return False
