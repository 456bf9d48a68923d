"""Reading briefmodel's own page, damaged: broken JSON in its ``data-*`` attributes is
reported, not read as empty; a missing header or name is an error, not a crash; scripts
in its headings are never read; what it holds beyond the model is kept when reading
leniently. And whatever the page holds that the writer does not write for the brief
read (an attribute on any element, an element, text where it writes none, a derived
value changed, a comment) is a loss at its line, while every page it writes reads
without one."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings

import briefmodel as bm
from briefmodel.errors import MAX_PROBLEMS, count_problems
from briefmodel.formats import html
from briefmodel.testing import briefs

from ._support import _losses, _minimal, _own_page


def _line_of(page: str, text: str) -> int:
    return page[: page.index(text)].count("\n") + 1


@pytest.mark.parametrize(
    ("attribute", "broken"),
    [
        ("data-keywords", "[&quot;buses&quot;"),
        ("data-keywords", "{}"),
        ("data-extensions", "[1]"),
        ("data-extensions", "{&quot;x:a&quot;: 1"),
        ("data-aliases", "&quot;A.&quot;"),
        ("data-identifiers", "[]"),
        ("data-identifiers", "[" * 100_000),
    ],
)
def test_broken_json_in_our_own_page_is_reported_not_read_as_empty(
    attribute: str, broken: str
) -> None:
    page = re.sub(rf'{attribute}="[^"]*"', f'{attribute}="{broken}"', _own_page(), count=1)
    assert f'{attribute}="{broken}"' in page
    (problem,) = _losses(page)
    assert attribute in problem.message
    assert problem.line == _line_of(page, f'{attribute}="')
    with pytest.warns(bm.BriefmodelWarning, match=attribute):
        brief = bm.loads(page, "html", strict=False)
    (kept,) = brief.extensions["briefmodel:unknown"].items()
    assert kept[0].endswith("/@" + attribute)
    assert kept[1] == html_unescape(broken)


def html_unescape(text: str) -> str:
    import html as stdlib_html

    return stdlib_html.unescape(text)


def test_our_own_page_without_its_header_or_an_entity_name_is_an_error_not_a_crash() -> None:
    page = re.sub(r"<header>.*?</header>", "", _own_page(), count=1, flags=re.S)
    problems = _losses(page)
    assert [p.code for p in problems] == ["schema.required"]  # (no date: it is undated)
    assert [p.message for p in problems] == [
        "the brief's <article> has no headline (an <h1> in its <header>)",
    ]
    assert problems[0].line == _line_of(page, '<article class="brief"')
    page = re.sub(r'(<li id="entity[^>]*>).*?</li>', r"\1</li>", _own_page(), count=1, flags=re.S)
    (problem,) = _losses(page)
    assert problem.message.startswith("<li>: Entity.name: ")
    assert problem.line == _line_of(page, '<li id="entity')


def test_scripts_in_our_own_headings_are_never_read() -> None:
    page = _own_page(sections=[bm.Section(title="Routes", blocks=[bm.Paragraph(content="x")])])
    page = page.replace("<h1>Night", "<h1><script>evil()</script>Night")
    page = page.replace(">Routes</h2>", ">Routes<style>p{}</style></h2>")
    assert [p.message for p in _losses(page)] == [
        "the <script> in <h1> has no place in the model; strict=False drops it with a warning",
        "the <style> in <h2> has no place in the model; strict=False drops it with a warning",
    ]
    with pytest.warns(bm.BriefmodelWarning):
        brief = bm.loads(page, "html", strict=False)
    assert brief.headline == "Night buses return to the harbour line"
    assert brief.sections[0].title == "Routes"


def test_what_our_own_page_holds_beyond_the_model_is_kept_when_reading_leniently() -> None:
    page = _own_page()
    page = page.replace(
        "<header>", '<header><p class="kicker" onclick="x()">Late<script>s()</script> news</p>', 1
    )
    page = page.replace("</footer>", '<div class="extra">More <em>here</em></div></footer>', 1)
    assert len(_losses(page)) == 2
    with pytest.warns(bm.BriefmodelWarning, match="read with 2 losses"):
        brief = bm.loads(page, "html", strict=False)
    assert dict(brief.extensions["briefmodel:unknown"]) == {
        "/html/body/main/article/header/p[1]": '<p class="kicker">Late news</p>',
        "/html/body/main/article/footer/div": '<div class="extra">More <em>here</em></div>',
    }
    assert brief.extensions["x:a"] == 1
    # What is kept is written again, and read back the same.
    assert bm.loads(bm.dumps(brief, "html"), "html") == brief


# ======================================================================================
# What our own page holds beyond what the writer writes for the brief read is a loss

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden" / "write"
BRIEF_FILES = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
_START_TAG = re.compile(r"<([a-z][a-z0-9]*)\b([^>]*)>")


def _article(page: str) -> tuple[int, int]:
    start = page.index('<article class="brief"')
    return start, page.index("</article>", start)


def _planted(page: str) -> tuple[str, dict[str, int]]:
    """The page with ``data-planted="N"`` added to each start tag of its article (what
    the writer writes there), and the line of each N."""
    start, end = _article(page)
    lines: dict[str, int] = {}

    def plant(match: re.Match[str]) -> str:
        number = str(len(lines))
        lines[number] = page.count("\n", 0, start + match.start()) + 1
        attributes = match.group(2)
        closing = "/" if attributes.endswith("/") else ""
        return f'<{match.group(1)}{attributes.rstrip("/")} data-planted="{number}"{closing}>'

    return page[:start] + _START_TAG.sub(plant, page[start:end]) + page[end:], lines


@pytest.mark.parametrize("path", BRIEF_FILES, ids=lambda p: p.stem)
def test_an_attribute_the_writer_never_writes_is_a_loss_on_every_element(path: Path) -> None:
    page, lines = _planted(bm.dumps(bm.load(path), "html", css=None))
    problems = _losses(page)
    listed = [p for p in problems if p.code != "problems.more"]
    planted = {}
    for problem in listed:
        found = re.search(r"data-planted='(\d+)'", problem.message)
        assert found is not None, problem
        assert problem.code == "html.dropped"
        planted[found.group(1)] = problem.line
    # The first MAX_PROBLEMS, each at its line, nothing else; problems.more counts the rest.
    assert planted == {n: lines[n] for n in planted}
    assert len(listed) == min(len(lines), MAX_PROBLEMS)
    assert count_problems(problems) == len(lines)
    report = bm.validate(page, "html")
    assert not report.ok
    assert {p.code for p in report.errors} - {"problems.more"} == {"html.dropped"}


def test_an_unknown_attribute_is_kept_when_reading_leniently() -> None:
    page = _own_page().replace("<p>", '<p style="color: red" data-keep="1" onclick="x()">', 1)
    problems = _losses(page)
    assert [p.message.split(" has ")[0] for p in problems] == [
        "the attribute style='color: red' of <p>",
        "the attribute data-keep='1' of <p>",
        "the attribute onclick='x()' of <p>",
    ]
    with pytest.warns(bm.BriefmodelWarning, match="read with 3 losses"):
        brief = bm.loads(page, "html", strict=False)
    assert dict(brief.extensions["briefmodel:unknown"]) == {
        "/html/body/main/article/section/p/@style": "color: red",
        "/html/body/main/article/section/p/@data-keep": "1",  # no event handler is kept
    }
    assert brief.sections == bm.loads(_own_page(), "html").sections


@pytest.mark.parametrize(
    ("old", "new", "lost"),
    [
        # Elements the writer does not write, where the reader reads the parts it knows
        ('<p class="dates">', '<p class="dates"><b>Fresh!</b> ', "the <b> ('Fresh!') in <p>"),
        ('<p class="dates">', '<p class="dates"><span class="x">and</span>', "the <span>"),
        ("</header>", '<div class="promo">Subscribe</div></header>', "<div> ('Subscribe')"),
        ('<span class="name">Ana</span>', '<span class="name">Ana</span><i>!</i>', "the <i>"),
        # Text where the writer writes none
        ("<section", "Loose words<section", "the text 'Loose words' in <article>"),
        ("<header>", "<header>Kicker", "the text 'Kicker' in <header>"),
        ("<h1>", "<h1>", None),  # (a control: nothing planted)
        ('<ul><li id="entity', '<ul>stray<li id="entity', "the text 'stray' in <ul>"),
        ("</li></ul>", "</li>tail</ul>", "the text 'tail' in <ul>"),
        ("<p>Buses", "Section text<p>Buses", "the text 'Section text' in <section>"),
        # Values the writer derives from the brief, changed
        ('class="kind">(Person)', 'class="kind">(Robot)', "the text '(Robot)' in <span>"),
        ("Published <time", "Released <time", "the text 'Released' in <p>"),
        ('data-field="created">', 'data-field="created">Yesterday, ', "the text 'Yesterday,"),
        ('id="entity:e1"', 'id="entity:e2"', "the attribute id='entity:e2' of <li>, which"),
        ('lang="en" dir="ltr" data-id', 'lang="en" dir="rtl" data-id', "the attribute dir='rtl'"),
        # Comments (HTML reads <?…> as one too), which the parser would drop unseen
        ("<p>Buses", "<!-- editor: check the times --><p>Buses", "a comment 'editor: check"),
        ("</h1>", "<?php echo 1 ?></h1>", "a comment '?php echo 1 ?' in <h1>"),
    ],
)
def test_what_the_writer_would_not_write_is_a_loss_at_its_line(
    old: str, new: str, lost: str | None
) -> None:
    page = _own_page()
    assert old in page
    page = page.replace(old, new, 1)
    if lost is None:
        assert bm.loads(page, "html") == bm.loads(_own_page(), "html")
        return
    (problem,) = _losses(page)
    assert problem.code == "html.dropped"
    assert problem.message.startswith(lost), problem.message
    assert problem.line == _line_of(page, new)
    with pytest.warns(bm.BriefmodelWarning, match="read with 1 loss"):
        bm.loads(page, "html", strict=False)
    assert [p.code for p in bm.validate(page, "html").errors] == ["html.dropped"]


def test_a_comment_outside_the_article_is_the_page_s_not_the_brief_s() -> None:
    page = _own_page().replace("<main>", "<!-- site template v2 --><main>", 1)
    page = page.replace("<head>", "<head><!-- analytics -->", 1)
    assert bm.loads(page, "html") == bm.loads(_own_page(), "html")


def test_a_second_brief_on_the_page_is_a_loss() -> None:
    page = _own_page()
    start, end = _article(page)
    article = page[start : end + len("</article>")]
    page = page.replace("</main>", article.replace("urn:example:html:1", "urn:other") + "</main>")
    (problem,) = _losses(page)
    assert problem.message.startswith("another brief's <article>")
    assert problem.line == _line_of(page, 'data-id="urn:other"')


@pytest.mark.parametrize(
    "path",
    sorted(GOLDEN.glob("*.fragment.html")) + sorted(GOLDEN.glob("example-*[!t].html")),
    ids=lambda p: p.name,
)
def test_every_golden_page_reads_strictly_without_a_loss(path: Path) -> None:
    text = path.read_text("utf-8")
    brief = bm.loads(text, "html")
    assert bm.dumps(brief, "html", fragment=path.name.endswith(".fragment.html")) == text


@pytest.mark.parametrize("schemes", [(), ("https",), ("ftp", "https", "mailto", "tel")])
def test_a_page_written_with_other_url_schemes_reads_without_a_loss(
    schemes: tuple[str, ...],
) -> None:
    brief = _minimal(
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            bm.Link(href="ftp://files.example.org/a", content="ftp"),
                            " and ",
                            bm.Link(href="https://example.org/b", content="web"),
                            bm.Link(href="tel:+441234"),
                        ]
                    ),
                    bm.Figure(src="ftp://files.example.org/p.png", alt="A picture"),
                ]
            )
        ],
        publisher=bm.Agent(name="Desk", uri="mailto:desk@example.org"),
    )
    page = bm.dumps(brief, "html", url_schemes=schemes)
    assert bm.loads(page, "html", url_schemes=("ftp", "https", "mailto", "tel")) == brief


@settings(max_examples=40, deadline=None)
@given(briefs())
def test_generated_pages_read_strictly_without_a_loss(brief: bm.Brief) -> None:
    assert html.read(bm.dumps(brief, "html", fragment=True)) == brief


@pytest.mark.parametrize("name", ["{", "{a", "}", "a{b", "data-x;", "1a", "a:b"])
def test_lossless_an_attribute_name_xml_cannot_hold_is_a_loss_not_a_crash(name: str) -> None:
    # The comparison with the writer's page looked such a name up through lxml, which
    # raised ValueError ("Invalid tag name") for a name with braces.
    page = bm.dumps(bm.load(sorted((ROOT / "examples").glob("*.json"))[0]), "html").replace(
        "<p>", f"<p {name}='1'>", 1
    )
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(page, format="html")
    assert [p.code for p in caught.value.problems] == ["html.dropped"]
    with pytest.warns(bm.BriefmodelWarning, match="attribute .* of <p>"):
        bm.loads(page, format="html", strict=False)


def test_a_malformed_value_in_our_own_page_says_what_it_should_be() -> None:
    page = _own_page(version=2, updated=datetime(2026, 9, 2, tzinfo=timezone.utc))
    page = page.replace('data-version="2"', 'data-version="two"')
    page = page.replace('data-keywords="', 'data-keywords="{', 1)
    page = re.sub(
        r'<time datetime="[^"]*" data-field="updated"',
        '<time datetime="soon" data-field="updated"',
        page,
    )
    # (The time dropped leaves the text the writer writes around it as losses too.)
    assert {p.message for p in _losses(page)} >= {
        "the data-version 'two' of <article> is not an integer; "
        "strict=False drops it with a warning",
        """the data-keywords of <article> ('{["buses"]') is not a JSON array (not valid """
        "JSON: Expecting property name enclosed in double quotes); "
        "strict=False drops it with a warning",
        "the date-time 'soon' of <time> is not an RFC 3339 date-time with a UTC offset, "
        "such as '2026-03-02T09:00:00+01:00'; strict=False drops it with a warning",
    }
