"""Writing JSON Feed 1.1: a feed of the examples meets JSON Feed 1.1's JSON Schema (which
refuses broken ones, so that this can fail), with every member the brief gives."""

from __future__ import annotations

import json

import pytest

import briefmodel as bm

from .._feeds._oracles import jsonfeed_problems
from .._feeds._support import EXAMPLES, OPTIONS, feed_of


@pytest.fixture(scope="module")
def written() -> str:
    return feed_of("json", EXAMPLES)


def test_the_feed_of_the_examples_meets_the_json_feed_schema(written: str) -> None:
    assert jsonfeed_problems(written) == []


def test_the_schema_rejects_a_broken_feed(written: str) -> None:
    feed = json.loads(written)
    del feed["items"][0]["id"]
    feed["version"] = "https://jsonfeed.org/version/2"
    problems = jsonfeed_problems(json.dumps(feed))
    assert any("'id' is a required property" in p for p in problems), problems
    assert any(p.startswith("$.version: ") for p in problems), problems


def test_each_item_says_what_its_brief_says(written: str) -> None:
    feed = json.loads(written)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert (feed["title"], feed["feed_url"], feed["home_page_url"]) == (
        OPTIONS["title"],
        OPTIONS["url"],
        OPTIONS["link"],
    )
    for brief, item in zip(EXAMPLES, feed["items"], strict=True):
        assert (item["id"], item["title"], item["language"]) == (
            brief.id,
            brief.headline,
            brief.language,
        )
        assert item["content_html"] == bm.dumps(brief, "html", fragment=True)
        assert item.get("summary") == brief.subheadline
        assert brief.created is not None
        assert item["date_published"] == brief.created.isoformat()
        assert [a["name"] for a in item.get("authors", ())] == [a.name for a in brief.authors]
        assert item.get("tags", []) == [*(s.code for s in brief.subjects), *brief.keywords]
