"""Text made safe to print: what a terminal would act on is escaped, nothing else, and a
file name shown quoted reads back to the name itself."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from briefmodel.cli._terminal import UNSAFE, shown_name, shown_text


def test_every_control_character_and_bidi_control_is_escaped() -> None:
    controls = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"]
    bidi = [chr(c) for c in (0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    for character in [*controls, *bidi, "\u2028", "\u2029", "\ud800", "\udfff"]:
        assert UNSAFE.fullmatch(character), f"U+{ord(character):04X}"
        assert not UNSAFE.search(shown_text(character)), f"U+{ord(character):04X}"


def test_text_a_terminal_shows_is_left_as_it_is() -> None:
    for text in ("Tromsø", "ناقل", "東京", "a b", "C:\\briefs\\a.json", "emoji 👍🏽", "ZWJ \u200d"):
        assert shown_text(text) == text
        assert shown_name(text) == text


@given(st.text(max_size=40))
def test_a_name_reads_back_and_holds_nothing_a_terminal_acts_on(name: str) -> None:
    shown = shown_name(name)
    assert not UNSAFE.search(shown)
    if shown != name:
        assert json.loads(shown) == name
    else:
        assert not shown.startswith('"')
