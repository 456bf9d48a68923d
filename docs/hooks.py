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
REPAIRS_MARKER = "<!-- repairs-table -->"
REPAIRS_END_MARKER = "<!-- /repairs-table -->"

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


def repairs_table() -> str:
    """What lenient reading mends, as a Markdown table: every ``repair.`` code, the error
    of a strict reading it stands for (a rule's code, or the reader's), and what it does."""
    from briefmodel._repairs import REPAIRS
    from briefmodel.rules import CODES

    rules: dict[str, list[str]] = {}
    for repair in REPAIRS.values():
        for code in repair.codes:
            rules.setdefault(code, [])
    for repair in REPAIRS.values():
        for code in rules:
            if repair.mend is REPAIRS[_first_rule(REPAIRS, code)].mend:
                rules[code].append(repair.rule)
    rows = [
        "| code | instead of | what lenient reading does |",
        "| --- | --- | --- |",
    ]
    for code, (_, meaning) in CODES.items():
        if code.startswith("repair."):
            instead = ", ".join(f"`{rule}`" for rule in rules.get(code, ())) or "a reader's refusal"
            rows.append(f"| `{code}` | {instead} | {_cell(meaning)} |")
    return "\n".join(rows)


def _first_rule(repairs: dict[str, Any], code: str) -> str:
    return next(rule for rule, repair in repairs.items() if code in repair.codes)


def _between(markdown: str, marker: str, end: str, table: str) -> str:
    if marker not in markdown:
        return markdown
    before, rest = markdown.split(marker, 1)
    after = rest.split(end, 1)[1] if end in rest else rest
    return f"{before}{marker}\n{table}\n{end}{after}"


def with_current_table(markdown: str) -> str:
    """``markdown`` with the current tables between the rules-table and repairs-table
    markers."""
    if MARKER not in markdown and REPAIRS_MARKER not in markdown:
        return markdown
    markdown = _between(markdown, MARKER, END_MARKER, rules_table())
    return _between(markdown, REPAIRS_MARKER, REPAIRS_END_MARKER, repairs_table())


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Put the current rules table between the markers of a page that has them."""
    return with_current_table(markdown)


if __name__ == "__main__":
    from pathlib import Path

    page = Path(__file__).with_name("validation.md")
    page.write_text(with_current_table(page.read_text("utf-8")), "utf-8")
    print(f"wrote the rules and repairs tables into {page}")
