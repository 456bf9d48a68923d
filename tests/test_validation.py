"""validate(): inputs of every kind, layers in order, every problem collected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm

from .formats.json._support import MODEL_EXAMPLE


def example() -> dict[str, Any]:
    return json.loads(MODEL_EXAMPLE)  # type: ignore[no-any-return]


def test_every_kind_of_input(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_text(MODEL_EXAMPLE, "utf-8")
    brief = bm.loads(MODEL_EXAMPLE)
    for data in (MODEL_EXAMPLE, MODEL_EXAMPLE.encode(), path, example(), brief):
        report = bm.validate(data)
        assert report.ok, data
        assert report.problems == ()
        assert report.brief == brief


def test_a_file_without_a_known_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(MODEL_EXAMPLE, "utf-8")
    assert bm.validate(path).ok
    assert bm.validate(path, format="json").ok


def test_a_path_given_as_str_is_text_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "brief.json"
    path.write_text(MODEL_EXAMPLE, "utf-8")
    report = bm.validate(str(path))
    assert [p.code for p in report.problems] == ["format.unknown"]
    assert f"pass pathlib.Path({str(path)!r})" in report.problems[0].message
    assert "pathlib" not in bm.validate("no such file").problems[0].message


def test_unreadable_file(tmp_path: Path) -> None:
    report = bm.validate(tmp_path / "missing.json")
    assert [p.code for p in report.problems] == ["parse.unreadable"]


def test_parse_errors_stop_at_the_parse_layer() -> None:
    report = bm.validate('{"schema": "briefmodel/2", "id": 1,')
    assert not report.ok
    assert report.brief is None
    assert [p.code for p in report.problems] == ["parse.syntax"]
    assert report.problems[0].line == 1


def test_schema_problems_are_all_collected_in_document_order() -> None:
    data = example()
    del data["headline"]
    data["version"] = 0
    data["sections"][0]["blocks"][0]["items"][1][1]["type"] = "shout"
    data["sections"][1]["blocks"][1]["confidence"] = "total"
    data["entities"][0]["kind"] = "robot"
    data["language"] = "english please"
    report = bm.validate(data)
    assert [(p.code, p.path) for p in report.errors] == [
        ("schema.required", "/headline"),
        ("language.malformed", "/language"),
        ("node.unknown-type", "/sections/0/blocks/0/items/1/1/type"),
        ("schema.enum", "/sections/1/blocks/1/confidence"),
        ("schema.minimum", "/version"),
        ("schema.enum", "/entities/0/kind"),
    ] or sorted(p.path for p in report.errors) == sorted(
        [
            "/headline",
            "/language",
            "/sections/0/blocks/0/items/1/1/type",
            "/sections/1/blocks/1/confidence",
            "/version",
            "/entities/0/kind",
        ]
    )
    assert report.brief is None


def test_schema_messages_are_for_people() -> None:
    data = example()
    data["headline"] = None
    data["sections"][0]["blocks"][0]["ordered"] = "no"
    data["surprise"] = 1
    data["schema"] = "briefmodel/0"
    data["sections"][1]["blocks"][0]["content"] = 7
    data["created"] = "yesterday"
    messages = {p.path: (p.code, p.message) for p in bm.validate(data).problems}
    assert messages["/headline"] == (
        "schema.type",
        "null is not allowed here; leave the field out",
    )
    assert messages["/sections/0/blocks/0/ordered"] == (
        "schema.type",
        "expected a boolean, got a string",
    )
    assert messages["/surprise"] == ("schema.additional-properties", "unknown field 'surprise'")
    assert messages["/schema"][0] == "schema.version"
    assert messages["/sections/1/blocks/0/content"][0] == "schema.type"
    assert "rich text" in messages["/sections/1/blocks/0/content"][1]
    assert messages["/created"][0] == "datetime.invalid"
    assert "RFC 3339" in messages["/created"][1]


def test_a_subject_of_the_wrong_type_is_a_type_error() -> None:
    data = example()
    data["subjects"] = [42, {"name": "Ports"}]
    assert [(p.code, p.path) for p in bm.validate(data).problems] == [
        ("schema.type", "/subjects/0"),
        ("subject.unidentified", "/subjects/1"),
    ]
    assert bm.validate(data).problems[1].message == (
        "the subject has neither a code nor a uri: give it one or both"
    )


def test_a_trailing_newline_breaks_a_pattern() -> None:
    data = example()
    data["headline"] = "Harbour talks end\n"
    data["language"] = "en\n"
    assert sorted(p.code for p in bm.validate(data).problems) == [
        "language.malformed",
        "text.not-one-line",
    ]


def test_a_missing_schema_marker() -> None:
    data = example()
    del data["schema"]
    assert [(p.code, p.path) for p in bm.validate(data).problems] == [("schema.version", "/schema")]


def test_structuring_adds_what_the_schema_cannot_say() -> None:
    data = example()
    data["headline"] = 5
    data["created"] = "2026-02-30T09:00:00+01:00"
    data["updated"] = "2026-03-02T09:00:00"
    assert [(p.code, p.path) for p in bm.validate(data).problems] == [
        ("schema.type", "/headline"),
        ("datetime.naive", "/updated"),
        ("datetime.invalid", "/created"),
    ]


def test_problems_past_the_schema_come_from_structuring() -> None:
    data = example()
    data["created"] = "2026-02-30T09:00:00+01:00"  # well-formed, but no such day
    report = bm.validate(data)
    assert [(p.code, p.path) for p in report.problems] == [("datetime.invalid", "/created")]
    assert "day is out of range" in report.problems[0].message


def test_semantic_problems_come_with_the_brief() -> None:
    data = example()
    data["sections"][1]["blocks"][1]["basis"] = ["s1", "s2"]
    data["updated"] = "2026-03-01T00:00:00Z"
    data["sections"].append({"blocks": []})
    report = bm.validate(data)
    assert report.brief is not None
    assert [(p.severity, p.code, p.path) for p in report.problems] == [
        ("error", "datetime.order", "/updated"),
        ("error", "ref.unknown-source", "/sections/1/blocks/1/basis/1"),
        ("warning", "section.empty", "/sections/2"),
    ]
    assert [p.code for p in report.errors] == ["datetime.order", "ref.unknown-source"]
    assert [p.code for p in report.warnings] == ["section.empty"]
    with pytest.raises(bm.ValidationError) as caught:
        report.raise_for_errors()
    assert caught.value.problems == report.problems


def test_warnings_alone_leave_a_report_ok() -> None:
    data = example()
    data["sections"].append({"title": "Empty"})
    report = bm.validate(data)
    assert report.ok
    report.raise_for_errors()
    assert len(report) == 1
    assert [p.code for p in report] == ["section.empty"]
    assert bm.loads(json.dumps(data)).sections[-1].title == "Empty"


def test_url_schemes_are_configurable() -> None:
    data = example()
    data["sources"][0]["url"] = "ftp://example.org/notice.txt"
    assert [p.code for p in bm.validate(data).problems] == ["url.scheme-not-allowed"]
    assert bm.validate(data, url_schemes={"http", "https", "ftp"}).ok
    data["sources"][0]["url"] = "JavaScript:alert(1)"
    report = bm.validate(data, url_schemes={"javascript"})
    assert [p.code for p in report.problems] == ["url.scheme-not-allowed"]
    assert "(allowed: none)" in report.problems[0].message


def test_problem_text_and_data() -> None:
    problem = bm.Problem(severity="error", code="parse.syntax", message="bad", line=3, column=4)
    assert str(problem) == "line 3, column 4: error parse.syntax: bad"
    assert problem.to_dict() == {
        "severity": "error",
        "code": "parse.syntax",
        "message": "bad",
        "path": "",
        "line": 3,
        "column": 4,
    }
    pointed = bm.Problem(severity="warning", code="list.empty", message="m", path="/a/0")
    assert str(pointed) == "/a/0: warning list.empty: m"
    both = bm.Problem(severity="error", code="c", message="m", path="/a", line=2)
    assert str(both) == "line 2 (/a): error c: m"


def test_validation_error_lists_at_most_ten_problems() -> None:
    problems = [
        bm.Problem(severity="error", code="c", message=f"m{i}", path=f"/{i}") for i in range(12)
    ]
    text = str(bm.ValidationError(problems))
    assert text.startswith("invalid brief (12 errors):")
    assert "m9" in text
    assert "m10" not in text
    assert "and 2 more" in text


def test_every_reported_code_is_documented() -> None:
    data = example()
    data["x"] = float("nan")
    for report in (bm.validate(data), bm.validate("{"), bm.validate(b"\xff")):
        for problem in report.problems:
            assert problem.code in bm.rules.CODES


def test_text_validated_as_another_format_says_what_it_is() -> None:
    ninjs = bm.dumps(bm.loads(MODEL_EXAMPLE), "ninjs")
    report = bm.validate(ninjs, "json")
    assert report.problems[0].code == "format.mismatch"
    assert report.problems[0].message == (
        "the text looks like ninjs, not json: pass format='ninjs'"
    )
    assert bm.validate(ninjs).ok
    report = bm.validate(MODEL_EXAMPLE, "newsml")
    assert [p.code for p in report.problems][:2] == ["format.mismatch", "parse.syntax"]


@pytest.mark.parametrize("fmt", ["html", "ninjs", "text", "json"])
def test_an_xsd_for_a_document_that_is_not_xml_is_an_option_error(fmt: str) -> None:
    # The html, ninjs and text readers raised a plain TypeError, which the command line
    # did not catch once it caught OptionError.
    text = bm.dumps(bm.loads(MODEL_EXAMPLE), fmt)
    with pytest.raises(bm.OptionError, match=f"^xsd: applies to XML documents, not to {fmt}$"):
        bm.validate(text, fmt, xsd="profile.xsd")
