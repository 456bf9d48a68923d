"""The plain-text format both ways: every brief written and read back is what text
holds of it, through ``bm.dumps``/``bm.loads``, files and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.testing import briefs

from ._support import EXAMPLES, project, round_trip, structure


@given(briefs())
def test_every_brief_reads_back_as_what_text_holds(brief: bm.Brief) -> None:
    assert round_trip(brief) == project(brief)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_read_back_as_what_text_holds(path: Path) -> None:
    brief = bm.load(path)
    again = round_trip(brief)
    assert again == project(brief)
    assert bm.validate(again).ok
    assert len(again.sections) >= 3  # the projection is not trivially empty


def test_files_by_suffix(tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[-1])
    target = tmp_path / "brief.txt"
    bm.dump(brief, target)
    assert target.read_text("utf-8") == bm.dumps(brief, "text")
    assert structure(bm.load(target)) == structure(project(brief))


def test_command_line_converts_both_ways(tmp_path: Path, seed: Path) -> None:
    copy = tmp_path / "seed.txt"
    copy.write_bytes(seed.read_bytes())
    as_json = tmp_path / "seed.json"
    assert main(["convert", str(copy), "-o", str(as_json), "-q"]) == 0
    brief = bm.load(as_json)
    assert brief.headline.startswith("Trump Signals")
    back = tmp_path / "back.txt"
    assert main(["convert", str(as_json), "-o", str(back)]) == 0
    assert bm.load(back) == bm.loads(seed.read_text("utf-8"), "text")


def test_a_table_row_that_begins_with_a_bullet_after_empty_cells_reads_back() -> None:
    # Hypothesis found it: the row was written "        •" and read back as a list item.
    from datetime import datetime, timezone

    head = bm.TableRow(cells=[bm.TableCell(content="A", header="col")] * 3)
    body = bm.TableRow(cells=[bm.TableCell(), bm.TableCell(), bm.TableCell(content="•")])
    brief = bm.Brief(
        id="urn:example:brief:a",
        headline="A",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Table(head=[head], body=[body])])],
    )
    assert round_trip(brief) == project(brief)
