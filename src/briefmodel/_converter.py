"""The one place where briefmodel's cattrs converter is configured.

Like cattrs' own ``preconf`` modules, :func:`configure_converter` registers every hook
by type on a converter; :data:`converter` reads what the generated paths
(:mod:`briefmodel._generated`) doubt and writes what they cannot,
:data:`explaining_converter` is the same configuration with detailed validation, used
only to explain a document that failed (both are made when first used), and
:func:`structuring_problems` turns cattrs' exception groups into
:class:`~briefmodel.Problem` objects with JSON Pointers.

The structuring hooks are strict: they accept exactly what the JSON Schema accepts
(no ``str(1)``, no ``null`` for an optional field, no string taken as a list), so a
document that structures without error is valid against the schema.
"""

from __future__ import annotations

import contextlib
import math
import types
import typing
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, Union

from . import model as m
from ._patterns import parse_datetime as parse_datetime
from .errors import Invalid as Invalid
from .errors import ModelError, Problem, pointer
from .model.frozen import thaw

if TYPE_CHECKING:  # cattrs is imported when a converter is first used (see __getattr__)
    from cattrs import Converter

    #: The converter that reads valid documents the generated paths doubt (and writes
    #: the briefs they cannot), and the one that explains a document that fails.
    converter: Converter
    explaining_converter: Converter

__all__ = [
    "MODEL_VERSION",
    "SCHEMA_ID",
    "Invalid",
    "configure_converter",
    "converter",
    "explaining_converter",
    "structuring_problems",
]

#: The model version of this briefmodel: what every canonical JSON document it writes says
#: in ``"schema"`` (documents of earlier versions are read through
#: :mod:`briefmodel.migrations`).
MODEL_VERSION = 2
SCHEMA_ID = f"briefmodel/{MODEL_VERSION}"

T = TypeVar("T")

#: The ``type`` tag of each tagged node class in canonical JSON.
BLOCK_TAGS: dict[type, str] = {
    m.Paragraph: "paragraph",
    m.ItemList: "item-list",
    m.Quote: "quote",
    m.Judgment: "judgment",
    m.Figure: "figure",
    m.Table: "table",
}
INLINE_TAGS: dict[type, str] = {
    m.Emphasis: "emphasis",
    m.Strong: "strong",
    m.Code: "code",
    m.LineBreak: "line-break",
    m.Link: "link",
    m.Mention: "mention",
    m.Citation: "citation",
}

#: Fields written even when they hold their default, because a reader of the JSON
#: should see them: the language of the text and whether a list is numbered.
ALWAYS_WRITTEN: dict[type, tuple[str, ...]] = {
    # (``created`` is written in its place after the language, and left out when None: an
    # undated brief has none)
    m.Brief: ("language", "created"),
    m.ItemList: ("ordered",),
}


