"""The report as GitHub Actions workflow commands (annotations), and as a job summary.

Each discrepancy is one line on standard output::

    ::error file=draft.md,line=9,col=190,endLine=9,endColumn=205,title=claimcheck CC102 (date-mismatch)::draft.md:9:190: CC102 …

error → ``::error``, warning → ``::warning``, info → ``::notice``. Errors
come first, then warnings, then notices: GitHub shows only the first ten
annotations of each kind per step (fifty per job) and drops the rest
silently, so the job summary (`step_summary`, appended to the file named by
``GITHUB_STEP_SUMMARY``) lists everything.

Escaping follows the Actions toolkit (``packages/core/src/command.ts``):
in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property
values ``:`` and ``,`` also become ``%3A`` and ``%2C``. Columns are 1-based
code points, ``endColumn`` exclusive (as ruff writes them); GitHub takes
columns only on one line, so a figure that spans lines gets none.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConfigError, InputError
from ..report import Discrepancy, Report, Severity
from .locate import Place, ordered, others, place

__all__ = [
    "render_github",
    "escape_data",
    "escape_property",
    "step_summary",
    "write_step_summary",
    "summary_path",
    "SUMMARY_LIMIT",
]

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

#: GitHub refuses a step summary over 1 MiB; ours stops listing rows before that.
SUMMARY_LIMIT = 1024 * 1024 - 4096


def escape_data(text: str) -> str:
    """A workflow command's message, escaped.

    >>> escape_data("50% of\\r\\nall")
    '50%25 of%0D%0Aall'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value, escaped (``:`` and ``,`` too).

    >>> escape_property("a,b: 5%.md")
    'a%2Cb%3A 5%25.md'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """One workflow command per discrepancy and per unreadable input, errors first."""
    commands = [_input_error(p.path, p.line, p.message) for p in report.input_errors]
    items = sorted(ordered(report), key=lambda item: item[0].severity.rank)
    commands += [_annotation(report, d, where) for d, where in items]
    return "".join(line + "\n" for line in commands)


def _annotation(report: Report, d: Discrepancy, where: Place | None) -> str:
    properties: list[tuple[str, str]] = []
    message = f"{d.rule} {d.message}"
    if where is not None:
        properties += _position(where)
        message = f"{where.where}: {message}"
    properties.append(("title", f"claimcheck {d.rule} ({d.name})"))
    lines = [message]
    for claim in others(d):
        other = place(report, claim)
        lines.append(f"  {claim.role} {other.where}: {claim.value} ({_quote(claim.span.quote)})")
    return _command(_COMMANDS[d.severity], properties, "\n".join(lines))


def _position(where: Place) -> list[tuple[str, str]]:
    if where.file is None:
        return []
    properties = [("file", where.file)]
    if not where.in_file:
        return properties
    if where.line == where.end_line:
        return properties + [
            ("line", str(where.line)),
            ("col", str(where.column)),
            ("endLine", str(where.end_line)),
            ("endColumn", str(where.end_column)),
        ]
    return properties + [("line", str(where.line)), ("endLine", str(where.end_line))]


def _input_error(path: str | None, line: int | None, message: str) -> str:
    properties: list[tuple[str, str]] = []
    if path:
        properties.append(("file", path))
        if line is not None:
            properties.append(("line", str(line)))
    properties.append(("title", "claimcheck input error"))
    where = f"{path}:{line}: " if path and line is not None else f"{path}: " if path else ""
    return _command("error", properties, where + message)


def _command(name: str, properties: list[tuple[str, str]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


# ---------------------------------------------------------------- job summary


def step_summary(report: Report, *, limit: int = SUMMARY_LIMIT) -> str:
    """Everything in the report as Markdown for the job summary: a count, then a table.

    Rows stop before the text would pass `limit` bytes (GitHub's cap is 1 MiB
    per step); a last line says how many were left out.
    """
    from .text import summary_line

    head = ["### claimcheck", "", summary_line(report), ""]
    if report.input_errors:
        head += ["**Inputs that could not be read:**", ""]
        head += [f"- `{_code(p.path or '-')}`{':' + str(p.line) if p.line else ''}: {_cell(p.message)}" for p in report.input_errors]
        head.append("")
    if not report.discrepancies:
        return "\n".join(head) + "\n"
    head += ["| | Rule | Where | Message | Other claims |", "| --- | --- | --- | --- | --- |"]
    text = "\n".join(head) + "\n"
    size = len(text.encode("utf-8"))
    items = sorted(ordered(report), key=lambda item: item[0].severity.rank)
    for shown, (d, where) in enumerate(items):
        row = _row(report, d, where) + "\n"
        cost = len(row.encode("utf-8"))
        if size + cost > limit - 200:
            text += f"\n…and {len(items) - shown} more, not listed here (the summary would pass GitHub's size limit).\n"
            break
        text += row
        size += cost
    return text


def _row(report: Report, d: Discrepancy, where: Place | None) -> str:
    icon = {Severity.ERROR: "❌ error", Severity.WARNING: "⚠️ warning", Severity.INFO: "ℹ️ info"}[d.severity]
    at = f"`{_code(where.where)}`" if where else ""
    against = "<br>".join(f"`{_code(place(report, c).where)}` {_cell(c.value)}" for c in others(d))
    return f"| {icon} | {d.rule} {d.name} | {at} | {_cell(d.message)} | {against} |"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes and markup escaped."""
    text = " ".join(text.split())
    for ch in "\\|*_`[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _code(text: str) -> str:
    """Text safe inside a table cell's code span: one line, no backticks or pipes."""
    return " ".join(text.split()).replace("`", "'").replace("|", "\\|")


def summary_path(explicit: str | None = None) -> str:
    """The job summary file: `explicit`, else ``$GITHUB_STEP_SUMMARY``.

    `ConfigError` when neither is set: outside GitHub Actions, set the
    variable to a file of your choice.
    """
    path = explicit or os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        raise ConfigError(
            "--github-summary: GITHUB_STEP_SUMMARY is not set (it is, in GitHub Actions); "
            "outside Actions set it to the file to append to"
        )
    return path


def write_step_summary(report: Report, path: str | None = None) -> str:
    """Append `step_summary(report)` to `path` (default ``$GITHUB_STEP_SUMMARY``); returns the path.

    Appends in one write, as GitHub expects other steps' summaries in the same file.
    """
    target = summary_path(path)
    text = step_summary(report)
    if not Path(target).parent.is_dir():
        raise InputError("cannot write the job summary: the folder does not exist", path=target)
    try:
        with open(target, "a", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except OSError as exc:
        raise InputError(f"cannot write the job summary: {exc.strerror}", path=target) from None
    return target
