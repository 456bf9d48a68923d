"""The JSON Schema (draft 2020-12) of canonical JSON, generated from the model.

The generated schema is checked in at ``schemas/brief.schema.json`` and shipped inside
the wheel; :func:`json_schema` loads the shipped copy with :mod:`importlib.resources`.
After changing the model, regenerate it with::

    python -m briefmodel._schema --write

A test fails when the checked-in file differs from what :func:`generate` returns.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union

import attrs

if TYPE_CHECKING:  # jsonschema is imported only to explain a document that fails
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError as SchemaError

from . import _patterns
from . import model as m
from ._converter import (
    ALWAYS_WRITTEN,
    BLOCK_TAGS,
    INLINE_TAGS,
    MODEL_VERSION,
    SCHEMA_ID,
    json_type_name,
)
from .errors import Problem, pointer

__all__ = [
    "SCHEMA_URI",
    "definition_name",
    "generate",
    "json_schema",
    "schema_problems",
    "schema_problems_found",
]

SCHEMA_URI = f"urn:briefmodel:schema:brief:{MODEL_VERSION}"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
RESOURCE = "brief.schema.json"


def definition_name(cls: type) -> str:
    """The ``$defs`` name of a model class: its name in kebab case."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _describe(cls: type) -> str:
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())


def _field_schema(field: attrs.Attribute[Any]) -> dict[str, Any]:
    type_ = field.type
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (Union, types.UnionType) and type(None) in args:
        (type_,) = (a for a in args if a is not type(None))
    meta = field.metadata
    return _type_schema(type_, meta)


def _type_schema(type_: Any, meta: typing.Mapping[str, Any]) -> dict[str, Any]:
    if type_ == m.RichText:
        return _ref("rich-text")
    if type_ == m.Block:
        return _ref("block")
    if type_ is str:
        shape = meta.get("shape")
        return _ref(shape.name) if shape else {"type": "string", "minLength": 1}
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is int:
        low, high = meta["range"]
        out: dict[str, Any] = {"type": "integer", "minimum": low}
        if high is not None:
            out["maximum"] = high
        return out
    if type_ is datetime:
        return _ref("datetime")
    if typing.get_origin(type_) is Literal:
        return {"type": "string", "enum": list(typing.get_args(type_))}
    if typing.get_origin(type_) is m.FrozenMap:
        (value,) = typing.get_args(type_)
        if value is str:
            return {
                "type": "object",
                "propertyNames": _ref(_patterns.SCHEME_NAME.name),
                "additionalProperties": {"type": "string", "minLength": 1},
            }
        return {
            "type": "object",
            "propertyNames": _ref(_patterns.EXTENSION_KEY.name),
            "additionalProperties": _ref("json-value"),
        }
    if typing.get_origin(type_) is tuple:
        (inner, _) = typing.get_args(type_)
        array: dict[str, Any] = {"type": "array", "items": _type_schema(inner, meta)}
        if meta.get("min_items"):
            array["minItems"] = meta["min_items"]
        return array
    if isinstance(type_, type) and attrs.has(type_):
        return _ref(definition_name(type_))
    raise TypeError(f"no JSON Schema for {type_!r}")  # pragma: no cover - a model change


def _class_schema(cls: type) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    tag = BLOCK_TAGS.get(cls) or INLINE_TAGS.get(cls)
    if tag:
        properties["type"] = {"const": tag}
        required.append("type")
    if cls is m.Brief:
        properties["schema"] = {"const": SCHEMA_ID}
        required.append("schema")
    for field in attrs.fields(cls):
        properties[field.name] = _field_schema(field)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "description": _describe(cls),
        "type": "object",
        "properties": properties,
    }
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    if cls is m.Subject:
        schema["anyOf"] = [{"required": ["code"]}, {"required": ["uri"]}]
    return schema


def _tagged_union(description: str, tags: dict[type, str]) -> dict[str, Any]:
    return {
        "description": description,
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(tags.values())}},
        "allOf": [
            {
                "if": {"properties": {"type": {"const": tag}}, "required": ["type"]},
                "then": _ref(definition_name(cls)),
            }
            for cls, tag in tags.items()
        ],
    }


