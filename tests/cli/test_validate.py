"""``briefmodel validate``: the text and JSON reports, stdin, ``--from``, ``--url-scheme``
and ``--xsd``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel.cli import main
from briefmodel.cli import validate as validate_command

from ._support import feed_stdin, make_brief, with_empty_section, with_unknown_source, write


def test_validate_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "ok.json"]) == 0
    out, err = capsys.readouterr()
    assert out == "1 file, 0 invalid, 0 warnings\n"
    assert err == ""


def test_warnings_are_listed_but_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    assert main(["validate", "warn.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("warn.json: /sections/2: warning section.empty: ")
    assert lines[1] == "1 file, 0 invalid, 1 warning"


def test_a_rule_violation_is_reported_by_pointer(capsys: pytest.CaptureFixture[str]) -> None:
    write("bad.json", with_unknown_source())
    assert main(["validate", "bad.json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    pointer = "/sections/0/blocks/0/items/0/1/ref"  # list item 0 is rich text; node 1 cites
    assert lines[0].startswith(f"bad.json: {pointer}: error ref.unknown-source: ")
    assert "'s9'" in lines[0]
    assert lines[-1] == "1 file, 1 invalid, 0 warnings"


def test_a_syntax_error_is_reported_by_line_and_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("broken.json").write_text('{\n  "schema": "briefmodel/2",\n  oops\n}\n')
    assert main(["validate", "broken.json"]) == 1
    out = capsys.readouterr().out
    # "oops" starts at column 3 of line 3: JSON wants a quoted property name there.
    assert out.splitlines()[0].startswith("broken.json:3:3: error parse.syntax: not valid JSON")


def test_a_missing_file_is_an_invalid_input_not_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "ok.json", "missing.json"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("missing.json: /: error parse.unreadable: cannot read missing.json")
    assert lines[1] == "2 files, 1 invalid, 0 warnings"
    assert "Traceback" not in err


def test_many_files_are_summarised(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", make_brief())
    write("b.json", with_empty_section())
    write("c.json", with_unknown_source())
    Path("d.json").write_text("[]")
    assert main(["validate", "a.json", "b.json", "c.json", "d.json"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "4 files, 2 invalid, 1 warning"
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["b.json", "c.json", "d.json"]


def test_quiet_prints_the_problems_only(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    write("warn.json", with_empty_section())
    assert main(["validate", "--quiet", "ok.json"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["validate", "-q", "warn.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warn.json: /sections/2: warning section.empty")


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    write("warn.json", with_empty_section())
    write("bad.json", with_unknown_source())
    Path("broken.json").write_text('{"schema": ')
    assert main(["validate", "--report", "json", "warn.json", "bad.json", "broken.json"]) == 1
    out = capsys.readouterr().out
    report = json.loads(out)
    assert out == json.dumps(report, indent=2) + "\n"  # streamed, laid out as one dump
    assert report["ok"] is False
    assert [(f["path"], f["ok"]) for f in report["files"]] == [
        ("warn.json", True),
        ("bad.json", False),
        ("broken.json", False),
    ]
    warn, bad, broken = (f["problems"] for f in report["files"])
    assert [(p["severity"], p["code"], p["path"]) for p in warn] == [
        ("warning", "section.empty", "/sections/2")
    ]
    assert [(p["code"], p["path"]) for p in bad] == [
        ("ref.unknown-source", "/sections/0/blocks/0/items/0/1/ref")
    ]
    assert [(p["code"], p["line"], p["column"]) for p in broken] == [("parse.syntax", 1, 12)]
    # Each problem is exactly Problem.to_dict() of what the library reports.
    assert bad == [p.to_dict() for p in bm.validate(Path("bad.json")).problems]
    assert report["summary"] == {"files": 3, "invalid": 2, "warnings": 1}


def test_json_report_of_valid_files_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    write("ok.json", make_brief())
    assert main(["validate", "--format=json", "ok.json"]) == 0  # the older spelling
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["files"] == [{"path": "ok.json", "ok": True, "problems": []}]


def test_validate_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(with_unknown_source()).encode())
    assert main(["validate", "-"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("<stdin>: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source")
    feed_stdin(monkeypatch, bm.dumps(make_brief(), indent=2).encode())
    assert main(["validate", "-"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(bm.dumps(make_brief())))  # text only
    assert main(["validate", "-"]) == 0


def test_from_forces_the_input_format(capsys: pytest.CaptureFixture[str]) -> None:
    write("brief.data", make_brief())  # a suffix no format claims, and text that sniffs as JSON
    Path("notes.data").write_text("Ferry crews vote to strike.\n")  # sniffs as nothing
    assert main(["validate", "-q", "brief.data", "notes.data"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("notes.data: /: error format.unknown: ")
    assert main(["validate", "-f", "json", "notes.data"]) == 1
    assert "notes.data:1:1: error parse.syntax" in capsys.readouterr().out
    assert main(["validate", "--from", "json", "brief.data"]) == 0


def test_url_schemes_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    link = bm.Link(href="ftp://example.org/schedule.txt", content=["schedule"])
    write("ftp.json", make_brief(sections=[bm.Section(blocks=[bm.Paragraph(content=[link])])]))
    assert main(["validate", "ftp.json"]) == 1
    assert "error url.scheme-not-allowed" in capsys.readouterr().out
    # The schemes given replace the defaults: with ftp alone, the source's https URL fails.
    assert main(["validate", "--url-scheme", "FTP:", "ftp.json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ftp.json: /sources/0/url: error url.scheme-not-allowed: ")
    assert "'https' is not allowed here (allowed: ftp)" in lines[0]
    assert main(["validate", "--url-scheme", "ftp", "--url-scheme", "https", "ftp.json"]) == 0


def test_an_xsd_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c"):
        Path(f"{name}.xml").write_text(bm.dumps(make_brief(id=f"urn:example:{name}"), "newsml"))
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    seen: list[object] = []

    def recording(*args: object, xsd: object = None, **kwargs: object) -> bm.Report:
        seen.append(xsd)
        return bm.validate(*args, xsd=xsd, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate_command, "validate", recording)
    assert (
        main(["validate", "-q", "--xsd", "xsd/newsml-profile.xsd", "a.xml", "b.xml", "c.xml"]) == 0
    )
    assert len(seen) == 3
    assert all(xsd is seen[0] for xsd in seen)
    assert type(seen[0]).__name__ == "XMLSchema"


def test_an_unusable_xsd_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.xml").write_text(bm.dumps(make_brief(), "newsml"))
    Path("not.xsd").write_text("<oops/>")
    assert main(["validate", "--xsd", "not.xsd", "a.xml"]) == 2
    assert "briefmodel: error: --xsd: cannot use the XSD 'not.xsd'" in capsys.readouterr().err


def test_xsd_for_a_document_that_is_not_xml(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.json", make_brief())
    assert main(["schema", "newsml", "-o", "xsd/"]) == 0
    assert main(["validate", "--xsd", "xsd/newsml-profile.xsd", "a.json"]) == 2
    assert capsys.readouterr().err == (
        "briefmodel: error: --xsd applies to XML documents, not to json\n"
    )


@pytest.mark.parametrize("report", ["text", "json", "github"])
def test_advice_is_given_as_options(report: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The library's problems advise Python callers (format=, strict=False); here the
    advice is the option to use, or none when no option does the same."""
    Path("notes.data").write_text("\x00 not a brief")
    Path("canonical.ninjs").write_text(bm.dumps(make_brief()))
    Path("raw.md").write_text(bm.dumps(make_brief(), "markdown") + "\n<div>raw</div>\n")
    assert main(["validate", "--report", report, "notes.data", "canonical.ninjs", "raw.md"]) == 1
    out = capsys.readouterr().out
    names = ", ".join(bm.formats())
    assert f"cannot tell the format of 'notes.data'; use --from FORMAT (one of {names})" in out
    assert "this is briefmodel's canonical JSON; read it with --from json" in out
    assert "HTML ('<div>raw</div>') has no place in the model" in out
    for python in ("format=", "strict=", "pass ", "pathlib"):
        assert python not in out
    # The library keeps its advice for Python.
    assert "pass format=" in str(bm.validate(Path("notes.data")).problems[0])
    assert "format='json'" in str(bm.validate(Path("canonical.ninjs")).problems[0])


