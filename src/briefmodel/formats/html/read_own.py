"""Reading briefmodel's own page: the exact attribute values in ``data-exact`` and the
characters in ``<span class="char">`` put back, then the brief read from the ``data-*``
attributes of its ``article``, header and footer; and whatever else the ``article``
holds, found by comparing it with the one the writer writes for the brief read
(:mod:`.._unread`), a loss."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import attrs
from lxml import etree

from ... import _patterns
from ...errors import ParseError, ValidationError
from ...model import Agent, Brief, Correction, Entity, Related, Rights, Section, Source, Subject
from ...rules import allowed_schemes, url_scheme
from .._safe_xml import local_name, where
from ..json import parse as parse_json
from ._escape import _UNWRITABLE
from ._parse import _class, _parser, _time_of
from .read_blocks import UNKNOWN_KEY, _BlockReader
from .write import _Page


def _json(value: str) -> tuple[Any, str | None]:
    """The JSON value of an attribute, read as strictly as canonical JSON (no NaN, no key
    twice, no number beyond a double); None, and why, when it is not such JSON."""
    try:
        return parse_json(value), None
    except (ParseError, ValidationError) as error:
        return None, error.problems[0].message


def _written(brief: Brief, article: etree._Element) -> etree._Element:
    """The ``article`` the writer writes for ``brief``, parsed and restored as the page's
    was: what the page holds beyond it is lost by reading. Its links use the schemes the
    page's links use, so that a page written with other ``url_schemes`` compares equal."""
    schemes = {
        url_scheme(value)
        for element in article.iter()
        for value in (element.get("href"), element.get("src"))
        if value
    }
    text = _Page(brief, page_schemes(schemes)).article()
    root = etree.fromstring(text.encode("utf-8"), _parser())
    written = next(root.iter("article"))
    _OwnPage(root, strict=True, own=True).restore(written)
    return written


def page_schemes(schemes: set[str | None]) -> frozenset[str]:
    """The URL schemes a page's links may use, from the schemes of its ``href`` and
    ``src`` values: as the page was written, its links compare equal."""
    return allowed_schemes(s for s in schemes if s)


#: The JSON types of briefmodel's ``data-*`` attributes that hold JSON.
_JSON_KINDS: dict[type, str] = {list: "a JSON array", dict: "a JSON object"}


