"""Reading RSS: briefmodel's own channels read back to equal briefs, in order; a
document with a DOCTYPE is refused, however leniently it is read; another producer's
plain item is read with its metadata."""

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
    text = feed_of("rss", EXAMPLES)
    assert read_back("rss", text) == EXAMPLES
    assert bm.formats.detect(data=text).name == "rss"


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(briefs(max_sections=2), min_size=1, max_size=3, unique_by=lambda b: b.id))
def test_generated_briefs_read_back_equal(items: list[bm.Brief]) -> None:
    assert read_back("rss", feed_of("rss", items)) == items


def test_a_channel_with_a_doctype_is_refused_even_leniently() -> None:
    text = feed_of("rss", EXAMPLES[:1]).replace(
        "<rss ", '<!DOCTYPE rss [<!ENTITY x "boom">]>\n<rss ', 1
    )
    for strict in (True, False):
        with pytest.raises(bm.ParseError) as caught:
            read_back("rss", text, strict=strict)
        assert caught.value.problem.code == "parse.doctype"


def test_another_producers_item_is_read_with_its_metadata() -> None:
    text = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Quay news</title><link>https://example.org/</link>
<description>News from the quay</description><language>en-GB</language>
<item><title>Crane three is back in service</title>
<link>https://example.org/quay/crane-three</link>
<description>&lt;p&gt;The crane was repaired over the weekend.&lt;/p&gt;</description>
<author>quay@example.org (Quay office)</author><category>cranes</category>
<pubDate>Tue, 07 Apr 2026 09:30:00 +0100</pubDate></item>
</channel></rss>"""
    (brief,) = read_back("rss", text, strict=False)  # (nothing lost: no warning)
    assert brief.id == "https://example.org/quay/crane-three"
    assert brief.headline == "Crane three is back in service"
    assert brief.created == datetime(2026, 4, 7, 8, 30, tzinfo=timezone.utc)
    assert brief.language == "en-GB"
    assert brief.keywords == ("cranes",)
    assert "repaired over the weekend" in bm.plain_text(brief.sections[0].blocks[0].content)
    assert bm.validate(brief).ok
