"""The page furniture at the end of a text ("Source", "Related Articles" …): where it
starts, and the problems that report what dropping it loses."""

from __future__ import annotations

from ...errors import Problem
from ...model import Paragraph, plain_text
from ._structure import _List, _Section
from ._titles import FURNITURE, MAX_TITLE_WORDS, _key, normalise


def _short(block: Paragraph | _List) -> bool:
    """Whether a block is what page furniture holds: links and short lines."""
    if isinstance(block, _List):
        return all(
            not item.lists and _short(Paragraph(content=normalise(" ".join(item.parts))))
            for item in block.items
        )
    words = plain_text(block.content).split()
    return len(words) <= MAX_TITLE_WORDS or all("://" in w or w.startswith("www.") for w in words)


def _furniture(sections: list[_Section]) -> int:
    """Where the page furniture at the end starts (``len(sections)`` if there is none):
    a furniture title followed only by furniture and short lines."""
    start = len(sections)
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section.forced or section.title is None or not all(map(_short, section.blocks)):
            break
        if _key(section.title) in FURNITURE:
            start = index
    return start


def _dropped(sections: list[_Section]) -> tuple[list[Problem], list[Problem]]:
    """Problems for the furniture dropped: (content lost, empty titles)."""
    content: list[Problem] = []
    empty: list[Problem] = []
    for section in sections:
        assert section.title is not None
        if _key(section.title) not in FURNITURE:
            content.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=f"the line {section.title!r} in the page furniture",
                    line=section.line,
                )
            )
        if section.blocks:
            content.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=(
                        "the block"
                        if len(section.blocks) == 1
                        else f"the {len(section.blocks)} blocks"
                    )
                    + f" under {section.title!r} in the page furniture",
                    line=section.line,
                )
            )
        elif _key(section.title) in FURNITURE:
            empty.append(
                Problem(
                    severity="warning",
                    code="text.dropped",
                    message=f"the empty page furniture {section.title!r}",
                    line=section.line,
                )
            )
    return content, empty
