"""The sniffers of the built-in formats, in a module that imports nothing heavy.

Telling a document's format from its beginning (:func:`briefmodel.formats.detect`) must
not import every format's reader: the registry knows the built-in formats by this
module's functions and imports a format's package only when it is used. Each format's
``sniff`` is the function here (plain text's is its own: :func:`text` is a quick
refusal in front of it).
"""

from __future__ import annotations

import re

__all__ = ["NAR", "docx", "html", "jsonl", "markdown", "newsml", "ninjs", "text"]

#: The NewsML-G2 namespace.
NAR = "http://iptc.org/std/nar/2006-10-01/"

#: White space and a byte-order mark before a document's first character.
_LEADING = "\ufeff \t\r\n"


def newsml(text: str) -> bool:
    """True when the text looks like a NewsML-G2 item or message."""
    head = text.lstrip(_LEADING)
    return head.startswith("<") and NAR in head[:4096]


def html(text: str) -> bool:
    """True when the text looks like HTML."""
    head = text.lstrip(_LEADING)[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<article", "<main", "<body"))


_BRIEFMODEL_SCHEMA = re.compile(r'"schema"\s*:\s*"briefmodel/')
_NINJS_KEY = re.compile(r'"(?:uri|headlines|bodies|versionCreated|versioncreated)"\s*:')


def ninjs(text: str) -> bool:
    """True when the text looks like a ninjs object rather than canonical JSON."""
    head = text.lstrip(_LEADING)
    if head[:1] != "{" or _BRIEFMODEL_SCHEMA.search(head):
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


#: The start of a zip file's first entry (a local file header).
_ZIP = "PK\x03\x04"
#: A Word document's part, as its name shows among a zip's first entries.
_WORD_PART = re.compile(r"word/[A-Za-z0-9_./-]*\.(?:xml|rels)")


def docx(head: str) -> bool:
    """True when the beginning of a file (decoded with ``errors="replace"``) is a zip
    whose first entries name a Word document's parts (``word/document.xml`` …)."""
    return head.startswith(_ZIP) and _WORD_PART.search(head) is not None
