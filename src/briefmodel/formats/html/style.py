"""How the page presents a brief beyond its markup: the English labels shown for machine
values and the direction a language is written in (from :mod:`.._labels`, which Word's
documents share), and the bundled stylesheet (``styles/brief.css`` in the package)."""

from __future__ import annotations

from importlib.resources import files

from .._labels import CONFIDENCE_LABELS as CONFIDENCE_LABELS
from .._labels import KIND_LABELS as KIND_LABELS
from .._labels import LIKELIHOOD_LABELS as LIKELIHOOD_LABELS
from .._labels import RTL_LANGUAGES as RTL_LANGUAGES
from .._labels import SIGNAL_LABELS as SIGNAL_LABELS
from .._labels import direction as direction


def default_css() -> str:
    """The bundled stylesheet: screen and print, light and dark."""
    return (files("briefmodel") / "styles" / "brief.css").read_text("utf-8")
