"""Values written into the page: texts escaped, the characters HTML cannot hold as they
are (as ``<span class="char">``, or left out of attributes with the exact value in
``data-exact``), JSON in attributes and scripts, URLs made valid, language tags and times."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from html import escape
from typing import Any

from ... import _patterns
from ...model.frozen import thaw

#: Characters an HTML document cannot hold as they are, among those a brief can hold (XML
#: 1.0's): a carriage return (parsers turn it into a newline, and its character reference
#: is a parse error), the controls DEL and C1 and the noncharacters (parse errors, and a
#: reference to most C1 controls stands for another character). Texts that hold them are
#: written with each one as an empty ``<span class="char" data-char="HEX">``, attribute
#: values without them and with the exact value in ``data-exact`` (see :func:`_attrs`).
#: (What XML cannot hold either is written as it is: such a brief is not valid anyway.)
_UNWRITABLE = re.compile(
    "[\r\x7f-\x9f\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


#: What may be one of them, found faster than by :data:`_UNWRITABLE` (whose astral
#: characters make a search ten times slower): all characters from U+1FFFE up count.
_MAYBE_UNWRITABLE = re.compile("[\r\x7f-\x9f\ufdd0-\ufdef\U0001fffe-\U0010ffff]")


def _unwritable(text: str) -> bool:
    """True when ``text`` holds a character of :data:`_UNWRITABLE`."""
    if text.isascii():
        return "\r" in text or "\x7f" in text
    found = _MAYBE_UNWRITABLE.search(text)
    while found is not None:
        code = ord(found.group())
        if code < 0x10000 or code & 0xFFFE == 0xFFFE:
            return True
        found = _MAYBE_UNWRITABLE.search(text, found.end())
    return False


def _char_span(match: re.Match[str]) -> str:
    return f'<span class="char" data-char="{ord(match.group()):X}"></span>'


def _e(text: str) -> str:
    """Text escaped for a double-quoted attribute value, or for element content that
    holds no character of :data:`_UNWRITABLE` (markup, labels, numbers)."""
    return escape(text, quote=True)


def _t(text: str) -> str:
    """A text of the brief as element content: escaped, and each character HTML cannot
    hold written as an empty ``span`` that names it (the reader puts it back)."""
    escaped = escape(text, quote=True)
    return _UNWRITABLE.sub(_char_span, escaped) if _unwritable(escaped) else escaped


def _plain(text: str) -> str:
    """A text for a place no markup can go (``title``, ``meta`` content): escaped, with a
    carriage return as a space and the other characters HTML cannot hold left out."""
    if _unwritable(text):
        text = _UNWRITABLE.sub(lambda m: " " if m.group() == "\r" else "", text)
    return escape(text, quote=True)


class _Exact(str):
    """An attribute value as written, carrying the exact value when that differs (a URL
    made valid, a time to the millisecond): :func:`_attrs` puts it in ``data-exact``."""

    exact: str

    def __new__(cls, shown: str, exact: str) -> _Exact:
        value = super().__new__(cls, shown)
        value.exact = exact
        return value


def _attrs(**values: str | None) -> str:
    """`` name="value"`` pairs for the values that are not None (``_`` in names → ``-``).

    A value holding a character HTML cannot hold is written without it, and a value
    written differently from the brief's (an :class:`_Exact`) is written as shown; the
    exact values of both go in one ``data-exact`` attribute, a JSON object from attribute
    names to values, which the reader applies before reading the page.
    """
    out = ""
    exact: dict[str, str] | None = None
    for key, value in values.items():
        if value is None:
            continue
        name = _NAMES.get(key) or _NAMES.setdefault(key, key.rstrip("_").replace("_", "-"))
        if type(value) is not str:  # an _Exact
            exact = exact or {}
            exact[name] = value.exact  # type: ignore[attr-defined]
        elif (not value.isascii() or "\r" in value or "\x7f" in value) and _unwritable(value):
            exact = exact or {}
            exact[name] = value
            value = _UNWRITABLE.sub(lambda m: " " if m.group() == "\r" else "", value)
        out += f' {name}="{escape(value, quote=True)}"'
    if exact:
        out += f' data-exact="{escape(_json_text(exact), quote=True)}"'
    return out


#: Attribute names by keyword (``class_`` → ``class``, ``data_id`` → ``data-id``).
_NAMES: dict[str, str] = {}


def _json_text(value: Any, **options: Any) -> str:
    """JSON in which every character HTML cannot hold is a ``\\u`` escape."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), **options)
    if _unwritable(text):  # only inside strings: JSON's own syntax is ASCII
        text = _UNWRITABLE.sub(_json_escape, text)
    return text


def _json_escape(match: re.Match[str]) -> str:
    units = match.group().encode("utf-16-be")
    return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))


def _json_attr(value: Any) -> str | None:
    if not value:
        return None
    return _json_text(thaw(value), sort_keys=True)


