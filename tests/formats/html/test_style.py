"""The bundled stylesheet of the HTML format, and the screenshots of it in the docs.

- It parses: balanced blocks, closed strings and comments, ``name: value`` declarations;
  it fetches nothing (no ``@import``, ``url()``, ``@font-face``, escapes that could spell
  them); the W3C Nu checker's CSS validator finds no error in a page carrying it, and
  headless Chromium supports every selector and declaration in it.
- It targets the page the writer emits: every class it names is a class the writer puts
  on some page, and always together with its element (a section's classes include its
  role, which is free text).
- Dark mode and print: the dark block redefines every colour, every colour is a custom
  property, and every pair of text and background colours meets WCAG AA in both schemes;
  measured in Chromium, every piece of text on the example pages does too, in light and
  dark. The print block keeps figures and judgments whole, shows link addresses and is
  black on white even when the reader prefers dark.
- Right to left: the same rules mirror on ``dir="rtl"`` pages.
- The screenshots exist, are PNGs of the right size, the dark one is dark, the README
  shows the light one, and ``docs/screenshots.py`` makes them.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pytest
from lxml import html as lxml_html

import briefmodel as bm
from briefmodel.formats import html

from ... import _browser

ROOT = Path(__file__).resolve().parents[3]
CSS_PATH = ROOT / "src" / "briefmodel" / "styles" / "brief.css"
IMAGES = ROOT / "docs" / "images"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


# --------------------------------------------------------------------------------------
# A small CSS parser (the structure only; values are left to the validators)


class Rule(NamedTuple):
    """A rule: its prelude (selectors, or an at-rule), the at-rules it sits in, and its
    declarations (style rules and ``@page``) or its child rules (``@media``)."""

    prelude: str
    within: tuple[str, ...]
    declarations: tuple[tuple[str, str], ...]
    children: tuple[Rule, ...]


def _tokens(css: str) -> Iterator[str]:
    """Strings, ``{``, ``}``, ``;``, and runs of other text; comments dropped."""
    index, size = 0, len(css)
    run: list[str] = []
    while index < size:
        char = css[index]
        if css.startswith("/*", index):
            end = css.find("*/", index + 2)
            if end < 0:
                raise ValueError(f"unclosed comment at {index}")
            index = end + 2
            run.append(" ")
        elif char in "\"'":
            end = index + 1
            while end < size and css[end] != char:
                if css[end] == "\n":
                    raise ValueError(f"unclosed string at {index}")
                end += 1
            if end >= size:
                raise ValueError(f"unclosed string at {index}")
            run.append(css[index : end + 1])
            index = end + 1
        elif char in "{};":
            if run:
                yield "".join(run)
                run = []
            yield char
            index += 1
        else:
            run.append(char)
            index += 1
    if "".join(run).strip():
        yield "".join(run)


def parse_css(css: str) -> list[Rule]:
    """The rules of a stylesheet; ValueError when its structure is broken."""
    tokens = list(_tokens(css))
    position = 0

    def rules(within: tuple[str, ...], nested: bool) -> list[Rule]:
        nonlocal position
        found: list[Rule] = []
        prelude: list[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == "}":
                if not nested or "".join(prelude).strip():
                    raise ValueError(f"unexpected '}}' after {''.join(prelude)!r}")
                return found
            if token == ";":
                raise ValueError(f"a statement outside a block: {''.join(prelude)!r}")
            if token != "{":
                prelude.append(token)
                continue
            head = " ".join("".join(prelude).split())
            prelude = []
            if not head:
                raise ValueError("a block without a prelude")
            if head.startswith(("@media", "@supports", "@layer", "@container")):
                children = rules((*within, head), nested=True)
                found.append(Rule(head, within, (), tuple(children)))
            else:
                found.append(Rule(head, within, declarations(), ()))
        if nested or "".join(prelude).strip():
            raise ValueError("the stylesheet ends inside a block")
        return found

    def declarations() -> tuple[tuple[str, str], ...]:
        nonlocal position
        found: list[tuple[str, str]] = []
        text: list[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == "{":
                raise ValueError(f"a block inside declarations: {''.join(text)!r}")
            if token in ";}":
                if "".join(text).strip():
                    found.append(_declaration("".join(text)))
                text = []
                if token == "}":
                    return tuple(found)
            else:
                text.append(token)
        raise ValueError("the stylesheet ends inside a declaration block")

    return rules((), nested=False)


def _declaration(text: str) -> tuple[str, str]:
    name, colon, value = text.partition(":")
    name, value = name.strip(), " ".join(value.split())
    if not colon or not value:
        raise ValueError(f"not a declaration: {text.strip()!r}")
    if not re.fullmatch(r"--[A-Za-z0-9_-]+|-?[a-z][a-z-]*", name):
        raise ValueError(f"not a property name: {name!r}")
    depth = 0
    for char in re.sub(r"\"[^\"]*\"|'[^']*'", "", value):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        raise ValueError(f"unbalanced parentheses in {name}: {value!r}")
    return name, value


def walk(rules: list[Rule] | tuple[Rule, ...]) -> Iterator[Rule]:
    for rule in rules:
        yield rule
        yield from walk(rule.children)


def style_rules(rules: list[Rule]) -> list[Rule]:
    return [r for r in walk(rules) if not r.children and not r.prelude.startswith("@")]


def selectors(rule: Rule) -> list[str]:
    """The selectors of a style rule (split on the commas outside parentheses)."""
    parts, depth, current = [], 0, []
    for char in rule.prelude:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def class_names(selector: str) -> set[str]:
    bare = re.sub(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'", "", selector)
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", bare))


CSS = html.default_css()
RULES = parse_css(CSS)


# --------------------------------------------------------------------------------------
# It parses, and fetches nothing


def test_the_bundled_stylesheet_is_the_file_in_the_package() -> None:
    assert CSS_PATH.read_text("utf-8") == CSS
    page = bm.dumps(bm.load(EXAMPLES[0]), "html")
    assert CSS in page
    assert CSS not in bm.dumps(bm.load(EXAMPLES[0]), "html", css=None)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("a { color: red;", "ends inside"),
        ("a { color: red; } }", "unexpected"),
        ("a { color red; }", "not a declaration"),
        ('a::before { content: "x; }', "unclosed string"),
        ("a { color: red; } /* never closed", "unclosed comment"),
        ("@import 'x.css';", "outside a block"),
        ("a { width: calc(1px + (2px); }", "unbalanced"),
        ("a { b { color: red; } }", "block inside"),
    ],
)
def test_the_parser_finds_broken_structure(broken: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_css(broken)


def test_the_stylesheet_is_well_formed() -> None:
    rules = style_rules(RULES)
    assert len(rules) > 80
    assert all(rule.declarations for rule in walk(RULES) if not rule.children)
    at_rules = {rule.prelude.split()[0] for rule in walk(RULES) if rule.prelude.startswith("@")}
    assert at_rules <= {"@media", "@page"}, at_rules


def test_the_stylesheet_fetches_nothing() -> None:
    lowered = CSS.lower()
    for fetching in ("@import", "url(", "@font-face", "image-set(", "image(", "src:"):
        assert fetching not in lowered, fetching
    # An escape could spell any of those ("u\72l(") without the letters appearing.
    assert "\\" not in CSS


def _page_with_the_css(tmp_path: Path) -> Path:
    page = tmp_path / "stylesheet.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>CSS</title>'
        f"<style>\n{CSS}\n</style></head><body><main><p>x</p></main></body></html>\n",
        "utf-8",
    )
    return page


def test_the_nu_checker_finds_no_css_error(tmp_path: Path) -> None:
    page = _page_with_the_css(tmp_path)
    messages = _browser.run_vnu([page])[page.resolve()]
    problems = [m for m in messages if m.get("type") != "info"]
    assert not problems, "\n".join(_browser.describe(m) for m in problems)


_SUPPORTS = """
addEventListener("load", () => {
  const data = JSON.parse(document.getElementById("data").textContent);
  const out = {
    declarations: data.declarations.filter(([p, v]) => !CSS.supports(p, v)),
    selectors: data.selectors.filter((s) => !CSS.supports(`selector(${s})`)),
    control: [CSS.supports("colr", "red"), CSS.supports("selector(p..x)")],
    rules: document.styleSheets[0].cssRules.length,
  };
  document.getElementById("out").textContent = JSON.stringify(out);
});
"""


def _run_in_chromium(tmp_path: Path, body: str, script: str, *flags: str) -> Any:
    """Open a page with the stylesheet, ``body`` and ``script`` (which writes JSON into
    ``#out``) in headless Chromium, and return that JSON."""
    page = tmp_path / "probe.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>probe</title>'
        f"<style>\n{CSS}\n</style></head><body>{body}<pre id='out'></pre>"
        f"<script>{script}</script></body></html>\n",
        "utf-8",
    )
    return _read_out(_browser.dump_dom(page, extra_args=flags))


