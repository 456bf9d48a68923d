"""Measure how well briefmodel reads documents written by other producers.

Every document of the real-world corpus (``tests/realworld/manifest.json``) is read with
``briefmodel.load_all(path, format, strict=False)`` (the first brief of a file that holds
several, a NewsML-G2 newsMessage, is the one scored) and compared with what the manifest says
it really holds: its headline, its publication date and its main text (the dataset's gold
text for HTML pages, a text taken mechanically from the document for the other formats;
``tests/realworld/make_references.py``).

Per format, and in total, it prints:

* ``docs``: documents; ``read``: the share read without a ``BriefmodelError``
  ("refused" otherwise); ``tb``: any other exception, a traceback, each printed with its
  file;
* ``head``: headlines right (the brief's ``headline`` equals the manifest's after NFKC,
  whitespace collapsing and casefolding), and ``close`` (one contains the other);
* ``date``: among documents whose manifest date is not null, the share whose ``created``
  agrees (the same calendar date, and the same instant when the manifest gives a time with
  an offset);
* ``rec`` / ``prec``: bag-of-words recall and precision of ``brief.plain_text()`` against
  the reference text (tokens ``\\w+`` of the casefolded text, multiset overlap), their
  medians, and the shares of documents with both at least 0.8 and at least 0.95; a
  document not read scores 0 and 0; documents with an empty reference text are left out
  of these columns;
* ``ms``: CPU time per document (``time.process_time``), the median and the slowest.

The documents are not part of the repository (``tests/realworld/SOURCES.md`` says where
each comes from): they are looked for in ``--corpus DIR``, else ``tests/realworld/``, else
``../shared/realworld/`` beside the project.

Usage::

    python benchmarks/realworld.py                 # every format
    python benchmarks/realworld.py --format html   # one format
    python benchmarks/realworld.py --verbose       # and what went wrong, document by document
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
import traceback
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import briefmodel

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "realworld" / "manifest.json"
FORMATS = ("html", "newsml", "ninjs", "markdown", "text")


def corpus_dir(given: str | None = None) -> Path | None:
    """Where the corpus documents are: ``given``, else tests/realworld, else ../shared."""
    entries = json.loads(MANIFEST.read_text("utf-8"))
    candidates = [Path(given)] if given else [MANIFEST.parent, ROOT.parent / "shared" / "realworld"]
    for candidate in candidates:
        if (candidate / entries[0]["path"]).is_file():
            return candidate
    return None


#: Typographic quotes and dashes as their plain forms: a page and its reference text often
#: spell the same headline with different quote marks.
_PLAIN_MARKS = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
        **dict.fromkeys("–—", "-"),
    }
)


def normal(text: str) -> str:
    """NFKC, typographic quotes and dashes made plain, whitespace collapsed, casefolded."""
    plain = unicodedata.normalize("NFKC", text).translate(_PLAIN_MARKS)
    return " ".join(plain.split()).casefold()


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def recall_precision(got: str, reference: str) -> tuple[float, float]:
    ref, mine = tokens(reference), tokens(got)
    overlap = sum((ref & mine).values())
    recall = overlap / sum(ref.values()) if ref else 0.0
    precision = overlap / sum(mine.values()) if mine else 0.0
    return recall, precision


def date_agrees(created: Any, expected: str) -> bool:
    """``created`` (a datetime) against the manifest's date or date-time."""
    if not isinstance(created, dt.datetime):
        return False
    if "T" not in expected:
        return created.date() == dt.date.fromisoformat(expected)
    want = dt.datetime.fromisoformat(expected)
    if want.tzinfo is None:
        return created.date() == want.date()
    # The same instant, and the calendar date as written in the document's own offset.
    same_date = created.astimezone(want.tzinfo).date() == want.date()
    return same_date and created == want


@dataclass
class Result:
    entry: dict[str, Any]
    status: str = "read"  # read, refused or traceback
    message: str = ""
    headline: str | None = None
    headline_right: bool = False
    headline_close: bool = False
    date_right: bool | None = None  # None: the manifest has no date
    recall: float = 0.0
    precision: float = 0.0
    scored_text: bool = True
    ms: float = 0.0
    warnings: list[str] = field(default_factory=list)


