"""bm.chunks: a brief's body cut into chunks that fit, lose nothing, cut where the text
breaks best, say where they come from and what they mention."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel import _chunks
from briefmodel.testing import briefs

from ._profiles import examples

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _by_section(brief: bm.Brief) -> list[tuple[bm.Section, tuple[str | int, ...]]]:
    return [
        (section, path) for path, _, section in _chunks._sections(brief.sections, ("sections",), ())
    ]


def _resolve(data: Any, ref: str) -> Any:
    for part in ref.split("/")[1:]:
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


# -- nothing lost, everything fits ----------------------------------------------------


@settings(max_examples=examples(400))
@given(briefs(), st.integers(_chunks.MIN_MAX_CHARS, 120))
def test_chunks_fit_and_hold_every_word_of_their_section_once(brief: bm.Brief, most: int) -> None:
    found = list(bm.chunks(brief, max_chars=most))
    assert [c.index for c in found] == list(range(len(found)))
    for chunk in found:
        assert 0 < len(chunk.text) <= most
        assert chunk.text == chunk.text.strip()
    for section, path in _by_section(brief):
        text = _chunks._SectionText(section, path).text
        mine = [c for c in found if c.pointers[0].startswith(bm.pointer(path) + "/blocks/")]
        assert "".join("".join(c.text.split()) for c in mine) == "".join(text.split())


# Sentences of words, as paragraphs, for a reference that does not go through _chunks.
_words = st.text("bdghjkmpqw", min_size=2, max_size=9)  # (no initial, no abbreviation)
_sentences = st.lists(_words, min_size=1, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
_paragraphs = st.lists(_sentences, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=examples(400))
@given(
    st.lists(st.lists(_paragraphs, min_size=1, max_size=4), min_size=1, max_size=3),
    st.integers(_chunks.MIN_MAX_CHARS, 200),
    st.integers(0, 9),
)
def test_paragraphs_are_cut_between_words_and_whole_where_they_fit(
    sections: list[list[str]], most: int, overlap: int
) -> None:
    brief = bm.Brief(
        id="b",
        headline="H",
        sections=[
            bm.Section(title=f"S{i}", blocks=[bm.Paragraph(content=p) for p in paragraphs])
            for i, paragraphs in enumerate(sections)
        ],
    )
    found = list(bm.chunks(brief, max_chars=most, overlap=overlap))
    for i, paragraphs in enumerate(sections):
        mine = [c for c in found if c.headings == (f"S{i}",)]
        words = " ".join(paragraphs).split()
        said = [w for c in mine for w in c.text.split()]
        if not overlap:
            assert said == words
        assert set(said) == set(words)
        for chunk in mine:
            # No word is cut (every word is shorter than half a chunk), and a chunk cut
            # inside a paragraph ends a sentence, unless no sentence ends within its reach.
            assert set(chunk.text.split()) <= set(words), chunk.text
            assert chunk.text.endswith(".") or (
                "." not in chunk.text and len(chunk.text) >= most - 11  # (a word and its stop)
            ), chunk.text
        if not overlap:  # A paragraph of half a chunk is never cut.
            for j, p in enumerate(paragraphs):
                if len(p) <= most // 2 - 2:
                    ref = f"/sections/{i}/blocks/{j}"
                    assert sum(ref in c.pointers for c in mine) == 1


@settings(max_examples=examples(300))
@given(briefs(), st.integers(40, 160), st.integers(0, 19))
def test_overlap_repeats_at_most_that_much_of_the_chunk_before(
    brief: bm.Brief, most: int, overlap: int
) -> None:
    for section, path in _by_section(brief):
        text = _chunks._SectionText(section, path)
        cuts = list(_chunks._cuts(text, most, overlap))
        covered = set()
        for (start, end, _), (after, _, _) in itertools.pairwise(cuts):
            assert start < after
            assert after >= end - overlap - 1  # (at most the overlap, from a word's start)
        for start, end, _ in cuts:
            assert end - start <= most
            covered.update(range(start, end))
        assert all(i in covered or c.isspace() for i, c in enumerate(text.text))


@settings(max_examples=examples(300))
@given(briefs(), st.integers(_chunks.MIN_MAX_CHARS, 300), st.integers(0, 9))
def test_in_context_chunks_fit_with_their_headline_and_headings(
    brief: bm.Brief, most: int, overlap: int
) -> None:
    found = list(bm.chunks(brief, max_chars=most, overlap=overlap, size_of="in_context"))
    for chunk in found:
        context = len(chunk.in_context()) - len(chunk.text)
        if most - context >= _chunks.MIN_MAX_CHARS:
            assert len(chunk.in_context()) <= most
        else:  # (the headings leave too little: the text still gets its least)
            assert len(chunk.text) <= _chunks.MIN_MAX_CHARS
    # The same text as text-sized chunks, only cut more often.
    plain = list(bm.chunks(brief, max_chars=most))
    if not overlap:
        assert "".join("".join(c.text.split()) for c in found) == "".join(
            "".join(c.text.split()) for c in plain
        )
    assert len(found) >= len(plain)


# -- where each chunk comes from, and what it mentions ---------------------------------


@settings(max_examples=examples(300))
@given(briefs(), st.integers(_chunks.MIN_MAX_CHARS, 200))
def test_pointers_mentions_and_citations(brief: bm.Brief, most: int) -> None:
    data = bm.to_dict(brief)
    entities = {e.id for e in brief.entities}
    sources = {s.id for s in brief.sources}
    found = list(bm.chunks(brief, max_chars=most))
    for chunk in found:
        assert chunk.pointer == chunk.pointers[0]
        for ref in chunk.pointers:
            assert "type" in _resolve(data, ref), ref  # (a block)
        assert set(chunk.entities) <= entities
        assert set(chunk.sources) <= sources
        assert (chunk.brief_id, chunk.headline, chunk.created) == (
            brief.id,
            brief.headline,
            brief.created,
        )
        assert json.loads(json.dumps(chunk.to_dict()))["pointers"] == list(chunk.pointers)
    # Every mention with text is in a chunk of its section, and so is every citation.
    for section, path in _by_section(brief):
        mine = [c for c in found if c.pointers[0].startswith(bm.pointer(path) + "/blocks/")]
        text = _chunks._SectionText(section, path)
        for start, end, ref in text.mentions:
            if text.text[start:end].strip():
                assert any(ref in c.entities for c in mine)
        for _, _, ref in text.citations if text.text.strip() else ():
            assert any(ref in c.sources for c in mine), ref


@settings(max_examples=examples(300))
@given(briefs(), st.integers(_chunks.MIN_MAX_CHARS, 120), st.integers(0, 9))
def test_blocks_mentions_and_citations_are_found_as_a_scan_finds_them(
    brief: bm.Brief, most: int, overlap: int
) -> None:
    for section, path in _by_section(brief):
        text = _chunks._SectionText(section, path)
        starts = [at for at, _ in text.blocks] + [text.length]
        for start, end, until in _chunks._cuts(text, most, overlap):
            blocks = tuple(
                p for i, (at, p) in enumerate(text.blocks) if at < end and starts[i + 1] > start
            )
            mentioned = [
                r for a, b, r in text.mentions if (a < end and b > start) or start <= a == b <= end
            ]
            cited = [r for a, _, r in text.citations if start <= a <= until]
            assert text.pointers(start, end) == blocks
            assert text.entities(start, end) == tuple(dict.fromkeys(mentioned))
            assert text.sources(start, until) == tuple(dict.fromkeys(cited))


def test_a_chunk_says_its_headings_section_and_blocks() -> None:
    brief = bm.Brief(
        id="b1",
        headline="Harbour fees",
        entities=[bm.Entity(id="npa", kind="organization", name="Port authority")],
        sources=[bm.Source(id="notice", title="Tariff notice")],
        sections=[
            bm.Section(
                id="outlook",
                title="Outlook",
                blocks=[bm.Paragraph(content="Short.")],
                sections=[
                    bm.Section(
                        title="Carriers",
                        blocks=[
                            bm.Paragraph(
                                content=[bm.Mention(ref="npa", content="The authority"), " waits."]
                            ),
                            bm.Judgment(
                                statement="Fees will rise.",
                                likelihood="very-likely",
                                confidence="high",
                                basis=["notice"],
                            ),
                        ],
                    )
                ],
            )
        ],
    )
    first, second = bm.chunks(brief)
    assert (first.text, first.headings, first.section_id) == ("Short.", ("Outlook",), "outlook")
    assert second.headings == ("Outlook", "Carriers")
    assert second.text == "The authority waits.\n\nFees will rise. (very likely, high confidence)"
    assert second.pointers == ("/sections/0/sections/0/blocks/0", "/sections/0/sections/0/blocks/1")
    assert (second.entities, second.sources) == (("npa",), ("notice",))
    assert second.in_context().splitlines()[:3] == ["Harbour fees", "Outlook", "Carriers"]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Mr. Tanaka met Dr. Ruiz. They agreed.", "Mr. Tanaka met Dr. Ruiz."),
        ("U.S. officials said so. Others did not.", "U.S. officials said so."),
        ("Output fell 1.4 percent. Prices rose.", "Output fell 1.4 percent."),
        ("“Never,” he said. The talks ended.", "“Never,” he said."),
        ("He asked why? Nobody knew the answer.", "He asked why?"),
        ("会談は終わった。次の会合は来月の十日に東京で開かれる予定だ。", "会談は終わった。"),
    ],
)
def test_sentences_end_where_they_end(text: str, cut: str) -> None:
    brief = bm.Brief(
        id="b", headline="H", sections=[bm.Section(blocks=[bm.Paragraph(content=text)])]
    )
    assert next(bm.chunks(brief, max_chars=max(20, len(cut) + 3))).text == cut


def test_lists_and_tables_are_cut_between_lines() -> None:
    items = [f"Item number {i} of the list" for i in range(12)]
    brief = bm.Brief(
        id="b",
        headline="H",
        sections=[
            bm.Section(
                blocks=[
                    bm.ItemList(items=items, ordered=True),
                    bm.Table(
                        body=[bm.TableRow(cells=["Port", "Fee"]), bm.TableRow(cells=["A", "3"])]
                    ),
                ]
            )
        ],
    )
    found = [c.text for c in bm.chunks(brief, max_chars=100)]
    lines = [line for text in found for line in text.splitlines() if line]
    assert lines == [f"{i + 1}. {item}" for i, item in enumerate(items)] + ["Port | Fee", "A | 3"]
    assert all(len(t) <= 100 for t in found)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_chunk_whole(path: Path) -> None:
    brief = bm.load(path)
    found = list(bm.chunks(brief, max_chars=300, overlap=50))
    assert found
    assert all(len(c.text) <= 300 for c in found)
    mentioned = {ref for c in found for ref in c.entities}
    assert mentioned <= {e.id for e in brief.entities}


def test_the_seed_read_as_text_chunks(seed: Path) -> None:
    with pytest.warns(bm.BriefmodelWarning):  # (what text reading leaves out, said)
        brief = bm.load(seed, "text", strict=False)
    found = list(bm.chunks(brief, max_chars=800, overlap=100))
    assert len(found) > 3
    words = re.findall(r"\w+", " ".join(c.text for c in found))
    body = re.findall(r"\w+", bm.dumps(brief, "text"))
    assert set(words) <= set(body)
    assert len(set(words)) > 0.8 * len(set(body) - set(re.findall(r"\w+", brief.headline)))


# -- options -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"max_chars": 5}, "max_chars"),
        ({"max_chars": "100"}, "max_chars"),
        ({"max_chars": True}, "max_chars"),
        ({"overlap": -1}, "overlap"),
        ({"max_chars": 100, "overlap": 50}, "overlap"),
        ({"overlap": 1.5}, "overlap"),
        ({"size_of": "context"}, "size_of"),
    ],
)
def test_bad_options_are_option_errors(options: dict[str, Any], option: str) -> None:
    brief = bm.Brief(
        id="b", headline="H", sections=[bm.Section(blocks=[bm.Paragraph(content="x")])]
    )
    with pytest.raises(bm.OptionError) as refused:
        bm.chunks(brief, **options)  # (when called, not when iterated)
    assert refused.value.option == option


def test_only_a_brief_is_chunked() -> None:
    with pytest.raises(bm.OptionError, match="expected a Brief"):
        bm.chunks({"headline": "H"})  # type: ignore[arg-type]


def test_a_section_of_many_blocks_is_chunked_in_linear_time() -> None:
    # (No clock: the lines of _chunks run are counted. A scan of every block, mention or
    # citation for each chunk made four times the blocks sixteen times the work.)
    import sys

    def cost(n: int) -> int:
        lines = 0
        here = _chunks.__file__

        def trace(frame: Any, event: str, arg: Any) -> Any:
            nonlocal lines
            if frame.f_code.co_filename != here:
                return None
            lines += event == "line"
            return trace

        paragraphs = [
            bm.Paragraph(
                content=[bm.Mention(ref="e", content="E"), f" {i} is here", bm.Citation(ref="s")]
            )
            for i in range(n)
        ]
        brief = bm.Brief(
            id="b",
            headline="H",
            entities=[bm.Entity(id="e", kind="person", name="E")],
            sources=[bm.Source(id="s", title="S")],
            sections=[bm.Section(blocks=paragraphs)],
        )
        sys.settrace(trace)
        try:
            found = sum(1 for _ in bm.chunks(brief, max_chars=40))
        finally:
            sys.settrace(None)
        assert found >= n // 3
        return lines

    small, large = cost(300), cost(1200)
    assert large <= 6 * small, (small, large)
