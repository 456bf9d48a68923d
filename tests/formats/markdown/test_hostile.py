"""Bad input fails cleanly: binary, NUL characters and deep nesting are parse errors
naming a line, and deep images and brackets neither hang nor crash; hostile Markdown is
read in time that grows with its size (work counted, not timed)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import warnings
from typing import Any

import markdown_it
import pytest
from benchmarks.workloads import hostile
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.formats.markdown._parser import _MD, MAX_NESTING, _Parser
from tests._hang import HANG_SECONDS
from tests._profiles import examples
from tests._work import assert_linear, hostile_run


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"# H\n\xff\xfe binary", "parse.encoding"),
        ("# H\n\nA\x00B\n", "parse.syntax"),
        ("# H\n\n" + ">" * 5000 + " deep\n", "parse.too-deep"),
        ("# H\n\n" + "".join("  " * i + "- x\n" for i in range(200)), "parse.too-deep"),
    ],
)
def test_bad_input_is_a_parse_error_naming_the_line(data: str | bytes, code: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(data, "markdown")
    assert caught.value.problem.code == code
    assert caught.value.problem.line is not None


def test_deep_images_and_brackets_do_not_hang_or_crash() -> None:
    for text in ("# H\n\n" + "![" * 3000 + "x" + "](u)" * 3000, "# H\n\n" + "[" * 50000):
        document = "---\ncreated: 2026-01-01T00:00:00Z\n---\n" + text
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            # either read (what cannot be held dropped) or refused: never a crash or a hang
            with contextlib.suppress(bm.BriefmodelError):
                bm.loads(document, "markdown", strict=False)


# ======================================================================================
# Characters: none changed without a word


@pytest.mark.parametrize(
    ("reference", "line"),
    [("&#0;", 5), ("&#x0000;", 5), ("&#xD800;", 5), ("&#xDFFF;", 5), ("&#x110000;", 5)],
)
def test_lossless_a_reference_to_no_character_is_refused_at_its_line(
    reference: str, line: int
) -> None:
    """CommonMark reads these as U+FFFD: refused, as the HTML reader refuses them."""
    text = f"# H\n\nFirst paragraph.\n\nA line\nthen {reference} here.\n"
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "markdown")
    assert caught.value.problem.code == "parse.syntax"
    assert caught.value.problem.line == line + 1
    assert reference in caught.value.problem.message


@pytest.mark.parametrize(
    ("reference", "char"),
    [("&#128;", "\x80"), ("&#x9F;", "\x9f"), ("&#xFDD0;", "\ufdd0"), ("&#xFFFD;", "\ufffd")],
)
def test_lossless_other_character_references_are_read_as_their_character(
    reference: str, char: str
) -> None:
    """markdown-it reads C1 controls and noncharacters as U+FFFD too; CommonMark, and
    briefmodel, as what they name."""
    brief = bm.loads(f"# H\n\nA {reference} b\n", "markdown")
    assert brief.sections[0].blocks[0].content == (f"A {char} b",)


@pytest.mark.parametrize(("reference", "code"), [("&#1;", 1), ("&#x0B;", 11), ("&#xFFFE;", 0xFFFE)])
def test_lossless_a_reference_to_what_xml_cannot_carry_is_said(reference: str, code: int) -> None:
    """Read as its character, which no brief may hold: ``text.not-xml-char`` at its place,
    not a U+FFFD in its stead."""
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(f"# H\n\nA {reference} b\n", "markdown")
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("text.not-xml-char", "/sections/0/blocks/0/content")
    assert f"U+{code:04X}" in problem.message


def test_lossless_references_in_code_and_after_front_matter_are_placed_right() -> None:
    text = "---\nlanguage: en\n---\n# H\n\n`&#0;` is code\n\n&#0;\n"
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "markdown")
    assert caught.value.problem.line == 8
    code = bm.loads("# H\n\n`&#0;` and ``&#xD800;``\n", "markdown")
    assert [n.text for n in code.sections[0].blocks[0].content if isinstance(n, bm.Code)] == [
        "&#0;",
        "&#xD800;",
    ]


# -- linear time -----------------------------------------------------------------------


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("markdown"), ids=lambda f: f.name)
def test_hostile_markdown_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Every family of the benchmark's hostile Markdown (runs of ``![`` and ``[``, which
    scanned to the end of the paragraph from each, 50,000 ``![`` taking 10 s) does four
    times the work at four times the size, counted in lines of Python run."""
    assert_linear(hostile_run(family, step), 1500)


