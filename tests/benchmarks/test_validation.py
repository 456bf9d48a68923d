"""The pydantic model (``benchmarks/references/pydantic_model.py``) reads the same JSON, and
it and fastjsonschema reject the invalid samples (``benchmarks/workloads/validation.py``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import briefmodel as bm

pytest.importorskip("pydantic")
pytest.importorskip("fastjsonschema")
pytest.importorskip("jinja2")

from benchmarks.harness.briefs import generated_brief
from benchmarks.references.pydantic_model import PBrief, pydantic_dumps
from benchmarks.workloads.validation import _accepts, compile_fastjsonschema, invalid_documents


def test_pydantic_model_reads_the_same_json() -> None:
    brief = generated_brief(3)
    model = PBrief.model_validate_json(bm.dumps(brief))
    assert len(model.sections) == 3

    def prune(value: Any) -> Any:  # pydantic writes empty arrays and default values
        if isinstance(value, dict):
            return {k: prune(v) for k, v in value.items() if v not in ([], {})}
        if isinstance(value, list):
            return [prune(v) for v in value]
        return value

    written = prune(json.loads(pydantic_dumps(model)))
    assert written == {**bm.to_dict(brief), "version": 1, "status": "usable"}


def test_pydantic_model_and_fastjsonschema_reject_invalid_documents() -> None:
    import pydantic

    samples = invalid_documents()
    assert len(samples) >= 5
    notes: list[str] = []
    check = compile_fastjsonschema(notes)
    for name, document in samples:
        assert not bm.validate(document).ok, name
        with pytest.raises(pydantic.ValidationError):
            PBrief.model_validate_json(json.dumps(document))
        if check is not None:
            assert not _accepts(check, document), name
