"""HTML validity: every page briefmodel writes passes the W3C Nu HTML Checker (vnu.jar).

The checker is the W3C's own (npm ``vnu-jar``, run with Java; ``.ci/run`` installs it),
run once over every page: each example and each brief of the ``should_pass`` corpus as a
full page and as a fragment inside a minimal document, a fixed sample of generated
briefs (30 in the deep profile, 6 in the quick one), and a brief that holds in every field
each character HTML cannot carry as it is.
Errors fail; warnings are allowed (the expected ones are listed in
:data:`EXPECTED_WARNINGS`, and any other fails too, so a new kind gets looked at).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import html
from tests import _browser
from tests._profiles import sample

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
#: Generated briefs checked (fewer in the quick profile: tests/_profiles.py).
GENERATED = sample(deep=30, quick=6)

#: Every character an HTML page cannot hold as it is, but a brief can (a carriage return,
#: DEL, C1 controls, noncharacters), next to ordinary text.
HARD = "a\rb\r\nc\x7fd\x80e\x85f\x9fg\ufdd0h\ufdefi\U0001fffej\U0010ffffk"
HARD_LINE = HARD.replace("\r", "").replace("\n", "")
#: A URL with what an href cannot hold as it is: a stray %, a space, brackets and quotes
#: in the path, markup characters, a second #.
HARD_URL = 'https://example.org/a%zz/b c[1]?q=<x>&r="y"#frag#more'

#: Warnings the checker gives on briefmodel's pages, and why they are accepted.
EXPECTED_WARNINGS = {
    # A section without a title is still a section of the brief (the reader needs it).
    "Section lacks heading.",
    # Generated times use any whole-minute offset; real zones use :00, :30 and :45, from
    # -12:00 to +14:00.
    "Minutes in time zone designator should be either",
    "Hours in time zone designator should be from",
    # Generated and corpus texts use every assigned character, on purpose.
    "Document uses the Unicode Private Use Area(s)",
    "not in Unicode Normalization Form C",
    # A text run or an attribute's value (a link's title, say) may start with one.
    "starts with a composing character.",
}

DOCUMENT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A brief in a page</title></head>
<body><main>
{}
</main></body></html>
"""


def hard_brief() -> bm.Brief:
    """A valid brief with :data:`HARD` in every text and :data:`HARD_URL` in every link."""
    when = datetime(2026, 3, 29, 1, 30, 0, 123456, tzinfo=timezone(-timedelta(hours=3.5)))
    text: list[Any] = [
        "lead ",
        HARD,
        bm.Code(text=HARD),
        bm.Emphasis(content=HARD),
        bm.Link(href=HARD_URL, title=HARD_LINE, content=["link ", HARD]),
        bm.Link(href=HARD_URL, content=[bm.LineBreak()]),
        bm.Link(href=HARD_URL),
        bm.Mention(ref="e1", content=HARD),
        bm.Citation(ref="s1"),
    ]
    return bm.Brief(
        id="urn:example:hard:1",
        headline="H" + HARD_LINE,
        subheadline=HARD,
        created=when,
        updated=when + timedelta(microseconds=1),
        embargo_until=when,
        keywords=[HARD],
        extensions={"acme:x": {HARD: [HARD, 1.5]}},
        authors=[bm.Agent(name="N" + HARD_LINE, role=HARD_LINE, uri=HARD_URL)],
        publisher=bm.Agent(name="P", uri=HARD_URL, affiliation=HARD_LINE),
        corrections=[bm.Correction(signal="correction", note=HARD, date=when)],
        sections=[
            bm.Section(
                id="s-a",
                title="T" + HARD_LINE,
                role="key-points",
                blocks=[
                    bm.Paragraph(content=text),
                    bm.ItemList(
                        items=[bm.ListItem(content=text, blocks=[bm.Paragraph(content=HARD)])],
                        ordered=True,
                    ),
                    bm.Quote(content=text, attribution=HARD_LINE, source_ref="s1"),
                    bm.Judgment(statement=text, confidence="high", likelihood="likely"),
                    bm.Judgment(statement=HARD, confidence="low", basis=["s1"]),
                    bm.Figure(src=HARD_URL, alt="A" + HARD_LINE, caption=text, credit=HARD_LINE),
                ],
                sections=[bm.Section(title=HARD_LINE, blocks=[bm.Paragraph(content="x")])],
            )
        ],
        entities=[
            bm.Entity(
                id="e1",
                kind="place",
                name="E" + HARD_LINE,
                aliases=[HARD],
                identifiers={"wikidata": HARD},
            )
        ],
        sources=[
            bm.Source(
                id="s1",
                title="S" + HARD_LINE,
                url=HARD_URL,
                publisher=HARD_LINE,
                published=when,
                accessed=when,
                reliability="B",
                credibility=2,
            )
        ],
        subjects=[bm.Subject(code="medtop:01000000", name=HARD_LINE, uri=HARD_URL)],
        related=[bm.Related(url=HARD_URL, title=HARD_LINE, rel="see-also")],
        rights=bm.Rights(holder=HARD_LINE, notice=HARD, license_url=HARD_URL, usage_terms=HARD),
    )


