"""The plain-lxml NewsML-G2 floors (``benchmarks/references/lxml_newsml_*.py``) write and
read exactly what briefmodel does, and a floor that differs stops the run
(``benchmarks/workloads/newsml_g2.py``)."""

from __future__ import annotations

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.harness.briefs import Workload, generated_brief
from benchmarks.references.lxml_newsml_read import lxml_newsml_read
from benchmarks.references.lxml_newsml_write import lxml_newsml_write
from benchmarks.workloads import newsml_g2

from ._support import ROOT, every_construct


def test_newsml_floors_write_and_read_exactly_what_briefmodel_does() -> None:
    """The lxml floors are like-for-like: the same XML out, the same values in."""
    briefs = [bm.load(path) for path in sorted((ROOT / "examples").glob("*.json"))]
    briefs += [generated_brief(7), every_construct()]
    for brief in briefs:
        xml = bm.dumps(brief, "newsml")
        assert lxml_newsml_write(brief) == xml, brief.id
        assert lxml_newsml_read(xml.encode("utf-8")) == bm.to_dict(brief), brief.id


def test_a_floor_that_differs_stops_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workloads = [Workload("w", "example", "test", generated_brief(2))]
    newsml_g2.check_newsml_floors(workloads, [])
    monkeypatch.setattr(newsml_g2, "lxml_newsml_read", lambda data: {})
    with pytest.raises(SystemExit, match="read floor"):
        newsml_g2.check_newsml_floors(workloads, [])
    monkeypatch.setattr(newsml_g2, "lxml_newsml_write", lambda brief: "<newsItem/>")
    with pytest.raises(SystemExit, match="write floor"):
        newsml_g2.check_newsml_floors(workloads, [])
