"""Wire copy and press releases read leniently (``strict=False``): text that is not
UTF-8, envelope and routing lines and labels before the headline, a headline that
wraps, and the date a dateline, a date line or a filing time gives. Each repair is a
warning at its line; reading strictly reads these texts as before. The stories are
written for these tests, in the layouts of the producers they stand for."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone

import pytest

import briefmodel as bm
from briefmodel.formats import text

UTC = timezone.utc


def _lenient(source: str | bytes) -> tuple[bm.Brief, list[tuple[str, int | None]]]:
    """The brief read with ``strict=False``, and the codes and lines of its repairs."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief = bm.loads(source, "text", strict=False)
    said = [
        (p.code, p.line)
        for w in caught
        if isinstance(w.message, bm.BriefmodelWarning)
        for p in w.message.problems
        if p.code.startswith("repair.")
    ]
    return brief, said


def _paragraphs(brief: bm.Brief) -> list[str]:
    return [bm.plain_text(b.content) for s in brief.sections for b in s.blocks]


# --------------------------------------------------------------------------------------
# Encoding

LATIN = (
    "March\xe9 du port: la saison s'ouvre \xabplus t\xf4t\xbb =\n"
    "\n"
    "   Marseille (ats) Le march\xe9 aux poissons ouvre lundi.\n"
).encode("latin-1")


def test_text_that_is_not_utf8_is_windows_1252_read_leniently() -> None:
    brief, said = _lenient(LATIN)
    assert brief.headline.startswith("Marché du port: la saison s'ouvre «plus tôt»")
    assert ("repair.encoding", 1) in said
    report = bm.validate(LATIN, "text", lenient=True)
    assert report.ok
    assert [p.line for p in report.warnings if p.code == "repair.encoding"] == [1]


def test_a_byte_windows_1252_leaves_undefined_is_latin1() -> None:
    source = b"Ferry\n\nThe caf\xe9 opens at six.\x81\n"
    brief, said = _lenient(source)
    assert _paragraphs(brief) == ["The café opens at six."]  # U+0081, a C1 control, removed
    assert ("repair.encoding", 3) in said
    assert ("repair.control-chars", 3) in said


def test_text_that_is_not_utf8_is_refused_strictly() -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.loads(LATIN, "text")
    assert caught.value.problem.code == "parse.encoding"
    assert caught.value.problem.line == 1
    assert caught.value.problem.message == "the input is not UTF-8 (byte 0xe9 at offset 5)"


def test_utf8_text_has_no_encoding_repair() -> None:
    _, said = _lenient(LATIN.decode("latin-1").encode("utf-8"))
    assert "repair.encoding" not in {code for code, _ in said}


# --------------------------------------------------------------------------------------
# The headline after the envelope

#: IPTC 7901 copy as an Australian wire carries a release: the envelope and routing
#: lines, the headline, a date line.
IPTC = (
    "  ZCZC NWS\r\n"
    "%RNETALL RFI\r\n"
    "$K\r\n"
    ":\r\n"
    ":Harbour Board of Example Bay\r\n"
    "*Y\r\n"
    "Media release: Pilot boats stay in port while the swell lasts\r\n"
    "\r\n"
    "Wed 14 July 2021\r\n"
    "\r\n"
    "The harbour board kept its pilot boats in port on Wednesday.\r\n"
    "\r\n"
    "NNNN\r\n"
)


def test_envelope_and_routing_lines_are_skipped_to_the_headline() -> None:
    brief, said = _lenient(IPTC)
    assert brief.headline == "Media release: Pilot boats stay in port while the swell lasts"
    assert brief.subheadline is None
    assert _paragraphs(brief)[1] == "The harbour board kept its pilot boats in port on Wednesday."
    assert ("repair.headline-after-envelope", 7) in said
    assert brief.created == datetime(2021, 7, 14, tzinfo=UTC)
    assert ("repair.date-from-text", 9) in said
    assert ("repair.date-only", 9) in said


def test_strictly_the_envelope_is_the_headline_as_before() -> None:
    brief = bm.loads(IPTC, "text")
    assert brief.headline == "ZCZC NWS"
    assert brief.created is text.UNDATED


#: A press release as a newswire passes it on: a source line and a label line, a
#: headline that wraps, a dateline, the text, a source line at the end.
RELEASE = (
    "Source: Example Ferries Ltd \n"
    "MEDIA RELEASE PR10442\n"
    "Example Ferries Adds a Night Sailing Between the Two Island Harbours Every \n"
    "Weekend\n"
    "\n"
    "HOBART, Australia, March 4, 2021 /ExampleWire/ --\n"
    "\n"
    "Example Ferries today announced a night sailing on Fridays and Saturdays.\n"
    "\n"
    "SOURCE: Example Ferries Ltd\n"
)


