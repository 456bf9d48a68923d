"""Markdown as people write it: the front matter of static-site generators (YAML, TOML,
Pelican's headers) with their keys and dates, headlines found where people put them,
section roles from titles, and bad or hostile front matter refused with its line."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import briefmodel as bm
from briefmodel.formats import UNDATED, markdown
from tests._hang import guarded

from ..._tools import fresh_python
from ._support import UTC

HUGO = """\
---
title: Night ferries return to the north route
date: 2024-05-03T07:45:00+02:00
lastmod: 2024-05-04
draft: false
description: >
  The operator brings back two sailings a week
  after a winter without them.
author:
  name: Ines Marlow
  url: https://example.org/people/ines
tags:
  - ferries
  - transport
categories: [Regional]
---

The first boat left the quay at midnight.

## Key Takeaways

- Two sailings a week from June
- Fares stay at last year's level

## What Comes Next

A third sailing is under review.
"""


def read(text: str, **options: Any) -> tuple[bm.Brief, list[tuple[str, int | None]]]:
    """The brief read leniently, and the codes and lines of what its warnings list."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = markdown.read(text, strict=False, **options)
    said = [
        (p.code, p.line)
        for w in caught
        if isinstance(w.message, bm.BriefmodelWarning)
        for p in w.message.problems
    ]
    return brief, said


def test_hugo_yaml_with_block_lists_a_folded_value_and_an_author_map() -> None:
    brief, said = read(HUGO)
    assert brief.headline == "Night ferries return to the north route"
    assert brief.subheadline == (
        "The operator brings back two sailings a week after a winter without them."
    )
    assert brief.created == datetime(2024, 5, 3, 7, 45, tzinfo=timezone(timedelta(hours=2)))
    assert brief.updated == datetime(2024, 5, 4, tzinfo=UTC)
    assert brief.authors == (bm.Agent(name="Ines Marlow", uri="https://example.org/people/ines"),)
    assert brief.keywords == ("ferries", "transport", "Regional")
    assert brief.extensions["briefmodel:unknown"] == {"/draft": False}
    assert [(s.title, s.role) for s in brief.sections] == [
        (None, None),
        ("Key Takeaways", "key-points"),
        ("What Comes Next", "outlook"),
    ]
    assert brief.sections[0].blocks == (
        bm.Paragraph(content="The first boat left the quay at midnight."),
    )
    assert said == [("repair.date-only", 4), ("repair.field-kept", 5)]  # the draft key, kept


def test_an_unknown_key_is_an_error_at_its_line_when_reading_strictly() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(HUGO)
    assert [(p.code, p.line) for p in caught.value.problems] == [
        ("schema.additional-properties", 5)
    ]
    brief = markdown.read(HUGO.replace("draft: false\n", ""))  # no word: nothing assumed
    assert brief.updated == datetime(2024, 5, 4, tzinfo=UTC)


def test_zola_toml_with_taxonomies_and_hash_headings_under_a_title() -> None:
    text = """\
+++
title = "Tram line opens to the harbour"
description = "Six stops, every ten minutes."
date = 2023-09-01T06:30:00Z
authors = ["Noor Haddad", "Piet Vos"]

[taxonomies]
tags = ["trams", "city"]
+++

# Background

Work on the line began two years ago.

## The route

It runs along the old rail bed.

# Outlook

A second line is planned.
"""
    brief = markdown.read(text)
    assert markdown.sniff(text)
    assert brief.headline == "Tram line opens to the harbour"
    assert brief.subheadline == "Six stops, every ten minutes."
    assert brief.created == datetime(2023, 9, 1, 6, 30, tzinfo=UTC)
    assert [a.name for a in brief.authors] == ["Noor Haddad", "Piet Vos"]
    assert brief.keywords == ("trams", "city")
    # '#' headings are sections when the title is the headline, '##' ones within them
    assert [(s.title, s.role) for s in brief.sections] == [
        ("Background", "context"),
        ("Outlook", "outlook"),
    ]
    assert [s.title for s in brief.sections[0].sections] == ["The route"]


def test_a_toml_error_names_the_documents_line() -> None:
    text = '+++\ntitle = "Tram line"\ndate = 2023-09-01\ntags = ["a", \n+++\n\nText.\n'
    with pytest.raises(bm.ParseError) as caught:
        markdown.read(text)
    assert caught.value.problem.code == "parse.syntax"
    assert caught.value.problem.line == 4  # the last line, where TOML finds the list open
    with pytest.raises(bm.ParseError) as caught:
        markdown.read('+++\ntitle = "Tram line"\ntitle = "Again"\n+++\n\nText.\n')
    assert caught.value.problem.line == 3


