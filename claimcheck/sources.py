"""Reading sources: .txt, .md (with front matter), .json and .jsonl.

The text of a source is kept exactly as read (no stripping, no newline
conversion, a leading byte-order mark kept), so that every offset into it
stays true; line 1's columns do not count a byte-order mark
(`claimcheck.text.LineIndex`). Metadata comes from
Markdown front matter (the ``---`` YAML block static-site generators use) or
from the fields of a JSON object. Every problem is an `InputError` naming the
file and, where it applies, the line; nothing is skipped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import Role, Source

__all__ = ["load_sources", "source_from_text", "read_source_bytes", "SOURCE_SUFFIXES", "discover_files"]

#: File name endings read as sources, in a folder; others are not sources.
SOURCE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
#: Endings that look like sources but are claimcheck's own files.
_NOT_SOURCES = (".claims.json", ".report.json")
_FIELDS = ("id", "title", "outlet", "url", "published", "role")
_FRONT_MATTER = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def load_sources(paths: str | Path | Iterable[str | Path], *, role: Role | str | None = None) -> list[Source]:
    """Read sources from files and folders (recursively, in a stable order).

    `role`, when given, overrides the role the files declare. Raises
    `InputError` for a missing path, a folder with no sources, a file that is
    not UTF-8 text, malformed front matter or JSON, a bad date, or a
    duplicate id.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    forced = Role(role) if role is not None else None
    sources: list[Source] = []
    seen: dict[str, str] = {}
    for path in discover_files(paths):
        for source in _read_file(path):
            if forced is not None:
                source = source.model_copy(update={"role": forced})
            if source.id in seen:
                raise InputError(f'duplicate source id "{source.id}" (also in {seen[source.id]})', path=path)
            seen[source.id] = str(path)
            sources.append(source)
    return sources


