"""``briefmodel formats``: the registered formats, as a table or a JSON array."""

from __future__ import annotations

import argparse
import json
import sys

from ..formats import by_name, formats
from ._common import EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    rows = []
    for name in formats():
        fmt = by_name(name)
        rows.append(
            {
                "name": fmt.name,
                "read": getattr(fmt, "read", None) is not None,
                "write": getattr(fmt, "write", None) is not None,
                "suffixes": list(fmt.suffixes),
                "media_type": fmt.media_type,
                "description": fmt.description,
            }
        )
    if args.report == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    table = [("FORMAT", "READ", "WRITE", "SUFFIXES", "MEDIA TYPE", "DESCRIPTION")]
    table += [
        (
            str(row["name"]),
            "yes" if row["read"] else "no",
            "yes" if row["write"] else "no",
            " ".join(row["suffixes"]),  # type: ignore[arg-type]
            str(row["media_type"]),
            str(row["description"]),
        )
        for row in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return EXIT_OK
