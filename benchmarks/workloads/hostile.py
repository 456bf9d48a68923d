"""Hostile input (``run.py --hostile``): about a megabyte of each family of adversarial
text, per reader, read (or refused) as the library reads untrusted input, in MB/s and
against the parser the reader starts from where there is one.

Every reader is to handle adversarial input of its own format at 1 MB/s or better
(:data:`TARGET_MB_S`); the ratio against the reference (``json.loads``, lxml's XML or
HTML parser, markdown-it-py's CommonMark parse of the same text) shows what is the
reader's own cost on a machine of any speed. A family is read leniently with
``bm.loads(..., strict=False)`` (what the model cannot hold dropped), or refused with a
:class:`~briefmodel.BriefmodelError`; anything else stops the run. Validation is timed
too: ``bm.validate`` of the same text, which explains what is wrong (the first
:data:`~briefmodel.errors.MAX_PROBLEMS` problems, then a count).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

import briefmodel as bm

from ..references.commonmark_parse import COMMONMARK

#: The target of every family: at least this many megabytes a second.
TARGET_MB_S = 1.0


@dataclass(frozen=True)
class Family:
    """One kind of adversarial input: its format, how to build ``size`` bytes of it, and
    the reference parser of the same bytes (None where none fits)."""

    format: str
    name: str
    build: Callable[[int], str]
    reference_name: str | None = None
    reference: Callable[[bytes], object] | None = None


def _repeat(unit: str, size: int, before: str = "", after: str = "") -> str:
    return before + unit * max(1, (size - len(before) - len(after)) // len(unit)) + after


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_HTML_PARSER = etree.HTMLParser(encoding="utf-8", no_network=True)


def _xml(data: bytes) -> object:
    return etree.fromstring(data, _XML_PARSER)


def _html(data: bytes) -> object:
    return etree.fromstring(data, _HTML_PARSER)


def _json_text(data: bytes) -> object:
    return json.loads(data)


def _commonmark(data: bytes) -> object:
    return COMMONMARK.parse(data.decode("utf-8"))


# --------------------------------------------------------------------------------------
# The families


_BRIEF = {
    "schema": "briefmodel/2",
    "id": "urn:example:hostile",
    "headline": "Hostile input",
    "created": "2026-03-02T09:00:00+01:00",
    "sections": [{"blocks": [{"type": "paragraph", "content": "Plain text."}]}],
}


def _brief_with(**fields: Any) -> str:
    return json.dumps({**_BRIEF, **fields}, separators=(",", ":"))


def _json_families() -> Iterator[Family]:
    ref = ("json.loads", _json_text)
    yield Family("json", "bad keywords", lambda n: _brief_with(keywords=[1] * (n // 2)), *ref)
    yield Family(
        "json",
        "unknown block types",
        lambda n: _brief_with(sections=[{"blocks": [{"type": "chart"}] * (n // 17)}]),
        *ref,
    )
    yield Family(
        "json",
        "unknown fields",
        lambda n: _brief_with(**{f"f{i}": 1 for i in range(n // 12)}),
        *ref,
    )
    yield Family(
        "json",
        "sections nested 30 deep",
        lambda n: _brief_with(
            sections=[json.loads('{"sections":[' * 30 + "{}" + "]}" * 30)] * (n // 420)
        ),
        *ref,
    )
    yield Family(
        "json",
        "a string of escapes",
        lambda n: _brief_with(subheadline="\0").replace("\\u0000", "\\u0041" * (n // 6)),
        *ref,
    )
    yield Family(
        "json", "duplicate keys", lambda n: "{" + ",".join(['"a":1'] * (n // 6)) + "}", *ref
    )


_OTHER_ITEM = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:other" '
    'version="1" standard="NewsML-G2" standardversion="2.35" xml:lang="en">'
    '<itemMeta><itemClass qcode="ninat:text"/><provider literal="other"/>'
    "<versionCreated>2026-03-02T09:00:00+01:00</versionCreated></itemMeta>"
    "<contentMeta><contentCreated>2026-03-02T09:00:00+01:00</contentCreated>"
    "{meta}<headline>Hostile input</headline></contentMeta>"
    '<contentSet><inlineXML contenttype="application/xhtml+xml">'
    '<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}<p>Plain text.</p></body></html>'
    "</inlineXML></contentSet></newsItem>"
)


def _item(size: int, *, meta: str = "", body: str = "", attributes: str = "") -> str:
    empty = _OTHER_ITEM.format(meta="", body="")
    unit, where = (meta, "meta") if meta else (body, "body")
    if attributes:
        count = max(1, (size - len(empty)) // len(attributes))
        listed = " ".join(attributes.format(i) for i in range(count))
        return _OTHER_ITEM.format(meta=f"<slugline {listed}>s</slugline>", body="")
    filled = unit * max(1, (size - len(empty)) // len(unit))
    return _OTHER_ITEM.format(**{"meta": "", "body": "", where: filled})


def _newsml_families() -> Iterator[Family]:
    ref = ("lxml XML parse", _xml)
    yield Family("newsml", "unknown metadata", lambda n: _item(n, meta="<altId>x</altId>"), *ref)
    yield Family("newsml", "many siblings", lambda n: _item(n, body="<p>x</p>"), *ref)
    yield Family("newsml", "unknown body elements", lambda n: _item(n, body="<foo>x</foo>"), *ref)
    yield Family("newsml", "a long attribute list", lambda n: _item(n, attributes='a{}="v"'), *ref)
    yield Family(
        "newsml", "many namespaces", lambda n: _item(n, attributes='xmlns:p{}="urn:p"'), *ref
    )


def _page(body: str) -> str:
    return (
        "<!doctype html><html lang=en><head><title>T</title></head><body><article>"
        f"<h1>Hostile input</h1>{body}</article></body></html>"
    )


def _html_families() -> Iterator[Family]:
    ref = ("lxml HTML parse", _html)
    for name, unit in (
        ("unclosed <div>", "<div>"),
        ("unclosed <b>", "<b>"),
        ("unclosed <p>", "<p>x"),
        ("unknown elements", "<foo>x</foo>"),
        ("many attributes", '<p a="1" b="2" c="3" d="4">x</p>'),
        ("nested lists", "<ul><li>x" * 20 + "</li></ul>" * 20),
    ):
        yield Family("html", name, lambda n, u=unit: _page(_repeat(u, n)), *ref)


_FRONT = '---\nid: "urn:example:hostile"\ncreated: "2026-03-02T09:00:00+01:00"\n---\n# Hostile\n\n'


def _markdown_families() -> Iterator[Family]:
    ref = ("markdown-it-py parse", _commonmark)
    for name, unit in (
        ("![ ![ ![", "!["),
        ("[ [ [", "["),
        ("[](  [](", "[]("),
        ("*a *a", "*a "),
        ("`a `a", "`a "),
        ("links", "a [b](https://example.org/c) "),
        ("bullets", "- x\n"),
        ("tables", "|a|b|\n|-|-|\n|1|2|\n\n"),
        ("a line of a|a|", "a|"),
        ("runs of _", "_" * 50 + " "),
    ):
        yield Family("markdown", name, lambda n, u=unit: _repeat(u, n, _FRONT), *ref)


def _ninjs(**fields: Any) -> str:
    return json.dumps(
        {
            "uri": "urn:example:hostile",
            "type": "text",
            "versionCreated": "2026-03-02T09:00:00+01:00",
            "headlines": [{"role": "main", "value": "Hostile input"}],
            **fields,
        },
        separators=(",", ":"),
    )


def _ninjs_families() -> Iterator[Family]:
    ref = ("json.loads", _json_text)
    yield Family(
        "ninjs",
        "unknown properties",
        lambda n: _ninjs(**{f"x{i}": 1 for i in range(n // 12)}),
        *ref,
    )
    yield Family(
        "ninjs", "people of one name", lambda n: _ninjs(people=[{"name": "A"}] * (n // 13)), *ref
    )
    yield Family(
        "ninjs",
        "many body elements",
        lambda n: _ninjs(
            bodies=[
                {
                    "role": "main",
                    "contentType": "application/xhtml+xml",
                    "value": _repeat("<p>x</p>", n, "<div>", "</div>"),
                }
            ]
        ),
        *ref,
    )


def _text_families() -> Iterator[Family]:
    for name, unit in (
        ("many headings", "Title\n\nText.\n\n"),
        ("many bullets", "• x\n"),
        ("many numbered items", "(1) x\n"),
        ("long lines", "w" * 999 + "\n"),
        ("blank lines", "\n"),
    ):
        yield Family("text", name, lambda n, u=unit: _repeat(u, n, "Hostile input\n\n"))


def of_format(name: str) -> list[Family]:
    """The families of the format ``name``."""
    return [family for family in families() if family.format == name]


def families() -> list[Family]:
    """Every family, by format."""
    return [
        *_json_families(),
        *_newsml_families(),
        *_html_families(),
        *_markdown_families(),
        *_ninjs_families(),
        *_text_families(),
    ]


# --------------------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Measured:
    """One family measured: its size, how it ended, and the best time of each step."""

    family: Family
    size: int
    outcome: str
    loads: float
    validate: float
    reference: float | None

    def mb_s(self, seconds: float) -> float:
        return self.size / 1e6 / seconds


def _best(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def read_leniently(family: Family, data: bytes) -> str:
    """What reading ``data`` leniently gives: "read", or the code of the refusal."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            bm.loads(data, family.format, strict=False)
    except bm.BriefmodelError as error:
        problems = getattr(error, "problems", ())
        return "refused: " + (problems[0].code if problems else type(error).__name__)
    return "read"


