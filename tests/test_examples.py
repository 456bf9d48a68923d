"""The briefs in ``examples/``: valid, canonical, and of the shape each one is meant to show."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm

from ._tools import check_jsonschema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FILES = sorted(EXAMPLES.glob("*.json"))
NAMES = {"port-fees.json", "water-talks-ar.json", "grid-outlook-judgments.json"}


def _load(name: str) -> bm.Brief:
    return bm.load(EXAMPLES / name)


def _nodes(brief: bm.Brief, cls: type) -> list[Any]:
    return [node for _, node in brief.walk() if type(node) is cls]


def test_the_examples_are_there() -> None:
    assert {p.name for p in FILES} >= NAMES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_example_is_valid_without_warnings(path: Path) -> None:
    report = bm.validate(path)
    assert report.ok
    assert not report.problems, [str(p) for p in report.problems]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_example_is_canonical_and_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    brief = bm.loads(text)
    assert bm.dumps(brief, indent=2) + "\n" == text
    assert bm.loads(bm.dumps(brief)) == brief
    assert json.loads(bm.dumps(brief)) == json.loads(text)


def test_check_jsonschema_accepts_the_examples() -> None:
    exe = check_jsonschema()
    schema = ROOT / "schemas" / "brief.schema.json"
    run = subprocess.run(
        [exe, "--schemafile", str(schema), *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_port_fees_has_the_shape_of_a_geopolitical_brief() -> None:
    brief = _load("port-fees.json")
    roles = [s.role for s in brief.sections]
    assert roles[0] == "key-points"
    assert brief.sections[0].title
    assert {"analysis", "implications"} <= set(roles)
    key_list = brief.sections[0].blocks[0]
    assert type(key_list) is bm.ItemList
    assert not key_list.ordered
    assert len(brief.key_points) >= 3
    # a narrative section: paragraphs only
    assert any(
        s.blocks and all(type(b) is bm.Paragraph for b in s.blocks) and s.role != "analysis"
        for s in brief.sections
    )
    # a section with a lead-in paragraph followed by an ordered list of three items
    lead_ins = [
        s.blocks
        for s in brief.sections
        if len(s.blocks) == 2
        and type(s.blocks[0]) is bm.Paragraph
        and type(s.blocks[1]) is bm.ItemList
        and s.blocks[1].ordered
    ]
    assert lead_ins
    assert len(lead_ins[0][1].items) == 3
    assert brief.sources
    assert brief.related
    assert brief.authors
    assert brief.publisher
    assert brief.rights
    mentioned = {m.ref for m in _nodes(brief, bm.Mention)}
    assert mentioned == {e.id for e in brief.entities}
    assert brief.subjects
    assert all(s.code and re.fullmatch(r"medtop:\d{8}", s.code) for s in brief.subjects)


def _script_share(text: str, script: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(script in unicodedata.name(c, "") for c in letters) / len(letters)


def test_water_talks_is_written_in_arabic() -> None:
    brief = _load("water-talks-ar.json")
    assert brief.language == "ar"
    assert _script_share(brief.plain_text(), "ARABIC") > 0.95
    assert len(brief.sections) >= 3
    assert _nodes(brief, bm.ItemList)


def test_grid_outlook_is_an_analytic_assessment() -> None:
    brief = _load("grid-outlook-judgments.json")
    source_ids = {s.id for s in brief.sources}
    judgments = _nodes(brief, bm.Judgment)
    assert len(judgments) >= 3
    for judgment in judgments:
        assert judgment.confidence
        assert judgment.likelihood
        assert judgment.basis
        assert set(judgment.basis) <= source_ids
    assert len({j.likelihood for j in judgments}) == len(judgments)
    assert all(s.reliability and s.credibility for s in brief.sources)
    assert any(q.source_ref in source_ids for q in _nodes(brief, bm.Quote))
    assert any(
        any(type(node) is bm.Citation for node in p.content) for p in _nodes(brief, bm.Paragraph)
    )
    assert all(f.alt for f in _nodes(brief, bm.Figure))
    assert _nodes(brief, bm.Figure)
    assert brief.corrections
    assert brief.extensions


def test_examples_do_not_reuse_the_seed_text(shared: Path) -> None:
    seed = (shared / "seeds" / "tokyo-alignment.txt").read_text(encoding="utf-8")
    phrases = {
        " ".join(words[i : i + 6])
        for line in seed.splitlines()
        for words in [line.split()]
        for i in range(len(words) - 5)
    }
    for path in FILES:
        text = " ".join(bm.load(path).plain_text().split())
        reused = [phrase for phrase in phrases if phrase in text]
        assert not reused, f"{path.name} repeats the seed: {reused[:3]}"
