"""The feed validators the feed tests run: Ruby's standard ``rss`` library, whose parser
checks an Atom or RSS 2.0 document's required elements and their nesting when asked to
validate (Debian's ``ruby``), and JSON Feed 1.1's JSON Schema from the npm package
``jsonfeed-schema`` (``node_modules``, as package-lock.json pins it), run by Python's
jsonschema. Without a tool the test that needs it skips, except in CI, where it fails
(:func:`tests._browser.missing`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ..._browser import NODE_MODULES, missing

#: Validates standard input as Atom or RSS; prints the first problem and exits 1.
_RUBY_CHECK = """
require "rss"
begin
  RSS::Parser.parse($stdin.read, true, false)
rescue RSS::Error => error
  puts "#{error.class}: #{error.message}"
  exit 1
end
"""

JSONFEED_SCHEMA = NODE_MODULES / "jsonfeed-schema" / "schema-v1.1.json"


def ruby_rss_problem(document: str) -> str | None:
    """What Ruby's validating RSS parser says is wrong with ``document``, or None."""
    ruby = shutil.which("ruby")
    if ruby is None:
        missing("ruby (its standard rss library validates Atom and RSS)", "apt-get install ruby")
    done = subprocess.run(
        [ruby, "-e", _RUBY_CHECK],
        input=document.encode("utf-8"),
        capture_output=True,
        check=False,
        timeout=120,
    )
    if done.returncode == 0:
        return None
    said = (done.stdout or done.stderr).decode("utf-8", "replace").strip()
    assert said.startswith("RSS::"), said  # a validation error, not a broken tool
    return said


def jsonfeed_problems(document: str) -> list[str]:
    """What JSON Feed 1.1's JSON Schema says is wrong with ``document``."""
    if not JSONFEED_SCHEMA.is_file():
        missing("the jsonfeed-schema npm package", "npm ci --ignore-scripts")
    import jsonschema

    schema: Any = json.loads(Path(JSONFEED_SCHEMA).read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(json.loads(document))]
