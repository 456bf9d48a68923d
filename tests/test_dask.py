"""The Dask recipe of ``docs/recipes.md`` runs as written, on Dask's local process
scheduler: briefs and conversion results pickle, so the conversion that ``briefmodel
convert`` runs for each file runs on Dask too. Without Dask the tests skip (and fail in
CI, where it must be installed)."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType

import pytest

import briefmodel as bm

from ._browser import missing

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recipes.md"


def dask_bag() -> ModuleType:
    try:
        import dask.bag
    except ImportError:
        missing("dask", "pip install dask, or install briefmodel's test extra")
    return dask.bag


def recipe() -> str:
    """The Python block of the "Converting on Dask" section."""
    text = RECIPES.read_text("utf-8")
    section = text[text.index("## Converting on Dask") :]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None, "the Dask section has no python block"
    return found.group(1)


def brief(number: int) -> bm.Brief:
    return bm.Brief(
        id=f"urn:example:{number}",
        headline=f"Brief number {number}",
        created=datetime(2026, 4, 7, 8, 30, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=["Text", bm.Citation(ref="s1")])])],
        sources=[bm.Source(id="s1", title="Source")],
    )


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_the_recipe_converts_a_batch_on_dask() -> None:
    dask_bag()
    Path("incoming/more").mkdir(parents=True)
    for number in range(12):
        folder = "incoming/more" if number % 3 == 0 else "incoming"
        bm.dump(brief(number), f"{folder}/{number:02d}.json")
    Path("incoming/bad.json").write_text('{"schema": "briefmodel/2"}', "utf-8")
    printed = io.StringIO()
    namespace: dict[str, object] = {"__name__": "__recipe__"}
    with contextlib.redirect_stdout(printed):
        exec(compile(recipe(), str(RECIPES), "exec"), namespace)
    lines = printed.getvalue().splitlines()
    assert lines[0] == "13 files, 12 converted, 1 failed"
    assert lines[1].startswith("incoming/bad.json /headline: error schema.required: ")
    written = sorted(p.relative_to("outgoing").as_posix() for p in Path("outgoing").rglob("*.xml"))
    assert written == sorted(
        f"more/{n:02d}.xml" if n % 3 == 0 else f"{n:02d}.xml" for n in range(12)
    )
    for number in range(12):
        folder = "outgoing/more" if number % 3 == 0 else "outgoing"
        assert bm.load(f"{folder}/{number:02d}.xml") == brief(number)
    assert not list(Path("outgoing").rglob(".*"))  # no temporary file left


def test_briefs_travel_between_dask_workers() -> None:
    bag = dask_bag()
    for number in range(6):
        bm.dump(brief(number), f"{number}.json")
    paths = sorted(Path().glob("*.json"))
    loaded = bag.from_sequence(paths, npartitions=3).map(bm.load)
    briefs = loaded.compute(scheduler="processes", num_workers=2)
    assert briefs == [brief(n) for n in range(6)]
    pages = loaded.map(bm.dumps, "html").compute(scheduler="processes", num_workers=2)
    assert pages == [bm.dumps(brief(n), "html") for n in range(6)]
