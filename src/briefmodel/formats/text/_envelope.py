"""Wire copy and press releases, read leniently: the envelope before the headline, the
headline that wraps, and the end-of-headline marks of wire services.

Wire copy comes in an envelope: IPTC 7901's ``ZCZC`` line and its routing lines (AAP's
``%MNETALL …``, ``$J``, ``:``, ``*X``), a service's transmission header (dpa's
``eca00075 3 i 510 dpa 1003``), keyword and version lines (``/politics/EU/``, ``2ND
LEAD``), a slug (``BC-Soccer-Cup``). Press releases start with label lines (``Source:
…``, which names a source, ``MEDIA RELEASE PR123``, ``FOR IMMEDIATE RELEASE``,
``EMBARGOED …``). The headline is the first line after them that reads as one
(``repair.headline-after-envelope``, at its line, naming what was skipped).

So that briefmodel's own text (whose first line is the headline, whatever it says) reads
as it did, the envelope is only looked for when the text opens as wire copy or a press
release does: with a ``ZCZC`` line, a label line, a transmission header (a line of codes,
the first a message number such as ``eca00075``), or inside a wire story's framing (SOH,
STX). Then the lines that follow are skipped while they are codes or labels (and, in a
framed story, a single word or a line ending in a colon: its keyword lines), up to the
first that reads as a headline (in wire copy, a line a little below that ends in the
end mark `` =`` is the headline, the lines above it keyword lines); when none does,
nothing is skipped. In wire copy, the lines under the headline are text (wire copy has
no subheadline), and a byline standing alone there (``By Jo Bloggs, dpa =``) gives the
brief's authors (``repair.byline``).

A headline that wraps (a line that does not end a sentence, then a short line ending its
chunk) is joined with its continuation (``repair.headline-wrapped``) in wire copy, or
when the first line ends in blanks as wrapped text does (briefmodel's own text never
does). A wire service's end-of-headline mark (dpa's and ATS's `` =``, Kyodo's ``+``) is
removed (``repair.wire-mark``).
"""

from __future__ import annotations

import re

import attrs

from ..._dates import read_date
from ...errors import Problem
from ...model import Agent
from ._stories import _HEADER, _SOURCE, _value
from ._titles import normalise

_Chunk = list[tuple[int, str]]

#: IPTC 7901's start of a message.
_ZCZC = re.compile(r"\s*ZCZC\b.*")
#: Routing lines of IPTC 7901 copy (AAP's ``%MNETALL MFI``, ``$J``, ``:``, ``*X``): a
#: ``%``, ``$`` or ``*`` and a code right after it, or a colon first.
_ROUTING = re.compile(r"\s*(?:[%$*][^\s*].*|[%$*]|:.*)")
#: Label lines of press releases: what they are, not what they say.
_LABEL = re.compile(
    r"\s*(?:(?:(?:media|press|news)\s+(?:release|advisory|statement)|for\s+immediate\s+release)"
    r"(?P<rest>\b.*)?|(?:embargo(?:ed)?|for\s+release)\b.*)",
    re.I,
)
#: A token of a code line: figures with letters (``eca00075``, ``2ND``, ``(3RR)``,
#: ``09-12``), capitals (``RFG``, ``NC(ATD)``), a short lower-case code (``dpa``, ``i``),
#: a keyword path (``/politics/EU/``) or a slug (``BC-Soccer-Cup``).
_CODE_TOKEN = re.compile(
    r"[(\[]?(?:[A-Za-z]*\d[\w\-:.]*|[A-Z]{1,10}(?:\([A-Z0-9]+\))?|[a-z]{1,3})[)\]]?"
    r"|/?[^\s/]+(?:/[^\s/]+)+/?|[A-Za-z0-9]+(?:[-_][\w']+)+"
)
#: What makes a line of code tokens a code line, not a headline in capitals (``G7 TALKS
#: RESUME``, ``COVID-19 CASES RISE``, ``RATES HELD AT 5.25 PCT``): a message number, a
#: code in brackets, a keyword path, a slug of several parts, a short lower-case code.
_STRONG_TOKEN = re.compile(
    r"[A-Za-z]{1,5}\d{3,}|.*\(.*\).*|\S*/\S*/\S*|[A-Z]{2}-\S+|\S+-\S+-\S+|[a-z]{1,3}"
)
#: A version line (``2ND LEAD``, ``3RD NET``): an ordinal and a word.
_VERSION = re.compile(r"\d{1,2}(?:ST|ND|RD|TH)\s+[A-Z]{2,10}", re.I)
#: A transmission header's first token: a message number (letters, then figures).
_MESSAGE_NUMBER = re.compile(r"[A-Za-z]{1,5}\d{3,}")
#: A headline that ends a sentence, which a line of continuation does not follow.
_SENTENCE_END = re.compile(r".*[.!?:;]['\"”’)]*")
#: A wire service's end-of-headline mark: a ``=`` after a blank, or a ``+`` right after
#: the text (not ``++``).
_MARK = re.compile(r"(?P<text>.*?\S)(?:\s+=|(?<![+\s])\+)\s*")

