"""Shared fixtures: the official standards beside the project, and the test profiles
(quick by default, deep in CI: see ``tests/_profiles.py``)."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

import briefmodel as bm
from briefmodel.formats import Format, _registry

from ._profiles import DEEP, EXAMPLES, PROFILE

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The quick profile (the README's test command) and the deep one (CI): tests/_profiles.py.
for _name, _count in EXAMPLES.items():
    settings.register_profile(
        _name, deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=_count
    )
settings.load_profile(PROFILE)


def _absent(what: str) -> NoReturn:
    """Skip the test, saying what is missing; in CI (``CI`` set) fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {what} beside the project (the shared standards and seed)")
    pytest.skip(f"{what} is not here: the shared standards and seed are not available")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it skip without it, except in CI.

    Every test that reads ../shared goes through this fixture (or :func:`seed`), so that a
    clone without it beside runs the rest of the suite (``tests/test_layout.py`` checks
    that no test spells the path itself).
    """
    if not SHARED.is_dir():
        _absent(str(SHARED))
    return SHARED


@pytest.fixture(scope="session")
def seed(shared: Path) -> Path:
    """The seed brief in plain text (``../shared/seeds/tokyo-alignment.txt``)."""
    path = shared / "seeds" / "tokyo-alignment.txt"
    if not path.is_file():
        _absent(str(path))
    return path


def pytest_report_header(config: pytest.Config) -> str:
    return f"briefmodel test profile: {PROFILE} (tests/_profiles.py)"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "deep: a slow oracle run only in the deep profile (CI; tests/_profiles.py)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if DEEP:
        return
    skip = pytest.mark.skip(
        reason="deep profile only: CI runs it, BRIEFMODEL_TEST_PROFILE=deep runs it here"
    )
    for item in items:
        if item.get_closest_marker("deep"):
            item.add_marker(skip)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="rewrite the files under tests/golden/ from what the code writes today",
    )


@pytest.fixture(scope="session")
def regenerate_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden files instead of comparing with them."""
    return bool(request.config.getoption("--regenerate-golden"))


@pytest.fixture
def zipped() -> Iterator[Format]:
    """A binary format registered for one test: canonical JSON, gzipped."""
    fmt = Format(
        name="zipped",
        suffixes=(".json.gz",),
        media_type="application/gzip",
        read=lambda data, *, strict=True: bm.loads(gzip.decompress(data), strict=strict),
        write=lambda brief: gzip.compress(bm.dumpb(brief), mtime=0),
        sniff=lambda head: head.startswith("\x1f"),
        binary=True,
    )
    _registry()["zipped"] = fmt
    yield fmt
    del _registry()["zipped"]
