"""``briefmodel schema``: the JSON Schema and the NewsML-G2 profile, to stdout, a file or
a directory."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import make_brief


def test_schema_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == bm.json_schema()
    assert out == json.dumps(bm.json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_schema_to_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", "brief.schema.json"]) == 0
    assert capsys.readouterr() == ("", "")
    assert json.loads(Path("brief.schema.json").read_text()) == bm.json_schema()


def test_schema_newsml(capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    from briefmodel.formats import newsml

    assert main(["schema", "newsml"]) == 0
    out = capsys.readouterr().out
    packaged = Path(newsml.__file__).parent.parent.parent / "schemas" / "newsml-profile.xsd"
    assert out == packaged.read_text("utf-8")
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    names = sorted(os.listdir("xsd"))
    assert names == [
        "newsml-profile-bm.xsd",
        "newsml-profile-xhtml.xsd",
        "newsml-profile-xml.xsd",
        "newsml-profile.xsd",
    ]
    schema = etree.XMLSchema(etree.parse("xsd/newsml-profile.xsd"))
    assert schema.validate(etree.fromstring(bm.dumps(make_brief(), "newsml").encode()))
    assert main(["schema", "newsml", "-o", "elsewhere.xsd"]) == 0
    assert Path("elsewhere.xsd").read_text() == out
    assert Path("newsml-profile-bm.xsd").is_file()  # the imports beside it


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_schema_is_not_written_through_a_symlink(capsys: pytest.CaptureFixture[str]) -> None:
    Path("real.json").write_text("keep me")
    Path("link.json").symlink_to("real.json")
    assert main(["schema", "-o", "link.json"]) == 1
    assert capsys.readouterr().err.startswith(
        "briefmodel: error: output.symlink: link.json is a symbolic link"
    )
    assert Path("real.json").read_text() == "keep me"
    Path("xsd").mkdir()
    Path("xsd/newsml-profile.xsd").symlink_to("../real.json")
    assert main(["schema", "newsml", "-o", "xsd/"]) == 1
    assert "output.symlink: xsd/newsml-profile.xsd is a symbolic link" in capsys.readouterr().err
    assert Path("real.json").read_text() == "keep me"
    assert len(os.listdir("xsd")) == 4  # the three others are written
