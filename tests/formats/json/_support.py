"""What the canonical JSON tests share: the example brief of MODEL.md, as text."""

from __future__ import annotations

#: The example of MODEL.md, verbatim.
# ruff: noqa: E501
MODEL_EXAMPLE = """
{
  "schema": "briefmodel/2",
  "id": "urn:example:brief:harbour-talks",
  "headline": "Harbour Talks Settle Pilot Fees",
  "language": "en",
  "created": "2026-03-02T09:00:00+01:00",
  "sections": [
    {"title": "Key Points", "role": "key-points", "blocks": [
      {"type": "item-list", "ordered": false, "items": [
        "Fees fall by a tenth for vessels under 200 m",
        ["Talks were chaired by ", {"type": "mention", "ref": "p1", "content": ["the port director"]}]
      ]}
    ]},
    {"title": "Assessment", "role": "analysis", "blocks": [
      {"type": "paragraph", "content": ["Smaller operators gain most", {"type": "citation", "ref": "s1"}, "."]},
      {"type": "judgment", "statement": "Larger carriers will ask for the same terms.",
       "confidence": "moderate", "likelihood": "likely", "basis": ["s1"]}
    ]}
  ],
  "entities": [{"id": "p1", "kind": "person", "name": "Port Director"}],
  "sources": [{"id": "s1", "title": "Port authority notice", "url": "https://example.org/notice",
               "reliability": "B", "credibility": 2}]
}
"""
