"""The semantic rules validation enforces beyond the JSON Schema.

Each rule is a small named function in :data:`RULES`, keyed by the node type it looks
at. A rule returns ``(path, message)`` pairs, ``path`` relative to the node; the engine
in :func:`check` adds the node's own path, the rule's code and its severity. Every
problem code briefmodel can report, from any layer, is listed in :data:`CODES` with its
severity and meaning (the docs' table of rules is generated from it).

>>> import briefmodel as bm
>>> sorted(code for code, (severity, _) in bm.rules.CODES.items()
...        if severity == "warning" and not code.startswith("repair."))
... # doctest: +NORMALIZE_WHITESPACE
['block.empty', 'docx.dropped', 'docx.edited', 'html.boilerplate', 'html.dropped',
 'html.extractor-failed', 'html.extractor-missing', 'input.skipped', 'list.empty',
 'markdown.dropped', 'newsml.dropped', 'ninjs.dropped', 'role.unknown', 'section.empty',
 'table.empty', 'table.header-empty', 'text.dropped']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from . import _patterns
from . import model as m
from ._codes import LAYER_CODES
from ._files import WRITE_CODES
from ._repairs import REPAIR_CODES
from .errors import Problem, ProblemLog, Severity, pointer
from .model.brief import walk
from .model.inline import plain_text as plain_text_of
from .model.vocabularies import SECTION_ROLES

__all__ = [
    "CODES",
    "DANGEROUS_SCHEMES",
    "DEFAULT_URL_SCHEMES",
    "RULES",
    "Context",
    "Rule",
    "allowed_schemes",
    "check",
]

#: URL schemes allowed in links by default.
DEFAULT_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
#: Schemes never allowed, even in identifiers: they run code or embed content.
DANGEROUS_SCHEMES: frozenset[str] = frozenset({"javascript", "vbscript", "data", "file"})


def allowed_schemes(url_schemes: Iterable[str]) -> frozenset[str]:
    """The schemes links may use, lower-cased, from what a caller gave: an iterable of
    scheme names, or one name as a string (not its characters). The dangerous schemes
    are never allowed, whatever is given.

    >>> sorted(allowed_schemes("HTTPS"))
    ['https']
    >>> sorted(allowed_schemes(["https", "javascript"]))
    ['https']
    """
    if isinstance(url_schemes, str):
        url_schemes = (url_schemes,)
    return frozenset(s.lower() for s in url_schemes) - DANGEROUS_SCHEMES


Path = tuple[str | int, ...]
#: What a rule returns: (path relative to the node, message) pairs, empty when all is well.
Found = list[tuple[Path, str]]


@attrs.define
class Context:
    """What rules may consult: the brief's ids, the allowed URL schemes, ids seen so far."""

    entity_ids: frozenset[str]
    source_ids: frozenset[str]
    url_schemes: frozenset[str]
    seen_ids: set[tuple[str, str]] = attrs.Factory(set)
    depth: int = 0  # of the node being checked, in JSON levels
    too_deep: bool = False  # reported already
    #: How a URL of an allowed scheme begins (``https:`` …), for the fast pass's test.
    url_prefixes: tuple[str, ...] = attrs.field(
        init=False, default=attrs.Factory(lambda c: tuple(f"{s}:" for s in c.url_schemes), True)
    )


@attrs.frozen
class Rule:
    """A named check: the node types it applies to, its code, severity and meaning."""

    code: str
    severity: Severity
    meaning: str
    applies_to: tuple[type, ...]
    check: Callable[[Any, Context], Found]


# --------------------------------------------------------------------------------------
# References


def mention_names_an_entity(node: m.Mention, ctx: Context) -> Found:
    if node.ref in ctx.entity_ids:
        return []
    return [(("ref",), f"the mention refers to {node.ref!r}, which is not the id of an entity")]


def citation_names_a_source(node: Any, ctx: Context) -> Found:
    kind = type(node)
    if kind is m.Citation:
        refs: Iterable[tuple[Path, str | None]] = ((("ref",), node.ref),)
    elif kind is m.Quote:
        refs = ((("source_ref",), node.source_ref),)
    else:
        refs = ((("basis", i), ref) for i, ref in enumerate(node.basis))
    known = ctx.source_ids
    return [
        (path, f"{ref!r} is not the id of a source")
        for path, ref in refs
        if ref is not None and ref not in known
    ]


