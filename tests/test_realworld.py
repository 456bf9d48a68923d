"""The real-world corpus: documents written by other producers (tests/realworld/).

The manifest and SOURCES.md are in the repository and are checked always; the documents
are not (SOURCES.md says where each comes from), so the checks that read them are skipped
when they are neither in tests/realworld/ nor in ``realworld/`` of the shared folder (which
is reached through the ``shared`` fixture, as every test does).
"""

from __future__ import annotations

import functools
import json
import warnings
from pathlib import Path

import pytest

import briefmodel

HERE = Path(__file__).resolve().parent / "realworld"
MANIFEST = json.loads((HERE / "manifest.json").read_text("utf-8"))
FORMATS = {"html", "newsml", "ninjs", "markdown", "text"}
PATHS = [entry["path"] for entry in MANIFEST]


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    """The folder holding the documents: this one, else ``realworld/`` of the shared folder."""
    if (HERE / MANIFEST[0]["path"]).is_file():
        return HERE
    candidate = shared / "realworld"
    if not (candidate / MANIFEST[0]["path"]).is_file():
        pytest.skip("the real-world corpus documents are not here (see tests/realworld/SOURCES.md)")
    return candidate


def test_manifest_entries_are_well_formed() -> None:
    assert len(set(PATHS)) == len(PATHS)
    for entry in MANIFEST:
        assert set(entry) == {"path", "format", "headline", "date", "text"}, entry
        assert entry["format"] in FORMATS
        assert entry["path"].split("/")[0] == entry["format"]
        assert entry["text"].split("/")[0] == entry["format"]
        assert isinstance(entry["headline"], str)
        assert entry["headline"].strip()
        assert entry["date"] is None or isinstance(entry["date"], str)


def test_sources_name_every_document() -> None:
    sources = (HERE / "SOURCES.md").read_text("utf-8")
    missing = [path for path in PATHS if f"`{path}`" not in sources]
    assert not missing


def test_manifest_and_corpus_agree(corpus: Path) -> None:
    named = set(PATHS) | {entry["text"] for entry in MANIFEST}
    on_disk = {
        path.relative_to(corpus).as_posix()
        for folder in FORMATS
        for path in (corpus / folder).rglob("*")
        if path.is_file()
    }
    assert sorted(named - on_disk) == []
    assert sorted(on_disk - named) == []


@functools.cache
def _outcome(corpus: Path, path: str) -> str:
    """How the document reads: "read", "refused", or the unexpected exception's repr."""
    entry = next(e for e in MANIFEST if e["path"] == path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            brief = briefmodel.load(corpus / path, entry["format"], strict=False)
        except briefmodel.BriefmodelError:
            return "refused"
        except Exception as error:  # noqa: BLE001 - what the test is about
            return f"{type(error).__name__}: {error}"
    assert isinstance(brief, briefmodel.Brief)
    return "read"


@pytest.mark.parametrize("path", PATHS)
def test_document_reads_or_is_refused_cleanly(corpus: Path, path: str) -> None:
    assert _outcome(corpus, path) in {"read", "refused"}
