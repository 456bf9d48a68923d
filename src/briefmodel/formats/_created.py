"""The ``created=`` option of the readers of formats that may carry no date (Markdown, plain
text): checked where it comes in, so that a wrong value is a clear ``TypeError`` naming the
option, not an ``AttributeError`` from deep inside."""

from __future__ import annotations

from datetime import datetime
from typing import Any

__all__ = ["checked_created"]


def checked_created(value: Any) -> datetime | None:
    """``value`` if it is ``None`` or a datetime with a time zone, else ``TypeError``.

    >>> checked_created("2026-01-01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: created= takes None or a datetime with a time zone, ... not str '2026-01-01'
    """
    if value is None or (isinstance(value, datetime) and value.utcoffset() is not None):
        return value
    shown = (
        "a datetime without a time zone"
        if isinstance(value, datetime)
        else (f"{type(value).__name__} {value!r:.40}")
    )
    raise TypeError(
        "created= takes None or a datetime with a time zone, such as "
        f"datetime(2026, 1, 1, tzinfo=timezone.utc), not {shown}"
    )
