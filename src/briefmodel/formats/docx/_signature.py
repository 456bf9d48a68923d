"""What a Word document shows, as a value to compare: each paragraph's style and its
text, run by run with the run's look (italic, bold, character style, the link it is in),
and each table's cells. Two documents with the same signature show the same thing,
whatever else differs (bookmarks, revision ids, how runs are split, numbering ids).

briefmodel's reader compares a file's signature with the signature of the document
the writer writes for the brief embedded in it: when they differ, a person has edited
the text, and the text shown wins over the embedded copy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._inline import on
from ._package import R, w

#: One paragraph's signature: its style's name and its runs' (text, look) pairs.
Signature = tuple[Any, ...]


def signature(document: Any) -> list[Signature]:
    """The signature of every block of a python-docx document's body, in order."""
    names = {style.style_id: style.name for style in document.styles}
    rels = document.part.rels
    return [_block(element, names, rels) for element in blocks(document.element.body)]


def blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body or a cell, in order (inside content controls
    too)."""
    for child in parent:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from blocks(content)


def _block(element: Any, names: dict[str, str], rels: Any) -> Signature:
    if element.tag == w("tbl"):
        rows = []
        for tr in element.iterchildren(w("tr")):
            cells = []
            for tc in tr.iterchildren(w("tc")):
                pr = tc.find(w("tcPr"))
                span = pr.find(w("gridSpan")) if pr is not None else None
                merge = pr.find(w("vMerge")) if pr is not None else None
                cells.append(
                    (
                        span.get(w("val")) if span is not None else "1",
                        None if merge is None else merge.get(w("val"), "continue"),
                        tuple(_block(p, names, rels) for p in blocks(tc)),
                    )
                )
            rows.append(tuple(cells))
        return ("table", tuple(rows))
    pr = element.find(w("pPr"))
    style = pr.find(w("pStyle")) if pr is not None else None
    name = names.get(style.get(w("val"), "")) if style is not None else None
    jc = pr.find(w("jc")) if pr is not None else None
    runs: list[tuple[str, tuple[Any, ...]]] = []
    _runs(element, names, rels, None, runs)
    return (name or "Normal", jc.get(w("val")) if jc is not None else None, tuple(runs))


def _runs(parent: Any, names: dict[str, str], rels: Any, link: str | None, out: list[Any]) -> None:
    for child in parent:
        if child.tag == w("r"):
            pr = child.find(w("rPr"))
            style = pr.find(w("rStyle")) if pr is not None else None
            look = (
                bool(on(pr, "i")),
                bool(on(pr, "b")),
                names.get(style.get(w("val"), "")) if style is not None else None,
                link,
            )
            for part in child:
                if part.tag == w("t"):
                    text = part.text or ""
                elif part.tag in _SHOWN:
                    text = _SHOWN[part.tag]
                elif part.tag in _UNSEEN:
                    continue
                else:  # (an image, a footnote's mark, a comment's …: it shows, and differs)
                    text = f"\x00{part.tag}"
                if text:
                    if out and out[-1][1] == look:
                        out[-1] = (out[-1][0] + text, look)
                    else:
                        out.append((text, look))
        elif child.tag == w("hyperlink"):
            rid = child.get(f"{{{R}}}id")
            target = rels[rid].target_ref if rid in rels else None
            _runs(child, names, rels, target or "#" + child.get(w("anchor"), ""), out)
        elif child.tag in (w("ins"), w("smartTag"), w("sdt"), w("sdtContent"), w("fldSimple")):
            _runs(child, names, rels, link, out)
        elif child.tag in _MARKED:
            out.append((f"\x00{child.tag}", (False, False, None, None)))


#: The text each of the other elements the writer puts in runs shows, in a signature.
_SHOWN = {w("tab"): "\t", w("cr"): "\n", w("br"): "\x0b"}
#: What a run holds that shows nothing (Word adds where it last broke the page); any other
#: element of a run (a drawing, a footnote's or a comment's mark …) is in the signature.
_UNSEEN = frozenset({w("rPr"), w("lastRenderedPageBreak")})
#: What a paragraph holds beside its runs that shows: a tracked deletion, an equation,
#: content for other versions of Word (a text box, a drawing).
_MARKED = frozenset(
    {
        w("del"),
        w("moveFrom"),
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
    }
)
