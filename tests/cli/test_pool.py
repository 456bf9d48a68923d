"""Converting in worker processes: the same outputs and reports as in one, and Ctrl-C
leaves no partial file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main

from .._hang import HANG_SECONDS
from ._support import make_brief, with_unknown_source, write


def test_jobs_convert_the_same_in_parallel(capsys: pytest.CaptureFixture[str]) -> None:
    Path("in").mkdir()
    for number in range(40):
        brief = make_brief(id=f"urn:example:{number}")
        write(f"in/{number:02d}.json", brief if number != 17 else with_unknown_source())
    assert main(["convert", "in", "-o", "one", "-t", "newsml"]) == 1
    serial = capsys.readouterr().err
    assert main(["convert", "in", "-o", "two", "-t", "newsml", "--jobs", "2"]) == 1
    assert capsys.readouterr().err == serial  # the same reports, in the same order
    assert serial.splitlines()[-1] == "40 files, 39 converted (0 with losses), 1 failed"
    assert sorted(os.listdir("one")) == sorted(os.listdir("two"))
    for name in os.listdir("one"):
        assert Path("one", name).read_bytes() == Path("two", name).read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_on_parallel_workers_leaves_no_partial_file() -> None:
    import signal
    import time

    Path("in").mkdir()
    text = bm.dumps(make_brief())
    for number in range(2000):
        Path(f"in/{number:04d}.json").write_text(text.replace("ferry-strike", f"n{number}"))
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "convert", "in", "-o", "out", "-t", "html", "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    deadline = time.monotonic() + HANG_SECONDS  # a guard against a hang, not a time limit
    while time.monotonic() < deadline:
        if Path("out").is_dir() and len(os.listdir("out")) >= 20:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=HANG_SECONDS)
    assert process.returncode == 130, err
    assert out == b""
    assert err.decode().startswith("interrupted after ")
    assert b"Traceback" not in err
    written = os.listdir("out")
    assert 20 <= len(written) < 2000
    assert all(name.endswith(".html") and not name.startswith(".") for name in written)
    for name in written:
        assert bm.load(Path("out", name)).headline == make_brief().headline


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM")
def test_sigterm_in_this_process_stops_the_workers_and_reports_what_they_finished(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The main process gets the signal while it waits for the workers: it tells them to
    stop, waits for them, and reports every file they finished."""
    import re
    import signal
    import threading
    import time

    Path("in").mkdir()
    text = bm.dumps(make_brief())
    for number in range(1000):
        Path(f"in/{number:04d}.json").write_text(text.replace("ferry-strike", f"n{number}"))
    done = threading.Event()

    def terminate_soon() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (
            Path("out").is_dir() and len(os.listdir("out")) >= 20
        ):
            time.sleep(0.005)
        if not done.is_set():  # never once the handler is gone: it would end pytest
            os.kill(os.getpid(), signal.SIGTERM)

    sender = threading.Thread(target=terminate_soon)
    sender.start()
    try:
        status = main(["convert", "in", "-o", "out", "-t", "html", "-j", "2"])
    finally:
        done.set()
        sender.join()
    assert status == 143
    err = capsys.readouterr().err
    summary = re.fullmatch(
        r"interrupted by SIGTERM after (\d+) files, \1 converted \(0 with losses\), 0 failed\n",
        err,
    )
    assert summary is not None, err
    written = os.listdir("out")
    assert 20 <= len(written) < 1000
    assert int(summary.group(1)) <= len(written)
    assert not [name for name in written if name.startswith(".")]  # no temporary file
