"""schema.org JSON-LD of a brief (a ``NewsArticle`` or ``AnalysisNewsArticle``), which the
page carries in its ``head``, and the description its meta tags share with it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...model import Agent, Brief, Judgment, Paragraph, plain_text
from ...rules import DEFAULT_URL_SCHEMES, allowed_schemes, url_scheme

_SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Thing",
}


def json_ld(brief: Brief, *, url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` (``AnalysisNewsArticle`` for analysis) of a brief.

    Crawlers show its ``url``, ``sameAs`` and ``license`` values as links, so they follow
    the page's URL rules: a URL whose scheme ``url_schemes`` does not allow is left out.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> brief = bm.Brief(id="urn:example:1", headline="Ports reopen",
    ...                  created=datetime(2026, 3, 1, tzinfo=timezone.utc),
    ...                  authors=[bm.Agent(name="A. Writer", uri="javascript:alert(1)")],
    ...                  sections=[bm.Section(blocks=[bm.Paragraph(content="Open.")])])
    >>> json_ld(brief)["author"]
    [{'@type': 'Person', 'name': 'A. Writer'}]
    """
    schemes = allowed_schemes(url_schemes)

    def link(url: str | None) -> str | None:
        return url if url is not None and url_scheme(url) in schemes else None

    analysis = brief.genre == "analysis" or any(type(node) is Judgment for _, node in brief.walk())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle" if analysis else "NewsArticle",
        "identifier": brief.id,
        "headline": brief.headline,
    }
    if brief.created is not None:  # an undated brief is not said to be published in 1970
        data["datePublished"] = brief.created.isoformat()
    data["inLanguage"] = brief.language
    if url_scheme(brief.id) in ("http", "https") and link(brief.id):
        data["url"] = brief.id
    if brief.subheadline is not None:
        data["alternativeHeadline"] = brief.subheadline
    data["description"] = _description(brief)
    if brief.updated is not None:
        data["dateModified"] = brief.updated.isoformat()
    if brief.genre is not None:
        data["genre"] = brief.genre
    if brief.keywords:
        data["keywords"] = list(brief.keywords)
    if brief.authors:
        data["author"] = [_person(a, link(a.uri)) for a in brief.authors]
    if brief.publisher is not None:
        publisher = brief.publisher
        data["publisher"] = {"@type": "Organization", **_named(publisher, link(publisher.uri))}
    if brief.subjects:
        data["about"] = [
            {
                "@type": "Thing",
                **({"name": s.name} if s.name else {}),
                **({"identifier": s.code} if s.code else {}),
                **({"sameAs": s.uri} if link(s.uri) else {}),
            }
            for s in brief.subjects
        ]
    if brief.entities:
        data["mentions"] = [
            {
                "@type": _SCHEMA_TYPES[e.kind],
                "name": e.name,
                **({"alternateName": list(e.aliases)} if e.aliases else {}),
                **(
                    {"identifier": [f"{k}:{v}" for k, v in e.identifiers.items()]}
                    if e.identifiers
                    else {}
                ),
            }
            for e in brief.entities
        ]
    if brief.sources:
        data["citation"] = [
            {
                "@type": "CreativeWork",
                "name": s.title,
                **({"url": s.url} if link(s.url) else {}),
                **(
                    {"publisher": {"@type": "Organization", "name": s.publisher}}
                    if s.publisher
                    else {}
                ),
                **({"datePublished": s.published.isoformat()} if s.published else {}),
            }
            for s in brief.sources
        ]
    if brief.rights is not None:
        if brief.rights.holder is not None:
            data["copyrightHolder"] = {"@type": "Organization", "name": brief.rights.holder}
        if link(brief.rights.license_url):
            data["license"] = brief.rights.license_url
    return data


def _named(agent: Agent, url: str | None) -> dict[str, Any]:
    named: dict[str, Any] = {"name": agent.name}
    if url is not None:
        named["url"] = url
    return named


def _person(agent: Agent, url: str | None) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", **_named(agent, url)}
    if agent.role is not None:
        person["jobTitle"] = agent.role
    if agent.affiliation is not None:
        person["affiliation"] = {"@type": "Organization", "name": agent.affiliation}
    return person


def _description(brief: Brief) -> str:
    """What the ``description`` and ``og:description`` meta tags say: the subheadline,
    else the key points, else the first paragraph (at most 300 characters), else the
    headline; the first of them that shows any text."""
    if brief.subheadline and brief.subheadline.strip():
        return brief.subheadline
    points = [" ".join(plain_text(item.content).split()) for item in brief.key_points]
    if any(points):
        return "; ".join(p for p in points if p)[:300]
    for _, node in brief.walk():
        if type(node) is Paragraph:
            text = " ".join(plain_text(node.content).split())
            if text:
                return text[:300]
    return brief.headline
