"""The public API type-checks the way MODEL.md promises: lists and plain str are accepted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

USAGE = """
from datetime import datetime, timezone
import briefmodel as bm

brief = bm.Brief(
    id="urn:example:1",
    headline="Pilot fees fall",
    created=datetime(2026, 1, 1, tzinfo=timezone.utc),
    sections=[bm.Section(title="Key Points", role="key-points", blocks=[
        bm.Paragraph(content="Plain text is rich text."),
        bm.Paragraph(content=["Mixed ", bm.Strong(content="text"), bm.Citation(ref="s1")]),
        bm.ItemList(items=["one", ["two ", bm.Emphasis(content="more")]]),
        bm.Quote(content="Quoted.", attribution="A harbour pilot"),
        bm.Judgment(statement="Likely.", confidence="high", likelihood="likely", basis=["s1"]),
    ])],
    keywords=["ports"],
    sources=[bm.Source(id="s1", title="Notice")],
    entities=[bm.Entity(id="e1", kind="place", name="Harbour", identifiers={"iso3166": "NO"})],
    extensions={"acme:desk": {"shift": [1, 2]}},
)
text: str = bm.dumps(brief, indent=2)
again: bm.Brief = bm.loads(text)
report: bm.Report = bm.validate(text)
codes: list[str] = [problem.code for problem in report.problems]
"""

WRONG = """
import briefmodel as bm
bm.Paragraph(content=3)
bm.Judgment(statement="x", confidence="certain")
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    if (
        shutil.which("mypy") is None
        and subprocess.run(
            [sys.executable, "-m", "mypy", "--version"], capture_output=True
        ).returncode
    ):
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    target = tmp_path / "usage.py"
    target.write_text(source, "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(target)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )


def test_building_by_hand_type_checks(tmp_path: Path) -> None:
    result = _mypy(tmp_path, USAGE)
    assert result.returncode == 0, result.stdout


def test_wrong_values_are_type_errors(tmp_path: Path) -> None:
    result = _mypy(tmp_path, WRONG)
    assert result.returncode == 1
    assert 'Argument "content" to "Paragraph"' in result.stdout
    assert 'Argument "confidence" to "Judgment"' in result.stdout
