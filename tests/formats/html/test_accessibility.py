"""HTML accessibility: headings in order, text alternatives, landmarks, language and
direction, named links (checked in the page's tree, for every example and generated
briefs), and axe-core run in headless Chromium over the examples, the ``should_pass``
corpus and generated briefs (10 in the deep profile, 3 in the quick one), in light and dark
colour schemes.

axe's colour rules (``color-contrast``, ``link-in-text-block``) judge the bundled
stylesheet rather than the markup; they have a test of their own.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from lxml import etree

import briefmodel as bm
from briefmodel.formats import html
from briefmodel.testing import briefs
from tests import _browser
from tests._profiles import sample
from tests.formats.html.test_validity import GENERATED, hard_brief

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SHOULD_PASS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json"))
EXAMPLE_IDS = [f"{p.parent.name}/{p.stem}" for p in EXAMPLES + SHOULD_PASS]

#: The direction each language of the examples and of ``briefmodel.testing.languages()``
#: is written in (from the scripts they are written in, not from the library).
DIRECTIONS = {
    "ar": "rtl",
    "ar-EG": "rtl",
    "he": "rtl",
    "fa": "rtl",
    "ur": "rtl",
    "en": "ltr",
    "en-GB": "ltr",
    "fr": "ltr",
    "de-CH": "ltr",
    "zh-Hant-TW": "ltr",
    "zh-Hant": "ltr",
    "sr-Latn": "ltr",
    "pt-BR": "ltr",
    "ja": "ltr",
    "x-private": "ltr",
    "es-419": "ltr",
}
#: The ``lang`` attribute of a language that has no language subtag (private use), which
#: tools such as axe refuse: the undetermined language, with the tag as private use.
LANG_ATTRIBUTES = {"x-private": "und-x-private"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: axe rules that judge the stylesheet's colours, not the markup.
STYLESHEET_RULES = {"color-contrast", "link-in-text-block", "color-contrast-enhanced"}


# -- the page's tree ---------------------------------------------------------------------


def _expected_heading_levels(brief: bm.Brief) -> list[int]:
    """The heading levels the brief's structure calls for, in document order: the
    headline, each titled section one level below its nearest titled ancestor (at most
    h6), then the footer's lists."""
    levels = [1]

    def walk(section: bm.Section, level: int) -> None:
        if section.title is not None:
            levels.append(min(level, 6))
            level += 1
        for child in section.sections:
            walk(child, level)

    for section in brief.sections:
        walk(section, 2)
    levels += [2] * sum(bool(part) for part in (brief.sources, brief.entities))
    levels += [2] * sum(bool(part) for part in (brief.subjects, brief.related))
    return levels


