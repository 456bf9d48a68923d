"""XML for briefmodel's XML formats: untrusted documents parsed safely, and read.

:func:`parse` refuses what could expand without bound, read local files or reach the
network; :class:`Reading` is the state every XML reader shares: what it has lost, the
errors it found, and the unknown parts it keeps when reading leniently.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, NamedTuple

import attrs
from lxml import etree

from ..errors import (
    BriefmodelError,
    ParseError,
    Problem,
    ProblemLog,
    Severity,
    ValidationError,
    loss_message,
)

__all__ = [
    "BM",
    "DROPPED",
    "MARKUP",
    "MAX_BYTES",
    "TEXT",
    "XML_ID",
    "XML_LANG",
    "Lost",
    "Reading",
    "Stripped",
    "all_text",
    "line_of",
    "local_name",
    "lost_text",
    "parse",
    "refuse",
    "strip_comments",
    "sub_text",
    "unwritable",
    "where",
    "writing_xml",
]

#: briefmodel's extension namespace, for what a standard has no place for.
BM = "urn:briefmodel:newsml:1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = "{" + XML_NS + "}lang"
XML_ID = "{" + XML_NS + "}id"

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024

#: What a reader has lost of an element, by element (:attr:`Reading.lost`): ``DROPPED``
#: all of it, ``MARKUP`` its markup (its content read in its place), ``TEXT`` its own
#: text, or ``"@name"`` one attribute.
Lost = dict[Any, set[str]]
DROPPED = "*"
MARKUP = "markup"
TEXT = "text()"


def unwritable(brief: Any, *, named: str = "") -> ValidationError:
    """Why ``brief`` cannot be written as XML: each text in it that XML 1.0 cannot carry
    (a control character, a lone surrogate, U+FFFE or U+FFFF), at its place, as the rule
    ``text.not-xml-char`` finds it; ``named`` goes before each message (which brief of
    many). For a writer whose lxml tree refused a text (a ``ValueError``)."""
    from ..validation import validate  # (only for a brief that cannot be written)

    found = [p for p in validate(brief).problems if p.code == "text.not-xml-char"]
    return ValidationError(
        [attrs.evolve(p, message=named + p.message) for p in found]
        or [
            Problem(
                severity="error",
                code="text.not-xml-char",
                message=named + "the brief holds a character XML 1.0 cannot carry",
            )
        ]
    )


@contextlib.contextmanager
def writing_xml(brief: Any) -> Iterator[None]:
    """Where a writer builds an lxml tree of ``brief``: a text lxml refuses (its
    ``ValueError``, a ``UnicodeEncodeError`` for a lone surrogate) becomes
    :func:`unwritable`'s problems, at their places; briefmodel's own errors pass."""
    try:
        yield
    except BriefmodelError:
        raise
    except ValueError:
        raise unwritable(brief) from None


def sub_text(parent: etree._Element, tag: str, text: str, **attributes: str) -> etree._Element:
    """A new last child of ``parent`` holding ``text``."""
    element = etree.SubElement(parent, tag, attributes)
    element.text = text
    return element


class _NoExternalLoads(etree.Resolver):
    """Answers every request for an external DTD or entity with nothing."""

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:  # type: ignore[override]
        return self.resolve_string("", context, base_url=None)


_PARSER = etree.XMLParser(
    encoding="utf-8",  # the bytes libxml2 reads are the bytes checked below
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,  # libxml2's limits: 256 levels deep, 10 MB per text node
    remove_comments=False,  # kept, to be reported in briefmodel's own items: see parse()
    remove_pis=False,
    collect_ids=False,
)
_PARSER.resolvers.add(_NoExternalLoads())
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")
#: Encodings read besides UTF-8: ASCII and the single-byte ISO and Windows code pages.
_SINGLE_BYTE = re.compile(
    r"(?:us-?ascii|ascii|latin-?1|iso[-_]?8859[-_]?(?:[1-9]|1[0-6])|(?:windows|cp)-?125[0-8])",
    re.IGNORECASE,
)
_XINCLUDE = ("{http://www.w3.org/2001/XInclude}*", "{http://www.w3.org/2003/XInclude}*")
_POSITION = re.compile(r",? (?:\(line \d+.*\)|line \d+, column \d+)$")
_ENCODING_TROUBLE = re.compile(r"encoding|UTF-8|Invalid bytes|Char 0x", re.IGNORECASE)
#: How UTF-16 and UTF-32 documents begin, with or without a byte order mark.
_WIDE_STARTS = (b"<\x00", b"\x00<", b"\x00\x00")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def refuse(
    code: str, message: str, line: int | None = None, column: int | None = None
) -> ParseError:
    return ParseError(
        Problem(severity="error", code=code, message=message, line=line, column=column)
    )


def _utf8(data: str | bytes) -> bytes:
    """The document as UTF-8 bytes, from a str, UTF-8 or a single-byte encoding."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            raise _too_big(len(data), "characters")
        return data.encode("utf-8", "surrogatepass")  # a lone surrogate fails in the parser
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(data) > MAX_BYTES:
        raise _too_big(len(data), "bytes")
    if data.startswith(_WIDE_BOMS) or data.lstrip(b" \t\r\n")[:2] in _WIDE_STARTS:
        raise refuse("parse.encoding", "UTF-16 and UTF-32 are not read; send UTF-8", 1, 1)
    declared = _DECLARED_ENCODING.match(data[:1024])
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name in ("utf-8", "utf8"):
        return bytes(data)
    if not _SINGLE_BYTE.fullmatch(name):
        raise refuse(
            "parse.encoding",
            f"the document declares the encoding {name!r}; NewsML-G2 input is read in "
            "UTF-8, ASCII, ISO 8859 or Windows code pages",
            1,
        )
    try:
        return bytes(data).decode(name).encode("utf-8")
    except (UnicodeDecodeError, LookupError) as error:
        raise refuse("parse.encoding", f"the document is not {name}: {error}", 1) from None


