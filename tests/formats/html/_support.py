"""Helpers of the HTML tests: a minimal brief, a page parsed, briefmodel's own page with
JSON in its ``data-*`` attributes, another producer's page, and the losses of reading one."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import Any

import pytest
from lxml import etree

import briefmodel as bm
from briefmodel.formats import html

UTC = timezone.utc


def _minimal(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:html:1",
        "headline": "Night buses return to the harbour line",
        "created": datetime(2026, 9, 1, 6, tzinfo=UTC),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Buses run every half hour.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


def _tree(page: str) -> etree._Element:
    return html.parse(page)


def _own_page(**fields: Any) -> str:
    brief = _minimal(
        keywords=["buses"],
        extensions={"x:a": 1},
        entities=[
            bm.Entity(
                id="e1", kind="person", name="Ana", aliases=["A."], identifiers={"wikidata": "Q1"}
            )
        ],
        **fields,
    )
    return bm.dumps(brief, "html", css=None)


THIRD_PARTY = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens | The Daily Example</title>
<link rel="canonical" href="https://news.example.org/2026/05/harbour-bridge">
<meta property="article:published_time" content="2026-05-04T08:00:00Z">
<meta property="article:modified_time" content="2026-05-04T10:30:00Z">
</head>
<body>
<nav><a href="/">Home</a></nav>
<main>
<article>
<header>
<h1>Harbour bridge reopens<script>track("h1")</script></h1>
<p class="standfirst">Repairs finished a week early.</p>
<p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>
<p><time datetime="2026-05-04T08:00:00Z">4 May 2026</time></p>
<div class="share"><p>Share</p><p>this</p></div>
</header>
<p>The bridge reopened on <em>Monday</em>.</p>
<h2>Traffic<style>h2 { color: red }</style></h2>
<p>Traffic is light.</p>
<form><input name="q"></form>
</article>
</main>
</body>
</html>
"""


def _losses(page: str) -> list[bm.Problem]:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(page, "html")
    return list(caught.value.problems)


@pytest.fixture
def without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading as if trafilatura (the ``web`` extra) were not installed: its import fails."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)
