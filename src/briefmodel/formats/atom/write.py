"""Writing Atom 1.0 (RFC 4287): the feed's metadata, then an ``<entry>`` per brief, each
part of an entry written by a small rule of :data:`_ENTRY_RULES`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from lxml import etree

from ...errors import OptionError
from .._feeds._entries import Author, Channel, Entry, undated
from .._feeds._options import one_brief, writes_feeds
from .._safe_xml import XML_LANG, sub_text

__all__ = ["ATOM", "write", "write_feed"]

#: The Atom namespace.
ATOM = "http://www.w3.org/2005/Atom"
_A = "{" + ATOM + "}"
_NAMESPACES: Any = {None: ATOM}


def _time(value: datetime) -> str:
    """An RFC 3339 date-time, in the offset the brief gives."""
    return value.isoformat()


def _author(parent: etree._Element, author: Author) -> None:
    element = etree.SubElement(parent, _A + "author")
    sub_text(element, _A + "name", author.name)
    if author.uri is not None:
        sub_text(element, _A + "uri", author.uri)


def _id(element: etree._Element, entry: Entry) -> None:
    sub_text(element, _A + "id", entry.id)


def _title(element: etree._Element, entry: Entry) -> None:
    sub_text(element, _A + "title", entry.title, type="text")


def _updated(element: etree._Element, entry: Entry) -> None:
    assert entry.updated is not None  # (_render refuses an undated entry)
    sub_text(element, _A + "updated", _time(entry.updated))


def _published(element: etree._Element, entry: Entry) -> None:
    if entry.published is not None:
        sub_text(element, _A + "published", _time(entry.published))


def _authors(element: etree._Element, entry: Entry) -> None:
    for author in entry.authors:
        _author(element, author)


def _categories(element: etree._Element, entry: Entry) -> None:
    for category in entry.categories:
        attributes = {"term": category.term}
        if category.scheme is not None:
            attributes["scheme"] = category.scheme
        if category.label is not None:
            attributes["label"] = category.label
        etree.SubElement(element, _A + "category", attributes)


def _link(element: etree._Element, entry: Entry) -> None:
    if entry.link is not None:
        etree.SubElement(element, _A + "link", rel="alternate", type="text/html", href=entry.link)


def _summary(element: etree._Element, entry: Entry) -> None:
    if entry.summary is not None:
        sub_text(element, _A + "summary", entry.summary, type="text")


def _rights(element: etree._Element, entry: Entry) -> None:
    if entry.rights is not None:
        sub_text(element, _A + "rights", entry.rights, type="text")


def _content(element: etree._Element, entry: Entry) -> None:
    sub_text(element, _A + "content", entry.content, type="html")


#: The parts of an entry, in the order they are written.
_ENTRY_RULES: tuple[Callable[[etree._Element, Entry], None], ...] = (
    _id,
    _title,
    _updated,
    _published,
    _authors,
    _categories,
    _link,
    _summary,
    _rights,
    _content,
)


def _head(root: etree._Element, channel: Channel, found: list[Entry]) -> None:
    """The feed's own elements. Atom wants an author on every entry: the entries whose
    brief names none take the feed's, ``author=`` or else the feed's title (which a feed
    of no entries names too)."""
    sub_text(root, _A + "id", channel.id)
    sub_text(root, _A + "title", channel.title, type="text")
    if channel.subtitle is not None:
        sub_text(root, _A + "subtitle", channel.subtitle, type="text")
    if channel.updated is None:
        raise OptionError("updated", "an Atom feed must say when it was updated: pass updated=")
    sub_text(root, _A + "updated", _time(channel.updated))
    if channel.url is not None:
        etree.SubElement(
            root, _A + "link", rel="self", type="application/atom+xml", href=channel.url
        )
    if channel.link is not None:
        etree.SubElement(root, _A + "link", rel="alternate", type="text/html", href=channel.link)
    if channel.author is not None or not found or any(not e.authors for e in found):
        _author(root, Author(name=channel.author or channel.title))
    sub_text(root, _A + "generator", "briefmodel")


def _render(found: list[Entry], channel: Channel) -> str:
    for index, entry in enumerate(found):
        if entry.updated is None:
            raise undated(index, entry.id, "Atom", "<updated>")
    root = etree.Element(_A + "feed", nsmap=_NAMESPACES)
    if channel.language is not None:
        root.set(XML_LANG, channel.language)
    _head(root, channel, found)
    for entry in found:
        element = etree.SubElement(root, _A + "entry")
        if entry.language != channel.language:
            element.set(XML_LANG, entry.language)
        for rule in _ENTRY_RULES:
            rule(element, entry)
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


write_feed = writes_feeds(_render)
write = one_brief(write_feed)
