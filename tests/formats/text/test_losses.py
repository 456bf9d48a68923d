"""What writing a brief as plain text drops (``text.losses``)."""

from __future__ import annotations

import briefmodel as bm
from briefmodel.formats import text

from ._support import ROOT, project


def test_losses_name_what_writing_drops() -> None:
    brief = bm.load(ROOT / "examples" / "grid-outlook-judgments.json")
    found = text.losses(brief)
    assert found
    assert all(p.code == "text.dropped" for p in found)
    paths = {p.path for p in found}
    assert "/sources" in paths
    assert any(path.startswith("/sections/") for path in paths)
    assert text.losses(project(brief)) == []
