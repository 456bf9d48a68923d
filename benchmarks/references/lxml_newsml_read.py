"""The floor of ``bm.loads(xml, "newsml")``: the same newsItem read with plain lxml calls
(``etree.fromstring``, then ``find``, ``iterfind`` and child loops) into the canonical
JSON's dict.

It is not a NewsML-G2 library: it reads exactly what briefmodel writes, builds no model
objects, parses no date-times (the strings are kept) and checks nothing. It is what
reading this XML costs at the least with lxml; the run checks that it gives exactly
``bm.to_dict(brief)`` on every workload before timing it (``workloads/newsml_g2.py``).
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from ._common import _B, _H, _KINDS_OF_NATURE, _N, _XML_ID, _XML_LANG


def lxml_newsml_read(data: bytes) -> dict[str, Any]:
    """The floor of ``bm.loads(data, "newsml")``: ``etree.fromstring`` and every text
    and attribute the reader uses, pulled out into the canonical JSON's dict (what
    ``bm.to_dict`` gives for the brief) without model objects or checks."""
    root = etree.fromstring(data)
    out: dict[str, Any] = {"schema": "briefmodel/2", "id": root.get("guid")}
    version = int(root.get("version", "1"))
    if version != 1:
        out["version"] = version
    out["language"] = root.get(_XML_LANG)

    def label(element: Any) -> str:
        exact = element.get(_B + "text")
        return exact if exact is not None else element.text or ""

    def uri(element: Any, name: str = "uri") -> Any:
        exact = element.get(_B + name)
        return exact if exact is not None else element.get(name)

    def stamp(element: Any) -> str:
        return element.get(_B + "written") or element.text

    def agent(element: Any) -> dict[str, Any]:
        who = {"name": label(element.find(_N + "name"))}
        for key, value in (
            ("role", element.get(_B + "role")),
            ("uri", uri(element)),
            ("affiliation", element.get(_B + "affiliation")),
        ):
            if value is not None:
                who[key] = value
        return who

    rights = root.find(_N + "rightsInfo")
    if rights is not None:
        found: dict[str, Any] = {}
        holder = rights.find(f"{_N}copyrightHolder/{_N}name")
        if holder is not None:
            found["holder"] = label(holder)
        for key, tag in (("notice", "copyrightNotice"), ("usage_terms", "usageTerms")):
            element = rights.find(_N + tag)
            if element is not None:
                found[key] = element.text or ""
        link = rights.find(_N + "link")
        if link is not None:
            found["license_url"] = uri(link, "href")
        out["rights"] = found

    meta = root.find(_N + "itemMeta")
    provider = meta.find(_N + "provider")
    if provider.find(_N + "name") is not None:
        out["publisher"] = agent(provider)
    out["created"] = stamp(meta.find(_N + "firstCreated"))
    embargo = meta.find(_N + "embargoed")
    if embargo is not None:
        out["embargo_until"] = stamp(embargo)
    status = meta.find(_N + "pubStatus").get("qcode").partition(":")[2]
    if status != "usable":
        out["status"] = status
    corrections = []
    for signal in meta.iterfind(_N + "signal"):
        note = signal.find(_B + "note")
        correction = {"signal": signal.get("qcode").partition(":")[2], "note": note.text or ""}
        if note.get("date") is not None:
            correction["date"] = note.get("date")
        corrections.append(correction)
    if corrections:
        out["corrections"] = corrections
    related = []
    for link in meta.iterfind(_N + "link"):
        entry = {"url": uri(link, "href")}
        if link.get("title") is not None:
            entry["title"] = link.get("title")
        if link.get(_B + "rel") is not None:
            entry["rel"] = link.get(_B + "rel")
        related.append(entry)
    if related:
        out["related"] = related

    meta = root.find(_N + "contentMeta")
    lists: dict[str, list[Any]] = {
        "authors": [],
        "entities": [],
        "subjects": [],
        "keywords": [],
        "sources": [],
    }
    extensions = {}
    for child in meta:
        tag = child.tag
        if tag == _N + "urgency":
            out["urgency"] = int(child.text)
        elif tag == _N + "contentModified":
            out["updated"] = stamp(child)
        elif tag == _N + "infoSource":
            source = {"id": child.get("literal"), "title": label(child.find(_N + "name"))}
            for key, value in (
                ("url", uri(child)),
                ("publisher", child.get(_B + "publisher")),
                ("published", child.get(_B + "published")),
                ("accessed", child.get(_B + "accessed")),
                ("reliability", child.get(_B + "reliability")),
            ):
                if value is not None:
                    source[key] = value
            if child.get(_B + "credibility") is not None:
                source["credibility"] = int(child.get(_B + "credibility"))
            lists["sources"].append(source)
        elif tag == _N + "creator":
            lists["authors"].append(agent(child))
        elif tag == _N + "genre":
            out["genre"] = label(child.find(_N + "name"))
        elif tag == _N + "keyword":
            lists["keywords"].append(label(child))
        elif tag == _N + "subject":
            nature = child.get("type")
            if nature is not None:
                entity: dict[str, Any] = {
                    "id": child.get("literal"),
                    "kind": _KINDS_OF_NATURE[nature],
                }
                aliases = []
                identifiers = {}
                for part in child:
                    if part.tag == _B + "identifier":
                        identifiers[part.get("scheme")] = part.text or ""
                    elif part.get("role") is None:
                        entity["name"] = label(part)
                    else:
                        aliases.append(label(part))
                if aliases:
                    entity["aliases"] = aliases
                if identifiers:
                    entity["identifiers"] = identifiers
                lists["entities"].append(entity)
                continue
            subject: dict[str, Any] = {}
            for key, value in (("code", child.get("qcode")), ("uri", uri(child))):
                if value is not None:
                    subject[key] = value
            for key in ("relevance", "confidence"):
                if child.get(key) is not None:
                    subject[key] = int(child.get(key))
            name = child.find(_N + "name")
            if name is not None:
                subject["name"] = label(name)
            lists["subjects"].append(subject)
        elif tag == _N + "headline":
            out["headline"] = child.text or ""
        elif tag == _N + "description":
            if child.get("role") == "drol:summary":
                out["subheadline"] = child.text or ""
        elif tag == _B + "extension":
            extensions[child.get("key")] = json.loads(child.text)
    for key, values in lists.items():
        if values:
            out[key] = values
    if extensions:
        out["extensions"] = extensions

    mentions = {}
    for ref in root.iterfind(_N + "inlineRef"):
        entity_id = ref.get("literal")
        for ident in ref.get("idrefs").split():
            mentions[ident] = entity_id

    def rich(element: Any) -> Any:
        """Rich text in to_dict's shape, up to the first block (in a list item)."""
        parts: list[Any] = [element.text] if element.text else []
        for child in element:
            tag = child.tag
            if tag in _BLOCK_TAGS:
                break
            if tag == _H + "span":
                node: dict[str, Any] = {
                    "type": "mention",
                    "ref": mentions[child.get(_XML_ID)],
                    "content": rich(child),
                }
            elif tag == _H + "cite":
                node = {"type": "citation", "ref": child.get(_B + "source")}
            elif tag == _H + "em":
                node = {"type": "emphasis", "content": rich(child)}
            elif tag == _H + "strong":
                node = {"type": "strong", "content": rich(child)}
            elif tag == _H + "code":
                node = {"type": "code", "text": child.text or ""}
            elif tag == _H + "br":
                node = {"type": "line-break"}
            else:  # <a>
                node = {"type": "link", "href": child.get("href")}
                if child.get("title") is not None:
                    node["title"] = child.get("title")
                content = rich(child)
                if content:
                    node["content"] = content
            parts.append(node)
            if child.tail:
                parts.append(child.tail)
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 and type(parts[0]) is str else parts

    def table(element: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "table"}
        groups = {_H + "thead": "head", _H + "tbody": "body", _H + "tfoot": "foot"}
        for child in element:
            if child.tag == _H + "caption":
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
                    if td.tag == _H + "th":
                        cell["header"] = td.get("scope") or "auto"
                    for span in ("colspan", "rowspan"):
                        if td.get(span) is not None:
                            cell[span] = int(td.get(span))
                    cells.append(cell)
                rows.append({"cells": cells})
            out[groups[child.tag]] = rows
        ordered = {
            key: out[key] for key in ("type", "caption", "head", "body", "foot") if key in out
        }
        if element.get(_B + "align"):
            ordered["align"] = element.get(_B + "align").split()
        return ordered

    def block(element: Any) -> dict[str, Any]:
        tag = element.tag
        if tag == _H + "table":
            return table(element)
        if tag == _H + "p":
            return {"type": "paragraph", "content": rich(element)}
        if tag in (_H + "ul", _H + "ol"):
            items = []
            for li in element:
                nested = [block(c) for c in li if c.tag in _BLOCK_TAGS]
                if nested:
                    item: Any = {"blocks": nested}
                    content = rich(li)
                    if content:
                        item["content"] = content
                    items.append(item)
                else:
                    items.append(rich(li))
            return {"type": "item-list", "items": items, "ordered": tag == _H + "ol"}
        if tag == _H + "blockquote":
            quote = {"type": "quote", "content": rich(element.find(_H + "p"))}
            if element.get(_B + "source") is not None:
                quote["source_ref"] = element.get(_B + "source")
            return quote
        if tag == _H + "aside":
            judgment = {"type": "judgment", "statement": rich(element.find(_H + "p"))}
            for key in ("confidence", "likelihood"):
                if element.get(_B + key) is not None:
                    judgment[key] = element.get(_B + key)
            if element.get(_B + "basis") is not None:
                judgment["basis"] = element.get(_B + "basis").split()
            return judgment
        quote_element = element.find(_H + "blockquote")  # <figure>
        if quote_element is not None:
            quote = block(quote_element)
            quote["attribution"] = element.find(_H + "figcaption").text or ""
            return quote
        image = element.find(_H + "img")
        figure = {"type": "figure", "src": image.get("src"), "alt": image.get("alt")}
        caption = element.find(_H + "figcaption")
        if caption is not None:
            figure["caption"] = rich(caption)
        credit = element.find(_H + "small")
        if credit is not None:
            figure["credit"] = credit.text or ""
        return figure

    def section(element: Any) -> dict[str, Any]:
        part: dict[str, Any] = {}
        if element.get("id") is not None:
            part["id"] = element.get("id")
        if element.get(_B + "role") is not None:
            part["role"] = element.get(_B + "role")
        blocks = []
        sections = []
        for child in element:
            tag = child.tag
            if tag == _H + "section":
                sections.append(section(child))
            elif tag in _HEADINGS:
                part["title"] = child.text or ""
            else:
                blocks.append(block(child))
        if blocks:
            part["blocks"] = blocks
        if sections:
            part["sections"] = sections
        return part

    body = root.find(f"{_N}contentSet/{_N}inlineXML/{_H}html/{_H}body")
    out["sections"] = [section(child) for child in body]
    return out


_BLOCK_TAGS = frozenset(
    _H + tag for tag in ("p", "ul", "ol", "blockquote", "aside", "figure", "table")
)
_HEADINGS = frozenset(_H + f"h{level}" for level in range(1, 7))