def parse(data: str | bytes, *, stripped: list[Stripped] | None = None) -> etree._Element:
    """Parse untrusted XML safely; the root element, or :class:`~briefmodel.ParseError`.

    Comments and processing instructions are taken out of the tree (their neighbours'
    texts joined), each added to ``stripped`` when a list is given (a reader of
    briefmodel's own items reports them: they are lost).

    Refused: a DOCTYPE (so no entity expansion and no DTD loading), XInclude, anything over
    :data:`MAX_BYTES`, encodings other than UTF-8, ASCII and single-byte code pages (the
    bytes checked are the bytes parsed), bytes that are not in the encoding declared,
    nesting deeper than 256 elements and text nodes over 10 MB. Nothing is fetched from the
    network or the file system, and XInclude is never processed.
    """
    data = _utf8(data)
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start != b"<":
        raise refuse(
            "parse.syntax",
            "the document is empty"
            if not start
            else "the document does not begin with '<': it is not XML, or not in an encoding "
            "briefmodel reads (UTF-8, ASCII, ISO 8859 or Windows code pages)",
            1,
        )
    doctype = data.find(b"<!DOCTYPE")
    if doctype >= 0:
        raise refuse(
            "parse.doctype",
            "the document has a DOCTYPE; DTDs and entity declarations are not allowed "
            "in NewsML-G2 input (they can expand without bound or read local files)",
            data.count(b"\n", 0, doctype) + 1,
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = _POSITION.sub("", str(error.msg or error))
        code, what = "parse.syntax", "not well-formed XML"
        if _ENCODING_TROUBLE.search(message):
            code, what = "parse.encoding", "not readable in its encoding"
        elif "depth" in message.lower():
            code, what = "parse.too-deep", "nested too deeply"
            message = "more than 256 levels of elements"
        elif "huge" in message.lower():
            code, what = "parse.too-large", "too large"
        raise refuse(code, f"{what}: {message}", line or None, column or None) from None
    if root is None:
        raise refuse("parse.syntax", "not well-formed XML: the document is empty")
    if root.getroottree().docinfo.internalDTD is not None:
        raise refuse("parse.doctype", "the document has a DOCTYPE, which is not allowed", 1)
    for include in root.iter(*_XINCLUDE):
        raise refuse(
            "parse.xinclude",
            "the document uses XInclude, which is not allowed in NewsML-G2 input "
            "(it can pull in local files)",
            line_of(include),
        )
    found = strip_comments(root)
    if stripped is not None:
        stripped.extend(found)
    return root


class Stripped(NamedTuple):
    """A comment or processing instruction taken out of a tree: the element it was in,
    its line, and what it was (for a message)."""

    parent: etree._Element
    line: int | None
    what: str


def strip_comments(root: etree._Element) -> list[Stripped]:
    """Take the comments and processing instructions out of the tree under ``root``, the
    text after each joined to the text before it; what was taken out, in document order.
    Linear: each element that held one has its texts joined once."""
    found: list[Stripped] = []
    parents: dict[etree._Element, None] = {}
    for node in root.iter(etree.Comment, etree.ProcessingInstruction):
        parent = node.getparent()
        if parent is None:  # pragma: no cover - root.iter() yields what is inside root
            continue
        text = (node.text or "").strip()
        if isinstance(node, etree._Comment):
            what = f"a comment {text[:40]!r}" if text else "an empty comment"
        else:
            what = f"the processing instruction <?{node.target}{'…' if text else ''}?>"  # type: ignore[attr-defined]
        found.append(Stripped(parent, line_of(node), what))
        parents[parent] = None
    for parent in parents:
        head: list[str] = [parent.text or ""]  # the parent's text, then each child's tail
        pieces = head
        kept: list[tuple[etree._Element, list[str]]] = []
        dropped: list[etree._Element] = []
        for child in parent:
            if isinstance(child.tag, str):
                pieces = [child.tail or ""]
                kept.append((child, pieces))
            else:
                pieces.append(child.tail or "")
                dropped.append(child)
        for child in dropped:
            parent.remove(child)  # (its tail goes with it: it is joined above)
        parent.text = "".join(head) or None
        for child, tails in kept:
            child.tail = "".join(tails) or None
    return found


def _too_big(size: int, unit: str) -> ParseError:
    return refuse(
        "parse.too-large",
        f"the document is {size:,} {unit}; NewsML-G2 input is limited to {MAX_BYTES:,} bytes",
    )


_LOCAL_NAMES: dict[Any, str] = {}


def local_name(tag: Any) -> str:
    """The local name of an element's tag ("" for anything but an element)."""
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        local = tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < 4096:  # tag names come from input: bound the cache
            _LOCAL_NAMES[tag] = local
        return local


def all_text(element: etree._Element) -> str:
    return "".join(element.itertext())  # type: ignore[arg-type]


def line_of(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


#: The position of each child among its parent's children of the same name, and how
#: many those are, by parent: what :func:`where` counts once per parent.
Positions = dict[etree._Element, dict[etree._Element, tuple[int, int]]]


def where(
    element: etree._Element, plain: tuple[str, ...] = (), positions: Positions | None = None
) -> str:
    """A readable XPath to an element: ``/newsItem/contentMeta/slugline[2]``.

    Elements in the namespaces ``plain`` (as ``{uri}`` prefixes) go by their local names,
    others by ``{uri}name``, so that no two elements share a path. A reader that names
    many elements passes the same ``positions`` every time, so that the siblings of an
    element are counted once, not once for each of them.
    """
    steps: list[str] = []
    node: etree._Element | None = element
    known: Positions = {} if positions is None else positions
    while node is not None:
        parent = node.getparent()
        step = local_name(node.tag)
        if not node.tag.startswith(plain):
            step = str(node.tag)  # {namespace}name: foreign elements cannot collide
        if parent is not None:
            table = known.get(parent)
            if table is None:
                table = known[parent] = _positions(parent)
            index, count = table[node]
            if count > 1:
                step += f"[{index + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def _positions(parent: etree._Element) -> dict[etree._Element, tuple[int, int]]:
    counts: dict[Any, int] = {}
    seen: list[tuple[etree._Element, int]] = []
    for child in parent:
        index = counts.get(child.tag, 0)
        counts[child.tag] = index + 1
        seen.append((child, index))
    return {child: (index, counts[child.tag]) for child, index in seen}


#: Elements whose text runs on with their neighbours' (HTML's phrasing elements): the
#: text of any other element is kept apart from what comes before and after it.
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
        "u", "var", "wbr",
    }
)  # fmt: skip
_LOST_TEXT = 60


