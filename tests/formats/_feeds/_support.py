"""What the feed tests share: the bundled examples, a feed's options, and a feed of
briefs written and read back in each kind."""

from __future__ import annotations

from pathlib import Path

import briefmodel as bm

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = [bm.load(p) for p in sorted((ROOT / "examples").glob("*.json"))]
#: bm.feed's kind, by the name of the format that writes it.
KINDS = {"atom": "atom", "rss": "rss", "json": "jsonfeed"}
OPTIONS = {
    "title": "Harbour desk",
    "url": "https://example.org/harbour/feed",
    "link": "https://example.org/harbour/",
    "subtitle": "Briefs from the harbour desk",
    "author": "Harbour desk",
}


def feed_of(kind: str, items: list[bm.Brief], **options: object) -> str:
    """``items`` as a feed of ``kind``, with :data:`OPTIONS` and ``options``."""
    return bm.feed(items, kind, **{**OPTIONS, **options})  # type: ignore[arg-type]


def read_back(kind: str, text: str, **options: object) -> list[bm.Brief]:
    """Every brief of a feed of ``kind``, read by its format's ``read_all``."""
    return list(bm.formats.by_name(KINDS[kind]).read_all(text, **options))
