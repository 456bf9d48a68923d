"""The generated load and dump paths (``briefmodel/_generated.py``) against the general
path (cattrs, the json module, the rules' full walk), which is the oracle: wherever the
generated path accepts a document, the general path accepts it too and builds an equal
brief; what the generated path doubts, the general path decides, so every error report
is the general path's. Checked on every generated brief, on the corpus, and on more than
10,000 mutants of the corpus's documents, in their data and in their text."""

from __future__ import annotations

import contextlib
import copy
import importlib
import json
import random
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel import _generated, _patterns
from briefmodel._converter import converter
from briefmodel.errors import ProblemLog
from briefmodel.migrations import upgraded
from briefmodel.rules import RULES, _context, _has_problems, _run, allowed_schemes
from briefmodel.testing import briefs

json_read = importlib.import_module("briefmodel.formats.json.read")  # (not its read())
ROOT = Path(__file__).parent
CORPUS = sorted((ROOT / "corpus").glob("should_*/*.json")) + sorted(
    (ROOT.parent / "examples").glob("*.json")
)
SCHEMES = allowed_schemes(bm.rules.DEFAULT_URL_SCHEMES)


def _general(data: Any) -> bm.Brief | None:
    """The brief the general path builds from ``data``, or None where it refuses it."""
    try:
        return converter.structure(upgraded(data), bm.Brief)
    except Exception:  # noqa: BLE001 - any refusal
        return None


def _generated_build(data: Any) -> bm.Brief | None:
    try:
        return _generated.builder()(data)
    except Exception:  # noqa: BLE001 - doubt, of any kind
        return None


def _problems_found(brief: bm.Brief) -> bool:
    """Whether the rules' full walk, with paths, finds anything in ``brief``."""
    log = ProblemLog()
    _run(brief, RULES, _context(brief, SCHEMES), log)
    return bool(log.problems())


def _typed(value: Any) -> Any:
    """``value`` with the type of every scalar, so that 1, 1.0 and True differ."""
    if type(value) is dict:
        return ("dict", [(k, _typed(v)) for k, v in value.items()])
    if type(value) is list:
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


@contextlib.contextmanager
def general_path() -> Iterator[None]:
    """Every generated path doubting: what briefmodel does without them."""

    def doubting() -> Any:
        def refuse(*_: Any) -> Any:
            raise _generated.Doubt

        return refuse

    with (
        mock.patch.object(_generated, "builder", doubting),
        mock.patch.object(_generated, "writer", doubting),
        mock.patch.object(json_read, "_quick_parse", return_value=json_read._DOUBT),
    ):
        yield


