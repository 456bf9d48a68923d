"""Writing RSS 2.0: a channel of the examples passes Ruby's validating RSS parser (which
refuses broken ones, so that this can fail), and feedparser reads every field of it
without complaint; an undated brief is an item without a date."""

from __future__ import annotations

import email.utils
import io
import re

import attrs
import pytest

import briefmodel as bm

from .._feeds._oracles import ruby_rss_problem
from .._feeds._support import EXAMPLES, OPTIONS, feed_of, read_back


@pytest.fixture(scope="module")
def written() -> str:
    return feed_of("rss", EXAMPLES)


def test_ruby_validates_the_channel_of_the_examples(written: str) -> None:
    assert ruby_rss_problem(written) is None


@pytest.mark.parametrize(
    ("pattern", "replacement", "said"),
    [
        (r"<description>[^<]*</description>", "", "tag <description> is missing"),
        (r"<pubDate>", "<pubDate>Lately ", "of tag <pubDate> is not available"),
        (r"(<item>)", r"\1<note/>", "tag <{}note> is not expected in tag <item>"),
        (r"<link>[^<]*</link>", "", "tag <link> is missing in tag <channel>"),
    ],
)
def test_ruby_rejects_a_broken_channel(
    pattern: str, replacement: str, said: str, written: str
) -> None:
    text = re.sub(pattern, replacement, written, count=1)
    assert text != written
    problem = ruby_rss_problem(text)
    assert problem is not None, "the broken channel passed"
    assert said in problem, problem


def test_feedparser_reads_every_field_without_complaint(written: str) -> None:
    import feedparser

    data = io.BytesIO(written.encode("utf-8"))
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert (parsed.feed.title, parsed.feed.link) == (OPTIONS["title"], OPTIONS["link"])
    assert parsed.feed.subtitle == OPTIONS["subtitle"]
    for brief, entry in zip(EXAMPLES, parsed.entries, strict=True):
        assert (entry.id, entry.title) == (brief.id, brief.headline)
        assert entry.content[0].value == bm.dumps(brief, "html", fragment=True)
        assert entry.get("summary") == brief.subheadline or brief.subheadline is None
        assert [a.name for a in entry.get("authors", ())] == [a.name for a in brief.authors]
        terms = {t.term for t in entry.get("tags", ())}
        assert terms == {*(s.code for s in brief.subjects), *brief.keywords}
        assert brief.created is not None
        assert dict.get(entry, "published") == email.utils.format_datetime(brief.created)


@pytest.mark.parametrize("kind", ["rss", "json"])
def test_an_undated_brief_is_written_without_a_date_and_reads_back_undated(kind: str) -> None:
    undated = attrs.evolve(EXAMPLES[0], created=None, updated=None, corrections=())
    text = feed_of(kind, [undated])
    assert "pubDate" not in text
    assert "date_published" not in text
    assert read_back(kind, text) == [undated]
