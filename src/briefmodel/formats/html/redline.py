"""The redline: an HTML page of what changed between two versions of a brief, for an editor
to read and to attach to a correction.

The page is the new version as the HTML writer lays it out, in the same stylesheet, with
what the old version held and the new one does not in ``del`` and what the new one adds
in ``ins``. Sections, blocks and list items are matched as :func:`~briefmodel.diff`
matches them (by ``id`` or by content); the words of a changed headline, subheadline,
section title, paragraph or list item are compared word by word; a block changed
otherwise is shown whole, as it was and as it is. What changed outside the body (dates,
authors, sources, metadata) is listed in words at the top.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ... import _options
from ..._changes import aligned, describe, diff
from ...model import Block, Brief, ItemList, ListItem, Paragraph, Section, plain_text
from ...rules import DEFAULT_URL_SCHEMES, allowed_schemes
from ..json import to_dict
from ._escape import _e, _html_lang, _plain, _t
from .style import default_css, direction
from .write import _BLOCK_WRITERS, _css, _Page

__all__ = ["redline"]

Data = dict[str, Any]

#: Words, runs of white space, and single other characters: what a change is made of.
_WORDS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

#: The changes shown in the body of the page; every other one is listed at the top.
_IN_THE_BODY = ("/headline", "/subheadline", "/sections")


#: Below this share of words in common, a changed text is shown as it was and as it is,
#: whole, rather than word by word.
_SIMILAR = 0.5


def _compared(old: str, new: str) -> str:
    """``new`` as element content, with the words of ``old`` it lost in ``del`` and the
    ones it gained in ``ins``; a text rewritten rather than edited, whole."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    if not old or not new or matcher.ratio() < _SIMILAR:
        return _changed(old, new)
    out = []
    for equal, i1, i2, j1, j2 in _coalesced(matcher.get_opcodes(), before):
        if equal:
            out.append(_t("".join(after[j1:j2])))
        else:
            out.append(_changed("".join(before[i1:i2]), "".join(after[j1:j2])))
    return "".join(out)


def _changed(old: str, new: str) -> str:
    return (f"<del>{_t(old)}</del>" if old else "") + (f"<ins>{_t(new)}</ins>" if new else "")