def json_type_name(value: Any) -> str:
    """How a value is called in JSON terms: 'a string', 'an object', 'null'…"""
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------
# Scalars


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise Invalid("schema.type", f"expected a string, got {json_type_name(value)}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    kind = type(value)
    if kind is int:
        if abs(value) >= _LARGEST_WRITABLE:
            raise Invalid("parse.too-large", "a number with more digits than JSON text may hold")
        return value  # type: ignore[no-any-return]
    if kind is float and value.is_integer():
        return int(value)
    raise Invalid("schema.type", f"expected an integer, got {json_type_name(value)}")


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise Invalid("schema.type", f"expected true or false, got {json_type_name(value)}")
    return value


def _structure_datetime(value: Any, _: Any) -> datetime:
    if type(value) is not str:
        raise Invalid("schema.type", f"expected a date-time string, got {json_type_name(value)}")
    return parse_datetime(value)


def _unstructure_datetime(value: datetime) -> str:
    return value.isoformat()


# --------------------------------------------------------------------------------------
# Rich text, blocks and list items


def _structure_tagged(value: Any, hooks: dict[str, Callable[[Any, Any], Any]], what: str) -> Any:
    """Structure an object tagged by ``type`` (a ``what``: block, inline node) with the hook
    for its tag."""
    if type(value) is not dict:
        raise Invalid(
            "schema.type",
            f"expected {'an' if what[0] in 'aeiou' else 'a'} {what} (an object with a type), "
            f"got {json_type_name(value)}",
        )
    tag = value.get("type")
    hook = hooks.get(tag)  # type: ignore[arg-type]
    if hook is None:
        known = ", ".join(repr(name) for name in hooks)
        raise Invalid(
            "node.unknown-type", f"expected a {what} type ({known}), got {tag!r}", ("type",)
        )
    fields = dict(value)
    del fields["type"]
    return hook(fields, None)


def _structure_inline(value: Any, hooks: dict[str, Callable[[Any, Any], Any]]) -> Any:
    return value if type(value) is str else _structure_tagged(value, hooks, "inline node")


def _expect_list(value: Any, what: str) -> list[Any]:
    if type(value) is not list:
        raise Invalid("schema.type", f"expected {what}, got {json_type_name(value)}")
    return value


# --------------------------------------------------------------------------------------
# Immutable mappings


def _structure_extensions(value: Any, _: Any) -> m.FrozenMap[m.JsonValue]:
    if type(value) is not dict:
        raise Invalid("schema.type", f"expected an object, got {json_type_name(value)}")
    for problem in not_json(value):
        raise problem
    return m.FrozenMap({k: m.freeze_json(v) for k, v in value.items()})


def not_json(data: Any) -> Iterator[Invalid]:
    """What in Python data JSON cannot hold (data built in Python, not parsed from text)."""
    if _all_json(data):  # the common case, without a path for every value
        return
    for path, item in _json_leaves(data, ()):
        kind = type(item)
        if kind not in _JSON_SCALARS:
            yield Invalid("schema.type", f"{json_type_name(item)} is not a JSON value", path)
        elif kind is float and not math.isfinite(item):
            yield Invalid("parse.non-finite-number", "NaN and Infinity are not JSON", path)
        elif kind is int and abs(item) >= _LARGEST_WRITABLE:
            yield Invalid("parse.too-large", "a number with more digits than JSON may hold", path)
        elif kind is dict:
            for key in item:
                if type(key) is not str:
                    yield Invalid("schema.type", f"object key {key!r} is not a string", path)


_JSON_SCALARS = frozenset({str, int, float, bool, type(None), list, dict})


def _all_json(data: Any) -> bool:
    """Whether :func:`not_json` would find nothing in ``data``."""
    stack = [data]
    pop, push = stack.pop, stack.extend
    scalars = _JSON_SCALARS
    while stack:
        node = pop()
        kind = type(node)
        if kind is dict:
            if any(type(key) is not str for key in node):
                return False
            push(node.values())
        elif kind is list:
            push(node)
        elif kind not in scalars:
            return False
        elif kind is float:
            if not math.isfinite(node):
                return False
        elif kind is int and abs(node) >= _LARGEST_WRITABLE:
            return False
    return True


_LARGEST_WRITABLE = 10**4300


def _json_leaves(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value inside a JSON value (itself included), with its path."""
    stack = [(path, value)]
    while stack:
        here, node = stack.pop()
        yield here, node
        if type(node) is dict:
            stack.extend(((*here, key), item) for key, item in node.items())
        elif type(node) is list:
            stack.extend(((*here, index), item) for index, item in enumerate(node))


def _structure_identifiers(value: Any, _: Any) -> m.FrozenMap[str]:
    if type(value) is not dict:
        raise Invalid("schema.type", f"expected an object, got {json_type_name(value)}")
    for key, item in value.items():
        if type(item) is not str:
            raise Invalid("schema.type", f"expected a string, got {json_type_name(item)}", (key,))
    return m.FrozenMap(value)


# --------------------------------------------------------------------------------------
# Configuration


def _is_optional(type_: Any) -> bool:
    return typing.get_origin(type_) in (Union, types.UnionType) and type(None) in typing.get_args(
        type_
    )


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is(expected: Any) -> Callable[[Any], bool]:
    return lambda type_: type_ == expected


def _is_frozen_map_of(value_type: Any) -> Callable[[Any], bool]:
    def predicate(type_: Any) -> bool:
        if typing.get_origin(type_) is not m.FrozenMap:
            return False
        (arg,) = typing.get_args(type_)
        return arg is str if value_type is str else arg is not str

    return predicate


def configure_converter(conv: Converter) -> None:
    """Register every hook briefmodel needs on ``conv``.

    Hooks are registered by type; nothing dispatches with ``isinstance`` ladders.
    """
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    from ._explaining import items_with_notes, watched

    detailed = conv.detailed_validation

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(datetime, _unstructure_datetime)
    conv.register_structure_hook_func(_is_frozen_map_of(str), _structure_identifiers)
    conv.register_structure_hook_func(_is_frozen_map_of(m.JsonValue), _structure_extensions)
    conv.register_unstructure_hook(m.FrozenMap, thaw)

    # The factories below look up the hook of their item type when first used, not when
    # made: the generated function of a class is made while the hooks of the classes of
    # its fields may not exist yet, and by the first use every hook does.

    def optional_factory(type_: Any) -> Callable[[Any, Any], Any]:
        (inner,) = (a for a in typing.get_args(type_) if a is not type(None))
        hook: Callable[[Any, Any], Any] | None = None

        def structure(value: Any, _: Any) -> Any:
            nonlocal hook
            if value is None:
                raise Invalid("schema.type", "null is not allowed here; leave the field out")
            if hook is None:
                hook = conv.get_structure_hook(inner)
            return hook(value, inner)

        return structure

    conv.register_structure_hook_factory(_is_optional, optional_factory)

    def tuple_factory(type_: Any) -> Callable[[Any, Any], Any]:
        inner = typing.get_args(type_)[0]
        hook: Callable[[Any, Any], Any] | None = None

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            nonlocal hook
            if type(value) is not list:
                _expect_list(value, "an array")
            if hook is None:
                hook = conv.get_structure_hook(inner)
            if detailed:
                each = hook
                return items_with_notes(value, lambda v: each(v, inner), type_)
            return tuple([hook(v, inner) for v in value])

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)

    # The generated per-class functions go into these tables, filled last. Writing still
    # reads them late (cattrs' own factories look hooks up when made); reading registers
    # them directly, its factories above being lazy.
    fields_in: dict[type, Callable[[Any, Any], Any]] = {}
    fields_out: dict[type, Callable[[Any], dict[str, Any]]] = {}
    tagged_out: dict[type, Callable[[Any], dict[str, Any]]] = {}
    inline_hooks: dict[str, Callable[[Any, Any], Any]] = {}
    block_hooks: dict[str, Callable[[Any, Any], Any]] = {}

    def structure_rich_text(value: Any, _: Any) -> m.RichText:
        if type(value) is str:
            return (value,) if value else ()
        items = _expect_list(value, "rich text (a string, or an array of strings and inline nodes)")
        # The converter of the field the result goes to normalises it.
        if not detailed:
            return tuple(
                [v if type(v) is str else _structure_inline(v, inline_hooks) for v in items]
            )
        return items_with_notes(items, lambda v: watched_inline(v, None), m.RichText)

    watched_inline = watched(lambda value, _: _structure_inline(value, inline_hooks))

    def unstructure_rich_text(value: m.RichText) -> Any:
        if not value:
            return ""
        if len(value) == 1 and type(value[0]) is str:
            return value[0]
        return [v if type(v) is str else tagged_out[type(v)](v) for v in value]

    conv.register_structure_hook_func(_is(m.RichText), structure_rich_text)
    conv.register_unstructure_hook_func(_is(m.RichText), unstructure_rich_text)

    def structure_block(value: Any, _: Any) -> Any:
        return _structure_tagged(value, block_hooks, "block")

    conv.register_structure_hook_func(
        _is(m.Block), watched(structure_block) if detailed else structure_block
    )

    def structure_list_item(value: Any, _: Any) -> m.ListItem:
        if type(value) is dict:
            return fields_in[m.ListItem](value, m.ListItem)  # type: ignore[no-any-return]
        return m.ListItem(content=structure_rich_text(value, m.RichText))

    def unstructure_list_item(item: m.ListItem) -> Any:
        if not item.blocks:
            return unstructure_rich_text(item.content)
        return fields_out[m.ListItem](item)

    conv.register_structure_hook(
        m.ListItem, watched(structure_list_item) if detailed else structure_list_item
    )
    conv.register_unstructure_hook(m.ListItem, unstructure_list_item)

    def structure_brief(value: Any, _: Any) -> m.Brief:
        if type(value) is not dict:
            raise Invalid("schema.type", f"expected a brief object, got {json_type_name(value)}")
        if value.get("schema") != SCHEMA_ID:
            wrong = Invalid(
                "schema.version",
                f'expected "schema": "{SCHEMA_ID}", got {value.get("schema")!r}',
            )
            if detailed:  # structure the rest all the same, to find where it fails
                rest = {k: v for k, v in value.items() if k != "schema"}
                with contextlib.suppress(Exception):  # only the wrong version is reported
                    fields_in[m.Brief](rest, m.Brief)
            raise wrong
        fields = dict(value)
        del fields["schema"]
        return fields_in[m.Brief](fields, m.Brief)  # type: ignore[no-any-return]

    def unstructure_brief(brief: m.Brief) -> dict[str, Any]:
        fields = {"schema": SCHEMA_ID, **fields_out[m.Brief](brief)}
        if fields["created"] is None:
            del fields["created"]
        return fields

    conv.register_structure_hook(m.Brief, watched(structure_brief) if detailed else structure_brief)
    conv.register_unstructure_hook(m.Brief, unstructure_brief)

    for cls in m.MODEL_TYPES:
        if cls in (m.ListItem, m.Brief):
            continue
        tag = BLOCK_TAGS.get(cls) or INLINE_TAGS.get(cls)
        conv.register_unstructure_hook(cls, _late_out(fields_out, cls, tag))
        if tag:
            tagged_out[cls] = _late_out(fields_out, cls, tag)
    # Blocks are written by the table above, not by cattrs' generic union dispatch.
    conv.register_unstructure_hook_func(_is(m.Block), lambda node: tagged_out[type(node)](node))

    for cls in m.MODEL_TYPES:
        keep: dict[str, Any] = {
            name: override(omit_if_default=False) for name in ALWAYS_WRITTEN.get(cls, ())
        }
        fields_in[cls] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_use_linecache=False
        )
        if cls not in (m.ListItem, m.Brief):
            conv.register_structure_hook(
                cls, watched(fields_in[cls]) if detailed else fields_in[cls]
            )
        fields_out[cls] = make_dict_unstructure_fn(
            cls, conv, _cattrs_omit_if_default=True, _cattrs_use_linecache=False, **keep
        )
    for tags, hooks in ((INLINE_TAGS, inline_hooks), (BLOCK_TAGS, block_hooks)):
        hooks.update({tag: fields_in[cls] for cls, tag in tags.items()})


def _late_out(
    table: dict[type, Callable[[Any], dict[str, Any]]], cls: type, tag: str | None
) -> Callable[[Any], dict[str, Any]]:
    if tag is None:
        return lambda node: table[cls](node)

    def unstructure(node: Any) -> dict[str, Any]:
        return {"type": tag, **table[cls](node)}

    return unstructure


def make_converter(*, detailed_validation: bool) -> Converter:
    """A new converter configured for briefmodel's canonical JSON."""
    from cattrs import Converter

    conv = Converter(detailed_validation=detailed_validation, forbid_extra_keys=True)
    configure_converter(conv)
    return conv


def __getattr__(name: str) -> Any:
    """:data:`converter` and :data:`explaining_converter`, each made when first used:
    making them (and importing cattrs) takes a quarter of a second's twentieth, which a
    program that reads only valid canonical JSON (the generated paths) never spends."""
    if name not in ("converter", "explaining_converter"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    made = make_converter(detailed_validation=name == "explaining_converter")
    globals()[name] = made
    return made


# --------------------------------------------------------------------------------------
# cattrs exceptions -> problems


def structuring_problems(error: BaseException) -> list[Problem]:
    """Every problem inside a cattrs exception (group), with its JSON Pointer."""
    return list(_flatten(error, ()))


def iter_structuring_problems(error: BaseException) -> Iterator[Problem]:
    """The same one at a time, for a caller that lists only the first (a single object
    may have a million unknown fields)."""
    return _flatten(error, ())


def _flatten(error: BaseException, path: tuple[str | int, ...]) -> Iterator[Problem]:
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    from ._explaining import NotExamined

    here = path
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            here = (*here, note.name)
        elif isinstance(note, IterableValidationNote):
            here = (*here, note.index)
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(
                severity="error",
                code="schema.additional-properties",
                message=f"unknown field {key!r}",
                path=pointer((*here, key)),
            )
    elif isinstance(error, (ClassValidationError, IterableValidationError)):
        for inner in error.exceptions:
            yield from _flatten(inner, here)
    elif isinstance(error, NotExamined):  # the explanation had seen enough
        return
    elif isinstance(error, (Invalid, ModelError)):
        # Both carry the path below the value that was being structured.
        yield Problem(
            severity="error",
            code=error.code,
            message=error.message,
            path=pointer((*here, *error.path)),
        )
    elif isinstance(error, KeyError):
        yield Problem(
            severity="error",
            code="schema.required",
            message=f"missing required field {error.args[0]!r}",
            path=pointer(here),
        )
    elif isinstance(error, RecursionError):
        yield Problem(
            severity="error",
            code="parse.too-deep",
            message="the document nests too deeply to be read",
            path=pointer(here),
        )
    else:
        yield Problem(
            severity="error",
            code="structure.invalid",
            message=str(error),
            path=pointer(here),
        )
