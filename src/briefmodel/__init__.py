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

from typing import TYPE_CHECKING

from . import rules
from ._api import dump, dumps, from_dict, load, load_all, loads, to_dict
from ._changes import diff, patch
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

if TYPE_CHECKING:  # type checkers see the function; at run time it is the callable module
    from .formats import formats
else:  # ``bm.formats()`` lists the names, ``import briefmodel.formats.json`` works
    from . import formats

from ._version import __version__ as __version__

__all__ = [
    "Agent",
    "Brief",
    "BriefmodelError",
    "BriefmodelWarning",
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
    "diff",
    "dump",
    "dumps",
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
