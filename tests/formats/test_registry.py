"""The registry imports a built-in format's package when the format is used, not when it
is listed or detected: what it knows of the built-in formats beforehand agrees with their
packages, plug-ins still register, and a fresh interpreter (each test its own, since
this one has every format imported already) imports only what a call needs."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import _BUILTINS, BUILTIN, _sniff, by_name, detect
from briefmodel.formats import text as text_format

from .._tools import fresh_python

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
TEXTS = sorted((Path(__file__).parent / "texts").glob("*.txt"))
#: The built-in formats whose packages must not be imported unless used.
OTHERS = ("newsml", "html", "ninjs", "text", "markdown", "docx")


def _loaded(program: str, *args: str, cwd: Path = ROOT) -> dict[str, list[str]]:
    """Run ``program`` in a fresh interpreter, then say which built-in format packages and
    which heavy libraries it had imported."""
    report = (
        "\nimport sys as _sys, json as _json\n"
        "_names = set(_sys.modules)\n"
        "_formats = sorted(n for n in ('json',) + " + repr(OTHERS) + " "
        "if 'briefmodel.formats.' + n in _names)\n"
        "_libraries = sorted(n for n in ('lxml', 'markdown_it', 'jsonschema', 'yaml', 'docx', "
        "'importlib.metadata', 'multiprocessing', 'concurrent.futures.process') if n in _names)\n"
        "print(_json.dumps({'formats': _formats, 'libraries': _libraries}))\n"
    )
    shown = fresh_python(program + report, *args, cwd=cwd)
    loaded: dict[str, list[str]] = json.loads(shown.splitlines()[-1])
    return loaded


def test_the_table_of_built_in_formats_says_what_their_packages_say() -> None:
    assert BUILTIN == tuple(b.name for b in _BUILTINS) == bm.formats()[: len(BUILTIN)]
    for builtin in _BUILTINS:
        fmt = by_name(builtin.name)
        assert (builtin.name, builtin.suffixes, builtin.media_type, builtin.description) == (
            fmt.name,
            fmt.suffixes,
            fmt.media_type,
            fmt.description,
        )
        assert (builtin.streams, builtin.many, builtin.write_only) == (
            fmt.streams,
            fmt.many,
            fmt.write_only,
        )


def _documents() -> list[str]:
    # (a document of bytes as sniffers see it: its head decoded, as detect decodes it;
    # not a PDF's, which its own tests sniff, where WeasyPrint can write one)
    found = [
        bm.dumpb(bm.load(path), fmt)[:4096].decode("utf-8", "replace")
        for path in EXAMPLES
        for fmt in BUILTIN
        if not by_name(fmt).write_only
    ]
    found += [path.read_text("utf-8") for path in TEXTS]
    found += [
        "",
        "Headline\n\nKey Points\n\n  • one\n  • two\n",
        "Headline\n\nKey Points\n\n(1) one\n(2) two\n",
        "Headline\r\n\r\nKey Points\r\n\r\n  • one\r\n  • two\r\n",
        "Headline\n\nKey Points\n\n  - one\n  - two\n",
        "# Headline\n\n## Key Points\n\n- one\n- two\n",
        "\x16\x01header\x02Headline\n\nbody\x03",
        "\x01no start of text",
        "Headline\n\nKey Points\n\n  •\n  •\n",
        "Headline\n\nKey Points\n\n•one\n• two\n(12345) three\n",
    ]
    return found


def test_plain_texts_quick_refusal_refuses_only_what_its_sniffer_refuses() -> None:
    for document in _documents():
        assert _sniff.text(document) == text_format.sniff(document), repr(document[:60])


def test_the_built_in_sniffers_are_the_formats_own() -> None:
    for builtin in _BUILTINS:
        for document in _documents():
            assert builtin.sniff(document) == by_name(builtin.name).sniff(document)


def test_importing_briefmodel_imports_no_format() -> None:
    # (its names are imported when first used: see briefmodel/__init__.py)
    loaded = _loaded("import briefmodel")
    assert loaded == {"formats": [], "libraries": []}


def test_reading_and_writing_canonical_json_imports_no_other_format() -> None:
    program = (
        "import briefmodel as bm\n"
        f"text = open({str(EXAMPLES[0])!r}, encoding='utf-8').read()\n"
        "brief = bm.loads(text)\n"
        "assert bm.loads(bm.dumps(brief), 'json') == brief\n"
        "assert bm.validate(text).ok\n"
        "assert bm.formats.detect('brief.json', text).name == 'json'\n"
    )
    assert _loaded(program)["formats"] == ["json"]


def test_a_format_used_is_the_only_one_imported() -> None:
    program = (
        "import briefmodel as bm\n"
        f"brief = bm.load({str(EXAMPLES[0])!r})\n"
        "assert bm.loads(bm.dumps(brief, 'markdown')) == brief\n"  # detected, not named
    )
    assert _loaded(program)["formats"] == ["json", "markdown"]


def test_briefmodel_version_and_help_import_no_format_library() -> None:
    for argv in (["--version"], ["--help"], ["convert", "--help"]):
        program = f"from briefmodel.cli import main\nmain({argv!r})\n"
        loaded = _loaded(program)
        assert loaded["formats"] == ["json"], argv
        # (convert --help lists the formats, plug-ins too: their entry points are read)
        plugins = ["importlib.metadata"] if argv[0] == "convert" else []
        assert loaded["libraries"] == plugins, argv


def test_the_command_line_imports_the_formats_it_reads_and_writes(tmp_path: Path) -> None:
    source = tmp_path / "one.json"
    source.write_text(EXAMPLES[0].read_text("utf-8"), "utf-8")
    program = "import sys\nfrom briefmodel.cli import main\nassert main(sys.argv[1:]) == 0\n"
    loaded = _loaded(program, "validate", str(source))
    assert loaded["formats"] == ["json"]
    assert not {"lxml", "markdown_it", "jsonschema"} & set(loaded["libraries"])
    loaded = _loaded(program, "convert", str(source), "-o", str(tmp_path / "one.html"))
    assert loaded["formats"] == ["html", "json"]
    assert not {"markdown_it", "jsonschema", "multiprocessing"} & set(loaded["libraries"])


PLUGIN = """
import briefmodel as bm
from briefmodel.formats import Format

