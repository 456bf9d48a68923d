"""``briefmodel schema``: the JSON Schema of canonical JSON, or briefmodel's NewsML-G2
profile (four XSD files)."""

from __future__ import annotations

import argparse
import json
import os
from importlib import resources

from .._schema import json_schema
from ._common import EXIT_INVALID, EXIT_OK, STDIO, _error
from ._streams import _emit, _emit_bytes, _is_folder

#: briefmodel's NewsML-G2 profile: the main XSD first, then the ones it imports.
_PROFILE = "newsml-profile.xsd"


def _profile_files() -> list[tuple[str, bytes]]:
    """briefmodel's NewsML-G2 profile: the main XSD, then the ones it imports."""
    folder = resources.files("briefmodel").joinpath("schemas")
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith("newsml-profile") and entry.name.endswith(".xsd")
    )
    names.sort(key=lambda name: name != _PROFILE)
    return [(name, folder.joinpath(name).read_bytes()) for name in names]


def _cmd_schema(args: argparse.Namespace) -> int:
    if args.kind == "json":
        text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        return _emit(args.output, text)
    profile = _profile_files()
    if args.output == STDIO:
        return _emit_bytes(STDIO, profile[0][1])
    if _is_folder(args.output):
        folder, main_name = args.output, profile[0][0]
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            _error(f"cannot write {folder}: {error.strerror or error}")
            return EXIT_INVALID
    else:
        folder, main_name = os.path.dirname(args.output), os.path.basename(args.output)
    status = EXIT_OK
    for index, (name, payload) in enumerate(profile):
        status = max(
            status, _emit_bytes(os.path.join(folder, main_name if index == 0 else name), payload)
        )
    return status
