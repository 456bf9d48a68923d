"""The generated load and dump paths of canonical JSON.

Plain Python functions are written, once and when first needed, from the model's own
field declarations (types, shapes, ranges, vocabularies, defaults): one that builds each
node class from its JSON object without attrs' ``__init__`` (the object is allocated, its
checked values set in its slots), and one that writes each node class back. They accept
only what the general path (cattrs, :mod:`briefmodel._converter`) accepts, and build the
same brief; anything they are not sure of (an unknown field, a wrong type, a value out of
range, a document of an earlier model) is *doubt*, and the caller takes the general
path, whose error reports are the ones users see. Tests check that both paths agree on
every document, valid or not.

So a constraint of a field must be said where the generators read it: by its type (a
vocabulary's ``Literal``, a range of ints) or in its metadata (``shape``, ``range``,
``min_items``), as every field of the model does; a validator alone would be checked by
the model's ``__init__`` and cattrs, not here (the mutation tests would show it).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, Literal

import attrs

from . import _patterns
from . import model as m
from ._patterns import parse_datetime
from .model.frozen import MAX_NUMBER, holds_float, thaw

__all__ = ["Doubt", "builder", "writer"]


class Doubt(Exception):
    """What the generated path raises when it is not sure: the general path decides."""


_MISSING = object()
_UTC = timezone.utc
_EMPTY_MAP: m.FrozenMap[Any] = m.FrozenMap()


# --------------------------------------------------------------------------------------
# The values the generated builders call


def _moment(value: Any) -> datetime:
    if type(value) is not str:
        raise Doubt
    moment = parse_datetime(value)
    if not 1 < moment.year < 9999:
        moment.astimezone(_UTC)  # OverflowError beyond the years 1 to 9999 in UTC
    return moment


def _identifiers(value: Any) -> m.FrozenMap[str]:
    if type(value) is not dict:
        raise Doubt
    shape = _patterns.SCHEME_NAME.regex.match
    for key, item in value.items():
        if type(item) is not str or not item or shape(key) is None:
            raise Doubt
    return m.FrozenMap(value) if value else _EMPTY_MAP


def _extensions(value: Any) -> m.FrozenMap[m.JsonValue]:
    if type(value) is not dict:
        raise Doubt
    if not value:
        return _EMPTY_MAP
    shape = _patterns.EXTENSION_KEY.regex.match
    for key in value:
        if shape(key) is None:
            raise Doubt
    return m.FrozenMap({key: _frozen(item) for key, item in value.items()})


def _frozen(value: Any) -> m.JsonValue:
    """A JSON value as the model holds it; numbers within ±MAX_NUMBER, floats finite."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value  # type: ignore[no-any-return]
    if kind is int:
        if -MAX_NUMBER <= value <= MAX_NUMBER:
            return value  # type: ignore[no-any-return]
        raise Doubt
    if kind is float:
        # (False for NaN; and a float 0 may be a number too small for a double, which
        # the standard library refuses and orjson reads as 0)
        if -MAX_NUMBER <= value <= MAX_NUMBER and value:
            return value  # type: ignore[no-any-return]
        raise Doubt
    if kind is list:
        return tuple([_frozen(item) for item in value])
    if kind is dict:
        for key in value:
            if type(key) is not str:
                raise Doubt
        return m.FrozenMap({key: _frozen(item) for key, item in value.items()})
    raise Doubt


# --------------------------------------------------------------------------------------
# Writing the builders


def _kind(field: attrs.Attribute[Any]) -> tuple[str, Any]:
    """What a field holds, for the generators: ``("text", type)`` (a str or a vocabulary's
    Literal), ``("bool", …)``, ``("int", …)``, ``("datetime", …)``, ``("rich", …)``,
    ``("identifiers", …)``, ``("extensions", …)``, ``("node", class)``, ``("texts", item
    type)`` or ``("nodes", item type)`` (tuples). A type it does not know is an error of
    the model, raised when the paths are generated."""
    kind: Any = field.type
    if typing.get_origin(kind) in (typing.Union, type(int | None)) and kind != m.RichText:
        (kind,) = (a for a in typing.get_args(kind) if a is not type(None))
    origin = typing.get_origin(kind)
    if kind is str or origin is Literal:
        return "text", kind
    simple = {bool: "bool", int: "int", datetime: "datetime"}
    if kind in simple:
        return simple[kind], kind
    if kind == m.RichText:
        return "rich", kind
    if origin is m.FrozenMap:
        return ("identifiers" if typing.get_args(kind) == (str,) else "extensions"), kind
    if attrs.has(kind):
        return "node", kind
    if origin is tuple:
        (item,) = typing.get_args(kind)[:1]
        if item is str or typing.get_origin(item) is Literal:
            return "texts", item
        return "nodes", item
    raise TypeError(f"{field.name}: the generated paths do not know the type {kind!r}")


