"""Reading a saved JSON report back, for rendering it in another format.

`read_report` accepts what ``--format json`` wrote (any schema version with
the same major number as this claimcheck's) and turns every way a file can be
wrong into one `InputError` line naming the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError, read_input_file
from ..report import SCHEMA_VERSION, Report

__all__ = ["read_report", "parse_report"]


def read_report(path: str | Path) -> Report:
    """The report saved at `path` (``-`` for standard input)."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if file.is_dir():
            raise InputError("is a folder, not a report file", path=name)
        data = read_input_file(file, "report file", missing="no such file")
    return parse_report(data, name=name)


def parse_report(data: bytes | str, *, name: str = "<report>") -> Report:
    """A report from the bytes of a saved JSON report; `name` is the file named in errors."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", path=name) from None
    else:
        text = data
    if not text.strip():
        raise InputError("empty file, not a claimcheck report", path=name)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg} (column {exc.colno})", path=name, line=exc.lineno) from None
    if not isinstance(raw, dict) or "schema_version" not in raw:
        raise InputError("not a claimcheck JSON report (no schema_version); write one with --format json", path=name)
    version = str(raw["schema_version"])
    ours = SCHEMA_VERSION.split(".")
    theirs = version.split(".")
    if theirs[0] != ours[0]:
        raise InputError(
            f"report schema version {version} is not supported: this claimcheck reads {ours[0]}.x "
            "(render it with the claimcheck that wrote it, or write it again)",
            path=name,
        )
    try:
        return Report.model_validate(raw)
    except ValidationError as exc:
        raise InputError(_describe(exc, version), path=name) from None


def _describe(exc: ValidationError, version: str) -> str:
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "the top level"
    text = f"not a valid claimcheck report: {where}: {first['msg'].lower()}"
    if len(errors) > 1:
        text += f" (and {len(errors) - 1} more problems)"
    if _newer(version):
        text += f"; it was written by a newer claimcheck (schema {version}, this one reads up to {SCHEMA_VERSION})"
    return text


def _newer(version: str) -> bool:
    try:
        return tuple(map(int, version.split("."))) > tuple(map(int, SCHEMA_VERSION.split(".")))
    except ValueError:
        return False
