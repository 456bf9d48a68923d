"""The styles briefmodel's Word files use: Word's built-in ones (Title, Subtitle,
Heading 1–9, List Bullet and List Number, List Continue, Quote, Caption, Table Grid,
Hyperlink, HTML Code) and a few of its own, each based on a built-in one so that it
looks right wherever it is opened (Judgment on Intense Quote, Source on List Number …).
The readers know them by name; the writer adds those python-docx's template lacks."""

from __future__ import annotations

from typing import Any

from ._package import w

#: briefmodel's own paragraph styles: name -> the built-in style it is based on.
OWN_PARAGRAPHS: dict[str, str] = {
    "Status": "Normal",
    "Byline": "Normal",
    "Dates": "Normal",
    "Correction": "Normal",
    "Quote Attribution": "Quote",
    "Judgment Assessment": "Intense Quote",
    "Judgment": "Intense Quote",
    "Judgment Basis": "Intense Quote",
    "Figure": "Normal",
    "Figure Credit": "Caption",
    "Sources Heading": "Heading 1",
    "Source": "List Number",
}
#: The paragraph styles of what the brief says of itself (its metadata shown).
META_STYLES = frozenset({"Status", "Byline", "Dates", "Correction"})
#: The character styles: name -> whether Word has it built in.
CHARACTERS: dict[str, bool] = {
    "Hyperlink": True,
    "HTML Code": True,
    "Mention": False,
    "Source Citation": False,
}
#: The most levels of list styles Word has built in (List Bullet 3, List Number 3).
LIST_LEVELS = 3
#: Fonts that say a run is code, by the lower-cased start of their names.
MONOSPACE = (
    "courier",
    "consolas",
    "menlo",
    "monaco",
    "lucida console",
    "source code",
    "dejavu sans mono",
    "liberation mono",
    "roboto mono",
    "fira mono",
    "fira code",
    "inconsolata",
)


def list_style(ordered: bool, level: int) -> str:
    """The built-in style of a list item at ``level`` (from 1)."""
    name = "List Number" if ordered else "List Bullet"
    level = min(level, LIST_LEVELS)
    return name if level == 1 else f"{name} {level}"


def continue_style(level: int) -> str:
    """The built-in style of a paragraph inside a list item at ``level``."""
    level = min(level, LIST_LEVELS)
    return "List Continue" if level == 1 else f"List Continue {level}"


class Styles:
    """The styles of one document being written: each style's id, added when missing."""

    def __init__(self, document: Any, *, rtl: bool, language: str) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt, RGBColor

        self._styles = document.styles
        self._ids: dict[str, str] = {}
        self._kinds = WD_STYLE_TYPE
        self._pt = Pt
        self._rgb = RGBColor
        self._normal(rtl, language)

    def _normal(self, rtl: bool, language: str) -> None:
        """The language (and for a right-to-left one the direction) on Normal, which the
        others are based on."""
        normal = self._styles["Normal"].element
        ppr = normal.get_or_add_pPr()
        rpr = normal.get_or_add_rPr()
        if rtl:
            bidi = ppr.makeelement(w("bidi"), {})
            _insert_in_order(ppr, bidi, _PPR_ORDER)
            _insert_in_order(rpr, rpr.makeelement(w("rtl"), {}), _RPR_ORDER)
        lang = rpr.makeelement(w("lang"), {w("val"): language})
        if rtl:
            lang.set(w("bidi"), language)
        _insert_in_order(rpr, lang, _RPR_ORDER)

    def id(self, name: str) -> str:
        """The id of the style called ``name``, added first if it is one of briefmodel's
        and the template lacks it."""
        found = self._ids.get(name)
        if found is not None:
            return found
        try:
            style = self._styles[name]
        except KeyError:
            style = self._add(name)
        self._ids[name] = style.style_id
        return str(style.style_id)

    def _add(self, name: str) -> Any:
        if name in CHARACTERS:
            style = self._styles.add_style(name, self._kinds.CHARACTER, builtin=CHARACTERS[name])
            font = style.font
            if name == "Hyperlink":
                font.color.rgb = self._rgb(0x05, 0x63, 0xC1)
                font.underline = True
            elif name == "HTML Code":
                font.name = "Courier New"
            elif name == "Source Citation":
                font.superscript = True
            return style
        base = OWN_PARAGRAPHS.get(name)
        if base is None:
            raise KeyError(name)
        style = self._styles.add_style(name, self._kinds.PARAGRAPH)
        style.base_style = self._styles[base]
        if name in ("Byline", "Dates", "Status", "Correction"):
            style.font.italic = name != "Status"
            style.font.bold = name == "Status"
        elif name == "Judgment Assessment":
            style.font.bold = True
        return style


#: The order of the children of w:pPr and w:rPr that this package writes (a schema's
#: sequence: Word refuses them out of order).
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_RPR_ORDER = (
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def _insert_in_order(parent: Any, child: Any, order: tuple[str, ...]) -> None:
    """``child`` in ``parent`` before the first sibling that comes later in ``order``
    (replacing one of the same name)."""
    name = child.tag.rsplit("}", 1)[-1]
    rank = order.index(name)
    for sibling in list(parent):
        sibling_name = sibling.tag.rsplit("}", 1)[-1]
        if sibling_name == name:
            parent.replace(sibling, child)
            return
        if sibling_name in order and order.index(sibling_name) > rank:
            sibling.addprevious(child)
            return
    parent.append(child)
