"""Reading the content of a Word paragraph as rich text: runs, tabs and breaks, bold and
italic (direct or by character style), code (by style or a monospaced font),
hyperlinks (external ones as links; briefmodel's links to its Sources list as
citations), fields, tracked changes, and what the model has no place for (images, text
boxes, footnotes, comments, equations) reported as lost."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from ...model import Citation, Code, Emphasis, LineBreak, Link, Mention, Strong, rich_text
from ._package import R, w
from ._styles import MONOSPACE
from .write import SOURCE_BOOKMARK

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
#: Character styles that say a run is code, lower-cased.
CODE_STYLES = frozenset(
    {
        "html code",
        "code",
        "source code",
        "source text",
        "verbatim char",
        "html typewriter",
        "code char",
    }
)
_FALSE = frozenset({"0", "false", "off", "none"})
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)
#: How deep inline containers (hyperlinks, smart tags, content controls) are followed.
MAX_INLINE_DEPTH = 32


class Piece(NamedTuple):
    """One piece of a paragraph's content: a text or an inline node, with the marks of
    its run (italic, bold, code) and its character style's name (lower-cased)."""

    node: Any
    italic: bool
    bold: bool
    code: bool
    style: str


def on(element: Any, name: str) -> bool | None:
    """The value of a toggle property (``w:b``, ``w:i``) in ``element`` (a w:rPr), or
    None when it does not say."""
    if element is None:
        return None
    found = element.find(w(name))
    if found is None:
        return None
    return found.get(w("val"), "true").lower() not in _FALSE


