"""Dates in the spellings other producers use (briefmodel._dates)."""

from __future__ import annotations

import email.utils
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefmodel._dates import (
    DATE_NAIVE,
    DATE_ONLY,
    find_date,
    find_month_day,
    numeric_dates,
    read_date,
    read_filing_time,
)

UTC = timezone.utc

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
instants = st.builds(
    lambda when, tz: when.replace(tzinfo=tz, microsecond=0),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    offsets,
)


def _offset(when: datetime, colon: bool) -> str:
    text = when.strftime("%z")
    return f"{text[:3]}:{text[3:]}" if colon else text


@given(instants, st.sampled_from(["T", " ", "t"]), st.booleans())
def test_an_extended_iso_date_time_with_an_offset_is_its_instant(
    when: datetime, separator: str, colon: bool
) -> None:
    text = when.strftime(f"%Y-%m-%d{separator}%H:%M:%S") + _offset(when, colon)
    reading = read_date(text)
    assert reading is not None
    assert reading.value == when
    assert reading.value.utcoffset() == when.utcoffset()
    assert reading.repair is None


@given(instants)
def test_the_basic_iso_form_is_read(when: datetime) -> None:
    reading = read_date(when.strftime("%Y%m%dT%H%M%S") + _offset(when, False))
    assert reading is not None
    assert reading.value == when
    assert reading.repair is None


@given(instants)
def test_rfc_2822_as_the_standard_library_writes_it(when: datetime) -> None:
    reading = read_date(email.utils.format_datetime(when))
    assert reading is not None
    assert reading.value == when
    assert reading.repair is None


@given(instants.map(lambda w: w.replace(second=0)))
def test_a_time_without_seconds_is_read(when: datetime) -> None:
    reading = read_date(when.strftime("%Y-%m-%dT%H:%M") + _offset(when, True))
    assert reading is not None
    assert reading.value == when


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)), offsets)
def test_a_naive_date_time_is_taken_in_the_zone_given_and_said(
    when: datetime, zone: timezone
) -> None:
    when = when.replace(microsecond=0)
    reading = read_date(when.strftime("%Y-%m-%d %H:%M:%S"), zone=zone)
    assert reading is not None
    assert reading.value == when.replace(tzinfo=zone)
    assert reading.repair == DATE_NAIVE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 January 2016", datetime(2016, 1, 12, tzinfo=UTC)),
        ("January 12, 2016", datetime(2016, 1, 12, tzinfo=UTC)),
        ("Tuesday, 12th Jan. 2016", datetime(2016, 1, 12, tzinfo=UTC)),
        ("2016-01-12", datetime(2016, 1, 12, tzinfo=UTC)),
    ],
)
def test_a_date_alone_is_midnight_and_said(text: str, expected: datetime) -> None:
    reading = read_date(text)
    assert reading is not None
    assert reading.value == expected
    assert reading.repair == DATE_ONLY


def test_a_named_month_with_a_time_of_day() -> None:
    reading = read_date("March 3, 2021 at 4:05 PM GMT")
    assert reading is not None
    assert reading.value == datetime(2021, 3, 3, 16, 5, tzinfo=UTC)
    assert reading.repair is None
    assert read_date("March 3, 2021 12:30 am UTC").value == datetime(  # type: ignore[union-attr]
        2021, 3, 3, 0, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "20160112",  # a number as much as a date
        "2016-13-01",
        "2016-02-30T10:00:00Z",
        "2016-01-12T25:00:00Z",
        "2016-01-12T10:00:00+05:60",
        "Smarch 3, 2021",
        "March 3, 2021 13:00 PM",
        "2016-01-12" + " " * 100 + "x",
        "1" * 10_000,
    ],
)
def test_what_is_not_a_date_is_none(text: str) -> None:
    assert read_date(text) is None


@given(st.text(max_size=90))
def test_any_text_gives_a_reading_or_none(text: str) -> None:
    reading = read_date(text)
    assert reading is None or reading.value.utcoffset() is not None


def test_an_hour_of_one_digit_is_read_when_a_colon_follows() -> None:
    reading = read_date("2022-05-03 8:30:00+00:00")
    assert reading is not None
    assert reading.value == datetime(2022, 5, 3, 8, 30, tzinfo=UTC)
    assert read_date("2022-05-03T830") is None


# --------------------------------------------------------------------------------------
# Dates inside a line (find_date, find_month_day, numeric_dates, read_filing_time)


