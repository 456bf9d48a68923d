"""The core properties of a Word file (docProps/core.xml: title, author, subject,
keywords, language, dates, identifier, category …), written from a brief and read back
as a foreign document's metadata."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from ...model import Brief

#: The namespaces of the core properties' elements.
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
#: How authors are joined in dc:creator, and split again.
AUTHOR_SEPARATOR = "; "
KEYWORD_SEPARATOR = ", "


def write_core(properties: Any, brief: Brief) -> None:
    """Fill python-docx's ``core_properties`` from ``brief`` (every value from the brief,
    none from the template or the clock)."""
    properties.title = brief.headline
    properties.subject = brief.subheadline or ""
    properties.author = AUTHOR_SEPARATOR.join(author.name for author in brief.authors)
    properties.keywords = KEYWORD_SEPARATOR.join(brief.keywords)
    properties.language = brief.language
    properties.identifier = brief.id
    properties.category = brief.genre or ""
    properties.content_status = brief.status
    properties.comments = ""
    properties.last_modified_by = ""
    properties.revision = brief.version
    properties.version = str(brief.version)
    element = properties._element
    for name, when in (("created", brief.created), ("modified", brief.updated or brief.created)):
        if when is None:  # an undated brief: no date rather than the template's
            for found in element.findall(f"{{{_DCTERMS}}}{name}"):
                element.remove(found)
        else:
            setattr(properties, name, when.astimezone(timezone.utc).replace(tzinfo=None))


#: A W3C date-time as core properties hold them: a date, a time, an offset or Z.
_W3CDTF = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(Z|[+-]\d{2}:\d{2})?)?)?)?\s*$"
)


def read_core(document: Any) -> dict[str, Any]:
    """The core properties of a document as raw values by name (texts, and dates as
    aware datetimes in UTC when they say no zone, or None when they are not dates)."""
    element = document.core_properties._element
    found: dict[str, Any] = {}
    names = {
        "title": _DC,
        "subject": _DC,
        "creator": _DC,
        "description": _DC,
        "language": _DC,
        "identifier": _DC,
        "keywords": _CP,
        "category": _CP,
        "contentStatus": _CP,
    }
    for name, namespace in names.items():
        child = element.find(f"{{{namespace}}}{name}")
        if child is not None and child.text and child.text.strip():
            found[name] = " ".join(child.text.split())
    for name in ("created", "modified"):
        child = element.find(f"{{{_DCTERMS}}}{name}")
        if child is not None and child.text:
            found[name] = parse_date(child.text.strip())
    return found


def parse_date(text: str) -> datetime | None:
    """A W3CDTF date-time (``2026-03-02T09:00:00Z``); UTC when it gives no offset; None
    when it is not one."""
    match = _W3CDTF.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        when = datetime(
            int(year),
            int(month or 1),
            int(day or 1),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=timezone.utc,
        )
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        offset = sign * (int(zone[1:3]) * 60 + int(zone[4:6]))
        when = when.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return when
