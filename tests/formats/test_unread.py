"""The comparison of briefmodel's own documents with what the writer writes for the brief
read (``briefmodel.formats._unread``): its work grows with the document, counted, not
timed, both when nothing differs and when every element does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import _unread

ROOT = Path(__file__).resolve().parents[2]
PLANTED = {"html": '<p title="x">', "newsml": '<p title="x">', "ninjs": '<p title=\\"x\\">'}


def _document(fmt: str, paragraphs: int) -> str:
    data = bm.to_dict(bm.load(ROOT / "examples" / "port-fees.json"))
    data["sections"][0]["blocks"] = [
        {"type": "paragraph", "content": [f"para {i} ", {"type": "strong", "content": ["b"]}]}
        for i in range(paragraphs)
    ]
    return bm.dumps(bm.from_dict(data), fmt)


def _work(monkeypatch: pytest.MonkeyPatch, text: str, fmt: str) -> tuple[int, int]:
    """The elements paired and serialized by the comparison, and the problems found."""
    counts = {"align": 0, "serialized": 0}
    align, serialized = _unread._align, _unread._serialized

    def counted_align(found: list[Any], written: list[Any]) -> Any:
        counts["align"] += len(found) + len(written)
        return align(found, written)

    def counted_serialized(element: Any) -> bytes:
        out = serialized(element)
        counts["serialized"] += len(out)
        return out

    monkeypatch.setattr(_unread, "_align", counted_align)
    monkeypatch.setattr(_unread, "_serialized", counted_serialized)
    try:
        bm.loads(text, fmt)
        problems = 0
    except bm.ValidationError as error:
        # The first MAX_PROBLEMS are listed; the last, problems.more, counts the rest.
        problems = sum(
            p.errors + p.warnings if p.code == "problems.more" else 1  # type: ignore[attr-defined]
            for p in error.problems
        )
    monkeypatch.undo()
    return counts["align"] + counts["serialized"] // 100, problems


@pytest.mark.parametrize("fmt", sorted(PLANTED))
def test_lossless_the_comparison_s_work_grows_linearly(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = _document(fmt, 500), _document(fmt, 2000)
    clean_small, none = _work(monkeypatch, small, fmt)
    clean_large, _ = _work(monkeypatch, large, fmt)
    assert none == 0
    planted_small, found_small = _work(monkeypatch, small.replace("<p>", PLANTED[fmt]), fmt)
    planted_large, found_large = _work(monkeypatch, large.replace("<p>", PLANTED[fmt]), fmt)
    assert found_large - found_small == 1500  # one loss for each paragraph planted
    # Four times the document, at most about four times the work (not sixteen).
    assert clean_large <= 5 * clean_small
    assert planted_large <= 5 * planted_small
