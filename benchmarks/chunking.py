"""``bm.chunks`` against docling-core's ``HybridChunker`` on the same briefs.

Each brief is given to docling-core as the DoclingDocument it would be: the headline as
its title, each section's title as a heading at its level, each paragraph, quote,
judgment and figure caption as a text item of the same plain text ``bm.chunks`` reads,
each list item as a list item and each table row as a text line. ``HybridChunker`` runs
with a tokenizer that counts characters, so that both are held to the same number of
characters. docling counts the headline and headings it puts before a chunk's text
(``contextualize``) in that number, ``bm.chunks`` the text alone (``in_context()`` adds
them), so docling's texts are shorter for the same size: compare the fill with that in
mind.

What is measured, for each chunker and size: the chunks; how full their texts are; those
whose text is over the size, and those over it with the headings put before it; those that
end inside a sentence (not at the end of a block, a list item, a table row or a sentence);
the words of the briefs lost or repeated (without overlap, each word of the body should be
in exactly one chunk); the chunks whose text mixes two sections; and the CPU time.
docling-core is not a dependency of briefmodel: install it beside it to run this::

    pip install 'docling-core[chunking]'
    python benchmarks/chunking.py
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import briefmodel as bm
from briefmodel import _chunks

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness.briefs import generated_brief  # noqa: E402

_ENDS = re.compile(r"[.!?…。！？؟]['\")\]»”’]*$")


def _briefs() -> list[tuple[str, bm.Brief]]:
    found = [(p.name, bm.load(p)) for p in sorted((ROOT / "examples").glob("*.json"))]
    found.append(("gen-50", generated_brief(50)))
    seed = ROOT.parent / "shared" / "seeds" / "tokyo-alignment.txt"
    if seed.exists():
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found.append((seed.name, bm.load(seed, "text", strict=False)))
    return found


def _pieces(brief: bm.Brief) -> list[tuple[int, str, int, list[str]]]:
    """(level, heading, section number, the texts of its blocks' pieces) of each section,
    in reading order: what docling-core is given, and the ends a clean cut falls on."""
    out = []
    for number, (path, _, section) in enumerate(
        _chunks._sections(brief.sections, ("sections",), ())
    ):
        texts: list[str] = []
        for j, block in enumerate(section.blocks):
            one = bm.Section(blocks=[block])
            text = _chunks._SectionText(one, (*path, "blocks", j)).text
            texts.extend(text.split("\n") if type(block) in (bm.ItemList, bm.Table) else [text])
        out.append((len(path) // 2, section.title or "", number, [t for t in texts if t.strip()]))
    return out


def _docling_chunks(brief: bm.Brief, max_chars: int) -> list[tuple[str, list[str], str]]:
    from docling_core.transforms.chunker.hybrid_chunker import HybridChunker
    from docling_core.transforms.chunker.tokenizer.base import BaseTokenizer
    from docling_core.types.doc import DocItemLabel, DoclingDocument

    class Characters(BaseTokenizer):  # type: ignore[misc]
        """A tokenizer that counts characters."""

        most: int

        def count_tokens(self, text: str) -> int:
            return len(text)

        def get_max_tokens(self) -> int:
            return self.most

        def get_tokenizer(self) -> Any:
            return len

    doc = DoclingDocument(name=brief.id)
    doc.add_title(text=brief.headline)
    for level, heading, _, texts in _pieces(brief):
        if heading:
            doc.add_heading(text=heading, level=min(level, 6))
        for text in texts:
            if text.startswith("- ") or re.match(r"\d+\. ", text):
                doc.add_list_item(text=text.split(" ", 1)[1])
            else:
                doc.add_text(label=DocItemLabel.PARAGRAPH, text=text)
    chunker = HybridChunker(tokenizer=Characters(most=max_chars), merge_peers=True)
    return [
        (c.text, list(c.meta.headings or []), chunker.contextualize(c))
        for c in chunker.chunk(dl_doc=doc)
    ]


def _ours(
    brief: bm.Brief, max_chars: int, size_of: str = "text"
) -> list[tuple[str, list[str], str]]:
    found = bm.chunks(brief, max_chars=max_chars, size_of=size_of)  # type: ignore[arg-type]
    return [(c.text, list(c.headings), c.in_context()) for c in found]


def _ours_in_context(brief: bm.Brief, max_chars: int) -> list[tuple[str, list[str], str]]:
    return _ours(brief, max_chars, "in_context")


_MARKER = re.compile(r"^(?:- |\d+\. )", re.MULTILINE)


def _words(text: str) -> list[str]:
    """The words of a text, list markers aside (docling writes "-" for every item)."""
    return _MARKER.sub("", text).split()


def _measure(
    name: str, chunker: Any, briefs: list[tuple[str, bm.Brief]], size: int
) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    chunker(briefs[0][1], size)
    started = time.process_time()
    made = [(brief, chunker(brief, size)) for _, brief in briefs]
    counts["cpu_ms"] = round((time.process_time() - started) * 1000)  # (after a warm-up)
    for brief, found in made:
        pieces = _pieces(brief)
        ends = {t.strip()[-24:] for _, _, _, texts in pieces for t in texts}
        words = Counter(w for _, _, _, texts in pieces for t in texts for w in _words(t))
        said = Counter(w for text, _, _ in found for w in _words(text))
        section_of = {}
        for _, _, number, texts in pieces:
            for t in texts:
                for w in _words(t):
                    section_of.setdefault(w, set()).add(number)
        counts["chunks"] += len(found)
        counts["chars"] += sum(len(t) for t, _, _ in found)
        counts["over"] += sum(len(t) > size for t, _, _ in found)
        counts["context_over"] += sum(len(c) > size for _, _, c in found)
        counts["mid-sentence"] += sum(
            not _ENDS.search(t.rstrip()) and not any(t.rstrip().endswith(e) for e in ends)
            for t, _, _ in found
        )
        counts["lost"] += sum((words - said).values())
        counts["repeated"] += sum((said - words).values())
        counts["mixed"] += sum(
            not set.intersection(*[section_of.get(w, set()) for w in _words(t)] or [set()])
            for t, _, _ in found
            if _words(t) and all(w in section_of for w in _words(t))
        )
    counts["fill_%"] = round(100 * counts["chars"] / max(counts["chunks"] * size, 1))
    return {"chunker": name, "size": size, **counts}


def main() -> int:
    try:
        import docling_core  # noqa: F401
    except ImportError:
        print("docling-core is not installed: pip install 'docling-core[chunking]'")
        return 2
    briefs = _briefs()
    print(f"{len(briefs)} briefs: {', '.join(name for name, _ in briefs)}")
    keys = ["chunks", "fill_%", "over", "context_over", "mid-sentence", "lost", "repeated"]
    keys += ["mixed", "cpu_ms"]
    print(f"{'chunker':<22} {'size':>5} " + " ".join(f"{k:>12}" for k in keys))
    for size in (200, 500, 1000):
        for name, chunker in (
            ("bm.chunks", _ours),
            ("bm.chunks in_context", _ours_in_context),
            ("docling HybridChunker", _docling_chunks),
        ):
            row = _measure(name, chunker, briefs, size)
            print(f"{name:<22} {size:>5} " + " ".join(f"{row[k]:>12}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
