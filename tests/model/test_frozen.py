"""Immutable JSON values: extensions are frozen, with their keys sorted, and thawed back;
the generated builders freeze as the model does."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefmodel import _generated
from briefmodel.model.frozen import MAX_NUMBER, freeze_json, holds_float, thaw
from briefmodel.testing import extensions

from .._profiles import examples
from ._support import brief


def test_extensions_are_frozen_and_sorted() -> None:
    b = brief(extensions={"z:z": 1, "a:a": {"y": [1, {"k": "v"}]}})
    assert list(b.extensions) == ["a:a", "z:z"]
    assert b.extensions["a:a"] == {"y": (1, {"k": "v"})}
    assert repr(b.extensions).startswith("FrozenMap(")
    assert b.extensions != 3


# Hostile JSON values too: numbers at and beyond the bounds, NaN, a float 0, keys that are
# not str, values that are not JSON.
_edges = st.sampled_from(
    [MAX_NUMBER, MAX_NUMBER + 1, -MAX_NUMBER - 1, 2.0**53, float("nan"), float("inf"), 0.0, -0.0]
)
_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3) | _edges,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=2) | st.integers(0, 2), inner, max_size=3)
        | st.tuples(inner)
        | st.sets(st.integers(0, 3), max_size=2)
    ),
    max_leaves=8,
)


@settings(max_examples=examples(3000))
@given(_values)
@example(MAX_NUMBER + 1)
@example([2.0**53])
@example({"k": -MAX_NUMBER - 1})
@example({1: 2})
@example((1,))
@example(float("nan"))
def test_the_builders_freeze_as_freeze_json_does(value: Any) -> None:
    """The generated builders' freezing (of extensions, identifiers) accepts only what
    :func:`freeze_json` accepts, and gives the same frozen value; it may doubt more (a float
    0, which may be a number too small for a double that orjson read as 0)."""
    try:
        fast = _generated._frozen(value)
    except _generated.Doubt:
        return
    assert freeze_json(value) == fast
    assert type(fast) is type(freeze_json(value))


@given(extensions())
def test_thaw_undoes_freeze_json(value: dict[str, Any]) -> None:
    frozen = freeze_json(value)
    assert thaw(frozen) == value
    assert freeze_json(thaw(frozen)) == frozen
    assert holds_float(frozen) == ("float" in repr(_types(value)))


def _types(value: Any) -> Any:
    if isinstance(value, dict):
        return [_types(v) for v in value.values()]
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__
