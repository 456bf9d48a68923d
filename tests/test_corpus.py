"""The conformance corpus, and hostile input generated on the fly.

``tests/corpus/should_pass`` holds briefs that must validate; together they set every
field of every model class and use every value of every enumeration (checked below, not
just claimed). ``tests/corpus/should_fail`` holds documents with one defect each;
``expected.json`` beside them names the problem each must produce (its code, its JSON
Pointer, and for text problems its line), whether the JSON Schema alone can see the
defect (``"schema": true``) and, where the library is known to disagree with the
expectation, why (``"xfail"``). The expectations were decided from the model's intent,
not read off the library's output.

Hostile inputs (huge, deep, malformed) are built in the tests; each must give a report
that is not ok and an error that is a :class:`briefmodel.BriefmodelError`. Timings are
printed (run with ``-s``); none is asserted (a loaded machine would fail a wall-clock
bound at random), only the guard of ``tests/_hang.py`` that catches a hang.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import time
import typing
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest

import briefmodel as bm
from briefmodel import model as m
from briefmodel.migrations import model_version
from briefmodel.rules import CODES, RULE_LIST

from ._hang import HANG_SECONDS, guarded
from ._tools import check_jsonschema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
PASS_DIR = CORPUS / "should_pass"
FAIL_DIR = CORPUS / "should_fail"
SCHEMA_FILE = ROOT / "schemas" / "brief.schema.json"
MODEL_1_SCHEMA_FILE = ROOT / "schemas" / "brief-1.schema.json"
MANIFEST: dict[str, dict[str, Any]] = json.loads(
    (FAIL_DIR / "expected.json").read_text(encoding="utf-8")
)
PASS_FILES = sorted(PASS_DIR.glob("*.json"))
FAIL_FILES = sorted(p for p in FAIL_DIR.glob("*.json") if p.name != "expected.json")

#: The warnings each should_pass file is meant to produce (code, path); none elsewhere.
EXPECTED_WARNINGS: dict[str, set[tuple[str, str]]] = {
    "empty-parts-warn.json": {
        ("section.empty", "/sections/1"),
        ("list.empty", "/sections/2/blocks/0"),
        ("block.empty", "/sections/2/blocks/1"),
    },
    # A typo of a recommended role is a warning; a role of the author's own is not.
    "role-typo-warn.json": {("role.unknown", "/sections/0/role")},
    "tables.json": {
        ("table.empty", "/sections/1/blocks/0"),
        ("table.header-empty", "/sections/1/blocks/1/body/0/cells/0/content"),
    },
}


def _params(files: list[Path]) -> list[Any]:
    params = []
    for path in files:
        reason = MANIFEST.get(path.name, {}).get("xfail")
        marks = [pytest.mark.xfail(reason=f"library disagrees: {reason}", strict=True)]
        params.append(pytest.param(path, id=path.name, marks=marks if reason else []))
    return params


def _matches(problem: bm.Problem, expected: dict[str, Any]) -> bool:
    """Whether ``problem`` is the one ``expected`` describes.

    A ``null`` path means the problem is about the text, not a value in it (the
    document could not be read), so the problem's pointer must be empty.
    """
    path = "" if expected["path"] is None else expected["path"]
    return (
        problem.code == expected["code"]
        and problem.path == path
        and ("line" not in expected or problem.line == expected["line"])
    )


def _shown(problems: Any) -> list[str]:
    return [str(p) for p in problems]


# --------------------------------------------------------------------------------------
# should_fail


def test_manifest_lists_every_file_and_nothing_else() -> None:
    assert {p.name for p in FAIL_FILES} == set(MANIFEST)
    assert len(FAIL_FILES) >= 40


def test_manifest_entries_are_well_formed() -> None:
    for name, entry in MANIFEST.items():
        assert entry["code"] in CODES, f"{name}: {entry['code']} is not a documented code"
        assert entry["path"] in (None, "") or entry["path"].startswith("/"), (name, entry)
        assert isinstance(entry["schema"], bool), name
        assert isinstance(entry.get("line", 1), int), name
        assert set(entry) <= {"code", "path", "line", "schema", "note", "xfail"}, name
        if entry["schema"]:
            # only a document that parses can be shown to a JSON Schema validator
            assert not entry["code"].startswith("parse."), name


@pytest.mark.parametrize("path", _params(FAIL_FILES))
def test_should_fail_reports_the_expected_problem(path: Path) -> None:
    expected = MANIFEST[path.name]
    report = bm.validate(path)
    assert not report.ok, f"{path.name} validated"
    assert any(_matches(p, expected) for p in report.errors), (
        f"{path.name}: expected {expected}, got {_shown(report.problems)}"
    )
    unknown = [p.code for p in report.problems if p.code not in CODES]
    assert not unknown, f"undocumented problem codes {unknown}"


@pytest.mark.parametrize("path", _params(FAIL_FILES))
def test_should_fail_load_raises_a_briefmodel_error(path: Path) -> None:
    expected = MANIFEST[path.name]
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.load(path)
    assert type(caught.value) in (bm.ParseError, bm.ValidationError), type(caught.value)
    problems = caught.value.problems  # type: ignore[attr-defined]
    assert any(_matches(p, expected) for p in problems), (
        f"{path.name}: expected {expected}, got {_shown(problems)}"
    )


def test_every_semantic_rule_has_a_case() -> None:
    errors = {rule.code for rule in RULE_LIST if rule.severity == "error"}
    warnings = {rule.code for rule in RULE_LIST if rule.severity == "warning"}
    assert errors <= {entry["code"] for entry in MANIFEST.values()}
    # warnings leave a document valid, so their cases live in should_pass
    assert warnings <= {code for found in EXPECTED_WARNINGS.values() for code, _ in found}


def _tagged(value: Any, tags: dict[type, str]) -> type | None:
    if isinstance(value, dict):
        for cls, tag in tags.items():
            if value.get("type") == tag:
                return cls
    return None


# The type tags of MODEL.md, written out here so the test does not trust the converter's table.
_BLOCK_TAGS = {
    m.Paragraph: "paragraph",
    m.ItemList: "item-list",
    m.Quote: "quote",
    m.Judgment: "judgment",
    m.Figure: "figure",
    m.Table: "table",
}
_INLINE_TAGS = {
    m.Emphasis: "emphasis",
    m.Strong: "strong",
    m.Code: "code",
    m.LineBreak: "line-break",
    m.Link: "link",
    m.Mention: "mention",
    m.Citation: "citation",
}
_LISTS = {
    "authors": m.Agent,
    "entities": m.Entity,
    "subjects": m.Subject,
    "sources": m.Source,
    "related": m.Related,
    "corrections": m.Correction,
}


def _class_at(doc: Any, parts: list[str]) -> type | str:
    """The model class of the JSON node at ``parts``, told by its place and type tag.

    Untagged blocks and inline nodes come back as ``"block"`` and ``"inline"``.
    """
    node, cls = doc, m.Brief
    for index, part in enumerate(parts):
        node = node[int(part)] if isinstance(node, list) else node[part]
        parent = parts[index - 1] if index else ""
        if isinstance(node, list):
            continue
        if parent in _LISTS:
            cls = _LISTS[parent]
        elif part == "publisher":
            cls = m.Agent
        elif part == "rights":
            cls = m.Rights
        elif parent == "sections":
            cls = m.Section
        elif parent == "blocks":
            cls = _tagged(node, _BLOCK_TAGS) or "block"  # type: ignore[assignment]
        elif parent == "items":
            cls = m.ListItem
        elif parent in ("head", "body", "foot"):
            cls = m.TableRow
        elif parent == "cells":
            cls = m.TableCell
        elif parent in ("content", "statement", "caption"):
            cls = _tagged(node, _INLINE_TAGS) or "inline"  # type: ignore[assignment]
    return cls


def _required_fields() -> set[tuple[str, str]]:
    required = {("Brief", "schema"), ("block", "type"), ("inline", "type")}
    for cls in m.MODEL_TYPES:
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING:
                required.add((cls.__name__, field.name))
    return required


def test_every_required_field_of_every_class_is_missing_once() -> None:
    covered: set[tuple[str, str]] = set()
    for name, entry in MANIFEST.items():
        if entry["code"] not in ("schema.required", "schema.version", "subject.unidentified"):
            continue
        doc = json.loads((FAIL_DIR / name).read_text(encoding="utf-8"))
        *parent, field = [
            p.replace("~1", "/").replace("~0", "~") for p in entry["path"][1:].split("/")
        ]
        if entry["code"] == "subject.unidentified":
            parent, field = [*parent, field], "code"  # a subject needs a code (or a uri)
        cls = _class_at(doc, parent)
        covered.add((cls if isinstance(cls, str) else cls.__name__, field))
    assert _required_fields() <= covered, sorted(_required_fields() - covered)


def test_every_enumeration_has_a_bad_value() -> None:
    enums = {
        (cls.__name__, field.name)
        for cls in m.MODEL_TYPES
        for field in attrs.fields(cls)
        if _literal_values(field.type)
    }
    covered = set()
    for name, entry in MANIFEST.items():
        if entry["code"] == "schema.enum":
            doc = json.loads((FAIL_DIR / name).read_text(encoding="utf-8"))
            *parent, field = entry["path"][1:].split("/")
            if field.isdigit():  # an element of a tuple of values: that field's
                *parent, field = parent
            cls = _class_at(doc, parent)
            covered.add((cls if isinstance(cls, str) else cls.__name__, field))
    assert enums <= covered, sorted(enums - covered)


def test_check_jsonschema_rejects_the_schema_level_defects(tmp_path: Path) -> None:
    # The cases are model-1 documents: the model-1 schema rejects each as it is, and the
    # current schema each as briefmodel upgrades it (so that neither passes for its stamp).
    files = [FAIL_DIR / name for name, entry in sorted(MANIFEST.items()) if entry["schema"]]
    found = _check_jsonschema(files, MODEL_1_SCHEMA_FILE)
    accepted = [path.name for path in files if not found[path.name]]
    assert not accepted, f"check-jsonschema accepted {accepted} (model-1 schema)"
    upgraded = []
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        if model_version(data) == 1:
            upgraded.append(tmp_path / path.name)
            upgraded[-1].write_text(json.dumps(bm.migrate(data)), "utf-8")
    assert len(upgraded) > 100
    found = _check_jsonschema(upgraded)
    accepted = [path.name for path in upgraded if not found[path.name]]
    assert not accepted, f"check-jsonschema accepted {accepted} (upgraded, current schema)"


# --------------------------------------------------------------------------------------
# should_pass


def test_there_are_enough_passing_briefs() -> None:
    assert len(PASS_FILES) >= 10
    assert set(EXPECTED_WARNINGS) <= {p.name for p in PASS_FILES}


@pytest.mark.parametrize("path", PASS_FILES, ids=lambda p: p.name)
def test_should_pass_validates(path: Path) -> None:
    report = bm.validate(path)
    assert report.ok, _shown(report.problems)
    found = {(p.code, p.path) for p in report.warnings}
    assert found == EXPECTED_WARNINGS.get(path.name, set()), _shown(report.warnings)
    brief = bm.load(path)
    assert brief == report.brief
    assert bm.loads(bm.dumps(brief)) == brief
    assert bm.loads(bm.dumps(brief, indent=2)) == brief


def test_check_jsonschema_accepts_every_passing_brief() -> None:
    rejected = {name: errors for name, errors in _check_jsonschema(PASS_FILES).items() if errors}
    assert not rejected, rejected


def _walk(node: Any) -> Iterator[Any]:
    """Every model object under ``node`` (itself included), by attrs fields alone."""
    stack = [node]
    while stack:
        item = stack.pop()
        if attrs.has(type(item)):
            yield item
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
        elif type(item) is tuple:
            stack.extend(item)


def _literal_values(annotation: Any) -> tuple[Any, ...]:
    """The values of a ``Literal`` annotation (or of an optional one); ``()`` otherwise."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    return tuple(v for arg in typing.get_args(annotation) for v in _literal_values(arg))


