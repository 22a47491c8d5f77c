"""Expectations: the discrepancies a regression case must produce, in a YAML file.

A case folder holds its sources and an ``expected.yaml`` (docs/pytest-plugin.md)::

    severities: [error, warning]      # optional: the severities this case pins (default: all)
    config: {ignore: [CC401]}         # optional: claimcheck settings for this case
    discrepancies:
      - rule: CC102                   # a rule code
        severity: error
        subjects:                     # the claims it is about: source id and quoted text
          - source: "001"
            quote: "October 7, 2022"
        note: "free text for the reader, never compared"
      - rule: CC201
        severity: error
        subjects:
          - source: standard-0810
            quote: "46"
        missed: "why claimcheck does not find it yet (a known miss)"

A discrepancy is identified by its rule and its subjects — source ids and
quotes, never offsets or messages — so editing unrelated text, or rewording a
message, changes nothing. The subjects are the claims whose role is "subject";
a discrepancy that has none (a timeline) is identified by all its claims.
Quotes are compared with runs of white space taken as one space.

Every problem in the file is an `ExpectationsError` naming the file and line.
`dump_expectations` writes the file back keeping everything outside the
``discrepancies:`` list as it was, and the comment lines above each entry
that is kept.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .config import Config
from .errors import ExpectationsError
from .report import Discrepancy, Severity
from .rules import RETIRED, RULES

__all__ = [
    "EXPECTATIONS_FILE",
    "Subject",
    "ExpectedDiscrepancy",
    "Expectations",
    "load_expectations",
    "parse_expectations",
    "expectations_from_entries",
    "dump_expectations",
    "subjects_of",
    "key_of",
]

#: The expectations file's name in a case folder.
EXPECTATIONS_FILE = "expected.yaml"

_TOP_KEYS = ("severities", "config", "discrepancies")
_ENTRY_KEYS = ("rule", "severity", "subjects", "missed", "note")
_SUBJECT_KEYS = ("source", "quote")
_ALL_SEVERITIES = frozenset(Severity)
_HEADER = """\
# The discrepancies this case must produce (format: docs/pytest-plugin.md).
# Written by `pytest --claimcheck-update`: read every entry and check it by hand.
"""


def _normal(quote: str) -> str:
    return " ".join(quote.split())


@dataclass(frozen=True)
class Subject:
    """A claim a discrepancy is about: the source's id and the quoted figure."""

    source: str
    quote: str


@dataclass(frozen=True)
class ExpectedDiscrepancy:
    """One entry of an expectations file.

    `missed` is the reason the discrepancy is a known miss (expected, not yet
    found); `note` is free text; `comment` the comment lines written above the
    entry, kept when the file is rewritten; `line` where the entry starts.
    """

    rule: str
    severity: Severity
    subjects: tuple[Subject, ...]
    missed: str | None = None
    note: str | None = None
    comment: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """What identifies the discrepancy: its rule and its subjects."""
        return _key(self.rule, self.subjects)

    def describe(self) -> str:
        """One line: rule, name, severity and subjects."""
        cls = RULES.get(self.rule)
        name = f" {cls.name}" if cls else ""
        subjects = ", ".join(f'{s.source} "{s.quote}"' for s in self.subjects)
        return f"{self.rule}{name} ({self.severity.value}): {subjects}"


def _key(rule: str, subjects: Iterable[Subject]) -> tuple[str, tuple[tuple[str, str], ...]]:
    return rule, tuple(sorted((s.source, _normal(s.quote)) for s in subjects))


def subjects_of(discrepancy: Discrepancy) -> tuple[Subject, ...]:
    """The claims that identify a discrepancy: its subjects, or all its claims if it has none."""
    refs = discrepancy.subjects or discrepancy.claims
    return tuple(Subject(c.source_id, c.span.quote) for c in refs)


