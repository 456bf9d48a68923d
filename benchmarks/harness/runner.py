"""The in-process run: every family's checks that its references agree with briefmodel,
then every operation timed on every workload, then the comparison rows, in the order the
report gives them."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jsonschema

import briefmodel as bm
from briefmodel.formats import html, newsml

from ..references.commonmark_parse import COMMONMARK, markdown_body
from ..references.iptc_newsmlg2 import NewsMLG2
from ..references.jinja_html import jinja_html_write
from ..references.lxml_html import lxml_html_read
from ..references.lxml_newsml_read import lxml_newsml_read
from ..references.lxml_newsml_write import lxml_newsml_write
from ..references.pydantic_model import PBrief, pydantic_dumps
from ..workloads.canonical_json import comparison_rows
from ..workloads.html_page import check_html_floors, html_rows
from ..workloads.newsml_g2 import (
    IPTC_TEXT,
    check_newsml_floors,
    check_newsmlg2,
    measure_iptc_text,
    newsml_rows,
)
from ..workloads.scaling import LINEAR_OPERATIONS, linearity_rows
from ..workloads.startup import measure_startup
from ..workloads.text_formats import check_text_formats, text_format_rows
from ..workloads.validation import check_pydantic_model, compile_fastjsonschema
from .briefs import Workload
from .goals import issue_goals
from .report import Results, Row, environment
from .timing import Timing, measure, retained_bytes


def run(
    workloads: Sequence[Workload],
    *,
    repeat: int,
    min_time: float,
    collect: bool,
    progress: Callable[[str], None],
    iptc_example: Path | None = None,
    startup_runs: int = 15,
) -> Results:
    """Measure every operation on every workload and build the comparison rows (with
    IPTC's text example at ``iptc_example``, by default the one in ../shared), then the
    start-up commands (``startup_runs`` runs each) and issue 14's goals."""
    results = Results(
        settings={"repeat": repeat, "min_time": min_time, "gc": collect, "statistic": "best"},
        environment=environment(),
    )
    notes = results.notes
    check_pydantic_model(workloads, notes)
    check_newsml_floors(workloads, notes)
    check_html_floors(workloads, notes)
    check_text_formats(workloads, notes)
    check_newsmlg2(workloads, notes)
    fast = compile_fastjsonschema(notes)
    schema_validator = jsonschema.Draft202012Validator(bm.json_schema())

    for workload in workloads:
        text = workload.text
        if not bm.validate(text).ok:
            raise SystemExit(f"workload {workload.name} does not validate")
        model = PBrief.model_validate_json(text)
        operations = timed_operations(workload, model, fast, schema_validator)
        if workload.role == "scaling":  # only needed for the linearity check
            timed = {k: operations[k] for k in LINEAR_OPERATIONS}
        else:
            timed = operations
        workload_timings: dict[str, Timing] = {}
        for name, func in timed.items():
            progress(f"{workload.name}: {name}")
            workload_timings[name] = measure(
                func, repeat=repeat, min_time=min_time, collect=collect
            )
        results.timings[workload.name] = workload_timings
        results.workloads[workload.name] = {
            "origin": workload.origin,
            "sections": workload.sections,
            "bytes": len(text.encode("utf-8")),
            "pydantic_json_bytes": len(pydantic_dumps(model).encode("utf-8")),
            "newsml_bytes": len(workload.xml),
            "html_bytes": len(workload.page),
            "ninjs_bytes": len(workload.ninjs.encode("utf-8")),
            "text_bytes": len(workload.plain.encode("utf-8")),
            "markdown_bytes": len(workload.markdown.encode("utf-8")),
        }
        if workload.role != "scaling":
            progress(f"{workload.name}: memory")
            results.memory[workload.name] = {
                name: retained_bytes(operations[name])
                for name in ("bm.loads", "pydantic.validate_json", "json.loads")
            }
            results.rows.extend(comparison_rows(workload.name, workload_timings, workload.role))
            results.rows.extend(newsml_rows(workload.name, workload_timings, results.skipped))
            results.rows.extend(html_rows(workload.name, workload_timings))
            results.rows.extend(text_format_rows(workload.name, workload_timings, workload.role))
            mem = results.memory[workload.name]
            results.rows.append(
                Row(
                    workload.name,
                    "memory of a loaded brief",
                    mem["bm.loads"],
                    "pydantic model",
                    mem["pydantic.validate_json"],
                    unit="B",
                    target=MEMORY_TARGET,
                )
            )
            results.rows.append(
                Row(
                    workload.name,
                    "memory of a loaded brief",
                    mem["bm.loads"],
                    "json.loads dict",
                    mem["json.loads"],
                    unit="B",
                )
            )
    measure_iptc_text(
        results,
        repeat=repeat,
        min_time=min_time,
        collect=collect,
        progress=progress,
        path=IPTC_TEXT if iptc_example is None else iptc_example,
    )
    results.rows.extend(linearity_rows(workloads, results.timings))
    measure_startup(results, runs=startup_runs, progress=progress)
    names = {workload.role: workload.name for workload in workloads if workload.role != "scaling"}
    results.goals = issue_goals(results.rows, names, skipped=results.skipped)
    return results


#: The memory of a brief bm.loads holds against pydantic's model of it (issue 14: at most
#: 0.6x).
MEMORY_TARGET = 0.6


def timed_operations(
    workload: Workload,
    model: PBrief,
    fast: Callable[[Any], Any] | None,
    schema_validator: jsonschema.Draft202012Validator,
) -> dict[str, Callable[[], object]]:
    """The operations measured on ``workload``, by name."""
    text, data, brief = workload.text, workload.data, workload.brief
    operations: dict[str, Callable[[], object]] = {
        "bm.dumps": lambda: bm.dumps(brief),
        "bm.to_dict": lambda: bm.to_dict(brief),
        "json.dumps": lambda: json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        "pydantic.dump_json": lambda: pydantic_dumps(model),
        "bm.loads": lambda: bm.loads(text),
        "json.loads": lambda: json.loads(text),
        "pydantic.validate_json": lambda: PBrief.model_validate_json(text),
        "bm.validate": lambda: bm.validate(text),
        "jsonschema": lambda: schema_validator.is_valid(json.loads(text)),
    }
    if fast is not None:
        operations["fastjsonschema"] = lambda: fast(json.loads(text))
    xml = workload.xml
    operations.update(
        {
            "newsml.dumps": lambda: bm.dumps(brief, "newsml"),
            "lxml.newsml_write": lambda: lxml_newsml_write(brief),
            "newsml.loads": lambda: bm.loads(xml, "newsml"),
            "newsml.read": lambda: newsml.read(xml),
            "lxml.newsml_read": lambda: lxml_newsml_read(xml),
        }
    )
    page = workload.page
    operations.update(
        {
            "html.dumps": lambda: bm.dumps(brief, "html"),
            "jinja2.render": lambda: jinja_html_write(brief),
            "html.loads": lambda: bm.loads(page, "html"),
            "html.read": lambda: html.read(page),
            "lxml.html_read": lambda: lxml_html_read(page),
        }
    )
    ninjs_text, plain = workload.ninjs, workload.plain
    operations.update(
        {
            "ninjs.dumps": lambda: bm.dumps(brief, "ninjs"),
            "ninjs.loads": lambda: bm.loads(ninjs_text, "ninjs"),
            "text.dumps": lambda: bm.dumps(brief, "text"),
            "text.loads": lambda: bm.loads(plain, "text"),
        }
    )
    # ---- Markdown (formats/markdown/) ----
    markdown = workload.markdown
    body = markdown_body(markdown)
    operations.update(
        {
            "markdown.dumps": lambda: bm.dumps(brief, "markdown"),
            "markdown.loads": lambda: bm.loads(markdown, "markdown"),
            "markdown_it.parse": lambda: COMMONMARK.parse(markdown),
            "markdown_it.parse(body)": lambda: COMMONMARK.parse(body),
        }
    )
    if NewsMLG2 is not None:
        document = NewsMLG2.NewsMLG2Document(filename_or_string=xml)
        operations["newsmlg2.parse"] = lambda: NewsMLG2.NewsMLG2Document(filename_or_string=xml)
        operations["newsmlg2.to_xml_string"] = document.to_xml_string
    return operations
