"""The names NewsML-G2 items are written with: namespaces, the IPTC catalog and standard
version, and the concept natures and roles (QCodes) that entity kinds, aliases, summaries
and key points map to."""

from __future__ import annotations

from .._safe_xml import BM
from .._sniff import NAR as NAR  # the NewsML-G2 namespace (its sniffer looks for it)
from .._xhtml import XHTML

IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
STANDARD_VERSION = "2.35"

_N = "{" + NAR + "}"
_H = "{" + XHTML + "}"
_B = "{" + BM + "}"

#: Entity kinds and the IPTC concept natures (cpnat) they are written as.
ENTITY_NATURES = {
    "person": "cpnat:person",
    "organization": "cpnat:organisation",
    "place": "cpnat:geoArea",
    "event": "cpnat:event",
    "other": "cpnat:object",
}
_KIND_OF_NATURE = {nature: kind for kind, nature in ENTITY_NATURES.items()}
_KIND_OF_NATURE["cpnat:poi"] = "place"
ALIAS_ROLE = "nrol:alternate"
SUMMARY_ROLE = "drol:summary"
KEY_POINT_ROLE = "bmdesc:key-point"
