"""The section roles that titles imply (:data:`ROLES`, :func:`role_for`), shared by the
readers of text written by people: plain text and Markdown."""

from __future__ import annotations

from collections.abc import Mapping

#: Section roles inferred from titles. Keys are titles as :func:`role_for` normalises
#: them: case-folded, white space collapsed, final ``:`` dropped, ’ as '.
ROLES: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "flash points",
            "flashpoints",
            "key points",
            "key takeaways",
            "takeaways",
            "highlights",
            "key facts",
            "main points",
            "at a glance",
            "what to know",
            "key judgments",
            "key judgements",
        ),
        "key-points",
    ),
    **dict.fromkeys(
        (
            "summary",
            "executive summary",
            "overview",
            "in brief",
            "synopsis",
            "bottom line",
            "bottom line up front",
            "bluf",
            "tl;dr",
        ),
        "summary",
    ),
    **dict.fromkeys(
        ("context", "background", "what happened", "the backstory", "backstory", "situation"),
        "context",
    ),
    **dict.fromkeys(
        (
            "analysis",
            "signal value",
            "assessment",
            "our assessment",
            "why it matters",
            "what it means",
            "significance",
            "commentary",
            "insight",
            "insights",
            "the signal",
        ),
        "analysis",
    ),
    **dict.fromkeys(
        ("implications", "consequences", "impact", "impacts", "ramifications", "so what"),
        "implications",
    ),
    **dict.fromkeys(
        (
            "outlook",
            "what's next",
            "what next",
            "what comes next",
            "what to watch",
            "looking ahead",
            "the road ahead",
            "forecast",
            "scenarios",
        ),
        "outlook",
    ),
    **dict.fromkeys(
        (
            "recommendations",
            "recommended actions",
            "what to do",
            "next steps",
            "policy options",
            "options",
        ),
        "recommendations",
    ),
}


def _key(title: str) -> str:
    return " ".join(title.split()).casefold().replace("’", "'").rstrip(":?!. ")


def role_for(title: str, roles: Mapping[str, str] = ROLES) -> str | None:
    """The role a section title implies, or None.

    >>> role_for("Flash Points"), role_for("KEY TAKEAWAYS:"), role_for("Inside the Room")
    ('key-points', 'key-points', None)
    """
    return roles.get(_key(title))
