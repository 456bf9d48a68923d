"""Reading Atom: briefmodel's own feeds read back to equal briefs, in order; another
producer's entry is read through the HTML reader with its metadata; a malformed feed is
a ParseError strictly, read with a warning leniently."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.testing import briefs

from ..._profiles import examples
from .._feeds._support import EXAMPLES, feed_of, read_back


def test_the_examples_read_back_equal_in_order() -> None:
    text = feed_of("atom", EXAMPLES)
    assert read_back("atom", text) == EXAMPLES
    assert bm.formats.detect(data=text).name == "atom"


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(briefs(max_sections=2, dated=True), min_size=1, max_size=3, unique_by=lambda b: b.id)
)
def test_generated_briefs_read_back_equal(items: list[bm.Brief]) -> None:
    assert read_back("atom", feed_of("atom", items)) == items


def test_a_malformed_feed_is_a_parse_error_strictly_and_read_leniently() -> None:
    text = feed_of("atom", EXAMPLES[:1]).replace("</feed>", "")
    with pytest.raises(bm.ParseError) as caught:
        read_back("atom", text)
    assert caught.value.problem.code == "parse.syntax"
    with pytest.warns(bm.BriefmodelWarning) as heard:
        (brief,) = read_back("atom", text, strict=False)
    assert any("feedparser's lenient parser" in str(w.message) for w in heard)
    assert (brief.id, brief.headline) == (EXAMPLES[0].id, EXAMPLES[0].headline)


def test_another_producers_entry_is_read_with_its_metadata() -> None:
    text = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">
  <id>urn:example:canal</id><title>Canal notes</title><updated>2026-04-03T10:00:00Z</updated>
  <entry>
    <id>https://example.org/canal/locks</id>
    <title>Locks  close for the winter</title>
    <link href="https://example.org/canal/locks"/>
    <published>2026-04-02T08:00:00+02:00</published>
    <updated>2026-04-03T10:00:00Z</updated>
    <author><name>Kari Nordmann</name></author>
    <category term="canals"/><category term="winter"/>
    <content type="html">&lt;p&gt;The locks close on 1 November.&lt;/p&gt;&lt;p&gt;They open
      again in &lt;a href="/spring"&gt;spring&lt;/a&gt;.&lt;/p&gt;</content>
  </entry>
</feed>"""
    with pytest.warns(bm.BriefmodelWarning):
        (brief,) = read_back("atom", text, strict=False)
    assert brief.id == "https://example.org/canal/locks"
    assert brief.headline == "Locks close for the winter"
    assert brief.created == datetime(2026, 4, 2, 6, tzinfo=timezone.utc)
    assert brief.updated == datetime(2026, 4, 3, 10, tzinfo=timezone.utc)
    assert [a.name for a in brief.authors] == ["Kari Nordmann"]
    assert brief.keywords == ("canals", "winter")
    assert brief.language == "nb"
    assert "The locks close on 1 November." in bm.plain_text(brief.sections[0].blocks[0].content)
    assert bm.validate(brief).ok
