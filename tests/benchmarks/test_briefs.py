"""The briefs the benchmarks measure (``benchmarks/harness/briefs.py``) and the brief with
every construct the reference tests use."""

from __future__ import annotations

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.harness.briefs import generated_brief

from ._support import every_construct


def test_generated_brief_has_the_requested_shape() -> None:
    brief = generated_brief(12)
    report = bm.validate(brief)
    assert report.ok, report.problems
    assert report.warnings == ()
    assert len(brief.sections) == 12
    for section in brief.sections:
        assert section.title
        assert section.role
        paragraph, item_list = section.blocks
        kinds = {type(node) for node in paragraph.content}
        assert {bm.Mention, bm.Citation} <= kinds
        assert len(item_list.items) == 3


def test_every_construct_brief_is_valid_and_complete() -> None:
    from briefmodel.model import BLOCK_TYPES, INLINE_TYPES

    brief = every_construct()
    report = bm.validate(brief)
    assert report.ok, report.problems
    assert {type(node) for _, node in brief.walk()} >= {*BLOCK_TYPES, *INLINE_TYPES}