def ids_are_unique(node: Any, ctx: Context) -> Found:
    if node.id is None:
        return []
    key = (type(node).__name__, node.id)
    if key not in ctx.seen_ids:
        ctx.seen_ids.add(key)
        return []
    what = type(node).__name__.lower()
    return [(("id",), f"another {what} already has the id {node.id!r}")]


#: How deep a node may sit in the canonical JSON: far deeper than any real brief (a
#: section nested 20 levels is at depth 40), and shallow enough that every format can
#: write and read it back without running out of stack.
MAX_DEPTH = 64


def nesting_is_bounded(node: Any, ctx: Context) -> Found:
    if ctx.depth <= MAX_DEPTH or ctx.too_deep:  # reported once, where it first happens
        return []
    ctx.too_deep = True
    return [((), f"the brief nests deeper than {MAX_DEPTH} levels here")]


# --------------------------------------------------------------------------------------
# Time


def updated_is_not_before_created(node: m.Brief, ctx: Context) -> Found:
    if node.updated is None or node.created is None or node.updated >= node.created:
        return []
    updated, created = node.updated.isoformat(), node.created.isoformat()
    return [(("updated",), f"the brief is updated ({updated}) before it is created ({created})")]


# --------------------------------------------------------------------------------------
# URLs

_LINK_FIELDS: dict[type, tuple[str, ...]] = {
    m.Link: ("href",),
    m.Figure: ("src",),
    m.Source: ("url",),
    m.Related: ("url",),
    m.Rights: ("license_url",),
}
_IDENTIFIER_FIELDS: dict[type, tuple[str, ...]] = {m.Agent: ("uri",), m.Subject: ("uri",)}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_STRIPPED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(33)))


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url``, lower-cased; ``None`` if relative.

    Leading and trailing C0 controls and spaces are stripped and tabs and newlines
    removed first, as the WHATWG URL parser does, so every spelling of
    ``javascript:`` is caught.

    >>> url_scheme(" \\x01JaVa\\tScRipt:alert(1)")
    'javascript'
    >>> url_scheme("/relative/path") is None
    True
    """
    # Cleaning can only change the scheme when the plain match fails.
    match = _SCHEME.match(url) or _SCHEME.match(_STRIPPED.sub("", url.strip(_C0_AND_SPACE)))
    return match.group(1).lower() if match else None


def links_are_absolute(node: Any, ctx: Context) -> Found:
    found: Found = []
    for name in _LINK_FIELDS.get(type(node), ()) + _IDENTIFIER_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if value is not None and url_scheme(value) is None:
            found.append(((name,), f"{value[:80]!r} is not an absolute URL (it has no scheme)"))
    return found


def link_schemes_are_allowed(node: Any, ctx: Context) -> Found:
    found: Found = []
    for name in _LINK_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        scheme = value and url_scheme(value)
        if scheme and (scheme not in ctx.url_schemes or scheme in DANGEROUS_SCHEMES):
            allowed = ", ".join(sorted(ctx.url_schemes - DANGEROUS_SCHEMES)) or "none"
            message = f"the URL scheme {scheme!r} is not allowed here (allowed: {allowed})"
            found.append(((name,), message))
    for name in _IDENTIFIER_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        scheme = value and url_scheme(value)
        if scheme in DANGEROUS_SCHEMES:
            found.append(((name,), f"the URI scheme {scheme!r} is not allowed in an identifier"))
    return found


# --------------------------------------------------------------------------------------
# Text


def _text_fields(cls: type) -> tuple[tuple[str, str], ...]:
    out = []
    for field in attrs.fields(cls):
        if field.type in (str, str | None):
            out.append((field.name, "one"))
        elif field.type == tuple[str, ...]:
            out.append((field.name, "many"))
        elif field.name in ("identifiers", "extensions"):
            out.append((field.name, "json"))
    return tuple(out)


_TEXT_FIELDS = {cls: _text_fields(cls) for cls in m.MODEL_TYPES}
_TEXT_FIELDS[str] = ()


def _json_strings(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if type(value) is str:
        yield path, value
    elif type(value) is tuple:
        for index, item in enumerate(value):
            yield from _json_strings(item, (*path, index))
    elif type(value) is m.FrozenMap:
        for key, item in value.items():
            yield (*path, key), key
            yield from _json_strings(item, (*path, key))


def _node_texts(node: Any) -> Iterator[tuple[Path, str]]:
    if type(node) is str:
        yield (), node
        return
    for name, kind in _TEXT_FIELDS[type(node)]:
        value = getattr(node, name)
        if kind == "one":
            if value is not None:
                yield (name,), value
        elif kind == "many":
            for index, item in enumerate(value):
                yield (name, index), item
        else:
            yield from _json_strings(value, (name,))


def text_is_xml_safe(node: Any, ctx: Context) -> Found:
    bad = _patterns.NOT_XML_CHAR.search
    if type(node) is str and bad(node) is None:
        return []
    found: Found = []
    for path, text in _node_texts(node):
        match = bad(text)
        if match:
            character = f"U+{ord(match.group()):04X}"
            message = (
                f"the text holds {character} at offset {match.start()}, "
                "a character XML 1.0 cannot carry"
            )
            found.append((path, message))
    return found


# --------------------------------------------------------------------------------------
# Emptiness (warnings)


def role_is_not_a_misspelling(node: m.Section, ctx: Context) -> Found:
    """A role near a recommended one but not it (``keypoints``) is most likely a typo; any
    other role is the author's own (the vocabulary is open)."""
    role = node.role
    if role is None or role in SECTION_ROLES:
        return []
    near = difflib.get_close_matches(role.lower(), SECTION_ROLES, n=1, cutoff=0.8)
    if not near:
        return []
    return [(("role",), f"{role!r} is not a known section role; did you mean {near[0]!r}?")]


