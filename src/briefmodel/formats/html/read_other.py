"""Reading other producers' article HTML best-effort: the article found in the page, its
headline, language, dates, byline and id, and its content grouped into sections at its
headings.

Strictly (``strict=True``) the page is read by its elements: the first ``<article>`` or
``<main>``, and every part of it the model has no place for (scripts, navigation, forms
and the like) an error. Leniently, trafilatura finds the article and its metadata
(:mod:`.read_extracted`; without it installed, the elements are read as strictly, with a
warning that says so), the page's JSON-LD, trafilatura and its meta tags give the fields
in that order (:mod:`.read_meta`), dates are read in any common spelling, links are read
against the page's address (:mod:`._links`), and each repair is a warning at its line."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from lxml import etree

from ... import _patterns
from ..._converter import Invalid, parse_datetime
from ..._dates import DATE_NAIVE, DateReading
from ...errors import ValidationError
from ...model import Agent, Brief, Paragraph, Section, plain_text
from .. import UNDATED
from .._ids import hashed_id
from .._safe_xml import all_text, line_of, lost_text
from ._links import _absolute, page_base
from ._parse import _HEADINGS, _NEVER_CONTENT, _class, _text, _time_of
from .read_blocks import UNKNOWN_KEY
from .read_extracted import (
    BOILERPLATE,
    EXTRACTOR_FAILED,
    EXTRACTOR_MISSING,
    SUBHEADLINE_CLASSES,
    Extraction,
    TooLarge,
    _ExtractedPage,
    extract,
)
from .read_meta import (
    Found,
    article_time,
    extracted_fields,
    json_ld_fields,
    meta_fields,
    sharpest,
    without_site,
    written_date,
)

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
_SUBHEADLINE = SUBHEADLINE_CLASSES
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


class _OtherPage(_ExtractedPage):
    """Reading another producer's page as far as the model can hold it: the headline,
    language, dates, byline and address from the page's head and the article's
    ``header``, and its content as sections, one for each heading."""

    def other_brief(
        self,
        *,
        created: datetime | None = None,
        id: str | None = None,
        language: str | None = None,
    ) -> Brief:
        """The brief of another producer's page; ``created``, ``id`` and ``language``
        fill what the page does not say."""
        if not self.strict:
            return self.lenient_brief(created=created, id=id, language=language)
        root = self.root
        _, container, headline_element = self.article_parts()
        title = root.find("head/title")
        headline = (
            " ".join(self.plain(headline_element).split()) if headline_element is not None else ""
        )
        if not headline and title is not None:
            headline = " ".join(_text(title).split())
        fields: dict[str, Any] = {"headline": headline}
        self.page_language(container, fields)
        if "language" not in fields and language is not None:
            fields["language"] = language
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
        if "created" not in fields and created is not None:
            fields["created"] = created
        if "created" not in fields:
            self.fail(
                root,
                "schema.required",
                "the page has no publication date (a <time datetime> "
                "or an article:published_time meta tag; created= gives one)",
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
        fields["id"] = self.page_id() or id or _hashed_id(fields, container)
        brief = self.build(root, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def page_language(self, container: etree._Element, fields: dict[str, Any]) -> None:
        """The language the page's ``lang`` says, if it is a BCP 47 tag (else a loss)."""
        root = self.root
        language = (root.get("lang") or container.get("lang") or "").strip().replace("_", "-")
        if language and _patterns.LANGUAGE.matches(language):
            fields["language"] = language
        elif language:
            what = f"the language {language[:40]!r}"
            self.lose(root, what, keep=False, problem=f"is not {_patterns.LANGUAGE.description}")

    def article_parts(
        self,
    ) -> tuple[etree._Element, etree._Element, etree._Element | None]:
        """The page's body, the element its article is looked for in (its first
        ``<article>``, else ``<main>``, else the body) and that article's headline."""
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
        return body, container, headline_element

    def lenient_brief(
        self, *, created: datetime | None, id: str | None, language: str | None
    ) -> Brief:
        """Another producer's page read leniently: trafilatura finds the article (else
        the page's elements are read), the fields come from JSON-LD, trafilatura, the
        meta tags and the article's header, in that order, and each repair is a warning."""
        root = self.root
        body, container, headline_element = self.article_parts()
        linked = json_ld_fields(root)
        metas = meta_fields(root)
        self.base = page_base(root, [_found(linked, "url")])
        extraction = self.extracted(root)
        document = extraction.document if extraction is not None else None
        found = extracted_fields(document, None) if document is not None else {}
        header: dict[str, Any] = {}
        headline = self.lenient_headline(linked, found, metas, headline_element)
        sections: list[Section] = []
        if document is not None:
            sections = self.extracted_sections(document.body, headline)
        if sections and document is not None:
            self.lose_boilerplate(body, document.body)
        else:
            sections = self.group(list(self.parts(container, headline_element, header)))
        fields: dict[str, Any] = {"headline": headline}
        for field in ("authors", "keywords"):
            value = _found(linked, field) or _found(found, field) or _found(metas, field)
            if value is not None:
                fields[field] = value
        if "authors" not in fields and header.get("authors"):
            fields["authors"] = header["authors"]
        subheadline = (
            _found(linked, "subheadline")
            or header.get("subheadline")
            or self.subheadline
            or _found(found, "subheadline")
            or _found(metas, "subheadline")
        )
        if subheadline and subheadline != headline and not _repeats(subheadline, sections):
            fields["subheadline"] = subheadline
        publisher = _found(linked, "publisher")
        site = self.site_name(linked, found, metas)
        if publisher is None and site is not None:
            publisher = Agent(name=site)
        if publisher is not None:
            fields["publisher"] = publisher
        self.lenient_language(container, fields, linked, found, language)
        self.lenient_dates(container, fields, header, linked, found, metas, created)
        if not headline:
            self.fail(root, "schema.required", "the page has no headline (an <h1> or a <title>)")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        fields["sections"] = sections or [Section()]
        if self.unknown:
            fields["extensions"] = {UNKNOWN_KEY: self.unknown}
        fields["id"] = (
            _found(linked, "url")
            or self.page_id()
            or _found(found, "url")
            or id
            or _hashed_id(fields, document.body if sections and document is not None else container)
        )
        brief = self.build(root, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def extracted(self, root: etree._Element) -> Extraction | None:
        """trafilatura's reading of the page, or ``None`` (with a warning) if it is not
        installed or failed."""
        extraction = extract(root)
        if extraction is None:
            self.repair(
                EXTRACTOR_MISSING,
                "trafilatura is not installed, so the article is looked for by the page's "
                "elements only: install briefmodel[web] to find it among navigation, "
                "teasers and advertisements",
                None,
            )
            return None
        if isinstance(extraction, TooLarge):
            self.repair(
                EXTRACTOR_FAILED,
                f"trafilatura is not run: {extraction}; its elements are read instead",
                None,
            )
            return None
        if isinstance(extraction, Exception):
            shown = f"{type(extraction).__name__}: {str(extraction)[:80]}"
            self.repair(
                EXTRACTOR_FAILED,
                f"trafilatura failed on the page ({shown}): its elements are read instead",
                None,
            )
            return None
        self.extraction = extraction
        return extraction

    def lose_boilerplate(self, body: etree._Element, article: etree._Element) -> None:
        """One warning for the words of the page that trafilatura left out of the article."""
        page = len(_text(body).split())
        kept = len(all_text(article).split())
        if page > kept:
            self.repair(
                BOILERPLATE,
                f"{page - kept} of the page's {page} words are not read: they are around "
                "the article trafilatura found (navigation, teasers, banners, "
                "advertisements…)",
                line_of(body),
            )

    def lenient_headline(
        self,
        linked: dict[str, Found],
        found: dict[str, Found],
        metas: dict[str, Found],
        element: etree._Element | None,
    ) -> str:
        """The headline: JSON-LD's, trafilatura's, the article's ``<h1>`` or the page's
        ``<title>``, without a site's name at its end (a repair)."""
        title = self.root.find("head/title")
        candidates: list[tuple[str | None, int | None]] = [
            (_found(linked, "headline"), _line(linked, "headline")),
            (_found(found, "headline"), _line(found, "headline")),
            (" ".join(self.heading_text(element).split()) if element is not None else None, None),
            (" ".join(_text(title).split()) if title is not None else None, None),
        ]
        headline, line = next(((h, n) for h, n in candidates if h), ("", None))
        if title is not None and line is None:
            line = line_of(title)
        sites = [
            _found(linked, "sitename"),
            _found(metas, "sitename"),
            _found(found, "sitename"),
            _found(found, "host"),
        ]
        shorter = without_site(headline, sites)
        if shorter is not None:
            self.repair(
                TITLE_SITE,
                f"the headline {headline[:60]!r} ends with the site's name: it is read as "
                f"{shorter[:60]!r}",
                line,
            )
            return shorter
        return headline

    def heading_text(self, element: etree._Element) -> str:
        """A heading's text; what is never content in it is a loss when the page's
        elements are read (trafilatura is not shown it)."""
        return _text(element) if self.extraction is not None else self.plain(element)

    def site_name(
        self, linked: dict[str, Found], found: dict[str, Found], metas: dict[str, Found]
    ) -> str | None:
        value = _found(linked, "sitename") or _found(metas, "sitename") or _found(found, "sitename")
        return value if isinstance(value, str) else None

    def lenient_language(
        self,
        container: etree._Element,
        fields: dict[str, Any],
        linked: dict[str, Found],
        found: dict[str, Found],
        language: str | None,
    ) -> None:
        """The language: JSON-LD's ``inLanguage``, the page's ``lang``, trafilatura's, or
        ``language``; the first that is a BCP 47 tag."""
        tag = _found(linked, "language")
        if isinstance(tag, str) and _patterns.LANGUAGE.matches(tag.replace("_", "-")):
            fields["language"] = tag.replace("_", "-")
            return
        self.page_language(container, fields)
        for other in (_found(found, "language"), language):
            if "language" not in fields and other and _patterns.LANGUAGE.matches(other):
                fields["language"] = other

    def lenient_dates(
        self,
        container: etree._Element,
        fields: dict[str, Any],
        header: dict[str, Any],
        linked: dict[str, Found],
        found: dict[str, Found],
        metas: dict[str, Found],
        created: datetime | None,
    ) -> None:
        """``created`` and ``updated``: JSON-LD's, the meta tags', the article's header's
        or first ``<time datetime>``, then trafilatura's (a day only), the first of them
        unless a later one says the same day's instant exactly where it does not; what
        reading the one taken assumed is a warning at its line. A page without a date takes
        ``created``, else :data:`~briefmodel.formats.UNDATED` (a warning)."""
        times = article_time(container)
        for field in ("created", "updated"):
            candidates = [linked.get(field), metas.get(field)]
            if field in header:
                candidates.append(Found(value=DateReading(value=header[field]), where="header"))
            if field == "created":
                candidates += [times, found.get(field), written_date(container, self.root)]
            chosen = sharpest(candidates)
            if chosen is None:
                continue
            reading: DateReading = chosen.value
            fields[field] = reading.value
            if reading.repair is not None:
                what = "publication" if field == "created" else "modification"
                assumed = "UTC offset" if reading.repair == DATE_NAIVE else "time"
                self.repair(
                    reading.repair,
                    f"the {what} date ({chosen.where}) has no {assumed}: it is read as "
                    f"{reading.value.isoformat()}",
                    chosen.line,
                )
        if "created" not in fields:
            fields["created"] = created or UNDATED
            if created is None:
                self.repair(
                    UNDATED_CODE,
                    "the page has no publication date (JSON-LD datePublished, a meta tag, "
                    "a <time datetime>): it is read as undated (created= gives one)",
                    line_of(self.root),
                )
        created_at, updated_at = fields["created"], fields.get("updated")
        if created_at is not None and updated_at is not None and updated_at <= created_at:
            del fields["updated"]  # the same time as created, or an earlier one: no update

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
        return next((found for found in map(_absolute, candidates) if found is not None), None)

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


TITLE_SITE = "repair.title-site"
UNDATED_CODE = "repair.undated"


def _found(fields: dict[str, Found], name: str) -> Any:
    """The value of a field found, or ``None``."""
    found = fields.get(name)
    return found.value if found is not None else None


def _line(fields: dict[str, Found], name: str) -> int | None:
    found = fields.get(name)
    return found.line if found is not None else None


def _repeats(text: str, sections: list[Section]) -> bool:
    """Whether ``text`` (a description, perhaps cut short with an ellipsis) is how the
    article's first paragraph begins: a teaser of the text, not a subheadline."""
    first = next(
        (block for section in sections for block in section.blocks if type(block) is Paragraph),
        None,
    )
    if first is None:
        return False
    begins = " ".join(plain_text(first.content).split())
    core = text.rstrip(" .…[]")
    return bool(core) and begins.startswith(core)


def _hashed_id(fields: dict[str, Any], container: etree._Element) -> str:
    """A page's id when it gives no address of its own: a hash of its headline, its
    date and the words of the part read, the same for the same article wherever it is
    (around it, a site's navigation or advertisements may change)."""
    return hashed_id(_HASHED_ID, fields["headline"], fields.get("created"), all_text(container))


def _holds(element: etree._Element, inner: etree._Element) -> bool:
    """True when ``inner`` is ``element`` or inside it."""
    node: etree._Element | None = inner
    while node is not None:
        if node is element:
            return True
        node = node.getparent()
    return False
