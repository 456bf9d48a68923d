"""Feeds written by others (tests/realworld/feeds/, see its SOURCE.md): read leniently,
every entry that has a title becomes a valid brief with the entry's id, title, dates
and authors; an entry without a title (a brief needs a headline) is passed over with a
warning naming it, and none is lost silently."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest

import briefmodel as bm

FEEDS = Path(__file__).resolve().parents[2] / "realworld" / "feeds"
FILES = sorted(p for p in FEEDS.iterdir() if p.suffix in (".atom", ".rss", ".json"))


def _entries(path: Path) -> list[dict[str, object]]:
    """The file's entries as another reader finds them: feedparser for Atom and RSS, the
    JSON itself for JSON Feed (each with its id and title)."""
    if path.suffix == ".json":
        items = json.loads(path.read_text("utf-8"))["items"]
        return [{"id": i["id"], "title": i.get("title")} for i in items]
    import feedparser

    parsed = feedparser.parse(io.BytesIO(path.read_bytes()))
    return [{"id": e.get("id"), "title": e.get("title")} for e in parsed.entries]


def test_there_are_feeds_of_each_kind() -> None:
    assert {bm.formats.detect(p, p.read_bytes()).name for p in FILES} == {
        "atom",
        "rss",
        "jsonfeed",
    }


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_entry_with_a_title_is_read_and_the_others_are_said(path: Path) -> None:
    entries = _entries(path)
    titled = [e for e in entries if e["title"]]
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        read = list(bm.load_all(path, strict=False))
    assert [(b.id, b.headline) for b in read] == [(e["id"], e["title"]) for e in titled]
    passed_over = [w for w in heard if "is passed over" in str(w.message)]
    assert len(passed_over) == len(entries) - len(titled)
    for brief in read:
        assert bm.validate(brief).ok
    # The measure, for the report: entries read as briefs out of all entries.
    print(f"{path.name}: {len(read)} of {len(entries)} entries read")