def _is_default(field: attrs.Attribute[Any], value: Any) -> bool:
    if field.default is attrs.NOTHING:
        return False
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return bool(value == field.default.factory())
    return bool(value == field.default)


@pytest.fixture(scope="module")
def passing() -> list[bm.Brief]:
    return [bm.load(path) for path in PASS_FILES]


def test_passing_briefs_set_every_field_of_every_class(passing: list[bm.Brief]) -> None:
    seen: dict[type, list[Any]] = {}
    for brief in passing:
        for node in _walk(brief):
            seen.setdefault(type(node), []).append(node)
    missing_classes = [cls.__name__ for cls in m.MODEL_TYPES if cls not in seen]
    assert not missing_classes, f"never used: {missing_classes}"
    unset = [
        f"{cls.__name__}.{field.name}"
        for cls in m.MODEL_TYPES
        for field in attrs.fields(cls)
        if all(_is_default(field, getattr(node, field.name)) for node in seen[cls])
    ]
    assert not unset, f"never set to a non-default value: {unset}"


def test_passing_briefs_use_every_enumerated_value(passing: list[bm.Brief]) -> None:
    used: dict[str, set[Any]] = {}
    wanted: dict[str, set[Any]] = {}
    for brief in passing:
        for node in _walk(brief):
            for field in attrs.fields(type(node)):
                values = _literal_values(field.type)
                if values:
                    key = f"{type(node).__name__}.{field.name}"
                    wanted[key] = set(values)
                    value = getattr(node, field.name)
                    used.setdefault(key, set()).update(value if type(value) is tuple else (value,))
    assert {"Brief.status", "Judgment.confidence", "Judgment.likelihood", "Entity.kind"} <= set(
        wanted
    )
    assert {"Correction.signal", "Source.reliability"} <= set(wanted)
    missing = {key: sorted(wanted[key] - used[key]) for key in wanted if wanted[key] - used[key]}
    assert not missing, f"values never used: {missing}"
    credibility = {s.credibility for b in passing for s in b.sources}
    assert set(range(1, 7)) <= credibility, (
        f"credibility grades used: {sorted(credibility, key=str)}"
    )


