"""HTML: a brief as a publishable, accessible page, and pages read back.

``bm.dumps(brief, "html")`` writes a complete HTML5 document (``fragment=True`` for the
``article`` alone): a ``header`` with the headline, subheadline, byline and dates, one
``section`` per section with headings at the right level, lists, quotes with their
attribution, figures, judgments whose confidence and likelihood are shown and
machine-readable, citations linked to the sources in the ``footer``, related links and
rights; schema.org JSON-LD, Open Graph and ``description`` meta tags in the ``head``;
``lang`` and ``dir`` from the brief's language; the bundled stylesheet (``css=`` to
replace it, ``css=None`` for none).

Every text is escaped and every link goes through the URL rules: a link whose scheme is
not allowed is written as plain text. What the reader needs to get the brief back
exactly is in ``data-*`` attributes, so ``bm.loads(html, "html")`` of briefmodel's own
page gives an equal brief.

The page is valid HTML (the W3C Nu HTML Checker finds no error) for every valid brief
whose language tag is registered (the checker looks subtags up in the IANA registry):
the characters HTML cannot carry as they are (a carriage return, DEL, C1 controls,
noncharacters) are written in text as an empty ``<span class="char" data-char="HEX">``
and left out of attribute values, and a value written otherwise than the brief holds it
(such a character left out, a URL made valid, a time to the millisecond, a private-use
language tag) keeps its exact value in the element's ``data-exact`` attribute, a JSON
object from attribute names to values.

Other article HTML is read best-effort: an ``h1`` headline, headings to sections,
paragraphs, lists, quotes, figures and links; scripts, styles, navigation and forms are
dropped, with a loss report.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(id="urn:example:1", headline="Ferry fares rise in spring",
...     created=datetime(2026, 3, 1, 8, tzinfo=timezone.utc),
...     sections=[bm.Section(blocks=[bm.Paragraph(content="Fares rise by a tenth.")])])
>>> page = bm.dumps(brief, "html", css=None)
>>> page.startswith("<!DOCTYPE html>")
True
>>> bm.loads(page, "html") == brief
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from copy import deepcopy
from datetime import datetime, timezone
from html import escape
from importlib.resources import files
from typing import Any

from lxml import etree

from ... import _patterns
from ..._converter import Invalid, parse_datetime, thaw
from ...errors import ParseError, Problem, ValidationError, settle_losses
from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Agent,
    Brief,
    Citation,
    Code,
    Correction,
    Emphasis,
    Entity,
    Figure,
    ItemList,
    Judgment,
    LineBreak,
    Link,
    ListItem,
    Mention,
    Paragraph,
    Quote,
    Related,
    Rights,
    Section,
    Source,
    Strong,
    Subject,
    plain_text,
)
from ...rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES, allowed_schemes, url_scheme
from .. import Format
from .._safe_xml import Reading, all_text, local_name, lost_text, refuse, where

__all__ = [
    "CONFIDENCE_LABELS",
    "FORMAT",
    "KIND_LABELS",
    "LIKELIHOOD_LABELS",
    "MAX_ATTRIBUTES",
    "MAX_BYTES",
    "RTL_LANGUAGES",
    "SIGNAL_LABELS",
    "default_css",
    "direction",
    "examine",
    "json_ld",
    "parse",
    "read",
    "sniff",
    "write",
]

#: Languages written right to left (by their primary subtag).
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}
)
#: Scripts written right to left (a script subtag overrides the language's direction).
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
_LTR_SCRIPTS = frozenset({"latn", "cyrl", "grek", "hans", "hant", "jpan", "kore", "deva"})

#: Words shown for machine values, in English (the page's chrome; the brief's own text is
#: never translated).
CONFIDENCE_LABELS = {
    "low": "Low confidence",
    "moderate": "Moderate confidence",
    "high": "High confidence",
}
LIKELIHOOD_LABELS = {
    "almost-no-chance": "Almost no chance",
    "very-unlikely": "Very unlikely",
    "unlikely": "Unlikely",
    "roughly-even-chance": "Roughly even chance",
    "likely": "Likely",
    "very-likely": "Very likely",
    "almost-certain": "Almost certain",
}
SIGNAL_LABELS = {"update": "Update", "correction": "Correction", "retraction": "Retraction"}
KIND_LABELS = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Other",
}
_SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Thing",
}


def direction(language: str) -> str:
    """``"rtl"`` for a language written right to left, else ``"ltr"``.

    >>> direction("ar-EG"), direction("en"), direction("az-Arab")
    ('rtl', 'ltr', 'rtl')
    """
    parts = language.lower().split("-")
    for part in parts[1:]:
        if part in _RTL_SCRIPTS:
            return "rtl"
        if part in _LTR_SCRIPTS:
            return "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"


def default_css() -> str:
    """The bundled stylesheet: screen and print, light and dark."""
    return (files("briefmodel") / "styles" / "brief.css").read_text("utf-8")


# ======================================================================================
# Writing


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


def _time(value: datetime, field: str, label: str = "") -> str:
    offset = value.strftime("%z")
    month = _MONTHS[value.month - 1]
    shown = f"{value.day} {month} {value.year:04d}, {value:%H:%M} {offset[:3]}:{offset[3:5]}"
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


class _Page:
    """One brief being written: its parts, and the number each source is cited by."""

    def __init__(self, brief: Brief, url_schemes: frozenset[str]) -> None:
        self.brief = brief
        self.url_schemes = url_schemes
        self.source_numbers = {s.id: n for n, s in enumerate(brief.sources, 1)}
        self.out: list[str] = []
        self.in_link = 0  # how many links the text being written is inside

    def safe_url(self, url: str) -> str | None:
        """The URL when links may use its scheme; None otherwise (shown as text)."""
        scheme = url_scheme(url)
        if scheme is None or scheme in DANGEROUS_SCHEMES or scheme not in self.url_schemes:
            return None
        return url

    # -- the article -----------------------------------------------------------------

    def article(self) -> str:
        b = self.brief
        w = self.out.append
        w(
            "<article"
            + _attrs(
                class_="brief",
                lang=_html_lang(b.language),
                dir=direction(b.language),
                data_id=b.id,
                data_version=str(b.version),
                data_status=b.status,
                data_urgency=str(b.urgency) if b.urgency is not None else None,
                data_genre=b.genre,
                data_keywords=_json_attr(b.keywords),
                data_extensions=_json_attr(b.extensions),
            )
            + ">"
        )
        self.header()
        for section in b.sections:
            self.section(section, 2)
        self.footer()
        w("</article>")
        return "".join(self.out)

    def header(self) -> None:
        b = self.brief
        w = self.out.append
        w("<header>")
        if b.status != "usable":
            w(f'<p class="status" role="note">{_t(b.status.capitalize())}</p>')
        w(f"<h1>{_t(b.headline)}</h1>")
        if b.subheadline is not None:
            w(f'<p class="subheadline">{_t(b.subheadline)}</p>')
        if b.authors:
            w('<p class="byline">By ')
            for index, author in enumerate(b.authors):
                if index:
                    w(" and " if index == len(b.authors) - 1 else ", ")
                self.agent(author, "author")
            w("</p>")
        w('<p class="dates">')
        w(_time(b.created, "created", "Published "))
        if b.updated is not None:
            w(" · " + _time(b.updated, "updated", "Updated "))
        if b.embargo_until is not None:
            w(" · " + _time(b.embargo_until, "embargo-until", "Embargoed until "))
        w("</p>")
        if b.corrections:
            w('<aside class="corrections" aria-label="Corrections"><ul>')
            for c in b.corrections:
                w(f'<li data-signal="{c.signal}"><strong>{SIGNAL_LABELS[c.signal]}</strong> ')
                if c.date is not None:
                    w("(" + _time(c.date, "date") + ") ")
                w(f'<span class="note">{_t(c.note)}</span></li>')
            w("</ul></aside>")
        w("</header>")

    def agent(self, agent: Agent, kind: str) -> None:
        w = self.out.append
        w(
            f'<span class="{kind}"'
            + _attrs(data_uri=agent.uri, data_role=agent.role, data_affiliation=agent.affiliation)
            + ">"
        )
        url = self.safe_url(agent.uri) if agent.uri else None
        name = f'<span class="name">{_t(agent.name)}</span>'
        w(f"<a{_attrs(href=_href(url))}>{name}</a>" if url else name)
        if agent.role is not None:
            w(f', <span class="role">{_t(agent.role)}</span>')
        if agent.affiliation is not None:
            w(f', <span class="affiliation">{_t(agent.affiliation)}</span>')
        w("</span>")

    def section(self, section: Section, level: int) -> None:
        w = self.out.append
        classes = f"section {section.role}" if section.role else "section"
        w("<section" + _attrs(id=section.id, class_=classes, data_role=section.role) + ">")
        if section.title is not None:
            w(f"<h{min(level, 6)}>{_t(section.title)}</h{min(level, 6)}>")
            level += 1
        for block in section.blocks:
            _BLOCK_WRITERS[type(block)](self, block, level)
        for child in section.sections:
            self.section(child, level)
        w("</section>")

    # -- blocks ----------------------------------------------------------------------

    def paragraph(self, block: Paragraph, level: int) -> None:
        self.out.append("<p>")
        self.rich(block.content)
        self.out.append("</p>")

    def item_list(self, block: ItemList, level: int) -> None:
        w = self.out.append
        tag = "ol" if block.ordered else "ul"
        w(f"<{tag}>")
        for item in block.items:
            w("<li>")
            if item.blocks:
                w('<span class="item">')
                self.rich(item.content)
                w("</span>")
                for child in item.blocks:
                    _BLOCK_WRITERS[type(child)](self, child, level)
            else:
                self.rich(item.content)
            w("</li>")
        w(f"</{tag}>")

    def quote(self, block: Quote, level: int) -> None:
        w = self.out.append
        w('<figure class="quote"' + _attrs(data_source=block.source_ref) + "><blockquote><p>")
        self.rich(block.content)
        w("</p></blockquote>")
        if block.attribution is not None or block.source_ref is not None:
            w("<figcaption>")
            if block.attribution is not None:
                w(f'<span class="attribution">{_t(block.attribution)}</span>')
            if block.source_ref is not None:
                self.citation(Citation(ref=block.source_ref))
            w("</figcaption>")
        w("</figure>")

    def judgment(self, block: Judgment, level: int) -> None:
        w = self.out.append
        w(
            '<aside class="judgment"'
            + _attrs(
                data_confidence=block.confidence,
                data_likelihood=block.likelihood,
                data_basis=" ".join(block.basis) or None,
            )
            + ' role="note" aria-label="Analytic judgment">'
        )
        if block.likelihood is not None or block.confidence is not None:
            w('<p class="assessment">')
            if block.likelihood is not None:
                w(f'<span class="likelihood">{LIKELIHOOD_LABELS[block.likelihood]}</span>')
            if block.confidence is not None:
                if block.likelihood is not None:
                    w(" · ")
                w(f'<span class="confidence">{CONFIDENCE_LABELS[block.confidence]}</span>')
            w("</p>")
        w('<p class="statement">')
        self.rich(block.statement)
        w("</p>")
        if block.basis:
            w('<p class="basis">Based on ')
            for ref in block.basis:
                self.citation(Citation(ref=ref))
            w("</p>")
        w("</aside>")

    def figure(self, block: Figure, level: int) -> None:
        w = self.out.append
        src = self.safe_url(block.src)
        w("<figure" + _attrs(class_="figure", data_src=None if src else block.src) + ">")
        if src is not None:
            w(f'<img{_attrs(src=_href(src), alt=block.alt)} loading="lazy">')
        else:
            w(f'<p class="missing-image"{_attrs(data_alt=block.alt)}>{_t(block.alt)}</p>')
        if block.caption or block.credit is not None:
            w("<figcaption>")
            if block.caption:
                w('<span class="caption">')
                self.rich(block.caption)
                w("</span>")
            if block.credit is not None:
                w(f' <small class="credit">{_t(block.credit)}</small>')
            w("</figcaption>")
        w("</figure>")

    # -- rich text -------------------------------------------------------------------

    def rich(self, content: tuple[Any, ...]) -> None:
        w = self.out.append
        for node in content:
            if type(node) is str:
                w(_t(node))
            else:
                _INLINE_WRITERS[type(node)](self, node)

    def emphasis(self, node: Emphasis) -> None:
        self.out.append("<em>")
        self.rich(node.content)
        self.out.append("</em>")

    def strong(self, node: Strong) -> None:
        self.out.append("<strong>")
        self.rich(node.content)
        self.out.append("</strong>")

    def code(self, node: Code) -> None:
        self.out.append(f"<code>{_t(node.text)}</code>")

    def line_break(self, node: LineBreak) -> None:
        self.out.append("<br>")

    def link(self, node: Link) -> None:
        w = self.out.append
        url = self.safe_url(node.href) if not self.in_link else None  # HTML links don't nest
        bare = None if node.content else "bare"  # the address is shown as its own text
        if url is None:  # not a link to follow (or inside one): its text, the address as data
            classes = "link bare" if bare else "link"
            w(f'<span class="{classes}"' + _attrs(data_href=node.href, title=node.title) + ">")
        else:
            # A link must have a name: when its text shows nothing, its address.
            nameless = node.content and node.title is None and _blank(node.content)
            label = node.href if nameless else None
            w("<a" + _attrs(href=_href(url), class_=bare, title=node.title, aria_label=label) + ">")
        self.in_link += url is not None
        if node.content:
            self.rich(node.content)
        else:
            w(_t(node.href))
        self.in_link -= url is not None
        w("</a>" if url is not None else "</span>")

    def mention(self, node: Mention) -> None:
        self.out.append(f'<span class="mention"{_attrs(data_entity=node.ref)}>')
        self.rich(node.content)
        self.out.append("</span>")

    def citation(self, node: Citation) -> None:
        number = self.source_numbers.get(node.ref)
        shown = f"[{number}]" if number is not None else "[?]"
        ref = _e(node.ref)
        if self.in_link:  # a link inside a link is not HTML: the number alone
            self.out.append(f'<sup class="citation"><span data-source="{ref}">{shown}</span></sup>')
            return
        self.out.append(
            f'<sup class="citation"><a href="#source:{ref}" data-source="{ref}">{shown}</a></sup>'
        )

    # -- the footer ------------------------------------------------------------------

    def footer(self) -> None:
        b = self.brief
        w = self.out.append
        if not (b.sources or b.entities or b.subjects or b.related or b.rights or b.publisher):
            return
        w("<footer>")
        if b.sources:
            w('<section class="sources"><h2>Sources</h2><ol>')
            for source in b.sources:
                self.source(source)
            w("</ol></section>")
        if b.entities:
            w('<section class="entities"><h2>Named in this brief</h2><ul>')
            for entity in b.entities:
                self.entity(entity)
            w("</ul></section>")
        if b.subjects:
            w('<section class="subjects"><h2>Topics</h2><ul>')
            for subject in b.subjects:
                w(
                    "<li"
                    + _attrs(
                        data_code=subject.code,
                        data_uri=subject.uri,
                        data_name=subject.name,
                        data_relevance=_str(subject.relevance),
                        data_confidence=_str(subject.confidence),
                    )
                    + f">{_t(subject.name or subject.code or subject.uri or '')}</li>"
                )
            w("</ul></section>")
        if b.related:
            w('<section class="related"><h2>Related</h2><ul>')
            for related in b.related:
                url = self.safe_url(related.url)
                text = _t(related.title or related.url)
                data = _attrs(data_url=related.url, data_rel=related.rel, data_title=related.title)
                link = f"<a{_attrs(href=_href(url))}>{text}</a>" if url else text
                w(f"<li{data}>{link}</li>")
            w("</ul></section>")
        if b.publisher is not None:
            w('<p class="publisher">Published by ')
            self.agent(b.publisher, "publisher")
            w("</p>")
        if b.rights is not None:
            self.rights(b.rights)
        w("</footer>")

    def source(self, source: Source) -> None:
        w = self.out.append
        w(
            f'<li id="source:{_e(source.id)}"'
            + _attrs(
                data_source_id=source.id,
                data_url=source.url,
                data_publisher=source.publisher,
                data_reliability=source.reliability,
                data_credibility=_str(source.credibility),
            )
            + ">"
        )
        url = self.safe_url(source.url) if source.url else None
        title = f'<cite class="title">{_t(source.title)}</cite>'
        w(f"<a{_attrs(href=_href(url))}>{title}</a>" if url else title)
        if source.publisher is not None:
            w(f', <span class="publisher">{_t(source.publisher)}</span>')
        if source.published is not None:
            w(", " + _time(source.published, "published"))
        if source.accessed is not None:
            w(", " + _time(source.accessed, "accessed", "accessed "))
        if source.reliability is not None or source.credibility is not None:
            grade = f"{source.reliability or ''}{source.credibility or ''}"
            reliability = source.reliability or "not graded"
            credibility = source.credibility or "not graded"
            w(
                f' <abbr class="grading" title="Source reliability {reliability}, '
                f'information credibility {credibility}">{_t(grade)}</abbr>'
            )
        w("</li>")

    def entity(self, entity: Entity) -> None:
        w = self.out.append
        w(
            f'<li id="entity:{_e(entity.id)}"'
            + _attrs(
                data_entity_id=entity.id,
                data_kind=entity.kind,
                data_aliases=_json_attr(entity.aliases),
                data_identifiers=_json_attr(entity.identifiers),
            )
            + f'><span class="name">{_t(entity.name)}</span>'
            + f' <span class="kind">({KIND_LABELS[entity.kind]})</span>'
        )
        if entity.aliases:
            w(f' <span class="aliases">also {_t(", ".join(entity.aliases))}</span>')
        w("</li>")

    def rights(self, rights: Rights) -> None:
        w = self.out.append
        w(
            '<p class="rights"'
            + _attrs(
                data_holder=rights.holder,
                data_notice=rights.notice,
                data_license_url=rights.license_url,
                data_usage_terms=rights.usage_terms,
            )
            + ">"
        )
        parts = []
        if rights.notice is not None:
            parts.append(f'<span class="notice">{_t(rights.notice)}</span>')
        elif rights.holder is not None:
            parts.append(f'<span class="holder">© {_t(rights.holder)}</span>')
        if rights.license_url is not None:
            url = self.safe_url(rights.license_url)
            licence = _t(rights.license_url)
            parts.append(
                f'<a rel="license"{_attrs(href=_href(url))}>Licence</a>' if url else licence
            )
        if rights.usage_terms is not None:
            parts.append(f'<span class="usage-terms">{_t(rights.usage_terms)}</span>')
        w(" · ".join(parts) + "</p>")


def _blank(content: tuple[Any, ...]) -> bool:
    """True when rich text shows no visible character (a citation shows its number)."""
    for node in content:
        kind = type(node)
        if kind is str:
            if _UNWRITABLE.sub("", node).strip():
                return False
        elif kind is Citation:
            return False
        elif kind is Code:
            if _UNWRITABLE.sub("", node.text).strip():
                return False
        elif kind is not LineBreak and not _blank(node.content):
            return False
    return True


def _str(value: int | None) -> str | None:
    return None if value is None else str(value)


_BLOCK_WRITERS: dict[type, Callable[[_Page, Any, int], None]] = {
    Paragraph: _Page.paragraph,
    ItemList: _Page.item_list,
    Quote: _Page.quote,
    Judgment: _Page.judgment,
    Figure: _Page.figure,
}
_INLINE_WRITERS: dict[type, Callable[[_Page, Any], None]] = {
    Emphasis: _Page.emphasis,
    Strong: _Page.strong,
    Code: _Page.code,
    LineBreak: _Page.line_break,
    Link: _Page.link,
    Mention: _Page.mention,
    Citation: _Page.citation,
}
assert set(_BLOCK_WRITERS) == set(BLOCK_TYPES)
assert set(_INLINE_WRITERS) == set(INLINE_TYPES)


def json_ld(brief: Brief, *, url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` (``AnalysisNewsArticle`` for analysis) of a brief.

    Crawlers show its ``url``, ``sameAs`` and ``license`` values as links, so they follow
    the page's URL rules: a URL whose scheme ``url_schemes`` does not allow is left out.

    >>> import briefmodel as bm
    >>> from datetime import datetime, timezone
    >>> brief = bm.Brief(id="urn:example:1", headline="Ports reopen",
    ...                  created=datetime(2026, 3, 1, tzinfo=timezone.utc),
    ...                  authors=[bm.Agent(name="A. Writer", uri="javascript:alert(1)")],
    ...                  sections=[bm.Section(blocks=[bm.Paragraph(content="Open.")])])
    >>> json_ld(brief)["author"]
    [{'@type': 'Person', 'name': 'A. Writer'}]
    """
    schemes = allowed_schemes(url_schemes)

    def link(url: str | None) -> str | None:
        return url if url is not None and url_scheme(url) in schemes else None

    analysis = brief.genre == "analysis" or any(type(node) is Judgment for _, node in brief.walk())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle" if analysis else "NewsArticle",
        "identifier": brief.id,
        "headline": brief.headline,
        "datePublished": brief.created.isoformat(),
        "inLanguage": brief.language,
    }
    if url_scheme(brief.id) in ("http", "https") and link(brief.id):
        data["url"] = brief.id
    if brief.subheadline is not None:
        data["alternativeHeadline"] = brief.subheadline
    data["description"] = _description(brief)
    if brief.updated is not None:
        data["dateModified"] = brief.updated.isoformat()
    if brief.genre is not None:
        data["genre"] = brief.genre
    if brief.keywords:
        data["keywords"] = list(brief.keywords)
    if brief.authors:
        data["author"] = [_person(a, link(a.uri)) for a in brief.authors]
    if brief.publisher is not None:
        publisher = brief.publisher
        data["publisher"] = {"@type": "Organization", **_named(publisher, link(publisher.uri))}
    if brief.subjects:
        data["about"] = [
            {
                "@type": "Thing",
                **({"name": s.name} if s.name else {}),
                **({"identifier": s.code} if s.code else {}),
                **({"sameAs": s.uri} if link(s.uri) else {}),
            }
            for s in brief.subjects
        ]
    if brief.entities:
        data["mentions"] = [
            {
                "@type": _SCHEMA_TYPES[e.kind],
                "name": e.name,
                **({"alternateName": list(e.aliases)} if e.aliases else {}),
                **(
                    {"identifier": [f"{k}:{v}" for k, v in e.identifiers.items()]}
                    if e.identifiers
                    else {}
                ),
            }
            for e in brief.entities
        ]
    if brief.sources:
        data["citation"] = [
            {
                "@type": "CreativeWork",
                "name": s.title,
                **({"url": s.url} if link(s.url) else {}),
                **(
                    {"publisher": {"@type": "Organization", "name": s.publisher}}
                    if s.publisher
                    else {}
                ),
                **({"datePublished": s.published.isoformat()} if s.published else {}),
            }
            for s in brief.sources
        ]
    if brief.rights is not None:
        if brief.rights.holder is not None:
            data["copyrightHolder"] = {"@type": "Organization", "name": brief.rights.holder}
        if link(brief.rights.license_url):
            data["license"] = brief.rights.license_url
    return data


