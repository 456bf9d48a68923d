"""What the tests of the plain-text format share: the texts in
``tests/formats/texts`` and the examples, briefs made for a test, and the projection of a
brief on what plain text holds (what writing it and reading it back gives). The seed is the
``seed`` fixture of ``tests/conftest.py`` (it is in ../shared, which may be absent)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import briefmodel as bm
from briefmodel.formats import text

ROOT = Path(__file__).resolve().parents[3]
TEXTS = Path(__file__).resolve().parents[1] / "texts"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
WHEN = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def make(*sections: bm.Section, **fields: Any) -> bm.Brief:
    return bm.Brief(
        id=fields.pop("id", "urn:example:text"),
        headline=fields.pop("headline", "Ferry Fares Rise in Spring"),
        created=fields.pop("created", WHEN),
        sections=list(sections) or [bm.Section(blocks=[bm.Paragraph(content="Fares rise.")])],
        **fields,
    )


def structure(brief: bm.Brief) -> dict[str, Any]:
    data = bm.to_dict(brief)
    return {k: data[k] for k in ("headline", "subheadline", "sections") if k in data}


# --------------------------------------------------------------------------------------
# What text holds: the projection a brief goes through when written and read back


def _words(value: str) -> str:
    return " ".join(value.split())


def _block_text(block: Any) -> str:
    if type(block) is bm.Quote:
        said = _words(bm.plain_text(block.content))
        who = _words(block.attribution or "")
        return _words(f"{said} — {who}") if who else said
    if type(block) is bm.Judgment:
        return _words(bm.plain_text(block.statement))
    if type(block) is bm.Figure:
        return _words(bm.plain_text(block.caption)) or _words(block.alt)
    if type(block) is bm.Table:
        rows = [[bm.plain_text(block.caption)]] + [
            [bm.plain_text(cell.content) for cell in row.cells]
            for row in (*block.head, *block.body, *block.foot)
        ]
        return _words(" ".join(" ".join(row) for row in rows))
    return _words(bm.plain_text(block.content))


def _merge_lists(blocks: list[Any]) -> list[Any]:
    """Adjacent bulleted lists read back as one list."""
    merged: list[Any] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if (
            type(block) is bm.ItemList
            and type(last) is bm.ItemList
            and not block.ordered
            and not last.ordered
        ):
            merged[-1] = bm.ItemList(items=[*last.items, *block.items])
        else:
            merged.append(block)
    return merged


def _project_list(block: bm.ItemList) -> bm.ItemList:
    items = []
    for item in block.items:
        words = [bm.plain_text(item.content)]
        words += [_block_text(b) for b in item.blocks if type(b) is not bm.ItemList]
        inner = [_project_list(b) for b in item.blocks if type(b) is bm.ItemList and b.items]
        items.append(bm.ListItem(content=_words(" ".join(words)), blocks=_merge_lists(inner)))
    return bm.ItemList(ordered=block.ordered, items=items)


def _project_blocks(blocks: tuple[Any, ...]) -> list[Any]:
    kept: list[Any] = []
    for block in blocks:
        if type(block) is bm.ItemList:
            if block.items:
                kept.append(_project_list(block))
        elif _block_text(block):
            kept.append(bm.Paragraph(content=_block_text(block)))
    return kept


def project(brief: bm.Brief) -> bm.Brief:
    """What of ``brief`` plain text holds (with the id, date and language given back)."""
    sections: list[tuple[str | None, list[Any]]] = []
    for section in brief.all_sections():
        title = _words(section.title or "") or None
        blocks = _project_blocks(section.blocks)
        if title is not None:
            sections.append((title, blocks))
        elif sections:
            sections[-1][1].extend(blocks)  # an untitled section continues the one before
        elif blocks:
            sections.append((None, blocks))
    return bm.Brief(
        id=brief.id,
        created=brief.created,
        language=brief.language,
        headline=_words(brief.headline),
        subheadline=_words(brief.subheadline or "") or None,
        sections=[
            bm.Section(
                title=title,
                role=text.role_for(title) if title else None,
                blocks=_merge_lists(blocks),
            )
            for title, blocks in sections
        ]
        or [bm.Section()],
    )


def round_trip(brief: bm.Brief) -> bm.Brief:
    written = text.write(brief)
    return text.read(written, id=brief.id, created=brief.created, language=brief.language)
