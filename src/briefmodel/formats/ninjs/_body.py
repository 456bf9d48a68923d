"""The ninjs reader's bodies: briefmodel's own XHTML body exactly, other producers'
HTML, XHTML and plain-text bodies leniently (nothing fetched, no entity expanded), and a
picture item without a body as a figure of its rendition."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

import attrs
from lxml import etree
from lxml import html as lxml_html

from ...errors import ParseError
from ...model import Figure, Paragraph, Section
from ...rules import url_scheme
from .._safe_xml import BM, XML_ID, Stripped
from .._safe_xml import parse as parse_xml
from .._xhtml import XHTML, BodyReader
from ._base import _ReaderBase
from ._unread import OwnBody
from ._vocab import _BODY_KEYS, _RENDITION_KEYS, KEY_POINT_ROLE

_H = "{" + XHTML + "}"
_B = "{" + BM + "}"
_LINKABLE = re.compile(r"(?:https?:|mailto:)", re.IGNORECASE)
_WEB = re.compile(r"https?://[^/\s]+", re.IGNORECASE)
#: The code of a relative link read against the item's address.
LINK_RESOLVED = "repair.link-resolved"


class _Body(BodyReader):
    loss_code = "ninjs.dropped"
    plain_namespaces = (_H,)


def _html_text(value: str) -> str:
    root = _foreign_html(value)
    return "" if root is None else "".join(root.itertext())  # type: ignore[arg-type]


_HTML_PARSER = lxml_html.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True
)


def _foreign_html(value: str) -> etree._Element | None:
    """Another producer's HTML or XHTML body: as XML when it is well-formed, else as
    HTML. Either way nothing is fetched and no entity is expanded."""
    start = value.lstrip()[:9].lower()
    candidates = [value] if start.startswith(("<html", "<?xml")) else ["<div>" + value + "</div>"]
    for text in candidates:
        try:
            return parse_xml(text)
        except ParseError:
            pass
    if not value.strip():
        return None
    try:
        if start.startswith(("<html", "<!doctype", "<?xml")):
            return lxml_html.document_fromstring(value, parser=_HTML_PARSER)
        fragment: etree._Element = lxml_html.fragment_fromstring(
            value, create_parent="div", parser=_HTML_PARSER
        )
        return fragment
    except (etree.ParserError, ValueError):
        return None


class _Bodies(_ReaderBase):
    """The reader's rules for ``bodies``, ``renditions`` and the first description."""

    def first_description(self) -> tuple[int, str] | None:
        """The index and plain text of the first description that has text."""
        for index, item in self.items("descriptions"):
            value = item.get("value")
            if type(value) is not str or item.get("role") == KEY_POINT_ROLE:
                continue
            kind = str(item.get(self.key("contentType")) or "")
            text = " ".join(
                (_html_text(value) if "html" in kind or "xml" in kind else value).split()
            )
            if text:
                return index, text
        return None

    def picture(self) -> None:
        """A picture without a body: a section holding a figure of its ``main`` (else
        ``preview``) rendition, an http(s) image, its first description the alt text.
        Other renditions, and every rendition of an item with a body, are losses."""
        value = self.doc.get("renditions")
        if value in (None, [], {}):
            return
        renditions = self.items("renditions")
        described = self.first_description()
        chosen = None
        if "sections" not in self.fields and described is not None and not self.own:
            named = {item.get("name"): (index, item) for index, item in reversed(renditions)}
            for name in ("main", "preview"):
                index, item = named.get(name, (-1, {}))
                if self.is_image(item):
                    figure = self.build(
                        ("renditions", index), Figure, item, src=item["href"], alt=described[1]
                    )
                    if figure is not None:
                        chosen = index
                        self.fields["sections"] = (Section(blocks=(figure,)),)
                        self.rest(item, _RENDITION_KEYS, "renditions", index)
                        break
        if chosen is None:
            what = "the renditions" + (
                " (a picture without a body needs an http(s) image rendition named main"
                " or preview, and a description for its alt text)"
                if "sections" not in self.fields
                else ""
            )
            self.lose(("renditions",), what, value)
            return
        for index, item in renditions:
            if index != chosen:
                self.lose(("renditions", index), f"another rendition ({item.get('name')})", item)

    def is_image(self, rendition: dict[str, Any]) -> bool:
        """Whether a rendition is an image with an http(s) href: by its content type,
        else by the item's type."""
        href = rendition.get("href")
        if type(href) is not str or not re.match(r"https?://", href, re.IGNORECASE):
            return False
        kind = rendition.get(self.key("contentType"))
        if kind is not None:
            return str(kind).startswith("image/")
        return self.doc.get("type") in ("picture", "graphic")

    def bodies(self, value: Any) -> None:
        chosen: tuple[int, dict[str, Any], bool] | None = None
        rank = -1
        others: list[tuple[int, dict[str, Any]]] = []
        for index, item in self.items("bodies"):
            if index == self.meta_at:
                continue
            kind = str(item.get(self.key("contentType")) or "")
            role = str(item.get("role") or "")
            rich = any(w in kind or w in role for w in ("html", "xml")) and "nitf" not in role
            # HTML or XHTML first, then plain text, then what is read as neither (NITF)
            mine = 2 if rich else 0 if "nitf" in (kind + role).lower() and not self.own else 1
            if type(item.get("value")) is not str:
                self.typed(item.get("value"), str, ("bodies", index, "value"), convert=False)
            elif chosen is None or mine > rank:
                if chosen is not None:
                    others.append(chosen[:2])
                chosen, rank = (index, item, rich), mine
            else:
                others.append((index, item))
        others.sort(key=lambda other: other[0])
        for index, item in others:
            what = item.get(self.key("contentType")) or item.get("role") or "untyped"
            self.lose(("bodies", index), f"another body ({what})", None, keep=False)
        if chosen is None:
            return
        index, item, rich = chosen
        self.body_at = index
        self.rest(
            item,
            _BODY_KEYS,
            "bodies",
            index,
        )
        if rich:
            self.fields["sections"] = self.rich_body(item["value"], ("bodies", index, "value"))
        else:
            paragraphs = [p for p in re.split(r"\n\s*\n", item["value"]) if p.strip()]
            headline = self.fields.get("headline")
            if paragraphs and not self.own and " ".join(paragraphs[0].split()) == headline:
                del paragraphs[0]  # the headline repeated atop the body
            self.fields["sections"] = (
                Section(blocks=[Paragraph(content=" ".join(p.split())) for p in paragraphs]),
            )

    def rich_body(self, value: str, path: tuple[str | int, ...]) -> tuple[Section, ...]:
        where = self.at(*path)
        root: etree._Element | None
        stripped: list[Stripped] = []
        if self.own:
            try:
                root = parse_xml(value, stripped=stripped)
            except ParseError as error:
                raise ParseError(attrs.evolve(error.problem, path=where)) from None
        else:
            root = _foreign_html(value)
            if root is None:
                return (Section(),)
            self.check_links(root, path)
        reader = _Body(root, strict=self.strict, own=self.own)
        reader.headline = self.fields.get("headline")
        if self.own:
            reader.lose_stripped(stripped, root)
            self.own_body = OwnBody(int(path[1]), root, reader)  # compared once the brief is read
            reader.mentions = {
                span.get(XML_ID, ""): span.get(_B + "ref", "")
                for span in root.iter(_H + "span")
                if span.get(_B + "ref") is not None
            }
        sections = reader.xml_body(root)
        self.losses.extend(attrs.evolve(p, path=where) for p in reader.losses)
        self.errors.extend(attrs.evolve(p, path=where) for p in reader.errors)
        for xpath, text in reader.unknown.items():
            self.unknown[where + xpath] = text
        return tuple(sections) or (Section(),)

    def check_links(self, root: etree._Element, path: tuple[str | int, ...]) -> None:
        """Other producers' relative links and images: read leniently against the item's
        ``uri`` when that is a web address (``repair.link-resolved``); else their text is
        kept, the link lost."""
        uri = self.doc.get(self.key("uri"))
        base = uri if self.repairs and isinstance(uri, str) and _WEB.match(uri) else None
        for element in root.iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            name = tag.rpartition("}")[2]
            attribute = "href" if name == "a" else "src" if name == "img" else None
            if attribute is None or element.get(attribute) is None:
                continue
            target = element.get(attribute, "")
            if base is not None and url_scheme(target) is None and not target.startswith("#"):
                resolved = urljoin(base, target)
                element.set(attribute, resolved)
                said = f"the relative {attribute} {target[:60]!r} is read against the item's uri"
                self.repair(path, LINK_RESOLVED, f"{said}, as {resolved[:80]!r}")
                continue
            if not _LINKABLE.match(target):
                self.lose(
                    path, f"the relative or unsafe {attribute} {target[:60]!r}", None, keep=False
                )
                del element.attrib[attribute]
