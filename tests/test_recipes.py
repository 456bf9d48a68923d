"""The recipes of ``docs/recipes.md`` run as written.

Each test takes a code block from the page word for word and runs it: the web service
answers real HTTP requests on a free port of 127.0.0.1 (and headless Chromium applies its
stylesheet under its Content Security Policy), the pipeline step prints what the page
says it prints, and the command lines of the pipeline section work. The Dask recipe is
run by ``tests/test_dask.py``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

import briefmodel as bm

from ._browser import chromium_command

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recipes.md"
CREATED = datetime(2026, 6, 1, 7, 45, tzinfo=timezone.utc)


def section(heading: str) -> str:
    """The text of the section under ``heading`` (up to the next heading of its level)."""
    text = RECIPES.read_text("utf-8")
    level = heading.split(" ")[0]
    start = text.index(f"\n{heading}\n")
    end = text.find(f"\n{level} ", start + len(heading) + 2)
    return text[start : end if end != -1 else len(text)]


def block(heading: str, language: str) -> str:
    """The first ``language`` code block of the section under ``heading``."""
    found = re.search(rf"```{language}\n(.*?)```", section(heading), re.S)
    assert found is not None, f"{heading!r} has no {language} block"
    return found.group(1)


def run_block(code: str) -> dict[str, Any]:
    """Run ``code`` as a module that is not ``__main__``; return its namespace."""
    namespace: dict[str, Any] = {"__name__": "__recipe__"}
    exec(compile(code, str(RECIPES), "exec"), namespace)
    return namespace


def brief(headline: str, *blocks: Any, **fields: Any) -> bm.Brief:
    slug = re.sub(r"[^a-z]+", "-", headline.lower()).strip("-")
    return bm.Brief(
        id=f"urn:example:brief:{slug}",
        headline=headline,
        created=CREATED,
        sections=[bm.Section(blocks=blocks or [bm.Paragraph(content="The details follow.")])],
        **fields,
    )


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


# --------------------------------------------------------------------------------------
# A web service returning HTML

SERVICE = "## A web service returning HTML"
WITH_SOURCES = brief(
    "Night buses return to the harbour route",
    bm.Paragraph(content=["Two extra runs each night", bm.Citation(ref="timetable"), "."]),
    bm.Figure(src="https://img.example.org/bus.jpg", alt="A night bus at the harbour stop"),
    sources=[bm.Source(id="timetable", title="Winter timetable", url="https://example.org/t")],
)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Service:
    """The recipe's ``app`` served on a free port of 127.0.0.1 in a thread."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        self.server = make_server("127.0.0.1", 0, namespace["app"], handler_class=_Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def request(self, path: str, body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body of ``GET path``, or ``POST path`` with ``body``."""
        request = urllib.request.Request(self.url + path, data=body)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, dict(error.headers), error.read()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def service() -> Iterator[Service]:
    running = Service(run_block(block(SERVICE, "python")))
    yield running
    running.close()


def directives(headers: dict[str, str]) -> dict[str, str]:
    policy = headers["Content-Security-Policy"]
    pairs = (part.strip().split(" ", 1) for part in policy.split(";"))
    return {pair[0]: pair[1] for pair in pairs}


def style_hash(page: str) -> str:
    """The CSP source that allows the text of the page's one ``<style>`` element."""
    assert page.count("<style>") == page.count("</style>") == 1
    text = page.split("<style>", 1)[1].split("</style>", 1)[0]
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def check_page(status: int, headers: dict[str, str], body: bytes, expected: bm.Brief) -> None:
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert int(headers["Content-Length"]) == len(body)
    page = body.decode("utf-8")
    assert page == bm.dumps(expected, "html")
    assert bm.loads(body, "html") == expected
    policy = directives(headers)
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'none'"
    assert policy["style-src"] == style_hash(page)  # the page's own style, nothing inline else
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert '<script type="application/ld+json">' in page  # data, untouched by script-src


def test_a_posted_brief_comes_back_as_a_page(service: Service) -> None:
    status, headers, body = service.request("/", bm.dumps(WITH_SOURCES).encode())
    check_page(status, headers, body, WITH_SOURCES)
    assert directives(headers)["img-src"] == "http: https:"  # the figure may show


def test_a_brief_file_is_served_by_id(service: Service) -> None:
    Path("briefs").mkdir()
    bm.dump(WITH_SOURCES, "briefs/night-buses.json")
    check_page(*service.request("/briefs/night-buses"), WITH_SOURCES)


