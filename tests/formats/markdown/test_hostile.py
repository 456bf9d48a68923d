"""Bad input fails cleanly: binary, NUL characters and deep nesting are parse errors
naming a line, and deep images and brackets neither hang nor crash."""

from __future__ import annotations

import contextlib
import warnings

import pytest

import briefmodel as bm


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
