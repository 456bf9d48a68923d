"""NewsML-G2: ``bm.dumps(brief, "newsml")`` and ``bm.loads(xml, "newsml")`` against the
plain-lxml floors and IPTC's newsmlg2 library, and reading IPTC's own text example
(``iptc-text``): the targets, the checks that the references do what briefmodel does,
and the rows."""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

import briefmodel as bm

from ..harness.briefs import ROOT, Workload
from ..harness.report import Results, Row
from ..harness.timing import Timing, measure
from ..references.iptc_newsmlg2 import NewsMLG2
from ..references.lxml_newsml_read import lxml_newsml_read
from ..references.lxml_newsml_write import lxml_newsml_write

#: IPTC's NewsML-G2 text example (about 4 kB), read only; measured when it is there.
IPTC_TEXT = (
    ROOT.parent
    / "shared"
    / "standards"
    / "newsml-g2"
    / "2.35"
    / "examples"
    / "LISTING_2_NewsML-G2_Text_Document.xml"
)
#: bm.dumps(brief, "newsml") may take at most this many times the plain lxml floor.
NEWSML_WRITE_TARGET = 1.5
#: bm.loads(xml, "newsml") may take at most this many times the plain lxml floor (issue 14).
NEWSML_READ_TARGET = 1.6
#: Ours against IPTC's newsmlg2 library on IPTC's own (small) text example: at least ten
#: times faster. On briefmodel's workloads the rows against newsmlg2 have no target: on
#: large items newsmlg2 does not parse the body, so that even the lxml floor, which does,
#: cannot reach a tenth of its time.
NEWSMLG2_TARGET = 0.1


def check_newsml_floors(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The lxml floors must write exactly our XML and read exactly our values."""
    for workload in workloads:
        if lxml_newsml_write(workload.brief) != bm.dumps(workload.brief, "newsml"):
            raise SystemExit(f"the lxml write floor differs from bm.dumps on {workload.name}")
        if lxml_newsml_read(workload.xml) != workload.data:
            raise SystemExit(f"the lxml read floor differs from bm.loads on {workload.name}")
    notes.append(
        "on every workload the lxml write floor gives exactly the XML of "
        'bm.dumps(brief, "newsml"), and the lxml read floor exactly bm.to_dict(brief)'
    )


def check_newsmlg2(workloads: Sequence[Workload], notes: list[str]) -> None:
    """IPTC's library must read our items (so that it is not faster by failing)."""
    if NewsMLG2 is None:
        notes.append(f"{_NO_NEWSMLG2}: the comparisons with it are skipped")
        return
    for workload in workloads:
        document = NewsMLG2.NewsMLG2Document(filename_or_string=workload.xml)
        item = document.get_item()
        brief = workload.brief
        subjects = len(list(item.contentmeta.subject))
        if (
            item.guid != brief.id
            or str(item.contentmeta.headline) != brief.headline
            or subjects != len(brief.subjects) + len(brief.entities)
        ):
            raise SystemExit(f"newsmlg2 does not read {workload.name} as written")
        again = document.to_xml_string()
        if bm.loads(again, "newsml", strict=False).id != brief.id:
            raise SystemExit(f"newsmlg2's output of {workload.name} does not read back")
    notes.append(
        "newsmlg2 reads every workload's guid, headline and subjects; its to_xml_string() "
        "reads back with bm.loads, but pretty-printed and without the bm: attributes of "
        "NewsML-G2 elements (it keeps only the attributes it knows)"
    )


def measure_iptc_text(
    results: Results,
    *,
    repeat: int,
    min_time: float,
    collect: bool,
    progress: Callable[[str], None],
    path: Path = IPTC_TEXT,
) -> None:
    """Reading IPTC's own text example (at ``path``): bm.loads (lenient), lxml alone,
    newsmlg2."""
    name = "iptc-text"
    if not path.is_file():
        results.skipped.append(f"{name}: every row (IPTC's example is not at {path})")
        return
    data = path.read_bytes()

    def ours() -> bm.Brief:
        with warnings.catch_warnings():  # it reports what the model cannot hold
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            return bm.loads(data, "newsml", strict=False)

    def theirs() -> Any:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints about remote catalogs
            return NewsMLG2.NewsMLG2Document(filename_or_string=data)

    operations: dict[str, Callable[[], object]] = {
        "newsml.loads(lenient)": ours,
        "lxml.fromstring": lambda: etree.fromstring(data),
    }
    if NewsMLG2 is not None:
        if theirs().get_item().guid != ours().id:
            raise SystemExit("newsmlg2 and bm.loads do not read the same guid in iptc-text")
        operations["newsmlg2.parse"] = theirs
    timings: dict[str, Timing] = {}
    for op, func in operations.items():
        progress(f"{name}: {op}")
        timings[op] = measure(func, repeat=repeat, min_time=min_time, collect=collect)
    results.timings[name] = timings
    results.workloads[name] = {"origin": str(path), "bytes": len(data)}
    metric = "newsml loads, lenient"
    ours_best = timings["newsml.loads(lenient)"].best
    if "newsmlg2.parse" in timings:
        results.rows.append(
            Row(
                name,
                metric,
                ours_best,
                "newsmlg2 parse",
                timings["newsmlg2.parse"].best,
                target=NEWSMLG2_TARGET,
            )
        )
    else:
        results.skipped.append(f"{name}: {metric} vs newsmlg2 parse ({_NO_NEWSMLG2})")
    results.rows.append(
        Row(name, metric, ours_best, "lxml.fromstring alone", timings["lxml.fromstring"].best)
    )


def newsml_rows(workload: str, t: dict[str, Timing], skipped: list[str]) -> Iterator[Row]:
    """The NewsML-G2 ratios of one workload: against the lxml floors and newsmlg2."""
    best = {name: timing.best for name, timing in t.items()}
    write_floor = "lxml build + tostring floor"
    read_floor = "lxml parse + extract floor"
    yield Row(
        workload,
        "newsml dumps",
        best["newsml.dumps"],
        write_floor,
        best["lxml.newsml_write"],
        target=NEWSML_WRITE_TARGET,
    )
    yield Row(
        workload,
        "newsml loads",
        best["newsml.loads"],
        read_floor,
        best["lxml.newsml_read"],
        target=NEWSML_READ_TARGET,
    )
    yield Row(workload, "newsml read", best["newsml.read"], read_floor, best["lxml.newsml_read"])
    pairs = (
        ("newsml dumps", "newsml.dumps", "newsmlg2 to_xml_string", "newsmlg2.to_xml_string"),
        ("newsml loads", "newsml.loads", "newsmlg2 parse", "newsmlg2.parse"),
    )
    for metric, ours, reference, theirs in pairs:
        if theirs not in best:
            skipped.append(f"{workload}: {metric} vs {reference} ({_NO_NEWSMLG2})")
            continue
        yield Row(workload, metric, best[ours], reference, best[theirs])


_NO_NEWSMLG2 = "newsmlg2 is not installed: pip install newsmlg2"
