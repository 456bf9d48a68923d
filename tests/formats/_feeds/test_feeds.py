"""What the three feed formats share (formats/_feeds): text XML cannot carry is refused
at its place, bad options and what is not a brief are named, the same briefs give the
same feed, and a feed read as one brief says when it holds several."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import attrs
import pytest

import briefmodel as bm

from ..._tools import fresh_python
from ._support import EXAMPLES, KINDS, feed_of

# -- what cannot be written ----------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad", ["\x01", "\ud800", "\ufffe"])
def test_text_xml_cannot_carry_is_refused_at_its_place(kind: str, bad: str) -> None:
    broken = attrs.evolve(EXAMPLES[0], headline=f"Fees {bad} fall")
    with pytest.raises(bm.ValidationError) as caught:
        feed_of(kind, [EXAMPLES[1], broken])
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
        feed_of("atom", EXAMPLES, **options)
    assert caught.value.option == named


def test_what_is_not_a_brief_is_named_by_its_index() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.feed([EXAMPLES[0], "brief"], title="T")  # type: ignore[list-item]
    assert caught.value.option == "briefs[1]"
    with pytest.raises(bm.OptionError):
        bm.feed(EXAMPLES[0], title="T")  # type: ignore[arg-type]
    with pytest.raises(bm.OptionError):
        bm.feed(EXAMPLES, "opml", title="T")


def test_the_same_briefs_give_the_same_feed() -> None:
    for kind in KINDS:
        assert feed_of(kind, EXAMPLES) == feed_of(kind, list(EXAMPLES))


@pytest.mark.parametrize("kind", KINDS)
def test_a_feed_of_several_read_as_one_brief_says_so(kind: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(feed_of(kind, EXAMPLES))
    assert caught.value.problem.code == "feed.several"
    one = feed_of(kind, EXAMPLES[:1])
    assert bm.loads(one) == EXAMPLES[0]


def test_load_all_reads_each_brief_of_a_feed_file(tmp_path: Path) -> None:
    for kind, suffix in (("atom", ".atom"), ("rss", ".xml"), ("json", ".json")):
        path = tmp_path / f"feed{suffix}"
        path.write_text(feed_of(kind, EXAMPLES), "utf-8")
        assert list(bm.load_all(path)) == EXAMPLES, kind


def test_writing_needs_no_extra_and_reading_without_feedparser_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    program = (
        "import sys, briefmodel as bm\n"
        "from datetime import datetime, timezone\n"
        "b = bm.Brief(id='urn:x:1', headline='H', sections=[bm.Section()],\n"
        "             created=datetime(2026, 1, 1, tzinfo=timezone.utc))\n"
        "bm.feed([b], title='T'); bm.feed([b], 'rss', title='T')\n"
        "print('feedparser' in sys.modules)\n"
    )
    assert fresh_python(program).strip() == "False"
    text = feed_of("atom", EXAMPLES[:1])
    monkeypatch.setitem(sys.modules, "feedparser", None)  # (as if it were not installed)
    with pytest.raises(bm.OptionError, match=r"pip install 'briefmodel\[feeds\]'") as caught:
        bm.loads(text)
    assert caught.value.problem.code == "format.needs-extra"


def test_dump_all_points_to_bm_feed(tmp_path: Path) -> None:
    with pytest.raises(bm.OptionError, match=r"written with bm\.feed\(briefs, kind, title=…\)"):
        bm.dump_all(EXAMPLES, tmp_path / "all.atom", "atom")
    assert not (tmp_path / "all.atom").exists()


def test_a_feed_none_of_whose_entries_can_be_read_raises_even_leniently() -> None:
    text = (
        '<rss version="2.0"><channel><title>T</title><link>https://example.org/</link>'
        "<description>D</description><item><guid>urn:example:a</guid></item></channel></rss>"
    )
    with (
        pytest.warns(bm.BriefmodelWarning, match="entry 0 is passed over"),
        pytest.raises(bm.ValidationError) as caught,
    ):
        list(bm.formats.by_name("rss").read_all(text, strict=False))
    assert "the page has no headline" in caught.value.problems[0].message
    assert caught.value.problems[0].message.startswith("entry 0 (urn:example:a): ")