def _read_out(dom: str) -> Any:
    found = lxml_html.fromstring(dom).xpath("//*[@id='out']")
    assert found, "the probe wrote nothing"
    return json.loads(found[0].text_content())


def _json_script(value: Any) -> str:
    text = json.dumps(value).replace("<", "\\u003c")
    return f'<script type="application/json" id="data">{text}</script>'


def test_chromium_supports_every_selector_and_declaration(tmp_path: Path) -> None:
    declarations = [
        list(d) for rule in walk(RULES) for d in rule.declarations if not d[0].startswith("--")
    ]
    every = [s for rule in style_rules(RULES) for s in selectors(rule)]
    data = {"declarations": declarations, "selectors": every}
    out = _run_in_chromium(tmp_path, _json_script(data), _SUPPORTS)
    assert out["control"] == [False, False]  # CSS.supports does refuse what is wrong
    assert out["declarations"] == []
    assert out["selectors"] == []
    assert out["rules"] == len(RULES)  # no top-level rule dropped


# --------------------------------------------------------------------------------------
# It targets the page the writer emits


def _other_brief() -> bm.Brief:
    """What the examples do not show: a withheld brief, links that are bare or not
    allowed, a list item with blocks, an image whose address is not allowed."""
    return bm.Brief(
        id="urn:example:stylesheet",
        headline="Withheld",
        created=bm.load(EXAMPLES[0]).created,
        status="withheld",
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            bm.Link(href="https://example.org/bare"),
                            bm.Link(href="ftp://example.org/", content=["not allowed"]),
                        ]
                    ),
                    bm.ItemList(
                        items=[bm.ListItem(content=["item"], blocks=[bm.Paragraph(content="p")])]
                    ),
                    bm.Figure(src="ftp://example.org/i.png", alt="not allowed"),
                ]
            )
        ],
    )