def _named(agent: Agent, url: str | None) -> dict[str, Any]:
    named: dict[str, Any] = {"name": agent.name}
    if url is not None:
        named["url"] = url
    return named


def _person(agent: Agent, url: str | None) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", **_named(agent, url)}
    if agent.role is not None:
        person["jobTitle"] = agent.role
    if agent.affiliation is not None:
        person["affiliation"] = {"@type": "Organization", "name": agent.affiliation}
    return person


def _description(brief: Brief) -> str:
    """What the ``description`` and ``og:description`` meta tags say: the subheadline,
    else the key points, else the first paragraph (at most 300 characters), else the
    headline; the first of them that shows any text."""
    if brief.subheadline and brief.subheadline.strip():
        return brief.subheadline
    points = [" ".join(plain_text(item.content).split()) for item in brief.key_points]
    if any(points):
        return "; ".join(p for p in points if p)[:300]
    for _, node in brief.walk():
        if type(node) is Paragraph:
            text = " ".join(plain_text(node.content).split())
            if text:
                return text[:300]
    return brief.headline


def write(
    brief: Brief,
    *,
    fragment: bool = False,
    css: str | bool | None = True,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
) -> str:
    """Write ``brief`` as an HTML5 page, or its ``article`` alone with ``fragment=True``.

    ``css`` is the stylesheet put in the page: the bundled one by default, your own
    text, or ``None`` for none. Links use only ``url_schemes`` (``http``, ``https`` and
    ``mailto`` by default); any other link is written as its text.
    """
    schemes = allowed_schemes(url_schemes)
    article = _Page(brief, schemes).article()
    if fragment:
        return article
    if css is True:
        css = default_css()
    description = _description(brief)
    lang = _html_lang(brief.language)
    head = [
        "<!DOCTYPE html>\n",
        f'<html lang="{_e(lang)}" dir="{direction(brief.language)}">\n<head>\n',
        '<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_plain(brief.headline)}</title>\n",
        f'<meta name="description" content="{_plain(description)}">\n',
        '<meta name="generator" content="briefmodel">\n',
        '<meta property="og:type" content="article">\n',
        f'<meta property="og:title" content="{_plain(brief.headline)}">\n',
        f'<meta property="og:description" content="{_plain(description)}">\n',
        f'<meta property="og:locale" content="{_e(brief.language.replace("-", "_"))}">\n',
        f'<meta property="article:published_time" content="{brief.created.isoformat()}">\n',
    ]
    if url_scheme(brief.id) in ("http", "https"):
        head.append(f'<meta property="og:url" content="{_plain(brief.id)}">\n')
    if brief.updated is not None:
        head.append(
            f'<meta property="article:modified_time" content="{brief.updated.isoformat()}">\n'
        )
    linked = json_ld(brief, url_schemes=schemes)
    head.append(f'<script type="application/ld+json">{_script_json(linked)}</script>\n')
    if css:
        head.append(f"<style>\n{_css(css)}\n</style>\n")
    head.append("</head>\n<body>\n<main>\n")
    return "".join(head) + article + "\n</main>\n</body>\n</html>\n"


