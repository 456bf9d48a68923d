"""Hostile and damaged ninjs of briefmodel's own: a metadata body of the wrong shape is a
``ninjs.meta`` error (never a crash), and whatever the document holds beyond what the
writer writes for the brief read (a property, a field of the metadata body, an attribute
or a comment in the XHTML body) is a ``ninjs.dropped`` loss at its JSON Pointer (and,
in the body, its line), while every document the writer writes reads without one."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from benchmarks.workloads import hostile
from lxml import etree

import briefmodel as bm
from tests._work import assert_linear, hostile_run

from ._support import _lenient

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden" / "write"
BRIEF_FILES = sorted((ROOT / "examples").glob("*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
EXAMPLE = bm.load(ROOT / "examples" / "port-fees.json")
DOCUMENT = json.loads(bm.dumps(EXAMPLE, "ninjs"))
META = next(i for i, b in enumerate(DOCUMENT["bodies"]) if b["role"] == "briefmodel")
BODY = next(i for i, b in enumerate(DOCUMENT["bodies"]) if b["role"] == "main")


def _errors(document: dict[str, Any]) -> list[bm.Problem]:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(document), "ninjs")
    return list(caught.value.problems)


def _with_meta(change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    meta = json.loads(document["bodies"][META]["value"])
    change(meta)
    document["bodies"][META]["value"] = json.dumps(meta)
    return document


@pytest.mark.parametrize(
    ("change", "at"),
    [
        (lambda m: m.__setitem__("entities", [1]), "/entities"),
        (lambda m: m["entities"].__setitem__("nph-authority", 5), "/entities/nph-authority"),
        (
            lambda m: m["entities"]["nph-authority"].__setitem__("identifiers", [1]),
            "/entities/nph-authority/identifiers",
        ),
        (lambda m: m.__setitem__("sources", "x"), "/sources"),
        (lambda m: m["sources"].__setitem__("tariff-notice", "x"), "/sources/tariff-notice"),
        (lambda m: m.__setitem__("publisher", [1]), "/publisher"),
        (lambda m: m.__setitem__("authors", [1]), "/authors"),
        (lambda m: m["authors"].__setitem__("0", "writer"), "/authors/0"),
        (lambda m: m.__setitem__("related", [1]), "/related"),
        (lambda m: m.__setitem__("entityOrder", [{}]), "/entityOrder"),
        (lambda m: m.__setitem__("exact", [1]), "/exact"),
        (lambda m: m.__setitem__("extensions", [1]), "/extensions"),
        (lambda m: m.__setitem__("corrections", {"a": 1}), "/corrections"),
    ],
)
def test_lossless_a_metadata_body_of_the_wrong_shape_is_an_error_not_a_crash(
    change: Callable[[dict[str, Any]], Any], at: str
) -> None:
    document = _with_meta(change)
    for strict in (True, False):
        with pytest.raises(bm.ValidationError) as caught:
            bm.loads(json.dumps(document), "ninjs", strict=strict)
        (problem,) = caught.value.problems
        assert (problem.code, problem.path) == ("ninjs.meta", f"/bodies/{META}/value")
        assert problem.message.startswith(f"{at} of the metadata body is not ")
    report = bm.validate(json.dumps(document), "ninjs")
    assert [p.code for p in report.errors] == ["ninjs.meta"]


@pytest.mark.parametrize(
    ("change", "at"),
    [
        (lambda m: m.__setitem__("foo", 1), "/foo"),
        (lambda m: m["authors"]["0"].__setitem__("foo", 1), "/authors/0/foo"),
        (lambda m: m["authors"].__setitem__("9", {"role": "x"}), "/authors/9"),
        (lambda m: m["entities"].__setitem__("zzz", {"aliases": ["q"]}), "/entities/zzz"),
        (
            lambda m: m["sources"]["tariff-notice"].__setitem__("foo", 1),
            "/sources/tariff-notice/foo",
        ),
    ],
)
def test_lossless_what_the_metadata_body_holds_beyond_the_brief_is_a_loss(
    change: Callable[[dict[str, Any]], Any], at: str
) -> None:
    document = _with_meta(change)
    (problem,) = _errors(document)
    assert (problem.code, problem.path) == ("ninjs.dropped", f"/bodies/{META}/value")
    assert f" at {at} of the metadata body" in problem.message
    brief, said = _lenient(json.dumps(document))
    assert len(said) == 1
    assert brief == EXAMPLE or brief.extensions["briefmodel:unknown"]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("standard", "foo"), 1),
        (("associations", 0, "headlines", 0, "foo"), 1),
        (("bodies", META, "foo"), 1),
    ],
)
def test_lossless_a_property_the_writer_never_writes_is_a_loss(
    where: tuple[str | int, ...], value: Any
) -> None:
    document = copy.deepcopy(DOCUMENT)
    node: Any = document
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    (problem,) = _errors(document)
    assert (problem.code, problem.path) == ("ninjs.dropped", bm.pointer(where))


@pytest.mark.parametrize("path", BRIEF_FILES, ids=lambda p: p.stem)
def test_lossless_an_attribute_the_writer_never_writes_is_a_loss_on_every_element_of_the_body(
    path: Path,
) -> None:
    document = json.loads(bm.dumps(bm.load(path), "ninjs"))
    index = next(i for i, b in enumerate(document["bodies"]) if b["role"] == "main")
    root = etree.fromstring(document["bodies"][index]["value"].encode("utf-8"))
    for number, element in enumerate(root.iter()):
        element.set("data-planted", str(number))
    document["bodies"][index]["value"] = etree.tostring(root, encoding="unicode")
    found = set()
    for problem in _errors(document):
        assert (problem.code, problem.path) == ("ninjs.dropped", f"/bodies/{index}/value")
        match = re.search(r"the attribute data-planted='(\d+)'", problem.message)
        assert match is not None, problem
        found.add(match.group(1))
    assert found == {str(n) for n in range(len(list(root.iter())))}


@pytest.mark.parametrize(
    ("old", "new", "lost"),
    [
        ("<body>", "<body><!-- draft -->", "a comment 'draft' in <body>"),
        ("<title>", "<title>Old: ", "the text 'Old: Northhaven"),
        ("<ul>", "<ul>stray", "the text 'stray' in <ul>"),
        ("<p>", '<p class="lead">', "the attribute class='lead' of <p>"),
    ],
)
def test_lossless_what_the_writer_would_not_write_in_the_body_is_a_loss(
    old: str, new: str, lost: str
) -> None:
    document = copy.deepcopy(DOCUMENT)
    document["bodies"][BODY]["value"] = document["bodies"][BODY]["value"].replace(old, new, 1)
    (problem,) = _errors(document)
    assert (problem.code, problem.path, problem.line) == (
        "ninjs.dropped",
        f"/bodies/{BODY}/value",
        1,
    )
    assert problem.message.startswith(lost), problem.message
    _, said = _lenient(json.dumps(document))
    assert len(said) == 1
    assert [p.code for p in bm.validate(json.dumps(document), "ninjs").errors] == ["ninjs.dropped"]


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.ninjs")), ids=lambda p: p.name)
def test_lossless_every_golden_document_reads_strictly_without_a_loss(path: Path) -> None:
    text = path.read_text("utf-8")
    brief = bm.loads(text, "ninjs")
    version = "2.1" if path.name.endswith(".2.1.ninjs") else "3.1"
    assert bm.dumps(brief, "ninjs", version=version) == text


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("ninjs"), ids=lambda f: f.name)
def test_hostile_ninjs_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Each family of the benchmark's hostile input of this format does about four times
    the work at four times the size, read or validated."""
    assert_linear(hostile_run(family, step), 3000)
