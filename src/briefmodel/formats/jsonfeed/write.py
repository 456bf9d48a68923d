"""Writing JSON Feed 1.1: the feed's members, then an item per brief, each member of an
item written by a small rule of :data:`_ITEM_RULES`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .._feeds._entries import Author, Channel, Entry
from .._feeds._options import one_brief, writes_feeds

__all__ = ["VERSION", "write", "write_feed"]

#: The version of JSON Feed written: its ``version`` member.
VERSION = "https://jsonfeed.org/version/1.1"

Item = dict[str, Any]


def _author(author: Author) -> dict[str, str]:
    return {"name": author.name, **({"url": author.uri} if author.uri else {})}


def _id(item: Item, entry: Entry) -> None:
    item["id"] = entry.id


def _url(item: Item, entry: Entry) -> None:
    if entry.link is not None:
        item["url"] = entry.link


def _title(item: Item, entry: Entry) -> None:
    item["title"] = entry.title


def _content(item: Item, entry: Entry) -> None:
    item["content_html"] = entry.content


def _summary(item: Item, entry: Entry) -> None:
    if entry.summary is not None:
        item["summary"] = entry.summary


def _dates(item: Item, entry: Entry) -> None:
    if entry.published is not None:
        item["date_published"] = entry.published.isoformat()
    if entry.updated is not None and entry.updated != entry.published:
        item["date_modified"] = entry.updated.isoformat()


def _authors(item: Item, entry: Entry) -> None:
    if entry.authors:
        item["authors"] = [_author(a) for a in entry.authors]


def _tags(item: Item, entry: Entry) -> None:
    if entry.categories:
        item["tags"] = [c.term for c in entry.categories]


def _language(item: Item, entry: Entry) -> None:
    item["language"] = entry.language


#: The members of an item, in the order they are written.
_ITEM_RULES: tuple[Callable[[Item, Entry], None], ...] = (
    _id,
    _url,
    _title,
    _content,
    _summary,
    _dates,
    _authors,
    _tags,
    _language,
)


def _render(found: list[Entry], channel: Channel) -> str:
    feed: dict[str, Any] = {"version": VERSION, "title": channel.title}
    if channel.link is not None:
        feed["home_page_url"] = channel.link
    if channel.url is not None:
        feed["feed_url"] = channel.url
    if channel.subtitle is not None:
        feed["description"] = channel.subtitle
    if channel.author is not None:
        feed["authors"] = [{"name": channel.author}]
    if channel.language is not None:
        feed["language"] = channel.language
    items = []
    for entry in found:
        item: Item = {}
        for rule in _ITEM_RULES:
            rule(item, entry)
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


write_feed = writes_feeds(_render)
write = one_brief(write_feed)
