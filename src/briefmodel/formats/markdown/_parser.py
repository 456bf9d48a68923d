"""The markdown-it parser that reading and the writer's checks share: CommonMark that keeps
link addresses as written, finds link labels in linear time (``_links``), takes a
heading's ``{#id .role}`` attribute list out of its text, and reads each numeric character
reference as CommonMark says (markdown-it makes U+FFFD of a few more); the nesting limit,
the addresses of briefmodel's idioms, and the error that refuses a document."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from ...errors import ParseError, Problem
from ._links import HELPERS, no_label_closes

#: How deep blocks may nest (markdown-it-py's ``maxNesting``); deeper input is refused.
MAX_NESTING = 64

#: The image addresses of the idioms for what Markdown's own syntax cannot say exactly.
_IDIOM_EM = "#bm:em"
_IDIOM_STRONG = "#bm:strong"
_IDIOM_CODE = "#bm:code"
_IDIOM_BREAK = "#bm:br"
_ENTITY = "#entity:"
_SOURCE = "#source:"


class _Parser(MarkdownIt):
    """CommonMark that keeps link addresses exactly as written (after unescaping): no
    percent-encoding and no refusal of schemes (the brief's rules check URLs)."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url

    def normalizeLinkText(self, link: str) -> str:
        return link


#: A heading's trailing attribute list: ``{#id .role level=7}`` after a space (or alone).
_HEADING_ATTRIBUTES = re.compile(r"(?:^|[ \t])\{([^{}\\]*)\}[ \t]*$")


def _heading_attributes(state: StateCore) -> None:
    """Core rule (before inline parsing): move a heading's attribute list out of its text."""
    tokens = state.tokens
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            found = _HEADING_ATTRIBUTES.search(token.content)
            if found is not None:
                token.meta["attributes"] = found.group(1)
                token.content = token.content[: found.start()].rstrip(" \t")


#: A numeric character reference, as markdown-it's entity rule reads one.
_NUMERIC = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")

#: Where ``env`` collects the references to no character (line, reference), which
#: reading refuses: CommonMark reads each as U+FFFD.
NO_CHARACTER = "briefmodel_no_character"


def _references(state: StateCore) -> None:
    """Core rule (after inline parsing, before its texts are joined): a numeric character
    reference that markdown-it read as U+FFFD though CommonMark reads it as its character
    (a control, a C1 control, a noncharacter) is given its character back; one to NUL, to
    a surrogate or beyond Unicode, which CommonMark too reads as U+FFFD, is noted in the
    environment with its line, for the reader to refuse rather than change the text."""
    for token in state.tokens:
        if token.type != "inline" or not token.children or "&#" not in token.content:
            continue
        start = token.map[0] if token.map else 0
        cursor = 0
        counted, lines = 0, 0  # newlines counted so far, up to counted: once, not per reference
        for child in token.children:
            if child.type != "text_special" or child.info != "entity":
                continue
            found = _NUMERIC.fullmatch(child.markup)
            at = token.content.find(child.markup, cursor)
            if at >= 0:
                cursor = at + len(child.markup)
            if found is None or child.content != "\ufffd":
                continue
            hexadecimal, decimal = found.groups()
            code = int(hexadecimal, 16) if hexadecimal else int(decimal)
            if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                if at >= counted:
                    lines += token.content.count("\n", counted, at)
                    counted = at
                line = start + (lines if at >= 0 else 0) + 1
                state.env.setdefault(NO_CHARACTER, []).append((line, child.markup))
            elif code != 0xFFFD:
                child.content = chr(code)


_MD = _Parser("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
_MD.helpers = HELPERS  # link labels found in linear time
_MD.inline.ruler.before("link", "briefmodel_no_label_closes", no_label_closes)
_MD.core.ruler.before("inline", "briefmodel_attributes", _heading_attributes)
_MD.core.ruler.before("text_join", "briefmodel_references", _references)


def _refuse(code: str, message: str, line: int | None = None) -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))
