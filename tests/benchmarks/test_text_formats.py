"""ninjs, plain text and Markdown (``benchmarks/workloads/text_formats.py``): the texts are
what ``bm.dumps`` writes, markdown-it-py parses the Markdown
(``benchmarks/references/commonmark_parse.py``), and a text that does not read back stops
the run."""

from __future__ import annotations

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.harness.briefs import Workload, generated_brief
from benchmarks.references.commonmark_parse import COMMONMARK, markdown_body
from benchmarks.workloads.text_formats import check_text_formats


def test_text_format_workloads_are_what_bm_dumps_writes() -> None:
    brief = generated_brief(3)
    workload = Workload("w", "example", "test", brief)
    assert workload.ninjs == bm.dumps(brief, "ninjs")
    assert workload.plain == bm.dumps(brief, "text")
    assert workload.markdown == bm.dumps(brief, "markdown")
    tokens = COMMONMARK.parse(workload.markdown)
    assert sum(token.type == "heading_open" for token in tokens) >= 3  # a title per section
    body = markdown_body(workload.markdown)
    assert workload.markdown.startswith("---\n")
    assert workload.markdown.endswith(body)
    assert "---" not in body.splitlines()
    assert body.lstrip().startswith("# Harbour operations in 3 sections")


def test_a_text_format_that_does_not_read_back_stops_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workload = Workload("w", "example", "test", generated_brief(2))
    notes: list[str] = []
    check_text_formats([workload], notes)
    assert len(notes) == 1
    assert "equal brief" in notes[0]
    for field, message in (
        ("markdown", "bm.loads\\(markdown\\)"),
        ("plain", "bm.loads\\(text\\)"),
        ("ninjs", "bm.loads\\(ninjs\\)"),
    ):
        other = Workload("o", "example", "test", generated_brief(1))
        monkeypatch.setattr(workload, field, getattr(other, field))
        with pytest.raises(SystemExit, match=message):
            check_text_formats([workload], [])
