"""A PDF is told by its suffix and its content, and not read: ``bm.load`` says to read the
document it was written from."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.formats import by_name, detect

from ._support import Rendered


def test_a_pdf_is_told_by_its_suffix_and_its_content(
    rendered: dict[str, Rendered], tmp_path: Path
) -> None:
    done = rendered["port-fees"]
    assert done.pdf.startswith(b"%PDF-1.7")
    assert detect(data=done.pdf).name == "pdf"
    assert detect(tmp_path / "brief.PDF").name == "pdf"
    assert detect(data=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").name == "pdf"


def test_a_pdf_is_not_read(rendered: dict[str, Rendered], tmp_path: Path) -> None:
    done = rendered["port-fees"]
    copy = tmp_path / "brief.data"  # (told by its content)
    copy.write_bytes(done.pdf)
    for read in (
        lambda: bm.load(done.path),
        lambda: bm.load(copy),
        lambda: bm.loads(done.pdf),
        lambda: bm.loads(done.pdf, "pdf", strict=False),
        lambda: by_name("pdf").read(done.pdf),
    ):
        with pytest.raises(bm.ParseError) as caught:
            read()
        assert caught.value.problem.code == "format.write-only"
        assert "read the canonical JSON" in caught.value.problem.message
    assert by_name("pdf").write_only
    assert not any(by_name(name).write_only for name in bm.formats() if name != "pdf")


def test_validate_reports_a_pdf_as_not_read(rendered: dict[str, Rendered]) -> None:
    report = bm.validate(rendered["port-fees"].pdf)
    assert not report.ok
    assert [p.code for p in report.problems] == ["format.write-only"]
