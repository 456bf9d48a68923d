"""The documentation: its examples run, its tables match the code, and the site builds.

- Every fenced ``pycon``/``python`` block whose first line starts with ``>>>`` is a
  doctest; the blocks of one page run in order in one namespace, like a session.
- A ``python`` block right after a ``<!-- runnable -->`` line is run as a module, and
  every ``test_*`` function it defines is called.
- The field tables of the model page list exactly the fields of each model class.
- The options the command-line examples use exist.
- ``mkdocs build --strict`` succeeds (skipped when MkDocs is not installed), and the
  built validation page lists every problem code of :data:`briefmodel.rules.CODES`.
"""

from __future__ import annotations

import doctest
import html
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import attrs
import pytest

import briefmodel as bm
from briefmodel import model as m
from briefmodel.rules import CODES

from ._tools import weasyprint_loads

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
RUNNABLE = "<!-- runnable -->"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`\n]*)$")


class Block(NamedTuple):
    """A fenced code block of a Markdown page."""

    page: Path
    lineno: int  # 0-based line of the first line of code
    language: str
    code: str
    runnable: bool

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.lineno + 1}"


def fenced_blocks(page: Path) -> Iterator[Block]:
    """Every fenced code block of ``page``, dedented by its fence's indentation."""
    lines = page.read_text("utf-8").split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening.group("indent"), opening.group("fence")
        info = opening.group("info").strip()
        language = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        previous = lines[index - 1].strip() if index else ""
        body: list[str] = []
        start = index + 1
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            line = lines[index]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            index += 1
        index += 1
        yield Block(page, start, language, "\n".join(body), previous == RUNNABLE)


ALL_BLOCKS = [block for page in PAGES for block in fenced_blocks(page)]


def _is_doctest(block: Block) -> bool:
    return block.language in ("pycon", "python", "py") and block.code.lstrip().startswith(">>>")


DOCTEST_PAGES = sorted({block.page for block in ALL_BLOCKS if _is_doctest(block)})
RUNNABLE_BLOCKS = [block for block in ALL_BLOCKS if block.runnable]


def test_the_docs_have_examples_to_run() -> None:
    names = {page.relative_to(DOCS).as_posix() for page in DOCTEST_PAGES}
    assert {"index.md", "getting-started.md", "formats/json.md", "validation.md"} <= names
    assert RUNNABLE_BLOCKS, "the property-testing example should be marked runnable"


#: What a page's examples need beyond the test extras, checked before they run (a skip
#: saying what is missing, except in CI): the PDF page's, WeasyPrint's system libraries.
_PAGE_NEEDS = {"formats/pdf.md": weasyprint_loads}


@pytest.mark.parametrize(
    "page", DOCTEST_PAGES, ids=[p.relative_to(DOCS).as_posix() for p in DOCTEST_PAGES]
)
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    needs = _PAGE_NEEDS.get(page.relative_to(DOCS).as_posix())
    if needs is not None:
        needs()
    # Examples that make temporary folders make them inside tmp_path.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    examples: list[doctest.Example] = []
    for block in fenced_blocks(page):
        if not _is_doctest(block):
            continue
        for example in parser.get_examples(block.code, name=block.name):
            example.lineno += block.lineno
            examples.append(example)
    test = doctest.DocTest(
        examples,
        globs={"__name__": "__docs__"},
        name=page.relative_to(ROOT).as_posix(),
        filename=str(page),
        lineno=0,
        docstring=None,
    )
    output: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=output.append)
    assert runner.failures == 0, "".join(output)
    assert runner.tries == len(examples) > 0


@pytest.mark.parametrize("block", RUNNABLE_BLOCKS, ids=[b.name for b in RUNNABLE_BLOCKS])
def test_runnable_blocks_run(block: Block) -> None:
    pytest.importorskip("hypothesis")
    module = ModuleType("docs_example")
    code = compile(block.code, block.name, "exec")
    exec(code, module.__dict__)
    tests = [
        value
        for name, value in vars(module).items()
        if name.startswith("test_") and callable(value)
    ]
    assert tests, f"{block.name} defines no test_* function to run"
    for function in tests:
        function()


# --------------------------------------------------------------------------------------
# The model page documents every field of every class


def _model_tables() -> dict[str, list[str]]:
    """The field names in the first table under each heading of the model page."""
    tables: dict[str, list[str]] = {}
    heading: str | None = None
    rows: list[str] | None = None  # the table being read, if any
    for line in (DOCS / "model.md").read_text("utf-8").split("\n"):
        found = re.match(r"^#{2,3} (\w+)$", line)
        if found:
            heading, rows = found.group(1), None
        elif heading is not None and heading not in tables and line.startswith("| field |"):
            rows = tables[heading] = []
        elif rows is not None and line.startswith("| `"):
            rows.append(line.split("`")[1])
        elif rows is not None and not line.startswith("|"):
            rows = None
    return tables


@pytest.mark.parametrize("cls", m.MODEL_TYPES, ids=[c.__name__ for c in m.MODEL_TYPES])
def test_model_page_lists_every_field(cls: type) -> None:
    text = (DOCS / "model.md").read_text("utf-8")
    assert f"::: briefmodel.model.{cls.__name__}\n" in text
    fields = [field.name for field in attrs.fields(cls)]
    tables = _model_tables()
    if not fields:
        assert cls.__name__ not in tables
        return
    assert tables.get(cls.__name__) == fields


def test_public_names_are_on_the_api_page() -> None:
    text = (DOCS / "api.md").read_text("utf-8")
    for name in bm.__all__:
        assert f"bm.{name}`" in text, f"bm.{name} is not mentioned in docs/api.md"


