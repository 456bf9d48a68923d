"""Reading the body of a Word document into the headline, the subheadline and the
sections of a brief: the title and headings by their styles (Title, Subtitle, Heading
1–9, an outline level) or, in a document written by a person, by their look (bold or
larger, on a short line); lists by their styles and numbering; quotes, tables (header
rows, merged cells, alignment) and, in briefmodel's own document, its judgments,
figures and captions by their styles. What the model has no place for is a loss, at
its paragraph's number."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ... import _patterns
from ...errors import Problem, Severity, loss_message
from ...model import (
    Brief,
    Citation,
    Figure,
    ItemList,
    Judgment,
    Link,
    ListItem,
    Paragraph,
    Quote,
    Section,
    plain_text,
)
from .._labels import CONFIDENCE_LABELS, LIKELIHOOD_LABELS
from .._roles import role_for
from ._cells import table
from ._inline import Inline
from ._package import w
from ._signature import blocks
from ._styles import META_STYLES
from .write import SECTION_BOOKMARK

#: The code of what reading a Word document drops.
LOSS_CODE = "docx.dropped"
#: A heading "by look" is at most this long.
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 14
_HEADING = re.compile(r"heading ([1-9])$")
_LEVELED = re.compile(r"(list bullet|list number|list continue)(?: ([2-9]))?$")
_JC = {"left": "start", "start": "start", "right": "end", "end": "end", "center": "center"}
_LIKELIHOODS = {label: value for value, label in LIKELIHOOD_LABELS.items()}
_CONFIDENCES = {label: value for value, label in CONFIDENCE_LABELS.items()}


class _Node(dict[str, Any]):
    """A section or a list being built: its fields, and its place in the outline."""


class Body:
    """One document's body being read. ``own`` is the brief briefmodel embedded in it
    (an edited document of its own), whose sections give the headings' ids and roles and
    whose sources and entities the citations and mentions name."""

    def __init__(self, document: Any, *, strict: bool, own: Brief | None = None) -> None:
        self.document = document
        self.strict = strict
        self.own = own
        self.losses: list[Problem] = []
        self.repairs: list[Problem] = []
        self.number = 0  # the paragraph being read, from 1
        self.styles = {style.style_id: style for style in document.styles}
        self.default = _default_style(document)
        self.formats = _numbering(document)
        self.body_size = _size(self.default) or 22
        sources = tuple(s.id for s in own.sources) if own is not None else ()
        mentions = _mentions(own) if own is not None else {}
        self.inline = Inline(
            self.styles,
            document.part.rels,
            self.lose,
            sources=sources,
            mentions=mentions,
            own=own is not None,
        )
        self.own_sections = list(own.all_sections()) if own is not None else []
        self.headline: str | None = None
        self.subheadline: str | None = None
        self.title_by_look: int | None = None
        self.root = _Node(blocks=[], sections=[], level=0)
        self.stack = [self.root]
        self.lists: list[_Node] = []  # the open lists, outermost first
        self.pending: dict[str, Any] = {}  # a judgment's assessment, a caption ahead
        self.seen_text = False
        self.first_text: tuple[int, str] | None = None  # (paragraph, text) of the first
        title_ids = {i for i, st in self.styles.items() if (st.name or "").lower() == "title"}
        self.titled = any(
            found.get(w("val")) in title_ids for found in document.element.body.iter(w("pStyle"))
        )

    # -- problems ----------------------------------------------------------------------

    def lose(self, what: str) -> None:
        """What paragraph ``self.number`` holds that the model has no place for."""
        message = loss_message(what, strict=self.strict)
        if self.number:
            message = f"paragraph {self.number}: {message}"
        severity: Severity = "error" if self.strict else "warning"
        if len(self.losses) < 100:
            self.losses.append(Problem(severity=severity, code=LOSS_CODE, message=message))

    def repair(self, code: str, message: str) -> None:
        """What reading had to assume: a warning, or an error when reading strictly."""
        if self.strict:
            message += "; strict=False reads it so"
        if self.number:
            message = f"paragraph {self.number}: {message}"
        severity: Severity = "error" if self.strict else "warning"
        self.repairs.append(Problem(severity=severity, code=code, message=message))

    # -- the body ----------------------------------------------------------------------

    def read(self) -> list[Section]:
        """The sections of the body (its headline and subheadline on ``self``)."""
        for element in blocks(self.document.element.body):
            if element.tag == w("tbl"):
                self.close_lists()
                self.table(element)
            else:
                self.number += 1
                self.paragraph(element)
        self.close_lists()
        if self.own is None:
            self.furniture()
        sections = [_section(node) for node in self.root["sections"]]
        if self.root["blocks"]:
            sections.insert(0, Section(blocks=self.root["blocks"]))
        return sections

    def furniture(self) -> None:
        """The text of the page headers and footers, which the model has no place for."""
        self.number = 0
        for rel in self.document.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind not in ("header", "footer") or rel.is_external:
                continue
            text = " ".join(
                " ".join(t.text or "" for t in rel.target_part.element.iter(w("t"))).split()
            )
            if text:
                self.lose(f"the text of a page {kind} ({text[:40]!r})")

    def style_of(self, p: Any) -> Any:
        pr = p.find(w("pPr"))
        found = pr.find(w("pStyle")) if pr is not None else None
        if found is not None and found.get(w("val")) in self.styles:
            return self.styles[found.get(w("val"))]
        return self.default

    def paragraph(self, p: Any) -> None:
        """One paragraph: by its style's rule, else as a heading, a list item, an entry of
        a table of contents, a title or heading by its look, or a paragraph."""
        style = self.style_of(p)
        name = (style.name or "").lower() if style is not None else "normal"
        pieces = list(self.inline.pieces(p))
        content = self.inline.rich(pieces)
        shown = plain_text(content)
        if self.first_text is None and shown.strip():
            self.first_text = (self.number, shown)
        rule = _BY_STYLE.get(name)
        if rule is not None:
            rule(self, content, p)
        elif self.own is not None and (name.title() in META_STYLES or name in _OWN_LISTS):
            return  # (what the embedded brief says of itself, shown: read from it)
        elif not self.headed(p, style, name, shown) and not self.listed(p, style, name, content):
            if name.startswith("toc"):
                if shown.strip():
                    self.lose("a table of contents entry")
            elif self.own is not None or (shown.strip() and not self.by_look(p, pieces, shown)):
                self.block(Paragraph(content=content))

    def headed(self, p: Any, style: Any, name: str, shown: str) -> bool:
        """Whether the paragraph is a heading, by its style or its outline level: a
        section's title, or the headline of a document that has no Title paragraph and
        starts with it (an empty one, in a person's document, is passed over)."""
        heading = _HEADING.match(name)
        level = int(heading.group(1)) if heading else _outline(p, style)
        if level is None:
            return False
        if self.own is None and not shown.strip():
            return True
        if self.headline is None and not self.seen_text and not self.titled:
            self.headline = _line(shown) if shown.strip() else None
            self.repair(
                "repair.headline-from-heading",
                f"the document has no Title paragraph: its first heading {shown[:60]!r} is "
                "the headline",
            )
            return True
        self.heading(shown, level, p)
        return True

    def listed(self, p: Any, style: Any, name: str, content: Any) -> bool:
        """Whether the paragraph is in a list, by its style (List Bullet 2, List Continue
        …) or its numbering (whose level nests it, and whose format orders it)."""
        leveled = _LEVELED.match(name)
        numbered = self.numbered(p, style)
        if not leveled and numbered is None:
            return False
        if leveled:
            kind, depth = leveled.group(1), int(leveled.group(2) or 1)
            ordered = kind == "list number"
        else:
            assert numbered is not None
            kind, depth, ordered = "list", numbered[1] + 1, numbered[2]
        if kind == "list continue":
            self.continued(content, depth)
        else:
            self.item(content, depth, ordered)
        return True

    def by_look(self, p: Any, pieces: list[Any], shown: str) -> bool:
        """A paragraph of a document written by a person that is a title or a heading by
        its look: a short line, not ending as a sentence does, all bold or larger than the
        body's text."""
        text = " ".join(shown.split())
        if (
            not text
            or len(text) > MAX_HEADING_CHARS
            or len(text.split()) > MAX_HEADING_WORDS
            or text.endswith((".", ",", ";"))
            or any(type(piece.node) is not str for piece in pieces)
        ):
            return False
        size = max((_size_of(r) or 0 for r in p.iter(w("r"))), default=0)
        bold = all(piece.bold for piece in pieces)
        large = size >= self.body_size * 1.2
        if not (bold or large):
            return False
        if self.headline is None and not self.seen_text and self.title_by_look is None:
            self.headline = text
            self.title_by_look = self.number
            self.repair(
                "repair.headline-by-look",
                f"the title {text[:60]!r} is read by its look (bold or large), not by a Title "
                "style",
            )
            return True
        self.repair(
            "repair.heading-by-look",
            f"the heading {text[:60]!r} is read by its look (bold or large, on a short line), "
            "not by a Heading style",
        )
        self.heading(text, 1 if size >= self.body_size * 1.5 or not large else 2, p)
        return True

    # -- structure ---------------------------------------------------------------------

    def block(self, block: Any) -> None:
        self.close_lists()
        self.seen_text = True
        self.stack[-1]["blocks"].append(block)

    def heading(self, title: str, level: int, p: Any) -> None:
        self.close_lists()
        self.seen_text = True
        title = _line(title)
        while len(self.stack) > 1 and self.stack[-1]["level"] >= level:
            self.stack.pop()
        node = _Node(blocks=[], sections=[], level=level, title=title or None)
        own = self.own_section(p)
        if own is not None:
            node["id"], node["role"] = own.id, own.role
        elif title:
            node["role"] = role_for(title)
        self.stack[-1]["sections"].append(node)
        self.stack.append(node)

    def own_section(self, p: Any) -> Section | None:
        for mark in p.iter(w("bookmarkStart")):
            name = mark.get(w("name"), "")
            if name.startswith(SECTION_BOOKMARK) and name[len(SECTION_BOOKMARK) :].isdigit():
                index = int(name[len(SECTION_BOOKMARK) :]) - 1
                if 0 <= index < len(self.own_sections):
                    return self.own_sections[index]
        return None

    def numbered(self, p: Any, style: Any) -> tuple[str, int, bool] | None:
        """(numId, level from 0, ordered) of a paragraph in a numbered or bulleted list, by
        its numbering properties or its style's; None when it is in none."""
        for pr in (p.find(w("pPr")), style.element.pPr if style is not None else None):
            numpr = pr.find(w("numPr")) if pr is not None else None
            if numpr is None:
                continue
            num = numpr.find(w("numId"))
            ilvl = numpr.find(w("ilvl"))
            numid = num.get(w("val"), "0") if num is not None else "0"
            if numid == "0":
                return None
            level = (
                int(ilvl.get(w("val"), "0"))
                if ilvl is not None and ilvl.get(w("val"), "").isdigit()
                else 0
            )
            fmt = self.formats.get((numid, level), "bullet")
            return numid, min(level, 8), fmt not in ("bullet", "none")
        return None

    def item(self, content: Any, depth: int, ordered: bool) -> None:
        """An item of a list at ``depth``: of the open list there when it is of the same
        kind (numbering ids do not tell lists apart: LibreOffice gives one list's first
        item an id of its own), else of a new one."""
        self.seen_text = True
        while self.lists and self.lists[-1]["depth"] > depth:
            self.close_list()
        top = self.lists[-1] if self.lists else None
        if top is not None and top["depth"] == depth:
            if top["ordered"] == ordered:
                top["items"].append({"content": content, "blocks": []})
                return
            self.close_list()
            top = self.lists[-1] if self.lists else None
        node = _Node(depth=depth, ordered=ordered, items=[{"content": content, "blocks": []}])
        node["parent"] = top["items"][-1] if top is not None and top["items"] else None
        self.lists.append(node)

    def continued(self, content: Any, depth: int) -> None:
        while self.lists and self.lists[-1]["depth"] > depth:
            self.close_list()
        if not self.lists:
            self.block(Paragraph(content=content))
            return
        self.lists[-1]["items"][-1]["blocks"].append(Paragraph(content=content))

    def close_list(self) -> None:
        node = self.lists.pop()
        built = ItemList(
            ordered=node["ordered"],
            items=[ListItem(content=i["content"], blocks=i["blocks"]) for i in node["items"]],
        )
        if node["parent"] is not None:
            node["parent"]["blocks"].append(built)
        else:
            self.stack[-1]["blocks"].append(built)

    def close_lists(self) -> None:
        while self.lists:
            self.close_list()

    # -- blocks by style ---------------------------------------------------------------

    def title(self, content: Any, p: Any) -> None:
        text = _line(plain_text(content))
        if self.headline is None and text:
            self.headline = text
        elif text:
            self.heading(text, 1, p)

    def subtitle(self, content: Any, p: Any) -> None:
        if self.subheadline is None and not self.seen_text:
            self.subheadline = plain_text(content)
        else:
            self.block(Paragraph(content=content))

    def quote(self, content: Any, p: Any) -> None:
        self.block(Quote(content=content))

    def attribution(self, content: Any, p: Any) -> None:
        last = self.last(Quote)
        if last is None:
            self.block(Paragraph(content=content))
            return
        refs = [node.ref for node in content if type(node) is Citation]
        text = "".join(node for node in content if type(node) is str).strip()
        text = text.removeprefix("—").strip()
        self.replace(
            Quote(
                content=last.content, attribution=text or None, source_ref=refs[0] if refs else None
            )
        )

    def assessment(self, content: Any, p: Any) -> None:
        found: dict[str, str] = {}
        for label in plain_text(content).split(" · "):
            label = label.strip()
            if label in _LIKELIHOODS:
                found["likelihood"] = _LIKELIHOODS[label]
            elif label in _CONFIDENCES:
                found["confidence"] = _CONFIDENCES[label]
            elif label:
                self.lose(f"the assessment {label[:40]!r} (not a likelihood or a confidence)")
        self.pending["assessment"] = found

    def judgment(self, content: Any, p: Any) -> None:
        self.block(Judgment(statement=content, **self.pending.pop("assessment", {})))

    def basis(self, content: Any, p: Any) -> None:
        last = self.last(Judgment)
        refs = [node.ref for node in content if type(node) is Citation]
        if last is None:
            self.block(Paragraph(content=content))
            return
        self.replace(
            Judgment(
                statement=last.statement,
                confidence=last.confidence,
                likelihood=last.likelihood,
                basis=refs,
            )
        )

    def figure(self, content: Any, p: Any) -> None:
        links = [node for node in content if type(node) is Link]
        if len(links) == 1:
            self.block(Figure(src=links[0].href, alt=plain_text(links[0].content) or links[0].href))
        else:
            self.block(Paragraph(content=content))

    def caption(self, content: Any, p: Any) -> None:
        following = p.getnext()
        while following is not None and following.tag == w("bookmarkEnd"):
            following = following.getnext()
        if following is not None and following.tag == w("tbl"):
            self.pending["caption"] = content
            return
        last = self.last(Figure)
        if last is not None and not last.caption:
            self.replace(Figure(src=last.src, alt=last.alt, caption=content, credit=last.credit))
        else:
            self.block(Paragraph(content=content))

    def credit(self, content: Any, p: Any) -> None:
        last = self.last(Figure)
        if last is None:
            self.block(Paragraph(content=content))
            return
        shown = plain_text(content)
        self.replace(Figure(src=last.src, alt=last.alt, caption=last.caption, credit=shown or None))

    def last(self, kind: type) -> Any:
        blocks_ = self.stack[-1]["blocks"]
        if self.lists or not blocks_ or type(blocks_[-1]) is not kind:
            return None
        return blocks_[-1]

    def replace(self, block: Any) -> None:
        self.stack[-1]["blocks"][-1] = block

    # -- tables ----------------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        """A table (:func:`._cells.table`), with the caption that came before it."""
        caption = self.pending.pop("caption", ())
        self.block(table(self, tbl, caption))


def _line(text: str) -> str:
    """``text`` as one line: as it is when it is one, else its words joined by spaces."""
    if _patterns.LINE.matches(text):
        return text
    return " ".join(text.split())


def _section(node: _Node) -> Section:
    return Section(
        id=node.get("id"),
        title=node.get("title"),
        role=node.get("role"),
        blocks=node["blocks"],
        sections=[_section(child) for child in node["sections"]],
    )


def _outline(p: Any, style: Any) -> int | None:
    """The heading level (from 1) of a paragraph's outline level, its own or its
    style's (and the styles that one is based on)."""
    for pr in _chain(p, style):
        found = pr.find(w("outlineLvl")) if pr is not None else None
        if found is not None:
            value = found.get(w("val"), "")
            return int(value) + 1 if value.isdigit() and int(value) < 9 else None
    return None


def _chain(p: Any, style: Any) -> list[Any]:
    prs = [p.find(w("pPr"))]
    while style is not None and len(prs) < 12:
        prs.append(style.element.pPr)
        style = style.base_style
    return prs


def _size_of(r: Any) -> int | None:
    pr = r.find(w("rPr"))
    sz = pr.find(w("sz")) if pr is not None else None
    value = sz.get(w("val"), "") if sz is not None else ""
    return int(value) if value.isdigit() else None


def _size(style: Any) -> int | None:
    while style is not None:
        rpr = style.element.rPr
        sz = rpr.find(w("sz")) if rpr is not None else None
        if sz is not None and sz.get(w("val"), "").isdigit():
            return int(sz.get(w("val")))
        style = style.base_style
    return None


def _default_style(document: Any) -> Any:
    for style in document.styles:
        if style.type == 1 and style.element.get(w("default")) in ("1", "true"):
            return style
    return None


def _numbering(document: Any) -> dict[tuple[str, int], str]:
    """The number format (``bullet``, ``decimal`` …) of each (numId, level)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstracts: dict[str, dict[int, str]] = {}
    for abstract in numbering.iterchildren(w("abstractNum")):
        levels = {}
        for lvl in abstract.iterchildren(w("lvl")):
            fmt = lvl.find(w("numFmt"))
            index = lvl.get(w("ilvl"), "0")
            if index.isdigit():
                levels[int(index)] = fmt.get(w("val"), "decimal") if fmt is not None else "decimal"
        abstracts[abstract.get(w("abstractNumId"), "")] = levels
    found: dict[tuple[str, int], str] = {}
    for num in numbering.iterchildren(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = abstracts.get(ref.get(w("val"), "") if ref is not None else "", {})
        for level, fmt in levels.items():
            found[(num.get(w("numId"), ""), level)] = fmt
    return found


def _mentions(brief: Brief) -> dict[str, str]:
    """The entity each mention's text names in ``brief``, for the texts that name one."""
    from ...model import Mention

    found: dict[str, str | None] = {}
    for _, node in brief.walk():
        if type(node) is Mention:
            text = plain_text(node.content)
            found[text] = node.ref if found.get(text, node.ref) == node.ref else None
    return {text: ref for text, ref in found.items() if ref is not None}


#: briefmodel's own styles of its list of sources, which its embedded brief holds.
_OWN_LISTS = frozenset({"sources heading", "source"})
_BY_STYLE: dict[str, Callable[[Body, Any, Any], None]] = {
    "title": Body.title,
    "subtitle": Body.subtitle,
    "quote": Body.quote,
    "intense quote": Body.quote,
    "quotations": Body.quote,
    "quote attribution": Body.attribution,
    "judgment assessment": Body.assessment,
    "judgment": Body.judgment,
    "judgment basis": Body.basis,
    "figure": Body.figure,
    "caption": Body.caption,
    "figure credit": Body.credit,
}
