"""Standard streams: standard input read once however often ``-`` is named and no
further than the limit, and standard output without a byte buffer."""

from __future__ import annotations

import io
import os
import sys
from typing import Any

import pytest

import briefmodel as bm
from briefmodel import _files
from briefmodel.cli import main

from ._support import feed_stdin, make_brief, run_cli, write


def test_stdin_named_twice_is_read_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, bm.dumps(make_brief()).encode())
    assert main(["validate", "-", "-"]) == 0
    assert capsys.readouterr().out == "2 files, 0 invalid, 0 warnings\n"


def test_stdout_without_a_byte_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    write("in.json", make_brief())
    assert main(["convert", "in.json"]) == 0
    assert out.getvalue() == bm.dumps(make_brief()) + "\n"


# --------------------------------------------------------------------------------------
# Standard input: bounded


class _Endless(io.RawIOBase):
    """Standard input without end as far as a reader can tell (``< /dev/zero``; it does
    end after 100 MB, so that a reader without a limit fails the test instead of
    filling the memory), counting the bytes it gives."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), 100_000_000 - self.given)
        buffer[:size] = b"0" * size
        self.given += size
        return size


class _EndlessStdin:
    def __init__(self) -> None:
        self.buffer = _Endless()


@pytest.mark.parametrize("argv", [["validate", "-f", "json", "-"], ["convert", "-", "-f", "text"]])
def test_endless_stdin_is_read_one_byte_past_the_limit(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_files, "MAX_BYTES", 100_000)
    stdin = _EndlessStdin()
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(argv) == 1
    assert stdin.buffer.given == 100_001
    out, err = capsys.readouterr()
    line = "<stdin>: /: error parse.too-large: standard input holds over 100,000 bytes"
    assert line in out + err
    assert "Traceback" not in out + err


def test_text_stdin_is_bounded_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_files, "MAX_BYTES", 1000)
    monkeypatch.setattr("briefmodel.cli._streams.MAX_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.StringIO("x" * 1001))
    assert main(["validate", "-f", "text", "-", "-"]) == 1  # read once, reported twice
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == lines[1]
    assert "standard input holds over 1,000 characters" in lines[0]


def _bounded_memory() -> None:
    """In the child: at most 1 GiB of address space, where an unbounded read of
    /dev/zero dies with MemoryError (briefmodel itself needs a few hundred MiB)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS bounds memory on Linux")
@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["validate", "-f", "json", "-"], "<stdin>"),
        (["validate", "-"], "<stdin>"),
        (["convert", "-", "-f", "text"], "<stdin>"),
        (["validate", "/dev/zero"], "/dev/zero"),
        (["convert", "/dev/zero", "-f", "text"], "/dev/zero"),
    ],
)
def test_dev_zero_is_refused_in_bounded_memory(argv: list[str], shown: str) -> None:
    with open("/dev/zero", "rb") as zero:
        done = run_cli(*argv, stdin=zero.fileno(), preexec=_bounded_memory)
    output = (done.stdout + done.stderr).decode()
    assert done.returncode == 1, output
    assert f"{shown}: /: error parse.too-large: " in output
    assert "Traceback" not in output
    assert "MemoryError" not in output


def _close(fd: int) -> Any:
    return lambda: os.close(fd)


def test_closed_stdin_is_unreadable_input() -> None:
    done = run_cli("validate", "-", preexec=_close(0))
    assert done.returncode == 1
    assert done.stdout.decode().splitlines() == [
        "<stdin>: /: error parse.unreadable: cannot read standard input: it is closed",
        "1 file, 1 invalid, 0 warnings",
    ]
    assert done.stderr == b""
    done = run_cli("convert", "-", preexec=_close(0))
    assert done.returncode == 1
    assert b"cannot read standard input: it is closed" in done.stderr
    assert b"Traceback" not in done.stderr