def _coalesced(
    opcodes: Iterable[tuple[str, int, int, int, int]], before: list[str]
) -> list[tuple[bool, int, int, int, int]]:
    """The stretches of a word comparison, equal or changed, with a space or a short word
    left between two changes taken into the change around it (it reads as one edit)."""
    merged: list[tuple[bool, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        equal = tag == "equal"
        if not equal and merged and not merged[-1][0]:
            _, a1, _, b1, _ = merged.pop()
            merged.append((False, a1, i2, b1, j2))
            continue
        merged.append((equal, i1, i2, j1, j2))
    changed: list[tuple[bool, int, int, int, int]] = []
    for index, stretch in enumerate(merged):
        equal, i1, i2, j1, j2 = stretch
        short = len("".join(before[i1:i2]).strip()) <= 3
        between = 0 < index < len(merged) - 1
        if equal and short and between and changed and not changed[-1][0]:
            _, a1, _, b1, _ = changed.pop()
            changed.append((False, a1, i2, b1, j2))
            continue
        if not equal and changed and not changed[-1][0]:
            _, a1, _, b1, _ = changed.pop()
            changed.append((False, a1, i2, b1, j2))
            continue
        changed.append(stretch)
    return changed


def _without_ids(section: Section) -> Section:
    """``section`` with no ids in it: what the old version held is shown next to the new
    one, whose ids it may share."""
    return attrs.evolve(section, id=None, sections=[_without_ids(s) for s in section.sections])


class _Redline:
    """The page being written: the two versions, a writer for each, and the output."""

    def __init__(self, old: Brief, new: Brief, schemes: frozenset[str]) -> None:
        self.old, self.new = old, new
        self.before = _Page(old, schemes)
        self.after = _Page(new, schemes)
        self.out = self.after.out
        self.before.out = self.out  # both write into the one page

    def article(self) -> str:
        old, new = self.old, self.new
        w = self.out.append
        w(
            f'<article class="brief redline" lang="{_e(_html_lang(new.language))}" '
            f'dir="{direction(new.language)}">'
        )
        w("<header>")
        w(f'<p class="redline-versions" role="note">{_t(_versions(old, new))}</p>')
        w(f"<h1>{_compared(old.headline, new.headline)}</h1>")
        if old.subheadline is not None or new.subheadline is not None:
            compared = _compared(old.subheadline or "", new.subheadline or "")
            w(f'<p class="subheadline">{compared}</p>')
        operations = diff(old, new)
        lines = describe(old, operations)
        elsewhere = [
            line
            for line, operation in zip(lines, operations, strict=True)
            if not operation["path"].startswith(_IN_THE_BODY)
        ]
        if elsewhere:
            w('<section class="redline-changes"><h2>Other changes</h2><ul>')
            for line in elsewhere:
                w(f"<li>{_t(line)}</li>")
            w("</ul></section>")
        w("</header>")
        self.sections(old.sections, new.sections, to_dict(old), to_dict(new), 2)
        self.after.footer()
        w("</article>")
        return "".join(self.out)

    def sections(
        self, old: Sequence[Section], new: Sequence[Section], was: Data, now: Data, level: int
    ) -> None:
        for i, j in aligned(was.get("sections", []), now.get("sections", [])):
            if j is None:
                assert i is not None
                self.out.append('<del class="block">')
                self.before.section(_without_ids(old[i]), level)
                self.out.append("</del>")
            elif i is None:
                self.out.append('<ins class="block">')
                self.after.section(new[j], level)
                self.out.append("</ins>")
            else:
                self.section(old[i], new[j], was["sections"][i], now["sections"][j], level)

    def section(self, old: Section, new: Section, was: Data, now: Data, level: int) -> None:
        w = self.out.append
        classes = f"section {new.role}" if new.role else "section"
        role = f' data-role="{_e(new.role)}"' if new.role else ""
        ident = f' id="{_e(new.id)}"' if new.id else ""
        w(f'<section{ident} class="{_e(classes)}"{role}>')
        if old.title is not None or new.title is not None:
            heading = min(level, 6)
            w(f"<h{heading}>{_compared(old.title or '', new.title or '')}</h{heading}>")
            level += 1
        self.blocks(old.blocks, new.blocks, was.get("blocks", []), now.get("blocks", []), level)
        self.sections(old.sections, new.sections, was, now, level)
        w("</section>")

    def blocks(
        self, old: Sequence[Block], new: Sequence[Block], was: list[Any], now: list[Any], level: int
    ) -> None:
        for i, j in aligned(was, now):
            if j is None:
                assert i is not None
                self.shown("del", self.before, old[i], level)
            elif i is None:
                self.shown("ins", self.after, new[j], level)
            else:
                self.block(old[i], new[j], was[i], now[j], level)

    def block(self, old: Block, new: Block, was: Data, now: Data, level: int) -> None:
        if old == new:
            _BLOCK_WRITERS[type(new)](self.after, new, level)
        elif isinstance(old, Paragraph) and isinstance(new, Paragraph):
            self.out.append(f"<p>{_compared(plain_text(old.content), plain_text(new.content))}</p>")
        elif isinstance(old, ItemList) and isinstance(new, ItemList) and old.ordered == new.ordered:
            self.items(old.items, new.items, was["items"], now["items"], new.ordered)
        else:
            self.shown("del", self.before, old, level)
            self.shown("ins", self.after, new, level)

    def items(
        self,
        old: Sequence[ListItem],
        new: Sequence[ListItem],
        was: list[Any],
        now: list[Any],
        ordered: bool,
    ) -> None:
        w = self.out.append
        tag = "ol" if ordered else "ul"
        w(f"<{tag}>")
        for i, j in aligned(was, now):
            w("<li>")
            if j is None:
                assert i is not None
                w(f"<del>{_t(plain_text(old[i].content))}</del>")
            elif i is None:
                w(f"<ins>{_t(plain_text(new[j].content))}</ins>")
            elif old[i] == new[j]:
                self.after.rich(new[j].content)
            else:
                w(_compared(plain_text(old[i].content), plain_text(new[j].content)))
            w("</li>")
        w(f"</{tag}>")

    def shown(self, tag: str, writer: _Page, block: Block, level: int) -> None:
        """``block`` as ``writer`` writes it, inside ``del`` or ``ins``."""
        self.out.append(f'<{tag} class="block">')
        _BLOCK_WRITERS[type(block)](writer, block, level)
        self.out.append(f"</{tag}>")


def _versions(old: Brief, new: Brief) -> str:
    def one(brief: Brief) -> str:
        when = brief.updated or brief.created
        if when is None:
            return f"version {brief.version} (undated)"
        return f"version {brief.version} of {when.date().isoformat()}"

    return f"Changes from {one(old)} to {one(new)}"


def redline(
    old: Brief,
    new: Brief,
    *,
    css: str | bool | None = True,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
) -> str:
    """An HTML5 page of what changed from ``old`` to ``new``: the new version with what
    was removed in ``del`` and what was added in ``ins``, in the bundled stylesheet (or
    ``css=``, as for the HTML writer).

    >>> import attrs
    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> waited = bm.Paragraph(content="The bank waited.")
    >>> old = bm.Brief(id="x", headline="Rates held", sections=[bm.Section(blocks=[waited])],
    ...                created=datetime(2026, 1, 1, tzinfo=timezone.utc))
    >>> page = redline(old, attrs.evolve(old, headline="Rates cut"), css=None)
    >>> "<h1>Rates <del>held</del><ins>cut</ins></h1>" in page
    True
    """
    old = _options.shallow_enough(_options.a_brief(old, "old"))
    new = _options.shallow_enough(_options.a_brief(new, "new"))
    css = _options.css(css)
    schemes = allowed_schemes(_options.url_schemes(url_schemes))
    article = _Redline(old, new, schemes).article()
    if css is True:
        css = default_css()
    title = f"Changes: {new.headline}"
    head = [
        "<!DOCTYPE html>\n",
        f'<html lang="{_e(_html_lang(new.language))}" dir="{direction(new.language)}">\n',
        '<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_plain(title)}</title>\n",
        '<meta name="generator" content="briefmodel">\n',
    ]
    if css:
        head.append(f"<style>\n{_css(css)}\n</style>\n")
    head.append("</head>\n<body>\n<main>\n")
    return "".join(head) + article + "\n</main>\n</body>\n</html>\n"
