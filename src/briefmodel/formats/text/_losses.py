"""What writing a brief as text drops, reported field by field (:func:`losses`)."""

from __future__ import annotations

import attrs

from ...errors import Problem, pointer
from ...model import Brief, Figure, Judgment, Quote, Section
from .. import UNDATED  # noqa: F401 (the doctest of losses uses it)
from ._titles import role_for


def losses(brief: Brief) -> list[Problem]:
    """What writing ``brief`` as text drops, as ``text.dropped`` warnings with the JSON
    Pointer of each field (the id, the creation date and the language are never written:
    :func:`read` takes them as options).

    >>> import briefmodel as bm
    >>> brief = bm.Brief(id="urn:x:1", headline="Fares rise", genre="brief",
    ...     created=UNDATED, sections=[bm.Section(role="summary", blocks=[])])
    >>> for problem in losses(brief):
    ...     print(problem.path, problem.message)
    /genre the genre is not written
    /sections/0/role the role summary is not written (text infers roles from titles)
    """
    found: list[Problem] = []

    def lose(path: tuple[str | int, ...], message: str) -> None:
        found.append(
            Problem(severity="warning", code="text.dropped", message=message, path=pointer(path))
        )

    for field in attrs.fields(Brief):
        if field.name in ("id", "created", "language", "headline", "subheadline", "sections"):
            continue
        value = getattr(brief, field.name)
        if value != field.default and not (
            isinstance(field.default, attrs.Factory) and not value  # type: ignore[arg-type]
        ):
            lose((field.name,), f"the {field.name.replace('_', ' ')} is not written")
    for path, node in brief.walk():
        kind = type(node)
        if kind is Section:
            if node.id is not None:
                lose((*path, "id"), "the section id is not written")
            if node.role is not None and node.role != role_for(node.title or ""):
                lose(
                    (*path, "role"),
                    f"the role {node.role} is not written (text infers roles from titles)",
                )
        elif kind in _MARKUP:
            lose(path, f"the {kind.__name__.lower()} markup is written as its text")
        elif kind is Quote and node.source_ref is not None:
            lose((*path, "source_ref"), "the quote's source is not written")
        elif kind is Judgment and (node.confidence or node.likelihood or node.basis):
            lose(path, "the judgment's confidence, likelihood and basis are not written")
        elif kind is Figure:
            lose(path, "the figure is written as its caption (or its alt text)")
    return found


def _markup_types() -> frozenset[type]:
    from ...model import INLINE_TYPES

    return frozenset(t for t in INLINE_TYPES if t is not str)


_MARKUP = _markup_types()