@pytest.mark.parametrize(
    ("line", "text", "iso", "repair"),
    [
        (
            "BRISBANE, Australia, March 4, 2021 /ExampleWire/ --",
            "March 4, 2021",
            "2021-03-04T00:00:00+00:00",
            DATE_ONLY,
        ),
        ("Wed 14 July 2021", "Wed 14 July 2021", "2021-07-14T00:00:00+00:00", DATE_ONLY),
        (
            "Issued on 2021-07-14 09:15 by the council",
            "2021-07-14 09:15",
            "2021-07-14T09:15:00+00:00",
            DATE_NAIVE,
        ),
        (
            "Friday, 2 April 2021 at 10:30 GMT, the port reopened",
            "Friday, 2 April 2021 at 10:30 GMT",
            "2021-04-02T10:30:00+00:00",
            None,
        ),
    ],
)
def test_a_date_is_found_inside_a_line(line: str, text: str, iso: str, repair: str | None) -> None:
    found = find_date(line)
    assert found is not None
    assert found.text == text == line[found.start : found.end]
    assert found.reading.value.isoformat() == iso
    assert found.reading.repair == repair


@pytest.mark.parametrize(
    "line",
    ["Texas, Feb. 30, 2017 --", "The ferry left at 10:30.", "Version 2021-7-1", "Room 12 May"],
)
def test_a_line_without_a_date_has_none_found(line: str) -> None:
    assert find_date(line) is None


def test_read_date_still_reads_only_a_whole_date() -> None:
    assert read_date("HOBART, March 4, 2021 --") is None
    assert find_date("HOBART, March 4, 2021 --") is not None


def test_a_month_and_day_without_a_year_is_found() -> None:
    assert find_month_day("PERTH, Oct 13 AAP - The state") == (10, 13, 7, 13)
    assert find_month_day("OSAKA, Japan, Dec. 9 Kyodo -") == (12, 9, 14, 20)
    assert find_month_day("Lyon, 3 juin -") is None  # not an English month
    assert find_month_day("Page 31 of the plan") is None


def test_dates_in_figures_are_read_in_either_order() -> None:
    assert numeric_dates("XWS-21:37-09-12-18") == [(2018, 12, 9), (2018, 9, 12)]
    assert numeric_dates("on 31/12/1999") == [(1999, 12, 31)]
    assert numeric_dates("score 3-1") == []


@pytest.mark.parametrize(
    ("line", "iso", "repair"),
    [
        ("101137 GMT Dez 18", "2018-12-10T11:37:00+00:00", None),
        ("dpa xy 041502 GMT Mar 21", "2021-03-04T15:02:00+00:00", None),
        ("091223 déc 18", "2018-12-09T12:23:00+00:00", DATE_NAIVE),
        ("221905 okt 2019", "2019-10-22T19:05:00+00:00", DATE_NAIVE),
    ],
)
def test_a_wire_filing_time_is_read(line: str, iso: str, repair: str | None) -> None:
    reading = read_filing_time(line)
    assert reading is not None
    assert reading.value.isoformat() == iso
    assert reading.repair == repair


@pytest.mark.parametrize("line", ["991137 GMT Dec 18", "101137 GMT Foo 18", "tickets 123456"])
def test_a_line_without_a_filing_time_has_none(line: str) -> None:
    assert read_filing_time(line) is None


def test_a_date_before_a_colon_is_found_but_not_a_time_cut_short() -> None:
    found = find_date("SYDNEY, 4 March 2021: the plan")
    assert found is not None
    assert found.text == "4 March 2021"
    cut = find_date("on 4 March 2021 10:3 the plan")  # the date, without the time cut short
    assert cut is not None
    assert cut.text == "4 March 2021"


def test_zones_named_by_their_abbreviations() -> None:
    summer = read_date("June 3, 2026 7:45 pm ET")
    winter = read_date("January 3, 2026 7:45 pm ET")
    fixed = read_date("3 June 2026 10:00 CEST")
    assert summer is not None
    assert winter is not None
    assert fixed is not None
    assert summer.value == datetime(2026, 6, 3, 23, 45, tzinfo=UTC)  # EDT
    assert winter.value == datetime(2026, 1, 4, 0, 45, tzinfo=UTC)  # EST
    assert fixed.value == datetime(2026, 6, 3, 8, 0, tzinfo=UTC)
    assert summer.repair is None