def generate() -> dict[str, Any]:
    """Build the JSON Schema of canonical JSON from the model classes."""
    defs: dict[str, Any] = {}
    for cls in m.MODEL_TYPES:
        defs[definition_name(cls)] = _class_schema(cls)
    list_item = defs["list-item"]
    defs["list-item"] = {
        "description": list_item["description"]
        + " Written as its rich text alone when it holds no blocks.",
        "if": {"type": "object"},
        "then": {k: v for k, v in list_item.items() if k != "description"},
        "else": _ref("rich-text"),
    }
    defs["block"] = _tagged_union("A block of a section or list item, tagged by type.", BLOCK_TAGS)
    defs["inline"] = _tagged_union("An inline node of rich text, tagged by type.", INLINE_TAGS)
    defs["rich-text"] = {
        "description": "Rich text: a string, or an array of strings and inline nodes.",
        "if": {"type": "string"},
        "else": {
            "type": "array",
            "items": {"if": {"type": "string"}, "else": _ref("inline")},
        },
    }
    for shape in _patterns.SHAPES:
        defs[shape.name] = {
            "description": shape.description[0].upper() + shape.description[1:] + ".",
            "type": "string",
            "pattern": shape.pattern,
        }
    defs["datetime"]["format"] = "date-time"
    defs["json-value"] = {
        "description": f"Any JSON value, every number in it within ±{m.MAX_NUMBER} (2^53 - 1), "
        "where JSON readers stop agreeing.",
        "if": {"type": "number"},
        "then": {"minimum": -m.MAX_NUMBER, "maximum": m.MAX_NUMBER},
        "else": {
            "if": {"type": "array"},
            "then": {"items": _ref("json-value")},
            "else": {"additionalProperties": _ref("json-value")},
        },
    }
    written = {  # (a field whose default is None is left out when None all the same)
        f"{definition_name(c)}.{n}"
        for c, names in ALWAYS_WRITTEN.items()
        for n in names
        if attrs.fields_dict(c)[n].default is not None
    }
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_URI,
        "title": "briefmodel brief",
        "description": (
            f"The canonical JSON form of a briefmodel brief (schema {SCHEMA_ID}). Fields "
            "that are absent take their defaults; writers leave out empty and default "
            f"values except {', '.join(sorted(written))}."
        ),
        "$ref": "#/$defs/brief",
        "$defs": dict(sorted(defs.items())),
    }