def test_jekyll_with_categories_a_spaced_date_and_a_layout() -> None:
    text = """\
---
layout: post
title: "Market hall reopens after repairs"
date: 2021-06-14 09:15:00 +0200
author: Sam Ortiz
categories: [news, local]
tags: market
---

Stalls are back from Saturday.
"""
    brief, said = read(text)
    assert brief.created == datetime(2021, 6, 14, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert brief.authors == (bm.Agent(name="Sam Ortiz"),)
    assert brief.keywords == ("market", "news", "local")  # tags, then categories
    assert brief.extensions["briefmodel:unknown"] == {"/layout": "post"}
    assert said == [("repair.field-kept", 2)]  # the date says its offset: nothing assumed


PELICAN = """\
Title: Library hours extended for the winter
Date: 2022-11-20 18:00
Authors: Ana Lee; Bo Chen
Tags: libraries, opening hours
Category: Culture
Slug: library-hours
Summary: The central library stays open
    until ten on weekdays.

Readers asked for longer evenings.
"""


def test_pelican_headers() -> None:
    brief, said = read(PELICAN)
    assert brief.headline == "Library hours extended for the winter"
    assert brief.subheadline == "The central library stays open until ten on weekdays."
    assert brief.created == datetime(2022, 11, 20, 18, 0, tzinfo=UTC)
    assert [a.name for a in brief.authors] == ["Ana Lee", "Bo Chen"]
    assert brief.keywords == ("libraries", "opening hours", "Culture")
    assert brief.id == "library-hours"
    assert brief.sections[0].blocks == (bm.Paragraph(content="Readers asked for longer evenings."),)
    assert said == [("repair.date-naive", 2)]


def test_a_date_time_without_an_offset_is_refused_when_reading_strictly() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(PELICAN)
    assert [(p.code, p.line) for p in caught.value.problems] == [("datetime.naive", 2)]
    assert "strict=False" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("written", "expected", "repair"),
    [
        ("2020-01-02", datetime(2020, 1, 2, tzinfo=UTC), "repair.date-only"),
        ("'2020-01-02 10:30'", datetime(2020, 1, 2, 10, 30, tzinfo=UTC), "repair.date-naive"),
        ("2020-01-02T10:30:00", datetime(2020, 1, 2, 10, 30, tzinfo=UTC), "repair.date-naive"),
        (
            "'2020-01-02T10:30:00+0100'",
            datetime(2020, 1, 2, 10, 30, tzinfo=timezone(timedelta(hours=1))),
            None,
        ),
        ("Thu, 02 Jan 2020 10:30:00 +0000", datetime(2020, 1, 2, 10, 30, tzinfo=UTC), None),
    ],
)
def test_dates_in_the_spellings_people_use(
    written: str, expected: datetime, repair: str | None
) -> None:
    text = f"---\ntitle: Dated\nnote:\n  - kept\npubDate: {written}\n---\n\nText.\n"
    brief, said = read(text)
    assert brief.created == expected
    assert brief.created.utcoffset() == expected.utcoffset()
    assert [c for c, _ in said if c.startswith("repair.date")] == ([repair] if repair else [])
    assert all(line == 5 for c, line in said if c.startswith("repair.date"))
    assert ("repair.field-kept", 3) in said  # the note


def test_an_intro_paragraph_before_the_hash_heading() -> None:
    text = "Filed from the coast road.\n\n# Storm closes the coast road\n\nCrews are out.\n"
    with pytest.raises(bm.ValidationError, match="no headline"):
        markdown.read(text)  # strictly, as before: the heading is a section, no headline
    brief, said = read(text)
    assert brief.headline == "Storm closes the coast road"
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "Filed from the coast road.",
        "Crews are out.",
    ]
    assert said == [("repair.headline-from-heading", 3)]


def test_no_heading_at_all_takes_the_first_line() -> None:
    text = "Bridge repairs finish early\nThe works ended on Friday.\n\nTraffic is back.\n"
    brief, said = read(text, created=datetime(2025, 2, 1, tzinfo=UTC))
    assert brief.headline == "Bridge repairs finish early"
    assert [bm.plain_text(b.content) for b in brief.sections[0].blocks] == [
        "The works ended on Friday.",
        "Traffic is back.",
    ]
    assert said == [("repair.headline-from-first-line", 1)]


