"""The nodes of the model as the Markdown reader builds them: canonical JSON data (what
``bm.to_dict`` gives), which the canonical JSON reader builds into the brief in one
call, and the plain text of rich text in that form."""

from __future__ import annotations

from typing import Any

from ..._converter import BLOCK_TAGS, INLINE_TAGS

__all__ = ["LINE_BREAK", "TAGS", "plain_text"]

#: The ``type`` tag of each node class in canonical JSON (none for sections, list items).
TAGS: dict[type, str] = {**BLOCK_TAGS, **INLINE_TAGS}
#: A line break, as canonical JSON (never changed: shared by every one read).
LINE_BREAK = {"type": "line-break"}


def plain_text(content: list[Any]) -> str:
    """The text of rich text as canonical JSON, without its markup: what
    :func:`briefmodel.plain_text` gives of it built (tests/formats/markdown/test_read.py)."""
    parts: list[str] = []
    for node in content:
        if type(node) is str:
            parts.append(node)
        else:
            kind = node["type"]
            if kind == "code":
                parts.append(node["text"])
            elif kind == "line-break":
                parts.append("\n")
            elif kind == "link" and not node.get("content"):
                parts.append(node["href"])
            elif kind != "citation":
                parts.append(plain_text(node.get("content", [])))
    return "".join(parts)