def _emitted_classes() -> set[str]:
    pages = [bm.dumps(bm.load(path), "html") for path in EXAMPLES]
    pages.append(bm.dumps(_other_brief(), "html"))
    tables = ROOT / "tests" / "corpus" / "should_pass" / "tables.json"  # and tables
    pages.append(bm.dumps(bm.load(tables), "html"))
    old = bm.load(EXAMPLES[0])  # and the redline page: a section removed, a block added
    added = bm.Section(blocks=[bm.Paragraph(content="Added."), *old.sections[1].blocks])
    pages.append(html.redline(old, attrs.evolve(old, sections=[added, *old.sections[2:]])))
    classes: set[str] = set()
    for page in pages:
        for value in lxml_html.fromstring(page).xpath("//@class"):
            classes.update(str(value).split())
    return classes


def test_every_class_the_stylesheet_names_is_one_the_writer_emits() -> None:
    named = {c for rule in style_rules(RULES) for s in selectors(rule) for c in class_names(s)}
    assert named, "the stylesheet names no class"
    assert named - _emitted_classes() == set()


def test_the_parts_of_a_brief_are_styled() -> None:
    named = {c for rule in style_rules(RULES) for s in selectors(rule) for c in class_names(s)}
    parts = {
        "brief", "status", "subheadline", "byline", "dates", "corrections", "key-points",
        "quote", "attribution", "figure", "credit", "missing-image", "judgment",
        "assessment", "likelihood", "confidence", "statement", "basis", "citation",
        "sources", "grading", "entities", "subjects", "related", "publisher", "rights",
    }  # fmt: skip
    assert parts - named == set()


