"""Untrusted HTML parsed safely: size, encoding and attribute counts checked before
libxml2 reads it, nothing fetched, a document cut short reported; and the small helpers
that read the parsed tree (classes, times, text without scripts and the like)."""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from ..._converter import Invalid, parse_datetime
from ...errors import ParseError, Problem
from .._safe_xml import Stripped, all_text, refuse, strip_comments

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024

#: Elements with more attributes than this are refused before parsing: libxml2 compares
#: each attribute with all the element's others, so that its time grows with the square
#: of their number.
MAX_ATTRIBUTES = 256


def _parser() -> etree.HTMLParser:
    """A parser of its own for each document, so that its error log is that document's."""
    return etree.HTMLParser(  # type: ignore[call-arg]  # default_doctype: not in the stubs
        encoding="utf-8",
        no_network=True,
        remove_comments=False,  # taken out after parsing: see _parse()
        remove_pis=False,
        remove_blank_text=False,
        huge_tree=False,  # libxml2's limits: 256 levels deep, 10 MB per text or attribute
        default_doctype=False,
        collect_ids=False,
    )


def _markup(limit: int) -> re.Pattern[bytes]:
    """HTML's tokens as the HTML standard's tokenizer (and libxml2's) finds them, in one
    pattern that matches a whole document unless an element has more than ``limit``
    attributes: comments, the raw text of ``script`` (with its escapes), ``style``,
    ``textarea``, ``title``… and ``plaintext``, and quoted attribute values, so that no
    ``<`` or ``>`` inside them is taken for a tag. Linear in the document's length."""
    space = rb"[\t\n\f\r ]"
    sep = rb"[\t\n\f\r /]"
    stop = rb"(?=[\t\n\f\r />])"
    attribute = (
        rb"[^\t\n\f\r />][^\t\n\f\r />=]*+(?:"
        + space
        + rb"*+="
        + space
        + rb"*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\t\n\f\r >]*+))?+"
    )
    attributes = rb"(?:" + sep + rb"*+" + attribute + rb"){0,%d}+" % limit
    tag = attributes + sep + rb"*+(?:>|\Z)"
    opened = attributes + rb"(?:" + sep + rb"*" + space + rb")?>"  # not self-closing
    not_end = rb"(?!/script" + stop + rb")"
    escaped = rb"(?:[^<-]|-(?!->)|<" + not_end + rb"(?!script" + stop + rb"))*+"
    double = rb"(?:[^<-]|-(?!->)|<" + not_end + rb")*+"
    data = rb"(?:[^<]|<(?!!--)" + not_end + rb")*+"
    in_comment = (
        rb"(?:-*+>|" + escaped
        + rb"(?:<script" + stop + double + rb"</script" + stop + escaped + rb")*+"
        + rb"(?:-->|<script" + stop + double + rb"(?:-->|\Z)|(?=</script" + stop + rb")|\Z))"
    )  # fmt: skip
    script = rb"<script" + stop + opened + data + rb"(?:<!--" + in_comment + data + rb")*+"
    # (Raw text runs to its end tag in runs without "<": a lazy ".*?(?=</style…)" tried
    # the end tag at every byte, four times slower over the page's stylesheet.)
    raw = rb"|".join(
        rb"<" + name + stop + opened + rb"(?:[^<]++|<(?!/" + name + stop + rb"))*+"
        for name in (b"style", b"xmp", b"iframe", b"noembed", b"noframes", b"textarea", b"title")
    )
    return re.compile(
        rb"(?:[^<]++"
        rb"|<!--(?:-?>|.*?--!?>|.*+)"
        rb"|<[!?][^>]*+>?"
        rb"|</(?![A-Za-z])[^>]*+>?"
        rb"|</[A-Za-z][^\t\n\f\r />]*+" + tag + rb"|" + script + rb"|" + raw
        + rb"|<plaintext" + stop + opened + rb".*+"
        rb"|<[A-Za-z][^\t\n\f\r />]*+" + tag
        + rb"|<(?![A-Za-z!?/]))*+",
        re.DOTALL | re.IGNORECASE,
    )  # fmt: skip


_MARKUP = _markup(MAX_ATTRIBUTES)

#: A numeric character reference (HTML reads one without its ``;`` too).
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")
#: libxml2's errors that end parsing early, and what they mean.
_CUT_SHORT = {
    "depth": ("parse.too-deep", "more than 256 levels of elements"),
    "buffer size": ("parse.too-large", "a text or an attribute value over 10 MB"),
}


#: Elements whose content is never part of an article.
_NEVER_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "dialog",
        "menu",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def parse(data: str | bytes) -> etree._Element:
    """Parse HTML (untrusted) into a tree; :class:`~briefmodel.ParseError` if it cannot be.

    Nothing is fetched: no DTD, no entity beyond HTML's own, no network. Refused: input
    over 64 MiB (in UTF-8) and input that is not UTF-8, before parsing; an element with
    more than :data:`MAX_ATTRIBUTES` attributes, found by a linear scan before parsing;
    and a document that libxml2 stops reading early (more than 256 levels of elements, a
    text or attribute value over 10 MB), since the tree would lack its end.
    """
    root, cut, _ = _parse(data)
    if cut is not None:
        raise ParseError(cut)
    return root