def _field_code(cls: type, field: attrs.Attribute[Any], ns: dict[str, Any]) -> list[str]:
    """The lines that check the JSON value ``v`` of ``field`` and set ``f_<name>``."""
    name = f"f_{field.name}"
    const = f"{cls.__name__}_{field.name}"  # (the constants of this field in ``ns``)
    shape = field.metadata.get("shape")
    what, kind = _kind(field)
    if what == "text":
        return [f"if {_string_test(kind, shape, const, ns)}: raise Doubt", f"{name} = v"]
    if what == "bool":
        return ["if type(v) is not bool: raise Doubt", f"{name} = v"]
    if what == "int":
        low, high = field.metadata["range"]
        return [f"if type(v) is not int or not {low} <= v <= {high}: raise Doubt", f"{name} = v"]
    if what == "rich":  # (a plain string, the common case, without a call)
        return [f"{name} = (v,) if type(v) is str and v else rich(v)"]
    if what in ("datetime", "identifiers", "extensions"):
        return [f"{name} = {'moment' if what == 'datetime' else what}(v)"]
    if what == "node":
        return [f"{name} = build_{kind.__name__}(v)"]
    if what == "texts":
        return [
            "if type(v) is not list: raise Doubt",
            "for v_ in v:",
            f"    if {_string_test(kind, shape, const, ns, 'v_')}: raise Doubt",
            f"{name} = tuple(v)",
        ]
    # A block is built by the builder of its tag (what is not an object with a known tag
    # fails the lookup, and so is doubt).
    each = 'blocks[i["type"]]' if kind == m.Block else f"build_{kind.__name__}"
    least = field.metadata.get("min_items", 0)
    return [
        f"if type(v) is not list{f' or len(v) < {least}' if least else ''}: raise Doubt",
        f"{name} = tuple([{each}(i) for i in v]) if v else ()",
    ]


def _string_test(kind: Any, shape: Any, const: str, ns: dict[str, Any], v: str = "v") -> str:
    """The test that a string value ``v`` is not one the field takes."""
    if typing.get_origin(kind) is Literal:
        ns[f"allowed_{const}"] = frozenset(typing.get_args(kind))
        return f"type({v}) is not str or {v} not in allowed_{const}"
    if shape is _patterns.LINE:  # (what its pattern says, without the regular expression)
        breaks = f"'\\n' in {v} or '\\r' in {v}"
        return f"type({v}) is not str or not {v} or {v}.isspace() or {breaks}"
    if shape is not None:
        ns[f"shape_{shape.name.replace('-', '_')}"] = shape.regex.match
        return f"type({v}) is not str or shape_{shape.name.replace('-', '_')}({v}) is None"
    return f"type({v}) is not str or not {v}"


