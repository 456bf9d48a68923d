"""The lean path's page around the article (see :mod:`._lean`): the ``head`` as the
writer writes it, and what the page's text says of the brief's characters."""

from __future__ import annotations

from lxml import etree

from ..._generated import Doubt
from ...model import Brief
from ...rules import url_scheme
from ._escape import _UNWRITABLE
from ._lean_body import empty, texts

__all__ = ["head_agrees", "plain", "xml_safe"]

#: The controls XML cannot carry (as bytes: a page's other characters XML cannot carry
#: are U+FFFE and U+FFFF).
_CONTROLS = bytes(range(9)) + b"\x0b\x0c" + bytes(range(14, 32))


def xml_safe(page: str | bytes) -> bool:
    """Whether every text of ``page`` is one XML can carry: no such character in it, and
    no character reference but the writer's ``&#x27;`` (one may stand for a control).
    (Searched as bytes: a pattern is ten times slower.)"""
    raw = page.encode("utf-8") if isinstance(page, str) else page
    if raw.count(b"&#") != raw.count(b"&#x27;"):
        return False
    if b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw:
        return False
    return len(raw.translate(None, _CONTROLS)) == len(raw)


def plain(text: str) -> str:
    """A text as the writer puts it where no markup goes, once parsed (``_plain``)."""
    return _UNWRITABLE.sub(lambda m: " " if m.group() == "\r" else "", text)


def head_agrees(head: etree._Element, brief: Brief) -> None:
    """Doubt unless the ``head`` has the writer's elements, in its order, with its
    constant values, and the brief's headline, language and dates where it puts them."""
    title = plain(brief.headline)
    expected: list[tuple[str, dict[str, str | None]]] = [
        ("meta", {"charset": "utf-8"}),
        ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        ("title", {}),
        ("meta", {"name": "description", "content": None}),
        ("meta", {"name": "generator", "content": "briefmodel"}),
        ("meta", {"property": "og:type", "content": "article"}),
        ("meta", {"property": "og:title", "content": title}),
        ("meta", {"property": "og:description", "content": None}),
        ("meta", {"property": "og:locale", "content": brief.language.replace("-", "_")}),
    ]
    if brief.created is not None:
        published = brief.created.isoformat()
        expected.append(("meta", {"property": "article:published_time", "content": published}))
    if url_scheme(brief.id) in ("http", "https"):
        expected.append(("meta", {"property": "og:url", "content": plain(brief.id)}))
    if brief.updated is not None:
        modified = brief.updated.isoformat()
        expected.append(("meta", {"property": "article:modified_time", "content": modified}))
    expected.append(("script", {"type": "application/ld+json"}))
    if len(head) == len(expected) + 1:
        expected.append(("style", {}))
    if len(head) != len(expected) or head.keys() or set(texts(head)) != {"\n"}:
        raise Doubt
    for element, (tag, values) in zip(head, expected, strict=True):
        if element.tag != tag or element.keys() != list(values):
            raise Doubt
        for name, value in values.items():
            if value is not None and element.get(name) != value:
                raise Doubt
        if tag == "meta":
            empty(element, len(values))
        elif len(element) or (tag == "title" and element.text != title):
            raise Doubt
