"""The sniffers of the built-in formats, in a module that imports nothing heavy.

Telling a document's format from its beginning (:func:`briefmodel.formats.detect`) must
not import every format's reader: the registry knows the built-in formats by this
module's functions and imports a format's package only when it is used. Each format's
``sniff`` is the function here (plain text's is its own: :func:`text` is a quick
refusal in front of it).
"""

from __future__ import annotations

import re

__all__ = [
    "NAR",
    "atom",
    "docx",
    "html",
    "jsonfeed",
    "jsonl",
    "markdown",
    "newsml",
    "ninjs",
    "pdf",
    "rss",
    "text",
]

#: The NewsML-G2 namespace.
NAR = "http://iptc.org/std/nar/2006-10-01/"

#: White space and a byte-order mark before a document's first character.
_LEADING = "\ufeff \t\r\n"


#: The XML declaration, processing instructions, comments and white space before an XML
#: document's root element, and the root's name.
_XML_ROOT = re.compile(
    r"(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*>|\s)*<([A-Za-z_][\w.:-]*)", re.DOTALL
)
#: The Atom namespace.
ATOM = "http://www.w3.org/2005/Atom"


def _root(head: str) -> str | None:
    """The name of the root element of the XML document ``head`` begins, if it is one."""
    found = _XML_ROOT.match(head.lstrip(_LEADING))
    return found.group(1) if found else None


def newsml(text: str) -> bool:
    """True when the text looks like a NewsML-G2 item or message (and not like a feed
    whose entries mention the NewsML-G2 namespace)."""
    head = text.lstrip(_LEADING)
    return head.startswith("<") and NAR in head[:4096] and not (atom(head) or rss(head))


def atom(text: str) -> bool:
    """True when the text looks like an Atom feed: a ``feed`` root in Atom's namespace."""
    root = _root(text[:4096])
    return root is not None and root.rpartition(":")[2] == "feed" and ATOM in text[:4096]


def rss(text: str) -> bool:
    """True when the text looks like an RSS feed: an ``rss`` root (RSS 0.9x and 2.0), or
    RSS 1.0's ``rdf:RDF`` in RSS 1.0's namespace."""
    root = _root(text[:4096])
    if root == "rss":
        return True
    return root is not None and root.endswith("RDF") and "purl.org/rss/1.0/" in text[:4096]


def html(text: str) -> bool:
    """True when the text looks like HTML."""
    head = text.lstrip(_LEADING)[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<article", "<main", "<body"))


_BRIEFMODEL_SCHEMA = re.compile(r'"schema"\s*:\s*"briefmodel/')
_NINJS_KEY = re.compile(r'"(?:uri|headlines|bodies|versionCreated|versioncreated)"\s*:')


#: The version of a JSON Feed (1, 1.1).
_JSONFEED_VERSION = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/1')


def jsonfeed(text: str) -> bool:
    """True when the text looks like a JSON Feed: an object whose ``version`` is JSON
    Feed's."""
    head = text.lstrip(_LEADING)
    # (the address first: finding it is a scan for a string, a tenth of the pattern's)
    return (
        head[:1] == "{"
        and "jsonfeed.org/version/1" in head
        and _JSONFEED_VERSION.search(head) is not None
    )


def ninjs(text: str) -> bool:
    """True when the text looks like a ninjs object rather than canonical JSON."""
    head = text.lstrip(_LEADING)
    if head[:1] != "{" or _BRIEFMODEL_SCHEMA.search(head) or jsonfeed(head):
        return False
    return _NINJS_KEY.search(head) is not None


def markdown(text: str) -> bool:
    """True when the text looks like Markdown: a front matter (YAML's ``---`` or TOML's
    ``+++``) or a ``#`` headline."""
    head = text.lstrip(_LEADING)[:200]
    return head.startswith(("---\n", "---\r\n", "+++\n", "+++\r\n", "# "))


#: A line that plain text's sniffer counts as a list item: a ``•`` or ``(n)`` marker.
_LIST_ITEM = re.compile(r"^[^\S\n]*(?:•|\([0-9]{1,4}\))(?:[^\S\n]+|$)", re.MULTILINE)


def text(head: str) -> bool:
    """Plain text's sniffer (:func:`briefmodel.formats.text.sniff`), imported only for
    text that might be in its layout: a wire story's framing, or no markup first and at
    least two ``•`` or ``(n)`` list items (which its layout needs), so that JSON, markup
    and most Markdown are refused here."""
    body = head.lstrip(_LEADING)
    if not body or body[0] in "{<[" or "\0" in body:
        return False
    if not body.lstrip("\x16").startswith("\x01"):
        lines = body.replace("\r\n", "\n").replace("\r", "\n")
        found = _LIST_ITEM.finditer(lines)
        if next(found, None) is None or next(found, None) is None:
            return False
    from .text.read import sniff  # (the format's package: imported when it may be text)

    return sniff(head)


def jsonl(text: str) -> bool:
    """Never: JSON Lines is told by its suffix (``.jsonl``, ``.ndjson``) or by
    ``format="jsonl"``, since its first line alone is canonical JSON."""
    return False


def pdf(text: str) -> bool:
    """True when the document starts as a PDF does (``%PDF-``, which the format puts in
    its first bytes; readers allow it a little later, after junk, and so does this)."""
    return text.find("%PDF-", 0, 1024) >= 0


#: The start of a zip file's first entry (a local file header).
_ZIP = "PK\x03\x04"
#: A Word document's part, as its name shows among a zip's first entries.
_WORD_PART = re.compile(r"word/[A-Za-z0-9_./-]*\.(?:xml|rels)")


def docx(head: str) -> bool:
    """True when the beginning of a file (decoded with ``errors="replace"``) is a zip
    whose first entries name a Word document's parts (``word/document.xml`` …)."""
    return head.startswith(_ZIP) and _WORD_PART.search(head) is not None