def _default(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return _EMPTY_MAP  # (the one factory of the model: an empty map)
    return default


def _constant(cls: type, field: attrs.Attribute[Any], ns: dict[str, Any]) -> str:
    """The default of ``field`` as the generated code writes it: a literal where it is
    one (None, (), a number, a string), else a name in ``ns``."""
    default = _default(field)
    if default is None or default == () or type(default) in (bool, int, str):
        return repr(default)
    ns[f"default_{cls.__name__}_{field.name}"] = default
    return f"default_{cls.__name__}_{field.name}"


def _builder_source(cls: type, ns: dict[str, Any]) -> str:
    """The source of ``build_<Class>(d)``: the node of class ``cls`` from its JSON object
    (whose ``type`` tag, for a tagged node, the caller has read)."""
    from ._converter import BLOCK_TAGS, INLINE_TAGS, SCHEMA_ID

    tagged = cls in BLOCK_TAGS or cls in INLINE_TAGS
    # A list item given as an object is built here; as rich text, by list_item().
    function = "fields_ListItem" if cls is m.ListItem else f"build_{cls.__name__}"
    lines = [f"def {function}(d):", "    if type(d) is not dict: raise Doubt"]
    if cls is m.Brief:
        lines.append(f"    if d.get('schema') != {SCHEMA_ID!r}: raise Doubt")
    required = [f for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    # The keys the object must have (its tag or schema, its required fields), then one
    # more for each optional field it has: as many as it has keys, or it has others.
    lines.append(f"    n = {int(tagged or cls is m.Brief) + len(required)}")
    for field in attrs.fields(cls):
        name = f"f_{field.name}"
        if field in required:  # (a missing one is a KeyError: doubt)
            lines.append(f"    v = d[{field.name!r}]")
            lines.extend(f"    {line}" for line in _field_code(cls, field, ns))
            continue
        lines.append(f"    v = d.get({field.name!r}, MISSING)")
        lines.append("    if v is MISSING:")
        lines.append(f"        {name} = {_constant(cls, field, ns)}")
        lines.append("    else:")
        lines.append("        n += 1")
        lines.extend(f"        {line}" for line in _field_code(cls, field, ns))
    lines.append("    if n != len(d): raise Doubt")
    lines.append(f"    o = new({cls.__name__})")
    ns[cls.__name__] = cls
    for field in attrs.fields(cls):
        ns[f"set_{cls.__name__}_{field.name}"] = cls.__dict__[field.name].__set__
        lines.append(f"    set_{cls.__name__}_{field.name}(o, f_{field.name})")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    o.__attrs_post_init__()")
    lines.append("    return o")
    return "\n".join(lines) + "\n"


_BUILD: dict[str, Any] = {}  # the namespace of the generated builders, once written


def _rich_text(inline: dict[str, Callable[[Any], Any]]) -> Callable[[Any], m.RichText]:
    """Rich text from its JSON (a string, or a list of strings and inline nodes), as the
    model's converter leaves it: empty strings dropped, adjacent ones joined."""

    def rich(value: Any) -> m.RichText:
        if type(value) is str:
            return (value,) if value else ()
        if type(value) is not list:
            raise Doubt
        out: list[Any] = []
        for item in value:
            if type(item) is str:
                if not item:
                    continue
                if out and type(out[-1]) is str:
                    out[-1] += item
                    continue
                out.append(item)
            elif type(item) is dict:
                out.append(inline[item["type"]](item))
            else:
                raise Doubt
        return tuple(out)

    return rich


def _compile() -> dict[str, Any]:
    from ._converter import BLOCK_TAGS, INLINE_TAGS

    ns: dict[str, Any] = {
        "Doubt": Doubt,
        "MISSING": _MISSING,
        "new": object.__new__,
        "moment": _moment,
        "identifiers": _identifiers,
        "extensions": _extensions,
    }
    source = "".join(_builder_source(cls, ns) for cls in m.MODEL_TYPES)
    exec(compile(source, "<briefmodel: generated builders>", "exec"), ns)
    blocks = {tag: ns[f"build_{cls.__name__}"] for cls, tag in BLOCK_TAGS.items()}
    rich = _rich_text({tag: ns[f"build_{cls.__name__}"] for cls, tag in INLINE_TAGS.items()})
    fields_of_item = ns["fields_ListItem"]
    set_content = m.ListItem.__dict__["content"].__set__
    set_blocks = m.ListItem.__dict__["blocks"].__set__

    def list_item(value: Any) -> m.ListItem:
        if type(value) is dict:
            return fields_of_item(value)  # type: ignore[no-any-return]
        item = object.__new__(m.ListItem)
        set_content(item, (value,) if type(value) is str and value else rich(value))
        set_blocks(item, ())
        return item

    ns.update(rich=rich, blocks=blocks, build_ListItem=list_item)
    return ns


def builder() -> Callable[[Any], m.Brief]:
    """The generated function that builds a brief from canonical JSON data of this model,
    or raises (:class:`Doubt`, or any error) when the general path must decide."""
    if not _BUILD:
        _BUILD.update(_compile())
    return _BUILD["build_Brief"]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------------------
# Writing the writers


def _out_code(field: attrs.Attribute[Any]) -> str:
    """The expression of the JSON value of ``field`` (its value in ``v``)."""
    what, kind = _kind(field)
    if what == "nodes":
        each = "tagged[type(c)]" if kind == m.Block else f"write_{kind.__name__}"
        return f"[{each}(c) for c in v]"
    if what == "node":
        return f"write_{kind.__name__}(v)"
    return {
        "datetime": "v.isoformat()",
        "rich": "rich(v)",
        "identifiers": "dict(v._data)",
        "extensions": "thawed(v)",
        "texts": "list(v)",
    }.get(what, "v")


def _writer_source(cls: type, ns: dict[str, Any]) -> str:
    """The source of ``write_<Class>(o)``: the canonical JSON object of a node of class
    ``cls``, as :data:`briefmodel._converter.converter` writes it (fields at their default
    left out but those always written, a tagged node's ``type`` first)."""
    from ._converter import ALWAYS_WRITTEN, BLOCK_TAGS, INLINE_TAGS, SCHEMA_ID

    tag = BLOCK_TAGS.get(cls) or INLINE_TAGS.get(cls)
    function = "fields_out_ListItem" if cls is m.ListItem else f"write_{cls.__name__}"
    first = {"type": tag} if tag else {"schema": SCHEMA_ID} if cls is m.Brief else {}
    lines = [f"def {function}(o):", f"    d = {first!r}"]
    always = ALWAYS_WRITTEN.get(cls, ())
    # As cattrs writes them: the fields always written first, then the others, each group
    # in the order of the class.
    fields = attrs.fields(cls)
    first_ = [f for f in fields if f.default is attrs.NOTHING or f.name in always]
    for field in (*first_, *(f for f in fields if f not in first_)):
        value = _out_code(field)
        default = _default(field)
        lines.append(f"    v = o.{field.name}")
        if field in first_ and not (cls is m.Brief and field.name == "created"):
            lines.append(f"    d[{field.name!r}] = {value}")
            continue
        if default is None:
            test = "v is not None"
        elif default == () or default is _EMPTY_MAP:
            test = "v"
        else:
            ns[f"default_{cls.__name__}_{field.name}"] = default
            test = f"v != default_{cls.__name__}_{field.name}"
        lines.append(f"    if {test}: d[{field.name!r}] = {value}")
    lines.append("    return d")
    return "\n".join(lines) + "\n"


def _thawed(value: Any) -> Any:
    """A JSON value as the model holds it as plain data; a float is doubt, since the
    standard library and orjson write floats differently."""
    if holds_float(value):
        raise Doubt
    return thaw(value)


def _compile_writers() -> dict[str, Any]:
    from ._converter import BLOCK_TAGS, INLINE_TAGS

    ns: dict[str, Any] = {"thawed": _thawed}
    source = "".join(_writer_source(cls, ns) for cls in m.MODEL_TYPES)
    exec(compile(source, "<briefmodel: generated writers>", "exec"), ns)
    tagged = {cls: ns[f"write_{cls.__name__}"] for cls in {**BLOCK_TAGS, **INLINE_TAGS}}
    fields_of_item = ns["fields_out_ListItem"]

    def rich(value: m.RichText) -> Any:
        if not value:
            return ""
        if len(value) == 1 and type(value[0]) is str:
            return value[0]
        return [c if type(c) is str else tagged[type(c)](c) for c in value]

    def list_item(item: m.ListItem) -> Any:
        return fields_of_item(item) if item.blocks else rich(item.content)

    ns.update(rich=rich, tagged=tagged, write_ListItem=list_item)
    return ns


_WRITE: dict[str, Any] = {}  # the namespace of the generated writers, once written


def writer() -> Callable[[m.Brief], dict[str, Any]]:
    """The generated function that writes a brief's canonical JSON data, or raises
    :class:`Doubt` where the general path must (a float in its extensions)."""
    if not _WRITE:
        _WRITE.update(_compile_writers())
    return _WRITE["write_Brief"]  # type: ignore[no-any-return]