def test_a_brief_with_warnings_only_is_served(service: Service) -> None:
    warned = brief("Ferry pier repairs finished early", bm.ItemList(items=[]))
    assert [p.code for p in bm.validate(warned).problems] == ["list.empty"]
    check_page(*service.request("/", bm.dumps(warned).encode()), warned)


def test_a_page_without_a_stylesheet_allows_no_style(service: Service) -> None:
    bare = brief("Library hours unchanged over the holidays")
    service.namespace["bm"] = _WithoutCss()
    status, headers, body = service.request("/", bm.dumps(bare).encode())
    assert status == 200
    assert "<style>" not in body.decode()
    assert directives(headers)["style-src"] == "'none'"


class _WithoutCss:
    """``briefmodel`` as the recipe sees it, but writing pages with ``css=None``."""

    def __getattr__(self, name: str) -> Any:
        return getattr(bm, name)

    @staticmethod
    def dumps(brief: bm.Brief, format: str = "json", **options: Any) -> str:
        return bm.dumps(brief, format, css=None, **options)


BAD_DOCUMENTS = {
    "syntax": b'{"schema": "briefmodel/2",\n  "headline": }',
    "encoding": b'{"headline": "caf\xe9"}',
    "missing fields": b'{"schema": "briefmodel/2", "id": "urn:example:x"}',
    "broken rule": bm.dumps(
        brief("Tram stop renamed", bm.Paragraph(content=["New name", bm.Citation(ref="nope")]))
    ).encode(),
    "not a brief": b"[1, 2, 3]",
}


@pytest.mark.parametrize("document", BAD_DOCUMENTS.values(), ids=list(BAD_DOCUMENTS))
def test_a_bad_brief_gets_400_and_its_problems(service: Service, document: bytes) -> None:
    status, headers, body = service.request("/", document)
    assert status == 400
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    answer = json.loads(body)
    expected = [problem.to_dict() for problem in bm.validate(document, "json").problems]
    assert expected
    assert any(problem["severity"] == "error" for problem in expected)
    assert answer == {"ok": False, "problems": expected}


def test_the_problems_say_where(service: Service) -> None:
    _, _, body = service.request("/", BAD_DOCUMENTS["syntax"])
    [problem] = json.loads(body)["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == ("parse.syntax", 2, 15)
    _, _, body = service.request("/", BAD_DOCUMENTS["broken rule"])
    [problem] = json.loads(body)["problems"]
    assert problem["code"] == "ref.unknown-source"
    assert problem["path"] == "/sections/0/blocks/0/content/1/ref"


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/briefs/nothing-here", None, 404),
        ("/briefs/..%2Fsecret", None, 404),
        ("/briefs/.secret", None, 404),
        ("/elsewhere", None, 404),
        ("/", None, 404),  # GET /
        ("/", b"", 400),  # POST / without a body
    ],
)
def test_other_requests_get_a_json_error(
    service: Service, path: str, body: bytes | None, status: int
) -> None:
    Path("secret.json").write_text(bm.dumps(WITH_SOURCES), "utf-8")
    Path("briefs").mkdir()
    Path("briefs/.secret.json").write_text(bm.dumps(WITH_SOURCES), "utf-8")
    got, headers, answer = service.request(path, body)
    assert got == status
    assert headers["Content-Type"] == "application/json"
    assert set(json.loads(answer)) == {"error"}


def test_a_body_too_large_is_refused_unread(service: Service) -> None:
    service.namespace["MAX_BODY"] = 100
    status, _, answer = service.request("/", bm.dumps(WITH_SOURCES).encode())
    assert status == 413
    assert "100 bytes" in json.loads(answer)["error"]


