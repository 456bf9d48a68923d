"""Dates as other producers write them, read for lenient reading.

Canonical JSON and briefmodel's own documents hold RFC 3339 date-times with an offset,
read by :func:`briefmodel._converter.parse_datetime` and nothing else. Documents written
by others spell dates every way people do: without seconds or an offset, with a space for
the ``T``, with ``+0000`` for ``+00:00``, in the basic ISO form, as RFC 2822 (RSS, e-mail,
many HTML meta tags), with a month's name. :func:`read_date` reads them all.

What reading a date had to assume is said by :attr:`DateReading.repair`, a problem code:
a date-time without an offset is taken in the zone given (UTC unless told otherwise,
``repair.date-naive``), a date without a time is taken as its midnight there
(``repair.date-only``). The zone is the one :func:`naive_times_in` sets for what is read
inside it (``bm.load(..., strict=False, timezone="Europe/Oslo")`` does), else UTC. A
spelling that says the instant exactly (``+0000``, no seconds,
``Thu, 02 Jan 2020 10:30:00 GMT``) is read without a word: nothing was assumed.

>>> reading = read_date("2016-01-12 12:35:40")
>>> reading.value.isoformat(), reading.repair
('2016-01-12T12:35:40+00:00', 'repair.date-naive')
>>> read_date("2017-11-16T14:15+0000").value.isoformat()
'2017-11-16T14:15:00+00:00'
>>> read_date("12 January 2016").repair
'repair.date-only'
>>> read_date("yesterday") is None
True
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

import attrs

__all__ = [
    "DATE_NAIVE",
    "DATE_ONLY",
    "DateReading",
    "assumed_zone",
    "naive_times_in",
    "read_date",
    "zone_name",
]

#: The zone a date-time without an offset is taken in, while reading.
_ZONE: contextvars.ContextVar[tzinfo] = contextvars.ContextVar(
    "briefmodel_naive_zone", default=timezone.utc
)


@contextlib.contextmanager
def naive_times_in(zone: tzinfo | None) -> Iterator[None]:
    """Take date-times without an offset in ``zone`` (None: UTC) while reading inside."""
    token = _ZONE.set(zone or timezone.utc)
    try:
        yield
    finally:
        _ZONE.reset(token)


def assumed_zone() -> tzinfo:
    """The zone date-times without an offset are taken in now (UTC unless told)."""
    return _ZONE.get()


def zone_name() -> str:
    """The name of :func:`assumed_zone`, for messages: ``UTC``, ``Europe/Oslo``."""
    zone = _ZONE.get()
    return "UTC" if zone is timezone.utc else str(getattr(zone, "key", zone))


#: The codes of what reading a date assumed.
DATE_NAIVE = "repair.date-naive"
DATE_ONLY = "repair.date-only"

#: Longer than any date spelling: what is longer is not a date (and is not scanned).
_LONGEST = 80

_ISO = re.compile(
    r"(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[Tt ](?P<H>\d{2}|\d(?=:)):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?)?"
    r"\s*(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT|UT)?"
)
#: RFC 2822 (and RFC 822, as RSS has it): the standard library reads it once it has this shape.
_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s+(?:[+-]\d{4}|[A-Za-z]{1,5}))?"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"\s*(?P<zone>[Zz]|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_DAY_MONTH_YEAR = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME
)
_MONTH_DAY_YEAR = re.compile(
    r"(?:[A-Za-z]+,?\s+)?" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME
)


@attrs.frozen(kw_only=True)
class DateReading:
    """A date read from a document: the aware ``value``, and the code of what reading it
    assumed (``None`` when the document said the instant exactly)."""

    value: datetime
    repair: str | None = None


def read_date(value: str, *, zone: tzinfo | None = None) -> DateReading | None:
    """``value`` read as a date-time in any common spelling, or ``None`` if it is not one.

    A date-time without an offset is taken in ``zone`` (by default :func:`assumed_zone`),
    a date without a time as midnight in ``zone``.
    """
    zone = zone or _ZONE.get()
    text = " ".join(value.split())
    if not text or len(text) > _LONGEST:
        return None
    for reader in (_iso, _rfc2822, _named_month):
        try:
            reading = reader(text, zone)
        except (ValueError, OverflowError):  # a day, hour or offset out of range
            return None
        if reading is not None:
            return reading
    return None


def _offset(text: str | None) -> tzinfo | None:
    """The zone an offset spells (``Z``, ``+05:30``, ``-0800``, ``+01``, ``UTC``), or None."""
    if text is None:
        return None
    if text.upper() in ("Z", "UTC", "GMT", "UT"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or "0")
    if minutes >= 60:
        raise ValueError("offset minutes out of range")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if text[0] == "-" else delta)


def _made(
    year: str,
    month: int,
    day: str,
    hour: str | None,
    minute: str | None,
    second: str | None,
    fraction: str | None,
    offset: str | None,
    zone: tzinfo,
) -> DateReading:
    tz = _offset(offset)
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    when = datetime(
        int(year), month, int(day), int(hour or 0), int(minute or 0), int(second or 0), micro
    )
    if hour is None and tz is None:
        return DateReading(value=when.replace(tzinfo=zone), repair=DATE_ONLY)
    if tz is None:
        return DateReading(value=when.replace(tzinfo=zone), repair=DATE_NAIVE)
    return DateReading(value=when.replace(tzinfo=tz))


def _iso(text: str, zone: tzinfo) -> DateReading | None:
    found = _ISO.fullmatch(text)
    if found is None:
        return None
    g = found.group
    basic = "-" not in text[:10]
    if basic and g("H") is None:  # eight digits alone are a number as much as a date
        return None
    return _made(g("y"), int(g("m")), g("d"), g("H"), g("M"), g("S"), g("f"), g("zone"), zone)


def _rfc2822(text: str, zone: tzinfo) -> DateReading | None:
    if _RFC2822.fullmatch(text) is None:
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": the zone is not known
        return DateReading(value=when.replace(tzinfo=zone), repair=DATE_NAIVE)
    return DateReading(value=when)


def _named_month(text: str, zone: tzinfo) -> DateReading | None:
    found = _DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text)
    if found is None:
        return None
    month = _MONTHS.get(found.group("month").lower())
    if month is None:
        return None
    g = found.group
    hour = g("H")
    if hour is not None and g("ampm"):
        number = int(hour) % 12 + (12 if g("ampm")[0] in "Pp" else 0)
        if int(hour) > 12:
            return None
        hour = str(number)
    return _made(g("y"), month, g("d"), hour, g("M"), g("S"), None, g("zone"), zone)
