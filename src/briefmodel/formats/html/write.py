"""The writer: a brief as an HTML5 page or its ``article`` alone, one method of
:class:`_Page` per part of the brief, chosen by node type for blocks and inline nodes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ... import _options
from ...model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    Agent,
    Brief,
    Citation,
    Code,
    Emphasis,
    Entity,
    Figure,
    ItemList,
    Judgment,
    LineBreak,
    Link,
    Mention,
    Paragraph,
    Quote,
    Rights,
    Section,
    Source,
    Strong,
    Table,
    plain_text,
)
from ...rules import DANGEROUS_SCHEMES, DEFAULT_URL_SCHEMES, allowed_schemes, url_scheme
from ._escape import (
    _UNWRITABLE,
    _attrs,
    _e,
    _href,
    _html_lang,
    _json_attr,
    _plain,
    _script_json,
    _t,
    _time,
)
from .jsonld import _description, json_ld
from .style import (
    CONFIDENCE_LABELS,
    KIND_LABELS,
    LIKELIHOOD_LABELS,
    SIGNAL_LABELS,
    default_css,
    direction,
)


class _Page:
    """One brief being written: its parts, and the number each source is cited by."""

    def __init__(self, brief: Brief, url_schemes: frozenset[str]) -> None:
        self.brief = brief
        self.url_schemes = url_schemes
        self.source_numbers = {s.id: n for n, s in enumerate(brief.sources, 1)}
        self.out: list[str] = []
        self.in_link = 0  # how many links the text being written is inside
        self.tables = 0  # written so far: each table's region is named by its number

    def safe_url(self, url: str) -> str | None:
        """The URL when links may use its scheme; None otherwise (shown as text)."""
        return url if _followed(url, self.url_schemes) else None

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
        dates = [
            _time(when, field, label)
            for when, field, label in (
                (b.created, "created", "Published "),
                (b.updated, "updated", "Updated "),
                (b.embargo_until, "embargo-until", "Embargoed until "),
            )
            if when is not None
        ]
        if dates:  # an undated brief shows no date, rather than one it does not have
            w(f'<p class="dates">{" · ".join(dates)}</p>')
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

    def table(self, block: Table, level: int) -> None:
        """A table in a region that scrolls sideways when the table is wider than the
        page (focusable, so that a keyboard can scroll it, and named by its caption)."""
        w = self.out.append
        self.tables += 1
        caption = " ".join(plain_text(block.caption).split())
        label = f"Table {self.tables}" + (f": {caption}" if caption else "")
        w(f'<div class="table-scroll" role="region" tabindex="0" aria-label="{_plain(label)}">')
        w("<table" + _attrs(class_="table", data_align=" ".join(block.align) or None) + ">")
        if block.caption:
            w("<caption>")
            self.rich(block.caption)
            w("</caption>")
        for tag, rows in (("thead", block.head), ("tbody", block.body), ("tfoot", block.foot)):
            if not rows:
                continue
            w(f"<{tag}>")
            for row in rows:
                w("<tr>")
                column = 0
                for cell in row.cells:
                    name = "td" if cell.header is None else "th"
                    align = block.align[column] if column < len(block.align) else "default"
                    w(
                        f"<{name}"
                        + _attrs(
                            scope=cell.header if cell.header not in (None, "auto") else None,
                            colspan=str(cell.colspan) if cell.colspan != 1 else None,
                            rowspan=str(cell.rowspan) if cell.rowspan != 1 else None,
                            class_=f"align-{align}" if align != "default" else None,
                        )
                        + ">"
                    )
                    self.rich(cell.content)
                    w(f"</{name}>")
                    column += cell.colspan
                w("</tr>")
            w(f"</{tag}>")
        w("</table></div>")

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


def _followed(url: str, schemes: frozenset[str]) -> bool:
    """Whether the page links to ``url`` (its scheme is one of ``schemes``, not a
    dangerous one), rather than showing it as text."""
    scheme = url_scheme(url)
    return scheme is not None and scheme not in DANGEROUS_SCHEMES and scheme in schemes


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
        elif kind is Link and not node.content:
            return False  # a link without text shows its address
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
    Table: _Page.table,
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


@_options.writer
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
    fragment = _options.flag("fragment", fragment)
    css = _options.css(css)
    schemes = allowed_schemes(_options.url_schemes(url_schemes))
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
    ]
    if brief.created is not None:
        head.append(
            f'<meta property="article:published_time" content="{brief.created.isoformat()}">\n'
        )
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