def _outcome(text: str | bytes) -> tuple[str, Any]:
    """What ``bm.loads`` makes of ``text``: the brief, or the problems it raises."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "brief", bm.loads(text, "json")
        except bm.BriefmodelError as error:
            return "problems", [(p.code, p.path, p.message) for p in error.problems]


# --------------------------------------------------------------------------------------
# Valid briefs


@given(briefs())
def test_a_brief_is_written_and_built_alike_by_both_paths(brief: bm.Brief) -> None:
    data = converter.unstructure(brief)
    try:
        written = _generated.writer()(brief)
    except _generated.Doubt:  # only for a float in the extensions
        assert "float" in repr(_typed(data))
    else:
        assert json.dumps(written) == json.dumps(data)  # the same keys in the same order
    try:
        built = _generated.builder()(data)
    except _generated.Doubt:  # only for a float 0 (which may be a number too small for a double)
        assert "('float', '0.0')" in repr(_typed(data)) or "('float', '-0.0')" in repr(_typed(data))
        return
    assert built == brief
    assert type(built) is bm.Brief


@given(briefs())
def test_dumps_gives_the_json_module_text(brief: bm.Brief) -> None:
    with general_path():
        expected = bm.dumps(brief)
    assert bm.dumps(brief) == expected
    assert bm.to_dict(brief) == json.loads(expected)


@given(briefs())
def test_the_rules_first_pass_sees_what_the_full_walk_finds(brief: bm.Brief) -> None:
    assert _has_problems(brief, _context(brief, SCHEMES)) == _problems_found(brief)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_corpus_reads_alike_by_both_paths(path: Path) -> None:
    text = path.read_bytes()
    with general_path():
        expected = _outcome(text)
    assert _outcome(text) == expected
    if expected[0] == "brief" and path.name != "non-canonical.json":
        # The generated path built it (or this test would not say much); the non-canonical
        # document writes its version as 2.0, which the general path reads as 2 and the
        # generated one doubts.
        assert _generated_build(json.loads(text)) == expected[1]


def _documents(*, valid: bool) -> list[Any]:
    """The corpus's documents that are JSON (mutants of them are made below): the valid
    ones, or the others."""
    found = []
    for path in CORPUS:
        if (path.parent.name != "should_fail") == valid:
            with contextlib.suppress(ValueError):
                found.append(json.loads(path.read_bytes()))
    return found


# --------------------------------------------------------------------------------------
# Mutants

#: Values a mutant puts in place of another: of every JSON type, at and beyond the
#: bounds of the model's fields, of every vocabulary and tag, and hostile text.
HOSTILE: list[Any] = [
    None, True, False, 0, 1, -1, 2, 7, 101, 1000, 1001, 1.0, 0.0, -0.0, 2.5, 1e300,
    2**53 - 1, 2**53, -(2**53), 2**64, "", " ", "x", "a:b", "x:y", "medtop:1", "en",
    "zz-", "pt-BR", "s1", "e1", "p1", "urn:x", "2026-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00", "2026-01-01T00:00:00.1234567+05:30",
    "https://example.org/a", "/relative", "javascript:alert(1)", "JaVa\tScript:x",
    "mailto:a@example.org", "ftp://x", "\x01", "a\ufffeb", "\ud800", "two\nlines",
    "paragraph", "item-list", "quote", "judgment", "figure", "table", "emphasis", "strong",
    "code", "line-break", "link", "mention", "citation", "key-points", "keypoints",
    "high", "likely", "A", "G", "col", "auto", "start", "usable", "update", "person",
    "briefmodel/1", "briefmodel/2", "briefmodel/3", [], {}, [""], ["x"], [{}], [None],
    {"type": "paragraph"}, {"type": "paragraph", "content": "x"},
    {"type": "mention", "ref": "nobody", "content": "x"}, {"type": "citation", "ref": "s1"},
    {"x:y": 1}, {"cells": []}, {"content": "x", "blocks": []},
]  # fmt: skip
KEYS = ["x", "type", "schema", "id", "content", "blocks", "ref", "code", "uri", "x:y"]


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if type(node) is dict:
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif type(node) is list:
        for index, value in enumerate(node):
            yield from _places(value, (*path, index))


def _mutated_data(data: Any, rng: random.Random) -> Any:
    data = copy.deepcopy(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        places = [p for p in _places(data) if p]
        if not places:
            return data
        *parents, last = rng.choice(places)
        parent = data
        for part in parents:
            parent = parent[part]
        action = rng.randrange(6)
        if action == 0 or (action == 4 and type(parent[last]) is not list):
            parent[last] = copy.deepcopy(rng.choice(HOSTILE))
        elif action == 1:
            del parent[last]
        elif action == 2 and type(parent) is dict:
            parent[rng.choice(KEYS)] = copy.deepcopy(rng.choice(HOSTILE))
        elif action == 3 and type(parent) is list:  # an item twice: ids twice
            parent.insert(last, copy.deepcopy(parent[last]))
        elif action == 4:  # a list's items in another order
            rng.shuffle(parent[last])
        elif type(parent[last]) is dict and "type" in parent[last]:
            parent[last]["type"] = rng.choice([v for v in HOSTILE if type(v) is str])
        else:
            parent[last] = copy.deepcopy(rng.choice(HOSTILE))
    return data


#: Characters XML cannot carry, written and escaped.
UNSAFE = ["\x01", "\ud800", "\\ud800", "\\u0001", "\ufffe", "\\b"]
_TEXT_EDITS = (
    # a key given twice (the last value is what orjson keeps)
    lambda text, rng, at: text.replace('{"', '{"id":"dup","', 1)
    if '{"id"' not in text[:2]
    else text.replace('{"id":', '{"id":"dup","id":', 1),
    lambda text, rng, at: text[:at] + text[at:].replace('{"', '{"x":1,"x":', 1),
    lambda text, rng, at: text[:at] + text[at:].replace('":', '" :', 1),
    lambda text, rng, at: text[:at] + text[at:].replace('"', "\\u0022", 1),
    lambda text, rng, at: text[:at] + text[at:].replace(":", "\\u003a", 1),
    lambda text, rng, at: text[:at] + text[at:].replace('"', '\\"', 1),
    lambda text, rng, at: text.replace('"sections"', '"extensions":{"x:a":1e-400},"sections"', 1),
    lambda text, rng, at: text.replace('"sections"', '"extensions":{"x:a":NaN},"sections"', 1),
    lambda text, rng, at: text.replace('"sections"', '"version":1e400,"sections"', 1),
    lambda text, rng, at: text.replace('"sections"', f'"version":{"9" * 30},"sections"', 1),
    lambda text, rng, at: text.replace('"sections"', '"version":2.0,"sections"', 1),
    lambda text, rng, at: "\ufeff" + text,
    lambda text, rng, at: text[:at],
    lambda text, rng, at: text[:at] + rng.choice(UNSAFE) + text[at:],
    lambda text, rng, at: text[:at] + rng.choice('{}[],:"\\ 0a') + text[at + 1 :],
)  # fmt: skip


def _mutated_text(text: str, rng: random.Random) -> str:
    return rng.choice(_TEXT_EDITS)(text, rng, rng.randrange(len(text)))


def _mutants(count: int) -> Iterator[str]:
    rng = random.Random(20261207)
    valid, invalid = _documents(valid=True), _documents(valid=False)
    for index in range(count):
        data = _mutated_data(rng.choice(valid if index % 4 else invalid), rng)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        yield _mutated_text(text, rng) if index % 3 == 0 else text


def test_no_mutant_is_accepted_by_the_generated_path_alone() -> None:
    counts = {"mutants": 0, "parsed fast": 0, "built fast": 0, "refused": 0, "with problems": 0}
    for text in _mutants(12_000):
        counts["mutants"] += 1
        try:
            parsed = json_read.parse(text)
        except bm.BriefmodelError:
            parsed = json_read._DOUBT
        quick = json_read._quick_parse(text)
        counts["parsed fast"] += quick is not json_read._DOUBT
        # What bm.loads does: the text parsed by orjson built by the generated builder,
        # else the general path on what the json module parsed. (orjson alone reads some
        # documents the json module refuses, 1e-400 as 0, 2**64 as a float: the builder
        # doubts those.)
        built = _generated_build(quick) if quick is not json_read._DOUBT else None
        general = _general(parsed) if parsed is not json_read._DOUBT else None
        if built is not None:
            counts["built fast"] += 1
            assert general is not None, text
            assert built == general, text
        if parsed is not json_read._DOUBT:
            from_data = _generated_build(parsed)  # what bm.from_dict does
            assert from_data is None or from_data == general, text
        if general is None:
            counts["refused"] += 1
            continue
        found = _problems_found(general)
        counts["with problems"] += found
        assert _has_problems(general, _context(general, SCHEMES)) == found, text
    # The mutants are of every kind: read fast, refused, valid with problems the rules find.
    assert counts["mutants"] >= 10_000
    assert counts["built fast"] >= 1_000, counts
    assert counts["refused"] >= 1_000, counts
    assert counts["with problems"] >= 200, counts


def test_mutants_read_alike_by_both_paths() -> None:
    # The whole of bm.loads, problems and messages too, on a share of the mutants.
    for text in _mutants(600):
        with general_path():
            expected = _outcome(text)
        assert _outcome(text) == expected, text


@pytest.mark.parametrize("character", [*UNSAFE, "\x7f", "\u2028", "\U0001f600", "\\t", "\\n"])
def test_a_text_xml_cannot_carry_is_found_however_it_is_written(character: str) -> None:
    # The JSON reader vouches for the texts of a document with no backslash and no U+FFFE
    # or U+FFFF; the rules' first pass then does not search them.
    text = (ROOT.parent / "examples" / "port-fees.json").read_text("utf-8")
    mutant = text.replace('"headline": "', '"headline": "' + character, 1)
    assert mutant != text
    for document in (mutant, mutant.encode("utf-8", "surrogatepass")):
        with general_path():
            expected = _outcome(document)
        assert _outcome(document) == expected


@given(st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000ax")) | st.text())
def test_a_line_is_tested_as_its_pattern_says(value: str) -> None:
    test = _generated._string_test(str, _patterns.LINE, "x", {}, "v")
    assert (not eval(test, {"v": value})) == (_patterns.LINE.regex.match(value) is not None)


def test_a_brief_the_rules_found_nothing_in_is_written_without_the_depth_walk() -> None:
    import attrs

    from briefmodel import _walks

    brief = bm.loads((ROOT.parent / "examples" / "port-fees.json").read_bytes())
    with mock.patch.object(_walks, "depth_walk", side_effect=AssertionError("walked")):
        bm.dumps(brief)
        bm.dumps(brief, "html")
    changed = attrs.evolve(brief, headline="Another headline")  # a new brief: not vouched
    with mock.patch.object(_walks, "depth_walk", wraps=_walks.depth_walk) as walked:
        bm.dumps(changed)
    assert walked.called


def test_what_is_vouched_for_is_kept_for_the_last_briefs_alone() -> None:
    from briefmodel import _walks

    text = (ROOT.parent / "examples" / "port-fees.json").read_bytes()
    for _ in range(3 * _walks._KEPT):  # briefs gone, whose ids the next ones may take
        bm.loads(text)
    first = bm.loads(text)
    assert _walks.vouched(first, "xml-safe")
    assert _walks.vouched(first, "shallow")
    others = [bm.loads(text) for _ in range(_walks._KEPT)]
    assert all(_walks.vouched(brief, "shallow") for brief in others)
    assert not _walks.vouched(first, "shallow")  # (no longer kept: walked again if asked)
    assert len(_walks._VOUCHED["shallow"]) <= _walks._KEPT
    assert not _walks.vouched(bm.loads(text.replace(b"Port", b"Po\\\\rt")), "xml-safe")
