"""The ninjs reader: briefmodel's own ninjs back to an equal brief, other producers'
ninjs 1.x, 2.x and 3.x (one object, or a JSON array of them) as far as the model can hold
it, what it cannot hold a ``ninjs.dropped`` loss with its JSON Pointer; and sniffing."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

import attrs
import orjson

from ... import _options
from ...errors import (
    OptionError,
    ParseError,
    Problem,
    ProblemLog,
    ValidationError,
    pointer,
    settle_losses,
    tell,
)
from ...migrations import model_version
from ...model import Brief, Section
from .._agency import ID_HASHED, ITEM_PASSED_OVER, NONE, Fallbacks, repair
from .._ids import hashed_id
from ..json import parse as parse_json
from ..json.read import parse_lenient
from ._base import _json_type
from ._body import _html_text
from ._envelope import Envelope
from ._lean import read_own
from ._lenient import _Lenient
from ._mapping import _Mapping
from ._meta import checked
from ._unread import unwritten
from ._vocab import (
    _CAMEL,
    _KIND_OF,
    _ONLY_V3,
    _TEXT_KEYS,
    KEY_POINT_ROLE,
    META_ROLE,
    META_TYPE,
    SUB_ROLES,
    UNKNOWN_KEY,
    _v2,
)

__all__ = ["examine", "read", "read_all"]


def _copied(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of parsed JSON, by orjson (ten times faster than ``copy.deepcopy``), or by
    ``copy.deepcopy`` where orjson cannot write it (an integer beyond 64 bits)."""
    try:
        return orjson.loads(orjson.dumps(document))  # type: ignore[no-any-return]
    except TypeError:  # (orjson.JSONEncodeError)
        return copy.deepcopy(document)


