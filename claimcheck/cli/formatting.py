"""Output options shared by the commands that print a report (compare, render, check).

`add_report_output` adds ``-f/--format`` (choices from the renderer registry,
so a new format appears by itself), ``-o/--output`` and ``--github-summary``;
`emit_report` renders, writes atomically, and appends the job summary;
`emit_error` writes a failed run's error in the chosen machine format.
"""

from __future__ import annotations

import argparse

from .._version import __version__
from ..errors import ClaimcheckError
from ..render import FORMATS, HUMAN_FORMATS, render
from ..render.github import summary_path, write_step_summary
from ..report import InputProblem, Report, Summary
from .output import check_output_path, write_output

__all__ = ["add_report_output", "check_report_output", "emit_report", "emit_error", "error_report"]


def add_report_output(parser: argparse.ArgumentParser) -> None:
    """Add ``-f/--format``, ``-o/--output`` and ``--github-summary`` to `parser`."""
    default = next(iter(FORMATS))
    parser.add_argument(
        "-f",
        "--format",
        "--output-format",
        dest="format",
        choices=list(FORMATS),
        default=default,
        metavar="FORMAT",
        help=f"output format: {', '.join(FORMATS)} (default: {default}; docs/formats.md describes each)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument(
        "--github-summary",
        action="store_true",
        help="also append a Markdown table of every discrepancy to the GitHub job summary ($GITHUB_STEP_SUMMARY)",
    )
    parser.set_defaults(writes_report=True)


def check_report_output(args: argparse.Namespace) -> None:
    """Fail early (before any work) on output options that cannot be honoured."""
    check_output_path(getattr(args, "output", None))
    if getattr(args, "github_summary", False):
        summary_path()


def emit_report(report: Report, args: argparse.Namespace) -> None:
    """Render `report` as ``args.format``, write it to ``args.output`` or stdout, and the job summary if asked."""
    check_report_output(args)
    write_output(render(report, args.format), args.output)
    if args.github_summary:
        write_step_summary(report)


def error_report(errors: list[ClaimcheckError]) -> Report:
    """An empty report that carries `errors` as its input errors."""
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


def emit_error(error: ClaimcheckError, args: argparse.Namespace) -> ClaimcheckError | None:
    """With a machine format, write `error` in that format where the report would have gone.

    So a CI step that reads the SARIF, JUnit or JSON file finds the error
    instead of a missing or empty file. Only for the commands that write a
    report (those whose parser `add_report_output` built). Human formats get only the one-line
    error on stderr (the caller prints it). Returns the error that kept the
    error report from being written (the output is a folder, its folder is
    missing …), so that the caller's one line can say so; else `None`.
    """
    fmt = getattr(args, "format", None)
    # Only where a report would have gone: `extract -f json` writes a claims file, which an
    # error report would replace with something `check` refuses; the old file is kept instead.
    if not getattr(args, "writes_report", False) or fmt not in FORMATS or fmt in HUMAN_FORMATS:
        return None
    try:
        write_output(render(error_report([error]), fmt), getattr(args, "output", None))
    except ClaimcheckError as unwritten:
        return unwritten
    return None
