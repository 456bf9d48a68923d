"""Diff and patch between versions of a brief (``bm.diff``, ``bm.patch``): the JSON Patch
applier against the shared RFC 6902 conformance suite, the diff against the patch it must
undo (``patch(a, diff(a, b)) == b`` for random pairs), the size of the diff of real edits,
and the errors of a patch that cannot apply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._changes import apply_operations
from briefmodel.testing import briefs

from ._profiles import examples

ROOT = Path(__file__).resolve().parent
SUITE = ROOT / "realworld" / "json-patch-tests"
EXAMPLE = bm.load(ROOT.parent / "examples" / "port-fees.json")


def _conformance() -> list[Any]:
    cases = []
    for name in ("spec_tests.json", "tests.json"):
        for number, case in enumerate(json.loads((SUITE / name).read_text("utf-8"))):
            if case.get("disabled"):
                continue
            label = f"{name}:{number}:{case.get('comment', '')[:50]}"
            cases.append(pytest.param(case, id=label))
    return cases


def _typed(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


@pytest.mark.parametrize("case", _conformance())
def test_the_rfc_6902_conformance_suite(case: dict[str, Any]) -> None:
    before = _typed(case["doc"])
    if "error" in case:
        with pytest.raises(bm.PatchError) as raised:
            apply_operations(case["doc"], case["patch"])
        assert raised.value.problems[0].code.startswith("patch.")
    else:
        result = apply_operations(case["doc"], case["patch"])
        if "expected" in case:
            assert _typed(result) == _typed(case["expected"])
    assert _typed(case["doc"]) == before  # the document given is left as it was


def test_the_suite_is_all_there() -> None:
    # A conformance run over nothing would pass: the suite holds 108 enabled cases.
    assert len(_conformance()) == 108


@given(briefs(max_sections=3), briefs(max_sections=3))
def test_the_patch_of_a_diff_makes_the_new_version(old: bm.Brief, new: bm.Brief) -> None:
    operations = bm.diff(old, new)
    assert bm.patch(old, operations) == new
    assert json.loads(json.dumps(operations)) == operations  # plain JSON data
    assert bm.diff(new, new) == []


def _edits(brief: bm.Brief, data: st.DataObject) -> tuple[bm.Brief, str]:
    """``brief`` with one edit drawn: a block inserted, removed or moved, a section
    removed or moved; and what the edit was."""
    sections = list(brief.sections)
    at = data.draw(st.integers(0, len(sections) - 1), label="section")
    blocks = list(sections[at].blocks)
    kinds = ["insert block", "remove section", "move section"] if len(sections) > 1 else []
    kinds += ["insert block"] + (["remove block", "move block"] if blocks else [])
    kind = data.draw(st.sampled_from(kinds), label="edit")
    if kind == "insert block":
        text = "A sentence no generated brief holds: 7f3c."
        where = data.draw(st.integers(0, len(blocks)))
        blocks.insert(where, bm.Paragraph(content=text))
    elif kind == "remove block":
        blocks.pop(data.draw(st.integers(0, len(blocks) - 1)))
    elif kind == "move block":
        block = blocks.pop(data.draw(st.integers(0, len(blocks) - 1)))
        blocks.insert(data.draw(st.integers(0, len(blocks))), block)
    elif kind == "remove section":
        sections.pop(at)
        return attrs.evolve(brief, sections=sections), kind
    else:
        section = sections.pop(at)
        sections.insert(data.draw(st.integers(0, len(sections))), section)
        return attrs.evolve(brief, sections=sections), kind
    sections[at] = attrs.evolve(sections[at], blocks=blocks)
    return attrs.evolve(brief, sections=sections), kind


@settings(max_examples=examples(300))
@given(briefs(max_sections=4), st.data())
def test_inserting_removing_or_moving_a_block_or_a_section_is_one_operation(
    brief: bm.Brief, data: st.DataObject
) -> None:
    edited, kind = _edits(brief, data)
    operations = bm.diff(brief, edited)
    assert bm.patch(brief, operations) == edited
    if edited == brief:  # a move to where it was, or among equal blocks
        assert operations == []
    else:
        assert len(operations) == 1, (kind, operations)
        expected = {"insert": "add", "remove": "remove", "move": "move"}[kind.split()[0]]
        assert operations[0]["op"] == expected


def test_an_edit_inside_a_block_is_an_operation_on_what_changed() -> None:
    section = EXAMPLE.sections[1]
    paragraph = section.blocks[0]
    assert isinstance(paragraph, bm.Paragraph)
    changed = attrs.evolve(paragraph, content="Talks resume on Monday.")
    edited = attrs.evolve(
        EXAMPLE,
        headline="Harbour talks settle pilot fees at last",
        sections=[
            EXAMPLE.sections[0],
            attrs.evolve(section, blocks=[changed, *section.blocks[1:]]),
            *EXAMPLE.sections[2:],
        ],
    )
    assert bm.diff(EXAMPLE, edited) == [
        {"op": "replace", "path": "/headline", "value": edited.headline},
        {
            "op": "replace",
            "path": "/sections/1/blocks/0/content",
            "value": "Talks resume on Monday.",
        },
    ]


def test_a_section_moved_and_retitled_is_a_move_and_a_replacement() -> None:
    first, second, *rest = EXAMPLE.sections
    retitled = attrs.evolve(second, title="What Happened First")
    edited = attrs.evolve(EXAMPLE, sections=[retitled, first, *rest])
    # Matched by its id: moved, then its title replaced where it now is.
    assert bm.diff(EXAMPLE, edited) == [
        {"op": "move", "from": "/sections/1", "path": "/sections/0"},
        {"op": "replace", "path": "/sections/0/title", "value": "What Happened First"},
    ]
    assert bm.patch(EXAMPLE, bm.diff(EXAMPLE, edited)) == edited


def test_a_field_set_or_cleared_is_added_or_removed() -> None:
    assert EXAMPLE.subheadline is not None
    cleared = attrs.evolve(EXAMPLE, subheadline=None)
    assert bm.diff(EXAMPLE, cleared) == [{"op": "remove", "path": "/subheadline"}]
    assert bm.diff(cleared, EXAMPLE) == [
        {"op": "add", "path": "/subheadline", "value": EXAMPLE.subheadline}
    ]


def test_extension_keys_are_escaped_in_the_paths() -> None:
    before = attrs.evolve(EXAMPLE, extensions={"acme:desk": "ports"})
    edited = attrs.evolve(before, extensions={"acme:desk": "ports", "acme:a/b~c": True})
    (operation,) = bm.diff(before, edited)
    assert operation == {"op": "add", "path": "/extensions/acme:a~1b~0c", "value": True}
    assert bm.patch(before, [operation]) == edited


def test_true_and_1_are_different_values() -> None:
    one = attrs.evolve(EXAMPLE, extensions={"acme:flag": 1})
    true = attrs.evolve(EXAMPLE, extensions={"acme:flag": True})
    assert bm.diff(one, true) == [{"op": "replace", "path": "/extensions/acme:flag", "value": True}]


# -- what cannot be applied ---------------------------------------------------------


@pytest.mark.parametrize(
    ("operations", "path", "code", "said"),
    [
        ([{"op": "remove", "path": "/sections/9"}], "/0", "patch.index", "past the end"),
        ([{"op": "remove", "path": "/nothing"}], "/0", "patch.no-target", "/nothing"),
        ([{"op": "replace", "path": "/headline"}], "/0", "patch.malformed", "needs a value"),
        ([{"op": "rename", "path": "/headline"}], "/0/op", "patch.malformed", "'rename'"),
        ([{"path": "/headline"}], "/0/op", "patch.malformed", "no op"),
        ([{"op": "add", "path": "headline", "value": 1}], "/0/path", "patch.malformed", "/"),
        ([{"op": "move", "from": "/sections", "path": "/sections/0"}], "/0", "", "into itself"),
        ([{"op": "test", "path": "/headline", "value": "Other"}], "/0", "patch.test-failed", ""),
        (
            [{"op": "add", "path": "/keywords/-", "value": "a"}, {"op": "remove", "path": "/x"}],
            "/1",
            "patch.no-target",
            "remove /x",
        ),
        (["remove"], "/0", "patch.malformed", "not a string"),
    ],
)
def test_a_patch_that_cannot_apply_says_which_operation_and_why(
    operations: list[Any], path: str, code: str, said: str
) -> None:
    with pytest.raises(bm.PatchError) as raised:
        bm.patch(EXAMPLE, operations)
    (problem,) = raised.value.problems
    assert problem.path == path
    assert problem.code == (code or "patch.malformed")
    assert said in problem.message
    assert said in str(raised.value)


def test_every_malformed_operation_is_reported_at_once() -> None:
    with pytest.raises(bm.PatchError) as raised:
        bm.patch(EXAMPLE, [{"op": "nope"}, {"op": "add", "path": "/a"}, 5])
    assert [p.path for p in raised.value.problems] == ["/0/op", "/1", "/2"]


@pytest.mark.parametrize("operations", [{"op": "remove", "path": "/x"}, "[]", None])
def test_a_patch_is_a_list_of_operations(operations: Any) -> None:
    with pytest.raises(bm.PatchError, match="a list of operations"):
        bm.patch(EXAMPLE, operations)


def test_a_result_that_is_not_a_valid_brief_is_a_validation_error_in_the_brief() -> None:
    with pytest.raises(bm.ValidationError) as raised:
        bm.patch(EXAMPLE, [{"op": "remove", "path": "/headline"}])
    assert [p.path for p in raised.value.problems if p.severity == "error"] == ["/headline"]


def test_the_operations_given_are_not_changed_and_not_shared() -> None:
    value = {"type": "paragraph", "content": "Shared?"}
    operations = [{"op": "add", "path": "/sections/0/blocks/0", "value": value}]
    patched = bm.patch(EXAMPLE, operations)
    value["content"] = "Changed afterwards."
    assert patched.sections[0].blocks[0] == bm.Paragraph(content="Shared?")
    assert operations[0]["value"] is value


@pytest.mark.parametrize("call", [lambda: bm.diff(EXAMPLE, {}), lambda: bm.patch({}, [])])
def test_diff_and_patch_take_briefs(call: Any) -> None:
    with pytest.raises(bm.OptionError, match="expected a Brief, got"):
        call()
