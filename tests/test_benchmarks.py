"""Smoke tests of ``benchmarks/run.py``: it runs, reports every comparison, and compares
like with like. Nothing here asserts how fast anything is."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "run.py"
# A tiny run: 40 sections (and 4 for the linearity check), two repeats of ~1 ms.
TINY = ["--quick", "--sections", "40", "--repeat", "2", "--min-time", "0.001"]
HAVE_NEWSMLG2 = importlib.util.find_spec("NewsMLG2") is not None
IPTC_TEXT = (
    ROOT.parent / "shared/standards/newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml"
)
# Runs the script as __main__ with IPTC's library hidden, as if it were not installed.
WITHOUT_NEWSMLG2 = (
    "import runpy, sys; sys.modules['NewsMLG2'] = None; sys.argv = sys.argv[1:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def _run(*args: str, python: tuple[str, ...] = ()) -> str:
    done = subprocess.run(
        [sys.executable, *python, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """The benchmark script imported as a module."""
    spec = importlib.util.spec_from_file_location("briefmodel_benchmark_run", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves forward references through it
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    return json.loads(_run(*TINY, "--json"))  # type: ignore[no-any-return]


# The comparisons the benchmark exists to make, as (operation, reference, target).
EXPECTED = [
    ("dumps", "json.dumps(dict) floor", None),
    ("dumps", "pydantic dump_json", None),
    ("loads", "json.loads floor", None),
    ("loads", "pydantic validate_json", None),
    ("dumps + loads", "pydantic dump + validate", 1.0),
    ("validate", "pydantic validate_json", 2.0),
    ("validate", "fastjsonschema", None),
    ("validate", "jsonschema", None),
    ("memory of a loaded brief", "pydantic model", None),
    ("newsml dumps", "lxml build + tostring floor", 1.5),
    ("newsml loads", "lxml parse + extract floor", 2.0),
    ("newsml read", "lxml parse + extract floor", None),
    ("html dumps", "jinja2 template render", 1.0),
    ("html loads", "lxml HTML parse + extract floor", None),
    ("html read", "lxml HTML parse + extract floor", None),
    ("ninjs dumps", "bm.dumps canonical JSON", 1.5),
    ("ninjs loads", "bm.loads canonical JSON", 1.5),
    ("text dumps", "bm.dumps canonical JSON", None),
    ("text loads", "bm.loads canonical JSON", None),
    # Markdown
    ("markdown dumps", "bm.dumps canonical JSON", None),
    ("markdown loads", "markdown-it-py commonmark parse", 1.5),
    ("markdown loads", "markdown-it-py parse, body only", None),
    ("markdown loads", "bm.loads canonical JSON", None),
]
# Ours against IPTC's newsmlg2 library, on every brief workload.
NEWSMLG2_ROWS = [
    ("newsml dumps", "newsmlg2 to_xml_string", 0.1),
    ("newsml loads", "newsmlg2 parse", 0.1),
]
if HAVE_NEWSMLG2:
    EXPECTED += NEWSMLG2_ROWS
# IPTC's text example, when ../shared is there.
IPTC_ROWS = [
    ("newsml loads, lenient", "newsmlg2 parse", 0.1),
    ("newsml loads, lenient", "lxml.fromstring alone", None),
]
LINEAR = (
    "dumps",
    "loads",
    "validate",
    "newsml dumps",
    "newsml loads",
    "html dumps",
    "html loads",
    "ninjs dumps",
    "ninjs loads",
    "text dumps",
    "text loads",
    "markdown dumps",
    "markdown loads",
)


def test_json_output_has_every_comparison(results: dict[str, Any]) -> None:
    iptc = {"iptc-text"} if IPTC_TEXT.is_file() else set()
    assert set(results["workloads"]) == {"example", "gen-4", "gen-40", *iptc}
    assert results["workloads"]["gen-40"]["sections"] == 40
    assert results["workloads"]["gen-4"]["sections"] == 4
    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    for workload in ("example", "gen-40"):
        for metric, reference, target in EXPECTED:
            row = rows[(workload, metric, reference)]
            assert row["target"] == target
    linearity = [r for r in results["comparisons"] if r["workload"] == "linearity"]
    assert {(r["metric"], r["reference_name"]) for r in linearity} == {
        (f"{op} per section, gen-40", f"per section, {small}")
        for op in LINEAR
        for small in ("example", "gen-4")
    }
    assert {(r["target"], r["reference_name"]) for r in linearity} == {
        (None, "per section, example"),
        (1.5, "per section, gen-4"),
    }


def test_ratios_and_verdicts_are_consistent(results: dict[str, Any]) -> None:
    for row in results["comparisons"]:
        assert row["ours"] > 0
        assert row["reference"] > 0
        assert row["ratio"] == pytest.approx(row["ours"] / row["reference"])
        if row["target"] is None:
            assert row["status"] is None
        else:
            assert row["status"] == ("PASS" if row["ratio"] <= row["target"] else "MISS")


def test_timings_and_memory_are_recorded(results: dict[str, Any]) -> None:
    ops = results["timings"]["gen-40"]
    for name in ("bm.dumps", "bm.loads", "bm.validate", "pydantic.validate_json", "jsonschema"):
        assert 0 < ops[name]["best"] <= ops[name]["median"]
        assert ops[name]["repeat"] == 2
    assert set(results["timings"]["gen-4"]) == {
        "bm.dumps",
        "bm.loads",
        "bm.validate",
        "newsml.dumps",
        "newsml.loads",
        "html.dumps",
        "html.loads",
        "ninjs.dumps",
        "ninjs.loads",
        "text.dumps",
        "text.loads",
        "markdown.dumps",
        "markdown.loads",
    }
    for name in (
        "newsml.dumps",
        "lxml.newsml_write",
        "newsml.loads",
        "newsml.read",
        "html.dumps",
        "jinja2.render",
        "html.loads",
        "html.read",
        "lxml.html_read",
        "ninjs.dumps",
        "ninjs.loads",
        "text.dumps",
        "text.loads",
        "markdown.dumps",
        "markdown.loads",
        "markdown_it.parse",
        "markdown_it.parse(body)",
    ):
        assert 0 < ops[name]["best"] <= ops[name]["median"]
    assert ("newsmlg2.parse" in ops) is HAVE_NEWSMLG2
    for size in ("newsml_bytes", "html_bytes", "ninjs_bytes", "text_bytes", "markdown_bytes"):
        assert results["workloads"]["gen-40"][size] > results["workloads"]["gen-4"][size]
    assert all(value > 0 for value in results["memory"]["gen-40"].values())


def test_text_output_prints_every_row() -> None:
    out = _run(*TINY)
    table = out.split("Comparisons")[1].split("Targets met:")[0]
    # Columns are separated by at least two spaces: workload, operation, ours,
    # reference, theirs, ratio, target and verdict.
    cells = [re.split(r"\s{2,}", line.strip()) for line in table.splitlines()[2:] if line]
    for workload in ("example", "gen-40"):
        for metric, reference, target in EXPECTED:
            matching = [
                c for c in cells if c[0] == workload and c[1] == metric and c[3] == reference
            ]
            assert len(matching) == 1, (workload, metric, reference)
            (row,) = matching
            assert re.fullmatch(r"[0-9.]+x", row[5])
            if target is None:
                assert row[6:] == ["-"]
            else:
                assert row[6:7] == [f"≤ {target:g}x"]
                assert row[7] in ("PASS", "MISS")
    assert sum(c[0] == "linearity" for c in cells) == 2 * len(LINEAR)
    assert "Targets met:" in out
    notes = out.split("Notes")[1]
    assert "fastjsonschema" in notes
    assert "the Jinja2 template renders the page" in notes
    assert "ninjs and Markdown read every workload back to an equal brief" in notes


def test_profile_reports_both_orders() -> None:
    out = _run("--profile", "--quick", "--sections", "20")
    for name in ("bm.loads", "bm.dumps"):
        for key in ("cumulative", "tottime"):
            assert f"=== {name} on gen-20 (3 calls), top 15 by {key}" in out


def test_generated_brief_has_the_requested_shape(bench: ModuleType) -> None:
    brief = bench.generated_brief(12)
    report = bm.validate(brief)
    assert report.ok, report.problems
    assert report.warnings == ()
    assert len(brief.sections) == 12
    for section in brief.sections:
        assert section.title
        assert section.role
        paragraph, item_list = section.blocks
        kinds = {type(node) for node in paragraph.content}
        assert {bm.Mention, bm.Citation} <= kinds
        assert len(item_list.items) == 3


def test_pydantic_model_reads_the_same_json(bench: ModuleType) -> None:
    brief = bench.generated_brief(3)
    model = bench.PBrief.model_validate_json(bm.dumps(brief))
    assert len(model.sections) == 3

    def prune(value: Any) -> Any:  # pydantic writes empty arrays and default values
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items() if v not in ([], {})}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    written = prune(json.loads(bench.pydantic_dumps(model)))
    assert written == {**bm.to_dict(brief), "version": 1, "status": "usable"}


def test_pydantic_model_and_fastjsonschema_reject_invalid_documents(bench: ModuleType) -> None:
    import pydantic

    samples = bench.invalid_documents()
    assert len(samples) >= 5
    notes: list[str] = []
    check = bench.compile_fastjsonschema(notes)
    for name, document in samples:
        assert not bm.validate(document).ok, name
        with pytest.raises(pydantic.ValidationError):
            bench.PBrief.model_validate_json(json.dumps(document))
        if check is not None:
            assert not bench._accepts(check, document), name


# --------------------------------------------------------------------------------------
# NewsML-G2


def _every_construct() -> bm.Brief:
    """A brief with every block and inline type and every metadata field."""
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    return bm.Brief(
        id="urn:example:benchmark:every",
        version=3,
        headline="Every construct",
        subheadline="All of them, once.",
        language="en-GB",
        created=t0,
        updated=t0 + timedelta(hours=1),
        embargo_until=t0 + timedelta(days=1),
        status="withheld",
        urgency=2,
        genre="explainer",
        authors=[bm.Agent(name="Desk", role="writer", uri="https://example.org/desk")],
        publisher=bm.Agent(name="Example Press", affiliation="Example Group"),
        sections=[
            bm.Section(
                id="points",
                title="Key points",
                role="key-points",
                blocks=[bm.ItemList(items=["One", ["Two, ", bm.Emphasis(content="really")]])],
                sections=[
                    bm.Section(
                        title="Nested",
                        blocks=[
                            bm.Paragraph(
                                content=[
                                    "Text with ",
                                    bm.Strong(content=[bm.Emphasis(content="both")]),
                                    bm.LineBreak(),
                                    bm.Code(text="x < 1 & y"),
                                    " and ",
                                    bm.Link(
                                        href="https://example.org/a?b=1",
                                        title="A link",
                                        content="a link",
                                    ),
                                    bm.Link(href="https://example.org/bare"),
                                    bm.Mention(ref="p1", content="the director"),
                                    bm.Citation(ref="s1"),
                                    ".",
                                ]
                            )
                        ],
                    )
                ],
            ),
            bm.Section(
                blocks=[
                    bm.ItemList(
                        ordered=True,
                        items=[
                            bm.ListItem(
                                content="With blocks",
                                blocks=[bm.Paragraph(content="inside")],
                            ),
                            bm.ListItem(blocks=[bm.Paragraph(content="only blocks")]),
                        ],
                    ),
                    bm.Quote(content="Said so.", attribution="Someone", source_ref="s1"),
                    bm.Quote(content="Unattributed."),
                    bm.Judgment(
                        statement="Likely so.",
                        confidence="moderate",
                        likelihood="likely",
                        basis=["s1"],
                    ),
                    bm.Figure(
                        src="https://example.org/chart.png",
                        alt="A chart",
                        caption=["Fees, ", bm.Emphasis(content="2026")],
                        credit="Example Press",
                    ),
                    bm.Figure(src="https://example.org/plain.png", alt="Plain"),
                ]
            ),
        ],
        entities=[
            bm.Entity(
                id="p1",
                kind="person",
                name="Port Director",
                aliases=["Director"],
                identifiers={"wikidata": "Q1"},
            ),
            bm.Entity(id="o1", kind="other", name="Something"),
        ],
        subjects=[
            bm.Subject(
                code="medtop:04000000",
                name="economy",
                uri="http://cv.iptc.org/newscodes/mediatopic/04000000",
                relevance=90,
                confidence=80,
            ),
            bm.Subject(uri="https://example.org/topics/ports"),
        ],
        keywords=["ports", "fees"],
        sources=[
            bm.Source(
                id="s1",
                title="Notice",
                url="https://example.org/notice",
                publisher="Port authority",
                published=t0 - timedelta(days=1),
                accessed=t0,
                reliability="B",
                credibility=2,
            )
        ],
        related=[bm.Related(url="https://example.org/before", title="Before", rel="related")],
        rights=bm.Rights(
            holder="Example Press",
            notice="(c) 2026",
            license_url="https://example.org/licence",
            usage_terms="Quote freely.",
        ),
        corrections=[bm.Correction(signal="correction", note="Fixed a date.", date=t0)],
        extensions={"acme:desk": {"shift": ["early", 2]}},
    )


def test_every_construct_brief_is_valid_and_complete() -> None:
    from briefmodel.model import BLOCK_TYPES, INLINE_TYPES

    brief = _every_construct()
    report = bm.validate(brief)
    assert report.ok, report.problems
    assert {type(node) for _, node in brief.walk()} >= {*BLOCK_TYPES, *INLINE_TYPES}


def test_newsml_floors_write_and_read_exactly_what_briefmodel_does(bench: ModuleType) -> None:
    """The lxml floors are like-for-like: the same XML out, the same values in."""
    briefs = [bm.load(path) for path in sorted((ROOT / "examples").glob("*.json"))]
    briefs += [bench.generated_brief(7), _every_construct()]
    for brief in briefs:
        xml = bm.dumps(brief, "newsml")
        assert bench.lxml_newsml_write(brief) == xml, brief.id
        assert bench.lxml_newsml_read(xml.encode("utf-8")) == bm.to_dict(brief), brief.id


def test_a_floor_that_differs_stops_the_run(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    workloads = [bench.Workload("w", "example", "test", bench.generated_brief(2))]
    bench.check_newsml_floors(workloads, [])
    monkeypatch.setattr(bench, "lxml_newsml_read", lambda data: {})
    with pytest.raises(SystemExit, match="read floor"):
        bench.check_newsml_floors(workloads, [])
    monkeypatch.setattr(bench, "lxml_newsml_write", lambda brief: "<newsItem/>")
    with pytest.raises(SystemExit, match="write floor"):
        bench.check_newsml_floors(workloads, [])


def test_iptc_example_rows(results: dict[str, Any], shared: Path) -> None:
    example = shared / "standards/newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml"
    assert example == IPTC_TEXT
    assert results["workloads"]["iptc-text"]["bytes"] == example.stat().st_size
    rows = {(r["workload"], r["metric"], r["reference_name"]): r for r in results["comparisons"]}
    for metric, reference, target in IPTC_ROWS if HAVE_NEWSMLG2 else IPTC_ROWS[1:]:
        assert rows[("iptc-text", metric, reference)]["target"] == target
    assert set(results["timings"]["iptc-text"]) == {
        "newsml.loads(lenient)",
        "lxml.fromstring",
        *(["newsmlg2.parse"] if HAVE_NEWSMLG2 else []),
    }


def test_without_newsmlg2_its_rows_are_skipped_and_say_so() -> None:
    results = json.loads(_run(*TINY, "--json", python=("-c", WITHOUT_NEWSMLG2)))
    assert results["environment"]["newsmlg2"] == "not installed"
    references = {r["reference_name"] for r in results["comparisons"]}
    assert not any(reference.startswith("newsmlg2") for reference in references)
    assert "lxml build + tostring floor" in references
    reason = "(newsmlg2 is not installed: pip install newsmlg2)"
    expected = [
        f"{workload}: {metric} vs {reference} {reason}"
        for workload in ("example", "gen-40")
        for metric, reference, _ in NEWSMLG2_ROWS
    ]
    if IPTC_TEXT.is_file():
        expected.append(f"iptc-text: newsml loads, lenient vs newsmlg2 parse {reason}")
    assert results["skipped"] == expected
    text = _run(*TINY, python=("-c", WITHOUT_NEWSMLG2))
    skipped = text.split("\nSkipped\n")[1].split("\n\n")[0]
    assert skipped.splitlines() == [f"  - {line}" for line in expected]


# --------------------------------------------------------------------------------------
# HTML


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


def _html_briefs(bench: ModuleType) -> list[bm.Brief]:
    briefs = [bm.load(path) for path in sorted((ROOT / "examples").glob("*.json"))]
    return [*briefs, bench.generated_brief(7), _every_construct(), _html_edge_cases()]


def test_jinja2_template_renders_exactly_our_page(bench: ModuleType) -> None:
    """Like for like: the template renders the page bm.dumps writes, byte for byte but
    for the spelling of the escapes MarkupSafe writes differently."""
    for brief in _html_briefs(bench):
        page = bm.dumps(brief, "html")
        assert bench.jinja_html_write(brief) == bench.in_jinja_spelling(page), brief.id
    brief = _html_edge_cases()
    rendered = bench.jinja_html_write(brief)
    assert brief.headline not in rendered  # escaped everywhere, in MarkupSafe's spelling:
    assert "<title>Edge &#34;cases&#34; aren&#39;t &lt;rare&gt;</title>" in rendered
    for css in ("", "p { color: red } </STYLE><script>x()</script>"):
        page = bm.dumps(brief, "html", css=css or None)
        rendered = bench.jinja_html_write(brief, bench.html_template(css))
        assert rendered == bench.in_jinja_spelling(page)


def test_jinja2_template_uses_markupsafe_escaping(bench: ModuleType) -> None:
    """The spellings mapped are MarkupSafe's own, and they are all that differs."""
    from markupsafe import escape

    assert str(escape("\"'")) == "&#34;&#39;"
    page = bm.dumps(_html_edge_cases(), "html")
    assert "&quot;" in page
    assert "&#x27;" in page
    assert bench.in_jinja_spelling("&amp;quot; &quot;") == "&amp;quot; &#34;"


