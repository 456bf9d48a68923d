"""``main``: errors as one message, Ctrl-C and broken pipes, and the command run as
``python -m briefmodel``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel.cli import main, schema
from briefmodel.cli import validate as validate_command

from .._tools import fresh_python
from ._support import make_brief, with_unknown_source, write


def test_a_library_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> dict[str, object]:
        raise bm.BriefmodelError("the schema is not available")

    monkeypatch.setattr(schema, "json_schema", broken)
    assert main(["schema"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "briefmodel: error: the schema is not available\n"


def test_interrupt_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> bm.Report:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate_command, "validate", interrupted)
    assert main(["validate", "x.json"]) == 130
    assert capsys.readouterr() == ("", "")


def test_broken_pipe_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def closed(*args: object, **kwargs: object) -> bm.Report:
        raise BrokenPipeError

    monkeypatch.setattr(validate_command, "validate", closed)
    assert main(["validate", "x.json"]) == 1
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------------------
# As a program


def run(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, **env},
        check=False,
    )


def test_python_dash_m() -> None:
    write("ok.json", make_brief())
    write("bad.json", with_unknown_source())
    done = run("validate", "ok.json", "bad.json")
    assert done.returncode == 1
    lines = done.stdout.decode().splitlines()
    assert lines[0].startswith("bad.json: /sections/0/blocks/0/items/0/1/ref: error")
    assert lines[-1] == "2 files, 1 invalid, 0 warnings"
    assert done.stderr == b""
    done = run("convert", "-", "--indent", "2", stdin=Path("ok.json").read_bytes())
    assert done.returncode == 0
    assert done.stdout.decode() == bm.dumps(make_brief(), indent=2) + "\n"
    assert run("validate").returncode == 2


def test_output_survives_a_terminal_that_cannot_show_it() -> None:
    data = {**bm.to_dict(make_brief()), "søk": "ferje"}
    Path("bad.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = run("validate", "bad.json", PYTHONIOENCODING="ascii")
    assert done.returncode == 1
    assert done.stderr == b""
    first = done.stdout.decode("ascii").splitlines()[0]
    assert first == (
        "bad.json: /s\\xf8k: error schema.additional-properties: unknown field 's\\xf8k'"
    )


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    paragraphs = [bm.Paragraph(content="Crews walked out at dawn. " * 40) for _ in range(400)]
    write("big.json", make_brief(sections=[bm.Section(blocks=paragraphs)]))
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "convert", "big.json", "--indent", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.read(1) == b"{"
    process.stdout.close()  # the reader goes away long before ~450 kB are written
    assert process.wait(timeout=60) == 1
    assert process.stderr.read() == b""
    process.stderr.close()


def test_version_alone_is_answered_as_the_parser_answers_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from briefmodel.__main__ import main as entry

    assert main(["--version"]) == 0  # argparse's own answer
    expected = capsys.readouterr().out
    assert entry(["--version"]) == 0
    assert capsys.readouterr().out == expected
    # ... without loading the command line, or any of the package but its version
    script = (
        "import sys; from briefmodel.__main__ import main; main(['--version']);"
        "print(sorted(m for m in sys.modules if m.startswith('briefmodel')))"
    )
    shown = fresh_python(script).splitlines()
    loaded = "['briefmodel', 'briefmodel.__main__', 'briefmodel._version']"
    assert shown == [expected.strip(), loaded]
    assert entry(["formats"]) == 0  # anything else: the command line itself
    assert "json" in capsys.readouterr().out
