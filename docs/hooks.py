"""MkDocs hooks for the briefmodel docs (registered under ``hooks:`` in mkdocs.yml).

The table of problem codes on the validation page is generated at build time from
:data:`briefmodel.rules.CODES`, so that it can never fall behind the code: a page that
contains the marker ``<!-- rules-table -->`` gets the table in its place.

This module imports nothing from MkDocs, so the tests can call it directly.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- rules-table -->"

#: The layer each code prefix belongs to, in the order validation runs them.
LAYERS: dict[str, str] = {
    "parse": "parse",
    "format": "parse",
    "schema": "schema",
    "node": "schema",
    "structure": "structure",
}


def layer(code: str) -> str:
    """The validation layer that reports ``code``: parse, schema, structure or rules.

    Codes named after a string shape (``language.malformed``) come from the schema
    layer when the input is JSON data; every other code comes from the rules.
    """
    from briefmodel import rules

    prefix = code.split(".", 1)[0]
    if prefix in LAYERS:
        return LAYERS[prefix]
    if any(rule.code == code for rule in rules.RULE_LIST):
        return "rules"
    return "schema"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def rules_table() -> str:
    """Every problem code in :data:`briefmodel.rules.CODES` as a Markdown table."""
    from briefmodel.rules import CODES

    rows = [
        "| code | severity | layer | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for code, (severity, meaning) in CODES.items():
        rows.append(f"| `{code}` | {severity} | {layer(code)} | {_cell(meaning)} |")
    return "\n".join(rows)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace the rules-table marker with the generated table."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, rules_table())