def test_a_document_starting_with_a_lower_heading_takes_it_as_the_headline() -> None:
    text = "\n\n## Council approves the budget\n\nBy a narrow vote.\n"
    brief, said = read(text)
    assert brief.headline == "Council approves the budget"
    assert brief.sections == (bm.Section(blocks=[bm.Paragraph(content="By a narrow vote.")]),)
    assert said == [("repair.headline-from-heading", 3)]


def test_the_title_is_the_headline_and_a_different_hash_heading_a_section() -> None:
    same = "---\ntitle: Rail strike ends\n---\n\n# Rail strike ends\n\nTrains run.\n"
    brief = markdown.read(same)
    assert brief.headline == "Rail strike ends"
    assert [s.title for s in brief.sections] == [None]
    other = same.replace("# Rail strike ends", "# Summary")
    brief = markdown.read(other)
    assert brief.headline == "Rail strike ends"
    assert [(s.title, s.role) for s in brief.sections] == [("Summary", "summary")]


def test_id_and_language_fill_what_the_document_does_not_say() -> None:
    text = "# Quiet night at the port\n\nNothing moved.\n"
    brief = markdown.read(text, id="urn:example:port:7", language="nl")
    assert (brief.id, brief.language, brief.created) == ("urn:example:port:7", "nl", UNDATED)
    said = "---\nid: urn:example:port:8\nlang: de\n---\n\n" + text
    brief = markdown.read(said, id="urn:example:port:7", language="nl")
    assert (brief.id, brief.language) == ("urn:example:port:8", "de")
    slugged = "---\nslug: quiet-night\n---\n\n" + text
    assert markdown.read(slugged).id == "quiet-night"
    with pytest.raises(bm.ValidationError):  # a slug beside an id is a key like any other
        markdown.read(slugged, id="urn:example:port:7")
    with pytest.raises(bm.OptionError, match="language"):
        bm.loads(text, "markdown", language=5)
    with pytest.raises(bm.OptionError, match="id"):
        bm.loads(text, "markdown", id=5)


def test_briefmodels_own_markdown_infers_no_role() -> None:
    brief = bm.Brief(
        id="urn:example:own:1",
        headline="Harbour fees",
        created=datetime(2026, 1, 5, 9, tzinfo=UTC),
        sections=[
            bm.Section(title="Summary", blocks=[bm.Paragraph(content="Fees fall.")]),
            bm.Section(title="Outlook", role="analysis"),
        ],
    )
    text = bm.dumps(brief, "markdown")
    assert markdown.read(text) == brief
    assert markdown.read(text, strict=False) == brief


_SYNTAX = "parse.syntax"


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("---\ntitle: Ferry\nauthor:\n\tname: Ana\n---\n\nText.\n", 4, "parse.syntax"),
        ("---\ntitle: 'Ferry\n  crossing\n---\n\nText.\n", 2, "parse.syntax"),
        ("---\ntitle: Ferry\nauthor:\n  name: A\n  name: B\n---\n\nT.\n", 5, "parse.duplicate-key"),
        ("---\ntitle: Ferry\nextra:\n  seen: *nowhere\n---\n\nText.\n", 4, "parse.syntax"),
        ("---\n- a list\n- not keys\n---\n\nText.\n", 2, "parse.syntax"),
        # safe loading: no Python object is built, no function called
        ("---\nauthor:\n  name: A\nrun: !!python/object/apply:os.getcwd []\n---\n", 4, _SYNTAX),
    ],
)
def test_bad_yaml_is_a_parse_error_at_the_documents_line(text: str, line: int, code: str) -> None:
    for strict in (True, False):
        with pytest.raises(bm.ParseError) as caught:
            markdown.read(text, strict=strict)
        assert (caught.value.problem.code, caught.value.problem.line) == (code, line)


def test_a_yaml_alias_bomb_is_refused_before_it_is_built() -> None:
    # (an author map: YAML that briefmodel's own front-matter reader does not read)
    lines = ["---", "title: Laughs", "author:", "  name: Ana"]
    lines.append('a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]')
    for n in range(1, 30):
        previous = f"*a{n - 1}"
        lines.append(f"a{n}: &a{n} [{', '.join([previous] * 8)}]")
    text = "\n".join([*lines, "---", "", "Text.", ""])
    returned = guarded(lambda: markdown.read(text, strict=False), "an alias bomb")
    assert isinstance(returned.error, bm.ParseError), returned.error
    assert returned.error.problem.code == "parse.too-large"
    looped = "---\ntitle: Loop\nauthor:\n  name: Ana\nself: &self [*self]\n---\n\nText.\n"
    returned = guarded(lambda: markdown.read(looped, strict=False), "an alias of itself")
    assert isinstance(returned.error, bm.ParseError), returned.error
    assert returned.error.problem.code in ("parse.too-large", "parse.too-deep")


