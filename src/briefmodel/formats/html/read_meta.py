"""What another producer's page says about its article, read leniently from three
places in turn: its schema.org JSON-LD (:func:`json_ld_fields`), what trafilatura found
(:func:`extracted_fields`) and its meta tags (:func:`meta_fields`); and where its date
may be besides: its article's first ``<time>`` (:func:`article_time`), and a date written out
in a byline (:func:`written_date`). Each gives what it found as :class:`Found` values, with
the line that says them; dates are read by :func:`briefmodel._dates.read_date`, whatever
their spelling.

>>> from lxml import etree
>>> page = etree.fromstring('''<html><head><script type="application/ld+json">
... {"@graph": [{"@type": "WebSite", "name": "The Example"},
...  {"@type": ["NewsArticle"], "headline": "Ferries  return",
...   "author": [{"@type": "Person", "name": "A. Writer"}, "B. Writer"],
...   "datePublished": "2026-03-01"}]}</script></head></html>''', etree.HTMLParser())
>>> found = json_ld_fields(page)
>>> found["headline"].value, [a.name for a in found["authors"].value]
('Ferries return', ['A. Writer', 'B. Writer'])
>>> found["created"].value.repair, found["sitename"].value
('repair.date-only', 'The Example')
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from lxml import etree

from ..._dates import DATE_NAIVE, DATE_ONLY, DateReading, find_date, read_date
from ...model import Agent
from .._safe_xml import all_text, line_of
from ._links import _absolute

__all__ = [
    "Found",
    "article_time",
    "extracted_fields",
    "json_ld_fields",
    "meta_fields",
    "sharpest",
    "without_site",
    "written_date",
]

#: The schema.org types of an article.
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
    }
)
#: The most JSON-LD read of one script: more is not metadata.
_MOST_JSON = 1_000_000
#: Meta tags that date a page, and the fields they fill.
META_TIMES = {
    "article:published_time": "created",
    "date": "created",
    "dcterms.created": "created",
    "dc.date": "created",
    "dc.date.issued": "created",
    "datepublished": "created",
    "datecreated": "created",
    "pubdate": "created",
    "publishdate": "created",
    "publish-date": "created",
    "publish_date": "created",
    "og:published_time": "created",
    "article.published": "created",
    "sailthru.date": "created",
    "parsely-pub-date": "created",
    "original-publish-date": "created",
    "article:modified_time": "updated",
    "og:updated_time": "updated",
    "article.updated": "updated",
    "dcterms.modified": "updated",
    "datemodified": "updated",
}
#: What separates a page's title from its site's name.
_SITE_SEPARATORS = (" | ", " — ", " – ", " - ", " · ", " :: ", " » ")


@attrs.frozen(kw_only=True)
class Found:
    """A field's value found in a page, the line that says it, and where it was found."""

    value: Any
    line: int | None = None
    where: str = "JSON-LD"


def _line(value: Any) -> str | None:
    """``value`` as one line of text, if it is a string with any."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD document: the document, the items of a list and of an
    ``@graph``, in their order."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph"), depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _agents(value: Any) -> list[Agent]:
    """Authors as JSON-LD gives them: a name, a Person or Organization, or a list of them."""
    agents: list[Agent] = []
    for item in value if isinstance(value, list) else [value]:
        name = _line(item.get("name") if isinstance(item, dict) else item)
        if name is not None and not any(a.name == name for a in agents):
            url = _absolute(item.get("url")) if isinstance(item, dict) else None
            with contextlib.suppress(ValueError):  # a name the model cannot hold
                agents.append(Agent(name=name, uri=url))
    return agents


def _keywords(value: Any) -> tuple[str, ...]:
    words = value.split(",") if isinstance(value, str) else value
    if not isinstance(words, list):
        return ()
    found = [_line(w) for w in words]
    return tuple(dict.fromkeys(w for w in found if w))


def _url(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _absolute(value) if isinstance(value, str) else None


def json_ld_fields(root: etree._Element) -> dict[str, Found]:
    """The fields of the first article (a ``NewsArticle``, ``Article``, ``BlogPosting``…)
    in the page's JSON-LD scripts, and its site's name (its publisher's, else a
    ``WebSite``'s). Scripts that are not JSON are passed over."""
    fields: dict[str, Found] = {}
    sites: list[tuple[str, int | None]] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        text = all_text(script)
        if len(text) > _MOST_JSON:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        line = line_of(script)
        for node in _nodes(data):
            types = _types(node)
            if "WebSite" in types and _line(node.get("name")):
                sites.append((_line(node.get("name")) or "", line))
            if not fields and types & ARTICLE_TYPES:
                fields = _article(node, line)
    if "sitename" not in fields and sites:
        fields["sitename"] = Found(value=sites[0][0], line=sites[0][1])
    return fields


def _article(node: dict[str, Any], line: int | None) -> dict[str, Found]:
    values: dict[str, Any] = {
        "headline": _line(node.get("headline")) or _line(node.get("name")),
        "subheadline": _line(node.get("alternativeHeadline")) or _line(node.get("description")),
        "authors": _agents(node.get("author")) or None,
        "keywords": _keywords(node.get("keywords")) or None,
        "language": _line(node.get("inLanguage")),
        "url": _url(node.get("url")) or _url(node.get("mainEntityOfPage")),
    }
    for field, key in (("created", "datePublished"), ("updated", "dateModified")):
        when = node.get(key)
        values[field] = read_date(when) if isinstance(when, str) else None
    publisher = node.get("publisher")
    publishers = _agents(publisher[:1] if isinstance(publisher, list) else publisher)
    if publishers:
        values["publisher"] = Agent(name=publishers[0].name, uri=publishers[0].uri)
        values["sitename"] = publishers[0].name
    return {k: Found(value=v, line=line) for k, v in values.items() if v is not None}


def extracted_fields(document: Any, line: int | None) -> dict[str, Found]:
    """What trafilatura found of the article's metadata (its ``Document``)."""
    values: dict[str, Any] = {
        "headline": _line(document.title),
        "subheadline": _line(document.description),
        # trafilatura names a site by its host when the page does not name it: not a name
        "sitename": _site(document.sitename),
        "url": _absolute(document.url) if isinstance(document.url, str) else None,
        "host": _line(document.hostname),
        "language": _line(document.language),
    }
    if isinstance(document.author, str):
        values["authors"] = _agents([a for a in document.author.split(";")]) or None
    words = [*(document.tags or []), *(document.categories or [])]
    values["keywords"] = _keywords([w for w in words if isinstance(w, str)]) or None
    if isinstance(document.date, str):
        values["created"] = read_date(document.date)
    return {
        k: Found(value=v, line=line, where="trafilatura")
        for k, v in values.items()
        if v is not None
    }


#: A host name (``news.example.org``), which trafilatura gives when a page names no site.
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)


