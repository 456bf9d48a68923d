"""The format registry: every format is a module with the same pair of functions.

A format module defines ``read(text, *, strict=True) -> Brief`` and
``write(brief, **options) -> str``, and a module-level :class:`Format` named
``FORMAT`` that registers them by name, file suffixes and content sniffing (and, where
the format has more to say, ``read_all`` and ``examine``).
Third-party formats plug in through the ``briefmodel.formats`` entry-point group: the
entry point names a :class:`Format` object.

Each built-in format is a subpackage (``briefmodel.formats.json``, ``.newsml``, ``.ninjs``,
``.html``, ``.markdown``, ``.text``) whose ``__init__`` holds ``FORMAT`` and its public names,
with the two directions in ``read.py`` and ``write.py``. ``bm.formats`` is this module, and
calling it lists the registered names, so both ``bm.formats()`` and
``import briefmodel.formats.json`` work:

>>> import briefmodel as bm
>>> bm.formats()
('json', 'newsml', 'html', 'ninjs', 'text', 'markdown')
>>> import briefmodel.formats.json as json_format
>>> json_format.FORMAT.name
'json'
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import types
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from importlib.metadata import entry_points
from pathlib import Path

import attrs

from ..errors import ParseError, Problem
from ..model import Brief

__all__ = ["UNDATED", "Format", "by_name", "detect", "formats"]

#: The creation date of a brief read from a document that has none (plain text, Markdown
#: written by people) when the reader is given no ``created=``: a fixed, obviously
#: artificial date keeps reading deterministic (the same text gives the same brief).
UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)

#: The formats that ship with briefmodel, by module.
BUILTIN = ("json", "newsml", "html", "ninjs", "text", "markdown")


@attrs.frozen(kw_only=True)
class Format:
    """A registered format: its name, suffixes, media type and its reader and writer."""

    name: str
    suffixes: tuple[str, ...]
    media_type: str
    read: Callable[..., Brief]
    write: Callable[..., str]
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


@functools.lru_cache(maxsize=1)
def _registry() -> dict[str, Format]:
    found: dict[str, Format] = {}
    for name in BUILTIN:
        module = importlib.import_module(f"{__name__}.{name}")
        found[name] = module.FORMAT
    for entry in entry_points(group="briefmodel.formats"):
        try:
            plugin = entry.load()
        except Exception:  # noqa: BLE001 - a broken plug-in must not break the library
            continue
        if isinstance(plugin, Format) and plugin.name not in found:
            found[plugin.name] = plugin
    return found


def formats() -> tuple[str, ...]:
    """The names of the registered formats."""
    return tuple(_registry())


def _unknown(message: str) -> ParseError:
    return ParseError(Problem(severity="error", code="format.unknown", message=message))


def by_name(name: str) -> Format:
    """The registered format called ``name``; :class:`ParseError` if there is none."""
    registry = _registry()
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(registry)
        raise _unknown(f"unknown format {name!r} (known: {known})") from None


def detect(path: str | os.PathLike[str] | None = None, data: str | bytes | None = None) -> Format:
    """The format of a document: by its file suffix, then by sniffing its beginning.

    The suffix narrows the choice to the formats that claim it (a double suffix such as
    ``.ninjs.json`` first); when several do (``.json`` is canonical JSON's and ninjs's),
    or none does, the content decides. Sniffers are tried in registry order, except
    canonical JSON's, which takes any JSON object and so comes last. Without content,
    the first format that claims the suffix is taken.

    >>> detect("brief.xml").name
    'newsml'
    >>> detect("feed/item.json", '{"uri": "urn:x", "headlines": []}').name
    'ninjs'
    >>> detect(data="<!DOCTYPE html><html><body></body></html>").name
    'html'
    """
    registry = _registry()
    candidates = list(registry.values())
    if path is not None:
        name = Path(path).name.lower()
        for suffix in ("".join(Path(name).suffixes[-2:]), Path(name).suffix):
            claiming = [fmt for fmt in candidates if suffix and suffix in fmt.suffixes]
            if claiming:
                if len(claiming) == 1 or data is None:
                    return claiming[0]
                candidates = claiming
                break
    if data is not None:
        head = data[:4096]
        text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
        for fmt in sorted(candidates, key=lambda f: f.name == "json"):
            if fmt.sniff(text):
                return fmt
        if len(candidates) < len(registry):  # the suffix's formats: the first, as named
            return candidates[0]
    where = f" of {str(path)!r}" if path is not None else ""
    hint = ""
    if path is None and isinstance(data, str) and _names_a_file(data):
        hint = f"; {data!r} is text here: to read that file, pass pathlib.Path({data!r})"
    raise _unknown(
        f"cannot tell the format{where}; pass format= one of {', '.join(registry)}{hint}"
    )


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