def test_labels_are_skipped_a_source_line_is_a_source_and_a_wrapped_headline_joined() -> None:
    brief, said = _lenient(RELEASE)
    assert brief.headline == (
        "Example Ferries Adds a Night Sailing Between the Two Island Harbours Every Weekend"
    )
    assert brief.subheadline is None
    assert brief.sources == (bm.Source(id="s1", title="Example Ferries Ltd"),)  # named twice
    assert said[:4] == [
        ("repair.source-lines", 1),
        ("repair.headline-after-envelope", 3),
        ("repair.headline-wrapped", 4),
        ("repair.date-from-text", 6),
    ]
    assert brief.created == datetime(2021, 3, 4, tzinfo=UTC)
    assert _paragraphs(brief)[0] == "HOBART, Australia, March 4, 2021 /ExampleWire/ --"


@pytest.mark.parametrize(
    "label",
    [
        "FOR IMMEDIATE RELEASE",
        "PRESS RELEASE",
        "Embargoed until 00:01 AEST Thursday 5 May",
        "MEDIA ADVISORY",
        "News release - 3 March 2021",
    ],
)
def test_a_press_release_label_is_not_the_headline(label: str) -> None:
    source = f"{label}\n\nLibrary Opens a Second Reading Room\n\nThe library opens it today.\n"
    brief, said = _lenient(source)
    assert brief.headline == "Library Opens a Second Reading Room"
    assert ("repair.headline-after-envelope", 3) in said


#: dpa copy: the transmission header, keyword and version lines, the headline with its
#: end mark, a byline, the text, the filing time.
DPA = (
    "abc01234 4 pl 377    dpa 2207\n"
    "\n"
    "/politics/Example/harbour/\n"
    "2ND LEAD\n"
    "Harbour board delays the new pier by a year =\n"
    "By Jo Example, dpa  =\n"
    " \n"
    "Exampletown (dpa) - The harbour board delayed its new pier by a year on Monday.\n"
    "\n"
    "dpa jo xy\n"
    "\n"
    "041502 GMT Mar 21\n"
)


def test_a_transmission_header_and_keyword_lines_are_skipped_and_the_mark_removed() -> None:
    brief, said = _lenient(DPA)
    assert brief.headline == "Harbour board delays the new pier by a year"
    assert ("repair.headline-after-envelope", 5) in said
    assert ("repair.wire-mark", 5) in said
    assert "repair.headline-wrapped" not in {code for code, _ in said}  # a byline
    assert brief.authors == (bm.Agent(name="Jo Example", affiliation="dpa"),)
    assert ("repair.byline", 6) in said
    assert _paragraphs(brief)[0].startswith("Exampletown (dpa) - The harbour board")
    assert brief.created == datetime(2021, 3, 4, 15, 2, tzinfo=UTC)
    assert ("repair.date-from-text", 12) in said
    assert "repair.date-only" not in {code for code, _ in said}


#: Kyodo-style copy framed as a wire story: SOH, the transmission header, STX, the slug,
#: the headline with its ``+``, paragraphs indented, ETX and the trailer, EOT.
KYODO = (
    "\x01a0777KYODO\x1fxx-\r\n"
    "u s\x14\x12 BC-Ferry-Night-Sailing   10-03 0120\r\n"
    "\x02BC-Ferry-Night-Sailing\r\n"
    "Ferry: Night sailings return to the northern route+\r\n"
    "     KOBE, Japan, March 10 Kyodo - Night sailings returned on Wednesday to the \r\n"
    "northern route after a winter without them.\r\n"
    "     The operator said bookings were strong.\r\n"
    "==Kyodo\r\n"
    "\x03XWS-18:05-10-03-21\x04\r\n"
)


def test_a_framed_story_s_slug_is_skipped_and_its_dateline_takes_the_trailer_s_year() -> None:
    brief, said = _lenient(KYODO)
    assert brief.headline == "Ferry: Night sailings return to the northern route"
    assert brief.subheadline is None
    assert _paragraphs(brief)[0].startswith("KOBE, Japan, March 10 Kyodo - Night sailings")
    assert ("repair.wire-mark", 4) in said
    assert brief.created == datetime(2021, 3, 10, tzinfo=UTC)
    assert ("repair.date-from-text", 5) in said
    assert ("repair.date-only", 5) in said


def test_a_framed_story_s_keyword_lines_are_skipped() -> None:
    source = (
        "\x01xyz012 3 ec 121   etf 967\r\n\r\nHarbour\r\n"
        "\x02Situation\r\nHarbour:\r\nLe port rouvre ses quais lundi =\r\n \r\n"
        "   Example (ats) Le port rouvre.\r\n\x03101530 nov 20\r\n\x04"
    )
    brief, said = _lenient(source)
    assert brief.headline == "Le port rouvre ses quais lundi"
    assert brief.created == datetime(2020, 11, 10, 15, 30, tzinfo=UTC)
    assert ("repair.date-naive", 9) in said


# --------------------------------------------------------------------------------------
# What is not an envelope


@pytest.mark.parametrize(
    "source",
    [
        "G7 TALKS RESUME\n\nThe talks resumed on Tuesday.\n",
        "BC-Ferry-Night\n\nNight Sailings Return\n\nThey returned.\n",
        "Ferries Return to the Northern Route After Winter\nAgain\n\nThey returned.\n",
        "ZCZC XYZ\n\nThe talks resumed on Tuesday, the ministry said.\n",
    ],
)
def test_without_an_opening_or_a_headline_after_it_nothing_is_skipped(source: str) -> None:
    brief, said = _lenient(source)
    assert brief == bm.loads(source, "text")
    assert said == []


