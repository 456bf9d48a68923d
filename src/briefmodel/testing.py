"""Hypothesis strategies that generate valid briefs, for property-testing pipelines.

Requires the optional extra ``briefmodel[testing]`` (hypothesis).

>>> from hypothesis import given
>>> import briefmodel as bm
>>> from briefmodel.testing import briefs
>>> @given(briefs())
... def test_my_pipeline_keeps_headlines(brief):
...     assert bm.loads(bm.dumps(brief)).headline == brief.headline
>>> test_my_pipeline_keeps_headlines()

Every generated brief passes :func:`briefmodel.validate` without errors: references
name existing entities and sources, ids are unique, URLs are absolute ``http(s)``,
texts hold only characters XML 1.0 can carry, and ``updated`` is never before
``created``. Strings cover the whole of Unicode that is allowed, right-to-left scripts
and markup-like characters (``<``, ``&``, quotes) included.
"""

from __future__ import annotations

import functools
import string
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "briefmodel.testing needs hypothesis: pip install 'briefmodel[testing]'"
    ) from error

import attrs

from . import model as m

__all__ = [
    "briefs",
    "datetimes",
    "extensions",
    "identifiers",
    "languages",
    "lines",
    "rich_texts",
    "texts",
    "urls",
]

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
_EXCLUDED = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
_CHARACTERS = st.characters(exclude_categories=_SURROGATES, exclude_characters=_EXCLUDED)


@functools.cache
def texts(*, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text XML 1.0 can carry, newlines included."""
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


@functools.cache
def lines(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """One line of text with at least one visible character (headlines, titles, names)."""
    line_chars = st.characters(
        exclude_categories=_SURROGATES, exclude_characters=_EXCLUDED + "\n\r"
    )
    return st.builds(
        lambda before, core, after: before + core + after,
        st.text(line_chars, max_size=max_size // 2),
        st.sampled_from("ABCXYZabcxyz019سלא"),
        st.text(line_chars, max_size=max_size // 2),
    )


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Ids usable for sections, entities and sources (and as XML IDs)."""
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(string.ascii_letters + "_"),
        st.text(string.ascii_letters + string.digits + "_.-", max_size=8),
    )


@functools.cache
def languages() -> st.SearchStrategy[str]:
    """Well-formed BCP 47 tags, left-to-right and right-to-left."""
    return st.sampled_from(
        [
            "en",
            "en-GB",
            "fr",
            "de-CH",
            "ar",
            "ar-EG",
            "he",
            "fa",
            "ur",
            "zh-Hant-TW",
            "sr-Latn",
            "pt-BR",
            "ja",
            "x-private",
            "es-419",
        ]
    )


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """Absolute http and https URLs."""
    return st.builds(
        lambda scheme, host, path: f"{scheme}://{host}/{path}",
        st.sampled_from(["http", "https"]),
        st.sampled_from(["example.org", "example.com", "news.example.net"]),
        st.text(string.ascii_letters + string.digits + "-._~/%?=&", max_size=20),
    )


