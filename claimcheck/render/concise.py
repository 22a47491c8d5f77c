"""The report one line per discrepancy: ``path:line:col: CODE message``.

The shape editors and CI log scanners match (Vim's ``%f:%l:%c: %m``, ruff's
``concise``): path is the source's path as given, else its id; line and
column are 1-based, columns in code points. Sorted by path, line, column.
Inputs that could not be read come as ``path:line:1: input-error message``,
and a summary line ends the output (it does not match the pattern).
"""

from __future__ import annotations

from ..report import Report
from .locate import ordered
from .text import summary_line

__all__ = ["render_concise"]


def render_concise(report: Report) -> str:
    """One ``path:line:col: CODE message`` line per discrepancy, then a summary line."""
    lines = []
    for d, where in ordered(report):
        at = f"{where.label}:{where.line}:{where.column}" if where else "-:1:1"
        lines.append(f"{at}: {d.rule} {_one_line(d.message)}")
    for problem in report.input_errors:
        lines.append(f"{problem.path or '-'}:{problem.line or 1}:1: input-error {_one_line(problem.message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())