#: The envelope is looked for in this many lines at most.
_LOOKED_AT = 25
#: A continuation line of a wrapped headline has at most this many words.
_CONTINUATION_WORDS = 5
#: A headline that wraps is at least this long (wrapping is near a column limit).
_WRAPPED_CHARS = 40
#: A byline (``By Jo Bloggs, dpa``), which no headline continues with.
_BYLINE = re.compile(r"by\s", re.I)
#: A headline has at most this many words.
_HEADLINE_WORDS = 30


@attrs.define
class Envelope:
    """What the top of a wire story or press release held before its headline: the lines
    skipped (with their numbers), the texts of its ``Source:`` lines (with theirs)."""

    skipped: list[tuple[int, str]] = attrs.field(factory=list)
    sources: list[tuple[int, str]] = attrs.field(factory=list)
    wire: bool = False


def _code_line(line: str) -> bool:
    tokens = line.split()
    if not tokens or not all(_CODE_TOKEN.fullmatch(t) for t in tokens):
        return False
    return _VERSION.fullmatch(line.strip()) is not None or any(
        _STRONG_TOKEN.fullmatch(t) for t in tokens
    )


def _label(line: str) -> bool:
    found = _LABEL.fullmatch(line)
    if found is None:
        return False
    rest = (found.group("rest") or "").strip(" \t:-–—")
    return not rest or _code_line(rest) or read_date(rest) is not None


def _opens(line: str) -> bool:
    """Whether a text's first line opens wire copy or a press release."""
    if _ZCZC.fullmatch(line) or _label(line) or _source_text(line):
        return True
    tokens = line.split()
    return (
        len(tokens) >= 3 and _MESSAGE_NUMBER.fullmatch(tokens[0]) is not None and _code_line(line)
    )


def _source_text(line: str) -> str:
    found = _SOURCE.fullmatch(line)
    return _value(found) if found is not None else ""


def _skipped(line: str, wire: bool) -> bool:
    """Whether a line at the top of wire copy or a press release is not its headline."""
    if _ZCZC.fullmatch(line) or _ROUTING.fullmatch(line) or _label(line) or _code_line(line):
        return True
    text = normalise(line)
    return wire and (len(text.split()) == 1 or text.endswith(":"))


def _reads_as_headline(line: str) -> bool:
    text = normalise(line)
    words = text.split()
    return (
        2 <= len(words) <= _HEADLINE_WORDS
        and any(c.isalpha() for c in text)
        and not text.endswith((":", ",", "."))
    )


def envelope(chunks: list[_Chunk], *, framed: bool) -> tuple[list[_Chunk], Envelope, list[Problem]]:
    """``chunks`` from the headline on, when the text opens as wire copy or a press
    release (or is ``framed`` as a wire story), with what was skipped before it and the
    repairs that say so; the chunks as they are otherwise."""
    if not chunks:
        return chunks, Envelope(), []
    first = chunks[0][0][1]
    if not (framed or _opens(first)):
        return chunks, Envelope(), []
    found = Envelope(wire=framed or (not _source_text(first) and not _label(first)))
    none = Envelope(wire=framed)
    seen = 0
    for index, chunk in enumerate(chunks):
        for at, (number, line) in enumerate(chunk):
            seen += 1
            if seen > _LOOKED_AT:
                return chunks, none, []
            source = _source_text(line)
            if source:
                found.sources.append((number, source))
                continue
            if _HEADER.fullmatch(line) is not None and _value(_HEADER.fullmatch(line)):
                return _from(chunks, index, at, found, None)
            if _skipped(line, found.wire):
                found.skipped.append((number, line))
                continue
            if not _reads_as_headline(line):
                return chunks, none, []
            marked = _marked_below(chunk, at) if found.wire else None
            if marked is not None:  # keyword lines above a headline that says it is one
                found.skipped.extend(chunk[at:marked])
                at = marked
                number, line = chunk[at]
            return _from(chunks, index, at, found, (number, line))
    return chunks, none, []


#: A headline's end mark as dpa, APA and ATS write it: a ``=`` after a blank.
_EQUALS = re.compile(r".*\S\s+=\s*")
#: How far below a line a headline with its end mark is looked for.
_MARK_REACH = 4


def _marked_below(chunk: _Chunk, at: int) -> int | None:
    """The index in ``chunk`` of a line below ``at`` (a few at most) that ends in a
    headline's end mark and reads as a headline, when line ``at`` does not end in one;
    None otherwise."""
    if _EQUALS.fullmatch(chunk[at][1]):
        return None
    for index in range(at + 1, min(len(chunk), at + 1 + _MARK_REACH)):
        line = chunk[index][1]
        if _EQUALS.fullmatch(line) and _BYLINE.match(line.strip()) is None:
            return index if _reads_as_headline(line.rstrip(" =\t")) else None
    return None