def lost_text(element: etree._Element) -> str:
    """The beginning of an element's text for a loss message, `` ('…')``, or ""; the texts
    of block elements (paragraphs, items, NewsML-G2 elements) are kept apart by spaces."""
    parts: list[str] = []
    size = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        apart = local_name(tag) not in _INLINE
        if event == "start":
            parts.append(" " if apart else "")
            parts.append(node.text or "")
        else:
            parts.append(" " if apart else "")
            if node is not element:
                parts.append(node.tail or "")
        size += len(parts[-1])
        if size > 4 * _LOST_TEXT:  # enough: the message shows the beginning
            break
    text = " ".join("".join(parts).split())
    return f" ({text[:_LOST_TEXT]!r})" if text else ""


class Reading:
    """One XML document being read: what it has lost, the errors found, the unknown
    parts kept (``strict=False``), and whether briefmodel wrote it (``own``: its text is
    then exact, where other producers' white space is layout)."""

    #: The problem code of a loss.
    loss_code: ClassVar[str] = "xml.dropped"
    #: Namespaces (as ``{uri}``) whose elements kept unknown parts name by local name.
    plain_namespaces: ClassVar[tuple[str, ...]] = ()

    def __init__(self, root: etree._Element, *, strict: bool, own: bool) -> None:
        self.root = root
        self.strict = strict
        self.own = own
        self.losses = ProblemLog()
        self.errors = ProblemLog()
        self.unknown: dict[str, str] = {}
        #: What has been reported lost, by element (see :data:`Lost`).
        self.lost: Lost = {}
        self.positions: Positions = {}  # for where()

    # -- reporting -----------------------------------------------------------------

    def lose(
        self,
        element: etree._Element,
        what: str,
        *,
        keep: bool = True,
        part: str = DROPPED,
        line: int | None = None,
        problem: str = "has no place in the model",
        instead: tuple[str, str] = ("drops it", "is dropped"),
    ) -> None:
        """A loss at ``element`` (or at ``line``): ``part`` says what of it is lost (see
        :data:`Lost`); ``keep`` keeps the element's markup (``strict=False``) under its
        XPath; ``problem`` says what is wrong with it and ``instead`` what reading
        leniently does (said of strict=False, and of the reading). Past the first
        :data:`~briefmodel.errors.MAX_PROBLEMS`, losses are counted, not described."""
        self.lost.setdefault(element, set()).add(part)
        severity: Severity = "error" if self.strict else "warning"
        if not self.losses.room():
            self.losses.skip(severity)
        else:
            self.losses.append(
                Problem(
                    severity=severity,
                    code=self.loss_code,
                    message=loss_message(what, problem, instead, strict=self.strict),
                    line=line_of(element) if line is None else line,
                )
            )
        if keep and not self.strict:
            path = where(element, self.plain_namespaces, self.positions)
            self.unknown[path] = etree.tostring(element, encoding="unicode", with_tail=False)

    def lose_stray_text(self, element: etree._Element) -> None:
        """Losses for text in ``element`` beside its children, in another producer's
        document, where ``element`` holds elements only (a list, a figure, metadata):
        the reader reads none of it. (In briefmodel's own documents such text is found
        by :meth:`lose_unwritten`.)"""
        if self.own:
            return
        tag = local_name(element.tag)
        texts = [(element.text, element)]
        texts.extend((child.tail, child) for child in element)
        for text, at in texts:
            if text and not text.isspace():
                shown = " ".join(text.split())
                self.lose(at, f"the text {shown[:40]!r} in <{tag}>", keep=False, part="stray")

    def lose_unwritten(
        self, found: etree._Element, written: etree._Element, name: Callable[[Any], str]
    ) -> None:
        """Losses for what ``found``, an element of briefmodel's own document, holds that
        ``written``, the writer's for the brief read from it, does not (see
        :mod:`._unread`); ``name`` shows tags and attribute names. Reading leniently
        keeps each under its XPath (an element as markup, an attribute or a text as it is)."""
        from ._unread import unread

        for item in unread(found, written, self.lost, name=name):
            if item.value is None:
                self.lose(item.element, item.what)
                continue
            self.lose(item.element, item.what, keep=False, part=item.step[1:], line=item.line)
            if not self.strict and self.keeps(item.step):
                key = path = where(item.element, self.plain_namespaces, self.positions) + item.step
                count = 1
                while key in self.unknown:
                    count += 1
                    key = f"{path}[{count}]"
                self.unknown[key] = item.value

    def keeps(self, step: str) -> bool:
        """Whether reading leniently keeps the attribute or text at ``step``."""
        return True

    def lose_stripped(self, stripped: list[Stripped], within: etree._Element) -> None:
        """Losses for the comments and processing instructions that were inside
        ``within`` (briefmodel's own document: it writes none)."""
        inside: dict[etree._Element, bool] = {within: True}
        for comment in stripped:
            trail: list[etree._Element] = []
            node: etree._Element | None = comment.parent
            while node is not None and node not in inside:
                trail.append(node)
                node = node.getparent()
            verdict = node is not None and inside[node]
            for seen in trail:
                inside[seen] = verdict
            if verdict:
                self.lose(
                    comment.parent,
                    f"{comment.what} in <{local_name(comment.parent.tag)}>",
                    keep=False,
                    part="comment()",
                    line=comment.line,
                )

    def lose_element(self, element: etree._Element) -> None:
        what = f"<{local_name(element.tag)}>"
        self.lose(element, what + lost_text(element) if self.losses.room() else what)

    def fail(self, element: etree._Element | None, code: str, message: str) -> None:
        self.errors.append(
            Problem(
                severity="error",
                code=code,
                message=message,
                line=line_of(element) if element is not None else None,
            )
        )

    def build(
        self, element: etree._Element, cls: type, *, droppable: bool = False, **fields: Any
    ) -> Any:
        """``cls(**fields)``, or None with the problem recorded. A ``droppable`` part of
        the document (a source, a subject…) that the model cannot hold is a loss, so that
        reading leniently goes on without it; anything else is an error."""
        try:
            return cls(**fields)
        except TypeError as error:  # a required field the document does not have
            missing = re.findall(r"'(\w+)'", str(error)) or ["a field"]
            self.fail(
                element,
                "schema.required",
                f"<{local_name(element.tag)}>: no {' and no '.join(missing)}",
            )
            return None
        except RecursionError:  # JSON in extensions nested beyond what Python recurses
            self.fail(
                element,
                "parse.too-deep",
                f"<{local_name(element.tag)}>: a value nests too deeply to be read",
            )
            return None
        except ValueError as error:  # ModelError
            if droppable:
                self.lose(element, f"<{local_name(element.tag)}> ({error})", keep=True)
            else:
                code = getattr(error, "code", "schema.type")
                self.fail(element, code, f"<{local_name(element.tag)}>: {error}")
            return None

    def text(self, element: etree._Element) -> str:
        text = all_text(element)
        return text if self.own else " ".join(text.split())

    def clean(self, text: str) -> str:
        return text if self.own else " ".join(text.split())
