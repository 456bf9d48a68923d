"""Headless Chromium, the W3C Nu HTML Checker and axe-core, found and run the same way by
every test.

The tools come from outside Python: Debian's ``chromium`` (on PATH, or
``BRIEFMODEL_CHROMIUM``), Java with the npm package ``vnu-jar``, and the npm package
``axe-core``, both installed into the repository's ``node_modules/`` at the versions
``package-lock.json`` pins (``npm ci --ignore-scripts``, as ``.ci/run`` does). Without a
tool the test that needs it is skipped, except in CI (``CI`` set), where a missing tool
is a failure.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

# Guards against a hung browser or JVM, not performance limits: a run that takes this long
# has stopped working.
_HANG_SECONDS = 300


def missing(what: str, how: str) -> NoReturn:
    """Skip the test because ``what`` is not installed; fail instead in CI."""
    message = f"{what} is not available ({how})"
    if os.environ.get("CI"):
        pytest.fail(f"CI needs {message}")
    pytest.skip(message)


def chromium_path() -> str:
    """The headless Chromium executable; skip without it, except in CI where it must exist."""
    candidates = [os.environ.get("BRIEFMODEL_CHROMIUM", "")]
    candidates += ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    for name in candidates:
        exe = shutil.which(name) if name else None
        if exe:
            return exe
    missing("chromium", "apt-get install chromium, or set BRIEFMODEL_CHROMIUM")


def chromium_command(*args: str, profile: Path) -> list[str]:
    """A headless Chromium command line with a throwaway profile; ``args`` come last."""
    return [
        chromium_path(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--disable-component-update",
        "--mute-audio",
        f"--user-data-dir={profile}",
        *args,
    ]


def dump_dom(path: Path, *, budget_ms: int = 3000, extra_args: tuple[str, ...] = ()) -> str:
    """Open ``path`` in headless Chromium and return the serialised DOM after ``budget_ms``
    of virtual time (scripts run, timers fire, loads finish within that budget).

    Each call gets a fresh, temporary profile, so calls can run side by side.
    """
    uri = Path(path).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="briefmodel-chromium-") as profile:
        command = chromium_command(
            f"--virtual-time-budget={budget_ms}",
            *extra_args,
            "--dump-dom",
            uri,
            profile=Path(profile),
        )
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=_HANG_SECONDS, check=False
        )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(
            f"chromium exited with {done.returncode} on {uri}:\n{done.stderr[-4000:]}"
        )
    return done.stdout


def render_dom(html_path: Path, budget_ms: int = 3000) -> str:
    """Alias of :func:`dump_dom` (the serialised DOM of a rendered page)."""
    return dump_dom(html_path, budget_ms=budget_ms)


def java_path() -> str:
    """The java executable; skip without it, except in CI."""
    exe = shutil.which("java")
    if exe is None:
        missing("java", "install a Java runtime, 11 or later")
    return exe


def vnu_jar() -> Path:
    """The Nu HTML Checker's jar from ``node_modules``; skip without it, except in CI."""
    if not VNU_JAR.is_file():
        missing(
            str(VNU_JAR.relative_to(ROOT)), "run `npm ci --ignore-scripts` at the repository root"
        )
    return VNU_JAR


def run_vnu(paths: list[Path]) -> dict[Path, list[dict[str, Any]]]:
    """Check HTML files with the W3C Nu HTML Checker in one JVM run.

    Returns every given path (resolved) mapped to its messages, each a dict with at least
    ``type`` ("error", "info" or "non-document-error"), ``subType`` (``"warning"`` for
    warnings, among info messages), ``message``, and where known ``lastLine``,
    ``firstColumn`` and ``extract``. A file with no messages maps to an empty list.
    """
    java, jar = java_path(), vnu_jar()
    resolved = [Path(p).resolve() for p in paths]
    results: dict[Path, list[dict[str, Any]]] = {p: [] for p in resolved}
    if not resolved:
        return results
    command = [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--also-check-css"]
    command += [str(p) for p in resolved]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=_HANG_SECONDS * 2, check=False
    )
    # vnu writes its JSON report to stderr and exits 1 when any document has errors.
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"vnu.jar gave no JSON report (exit {done.returncode}): {done.stderr[-4000:]}"
        ) from error
    by_uri = {p.as_uri(): p for p in resolved}
    for message in report.get("messages", []):
        url = message.get("url", "")
        target = by_uri.get(url)
        if target is None:  # vnu may spell file URIs as file:/path
            target = by_uri.get(url.replace("file:/", "file:///", 1)) if url else None
        if target is None:
            raise RuntimeError(f"vnu.jar reported on an unknown document: {message!r}")
        results[target].append(message)
    return results


