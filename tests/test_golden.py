"""Golden files: what every writer writes and what the readers read, byte for byte.

``tests/golden/write/`` holds every bundled brief (the examples and the corpus of valid
briefs) written in every built-in format, with default options and with the options that
change the output; ``tests/golden/read/`` holds the canonical
JSON, and the warnings, of documents briefmodel did not write (Markdown and plain text
written by people). A change that alters any output byte fails here; when the change is
meant, ``pytest tests/test_golden.py --regenerate-golden`` rewrites the files, and the
diff is reviewed like code.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import by_name

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"

BRIEFS = {
    **{f"example-{p.stem}": p for p in sorted((ROOT / "examples").glob("*.json"))},
    **{f"corpus-{p.stem}": p for p in sorted((TESTS / "corpus" / "should_pass").glob("*.json"))},
}

#: Each written variant: a name, the format, its options and the golden file's suffix.
VARIANTS: list[tuple[str, str, dict[str, Any], str]] = [
    ("json", "json", {}, ".json"),
    ("json-indent", "json", {"indent": 2}, ".indent.json"),
    ("newsml", "newsml", {}, ".xml"),
    ("newsml-pretty", "newsml", {"pretty": True}, ".pretty.xml"),
    ("ninjs", "ninjs", {}, ".ninjs"),
    ("ninjs-2.1", "ninjs", {"version": "2.1"}, ".2.1.ninjs"),
    ("html-fragment", "html", {"fragment": True}, ".fragment.html"),
    ("markdown", "markdown", {}, ".md"),
    ("text", "text", {}, ".txt"),
]
#: Full pages carry the whole stylesheet: written for the examples only.
PAGES = [name for name in BRIEFS if name.startswith("example-")]

#: Documents written by people, read leniently.
FOREIGN = {
    **{f"markdown-{p.stem}": p for p in sorted((TESTS / "formats" / "markdown").glob("*.md"))},
    **{f"text-{p.stem}": p for p in sorted((TESTS / "formats" / "texts").glob("*.txt"))},
}


def check(path: Path, actual: str, regenerate: bool) -> None:
    """Compare ``actual`` with the golden file at ``path``, or rewrite it."""
    if regenerate:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.is_file(), f"{path} is missing: run pytest --regenerate-golden"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path.relative_to(ROOT)} differs from what is written now"


def written(name: str, fmt: str, options: dict[str, Any]) -> str:
    brief = bm.load(BRIEFS[name])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)  # text's losses are golden too
        return bm.dumps(brief, fmt, **options)


@pytest.mark.parametrize(("variant", "fmt", "options", "suffix"), VARIANTS, ids=lambda v: v)
@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_every_writer_writes_the_golden_bytes(
    name: str,
    variant: str,
    fmt: str,
    options: dict[str, Any],
    suffix: str,
    regenerate_golden: bool,
) -> None:
    check(GOLDEN / "write" / f"{name}{suffix}", written(name, fmt, options), regenerate_golden)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_the_golden_page(name: str, regenerate_golden: bool) -> None:
    check(GOLDEN / "write" / f"{name}.html", written(name, "html", {}), regenerate_golden)


@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_what_text_drops_is_the_golden_loss_report(name: str, regenerate_golden: bool) -> None:
    losses = by_name("text").losses
    assert losses is not None
    problems = losses(bm.load(BRIEFS[name]))
    report = [[p.code, p.path, p.message] for p in problems]
    check(
        GOLDEN / "write" / f"{name}.text-losses.json",
        json.dumps(report, indent=1, ensure_ascii=False) + "\n",
        regenerate_golden,
    )


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_documents_by_people_read_as_the_golden_brief(name: str, regenerate_golden: bool) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.load(FOREIGN[name], strict=False)
    result = {
        "brief": bm.to_dict(brief),
        "warnings": [str(w.message) for w in caught],
    }
    check(
        GOLDEN / "read" / f"{name}.json",
        json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
        regenerate_golden,
    )


def test_the_seed_reads_as_the_golden_brief(shared: Path, regenerate_golden: bool) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.load(shared / "seeds" / "tokyo-alignment.txt", strict=False)
    result = {"brief": bm.to_dict(brief), "warnings": [str(w.message) for w in caught]}
    check(
        GOLDEN / "read" / "seed-tokyo-alignment.json",
        json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
        regenerate_golden,
    )
