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

:func:`read_date` reads a value that is a date and nothing else. A story's text holds
its date among other words: :func:`find_date` finds one inside a line (a press release's
dateline, ``AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --``), :func:`find_month_day` one
without its year (a wire dateline, ``SYDNEY, Oct 13 AAP -``), :func:`numeric_dates` the
dates written in figures (``09-12-18``, day and month in either order) and
:func:`read_filing_time` a wire story's filing time (``101137 GMT Dec 18``: the day, the
hour and minute, the month and year, in English, German or French).

>>> found = find_date("AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --")
>>> found.reading.value.isoformat(), found.text
('2017-02-01T00:00:00+00:00', 'Feb. 1, 2017')
>>> read_filing_time("101137 GMT Dez 18").value.isoformat()
'2018-12-10T11:37:00+00:00'
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from datetime import datetime, timedelta, timezone, tzinfo

import attrs

__all__ = [
    "DATE_NAIVE",
    "DATE_ONLY",
    "DateReading",
    "FoundDate",
    "assumed_zone",
    "find_date",
    "find_month_day",
    "naive_times_in",
    "numeric_dates",
    "read_date",
    "read_filing_time",
    "zone_name",
]

#: The zone a date-time without an offset is taken in, while reading.
_ZONE: contextvars.ContextVar[tzinfo] = contextvars.ContextVar(
    "briefmodel_naive_zone", default=timezone.utc
)


def naive_times_in(zone: tzinfo | None) -> contextlib.AbstractContextManager[None]:
    """Take date-times without an offset in ``zone`` (None: UTC) while reading inside."""
    return _NaiveTimes(zone or timezone.utc)


class _NaiveTimes(contextlib.AbstractContextManager[None]):
    """:func:`naive_times_in`, as a class: every document read enters one, and a
    generator's context manager costs four times as much."""

    __slots__ = ("_token", "_zone")

    def __init__(self, zone: tzinfo) -> None:
        self._zone = zone
        self._token: contextvars.Token[tzinfo] | None = None

    def __enter__(self) -> None:
        self._token = _ZONE.set(self._zone)

    def __exit__(self, *_: object) -> None:
        assert self._token is not None
        _ZONE.reset(self._token)


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
    r"\s*(?P<zone>[Zz]|[+-]\d{2}:?\d{2}|UTC|GMT|[ECMP][SD]?T|BST|CES?T)?)?"
)
#: The zones North American and European pages name by their abbreviations: a fixed
#: offset where the name says standard or summer time, else the region's zone (``ET``:
#: New York's, whichever its clocks say that day).
_NAMED_ZONES: dict[str, str | int] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles", "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2,
}  # fmt: skip
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
    named = _NAMED_ZONES.get(text)
    if isinstance(named, int):
        return timezone(timedelta(hours=named), text)
    if named is not None:
        import zoneinfo  # (only for a zone named by its abbreviation)

        return zoneinfo.ZoneInfo(named)
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
    from email.utils import parsedate_to_datetime  # (only for a date in RFC 2822's form)

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


# --------------------------------------------------------------------------------------
# Dates inside a line of text

#: A weekday's name (or its abbreviation) before a date, which the date may take.
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
#: What may be a date inside a line: each is read by :func:`read_date` once found, so
#: these only say where one may be.
_INSIDE = [
    re.compile(
        r"(?<![\w:.+-])\d{4}-\d{2}-\d{2}(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
        r"(?:\s*(?:[Zz]|[+-]\d{2}:?\d{2}|UTC|GMT))?)?(?![\w:+-])"
    ),
    re.compile(
        r"(?<!\w)" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
        r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
        r"(?:\s*(?:[Zz]|[+-]\d{2}:?\d{2}|UTC|GMT|(?-i:[ECMP][SD]?T|BST|CES?T))(?!\w))?)?"
        r"(?!\w|:\d)",
        re.I,
    ),
    re.compile(
        r"(?<!\w)" + _WEEKDAY + r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
        r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
        r"(?:\s*(?:[Zz]|[+-]\d{2}:?\d{2}|UTC|GMT|(?-i:[ECMP][SD]?T|BST|CES?T))(?!\w))?)?"
        r"(?!\w|:\d)",
        re.I,
    ),
]


@attrs.frozen(kw_only=True)
class FoundDate:
    """A date found inside a line: its reading, and where it is (``text`` is
    ``line[start:end]``)."""

    reading: DateReading
    start: int
    end: int
    text: str