def vnu_errors(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The errors (and fatal document errors) among ``run_vnu`` messages."""
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


def vnu_warnings(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The warnings among ``run_vnu`` messages."""
    return [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]


def describe(message: dict[str, Any]) -> str:
    """One line for a vnu message: where, what, and the extract."""
    where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
    extract = message.get("extract", "").replace("\n", "\\n")
    return (
        f"{message.get('type')}/{message.get('subType', '')} {where}: {message.get('message')}"
        + (f" [{extract}]" if extract else "")
    )


def axe_js() -> Path:
    """axe-core's browser bundle from ``node_modules``; skip without it, except in CI."""
    if not AXE_JS.is_file():
        missing(
            str(AXE_JS.relative_to(ROOT)), "run `npm ci --ignore-scripts` at the repository root"
        )
    return AXE_JS


_AXE_HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>axe-core harness</title></head>
<body><pre id="axe-results"></pre>
<script>
"use strict";
const pages = %(pages)s;
const axeUrl = %(axe)s;
const options = %(options)s;
(async () => {
  const results = {dark: matchMedia("(prefers-color-scheme: dark)").matches, pages: {}};
  for (const url of pages) {
    const frame = document.createElement("iframe");
    frame.style.width = "1280px";
    frame.style.height = "900px";
    await new Promise((done) => {
      frame.onload = done;
      frame.src = url;
      document.body.append(frame);
    });
    const doc = frame.contentDocument;
    await new Promise((done, failed) => {
      const script = doc.createElement("script");
      script.src = axeUrl;
      script.onload = done;
      script.onerror = () => failed(new Error("axe-core did not load into " + url));
      doc.head.append(script);
    });
    const found = await frame.contentWindow.axe.run(doc, options);
    results.pages[url] = {violations: found.violations, incomplete: found.incomplete,
                          passes: found.passes.map((rule) => rule.id)};
    frame.remove();
  }
  document.getElementById("axe-results").textContent = JSON.stringify(results);
})().catch((error) => {
  document.getElementById("axe-results").textContent =
    JSON.stringify({error: String(error), stack: String(error.stack)});
});
</script></body></html>
"""


def run_axe(
    paths: list[Path],
    *,
    dark: bool = False,
    rules: list[str] | None = None,
    budget_ms: int = 3_600_000,
) -> dict[Path, dict[str, Any]]:
    """Run axe-core on each page in headless Chromium, in one browser run.

    A harness page opens each page in a 1280×900 iframe (``--allow-file-access-from-files``
    lets it reach into ``file:`` frames), loads axe-core into it and runs every rule
    axe enables by default (WCAG 2 A/AA and best practices), or only ``rules``. With
    ``dark`` the browser prefers a dark colour scheme (``--force-dark-mode``).

    Returns each path (resolved) mapped to ``{"violations": [...], "incomplete": [...],
    "passes": [rule ids]}`` as axe reports them. ``budget_ms`` is virtual time, which only
    runs while the page waits: it bounds a harness that never finishes, not the work.
    """
    axe = axe_js()
    resolved = [Path(p).resolve() for p in paths]
    options: dict[str, Any] = {"resultTypes": ["violations", "incomplete"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    with tempfile.TemporaryDirectory(prefix="briefmodel-axe-") as folder:
        harness = Path(folder) / "harness.html"
        harness.write_text(
            _AXE_HARNESS
            % {
                "pages": json.dumps([p.as_uri() for p in resolved]),
                "axe": json.dumps(axe.resolve().as_uri()),
                "options": json.dumps(options),
            },
            "utf-8",
        )
        extra = ("--allow-file-access-from-files", "--window-size=1400,1000")
        dom = dump_dom(
            harness,
            budget_ms=budget_ms,
            extra_args=(*extra, "--force-dark-mode") if dark else extra,
        )
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.DOTALL)
    if found is None or not found.group(1):
        raise RuntimeError(f"the axe-core harness did not finish: {dom[-2000:]}")
    report = json.loads(html.unescape(found.group(1)))
    if "error" in report:
        raise RuntimeError(f"the axe-core harness failed: {report['error']}\n{report['stack']}")
    if report["dark"] != dark:
        raise RuntimeError(f"chromium did not honour the colour scheme (dark={dark})")
    by_uri = {p.as_uri(): p for p in resolved}
    return {by_uri[uri]: result for uri, result in report["pages"].items()}


def describe_axe(violation: dict[str, Any]) -> str:
    """One paragraph for an axe violation: the rule, its help, and the first nodes."""
    nodes = violation.get("nodes", [])
    shown = "; ".join(
        f"{node.get('html', '')[:160]} ({' '.join((node.get('failureSummary') or '').split())})"
        for node in nodes[:3]
    )
    return (
        f"{violation['id']} ({violation.get('impact')}): {violation.get('help')}, "
        f"{len(nodes)} node(s): {shown}"
    )


@functools.lru_cache(maxsize=4)
def generated_briefs(count: int, *, per_example: int = 3) -> tuple[Any, ...]:
    """``count`` different briefs from :func:`briefmodel.testing.briefs`, the same on every
    run (for a given Hypothesis version), and drawn once per test session.

    Hypothesis draws them (derandomized, no example database, generation only) through a
    ``@given(st.data())`` function that draws ``per_example`` briefs per example and keeps
    the new ones: briefs drawn in one example are independent of each other, where
    successive examples are often small mutations of one another. (``.example()`` is meant
    for interactive use and refuses to run under pytest.)
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    import briefmodel as bm
    from briefmodel.testing import briefs

    drawn: dict[str, Any] = {}

    @settings(
        max_examples=-(-count // per_example) + 4,  # the first examples are the simplest
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        for _ in range(per_example):
            brief = data.draw(briefs())
            drawn.setdefault(bm.dumps(brief), brief)

    collect()
    return tuple(drawn.values())[:count]
