"""House-style profiles (``briefmodel.profiles``): the profile of docs/profiles.md run over
the examples, each check a table makes, the errors of a profile that cannot be used, rules
of another package found through the ``briefmodel.rules`` entry points, and the warning
for a role that is a typo of a recommended one."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

import briefmodel as bm
from briefmodel.profiles import ENTRY_POINT_GROUP

ROOT = Path(__file__).resolve().parent.parent
DOCS_PAGE = ROOT / "docs" / "profiles.md"
EXAMPLES = {path.stem: bm.load(path) for path in sorted((ROOT / "examples").glob("*.json"))}
PORT = EXAMPLES["port-fees"]


def _docs_profile() -> str:
    """The profile docs/profiles.md walks through: its first TOML block."""
    blocks = re.findall(r"```toml\n(.*?)```", DOCS_PAGE.read_text("utf-8"), re.S)
    return str(blocks[0])


def _found(brief: bm.Brief, profile: Any) -> list[tuple[str, str, str]]:
    return [(p.severity, p.code, p.path) for p in bm.validate(brief, profile=profile).problems]


def _profile(**tables: Any) -> bm.Profile:
    return bm.Profile.from_dict({"profile": {"name": "desk"}, **tables})


def test_the_profile_of_the_docs_over_the_examples() -> None:
    desk = bm.Profile.from_toml(_docs_profile())
    assert desk.name == "desk"
    assert desk.description == "Northhaven regional desk, briefs for the morning newsletter"
    found = {name: _found(brief, desk) for name, brief in EXAMPLES.items()}
    # What the docs page says it finds.
    assert ("error", "desk.headline-too-long", "/headline") in found["port-fees"]
    assert ("error", "desk.source-ungraded", "/sources/0/reliability") in found["port-fees"]
    assert ("error", "desk.required-role", "/sections") in found["grid-outlook-judgments"]
    # And every problem carries the profile's code and a pointer into the brief.
    for problems in found.values():
        for _, code, path in problems:
            assert code.startswith("desk.")
            assert path.startswith("/")
    page = DOCS_PAGE.read_text("utf-8")
    for line in re.findall(r"^examples/\S+ .*$", page, re.M):
        name, path, rest = line.split(": ", 2)
        severity, code = rest.split(" ", 2)[:2]
        code = code.rstrip(":")
        assert (severity, code, path) in found[Path(name).stem], line


def test_the_same_profile_from_a_file_a_path_and_a_dict(tmp_path: Path) -> None:
    file = tmp_path / "house.toml"
    file.write_text(_docs_profile(), "utf-8")
    by_text = _found(PORT, bm.Profile.from_toml(_docs_profile()))
    assert _found(PORT, bm.load_profile(file)) == by_text
    assert _found(PORT, str(file)) == by_text
    assert _found(PORT, file) == by_text


def test_required_fields_and_roles() -> None:
    profile = _profile(required={"fields": ["subheadline", "subjects"], "roles": ["outlook"]})
    bare = attrs.evolve(PORT, subheadline=None, subjects=[])
    assert _found(bare, profile) == [
        ("error", "desk.required-field", "/subheadline"),
        ("error", "desk.required-field", "/subjects"),
        ("error", "desk.required-role", "/sections"),
    ]
    nested = bm.Section(title="Next", role="outlook", blocks=[bm.Paragraph(content="Soon.")])
    deep = attrs.evolve(
        PORT, sections=[*PORT.sections[:-1], attrs.evolve(PORT.sections[-1], sections=[nested])]
    )
    assert ("error", "desk.required-role", "/sections") not in _found(deep, profile)


def test_headline_length_in_characters_and_words() -> None:
    words = len(PORT.headline.split())
    assert _found(PORT, _profile(headline={"max_words": words})) == []
    assert _found(PORT, _profile(headline={"max_words": words - 1})) == [
        ("error", "desk.headline-too-long", "/headline")
    ]
    report = bm.validate(PORT, profile=_profile(headline={"max_characters": 20}))
    (problem,) = report.problems
    assert problem.message == (
        f"the headline has {len(PORT.headline)} characters; the house style allows 20"
    )


def test_key_points_counted_between_min_and_max() -> None:
    count = len(PORT.key_points)
    assert _found(PORT, _profile(key_points={"min": count, "max": count})) == []
    assert _found(PORT, _profile(key_points={"max": count - 1})) == [
        ("error", "desk.key-points-count", "/sections")
    ]
    assert _found(PORT, _profile(key_points={"min": count + 1, "severity": "warning"})) == [
        ("warning", "desk.key-points-count", "/sections")
    ]
    assert bm.validate(PORT, profile=_profile(key_points={"min": 9, "severity": "warning"})).ok


def test_allowed_roles_suggest_the_nearest() -> None:
    roles = [s.role for s in PORT.sections if s.role]
    assert _found(PORT, _profile(sections={"roles": roles})) == []
    profile = _profile(sections={"roles": ["key-points", "context"]})
    problems = bm.validate(PORT, profile=profile).problems
    assert {p.code for p in problems} == {"desk.role-not-allowed"}
    assert problems[0].path == "/sections/2/role"
    typo = attrs.evolve(PORT.sections[1], role="contexts")
    messages = [
        p.message
        for p in bm.validate(attrs.evolve(PORT, sections=[typo]), profile=profile).problems
    ]
    assert messages == [
        "'contexts' is not a known section role; did you mean 'context'?",  # a typo, always
        "'contexts' is not a role the house style allows; did you mean 'context'?",
    ]


def test_subjects_from_the_allowed_schemes_only() -> None:
    brief = attrs.evolve(
        PORT,
        subjects=[
            bm.Subject(code="medtop:20000349", name="transport"),
            bm.Subject(code="subj:04000000"),
            bm.Subject(uri="https://example.org/topics/ports", name="ports"),
        ],
    )
    assert _found(brief, _profile(subjects={"schemes": ["medtop"]})) == [
        ("error", "desk.subject-scheme", "/subjects/1/code"),
        ("error", "desk.subject-scheme", "/subjects/2/code"),
    ]


def test_graded_sources() -> None:
    graded = [attrs.evolve(s, reliability="B", credibility=2) for s in PORT.sources]
    profile = _profile(sources={"graded": True})
    assert _found(attrs.evolve(PORT, sources=graded), profile) == []
    half = [attrs.evolve(graded[0], credibility=None), *graded[1:]]
    assert _found(attrs.evolve(PORT, sources=half), profile) == [
        ("error", "desk.source-ungraded", "/sources/0/credibility")
    ]


def test_words_to_avoid_are_found_whole_in_any_case_in_every_text() -> None:
    profile = _profile(words={"avoid": {"slash": "cut", "war of words": "dispute"}})
    brief = attrs.evolve(
        PORT,
        headline="Port SLASH fees",
        sections=[
            bm.Section(
                title="A war of  words",  # not this one: the phrase has one space
                blocks=[
                    bm.Paragraph(
                        content=["No slashes here, but a ", bm.Emphasis(content="war of words")]
                    )
                ],
            )
        ],
    )
    problems = bm.validate(brief, profile=profile).problems
    assert [(p.path, p.message) for p in problems] == [
        ("/headline", "the house style avoids 'SLASH': use 'cut'"),
        (
            "/sections/0/blocks/0/content/1/content",
            "the house style avoids 'war of words': use 'dispute'",
        ),
    ]
    listed = _profile(words={"avoid": ["slash"], "severity": "warning"})
    assert [p.message for p in bm.validate(brief, profile=listed).problems] == [
        "the house style avoids 'SLASH'"
    ]


@pytest.mark.parametrize(
    ("data", "path", "said"),
    [
        ({"profile": {"name": "desk"}, "headlin": {}}, "/headlin", "did you mean 'headline'?"),
        (
            {"profile": {"name": "desk"}, "headline": {"max_word": 3}},
            "/headline/max_word",
            "'max_words'",
        ),
        ({"profile": {"name": "Desk"}}, "/profile/name", "lower-case"),
        ({}, "/profile/name", "lower-case"),
        (
            {"profile": {"name": "d"}, "headline": {"max_words": "ten"}},
            "/headline/max_words",
            "whole number",
        ),
        (
            {"profile": {"name": "d"}, "headline": {"max_words": True}},
            "/headline/max_words",
            "whole number",
        ),
        (
            {"profile": {"name": "d"}, "key_points": {"min": 5, "max": 3}},
            "/key_points",
            "more than max",
        ),
        (
            {"profile": {"name": "d"}, "required": {"fields": ["subhead"]}},
            "/required/fields/0",
            "'subheadline'",
        ),
        (
            {"profile": {"name": "d"}, "sections": {"roles": "analysis"}},
            "/sections/roles",
            "list of strings",
        ),
        (
            {"profile": {"name": "d"}, "sources": {"graded": "yes"}},
            "/sources/graded",
            "true or false",
        ),
        ({"profile": {"name": "d"}, "words": {"avoid": [1]}}, "/words/avoid", "a list of words"),
        (
            {"profile": {"name": "d"}, "words": {"severity": "fatal"}},
            "/words/severity",
            '"warning"',
        ),
        ({"profile": {"name": "d"}, "headline": []}, "/headline", "is a table"),
        (
            {"profile": {"name": "d"}, "rules": {"use": ["acme.nothing"]}},
            "/rules/use/0",
            ENTRY_POINT_GROUP,
        ),
    ],
)
def test_a_profile_that_cannot_be_used_says_where_and_why(
    data: dict[str, Any], path: str, said: str
) -> None:
    with pytest.raises(bm.ProfileError) as raised:
        bm.Profile.from_dict(data)
    (problem,) = raised.value.problems
    assert (problem.code, problem.path) == ("profile.invalid", path)
    assert said in problem.message


def test_every_problem_of_a_profile_at_once() -> None:
    with pytest.raises(bm.ProfileError) as raised:
        bm.Profile.from_dict({"profile": {"name": "D"}, "headline": {"max_words": -1}, "x": 1})
    assert [p.path for p in raised.value.problems] == ["/x", "/profile/name", "/headline/max_words"]


def test_toml_that_does_not_parse_gives_its_line(tmp_path: Path) -> None:
    file = tmp_path / "house.toml"
    file.write_text('[profile]\nname = "desk"\n[headline\n', "utf-8")
    with pytest.raises(bm.ProfileError) as raised:
        bm.load_profile(file)
    (problem,) = raised.value.problems
    assert (problem.code, problem.line) == ("profile.syntax", 3)
    assert str(raised.value).startswith(f"{file} cannot be used:")
    with pytest.raises(bm.ProfileError, match="cannot read"):
        bm.load_profile(tmp_path / "missing.toml")
    (tmp_path / "latin.toml").write_bytes(b'[profile]\nname = "d\xe9sk"\n')
    with pytest.raises(bm.ProfileError, match="not UTF-8"):
        bm.load_profile(tmp_path / "latin.toml")


def test_a_profile_of_the_wrong_kind_is_a_mistake_in_the_call() -> None:
    with pytest.raises(bm.OptionError, match="profile"):
        bm.validate(PORT, profile=42)  # type: ignore[arg-type]


# -- rules of other packages ---------------------------------------------------------

ACME = """
import briefmodel as bm
from briefmodel.rules import Rule


