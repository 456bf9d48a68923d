"""The ninjs reader: briefmodel's own ninjs back to an equal brief, other producers'
ninjs 1.x, 2.x and 3.x (one object, or a JSON array of them) as far as the model can hold
it, what it cannot hold a ``ninjs.dropped`` loss with its JSON Pointer; and sniffing."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from ... import _options
from ...errors import (
    OptionError,
    ParseError,
    Problem,
    ValidationError,
    pointer,
    settle_losses,
    warn,
)
from ...migrations import model_version
from ...model import Brief, Section
from ..json import parse as parse_json
from ._base import _json_type
from ._body import _Bodies, _html_text
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

__all__ = ["examine", "read", "read_all", "sniff"]


class _Reader(_Mapping, _Bodies):
    """One ninjs document being read: the document's own properties, in the order it
    gives them, each by its rule (those of the lists and bodies are inherited)."""

    def brief(self) -> Brief:
        self.find_meta()
        found = copy.deepcopy(self.doc) if self.own else None  # as it was, for unwritten()
        if self.own:
            self.apply_exact()
        fields = self.fields
        if not self.own:
            self.fallback_headline()
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
        if "headline" not in fields:
            self.fail((), "schema.required", "the document has no headline")
        if "id" not in fields:
            self.fail((), "schema.required", "the document has no uri")
        # (without firstCreated, contentCreated or versionCreated the brief is undated)
        self.from_meta()
        fields.setdefault("sections", (Section(),))
        fields.pop("_by", None)
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        try:
            brief = Brief(**fields)
        except ValueError as error:  # ModelError
            path = getattr(error, "path", ())
            code = getattr(error, "code", "schema.type")
            self.errors.append(
                Problem(severity="error", code=code, message=str(error), path=pointer(path))
            )
            raise ValidationError(self.errors + self.losses) from None
        if found is not None:
            unwritten(self, found, brief)
        if self.unknown:
            brief = attrs.evolve(brief, extensions={**brief.extensions, UNKNOWN_KEY: self.unknown})
        return brief

    def fallback_headline(self) -> None:
        """For a document with no headline (events, pictures): its ``title``, else its
        ``slugline``, else its first description."""
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
                return
        found = self.first_description()
        if found is not None:
            self.headline_from, self.fields["headline"] = found

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
        if self.typed(value, str, ("uri",)) is not None:
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
        if self.typed(value, str, ("version",)) is None:
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
        if self.typed(value, str, ("language",)) is not None:
            self.fields["language"] = value

    def rights_field(self, name: str, field: str, value: Any) -> None:
        if self.typed(value, str, (name,)) is not None and (self.own or value.strip()):
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


def _settle(brief: Brief, losses: Iterable[Problem], strict: bool) -> Brief:
    settle_losses(losses, strict=strict)
    return brief


@_options.reader
def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Read a ninjs 1.x, 2.x or 3.x news object into a brief (without the semantic rules).

    Strict by default: anything the model cannot hold is an error. With
    ``strict=False`` it is dropped with a :class:`~briefmodel.BriefmodelWarning`, and
    kept under ``extensions["briefmodel:unknown"]`` by its JSON Pointer.
    """
    reader = _reader(data, strict=strict)
    return _settle(_brief(reader), reader.losses, strict)


@_options.reader
def read_all(data: str | bytes, *, strict: bool = True) -> Iterator[Brief]:
    """Each news object of a JSON array of ninjs objects (or the one object), in order.

    Reading strictly, the first object that cannot be read raises, its problems' JSON
    Pointers starting with its index. With ``strict=False`` an object that cannot be
    read (no headline, no date…) is passed over with a
    :class:`~briefmodel.BriefmodelWarning` that says why.
    """
    doc = parse_json(data)
    if type(doc) is not list:
        reader = _checked_reader(doc, strict=strict)
        yield _settle(_brief(reader), reader.losses, strict)
        return
    for index, item in enumerate(doc):
        try:
            reader = _checked_reader(item, strict=strict)
            brief = _brief(reader)
        except (ParseError, ValidationError) as error:
            moved = [attrs.evolve(p, path=f"/{index}{p.path or ''}") for p in error.problems]
            if strict and isinstance(error, ParseError):
                raise ParseError(moved[0]) from None
            if strict:
                raise ValidationError(moved) from None
            shown = "; ".join(str(p) for p in moved if p.severity == "error")
            warn(f"ninjs object {index} passed over: {shown}")
            continue
        losses = [attrs.evolve(p, path=f"/{index}{p.path or ''}") for p in reader.losses]
        yield _settle(brief, losses, strict)


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a ninjs document, for :func:`briefmodel.validate`.

    briefmodel's own documents (those with its metadata body) are read strictly: what
    they hold that the writer does not write is an error. Other producers' documents are
    read leniently: what the model cannot hold is reported as ``ninjs.dropped`` warnings,
    each with its JSON Pointer, and the brief read is checked by the rules.
    """
    if xsd is not None:
        raise OptionError("xsd", "applies to XML documents, not to ninjs")
    reader = _reader(data, strict=False)
    try:
        brief = _brief(reader)
    except ValidationError as error:
        return list(error.problems), None
    if reader.own and reader.losses:
        return [attrs.evolve(p, severity="error") for p in reader.losses], None
    return list(reader.losses), brief


def _reader(data: str | bytes, *, strict: bool) -> _Reader:
    """A reader of the ninjs object in ``data``; ParseError if it is not one."""
    return _checked_reader(parse_json(data), strict=strict)


def _checked_reader(doc: Any, *, strict: bool) -> _Reader:
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
    return _Reader(doc, strict=strict)


def _brief(reader: _Reader) -> Brief:
    try:
        return reader.brief()
    except RecursionError:
        raise ParseError(
            Problem(
                severity="error", code="parse.too-deep", message="the document nests too deeply"
            )
        ) from None


def sniff(text: str) -> bool:
    """True when the text looks like a ninjs object rather than canonical JSON."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] != "{" or re.search(r'"schema"\s*:\s*"briefmodel/', head):
        return False
    return (
        re.search(r'"(?:uri|headlines|bodies|versionCreated|versioncreated)"\s*:', head) is not None
    )