def key_of(discrepancy: Discrepancy) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The identifying key of a produced discrepancy (see `ExpectedDiscrepancy.key`)."""
    return _key(discrepancy.rule, subjects_of(discrepancy))


@dataclass(frozen=True)
class Expectations:
    """A case's expectations: the discrepancies, the severities pinned, the case's settings.

    Only discrepancies at a pinned severity are compared; the others are
    neither expected nor reported. `preamble` and `postscript` are the file's
    text before and after the ``discrepancies:`` list, kept verbatim on rewrite.
    """

    discrepancies: tuple[ExpectedDiscrepancy, ...] = ()
    severities: frozenset[Severity] = _ALL_SEVERITIES
    config: Config | None = None
    path: Path | None = None
    preamble: str | None = None
    postscript: str = ""

    def pinned(self, discrepancy: Discrepancy) -> bool:
        """Whether this case compares discrepancies of this one's severity."""
        return discrepancy.severity in self.severities

    def expects(self, entry: ExpectedDiscrepancy) -> bool:
        """Whether this case compares an expected entry (its severity is pinned)."""
        return entry.severity in self.severities

    def restricted_to(self, severities: Iterable[Severity | str]) -> Expectations:
        """The same expectations compared at `severities` only: entries at other severities are left out too."""
        pinned = frozenset(Severity(s) for s in severities)
        return replace(self, severities=pinned, discrepancies=tuple(e for e in self.discrepancies if e.severity in pinned))

    def with_discrepancies(self, entries: Iterable[ExpectedDiscrepancy]) -> Expectations:
        """The same expectations with other entries, in the file's canonical order."""
        return replace(self, discrepancies=tuple(sorted(entries, key=_order)))


def _order(entry: ExpectedDiscrepancy) -> tuple[object, ...]:
    return (entry.severity.rank, entry.rule, entry.key[1])


# ------------------------------------------------------------------ reading


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line of each key and the raw text of plain scalars."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[Any, int] = {}
        self.raw: dict[Any, str] = {}


class _Duplicate(Exception):
    def __init__(self, key: object, line: int) -> None:
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    """Safe YAML that records where each key stands and rejects duplicate keys."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _Duplicate(key, line)
        if key in result:
            raise _Duplicate(key, line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
        if isinstance(value_node, yaml.ScalarNode) and value_node.style is None:
            result.raw[key] = value_node.value
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def load_expectations(path: str | Path) -> Expectations:
    """Read and check an expectations file; `ExpectationsError` names the line of any problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ExpectationsError("not UTF-8 text", path=path) from None
    except OSError as exc:
        raise ExpectationsError(f"cannot read: {exc.strerror or exc}", path=path) from None
    return parse_expectations(text, path=path)