def render(schema: dict[str, Any]) -> str:
    """The schema as the text of the checked-in file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    text = resources.files("briefmodel").joinpath("schemas").joinpath(RESOURCE).read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of canonical JSON, as shipped in the package (a fresh copy).

    >>> import briefmodel as bm
    >>> bm.json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return copy.deepcopy(_shipped())


# --------------------------------------------------------------------------------------
# Checking data against the schema, with problems a person understands


@functools.lru_cache(maxsize=1)
def _validator() -> tuple[Draft202012Validator, dict[int, tuple[str, str, str]]]:
    from jsonschema import Draft202012Validator

    schema = json_schema()
    validator = Draft202012Validator(schema)
    defs = schema["$defs"]
    # Failures inside these definitions get the definition's own code and wording.
    named: dict[int, tuple[str, str, str]] = {
        id(defs[shape.name]): (shape.code, shape.description, "pattern")
        for shape in _patterns.SHAPES
    }
    named[id(defs["rich-text"]["else"])] = (
        "schema.type",
        "rich text: a string, or an array of strings and inline nodes",
        "type",
    )
    for union, what in (("block", "a known block type"), ("inline", "a known inline type")):
        named[id(defs[union]["properties"]["type"])] = ("node.unknown-type", what, "enum")
    named[id(defs["subject"])] = ("subject.unidentified", "a subject with a code or a uri", "anyOf")
    return validator, named


_KEBAB = {
    "additionalProperties": "additional-properties",
    "minItems": "min-items",
    "minLength": "min-length",
    "anyOf": "any-of",
    "propertyNames": "property-names",
}


_EXPECTED = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "an array",
    "object": "an object",
}


def _problem(
    error: SchemaError, named: dict[int, tuple[str, str, str]], schema_defs: dict[str, Any]
) -> Iterable[Problem]:
    path = list(error.absolute_path)
    keyword = str(error.validator)
    schema: Any = error.schema
    expected: Any = error.validator_value
    instance: Any = error.instance
    if "propertyNames" in error.absolute_schema_path:
        path.append(instance)
    got = json_type_name(instance)
    if keyword == "required":
        for name in expected:
            if isinstance(instance, dict) and name not in instance:
                if name == "schema":
                    code, message = "schema.version", f'missing "schema": "{SCHEMA_ID}"'
                else:
                    code, message = "schema.required", f"missing required field {name!r}"
                yield Problem(
                    severity="error", code=code, message=message, path=pointer([*path, name])
                )
        return
    if keyword == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        for name in instance:
            if name not in allowed:
                yield Problem(
                    severity="error",
                    code="schema.additional-properties",
                    message=f"unknown field {name!r}",
                    path=pointer([*path, name]),
                )
        return
    if instance is None and keyword == "type":
        code, message = "schema.type", "null is not allowed here; leave the field out"
    elif keyword == "pattern" and schema is schema_defs["datetime"]:
        code, message = _patterns.datetime_problem(instance)
    elif named.get(id(schema), ("", "", ""))[2] == keyword:
        code, description, _ = named[id(schema)]
        shown = repr(instance)[:80] if isinstance(instance, str) else got
        message = f"{shown} is not {description}"
        if code == "subject.unidentified":
            message = "the subject has neither a code nor a uri: give it one or both"
    elif keyword == "const" and path == ["schema"]:
        code, message = "schema.version", f'expected "{SCHEMA_ID}", got {instance!r}'
    elif keyword == "type":
        code = "schema.type"
        message = f"expected {_EXPECTED.get(expected, expected)}, got {got}"
    elif keyword == "enum":
        code = "schema.enum"
        message = f"{instance!r} is not one of {', '.join(map(str, expected))}"
    elif keyword == "minItems":
        code, message = "schema.min-items", "needs at least one item"
    elif keyword == "minLength":
        code, message = "schema.min-length", "must not be empty"
    else:
        code = f"schema.{_KEBAB.get(keyword, keyword)}"
        message = error.message
    yield Problem(severity="error", code=code, message=message, path=pointer(path))


def schema_problems(data: Any) -> list[Problem]:
    """Every problem the JSON Schema finds in ``data``, in document order."""
    return schema_problems_found(data)[0]


def schema_problems_found(data: Any, *, limit: int | None = None) -> tuple[list[Problem], bool]:
    """The problems the JSON Schema finds in ``data``, in document order, and whether
    they are all of them: with ``limit``, the validator stops after that many.

    Inside an explanation (:func:`briefmodel._explaining.explaining`) the validator
    looks only at what failed to structure: a model object that structured is valid,
    and so are the items of an array that did.
    """
    from . import _explaining

    validator, named = _validator()
    if _explaining.CURRENT.get() is not None:
        validator = _pruning()
    defs: dict[str, Any] = validator.schema["$defs"]  # type: ignore[index]
    found = (p for error in validator.iter_errors(data) for p in _problem(error, named, defs))
    if limit is None:
        problems, complete = list(found), True
    else:
        problems = list(itertools.islice(found, limit + 1))
        complete = len(problems) <= limit
    unique = {(p.path, p.code, p.message): p for p in problems[:limit]}
    return sorted(unique.values(), key=lambda p: order_of_pointer(p.path)), complete


@functools.lru_cache(maxsize=1)
def _pruning() -> Draft202012Validator:
    """The validator, made to pass over the objects and arrays that structured, and to
    check the items of an array that did not with a plain test where the items' schema
    is simple (a string, a pattern, a model object), descending only into those that
    fail it."""
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError as SchemaError

    from . import _explaining

    keywords = Draft202012Validator.VALIDATORS
    ref_keyword, items_keyword = keywords["$ref"], keywords["items"]
    additional_keyword = keywords["additionalProperties"]
    schema = _validator()[0].schema
    defs: dict[str, Any] = schema["$defs"]  # type: ignore[index]
    # The definitions that the converter's hooks for model objects stand for.
    objects = {"#/$defs/" + definition_name(cls) for cls in m.MODEL_TYPES}
    objects |= {"#/$defs/block", "#/$defs/inline"}
    tests: dict[int, Callable[[Any, set[int]], bool] | None] = {}

    def ref(checker: Any, ref: str, instance: Any, schema: Any) -> Iterator[SchemaError]:
        state = _explaining.CURRENT.get()
        structured = type(instance) is dict and ref in objects
        if state is None or not structured or id(instance) in state.failed:
            yield from ref_keyword(checker, ref, instance, schema)

    def items(checker: Any, items: Any, instance: Any, schema: Any) -> Iterator[SchemaError]:
        state = _explaining.CURRENT.get()
        if state is None or type(instance) is not list or "prefixItems" in schema:
            yield from items_keyword(checker, items, instance, schema)
            return
        if id(items) not in tests:
            tests[id(items)] = _plain_test(items, defs, objects)
        passes = tests[id(items)]
        if passes is None:  # not an array of the model's (the values of extensions)
            yield from items_keyword(checker, items, instance, schema)
            return
        if id(instance) not in state.failed:
            return
        failed = state.failed
        for index, item in enumerate(instance):
            if not passes(item, failed):
                yield from checker.descend(item, items, path=index)

    def additional(checker: Any, extra: Any, instance: Any, schema: Any) -> Iterator[SchemaError]:
        # The same error without its message, which names every unknown field in order
        # (the problems name them one by one, and only the first few are wanted).
        if extra is not False or type(instance) is not dict or "patternProperties" in schema:
            yield from additional_keyword(checker, extra, instance, schema)
        elif any(name not in schema.get("properties", ()) for name in instance):
            yield SchemaError("unknown fields")

    pruning = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"$ref": ref, "items": items, "additionalProperties": additional}
    )
    return pruning(schema)  # type: ignore[no-any-return]


def _plain_test(
    items: Any, defs: dict[str, Any], objects: set[str]
) -> Callable[[Any, set[int]], bool] | None:
    """A test that an item passes only if it is valid against ``items`` (given the ids
    of the values that failed to structure), for the items' schemas of the model; None
    for any other."""
    if items == {"type": "string", "minLength": 1}:
        return lambda item, _: type(item) is str and item != ""
    ref = items.get("$ref") if len(items) == 1 else None
    if ref == "#/$defs/list-item":  # rich text (a string, an array) or an object
        return lambda item, failed: type(item) in (dict, list, str) and id(item) not in failed
    if ref in objects:
        return lambda item, failed: type(item) is dict and id(item) not in failed
    if ref is not None and ref.startswith("#/$defs/"):
        shape = defs.get(ref[len("#/$defs/") :], {})
        if set(shape) == {"description", "type", "pattern"} and shape["type"] == "string":
            search = re.compile(shape["pattern"]).search
            return lambda item, _: type(item) is str and search(item) is not None
    if items == {"if": {"type": "string"}, "else": {"$ref": "#/$defs/inline"}}:
        return lambda item, failed: (
            type(item) is str or (type(item) is dict and id(item) not in failed)
        )
    return None


def order_of_pointer(path: str) -> list[tuple[int, Any]]:
    """The sort key that puts JSON Pointers in document order (indexes by number)."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in path.split("/")[1:]]


def main(argv: list[str] | None = None) -> int:
    """Print the generated schema, or with ``--write`` update the checked-in file."""
    args = sys.argv[1:] if argv is None else argv
    text = render(generate())
    if args == ["--write"]:
        target = Path(__file__).parent / "schemas" / RESOURCE
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