class _OwnPage(_BlockReader):
    """Reading briefmodel's own page exactly: what the writer could not write as it is put
    back first, then the ``article``'s header, sections and footer with their ``data-*``
    attributes."""

    def restore(self, article: etree._Element) -> None:
        """Put back what the writer could not write as it is: the exact attribute values
        in ``data-exact`` and the characters named by ``<span class="char">``."""
        for element in list(article.iter()):
            exact = element.get("data-exact")
            if exact is not None:
                del element.attrib["data-exact"]
                values, _ = _json(exact)
                if not isinstance(values, dict):
                    self.lose(
                        element,
                        "a data-exact that is not a JSON object",
                        keep=False,
                        part="@data-exact",
                    )
                    values = {}
                for name, value in values.items():
                    if (
                        not isinstance(value, str)
                        or name == "data-exact"
                        or not re.fullmatch("[a-z][a-z0-9-]*", name)
                    ):
                        self.lose_exact(element, name)
                        continue
                    try:
                        element.set(name, value)
                    except ValueError:  # a name or a character XML cannot hold
                        self.lose_exact(element, name)
            if element.tag == "span" and element.get("data-char") is not None:
                self.restore_char(element)

    def lose_exact(self, element: etree._Element, name: str) -> None:
        """The exact value of the attribute ``name`` in ``data-exact``, which cannot be
        put back: what the attribute holds instead is lost with it."""
        what = f"the exact value {name[:40]!r} in data-exact"
        self.lose(element, what, keep=False, part=f"@{name}")

    def restore_char(self, span: etree._Element) -> None:
        code = span.get("data-char", "")
        number = int(code, 16) if re.fullmatch("[0-9A-F]{1,6}", code) else -1
        char = chr(number) if 0 <= number <= 0x10FFFF else ""
        parent = span.getparent()
        if (
            "char" not in _class(span)
            or len(char) != 1
            or not _UNWRITABLE.fullmatch(char)
            or _patterns.NOT_XML_CHAR.match(char)
            or len(span)
            or span.text
            or parent is None
        ):
            self.lose(span, f"a character reference <span data-char={code[:10]!r}>", keep=False)
            return
        for key, found in span.attrib.items():  # what the writer never writes on it
            name, value = str(key), str(found)
            if name != "data-char" and (name != "class" or value != "char"):
                shown = f"{name}={value[:60]!r}"
                self.lose(span, f"the attribute {shown} of <span>", keep=False, part=f"@{name}")
        text = char + (span.tail or "")
        previous = span.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(span)

    def json(self, element: etree._Element, name: str, kind: type) -> Any:
        """The value of a ``data-*`` attribute that holds JSON of the type ``kind``; None
        (and a loss) when it holds anything else."""
        value = element.get(name)
        if value is None:
            return None
        parsed, why = _json(value)
        if isinstance(parsed, kind):
            return parsed
        self.lose(
            element,
            f"the {name} of <{local_name(element.tag)}> ({value[:40]!r})",
            keep=False,
            part=f"@{name}",
            problem=f"is not {_JSON_KINDS.get(kind, 'JSON')}" + (f" ({why})" if why else ""),
        )
        if not self.strict:
            self.unknown[f"{where(element, positions=self.positions)}/@{name}"] = value
        return None

    def own_brief(self, article: etree._Element) -> Brief:
        fields: dict[str, Any] = {
            "id": article.get("data-id"),
            "version": self.integer(article, "data-version") or 1,
            "status": article.get("data-status", "usable"),
            "urgency": self.integer(article, "data-urgency"),
            "genre": article.get("data-genre"),
            "keywords": self.json(article, "data-keywords", list) or (),
            "extensions": self.json(article, "data-extensions", dict) or {},
            "language": article.get("lang", "en"),
        }
        sections: list[Section] = []
        for child in article:
            if child.tag == "header":
                self.own_header(child, fields)
            elif child.tag == "section":
                sections.append(self.section(child))
            elif child.tag == "footer":
                self.own_footer(child, fields)
            else:
                self.lose_element(child)
        fields["sections"] = sections
        if fields.get("headline") is None:  # (no creation date: the brief is undated)
            what = "headline (an <h1> in its <header>)"
            self.fail(article, "schema.required", f"the brief's <article> has no {what}")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        brief: Brief | None = self.build(article, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        self.lose_unwritten(article, _written(brief, article), local_name)
        if self.unknown:
            extensions = {**brief.extensions, UNKNOWN_KEY: self.unknown}
            brief = attrs.evolve(brief, extensions=extensions)
        return brief

    def own_header(self, header: etree._Element, fields: dict[str, Any]) -> None:
        for child in header:
            classes = _class(child)
            if child.tag == "h1":
                fields["headline"] = self.plain(child)
            elif "subheadline" in classes:
                fields["subheadline"] = self.plain(child)
            elif "byline" in classes:
                fields["authors"] = [
                    self.agent(a) for a in child.iter("span") if "author" in _class(a)
                ]
            elif "dates" in classes:
                for time in child.iter("time"):
                    name = {
                        "created": "created",
                        "updated": "updated",
                        "embargo-until": "embargo_until",
                    }.get(time.get("data-field", ""))
                    if name:
                        fields[name] = self.time(time)
            elif "corrections" in classes:
                fields["corrections"] = [self.correction(li) for li in child.iter("li")]
            elif "status" in classes:
                continue
            else:
                self.lose_element(child)

    def correction(self, li: etree._Element) -> Correction | None:
        note = next((s for s in li.iter("span") if "note" in _class(s)), None)
        time = next(li.iter("time"), None)
        return self.build(  # type: ignore[no-any-return]
            li,
            Correction,
            signal=li.get("data-signal"),
            note=self.plain(note) if note is not None else "",
            date=self.time(time) if time is not None else None,
        )

    def agent(self, element: etree._Element) -> Agent | None:
        name = next((self.plain(s) for s in element.iter("span") if "name" in _class(s)), "")
        return self.build(  # type: ignore[no-any-return]
            element,
            Agent,
            name=name,
            uri=element.get("data-uri"),
            role=element.get("data-role"),
            affiliation=element.get("data-affiliation"),
        )

    def own_footer(self, footer: etree._Element, fields: dict[str, Any]) -> None:
        for child in footer:
            classes = _class(child)
            items = list(child.iter("li"))
            if "sources" in classes:
                fields["sources"] = [self.source(li) for li in items]
            elif "entities" in classes:
                fields["entities"] = [
                    self.build(
                        li,
                        Entity,
                        id=li.get("data-entity-id"),
                        kind=li.get("data-kind"),
                        name=self.plain(next(li.iter("span"), li)),
                        aliases=self.json(li, "data-aliases", list) or (),
                        identifiers=self.json(li, "data-identifiers", dict) or {},
                    )
                    for li in items
                ]
            elif "subjects" in classes:
                fields["subjects"] = [
                    self.build(
                        li,
                        Subject,
                        code=li.get("data-code"),
                        uri=li.get("data-uri"),
                        name=li.get("data-name"),
                        relevance=self.integer(li, "data-relevance"),
                        confidence=self.integer(li, "data-confidence"),
                    )
                    for li in items
                ]
            elif "related" in classes:
                fields["related"] = [
                    self.build(
                        li,
                        Related,
                        url=li.get("data-url"),
                        rel=li.get("data-rel"),
                        title=li.get("data-title"),
                    )
                    for li in items
                ]
            elif "publisher" in classes:
                span = next((s for s in child.iter("span") if "publisher" in _class(s)), None)
                fields["publisher"] = self.agent(span) if span is not None else None
            elif "rights" in classes:
                fields["rights"] = self.build(
                    child,
                    Rights,
                    holder=child.get("data-holder"),
                    notice=child.get("data-notice"),
                    license_url=child.get("data-license-url"),
                    usage_terms=child.get("data-usage-terms"),
                )
            else:
                self.lose_element(child)

    def source(self, li: etree._Element) -> Source | None:
        times = {t.get("data-field"): self.time(t) for t in li.iter("time")}
        title = next((self.plain(c) for c in li.iter("cite")), "")
        return self.build(  # type: ignore[no-any-return]
            li,
            Source,
            id=li.get("data-source-id"),
            title=title,
            url=li.get("data-url"),
            publisher=li.get("data-publisher"),
            published=times.get("published"),
            accessed=times.get("accessed"),
            reliability=li.get("data-reliability"),
            credibility=self.integer(li, "data-credibility"),
        )

    def integer(self, element: etree._Element, name: str) -> int | None:
        """The integer in the attribute ``name``; None, and a loss, when it holds none."""
        value = element.get(name)
        if value is None:
            return None
        if re.fullmatch("-?[0-9]{1,4300}", value):  # int() takes other digits and "1_0"
            return int(value)  # (the model refuses what is beyond its bounds)
        self.lose(
            element,
            f"the {name} {value[:40]!r} of <{local_name(element.tag)}>",
            keep=False,
            part=f"@{name}",
            problem="is not an integer",
        )
        return None

    def time(self, element: etree._Element) -> datetime | None:
        """The date-time of a ``<time datetime>``; None, and a loss, when it is not one."""
        value = element.get("datetime")
        found = _time_of(element)
        if found is None:
            self.lose(
                element,
                f"the date-time {(value or '')[:40]!r} of <{local_name(element.tag)}>",
                keep=False,
                part="@datetime",
                problem=f"is not {_patterns.DATETIME.description}",
            )
        return found
