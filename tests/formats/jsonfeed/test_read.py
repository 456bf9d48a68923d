"""Reading JSON Feed: briefmodel's own feeds read back to equal briefs, in order, and
are told from canonical JSON and ninjs by their version; another producer's item
(content_text alone) is read as paragraphs, with its metadata."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.testing import briefs

from ..._profiles import examples
from .._feeds._support import EXAMPLES, feed_of, read_back


def test_the_examples_read_back_equal_in_order(tmp_path: Path) -> None:
    text = feed_of("json", EXAMPLES)
    assert read_back("json", text) == EXAMPLES
    path = tmp_path / "feed.json"  # (canonical JSON's and ninjs's suffix: told by content)
    path.write_text(text, "utf-8")
    assert bm.formats.detect(path, text).name == "jsonfeed"
    assert list(bm.load_all(path)) == EXAMPLES


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(briefs(max_sections=2), min_size=1, max_size=3, unique_by=lambda b: b.id))
def test_generated_briefs_read_back_equal(items: list[bm.Brief]) -> None:
    assert read_back("json", feed_of("json", items)) == items


def test_not_json_is_a_parse_error_with_its_line() -> None:
    with pytest.raises(bm.ParseError) as caught:
        read_back("json", '{"version": "https://jsonfeed.org/version/1.1",\n "items": [}')
    assert (caught.value.problem.code, caught.value.problem.line) == ("parse.syntax", 2)


def test_another_producers_text_item_is_read_as_paragraphs() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Lighthouse log",
        "items": [
            {
                "id": "log-12",
                "title": "Lamp changed",
                "content_text": "The lamp was changed at dusk.\n\nIt burns brighter now.",
                "date_published": "2026-02-01T17:00:00-05:00",
                "author": {"name": "Keeper"},
                "tags": ["lamps"],
            }
        ],
    }
    (brief,) = read_back("json", json.dumps(feed), strict=False)  # (nothing lost: no warning)
    assert (brief.id, brief.headline) == ("log-12", "Lamp changed")
    assert brief.created == datetime(2026, 2, 1, 17, tzinfo=timezone(timedelta(hours=-5)))
    assert [a.name for a in brief.authors] == ["Keeper"]
    assert brief.keywords == ("lamps",)
    texts = [bm.plain_text(b.content) for b in brief.sections[0].blocks]
    assert texts == ["The lamp was changed at dusk.", "It burns brighter now."]
