"""HTML's schema.org JSON-LD: it cannot close its ``script`` element, and its description is
the page's meta description. What third-party extractors find in it is in
``test_interop.py``."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

import briefmodel as bm
from briefmodel.formats import html

from ._support import _minimal, _tree

ROOT = Path(__file__).resolve().parents[3]


def test_json_ld_cannot_close_its_script_element() -> None:
    brief = _minimal(headline="</script><script>alert(1)</script>")
    page = bm.dumps(brief, "html")
    root = _tree(page)
    (script,) = root.iter("script")
    data = json.loads(script.text)
    assert data["headline"] == brief.headline
    assert data["@type"] == "NewsArticle"


def test_the_json_ld_description_is_the_meta_description() -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    page = bm.dumps(brief, "html")
    root = etree.fromstring(page, etree.HTMLParser())
    (meta,) = root.xpath('//meta[@name="description"]/@content')
    assert html.json_ld(brief)["description"] == meta
    assert meta.strip()
