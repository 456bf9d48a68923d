"""The reference of ``bm.dumps(brief, "html")``: the same page rendered from a Jinja2
template (``jinja_html_template``), as a user without briefmodel's writer would publish a
brief.

A ``jinja2.Environment(autoescape=True)`` is fed the model objects. What is not templating
is done by small Python helpers, as a user would: formatting a date, checking a link's
scheme (with briefmodel's own url_scheme), the JSON of data-* attributes and of the JSON-LD
(briefmodel's json_ld() dict, json.dumps'd), the meta description.

Like the NewsML-G2 floors it handles what ordinary briefs hold, without the writer's
repairs: no text holds a character HTML cannot hold (CR, DEL, C1 controls,
noncharacters: written by the writer as <span class="char"> or kept in data-exact), every
followed URL is valid as it is (the writer percent-encodes one that is not), and no
date-time is finer than milliseconds or offset by seconds. The run checks that it renders
our page on every workload before timing it (``workloads/html_page.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import jinja2
from markupsafe import Markup

import briefmodel as bm
from briefmodel.formats import html
from briefmodel.rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES, url_scheme

from ._common import _thawed
from .jinja_html_template import HTML_TEMPLATE_SOURCE

_HTML_LINK_SCHEMES = DEFAULT_URL_SCHEMES - DANGEROUS_SCHEMES
_HTML_KINDS: dict[type, str] = {
    bm.Paragraph: "paragraph",
    bm.ItemList: "item-list",
    bm.Quote: "quote",
    bm.Judgment: "judgment",
    bm.Figure: "figure",
    bm.Table: "table",
    bm.Emphasis: "emphasis",
    bm.Strong: "strong",
    bm.Code: "code",
    bm.LineBreak: "line-break",
    bm.Link: "link",
    bm.Mention: "mention",
    bm.Citation: "citation",
}


def _minified(source: str) -> str:
    """The template without the line breaks and indentation it is written with."""
    return re.sub(r"\n[ \t]*", "", source).replace("\\n", "\n")


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
    """A date as the page shows it, in English whatever the locale (``%B`` follows it):
    ``9 March 2026, 07:30 +01:00``."""
    offset = value.strftime("%z")
    month = _MONTHS[value.month - 1]
    return f"{value.day} {month} {value.year:04d}, {value:%H:%M} {offset[:3]}:{offset[3:5]}"


def _html_datetime(value: datetime) -> str:
    """A date-time as HTML's ``datetime`` attribute holds it: at most milliseconds."""
    return value.isoformat(timespec="milliseconds") if value.microsecond else value.isoformat()


def _blank(content: Sequence[Any]) -> bool:
    """True when rich text shows no visible character (a citation shows its number)."""
    for node in content:
        kind = type(node)
        if kind is str:
            if node.strip():
                return False
        elif kind is bm.Citation:
            return False
        elif kind is bm.Code:
            if node.text.strip():
                return False
        elif kind is bm.Link and not node.content:
            return False  # a link without text shows its address
        elif kind is not bm.LineBreak and not _blank(node.content):
            return False
    return True


def _link_url(url: str) -> str | None:
    """The URL when a link may use its scheme, else None (the page shows it as text)."""
    return url if url_scheme(url) in _HTML_LINK_SCHEMES else None


def _json_attribute(value: Any) -> str:
    return json.dumps(_thawed(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _json_ld_script(brief: bm.Brief) -> Markup:
    """briefmodel's JSON-LD dict, as JSON no text in it can end the script element with."""
    text = json.dumps(html.json_ld(brief), ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)


_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _html_description(brief: bm.Brief) -> str:
    """The meta description: the first of the subheadline, the key points and the first
    paragraph (at most 300 characters) that shows any text, else the headline."""
    if brief.subheadline and brief.subheadline.strip():
        return brief.subheadline
    points = [" ".join(bm.plain_text(item.content).split()) for item in brief.key_points]
    if any(points):
        return "; ".join(p for p in points if p)[:300]
    for _, node in brief.walk():
        if type(node) is bm.Paragraph:
            text = " ".join(bm.plain_text(node.content).split())
            if text:
                return text[:300]
    return brief.headline


def html_template(
    stylesheet: str | None = None, *, finalize: Callable[[Any], Any] | None = None
) -> jinja2.Template:
    """The Jinja2 template of the page, with ``stylesheet`` (the bundled one by default)
    compiled in, as a user's template would include a static file. ``finalize`` is
    Jinja2's hook on every value output (the tests use it to escape as briefmodel does)."""
    environment = jinja2.Environment(
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
    )
    environment.filters.update(
        kind=lambda node: _HTML_KINDS[type(node)],
        shown=_shown_time,
        html_datetime=_html_datetime,
        blank=_blank,
        link_url=_link_url,
        scheme=url_scheme,
        json_attr=_json_attribute,
        ident=id,
        words=lambda content: " ".join(bm.plain_text(content).split()),
    )
    css = html.default_css() if stylesheet is None else stylesheet
    environment.globals.update(
        direction=html.direction,
        json_ld=_json_ld_script,
        stylesheet=Markup(re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)),
        CONFIDENCE=html.CONFIDENCE_LABELS,
        LIKELIHOOD=html.LIKELIHOOD_LABELS,
        SIGNALS=html.SIGNAL_LABELS,
        KINDS=html.KIND_LABELS,
    )
    return environment.from_string(_minified(HTML_TEMPLATE_SOURCE))


HTML_TEMPLATE = html_template()


def jinja_html_write(brief: bm.Brief, template: jinja2.Template = HTML_TEMPLATE) -> str:
    """The Jinja2 counterpart of ``bm.dumps(brief, "html")``: the same page, rendered."""
    return template.render(
        b=brief,
        numbers={source.id: n for n, source in enumerate(brief.sources, 1)},
        tables={
            id(node): n
            for n, node in enumerate((n for _, n in brief.walk() if type(n) is bm.Table), 1)
        },
        description=_html_description(brief),
    )


#: How briefmodel's writer (Python's html.escape) and Jinja2's autoescape (MarkupSafe)
#: spell the same characters differently. No other byte differs.
JINJA_SPELLINGS = (("&quot;", "&#34;"), ("&#x27;", "&#39;"))


def in_jinja_spelling(page: str) -> str:
    """``page`` with briefmodel's escapes spelled as Jinja2's autoescape spells them."""
    for ours, theirs in JINJA_SPELLINGS:
        page = page.replace(ours, theirs)
    return page