def test_front_matter_over_a_megabyte_is_refused() -> None:
    text = "---\ntitle: Long\nnotes:\n  more: " + "word " * 220_000 + "\n---\n\nText.\n"
    with pytest.raises(bm.ParseError) as caught:
        markdown.read(text, strict=False)
    assert caught.value.problem.code == "parse.too-large"


def test_deep_yaml_is_refused() -> None:
    nest = "[" * 200 + "]" * 200
    text = f"---\ntitle: Deep\nauthor:\n  name: Ana\nnest: {nest}\n---\n\nText.\n"
    with pytest.raises(bm.ParseError) as caught:
        markdown.read(text, strict=False)
    assert caught.value.problem.code == "parse.too-deep"


def test_every_code_reading_people_reports_is_registered() -> None:
    codes = {
        "repair.date-only",
        "repair.date-naive",
        "repair.headline-from-heading",
        "repair.headline-from-first-line",
    }
    assert codes <= set(bm.rules.CODES)
    assert all(bm.rules.CODES[code][0] == "warning" for code in codes)


def test_yaml_is_imported_only_for_front_matter_that_needs_it() -> None:
    program = """
import sys
import briefmodel as bm
from datetime import datetime, timezone
brief = bm.Brief(id="urn:x:1", headline="H", created=datetime(2026, 1, 1, tzinfo=timezone.utc),
    keywords=["a", "b"], sections=[bm.Section(blocks=[bm.Paragraph(content="P.")])])
bm.loads(bm.dumps(brief, "markdown"), "markdown")
bm.loads("---\\ntitle: Plain\\ndate: 2026-01-02\\n---\\n\\nText.\\n", "markdown")
print("yaml" in sys.modules)
bm.loads("---\\ntitle: Nested\\nauthor:\\n  name: Ana\\n---\\n\\nText.\\n", "markdown")
print("yaml" in sys.modules)
"""
    assert fresh_python(program).split() == ["False", "True"]


def test_values_json_cannot_hold_are_kept_as_text_or_refused() -> None:
    text = """\
---
title: Kept
author:
  name: Ana
seen: 2024-02-29
flags: !!set {b: null, a: null}
blob: !!binary aGFyYm91cg==
summary: Twice said.
description: Twice said.
---

Text.
"""
    brief, _ = read(text)
    assert brief.subheadline == "Twice said."  # the same text under two keys: once
    assert brief.extensions["briefmodel:unknown"] == {
        "/seen": "2024-02-29",
        "/flags": ("a", "b"),  # (the model keeps JSON arrays as tuples)
        "/blob": "aGFyYm91cg==",
    }
    with pytest.raises(bm.ParseError) as caught:
        markdown.read(text.replace("Twice said.\n---", "Twice said.\nratio: .nan\n---"))
    assert (caught.value.problem.code, caught.value.problem.line) == (
        "parse.non-finite-number",
        10,
    )


def test_a_toml_date_time_without_an_offset_is_utc_when_read_leniently() -> None:
    text = '+++\ntitle = "Local time"\ndate = 2023-03-04T05:06:07\n+++\n\nText.\n'
    brief, said = read(text)
    assert brief.created == datetime(2023, 3, 4, 5, 6, 7, tzinfo=UTC)
    assert said == [("repair.date-naive", 3)]


def test_bytes_that_are_not_utf8_are_windows_1252_read_leniently() -> None:
    source = "---\ntitle: Caf\xe9 hours\n---\n\nThe caf\xe9 opens at six \u2013 daily.\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = markdown.read(source.encode("cp1252"), strict=False)
    assert brief.headline == "Café hours"
    assert bm.plain_text(brief.sections[0].blocks[0].content) == "The café opens at six – daily."
    said = [(p.code, p.line) for w in caught for p in getattr(w.message, "problems", ())]
    assert ("repair.encoding", 2) in said
    with pytest.raises(bm.ParseError) as refused:
        markdown.read(source.encode("cp1252"))
    assert refused.value.problem.code == "parse.encoding"


# --------------------------------------------------------------------------------------
# A date from the page's address; a key named as a field with a value it cannot take

