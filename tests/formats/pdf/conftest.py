"""The briefs the PDF tests read, each rendered once for the package (a render takes a
few tenths of a second)."""

from __future__ import annotations

import pytest

import briefmodel as bm

from ..._tools import weasyprint_loads
from ._support import LONG, PORT_FEES, UNDATED, WATER_TALKS, Rendered


@pytest.fixture(scope="package")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    weasyprint_loads()
    folder = tmp_path_factory.mktemp("pdf")
    briefs = {
        "port-fees": (bm.load(PORT_FEES), {}),
        "water-talks": (bm.load(WATER_TALKS), {}),
        "long": (LONG, {}),
        "undated": (UNDATED, {"page_size": "letter"}),
    }
    found = {}
    for name, (brief, options) in briefs.items():
        path = folder / f"{name}.pdf"
        bm.dump(brief, path, **options)
        found[name] = Rendered(brief=brief, pdf=path.read_bytes(), path=path)
    return found
