"""benchmarks/chunking.py: the measures it takes of chunkers, taken of bm.chunks (docling-core
is not installed here; the script says so and stops)."""

from __future__ import annotations

import pytest

import briefmodel as bm
from benchmarks import chunking


@pytest.mark.parametrize("size", [20, 200, 1000])
def test_bm_chunks_loses_and_repeats_nothing_and_fits(size: int) -> None:
    briefs = [(p.name, bm.load(p)) for p in sorted((chunking.ROOT / "examples").glob("*.json"))]
    row = chunking._measure("bm.chunks", chunking._ours, briefs, size)
    assert row["chunks"] >= len(briefs)
    assert (row["over"], row["lost"], row["repeated"], row["mixed"]) == (0, 0, 0, 0)
    assert 0 < row["fill_%"] <= 100


def test_a_chunk_cut_inside_a_sentence_is_counted() -> None:
    text = "One two three four five six seven eight nine ten eleven twelve thirteen."
    brief = bm.Brief(
        id="b", headline="H", sections=[bm.Section(blocks=[bm.Paragraph(content=text)])]
    )
    row = chunking._measure("bm.chunks", chunking._ours, [("b", brief)], 30)
    assert row["mid-sentence"] == row["chunks"] - 1 > 0
