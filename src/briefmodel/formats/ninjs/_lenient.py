"""The ninjs reader's fallbacks and repairs: a headline for a document that has none, the
id, date and language a document does not give, and (reading other producers' documents
leniently) empty strings passed over; each repair a ``repair.…`` warning at its JSON
Pointer (see :mod:`briefmodel.formats._agency`)."""

from __future__ import annotations

import re
from typing import Any

from ...errors import pointer
from ...model import ListItem, Paragraph, Quote, plain_text, walk
from .. import UNDATED
from .._agency import (
    EMPTY,
    HEADLINE_FROM,
    ID_FROM_GUID,
    UNDATED_CODE,
    first_paragraph,
    first_sentence,
)
from ._base import _ARRAYS
from ._body import _Bodies

#: The array properties whose objects' empty strings are passed over: every array but the
#: bodies (their values are read as they are: an empty body is an empty section) and the
#: renditions (which hold media, not text).
_WITH_EMPTY_STRINGS = _ARRAYS - {"bodies", "renditions"}


#: The blocks whose text a description is compared with.
_TEXT_BLOCKS = (Paragraph, Quote, ListItem)
#: Words, as a description and a body are compared.
_WORDS = re.compile(r"\w+")


class _Lenient(_Bodies):
    """The reader's fallbacks (for every document) and repairs (``strict=False``)."""

    #: The index of the description read as the subheadline, if one is.
    subheadline_at: int | None = None

    def pass_over_teaser(self) -> None:
        """A description read as the subheadline that only repeats the start of the body
        (a teaser cut from its lead, its last word perhaps cut too) is not read twice:
        it is a loss."""
        at, sub = self.subheadline_at, self.fields.get("subheadline")
        if at is None or sub is None:
            return
        words = _WORDS.findall(sub.casefold())
        body = _WORDS.findall(_start(self.fields.get("sections", ()), len(sub) * 2).casefold())
        count = len(words)
        if count < 4 or len(body) < count or body[: count - 1] != words[:-1]:
            return
        if not body[count - 1].startswith(words[-1]):
            return
        del self.fields["subheadline"]
        item = self.doc[self.key("descriptions")][at]
        what = f"the description {sub[:60]!r}"
        self.lose(("descriptions", at), what, item, problem="repeats the start of the body")

    def pass_over_empty(self) -> None:
        """Reading leniently, the empty (or blank) strings of the document's properties,
        and of the objects of its arrays, are passed over as if absent, each with a
        warning at its pointer."""
        doc = dict(self.doc)
        for key, value in self.doc.items():
            if type(value) is str and not value.strip():
                del doc[key]
                self.empty((key,))
            elif key in _WITH_EMPTY_STRINGS and type(value) is list:
                doc[key] = [
                    self.without_empty(item, key, index) for index, item in enumerate(value)
                ]
        self.doc = doc

    def without_empty(self, item: Any, key: str, index: int) -> Any:
        if type(item) is not dict:
            return item
        blank = [k for k, v in item.items() if type(v) is str and not v.strip()]
        for name in blank:
            self.empty((key, index, name))
        return {k: v for k, v in item.items() if k not in blank} if blank else item

    def empty(self, path: tuple[str | int, ...]) -> None:
        """The warning of an empty string passed over; ``path`` as the document spells it."""
        where = pointer(path)
        self.repair(
            self.in_v1(where) if self.origin else where, EMPTY, "the empty string is passed over"
        )

    def fallback_headline(self) -> None:
        """For a document with no headline (events, pictures): its ``title``, else its
        ``slugline``, else its first description; a repair when reading leniently."""
        headlines = self.doc.get("headlines")
        if type(headlines) is list and any(
            type(h) is dict and type(h.get("value")) is str and h["value"].strip()
            for h in headlines
        ):
            return
        for name in ("title", "slugline"):
            value = self.doc.get(name)
            if type(value) is str and value.strip():
                self.fields["headline"] = " ".join(value.split())
                self.used.add(name)
                self.said_headline(name, (name,), self.fields["headline"])
                return
        found = self.first_description()
        if found is not None:
            self.headline_from, self.fields["headline"] = found
            where = ("descriptions", found[0], "value")
            self.said_headline("description", where, found[1])

    def said_headline(self, source: str, path: tuple[str | int, ...], text: str) -> None:
        if self.repairs:
            what = "the first sentence of its body" if source == "body" else f"its {source}"
            message = f"the document has no headline: {what}, {text[:60]!r}, is read as one"
            self.repair(path, HEADLINE_FROM[source], message)

    def headline_from_body(self) -> None:
        """Reading leniently a document with nothing else to name it: the first sentence of
        its body's first paragraph as its headline."""
        text = first_paragraph(self.fields.get("sections", ()))
        if text is None or not self.repairs:
            return
        self.fields["headline"] = first_sentence(text)
        where = ("bodies", self.body_at, "value") if self.body_at is not None else ("bodies",)
        self.said_headline("body", where, self.fields["headline"])

    def fallback_id(self) -> None:
        """A document without a ``uri``: reading leniently, its ``guid`` (which some
        producers write instead; no ninjs schema has it), else the ``id=`` given."""
        if self.key("uri") in self.doc:
            return
        guid = self.doc.get("guid")
        if self.repairs and type(guid) is str and guid.strip():
            self.fields["id"] = guid
            self.used.add("guid")
            message = f"the document has no uri: its guid {guid[:60]!r} is read as its id"
            self.repair(("guid",), ID_FROM_GUID, message)
        elif self.fallbacks.id is not None:
            self.fields["id"] = self.fallbacks.id

    def undated(self) -> None:
        """A document with no date: ``created=`` if given, else (reading leniently)
        undated."""
        if self.fallbacks.created is not None:
            self.fields["created"] = self.fallbacks.created
        elif self.repairs:
            self.fields["created"] = UNDATED
            message = (
                "the document has no date (no firstCreated, contentCreated or "
                "versionCreated): it is read as undated; give created= to date it"
            )
            self.repair((), UNDATED_CODE, message)


def _start(sections: Any, enough: int) -> str:
    """The text of the first paragraphs of ``sections``, at least ``enough`` characters
    of it if there are."""
    parts: list[str] = []
    length = 0
    for section in sections:
        for _, node in walk(section):
            if type(node) in _TEXT_BLOCKS:
                parts.append(plain_text(node.content))
                length += len(parts[-1]) + 1
                if length >= enough:
                    return " ".join(parts)
    return " ".join(parts)
