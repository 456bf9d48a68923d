"""IPTC's NewsML-G2 library, ``newsmlg2`` (its module is ``NewsMLG2``), or None when it is
not installed: the comparisons with it are then skipped, saying so."""

from __future__ import annotations

import warnings

__all__ = ["NewsMLG2"]

try:
    with warnings.catch_warnings():
        # newsmlg2 1.1 has an invalid escape sequence in a docstring, which warns when
        # the module is compiled without a cached .pyc.
        for _category in (DeprecationWarning, SyntaxWarning):
            warnings.filterwarnings("ignore", "invalid escape sequence", _category)
        import NewsMLG2
except ImportError:  # pragma: no cover - depends on the environment
    NewsMLG2 = None