def test_each_bracket_is_scanned_about_once_not_up_to_the_nesting_limit() -> None:
    """The label scans themselves, counted in tokens skipped: markdown-it-py's own helper
    scans from each ``[`` on until a ``]`` or the nesting limit (64), so that 2,000 ``[``
    cost 129,151 tokens skipped and 2,000 ``![`` 508,864 (50,000 ``![``: 10 s); the memo
    skips what an inner scan has seen, at most two tokens a character."""
    calls: list[int] = []
    skip = _MD.inline.skipToken

    def counting(state: Any) -> None:
        calls.append(1)
        skip(state)

    for text in ("[" * 2000, "![" * 2000, "[a" * 1000 + "]" * 500, "[x](" * 1000, "![[" * 999):
        calls.clear()
        _MD.inline.skipToken = counting  # type: ignore[method-assign]
        try:
            _MD.parse(text)
        finally:
            del _MD.inline.skipToken
        assert len(calls) <= 2 * len(text), (text[:6], len(calls))


# The same parser as reading's, with markdown-it-py's own link-label helper and without
# the rule that takes the text after the last "]" at once (_links.no_label_closes).
_STOCK = _Parser("commonmark", {"maxNesting": MAX_NESTING})
_STOCK.helpers = markdown_it.helpers
assert "briefmodel_no_label_closes" in [r.name for r in _MD.inline.ruler.__rules__]
assert "briefmodel_no_label_closes" not in [r.name for r in _STOCK.inline.ruler.__rules__]


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet="[]()!*_`\\<>&; a\n", max_size=40))
def test_link_labels_are_found_as_markdown_it_py_finds_them(text: str) -> None:
    """The memo and the text taken at once after the last ``]`` give markdown-it-py's
    answers: the same tokens for any text of brackets, parentheses, emphasis, code spans,
    escapes, autolinks and HTML, and entities."""
    ours = [(t.type, t.content, t.attrs) for t in _tokens(_MD.parse(text))]
    stock = [(t.type, t.content, t.attrs) for t in _tokens(_STOCK.parse(text))]
    assert ours == stock


def _tokens(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_tokens(token.children or []))
    return out


def test_a_line_of_pipes_is_not_tried_as_a_table_at_each_pipe() -> None:
    """A paragraph of one line of 400,000 ``a|`` (800 kB): the table pattern tried each
    ``|`` as the end of the table's head and scanned to the end of the line from each (2.7 s
    for 80 kB, hours for this). The pattern is in C, where lines are not counted: a guard
    that only a hang reaches."""
    script = (
        "import warnings, briefmodel as bm\n"
        "warnings.simplefilter('ignore')\n"
        "doc = '---\\ncreated: 2026-01-01T00:00:00Z\\n---\\n# H\\n\\n' + 'a|' * 400_000\n"
        "brief = bm.loads(doc, 'markdown', strict=False)\n"
        "print(len(brief.sections[0].blocks))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG_SECONDS
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


@pytest.mark.deep  # about 15 s of markdown-it-py's parse: in CI's profile
def test_many_references_to_no_character_are_placed_counting_each_line_once() -> None:
    """A paragraph of 430,000 lines ``a &#0;`` (3 MB): the line of each reference was
    counted from the paragraph's start (560 kB took 15 s; this, minutes). The counting
    is in C, where lines of Python are not counted: a guard that only a hang reaches."""
    script = (
        "import briefmodel as bm\n"
        "try:\n"
        "    bm.loads('# H\\n\\n' + 'a &#0;\\n' * 430_000, 'markdown')\n"
        "except bm.ParseError as error:\n"
        "    print(error.problem.code, error.problem.line)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG_SECONDS
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["parse.syntax", "3"]


def test_references_to_no_character_after_others_are_placed_at_their_line() -> None:
    text = "# H\n\n" + "a &#65;\n" * 3 + "b &#0;\n" + "c &#xD800;\n"
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text, "markdown")
    assert caught.value.problem.line == 6


def _counting(rule: Any, tried: list[int]) -> Any:
    def counted(state: Any, silent: bool) -> Any:
        tried.append(1)
        return rule(state, silent)

    return counted


@pytest.mark.parametrize("unit", ["![", "[", "a [b ![c "])
def test_brackets_that_nothing_closes_are_text_taken_at_once(unit: str) -> None:
    """After the last ``]`` of a paragraph no ``[`` or ``!`` opens anything: its text is
    taken in one step (markdown-it-py tried the link and image rules at every one: about
    40,000 rule tries for 5,000 ``![``), counted in the inline rules tried."""
    tried: list[int] = []
    ruler = _MD.inline.ruler
    rules = ruler.getRules("")
    cache = ruler.__cache__
    try:
        ruler.__cache__ = {"": [_counting(rule, tried) for rule in rules]}
        _MD.parse(unit * 5000)
    finally:
        ruler.__cache__ = cache
    assert 0 < len(tried) < 50, len(tried)