def test_every_class_selector_names_its_element() -> None:
    # A section's class list holds its role: with a bare ".judgment", a section whose role
    # is "judgment" would be drawn as a judgment.
    for rule in style_rules(RULES):
        for selector in selectors(rule):
            bare = re.sub(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'", "", selector)
            # (":not(.bare)" is a class of the element before it.)
            assert not re.search(r"(?<![\w-])(?<!:not\()\.[_a-zA-Z-]", bare), selector


# --------------------------------------------------------------------------------------
# Colours: dark mode, contrast


def _media(query: str) -> list[Rule]:
    return [rule for rule in walk(RULES) if rule.prelude == f"@media {query}"]


def _colours(rules: list[Rule] | tuple[Rule, ...]) -> dict[str, str]:
    return {
        name: value
        for rule in rules
        if rule.prelude == ":root"
        for name, value in rule.declarations
        if re.fullmatch(r"#[0-9a-fA-F]{6}", value)
    }


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _hex(value: str) -> tuple[float, float, float]:
    return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))


def test_contrast_of_a_known_pair() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast(_hex("#777777"), _hex("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_there_is_a_dark_mode_that_redefines_every_colour() -> None:
    (dark,) = _media("(prefers-color-scheme: dark)")
    light = _colours(RULES)
    assert len(light) >= 8
    assert set(_colours(dark.children)) == set(light)
    assert all(_colours(dark.children)[n] != light[n] for n in light)


def test_colours_are_set_only_through_the_custom_properties() -> None:
    # Otherwise a colour would stay the same in dark mode. Print sets its own.
    for rule in walk(RULES):
        if rule.prelude == ":root" or any("print" in m for m in rule.within):
            continue
        for name, value in rule.declarations:
            assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|hsl)a?\(", value), (
                f"{rule.prelude} {{ {name}: {value} }}"
            )


#: Text colour, background colour: every pair the stylesheet draws text with.
TEXT_ON = [(fg, bg) for fg in ("text", "muted", "link", "accent", "warn", "badge")
           for bg in ("bg", "panel", "target", "ins", "del")]  # fmt: skip
TEXT_ON += [("on-badge", "badge"), ("bg", "accent")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_wcag_aa(scheme: str) -> None:
    colours = _colours(RULES)
    if scheme == "dark":
        colours = _colours(_media("(prefers-color-scheme: dark)")[0].children)
    for fg, bg in TEXT_ON:
        ratio = contrast(_hex(colours[f"--bm-{fg}"]), _hex(colours[f"--bm-{bg}"]))
        assert ratio >= 4.5, f"{scheme}: --bm-{fg} on --bm-{bg} is {ratio:.2f}:1"


# Every element with text of its own: its colour and the background it is drawn on (the
# nearest opaque one); the genre kicker (generated content); and some geometry.
_MEASURE = """
addEventListener("load", () => {
  const opaque = (c) => !/^rgba\\(.*, 0\\)$/.test(c) && c !== "transparent";
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor;
      if (opaque(c)) return c;
    }
    return null;
  };
  const texts = [];
  for (const el of document.querySelectorAll("article *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
    const style = getComputedStyle(el);
    if (!own || style.display === "none" || parseFloat(style.fontSize) === 0) continue;
    texts.push({what: el.tagName + "." + el.className, color: style.color,
                background: background(el)});
  }
  const article = document.querySelector("article");
  const kicker = getComputedStyle(article, "::before");
  if (kicker.content !== "none") {
    texts.push({what: "article::before", color: kicker.color, background: background(article)});
  }
  const box = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(el);
    const t = range.getBoundingClientRect();
    return {left: r.left, right: r.right, textLeft: t.left, textRight: t.right,
            borderLeft: parseFloat(s.borderLeftWidth), borderRight: parseFloat(s.borderRightWidth),
            paddingLeft: parseFloat(s.paddingLeft), paddingRight: parseFloat(s.paddingRight),
            fontFamily: s.fontFamily, backgroundColor: s.backgroundColor,
            display: s.display, breakInside: s.breakInside};
  };
  const after = [...document.querySelectorAll("article a[href^='http']")]
    .map((a) => [a.getAttribute("href"), getComputedStyle(a, "::after").content]);
  const boxes = {};
  for (const s of ["h1", "section.key-points ul", "figure.quote", "aside.judgment",
                   "aside.judgment p.statement", "aside.judgment span.likelihood",
                   "aside.judgment span.confidence", "figure.figure", "body"]) {
    boxes[s] = box(s);
  }
  document.getElementById("out").textContent = JSON.stringify({texts, boxes, after});
});
"""


def _measure(path: Path, tmp_path: Path, *flags: str, print_css: bool = False) -> Any:
    page = bm.dumps(bm.load(path), "html")
    if print_css:  # the print rules, applied on screen so that they can be measured
        page = page.replace("@media print", "@media all")
    page = page.replace("</body>", f"<pre id='out'></pre><script>{_MEASURE}</script></body>")
    target = tmp_path / f"{path.stem}.html"
    target.write_text(page, "utf-8")
    return _read_out(_browser.dump_dom(target, extra_args=flags))


def _rgb(value: str | None) -> tuple[float, float, float]:
    assert value is not None, "no opaque background behind the text"
    found = re.fullmatch(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)", value)
    assert found, value
    assert found.group(4) in (None, "1"), f"translucent text colour {value}"
    return (float(found.group(1)), float(found.group(2)), float(found.group(3)))


DARK = ("--force-dark-mode", "--blink-settings=preferredColorScheme=0")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_all_text_on_the_examples_meets_wcag_aa(path: Path, scheme: str, tmp_path: Path) -> None:
    measured = _measure(path, tmp_path, *(DARK if scheme == "dark" else ()))
    body = _rgb(measured["boxes"]["body"]["backgroundColor"])
    assert (_luminance(body) < 0.05) == (scheme == "dark"), body
    assert len(measured["texts"]) > 20
    for text in measured["texts"]:
        ratio = contrast(_rgb(text["color"]), _rgb(text["background"]))
        assert ratio >= 4.5, f"{scheme} {text['what']}: {ratio:.2f}:1 ({text})"


def test_judgments_show_likelihood_and_confidence_as_labels(tmp_path: Path) -> None:
    path = ROOT / "examples" / "grid-outlook-judgments.json"
    boxes = _measure(path, tmp_path)["boxes"]
    likelihood, confidence = (
        boxes["aside.judgment span.likelihood"],
        boxes["aside.judgment span.confidence"],
    )
    statement, aside = boxes["aside.judgment p.statement"], boxes["aside.judgment"]
    for label in (likelihood, confidence):
        assert label["display"] not in ("inline", "none")
        assert label["fontFamily"] != statement["fontFamily"]  # set apart from the text
    assert likelihood["backgroundColor"] != aside["backgroundColor"]  # a filled badge
    assert likelihood["right"] <= confidence["left"]  # side by side, in reading order


def test_right_to_left_pages_mirror(tmp_path: Path) -> None:
    rtl = _measure(ROOT / "examples" / "water-talks-ar.json", tmp_path)["boxes"]
    ltr = _measure(ROOT / "examples" / "grid-outlook-judgments.json", tmp_path)["boxes"]
    # Text starts at the right edge, lists are indented and quotes ruled on the right...
    assert rtl["h1"]["textRight"] == pytest.approx(rtl["h1"]["right"], abs=1)
    assert rtl["h1"]["textLeft"] > rtl["h1"]["left"] + 20
    points = rtl["section.key-points ul"]
    assert (points["paddingRight"] > 0, points["paddingLeft"]) == (True, 0)
    quote = rtl["figure.quote"]
    assert (quote["borderRight"] > 0, quote["borderLeft"]) == (True, 0)
    # ...and on the left in a left-to-right page.
    assert ltr["h1"]["textLeft"] == pytest.approx(ltr["h1"]["left"], abs=1)
    quote = ltr["figure.quote"]
    assert (quote["borderLeft"] > 0, quote["borderRight"]) == (True, 0)


# --------------------------------------------------------------------------------------
# Print


def test_there_is_a_print_block() -> None:
    (printing,) = _media("print")
    assert any(
        r.prelude == "@page" and dict(r.declarations).get("margin") for r in printing.children
    )


def test_print_keeps_blocks_whole_shows_addresses_and_is_black_on_white(tmp_path: Path) -> None:
    path = ROOT / "examples" / "grid-outlook-judgments.json"
    measured = _measure(path, tmp_path, *DARK, print_css=True)
    boxes = measured["boxes"]
    assert _rgb(boxes["body"]["backgroundColor"]) == (255, 255, 255)
    for text in measured["texts"]:
        assert _luminance(_rgb(text["color"])) < 0.1, text
    assert boxes["figure.figure"]["breakInside"] == "avoid"
    assert boxes["aside.judgment"]["breakInside"] == "avoid"
    shown = {href for href, after in measured["after"] if href in after}
    sources = {s.url for s in bm.load(path).sources if s.url}
    assert sources <= shown, sources - shown
    # Not on screen.
    on_screen = _measure(path, tmp_path)["after"]
    assert not any(href in after for href, after in on_screen)


# --------------------------------------------------------------------------------------
# The screenshots


def png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Width, height and RGB rows of a non-interlaced PNG (any bit depth or colour type)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks: dict[bytes, list[bytes]] = {}
    index = 8
    while index < len(data):
        (length,) = struct.unpack(">I", data[index : index + 4])
        kind = data[index + 4 : index + 8]
        body = data[index + 8 : index + 8 + length]
        assert zlib.crc32(kind + body) == struct.unpack(">I", data[index + 8 + length :][:4])[0]
        chunks.setdefault(kind, []).append(body)
        index += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert interlace == 0
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride = (width * channels * depth + 7) // 8
    step = max(1, channels * depth // 8)
    palette = chunks.get(b"PLTE", [b""])[0]
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride if kind else 0):  # filter type 0 (None): the bytes as they are
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                near = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + near) & 255
        previous = line
        if depth < 8:
            per = 8 // depth
            samples = [(line[x // per] >> (8 - depth * (x % per + 1))) & ((1 << depth) - 1)
                       for x in range(width)]  # fmt: skip
        else:
            samples = list(line[:: depth // 8])
        if colour == 3:
            row = [tuple(palette[3 * s : 3 * s + 3]) for s in samples]
        elif colour in (0, 4):
            scale = 255 // ((1 << min(depth, 8)) - 1)
            row = [(s * scale,) * 3 for s in samples[::channels]]
        else:
            row = [tuple(samples[x : x + 3]) for x in range(0, width * channels, channels)]
        rows.append(row)
    return width, height, rows


def mean_luminance(path: Path) -> float:
    _, height, rows = png_pixels(path.read_bytes())
    sample = [pixel for row in rows[:: max(1, height // 200)] for pixel in row[::10]]
    return sum(_luminance(p) for p in sample) / len(sample)


def _check_screenshots(light: Path, dark: Path) -> None:
    sizes = []
    for image in (light, dark):
        data = image.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{image} is not a PNG"
        width, height = struct.unpack(">II", data[16:24])
        assert width == 1000, image
        assert 1200 < height < 6000, image
        assert len(data) < 400_000, f"{image} is {len(data)} bytes"
        sizes.append((width, height))
    assert sizes[0] == sizes[1]
    assert mean_luminance(light) > 0.8
    assert mean_luminance(dark) < 0.1


def test_png_decoding_of_a_known_image() -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    # 2x2, RGB: a white and a black pixel, then (filter "Up") the same again.
    raw = b"\x00" + bytes([255, 255, 255, 0, 0, 0]) + b"\x02" + bytes(6)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    assert png_pixels(png) == (2, 2, [[(255, 255, 255), (0, 0, 0)]] * 2)


def test_the_screenshots_are_in_the_docs_and_the_readme() -> None:
    _check_screenshots(IMAGES / "brief-light.png", IMAGES / "brief-dark.png")
    readme = (ROOT / "README.md").read_text("utf-8")
    assert 'src="docs/images/brief-light.png"' in readme


@pytest.mark.deep  # Chromium's screenshots and decoding them: the deep profile's
def test_the_screenshot_script_makes_them(tmp_path: Path) -> None:
    _browser.chromium_path()  # skips without Chromium, except in CI
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _check_screenshots(tmp_path / "brief-light.png", tmp_path / "brief-dark.png")


def test_the_page_parses_with_the_stylesheet_in_it() -> None:
    page = bm.dumps(bm.load(EXAMPLES[0]), "html")
    style = lxml_html.fromstring(page).xpath("//style")[0].text
    assert parse_css(style) == RULES
