"""The cattrs converter's structuring errors, turned into problems in one place: each
names its place by JSON Pointer and says what is expected, in JSON terms."""

from __future__ import annotations

from typing import Any

import pytest

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
