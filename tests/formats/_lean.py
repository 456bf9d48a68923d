"""What the tests of the lean readers share (tests/formats/*/test_lean.py): the documents
both readers are held to, and the check that whatever a lean path accepts, the general
reader reads as the same brief without a word."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from unittest import mock

import briefmodel as bm

ROOT = Path(__file__).resolve().parents[2]
#: The corpus's valid briefs and the examples.
DOCUMENTS = sorted((ROOT / "tests" / "corpus" / "should_pass").glob("*.json")) + sorted(
    (ROOT / "examples").glob("*.json")
)


def general_read(read_module: ModuleType, text: str | bytes) -> tuple[bm.Brief | None, list[str]]:
    """The general reader's brief of ``text`` (the format's lean path, its module's
    ``read_own``, turned off), or None where it refuses it, and the warnings it gives."""
    with (
        mock.patch.object(read_module, "read_own", return_value=None),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        try:
            brief = read_module.read(text)
        except bm.BriefmodelError:
            brief = None
    return brief, [str(w.message) for w in caught]


def agrees(
    lean_read: Callable[[str | bytes], bm.Brief | None],
    read_module: ModuleType,
    text: str | bytes,
    document: str,
) -> bool:
    """Whether the lean path accepts ``text``; when it does, the general reader must read
    the same brief without a problem (a refusal, a loss, a warning). ``document`` names
    what the format holds (an item, a page) in the failures."""
    lean = lean_read(text)
    if lean is None:
        return False
    general, said = general_read(read_module, text)
    assert general is not None, f"the lean path accepts {document} the general reader refuses"
    assert not said, f"the lean path accepts {document} the general reader warns of: {said}"
    assert lean == general
    return True
