"""What every format shows for a brief's machine values: the English labels of
confidences, likelihoods, correction signals and entity kinds, and the direction a
language is written in (HTML's pages and Word's documents show them alike)."""

from __future__ import annotations

#: Languages written right to left (by their primary subtag).
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}
)
#: Scripts written right to left (a script subtag overrides the language's direction).
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})
_LTR_SCRIPTS = frozenset({"latn", "cyrl", "grek", "hans", "hant", "jpan", "kore", "deva"})

#: Words shown for machine values, in English (the page's chrome; the brief's own text is
#: never translated).
CONFIDENCE_LABELS = {
    "low": "Low confidence",
    "moderate": "Moderate confidence",
    "high": "High confidence",
}
LIKELIHOOD_LABELS = {
    "almost-no-chance": "Almost no chance",
    "very-unlikely": "Very unlikely",
    "unlikely": "Unlikely",
    "roughly-even-chance": "Roughly even chance",
    "likely": "Likely",
    "very-likely": "Very likely",
    "almost-certain": "Almost certain",
}
SIGNAL_LABELS = {"update": "Update", "correction": "Correction", "retraction": "Retraction"}
KIND_LABELS = {
    "person": "Person",
    "organization": "Organization",
    "place": "Place",
    "event": "Event",
    "other": "Other",
}


def direction(language: str) -> str:
    """``"rtl"`` for a language written right to left, else ``"ltr"``.

    >>> direction("ar-EG"), direction("en"), direction("az-Arab")
    ('rtl', 'ltr', 'rtl')
    """
    parts = language.lower().split("-")
    for part in parts[1:]:
        if part in _RTL_SCRIPTS:
            return "rtl"
        if part in _LTR_SCRIPTS:
            return "ltr"
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"
