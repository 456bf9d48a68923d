"""Validating NewsML-G2 input against the profile or any XSD, and the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm

from ._support import ROOT, _minimal

# --------------------------------------------------------------------------------------
# Validation of XML input


def test_validate_checks_own_items_against_the_profile_with_line_numbers() -> None:
    xml = bm.dumps(_minimal(), "newsml", pretty=True)
    assert bm.validate(xml).ok
    broken = xml.replace("<headline>", "<slugline>x</slugline>\n    <headline>")
    report = bm.validate(broken)
    assert not report.ok
    (problem, *_) = report.errors
    assert problem.code == "xsd.invalid"
    assert "slugline" in broken.splitlines()[problem.line - 1]


def test_validate_takes_any_xsd_such_as_the_official_one(iptc: Path) -> None:
    xsd = iptc / "NewsML-G2_2.35-spec-All-Power.xsd"
    listing = iptc / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"
    report = bm.validate(listing, xsd=xsd)
    assert report.ok
    assert report.warnings
    assert {p.code for p in report.warnings} == {"newsml.dropped"}
    bad = listing.read_text("utf-8").replace("<itemClass", "<itemKlass")
    report = bm.validate(bad, xsd=xsd)
    assert [p.code for p in report.errors][:1] == ["xsd.invalid"]
    assert "itemKlass" in bad.splitlines()[report.errors[0].line - 1]


def test_validate_reports_an_unusable_xsd_and_refuses_xsd_for_json(tmp_path: Path) -> None:
    xml = bm.dumps(_minimal(), "newsml")
    report = bm.validate(xml, xsd=tmp_path / "missing.xsd")
    assert [p.code for p in report.problems] == ["xsd.unusable"]
    with pytest.raises(TypeError, match="XML"):
        bm.validate(bm.dumps(_minimal()), xsd=tmp_path / "missing.xsd")


# --------------------------------------------------------------------------------------
# Command line


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_converts_to_and_from_xml_and_validates_it(tmp_path: Path, iptc: Path) -> None:
    source = ROOT / "examples" / "water-talks-ar.json"
    xml, back = tmp_path / "brief.xml", tmp_path / "back.json"
    assert _cli("convert", str(source), "-o", str(xml)).returncode == 0
    assert _cli("convert", str(xml), "-o", str(back)).returncode == 0
    assert bm.load(back) == bm.load(source)
    done = _cli("validate", str(xml))
    assert done.returncode == 0, done.stdout + done.stderr
    official = iptc / "NewsML-G2_2.35-spec-All-Power.xsd"
    listing = iptc / "examples" / "LISTING_2_NewsML-G2_Text_Document.xml"
    done = _cli("validate", "--xsd", str(official), str(xml), str(listing))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "newsml.dropped" in done.stdout
    done = _cli("validate", "--xsd", str(official), str(source))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