@functools.cache
def datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes with whole-minute UTC offsets, from 1900 to 2100."""
    offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    return st.builds(
        lambda naive, tz: naive.replace(tzinfo=tz),
        st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 1, 1)),
        offsets,
    )


@functools.cache
def _json_values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-m.MAX_NUMBER, m.MAX_NUMBER)
        | texts(max_size=10)
        | st.floats(-m.MAX_NUMBER, m.MAX_NUMBER, allow_nan=False, allow_infinity=False)
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(texts(max_size=6), children, max_size=3)
        ),
        max_leaves=6,
    )


@functools.cache
def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """Namespaced extension keys (``prefix:name``) with arbitrary JSON values (every number
    within ±(2^53 - 1), as a brief holds them)."""
    keys = st.builds(
        lambda p, n: f"{p}:{n}", st.sampled_from(["acme", "desk", "x-lab"]), identifiers()
    )
    return st.dictionaries(keys, _json_values(), max_size=3)


def rich_texts(
    entity_ids: list[str], source_ids: list[str], *, depth: int = 2
) -> st.SearchStrategy[m.RichText]:
    """Rich text whose mentions and citations name the given entities and sources."""
    return _rich_texts(tuple(entity_ids), tuple(source_ids), depth)


# Strategies are immutable, so one built for given ids is reused: building (and
# validating) a fresh tree of strategies for every section drawn was most of the time
# spent generating a brief, and reusing them draws exactly the same briefs.
@functools.lru_cache(maxsize=256)
def _rich_texts(
    entity_ids: tuple[str, ...], source_ids: tuple[str, ...], depth: int
) -> st.SearchStrategy[m.RichText]:
    leaves: list[st.SearchStrategy[Any]] = [
        texts(min_size=1, max_size=30),
        st.builds(m.Code, text=texts(min_size=1, max_size=10)),
        st.just(m.LineBreak()),
    ]
    if source_ids:
        leaves.append(st.builds(m.Citation, ref=st.sampled_from(source_ids)))
    inline = st.one_of(*leaves)
    if depth > 0:
        inner = _rich_texts(entity_ids, source_ids, depth - 1)
        nested: list[st.SearchStrategy[Any]] = [
            st.builds(m.Emphasis, content=inner),
            st.builds(m.Strong, content=inner),
            st.builds(m.Link, href=urls(), content=inner, title=st.none() | lines(max_size=20)),
        ]
        if entity_ids:
            nested.append(st.builds(m.Mention, ref=st.sampled_from(entity_ids), content=inner))
        inline = st.one_of(inline, *nested)
    return st.lists(inline, max_size=4).map(m.rich_text)


@functools.lru_cache(maxsize=256)
def _blocks(
    entity_ids: tuple[str, ...], source_ids: tuple[str, ...], depth: int
) -> st.SearchStrategy[Any]:
    text = _rich_texts(entity_ids, source_ids, 2)
    optional_source = st.none() | st.sampled_from(source_ids) if source_ids else st.none()
    basis = st.lists(st.sampled_from(source_ids), max_size=3) if source_ids else st.just([])
    item_blocks = _blocks(entity_ids, source_ids, depth - 1) if depth > 0 else st.nothing()
    items = st.builds(
        m.ListItem, content=text, blocks=st.lists(item_blocks, max_size=2 if depth > 0 else 0)
    )
    return st.one_of(
        st.builds(m.Paragraph, content=text),
        st.builds(m.ItemList, items=st.lists(items, min_size=1, max_size=4), ordered=st.booleans()),
        st.builds(
            m.Quote,
            content=text,
            attribution=st.none() | lines(max_size=20),
            source_ref=optional_source,
        ),
        st.builds(
            m.Judgment,
            statement=text,
            confidence=st.none() | st.sampled_from(m.CONFIDENCES),
            likelihood=st.none() | st.sampled_from(m.LIKELIHOODS),
            basis=basis,
        ),
        st.builds(
            m.Figure,
            src=urls(),
            alt=lines(max_size=20),
            caption=text,
            credit=st.none() | lines(max_size=20),
        ),
        _tables(text),
    )


def _tables(text: st.SearchStrategy[Any]) -> st.SearchStrategy[m.Table]:
    """Tables whose cells lay out in a grid (as the rules require): plain grids of data
    under one row of column headers (what a pipe table holds), and tables with a caption,
    header cells of every kind, cells spanning columns and, in the first column, rows,
    and footers."""
    # A header cell says what it heads: with words (an empty one is a warning).
    heading = lines(max_size=20)
    data_cell = st.builds(m.TableCell, content=text)

    @st.composite
    def grid(draw: st.DrawFn) -> m.Table:
        width = draw(st.integers(1, 4))
        header = st.builds(m.TableCell, content=heading, header=st.just("col"))
        head = m.TableRow(cells=draw(st.lists(header, min_size=width, max_size=width)))
        rows = st.lists(data_cell, min_size=width, max_size=width).map(
            lambda cells: m.TableRow(cells=cells)
        )
        alignments = st.lists(st.sampled_from(m.ALIGNMENTS), min_size=width, max_size=width)
        align = draw(st.just([]) | alignments)
        return m.Table(head=[head], body=draw(st.lists(rows, max_size=3)), align=align)

    @st.composite
    def spanning(draw: st.DrawFn) -> m.Table:
        width = draw(st.integers(1, 4))
        cell = st.one_of(
            data_cell,
            st.builds(m.TableCell, content=heading, header=st.sampled_from(m.HEADERS)),
        )

        def group(count: int, *, plain_first: bool) -> list[m.TableRow]:
            rows: list[m.TableRow] = []
            covered = 0  # rows of the first column still covered by a cell above
            for number in range(count):
                cells: list[m.TableCell] = []
                column = 0
                if covered:
                    covered -= 1
                    column = 1
                while column < width:
                    built = draw(cell)
                    if not (plain_first and number == 0):
                        # A cell of the first column may span rows (then only its column),
                        # any other columns.
                        first = column == 0 and width > 1
                        rowspan = draw(st.integers(1, count - number)) if first else 1
                        colspan = 1 if rowspan > 1 else draw(st.integers(1, width - column))
                        built = attrs.evolve(built, colspan=colspan, rowspan=rowspan)
                        if column == 0:
                            covered = rowspan - 1
                    cells.append(built)
                    column += built.colspan
                if not cells:  # the first column covered and no other: a cell of its own
                    cells.append(draw(data_cell))
                rows.append(m.TableRow(cells=cells))
            return rows

        body = group(draw(st.integers(1, 3)), plain_first=True)  # each column begins
        return m.Table(
            caption=draw(text),
            head=group(draw(st.integers(0, 2)), plain_first=False),
            body=body,
            foot=group(draw(st.integers(0, 1)), plain_first=False),
            align=draw(st.lists(st.sampled_from(m.ALIGNMENTS), max_size=width)),
        )

    return grid() | spanning()


@functools.cache
def _section_parts() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "title": st.none() | lines(max_size=30),
        "role": st.none() | st.sampled_from(["key-points", "summary", "analysis", "implications"]),
    }


@st.composite
def _sections(
    draw: st.DrawFn, entity_ids: list[str], source_ids: list[str], depth: int, ids: list[str]
) -> m.Section:
    parts = _section_parts()
    section_id = None
    if draw(st.booleans()):
        section_id = f"sec-{len(ids)}"
        ids.append(section_id)
    children = (
        draw(st.lists(_sections(entity_ids, source_ids, depth - 1, ids), max_size=2))
        if depth > 0
        else []
    )
    return m.Section(
        id=section_id,
        title=draw(parts["title"]),
        role=draw(parts["role"]),
        blocks=draw(
            st.lists(_blocks(tuple(entity_ids), tuple(source_ids), 1), min_size=1, max_size=3)
        ),
        sections=children,
    )


@functools.cache
def _brief_parts() -> dict[str, st.SearchStrategy[Any]]:
    """The strategies :func:`briefs` draws from that do not depend on the ids drawn."""
    agents = st.builds(
        m.Agent,
        name=lines(max_size=20),
        role=st.none() | lines(max_size=10),
        uri=st.none() | urls(),
        affiliation=st.none() | lines(max_size=20),
    )
    return {
        "ids": st.lists(identifiers(), unique=True, max_size=3),
        "kind": st.sampled_from(m.ENTITY_KINDS),
        "name": lines(max_size=20),
        "aliases": st.lists(texts(min_size=1, max_size=10), max_size=2),
        "identifiers": st.dictionaries(
            st.sampled_from(["wikidata", "iso3166", "qcode"]),
            texts(min_size=1, max_size=8),
            max_size=2,
        ),
        "title": lines(max_size=30),
        "url": st.none() | urls(),
        "publisher": st.none() | lines(max_size=20),
        "datetime": st.none() | datetimes(),
        "reliability": st.none() | st.sampled_from(m.RELIABILITIES),
        "credibility": st.none() | st.integers(1, 6),
        # One brief in four is undated, as a document read from others may be.
        "created": st.integers(0, 3).flatmap(lambda n: st.none() if n == 0 else datetimes()),
        "updated": st.none() | st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
        "id": st.builds(lambda s: f"urn:example:brief:{s}", identifiers()),
        "version": st.integers(1, 50),
        "headline": lines(max_size=60),
        "subheadline": st.none() | texts(min_size=1, max_size=60),
        "language": languages(),
        "status": st.sampled_from(m.STATUSES),
        "urgency": st.none() | st.integers(1, 9),
        "genre": st.none() | st.sampled_from(["analysis", "brief", "explainer"]),
        "authors": st.lists(agents, max_size=2),
        "agent": st.none() | agents,
        "subjects": st.lists(
            st.builds(
                m.Subject,
                code=st.builds(lambda n: f"medtop:{n:08d}", st.integers(0, 99999999)),
                name=st.none() | lines(max_size=20),
                uri=st.none() | urls(),
                relevance=st.none() | st.integers(0, 100),
                confidence=st.none() | st.integers(0, 100),
            ),
            max_size=2,
        ),
        "keywords": st.lists(texts(min_size=1, max_size=12), max_size=3),
        "related": st.lists(
            st.builds(
                m.Related,
                url=urls(),
                title=st.none() | lines(max_size=20),
                rel=st.none() | st.sampled_from(["see-also", "previous-version", "related"]),
            ),
            max_size=2,
        ),
        "rights": st.none()
        | st.builds(
            m.Rights,
            holder=st.none() | lines(max_size=20),
            notice=st.none() | texts(min_size=1, max_size=30),
            license_url=st.none() | urls(),
            usage_terms=st.none() | texts(min_size=1, max_size=30),
        ),
        "corrections": st.lists(
            st.builds(
                m.Correction,
                signal=st.sampled_from(m.SIGNALS),
                note=texts(min_size=1, max_size=30),
                date=st.none() | datetimes(),
            ),
            max_size=2,
        ),
        "extensions": extensions(),
    }


@st.composite
def briefs(draw: st.DrawFn, *, max_sections: int = 4, dated: bool = False) -> m.Brief:
    """Valid briefs, from minimal ones to ones that use every class and field.

    One in four is undated (``created`` is None), as a document read from others may be;
    ``dated=True`` gives only dated ones, for NewsML-G2, whose items must say when they
    were created.
    """
    parts = _brief_parts()
    entity_ids = draw(parts["ids"])
    source_ids = draw(parts["ids"])
    entities = [
        m.Entity(
            id=entity_id,
            kind=draw(parts["kind"]),
            name=draw(parts["name"]),
            aliases=draw(parts["aliases"]),
            identifiers=draw(parts["identifiers"]),
        )
        for entity_id in entity_ids
    ]
    sources = [
        m.Source(
            id=source_id,
            title=draw(parts["title"]),
            url=draw(parts["url"]),
            publisher=draw(parts["publisher"]),
            published=draw(parts["datetime"]),
            accessed=draw(parts["datetime"]),
            reliability=draw(parts["reliability"]),
            credibility=draw(parts["credibility"]),
        )
        for source_id in source_ids
    ]
    section_ids: list[str] = []
    sections = draw(
        st.lists(
            _sections(entity_ids, source_ids, 1, section_ids), min_size=1, max_size=max_sections
        )
    )
    created = draw(datetimes() if dated else parts["created"])
    updated = draw(parts["updated"])
    return m.Brief(
        id=draw(parts["id"]),
        version=draw(parts["version"]),
        headline=draw(parts["headline"]),
        subheadline=draw(parts["subheadline"]),
        language=draw(parts["language"]),
        created=created,
        updated=None if updated is None or created is None else created + updated,
        embargo_until=draw(parts["datetime"]),
        status=draw(parts["status"]),
        urgency=draw(parts["urgency"]),
        genre=draw(parts["genre"]),
        authors=draw(parts["authors"]),
        publisher=draw(parts["agent"]),
        sections=sections,
        entities=entities,
        subjects=draw(parts["subjects"]),
        keywords=draw(parts["keywords"]),
        sources=sources,
        related=draw(parts["related"]),
        rights=draw(parts["rights"]),
        corrections=draw(parts["corrections"]),
        extensions=draw(parts["extensions"]),
    )