def _site(value: Any) -> str | None:
    name = _line(value)
    return None if name is None or _HOST.fullmatch(name) else name


def meta_fields(root: etree._Element) -> dict[str, Found]:
    """The dates, description, site name and keywords of the page's meta tags."""
    fields: dict[str, Found] = {}
    for meta in root.iter("meta"):
        named = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content") or ""
        field = META_TIMES.get(named)
        value: Any = None
        if field is not None:
            value = read_date(content)
        elif named in ("og:description", "description"):
            field, value = "subheadline", _line(content)
        elif named == "og:site_name":
            field, value = "sitename", _line(content)
        elif named in ("keywords", "news_keywords"):
            field, value = "keywords", _keywords(content) or None
        if field is None or value is None:
            continue
        if field not in fields or _sharper(value, fields[field].value):
            fields[field] = Found(value=value, line=line_of(meta), where="meta")
    return fields


def _sharper(value: Any, than: Any) -> bool:
    """Whether the date ``value`` says the instant that ``than`` (a date found earlier)
    only says in part: it has its time or its zone, on the same day."""
    if not isinstance(value, DateReading) or not isinstance(than, DateReading):
        return False
    sharper = (value.repair is None and than.repair is not None) or (
        value.repair == DATE_NAIVE and than.repair == DATE_ONLY  # a time, where it has none
    )
    return sharper and value.value.date() in (
        than.value.date(),
        value.value.astimezone(than.value.tzinfo).date(),
    )


def sharpest(candidates: Iterable[Found | None]) -> Found | None:
    """The first of the dates found, unless a later one says its instant exactly where it
    does not (its time, its zone) on the same day."""
    chosen: Found | None = None
    for found in candidates:
        if found is None:
            continue
        if chosen is None or _sharper(found.value, chosen.value):
            chosen = found
    return chosen


def without_site(title: str, sites: Iterable[str | None]) -> str | None:
    """``title`` without what follows the site's name in it (``Ferries return | The
    Example``, ``Ferries return | EX | 2 May 2026``), or ``None`` if it does not name one of
    ``sites`` after a separator. A site named by its host (``ex.com``) is also named by
    its host's name (``EX``).

    >>> without_site("Ferries return | EX | 2 May 2026", ["EX.COM"])
    'Ferries return'
    >>> without_site("Ferries return - at last", ["The Example"]) is None
    True
    """
    names: set[str] = set()
    for site in sites:
        name = " ".join((site or "").split()).casefold()
        if name:
            names.add(name)
            if _HOST.fullmatch(name):  # www.example.co.uk: example
                labels = [label for label in name.split(".") if label != "www"]
                names.update(labels[:1] + labels[-2:-1])
    if not names:
        return None
    pattern = "|".join(re.escape(s) for s in _SITE_SEPARATORS)
    parts = re.split(f"({pattern})", title)
    for index in range(2, len(parts), 2):  # the texts between the separators
        if parts[index].strip().casefold() in names:
            head = "".join(parts[: index - 1]).strip()
            return head or None
    return None


def article_time(container: etree._Element) -> Found | None:
    """The first ``<time datetime>`` of the article, read in any common spelling."""
    for time in container.iter("time"):
        reading = read_date(time.get("datetime") or "")
        if reading is not None:
            return Found(value=reading, line=line_of(time), where="<time>")
    return None


#: How many byline and dateline elements a page's date is looked for in, at most.
_DATE_TEXTS = 20
#: The classes of the elements a page's date may be written out in (``by_line_date``,
#: ``post-date``, ``published``, ``timestamp``).
_DATED_CLASS = re.compile(r"by[-_]?line|date|publish|timestamp|posted", re.IGNORECASE)


def written_date(container: etree._Element, root: etree._Element) -> Found | None:
    """A date written out in the text of a byline or dateline (``Jo Writer | November 04,
    2014 09:00pm ET``), the article's first, else the page's: the last place a page's date
    is looked for, after its markup and trafilatura."""
    for scope in (container, root):
        checked = 0
        for element in scope.iter():
            named = element.get("class", "") if isinstance(element.tag, str) else ""
            if not _DATED_CLASS.search(named):
                continue
            found = find_date(" ".join(all_text(element).split()))
            if found is not None:
                return Found(value=found.reading, line=line_of(element), where="a byline's text")
            checked += 1
            if checked >= _DATE_TEXTS:
                break
    return None
