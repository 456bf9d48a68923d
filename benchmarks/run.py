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
  in ``../shared/standards/newsml-g2/2.35/examples/``, or the file ``--iptc-example``
  names), read only, when it is there.

The run also times start-up in child processes (``import briefmodel``, ``briefmodel
--version`` and ``briefmodel validate one.json`` against check-jsonschema: CPU time, the
median of several runs; ``workloads/startup.py``) and ends with the summary of issue
14's goals (``harness/goals.py``), also in ``--json``.

Each brief is also written as NewsML-G2 (``bm.dumps(brief, "newsml")``) for the NewsML-G2
rows, as HTML (``bm.dumps(brief, "html")``) for the HTML rows, and as ninjs, plain text and
Markdown for theirs. The comparisons with IPTC's ``newsmlg2`` library are skipped, and say
so, when it is not installed.

With ``--cli`` it measures ``briefmodel convert`` at pipeline scale instead: the peak memory
of converting 10,000 briefs against 10, and the speed-up of ``--jobs 2`` over ``--jobs 1``.
With ``--hostile``, every reader on about a megabyte of each family of adversarial input of
its format, in MB/s and against the parser it starts from (``workloads/hostile.py``).

This script is the entry point. Each family's operations, targets and rows are in
``workloads/``, what they are compared with in ``references/``, and the briefs measured,
the timing, the run and the report in ``harness/``.

Usage::

    python benchmarks/run.py            # full run, about two minutes
    python benchmarks/run.py --quick    # a few seconds, rough numbers
    python benchmarks/run.py --json     # machine-readable results
    python benchmarks/run.py --profile  # cProfile of bm.loads and bm.dumps instead
    python benchmarks/run.py --breakdown  # the stages of NewsML-G2 and ninjs, timed
    python benchmarks/run.py --cli --dir /dev/shm   # briefmodel convert, about a minute
    python benchmarks/run.py --hostile  # adversarial input per reader, in MB/s
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# ``python benchmarks/run.py`` puts benchmarks/ on sys.path, not the folder that holds the
# ``benchmarks`` package (nor does loading this file by its path, as the tests do).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.workloads import cli_batch, hostile

# Nothing else of the benchmarks is imported before main() knows that this is not a --cli
# run: the peak memory that --cli reads for a child process includes this process's (its
# high-water mark when the child starts), so pydantic, Jinja2, jsonschema, newsmlg2 and the
# rest must not be loaded then (nor were they when --cli was benchmarks/cli.py).

#: Names this script defined before its code moved, which its tests and README used: each
#: is still an attribute of this module, imported from where it lives on first use.
MOVED = {
    "COMMONMARK": "benchmarks.references.commonmark_parse",
    "markdown_body": "benchmarks.references.commonmark_parse",
    "HTML_TEMPLATE_SOURCE": "benchmarks.references.jinja_html_template",
    "html_template": "benchmarks.references.jinja_html",
    "in_jinja_spelling": "benchmarks.references.jinja_html",
    "jinja_html_write": "benchmarks.references.jinja_html",
    "lxml_html_read": "benchmarks.references.lxml_html",
    "lxml_newsml_read": "benchmarks.references.lxml_newsml_read",
    "lxml_newsml_write": "benchmarks.references.lxml_newsml_write",
    "PBrief": "benchmarks.references.pydantic_model",
    "pydantic_dumps": "benchmarks.references.pydantic_model",
    "Workload": "benchmarks.harness.briefs",
    "generated_brief": "benchmarks.harness.briefs",
    "run": "benchmarks.harness.runner",
    "check_html_floors": "benchmarks.workloads.html_page",
    "check_newsml_floors": "benchmarks.workloads.newsml_g2",
    "check_text_formats": "benchmarks.workloads.text_formats",
    "compile_fastjsonschema": "benchmarks.workloads.validation",
    "invalid_documents": "benchmarks.workloads.validation",
}


def __getattr__(name: str) -> Any:
    """A name of :data:`MOVED`, from the module that defines it now."""
    if name not in MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(MOVED[name]), name)


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
    parser.add_argument("--sections", type=int, help="sections of the large brief (default 1000)")
    parser.add_argument(
        "--profile", action="store_true", help="profile bm.loads and bm.dumps instead"
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="time the stages of NewsML-G2 loads and ninjs loads and dumps instead "
        "(where the time of those goals goes)",
    )
    parser.add_argument(
        "--iptc-example",
        type=Path,
        metavar="PATH",
        help="IPTC's NewsML-G2 text example for the iptc-text rows (default: "
        "../shared/standards/newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml "
        "beside the project); without a file there the rows are skipped, saying so",
    )
    cli_batch.add_options(parser)
    hostile.add_options(parser)
    args = parser.parse_args(argv)
    if args.cli:
        return cli_batch.main(args, parser)
    if cli_batch.only_with_cli(args):
        parser.error(f"{', '.join(cli_batch.only_with_cli(args))}: only with --cli")
    if args.hostile:
        return hostile.main(args)
    if hostile.only_with_hostile(args):
        parser.error(f"{', '.join(hostile.only_with_hostile(args))}: only with --hostile")
    if args.sections is None:
        args.sections = 1000
    from benchmarks.harness.briefs import Workload, example_workload, generated_brief
    from benchmarks.harness.report import render
    from benchmarks.harness.runner import run
    from benchmarks.harness.timing import profile

    repeat = args.repeat or (3 if args.quick else 5)
    min_time = args.min_time if args.min_time is not None else (0.02 if args.quick else 0.25)

    large = Workload(f"gen-{args.sections}", "large", "generated", generated_brief(args.sections))
    if args.profile:
        print(profile(large, calls=3 if args.quick else 10))
        return 0
    if args.breakdown:
        from benchmarks.harness.breakdown import breakdown

        print(breakdown([example_workload(), large], repeat=repeat, min_time=min_time), end="")
        return 0
    scaled = max(args.sections // 10, 1)
    small = Workload(f"gen-{scaled}", "scaling", "generated", generated_brief(scaled))
    workloads = [example_workload(), small, large]

    def progress(message: str) -> None:
        if not args.json and sys.stderr.isatty():
            line = f"  measuring {message}" if message else ""
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    started = time.perf_counter()
    results = run(
        workloads,
        repeat=repeat,
        min_time=min_time,
        collect=args.gc,
        progress=progress,
        iptc_example=args.iptc_example,
        startup_runs=3 * repeat,
    )
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
