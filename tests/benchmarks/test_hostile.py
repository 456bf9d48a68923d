"""Hostile input per reader (``benchmarks/workloads/hostile.py``, ``run.py --hostile``):
every family is built at the size asked, is read or refused cleanly, and has its row in
the report and the JSON. Nothing about speed is asserted."""

from __future__ import annotations

import json

import pytest
from benchmarks.workloads import hostile

import briefmodel as bm
from benchmarks import run as benchmark


@pytest.mark.parametrize("family", hostile.families(), ids=lambda f: f"{f.format}: {f.name}")
def test_each_family_is_the_size_asked_and_of_its_format(family: hostile.Family) -> None:
    data = family.build(30_000).encode("utf-8")
    assert 20_000 <= len(data) <= 45_000
    if family.format != "text":  # plain text is never sniffed: it is what is left
        assert bm.formats.detect(None, data).name == family.format
    measured = hostile.measure_family(family, 30_000, repeat=1)
    assert measured.outcome == "read" or measured.outcome.startswith("refused: ")
    assert (measured.reference is None) == (family.reference is None)


def test_every_family_has_its_row(capsys: pytest.CaptureFixture[str]) -> None:
    assert benchmark.main(["--hostile", "--size", "3000", "--repeat", "1", "--only", "json"]) == 0
    report = capsys.readouterr().out
    for family in hostile.families():
        if family.format == "json":
            assert family.name in report
    assert "Target met by" in report
    assert benchmark.main(["--hostile", "--quick", "--size", "3000", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["families"]
    assert [(r["format"], r["family"]) for r in rows] == [
        (f.format, f.name) for f in hostile.families()
    ]
    assert all(r["loads_mb_s"] > 0 and r["validate_mb_s"] > 0 for r in rows)


def test_its_options_need_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        benchmark.main(["--size", "3000"])
    assert "only with --hostile" in capsys.readouterr().err
