"""Atom, RSS and JSON Feed (formats/atom, rss, jsonfeed and their shared _feeds): feeds
of briefs pass the validators feed tools use (Ruby's validating RSS parser for Atom and
RSS, JSON Feed 1.1's JSON Schema), feedparser reads them without complaint and finds
every field, and they read back to equal briefs; and the validators do reject broken
feeds, so that these tests can fail."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.testing import briefs

from ..._profiles import examples
from ._oracles import jsonfeed_problems, ruby_rss_problem

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = [bm.load(p) for p in sorted((ROOT / "examples").glob("*.json"))]
KINDS = {"atom": "atom", "rss": "rss", "json": "jsonfeed"}
OPTIONS = {
    "title": "Harbour desk",
    "url": "https://example.org/harbour/feed",
    "link": "https://example.org/harbour/",
    "subtitle": "Briefs from the harbour desk",
    "author": "Harbour desk",
}


def _feed(kind: str, items: list[bm.Brief], **options: object) -> str:
    return bm.feed(items, kind, **{**OPTIONS, **options})  # type: ignore[arg-type]


def _read(kind: str, text: str, **options: object) -> list[bm.Brief]:
    return list(bm.formats.by_name(KINDS[kind]).read_all(text, **options))


@pytest.fixture(scope="module")
def written() -> dict[str, str]:
    """A feed of the bundled examples, in each kind, written once."""
    return {kind: _feed(kind, EXAMPLES) for kind in KINDS}


# -- the oracles -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_ruby_validates_the_feed_of_the_examples(kind: str, written: dict[str, str]) -> None:
    assert ruby_rss_problem(written[kind]) is None


@pytest.mark.parametrize(
    ("kind", "pattern", "replacement", "said"),
    [
        ("atom", r"(<entry[^>]*>)<id>[^<]*</id>", r"\1", "tag <id> is missing in tag <entry>"),
        ("atom", r"(<entry[^>]*>)", r"\1<note/>", "tag <{http://www.w3.org/2005/Atom}note> is not"),
        ("atom", r"<updated>[^<]*</updated>", "<updated>soon</updated>", "<updated> is not"),
        ("rss", r"<description>[^<]*</description>", "", "tag <description> is missing"),
        ("rss", r"<pubDate>", "<pubDate>Lately ", "of tag <pubDate> is not available"),
    ],
)
def test_ruby_rejects_a_broken_feed(
    kind: str, pattern: str, replacement: str, said: str, written: dict[str, str]
) -> None:
    text = re.sub(pattern, replacement, written[kind], count=1)
    assert text != written[kind]
    problem = ruby_rss_problem(text)
    assert problem is not None, "the broken feed passed"
    assert said in problem, problem


def test_the_json_feed_of_the_examples_meets_the_json_feed_schema(
    written: dict[str, str],
) -> None:
    assert jsonfeed_problems(written["json"]) == []


def test_the_json_feed_schema_rejects_a_broken_feed(written: dict[str, str]) -> None:
    feed = json.loads(written["json"])
    del feed["items"][0]["id"]
    feed["version"] = "https://jsonfeed.org/version/2"
    problems = jsonfeed_problems(json.dumps(feed))
    assert any("'id' is a required property" in p for p in problems), problems
    assert any(p.startswith("$.version: ") for p in problems), problems


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feedparser_reads_every_field_without_complaint(kind: str, written: dict[str, str]) -> None:
    import feedparser

    data = io.BytesIO(written[kind].encode("utf-8"))
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == {"atom": "atom10", "rss": "rss20"}[kind]
    assert parsed.feed.title == OPTIONS["title"]
    assert len(parsed.entries) == len(EXAMPLES)
    for brief, entry in zip(EXAMPLES, parsed.entries, strict=True):
        assert entry.id == brief.id
        assert entry.title == brief.headline
        assert entry.content[0].value == bm.dumps(brief, "html", fragment=True)
        assert [a.name for a in entry.authors] == [a.name for a in brief.authors] or (
            not brief.authors
        )
        assert {t.term for t in entry.get("tags", ())} == {
            *(s.code for s in brief.subjects),
            *brief.keywords,
        }
        if brief.created is not None:
            assert (
                dict.get(entry, "published_parsed")[:6]
                == brief.created.astimezone(timezone.utc).timetuple()[:6]
            )
        if brief.subheadline is not None:
            assert entry.summary == brief.subheadline


# -- round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_examples_read_back_equal_in_order(kind: str, written: dict[str, str]) -> None:
    assert _read(kind, written[kind]) == EXAMPLES
    assert bm.formats.detect(data=written[kind]).name == KINDS[kind]


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(briefs(max_sections=2, dated=True), min_size=1, max_size=3))
def test_generated_briefs_read_back_equal(kind: str, items: list[bm.Brief]) -> None:
    items = [attrs.evolve(b, id=f"{b.id}-{n}") for n, b in enumerate(items)]
    assert _read(kind, _feed(kind, items)) == items


def test_the_same_briefs_give_the_same_feed() -> None:
    for kind in KINDS:
        assert _feed(kind, EXAMPLES) == _feed(kind, list(EXAMPLES))


@pytest.mark.parametrize("kind", ["rss", "json"])
def test_an_undated_brief_goes_in_rss_and_json_feed_and_reads_back_undated(kind: str) -> None:
    undated = attrs.evolve(EXAMPLES[0], created=None, updated=None, corrections=())
    assert _read(kind, _feed(kind, [undated])) == [undated]


def test_atom_refuses_an_undated_brief_naming_it() -> None:
    undated = attrs.evolve(EXAMPLES[0], created=None, updated=None, corrections=())
    with pytest.raises(bm.ValidationError) as caught:
        _feed("atom", [EXAMPLES[1], undated])
    problem = caught.value.problems[0]
    assert (problem.code, problem.path) == ("feed.undated", "/created")
    assert problem.message.startswith(f"brief 1 ({undated.id})")


# -- what cannot be written ----------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad", ["\x01", "\ud800", "\ufffe"])
def test_text_xml_cannot_carry_is_refused_at_its_place(kind: str, bad: str) -> None:
    broken = attrs.evolve(EXAMPLES[0], headline=f"Fees {bad} fall")
    with pytest.raises(bm.ValidationError) as caught:
        _feed(kind, [EXAMPLES[1], broken])
    problem = caught.value.problems[0]
    assert (problem.code, problem.path) == ("text.not-xml-char", "/headline")
    assert problem.message.startswith(f"brief 1 ({broken.id}): ")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"title": ""}, "title"),
        ({"title": 3}, "title"),
        ({"url": "ftp://example.org/feed"}, "url"),
        ({"link": "not a url"}, "link"),
        ({"language": "english please"}, "language"),
        ({"updated": datetime(2026, 1, 1)}, "updated"),
        ({"author": "A\x00B"}, "author"),
    ],
)
def test_a_bad_option_is_named(options: dict[str, object], named: str) -> None:
    with pytest.raises(bm.OptionError) as caught:
        _feed("atom", EXAMPLES, **options)
    assert caught.value.option == named


def test_what_is_not_a_brief_is_named_by_its_index() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.feed([EXAMPLES[0], "brief"], title="T")  # type: ignore[list-item]
    assert caught.value.option == "briefs[1]"
    with pytest.raises(bm.OptionError):
        bm.feed(EXAMPLES[0], title="T")  # type: ignore[arg-type]
    with pytest.raises(bm.OptionError):
        bm.feed(EXAMPLES, "opml", title="T")


def test_an_empty_atom_feed_needs_its_time() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.feed([], title="Nothing yet")
    assert caught.value.option == "updated"
    when = datetime(2026, 6, 1, tzinfo=timezone.utc)
    text = bm.feed([], title="Nothing yet", updated=when)
    assert ruby_rss_problem(text) is None


# -- reading -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_feed_of_several_read_as_one_brief_says_so(kind: str, written: dict[str, str]) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(written[kind])
    assert caught.value.problem.code == "feed.several"
    one = _feed(kind, EXAMPLES[:1])
    assert bm.loads(one) == EXAMPLES[0]


def test_load_all_reads_each_brief_of_a_feed_file(tmp_path: Path, written: dict[str, str]) -> None:
    for kind, suffix in (("atom", ".atom"), ("rss", ".xml"), ("json", ".json")):
        path = tmp_path / f"feed{suffix}"
        path.write_text(written[kind], "utf-8")
        assert list(bm.load_all(path)) == EXAMPLES, kind


def test_a_malformed_feed_is_a_parse_error_strictly_and_read_leniently() -> None:
    text = _feed("atom", EXAMPLES[:1]).replace("</feed>", "")
    with pytest.raises(bm.ParseError) as caught:
        _read("atom", text)
    assert caught.value.problem.code == "parse.syntax"
    with pytest.warns(bm.BriefmodelWarning) as heard:
        (brief,) = _read("atom", text, strict=False)
    assert any("feedparser's lenient parser" in str(w.message) for w in heard)
    assert (brief.id, brief.headline) == (EXAMPLES[0].id, EXAMPLES[0].headline)


def test_a_feed_with_a_doctype_is_refused_even_leniently() -> None:
    text = _feed("rss", EXAMPLES[:1]).replace(
        "<rss ", '<!DOCTYPE rss [<!ENTITY x "boom">]>\n<rss ', 1
    )
    for strict in (True, False):
        with pytest.raises(bm.ParseError) as caught:
            _read("rss", text, strict=strict)
        assert caught.value.problem.code == "parse.doctype"


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
        (brief,) = _read("atom", text, strict=False)
    assert brief.id == "https://example.org/canal/locks"
    assert brief.headline == "Locks close for the winter"
    assert brief.created == datetime(2026, 4, 2, 6, tzinfo=timezone.utc)
    assert brief.updated == datetime(2026, 4, 3, 10, tzinfo=timezone.utc)
    assert [a.name for a in brief.authors] == ["Kari Nordmann"]
    assert brief.keywords == ("canals", "winter")
    assert brief.language == "nb"
    assert "The locks close on 1 November." in bm.plain_text(brief.sections[0].blocks[0].content)
    assert bm.validate(brief).ok
