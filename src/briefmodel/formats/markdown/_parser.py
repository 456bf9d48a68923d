"""The markdown-it parser that reading and the writer's checks share: CommonMark that keeps
link addresses as written and takes a heading's ``{#id .role}`` attribute list out of its
text; the nesting limit, the addresses of briefmodel's idioms, and the error that refuses
a document."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from ...errors import ParseError, Problem

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


_MD = _Parser("commonmark", {"maxNesting": MAX_NESTING})
_MD.core.ruler.before("inline", "briefmodel_attributes", _heading_attributes)


def _refuse(code: str, message: str, line: int | None = None) -> ParseError:
    return ParseError(Problem(severity="error", code=code, message=message, line=line))