def table_has_rows(node: m.Table, ctx: Context) -> Found:
    if node.head or node.body or node.foot:
        return []
    return [((), "the table has no rows")]


def table_is_a_grid(node: m.Table, ctx: Context) -> Found:
    """Each row group (head, body, foot) lays its cells out in a grid: every row has a cell
    that begins on it, no cell spans rows past the end of its group, and every column of
    the table has a cell that begins in it (else HTML's table model clips or drops them)."""
    found: Found = []
    starts: set[int] = set()  # the columns cells begin in
    width = 0
    for group in ("head", "body", "foot"):
        rows = getattr(node, group)
        below: dict[int, int] = {}  # column -> rows still covered from above
        for r, row in enumerate(rows):
            column = 0
            if not row.cells:
                found.append(((group, r), "the row has no cells"))
            for c, cell in enumerate(row.cells):
                while below.get(column, 0) > 0:
                    column += 1
                starts.add(column)
                if r + cell.rowspan > len(rows):
                    found.append(
                        (
                            (group, r, "cells", c, "rowspan"),
                            f"the cell spans {cell.rowspan} rows, past the end of the table's "
                            f"{group} ({len(rows) - r} left)",
                        )
                    )
                for spanned in range(column, column + cell.colspan):
                    below[spanned] = max(below.get(spanned, 0), cell.rowspan)
                column += cell.colspan
            width = max(width, column, *(k + 1 for k, v in below.items() if v > 0))
            below = {k: v - 1 for k, v in below.items() if v > 1}
    missing = [column for column in range(width) if column not in starts]
    if missing:
        shown = ", ".join(str(column + 1) for column in missing[:5])
        found.append(((), f"no cell begins in column {shown}: the spans leave it empty"))
    if len(node.align) > width:
        found.append(
            (("align",), f"{len(node.align)} columns are aligned, but the table has {width}")
        )
    return found


def header_cell_has_text(node: m.TableCell, ctx: Context) -> Found:
    if node.header is None or plain_text_of(node.content).strip():
        return []
    return [(("content",), "the header cell has no text: say what it heads")]