def read(text, *, strict=True):
    return bm.loads(text.removeprefix("PLAIN\\n"))

def write(brief):
    return "PLAIN\\n" + bm.dumps(brief)

FORMAT = Format(name="plain", suffixes=(".plain",), media_type="text/x-plain",
                read=read, write=write, sniff=lambda head: head.startswith("PLAIN\\n"))
"""


@pytest.fixture
def plugin(tmp_path: Path) -> Path:
    """A package on a path of its own that registers a format under the entry points."""
    (tmp_path / "plain_format.py").write_text(PLUGIN, "utf-8")
    info = tmp_path / "plain_format-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plain-format\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [briefmodel.formats]
            plain = plain_format:FORMAT
            broken = plain_format_missing:FORMAT
            """
        )
    )
    return tmp_path


def test_a_plugged_in_format_is_listed_detected_and_used(plugin: Path) -> None:
    program = (
        f"import sys\nsys.path.insert(0, {str(plugin)!r})\n"
        "import briefmodel as bm\n"
        f"brief = bm.load({str(EXAMPLES[0])!r})\n"
        "assert bm.formats()[-1] == 'plain', bm.formats()\n"
        "text = bm.dumps(brief, 'plain')\n"
        "assert bm.formats.detect(data=text).name == 'plain'\n"
        "assert bm.formats.detect('brief.plain').name == 'plain'\n"
        "assert bm.loads(text) == brief\n"
    )
    assert _loaded(program)["formats"] == ["json"]


def test_a_built_in_format_is_imported_once_and_the_same_from_either_side() -> None:
    assert by_name("ninjs") is bm.formats.ninjs.FORMAT
    assert detect("brief.ninjs") is by_name("ninjs")
