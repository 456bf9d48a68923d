"""The redline page (``briefmodel.formats.html.redline``): what it shows of each kind of
change, that reading it without its ``del`` gives the new version's words and without its
``ins`` the old version's, and that every page is valid HTML (the W3C Nu HTML Checker,
one run over edited examples and random pairs of generated briefs)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from lxml import etree
from lxml import html as lxml_html

import briefmodel as bm
from briefmodel.formats.html import redline
from briefmodel.formats.html._escape import _UNWRITABLE
from briefmodel.testing import briefs
from tests import _browser
from tests._profiles import sample

from .test_validity import EXPECTED_WARNINGS

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = bm.load(ROOT / "examples" / "port-fees.json")
#: Random pairs of generated briefs checked by the Nu checker (fewer in the quick profile).
PAIRS = sample(deep=12, quick=4)


def _paragraph(brief: bm.Brief, section: int, block: int) -> bm.Paragraph:
    found = brief.sections[section].blocks[block]
    assert isinstance(found, bm.Paragraph)
    return found


def _with_blocks(brief: bm.Brief, section: int, blocks: list[Any]) -> bm.Brief:
    sections = list(brief.sections)
    sections[section] = attrs.evolve(sections[section], blocks=blocks)
    return attrs.evolve(brief, sections=sections)


def _edited_paragraph(brief: bm.Brief) -> bm.Brief:
    old = _paragraph(brief, 1, 0)
    text = bm.plain_text(old.content).replace("Monday", "Tuesday", 1) + " The vote was close."
    return _with_blocks(brief, 1, [bm.Paragraph(content=text), *brief.sections[1].blocks[1:]])


#: Each kind of edit an editor makes, on the example.
EDITS: dict[str, Callable[[bm.Brief], bm.Brief]] = {
    "headline": lambda b: attrs.evolve(b, headline=b.headline + " at last"),
    "paragraph": _edited_paragraph,
    "block added": lambda b: _with_blocks(
        b, 1, [*b.sections[1].blocks[:1], bm.Paragraph(content="New."), *b.sections[1].blocks[1:]]
    ),
    "section removed": lambda b: attrs.evolve(b, sections=[b.sections[0], *b.sections[2:]]),
    "section moved": lambda b: attrs.evolve(b, sections=[*b.sections[1:], b.sections[0]]),
    "item changed": lambda b: _with_blocks(
        b, 0, [bm.ItemList(items=["A new first point", *b.key_points[1:]])]
    ),
    "metadata": lambda b: attrs.evolve(b, keywords=[*b.keywords, "pilots"], version=b.version + 1),
    "nothing": lambda b: b,
}


def _text(element: Any, leave_out: str) -> str:
    """The words of ``element`` without the ``leave_out`` elements (``del`` or ``ins``)."""
    copy = lxml_html.fromstring(etree.tostring(element))
    for found in copy.xpath(f"//{leave_out}"):
        found.drop_tree()
    return " ".join(copy.text_content().split())


def _page(old: bm.Brief, new: bm.Brief) -> Any:
    return lxml_html.fromstring(redline(old, new, css=None))


def test_a_changed_headline_is_compared_word_by_word() -> None:
    page = _page(EXAMPLE, EDITS["headline"](EXAMPLE))
    (h1,) = page.xpath("//h1")
    assert etree.tostring(h1, encoding="unicode").endswith(
        f"{EXAMPLE.headline}<ins> at last</ins></h1>"
    )


def test_without_del_the_page_reads_as_the_new_version_and_without_ins_as_the_old() -> None:
    new = EDITS["paragraph"](EXAMPLE)
    section = _page(EXAMPLE, new).xpath("//section[@id='what-happened']")[0]
    paragraph = section.xpath("./p")[0]
    assert _text(paragraph, "del") == bm.plain_text(_paragraph(new, 1, 0).content)
    assert _text(paragraph, "ins") == bm.plain_text(_paragraph(EXAMPLE, 1, 0).content)
    assert [e.text for e in paragraph.xpath("./del")] == ["Monday"]
    assert [e.text for e in paragraph.xpath("./ins")] == ["Tuesday", " The vote was close."]


def test_an_added_block_is_in_ins_and_a_removed_section_in_del_without_its_ids() -> None:
    added = _page(EXAMPLE, EDITS["block added"](EXAMPLE))
    (block,) = added.xpath("//ins[@class='block']")
    assert block.xpath("./p")[0].text == "New."
    removed = _page(EXAMPLE, EDITS["section removed"](EXAMPLE))
    (gone,) = removed.xpath("//del[@class='block']")
    assert gone.xpath("./section/h2")[0].text == EXAMPLE.sections[1].title
    assert not gone.xpath(".//@id")
    assert not removed.xpath("//ins")


def test_a_moved_section_is_removed_where_it_was_and_added_where_it_is() -> None:
    page = _page(EXAMPLE, EDITS["section moved"](EXAMPLE))
    body = page.xpath("//article/section | //article/del | //article/ins")
    shapes = [(e.tag, e.xpath("string(.//h2)")) for e in body]
    title = EXAMPLE.sections[0].title
    assert shapes[0] == ("del", title)
    assert shapes[-1] == ("ins", title)
    assert [s for s in shapes[1:-1] if s[0] != "section"] == []
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_a_changed_list_item_is_compared_in_its_list() -> None:
    page = _page(EXAMPLE, EDITS["item changed"](EXAMPLE))
    items = page.xpath("//section[@id='key-points']/ul/li")
    assert len(items) == len(EXAMPLE.key_points)
    assert _text(items[0], "del") == "A new first point"
    assert _text(items[0], "ins") == bm.plain_text(EXAMPLE.key_points[0].content)


def test_changes_outside_the_body_are_listed_in_words() -> None:
    page = _page(EXAMPLE, EDITS["metadata"](EXAMPLE))
    listed = [li.text_content() for li in page.xpath("//section[@class='redline-changes']//li")]
    assert listed == [
        f"replace /version: {EXAMPLE.version} → {EXAMPLE.version + 1}",
        f'add /keywords/{len(EXAMPLE.keywords)}: "pilots"',
    ]


def test_a_page_of_no_changes_marks_nothing() -> None:
    page = _page(EXAMPLE, EXAMPLE)
    assert not page.xpath("//ins | //del | //section[@class='redline-changes']")


@given(briefs(max_sections=3), briefs(max_sections=3))
def test_the_headline_reads_as_each_version(old: bm.Brief, new: bm.Brief) -> None:
    page = _page(old, new)
    (h1,) = page.xpath("//h1")
    # (a character HTML cannot hold is written as an empty span that names it)
    assert _text(h1, "del") == " ".join(_UNWRITABLE.sub("", new.headline).split())
    assert _text(h1, "ins") == " ".join(_UNWRITABLE.sub("", old.headline).split())
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("given_instead", [{}, "brief"])
def test_the_redline_takes_two_briefs(given_instead: Any) -> None:
    with pytest.raises(bm.OptionError, match="expected a Brief"):
        redline(EXAMPLE, given_instead)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Every redline page checked in one run of vnu.jar: messages by name."""
    _browser.vnu_jar()  # skip early (or fail in CI) without the checker
    folder = tmp_path_factory.mktemp("redline")
    pages = {f"edit/{name}": redline(EXAMPLE, edit(EXAMPLE)) for name, edit in EDITS.items()}
    generated = _browser.generated_briefs(2 * PAIRS)
    for number in range(PAIRS):
        old, new = generated[2 * number], generated[2 * number + 1]
        pages[f"pair/{number:02d}"] = redline(old, new)
    files = {}
    for name, page in pages.items():
        files[name] = folder / f"{name.replace('/', '--').replace(' ', '-')}.html"
        files[name].write_text(page, "utf-8")
    found = _browser.run_vnu(list(files.values()))
    return {name: found[path.resolve()] for name, path in files.items()}


@pytest.mark.parametrize(
    "name", [f"edit/{name}" for name in EDITS] + [f"pair/{n:02d}" for n in range(PAIRS)]
)
def test_every_redline_page_is_valid_html(
    checked: dict[str, list[dict[str, Any]]], name: str
) -> None:
    errors = _browser.vnu_errors(checked[name])
    assert not errors, "\n".join(_browser.describe(m) for m in errors)
    unexpected = [
        m
        for m in _browser.vnu_warnings(checked[name])
        if not any(known in m.get("message", "") for known in EXPECTED_WARNINGS)
    ]
    assert not unexpected, "\n".join(_browser.describe(m) for m in unexpected)