def test_passing_briefs_nest_sections_lists_and_json(passing: list[bm.Brief]) -> None:
    nodes = [node for brief in passing for node in _walk(brief)]
    assert any(type(n) is m.Section and any(s.sections for s in n.sections) for n in nodes)
    lists_in_items = [
        block
        for n in nodes
        if type(n) is m.ListItem
        for block in n.blocks
        if type(block) is m.ItemList
    ]
    assert any(any(item.blocks for item in inner.items) for inner in lists_in_items)
    inline_in_inline = [
        n
        for n in nodes
        if type(n) in (m.Emphasis, m.Strong, m.Link, m.Mention)
        and any(type(child) is not str for child in n.content)
    ]
    assert len({type(n) for n in inline_in_inline}) >= 3
    values = [v for brief in passing for v in brief.extensions.values()]
    assert any(type(v) is m.FrozenMap and any(type(x) is tuple for x in v.values()) for v in values)


# --------------------------------------------------------------------------------------
# check-jsonschema


def _check_jsonschema(files: list[Path], schema: Path = SCHEMA_FILE) -> dict[str, list[str]]:
    """Run check-jsonschema once over ``files`` with ``schema`` (the current one by
    default); the schema errors of each file by name."""
    run = subprocess.run(
        [
            check_jsonschema(),
            "--schemafile",
            str(schema),
            "--output-format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        result = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"check-jsonschema failed to run: {run.stderr[-2000:]}")
    found: dict[str, list[str]] = {path.name: [] for path in files}
    for error in [*result.get("errors", ()), *result.get("parse_errors", ())]:
        found[Path(error["filename"]).name].append(error.get("message", "not readable"))
    assert (run.returncode == 0) == (not any(found.values())), run.stderr[-2000:]
    return found


# --------------------------------------------------------------------------------------
# Hostile input

_BASE: dict[str, Any] = {
    "schema": "briefmodel/2",
    "id": "urn:example:hostile",
    "headline": "Hostile Input",
    "created": "2026-03-02T09:00:00+01:00",
    "sections": [{"blocks": [{"type": "paragraph", "content": "Plain text."}]}],
}
_DEEP = 100_000


def _doc(**fields: Any) -> str:
    return json.dumps({**_BASE, **fields}, ensure_ascii=False)


def _with_raw(key: str, raw: str) -> str:
    """The base document with ``"key": raw`` spliced in as raw JSON text."""
    return _doc()[:-1] + f', "{key}": {raw}}}'


HOSTILE: dict[str, Callable[[], str | bytes]] = {
    "deep-arrays": lambda: "[" * _DEEP + "]" * _DEEP,
    "deep-arrays-unclosed": lambda: "[" * _DEEP,
    "deep-objects": lambda: '{"a":' * _DEEP + "1" + "}" * _DEEP,
    "deep-objects-in-extensions": lambda: _with_raw(
        "extensions", '{"acme:x": ' + '{"a":' * _DEEP + "1" + "}" * _DEEP + "}"
    ),
    "headline-50MB-and-no-id": lambda: json.dumps(
        {**{k: v for k, v in _BASE.items() if k != "id"}, "headline": "x" * 50_000_000}
    ),
    "headline-50MB-with-a-nul": lambda: _doc(headline="x" * 50_000_000 + "\x00"),
    "paragraph-50MB-with-a-lone-surrogate": lambda: _doc(
        sections=[{"blocks": [{"type": "paragraph", "content": "y" * 50_000_000 + "\ud800"}]}]
    ),
    "nan": lambda: _with_raw("urgency", "NaN"),
    "infinity": lambda: _with_raw("urgency", "Infinity"),
    "minus-infinity": lambda: _with_raw("urgency", "-Infinity"),
    "1e999": lambda: _with_raw("urgency", "1e999"),
    "integer-5000-digits": lambda: _with_raw("urgency", "7" * 5000),
    "duplicate-key-root": lambda: _with_raw("headline", '"Again"'),
    "duplicate-key-nested": lambda: _doc().replace(
        '"type": "paragraph"', '"type": "paragraph", "type": "quote"'
    ),
    "wrong-type-root-number": lambda: "42",
    "wrong-type-sections": lambda: _doc(sections="none"),
    "wrong-type-block": lambda: _doc(sections=[{"blocks": [["paragraph"]]}]),
    "wrong-type-inline": lambda: _doc(
        sections=[{"blocks": [{"type": "paragraph", "content": ["a", False]}]}]
    ),
    "wrong-type-entity": lambda: _doc(entities=["p1"]),
    "wrong-type-source": lambda: _doc(sources=[{"id": "s1", "title": 7}]),
    "unknown-field-root": lambda: _doc(body="text"),
    "unknown-field-inline": lambda: _doc(
        sections=[{"blocks": [{"type": "paragraph", "content": [{"type": "line-break", "x": 1}]}]}]
    ),
    "lone-surrogate-escaped": lambda: _doc().replace("Hostile Input", "Hostile \\udfff Input"),
    "lone-surrogate-as-cesu-bytes": lambda: _doc(headline="Hostile \ud800 Input").encode(
        "utf-8", "surrogatepass"
    ),
    "control-characters": lambda: _doc(
        headline="x" + "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
    ),
    "non-utf8-bytes": lambda: _doc(headline="Caf\u00e9").encode("latin-1"),
    "invalid-utf8-continuation": lambda: b'{"schema": "briefmodel/2", "id": "\x80\xbf"}',
    "empty": lambda: "",
    "empty-bytes": lambda: b"",
    "only-whitespace": lambda: " \n\t ",
    "null": lambda: "null",
    "bare-array": lambda: "[]",
    "utf-16-with-bom": lambda: _doc().encode("utf-16"),
    "utf-16-big-endian-without-bom": lambda: _doc().encode("utf-16-be"),
    "utf-32": lambda: _doc().encode("utf-32"),
    "nul-bytes": lambda: b"\x00" * 1024,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_without_hanging(name: str) -> None:
    data = HOSTILE[name]()
    start = time.perf_counter()
    validated = guarded(lambda: bm.validate(data), f"validating {name}")
    middle = time.perf_counter()
    loaded = guarded(lambda: bm.loads(data), f"loading {name}")
    end = time.perf_counter()
    print(f"\nhostile {name}: validate {middle - start:.3f} s, loads {end - middle:.3f} s")
    assert validated.error is None, f"validate raised {validated.error!r}"[:500]
    report = validated.value
    assert not report.ok
    assert type(loaded.error) in (bm.ParseError, bm.ValidationError), repr(loaded.error)[:500]
    unknown = [p.code for p in report.problems if p.code not in CODES]
    assert not unknown, f"undocumented problem codes {unknown}"


# What a user should be told about some of the hostile inputs, where it is not obvious.
_HOSTILE_EXPECTED = {
    "nan": ("parse.non-finite-number", "/urgency"),
    "infinity": ("parse.non-finite-number", "/urgency"),
    "minus-infinity": ("parse.non-finite-number", "/urgency"),
    "1e999": ("parse.non-finite-number", "/urgency"),
    "integer-5000-digits": ("parse.too-large", ""),
    "duplicate-key-root": ("parse.duplicate-key", "/headline"),
    "duplicate-key-nested": ("parse.duplicate-key", "/sections/0/blocks/0/type"),
    "deep-objects": ("parse.too-deep", ""),
    "deep-objects-in-extensions": ("parse.too-deep", ""),
    "headline-50MB-and-no-id": ("schema.required", "/id"),
    "headline-50MB-with-a-nul": ("text.not-xml-char", "/headline"),
    "paragraph-50MB-with-a-lone-surrogate": ("text.not-xml-char", "/sections/0/blocks/0/content"),
    "wrong-type-sections": ("schema.type", "/sections"),
    "wrong-type-block": ("schema.type", "/sections/0/blocks/0"),
    "wrong-type-inline": ("schema.type", "/sections/0/blocks/0/content/1"),
    "wrong-type-entity": ("schema.type", "/entities/0"),
    "wrong-type-source": ("schema.type", "/sources/0/title"),
    "unknown-field-root": ("schema.additional-properties", "/body"),
    "unknown-field-inline": ("schema.additional-properties", "/sections/0/blocks/0/content/0/x"),
    "lone-surrogate-escaped": ("text.not-xml-char", "/headline"),
    "lone-surrogate-as-cesu-bytes": ("parse.encoding", ""),
    "control-characters": ("text.not-xml-char", "/headline"),
    "non-utf8-bytes": ("parse.encoding", ""),
    "invalid-utf8-continuation": ("parse.encoding", ""),
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_EXPECTED))
def test_hostile_input_is_explained(name: str) -> None:
    code, path = _HOSTILE_EXPECTED[name]
    report = bm.validate(HOSTILE[name](), "json")
    assert any(p.code == code and p.path == path for p in report.errors), _shown(report.problems)


def test_long_headline_with_a_line_break_is_refused_without_hanging() -> None:
    script = (
        "import json, briefmodel as bm\n"
        f"doc = json.loads({_doc()!r})\n"
        "doc['headline'] = 'x' * 50_000_000 + '\\r'\n"
        "report = bm.validate(json.dumps(doc))\n"
        "assert not report.ok and report.errors[0].path == '/headline', report.problems\n"
    )
    try:
        subprocess.run([sys.executable, "-c", script], timeout=HANG_SECONDS, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"validating a 50 MB headline ending in CR hangs (over {HANG_SECONDS} s)")


def _dict_cases() -> dict[str, Any]:
    return {
        "list-root": [],
        "none-root": None,
        "bytes-headline": {**_BASE, "headline": b"Hostile"},
        "nan-urgency": {**_BASE, "urgency": float("nan")},
        "bool-urgency": {**_BASE, "urgency": True},
        "set-keywords": {**_BASE, "keywords": {"a", "b"}},
        "tuple-sections": {**_BASE, "sections": tuple(_BASE["sections"])},
        "int-key-extensions": {**_BASE, "extensions": {1: "x"}},
        "object-in-extensions": {**_BASE, "extensions": {"acme:x": object()}},
        "infinity-in-extensions": {**_BASE, "extensions": {"acme:x": float("inf")}},
        "huge-int-urgency": {**_BASE, "urgency": 10**5000},
    }


@pytest.mark.parametrize("name", sorted(_dict_cases()))
def test_hostile_data_is_refused(name: str) -> None:
    data = _dict_cases()[name]
    report = bm.validate(data)
    assert not report.ok
    with pytest.raises(bm.BriefmodelError):
        bm.from_dict(data)


@pytest.mark.parametrize("name", sorted(_dict_cases()))
def test_hostile_data_problems_are_documented_and_located(name: str) -> None:
    report = bm.validate(_dict_cases()[name])
    assert all(p.code in CODES for p in report.problems), _shown(report.problems)
    if isinstance(_dict_cases()[name], dict):
        assert all(p.path for p in report.problems), _shown(report.problems)


# Every place in a full brief, broken one way at a time ----------------------------------


_MAPS = ("extensions", "identifiers")  # free-form maps, not records with known fields


def _leaves(node: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value in JSON data with its path, not descending into the free-form maps."""
    yield here, node
    if here and here[-1] in _MAPS:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*here, index))


def _replaced(doc: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    doc = copy.deepcopy(doc)
    node = doc
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    return doc


def _canonical_pointer(doc: Any, where: tuple[Any, ...]) -> str:
    """The pointer to ``where`` in the canonical form of ``doc``.

    Problems point into the canonical JSON, where a list item without blocks is written
    as its text alone: ``{"content": "text"}`` at ``/items/3`` becomes ``"text"`` there.
    """
    if len(where) > 2 and where[-1] == "content" and where[-3] == "items":
        item = doc
        for part in where[:-1]:
            item = item[part]
        if not item.get("blocks"):
            return bm.pointer(where[:-1])
    return bm.pointer(where)


def _docs() -> list[Path]:
    return [
        PASS_DIR / name for name in ("full-metadata.json", "inline-nodes.json", "nested-lists.json")
    ]


def _wrong(where: tuple[Any, ...], value: Any) -> Any:
    """A value of another JSON type than ``value`` that cannot stand at ``where``."""
    if len(where) > 1 and where[-2] == "items":
        return 42  # a list item may be a string, an array or an object
    if isinstance(value, (dict, str)):
        return 42
    if isinstance(value, list):
        return {"a": 1}
    if isinstance(value, bool):
        return "false"
    return "7"


@pytest.mark.parametrize("source", _docs(), ids=lambda p: p.name)
def test_every_value_of_the_wrong_type_is_reported_at_its_path(source: Path) -> None:
    doc = json.loads(source.read_text(encoding="utf-8"))
    wrong: list[str] = []
    for where, value in _leaves(doc):
        if len(where) == 2 and where[0] == "subjects":
            continue  # a known disagreement, kept as should_fail/type-subject-number.json
        bad = _wrong(where, value)
        report = bm.validate(_replaced(doc, where, bad))
        pointer = bm.pointer(where)
        expected = "schema.version" if where == ("schema",) else "schema.type"
        if where and where[-1] == "type":
            expected = "node.unknown-type"
        if not any(p.code == expected and p.path == pointer for p in report.errors):
            wrong.append(f"{pointer or '/'}: {_shown(report.problems)[:2]}")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("source", _docs(), ids=lambda p: p.name)
def test_every_object_refuses_an_unknown_field_at_its_path(source: Path) -> None:
    doc = json.loads(source.read_text(encoding="utf-8"))
    wrong: list[str] = []
    for where, value in _leaves(doc):
        if not isinstance(value, dict) or (where and where[-1] in _MAPS):
            continue
        text = json.dumps(_replaced(doc, where, {**value, "zz_unknown": 1}))
        report = bm.validate(text)
        pointer = bm.pointer((*where, "zz_unknown"))
        if not any(
            p.code == "schema.additional-properties" and p.path == pointer for p in report.errors
        ):
            wrong.append(f"{pointer}: {_shown(report.problems)[:2]}")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("bad", ["\x01", chr(0xD800), chr(0xDFFF), "\ufffe"], ids=ascii)
@pytest.mark.parametrize("source", _docs(), ids=lambda p: p.name)
def test_every_string_refuses_characters_xml_cannot_carry(source: Path, bad: str) -> None:
    doc = json.loads(source.read_text(encoding="utf-8"))
    wrong: list[str] = []
    for where, value in _leaves(doc):
        if not isinstance(value, str):
            continue
        text = json.dumps(_replaced(doc, where, value + bad))  # ASCII: the bad char as \u escape
        report = bm.validate(text)
        if not any(p.path == _canonical_pointer(doc, where) for p in report.errors):
            wrong.append(f"{bm.pointer(where)}: {_shown(report.problems)[:2]}")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("depth", [10, 29, 30, 300, 1000])
def test_a_valid_deep_brief_round_trips_or_is_refused(depth: int) -> None:
    section = bm.Section(blocks=[bm.Paragraph(content="Deepest.")])
    for _ in range(depth):
        section = bm.Section(sections=[section])
    brief = bm.Brief(
        id="urn:example:deep",
        headline="Deep",
        created=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
        sections=[section],
    )
    # The paragraph's text sits at /sections/0 + /sections/0 per level + /blocks/0/content.
    deep_enough_to_refuse = 2 * depth + 5 > bm.rules.MAX_DEPTH
    report = bm.validate(brief)
    assert report.ok is not deep_enough_to_refuse
    if deep_enough_to_refuse:
        assert [p.code for p in report.problems] == ["structure.too-deep"]
        with pytest.raises(bm.BriefmodelError):
            bm.loads(bm.dumps(brief))
    else:
        assert bm.loads(bm.dumps(brief)) == brief
