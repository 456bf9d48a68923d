"""How deep a brief may nest: every writer (and ``to_dict``, ``text.losses``) refuses a
brief deeper than the model allows, at its first node too deep, before it recurses into
it, so that no format writes what no reader takes back; the deepest brief the model
allows is written and read back in every format. (The readers' own bounds on deep input
are tested in each format's ``test_hostile.py``.)"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import text

ROOT = Path(__file__).resolve().parent.parent
CREATED = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)


def _brief(sections: list[bm.Section]) -> bm.Brief:
    return bm.Brief(id="urn:example:deep", headline="Deep", created=CREATED, sections=sections)


def deep_sections(n: int) -> bm.Brief:
    section = bm.Section(title="T", blocks=[bm.Paragraph(content="Deepest.")])
    for _ in range(n):
        section = bm.Section(title="T", sections=[section])
    return _brief([section])


def deep_lists(n: int) -> bm.Brief:
    items = bm.ItemList(items=["deepest"])
    for _ in range(n):
        items = bm.ItemList(items=[bm.ListItem(content="item", blocks=[items])])
    return _brief([bm.Section(blocks=[items])])


def deep_inline(n: int) -> bm.Brief:
    content: object = "deepest"
    for level in range(n):
        content = (bm.Emphasis, bm.Strong)[level % 2](content=["a ", content])
    return _brief([bm.Section(blocks=[bm.Paragraph(content=["p ", content])])])


def deep_links(n: int) -> bm.Brief:
    content: object = "deepest"
    for level in range(n):
        content = (
            bm.Link(href="https://example.org/", content=["a ", content])
            if level % 2
            else bm.Emphasis(content=["b ", content])
        )
    return _brief([bm.Section(blocks=[bm.Paragraph(content=["p ", content])])])


SHAPES: dict[str, Callable[[int], bm.Brief]] = {
    "sections": deep_sections,
    "lists": deep_lists,
    "inline": deep_inline,
    "links": deep_links,
}


def deepest(shape: Callable[[int], bm.Brief]) -> int:
    """The most levels of ``shape`` that the rules take (structure.too-deep beyond)."""
    n = 0
    while not bm.rules.check(shape(n + 1)):
        n += 1
    return n


DEEPEST = {name: deepest(shape) for name, shape in SHAPES.items()}


@functools.cache
def huge(name: str) -> bm.Brief:
    """The shape nested 20 000 levels (built once)."""
    return SHAPES[name](20_000)


def _first_too_deep(brief: bm.Brief) -> str:
    """Where the rules report structure.too-deep (the oracle for the writers)."""
    (problem,) = [p for p in bm.rules.check(brief) if p.code == "structure.too-deep"]
    return problem.path


def test_the_shapes_reach_the_models_limit() -> None:
    assert all(n > 10 for n in DEEPEST.values()), DEEPEST
    for name, shape in SHAPES.items():
        assert bm.validate(shape(DEEPEST[name])).ok
        assert not bm.validate(shape(DEEPEST[name] + 1)).ok


@pytest.mark.parametrize("fmt", bm.formats())
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_writer_refuses_a_brief_deeper_than_the_model_at_its_node(
    fmt: str, name: str
) -> None:
    # A brief a few levels too deep was written by every format (and read back by none);
    # hundreds of levels deep, json, ninjs and markdown refused it while html, newsml and
    # text wrote it.
    for brief in (SHAPES[name](DEEPEST[name] + 1), huge(name)):
        first = _first_too_deep(brief)
        for write, args in ((bm.dumpb, (brief, fmt)), (bm.formats.by_name(fmt).write, (brief,))):
            with pytest.raises(bm.ValidationError) as caught:
                write(*args)
            (problem,) = caught.value.problems
            assert (problem.code, problem.path) == ("structure.too-deep", first)


def test_to_dict_losses_and_dump_refuse_a_brief_too_deep(tmp_path: Path) -> None:
    brief = huge("sections")
    for call in (lambda: bm.to_dict(brief), lambda: text.losses(brief)):
        with pytest.raises(bm.ValidationError, match=r"structure\.too-deep"):
            call()
    with pytest.raises(bm.ValidationError, match=r"structure\.too-deep"):
        bm.dump(brief, tmp_path / "deep.json")
    assert list(tmp_path.iterdir()) == []
    # The model's own walks do not recurse: the headline, 20 001 titles, the paragraph.
    assert len(brief.plain_text().split("\n")) == 20_003
    assert [p.code for p in bm.validate(brief).problems] == ["structure.too-deep"]


@pytest.mark.parametrize("fmt", [n for n in bm.formats() if not bm.formats.by_name(n).write_only])
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_the_deepest_brief_the_model_allows_is_written_and_read_back(fmt: str, name: str) -> None:
    brief = SHAPES[name](DEEPEST[name])
    written = bm.dumpb(brief, fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        back = bm.loads(
            written, fmt, strict=False, **({"created": CREATED} if fmt == "text" else {})
        )
    if fmt != "text":  # (plain text holds no markup)
        assert bm.to_dict(back)["sections"] == bm.to_dict(brief)["sections"]


def test_refusing_needs_no_more_than_a_low_recursion_limit() -> None:
    """Briefs 10 000 levels deep are refused by every writer with Python's recursion limit
    at a fifth of its default: the check walks without recursion."""
    code = """
import json, sys
sys.setrecursionlimit(200)
import briefmodel as bm
from tests.test_depth import SHAPES
found = {}
for name, shape in SHAPES.items():
    deep = shape(10_000)
    for fmt in bm.formats():
        try:
            bm.dumpb(deep, fmt)
        except bm.ValidationError as error:
            found[name + " " + fmt] = error.problems[0].code
print(json.dumps(found))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    assert set(found.values()) == {"structure.too-deep"}
    assert len(found) == len(SHAPES) * len(bm.formats())