def discover_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The source files named by `paths`: files as given, folders walked in sorted order."""
    any_path = False
    for raw in paths:
        any_path = True
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and _is_source_name(p) and not _hidden(p.relative_to(path))
            )
            if not found:
                raise InputError("no sources found here (.txt, .md, .json or .jsonl files)", path=path)
            yield from found
        elif path.is_file():
            if not path.name.endswith(SOURCE_SUFFIXES):
                raise InputError("not a source file: expected .txt, .md, .json or .jsonl", path=path)
            yield path
        else:
            raise InputError("no such file or directory", path=path)
    if not any_path:
        raise InputError("no source paths given")


def _is_source_name(path: Path) -> bool:
    return path.name.endswith(SOURCE_SUFFIXES) and not path.name.endswith(_NOT_SOURCES)


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def _read_file(path: Path) -> list[Source]:
    return read_source_bytes(path.read_bytes(), path)


def read_source_bytes(raw: bytes, path: str | Path) -> list[Source]:
    """The sources in `raw`, the bytes of a file named `path` (read, say, from standard input).

    The name's ending decides the format, as for files on disk; the file
    itself is not opened. Raises `InputError` as `load_sources` does.
    """
    path = Path(path)
    text = _decode(raw, path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return [_from_json_text(text, path)]
    if suffix == ".jsonl":
        return list(_from_jsonl_text(text, path))
    if suffix == ".md":
        return [_from_markdown(text, path)]
    return [source_from_text(text, id=path.stem, path=str(path))]


def _decode(raw: bytes, path: Path) -> str:
    nul = raw.find(b"\x00", 0, 8192)
    if nul != -1:
        raise InputError(f"binary file, not text (NUL byte at offset {nul})", path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", path=path, line=line) from None


def source_from_text(
    text: str,
    *,
    id: str,
    path: str | None = None,
    metadata: dict[str, Any] | None = None,
    line_offset: int = 0,
    line: int | None = None,
) -> Source:
    """Build a `Source` from text and metadata, validating the metadata fields.

    `line` is where the metadata stands in the file, for error messages.
    """
    meta = dict(metadata or {})
    fields: dict[str, Any] = {"id": id, "text": text, "path": path, "line_offset": line_offset}
    for key in _FIELDS:
        if key in meta and meta[key] is not None:
            fields[key] = meta.pop(key)
    fields["id"] = _check_id(fields["id"], path, line)
    for key in ("title", "outlet", "url"):
        if key in fields and not isinstance(fields[key], str):
            raise InputError(f"{key} must be text, not {type(fields[key]).__name__}", path=path, line=line)
    if "published" in fields:
        fields["published"] = _parse_date(fields["published"], path, _key_line(path, line, "published"))
    if "role" in fields:
        try:
            fields["role"] = Role(str(fields["role"]))
        except ValueError:
            allowed = ", ".join(r.value for r in Role)
            raise InputError(f'unknown role "{fields["role"]}" (expected {allowed})', path=path, line=line) from None
    fields["meta"] = {k: _plain(v) for k, v in meta.items()}
    return Source(**fields)


def _check_id(value: Any, path: str | None, line: int | None) -> str:
    if not isinstance(value, str):
        raise InputError(f'id must be text; write it in quotes (id: "{value}")', path=path, line=line)
    if not value.strip() or any(ch in value for ch in "\n\r\t"):
        raise InputError(f"id must be a non-empty single line, got {value!r}", path=path, line=line)
    return value


def _parse_date(value: Any, path: str | None, line: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    reason = ""
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, lambda v: dt.datetime.fromisoformat(v).date()):
            try:
                return parse(value.strip())
            except ValueError:
                pass
        if _DATE_SHAPE.match(value.strip()):
            # Shaped like a date but not one on the calendar ("2024-02-30"): say why.
            try:
                dt.date(*(int(part) for part in value.strip()[:10].split("-")))
            except ValueError as exc:
                reason = f" ({exc})"
    raise InputError(f"published must be a date like 2025-07-02, got {value!r}{reason}", path=path, line=line)


_DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?![\d])")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a timestamp not on the calendar ("2024-02-30",
    "2024-13-01") stays the text it was, so that the field it stands in can be reported
    with its file and line instead of failing inside the YAML library."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _key_line(path: str | None, line: int | None, key: str) -> int | None:
    """The line of `key:` in a front-matter file, for a precise error; else `line`."""
    if path is None or line is None or not path.endswith(".md"):
        return line
    try:
        with open(path, encoding="utf-8") as handle:
            for number, text in enumerate(handle, start=1):
                if text.startswith(f"{key}:"):
                    return number
    except OSError:
        pass
    return line


def _plain(value: Any) -> Any:
    """Metadata values as JSON-friendly data (dates become ISO text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _from_markdown(text: str, path: Path) -> Source:
    opening = _FRONT_MATTER.match(text)
    if not opening:
        return source_from_text(text, id=path.stem, path=str(path))
    closing = _FRONT_MATTER_END.search(text, opening.end())
    if not closing:
        raise InputError("front matter starts with --- but never ends (no closing --- line)", path=path, line=1)
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader) if block.strip() else {}  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"malformed front matter: {problem}", path=path, line=line) from None
    if not isinstance(data, dict):
        raise InputError("malformed front matter: expected key: value lines", path=path, line=2)
    body_start = closing.end()
    line_offset = text.count("\n", 0, body_start)
    return source_from_text(
        text[body_start:], id=path.stem, path=str(path), metadata=data, line_offset=line_offset, line=1
    )


def _from_json_text(text: str, path: Path) -> Source:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno) from None
    return _from_object(data, path, default_id=path.stem, line=None)


def _from_jsonl_text(text: str, path: Path) -> Iterator[Source]:
    count = 0
    # Split at "\n" only: str.splitlines() also splits at U+2028, U+0085 and
    # other separators that JSON allows unescaped inside a string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", path=path, line=number) from None
        count += 1
        yield _from_object(data, path, default_id=f"{path.stem}-{number}", line=number)
    if count == 0:
        raise InputError("no sources in this file (it has no JSON objects)", path=path)


def _from_object(data: Any, path: Path, *, default_id: str, line: int | None) -> Source:
    if not isinstance(data, dict):
        raise InputError("expected a JSON object with a text field", path=path, line=line)
    if "text" not in data:
        raise InputError('missing required field "text"', path=path, line=line)
    text = data.pop("text")
    if not isinstance(text, str):
        raise InputError('field "text" must be a string', path=path, line=line)
    return source_from_text(text, id=data.pop("id", default_id), path=str(path), metadata=data, line=line)
