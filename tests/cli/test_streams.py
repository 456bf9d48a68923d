"""Standard streams: standard input read once however often ``-`` is named and no
further than the limit, standard output without a byte buffer, and every failed write
to standard output or error (a full disk, a closed pipe or descriptor) one message and
status 1, never a traceback; output files that cannot be written likewise."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from pathlib import Path
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


# --------------------------------------------------------------------------------------
# Standard output and error: a failed write is one message


def _big() -> None:
    paragraphs = [bm.Paragraph(content="Crews walked out at dawn. " * 40) for _ in range(400)]
    write("big.json", make_brief(sections=[bm.Section(blocks=paragraphs)]))


_PRINTING = [
    ["convert", "big.json", "-o", "-", "-t", "html"],
    ["convert", "big.json"],
    ["validate", "big.json"],
    ["validate", "--report", "json", "big.json"],
    ["validate", "--report", "github", "big.json"],
    ["formats"],
    ["formats", "--report", "json"],
    ["schema"],
    ["schema", "newsml"],
    ["--help"],
    ["validate", "--help"],
    ["--version"],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", _PRINTING)
def test_a_full_standard_output_is_one_message(argv: list[str]) -> None:
    _big()
    with open("/dev/full", "wb") as full:
        done = run_cli(*argv, stdout=full.fileno())
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "briefmodel: error: cannot write standard output: No space left on device\n"
    )


@pytest.mark.parametrize("argv", _PRINTING)
def test_a_closed_standard_output_is_one_message(argv: list[str]) -> None:
    _big()
    done = run_cli(*argv, preexec=_close(1))
    assert done.returncode == 1
    assert done.stderr.decode() == "briefmodel: error: cannot write standard output: it is closed\n"


@pytest.mark.parametrize("argv", [["validate", "-q", "big.json"], ["validate", "no.json"]])
def test_a_closed_standard_output_after_nothing_was_printed(argv: list[str]) -> None:
    _big()
    done = run_cli(*argv, preexec=_close(1))
    assert done.returncode == (0 if "-q" in argv else 1)
    if "-q" not in argv:
        assert done.stderr == b"briefmodel: error: cannot write standard output: it is closed\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["convert", "no.json", "-o", "out.json"], 1),  # the error goes to standard error
        (["convert", "in/b0.json", "-o", "out.txt", "--strict"], 1),
        (["convert", "in/b0.json", "-o", "out.txt"], 0),  # losses as warnings
        (["convert", "in", "-o", "out", "-t", "html"], 1),  # problems and summary
        (["convert", "in", "-o", "out", "-t", "html", "--jobs", "2", "--progress"], 1),
        (["convert", "in", "-o", "-", "-t", "html"], 2),  # a usage error
        (["validate", "--no-such-option"], 2),  # argparse's usage error
    ],
)
def test_standard_error_that_cannot_be_written_is_given_up_on(argv: list[str], status: int) -> None:
    """Nothing can say that standard error failed: the command goes on (its outputs
    written) and exits with its own status, without a traceback or a hang."""
    for index in range(3):
        write(f"in/b{index}.json", make_brief())
    Path("in/bad.json").write_text("{")
    with open("/dev/full", "wb") as full:
        done = run_cli(*argv, preexec=lambda: os.dup2(full.fileno(), 2))
    assert (done.returncode, done.stdout) == (status, b"")
    done = run_cli(*argv, preexec=_close(2))
    assert (done.returncode, done.stdout) == (status, b"")
    if "out" in argv:
        assert sorted(os.listdir("out")) == ["b0.html", "b1.html", "b2.html"]


# --------------------------------------------------------------------------------------
# Output files


def _device(name: str, minor: int) -> Path:
    """``/dev/NAME`` (full is 1:7): as root a node of this test's own, so that a bug that
    replaced it would replace nothing that matters; else the real one, which nobody
    but root could replace."""
    device = Path(name)
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (OSError, AttributeError):
        if os.geteuid() == 0 or not os.path.exists(f"/dev/{name}"):
            pytest.skip(f"no /dev/{name} to write into")
        return Path(f"/dev/{name}")
    return device


@pytest.mark.parametrize("argv", [["convert", "in.json", "-t", "json", "-o"], ["schema", "-o"]])
def test_a_device_as_the_output_is_one_message_and_stays(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """As root, the old code replaced /dev/full itself by a regular file."""
    write("in.json", make_brief())
    device = _device("full", 7)
    assert main([*argv, str(device)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("briefmodel: error: ")
    assert err.count("\n") == 1
    assert "output.not-a-file" in err
    assert stat.S_ISCHR(os.stat(device).st_mode)  # not replaced


@pytest.mark.parametrize(
    ("output", "why"),
    [("missing/out.json", "No such file or directory"), ("in.json/out.json", "Not a directory")],
)
def test_an_output_file_that_cannot_be_made_is_one_message(
    output: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("in.json", make_brief())
    assert main(["convert", "in.json", "-t", "json", "-o", output]) == 1
    assert capsys.readouterr() == ("", f"briefmodel: error: cannot write {output}: {why}\n")


def test_a_disk_that_fills_up_leaves_the_old_file_and_no_temporary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    write("in.json", make_brief())
    Path("out.xml").write_text("old")
    monkeypatch.setattr(_files.os, "fsync", full)
    assert main(["convert", "in.json", "-o", "out.xml"]) == 1
    assert capsys.readouterr().err == (
        "briefmodel: error: cannot write out.xml: No space left on device\n"
    )
    assert sorted(os.listdir(".")) == ["in.json", "out.xml"]
    assert Path("out.xml").read_text() == "old"


def test_a_read_only_folder_is_one_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:  # creating a file: the temporary of an output
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    write("in.json", make_brief())
    monkeypatch.setattr(os, "open", read_only)
    assert main(["convert", "in.json", "-o", "out.xml"]) == 1
    assert (
        capsys.readouterr().err
        == "briefmodel: error: cannot write out.xml: Read-only file system\n"
    )
    assert main(["schema", "newsml", "-o", "xsd/"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefmodel: error: cannot write xsd/newsml-profile.xsd: Read-only")
