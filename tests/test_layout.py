"""The source tree keeps the shape that shows the architecture: every module of the package
and of the benchmarks opens with a docstring saying what it holds and stays small enough to
read (about 600 lines), and every built-in format is a package with the same two modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import briefmodel as bm

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    [*(ROOT / "src" / "briefmodel").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]
)
MAX_LINES = 600


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_says_what_it_holds_and_is_small(path: Path) -> None:
    source = path.read_text("utf-8")
    assert ast.get_docstring(ast.parse(source)), f"{path.name} opens with no docstring"
    lines = source.count("\n")
    assert lines <= MAX_LINES, f"{lines} lines: split it by topic"


@pytest.mark.parametrize("name", bm.formats())
def test_each_format_is_a_package_with_a_reader_and_a_writer(name: str) -> None:
    package = ROOT / "src" / "briefmodel" / "formats" / name
    assert {"__init__.py", "read.py", "write.py"} <= {p.name for p in package.iterdir()}
    tests = ROOT / "tests" / "formats" / name
    assert {"__init__.py", "test_read.py", "test_write.py"} <= {p.name for p in tests.iterdir()}