# -- --profile: a house style ---------------------------------------------------------


def test_a_profile_adds_its_problems_to_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    write("brief.json", make_brief())
    Path("house.toml").write_text('[profile]\nname = "house"\n[headline]\nmax_words = 3\n')
    assert main(["validate", "brief.json", "--profile", "house.toml"]) == 1
    out = capsys.readouterr().out
    assert "brief.json: /headline: error house.headline-too-long: the headline has" in out
    assert main(["validate", "brief.json"]) == 0


def test_a_profile_that_cannot_be_used_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    write("brief.json", make_brief())
    Path("house.toml").write_text('[profile]\nname = "house"\n[headlines]\n')
    assert main(["validate", "brief.json", "--profile", "house.toml"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefmodel: error: --profile house.toml: /headlines: there is no table")
    assert "did you mean 'headline'?" in err
    assert main(["validate", "brief.json", "--profile", "missing.toml"]) == 2
    assert "--profile missing.toml: cannot read missing.toml" in capsys.readouterr().err


def test_lenient_validation_reports_each_repair_as_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("bad.json", with_unknown_source())
    assert main(["validate", "--lenient", "bad.json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    pointer = "/sections/0/blocks/0/items/0/1/ref"
    assert lines[0].startswith(f"bad.json: {pointer}: warning repair.reference-dropped: ")
    assert lines[-1] == "1 file, 0 invalid, 1 warning"


def test_lenient_and_xsd_are_refused_together(capsys: pytest.CaptureFixture[str]) -> None:
    Path("ok.xml").write_text(bm.dumps(make_brief(), "newsml"), "utf-8")
    xsd = Path(__file__).parents[2] / "schemas" / "newsml-profile.xsd"
    assert main(["validate", "--lenient", "--xsd", str(xsd), "ok.xml"]) == 2
    assert "lenient" in capsys.readouterr().err


def test_lenient_validation_takes_naive_dates_in_the_zone_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("post.md").write_text("---\ntitle: Quay\ndate: 2026-01-05 09:00\n---\n\nOpen.\n", "utf-8")
    assert main(["validate", "--lenient", "--timezone", "America/Halifax", "post.md"]) == 0
    assert "read as America/Halifax" in capsys.readouterr().out
    assert main(["validate", "--lenient", "--timezone", "Nowhere/Land", "post.md"]) == 2
    assert "--timezone" in capsys.readouterr().err


def test_a_feed_of_several_briefs_is_checked_brief_by_brief(
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = make_brief(id="urn:example:brief:one")
    bad = attrs.evolve(with_unknown_source(), id="urn:example:brief:two")
    Path("news.atom").write_text(bm.feed([good, good, bad], title="Ferries"), "utf-8")
    Path("fine.atom").write_text(bm.feed([good, good], title="Ferries"), "utf-8")
    assert main(["validate", "fine.atom"]) == 0
    assert main(["validate", "news.atom"]) == 1
    out = capsys.readouterr().out
    assert (
        "news.atom: /sections/0/blocks/0/items/0/1/ref: error ref.unknown-source: brief 2: " in out
    )
    assert "feed.several" not in out
