"""``briefmodel migrate``: files of model 1 rewritten as the current model, byte for byte
what briefmodel writes now and laid out as they were; ``--check`` writes nothing and
fails while a file needs migrating; what is not a brief is reported and left alone."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from briefmodel.cli import main

TESTS = Path(__file__).resolve().parents[1]
MODEL_1 = TESTS / "golden" / "model-1"
EXAMPLES = TESTS.parent / "examples"


def _old_briefs() -> list[Path]:
    """The model-1 examples, copied into the test's directory under briefs/."""
    Path("briefs").mkdir()
    copied = []
    for name in ("port-fees.json", "water-talks-ar.json"):
        copied.append(Path("briefs") / name)
        shutil.copy(MODEL_1 / name, copied[-1])
    return copied


def test_migrating_rewrites_each_file_as_briefmodel_writes_it_now(
    capsys: pytest.CaptureFixture[str],
) -> None:
    copied = _old_briefs()
    assert main(["migrate", "briefs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{copied[0]}: migrated to briefmodel/2",
        f"{copied[1]}: migrated to briefmodel/2",
        "2 files: 2 migrated, 0 current, 0 invalid",
    ]
    for path in copied:
        assert path.read_bytes() == (EXAMPLES / path.name).read_bytes()
    assert sorted(os.listdir("briefs")) == ["port-fees.json", "water-talks-ar.json"]  # no temp
    assert main(["migrate", "briefs"]) == 0  # and again: nothing left to do
    assert capsys.readouterr().out.splitlines()[-1] == "2 files: 0 migrated, 2 current, 0 invalid"


def test_a_compact_file_stays_compact(capsys: pytest.CaptureFixture[str]) -> None:
    compact = (MODEL_1 / "port-fees.json").read_text("utf-8")
    Path("compact.json").write_text(json.dumps(json.loads(compact), separators=(",", ":")))
    assert main(["migrate", "-q", "compact.json"]) == 0
    assert capsys.readouterr().out == ""
    text = Path("compact.json").read_text("utf-8")
    assert text.startswith('{"schema":"briefmodel/2","id":')
    assert text.count("\n") == 1


def test_check_writes_nothing_and_fails_while_a_file_needs_migrating(
    capsys: pytest.CaptureFixture[str],
) -> None:
    copied = _old_briefs()
    before = [path.read_bytes() for path in copied]
    assert main(["migrate", "--check", "briefs"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{copied[0]}: /: error schema.old-model: stamped briefmodel/1: needs migrating to "
        "briefmodel/2"
    )
    assert out[-1] == "2 files: 2 to migrate, 0 current, 0 invalid"
    assert [path.read_bytes() for path in copied] == before
    assert main(["migrate", "briefs"]) == 0
    assert main(["migrate", "--check", "briefs"]) == 0


def test_what_is_not_a_brief_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Path("newer.json").write_text('{"schema": "briefmodel/7", "id": "x"}')
    Path("broken.json").write_text('{"schema": "briefmodel/1",')
    Path("faulty.json").write_text('{"schema": "briefmodel/1", "id": "x"}')
    before = {
        name: Path(name).read_bytes() for name in ("newer.json", "broken.json", "faulty.json")
    }
    assert main(["migrate", "newer.json", "broken.json", "faulty.json"]) == 1
    out = capsys.readouterr().out
    assert "newer.json: /schema: error schema.newer-model: the document is briefmodel/7" in out
    assert "broken.json:1:" in out
    assert "faulty.json: /headline: error schema.required" in out
    assert {name: Path(name).read_bytes() for name in before} == before


def test_standard_input_cannot_be_rewritten(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", "-"]) == 2
    assert "name files or folders" in capsys.readouterr().err
