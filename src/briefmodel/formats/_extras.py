"""The libraries some formats need, installed as briefmodel's extras and imported when
the format is first used: without one, an :class:`~briefmodel.OptionError`
(``format.needs-extra``) that says what to install, never an ``ImportError``."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import OptionError

__all__ = ["NEEDS_EXTRA", "extra"]

#: The code of a format used without the extra it needs.
NEEDS_EXTRA = "format.needs-extra"


def extra(module: str, *, needs: str, name: str) -> ModuleType:
    """``module``, which the extra ``name`` installs, imported; without it, an
    :class:`~briefmodel.OptionError` saying ``needs`` (what needs it) and the command
    that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise OptionError(
            "format", f"{needs}: pip install 'briefmodel[{name}]'", NEEDS_EXTRA
        ) from None
