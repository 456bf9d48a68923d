"""MkDocs hooks for the briefmodel docs (registered under ``hooks:`` in mkdocs.yml).

The table of problem codes on the validation page is generated from
:data:`briefmodel.rules.CODES`. It is checked in between the markers
``<!-- rules-table -->`` and ``<!-- /rules-table -->``, so the page reads right anywhere;
a test fails when it is stale (``python docs/hooks.py`` rewrites it), and the build
hook below puts the current table in place in any case.

This module imports nothing from MkDocs, so the tests can call it directly.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- rules-table -->"
END_MARKER = "<!-- /rules-table -->"

#: The layer each code prefix belongs to, in the order validation runs them.
LAYERS: dict[str, str] = {
    "parse": "parse",
    "format": "parse",
    "repair": "lenient",
    "schema": "schema",
    "node": "schema",
    "structure": "structure",
    "convert": "cli",
    "output": "write",
    "input": "cli",
    "patch": "patch",
    "problems": "any",
}


def layer(code: str) -> str:
    """The validation layer that reports ``code``: parse, schema, structure or rules
    (or cli, for what only the command line reports; write, for the refusals of
    writing a file; patch, for a JSON Patch that cannot apply; any, for the count of
    the problems a report does not list).

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


def with_current_table(markdown: str) -> str:
    """``markdown`` with the current table between the rules-table markers."""
    if MARKER not in markdown:
        return markdown
    before, rest = markdown.split(MARKER, 1)
    after = rest.split(END_MARKER, 1)[1] if END_MARKER in rest else rest
    return f"{before}{MARKER}\n{rules_table()}\n{END_MARKER}{after}"


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Put the current rules table between the markers of a page that has them."""
    return with_current_table(markdown)


if __name__ == "__main__":
    from pathlib import Path

    page = Path(__file__).with_name("validation.md")
    page.write_text(with_current_table(page.read_text("utf-8")), "utf-8")
    print(f"wrote the rules table into {page}")
