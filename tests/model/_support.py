"""What the tests of the model share: a valid brief to change field by field."""

from __future__ import annotations

from datetime import datetime, timezone

import briefmodel as bm

UTC = timezone.utc
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def brief(**changes: object) -> bm.Brief:
    fields: dict[str, object] = {
        "id": "urn:example:1",
        "headline": "Harbour talks settle pilot fees",
        "created": T0,
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Fees fall.")])],
    }
    fields.update(changes)
    return bm.Brief(**fields)  # type: ignore[arg-type]
