"""``briefmodel formats``: every registered format, as a table and as JSON."""

from __future__ import annotations

import json

import pytest

import briefmodel as bm
from briefmodel.cli import main


def test_formats_lists_every_registered_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import attrs

    from briefmodel.formats import _registry, by_name

    plain = attrs.evolve(by_name("json"), name="plain", suffixes=(".plain",), description="P")
    monkeypatch.setitem(_registry(), "plain", plain)
    assert main(["formats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "FORMAT",
        "READ",
        "WRITE",
        "SUFFIXES",
        "MEDIA",
        "TYPE",
        "DESCRIPTION",
    ]
    assert [line.split()[0] for line in lines[1:]] == list(bm.formats())
    assert lines[-1].split() == ["plain", "yes", "yes", ".plain", "application/json", "P"]
    assert main(["formats", "--report", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["name"] for f in listed] == list(bm.formats())
    assert listed[0] == {
        "name": "json",
        "read": True,
        "write": True,
        "suffixes": [".json"],
        "media_type": "application/json",
        "description": by_name("json").description,
    }
