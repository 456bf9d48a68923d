"""How the reader builds a brief: the body read into canonical JSON data and built with
the metadata in one call of the canonical JSON reader, whose generated builder takes what
the model holds and whose general path explains what it does not. The builder must never
accept what the general path refuses, nor build another brief: held to 6,000 mutants of
briefmodel's own Markdown (and Markdown's own plain text to the model's)."""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Iterator
from unittest import mock

from hypothesis import given

import briefmodel as bm
from briefmodel import _generated
from briefmodel.formats.markdown import _nodes
from briefmodel.testing import briefs

from ..._profiles import examples
from .._lean import DOCUMENTS

read_module = importlib.import_module("briefmodel.formats.markdown.read")


@given(briefs())
def test_plain_text_of_the_data_is_the_models(brief: bm.Brief) -> None:
    for node in brief.walk():
        content = getattr(node, "content", None)
        if isinstance(content, tuple):
            data = bm.to_dict(
                bm.Brief(
                    id="x",
                    headline="h",
                    sections=[bm.Section(blocks=[bm.Paragraph(content=content)])],
                )
            )["sections"][0]["blocks"][0].get("content", [])
            data = [data] if isinstance(data, str) else data
            assert _nodes.plain_text(data) == bm.plain_text(content)


def test_what_the_model_refuses_in_the_body_names_its_line_and_pointer() -> None:
    text = (
        "# Ferry Timetable\n\n## Changes\n\nThe first sailing moves.\n\n"
        "- [The operator](#entity:) says so\n"
    )
    try:
        bm.loads(text, "markdown")
    except bm.ValidationError as error:
        (problem,) = error.problems
    else:
        raise AssertionError("an empty mention's ref was accepted")
    assert problem.code == "id.malformed"
    assert problem.line == 7
    assert problem.path == "/sections/0/blocks/1/items/0/content/0/ref"


def test_problems_of_the_reading_and_of_the_model_come_together_by_line() -> None:
    text = (
        "# Ferry Timetable\n\n## Changes\n\n<div>kept out</div>\n\n"
        "[The operator](#entity:) says so.\n"
    )
    try:
        bm.loads(text, "markdown")
    except bm.ValidationError as error:
        found = [(p.line, p.code) for p in error.problems]
    else:
        raise AssertionError("accepted")
    assert found == [(5, "markdown.dropped"), (7, "id.malformed")]


def test_own_markdown_is_built_by_the_generated_builder_alone() -> None:
    json_read = importlib.import_module("briefmodel.formats.json.read")
    for path in DOCUMENTS:
        brief = bm.load(path)
        text = bm.dumps(brief, "markdown")
        with mock.patch.object(json_read, "_build", side_effect=AssertionError("general path")):
            assert read_module.read(text) == brief, path.name


def _outcome(text: str, *, generated: bool) -> object:
    """The brief the reader reads, or the problems it raises, with the generated builder
    or (``generated=False``) the general path alone."""
    patch = mock.patch.object(_generated, "builder", side_effect=_generated.Doubt)
    with patch if not generated else mock.MagicMock():
        try:
            return read_module.read(text, strict=True)
        except bm.ValidationError as error:
            return error.problems
        except bm.BriefmodelError as error:
            return ("refused", str(error))


#: What mutants put in: Markdown's own marks, and what briefmodel's idioms are made of.
_PIECES = [
    "*",
    "_",
    "**",
    "`",
    "[",
    "]",
    "(",
    ")",
    "](",
    "#",
    "## ",
    "{",
    "}",
    "{#x}",
    "{.list}",
    "> ",
    "- ",
    "1. ",
    "|",
    "\n",
    "\n\n",
    "  \n",
    "\\",
    "<b>",
    "&#0;",
    "&amp;",
    "![a](b)",
    "](#entity:",
    "](#source:",
    "[^1]",
    "{level=3}",
    "{level=x}",
    "[!JUDGMENT]",
    "— ",
    "```",
    "```briefmodel-table\n",
    '{"type": "table"}',
    "\u00a0",
    "\ufeff",
    "0",
    "",
]


def _mutants(count: int) -> Iterator[str]:
    rng = random.Random(20261207)
    texts = [bm.dumps(bm.load(path), "markdown") for path in DOCUMENTS]
    for _ in range(count):
        text = rng.choice(texts)
        for _ in range(rng.choice((1, 1, 2, 3))):
            at = rng.randrange(len(text) + 1)
            kind = rng.random()
            if kind < 0.5:
                text = text[:at] + rng.choice(_PIECES) + text[at:]
            elif kind < 0.8:
                text = text[:at] + text[at + rng.randint(1, 6) :]
            else:  # a word of the body changed into an id-like or empty one
                text = re.sub(
                    r"#(entity|source):[A-Za-z0-9_.-]+",
                    rng.choice(("#\\1:", "#\\1:9x")),
                    text,
                    count=1,
                )
        yield text


def test_the_generated_builder_and_the_general_path_agree_on_every_mutant() -> None:
    counts = {"mutants": 0, "read": 0, "refused": 0}
    for text in _mutants(examples(6_000)):
        counts["mutants"] += 1
        generated = _outcome(text, generated=True)
        general = _outcome(text, generated=False)
        assert generated == general, text
        counts["read" if isinstance(generated, bm.Brief) else "refused"] += 1
    # Both kinds are met: mutants that still read (text changed) and mutants refused.
    assert counts["read"] > counts["mutants"] // 10, counts
    assert counts["refused"] > counts["mutants"] // 10, counts
