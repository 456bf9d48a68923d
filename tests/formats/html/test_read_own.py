"""Reading briefmodel's own page, damaged: broken JSON in its ``data-*`` attributes is
reported, not read as empty; a missing header or name is an error, not a crash; scripts
in its headings are never read; what it holds beyond the model is kept when reading
leniently."""

from __future__ import annotations

import re

import pytest

import briefmodel as bm

from ._support import _losses, _own_page


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
    assert [p.code for p in problems] == ["schema.required", "schema.required"]
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
