"""``--breakdown``: where the time of the NewsML-G2 and ninjs goals goes, stage by stage.

Each stage is timed on its own, like every row (:func:`.timing.measure`): the parse of
the document (lxml through the safe parser; orjson), the parse of a ninjs body's XHTML,
the generated builder on the brief's canonical JSON data, the reader as a whole, and
``bm.loads`` (the reader, then the rules). What is left of the reader once its parses and
the builder are taken away is reading the tree into data. For ninjs written, the body's
XHTML text and the mapping of the metadata, against canonical JSON's generated writer
on the metadata alone.

The bound at the end of each table is what no reader built this way can go below: the
stages it cannot skip, against the reference the goal names. When that bound is over the
goal, the goal asks for another construction (see the lines under each table)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import attrs
import orjson

import briefmodel as bm
from briefmodel import _generated
from briefmodel.formats import by_name
from briefmodel.formats._safe_xml import parse as safe_parse
from briefmodel.formats._xhtml import BodyText

from ..references.lxml_newsml_read import lxml_newsml_read
from .briefs import Workload
from .timing import measure


def breakdown(workloads: list[Workload], *, repeat: int, min_time: float) -> str:
    """The tables of ``--breakdown``, for each workload."""

    def time(func: Callable[[], object]) -> float:
        return measure(func, repeat=repeat, min_time=min_time).best

    out: list[str] = []
    for w in workloads:
        out += _newsml_loads(w, time)
        out += _ninjs_loads(w, time)
        out += _ninjs_dumps(w, time)
    return "\n".join(out) + "\n"


def _table(title: str, rows: list[tuple[str, float]], reference: tuple[str, float]) -> list[str]:
    name, theirs = reference
    lines = [title, f"  {'stage':<52} {'µs':>10} {'x ' + name:>28}"]
    lines += [f"  {stage:<52} {t * 1e6:>10.1f} {t / theirs:>27.2f}x" for stage, t in rows]
    lines.append(f"  {'(' + name + ')':<52} {theirs * 1e6:>10.1f}")
    return lines


def _newsml_loads(w: Workload, time: Callable[[Callable[[], object]], float]) -> list[str]:
    reader = by_name("newsml").read
    data = bm.to_dict(w.brief)
    build = _generated.builder()
    parse = time(lambda: safe_parse(w.xml))
    built = time(lambda: build(data))
    read = time(lambda: reader(w.xml))
    loads = time(lambda: bm.loads(w.xml, "newsml"))
    floor = time(lambda: lxml_newsml_read(w.xml))
    fromstring = time(lambda: importlib.import_module("lxml.etree").fromstring(w.xml))
    rows = [
        ("parse (lxml, through the safe parser)", parse),
        ("read the tree into canonical JSON data (the rest)", read - parse - built),
        ("build the brief (the generated builder)", built),
        ("the rules (bm.loads less the reader)", loads - read),
        ("bm.loads(xml, 'newsml')", loads),
        ("bound: the floor's extraction, the builder, the rules", floor + built + loads - read),
    ]
    lines = _table(f"{w.name}: newsml loads", rows, ("the lxml floor", floor))
    lines.append(
        f"  (the floor is lxml's parse, {fromstring * 1e6:.1f} µs, and an extraction into "
        "a dict that checks nothing and builds no brief)"
    )
    return [*lines, ""]


def _ninjs_loads(w: Workload, time: Callable[[Callable[[], object]], float]) -> list[str]:
    reader = by_name("ninjs").read
    build = _generated.builder()
    data = bm.to_dict(w.brief)
    body = next(b["value"] for b in orjson.loads(w.ninjs)["bodies"] if b["role"] == "main")
    canonical = time(lambda: bm.loads(w.text))
    parse = time(lambda: orjson.loads(w.ninjs))
    parse_body = time(lambda: safe_parse(body))
    built = time(lambda: build(data))
    read = time(lambda: reader(w.ninjs))
    loads = time(lambda: bm.loads(w.ninjs, "ninjs"))
    rest = read - parse - parse_body - built
    rows = [
        ("parse the JSON (orjson)", parse),
        ("parse the body's XHTML (lxml, the safe parser)", parse_body),
        ("read both into canonical JSON data (the rest)", rest),
        ("build the brief (the generated builder)", built),
        ("the rules (bm.loads less the reader)", loads - read),
        ("bm.loads(ninjs, 'ninjs')", loads),
        ("bound: the parses, the builder and the rules", loads - rest),
    ]
    return [*_table(f"{w.name}: ninjs loads", rows, ("bm.loads canonical", canonical)), ""]


def _ninjs_dumps(w: Workload, time: Callable[[Callable[[], object]], float]) -> list[str]:
    canonical = time(lambda: bm.dumps(w.brief))
    # The metadata alone, as canonical JSON's generated writer writes it: the brief with
    # one short section for all of its sections.
    short = bm.Section(title="x", blocks=(bm.Paragraph(content=("x",)),))
    metadata = attrs.evolve(w.brief, sections=(short,))
    canonical_metadata = time(lambda: bm.dumps(metadata))
    dumps = time(lambda: bm.dumps(w.brief, "ninjs"))
    body = time(lambda: BodyText(w.brief, refs=True).body())
    document = orjson.loads(w.ninjs)
    text = time(lambda: orjson.dumps(document))
    rows = [
        ("the body's XHTML, written as text", body),
        ("the metadata mapped, the rest", dumps - body - text),
        ("the JSON text (orjson)", text),
        ("bm.dumps(brief, 'ninjs')", dumps),
        ("canonical JSON of the metadata alone", canonical_metadata),
        ("bound: the body and canonical JSON's metadata", body + canonical_metadata),
    ]
    return [*_table(f"{w.name}: ninjs dumps", rows, ("bm.dumps canonical", canonical)), ""]
