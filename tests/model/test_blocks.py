"""The blocks: list items from strings and rich text."""

from __future__ import annotations

import briefmodel as bm


def test_list_items_accept_strings_and_rich_text() -> None:
    items = bm.ItemList(items=["one", ["two ", bm.Emphasis(content="now")]]).items
    assert items[0] == bm.ListItem(content="one")
    assert items[1].content == ("two ", bm.Emphasis(content=("now",)))
