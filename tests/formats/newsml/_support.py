"""What the NewsML-G2 tests share: the project root, the namespaces and a minimal brief."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import briefmodel as bm
from briefmodel.formats import newsml

ROOT = Path(__file__).resolve().parents[3]
N = "{" + newsml.NAR + "}"
H = "{" + newsml.XHTML + "}"
B = "{" + newsml.BM + "}"
UTC = timezone.utc


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:newsml:1",
        "headline": "Ferry timetable changes for the winter",
        "created": datetime(2026, 10, 1, 9, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Crossings drop to four a day.")])],
    }
    base.update(fields)
    return bm.Brief(**base)