# --------------------------------------------------------------------------------------
# The command-line examples use options that exist


def _command_lines() -> Iterator[tuple[Block, list[str]]]:
    for block in ALL_BLOCKS:
        if block.language != "console":
            continue
        for line in block.code.split("\n"):
            if line.startswith("$ briefmodel "):
                yield block, shlex.split(line[2:])


def test_command_line_examples_use_real_options() -> None:
    cli = pytest.importorskip("briefmodel.cli")
    parser = cli.build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    checked = 0
    for block, words in _command_lines():
        command = subparsers.choices[words[1]]
        known = {option for action in command._actions for option in action.option_strings}
        for word in words[2:]:
            if word.startswith("-") and word != "-":
                assert word.split("=")[0] in known, f"{block.name}: {word} is not an option"
        checked += 1
    assert checked >= 3


def test_documented_cli_options_exist() -> None:
    cli = pytest.importorskip("briefmodel.cli")
    parser = cli.build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    known = {
        option
        for command in subparsers.choices.values()
        for action in command._actions
        for option in action.option_strings
    }
    text = (DOCS / "getting-started.md").read_text("utf-8")
    section = text[text.index("## The command line") : text.index("## Property-test")]
    mentioned = set(re.findall(r"`(--?[a-z][a-z-]*)", section))
    assert mentioned, "the command-line section names no options"
    assert mentioned <= known, f"documented but missing: {sorted(mentioned - known)}"


# --------------------------------------------------------------------------------------
# The rules table and the site


def _load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_table_lists_every_code() -> None:
    hooks = _load_hooks()
    page = (DOCS / "validation.md").read_text("utf-8")
    assert hooks.MARKER in page
    assert hooks.with_current_table(page) == page, (
        "the rules table in docs/validation.md is stale: run python docs/hooks.py"
    )
    rendered = hooks.on_page_markdown(page, page=None, config=None, files=None)
    rows = re.findall(r"^\| `([^`]+)` \| (error|warning) \| (\w+) \| (.+) \|$", rendered, re.M)
    assert [row[0] for row in rows] == list(CODES)
    for code, severity, _layer, meaning in rows:
        assert (severity, meaning.replace("\\|", "|")) == CODES[code]
    layers = {code: layer for code, _, layer, _ in rows}
    assert layers["parse.syntax"] == "parse"
    assert layers["schema.required"] == "schema"
    assert layers["ref.unknown-entity"] == "rules"
    assert layers["structure.invalid"] == "structure"
    assert layers["convert.crashed"] == "cli"


def test_pages_without_the_marker_are_unchanged() -> None:
    hooks = _load_hooks()
    text = "# Title\n\nNo table here.\n"
    assert hooks.on_page_markdown(text, page=None, config=None, files=None) is text


def _have_mkdocs() -> str | None:
    for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
        try:
            found = importlib.util.find_spec(module)
        except ModuleNotFoundError:
            found = None
        if found is None:
            return module
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = _have_mkdocs()
    if missing is not None:
        pytest.skip(f"{missing} is not installed: pip install 'briefmodel[docs]' to build the docs")
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return target


def _text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text("utf-8")))


def test_site_builds_with_every_page(site: Path) -> None:
    for page in ("index", "getting-started", "model", "formats/json", "validation", "api"):
        assert (site / page / "index.html").is_file() or (site / f"{page}.html").is_file()
    assert (site / "changelog" / "index.html").is_file()
    assert not list(site.rglob("*.py")), "the docs' Python helpers must not be published"


def test_built_rules_page_lists_every_code(site: Path) -> None:
    page = (site / "validation" / "index.html").read_text("utf-8")
    assert page.count("<!-- rules-table -->") == 1  # the table appears once, not twice
    for code, (severity, _) in CODES.items():
        cell = re.search(rf"<td><code>{re.escape(code)}</code></td>\s*<td>{severity}</td>", page)
        assert cell is not None, f"{code} ({severity}) is not in the built table"


def test_built_api_reference_documents_the_code(site: Path) -> None:
    model = (site / "model" / "index.html").read_text("utf-8")
    api = (site / "api" / "index.html").read_text("utf-8")
    for cls in m.MODEL_TYPES:
        assert f'id="briefmodel.model.{cls.__name__}' in model, cls.__name__
    for name in ("validate", "dumps", "loads"):
        assert f'id="briefmodel.{name}"' in api
    for name in ("ParseError", "ValidationError", "ModelError", "Problem", "Report"):
        assert f'id="briefmodel.errors.{name}"' in api
    assert 'id="briefmodel.formats.formats"' in api
    # Each format's two entry points, though each lives in a module of the same name
    # (formats/html/read.py defines read), are documented as the functions.
    for fmt in ("newsml", "html", "ninjs", "markdown", "text"):
        for direction in ("read", "write"):
            heading = re.search(
                rf'id="briefmodel\.formats\.{fmt}\.{direction}".{{0,400}}', api, re.S
            )
            assert heading is not None, f"{fmt}.{direction}"
            assert "doc-symbol-function" in heading.group(0), f"{fmt}.{direction} is not a function"
    assert 'id="briefmodel.rules.CODES"' in api
    # The docstring rewriting worked: no reST roles are left in the rendered text.
    for text in (_text(site / "model" / "index.html"), _text(site / "api" / "index.html")):
        assert not re.search(r":(func|class|meth|attr|data|mod|exc):", text)


def test_built_changelog_includes_the_changelog(site: Path) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    first_heading = next(line for line in changelog.split("\n") if line.startswith("## "))
    assert first_heading[3:].strip() in _text(site / "changelog" / "index.html")
