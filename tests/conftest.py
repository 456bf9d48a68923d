"""Shared fixtures: the official standards beside the project, and hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


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