class _Reader(_Mapping, _Lenient):
    """One ninjs document being read: the document's own properties, in the order it
    gives them, each by its rule (those of the lists and bodies are inherited)."""

    #: The envelope the document was found in (an API's answer), if any.
    envelope: Envelope | None = None

    def brief(self) -> Brief:
        self.find_meta()
        found = _copied(self.doc) if self.own else None  # as it was, for unwritten()
        if self.own:
            self.apply_exact()
        fields = self.fields
        if self.repairs:
            self.pass_over_empty()
        if not self.own:
            self.fallback_headline()
        self.fallback_id()
        for key, value in self.doc.items():
            if key in self.used:
                continue
            name = _CAMEL.get(key, key) if self.v2 else key
            handler = _TOP.get(name)
            if handler is None or (name in _ONLY_V3 and self.v2 != (key != name)):
                self.lose(pointer((key,)), f"the property {key!r}", value)
            else:
                handler(self, value)
        self.dates()
        self.picture()
        if self.repairs:
            self.pass_over_teaser()
        if "headline" not in fields:
            self.headline_from_body()
        if "language" not in fields and self.fallbacks.language is not None:
            fields["language"] = self.fallbacks.language
        if "headline" not in fields:
            self.fail((), "schema.required", "the document has no headline")
        if "id" not in fields and not self.repairs:
            self.fail((), "schema.required", "the document has no uri")
        # (without firstCreated, contentCreated or versionCreated the brief is undated)
        self.from_meta()
        fields.setdefault("sections", (Section(),))
        fields.pop("_by", None)
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        try:
            brief = Brief(**fields) if "id" in fields else Brief(id=_PENDING, **fields)
        except ValueError as error:  # ModelError
            path = getattr(error, "path", ())
            code = getattr(error, "code", "schema.type")
            self.errors.append(
                Problem(severity="error", code=code, message=str(error), path=pointer(path))
            )
            raise ValidationError(self.errors + self.losses) from None
        if "id" not in fields:
            brief = self.hashed(brief)
        if found is not None:
            unwritten(self, found, brief)
        if self.unknown:
            brief = attrs.evolve(brief, extensions={**brief.extensions, UNKNOWN_KEY: self.unknown})
        return brief

    def hashed(self, brief: Brief) -> Brief:
        """A brief read leniently from a document with no id at all (no uri, no guid, no
        ``id=``): named by a hash of its headline, date and text."""
        ident = hashed_id(HASHED_ID_PREFIX, brief.headline, brief.created, brief.plain_text())
        message = f"the document has no uri nor guid: it is named {ident!r}, a hash of its text"
        self.repair((), ID_HASHED, message)
        return attrs.evolve(brief, id=ident)

    def find_meta(self) -> None:
        for index, body in self.items("bodies"):
            if body.get("role") == META_ROLE and body.get(self.key("contentType")) == META_TYPE:
                value = self.typed(body.get("value"), str, ("bodies", index, "value"))
                if value is None:
                    return
                try:
                    meta = parse_json(value)
                except ParseError as error:
                    self.fail(("bodies", index, "value"), error.problem.code, error.problem.message)
                    return
                if self.typed(meta, dict, ("bodies", index, "value")) is not None:
                    meta, problems = checked(meta)
                    for inner, shape in problems:
                        self.fail(
                            ("bodies", index, "value"),
                            "ninjs.meta",
                            f"{inner} of the metadata body is not {shape}",
                        )
                    self.meta, self.meta_at, self.own = meta, index, True
                return

    def apply_exact(self) -> None:
        exact = self.meta.get("exact", {})
        for where, value in exact.items() if type(exact) is dict else ():
            parts: list[str | int] = [
                int(p) if p.isdigit() else p.replace("~1", "/").replace("~0", "~")
                for p in where.split("/")[1:]
            ]
            node: Any = self.doc
            try:
                for part in parts[:-1]:
                    node = node[self.key(part) if type(part) is str else part]
                last = parts[-1]
                node[self.key(last) if type(last) is str else last] = value
            except (KeyError, IndexError, TypeError):
                self.fail(("bodies", self.meta_at or 0, "value"), "ninjs.meta", f"no {where}")

    def uri(self, value: Any) -> None:
        value = self.typed(value, str, ("uri",))
        if value is not None:
            self.fields["id"] = value

    def object_type(self, value: Any) -> None:
        if value != "text":
            self.lose(
                ("type",),
                f"the object type {value!r}",
                value,
                problem="is not 'text'",
                instead=("reads it as text", "is read as text"),
            )

    def representation(self, value: Any) -> None:
        if value != "full":
            self.lose(("representationType",), f"the representation type {value!r}", value)

    def version(self, value: Any) -> None:
        value = self.typed(value, str, ("version",))
        if value is None:
            return
        if re.fullmatch("[0-9]{1,4300}", value) and int(value) >= 1:
            self.fields["version"] = int(value)  # (the model refuses what is beyond its bounds)
        else:
            what = f"the version {value!r}"
            self.lose(("version",), what, value, problem="is not a whole number of at least 1")

    def stamp(self, name: str, value: Any) -> None:
        self.fields["_" + name] = self.time(value, name)

    def dates(self) -> None:
        fields = self.fields
        first = fields.pop("_firstCreated", None)
        version = fields.pop("_versionCreated", None)
        content = fields.pop("_contentCreated", None)
        embargo = fields.pop("_embargoedUntil", None)
        if embargo is not None:
            fields["embargo_until"] = embargo
        created = first or content or version
        if created is not None:
            fields["created"] = created
        else:
            self.undated()
        if content is not None and created is not content and content != created:
            self.lose(
                ("contentCreated",),
                "a contentCreated other than firstCreated",
                self.doc.get(self.key("contentCreated")),
            )
        if version is not None and created is not version:
            if version >= created:
                fields["updated"] = version
            else:
                self.lose(
                    ("versionCreated",),
                    "a versionCreated before firstCreated",
                    self.doc.get(self.key("versionCreated")),
                )

    def status(self, value: Any) -> None:
        if value in ("usable", "withheld", "canceled"):
            self.fields["status"] = value
        else:
            self.fail(("pubStatus",), "schema.enum", f"{value!r} is not a publication status")

    def urgency(self, value: Any) -> None:
        value = self.typed(value, int, ("urgency",))
        if value is not None and 1 <= value <= 9:
            self.fields["urgency"] = value
        elif value is not None:
            self.lose(("urgency",), f"the urgency {value!r}", value, problem="is not from 1 to 9")

    def language(self, value: Any) -> None:
        value = self.typed(value, str, ("language",))
        if value is not None:
            self.fields["language"] = value

    def rights_field(self, name: str, field: str, value: Any) -> None:
        value = self.typed(value, str, (name,))
        if value is not None and (self.own or value.strip()):
            self.fields.setdefault("_rights", {})[field] = value

    def rights_info(self, value: Any) -> None:
        if self.typed(value, dict, ("rightsInfo",)) is None:
            return
        link = self.get(value, "linkedRights", str, "rightsInfo")
        if link is not None:
            self.fields.setdefault("_rights", {})["license_url"] = link
        self.rest(value, frozenset({"linkedRights"}), "rightsInfo")

    def lost(self, name: str, value: Any) -> None:
        if value not in ("", [], {}):
            self.lose((name,), f"the property {self.key(name)!r}", value)

    def standard(self, value: Any) -> None:
        if type(value) is not dict or value.get("name") != "ninjs":
            self.lose(("standard",), "a standard other than ninjs", value)

    def headlines(self, value: Any) -> None:
        for index, item in self.items("headlines"):
            role = item.get("role")
            text = self.get(item, "value", str, "headlines", index)
            if text is None:
                continue
            if role in SUB_ROLES and "subheadline" not in self.fields:
                self.fields["subheadline"] = text if self.own else text.strip()
            elif role in (None, "main") and "headline" not in self.fields:
                self.fields["headline"] = self.text(text)
            elif "headline" not in self.fields and not self.own:
                self.fields["headline"] = self.text(text)
                self.lose(("headlines", index, "role"), f"the headline role {role!r}", role)
            else:
                self.lose(("headlines", index), f"the headline {text[:60]!r}", item)
                continue
            self.rest(item, _TEXT_KEYS, "headlines", index)

    def descriptions(self, value: Any) -> None:
        for index, item in self.items("descriptions"):
            role = item.get("role")
            text = self.get(item, "value", str, "descriptions", index)
            if text is None:
                continue
            if role == KEY_POINT_ROLE and self.own:
                continue
            if index == self.headline_from:
                self.rest(item, _TEXT_KEYS, "descriptions", index)
                continue
            kind = item.get(self.key("contentType")) or "text/plain"
            if "subheadline" not in self.fields and role != KEY_POINT_ROLE and not self.own:
                if "html" in str(kind) or "xml" in str(kind):
                    text = _html_text(text)
                if text.strip():
                    self.fields["subheadline"] = " ".join(text.split())
                    self.subheadline_at = index
                    self.rest(item, _TEXT_KEYS, "descriptions", index)
                    continue
            self.lose(("descriptions", index), f"the description {text[:60]!r}", item)


