"""The source tree keeps the shape that shows the architecture: every module of the package
and of the benchmarks opens with a docstring saying what it holds and stays small enough to
read (about 600 lines), every built-in format is a package with the same two modules, and
the tests reach ../shared only through the fixture that skips (or fails in CI) without it."""

from __future__ import annotations

import ast
import re
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


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """The string constants of a module, but not its docstrings (which may name ../shared)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


TESTS = sorted(p for p in (ROOT / "tests").rglob("*.py") if p != ROOT / "tests" / "conftest.py")


def test_only_the_shared_fixture_spells_the_shared_folder() -> None:
    """A test that built the path to ../shared itself would fail, not skip, in a clone
    without it (issue 11): it must take the ``shared`` or ``seed`` fixture instead."""
    spelled = [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in TESTS
        for line, value in _strings(ast.parse(path.read_text("utf-8")))
        if re.search(r"(^|/)shared(/|$)", value)
    ]
    assert spelled == []
