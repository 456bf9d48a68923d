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