_TOP: dict[str, Callable[[_Reader, Any], None]] = {
    "uri": _Reader.uri,
    "type": _Reader.object_type,
    "representationType": _Reader.representation,
    "version": _Reader.version,
    "firstCreated": lambda r, v: r.stamp("firstCreated", v),
    "versionCreated": lambda r, v: r.stamp("versionCreated", v),
    "contentCreated": lambda r, v: r.stamp("contentCreated", v),
    "embargoedUntil": lambda r, v: r.stamp("embargoedUntil", v),
    "pubStatus": _Reader.status,
    "urgency": _Reader.urgency,
    "copyrightHolder": lambda r, v: r.rights_field("copyrightHolder", "holder", v),
    "copyrightNotice": lambda r, v: r.rights_field("copyrightNotice", "notice", v),
    "usageTerms": lambda r, v: r.rights_field("usageTerms", "usage_terms", v),
    "rightsInfo": _Reader.rights_info,
    "language": _Reader.language,
    "standard": _Reader.standard,
    "headlines": _Reader.headlines,
    "descriptions": _Reader.descriptions,
    "by": _Reader.by,
    **{prop: (lambda p: lambda r, v: r.entities(p, v))(prop) for prop in _KIND_OF},
    "subjects": _Reader.subjects,
    "infoSources": _Reader.info_sources,
    "genres": _Reader.genres,
    "associations": _Reader.associations,
    "bodies": _Reader.bodies,
    "renditions": lambda r, v: None,  # read by _Reader.picture, after the bodies
    **{
        name: (lambda n: lambda r, v: r.lost(n, v))(name)
        for name in (
            "profile",
            "edNote",
            "slugline",
            "title",
            "located",
            "altIds",
            "trustIndicators",
            "expires",
            "eventDetails",
            "plannedCoverage",
            "digitalSourceType",
        )
    },
}
_NESTED = (
    "role",
    "contentType",
    "value",
    "charCount",
    "wordCount",
    "name",
    "rel",
    "uri",
    "literal",
    "contactInfo",
    "geoJSON",
    "symbols",
    "creator",
    "relevance",
    "confidence",
    "linkedRights",
    "encodedRights",
    "langId",
    "headlines",
    "type",
)
_CAMEL.update({_v2(name): name for name in (*_TOP, *_NESTED)})