def _check_tree(brief: bm.Brief, page: str, *, fragment: bool) -> None:
    root = html.parse(page)
    if fragment:  # the parser puts it in a body
        assert [child.tag for child in root.find("body")] == ["article"]
        article = root.find("body/article")
    else:
        # Landmarks: one main, directly in the body, holding the article alone; no
        # navigation, no banner or content-info outside the article.
        assert root.tag == "html"
        (body,) = root.findall("body")
        assert [child.tag for child in body] == ["main"]
        (article,) = body[0]
        assert article.tag == "article"
        assert root.get("lang") == LANG_ATTRIBUTES.get(brief.language, brief.language)
        assert root.get("dir") == DIRECTIONS[brief.language]
        assert root.find("head/title") is not None
        assert (root.findtext("head/title") or "").strip()
    assert article.get("lang") == LANG_ATTRIBUTES.get(brief.language, brief.language)
    assert article.get("dir") == DIRECTIONS[brief.language]
    for tag in ("nav", "form", "iframe", "script", "header", "footer", "main"):
        outside = [e for e in root.iter(tag) if article not in e.iterancestors()]
        if tag == "script":
            outside = [e for e in outside if e.get("type") != "application/ld+json"]
        assert outside == [] or (tag == "main" and not fragment and len(outside) == 1), tag
    assert list(root.iter("nav")) == []
    assert [e.get("role") for e in root.iter() if e.get("role") in {"navigation", "banner"}] == []
    children = [child.tag for child in article]
    assert children[0] == "header"
    assert children.count("header") == 1
    assert children.count("footer") <= 1
    assert "footer" not in children or children[-1] == "footer"
    header = article[0]
    assert header.find("h1") is not None

    # Headings: one h1, the headline; never a level skipped on the way down; each at the
    # level the brief's structure calls for.
    levels = [int(e.tag[1]) for e in root.iter(*HEADINGS)]
    assert levels == _expected_heading_levels(brief)
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    for heading in root.iter(*HEADINGS):
        assert "".join(heading.itertext()).strip(), "an empty heading"

    # Text alternatives: every image has one that is not blank; every figure of the
    # brief is there, with its image or, for an address links may not use, its text.
    images = list(root.iter("img"))
    assert all((img.get("alt") or "").strip() for img in images)
    figures = [e for e in root.iter("figure") if "figure" in (e.get("class") or "").split()]
    assert len(figures) == sum(type(node) is bm.Figure for _, node in brief.walk())
    for figure in figures:
        img = figure.find("img")
        missing = figure.find("p")
        assert (img is not None and img.get("alt", "").strip()) or (
            missing is not None and "".join(missing.itertext()).strip()
        )

    # Links: each has a name (its text, a title or a label), and leads somewhere.
    for link in root.iter("a"):
        href = link.get("href")
        assert href
        name = "".join(link.itertext()).strip() or link.get("title") or link.get("aria-label")
        assert name, etree.tostring(link, encoding="unicode")
        if href.startswith("#"):
            assert root.xpath("//*[@id=$id]", id=href[1:]), href

    # Ids are unique, and every labelled region has a label.
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    for aside in root.iter("aside"):
        assert (aside.get("aria-label") or "").strip()


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
@pytest.mark.parametrize("path", EXAMPLES + SHOULD_PASS, ids=EXAMPLE_IDS)
def test_example_pages_are_structured_for_assistive_technology(path: Path, fragment: bool) -> None:
    brief = bm.load(path)
    _check_tree(brief, bm.dumps(brief, "html", fragment=fragment), fragment=fragment)


@given(briefs())
def test_generated_pages_are_structured_for_assistive_technology(brief: bm.Brief) -> None:
    _check_tree(brief, bm.dumps(brief, "html"), fragment=False)
    _check_tree(brief, bm.dumps(brief, "html", fragment=True), fragment=True)


def test_the_hard_brief_is_structured_for_assistive_technology() -> None:
    brief = hard_brief()
    _check_tree(brief, bm.dumps(brief, "html"), fragment=False)


def test_deep_sections_stop_at_h6_without_skipping() -> None:
    section = bm.Section(title="Level 8", blocks=[bm.Paragraph(content="x")])
    for level in range(7, 1, -1):
        section = bm.Section(title=f"Level {level}", sections=[section])
    brief = bm.Brief(
        id="urn:example:deep:1",
        headline="Deep",
        created=bm.load(EXAMPLES[0]).created,
        sections=[section, bm.Section(blocks=[bm.Paragraph(content="x")])],
    )
    root = html.parse(bm.dumps(brief, "html"))
    levels = [e.tag for e in root.iter(*HEADINGS)]
    assert levels == ["h1", "h2", "h3", "h4", "h5", "h6", "h6", "h6"]


# -- axe-core in Chromium ----------------------------------------------------------------