def test_a_headline_that_wraps_in_plain_text_is_joined_when_its_line_ends_in_a_blank() -> None:
    source = "Ferries Return to the Northern Route After a Long Winter \nAway\n\nThey did.\n"
    brief, said = _lenient(source)
    assert brief.headline == "Ferries Return to the Northern Route After a Long Winter Away"
    assert said == [("repair.headline-wrapped", 2)]


@pytest.mark.parametrize(
    "line",
    [
        "LONDON, March 3 - The talks went on.",
        "On 3 March 2020 the talks went on.",
        "3 March 2020 was a long day.",
        "The report of 3 March 2020, the ministry said.",
    ],
)
def test_a_date_inside_a_sentence_is_no_dateline(line: str) -> None:
    brief, said = _lenient(f"Talks Go On\n\n{line}\n")
    assert brief.created is text.UNDATED
    assert said == []


def test_a_date_given_by_the_caller_is_kept() -> None:
    when = datetime(2022, 1, 1, tzinfo=UTC)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bm.BriefmodelWarning)
        brief = text.read(IPTC, strict=False, created=when)
    assert brief.created == when


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ana Lee and Bo Chen, Example Press =", ["Ana Lee", "Bo Chen"]),
        ("BY KIM PARK", ["KIM PARK"]),
    ],
)
def test_a_wire_byline_gives_the_authors(line: str, names: list[str]) -> None:
    source = f"ZCZC NWS\nPier Reopens After Repairs\n{line}\n\nThe pier reopened today.\n"
    brief, said = _lenient(source)
    assert [a.name for a in brief.authors] == names
    assert ("repair.byline", 3) in said


def test_a_line_that_only_starts_with_by_is_no_byline() -> None:
    source = "ZCZC NWS\nPier Reopens After Repairs\nBy the harbour, crowds gathered.\n\nText.\n"
    brief, _ = _lenient(source)
    assert brief.authors == ()


def test_keyword_lines_above_a_headline_with_its_end_mark_are_skipped() -> None:
    source = (
        "\x01xyz013 3 ec 88   etf 968\r\n\x02Politique locale\r\nVille portuaire\r\n"
        "Le port rouvre ses quais lundi =\r\n \r\n   Example (ats) Le port rouvre.\r\n\x03\x04"
    )
    brief, said = _lenient(source)
    assert brief.headline == "Le port rouvre ses quais lundi"
    assert ("repair.headline-after-envelope", 4) in said


def test_a_source_line_before_the_end_of_message_is_a_source() -> None:
    brief, said = _lenient(IPTC.replace("NNNN", "SOURCE: Harbour Board of Example Bay\r\n\r\nNNNN"))
    assert brief.sources == (bm.Source(id="s1", title="Harbour Board of Example Bay"),)
    assert ("repair.source-lines", 13) in said


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("SYDNEY, 4 March 2021: The council approved the plan.", datetime(2021, 3, 4, tzinfo=UTC)),
        ("Tokyo, June 2, 2020 (ExampleWire) - Ships sailed.", datetime(2020, 6, 2, tzinfo=UTC)),
        ("October 13, 2015", datetime(2015, 10, 13, tzinfo=UTC)),
    ],
)
def test_a_press_release_s_dateline_or_date_line_gives_the_date(line: str, when: datetime) -> None:
    brief, said = _lenient(f"PRESS RELEASE\n\nCouncil Approves the Harbour Plan\n\n{line}\n")
    assert brief.created == when
    assert ("repair.date-from-text", 5) in said


def test_a_date_in_a_label_line_gives_the_date() -> None:
    source = "MEDIA RELEASE 3 March 2021\nLibrary Opens a Second Reading Room\n\nIt opens today.\n"
    brief, said = _lenient(source)
    assert brief.headline == "Library Opens a Second Reading Room"
    assert brief.created == datetime(2021, 3, 3, tzinfo=UTC)
    assert ("repair.date-from-text", 1) in said


def test_an_embargo_s_date_is_not_the_brief_s() -> None:
    source = "EMBARGOED UNTIL 5 May 2022\n\nLibrary Opens a Second Reading Room\n\nToday.\n"
    brief, _ = _lenient(source)
    assert brief.headline == "Library Opens a Second Reading Room"
    assert brief.created is text.UNDATED


@pytest.mark.parametrize(
    "headline", ["COVID-19 CASES RISE AGAIN", "FED HOLDS RATES AT 5.25 PCT", "G7 TALKS RESUME"]
)
def test_a_headline_in_capitals_with_figures_is_no_code_line(headline: str) -> None:
    brief, said = _lenient(f"ZCZC XYZ\n{headline}\n\nThe figures came out today.\n")
    assert brief.headline == headline
    assert said == [("repair.headline-after-envelope", 2)]
