"""The floor of ``bm.loads(page, "html")``: briefmodel's page read with lxml's HTML parser
(libxml2's, as the reader uses) and plain lxml calls (``find``, ``iter`` and child loops)
into the canonical JSON's dict.

It builds no model objects, parses no date-times and checks nothing, and it reads only
briefmodel's own page: no best-effort reading of other pages, no loss report, nothing put
back from data-exact or <span class="char">. The run checks that it gives exactly
``bm.to_dict(brief)`` on every workload before timing it (``workloads/html_page.py``).
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

_HTML_PARSER = etree.HTMLParser(encoding="utf-8")
_HTML_TIME_FIELDS = {"created": "created", "updated": "updated", "embargo-until": "embargo_until"}
_HTML_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def lxml_html_read(data: bytes) -> dict[str, Any]:
    """The floor of ``bm.loads(page, "html")``: lxml's HTML parser and every text and
    attribute the reader uses, pulled out into the canonical JSON's dict (what
    ``bm.to_dict`` gives for the brief) without model objects or checks."""
    root: Any = etree.fromstring(data, _HTML_PARSER)
    article = root.find("body/main/article")
    out: dict[str, Any] = {"schema": "briefmodel/2", "id": article.get("data-id")}
    version = int(article.get("data-version"))
    if version != 1:
        out["version"] = version
    out["language"] = article.get("lang")
    status = article.get("data-status")
    if status != "usable":
        out["status"] = status
    urgency = article.get("data-urgency")
    if urgency is not None:
        out["urgency"] = int(urgency)
    genre = article.get("data-genre")
    if genre is not None:
        out["genre"] = genre
    for key in ("keywords", "extensions"):
        value = article.get("data-" + key)
        if value is not None:
            out[key] = json.loads(value)

    def classes(element: Any) -> list[str]:
        return (element.get("class") or "").split()

    def text(element: Any) -> str:
        return element.text or ""

    def agent(element: Any) -> dict[str, Any]:
        who: dict[str, Any] = {}
        for span in element.iter("span"):
            if span.get("class") == "name":
                who["name"] = text(span)
                break
        for key in ("role", "uri", "affiliation"):
            value = element.get("data-" + key)
            if value is not None:
                who[key] = value
        return who

    def rich(element: Any) -> Any:
        """Rich text in to_dict's shape."""
        parts: list[Any] = [element.text] if element.text else []
        for child in element:
            tag = child.tag
            kind = child.get("class")
            if tag == "span" and kind == "mention":
                node: dict[str, Any] = {
                    "type": "mention",
                    "ref": child.get("data-entity"),
                    "content": rich(child),
                }
            elif tag == "sup":
                node = {"type": "citation", "ref": child[0].get("data-source")}
            elif tag == "em":
                node = {"type": "emphasis", "content": rich(child)}
            elif tag == "strong":
                node = {"type": "strong", "content": rich(child)}
            elif tag == "code":
                node = {"type": "code", "text": text(child)}
            elif tag == "br":
                node = {"type": "line-break"}
            else:  # a link: <a href> or, when not followed, <span class="link">
                href = child.get("href") if tag == "a" else child.get("data-href")
                node = {"type": "link", "href": href}
                if child.get("title") is not None:
                    node["title"] = child.get("title")
                if "bare" not in (kind or ""):
                    node["content"] = rich(child)
            parts.append(node)
            if child.tail:
                parts.append(child.tail)
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 and type(parts[0]) is str else parts

    def table(element: Any, align: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "table"}
        for child in element:
            if child.tag == "caption":
                out["caption"] = rich(child)
                continue
            rows = []
            for tr in child:
                cells = []
                for td in tr:
                    cell: dict[str, Any] = {}
                    content = rich(td)
                    if content != "":
                        cell["content"] = content
                    if td.tag == "th":
                        cell["header"] = td.get("scope") or "auto"
                    for span in ("colspan", "rowspan"):
                        if td.get(span) is not None:
                            cell[span] = int(td.get(span))
                    cells.append(cell)
                rows.append({"cells": cells})
            out[{"thead": "head", "tbody": "body", "tfoot": "foot"}[child.tag]] = rows
        if align:
            out["align"] = align.split()
        return out

    def block(element: Any) -> dict[str, Any]:
        tag = element.tag
        if tag == "div":  # <div class="table-scroll"><table>
            return table(element[0], element[0].get("data-align"))
        if tag == "p":
            return {"type": "paragraph", "content": rich(element)}
        if tag in ("ul", "ol"):
            items = []
            for li in element:
                first = li[0] if len(li) else None
                if first is not None and first.get("class") == "item" and not li.text:
                    item: dict[str, Any] = {"blocks": [block(child) for child in li[1:]]}
                    content = rich(first)
                    if content:
                        item["content"] = content
                    items.append(item)
                else:
                    items.append(rich(li))
            return {"type": "item-list", "items": items, "ordered": tag == "ol"}
        if tag == "aside":
            judgment: dict[str, Any] = {"type": "judgment"}
            for child in element:
                if child.get("class") == "statement":
                    judgment["statement"] = rich(child)
            for key in ("confidence", "likelihood"):
                if element.get("data-" + key) is not None:
                    judgment[key] = element.get("data-" + key)
            if element.get("data-basis") is not None:
                judgment["basis"] = element.get("data-basis").split()
            return judgment
        caption = element.find("figcaption")
        if element.get("class") == "quote":  # <figure class="quote">
            quote = {"type": "quote", "content": rich(element.find("blockquote/p"))}
            if element.get("data-source") is not None:
                quote["source_ref"] = element.get("data-source")
            if caption is not None:
                attribution = caption.find("span")
                if attribution is not None:
                    quote["attribution"] = text(attribution)
            return quote
        image = element.find("img")  # <figure class="figure">
        if image is not None:
            figure = {"type": "figure", "src": image.get("src"), "alt": image.get("alt")}
        else:
            alt = element.find("p").get("data-alt")
            figure = {"type": "figure", "src": element.get("data-src"), "alt": alt}
        if caption is not None:
            for child in caption:
                if child.tag == "span":
                    figure["caption"] = rich(child)
                else:  # <small class="credit">
                    figure["credit"] = text(child)
        return figure

    def section(element: Any) -> dict[str, Any]:
        part: dict[str, Any] = {}
        if element.get("id") is not None:
            part["id"] = element.get("id")
        if element.get("data-role") is not None:
            part["role"] = element.get("data-role")
        blocks = []
        sections = []
        for child in element:
            tag = child.tag
            if tag == "section":
                sections.append(section(child))
            elif tag in _HTML_HEADINGS:
                part["title"] = text(child)
            else:
                blocks.append(block(child))
        if blocks:
            part["blocks"] = blocks
        if sections:
            part["sections"] = sections
        return part

    sections = []
    lists: dict[str, list[Any]] = {}
    for child in article:
        tag = child.tag
        if tag == "section":
            sections.append(section(child))
        elif tag == "header":
            for part in child:
                kind = part.get("class")
                if part.tag == "h1":
                    out["headline"] = text(part)
                elif kind == "subheadline":
                    out["subheadline"] = text(part)
                elif kind == "byline":
                    lists["authors"] = [agent(span) for span in part if span.tag == "span"]
                elif kind == "dates":
                    for time in part.iter("time"):
                        out[_HTML_TIME_FIELDS[time.get("data-field")]] = time.get("datetime")
                elif kind == "corrections":
                    corrections = []
                    for li in part.iter("li"):
                        correction = {"signal": li.get("data-signal")}
                        for element in li:
                            if element.tag == "time":
                                correction["date"] = element.get("datetime")
                            elif element.tag == "span":
                                correction["note"] = text(element)
                        corrections.append(correction)
                    lists["corrections"] = corrections
        elif tag == "footer":
            for part in child:
                kind = part.get("class")
                if kind == "sources":
                    sources = []
                    for li in part.iter("li"):
                        source: dict[str, Any] = {"id": li.get("data-source-id")}
                        for key in ("url", "publisher", "reliability"):
                            if li.get("data-" + key) is not None:
                                source[key] = li.get("data-" + key)
                        if li.get("data-credibility") is not None:
                            source["credibility"] = int(li.get("data-credibility"))
                        for element in li.iter("cite", "time"):
                            if element.tag == "cite":
                                source["title"] = text(element)
                            else:
                                source[element.get("data-field")] = element.get("datetime")
                        sources.append(source)
                    lists["sources"] = sources
                elif kind == "entities":
                    entities = []
                    for li in part.iter("li"):
                        entity = {
                            "id": li.get("data-entity-id"),
                            "kind": li.get("data-kind"),
                            "name": text(li[0]),
                        }
                        for key in ("aliases", "identifiers"):
                            if li.get("data-" + key) is not None:
                                entity[key] = json.loads(li.get("data-" + key))
                        entities.append(entity)
                    lists["entities"] = entities
                elif kind == "subjects":
                    subjects = []
                    for li in part.iter("li"):
                        subject: dict[str, Any] = {}
                        for key in ("code", "uri", "name"):
                            if li.get("data-" + key) is not None:
                                subject[key] = li.get("data-" + key)
                        for key in ("relevance", "confidence"):
                            if li.get("data-" + key) is not None:
                                subject[key] = int(li.get("data-" + key))
                        subjects.append(subject)
                    lists["subjects"] = subjects
                elif kind == "related":
                    related = []
                    for li in part.iter("li"):
                        entry = {"url": li.get("data-url")}
                        for key in ("title", "rel"):
                            if li.get("data-" + key) is not None:
                                entry[key] = li.get("data-" + key)
                        related.append(entry)
                    lists["related"] = related
                elif kind == "publisher":
                    out["publisher"] = agent(part[0])
                elif kind == "rights":
                    rights = {}
                    for key in ("holder", "notice", "license_url", "usage_terms"):
                        value = part.get("data-" + key.replace("_", "-"))
                        if value is not None:
                            rights[key] = value
                    out["rights"] = rights
    out["sections"] = sections
    out.update(lists)
    return out
