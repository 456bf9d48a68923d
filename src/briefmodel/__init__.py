"""briefmodel: one typed model for briefing documents, its formats and its validation.

>>> import briefmodel as bm
>>> from datetime import datetime, timezone
>>> brief = bm.Brief(
...     id="urn:example:brief:harbour-talks",
...     headline="Harbour Talks Settle Pilot Fees",
...     created=datetime(2026, 3, 2, 9, tzinfo=timezone.utc),
...     sections=[bm.Section(title="Key Points", role="key-points", blocks=[
...         bm.ItemList(items=["Fees fall by a tenth for vessels under 200 m"])])],
... )
>>> bm.loads(bm.dumps(brief)) == brief
True
>>> bm.validate(bm.dumps(brief)).ok
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__ as __version__

if TYPE_CHECKING:  # type checkers and the docs see the names; at run time see __getattr__
    from . import (
        formats,  # (a callable module: ``bm.formats()`` lists the names)
        rules,
    )
    from ._api import dump, dump_all, dumpb, dumps, from_dict, load, load_all, loads, to_dict
    from ._changes import diff, patch
    from ._chunks import Chunk, chunks
    from ._feed import feed
    from ._schema import json_schema
    from .errors import (
        BriefmodelError,
        BriefmodelWarning,
        ModelError,
        OptionError,
        ParseError,
        PatchError,
        Problem,
        ProfileError,
        Report,
        ValidationError,
        WriteError,
        pointer,
    )
    from .migrations import migrate
    from .model import (
        Agent,
        Brief,
        Citation,
        Code,
        Correction,
        Emphasis,
        Entity,
        Figure,
        ItemList,
        Judgment,
        LineBreak,
        Link,
        ListItem,
        Mention,
        Paragraph,
        Quote,
        Related,
        Rights,
        Section,
        Source,
        Strong,
        Subject,
        Table,
        TableCell,
        TableRow,
        plain_text,
    )
    from .profiles import Profile, load_profile
    from .validation import validate

#: Where each public name is defined. ``import briefmodel`` imports none of them: each is
#: imported when first used, so that a program (a command line's ``--version``) pays
#: only for what it uses.
_DEFINED_IN: dict[str, str] = {
    **dict.fromkeys(
        ("dump", "dump_all", "dumpb", "dumps", "from_dict", "load", "load_all", "loads", "to_dict"),
        "_api",
    ),
    **dict.fromkeys(("diff", "patch"), "_changes"),
    **dict.fromkeys(("Chunk", "chunks"), "_chunks"),
    "feed": "_feed",
    "json_schema": "_schema",
    "migrate": "migrations",
    "validate": "validation",
    **dict.fromkeys(("Profile", "load_profile"), "profiles"),
    **dict.fromkeys(
        (
            "BriefmodelError",
            "BriefmodelWarning",
            "ModelError",
            "OptionError",
            "ParseError",
            "PatchError",
            "Problem",
            "ProfileError",
            "Report",
            "ValidationError",
            "WriteError",
            "pointer",
        ),
        "errors",
    ),
}
#: The public modules, imported as the package's attributes when first used.
_MODULES = ("formats", "rules")


def __getattr__(name: str) -> Any:
    """A public name of the package, imported from where it is defined when first used."""
    if name in _MODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    elif name in _DEFINED_IN:
        value = getattr(importlib.import_module(f"{__name__}.{_DEFINED_IN[name]}"), name)
    elif name in __all__:  # the model's names
        value = getattr(importlib.import_module(f"{__name__}.model"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Agent",
    "Brief",
    "BriefmodelError",
    "BriefmodelWarning",
    "Chunk",
    "Citation",
    "Code",
    "Correction",
    "Emphasis",
    "Entity",
    "Figure",
    "ItemList",
    "Judgment",
    "LineBreak",
    "Link",
    "ListItem",
    "Mention",
    "ModelError",
    "OptionError",
    "Paragraph",
    "ParseError",
    "PatchError",
    "Problem",
    "Profile",
    "ProfileError",
    "Quote",
    "Related",
    "Report",
    "Rights",
    "Section",
    "Source",
    "Strong",
    "Subject",
    "Table",
    "TableCell",
    "TableRow",
    "ValidationError",
    "WriteError",
    "__version__",
    "chunks",
    "diff",
    "dump",
    "dump_all",
    "dumpb",
    "dumps",
    "feed",
    "formats",
    "from_dict",
    "json_schema",
    "load",
    "load_all",
    "load_profile",
    "loads",
    "migrate",
    "patch",
    "plain_text",
    "pointer",
    "rules",
    "to_dict",
    "validate",
]
