"""The PDF writer, checked with poppler (``pdftotext``, ``pdfinfo``), what PDF viewers on
Linux are built on: the text is there and in reading order, the metadata is the brief's,
pages are numbered and headed, links are live, a right-to-left brief is laid out from the
right, and the same brief gives the same bytes.

The briefs are rendered once for the package (``conftest.py``)."""

from __future__ import annotations

import http.server
import re
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.testing import briefs

from ..._profiles import DEEP, sample
from ..._tools import poppler, weasyprint_loads
from ._support import LONG, PORT_FEES, ROOT, UNDATED, Rendered, boxes, in_order, objects
from ._support import info as pdfinfo
from ._support import pages as page_texts
from ._support import text as pdftotext

# -- text and reading order ----------------------------------------------------------


def test_the_text_is_in_reading_order(rendered: dict[str, Rendered]) -> None:
    done = rendered["port-fees"]
    brief = done.brief
    parts = [brief.headline]
    for section in brief.sections[1:]:
        assert section.title is not None
        first = section.blocks[0]
        assert isinstance(first, bm.Paragraph)
        parts += [section.title, bm.plain_text(first.content)[:60]]
    parts += [source.title for source in brief.sources]
    parts += [related.title for related in brief.related if related.title is not None]
    in_order(pdftotext(done.path), parts)


def test_a_right_to_left_brief_reads_in_logical_order(rendered: dict[str, Rendered]) -> None:
    done = rendered["water-talks"]
    brief = done.brief
    titles = [section.title for section in brief.sections if section.title is not None]
    in_order(pdftotext(done.path), [brief.headline, *titles])


# -- metadata ------------------------------------------------------------------------


def test_the_metadata_is_the_briefs(rendered: dict[str, Rendered]) -> None:
    done = rendered["port-fees"]
    brief = done.brief
    info = pdfinfo(done.path)
    assert info["Title"] == brief.headline
    assert info["Author"] == ", ".join(author.name for author in brief.authors)
    assert info["Subject"] == brief.subheadline
    keywords = [*brief.keywords, *(s.name for s in brief.subjects if s.name)]
    assert info["Keywords"] == ", ".join(keywords)
    assert datetime.fromisoformat(info["CreationDate"]) == brief.created
    assert datetime.fromisoformat(info["ModDate"]) == brief.updated
    assert info["Creator"] == "briefmodel"
    assert info["Tagged"] == "yes"
    assert info["Page size"] == "595.276 x 841.89 pts (A4)"
    assert int(info["Pages"]) >= 2


def test_the_language_is_the_briefs(rendered: dict[str, Rendered]) -> None:
    # (poppler's tools do not show the catalog's /Lang: it is read from the objects)
    for name, lang in (("port-fees", "en"), ("water-talks", "ar")):
        assert re.findall(rb"/Lang \(([^)]*)\)", objects(rendered[name].pdf)) == [lang.encode()]


def test_an_undated_brief_gets_no_date_and_letter_paper(rendered: dict[str, Rendered]) -> None:
    info = pdfinfo(rendered["undated"].path)
    assert "CreationDate" not in info
    assert "ModDate" not in info
    assert info["Page size"] == "612 x 792 pts (letter)"
    assert info["Title"] == UNDATED.headline


# -- pages ---------------------------------------------------------------------------


def test_every_page_is_numbered_and_headed_after_the_first(rendered: dict[str, Rendered]) -> None:
    for name in ("port-fees", "long"):
        done = rendered[name]
        pages = page_texts(done.path)
        assert len(pages) >= 2
        for number, text in enumerate(pages, 1):
            assert re.search(rf"\b{number} ?/ ?{len(pages)}\b", text), (number, text[-80:])
            _, height, words = boxes(done.path, number)
            header = " ".join(word for _, _, top, word in words if top < height * 0.06)
            assert header == ("" if number == 1 else done.brief.headline), number


def test_a_long_brief_runs_over_pages_in_order(rendered: dict[str, Rendered]) -> None:
    done = rendered["long"]
    pages = page_texts(done.path)
    assert len(pages) >= 3
    titles = [section.title or "" for section in LONG.sections]
    in_order(" ".join(pages), titles)
    assert titles[0] in pages[0]
    assert titles[-1] in pages[-1]


@pytest.mark.parametrize(("name", "rtl"), [("port-fees", False), ("water-talks", True)])
def test_the_margins_are_mirrored_for_a_right_to_left_brief(
    rendered: dict[str, Rendered], name: str, rtl: bool
) -> None:
    width, height, words = boxes(rendered[name].path, 2)
    header = [w for w in words if w[2] < height * 0.06]
    number = [w for w in words if w[2] > height * 0.9]
    assert header
    assert number
    header_start = max(w[1] for w in header) if rtl else min(w[0] for w in header)
    number_end = min(w[0] for w in number) if rtl else max(w[1] for w in number)
    # The header starts at the side lines start on, the page number ends on the other.
    assert (header_start > width * 0.8) if rtl else (header_start < width * 0.2)
    assert (number_end < width * 0.2) if rtl else (number_end > width * 0.8)
    # And the body's lines start on that side too: the first section title's words.
    body = [w for w in words if height * 0.08 < w[2] < height * 0.9]
    assert (
        (max(w[1] for w in body) > width * 0.8) if rtl else (min(w[0] for w in body) < width * 0.2)
    )


# -- links ---------------------------------------------------------------------------


def test_links_are_live(rendered: dict[str, Rendered]) -> None:
    done = rendered["port-fees"]
    shown = poppler("pdfinfo", "-url", str(done.path))
    urls = {line.split()[-1] for line in shown.splitlines()[1:] if line.strip()}
    wanted = {s.url for s in done.brief.sources if s.url} | {r.url for r in done.brief.related}
    assert wanted <= urls
    assert all(url.startswith(("https://", "http://", "mailto:")) for url in urls)


