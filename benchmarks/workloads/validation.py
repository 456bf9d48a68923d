"""The validators ``bm.validate`` is compared with, checked to reject what the schema
rejects (so that none is faster because it checks less): fastjsonschema compiled from
``bm.json_schema()``, the pydantic model, and the invalid samples they are given."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import fastjsonschema
import pydantic

import briefmodel as bm

from ..harness.briefs import Workload, generated_brief
from ..references.pydantic_model import PBrief


def compile_fastjsonschema(notes: list[str]) -> Callable[[Any], Any] | None:
    """Compile ``bm.json_schema()`` with fastjsonschema and check it rejects bad documents."""
    try:
        check = fastjsonschema.compile(bm.json_schema())
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        notes.append(f"fastjsonschema cannot compile the 2020-12 schema: {error}")
        return None
    missed = [name for name, doc in invalid_documents() if _accepts(check, doc)]
    if missed:
        notes.append(
            "fastjsonschema compiled the schema (as draft-07) but accepts invalid "
            f"documents: {', '.join(missed)}"
        )
    else:
        notes.append(
            "fastjsonschema compiled the 2020-12 schema (as draft-07: $defs, $ref, "
            f"if/then/else) and rejects all {len(invalid_documents())} invalid samples"
        )
    return check


def _accepts(check: Callable[[Any], Any], document: dict[str, Any]) -> bool:
    try:
        check(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def invalid_documents() -> list[tuple[str, dict[str, Any]]]:
    """Small documents that break the schema in different places (for sanity checks)."""
    base = bm.to_dict(generated_brief(1, references=1))

    def broken(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        doc: dict[str, Any] = json.loads(json.dumps(base))
        change(doc)
        return doc

    def first_block(doc: dict[str, Any]) -> dict[str, Any]:
        block: dict[str, Any] = doc["sections"][0]["blocks"][0]
        return block

    def nested_block(doc: dict[str, Any]) -> None:
        items = doc["sections"][0]["blocks"][1]["items"]
        items.append({"content": "x", "blocks": [{"type": "paragraph", "content": 3}]})

    return [
        ("unknown field", broken(lambda d: d.update(colour="red"))),
        ("bad schema id", broken(lambda d: d.update(schema="briefmodel/9"))),
        ("no sections", broken(lambda d: d.update(sections=[]))),
        ("bad section id", broken(lambda d: d["sections"][0].update(id="9 lives"))),
        ("unknown block", broken(lambda d: first_block(d).update(type="x"))),
        ("bad inline ref", broken(lambda d: first_block(d)["content"][1].update(ref="a b"))),
        ("bad nested block", broken(nested_block)),
        ("bad datetime", broken(lambda d: d.update(created="yesterday"))),
        ("bad language", broken(lambda d: d.update(language="english!"))),
    ]


def check_pydantic_model(workloads: Sequence[Workload], notes: list[str]) -> None:
    """The pydantic model must accept our JSON and reject what the schema rejects."""
    for workload in workloads:
        PBrief.model_validate_json(workload.text)  # raises if the shapes differ
    accepted = []
    for name, doc in invalid_documents():
        try:
            PBrief.model_validate_json(json.dumps(doc))
        except pydantic.ValidationError:
            continue
        accepted.append(name)
    if accepted:
        notes.append(f"the pydantic model accepts invalid documents: {', '.join(accepted)}")
    else:
        notes.append(
            "the pydantic model accepts every workload and rejects all "
            f"{len(invalid_documents())} invalid samples"
        )
