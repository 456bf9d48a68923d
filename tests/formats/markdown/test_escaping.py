"""Escaping: any text is written as Markdown that reads back as that text."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from briefmodel.formats.markdown._escaping import _escape


def test_escape_keeps_text_literal() -> None:
    for text in ["1. a", "- a", "# a", "> a", "  a  ", "a!", "&amp;", "\n", "x\r"]:
        written = _escape(text, start=True, end=True, block=True)
        tokens = MarkdownIt("commonmark").parse(written)
        inline = next(t for t in tokens if t.type == "inline")
        assert "".join(c.content for c in inline.children or []) == text, text
        assert re.match(r"[^ \t]", written)