# -- bytes, detection, reading -------------------------------------------------------


def test_the_same_brief_gives_the_same_bytes(rendered: dict[str, Rendered]) -> None:
    done = rendered["port-fees"]
    assert bm.dumpb(done.brief, "pdf") == done.pdf
    assert b"/ID" not in done.pdf  # (no file identifier, which would differ each time)


def test_dumps_refuses_a_pdf() -> None:
    with pytest.raises(bm.OptionError) as caught:
        bm.dumps(UNDATED, "pdf")
    assert caught.value.problem.code == "format.binary"


# -- options and failures ------------------------------------------------------------


def test_a_page_size_it_does_not_know_is_an_option_error(tmp_path: Path) -> None:
    for size in ("A3", "a4", 4, None):
        with pytest.raises(bm.OptionError, match=r"^page_size: expected one of 'A4'"):
            bm.dump(UNDATED, tmp_path / "x.pdf", page_size=size)
    assert list(tmp_path.iterdir()) == []


def test_without_weasyprint_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint: ImportError
    for write in (lambda: bm.dumpb(UNDATED, "pdf"), lambda: bm.dump(UNDATED, tmp_path / "x.pdf")):
        with pytest.raises(bm.OptionError) as caught:
            write()
        assert caught.value.problem.code == "format.needs-extra"
        assert "pip install 'briefmodel[pdf]'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def image_server() -> Iterator[tuple[str, list[str]]]:
    """A local web server that counts what is asked of it, and the address of an image."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/chart.png", asked
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_is_fetched(image_server: tuple[str, list[str]], tmp_path: Path) -> None:
    weasyprint_loads()
    url, asked = image_server
    figure = bm.Figure(src=url, alt="Chart of the lock closures by month")
    brief = attrs.evolve(UNDATED, sections=[bm.Section(blocks=[figure])])
    path = tmp_path / "figure.pdf"
    bm.dump(brief, path)
    assert asked == []
    assert "Chart of the lock closures by month" in pdftotext(path)


def test_convert_writes_a_pdf_to_a_file_and_into_a_pipe(
    rendered: dict[str, Rendered], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = rendered["port-fees"].pdf
    out = tmp_path / "port-fees.pdf"
    assert main(["convert", str(PORT_FEES), "-o", str(out)]) == 0
    assert capsys.readouterr() == ("", "")
    assert out.read_bytes() == expected
    piped = subprocess.run(
        [sys.executable, "-m", "briefmodel", "convert", str(PORT_FEES), "--to", "pdf", "-o", "-"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == expected  # as it is: the same bytes in another process, no line break


def test_a_run_of_letters_longer_than_a_line_is_written_whole_and_quickly(
    tmp_path: Path,
) -> None:
    # 40 000 letters without a space took WeasyPrint 20 s to break into lines; in pieces
    # of 32 (zero-width spaces between them, which pdftotext's text drops here) 1 s.
    weasyprint_loads()
    run = "".join(chr(ord("a") + n % 26) for n in range(40_000))
    brief = attrs.evolve(UNDATED, sections=[bm.Section(blocks=[bm.Paragraph(content=run)])])
    path = tmp_path / "run.pdf"
    started = time.monotonic()
    bm.dump(brief, path)
    assert time.monotonic() - started < 10
    shown = "".join(page.replace(" ", "") for page in page_texts(path))
    headline = re.escape(UNDATED.headline.replace(" ", ""))  # (less the headline, the
    assert run in re.sub(rf"{headline}|\d+/\d+", "", shown)  # headers and page numbers)


@settings(
    max_examples=sample(deep=25, quick=4),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(brief=briefs(max_sections=2))
def test_every_valid_brief_is_written_as_a_pdf_poppler_opens(brief: bm.Brief) -> None:
    weasyprint_loads()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "brief.pdf"
        bm.dump(brief, path)
        shown = pdfinfo(path)
        assert shown["Tagged"] == "yes"
        assert int(shown["Pages"]) >= 1
        pdftotext(path)  # (poppler reads its text)


@pytest.mark.skipif(not DEEP, reason="deep profile only: the deepest briefs take seconds")
def test_the_deepest_briefs_the_model_allows_are_written(tmp_path: Path) -> None:
    from ...test_depth import DEEPEST, SHAPES

    weasyprint_loads()
    for name, shape in SHAPES.items():
        path = tmp_path / f"{name}.pdf"
        bm.dump(shape(DEEPEST[name]), path)
        assert int(pdfinfo(path)["Pages"]) >= 1


# -- the picture in the docs ---------------------------------------------------------

IMAGE = ROOT / "docs" / "images" / "brief-pdf.png"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_docs_show_the_first_page() -> None:
    # An A4 page at 60 dots per inch (docs/screenshots.py: PDF_PAGE_DPI).
    assert _png_size(IMAGE) == (497, 702)
    assert IMAGE.stat().st_size < 150_000
    page = (ROOT / "docs" / "formats" / "pdf.md").read_text("utf-8")
    assert "](../images/brief-pdf.png)" in page


@pytest.mark.skipif(not DEEP, reason="deep profile only: it renders the example again")
def test_the_screenshot_script_draws_the_first_page(tmp_path: Path) -> None:
    weasyprint_loads()
    poppler("pdftoppm", "-v")
    script = ROOT / "docs" / "screenshots.py"
    done = subprocess.run(
        [sys.executable, str(script), "--pdf-page-only", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _png_size(tmp_path / "brief-pdf.png") == _png_size(IMAGE)
