"""The NewsML-G2 reader's dates and fallbacks, and its repairs: the dates an item gives,
the id, date and language it does not give, and (reading other producers' items
leniently) a headline from elsewhere, empty elements passed over, dates in any common
spelling, and a newsMessage's items that cannot be read passed over; each repair a
``repair.…`` warning at its line (see :mod:`briefmodel.formats._agency`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

import attrs
from lxml import etree

from ..._converter import Invalid, parse_datetime
from ..._dates import read_date
from ...errors import ParseError, Problem, Severity, ValidationError, tell
from ...model import Brief, Section
from ...rules import url_scheme
from .. import UNDATED
from .._agency import (
    EMPTY,
    HEADLINE_FROM,
    ID_HASHED,
    ITEM_PASSED_OVER,
    UNDATED_CODE,
    Fallbacks,
    assumed,
    first_paragraph,
    first_sentence,
    repair,
)
from .._ids import hashed_id
from .._safe_xml import TEXT, line_of, local_name
from .._xhtml import BodyReader
from ._vocab import _B, _N

#: The id of an item read leniently that gives none: this prefix and a hash of its
#: headline, date and text (:func:`briefmodel.formats._ids.hashed_id`).
HASHED_ID_PREFIX = "urn:briefmodel:newsml:sha256:"
_PENDING = "urn:briefmodel:newsml:pending"

#: Where a headline is looked for, in order, when an item has none: (the fallback, the
#: metadata element, the element in it).
_HEADLINE_SOURCES = (
    ("title", "itemMeta", "title"),
    ("slugline", "contentMeta", "slugline"),
    ("description", "contentMeta", "description"),
)


class _Repairs(BodyReader):
    """How the item reader reads dates, what it does for what an item does not say, and
    how it repairs an item."""

    #: The fields of the brief being read.
    fields: dict[str, Any]
    #: What the caller gives for what the item does not say (id=, created=, language=).
    fallbacks: Fallbacks
    #: Whether what can be repaired is (other producers' items, read leniently).
    repairs: bool
    #: The <title>, <slugline> or <description> read as the headline, if any.
    headline_source: etree._Element | None

    def web_address(self, guid: Any) -> str | None:
        """The item's guid when it is a web address and the item is read leniently: what
        the relative links of its body are read against (``repair.link-resolved``)."""
        web = self.repairs and isinstance(guid, str) and url_scheme(guid) in ("http", "https")
        return guid if web else None

    def repair(self, element: etree._Element, code: str, message: str) -> None:
        """Report a repair (a warning with its ``repair.`` code) at ``element``'s line."""
        if self.losses.room():
            self.losses.append(repair(code, message, line=line_of(element)))
        else:
            self.losses.skip("warning")

    def empty(self, element: etree._Element) -> bool:
        """Whether ``element`` is an empty one that is passed over (with a warning):
        only when repairing, and for elements with no text."""
        if not self.repairs or self.text(element).strip():
            return False
        self.repair(element, EMPTY, f"the empty <{local_name(element.tag)}> is passed over")
        return True

    def time(self, element: etree._Element) -> datetime | None:
        text = element.get(_B + "written") or (element.text or "").strip()
        try:
            return parse_datetime(text)
        except Invalid:
            pass
        if self.repairs:
            return None if self.empty(element) else self.loose_time(element, text)
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?", text)
        if match is None:
            self.fail(element, "datetime.invalid", f"{text[:40]!r} is not a date-time")
            return None
        self.lose(
            element,
            f"the date-time {text!r} of <{local_name(element.tag)}>",
            keep=False,
            part=TEXT,
            problem="has no time zone",
            instead=("reads it as UTC", "is read as UTC"),
        )
        year, month, day, hour, minute, second = (int(p or 0) for p in match.groups()[:6])
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
        except ValueError:
            self.fail(element, "datetime.invalid", f"{text!r} is not a valid date")
            return None

    def time_attribute(self, element: etree._Element, value: str | None) -> datetime | None:
        if value is None:
            return None
        try:
            return parse_datetime(value)
        except Invalid as error:
            if self.repairs:
                return self.loose_time(element, value)
            self.fail(element, error.code, error.message)
            return None

    def loose_time(self, element: etree._Element, text: str) -> datetime | None:
        """``text`` read as a date in any common spelling (:func:`~briefmodel._dates.read_date`),
        what that assumed a repair at ``element``; None, and an error, if it is no date."""
        reading = read_date(text)
        if reading is None:
            self.fail(element, "datetime.invalid", f"{text[:40]!r} is not a date-time")
            return None
        if reading.repair is not None:
            said = assumed(reading.repair, text, f" of <{local_name(element.tag)}>")
            self.repair(element, reading.repair, said)
        return reading.value

    def guid(self) -> str | None:
        """The item's guid, else the ``id=`` given (an empty guid is passed over when
        repairing), else (repairing) a hash of the item, once it is read (see
        :meth:`named`)."""
        guid = self.root.get("guid")
        if guid is not None and not guid.strip() and self.repairs:
            self.repair(self.root, EMPTY, "the empty guid of the <newsItem> is passed over")
            guid = None
        if guid is None and self.fallbacks.id is None and self.repairs:
            return _PENDING
        return self.fallbacks.id if guid is None else guid

    def named(self, brief: Brief) -> Brief:
        """An item read leniently with no guid and no ``id=``: named by a hash of its
        headline, date and text."""
        if brief.id != _PENDING:
            return brief
        ident = hashed_id(HASHED_ID_PREFIX, brief.headline, brief.created, brief.plain_text())
        message = f"the <newsItem> has no guid: it is named {ident!r}, a hash of its text"
        self.repair(self.root, ID_HASHED, message)
        return attrs.evolve(brief, id=ident)

    def language_and_dates(self, language: str | None) -> None:
        """The item's language (``xml:lang`` as given, else contentMeta's, else
        ``language=``) and its dates: ``created`` from ``firstCreated``, else
        ``contentCreated``, else ``versionCreated``, else ``created=`` (or, repairing,
        UNDATED); ``updated`` from ``versionCreated`` when it is another time (repairing,
        a later one: one before ``firstCreated`` is a loss, ``firstCreated`` kept)."""
        fields = self.fields
        if language is None:
            language = fields.pop("_language", None)
        fields.pop("_language", None)
        if language is None:
            language = self.fallbacks.language
        if language is not None:
            fields["language"] = language
        if "created" not in fields:
            for key in ("_content_created", "_version_created"):
                if fields.get(key) is not None:
                    fields["created"] = fields[key]
                    break
        if "created" not in fields:
            self.undated()
        created = fields.get("created")
        if self.repairs and created and fields.get("updated") and fields["updated"] < created:
            del fields["updated"]
            self.before_created(fields["_modified_at"])
        if "updated" not in fields and not self.own:
            version_created = fields.get("_version_created")
            if self.repairs and created and version_created and version_created < created:
                self.before_created(fields["_version_at"])
            elif version_created is not None and version_created != created:
                fields["updated"] = version_created

    def before_created(self, element: etree._Element) -> None:
        """Reading leniently, a <contentModified> or <versionCreated> before the item was
        created (clocks that disagree) is no update: a loss, the creation date kept (as
        the ninjs reader does)."""
        said = f"a <{local_name(element.tag)}> ({element.text!r}) before the item's creation"
        self.lose(element, said)

    def undated(self) -> None:
        """An item with no date: ``created=`` if given, else (repairing) undated."""
        if self.fallbacks.created is not None:
            self.fields["created"] = self.fallbacks.created
        elif self.repairs:
            self.fields["created"] = UNDATED
            message = (
                "the item has no date (no firstCreated, contentCreated or versionCreated): "
                "it is read as undated; give created= to date it"
            )
            self.repair(self.root, UNDATED_CODE, message)

    def headline_fallback(self) -> None:
        """An item whose headlines are missing or empty: its headline from itemMeta's
        ``title``, else contentMeta's ``slugline``, else its first ``description`` (that
        element is then not read as anything else)."""
        root = self.root
        meta = root.find(_N + "contentMeta")
        headlines = () if meta is None else meta.iterchildren(_N + "headline")
        if any(self.text(h).strip() for h in headlines):
            return
        for source, parent, name in _HEADLINE_SOURCES:
            for element in root.iterfind(f"{_N}{parent}/{_N}{name}"):
                text = " ".join(self.text(element).split())
                if text:
                    self.headline_source = element
                    self.fields["headline"] = text
                    self.repair(
                        element,
                        HEADLINE_FROM[source],
                        f"the item has no headline: its <{name}> {text[:60]!r} is read as one",
                    )
                    return

    def headline_from_body(self, content: etree._Element, sections: tuple[Section, ...]) -> None:
        """An item with no headline nor anything else naming it: the first sentence of
        its first paragraph, at the line of the body's first paragraph."""
        text = first_paragraph(sections)
        if text is None:
            return
        headline = first_sentence(text)
        self.fields["headline"] = headline
        at = _first_p(content)
        message = f"the item has no headline: the first sentence of its body, {headline[:60]!r}, is"
        self.repair(at, HEADLINE_FROM["body"], message + " read as one")