def _css(css: str) -> str:
    """A stylesheet that cannot end its ``style`` element early."""
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


# ======================================================================================
# Reading

#: Documents larger than this are refused before parsing.
MAX_BYTES = 64 * 1024 * 1024

#: Elements with more attributes than this are refused before parsing: libxml2 compares
#: each attribute with all the element's others, so that its time grows with the square
#: of their number.
MAX_ATTRIBUTES = 256


def _parser() -> etree.HTMLParser:
    """A parser of its own for each document, so that its error log is that document's."""
    return etree.HTMLParser(  # type: ignore[call-arg]  # default_doctype: not in the stubs
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        huge_tree=False,  # libxml2's limits: 256 levels deep, 10 MB per text or attribute
        default_doctype=False,
        collect_ids=False,
    )


def _markup(limit: int) -> re.Pattern[bytes]:
    """HTML's tokens as the HTML standard's tokenizer (and libxml2's) finds them, in one
    pattern that matches a whole document unless an element has more than ``limit``
    attributes: comments, the raw text of ``script`` (with its escapes), ``style``,
    ``textarea``, ``title``… and ``plaintext``, and quoted attribute values, so that no
    ``<`` or ``>`` inside them is taken for a tag. Linear in the document's length."""
    space = rb"[\t\n\f\r ]"
    sep = rb"[\t\n\f\r /]"
    stop = rb"(?=[\t\n\f\r />])"
    attribute = (
        rb"[^\t\n\f\r />][^\t\n\f\r />=]*+(?:"
        + space
        + rb"*+="
        + space
        + rb"*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\t\n\f\r >]*+))?+"
    )
    attributes = rb"(?:" + sep + rb"*+" + attribute + rb"){0,%d}+" % limit
    tag = attributes + sep + rb"*+(?:>|\Z)"
    opened = attributes + rb"(?:" + sep + rb"*" + space + rb")?>"  # not self-closing
    not_end = rb"(?!/script" + stop + rb")"
    escaped = rb"(?:[^<-]|-(?!->)|<" + not_end + rb"(?!script" + stop + rb"))*+"
    double = rb"(?:[^<-]|-(?!->)|<" + not_end + rb")*+"
    data = rb"(?:[^<]|<(?!!--)" + not_end + rb")*+"
    in_comment = (
        rb"(?:-*+>|" + escaped
        + rb"(?:<script" + stop + double + rb"</script" + stop + escaped + rb")*+"
        + rb"(?:-->|<script" + stop + double + rb"(?:-->|\Z)|(?=</script" + stop + rb")|\Z))"
    )  # fmt: skip
    script = rb"<script" + stop + opened + data + rb"(?:<!--" + in_comment + data + rb")*+"
    raw = rb"|".join(
        rb"<" + name + stop + opened + rb"(?:.*?(?=</" + name + stop + rb")|.*+)"
        for name in (b"style", b"xmp", b"iframe", b"noembed", b"noframes", b"textarea", b"title")
    )
    return re.compile(
        rb"(?:[^<]++"
        rb"|<!--(?:-?>|.*?--!?>|.*+)"
        rb"|<[!?][^>]*+>?"
        rb"|</(?![A-Za-z])[^>]*+>?"
        rb"|</[A-Za-z][^\t\n\f\r />]*+" + tag + rb"|" + script + rb"|" + raw
        + rb"|<plaintext" + stop + opened + rb".*+"
        rb"|<[A-Za-z][^\t\n\f\r />]*+" + tag
        + rb"|<(?![A-Za-z!?/]))*+",
        re.DOTALL | re.IGNORECASE,
    )  # fmt: skip


