"""The documents a command line names: files, directories walked recursively, glob
patterns and ``-`` for standard input, found lazily in the order given."""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import PurePath

import attrs

from ..errors import Problem
from ..formats import _described, by_name
from ._common import STDIO

_GLOB = re.compile(r"[*?\[]")


def _suffixes(source_format: str | None) -> frozenset[str]:
    """The suffixes of the files to pick from a directory: those of ``source_format``,
    else those any registered format of one brief per file that is read claims (a JSON
    Lines file or a feed, which holds many, is read when named, not picked from a folder;
    a PDF, written from a brief and not read, is not picked either, so that one written
    into a folder of briefs is not taken for a brief that fails to read)."""
    if source_format:
        return frozenset(by_name(source_format).suffixes)
    return frozenset(
        suffix
        for fmt in _described()
        if not (fmt.many or fmt.write_only)
        for suffix in fmt.suffixes
    )


def _claimed(name: str, suffixes: frozenset[str]) -> str | None:
    """The suffix of ``name`` (double first, as ``.ninjs.json``) that is in ``suffixes``."""
    path = PurePath(name)
    for suffix in ("".join(path.suffixes[-2:]).lower(), path.suffix.lower()):
        if suffix and suffix in suffixes:
            return suffix
    return None


def _unreadable(message: str) -> Problem:
    return Problem(severity="error", code="parse.unreadable", message=message)


#: What a file that is not a regular one is, by the test that tells it.
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_a_file(path: str) -> Problem | None:
    """Why ``path``, found in a directory or by a glob, is not read: it is not a
    regular file (reading a pipe would wait for a writer, a device might never end).
    ``None`` for a regular file, and for a path that cannot be examined (reading it
    says why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
    message = (
        f"{path} is {kind}, not a regular file: skipped (name it on the command line to read it)"
    )
    return Problem(severity="warning", code="input.skipped", message=message)


@attrs.frozen
class _Found:
    """A document to read: named on the command line, matched by a glob or found in a
    directory. ``name`` is where it goes below an output directory; ``problem`` says
    why there is nothing to read (a glob that matches nothing, an empty directory: an
    error), or why it is not read (a named pipe in a directory: a warning)."""

    path: str
    name: str
    problem: Problem | None = None


class _Sources:
    """The documents the command line names, found lazily in the order given.

    A directory is walked recursively (in name order, hidden files and folders left
    out, the output directory ``skip`` too) for files whose suffix a format claims; a
    glob pattern (one that names no file) is expanded, ``**`` included; anything else
    is a file, read or reported as unreadable. What a directory or a glob gives that is
    not a regular file (a named pipe, a socket, a device) is skipped with a warning
    (``input.skipped``); one named outright is read.
    """

    def __init__(self, names: Sequence[str], suffixes: frozenset[str], skip: str | None = None):
        self.suffixes = suffixes
        self.skip = os.path.realpath(skip) if skip else None
        self.roots: list[tuple[str, str, Sequence[str]]] = []  # (kind, path, matches)
        self.files: set[str] = set()  # real paths of the files named or matched
        self.folders: list[str] = []  # real paths of the directories walked
        for name in names:
            if name == STDIO:
                self.roots.append(("stdin", name, ()))
            elif os.path.isdir(name):
                self.roots.append(("dir", name, ()))
                self.folders.append(os.path.realpath(name))
            elif _GLOB.search(name) and not os.path.lexists(name):
                matches = sorted(glob.glob(name, recursive=True))
                self.roots.append(("glob", name, matches))
                for match in matches:
                    if os.path.isdir(match):
                        self.folders.append(os.path.realpath(match))
                    else:
                        self.files.add(os.path.realpath(match))
            else:
                self.roots.append(("file", name, ()))
                self.files.add(os.path.realpath(name))

    @property
    def batch(self) -> bool:
        """Whether there is more than one document, or may be."""
        return len(self.roots) > 1 or any(kind in ("dir", "glob") for kind, _, _ in self.roots)

    def __iter__(self) -> Iterator[_Found]:
        for kind, path, matches in self.roots:
            if kind in ("stdin", "file"):
                yield _Found(path, os.path.basename(path))
            elif kind == "dir":
                yield from self._walk(path, path)
            else:
                yield from self._matches(path, matches)

    def _matches(self, pattern: str, matches: Sequence[str]) -> Iterator[_Found]:
        if not matches:
            yield _Found(pattern, pattern, _unreadable(f"no file matches {pattern}"))
            return
        parts = PurePath(pattern).parts
        fixed = parts[: next(i for i, part in enumerate(parts) if _GLOB.search(part))]
        base = os.path.join(*fixed) if fixed else os.curdir
        for match in matches:
            if os.path.isdir(match):
                yield from self._walk(match, base)
            else:
                yield _Found(match, os.path.relpath(match, base), _not_a_file(match))

    def _walk(self, top: str, base: str) -> Iterator[_Found]:
        errors: list[OSError] = []
        found = False
        for folder, folders, files in os.walk(top, onerror=errors.append):
            folders[:] = sorted(
                name
                for name in folders
                if not name.startswith(".") and not self._skipped(os.path.join(folder, name))
            )
            for name in sorted(files):
                if name.startswith(".") or not _claimed(name, self.suffixes):
                    continue
                path = os.path.join(folder, name)
                found = True
                yield _Found(path, os.path.relpath(path, base), _not_a_file(path))
            yield from self._failures(errors)
        yield from self._failures(errors)
        if not found and not errors:
            claimed = ", ".join(sorted(self.suffixes))
            message = f"no document in {top} (no file ending in {claimed})"
            yield _Found(top, top, _unreadable(message))

    def _failures(self, errors: list[OSError]) -> Iterator[_Found]:
        while errors:
            error = errors.pop(0)
            where = str(error.filename)
            message = f"cannot read {where}: {error.strerror or error}"
            yield _Found(where, where, _unreadable(message))

    def _skipped(self, folder: str) -> bool:
        return self.skip is not None and os.path.realpath(folder) == self.skip

    def holds(self, path: str) -> bool:
        """Whether the existing file ``path`` is one of the documents named or found."""
        if not os.path.lexists(path):
            return False
        real = os.path.realpath(path)
        if real in self.files:
            return True
        for folder in self.folders:
            if not real.startswith(folder.rstrip(os.sep) + os.sep):
                continue
            inside = PurePath(os.path.relpath(real, folder)).parts
            parents = [os.path.join(folder, *inside[:i]) for i in range(1, len(inside))]
            if (
                not any(part.startswith(".") for part in inside)
                and not any(self._skipped(parent) for parent in parents)
                and _claimed(inside[-1], self.suffixes)
            ):
                return True
        return False
