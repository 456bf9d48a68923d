"""The registry of formats and auto-detection (``briefmodel.formats``): the suffix narrows
the choice, the content decides, and what cannot be told apart is said clearly. And what
every format shares: numbers at the bounds of the model round-trip in each, and one
beyond them is refused at its place."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel.formats import by_name, detect, mismatch
from briefmodel.model import MAX_NUMBER

from .._profiles import examples
from .._tools import fresh_python

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
#: The formats whose documents are text (a PDF's bytes are told and refused in
#: tests/formats/pdf), and those that are read.
TEXTUAL = [name for name in bm.formats() if not by_name(name).binary]
READ = [name for name in bm.formats() if not by_name(name).write_only]


@pytest.mark.parametrize("fmt", TEXTUAL)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_format_is_told_by_its_content(path: Path, fmt: str) -> None:
    text = bm.dumps(bm.load(path), fmt)
    # JSON Lines is told by its suffix alone: a line of it is canonical JSON, read as such
    told = "json" if fmt == "jsonl" else fmt
    assert detect(data=text).name == told
    assert detect(data=text.encode("utf-8")).name == told


@pytest.mark.parametrize("fmt", TEXTUAL)
def test_every_format_is_told_by_its_suffix(fmt: str, tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[0])
    for suffix in by_name(fmt).suffixes:
        target = tmp_path / f"brief{suffix}"
        if detect(target).name != fmt:  # a suffix several formats share: the content decides
            first = {".json": "json", ".xml": "newsml"}[suffix]  # (the first to claim it)
            assert detect(target).name == first
            assert fmt in ("ninjs", "jsonfeed", "atom", "rss")
        target.write_text(bm.dumps(brief, fmt), "utf-8")
        assert detect(target, target.read_bytes()).name == fmt


def test_a_ninjs_document_in_a_json_file_is_read_as_ninjs(tmp_path: Path) -> None:
    """Agencies name their ninjs files .json: the content tells it from canonical JSON."""
    brief = bm.load(EXAMPLES[0])
    path = tmp_path / "item.json"
    path.write_text(bm.dumps(brief, "ninjs"), "utf-8")
    assert bm.load(path) == brief
    bm.dump(brief, path)  # writing by the suffix alone: canonical JSON
    assert bm.loads(path.read_text("utf-8")) == brief


def test_a_broken_json_file_is_reported_as_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema": "briefmodel/2",\n  "id": }', "utf-8")
    with pytest.raises(bm.ParseError) as caught:
        bm.load(path)
    assert caught.value.problem.code == "parse.syntax"
    assert caught.value.problem.line == 2


def test_the_seed_is_told_to_be_text(seed: Path) -> None:
    assert detect(data=seed.read_text("utf-8")).name == "text"


@pytest.mark.parametrize(
    "data", ["Words that are in no format.", "<p>A paragraph alone</p>", "<a/>", "5"]
)
def test_what_cannot_be_told_is_said(data: str) -> None:
    with pytest.raises(bm.ParseError, match="cannot tell the format") as caught:
        bm.loads(data, format=None)
    assert caught.value.problem.code == "format.unknown"
    for name in bm.formats():
        assert name in str(caught.value)


def test_an_unclaimed_suffix_falls_back_to_the_content(tmp_path: Path) -> None:
    brief = bm.load(EXAMPLES[0])
    path = tmp_path / "brief.data"
    path.write_text(bm.dumps(brief, "newsml"), "utf-8")
    assert bm.load(path) == brief
    path.write_text("nothing to tell", "utf-8")
    with pytest.raises(bm.ParseError, match=r"cannot tell the format of '.*brief\.data'"):
        bm.load(path)


def test_each_format_imports_as_a_module_and_the_registry_still_lists_them() -> None:
    # A fresh interpreter: whether ``bm.formats`` hides the subpackages depends on what the
    # import of ``briefmodel`` bound, which an already imported package would mask.
    program = (
        "import briefmodel as bm\n"
        "import briefmodel.formats.json as jf\n"
        "from briefmodel.formats import html, markdown, newsml, ninjs, text\n"
        "modules = [jf, html, markdown, newsml, ninjs, text]\n"
        "print(bm.formats())\n"
        "print([m.FORMAT.name for m in modules])\n"
        "print(bm.formats.by_name('ninjs') is ninjs.FORMAT)\n"
    )
    listed, imported, same = fresh_python(program).splitlines()
    assert listed == str(bm.formats())
    assert imported == str(["json", "html", "markdown", "newsml", "ninjs", "text"])
    assert same == "True"


# ======================================================================================
# Numbers at the bounds: every format that carries them round-trips them exactly, and
# refuses what is beyond them at its place

#: The formats that carry a brief's version and extensions.
_NUMBERED = ("json", "newsml", "ninjs", "html", "markdown")
_EDGES = st.sampled_from([1, 2, MAX_NUMBER - 1, MAX_NUMBER, 2**31, 2**32, 2**53 - 2, 10**15])
_INTEGERS = _EDGES | st.integers(-MAX_NUMBER, MAX_NUMBER) | _EDGES.map(lambda n: -n)
_FLOATS = st.floats(-MAX_NUMBER, MAX_NUMBER, allow_nan=False, allow_infinity=False) | (
    st.sampled_from([5e-324, -5e-324, 2.2250738585072014e-308, float(MAX_NUMBER), -0.0, 0.1])
)


def _numbered(version: int, numbers: list[int | float]) -> bm.Brief:
    return bm.Brief(
        id="urn:example:numbers",
        headline="Numbers",
        version=version,
        language="en",
        created=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=["x"])])],
        extensions={"x:numbers": numbers, "x:nested": {"n": numbers[:1]}},
    )


@settings(max_examples=examples(60), deadline=None)
@given(
    version=_EDGES | st.integers(1, MAX_NUMBER),
    numbers=st.lists(_INTEGERS | _FLOATS, min_size=1, max_size=6),
)
def test_lossless_numbers_at_the_bounds_round_trip_in_every_format(
    version: int, numbers: list[int | float]
) -> None:
    brief = _numbered(version, numbers)
    for fmt in _NUMBERED:
        back = bm.loads(bm.dumps(brief, fmt), fmt)
        assert back.version == version, fmt
        got = list(back.extensions["x:numbers"])
        assert [(type(n), n) for n in got] == [(type(n), n) for n in numbers], fmt
        assert [str(n) for n in got] == [str(n) for n in numbers], fmt  # -0.0 stays -0.0


_PLACE = {"json": "/version", "ninjs": "/version", "markdown": 5, "newsml": 2}


@pytest.mark.parametrize("beyond", [MAX_NUMBER + 1, 10**18, 10**19, 10**300])
@pytest.mark.parametrize("fmt", _NUMBERED)
def test_lossless_a_version_beyond_the_bound_is_refused_by_every_format(
    fmt: str, beyond: int
) -> None:
    text = bm.dumps(_numbered(424242, [1]), fmt).replace("424242", str(beyond))
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, fmt)
    (problem,) = caught.value.problems
    assert problem.code == "schema.maximum"
    assert "9007199254740991" in problem.message.replace(",", "")
    where = _PLACE.get(fmt, text.count("\n", 0, text.index(str(beyond))) + 1)
    assert (problem.path if isinstance(where, str) else problem.line) == where
    # A brief cannot hold it either, so nothing writes such a document.
    with pytest.raises(bm.ModelError):
        _numbered(beyond, [1])


def test_a_name_alone_that_no_format_claims_is_an_option_error() -> None:
    with pytest.raises(bm.OptionError, match=r"cannot tell the format of 'out\.weird'"):
        detect("out.weird")
    with pytest.raises(bm.ParseError, match=r"cannot tell the format of 'in\.weird'"):
        detect("in.weird", "Words that are in no format.")


@pytest.mark.parametrize("fmt", TEXTUAL)
@pytest.mark.parametrize("read_as", bm.formats())
def test_text_read_as_another_format_is_named(fmt: str, read_as: str) -> None:
    text = bm.dumps(bm.load(EXAMPLES[0]), fmt)
    hint = mismatch(by_name(read_as), text)
    told = "json" if fmt == "jsonl" else fmt  # a line of JSON Lines is canonical JSON
    if read_as == told or (read_as == "jsonl" and told == "json"):
        assert hint is None
    else:
        assert hint is not None
        assert hint.code == "format.mismatch"
        assert hint.message == (f"the text looks like {told}, not {read_as}: pass format={told!r}")


@pytest.mark.parametrize(
    ("data", "found"),
    [
        ("[1, 2]", "json"),
        ('  [{"a": 1}]', "json"),
        ("[\n  [", "json"),
        ("[", "json"),
        ("[Update] Port fees cut\n\nThe port cut its fees.\n", None),
        ("[A link](https://example.org/) to start\n", None),
    ],
)
def test_a_json_array_goes_to_json_and_text_in_brackets_does_not(
    data: str, found: str | None
) -> None:
    if found is None:
        with pytest.raises(bm.ParseError, match="cannot tell the format"):
            detect(data=data)
    else:
        assert detect(data=data).name == found


# --------------------------------------------------------------------------------------
# Undated briefs: no writer invents a date

_UNDATED = bm.Brief(
    id="urn:example:undated",
    headline="Lock gates close for repairs",
    sections=[bm.Section(blocks=[bm.Paragraph(content="The gates close for a fortnight.")])],
)


@pytest.mark.parametrize("fmt", ["json", "html", "ninjs", "markdown", "text"])
def test_an_undated_brief_is_written_without_a_date_and_reads_back_undated(fmt: str) -> None:
    written = bm.dumps(_UNDATED, fmt)
    assert "1970" not in written
    assert not any(word in written for word in ("datePublished", "published_time", "created"))
    read = bm.loads(written, fmt)
    assert read.created is None
    if fmt != "text":  # (text does not carry the id)
        assert read == _UNDATED


def test_the_html_page_of_an_undated_brief_shows_no_date() -> None:
    page = bm.dumps(_UNDATED, "html")
    assert 'class="dates"' not in page
    dated = attrs.evolve(_UNDATED, created=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert 'class="dates"' in bm.dumps(dated, "html")


def test_newsml_refuses_an_undated_brief_rather_than_invent_a_date() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.dumps(_UNDATED, "newsml")
    assert [(p.code, p.path) for p in caught.value.problems] == [("newsml.undated", "/created")]


@pytest.mark.parametrize("fmt", READ)
def test_every_reader_takes_the_fallbacks_for_what_a_document_does_not_say(fmt: str) -> None:
    import inspect

    taken = inspect.signature(by_name(fmt).read).parameters
    assert {"id", "created", "language"} <= set(taken)


def test_the_fallbacks_fill_only_what_a_canonical_document_leaves_out() -> None:
    when = datetime(2026, 6, 1, tzinfo=timezone.utc)
    text = '{"schema": "briefmodel/2", "headline": "Lock gates close", "sections": [{}]}'
    brief = bm.loads(text, "json", id="urn:example:given", created=when, language="nb")
    assert (brief.id, brief.created, brief.language) == ("urn:example:given", when, "nb")
    own = bm.dumps(_UNDATED)
    assert bm.loads(own, "json", id="urn:example:other", language="nb") == _UNDATED


@pytest.mark.parametrize("fmt", bm.formats())
@pytest.mark.parametrize("odd", ["\x01", "\x1f", "\ufffe", "\uffff", "\ud800"], ids=ascii)
def test_every_writer_writes_or_refuses_text_xml_cannot_carry_but_never_crashes(
    fmt: str, odd: str
) -> None:
    brief = bm.Brief(
        id="urn:example:odd",
        headline="Lock gates",
        created=datetime(2026, 5, 1, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=f"The gate{odd} sticks.")])],
    )
    problems: tuple[bm.Problem, ...] = ()
    try:
        bm.dumpb(brief, fmt)
    except bm.ValidationError as error:  # (anything else fails the test)
        problems = error.problems
    if problems:
        assert {p.code for p in problems} == {"text.not-xml-char"}, problems
    if problems and fmt in ("newsml", "ninjs", "atom", "rss", "jsonfeed", "docx", "pdf"):
        assert [p.path for p in problems] == ["/sections/0/blocks/0/content"]
