"""Rich text: its normalisation."""

from __future__ import annotations

import briefmodel as bm
from briefmodel import model as m


def test_rich_text_is_normalised() -> None:
    assert m.rich_text(["a", "", "b", bm.LineBreak(), "c"]) == ("ab", bm.LineBreak(), "c")
    assert m.rich_text(bm.Strong(content="x")) == (bm.Strong(content=("x",)),)
    assert bm.Paragraph(content=["Talks ", "ended"]) == bm.Paragraph(content="Talks ended")
