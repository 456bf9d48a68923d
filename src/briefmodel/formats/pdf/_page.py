"""The PDF's page: its size, margins, running header and page numbers, as the CSS that
WeasyPrint is given beside the page's own stylesheet (whose ``@media print`` part sets
the type, black on white).

Margin boxes sit on physical sides, so a brief written right to left gets them mirrored:
the running header at the top right (where its lines start) instead of the top left,
the page number at the bottom left instead of the bottom right.
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["PAGE_SIZES", "stylesheet"]

#: The page sizes ``page_size=`` takes, by the CSS ``size`` each stands for.
PAGE_SIZES = {"A4": "A4", "A5": "A5", "letter": "letter", "legal": "legal"}

#: The margin boxes of the running header and the page number, by direction.
_SIDES = {"ltr": ("left", "right"), "rtl": ("right", "left")}


def stylesheet(page_size: str, direction: str) -> str:
    """The CSS of the PDF's pages for a brief written in ``direction`` (``ltr``, ``rtl``):
    the ``@page`` rules, then the bundled ``styles/pdf.css``."""
    start, end = _SIDES[direction]
    page = f"""
@page {{
  size: {PAGE_SIZES[page_size]};
  margin: 2.2cm 1.9cm 2.2cm;
  @top-{start} {{
    content: string(bm-headline);
    inline-size: 100%;
    direction: {direction};
    text-align: {start};
    vertical-align: bottom;
    padding-block-end: 0.4cm;
    font-family: var(--bm-sans);
    font-size: 8pt;
    color: #444444;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }}
  @bottom-{end} {{
    content: counter(page) " / " counter(pages);
    direction: ltr;
    text-align: {end};
    vertical-align: top;
    padding-block-start: 0.4cm;
    font-family: var(--bm-sans);
    font-size: 8pt;
    color: #444444;
  }}
}}
@page :first {{
  @top-{start} {{ content: none; }}
}}
"""
    return page + (files("briefmodel") / "styles" / "pdf.css").read_text("utf-8")