_MARKUP = _markup(MAX_ATTRIBUTES)
#: libxml2's errors that end parsing early, and what they mean.
_CUT_SHORT = {
    "depth": ("parse.too-deep", "more than 256 levels of elements"),
    "buffer size": ("parse.too-large", "a text or an attribute value over 10 MB"),
}


#: Elements whose content is never part of an article.
_NEVER_CONTENT = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "dialog",
        "menu",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Elements whose children are read in their place.
_TRANSPARENT = frozenset({"div", "main", "article", "body", "center", "hgroup", "span", "font"})


def parse(data: str | bytes) -> etree._Element:
    """Parse HTML (untrusted) into a tree; :class:`~briefmodel.ParseError` if it cannot be.

    Nothing is fetched: no DTD, no entity beyond HTML's own, no network. Refused: input
    over 64 MiB (in UTF-8) and input that is not UTF-8, before parsing; an element with
    more than :data:`MAX_ATTRIBUTES` attributes, found by a linear scan before parsing;
    and a document that libxml2 stops reading early (more than 256 levels of elements, a
    text or attribute value over 10 MB), since the tree would lack its end.
    """
    root, cut = _parse(data)
    if cut is not None:
        raise ParseError(cut)
    return root


def _parse(data: str | bytes) -> tuple[etree._Element, Problem | None]:
    """The tree, and the problem if libxml2 stopped reading before the end."""
    if isinstance(data, str):
        if len(data) > MAX_BYTES:  # no character takes less than a byte
            raise _too_large(f"{len(data):,} characters")
        raw = data.encode("utf-8", "surrogatepass")  # a lone surrogate fails below
    elif isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
    else:
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if len(raw) > MAX_BYTES:
        raise _too_large(f"{len(raw):,} bytes" + (" in UTF-8" if isinstance(data, str) else ""))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise refuse("parse.encoding", f"the document is not UTF-8: {error.reason}", line) from None
    if not raw.strip():
        raise refuse("parse.syntax", "the document is empty", 1)
    scanned = _MARKUP.match(raw)
    end = scanned.end() if scanned is not None else 0
    if end < len(raw):
        raise refuse(
            "parse.too-large",
            f"an element has more than {MAX_ATTRIBUTES} attributes",
            raw.count(b"\n", 0, end) + 1,
        )
    parser = _parser()
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:  # libxml2 recovers from almost anything
        raise refuse("parse.syntax", f"not readable as HTML: {error.msg}") from None
    if root is None:
        raise refuse("parse.syntax", "not readable as HTML: no element")
    for entry in parser.error_log:
        if entry.level_name != "FATAL":
            continue
        message = entry.message.lower()
        code, what = next(
            (found for key, found in _CUT_SHORT.items() if key in message),
            ("parse.syntax", entry.message.strip()),
        )
        return root, Problem(
            severity="error",
            code=code,
            message=f"libxml2 stopped reading the document at line {entry.line} "
            f"({what}): what follows is not read",
            line=entry.line or None,
            column=entry.column or None,
        )
    return root, None


