"""Fixtures of the NewsML-G2 tests: IPTC's XSD and examples from the shared standards."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree


@pytest.fixture(scope="module")
def official(shared: Path) -> etree.XMLSchema:
    """IPTC's NewsML-G2 2.35 XSD, loaded offline."""
    path = shared / "standards" / "newsml-g2" / "2.35" / "NewsML-G2_2.35-spec-All-Power.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def iptc(shared: Path) -> Path:
    return shared / "standards" / "newsml-g2" / "2.35"