def section_has_content(node: m.Section, ctx: Context) -> Found:
    if node.blocks or node.sections:
        return []
    return [((), "the section has no blocks and no subsections")]


def list_has_items(node: m.ItemList, ctx: Context) -> Found:
    return [] if node.items else [((), "the list has no items")]


def block_has_text(node: Any, ctx: Context) -> Found:
    text = node.statement if type(node) is m.Judgment else node.content
    return [] if text else [((), f"the {type(node).__name__.lower()} has no text")]


# --------------------------------------------------------------------------------------
# The table

_ALL_NODES: tuple[type, ...] = (*m.MODEL_TYPES, str)

RULE_LIST: tuple[Rule, ...] = (
    Rule(
        "ref.unknown-entity",
        "error",
        "A mention's ref is not the id of an entity of the brief.",
        (m.Mention,),
        mention_names_an_entity,
    ),
    Rule(
        "ref.unknown-source",
        "error",
        "A citation's ref, a quote's source_ref or a judgment's basis entry is not the id "
        "of a source of the brief.",
        (m.Citation, m.Quote, m.Judgment),
        citation_names_a_source,
    ),
    Rule(
        "id.duplicate",
        "error",
        "Two sections, two entities or two sources share an id.",
        (m.Section, m.Entity, m.Source),
        ids_are_unique,
    ),
    Rule(
        "datetime.order",
        "error",
        "updated is earlier than created.",
        (m.Brief,),
        updated_is_not_before_created,
    ),
    Rule(
        "url.not-absolute",
        "error",
        "A URL or URI has no scheme (it is relative).",
        tuple(_LINK_FIELDS) + tuple(_IDENTIFIER_FIELDS),
        links_are_absolute,
    ),
    Rule(
        "url.scheme-not-allowed",
        "error",
        "A link's scheme is not among the allowed ones (http, https, mailto by default), "
        "or an identifier uses javascript:, vbscript:, data: or file:, in any spelling.",
        tuple(_LINK_FIELDS) + tuple(_IDENTIFIER_FIELDS),
        link_schemes_are_allowed,
    ),
    Rule(
        "text.not-xml-char",
        "error",
        "A text holds a character XML 1.0 cannot carry (a C0 control other than tab, "
        "newline and carriage return, a lone surrogate, U+FFFE or U+FFFF).",
        _ALL_NODES,
        text_is_xml_safe,
    ),
    Rule(
        "structure.too-deep",
        "error",
        f"A node sits deeper than {MAX_DEPTH} levels in the canonical JSON (sections, lists "
        "or inline markup nested too far for every format to write and read back).",
        _ALL_NODES,
        nesting_is_bounded,
    ),
    Rule(
        "role.unknown",
        "warning",
        "A section's role is close to a recommended role (key-points, summary, context, "
        "analysis, implications, outlook, recommendations) but is not it: most likely a typo, "
        "and the nearest is suggested. Any other role is the author's own.",
        (m.Section,),
        role_is_not_a_misspelling,
    ),
    Rule(
        "section.empty",
        "warning",
        "A section has no blocks and no subsections.",
        (m.Section,),
        section_has_content,
    ),
    Rule("list.empty", "warning", "A list has no items.", (m.ItemList,), list_has_items),
    Rule(
        "table.shape",
        "error",
        "A table's cells do not lay out in a grid: a row without cells, a cell spanning rows "
        "past the end of its group (head, body, foot), a column no cell begins in, or more "
        "columns aligned than the table has.",
        (m.Table,),
        table_is_a_grid,
    ),
    Rule("table.empty", "warning", "A table has no rows.", (m.Table,), table_has_rows),
    Rule(
        "table.header-empty",
        "warning",
        "A table's header cell has no text (screen readers announce it with every cell it heads).",
        (m.TableCell,),
        header_cell_has_text,
    ),
    Rule(
        "block.empty",
        "warning",
        "A paragraph, quote or judgment has no text.",
        (m.Paragraph, m.Quote, m.Judgment),
        block_has_text,
    ),
)


def _table(rules: Iterable[Rule]) -> dict[type, tuple[Rule, ...]]:
    table: dict[type, list[Rule]] = {}
    for rule in rules:
        for cls in rule.applies_to:
            table.setdefault(cls, []).append(rule)
    return {cls: tuple(found) for cls, found in table.items()}