ZOLA_PATH = """\
+++
path = "2024/11/05/harbour-lights"
title = "Harbour lights are switched on"
authors = ["The Harbour Team"]
+++

The lights on the north pier are on again.
"""


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("path", '"2024/11/05/harbour-lights"'),
        ("url", '"/news/2024/11/05/harbour-lights/"'),
        ("permalink", '"/2024-11-05-harbour-lights.html"'),
        ("slug", '"2024-11-05-harbour-lights"'),
    ],
)
def test_without_a_date_key_the_page_s_address_gives_the_date(key: str, value: str) -> None:
    brief, said = read(ZOLA_PATH.replace('path = "2024/11/05/harbour-lights"', f"{key} = {value}"))
    assert brief.created == datetime(2024, 11, 5, tzinfo=UTC)
    assert ("repair.date-from-path", 2) in said
    assert ("repair.date-only", 2) in said


def test_a_date_key_wins_over_the_page_s_address() -> None:
    text = ZOLA_PATH.replace("+++\n\n", "date = 2024-11-06T08:00:00Z\n+++\n\n")
    brief, said = read(text)
    assert brief.created == datetime(2024, 11, 6, 8, tzinfo=UTC)
    assert "repair.date-from-path" not in {code for code, _ in said}


@pytest.mark.parametrize(
    "value", ['"2024/11/harbour-lights"', '"2024/13/05/harbour"', '"1234/11/05/x"']
)
def test_an_address_without_a_whole_date_gives_none(value: str) -> None:
    brief, said = read(ZOLA_PATH.replace('"2024/11/05/harbour-lights"', value))
    assert brief.created is None
    assert "repair.date-from-path" not in {code for code, _ in said}


def test_strictly_an_address_gives_no_date_and_says_nothing() -> None:
    text = '---\ntitle: "Harbour lights"\npath: "2024/11/05/lights"\n---\n\nOn.\n'
    with pytest.raises(bm.ValidationError):  # path is not a field of the model
        markdown.read(text)


JEKYLL_RELEASE = """\
---
title: 'Harbour app 3.1.0 is out'
date: 2024-02-01 09:00:00 +0100
version: 3.1.0
urgency: high
category: release
---

The new version of the harbour app shows the tides.
"""


def test_a_key_named_as_a_field_with_a_value_it_cannot_take_is_kept() -> None:
    brief, said = read(JEKYLL_RELEASE)
    assert brief.headline == "Harbour app 3.1.0 is out"
    assert brief.version == 1  # the model's own, as when the key is absent
    assert brief.extensions["briefmodel:unknown"] == {"/version": "3.1.0", "/urgency": "high"}
    assert ("repair.value-kept", 4) in said
    assert ("repair.value-kept", 5) in said


def test_a_key_named_as_a_field_with_a_value_it_cannot_take_is_refused_strictly() -> None:
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(JEKYLL_RELEASE)
    assert ("schema.type", 4) in [(p.code, p.line) for p in caught.value.problems]


def test_a_list_inside_a_quote_is_read_as_its_lines_leniently() -> None:
    text = (
        "---\ntitle: Pier works\n---\n\nThe engineer wrote:\n\n"
        "> Two things are left:\n>\n> - the **railings**\n> - the lights\n>   1. north\n"
    )
    brief, said = read(text)
    quote = brief.sections[0].blocks[1]
    assert type(quote) is bm.Quote
    assert bm.plain_text(quote.content) == (
        "Two things are left:\n• the railings\n• the lights\n1. north"
    )
    assert ("repair.quote-list", 7) in said
    with pytest.raises(bm.ValidationError) as caught:
        markdown.read(text)
    assert [p.code for p in caught.value.problems] == ["markdown.dropped"]


@pytest.mark.parametrize("quoted", [False, True])
def test_a_hugo_date_with_an_hour_of_one_digit_is_read(quoted: bool) -> None:
    value = "'2022-05-03 8:30:00+00:00'" if quoted else "2022-05-03 8:30:00+00:00"
    brief, said = read(f"---\ntitle: Tides in May\ndate: {value}\n---\n\nHigh water.\n")
    assert brief.created == datetime(2022, 5, 3, 8, 30, tzinfo=UTC)
    assert [code for code, _ in said if code.startswith("repair.date")] == []


def test_a_publisher_s_name_and_a_rights_line_are_read_as_the_model_has_them() -> None:
    text = (
        "---\ntitle: Pier works\npublisher: Example Harbour Press\n"
        "rights: © 2024 Example Harbour Press\n---\n\nThe pier is shut.\n"
    )
    brief, said = read(text)
    assert brief.publisher == bm.Agent(name="Example Harbour Press")
    assert brief.rights == bm.Rights(notice="© 2024 Example Harbour Press")
    assert said == []
    assert markdown.read(text) == brief  # nothing was assumed: strictly the same
