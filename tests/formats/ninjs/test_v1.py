"""ninjs 1.x (formats/ninjs/_v1.py): read as 2.x is, told by its version or shape, its
losses and errors by its own JSON Pointers."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

import briefmodel as bm

from ._support import UTC, _lenient

V1 = {
    "uri": "https://news.example.org/v1/7",
    "type": "text",
    "versioncreated": "2026-03-02T10:00:00Z",
    "firstcreated": "2026-03-02T09:00:00Z",
    "pubstatus": "usable",
    "urgency": 3,
    "language": "en",
    "byline": "Ann Writer",
    "headline": "Harbour crane  toppled by gale",
    "headline_sub": "No one was hurt",
    "body_text": "The crane fell.",
    "body_xhtml": "<p>The crane <b>fell</b> at night.</p><p>Work stops.</p>",
    "subject": [
        {
            "name": "Weather",
            "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
            "code": "17000000",
        }
    ],
    "organisation": [{"name": "Port Authority", "rel": "about"}],
    "associations": {
        "earlier": {"uri": "https://news.example.org/v1/6", "headline": "Gale warning"}
    },
    "copyrightholder": "Example News",
    "located": "Portsmouth",
}


def test_ninjs_1_is_read_like_2() -> None:
    brief, _ = _lenient(json.dumps(V1))
    assert brief.headline == "Harbour crane toppled by gale"
    assert brief.subheadline == "No one was hurt"
    assert brief.created == datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert brief.updated == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert (brief.urgency, brief.language) == (3, "en")
    assert [a.name for a in brief.authors] == ["Ann Writer"]
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "The crane fell at night.",
        "Work stops.",
    ]
    assert brief.subjects[0].uri == "http://cv.iptc.org/newscodes/subjectcode/17000000"
    assert [(e.kind, e.name) for e in brief.entities] == [("organization", "Port Authority")]
    assert brief.related == (bm.Related(url="https://news.example.org/v1/6", title="Gale warning"),)
    assert brief.rights == bm.Rights(holder="Example News")


def test_ninjs_1_losses_use_its_pointers() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(V1), "ninjs")
    assert sorted(p.path for p in caught.value.problems) == [
        "/body_text",
        "/located",
        "/organisation/0/rel",
    ]


@pytest.mark.parametrize(
    "extra",
    [
        {"$standard": {"name": "ninjs", "version": "1.4"}},
        {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json"},
        {},
    ],
)
def test_ninjs_1_is_told_by_its_version_or_shape(extra: dict[str, Any]) -> None:
    doc = {"uri": "urn:x:1", "versioncreated": "2026-01-01T00:00:00Z", **extra}
    doc["headline_main"] = "Ferries return"
    doc["body_main"] = "Crossings resume.\n\nAt noon."
    brief = bm.loads(json.dumps(doc), "ninjs")
    assert brief.headline == "Ferries return"
    assert len(brief.sections[0].blocks) == 2


def test_ninjs_1_wrong_types_name_their_pointer() -> None:
    doc = {"uri": "urn:x", "versioncreated": "2026-01-01T00:00:00Z", "headline": "H"}
    doc["body_html"] = 5
    with pytest.raises(bm.ValidationError) as caught:
        bm.loads(json.dumps(doc), "ninjs", strict=False)
    assert "/body_html" in [p.path for p in caught.value.problems]
