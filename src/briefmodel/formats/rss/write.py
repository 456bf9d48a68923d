"""Writing RSS 2.0: the channel's elements, then an ``<item>`` per brief, each part of an
item written by a small rule of :data:`_ITEM_RULES`. The whole brief goes in the
content module's ``<content:encoded>``, its authors in Dublin Core's ``<dc:creator>``
(RSS's own ``<author>`` wants an e-mail address)."""

from __future__ import annotations

import email.utils
from collections.abc import Callable

from lxml import etree

from .._feeds._entries import Channel, Entry
from .._feeds._options import one_brief, writes_feeds
from .._safe_xml import sub_text

__all__ = ["CONTENT", "DC", "write", "write_feed"]

#: The RSS 1.0 content module's namespace (``content:encoded``).
CONTENT = "http://purl.org/rss/1.0/modules/content/"
#: The Dublin Core elements' namespace (``dc:creator``).
DC = "http://purl.org/dc/elements/1.1/"
_C = "{" + CONTENT + "}"
_D = "{" + DC + "}"


def _title(item: etree._Element, entry: Entry) -> None:
    sub_text(item, "title", entry.title)


def _link(item: etree._Element, entry: Entry) -> None:
    if entry.link is not None:
        sub_text(item, "link", entry.link)


def _description(item: etree._Element, entry: Entry) -> None:
    if entry.summary is not None:
        sub_text(item, "description", entry.summary)


def _creators(item: etree._Element, entry: Entry) -> None:
    for author in entry.authors:
        sub_text(item, _D + "creator", author.name)


def _categories(item: etree._Element, entry: Entry) -> None:
    for category in entry.categories:
        if category.scheme is not None:
            sub_text(item, "category", category.term, domain=category.scheme)
        else:
            sub_text(item, "category", category.term)


def _guid(item: etree._Element, entry: Entry) -> None:
    sub_text(item, "guid", entry.id, isPermaLink="true" if entry.link == entry.id else "false")


def _published(item: etree._Element, entry: Entry) -> None:
    if entry.published is not None:
        sub_text(item, "pubDate", email.utils.format_datetime(entry.published))


def _content(item: etree._Element, entry: Entry) -> None:
    sub_text(item, _C + "encoded", entry.content)


#: The parts of an item, in the order they are written.
_ITEM_RULES: tuple[Callable[[etree._Element, Entry], None], ...] = (
    _title,
    _link,
    _description,
    _creators,
    _categories,
    _guid,
    _published,
    _content,
)


def _head(channel_element: etree._Element, channel: Channel) -> None:
    """The channel's own elements. RSS wants a ``<link>`` and a ``<description>``:
    without ``link=`` the link is the feed's own URL, else its id; without
    ``subtitle=`` the description is the title."""
    sub_text(channel_element, "title", channel.title)
    sub_text(channel_element, "link", channel.link or channel.url or channel.id)
    sub_text(channel_element, "description", channel.subtitle or channel.title)
    if channel.language is not None:
        sub_text(channel_element, "language", channel.language)
    if channel.author is not None:
        sub_text(channel_element, _D + "creator", channel.author)
    if channel.updated is not None:
        sub_text(channel_element, "lastBuildDate", email.utils.format_datetime(channel.updated))
    sub_text(channel_element, "generator", "briefmodel")


def _render(found: list[Entry], channel: Channel) -> str:
    root = etree.Element("rss", version="2.0", nsmap={"content": CONTENT, "dc": DC})
    channel_element = etree.SubElement(root, "channel")
    _head(channel_element, channel)
    for entry in found:
        item = etree.SubElement(channel_element, "item")
        for rule in _ITEM_RULES:
            rule(item, entry)
    text: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


write_feed = writes_feeds(_render)
write = one_brief(write_feed)
