"""Quotes and judgments in Markdown: a blockquote read as a quote with its attribution
(``— Name`` and a citation) or, marked ``[!JUDGMENT]``, as an analytic judgment; a list
inside a quote read leniently as lines of the quote."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from markdown_it.token import Token

from ..._converter import BLOCK_TAGS
from ...model import Judgment, Quote
from ._nodes import LINE_BREAK, plain_text

if TYPE_CHECKING:
    from ._tokens import _Reader

__all__ = ["QUOTE_LIST", "blockquote"]

_JUDGMENT = re.compile(r"\[!JUDGMENT\](?:[ \t]+\{([^{}]*)\})?[ \t]*$", re.IGNORECASE)
_CITE = re.compile("(?:—|―|--) ")
_JUDGMENT_KEYS = {"confidence": "str", "likelihood": "str", "basis": "list"}


#: A list inside a quote, which the model's quotes cannot hold, read leniently as lines.
QUOTE_LIST = "repair.quote-list"


#: What a block is called in the messages about it (a list: "itemlist", as ever).
_CALLED = {tag: cls.__name__.lower() for cls, tag in BLOCK_TAGS.items()}


def _item_lines(block: dict[str, Any]) -> list[list[Any]]:
    """The text of a list's items (canonical JSON), one line each (a nested list's items
    after their item's), each after its bullet or number."""
    lines: list[list[Any]] = []
    for number, item in enumerate(block["items"], 1):
        mark = f"{number}. " if block["ordered"] else "• "
        lines.append([mark, *item["content"]])
        for inner in item["blocks"]:
            if inner["type"] == "item-list":
                lines.extend(_item_lines(inner))
            elif inner["type"] == "paragraph":
                lines.append(list(inner["content"]))
    return lines


def blockquote(reader: _Reader, tokens: list[Token], index: int) -> tuple[Any, int]:
    """The quote or judgment of the blockquote at ``index``, and the index after it."""
    line = reader.at(tokens[index])
    children, end = reader.blocks(tokens, index + 1, "blockquote_close")
    first = tokens[index + 1]
    if first.type == "paragraph_open":
        marker = _JUDGMENT.match(tokens[index + 2].content)
        if marker is not None:
            return _judgment(reader, marker.group(1), children[1:], line), end
    paragraphs = list(children)
    cite: list[Any] | None = None
    last = _last_paragraph(tokens, end - 1)
    if len(children) >= 2 and last is not None and _CITE.match(last.content):
        cite = reader.rich(last.children or [], 0)
        paragraphs = paragraphs[:-1]
    content: list[Any] = []
    for block in paragraphs:
        kind = block["type"]
        if kind == "item-list" and not reader.strict:
            for text in _item_lines(block):
                if content:
                    content.append(LINE_BREAK)
                content.extend(text)
            reader.repair(
                QUOTE_LIST,
                "a list inside a quote is read as lines of the quote, its items' text kept",
                line,
            )
            continue
        if kind != "paragraph":
            reader.lose(f"a {_CALLED[kind]} inside a quote", line)
            continue
        if content:
            content.append(LINE_BREAK)
        content.extend(block["content"])
    attribution, source_ref = _attribution(cite) if cite is not None else (None, None)
    quote = reader.build(
        Quote, content=content, attribution=attribution or None, source_ref=source_ref
    )
    return quote, end


def _last_paragraph(tokens: list[Token], close: int) -> Token | None:
    """The inline token of the paragraph that ends just before ``close``, if any."""
    if tokens[close - 1].type == "paragraph_close" and tokens[close - 1].level == (
        tokens[close].level + 1
    ):
        return tokens[close - 2]
    return None


def _judgment(reader: _Reader, attributes: str | None, rest: list[Any], line: int) -> Any:
    found = reader.attributes(attributes, _JUDGMENT_KEYS)
    statement: list[Any] = []
    for block in rest:
        if block["type"] != "paragraph":
            reader.lose(f"a {_CALLED[block['type']]} inside a judgment", line)
            continue
        if statement:
            statement.append(LINE_BREAK)
        statement.extend(block["content"])
    return reader.build(Judgment, statement=statement, **found)


def _attribution(cite: list[Any]) -> tuple[str | None, str | None]:
    """A quote's attribution paragraph: ``— Name`` and optionally a citation."""
    nodes = list(cite)
    source_ref = None
    if nodes and type(nodes[-1]) is dict and nodes[-1]["type"] == "citation":
        source_ref = nodes.pop()["ref"]
    text = plain_text(nodes)
    found = _CITE.match(text)
    if found is not None:
        text = text[found.end() :]
    if source_ref is not None and text.endswith(" "):
        text = text[:-1]  # the space before the citation
    return text or None, source_ref