def _first_p(content: etree._Element) -> etree._Element:
    """The first ``<p>`` with text under ``content`` (the contentSet), else ``content``."""
    for element in content.iter("{*}p"):
        if any(text.strip() for text in element.itertext() if isinstance(text, str)):
            return element
    return content


def not_a_news_item(item: etree._Element, severity: Severity) -> Problem:
    """The problem of an item of a newsMessage that is not a news item (a package)."""
    return Problem(
        severity=severity,
        code="newsml.dropped",
        message=f"a <{local_name(item.tag)}> in the newsMessage is not a news item",
        line=line_of(item),
    )


def read_leniently(
    root: etree._Element, read_item: Callable[[etree._Element], Brief]
) -> Iterator[Brief]:
    """The items of the newsMessage ``root`` that ``read_item`` can read, each that it
    cannot a ``repair.item-passed-over`` warning; a ValidationError, saying why of each, if
    none can."""
    why: list[Problem] = []
    count = 0
    for index, item in enumerate(root.iterfind(f"{_N}itemSet/*")):
        try:
            if item.tag != _N + "newsItem":
                raise ValidationError([not_a_news_item(item, "error")])
            brief = read_item(item)
        except (ParseError, ValidationError) as error:
            reasons = [p for p in error.problems if p.severity == "error"] or list(error.problems)
            why.extend(attrs.evolve(p, message=f"item {index}: {p.message}") for p in reasons)
            shown = "; ".join(str(p) for p in reasons)
            where = f"item {index} (<{local_name(item.tag)}>, line {line_of(item)})"
            message = f"{where} of the newsMessage is passed over: {shown}"
            passed = repair(ITEM_PASSED_OVER, message, line=line_of(item))
            tell([passed], "read", said=str(passed))
            continue
        count += 1
        yield brief
    if count == 0:
        if not why:
            why.append(
                Problem(
                    severity="error",
                    code="schema.required",
                    message="the newsMessage holds no item in its itemSet",
                    line=line_of(root),
                )
            )
        raise ValidationError(why)