def measure_family(family: Family, size: int, repeat: int) -> Measured:
    """``family`` at about ``size`` bytes, each step the best of ``repeat``."""
    data = family.build(size).encode("utf-8")
    outcome = read_leniently(family, data)  # and a first call, whose caches the timed ones use
    bm.validate(data[:1000], family.format)
    loads = _best(lambda: read_leniently(family, data), repeat)
    validate = _best(lambda: bm.validate(data, family.format), repeat)
    reference = None
    if family.reference is not None:
        parse = family.reference
        reference = _best(lambda: parse(data), repeat)
    return Measured(family, len(data), outcome, loads, validate, reference)


def run(
    size: int, repeat: int, progress: Callable[[str], None], only: str | None = None
) -> list[Measured]:
    """Every family (of the format ``only``, if given) measured."""
    measured = []
    for family in families():
        if only is not None and family.format != only:
            continue
        progress(f"{family.format}: {family.name}")
        measured.append(measure_family(family, size, repeat))
    return measured


def as_json(measured: list[Measured]) -> list[dict[str, Any]]:
    return [
        {
            "format": m.family.format,
            "family": m.family.name,
            "bytes": m.size,
            "outcome": m.outcome,
            "loads_s": m.loads,
            "loads_mb_s": m.mb_s(m.loads),
            "validate_s": m.validate,
            "validate_mb_s": m.mb_s(m.validate),
            "reference": m.family.reference_name,
            "reference_mb_s": m.mb_s(m.reference) if m.reference else None,
            "ratio": m.loads / m.reference if m.reference else None,
            "status": "PASS" if m.mb_s(m.loads) >= TARGET_MB_S else "MISS",
        }
        for m in measured
    ]


