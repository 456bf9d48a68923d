"""What the PDF tests share: the briefs they render, and poppler's view of a PDF."""

from __future__ import annotations

import contextlib
import re
import unicodedata
import zlib
from datetime import datetime, timezone
from pathlib import Path

import attrs

import briefmodel as bm

from ..._tools import poppler

ROOT = Path(__file__).resolve().parents[3]
PORT_FEES = ROOT / "examples" / "port-fees.json"
WATER_TALKS = ROOT / "examples" / "water-talks-ar.json"

#: A brief of many sections, in words of its own, to run over several pages.
LONG = bm.Brief(
    id="urn:example:canal-dredging",
    headline="Canal Authority Sets Out a Decade of Dredging Work",
    language="en-GB",
    created=datetime(2026, 4, 2, 9, 0, tzinfo=timezone.utc),
    authors=[bm.Agent(name="Mira Castell")],
    sections=[
        bm.Section(
            title=f"Reach {n}: Lock {n} to Lock {n + 1}",
            blocks=[
                bm.Paragraph(
                    content=f"Silt in reach {n} has raised the bed by a hand's breadth since "
                    "the last survey, and barges now load a tenth below their rated draught "
                    "to clear the sills. The authority plans to dredge the reach in two "
                    "winter closures, moving the spoil to the reed beds downstream."
                ),
                bm.Paragraph(
                    content=f"Boat owners moored along reach {n} will be offered berths in "
                    "the basin while the work goes on, and towpath users a signed diversion "
                    "over the upper bridge."
                ),
            ],
        )
        for n in range(1, 15)
    ],
)

#: A small brief without a date, on letter paper.
UNDATED = bm.Brief(
    id="urn:example:lock-keepers",
    headline="Lock Keepers Return to the Night Shift",
    sections=[bm.Section(blocks=[bm.Paragraph(content="The locks open through the night.")])],
)


@attrs.frozen(kw_only=True)
class Rendered:
    """A brief and its PDF, written to a file for poppler."""

    brief: bm.Brief
    pdf: bytes
    path: Path


def info(path: Path) -> dict[str, str]:
    """``pdfinfo``'s fields, dates in ISO 8601."""
    shown = poppler("pdfinfo", "-isodates", str(path))
    return dict(
        (key, value.strip())
        for key, _, value in (line.partition(":") for line in shown.splitlines())
    )


def text(path: Path, *args: str) -> str:
    """``pdftotext``'s text of the PDF, without the bidirectional marks it puts around
    runs of right-to-left text, its white space made single spaces."""
    shown = poppler("pdftotext", *args, str(path), "-")
    shown = "".join(c for c in shown if unicodedata.category(c) != "Cf")
    return " ".join(shown.split())


def pages(path: Path) -> list[str]:
    """The text of each page."""
    count = int(info(path)["Pages"])
    return [text(path, "-f", str(n), "-l", str(n)) for n in range(1, count + 1)]


def in_order(text: str, parts: list[str]) -> None:
    """Each of ``parts`` is in ``text``, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(" ".join(part.split()), at)
        assert found >= 0, f"{part!r} is not after offset {at} in {text[at : at + 200]!r}"
        at = found + len(part)


def boxes(path: Path, page: int) -> tuple[float, float, list[tuple[float, float, float, str]]]:
    """The width and height of a page and its words, each as (xMin, xMax, yMin, text),
    from ``pdftotext -bbox``."""
    shown = poppler("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', shown)
    assert size is not None
    words = [
        (float(x0), float(x1), float(y0), word)
        for x0, y0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            shown,
        )
    ]
    return float(size[1]), float(size[2]), words


def objects(pdf: bytes) -> bytes:
    """The PDF's objects as bytes, its compressed streams (object streams hold the
    catalog) inflated: for what poppler's tools do not show (the catalog's /Lang)."""
    found = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        with contextlib.suppress(zlib.error):  # (a font's or an image's own encoding)
            found.append(zlib.decompress(stream))
    return b"".join(found)
