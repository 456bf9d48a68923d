"""``briefmodel feed``: the briefs of files and folders as one Atom, RSS or JSON Feed,
its kind from --kind or the output's suffix; the feed reads back to the same briefs;
nothing is written when an input cannot be read."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import CREATED, make_brief, write

OLDER = make_brief()
NEWER = attrs.evolve(
    make_brief(), id="urn:example:brief:ferry-strike-2", created=CREATED + timedelta(days=1)
)


@pytest.mark.parametrize(
    ("output", "kind"),
    [("feed.atom", "atom"), ("feed.xml", "atom"), ("feed.rss", "rss"), ("feed.json", "jsonfeed")],
)
def test_the_output_suffix_names_the_kind_and_the_feed_reads_back(
    output: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("in").mkdir()
    write("in/a.json", OLDER)
    Path("in/b.md").write_text(bm.dumps(NEWER, "markdown"), encoding="utf-8")
    assert main(["feed", "in", "-o", output, "--title", "Ferry desk"]) == 0
    assert capsys.readouterr().err == ""
    data = Path(output).read_bytes()
    assert bm.formats.detect(output, data).name == kind
    assert list(bm.load_all(output, kind)) == [OLDER, NEWER]


def test_newest_first_and_the_feed_options(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", OLDER)
    write("b.json", NEWER)
    argv = ["feed", "a.json", "b.json", "--kind", "rss", "--title", "Ferry desk"]
    argv += ["--link", "https://example.org/", "--newest-first", "--language", "nb"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "<link>https://example.org/</link>" in out
    assert "<language>nb</language>" in out
    assert [b.id for b in bm.formats.by_name("rss").read_all(out)] == [NEWER.id, OLDER.id]


def test_an_unreadable_input_writes_no_feed(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", OLDER)
    Path("b.json").write_text("{}", encoding="utf-8")
    assert main(["feed", "a.json", "b.json", "-o", "feed.atom", "--title", "T"]) == 1
    err = capsys.readouterr().err
    assert "b.json: /headline: error schema.required" in err
    assert "no feed written" in err
    assert not Path("feed.atom").exists()


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["-o", "feed.txt"], "cannot tell the kind of feed from 'feed.txt'"),
        (["--link", "not a url"], "--link expected an http or https URL"),
    ],
)
def test_usage_errors_are_said(
    extra: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("a.json", OLDER)
    assert main(["feed", "a.json", "--title", "T", *extra]) == 2
    assert said in capsys.readouterr().err


def test_a_feed_in_the_folder_is_not_read_again(capsys: pytest.CaptureFixture[str]) -> None:
    Path("in").mkdir()
    write("in/a.json", OLDER)
    for _ in range(2):  # (a feed is named to be read, not picked from a folder of briefs)
        assert main(["feed", "in", "-o", "in/feed.atom", "--title", "Ferry desk"]) == 0
    assert list(bm.load_all("in/feed.atom")) == [OLDER]
