"""The id of a document that gives none of its own (an HTML page without an address, a
ninjs object without a uri or guid, a NewsML-G2 item without a guid), read without
``id=``: a ``urn:`` of the format and a hash of the headline, the date and the text read,
so that the same story gets the same id wherever it is read from.

>>> one = hashed_id("urn:example:sha256:", "Ferries resume", None, "Sailings  resume.")
>>> one == hashed_id("urn:example:sha256:", "Ferries resume", None, "Sailings resume.")
True
>>> len(one) - len("urn:example:sha256:")
32
"""

from __future__ import annotations

import hashlib
from datetime import datetime

__all__ = ["hashed_id"]


def hashed_id(prefix: str, headline: str, created: datetime | None, text: str) -> str:
    """``prefix`` and the first 32 hexadecimal digits of the SHA-256 of the headline, the
    date (ISO 8601; nothing when undated) and the text, each with its white space
    collapsed (so that layout does not change it)."""
    digest = hashlib.sha256()
    when = created.isoformat() if created is not None else ""
    for part in (headline, when, text):
        digest.update(" ".join(part.split()).encode("utf-8", "surrogatepass") + b"\0")
    return prefix + digest.hexdigest()[:32]
