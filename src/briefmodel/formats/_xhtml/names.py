"""The names the XHTML body's writers and readers share: namespaces and tag sets."""

from __future__ import annotations

from typing import Any

from ...model import Brief
from .._safe_xml import BM

__all__ = [
    "BLOCK_CONTAINERS",
    "BODY_NAMESPACES",
    "HEADINGS",
    "NITF",
    "TRANSPARENT",
    "XHTML",
    "B",
    "H",
    "mention_prefix",
]

#: The XHTML namespace.
XHTML = "http://www.w3.org/1999/xhtml"
#: The NITF namespace, of other producers' bodies.
NITF = "http://iptc.org/std/NITF/2006-10-18/"

H = "{" + XHTML + "}"
B = "{" + BM + "}"
BODY_NAMESPACES: Any = {None: XHTML, "bm": BM}

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hl2"})
#: Body elements whose children are read as blocks in their place.
TRANSPARENT = frozenset(
    {"div", "article", "main", "header", "body", "body.content", "block", "hgroup", "center"}
)

#: XHTML elements whose children are blocks only: white space between them is layout.
BLOCK_CONTAINERS = frozenset(
    H + tag
    for tag in ("html", "head", "body", "section", "ul", "ol", "figure", "blockquote", "aside")
)


def mention_prefix(brief: Brief) -> str:
    """The prefix of mention ids: ``mention-``, lengthened until no section id starts so."""
    taken = {s.id for s in brief.all_sections() if s.id}
    prefix = "mention-"
    while any(t.startswith(prefix) for t in taken):
        prefix = "_" + prefix
    return prefix
