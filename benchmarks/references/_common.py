"""What the plain-lxml NewsML-G2 floors share (the namespaces in Clark notation, the
entity kinds as NewsML-G2 natures), and :func:`_thawed`, which the Jinja2 template's
helpers use too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefmodel.formats import newsml

_N = "{" + newsml.NAR + "}"
_H = "{" + newsml.XHTML + "}"
_B = "{" + newsml.BM + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_ITEM_NSMAP: Any = {None: newsml.NAR, "bm": newsml.BM}
_BODY_NSMAP: Any = {None: newsml.XHTML, "bm": newsml.BM}
_NATURES = {
    "person": "cpnat:person",
    "organization": "cpnat:organisation",
    "place": "cpnat:geoArea",
    "event": "cpnat:event",
    "other": "cpnat:object",
}
_KINDS_OF_NATURE = {nature: kind for kind, nature in _NATURES.items()}


def _thawed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value