#: The id of a document read leniently that gives none: this prefix and a hash of its
#: headline, date and text (:func:`briefmodel.formats._ids.hashed_id`).
HASHED_ID_PREFIX = "urn:briefmodel:ninjs:sha256:"
_PENDING = "urn:briefmodel:ninjs:pending"


def _settle(brief: Brief, losses: Iterable[Problem], strict: bool) -> Brief:
    settle_losses(losses, strict=strict)
    return brief


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Brief:
    """Read a ninjs 1.x, 2.x or 3.x news object into a brief (without the semantic rules).

    Strict by default: anything the model cannot hold is an error. With
    ``strict=False`` it is dropped with a :class:`~briefmodel.BriefmodelWarning`, and
    kept under ``extensions["briefmodel:unknown"]`` by its JSON Pointer. Reading other
    producers' documents with ``strict=False`` also repairs what it can, each repair a
    ``repair.…`` warning at its pointer: a document without a headline takes its
    ``title``, else its ``slugline``, else its first description (as reading strictly
    does, without a word), else the first sentence of its body; empty strings are passed
    over; a document without a ``uri`` is identified by its ``guid``; dates are read in
    any common spelling (``+0000``, no seconds, a space for the ``T``; without a time
    zone as UTC, a date alone as its midnight); an object where an array is expected is
    read as an array of it; a document with no date at all (an event) is dated
    :data:`~briefmodel.formats.UNDATED`; a key given twice is read by its last value; a
    value that plainly is of the type expected (``"version": 3``) is converted; an API's
    answer wrapping one ninjs object is read as that object; and a document with no id
    at all is named by a hash of its headline, date and text.

    ``id``, ``created`` and ``language`` fill what the document does not say: its
    ``uri``, its date (``firstCreated``, ``contentCreated``, ``versionCreated``) and its
    ``language``; when the document says, they are not used.
    """
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    if strict and fallbacks == NONE:
        brief = read_own(data)  # the lean path, for a document exactly as briefmodel writes it
        if brief is not None:
            return brief
    doc, parsed = _parsed(data, strict=strict)
    reader = _checked_reader(doc, strict=strict, fallbacks=fallbacks)
    return _settle(_brief(reader), [*parsed, *reader.losses], strict)