FAULTY = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Faults</title></head><body><main>
<h1>Faults</h1><h4>A skipped level</h4>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<a href="https://example.org/"></a>
<p style="color:#777;background:#888">Low contrast</p>
</main></body></html>
"""


def _edited(brief: bm.Brief) -> bm.Brief:
    """``brief`` edited every way the redline shows: words changed, a section removed, a
    block added, a list item changed, a keyword added."""
    first, second, *rest = brief.sections
    lead = second.blocks[0]
    assert isinstance(lead, bm.Paragraph)
    changed = bm.Paragraph(content=bm.plain_text(lead.content).replace("the", "a", 2))
    points = bm.ItemList(items=["A new first point", *brief.key_points[1:]])
    return attrs.evolve(
        brief,
        keywords=[*brief.keywords, "added"],
        sections=[
            attrs.evolve(first, blocks=[points]),
            attrs.evolve(
                second, blocks=[changed, bm.Paragraph(content="Added."), *second.blocks[1:]]
            ),
            *rest[1:],
        ],
    )


@pytest.fixture(scope="module")
def axe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """axe-core's findings by page name (``NAME@dark`` in the dark colour scheme)."""
    _browser.chromium_path()
    _browser.axe_js()
    folder = tmp_path_factory.mktemp("axe")
    pages = {
        name: bm.load(path) for name, path in zip(EXAMPLE_IDS, EXAMPLES + SHOULD_PASS, strict=True)
    }
    pages["hard-characters"] = hard_brief()
    generated = _browser.generated_briefs(GENERATED)[: sample(deep=10, quick=3)]
    pages.update({f"generated/{n:02d}": brief for n, brief in enumerate(generated)})
    first = bm.load(EXAMPLES[0])
    for language in DIRECTIONS:
        pages[f"language/{language}"] = bm.Brief(
            id=f"urn:example:language:{language}",
            headline=first.headline,
            language=language,
            created=first.created,
            sections=[bm.Section(title="Section", blocks=[bm.Paragraph(content="Text.")])],
        )
    files = {}
    for name, brief in pages.items():
        files[name] = folder / (name.replace("/", "--") + ".html")
        files[name].write_text(bm.dumps(brief, "html"), "utf-8")
    files["faulty"] = folder / "faulty.html"
    files["faulty"].write_text(FAULTY, "utf-8")
    files["redline"] = folder / "redline.html"  # the redline page, in the same stylesheet
    port = bm.load(next(path for path in EXAMPLES if path.stem == "port-fees"))
    files["redline"].write_text(html.redline(port, _edited(port)), "utf-8")
    light = _browser.run_axe(list(files.values()))
    dark_names = [
        *EXAMPLE_IDS[: len(EXAMPLES)],
        "hard-characters",
        "generated/00",
        "redline",
        "faulty",
    ]
    dark = _browser.run_axe([files[name] for name in dark_names], dark=True)
    found = {name: light[path.resolve()] for name, path in files.items()}
    found.update({f"{name}@dark": dark[files[name].resolve()] for name in dark_names})
    return found


def test_axe_finds_the_faults_of_a_faulty_page(axe: dict[str, dict[str, Any]]) -> None:
    """The oracle works: a page with known faults gets the violations they call for."""
    for name in ("faulty", "faulty@dark"):
        rules = {v["id"] for v in axe[name]["violations"]}
        assert {"image-alt", "heading-order", "link-name", "html-has-lang"} <= rules, name
        assert "color-contrast" in rules, name


#: What axe finds on a page of a brief that validation warns of already, by page: the
#: corpus holds a header cell without text on purpose (``table.header-empty``).
WARNED = {"should_pass/tables": {"empty-table-header"}}


def test_axe_reports_no_markup_violations(axe: dict[str, dict[str, Any]]) -> None:
    problems = [
        f"{name}: {_browser.describe_axe(violation)}"
        for name, found in axe.items()
        if not name.startswith("faulty")
        for violation in found["violations"]
        if violation["id"] not in STYLESHEET_RULES | WARNED.get(name.split("@")[0], set())
    ]
    assert not problems, "\n".join(problems)
    found = {v["id"] for v in axe["should_pass/tables"]["violations"]}
    assert found == WARNED["should_pass/tables"], found  # the oracle sees it, and only it
    checked = {rule for name, found in axe.items() for rule in found["passes"]}
    assert {"heading-order", "landmark-one-main", "html-lang-valid", "list"} <= checked


def test_axe_reports_no_colour_violations_light_or_dark(axe: dict[str, dict[str, Any]]) -> None:
    """The bundled stylesheet: text contrast and links told apart from text, in both
    colour schemes."""
    problems = [
        f"{name}: {_browser.describe_axe(violation)}"
        for name, found in axe.items()
        if not name.startswith("faulty")
        for violation in found["violations"]
        if violation["id"] in STYLESHEET_RULES
    ]
    assert not problems, "\n".join(problems)
