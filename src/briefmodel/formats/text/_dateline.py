"""The date of a wire story or press release, read leniently: plain text carries no
``created``, but news copy says when it was written, and this finds it
(``repair.date-from-text``, at the line, with ``repair.date-only`` or
``repair.date-naive`` when the date has no time or no zone).

In order:

- a wire service's filing time (``101137 GMT Dec 18``: day, hour and minute, month,
  year) on a short line of the envelope before the headline or among the last lines;
- a date line right under the headline (``Tue 13 October 2015``) or a dateline that opens
  the text (``AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --``): a date alone on its line, or
  after a place (a few words ending in a comma) and before the agency or a dash;
- a date in the lines before the headline (a label's: ``MEDIA RELEASE 3 March 2021``;
  not an embargo's);
- a dateline without its year (``SYDNEY, Oct 13 AAP -``), whose year a date in figures
  of the envelope or of the last lines gives when its day and month agree (Kyodo's
  ``KWS-21:37-09-12-18``).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import attrs

from ..._dates import (
    DateReading,
    find_date,
    find_month_day,
    numeric_dates,
    read_filing_time,
)
from ...errors import Problem

_Chunk = list[tuple[int, str]]
_UTC = timezone.utc

#: The chunks of text under the headline whose first lines may be a date line or dateline.
_OPENING_CHUNKS = 3
#: The last lines of a text where a filing time or a date in figures may be.
_LAST_LINES = 4
#: A line holding a filing time has at most this many words (it is not a sentence).
_FILING_WORDS = 8
#: The place before a dateline's date has at most this many words.
_PLACE_WORDS = 6
#: What may follow a dateline's date: a slash (``/PRNewswire/``), a dash, a bracket, a
#: colon.
_AFTER = "/-–—(|:"


#: An embargo's line, whose date is when the story may be published, not when written.
_EMBARGO = re.compile(r"\s*embargo", re.I)


@attrs.frozen(kw_only=True)
class Dated:
    """The date a story's text gives, and the repairs that say where it was found."""

    value: datetime
    problems: list[Problem]

    @property
    def line(self) -> int:
        """The line the date was found on."""
        return self.problems[0].line or 0


def _dateline(line: str, start: int, end: int) -> bool:
    """Whether the date at ``line[start:end]`` is a dateline's: alone, or after a place
    and before an agency's name, a slash or a dash."""
    before, after = line[:start].strip(), line[end:].strip()
    if before:
        words = before.split()
        if len(words) > _PLACE_WORDS or not before.endswith(",") or not before[0].isupper():
            return False
    return not after or after[0] in _AFTER or after[0].isupper()


def _problems(reading: DateReading, shown: str, line: int, where: str) -> list[Problem]:
    problems = [
        Problem(
            severity="warning",
            code="repair.date-from-text",
            message=f"the brief's date is read from {where}, {shown!r}",
            line=line,
        )
    ]
    if reading.repair == "repair.date-only":
        message = f"the date {shown!r} has no time and is read as midnight UTC"
    elif reading.repair == "repair.date-naive":
        message = f"the time {shown!r} has no UTC offset and is read as UTC"
    else:
        return problems
    problems.append(Problem(severity="warning", code=reading.repair, message=message, line=line))
    return problems


def dated(skipped: list[tuple[int, str]], body: list[_Chunk]) -> Dated | None:
    """The date the text gives, from the lines ``skipped`` before its headline and the
    chunks of its ``body``; None when it gives none."""
    lines = [line for chunk in body for line in chunk]
    ends = [*skipped, *lines[-_LAST_LINES:]]
    for number, line in ends:
        if len(line.split()) <= _FILING_WORDS:
            reading = read_filing_time(line)
            if reading is not None:
                return Dated(
                    value=reading.value,
                    problems=_problems(reading, line.strip(), number, "the filing time"),
                )
    openings = [chunk[0] for chunk in body[:_OPENING_CHUNKS]]
    for number, line in openings:
        found = find_date(line)
        if found is not None and _dateline(line, found.start, found.end):
            where = "the date line" if not line[: found.start].strip() else "the dateline"
            return Dated(
                value=found.reading.value,
                problems=_problems(found.reading, found.text, number, where),
            )
    for number, line in skipped:
        found = find_date(line) if _EMBARGO.match(line) is None else None
        if found is not None:
            return Dated(
                value=found.reading.value,
                problems=_problems(
                    found.reading, found.text, number, "the lines before the headline"
                ),
            )
    for number, line in openings:
        month_day = find_month_day(line)
        if month_day is None or not _dateline(line, month_day[2], month_day[3]):
            continue
        month, day = month_day[:2]
        for other, text in ends:
            years = [y for y, m, d in numeric_dates(text) if (m, d) == (month, day)]
            if years:
                shown = line[month_day[2] : month_day[3]]
                when = DateReading(
                    value=datetime(years[0], month, day, tzinfo=_UTC), repair="repair.date-only"
                )
                where = f"the dateline, its year from line {other} ({text.strip()[:30]!r})"
                return Dated(value=when.value, problems=_problems(when, shown, number, where))
    return None
