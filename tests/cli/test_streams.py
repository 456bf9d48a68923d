"""Standard streams: standard input read once however often ``-`` is named, and standard
output without a byte buffer."""

from __future__ import annotations

import io
import sys

import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import feed_stdin, make_brief, write


def test_stdin_named_twice_is_read_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(make_brief()).encode())
    assert main(["validate", "-", "-"]) == 0
    assert capsys.readouterr().out == "2 files, 0 invalid, 0 warnings\n"


def test_stdout_without_a_byte_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    write("in.json", make_brief())
    assert main(["convert", "in.json"]) == 0
    assert out.getvalue() == bm.dumps(make_brief()) + "\n"
