"""The documents a command line names: directories walked, globs expanded, nothing to
read reported, the output folder of a batch left out, and what is not a regular file
(a named pipe, a socket) skipped in folders and globs but read when named."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main

from ._support import make_brief, make_tree, run_cli, with_unknown_source, write


def test_validate_walks_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["validate", "briefs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("briefs/b.json: /sections/2: warning section.empty")
    assert lines[1] == "3 files, 0 invalid, 1 warning"
    write("briefs/sub/z.json", with_unknown_source())
    assert main(["validate", "--report", "json", "briefs"]) == 1
    report = json.loads(capsys.readouterr().out)
    paths = ["briefs/a.json", "briefs/b.json", "briefs/sub/c.xml", "briefs/sub/z.json"]
    assert [f["path"] for f in report["files"]] == paths
    assert report["ok"] is False
    assert report["summary"] == {"files": 4, "invalid": 1, "warnings": 1}


def test_validate_picks_the_suffixes_of_the_from_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_tree()
    assert main(["validate", "-f", "newsml", "briefs"]) == 0
    assert capsys.readouterr().out == "1 file, 0 invalid, 0 warnings\n"


def test_validate_expands_a_glob(capsys: pytest.CaptureFixture[str]) -> None:
    make_tree()
    assert main(["validate", "briefs/**/*.xml", "briefs/*.json"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "3 files, 0 invalid, 1 warning"


def test_nothing_to_read_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    Path("empty/readme.data").write_text("x")
    write("ok.json", make_brief())
    assert main(["validate", "ok.json", "nothing/*.json", "empty"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "nothing/*.json: /: error parse.unreadable: no file matches nothing/*.json"
    assert lines[1].startswith("empty: /: error parse.unreadable: no document in empty (no file")
    assert lines[2] == "3 files, 2 invalid, 0 warnings"


def test_the_output_folder_inside_the_input_is_not_read(
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_tree()
    summary = "3 files, 3 converted (0 with losses), 0 failed"
    for _ in range(2):  # the second run neither reads nor refuses the first one's outputs
        assert main(["convert", "briefs", "-o", "briefs/out", "-t", "json"]) == 0
        assert capsys.readouterr().err.splitlines()[-1] == summary
    assert sorted(os.listdir("briefs/out")) == ["a.json", "b.json", "sub"]
    # Written elsewhere, they are inputs like any other.
    assert main(["convert", "briefs", "-o", "elsewhere", "-t", "json"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == summary.replace("3", "6")


def test_a_glob_that_matches_folders(capsys: pytest.CaptureFixture[str]) -> None:
    write("2025/jan/a.json", make_brief())
    write("2026/feb/b.json", make_brief())
    assert main(["convert", "20*", "-o", "out", "-t", "newsml", "-q"]) == 0
    assert sorted(p.as_posix() for p in Path("out").rglob("*.xml")) == [
        "out/2025/jan/a.xml",
        "out/2026/feb/b.xml",
    ]
    assert main(["validate", "20*"]) == 0
    assert capsys.readouterr().out == "2 files, 0 invalid, 0 warnings\n"


# --------------------------------------------------------------------------------------
# What is not a regular file


def _specials() -> None:
    """briefs/ with a brief, and a named pipe and a socket with a brief's suffix."""
    write("briefs/a.json", make_brief())
    os.mkfifo("briefs/pipe.json")
    server = socket.socket(socket.AF_UNIX)
    server.bind("briefs/sock.xml")
    server.close()  # the socket file stays


needs_fifos = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not hasattr(socket, "AF_UNIX"), reason="no FIFOs or sockets"
)


@needs_fifos
@pytest.mark.parametrize("named", [["briefs"], ["briefs/*"], ["briefs/**/*.json", "briefs/*.xml"]])
def test_a_named_pipe_in_a_folder_is_skipped_not_waited_for(named: list[str]) -> None:
    _specials()
    done = run_cli("validate", *named)  # run as a program: the old code waited for ever
    assert done.returncode == 0
    assert done.stdout.decode().splitlines() == [
        "briefs/pipe.json: /: warning input.skipped: briefs/pipe.json is a named pipe (FIFO),"
        " not a regular file: skipped (name it on the command line to read it)",
        "briefs/sock.xml: /: warning input.skipped: briefs/sock.xml is a socket,"
        " not a regular file: skipped (name it on the command line to read it)",
        "3 files, 0 invalid, 2 warnings",
    ]


@needs_fifos
def test_a_named_pipe_in_a_batch_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    _specials()
    done = run_cli("convert", "briefs", "-o", "out", "-t", "html")
    assert done.returncode == 0
    lines = done.stderr.decode().splitlines()
    assert [line.split(": ")[2] for line in lines[:-1]] == ["warning input.skipped"] * 2
    assert lines[-1] == "3 files, 1 converted (0 with losses), 0 failed, 2 skipped"
    assert os.listdir("out") == ["a.html"]
    # -q leaves the warnings out; a failure beside them still fails the batch.
    Path("briefs/bad.json").write_text("{")
    assert main(["convert", "briefs", "-o", "out2", "-t", "html", "-q"]) == 1
    err = capsys.readouterr().err
    assert "input.skipped" not in err
    assert err.startswith("briefs/bad.json:1:2: error parse.syntax")


@needs_fifos
def test_a_named_pipe_named_outright_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("pipe.json")
    text = bm.dumps(make_brief())
    writer = threading.Thread(target=Path("pipe.json").write_text, args=(text,), daemon=True)
    writer.start()
    assert main(["validate", "pipe.json"]) == 0  # as <(command) would be
    assert capsys.readouterr().out == "1 file, 0 invalid, 0 warnings\n"
    writer.join(timeout=60)


def test_process_substitution_is_read() -> None:
    write("a.json", make_brief())
    bash = "/bin/bash"
    if not os.path.exists(bash):
        pytest.skip("no bash")
    done = subprocess.run(
        [bash, "-c", f"{sys.executable} -m briefmodel validate <(cat a.json)"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout == b"1 file, 0 invalid, 0 warnings\n"


@needs_fifos
def test_a_socket_named_outright_is_unreadable(capsys: pytest.CaptureFixture[str]) -> None:
    _specials()
    assert main(["validate", "briefs/sock.xml"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("briefs/sock.xml: /: error parse.unreadable: cannot read briefs/sock.xml")
