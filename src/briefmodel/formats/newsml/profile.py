"""Checking a NewsML-G2 document against an XML Schema, briefmodel's profile
(``schemas/newsml-profile.xsd``) by default, for :func:`briefmodel.validate`."""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree

from ...errors import Problem, ValidationError
from ...model import Brief
from .._safe_xml import BM, Stripped, parse, refuse
from .._xhtml import XHTML
from ._vocab import NAR
from .read import _is_own, _read_item


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of a NewsML-G2 document, for :func:`briefmodel.validate`.

    The document is checked against ``xsd`` (a path to an XSD file or an
    :class:`lxml.etree.XMLSchema`), each problem with its line. Without ``xsd``,
    briefmodel's own items (``generator`` briefmodel) are checked against its NewsML-G2
    profile (:func:`profile_schema`); other producers' items are not, since the profile
    describes what briefmodel writes: what of theirs the model cannot hold is reported as
    losses instead. A document that passes is read leniently, its losses as warnings, but
    for briefmodel's own items: what they hold beyond what the writer writes for the
    brief read is an error, as it is when reading strictly.
    """
    stripped: list[Stripped] = []
    root = parse(data, stripped=stripped)
    if xsd is not None or _is_own(root):
        schema = _schema(xsd)
        try:
            valid = schema.validate(root)
        except etree.Error as error:  # libxml2 gave up: report it, never raise it
            return [refuse("xsd.invalid", f"XML Schema validation failed: {error}").problem], None
        if not valid:
            return [
                Problem(
                    severity="error",
                    code="xsd.invalid",
                    message=_readable(entry.message),
                    line=entry.line or None,
                    column=entry.column or None,
                )
                for entry in schema.error_log  # type: ignore[attr-defined]
            ], None
    try:
        brief, losses = _read_item(root, strict=False, stripped=stripped)
    except ValidationError as error:
        return list(error.problems), None
    if losses and _is_own(root):  # what briefmodel's own item holds beyond the brief
        return [attrs.evolve(p, severity="error") for p in losses], None
    return losses, brief


_PREFIXES = {"{" + NAR + "}": "", "{" + XHTML + "}": "xhtml:", "{" + BM + "}": "bm:"}
_CLARK = re.compile(r"\{[^}]*\}")


def _readable(message: str) -> str:
    """An XML Schema message with namespaces as prefixes instead of {uri}."""
    return _CLARK.sub(lambda m: _PREFIXES.get(m.group(0), m.group(0)), message)


def _schema(xsd: Any) -> etree.XMLSchema:
    if isinstance(xsd, etree.XMLSchema):
        return xsd
    if xsd is None:
        return profile_schema()
    try:
        document = etree.parse(str(xsd), etree.XMLParser(no_network=True, resolve_entities=False))
        return etree.XMLSchema(document)
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        raise refuse("xsd.unusable", f"cannot use the XSD {str(xsd)!r}: {error}") from None


_PROFILE: list[etree.XMLSchema] = []


def profile_schema() -> etree.XMLSchema:
    """briefmodel's NewsML-G2 profile (``schemas/newsml-profile.xsd``): what it writes."""
    if not _PROFILE:
        from importlib.resources import as_file, files

        with as_file(files("briefmodel") / "schemas" / "newsml-profile.xsd") as path:
            _PROFILE.append(_schema(path))
    return _PROFILE[0]
