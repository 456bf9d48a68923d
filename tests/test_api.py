"""Reading and writing in any format (``bm.loads``, ``bm.load``, ``bm.dumps``…): the
format is found from the text unless it is named, the errors say what to do when the text
named is another format, an unknown format name is a mistake in the call (an OptionError,
not a ParseError), and warnings point at the caller's code."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm

from ._tools import fresh_python

ROOT = Path(__file__).resolve().parent.parent
BRIEF = bm.load(ROOT / "examples" / "port-fees.json")
SMALL = bm.Brief(
    id=BRIEF.id,
    headline=BRIEF.headline,
    created=BRIEF.created,
    sections=[
        bm.Section(title="Key Points", blocks=[bm.ItemList(items=["One", "Two"])]),
        bm.Section(title="Outlook", blocks=[bm.Paragraph(content="More talks.")]),
    ],
)


@pytest.mark.parametrize("fmt", [n for n in bm.formats() if not bm.formats.by_name(n).binary])
def test_loads_finds_the_format_as_load_does(fmt: str, tmp_path: Path) -> None:
    # bm.loads defaulted to format="json" while bm.load sniffed: ninjs text gave 14 schema
    # errors and no hint.
    binary = bm.formats.by_name(fmt).binary  # (a Word document is bytes, sniffed as such)
    text = bm.dumpb(SMALL, fmt) if binary else bm.dumps(SMALL, fmt)
    path = tmp_path / "brief.data"
    path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, "utf-8")
    assert bm.loads(text) == bm.loads(text, fmt) == bm.load(path)


def test_ninjs_read_as_json_says_it_is_ninjs_first() -> None:
    text = bm.dumps(BRIEF, "ninjs")
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(text, "json")
    first = caught.value.problems[0]
    assert (first.code, first.path) == ("format.mismatch", "")
    assert first.message == "the text looks like ninjs, not json: pass format='ninjs'"
    assert str(caught.value).splitlines()[1].endswith("pass format='ninjs'")


@pytest.mark.parametrize("fmt", ["newsml", "html", "markdown", "text"])
def test_other_text_read_as_json_says_what_it_is(fmt: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(bm.dumps(SMALL, fmt), "json")
    assert caught.value.problem.code == "parse.syntax"
    assert caught.value.problem.message.endswith(
        f"; the text looks like {fmt}, not json: pass format={fmt!r}"
    )


def test_broken_canonical_json_gets_no_hint() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads('{"schema": "briefmodel/2",}')
    assert "looks like" not in str(caught.value)
    assert caught.value.problem.code == "parse.syntax"
    with pytest.raises(bm.ValidationError) as refused:
        bm.loads('{"schema": "briefmodel/2"}')
    assert "format.mismatch" not in {p.code for p in refused.value.problems}


@pytest.mark.parametrize("text", ["", "  \n\t", b"", b"\n"])
def test_an_empty_document_is_said_to_be_empty(text: str | bytes) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(text)
    assert (caught.value.problem.code, caught.value.problem.line) == ("parse.syntax", 1)
    assert caught.value.problem.message == "the document is empty"


@pytest.mark.parametrize("text", ["[1, 2]", "[" * 5000, "  [[]]"])
def test_a_json_array_is_read_as_json_which_says_what_is_wrong(text: str) -> None:
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.loads(text)
    assert caught.value.problems[0].code in {"schema.type", "parse.too-deep", "parse.syntax"}


def test_a_reader_that_names_the_format_already_is_not_repeated() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(bm.dumps(BRIEF), "ninjs")
    assert str(caught.value).count("format='json'") == 1


def test_a_file_with_the_wrong_suffix_says_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "brief.xml"
    path.write_text(bm.dumps(BRIEF), "utf-8")
    with pytest.raises(bm.ParseError, match="looks like json, not newsml: pass format='json'"):
        bm.load(path)
    with pytest.raises(bm.ParseError, match="looks like json, not newsml"):
        list(bm.load_all(path))


@pytest.mark.parametrize(
    "call",
    [
        lambda: bm.dumps(BRIEF, "nope"),
        lambda: bm.dump(BRIEF, "out.nope"),
        lambda: bm.loads("{}", "nope"),
        lambda: bm.validate("{}", "nope"),
        lambda: bm.formats.by_name("JSON"),
    ],
    ids=["dumps", "dump", "loads", "validate", "by_name"],
)
def test_an_unknown_format_is_an_option_error_not_a_parse_error(call: object) -> None:
    # bm.dumps(b, "nope") raised ParseError, though nothing was parsed.
    with pytest.raises(bm.OptionError) as caught:
        call()  # type: ignore[operator]
    assert not isinstance(caught.value, bm.ParseError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.option == "format"
    assert caught.value.problems[0].code == "format.unknown"
    assert "json, newsml, html, ninjs, text, markdown" in str(caught.value)
    assert not Path("out.nope").exists()


def test_a_warning_points_at_the_code_that_called_briefmodel() -> None:
    page = bm.dumps(SMALL, "html").replace("<p>", '<p data-x="1">', 1)
    for call in (
        lambda: bm.loads(page, "html", strict=False),
        lambda: bm.formats.by_name("html").read(page, strict=False),
        lambda: bm.loads('{"desk": 1, ' + bm.dumps(SMALL)[1:], strict=False),
    ):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_lenient_reading_takes_naive_date_times_in_the_zone_given() -> None:
    import warnings
    from zoneinfo import ZoneInfo

    text = "---\ntitle: Night ferry timetable\ndate: 2026-07-01 22:30\n---\n\nBoats run late.\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        utc = bm.loads(text, "markdown", strict=False)
        oslo = bm.loads(text, "markdown", strict=False, timezone="Europe/Oslo")
        named = bm.loads(text, "markdown", strict=False, timezone=ZoneInfo("Asia/Tokyo"))
    assert utc.created == datetime(2026, 7, 1, 22, 30, tzinfo=timezone.utc)
    assert oslo.created == datetime(2026, 7, 1, 20, 30, tzinfo=timezone.utc)  # summer: +02:00
    assert named.created == datetime(2026, 7, 1, 13, 30, tzinfo=timezone.utc)
    said = [str(w.message) for w in caught]
    assert any("read as Europe/Oslo" in message for message in said)
    with pytest.raises(bm.OptionError, match="timezone"):
        bm.loads(text, "markdown", strict=False, timezone="Mars/Olympus")


def test_load_all_takes_the_zone_only_while_it_reads(tmp_path: Any) -> None:
    from briefmodel._dates import assumed_zone

    path = tmp_path / "one.md"
    path.write_text("---\ntitle: T\ndate: 2026-01-01 10:00\n---\n\nText.\n", "utf-8")
    zones = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for brief in bm.load_all(path, strict=False, timezone="Asia/Tokyo"):
            zones.append(assumed_zone())  # the caller's code between items
            assert brief.created == datetime(2026, 1, 1, 1, 0, tzinfo=timezone.utc)
    assert zones == [timezone.utc]


def test_importing_briefmodel_leaves_what_only_some_calls_need_unloaded() -> None:
    script = (
        "import sys, briefmodel\n"
        "print(sorted(m for m in ('jsonschema', 'importlib.metadata', 'yaml', 'trafilatura',"
        " 'lxml', 'markdown_it', 'email.utils', 'zoneinfo', 'tomllib', 'cattrs', 'orjson',"
        " 'weasyprint')"
        " if m in sys.modules))"
    )
    shown = fresh_python(script)
    assert shown.strip() == "[]"


def test_valid_canonical_json_is_read_and_written_without_cattrs() -> None:
    # The generated paths read and write it; cattrs (and its converters, 50 ms to make)
    # only explain a document that fails, or write a float in extensions.
    script = (
        "import sys, pathlib, briefmodel as bm\n"
        f"text = pathlib.Path({str(ROOT / 'examples' / 'port-fees.json')!r}).read_text('utf-8')\n"
        "brief = bm.loads(text, 'json')\n"
        "assert bm.loads(bm.dumps(brief), 'json') == brief and bm.validate(text).ok\n"
        "print('cattrs' in sys.modules)\n"
        "bm.validate(text.replace('\"headline\"', '\"headlines\"'))\n"
        "print('cattrs' in sys.modules)\n"
    )
    shown = fresh_python(script)
    assert shown.split() == ["False", "True"]


def test_the_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    assert bm.__version__ == version("briefmodel")


def test_every_public_name_is_there_when_first_used() -> None:
    # The package imports its names when first used (briefmodel/__init__.py): each of
    # __all__ is found, is what its module defines, and is listed by dir().
    script = (
        "import briefmodel as bm\n"
        "for name in set(bm.__all__) - {'__version__'}:\n"
        "    value = getattr(bm, name)\n"
        "    home = getattr(value, '__module__', None) or getattr(value, '__name__', '')\n"
        "    assert home.startswith('briefmodel'), (name, home)\n"
        "assert set(bm.__all__) <= set(dir(bm))\n"
        "try:\n"
        "    bm.no_such_name\n"
        "except AttributeError as error:\n"
        "    print(error)\n"
    )
    shown = fresh_python(script)
    assert shown.strip() == "module 'briefmodel' has no attribute 'no_such_name'"


def test_where_each_name_is_defined_is_what_type_checkers_see() -> None:
    # briefmodel/__init__.py says twice where each public name comes from: in the imports
    # type checkers see (under TYPE_CHECKING) and in the table __getattr__ imports from.
    import ast

    source = Path(bm.__file__).read_text("utf-8")
    block = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    seen: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        assert node.level == 1
        for alias in node.names:
            seen[alias.name] = node.module or alias.name
    runtime = {
        **{name: "model" for name in set(bm.__all__) - {"__version__"}},
        **bm._DEFINED_IN,
        **{name: name for name in bm._MODULES},
    }
    assert seen == runtime


# --------------------------------------------------------------------------------------
# Formats whose documents are bytes


def test_dumpb_writes_every_text_format_as_its_utf8(tmp_path: Path) -> None:
    for name in bm.formats():
        if bm.formats.by_name(name).binary:
            continue
        assert bm.dumpb(SMALL, name) == bm.dumps(SMALL, name).encode("utf-8"), name
    bm.dump(SMALL, tmp_path / "small.md")
    assert (tmp_path / "small.md").read_bytes() == bm.dumpb(SMALL, "markdown")


def test_a_binary_format_is_written_by_dumpb_and_dump_and_refused_by_dumps(
    zipped: Any, tmp_path: Path
) -> None:
    data = bm.dumpb(SMALL, "zipped")
    assert data[:2] == b"\x1f\x8b"
    assert bm.loads(data, "zipped") == SMALL
    bm.dump(SMALL, tmp_path / "small.json.gz")
    assert (tmp_path / "small.json.gz").read_bytes() == data
    assert bm.load(tmp_path / "small.json.gz") == SMALL
    with pytest.raises(bm.OptionError) as caught:
        bm.dumps(SMALL, "zipped")
    assert caught.value.problems[0].code == "format.binary"
    assert "bm.dumpb(brief, 'zipped')" in str(caught.value)


def test_dumpb_says_what_utf8_cannot_hold() -> None:
    brief = bm.Brief(
        id="urn:x", headline="Odd \ud800", sections=[bm.Section()], created=SMALL.created
    )
    with pytest.raises(bm.ValidationError) as caught:
        bm.dumpb(brief, "markdown")
    assert caught.value.problems[0].code == "text.not-xml-char"
    assert "U+D800" in str(caught.value)
