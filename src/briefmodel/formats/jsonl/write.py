"""Writing JSON Lines: each brief as compact canonical JSON on a line of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ... import _options
from ...errors import OptionError, ParseError, Problem, ValidationError
from ...model import Brief
from ..json import write as write_json

__all__ = ["write", "write_all"]


@_options.writer
def write(brief: Brief) -> str:
    """``brief`` as one line of JSON Lines: compact canonical JSON and a ``\\n``."""
    return write_json(brief) + "\n"


def write_all(briefs: Iterable[Brief]) -> Iterator[bytes]:
    """Each of ``briefs`` as a line of UTF-8 bytes, taken from ``briefs`` as it is
    written (never more than one brief is held).

    What cannot be written names the brief by its index (counted from 0): something
    that is not a brief is an :class:`~briefmodel.OptionError`, a brief that no reader
    would take back (too deep, a lone surrogate) a
    :class:`~briefmodel.ValidationError` whose problems say ``brief N``.
    """
    if isinstance(briefs, (Brief, str, bytes)) or not isinstance(briefs, Iterable):
        raise OptionError("briefs", f"expected an iterable of briefs, got {type(briefs).__name__}")
    for index, brief in enumerate(briefs):
        if not isinstance(brief, Brief):
            raise OptionError(f"briefs[{index}]", f"expected a Brief, got {type(brief).__name__}")
        try:
            text = write(brief)
            yield text.encode("utf-8")
        except UnicodeEncodeError as error:
            character = f"U+{ord(text[error.start]):04X}"
            message = f"brief {index} ({brief.id}) holds a lone surrogate ({character})"
            problem = Problem(
                severity="error",
                code="text.not-xml-char",
                message=message + " that cannot be written as UTF-8",
            )
            raise ValidationError([problem]) from None
        except (ParseError, ValidationError) as error:
            raise ValidationError(
                [
                    attrs.evolve(p, message=f"brief {index} ({brief.id}): {p.message}")
                    for p in error.problems
                ]
            ) from None
