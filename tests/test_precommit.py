"""The pre-commit hook (``.pre-commit-hooks.yaml``), run by the real ``pre-commit`` tool
against a temporary repository that uses it, and its default ``files:`` pattern, which
takes the suffix of every built-in format.

pre-commit installs the hook the way a user's repository gets it: it clones a git
repository holding briefmodel (here a temporary copy of the working tree, committed)
and pip-installs it into an environment of its own, which needs the package index.
Without ``pre-commit`` or git the test skips (and fails in CI, where they must be).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import briefmodel as bm

from ._browser import missing

ROOT = Path(__file__).resolve().parent.parent
#: What pip needs to build and install briefmodel from a copy of the project.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src")


#: Git as a fresh user: no global or system configuration, a fixed identity.
GIT_ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENVIRONMENT},
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


def pre_commit() -> list[str]:
    """The pre-commit command: the one installed beside this Python, or on the PATH."""
    beside = Path(sys.executable).with_name("pre-commit")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pre-commit")
    if found is None:
        missing("pre-commit", "pip install pre-commit, or install briefmodel's test extra")
    return [found]


def brief(headline: str) -> bm.Brief:
    return bm.Brief(
        id="urn:example:hook",
        headline=headline,
        created=datetime(2026, 4, 7, 8, 30, tzinfo=timezone.utc),
        sections=[bm.Section(blocks=[bm.Paragraph(content=[bm.Citation(ref="s1")])])],
        sources=[bm.Source(id="s1", title="Statement")],
    )


def test_the_hook_validates_briefs_in_another_repository(tmp_path: Path) -> None:
    command = pre_commit()
    if shutil.which("git") is None:
        missing("git", "apt-get install git")
    environment = {**os.environ, **GIT_ENVIRONMENT, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    # The hook's repository: briefmodel as a user's pre-commit would clone it.
    hooks = tmp_path / "briefmodel"
    hooks.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, hooks / name)
    git("init", "-q", cwd=hooks)
    git("add", ".", cwd=hooks)
    git("commit", "-q", "-m", "briefmodel", cwd=hooks)
    revision = git("rev-parse", "HEAD", cwd=hooks).strip()

    # A repository of briefs that uses the hook.
    user = tmp_path / "newsroom"
    (user / "briefs").mkdir(parents=True)
    git("init", "-q", cwd=user)
    (user / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hooks.as_posix()}\n"
        f"    rev: {revision}\n"
        "    hooks:\n"
        "      - id: briefmodel-validate\n"
        "        files: ^briefs/\n",
        "utf-8",
    )
    (user / "briefs" / "good.json").write_text(bm.dumps(brief("Good")), "utf-8")
    (user / "briefs" / "good.xml").write_text(bm.dumps(brief("Good"), "newsml"), "utf-8")
    bad = bm.to_dict(brief("Bad"))
    bad["sections"][0]["blocks"][0]["content"][0]["ref"] = "s9"
    (user / "briefs" / "bad.json").write_text(json.dumps(bad), "utf-8")
    (user / "package.json").write_text('{"name": "not a brief"}', "utf-8")  # not under briefs/
    git("add", ".", cwd=user)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, "run", "--all-files", "--color", "never"],
            cwd=user,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )

    done = run()
    output = done.stdout + done.stderr
    if done.returncode not in (0, 1) or "briefmodel validate" not in output:
        pytest.fail(f"pre-commit could not run the hook:\n{output}")
    assert done.returncode == 1, output
    assert "Failed" in output
    assert "briefs/bad.json: /sections/0/blocks/0/content/0/ref: error ref.unknown-source" in output
    assert "good." not in output  # valid briefs print nothing
    assert "package.json" not in output

    (user / "briefs" / "bad.json").unlink()
    git("add", "-A", cwd=user)
    done = run()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def default_files_pattern() -> re.Pattern[str]:
    """The hook's default ``files:`` pattern, as pre-commit compiles it (Python ``re``)."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    (found,) = re.findall(r"^\s*files:\s*'([^']*)'\s*$", text, flags=re.MULTILINE)
    return re.compile(found)


#: The formats of one brief per file, in text, that are read. JSON Lines files and feeds,
#: documents of many briefs, are left out of the hook's default pattern (a repository's
#: own ``files:`` may name them), and so are PDFs, which are written from briefs, not
#: read, and Word documents, which are not text (the hook's ``types: [text]``).
_ONE_PER_FILE = [
    name
    for name in bm.formats()
    if not (
        bm.formats.by_name(name).many
        or bm.formats.by_name(name).write_only
        or bm.formats.by_name(name).binary
    )
]


@pytest.mark.parametrize(
    "suffix", sorted({s for name in _ONE_PER_FILE for s in bm.formats.by_name(name).suffixes})
)
def test_the_default_files_pattern_takes_every_suffix_of_a_format(suffix: str) -> None:
    assert default_files_pattern().search(f"briefs/2026/a{suffix}"), suffix


def test_the_default_files_pattern_leaves_json_lines_out() -> None:
    for suffix in bm.formats.by_name("jsonl").suffixes:
        assert default_files_pattern().search(f"briefs/a{suffix}") is None, suffix


def test_the_default_files_pattern_leaves_feeds_out_where_their_suffix_is_their_own() -> None:
    for suffix in (".atom", ".rss"):
        assert default_files_pattern().search(f"briefs/a{suffix}") is None, suffix


def test_the_default_files_pattern_leaves_pdfs_and_word_documents_out() -> None:
    assert default_files_pattern().search("briefs/a.pdf") is None
    assert default_files_pattern().search("briefs/a.docx") is None


@pytest.mark.parametrize("name", ["a.py", "a.png", "a.json.bak", "Makefile", "a.yaml"])
def test_the_default_files_pattern_leaves_out_other_files(name: str) -> None:
    assert default_files_pattern().search(f"briefs/{name}") is None