def _from(
    chunks: list[_Chunk],
    index: int,
    at: int,
    found: Envelope,
    headline: tuple[int, str] | None,
) -> tuple[list[_Chunk], Envelope, list[Problem]]:
    """The chunks from line ``at`` of chunk ``index`` on; the head chunk's lines after the
    headline are a chunk of their own in wire copy (which has no subheadline)."""
    if not found.skipped and not found.sources:
        return chunks, Envelope(wire=found.wire), []
    rest = [chunks[index][at:], *chunks[index + 1 :]]
    problems = [
        Problem(
            severity="warning",
            code="repair.source-lines",
            message=f"the source line ({_short(f'Source: {text}')!r}) is read as a source of "
            "the brief",
            line=number,
        )
        for number, text in found.sources
    ]
    if found.skipped and headline is not None:
        shown = ", ".join(repr(_short(line)) for _, line in found.skipped[:3])
        more = len(found.skipped) - 3
        shown += f" and {more} more" if more > 0 else ""
        lines = "line" if len(found.skipped) == 1 else f"{len(found.skipped)} lines"
        problems.append(
            Problem(
                severity="warning",
                code="repair.headline-after-envelope",
                message=f"the headline is the first line that reads as one, after the {lines} "
                f"of envelope, routing codes and labels before it ({shown}), which are dropped",
                line=headline[0],
            )
        )
    return rest, found, problems


def _short(line: str) -> str:
    text = normalise(line)
    return text if len(text) <= 30 else text[:29] + "…"


def headline_lines(head: _Chunk, found: Envelope) -> tuple[str, _Chunk, _Chunk, list[Problem]]:
    """The headline of the head chunk, the lines of it that are its subheadline, the lines
    that are text (wire copy's head chunk after its headline) and the repairs made: a
    headline that wraps joined with its continuation, a wire mark removed."""
    problems: list[Problem] = []
    number, first = head[0]
    headline = normalise(first)
    rest = head[1:]
    wrapped = found.wire or bool(found.skipped or found.sources) or first != first.rstrip()
    continuation = normalise(rest[0][1]) if len(rest) == 1 else ""
    if (
        wrapped
        and continuation
        and len(headline) >= _WRAPPED_CHARS
        and not _SENTENCE_END.fullmatch(headline)
        and len(continuation.split()) <= _CONTINUATION_WORDS
        and len(continuation.split()) < len(headline.split())
        and _MARK.fullmatch(headline) is None
        and _MARK.fullmatch(continuation) is None
        and _BYLINE.match(continuation) is None
    ):
        headline = f"{headline} {continuation}"
        problems.append(
            Problem(
                severity="warning",
                code="repair.headline-wrapped",
                message=f"the headline wraps: its line {continuation!r} is joined to it",
                line=rest[0][0],
            )
        )
        rest = []
    if found.wire:
        mark = _MARK.fullmatch(headline)
        if mark is not None:
            shown = headline[len(mark.group("text")) :].strip()
            problems.append(
                Problem(
                    severity="warning",
                    code="repair.wire-mark",
                    message=f"the wire's end-of-headline mark ({shown!r}) is removed",
                    line=number,
                )
            )
            headline = mark.group("text")
        return headline, [], rest, problems
    return headline, rest, [], problems


#: A wire story's byline under its headline: ``By`` and the names (parted by ``and``),
#: then the agency after a comma, then the end mark.
_BYLINE_LINE = re.compile(
    r"\s*By\s+(?P<names>[^\W\d][^,=;]*?)(?:,\s*(?P<agency>[^,=;]+?))?\s*=?\s*", re.I
)
#: A byline has at most this many words.
_BYLINE_WORDS = 10


def byline(chunks: list[_Chunk]) -> tuple[list[_Chunk], list[Agent], list[Problem]]:
    """The authors a wire story's byline names, when its text (``chunks``) starts with
    one standing alone: the chunks without it, the authors and the repair; the chunks
    as they are, and none, otherwise."""
    if not chunks or len(chunks[0]) != 1:
        return chunks, [], []
    number, line = chunks[0][0]
    found = _BYLINE_LINE.fullmatch(line)
    if found is None or len(line.split()) > _BYLINE_WORDS:
        return chunks, [], []
    names = [normalise(n) for n in re.split(r"\s+and\s+|\s*&\s*", found.group("names"))]
    if not all(names) or not all(w[0].isupper() for n in names for w in n.split()):
        return chunks, [], []
    agency = normalise(found.group("agency") or "") or None
    authors = [Agent(name=name, affiliation=agency) for name in names]
    said = ", ".join(repr(name) for name in names)
    problem = Problem(
        severity="warning",
        code="repair.byline",
        message=f"the byline {normalise(line)!r} is read as the brief's authors ({said})",
        line=number,
    )
    return chunks[1:], authors, [problem]
