"""The NewsML-G2 reader's body: the ``contentSet``'s XHTML or NITF ``inlineXML`` (by the
shared XHTML body reader) or its plain-text ``inlineData``; and, reading other producers'
items leniently, an ``inlineXML`` in a vocabulary that is neither (a producer's own
``<BODY><TEXT><P>``…) read as paragraphs of its text (``repair.body-as-text``).

Read as text, each element that holds text of its own (not only white space between its
children) is a paragraph of all its text, its children's included; an element named as a
heading (``h1``–``h6``, NITF's ``hl1`` and ``hl2``, ``heading``, ``title``) starts a
section with that title instead; the others are opened in place. A first paragraph that
repeats the headline is not read again.
"""

from __future__ import annotations

import re

from lxml import etree

from ...model import Paragraph, Section
from .._agency import BODY_AS_TEXT
from .._safe_xml import all_text, local_name
from .._xhtml.read import knows_root
from ._lenient import _Repairs

#: Element names (in any case) that title a section when a body is read as text.
_HEADING_NAMES = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "heading", "subheading", "title"}
)


class _Body(_Repairs):
    """The item reader's rules for the body."""

    def content_set(self, element: etree._Element) -> tuple[Section, ...]:
        self.lose_stray_text(element)
        sections: list[Section] = []
        for child in element:
            kind = child.get("contenttype", "")
            local = local_name(child.tag)
            if sections:
                self.lose(child, f"another <{local}> ({kind})", keep=False)
            elif local == "inlineXML" and len(child):
                if self.repairs and not knows_root(child[0], self.plain_namespaces):
                    sections = self.text_body(child[0])
                else:
                    sections = self.xml_body(child[0])
                for extra in list(child)[1:]:
                    self.lose(extra, f"a second body <{local_name(extra.tag)}>", keep=False)
            elif local == "inlineData" and kind.startswith("text/plain"):
                paragraphs = [p for p in re.split(r"\n\s*\n", child.text or "") if p.strip()]
                sections = [
                    Section(blocks=[Paragraph(content=" ".join(p.split())) for p in paragraphs])
                ]
            else:
                self.lose(child, f"<{local}> content ({kind or 'no content type'})", keep=False)
        return tuple(sections)

    def text_body(self, root: etree._Element) -> list[Section]:
        """A body in a vocabulary the reader does not know, read as paragraphs of its
        text (and sections under the elements named as headings), with a repair."""
        sections: list[Section] = []
        title: str | None = None
        blocks: list[Paragraph] = []
        count = 0
        stack = [root]
        while stack:
            element = stack.pop()
            if not isinstance(element.tag, str):
                continue
            if not _holds_text(element):
                stack.extend(reversed(element))
                continue
            text = " ".join(all_text(element).split())
            if local_name(element.tag).lower() in _HEADING_NAMES:
                if title is not None or blocks:
                    sections.append(Section(title=title, blocks=blocks))
                title, blocks = text, []
            elif count or title is not None or text != self.headline:
                blocks.append(Paragraph(content=text))
            count += 1
        if title is not None or blocks:
            sections.append(Section(title=title, blocks=blocks))
        message = (
            f"the body <{local_name(root.tag)}> is in a vocabulary that is neither XHTML nor "
            f"NITF: its text is read as {sum(len(s.blocks) for s in sections)} paragraph(s)"
        )
        self.repair(root, BODY_AS_TEXT, message)
        return sections


def _holds_text(element: etree._Element) -> bool:
    """Whether ``element`` holds text of its own, not only white space between its
    children."""
    if (element.text or "").strip():
        return True
    return any((child.tail or "").strip() for child in element)
