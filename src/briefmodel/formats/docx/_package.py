"""The Word file around the text: python-docx imported when it is needed (an
:class:`~briefmodel.OptionError` naming the extra when it is missing), an untrusted file
checked before python-docx opens it (a zip, not too large, no bomb, no DTD), the bytes
written again in a fixed order with fixed dates, and the custom XML part that carries
the brief briefmodel wrote."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from typing import Any

from ...errors import ParseError, Problem
from .._extras import extra

#: The namespaces of WordprocessingML and of the package's relationships.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: The namespace of the custom XML part that carries the brief briefmodel wrote.
BRIEF_NS = "urn:briefmodel:docx:1"
BRIEF_TAG = f"{{{BRIEF_NS}}}brief"
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

#: Files larger than this are refused before they are opened.
MAX_BYTES = 64 * 1024 * 1024
#: What a file's parts may hold once unpacked, in all: more is a zip bomb.
MAX_UNPACKED = 256 * 1024 * 1024
#: How many parts a file may have.
MAX_PARTS = 10_000
#: The code of a file that is not a Word document (or not one that can be read).
NOT_DOCX = "parse.not-docx"

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_WIDE = re.compile(rb"<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E|\x00<\x00!\x00D\x00O\x00C")


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")``."""
    return f"{{{W}}}{name}"


def docx_module() -> Any:
    """python-docx, imported; an :class:`~briefmodel.OptionError` without it."""
    return extra("docx", needs="the docx format needs python-docx", name="docx")


def refuse(message: str, code: str = NOT_DOCX) -> ParseError:
    """A :class:`~briefmodel.ParseError` saying why a file cannot be read."""
    return ParseError(Problem(severity="error", code=code, message=message))


def checked(data: bytes) -> zipfile.ZipFile:
    """The zip of a Word file, checked before python-docx reads it: a zip of at most
    :data:`MAX_PARTS` parts, whose parts unpack to at most :data:`MAX_UNPACKED` bytes
    (zipfile stops each part at the size it declares), with a main document and no part
    that declares a DTD."""
    if len(data) > MAX_BYTES:
        raise refuse(
            f"the file is {len(data):,} bytes; the limit is {MAX_BYTES:,}", "parse.too-large"
        )
    if not data.startswith(b"PK"):
        raise refuse("the file is not a Word document (a .docx is a zip file, and this is not one)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as error:
        raise refuse(f"the file is not a readable zip file ({error})") from None
    if len(entries) > MAX_PARTS:
        raise refuse(
            f"the file has {len(entries):,} parts; the limit is {MAX_PARTS:,}", "parse.too-large"
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        raise refuse(
            f"the file's parts unpack to {unpacked:,} bytes; the limit is {MAX_UNPACKED:,} "
            "(a zip bomb, or a document too large to read)",
            "parse.too-large",
        )
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise refuse("the zip file is not a Word document: it has no [Content_Types].xml")
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            head = _read(archive, entry)[:4096]
            if _DOCTYPE.search(head) or _WIDE.search(head):
                raise refuse(
                    f"the part {entry.filename} declares a DTD, which is refused (it could "
                    "expand without bound or read local files)",
                    "parse.doctype",
                )
    return archive


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(entry)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, EOFError) as error:
        raise refuse(f"the part {entry.filename} cannot be unpacked ({error})") from None
    except Exception as error:  # noqa: BLE001 - zlib.error and the like: a broken file
        raise refuse(f"the part {entry.filename} cannot be unpacked ({error})") from None


def opened(data: bytes) -> Any:
    """The python-docx ``Document`` of a checked file; a ParseError when python-docx
    cannot read it (it raises many kinds of exception for files it cannot read)."""
    docx = docx_module()
    checked(data)
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:
        if "not a Word file" in str(error):
            raise refuse(f"the file is not a Word document ({error})") from None
        raise refuse(f"the Word document cannot be read ({error})") from None
    except Exception as error:  # noqa: BLE001 - python-docx's KeyError, XMLSyntaxError …
        if _STRICT_OOXML in data[:65536] or _STRICT_OOXML in _rels(data):
            raise refuse(
                "the document is in the Strict form of Office Open XML (ISO/IEC 29500 "
                "Strict), which python-docx cannot read: save it from Word as a Word "
                "Document (.docx) first"
            ) from None
        name = type(error).__name__
        raise refuse(f"the Word document cannot be read ({name}: {error})") from None


#: The namespace of Strict Office Open XML's relationships, which python-docx cannot read.
_STRICT_OOXML = b"http://purl.oclc.org/ooxml/officeDocument/relationships"


def _rels(data: bytes) -> bytes:
    """The package's relationships part (``_rels/.rels``), or nothing."""
    try:
        return zipfile.ZipFile(io.BytesIO(data)).read("_rels/.rels")[:65536]
    except Exception:  # noqa: BLE001 - checked already; nothing more to tell
        return b""


#: The parts first in the zip, in this order: a sniffer sees a Word file's names early.
_FIRST = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def repacked(data: bytes, when: datetime | None) -> bytes:
    """The zip python-docx wrote, written again the same way every time: its parts in a
    fixed order, each dated ``when`` (the brief's date in UTC; 1980-01-01 when undated)."""
    stamp = _zip_time(when)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = [name for name in _FIRST if name in names]
    order += [name for name in names if name not in _FIRST]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()


def _zip_time(when: datetime | None) -> tuple[int, int, int, int, int, int]:
    if when is None:
        return (1980, 1, 1, 0, 0, 0)
    utc = when.astimezone(timezone.utc)
    if utc.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if utc.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second // 2 * 2)