def test_escaping_as_briefmodel_does_the_template_writes_our_bytes(bench: ModuleType) -> None:
    """So escapes are all that differs: with Python's html.escape in place of MarkupSafe
    (a finalize hook, slower, which is why the benchmark does not time it) the template
    renders our page byte for byte."""
    import html as stdlib_html

    from markupsafe import Markup

    def escaped(value: Any) -> Any:
        if hasattr(value, "__html__"):
            return value
        return Markup(stdlib_html.escape(str(value), quote=True))

    template = bench.html_template(finalize=escaped)
    for brief in _html_briefs(bench):
        assert bench.jinja_html_write(brief, template) == bm.dumps(brief, "html"), brief.id


def test_html_read_floor_reads_exactly_what_briefmodel_does(bench: ModuleType) -> None:
    for brief in _html_briefs(bench):
        page = bm.dumps(brief, "html").encode("utf-8")
        assert bench.lxml_html_read(page) == bm.to_dict(brief), brief.id


def test_an_html_reference_that_differs_stops_the_run(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    workloads = [bench.Workload("w", "example", "test", bench.generated_brief(2))]
    bench.check_html_floors(workloads, [])
    monkeypatch.setattr(bench, "lxml_html_read", lambda data: {})
    with pytest.raises(SystemExit, match="HTML read floor"):
        bench.check_html_floors(workloads, [])
    monkeypatch.setattr(bench, "jinja_html_write", lambda brief: "<!DOCTYPE html>")
    with pytest.raises(SystemExit, match="Jinja2 template"):
        bench.check_html_floors(workloads, [])


# --------------------------------------------------------------------------------------
# ninjs, plain text and Markdown


def test_text_format_workloads_are_what_bm_dumps_writes(bench: ModuleType) -> None:
    brief = bench.generated_brief(3)
    workload = bench.Workload("w", "example", "test", brief)
    assert workload.ninjs == bm.dumps(brief, "ninjs")
    assert workload.plain == bm.dumps(brief, "text")
    assert workload.markdown == bm.dumps(brief, "markdown")
    tokens = bench.COMMONMARK.parse(workload.markdown)
    assert sum(token.type == "heading_open" for token in tokens) >= 3  # a title per section
    body = bench.markdown_body(workload.markdown)
    assert workload.markdown.startswith("---\n")
    assert workload.markdown.endswith(body)
    assert "---" not in body.splitlines()
    assert body.lstrip().startswith("# Harbour operations in 3 sections")


def test_a_text_format_that_does_not_read_back_stops_the_run(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    workload = bench.Workload("w", "example", "test", bench.generated_brief(2))
    notes: list[str] = []
    bench.check_text_formats([workload], notes)
    assert len(notes) == 1
    assert "equal brief" in notes[0]
    for field, message in (
        ("markdown", "bm.loads\\(markdown\\)"),
        ("plain", "bm.loads\\(text\\)"),
        ("ninjs", "bm.loads\\(ninjs\\)"),
    ):
        other = bench.Workload("o", "example", "test", bench.generated_brief(1))
        monkeypatch.setattr(workload, field, getattr(other, field))
        with pytest.raises(SystemExit, match=message):
            bench.check_text_formats([workload], [])