def _script_json(value: Any) -> str:
    """JSON that no text can end a ``script`` element from: ``<``, ``>`` and ``&`` escaped."""
    return (
        _json_text(value)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


#: What a URL in an ``href`` or ``src`` cannot hold as it is (HTML's "valid URL"): a ``%``
#: that does not start an escape, white space, the characters URLs never hold as they are,
#: and the characters HTML cannot hold.
_URL_UNSAFE = re.compile(r'%(?![0-9A-Fa-f]{2})|[\s"<>\\^`{|}]|' + _MAYBE_UNWRITABLE.pattern)
_URL_AFTER_HOST = re.compile(r"\[|\]")
_URL_EDGES = "".join(chr(c) for c in range(0x21))


def _href(url: str) -> str:
    """``url`` as a valid URL for an ``href`` or ``src``, leading to the same place.

    As a browser does, white space and controls at either end and tabs and line breaks
    inside are left out; then what a URL cannot hold as it is is percent-encoded (as
    UTF-8), and so are ``[``, ``]`` after the host and every ``#`` after the first.
    The written value is an :class:`_Exact` holding ``url`` when the two differ.
    """
    if not _URL_UNSAFE.search(url) and "[" not in url and url.count("#") < 2:
        return url
    if _patterns.NOT_XML_CHAR.search(url):  # not valid in a brief: written as it is
        return url
    fixed = url.strip(_URL_EDGES)
    fixed = fixed.replace("\t", "").replace("\n", "").replace("\r", "")
    fixed = _URL_UNSAFE.sub(_percent, fixed)
    head, slashes, rest = fixed.partition("//")
    if slashes:  # keep brackets in an authority ([::1]); encode them in the path
        end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
        fixed = head + slashes + rest[:end] + _URL_AFTER_HOST.sub(_percent, rest[end:])
    else:
        fixed = _URL_AFTER_HOST.sub(_percent, fixed)
    base, hash_, fragment = fixed.partition("#")
    fixed = base + hash_ + fragment.replace("#", "%23")
    return fixed if fixed == url else _Exact(fixed, url)


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "surrogatepass"))


#: The preferred values of BCP 47's grandfathered ``i-`` tags (from the IANA registry).
_GRANDFATHERED = {
    "i-ami": "ami",
    "i-bnn": "bnn",
    "i-hak": "hak",
    "i-klingon": "tlh",
    "i-lux": "lb",
    "i-navajo": "nv",
    "i-pwn": "pwn",
    "i-tao": "tao",
    "i-tay": "tay",
    "i-tsu": "tsu",
}


def _html_lang(language: str) -> str:
    """``language`` as a ``lang`` attribute that tools understand: a private-use tag
    (``x-…``) and a grandfathered ``i-`` tag have no language subtag, so they are written
    as their preferred value, or as the undetermined language with the tag as private use
    (``und-x-…``), carrying the exact tag (:class:`_Exact`)."""
    if language[:2].lower() not in ("x-", "i-"):
        return language
    shown = _GRANDFATHERED.get(language.lower())
    if shown is None:
        shown = "und-" + language if language[:2].lower() == "x-" else "und-x-" + language
    return _Exact(shown, language)


#: Month names as the page shows them, in English whatever the machine's locale (the
#: page's chrome is English; ``strftime("%B")`` would follow the locale).
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _shown_time(value: datetime) -> str:
    """A date-time as the page shows it (``9 March 2026, 07:30 +01:00``)."""
    offset = value.strftime("%z")
    month = _MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year:04d}, {value:%H:%M} {offset[:3]}:{offset[3:5]}"


def _time(value: datetime, field: str, label: str = "") -> str:
    shown = _shown_time(value)
    if value.microsecond:
        return (
            f"{label}<time{_attrs(datetime=_html_datetime(value), data_field=field)}>{shown}</time>"
        )
    offset_ = value.utcoffset()
    if offset_ is not None and (offset_.seconds % 60 or offset_.microseconds):
        return (
            f"{label}<time{_attrs(datetime=_html_datetime(value), data_field=field)}>{shown}</time>"
        )
    return f'{label}<time datetime="{value.isoformat()}" data-field="{field}">{shown}</time>'


def _html_datetime(value: datetime) -> str:
    """``value`` as HTML's "valid global date and time string": a second's fraction has
    at most three digits and an offset is whole minutes. When that cannot say ``value``
    exactly, the value written is to the millisecond (in UTC for an offset with seconds)
    and carries the exact ISO 8601 value (:class:`_Exact`)."""
    exact = value.isoformat()
    offset = value.utcoffset()
    whole_minutes = offset is None or (offset.seconds % 60 == 0 and not offset.microseconds)
    if whole_minutes and value.microsecond % 1000 == 0:
        return value.isoformat(timespec="milliseconds") if value.microsecond else exact
    shown = value if whole_minutes else value.astimezone(timezone.utc)
    return _Exact(shown.isoformat(timespec="milliseconds"), exact)
