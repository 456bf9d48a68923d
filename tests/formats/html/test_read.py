"""validate() and the command line on HTML: other pages are read leniently, briefmodel's
own strictly, and the command line validates and converts another producer's page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import briefmodel as bm

from ._support import THIRD_PARTY, _own_page


def test_validate_reads_other_pages_leniently_and_our_own_strictly() -> None:
    report = bm.validate(THIRD_PARTY, "html")
    assert report.ok
    assert report.brief is not None
    assert report.brief.subheadline == "Repairs finished a week early."
    # trafilatura found the article: what is around it is counted, at the <body>
    assert [(p.severity, p.code, p.line) for p in report.problems] == [
        ("warning", "html.boilerplate", 10)
    ]
    assert bm.validate(_own_page(), "html").problems == ()
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "trafilatura", None)  # without the web extra
        report = bm.validate(THIRD_PARTY, "html")
    assert [(p.severity, p.code, p.line) for p in report.problems] == [
        ("warning", "html.extractor-missing", None),
        ("warning", "html.dropped", 15),
        ("warning", "html.dropped", 19),
        ("warning", "html.dropped", 22),
        ("warning", "html.dropped", 24),
    ]
    damaged = _own_page().replace("</footer>", "<div>More</div></footer>", 1)
    report = bm.validate(damaged, "html")
    assert not report.ok
    assert report.brief is None
    assert [(p.severity, p.code) for p in report.problems] == [("error", "html.dropped")]
    with pytest.raises(bm.OptionError, match=r"^xsd: applies to XML documents"):
        bm.validate(THIRD_PARTY, "html", xsd="x.xsd")


def test_the_command_line_validates_and_converts_another_page(tmp_path: Path) -> None:
    import subprocess
    import sys

    source = tmp_path / "page.html"
    source.write_text(THIRD_PARTY, encoding="utf-8")
    target = tmp_path / "brief.json"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefmodel", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    checked = run("validate", str(source))
    assert checked.returncode == 0, checked.stderr
    assert f"{source}:10: warning html.boilerplate: " in checked.stdout
    converted = run("convert", str(source), "-o", str(target))
    assert converted.returncode == 0, converted.stderr
    brief = bm.load(target)
    assert brief.headline == "Harbour bridge reopens"
    assert brief.id == "https://news.example.org/2026/05/harbour-bridge"
