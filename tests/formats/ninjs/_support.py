"""What the ninjs tests share: a minimal brief, and lenient reading that records the
warnings."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from typing import Any

import briefmodel as bm

UTC = timezone.utc


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:ninjs:1",
        "headline": "Ferry timetable changes for the winter",
        "created": datetime(2026, 10, 1, 9, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Crossings drop to four a day.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _lenient(data: str | bytes) -> tuple[bm.Brief, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(data, "ninjs", strict=False)
    return brief, [str(w.message) for w in caught if issubclass(w.category, bm.BriefmodelWarning)]
