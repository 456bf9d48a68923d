"""House-style profiles: what a newsroom requires of its briefs beyond the model, checked
by :func:`~briefmodel.validate` (``profile=``) and ``briefmodel validate --profile``.

A profile is a TOML file (or the same data as a dict). Every table is optional but
``[profile]``, whose ``name`` prefixes the codes of the problems the profile finds
(``house.headline-too-long``). Each check is a :class:`~briefmodel.rules.Rule`, run by
the same engine as the built-in rules, so its problems carry their code, severity and
JSON Pointer like any other. Each table may set ``severity = "warning"`` (the default is
``"error"``).

.. code-block:: toml

    [profile]
    name = "house"

    [required]
    fields = ["subheadline", "authors", "subjects"]   # fields of the brief that must be set
    roles = ["key-points"]                              # section roles that must be present

    [headline]
    max_characters = 90
    max_words = 14

    [key_points]
    min = 3
    max = 5

    [sections]
    roles = ["key-points", "context", "analysis", "outlook"]   # the only roles allowed

    [subjects]
    schemes = ["medtop"]       # the qcode schemes subjects may use

    [sources]
    graded = true              # every source carries reliability and credibility

    [words]
    avoid = { slammed = "criticised", "sources say" = "name the source" }

    [rules]
    use = ["acme.anonymous-quote"]   # rules other packages register (entry points)

Rules of one's own are registered by a package under the entry-point group
``briefmodel.rules``, each entry point naming a :class:`~briefmodel.rules.Rule` whose
code is the name a profile uses it by.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from . import model as m
from ._files import read_document
from .errors import ParseError, Problem, ProfileError, Severity
from .rules import Context, Found, Rule

__all__ = ["ENTRY_POINT_GROUP", "Profile", "as_profile", "load_profile", "suggestion"]

#: The entry-point group under which packages register rules a profile may use.
ENTRY_POINT_GROUP = "briefmodel.rules"

#: The fields of a brief a profile may require.
_FIELDS = tuple(field.name for field in attrs.fields(m.Brief) if field.name != "schema")

_NAME = re.compile(r"[a-z][a-z0-9-]*\Z")


@attrs.frozen(kw_only=True)
class Profile:
    """A house style: its name (the prefix of its codes), what it says of itself, and
    the rules it checks. Build one with :func:`load_profile` or :meth:`from_dict`.

    >>> import briefmodel as bm
    >>> profile = bm.Profile.from_toml('''
    ... [profile]
    ... name = "desk"
    ... [headline]
    ... max_words = 6
    ... ''')
    >>> [rule.code for rule in profile.rules]
    ['desk.headline-too-long']
    """

    name: str
    description: str | None = None
    rules: tuple[Rule, ...] = ()

    @classmethod
    def from_toml(cls, text: str, *, source: str = "the profile") -> Profile:
        """A profile from TOML text; ``source`` names it in messages."""
        if sys.version_info >= (3, 11):  # (imported for a profile read, not with briefmodel)
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            at = re.search(r"line (\d+)", str(error))
            line = int(at.group(1)) if at else None
            raise ProfileError(
                [_problem("", f"not valid TOML: {error}", "profile.syntax", line)], source
            ) from None
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "the profile") -> Profile:
        """A profile from its data (a TOML file's tables as a dict); every problem of it
        at once in a :class:`~briefmodel.ProfileError`, each with its place
        (``/headline/max_words``)."""
        reading = _Reading(source)
        profile = reading.profile(data)
        if reading.problems:
            raise ProfileError(reading.problems, source)
        assert profile is not None
        return profile


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """The profile in the TOML file ``path`` (read as documents are, up to 64 MiB)."""
    source = os.fspath(path)
    try:
        raw = read_document(Path(path))
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except ParseError as error:  # not there, unreadable, too large
        raise ProfileError(error.problems, source) from None
    except UnicodeDecodeError as error:
        message = f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        raise ProfileError([_problem("", message, "profile.syntax")], source) from None
    return Profile.from_toml(text, source=source)


#: The profile of no house style: no rules beyond the model's.
NO_PROFILE = Profile(name="none")


def as_profile(value: Any) -> Profile:
    """The profile ``value`` names: a :class:`Profile` as it is, a path (``str`` or
    :class:`os.PathLike`) read with :func:`load_profile`, a dict read with
    :meth:`Profile.from_dict`, None for none."""
    if value is None:
        return NO_PROFILE
    if isinstance(value, Profile):
        return value
    if isinstance(value, (str, os.PathLike)):
        return load_profile(value)
    if isinstance(value, Mapping):
        return Profile.from_dict(value)
    from .errors import OptionError

    raise OptionError(
        "profile",
        f"expected a Profile, the path of a profile's TOML file or its data as a dict, not "
        f"{type(value).__name__}",
    )


def _problem(
    path: str, message: str, code: str = "profile.invalid", line: int | None = None
) -> Problem:
    return Problem(severity="error", code=code, message=message, path=path, line=line)


# --------------------------------------------------------------------------------------
# The checks a profile can make: each builds a rule from the profile's settings.


def _required_fields(code: str, severity: Severity, fields: tuple[str, ...]) -> Rule:
    def brief_has_the_required_fields(node: m.Brief, ctx: Context) -> Found:
        return [
            ((name,), f"the house style requires {name.replace('_', ' ')}")
            for name in fields
            if getattr(node, name) in (None, (), "")
        ]

    return Rule(
        code,
        severity,
        "A field the house style requires is not set.",
        (m.Brief,),
        brief_has_the_required_fields,
    )


def _all_sections(sections: Iterable[m.Section]) -> Iterable[m.Section]:
    for section in sections:
        yield section
        yield from _all_sections(section.sections)


def _required_roles(code: str, severity: Severity, roles: tuple[str, ...]) -> Rule:
    def brief_has_the_required_roles(node: m.Brief, ctx: Context) -> Found:
        present = {s.role for s in _all_sections(node.sections)}
        return [
            (("sections",), f"the house style requires a section of role {role!r}")
            for role in roles
            if role not in present
        ]

    return Rule(
        code,
        severity,
        "A section role the house style requires is missing.",
        (m.Brief,),
        brief_has_the_required_roles,
    )


def _headline_length(
    code: str, severity: Severity, characters: int | None, words: int | None
) -> Rule:
    def headline_is_short_enough(node: m.Brief, ctx: Context) -> Found:
        found: Found = []
        if characters is not None and len(node.headline) > characters:
            found.append(
                (
                    (("headline",)),
                    f"the headline has {len(node.headline)} characters; "
                    f"the house style allows {characters}",
                )
            )
        count = len(node.headline.split())
        if words is not None and count > words:
            found.append(
                ((("headline",)), f"the headline has {count} words; the house style allows {words}")
            )
        return found

    return Rule(
        code,
        severity,
        "The headline is longer than the house style allows.",
        (m.Brief,),
        headline_is_short_enough,
    )


def _key_point_count(code: str, severity: Severity, least: int | None, most: int | None) -> Rule:
    def key_points_are_counted(node: m.Brief, ctx: Context) -> Found:
        count = len(node.key_points)
        if least is not None and count < least:
            return [
                (
                    ("sections",),
                    f"the brief has {count} key points; the house style requires at least {least}",
                )
            ]
        if most is not None and count > most:
            return [
                (
                    ("sections",),
                    f"the brief has {count} key points; the house style allows at most {most}",
                )
            ]
        return []

    return Rule(
        code,
        severity,
        "The number of key points is outside the house style's range.",
        (m.Brief,),
        key_points_are_counted,
    )


def _allowed_roles(code: str, severity: Severity, roles: tuple[str, ...]) -> Rule:
    def section_role_is_allowed(node: m.Section, ctx: Context) -> Found:
        if node.role is None or node.role in roles:
            return []
        return [
            (
                ("role",),
                f"{node.role!r} is not a role the house style allows"
                + suggestion(node.role, roles),
            )
        ]

    return Rule(
        code,
        severity,
        "A section's role is not among the house style's roles.",
        (m.Section,),
        section_role_is_allowed,
    )


def _subject_schemes(code: str, severity: Severity, schemes: tuple[str, ...]) -> Rule:
    listed = ", ".join(schemes)

    def subject_uses_an_allowed_scheme(node: m.Subject, ctx: Context) -> Found:
        if node.code is None:
            return [
                (
                    ("code",),
                    f"the subject has no qcode; the house style requires one of "
                    f"the schemes {listed}",
                )
            ]
        scheme = node.code.partition(":")[0] if ":" in node.code else ""
        if scheme in schemes:
            return []
        return [(("code",), f"{node.code!r} is not in a scheme the house style allows ({listed})")]

    return Rule(
        code,
        severity,
        "A subject's qcode is not in a scheme the house style allows.",
        (m.Subject,),
        subject_uses_an_allowed_scheme,
    )


def _graded_sources(code: str, severity: Severity) -> Rule:
    def source_is_graded(node: m.Source, ctx: Context) -> Found:
        return [
            ((name,), f"the source {node.id!r} has no {name}; the house style grades every source")
            for name in ("reliability", "credibility")
            if getattr(node, name) is None
        ]

    return Rule(
        code,
        severity,
        "A source has no reliability or credibility grade.",
        (m.Source,),
        source_is_graded,
    )


#: The texts of each node a reader reads, where words to avoid are looked for.
_PROSE: dict[type, tuple[str, ...]] = {
    m.Brief: ("headline", "subheadline"),
    m.Section: ("title",),
    m.Quote: ("attribution",),
    m.Figure: ("alt", "credit"),
    m.Correction: ("note",),
    str: (),
}


def _avoided_words(code: str, severity: Severity, words: Mapping[str, str | None]) -> Rule:
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")(?!\w)",
        re.IGNORECASE,
    )
    instead = {w.casefold(): use for w, use in words.items()}

    def text_avoids_the_words(node: Any, ctx: Context) -> Found:
        texts = (
            [((), node)]
            if type(node) is str
            else [((name,), getattr(node, name)) for name in _PROSE[type(node)]]
        )
        found: Found = []
        for path, text in texts:
            if not text:
                continue
            for hit in pattern.finditer(text):
                use = instead.get(hit.group(1).casefold())
                advice = f": use {use!r}" if use else ""
                found.append((path, f"the house style avoids {hit.group(1)!r}{advice}"))
        return found

    return Rule(
        code,
        severity,
        "A text uses a word the house style avoids.",
        tuple(_PROSE),
        text_avoids_the_words,
    )


def suggestion(value: str, known: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the known value nearest ``value``, or ``""``."""
    near = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


# --------------------------------------------------------------------------------------
# Reading a profile's data


def _registered_rules() -> dict[str, Callable[[], Any]]:
    from importlib.metadata import entry_points

    return {point.name: point.load for point in entry_points(group=ENTRY_POINT_GROUP)}


@attrs.define
class _Reading:
    """A profile's data being read: the problems found so far, with their places."""

    source: str
    problems: list[Problem] = attrs.Factory(list)

    def fail(self, path: str, message: str) -> None:
        self.problems.append(_problem(path, message))

    def table(self, data: Mapping[str, Any], name: str, keys: Iterable[str]) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, Mapping):
            self.fail(f"/{name}", f"[{name}] is a table, not {type(value).__name__}")
            return {}
        known = tuple(keys)
        for key in value:
            if key not in known:
                self.fail(
                    f"/{name}/{key}", f"[{name}] has no setting {key!r}" + suggestion(key, known)
                )
        return dict(value)

    def severity(self, table: Mapping[str, Any], name: str) -> Severity:
        value = table.get("severity", "error")
        if value not in ("error", "warning"):
            self.fail(
                f"/{name}/severity", f'[{name}] severity is "error" or "warning", not {value!r}'
            )
            return "error"
        return value  # type: ignore[no-any-return]

    def count(self, table: Mapping[str, Any], name: str, key: str) -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if type(value) is not int or value < 0:
            self.fail(
                f"/{name}/{key}", f"[{name}] {key} is a whole number of 0 or more, not {value!r}"
            )
            return None
        return value

    def strings(
        self, table: Mapping[str, Any], name: str, key: str, allowed: Iterable[str] | None = None
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"/{name}/{key}", f"[{name}] {key} is a list of strings, not {value!r}")
            return ()
        if allowed is not None:
            allowed = tuple(allowed)
            for index, item in enumerate(value):
                if item not in allowed:
                    self.fail(
                        f"/{name}/{key}/{index}",
                        f"[{name}] {key}: {item!r} is not one of them" + suggestion(item, allowed),
                    )
        return tuple(value)

    def profile(self, data: Mapping[str, Any]) -> Profile | None:
        tables = (
            "profile",
            "required",
            "headline",
            "key_points",
            "sections",
            "subjects",
            "sources",
            "words",
            "rules",
        )
        for key in data:
            if key not in tables:
                self.fail(f"/{key}", f"there is no table [{key}]" + suggestion(key, tables))
        about = self.table(data, "profile", ("name", "description"))
        name = about.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            self.fail(
                "/profile/name",
                "[profile] name, the prefix of the profile's codes, is "
                f'lower-case letters, digits and hyphens (like "house"), not {name!r}',
            )
            name = "profile"
        description = about.get("description")
        if description is not None and not isinstance(description, str):
            self.fail("/profile/description", "[profile] description is a string")
            description = None
        rules = [*self.checks(data, name), *self.custom(data)]
        if self.problems:
            return None
        return Profile(name=name, description=description, rules=tuple(rules))

    def checks(self, data: Mapping[str, Any], name: str) -> Iterable[Rule]:
        required = self.table(data, "required", ("fields", "roles", "severity"))
        severity = self.severity(required, "required")
        fields = self.strings(required, "required", "fields", _FIELDS)
        if fields:
            yield _required_fields(f"{name}.required-field", severity, fields)
        roles = self.strings(required, "required", "roles")
        if roles:
            yield _required_roles(f"{name}.required-role", severity, roles)

        headline = self.table(data, "headline", ("max_characters", "max_words", "severity"))
        severity = self.severity(headline, "headline")
        characters = self.count(headline, "headline", "max_characters")
        words = self.count(headline, "headline", "max_words")
        if characters is not None or words is not None:
            yield _headline_length(f"{name}.headline-too-long", severity, characters, words)

        points = self.table(data, "key_points", ("min", "max", "severity"))
        severity = self.severity(points, "key_points")
        least, most = (
            self.count(points, "key_points", "min"),
            self.count(points, "key_points", "max"),
        )
        if least is not None and most is not None and least > most:
            self.fail("/key_points", f"[key_points] min ({least}) is more than max ({most})")
        if least is not None or most is not None:
            yield _key_point_count(f"{name}.key-points-count", severity, least, most)

        sections = self.table(data, "sections", ("roles", "severity"))
        severity = self.severity(sections, "sections")
        allowed = self.strings(sections, "sections", "roles")
        if allowed:
            yield _allowed_roles(f"{name}.role-not-allowed", severity, allowed)

        subjects = self.table(data, "subjects", ("schemes", "severity"))
        severity = self.severity(subjects, "subjects")
        schemes = self.strings(subjects, "subjects", "schemes")
        if schemes:
            yield _subject_schemes(f"{name}.subject-scheme", severity, schemes)

        sources = self.table(data, "sources", ("graded", "severity"))
        severity = self.severity(sources, "sources")
        graded = sources.get("graded", False)
        if not isinstance(graded, bool):
            self.fail("/sources/graded", f"[sources] graded is true or false, not {graded!r}")
        elif graded:
            yield _graded_sources(f"{name}.source-ungraded", severity)

        yield from self.words(data, name)

    def words(self, data: Mapping[str, Any], name: str) -> Iterable[Rule]:
        table = self.table(data, "words", ("avoid", "severity"))
        severity = self.severity(table, "words")
        avoid = table.get("avoid", [])
        if isinstance(avoid, list) and all(isinstance(w, str) and w.strip() for w in avoid):
            words: dict[str, str | None] = {w.strip(): None for w in avoid}
        elif isinstance(avoid, Mapping) and all(
            isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in avoid.items()
        ):
            words = {k.strip(): v for k, v in avoid.items()}
        else:
            self.fail(
                "/words/avoid",
                "[words] avoid is a list of words, or a table of words "
                f"and what to use instead, not {avoid!r}",
            )
            return
        if words:
            yield _avoided_words(f"{name}.word-avoided", severity, words)

    def custom(self, data: Mapping[str, Any]) -> Iterable[Rule]:
        table = self.table(data, "rules", ("use",))
        wanted = self.strings(table, "rules", "use")
        if not wanted:
            return
        registered = _registered_rules()
        for index, code in enumerate(wanted):
            where = f"/rules/use/{index}"
            if code not in registered:
                known = ", ".join(sorted(registered)) or "none is installed"
                self.fail(
                    where,
                    f"no rule {code!r} is registered under the entry point group "
                    f"{ENTRY_POINT_GROUP} ({known})" + suggestion(code, registered),
                )
                continue
            try:
                rule = registered[code]()
            except Exception as error:  # noqa: BLE001 - another package's import failed
                self.fail(
                    where, f"the rule {code!r} cannot be loaded: {type(error).__name__}: {error}"
                )
                continue
            if not isinstance(rule, Rule) or rule.code != code:
                self.fail(
                    where,
                    f"the entry point {code!r} does not name a briefmodel.rules.Rule "
                    f"whose code is {code!r}",
                )
                continue
            yield rule
