"""The closed vocabularies of the model: a ``Literal`` type for each, and its values."""

from __future__ import annotations

from typing import Literal

Status = Literal["usable", "withheld", "canceled"]
Confidence = Literal["low", "moderate", "high"]
Likelihood = Literal[
    "almost-no-chance",
    "very-unlikely",
    "unlikely",
    "roughly-even-chance",
    "likely",
    "very-likely",
    "almost-certain",
]
EntityKind = Literal["person", "organization", "place", "event", "other"]
Signal = Literal["update", "correction", "retraction"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Header = Literal["auto", "col", "row", "colgroup", "rowgroup"]
Alignment = Literal["default", "start", "center", "end"]

STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
CONFIDENCES: tuple[str, ...] = Confidence.__args__  # type: ignore[attr-defined]
LIKELIHOODS: tuple[str, ...] = Likelihood.__args__  # type: ignore[attr-defined]
ENTITY_KINDS: tuple[str, ...] = EntityKind.__args__  # type: ignore[attr-defined]
SIGNALS: tuple[str, ...] = Signal.__args__  # type: ignore[attr-defined]
RELIABILITIES: tuple[str, ...] = Reliability.__args__  # type: ignore[attr-defined]
HEADERS: tuple[str, ...] = Header.__args__  # type: ignore[attr-defined]
ALIGNMENTS: tuple[str, ...] = Alignment.__args__  # type: ignore[attr-defined]

#: The recommended section roles (the vocabulary is open: any other role is allowed).
SECTION_ROLES: tuple[str, ...] = (
    "key-points",
    "summary",
    "context",
    "analysis",
    "implications",
    "outlook",
    "recommendations",
)
