"""The conversion of one file: :func:`convert_file` and its :class:`ConvertResult`,
which pickle, so that the same work runs in worker processes or on a distributed engine."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .._api import dumpb
from .._files import write_atomically
from ..errors import (
    BriefmodelWarning,
    OptionError,
    ParseError,
    Problem,
    ValidationError,
    capped,
)
from ..formats import Format, by_name, detect
from ..model import Brief
from ..rules import DEFAULT_URL_SCHEMES
from ..validation import validate
from ._streams import _same_file, unwritable

__all__ = ["ConvertResult", "convert_file"]


def _is_loss(problem: Problem) -> bool:
    """Whether a problem reports something dropped on the way (``newsml.dropped``…)."""
    return problem.code.endswith(".dropped")


@attrs.frozen(kw_only=True)
class ConvertResult:
    """What became of one file: small, so that a batch of thousands can be reported.

    ``ok`` is true when the output was written. ``problems`` are every problem found
    in order, errors and warnings, losses included (as errors with ``strict``).
    """

    path: str
    output: str
    ok: bool
    problems: tuple[Problem, ...] = ()

    @property
    def losses(self) -> tuple[Problem, ...]:
        """What the input held that the output does not: the ``*.dropped`` problems."""
        return tuple(p for p in self.problems if _is_loss(p))

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity ``warning``."""
        return tuple(p for p in self.problems if p.severity == "warning")


@attrs.frozen(kw_only=True)
class _Settings:
    """How every document of a batch is converted: sent to each worker process."""

    to: str | None = None
    source_format: str | None = None
    strict: bool = False
    #: Read the input leniently (``strict=False``): repairs are warnings.
    lenient: bool = False
    #: The IANA zone lenient reading takes date-times without an offset in (None: UTC).
    timezone: str | None = None
    options: Mapping[str, Any] = attrs.field(factory=dict)
    url_schemes: tuple[str, ...] = tuple(sorted(DEFAULT_URL_SCHEMES))
    sync: bool = True
    #: The output folder of a batch: every output lies below it, and is written without
    #: following a link on the way (see :func:`~briefmodel._files.write_atomically`).
    root: str | None = None


