"""Output options shared by the commands that print a report (compare, render, check).

`add_report_output` adds ``-f/--format`` (choices from the renderer registry,
so a new format appears by itself), ``-o/--output`` and ``--github-summary``;
`emit_report` renders, writes atomically, and appends the job summary.
"""

from __future__ import annotations

import argparse

from ..render import FORMATS, render
from ..render.github import summary_path, write_step_summary
from ..report import Report
from .output import write_output

__all__ = ["add_report_output", "check_report_output", "emit_report"]


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


def check_report_output(args: argparse.Namespace) -> None:
    """Fail early (before any work) on output options that cannot be honoured."""
    if getattr(args, "github_summary", False):
        summary_path()


def emit_report(report: Report, args: argparse.Namespace) -> None:
    """Render `report` as ``args.format``, write it to ``args.output`` or stdout, and the job summary if asked."""
    check_report_output(args)
    write_output(render(report, args.format), args.output)
    if args.github_summary:
        write_step_summary(report)
