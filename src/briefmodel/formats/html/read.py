"""The reader: :func:`read` and :func:`examine` parse the page, then read briefmodel's own
page exactly (:mod:`.read_own`) or another page best-effort (:mod:`.read_other`). The
sniffer that tells HTML from other text is in :mod:`briefmodel.formats._sniff`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from lxml import etree

from ... import _options
from ...errors import OptionError, Problem, ValidationError, settle_losses
from ...model import Brief
from .._safe_xml import Stripped
from ._lean import read_own
from ._parse import _class, _parse
from .read_other import _OtherPage
from .read_own import _OwnPage


class _Reader(_OwnPage, _OtherPage):
    """One HTML document being read: briefmodel's own page exactly, other pages as far as
    the model can hold them."""

    def __init__(
        self, root: etree._Element, *, strict: bool, stripped: list[Stripped] | None = None
    ) -> None:
        articles = _own_articles(root)
        article = next(articles, None)
        super().__init__(root, strict=strict, own=article is not None)
        self.article = article
        if article is not None:
            self.restore(article)
            self.lose_stripped(stripped or [], article)
            for other in articles:
                if not any(up is article for up in other.iterancestors("article")):
                    self.lose(other, "another brief's <article> (a page is read as one brief)")


@_options.reader
def read(
    data: str | bytes,
    *,
    strict: bool = True,
    created: datetime | None = None,
    id: str | None = None,
    language: str | None = None,
) -> Brief:
    """Read HTML into a brief (without running the semantic rules).

    briefmodel's own page is read exactly. Other pages are read as far as the model can
    hold them. Strict by default: anything dropped is an error naming its line. With
    ``strict=False`` what is dropped is listed in one
    :class:`~briefmodel.BriefmodelWarning`, and what is unknown in briefmodel's own page
    is kept under ``extensions["briefmodel:unknown"]`` as HTML text, keyed by its XPath.

    Another producer's page read with ``strict=False`` has its article found by
    trafilatura (the ``briefmodel[web]`` extra; without it, a warning) and its fields
    read from its JSON-LD, trafilatura's metadata and its meta tags; each repair (a
    relative link made absolute, a date without its zone…) is a warning at its line.
    ``created``, ``id`` and ``language`` fill what another producer's page does not say;
    a page without a date and without ``created`` is
    :data:`~briefmodel.formats.UNDATED` when read leniently, an error when strictly.
    """
    created = _options.created(created)
    id = _options.optional_text("id", id)
    language = _options.optional_text("language", language)
    root, cut, stripped = _parse(data)
    if (
        strict
        and cut is None
        and not stripped
        and created is None
        and id is None
        and language is None
    ):
        brief = read_own(root, data)  # the lean path, for a page exactly as written
        if brief is not None:
            return brief
    brief, losses = _read(
        root, cut, stripped, strict=strict, created=created, id=id, language=language
    )
    settle_losses(losses, strict=strict)
    return brief


def _read(
    root: etree._Element,
    cut: Problem | None,
    stripped: list[Stripped],
    *,
    strict: bool,
    created: datetime | None = None,
    id: str | None = None,
    language: str | None = None,
) -> tuple[Brief, list[Problem]]:
    """The brief and its losses; :class:`~briefmodel.ValidationError` for what is not
    a brief. A document that libxml2 stopped reading early has lost what follows the cut."""
    reader = _Reader(root, strict=strict, stripped=stripped)
    if cut is not None:
        reader.losses.append(
            Problem(
                severity="error" if strict else "warning",
                code=reader.loss_code,
                message=cut.message,
                line=cut.line,
                column=cut.column,
            )
        )
    brief = (
        reader.own_brief(reader.article)
        if reader.article is not None
        else reader.other_brief(created=created, id=id, language=language)
    )
    return brief, sorted(reader.losses, key=lambda problem: problem.line or 0)


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of an HTML page, for :func:`briefmodel.validate`.

    briefmodel's own page is read strictly: whatever it holds that the writer does not
    write is an error. Other pages are read leniently: what the model cannot hold is
    reported as warnings (losses), each with its line, and the brief read is checked.
    """
    if xsd is not None:
        raise OptionError("xsd", "applies to XML documents, not to html")
    root, cut, stripped = _parse(data)
    try:
        own = next(_own_articles(root), None) is not None
        brief, losses = _read(root, cut, stripped, strict=own)
    except ValidationError as error:
        return list(error.problems), None
    if any(p.severity == "error" for p in losses):
        return losses, None
    return losses, brief


def _own_articles(root: etree._Element) -> Iterator[etree._Element]:
    """The ``article`` elements briefmodel wrote: the page is its own if it has one."""
    return (a for a in root.iter("article") if "brief" in _class(a) and a.get("data-id"))