def find_date(line: str, *, zone: tzinfo | None = None) -> FoundDate | None:
    """The first date inside ``line`` that :func:`read_date` reads (a date with its year,
    in figures as ISO 8601 has it or with a month's name, and a time after it if any),
    or ``None``. A longer line is not scanned past :data:`MAX_SCANNED` characters."""
    head = line[:MAX_SCANNED]
    found: list[FoundDate] = []
    for pattern in _INSIDE:
        at = 0
        while (match := pattern.search(head, at)) is not None:
            reading = read_date(match.group(), zone=zone)
            if reading is not None:
                found.append(
                    FoundDate(
                        reading=reading, start=match.start(), end=match.end(), text=match.group()
                    )
                )
                break
            at = match.start() + 1
    return min(found, key=lambda f: f.start, default=None)


#: How much of a line :func:`find_date` and :func:`find_month_day` look at.
MAX_SCANNED = 400

_MONTH_DAY = re.compile(
    r"(?<!\w)(?P<month>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\w:.,]\d)(?!\w)"
)
_DAY_MONTH = re.compile(
    r"(?<![\w.,:])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})(?!\w)"
)


def find_month_day(line: str) -> tuple[int, int, int, int] | None:
    """The first month and day inside ``line`` written with the month's name and no year
    (``Oct 13``, ``Dec. 9``, ``13 October``), as ``(month, day, start, end)``, or
    ``None``."""
    head = line[:MAX_SCANNED]
    found: list[tuple[int, int, int, int]] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(head):
            month = _MONTHS.get(match.group("month").lower())
            day = int(match.group("d"))
            if month is not None and 1 <= day <= _days(month):
                found.append((month, day, match.start(), match.end()))
                break
    return min(found, key=lambda f: f[2], default=None)


def _days(month: int) -> int:
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d])")


def numeric_dates(line: str) -> list[tuple[int, int, int]]:
    """The dates written in figures inside ``line`` (``09-12-18``, ``12/9/2018``), each as
    the ``(year, month, day)`` it may be: day first and month first, where each is a
    date."""
    dates: list[tuple[int, int, int]] = []
    head, at = line[:MAX_SCANNED], 0
    while (match := _NUMERIC.search(head, at)) is not None:
        at = match.start() + 1  # the figures of one may end another (``21:37-09-12-18``)
        first, second, year = (int(g) for g in match.groups())
        year = _century(year) if len(match.group(3)) == 2 else year
        for month, day in ((second, first), (first, second)):
            if 1 <= month <= 12 and 1 <= day <= _days(month) and (year, month, day) not in dates:
                dates.append((year, month, day))
    return dates


def _century(year: int) -> int:
    """A year of two figures: 1970 to 2069."""
    return year + (1900 if year >= 70 else 2000)


#: Months' abbreviations in wire copy's filing times, English, German and French.
_FILING_MONTHS = _MONTHS | {
    name: number
    for number, names in enumerate(
        (
            ("jan", "janv", "jän"),
            ("feb", "febr", "fév", "févr", "fev"),
            ("mär", "mrz", "mars"),
            ("avr", "avril"),
            ("mai",),
            ("juin",),
            ("juil",),
            ("aoû", "août", "aou"),
            ("sept",),
            ("okt",),
            ("nov",),
            ("dez", "déc", "dèc"),
        ),
        start=1,
    )
    for name in names
}
_FILING = re.compile(
    r"(?<!\d)(?P<d>\d{2})(?P<H>\d{2})(?P<M>\d{2})\s+(?:(?P<zone>GMT|UTC|UT|Z)\s+)?"
    r"(?P<month>[^\W\d_]{3,5})\.?\s+(?P<y>\d{4}|\d{2})(?!\w)",
    re.I,
)


def read_filing_time(line: str, *, zone: tzinfo | None = None) -> DateReading | None:
    """The filing time a wire story's line ends with (dpa's, AFP's, ATS's ``101137 GMT Dec
    18``: day, hour and minute, the zone if said, the month's abbreviation and the year),
    or ``None``. Without a zone the time is taken in ``zone`` (``repair.date-naive``)."""
    match = next(reversed(list(_FILING.finditer(line[-MAX_SCANNED:]))), None)
    if match is None:
        return None
    month = _FILING_MONTHS.get(match.group("month").lower())
    if month is None:
        return None
    year = match.group("y")
    full = str(_century(int(year))) if len(year) == 2 else year
    g = match.group
    try:
        when = zone or _ZONE.get()
        return _made(full, month, g("d"), g("H"), g("M"), None, None, g("zone"), when)
    except (ValueError, OverflowError):
        return None