def _written(brief: Brief, target: Format, settings: _Settings) -> tuple[bytes, list[Problem]]:
    """The brief as a document in the target format, and what that drops: the format's
    loss report, and any :class:`~briefmodel.BriefmodelWarning` while writing."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", BriefmodelWarning)
        payload = dumpb(brief, target.name, **settings.options)
    report = target.losses
    losses = [p for p in report(brief) if _is_loss(p)] if report is not None else []
    for warning in caught:
        if issubclass(warning.category, BriefmodelWarning):
            message = f"not written as {target.name}: {warning.message}"
            losses.append(
                Problem(severity="warning", code=f"{target.name}.dropped", message=message)
            )
        else:  # not ours to judge: let it go on as it would have
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return payload, losses


def _converted(
    document: str | bytes | Path, target: Format, settings: _Settings
) -> tuple[bytes | None, tuple[Problem, ...]]:
    """Read, check and write one document: the output's bytes (``None`` when it must not
    be written) and every problem found."""
    payload, problems, _ = _converted_brief(document, target, settings)
    return payload, problems


def _converted_brief(
    document: str | bytes | Path, target: Format, settings: _Settings
) -> tuple[bytes | None, tuple[Problem, ...], Brief | None]:
    """As :func:`_converted`, with the brief read (``None`` when none could be)."""
    found: list[Brief] = []
    payload, problems = _converted_read(document, target, settings, found)
    return payload, problems, found[0] if found else None


def _converted_read(
    document: str | bytes | Path, target: Format, settings: _Settings, found: list[Brief]
) -> tuple[bytes | None, tuple[Problem, ...]]:
    report = validate(
        document,
        settings.source_format,
        url_schemes=settings.url_schemes,
        lenient=settings.lenient,
        timezone=settings.timezone,
    )
    problems = report.problems
    if report.brief is None or not report.ok:
        return None, problems
    found.append(report.brief)
    try:
        payload, losses = _written(report.brief, target, settings)
    except (ParseError, ValidationError) as error:  # what the output format cannot hold
        return None, tuple(capped((*problems, *error.problems)))
    problems = tuple(capped((*problems, *losses)))
    if settings.strict and any(_is_loss(p) for p in problems):
        return None, tuple(
            attrs.evolve(p, severity="error") if _is_loss(p) else p for p in problems
        )
    return payload, problems


def _failure(path: str, output: str, code: str, message: str) -> ConvertResult:
    problem = Problem(severity="error", code=code, message=message)
    return ConvertResult(path=path, output=output, ok=False, problems=(problem,))


def _convert(source: str, output: str, settings: _Settings) -> ConvertResult:
    try:
        target = by_name(settings.to) if settings.to else detect(output)
    except OptionError as error:  # a name whose format cannot be told
        return ConvertResult(path=source, output=output, ok=False, problems=error.problems)
    if os.path.lexists(output) and _same_file(source, output):
        return _failure(
            source, output, "convert.overwrites-input", f"refusing to overwrite the input {source}"
        )
    problems: tuple[Problem, ...] = ()
    try:
        payload, problems = _converted(Path(source), target, settings)
        if payload is None:
            return ConvertResult(path=source, output=output, ok=False, problems=problems)
        try:
            write_atomically(output, payload, sync=settings.sync, root=settings.root)
        except FileNotFoundError:  # its folder is not there yet (the first file in it)
            if settings.root is not None:  # which the write creates itself, link-safe
                raise
            os.makedirs(os.path.dirname(output) or os.curdir, exist_ok=True)
            write_atomically(output, payload, sync=settings.sync)
    except OSError as error:  # (a WriteError too: a link where the output goes, say)
        said = (*problems, *unwritable(output, error))
        return ConvertResult(path=source, output=output, ok=False, problems=said)
    except Exception as error:  # noqa: BLE001 - one file's bug must not stop a batch
        message = f"internal error: {type(error).__name__}: {error}"
        return _failure(source, output, "convert.crashed", message)
    return ConvertResult(path=source, output=output, ok=True, problems=problems)


def convert_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str],
    to: str | None = None,
    *,
    source_format: str | None = None,
    strict: bool = False,
    lenient: bool = False,
    timezone: str | None = None,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    sync: bool = True,
    **options: Any,
) -> ConvertResult:
    """Convert the file ``source`` into the file ``output``, as ``briefmodel convert``
    does for each file; never raises for bad input.

    ``to`` names the output format (default: from the output's suffix) and
    ``source_format`` the input's (default: from its suffix, else sniffed); ``options``
    are the writer's (``indent=2`` for JSON). The input is checked as by
    :func:`~briefmodel.validate` and only a valid one is written, atomically, creating
    the output's directory if needed, never over the input and never through a
    symbolic link (``output.symlink``: a link at ``output`` is refused, not followed or
    replaced; the folders of ``output`` are used as named). What the input held
    that the output cannot is a loss (a ``*.dropped`` warning); ``strict=True`` makes a
    loss an error and writes nothing. ``lenient=True`` reads the input as
    ``bm.load(..., strict=False)`` does, each repair a warning (date-times without an
    offset in ``timezone``, an IANA name; UTC by default). ``sync=False`` skips the
    :func:`os.fsync` before the output is renamed into place (much faster for many small
    files; an interrupted process still leaves no partial file). The function and its
    result pickle, so it runs as well in worker processes or on a distributed engine.

    >>> result = convert_file("no-such-brief.json", "brief.xml")
    >>> result.ok, [p.code for p in result.problems]
    (False, ['parse.unreadable'])
    """
    settings = _Settings(
        to=to,
        source_format=source_format,
        strict=strict,
        lenient=lenient,
        timezone=timezone,
        options=dict(options),
        url_schemes=tuple(sorted(url_schemes)),
        sync=sync,
    )
    return _convert(os.fspath(source), os.fspath(output), settings)
