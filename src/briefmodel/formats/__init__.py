"""The format registry: every format is a module with the same pair of functions.

A format module defines ``read(text, *, strict=True) -> Brief`` and
``write(brief, **options) -> str``, and a module-level :class:`Format` named
``FORMAT`` that registers them by name, file suffixes and content sniffing (and, where
the format has more to say, ``read_all`` and ``examine``).
Third-party formats plug in through the ``briefmodel.formats`` entry-point group: the
entry point names a :class:`Format` object.

A built-in format's package is imported when the format is first used (read, written,
or taken with :func:`by_name`), not when it is looked up or detected: the registry knows
the built-in formats' names, suffixes, media types and sniffers (in ``_sniff``) without
them, so that ``import briefmodel`` and the command line import only what they use.

Each built-in format is a subpackage (``briefmodel.formats.json``, ``.newsml``, ``.ninjs``,
``.html``, ``.markdown``, ``.text``, ``.jsonl``, the feeds ``.atom``, ``.rss``,
``.jsonfeed``, ``.pdf`` and ``.docx``) whose ``__init__`` holds ``FORMAT`` and its public
names, with the two directions in ``read.py`` and ``write.py`` (PDF is written, not read:
:attr:`Format.write_only`). ``bm.formats`` is this module, and
calling it lists the registered names, so both ``bm.formats()`` and
``import briefmodel.formats.json`` work:

>>> import briefmodel as bm
>>> bm.formats()  # doctest: +NORMALIZE_WHITESPACE
('json', 'newsml', 'html', 'ninjs', 'text', 'markdown', 'jsonl', 'atom', 'rss', 'jsonfeed',
 'pdf', 'docx')
>>> import briefmodel.formats.json as json_format
>>> json_format.FORMAT.name
'json'
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from datetime import datetime
from pathlib import Path

import attrs

from .._options import format_name
from ..errors import OptionError, ParseError, Problem
from ..model import Brief
from . import _sniff

__all__ = ["UNDATED", "Format", "by_name", "detect", "formats", "mismatch"]

#: The creation date of a brief read from a document that has none (plain text, Markdown
#: written by people, another producer's page) when the reader is given no ``created=``:
#: none. Such a brief is *undated*, and every writer leaves its date out rather than
#: inventing one (NewsML-G2, whose items must carry a date, refuses to write it).
UNDATED: datetime | None = None


@attrs.frozen(kw_only=True)
class Format:
    """A registered format: its name, suffixes, media type and its reader and writer."""

    name: str
    suffixes: tuple[str, ...]
    media_type: str
    read: Callable[..., Brief]
    #: Returns the document: text, or bytes for a format whose documents are not text
    #: (:attr:`binary`).
    write: Callable[..., str | bytes]
    sniff: Callable[[str], bool]
    description: str = ""
    #: Reads every brief of a document that can hold several (a NewsML-G2 newsMessage);
    #: formats without it hold one brief per document.
    read_all: Callable[..., Iterator[Brief]] | None = None
    #: Reports every problem of a document for :func:`briefmodel.validate`, beyond what
    #: reading finds (an XML Schema check with line numbers, losses as warnings):
    #: ``examine(data, xsd=None) -> (problems, brief or None)``.
    examine: Callable[..., tuple[list[Problem], Brief | None]] | None = None
    #: What writing a brief in this format drops, as ``*.dropped`` warnings with JSON
    #: Pointers, for formats that cannot hold every brief (plain text):
    #: ``losses(brief) -> [Problem]``. Formats that hold every brief have none.
    losses: Callable[[Brief], list[Problem]] | None = None
    #: Writes many briefs into one document, as they come (JSON Lines):
    #: ``write_all(briefs) -> iterator of bytes``, for :func:`briefmodel.dump_all`.
    write_all: Callable[[Iterable[Brief]], Iterator[bytes]] | None = None
    #: Whether ``read_all`` takes an open binary file, which it reads as it goes, rather
    #: than the document's bytes: :func:`briefmodel.load_all` then holds one brief in
    #: memory at a time, whatever the file's size.
    streams: bool = False
    #: Whether its documents are made to hold many briefs (JSON Lines, a feed): such a
    #: file is read when it is named (:func:`briefmodel.load_all` reads every brief of
    #: it), but not picked from a folder of briefs by the command line, where a folder
    #: holds a brief per file (and where a feed written there would be read again).
    many: bool = False
    #: Whether its documents are bytes, not text (a PDF, a Word file): ``write`` returns
    #: bytes and ``read`` takes them. :func:`briefmodel.dumpb` and :func:`briefmodel.dump`
    #: write such a format; :func:`briefmodel.dumps`, which returns text, refuses it.
    binary: bool = False
    #: Whether briefmodel writes the format but does not read it (a PDF, which holds the
    #: brief as laid-out pages, not as its structure): ``read`` raises a
    #: :class:`~briefmodel.ParseError` (``format.write-only``) that says so, and
    #: :func:`detect` still tells such a document by its suffix or its content, so that
    #: ``bm.load`` says why it cannot read it.
    write_only: bool = False


@attrs.frozen(kw_only=True)
class _Builtin:
    """A built-in format before its package is imported: what detecting and listing
    formats need (its name, suffixes, media type, description and sniffer), so that a
    format's reader and writer, and what they import (lxml, markdown-it-py …), are
    imported only when the format is used."""

    name: str
    suffixes: tuple[str, ...]
    media_type: str
    description: str
    #: The format's sniffer from :mod:`._sniff`; None: the package's own, imported to sniff
    #: (canonical JSON's, whose package is imported with briefmodel anyway).
    sniffer: Callable[[str], bool] | None = None
    #: As :attr:`Format.streams`.
    streams: bool = False
    #: As :attr:`Format.many`.
    many: bool = False
    #: As :attr:`Format.write_only`.
    write_only: bool = False

    def sniff(self, head: str) -> bool:
        """Whether the beginning of a document is in this format."""
        if self.sniffer is None:
            return _registry()[self.name].sniff(head)
        return self.sniffer(head)

    def load(self) -> Format:
        """The format, its package imported."""
        found: Format = importlib.import_module(f"{__name__}.{self.name}").FORMAT
        return found


#: The built-in formats as the registry knows them before they are used, in registry
#: order (each package's ``FORMAT`` says the same: tests/formats/test_registry.py).
_BUILTINS = (
    _Builtin(
        name="json",
        suffixes=(".json",),
        media_type="application/json",
        description="briefmodel canonical JSON (lossless)",
    ),
    _Builtin(
        name="newsml",
        suffixes=(".xml", ".newsml"),
        media_type="application/vnd.iptc.g2.newsitem+xml",
        description="IPTC NewsML-G2 2.35 newsItem (lossless for what briefmodel writes)",
        sniffer=_sniff.newsml,
    ),
    _Builtin(
        name="html",
        suffixes=(".html", ".htm"),
        media_type="text/html",
        description="HTML5 page (lossless for what briefmodel writes)",
        sniffer=_sniff.html,
    ),
    _Builtin(
        name="ninjs",
        suffixes=(".ninjs", ".ninjs.json", ".json"),
        media_type="application/ninjs+json",
        description="IPTC ninjs 3.1 or 2.1 news object (lossless for what briefmodel writes)",
        sniffer=_sniff.ninjs,
    ),
    _Builtin(
        name="text",
        suffixes=(".txt", ".text"),
        media_type="text/plain",
        description="plain text in the layout of a web brief (lossy: see the fidelity table)",
        sniffer=_sniff.text,
    ),
    _Builtin(
        name="markdown",
        suffixes=(".md", ".markdown"),
        media_type="text/markdown",
        description="CommonMark with a front matter (lossless for what briefmodel writes)",
        sniffer=_sniff.markdown,
    ),
    _Builtin(
        name="jsonl",
        suffixes=(".jsonl", ".ndjson"),
        media_type="application/jsonl",
        description="JSON Lines: one canonical JSON brief per line, read and written as a stream",
        sniffer=_sniff.jsonl,
        streams=True,
        many=True,
    ),
    _Builtin(
        name="atom",
        suffixes=(".atom", ".xml"),
        media_type="application/atom+xml",
        description="Atom 1.0 feed: many briefs, each entry the brief's HTML article (lossless)",
        sniffer=_sniff.atom,
        many=True,
    ),
    _Builtin(
        name="rss",
        suffixes=(".rss", ".xml"),
        media_type="application/rss+xml",
        description="RSS 2.0 feed: many briefs, each item the brief's HTML article (lossless)",
        sniffer=_sniff.rss,
        many=True,
    ),
    _Builtin(
        name="jsonfeed",
        suffixes=(".feed.json", ".json"),
        media_type="application/feed+json",
        description="JSON Feed 1.1: many briefs, each item the brief's HTML article (lossless)",
        sniffer=_sniff.jsonfeed,
        many=True,
    ),
    _Builtin(
        name="pdf",
        suffixes=(".pdf",),
        media_type="application/pdf",
        description="PDF document of the HTML page, tagged (write-only; the pdf extra)",
        sniffer=_sniff.pdf,
        write_only=True,
    ),
    _Builtin(
        name="docx",
        suffixes=(".docx",),
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        description="Word document (lossless for what briefmodel writes)",
        sniffer=_sniff.docx,
    ),
)

#: The formats that ship with briefmodel, by module.
BUILTIN = tuple(builtin.name for builtin in _BUILTINS)


class _Formats(MutableMapping[str, Format]):
    """The registry, by name: a built-in format's package is imported when the format
    is first taken from it, and the ``briefmodel.formats`` entry points are looked up
    when a name that is not built in is, or when every format is wanted (listing,
    iterating, detecting)."""

    def __init__(self) -> None:
        self._entries: dict[str, Format | _Builtin] = {b.name: b for b in _BUILTINS}
        self._plugged = False
        self._order: list[tuple[Format | _Builtin, Callable[[str], bool]]] | None = None

    def _all(self) -> dict[str, Format | _Builtin]:
        if not self._plugged:
            self._plugged = True
            from importlib.metadata import entry_points  # (only when first needed)

            for entry in entry_points(group="briefmodel.formats"):
                try:
                    plugin = entry.load()
                except Exception:  # noqa: BLE001 - a broken plug-in must not break the library
                    continue
                if isinstance(plugin, Format) and plugin.name not in self._entries:
                    self._entries[plugin.name] = plugin
            self._order = None
        return self._entries

    def __getitem__(self, name: str) -> Format:
        entry = self._entries[name] if name in self._entries else self._all()[name]
        if isinstance(entry, _Builtin):
            entry = self._entries[name] = entry.load()
            self._order = None
        return entry

    def __setitem__(self, name: str, fmt: Format) -> None:
        self._all()[name] = fmt
        self._order = None

    def __delitem__(self, name: str) -> None:
        del self._all()[name]
        self._order = None

    def __contains__(self, name: object) -> bool:
        return name in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._all()))

    def __len__(self) -> int:
        return len(self._all())

    def entries(self) -> list[Format | _Builtin]:
        """Every registered format, built-in ones not imported yet as they are."""
        return list(self._all().values())

    def sniffers(self) -> list[tuple[Format | _Builtin, Callable[[str], bool]]]:
        """Every registered format with its sniffer, in the order :func:`detect` tries
        them (canonical JSON's last: it takes any JSON object); kept until the registry
        changes, since every read of a document of no named format asks for it."""
        if self._order is None:
            order = sorted(self._all().values(), key=lambda f: f.name == "json")
            self._order = [
                (f, f.sniffer if isinstance(f, _Builtin) and f.sniffer else f.sniff) for f in order
            ]
        return self._order


@functools.lru_cache(maxsize=1)
def _registry() -> _Formats:
    return _Formats()


def _described() -> list[Format | _Builtin]:
    """Every registered format, a built-in one not used yet as the registry knows it
    without importing it: enough for its name, suffixes, media type and description."""
    return _registry().entries()


def formats() -> tuple[str, ...]:
    """The names of the registered formats."""
    return tuple(_registry())


def by_name(name: str) -> Format:
    """The registered format called ``name``, to read or to write.

    A name that is not registered is a mistake in the call, not in a document: an
    :class:`~briefmodel.OptionError` (``format.unknown``), whichever way the format was
    to be used.

    >>> by_name("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    briefmodel.errors.OptionError: format: unknown format 'nope'; pass one of json, newsml, ...
    """
    registry = _registry()
    try:
        return registry[name]
    except (KeyError, TypeError):  # TypeError: a name that is not hashable
        pass
    format_name(name, optional=False)  # not a string: says so
    raise OptionError(
        "format", f"unknown format {name!r}; pass one of {', '.join(registry)}", "format.unknown"
    )


def detect(path: str | os.PathLike[str] | None = None, data: str | bytes | None = None) -> Format:
    """The format of a document: by its file suffix, then by sniffing its beginning.

    The suffix narrows the choice to the formats that claim it (a double suffix such as
    ``.ninjs.json`` first); when several do (``.json`` is canonical JSON's and ninjs's),
    or none does, the content decides. Sniffers are tried in registry order, except
    canonical JSON's, which takes any JSON object and so comes last; a JSON array, which
    no format's brief is, goes to canonical JSON's reader too, which says what is wrong.
    Without content, the first format that claims the suffix is taken. An empty
    document (or one of white space alone) is a :class:`~briefmodel.ParseError`.

    Content that no format recognises is a :class:`~briefmodel.ParseError`; a name alone
    (the file to write) that no format claims, an :class:`~briefmodel.OptionError`. Both
    carry a ``format.unknown`` problem.

    >>> detect("brief.xml").name
    'newsml'
    >>> detect("feed/item.json", '{"uri": "urn:x", "headlines": []}').name
    'ninjs'
    >>> detect(data="<!DOCTYPE html><html><body></body></html>").name
    'html'
    """
    registry = _registry()
    candidates: list[Format | _Builtin] = []
    narrowed = False  # (to the formats that claim the suffix: candidates)
    if path is not None:
        candidates = registry.entries()
        name = Path(path).name.lower()
        for suffix in ("".join(Path(name).suffixes[-2:]), Path(name).suffix):
            claiming = [fmt for fmt in candidates if suffix and suffix in fmt.suffixes]
            if claiming:
                if len(claiming) == 1 or data is None:
                    return _loaded(claiming[0])
                candidates = claiming
                narrowed = True
                break
    if data is not None:
        text = _head(data)
        found = _sniffed(text, candidates if narrowed else None)
        if found is not None:
            return _loaded(found)
        start = text.lstrip("\ufeff \t\r\n")
        if _JSON_ARRAY.match(start) and "json" in registry:
            return registry["json"]  # JSON, but no brief: its reader says why
        if not start and not data.strip():
            raise ParseError(
                Problem(
                    severity="error", code="parse.syntax", message="the document is empty", line=1
                )
            )
        if narrowed:  # the suffix's formats: the first, as named
            return _loaded(candidates[0])
    where = f" of {str(path)!r}" if path is not None else ""
    hint = ""
    if path is None and isinstance(data, str) and _names_a_file(data):
        hint = f"; {data!r} is text here: to read that file, pass pathlib.Path({data!r})"
    message = f"cannot tell the format{where}; pass format= one of {', '.join(registry)}{hint}"
    if data is None:
        raise OptionError("format", message, "format.unknown")
    raise ParseError(Problem(severity="error", code="format.unknown", message=message))


def mismatch(fmt: Format, data: str | bytes, problems: Iterable[Problem] = ()) -> Problem | None:
    """Why reading ``data`` as ``fmt`` failed, when the text is clearly another
    registered format (its sniffer says so): a ``format.mismatch`` problem that says
    which, or None (also when the reader's ``problems`` name that format already).

    >>> mismatch(by_name("json"), '{"uri": "urn:x", "headlines": []}').message
    "the text looks like ninjs, not json: pass format='ninjs'"
    >>> mismatch(by_name("json"), '{"schema": "briefmodel/2"}') is None
    True
    """
    found = _sniffed(_head(data))  # (none imported to say which)
    if found is None:
        return None
    advice = f"format={found.name!r}"
    if found.name == fmt.name or any(advice in p.message for p in problems):
        return None
    if fmt.streams and found.name == "json":  # (JSON Lines: each line is canonical JSON)
        return None
    return Problem(
        severity="error",
        code="format.mismatch",
        message=f"the text looks like {found.name}, not {fmt.name}: pass {advice}",
    )


#: The start of a JSON array (not of text that opens with "[Update]" or a Markdown link).
_JSON_ARRAY = re.compile(r"\[\s*(?:[\[\]{\"0-9tfn-]|\Z)")


def _head(data: str | bytes) -> str:
    """The beginning of a document, which sniffers look at."""
    head = data[:4096]
    return head.decode("utf-8", "replace") if isinstance(head, bytes) else head


def _sniffed(
    head: str, among: Iterable[Format | _Builtin] | None = None
) -> Format | _Builtin | None:
    """The first format (of those ``among``, by default every registered one) whose
    sniffer claims ``head``, canonical JSON's last (it takes any JSON object)."""
    names = None if among is None else {fmt.name for fmt in among}
    for fmt, sniff in _registry().sniffers():
        if (names is None or fmt.name in names) and sniff(head):
            return fmt
    return None


def _loaded(entry: Format | _Builtin) -> Format:
    """The format of a registry entry, its package imported if it is a built-in one."""
    return _registry()[entry.name] if isinstance(entry, _Builtin) else entry


def _names_a_file(text: str) -> bool:
    try:
        return len(text) < 1024 and "\n" not in text and Path(text).is_file()
    except (OSError, ValueError):
        return False


class _Registry(types.ModuleType):
    """This module, callable: ``bm.formats()`` is :func:`formats`.

    The package ``briefmodel`` exposes the module itself as ``bm.formats`` (not the
    function of the same name, which would hide the subpackages from
    ``import briefmodel.formats.json as jf``); calling it lists the names as before.
    """

    def __call__(self) -> tuple[str, ...]:
        return formats()


sys.modules[__name__].__class__ = _Registry
