"""Benchmark briefmodel's canonical JSON against json, pydantic and JSON Schema validators,
its NewsML-G2 writer and reader against plain lxml and IPTC's newsmlg2 library, its
HTML writer and reader against a Jinja2 template of the same page and plain lxml, its
ninjs and plain-text writers and readers against the canonical JSON ones, and its
Markdown reader against markdown-it-py's CommonMark parse of the same text.

Everything is measured in one run so that the ratios are comparable on a noisy machine.
Each operation is timed ``timeit``-style: the number of calls per repeat is calibrated
to take at least ``--min-time`` seconds, the repeat is done ``--repeat`` times with the
garbage collector off (as :mod:`timeit` does), and the best per-call time is used for
the ratios (the median is reported too).

Workloads:

* ``example``: ``examples/port-fees.json`` (or another ``examples/*.json``, or a small
  brief generated here when there is none);
* ``gen-100`` and ``gen-1000``: generated briefs of 100 and 1,000 sections, each
  section with a title, a role, a paragraph holding a mention and a citation, and a
  three-item list;
* ``iptc-text``: IPTC's own NewsML-G2 text example (``LISTING_2_NewsML-G2_Text_Document.xml``
  in ``../shared/standards/newsml-g2/2.35/examples/``), read only, when it is there.

Each brief is also written as NewsML-G2 (``bm.dumps(brief, "newsml")``) for the NewsML-G2
rows, as HTML (``bm.dumps(brief, "html")``) for the HTML rows, and as ninjs, plain text and
Markdown for theirs. The comparisons with IPTC's ``newsmlg2`` library are skipped, and say
so, when it is not installed.

This script is the entry point. Each family's operations, targets and rows are in
``workloads/``, what they are compared with in ``references/``, and the briefs measured,
the timing, the run and the report in ``harness/``.

Usage::

    python benchmarks/run.py            # full run, about two minutes
    python benchmarks/run.py --quick    # a few seconds, rough numbers
    python benchmarks/run.py --json     # machine-readable results
    python benchmarks/run.py --profile  # cProfile of bm.loads and bm.dumps instead
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# ``python benchmarks/run.py`` puts benchmarks/ on sys.path, not the folder that holds the
# ``benchmarks`` package (nor does loading this file by its path, as the tests do).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness.briefs import Workload, example_workload, generated_brief
from benchmarks.harness.report import render
from benchmarks.harness.runner import run
from benchmarks.harness.timing import profile
from benchmarks.references.commonmark_parse import COMMONMARK, markdown_body
from benchmarks.references.jinja_html import html_template, in_jinja_spelling, jinja_html_write
from benchmarks.references.jinja_html_template import HTML_TEMPLATE_SOURCE
from benchmarks.references.lxml_html import lxml_html_read
from benchmarks.references.lxml_newsml_read import lxml_newsml_read
from benchmarks.references.lxml_newsml_write import lxml_newsml_write
from benchmarks.references.pydantic_model import PBrief, pydantic_dumps
from benchmarks.workloads.html_page import check_html_floors
from benchmarks.workloads.newsml_g2 import check_newsml_floors
from benchmarks.workloads.text_formats import check_text_formats
from benchmarks.workloads.validation import compile_fastjsonschema, invalid_documents

#: Names this script defined before its code moved, which its tests and README used.
__all__ = [
    "COMMONMARK",
    "HTML_TEMPLATE_SOURCE",
    "PBrief",
    "Workload",
    "check_html_floors",
    "check_newsml_floors",
    "check_text_formats",
    "compile_fastjsonschema",
    "generated_brief",
    "html_template",
    "in_jinja_spelling",
    "invalid_documents",
    "jinja_html_write",
    "lxml_html_read",
    "lxml_newsml_read",
    "lxml_newsml_write",
    "main",
    "markdown_body",
    "pydantic_dumps",
    "run",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a rough run of a few seconds")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--repeat", type=int, help="repeats per operation (default 5, quick 3)")
    parser.add_argument(
        "--min-time", type=float, help="seconds per repeat (default 0.25, quick 0.02)"
    )
    parser.add_argument(
        "--gc", action="store_true", help="keep the garbage collector on while timing"
    )
    parser.add_argument(
        "--sections", type=int, default=1000, help="sections of the large brief (default 1000)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile bm.loads and bm.dumps instead"
    )
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 5)
    min_time = args.min_time if args.min_time is not None else (0.02 if args.quick else 0.25)

    large = Workload(f"gen-{args.sections}", "large", "generated", generated_brief(args.sections))
    if args.profile:
        print(profile(large, calls=3 if args.quick else 10))
        return 0
    scaled = max(args.sections // 10, 1)
    small = Workload(f"gen-{scaled}", "scaling", "generated", generated_brief(scaled))
    workloads = [example_workload(), small, large]

    def progress(message: str) -> None:
        if not args.json and sys.stderr.isatty():
            line = f"  measuring {message}" if message else ""
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    results = run(workloads, repeat=repeat, min_time=min_time, collect=args.gc, progress=progress)
    results.settings["elapsed_s"] = round(time.perf_counter() - started, 1)
    results.settings["quick"] = args.quick
    if args.json:
        print(json.dumps(results.as_json(), indent=2, ensure_ascii=False))
    else:
        progress("")
        print(render(results), end="")
        print(f"(measured in {results.settings['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