#: The rules keyed by the node type they apply to.
RULES: dict[type, tuple[Rule, ...]] = _table(RULE_LIST)
#: The same without the XML character rule, whose texts the fast pass checks at once, and
#: the depth rule, which it checks inline.
_FAST_RULES = _table(
    rule for rule in RULE_LIST if rule.check not in (text_is_xml_safe, nesting_is_bounded)
)


def check(
    brief: m.Brief,
    *,
    url_schemes: Iterable[str] = DEFAULT_URL_SCHEMES,
    rules: Iterable[Rule] = (),
) -> list[Problem]:
    """Run every rule over every node of ``brief``; return the problems in document order,
    at most :data:`~briefmodel.errors.MAX_PROBLEMS` and a ``problems.more`` counting the rest.

    ``rules`` are run too, after the built-in ones (a house-style profile's rules, say:
    :class:`~briefmodel.Profile`). A first pass runs the built-in rules without building
    paths; only a brief that has problems is walked again, in document order and with
    paths, to report them.
    """
    schemes = allowed_schemes(url_schemes)
    extra = _table(rules)
    problems = ProblemLog()
    if _has_problems(brief, _context(brief, schemes)):
        table = _merged(RULES, extra) if extra else RULES
    elif extra:
        table = extra
    else:
        return []
    _run(brief, table, _context(brief, schemes), problems)
    return problems.problems()


def _merged(*tables: dict[type, tuple[Rule, ...]]) -> dict[type, tuple[Rule, ...]]:
    merged: dict[type, tuple[Rule, ...]] = {}
    for table in tables:
        for cls, rules in table.items():
            merged[cls] = merged.get(cls, ()) + rules
    return merged


def _run(
    brief: m.Brief, table: dict[type, tuple[Rule, ...]], ctx: Context, problems: ProblemLog
) -> None:
    """The rules of ``table`` over every node of ``brief``, their problems into ``problems``."""
    for path, node in walk(brief, down_to=MAX_DEPTH):  # (deeper is reported at the limit)
        ctx.depth = len(path)
        for rule in table.get(type(node), ()):
            found = rule.check(node, ctx)
            if not problems.room():  # counted, not described
                problems.skip(rule.severity, sum(1 for _ in found))
                continue
            for where, message in found:
                at = pointer((*path, *where))
                problems.append(
                    Problem(severity=rule.severity, code=rule.code, message=message, path=at)
                )


def _context(brief: m.Brief, url_schemes: frozenset[str]) -> Context:
    return Context(
        entity_ids=frozenset(e.id for e in brief.entities),
        source_ids=frozenset(s.id for s in brief.sources),
        url_schemes=url_schemes,
    )


def _has_problems(brief: m.Brief, ctx: Context) -> bool:
    """Whether any rule finds anything: the generated walk (:mod:`briefmodel._generated`)
    runs the rules but the XML character rule, whose texts it gathers for one search
    (unless the reader vouched for them)."""
    from ._walks import Found, rule_walk, vouch, vouched

    searched = not vouched(brief, "xml-safe")
    strings: list[str] = []
    try:
        rule_walk(texts=searched)(brief, 0, ctx, strings)
    except Found:
        return True
    vouch(brief, "shallow")  # (the walk stops where a node is too deep)
    return searched and _patterns.NOT_XML_CHAR.search("\n".join(strings)) is not None


# --------------------------------------------------------------------------------------
# Every code, from every layer

_SHAPE_CODES: dict[str, tuple[Severity, str]] = {
    shape.code: ("error", f"A value that should be {shape.description} is not.")
    for shape in _patterns.SHAPES
}

#: Every problem code: code -> (severity, meaning).
CODES: dict[str, tuple[Severity, str]] = {
    **LAYER_CODES,
    **WRITE_CODES,
    **_SHAPE_CODES,
    **{rule.code: (rule.severity, rule.meaning) for rule in RULE_LIST},
    **{code: ("warning", meaning) for code, meaning in REPAIR_CODES.items()},
}
