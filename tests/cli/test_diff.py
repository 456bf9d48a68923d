"""``briefmodel diff``: the changes between two versions as lines, as a JSON Patch that
``bm.patch`` applies, or as a redline page; versions in any format; bad input reported."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import feed_stdin, make_brief, write

OLD = make_brief()
NEW = attrs.evolve(
    OLD,
    headline="Ferry crews in Tromsø vote to strike on Monday",
    sections=[*OLD.sections, bm.Section(title="Next", blocks=[bm.Paragraph(content="Talks.")])],
)


def test_the_text_report_is_a_line_a_change_then_the_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("old.json", OLD), write("new.json", NEW)
    assert main(["diff", "old.json", "new.json"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f'replace /headline: "{OLD.headline}" → "{NEW.headline}"',
        f'add /sections/{len(OLD.sections)}: section "Next"',
        "2 changes",
    ]
    assert err == ""


@pytest.mark.parametrize("option", ["--report", "--format"])
def test_the_json_report_is_the_patch_that_makes_the_new_version(
    capsys: pytest.CaptureFixture[str], option: str
) -> None:
    write("old.json", OLD), write("new.json", NEW)
    assert main(["diff", "old.json", "new.json", option, "json"]) == 0
    operations = json.loads(capsys.readouterr().out)
    assert operations == bm.diff(OLD, NEW)
    assert bm.patch(OLD, operations) == NEW


def test_the_html_report_is_a_redline_page_written_where_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("old.json", OLD), write("new.json", NEW)
    assert main(["diff", "old.json", "new.json", "--report", "html", "-o", "changes.html"]) == 0
    assert capsys.readouterr() == ("", "")
    page = Path("changes.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<ins> on Monday</ins></h1>" in page
    assert '<ins class="block"><section' in page


def test_versions_in_two_formats_of_one_brief_have_no_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("old.json", OLD)
    Path("same.xml").write_text(bm.dumps(OLD, "newsml"), "utf-8")
    assert main(["diff", "old.json", "same.xml"]) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_a_version_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("new.json", NEW)
    feed_stdin(monkeypatch, bm.dumps(OLD).encode())
    assert main(["diff", "-", "new.json", "--report", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == bm.diff(OLD, NEW)


def test_an_invalid_version_is_reported_and_nothing_is_compared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("old.json", OLD)
    Path("broken.json").write_text('{"schema": "briefmodel/2"', "utf-8")
    assert main(["diff", "old.json", "broken.json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("broken.json:1:")
    assert "parse.syntax" in err
    assert main(["diff", "missing.json", "old.json"]) == 1
    assert "missing.json: /: error parse.unreadable" in capsys.readouterr().err


def test_a_change_that_would_drive_the_terminal_is_shown_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("old.json", OLD)
    write("new.json", attrs.evolve(OLD, headline="Strike \u202eetov"))  # a bidi override
    assert main(["diff", "old.json", "new.json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out
    assert "Strike \\u202eetov" in out
