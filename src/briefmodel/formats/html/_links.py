"""The links of other producers' pages, read leniently: a relative address is made
absolute against the page's own address, and what cannot be a link in a brief (a
``#fragment`` of the page itself, a relative address on a page that gives no address of
its own, ``javascript:`` and the like) becomes its text, each a repair with its code.

>>> reading = read_link("../harbour", None, "https://news.example.org/2026/05/bridge")
>>> reading.href, reading.repairs
('https://news.example.org/2026/harbour', ('repair.link-resolved',))
>>> read_link("#notes", "", None).repairs
('repair.empty-title', 'fragment')
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

import attrs
from lxml import etree

from ...rules import DEFAULT_URL_SCHEMES, url_scheme
from ._escape import _MAYBE_UNWRITABLE

__all__ = ["LinkReading", "page_base", "read_link"]

RESOLVED = "repair.link-resolved"
#: A link kept as its text (the code lenient reading's repairs give it, :mod:`.._repairs`).
UNLINKED = "repair.link-unlinked"
EMPTY_TITLE = "repair.empty-title"
#: Why a link is kept as its text, by what it is (the keys of :data:`MESSAGES`).
FRAGMENT, UNRESOLVED, SCHEME = "fragment", "unresolved", "scheme"

#: What each repair did, for its problem's message.
MESSAGES = {
    RESOLVED: "the relative address {href!r} is read against the page's, as {to!r}",
    FRAGMENT: "the link {href!r} points into the page itself: its text is kept, not the link",
    UNRESOLVED: "the relative link {href!r} has no page address to be read against "
    "(no <base href>, canonical link, og:url or JSON-LD url): its text is kept, not the link",
    SCHEME: "the link {href!r} cannot be a link in a brief: its text is kept, not the link",
    EMPTY_TITLE: 'the empty title="" of the link {href!r} is dropped',
}
#: The problem code of each repair.
CODES = {FRAGMENT: UNLINKED, UNRESOLVED: UNLINKED, SCHEME: UNLINKED}


@attrs.frozen(kw_only=True)
class LinkReading:
    """A link as a brief holds it: its absolute ``href`` (``None``: its text only), its
    ``title``, and the repairs that reading it made (keys of :data:`MESSAGES`; their
    problem codes by :func:`code_of`)."""

    href: str | None
    title: str | None
    repairs: tuple[str, ...] = ()


def _absolute(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) address that HTML can carry."""
    value = (value or "").strip()
    if url_scheme(value) in ("http", "https") and not _MAYBE_UNWRITABLE.search(value):
        return value
    return None


def page_base(root: etree._Element, more: Iterable[str | None] = ()) -> str | None:
    """The address relative links of a page are read against: its ``<base href>``, else
    its canonical link, else its ``og:url``, else the first of ``more`` (a JSON-LD
    ``url``), the first that is an absolute http(s) address. A relative ``<base href>``
    is read against the rest."""
    base = next((b.get("href") for b in root.iter("base") if b.get("href")), None)
    canonical = [
        link.get("href")
        for link in root.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    og = [m.get("content") for m in root.iter("meta") if m.get("property") == "og:url"]
    page = next(
        (found for found in map(_absolute, [*canonical, *og, *more]) if found is not None), None
    )
    if base is not None:
        if _absolute(base) is not None:
            return _absolute(base)
        if page is not None and url_scheme(base.strip()) is None:
            return _absolute(urljoin(page, base.strip()))
    return page


def read_link(href: str, title: str | None, base: str | None) -> LinkReading:
    """The link ``href`` (with its ``title``) of a page whose address is ``base``."""
    repairs: list[str] = []
    if title is not None and not title.strip():
        title = None
        repairs.append(EMPTY_TITLE)
    value = href.strip()
    scheme = url_scheme(value)
    if scheme is None:
        if value.startswith("#"):
            return LinkReading(href=None, title=title, repairs=(*repairs, FRAGMENT))
        if base is None:
            return LinkReading(href=None, title=title, repairs=(*repairs, UNRESOLVED))
        value = urljoin(base, value)
        repairs.append(RESOLVED)
        scheme = url_scheme(value)
    if scheme not in DEFAULT_URL_SCHEMES or _MAYBE_UNWRITABLE.search(value):
        return LinkReading(href=None, title=title, repairs=(*repairs, SCHEME))
    return LinkReading(href=value, title=title, repairs=tuple(repairs))


def code_of(repair: str) -> str:
    """The problem code of a repair of :attr:`LinkReading.repairs`."""
    return CODES.get(repair, repair)


def message(code: str, href: str, to: str | None) -> str:
    """What the repair ``code`` did to the link ``href`` (read as ``to``)."""
    shown = href.strip()
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return MESSAGES[code].format(href=shown, to=to)