def measure(entry: dict[str, Any], corpus: Path) -> Result:
    result = Result(entry)
    path = corpus / entry["path"]
    reference = (corpus / entry["text"]).read_text("utf-8") if entry.get("text") else ""
    result.scored_text = bool(tokens(reference))
    brief = None
    start = time.process_time()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # As a pipeline reads a file that may hold several briefs (a NewsML-G2
            # newsMessage): every brief, and the first is scored against the manifest.
            brief = next(briefmodel.load_all(path, entry["format"], strict=False))
        except briefmodel.BriefmodelError as error:
            result.status, result.message = "refused", str(error) or type(error).__name__
        except Exception:  # noqa: BLE001 - every other exception is what this counts
            result.status, result.message = "traceback", traceback.format_exc()
    result.ms = (time.process_time() - start) * 1000
    result.warnings = [str(w.message).splitlines()[0] for w in caught]
    if entry.get("date") is not None:
        result.date_right = False
    if brief is None:
        return result
    result.headline = brief.headline
    want, got = normal(entry["headline"] or ""), normal(brief.headline or "")
    result.headline_right = bool(want) and want == got
    result.headline_close = bool(want and got) and (want in got or got in want)
    if entry.get("date") is not None:
        result.date_right = date_agrees(brief.created, entry["date"])
    result.recall, result.precision = recall_precision(brief.plain_text(), reference)
    return result


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.0%}" if whole else "     -"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def row(name: str, results: list[Result]) -> str:
    n = len(results)
    read = sum(r.status == "read" for r in results)
    tracebacks = sum(r.status == "traceback" for r in results)
    right = sum(r.headline_right for r in results)
    close = sum(r.headline_close for r in results)
    dated = [r for r in results if r.date_right is not None]
    dates = sum(bool(r.date_right) for r in dated)
    scored = [r for r in results if r.scored_text]
    recalls = [r.recall for r in scored]
    precisions = [r.precision for r in scored]
    both80 = sum(r.recall >= 0.8 and r.precision >= 0.8 for r in scored)
    both95 = sum(r.recall >= 0.95 and r.precision >= 0.95 for r in scored)
    times = [r.ms for r in results]
    return (
        f"{name:<9}{n:>5} {_share(read, n)} {tracebacks:>3} {_share(right, n)} {_share(close, n)}"
        f" {_share(dates, len(dated))}"
        f" {_median(recalls):6.2f} {_median(precisions):6.2f}"
        f" {_share(both80, len(scored))} {_share(both95, len(scored))}"
        f" {_median(times):8.1f} {max(times, default=0.0):8.1f}"
    )


HEADER = (
    f"{'format':<9}{'docs':>5} {'read':>6} {'tb':>3} {'head':>6} {'close':>6} {'date':>6}"
    f" {'rec':>6} {'prec':>6} {'>=.80':>6} {'>=.95':>6} {'ms med':>8} {'ms max':>8}"
)


def explain(r: Result) -> str:
    parts = [f"{r.entry['path']}: {r.status}"]
    if r.status == "refused":
        lines = [line.strip() for line in r.message.splitlines() if line.strip()]
        # "invalid brief (N errors):" says little alone: the first error follows it.
        parts.append(" ".join(lines[:2]) if lines[0].endswith(":") else lines[0])
    elif r.status == "traceback":
        parts.append("traceback")
    else:
        if not r.headline_right:
            parts.append(f"headline {r.headline!r}, not {r.entry['headline']!r}")
        if r.date_right is False:
            parts.append(f"date not {r.entry['date']}")
        if r.scored_text:
            parts.append(f"recall {r.recall:.2f} precision {r.precision:.2f}")
    parts.append(f"{r.ms:.0f} ms")
    if r.warnings:
        parts.append(f"{len(r.warnings)} warning(s), first: {r.warnings[0]}")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=FORMATS, help="only the documents of this format")
    parser.add_argument(
        "--verbose", action="store_true", help="list each document and what went wrong"
    )
    parser.add_argument("--corpus", help="the folder holding the corpus documents")
    args = parser.parse_args(argv)
    corpus = corpus_dir(args.corpus)
    if corpus is None:
        print(
            "The corpus documents are not here (see tests/realworld/SOURCES.md).", file=sys.stderr
        )
        return 2
    entries = json.loads(MANIFEST.read_text("utf-8"))
    if args.format:
        entries = [e for e in entries if e["format"] == args.format]
    results = [measure(entry, corpus) for entry in entries]
    version = getattr(briefmodel, "__version__", "?")
    print(f"briefmodel {version}, {len(results)} documents in {corpus}")
    print(HEADER)
    for fmt in FORMATS:
        mine = [r for r in results if r.entry["format"] == fmt]
        if mine:
            print(row(fmt, mine))
    print(row("total", results))
    for r in results:
        if r.status == "traceback":
            print(f"\nTraceback reading {r.entry['path']}:\n{r.message}", file=sys.stderr)
    if args.verbose:
        print()
        for r in results:
            print(explain(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
