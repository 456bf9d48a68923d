"""Reading files and streams no further than the limit (a device, a pipe, a file too
large), and writing files in full or not at all, and never through a symbolic link:
whatever is at the output (a link, dangling or not, a pipe, a device), whatever is
inside an output folder (a link to a folder elsewhere, put there before or during the
write), and whatever signal arrives meanwhile."""

from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel import _files

from .formats.json._support import MODEL_EXAMPLE

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX links, modes and signals")


@pytest.fixture(params=["dir_fd", "by_path"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of writing: through open folders (POSIX), and path by path (elsewhere)."""
    if request.param == "by_path":
        monkeypatch.setattr(_files, "_DIR_FD", False)
    elif not _files._DIR_FD:  # pragma: no cover - Windows
        pytest.skip("folders cannot be held open here")
    return str(request.param)


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_an_interrupted_dump_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    target = tmp_path / "brief.json"
    target.write_text("old", "utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        bm.dump(bm.loads(MODEL_EXAMPLE), target)
    assert target.read_text("utf-8") == "old"
    assert os.listdir(tmp_path) == ["brief.json"]


@posix
def test_the_mode_of_the_file_replaced_is_kept(tmp_path: Path, way: str) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    _files.write_atomically(real, b"new")
    assert real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o027)
    try:
        _files.write_atomically(tmp_path / "new.json", b"new")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640  # not a temporary's 0600


@posix
@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlink_at_the_output_is_refused_not_followed(
    tmp_path: Path, dangling: bool, way: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    real = outside / "real.json"
    if not dangling:
        real.write_text("keep me", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(bm.WriteError) as caught:
        bm.dump(bm.loads(MODEL_EXAMPLE), link)
    assert caught.value.problem.code == "output.symlink"
    assert [p.code for p in caught.value.problems] == ["output.symlink"]
    assert f"{link} is a symbolic link" in str(caught.value)
    assert isinstance(caught.value, OSError)  # as every failure to write is
    assert caught.value.filename == str(link)
    assert link.is_symlink()
    assert _listing(outside) == ([] if dangling else ["real.json"])
    if not dangling:
        assert real.read_text("utf-8") == "keep me"
    assert sorted(os.listdir(tmp_path)) == ["link.json", "outside"]  # no temporary left


@posix
def test_a_named_pipe_at_the_output_is_refused(tmp_path: Path, way: str) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(bm.WriteError) as caught:
        _files.write_atomically(pipe, b"{}")
    assert caught.value.problem.code == "output.not-a-file"
    assert "is a named pipe" in caught.value.problem.message
    assert pipe.is_fifo()  # not replaced by a regular file
    assert os.listdir(tmp_path) == ["pipe.json"]


def test_a_directory_at_the_output_is_an_os_error(tmp_path: Path, way: str) -> None:
    (tmp_path / "a.json").mkdir()
    with pytest.raises(IsADirectoryError):
        _files.write_atomically(tmp_path / "a.json", b"{}")
    with pytest.raises(IsADirectoryError):
        _files.write_atomically(f"{tmp_path}{os.sep}", b"{}")


@posix
def test_the_folders_named_are_followed(tmp_path: Path, way: str) -> None:
    """A link among the folders the caller names is theirs to name (``/tmp`` is one on
    some systems): only the file itself, and what lies below a ``root``, is checked."""
    (tmp_path / "real").mkdir()
    (tmp_path / "named").symlink_to("real")
    _files.write_atomically(tmp_path / "named" / "a.json", b"1")
    _files.write_atomically(tmp_path / "named" / "sub" / "b.json", b"2", root=tmp_path / "named")
    assert (tmp_path / "real" / "a.json").read_bytes() == b"1"
    assert (tmp_path / "real" / "sub" / "b.json").read_bytes() == b"2"


def test_below_a_root_missing_folders_are_created(tmp_path: Path, way: str) -> None:
    root = tmp_path / "out"
    _files.write_atomically(root / "a" / "b" / "c.json", b"{}", root=root, sync=False)
    assert (root / "a" / "b" / "c.json").read_bytes() == b"{}"
    (root / "file").write_text("")
    with pytest.raises(NotADirectoryError):
        _files.write_atomically(root / "file" / "d.json", b"{}", root=root)


@posix
def test_a_linked_folder_below_a_root_is_refused(tmp_path: Path, way: str) -> None:
    root, outside = tmp_path / "out", tmp_path / "outside"
    (root / "a").mkdir(parents=True)
    outside.mkdir()
    (root / "a" / "sub").symlink_to(outside)
    (root / "dangling").symlink_to(tmp_path / "nowhere")
    for target in (root / "a" / "sub" / "x.json", root / "dangling" / "y" / "z.json"):
        with pytest.raises(bm.WriteError) as caught:
            _files.write_atomically(target, b"{}", root=root)
        assert caught.value.problem.code == "output.symlink"
        assert "on the way to" in caught.value.problem.message
    assert _listing(outside) == []
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("name", ["../x.json", "a/../../x.json", "a/..", "."])
def test_an_output_outside_its_root_is_refused(tmp_path: Path, name: str, way: str) -> None:
    root = tmp_path / "out"
    root.mkdir()
    with pytest.raises(bm.WriteError) as caught:
        _files.write_atomically(os.path.join(root, name), b"{}", root=root)
    assert caught.value.problem.code == "output.outside"
    assert _listing(tmp_path) == ["out"]


@posix
def test_a_folder_swapped_for_a_link_during_the_write_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race a check by path loses: the folder is checked, then replaced by a link
    to elsewhere before the file is written into it. Held open, it cannot be."""
    if not _files._DIR_FD:  # pragma: no cover - Windows
        pytest.skip("folders cannot be held open here")
    root, outside = tmp_path / "out", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    enter = _files._enter

    def swapped(parent: int, name: str, shown: str, path: str) -> int:
        fd = enter(parent, name, shown, path)
        os.rename(root / "sub", root / "moved")  # the attacker's move, just after the check
        (root / "sub").symlink_to(outside)
        return fd

    monkeypatch.setattr(_files, "_enter", swapped)
    _files.write_atomically(root / "sub" / "a.json", b"{}", root=root)
    assert _listing(outside) == []
    assert (root / "moved" / "a.json").read_bytes() == b"{}"


@posix
def test_a_link_put_at_the_output_during_the_write_is_refused_or_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.json").write_text("keep me", "utf-8")
    target = tmp_path / "a.json"
    fsync = os.fsync

    def link_meanwhile(fd: int) -> None:
        fsync(fd)
        target.symlink_to(outside / "victim.json")

    monkeypatch.setattr(_files.os, "fsync", link_meanwhile)
    with pytest.raises(bm.WriteError):
        _files.write_atomically(target, b"new")
    assert (outside / "victim.json").read_text("utf-8") == "keep me"
    assert sorted(os.listdir(tmp_path)) == ["a.json", "outside"]


def test_a_long_name_gets_a_temporary_name_that_fits(tmp_path: Path, way: str) -> None:
    target = tmp_path / ("é" * 120 + ".json")  # 245 bytes: .NAME.RANDOM.tmp would be over 255
    _files.write_atomically(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert os.listdir(tmp_path) == [target.name]


@posix
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_takes_effect_once_the_file_is_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int, way: str
) -> None:
    class Stopped(Exception):
        pass

    def stop(number: int, frame: object) -> None:
        raise Stopped(number)

    target = tmp_path / "brief.json"
    target.write_text("old", "utf-8")
    fsync = os.fsync

    def signalled(fd: int) -> None:
        os.kill(os.getpid(), signum)  # half-way through the write
        fsync(fd)

    monkeypatch.setattr(_files.os, "fsync", signalled)
    previous = signal.signal(signum, stop)
    try:
        with pytest.raises(Stopped):
            _files.write_atomically(target, b"new")
    finally:
        signal.signal(signum, previous)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["brief.json"]


@posix
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_another_thread_receives_also_waits_for_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    # In a process with other threads (an application, a test runner's worker) the kernel
    # may give the signal to one that does not block it; Python then runs the handler in
    # the main thread at once, half-way through the write, unless the handler waits too.
    class Stopped(Exception):
        pass

    def stop(number: int, frame: object) -> None:
        raise Stopped(number)

    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    target = tmp_path / "brief.json"
    target.write_text("old", "utf-8")
    fsync = os.fsync

    def signalled(fd: int) -> None:
        signal.pthread_kill(other.ident or 0, signum)  # to the thread that does not block it
        time.sleep(0.05)  # the main thread's next bytecodes would run the handler
        fsync(fd)

    monkeypatch.setattr(_files.os, "fsync", signalled)
    previous = signal.signal(signum, stop)
    try:
        with pytest.raises(Stopped):
            _files.write_atomically(target, b"new")
    finally:
        signal.signal(signum, previous)
        release.set()
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["brief.json"]


# --------------------------------------------------------------------------------------
# Reading: never more than the limit, whatever the file is


class _Endless(io.RawIOBase):
    """A stream without end as far as a reader can tell (as /dev/zero or a runaway
    pipe: it does end after 100 MB, so that a reader without a limit fails the test
    instead of filling the memory), counting what is read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), 100_000_000 - self.given)
        buffer[:size] = b" " * size
        self.given += size
        return size


def test_an_endless_stream_is_read_one_byte_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_files, "MAX_BYTES", 5000)
    monkeypatch.setattr(_files, "_CHUNK", 1024)
    stream = _Endless()
    with pytest.raises(bm.ParseError) as caught:
        _files.read_limited(stream, "the pipe")  # type: ignore[arg-type]
    assert stream.given == 5001
    (problem,) = caught.value.problems
    assert problem.code == "parse.too-large"
    assert problem.message == (
        "the pipe holds over 5,000 bytes (64 MiB), the most a document may hold"
    )


def test_a_stream_at_the_limit_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_files, "MAX_BYTES", 5000)
    monkeypatch.setattr(_files, "_CHUNK", 1024)
    assert _files.read_limited(io.BytesIO(b"x" * 5000), "s") == b"x" * 5000
    assert _files.read_limited(io.BytesIO(b""), "s") == b""


def test_a_regular_file_over_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_files, "MAX_BYTES", 5000)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 5001)
    with pytest.raises(bm.ParseError) as caught:
        bm.load(big)
    assert [p.code for p in caught.value.problems] == ["parse.too-large"]
    assert "big.json is too large: 5,001 bytes, and a document may hold at most 5,000" in str(
        caught.value
    )


_READ_DEV_ZERO = """
import resource, sys
import briefmodel as bm
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # an unbounded read dies
try:
    bm.load("/dev/zero", "json")
except bm.ParseError as error:
    print(error.problems[0].code, error.problems[0].message)
print(*(str(p) for p in bm.validate(Path("/dev/zero")).problems))
"""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS bounds memory on Linux")
def test_a_device_without_end_is_too_large() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _READ_DEV_ZERO], capture_output=True, timeout=120, check=False
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode().splitlines() == [
        "parse.too-large /dev/zero holds over 67,108,864 bytes (64 MiB), the most a document"
        " may hold",
        "/: error parse.too-large: /dev/zero holds over 67,108,864 bytes (64 MiB), the most a"
        " document may hold",
    ]


def test_every_format_has_the_limit_of_a_read() -> None:
    from briefmodel.formats import html, markdown, newsml, text

    for module in (html, markdown, newsml, text):
        assert module.MAX_BYTES == _files.MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_read_to_its_end(tmp_path: Path) -> None:
    pipe = tmp_path / "brief.json"
    os.mkfifo(pipe)
    text = bm.dumps(bm.loads(MODEL_EXAMPLE))
    writer = threading.Thread(target=pipe.write_text, args=(text, "utf-8"), daemon=True)
    writer.start()
    assert bm.load(pipe) == bm.loads(MODEL_EXAMPLE)
    writer.join(timeout=60)


@posix
def test_a_device_at_the_output_is_refused_not_replaced(tmp_path: Path) -> None:
    """As root, a rename would replace /dev/full itself by a regular file."""
    device = _private_full_device(tmp_path)
    with pytest.raises(bm.WriteError) as caught:
        bm.dump(bm.loads(MODEL_EXAMPLE), device, "json")
    assert caught.value.problem.code == "output.not-a-file"
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert os.listdir(tmp_path) == ["full"]


def _private_full_device(folder: Path) -> Path:
    """A character device that refuses every write (``/dev/full``): a node of its own
    in ``folder`` where the tests may make one (as root), so that a bug that replaced
    it would replace nothing that matters; else ``/dev/full`` itself."""
    device = folder / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (OSError, AttributeError):
        if os.geteuid() == 0 or not os.path.exists("/dev/full"):  # root: never risk it
            pytest.skip("no device that refuses writes")
        return Path("/dev/full")
    return device


@pytest.mark.parametrize("name", ["\x00", "a\x00b.json"])
def test_a_file_name_with_a_nul_is_unreadable_not_a_value_error(name: str) -> None:
    # open() raised ValueError ("embedded null byte") through bm.load and bm.validate.
    with pytest.raises(bm.ParseError) as caught:
        bm.load(name)
    assert caught.value.problem.code == "parse.unreadable"
    assert repr(name) in caught.value.problem.message
    report = bm.validate(Path(name))
    assert [p.code for p in report.problems] == ["parse.unreadable"]
