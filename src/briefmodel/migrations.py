"""Model versions: every canonical JSON document says which model it was written for
(``"schema": "briefmodel/2"``), and a document of an earlier model is upgraded to the
current one, one version step at a time, before it is read.

Reading is transparent: ``bm.loads``, ``bm.load``, ``bm.from_dict`` and ``bm.validate``
take a ``briefmodel/1`` document as it is, and what they report points into the
upgraded document. :func:`migrate` gives the upgraded data itself, and ``briefmodel
migrate FILE…`` rewrites files (``--check`` says which need it, writing nothing). A
document of a newer model than this briefmodel knows is refused, naming both versions.

The steps are :data:`MIGRATIONS`, a table of small functions keyed by the version each
upgrades from. The JSON Schema of every model version ships in the package
(``schemas/brief-1.schema.json``; ``brief.schema.json`` is the current one):
:func:`schema_of_version`.

>>> import briefmodel as bm
>>> old = {"schema": "briefmodel/1", "id": "x", "headline": "Hi",
...        "created": "2026-01-01T00:00:00Z", "sections": [{"blocks": []}]}
>>> bm.migrate(old)["schema"]
'briefmodel/2'
>>> bm.from_dict(old).headline
'Hi'
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from ._converter import MODEL_VERSION, SCHEMA_ID
from .errors import Problem, ValidationError

__all__ = ["MIGRATIONS", "MODEL_VERSION", "migrate", "model_version", "schema_of_version"]

Data = dict[str, Any]

#: ``"briefmodel/N"``: the stamp of model version N.
_STAMP = re.compile(r"briefmodel/([1-9][0-9]{0,5})\Z")


def _model_1_to_2(data: Data) -> Data:
    """Model 2 adds tables and changes nothing a model-1 document holds: restamped, it is
    a model-2 one."""
    return {**data, "schema": "briefmodel/2"}


#: The version steps: the function that upgrades a document of version N to N + 1,
#: keyed by N. Each takes the document's data (its own copy) and returns the upgraded data.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {
    1: _model_1_to_2,
}
assert sorted(MIGRATIONS) == list(range(1, MODEL_VERSION)), "a step for every version"


def model_version(data: Any) -> int | None:
    """The model version a document's data says it was written for, or None when it says
    none that briefmodel can tell (no ``"schema"``, or not ``"briefmodel/N"``).

    >>> model_version({"schema": "briefmodel/1"}), model_version({"schema": "other/1"})
    (1, None)
    """
    if not isinstance(data, Mapping):
        return None
    found = _STAMP.match(data["schema"]) if isinstance(data.get("schema"), str) else None
    return int(found.group(1)) if found else None


def _newer(stamp: str) -> ValidationError:
    return ValidationError(
        [
            Problem(
                severity="error",
                code="schema.newer-model",
                message=f"the document is {stamp}, a newer model than this briefmodel reads "
                f"({SCHEMA_ID} and earlier): upgrade briefmodel to read it",
                path="/schema",
            )
        ]
    )


def upgraded(data: Any) -> Any:
    """``data`` as the current model has it: upgraded if it says an earlier model, as it
    is if it says the current one or none briefmodel can tell (the schema reports that).
    A newer model raises :class:`~briefmodel.ValidationError` (``schema.newer-model``)."""
    version = model_version(data)
    if version is None or version == MODEL_VERSION:
        return data
    if version > MODEL_VERSION:
        raise _newer(data["schema"])
    document: Data = copy.deepcopy(dict(data))
    for step in range(version, MODEL_VERSION):
        document = MIGRATIONS[step](document)
    return document


def migrate(data: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical JSON data of a brief of any model version, upgraded to the current
    model (a copy; ``data`` is left as it is). Nothing else is checked: read the result
    with :func:`~briefmodel.from_dict` to check it.

    Raises :class:`~briefmodel.ValidationError` for data that says no model version
    (``schema.version``) or a newer one than this briefmodel reads (``schema.newer-model``).
    """
    if model_version(data) is None:
        said = data.get("schema") if isinstance(data, Mapping) else None
        raise ValidationError(
            [
                Problem(
                    severity="error",
                    code="schema.version",
                    message=f'expected "schema": "briefmodel/N" (this briefmodel reads up to '
                    f"{SCHEMA_ID}), got {said!r}",
                    path="/schema",
                )
            ]
        )
    document = upgraded(data)
    return copy.deepcopy(dict(document)) if document is data else dict(document)


def schema_of_version(version: int) -> dict[str, Any]:
    """The JSON Schema of model ``version`` as it shipped (1 to :data:`MODEL_VERSION`)."""
    if not isinstance(version, int) or not 1 <= version <= MODEL_VERSION:
        from .errors import OptionError

        raise OptionError("version", f"expected a model version from 1 to {MODEL_VERSION}")
    name = "brief.schema.json" if version == MODEL_VERSION else f"brief-{version}.schema.json"
    text = resources.files("briefmodel").joinpath("schemas").joinpath(name).read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
