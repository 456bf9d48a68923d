"""HTML interop: what a third-party extractor finds in our pages.

`extruct <https://github.com/scrapinghub/extruct>`_, the structured-data extractor used
by crawlers and SEO tools, reads the schema.org JSON-LD and the Open Graph meta tags of
full pages written for every example and for generated briefs. What it finds is compared
with the brief the page was written from, never with our own JSON-LD. The shape of the
JSON-LD is then checked against what schema.org defines for the types and properties it
uses (the vocabulary facts are listed below, with the schema.org pages they come from).
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import briefmodel as bm
from briefmodel.testing import briefs

extruct = pytest.importorskip("extruct", reason="pip install 'briefmodel[test]' for extruct")

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
ARTICLE_TYPES = {"NewsArticle", "AnalysisNewsArticle"}
#: The schema.org types an entity of each kind should be (https://schema.org/Person,
#: /Organization, /Place, /Event; anything else is a https://schema.org/Thing).
ENTITY_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Thing",
}

# Properties schema.org defines (directly or by inheritance) on the types our JSON-LD
# uses. Thing (https://schema.org/Thing) gives every type name, alternateName,
# description, identifier, url and sameAs; CreativeWork
# (https://schema.org/CreativeWork) adds the rest; NewsArticle and AnalysisNewsArticle
# are Articles, which are CreativeWorks. Person adds jobTitle and affiliation
# (https://schema.org/Person).
_THING = {"name", "alternateName", "description", "identifier", "url", "sameAs"}
_CREATIVE_WORK = _THING | {
    "headline",
    "alternativeHeadline",
    "datePublished",
    "dateModified",
    "inLanguage",
    "genre",
    "keywords",
    "author",
    "publisher",
    "about",
    "mentions",
    "citation",
    "copyrightHolder",
    "license",
}
PROPERTIES = {
    "NewsArticle": _CREATIVE_WORK,
    "AnalysisNewsArticle": _CREATIVE_WORK,
    "CreativeWork": _CREATIVE_WORK,
    "Person": _THING | {"jobTitle", "affiliation"},
    "Organization": _THING,
    "Place": _THING,
    "Event": _THING,
    "Thing": _THING,
}


def _extract(page: str) -> dict[str, list[dict[str, Any]]]:
    """What extruct finds in a page (JSON-LD, Open Graph, meta tags), failing on any error."""
    found: dict[str, list[dict[str, Any]]] = extruct.extract(
        page.encode("utf-8"), syntaxes=["json-ld", "opengraph", "dublincore"], errors="strict"
    )
    return found


def _article(found: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    articles = [item for item in found["json-ld"] if item.get("@type") in ARTICLE_TYPES]
    assert len(articles) == 1, found["json-ld"]
    return articles[0]


def _instant(value: Any, expected: datetime) -> None:
    """An ISO 8601 datetime that is the same instant, with the same UTC offset."""
    assert isinstance(value, str)
    parsed = datetime.fromisoformat(value)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


#: What an HTML document cannot hold as it is (https://html.spec.whatwg.org/#preprocessing-
#: the-input-stream): a carriage return (read as a line feed), the controls DEL and C1,
#: and the noncharacters, which are parse errors (and a reference to a C1 control stands
#: for another character). XML 1.0, and so a brief, can hold them all.
_NOT_IN_HTML = re.compile(
    "[\x7f-\x9f\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)


def _in_html(text: str) -> str:
    """``text`` as a place that holds only text (a ``meta`` tag's ``content``) can hold
    it: without the characters HTML cannot hold, a carriage return as a space."""
    return _NOT_IN_HTML.sub("", text.replace("\r", " "))


def _has_judgment(brief: bm.Brief) -> bool:
    return any(type(node) is bm.Judgment for _, node in brief.walk())


def check_page(brief: bm.Brief) -> dict[str, Any]:
    """extruct finds the brief's article, metadata and Open Graph in its page; the
    article found is returned."""
    page = bm.dumps(brief, "html")
    found = _extract(page)
    article = _article(found)

    if brief.genre == "analysis":
        assert article["@type"] == "AnalysisNewsArticle"
    elif not _has_judgment(brief):
        assert article["@type"] == "NewsArticle"
    assert article["@context"] in ("https://schema.org", "http://schema.org")
    assert article["headline"] == brief.headline
    if brief.created is not None:
        _instant(article["datePublished"], brief.created)
    else:  # an undated brief is not said to be published at all
        assert "datePublished" not in article
    if brief.updated is not None:
        _instant(article["dateModified"], brief.updated)
    else:
        assert "dateModified" not in article
    assert article["inLanguage"] == brief.language
    authors = article.get("author", [])
    assert [a["name"] for a in authors] == [a.name for a in brief.authors]
    assert all(a["@type"] == "Person" for a in authors)
    if brief.publisher is not None:
        assert article["publisher"]["@type"] == "Organization"
        assert article["publisher"]["name"] == brief.publisher.name
    else:
        assert "publisher" not in article

    (graph,) = found["opengraph"]
    properties = graph["properties"]
    assert [v for k, v in properties if k == "og:title"] == [_in_html(brief.headline)]
    assert [v for k, v in properties if k == "og:type"] == ["article"]

    # extruct reports <meta name="description"> as Dublin Core's description element.
    (dublin_core,) = found["dublincore"]
    descriptions = [e for e in dublin_core["elements"] if e["name"] == "description"]
    assert len(descriptions) == 1
    assert descriptions[0]["URI"] == "http://purl.org/dc/elements/1.1/description"
    if brief.subheadline is not None and brief.subheadline.strip():
        # A blank subheadline says nothing: the description falls back (see below).
        shown = descriptions[0]["content"].split()
        assert shown == _in_html(brief.subheadline).split()
    return article


# --------------------------------------------------------------------------------------
# The shape schema.org expects


def _check_node(node: Any, where: str) -> None:
    """Every object is typed with a type listed above and uses only its properties."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            _check_node(item, f"{where}[{index}]")
        return
    if not isinstance(node, dict):
        assert isinstance(node, str), f"{where}: {node!r}"
        return
    kind = node.get("@type")
    assert kind in PROPERTIES, f"{where}: @type {kind!r}"
    unknown = set(node) - PROPERTIES[kind] - {"@type", "@context"}
    assert not unknown, f"{where}: {kind} has no properties {sorted(unknown)}"
    for key, value in node.items():
        if not key.startswith("@"):
            _check_node(value, f"{where}.{key}")


def _objects(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return list(itertools.chain.from_iterable(_objects(n) for n in node))
    if isinstance(node, dict):
        return [node, *itertools.chain.from_iterable(_objects(v) for v in node.values())]
    return []


def check_shape(brief: bm.Brief, article: dict[str, Any]) -> None:
    """The article found has the types and properties schema.org defines, and the
    entities, sources, subjects, keywords and authors of the brief."""
    _check_node(article, "$")

    mentions = article.get("mentions", [])
    assert [(m["@type"], m["name"]) for m in mentions] == [
        (ENTITY_TYPES[e.kind], e.name) for e in brief.entities
    ]
    for mention, entity in zip(mentions, brief.entities, strict=True):
        assert mention.get("alternateName", []) == list(entity.aliases)

    citations = article.get("citation", [])
    assert [(c["@type"], c["name"]) for c in citations] == [
        ("CreativeWork", s.title) for s in brief.sources
    ]
    for citation, source in zip(citations, brief.sources, strict=True):
        assert citation.get("url") == source.url
        if source.publisher is not None:
            assert citation["publisher"] == {"@type": "Organization", "name": source.publisher}
        if source.published is not None:
            _instant(citation["datePublished"], source.published)

    about = article.get("about", [])
    assert [(a["@type"], a.get("name")) for a in about] == [
        ("Thing", s.name) for s in brief.subjects
    ]
    assert article.get("keywords", []) == list(brief.keywords)

    for person, agent in zip(
        article["author"] if brief.authors else [], brief.authors, strict=True
    ):
        assert person.get("url") == agent.uri
        assert person.get("jobTitle") == agent.role
        if agent.affiliation is not None:
            assert person["affiliation"] == {"@type": "Organization", "name": agent.affiliation}
    # Every URL-valued property holds an absolute http(s) URL.
    urls = [
        value
        for node in _objects(article)
        for key, value in node.items()
        if key in ("url", "sameAs", "license")
    ]
    assert all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in urls), urls


# --------------------------------------------------------------------------------------
# The tests


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_extruct_finds_each_example(path: Path) -> None:
    brief = bm.load(path)
    check_shape(brief, check_page(brief))


@given(briefs())
def test_extruct_finds_generated_briefs(brief: bm.Brief) -> None:
    check_shape(brief, check_page(brief))


def test_the_examples_cover_the_checks() -> None:
    """The examples use what the checks above compare: without these, they check less."""
    loaded = [bm.load(path) for path in EXAMPLES]
    assert any(b.updated is not None for b in loaded)
    assert any(b.publisher is not None for b in loaded)
    assert any(len(b.authors) > 1 for b in loaded)
    assert any(b.entities for b in loaded)
    assert any(b.sources for b in loaded)
    assert any(b.genre == "analysis" or _has_judgment(b) for b in loaded)
    assert any(b.language != "en" for b in loaded)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_extruct_syntax_reads_the_page(path: Path) -> None:
    """Every extractor extruct has (RDFa and microformats included) reads the page
    without error, and none finds a second, conflicting article."""
    brief = bm.load(path)
    found = extruct.extract(bm.dumps(brief, "html").encode("utf-8"), errors="strict", uniform=True)
    assert found["microdata"] == []
    assert found["microformat"] == []
    typed = [item.get("@type") for items in found.values() for item in items]
    assert [t for t in typed if t in ARTICLE_TYPES] == [_article(found)["@type"]]
    # The RDFa parser sees the Open Graph tags as RDFa properties of the page too.
    (rdfa,) = [item for item in found["rdfa"] if item["@id"] == ""]
    assert rdfa["http://ogp.me/ns#title"] == [{"@value": brief.headline}]


def _with(**fields: Any) -> bm.Brief:
    base: dict[str, Any] = {
        "id": "urn:example:interop:1",
        "headline": "Ferries run late on the harbour line",
        "created": datetime(2026, 9, 1, 6, tzinfo=timezone.utc),
        "sections": [bm.Section(blocks=[bm.Paragraph(content="Ferries run until midnight.")])],
    }
    base.update(fields)
    return bm.Brief(**base)


@pytest.mark.parametrize(
    "brief",
    [
        _with(sections=[bm.Section(blocks=[bm.Paragraph(content=())])]),
        _with(
            sources=[bm.Source(id="s", title="Timetable")],
            sections=[
                bm.Section(role="key-points", blocks=[bm.ItemList(items=[[bm.Citation(ref="s")]])])
            ],
        ),
        _with(subheadline="  "),
    ],
    ids=["empty-paragraph", "key-point-without-text", "blank-subheadline"],
)
def test_the_description_is_never_blank(brief: bm.Brief) -> None:
    assert bm.validate(bm.dumps(brief)).ok
    (dublin_core,) = _extract(bm.dumps(brief, "html"))["dublincore"]
    (description,) = [e["content"] for e in dublin_core["elements"] if e["name"] == "description"]
    assert description.strip()