def _parse(data: str | bytes) -> tuple[etree._Element, Problem | None, list[Stripped]]:
    """The tree, the problem if libxml2 stopped reading before the end, and the comments
    and processing instructions taken out of the tree (:func:`.._safe_xml.strip_comments`:
    a reader of briefmodel's own page reports those in its article)."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:  # no character takes less than a byte
            raise _too_large(f"{len(data):,} characters")
        raw = data.encode("utf-8", "surrogatepass")  # a lone surrogate fails below
    elif isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(raw) > MAX_BYTES:
        raise _too_large(f"{len(raw):,} bytes" + (" in UTF-8" if isinstance(data, str) else ""))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise refuse("parse.encoding", f"the document is not UTF-8: {error.reason}", line) from None
    if not raw.strip():
        raise refuse("parse.syntax", "the document is empty", 1)
    _refuse_unheld(raw)
    scanned = _MARKUP.match(raw)
    end = scanned.end() if scanned is not None else 0
    if end < len(raw):
        raise refuse(
            "parse.too-large",
            f"an element has more than {MAX_ATTRIBUTES} attributes",
            raw.count(b"\n", 0, end) + 1,
        )
    parser = _parser()
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:  # libxml2 recovers from almost anything
        raise refuse("parse.syntax", f"not readable as HTML: {error.msg}") from None
    if root is None:
        raise refuse("parse.syntax", "not readable as HTML: no element")
    stripped = strip_comments(root)
    for entry in parser.error_log:
        if entry.level_name != "FATAL":
            continue
        message = entry.message.lower()
        code, what = next(
            (found for key, found in _CUT_SHORT.items() if key in message),
            ("parse.syntax", entry.message.strip()),
        )
        return (
            root,
            Problem(
                severity="error",
                code=code,
                message=f"libxml2 stopped reading the document at line {entry.line} "
                f"({what}): what follows is not read",
                line=entry.line or None,
                column=entry.column or None,
            ),
            stripped,
        )
    return root, None, stripped


def _refuse_unheld(raw: bytes) -> None:
    """Refuse, at its line and column, what HTML would read as U+FFFD without a word: a
    NUL, and a character reference to NUL, to a surrogate or beyond Unicode. (Other
    characters XML cannot carry, a control say, are read as they are, and ``validate``
    reports them with ``text.not-xml-char``, as it does for every format.)"""
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = "the document holds a NUL character: it is binary, not HTML"
        raise refuse("parse.syntax", message, *_position(raw, nul))
    if b"&#" not in raw:
        return
    for reference in _REFERENCE.finditer(raw):
        hexadecimal, decimal = reference.groups()
        digits = hexadecimal or decimal
        code = int(digits, 16 if hexadecimal else 10) if len(digits) <= 10 else -1
        if code == 0 or 0xD800 <= code <= 0xDFFF or not 0 <= code <= 0x10FFFF:
            shown = reference.group().decode("ascii")[:20]
            message = (
                f"the character reference {shown!r} stands for no character "
                "(HTML reads it as U+FFFD, replacing it)"
            )
            raise refuse("parse.syntax", message, *_position(raw, reference.start()))


def _position(raw: bytes, index: int) -> tuple[int, int]:
    """The line and column (in characters, from 1) of the byte at ``index``."""
    start = raw.rfind(b"\n", 0, index) + 1
    return raw.count(b"\n", 0, index) + 1, len(raw[start:index].decode("utf-8", "replace")) + 1


def _too_large(size: str) -> ParseError:
    return refuse(
        "parse.too-large", f"the document is {size}; HTML input is limited to {MAX_BYTES:,} bytes"
    )


def _class(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _time_of(element: etree._Element | None) -> datetime | None:
    if element is None:
        return None
    value = element.get("datetime")
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except Invalid:
        return None


def _text(element: etree._Element, skip: frozenset[str] | None = None) -> str:
    """The text of an element without the text of the elements that are never read
    (scripts, styles, templates, forms…; or those ``skip`` names): what a heading or a
    name says."""
    skip = _NEVER_CONTENT if skip is None else skip
    if not any(True for node in element.iter(*skip) if node is not element):
        return all_text(element)
    parts: list[str] = []
    skipping: etree._Element | None = None
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if skipping is not None:
            if event == "end" and node is skipping:
                skipping = None
                if node is not element:
                    parts.append(node.tail or "")
            continue
        if event == "start":
            if node.tag in skip and node is not element:
                skipping = node
            else:
                parts.append(node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
    return "".join(parts)
