"""SIGTERM and SIGHUP stop a run as Ctrl-C does: the worker processes finish the file at
hand and end, no temporary file is left, the summary is printed, and the exit status is
143 or 129. In this process first, then with real signals sent to ``briefmodel
convert`` running as a program, many times over, at random moments of the run."""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel import cli
from briefmodel.cli import _signals, main
from briefmodel.cli import validate as validate_command

from ._support import make_brief

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

# --------------------------------------------------------------------------------------
# In this process


@posix
@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, cli.EXIT_TERMINATED), (signal.SIGHUP, cli.EXIT_HANGUP)]
)
def test_a_signal_stops_a_command_as_ctrl_c_does(
    signum: int, status: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def signalled(*args: object, **kwargs: object) -> bm.Report:
        os.kill(os.getpid(), signum)
        time.sleep(60)  # the signal interrupts this at once
        raise AssertionError("not interrupted")  # pragma: no cover

    monkeypatch.setattr(validate_command, "validate", signalled)
    before = signal.getsignal(signum)
    assert main(["validate", "x.json"]) == status == 128 + signum
    assert capsys.readouterr() == ("", "")
    assert signal.getsignal(signum) is before  # put back as it was


@posix
def test_a_signal_set_to_be_ignored_stays_ignored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As ``nohup`` leaves SIGHUP: the run goes on."""

    def signalled(*args: object, **kwargs: object) -> bm.Report:
        os.kill(os.getpid(), signal.SIGHUP)
        return bm.Report(problems=())

    monkeypatch.setattr(validate_command, "validate", signalled)
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        assert main(["validate", "x.json"]) == 0
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert capsys.readouterr().out == "1 file, 0 invalid, 0 warnings\n"


@posix
def test_a_second_signal_while_winding_down_is_let_pass() -> None:
    def signalled() -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(60)  # the signal interrupts this at once

    with _signals.handled():
        with pytest.raises(_signals.Interrupted) as caught:
            signalled()
        os.kill(os.getpid(), signal.SIGTERM)  # ignored: the run is already stopping
        os.kill(os.getpid(), signal.SIGHUP)
    assert caught.value.signum == signal.SIGTERM
    assert _signals.exit_status(caught.value) == 143
    assert _signals.signal_name(caught.value) == "SIGTERM"
    assert _signals.exit_status(KeyboardInterrupt()) == cli.EXIT_INTERRUPTED
    assert _signals.signal_name(KeyboardInterrupt()) is None
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


# --------------------------------------------------------------------------------------
# As a program, with real signals


def _children(pid: int) -> dict[int, str]:
    """The processes whose parent is ``pid``, each with its start time (to tell it from
    a later process given the same number)."""
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and fields[1] == str(pid):
                found[int(entry.name)] = fields[19]
    return found


def _stat(pid: int) -> list[str] | None:
    """Fields 3 on of ``/proc/PID/stat`` (state, parent, …), or ``None`` once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def _alive(children: dict[int, str]) -> list[int]:
    """Those of ``children`` still there (not even a zombie waiting to be reaped)."""
    return [
        pid
        for pid, started in children.items()
        if (fields := _stat(pid)) is not None and fields[19] == started and fields[0] != "Z"
    ]


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signals") / "in"
    folder.mkdir()
    text = bm.dumps(make_brief())
    for number in range(300):
        (folder / f"{number:04d}.json").write_text(text.replace("ferry-strike", f"n{number}"))
    return folder


#: Runs of each case on a developer's machine: a few, to keep the test command quick. CI
#: runs enough to catch what went wrong one run in seven (a temporary file left by SIGTERM).
RUNS = {"SIGTERM-2": 4, "SIGTERM-1": 3, "SIGHUP-2": 2}
CI_RUNS = 20


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find workers")
@pytest.mark.parametrize(("name", "jobs"), [("SIGTERM", 2), ("SIGTERM", 1), ("SIGHUP", 2)])
def test_a_signal_to_a_batch_stops_it_cleanly(
    briefs: Path, name: str, jobs: int, tmp_path: Path
) -> None:
    """The signal goes to the main process only (as ``kill PID`` sends it), at a random
    moment once some files are written; no run hangs (the timeout would say), leaves a
    temporary file or a worker process, or ends without its summary."""
    signum = getattr(signal, name)
    pattern = re.compile(
        rf"interrupted by {name} after (\d+) files?, (\d+) converted \(0 with losses\), 0 failed"
    )
    chooser = random.Random(f"{name}{jobs}")
    runs = CI_RUNS if os.environ.get("CI") else RUNS[f"{name}-{jobs}"]
    for run in range(runs):
        out = tmp_path / f"out{run}"
        command = [sys.executable, "-m", "briefmodel", "convert", str(briefs), "-o", str(out)]
        process = subprocess.Popen(
            [*command, "-t", "html", "-j", str(jobs)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # a group of its own: to clean up after a failure
        )
        try:
            wanted = chooser.randint(1, 40)
            deadline = time.monotonic() + 120  # a hang detector, not a limit on speed
            while process.poll() is None and time.monotonic() < deadline:
                if out.is_dir() and len(os.listdir(out)) >= wanted:
                    break
                time.sleep(0.002)
            workers = _children(process.pid)
            assert process.poll() is None, f"run {run}: the batch ended before the signal"
            process.send_signal(signum)
            _, err = process.communicate(timeout=120)
        except BaseException:  # pragma: no cover - only when the test fails
            # The whole group: workers left behind outlive the main process.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
        text = err.decode()
        assert process.returncode == 128 + signum, f"run {run}: {text}"
        assert "Traceback" not in text, f"run {run}: {text}"
        summary = pattern.fullmatch(text.splitlines()[-1])
        assert summary is not None, f"run {run}: {text}"
        written = sorted(os.listdir(out))
        assert [n for n in written if n.startswith(".") or not n.endswith(".html")] == [], run
        assert int(summary.group(2)) <= len(written) < 300, run
        for output in written:  # each whole
            assert (out / output).read_bytes().endswith(b"</html>\n"), (run, output)
        if jobs > 1:
            assert workers, f"run {run}: no worker process was seen"
        left = _alive(workers)
        for pid in left:  # pragma: no cover - only when the test fails
            os.kill(pid, signal.SIGKILL)
        assert left == [], f"run {run}: worker processes left behind"
