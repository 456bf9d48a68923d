"""Regenerate the screenshots of a brief rendered with the default stylesheet.

    python docs/screenshots.py              # docs/images/brief-{light,dark,pdf}.png
    python docs/screenshots.py --pdf /tmp/brief.pdf   # also Chromium's print, to check it
    python docs/screenshots.py --pdf-page-only        # brief-pdf.png alone, no Chromium

``brief-pdf.png`` is the first page of the PDF writer's document (``bm.dump(brief,
"brief.pdf")``, WeasyPrint: the ``briefmodel[pdf]`` extra) drawn at 60 dots per inch by
poppler's ``pdftoppm`` (``apt-get install poppler-utils``).

The page is ``bm.dumps(bm.load("examples/port-fees.json"), "html")`` opened from a file in
headless Chromium (``chromium`` on PATH, or ``--chromium``/``BRIEFMODEL_CHROMIUM``), 1000
pixels wide and as tall as the page. The dark variant sets ``prefers-color-scheme: dark``
with ``--force-dark-mode`` and ``--blink-settings=preferredColorScheme=0`` (both work in
Chromium 156; the second is the one older versions honour). The images are then made smaller
with ``pngquant`` and ``optipng`` when they are installed (``apt-get install pngquant
optipng``). What they look like depends on the fonts installed: the published ones were
taken with Charis SIL (``fonts-sil-charis``) for the serif and Liberation Sans for the sans.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import briefmodel as bm  # noqa: E402  (the checkout's briefmodel, even if not installed)

WIDTH = 1000
DARK = ("--force-dark-mode", "--blink-settings=preferredColorScheme=0")
# Measures the page: a copy of it gets this script, whose result --dump-dom shows.
_PROBE = (
    "<script>addEventListener('load', () => {"
    " document.title = 'height=' + Math.ceil(document.documentElement.scrollHeight); })"
    "</script>"
)
_HANG_SECONDS = 120  # a browser that takes longer has stopped working


def chromium(explicit: str | None) -> str:
    for name in (explicit, os.environ.get("BRIEFMODEL_CHROMIUM"), "chromium", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    sys.exit("headless Chromium not found: install chromium or pass --chromium")


def run(exe: str, page: Path, profile: Path, *args: str) -> str:
    command = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-extensions",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=_HANG_SECONDS)
    if done.returncode:
        sys.exit(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def page_height(exe: str, html: str, work: Path) -> int:
    probe = work / "probe.html"
    probe.write_text(html.replace("</body>", _PROBE + "</body>"), "utf-8")
    dom = run(exe, probe, work / "profile", f"--window-size={WIDTH},800", "--dump-dom")
    found = re.search(r"<title>height=(\d+)</title>", dom)
    if found is None:
        sys.exit("could not measure the page's height")
    return int(found.group(1))


def optimise(png: Path) -> None:
    if shutil.which("pngquant"):
        quantise = ["pngquant", "--force", "--skip-if-larger", "--quality=80-95", "--speed=1"]
        subprocess.run([*quantise, "--ext", ".png", str(png)], check=False)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", str(png)], check=True)


#: The resolution of the picture of the PDF's first page, in dots per inch.
PDF_PAGE_DPI = 60


def pdf_page(example: Path, png: Path, work: Path) -> None:
    """Draw the first page of the PDF of ``example`` to ``png``."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    pdf = work / "brief.pdf"
    bm.dump(bm.load(example), pdf)
    command = [pdftoppm, "-png", "-r", str(PDF_PAGE_DPI), "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*command, str(pdf), str(png.with_suffix(""))], check=True, timeout=120)
    optimise(png)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--example", type=Path, default=ROOT / "examples" / "port-fees.json")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--name", default="brief", help="images are NAME-light/-dark.png")
    parser.add_argument("--chromium", help="the Chromium executable")
    parser.add_argument("--pdf", type=Path, help="also print the page to this PDF")
    parser.add_argument("--html", type=Path, help="also keep the page at this path")
    parser.add_argument(
        "--pdf-page-only", action="store_true", help="only NAME-pdf.png (no Chromium needed)"
    )
    options = parser.parse_args(argv)

    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefmodel-shots-") as tmp:
        work = Path(tmp)
        png = (options.out / f"{options.name}-pdf.png").resolve()
        pdf_page(options.example, png, work)
        print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
        if options.pdf_page_only:
            return
        exe = chromium(options.chromium)
        html = bm.dumps(bm.load(options.example), "html")
        page = work / "page.html"
        page.write_text(html, "utf-8")
        if options.html:
            options.html.write_text(html, "utf-8")
        size = f"--window-size={WIDTH},{page_height(exe, html, work)}"
        for variant, flags in (("light", ()), ("dark", DARK)):
            png = (options.out / f"{options.name}-{variant}.png").resolve()
            run(exe, page, work / "profile", size, *flags, f"--screenshot={png}")
            optimise(png)
            print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
        if options.pdf:
            pdf = options.pdf.resolve()
            run(exe, page, work / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
            print(pdf)


if __name__ == "__main__":
    main()