def render(measured: list[Measured], repeat: int) -> str:
    """The report: one row a family, MB/s of reading and validating, the reference's MB/s
    and the ratio (ours / reference time; lower is better), and the target."""
    header = ("format", "family", "size", "loads", "validate", "reference", "ref", "ratio", "")
    rows = [header]
    for row in as_json(measured):
        rows.append(
            (
                row["format"],
                row["family"],
                f"{row['bytes'] / 1e6:.2f} MB",
                f"{row['loads_mb_s']:.2f} MB/s",
                f"{row['validate_mb_s']:.2f} MB/s",
                row["reference"] or "-",
                f"{row['reference_mb_s']:.2f} MB/s" if row["reference_mb_s"] else "-",
                f"{row['ratio']:.2f}x" if row["ratio"] else "-",
                f"{row['status']} ({row['outcome']})",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "Hostile input: best of "
        f"{repeat}, read leniently (bm.loads strict=False) and validated; target ≥ "
        f"{TARGET_MB_S:g} MB/s reading; ratio = our read / the reference parse",
        "",
    ]
    for row in rows:
        cells = [
            c.rjust(w) if i in (2, 3, 4, 6, 7) else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    met = sum(row["status"] == "PASS" for row in as_json(measured))
    lines.append("")
    lines.append(f"Target met by {met} of {len(measured)} families")
    return "\n".join(lines) + "\n"


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``run.py --hostile``."""
    parser.add_argument(
        "--hostile", action="store_true", help="read adversarial input per reader, in MB/s"
    )
    parser.add_argument(
        "--size", type=int, help="--hostile: bytes of each family (default 1 MB, quick 100 kB)"
    )
    parser.add_argument(
        "--only", choices=sorted({f.format for f in families()}), help="--hostile: one format"
    )


def only_with_hostile(args: argparse.Namespace) -> list[str]:
    """The ``--hostile`` options given without it."""
    return [f"--{name}" for name in ("size", "only") if getattr(args, name) is not None]


def main(args: argparse.Namespace) -> int:
    """``run.py --hostile``: measure every family and print the report (or its JSON)."""
    size = args.size or (100_000 if args.quick else 1_000_000)
    repeat = args.repeat or (1 if args.quick else 3)

    def progress(message: str) -> None:
        if not args.json and sys.stderr.isatty():
            line = f"  measuring {message}" if message else ""
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    measured = run(size, repeat, progress, args.only)
    progress("")
    if args.json:
        print(json.dumps({"size": size, "repeat": repeat, "families": as_json(measured)}, indent=2))
    else:
        print(render(measured, repeat), end="")
    return 0