def _too_large(size: str) -> ParseError:
    return refuse(
        "parse.too-large", f"the document is {size}; HTML input is limited to {MAX_BYTES:,} bytes"
    )


def _first(element: etree._Element, *tags: str) -> etree._Element | None:
    """The first descendant with one of the tags, in the order the tags are given."""
    for tag in tags:
        for found in element.iter(tag):
            return found
    return None


def _class(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _time_of(element: etree._Element | None) -> datetime | None:
    if element is None:
        return None
    value = element.get("datetime")
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except Invalid:
        return None


def _json(value: str | None) -> Any:
    """The JSON value of an attribute; None when there is none, or it is not JSON (or
    nests too deeply for the decoder)."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        return None


def _text(element: etree._Element, skip: frozenset[str] | None = None) -> str:
    """The text of an element without the text of the elements that are never read
    (scripts, styles, templates, forms…; or those ``skip`` names): what a heading or a
    name says."""
    skip = _NEVER_CONTENT if skip is None else skip
    if not any(True for node in element.iter(*skip) if node is not element):
        return all_text(element)
    parts: list[str] = []
    skipping: etree._Element | None = None
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if skipping is not None:
            if event == "end" and node is skipping:
                skipping = None
                if node is not element:
                    parts.append(node.tail or "")
            continue
        if event == "start":
            if node.tag in skip and node is not element:
                skipping = node
            else:
                parts.append(node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
    return "".join(parts)


#: The JSON types of briefmodel's ``data-*`` attributes that hold JSON.
_JSON_KINDS: dict[type, str] = {list: "a JSON array", dict: "a JSON object"}


class _Reader(Reading):
    """One HTML document being read: briefmodel's own page exactly, other pages as far as
    the model can hold them."""

    loss_code = "html.dropped"

    def __init__(self, root: etree._Element, *, strict: bool) -> None:
        article = _own_article(root)
        super().__init__(root, strict=strict, own=article is not None)
        self.article = article
        if article is not None:
            self.restore(article)

    def restore(self, article: etree._Element) -> None:
        """Put back what the writer could not write as it is: the exact attribute values
        in ``data-exact`` and the characters named by ``<span class="char">``."""
        for element in list(article.iter()):
            exact = element.get("data-exact")
            if exact is not None:
                del element.attrib["data-exact"]
                values = _json(exact)
                if not isinstance(values, dict):
                    self.lose(element, "a data-exact that is not a JSON object", keep=False)
                    values = {}
                for name, value in values.items():
                    if (
                        not isinstance(value, str)
                        or name == "data-exact"
                        or not re.fullmatch("[a-z][a-z0-9-]*", name)
                    ):
                        self.lose(element, f"the exact value {name!r} in data-exact", keep=False)
                        continue
                    try:
                        element.set(name, value)
                    except ValueError:  # a name or a character XML cannot hold
                        self.lose(element, f"the exact value {name!r} in data-exact", keep=False)
            if element.tag == "span" and element.get("data-char") is not None:
                self.restore_char(element)

    def restore_char(self, span: etree._Element) -> None:
        code = span.get("data-char", "")
        number = int(code, 16) if re.fullmatch("[0-9A-F]{1,6}", code) else -1
        char = chr(number) if 0 <= number <= 0x10FFFF else ""
        parent = span.getparent()
        if (
            "char" not in _class(span)
            or len(char) != 1
            or not _UNWRITABLE.fullmatch(char)
            or _patterns.NOT_XML_CHAR.match(char)
            or len(span)
            or span.text
            or parent is None
        ):
            self.lose(span, f"a character reference <span data-char={code[:10]!r}>", keep=False)
            return
        text = char + (span.tail or "")
        previous = span.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(span)

    def child(
        self, element: etree._Element, tag: str, cls: str | None = None
    ) -> etree._Element | None:
        for child in element:
            if child.tag == tag and (cls is None or cls in _class(child)):
                return child
        return None

    def lose(self, element: etree._Element, what: str, *, keep: bool = True) -> None:
        """A loss; what is kept of an unknown element (``strict=False``) is its markup
        without scripts, styles and the like, and without event handlers."""
        if keep and element.tag in _NEVER_CONTENT:
            keep = False
        elif (
            keep
            and not self.strict
            and any(
                node.tag in _NEVER_CONTENT
                or any(str(a).lower().startswith("on") for a in node.attrib)
                for node in element.iter()
            )
        ):
            super().lose(element, what, keep=False)
            self.unknown[where(element)] = _harmless(element)
            return
        super().lose(element, what, keep=keep)

    def json(self, element: etree._Element, name: str, kind: type) -> Any:
        """The value of a ``data-*`` attribute that holds JSON of the type ``kind``; None
        (and a loss) when it holds anything else."""
        value = element.get(name)
        if value is None:
            return None
        parsed = _json(value)
        if isinstance(parsed, kind):
            return parsed
        self.lose(
            element,
            f"the {name} of <{local_name(element.tag)}> {value[:40]!r} (not "
            + _JSON_KINDS.get(kind, "JSON")
            + ")",
            keep=False,
        )
        if not self.strict:
            self.unknown[f"{where(element)}/@{name}"] = value
        return None

    # -- briefmodel's own page ---------------------------------------------------------

    def own_brief(self, article: etree._Element) -> Brief:
        fields: dict[str, Any] = {
            "id": article.get("data-id"),
            "version": self.integer(article, article.get("data-version")) or 1,
            "status": article.get("data-status", "usable"),
            "urgency": self.integer(article, article.get("data-urgency")),
            "genre": article.get("data-genre"),
            "keywords": self.json(article, "data-keywords", list) or (),
            "extensions": self.json(article, "data-extensions", dict) or {},
            "language": article.get("lang", "en"),
        }
        sections: list[Section] = []
        for child in article:
            if child.tag == "header":
                self.own_header(child, fields)
            elif child.tag == "section":
                sections.append(self.section(child))
            elif child.tag == "footer":
                self.own_footer(child, fields)
            else:
                self.lose_element(child)
        fields["sections"] = sections
        for name, what in (("headline", "an <h1> in its <header>"), ("created", "a creation date")):
            if fields.get(name) is None:
                self.fail(article, "schema.required", f"the brief's <article> has no {what}")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        if self.unknown:
            fields["extensions"] = {**fields["extensions"], UNKNOWN_KEY: self.unknown}
        brief = self.build(article, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def own_header(self, header: etree._Element, fields: dict[str, Any]) -> None:
        for child in header:
            classes = _class(child)
            if child.tag == "h1":
                fields["headline"] = self.plain(child)
            elif "subheadline" in classes:
                fields["subheadline"] = self.plain(child)
            elif "byline" in classes:
                fields["authors"] = [
                    self.agent(a) for a in child.iter("span") if "author" in _class(a)
                ]
            elif "dates" in classes:
                for time in child.iter("time"):
                    name = {
                        "created": "created",
                        "updated": "updated",
                        "embargo-until": "embargo_until",
                    }.get(time.get("data-field", ""))
                    if name:
                        fields[name] = self.time(time)
            elif "corrections" in classes:
                fields["corrections"] = [self.correction(li) for li in child.iter("li")]
            elif "status" in classes:
                continue
            else:
                self.lose_element(child)

    def correction(self, li: etree._Element) -> Correction | None:
        note = next((s for s in li.iter("span") if "note" in _class(s)), None)
        time = next(li.iter("time"), None)
        return self.build(  # type: ignore[no-any-return]
            li,
            Correction,
            signal=li.get("data-signal"),
            note=self.plain(note) if note is not None else "",
            date=self.time(time) if time is not None else None,
        )

    def agent(self, element: etree._Element) -> Agent | None:
        name = next((self.plain(s) for s in element.iter("span") if "name" in _class(s)), "")
        return self.build(  # type: ignore[no-any-return]
            element,
            Agent,
            name=name,
            uri=element.get("data-uri"),
            role=element.get("data-role"),
            affiliation=element.get("data-affiliation"),
        )

    def own_footer(self, footer: etree._Element, fields: dict[str, Any]) -> None:
        for child in footer:
            classes = _class(child)
            items = list(child.iter("li"))
            if "sources" in classes:
                fields["sources"] = [self.source(li) for li in items]
            elif "entities" in classes:
                fields["entities"] = [
                    self.build(
                        li,
                        Entity,
                        id=li.get("data-entity-id"),
                        kind=li.get("data-kind"),
                        name=self.plain(next(li.iter("span"), li)),
                        aliases=self.json(li, "data-aliases", list) or (),
                        identifiers=self.json(li, "data-identifiers", dict) or {},
                    )
                    for li in items
                ]
            elif "subjects" in classes:
                fields["subjects"] = [
                    self.build(
                        li,
                        Subject,
                        code=li.get("data-code"),
                        uri=li.get("data-uri"),
                        name=li.get("data-name"),
                        relevance=self.integer(li, li.get("data-relevance")),
                        confidence=self.integer(li, li.get("data-confidence")),
                    )
                    for li in items
                ]
            elif "related" in classes:
                fields["related"] = [
                    self.build(
                        li,
                        Related,
                        url=li.get("data-url"),
                        rel=li.get("data-rel"),
                        title=li.get("data-title"),
                    )
                    for li in items
                ]
            elif "publisher" in classes:
                span = next((s for s in child.iter("span") if "publisher" in _class(s)), None)
                fields["publisher"] = self.agent(span) if span is not None else None
            elif "rights" in classes:
                fields["rights"] = self.build(
                    child,
                    Rights,
                    holder=child.get("data-holder"),
                    notice=child.get("data-notice"),
                    license_url=child.get("data-license-url"),
                    usage_terms=child.get("data-usage-terms"),
                )
            else:
                self.lose_element(child)

    def source(self, li: etree._Element) -> Source | None:
        times = {t.get("data-field"): self.time(t) for t in li.iter("time")}
        title = next((self.plain(c) for c in li.iter("cite")), "")
        return self.build(  # type: ignore[no-any-return]
            li,
            Source,
            id=li.get("data-source-id"),
            title=title,
            url=li.get("data-url"),
            publisher=li.get("data-publisher"),
            published=times.get("published"),
            accessed=times.get("accessed"),
            reliability=li.get("data-reliability"),
            credibility=self.integer(li, li.get("data-credibility")),
        )

    def integer(self, element: etree._Element, value: str | None) -> int | None:
        if value is None:
            return None
        if re.fullmatch("-?[0-9]{1,18}", value):  # int() takes other digits and "1_0"
            return int(value)
        self.lose(element, f"the value {value[:40]!r}, which is not an integer", keep=False)
        return None

    def time(self, element: etree._Element) -> datetime | None:
        """The date-time of a ``<time datetime>``; None, and a loss, when it is not one."""
        value = element.get("datetime")
        found = _time_of(element)
        if found is None:
            self.lose(element, f"the date-time {(value or '')[:40]!r} (not one)", keep=False)
        return found

    def plain(self, element: etree._Element) -> str:
        """The text of a heading or a name, without that of scripts and the like in it
        (each a loss)."""
        for never in element.iter(*_NEVER_CONTENT):
            if never is not element:
                self.lose(never, f"the <{never.tag}> in <{element.tag}>", keep=False)
        return _text(element)

    # -- sections and blocks ---------------------------------------------------------

    def section(self, element: etree._Element) -> Section:
        title: str | None = None
        blocks: list[Any] = []
        sections: list[Section] = []
        for child in element:
            if child.tag in _HEADINGS and title is None and not blocks and not sections:
                title = self.plain(child)
            elif child.tag == "section":
                sections.append(self.section(child))
            else:
                block = self.block(child)
                if block is not None:
                    blocks.append(block)
        built = self.build(
            element,
            Section,
            id=element.get("id"),
            title=title,
            role=element.get("data-role"),
            blocks=blocks,
            sections=sections,
        )
        return built if built is not None else Section()

    def block(self, element: etree._Element) -> Any:
        reader = _BLOCK_READERS.get(element.tag)
        if reader is None:
            self.lose(element, f"the <{local_name(element.tag)}>{lost_text(element)}", keep=False)
            return None
        return reader(self, element)

    def paragraph(self, element: etree._Element) -> Any:
        return self.build(element, Paragraph, content=self.rich(element))

    def item_list(self, element: etree._Element) -> Any:
        items: list[Any] = []
        for li in element:
            if li.tag != "li":
                self.lose(li, f"<{local_name(li.tag)}> in a list", keep=False)
                continue
            first = li[0] if len(li) else None
            if (
                self.own
                and first is not None
                and first.tag == "span"
                and "item" in _class(first)
                and not (li.text or "")
            ):
                blocks = [b for b in (self.block(c) for c in list(li)[1:]) if b is not None]
                items.append(self.build(li, ListItem, content=self.rich(first), blocks=blocks))
            else:
                content: list[Any] = []
                blocks = []
                self.inline_into(li, content, blocks)
                items.append(self.build(li, ListItem, content=self.tidy(content), blocks=blocks))
        return self.build(
            element,
            ItemList,
            items=[i for i in items if i is not None],
            ordered=element.tag == "ol",
        )

    def figure(self, element: etree._Element) -> Any:
        quote = self.child(element, "blockquote")
        caption = self.child(element, "figcaption")
        if quote is not None:
            attribution = None
            if caption is not None:
                span = self.child(caption, "span", "attribution")
                attribution = (
                    self.plain(span)
                    if span is not None
                    else (None if self.own else " ".join(self.plain(caption).split()) or None)
                )
            return self.quote(quote, attribution, element.get("data-source"))
        image = self.child(element, "img")
        caption_text: tuple[Any, ...] = ()
        credit = None
        if caption is not None:
            if self.own:
                span = self.child(caption, "span", "caption")
                caption_text = self.rich(span) if span is not None else ()
                small = self.child(caption, "small", "credit")
                credit = self.plain(small) if small is not None else None
            else:
                caption_text = self.rich(caption)
        if image is not None:
            src, alt = image.get("src"), image.get("alt")
        else:
            missing = self.child(element, "p", "missing-image")
            src, alt = (
                element.get("data-src"),
                missing.get("data-alt") if missing is not None else None,
            )
        if not src or not alt:
            self.lose(element, "a figure without an image address or alternative text", keep=False)
            return None
        return self.build(element, Figure, src=src, alt=alt, caption=caption_text, credit=credit)

    def image(self, element: etree._Element) -> Any:
        if not element.get("src") or not element.get("alt"):
            self.lose(element, "an image without an address or alternative text", keep=False)
            return None
        return self.build(element, Figure, src=element.get("src"), alt=element.get("alt"))

    def quote(
        self, element: etree._Element, attribution: str | None = None, source: str | None = None
    ) -> Any:
        paragraphs = [c for c in element if c.tag == "p"]
        content: list[Any] = []
        if paragraphs and len(paragraphs) == len(element) and not (element.text or "").strip():
            for index, p in enumerate(paragraphs):
                if index:
                    content.append(LineBreak())
                content.extend(self.rich(p))
        else:
            content = list(self.rich(element))
        return self.build(
            element,
            Quote,
            content=content,
            attribution=attribution,
            source_ref=source or element.get("data-source"),
        )

    def judgment(self, element: etree._Element) -> Any:
        if "judgment" not in _class(element):
            self.lose(element, f"the <aside>{lost_text(element)}", keep=False)
            return None
        statement = self.child(element, "p", "statement")
        return self.build(
            element,
            Judgment,
            statement=self.rich(statement) if statement is not None else (),
            confidence=element.get("data-confidence"),
            likelihood=element.get("data-likelihood"),
            basis=(element.get("data-basis") or "").split(),
        )

    # -- rich text -------------------------------------------------------------------

    def rich(self, element: etree._Element) -> tuple[Any, ...]:
        content: list[Any] = []
        self.inline_into(element, content)
        return self.tidy(content)

    def tidy(self, content: list[Any]) -> tuple[Any, ...]:
        if self.own:
            return tuple(content)
        out = [re.sub(r"\s+", " ", n) if type(n) is str else n for n in content]
        if out and type(out[0]) is str:
            out[0] = out[0].lstrip()
        if out and type(out[-1]) is str:
            out[-1] = out[-1].rstrip()
        return tuple(n for n in out if n != "")

    def inline_into(
        self, element: etree._Element, out: list[Any], blocks: list[Any] | None = None
    ) -> None:
        if element.text:
            out.append(element.text)
        in_blocks = False
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if blocks is not None and (in_blocks or tag in _BLOCK_READERS):
                in_blocks = True
                block = self.block(child)
                if block is not None:
                    blocks.append(block)
            elif tag in _NEVER_CONTENT:
                self.lose(child, f"the <{tag}>", keep=False)
            else:
                reader = _INLINE_READERS.get(tag)
                node = reader(self, child) if reader is not None else self.unknown_inline(child)
                if type(node) is list:
                    out.extend(node)
                elif node is not None:
                    out.append(node)
            if child.tail:
                (out if not in_blocks else []).append(child.tail)

    def unknown_inline(self, element: etree._Element) -> list[Any]:
        tag = element.tag if isinstance(element.tag, str) else "?"
        if tag not in (
            "span",
            "font",
            "small",
            "sup",
            "sub",
            "abbr",
            "time",
            "cite",
            "mark",
            "u",
            "s",
        ):
            self.lose(element, f"the markup <{tag}> (its text is kept)", keep=False)
        inner: list[Any] = []
        self.inline_into(element, inner)
        return inner

    def inner(self, element: etree._Element) -> list[Any]:
        content: list[Any] = []
        self.inline_into(element, content)
        return content

    def em(self, element: etree._Element) -> Any:
        return self.build(element, Emphasis, content=self.inner(element))

    def strong(self, element: etree._Element) -> Any:
        return self.build(element, Strong, content=self.inner(element))

    def code(self, element: etree._Element) -> Any:
        text = self.plain(element)
        return self.build(element, Code, text=text) if text else None

    def br(self, element: etree._Element) -> Any:
        return LineBreak()

    def a(self, element: etree._Element) -> Any:
        href = element.get("href")
        if not href:
            return self.inner(element)
        return self.link(element, href)

    def link(self, element: etree._Element, href: str) -> Any:
        bare = self.own and "bare" in _class(element)
        content = () if bare else self.inner(element)
        return self.build(element, Link, href=href, title=element.get("title"), content=content)

    def span(self, element: etree._Element) -> Any:
        classes = _class(element)
        if "mention" in classes and element.get("data-entity"):
            return self.build(
                element, Mention, ref=element.get("data-entity"), content=self.inner(element)
            )
        if "link" in classes and element.get("data-href"):
            return self.link(element, element.get("data-href", ""))
        return self.inner(element)

    def sup(self, element: etree._Element) -> Any:
        if "citation" in _class(element) and len(element) == 1:
            ref = element[0].get("data-source")
            if ref:
                return self.build(element, Citation, ref=ref)
        return self.unknown_inline(element)

    # -- other pages -----------------------------------------------------------------

    def other_brief(self) -> Brief:
        root = self.root
        body = root.find("body") if root.tag == "html" else root
        if body is None:
            body = root
        container = _first(body, "article", "main")
        if container is None:
            container = body
        headline_element = _first(container, "h1")
        if headline_element is None:
            headline_element = _first(root, "h1")
        title = root.find("head/title")
        headline = (
            " ".join(self.plain(headline_element).split()) if headline_element is not None else ""
        )
        if not headline and title is not None:
            headline = " ".join(_text(title).split())
        fields: dict[str, Any] = {"headline": headline}
        language = (root.get("lang") or container.get("lang") or "").strip().replace("_", "-")
        if language and _patterns.LANGUAGE.matches(language):
            fields["language"] = language
        elif language:
            self.lose(root, f"the language {language[:40]!r} (not a language tag)", keep=False)
        for meta in root.iter("meta"):
            named = meta.get("property") or meta.get("name") or meta.get("itemprop")
            field = _META_TIMES.get((named or "").lower())
            if field is not None and field not in fields:
                with contextlib.suppress(Invalid):
                    fields[field] = parse_datetime(meta.get("content", ""))
        sections = self.group(list(self.parts(container, headline_element, fields)))
        if "created" not in fields:
            for time in container.iter("time"):
                found = _time_of(time)
                if found is not None:
                    fields["created"] = found
                    break
        if "created" not in fields:
            self.fail(
                root,
                "schema.required",
                "the page has no publication date (a <time datetime> "
                "or an article:published_time meta tag)",
            )
        if not headline:
            self.fail(root, "schema.required", "the page has no headline (an <h1> or a <title>)")
        if self.errors:
            raise ValidationError(self.errors + self.losses)
        if fields.get("updated") is not None and fields["updated"] <= fields["created"]:
            del fields["updated"]  # the same time as created, or an earlier one: no update
        fields["sections"] = sections or [Section()]
        if self.unknown:
            fields["extensions"] = {UNKNOWN_KEY: self.unknown}
        fields["id"] = self.page_id() or _hashed_id(fields, container)
        brief = self.build(root, Brief, **fields)
        if brief is None or self.errors:
            raise ValidationError(self.errors + self.losses)
        return brief  # type: ignore[no-any-return]

    def page_id(self) -> str | None:
        """The page's own address: its canonical link, else its ``og:url``, if it is an
        absolute http(s) URL."""
        candidates = [
            link.get("href")
            for link in self.root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ]
        candidates += [
            meta.get("content")
            for meta in self.root.iter("meta")
            if meta.get("property") == "og:url"
        ]
        for candidate in candidates:
            value = (candidate or "").strip()
            if url_scheme(value) in ("http", "https") and not _MAYBE_UNWRITABLE.search(value):
                return value
        return None

    def parts(
        self, element: etree._Element, headline: etree._Element | None, fields: dict[str, Any]
    ) -> Iterator[tuple[str, Any]]:
        if element.text and element.text.strip():
            yield "block", Paragraph(content=" ".join(element.text.split()))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if child is headline:
                pass
            elif tag == "header" and headline is not None and _holds(child, headline):
                self.header(child, headline, fields)
            elif tag == "time" and _time_of(child) is not None:
                self.header_times(child, fields)  # a date-line of its own
            elif tag in _NEVER_CONTENT or (
                tag in ("header", "footer", "aside") and not _class(child) & {"judgment"}
            ):
                self.lose(child, f"the <{tag}>{lost_text(child)}", keep=False)
            elif tag in _HEADINGS:
                yield "heading", child
            elif tag in _TRANSPARENT or tag == "section":
                yield from self.parts(child, headline, fields)
            else:
                block = self.block(child)
                if block is not None:
                    yield "block", block
            if child.tail and child.tail.strip():
                yield "block", Paragraph(content=" ".join(child.tail.split()))

    def header(
        self, header: etree._Element, headline: etree._Element, fields: dict[str, Any]
    ) -> None:
        """An article's ``<header>``: its headline, a subheadline (a paragraph or heading
        in its ``hgroup``, or one classed as such), its byline (its authors) and its
        dates are read; anything else in it is a loss."""
        for child in header:
            tag = child.tag if isinstance(child.tag, str) else ""
            classes = {c.lower() for c in _class(child)}
            text = _text(child).strip() if tag not in _NEVER_CONTENT else ""
            if child is headline:
                pass
            elif tag in ("hgroup", "div") and _holds(child, headline):
                self.header(child, headline, fields)
            elif text and (
                (tag in ("p", "h2", "h3", "div") and classes & _SUBHEADLINE)
                or (tag in ("p", "h2") and header.tag == "hgroup")
            ):
                fields.setdefault("subheadline", " ".join(self.plain(child).split()))
            elif text and (tag == "address" or classes & _BYLINE or child.get("rel") == "author"):
                fields.setdefault("authors", self.byline(child))
                self.header_times(child, fields)
            elif (
                tag == "time"
                or classes & _DATELINE
                or (
                    tag in ("p", "div", "span", "small")
                    and any(True for _ in child.iter("time"))
                    and not _text(child, _NOT_DATES).strip(_DATE_PUNCTUATION)
                )
            ):
                self.header_times(child, fields)
            else:
                self.lose(child, f"the <{tag}>{lost_text(child)} in the article's <header>")
            if child.tail and child.tail.strip():
                self.lose(child, f"the text {child.tail.strip()[:40]!r} in the <header>")

    def byline(self, element: etree._Element) -> list[Agent]:
        named = [
            e
            for e in element.iter()
            if e is not element
            and (e.get("rel") == "author" or {c.lower() for c in _class(e)} & _AUTHOR)
        ]
        names = [" ".join(self.plain(e).split()) for e in named] or [
            _BY.sub("", " ".join(_text(element, _NOT_DATES).split()))
        ]
        authors = [self.build(element, Agent, name=name) for name in names if name]
        return [a for a in authors if a is not None]

    def header_times(self, element: etree._Element, fields: dict[str, Any]) -> None:
        for time in element.iter("time"):
            found = _time_of(time)
            if found is None:
                continue
            marks = " ".join(
                [time.get("itemprop") or "", time.get("class") or "", time.get("data-field") or ""]
            ).lower()
            field = "updated" if re.search("modif|updat", marks) else "created"
            if field == "created" and "created" in fields:
                field = "updated"
            fields.setdefault(field, found)

    def group(self, parts: list[tuple[str, Any]]) -> list[Section]:
        sections: list[Section] = []
        title: str | None = None
        blocks: list[Any] = []
        started = False
        for kind, child in [*parts, ("end", None)]:
            if kind == "block":
                blocks.append(child)
                continue
            if started or blocks:
                sections.append(Section(title=title, blocks=blocks))
            title, blocks, started = None, [], False
            if kind == "heading":
                title, started = " ".join(self.plain(child).split()) or None, True
        return sections


UNKNOWN_KEY = "briefmodel:unknown"
_HASHED_ID = "urn:briefmodel:html:sha256:"
#: Meta tags that date a page, and the fields they fill.
_META_TIMES = {
    "article:published_time": "created",
    "date": "created",
    "dcterms.created": "created",
    "dc.date": "created",
    "datepublished": "created",
    "article:modified_time": "updated",
    "dcterms.modified": "updated",
    "datemodified": "updated",
}
_SUBHEADLINE = frozenset({"subheadline", "subtitle", "standfirst", "dek", "deck", "lede"})
_BYLINE = frozenset({"byline", "author", "authors"})
_AUTHOR = frozenset({"author", "author-name", "name"})
_DATELINE = frozenset({"dateline", "date", "dates", "published", "timestamp"})
_NOT_DATES = _NEVER_CONTENT | {"time"}
_DATE_PUNCTUATION = " \t\n\r\f|·•,;:–—-"
_BY = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)


def _hashed_id(fields: dict[str, Any], container: etree._Element) -> str:
    """A page's id when it gives no address of its own: a hash of its headline, its
    date and the words of the part read, the same for the same article wherever it is
    (around it, a site's navigation or advertisements may change)."""
    digest = hashlib.sha256()
    for part in (fields["headline"], fields["created"].isoformat(), all_text(container)):
        digest.update(" ".join(part.split()).encode("utf-8", "surrogatepass") + b"\0")
    return _HASHED_ID + digest.hexdigest()[:32]


def _holds(element: etree._Element, inner: etree._Element) -> bool:
    """True when ``inner`` is ``element`` or inside it."""
    node: etree._Element | None = inner
    while node is not None:
        if node is element:
            return True
        node = node.getparent()
    return False


def _harmless(element: etree._Element) -> str:
    """An element's markup without scripts, styles and the like, or event handlers."""
    copy = deepcopy(element)
    for found in list(copy.iter(*_NEVER_CONTENT)):
        parent = found.getparent()
        if found is copy or parent is None:
            continue
        if found.tail:
            previous = found.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + found.tail
            else:
                parent.text = (parent.text or "") + found.tail
        parent.remove(found)
    for found in copy.iter():
        for name in [a for a in found.attrib if str(a).lower().startswith("on")]:
            del found.attrib[name]
    return etree.tostring(copy, encoding="unicode", with_tail=False)


_BLOCK_READERS: dict[str, Callable[[_Reader, etree._Element], Any]] = {
    "p": _Reader.paragraph,
    "ul": _Reader.item_list,
    "ol": _Reader.item_list,
    "blockquote": _Reader.quote,
    "aside": _Reader.judgment,
    "figure": _Reader.figure,
    "img": _Reader.image,
}
_INLINE_READERS: dict[str, Callable[[_Reader, etree._Element], Any]] = {
    "em": _Reader.em,
    "i": _Reader.em,
    "strong": _Reader.strong,
    "b": _Reader.strong,
    "code": _Reader.code,
    "br": _Reader.br,
    "a": _Reader.a,
    "span": _Reader.span,
    "sup": _Reader.sup,
}


def read(data: str | bytes, *, strict: bool = True) -> Brief:
    """Read HTML into a brief (without running the semantic rules).

    briefmodel's own page is read exactly. Other pages are read as far as the model can
    hold them. Strict by default: anything dropped is an error naming its line. With
    ``strict=False`` what is dropped is listed in one
    :class:`~briefmodel.BriefmodelWarning`, and what is unknown in briefmodel's own page
    is kept under ``extensions["briefmodel:unknown"]`` as HTML text, keyed by its XPath.
    """
    brief, losses = _read(*_parse(data), strict=strict)
    settle_losses(losses, strict=strict, stacklevel=3)
    return brief


def _read(
    root: etree._Element, cut: Problem | None, *, strict: bool
) -> tuple[Brief, list[Problem]]:
    """The brief and its losses; :class:`~briefmodel.ValidationError` for what is not
    a brief. A document that libxml2 stopped reading early has lost what follows the cut."""
    reader = _Reader(root, strict=strict)
    if cut is not None:
        reader.losses.append(
            Problem(
                severity="error" if strict else "warning",
                code=reader.loss_code,
                message=cut.message,
                line=cut.line,
                column=cut.column,
            )
        )
    brief = reader.own_brief(reader.article) if reader.article is not None else reader.other_brief()
    return brief, sorted(reader.losses, key=lambda problem: problem.line or 0)


def examine(data: str | bytes, *, xsd: Any = None) -> tuple[list[Problem], Brief | None]:
    """Every problem of an HTML page, for :func:`briefmodel.validate`.

    briefmodel's own page is read strictly: whatever it holds that the writer does not
    write is an error. Other pages are read leniently: what the model cannot hold is
    reported as warnings (losses), each with its line, and the brief read is checked.
    """
    if xsd is not None:
        raise TypeError("xsd= applies to XML documents, not to html")
    root, cut = _parse(data)
    try:
        brief, losses = _read(root, cut, strict=_own_article(root) is not None)
    except ValidationError as error:
        return list(error.problems), None
    if any(p.severity == "error" for p in losses):
        return losses, None
    return losses, brief


def _own_article(root: etree._Element) -> etree._Element | None:
    """The ``article`` briefmodel wrote, if the page is its own."""
    return next(
        (a for a in root.iter("article") if "brief" in _class(a) and a.get("data-id")), None
    )


def sniff(text: str) -> bool:
    """True when the text looks like HTML."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<article", "<main", "<body"))


FORMAT = Format(
    name="html",
    suffixes=(".html", ".htm"),
    media_type="text/html",
    read=read,
    write=write,
    sniff=sniff,
    description="HTML5 page (lossless for what briefmodel writes)",
    examine=examine,
)