def _console_of_chromium(url: str) -> list[str]:
    """The console messages headless Chromium logs while it loads ``url``."""
    with tempfile.TemporaryDirectory(prefix="briefmodel-chromium-") as profile:
        command = chromium_command(
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
            "--dump-dom",
            url,
            profile=Path(profile),
        )
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "night-buses" in done.stdout  # the page was loaded
    return [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def test_chromium_applies_the_style_under_the_policy(service: Service) -> None:
    Path("briefs").mkdir()
    bm.dump(WITH_SOURCES, "briefs/night-buses.json")
    url = f"{service.url}/briefs/night-buses"
    _, headers, _body = service.request("/briefs/night-buses")
    assert _console_of_chromium(url) == []  # no violation: the style is allowed
    # The same page under a policy without the hash: Chromium logs the violation and
    # names the hash it would allow, which is the recipe's.
    namespace = service.namespace
    original: Callable[[str], str] = namespace["content_security_policy"]
    namespace["content_security_policy"] = lambda page: original(page).replace(
        style_hash(page), "'none'"
    )
    [violation] = _console_of_chromium(url)
    assert "Content Security Policy" in violation
    assert "style" in violation
    assert directives(headers)["style-src"].strip("'") in violation


# --------------------------------------------------------------------------------------
# A pipeline step validating JSON

PIPELINE = "## A pipeline step validating JSON"


def _pipeline_documents() -> None:
    """The folder and the stream the page describes."""
    Path("incoming").mkdir()
    bm.dump(brief("Clinic opening hours extended"), "incoming/a.json")
    closure = brief(
        "Bridge closure moved to June",
        bm.Paragraph(content="Resurfacing waits for the dry season."),
        bm.ItemList(items=[]),
    )
    bm.dump(closure, "incoming/b.json")
    Path("incoming/c.json").write_text('{"schema": "briefmodel/2",\n  "id": ', "utf-8")
    cites = brief(
        "Harbour crane tender reopened",
        bm.Paragraph(content=["The tender reopens", bm.Citation(ref="port-notice")]),
    )
    lines = [bm.dumps(brief("Rail freight volume steady")), bm.dumps(cites)]
    Path("feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def test_the_pipeline_step_prints_what_the_page_says(monkeypatch: pytest.MonkeyPatch) -> None:
    _pipeline_documents()
    validated: list[object] = []
    real_validate = bm.validate

    def counting_validate(data: Any, *args: Any, **kwargs: Any) -> bm.Report:
        validated.append(data)
        return real_validate(data, *args, **kwargs)

    def no_second_reading(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the recipe reads a document twice")

    printed = io.StringIO()
    with monkeypatch.context() as patch, contextlib.redirect_stdout(printed):
        patch.setattr(bm, "validate", counting_validate)
        for name in ("load", "loads", "from_dict"):
            patch.setattr(bm, name, no_second_reading)
        namespace = run_block(block(PIPELINE, "python"))
    assert printed.getvalue() == block(PIPELINE, "text")
    assert len(validated) == 5  # three files and two lines, each read once

    rows = json.loads(Path("problems.json").read_text("utf-8"))
    assert rows == namespace["problems"]
    by_document = {row["document"]: row for row in rows}
    syntax = real_validate(Path("incoming/c.json"), "json").problems[0]
    assert by_document["incoming/c.json"]["line"] == syntax.line == 2
    assert by_document["incoming/c.json"]["path"] == ""
    assert by_document["feed.jsonl:2"]["path"] == "/sections/0/blocks/0/content/1/ref"
    assert by_document["feed.jsonl:2"]["line"] is None
    assert by_document["incoming/b.json"]["severity"] == "warning"


def test_the_pipeline_step_passes_briefs_on_as_they_come() -> None:
    _pipeline_documents()
    with contextlib.redirect_stdout(io.StringIO()):
        namespace = run_block(block(PIPELINE, "python"))
    first = brief("Street market moves indoors")

    def documents() -> Iterator[tuple[str, object]]:
        yield "first", bm.to_dict(first)
        raise AssertionError("the step asked for the next document before passing one on")

    problems: list[dict[str, object]] = []
    passed = namespace["valid_briefs"](documents(), problems)
    assert next(passed) == ("first", first)
    assert problems == []


def test_the_pipeline_command_lines_work() -> None:
    _pipeline_documents()
    commands = [
        line[2:] for line in block(PIPELINE, "console").splitlines() if line.startswith("$ ")
    ]
    assert len(commands) == 2
    outputs = []
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "briefmodel"
        target = None
        if ">" in words:
            target = Path(words[words.index(">") + 1])
            words = words[: words.index(">")]
        done = subprocess.run(
            [sys.executable, "-m", "briefmodel", *words[1:]],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 1, done.stderr  # incoming/c.json is broken
        if target is not None:
            target.write_text(done.stdout, "utf-8")
        outputs.append(done.stdout)
    github, _ = outputs
    assert "::error file=incoming/c.json,line=2," in github
    assert "::warning file=incoming/b.json,title=list.empty::" in github
    report = json.loads(Path("report.json").read_text("utf-8"))
    assert report["ok"] is False
    assert [file["path"] for file in report["files"]] == [
        "incoming/a.json",
        "incoming/b.json",
        "incoming/c.json",
    ]
