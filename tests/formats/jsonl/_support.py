"""What the JSON Lines tests share: small briefs and lines of canonical JSON."""

from __future__ import annotations

from datetime import datetime, timezone

import briefmodel as bm


def brief(number: int) -> bm.Brief:
    """A small valid brief, told apart by ``number``."""
    return bm.Brief(
        id=f"urn:example:brief:{number}",
        headline=f"Brief {number}",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=f"Paragraph {number}.")])],
    )


def line(number: int) -> str:
    """The brief ``number`` as a line of JSON Lines, without its line break."""
    return bm.dumps(brief(number))


#: A line that is canonical JSON but breaks a rule (a mention of no entity).
UNKNOWN_REF = (
    '{"schema":"briefmodel/2","id":"urn:x:bad","headline":"H","sections":[{"blocks":'
    '[{"type":"paragraph","content":[{"type":"mention","ref":"nope","content":["x"]}]}]}]}'
)
