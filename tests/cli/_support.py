"""What the command-line tests share: small briefs (valid, with a warning, invalid),
files and folders of them written into the test's directory, and the command run as a
program (with its streams closed, full or bounded in memory)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm

__all__ = [
    "CREATED",
    "feed_stdin",
    "make_brief",
    "make_tree",
    "run_cli",
    "with_empty_section",
    "with_unknown_source",
    "write",
]


CREATED = datetime(2026, 4, 7, 8, 30, tzinfo=timezone.utc)


def make_brief(**changes: object) -> bm.Brief:
    """A small valid brief with non-ASCII text, a link, a mention and a citation."""
    fields: dict[str, object] = {
        "id": "urn:example:brief:ferry-strike",
        "headline": "Ferry crews in Tromsø vote to strike",
        "created": CREATED,
        "sections": [
            bm.Section(
                title="Key Points",
                role="key-points",
                blocks=[bm.ItemList(items=["Sailings stop on Monday", "Talks resume Thursday"])],
            ),
            bm.Section(
                title="Background",
                blocks=[
                    bm.Paragraph(
                        content=[
                            "The ",
                            bm.Mention(ref="union", content=["crew union"]),
                            " rejected the offer",
                            bm.Citation(ref="s1"),
                            ". Details: ",
                            bm.Link(href="https://example.org/offer", content=["the offer"]),
                            ".",
                        ]
                    )
                ],
            ),
        ],
        "entities": [bm.Entity(id="union", kind="organization", name="Crew Union")],
        "sources": [bm.Source(id="s1", title="Union statement", url="https://example.org/s")],
    }
    fields.update(changes)
    return bm.Brief(**fields)  # type: ignore[arg-type]


def with_empty_section() -> bm.Brief:
    """A valid brief that draws one warning: its third section is empty."""
    brief = make_brief()
    return make_brief(sections=[*brief.sections, bm.Section(title="Outlook")])


def with_unknown_source() -> bm.Brief:
    """An invalid brief: the first item of the key points cites a source that is not there."""
    return make_brief(
        sections=[
            bm.Section(
                blocks=[bm.ItemList(items=[["Sailings stop", bm.Citation(ref="s9")]])],
            )
        ]
    )


def write(name: str, brief: bm.Brief, indent: int | None = None) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(bm.dumps(brief, indent=indent), encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def make_tree() -> None:
    """briefs/ with a valid brief, a brief with a warning, one in a sub-folder as
    NewsML-G2, and files a directory walk leaves out."""
    Path("briefs/sub").mkdir(parents=True)
    Path("briefs/.hidden").mkdir()
    write("briefs/a.json", make_brief(id="urn:example:a"))
    write("briefs/b.json", with_empty_section())
    Path("briefs/sub/c.xml").write_text(bm.dumps(make_brief(id="urn:example:c"), "newsml"))
    Path("briefs/notes.data").write_text("not a brief, and no format claims .data")
    write("briefs/.hidden/d.json", with_unknown_source())
    write("briefs/.e.json", with_unknown_source())


def run_cli(
    *args: str,
    stdin: int | bytes | None = None,
    stdout: int = subprocess.PIPE,
    preexec: Callable[[], None] | None = None,
    **env: str,
) -> subprocess.CompletedProcess[bytes]:
    """``python -m briefmodel ARGS`` in the test's directory; ``stdin`` is bytes or a
    file descriptor; ``preexec`` runs in the child (to close a descriptor or bound its
    memory). The timeout is far beyond what the command takes, to catch a hang only."""
    given: dict[str, Any] = {"input": stdin} if isinstance(stdin, bytes) else {"stdin": stdin}
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=120,
        env={**os.environ, **env},
        preexec_fn=preexec,
        check=False,
        **given,
    )
