"""Writing Atom: a feed of the examples passes Ruby's validating RSS parser (which
refuses broken ones, so that this can fail), feedparser reads every field of it without
complaint, and what Atom requires (an author, a time) is always there."""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import attrs
import pytest

import briefmodel as bm

from .._feeds._oracles import ruby_rss_problem
from .._feeds._support import EXAMPLES, OPTIONS, feed_of


@pytest.fixture(scope="module")
def written() -> str:
    return feed_of("atom", EXAMPLES)


def test_ruby_validates_the_feed_of_the_examples(written: str) -> None:
    assert ruby_rss_problem(written) is None


@pytest.mark.parametrize(
    ("pattern", "replacement", "said"),
    [
        (r"(<entry[^>]*>)<id>[^<]*</id>", r"\1", "tag <id> is missing in tag <entry>"),
        (r"(<entry[^>]*>)", r"\1<note/>", "tag <{http://www.w3.org/2005/Atom}note> is not"),
        (r"<updated>[^<]*</updated>", "<updated>soon</updated>", "<updated> is not"),
        (r"(<entry[^>]*><id>[^<]*</id>)<title[^>]*>[^<]*</title>", r"\1", "tag <title> is missing"),
    ],
)
def test_ruby_rejects_a_broken_feed(
    pattern: str, replacement: str, said: str, written: str
) -> None:
    text = re.sub(pattern, replacement, written, count=1)
    assert text != written
    problem = ruby_rss_problem(text)
    assert problem is not None, "the broken feed passed"
    assert said in problem, problem


def test_feedparser_reads_every_field_without_complaint(written: str) -> None:
    import feedparser

    data = io.BytesIO(written.encode("utf-8"))
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert (parsed.feed.title, parsed.feed.subtitle) == (OPTIONS["title"], OPTIONS["subtitle"])
    assert [link.href for link in parsed.feed.links] == [OPTIONS["url"], OPTIONS["link"]]
    for brief, entry in zip(EXAMPLES, parsed.entries, strict=True):
        assert (entry.id, entry.title) == (brief.id, brief.headline)
        assert entry.content[0].value == bm.dumps(brief, "html", fragment=True)
        assert entry.content[0].type == "text/html"
        assert entry.get("summary") == brief.subheadline or brief.subheadline is None
        names = [a.name for a in brief.authors] or [OPTIONS["author"]]
        assert [a.name for a in entry.authors] == names
        terms = {t.term: t for t in entry.get("tags", ())}
        assert set(terms) == {*(s.code for s in brief.subjects), *brief.keywords}
        for subject in brief.subjects:
            assert terms[subject.code].label == subject.name
        assert entry.title_detail.language == brief.language
        when = brief.updated or brief.created
        assert when is not None
        assert entry.updated_parsed[:6] == when.astimezone(timezone.utc).timetuple()[:6]
        if brief.rights is not None:
            assert entry.rights


def test_atom_refuses_an_undated_brief_naming_it() -> None:
    undated = attrs.evolve(EXAMPLES[0], created=None, updated=None, corrections=())
    with pytest.raises(bm.ValidationError) as caught:
        feed_of("atom", [EXAMPLES[1], undated])
    problem = caught.value.problems[0]
    assert (problem.code, problem.path) == ("feed.undated", "/created")
    assert problem.message.startswith(f"brief 1 ({undated.id})")


def test_an_empty_feed_needs_its_time_and_names_its_author() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.feed([], title="Nothing yet")
    assert caught.value.option == "updated"
    text = bm.feed([], title="Nothing yet", updated=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert "<author><name>Nothing yet</name></author>" in text
    assert ruby_rss_problem(text) is None