def quotes_are_attributed(node, ctx):
    if node.attribution is None and node.source_ref is None:
        return [(("attribution",), "a quote says who said it")]
    return []


ANONYMOUS_QUOTE = Rule("acme.anonymous-quote", "error", "A quote has no attribution.",
                       (bm.Quote,), quotes_are_attributed)
NOT_A_RULE = 42
"""


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package installed on the path that registers rules under the entry points."""
    (tmp_path / "acme_rules.py").write_text(ACME, "utf-8")
    info = tmp_path / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [{ENTRY_POINT_GROUP}]
            acme.anonymous-quote = acme_rules:ANONYMOUS_QUOTE
            acme.not-a-rule = acme_rules:NOT_A_RULE
            acme.broken = acme_rules_missing:RULE
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_rule_another_package_registers_runs_like_the_built_in_ones(acme: None) -> None:
    profile = _profile(rules={"use": ["acme.anonymous-quote"]})
    quote = bm.Quote(content="We will see.")
    brief = attrs.evolve(PORT, sections=[*PORT.sections, bm.Section(blocks=[quote])])
    assert _found(brief, profile) == [
        ("error", "acme.anonymous-quote", f"/sections/{len(PORT.sections)}/blocks/0/attribution")
    ]
    assert _found(PORT, profile) == []


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("acme.not-a-rule", "does not name a briefmodel.rules.Rule"),
        ("acme.broken", "cannot be loaded: ModuleNotFoundError"),
        ("acme.anonymous-quotes", "did you mean 'acme.anonymous-quote'?"),
    ],
)
def test_a_registered_rule_that_cannot_be_used_is_a_profile_error(
    acme: None, code: str, said: str
) -> None:
    with pytest.raises(bm.ProfileError) as raised:
        _profile(rules={"use": [code]})
    assert said in raised.value.problems[0].message


# -- the role vocabulary -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "suggested"),
    [("keypoints", "key-points"), ("Key-Points", "key-points"), ("sumary", "summary"),
     ("implication", "implications"), ("flash-points", None), ("bluf", None), ("key-points", None)],
)  # fmt: skip
def test_a_role_that_is_a_typo_of_a_known_one_is_a_warning(
    role: str, suggested: str | None
) -> None:
    brief = attrs.evolve(
        PORT, sections=[attrs.evolve(PORT.sections[0], role=role), *PORT.sections[1:]]
    )
    report = bm.validate(brief)
    assert report.ok
    found = [p for p in report.problems if p.code == "role.unknown"]
    if suggested is None:
        assert found == []
    else:
        (problem,) = found
        assert (problem.severity, problem.path) == ("warning", "/sections/0/role")
        assert problem.message.endswith(f"did you mean {suggested!r}?")
