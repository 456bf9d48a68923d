"""The floor of ``bm.dumps(brief, "newsml")``: the same newsItem written with plain lxml
calls (``etree.SubElement``, then ``etree.tostring``).

It is not a NewsML-G2 library: it handles exactly what briefmodel writes, without its
checks (a URI that XML Schema's anyURI refuses, a label with a tab, a date-time offset
beyond ±14:00 or a mention id that clashes with a section id come out wrong), and without
model objects or semantic rules. It is what building this XML costs at the least with
lxml; the run checks that it agrees with briefmodel on every workload before timing it
(``workloads/newsml_g2.py``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from lxml import etree

import briefmodel as bm
from briefmodel.formats import newsml

from ._common import _B, _BODY_NSMAP, _H, _ITEM_NSMAP, _N, _NATURES, _XML_ID, _XML_LANG, _thawed


def _plain_text(content: Sequence[Any]) -> str:
    parts: list[str] = []
    for node in content:
        kind = type(node)
        if kind is str:
            parts.append(node)
        elif kind is bm.Code:
            parts.append(node.text)
        elif kind is bm.LineBreak:
            parts.append("\n")
        elif kind is bm.Link:
            parts.append(_plain_text(node.content) if node.content else node.href)
        elif kind is not bm.Citation:
            parts.append(_plain_text(node.content))
    return "".join(parts)


def _json_text(value: Any) -> str:
    return json.dumps(_thawed(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def lxml_newsml_write(brief: bm.Brief) -> str:
    """The floor of ``bm.dumps(brief, "newsml")``: the same newsItem, element by element
    with ``etree.SubElement``, serialized with ``etree.tostring``."""
    sub = etree.SubElement
    root = etree.Element(
        _N + "newsItem",
        nsmap=_ITEM_NSMAP,
        attrib={
            "guid": brief.id,
            "version": str(brief.version),
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
            _XML_LANG: brief.language,
        },
    )
    sub(root, _N + "catalogRef", href=newsml.IPTC_CATALOG)
    catalog = sub(root, _N + "catalog")
    sub(catalog, _N + "scheme", alias="bmdesc", uri=newsml.BM + ":description-role:")

    def text(parent: Any, tag: str, value: str, **attributes: str) -> Any:
        element = sub(parent, tag, attributes)
        element.text = value
        return element

    def agent(parent: Any, tag: str, who: bm.Agent) -> None:
        element = sub(parent, tag)
        if who.uri is not None:
            element.set("uri", who.uri)
        if who.role is not None:
            element.set(_B + "role", who.role)
        if who.affiliation is not None:
            element.set(_B + "affiliation", who.affiliation)
        text(element, _N + "name", who.name)

    rights = brief.rights
    if rights is not None:
        info = sub(root, _N + "rightsInfo")
        if rights.holder is not None:
            text(sub(info, _N + "copyrightHolder"), _N + "name", rights.holder)
        if rights.notice is not None:
            text(info, _N + "copyrightNotice", rights.notice)
        if rights.usage_terms is not None:
            text(info, _N + "usageTerms", rights.usage_terms)
        if rights.license_url is not None:
            sub(info, _N + "link", rel="bmdesc:license", href=rights.license_url)

    meta = sub(root, _N + "itemMeta")
    sub(meta, _N + "itemClass", qcode="ninat:text")
    if brief.publisher is not None:
        agent(meta, _N + "provider", brief.publisher)
    else:
        sub(meta, _N + "provider", literal="unknown")
    text(meta, _N + "versionCreated", (brief.updated or brief.created).isoformat())
    text(meta, _N + "firstCreated", brief.created.isoformat())
    if brief.embargo_until is not None:
        text(meta, _N + "embargoed", brief.embargo_until.isoformat())
    sub(meta, _N + "pubStatus", qcode="stat:" + brief.status)
    text(meta, _N + "generator", "briefmodel", versioninfo="1")
    for correction in brief.corrections:
        signal = sub(meta, _N + "signal", qcode="sig:" + correction.signal)
        note = text(signal, _B + "note", correction.note)
        if correction.date is not None:
            note.set("date", correction.date.isoformat())
    for related in brief.related:
        link = sub(meta, _N + "link", rel="irel:seeAlso", href=related.url)
        if related.title is not None:
            link.set("title", related.title)
        if related.rel is not None:
            link.set(_B + "rel", related.rel)

    meta = sub(root, _N + "contentMeta")
    if brief.urgency is not None:
        text(meta, _N + "urgency", str(brief.urgency))
    text(meta, _N + "contentCreated", brief.created.isoformat())
    if brief.updated is not None:
        text(meta, _N + "contentModified", brief.updated.isoformat())
    for source in brief.sources:
        element = sub(meta, _N + "infoSource", literal=source.id)
        if source.url is not None:
            element.set("uri", source.url)
        if source.publisher is not None:
            element.set(_B + "publisher", source.publisher)
        if source.published is not None:
            element.set(_B + "published", source.published.isoformat())
        if source.accessed is not None:
            element.set(_B + "accessed", source.accessed.isoformat())
        if source.reliability is not None:
            element.set(_B + "reliability", source.reliability)
        if source.credibility is not None:
            element.set(_B + "credibility", str(source.credibility))
        text(element, _N + "name", source.title)
    for author in brief.authors:
        agent(meta, _N + "creator", author)
    sub(meta, _N + "language", tag=brief.language)
    if brief.genre is not None:
        text(sub(meta, _N + "genre"), _N + "name", brief.genre)
    for keyword in brief.keywords:
        text(meta, _N + "keyword", keyword)
    for subject in brief.subjects:
        element = sub(meta, _N + "subject")
        if subject.code is not None:
            element.set("qcode", subject.code)
        if subject.uri is not None:
            element.set("uri", subject.uri)
        if subject.relevance is not None:
            element.set("relevance", str(subject.relevance))
        if subject.confidence is not None:
            element.set("confidence", str(subject.confidence))
        if subject.name is not None:
            text(element, _N + "name", subject.name)
    for entity in brief.entities:
        element = sub(meta, _N + "subject", type=_NATURES[entity.kind], literal=entity.id)
        text(element, _N + "name", entity.name)
        for alias in entity.aliases:
            text(element, _N + "name", alias, role="nrol:alternate")
        for scheme, value in entity.identifiers.items():
            text(element, _B + "identifier", value, scheme=scheme)
    text(meta, _N + "headline", brief.headline)
    if brief.subheadline is not None:
        text(meta, _N + "description", brief.subheadline, role="drol:summary")
    stack = list(reversed(brief.sections))
    while stack:  # the first key-points section, depth first
        section = stack.pop()
        if section.role == "key-points":
            for block in section.blocks:
                if type(block) is bm.ItemList:
                    for item in block.items:
                        point = " ".join(_plain_text(item.content).split())
                        if point:
                            text(meta, _N + "description", point, role="bmdesc:key-point")
            break
        stack.extend(reversed(section.sections))
    for key, value in brief.extensions.items():
        extension = text(meta, _B + "extension", _json_text(value))
        extension.set("key", key)

    mentions: dict[str, list[str]] = {}
    counter = [0]

    def rich(element: Any, content: Sequence[Any]) -> None:
        last = None
        for node in content:
            kind = type(node)
            if kind is str:
                if last is None:
                    element.text = node
                else:
                    last.tail = node
                continue
            if kind is bm.Mention:
                ident = f"mention-{counter[0]}"
                counter[0] += 1
                mentions.setdefault(node.ref, []).append(ident)
                last = sub(element, _H + "span", {_XML_ID: ident})
                rich(last, node.content)
            elif kind is bm.Citation:
                last = sub(element, _H + "cite")
                last.set(_B + "source", node.ref)
            elif kind is bm.Emphasis:
                last = sub(element, _H + "em")
                rich(last, node.content)
            elif kind is bm.Strong:
                last = sub(element, _H + "strong")
                rich(last, node.content)
            elif kind is bm.Code:
                last = text(element, _H + "code", node.text)
            elif kind is bm.LineBreak:
                last = sub(element, _H + "br")
            else:  # bm.Link
                last = sub(element, _H + "a", href=node.href)
                if node.title is not None:
                    last.set("title", node.title)
                rich(last, node.content)

    def blocks(parent: Any, items: Sequence[Any]) -> None:
        for block in items:
            kind = type(block)
            if kind is bm.Paragraph:
                rich(sub(parent, _H + "p"), block.content)
            elif kind is bm.ItemList:
                element = sub(parent, _H + ("ol" if block.ordered else "ul"))
                for item in block.items:
                    li = sub(element, _H + "li")
                    rich(li, item.content)
                    blocks(li, item.blocks)
            elif kind is bm.Quote:
                holder = parent
                if block.attribution is not None:
                    holder = sub(parent, _H + "figure", {"class": "quote"})
                element = sub(holder, _H + "blockquote")
                if block.source_ref is not None:
                    element.set(_B + "source", block.source_ref)
                rich(sub(element, _H + "p"), block.content)
                if block.attribution is not None:
                    text(holder, _H + "figcaption", block.attribution)
            elif kind is bm.Judgment:
                element = sub(parent, _H + "aside", {"class": "judgment"})
                if block.confidence is not None:
                    element.set(_B + "confidence", block.confidence)
                if block.likelihood is not None:
                    element.set(_B + "likelihood", block.likelihood)
                if block.basis:
                    element.set(_B + "basis", " ".join(block.basis))
                rich(sub(element, _H + "p"), block.statement)
            elif kind is bm.Table:
                element = sub(parent, _H + "table")
                if block.align:
                    element.set(_B + "align", " ".join(block.align))
                if block.caption:
                    rich(sub(element, _H + "caption"), block.caption)
                for tag, rows in (
                    ("thead", block.head),
                    ("tfoot", block.foot),
                    ("tbody", block.body),
                ):
                    if not rows:
                        continue
                    group = sub(element, _H + tag)
                    for row in rows:
                        tr = sub(group, _H + "tr")
                        for cell in row.cells:
                            td = sub(tr, _H + ("td" if cell.header is None else "th"))
                            if cell.header not in (None, "auto"):
                                td.set("scope", cell.header)
                            if cell.colspan != 1:
                                td.set("colspan", str(cell.colspan))
                            if cell.rowspan != 1:
                                td.set("rowspan", str(cell.rowspan))
                            rich(td, cell.content)
            else:  # bm.Figure
                element = sub(parent, _H + "figure")
                sub(element, _H + "img", src=block.src, alt=block.alt)
                if block.caption:
                    rich(sub(element, _H + "figcaption"), block.caption)
                if block.credit is not None:
                    text(element, _H + "small", block.credit, **{"class": "credit"})

    def section(parent: Any, part: bm.Section, level: int) -> None:
        element = sub(parent, _H + "section")
        if part.id is not None:
            element.set("id", part.id)
        if part.role is not None:
            element.set(_B + "role", part.role)
        if part.title is not None:
            text(element, _H + f"h{min(level, 6)}", part.title)
        blocks(element, part.blocks)
        for child in part.sections:
            section(element, child, level + 1)

    xhtml = etree.Element(_H + "html", nsmap=_BODY_NSMAP)
    xhtml.set("lang", brief.language)
    xhtml.set(_XML_LANG, brief.language)
    text(sub(xhtml, _H + "head"), _H + "title", brief.headline)
    body = sub(xhtml, _H + "body")
    for part in brief.sections:
        section(body, part, 2)
    for ref, ids in mentions.items():
        sub(root, _N + "inlineRef", idrefs=" ".join(ids), literal=ref)
    inline = sub(sub(root, _N + "contentSet"), _N + "inlineXML")
    inline.set("contenttype", "application/xhtml+xml")
    inline.append(xhtml)
    xml: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
