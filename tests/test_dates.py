"""Dates in the spellings other producers use (briefmodel._dates)."""

from __future__ import annotations

import email.utils
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefmodel._dates import DATE_NAIVE, DATE_ONLY, read_date

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
