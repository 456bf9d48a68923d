"""Wire copy and press releases read leniently (``strict=False``): text that is not
UTF-8, envelope and routing lines and labels before the headline, a headline that
wraps, and the date a dateline, a date line or a filing time gives. Each repair is a
warning at its line; reading strictly reads these texts as before. The stories are
written for these tests, in the layouts of the producers they stand for."""

from __future__ import annotations

import warnings
from datetime import timezone

import pytest

import briefmodel as bm

UTC = timezone.utc


def _lenient(source: str | bytes) -> tuple[bm.Brief, list[tuple[str, int | None]]]:
    """The brief read with ``strict=False``, and the codes and lines of its repairs."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(source, "text", strict=False)
    said = [
        (p.code, p.line)
        for w in caught
        if isinstance(w.message, bm.BriefmodelWarning)
        for p in w.message.problems
        if p.code.startswith("repair.")
    ]
    return brief, said


def _paragraphs(brief: bm.Brief) -> list[str]:
    return [bm.plain_text(b.content) for s in brief.sections for b in s.blocks]


# --------------------------------------------------------------------------------------
# Encoding

LATIN = (
    "March\xe9 du port: la saison s'ouvre \xabplus t\xf4t\xbb =\n"
    "\n"
    "   Marseille (ats) Le march\xe9 aux poissons ouvre lundi.\n"
).encode("latin-1")


def test_text_that_is_not_utf8_is_windows_1252_read_leniently() -> None:
    brief, said = _lenient(LATIN)
    assert brief.headline.startswith("Marché du port: la saison s'ouvre «plus tôt»")
    assert ("repair.encoding", 1) in said
    report = bm.validate(LATIN, "text", lenient=True)
    assert report.ok
    assert [p.line for p in report.warnings if p.code == "repair.encoding"] == [1]


def test_a_byte_windows_1252_leaves_undefined_is_latin1() -> None:
    source = b"Ferry\n\nThe caf\xe9 opens at six.\x81\n"
    brief, said = _lenient(source)
    assert _paragraphs(brief) == ["The café opens at six."]  # U+0081, a C1 control, removed
    assert ("repair.encoding", 3) in said
    assert ("repair.control-chars", 3) in said


def test_text_that_is_not_utf8_is_refused_strictly() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(LATIN, "text")
    assert caught.value.problem.code == "parse.encoding"
    assert caught.value.problem.line == 1
    assert caught.value.problem.message == "the input is not UTF-8 (byte 0xe9 at offset 5)"


def test_utf8_text_has_no_encoding_repair() -> None:
    _, said = _lenient(LATIN.decode("latin-1").encode("utf-8"))
    assert "repair.encoding" not in {code for code, _ in said}
