"""Errors in the chosen format: a CI parser never meets an empty or half-written file.

When a command that writes a report in a machine format (json, sarif, junit,
github …) fails on bad input, `emit_error` still writes a report in that
format — one with no sources or findings and the problem in
`Report.input_errors` — to where the report would have gone (``-o FILE`` or
standard output). `claimcheck.cli.main` calls it for every command before it
prints the one-line error and exits 2, so the mechanism works for any
command whose arguments have ``format`` (and ``output``). Human formats
(text, concise) get the stderr line only.
"""

from __future__ import annotations

import argparse

from .._version import __version__
from ..errors import ClaimcheckError
from ..render import FORMATS, render
from ..report import InputProblem, Report, Summary
from .output import write_output

__all__ = ["HUMAN_FORMATS", "error_report", "emit_error"]

#: Formats written for a person; an error there goes to stderr only.
HUMAN_FORMATS = frozenset({"text", "concise"})


def error_report(errors: list[ClaimcheckError]) -> Report:
    """A report that holds nothing but `errors`, as input problems."""
    return Report(
        tool_version=__version__,
        vocabulary="",
        sources=[],
        claims=[],
        events=[],
        groups=[],
        discrepancies=[],
        summary=Summary(sources=0, claims=0, groups=0, errors=0, warnings=0, infos=0),
        input_errors=[InputProblem(path=e.path, line=e.line, message=e.problem) for e in errors],
    )


def emit_error(error: ClaimcheckError, args: argparse.Namespace) -> None:
    """With a machine format, write `error` as a report in that format where the report would have gone."""
    format = getattr(args, "format", None)
    if format is None or format in HUMAN_FORMATS or format not in FORMATS:
        return
    try:
        write_output(render(error_report([error]), format), getattr(args, "output", None))
    except ClaimcheckError:
        pass  # cannot write there either (its folder is missing); the one-line error says what went wrong first
