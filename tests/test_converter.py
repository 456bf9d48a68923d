"""The cattrs converter's structuring errors, turned into problems in one place: each
names its place by JSON Pointer and says what is expected, in JSON terms."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._converter import explaining_converter, structuring_problems


def problems(data: dict[str, Any]) -> list[bm.Problem]:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - a cattrs exception group
        explaining_converter.structure(data, bm.Brief)
    return structuring_problems(caught.value)


def test_structuring_problems_say_where_and_what_is_expected() -> None:
    found = problems(
        {
            "schema": "briefmodel/2",
            "id": "urn:x:1",
            "headline": "H",
            "created": "2026-01-01T00:00:00Z",
            "keywords": "ports",
            "sections": [{"blocks": [{"type": "chart"}, 5, {"type": "paragraph", "content": 5}]}],
            "entities": [{"id": "e", "kind": "person", "name": "N", "identifiers": {"wd": 5}}],
        }
    )
    assert {(p.path, p.message) for p in found} == {
        ("/keywords", "expected an array, got a string"),
        (
            "/sections/0/blocks/0/type",
            "expected a block type ('paragraph', 'item-list', 'quote', 'judgment', 'figure', "
            "'table'), "
            "got 'chart'",
        ),
        ("/sections/0/blocks/1", "expected a block (an object with a type), got an integer"),
        (
            "/sections/0/blocks/2/content",
            "expected rich text (a string, or an array of strings and inline nodes), "
            "got an integer",
        ),
        ("/entities/0/identifiers/wd", "expected a string, got an integer"),
    }


# --------------------------------------------------------------------------------------
# Date-times: datetime.fromisoformat where it reads RFC 3339 as the groups do


def _both_ways(value: str) -> tuple[Any, Any]:
    from unittest import mock

    from briefmodel import _converter, _patterns

    def parsed() -> Any:
        try:
            moment = _converter.parse_datetime(value)
        except _converter.Invalid as error:
            return ("invalid", error.code, error.message)
        return (moment, repr(moment), moment.isoformat())

    fast = parsed()
    with mock.patch.object(_patterns, "_FROMISOFORMAT_READS_RFC3339", False):
        return fast, parsed()


_MOMENTS = (
    r"\d{4}-(0\d|1[0-3])-([0-3]\d)[Tt]([0-2]\d):([0-6]\d):([0-6]\d)(\.\d{1,8})?"
    r"([Zz]|[+-]([0-2]\d):([0-6]\d))"
)


@given(st.from_regex(_MOMENTS, fullmatch=True))
def test_a_date_time_is_read_alike_by_fromisoformat_and_the_groups(value: str) -> None:
    fast, groups = _both_ways(value)
    assert fast == groups


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-01T00:00:00+05:60",
        "2026-01-01T00:00:00-00:00",
        "2026-02-30T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "1999-12-31T23:59:60Z",
        "0001-01-01T00:00:00.1234567+23:59",
        "9999-12-31T23:59:59.999999-23:59",
    ],
)
def test_a_date_time_at_the_edges_is_read_alike_both_ways(value: str) -> None:
    fast, groups = _both_ways(value)
    assert fast == groups