class Inline:
    """Reading the runs of paragraphs, for one document: its character styles and
    relationships; what cannot be read goes to ``lose(what)``."""

    def __init__(
        self,
        styles: dict[str, Any],
        rels: Any,
        lose: Callable[[str], None],
        *,
        sources: tuple[str, ...] = (),
        mentions: dict[str, str] | None = None,
        own: bool = False,
    ) -> None:
        self.styles = styles
        self.rels = rels
        self.lose = lose
        self.sources = sources
        self.mentions = mentions or {}
        self.own = own  # briefmodel's own document: a w:cr is a line feed in a text

    # -- the pieces --------------------------------------------------------------------

    def pieces(self, parent: Any, depth: int = 0) -> Iterator[Piece]:
        """The pieces of ``parent`` (a w:p or an inline container), in order."""
        if depth > MAX_INLINE_DEPTH:
            self.lose("inline markup nested too deeply")
            return
        field: list[Any] | None = None  # a complex field: its instruction, then its result
        instruction = ""
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                chars = child.findall(w("fldChar"))
                kind = chars[0].get(w("fldCharType")) if chars else None
                if kind == "begin":
                    field, instruction = [], ""
                    continue
                if kind == "separate":
                    continue
                if kind == "end":
                    if field is not None:
                        yield from self.field(instruction, field)
                    field = None
                    continue
                if field is not None:
                    texts = child.findall(w("instrText"))
                    if texts:
                        instruction += "".join(t.text or "" for t in texts)
                    else:
                        field.extend(self.run(child))
                    continue
                yield from self.run(child)
            elif tag == w("hyperlink"):
                yield from self.hyperlink(child, depth)
            elif tag in (w("ins"), w("moveTo"), w("smartTag"), w("customXml")):
                if tag in (w("ins"), w("moveTo")):
                    self.lose("a tracked change (an insertion, read as accepted)")
                yield from self.pieces(child, depth + 1)
            elif tag in (w("del"), w("moveFrom")):
                self.lose("a tracked change (a deletion, dropped as accepted)")
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self.pieces(content, depth + 1)
            elif tag == w("fldSimple"):
                inner = list(self.pieces(child, depth + 1))
                yield from self.field(child.get(w("instr"), ""), inner)
            elif tag in (f"{{{_MATH}}}oMath", f"{{{_MATH}}}oMathPara"):
                self.lose("an equation")
            elif tag == f"{{{_MC}}}AlternateContent":
                self.lose(_drawn(child))

    def run(self, r: Any) -> Iterator[Piece]:
        pr = r.find(w("rPr"))
        italic, bold, code, style = self.marks(pr)
        for child in r:
            tag = child.tag
            node: Any = None
            if tag == w("t"):
                node = child.text or ""
            elif tag in (w("tab"), w("ptab")):
                node = "\t"
            elif tag == w("br"):
                if child.get(w("type"), "textWrapping") == "textWrapping":
                    node = LineBreak()
            elif tag == w("cr"):
                node = "\n" if self.own else LineBreak()
            elif tag == w("noBreakHyphen"):
                node = "\u2011"
            elif tag == w("softHyphen"):
                node = "\u00ad"
            elif tag == w("sym"):
                self.lose("a symbol character (w:sym)")
            elif tag in (w("drawing"), w("pict"), w("object")):
                self.lose(_drawn(child))
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.lose("a footnote" if tag == w("footnoteReference") else "an endnote")
            elif tag == w("commentReference"):
                self.lose("a comment")
            elif tag == f"{{{_MC}}}AlternateContent":
                self.lose(_drawn(child))
            if node is not None and node != "":
                yield Piece(node, italic, bold, code, style)

    def marks(self, pr: Any) -> tuple[bool, bool, bool, str]:
        """Italic, bold, code and the character style's name of a run's properties."""
        name = ""
        style = None
        if pr is not None:
            found = pr.find(w("rStyle"))
            if found is not None:
                style = self.styles.get(found.get(w("val"), ""))
                name = (style.name or "").lower() if style is not None else ""
        style_pr = style.element.rPr if style is not None else None
        italic = on(pr, "i")
        bold = on(pr, "b")
        if italic is None:
            italic = name == "emphasis" or bool(on(style_pr, "i"))
        if bold is None:
            bold = name == "strong" or bool(on(style_pr, "b"))
        fonts = pr.find(w("rFonts")) if pr is not None else None
        font = (fonts.get(w("ascii")) or fonts.get(w("hAnsi")) or "") if fonts is not None else ""
        code = name in CODE_STYLES or font.lower().startswith(MONOSPACE)
        return italic, bold, code, name

    def hyperlink(self, element: Any, depth: int) -> Iterator[Piece]:
        inner = list(self.pieces(element, depth + 1))
        anchor = element.get(w("anchor"))
        rid = element.get(f"{{{R}}}id")
        if anchor is not None and anchor.startswith(SOURCE_BOOKMARK) and self.sources:
            number = anchor[len(SOURCE_BOOKMARK) :]
            if number.isdigit() and 0 < int(number) <= len(self.sources):
                yield Piece(Citation(ref=self.sources[int(number) - 1]), False, False, False, "")
                return
        href = None
        if rid is not None and rid in self.rels:
            rel = self.rels[rid]
            href = rel.target_ref if rel.is_external else None
        elif anchor is not None:
            self.lose(f"a link to a place in the document (the bookmark {anchor[:40]!r})")
        if href is None:
            yield from inner
            return
        link = Link(href=href, content=self.rich(inner), title=element.get(w("tooltip")))
        yield Piece(link, False, False, False, "")

    def field(self, instruction: str, inner: list[Piece]) -> Iterator[Piece]:
        match = _HYPERLINK_FIELD.match(instruction)
        if match is None:
            yield from inner
            return
        yield Piece(Link(href=match.group(1), content=self.rich(inner)), False, False, False, "")

    # -- rich text ---------------------------------------------------------------------

    def rich(self, pieces: list[Piece]) -> tuple[Any, ...]:
        """Pieces as rich text: runs of code as Code, mentions by their style (in
        briefmodel's own document), bold as Strong around italic as Emphasis."""
        return rich_text(self._nest(pieces, 0))

    def _nest(self, pieces: list[Piece], level: int) -> list[Any]:
        if level == len(_KEYS):
            return [piece.node for piece in pieces]
        out: list[Any] = []
        for key, grouped in itertools.groupby(pieces, _KEYS[level]):
            group = list(grouped)
            out.extend(self._wrap(level, group) if key else self._nest(group, level + 1))
        return out

    def _wrap(self, level: int, group: list[Piece]) -> list[Any]:
        if level == _CODE:
            return [Code(text="".join(piece.node for piece in group))]
        inner = rich_text(self._nest(group, level + 1))
        if level == _BOLD:
            return [Strong(content=inner)]
        if level == _ITALIC:
            return [Emphasis(content=inner)]
        ref = self.mentions.get("".join(p.node for p in group if type(p.node) is str))
        return [Mention(ref=ref, content=inner)] if ref else list(inner)


#: What groups the pieces at each level of nesting, outermost first: a mention (by
#: briefmodel's character style), bold, italic, code (of text alone).
_KEYS: tuple[Callable[[Piece], bool], ...] = (
    lambda p: p.style == "mention",
    lambda p: p.bold,
    lambda p: p.italic,
    lambda p: p.code and type(p.node) is str,
)
_MENTION, _BOLD, _ITALIC, _CODE = range(4)


def _drawn(element: Any) -> str:
    """What a drawing, a picture or alternate content holds, as a loss says it."""
    for found in element.iter():
        name = found.tag.rsplit("}", 1)[-1] if isinstance(found.tag, str) else ""
        if name in ("txbx", "textbox"):
            return "a text box"
    for found in element.iter():
        name = found.tag.rsplit("}", 1)[-1] if isinstance(found.tag, str) else ""
        if name in ("pic", "imagedata", "blip"):
            return "an image"
    return "a drawing"
