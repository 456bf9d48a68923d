"""The options of every public entry point are checked where they come in
(:mod:`briefmodel._options`): a value an option does not accept, or an option a format's
reader or writer does not take, is an :class:`~briefmodel.OptionError` naming the option
and saying what is accepted (also a TypeError and a ValueError), before anything is read
or written; the values they accept go on working."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel import _options
from briefmodel.formats import html, json, markdown, newsml, ninjs, text

CREATED = datetime(2026, 1, 1, tzinfo=timezone.utc)
BRIEF = bm.Brief(
    id="urn:example:options",
    headline="Options",
    created=CREATED,
    sections=[bm.Section(title="Notes", blocks=[bm.ItemList(items=["one", "two"])])],
)
#: Each format's document of BRIEF (bytes for a format of bytes: Word's); a PDF's, the
#: bytes it starts with (no reader reads further: PDF is written, not read).
DOCUMENTS: dict[str, str | bytes] = {
    name: b"%PDF-1.7\n"
    if name == "pdf"
    else (bm.dumpb if bm.formats.by_name(name).binary else bm.dumps)(BRIEF, name)
    for name in bm.formats()
}
UNDATED_MARKDOWN = "# Options\n\nText.\n"  # no front matter: created= fills the date
UNDATED_TEXT = "Options\n\nNotes\n\n• one\n• two\n"
EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "port-fees.json")

NOT_A_FLAG = ["yes", 1, 0, None, 1.0]
NOT_A_DATETIME = ["2026-01-01", 5, date(2026, 1, 1), datetime(2026, 1, 1), 1.5e9]
NOT_AN_INDENT = ["2", -1, 2.5, True, _options.MAX_INDENT + 1, 10**9]
NOT_SCHEMES = [5, None, b"https", [5], ["https", None], {"https": 1}]


def _calls() -> list[tuple[str, str, Any, Callable[[Any], object]]]:
    """(entry point, option, a wrong value, the call that passes it)."""
    calls: list[tuple[str, str, Any, Callable[[Any], object]]] = []

    def add(where: str, option: str, values: list[Any], call: Callable[[Any], object]) -> None:
        calls.extend((where, option, value, call) for value in values)

    for name in bm.formats():
        doc = DOCUMENTS[name]
        add(
            f"loads {name}", "strict", NOT_A_FLAG, lambda v, n=name, d=doc: bm.loads(d, n, strict=v)
        )
        reader = bm.formats.by_name(name).read
        add(f"{name}.read", "strict", NOT_A_FLAG, lambda v, r=reader, d=doc: r(d, strict=v))
        add(f"{name}.read", "data", [5, None, ["x"]], lambda v, r=reader: r(v))
        writer = bm.formats.by_name(name).write
        add(f"{name}.write", "brief", ["x", None, {}], lambda v, w=writer: w(v))
    for reader, doc in ((markdown.read, UNDATED_MARKDOWN), (text.read, UNDATED_TEXT)):
        add(
            reader.__module__, "created", NOT_A_DATETIME, lambda v, r=reader, d=doc: r(d, created=v)
        )
    add(
        "loads markdown",
        "created",
        NOT_A_DATETIME,
        lambda v: bm.loads(UNDATED_MARKDOWN, "markdown", created=v),
    )
    add(
        "loads text", "created", NOT_A_DATETIME, lambda v: bm.loads(UNDATED_TEXT, "text", created=v)
    )
    add("text.read", "id", [5, ["x"], b"x"], lambda v: text.read(UNDATED_TEXT, id=v))
    add("text.read", "language", [5, None, b"en"], lambda v: text.read(UNDATED_TEXT, language=v))
    add(
        "text.read",
        "roles",
        [5, ["x"], {"a": 5}, {5: "a"}],
        lambda v: text.read(UNDATED_TEXT, roles=v),
    )
    add("json.write", "indent", NOT_AN_INDENT, lambda v: json.write(BRIEF, indent=v))
    add("dumps json", "indent", NOT_AN_INDENT, lambda v: bm.dumps(BRIEF, indent=v))
    add("ninjs.write", "indent", NOT_AN_INDENT, lambda v: ninjs.write(BRIEF, indent=v))
    add("ninjs.write", "version", [3.1, "9", None, "3"], lambda v: ninjs.write(BRIEF, version=v))
    add("newsml.write", "pretty", NOT_A_FLAG, lambda v: newsml.write(BRIEF, pretty=v))
    add("html.write", "fragment", NOT_A_FLAG, lambda v: html.write(BRIEF, fragment=v))
    add("html.write", "css", [5, b"p{}", ["p{}"]], lambda v: html.write(BRIEF, css=v))
    add("html.write", "url_schemes", NOT_SCHEMES, lambda v: html.write(BRIEF, url_schemes=v))
    add("loads", "url_schemes", NOT_SCHEMES, lambda v: bm.loads(DOCUMENTS["json"], url_schemes=v))
    add(
        "validate",
        "url_schemes",
        NOT_SCHEMES,
        lambda v: bm.validate(DOCUMENTS["json"], url_schemes=v),
    )
    add(
        "from_dict",
        "url_schemes",
        NOT_SCHEMES,
        lambda v: bm.from_dict(bm.to_dict(BRIEF), url_schemes=v),
    )
    add("from_dict", "strict", NOT_A_FLAG, lambda v: bm.from_dict(bm.to_dict(BRIEF), strict=v))
    add(
        "json.from_dict",
        "strict",
        NOT_A_FLAG,
        lambda v: json.from_dict(bm.to_dict(BRIEF), strict=v),
    )
    add("loads", "format", [5, b"json", ["json"]], lambda v: bm.loads(DOCUMENTS["json"], v))
    add("dumps", "format", [5, None, b"json"], lambda v: bm.dumps(BRIEF, v))
    add("validate", "format", [5, b"json"], lambda v: bm.validate(DOCUMENTS["json"], v))
    add(
        "validate",
        "xsd",
        [5, b"x.xsd", ["x.xsd"]],
        lambda v: bm.validate(DOCUMENTS["newsml"], xsd=v),
    )
    add("validate", "xsd", ["x.xsd"], lambda v: bm.validate(DOCUMENTS["json"], "json", xsd=v))
    add("loads", "data", [5, None, {"a": 1}], lambda v: bm.loads(v))
    add("dumps", "brief", ["x", None, bm.to_dict(BRIEF)], lambda v: bm.dumps(v))
    add("to_dict", "brief", ["x", None], lambda v: bm.to_dict(v))
    add("text.losses", "brief", ["x"], lambda v: text.losses(v))
    add("load", "path", [5, None, b"x.json"], lambda v: bm.load(v))
    add("load", "strict", NOT_A_FLAG, lambda v: bm.load(EXAMPLE, strict=v))
    add("load_all", "strict", NOT_A_FLAG, lambda v: list(bm.load_all(EXAMPLE, strict=v)))
    add("dump", "path", [5, None], lambda v: bm.dump(BRIEF, v))
    return calls


CALLS = _calls()


@pytest.mark.parametrize(
    ("where", "option", "value", "call"),
    CALLS,
    ids=[f"{where}-{option}={value!r}"[:60] for where, option, value, _ in CALLS],
)
def test_a_value_an_option_does_not_accept_is_an_option_error(
    where: str, option: str, value: Any, call: Callable[[Any], object]
) -> None:
    with pytest.raises(bm.OptionError) as caught:
        call(value)
    error = caught.value
    assert error.option == option
    assert str(error).startswith(f"{option}: ")
    assert "expected" in error.message or "applies to" in error.message
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)
    assert isinstance(error, bm.BriefmodelError)


def test_the_issues_created_dates_are_option_errors() -> None:
    for value in ("2026-01-01", 5):
        with pytest.raises(bm.OptionError, match=r"^created: expected None or a datetime"):
            bm.loads(UNDATED_MARKDOWN, "markdown", created=value)


READERS = {name: bm.formats.by_name(name).read for name in bm.formats()}
WRITERS = {name: bm.formats.by_name(name).write for name in bm.formats()}


@pytest.mark.parametrize("name", bm.formats())
def test_an_option_the_reader_does_not_take_is_named_with_those_it_does(name: str) -> None:
    for option in ("nope", "indent", "pretty"):
        with pytest.raises(bm.OptionError) as caught:
            bm.loads(DOCUMENTS[name], name, **{option: True})
        assert caught.value.option == option
        assert f"the {name} reader takes no such option (it takes " in str(caught.value)
        assert "strict=" in str(caught.value)


@pytest.mark.parametrize("name", bm.formats())
def test_an_option_the_writer_does_not_take_is_named_with_those_it_does(
    name: str, tmp_path: Path
) -> None:
    dumps = bm.dumpb if bm.formats.by_name(name).binary else bm.dumps
    for call in (
        lambda: dumps(BRIEF, name, nope=1),
        lambda: bm.dump(BRIEF, tmp_path / "x.out", name, nope=1),
    ):
        with pytest.raises(bm.OptionError, match=f"^nope: the {name} writer takes no such"):
            call()
    assert list(tmp_path.iterdir()) == []


def test_an_option_errors_message_says_what_is_accepted() -> None:
    cases = {
        lambda: bm.loads(
            DOCUMENTS["json"], strict="yes"
        ): "strict: expected True or False, got str 'yes'",
        lambda: bm.dumps(
            BRIEF, indent=-1
        ): "indent: expected None or a number of spaces from 0 to 16, got int -1",
        lambda: ninjs.write(
            BRIEF, version="9"
        ): "version: expected one of '3.1', '2.1', got str '9'",
        lambda: bm.loads(
            DOCUMENTS["text"], "text", id=5
        ): "id: expected None or a string, got int 5",
        lambda: bm.dumps(
            BRIEF, "text", pretty=True
        ): "pretty: the text writer takes no such option (it takes no options)",
        lambda: bm.loads(
            DOCUMENTS["json"], "json", pretty=True
        ): "pretty: the json reader takes no such option (it takes created=, id=, language=, "
        "strict=)",
    }
    for call, message in cases.items():
        with pytest.raises(bm.OptionError) as caught:
            call()
        assert str(caught.value) == message


def test_a_long_value_is_shown_shortened() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.loads(DOCUMENTS["json"], strict="x" * 1000)
    assert len(str(caught.value)) < 120


def test_the_values_the_options_accept_go_on_working(tmp_path: Path) -> None:
    assert bm.loads(UNDATED_MARKDOWN, "markdown", created=CREATED).created == CREATED
    assert (
        bm.loads(UNDATED_TEXT, "text", created=CREATED, id="urn:x:1", language="fr").id == "urn:x:1"
    )
    assert text.read(UNDATED_TEXT, roles={"notes": "key-points"}).sections[0].role == "key-points"
    for indent in (None, 0, 2, _options.MAX_INDENT):
        assert bm.loads(bm.dumps(BRIEF, indent=indent)) == BRIEF
        assert bm.loads(ninjs.write(BRIEF, indent=indent), "ninjs") == BRIEF
    for schemes in ("https", ["https", "mailto"], ("http",), iter(["https"]), frozenset({"https"})):
        assert bm.loads(DOCUMENTS["json"], url_schemes=schemes) == BRIEF
        assert bm.validate(DOCUMENTS["json"], url_schemes=schemes).ok
    for css in (True, False, None, "p { color: red }"):
        assert html.write(BRIEF, css=css).startswith("<!DOCTYPE html>")
    assert html.write(BRIEF, fragment=True).startswith("<article")
    assert newsml.write(BRIEF, pretty=True).startswith("<?xml")
    assert bm.loads(ninjs.write(BRIEF, version="2.1"), "ninjs") == BRIEF
    assert bm.loads(DOCUMENTS["json"].encode(), None) == BRIEF  # bytes, and found
    assert bm.loads(bytearray(DOCUMENTS["json"].encode())) == BRIEF
    bm.dump(BRIEF, tmp_path / "b.json", indent=2)
    assert bm.load(str(tmp_path / "b.json")) == BRIEF
    assert list(bm.load_all(tmp_path / "b.json", strict=False)) == [BRIEF]
    assert bm.validate(DOCUMENTS["newsml"], xsd=None).ok


def test_a_writer_of_another_package_with_its_own_options_is_not_second_guessed() -> None:
    def write(brief: bm.Brief, **options: Any) -> str:
        return repr(sorted(options))

    def read(data: str | bytes, *, strict: bool = True, **options: Any) -> bm.Brief:
        return BRIEF

    _options.known(write, {"anything": 1}, "a plug-in writer")
    _options.known(read, {"anything": 1}, "a plug-in reader")
    with pytest.raises(bm.OptionError):
        _options.known(json.read, {"anything": 1}, "the json reader")
