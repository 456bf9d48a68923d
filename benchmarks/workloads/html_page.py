"""HTML: ``bm.dumps(brief, "html")`` against the Jinja2 template rendering the same page,
and ``bm.loads(page, "html")`` against the plain-lxml read floor: the target, the check
that both references agree with briefmodel, and the rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import briefmodel as bm

from ..harness.briefs import Workload
from ..harness.report import Row
from ..harness.timing import Timing
from ..references.jinja_html import in_jinja_spelling, jinja_html_write
from ..references.lxml_html import lxml_html_read

#: bm.dumps(brief, "html") may take at most this many times the Jinja2 template's render.
HTML_WRITE_TARGET = 1.0


def check_html_floors(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The Jinja2 template must render exactly our page (but for how the two spell a few
    escapes) and the lxml floor read exactly our values."""
    for workload in workloads:
        page = bm.dumps(workload.brief, "html")
        if jinja_html_write(workload.brief) != in_jinja_spelling(page):
            raise SystemExit(f"the Jinja2 template differs from bm.dumps on {workload.name}")
        if lxml_html_read(workload.page) != workload.data:
            raise SystemExit(f"the lxml HTML read floor differs from bm.loads on {workload.name}")
    notes.append(
        "on every workload the Jinja2 template renders the page of "
        'bm.dumps(brief, "html"), byte for byte once " and \' are spelled as MarkupSafe '
        "escapes them, and the lxml HTML read floor gives exactly bm.to_dict(brief)"
    )


def html_rows(workload: str, t: dict[str, Timing]) -> Iterator[Row]:
    """The HTML ratios of one workload: against the Jinja2 template and the lxml floor."""
    best = {name: timing.best for name, timing in t.items()}
    read_floor = "lxml HTML parse + extract floor"
    yield Row(
        workload,
        "html dumps",
        best["html.dumps"],
        "jinja2 template render",
        best["jinja2.render"],
        target=HTML_WRITE_TARGET,
    )
    yield Row(workload, "html loads", best["html.loads"], read_floor, best["lxml.html_read"])
    yield Row(workload, "html read", best["html.read"], read_floor, best["lxml.html_read"])
