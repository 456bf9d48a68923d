"""What briefmodel's own ninjs holds that the brief read from it does not: the document
compared with the one the writer writes for the brief read — its properties, the JSON of
the metadata body and the tree of the XHTML body (:mod:`.._unread`) — each difference a
``ninjs.dropped`` loss at its JSON Pointer. What the reader has reported already is
passed over, and what the document lacks loses nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import orjson
from lxml import etree

from ...errors import ParseError, pointer
from ...model import Brief
from .._safe_xml import BM, XML_NS
from .._safe_xml import parse as parse_xml
from .._unread import named, same
from .._xhtml import XHTML
from ..json import parse as parse_json
from ._vocab import META_ROLE, VERSIONS
from .write import _lowered, _Writer  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from ._body import _Body

_NAME = named({XHTML: "", BM: "bm:", XML_NS: "xml:"})


@attrs.define
class OwnBody:
    """briefmodel's XHTML body as read: its index in ``bodies``, its tree and reader."""

    index: int
    root: etree._Element
    reader: _Body


def unwritten(reader: Any, found: dict[str, Any], brief: Brief) -> None:
    """Losses, on ``reader`` (a ninjs reader), for what ``found`` (briefmodel's own ninjs
    as parsed, before its exact values were applied) holds that the writer does not
    write for ``brief``."""
    standard = found.get(reader.key("standard"))
    version = standard.get("version") if type(standard) is dict else None
    if version not in VERSIONS:
        version = "2.1" if reader.v2 else "3.1"
    document = _Writer(brief, version).document()
    written = _lowered(document) if version.startswith("2") else document
    if _same_json(found, written):  # (the common case: nothing to compare)
        return
    reported = {p.path for p in (*reader.losses, *reader.errors)}
    _Comparison(reader, reported).compare(found, written, ())


class _Comparison:
    def __init__(self, reader: Any, reported: set[str]) -> None:
        self.reader = reader
        self.reported = reported

    def passed_over(self, where: str) -> bool:
        """Whether the reader reported the place, or a place around it, already."""
        while True:
            if where in self.reported:
                return True
            if not where:
                return False
            where = where.rpartition("/")[0]

    def compare(self, found: Any, written: Any, path: tuple[str | int, ...]) -> None:
        where = pointer(path)
        if self.passed_over(where):
            return
        if len(path) == 3 and path[0] == "bodies" and path[2] == "value":
            self.body(found, written, path)
            return
        if type(found) is dict and type(written) is dict:
            for key, value in found.items():
                if key in written:
                    self.compare(value, written[key], (*path, key))
                elif not self.passed_over(pointer((*path, key))):
                    self.reader.lose(pointer((*path, key)), f"the property {key!r}", value)
        elif type(found) is list and type(written) is list:
            for index, value in enumerate(found):
                if index < len(written):
                    self.compare(value, written[index], (*path, index))
                elif not self.passed_over(pointer((*path, index))):
                    self.reader.lose(pointer((*path, index)), "the item", value)
        elif not _equal(found, written):
            self.reader.lose(
                where,
                f"the value {_shown(found)}, which the brief read writes as {_shown(written)}",
                found,
            )

    def body(self, found: Any, written: Any, path: tuple[str | int, ...]) -> None:
        """A body's value: the metadata body by its JSON, the XHTML body by its tree."""
        if found == written:
            return
        where = pointer(path)
        own: OwnBody | None = self.reader.own_body
        if self.reader.meta_at == path[1] and type(written) is str:
            inner = _Comparison(_Inside(self.reader, where), set())
            inner.compare(parse_json(found), parse_json(written), ())
        elif own is not None and own.index == path[1] and type(written) is str:
            body = own.reader
            log = body.losses
            kept, unknown = len(log.kept), set(body.unknown)
            errors, warnings = log.unlisted_errors, log.unlisted_warnings
            try:
                written_root = parse_xml(written)
            except ParseError:  # pragma: no cover - the writer writes XML
                return
            body.lose_unwritten(own.root, written_root, _NAME)
            self.reader.losses.extend(attrs.evolve(p, path=where) for p in log.kept[kept:])
            self.reader.losses.skip("error", log.unlisted_errors - errors)  # and those counted
            self.reader.losses.skip("warning", log.unlisted_warnings - warnings)
            for xpath, text in body.unknown.items():
                if xpath not in unknown:
                    self.reader.unknown[where + xpath] = text
        else:
            self.reader.lose(where, f"the value {_shown(found)}", found)


class _Inside:
    """Losses inside the metadata body, reported at the body's value, the place in its
    JSON named by the message."""

    def __init__(self, reader: Any, where: str) -> None:
        self.reader = reader
        self.where = where

    def lose(self, inner: str, what: str, value: Any) -> None:
        self.reader.lose(
            self.where,
            f"{what} at {inner or '/'} of the metadata body ({META_ROLE})",
            None,
            keep=False,
        )
        if not self.reader.strict:
            self.reader.unknown[self.where + "#" + inner] = value


def _same_json(found: Any, written: Any) -> bool:
    """Whether two JSON values are written alike (and so hold the same, keys in the same
    order, true not 1): orjson's text of each, compared; False where it cannot write one."""
    try:
        return orjson.dumps(found) == orjson.dumps(written)
    except TypeError:  # (orjson.JSONEncodeError: an integer beyond 64 bits)
        return False


def _equal(found: Any, written: Any) -> bool:
    if type(found) is bool or type(written) is bool:
        return found is written
    if type(found) is str and type(written) is str:
        return same(found, written)
    return bool(found == written)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
