"""The Jinja2 template (``benchmarks/references/jinja_html*.py``) renders our page and the
plain-lxml HTML floor (``benchmarks/references/lxml_html.py``) reads our values, and a
reference that differs stops the run (``benchmarks/workloads/html_page.py``)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.harness.briefs import Workload, generated_brief
from benchmarks.references.jinja_html import html_template, in_jinja_spelling, jinja_html_write
from benchmarks.references.lxml_html import lxml_html_read
from benchmarks.workloads import html_page

from ._support import ROOT, every_construct


def _html_edge_cases() -> bm.Brief:
    """What the example briefs do not reach in the HTML writer: a status shown, a blank
    subheadline and key points (so the description is built from the non-blank ones), three
    authors, quotes and apostrophes, a link and a citation inside a link, links and an
    image whose scheme is not followed, a citation of an unknown source, one-sided
    judgments, a source graded on one scale, rights with only a licence. (Not valid:
    bm.dumps writes it all the same, which is what is compared.)"""
    return bm.Brief(
        id="https://example.org/briefs/edge",
        headline='Edge "cases" aren\'t <rare>',
        subheadline=" \n ",
        status="canceled",
        created=datetime(2026, 1, 1, tzinfo=timezone.utc),
        authors=[
            bm.Agent(name="A"),
            bm.Agent(name="B", uri="https://example.org/b"),
            bm.Agent(name="C", uri="javascript:alert(1)"),
        ],
        sections=[
            bm.Section(
                role="key-points",
                blocks=[bm.ItemList(items=["  ", [bm.Strong(content="Point")], "  one "])],
            ),
            bm.Section(
                title="Outer",
                sections=[
                    bm.Section(
                        title="Inner",
                        role="analysis",
                        blocks=[
                            bm.Paragraph(
                                content=[
                                    bm.Link(
                                        href="https://example.org/a",
                                        content=[
                                            "in ",
                                            bm.Citation(ref="s1"),
                                            bm.Link(href="https://example.org/b", content="b"),
                                        ],
                                    ),
                                    bm.Link(href="javascript:alert(1)", content="bad"),
                                    bm.Link(href="ftp://example.org/f", title="FTP"),
                                    bm.Citation(ref="nowhere"),
                                ]
                            ),
                            bm.Figure(src="data:image/png;base64,AA", alt="'A' & \"B\""),
                            bm.Judgment(statement="Low.", confidence="low"),
                            bm.Judgment(statement="Likely.", likelihood="likely"),
                            bm.Quote(content="Sourced.", source_ref="s1"),
                        ],
                    )
                ],
            ),
        ],
        sources=[bm.Source(id="s1", title="S", reliability="C")],
        subjects=[bm.Subject(uri="https://example.org/topics/t")],
        related=[bm.Related(url="gopher://example.org/r")],
        rights=bm.Rights(license_url="https://example.org/licence"),
    )


def _html_briefs() -> list[bm.Brief]:
    briefs = [bm.load(path) for path in sorted((ROOT / "examples").glob("*.json"))]
    return [*briefs, generated_brief(7), every_construct(), _html_edge_cases()]


def test_jinja2_template_renders_exactly_our_page() -> None:
    """Like for like: the template renders the page bm.dumps writes, byte for byte but
    for the spelling of the escapes MarkupSafe writes differently."""
    for brief in _html_briefs():
        page = bm.dumps(brief, "html")
        assert jinja_html_write(brief) == in_jinja_spelling(page), brief.id
    brief = _html_edge_cases()
    rendered = jinja_html_write(brief)
    assert brief.headline not in rendered  # escaped everywhere, in MarkupSafe's spelling:
    assert "<title>Edge &#34;cases&#34; aren&#39;t &lt;rare&gt;</title>" in rendered
    for css in ("", "p { color: red } </STYLE><script>x()</script>"):
        page = bm.dumps(brief, "html", css=css or None)
        rendered = jinja_html_write(brief, html_template(css))
        assert rendered == in_jinja_spelling(page)


def test_jinja2_template_uses_markupsafe_escaping() -> None:
    """The spellings mapped are MarkupSafe's own, and they are all that differs."""
    from markupsafe import escape

    assert str(escape("\"'")) == "&#34;&#39;"
    page = bm.dumps(_html_edge_cases(), "html")
    assert "&quot;" in page
    assert "&#x27;" in page
    assert in_jinja_spelling("&amp;quot; &quot;") == "&amp;quot; &#34;"


def test_escaping_as_briefmodel_does_the_template_writes_our_bytes() -> None:
    """So escapes are all that differs: with Python's html.escape in place of MarkupSafe
    (a finalize hook, slower, which is why the benchmark does not time it) the template
    renders our page byte for byte."""
    import html as stdlib_html

    from markupsafe import Markup

    def escaped(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return value
        return Markup(stdlib_html.escape(str(value), quote=True))

    template = html_template(finalize=escaped)
    for brief in _html_briefs():
        assert jinja_html_write(brief, template) == bm.dumps(brief, "html"), brief.id


def test_html_read_floor_reads_exactly_what_briefmodel_does() -> None:
    for brief in _html_briefs():
        page = bm.dumps(brief, "html").encode("utf-8")
        assert lxml_html_read(page) == bm.to_dict(brief), brief.id


def test_an_html_reference_that_differs_stops_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workloads = [Workload("w", "example", "test", generated_brief(2))]
    html_page.check_html_floors(workloads, [])
    monkeypatch.setattr(html_page, "lxml_html_read", lambda data: {})
    with pytest.raises(SystemExit, match="HTML read floor"):
        html_page.check_html_floors(workloads, [])
    monkeypatch.setattr(html_page, "jinja_html_write", lambda brief: "<!DOCTYPE html>")
    with pytest.raises(SystemExit, match="Jinja2 template"):
        html_page.check_html_floors(workloads, [])