def parse_expectations(text: str, *, path: str | Path | None = None) -> Expectations:
    """Expectations from the text of an expectations file."""
    where = Path(path) if path is not None else None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except _Duplicate as dup:
        raise ExpectationsError(f"duplicate or invalid key {dup.key!r}", path=where, line=dup.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ExpectationsError(f"invalid YAML: {problem}", path=where, line=mark.line + 1 if mark else None) from None
    if not isinstance(data, _Map):
        raise ExpectationsError('expected a mapping with a "discrepancies:" list', path=where, line=1)
    _check_keys(data, _TOP_KEYS, "at the top level", where)
    if "discrepancies" not in data:
        raise ExpectationsError(
            'no "discrepancies:" list (write "discrepancies: []" for a case that must produce none)', path=where, line=1
        )
    severities = _severities(data, where)
    config = _config(data, where)
    entries = _entries(data["discrepancies"], data.lines["discrepancies"], severities, where)
    preamble, postscript, comments = _layout(text, data, entries)
    entries = [replace(e, comment=c) for e, c in zip(entries, comments, strict=True)]
    return Expectations(
        discrepancies=tuple(entries),
        severities=severities,
        config=config,
        path=where,
        preamble=preamble,
        postscript=postscript,
    )


def expectations_from_entries(
    entries: Iterable[Mapping[str, Any] | ExpectedDiscrepancy], *, severities: Iterable[Severity | str] | None = None
) -> Expectations:
    """Expectations from entries written as Python data, in the file's format.

    >>> e = expectations_from_entries([{"rule": "CC102", "severity": "error",
    ...     "subjects": [{"source": "001", "quote": "October 7, 2022"}]}])
    >>> e.discrepancies[0].describe()
    'CC102 date-mismatch (error): 001 "October 7, 2022"'
    """
    pinned = _ALL_SEVERITIES if severities is None else frozenset(Severity(s) for s in severities)
    given = list(entries)
    plain = [e for e in given if not isinstance(e, ExpectedDiscrepancy)]
    parsed = iter(_entries(plain, None, pinned, None))
    result = [e if isinstance(e, ExpectedDiscrepancy) else next(parsed) for e in given]
    return Expectations(discrepancies=tuple(result), severities=pinned)


def _line(data: Any, key: Any = None) -> int | None:
    if isinstance(data, _Map):
        return data.lines.get(key, data.line) if key is not None else data.line
    return None


def _check_keys(data: Mapping[Any, Any], allowed: tuple[str, ...], where_text: str, path: Path | None) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            raise ExpectationsError(
                f'unknown key "{key}" {where_text} (expected {", ".join(allowed)}){hint}', path=path, line=_line(data, key)
            )


def _severity(value: Any, path: Path | None, line: int | None) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ExpectationsError(f"severity must be error, warning or info, not {value!r}", path=path, line=line) from None


def _severities(data: _Map, path: Path | None) -> frozenset[Severity]:
    if "severities" not in data:
        return _ALL_SEVERITIES
    value, line = data["severities"], _line(data, "severities")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ExpectationsError("severities must be a list such as [error, warning]", path=path, line=line)
    return frozenset(_severity(v, path, line) for v in value)


def _config(data: _Map, path: Path | None) -> Config | None:
    if "config" not in data or data["config"] is None:
        return None
    value, line = data["config"], _line(data, "config")
    if not isinstance(value, Mapping):
        raise ExpectationsError("config must be a mapping of claimcheck settings", path=path, line=line)
    from pydantic import ValidationError

    try:
        config = Config.model_validate(dict(value))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if first["loc"] and isinstance(value, _Map):
            line = value.lines.get(first["loc"][0], line)
        raise ExpectationsError(f"config: {where}: {first['msg']}", path=path, line=line) from None
    if path is not None and config.vocabulary:
        # Vocabulary files named in a case are relative to the case, not to wherever pytest runs.
        files = [str(f) if Path(f).is_absolute() else str(path.parent / f) for f in config.vocabulary]
        config = config.model_copy(update={"vocabulary": files})
    return config


def _entries(value: Any, line: int | None, pinned: frozenset[Severity], path: Path | None) -> list[ExpectedDiscrepancy]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ExpectationsError("discrepancies must be a list (one entry per discrepancy, each starting with -)", path=path, line=line)
    return [_entry(item, number, line, pinned, path) for number, item in enumerate(value, start=1)]


def _entry(item: Any, number: int, parent_line: int | None, pinned: frozenset[Severity], path: Path | None) -> ExpectedDiscrepancy:
    here = _line(item) or parent_line
    if not isinstance(item, Mapping):
        raise ExpectationsError(f"discrepancy {number} must be a mapping with rule, severity and subjects", path=path, line=here)
    _check_keys(item, _ENTRY_KEYS, f"in discrepancy {number}", path)
    for key in ("rule", "severity", "subjects"):
        if key not in item:
            raise ExpectationsError(f'discrepancy {number} has no "{key}"', path=path, line=here)
    rule = _rule(item["rule"], path, _line(item, "rule") or here)
    severity = _severity(item["severity"], path, _line(item, "severity") or here)
    if severity not in pinned:
        shown = ", ".join(s.value for s in sorted(pinned, key=lambda s: s.rank))
        raise ExpectationsError(
            f"discrepancy {number} is {severity.value}, a severity this case does not pin (severities: [{shown}])",
            path=path,
            line=_line(item, "severity") or here,
        )
    subjects = _subjects(item["subjects"], number, path, _line(item, "subjects") or here)
    missed = _text(item, "missed", number, path, here)
    note = _text(item, "note", number, path, here)
    return ExpectedDiscrepancy(rule, severity, subjects, missed=missed, note=note, line=here)


def _rule(value: Any, path: Path | None, line: int | None) -> str:
    code = str(value).strip() if isinstance(value, (str, int)) else ""
    if code.upper() in RULES:
        return code.upper()
    for cls in RULES.values():
        if code in cls.aliases:
            return cls.code
        if code == cls.name:
            raise ExpectationsError(f'write the rule code {cls.code}, not its name "{code}"', path=path, line=line)
    if code.upper() in RETIRED:
        raise ExpectationsError(f"rule {code.upper()} was retired: {RETIRED[code.upper()]}", path=path, line=line)
    raise ExpectationsError(f'unknown rule code "{value}" (known: {", ".join(RULES)})', path=path, line=line)


def _subjects(value: Any, number: int, path: Path | None, line: int | None) -> tuple[Subject, ...]:
    if not isinstance(value, list) or not value:
        raise ExpectationsError(f"discrepancy {number}: subjects must be a list of source and quote pairs", path=path, line=line)
    result = []
    for item in value:
        here = _line(item) or line
        if not isinstance(item, Mapping):
            raise ExpectationsError(f"discrepancy {number}: each subject needs a source and a quote", path=path, line=here)
        _check_keys(item, _SUBJECT_KEYS, f"in a subject of discrepancy {number}", path)
        fields = []
        for key in _SUBJECT_KEYS:
            if key not in item or item[key] is None or item[key] == "":
                raise ExpectationsError(f'discrepancy {number}: a subject has no "{key}"', path=path, line=here)
            # A plain scalar keeps its text as written: source: 001 is the id "001", not the number 1.
            raw = item.raw.get(key) if isinstance(item, _Map) else None
            fields.append(raw if raw is not None else str(item[key]))
        result.append(Subject(*fields))
    return tuple(result)


def _text(item: Mapping[str, Any], key: str, number: int, path: Path | None, line: int | None) -> str | None:
    if key not in item:
        return None
    value = item[key]
    if not isinstance(value, str) or not value.strip():
        what = "the reason it is not found yet" if key == "missed" else "text"
        raise ExpectationsError(f"discrepancy {number}: {key} must be {what}", path=path, line=_line(item, key) or line)
    return value.strip()


# ------------------------------------------------------------ file layout


_COMMENT = re.compile(r"^\s*#")


def _layout(text: str, data: _Map, entries: list[ExpectedDiscrepancy]) -> tuple[str, str, list[tuple[str, ...]]]:
    """The text before and after the discrepancies list, and each entry's comment lines."""
    lines = text.splitlines(keepends=True)
    start = data.lines["discrepancies"] - 1
    later = sorted(line - 1 for key, line in data.lines.items() if line - 1 > start)
    end = later[0] if later else len(lines)
    if later:
        # Comment lines just above the next top-level key belong to that key.
        while end - 1 > start and (_COMMENT.match(lines[end - 1]) or not lines[end - 1].strip()):
            end -= 1
        while end < later[0] and not lines[end].strip():
            end += 1
    comments = []
    floor = start
    for entry in entries:
        top = (entry.line or 0) - 1
        found: list[str] = []
        row = top - 1
        while row > floor and (_COMMENT.match(lines[row]) or not lines[row].strip()):
            if lines[row].strip():
                found.insert(0, lines[row].strip())
            row -= 1
        comments.append(tuple(found) if top > floor else ())
        floor = max(floor, top)
    return "".join(lines[:start]), "".join(lines[end:]), comments


# ------------------------------------------------------------------ writing


# Characters YAML does not allow in a file, or reads as line breaks: written as escapes.
_UNPRINTABLE = re.compile(r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes, and escapes for what YAML cannot hold."""
    return _UNPRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


def dump_expectations(expectations: Expectations) -> str:
    """The text of an expectations file, with entries in a stable order.

    Everything the file had outside the ``discrepancies:`` list is kept as it
    was; so are the comment lines above each entry.

    >>> from claimcheck.report import Severity
    >>> e = Expectations((ExpectedDiscrepancy("CC102", Severity.ERROR, (Subject("001", "October 7, 2022"),)),), preamble="")
    >>> print(dump_expectations(e), end="")
    discrepancies:
      - rule: CC102  # date-mismatch
        severity: error
        subjects:
          - source: "001"
            quote: "October 7, 2022"
    """
    head = _HEADER if expectations.preamble is None else expectations.preamble
    if head and not head.endswith("\n"):
        head += "\n"
    entries = sorted(expectations.discrepancies, key=_order)
    if not entries:
        body = "discrepancies: []\n"
    else:
        body = "discrepancies:\n" + "".join(_dump_entry(e) for e in entries)
    tail = expectations.postscript
    if tail and not body.endswith("\n\n") and not tail.startswith("\n"):
        tail = "\n" + tail
    return head + body + tail


def _dump_entry(entry: ExpectedDiscrepancy) -> str:
    cls = RULES.get(entry.rule)
    lines = [f"  {c}" for c in entry.comment]
    lines.append(f"  - rule: {entry.rule}" + (f"  # {cls.name}" if cls else ""))
    lines.append(f"    severity: {entry.severity.value}")
    lines.append("    subjects:")
    for s in entry.subjects:
        lines.append(f"      - source: {_quoted(s.source)}")
        lines.append(f"        quote: {_quoted(s.quote)}")
    if entry.missed is not None:
        lines.append(f"    missed: {_quoted(entry.missed)}")
    if entry.note is not None:
        lines.append(f"    note: {_quoted(entry.note)}")
    return "\n".join(lines) + "\n"
