r"""The named string shapes of the model, defined once.

Each :class:`Shape` is used three times: by the attrs field validators in
:mod:`briefmodel.model`, by the JSON Schema generator (as ``pattern``), and by the
validation layer, which turns a schema failure against a shape into a problem with
the shape's own code and wording. Patterns are written in the subset of regular
expression syntax shared by Python and ECMA-262 so that any JSON Schema validator
reads them the same way: they end in ``(?![\s\S])`` ("nothing follows"), because ``$``
also matches before a final newline in Python but not in ECMA-262; and none of them
backtracks more than linearly.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta, timezone

import attrs

from .errors import Invalid


@attrs.frozen
class Shape:
    """A named constraint on a string: a pattern, a problem code and a description."""

    name: str
    pattern: str
    code: str
    description: str
    regex: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))

    def matches(self, value: str) -> bool:
        return self.regex.match(value) is not None


_ALNUM = "[A-Za-z0-9]"
_LANGTAG = (
    "(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # language, extlang
    "(?:-[A-Za-z]{4})?"  # script
    "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region
    f"(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*"  # variants
    f"(?:-[0-9A-WY-Za-wy-z](?:-{_ALNUM}{{2,8}})+)*"  # extensions
    f"(?:-[Xx](?:-{_ALNUM}{{1,8}})+)?"  # private use
)
_IRREGULAR = (
    "en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|"
    "i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE"
)

END = r"(?![\s\S])"

LANGUAGE = Shape(
    "language",
    f"^(?:{_LANGTAG}|[Xx](?:-{_ALNUM}{{1,8}})+|{_IRREGULAR}){END}",
    "language.malformed",
    "a well-formed BCP 47 language tag such as 'en', 'ar' or 'pt-BR'",
)
QCODE = Shape(
    "qcode",
    r"^[A-Za-z][A-Za-z0-9_.\-]*:[^\s]+" + END,
    "qcode.malformed",
    "a qualified code 'scheme:code' such as 'medtop:20000763'",
)
EXTENSION_KEY = Shape(
    "extension-key",
    r"^[A-Za-z][A-Za-z0-9_.\-]*:[^\s]+" + END,
    "extension.unqualified-key",
    "a namespaced key 'prefix:name' such as 'acme:desk'",
)
NODE_ID = Shape(
    "node-id",
    r"^[A-Za-z_][A-Za-z0-9_.\-]*" + END,
    "id.malformed",
    "an identifier that starts with a letter or '_' and holds only ASCII letters, "
    "digits, '_', '-' and '.' (usable as an XML ID and an HTML anchor)",
)
_NOT_IN_NODE_ID = re.compile(r"[^A-Za-z0-9_.\-]+")


def new_node_id(
    candidates: tuple[object, ...], taken: set[str], counters: dict[str, int] | None = None
) -> str:
    """A :data:`NODE_ID` made from the first candidate that is a non-empty string (a name,
    a code, a URI), unique among ``taken``, to which it is added.

    What an id cannot hold becomes ``-``; an id that cannot start as it is gets ``_``
    before it; a taken one gets ``-2``, ``-3`` … after it; with no candidate, ``x``.
    Readers of other producers' documents use it to give entities and sources ids;
    ``counters``, kept by the reader for all its calls, remembers the last number each
    id was given, so that a thousand people of the same name are not counted up from
    ``-2`` each time (``taken`` only grows, so the numbers below are taken still).

    >>> taken = {"port-authority"}
    >>> new_node_id((None, "Port Authority"), taken), new_node_id(("Port authority",), taken)
    ('Port-Authority', 'Port-authority')
    >>> new_node_id(("port authority",), taken), new_node_id(("2026 report",), taken)
    ('port-authority-2', '_2026-report')
    """
    for candidate in candidates:
        if type(candidate) is str and candidate:
            ident = _NOT_IN_NODE_ID.sub("-", candidate).strip("-") or "x"
            if not NODE_ID.regex.match(ident):
                ident = "_" + ident
            break
    else:
        ident = "x"
    base = ident
    n = 1 if counters is None else counters.get(base, 1)
    if n > 1:
        ident = f"{base}-{n}"
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    if counters is not None:
        counters[base] = n
    return ident


SCHEME_NAME = Shape(
    "scheme-name",
    r"^[A-Za-z][A-Za-z0-9_.\-]*" + END,
    "identifier.malformed-scheme",
    "an identifier scheme name such as 'wikidata' or 'iso3166'",
)
DOCUMENT_ID = Shape(
    "document-id",
    r"^[^\s]+" + END,
    "brief-id.malformed",
    "an identifier without white space, ideally a URI ('urn:…', 'tag:…', 'https://…')",
)
LINE = Shape(
    "line",
    # Leading white space first, so the first visible character is found without
    # backtracking; then anything but a line break.
    r"^[^\S\n\r]*[^\s][^\n\r]*" + END,
    "text.not-one-line",
    "one line of text that is not empty or blank",
)
DATETIME = Shape(
    "datetime",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+\-][0-9]{2}:[0-9]{2})"
    + END,
    "datetime.invalid",
    "an RFC 3339 date-time with a UTC offset, such as '2026-03-02T09:00:00+01:00'",
)

#: A date-time that is well-formed but for its missing UTC offset.
NAIVE_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
)
NAIVE_DATETIME_CODE = "datetime.naive"


def datetime_problem(value: str) -> tuple[str, str]:
    """The code and message for a string that is not an RFC 3339 date-time."""
    shown = repr(value[:64])
    if NAIVE_DATETIME.fullmatch(value[:64]):
        return NAIVE_DATETIME_CODE, f"{shown} has no UTC offset; add one, such as 'Z' or '+01:00'"
    return DATETIME.code, f"{shown} is not {DATETIME.description}"


SHAPES: tuple[Shape, ...] = (
    LANGUAGE,
    QCODE,
    EXTENSION_KEY,
    NODE_ID,
    SCHEME_NAME,
    DOCUMENT_ID,
    LINE,
    DATETIME,
)

#: Characters that XML 1.0 cannot carry: C0 controls other than tab, newline and
#: carriage return, lone surrogates, and the non-characters U+FFFE and U+FFFF.
NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# --------------------------------------------------------------------------------------
# Date-times as the model reads them

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))"
)


#: The spelling of RFC 3339 that Python 3.11's ``datetime.fromisoformat`` (in C, twenty
#: times faster than the groups below) reads as they do: ``T`` and ``Z`` in capitals, at
#: most six digits of fraction, offsets of hours below 24 and minutes below 60.
_PLAIN_RFC3339 = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)"
)
_FROMISOFORMAT_READS_RFC3339 = sys.version_info >= (3, 11)


def parse_datetime(value: str) -> datetime:
    """Parse an RFC 3339 date-time with an offset; raise :class:`Invalid` otherwise."""
    if _FROMISOFORMAT_READS_RFC3339 and _PLAIN_RFC3339.fullmatch(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:  # (a 30 February: said below)
            pass
    match = _RFC3339.fullmatch(value) if len(value) < 64 else None
    if match is None:
        raise Invalid(*datetime_problem(value))
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    try:
        if zulu:
            tz = timezone.utc
        else:
            offset = timedelta(hours=int(off_h), minutes=int(off_m))
            if int(off_m) >= 60:
                raise ValueError("offset minutes out of range")
            tz = timezone(-offset if sign == "-" else offset)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            micro,
            tz,
        )
    except ValueError as error:
        raise Invalid(DATETIME.code, f"{value!r} is not a valid date-time: {error}") from None
