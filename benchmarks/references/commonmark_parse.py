"""The floor of ``bm.loads(md, "markdown")``: markdown-it-py's CommonMark parse of the same
text, with GFM tables as the reader parses them (the token stream the reader starts
from, and no brief), and :func:`markdown_body`,
the text after the front matter (the part the reader gives markdown-it-py)."""

from __future__ import annotations

from markdown_it import MarkdownIt

#: The CommonMark parser of the Markdown floor, with GFM tables, built once.
COMMONMARK = MarkdownIt("commonmark").enable("table")


def markdown_body(text: str) -> str:
    """Markdown without its front matter: the part the reader gives markdown-it-py (the
    front matter is read line by line, as JSON values)."""
    lines = text.split("\n")
    if lines[0] == "---":
        for index in range(1, len(lines)):
            if lines[index] == "---":
                return "\n".join(lines[index + 1 :])
    return text
