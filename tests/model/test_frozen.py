"""Immutable JSON values: extensions are frozen, with their keys sorted."""

from __future__ import annotations

from ._support import brief


def test_extensions_are_frozen_and_sorted() -> None:
    b = brief(extensions={"z:z": 1, "a:a": {"y": [1, {"k": "v"}]}})
    assert list(b.extensions) == ["a:a", "z:z"]
    assert b.extensions["a:a"] == {"y": (1, {"k": "v"})}
    assert repr(b.extensions).startswith("FrozenMap(")
    assert b.extensions != 3