def _pages() -> dict[str, bm.Brief]:
    pages: dict[str, bm.Brief] = {}
    for path in EXAMPLES + SHOULD_PASS:
        pages[f"{path.parent.name}/{path.stem}"] = bm.load(path)
    pages["hard-characters"] = hard_brief()
    return pages


FILES = list(_pages())


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Every page written to a file and checked in one run of vnu.jar (the faulty pages
    too, as ``fault/NAME``): messages by name."""
    _browser.vnu_jar()  # skip early (or fail in CI) without the checker
    folder = tmp_path_factory.mktemp("vnu")
    briefs = _pages()
    generated = _browser.generated_briefs(GENERATED)
    assert len(generated) == GENERATED
    briefs.update({f"generated/{n:02d}": brief for n, brief in enumerate(generated)})
    files: dict[str, Path] = {}
    for name, brief in briefs.items():
        stem = name.replace("/", "--")
        files[f"{name}.page"] = folder / f"{stem}.page.html"
        files[f"{name}.page"].write_text(bm.dumps(brief, "html"), "utf-8")
        files[f"{name}.fragment"] = folder / f"{stem}.fragment.html"
        fragment = bm.dumps(brief, "html", fragment=True)
        files[f"{name}.fragment"].write_text(DOCUMENT.format(fragment), "utf-8")
    for name, (text, _) in _faulty_pages().items():
        files[f"fault/{name}"] = folder / f"fault--{name}.html"
        files[f"fault/{name}"].write_text(text, "utf-8")
    found = _browser.run_vnu(list(files.values()))
    return {name: found[path.resolve()] for name, path in files.items()}


def _assert_valid(messages: list[dict[str, Any]]) -> None:
    errors = _browser.vnu_errors(messages)
    assert not errors, "\n".join(_browser.describe(m) for m in errors)
    unexpected = [
        m
        for m in _browser.vnu_warnings(messages)
        if not any(known in m.get("message", "") for known in EXPECTED_WARNINGS)
    ]
    assert not unexpected, "\n".join(_browser.describe(m) for m in unexpected)


@pytest.mark.parametrize("kind", ["page", "fragment"])
@pytest.mark.parametrize("name", FILES)
def test_examples_and_corpus_pages_are_valid(
    checked: dict[str, list[dict[str, Any]]], name: str, kind: str
) -> None:
    _assert_valid(checked[f"{name}.{kind}"])


@pytest.mark.parametrize("kind", ["page", "fragment"])
@pytest.mark.parametrize("number", range(GENERATED))
def test_generated_pages_are_valid(
    checked: dict[str, list[dict[str, Any]]], number: int, kind: str
) -> None:
    _assert_valid(checked[f"generated/{number:02d}.{kind}"])


def _faulty_pages() -> dict[str, tuple[str, str]]:
    """Pages with known faults, each with (a part of) the error the checker must give."""
    brief = bm.load(EXAMPLES[0])
    page = bm.dumps(brief, "html")
    faults = {
        "carriage-return-reference": (
            page.replace("</h1>", "&#13;</h1>", 1),
            "expanded to carriage return",
        ),
        "c1-control": (page.replace("</h1>", "\x85</h1>", 1), "Forbidden code point U+0085"),
        "long-fraction": (
            re.sub(r'datetime="([^"]+?)([+-]\d\d:\d\d)"', r'datetime="\1.123456\2"', page),
            "fraction of a second",
        ),
        "stray-percent": (
            re.sub(r'href="(https://[^"]+)"', r'href="\1/%zz"', page, count=1),
            "Percentage",
        ),
        "nested-links": (
            page.replace("</h1>", '<a href="#a"><a href="#b">x</a></a></h1>', 1),
            "Start tag “a” seen but an element of the same type was already open",
        ),
        "unregistered-language": (
            page.replace(f'lang="{brief.language}"', 'lang="zz"', 1),
            "language subtag “zz”",
        ),
    }
    for name, (text, _) in faults.items():
        assert text != page, name
    return faults


def test_the_checker_finds_errors(checked: dict[str, list[dict[str, Any]]]) -> None:
    """The oracle works: pages with known faults get the errors the faults call for (they
    are checked in the same run as the others)."""
    for name, (_, wanted) in _faulty_pages().items():
        errors = " | ".join(m["message"] for m in _browser.vnu_errors(checked[f"fault/{name}"]))
        assert wanted in errors, (name, errors)


def test_hard_characters_are_written_validly_and_read_back() -> None:
    """A carriage return is not written as ``&#13;`` (the checker calls that an error):
    it and the other characters HTML cannot carry are named by an empty span in text and
    kept in ``data-exact`` in attributes, and the page reads back to the same brief."""
    brief = hard_brief()
    page = bm.dumps(brief, "html")
    assert "&#13;" not in page
    assert not re.search("[\r\x7f-\x9f\ufdd0-\ufdef\U0001fffe\U0010ffff]", page)
    assert bm.loads(page, "html") == brief
    assert bm.loads(bm.dumps(brief, "html", fragment=True), "html") == brief
    root = html.parse(page)
    headline = root.find(".//h1")
    assert [s.get("data-char") for s in headline.iter("span")] == [
        "7F",
        "80",
        "85",
        "9F",
        "FDD0",
        "FDEF",
        "1FFFE",
        "10FFFF",
    ]


def test_times_are_valid_html_and_exact() -> None:
    """HTML allows three digits of a second's fraction: a time with microseconds is
    written to the millisecond and read back exactly from ``data-exact``."""
    created = datetime(2026, 3, 29, 1, 30, 0, 123456, tzinfo=timezone.utc)
    brief = bm.Brief(
        id="urn:example:times:1",
        headline="Times",
        created=created,
        updated=created.replace(microsecond=124000),
        sections=[bm.Section(blocks=[bm.Paragraph(content="x")])],
    )
    page = bm.dumps(brief, "html")
    root = html.parse(page)
    written = {t.get("data-field"): t.get("datetime") for t in root.iter("time")}
    assert written == {
        "created": "2026-03-29T01:30:00.123+00:00",
        "updated": "2026-03-29T01:30:00.124+00:00",
    }
    assert bm.loads(page, "html") == brief


def test_links_are_valid_urls_that_lead_to_the_same_place() -> None:
    brief = hard_brief()
    root = html.parse(bm.dumps(brief, "html"))
    hrefs = {a.get("href") for a in root.iter("a") if not a.get("href", "").startswith("#")}
    assert hrefs == {
        "https://example.org/a%25zz/b%20c%5B1%5D?q=%3Cx%3E&r=%22y%22#frag%23more",
    }
    (image,) = root.iter("img")
    assert image.get("src") in hrefs


@pytest.mark.parametrize(
    ("markup", "what"),
    [
        ('<p data-exact="not json">x</p>', "data-exact"),
        ('<p data-exact="[1]">x</p>', "data-exact"),
        ('<p data-exact="{&quot;title&quot;: 1}">x</p>', "'title'"),
        ('<p data-exact="{&quot;bad name&quot;: &quot;v&quot;}">x</p>', "'bad name'"),
        ('<p data-exact="{&quot;title&quot;: &quot;\\u0001&quot;}">x</p>', "'title'"),
        ('<p>a<span class="char" data-char="41"></span>b</p>', "data-char='41'"),
        ('<p>a<span class="char" data-char="D800"></span>b</p>', "data-char='D800'"),
        ('<p>a<span class="char" data-char="FFFE"></span>b</p>', "data-char='FFFE'"),
        ('<p>a<span class="char" data-char="zz"></span>b</p>', "data-char='zz'"),
        ('<p>a<span class="char" data-char="FFFFFF"></span>b</p>', "data-char='FFFFFF'"),
        ('<p>a<span class="char" data-char="85">x</span>b</p>', "data-char='85'"),
        ('<p>a<span data-char="85"></span>b</p>', "data-char='85'"),
    ],
)
def test_malformed_exact_values_and_characters_are_losses(markup: str, what: str) -> None:
    """What the writer never writes is reported, not applied (and never crashes)."""
    brief = bm.Brief(
        id="urn:example:exact:1",
        headline="Exact",
        created=datetime(2026, 3, 29, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content="MARK")])],
    )
    page = bm.dumps(brief, "html").replace("<p>MARK</p>", markup)
    with pytest.raises(bm.ValidationError) as caught:
        html.read(page)
    problems = caught.value.problems
    assert {p.code for p in problems} == {"html.dropped"}
    assert any(what in p.message for p in problems), [p.message for p in problems]


def test_exact_values_and_characters_are_put_back_where_they_were() -> None:
    brief = bm.Brief(
        id="urn:example:exact:2",
        headline="Exact",
        created=datetime(2026, 3, 29, tzinfo=timezone.utc),
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            "\x85start",
                            bm.Strong(content="\rin\x9f"),
                            "mid\ufdd0",
                            bm.LineBreak(),
                            "\U0010fffe",
                            bm.Code(text="\x7f"),
                        ]
                    )
                ]
            )
        ],
    )
    page = bm.dumps(brief, "html")
    assert page.count('class="char"') == 6
    assert html.read(page) == brief