@_options.reader
def read_all(
    data: str | bytes,
    *,
    strict: bool = True,
    id: str | None = None,
    created: datetime | None = None,
    language: str | None = None,
) -> Iterator[Brief]:
    """Each news object of a JSON array of ninjs objects (or the one object), in order,
    each read as by :func:`read` (``id``, ``created`` and ``language`` for every object
    that does not say).

    Reading strictly, the first object that cannot be read raises, its problems' JSON
    Pointers starting with its index. With ``strict=False`` an object that cannot be
    read (no headline…) is passed over with a :class:`~briefmodel.BriefmodelWarning`
    (``repair.item-passed-over``, at its index) that says why; if no object can be read, a
    :class:`~briefmodel.ValidationError` says why of each (never zero briefs in silence).
    """
    fallbacks = Fallbacks.checked(id=id, created=created, language=language)
    doc, parsed = _parsed(data, strict=strict)
    if type(doc) is not list:
        reader = _checked_reader(doc, strict=strict, fallbacks=fallbacks)
        yield _settle(_brief(reader), [*parsed, *reader.losses], strict)
        return
    if parsed:
        tell(parsed, "read")
    why: list[Problem] = []
    count = 0
    for index, item in enumerate(doc):
        try:
            reader = _checked_reader(item, strict=strict, fallbacks=fallbacks)
            brief = _brief(reader)
        except (ParseError, ValidationError) as error:
            moved = [_moved(p, index) for p in error.problems]
            if strict and isinstance(error, ParseError):
                raise ParseError(moved[0]) from None
            if strict:
                raise ValidationError(moved) from None
            reasons = [p for p in moved if p.severity == "error"] or moved
            why.extend(reasons)
            shown = "; ".join(str(p) for p in reasons)
            message = f"ninjs object {index} passed over: {shown}"
            passed = repair(ITEM_PASSED_OVER, message, path=f"/{index}")
            tell([passed], "read", said=str(passed))
            continue
        losses = [_moved(p, index) for p in reader.losses]
        count += 1
        yield _settle(brief, losses, strict)
    if not strict and count == 0:
        raise ValidationError(why or [_NO_OBJECT])


#: Why an empty array of ninjs objects gives no brief (reading leniently).
_NO_OBJECT = Problem(
    severity="error", code="schema.min-items", message="the array holds no ninjs object"
)


def _moved(problem: Problem, index: int) -> Problem:
    """A problem of the ``index``th object of an array, its pointer from the array's."""
    return attrs.evolve(problem, path=f"/{index}{problem.path or ''}")


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a ninjs document, for :func:`briefmodel.validate`.

    briefmodel's own documents (those with its metadata body) are read strictly: what
    they hold that the writer does not write is an error. Other producers' documents are
    read leniently: what the model cannot hold is reported as ``ninjs.dropped`` warnings,
    each with its JSON Pointer, and the brief read is checked by the rules.
    """
    if xsd is not None:
        raise OptionError("xsd", "applies to XML documents, not to ninjs")
    doc, parsed = _parsed(data, strict=False)
    reader = _checked_reader(doc, strict=False)
    try:
        brief = _brief(reader)
    except ValidationError as error:
        return [*parsed, *error.problems], None
    if reader.own and (reader.losses or parsed):
        return [attrs.evolve(p, severity="error") for p in [*parsed, *reader.losses]], None
    return [*parsed, *reader.losses], brief


def _parsed(data: str | bytes, *, strict: bool) -> tuple[Any, list[Problem]]:
    """The JSON value of ``data``, and (read leniently) the repairs of parsing it: a key
    given twice is read by its last value (``repair.duplicate-key``)."""
    return (parse_json(data), []) if strict else parse_lenient(data)


def _checked_reader(doc: Any, *, strict: bool, fallbacks: Fallbacks = NONE) -> _Reader:
    if type(doc) is not dict:
        hint = "; read an array of them with load_all" if type(doc) is list else ""
        raise ParseError(
            Problem(
                severity="error",
                code="parse.not-ninjs",
                message=f"a ninjs document is a JSON object, not {_json_type(doc)}{hint}",
            )
        )
    if model_version(doc) is not None:  # "briefmodel/N", any N
        raise ParseError(
            Problem(
                severity="error",
                code="parse.not-ninjs",
                message="this is briefmodel's canonical JSON; read it with format='json'",
                path="/schema",
            )
        )
    envelope = None if strict else Envelope.of(doc)
    reader = _Reader(doc if envelope is None else envelope.item, strict=strict, fallbacks=fallbacks)
    reader.envelope = envelope
    return reader


def _brief(reader: _Reader) -> Brief:
    envelope = reader.envelope
    try:
        if envelope is None:
            return reader.brief()
        try:
            brief = reader.brief()
        except ValidationError as error:
            raise ValidationError(envelope.moved(error.problems)) from None
        losses = reader.losses
        reader.losses = ProblemLog()
        reader.losses.extend([*envelope.repairs(), *envelope.moved(losses)])
        return brief
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ) from None
